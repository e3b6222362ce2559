/* gloss-statistics-window.h: a project's counts by type, document and
 * annotator, and each annotator's progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-project.h"
#include "gloss-stats-chart.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_STATISTICS_WINDOW (gloss_statistics_window_get_type ())

G_DECLARE_FINAL_TYPE (GlossStatisticsWindow, gloss_statistics_window, GLOSS, STATISTICS_WINDOW, AdwWindow)

GtkWidget       *gloss_statistics_window_new                (GtkWindow             *parent,
                                                             GlossProject          *project);
void             gloss_statistics_window_refresh            (GlossStatisticsWindow *self);
/* What it shows, for tests: the charts and the grids of numbers (row 0
 * headings; by document, rows 0 and 1). */
GlossStatsChart *gloss_statistics_window_get_progress_chart (GlossStatisticsWindow *self);
GlossStatsChart *gloss_statistics_window_get_type_chart     (GlossStatisticsWindow *self,
                                                             GlossAnnotationKind    kind);
GtkGrid         *gloss_statistics_window_get_grid           (GlossStatisticsWindow *self,
                                                             gboolean               by_document);

G_END_DECLS
