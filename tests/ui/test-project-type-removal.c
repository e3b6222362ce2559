/* test-project-type-removal.c: Remove of an entity type in Preferences,
 * in a project whose other documents use the type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-edits.h"
#include "gloss-preferences-window.h"
#include "gloss-window.h"
#include "ui-test-utils.h"

static GlossApplication *app;

static const char first_article[] = "Officials met at the summit in Vostochny on Thursday.";
static const char second_article[] = "North Korea's leader left the summit early.";

/* Tags the first @word of article @id as @type, as @annotator. */
static void
tag_as (GFile      *folder,
        const char *annotator,
        const char *id,
        const char *type,
        const char *word)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossProject) project = gloss_project_load (folder, annotator, &error);
  GlossProjectDocument *document = gloss_project_lookup (project, id);
  g_autoptr(GlossStore) store = gloss_project_open_document (project, document, &error);
  const char *text = gloss_document_get_text (gloss_store_get_document (store));
  guint start = strstr (text, word) - text;

  g_assert_no_error (error);
  g_assert_nonnull (gloss_edit_tag (store, type, start, start + strlen (word), &error));
  g_assert_no_error (error);
  g_assert_true (gloss_project_save_document (project, document, store, &error));
  g_assert_no_error (error);
}

/* Two articles and an entity type Event, which Ben used once in the
 * second ("summit": a mention and its entity); the window's annotator
 * tagged "Officials" in the first, as a person. */
static GFile *
make_project (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "summit", NULL);
  GFile *folder = g_file_new_for_path (path);
  const char *texts[] = { first_article, second_article };
  const char *names[] = { "a-first.txt", "b-second.txt" };
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GlossLabel) event = gloss_label_new (GLOSS_LABEL_ENTITY, "EVENT", "Event", "#f6d32d");
  g_autoptr(GError) error = NULL;

  ui_project_make (folder, texts, names, G_N_ELEMENTS (texts), NULL);
  project = gloss_project_load (folder, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_schema_add (gloss_project_get_schema (project), event, -1, &error));
  g_assert_true (gloss_project_save (project, &error));
  g_assert_no_error (error);

  tag_as (folder, "Ben Okafor", "b-second", "EVENT", "summit");
  tag_as (folder, NULL, "a-first", "PER", "Officials");
  return folder;
}

typedef struct
{
  GtkWidget  *root;
  const char *title;
  gboolean    shown;
} RowShown;

/* The rows are rebuilt from an idle after each change. */
static gboolean
row_is_shown (gpointer data)
{
  RowShown *r = data;
  GtkWidget *row = find_widget (r->root, ADW_TYPE_ENTRY_ROW, r->title);

  return (row != NULL && gtk_widget_get_mapped (row)) == r->shown;
}

static GtkWidget *
wait_entry_row (GtkWidget  *root,
                const char *title,
                gboolean    shown)
{
  RowShown r = { root, title, shown };

  g_assert_true (ui_wait_until (row_is_shown, &r, UI_TEST_TIMEOUT_MS));
  return find_widget (root, ADW_TYPE_ENTRY_ROW, title);
}

static void
click_remove (GtkWidget *row)
{
  GtkWidget *remove = find_icon_button (row, "user-trash-symbolic");

  g_assert_nonnull (remove);
  ui_scroll_into_view (remove);
  ui_click_center (remove);
}

static gboolean
project_lacks_quantity (gpointer data)
{
  g_autoptr(GFile) file = g_file_get_child (data, "project.json");
  g_autofree char *contents = NULL;

  return g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL) && strstr (contents, "\"QTY\"") == NULL;
}

/* The first article is shown; it does not use Event, Ben's version of
 * the second does. Ctrl+comma, Entity Types, Event's Remove: refused, the
 * toast's Details say how many annotations in how many documents. A type
 * no document uses (Quantity) goes, from project.json too. */
static void
test_refused_for_other_documents (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gloss-type-removal-XXXXXX", NULL);
  g_autoptr(GFile) folder = make_project (dir);
  GlossWindow *window;
  GlossSchema *schema;
  GtkWidget *prefs, *message;
  UiToastHold *hold;

  if (!ui_test_require_input ())
    return;

  window = ui_project_window (app, folder);
  g_assert_cmpstr (gloss_project_document_get_id (gloss_window_get_project_document (window)), ==, "a-first");
  schema = gloss_store_get_schema (gloss_window_get_store (window));
  g_assert_nonnull (gloss_schema_lookup (schema, GLOSS_LABEL_ENTITY, "EVENT"));

  ui_key (GTK_WIDGET (window), "<Control>comma");
  prefs = ui_wait_toplevel (GLOSS_TYPE_PREFERENCES_WINDOW);
  ui_present_focused (GTK_WINDOW (prefs));
  ui_click_center (ui_wait_label (prefs, "Entity Types"));

  hold = ui_hold_toast (prefs, "“Event” is in use");
  click_remove (wait_entry_row (prefs, "EVENT", TRUE));
  ui_click_toast_button (hold);
  message = GTK_WIDGET (wait_message_dialog (prefs));
  g_assert_nonnull (message);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (message)), ==, "“Event” Cannot Be Deleted");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message)), ==,
                   "“Event” is used by 2 annotations in 1 document of the project; change or delete them first");
  g_object_add_weak_pointer (G_OBJECT (message), (gpointer *) &message);
  ui_present_focused (GTK_WINDOW (message));
  ui_key (message, "Escape");
  g_assert_true (ui_wait_until (ui_widget_gone, &message, UI_TEST_TIMEOUT_MS));
  g_assert_nonnull (gloss_schema_lookup (schema, GLOSS_LABEL_ENTITY, "EVENT"));
  g_assert_nonnull (wait_entry_row (prefs, "EVENT", TRUE));

  ui_present_focused (GTK_WINDOW (prefs));
  click_remove (wait_entry_row (prefs, "QTY", TRUE));
  wait_entry_row (prefs, "QTY", FALSE);
  g_assert_null (gloss_schema_lookup (schema, GLOSS_LABEL_ENTITY, "QTY"));
  g_assert_true (ui_wait_until (project_lacks_quantity, folder, UI_TEST_TIMEOUT_MS));

  gtk_window_destroy (GTK_WINDOW (prefs));
  ui_window_destroy (GTK_WINDOW (window));
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/project-type-removal/refused-for-other-documents", test_refused_for_other_documents);
}

int
main (int   argc,
      char *argv[])
{
  return ui_test_main (&argc, &argv, &app, add_tests);
}
