/* test-first-run.c: the annotated sample, as a new user first meets it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Open Sample Article" on the empty window, and `gloss` given the sample's
 * .gloss (the README's first command), both show the annotated sample of
 * data/samples/: entities, claims and relations, not a plain text.
 */
#include "config.h"

#include "gloss-application.h"
#include "gloss-format-native.h"
#include "gloss-window.h"
#include "ui-test-utils.h"

static GlossApplication *app;

static GFile *
sample_file (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("GLOSS_SAMPLES_DIR"), "kim-putin-vostochny.gloss", NULL);

  return g_file_new_for_path (path);
}

static GlossStore *
read_sample (void)
{
  g_autoptr(GFile) file = sample_file ();
  g_autoptr(GError) error = NULL;
  GlossStore *store = gloss_native_read_file (file, &error);

  g_assert_no_error (error);
  return store;
}

/* The button of the empty window's status page bound to @action. */
static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && gtk_widget_get_mapped (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        return child;
      found = find_action_button (child, action);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_open_sample_button (void)
{
  g_autoptr(GlossStore) expected = read_sample ();
  GlossWindow *window = gloss_window_new (app);
  GlossStore *store;
  GtkWidget *button;

  present_and_wait (GTK_WINDOW (window));
  g_assert_false (gloss_window_has_document (window));
  button = find_action_button (GTK_WIDGET (window), "win.open-sample");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  iterate ();

  g_assert_true (gloss_window_has_document (window));
  store = gloss_window_get_store (window);
  g_assert_true (gloss_store_equal (store, expected));
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_MENTION), >, 100);
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_CLAIM), >, 10);
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_RELATION), >, 5);
  g_assert_false (gloss_window_get_modified (window));
  /* A new document: Save asks where, and offers the sample's name. */
  g_assert_null (gloss_window_get_file (window));

  ui_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_file (gpointer data)
{
  return gloss_window_get_file (GLOSS_WINDOW (data)) != NULL;
}

static void
test_open_from_command_line (void)
{
  g_autoptr(GlossStore) expected = read_sample ();
  g_autoptr(GFile) file = sample_file ();
  GtkWindow *window;

  /* What g_application_open () runs in the primary instance (the test's
   * application is registered without G_APPLICATION_HANDLES_OPEN). */
  G_APPLICATION_GET_CLASS (app)->open (G_APPLICATION (app), &file, 1, "");
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (GLOSS_IS_WINDOW (window));
  wait_for_allocation (GTK_WIDGET (window));
  /* The file is read on a worker thread: a busy machine takes longer. */
  g_assert_true (ui_wait_until (has_file, window, UI_TEST_TIMEOUT_MS));
  g_assert_true (g_file_equal (gloss_window_get_file (GLOSS_WINDOW (window)), file));
  g_assert_true (gloss_store_equal (gloss_window_get_store (GLOSS_WINDOW (window)), expected));

  gtk_window_destroy (window);
  iterate ();
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/first-run/open-sample-button", test_open_sample_button);
  g_test_add_func ("/ui/first-run/command-line", test_open_from_command_line);
}

int
main (int   argc,
      char *argv[])
{
  return ui_test_main (&argc, &argv, &app, add_tests);
}
