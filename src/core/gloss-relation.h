/* gloss-relation.h: a typed link between two entities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-annotation.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_RELATION (gloss_relation_get_type ())

G_DECLARE_FINAL_TYPE (GlossRelation, gloss_relation, GLOSS, RELATION, GlossAnnotation)

GlossRelation *gloss_relation_new      (const char    *type_id,
                                        GlossEntity   *from,
                                        GlossEntity   *to);
GlossEntity   *gloss_relation_get_from (GlossRelation *self);
void           gloss_relation_set_from (GlossRelation *self,
                                        GlossEntity   *from);
GlossEntity   *gloss_relation_get_to   (GlossRelation *self);
void           gloss_relation_set_to   (GlossRelation *self,
                                        GlossEntity   *to);

G_END_DECLS
