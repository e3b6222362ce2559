/* gloss-project-file.c: a project's project.json and progress files, read
 * and written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * project.json is pretty JSON but for its documents, one a line, so that
 * adding or renaming one touches only its own line; both files reach the
 * disk before either replaces its old version.
 */
#include "config.h"

#include <string.h>

#include "gloss-annotator.h"
#include "gloss-atomic-file.h"
#include "gloss-error.h"
#include "gloss-input-file.h"
#include "gloss-json-parse.h"
#include "gloss-json-writer.h"
#include "gloss-project-private.h"
#include "gloss-util-private.h"

/* One folder name inside documents/: no separators, nothing hidden. */
static gboolean
id_is_safe (const char *id)
{
  return id != NULL && *id != '\0' && *id != '.' && strchr (id, '/') == NULL && strchr (id, '\\') == NULL &&
         g_utf8_validate (id, -1, NULL);
}

static gboolean
parse_documents (GlossProject  *self,
                 JsonNode      *node,
                 GHashTable    *progress,
                 const char    *where,
                 GError       **error)
{
  static const char * const known[] = { "id", "title", "source", NULL };
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: documents: expected an array", where);
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *e = json_array_get_element (array, i);
      g_autoptr(GlossProjectDocument) doc = NULL;
      g_autoptr(JsonObject) extra = NULL;
      GlossProgressEntry *entry;
      const char *id;
      JsonObject *o;

      if (!JSON_NODE_HOLDS_OBJECT (e))
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: documents[%u]: expected an object", where, i);
          return FALSE;
        }
      o = json_node_get_object (e);
      id = _gloss_json_get_string (o, "id");
      if (!id_is_safe (id))
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: documents[%u].id: expected the name of a folder in documents/", where, i);
          return FALSE;
        }
      if (gloss_project_lookup (self, id) != NULL)
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: documents[%u].id: “%s” is listed twice", where, i, id);
          return FALSE;
        }

      doc = gloss_project_document_new (id);
      gloss_project_document_set_title (doc, _gloss_json_get_string (o, "title"));
      gloss_project_document_set_source (doc, _gloss_json_get_string (o, "source"));
      if ((entry = g_hash_table_lookup (progress, id)) != NULL)
        {
          gloss_project_document_set_status (doc, entry->status);
          gloss_project_document_set_counts (doc, entry->n_mentions, entry->n_claims);
        }
      extra = _gloss_json_object_extra (o, known);
      gloss_project_document_set_extra (doc, extra);
      _gloss_project_insert_document (self, doc);
    }

  return TRUE;
}

static GFile *
progress_file (GlossProject *self,
               const char   *stem)
{
  g_autofree char *name = g_strconcat (stem, ".json", NULL);
  g_autoptr(GFile) dir = g_file_get_child (self->folder, "progress");

  return g_file_get_child (dir, name);
}

gboolean
gloss_project_is_project_folder (GFile *folder)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (G_IS_FILE (folder), FALSE);

  file = g_file_get_child (folder, "project.json");
  return g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_REGULAR;
}

/**
 * gloss_project_load:
 *
 * Returns: (transfer full) (nullable): the project
 */
GlossProject *
gloss_project_load (GFile      *location,
                    const char *annotator,
                    GError    **error)
{
  static const char * const known[] = { "format", "version", "name", "schema", "documents", NULL };
  g_autoptr(GlossProject) self = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *where = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GHashTable) progress = NULL;
  g_autoptr(GFile) progress_location = NULL;
  const char *contents;
  gsize length;
  JsonObject *root;
  JsonNode *node;

  g_return_val_if_fail (G_IS_FILE (location), NULL);

  if (g_file_query_file_type (location, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    {
      folder = g_object_ref (location);
      file = g_file_get_child (location, "project.json");
    }
  else
    {
      folder = g_file_get_parent (location);
      file = g_object_ref (location);
    }
  where = g_file_get_parse_name (file);

  if ((bytes = gloss_input_file_load (file, &local_error)) == NULL)
    {
      g_set_error_literal (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO, local_error->message);
      return NULL;
    }
  contents = g_bytes_get_data (bytes, &length);
  parsed = gloss_json_parse (contents, length, where, error);
  if (parsed == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (parsed))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: expected a JSON object", where);
      return NULL;
    }
  root = json_node_get_object (parsed);

  if (g_strcmp0 (_gloss_json_get_string (root, "format"), "gloss-project") != 0)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: format: not a Gloss project (expected \"gloss-project\")", where);
      return NULL;
    }
  node = json_object_get_member (root, "version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 1)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: version: expected a whole number", where);
      return NULL;
    }
  if (json_node_get_int (node) > GLOSS_PROJECT_VERSION)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_VERSION,
                   "%s was written by a newer version of Gloss (project format %" G_GINT64_FORMAT
                   "; this version reads up to %d). Update Gloss to open it.",
                   where, json_node_get_int (node), GLOSS_PROJECT_VERSION);
      return NULL;
    }

  self = g_object_new (GLOSS_TYPE_PROJECT, NULL);
  self->folder = g_steal_pointer (&folder);
  self->name = g_strdup (_gloss_json_get_string (root, "name"));
  _gloss_project_set_annotator (self, annotator);

  node = json_object_get_member (root, "schema");
  if (node != NULL)
    {
      self->schema = gloss_schema_new_from_json (node, where, error);
      if (self->schema == NULL)
        return NULL;
    }
  else
    self->schema = gloss_schema_new_default ();

  progress_location = progress_file (self, self->stem);
  if ((progress = _gloss_project_progress_read (progress_location, NULL, error)) == NULL)
    return NULL;

  node = json_object_get_member (root, "documents");
  if (node != NULL && !parse_documents (self, node, progress, where, error))
    return NULL;

  self->extra = _gloss_json_object_extra (root, known);
  return g_steal_pointer (&self);
}

/* Pretty, except one document a line: adding documents and renaming one
 * touch only their own lines. */
static GBytes *
project_bytes (GlossProject *self)
{
  GString *out = g_string_new ("{\n  \"format\": \"gloss-project\",\n  \"version\": ");
  g_autoptr(JsonNode) schema = gloss_schema_to_json (self->schema);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));

  gloss_json_write_uint (out, GLOSS_PROJECT_VERSION);
  if (self->name != NULL)
    {
      g_string_append (out, ",\n  \"name\": ");
      gloss_json_write_string (out, self->name, -1);
    }
  g_string_append (out, ",\n  \"schema\": ");
  gloss_json_write_node (out, schema, TRUE, 1);

  if (self->extra != NULL)
    {
      JsonObjectIter iter;
      const char *member;
      JsonNode *value;

      json_object_iter_init_ordered (&iter, self->extra);
      while (json_object_iter_next_ordered (&iter, &member, &value))
        {
          g_string_append (out, ",\n  ");
          gloss_json_write_string (out, member, -1);
          g_string_append (out, ": ");
          gloss_json_write_node (out, value, TRUE, 1);
        }
    }

  g_string_append (out, ",\n  \"documents\": [");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossProjectDocument) doc = g_list_model_get_item (G_LIST_MODEL (self->documents), i);
      JsonObject *extra = gloss_project_document_get_extra (doc);

      g_string_append (out, i == 0 ? "\n    {\"id\": " : ",\n    {\"id\": ");
      gloss_json_write_string (out, gloss_project_document_get_id (doc), -1);
      if (gloss_project_document_get_title (doc) != NULL)
        {
          g_string_append (out, ", \"title\": ");
          gloss_json_write_string (out, gloss_project_document_get_title (doc), -1);
        }
      if (gloss_project_document_get_source (doc) != NULL)
        {
          g_string_append (out, ", \"source\": ");
          gloss_json_write_string (out, gloss_project_document_get_source (doc), -1);
        }
      if (extra != NULL)
        {
          JsonObjectIter iter;
          const char *member;
          JsonNode *value;

          json_object_iter_init_ordered (&iter, extra);
          while (json_object_iter_next_ordered (&iter, &member, &value))
            {
              g_string_append (out, ", ");
              gloss_json_write_string (out, member, -1);
              g_string_append (out, ": ");
              gloss_json_write_node (out, value, FALSE, 0);
            }
        }
      g_string_append_c (out, '}');
    }
  g_string_append (out, n > 0 ? "\n  ]\n}\n" : "]\n}\n");
  return g_string_free_to_bytes (out);
}

gboolean
_gloss_project_make_folder (GFile   *folder,
                            GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_make_directory_with_parents (folder, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_autofree char *name = g_file_get_parse_name (folder);

      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO,
                   "%s: cannot create the folder: %s", name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Both files reach the disk before either replaces its old version. */
static gboolean
write_files (GFile  **files,
             GBytes **contents,
             guint    n,
             GError **error)
{
  g_autoptr(GPtrArray) atomic = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_atomic_file_abort);

  for (guint i = 0; i < n; i++)
    {
      GlossAtomicFile *file = gloss_atomic_file_begin (files[i], TRUE, error);
      gsize size;
      gconstpointer data = g_bytes_get_data (contents[i], &size);

      if (file == NULL)
        return FALSE;
      g_ptr_array_add (atomic, file);
      if (!gloss_atomic_file_write (file, data, size, error) || !gloss_atomic_file_sync (file, error))
        return FALSE;
    }
  for (guint i = 0; i < n; i++)
    if (!gloss_atomic_file_commit (g_ptr_array_index (atomic, i), error))
      return FALSE;
  return TRUE;
}

gboolean
_gloss_project_save_progress (GlossProject  *self,
                              GError       **error)
{
  g_autoptr(GFile) file = progress_file (self, self->stem);
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autoptr(GBytes) bytes = _gloss_project_progress_write (self->annotator, G_LIST_MODEL (self->documents));

  return _gloss_project_make_folder (dir, error) &&
         gloss_atomic_file_replace (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), TRUE, error);
}

gboolean
gloss_project_save (GlossProject  *self,
                    GError       **error)
{
  g_autoptr(GFile) project = NULL;
  g_autoptr(GFile) progress = NULL;
  g_autoptr(GFile) progress_dir = NULL;
  g_autoptr(GBytes) project_contents = NULL;
  g_autoptr(GBytes) progress_contents = NULL;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  project = g_file_get_child (self->folder, "project.json");
  progress = progress_file (self, self->stem);
  progress_dir = g_file_get_parent (progress);
  if (!_gloss_project_make_folder (self->folder, error) || !_gloss_project_make_folder (progress_dir, error))
    return FALSE;

  project_contents = project_bytes (self);
  progress_contents = _gloss_project_progress_write (self->annotator, G_LIST_MODEL (self->documents));
  return write_files ((GFile *[]) { project, progress },
                      (GBytes *[]) { project_contents, progress_contents }, 2, error);
}


static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * gloss_project_list_annotators:
 *
 * Returns: (transfer full): the names, sorted
 */
GStrv
gloss_project_list_annotators (GlossProject *self)
{
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GFileInfo *info;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  dir = g_file_get_child (self->folder, "progress");
  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  while (children != NULL && g_file_enumerator_iterate (children, &info, NULL, NULL, NULL) && info != NULL)
    {
      const char *name = g_file_info_get_name (info);
      g_autoptr(GFile) file = NULL;
      g_autoptr(GHashTable) table = NULL;
      char *annotator = NULL;

      if (!g_str_has_suffix (name, ".json") || name[0] == '.')
        continue;
      file = g_file_get_child (dir, name);
      table = _gloss_project_progress_read (file, &annotator, NULL);
      if (table == NULL)
        continue;
      g_ptr_array_add (names, annotator != NULL ? annotator : g_strndup (name, strlen (name) - strlen (".json")));
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/**
 * gloss_project_read_progress:
 *
 * Returns: (transfer full) (nullable): document id → GlossProgress
 */
GHashTable *
gloss_project_read_progress (GlossProject  *self,
                             const char    *annotator,
                             GError       **error)
{
  g_autofree char *stem = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GHashTable) entries = NULL;
  GHashTable *result;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (annotator != NULL, NULL);

  stem = gloss_annotator_file_stem (annotator);
  file = progress_file (self, stem);
  if ((entries = _gloss_project_progress_read (file, NULL, error)) == NULL)
    return NULL;
  result = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, entries);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (result, g_strdup (key), GINT_TO_POINTER (((GlossProgressEntry *) value)->status));
  return result;
}
