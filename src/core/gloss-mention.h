/* gloss-mention.h: one occurrence of an entity in the text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-annotation.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_MENTION (gloss_mention_get_type ())

G_DECLARE_FINAL_TYPE (GlossMention, gloss_mention, GLOSS, MENTION, GlossAnnotation)

GlossMention *gloss_mention_new        (const char      *type_id,
                                        const GlossSpan *spans,
                                        guint            n_spans);
GlossEntity  *gloss_mention_get_entity (GlossMention    *self);
void          gloss_mention_set_entity (GlossMention    *self,
                                        GlossEntity     *entity);

G_END_DECLS
