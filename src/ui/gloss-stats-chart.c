/* gloss-stats-chart.c: a horizontal bar chart drawn with GtkSnapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row a bar: its label, the bar (segments stacked left to right, the
 * longest bar as wide as the room allows) and its value. No dependency
 * beyond GTK: rectangles and Pango layouts into the snapshot.
 */
#include "config.h"

#include "gloss-stats-chart.h"

#define ROW_HEIGHT   28
#define BAR_HEIGHT   16
#define GAP          12
#define LABEL_WIDTH  160
#define VALUE_WIDTH  140

typedef struct
{
  char    *label;
  char    *value_text;
  GArray  *values;   /* guint */
  GArray  *colors;   /* GdkRGBA */
} Bar;

struct _GlossStatsChart
{
  GtkWidget  parent_instance;

  GPtrArray *bars;
};

G_DEFINE_FINAL_TYPE (GlossStatsChart, gloss_stats_chart, GTK_TYPE_WIDGET)

static void
bar_free (gpointer data)
{
  Bar *bar = data;

  g_free (bar->label);
  g_free (bar->value_text);
  g_array_unref (bar->values);
  g_array_unref (bar->colors);
  g_free (bar);
}

static guint
bar_total (const Bar *bar)
{
  guint total = 0;

  for (guint i = 0; i < bar->values->len; i++)
    total += g_array_index (bar->values, guint, i);
  return total;
}

static void
gloss_stats_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  GlossStatsChart *self = GLOSS_STATS_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = LABEL_WIDTH + VALUE_WIDTH + 2 * GAP + 80;
      *natural = LABEL_WIDTH + VALUE_WIDTH + 2 * GAP + 360;
    }
  else
    *minimum = *natural = (int) self->bars->len * ROW_HEIGHT;
}

static void
append_text (GtkWidget     *widget,
             GtkSnapshot   *snapshot,
             const char    *text,
             float          x,
             float          y,
             int            width,
             const GdkRGBA *color)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  int text_height;

  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, NULL, &text_height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y + (ROW_HEIGHT - text_height) / 2.0f));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
  g_object_unref (layout);
}

static void
gloss_stats_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  GlossStatsChart *self = GLOSS_STATS_CHART (widget);
  int width = gtk_widget_get_width (widget);
  float room = MAX (1, width - LABEL_WIDTH - VALUE_WIDTH - 2 * GAP);
  GdkRGBA fg, track;
  guint max = 1;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  track = fg;
  track.alpha *= 0.08f;

  for (guint i = 0; i < self->bars->len; i++)
    max = MAX (max, bar_total (g_ptr_array_index (self->bars, i)));

  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = g_ptr_array_index (self->bars, i);
      float y = i * ROW_HEIGHT;
      float x = LABEL_WIDTH + GAP;
      float bar_y = y + (ROW_HEIGHT - BAR_HEIGHT) / 2.0f;
      g_autofree char *total = NULL;

      append_text (widget, snapshot, bar->label, 0, y, LABEL_WIDTH, &fg);
      gtk_snapshot_append_color (snapshot, &track, &GRAPHENE_RECT_INIT (x, bar_y, room, BAR_HEIGHT));
      for (guint s = 0; s < bar->values->len; s++)
        {
          float w = room * g_array_index (bar->values, guint, s) / max;

          if (w <= 0)
            continue;
          gtk_snapshot_append_color (snapshot, &g_array_index (bar->colors, GdkRGBA, s),
                                     &GRAPHENE_RECT_INIT (x, bar_y, w, BAR_HEIGHT));
          x += w;
        }
      if (bar->value_text == NULL)
        total = g_strdup_printf ("%u", bar_total (bar));
      append_text (widget, snapshot, bar->value_text ? bar->value_text : total,
                   LABEL_WIDTH + GAP + room + GAP, y, VALUE_WIDTH, &fg);
    }
}

static void
gloss_stats_chart_finalize (GObject *object)
{
  GlossStatsChart *self = GLOSS_STATS_CHART (object);

  g_clear_pointer (&self->bars, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_stats_chart_parent_class)->finalize (object);
}

static void
gloss_stats_chart_class_init (GlossStatsChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = gloss_stats_chart_finalize;
  widget_class->measure = gloss_stats_chart_measure;
  widget_class->snapshot = gloss_stats_chart_snapshot;

  gtk_widget_class_set_css_name (widget_class, "statschart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
gloss_stats_chart_init (GlossStatsChart *self)
{
  self->bars = g_ptr_array_new_with_free_func (bar_free);
}

GtkWidget *
gloss_stats_chart_new (void)
{
  return g_object_new (GLOSS_TYPE_STATS_CHART, NULL);
}

/* What a screen reader says: every bar's label and value. */
static void
update_description (GlossStatsChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = g_ptr_array_index (self->bars, i);

      if (text->len > 0)
        g_string_append (text, "; ");
      if (bar->value_text != NULL)
        g_string_append_printf (text, "%s: %s", bar->label, bar->value_text);
      else
        g_string_append_printf (text, "%s: %u", bar->label, bar_total (bar));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str, -1);
}

void
gloss_stats_chart_clear (GlossStatsChart *self)
{
  g_return_if_fail (GLOSS_IS_STATS_CHART (self));

  g_ptr_array_set_size (self->bars, 0);
  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
gloss_stats_chart_add_bar (GlossStatsChart *self,
                           const char      *label,
                           guint            n_values,
                           const guint     *values,
                           const GdkRGBA   *colors,
                           const char      *value_text)
{
  Bar *bar;

  g_return_if_fail (GLOSS_IS_STATS_CHART (self));
  g_return_if_fail (label != NULL);
  g_return_if_fail (n_values == 0 || (values != NULL && colors != NULL));

  bar = g_new0 (Bar, 1);
  bar->label = g_strdup (label);
  bar->value_text = g_strdup (value_text);
  bar->values = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_values);
  bar->colors = g_array_sized_new (FALSE, FALSE, sizeof (GdkRGBA), n_values);
  g_array_append_vals (bar->values, values, n_values);
  g_array_append_vals (bar->colors, colors, n_values);
  g_ptr_array_add (self->bars, bar);
  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
gloss_stats_chart_get_n_bars (GlossStatsChart *self)
{
  g_return_val_if_fail (GLOSS_IS_STATS_CHART (self), 0);
  return self->bars->len;
}

static Bar *
get_bar (GlossStatsChart *self,
         guint            bar)
{
  g_return_val_if_fail (GLOSS_IS_STATS_CHART (self), NULL);
  g_return_val_if_fail (bar < self->bars->len, NULL);
  return g_ptr_array_index (self->bars, bar);
}

const char *
gloss_stats_chart_get_label (GlossStatsChart *self,
                             guint            bar)
{
  Bar *b = get_bar (self, bar);

  return b != NULL ? b->label : NULL;
}

guint
gloss_stats_chart_get_total (GlossStatsChart *self,
                             guint            bar)
{
  Bar *b = get_bar (self, bar);

  return b != NULL ? bar_total (b) : 0;
}

guint
gloss_stats_chart_get_value (GlossStatsChart *self,
                             guint            bar,
                             guint            segment)
{
  Bar *b = get_bar (self, bar);

  g_return_val_if_fail (b == NULL || segment < b->values->len, 0);
  return b != NULL ? g_array_index (b->values, guint, segment) : 0;
}
