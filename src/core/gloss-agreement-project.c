/* gloss-agreement-project.c: two annotators of a project compared
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-agreement-project.h"
#include "gloss-annotator.h"
#include "gloss-format-native.h"

/**
 * gloss_agreement_open_version:
 *
 * Returns: (transfer full) (nullable): the annotator's version
 */
GlossStore *
gloss_agreement_open_version (GlossProject          *project,
                              GlossProjectDocument  *document,
                              const char            *annotator,
                              GError               **error)
{
  g_autofree char *stem = gloss_annotator_file_stem (annotator);
  g_autoptr(GFile) file = gloss_project_get_document_file (project, document, stem);

  g_return_val_if_fail (GLOSS_IS_PROJECT (project), NULL);

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_REGULAR)
    return NULL;
  return gloss_native_read_file (file, error);
}

static void
document_agreement_free (gpointer data)
{
  GlossDocumentAgreement *item = data;

  g_object_unref (item->document);
  gloss_agreement_free (item->agreement);
  g_free (item);
}

/**
 * gloss_agreement_compare_project:
 * @pooled: (out) (transfer full) (optional): every document together
 *
 * Returns: (transfer full) (nullable): the documents compared
 */
GPtrArray *
gloss_agreement_compare_project (GlossProject    *project,
                                 const char      *annotator_a,
                                 const char      *annotator_b,
                                 GlossAgreement **pooled,
                                 GError         **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (document_agreement_free);
  g_autoptr(GlossAgreement) all = gloss_agreement_new ();
  GListModel *documents;

  g_return_val_if_fail (GLOSS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (annotator_a != NULL && annotator_b != NULL, NULL);

  documents = gloss_project_get_documents (project);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(GlossProjectDocument) document = g_list_model_get_item (documents, i);
      g_autoptr(GlossStore) a = NULL;
      g_autoptr(GlossStore) b = NULL;
      g_autoptr(GlossAgreement) one = NULL;
      GlossDocumentAgreement *item;

      if ((a = gloss_agreement_open_version (project, document, annotator_a, error)) == NULL)
        {
          if (error != NULL && *error != NULL)
            return NULL;
          continue;
        }
      if ((b = gloss_agreement_open_version (project, document, annotator_b, error)) == NULL)
        {
          if (error != NULL && *error != NULL)
            return NULL;
          continue;
        }

      one = gloss_agreement_new ();
      if (!gloss_agreement_add (one, a, b, error))
        return NULL;
      gloss_agreement_merge (all, one);

      item = g_new0 (GlossDocumentAgreement, 1);
      item->document = g_object_ref (document);
      item->agreement = g_steal_pointer (&one);
      g_ptr_array_add (items, item);
    }

  if (pooled != NULL)
    *pooled = g_steal_pointer (&all);
  return g_steal_pointer (&items);
}
