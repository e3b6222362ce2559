/* gloss-attribute-rows.c: rows that edit an annotation's schema attributes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows are built with their values already set and only then connected,
 * and rows kept for the next annotation get its values with their
 * handlers blocked, so filling never calls back.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-attribute-rows.h"

typedef struct
{
  GlossAttributeSetFunc set;
  gpointer              user_data;
  char                 *attr_id;
  /* What the row was built for (kind, id, name, values): a row whose
   * definition is unchanged gets the next annotation's value in place. */
  char                 *signature;
  GtkWidget            *editor;     /* the row itself, or a bool's switch */
  /* An enum's values, in the order of its list after "—": the list shows
   * them translated, the annotation takes the value itself. */
  GStrv                 values;
} RowData;

static void
row_data_free (gpointer data)
{
  RowData *rd = data;

  g_free (rd->attr_id);
  g_free (rd->signature);
  g_strfreev (rd->values);
  g_free (rd);
}

static void
enum_cb (AdwComboRow *row,
         GParamSpec  *pspec,
         RowData     *rd)
{
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(JsonNode) node = NULL;

  if (selected > 0 && selected != GTK_INVALID_LIST_POSITION &&
      rd->values != NULL && selected <= g_strv_length (rd->values))
    node = json_node_init_string (json_node_alloc (), rd->values[selected - 1]);
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

/* The default schema's attributes (gloss_schema_new_default ()). */
static const struct {
  const char *id;
  const char *name;
} default_attributes[] = {
  { "level", N_("Mention level") },
  { "negated", N_("Negated") },
};

static const char * const default_levels[] = {
  NC_("mention level", "name"), NC_("mention level", "nominal"), NC_("mention level", "pronoun"),
};

const char *
gloss_attribute_shown_name (GlossAttributeDef *def)
{
  const char *id = gloss_attribute_def_get_id (def);
  const char *name = gloss_attribute_def_get_name (def);

  for (gsize i = 0; i < G_N_ELEMENTS (default_attributes); i++)
    if (g_strcmp0 (id, default_attributes[i].id) == 0 && g_strcmp0 (name, default_attributes[i].name) == 0)
      return _(default_attributes[i].name);
  return name != NULL ? name : id;
}

const char *
gloss_attribute_shown_value (GlossAttributeDef *def,
                             const char        *value)
{
  if (g_strcmp0 (gloss_attribute_def_get_id (def), default_attributes[0].id) == 0)
    for (gsize i = 0; i < G_N_ELEMENTS (default_levels); i++)
      if (g_strcmp0 (value, default_levels[i]) == 0)
        return g_dpgettext2 (GETTEXT_PACKAGE, "mention level", value);
  return value;
}

static gboolean
holds (JsonNode *value,
       GType     type)
{
  return value != NULL && JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == type;
}

static char *
signature_of (GlossAttributeDef *def)
{
  const char * const *values = gloss_attribute_def_get_values (def);
  GString *sig = g_string_new (NULL);

  g_string_append_printf (sig, "%d\x1f%s\x1f%s", gloss_attribute_def_get_kind (def),
                          gloss_attribute_def_get_id (def), gloss_attribute_def_get_name (def) ?: "");
  for (guint j = 0; values != NULL && values[j] != NULL; j++)
    g_string_append_printf (sig, "\x1f%s", values[j]);
  return g_string_free (sig, FALSE);
}

/* The definitions that apply to @annotation, in the schema's order. */
static GPtrArray *
applicable_defs (GlossStore      *store,
                 GlossAnnotation *annotation)
{
  GPtrArray *applicable = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *defs = gloss_schema_get_attributes (gloss_store_get_schema (store));
  const char *type_id = gloss_annotation_get_type_id (annotation);
  guint n = g_list_model_get_n_items (defs);

  for (guint i = 0; i < n; i++)
    {
      GlossAttributeDef *def = g_list_model_get_item (defs, i);

      if (gloss_attribute_def_applies (def, gloss_annotation_get_kind (annotation), type_id))
        g_ptr_array_add (applicable, def);
      else
        g_object_unref (def);
    }
  return applicable;
}

static guint
enum_position (GlossAttributeDef *def,
               JsonNode          *value)
{
  const char * const *values = gloss_attribute_def_get_values (def);

  for (guint j = 0; values != NULL && values[j] != NULL; j++)
    if (holds (value, G_TYPE_STRING) && g_strcmp0 (json_node_get_string (value), values[j]) == 0)
      return j + 1;
  return 0;
}

/* Sets the row's editor to @value without calling back. */
static void
set_value (RowData           *rd,
           GlossAttributeDef *def,
           JsonNode          *value)
{
  switch (gloss_attribute_def_get_kind (def))
    {
    case GLOSS_ATTRIBUTE_ENUM:
      g_signal_handlers_block_by_func (rd->editor, enum_cb, rd);
      adw_combo_row_set_selected (ADW_COMBO_ROW (rd->editor), enum_position (def, value));
      g_signal_handlers_unblock_by_func (rd->editor, enum_cb, rd);
      break;

    case GLOSS_ATTRIBUTE_BOOL:
      g_signal_handlers_block_by_func (rd->editor, bool_cb, rd);
      gtk_switch_set_active (GTK_SWITCH (rd->editor), holds (value, G_TYPE_BOOLEAN) && json_node_get_boolean (value));
      g_signal_handlers_unblock_by_func (rd->editor, bool_cb, rd);
      break;

    case GLOSS_ATTRIBUTE_TEXT:
    default:
      {
        const char *text = holds (value, G_TYPE_STRING) ? json_node_get_string (value) : "";

        if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (rd->editor)), text) != 0)
          gtk_editable_set_text (GTK_EDITABLE (rd->editor), text);
      }
      break;
    }
}

/* Whether @list's rows were built, in this order, for @defs and the same
 * callback: then only their values need to change (rebuilding the rows
 * at every selection was a tenth of a key press). */
static gboolean
rows_fit (GtkListBox            *list,
          GPtrArray             *defs,
          GlossAttributeSetFunc  set,
          gpointer               user_data)
{
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));

  for (guint i = 0; i < defs->len; i++, row = gtk_widget_get_next_sibling (row))
    {
      RowData *rd = row != NULL ? g_object_get_data (G_OBJECT (row), "gloss-attr") : NULL;
      g_autofree char *signature = NULL;

      if (rd == NULL || rd->set != set || rd->user_data != user_data)
        return FALSE;
      signature = signature_of (g_ptr_array_index (defs, i));
      if (g_strcmp0 (signature, rd->signature) != 0)
        return FALSE;
    }
  return row == NULL;
}

static GtkWidget *
new_row (GlossAttributeDef *def,
         JsonNode          *value,
         RowData           *rd)
{
  GtkWidget *row;

  switch (gloss_attribute_def_get_kind (def))
    {
    case GLOSS_ATTRIBUTE_ENUM:
      {
        const char * const *values = gloss_attribute_def_get_values (def);
        g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);

        gtk_string_list_append (strings, "—");
        for (guint j = 0; values != NULL && values[j] != NULL; j++)
          gtk_string_list_append (strings, gloss_attribute_shown_value (def, values[j]));
        row = adw_combo_row_new ();
        adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (strings));
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), enum_position (def, value));
        rd->editor = row;
        rd->values = g_strdupv ((char **) values);
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
        rd->editor = sw;
        g_signal_connect (sw, "notify::active", G_CALLBACK (bool_cb), rd);
      }
      break;

    case GLOSS_ATTRIBUTE_TEXT:
    default:
      row = adw_entry_row_new ();
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      if (holds (value, G_TYPE_STRING))
        gtk_editable_set_text (GTK_EDITABLE (row), json_node_get_string (value));
      rd->editor = row;
      g_signal_connect (row, "apply", G_CALLBACK (text_cb), rd);
      break;
    }
  /* The editor, whose handler uses it, holds the data; the row points at
   * it for rows_fit(). */
  g_object_set_data_full (G_OBJECT (rd->editor), "gloss-attr", rd, row_data_free);
  if (rd->editor != row)
    g_object_set_data (G_OBJECT (row), "gloss-attr", rd);
  return row;
}

guint
gloss_attribute_rows_fill (GtkListBox            *list,
                           GlossStore            *store,
                           GlossAnnotation       *annotation,
                           GlossAttributeSetFunc  set,
                           gpointer               user_data)
{
  g_autoptr(GPtrArray) defs = NULL;
  GtkWidget *child;

  g_return_val_if_fail (GTK_IS_LIST_BOX (list), 0);

  if (store == NULL || annotation == NULL)
    {
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
        gtk_list_box_remove (list, child);
      return 0;
    }

  defs = applicable_defs (store, annotation);
  if (rows_fit (list, defs, set, user_data))
    {
      child = gtk_widget_get_first_child (GTK_WIDGET (list));
      for (guint i = 0; i < defs->len; i++, child = gtk_widget_get_next_sibling (child))
        {
          GlossAttributeDef *def = g_ptr_array_index (defs, i);

          set_value (g_object_get_data (G_OBJECT (child), "gloss-attr"), def,
                     gloss_annotation_get_attr (annotation, gloss_attribute_def_get_id (def)));
        }
      return defs->len;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
  for (guint i = 0; i < defs->len; i++)
    {
      GlossAttributeDef *def = g_ptr_array_index (defs, i);
      const char *id = gloss_attribute_def_get_id (def);
      RowData *rd = g_new0 (RowData, 1);
      GtkWidget *row;

      rd->set = set;
      rd->user_data = user_data;
      rd->attr_id = g_strdup (id);
      rd->signature = signature_of (def);
      row = new_row (def, gloss_annotation_get_attr (annotation, id), rd);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gloss_attribute_shown_name (def));
      gtk_list_box_append (list, row);
    }
  return defs->len;
}
