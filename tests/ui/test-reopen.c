/* test-reopen.c: opening a text file whose annotations sit beside it
 * (issue 7, item 10), answered with real keys. A binary of its own: the
 * recent list the lived-in state fills is GTK's default manager, which
 * keeps the first test's isolated data dir.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-format-native.h"
#include "gloss-window.h"
#include "ui-test-utils.h"

static GlossApplication *app;

static gboolean
has_document (gpointer data)
{
  return gloss_window_has_document (GLOSS_WINDOW (data));
}

/* A text file beside the .gloss made of it: lived-in-1.txt, with the
 * text of lived-in-1.gloss. */
static GFile *
write_text_beside (UiLivedIn *lived_in)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_native_read_file (lived_in->documents[0], &error);
  g_autofree char *path = g_build_filename (lived_in->dir, "lived-in-1.txt", NULL);
  const char *text;

  g_assert_no_error (error);
  text = gloss_document_get_text (gloss_store_get_document (store));
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* Opens @text as `gloss FILE` does, answers the question with @key and
 * returns the window once it shows a document. */
static GlossWindow *
open_text_answering (GFile      *text,
                     const char *key)
{
  GlossWindow *window = gloss_window_new (app);
  AdwMessageDialog *dialog;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  ui_present_focused (GTK_WINDOW (window));

  /* What g_application_open() does on `gloss FILE` (the test's application
   * is registered without G_APPLICATION_HANDLES_OPEN). */
  g_signal_emit_by_name (app, "open", &text, 1, "");
  dialog = wait_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Open the Annotations?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“lived-in-1.gloss”"));
  /* Nothing is read before the answer. */
  g_assert_false (gloss_window_get_opening (window));
  g_assert_false (gloss_window_has_document (window));

  ui_present_focused (GTK_WINDOW (dialog));
  ui_key (GTK_WIDGET (dialog), key);
  g_assert_true (ui_wait_until (has_document, window, UI_TEST_TIMEOUT_MS));
  return window;
}

/* Issue 7, item 10: opening a text file whose .gloss sits beside it
 * offers the annotations; Enter and Escape open them, Alt+T the text
 * alone. */
static void
test_text_with_annotations_beside (void)
{
  g_autoptr(UiLivedIn) lived_in = NULL;
  g_autoptr(GFile) text = NULL;
  GlossWindow *window;
  guint n_saved;

  if (!ui_test_require_input ())
    return;

  lived_in = ui_lived_in_new ();
  text = write_text_beside (lived_in);

  window = open_text_answering (text, "Return");
  g_assert_true (g_file_equal (gloss_window_get_file (window), lived_in->documents[0]));
  n_saved = n_mentions (window);
  g_assert_cmpuint (n_saved, >, 0);
  ui_window_destroy (GTK_WINDOW (window));

  window = open_text_answering (text, "Escape");
  g_assert_true (g_file_equal (gloss_window_get_file (window), lived_in->documents[0]));
  g_assert_cmpuint (n_mentions (window), ==, n_saved);
  ui_window_destroy (GTK_WINDOW (window));

  window = open_text_answering (text, "<Alt>t");
  g_assert_null (gloss_window_get_file (window));
  g_assert_cmpuint (n_mentions (window), ==, 0);
  ui_window_destroy (GTK_WINDOW (window));
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/reopen/text-with-annotations-beside", test_text_with_annotations_beside);
}

int
main (int   argc,
      char *argv[])
{
  return ui_test_main (&argc, &argv, &app, add_tests);
}
