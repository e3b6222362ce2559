/* test-recovery.c: a window's crash journal and the offer to recover it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-annotation-view.h"
#include "gloss-application.h"
#include "gloss-format-native.h"
#include "gloss-journal.h"
#include "gloss-window-private.h"
#include "ui-test-utils.h"

static GlossApplication *app;

static GlossWindow *
new_window (void)
{
  GlossWindow *window = gloss_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  return window;
}

/* The crash: the window goes without a close request, so nothing
 * discards its journal. */
static void
crash_window (GlossWindow *window)
{
  ui_window_destroy (GTK_WINDOW (window));
}

static AdwMessageDialog *
find_dialog (GlossWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* (transfer none) */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_window_get_transient_for (GTK_WINDOW (toplevel)) == GTK_WINDOW (window))
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

static GlossMention *
find_mention (GlossStore *store,
              guint       start,
              guint       end)
{
  GListModel *mentions = gloss_store_get_list (store, GLOSS_KIND_MENTION);

  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(GlossAnnotation) m = g_list_model_get_item (mentions, i);

      if (gloss_annotation_get_start (m) == start && gloss_annotation_get_end (m) == end)
        return GLOSS_MENTION (m);
    }
  return NULL;
}

static GFile *
sample_gloss (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "recovery.gloss", NULL);
  GFile *file = g_file_new_for_path (path);
  GlossWindow *window = new_window ();
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_assert_true (gloss_window_open_sample (window, &error));
  g_assert_true (gloss_window_save_to_file (window, file, &error));
  g_assert_no_error (error);
  gtk_window_close (GTK_WINDOW (window));   /* saved: a clean close */
  iterate ();
  g_assert_null (gloss_journal_find (file, NULL));
  return file;
}

static void
tag (GlossWindow *window,
     guint        start,
     guint        end,
     const char  *type)
{
  GlossAnnotationView *view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));

  gloss_annotation_view_select_range (view, start, end);
  gtk_widget_activate_action (GTK_WIDGET (window), "doc.tag", "s", type);
  iterate ();
}

static void
test_recover (void)
{
  g_autoptr(GFile) file = sample_gloss ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) journal_file = NULL;
  AdwMessageDialog *dialog;
  GlossWindow *window;
  GlossStore *store;
  GlossMention *mention;

  window = new_window ();
  g_assert_true (gloss_window_open_file (window, file, &error));
  g_assert_null (find_dialog (window));
  tag (window, 113, 127, "PER");   /* Vladimir Putin */
  tag (window, 224, 235, "PER");   /* Kim Jong Un */
  gtk_widget_activate_action (GTK_WIDGET (window), "doc.undo", NULL);
  iterate ();
  store = gloss_window_get_store (window);
  g_assert_nonnull (find_mention (store, 113, 127));
  g_assert_null (find_mention (store, 224, 235));
  crash_window (window);

  journal_file = gloss_journal_find (file, NULL);
  g_assert_nonnull (journal_file);

  /* Reopening offers the edits back. */
  window = new_window ();
  g_assert_true (gloss_window_open_file (window, file, &error));
  g_assert_no_error (error);
  iterate ();
  dialog = find_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Recover Unsaved Changes?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "recovery.gloss"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "3 edits"));
  g_assert_false (gloss_window_get_modified (window));

  adw_message_dialog_response (dialog, "recover");
  iterate ();
  store = gloss_window_get_store (window);
  mention = find_mention (store, 113, 127);
  g_assert_nonnull (mention);
  g_assert_cmpstr (gloss_annotation_get_type_id (GLOSS_ANNOTATION (mention)), ==, "PER");
  g_assert_nonnull (gloss_mention_get_entity (mention));
  g_assert_null (find_mention (store, 224, 235));
  g_assert_true (gloss_window_get_modified (window));
  g_assert_cmpstr (gloss_store_get_undo_label (store), ==, "Recover unsaved edits");

  /* Recovered edits are journaled again: a second crash keeps them. */
  crash_window (window);
  window = new_window ();
  g_assert_true (gloss_window_open_file (window, file, &error));
  iterate ();
  dialog = find_dialog (window);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "recover");
  iterate ();
  g_assert_nonnull (find_mention (gloss_window_get_store (window), 113, 127));

  /* The leftover went once its edits were in the new journal. */
  g_assert_false (g_file_query_exists (journal_file, NULL));

  /* Saving starts the journal over; closing cleanly deletes it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  iterate ();
  g_assert_false (gloss_window_get_modified (window));
  g_assert_true (gloss_journal_is_held (file));
  gtk_window_close (GTK_WINDOW (window));
  iterate ();
  g_assert_false (gloss_journal_is_held (file));
  g_assert_null (gloss_journal_find (file, NULL));

  /* And nothing to offer next time. */
  window = new_window ();
  g_assert_true (gloss_window_open_file (window, file, &error));
  iterate ();
  g_assert_null (find_dialog (window));
  g_assert_nonnull (find_mention (gloss_window_get_store (window), 113, 127));
  gtk_window_close (GTK_WINDOW (window));
  iterate ();
}

static void
test_discard (void)
{
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GlossWindow *window;

  /* The bundled sample, never saved: the journal is keyed by its text. */
  window = new_window ();
  g_assert_true (gloss_window_open_sample (window, &error));
  tag (window, 113, 127, "PER");
  crash_window (window);

  window = new_window ();
  g_assert_true (gloss_window_open_sample (window, &error));
  iterate ();
  dialog = find_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "1 edit"));
  adw_message_dialog_response (dialog, "discard");
  iterate ();
  g_assert_null (find_mention (gloss_window_get_store (window), 113, 127));
  g_assert_false (gloss_window_get_modified (window));
  g_assert_null (gloss_journal_find (NULL, NULL));
  gtk_window_close (GTK_WINDOW (window));
  iterate ();
}

typedef struct
{
  GlossWindow *window;
  const char  *heading;
  guint        n;       /* the message dialogs over the window */
  AdwMessageDialog *found;
} Headed;

static gboolean
dialog_headed (gpointer data)
{
  Headed *headed = data;
  GListModel *toplevels = gtk_window_get_toplevels ();   /* (transfer none) */

  headed->n = 0;
  headed->found = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (!ADW_IS_MESSAGE_DIALOG (toplevel) || !gtk_widget_get_visible (GTK_WIDGET (toplevel)) ||
          gtk_window_get_transient_for (GTK_WINDOW (toplevel)) != GTK_WINDOW (headed->window))
        continue;
      headed->n++;
      if (g_str_equal (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (toplevel)), headed->heading))
        headed->found = ADW_MESSAGE_DIALOG (toplevel);
    }
  return headed->found != NULL;
}

static gboolean
widget_gone (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

static gboolean
disk_waiting (gpointer window)
{
  return _gloss_window_disk_is_waiting (window);
}

/* A crash left an edit; the file is opened again and the recovery is
 * offered; meanwhile another program changes the file. Its question
 * waits for the offer (one question at a time): Not Now keeps the edit,
 * then Reload reads the file again, and one offer shows, for the
 * reloaded file; Apply brings the edit back onto their version. */
static void
test_reload_under_offer (void)
{
  g_autoptr(GFile) file = sample_gloss ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) other = NULL;
  g_autoptr(GtkWidget) first_offer = NULL;
  Headed headed = { NULL, NULL, 0, NULL };
  GlossWindow *window;
  guint start;

  if (!ui_test_require_input ())
    return;
  window = new_window ();
  g_assert_true (gloss_window_open_file (window, file, &error));
  ui_present_focused (GTK_WINDOW (window));
  wait_for_allocation (gloss_window_get_view (window));
  tag_by_key (window, "Vladimir Putin", "1");
  crash_window (window);

  window = new_window ();
  ui_present_focused (GTK_WINDOW (window));
  g_assert_true (gloss_window_open_file (window, file, &error));
  headed.window = window;
  headed.heading = "Recover Unsaved Changes?";
  g_assert_true (ui_wait_until (dialog_headed, &headed, UI_TEST_TIMEOUT_MS));
  first_offer = g_object_ref (GTK_WIDGET (headed.found));

  /* Another program: Kim Jong Un tagged in the file. */
  other = gloss_native_read_file (file, &error);
  g_assert_no_error (error);
  start = find_text (other, "Kim Jong Un", 0);
  add_mention (other, "PER", start, start + 11, NULL);
  g_assert_true (gloss_native_write_file (other, file, &error));
  g_assert_no_error (error);

  /* Not stacked over the offer: asked once it is answered. */
  g_assert_true (ui_wait_until (disk_waiting, window, UI_TEST_TIMEOUT_MS));
  g_assert_true (dialog_headed (&headed));
  g_assert_cmpuint (headed.n, ==, 1);
  ui_click_response (headed.found, "Not Now");
  g_assert_true (ui_wait_until (widget_gone, first_offer, UI_TEST_TIMEOUT_MS));
  headed.heading = "File Changed on Disk";
  g_assert_true (ui_wait_until (dialog_headed, &headed, UI_TEST_TIMEOUT_MS));
  g_assert_cmpuint (headed.n, ==, 1);
  ui_click_response (headed.found, "Reload");
  headed.heading = "Recover Unsaved Changes?";
  g_assert_true (ui_wait_until (dialog_headed, &headed, UI_TEST_TIMEOUT_MS));
  g_assert_true (GTK_WIDGET (headed.found) != first_offer);
  g_assert_cmpuint (headed.n, ==, 1);
  g_clear_object (&first_offer);   /* before the window it was over */
  g_assert_nonnull (find_mention (gloss_window_get_store (window), start, start + 11));
  ui_click_response (headed.found, "Apply");
  g_assert_true (wait_toast (GTK_WIDGET (window), "Recovered 1 edit", TRUE, UI_TEST_TIMEOUT_MS));
  g_assert_nonnull (find_mention (gloss_window_get_store (window), 113, 127));
  g_assert_nonnull (find_mention (gloss_window_get_store (window), start, start + 11));
  ui_window_destroy (GTK_WINDOW (window));
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/recovery/recover", test_recover);
  g_test_add_func ("/ui/recovery/discard", test_discard);
  g_test_add_func ("/ui/recovery/reload-under-offer", test_reload_under_offer);
}

int
main (int   argc,
      char *argv[])
{
  return ui_test_main (&argc, &argv, &app, add_tests);
}
