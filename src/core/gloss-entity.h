/* gloss-entity.h: the thing that mentions refer to (a coreference cluster)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-annotation.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ENTITY (gloss_entity_get_type ())

G_DECLARE_FINAL_TYPE (GlossEntity, gloss_entity, GLOSS, ENTITY, GlossAnnotation)

GlossEntity *gloss_entity_new              (const char  *type_id,
                                            const char  *name);
const char  *gloss_entity_get_name         (GlossEntity *self);
void         gloss_entity_set_name         (GlossEntity *self,
                                            const char  *name);
/* A knowledge-base id such as "wikidata:Q56226"; NULL for none. */
/* PREFIX:ID: a prefix of ASCII letters, digits, '.', '_' or '-' that
 * starts with a letter, a colon, then an id without spaces or controls. */
gboolean     gloss_entity_check_kb         (const char  *kb,
                                            GError     **error);
const char  *gloss_entity_get_kb           (GlossEntity *self);
void         gloss_entity_set_kb           (GlossEntity *self,
                                            const char  *kb);
/* A GCompareFunc for arrays of GlossEntity *: by name, as people sort
 * (g_utf8_collate), an entity without a name first. */
int          gloss_entity_compare_names    (gconstpointer a,
                                            gconstpointer b);
/* Maintained by the store: how many mentions point at this entity. */
guint        gloss_entity_get_n_mentions   (GlossEntity *self);

G_END_DECLS
