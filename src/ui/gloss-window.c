/* gloss-window.c: a window showing one document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-error.h"
#include "gloss-accessible.h"
#include "gloss-error-dialog.h"
#include "gloss-format-native.h"
#include "gloss-recent-documents.h"
#include "gloss-recovery.h"
#include "gloss-resources.h"
#include "gloss-shortcuts.h"
#include "gloss-window-private.h"

#define SAMPLE_RESOURCE "/io/github/glossapp/Gloss/samples/kim-putin-vostochny.txt"
#define SAMPLE_NAME     "kim-putin-vostochny.txt"
#define ANNOTATED_SAMPLE_RESOURCE "/io/github/glossapp/Gloss/samples/kim-putin-vostochny.gloss"

G_DEFINE_FINAL_TYPE (GlossWindow, gloss_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_HAS_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Settings may be missing (an uninstalled schema, an older one): never
 * abort over them. */
static gboolean
settings_has_key (GSettings  *settings,
                  const char *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (settings == NULL)
    return FALSE;
  g_object_get (settings, "settings-schema", &schema, NULL);
  return schema != NULL && g_settings_schema_has_key (schema, key);
}

gboolean
gloss_window_get_modified (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), FALSE);

  return self->page != NULL && gloss_document_page_get_modified (self->page);
}

gboolean
gloss_window_has_document (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), FALSE);

  return gloss_window_get_store (self) != NULL;
}

GlossStore *
gloss_window_get_store (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  /* NULL while the template is built */
  return self->page ? gloss_document_page_get_store (self->page) : NULL;
}

GFile *
gloss_window_get_file (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return self->page ? gloss_document_page_get_file (self->page) : NULL;
}

GtkWidget *
gloss_window_get_view (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->view);
}

GlossDocumentPage *
gloss_window_get_page (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return self->page;
}

GtkWidget *
gloss_window_get_search_entry (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->search_entry);
}

/* Every toast of the window goes through its queue (gloss-toast-queue.c).
 * Takes @toast (transfer full). */
void
_gloss_window_show_toast (GlossWindow *self,
                          AdwToast    *toast)
{
  gloss_toast_queue_show (self->toasts, toast);
}

/* Returns the toast (transfer none: the queue, then the overlay owns it). */
AdwToast *
_gloss_window_toast (GlossWindow *self,
                     const char  *title)
{
  return gloss_toast_queue_say (self->toasts, title);
}

void
_gloss_window_show_error (GlossWindow  *self,
                          const char   *heading,
                          const GError *error)
{
  gloss_error_dialog_show (GTK_WIDGET (self), heading, error);
}

/* Never an edit shown as done while it is not protected without saying
 * so: the journal's error arrives before the window hears of the edit. */
static void
journal_error_cb (GlossWindow  *self,
                  const GError *error)
{
  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Changes are not being protected: %s. "
                                                 "Gloss tries again at the next edit; save to keep them safe."),
                                               error->message);

      gtk_label_set_text (self->journal_banner_label, text);
    }
  gtk_revealer_set_reveal_child (self->journal_banner, error != NULL);
}

void
_gloss_window_update_title (GlossWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *window_title = NULL;

  if (gloss_window_get_store (self) == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Gloss"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Gloss"));
      return;
    }

  gloss_document_page_describe (self->page, &title, &subtitle, &window_title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (self->window_title)), title) != 0)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

void
gloss_window_update_actions (GlossWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_store = gloss_window_get_store (self) != NULL;

  g_return_if_fail (GLOSS_IS_WINDOW (self));

  gtk_widget_action_set_enabled (widget, "win.save", has_store);
  gtk_widget_action_set_enabled (widget, "win.save-as", has_store);
  gtk_widget_action_set_enabled (widget, "win.export", has_store);
  gtk_widget_action_set_enabled (widget, "win.find", has_store);
  gtk_widget_action_set_enabled (widget, "win.toggle-sidebar", has_store);
  _gloss_window_team_update (self);
}

static void
store_changed_cb (GlossWindow *self)
{
  _gloss_window_update_title (self);
  gloss_window_update_actions (self);
}

/* In a project, the author is the annotator the user works as there, the
 * one its registry entries and files name (gloss-project-member.c). */
static void
apply_author (GlossWindow *self)
{
  GlossProject *project = gloss_window_get_project (self);
  g_autofree char *author = NULL;

  if (gloss_window_get_store (self) == NULL)
    return;
  if (project != NULL)
    gloss_store_set_author (gloss_window_get_store (self), gloss_project_get_annotator (project));
  else if (settings_has_key (self->settings, "author"))
    {
      author = g_settings_get_string (self->settings, "author");
      gloss_store_set_author (gloss_window_get_store (self), *author != '\0' ? author : NULL);
    }
}

/* Renamed in Preferences: a project open goes on as its annotator, and
 * says so; the next time it opens, the new name is offered. */
static void
author_changed_cb (GlossWindow *self)
{
  GlossProject *project = gloss_window_get_project (self);
  g_autofree char *message = NULL;

  apply_author (self);
  if (project == NULL)
    return;
  /* Translators: %s is an annotator's name */
  message = g_strdup_printf (_("This project goes on as “%s” until it is opened again"),
                             gloss_project_get_annotator (project));
  _gloss_window_toast (self, message);
}

/* A project's document files are not (see gloss-recent-documents.c). */
static void
gloss_window_add_recent (GlossWindow *self,
                         GFile       *file)
{
  gloss_recent_documents_add (GTK_WIDGET (self), file);
}

void
gloss_window_set_store (GlossWindow *self,
                        GlossStore  *store,
                        GFile       *file)
{
  g_return_if_fail (GLOSS_IS_WINDOW (self));
  g_return_if_fail (store == NULL || GLOSS_IS_STORE (store));

  _gloss_window_set_store_from (self, store, file, NULL, NULL);
}

/* @source: what an unsaved document was read from, which keys its journal. */
void
_gloss_window_set_store_from (GlossWindow *self,
                              GlossStore  *store,
                              GFile       *file,
                              const char  *file_sha256,
                              GFile       *source)
{
  gboolean had_document = gloss_window_get_store (self) != NULL;

  g_autofree char *label = _gloss_window_project_label (self, store);

  _gloss_window_disk_untrack (self);
  /* Before the document: an offer to recover its edits names it. */
  gloss_document_page_set_label (self->page, label);
  gloss_document_page_set_document (self->page, store, file, file_sha256, source);
  if (file != NULL)
    _gloss_window_disk_track (self, file_sha256);

  if (store != NULL)
    {
      /* Opened: no longer a window that goes if the open fails. */
      self->for_open = FALSE;
      g_clear_weak_pointer (&self->opener);
      apply_author (self);
      gtk_stack_set_visible_child_name (self->stack, "document");
      gtk_widget_grab_focus (GTK_WIDGET (self->view));
    }
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
    }

  if (had_document != (store != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_DOCUMENT]);

  _gloss_window_update_title (self);
  gloss_window_update_actions (self);
}

/* The name Save As offers for what was read from @source: its .gloss,
 * unless one exists beside it (the text opened without its annotations:
 * saving should not offer to replace them). */
static char *
free_gloss_name (GFile *source)
{
  g_autofree char *name = g_file_get_basename (source);
  g_autofree char *stem = gloss_replace_extension (name, "");
  g_autoptr(GFile) folder = g_file_is_native (source) ? g_file_get_parent (source) : NULL;
  char *candidate = g_strconcat (stem, ".gloss", NULL);

  for (guint i = 2; folder != NULL && i < 100; i++)
    {
      g_autoptr(GFile) beside = g_file_get_child (folder, candidate);

      if (!g_file_query_exists (beside, NULL))
        break;
      g_free (candidate);
      candidate = g_strdup_printf ("%s-%u.gloss", stem, i);
    }
  return candidate;
}

/* Shows a store gloss_read_store() made of @file. */
void
_gloss_window_show_opened (GlossWindow *self,
                           GFile       *file,
                           GlossStore  *store,
                           const char  *file_sha256)
{
  g_autofree char *name = g_file_get_basename (file);

  g_clear_pointer (&self->suggested_name, g_free);
  if (gloss_is_gloss_file (file))
    {
      self->suggested_name = g_strdup (name);
      _gloss_window_set_store_from (self, store, file, file_sha256, NULL);
    }
  else
    {
      self->suggested_name = free_gloss_name (file);
      _gloss_window_set_store_from (self, store, NULL, NULL, file);
    }
  gloss_window_add_recent (self, file);
}

/* Whether @file may be read for a window. A .gloss another window shows
 * is raised instead (*@raised): its journal is that window's. One whose
 * journal another process holds is refused. */
gboolean
_gloss_window_may_open (GFile     *file,
                        gboolean  *raised,
                        GError   **error)
{
  GlossWindow *holder;

  *raised = FALSE;
  if (!gloss_is_gloss_file (file))
    return TRUE;
  holder = _gloss_recovery_find_holder (file);
  if (holder != NULL)
    {
      gtk_window_present (GTK_WINDOW (holder));
      *raised = TRUE;
      return TRUE;
    }
  if (gloss_journal_is_held (file))
    {
      g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_HELD,
                   _("It is open in another Gloss window."));
      return FALSE;
    }
  return TRUE;
}

gboolean
gloss_window_open_file (GlossWindow  *self,
                        GFile        *file,
                        GError      **error)
{
  g_autoptr(GlossStore) store = NULL;
  g_autofree char *sha256 = NULL;
  gboolean raised;

  g_return_val_if_fail (GLOSS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!_gloss_window_may_open (file, &raised, error))
    return FALSE;
  if (raised)
    return TRUE;
  store = gloss_read_store (file, GLOSS_DOCUMENT_LOAD_NONE, NULL, &sha256, error);
  if (store == NULL)
    return FALSE;
  _gloss_window_show_opened (self, file, store, sha256);
  return TRUE;
}

/* The bundled sample as a new document: its text, or its annotated .gloss. */
static gboolean
open_bundled_sample (GlossWindow  *self,
                     gboolean      annotated,
                     GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GFile) source = NULL;

  bytes = g_resources_lookup_data (annotated ? ANNOTATED_SAMPLE_RESOURCE : SAMPLE_RESOURCE,
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  if (annotated)
    store = gloss_native_read_bytes (bytes, "kim-putin-vostochny.gloss", error);
  else
    {
      g_autoptr(GlossDocument) document = gloss_document_new_from_bytes (bytes, SAMPLE_NAME, error);

      if (document != NULL)
        store = gloss_store_from_text (document, SAMPLE_NAME);
    }
  if (store == NULL)
    return FALSE;
  g_clear_pointer (&self->suggested_name, g_free);
  self->suggested_name = gloss_replace_extension (SAMPLE_NAME, ".gloss");
  source = g_file_new_for_uri ("resource://" SAMPLE_RESOURCE);
  _gloss_window_set_store_from (self, store, NULL, NULL, source);
  return TRUE;
}

gboolean
gloss_window_open_sample (GlossWindow  *self,
                          GError      **error)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), FALSE);

  return open_bundled_sample (self, FALSE, error);
}

gboolean
gloss_window_open_annotated_sample (GlossWindow  *self,
                                    GError      **error)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), FALSE);

  return open_bundled_sample (self, TRUE, error);
}

/* gloss_window_save_to_file() without the toast: a project's move to
 * another document saves silently. */
gboolean
_gloss_window_write_file (GlossWindow  *self,
                          GFile        *file,
                          GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sha256 = NULL;

  g_return_val_if_fail (GLOSS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (gloss_window_get_store (self) != NULL, FALSE);

  if (!_gloss_window_disk_check (self, file, error))
    return FALSE;
  /* Save As over a document another window has open would give it two
   * owners (and two journals). */
  if (gloss_journal_is_held (file))
    {
      GlossJournal *journal = gloss_document_page_get_journal (self->page);

      if (journal == NULL || !gloss_journal_is_for_file (journal, file))
        {
          g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_HELD,
                       _("It is open in another Gloss window; close it there first."));
          return FALSE;
        }
    }
  /* Written as gloss_native_write_file() does, hashed as written: the
   * window knows its own save by these bytes, never reading back what
   * another program may have put there since. */
  bytes = gloss_native_write_bytes (gloss_window_get_store (self));
  if (!gloss_format_write_file (file, bytes, TRUE, error))
    return FALSE;
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  gloss_document_page_mark_saved (self->page, file);
  _gloss_window_disk_track (self, sha256);
  gloss_window_add_recent (self, file);

  g_clear_pointer (&self->suggested_name, g_free);
  self->suggested_name = g_file_get_basename (file);

  _gloss_window_update_title (self);
  gloss_window_update_actions (self);
  return TRUE;
}

static void
save_error_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        GlossWindow      *self)
{
  if (g_str_equal (response, "save-as"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.save-as", NULL);
}

/* As GNOME's apps do, a save that failed offers another place: the
 * document is still as it was, and so is the file that could not be
 * written. */
static void
show_save_error_named (GlossWindow  *self,
                       const char   *name,
                       const GError *error)
{
  g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       error != NULL ? error->message : NULL));
  adw_message_dialog_add_responses (dialog,
                                    "close", _("_Close"),
                                    "save-as", _("Save _As…"),
                                    NULL);
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_error_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_gloss_window_show_save_error (GlossWindow  *self,
                               const GError *error)
{
  g_autofree char *name = gloss_document_page_dup_label (self->page);

  show_save_error_named (self, name, error);
}

gboolean
gloss_window_save_to_file (GlossWindow  *self,
                           GFile        *file,
                           GError      **error)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!_gloss_window_write_file (self, file, error))
    return FALSE;
  name = _gloss_file_display_name (file);
  message = g_strdup_printf (_("Saved “%s”"), name);
  _gloss_window_toast (self, message);
  return TRUE;
}

/* Saving as: GtkFileDialog where the toolkit has it, else the portal-aware
 * native chooser. */
static void
save_as_finish (GlossWindow *self,
                GFile       *chosen)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *basename = g_file_get_basename (chosen);

  if (strchr (basename, '.') == NULL)
    {
      g_autofree char *with_ext = g_strconcat (basename, ".gloss", NULL);
      g_autoptr(GFile) parent = g_file_get_parent (chosen);

      file = g_file_get_child (parent, with_ext);
    }
  else
    file = g_object_ref (chosen);

  if (!gloss_window_save_to_file (self, file, &error))
    {
      g_autofree char *name = _gloss_file_display_name (file);

      _gloss_window_close_answered (self, FALSE);
      show_save_error_named (self, name, error);
      return;
    }
  _gloss_window_close_answered (self, TRUE);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
save_dialog_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);

  if (file != NULL)
    save_as_finish (self, file);
  else
    _gloss_window_close_answered (self, FALSE);
}
#else
static void
save_chooser_response_cb (GtkNativeDialog *dialog,
                          int              response,
                          GlossWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      save_as_finish (self, file);
    }
  else
    _gloss_window_close_answered (self, FALSE);

  g_clear_object (&self->file_chooser);
}
#endif

static GtkFileFilter *
gloss_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Gloss Documents"));
  gtk_file_filter_add_pattern (filter, "*.gloss");
  gtk_file_filter_add_mime_type (filter, "application/x-gloss+json");
  return filter;
}

void
_gloss_window_save_as (GlossWindow *self)
{
  const char *name = self->suggested_name ? self->suggested_name : _("Untitled.gloss");
  g_autoptr(GtkFileFilter) filter = gloss_filter_new ();
  g_autoptr(GFile) folder = _gloss_window_dialog_folder (self);

#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, _("Save Document"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_set_default_filter (dialog, filter);
  gtk_file_dialog_set_initial_folder (dialog, folder);
  gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, save_dialog_done_cb, g_object_ref (self));
#else
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save Document"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (save_chooser_response_cb), self);
  g_clear_object (&self->file_chooser);
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->file_chooser);
#endif
}

static void
update_recent_menu (GlossWindow *self)
{
  gloss_recent_documents_fill_menu (self->recent_menu);
}

/* Drag and drop */
static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GlossWindow   *self)
{
  GSList *files;
  GFile *first = NULL;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  if (_gloss_window_project_drop (self, files))
    return TRUE;
  for (GSList *l = files; l != NULL; l = l->next)
    {
      GFile *file = l->data;
      GlossWindow *target_window = self;

      if (first == NULL && gloss_window_get_store (self) == NULL)
        first = file;
      else if (app != NULL)
        target_window = _gloss_window_new_for_open (self);
      else
        continue;
      gloss_window_load_file (target_window, file);
    }
  return TRUE;
}

static void
save_window_state (GlossWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (settings_has_key (self->settings, "is-maximized"))
    g_settings_set_boolean (self->settings, "is-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0 &&
      settings_has_key (self->settings, "window-width") &&
      settings_has_key (self->settings, "window-height"))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  if (gloss_document_page_get_inspector_position (self->page) > 0 &&
      settings_has_key (self->settings, "inspector-position"))
    g_settings_set_int (self->settings, "inspector-position",
                        gloss_document_page_get_inspector_position (self->page));
}

/* Closing with unsaved changes asks first (gloss-window-close.c). */
static gboolean
gloss_window_close_request (GtkWindow *window)
{
  GlossWindow *self = GLOSS_WINDOW (window);

  if (!self->closing && gloss_window_get_modified (self))
    {
      gloss_window_ask_to_close (self, NULL, NULL);
      return TRUE;
    }

  gloss_document_page_discard_journal (self->page);
  save_window_state (self);
  return GTK_WINDOW_CLASS (gloss_window_parent_class)->close_request (window);
}

static void
gloss_window_dispose (GObject *object)
{
  GlossWindow *self = GLOSS_WINDOW (object);

  g_clear_pointer (&self->project, _gloss_window_project_free);
  g_clear_weak_pointer (&self->opener);
  if (self->file_chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->file_chooser, self);
      gtk_native_dialog_destroy (self->file_chooser);
      g_clear_object (&self->file_chooser);
    }

  g_clear_handle_id (&self->header_idle_id, g_source_remove);
  _gloss_window_cancel_open (self);
  _gloss_window_disk_untrack (self);
  /* The banner goes with the template, before the page lets its journal
   * go; the page's actions go with the page. */
  if (self->page != NULL)
    g_signal_handlers_disconnect_by_func (self->page, journal_error_cb, self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "doc", NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->toasts);
  g_clear_pointer (&self->suggested_name, g_free);

  G_OBJECT_CLASS (gloss_window_parent_class)->dispose (object);
}

static void
gloss_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GlossWindow *self = GLOSS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_HAS_DOCUMENT:
      g_value_set_boolean (value, gloss_window_has_document (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A narrow window (the sidebar folded over the article, below about
 * 700 px) keeps room for the title between the header's buttons: an Open
 * button without its label, and no Undo and Redo buttons (Ctrl+Z and
 * Ctrl+Shift+Z still work). At 360 px, the least the window allows, all
 * of it fits. */
static gboolean
update_header (gpointer data)
{
  GlossWindow *self = data;
  gboolean has_document = gloss_window_has_document (self);
  gboolean narrow = has_document && adw_flap_get_folded (self->flap);

  self->header_idle_id = 0;
  if (narrow)
    adw_split_button_set_icon_name (self->open_button, "document-open-symbolic");
  else
    adw_split_button_set_label (self->open_button, _("_Open"));
  gtk_widget_set_visible (self->history_box, has_document && !narrow);
  return G_SOURCE_REMOVE;
}

/* The flap folds while it is allocated: the header changes after. */
static void
queue_update_header (GlossWindow *self)
{
  if (self->header_idle_id == 0)
    self->header_idle_id = g_idle_add (update_header, self);
}

static void
gloss_window_class_init (GlossWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gloss_window_dispose;
  object_class->get_property = gloss_window_get_property;
  window_class->close_request = gloss_window_close_request;

  properties[PROP_HAS_DOCUMENT] =
    g_param_spec_boolean ("has-document", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Referencing the resources keeps the linker from dropping them (and
   * their registering constructor) out of the static library. */
  (void) gloss_get_resource ();

  g_type_ensure (GLOSS_TYPE_DOCUMENT_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossapp/Gloss/gloss-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, history_box);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, search_count);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, page);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, journal_banner);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, journal_banner_label);
  _gloss_window_class_add_open (widget_class);
  _gloss_window_class_add_search (widget_class);

  _gloss_window_class_add_actions (widget_class);
  _gloss_window_class_add_team (widget_class);
  _gloss_window_class_add_project_actions (widget_class);
}

static void
gloss_window_init (GlossWindow *self)
{
  GtkDropTarget *drop;
  GtkEventController *shift_enter;
  GSettingsSchema *schema;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The page's parts the window's actions reach (borrowed). */
  self->flap = gloss_document_page_get_flap (self->page);
  self->view = gloss_document_page_get_view (self->page);
  /* Its edits, for the header bar, the menus, the toasts and the keys. */
  gtk_widget_insert_action_group (GTK_WIDGET (self), "doc", gloss_document_page_get_actions (self->page));
  g_object_bind_property (self->flap, "reveal-flap", self->sidebar_button, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->open_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open"), -1);
  g_signal_connect_object (self->flap, "notify::folded", G_CALLBACK (queue_update_header), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::has-document", G_CALLBACK (queue_update_header), NULL);
  update_header (self);
  self->toasts = gloss_toast_queue_new (self->toast_overlay);
  gloss_document_page_set_toasts (self->page, self->toasts);
  g_signal_connect_object (self->page, "journal-error", G_CALLBACK (journal_error_cb),
                           self, G_CONNECT_SWAPPED);
  _gloss_window_project_init (self);
  gloss_accessible_name_composites (GTK_WIDGET (self));

#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (),
                                            BASE_APP_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new (BASE_APP_ID);
      g_settings_schema_unref (schema);
    }

  if (settings_has_key (self->settings, "window-width") &&
      settings_has_key (self->settings, "window-height"))
    {
      int width = g_settings_get_int (self->settings, "window-width");
      int height = g_settings_get_int (self->settings, "window-height");

      if (width > 0 && height > 0)
        gtk_window_set_default_size (GTK_WINDOW (self), width, height);
    }
  if (settings_has_key (self->settings, "is-maximized") &&
      g_settings_get_boolean (self->settings, "is-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  if (settings_has_key (self->settings, "inspector-position"))
    gloss_document_page_set_inspector_position (self->page,
                                                g_settings_get_int (self->settings, "inspector-position"));
  if (settings_has_key (self->settings, "sidebar-visible"))
    adw_flap_set_reveal_flap (self->flap, g_settings_get_boolean (self->settings, "sidebar-visible"));
  if (settings_has_key (self->settings, "snap-to-words"))
    g_settings_bind (self->settings, "snap-to-words", self->view, "snap-to-words", G_SETTINGS_BIND_GET);
  if (settings_has_key (self->settings, "author"))
    g_signal_connect_object (self->settings, "changed::author", G_CALLBACK (author_changed_cb),
                             self, G_CONNECT_SWAPPED);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  shift_enter = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shift_enter, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shift_enter),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Shift>Return|<Shift>KP_Enter"),
                                                          gtk_signal_action_new ("previous-match")));
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), shift_enter);

  gloss_shortcuts_add (GTK_WIDGET (self), GTK_WIDGET (gloss_document_page_get_article (self->page)));

  g_signal_connect_object (self->page, "changed", G_CALLBACK (store_changed_cb),
                           self, G_CONNECT_SWAPPED);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);

  gtk_stack_set_visible_child_name (self->stack, "empty");
  _gloss_window_update_title (self);
  gloss_window_update_actions (self);
}

GlossWindow *
gloss_window_new (GlossApplication *application)
{
  return g_object_new (GLOSS_TYPE_WINDOW, "application", application, NULL);
}
