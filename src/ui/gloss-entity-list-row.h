/* gloss-entity-list-row.h: the rows of the sidebar's entity list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-schema.h"

G_BEGIN_DECLS

GtkWidget *gloss_entity_list_row_new    (void);
void       gloss_entity_list_row_update (GtkListItem *list_item,
                                         GlossSchema *schema);

G_END_DECLS
