/* gloss-relation-editor.c: the inspector's fields for a selected relation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The type row offers only the types whose from/to constraints fit the
 * two ends (and the current type, so a relation whose ends changed still
 * shows what it is).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-attribute-rows.h"
#include "gloss-edits.h"
#include "gloss-relation-editor.h"

struct _GlossRelationEditor
{
  GtkWidget       parent_instance;

  GtkLabel       *chip;
  GtkLabel       *title;
  AdwComboRow    *type_row;
  AdwComboRow    *from_row;
  AdwComboRow    *to_row;
  AdwActionRow   *evidence_row;
  GtkWidget      *evidence_clear_button;
  AdwEntryRow    *note_row;
  GtkListBox     *attr_list;

  GlossStore     *store;
  GlossRelation  *relation;
  GListStore     *types;
  GtkStringList  *names;
  GPtrArray      *entities;
  GtkCssProvider *chip_provider;
  gboolean        updating;
  /* Inside a row's own signal: rebuild the rows from an idle. */
  gboolean        in_row;
  guint           refill_id;
};

G_DEFINE_FINAL_TYPE (GlossRelationEditor, gloss_relation_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_RELATION,
  N_PROPS
};

enum {
  MESSAGE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
report (GlossRelationEditor *self,
        gboolean             ok,
        GError              *error)
{
  if (!ok && error != NULL)
    g_signal_emit (self, signals[MESSAGE], 0, error->message);
}

static char *
label_name (GlossLabel *label)
{
  return g_strdup (label ? gloss_label_get_name (label) : "");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  GlossEntity *ea = *(GlossEntity **) a;
  GlossEntity *eb = *(GlossEntity **) b;

  return g_utf8_collate (gloss_entity_get_name (ea) ?: "", gloss_entity_get_name (eb) ?: "");
}

static void
type_selected_cb (GlossRelationEditor *self)
{
  g_autoptr(GError) error = NULL;
  GlossLabel *label;

  if (self->updating || self->relation == NULL)
    return;
  label = adw_combo_row_get_selected_item (self->type_row);
  if (label != NULL)
    report (self, gloss_edit_set_type (self->store, GLOSS_ANNOTATION (self->relation),
                                       gloss_label_get_id (label), &error), error);
}

static void
ends_selected_cb (GlossRelationEditor *self)
{
  g_autoptr(GError) error = NULL;
  guint from, to;

  if (self->updating || self->relation == NULL)
    return;
  from = adw_combo_row_get_selected (self->from_row);
  to = adw_combo_row_get_selected (self->to_row);
  if (from >= self->entities->len || to >= self->entities->len)
    return;
  report (self, gloss_edit_set_relation_ends (self->store, self->relation,
                                              g_ptr_array_index (self->entities, from),
                                              g_ptr_array_index (self->entities, to), &error), error);
}

static void
swap_cb (GlossRelationEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->relation == NULL)
    return;
  report (self, gloss_edit_set_relation_ends (self->store, self->relation,
                                              gloss_relation_get_to (self->relation),
                                              gloss_relation_get_from (self->relation), &error), error);
}

static void
evidence_clear_cb (GlossRelationEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->relation == NULL)
    return;
  report (self, gloss_edit_set_spans (self->store, GLOSS_ANNOTATION (self->relation),
                                      GLOSS_ROLE_EVIDENCE, NULL, 0, &error), error);
}

static void
note_apply_cb (GlossRelationEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->relation == NULL)
    return;
  report (self, gloss_edit_set_note (self->store, GLOSS_ANNOTATION (self->relation),
                                     gtk_editable_get_text (GTK_EDITABLE (self->note_row)), &error), error);
}

static void
set_attribute (gpointer    user_data,
               const char *attr_id,
               JsonNode   *value)
{
  GlossRelationEditor *self = user_data;
  g_autoptr(GError) error = NULL;

  if (self->updating || self->relation == NULL)
    return;
  self->in_row = TRUE;
  report (self, gloss_edit_set_attribute (self->store, GLOSS_ANNOTATION (self->relation),
                                          attr_id, value, &error), error);
  self->in_row = FALSE;
}

static void
set_chip (GlossRelationEditor *self,
          GlossLabel          *label)
{
  g_autofree char *css = NULL;
  GdkRGBA rgba;
  const char *color = label ? gloss_label_get_color (label) : NULL;

  gtk_label_set_text (self->chip, label ? gloss_label_get_name (label)
                                        : gloss_annotation_get_type_id (GLOSS_ANNOTATION (self->relation)));
  if (color == NULL || !gdk_rgba_parse (&rgba, color))
    gdk_rgba_parse (&rgba, "#9a9996");
  css = g_strdup_printf ("label.type-chip { background-color: rgba(%d,%d,%d,0.22); "
                         "box-shadow: inset 0 0 0 1px rgba(%d,%d,%d,0.6); }",
                         (int) (rgba.red * 255), (int) (rgba.green * 255), (int) (rgba.blue * 255),
                         (int) (rgba.red * 255), (int) (rgba.green * 255), (int) (rgba.blue * 255));
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_css_provider_load_from_string (self->chip_provider, css);
#else
  gtk_css_provider_load_from_data (self->chip_provider, css, -1);
#endif
}

/* Replace @list's strings with @names only when they differ: a combo
 * row's model must not change under its own selection signal. */
static void
update_strings (GtkStringList *list,
                GPtrArray     *names)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  gboolean same = n == names->len;

  for (guint i = 0; same && i < n; i++)
    same = g_strcmp0 (gtk_string_list_get_string (list, i), g_ptr_array_index (names, i)) == 0;
  if (same)
    return;
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (list, 0, n, (const char * const *) names->pdata);
  g_ptr_array_set_size (names, names->len - 1);
}

static void
update_types (GListStore *store,
              GPtrArray  *types)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  gboolean same = n == types->len;

  for (guint i = 0; same && i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      same = (gpointer) item == g_ptr_array_index (types, i);
    }
  if (!same)
    g_list_store_splice (store, 0, n, types->pdata, types->len);
}

static void
refill (GlossRelationEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->attr_list),
                          gloss_attribute_rows_fill (self->attr_list, self->store,
                                                     GLOSS_ANNOTATION (self->relation),
                                                     set_attribute, self) > 0);
}

static gboolean
refill_idle_cb (gpointer data)
{
  GlossRelationEditor *self = data;

  self->refill_id = 0;
  if (self->relation != NULL && self->store != NULL)
    refill (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refill (GlossRelationEditor *self)
{
  if (self->refill_id == 0)
    self->refill_id = g_idle_add (refill_idle_cb, self);
}

static void
refresh (GlossRelationEditor *self)
{
  GlossSchema *schema;
  GlossLabel *type;
  GlossEntity *from, *to;
  g_autoptr(GPtrArray) fitting = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *title = NULL;
  const GlossSpan *spans;
  guint n, type_pos = GTK_INVALID_LIST_POSITION;
  guint from_pos = GTK_INVALID_LIST_POSITION, to_pos = GTK_INVALID_LIST_POSITION;

  gtk_widget_set_visible (GTK_WIDGET (self), self->relation != NULL && self->store != NULL);
  if (self->relation == NULL || self->store == NULL)
    return;

  self->updating = TRUE;

  schema = gloss_store_get_schema (self->store);
  type = gloss_schema_lookup (schema, GLOSS_LABEL_RELATION,
                              gloss_annotation_get_type_id (GLOSS_ANNOTATION (self->relation)));
  from = gloss_relation_get_from (self->relation);
  to = gloss_relation_get_to (self->relation);
  set_chip (self, type);
  title = gloss_edit_describe (self->store, GLOSS_ANNOTATION (self->relation));
  gtk_label_set_text (self->title, title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title), title);

  fitting = gloss_edit_fitting_relation_types (schema, from, to);
  for (guint i = 0; i < fitting->len; i++)
    if (g_ptr_array_index (fitting, i) == (gpointer) type)
      type_pos = i;
  if (type != NULL && type_pos == GTK_INVALID_LIST_POSITION)
    {
      type_pos = fitting->len;
      g_ptr_array_add (fitting, type);
    }
  update_types (self->types, fitting);
  adw_combo_row_set_selected (self->type_row, type_pos);

  {
    GListModel *all = gloss_store_get_list (self->store, GLOSS_KIND_ENTITY);

    g_ptr_array_set_size (self->entities, 0);
    for (guint i = 0; i < g_list_model_get_n_items (all); i++)
      g_ptr_array_add (self->entities, g_list_model_get_item (all, i));
    g_ptr_array_sort (self->entities, compare_names);
  }
  names = g_ptr_array_new ();
  for (guint i = 0; i < self->entities->len; i++)
    {
      GlossEntity *entity = g_ptr_array_index (self->entities, i);

      g_ptr_array_add (names, (gpointer) gloss_entity_get_name (entity));
      if (entity == from)
        from_pos = i;
      if (entity == to)
        to_pos = i;
    }
  update_strings (self->names, names);
  adw_combo_row_set_selected (self->from_row, from_pos);
  adw_combo_row_set_selected (self->to_row, to_pos);

  spans = gloss_annotation_get_spans (GLOSS_ANNOTATION (self->relation), GLOSS_ROLE_EVIDENCE, &n);
  if (n > 0)
    {
      g_autofree char *text = gloss_document_dup_slice (gloss_store_get_document (self->store),
                                                        spans[0].start, spans[n - 1].end);
      g_autofree char *quoted = g_strdup_printf ("“%s”", text);
      g_autofree char *escaped = g_markup_escape_text (quoted, -1);

      adw_action_row_set_subtitle (self->evidence_row, escaped);
    }
  else
    adw_action_row_set_subtitle (self->evidence_row, _("None — select the text that says so"));
  gtk_widget_set_sensitive (self->evidence_clear_button, n > 0);

  gtk_editable_set_text (GTK_EDITABLE (self->note_row),
                         gloss_annotation_get_note (GLOSS_ANNOTATION (self->relation)) ?: "");
  if (self->in_row)
    queue_refill (self);
  else
    refill (self);

  self->updating = FALSE;
}

static void
store_edited_cb (GlossRelationEditor *self)
{
  if (self->relation != NULL &&
      gloss_annotation_get_store (GLOSS_ANNOTATION (self->relation)) != self->store)
    {
      gloss_relation_editor_set_relation (self, NULL);
      return;
    }
  refresh (self);
}

GListModel *
gloss_relation_editor_get_types (GlossRelationEditor *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_EDITOR (self), NULL);

  return G_LIST_MODEL (self->types);
}

GlossStore *
gloss_relation_editor_get_store (GlossRelationEditor *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_EDITOR (self), NULL);

  return self->store;
}

void
gloss_relation_editor_set_store (GlossRelationEditor *self,
                                 GlossStore          *store)
{
  g_return_if_fail (GLOSS_IS_RELATION_EDITOR (self));
  g_return_if_fail (store == NULL || GLOSS_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gloss_relation_editor_set_relation (self, NULL);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "edited", G_CALLBACK (store_edited_cb), self, G_CONNECT_SWAPPED);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

GlossRelation *
gloss_relation_editor_get_relation (GlossRelationEditor *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_EDITOR (self), NULL);

  return self->relation;
}

void
gloss_relation_editor_set_relation (GlossRelationEditor *self,
                                    GlossRelation       *relation)
{
  g_return_if_fail (GLOSS_IS_RELATION_EDITOR (self));
  g_return_if_fail (relation == NULL || GLOSS_IS_RELATION (relation));

  if (g_set_object (&self->relation, relation))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELATION]);
  refresh (self);
}

static void
gloss_relation_editor_dispose (GObject *object)
{
  GlossRelationEditor *self = GLOSS_RELATION_EDITOR (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refill_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->chip_provider != NULL)
    {
      gtk_style_context_remove_provider (gtk_widget_get_style_context (GTK_WIDGET (self->chip)),
                                         GTK_STYLE_PROVIDER (self->chip_provider));
      g_clear_object (&self->chip_provider);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_RELATION_EDITOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->relation);
  g_clear_object (&self->store);
  g_clear_object (&self->types);
  g_clear_object (&self->names);
  g_clear_pointer (&self->entities, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_relation_editor_parent_class)->dispose (object);
}

static void
gloss_relation_editor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  GlossRelationEditor *self = GLOSS_RELATION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_RELATION:
      g_value_set_object (value, self->relation);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_relation_editor_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  GlossRelationEditor *self = GLOSS_RELATION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      gloss_relation_editor_set_store (self, g_value_get_object (value));
      break;

    case PROP_RELATION:
      gloss_relation_editor_set_relation (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_relation_editor_class_init (GlossRelationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_relation_editor_dispose;
  object_class->get_property = gloss_relation_editor_get_property;
  object_class->set_property = gloss_relation_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GLOSS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RELATION] =
    g_param_spec_object ("relation", NULL, NULL, GLOSS_TYPE_RELATION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossapp/Gloss/gloss-relation-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossRelationEditor, chip);
  gtk_widget_class_bind_template_child (widget_class, GlossRelationEditor, title);
  gtk_widget_class_bind_template_child (widget_class, GlossRelationEditor, type_row);
  gtk_widget_class_bind_template_child (widget_class, GlossRelationEditor, from_row);
  gtk_widget_class_bind_template_child (widget_class, GlossRelationEditor, to_row);
  gtk_widget_class_bind_template_child (widget_class, GlossRelationEditor, evidence_row);
  gtk_widget_class_bind_template_child (widget_class, GlossRelationEditor, evidence_clear_button);
  gtk_widget_class_bind_template_child (widget_class, GlossRelationEditor, note_row);
  gtk_widget_class_bind_template_child (widget_class, GlossRelationEditor, attr_list);
  gtk_widget_class_bind_template_callback (widget_class, type_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, ends_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, swap_cb);
  gtk_widget_class_bind_template_callback (widget_class, evidence_clear_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_apply_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "relationeditor");
}

static void
gloss_relation_editor_init (GlossRelationEditor *self)
{
  GtkExpression *expression;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->types = g_list_store_new (GLOSS_TYPE_LABEL);
  self->entities = g_ptr_array_new_with_free_func (g_object_unref);
  self->names = gtk_string_list_new (NULL);
  adw_combo_row_set_model (self->from_row, G_LIST_MODEL (self->names));
  adw_combo_row_set_model (self->to_row, G_LIST_MODEL (self->names));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (self->types));
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (label_name), NULL, NULL);
  adw_combo_row_set_expression (self->type_row, expression);
  gtk_expression_unref (expression);

  self->chip_provider = gtk_css_provider_new ();
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self->chip)),
                                  GTK_STYLE_PROVIDER (self->chip_provider),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
gloss_relation_editor_new (void)
{
  return g_object_new (GLOSS_TYPE_RELATION_EDITOR, NULL);
}
