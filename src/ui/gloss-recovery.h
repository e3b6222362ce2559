/* gloss-recovery.h: the crash journal of a window's document, and the
 * offer to recover a leftover one (DESIGN §8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-journal.h"
#include "gloss-window.h"

G_BEGIN_DECLS

/* Call when @window starts showing @store (loaded from @file, or NULL for
 * a new document), before anyone edits it: attaches a journal and, if
 * edits of an earlier session were left behind, asks to recover them. The
 * journal of the document shown before is dropped (and deleted when
 * that document had no unsaved changes). */
void _gloss_recovery_attach  (GlossWindow *window,
                              GlossStore  *store,
                              GFile       *file);
/* After the document was saved to @file. */
void _gloss_recovery_saved   (GlossWindow *window,
                              GFile       *file);
/* The journal of @window's document (transfer none), or NULL. */
GlossJournal *_gloss_recovery_get_journal (GlossWindow *window);
/* On a clean close (saved, or changes discarded on purpose). */
void _gloss_recovery_discard (GlossWindow *window);

G_END_DECLS
