/* gloss-relation-list.h: the sidebar's relations: from, type, to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-store.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_RELATION_LIST (gloss_relation_list_get_type ())

G_DECLARE_FINAL_TYPE (GlossRelationList, gloss_relation_list, GLOSS, RELATION_LIST, GtkWidget)

GtkWidget  *gloss_relation_list_new             (void);
GlossStore *gloss_relation_list_get_store       (GlossRelationList *self);
void        gloss_relation_list_set_store       (GlossRelationList *self,
                                                 GlossStore        *store);
GListModel *gloss_relation_list_get_model       (GlossRelationList *self);
/* Only relations of @type_id (NULL: any) with @entity_id at either end
 * (NULL: any). */
void        gloss_relation_list_set_filter      (GlossRelationList *self,
                                                 const char        *type_id,
                                                 const char        *entity_id);
gboolean    gloss_relation_list_select_relation (GlossRelationList *self,
                                                 GlossRelation     *relation);
void        gloss_relation_list_activate        (GlossRelationList *self,
                                                 guint              position);

G_END_DECLS
