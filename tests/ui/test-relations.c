/* test-relations.c: relations, their editor and list, and the schema editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "gloss-annotation-view.h"
#include "gloss-application.h"
#include "gloss-edits.h"
#include "gloss-format-native.h"
#include "gloss-preferences-window.h"
#include "gloss-relation-editor.h"
#include "gloss-annotation-list-page.h"
#include "gloss-schema-editor.h"
#include "gloss-window.h"
#include "ui-test-utils.h"

static GlossApplication *app;

static GlossEntity *
tag (GlossStore *store,
     const char *type_id,
     const char *text)
{
  guint start = find_text (store, text, 0);

  return gloss_mention_get_entity (add_mention (store, type_id, start, text_end (text, start), NULL));
}

static void
store_message (char       **message,
               const char  *text)
{
  g_free (*message);
  *message = g_strdup (text);
}

/* The type row offers only what fits the ends; ends and evidence edit. */
static void
test_editor (void)
{
  g_autoptr(GlossStore) store = new_sample_store ();
  g_autoptr(GError) error = NULL;
  GlossRelationEditor *editor = GLOSS_RELATION_EDITOR (g_object_ref_sink (gloss_relation_editor_new ()));
  GlossEntity *putin = tag (store, "PER", "Vladimir Putin");
  GlossEntity *kim = tag (store, "PER", "Kim Jong Un");
  GlossEntity *russia = tag (store, "GPE", "Russia");
  GlossRelation *relation;
  GListModel *types;
  GtkWidget *window = gtk_window_new ();
  guint start;
  GlossSpan evidence;

  relation = gloss_edit_new_relation (store, "meets_with", putin, kim, &error);
  g_assert_no_error (error);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (editor));
  gloss_annotation_editor_set_store (GLOSS_ANNOTATION_EDITOR (editor), store);
  gloss_annotation_editor_set_annotation (GLOSS_ANNOTATION_EDITOR (editor), GLOSS_ANNOTATION (relation));
  present_and_wait (GTK_WINDOW (window));

  /* Person → Person: only meets_with fits. */
  types = gloss_relation_editor_get_types (editor);
  g_assert_cmpuint (g_list_model_get_n_items (types), ==, 1);

  /* Person → Country: leader_of and located_in. */
  choose (ADW_COMBO_ROW (find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "To")), "Russia");
  g_assert_true (gloss_relation_get_to (relation) == russia);
  /* meets_with stays listed (the current type) after those that fit. */
  g_assert_cmpuint (g_list_model_get_n_items (types), ==, 3);
  choose (ADW_COMBO_ROW (find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "Type")), "Leader of");
  g_assert_cmpstr (gloss_annotation_get_type_id (GLOSS_ANNOTATION (relation)), ==, "leader_of");
  g_assert_cmpuint (g_list_model_get_n_items (types), ==, 2);

  start = find_text (store, "Russia’s Vladimir Putin", 0);
  evidence.start = start;
  evidence.end = text_end ("Russia’s Vladimir Putin", start);
  g_assert_true (gloss_edit_set_spans (store, GLOSS_ANNOTATION (relation), GLOSS_ROLE_EVIDENCE, &evidence, 1, &error));
  {
    g_autofree char *text = span_text (store, GLOSS_ANNOTATION (relation), GLOSS_ROLE_EVIDENCE, 0);

    g_assert_cmpstr (text, ==, "Russia’s Vladimir Putin");
  }

  for (guint i = 0; i < 3; i++)
    g_assert_true (gloss_store_undo (store));
  iterate ();
  g_assert_cmpstr (gloss_annotation_get_type_id (GLOSS_ANNOTATION (relation)), ==, "meets_with");
  g_assert_true (gloss_relation_get_to (relation) == kim);

  /* Putin → Russia "Meets with" exists: To Russia would repeat it, and is
   * refused with a message; the To row shows Kim again. */
  g_assert_nonnull (gloss_edit_new_relation (store, "meets_with", putin, russia, &error));
  g_assert_no_error (error);
  {
    g_autofree char *message = NULL;
    AdwComboRow *to_row = ADW_COMBO_ROW (find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "To"));

    g_signal_connect_swapped (editor, "message", G_CALLBACK (store_message), &message);
    choose (to_row, "Russia");
    g_assert_true (gloss_relation_get_to (relation) == kim);
    g_assert_cmpstr (message, ==, "Vladimir Putin → Russia is already “Meets with”");
    g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (to_row)), ==, "Kim Jong Un");
    g_signal_handlers_disconnect_by_data (editor, &message);
  }

  ui_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (editor);
}

static void
test_list_filter (void)
{
  g_autoptr(GlossStore) store = new_sample_store ();
  g_autoptr(GError) error = NULL;
  GlossAnnotationListPage *list = GLOSS_ANNOTATION_LIST_PAGE (g_object_ref_sink (gloss_annotation_list_page_new (GLOSS_LIST_RELATIONS)));
  GlossEntity *putin = tag (store, "PER", "Vladimir Putin");
  GlossEntity *kim = tag (store, "PER", "Kim Jong Un");
  GlossEntity *russia = tag (store, "GPE", "Russia");
  GListModel *model;

  g_assert_nonnull (gloss_edit_new_relation (store, "meets_with", putin, kim, &error));
  g_assert_nonnull (gloss_edit_new_relation (store, "leader_of", putin, russia, &error));
  gloss_annotation_list_page_set_store (list, store);
  model = gloss_annotation_list_page_get_model (list);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  gloss_annotation_list_page_set_filter (list, NULL, gloss_annotation_get_id (GLOSS_ANNOTATION (kim)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  gloss_annotation_list_page_set_filter (list, "leader_of", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  gloss_annotation_list_page_set_filter (list, "leader_of", gloss_annotation_get_id (GLOSS_ANNOTATION (kim)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  gloss_annotation_list_page_set_filter (list, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  /* Removing an end removes the relation, and the list follows. */
  g_assert_true (gloss_store_remove (store, GLOSS_ANNOTATION (russia), &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  gloss_annotation_list_page_set_store (list, NULL);
  g_assert_finalize_object (list);
}

/* Claim types, relation types with their ends, attributes: edited in
 * Preferences, saved with the document. */
static void
test_schema_editor (void)
{
  g_autofree char *path = ui_test_path ("schema-editor.gloss");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossStore) store = new_sample_store ();
  g_autoptr(GlossStore) saved = NULL;
  g_autoptr(GError) error = NULL;
  GlossSchema *schema = gloss_store_get_schema (store);
  GtkWidget *prefs = gloss_preferences_window_new (NULL, store);
  GlossSchemaEditor *editor;
  GlossLabel *rumour, *funds;
  GlossAttributeDef *source;
  GlossEntity *putin = tag (store, "PER", "Vladimir Putin");
  GlossEntity *russia = tag (store, "GPE", "Russia");
  static const char * const per[] = { "PER", NULL };
  static const char * const gpe[] = { "GPE", NULL };
  g_autoptr(GPtrArray) fitting = NULL;

  /* Not shown: headless runs cannot load the expander rows' SVG icons. */
  editor = GLOSS_SCHEMA_EDITOR (find_widget (prefs, GLOSS_TYPE_SCHEMA_EDITOR, NULL));
  g_assert_nonnull (editor);

  rumour = gloss_schema_editor_add_type (editor, GLOSS_LABEL_CLAIM, "Rumour");
  g_assert_cmpstr (gloss_label_get_id (rumour), ==, "rumour");
  g_assert_true (gloss_schema_lookup (schema, GLOSS_LABEL_CLAIM, "rumour") == rumour);

  funds = gloss_schema_editor_add_type (editor, GLOSS_LABEL_RELATION, "Funds");
  gloss_schema_editor_set_ends (editor, funds, per, gpe);
  fitting = gloss_edit_fitting_relation_types (schema, putin, russia);
  g_assert_true (g_ptr_array_find (fitting, funds, NULL));
  g_clear_pointer (&fitting, g_ptr_array_unref);
  fitting = gloss_edit_fitting_relation_types (schema, russia, putin);
  g_assert_false (g_ptr_array_find (fitting, funds, NULL));

  source = gloss_schema_editor_add_attribute (editor, "Source kind", GLOSS_ATTRIBUTE_ENUM);
  g_assert_cmpstr (gloss_attribute_def_get_id (source), ==, "source_kind");
  {
    static const char * const values[] = { "statement", "interview", NULL };
    static const char * const claims[] = { "claim", NULL };

    gloss_attribute_def_set_values (source, values);
    gloss_attribute_def_set_applies_to (source, claims);
  }
  iterate ();

  /* A type in use stays. */
  g_assert_nonnull (gloss_edit_new_relation (store, "funds", putin, russia, &error));
  g_assert_false (gloss_schema_editor_remove_type (editor, funds));
  g_assert_nonnull (gloss_schema_lookup (schema, GLOSS_LABEL_RELATION, "funds"));

  g_assert_true (gloss_native_write_file (store, file, &error));
  g_assert_no_error (error);
  saved = gloss_native_read_file (file, &error);
  g_assert_no_error (error);
  {
    GlossSchema *s = gloss_store_get_schema (saved);
    GlossLabel *label = gloss_schema_lookup (s, GLOSS_LABEL_RELATION, "funds");
    GlossAttributeDef *attribute = gloss_schema_lookup_attribute (s, "source_kind");

    g_assert_nonnull (gloss_schema_lookup (s, GLOSS_LABEL_CLAIM, "rumour"));
    g_assert_nonnull (label);
    g_assert_false (gloss_label_get_unknown (label));
    g_assert_cmpstr (gloss_label_get_from (label)[0], ==, "PER");
    g_assert_cmpstr (gloss_label_get_to (label)[0], ==, "GPE");
    g_assert_nonnull (attribute);
    g_assert_cmpint (gloss_attribute_def_get_kind (attribute), ==, GLOSS_ATTRIBUTE_ENUM);
    g_assert_cmpstr (gloss_attribute_def_get_values (attribute)[1], ==, "interview");
  }

  g_assert_true (gloss_schema_editor_remove_type (editor, rumour));
  g_assert_true (gloss_schema_editor_remove_attribute (editor, source));
  g_assert_null (gloss_schema_lookup (schema, GLOSS_LABEL_CLAIM, "rumour"));

  gtk_window_destroy (GTK_WINDOW (prefs));
  iterate ();
  g_unlink (path);
}

/* R, then the target from the popover's list of entities, then the type. */
static void
test_window_relation (void)
{
  GlossWindow *window = gloss_window_new (app);
  g_autoptr(GError) error = NULL;
  GlossAnnotationView *view;
  GlossStore *store;
  GlossAnnotation *putin, *kim, *selected;
  guint start;

  gtk_window_set_default_size (GTK_WINDOW (window), 620, 460);
  present_and_wait (GTK_WINDOW (window));
  g_assert_true (gloss_window_open_sample (window, &error));
  wait_for_allocation (GTK_WIDGET (gloss_window_get_view (window)));
  view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  store = gloss_window_get_store (window);

  start = find_text (store, "Kim Jong Un", 0);
  gloss_annotation_view_select_range (view, start, text_end ("Kim Jong Un", start));
  gtk_widget_activate_action (GTK_WIDGET (window), "doc.tag", "s", "PER");
  kim = gloss_annotation_view_get_selected (view);
  gloss_annotation_view_select_range (view, 113, 127);
  gtk_widget_activate_action (GTK_WIDGET (window), "doc.tag", "s", "PER");
  putin = gloss_annotation_view_get_selected (view);
  iterate ();

  /* R needs a mention. */
  gloss_annotation_view_set_selected (view, NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "doc.new-relation", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "doc.relation-type", "s", "meets_with");
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_RELATION), ==, 0);

  gloss_annotation_view_set_selected (view, putin);
  iterate ();
  gtk_widget_activate_action (GTK_WIDGET (window), "doc.new-relation", NULL);
  iterate ();
  gtk_widget_activate_action (GTK_WIDGET (window), "doc.relation-target", "s",
                              gloss_annotation_get_id (GLOSS_ANNOTATION (gloss_mention_get_entity (GLOSS_MENTION (kim)))));
  iterate ();
  gtk_widget_activate_action (GTK_WIDGET (window), "doc.relation-type", "s", "meets_with");
  iterate ();
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_RELATION), ==, 1);
  selected = gloss_annotation_view_get_selected (view);
  g_assert_true (GLOSS_IS_RELATION (selected));

  /* Evidence from a selection, then Delete removes the relation. */
  start = find_text (store, "rare meeting", 0);
  gloss_annotation_view_select_range (view, start, text_end ("rare meeting", start));
  gtk_widget_activate_action (GTK_WIDGET (window), "doc.set-evidence", NULL);
  {
    g_autofree char *text = span_text (store, selected, GLOSS_ROLE_EVIDENCE, 0);

    g_assert_cmpstr (text, ==, "rare meeting");
  }
  gtk_widget_grab_focus (gloss_window_get_view (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "doc.delete", NULL);
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_RELATION), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "doc.undo", NULL);
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_RELATION), ==, 1);

  ui_window_destroy (GTK_WINDOW (window));
}

/* The popover menu @window shows, if any (the primary menu's is there
 * too, hidden). */
static GtkWidget *
find_shown_menu (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_POPOVER_MENU (child) && gtk_widget_get_mapped (child))
        return child;
      found = find_shown_menu (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
shown_menu (GlossWindow *window)
{
  return find_shown_menu (GTK_WIDGET (window));
}

static gboolean
menu_shows (GtkWidget  *menu,
            const char *text)
{
  return menu != NULL && label_contains (menu, text);
}

/* Run the main loop until the article's popover shows @text. */
static GtkWidget *
wait_menu (GlossWindow *window,
           const char  *text)
{
  gint64 deadline = g_get_monotonic_time () + UI_TEST_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;

  while (!menu_shows (shown_menu (window), text))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("no popover with “%s” appeared", text);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  /* Laid out and drawn, so that it can be clicked. */
  ui_wait_for_frame (shown_menu (window));
  return shown_menu (window);
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0 &&
      gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A real click on the menu item labelled @text. */
static void
click_item (GtkWidget  *menu,
            const char *text)
{
  GtkWidget *label = find_label (menu, text);

  g_assert_nonnull (label);
  ui_click_widget (label, gtk_widget_get_width (label) / 2., gtk_widget_get_height (label) / 2., 1);
}

/* A real click on the text of code point @offset. */
static void
click_text (GlossWindow *window,
            guint        offset)
{
  ui_click_text (GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window)), offset, 1);
}

/* The rectangle of code point @offset's line, in @window's coordinates. */
static graphene_rect_t
line_bounds (GlossWindow *window,
             guint        offset)
{
  GtkWidget *view = gloss_window_get_view (window);
  GtkTextIter iter;
  GdkRectangle rect;
  int x, y;
  graphene_point_t p;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), &iter, offset);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &iter, &rect);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET, 0, rect.y, &x, &y);
  g_assert_true (gtk_widget_compute_point (view, GTK_WIDGET (window), &GRAPHENE_POINT_INIT (x, y), &p));
  return GRAPHENE_RECT_INIT (p.x, p.y, gtk_widget_get_width (view), rect.height);
}

/* The bounds of @menu's contents (its shadow and arrow aside) in
 * @window's coordinates: a popover is a surface of its own, placed
 * relative to the window's. */
static graphene_rect_t
menu_bounds (GlossWindow *window,
             GtkWidget   *menu)
{
  GdkSurface *popup = gtk_native_get_surface (GTK_NATIVE (menu));
  GtkWidget *contents = gtk_widget_get_first_child (menu);
  graphene_rect_t bounds;
  double wx, wy, px, py;

  g_assert_true (GDK_IS_POPUP (popup));
  /* The popover's first child is its contents box, the arrow drawn
   * outside it. */
  g_assert_true (gtk_widget_compute_bounds (contents, menu, &bounds));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &wx, &wy);
  gtk_native_get_surface_transform (GTK_NATIVE (menu), &px, &py);
  return GRAPHENE_RECT_INIT (gdk_popup_get_position_x (GDK_POPUP (popup)) + px + bounds.origin.x - wx,
                             gdk_popup_get_position_y (GDK_POPUP (popup)) + py + bounds.origin.y - wy,
                             bounds.size.width, bounds.size.height);
}

static guint
count_relations (GlossStore  *store,
                 const char  *from,
                 const char  *to)
{
  GListModel *relations = gloss_store_get_list (store, GLOSS_KIND_RELATION);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(GlossRelation) relation = g_list_model_get_item (relations, i);

      n += g_strcmp0 (gloss_annotation_get_id (GLOSS_ANNOTATION (gloss_relation_get_from (relation))), from) == 0 &&
           g_strcmp0 (gloss_annotation_get_id (GLOSS_ANNOTATION (gloss_relation_get_to (relation))), to) == 0;
    }
  return n;
}

typedef struct
{
  GlossStore *store;
  const char *from;
  const char *to;
  guint       n;
} RelationsOf;

static gboolean
relations_counted (gpointer data)
{
  RelationsOf *of = data;

  return count_relations (of->store, of->from, of->to) == of->n;
}

/* Run the main loop until @store holds @n relations @from → @to (a menu
 * item acts once its popover has closed). */
static void
wait_relations (GlossStore *store,
                const char *from,
                const char *to,
                guint       n)
{
  RelationsOf of = { store, from, to, n };

  ui_wait_until (relations_counted, &of, UI_TEST_TIMEOUT_MS);
  g_assert_cmpuint (count_relations (store, from, to), ==, n);
}

/* On the annotated sample, as an analyst does it with the mouse: click
 * "Pak Thae Song", press R: nothing covers the text, and the first click
 * on "Kim" brings the type chooser with only the types that fit (Person
 * → Person: Meets with), under Kim's line; a click on it makes the
 * relation. Then from the list: R, R again, "Kim Myong Sik", "Meets
 * with"; the list opens under the line it starts from. */
static void
test_pick_by_click (void)
{
  GlossWindow *window = gloss_window_new (app);
  g_autoptr(GError) error = NULL;
  GlossAnnotationView *view;
  GlossStore *store;
  GtkWidget *menu;
  GlossAnnotation *selected;
  guint pak, kim;
  graphene_rect_t bounds, line;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  present_and_wait (GTK_WINDOW (window));
  g_assert_true (gloss_window_open_annotated_sample (window, &error));
  g_assert_no_error (error);
  view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  wait_for_allocation (GTK_WIDGET (view));
  store = gloss_window_get_store (window);
  pak = find_text (store, "Pak Thae Song", 0);
  kim = find_text (store, "Kim’s entourage", 0);
  g_assert_cmpuint (count_relations (store, "pak", "kim"), ==, 0);

  /* Bring the paragraph into view, then click Pak Thae Song. */
  gloss_annotation_view_select_range (view, pak, pak);
  ui_wait_for_frame (GTK_WIDGET (view));
  click_text (window, pak + 2);
  selected = gloss_annotation_view_get_selected (view);
  g_assert_nonnull (selected);
  g_assert_cmpstr (gloss_annotation_get_id (GLOSS_ANNOTATION (gloss_mention_get_entity (GLOSS_MENTION (selected)))), ==, "pak");

  ui_key (GTK_WIDGET (window), "r");
  g_assert_true (wait_toast (GTK_WIDGET (window), "Relation from Pak Thae Song", TRUE, UI_TEST_TIMEOUT_MS));
  g_assert_null (shown_menu (window));

  click_text (window, kim + 1);
  menu = wait_menu (window, "Meets with");
  g_assert_true (menu_shows (menu, "Pak Thae Song → Kim Jong Un"));
  g_assert_false (menu_shows (menu, "Leader of"));
  g_assert_false (menu_shows (menu, "Member of"));
  bounds = menu_bounds (window, menu);
  line = line_bounds (window, kim);
  g_assert_false (graphene_rect_intersection (&bounds, &line, NULL));
  click_item (menu, "Meets with");
  wait_relations (store, "pak", "kim", 1);
  selected = gloss_annotation_view_get_selected (view);
  g_assert_true (GLOSS_IS_RELATION (selected));

  /* From the list. */
  click_text (window, pak + 2);
  ui_key (GTK_WIDGET (window), "r");
  ui_key (GTK_WIDGET (window), "r");
  menu = wait_menu (window, "Kim Myong Sik");
  bounds = menu_bounds (window, menu);
  line = line_bounds (window, pak);
  g_assert_false (graphene_rect_intersection (&bounds, &line, NULL));
  click_item (menu, "Kim Myong Sik");
  menu = wait_menu (window, "Meets with");
  click_item (menu, "Meets with");
  wait_relations (store, "pak", "kim-ms", 1);

  /* Escape after R cancels; no relation, nothing left waiting. */
  click_text (window, pak + 2);
  ui_key (GTK_WIDGET (window), "r");
  ui_key (GTK_WIDGET (window), "Escape");
  g_assert_true (wait_toast (GTK_WIDGET (window), "Cancelled", TRUE, UI_TEST_TIMEOUT_MS));
  click_text (window, kim + 1);
  g_assert_null (shown_menu (window));
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_RELATION), ==,
                    g_list_model_get_n_items (gloss_store_get_list (store, GLOSS_KIND_RELATION)));
  wait_relations (store, "pak", "kim", 1);

  ui_window_destroy (GTK_WINDOW (window));
}

/* The tester's path on the sample: click "Vladimir Putin", R, click "Kim
 * Jong Un", Return on "Meets with". Putin → Kim "Meets with" exists
 * ("summit"): no second one is made; the one there is selected, and a
 * toast says so. */
static void
test_pick_duplicate (void)
{
  GlossWindow *window;
  GlossAnnotationView *view;
  GlossStore *store;
  GlossAnnotation *summit;
  guint putin, kim, n_relations;

  if (!ui_test_require_input ())
    return;
  window = ui_annotated_sample_window (app, 1100, 760);
  view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  store = gloss_window_get_store (window);
  summit = gloss_store_lookup (store, "summit");
  g_assert_nonnull (summit);
  n_relations = gloss_store_get_n_items (store, GLOSS_KIND_RELATION);
  wait_relations (store, "putin", "kim", 1);
  putin = find_text (store, "Vladimir Putin", 0);
  kim = find_text (store, "Kim Jong Un", 0);

  gloss_annotation_view_select_range (view, putin, putin);
  ui_wait_for_frame (GTK_WIDGET (view));
  click_text (window, putin + 2);
  ui_key (GTK_WIDGET (window), "r");
  g_assert_true (wait_toast (GTK_WIDGET (window), "Relation from Vladimir Putin", TRUE, UI_TEST_TIMEOUT_MS));
  click_text (window, kim + 1);
  wait_menu (window, "Meets with");
  ui_key (GTK_WIDGET (window), "Return");
  g_assert_true (wait_toast (GTK_WIDGET (window), "Vladimir Putin → Kim Jong Un is already “Meets with”",
                             TRUE, UI_TEST_TIMEOUT_MS));
  g_assert_null (shown_menu (window));
  g_assert_true (gloss_annotation_view_get_selected (view) == summit);
  g_assert_cmpuint (count_relations (store, "putin", "kim"), ==, 1);
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_RELATION), ==, n_relations);
  g_assert_cmpstr (gloss_store_get_undo_label (store), !=, "Relate Vladimir Putin → Kim Jong Un (Meets with)");

  ui_window_destroy (GTK_WINDOW (window));
}

/* The rectangle of the text [start, end) (on one line), in @view's
 * widget coordinates. */
static graphene_rect_t
text_rect (GtkWidget *view,
           guint      start,
           guint      end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter iter;
  GdkRectangle first, last;
  int x, y;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, start);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &iter, &first);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, end - 1);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &iter, &last);
  g_assert_cmpint (first.y, ==, last.y);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET, first.x, first.y, &x, &y);
  return GRAPHENE_RECT_INIT (x, y, last.x + last.width - first.x, first.height);
}

/* The labels of the arcs of the selected mention [start, end): at least
 * @n, apart from each other, off the mention's words and inside the
 * view. */
static void
assert_labels_clear (GtkWidget *view,
                     guint      start,
                     guint      end,
                     guint      n)
{
  g_autoptr(GArray) labels = NULL;
  graphene_rect_t words = text_rect (view, start, end);

  ui_wait_for_frame (view);
  labels = gloss_annotation_view_get_arc_labels (GLOSS_ANNOTATION_VIEW (view));
  g_assert_cmpuint (labels->len, >=, n);
  for (guint i = 0; i < labels->len; i++)
    {
      const graphene_rect_t *label = &g_array_index (labels, graphene_rect_t, i);

      g_assert_cmpfloat (label->origin.y, >=, 0);
      g_assert_cmpfloat (label->origin.x, >=, 0);
      g_assert_cmpfloat (label->origin.x + label->size.width, <=, gtk_widget_get_width (view));
      g_assert_false (graphene_rect_intersection (label, &words, NULL));
      for (guint j = 0; j < i; j++)
        g_assert_false (graphene_rect_intersection (label, &g_array_index (labels, graphene_rect_t, j), NULL));
    }
}

/* The tester's views of the sample's title, 500 px wide, light and
 * dark: "North Korea" selected has "Allied with" and "Leader of" (the
 * first was drawn over the words), "Kim" "Leader of" and "Meets with"
 * (drawn one over the other); with a second relation on one pair the
 * upper label was cut by the top of the view. */
static void
test_arc_labels (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GlossWindow *window;
  g_autoptr(GError) error = NULL;
  GtkWidget *view;
  GlossStore *store;
  GlossEntity *kim, *dprk;
  guint korea, kim_at;

  if (!ui_test_require_input ())
    return;
  window = ui_annotated_sample_window (app, 500, 760);
  view = gloss_window_get_view (window);
  store = gloss_window_get_store (window);
  korea = find_text (store, "North Korea", 0);
  kim_at = find_text (store, "Kim", 0);
  g_assert_cmpuint (korea, ==, 0);

  for (guint dark = 0; dark < 2; dark++)
    {
      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      click_text (window, korea + 2);
      assert_labels_clear (view, korea, korea + 11, 2);
      click_text (window, kim_at + 1);
      assert_labels_clear (view, kim_at, kim_at + 3, 2);
    }

  /* A second relation between Kim and North Korea: three labels, the
   * two of the pair stacked, all inside the view. */
  kim = GLOSS_ENTITY (gloss_store_lookup (store, "kim"));
  dprk = GLOSS_ENTITY (gloss_store_lookup (store, "dprk"));
  g_assert_nonnull (gloss_edit_new_relation (store, "member_of", kim, dprk, &error));
  g_assert_no_error (error);
  click_text (window, korea + 2);
  click_text (window, kim_at + 1);
  assert_labels_clear (view, kim_at, kim_at + 3, 3);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  ui_window_destroy (GTK_WINDOW (window));
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/relations/editor", test_editor);
  g_test_add_func ("/ui/relations/list-filter", test_list_filter);
  g_test_add_func ("/ui/relations/schema-editor", test_schema_editor);
  g_test_add_func ("/ui/relations/window", test_window_relation);
  g_test_add_func ("/ui/relations/pick-by-click", test_pick_by_click);
  g_test_add_func ("/ui/relations/pick-duplicate", test_pick_duplicate);
  g_test_add_func ("/ui/relations/arc-labels", test_arc_labels);
}

int
main (int   argc,
      char *argv[])
{
  return ui_test_main (&argc, &argv, &app, add_tests);
}
