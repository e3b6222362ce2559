/* gloss-agreement-window.c: how far two annotators of a project agree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The numbers of gloss-cli agree PROJECT (gloss-agreement-project.c):
 * per type precision, recall and F1 of mentions, claims and relations,
 * matched exactly or by overlap, Cohen's kappa, over every document both
 * annotated and for each of them.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "gloss-agreement-project.h"
#include "gloss-agreement-window.h"
#include "gloss-grid-cells.h"

struct _GlossAgreementWindow
{
  AdwWindow        parent_instance;

  AdwWindowTitle  *window_title;
  GtkDropDown     *a_dropdown;
  GtkDropDown     *b_dropdown;
  GtkToggleButton *exact_button;
  GtkBox          *results;

  GlossProject    *project;
  GtkStringList   *annotators;
  GtkWidget       *choices;
  GlossAgreement  *pooled;
  GPtrArray       *documents;   /* GlossDocumentAgreement */
  char            *error;
};

G_DEFINE_FINAL_TYPE (GlossAgreementWindow, gloss_agreement_window, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GlossMatch
get_match (GlossAgreementWindow *self)
{
  return gtk_toggle_button_get_active (self->exact_button) ? GLOSS_MATCH_EXACT : GLOSS_MATCH_OVERLAP;
}

static char *
format_ratio (double value)
{
  return isnan (value) ? g_strdup ("–") : g_strdup_printf ("%.3f", value);
}

static void
counts_row (GtkGrid                    *grid,
            int                         row,
            const char                 *name,
            const GlossAgreementCounts *counts)
{
  g_autofree char *a = g_strdup_printf ("%u", counts->a);
  g_autofree char *b = g_strdup_printf ("%u", counts->b);
  g_autofree char *matched = g_strdup_printf ("%u", counts->matched);
  g_autofree char *p = format_ratio (gloss_agreement_precision (counts));
  g_autofree char *r = format_ratio (gloss_agreement_recall (counts));
  g_autofree char *f = format_ratio (gloss_agreement_f1 (counts));

  gloss_grid_add_cell (grid, 0, row, name, FALSE, FALSE);
  gloss_grid_add_cell (grid, 1, row, a, TRUE, FALSE);
  gloss_grid_add_cell (grid, 2, row, b, TRUE, FALSE);
  gloss_grid_add_cell (grid, 3, row, matched, TRUE, FALSE);
  gloss_grid_add_cell (grid, 4, row, p, TRUE, FALSE);
  gloss_grid_add_cell (grid, 5, row, r, TRUE, FALSE);
  gtk_widget_add_css_class (gloss_grid_add_cell (grid, 6, row, f, TRUE, FALSE), "heading");
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  return label;
}

static void
add_kind (GlossAgreementWindow *self,
          GlossAnnotationKind   kind,
          const char           *title,
          GlossLabelKind        label_kind)
{
  g_autoptr(GPtrArray) types = gloss_agreement_list_types (self->pooled, kind);
  GlossSchema *schema = gloss_project_get_schema (self->project);
  GlossMatch match = get_match (self);
  GtkWidget *grid = gtk_grid_new ();
  GlossAgreementCounts all = gloss_agreement_get_counts (self->pooled, kind, match, NULL);
  const char *headings[] = { _("Type"), "A", "B", _("Matched"), _("Precision"), _("Recall"), "F1" };

  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_name (grid, gloss_annotation_kind_to_string (kind));
  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    gloss_grid_add_cell (GTK_GRID (grid), c, 0, headings[c], c > 0, TRUE);
  for (guint i = 0; i < types->len; i++)
    {
      const char *type = g_ptr_array_index (types, i);
      GlossLabel *label = gloss_schema_lookup (schema, label_kind, type);
      GlossAgreementCounts counts = gloss_agreement_get_counts (self->pooled, kind, match, type);

      counts_row (GTK_GRID (grid), i + 1, label != NULL ? gloss_label_shown_name (label) : type, &counts);
    }
  counts_row (GTK_GRID (grid), types->len + 1, _("All (micro)"), &all);

  gtk_box_append (self->results, heading (title));
  gtk_box_append (self->results, grid);

  if (kind != GLOSS_KIND_RELATION)
    {
      GlossKappa k = gloss_agreement_get_kappa (self->pooled, kind);
      g_autofree char *kappa = format_ratio (k.kappa);
      g_autofree char *text = NULL;
      GtkWidget *label;

      /* Translators: p_o and p_e are observed and expected agreement */
      text = g_strdup_printf (_("Cohen’s kappa %s over %u tokens (%u agreed; p_o %.3f, p_e %.3f)"),
                              kappa, k.tokens, k.agreed, k.observed, k.expected);
      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (self->results, label);
    }
}

static void
add_documents (GlossAgreementWindow *self)
{
  GtkWidget *grid = gtk_grid_new ();
  GlossMatch match = get_match (self);
  const char *headings[] = { _("Document"), _("Mention F1"), _("Claim F1"), _("Relation F1"), _("Kappa") };

  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_name (grid, "documents");
  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    gloss_grid_add_cell (GTK_GRID (grid), c, 0, headings[c], c > 0, TRUE);
  for (guint i = 0; i < self->documents->len; i++)
    {
      GlossDocumentAgreement *item = g_ptr_array_index (self->documents, i);
      const char *title = gloss_project_document_get_title (item->document);
      static const GlossAnnotationKind kinds[] = { GLOSS_KIND_MENTION, GLOSS_KIND_CLAIM, GLOSS_KIND_RELATION };
      GlossKappa k = gloss_agreement_get_kappa (item->agreement, GLOSS_KIND_MENTION);
      g_autofree char *kappa = format_ratio (k.kappa);
      GtkWidget *name;

      name = gloss_grid_add_cell (GTK_GRID (grid), 0, i + 1, title != NULL && *title ? title : gloss_project_document_get_id (item->document),
                   FALSE, FALSE);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 36);
      for (guint k2 = 0; k2 < G_N_ELEMENTS (kinds); k2++)
        {
          GlossAgreementCounts counts = gloss_agreement_get_counts (item->agreement, kinds[k2], match, NULL);
          g_autofree char *f1 = format_ratio (gloss_agreement_f1 (&counts));

          gloss_grid_add_cell (GTK_GRID (grid), 1 + k2, i + 1, f1, TRUE, FALSE);
        }
      gloss_grid_add_cell (GTK_GRID (grid), 4, i + 1, kappa, TRUE, FALSE);
    }
  gtk_box_append (self->results, heading (_("By Document")));
  gtk_box_append (self->results, grid);
}

static void
show_results (GlossAgreementWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_box_remove (self->results, child);

  if (self->pooled == NULL || self->documents->len == 0)
    {
      GtkWidget *page = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "dialog-information-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (page),
                                 g_list_model_get_n_items (G_LIST_MODEL (self->annotators)) < 2
                                 ? _("Agreement Needs Two Annotators") : _("Nothing to Compare"));
      adw_status_page_set_description (ADW_STATUS_PAGE (page),
                                       self->error != NULL ? self->error
                                       : _("Agreement needs two annotators who both saved a document of the project."));
      gtk_box_append (self->results, page);
      return;
    }

  {
    g_autofree char *summary = NULL;
    GtkWidget *label;

    summary = g_strdup_printf (ngettext ("%u document annotated by both. A is the reference: precision is the share of B’s annotations that A has too, recall the share of A’s that B has.",
                                         "%u documents annotated by both. A is the reference: precision is the share of B’s annotations that A has too, recall the share of A’s that B has.",
                                         self->documents->len),
                               self->documents->len);
    label = gtk_label_new (summary);
    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
    gtk_widget_add_css_class (label, "dim-label");
    gtk_box_append (self->results, label);
  }
  add_kind (self, GLOSS_KIND_MENTION, _("Mentions"), GLOSS_LABEL_ENTITY);
  add_kind (self, GLOSS_KIND_CLAIM, _("Claims"), GLOSS_LABEL_CLAIM);
  add_kind (self, GLOSS_KIND_RELATION, _("Relations"), GLOSS_LABEL_RELATION);
  add_documents (self);
}

static const char *
selected_name (GtkDropDown *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

/* Why there is nothing to choose with fewer than two annotators, and
 * where the second one's files come from. */
static char *
lonely_text (GlossAgreementWindow *self)
{
  const char *how = _("Agreement compares the files two annotators saved of the same documents. "
                      "Bring your teammates’ work into the project folder (for example with git pull), "
                      "then open Agreement again.");

  if (g_list_model_get_n_items (G_LIST_MODEL (self->annotators)) == 0)
    /* Translators: %s says how to get a second annotator's files */
    return g_strdup_printf (_("No one has annotated this project yet. %s"), how);
  /* Translators: “ana” is the only annotator…; the second %s says how to
   * get a second annotator's files */
  return g_strdup_printf (_("“%s” is the only annotator of this project so far. %s"),
                          gtk_string_list_get_string (self->annotators, 0), how);
}

static void
compare (GlossAgreementWindow *self)
{
  const char *a = selected_name (self->a_dropdown);
  const char *b = selected_name (self->b_dropdown);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->pooled, gloss_agreement_free);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->error, g_free);
  self->documents = g_ptr_array_new ();

  if (g_list_model_get_n_items (G_LIST_MODEL (self->annotators)) < 2)
    self->error = lonely_text (self);
  else if (a != NULL && b != NULL && g_strcmp0 (a, b) != 0)
    {
      GPtrArray *items = gloss_agreement_compare_project (self->project, a, b, &self->pooled, &error);

      if (items != NULL)
        {
          g_ptr_array_unref (self->documents);
          self->documents = items;
        }
      else
        self->error = g_strdup (error->message);
    }
  else if (a != NULL && g_strcmp0 (a, b) == 0)
    self->error = g_strdup (_("Choose two different annotators."));
  show_results (self);
}

static void
annotators_changed_cb (GlossAgreementWindow *self)
{
  if (self->annotators != NULL)
    compare (self);
}

static void
match_toggled_cb (GlossAgreementWindow *self)
{
  if (self->annotators != NULL)
    show_results (self);
}

static void
gloss_agreement_window_constructed (GObject *object)
{
  GlossAgreementWindow *self = GLOSS_AGREEMENT_WINDOW (object);
  g_auto(GStrv) names = NULL;
  GtkStringList *list;

  G_OBJECT_CLASS (gloss_agreement_window_parent_class)->constructed (object);

  adw_window_title_set_subtitle (self->window_title, gloss_project_get_name (self->project));
  names = gloss_project_list_annotators (self->project);
  list = gtk_string_list_new ((const char * const *) names);
  gtk_drop_down_set_model (self->a_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_model (self->b_dropdown, G_LIST_MODEL (list));
  if (g_strv_length (names) > 1)
    gtk_drop_down_set_selected (self->b_dropdown, 1);
  self->annotators = list;
  gtk_widget_set_visible (self->choices, g_strv_length (names) > 1);
  compare (self);
}

/* The dropdowns and toggles notify as they go: nothing is shown any more. */
static void
gloss_agreement_window_dispose (GObject *object)
{
  GlossAgreementWindow *self = GLOSS_AGREEMENT_WINDOW (object);

  g_clear_object (&self->annotators);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_AGREEMENT_WINDOW);

  G_OBJECT_CLASS (gloss_agreement_window_parent_class)->dispose (object);
}

static void
gloss_agreement_window_finalize (GObject *object)
{
  GlossAgreementWindow *self = GLOSS_AGREEMENT_WINDOW (object);

  g_clear_object (&self->project);
  g_clear_pointer (&self->pooled, gloss_agreement_free);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (gloss_agreement_window_parent_class)->finalize (object);
}

static void
gloss_agreement_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  GlossAgreementWindow *self = GLOSS_AGREEMENT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_agreement_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  GlossAgreementWindow *self = GLOSS_AGREEMENT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_agreement_window_class_init (GlossAgreementWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gloss_agreement_window_constructed;
  object_class->dispose = gloss_agreement_window_dispose;
  object_class->finalize = gloss_agreement_window_finalize;
  object_class->get_property = gloss_agreement_window_get_property;
  object_class->set_property = gloss_agreement_window_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, GLOSS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossapp/Gloss/gloss-agreement-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossAgreementWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GlossAgreementWindow, a_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossAgreementWindow, b_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossAgreementWindow, exact_button);
  gtk_widget_class_bind_template_child (widget_class, GlossAgreementWindow, results);
  gtk_widget_class_bind_template_callback (widget_class, annotators_changed_cb);
  gtk_widget_class_bind_template_child (widget_class, GlossAgreementWindow, choices);
  gtk_widget_class_bind_template_callback (widget_class, match_toggled_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
gloss_agreement_window_init (GlossAgreementWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gloss_agreement_window_new (GtkWindow    *parent,
                            GlossProject *project)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (project), NULL);

  return g_object_new (GLOSS_TYPE_AGREEMENT_WINDOW,
                       "transient-for", parent,
                       "project", project,
                       NULL);
}

/**
 * gloss_agreement_window_get_agreement:
 *
 * Returns: (transfer none) (nullable): every shared document together
 */
const GlossAgreement *
gloss_agreement_window_get_agreement (GlossAgreementWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT_WINDOW (self), NULL);
  return self->pooled;
}
