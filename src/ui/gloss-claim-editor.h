/* gloss-claim-editor.h: the inspector's fields for a selected claim
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-store.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_CLAIM_EDITOR (gloss_claim_editor_get_type ())

G_DECLARE_FINAL_TYPE (GlossClaimEditor, gloss_claim_editor, GLOSS, CLAIM_EDITOR, GtkWidget)

GtkWidget  *gloss_claim_editor_new       (void);
GlossStore *gloss_claim_editor_get_store (GlossClaimEditor *self);
void        gloss_claim_editor_set_store (GlossClaimEditor *self,
                                          GlossStore       *store);
GlossClaim *gloss_claim_editor_get_claim (GlossClaimEditor *self);
void        gloss_claim_editor_set_claim (GlossClaimEditor *self,
                                          GlossClaim       *claim);

G_END_DECLS
