/* gloss-project-progress.c: progress/ANNOTATOR.json, one annotator's
 * status of each document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only its annotator writes the file, so annotators sharing a project
 * through git never change the same file; one document a line keeps one
 * person's changes to different documents apart in a diff.
 */
#include "config.h"

#include "gloss-error.h"
#include "gloss-input-file.h"
#include "gloss-json-parse.h"
#include "gloss-json-writer.h"
#include "gloss-project-private.h"
#include "gloss-util-private.h"

static gboolean
get_count (JsonObject *o,
           const char *member,
           guint      *count)
{
  JsonNode *node = json_object_get_member (o, member);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 0 || json_node_get_int (node) > G_MAXUINT)
    return FALSE;
  *count = json_node_get_int (node);
  return TRUE;
}

static gboolean
parse_entry (JsonNode           *node,
             GlossProgressEntry *entry)
{
  JsonObject *o;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  o = json_node_get_object (node);
  if (!gloss_progress_from_string (_gloss_json_get_string (o, "status"), &entry->status))
    return FALSE;
  return get_count (o, "mentions", &entry->n_mentions) && get_count (o, "claims", &entry->n_claims);
}

GHashTable *
_gloss_project_progress_read (GFile   *file,
                              char   **annotator,
                              GError **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) parsed = NULL;
  g_autofree char *where = g_file_get_parse_name (file);
  JsonObject *root, *documents;
  JsonNode *node;
  JsonObjectIter iter;
  const char *id;
  gsize length;
  const char *data;

  if ((bytes = gloss_input_file_load (file, &local_error)) == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return g_steal_pointer (&table);
      g_set_error_literal (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO, local_error->message);
      return NULL;
    }
  data = g_bytes_get_data (bytes, &length);
  if ((parsed = gloss_json_parse (data, length, where, error)) == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (parsed))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID, "%s: expected a JSON object", where);
      return NULL;
    }
  root = json_node_get_object (parsed);
  if (g_strcmp0 (_gloss_json_get_string (root, "format"), "gloss-progress") != 0)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: format: not a Gloss progress file (expected \"gloss-progress\")", where);
      return NULL;
    }
  if (annotator != NULL)
    *annotator = g_strdup (_gloss_json_get_string (root, "annotator"));

  node = json_object_get_member (root, "documents");
  if (node == NULL)
    return g_steal_pointer (&table);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: documents: expected an object of document ids", where);
      return NULL;
    }
  documents = json_node_get_object (node);
  json_object_iter_init (&iter, documents);
  while (json_object_iter_next (&iter, &id, &node))
    {
      GlossProgressEntry entry = { 0 };

      if (!parse_entry (node, &entry))
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: documents.%s: expected {\"status\": \"todo\"|\"in-progress\"|\"done\", "
                       "\"mentions\": N, \"claims\": N}", where, id);
          return NULL;
        }
      g_hash_table_insert (table, g_strdup (id), g_memdup2 (&entry, sizeof entry));
    }
  return g_steal_pointer (&table);
}

GBytes *
_gloss_project_progress_write (const char *annotator,
                               GListModel *documents)
{
  GString *out = g_string_new ("{\n  \"format\": \"gloss-progress\",\n  \"version\": 1,\n  \"annotator\": ");
  guint n = g_list_model_get_n_items (documents);
  gboolean first = TRUE;

  gloss_json_write_string (out, annotator, -1);
  g_string_append (out, ",\n  \"documents\": {");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossProjectDocument) doc = g_list_model_get_item (documents, i);
      GlossProgress status = gloss_project_document_get_status (doc);
      guint n_mentions = gloss_project_document_get_n_mentions (doc);
      guint n_claims = gloss_project_document_get_n_claims (doc);

      if (status == GLOSS_PROGRESS_TODO && n_mentions == 0 && n_claims == 0)
        continue;
      g_string_append (out, first ? "\n    " : ",\n    ");
      first = FALSE;
      gloss_json_write_string (out, gloss_project_document_get_id (doc), -1);
      g_string_append (out, ": {\"status\": ");
      gloss_json_write_string (out, gloss_progress_to_string (status), -1);
      g_string_append (out, ", \"mentions\": ");
      gloss_json_write_uint (out, n_mentions);
      g_string_append (out, ", \"claims\": ");
      gloss_json_write_uint (out, n_claims);
      g_string_append_c (out, '}');
    }
  g_string_append (out, first ? "}\n}\n" : "\n  }\n}\n");
  return g_string_free_to_bytes (out);
}
