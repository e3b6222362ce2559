/* gloss-stats-chart.h: a horizontal bar chart drawn with GtkSnapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_STATS_CHART (gloss_stats_chart_get_type ())

G_DECLARE_FINAL_TYPE (GlossStatsChart, gloss_stats_chart, GLOSS, STATS_CHART, GtkWidget)

GtkWidget  *gloss_stats_chart_new          (void);
void        gloss_stats_chart_clear        (GlossStatsChart *self);
/* A bar of @n_values segments side by side (a stacked bar), each in its
 * colour; @value_text is shown after it (NULL: the sum). */
void        gloss_stats_chart_add_bar      (GlossStatsChart *self,
                                            const char      *label,
                                            guint            n_values,
                                            const guint     *values,
                                            const GdkRGBA   *colors,
                                            const char      *value_text);
guint       gloss_stats_chart_get_n_bars   (GlossStatsChart *self);
const char *gloss_stats_chart_get_label    (GlossStatsChart *self,
                                            guint            bar);
/* The sum of a bar's segments, or one segment of it. */
guint       gloss_stats_chart_get_total    (GlossStatsChart *self,
                                            guint            bar);
guint       gloss_stats_chart_get_value    (GlossStatsChart *self,
                                            guint            bar,
                                            guint            segment);

G_END_DECLS
