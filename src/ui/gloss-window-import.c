/* gloss-window-import.c: Open… reads every format the core imports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Open dialog has one filter for everything Gloss opens and one per
 * format. A file of another format (its format guessed from its name and
 * first record, gloss_format_guess()) is imported in the worker thread
 * that reads .gloss files, and opens as a new, unsaved document, as a
 * text file does: Ctrl+S asks where to save it as .gloss. A file of
 * several documents (a corpus) is refused with what to do instead: one
 * window holds one document.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-error.h"
#include "gloss-input-file.h"
#include "gloss-format.h"
#include "gloss-window-import.h"

static void
add_patterns (GtkFileFilter     *filter,
              const GlossFormat *format)
{
  g_auto(GStrv) extensions = gloss_format_get_extensions (format);

  for (guint i = 0; extensions[i] != NULL; i++)
    {
      g_autofree char *pattern = g_strdup_printf ("*.%s", extensions[i]);

      gtk_file_filter_add_pattern (filter, pattern);
    }
}

GListStore *
_gloss_window_open_filters (void)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) supported = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  const GlossFormat **formats = gloss_format_list ();

  gtk_file_filter_set_name (supported, _("Documents, Datasets and Text Files"));
  gtk_file_filter_add_pattern (supported, "*.txt");
  gtk_file_filter_add_mime_type (supported, "text/plain");
  gtk_file_filter_add_mime_type (supported, "application/x-gloss+json");
  g_list_store_append (filters, supported);

  for (guint i = 0; formats[i] != NULL; i++)
    {
      g_autoptr(GtkFileFilter) filter = NULL;
      g_auto(GStrv) extensions = NULL;
      g_autofree char *list = NULL;
      g_autofree char *name = NULL;

      if (formats[i]->import == NULL)
        continue;
      add_patterns (supported, formats[i]);
      filter = gtk_file_filter_new ();
      add_patterns (filter, formats[i]);
      extensions = gloss_format_get_extensions (formats[i]);
      list = g_strjoinv (", *.", extensions);
      /* Translators: a file chooser filter: "doccano JSONL (label or entities/relations) (*.jsonl)" */
      name = g_strdup_printf (_("%s (*.%s)"), formats[i]->description, list);
      gtk_file_filter_set_name (filter, name);
      g_list_store_append (filters, filter);
    }

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  g_list_store_append (filters, all);
  return filters;
}

gboolean
_gloss_window_is_import (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  const GlossFormat *format = name != NULL ? gloss_format_guess (name, NULL) : NULL;

  return format != NULL && !g_str_equal (format->name, "native");
}

GlossStore *
_gloss_window_import_store (GFile   *file,
                            GError **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *where = g_file_get_path (file);
  g_autoptr(GBytes) bytes = gloss_input_file_load (file, error);
  g_autoptr(GPtrArray) stores = NULL;
  GlossFormatOptions options = { 0 };
  const GlossFormat *format;

  if (bytes == NULL)
    return NULL;
  format = gloss_format_guess (name, bytes);
  if (format == NULL)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNSUPPORTED,
                   _("%s: no format Gloss reads has files of this name"), name);
      return NULL;
    }
  options.where = where != NULL ? where : name;
  stores = format->import (bytes, &options, error);
  if (stores == NULL)
    return NULL;
  if (stores->len != 1)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNSUPPORTED,
                   ngettext ("%s holds %u document; a window shows one. Add them to a project, "
                             "or import them with “gloss-cli import”.",
                             "%s holds %u documents; a window shows one. Add them to a project, "
                             "or import them with “gloss-cli import”.", stores->len),
                   name, stores->len);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (stores, 0));
}
