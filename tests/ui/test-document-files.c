/* test-document-files.c: the open document's file deleted, the folders
 * Save As and Export start in, and a text opened without the
 * annotations beside it, by real keys and clicks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "gloss-annotator.h"
#include "gloss-export-dialog.h"
#include "gloss-format-native.h"
#include "gloss-window.h"
#include "ui-test-utils.h"

static GlossApplication *app;

static gboolean
saved (gpointer data)
{
  return !gloss_window_get_modified (data);
}

static gboolean
has_document (gpointer data)
{
  return gloss_window_has_document (data) && !gloss_window_get_opening (data);
}

/* The revealed banner's label that says @text, if any. */
static GtkWidget *
banner_label (GtkWidget  *root,
              const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_REVEALER (child) && !gtk_revealer_get_reveal_child (GTK_REVEALER (child)))
        continue;
      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_text (GTK_LABEL (child)), text) != NULL)
        return child;
      if ((found = banner_label (child, text)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
says_deleted (gpointer data)
{
  return banner_label (data, "was deleted") != NULL && gloss_window_get_modified (data);
}

static gboolean
no_deleted_banner (gpointer data)
{
  return banner_label (data, "was deleted") == NULL;
}

/* A button of @root whose label is @text. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), text) == 0)
        return child;
      if ((found = find_button (child, text)) != NULL)
        return found;
    }
  return NULL;
}

/* A window on the sample, "Kim Jong Un" tagged by key, saved to @file. */
static GlossWindow *
tagged_and_saved (GFile *file)
{
  GlossWindow *window = gloss_window_new (app);
  g_autoptr(GError) error = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  ui_present_focused (GTK_WINDOW (window));
  g_assert_true (gloss_window_open_sample (window, &error));
  wait_for_allocation (gloss_window_get_view (window));
  tag_by_key (window, "Kim Jong Un", "1");
  g_assert_true (gloss_window_save_to_file (window, file, &error));
  g_assert_no_error (error);
  g_assert_false (gloss_window_get_modified (window));
  return window;
}

/* A document annotated and saved, another window open (a session in
 * use); its file removed by another program: the window says so,
 * counts the document as modified, and its banner's Save writes the
 * file again. */
static void
test_deleted (void)
{
  g_autofree char *path = ui_test_path ("kim1.gloss");
  g_autofree char *other_path = ui_test_path ("other.gloss");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) other_file = g_file_new_for_path (other_path);
  g_autoptr(GError) error = NULL;
  GlossWindow *window, *other;
  GtkWidget *label, *save;
  guint n;

  if (!ui_test_require_input ())
    return;
  other = gloss_window_new (app);
  g_assert_true (gloss_window_open_annotated_sample (other, &error));
  g_assert_true (gloss_window_save_to_file (other, other_file, &error));
  g_assert_no_error (error);

  window = tagged_and_saved (file);
  n = n_mentions (window);

  g_assert_cmpint (g_unlink (g_file_peek_path (file)), ==, 0);
  g_assert_true (ui_wait_until (says_deleted, window, UI_TEST_TIMEOUT_MS));
  label = banner_label (GTK_WIDGET (window), "was deleted");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "“kim1.gloss”"));
  g_assert_cmpuint (n_mentions (window), ==, n);

  /* The banner's Save, clicked. */
  save = find_button (gtk_widget_get_parent (label), "_Save");
  g_assert_nonnull (save);
  wait_for_allocation (save);
  ui_click_center (save);
  g_assert_true (ui_wait_until (saved, window, UI_TEST_TIMEOUT_MS));
  g_assert_true (g_file_query_exists (file, NULL));
  g_assert_true (ui_wait_until (no_deleted_banner, window, UI_TEST_TIMEOUT_MS));
  {
    g_autoptr(GlossStore) back = gloss_native_read_file (file, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (gloss_store_get_n_items (back, GLOSS_KIND_MENTION), ==, n);
  }
  ui_window_destroy (GTK_WINDOW (window));
  ui_window_destroy (GTK_WINDOW (other));
}

/* The file's folder removed with it (a vanished folder): the banner
 * does not promise that Save writes it again (Save makes no folder), and
 * offers Save As alone; Ctrl+S says what is wrong and keeps the work. */
static void
test_deleted_with_folder (void)
{
  g_autofree char *dir = ui_test_path ("vanishing");
  g_autofree char *path = g_build_filename (dir, "kim2.gloss", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GlossWindow *window;
  GtkWidget *label, *save;
  guint n;

  if (!ui_test_require_input ())
    return;
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  window = tagged_and_saved (file);
  n = n_mentions (window);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  g_assert_true (ui_wait_until (says_deleted, window, UI_TEST_TIMEOUT_MS));
  label = banner_label (GTK_WIDGET (window), "was deleted");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "with its folder"));
  g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (label)), "Save writes"));
  save = find_button (gtk_widget_get_parent (label), "_Save");
  g_assert_nonnull (save);
  g_assert_false (gtk_widget_get_visible (save));
  g_assert_true (gtk_widget_get_visible (find_button (gtk_widget_get_parent (label), "Save _As…")));
  g_assert_cmpuint (n_mentions (window), ==, n);
  g_assert_true (gloss_window_get_modified (window));
  g_assert_false (g_file_query_exists (file, NULL));
  ui_window_destroy (GTK_WINDOW (window));
}

/* The file chooser of a Save As or an Export, once it shows. */
static GtkFileChooser *
wait_chooser (void)
{
  GtkWidget *chooser = ui_wait_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);

  g_assert_true (GTK_IS_FILE_CHOOSER (chooser));
  return GTK_FILE_CHOOSER (chooser);
}

static void
assert_chooser_in (GtkFileChooser *chooser,
                   const char     *path)
{
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (chooser);
  g_autoptr(GFile) wanted = g_file_new_for_path (path);

  g_assert_nonnull (folder);
  if (!g_file_equal (folder, wanted))
    g_error ("the chooser shows %s, not %s", g_file_peek_path (folder), path);
}

static gboolean
chooser_gone (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (toplevel) && gtk_widget_get_visible (toplevel))
        return FALSE;
    }
  return TRUE;
}

static void
cancel_chooser (GtkFileChooser *chooser)
{
  ui_present_focused (GTK_WINDOW (chooser));
  ui_key (GTK_WIDGET (chooser), "Escape");
  g_assert_true (ui_wait_until (chooser_gone, NULL, UI_TEST_TIMEOUT_MS));
}

/* article.txt with article.gloss beside it, opened as `gloss FILE`, text
 * only: an untitled document named for the text; the header and Ctrl+W
 * name it so,
 * Save As starts in the article's folder and does not offer to replace
 * article.gloss. */
static void
test_text_only (void)
{
  g_autofree char *dir = ui_test_path ("articles");
  g_autofree char *text_path = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *gloss_path = g_build_filename (dir, "article.gloss", NULL);
  g_autoptr(GFile) text = g_file_new_for_path (text_path);
  g_autoptr(GlossStore) store = ui_store_new ("Kim Jong Un arrived in Vladivostok on Tuesday.\n");
  g_autoptr(GFile) gloss = g_file_new_for_path (gloss_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  AdwMessageDialog *dialog;
  AdwWindowTitle *header;
  GtkFileChooser *chooser;
  GlossWindow *window;

  if (!ui_test_require_input ())
    return;
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (text_path, "Kim Jong Un arrived in Vladivostok on Tuesday.\n", -1, &error));
  g_assert_true (gloss_native_write_file (store, gloss, &error));
  g_assert_no_error (error);

  window = gloss_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  ui_present_focused (GTK_WINDOW (window));
  g_signal_emit_by_name (app, "open", &text, 1, "");
  dialog = wait_message_dialog (window);
  g_assert_nonnull (dialog);
  ui_present_focused (GTK_WINDOW (dialog));
  ui_key (GTK_WIDGET (dialog), "<Alt>t");
  g_assert_true (ui_wait_until (has_document, window, UI_TEST_TIMEOUT_MS));
  g_assert_null (gloss_window_get_file (window));
  wait_for_allocation (gloss_window_get_view (window));
  tag_by_key (window, "Kim Jong Un", "1");
  /* The header names it as the close prompt does. */
  header = ADW_WINDOW_TITLE (find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE, NULL));
  g_assert_nonnull (header);
  g_assert_true (g_str_has_prefix (adw_window_title_get_subtitle (header), "• article.txt — 1 mention"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• article.txt — Gloss");

  ui_key (GTK_WIDGET (window), "<Control>w");
  dialog = wait_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“article.txt” has unsaved changes"));
  ui_present_focused (GTK_WINDOW (dialog));
  ui_key (GTK_WIDGET (dialog), "Escape");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  ui_present_focused (GTK_WINDOW (window));
  ui_key (GTK_WIDGET (window), "<Control>s");
  chooser = wait_chooser ();
  assert_chooser_in (chooser, dir);
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (name, ==, "article-2.gloss");
  cancel_chooser (chooser);
  g_assert_true (gloss_window_get_modified (window));
  ui_window_destroy (GTK_WINDOW (window));
}

static gboolean
shows_second (gpointer data)
{
  GlossStore *store = gloss_window_get_store (data);

  return store != NULL && g_str_has_prefix (gloss_document_get_text (gloss_store_get_document (store)), "Officials");
}

/* A project's Export starts in the folder the project is in, not in one
 * of its documents' folders. */
static void
test_export_folder (void)
{
  g_autofree char *dir = ui_test_path ("exports");
  g_autofree char *path = g_build_filename (dir, "summit", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  const char *texts[] = { "Kim Jong Un arrived in Vladivostok.\n", "Officials said Putin would come.\n" };
  const char *names[] = { "doc-1.txt", "doc-2.txt" };
  GtkFileChooser *chooser;
  GlossWindow *window;
  GtkWidget *dialog;

  if (!ui_test_require_input ())
    return;
  ui_project_make (folder, texts, names, G_N_ELEMENTS (texts), NULL);
  window = ui_project_window (app, folder);
  tag_by_key (window, "Kim Jong Un", "1");
  ui_key (GTK_WIDGET (window), "<Control>Return");
  g_assert_true (ui_wait_until (shows_second, window, UI_TEST_TIMEOUT_MS));

  ui_key (GTK_WIDGET (window), "<Control>e");
  dialog = ui_wait_toplevel (GLOSS_TYPE_EXPORT_DIALOG);
  ui_present_focused (GTK_WINDOW (dialog));
  ui_key (dialog, "<Control>Return");
  chooser = wait_chooser ();
  assert_chooser_in (chooser, dir);
  cancel_chooser (chooser);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Save As of the document shown: there too. */
  ui_present_focused (GTK_WINDOW (window));
  ui_key (GTK_WIDGET (window), "<Control><Shift>s");
  chooser = wait_chooser ();
  assert_chooser_in (chooser, dir);
  cancel_chooser (chooser);
  ui_window_destroy (GTK_WINDOW (window));
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/document-files/deleted", test_deleted);
  g_test_add_func ("/ui/document-files/deleted-with-folder", test_deleted_with_folder);
  g_test_add_func ("/ui/document-files/text-only", test_text_only);
  g_test_add_func ("/ui/document-files/export-folder", test_export_folder);
}

int
main (int   argc,
      char *argv[])
{
  return ui_test_main (&argc, &argv, &app, add_tests);
}
