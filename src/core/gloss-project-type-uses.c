/* gloss-project-type-uses.c: how many annotations of a project's
 * documents use a type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every document of a project shares its schema, but the window opens one
 * at a time and nothing on disk records which types a file uses: the
 * count reads the files, only when a removal asks for it. It takes the
 * project's state in the calling thread (the folder, the document ids,
 * the annotator's file name, the open store's count) and reads in a
 * worker, which touches no object the caller holds.
 */
#include "config.h"

#include "gloss-format-native.h"
#include "gloss-project-private.h"
#include "gloss-project-type-uses.h"
#include "gloss-schema-edits.h"

typedef struct
{
  GFile          *documents;  /* FOLDER/documents */
  GStrv           ids;
  char           *open_id;    /* NULL without an open store */
  char           *own_name;   /* the annotator's file of a document */
  GlossLabelKind  kind;
  char           *type_id;
  guint           open_uses;  /* the open store's */
} Count;

static void
count_free (gpointer data)
{
  Count *count = data;

  g_clear_object (&count->documents);
  g_strfreev (count->ids);
  g_free (count->open_id);
  g_free (count->own_name);
  g_free (count->type_id);
  g_free (count);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Count, count_free)

static Count *
count_new (GlossProject         *self,
           GlossLabel           *label,
           GlossProjectDocument *open,
           GlossStore           *store)
{
  Count *count = g_new0 (Count, 1);
  GListModel *documents = gloss_project_get_documents (self);
  guint n = g_list_model_get_n_items (documents);

  count->documents = g_file_get_child (self->folder, "documents");
  count->ids = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossProjectDocument) document = g_list_model_get_item (documents, i);

      count->ids[i] = g_strdup (gloss_project_document_get_id (document));
    }
  count->own_name = g_strconcat (self->stem, ".gloss", NULL);
  count->kind = gloss_label_get_kind (label);
  count->type_id = g_strdup (gloss_label_get_id (label));
  if (open != NULL && store != NULL)
    {
      count->open_id = g_strdup (gloss_project_document_get_id (open));
      count->open_uses = gloss_schema_edit_count_type (store, count->kind, count->type_id);
    }
  return count;
}

/* The uses in the files of documents/@id/ (but the open version's). */
static gboolean
count_document (Count         *count,
                const char    *id,
                guint         *uses,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GFile) folder = g_file_get_child (count->documents, id);
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean open = g_strcmp0 (id, count->open_id) == 0;

  *uses = open ? count->open_uses : 0;
  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (children == NULL)
    {
      /* A listed document without a folder has nothing to lose. */
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  for (;;)
    {
      GFileInfo *info;   /* the enumerator's */
      GFile *child;      /* the enumerator's */
      g_autoptr(GlossStore) store = NULL;
      const char *name;

      if (!g_file_enumerator_iterate (children, &info, &child, cancellable, error))
        return FALSE;
      if (info == NULL)
        return TRUE;
      name = g_file_info_get_name (info);
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR || !g_str_has_suffix (name, ".gloss") ||
          (open && g_str_equal (name, count->own_name)))
        continue;
      if ((store = gloss_native_read_file (child, error)) == NULL)
        return FALSE;
      *uses += gloss_schema_edit_count_type (store, count->kind, count->type_id);
    }
}

static gboolean
count_run (Count          *count,
           GlossTypeUses  *uses,
           GCancellable   *cancellable,
           GError        **error)
{
  *uses = (GlossTypeUses) { 0 };
  for (guint i = 0; count->ids[i] != NULL; i++)
    {
      guint n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !count_document (count, count->ids[i], &n, cancellable, error))
        return FALSE;
      uses->n_annotations += n;
      uses->n_documents += n > 0;
    }
  return TRUE;
}

gboolean
gloss_project_count_type_uses (GlossProject          *self,
                               GlossLabel            *label,
                               GlossProjectDocument  *open,
                               GlossStore            *store,
                               GlossTypeUses         *uses,
                               GCancellable          *cancellable,
                               GError               **error)
{
  g_autoptr(Count) count = NULL;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_LABEL (label), FALSE);
  g_return_val_if_fail (open == NULL || GLOSS_IS_PROJECT_DOCUMENT (open), FALSE);
  g_return_val_if_fail (store == NULL || GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (uses != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  count = count_new (self, label, open, store);
  return count_run (count, uses, cancellable, error);
}

static void
count_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GlossTypeUses uses;
  GError *error = NULL;

  if (count_run (task_data, &uses, cancellable, &error))
    g_task_return_pointer (task, g_memdup2 (&uses, sizeof uses), g_free);
  else
    g_task_return_error (task, error);
}

void
gloss_project_count_type_uses_async (GlossProject          *self,
                                     GlossLabel            *label,
                                     GlossProjectDocument  *open,
                                     GlossStore            *store,
                                     GCancellable          *cancellable,
                                     GAsyncReadyCallback    callback,
                                     gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_LABEL (label));
  g_return_if_fail (open == NULL || GLOSS_IS_PROJECT_DOCUMENT (open));
  g_return_if_fail (store == NULL || GLOSS_IS_STORE (store));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_project_count_type_uses_async);
  g_task_set_task_data (task, count_new (self, label, open, store), count_free);
  g_task_run_in_thread (task, count_thread);
}

gboolean
gloss_project_count_type_uses_finish (GlossProject   *self,
                                      GAsyncResult   *result,
                                      GlossTypeUses  *uses,
                                      GError        **error)
{
  g_autofree GlossTypeUses *counted = NULL;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (uses != NULL, FALSE);

  if ((counted = g_task_propagate_pointer (G_TASK (result), error)) == NULL)
    return FALSE;
  *uses = *counted;
  return TRUE;
}
