/* gloss-window-open.c: opening a file without blocking the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window shows a "loading" page at once while a worker thread reads
 * and parses the file: the core has no GTK and no shared state (type ids
 * are interned, which GLib locks), and the new store is reachable from the
 * worker alone until it is handed over. A .gloss file's text comes first:
 * the worker hands the document on as soon as it is read (it changes no
 * more), and an empty window shows it, read-only, while the annotations
 * load (the view says so, with their progress). The view puts the text in
 * slices (gloss-text-feed.c), with a progress bar over the article.
 * Files larger than GLOSS_INPUT_ASK_SIZE (the core's) are opened only when
 * the user agrees; a text file with a .gloss of its name beside it asks
 * first whether to open the annotations instead.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-error.h"
#include "gloss-input-file.h"
#include "gloss-recent-documents.h"
#include "gloss-window-private.h"

/* What the worker hands over: the store and its file's hash. */
typedef struct
{
  GlossStore *store;
  char       *sha256;
} Read;

static void
read_free (Read *read)
{
  g_clear_object (&read->store);
  g_free (read->sha256);
  g_free (read);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Read, read_free)

/* Until the text is read, the bar cannot say how far it is: it pulses. */
static gboolean
pulse_cb (gpointer user_data)
{
  GlossWindow *self = user_data;

  gtk_progress_bar_pulse (self->loading_bar);
  return G_SOURCE_CONTINUE;
}

static void
stop_pulsing (GlossWindow *self)
{
  g_clear_handle_id (&self->pulse_id, g_source_remove);
}

/* What the worker tells the main thread before it is done: the text, or
 * how far the reading is (@document NULL). */
typedef struct
{
  GTask         *task;
  GlossDocument *document;
  double         fraction;
} Early;

static void
early_free (gpointer data)
{
  Early *early = data;

  g_object_unref (early->task);
  g_clear_object (&early->document);
  g_free (early);
}

/* In the main thread. Only a window without a document shows the text
 * early: one with a document keeps it (and its actions) until the new
 * store replaces it. */
static gboolean
early_cb (gpointer data)
{
  Early *early = data;
  GlossWindow *self = g_task_get_source_object (early->task);

  if (g_cancellable_is_cancelled (g_task_get_cancellable (early->task)) || gloss_window_get_store (self) != NULL)
    return G_SOURCE_REMOVE;
  if (early->document != NULL)
    {
      g_autofree char *name = g_file_get_basename (g_task_get_task_data (early->task));
      g_autofree char *title = g_strdup_printf ("%s — %s", name, _("Gloss"));

      stop_pulsing (self);
      gloss_annotation_view_show_pending (self->view, early->document);
      gtk_stack_set_visible_child_name (self->stack, "document");
      /* Until the store is in and the title says what it holds. */
      adw_window_title_set_title (self->window_title, name);
      adw_window_title_set_subtitle (self->window_title, _("Loading annotations…"));
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  else if (gloss_annotation_view_get_pending (self->view) != NULL)
    gloss_annotation_view_set_pending_fraction (self->view, early->fraction);
  return G_SOURCE_REMOVE;
}

static void
tell_main_thread (GTask         *task,
                  GlossDocument *document,
                  double         fraction)
{
  Early *early = g_new0 (Early, 1);
  GSource *source;

  early->task = g_object_ref (task);
  early->document = document != NULL ? g_object_ref (document) : NULL;
  early->fraction = fraction;
  /* An idle in the task's context, not g_main_context_invoke(): that
   * runs the function at once in the calling thread whenever the main
   * thread is between two iterations, and the worker would touch widgets
   * (or drop the task's last reference, and the window's). */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, early_cb, early, early_free);
  g_source_set_name (source, "[gloss] text before the annotations");
  g_source_attach (source, g_task_get_context (task));
  g_source_unref (source);
}

/* In the worker. GLOSS_TEST_HOLD_ANNOTATIONS=PATH (read when the open
 * starts; for tests) keeps the annotations loading, once the text is
 * handed on, until PATH exists: a test can then act on the window in
 * that state, as long as it needs, without racing the parse. */
static void
document_read_cb (GlossDocument *document,
                  gpointer       user_data)
{
  GTask *task = user_data;
  const char *hold = g_object_get_data (G_OBJECT (task), "hold");

  tell_main_thread (task, document, 0.);
  while (hold != NULL && !g_file_test (hold, G_FILE_TEST_EXISTS) &&
         !g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    g_usleep (10 * 1000);
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  tell_main_thread (user_data, NULL, fraction);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GlossDocumentLoadFlags flags = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (task), "load-flags"));
  GlossNativeReadHooks hooks = { document_read_cb, progress_cb, task };
  Read *read = g_new0 (Read, 1);

  read->store = gloss_read_store (G_FILE (task_data), flags, &hooks, &read->sha256, &error);
  if (read->store == NULL)
    {
      read_free (read);
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, read, (GDestroyNotify) read_free);
}

static void
show_previous_page (GlossWindow *self)
{
  stop_pulsing (self);
  /* The text of a file that could not be opened after all goes. */
  if (gloss_window_get_store (self) == NULL && gloss_annotation_view_get_pending (self->view) != NULL)
    {
      gloss_annotation_view_set_store (self->view, NULL);
      _gloss_window_update_title (self);
    }
  gtk_stack_set_visible_child_name (self->stack, gloss_window_get_store (self) != NULL ? "document" : "empty");
}

GlossWindow *
_gloss_window_new_for_open (GlossWindow *opener)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (opener));
  GlossWindow *window = gloss_window_new (GLOSS_APPLICATION (app));

  window->for_open = TRUE;
  g_set_weak_pointer (&window->opener, opener);
  return window;
}

/* What a question or an error about opening stands over: the window the
 * user opened from, while the one made for the file has nothing to show. */
static GlossWindow *
dialog_parent (GlossWindow *self)
{
  if (self->for_open && self->opener != NULL)
    return self->opener;
  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    gtk_window_present (GTK_WINDOW (self));
  return self;
}

/* The open failed, or the user said no: a window made for it goes. */
static void
give_up (GlossWindow *self)
{
  if (self->for_open && gloss_window_get_store (self) == NULL && self->open_cancellable == NULL)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
show_open_error (GlossWindow  *self,
                 GFile        *file,
                 const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

  _gloss_window_show_error (dialog_parent (self), heading, error);
  give_up (self);
}

static void ask_convert (GlossWindow *self,
                         GFile       *file);

static void
read_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GlossWindow *self = GLOSS_WINDOW (object);
  GTask *task = G_TASK (result);
  GFile *file = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(Read) read = g_task_propagate_pointer (task, &error);
  gboolean raised;

  /* Cancelled: by the user (who saw the page go), by a newer open, or by
   * the window closing. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    return;
  g_clear_object (&self->open_cancellable);

  /* Another window may have opened the file meanwhile: it is raised. */
  if (read == NULL || !_gloss_window_may_open (file, &raised, &error) || raised)
    {
      show_previous_page (self);
      if (g_error_matches (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_UTF16))
        ask_convert (self, file);
      else if (error != NULL)
        show_open_error (self, file, error);
      else
        give_up (self);
      return;
    }

  stop_pulsing (self);
  _gloss_window_show_opened (self, file, read->store, read->sha256);
}

static void
start_reading (GlossWindow            *self,
               GFile                  *file,
               GlossDocumentLoadFlags  flags)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = g_strdup_printf (_("Opening “%s”"), name);

  _gloss_window_cancel_open (self);
  self->open_cancellable = g_cancellable_new ();
  /* A window made for the file shows as reading starts. */
  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    gtk_window_present (GTK_WINDOW (self));

  adw_status_page_set_title (self->loading_page, title);
  gtk_progress_bar_set_fraction (self->loading_bar, 0.);
  if (self->pulse_id == 0)
    self->pulse_id = g_timeout_add (100, pulse_cb, self);
  gtk_stack_set_visible_child_name (self->stack, "loading");

  task = g_task_new (self, self->open_cancellable, read_done_cb, NULL);
  g_task_set_source_tag (task, start_reading);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_object_set_data (G_OBJECT (task), "load-flags", GUINT_TO_POINTER (flags));
  g_object_set_data_full (G_OBJECT (task), "hold", g_strdup (g_getenv ("GLOSS_TEST_HOLD_ANNOTATIONS")), g_free);
  g_task_run_in_thread (task, read_thread);
}

/* A question about opening @file: two answers, the second suggested and
 * the default; @close_response is what Escape answers. The dialog holds
 * @file as "file". */
static AdwMessageDialog *
ask (GlossWindow *self,
     GFile       *file,
     const char  *heading,
     const char  *body,
     const char  *other_id,
     const char  *other_label,
     const char  *suggested_id,
     const char  *suggested_label,
     const char  *close_response,
     GCallback    response_cb)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (dialog_parent (self)),
                                                                         heading, body));

  adw_message_dialog_add_responses (dialog,
                                    other_id, other_label,
                                    suggested_id, suggested_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, suggested_id, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, suggested_id);
  adw_message_dialog_set_close_response (dialog, close_response);
  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", response_cb, self, 0);
  return dialog;
}

static void
large_file_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        GlossWindow      *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");

  if (g_str_equal (response, "open"))
    start_reading (self, file, GLOSS_DOCUMENT_LOAD_NONE);
  else if (g_str_equal (response, "convert"))
    start_reading (self, file, GLOSS_DOCUMENT_LOAD_CONVERT_UTF16);
  else
    give_up (self);
}

static void
ask_large_file (GlossWindow *self,
                GFile       *file,
                guint64      size)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *formatted = g_format_size (size);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  /* Translators: the first %s is a file name, the second a size ("62.1 MB") */
  body = g_strdup_printf (_("“%s” is %s. Opening it takes longer and uses more memory than usual."),
                          name, formatted);
  dialog = ask (self, file, _("Open a Large File?"), body, "cancel", _("_Cancel"), "open", _("_Open"),
                "cancel", G_CALLBACK (large_file_response_cb));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* UTF-16 text (the core refuses it) is converted on request, in memory:
 * the file stays as it is and the text opens as a new article. */
static void
ask_convert (GlossWindow *self,
             GFile       *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  body = g_strdup_printf (_("“%s” is UTF-16 text, not UTF-8. Gloss can open it converted to UTF-8 "
                            "as a new article; the file itself is not changed."), name);
  dialog = ask (self, file, _("Convert from UTF-16?"), body, "cancel", _("_Cancel"),
                "convert", _("C_onvert and Open"), "cancel", G_CALLBACK (large_file_response_cb));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The checks before reading: what the core would refuse is refused, a
 * large file is read once the user agrees. */
static void
load_checked (GlossWindow *self,
              GFile       *file)
{
  g_autoptr(GError) error = NULL;
  guint64 size = 0;
  gboolean raised;

  if (!_gloss_window_may_open (file, &raised, &error) ||
      (!raised && !gloss_input_file_query (file, &size, &error)))
    show_open_error (self, file, error);
  else if (raised)
    give_up (self);
  else if (size > GLOSS_INPUT_ASK_SIZE)
    ask_large_file (self, file, size);
  else
    start_reading (self, file, GLOSS_DOCUMENT_LOAD_NONE);
}

static void
annotations_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         GlossWindow      *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");
  GFile *annotations = g_object_get_data (G_OBJECT (dialog), "annotations");

  if (g_str_equal (response, "text"))
    load_checked (self, file);
  else
    load_checked (self, annotations);
}

/* A text file with a .gloss of the same name beside it: the analyst's
 * work is most likely in that one. Escape opens it too (it loses
 * nothing; the text opens as a blank new article). */
static void
ask_annotations (GlossWindow *self,
                 GFile       *file,
                 GFile       *annotations)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *gloss_name = g_file_get_basename (annotations);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  /* Translators: the first %s is a text file's name, the second that of the annotations ("article.gloss") */
  body = g_strdup_printf (_("“%s” has annotations beside it, in “%s”. Opening the text alone starts "
                            "a new document without them."), name, gloss_name);
  dialog = ask (self, file, _("Open the Annotations?"), body, "text", _("Open _Text Only"),
                "annotations", _("Open _Annotations"), "annotations", G_CALLBACK (annotations_response_cb));
  g_object_set_data_full (G_OBJECT (dialog), "annotations", g_object_ref (annotations), g_object_unref);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The analyst's own file of a project document opens its project at that
 * document: alone, its entities would not join the project's registry
 * nor its progress the project's. Another annotator's file, or the
 * source, opens alone (to look at). */
static gboolean
open_in_project (GlossWindow *self,
                 GFile       *file)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *own = NULL;
  gboolean raised;

  if (!gloss_recent_documents_in_project (file, &folder, &id, &stem))
    return FALSE;
  own = _gloss_window_project_annotator_stem (folder);
  if (!g_str_equal (stem, own))
    return FALSE;
  if (!_gloss_window_may_open (file, &raised, &error))
    _gloss_window_show_error (dialog_parent (self), _("The Project Cannot Be Opened"), error);
  else if (!raised && !_gloss_window_open_project_at (self, folder, id, &error))
    _gloss_window_show_error (dialog_parent (self), _("The Project Cannot Be Opened"), error);
  else if (!raised)
    gtk_window_present (GTK_WINDOW (self));
  give_up (self);
  return TRUE;
}

/**
 * gloss_window_load_file:
 *
 * Opens @file as gloss_window_open_file() does, without blocking: the
 * window shows a loading page meanwhile and errors in a dialog. A text
 * file with a .gloss of the same name beside it asks first which to
 * open. A file the core would refuse (not a regular file, over its
 * limit) is refused before anything is read; one over
 * %GLOSS_INPUT_ASK_SIZE bytes is opened only once the user agrees.
 */
void
gloss_window_load_file (GlossWindow *self,
                        GFile       *file)
{
  g_autoptr(GFile) annotations = NULL;

  g_return_if_fail (GLOSS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (open_in_project (self, file))
    return;
  annotations = gloss_annotations_beside (file);
  if (annotations != NULL)
    ask_annotations (self, file, annotations);
  else
    load_checked (self, file);
}

/* Whether a file is being read for this window. */
gboolean
gloss_window_get_opening (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), FALSE);

  return self->open_cancellable != NULL;
}

void
_gloss_window_cancel_open (GlossWindow *self)
{
  if (self->open_cancellable == NULL)
    return;
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  stop_pulsing (self);
}

static void
cancel_open_cb (GlossWindow *self)
{
  _gloss_window_cancel_open (self);
  show_previous_page (self);
}

void
_gloss_window_class_add_open (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, loading_bar);
  gtk_widget_class_bind_template_callback (widget_class, cancel_open_cb);
}
