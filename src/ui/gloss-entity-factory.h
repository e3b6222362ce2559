/* gloss-entity-factory.h: list items that show an entity's name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A factory of labels showing the name of a GlossEntity item. With
 * @ellipsize, a long name is cut with an ellipsis and asks for no more
 * than a short name's width (for a dropdown's button, which must leave
 * its row's title room); without, it shows whole (for the popup's list). */
GtkListItemFactory *gloss_entity_factory_new (gboolean ellipsize);

G_END_DECLS
