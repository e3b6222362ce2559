/* gloss-attribute-rows.c: rows that edit an annotation's schema attributes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows are built with their values already set and only then connected,
 * so filling never calls back.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-attribute-rows.h"

typedef struct
{
  GlossAttributeSetFunc set;
  gpointer              user_data;
  char                 *attr_id;
} RowData;

static void
row_data_free (gpointer data)
{
  RowData *rd = data;

  g_free (rd->attr_id);
  g_free (rd);
}

static void
enum_cb (AdwComboRow *row,
         GParamSpec  *pspec,
         RowData     *rd)
{
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(JsonNode) node = NULL;

  if (selected > 0 && selected != GTK_INVALID_LIST_POSITION)
    {
      GtkStringObject *item = adw_combo_row_get_selected_item (row);

      node = json_node_init_string (json_node_alloc (), gtk_string_object_get_string (item));
    }
  rd->set (rd->user_data, rd->attr_id, node);
}

static void
bool_cb (GtkSwitch  *sw,
         GParamSpec *pspec,
         RowData    *rd)
{
  g_autoptr(JsonNode) node = json_node_init_boolean (json_node_alloc (), gtk_switch_get_active (sw));

  rd->set (rd->user_data, rd->attr_id, node);
}

static void
text_cb (AdwEntryRow *row,
         RowData     *rd)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(JsonNode) node = NULL;

  if (*text != '\0')
    node = json_node_init_string (json_node_alloc (), text);
  rd->set (rd->user_data, rd->attr_id, node);
}

static gboolean
holds (JsonNode *value,
       GType     type)
{
  return value != NULL && JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == type;
}

guint
gloss_attribute_rows_fill (GtkListBox            *list,
                           GlossStore            *store,
                           GlossAnnotation       *annotation,
                           GlossAttributeSetFunc  set,
                           gpointer               user_data)
{
  GtkWidget *child;
  GListModel *defs;
  const char *type_id;
  guint n, shown = 0;

  g_return_val_if_fail (GTK_IS_LIST_BOX (list), 0);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
  if (store == NULL || annotation == NULL)
    return 0;

  type_id = gloss_annotation_get_type_id (annotation);
  defs = gloss_schema_get_attributes (gloss_store_get_schema (store));
  n = g_list_model_get_n_items (defs);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAttributeDef) def = g_list_model_get_item (defs, i);
      const char *id = gloss_attribute_def_get_id (def);
      const char *name = gloss_attribute_def_get_name (def);
      JsonNode *value = gloss_annotation_get_attr (annotation, id);
      RowData *rd;
      GtkWidget *row;

      if (!gloss_attribute_def_applies (def, gloss_annotation_get_kind (annotation), type_id))
        continue;

      rd = g_new0 (RowData, 1);
      rd->set = set;
      rd->user_data = user_data;
      rd->attr_id = g_strdup (id);

      switch (gloss_attribute_def_get_kind (def))
        {
        case GLOSS_ATTRIBUTE_ENUM:
          {
            const char * const *values = gloss_attribute_def_get_values (def);
            g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
            guint selected = 0;

            gtk_string_list_append (strings, "—");
            for (guint j = 0; values != NULL && values[j] != NULL; j++)
              {
                gtk_string_list_append (strings, values[j]);
                if (holds (value, G_TYPE_STRING) && g_strcmp0 (json_node_get_string (value), values[j]) == 0)
                  selected = j + 1;
              }
            row = adw_combo_row_new ();
            adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (strings));
            adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
            g_object_set_data_full (G_OBJECT (row), "gloss-attr", rd, row_data_free);
            g_signal_connect (row, "notify::selected", G_CALLBACK (enum_cb), rd);
          }
          break;

        case GLOSS_ATTRIBUTE_BOOL:
          {
            GtkWidget *sw = gtk_switch_new ();

            gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
            gtk_switch_set_active (GTK_SWITCH (sw), holds (value, G_TYPE_BOOLEAN) && json_node_get_boolean (value));
            row = adw_action_row_new ();
            adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
            adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
            g_object_set_data_full (G_OBJECT (sw), "gloss-attr", rd, row_data_free);
            g_signal_connect (sw, "notify::active", G_CALLBACK (bool_cb), rd);
          }
          break;

        case GLOSS_ATTRIBUTE_TEXT:
        default:
          row = adw_entry_row_new ();
          adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
          if (holds (value, G_TYPE_STRING))
            gtk_editable_set_text (GTK_EDITABLE (row), json_node_get_string (value));
          g_object_set_data_full (G_OBJECT (row), "gloss-attr", rd, row_data_free);
          g_signal_connect (row, "apply", G_CALLBACK (text_cb), rd);
          break;
        }

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name ? name : id);
      gtk_list_box_append (list, row);
      shown++;
    }

  return shown;
}
