/* test-journal-window.c: one journal per document, held by its window;
 * external changes; Escape on the recovery dialog; a failing journal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test counts the edits made by key and checks that none is lost:
 * a crash is a window destroyed without a close request (its journal
 * stays on disk, unheld, as after a kill).
 */
#include "config.h"

#include <errno.h>

#include <glib/gstdio.h>

#include "gloss-annotation-view.h"
#include "gloss-application.h"
#include "gloss-format-native.h"
#include "gloss-journal-private.h"
#include "gloss-recovery.h"
#include "gloss-window.h"
#include "ui-test-utils.h"

static GlossApplication *app;

static GlossWindow *
new_window (void)
{
  GlossWindow *window = gloss_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 620, 460);
  present_and_wait (GTK_WINDOW (window));
  return window;
}

static void
crash_window (GlossWindow *window)
{
  ui_window_destroy (GTK_WINDOW (window));
}

static AdwMessageDialog *
find_dialog (GlossWindow *window,
             const char  *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* (transfer none) */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_window_get_transient_for (GTK_WINDOW (toplevel)) == GTK_WINDOW (window) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)) &&
          g_object_get_data (toplevel, "answered") == NULL &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (toplevel)), heading) == 0)
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

typedef struct
{
  GlossWindow *window;
  const char  *heading;
} DialogOf;

static gboolean
dialog_shows (gpointer data)
{
  DialogOf *of = data;

  return find_dialog (of->window, of->heading) != NULL;
}

/* Waits for a dialog (the file monitor, a busy machine: the suite's
 * deadline, not a shorter one). */
static AdwMessageDialog *
wait_dialog (GlossWindow *window,
             const char  *heading)
{
  DialogOf of = { window, heading };

  ui_wait_until (dialog_shows, &of, UI_TEST_TIMEOUT_MS);
  iterate ();
  return find_dialog (window, heading);
}

/* Answers @dialog, which then goes as it does after a click on its
 * button (a response emitted by a program closes nothing: a dialog left
 * showing would be a question the window waits for). */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_nonnull (dialog);
  g_object_set_data (G_OBJECT (dialog), "answered", GINT_TO_POINTER (TRUE));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
}

static GFile *
sample_article (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("GLOSS_SAMPLES_DIR"), "kim-putin-vostochny.txt", NULL);

  return g_file_new_for_path (path);
}

/* Opening a document another window holds raises that window; the
 * second never shows it, never offers the first one's live journal. */
static void
test_two_windows (void)
{
  g_autoptr(GFile) file = ui_saved_sample (app, "two.gloss");
  g_autoptr(GFile) article = sample_article ();
  g_autoptr(GError) error = NULL;
  GlossWindow *first, *second, *third;

  first = new_window ();
  g_assert_true (gloss_window_open_file (first, file, &error));
  tag_by_key (first, "Vladimir Putin", "1");
  tag_by_key (first, "Kim Jong Un", "1");

  second = new_window ();
  g_assert_true (gloss_window_open_file (second, file, &error));
  g_assert_no_error (error);
  iterate ();
  g_assert_false (gloss_window_has_document (second));
  g_assert_null (find_dialog (second, "Recover Unsaved Changes?"));
  g_assert_null (find_dialog (first, "Recover Unsaved Changes?"));
  g_assert_null (gloss_journal_find (file, NULL));

  /* The application's Open (a second `gloss two.gloss`) finds it too; the
   * test's application is registered without HANDLES_OPEN. */
  G_APPLICATION_GET_CLASS (app)->open (G_APPLICATION (app), &file, 1, "");
  iterate ();
  g_assert_false (gloss_window_has_document (second));

  /* Saving another document as this one is refused while it is open. */
  g_assert_true (gloss_window_open_sample (second, &error));
  g_assert_false (gloss_window_save_to_file (second, file, &error));
  g_assert_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_HELD);
  g_clear_error (&error);
  g_assert_cmpuint (n_mentions (first), ==, 2);

  /* Two windows on one unsaved article: a journal each. */
  g_assert_true (gloss_window_open_file (second, article, &error));
  third = new_window ();
  g_assert_true (gloss_window_open_file (third, article, &error));
  iterate ();
  g_assert_null (find_dialog (third, "Recover Unsaved Changes?"));
  tag_by_key (second, "Vostochny", "3");
  tag_by_key (third, "Russia", "3");
  tag_by_key (second, "North Korea", "3");
  g_assert_cmpuint (n_mentions (second), ==, 2);
  g_assert_cmpuint (n_mentions (third), ==, 1);
  g_assert_false (g_file_equal (gloss_journal_get_file (gloss_document_page_get_journal (gloss_window_get_page (second))),
                                gloss_journal_get_file (gloss_document_page_get_journal (gloss_window_get_page (third)))));
  crash_window (third);
  crash_window (second);
  crash_window (first);

  /* Every edit comes back, each to its own document. */
  first = new_window ();
  g_assert_true (gloss_window_open_file (first, file, &error));
  respond (wait_dialog (first, "Recover Unsaved Changes?"), "recover");
  g_assert_nonnull (ui_mention_of (first, "Vladimir Putin"));
  g_assert_nonnull (ui_mention_of (first, "Kim Jong Un"));
  g_assert_cmpuint (n_mentions (first), ==, 2);

  second = new_window ();
  g_assert_true (gloss_window_open_file (second, article, &error));
  respond (wait_dialog (second, "Recover Unsaved Changes?"), "recover");
  /* The next leftover of the same article is offered after the first. */
  respond (wait_dialog (second, "Recover Unsaved Changes?"), "recover");
  g_assert_nonnull (ui_mention_of (second, "Vostochny"));
  g_assert_nonnull (ui_mention_of (second, "North Korea"));
  g_assert_nonnull (ui_mention_of (second, "Russia"));
  g_assert_null (gloss_journal_find (NULL, article));

  gtk_window_destroy (GTK_WINDOW (second));   /* unsaved: no close dialog */
  gtk_widget_activate_action (GTK_WIDGET (first), "win.save", NULL);
  gtk_window_close (GTK_WINDOW (first));
  iterate ();
  g_assert_null (gloss_journal_find (file, NULL));
  g_assert_false (gloss_journal_is_held (file));
}

/* Two files with the same text never see each other's journal. */
static void
test_same_text (void)
{
  g_autoptr(GFile) a = ui_saved_sample (app, "same-a.gloss");
  g_autoptr(GFile) b = ui_saved_sample (app, "same-b.gloss");
  g_autoptr(GError) error = NULL;
  GlossWindow *window;

  window = new_window ();
  g_assert_true (gloss_window_open_file (window, a, &error));
  tag_by_key (window, "Vladimir Putin", "1");
  crash_window (window);

  window = new_window ();
  g_assert_true (gloss_window_open_file (window, b, &error));
  iterate ();
  g_assert_null (find_dialog (window, "Recover Unsaved Changes?"));
  tag_by_key (window, "Kim Jong Un", "1");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  gtk_window_close (GTK_WINDOW (window));
  iterate ();

  window = new_window ();
  g_assert_true (gloss_window_open_file (window, a, &error));
  respond (wait_dialog (window, "Recover Unsaved Changes?"), "recover");
  g_assert_nonnull (ui_mention_of (window, "Vladimir Putin"));
  g_assert_null (ui_mention_of (window, "Kim Jong Un"));
  ui_window_destroy (GTK_WINDOW (window));
}

/* A git pull under an open window: it says so; Reload takes their
 * version and offers the unsaved edits again, applied onto it; Save never
 * overwrites their version without asking. */
static void
test_external_change (void)
{
  g_autoptr(GFile) file = ui_saved_sample (app, "external.gloss");
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;
  GlossWindow *window;

  window = new_window ();
  g_assert_true (gloss_window_open_file (window, file, &error));
  tag_by_key (window, "Vladimir Putin", "1");
  tag_by_key (window, "Kim Jong Un", "1");

  ui_write_theirs (file, "Vostochny");
  dialog = wait_dialog (window, "File Changed on Disk");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "external.gloss"));
  respond (dialog, "reload");

  /* Their version, and the edits offered back on it. */
  g_assert_nonnull (ui_mention_of (window, "Vostochny"));
  dialog = wait_dialog (window, "Recover Unsaved Changes?");
  g_assert_nonnull (dialog);
  /* Gloss did not close: the edits are those made before the reload. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "“external.gloss” has 2 edits that were not saved before the file was reloaded."));
  g_assert_null (strstr (adw_message_dialog_get_body (dialog), "closed"));
  respond (dialog, "recover");
  g_assert_null (find_dialog (window, "Some Edits Were Not Applied"));
  g_assert_nonnull (ui_mention_of (window, "Vladimir Putin"));
  g_assert_nonnull (ui_mention_of (window, "Kim Jong Un"));
  g_assert_nonnull (ui_mention_of (window, "Vostochny"));
  g_assert_null (gloss_journal_find (file, NULL));

  /* Changed again, then a save before the monitor says anything (the
   * action at once: a real key press lets the main loop run, and the
   * monitor would speak first). */
  ui_write_theirs (file, "North Korea");
  g_assert_true (g_file_get_contents (g_file_peek_path (file), &theirs, NULL, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (g_file_get_contents (g_file_peek_path (file), &after, NULL, NULL));
  g_assert_cmpstr (after, ==, theirs);
  g_assert_true (gloss_window_get_modified (window));
  dialog = wait_dialog (window, "File Changed on Disk");
  g_assert_nonnull (dialog);

  /* Keep Mine: saved over theirs, on purpose. */
  respond (dialog, "keep");
  g_assert_false (gloss_window_get_modified (window));
  g_clear_pointer (&after, g_free);
  g_assert_true (g_file_get_contents (g_file_peek_path (file), &after, NULL, NULL));
  g_assert_nonnull (strstr (after, "Vladimir Putin"));
  g_assert_null (strstr (after, "\"North Korea\""));

  gtk_window_close (GTK_WINDOW (window));
  iterate ();
}

/* A click on the button @label of @dialog, which then goes. */
static void
click_response (AdwMessageDialog *dialog,
                const char       *label)
{
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  ui_click_center (ui_wait_label (GTK_WIDGET (dialog), label));
  g_assert_true (ui_wait_until (ui_widget_gone, &dialog, UI_TEST_TIMEOUT_MS));
  if (dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
}

/* The same under a project's document: Reload reads it again through
 * its project, so that its row in the Documents list keeps following the
 * edits and Ctrl+S keeps recording its progress in the project. */
static void
test_external_change_in_project (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "summit", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  const char *texts[] = { "Kim Jong Un met Vladimir Putin at Vostochny.\n" };
  const char *names[] = { "meeting.txt" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GlossProject) saved = NULL;
  g_autoptr(GlossProjectDocument) document = NULL;
  GlossWindow *window;
  GlossStore *store;
  guint start;

  ui_project_make (folder, texts, names, G_N_ELEMENTS (texts), NULL);
  window = gloss_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  present_and_wait (GTK_WINDOW (window));
  g_assert_true (gloss_window_open_project (window, folder, &error));
  g_assert_no_error (error);
  tag_by_key (window, "Kim Jong Un", "1");
  file = g_object_ref (gloss_window_get_file (window));

  /* Both answered by clicks: no dialog is left over the text. */
  ui_write_theirs (file, "Vostochny");
  click_response (wait_dialog (window, "File Changed on Disk"), "Reload");
  click_response (wait_dialog (window, "Recover Unsaved Changes?"), "Apply");
  g_assert_nonnull (ui_mention_of (window, "Vostochny"));
  g_assert_nonnull (ui_mention_of (window, "Kim Jong Un"));

  /* A real drag and key on the reloaded document, in the window alone. */
  ui_present_focused (GTK_WINDOW (window));
  store = gloss_window_get_store (window);
  start = find_text (store, "Vladimir Putin", 0);
  ui_drag_text (GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window)), start, text_end ("Vladimir Putin", start));
  ui_key (GTK_WIDGET (window), "1");
  ui_wait_label (GTK_WIDGET (window), "3 mentions · 0 claims");
  ui_key (GTK_WIDGET (window), "<Control>s");
  g_assert_true (wait_toast (GTK_WIDGET (window), "Saved “meeting”", TRUE, UI_TEST_TIMEOUT_MS));
  g_assert_false (gloss_window_get_modified (window));

  saved = gloss_project_load (folder, gloss_project_get_annotator (gloss_window_get_project (window)), &error);
  g_assert_no_error (error);
  document = g_list_model_get_item (gloss_project_get_documents (saved), 0);
  g_assert_cmpuint (gloss_project_document_get_n_mentions (document), ==, 3);

  gtk_window_close (GTK_WINDOW (window));
  iterate ();
}

/* Escape on "Recover Unsaved Changes?" keeps the edits and asks again;
 * only a click on Discard lets them go, into discarded/. */
static void
test_escape (void)
{
  g_autoptr(GFile) file = ui_saved_sample (app, "escape.gloss");
  g_autoptr(GFile) leftover = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *discarded = NULL;
  AdwMessageDialog *dialog;
  GlossWindow *window;

  window = new_window ();
  g_assert_true (gloss_window_open_file (window, file, &error));
  tag_by_key (window, "Vladimir Putin", "1");
  tag_by_key (window, "Kim Jong Un", "1");
  crash_window (window);
  leftover = gloss_journal_find (file, NULL);
  g_assert_nonnull (leftover);

  window = new_window ();
  g_assert_true (gloss_window_open_file (window, file, &error));
  dialog = wait_dialog (window, "Recover Unsaved Changes?");
  g_assert_nonnull (dialog);
  /* What Escape does in an AdwMessageDialog. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  iterate ();
  g_assert_null (find_dialog (window, "Recover Unsaved Changes?"));
  g_assert_true (g_file_query_exists (leftover, NULL));
  g_assert_false (gloss_window_get_modified (window));
  g_assert_cmpuint (n_mentions (window), ==, 0);
  gtk_window_close (GTK_WINDOW (window));
  iterate ();
  g_assert_true (g_file_query_exists (leftover, NULL));

  /* Asked again; Discard sets the journal aside for a week. */
  window = new_window ();
  g_assert_true (gloss_window_open_file (window, file, &error));
  dialog = wait_dialog (window, "Recover Unsaved Changes?");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2 edits"));
  respond (dialog, "discard");
  g_assert_false (g_file_query_exists (leftover, NULL));
  name = g_file_get_basename (leftover);
  discarded = g_build_filename (g_get_user_state_dir (), "gloss", "journal", "discarded", name, NULL);
  g_assert_true (g_file_test (discarded, G_FILE_TEST_IS_REGULAR));
  g_assert_null (gloss_journal_find (file, NULL));
  gtk_window_close (GTK_WINDOW (window));
  iterate ();
}

static GtkWidget *
find_banner (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (gtk_widget_has_css_class (child, "journal-banner"))
        return gtk_widget_get_parent (child);
      found = find_banner (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A journal that cannot write says so at once, in the window, and the
 * edits made meanwhile reach it at the first edit that can. */
static void
test_failing_journal (void)
{
  g_autoptr(GFile) file = ui_saved_sample (app, "failing.gloss");
  g_autoptr(GError) error = NULL;
  GlossWindow *window;
  GlossJournal *journal;
  GtkWidget *banner;

  window = new_window ();
  g_assert_true (gloss_window_open_file (window, file, &error));
  banner = find_banner (GTK_WIDGET (window));
  g_assert_nonnull (banner);
  journal = gloss_document_page_get_journal (gloss_window_get_page (window));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));

  _gloss_journal_inject_failure (journal, ENOSPC);
  tag_by_key (window, "Vladimir Putin", "1");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_true (label_contains (banner, "Changes are not being protected: "));
  g_assert_true (label_contains (banner, "No space left on device"));
  tag_by_key (window, "Kim Jong Un", "1");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));

  _gloss_journal_inject_failure (journal, 0);
  tag_by_key (window, "Vostochny", "3");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  crash_window (window);

  window = new_window ();
  g_assert_true (gloss_window_open_file (window, file, &error));
  respond (wait_dialog (window, "Recover Unsaved Changes?"), "recover");
  g_assert_nonnull (ui_mention_of (window, "Vladimir Putin"));
  g_assert_nonnull (ui_mention_of (window, "Kim Jong Un"));
  g_assert_nonnull (ui_mention_of (window, "Vostochny"));
  ui_window_destroy (GTK_WINDOW (window));
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/journal/two-windows", test_two_windows);
  g_test_add_func ("/ui/journal/same-text", test_same_text);
  g_test_add_func ("/ui/journal/external-change", test_external_change);
  g_test_add_func ("/ui/journal/external-change-in-project", test_external_change_in_project);
  g_test_add_func ("/ui/journal/escape", test_escape);
  g_test_add_func ("/ui/journal/failing", test_failing_journal);
}

int
main (int   argc,
      char *argv[])
{
  return ui_test_main (&argc, &argv, &app, add_tests);
}
