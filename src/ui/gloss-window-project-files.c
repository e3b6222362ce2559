/* gloss-window-project-files.c: New Project…, Open Project…, Add Documents…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A new project is made in the folder of articles the user picks: its
 * project.json, documents/ and progress/ go beside the articles, which
 * stay as they are. Files are read in a worker thread; the documents are
 * added on the main thread (the Documents page shows the project's list),
 * all or nothing. Files dropped on a window showing a project are added to
 * it, not opened.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotator.h"
#include "gloss-format.h"
#include "gloss-project-import.h"
#include "gloss-recent-projects.h"
#include "gloss-window-private.h"

/* What a worker thread reads. */
typedef struct
{
  GFile       *folder;     /* New Project: the folder of articles */
  GPtrArray   *files;      /* Add Documents: the files (GFile) */
  GlossSchema *schema;     /* a copy, the thread's own */
  GFile       *target;     /* Add Documents: the folder of the project they go to */
  AdwToast    *toast;      /* New Project: "Reading the articles…", until they are read */
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  g_clear_object (&job->folder);
  g_clear_pointer (&job->files, g_ptr_array_unref);
  g_clear_object (&job->schema);
  g_clear_object (&job->target);
  g_clear_object (&job->toast);
  g_free (job);
}

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadJob *job = task_data;
  g_autoptr(GlossProjectImport) import = gloss_project_import_new ();
  GError *error = NULL;
  gboolean ok = TRUE;

  if (job->folder != NULL)
    ok = gloss_project_import_folder (import, job->schema, job->folder, cancellable, &error);
  for (guint i = 0; ok && job->files != NULL && i < job->files->len; i++)
    ok = gloss_project_import_file (import, job->schema, g_ptr_array_index (job->files, i), cancellable, &error);
  if (ok && import->stores->len == 0 && job->folder != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (job->folder);

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("%s has no articles: a project is made from a folder of .txt or .md files, "
                     ".gloss documents or files of a format Gloss imports."), name);
      ok = FALSE;
    }
  if (ok)
    g_task_return_pointer (task, g_steal_pointer (&import), (GDestroyNotify) gloss_project_import_free);
  else
    g_task_return_error (task, error);
}

static void
start_reading (GlossWindow         *self,
               ReadJob             *job,
               GAsyncReadyCallback  done)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, done, NULL);

  g_task_set_task_data (task, job, (GDestroyNotify) read_job_free);
  g_task_run_in_thread (task, read_thread);
}

/* "Added 3 documents", and the files left out. */
static void
toast_added (GlossWindow        *self,
             guint               n_added,
             GlossProjectImport *import)
{
  g_autofree char *added = g_strdup_printf (ngettext ("Added %u document", "Added %u documents", n_added), n_added);
  guint n_skipped = import->skipped->len;

  if (n_skipped == 0)
    _gloss_window_toast (self, added);
  else
    {
      g_autofree char *skipped = g_strdup_printf (ngettext ("%u file of another kind left out",
                                                            "%u files of other kinds left out", n_skipped),
                                                  n_skipped);
      /* TRANSLATORS: "Added 5 documents; 2 files of other kinds left out" */
      g_autofree char *text = g_strdup_printf (_("%s; %s"), added, skipped);

      _gloss_window_toast (self, text);
    }
}

/* The window a project opens in: this one while it shows nothing. */
static GlossWindow *
window_for_project (GlossWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GlossWindow *target;

  if (!gloss_window_has_document (self) || app == NULL)
    return self;
  target = gloss_window_new (GLOSS_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (target));
  return target;
}

/* New Project… */
static void
new_project_read_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GlossWindow *self = GLOSS_WINDOW (object);
  ReadJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GFile) folder = g_object_ref (job->folder);
  g_autoptr(GlossProjectImport) import = NULL;
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GPtrArray) added = NULL;
  g_autofree char *name = g_file_get_basename (folder);
  g_autofree char *annotator = gloss_annotator_default_name ();
  g_autoptr(GError) error = NULL;
  GlossWindow *target;

  /* Read: the toast that said so goes, whatever comes next (a second
   * window, where the project opens, would leave it standing here). */
  gloss_toast_queue_dismiss (self->toasts, job->toast);
  g_clear_object (&job->toast);
  if ((import = g_task_propagate_pointer (G_TASK (result), &error)) == NULL)
    {
      _gloss_window_show_error (self, _("The Project Cannot Be Made"), error);
      return;
    }
  project = gloss_project_new (folder, name, NULL, annotator);
  if ((added = gloss_project_add_imported (project, import, &error)) == NULL)
    {
      _gloss_window_show_error (self, _("The Project Cannot Be Made"), error);
      return;
    }
  target = window_for_project (self);
  if (gloss_window_open_project (target, folder, &error))
    toast_added (target, added->len, import);
  else
    _gloss_window_show_error (target, _("The Project Cannot Be Opened"), error);
}

static void
new_project_in (GlossWindow *self,
                GFile       *folder)
{
  ReadJob *job;

  /* A folder that is a project already is opened. */
  if (gloss_project_is_project_folder (folder))
    {
      GlossWindow *target = window_for_project (self);

      gloss_window_load_project (target, folder);
      if (gloss_window_get_project (target) != NULL)
        _gloss_window_toast (target, _("This folder is a project already: opened it"));
      return;
    }
  job = g_new0 (ReadJob, 1);
  job->folder = g_object_ref (folder);
  job->schema = gloss_schema_new_default ();
  /* No timeout: it shows until the articles are read. */
  job->toast = adw_toast_new (_("Reading the articles…"));
  adw_toast_set_timeout (job->toast, 0);
  _gloss_window_show_toast (self, g_object_ref (job->toast));
  start_reading (self, job, new_project_read_cb);
}

/* Add Documents… */
static void
add_read_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GlossWindow *self = GLOSS_WINDOW (object);
  g_autoptr(GlossProjectImport) import = NULL;
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GError) error = NULL;
  ReadJob *job = g_task_get_task_data (G_TASK (result));
  GlossProject *project = gloss_window_get_project (self);

  import = g_task_propagate_pointer (G_TASK (result), &error);
  /* The project may have closed meanwhile. */
  if (import != NULL && (project == NULL || !g_file_equal (gloss_project_get_folder (project), job->target)))
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CLOSED,
                         _("The project was closed before the documents were read."));
  else if (import != NULL)
    added = gloss_project_add_imported (project, import, &error);
  if (added == NULL)
    {
      _gloss_window_show_error (self, _("The Documents Cannot Be Added"), error);
      return;
    }
  toast_added (self, added->len, import);
}

/**
 * _gloss_window_project_add_files:
 * @files: (element-type GFile): articles or documents
 *
 * Reads @files in a worker thread and adds them to the project shown.
 */
void
_gloss_window_project_add_files (GlossWindow *self,
                                 GPtrArray   *files)
{
  GlossProject *project = gloss_window_get_project (self);
  ReadJob *job;

  g_return_if_fail (project != NULL);

  job = g_new0 (ReadJob, 1);
  job->files = g_ptr_array_ref (files);
  job->target = g_object_ref (gloss_project_get_folder (project));
  job->schema = gloss_schema_copy (gloss_project_get_schema (project));
  start_reading (self, job, add_read_cb);
}

static GPtrArray *
files_of_model (GListModel *model)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (files, g_list_model_get_item (model, i));
  return files;
}

/* The choosers: GtkFileDialog from GTK 4.10, GtkFileChooserNative before. */
typedef void (*ChosenFunc) (GlossWindow *self,
                            GListModel  *files);

#if GTK_CHECK_VERSION (4, 10, 0)
static void
folder_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  ChosenFunc func = g_object_get_data (object, "gloss-chosen");
  g_autoptr(GFile) folder = gtk_file_dialog_select_folder_finish (GTK_FILE_DIALOG (object), result, NULL);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

  if (folder == NULL)
    return;
  g_list_store_append (files, folder);
  func (self, G_LIST_MODEL (files));
}

static void
files_chosen_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  ChosenFunc func = g_object_get_data (object, "gloss-chosen");
  g_autoptr(GListModel) files = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (object), result, NULL);

  if (files != NULL)
    func (self, files);
}
#else
static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     GlossWindow     *self)
{
  ChosenFunc func = g_object_get_data (G_OBJECT (dialog), "gloss-chosen");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      func (self, files);
    }
  if (self->file_chooser == dialog)
    g_clear_object (&self->file_chooser);
}
#endif

/* @filters: (nullable) (element-type GtkFileFilter): for files only. */
static void
choose (GlossWindow *self,
        gboolean     folder,
        const char  *title,
        const char  *accept,
        GListModel  *filters,
        ChosenFunc   func)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_accept_label (dialog, accept);
  g_object_set_data (G_OBJECT (dialog), "gloss-chosen", func);
  if (folder)
    gtk_file_dialog_select_folder (dialog, GTK_WINDOW (self), NULL, folder_chosen_cb, g_object_ref (self));
  else
    {
      gtk_file_dialog_set_filters (dialog, filters);
      gtk_file_dialog_open_multiple (dialog, GTK_WINDOW (self), NULL, files_chosen_cb, g_object_ref (self));
    }
#else
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                         folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (!folder)
    {
      gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
      for (guint i = 0; filters != NULL && i < g_list_model_get_n_items (filters); i++)
        {
          g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

          gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
        }
    }
  g_object_set_data (G_OBJECT (chooser), "gloss-chosen", func);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  if (self->file_chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->file_chooser, self);
      gtk_native_dialog_destroy (self->file_chooser);
      g_clear_object (&self->file_chooser);
    }
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->file_chooser);
#endif
}

static void
new_project_chosen (GlossWindow *self,
                    GListModel  *files)
{
  g_autoptr(GFile) folder = g_list_model_get_item (files, 0);

  /* GTK 4.8's chooser may answer Accept with nothing chosen. */
  if (folder != NULL)
    new_project_in (self, folder);
}

static void
open_project_chosen (GlossWindow *self,
                     GListModel  *files)
{
  g_autoptr(GFile) folder = g_list_model_get_item (files, 0);

  if (folder != NULL)
    gloss_window_load_project (window_for_project (self), folder);
}

static void
add_chosen (GlossWindow *self,
            GListModel  *files)
{
  g_autoptr(GPtrArray) list = files_of_model (files);

  if (gloss_window_get_project (self) != NULL)
    _gloss_window_project_add_files (self, list);
}

static void
new_project_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  choose (GLOSS_WINDOW (widget), TRUE, _("New Project from a Folder of Articles"), _("_Make Project"),
          NULL, new_project_chosen);
}

static void
open_project_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  choose (GLOSS_WINDOW (widget), TRUE, _("Open Project"), _("_Open"), NULL, open_project_chosen);
}

static void
add_extension (GtkFileFilter *filter,
               const char    *extension)
{
  g_autofree char *pattern = g_strconcat ("*.", extension, NULL);

  gtk_file_filter_add_pattern (filter, pattern);
}

static void
add_documents_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) readable = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  const char *articles[] = { "txt", "md", "markdown" };

  gtk_file_filter_set_name (readable, _("Articles and Documents"));
  for (gsize i = 0; i < G_N_ELEMENTS (articles); i++)
    add_extension (readable, articles[i]);
  for (const GlossFormat **f = gloss_format_list (); *f != NULL; f++)
    if ((*f)->import != NULL)
      {
        g_auto(GStrv) extensions = gloss_format_get_extensions (*f);

        for (guint i = 0; extensions[i] != NULL; i++)
          add_extension (readable, extensions[i]);
      }
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  g_list_store_append (filters, readable);
  g_list_store_append (filters, all);
  choose (GLOSS_WINDOW (widget), FALSE, _("Add Documents to the Project"), _("_Add"),
          G_LIST_MODEL (filters), add_chosen);
}

static void
open_recent_project_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GFile) folder = g_file_new_for_uri (g_variant_get_string (param, NULL));

  gloss_window_load_project (window_for_project (self), folder);
}

/* Whether @self took the dropped @files: they are added to its project. */
gboolean
_gloss_window_project_drop (GlossWindow *self,
                            GSList      *files)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);

  if (gloss_window_get_project (self) == NULL)
    return FALSE;
  for (GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (list, g_object_ref (l->data));
  _gloss_window_project_add_files (self, list);
  return TRUE;
}

/* Add Documents… is there while a project is. */
void
_gloss_window_project_update_actions (GlossWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-documents", gloss_window_get_project (self) != NULL);
}

void
_gloss_window_class_add_project_actions (GtkWidgetClass *widget_class)
{
  g_type_ensure (GLOSS_TYPE_RECENT_PROJECTS);
  gtk_widget_class_install_action (widget_class, "win.new-project", NULL, new_project_action);
  gtk_widget_class_install_action (widget_class, "win.open-project", NULL, open_project_action);
  gtk_widget_class_install_action (widget_class, "win.add-documents", NULL, add_documents_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent-project", "s", open_recent_project_action);
}
