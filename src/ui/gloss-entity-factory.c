/* gloss-entity-factory.c: list items that show an entity's name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkDropDown's own labels never ellipsize: an entity named "Korea
 * Research Institute for National Strategy" made the inspector's Entity
 * dropdown as wide as the name, and the row's title ("Entity", "1
 * mention") wrapped letter by letter beside it.
 */
#include "config.h"

#include "gloss-entity-factory.h"
#include "gloss-entity.h"

/* Room for a short name in full; longer ones are cut. */
#define ELLIPSIZED_CHARS 16

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (data))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), ELLIPSIZED_CHARS);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  data)
{
  GlossEntity *entity = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), GLOSS_IS_ENTITY (entity) ? gloss_entity_get_name (entity) : "");
}

GtkListItemFactory *
gloss_entity_factory_new (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  return factory;
}
