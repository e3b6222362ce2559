/* test-open-from-document.c: Ctrl+O from a window showing a document,
 * on a file that does not open (the tester's finding)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A program of its own: the file chooser writes GTK's recent list a
 * moment later, into the folders of the test that first used it, which
 * are gone once another test runs.
 */
#include "config.h"

#include <string.h>

#include "gloss-application.h"
#include "gloss-window.h"
#include "ui-test-utils.h"

static GlossApplication *app;

static GFile *
tmp_file (const char *name)
{
  g_autofree char *path = ui_test_path (name);

  return g_file_new_for_path (path);
}

static guint
n_gloss_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      n += GLOSS_IS_WINDOW (toplevel);
    }
  return n;
}

/* Ctrl+O from a window showing a document, on a broken file: the error
 * stands over that window, and no empty window is left behind. */
static void
test_open_broken_from_document (void)
{
  g_autoptr(GFile) text = tmp_file ("shown.txt");
  g_autoptr(GFile) broken = tmp_file ("broken.gloss");
  const char article[] = "Kim Jong Un arrived in Vladivostok.\n";
  const char json[] = "{ \"format\": \"gloss\", ";
  GlossWindow *window = gloss_window_new (app);
  g_autoptr(GError) error = NULL;
  GtkWidget *chooser;
  AdwMessageDialog *dialog;

  g_assert_true (g_file_replace_contents (text, article, sizeof article - 1, NULL, FALSE, 0, NULL, NULL, NULL));
  g_assert_true (g_file_replace_contents (broken, json, sizeof json - 1, NULL, FALSE, 0, NULL, NULL, NULL));
  g_assert_true (gloss_window_open_file (window, text, &error));
  g_assert_no_error (error);
  ui_present_focused (GTK_WINDOW (window));

  ui_key (GTK_WIDGET (window), "<Control>o");
  chooser = ui_wait_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), broken, &error));
  g_assert_no_error (error);
  ui_wait_chooser_file (chooser, broken);
  ui_click_center (ui_find_label (chooser, "Open"));

  dialog = ADW_MESSAGE_DIALOG (ui_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "broken.gloss"));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_cmpuint (n_gloss_windows (), ==, 1);
  g_assert_true (gloss_window_has_document (window));
  gtk_window_destroy (GTK_WINDOW (dialog));

  ui_window_destroy (GTK_WINDOW (window));
  g_file_delete (text, NULL, NULL);
  g_file_delete (broken, NULL, NULL);
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/open-from-document/broken", test_open_broken_from_document);
}

int
main (int   argc,
      char *argv[])
{
  return ui_test_main (&argc, &argv, &app, add_tests);
}
