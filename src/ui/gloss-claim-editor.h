/* gloss-claim-editor.h: the inspector's fields for a selected claim
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-annotation-editor.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_CLAIM_EDITOR (gloss_claim_editor_get_type ())

G_DECLARE_FINAL_TYPE (GlossClaimEditor, gloss_claim_editor, GLOSS, CLAIM_EDITOR, GlossAnnotationEditor)

GtkWidget *gloss_claim_editor_new (void);

G_END_DECLS
