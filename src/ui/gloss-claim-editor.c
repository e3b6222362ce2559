/* gloss-claim-editor.c: the inspector's fields for a selected claim
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every field is one undoable edit through gloss-edits.c. The text-bound
 * fields (cue from the selection, claimant by clicking a mention) are the
 * window's actions, which the buttons here name.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-annotation-editor.h"
#include "gloss-attribute-rows.h"
#include "gloss-claim-editor.h"
#include "gloss-combo-row-names.h"
#include "gloss-edits.h"

struct _GlossClaimEditor
{
  GlossAnnotationEditor parent_instance;

  GtkLabel       *chip;
  GtkLabel       *title;
  AdwComboRow    *type_row;
  AdwComboRow    *claimant_row;
  AdwActionRow   *cue_row;
  GtkWidget      *cue_clear_button;
  AdwComboRow    *certainty_row;
  AdwActionRow   *about_row;
  GtkBox         *about_box;
  AdwEntryRow    *note_row;
  GtkListBox     *fragments_list;
  GtkListBox     *attr_list;

  GPtrArray      *claimants;     /* GlossEntity, index 0 = NULL (author) */
  gboolean        updating;
  /* Inside a row's own signal: rebuild the rows from an idle. */
  gboolean        in_row;
};

G_DEFINE_FINAL_TYPE (GlossClaimEditor, gloss_claim_editor, GLOSS_TYPE_ANNOTATION_EDITOR)

static GlossStore *
store_of (GlossClaimEditor *self)
{
  return gloss_annotation_editor_get_store (GLOSS_ANNOTATION_EDITOR (self));
}

static GlossClaim *
claim_of (GlossClaimEditor *self)
{
  return GLOSS_CLAIM (gloss_annotation_editor_get_annotation (GLOSS_ANNOTATION_EDITOR (self)));
}

/* @error: where the edit that returned @ok put its error, read only now
 * (an argument beside the edit's call may be read before the call). */
static void
report (GlossClaimEditor *self,
        gboolean          ok,
        GError *const    *error)
{
  _gloss_annotation_editor_report (GLOSS_ANNOTATION_EDITOR (self), ok, *error);
}

static void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static char *
label_name (GlossLabel *label)
{
  return g_strdup (label ? gloss_label_shown_name (label) : "");
}

/* All entities by name: what a claimant or an "about" can be. */
static GPtrArray *
entities_by_name (GlossStore *store)
{
  GListModel *all = gloss_store_get_list (store, GLOSS_KIND_ENTITY);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (all);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (result, g_list_model_get_item (all, i));
  g_ptr_array_sort (result, gloss_entity_compare_names);
  return result;
}

/* Field callbacks */

static void
type_selected_cb (GlossClaimEditor *self)
{
  g_autoptr(GError) error = NULL;
  GlossLabel *label;

  if (self->updating || claim_of (self) == NULL)
    return;
  label = adw_combo_row_get_selected_item (self->type_row);
  if (label != NULL)
    report (self, gloss_edit_set_type (store_of (self), GLOSS_ANNOTATION (claim_of (self)),
                                       gloss_label_get_id (label), &error), &error);
}

static void
claimant_selected_cb (GlossClaimEditor *self)
{
  g_autoptr(GError) error = NULL;
  guint selected;

  if (self->updating || claim_of (self) == NULL)
    return;
  selected = adw_combo_row_get_selected (self->claimant_row);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->claimants->len)
    return;
  report (self, gloss_edit_set_claimant (store_of (self), claim_of (self),
                                         g_ptr_array_index (self->claimants, selected), &error), &error);
}

static void
certainty_selected_cb (GlossClaimEditor *self)
{
  g_autoptr(GError) error = NULL;
  guint selected;

  if (self->updating || claim_of (self) == NULL)
    return;
  selected = adw_combo_row_get_selected (self->certainty_row);
  if (selected > GLOSS_CERTAINTY_DENIED)
    return;
  report (self, gloss_edit_set_certainty (store_of (self), claim_of (self), selected, &error), &error);
}

static void
cue_clear_cb (GlossClaimEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (claim_of (self) == NULL)
    return;
  report (self, gloss_edit_set_spans (store_of (self), GLOSS_ANNOTATION (claim_of (self)),
                                      GLOSS_ROLE_CUE, NULL, 0, &error), &error);
}

static void
note_apply_cb (GlossClaimEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (claim_of (self) == NULL)
    return;
  report (self, gloss_edit_set_note (store_of (self), GLOSS_ANNOTATION (claim_of (self)),
                                     gtk_editable_get_text (GTK_EDITABLE (self->note_row)), &error), &error);
}

static void
set_attribute (gpointer    user_data,
               const char *attr_id,
               JsonNode   *value)
{
  GlossClaimEditor *self = user_data;
  g_autoptr(GError) error = NULL;

  if (self->updating || claim_of (self) == NULL)
    return;
  self->in_row = TRUE;
  report (self, gloss_edit_set_attribute (store_of (self), GLOSS_ANNOTATION (claim_of (self)),
                                          attr_id, value, &error), &error);
  self->in_row = FALSE;
}

static void
about_toggled_cb (GtkCheckButton   *check,
                  GlossClaimEditor *self)
{
  g_autoptr(GError) error = NULL;
  GlossEntity *entity = g_object_get_data (G_OBJECT (check), "entity");

  if (claim_of (self) == NULL || entity == NULL)
    return;
  report (self, gloss_edit_set_about (store_of (self), claim_of (self), entity,
                                      gtk_check_button_get_active (check), &error), &error);
}

static void
about_popover_show_cb (GlossClaimEditor *self)
{
  g_autoptr(GPtrArray) entities = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->about_box))) != NULL)
    gtk_box_remove (self->about_box, child);
  if (store_of (self) == NULL || claim_of (self) == NULL)
    return;

  entities = entities_by_name (store_of (self));
  for (guint i = 0; i < entities->len; i++)
    {
      GlossEntity *entity = g_ptr_array_index (entities, i);
      GtkWidget *check = gtk_check_button_new_with_label (gloss_entity_get_name (entity));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), gloss_claim_is_about (claim_of (self), entity));
      g_object_set_data_full (G_OBJECT (check), "entity", g_object_ref (entity), g_object_unref);
      g_signal_connect (check, "toggled", G_CALLBACK (about_toggled_cb), self);
      gtk_box_append (self->about_box, check);
    }
  if (entities->len == 0)
    gtk_box_append (self->about_box, gtk_label_new (_("No entities yet")));
}

static void
remove_fragment_cb (GtkButton        *button,
                    GlossClaimEditor *self)
{
  g_autoptr(GError) error = NULL;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));

  if (claim_of (self) == NULL)
    return;
  self->in_row = TRUE;
  report (self, gloss_edit_remove_fragment (store_of (self), GLOSS_ANNOTATION (claim_of (self)),
                                            index, &error), &error);
  self->in_row = FALSE;
}

/* Showing */

static guint
position_of (GListModel *model,
             gpointer    item)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) it = g_list_model_get_item (model, i);

      if ((gpointer) it == item)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static char *
spans_text (GlossStore      *store,
            const GlossSpan *spans,
            guint            n)
{
  GlossDocument *document = gloss_store_get_document (store);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *slice = gloss_document_dup_slice (document, spans[i].start, spans[i].end);

      if (i > 0)
        g_string_append (text, " … ");
      g_string_append (text, slice);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
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
refresh_claimants (GlossClaimEditor *self)
{
  g_autoptr(GPtrArray) entities = entities_by_name (store_of (self));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GlossEntity *claimant = gloss_claim_get_claimant (claim_of (self));
  guint selected = 0;

  g_ptr_array_set_size (self->claimants, 0);
  g_ptr_array_add (self->claimants, NULL);
  g_ptr_array_add (names, (gpointer) _("Author (no claimant)"));
  for (guint i = 0; i < entities->len; i++)
    {
      GlossEntity *entity = g_ptr_array_index (entities, i);

      g_ptr_array_add (self->claimants, g_object_ref (entity));
      g_ptr_array_add (names, (gpointer) gloss_entity_get_name (entity));
      if (entity == claimant)
        selected = i + 1;
    }
  update_strings (GTK_STRING_LIST (adw_combo_row_get_model (self->claimant_row)), names);
  adw_combo_row_set_selected (self->claimant_row, selected);
  if (claimant != NULL)
    {
      g_autofree char *subtitle =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u mention", "%u mentions",
                                      gloss_entity_get_n_mentions (claimant)),
                         gloss_entity_get_n_mentions (claimant));

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->claimant_row), subtitle);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->claimant_row), _("The article’s author"));
}

static void
refresh_fragments (GlossClaimEditor *self)
{
  GlossDocument *document = gloss_store_get_document (store_of (self));
  const GlossSpan *spans;
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->fragments_list))) != NULL)
    gtk_list_box_remove (self->fragments_list, child);

  spans = gloss_annotation_get_spans (GLOSS_ANNOTATION (claim_of (self)), GLOSS_ROLE_CONTENT, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = gloss_document_dup_slice (document, spans[i].start, spans[i].end);
      g_autofree char *escaped = g_markup_escape_text (text, -1);
      g_autofree char *where = g_strdup_printf ("%u–%u", spans[i].start, spans[i].end);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove This Fragment"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove This Fragment"), -1);
      gtk_widget_set_sensitive (remove, n > 1);
      g_object_set_data (G_OBJECT (remove), "index", GUINT_TO_POINTER (i));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_fragment_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->fragments_list, row);
    }
}

static void
refill (GlossAnnotationEditor *editor)
{
  GlossClaimEditor *self = GLOSS_CLAIM_EDITOR (editor);

  refresh_fragments (self);
  gtk_widget_set_visible (GTK_WIDGET (self->attr_list),
                          gloss_attribute_rows_fill (self->attr_list, store_of (self), GLOSS_ANNOTATION (claim_of (self)),
                                                     set_attribute, self) > 0);
}

static void
refresh (GlossAnnotationEditor *editor)
{
  GlossClaimEditor *self = GLOSS_CLAIM_EDITOR (editor);
  GlossSchema *schema;
  GlossLabel *type;
  GListModel *labels;
  const GlossSpan *spans;
  g_autofree char *title = NULL;
  g_autoptr(GString) about = NULL;
  guint n;

  self->updating = TRUE;

  schema = gloss_store_get_schema (store_of (self));
  labels = gloss_schema_get_labels (schema, GLOSS_LABEL_CLAIM);
  type = gloss_schema_lookup (schema, GLOSS_LABEL_CLAIM, gloss_annotation_get_type_id (GLOSS_ANNOTATION (claim_of (self))));
  _gloss_annotation_editor_set_chip (GLOSS_ANNOTATION_EDITOR (self), self->chip, type);

  spans = gloss_annotation_get_spans (GLOSS_ANNOTATION (claim_of (self)), GLOSS_ROLE_CONTENT, &n);
  /* Translators: the inspector's heading for a claim: Claim · 2 fragments */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Claim · %u fragment", "Claim · %u fragments", n), n);
  gtk_label_set_text (self->title, title);
  {
    g_autofree char *text = spans_text (store_of (self), spans, n);

    gtk_widget_set_tooltip_text (GTK_WIDGET (self->title), text);
  }

  if (adw_combo_row_get_model (self->type_row) != labels)
    adw_combo_row_set_model (self->type_row, labels);
  adw_combo_row_set_selected (self->type_row, type ? position_of (labels, type) : GTK_INVALID_LIST_POSITION);

  refresh_claimants (self);

  spans = gloss_annotation_get_spans (GLOSS_ANNOTATION (claim_of (self)), GLOSS_ROLE_CUE, &n);
  if (n > 0)
    {
      g_autofree char *text = spans_text (store_of (self), spans, n);
      g_autofree char *quoted = g_strdup_printf ("“%s”", text);
      g_autofree char *escaped = g_markup_escape_text (quoted, -1);

      adw_action_row_set_subtitle (self->cue_row, escaped);
    }
  else
    adw_action_row_set_subtitle (self->cue_row, _("None — select the cue words, then press Shift+C"));
  gtk_widget_set_sensitive (self->cue_clear_button, n > 0);

  adw_combo_row_set_selected (self->certainty_row, gloss_claim_get_certainty (claim_of (self)));

  about = g_string_new (NULL);
  for (guint i = 0; i < gloss_claim_get_n_about (claim_of (self)); i++)
    {
      if (i > 0)
        g_string_append (about, ", ");
      g_string_append (about, gloss_entity_get_name (gloss_claim_get_about (claim_of (self), i)));
    }
  {
    g_autofree char *escaped = g_markup_escape_text (about->str, -1);

    adw_action_row_set_subtitle (self->about_row, about->len > 0 ? escaped : _("Nothing chosen"));
  }

  gtk_editable_set_text (GTK_EDITABLE (self->note_row),
                         gloss_annotation_get_note (GLOSS_ANNOTATION (claim_of (self))) ?: "");

  _gloss_annotation_editor_refill (editor, self->in_row);

  self->updating = FALSE;
}

static void
gloss_claim_editor_dispose (GObject *object)
{
  GlossClaimEditor *self = GLOSS_CLAIM_EDITOR (object);

  _gloss_annotation_editor_dispose_template (GLOSS_ANNOTATION_EDITOR (self), GLOSS_TYPE_CLAIM_EDITOR);
  g_clear_pointer (&self->claimants, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_claim_editor_parent_class)->dispose (object);
}

static void
gloss_claim_editor_class_init (GlossClaimEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GlossAnnotationEditorClass *editor_class = GLOSS_ANNOTATION_EDITOR_CLASS (klass);

  object_class->dispose = gloss_claim_editor_dispose;
  editor_class->refresh = refresh;
  editor_class->refill = refill;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossapp/Gloss/gloss-claim-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossClaimEditor, chip);
  gtk_widget_class_bind_template_child (widget_class, GlossClaimEditor, title);
  gtk_widget_class_bind_template_child (widget_class, GlossClaimEditor, type_row);
  gtk_widget_class_bind_template_child (widget_class, GlossClaimEditor, claimant_row);
  gtk_widget_class_bind_template_child (widget_class, GlossClaimEditor, cue_row);
  gtk_widget_class_bind_template_child (widget_class, GlossClaimEditor, cue_clear_button);
  gtk_widget_class_bind_template_child (widget_class, GlossClaimEditor, certainty_row);
  gtk_widget_class_bind_template_child (widget_class, GlossClaimEditor, about_row);
  gtk_widget_class_bind_template_child (widget_class, GlossClaimEditor, about_box);
  gtk_widget_class_bind_template_child (widget_class, GlossClaimEditor, note_row);
  gtk_widget_class_bind_template_child (widget_class, GlossClaimEditor, fragments_list);
  gtk_widget_class_bind_template_child (widget_class, GlossClaimEditor, attr_list);
  gtk_widget_class_bind_template_callback (widget_class, type_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, claimant_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, certainty_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, cue_clear_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, about_popover_show_cb);
  gtk_widget_class_set_css_name (widget_class, "claimeditor");
}

static void
gloss_claim_editor_init (GlossClaimEditor *self)
{
  GtkExpression *expression;

  gtk_widget_init_template (GTK_WIDGET (self));
  for (AdwComboRow **row = (AdwComboRow *[]) { self->type_row, self->claimant_row, self->certainty_row, NULL };
       *row != NULL; row++)
    gloss_combo_row_show_whole_names (*row);
  /* "Author (no claimant)" has no room beside the Pick button; the
   * subtitle says "The article’s author". */
  gloss_combo_row_set_short_name (self->claimant_row, 0, _("Author"));

  self->claimants = g_ptr_array_new_with_free_func (unref_nullable);

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (label_name), NULL, NULL);
  adw_combo_row_set_expression (self->type_row, expression);
  gtk_expression_unref (expression);
  {
    g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

    adw_combo_row_set_model (self->claimant_row, G_LIST_MODEL (names));
  }
}

GtkWidget *
gloss_claim_editor_new (void)
{
  return g_object_new (GLOSS_TYPE_CLAIM_EDITOR, NULL);
}
