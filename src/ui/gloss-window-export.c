/* gloss-window-export.c: Export… (Ctrl+E), the current document written
 * as a dataset through the core's exporters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file chooser with one filter per format that can export (Save As
 * stays .gloss). Formats that share an extension (jsonl and doccano are
 * both .jsonl) are told apart by the filter chosen where the toolkit
 * says which (GtkFileChooserNative), else by the name: "*.doccano.jsonl"
 * is doccano, and an extension of one format only is that format.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-format.h"
#include "gloss-window-private.h"

#define FORMAT_KEY "gloss-format"

/* The formats the window offers: every exporter but the native one. */
static gboolean
offered (const GlossFormat *format)
{
  return format->export != NULL && g_strcmp0 (format->name, "native") != 0;
}

static char *
filter_name (const GlossFormat *format)
{
  const char *name = format->description;

  if (g_str_equal (format->name, "jsonl"))
    name = _("Gloss Dataset");
  else if (g_str_equal (format->name, "doccano"))
    name = _("doccano");
  /* Translators: a file chooser filter: "doccano (*.jsonl)" */
  return g_strdup_printf (_("%s (*.%s)"), name, format->extension);
}

static GListStore *
export_filters (void)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  const GlossFormat **formats = gloss_format_list ();

  for (guint i = 0; formats[i] != NULL; i++)
    {
      g_autoptr(GtkFileFilter) filter = NULL;
      g_autofree char *name = NULL;
      g_autofree char *pattern = NULL;

      if (!offered (formats[i]))
        continue;
      filter = gtk_file_filter_new ();
      name = filter_name (formats[i]);
      pattern = g_strdup_printf ("*.%s", formats[i]->extension);
      gtk_file_filter_set_name (filter, name);
      gtk_file_filter_add_pattern (filter, pattern);
      g_object_set_data (G_OBJECT (filter), FORMAT_KEY, (gpointer) formats[i]);
      g_list_store_append (filters, filter);
    }
  return filters;
}

/* The format for @file: the one its name says unambiguously, else
 * @chosen (the filter's), else the first offered with its extension. */
static const GlossFormat *
format_for (GFile             *file,
            const GlossFormat *chosen)
{
  g_autofree char *basename = g_file_get_basename (file);
  const GlossFormat **formats = gloss_format_list ();
  const GlossFormat *by_extension = NULL;
  const char *dot = strrchr (basename, '.');

  for (guint i = 0; formats[i] != NULL; i++)
    {
      g_autofree char *specific = NULL;

      if (!offered (formats[i]))
        continue;
      specific = g_strdup_printf (".%s.%s", formats[i]->name, formats[i]->extension);
      if (g_str_has_suffix (basename, specific))
        return formats[i];
      if (by_extension == NULL && dot != NULL && g_str_equal (dot + 1, formats[i]->extension))
        by_extension = formats[i];
    }
  if (chosen != NULL && (dot == NULL || g_str_equal (dot + 1, chosen->extension)))
    return chosen;
  return by_extension != NULL ? by_extension : chosen;
}

/* @file with the format's extension added when it has none of its own. */
static GFile *
with_extension (GFile             *file,
                const GlossFormat *format)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *suffix = g_strdup_printf (".%s", format->extension);
  g_autofree char *name = NULL;
  g_autoptr(GFile) parent = NULL;

  if (g_str_has_suffix (basename, suffix))
    return g_object_ref (file);
  parent = g_file_get_parent (file);
  name = g_strconcat (basename, suffix, NULL);
  return g_file_get_child (parent, name);
}

gboolean
_gloss_window_export_to_file (GlossWindow       *self,
                              GFile             *file,
                              const GlossFormat *format,
                              GError           **error)
{
  g_autoptr(GPtrArray) stores = g_ptr_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *where = NULL;
  GlossFormatOptions options = { 0 };

  g_return_val_if_fail (GLOSS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (format != NULL && format->export != NULL, FALSE);

  if (self->store == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("No document is open"));
      return FALSE;
    }

  g_ptr_array_add (stores, self->store);
  where = g_file_get_parse_name (file);
  options.offsets = GLOSS_OFFSET_CODEPOINTS;
  options.where = where;
  bytes = format->export (stores, &options, error);
  /* The chooser already asked before replacing a file. */
  return bytes != NULL && gloss_format_write_file (file, bytes, TRUE, error);
}

static void
export_chosen (GlossWindow       *self,
               GFile             *chosen,
               const GlossFormat *filter_format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  const GlossFormat *format = format_for (chosen, filter_format);

  if (format == NULL)
    {
      const GlossFormat **formats = gloss_format_list ();

      for (guint i = 0; formats[i] != NULL && format == NULL; i++)
        if (offered (formats[i]))
          format = formats[i];
    }
  g_return_if_fail (format != NULL);

  file = with_extension (chosen, format);
  name = g_file_get_basename (file);

  if (!_gloss_window_export_to_file (self, file, format, &error))
    {
      /* Translators: %s is a file name */
      g_autofree char *heading = g_strdup_printf (_("Could Not Export “%s”"), name);

      _gloss_window_show_error (self, heading, error);
      return;
    }

  {
    /* Translators: Exported “article.jsonl” (doccano) */
    g_autofree char *message = g_strdup_printf (_("Exported “%s” (%s)"), name, format->name);

    _gloss_window_toast (self, message);
  }
}

static char *
initial_name (GlossWindow       *self,
              const GlossFormat *format)
{
  const char *base = self->suggested_name ? self->suggested_name : _("Untitled.gloss");
  g_autofree char *stem = g_strdup (base);
  char *dot = strrchr (stem, '.');

  if (dot != NULL && dot != stem)
    *dot = '\0';
  return g_strdup_printf ("%s.%s", stem, format->extension);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
export_dialog_done_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);

  if (file != NULL)
    export_chosen (self, file, NULL);
}
#else
static void
export_chooser_response_cb (GtkNativeDialog *dialog,
                            int              response,
                            GlossWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        export_chosen (self, file, filter ? g_object_get_data (G_OBJECT (filter), FORMAT_KEY) : NULL);
    }
  g_clear_object (&self->file_chooser);
}
#endif

void
_gloss_window_export (GlossWindow *self)
{
  g_autoptr(GListStore) filters = export_filters ();
  g_autoptr(GtkFileFilter) first = g_list_model_get_item (G_LIST_MODEL (filters), 0);
  g_autofree char *name = NULL;
  g_autoptr(GFile) folder = NULL;

  g_return_if_fail (GLOSS_IS_WINDOW (self));

  if (self->store == NULL || first == NULL)
    return;
  name = initial_name (self, g_object_get_data (G_OBJECT (first), FORMAT_KEY));
  if (self->file != NULL)
    folder = g_file_get_parent (self->file);

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, _("Export Document"));
    gtk_file_dialog_set_accept_label (dialog, _("_Export"));
    gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
    gtk_file_dialog_set_default_filter (dialog, first);
    gtk_file_dialog_set_initial_name (dialog, name);
    if (folder != NULL)
      gtk_file_dialog_set_initial_folder (dialog, folder);
    gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, export_dialog_done_cb, g_object_ref (self));
  }
#else
  {
    GtkFileChooserNative *chooser;

    chooser = gtk_file_chooser_native_new (_("Export Document"), GTK_WINDOW (self),
                                           GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (filters)); i++)
      {
        g_autoptr(GtkFileFilter) filter = g_list_model_get_item (G_LIST_MODEL (filters), i);

        gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      }
    gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), first);
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    if (folder != NULL)
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    g_signal_connect (chooser, "response", G_CALLBACK (export_chooser_response_cb), self);
    g_clear_object (&self->file_chooser);
    self->file_chooser = GTK_NATIVE_DIALOG (chooser);
    gtk_native_dialog_show (self->file_chooser);
  }
#endif
}
