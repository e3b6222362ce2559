/* gloss-stats-project.h: a project's statistics: counts by document and
 * by annotator, and each annotator's progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-project.h"
#include "gloss-stats.h"

G_BEGIN_DECLS

typedef struct _GlossProjectStats GlossProjectStats;

/* Reads every annotator's progress and every file they saved
 * (documents/ID/ANNOTATOR.gloss), and the curated files. */
GlossProjectStats *gloss_project_stats_new            (GlossProject            *project,
                                                       GError                 **error);
void               gloss_project_stats_free           (GlossProjectStats       *self);

/* The project's documents, in its order. */
guint              gloss_project_stats_get_n_documents (const GlossProjectStats *self);
GlossProjectDocument *gloss_project_stats_get_document (const GlossProjectStats *self,
                                                       guint                    document);
gboolean           gloss_project_stats_is_curated     (const GlossProjectStats *self,
                                                       guint                    document);
/* The annotators with a progress file, sorted. */
guint              gloss_project_stats_get_n_annotators (const GlossProjectStats *self);
const char        *gloss_project_stats_get_annotator  (const GlossProjectStats *self,
                                                       guint                    annotator);
GlossProgress      gloss_project_stats_get_status     (const GlossProjectStats *self,
                                                       guint                    annotator,
                                                       guint                    document);
/* How many of the documents @annotator has at @status. */
guint              gloss_project_stats_get_progress   (const GlossProjectStats *self,
                                                       guint                    annotator,
                                                       GlossProgress            status);
/* @annotator's file of @document counted, or %NULL when they have none. */
const GlossStats  *gloss_project_stats_get_version    (const GlossProjectStats *self,
                                                       guint                    annotator,
                                                       guint                    document);
/* Every file of @annotator together. */
const GlossStats  *gloss_project_stats_get_annotator_counts (const GlossProjectStats *self,
                                                       guint                    annotator);
/* Every curated file together. */
const GlossStats  *gloss_project_stats_get_curated_counts (const GlossProjectStats *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossProjectStats, gloss_project_stats_free)

G_END_DECLS
