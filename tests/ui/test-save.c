/* test-save.c: a Save that fails loses nothing and says why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The disk "fills up" through GLOSS_TEST_WRITE_FAILURE (the test hook of
 * gloss-atomic-file.c); the folder vanishes for real.
 */
#define _GNU_SOURCE   /* unshare () in fs-test-helpers.h */
#include "config.h"

#include <glib/gstdio.h>

#include "gloss-annotation-view.h"
#include "gloss-application.h"
#include "gloss-format-native.h"
#include "gloss-journal.h"
#include "gloss-window.h"
#include "ui-test-utils.h"
#include "../fs-test-helpers.h"

static GlossApplication *app;

static GlossWindow *
new_window (void)
{
  return new_test_window (app);
}

/* A saved document, a second window on another one (a lived-in session),
 * two edits by key, then Ctrl+S on a full disk. */
static void
test_disk_full (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "save-full", NULL);
  g_autofree char *path = g_build_filename (dir, "article.gloss", NULL);
  g_autofree char *other_path = g_build_filename (g_get_user_data_dir (), "other.gloss", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) other_file = g_file_new_for_path (other_path);
  g_autoptr(GFile) journal = NULL;
  g_autoptr(GlossStore) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *listing = NULL;
  gsize before_len, after_len;
  GlossWindow *other, *window;
  AdwMessageDialog *dialog;
  guint n_edits = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  other = new_window ();
  g_assert_true (gloss_window_open_sample (other, &error));
  wait_for_allocation (GTK_WIDGET (gloss_window_get_view (other)));
  g_assert_true (gloss_window_save_to_file (other, other_file, &error));
  tag_by_key (other, "Vostochny", "3");

  window = new_window ();
  g_assert_true (gloss_window_open_sample (window, &error));
  wait_for_allocation (GTK_WIDGET (gloss_window_get_view (window)));
  g_assert_true (gloss_window_save_to_file (window, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  tag_by_key (window, "Kim Jong Un", "1");
  tag_by_key (window, "Vladimir Putin", "1");
  g_assert_cmpuint (n_mentions (window), ==, 2);
  g_assert_true (gloss_window_get_modified (window));

  g_setenv ("GLOSS_TEST_WRITE_FAILURE", "ENOSPC:4096", TRUE);
  ui_key (GTK_WIDGET (window), "<Control>s");
  g_unsetenv ("GLOSS_TEST_WRITE_FAILURE");

  /* It says why ... */
  dialog = wait_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Save “article.gloss”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "No space left on device"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "the file is unchanged"));

  /* ... the old file is byte for byte as it was, with nothing beside it ... */
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (after, after_len, before, before_len);
  listing = list_folder (dir);
  g_assert_cmpstr (listing, ==, "article.gloss");

  /* ... the edits are kept and the document still modified ... */
  g_assert_cmpuint (n_mentions (window), ==, 2);
  g_assert_true (gloss_window_get_modified (window));
  adw_message_dialog_response (dialog, "close");
  iterate ();

  /* ... and the journal still holds both edits: after a crash now, they
   * are offered back. */
  g_assert_true (gloss_journal_is_held (file));
  gtk_window_destroy (GTK_WINDOW (window));   /* the crash: no close request */
  iterate ();
  journal = gloss_journal_find (file, NULL);
  g_assert_nonnull (journal);
  reloaded = gloss_native_read_file (file, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_journal_check (reloaded, journal, &n_edits, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_edits, ==, 2);

  gtk_window_destroy (GTK_WINDOW (other));
  iterate ();
}

static gboolean
saved (gpointer data)
{
  return !gloss_window_get_modified (data);
}

static gboolean
chooser_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
chooser_gone (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

/* Ctrl+S fails (the file's folder does not let it be written): the
 * dialog offers Save As…, which opens the Save As chooser; saved there,
 * the document is in the new file and the old one is as it was. */
static void
test_save_as_after_failure (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "save-refused", NULL);
  g_autofree char *path = g_build_filename (dir, "article.gloss", NULL);
  g_autofree char *rescue_dir = g_build_filename (g_get_user_data_dir (), "save-rescued", NULL);
  g_autofree char *rescue_path = g_build_filename (rescue_dir, "rescued.gloss", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) rescue = g_file_new_for_path (rescue_path);
  g_autoptr(GFile) rescue_folder = g_file_new_for_path (rescue_dir);
  g_autoptr(GlossStore) rescued = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  GtkWidget *chooser;
  GlossWindow *window;
  AdwMessageDialog *dialog;

  if (!ui_test_require_input ())
    return;
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (rescue_dir, 0700), ==, 0);
  ui_recent_folder_make ();   /* the recent files' folder, of the first test, is gone */
  window = new_window ();
  g_assert_true (gloss_window_open_sample (window, &error));
  wait_for_allocation (GTK_WIDGET (gloss_window_get_view (window)));
  g_assert_true (gloss_window_save_to_file (window, file, &error));
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  tag_by_key (window, "Kim Jong Un", "1");

  g_setenv ("GLOSS_TEST_WRITE_FAILURE", "EACCES", TRUE);
  ui_key (GTK_WIDGET (window), "<Control>s");
  g_unsetenv ("GLOSS_TEST_WRITE_FAILURE");
  dialog = wait_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Save “article.gloss”");
  ui_click_response (dialog, "Save As…");

  chooser = g_object_ref (ui_wait_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  g_assert_true (ui_wait_until (chooser_mapped, chooser, UI_TEST_TIMEOUT_MS));
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), rescue_folder, &error));
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "rescued.gloss");
  ui_wait_chooser_file (chooser, rescue);
  ui_present_focused (GTK_WINDOW (chooser));
  ui_key (chooser, "Return");
  g_assert_true (ui_wait_until (chooser_gone, chooser, UI_TEST_TIMEOUT_MS));
  g_object_unref (chooser);
  g_assert_true (ui_wait_until (saved, window, UI_TEST_TIMEOUT_MS));

  g_assert_true (g_file_equal (gloss_window_get_file (window), rescue));
  rescued = gloss_native_read_file (rescue, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_store_get_n_items (rescued, GLOSS_KIND_MENTION), ==, 1);
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (after, after_len, before, before_len);
  ui_window_destroy (GTK_WINDOW (window));
}

/* The folder was removed behind the window's back. */
static void
test_vanished_folder (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "save-vanished", NULL);
  g_autofree char *path = g_build_filename (dir, "article.gloss", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossWindow *window;
  AdwMessageDialog *dialog;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  window = new_window ();
  g_assert_true (gloss_window_open_sample (window, &error));
  wait_for_allocation (GTK_WIDGET (gloss_window_get_view (window)));
  g_assert_true (gloss_window_save_to_file (window, file, &error));
  tag_by_key (window, "Kim Jong Un", "1");

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  ui_key (GTK_WIDGET (window), "<Control>s");

  dialog = wait_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "does not exist"));
  g_assert_true (gloss_window_get_modified (window));
  g_assert_cmpuint (n_mentions (window), ==, 1);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  adw_message_dialog_response (dialog, "close");
  iterate ();
  ui_window_destroy (GTK_WINDOW (window));
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/save/disk-full", test_disk_full);
  g_test_add_func ("/ui/save/vanished-folder", test_vanished_folder);
  g_test_add_func ("/ui/save/save-as-after-failure", test_save_as_after_failure);
}

int
main (int   argc,
      char *argv[])
{
  return ui_test_main (&argc, &argv, &app, add_tests);
}
