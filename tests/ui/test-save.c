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
}

int
main (int   argc,
      char *argv[])
{
  return ui_test_main (&argc, &argv, &app, add_tests);
}
