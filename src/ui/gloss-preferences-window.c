/* gloss-preferences-window.c: style, text size, snapping, author, and the schema's entity types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The entity types belong to the document's schema, which travels with the
 * file: editing them marks the document changed.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-accessible.h"
#include "gloss-combo-row-names.h"
#include "gloss-error-dialog.h"
#include "gloss-error.h"
#include "gloss-preferences-window.h"
#include "gloss-schema-edits.h"
#include "gloss-schema-editor.h"
#include "gloss-type-removal.h"

struct _GlossPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *style_row;
  AdwActionRow         *text_size_row;
  GtkSpinButton        *text_size_spin;
  AdwActionRow         *snap_row;
  GtkSwitch            *snap_switch;
  AdwEntryRow          *author_row;
  AdwPreferencesGroup  *types_group;
  GtkWidget            *add_button;
  GtkListBox           *types_list;

  GSettings            *settings;
  GlossStore           *store;
  GlossSchema          *schema;
  GlossProject         *project;    /* whose schema it is, if any */
  GlossProjectDocument *document;   /* the one @store shows */
  GtkWidget            *schema_page;
  guint                 rebuild_id;
};

G_DEFINE_FINAL_TYPE (GlossPreferencesWindow, gloss_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char * const keys[] = { "—", "1", "2", "3", "4", "5", "6", "7", "8", "9", NULL };

/* The "style-variant" values, in the order of the style row's items. */
static const char * const style_variants[] = { "follow", "light", "dark" };

static gboolean
has_key (GSettings  *settings,
         const char *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (settings == NULL)
    return FALSE;
  g_object_get (settings, "settings-schema", &schema, NULL);
  return schema != NULL && g_settings_schema_has_key (schema, key);
}

static void rebuild_types (GlossPreferencesWindow *self);

static gboolean
style_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *variant_name = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (style_variants); i++)
    if (g_str_equal (variant_name, style_variants[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
style_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (style_variants))
    return NULL;
  return g_variant_new_string (style_variants[selected]);
}

static gboolean
size_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_int32 (variant));
  return TRUE;
}

static GVariant *
size_set_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  return g_variant_new_int32 ((gint32) (g_value_get_double (value) + 0.5));
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  GlossPreferencesWindow *self = data;

  self->rebuild_id = 0;
  rebuild_types (self);
  return G_SOURCE_REMOVE;
}

/* Rebuilding from inside a row's own signal would destroy the row that
 * is emitting: wait for the main loop. */
static void
queue_rebuild (GlossPreferencesWindow *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle_cb, self);
}

void
gloss_preferences_window_set_key (GlossPreferencesWindow *self,
                                  GlossLabel             *label,
                                  const char             *key)
{
  GListModel *labels;
  guint n;

  g_return_if_fail (GLOSS_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (GLOSS_IS_LABEL (label));

  if (self->schema == NULL)
    return;
  if (key != NULL && (*key == '\0' || g_str_equal (key, "—")))
    key = NULL;
  if (g_strcmp0 (key, gloss_label_get_key (label)) == 0)
    return;

  /* Keys are unique: the type that had it gives it up. */
  labels = gloss_schema_get_labels (self->schema, GLOSS_LABEL_ENTITY);
  n = g_list_model_get_n_items (labels);
  for (guint i = 0; key != NULL && i < n; i++)
    {
      g_autoptr(GlossLabel) other = g_list_model_get_item (labels, i);

      if (other != label && g_strcmp0 (gloss_label_get_key (other), key) == 0)
        gloss_label_set_key (other, NULL);
    }
  gloss_label_set_key (label, key);
  gloss_schema_notify_changed (self->schema);
}

GlossLabel *
gloss_preferences_window_add_type (GlossPreferencesWindow *self,
                                   const char             *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLabel) label = NULL;
  g_autoptr(GString) id = g_string_new (NULL);
  guint suffix = 1;

  g_return_val_if_fail (GLOSS_IS_PREFERENCES_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (self->schema == NULL)
    return NULL;

  for (const char *p = name; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (id, g_ascii_toupper (*p));
  if (id->len == 0)
    g_string_assign (id, "TYPE");
  if (id->len > 8)
    g_string_truncate (id, 8);
  {
    g_autofree char *base = g_strdup (id->str);

    while (gloss_schema_lookup (self->schema, GLOSS_LABEL_ENTITY, id->str) != NULL)
      g_string_printf (id, "%s%u", base, ++suffix);
  }

  label = gloss_label_new (GLOSS_LABEL_ENTITY, id->str, name, gloss_schema_edit_pick_color (self->schema));

  /* The first free key, if any. */
  for (guint k = 1; keys[k] != NULL; k++)
    if (gloss_schema_lookup_key (self->schema, GLOSS_LABEL_ENTITY, keys[k]) == NULL)
      {
        gloss_label_set_key (label, keys[k]);
        break;
      }

  if (!gloss_schema_add (self->schema, label, -1, &error))
    {
      /* Why is too long for a toast. */
      gloss_error_dialog_show (GTK_WIDGET (self), _("Could Not Add the Type"), error);
      return NULL;
    }
  gloss_schema_notify_changed (self->schema);
  return label;
}

static gboolean
remove_type (GlossPreferencesWindow *self,
             GlossLabel             *label,
             GtkWidget              *button)
{
  if (self->store == NULL)
    return FALSE;
  return gloss_type_removal_start (GTK_WIDGET (self), button, self->store, label, self->project, self->document);
}

gboolean
gloss_preferences_window_remove_type (GlossPreferencesWindow *self,
                                      GlossLabel             *label)
{
  g_return_val_if_fail (GLOSS_IS_PREFERENCES_WINDOW (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_LABEL (label), FALSE);

  return remove_type (self, label, NULL);
}

static void
remove_clicked_cb (GtkButton              *button,
                   GlossPreferencesWindow *self)
{
  remove_type (self, g_object_get_data (G_OBJECT (button), "label"), GTK_WIDGET (button));
}

static void
name_apply_cb (AdwEntryRow            *row,
               GlossPreferencesWindow *self)
{
  GlossLabel *label = g_object_get_data (G_OBJECT (row), "label");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (*text == '\0' || g_strcmp0 (text, gloss_label_shown_name (label)) == 0)
    return;
  gloss_label_set_name (label, text);
  gloss_schema_notify_changed (self->schema);
}

static void
key_selected_cb (GtkDropDown            *dropdown,
                 GParamSpec             *pspec,
                 GlossPreferencesWindow *self)
{
  GlossLabel *label = g_object_get_data (G_OBJECT (dropdown), "label");
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= G_N_ELEMENTS (keys) - 1)
    return;
  gloss_preferences_window_set_key (self, label, selected == 0 ? NULL : keys[selected]);
}

static void
color_set_cb (GtkColorButton         *button,
              GlossPreferencesWindow *self)
{
  GlossLabel *label = g_object_get_data (G_OBJECT (button), "label");
  g_autofree char *hex = NULL;
  GdkRGBA rgba;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  hex = g_strdup_printf ("#%02x%02x%02x", (int) (rgba.red * 255 + 0.5),
                         (int) (rgba.green * 255 + 0.5), (int) (rgba.blue * 255 + 0.5));
  gloss_label_set_color (label, hex);
  gloss_schema_notify_changed (self->schema);
}

static void
move_clicked_cb (GtkButton              *button,
                 GlossPreferencesWindow *self)
{
  GlossLabel *label = g_object_get_data (G_OBJECT (button), "label");
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));
  GListModel *labels = gloss_schema_get_labels (self->schema, GLOSS_LABEL_ENTITY);
  guint n = g_list_model_get_n_items (labels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossLabel) item = g_list_model_get_item (labels, i);

      if (item == label)
        {
          if ((delta < 0 && i == 0) || (delta > 0 && i + 1 >= n))
            return;
          gloss_schema_move (self->schema, label, i + delta);
          gloss_schema_notify_changed (self->schema);
          return;
        }
    }
}

/* @widget, a control of @label's row named @name, calling @callback on
 * @signal. */
static GtkWidget *
row_control (GtkWidget              *widget,
             const char             *name,
             gboolean                flat,
             GlossLabel             *label,
             const char             *signal,
             GCallback               callback,
             GlossPreferencesWindow *self)
{
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (widget, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (flat)
    gtk_widget_add_css_class (widget, "flat");
  g_object_set_data_full (G_OBJECT (widget), "label", g_object_ref (label), g_object_unref);
  g_signal_connect (widget, signal, callback, self);
  return widget;
}

static GtkWidget *
create_type_row (GlossPreferencesWindow *self,
                 GlossLabel             *label,
                 guint                   position,
                 guint                   n)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *color, *key, *up, *down, *buttons, *remove;
  const char *current_key = gloss_label_get_key (label);
  g_autofree char *title = NULL;
  GdkRGBA rgba;
  guint selected = 0;

  title = g_strdup_printf ("%s", gloss_label_get_id (label));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), gloss_label_shown_name (label));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "label", g_object_ref (label), g_object_unref);
  g_signal_connect (row, "apply", G_CALLBACK (name_apply_cb), self);

  if (!gdk_rgba_parse (&rgba, gloss_label_get_color (label) ?: ""))
    gdk_rgba_parse (&rgba, "#9a9996");
  color = row_control (gtk_color_button_new_with_rgba (&rgba), _("Colour"), TRUE, label,
                       "color-set", G_CALLBACK (color_set_cb), self);
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), color);

  for (guint k = 1; keys[k] != NULL; k++)
    if (g_strcmp0 (keys[k], current_key) == 0)
      selected = k;
  key = gtk_drop_down_new_from_strings ((const char * const *) keys);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (key), selected);
  row_control (key, _("Key"), TRUE, label, "notify::selected", G_CALLBACK (key_selected_cb), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), key);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (buttons, "linked");
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  up = row_control (gtk_button_new_from_icon_name ("go-up-symbolic"), _("Move Up"), FALSE, label,
                    "clicked", G_CALLBACK (move_clicked_cb), self);
  gtk_widget_set_sensitive (up, position > 0);
  g_object_set_data (G_OBJECT (up), "delta", GINT_TO_POINTER (-1));
  down = row_control (gtk_button_new_from_icon_name ("go-down-symbolic"), _("Move Down"), FALSE, label,
                      "clicked", G_CALLBACK (move_clicked_cb), self);
  gtk_widget_set_sensitive (down, position + 1 < n);
  g_object_set_data (G_OBJECT (down), "delta", GINT_TO_POINTER (1));
  gtk_box_append (GTK_BOX (buttons), up);
  gtk_box_append (GTK_BOX (buttons), down);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), buttons);

  /* As the claim and relation types' rows have it (Schema page). */
  remove = row_control (gtk_button_new_from_icon_name ("user-trash-symbolic"), _("Remove"), TRUE, label,
                        "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);

  return row;
}

static void
rebuild_types (GlossPreferencesWindow *self)
{
  GtkWidget *child;
  GListModel *labels;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->types_list))) != NULL)
    gtk_list_box_remove (self->types_list, child);

  gtk_widget_set_sensitive (self->add_button, self->schema != NULL);
  if (self->schema == NULL)
    {
      adw_preferences_group_set_description (self->types_group,
                                             _("Open a document to edit the entity types of its schema."));
      gtk_widget_set_visible (GTK_WIDGET (self->types_list), FALSE);
      return;
    }

  labels = gloss_schema_get_labels (self->schema, GLOSS_LABEL_ENTITY);
  n = g_list_model_get_n_items (labels);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossLabel) label = g_list_model_get_item (labels, i);

      gtk_list_box_append (self->types_list, create_type_row (self, label, i, n));
    }
}

static void
add_clicked_cb (GlossPreferencesWindow *self)
{
  gloss_preferences_window_add_type (self, _("New Type"));
}

static void
author_apply_cb (GlossPreferencesWindow *self)
{
  if (has_key (self->settings, "author"))
    g_settings_set_string (self->settings, "author", gtk_editable_get_text (GTK_EDITABLE (self->author_row)));
}

static void
gloss_preferences_window_dispose (GObject *object)
{
  GlossPreferencesWindow *self = GLOSS_PREFERENCES_WINDOW (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->schema != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->schema, self);
      g_signal_handlers_disconnect_by_data (gloss_schema_get_labels (self->schema, GLOSS_LABEL_ENTITY), self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->schema);
  g_clear_object (&self->store);
  g_clear_object (&self->document);
  g_clear_object (&self->project);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gloss_preferences_window_parent_class)->dispose (object);
}

static void
gloss_preferences_window_class_init (GlossPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossapp/Gloss/gloss-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, text_size_row);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, text_size_spin);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, snap_row);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, snap_switch);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, author_row);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, types_group);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, types_list);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, author_apply_cb);
}

static void
gloss_preferences_window_init (GlossPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gloss_combo_row_show_whole_names (self->style_row);
  gloss_accessible_name_composites (GTK_WIDGET (self));
}

/* Binds @key to @object's @property (through the mappings, if any), or
 * greys out @row when the settings lack the key. */
static void
bind_setting (GlossPreferencesWindow  *self,
              const char              *key,
              GObject                 *object,
              const char              *property,
              GtkWidget               *row,
              GSettingsBindGetMapping  get_mapping,
              GSettingsBindSetMapping  set_mapping)
{
  if (!has_key (self->settings, key))
    gtk_widget_set_sensitive (row, FALSE);
  else if (get_mapping != NULL)
    g_settings_bind_with_mapping (self->settings, key, object, property, G_SETTINGS_BIND_DEFAULT,
                                  get_mapping, set_mapping, NULL, NULL);
  else
    g_settings_bind (self->settings, key, object, property, G_SETTINGS_BIND_DEFAULT);
}

GtkWidget *
gloss_preferences_window_new (GSettings  *settings,
                              GlossStore *store)
{
  GlossPreferencesWindow *self;

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (store == NULL || GLOSS_IS_STORE (store), NULL);

  self = g_object_new (GLOSS_TYPE_PREFERENCES_WINDOW, NULL);

  if (settings != NULL)
    self->settings = g_object_ref (settings);

  bind_setting (self, "style-variant", G_OBJECT (self->style_row), "selected",
                GTK_WIDGET (self->style_row), style_get_mapping, style_set_mapping);
  bind_setting (self, "text-size", G_OBJECT (self->text_size_spin), "value",
                GTK_WIDGET (self->text_size_row), size_get_mapping, size_set_mapping);
  bind_setting (self, "snap-to-words", G_OBJECT (self->snap_switch), "active",
                GTK_WIDGET (self->snap_row), NULL, NULL);

  if (has_key (self->settings, "author"))
    {
      g_autofree char *author = g_settings_get_string (self->settings, "author");

      gtk_editable_set_text (GTK_EDITABLE (self->author_row), author);
    }
  else
    gtk_widget_set_sensitive (GTK_WIDGET (self->author_row), FALSE);

  if (store != NULL)
    {
      self->store = g_object_ref (store);
      self->schema = g_object_ref (gloss_store_get_schema (store));
      g_signal_connect_swapped (self->schema, "changed", G_CALLBACK (queue_rebuild), self);
      g_signal_connect_swapped (gloss_schema_get_labels (self->schema, GLOSS_LABEL_ENTITY), "items-changed",
                                G_CALLBACK (queue_rebuild), self);
    }
  rebuild_types (self);
  self->schema_page = gloss_schema_editor_new (store);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (self->schema_page));

  return GTK_WIDGET (self);
}

/**
 * gloss_preferences_window_set_project:
 * @project: the project whose document the window's store is
 * @document: that document
 *
 * Says that the entity types edited are the project's, shared by all its
 * documents (the window saves them into the project); a type is removed
 * only when no document of the project uses it.
 */
void
gloss_preferences_window_set_project (GlossPreferencesWindow *self,
                                      GlossProject           *project,
                                      GlossProjectDocument   *document)
{
  g_autofree char *text = NULL;

  g_return_if_fail (GLOSS_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (GLOSS_IS_PROJECT (project));
  g_return_if_fail (document == NULL || GLOSS_IS_PROJECT_DOCUMENT (document));

  g_set_object (&self->project, project);
  g_set_object (&self->document, document);
  gloss_schema_editor_set_project (GLOSS_SCHEMA_EDITOR (self->schema_page), project, document);
  /* TRANSLATORS: %s is the project's name */
  text = g_strdup_printf (_("The types every document of the project “%s” shares, in palette order. "
                            "Rename a type in place; its key tags the selection."),
                          gloss_project_get_name (project));
  adw_preferences_group_set_description (self->types_group, text);
}
