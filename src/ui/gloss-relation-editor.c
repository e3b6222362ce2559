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

#include "gloss-annotation-editor.h"
#include "gloss-attribute-rows.h"
#include "gloss-edits.h"
#include "gloss-relation-editor.h"

struct _GlossRelationEditor
{
  GlossAnnotationEditor parent_instance;

  GtkLabel       *chip;
  GtkLabel       *title;
  AdwComboRow    *type_row;
  AdwComboRow    *from_row;
  AdwComboRow    *to_row;
  AdwActionRow   *evidence_row;
  GtkWidget      *evidence_clear_button;
  AdwEntryRow    *note_row;
  GtkListBox     *attr_list;

  GListStore     *types;
  GtkStringList  *names;
  GPtrArray      *entities;
  gboolean        updating;
  /* Inside a row's own signal: rebuild the rows from an idle. */
  gboolean        in_row;
};

G_DEFINE_FINAL_TYPE (GlossRelationEditor, gloss_relation_editor, GLOSS_TYPE_ANNOTATION_EDITOR)

static GlossStore *
store_of (GlossRelationEditor *self)
{
  return gloss_annotation_editor_get_store (GLOSS_ANNOTATION_EDITOR (self));
}

static GlossRelation *
relation_of (GlossRelationEditor *self)
{
  return GLOSS_RELATION (gloss_annotation_editor_get_annotation (GLOSS_ANNOTATION_EDITOR (self)));
}

/* @error: where the edit that returned @ok put its error, read only now
 * (an argument beside the edit's call may be read before the call). */
static void refresh (GlossAnnotationEditor *editor);

/* A refused edit (the same relation as another) leaves the rows showing
 * the relation as it is. */
static void
report (GlossRelationEditor *self,
        gboolean             ok,
        GError *const       *error)
{
  _gloss_annotation_editor_report (GLOSS_ANNOTATION_EDITOR (self), ok, *error);
  if (!ok && relation_of (self) != NULL)
    refresh (GLOSS_ANNOTATION_EDITOR (self));
}

static char *
label_name (GlossLabel *label)
{
  return g_strdup (label ? gloss_label_shown_name (label) : "");
}

static void
type_selected_cb (GlossRelationEditor *self)
{
  g_autoptr(GError) error = NULL;
  GlossLabel *label;

  if (self->updating || relation_of (self) == NULL)
    return;
  label = adw_combo_row_get_selected_item (self->type_row);
  if (label != NULL)
    report (self, gloss_edit_set_type (store_of (self), GLOSS_ANNOTATION (relation_of (self)),
                                       gloss_label_get_id (label), &error), &error);
}

static void
ends_selected_cb (GlossRelationEditor *self)
{
  g_autoptr(GError) error = NULL;
  guint from, to;

  if (self->updating || relation_of (self) == NULL)
    return;
  from = adw_combo_row_get_selected (self->from_row);
  to = adw_combo_row_get_selected (self->to_row);
  if (from >= self->entities->len || to >= self->entities->len)
    return;
  report (self, gloss_edit_set_relation_ends (store_of (self), relation_of (self),
                                              g_ptr_array_index (self->entities, from),
                                              g_ptr_array_index (self->entities, to), &error), &error);
}

static void
swap_cb (GlossRelationEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (relation_of (self) == NULL)
    return;
  report (self, gloss_edit_set_relation_ends (store_of (self), relation_of (self),
                                              gloss_relation_get_to (relation_of (self)),
                                              gloss_relation_get_from (relation_of (self)), &error), &error);
}

static void
evidence_clear_cb (GlossRelationEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (relation_of (self) == NULL)
    return;
  report (self, gloss_edit_set_spans (store_of (self), GLOSS_ANNOTATION (relation_of (self)),
                                      GLOSS_ROLE_EVIDENCE, NULL, 0, &error), &error);
}

static void
note_apply_cb (GlossRelationEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (relation_of (self) == NULL)
    return;
  report (self, gloss_edit_set_note (store_of (self), GLOSS_ANNOTATION (relation_of (self)),
                                     gtk_editable_get_text (GTK_EDITABLE (self->note_row)), &error), &error);
}

static void
set_attribute (gpointer    user_data,
               const char *attr_id,
               JsonNode   *value)
{
  GlossRelationEditor *self = user_data;
  g_autoptr(GError) error = NULL;

  if (self->updating || relation_of (self) == NULL)
    return;
  self->in_row = TRUE;
  report (self, gloss_edit_set_attribute (store_of (self), GLOSS_ANNOTATION (relation_of (self)),
                                          attr_id, value, &error), &error);
  self->in_row = FALSE;
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
refill (GlossAnnotationEditor *editor)
{
  GlossRelationEditor *self = GLOSS_RELATION_EDITOR (editor);

  gtk_widget_set_visible (GTK_WIDGET (self->attr_list),
                          gloss_attribute_rows_fill (self->attr_list, store_of (self),
                                                     GLOSS_ANNOTATION (relation_of (self)),
                                                     set_attribute, self) > 0);
}

static void
refresh (GlossAnnotationEditor *editor)
{
  GlossRelationEditor *self = GLOSS_RELATION_EDITOR (editor);
  GlossSchema *schema;
  GlossLabel *type;
  GlossEntity *from, *to;
  g_autoptr(GPtrArray) fitting = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *title = NULL;
  const GlossSpan *spans;
  guint n, type_pos = GTK_INVALID_LIST_POSITION;
  guint from_pos = GTK_INVALID_LIST_POSITION, to_pos = GTK_INVALID_LIST_POSITION;

  self->updating = TRUE;

  schema = gloss_store_get_schema (store_of (self));
  type = gloss_schema_lookup (schema, GLOSS_LABEL_RELATION,
                              gloss_annotation_get_type_id (GLOSS_ANNOTATION (relation_of (self))));
  from = gloss_relation_get_from (relation_of (self));
  to = gloss_relation_get_to (relation_of (self));
  _gloss_annotation_editor_set_chip (GLOSS_ANNOTATION_EDITOR (self), self->chip, type);
  title = gloss_edit_describe (store_of (self), GLOSS_ANNOTATION (relation_of (self)));
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
    GListModel *all = gloss_store_get_list (store_of (self), GLOSS_KIND_ENTITY);

    g_ptr_array_set_size (self->entities, 0);
    for (guint i = 0; i < g_list_model_get_n_items (all); i++)
      g_ptr_array_add (self->entities, g_list_model_get_item (all, i));
    g_ptr_array_sort (self->entities, gloss_entity_compare_names);
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

  spans = gloss_annotation_get_spans (GLOSS_ANNOTATION (relation_of (self)), GLOSS_ROLE_EVIDENCE, &n);
  if (n > 0)
    {
      g_autofree char *text = gloss_document_dup_slice (gloss_store_get_document (store_of (self)),
                                                        spans[0].start, spans[n - 1].end);
      g_autofree char *quoted = g_strdup_printf ("“%s”", text);
      g_autofree char *escaped = g_markup_escape_text (quoted, -1);

      adw_action_row_set_subtitle (self->evidence_row, escaped);
    }
  else
    adw_action_row_set_subtitle (self->evidence_row, _("None — select the text that says so"));
  gtk_widget_set_sensitive (self->evidence_clear_button, n > 0);

  gtk_editable_set_text (GTK_EDITABLE (self->note_row),
                         gloss_annotation_get_note (GLOSS_ANNOTATION (relation_of (self))) ?: "");
  _gloss_annotation_editor_refill (editor, self->in_row);

  self->updating = FALSE;
}

GListModel *
gloss_relation_editor_get_types (GlossRelationEditor *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_EDITOR (self), NULL);

  return G_LIST_MODEL (self->types);
}

static void
gloss_relation_editor_dispose (GObject *object)
{
  GlossRelationEditor *self = GLOSS_RELATION_EDITOR (object);

  _gloss_annotation_editor_dispose_template (GLOSS_ANNOTATION_EDITOR (self), GLOSS_TYPE_RELATION_EDITOR);
  g_clear_object (&self->types);
  g_clear_object (&self->names);
  g_clear_pointer (&self->entities, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_relation_editor_parent_class)->dispose (object);
}

static void
gloss_relation_editor_class_init (GlossRelationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GlossAnnotationEditorClass *editor_class = GLOSS_ANNOTATION_EDITOR_CLASS (klass);

  object_class->dispose = gloss_relation_editor_dispose;
  editor_class->refresh = refresh;
  editor_class->refill = refill;

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
}

GtkWidget *
gloss_relation_editor_new (void)
{
  return g_object_new (GLOSS_TYPE_RELATION_EDITOR, NULL);
}
