/* gloss-schema-editor.c: a preferences page for the schema's claim types,
 * relation types (with their from/to constraints) and attributes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The schema belongs to the document and travels with the file; changing
 * it emits GlossSchema::changed, which marks the document modified. Rows
 * are rebuilt from an idle, never from inside their own signals.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-attribute-rows.h"
#include "gloss-error.h"
#include "gloss-schema-edits.h"
#include "gloss-schema-editor.h"
#include "gloss-toast-details.h"
#include "gloss-type-removal.h"

struct _GlossSchemaEditor
{
  AdwPreferencesPage  parent_instance;

  AdwPreferencesGroup *claim_group;
  AdwPreferencesGroup *relation_group;
  AdwPreferencesGroup *attr_group;
  GtkWidget           *add_claim_button;
  GtkWidget           *add_relation_button;
  GtkWidget           *add_attr_button;
  GtkListBox          *claim_list;
  GtkListBox          *relation_list;
  GtkListBox          *attr_list;

  GlossStore          *store;
  GlossSchema         *schema;
  GlossProject        *project;      /* whose schema it is, if any */
  GlossProjectDocument *document;    /* the one @store shows */
  GHashTable          *expanded;     /* ids of expanded rows */
  guint                rebuild_id;
};

G_DEFINE_FINAL_TYPE (GlossSchemaEditor, gloss_schema_editor, ADW_TYPE_PREFERENCES_PAGE)

static void rebuild (GlossSchemaEditor *self);

static gboolean
rebuild_idle_cb (gpointer data)
{
  GlossSchemaEditor *self = data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (GlossSchemaEditor *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle_cb, self);
}

static void
toast (GlossSchemaEditor *self,
       const char        *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (root != NULL && ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
  else
    g_message ("%s", message);
}

static void
changed (GlossSchemaEditor *self)
{
  gloss_schema_notify_changed (self->schema);
}

/* "Threat or warning" → "threat_or_warning", unique among @taken. */
static char *
make_id (const char *name,
         gboolean  (*taken) (GlossSchemaEditor *, const char *, gpointer),
         GlossSchemaEditor *self,
         gpointer           data)
{
  g_autoptr(GString) id = g_string_new (NULL);
  g_autofree char *base = NULL;
  guint suffix = 1;

  for (const char *p = name; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (id->len > 0 && id->str[id->len - 1] != '_')
        g_string_append_c (id, '_');
    }
  while (id->len > 0 && id->str[id->len - 1] == '_')
    g_string_truncate (id, id->len - 1);
  if (id->len == 0)
    g_string_assign (id, "type");
  base = g_strdup (id->str);
  while (taken (self, id->str, data))
    g_string_printf (id, "%s_%u", base, ++suffix);
  return g_string_free (g_steal_pointer (&id), FALSE);
}

static gboolean
label_taken (GlossSchemaEditor *self,
             const char        *id,
             gpointer           data)
{
  return gloss_schema_lookup (self->schema, GPOINTER_TO_INT (data), id) != NULL;
}

static gboolean
attribute_taken (GlossSchemaEditor *self,
                 const char        *id,
                 gpointer           data)
{
  return gloss_schema_lookup_attribute (self->schema, id) != NULL;
}

GlossLabel *
gloss_schema_editor_add_type (GlossSchemaEditor *self,
                              GlossLabelKind     kind,
                              const char        *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLabel) label = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (GLOSS_IS_SCHEMA_EDITOR (self), NULL);
  g_return_val_if_fail (kind == GLOSS_LABEL_CLAIM || kind == GLOSS_LABEL_RELATION, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (self->schema == NULL)
    return NULL;
  id = make_id (name, label_taken, self, GINT_TO_POINTER (kind));
  label = gloss_label_new (kind, id, name, gloss_schema_edit_pick_color (self->schema));
  if (!gloss_schema_add (self->schema, label, -1, &error))
    {
      toast (self, error->message);
      return NULL;
    }
  g_hash_table_add (self->expanded, g_strdup (id));
  changed (self);
  return label;
}

static gboolean
remove_type (GlossSchemaEditor *self,
             GlossLabel        *label,
             GtkWidget         *button)
{
  if (self->store == NULL)
    return FALSE;
  return gloss_type_removal_start (GTK_WIDGET (self), button, self->store, label, self->project, self->document);
}

gboolean
gloss_schema_editor_remove_type (GlossSchemaEditor *self,
                                 GlossLabel        *label)
{
  g_return_val_if_fail (GLOSS_IS_SCHEMA_EDITOR (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_LABEL (label), FALSE);

  return remove_type (self, label, NULL);
}

/**
 * gloss_schema_editor_set_project:
 *
 * The store is @document of @project: a type is removed only when no
 * document of the project uses it.
 */
void
gloss_schema_editor_set_project (GlossSchemaEditor    *self,
                                 GlossProject         *project,
                                 GlossProjectDocument *document)
{
  g_return_if_fail (GLOSS_IS_SCHEMA_EDITOR (self));
  g_return_if_fail (project == NULL || GLOSS_IS_PROJECT (project));
  g_return_if_fail (document == NULL || GLOSS_IS_PROJECT_DOCUMENT (document));

  g_set_object (&self->project, project);
  g_set_object (&self->document, document);
}

void
gloss_schema_editor_set_ends (GlossSchemaEditor  *self,
                              GlossLabel         *label,
                              const char * const *from,
                              const char * const *to)
{
  g_return_if_fail (GLOSS_IS_SCHEMA_EDITOR (self));
  g_return_if_fail (GLOSS_IS_LABEL (label));

  gloss_label_set_from (label, from != NULL && from[0] != NULL ? from : NULL);
  gloss_label_set_to (label, to != NULL && to[0] != NULL ? to : NULL);
  changed (self);
}

GlossAttributeDef *
gloss_schema_editor_add_attribute (GlossSchemaEditor  *self,
                                   const char         *name,
                                   GlossAttributeKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossAttributeDef) attribute = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (GLOSS_IS_SCHEMA_EDITOR (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (self->schema == NULL)
    return NULL;
  id = make_id (name, attribute_taken, self, NULL);
  attribute = gloss_attribute_def_new (id, kind);
  gloss_attribute_def_set_name (attribute, name);
  if (!gloss_schema_add_attribute (self->schema, attribute, &error))
    {
      toast (self, error->message);
      return NULL;
    }
  g_hash_table_add (self->expanded, g_strconcat ("attr:", id, NULL));
  changed (self);
  return attribute;
}

gboolean
gloss_schema_editor_remove_attribute (GlossSchemaEditor *self,
                                      GlossAttributeDef *attribute)
{
  g_return_val_if_fail (GLOSS_IS_SCHEMA_EDITOR (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (attribute), FALSE);

  if (self->schema == NULL || !gloss_schema_remove_attribute (self->schema, attribute))
    return FALSE;
  changed (self);
  return TRUE;
}

/* Row callbacks: the object a row edits hangs off it as "label" or "attribute". */

static void
name_apply_cb (AdwEntryRow       *row,
               GlossSchemaEditor *self)
{
  GlossLabel *label = g_object_get_data (G_OBJECT (row), "label");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (*text == '\0' || g_strcmp0 (text, gloss_label_shown_name (label)) == 0)
    return;
  gloss_label_set_name (label, text);
  changed (self);
}

static void
color_set_cb (GtkColorButton    *button,
              GlossSchemaEditor *self)
{
  GlossLabel *label = g_object_get_data (G_OBJECT (button), "label");
  g_autofree char *hex = NULL;
  GdkRGBA rgba;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  hex = g_strdup_printf ("#%02x%02x%02x", (int) (rgba.red * 255 + 0.5),
                         (int) (rgba.green * 255 + 0.5), (int) (rgba.blue * 255 + 0.5));
  gloss_label_set_color (label, hex);
  changed (self);
}

static void
move_cb (GtkButton         *button,
         GlossSchemaEditor *self)
{
  GlossLabel *label = g_object_get_data (G_OBJECT (button), "label");
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));
  GListModel *labels = gloss_schema_get_labels (self->schema, gloss_label_get_kind (label));
  guint n = g_list_model_get_n_items (labels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossLabel) item = g_list_model_get_item (labels, i);

      if (item == label)
        {
          if ((delta < 0 && i == 0) || (delta > 0 && i + 1 >= n))
            return;
          gloss_schema_move (self->schema, label, i + delta);
          changed (self);
          return;
        }
    }
}

static void
remove_type_cb (GtkButton         *button,
                GlossSchemaEditor *self)
{
  remove_type (self, g_object_get_data (G_OBJECT (button), "label"), GTK_WIDGET (button));
}

static void
end_toggled_cb (GtkToggleButton   *toggle,
                GlossSchemaEditor *self)
{
  GlossLabel *label = g_object_get_data (G_OBJECT (toggle), "label");
  gboolean is_to = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (toggle), "is-to"));
  const char *type_id = g_object_get_data (G_OBJECT (toggle), "type-id");
  const char * const *current = is_to ? gloss_label_get_to (label) : gloss_label_get_from (label);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ends = NULL;

  for (guint i = 0; current != NULL && current[i] != NULL; i++)
    if (!g_str_equal (current[i], type_id))
      g_strv_builder_add (builder, current[i]);
  if (gtk_toggle_button_get_active (toggle))
    g_strv_builder_add (builder, type_id);
  ends = g_strv_builder_end (builder);

  if (is_to)
    gloss_schema_editor_set_ends (self, label, gloss_label_get_from (label), (const char * const *) ends);
  else
    gloss_schema_editor_set_ends (self, label, (const char * const *) ends, gloss_label_get_to (label));
}

static void
expanded_cb (AdwExpanderRow    *row,
             GParamSpec        *pspec,
             GlossSchemaEditor *self)
{
  const char *key = g_object_get_data (G_OBJECT (row), "key");

  if (adw_expander_row_get_expanded (row))
    g_hash_table_add (self->expanded, g_strdup (key));
  else
    g_hash_table_remove (self->expanded, key);
}

static GtkWidget *
flat_button (const char *icon,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
entry_row_add_suffix (gpointer   row,
                      GtkWidget *widget)
{
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), widget);
}

static void
expander_row_add_suffix (gpointer   row,
                         GtkWidget *widget)
{
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), widget);
}

static void
add_label_suffixes (GlossSchemaEditor *self,
                    GtkWidget         *row,
                    GlossLabel        *label,
                    guint              position,
                    guint              n,
                    void             (*add_suffix) (gpointer, GtkWidget *))
{
  GtkWidget *up = flat_button ("go-up-symbolic", _("Move Up"));
  GtkWidget *down = flat_button ("go-down-symbolic", _("Move Down"));
  GtkWidget *remove = flat_button ("user-trash-symbolic", _("Remove"));

  gtk_widget_set_sensitive (up, position > 0);
  g_object_set_data_full (G_OBJECT (up), "label", g_object_ref (label), g_object_unref);
  g_object_set_data (G_OBJECT (up), "delta", GINT_TO_POINTER (-1));
  g_signal_connect (up, "clicked", G_CALLBACK (move_cb), self);
  gtk_widget_set_sensitive (down, position + 1 < n);
  g_object_set_data_full (G_OBJECT (down), "label", g_object_ref (label), g_object_unref);
  g_object_set_data (G_OBJECT (down), "delta", GINT_TO_POINTER (1));
  g_signal_connect (down, "clicked", G_CALLBACK (move_cb), self);
  g_object_set_data_full (G_OBJECT (remove), "label", g_object_ref (label), g_object_unref);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_type_cb), self);
  /* Expander rows prepend their actions. */
  if (add_suffix == expander_row_add_suffix)
    {
      add_suffix (row, remove);
      add_suffix (row, down);
      add_suffix (row, up);
    }
  else
    {
      add_suffix (row, up);
      add_suffix (row, down);
      add_suffix (row, remove);
    }
}

static GtkWidget *
color_button (GlossLabel        *label,
              GlossSchemaEditor *self)
{
  GtkWidget *button;
  GdkRGBA rgba;

  if (!gdk_rgba_parse (&rgba, gloss_label_get_color (label) ?: ""))
    gdk_rgba_parse (&rgba, "#9a9996");
  button = gtk_color_button_new_with_rgba (&rgba);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Colour"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Colour"), -1);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "label", g_object_ref (label), g_object_unref);
  g_signal_connect (button, "color-set", G_CALLBACK (color_set_cb), self);
  return button;
}

static GtkWidget *
claim_type_row (GlossSchemaEditor *self,
                GlossLabel        *label,
                guint              position,
                guint              n)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gloss_label_get_id (label));
  gtk_editable_set_text (GTK_EDITABLE (row), gloss_label_shown_name (label));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "label", g_object_ref (label), g_object_unref);
  g_signal_connect (row, "apply", G_CALLBACK (name_apply_cb), self);
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), color_button (label, self));
  add_label_suffixes (self, row, label, position, n, entry_row_add_suffix);
  return row;
}

static char *
ends_text (const char * const *ends)
{
  return ends != NULL && ends[0] != NULL ? g_strjoinv (", ", (char **) ends) : g_strdup (_("any"));
}

/* The From (or To) row of a relation type: its title above the chips of
 * the entity types, which wrap onto as many lines as they need. (As an
 * action row's suffix the chips took the width, and the title wrapped
 * letter by letter.) */
static GtkWidget *
ends_row (GlossSchemaEditor *self,
          GlossLabel        *label,
          gboolean           is_to)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (is_to ? _("To") : _("From"));
  GtkWidget *box = gtk_flow_box_new ();
  GListModel *entity_types = gloss_schema_get_labels (self->schema, GLOSS_LABEL_ENTITY);
  const char * const *ends = is_to ? gloss_label_get_to (label) : gloss_label_get_from (label);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gtk_label_get_text (GTK_LABEL (title)));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_widget_set_margin_top (content, 10);
  gtk_widget_set_margin_bottom (content, 10);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_box_append (GTK_BOX (content), title);

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (box), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (box), 9);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (box), 4);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (box), 4);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);
  for (guint i = 0; i < g_list_model_get_n_items (entity_types); i++)
    {
      g_autoptr(GlossLabel) type = g_list_model_get_item (entity_types, i);
      GtkWidget *toggle = gtk_toggle_button_new_with_label (gloss_label_get_id (type));

      gtk_widget_set_tooltip_text (toggle, gloss_label_shown_name (type));
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle),
                                    ends != NULL && g_strv_contains (ends, gloss_label_get_id (type)));
      gtk_widget_add_css_class (toggle, "small");
      g_object_set_data_full (G_OBJECT (toggle), "label", g_object_ref (label), g_object_unref);
      g_object_set_data_full (G_OBJECT (toggle), "type-id", g_strdup (gloss_label_get_id (type)), g_free);
      g_object_set_data (G_OBJECT (toggle), "is-to", GINT_TO_POINTER (is_to));
      g_signal_connect (toggle, "toggled", G_CALLBACK (end_toggled_cb), self);
      gtk_flow_box_append (GTK_FLOW_BOX (box), toggle);
    }
  gtk_box_append (GTK_BOX (content), box);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), content);
  return row;
}

static GtkWidget *
relation_type_row (GlossSchemaEditor *self,
                   GlossLabel        *label,
                   guint              position,
                   guint              n)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *name = adw_entry_row_new ();
  g_autofree char *from = ends_text (gloss_label_get_from (label));
  g_autofree char *to = ends_text (gloss_label_get_to (label));
  g_autofree char *subtitle = g_strdup_printf ("%s · %s → %s", gloss_label_get_id (label), from, to);
  g_autofree char *title = g_markup_escape_text (gloss_label_shown_name (label), -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), color_button (label, self));
  add_label_suffixes (self, row, label, position, n, expander_row_add_suffix);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), _("Name"));
  gtk_editable_set_text (GTK_EDITABLE (name), gloss_label_shown_name (label));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (name), TRUE);
  g_object_set_data_full (G_OBJECT (name), "label", g_object_ref (label), g_object_unref);
  g_signal_connect (name, "apply", G_CALLBACK (name_apply_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), name);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), ends_row (self, label, FALSE));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), ends_row (self, label, TRUE));

  g_object_set_data_full (G_OBJECT (row), "key", g_strdup (gloss_label_get_id (label)), g_free);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row),
                                 g_hash_table_contains (self->expanded, gloss_label_get_id (label)));
  g_signal_connect (row, "notify::expanded", G_CALLBACK (expanded_cb), self);
  return row;
}

/* Attributes */

static void
attr_name_apply_cb (AdwEntryRow       *row,
                    GlossSchemaEditor *self)
{
  GlossAttributeDef *attribute = g_object_get_data (G_OBJECT (row), "attribute");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (*text == '\0' || g_strcmp0 (text, gloss_attribute_def_get_name (attribute)) == 0)
    return;
  gloss_attribute_def_set_name (attribute, text);
  changed (self);
}

static void
attr_kind_cb (AdwComboRow       *row,
              GParamSpec        *pspec,
              GlossSchemaEditor *self)
{
  GlossAttributeDef *attribute = g_object_get_data (G_OBJECT (row), "attribute");
  guint selected = adw_combo_row_get_selected (row);

  if (selected > GLOSS_ATTRIBUTE_TEXT || selected == gloss_attribute_def_get_kind (attribute))
    return;
  gloss_attribute_def_set_kind (attribute, selected);
  changed (self);
}

static char **
split_list (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, ", ", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

static void
attr_values_apply_cb (AdwEntryRow       *row,
                      GlossSchemaEditor *self)
{
  GlossAttributeDef *attribute = g_object_get_data (G_OBJECT (row), "attribute");
  g_auto(GStrv) values = split_list (gtk_editable_get_text (GTK_EDITABLE (row)));

  gloss_attribute_def_set_values (attribute, values[0] ? (const char * const *) values : NULL);
  changed (self);
}

static void
attr_applies_apply_cb (AdwEntryRow       *row,
                       GlossSchemaEditor *self)
{
  GlossAttributeDef *attribute = g_object_get_data (G_OBJECT (row), "attribute");
  g_auto(GStrv) applies = split_list (gtk_editable_get_text (GTK_EDITABLE (row)));

  gloss_attribute_def_set_applies_to (attribute, applies[0] ? (const char * const *) applies : NULL);
  changed (self);
}

static void
attr_remove_cb (GtkButton         *button,
                GlossSchemaEditor *self)
{
  gloss_schema_editor_remove_attribute (self, g_object_get_data (G_OBJECT (button), "attribute"));
}

static GtkWidget *
attr_entry (GlossAttributeDef *attribute,
            const char        *title,
            const char        *text,
            GCallback          apply,
            GlossSchemaEditor *self)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "attribute", g_object_ref (attribute), g_object_unref);
  g_signal_connect (row, "apply", apply, self);
  return row;
}

static GtkWidget *
attribute_row (GlossSchemaEditor *self,
               GlossAttributeDef *attribute)
{
  static const char * const kinds[] = { N_("Choice"), N_("Switch"), N_("Text"), NULL };
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *kind = adw_combo_row_new ();
  GtkWidget *remove = flat_button ("user-trash-symbolic", _("Remove"));
  g_autoptr(GtkStringList) kind_names = gtk_string_list_new (NULL);
  const char * const *applies = gloss_attribute_def_get_applies_to (attribute);
  const char * const *values = gloss_attribute_def_get_values (attribute);
  g_autofree char *applies_text = applies ? g_strjoinv (" ", (char **) applies) : NULL;
  g_autofree char *values_text = values ? g_strjoinv (", ", (char **) values) : NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;
  g_autofree char *key = g_strconcat ("attr:", gloss_attribute_def_get_id (attribute), NULL);
  GlossAttributeKind k = gloss_attribute_def_get_kind (attribute);

  title = g_markup_escape_text (gloss_attribute_shown_name (attribute), -1);
  /* Translators: an attribute's summary: its id · kind · what it applies to */
  subtitle = g_strdup_printf (_("%s · %s · %s"), gloss_attribute_def_get_id (attribute),
                              _(kinds[MIN (k, 2)]), applies_text ? applies_text : _("everything"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (remove), "attribute", g_object_ref (attribute), g_object_unref);
  g_signal_connect (remove, "clicked", G_CALLBACK (attr_remove_cb), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            attr_entry (attribute, _("Name"), gloss_attribute_def_get_name (attribute),
                                        G_CALLBACK (attr_name_apply_cb), self));
  for (guint i = 0; kinds[i] != NULL; i++)
    gtk_string_list_append (kind_names, _(kinds[i]));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind), _("Kind"));
  adw_combo_row_set_model (ADW_COMBO_ROW (kind), G_LIST_MODEL (kind_names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind), k);
  g_object_set_data_full (G_OBJECT (kind), "attribute", g_object_ref (attribute), g_object_unref);
  g_signal_connect (kind, "notify::selected", G_CALLBACK (attr_kind_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), kind);
  if (k == GLOSS_ATTRIBUTE_ENUM)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                              attr_entry (attribute, _("Values, separated by commas"), values_text,
                                          G_CALLBACK (attr_values_apply_cb), self));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            attr_entry (attribute, _("Applies to (types or mention, claim, relation; empty: all)"),
                                        applies_text, G_CALLBACK (attr_applies_apply_cb), self));

  g_object_set_data_full (G_OBJECT (row), "key", g_strdup (key), g_free);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), g_hash_table_contains (self->expanded, key));
  g_signal_connect (row, "notify::expanded", G_CALLBACK (expanded_cb), self);
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
rebuild (GlossSchemaEditor *self)
{
  GListModel *model;
  guint n;

  clear_list (self->claim_list);
  clear_list (self->relation_list);
  clear_list (self->attr_list);

  gtk_widget_set_sensitive (self->add_claim_button, self->schema != NULL);
  gtk_widget_set_sensitive (self->add_relation_button, self->schema != NULL);
  gtk_widget_set_sensitive (self->add_attr_button, self->schema != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->relation_group), self->schema != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->attr_group), self->schema != NULL);
  if (self->schema == NULL)
    {
      adw_preferences_group_set_description (self->claim_group,
                                             _("Open a document to edit the claim types, relation types and attributes of its schema."));
      gtk_widget_set_visible (GTK_WIDGET (self->claim_list), FALSE);
      return;
    }

  model = gloss_schema_get_labels (self->schema, GLOSS_LABEL_CLAIM);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossLabel) label = g_list_model_get_item (model, i);

      gtk_list_box_append (self->claim_list, claim_type_row (self, label, i, n));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->claim_list), n > 0);

  model = gloss_schema_get_labels (self->schema, GLOSS_LABEL_RELATION);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossLabel) label = g_list_model_get_item (model, i);

      gtk_list_box_append (self->relation_list, relation_type_row (self, label, i, n));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->relation_list), n > 0);

  model = gloss_schema_get_attributes (self->schema);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAttributeDef) attribute = g_list_model_get_item (model, i);

      gtk_list_box_append (self->attr_list, attribute_row (self, attribute));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->attr_list), n > 0);
}

static void
add_claim_cb (GlossSchemaEditor *self)
{
  gloss_schema_editor_add_type (self, GLOSS_LABEL_CLAIM, _("New Claim Type"));
}

static void
add_relation_cb (GlossSchemaEditor *self)
{
  gloss_schema_editor_add_type (self, GLOSS_LABEL_RELATION, _("New Relation Type"));
}

static void
add_attr_cb (GlossSchemaEditor *self)
{
  gloss_schema_editor_add_attribute (self, _("New Attribute"), GLOSS_ATTRIBUTE_TEXT);
}

static void
gloss_schema_editor_dispose (GObject *object)
{
  GlossSchemaEditor *self = GLOSS_SCHEMA_EDITOR (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->schema != NULL)
    g_signal_handlers_disconnect_by_data (self->schema, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_SCHEMA_EDITOR);
  g_clear_object (&self->schema);
  g_clear_object (&self->store);
  g_clear_object (&self->document);
  g_clear_object (&self->project);
  g_clear_pointer (&self->expanded, g_hash_table_unref);

  G_OBJECT_CLASS (gloss_schema_editor_parent_class)->dispose (object);
}

static void
gloss_schema_editor_class_init (GlossSchemaEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_schema_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossapp/Gloss/gloss-schema-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossSchemaEditor, claim_group);
  gtk_widget_class_bind_template_child (widget_class, GlossSchemaEditor, relation_group);
  gtk_widget_class_bind_template_child (widget_class, GlossSchemaEditor, attr_group);
  gtk_widget_class_bind_template_child (widget_class, GlossSchemaEditor, add_claim_button);
  gtk_widget_class_bind_template_child (widget_class, GlossSchemaEditor, add_relation_button);
  gtk_widget_class_bind_template_child (widget_class, GlossSchemaEditor, add_attr_button);
  gtk_widget_class_bind_template_child (widget_class, GlossSchemaEditor, claim_list);
  gtk_widget_class_bind_template_child (widget_class, GlossSchemaEditor, relation_list);
  gtk_widget_class_bind_template_child (widget_class, GlossSchemaEditor, attr_list);
  gtk_widget_class_bind_template_callback (widget_class, add_claim_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_relation_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_attr_cb);
}

static void
gloss_schema_editor_init (GlossSchemaEditor *self)
{
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gloss_schema_editor_new (GlossStore *store)
{
  GlossSchemaEditor *self;

  g_return_val_if_fail (store == NULL || GLOSS_IS_STORE (store), NULL);

  self = g_object_new (GLOSS_TYPE_SCHEMA_EDITOR, NULL);
  if (store != NULL)
    {
      self->store = g_object_ref (store);
      self->schema = g_object_ref (gloss_store_get_schema (store));
      g_signal_connect_swapped (self->schema, "changed", G_CALLBACK (queue_rebuild), self);
    }
  rebuild (self);
  return GTK_WIDGET (self);
}
