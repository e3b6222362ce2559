/* export-test-utils.h: the export dialog and its file chooser, waited
 * for and driven by keys, for test-export.c and test-export-project.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-export-dialog.h"
#include "ui-test-utils.h"

static gboolean
no_toplevel (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, GPOINTER_TO_SIZE (data)) && gtk_widget_get_visible (toplevel))
        return FALSE;
    }
  return TRUE;
}

static GtkWidget *
open_dialog (GlossWindow *window)
{
  GtkWidget *dialog;

  ui_key (GTK_WIDGET (window), "<Control>e");
  dialog = ui_wait_toplevel (GLOSS_TYPE_EXPORT_DIALOG);
  ui_present_focused (GTK_WINDOW (dialog));
  return dialog;
}

/* Opens the combo row that has the focus and moves @down items. */
static void
pick_by_keys (GtkWidget   *dialog,
              AdwComboRow *row,
              guint        down)
{
  GtkWidget *popover;
  ui_key (dialog, "space");
  g_assert_true (wait_popover_visible (GTK_WIDGET (row), GTK_TYPE_POPOVER));
  popover = find_visible (GTK_WIDGET (row), GTK_TYPE_POPOVER);
  for (guint i = 0; i < down; i++)
    ui_key (popover, "Down");
  ui_key (popover, "Return");
  /* The choice made, the focus is back on the row. */
  g_assert_true (ui_wait_focus (GTK_WINDOW (dialog), GTK_WIDGET (row)));
}

static gboolean
chooser_in (gpointer data)
{
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (data));
  g_autofree char *path = folder ? g_file_get_path (folder) : NULL;

  return g_strcmp0 (path, g_object_get_data (data, "wanted")) == 0;
}

/* The chooser Export… opened: in the folder at @path, accepted. */
static void
accept_in_folder (const char *path)
{
  GtkWidget *chooser = ui_wait_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, &error));
  g_assert_no_error (error);
  /* The chooser changes folder once it has looked the folder up: an
   * answer before that would go to the folder it showed before. */
  g_object_set_data (G_OBJECT (chooser), "wanted", (gpointer) path);
  g_assert_true (ui_wait_until (chooser_in, chooser, UI_TEST_TIMEOUT_MS));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
}

/* ui_test_main() with GTK's file chooser working. */
static int
export_test_main (int                *argc,
                  char             ***argv,
                  GlossApplication  **app,
                  void              (*add_tests) (void))
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
  return ui_test_main (argc, argv, app, add_tests);
}
