/* test-preferences.c: style, text size and annotator name, from Preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window opens the sample and Preferences comes from app.preferences,
 * as from the primary menu; each row is changed as a user changes it and
 * the effect is checked where the user sees it: the style manager, the
 * article's font, the author of the next annotation. In a project, a
 * type another document uses is not removed.
 */
#include "config.h"

#include <string.h>

#include "gloss-annotation-view.h"
#include "gloss-edits.h"
#include "gloss-application.h"
#include "gloss-preferences-window.h"
#include "gloss-window.h"
#include "ui-test-utils.h"

static GlossApplication *app;

static GtkWidget *
find_preferences (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (GLOSS_IS_PREFERENCES_WINDOW (toplevel))
        return GTK_WIDGET (toplevel);
    }
  return NULL;
}

/* The article's font size, in points, as Pango lays it out (GTK hands
 * Pango CSS pixels, 96 to the inch). */
static double
article_points (GlossWindow *window)
{
  GtkWidget *view = gloss_window_get_view (window);
  PangoContext *context = gtk_widget_get_pango_context (view);
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double size = (double) pango_font_description_get_size (font) / PANGO_SCALE;

  return pango_font_description_get_size_is_absolute (font) ? size * 72.0 / 96.0 : size;
}

typedef struct
{
  GlossWindow *window;
  double       points;
} PointsOf;

static gboolean
article_has_points (gpointer data)
{
  PointsOf *of = data;

  return G_APPROX_VALUE (article_points (of->window), of->points, 0.01);
}

/* Styles are recomputed at the next frame: wait for it. */
static gboolean
wait_article_points (GlossWindow *window,
                     double       points)
{
  PointsOf of = { window, points };

  return ui_wait_until (article_has_points, &of, UI_TEST_TIMEOUT_MS);
}

static void
test_preferences (void)
{
  GSettings *settings = gloss_application_get_settings (app);
  AdwStyleManager *style = adw_style_manager_get_default ();
  GlossWindow *window = gloss_window_new (app);
  g_autoptr(GError) error = NULL;
  GtkWidget *prefs, *row, *spin, *author;
  GlossStore *store;
  GListModel *mentions;
  g_autoptr(GlossAnnotation) mention = NULL;
  guint start;

  g_assert_nonnull (settings);
  present_and_wait (GTK_WINDOW (window));
  g_assert_true (gloss_window_open_sample (window, &error));
  g_assert_no_error (error);
  wait_for_allocation (gloss_window_get_view (window));
  g_assert_true (wait_article_points (window, 12.5));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.preferences", NULL));
  prefs = find_preferences ();
  g_assert_nonnull (prefs);
  present_and_wait (GTK_WINDOW (prefs));

  /* Style: dark, light, then the system's again. */
  row = find_widget (prefs, ADW_TYPE_COMBO_ROW, "Style");
  g_assert_nonnull (row);
  /* “Follow System Setting” whole, not cut at 20 characters. */
  ui_assert_nothing_cut (prefs);
  ui_assert_words_whole (prefs);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  choose (ADW_COMBO_ROW (row), "Dark");
  g_assert_cmpstr (g_settings_get_string (settings, "style-variant"), ==, "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style));
  choose (ADW_COMBO_ROW (row), "Light");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (style));
  choose (ADW_COMBO_ROW (row), "Follow System");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);

  /* Text size: two steps up (the spin button's own increments), then 200%. */
  row = find_widget (prefs, ADW_TYPE_ACTION_ROW, "Article Text Size");
  g_assert_nonnull (row);
  spin = find_widget (row, GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_nonnull (spin);
  gtk_spin_button_spin (GTK_SPIN_BUTTON (spin), GTK_SPIN_STEP_FORWARD, 0);
  gtk_spin_button_spin (GTK_SPIN_BUTTON (spin), GTK_SPIN_STEP_FORWARD, 0);
  iterate ();
  g_assert_cmpint (g_settings_get_int (settings, "text-size"), ==, 120);
  g_assert_true (wait_article_points (window, 15.0));
  gtk_editable_set_text (GTK_EDITABLE (spin), "200");
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  iterate ();
  g_assert_cmpint (g_settings_get_int (settings, "text-size"), ==, 200);
  g_assert_true (wait_article_points (window, 25.0));

  /* Annotator name: typed, applied, stamped on the next mention. */
  author = find_widget (prefs, ADW_TYPE_ENTRY_ROW, "Annotator Name");
  g_assert_nonnull (author);
  gtk_editable_set_text (GTK_EDITABLE (author), "Ada Analyst");
  g_signal_emit_by_name (author, "apply");
  iterate ();
  g_assert_cmpstr (g_settings_get_string (settings, "author"), ==, "Ada Analyst");

  gtk_window_destroy (GTK_WINDOW (prefs));
  iterate ();
  store = gloss_window_get_store (window);
  g_assert_cmpstr (gloss_store_get_author (store), ==, "Ada Analyst");
  start = find_text (store, "Vladimir Putin", 0);
  gloss_annotation_view_select_range (GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window)),
                                      start, text_end ("Vladimir Putin", start));
  gtk_widget_grab_focus (gloss_window_get_view (window));
  ui_key (GTK_WIDGET (window), "1");
  mentions = gloss_store_get_list (store, GLOSS_KIND_MENTION);
  g_assert_cmpuint (g_list_model_get_n_items (mentions), ==, 1);
  mention = g_list_model_get_item (mentions, 0);
  g_assert_cmpstr (gloss_annotation_get_author (mention), ==, "Ada Analyst");

  ui_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "style-variant");
  g_settings_reset (settings, "text-size");
  g_settings_reset (settings, "author");
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

/* The tester's path: Ctrl+comma, Entity Types, "+": "New Type" comes in
 * a colour no type has (it was a blue beside Person's), and its row's
 * Remove takes it away again; Person's Remove is refused while mentions
 * use it, with a toast that says so. */
static void
test_entity_types (void)
{
  static const char * const blues[] = { "#99c1f1", "#62a0ea", "#3584e4", "#1c71d8", "#1a5fb4", NULL };
  g_autoptr(GError) error = NULL;
  GlossWindow *window;
  GlossSchema *schema;
  GtkWidget *prefs, *page_label, *add, *row, *remove;
  GlossLabel *added;
  guint n_types;

  if (!ui_test_require_input ())
    return;

  /* The annotated sample: its mentions use Person. */
  window = gloss_window_new (app);
  present_and_wait (GTK_WINDOW (window));
  g_assert_true (gloss_window_open_annotated_sample (window, &error));
  g_assert_no_error (error);
  schema = gloss_store_get_schema (gloss_window_get_store (window));
  n_types = g_list_model_get_n_items (gloss_schema_get_labels (schema, GLOSS_LABEL_ENTITY));

  ui_key (GTK_WIDGET (window), "<Control>comma");
  prefs = ui_wait_toplevel (GLOSS_TYPE_PREFERENCES_WINDOW);
  ui_present_focused (GTK_WINDOW (prefs));
  page_label = ui_find_label (prefs, "Entity Types");
  g_assert_nonnull (page_label);
  ui_click_center (page_label);
  wait_entry_row (prefs, "PER", TRUE);

  add = find_icon_button (prefs, "list-add-symbolic");
  g_assert_nonnull (add);
  ui_scroll_into_view (add);
  ui_click_center (add);
  row = wait_entry_row (prefs, "NEWTYPE", TRUE);
  added = gloss_schema_lookup (schema, GLOSS_LABEL_ENTITY, "NEWTYPE");
  g_assert_nonnull (added);
  g_assert_cmpstr (gloss_label_shown_name (added), ==, "New Type");
  g_assert_false (g_strv_contains (blues, gloss_label_get_color (added)));
  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(GlossLabel) other = g_list_model_get_item (gloss_schema_get_labels (schema, GLOSS_LABEL_ENTITY), i);

      g_assert_cmpstr (gloss_label_get_color (other), !=, gloss_label_get_color (added));
    }

  remove = find_icon_button (row, "user-trash-symbolic");
  g_assert_nonnull (remove);
  ui_scroll_into_view (remove);
  ui_click_center (remove);
  wait_entry_row (prefs, "NEWTYPE", FALSE);
  g_assert_null (gloss_schema_lookup (schema, GLOSS_LABEL_ENTITY, "NEWTYPE"));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_schema_get_labels (schema, GLOSS_LABEL_ENTITY)), ==, n_types);

  row = wait_entry_row (prefs, "PER", TRUE);
  remove = find_icon_button (row, "user-trash-symbolic");
  g_assert_nonnull (remove);
  ui_scroll_into_view (remove);
  ui_click_center (remove);
  g_assert_true (wait_toast (prefs, "“Person” is in use", TRUE, UI_TEST_TIMEOUT_MS));
  g_assert_nonnull (gloss_schema_lookup (schema, GLOSS_LABEL_ENTITY, "PER"));
  g_assert_nonnull (wait_entry_row (prefs, "PER", TRUE));

  gtk_window_destroy (GTK_WINDOW (prefs));
  ui_window_destroy (GTK_WINDOW (window));
}

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
test_type_used_in_project (void)
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
  g_test_add_func ("/ui/preferences/style-size-author", test_preferences);
  g_test_add_func ("/ui/preferences/entity-types", test_entity_types);
  g_test_add_func ("/ui/preferences/type-used-in-project", test_type_used_in_project);
}

int
main (int   argc,
      char *argv[])
{
  return ui_test_main (&argc, &argv, &app, add_tests);
}
