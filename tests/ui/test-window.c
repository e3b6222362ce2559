/* test-window.c: the main window driven through its actions and shortcuts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keys are "pressed" through the same tables a real key press meets: the
 * application's accelerators, then the shortcut controllers from the
 * focus widget up (GTK 4 has no public way to synthesize a key event).
 */
#include "config.h"

#include <glib/gstdio.h>

#include "gloss-application.h"
#include "gloss-annotation-view.h"
#include "gloss-error.h"
#include "gloss-format-native.h"
#include "gloss-entity-list.h"
#include "gloss-inspector.h"
#include "gloss-label-palette.h"
#include "gloss-window.h"
#include "ui-test-utils.h"

static GlossApplication *app;

static GFile *
tmp_file (const char *name)
{
  g_autofree char *path = ui_test_path (name);

  return g_file_new_for_path (path);
}

static GlossWindow *
new_window (void)
{
  GlossWindow *window = gloss_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  return window;
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Until the window is gone: its journal holds the file it showed until
 * then, and a window opening that file next would find it held (on a busy
 * machine a few main loop turns are not enough). */
static void
close_window (GlossWindow *window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (ui_wait_until (is_null, &weak, UI_TEST_TIMEOUT_MS));
}

/* A .gloss of the sample, as the app writes it. */
static GFile *
sample_gloss (const char *name)
{
  GlossWindow *window = new_window ();
  g_autoptr(GError) error = NULL;
  GFile *file = tmp_file (name);

  g_assert_true (gloss_window_open_sample (window, &error));
  g_assert_no_error (error);
  g_assert_true (gloss_window_save_to_file (window, file, &error));
  g_assert_no_error (error);
  close_window (window);
  return file;
}

static GlossMention *
find_mention (GlossStore *store,
              guint       start,
              guint       end)
{
  GListModel *mentions = gloss_store_get_list (store, GLOSS_KIND_MENTION);

  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(GlossAnnotation) m = g_list_model_get_item (mentions, i);

      if (gloss_annotation_get_start (m) == start && gloss_annotation_get_end (m) == end)
        return GLOSS_MENTION (m);
    }
  return NULL;
}

static void
test_search_tag_save_undo (void)
{
  g_autoptr(GFile) file = sample_gloss ("search-tag.gloss");
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) saved = NULL;
  GlossWindow *window = new_window ();
  GtkWidget *entry;
  GtkWidget *focus;
  GlossMention *mention;
  GlossDocument *document;

  g_assert_true (gloss_window_open_file (window, file, &error));
  g_assert_no_error (error);
  g_assert_false (gloss_window_get_modified (window));
  entry = gloss_window_get_search_entry (window);
  /* The article shown, as the analyst sees it before searching. */
  wait_for_allocation (gloss_window_get_view (window));

  /* Ctrl+F, a phrase, Enter, Escape, 1, Ctrl+S */
  press (GTK_WIDGET (window), "<Control>f");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Vladimir Putin");
  press (GTK_WIDGET (window), "Return");
  press (GTK_WIDGET (window), "Escape");
  g_assert_true (ui_wait_focus (GTK_WINDOW (window), gloss_window_get_view (window)));
  press (GTK_WIDGET (window), "1");
  g_assert_true (gloss_window_get_modified (window));
  press (GTK_WIDGET (window), "<Control>s");
  g_assert_false (gloss_window_get_modified (window));

  saved = gloss_native_read_file (file, &error);
  g_assert_no_error (error);
  mention = find_mention (saved, 113, 127);
  g_assert_nonnull (mention);
  g_assert_cmpstr (gloss_annotation_get_type_id (GLOSS_ANNOTATION (mention)), ==, "PER");
  document = gloss_store_get_document (saved);
  g_assert_true (gloss_document_slice_equals (document, 113, 127, "Vladimir Putin", -1));
  g_assert_nonnull (gloss_mention_get_entity (mention));
  g_assert_cmpstr (gloss_entity_get_name (gloss_mention_get_entity (mention)), ==, "Vladimir Putin");
  g_clear_object (&saved);

  /* Ctrl+Z, Ctrl+S */
  press (GTK_WIDGET (window), "<Control>z");
  press (GTK_WIDGET (window), "<Control>s");
  saved = gloss_native_read_file (file, &error);
  g_assert_no_error (error);
  g_assert_null (find_mention (saved, 113, 127));
  g_assert_cmpuint (gloss_store_get_n_items (saved, GLOSS_KIND_MENTION), ==, 0);
  g_assert_cmpuint (gloss_store_get_n_items (saved, GLOSS_KIND_ENTITY), ==, 0);

  close_window (window);
  g_file_delete (file, NULL, NULL);
}

static void
test_tag_all_is_one_step (void)
{
  GlossWindow *window = new_window ();
  g_autoptr(GError) error = NULL;
  GlossAnnotationView *view;
  GlossStore *store;
  guint n;

  g_assert_true (gloss_window_open_sample (window, &error));
  view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  store = gloss_window_get_store (window);

  gloss_annotation_view_select_range (view, 104, 110); /* Russia */
  press (GTK_WIDGET (window), "3");
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_MENTION), ==, 1);
  press (GTK_WIDGET (window), "a");
  n = gloss_store_get_n_items (store, GLOSS_KIND_MENTION);
  g_assert_cmpuint (n, ==, 20);
  /* Every one is whole-word "Russia", none inside "Russian". */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) m = g_list_model_get_item (gloss_store_get_list (store, GLOSS_KIND_MENTION), i);

      g_assert_true (gloss_document_slice_equals (gloss_store_get_document (store),
                                                  gloss_annotation_get_start (m),
                                                  gloss_annotation_get_end (m), "Russia", -1));
      g_assert_cmpstr (gloss_annotation_get_type_id (m), ==, "GPE");
    }
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_ENTITY), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (window), "doc.undo", NULL);
  iterate ();
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_MENTION), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "doc.redo", NULL);
  iterate ();
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_MENTION), ==, n);

  /* Tab walks, Delete removes, Escape clears. */
  gloss_annotation_view_clear_selection (view);
  press (GTK_WIDGET (window), "Tab");
  g_assert_nonnull (gloss_annotation_view_get_selected (view));
  g_assert_true (gloss_document_slice_equals (gloss_store_get_document (store),
                                              gloss_annotation_get_start (gloss_annotation_view_get_selected (view)),
                                              gloss_annotation_get_end (gloss_annotation_view_get_selected (view)),
                                              "Russia", -1));
  press (GTK_WIDGET (window), "Delete");
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_MENTION), ==, n - 1);
  /* Nothing selected after it (issue 7, item 8): Delete again removes
   * nothing. */
  g_assert_null (gloss_annotation_view_get_selected (view));
  if (ui_test_require_input ())
    {
      ui_key (GTK_WIDGET (window), "Delete");
      g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_MENTION), ==, n - 1);
    }
  press (GTK_WIDGET (window), "Escape");
  g_assert_null (gloss_annotation_view_get_selected (view));

  /* Discard on close. */
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  {
    GList *toplevels = gtk_window_list_toplevels ();
    AdwMessageDialog *dialog = NULL;

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (ADW_IS_MESSAGE_DIALOG (l->data) &&
          gtk_window_get_transient_for (l->data) == GTK_WINDOW (window))
        dialog = l->data;
    g_list_free (toplevels);
    g_assert_nonnull (dialog);
    adw_message_dialog_response (dialog, "discard");
    iterate ();
  }
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_object_unref (window);
}

static void
test_inspector_edits_undo (void)
{
  GlossWindow *window = new_window ();
  g_autoptr(GError) error = NULL;
  GlossAnnotationView *view;
  GlossInspector *inspector;
  GlossStore *store;
  GlossMention *kim, *kju;
  GlossEntity *entity;

  g_assert_true (gloss_window_open_sample (window, &error));
  view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  store = gloss_window_get_store (window);

  gloss_annotation_view_select_range (view, 224, 235); /* Kim Jong Un */
  press (GTK_WIDGET (window), "1");
  kju = GLOSS_MENTION (gloss_annotation_view_get_selected (view));
  gloss_annotation_view_select_range (view, 14, 17); /* Kim */
  press (GTK_WIDGET (window), "1");
  kim = GLOSS_MENTION (gloss_annotation_view_get_selected (view));
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_ENTITY), ==, 2);

  inspector = GLOSS_INSPECTOR (gloss_inspector_new ());
  g_object_ref_sink (inspector);
  gloss_inspector_set_store (inspector, store);
  gloss_inspector_set_annotation (inspector, GLOSS_ANNOTATION (kim));

  /* Link "Kim" to "Kim Jong Un": the orphaned entity goes too. */
  g_assert_true (gloss_inspector_link_entity (inspector, gloss_mention_get_entity (kju)));
  g_assert_true (gloss_mention_get_entity (kim) == gloss_mention_get_entity (kju));
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_ENTITY), ==, 1);
  entity = gloss_mention_get_entity (kim);
  g_assert_cmpuint (gloss_entity_get_n_mentions (entity), ==, 2);

  g_assert_true (gloss_inspector_set_kb (inspector, "wikidata:Q56226"));
  g_assert_cmpstr (gloss_entity_get_kb (entity), ==, "wikidata:Q56226");
  g_assert_true (gloss_inspector_set_note (inspector, "short form"));
  g_assert_cmpstr (gloss_annotation_get_note (GLOSS_ANNOTATION (kim)), ==, "short form");

  gtk_widget_activate_action (GTK_WIDGET (window), "doc.undo", NULL);
  g_assert_null (gloss_annotation_get_note (GLOSS_ANNOTATION (kim)));
  gtk_widget_activate_action (GTK_WIDGET (window), "doc.undo", NULL);
  g_assert_null (gloss_entity_get_kb (entity));
  gtk_widget_activate_action (GTK_WIDGET (window), "doc.undo", NULL);
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_ENTITY), ==, 2);
  iterate ();

  g_clear_object (&inspector);
  gloss_window_set_store (window, NULL, NULL);
  close_window (window);
}

static void
test_bad_files (void)
{
  GlossWindow *window = new_window ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) latin1 = tmp_file ("latin1.txt");
  g_autoptr(GFile) newer = tmp_file ("newer.gloss");
  const char bad[] = "Caf\xe9 au lait\n";
  const char future[] = "{\"format\": \"gloss\", \"version\": 99, \"document\": {\"text\": \"x\"}}";

  g_assert_true (g_file_replace_contents (latin1, bad, sizeof bad - 1, NULL, FALSE, 0, NULL, NULL, NULL));
  g_assert_false (gloss_window_open_file (window, latin1, &error));
  g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_NOT_UTF8);
  g_assert_nonnull (strstr (error->message, "latin1.txt"));
  g_clear_error (&error);
  g_assert_false (gloss_window_has_document (window));

  g_assert_true (g_file_replace_contents (newer, future, sizeof future - 1, NULL, FALSE, 0, NULL, NULL, NULL));
  g_assert_false (gloss_window_open_file (window, newer, &error));
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_VERSION);
  g_clear_error (&error);
  g_assert_false (gloss_window_has_document (window));

  g_file_delete (latin1, NULL, NULL);
  g_file_delete (newer, NULL, NULL);
  close_window (window);
}

static void
test_save_failure_keeps_work (void)
{
  GlossWindow *window = new_window ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) nowhere = g_file_new_for_path ("/nonexistent-dir/x.gloss");
  GlossAnnotationView *view;

  g_assert_true (gloss_window_open_sample (window, &error));
  view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  gloss_annotation_view_select_range (view, 113, 127);
  gtk_widget_activate_action (GTK_WIDGET (window), "doc.tag", "s", "PER");
  g_assert_true (gloss_window_get_modified (window));
  g_assert_false (gloss_window_save_to_file (window, nowhere, &error));
  g_assert_nonnull (error);
  g_assert_true (gloss_window_get_modified (window));
  g_assert_null (gloss_window_get_file (window));

  gloss_window_set_store (window, NULL, NULL);
  close_window (window);
}

static GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Until @widget is allocated and its size stays the same over a frame
 * (height-for-width settles a frame later). */
static void
wait_for_layout (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + UI_TEST_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
  int width, height;

  wait_for_allocation (widget);
  do
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      ui_wait_for_frame (widget);
    }
  while (width != gtk_widget_get_width (widget) || height != gtk_widget_get_height (widget));
  iterate ();
}

static void
collect_palette_buttons (GtkWidget  *widget,
                         GHashTable *types)
{
  const char *id = g_object_get_data (G_OBJECT (widget), "type-id");

  if (id != NULL)
    g_hash_table_insert (types, (gpointer) id, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_palette_buttons (child, types);
}

/* Every entity type has a chip in the palette, drawn whole inside it and
 * inside the window: nothing hidden behind a scroll, at any width. */
static void
check_palette_at (int width)
{
  GlossWindow *window = gloss_window_new (app);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) buttons = g_hash_table_new (g_str_hash, g_str_equal);
  GtkWidget *palette;
  GListModel *labels;
  graphene_rect_t palette_bounds;

  gtk_window_set_default_size (GTK_WINDOW (window), width, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gloss_window_open_sample (window, &error));
  g_assert_no_error (error);
  palette = find_child (GTK_WIDGET (window), GLOSS_TYPE_LABEL_PALETTE);
  g_assert_nonnull (palette);
  wait_for_layout (palette);

  g_assert_true (gtk_widget_compute_bounds (palette, GTK_WIDGET (window), &palette_bounds));
  g_assert_cmpfloat (palette_bounds.origin.x + palette_bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (window)) + 0.5);
  g_assert_cmpfloat (palette_bounds.origin.y + palette_bounds.size.height, <=, gtk_widget_get_height (GTK_WIDGET (window)) + 0.5);

  collect_palette_buttons (palette, buttons);
  labels = gloss_schema_get_labels (gloss_store_get_schema (gloss_window_get_store (window)), GLOSS_LABEL_ENTITY);
  g_assert_cmpuint (g_list_model_get_n_items (labels), ==, 9);
  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(GlossLabel) label = g_list_model_get_item (labels, i);
      GtkWidget *button = g_hash_table_lookup (buttons, gloss_label_get_id (label));
      graphene_rect_t bounds;
      const char *tooltip;

      g_assert_nonnull (button);
      g_assert_true (gtk_widget_get_mapped (button));
      g_assert_true (gtk_widget_compute_bounds (button, palette, &bounds));
      g_assert_cmpfloat (bounds.size.width, >, 0);
      g_assert_cmpfloat (bounds.origin.x, >=, -0.5);
      g_assert_cmpfloat (bounds.origin.y, >=, -0.5);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, palette_bounds.size.width + 0.5);
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, palette_bounds.size.height + 0.5);
      /* The key and the full name are told, whatever the chip shows. */
      tooltip = gtk_widget_get_tooltip_text (button);
      g_assert_nonnull (strstr (tooltip, gloss_label_get_name (label)));
      g_assert_nonnull (strstr (tooltip, gloss_label_get_key (label)));
    }

  /* A chip tags the selection. */
  gloss_annotation_view_select_range (GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window)), 113, 127);
  g_signal_emit_by_name (g_hash_table_lookup (buttons, "PER"), "clicked");
  iterate ();
  g_assert_nonnull (find_mention (gloss_window_get_store (window), 113, 127));

  gloss_window_set_store (window, NULL, NULL);
  close_window (window);
}

static void
test_palette_shows_every_type (void)
{
  check_palette_at (1280);
  check_palette_at (1000);
  check_palette_at (600);
}

/* A mention selected in the text (what a click does) selects its entity in
 * the sidebar and rings the entity's other mentions; Escape clears both. */
static void
test_mention_selects_entity (void)
{
  GlossWindow *window = new_window ();
  g_autoptr(GError) error = NULL;
  GlossAnnotationView *view;
  GlossEntityList *list;
  GlossMention *putin, *kju;
  GlossEntity *selected;

  g_assert_true (gloss_window_open_sample (window, &error));
  view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  list = GLOSS_ENTITY_LIST (find_child (GTK_WIDGET (window), GLOSS_TYPE_ENTITY_LIST));
  g_assert_nonnull (list);

  gloss_annotation_view_select_range (view, 113, 127); /* Vladimir Putin */
  press (GTK_WIDGET (window), "1");
  putin = GLOSS_MENTION (gloss_annotation_view_get_selected (view));
  gloss_annotation_view_select_range (view, 224, 235); /* Kim Jong Un */
  press (GTK_WIDGET (window), "1");
  kju = GLOSS_MENTION (gloss_annotation_view_get_selected (view));
  g_assert_nonnull (putin);
  g_assert_nonnull (kju);
  iterate ();

  /* Tagging selected the new mention: its entity is selected already. */
  g_assert_true (gloss_entity_list_get_selected (list) == gloss_mention_get_entity (kju));

  gloss_annotation_view_set_selected (view, GLOSS_ANNOTATION (putin));
  iterate ();
  selected = gloss_entity_list_get_selected (list);
  g_assert_nonnull (selected);
  g_assert_true (selected == gloss_mention_get_entity (putin));
  g_assert_cmpstr (gloss_entity_get_name (selected), ==, "Vladimir Putin");
  g_assert_true (gloss_annotation_view_get_highlighted_entity (view) == selected);
  /* Following the text does not move the text: the mention stays selected. */
  g_assert_true (gloss_annotation_view_get_selected (view) == GLOSS_ANNOTATION (putin));

  gloss_annotation_view_set_selected (view, GLOSS_ANNOTATION (kju));
  iterate ();
  g_assert_true (gloss_entity_list_get_selected (list) == gloss_mention_get_entity (kju));

  gtk_widget_grab_focus (GTK_WIDGET (view));
  press (GTK_WIDGET (window), "Escape");
  g_assert_null (gloss_annotation_view_get_selected (view));
  g_assert_null (gloss_entity_list_get_selected (list));
  g_assert_null (gloss_annotation_view_get_highlighted_entity (view));

  gloss_window_set_store (window, NULL, NULL);
  close_window (window);
}

/* Xvfb has no session bus; GtkApplication says so and carries on. */
static void
add_tests (void)
{
  g_test_add_func ("/ui/window/search-tag-save-undo", test_search_tag_save_undo);
  g_test_add_func ("/ui/window/tag-all-walk-delete-close", test_tag_all_is_one_step);
  g_test_add_func ("/ui/window/inspector-edits-undo", test_inspector_edits_undo);
  g_test_add_func ("/ui/window/bad-files", test_bad_files);
  g_test_add_func ("/ui/window/save-failure-keeps-work", test_save_failure_keeps_work);
  g_test_add_func ("/ui/window/palette-shows-every-type", test_palette_shows_every_type);
  g_test_add_func ("/ui/window/mention-selects-entity", test_mention_selects_entity);
}

int
main (int   argc,
      char *argv[])
{
  return ui_test_main (&argc, &argv, &app, add_tests);
}
