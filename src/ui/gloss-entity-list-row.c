/* gloss-entity-list-row.c: the rows of the sidebar's entity list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every list item holds a type's header and a row, one of them shown: the
 * list is flat (docs/decisions.md), its headers items like the rest.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-entity-list-row.h"
#include "gloss-label-palette.h"
#include "gloss-label-tooltip.h"
#include "gloss-unlinked-mentions.h"

/**
 * gloss_entity_list_row_new:
 *
 * Returns: (transfer floating): the child of a list item: a header and a
 *   row, one of them shown
 */
GtkWidget *
gloss_entity_list_row_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *swatch_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *kb = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_widget_add_css_class (title, "dim-label");
  gtk_box_append (GTK_BOX (header), title);
  gtk_widget_add_css_class (header, "entity-header");
  g_object_set_data (G_OBJECT (header), "title", title);

  gtk_widget_set_valign (swatch_box, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (kb), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (kb), 14);
  gtk_widget_add_css_class (kb, "dim-label");
  gtk_widget_add_css_class (kb, "caption");
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_add_css_class (count, "mention-count");
  gtk_box_append (GTK_BOX (row), swatch_box);
  gtk_box_append (GTK_BOX (row), name);
  gtk_box_append (GTK_BOX (row), kb);
  gtk_box_append (GTK_BOX (row), count);
  g_object_set_data (G_OBJECT (row), "swatch-box", swatch_box);
  g_object_set_data (G_OBJECT (row), "name", name);
  g_object_set_data (G_OBJECT (row), "kb", kb);
  g_object_set_data (G_OBJECT (row), "count", count);
  gloss_label_tooltip_attach (row, GTK_LABEL (name));

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), row);
  g_object_set_data (G_OBJECT (box), "header", header);
  g_object_set_data (G_OBJECT (box), "row", row);
  return box;
}

/**
 * gloss_entity_list_row_update:
 * @list_item: a list item whose child gloss_entity_list_row_new () made
 * @schema: (nullable): the schema its type's colour comes from
 *
 * Shows the item's row: a type's header, an entity, or the mentions of
 * one text without an entity.
 */
void
gloss_entity_list_row_update (GtkListItem *list_item,
                              GlossSchema *schema)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *header = g_object_get_data (G_OBJECT (box), "header");
  GtkWidget *row = g_object_get_data (G_OBJECT (box), "row");
  GObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *parent;

  if (item == NULL)
    return;

  parent = gtk_widget_get_parent (box);

  if (GLOSS_IS_LABEL (item))
    {
      GlossLabel *label = GLOSS_LABEL (item);
      GtkLabel *title = g_object_get_data (G_OBJECT (header), "title");

      gtk_label_set_text (title, gloss_label_shown_name (label));
      gtk_widget_set_visible (header, TRUE);
      gtk_widget_set_visible (row, FALSE);
      gtk_list_item_set_selectable (list_item, FALSE);
      gtk_list_item_set_activatable (list_item, FALSE);
      if (parent != NULL)
        gtk_widget_add_css_class (parent, "header-row");
    }
  else
    {
      GtkWidget *swatch_box = g_object_get_data (G_OBJECT (row), "swatch-box");
      GtkLabel *name = g_object_get_data (G_OBJECT (row), "name");
      GtkLabel *kb = g_object_get_data (G_OBJECT (row), "kb");
      GtkLabel *count = g_object_get_data (G_OBJECT (row), "count");
      gboolean unlinked = GLOSS_IS_UNLINKED_GROUP (item);
      const char *type_id;
      GlossLabel *type = NULL;
      g_autofree char *n = NULL;

      if (unlinked)
        {
          GlossUnlinkedGroup *group = GLOSS_UNLINKED_GROUP (item);

          type_id = gloss_unlinked_group_get_type_id (group);
          n = g_strdup_printf ("%u", gloss_unlinked_group_get_n_mentions (group));
          gtk_label_set_text (name, gloss_unlinked_group_get_text (group));
          /* Translators: a sidebar row of mentions that no entity holds */
          gtk_label_set_text (kb, _("not linked"));
          gtk_widget_set_visible (GTK_WIDGET (kb), TRUE);
        }
      else
        {
          GlossEntity *entity = GLOSS_ENTITY (item);

          type_id = gloss_annotation_get_type_id (GLOSS_ANNOTATION (entity));
          n = g_strdup_printf ("%u", gloss_entity_get_n_mentions (entity));
          gtk_label_set_text (name, gloss_entity_get_name (entity));
          gtk_label_set_text (kb, gloss_entity_get_kb (entity));
          gtk_widget_set_visible (GTK_WIDGET (kb), gloss_entity_get_kb (entity) != NULL);
        }

      if (schema != NULL)
        type = gloss_schema_lookup (schema, GLOSS_LABEL_ENTITY, type_id);
      gloss_color_swatch_place (GTK_BOX (swatch_box), type ? gloss_label_get_color (type) : NULL);
      gloss_color_swatch_set_hollow (gtk_widget_get_first_child (swatch_box), unlinked);
      /* A long KB id gives way to the name; "nicht verknüpft" does not. */
      gtk_label_set_max_width_chars (kb, unlinked ? -1 : 14);
      gtk_label_set_text (count, n);

      gtk_widget_set_visible (header, FALSE);
      gtk_widget_set_visible (row, TRUE);
      gtk_list_item_set_selectable (list_item, TRUE);
      gtk_list_item_set_activatable (list_item, TRUE);
      if (parent != NULL)
        gtk_widget_remove_css_class (parent, "header-row");
    }
}
