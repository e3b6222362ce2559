/* gloss-window-disk.c: the open .gloss file changed or deleted by another program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A `git pull` or a colleague's save can replace the file under an open
 * window. The window remembers the file as it last read or wrote it
 * (size, modification time, SHA-256), watches it, and before every Save
 * checks it again: a change is never overwritten without asking. Reload
 * lets the window's journal go as a leftover (its unsaved edits are then
 * offered again, anchored on the new file); Keep Mine accepts that the
 * next Save replaces the other version. A deleted file is said in a
 * banner; the document stays open, modified, until saved again.
 *
 * One question at a time: a change noticed while another question of
 * the window shows (the recovery offer, the annotator question, a save's
 * error, a file chooser, the export dialog) waits until it is answered,
 * and is asked then only if the file still differs from what the window
 * knows; changes made while the question shows are one question. While
 * it shows, the recovery offer waits for it. What Gloss itself saved is
 * known by the hash of the bytes it wrote: its own save is never
 * another program's change.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-document-page-private.h"
#include "gloss-format-native.h"
#include "gloss-recovery.h"
#include "gloss-window-private.h"

/* Editors and git write in several steps: look once they are done. */
#define SETTLE_MS 150

typedef struct
{
  goffset  size;
  gint64   mtime;     /* µs */
  gboolean exists;
} DiskStat;

static DiskStat
stat_file (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;
  DiskStat st = { 0, 0, FALSE };

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return st;
  st.exists = TRUE;
  st.size = g_file_info_get_size (info);
  st.mtime = (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC +
             g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
  return st;
}

static char *
sha256_of (GFile *file)
{
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, NULL);

  return bytes != NULL ? g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes) : NULL;
}

/* Whether the file is not what the window last read or wrote. Size and
 * time first; the hash decides (a touch is no change). */
static gboolean
disk_changed_to (GlossWindow  *self,
                 char        **out_sha256)
{
  DiskStat st;
  g_autofree char *sha256 = NULL;

  if (gloss_window_get_file (self) == NULL || self->disk_sha256 == NULL)
    return FALSE;
  st = stat_file (gloss_window_get_file (self));
  /* Gone: saving writes it again and overwrites nothing. */
  if (!st.exists)
    return FALSE;
  if (st.size == self->disk_size && st.mtime == self->disk_mtime)
    return FALSE;
  sha256 = sha256_of (gloss_window_get_file (self));
  if (g_strcmp0 (sha256, self->disk_sha256) == 0)
    {
      self->disk_mtime = st.mtime;
      return FALSE;
    }
  if (out_sha256 != NULL)
    *out_sha256 = g_steal_pointer (&sha256);
  return TRUE;
}

static gboolean
disk_changed (GlossWindow *self)
{
  return disk_changed_to (self, NULL);
}

/* The file as it is now is the one the window knows; @sha256 is its
 * bytes' hash if the caller has it, else the file is read. */
static void
remember_disk (GlossWindow *self,
               const char  *sha256)
{
  DiskStat st = stat_file (gloss_window_get_file (self));

  g_clear_pointer (&self->disk_sha256, g_free);
  self->disk_sha256 = sha256 != NULL ? g_strdup (sha256) : sha256_of (gloss_window_get_file (self));
  self->disk_size = st.size;
  self->disk_mtime = st.mtime;
}

/* The recovery offer waits while the disk's question shows. */
static void
hold_recovery (GlossWindow *self)
{
  if (self->disk_holds_recovery)
    return;
  self->disk_holds_recovery = TRUE;
  _gloss_recovery_hold (self->page);
}

static void
release_recovery (GlossWindow *self)
{
  if (!self->disk_holds_recovery)
    return;
  self->disk_holds_recovery = FALSE;
  if (self->page != NULL)
    _gloss_recovery_release (self->page);
}

/* Marks a message dialog that answered: it may linger a moment (its
 * response emitted by a program closes nothing). */
static GQuark
answered_quark (void)
{
  return g_quark_from_static_string ("gloss-disk-answered");
}

/* Another question of the window: a modal window that shows over it,
 * or over one of its dialogs (a chooser over the export dialog). */
static GtkWindow *
other_question (GlossWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* (transfer none) */
  GtkWindow *found = NULL;

  for (guint i = 0; found == NULL && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);
      GtkWindow *parent;

      if (toplevel == GTK_WINDOW (self) || toplevel == self->disk_dialog ||
          !gtk_widget_get_visible (GTK_WIDGET (toplevel)) ||
          g_object_get_qdata (G_OBJECT (toplevel), answered_quark ()) != NULL ||
          !(gtk_window_get_modal (toplevel) || ADW_IS_MESSAGE_DIALOG (toplevel)))
        continue;
      for (parent = gtk_window_get_transient_for (toplevel); parent != NULL;
           parent = gtk_window_get_transient_for (parent))
        if (parent == GTK_WINDOW (self))
          {
            /* The list of toplevels keeps it. */
            found = toplevel;
            break;
          }
    }
  return found;
}

static gboolean settled_cb      (gpointer     user_data);
static void     blocker_gone_cb (GlossWindow *self);

static void
stop_waiting (GlossWindow *self)
{
  if (self->disk_blocker != NULL)
    g_signal_handlers_disconnect_by_func (self->disk_blocker, blocker_gone_cb, self);
  g_clear_weak_pointer (&self->disk_blocker);
}

/* The other question went: look again once its answer is done (the
 * answer may have asked another, or reloaded the file). */
static void
blocker_gone_cb (GlossWindow *self)
{
  if (self->disk_blocker != NULL && ADW_IS_MESSAGE_DIALOG (self->disk_blocker))
    g_object_set_qdata (G_OBJECT (self->disk_blocker), answered_quark (), GINT_TO_POINTER (TRUE));
  stop_waiting (self);
  g_clear_handle_id (&self->disk_check_id, g_source_remove);
  self->disk_check_id = g_idle_add (settled_cb, self);
}

static void
wait_for (GlossWindow *self,
          GtkWindow   *blocker)
{
  if (self->disk_blocker == blocker)
    return;
  stop_waiting (self);
  g_set_weak_pointer (&self->disk_blocker, blocker);
  g_signal_connect_object (blocker, "notify::visible", G_CALLBACK (blocker_gone_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (blocker, "destroy", G_CALLBACK (blocker_gone_cb), self, G_CONNECT_SWAPPED);
  if (ADW_IS_MESSAGE_DIALOG (blocker))
    g_signal_connect_object (blocker, "response", G_CALLBACK (blocker_gone_cb), self,
                             G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

static void
reload (GlossWindow *self)
{
  g_autoptr(GFile) file = g_object_ref (gloss_window_get_file (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  gboolean done;

  /* Unsaved edits stay in the journal, offered again on the new file
   * (the page lets the old store's journal go as the new one comes);
   * the offer says they are this session's. A project's document is
   * read again through its project (its schema, its registry's entities,
   * its row in the Documents list). */
  self->page->reloading = TRUE;
  if (_gloss_window_project_reload (self, &done, &error) && !done)
    {
      store = gloss_native_read_file (file, &error);
      if (store != NULL)
        _gloss_window_set_store_from (self, store, file, NULL, NULL);
    }
  self->page->reloading = FALSE;

  if (error != NULL)
    {
      g_autofree char *name = gloss_document_page_dup_label (self->page);
      g_autofree char *heading = g_strdup_printf (_("Could Not Reload “%s”"), name);

      _gloss_window_show_error (self, heading, error);
    }
}

static void
changed_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     GlossWindow      *self)
{
  g_clear_weak_pointer (&self->disk_dialog);
  /* Answered: an offer waiting is made now, and made again for the
   * reloaded file if Reload changes the document under it. */
  release_recovery (self);
  if (g_strcmp0 (response, "reload") == 0)
    reload (self);
  else if (g_strcmp0 (response, "keep") == 0 && gloss_window_get_file (self) != NULL)
    {
      /* The user's version wins: Save replaces the file. */
      remember_disk (self, NULL);
      if (g_object_get_data (G_OBJECT (dialog), "saving") != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "win.save", NULL);
    }
  else if (gloss_window_get_file (self) != NULL)
    {
      /* Escape decides nothing: the next Save asks again, and so does
       * another change, but not this one seen again. */
      g_free (self->disk_asked_sha256);
      self->disk_asked_sha256 = sha256_of (gloss_window_get_file (self));
    }
}

static void
ask (GlossWindow *self,
     gboolean     saving)
{
  AdwMessageDialog *dialog;
  GtkWindow *blocker;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;

  /* The question that shows covers this change too: Reload reads the
   * file as it is then, Keep Mine accepts it as it is then. */
  if (self->disk_dialog != NULL || gloss_window_get_file (self) == NULL)
    return;
  blocker = other_question (self);
  if (blocker != NULL)
    {
      self->disk_ask_saving |= saving;
      wait_for (self, blocker);
      return;
    }
  saving |= self->disk_ask_saving;
  self->disk_ask_saving = FALSE;

  name = g_file_get_basename (gloss_window_get_file (self));
  if (gloss_window_get_modified (self))
    body = g_strdup_printf (_("“%s” was changed by another program. Reload it to see the other version "
                              "(your unsaved changes are kept and offered again), or keep your version "
                              "and replace the other one when you save."),
                            name);
  else
    body = g_strdup_printf (_("“%s” was changed by another program. Reload it to see the other version, "
                              "or keep your version and replace the other one when you save."),
                            name);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("File Changed on Disk"), body));
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep Mine"),
                                    "reload", _("_Reload"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "reload", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "reload");
  adw_message_dialog_set_close_response (dialog, "undecided");
  if (saving)
    g_object_set_data (G_OBJECT (dialog), "saving", GINT_TO_POINTER (TRUE));
  g_signal_connect_object (dialog, "response", G_CALLBACK (changed_response_cb), self, 0);
  g_set_weak_pointer (&self->disk_dialog, GTK_WINDOW (dialog));
  hold_recovery (self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The file was deleted: a banner says so under the header bar, with Save
 * and Save As (Save As only when the folder went too), and the document
 * counts as modified, so that closing the window asks before anything is
 * lost. */
static void
show_deleted (GlossWindow *self,
              gboolean     deleted)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GFile) parent = NULL;
  gboolean folder_gone;
  GtkWidget *box, *label, *button;

  if (!deleted)
    {
      if (self->deleted_banner != NULL)
        gtk_revealer_set_reveal_child (self->deleted_banner, FALSE);
      return;
    }
  if (self->deleted_banner == NULL)
    {
      self->deleted_banner = GTK_REVEALER (gtk_revealer_new ());
      gtk_revealer_set_transition_type (self->deleted_banner, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      gtk_widget_add_css_class (box, "journal-banner");
      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      label = gtk_label_new (NULL);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_box_append (GTK_BOX (box), label);
      button = gtk_button_new_with_mnemonic (_("Save _As…"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.save-as");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), button);
      button = gtk_button_new_with_mnemonic (_("_Save"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.save");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "suggested-action");
      gtk_box_append (GTK_BOX (box), button);
      gtk_revealer_set_child (self->deleted_banner, box);
      gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->journal_banner))),
                                  GTK_WIDGET (self->deleted_banner), GTK_WIDGET (self->journal_banner));
    }
  name = g_file_get_basename (gloss_window_get_file (self));
  parent = g_file_get_parent (gloss_window_get_file (self));
  /* Save writes the file where it was, and makes no folder: with its
   * folder gone, only Save As can keep the work. */
  folder_gone = parent != NULL && !g_file_query_exists (parent, NULL);
  if (folder_gone)
    /* Translators: %s is a file name; Save As is the banner's button */
    text = g_strdup_printf (_("The file “%s” was deleted with its folder. The document is still open "
                              "here: Save As puts it elsewhere."), name);
  else
    /* Translators: %s is a file name; Save and Save As are the banner's buttons */
    text = g_strdup_printf (_("The file “%s” was deleted. The document is still open here: Save writes "
                              "it again, Save As puts it elsewhere."), name);
  label = gtk_widget_get_next_sibling (gtk_widget_get_first_child (gtk_revealer_get_child (self->deleted_banner)));
  gtk_label_set_text (GTK_LABEL (label), text);
  /* The banner's buttons: Save As, then Save. */
  gtk_widget_set_visible (gtk_widget_get_last_child (gtk_revealer_get_child (self->deleted_banner)), !folder_gone);
  gtk_revealer_set_reveal_child (self->deleted_banner, TRUE);
  gloss_document_page_mark_unsaved (self->page);
}

static gboolean
settled_cb (gpointer user_data)
{
  GlossWindow *self = user_data;
  g_autofree char *sha256 = NULL;
  GtkWindow *blocker;

  self->disk_check_id = 0;
  if (gloss_window_get_file (self) == NULL || self->disk_sha256 == NULL)
    return G_SOURCE_REMOVE;
  self->disk_n_checks++;
  show_deleted (self, !g_file_query_exists (gloss_window_get_file (self), NULL));
  if (self->disk_dialog != NULL)
    return G_SOURCE_REMOVE;
  /* Looked at once the other question is answered: the file may be
   * back as the window knows it by then (a Reload, a revert). */
  blocker = other_question (self);
  if (blocker != NULL)
    {
      wait_for (self, blocker);
      return G_SOURCE_REMOVE;
    }
  if (disk_changed_to (self, &sha256) &&
      (self->disk_ask_saving || g_strcmp0 (sha256, self->disk_asked_sha256) != 0))
    ask (self, FALSE);
  else
    self->disk_ask_saving = FALSE;
  return G_SOURCE_REMOVE;
}

static void
monitor_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other,
                    GFileMonitorEvent  event,
                    GlossWindow       *self)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      g_clear_handle_id (&self->disk_check_id, g_source_remove);
      self->disk_check_id = g_timeout_add (SETTLE_MS, settled_cb, self);
      break;

    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    default:
      break;
    }
}

void
_gloss_window_disk_track (GlossWindow *self,
                          const char  *file_sha256)
{
  g_autoptr(GError) error = NULL;

  _gloss_window_disk_untrack (self);
  if (gloss_window_get_file (self) == NULL)
    return;
  remember_disk (self, file_sha256);
  /* WATCH_MOVES: an atomic save by another program is a rename onto it. */
  self->monitor = g_file_monitor_file (gloss_window_get_file (self), G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      g_message ("Not watching %s for changes: %s", g_file_peek_path (gloss_window_get_file (self)), error->message);
      return;
    }
  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self, 0);
}

void
_gloss_window_disk_untrack (GlossWindow *self)
{
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_handle_id (&self->disk_check_id, g_source_remove);
  g_clear_pointer (&self->disk_sha256, g_free);
  g_clear_pointer (&self->disk_asked_sha256, g_free);
  show_deleted (self, FALSE);
  stop_waiting (self);
  self->disk_ask_saving = FALSE;
  if (self->disk_dialog != NULL)
    gtk_window_destroy (self->disk_dialog);
  g_clear_weak_pointer (&self->disk_dialog);
  release_recovery (self);
}

gboolean
_gloss_window_disk_check (GlossWindow  *self,
                          GFile        *file,
                          GError      **error)
{
  g_autofree char *name = NULL;

  if (gloss_window_get_file (self) == NULL || !g_file_equal (file, gloss_window_get_file (self)) || !disk_changed (self))
    return TRUE;

  name = g_file_get_basename (file);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
               _("“%s” was changed by another program since Gloss last read or saved it; "
                 "it was not overwritten."), name);
  ask (self, TRUE);
  return FALSE;
}

guint
_gloss_window_disk_get_n_checks (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), 0);

  return self->disk_n_checks;
}

gboolean
_gloss_window_disk_is_waiting (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), FALSE);

  return self->disk_blocker != NULL;
}
