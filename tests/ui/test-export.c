/* test-export.c: Export… from the window (Ctrl+E) through the file chooser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "gloss-annotation-view.h"
#include "gloss-application.h"
#include "gloss-window.h"
#include "ui-test-utils.h"

static GlossApplication *app;

/* The visible toplevel of @type, waited for (30 s at most). Without a
 * portal (the test's private bus has none), GtkFileChooserNative shows
 * GTK's own dialog, a toplevel like any other. */
static GtkWidget *
wait_toplevel (GType type)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

          if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) && gtk_widget_get_visible (toplevel))
            return toplevel;
        }
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  g_error ("no %s appeared", g_type_name (type));
  return NULL;
}

/* Pick the filter named @prefix…, name the file, press Export. */
static void
choose_file (GtkWidget  *chooser,
             const char *filter_prefix,
             GFile      *folder,
             const char *name)
{
  g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      if (g_str_has_prefix (gtk_file_filter_get_name (filter), filter_prefix))
        {
          gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);
          found = TRUE;
        }
    }
  g_assert_true (found);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, &error));
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  iterate ();
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  iterate ();
}

static JsonObject *
read_first_line (const char  *path,
                 JsonParser **parser)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char *newline;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  newline = strchr (contents, '\n');
  g_assert_nonnull (newline);
  *newline = '\0';
  *parser = json_parser_new ();
  g_assert_true (json_parser_load_from_data (*parser, contents, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (*parser));
}

static void
tag (GlossWindow *window,
     const char  *text,
     const char  *type)
{
  GlossAnnotationView *view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  GlossStore *store = gloss_window_get_store (window);
  guint start = find_text (store, text, 0);

  gloss_annotation_view_select_range (view, start, text_end (text, start));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", type);
  iterate ();
}

/* Ctrl+E, the doccano filter: the document as doccano JSONL, a toast;
 * again with the dataset filter and no extension typed: .jsonl added,
 * Gloss's own dataset shape; onto a folder: the error, said plainly. */
static void
test_export (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gloss-export-XXXXXX", NULL);
  g_autofree char *saved = g_build_filename (dir, "vostochny.gloss", NULL);
  g_autofree char *doccano = g_build_filename (dir, "vostochny.jsonl", NULL);
  g_autofree char *dataset = g_build_filename (dir, "dataset.jsonl", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) proc = g_file_new_for_path ("/proc/self");
  g_autoptr(GFile) saved_file = g_file_new_for_path (saved);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = NULL;
  GlossWindow *window = gloss_window_new (app);
  GtkWidget *chooser, *dialog;
  JsonObject *record;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  present_and_wait (GTK_WINDOW (window));
  g_assert_true (gloss_window_open_sample (window, &error));
  g_assert_no_error (error);
  wait_for_allocation (gloss_window_get_view (window));
  tag (window, "Kim Jong Un", "PER");
  tag (window, "Vladimir Putin", "PER");
  tag (window, "Vostochny", "FAC");
  g_assert_true (gloss_window_save_to_file (window, saved_file, &error));
  g_assert_no_error (error);

  /* The menu has it, and Ctrl+E (from the article) opens the chooser,
   * named after the document, with one filter per format. */
  gtk_widget_grab_focus (gloss_window_get_view (window));
  ui_key (GTK_WIDGET (window), "<Control>e");
  chooser = wait_toplevel (GTK_TYPE_FILE_CHOOSER);
  {
    g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));
    g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));

    g_assert_cmpuint (g_list_model_get_n_items (filters), >=, 2);
    g_assert_cmpstr (name, ==, "vostochny.jsonl");
  }
  choose_file (chooser, "doccano", folder, "vostochny.jsonl");
  g_assert_true (wait_toast (GTK_WIDGET (window), "Exported “vostochny.jsonl”", TRUE, 5000));
  record = read_first_line (doccano, &parser);
  g_assert_true (json_object_has_member (record, "text"));
  g_assert_true (json_object_has_member (record, "label") || json_object_has_member (record, "entities"));
  g_assert_false (json_object_has_member (record, "clusters"));
  g_clear_object (&parser);

  ui_key (GTK_WIDGET (window), "<Control>e");
  chooser = wait_toplevel (GTK_TYPE_FILE_CHOOSER);
  choose_file (chooser, "Gloss Dataset", folder, "dataset");
  g_assert_true (wait_toast (GTK_WIDGET (window), "Exported “dataset.jsonl”", TRUE, 5000));
  record = read_first_line (dataset, &parser);
  /* Gloss's dataset, version 2: "mentions", and coreference clusters as
   * "entities", as in .gloss. */
  g_assert_cmpint (json_object_get_int_member (record, "version"), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (record, "mentions")), ==, 3);
  g_assert_true (json_object_has_member (record, "entities"));
  g_assert_false (json_object_has_member (record, "clusters"));
  g_clear_object (&parser);

  /* A folder nobody can write to, not even root (a small one: the chooser
   * lists it): the error, plainly. */
  ui_key (GTK_WIDGET (window), "<Control>e");
  chooser = wait_toplevel (GTK_TYPE_FILE_CHOOSER);
  choose_file (chooser, "doccano", proc, "vostochny.jsonl");
  dialog = wait_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Could Not Export “vostochny.jsonl”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "/proc/self/vostochny.jsonl"));
  g_assert_false (g_file_test ("/proc/self/vostochny.jsonl", G_FILE_TEST_EXISTS));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  iterate ();

  /* Export changes nothing: the document is still saved. */
  g_assert_false (gloss_window_get_modified (window));

  gloss_window_set_store (window, NULL, NULL);
  wait_ms (600);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_unlink (doccano);
  g_unlink (dataset);
  g_unlink (saved);
  g_rmdir (dir);
}

/* The shortcuts window lists Ctrl+E. */
static void
test_shortcut_listed (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/glossapp/Gloss/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");
  gboolean found = FALSE;

  g_assert_nonnull (overlay);
  for (GtkWidget *w = GTK_WIDGET (overlay); w != NULL && !found;)
    {
      GtkWidget *next;

      if (GTK_IS_SHORTCUTS_SHORTCUT (w))
        {
          g_autofree char *accel = NULL;

          g_object_get (w, "accelerator", &accel, NULL);
          found = g_strcmp0 (accel, "<Control>e") == 0;
        }
      /* Depth first through the whole tree. */
      next = gtk_widget_get_first_child (w);
      while (next == NULL && w != NULL && w != GTK_WIDGET (overlay))
        {
          next = gtk_widget_get_next_sibling (w);
          if (next == NULL)
            w = gtk_widget_get_parent (w);
        }
      w = next;
    }
  g_assert_true (found);
  gtk_window_destroy (GTK_WINDOW (overlay));
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/export/chooser-formats-errors", test_export);
  g_test_add_func ("/ui/export/shortcut-listed", test_shortcut_listed);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GString) schema_dirs = g_string_new (g_getenv ("GSETTINGS_SCHEMA_DIR"));

  /* GTK's file chooser needs its own settings schema, found through the
   * system's data folders, which isolating each test's folders hides. */
  for (const char * const *dir = g_get_system_data_dirs (); *dir != NULL; dir++)
    {
      g_autofree char *path = g_build_filename (*dir, "glib-2.0", "schemas", NULL);

      if (schema_dirs->len > 0)
        g_string_append_c (schema_dirs, G_SEARCHPATH_SEPARATOR);
      g_string_append (schema_dirs, path);
    }
  g_setenv ("GSETTINGS_SCHEMA_DIR", schema_dirs->str, TRUE);
  return ui_test_main (&argc, &argv, &app, add_tests);
}
