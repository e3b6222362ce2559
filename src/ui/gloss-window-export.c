/* gloss-window-export.c: Export… (Ctrl+E) from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog (gloss-export-dialog.c) chooses and writes; the window says
 * what was written in a toast of one short line, and, when the format left
 * something out, what and where behind its Details button.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-export-dialog.h"
#include "gloss-toast-details.h"
#include "gloss-window-private.h"

static void
exported_cb (GlossExportDialog *dialog,
             GFile             *target,
             const GlossFormat *format,
             GlossFormatReport *report,
             GlossWindow       *self)
{
  g_autofree char *basename = g_file_get_basename (target);
  /* A toast's title is markup. */
  g_autofree char *name = g_markup_escape_text (basename, -1);
  g_autofree char *summary = gloss_format_report_summary (report);
  g_autofree char *title = NULL;
  GPtrArray *details = gloss_format_report_get_details (report);
  AdwToast *toast;

  if (summary == NULL)
    {
      /* Translators: %s is a file or folder name */
      title = g_strdup_printf (_("Exported “%s”"), name);
      toast = adw_toast_new (title);
      adw_toast_set_timeout (toast, 3);
    }
  else
    {
      g_autoptr(GString) body = g_string_new (NULL);

      /* Translators: a toast, one short line; Details says what */
      title = g_strdup_printf (_("Exported “%s” without some of it"), name);
      /* Translators: the start of the Details of an export: 3 claims, 1 relation */
      g_string_append_printf (body, _("Left out: %s."), summary);
      for (guint i = 0; i < details->len; i++)
        g_string_append_printf (body, "%s%s", i == 0 ? "\n\n" : "\n", (const char *) g_ptr_array_index (details, i));
      toast = gloss_toast_details_new (GTK_WIDGET (self), title, _("What the Export Left Out"), body->str);
    }
  _gloss_window_show_toast (self, toast);
}

/**
 * _gloss_window_dialog_folder:
 *
 * Where Save As and Export start: the folder of the document's file, or
 * of the file it was read from; for a project, the folder the project
 * sits in (its documents' folders are the project's business); else the
 * Documents folder, never the process's working directory.
 *
 * Returns: (transfer full): a folder
 */
GFile *
_gloss_window_dialog_folder (GlossWindow *self)
{
  GlossProject *project = gloss_window_get_project (self);
  GFile *source = gloss_document_page_get_source (self->page);
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autofree char *path = NULL;

  if (project != NULL && gloss_window_get_file (self) != NULL &&
      g_file_has_prefix (gloss_window_get_file (self), gloss_project_get_folder (project)))
    {
      GFile *parent = g_file_get_parent (gloss_project_get_folder (project));

      return parent != NULL ? parent : g_object_ref (gloss_project_get_folder (project));
    }
  if (gloss_window_get_file (self) != NULL)
    return g_file_get_parent (gloss_window_get_file (self));
  if (source != NULL && (path = g_file_get_path (source)) != NULL)
    return g_file_get_parent (source);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);
  return g_file_new_for_path (g_get_home_dir ());
}

void
_gloss_window_export (GlossWindow *self)
{
  GlossProject *project = gloss_window_get_project (self);
  GlossExportDialog *dialog;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (GLOSS_IS_WINDOW (self));

  if (gloss_window_get_store (self) == NULL)
    return;
  /* A project's documents are read from its files: the one shown goes
   * with its edits, saved through the project as Alt+Right would. */
  if (project != NULL && !_gloss_window_project_save (self, FALSE, &error))
    {
      _gloss_window_show_save_error (self, error);
      return;
    }
  /* A project's export is named for the project, not for the file of
   * the document shown (the annotator's name, in every document). */
  if (project != NULL)
    {
      const char *project_name = gloss_project_get_name (project);

      name = project_name != NULL && *project_name != '\0'
             ? g_strdup (project_name) : g_file_get_basename (gloss_project_get_folder (project));
    }
  folder = _gloss_window_dialog_folder (self);
  dialog = gloss_export_dialog_new (GTK_WINDOW (self), gloss_window_get_store (self), project,
                                    name != NULL ? name : self->suggested_name, folder);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
