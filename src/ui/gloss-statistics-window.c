/* gloss-statistics-window.c: a project's counts by type, document and
 * annotator, and each annotator's progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every number comes from gloss-stats-project.c, as gloss-cli stats
 * PROJECT --json prints them.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-grid-cells.h"
#include "gloss-statistics-window.h"
#include "gloss-stats-chart.h"
#include "gloss-stats-project.h"

struct _GlossStatisticsWindow
{
  AdwWindow          parent_instance;

  AdwWindowTitle    *window_title;
  GtkLabel          *summary;
  GlossStatsChart   *progress_chart;
  GtkLabel          *legend;
  GlossStatsChart   *mention_chart;
  GlossStatsChart   *claim_chart;
  GtkGrid           *annotator_grid;
  GtkGrid           *document_grid;

  GlossProject      *project;
};

G_DEFINE_FINAL_TYPE (GlossStatisticsWindow, gloss_statistics_window, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Done, in progress, to do: success, accent and a neutral grey. */
static const char * const progress_colors[] = { "#2ec27e", "#3584e4", "#9a9996" };
static const GlossProgress progress_order[] = { GLOSS_PROGRESS_DONE, GLOSS_PROGRESS_IN_PROGRESS, GLOSS_PROGRESS_TODO };

static const char *
progress_name (GlossProgress status)
{
  switch (status)
    {
    case GLOSS_PROGRESS_DONE:
      return _("Done");
    case GLOSS_PROGRESS_IN_PROGRESS:
      return _("In Progress");
    case GLOSS_PROGRESS_TODO:
    default:
      return _("To Do");
    }
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void
number_cell (GtkGrid *grid,
             int      column,
             int      row,
             guint64  value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GUINT64_FORMAT, value);

  gloss_grid_add_cell (grid, column, row, text, TRUE, FALSE);
}

static void
type_chart (GlossStatsChart     *chart,
            GlossSchema         *schema,
            GlossLabelKind       label_kind,
            GlossAnnotationKind  kind,
            const GlossStats    *counts)
{
  g_autoptr(GPtrArray) types = gloss_stats_list_types (counts, kind);

  gloss_stats_chart_clear (chart);
  for (guint i = 0; i < types->len; i++)
    {
      const char *type = g_ptr_array_index (types, i);
      GlossLabel *label = gloss_schema_lookup (schema, label_kind, type);
      guint value = (guint) gloss_stats_get_count (counts, kind, type);
      GdkRGBA color = { 0.5f, 0.5f, 0.5f, 1.0f };

      if (label != NULL && gloss_label_get_color (label) != NULL)
        gdk_rgba_parse (&color, gloss_label_get_color (label));
      gloss_stats_chart_add_bar (chart, label != NULL ? gloss_label_shown_name (label) : type,
                                 1, &value, &color, NULL);
    }
  gtk_widget_set_visible (GTK_WIDGET (chart), types->len > 0);
}

static void
fill_progress (GlossStatisticsWindow   *self,
               const GlossProjectStats *stats)
{
  guint n_documents = gloss_project_stats_get_n_documents (stats);
  g_autoptr(GString) legend = g_string_new (NULL);
  GdkRGBA colors[G_N_ELEMENTS (progress_colors)];

  for (guint i = 0; i < G_N_ELEMENTS (progress_colors); i++)
    {
      g_autofree char *name = g_markup_escape_text (progress_name (progress_order[i]), -1);

      gdk_rgba_parse (&colors[i], progress_colors[i]);
      g_string_append_printf (legend, "%s<span foreground=\"%s\">■</span> %s",
                              i > 0 ? "    " : "", progress_colors[i], name);
    }
  gtk_label_set_markup (self->legend, legend->str);

  gloss_stats_chart_clear (self->progress_chart);
  for (guint a = 0; a < gloss_project_stats_get_n_annotators (stats); a++)
    {
      guint values[G_N_ELEMENTS (progress_order)];
      g_autofree char *text = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (progress_order); i++)
        values[i] = gloss_project_stats_get_progress (stats, a, progress_order[i]);
      /* Translators: progress of an annotator, e.g. "3 of 5 done" */
      text = g_strdup_printf (_("%u of %u done"), values[0], n_documents);
      gloss_stats_chart_add_bar (self->progress_chart, gloss_project_stats_get_annotator (stats, a),
                                 G_N_ELEMENTS (values), values, colors, text);
    }
}

static void
fill_annotators (GlossStatisticsWindow   *self,
                 const GlossProjectStats *stats)
{
  static const GlossAnnotationKind kinds[] = {
    GLOSS_KIND_MENTION, GLOSS_KIND_ENTITY, GLOSS_KIND_CLAIM, GLOSS_KIND_RELATION,
  };
  GtkGrid *grid = self->annotator_grid;
  const char *headings[] = {
    _("Annotator"), _("Done"), _("In Progress"), _("To Do"), _("Files"),
    _("Mentions"), _("Entities"), _("Claims"), _("Relations"),
  };

  clear_grid (grid);
  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    gloss_grid_add_cell (grid, c, 0, headings[c], c > 0, TRUE);
  for (guint a = 0; a < gloss_project_stats_get_n_annotators (stats); a++)
    {
      const GlossStats *counts = gloss_project_stats_get_annotator_counts (stats, a);
      int row = a + 1;

      gloss_grid_add_cell (grid, 0, row, gloss_project_stats_get_annotator (stats, a), FALSE, FALSE);
      for (guint i = 0; i < G_N_ELEMENTS (progress_order); i++)
        number_cell (grid, 1 + i, row, gloss_project_stats_get_progress (stats, a, progress_order[i]));
      number_cell (grid, 4, row, gloss_stats_get_n_documents (counts));
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        number_cell (grid, 5 + k, row, gloss_stats_get_total (counts, kinds[k]));
    }
}

/* Per annotator three columns: status, mentions, claims. */
static void
fill_documents (GlossStatisticsWindow   *self,
                const GlossProjectStats *stats)
{
  GtkGrid *grid = self->document_grid;
  guint n_annotators = gloss_project_stats_get_n_annotators (stats);

  clear_grid (grid);
  gloss_grid_add_cell (grid, 0, 1, _("Document"), FALSE, TRUE);
  gloss_grid_add_cell (grid, 1, 1, _("Curated"), FALSE, TRUE);
  for (guint a = 0; a < n_annotators; a++)
    {
      GtkWidget *name = gtk_label_new (gloss_project_stats_get_annotator (stats, a));

      gtk_label_set_xalign (GTK_LABEL (name), 0.0f);
      gtk_widget_add_css_class (name, "heading");
      gtk_grid_attach (grid, name, 2 + 3 * a, 0, 3, 1);
      gloss_grid_add_cell (grid, 2 + 3 * a, 1, _("Status"), FALSE, TRUE);
      gloss_grid_add_cell (grid, 3 + 3 * a, 1, _("Mentions"), TRUE, TRUE);
      gloss_grid_add_cell (grid, 4 + 3 * a, 1, _("Claims"), TRUE, TRUE);
    }

  for (guint d = 0; d < gloss_project_stats_get_n_documents (stats); d++)
    {
      GlossProjectDocument *document = gloss_project_stats_get_document (stats, d);
      const char *title = gloss_project_document_get_title (document);
      int row = d + 2;
      GtkWidget *name;

      name = gloss_grid_add_cell (grid, 0, row, title != NULL && *title != '\0' ? title : gloss_project_document_get_id (document),
                   FALSE, FALSE);
      gtk_widget_set_tooltip_text (name, gloss_project_document_get_id (document));
      gtk_label_set_max_width_chars (GTK_LABEL (name), 32);
      gloss_grid_add_cell (grid, 1, row, gloss_project_stats_is_curated (stats, d) ? _("Yes") : "", FALSE, FALSE);
      for (guint a = 0; a < n_annotators; a++)
        {
          const GlossStats *version = gloss_project_stats_get_version (stats, a, d);

          gloss_grid_add_cell (grid, 2 + 3 * a, row, progress_name (gloss_project_stats_get_status (stats, a, d)), FALSE, FALSE);
          if (version != NULL)
            {
              number_cell (grid, 3 + 3 * a, row, gloss_stats_get_total (version, GLOSS_KIND_MENTION));
              number_cell (grid, 4 + 3 * a, row, gloss_stats_get_total (version, GLOSS_KIND_CLAIM));
            }
          else
            {
              gloss_grid_add_cell (grid, 3 + 3 * a, row, "–", TRUE, TRUE);
              gloss_grid_add_cell (grid, 4 + 3 * a, row, "–", TRUE, TRUE);
            }
        }
    }
}

/**
 * gloss_statistics_window_refresh:
 *
 * Reads the project's files again.
 */
void
gloss_statistics_window_refresh (GlossStatisticsWindow *self)
{
  g_autoptr(GlossProjectStats) stats = NULL;
  g_autoptr(GlossStats) all = gloss_stats_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  guint n_curated = 0;
  guint n;

  g_return_if_fail (GLOSS_IS_STATISTICS_WINDOW (self));

  adw_window_title_set_subtitle (self->window_title, gloss_project_get_name (self->project));
  if ((stats = gloss_project_stats_new (self->project, &error)) == NULL)
    {
      gtk_label_set_text (self->summary, error->message);
      return;
    }

  n = gloss_project_stats_get_n_documents (stats);
  for (guint d = 0; d < n; d++)
    n_curated += gloss_project_stats_is_curated (stats, d);
  for (guint a = 0; a < gloss_project_stats_get_n_annotators (stats); a++)
    gloss_stats_merge (all, gloss_project_stats_get_annotator_counts (stats, a));
  {
    guint n_annotators = gloss_project_stats_get_n_annotators (stats);
    /* Three counts, each with its own plural: one sentence would force the
     * plural of the first on all three. */
    g_autofree char *documents = g_strdup_printf (ngettext ("%u document", "%u documents", n), n);
    g_autofree char *curated = g_strdup_printf (ngettext ("%u curated", "%u curated", n_curated), n_curated);
    g_autofree char *annotators = g_strdup_printf (ngettext ("%u annotator", "%u annotators", n_annotators),
                                                   n_annotators);

    /* TRANSLATORS: the counts of documents, curated documents and annotators */
    summary = g_strdup_printf (_("%s, %s, %s. Counts by type add every annotator’s files."),
                               documents, curated, annotators);
  }
  gtk_label_set_text (self->summary, summary);

  fill_progress (self, stats);
  type_chart (self->mention_chart, gloss_project_get_schema (self->project), GLOSS_LABEL_ENTITY,
              GLOSS_KIND_MENTION, all);
  type_chart (self->claim_chart, gloss_project_get_schema (self->project), GLOSS_LABEL_CLAIM,
              GLOSS_KIND_CLAIM, all);
  fill_annotators (self, stats);
  fill_documents (self, stats);
}

static void
gloss_statistics_window_constructed (GObject *object)
{
  GlossStatisticsWindow *self = GLOSS_STATISTICS_WINDOW (object);

  G_OBJECT_CLASS (gloss_statistics_window_parent_class)->constructed (object);

  gloss_statistics_window_refresh (self);
}

static void
gloss_statistics_window_finalize (GObject *object)
{
  GlossStatisticsWindow *self = GLOSS_STATISTICS_WINDOW (object);

  g_clear_object (&self->project);

  G_OBJECT_CLASS (gloss_statistics_window_parent_class)->finalize (object);
}

static void
gloss_statistics_window_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  GlossStatisticsWindow *self = GLOSS_STATISTICS_WINDOW (object);

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
gloss_statistics_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  GlossStatisticsWindow *self = GLOSS_STATISTICS_WINDOW (object);

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
gloss_statistics_window_class_init (GlossStatisticsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gloss_statistics_window_constructed;
  object_class->finalize = gloss_statistics_window_finalize;
  object_class->get_property = gloss_statistics_window_get_property;
  object_class->set_property = gloss_statistics_window_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, GLOSS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GLOSS_TYPE_STATS_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossapp/Gloss/gloss-statistics-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, summary);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, progress_chart);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, legend);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, mention_chart);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, claim_chart);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, annotator_grid);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, document_grid);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
gloss_statistics_window_init (GlossStatisticsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gloss_statistics_window_new (GtkWindow    *parent,
                             GlossProject *project)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (project), NULL);

  return g_object_new (GLOSS_TYPE_STATISTICS_WINDOW,
                       "transient-for", parent,
                       "project", project,
                       NULL);
}

/**
 * gloss_statistics_window_get_type_chart:
 * @kind: %GLOSS_KIND_MENTION or %GLOSS_KIND_CLAIM
 *
 * Returns: (transfer none): the chart of @kind by type
 */
GlossStatsChart *
gloss_statistics_window_get_type_chart (GlossStatisticsWindow *self,
                                        GlossAnnotationKind    kind)
{
  g_return_val_if_fail (GLOSS_IS_STATISTICS_WINDOW (self), NULL);
  g_return_val_if_fail (kind == GLOSS_KIND_MENTION || kind == GLOSS_KIND_CLAIM, NULL);

  return kind == GLOSS_KIND_MENTION ? self->mention_chart : self->claim_chart;
}

/**
 * gloss_statistics_window_get_progress_chart:
 *
 * Returns: (transfer none): the chart of progress by annotator
 */
GlossStatsChart *
gloss_statistics_window_get_progress_chart (GlossStatisticsWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_STATISTICS_WINDOW (self), NULL);
  return self->progress_chart;
}

/**
 * gloss_statistics_window_get_grid:
 * @by_document: the grid by document, else by annotator
 *
 * Returns: (transfer none): the grid of numbers
 */
GtkGrid *
gloss_statistics_window_get_grid (GlossStatisticsWindow *self,
                                  gboolean               by_document)
{
  g_return_val_if_fail (GLOSS_IS_STATISTICS_WINDOW (self), NULL);
  return by_document ? self->document_grid : self->annotator_grid;
}
