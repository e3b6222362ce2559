/* test-project-files.c: New Project…, Add Documents…, Open Project… and
 * the recent projects, by real keys and clicks (issue 11, item 1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Without a portal (the test's private bus has none) GtkFileChooserNative
 * shows GTK's own dialog, a toplevel the test finds and clicks in.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "gloss-document-list.h"
#include "gloss-recent-projects.h"
#include "gloss-window.h"
#include "ui-test-utils.h"

static GlossApplication *app;

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelIn;

/* A mapped label or inscription (the file chooser's list) showing @text. */
static GtkWidget *
find_shown_text (GtkWidget  *root,
                 const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (gtk_widget_get_mapped (child) &&
          ((GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0) ||
           (GTK_IS_INSCRIPTION (child) && g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (child)), text) == 0)))
        return child;
      if ((found = find_shown_text (child, text)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
label_shown (gpointer data)
{
  LabelIn *in = data;
  GtkWidget *label = find_shown_text (in->root, in->text);

  return label != NULL && gtk_widget_get_width (label) > 0;
}

/* Click the label @text in @root once it shows. */
static void
click_label (GtkWidget  *root,
             const char *text)
{
  LabelIn in = { root, text };

  if (!ui_wait_until (label_shown, &in, UI_TEST_TIMEOUT_MS))
    g_error ("no “%s” shown in %s", text, G_OBJECT_TYPE_NAME (root));
  ui_click_center (find_shown_text (root, text));
}

typedef struct
{
  GlossWindow *window;
  guint        n;
} Count;

static gboolean
n_documents_is (gpointer data)
{
  Count *count = data;
  GlossProject *project = gloss_window_get_project (count->window);

  return project != NULL && g_list_model_get_n_items (gloss_project_get_documents (project)) == count->n;
}

static gboolean
chooser_gone (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

/* A folder chosen in the dialog, then its accept button clicked. */
static void
choose_folder (GFile      *folder,
               const char *accept)
{
  GtkWidget *chooser = ui_wait_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_autoptr(GError) error = NULL;

  g_object_ref (chooser);
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
  /* Inside the folder, nothing selected: the chooser returns the folder. */
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, &error));
  g_assert_no_error (error);
  ui_wait_chooser_file (chooser, folder);
  click_label (chooser, accept);
  g_assert_true (ui_wait_until (chooser_gone, chooser, UI_TEST_TIMEOUT_MS));
  g_object_unref (chooser);
}

/* The chooser's file list: a GtkTreeView in GTK 4.8, a GtkColumnView
 * from 4.10. */
static gboolean
has_rows (gpointer data)
{
  GtkWidget *view = data;

  if (!gtk_widget_get_mapped (view))
    return FALSE;
  if (GTK_IS_TREE_VIEW (view))
    {
      GtkTreeModel *model = gtk_tree_view_get_model (GTK_TREE_VIEW (view));

      return model != NULL && gtk_tree_model_iter_n_children (model, NULL) > 0;
    }
  return gtk_column_view_get_model (GTK_COLUMN_VIEW (view)) != NULL &&
         g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)))) > 0;
}

/* A click on the first file of the chooser's list (its cells are not
 * labels one could find by their text). */
static void
click_first_file (GtkWidget *chooser)
{
  GtkWidget *view = find_widget (chooser, GTK_TYPE_COLUMN_VIEW, NULL);
  int x = 60, y;

  if (view == NULL)
    view = find_widget (chooser, GTK_TYPE_TREE_VIEW, NULL);
  g_assert_nonnull (view);
  g_assert_true (ui_wait_until (has_rows, view, UI_TEST_TIMEOUT_MS));
  ui_wait_for_frame (view);
  if (GTK_IS_TREE_VIEW (view))
    {
      g_autoptr(GtkTreePath) path = gtk_tree_path_new_first ();
      GdkRectangle area;

      gtk_tree_view_get_background_area (GTK_TREE_VIEW (view), path, NULL, &area);
      gtk_tree_view_convert_bin_window_to_widget_coords (GTK_TREE_VIEW (view), area.x + 60, area.y + area.height / 2,
                                                         &x, &y);
    }
  else
    y = gtk_widget_get_height (gtk_widget_get_first_child (view)) + 8;
  ui_click_widget (view, x, y, 1);
}

static gboolean
toast_shown (gpointer data)
{
  LabelIn *in = data;

  return find_toast (in->root, in->text) != NULL;
}

/* A file Gloss cannot read: nothing is made, the dialog says which. */
static void
new_project_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gloss-refused-XXXXXX", NULL);
  g_autofree char *project_json = g_build_filename (dir, "project.json", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  AdwMessageDialog *dialog;
  GlossWindow *window;

  write_file (dir, "good.txt", "Kim Jong Un left.\n");
  write_file (dir, "bad.jsonl", "{\"text\": \"Putin\", \"label\": [[0, 99, \"PER\"]]}\n");
  window = new_test_window (app);
  ui_present_focused (GTK_WINDOW (window));
  ui_key (GTK_WIDGET (window), "<Control><Shift>n");
  choose_folder (folder, "Make Project");
  dialog = wait_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "bad.jsonl"));
  g_assert_false (g_file_test (project_json, G_FILE_TEST_EXISTS));
  g_assert_null (gloss_window_get_project (window));
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_window_destroy (GTK_WINDOW (window));
}

/* A window other than @window that shows a project, if any. */
static GlossWindow *
other_project_window (GlossWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) other = g_list_model_get_item (toplevels, i);

      if (GLOSS_IS_WINDOW (other) && other != GTK_WIDGET (window) &&
          gloss_window_get_project (GLOSS_WINDOW (other)) != NULL)
        return GLOSS_WINDOW (other);
    }
  return NULL;
}

static gboolean
has_other_project_window (gpointer data)
{
  return other_project_window (data) != NULL;
}

static void
set_flag (gboolean *flag)
{
  *flag = TRUE;
}

/* New Project… from a window showing a document: the project opens in a
 * new window, and the first window's "Reading the articles…" shows until
 * the articles are read (no timeout of its own), then goes (it stayed). */
static void
new_project_from_busy_window (UiLivedIn *lived_in)
{
  g_autofree char *dir = g_build_filename (lived_in->dir, "busy-corpus", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(AdwToast) toast = NULL;
  GlossWindow *window, *other;
  GtkWidget *toast_widget;
  gboolean dismissed = FALSE;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  write_file (dir, "a-arrival.txt", "Kim Jong Un arrived by armoured train.\n");
  window = ui_document_window (app, lived_in->documents[0]);
  ui_key (GTK_WIDGET (window), "<Control><Shift>n");
  choose_folder (folder, "Make Project");
  /* The toast shows for at least the queue's 600 ms between changes;
   * on a machine too slow to look within them, only its end is checked. */
  toast_widget = find_toast (GTK_WIDGET (window), "Reading the articles…");
  if (toast_widget != NULL)
    {
      g_object_get (toast_widget, "toast", &toast, NULL);
      g_assert_cmpuint (adw_toast_get_timeout (toast), ==, 0);
      g_signal_connect_swapped (toast, "dismissed", G_CALLBACK (set_flag), &dismissed);
    }
  g_assert_true (ui_wait_until (has_other_project_window, window, UI_TEST_TIMEOUT_MS));
  other = other_project_window (window);
  g_assert_true (wait_toast (GTK_WIDGET (window), "Reading the articles…", FALSE, UI_TEST_TIMEOUT_MS));
  g_assert_true (toast == NULL || dismissed);
  if (toast != NULL)
    g_signal_handlers_disconnect_by_func (toast, set_flag, &dismissed);
  ui_window_destroy (GTK_WINDOW (other));
  ui_window_destroy (GTK_WINDOW (window));
}

/* The drop target that takes what is dropped on @widget: its own or an
 * ancestor's, one that accepts a list of files. */
static GtkDropTarget *
find_file_drop_target (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (GTK_IS_DROP_TARGET (controller) &&
              gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (GTK_DROP_TARGET (controller)),
                                                 GDK_TYPE_FILE_LIST) &&
              (gtk_drop_target_get_actions (GTK_DROP_TARGET (controller)) & GDK_ACTION_COPY))
            return GTK_DROP_TARGET (controller);
        }
    }
  return NULL;
}

/* Drops @paths on the middle of @widget through the drop target that
 * takes it, as GTK does once a drag ends over it (a real drag needs a
 * source window the test could place beside the window, without a window
 * manager to place it); returns whether the drop was taken. */
static gboolean
drop_files (GtkWidget          *widget,
            const char * const *paths)
{
  GtkDropTarget *target = find_file_drop_target (widget);
  GtkWidget *target_widget;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GValue) value = G_VALUE_INIT;
  graphene_point_t point;
  gboolean taken = FALSE;

  g_assert_nonnull (target);
  target_widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  g_assert_true (gtk_widget_compute_point (widget, target_widget,
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.f,
                                                                 gtk_widget_get_height (widget) / 2.f),
                                           &point));
  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_path (paths[i]));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array ((GFile **) files->pdata, files->len));
  g_signal_emit_by_name (target, "drop", &value, (double) point.x, (double) point.y, &taken);
  return taken;
}

/* Files dropped on the Documents page of a project's window: added to the
 * project and listed; a drop with a file Gloss cannot read adds none. */
static void
drop_on_documents_page (const char *dir)
{
  g_autofree char *corpus = NULL;
  g_autofree char *dropped = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GlossProject) setup = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *d_path = NULL;
  g_autofree char *e_path = NULL;
  g_autofree char *bad_path = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *list;
  GlossWindow *window;
  LabelIn in;
  Count count;

  corpus = g_build_filename (dir, "summit", NULL);
  dropped = g_build_filename (dir, "dropped", NULL);
  g_assert_cmpint (g_mkdir (dropped, 0700), ==, 0);
  folder = g_file_new_for_path (corpus);
  setup = gloss_project_new (folder, "Summit", NULL, NULL);
  store = ui_store_new ("Kim Jong Un arrived by armoured train.\n");
  g_assert_nonnull (gloss_project_add_store (setup, store, "a-arrival.txt", &error));
  g_assert_no_error (error);
  g_assert_true (gloss_project_save (setup, &error));
  g_assert_no_error (error);
  write_file (dropped, "d-sanctions.txt", "The UN Security Council met.\n");
  write_file (dropped, "e-launch.md", "# Launch\n\nA satellite launch was planned.\n");
  write_file (dropped, "bad.jsonl", "{\"text\": \"Putin\", \"label\": [[0, 99, \"PER\"]]}\n");
  d_path = g_build_filename (dropped, "d-sanctions.txt", NULL);
  e_path = g_build_filename (dropped, "e-launch.md", NULL);
  bad_path = g_build_filename (dropped, "bad.jsonl", NULL);

  /* Wide enough for the sidebar to show beside the article. */
  window = gloss_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  present_and_wait (GTK_WINDOW (window));
  ui_present_focused (GTK_WINDOW (window));
  g_assert_true (gloss_window_open_project (window, folder, &error));
  g_assert_no_error (error);
  list = find_widget (GTK_WIDGET (window), GLOSS_TYPE_DOCUMENT_LIST, NULL);
  g_assert_nonnull (list);
  wait_for_allocation (list);

  /* One file Gloss cannot read: the dialog names it, nothing is added. */
  g_assert_true (drop_files (list, (const char * const[]) { d_path, bad_path, NULL }));
  dialog = wait_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "bad.jsonl"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_documents (gloss_window_get_project (window))), ==, 1);

  /* Two articles: both added, listed, and the toast says so. */
  g_assert_true (drop_files (list, (const char * const[]) { d_path, e_path, NULL }));
  count = (Count) { window, 3 };
  g_assert_true (ui_wait_until (n_documents_is, &count, UI_TEST_TIMEOUT_MS));
  in = (LabelIn) { GTK_WIDGET (window), "Added 2 documents" };
  g_assert_true (ui_wait_until (toast_shown, &in, UI_TEST_TIMEOUT_MS));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_list_get_shown (GLOSS_DOCUMENT_LIST (list))), ==, 3);
  g_assert_nonnull (gloss_project_lookup (gloss_window_get_project (window), "d-sanctions"));
  g_assert_nonnull (gloss_project_lookup (gloss_window_get_project (window), "e-launch"));
  /* In project.json too. */
  g_clear_object (&setup);
  setup = gloss_project_load (folder, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_documents (setup)), ==, 3);
  ui_window_destroy (GTK_WINDOW (window));
}

/* Ctrl+Shift+N, a folder of three articles and a PDF, Make Project: the
 * window shows the project, its Documents page the three, a toast what was
 * left out; Ctrl+Shift+D, two more files chosen by a click and Ctrl+A:
 * added; the project is among the recent projects of a new window's
 * start page, and a click there opens it; Ctrl+Shift+O opens it too.
 * First, a folder with a file Gloss cannot read makes no project; last,
 * files dropped on another project's Documents page. (One test: the recent
 * files are written to the isolated folder of the test that first used
 * them.) */
static void
test_new_add_recent (void)
{
  g_autoptr(UiLivedIn) lived_in = NULL;
  g_autofree char *corpus = NULL;
  g_autofree char *more = NULL;
  g_autofree char *project_json = NULL;
  g_autoptr(GFile) corpus_folder = NULL;
  g_autoptr(GFile) more_folder = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *chooser;
  GtkWidget *list;
  GlossWindow *window;
  LabelIn in;
  Count count;

  if (!ui_test_require_input ())
    return;

  lived_in = ui_lived_in_new ();
  new_project_refused ();
  new_project_from_busy_window (lived_in);
  corpus = g_build_filename (lived_in->dir, "summit-corpus", NULL);
  more = g_build_filename (lived_in->dir, "more", NULL);
  g_assert_cmpint (g_mkdir (corpus, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (more, 0700), ==, 0);
  write_file (corpus, "a-arrival.txt", "Kim Jong Un arrived by armoured train — “a long trip”.\n");
  write_file (corpus, "b-talks.txt", "Putin met Kim Jong Un at Vostochny 🚀.\n");
  write_file (corpus, "c-reactions.md", "# Reactions\n\nSeoul said 北朝鮮 was watched.\n");
  write_file (corpus, "notes.pdf", "%PDF-1.4");
  write_file (more, "d-sanctions.txt", "The UN Security Council met.\n");
  write_file (more, "e-launch.txt", "A satellite launch was planned.\n");
  corpus_folder = g_file_new_for_path (corpus);
  more_folder = g_file_new_for_path (more);

  window = new_test_window (app);
  ui_present_focused (GTK_WINDOW (window));

  ui_key (GTK_WIDGET (window), "<Control><Shift>n");
  choose_folder (corpus_folder, "Make Project");
  count = (Count) { window, 3 };
  g_assert_true (ui_wait_until (n_documents_is, &count, UI_TEST_TIMEOUT_MS));
  in = (LabelIn) { GTK_WIDGET (window), "Added 3 documents; 1 file of another kind left out" };
  g_assert_true (ui_wait_until (toast_shown, &in, UI_TEST_TIMEOUT_MS));
  project_json = g_build_filename (corpus, "project.json", NULL);
  g_assert_true (g_file_test (project_json, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (gloss_project_get_name (gloss_window_get_project (window)), ==, "summit-corpus");
  g_assert_true (g_str_has_prefix (gloss_document_get_text (gloss_store_get_document (gloss_window_get_store (window))),
                                   "Kim Jong Un arrived"));
  list = find_widget (GTK_WIDGET (window), GLOSS_TYPE_DOCUMENT_LIST, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_list_get_shown (GLOSS_DOCUMENT_LIST (list))), ==, 3);

  /* Add Documents…: a click on one file, Ctrl+A for both, Add. */
  ui_key (GTK_WIDGET (window), "<Control><Shift>d");
  chooser = ui_wait_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_object_ref (chooser);
  g_assert_true (gtk_file_chooser_get_select_multiple (GTK_FILE_CHOOSER (chooser)));
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), more_folder, &error));
  g_assert_no_error (error);
  click_first_file (chooser);
  ui_key (chooser, "<Control>a");
  click_label (chooser, "Add");
  g_assert_true (ui_wait_until (chooser_gone, chooser, UI_TEST_TIMEOUT_MS));
  g_object_unref (chooser);
  count = (Count) { window, 5 };
  g_assert_true (ui_wait_until (n_documents_is, &count, UI_TEST_TIMEOUT_MS));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_list_get_shown (GLOSS_DOCUMENT_LIST (list))), ==, 5);
  g_assert_nonnull (gloss_project_lookup (gloss_window_get_project (window), "e-launch"));
  ui_window_destroy (GTK_WINDOW (window));

  /* A new window, tall enough to show the start page whole: the project
   * among the recent ones. */
  window = gloss_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 900);
  present_and_wait (GTK_WINDOW (window));
  ui_present_focused (GTK_WINDOW (window));
  click_label (find_widget (GTK_WIDGET (window), GLOSS_TYPE_RECENT_PROJECTS, NULL), "summit-corpus");
  count = (Count) { window, 5 };
  g_assert_true (ui_wait_until (n_documents_is, &count, UI_TEST_TIMEOUT_MS));
  ui_window_destroy (GTK_WINDOW (window));

  /* Ctrl+Shift+O. */
  window = new_test_window (app);
  ui_present_focused (GTK_WINDOW (window));
  ui_key (GTK_WIDGET (window), "<Control><Shift>o");
  choose_folder (corpus_folder, "Open");
  count = (Count) { window, 5 };
  g_assert_true (ui_wait_until (n_documents_is, &count, UI_TEST_TIMEOUT_MS));
  ui_window_destroy (GTK_WINDOW (window));

  drop_on_documents_page (lived_in->dir);
}

static void
collect_accels (GtkWidget *widget,
                GPtrArray *accels)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      char *accel = NULL;

      g_object_get (widget, "accelerator", &accel, NULL);
      g_ptr_array_add (accels, accel);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_accels (child, accels);
}

/* The shortcuts window lists every key of a project. */
static void
test_shortcuts_listed (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/glossapp/Gloss/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");
  g_autoptr(GPtrArray) accels = g_ptr_array_new_with_free_func (g_free);
  const char *keys[] = { "<Control><Shift>n", "<Control><Shift>o", "<Control><Shift>d", "<Alt>Right",
                         "<Alt>Left", "<Control>Return", "<Shift>Return", "BackSpace" };

  g_assert_nonnull (overlay);
  collect_accels (GTK_WIDGET (overlay), accels);
  for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
    if (!g_ptr_array_find_with_equal_func (accels, keys[i], g_str_equal, NULL))
      g_error ("%s is not in the shortcuts window", keys[i]);
  gtk_window_destroy (GTK_WINDOW (overlay));
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/project-files/shortcuts-listed", test_shortcuts_listed);
  g_test_add_func ("/ui/project-files/new-add-recent", test_new_add_recent);
}

int
main (int   argc,
      char *argv[])
{
  return ui_test_main (&argc, &argv, &app, add_tests);
}
