/* gloss-recovery.h: the crash journal of a window's document, and the
 * offer to recover a leftover one (DESIGN §8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-journal.h"
#include "gloss-window.h"

G_BEGIN_DECLS

/* Call when @window starts showing @store (loaded from @file, whose
 * bytes hash to @file_sha256 if the caller has it; or NULL for a new
 * document, read from @source), before anyone edits it: attaches a
 * journal and, if edits of an earlier session were left behind, asks to
 * recover them. The journal of the document shown before is released. */
void          _gloss_recovery_attach      (GlossWindow *window,
                                           GlossStore  *store,
                                           GFile       *file,
                                           const char  *file_sha256,
                                           GFile       *source);
/* After the document was saved to @file. */
void          _gloss_recovery_saved       (GlossWindow *window,
                                           GFile       *file);
/* The journal of @window's document (transfer none), or NULL. */
GlossJournal *_gloss_recovery_get_journal (GlossWindow *window);
/* The window (of this process) holding the journal of @file, or NULL. */
GlossWindow  *_gloss_recovery_find_holder (GFile       *file);
/* Lets the journal go: kept on disk (as a leftover, offered at the next
 * opening) if the document has unsaved changes, deleted if not. */
void          _gloss_recovery_release     (GlossWindow *window);
/* On a clean close (saved, or changes discarded on purpose). */
void          _gloss_recovery_discard     (GlossWindow *window);

G_END_DECLS
