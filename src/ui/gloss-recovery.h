/* gloss-recovery.h: the offer to recover the edits an earlier session
 * left in a journal of a page's document (DESIGN §8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-document-page.h"
#include "gloss-window.h"

G_BEGIN_DECLS

/* If edits of an earlier session of @page's document were left behind,
 * asks (once the page shows) whether to recover them. */
void          _gloss_recovery_offer       (GlossDocumentPage *page);
/* While held, the offer waits; the last release makes it for the
 * document @page shows then (another one, perhaps, than when held). */
void          _gloss_recovery_hold        (GlossDocumentPage *page);
void          _gloss_recovery_release     (GlossDocumentPage *page);
/* The window (of this process) holding the journal of @file, or NULL. */
GlossWindow  *_gloss_recovery_find_holder (GFile             *file);

G_END_DECLS
