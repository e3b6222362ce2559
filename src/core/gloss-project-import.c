/* gloss-project-import.c: files of any readable kind, added to a project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the window's New Project… and Add Documents… read, and what
 * gloss-cli project add adds through: articles, .gloss documents and the
 * files of every import format, told apart by their names and first
 * records (gloss_format_guess()).
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-error.h"
#include "gloss-format-native.h"
#include "gloss-format.h"
#include "gloss-input-file.h"
#include "gloss-project-import.h"

GlossProjectImport *
gloss_project_import_new (void)
{
  GlossProjectImport *import = g_new0 (GlossProjectImport, 1);

  import->stores = g_ptr_array_new_with_free_func (g_object_unref);
  import->names = g_ptr_array_new_with_free_func (g_free);
  import->sources = g_ptr_array_new_with_free_func (g_free);
  import->skipped = g_ptr_array_new_with_free_func (g_free);
  return import;
}

void
gloss_project_import_free (GlossProjectImport *import)
{
  if (import == NULL)
    return;
  g_ptr_array_unref (import->stores);
  g_ptr_array_unref (import->names);
  g_ptr_array_unref (import->sources);
  g_ptr_array_unref (import->skipped);
  g_free (import);
}

/**
 * gloss_project_import_append:
 * @store: (transfer none): a document read
 */
void
gloss_project_import_append (GlossProjectImport *import,
                             GlossStore         *store,
                             const char         *name,
                             const char         *source)
{
  g_return_if_fail (import != NULL);
  g_return_if_fail (GLOSS_IS_STORE (store));

  g_ptr_array_add (import->stores, g_object_ref (store));
  g_ptr_array_add (import->names, g_strdup (name));
  g_ptr_array_add (import->sources, g_strdup (source));
}

/**
 * gloss_project_import_append_all:
 * @stores: (element-type GlossStore): the documents of the file @source
 *
 * A file of one document names it after the file; a file of several
 * names them by their ids.
 */
void
gloss_project_import_append_all (GlossProjectImport *import,
                                 GPtrArray          *stores,
                                 const char         *source)
{
  g_return_if_fail (import != NULL);
  g_return_if_fail (stores != NULL);

  for (guint i = 0; i < stores->len; i++)
    {
      GlossDocument *document = gloss_store_get_document (g_ptr_array_index (stores, i));
      const char *id = gloss_document_get_id (document);

      gloss_project_import_append (import, g_ptr_array_index (stores, i),
                                   stores->len > 1 && id != NULL && *id != '\0' ? id : source, source);
    }
}

/* The extension, lower case, or "" (never NULL). */
static char *
extension_of (const char *basename)
{
  const char *dot = strrchr (basename, '.');

  return g_ascii_strdown (dot != NULL && dot != basename ? dot + 1 : "", -1);
}

static gboolean
is_article (const char *extension)
{
  return g_str_equal (extension, "txt") || g_str_equal (extension, "md") ||
         g_str_equal (extension, "markdown");
}

gboolean
gloss_project_import_can_read (const char *basename)
{
  g_autofree char *extension = NULL;

  g_return_val_if_fail (basename != NULL, FALSE);

  extension = extension_of (basename);
  return is_article (extension) || gloss_format_guess (basename, NULL) != NULL;
}

static GFile *
sibling_with_extension (GFile      *file,
                        const char *basename,
                        const char *extension)
{
  const char *dot = strrchr (basename, '.');
  g_autofree char *stem = g_strndup (basename, dot ? (gsize) (dot - basename) : strlen (basename));
  g_autofree char *name = g_strconcat (stem, ".", extension, NULL);
  g_autoptr(GFile) parent = g_file_get_parent (file);

  return parent ? g_file_get_child (parent, name) : NULL;
}

static gboolean
exists (GFile *file)
{
  return file != NULL && g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_REGULAR;
}

/* An error that names the file, as the user chose it. */
static void
prefix_error (GError **error,
              GFile   *file)
{
  g_autofree char *name = g_file_get_parse_name (file);

  if (error != NULL && *error != NULL && strstr ((*error)->message, name) == NULL)
    g_prefix_error (error, "%s: ", name);
}

static gboolean
read_with_format (GlossProjectImport *import,
                  GlossSchema        *schema,
                  GFile              *file,
                  const char         *basename,
                  const GlossFormat  *format,
                  GBytes             *bytes,
                  GError            **error)
{
  g_autofree char *where = g_file_get_path (file);
  GlossFormatOptions options = { 0 };
  g_autoptr(GPtrArray) stores = NULL;

  options.schema = schema;
  options.where = where != NULL ? where : basename;
  if ((stores = format->import (bytes, &options, error)) == NULL)
    return FALSE;
  gloss_project_import_append_all (import, stores, basename);
  return TRUE;
}

gboolean
gloss_project_import_file (GlossProjectImport *import,
                           GlossSchema        *schema,
                           GFile              *file,
                           GCancellable       *cancellable,
                           GError            **error)
{
  g_autofree char *basename = NULL;
  g_autofree char *extension = NULL;
  g_autoptr(GFile) ann = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlossStore) store = NULL;
  const GlossFormat *format = NULL;
  gboolean ok;

  g_return_val_if_fail (import != NULL, FALSE);
  g_return_val_if_fail (GLOSS_IS_SCHEMA (schema), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  basename = g_file_get_basename (file);
  extension = extension_of (basename);

  /* A brat document is its .ann with the .txt beside it. */
  if (g_str_equal (extension, "ann") ||
      (is_article (extension) && exists (ann = sibling_with_extension (file, basename, "ann"))))
    {
      g_autoptr(GFile) ann_file = ann != NULL ? g_object_ref (ann) : g_object_ref (file);

      if ((bytes = gloss_input_file_load (ann_file, error)) == NULL)
        return FALSE;
      ok = read_with_format (import, schema, ann_file, basename, gloss_format_lookup ("brat"), bytes, error);
      if (!ok)
        prefix_error (error, ann_file);
      return ok;
    }

  if (is_article (extension))
    {
      g_autoptr(GlossDocument) document = gloss_document_new_from_file (file, error);
      g_autoptr(GlossSchema) copy = NULL;

      if (document == NULL)
        return FALSE;
      gloss_document_set_language (document, "en");
      copy = gloss_schema_copy (schema);
      store = gloss_store_new (document, copy);
      gloss_project_import_append (import, store, basename, basename);
      return TRUE;
    }

  if ((bytes = gloss_input_file_load (file, error)) == NULL)
    return FALSE;
  if (g_str_equal (extension, "gloss"))
    {
      if ((store = gloss_native_read_bytes (bytes, basename, error)) == NULL)
        {
          prefix_error (error, file);
          return FALSE;
        }
      gloss_project_import_append (import, store, basename, basename);
      return TRUE;
    }

  /* (formats of one extension told apart by their first record) */
  if ((format = gloss_format_guess (basename, bytes)) == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNSUPPORTED,
                   _("%s: not an article (.txt, .md), a .gloss document or a file of a format Gloss imports"),
                   name);
      return FALSE;
    }
  ok = read_with_format (import, schema, file, basename, format, bytes, error);
  if (!ok)
    prefix_error (error, file);
  return ok;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

gboolean
gloss_project_import_folder (GlossProjectImport *import,
                             GlossSchema        *schema,
                             GFile              *folder,
                             GCancellable       *cancellable,
                             GError            **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  GFileInfo *info;

  g_return_val_if_fail (import != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN,
                                        G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  while (children != NULL && (info = g_file_enumerator_next_file (children, cancellable, &local_error)) != NULL)
    {
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR && !g_file_info_get_is_hidden (info))
        g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));
      g_object_unref (info);
    }
  if (local_error != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (folder);

      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO, "%s: %s", name, local_error->message);
      return FALSE;
    }

  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(GFile) child = g_file_get_child (folder, name);
      g_autofree char *extension = extension_of (name);
      g_autoptr(GFile) ann = NULL;

      /* The .txt of a brat pair is read with its .ann. */
      if (is_article (extension) && exists (ann = sibling_with_extension (child, name, "ann")))
        continue;
      if (!gloss_project_import_can_read (name))
        {
          g_ptr_array_add (import->skipped, g_strdup (name));
          continue;
        }
      if (!gloss_project_import_file (import, schema, child, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

/* Forgets the documents added by a failed add: their folders go too. */
static void
take_back (GlossProject *self,
           GPtrArray    *added)
{
  for (guint i = 0; i < added->len; i++)
    {
      GlossProjectDocument *doc = g_ptr_array_index (added, i);
      g_autoptr(GFile) file = gloss_project_get_document_file (self, doc, GLOSS_PROJECT_SOURCE);
      g_autoptr(GFile) folder = g_file_get_parent (file);

      g_file_delete (file, NULL, NULL);
      g_file_delete (folder, NULL, NULL);
      gloss_project_remove (self, doc);
    }
}

GPtrArray *
gloss_project_add_imported (GlossProject       *self,
                            GlossProjectImport *import,
                            GError            **error)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (import != NULL, NULL);

  for (guint i = 0; i < import->stores->len; i++)
    {
      GlossProjectDocument *doc = gloss_project_add_store (self, g_ptr_array_index (import->stores, i),
                                                           g_ptr_array_index (import->names, i), error);

      if (doc == NULL)
        {
          take_back (self, added);
          return NULL;
        }
      gloss_project_document_set_source (doc, g_ptr_array_index (import->sources, i));
      g_ptr_array_add (added, g_object_ref (doc));
    }
  if (!gloss_project_save (self, error))
    {
      take_back (self, added);
      return NULL;
    }
  return g_steal_pointer (&added);
}
