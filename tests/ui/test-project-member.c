/* test-project-member.c: who annotates a project when the name in
 * Preferences changes, and a save that fails when moving to the next
 * document, by real keys and clicks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "gloss-annotator.h"
#include "gloss-journal.h"
#include "gloss-window.h"
#include "ui-test-utils.h"

static GlossApplication *app;

static const char *const texts[] = {
  "Kim Jong Un arrived in Vladivostok on Tuesday.\n",
  "Officials in Syria said the talks would go on.\n",
};

static GSettings *
app_settings (void)
{
  g_autoptr(GSettingsSchema) schema =
    g_settings_schema_source_lookup (g_settings_schema_source_get_default (), BASE_APP_ID, TRUE);

  g_assert_nonnull (schema);
  return g_settings_new_full (schema, NULL, NULL);
}

/* @name in the test's data folder: two documents; @annotator, when
 * given, has tagged Kim Jong Un in the first and marked it done. */
static GFile *
make_project (const char *name,
              const char *annotator)
{
  g_autofree char *path = ui_test_path (name);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  const char *names[] = { "a-first.txt", "b-second.txt" };
  g_autoptr(GError) error = NULL;

  ui_project_make (folder, (const char * const *) texts, names, G_N_ELEMENTS (texts), annotator);
  if (annotator != NULL)
    {
      g_autoptr(GlossProject) project = gloss_project_load (folder, annotator, &error);
      GlossProjectDocument *first = gloss_project_lookup (project, "a-first");
      g_autoptr(GlossStore) store = gloss_project_open_document (project, first, &error);
      guint start;

      g_assert_no_error (error);
      start = find_text (store, "Kim Jong Un", 0);
      add_mention (store, "PER", start, start + 11, NULL);
      gloss_project_document_set_status (first, GLOSS_PROGRESS_DONE);
      g_assert_true (gloss_project_save_document (project, first, store, &error));
      g_assert_no_error (error);
    }
  return g_steal_pointer (&folder);
}

static gboolean
shows_second (gpointer data)
{
  GlossStore *store = gloss_window_get_store (data);

  return store != NULL && g_str_has_prefix (gloss_document_get_text (gloss_store_get_document (store)), "Officials");
}

static gboolean
shows_first (gpointer data)
{
  GlossStore *store = gloss_window_get_store (data);

  return store != NULL && g_str_has_prefix (gloss_document_get_text (gloss_store_get_document (store)), "Kim");
}

static gboolean
annotator_is (GlossWindow *window,
              const char  *annotator)
{
  GlossProject *project = gloss_window_get_project (window);

  return project != NULL && g_strcmp0 (gloss_project_get_annotator (project), annotator) == 0;
}

static gboolean
annotator_is_bea (gpointer data)
{
  return annotator_is (data, "Bea Brown") && gloss_window_get_store (data) != NULL;
}

static gboolean
saved (gpointer data)
{
  return !gloss_window_get_modified (data);
}

/* The message dialogs over @window. */
static guint
n_dialogs (GlossWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* (transfer none) */
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)) &&
          gtk_window_get_transient_for (GTK_WINDOW (toplevel)) == GTK_WINDOW (window))
        n++;
    }
  return n;
}

/* Whether no message dialog shows over @data, a window. */
static gboolean
no_dialog (gpointer data)
{
  return n_dialogs (data) == 0;
}

static GlossWindow *
open_project (GFile *folder)
{
  return ui_project_window (app, folder);
}

static gboolean
file_named (GFile      *file,
            const char *name)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_str_equal (basename, name);
}

/* "root" did the work; Preferences say "Ana Analyst": the project opens
 * as root and offers to go on (Return does). Renamed again while it is
 * open, the window goes on as root, files and authors alike; the next
 * time, it asks again, and "Start as" makes the new name the annotator. */
static void
test_rename (void)
{
  g_autoptr(GSettings) settings = app_settings ();
  g_autoptr(GFile) folder = NULL;
  g_autofree char *ana_path = NULL;
  g_autofree char *bea_path = NULL;
  AdwMessageDialog *dialog;
  GlossWindow *window;
  GlossProjectDocument *first;
  g_autoptr(GObject) mention = NULL;

  if (!ui_test_require_input ())
    return;
  folder = make_project ("summit-rename", "root");
  g_settings_set_string (settings, "author", "Ana Analyst");

  window = open_project (folder);
  g_assert_true (annotator_is (window, "root"));
  g_assert_true (file_named (gloss_window_get_file (window), "root.gloss"));
  first = gloss_project_lookup (gloss_window_get_project (window), "a-first");
  g_assert_cmpint (gloss_project_document_get_status (first), ==, GLOSS_PROGRESS_DONE);
  g_assert_cmpuint (gloss_project_document_get_n_mentions (first), ==, 1);
  dialog = wait_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Continue as “root”?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“Ana Analyst”"));
  ui_present_focused (GTK_WINDOW (dialog));
  ui_key (GTK_WIDGET (dialog), "Return");
  g_assert_true (ui_wait_until (no_dialog, window, UI_TEST_TIMEOUT_MS));
  g_assert_true (annotator_is (window, "root"));

  /* Renamed while the project is open. */
  g_settings_set_string (settings, "author", "Bea Brown");
  g_assert_true (wait_toast (GTK_WIDGET (window), "This project goes on as “root” until it is opened again",
                             TRUE, UI_TEST_TIMEOUT_MS));
  ui_key (GTK_WIDGET (window), "<Alt>Right");
  g_assert_true (ui_wait_until (shows_second, window, UI_TEST_TIMEOUT_MS));
  tag_by_key (window, "Syria", "3");
  mention = g_list_model_get_item (gloss_store_get_list (gloss_window_get_store (window), GLOSS_KIND_MENTION), 0);
  g_assert_cmpstr (gloss_annotation_get_author (GLOSS_ANNOTATION (mention)), ==, "root");
  ui_key (GTK_WIDGET (window), "<Control>s");
  g_assert_true (ui_wait_until (saved, window, UI_TEST_TIMEOUT_MS));
  g_assert_true (file_named (gloss_window_get_file (window), "root.gloss"));
  ana_path = g_build_filename (g_file_peek_path (folder), "documents", "b-second", "Ana Analyst.gloss", NULL);
  bea_path = g_build_filename (g_file_peek_path (folder), "documents", "b-second", "Bea Brown.gloss", NULL);
  g_assert_false (g_file_test (ana_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (bea_path, G_FILE_TEST_EXISTS));
  ui_window_destroy (GTK_WINDOW (window));

  /* Opened again under the new name: asked again; Start as makes it so. */
  window = open_project (folder);
  g_assert_true (annotator_is (window, "root"));
  dialog = wait_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“Bea Brown”"));
  ui_click_response (dialog, "Start as “Bea Brown”");
  g_assert_true (ui_wait_until (annotator_is_bea, window, UI_TEST_TIMEOUT_MS));
  g_assert_true (file_named (gloss_window_get_file (window), "Bea Brown.gloss"));
  /* root's work is where it was. */
  first = gloss_project_lookup (gloss_window_get_project (window), "a-first");
  g_assert_cmpint (gloss_project_document_get_status (first), ==, GLOSS_PROGRESS_TODO);
  ui_window_destroy (GTK_WINDOW (window));

  /* Decided: no question the next time. */
  window = open_project (folder);
  g_assert_true (annotator_is (window, "Bea Brown"));
  g_assert_true (no_dialog (window));
  ui_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "author");
  g_settings_reset (settings, "project-annotators");
}

/* Whether the recovery is offered over @data, a window, and nothing else. */
static gboolean
recovery_asked (gpointer data)
{
  AdwMessageDialog *dialog;

  if (n_dialogs (data) != 1)
    return FALSE;
  dialog = wait_message_dialog (data);
  return g_str_equal (adw_message_dialog_get_heading (dialog), "Recover Unsaved Changes?");
}

static gboolean
page_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (gloss_window_get_page (data)));
}

/* The window, once it shows the project and whatever it asks at once
 * has been asked: the one question there is. */
static AdwMessageDialog *
open_with_question (GFile      *folder,
                    const char *heading)
{
  GlossWindow *window = open_project (folder);
  AdwMessageDialog *dialog;

  g_assert_true (ui_wait_until (page_mapped, window, UI_TEST_TIMEOUT_MS));
  dialog = wait_message_dialog (window);
  g_assert_nonnull (dialog);
  iterate ();
  g_assert_cmpuint (n_dialogs (window), ==, 1);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  return dialog;
}

/* Ana tagged Syria, then Gloss was killed; Preferences now say Bea. The
 * project asks whom to annotate as, and only that: the recovery of Ana's
 * edit waits for the answer. Start as Bea: Bea's file has nothing to
 * recover, and Ana's journal stays. Asked again, Continue as Ana: now
 * the recovery is offered, and Recover brings the edit back. */
static void
test_recover_after_question (void)
{
  g_autoptr(GSettings) settings = app_settings ();
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) ana_file = NULL;
  g_autoptr(GFile) leftover = NULL;
  AdwMessageDialog *dialog;
  GlossWindow *window;

  if (!ui_test_require_input ())
    return;
  folder = make_project ("summit-recover", "Ana Analyst");
  g_settings_set_string (settings, "author", "Ana Analyst");
  window = open_project (folder);
  g_assert_true (shows_second (window));
  ana_file = g_object_ref (gloss_window_get_file (window));
  tag_by_key (window, "Syria", "3");
  ui_window_destroy (GTK_WINDOW (window));   /* killed: the journal stays */
  leftover = gloss_journal_find (ana_file, NULL);
  g_assert_nonnull (leftover);

  g_settings_set_string (settings, "author", "Bea Brown");
  dialog = open_with_question (folder, "Continue as “Ana Analyst”?");
  window = GLOSS_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  ui_click_response (dialog, "Start as “Bea Brown”");
  g_assert_true (ui_wait_until (annotator_is_bea, window, UI_TEST_TIMEOUT_MS));
  g_assert_true (shows_first (window));
  iterate ();
  g_assert_true (no_dialog (window));
  g_assert_cmpuint (n_mentions (window), ==, 0);
  g_assert_true (g_file_query_exists (leftover, NULL));
  ui_window_destroy (GTK_WINDOW (window));

  g_settings_reset (settings, "project-annotators");
  dialog = open_with_question (folder, "Continue as “Ana Analyst”?");
  window = GLOSS_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  ui_click_response (dialog, "Continue as “Ana Analyst”");
  g_assert_true (ui_wait_until (recovery_asked, window, UI_TEST_TIMEOUT_MS));
  g_assert_cmpuint (n_dialogs (window), ==, 1);
  dialog = wait_message_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Recover Unsaved Changes?");
  g_assert_true (g_file_equal (gloss_window_get_file (window), ana_file));
  ui_click_response (dialog, "Recover");
  g_assert_true (wait_toast (GTK_WIDGET (window), "Recovered 1 edit", TRUE, UI_TEST_TIMEOUT_MS));
  g_assert_cmpuint (n_mentions (window), ==, 1);
  g_assert_false (g_file_query_exists (leftover, NULL));
  ui_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "author");
  g_settings_reset (settings, "project-annotators");
}

/* A project the annotator has worked on (the first document done, a
 * second window on another project); Alt+Right with the disk full: the
 * save failed, so it says so, and the document stays with its edits. */
static void
test_next_on_full_disk (void)
{
  g_autofree char *annotator = gloss_annotator_default_name ();
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) other_folder = NULL;
  g_autoptr(GFile) first_file = NULL;
  AdwMessageDialog *dialog;
  GlossWindow *window, *other;

  if (!ui_test_require_input ())
    return;
  folder = make_project ("summit-full", annotator);
  other_folder = make_project ("summit-other", annotator);
  other = open_project (other_folder);
  window = open_project (folder);
  g_assert_true (shows_second (window));
  ui_key (GTK_WIDGET (window), "<Alt>Left");
  g_assert_true (ui_wait_until (shows_first, window, UI_TEST_TIMEOUT_MS));
  first_file = g_object_ref (gloss_window_get_file (window));
  tag_by_key (window, "Vladivostok", "3");
  g_assert_true (gloss_window_get_modified (window));

  g_setenv ("GLOSS_TEST_WRITE_FAILURE", "ENOSPC", TRUE);
  ui_key (GTK_WIDGET (window), "<Alt>Right");
  dialog = wait_message_dialog (window);
  g_unsetenv ("GLOSS_TEST_WRITE_FAILURE");
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Save “a-first”");   /* as after Ctrl+S */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "No space left on device"));
  g_assert_true (g_file_equal (gloss_window_get_file (window), first_file));
  g_assert_false (shows_second (window));
  g_assert_true (gloss_window_get_modified (window));
  g_assert_cmpuint (n_mentions (window), ==, 2);
  ui_present_focused (GTK_WINDOW (dialog));
  ui_key (GTK_WIDGET (dialog), "Escape");

  /* Room again: Alt+Right saves and moves on. */
  ui_present_focused (GTK_WINDOW (window));
  ui_key (GTK_WIDGET (window), "<Alt>Right");
  g_assert_true (ui_wait_until (shows_second, window, UI_TEST_TIMEOUT_MS));
  ui_window_destroy (GTK_WINDOW (window));
  ui_window_destroy (GTK_WINDOW (other));
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/project-member/rename", test_rename);
  g_test_add_func ("/ui/project-member/next-on-full-disk", test_next_on_full_disk);
  g_test_add_func ("/ui/project-member/recover-after-question", test_recover_after_question);
}

int
main (int   argc,
      char *argv[])
{
  return ui_test_main (&argc, &argv, &app, add_tests);
}
