/* gloss-document-read.c: a file read into a store for a window: a .gloss
 * as itself, a file of another format imported, any other as text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-document-read.h"
#include "gloss-error.h"
#include "gloss-format-native.h"
#include "gloss-input-file.h"
#include "gloss-window-import.h"

char *
gloss_replace_extension (const char *name,
                         const char *extension)
{
  const char *dot = strrchr (name, '.');

  if (dot != NULL && dot != name)
    return g_strdup_printf ("%.*s%s", (int) (dot - name), name, extension);
  return g_strconcat (name, extension, NULL);
}

gboolean
gloss_is_gloss_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return name != NULL && g_str_has_suffix (name, ".gloss");
}

/* A text file's first line is its headline in the articles we annotate;
 * keep it as the title when it is short enough to be one. */
static void
guess_title (GlossDocument *document)
{
  const char *text = gloss_document_get_text (document);
  const char *eol;
  gsize len;

  if (gloss_document_get_title (document) != NULL)
    return;
  text += strspn (text, " \t\r\n");
  eol = strchr (text, '\n');
  len = eol != NULL ? (gsize) (eol - text) : strlen (text);
  while (len > 0 && g_ascii_isspace (text[len - 1]))
    len--;
  if (len > 0 && g_utf8_strlen (text, len) <= 160)
    {
      g_autofree char *title = g_strndup (text, len);
      gloss_document_set_title (document, title);
    }
}

GlossStore *
gloss_store_from_text (GlossDocument *document,
                       const char    *name)
{
  g_autoptr(GlossSchema) schema = gloss_schema_new_default ();

  if (name != NULL && gloss_document_get_source (document) == NULL)
    gloss_document_set_source (document, name);
  /* As gloss-cli new and a project's Add Documents make them: datasets
   * name documents by their ids. */
  if (gloss_document_get_id (document) == NULL)
    {
      g_autofree char *id = gloss_document_id_for_file_name (name);

      gloss_document_set_id (document, id);
    }
  if (gloss_document_get_language (document) == NULL)
    gloss_document_set_language (document, "en");
  guess_title (document);
  return gloss_store_new (document, schema);
}

static gpointer
hash_thread (gpointer data)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
}

/* A .gloss file, hashed in a thread of its own while it parses: the
 * journal and the check for changes by other programs need the hash of
 * the bytes that were read, and the main thread has no time for it. */
static GlossStore *
read_gloss_file (GFile                      *file,
                 const GlossNativeReadHooks *hooks,
                 char                      **file_sha256,
                 GError                    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = gloss_input_file_load (file, &local_error);
  g_autofree char *where = g_file_get_parse_name (file);
  g_autofree char *sha256 = NULL;
  GlossStore *store;
  GThread *hasher;

  if (bytes == NULL)
    {
      g_set_error_literal (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO, local_error->message);
      return NULL;
    }
  hasher = g_thread_new ("gloss-hash", hash_thread, bytes);
  store = gloss_native_read_bytes_hooked (bytes, where, hooks, error);
  sha256 = g_thread_join (hasher);
  if (store != NULL && file_sha256 != NULL)
    *file_sha256 = g_steal_pointer (&sha256);
  return store;
}

GlossStore *
gloss_read_store (GFile                      *file,
                  GlossDocumentLoadFlags      flags,
                  const GlossNativeReadHooks *hooks,
                  char                      **file_sha256,
                  GError                    **error)
{
  g_autoptr(GlossDocument) document = NULL;
  g_autofree char *name = NULL;

  if (file_sha256 != NULL)
    *file_sha256 = NULL;
  if (gloss_is_gloss_file (file))
    return read_gloss_file (file, hooks, file_sha256, error);
  if (_gloss_window_is_import (file))
    return _gloss_window_import_store (file, error);

  document = gloss_document_new_from_file_full (file, flags, error);
  if (document == NULL)
    return NULL;
  name = g_file_get_basename (file);
  return gloss_store_from_text (document, name);
}

GFile *
gloss_annotations_beside (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *gloss_name = NULL;
  g_autoptr(GFile) beside = NULL;

  if (parent == NULL || name == NULL || gloss_is_gloss_file (file))
    return NULL;
  gloss_name = gloss_replace_extension (name, ".gloss");
  beside = g_file_get_child (parent, gloss_name);
  if (g_file_query_file_type (beside, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_REGULAR)
    return NULL;
  return g_steal_pointer (&beside);
}
