/* test-recent-documents.c: what the Open button's recent menu lists, with
 * a recent list that has seen use. A binary of its own: the recent list
 * is GTK's default manager, which keeps the first test's data dir.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "gloss-annotator.h"
#include "gloss-window.h"
#include "ui-test-utils.h"

static GlossApplication *app;

static const char *const texts[] = {
  "Kim Jong Un arrived in Vladivostok on Tuesday.\n",
  "Officials in Syria said the talks would go on.\n",
};

/* centcom, in the test's data folder: two documents, for the annotator
 * of Preferences. */
static GFile *
make_project (void)
{
  g_autofree char *path = ui_test_path ("centcom");
  GFile *folder = g_file_new_for_path (path);
  const char *names[] = { "centcom-1.txt", "centcom-2.txt" };

  ui_project_make (folder, (const char * const *) texts, names, G_N_ELEMENTS (texts), NULL);
  return folder;
}

static gboolean
menu_lists (GlossWindow *window,
            GFile       *file)
{
  g_autoptr(GPtrArray) uris = ui_recent_menu_uris (window);
  g_autofree char *uri = g_file_get_uri (file);

  for (guint i = 0; i < uris->len; i++)
    if (g_str_equal (g_ptr_array_index (uris, i), uri))
      return TRUE;
  return FALSE;
}

typedef struct
{
  GlossWindow *window;
  GFile       *file;
} Listed;

static gboolean
menu_lists_cb (gpointer data)
{
  Listed *listed = data;

  return menu_lists (listed->window, listed->file);
}

static gboolean
manager_has (gpointer data)
{
  g_autofree char *uri = g_file_get_uri (data);

  return gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri);
}

static gboolean
shows_second (gpointer data)
{
  GlossStore *store = gloss_window_get_store (data);

  return store != NULL && g_str_has_prefix (gloss_document_get_text (gloss_store_get_document (store)), "Officials");
}

static gboolean
saved (gpointer data)
{
  return !gloss_window_get_modified (data);
}

static gboolean
has_project (gpointer data)
{
  return gloss_window_get_project (data) != NULL && gloss_window_get_store (data) != NULL;
}

/* What another program or a file chooser would record for Gloss. */
static void
record (GFile      *file,
        const char *mime_type)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *name = g_file_get_basename (file);
  GtkRecentData data = {
    .display_name = name,
    .mime_type = (char *) mime_type,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "gloss %u",
  };

  g_assert_true (gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data));
  g_assert_true (ui_wait_until (manager_has, file, UI_TEST_TIMEOUT_MS));
}

/* Moving through a project saves its documents: none of them joins the
 * recent documents (the project is a recent project); an export folder,
 * or a project document recorded before, is not listed either; a
 * project document opened as a file opens its project at it. */
static void
test_project_documents_not_recent (void)
{
  g_autoptr(UiLivedIn) lived_in = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) first_file = NULL;
  g_autoptr(GFile) second_file = NULL;
  g_autoptr(GFile) standalone = NULL;
  g_autoptr(GFile) brat = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *brat_path = NULL;
  g_autofree char *standalone_path = NULL;
  GlossWindow *window, *other;
  Listed listed;

  if (!ui_test_require_input ())
    return;
  lived_in = ui_lived_in_new ();
  folder = make_project ();

  window = ui_project_window (app, folder);
  first_file = g_object_ref (gloss_window_get_file (window));

  /* Tag, move on (a save through the project), tag, save. */
  tag_by_key (window, "Kim Jong Un", "1");
  ui_key (GTK_WIDGET (window), "<Alt>Right");
  g_assert_true (ui_wait_until (shows_second, window, UI_TEST_TIMEOUT_MS));
  second_file = g_object_ref (gloss_window_get_file (window));
  tag_by_key (window, "Syria", "3");
  ui_key (GTK_WIDGET (window), "<Control>s");
  g_assert_true (ui_wait_until (saved, window, UI_TEST_TIMEOUT_MS));

  /* A document saved on its own does join them: once it is listed, the
   * project's saves before it would have been too. */
  standalone_path = g_build_filename (lived_in->dir, "standalone.gloss", NULL);
  standalone = g_file_new_for_path (standalone_path);
  other = gloss_window_new (app);
  g_assert_true (gloss_window_open_sample (other, &error));
  g_assert_true (gloss_window_save_to_file (other, standalone, &error));
  g_assert_no_error (error);
  listed = (Listed) { window, standalone };
  g_assert_true (ui_wait_until (menu_lists_cb, &listed, UI_TEST_TIMEOUT_MS));
  g_assert_false (manager_has (first_file));
  g_assert_false (manager_has (second_file));
  g_assert_false (menu_lists (window, first_file));
  g_assert_false (menu_lists (window, second_file));
  for (guint i = 0; i < G_N_ELEMENTS (lived_in->documents); i++)
    g_assert_true (menu_lists (window, lived_in->documents[i]));

  /* Recorded before (an older Gloss), or by the export's folder chooser:
   * in the manager, not in the menu. */
  brat_path = g_build_filename (lived_in->dir, "brat", NULL);
  g_assert_cmpint (g_mkdir (brat_path, 0700), ==, 0);
  brat = g_file_new_for_path (brat_path);
  record (first_file, "application/x-gloss+json");
  record (brat, "inode/directory");
  g_signal_emit_by_name (gtk_recent_manager_get_default (), "changed");
  g_assert_true (menu_lists (window, standalone));
  g_assert_false (menu_lists (window, first_file));
  g_assert_false (menu_lists (window, brat));
  ui_window_destroy (GTK_WINDOW (window));

  /* The analyst's own file of a project document, opened as `gloss FILE`
   * does: its project, at that document. */
  window = gloss_window_new (app);
  ui_present_focused (GTK_WINDOW (window));
  g_signal_emit_by_name (app, "open", &second_file, 1, "");
  g_assert_true (ui_wait_until (has_project, window, UI_TEST_TIMEOUT_MS));
  g_assert_true (shows_second (window));
  g_assert_true (g_file_equal (gloss_window_get_file (window), second_file));
  g_assert_cmpuint (n_mentions (window), ==, 1);
  ui_window_destroy (GTK_WINDOW (window));
  ui_window_destroy (GTK_WINDOW (other));

  {
    g_autofree char *uri = g_file_get_uri (first_file);
    g_autofree char *brat_uri = g_file_get_uri (brat);

    gtk_recent_manager_remove_item (gtk_recent_manager_get_default (), uri, NULL);
    gtk_recent_manager_remove_item (gtk_recent_manager_get_default (), brat_uri, NULL);
  }
  g_rmdir (brat_path);
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/recent-documents/project-documents", test_project_documents_not_recent);
}

int
main (int   argc,
      char *argv[])
{
  return ui_test_main (&argc, &argv, &app, add_tests);
}
