/* gloss-claim.h: a statement the text reports, and who made it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-annotation.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_CLAIM (gloss_claim_get_type ())

G_DECLARE_FINAL_TYPE (GlossClaim, gloss_claim, GLOSS, CLAIM, GlossAnnotation)

GlossClaim     *gloss_claim_new           (const char      *type_id,
                                           const GlossSpan *spans,
                                           guint            n_spans);
/* NULL claimant: the article's author. */
GlossEntity    *gloss_claim_get_claimant  (GlossClaim      *self);
void            gloss_claim_set_claimant  (GlossClaim      *self,
                                           GlossEntity     *claimant);
GlossCertainty  gloss_claim_get_certainty (GlossClaim      *self);
void            gloss_claim_set_certainty (GlossClaim      *self,
                                           GlossCertainty   certainty);
/* The entities the claim is about, in order, without duplicates. */
guint           gloss_claim_get_n_about   (GlossClaim      *self);
GlossEntity    *gloss_claim_get_about     (GlossClaim      *self,
                                           guint            i);
gboolean        gloss_claim_is_about      (GlossClaim      *self,
                                           GlossEntity     *entity);
void            gloss_claim_add_about     (GlossClaim      *self,
                                           GlossEntity     *entity);
void            gloss_claim_remove_about  (GlossClaim      *self,
                                           GlossEntity     *entity);

G_END_DECLS
