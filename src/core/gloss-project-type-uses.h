/* gloss-project-type-uses.h: how many annotations of a project's
 * documents use a type, counted before the type is removed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-project.h"

G_BEGIN_DECLS

typedef struct
{
  guint n_annotations;  /* in every file, each annotator's counted apart */
  guint n_documents;    /* the documents with any of them */
} GlossTypeUses;

/* Counts the annotations of @label's type (mentions and entities for an
 * entity type) in every .gloss file of every document of @self: each
 * annotator's, the source and the curated file. @store, when given, is
 * the annotator's open version of @open and is counted instead of their
 * file of it. Reads every file: slow on a big project (see the _async
 * variant); a file that cannot be read is an error, as nothing then says
 * the type is unused. */
gboolean gloss_project_count_type_uses        (GlossProject          *self,
                                               GlossLabel            *label,
                                               GlossProjectDocument  *open,
                                               GlossStore            *store,
                                               GlossTypeUses         *uses,
                                               GCancellable          *cancellable,
                                               GError               **error);
/* The same in a worker thread; @store is counted at once, in the
 * calling thread. */
void     gloss_project_count_type_uses_async  (GlossProject          *self,
                                               GlossLabel            *label,
                                               GlossProjectDocument  *open,
                                               GlossStore            *store,
                                               GCancellable          *cancellable,
                                               GAsyncReadyCallback    callback,
                                               gpointer               user_data);
gboolean gloss_project_count_type_uses_finish (GlossProject          *self,
                                               GAsyncResult          *result,
                                               GlossTypeUses         *uses,
                                               GError               **error);

G_END_DECLS
