/* test-export-project.c: Export… (Ctrl+E) in a project, by real keys:
 * the done documents split into train, dev and test as gloss-cli export
 * --split writes them, with the shown document's unsaved edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "gloss-annotator.h"
#include "gloss-application.h"
#include "gloss-window.h"
#include "export-test-utils.h"
#include "ui-test-utils.h"

static GlossApplication *app;

/* A project: its done documents split into train, dev and test by the
 * dialog, by keys, as gloss-cli export --split writes them; the document
 * shown goes with the mention tagged but not saved. */
static const char *project_texts[] = {
  "Kim Jong Un arrived in Vladivostok on Tuesday — by armoured train.\n",
  "Putin met “Kim” at Vostochny 🚀 and spoke of 宇宙.\n",
  "Officials in Seoul watched the talks closely.\n",
  "Nothing else happened that day.\n",
};

typedef struct
{
  GlossWindow *window;
  const char  *prefix;
} Shown;

static gboolean
shows (gpointer data)
{
  Shown *shown = data;
  GlossStore *store = gloss_window_get_store (shown->window);

  return store != NULL && !gloss_window_get_opening (shown->window) &&
         g_str_has_prefix (gloss_document_get_text (gloss_store_get_document (store)), shown->prefix);
}

static void
show_and_wait (GlossWindow *window,
               const char  *key,
               const char  *text)
{
  g_autofree char *prefix = g_strndup (text, 8);
  Shown shown = { window, prefix };

  ui_key (GTK_WIDGET (window), key);
  g_assert_true (ui_wait_until (shows, &shown, UI_TEST_TIMEOUT_MS));
  wait_for_allocation (gloss_window_get_view (window));
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
focus_in (GtkWidget *dialog,
          GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

typedef struct
{
  GtkWidget *dialog;
  GtkWidget *before;
} FocusMoved;

static gboolean
focus_moved (gpointer data)
{
  FocusMoved *moved = data;

  return gtk_root_get_focus (GTK_ROOT (moved->dialog)) != moved->before;
}

/* Tab, each time until the focus has moved, until it is in @widget. */
static void
tab_to (GtkWidget *dialog,
        GtkWidget *widget)
{
  for (guint i = 0; i < 40; i++)
    {
      FocusMoved moved = { dialog, gtk_root_get_focus (GTK_ROOT (dialog)) };

      if (focus_in (dialog, widget))
        return;
      ui_key (dialog, "Tab");
      g_assert_true (ui_wait_until (focus_moved, &moved, UI_TEST_TIMEOUT_MS));
    }
  g_error ("Tab never reached a %s", G_OBJECT_TYPE_NAME (widget));
}

static gboolean
is_hidden (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

/* The row titled @title shows its choice whole; clicked, its list shows
 * every name whole; Escape closes the list. */
static void
assert_names_whole (GtkWidget  *dialog,
                    const char *title)
{
  GtkWidget *row = find_widget (dialog, ADW_TYPE_COMBO_ROW, title);
  GtkWidget *popover;

  g_assert_nonnull (row);
  ui_assert_nothing_cut (row);
  ui_click_center (row);
  g_assert_true (wait_popover_visible (row, GTK_TYPE_POPOVER));
  popover = find_visible (row, GTK_TYPE_POPOVER);
  ui_assert_nothing_cut (popover);
  ui_assert_words_whole (popover);
  ui_key (popover, "Escape");
  g_assert_true (ui_wait_until (is_hidden, popover, UI_TEST_TIMEOUT_MS));
}

static void
test_project_split (void)
{
  g_autoptr(UiLivedIn) lived_in = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *annotator = NULL;
  g_autofree char *project_path = NULL;
  g_autofree char *window_dir = NULL;
  g_autofree char *cli_dir = NULL;
  g_autofree char *all = NULL;
  g_autoptr(GFile) folder = NULL;
  GlossWindow *window;
  GtkWidget *dialog, *split, *seed;
  g_autofree char *shown_parts = NULL;
  guint part_lines[3] = { 0 };
  const char *cli = g_getenv ("GLOSS_CLI");
  guint n_lines = 0;

  if (!ui_test_require_input ())
    return;
  if (cli == NULL)
    {
      g_test_skip ("GLOSS_CLI is not set");
      return;
    }

  lived_in = ui_lived_in_new ();
  /* The name Preferences give, which the window annotates as. */
  annotator = gloss_annotator_default_name ();
  project_path = g_build_filename (lived_in->dir, "summit", NULL);
  window_dir = g_build_filename (lived_in->dir, "window-split", NULL);
  cli_dir = g_build_filename (lived_in->dir, "cli-split", NULL);
  g_assert_cmpint (g_mkdir (window_dir, 0700), ==, 0);
  folder = g_file_new_for_path (project_path);
  {
    g_autoptr(GlossProject) project = gloss_project_new (folder, "Summit", NULL, annotator);

    for (guint i = 0; i < G_N_ELEMENTS (project_texts); i++)
      {
        g_autoptr(GlossStore) store = ui_store_new (project_texts[i]);
        g_autofree char *name = g_strdup_printf ("article-%u.txt", i);

        g_assert_nonnull (gloss_project_add_store (project, store, name, &error));
        g_assert_no_error (error);
      }
    g_assert_true (gloss_project_save (project, &error));
    g_assert_no_error (error);
  }

  window = gloss_window_new (app);
  ui_present_focused (GTK_WINDOW (window));
  g_assert_true (gloss_window_open_project (window, folder, &error));
  g_assert_no_error (error);
  wait_for_allocation (gloss_window_get_view (window));
  gtk_widget_grab_focus (gloss_window_get_view (window));

  /* The first three tagged and marked done (Ctrl+Return saves and moves
   * on), then back to the third (Alt+Left), tagged again and not saved. */
  tag_by_key (window, "Kim Jong Un", "1");
  show_and_wait (window, "<Control>Return", project_texts[1]);
  tag_by_key (window, "Putin", "1");
  show_and_wait (window, "<Control>Return", project_texts[2]);
  tag_by_key (window, "Seoul", "3");
  show_and_wait (window, "<Control>Return", project_texts[3]);
  show_and_wait (window, "<Alt>Left", project_texts[2]);
  tag_by_key (window, "Officials", "1");
  g_assert_cmpuint (n_mentions (window), ==, 2);
  g_assert_true (gloss_window_get_modified (window));

  /* Ctrl+E: the done documents (the default in a project), the Gloss
   * dataset picked by keys, the split switched on and seeded by keys. */
  dialog = open_dialog (window);
  g_assert_true (label_contains (dialog, "3 documents: 4 mentions"));
  /* Every name whole: the formats' and the documents' (“Done and curated
   * documents”), in the rows and in their lists. */
  ui_assert_nothing_cut (dialog);
  ui_assert_words_whole (dialog);
  assert_names_whole (dialog, "_Format");
  assert_names_whole (dialog, "_Documents");
  ui_present_focused (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (find_widget (dialog, ADW_TYPE_COMBO_ROW, "_Format"));
  pick_by_keys (dialog, ADW_COMBO_ROW (find_widget (dialog, ADW_TYPE_COMBO_ROW, "_Format")), 0);
  g_assert_cmpstr (gloss_export_dialog_get_format (GLOSS_EXPORT_DIALOG (dialog))->name, ==, "jsonl");
  split = find_widget (dialog, ADW_TYPE_EXPANDER_ROW, "S_plit into Train, Dev and Test");
  tab_to (dialog, find_visible (split, GTK_TYPE_SWITCH));
  ui_key (dialog, "space");
  g_assert_true (adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (split)));
  seed = find_visible (find_widget (dialog, ADW_TYPE_ACTION_ROW, "S_eed"), GTK_TYPE_SPIN_BUTTON);
  /* The rows show once the expander has opened. */
  g_assert_true (ui_wait_until (is_mapped, seed, UI_TEST_TIMEOUT_MS));
  tab_to (dialog, seed);
  ui_key (dialog, "<Control>a");
  ui_type (dialog, "7");
  ui_key (dialog, "Return");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (seed)), ==, 7);
  /* The dialog says how many documents each part gets, for this seed. */
  shown_parts = g_strdup (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_widget (dialog, ADW_TYPE_ACTION_ROW,
                                                                                           "Annotations"))),
                                  "train "));
  g_assert_nonnull (shown_parts);

  ui_key (dialog, "<Control>Return");
  g_assert_true (GTK_IS_FILE_CHOOSER (ui_wait_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)));
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (ui_wait_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG))), ==,
                   GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
  accept_in_folder (window_dir);
  g_assert_true (wait_toast (GTK_WIDGET (window), "Exported “window-split”", TRUE, UI_TEST_TIMEOUT_MS));
  g_assert_true (ui_wait_until (no_toplevel, GSIZE_TO_POINTER (GLOSS_TYPE_EXPORT_DIALOG), UI_TEST_TIMEOUT_MS));
  /* What was exported is saved, as moving on would have. */
  g_assert_false (gloss_window_get_modified (window));

  /* gloss-cli export of the project, the same split and seed: the same
   * files, byte for byte. */
  {
    const char *argv[] = { cli, "export", "-F", "jsonl", "--split", "80/10/10", "--seed", "7",
                           "-a", annotator, "-o", cli_dir, project_path, NULL };
    g_autofree char *err = NULL;
    int status;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                 NULL, &err, &status, &error));
    g_assert_no_error (error);
    if (!g_spawn_check_wait_status (status, NULL))
      g_error ("gloss-cli export failed: %s", err);
  }
  all = g_strdup ("");
  for (guint p = 0; p < 3; p++)
    {
      const char *parts[] = { "train.jsonl", "dev.jsonl", "test.jsonl" };
      g_autofree char *ours = g_build_filename (window_dir, parts[p], NULL);
      g_autofree char *theirs = g_build_filename (cli_dir, parts[p], NULL);
      g_autofree char *ours_text = NULL, *theirs_text = NULL, *joined = NULL;

      g_assert_true (g_file_get_contents (theirs, &theirs_text, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (ours, &ours_text, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (ours_text, ==, theirs_text);
      for (const char *c = ours_text; *c != '\0'; c++)
        part_lines[p] += *c == '\n';
      n_lines += part_lines[p];
      joined = g_strconcat (all, ours_text, NULL);
      g_free (all);
      all = g_steal_pointer (&joined);
    }
  /* The three done documents, the fourth left out, the mention not saved
   * before Ctrl+E among them. */
  g_assert_cmpuint (n_lines, ==, 3);
  {
    g_autofree char *written_parts = g_strdup_printf ("train %u, dev %u, test %u",
                                                      part_lines[0], part_lines[1], part_lines[2]);

    g_assert_cmpstr (shown_parts, ==, written_parts);
  }
  g_assert_null (strstr (all, "Nothing else"));
  g_assert_nonnull (strstr (all, "\"text\":\"Officials\""));
  g_assert_nonnull (strstr (all, "\"text\":\"Seoul\""));
  g_assert_nonnull (strstr (all, "\"text\":\"Putin\""));

  ui_window_destroy (GTK_WINDOW (window));
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/export-project/split-by-keys", test_project_split);
}

int
main (int   argc,
      char *argv[])
{
  return export_test_main (&argc, &argv, &app, add_tests);
}
