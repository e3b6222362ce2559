/* test-disk-questions.c: “File Changed on Disk”, one question at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Another program changes the open file while the recovery offer shows,
 * or twice in a row; Gloss saves it itself. The window asks once, after
 * the question that shows, only about a change it did not make, and
 * whatever the answer nothing of the analyst's edits is lost. Every
 * message dialog that shows over the window is counted as it maps.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "gloss-annotation-view.h"
#include "gloss-application.h"
#include "gloss-format-native.h"
#include "gloss-journal.h"
#include "gloss-window-private.h"
#include "ui-test-utils.h"

#define CHANGED "File Changed on Disk"
#define RECOVER "Recover Unsaved Changes?"

static GlossApplication *app;

/* The questions over the window: how many “File Changed on Disk”
 * showed, and the most message dialogs not yet answered at one time. */
static struct
{
  GlossWindow *window;      /* weak */
  guint        n_changed;
  guint        most_at_once;
  gulong       items_id;
} asked;

static gboolean
is_question (gpointer item)
{
  return asked.window != NULL && ADW_IS_MESSAGE_DIALOG (item) && gtk_widget_get_visible (GTK_WIDGET (item)) &&
         gtk_window_get_transient_for (GTK_WINDOW (item)) == GTK_WINDOW (asked.window) &&
         g_object_get_data (G_OBJECT (item), "answered") == NULL;
}

static AdwMessageDialog *
find_question (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* (transfer none) */
  AdwMessageDialog *found = NULL;

  for (guint i = 0; found == NULL && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (is_question (toplevel) &&
          g_str_equal (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (toplevel)), heading))
        found = ADW_MESSAGE_DIALOG (toplevel);   /* the list keeps it */
    }
  return found;
}

static void
answered_cb (GObject *dialog)
{
  g_object_set_data (dialog, "answered", GINT_TO_POINTER (TRUE));
}

static void
question_mapped_cb (GtkWidget *dialog)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* (transfer none) */
  guint n = 0;

  if (!is_question (dialog))
    return;
  if (g_str_equal (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), CHANGED))
    asked.n_changed++;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      n += is_question (toplevel);
    }
  asked.most_at_once = MAX (asked.most_at_once, n);
}

static void
toplevels_changed_cb (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (!ADW_IS_MESSAGE_DIALOG (toplevel))
        continue;
      g_signal_connect (toplevel, "map", G_CALLBACK (question_mapped_cb), NULL);
      g_signal_connect (toplevel, "response", G_CALLBACK (answered_cb), NULL);
    }
}

static void
count_questions (GlossWindow *window)
{
  g_set_weak_pointer (&asked.window, window);
  asked.n_changed = 0;
  asked.most_at_once = 0;
  if (asked.items_id == 0)
    asked.items_id = g_signal_connect (gtk_window_get_toplevels (), "items-changed",
                                       G_CALLBACK (toplevels_changed_cb), NULL);
}

static gboolean
question_shows (gpointer heading)
{
  return find_question (heading) != NULL;
}

static AdwMessageDialog *
wait_question (const char *heading)
{
  g_assert_true (ui_wait_until (question_shows, (gpointer) heading, UI_TEST_TIMEOUT_MS));
  return find_question (heading);
}

/* A click on @dialog's button @label, or a key (@label NULL: @key);
 * returns once the dialog went. */
static void
answer (AdwMessageDialog *dialog,
        const char       *label,
        const char       *key)
{
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  if (label != NULL)
    ui_click_response (dialog, label);
  else
    {
      ui_present_focused (GTK_WINDOW (dialog));
      ui_key (GTK_WIDGET (dialog), key);
    }
  g_assert_true (ui_wait_until (ui_widget_gone, &dialog, UI_TEST_TIMEOUT_MS));
  if (dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
}

static GlossWindow *
open_window (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GlossWindow *window = new_test_window (app);

  g_assert_true (gloss_window_open_file (window, file, &error));
  g_assert_no_error (error);
  ui_present_focused (GTK_WINDOW (window));
  wait_for_allocation (gloss_window_get_view (window));
  count_questions (window);
  return window;
}

/* Another program writes the file again with the bytes it has (its
 * time changes, not what it holds). */
static void
rewrite_same (GFile *file)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (g_file_peek_path (file), &contents, &length, NULL));
  g_assert_true (g_file_set_contents (g_file_peek_path (file), contents, (gssize) length, NULL));
}

static gboolean
file_has (GFile      *file,
          const char *text)
{
  g_autofree char *contents = NULL;
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", text);

  g_assert_true (g_file_get_contents (g_file_peek_path (file), &contents, NULL, NULL));
  return strstr (contents, quoted) != NULL;
}

static gboolean
disk_waiting (gpointer window)
{
  return _gloss_window_disk_is_waiting (window);
}

typedef struct
{
  GlossWindow *window;
  guint        n_checks;
} Checks;

/* The window looked at its file since @data's count. */
static gboolean
looked_again (gpointer data)
{
  Checks *checks = data;

  return _gloss_window_disk_get_n_checks (checks->window) > checks->n_checks;
}

/* A crash left Putin tagged in @file; the file is opened again, and
 * while the recovery offer (*@offer) shows another program tags Kim Jong
 * Un in it. Returns once the window noticed the change, and waits. */
static GlossWindow *
offer_under_change (GFile             *file,
                    AdwMessageDialog **offer)
{
  g_autoptr(GError) error = NULL;
  GlossWindow *window = open_window (file);

  tag_by_key (window, "Vladimir Putin", "1");
  ui_window_destroy (GTK_WINDOW (window));   /* a crash: the journal stays */

  window = new_test_window (app);
  count_questions (window);
  g_assert_true (gloss_window_open_file (window, file, &error));
  g_assert_no_error (error);
  *offer = wait_question (RECOVER);

  ui_write_theirs (file, "Kim Jong Un");
  g_assert_true (ui_wait_until (disk_waiting, window, UI_TEST_TIMEOUT_MS));
  g_assert_null (find_question (CHANGED));
  return window;
}

/* (a) A crash left an edit; the file is opened again and the recovery
 * offer shows when another program changes the file. The change waits
 * for the offer: Recover, then the question, asked once, alone; Reload
 * offers the recovered edit again on their version, and Apply keeps
 * both. */
static void
test_during_recovery_offer (void)
{
  g_autoptr(GFile) file = ui_saved_sample (app, "offer.gloss");
  AdwMessageDialog *offer, *changed;
  GlossWindow *window;

  if (!ui_test_require_input ())
    return;
  window = offer_under_change (file, &offer);

  answer (offer, "Recover", NULL);
  g_assert_nonnull (ui_mention_of (window, "Vladimir Putin"));
  changed = wait_question (CHANGED);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (changed), "unsaved changes are kept"));
  g_assert_null (ui_mention_of (window, "Kim Jong Un"));

  answer (changed, "Reload", NULL);
  g_assert_nonnull (ui_mention_of (window, "Kim Jong Un"));
  offer = wait_question (RECOVER);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (offer), "before the file was reloaded"));
  answer (offer, "Apply", NULL);
  g_assert_true (wait_toast (GTK_WIDGET (window), "Recovered 1 edit", TRUE, UI_TEST_TIMEOUT_MS));
  g_assert_nonnull (ui_mention_of (window, "Vladimir Putin"));
  g_assert_nonnull (ui_mention_of (window, "Kim Jong Un"));

  g_assert_cmpuint (asked.n_changed, ==, 1);
  g_assert_cmpuint (asked.most_at_once, ==, 1);
  ui_window_destroy (GTK_WINDOW (window));
}

/* (a, by keyboard) The same answered by Escape twice: the offer keeps
 * the journal, the question then decides nothing; the edit is still
 * offered at the next opening, and their file is not touched. */
static void
test_during_recovery_offer_escape (void)
{
  g_autoptr(GFile) file = ui_saved_sample (app, "escape.gloss");
  g_autoptr(GFile) leftover = NULL;
  AdwMessageDialog *offer, *changed;
  GlossWindow *window;

  if (!ui_test_require_input ())
    return;
  window = offer_under_change (file, &offer);

  answer (offer, NULL, "Escape");
  changed = wait_question (CHANGED);
  answer (changed, NULL, "Escape");

  leftover = gloss_journal_find (file, NULL);
  g_assert_nonnull (leftover);
  g_assert_true (file_has (file, "Kim Jong Un"));
  g_assert_cmpuint (asked.n_changed, ==, 1);
  g_assert_cmpuint (asked.most_at_once, ==, 1);
  ui_window_destroy (GTK_WINDOW (window));

  /* Still there at the next opening, applied on their version. */
  window = open_window (file);
  offer = wait_question (RECOVER);
  answer (offer, "Apply", NULL);
  g_assert_true (wait_toast (GTK_WIDGET (window), "Recovered 1 edit", TRUE, UI_TEST_TIMEOUT_MS));
  g_assert_nonnull (ui_mention_of (window, "Vladimir Putin"));
  g_assert_nonnull (ui_mention_of (window, "Kim Jong Un"));
  ui_window_destroy (GTK_WINDOW (window));
}

/* (b) Two writes in a row under a window with an unsaved edit: one
 * question. Escape decides nothing and the same version seen again is
 * not asked about again; Ctrl+S does not overwrite it but asks, and
 * Reload (Enter) reads both writes and offers the edit back. */
static void
test_two_writes (void)
{
  g_autoptr(GFile) file = ui_saved_sample (app, "twice.gloss");
  AdwMessageDialog *changed, *offer;
  GlossWindow *window;
  Checks checks;

  if (!ui_test_require_input ())
    return;
  window = open_window (file);
  tag_by_key (window, "Vladimir Putin", "1");

  ui_write_theirs (file, "Vostochny");
  ui_write_theirs (file, "Kim Jong Un");
  changed = wait_question (CHANGED);
  answer (changed, NULL, "Escape");
  g_assert_true (gloss_window_get_modified (window));
  g_assert_nonnull (ui_mention_of (window, "Vladimir Putin"));

  /* Their file written again as it is: looked at, not asked again. */
  checks.window = window;
  checks.n_checks = _gloss_window_disk_get_n_checks (window);
  rewrite_same (file);
  g_assert_true (ui_wait_until (looked_again, &checks, UI_TEST_TIMEOUT_MS));
  g_assert_null (find_question (CHANGED));
  g_assert_cmpuint (asked.n_changed, ==, 1);

  ui_present_focused (GTK_WINDOW (window));
  ui_key (GTK_WIDGET (window), "<Control>s");
  changed = wait_question (CHANGED);
  g_assert_true (file_has (file, "Kim Jong Un"));
  g_assert_false (file_has (file, "Vladimir Putin"));
  answer (changed, NULL, "Return");
  g_assert_nonnull (ui_mention_of (window, "Vostochny"));
  g_assert_nonnull (ui_mention_of (window, "Kim Jong Un"));
  offer = wait_question (RECOVER);
  answer (offer, "Apply", NULL);
  g_assert_true (wait_toast (GTK_WIDGET (window), "Recovered 1 edit", TRUE, UI_TEST_TIMEOUT_MS));
  g_assert_nonnull (ui_mention_of (window, "Vladimir Putin"));

  g_assert_cmpuint (asked.n_changed, ==, 2);   /* the two writes, then the save */
  g_assert_cmpuint (asked.most_at_once, ==, 1);
  ui_window_destroy (GTK_WINDOW (window));
}

static gboolean
saved (gpointer window)
{
  return !gloss_window_get_modified (window);
}

/* (c) Gloss's own saves, one of them while a look at the file is
 * pending (another program touched it): never a question. Then a real
 * change is asked about, once. */
static void
test_own_save (void)
{
  g_autoptr(GFile) file = ui_saved_sample (app, "own.gloss");
  AdwMessageDialog *changed;
  GlossWindow *window;
  Checks checks;

  if (!ui_test_require_input ())
    return;
  window = open_window (file);
  checks.window = window;

  tag_by_key (window, "Vladimir Putin", "1");
  checks.n_checks = _gloss_window_disk_get_n_checks (window);
  ui_key (GTK_WIDGET (window), "<Control>s");
  g_assert_true (wait_toast (GTK_WIDGET (window), "Saved “own.gloss”", TRUE, UI_TEST_TIMEOUT_MS));
  g_assert_true (file_has (file, "Vladimir Putin"));

  /* Touched by another program, and saved by Gloss before it looks. */
  tag_by_key (window, "Kim Jong Un", "1");
  rewrite_same (file);
  ui_key (GTK_WIDGET (window), "<Control>s");
  g_assert_true (ui_wait_until (saved, window, UI_TEST_TIMEOUT_MS));
  g_assert_true (file_has (file, "Kim Jong Un"));

  /* What Gloss wrote, written again as it is: looked at, no question. */
  checks.n_checks = _gloss_window_disk_get_n_checks (window);
  rewrite_same (file);
  g_assert_true (ui_wait_until (looked_again, &checks, UI_TEST_TIMEOUT_MS));
  g_assert_null (find_question (CHANGED));
  g_assert_cmpuint (asked.n_changed, ==, 0);

  ui_write_theirs (file, "Vostochny");
  changed = wait_question (CHANGED);
  answer (changed, "Reload", NULL);
  g_assert_nonnull (ui_mention_of (window, "Vostochny"));
  g_assert_nonnull (ui_mention_of (window, "Kim Jong Un"));
  g_assert_cmpuint (asked.n_changed, ==, 1);
  ui_window_destroy (GTK_WINDOW (window));
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/disk-questions/during-recovery-offer", test_during_recovery_offer);
  g_test_add_func ("/ui/disk-questions/during-recovery-offer-escape", test_during_recovery_offer_escape);
  g_test_add_func ("/ui/disk-questions/two-writes", test_two_writes);
  g_test_add_func ("/ui/disk-questions/own-save", test_own_save);
}

int
main (int   argc,
      char *argv[])
{
  return ui_test_main (&argc, &argv, &app, add_tests);
}
