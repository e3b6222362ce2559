/* gloss-stats-project.c: a project's statistics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-agreement-project.h"
#include "gloss-format-native.h"
#include "gloss-stats-project.h"

typedef struct
{
  char          *name;
  GArray        *status;     /* GlossProgress per document */
  GPtrArray     *versions;   /* GlossStats or NULL per document */
  GlossStats    *all;
} Annotator;

struct _GlossProjectStats
{
  GPtrArray  *documents;     /* GlossProjectDocument */
  GArray     *curated;       /* gboolean per document */
  GPtrArray  *annotators;    /* Annotator */
  GlossStats *curated_all;
};

static void
annotator_free (gpointer data)
{
  Annotator *annotator = data;

  g_free (annotator->name);
  g_array_unref (annotator->status);
  g_ptr_array_unref (annotator->versions);
  gloss_stats_free (annotator->all);
  g_free (annotator);
}

static void
stats_free (gpointer data)
{
  gloss_stats_free (data);
}

static Annotator *
read_annotator (GlossProject  *project,
                GPtrArray     *documents,
                const char    *name,
                GError       **error)
{
  g_autoptr(GHashTable) progress = gloss_project_read_progress (project, name, error);
  Annotator *annotator;

  if (progress == NULL)
    return NULL;
  annotator = g_new0 (Annotator, 1);
  annotator->name = g_strdup (name);
  annotator->status = g_array_new (FALSE, FALSE, sizeof (GlossProgress));
  annotator->versions = g_ptr_array_new_with_free_func (stats_free);
  annotator->all = gloss_stats_new ();

  for (guint i = 0; i < documents->len; i++)
    {
      GlossProjectDocument *document = g_ptr_array_index (documents, i);
      GlossProgress status = GPOINTER_TO_INT (g_hash_table_lookup (progress, gloss_project_document_get_id (document)));
      g_autoptr(GlossStore) store = gloss_agreement_open_version (project, document, name, error);
      GlossStats *counts = NULL;

      if (store == NULL && error != NULL && *error != NULL)
        {
          annotator_free (annotator);
          return NULL;
        }
      g_array_append_val (annotator->status, status);
      if (store != NULL)
        {
          counts = gloss_stats_new ();
          gloss_stats_add_store (counts, store);
          gloss_stats_merge (annotator->all, counts);
        }
      g_ptr_array_add (annotator->versions, counts);
    }
  return annotator;
}

/**
 * gloss_project_stats_new:
 *
 * Returns: (transfer full) (nullable): the statistics
 */
GlossProjectStats *
gloss_project_stats_new (GlossProject  *project,
                         GError       **error)
{
  g_autoptr(GlossProjectStats) self = g_new0 (GlossProjectStats, 1);
  g_auto(GStrv) names = NULL;
  GListModel *documents;

  g_return_val_if_fail (GLOSS_IS_PROJECT (project), NULL);

  self->documents = g_ptr_array_new_with_free_func (g_object_unref);
  self->curated = g_array_new (FALSE, FALSE, sizeof (gboolean));
  self->annotators = g_ptr_array_new_with_free_func (annotator_free);
  self->curated_all = gloss_stats_new ();

  documents = gloss_project_get_documents (project);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      GlossProjectDocument *document = g_list_model_get_item (documents, i);
      gboolean curated = gloss_project_is_curated (project, document);

      g_ptr_array_add (self->documents, document);
      g_array_append_val (self->curated, curated);
      if (curated)
        {
          g_autoptr(GFile) file = gloss_project_get_document_file (project, document, GLOSS_PROJECT_CURATED);
          g_autoptr(GlossStore) store = gloss_native_read_file (file, error);

          if (store == NULL)
            return NULL;
          gloss_stats_add_store (self->curated_all, store);
        }
    }

  names = gloss_project_list_annotators (project);
  for (guint i = 0; names[i] != NULL; i++)
    {
      Annotator *annotator = read_annotator (project, self->documents, names[i], error);

      if (annotator == NULL)
        return NULL;
      g_ptr_array_add (self->annotators, annotator);
    }

  return g_steal_pointer (&self);
}

void
gloss_project_stats_free (GlossProjectStats *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->curated, g_array_unref);
  g_clear_pointer (&self->annotators, g_ptr_array_unref);
  g_clear_pointer (&self->curated_all, gloss_stats_free);
  g_free (self);
}

guint
gloss_project_stats_get_n_documents (const GlossProjectStats *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->documents->len;
}

/**
 * gloss_project_stats_get_document:
 *
 * Returns: (transfer none): the document
 */
GlossProjectDocument *
gloss_project_stats_get_document (const GlossProjectStats *self,
                                  guint                    document)
{
  g_return_val_if_fail (self != NULL && document < self->documents->len, NULL);
  return g_ptr_array_index (self->documents, document);
}

gboolean
gloss_project_stats_is_curated (const GlossProjectStats *self,
                                guint                    document)
{
  g_return_val_if_fail (self != NULL && document < self->curated->len, FALSE);
  return g_array_index (self->curated, gboolean, document);
}

guint
gloss_project_stats_get_n_annotators (const GlossProjectStats *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->annotators->len;
}

static const Annotator *
get_annotator (const GlossProjectStats *self,
               guint                    annotator)
{
  g_return_val_if_fail (self != NULL && annotator < self->annotators->len, NULL);
  return g_ptr_array_index (self->annotators, annotator);
}

const char *
gloss_project_stats_get_annotator (const GlossProjectStats *self,
                                   guint                    annotator)
{
  const Annotator *a = get_annotator (self, annotator);

  return a != NULL ? a->name : NULL;
}

GlossProgress
gloss_project_stats_get_status (const GlossProjectStats *self,
                                guint                    annotator,
                                guint                    document)
{
  const Annotator *a = get_annotator (self, annotator);

  g_return_val_if_fail (a != NULL && document < a->status->len, GLOSS_PROGRESS_TODO);
  return g_array_index (a->status, GlossProgress, document);
}

guint
gloss_project_stats_get_progress (const GlossProjectStats *self,
                                  guint                    annotator,
                                  GlossProgress            status)
{
  const Annotator *a = get_annotator (self, annotator);
  guint n = 0;

  g_return_val_if_fail (a != NULL, 0);
  for (guint i = 0; i < a->status->len; i++)
    n += g_array_index (a->status, GlossProgress, i) == status;
  return n;
}

const GlossStats *
gloss_project_stats_get_version (const GlossProjectStats *self,
                                 guint                    annotator,
                                 guint                    document)
{
  const Annotator *a = get_annotator (self, annotator);

  g_return_val_if_fail (a != NULL && document < a->versions->len, NULL);
  return g_ptr_array_index (a->versions, document);
}

const GlossStats *
gloss_project_stats_get_annotator_counts (const GlossProjectStats *self,
                                          guint                    annotator)
{
  const Annotator *a = get_annotator (self, annotator);

  g_return_val_if_fail (a != NULL, NULL);
  return a->all;
}

const GlossStats *
gloss_project_stats_get_curated_counts (const GlossProjectStats *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->curated_all;
}
