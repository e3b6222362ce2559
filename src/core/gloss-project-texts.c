/* gloss-project-texts.c: which project document already has a text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Adding the same article twice makes two documents that annotators split
 * their work over without knowing. Documents are told apart by the SHA-256
 * of their text, which every .gloss file carries in its "document": only
 * that much of each source file is read.
 */
#include "config.h"

#include <string.h>

#include "gloss-error.h"
#include "gloss-input-file.h"
#include "gloss-json-reader.h"
#include "gloss-project-import.h"

/* The SHA-256 (lower case) of the text of the .gloss file @file, read from
 * its "document" ("sha256", else the text's); NULL if it cannot be read. */
static char *
text_sha256 (GFile *file)
{
  g_autoptr(GBytes) bytes = gloss_input_file_load (file, NULL);
  g_autoptr(GlossJsonReader) r = NULL;
  gsize size;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  r = gloss_json_reader_new (data, size, "source.gloss");
  if (gloss_json_reader_next (r) != GLOSS_JSON_BEGIN_OBJECT)
    return NULL;
  while (gloss_json_reader_next (r) == GLOSS_JSON_MEMBER)
    {
      gboolean document = gloss_json_reader_string_equal (r, "document");

      if (gloss_json_reader_next (r) == GLOSS_JSON_ERROR)
        return NULL;
      if (!document)
        {
          if (!gloss_json_reader_skip (r))
            return NULL;
          continue;
        }
      if (gloss_json_reader_get_token (r) != GLOSS_JSON_BEGIN_OBJECT)
        return NULL;
      while (gloss_json_reader_next (r) == GLOSS_JSON_MEMBER)
        {
          gboolean sha256 = gloss_json_reader_string_equal (r, "sha256");
          gboolean text = gloss_json_reader_string_equal (r, "text");
          GlossJsonToken t = gloss_json_reader_next (r);
          const char *value;
          gsize length;

          if (t == GLOSS_JSON_STRING && (sha256 || text))
            {
              value = gloss_json_reader_get_string (r, &length);
              return sha256 ? g_ascii_strdown (value, length)
                            : g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) value, length);
            }
          if (t == GLOSS_JSON_ERROR || !gloss_json_reader_skip (r))
            return NULL;
        }
      return NULL;
    }
  return NULL;
}

/**
 * gloss_project_import_check_texts:
 * @self: the project the documents go to
 * @import: documents read
 * @error: return location for a #GLOSS_FORMAT_ERROR_EXISTS naming the
 *   document that has the text already
 *
 * Returns: whether every document of @import has a text that neither the
 *   project nor an earlier document of @import has
 */
gboolean
gloss_project_import_check_texts (GlossProject       *self,
                                  GlossProjectImport *import,
                                  GError            **error)
{
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GListModel *documents;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (import != NULL, FALSE);

  if (import->stores->len == 0)
    return TRUE;

  documents = gloss_project_get_documents (self);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(GlossProjectDocument) doc = g_list_model_get_item (documents, i);
      g_autoptr(GFile) file = gloss_project_get_document_file (self, doc, GLOSS_PROJECT_SOURCE);
      char *sha256 = text_sha256 (file);

      if (sha256 != NULL)
        g_hash_table_insert (known, sha256,
                             g_strdup_printf ("the document “%s”", gloss_project_document_get_id (doc)));
    }

  for (guint i = 0; i < import->stores->len; i++)
    {
      GlossDocument *document = gloss_store_get_document (g_ptr_array_index (import->stores, i));
      g_autofree char *sha256 = g_ascii_strdown (gloss_document_get_sha256 (document), -1);
      const char *source = g_ptr_array_index (import->sources, i);
      const char *found = g_hash_table_lookup (known, sha256);

      if (found != NULL)
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_EXISTS,
                       "%s: the project has this text already, as %s", source, found);
          return FALSE;
        }
      g_hash_table_insert (known, g_steal_pointer (&sha256), g_strdup_printf ("%s, added with it", source));
    }
  return TRUE;
}
