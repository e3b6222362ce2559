/* gloss-entity-list.h: the sidebar's entities, grouped by type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-store.h"
#include "gloss-unlinked-group.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ENTITY_LIST (gloss_entity_list_get_type ())

G_DECLARE_FINAL_TYPE (GlossEntityList, gloss_entity_list, GLOSS, ENTITY_LIST, GtkWidget)

GtkWidget  *gloss_entity_list_new       (void);
GlossStore *gloss_entity_list_get_store (GlossEntityList *self);
void        gloss_entity_list_set_store (GlossEntityList *self,
                                         GlossStore      *store);
gboolean    gloss_entity_list_get_loading (GlossEntityList *self);
void        gloss_entity_list_set_loading (GlossEntityList *self,
                                           gboolean         loading);
void        gloss_entity_list_unselect  (GlossEntityList *self);
/* Select @entity's row and scroll to it, without emitting
 * GlossEntityList::entity-selected (the caller already knows). */
gboolean    gloss_entity_list_select_entity (GlossEntityList *self,
                                             GlossEntity     *entity);
/* The same for @mention's row: its entity's, or, without one, that of
 * the mentions of its type and text that no entity holds. */
gboolean    gloss_entity_list_select_mention (GlossEntityList *self,
                                              GlossMention    *mention);
GlossEntity *gloss_entity_list_get_selected (GlossEntityList *self);
GlossUnlinkedGroup *gloss_entity_list_get_selected_group (GlossEntityList *self);
/* Entities and rows of mentions without an entity (0 while loading). */
guint       gloss_entity_list_get_n_items (GlossEntityList *self);
/* The flattened rows: GlossLabel headers, GlossEntity and
 * GlossUnlinkedGroup items. */
GListModel *gloss_entity_list_get_model (GlossEntityList *self);

G_END_DECLS
