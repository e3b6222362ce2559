/* test-entity-list.c: the Entities page shows mentions without an entity
 * (an import from a format without coreference), by real clicks and keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-entity-list.h"
#include "gloss-link-dialog.h"
#include "gloss-window.h"
#include "ui-test-utils.h"

static GlossApplication *app;
static GlossWindow *session_window;

static const char article[] =
  "Peter Cook arrived in Damascus on Monday. Syria said the talks would go on. "
  "Cook met the minister, and Syria's envoy joined them later. Then Cook left; Cook's car stayed.\n";

/* As an import makes them: no entity, no history. */
static GlossMention *
load_unlinked (GlossStore *store,
               const char *type_id,
               const char *text,
               guint       nth)
{
  g_autoptr(GError) error = NULL;
  guint start = find_text (store, text, nth);
  GlossSpan span = { start, text_end (text, start) };
  g_autoptr(GlossMention) mention = gloss_mention_new (type_id, &span, 1);

  g_assert_true (gloss_store_load_add (store, GLOSS_ANNOTATION (mention), &error));
  g_assert_no_error (error);
  return mention;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelIn;

static gboolean
label_gone (gpointer data)
{
  LabelIn *in = data;

  return ui_find_label (in->root, in->text) == NULL;
}

static void
wait_label_gone (GtkWidget  *root,
                 const char *text)
{
  LabelIn in = { root, text };

  if (!ui_wait_until (label_gone, &in, UI_TEST_TIMEOUT_MS))
    g_error ("The label “%s” still shows", text);
}

/* The count shown on the row named @name. */
static const char *
row_count (GtkWidget  *list,
           const char *name)
{
  GtkWidget *label = ui_find_label (list, name);
  GtkLabel *count;

  g_assert_nonnull (label);
  count = g_object_get_data (G_OBJECT (gtk_widget_get_parent (label)), "count");
  g_assert_nonnull (count);
  return gtk_label_get_text (count);
}

typedef struct
{
  GtkWidget  *list;
  const char *name;
  const char *count;
} RowCount;

static gboolean
row_count_is (gpointer data)
{
  RowCount *rc = data;
  GtkWidget *label = ui_find_label (rc->list, rc->name);

  return label != NULL && g_strcmp0 (row_count (rc->list, rc->name), rc->count) == 0;
}

static void
wait_row_count (GtkWidget  *list,
                const char *name,
                const char *count)
{
  RowCount rc = { list, name, count };

  if (!ui_wait_until (row_count_is, &rc, UI_TEST_TIMEOUT_MS))
    g_error ("The row “%s” does not count %s", name, count);
}

typedef struct
{
  GlossAnnotationView *view;
  gpointer             annotation;
} Selected;

static gboolean
view_selects (gpointer data)
{
  Selected *s = data;

  return gloss_annotation_view_get_selected (s->view) == s->annotation;
}

static void
wait_selected (GlossAnnotationView *view,
               GlossMention        *mention)
{
  Selected s = { view, mention };

  g_assert_true (ui_wait_until (view_selects, &s, UI_TEST_TIMEOUT_MS));
}

static guint
entities_badge (GlossWindow *window)
{
  AdwViewStack *stack = ADW_VIEW_STACK (find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, NULL));
  GtkWidget *child = adw_view_stack_get_child_by_name (stack, "entities");

  return adw_view_stack_page_get_badge_number (adw_view_stack_get_page (stack, child));
}

/* The Entities page of an imported document: the mentions of each type
 * and text under their type, marked, with their counts; a click selects
 * the first mention, Enter the next ones; the arrows move between rows;
 * a click in the text selects the row; linking (Ctrl+L), deleting,
 * tagging and undo change the rows and the counts as they happen. */
static void
test_unlinked_rows (void)
{
  GlossWindow *window = session_window;
  g_autoptr(GlossStore) store = ui_store_new (article);
  g_autoptr(GlossEntity) peter_cook = gloss_entity_new ("PER", "Peter Cook");
  GlossSpan peter_span = { 0, 10 };
  g_autoptr(GlossMention) peter = gloss_mention_new ("PER", &peter_span, 1);
  GlossMention *cook[3], *syria[2];
  GlossAnnotationView *view;
  GlossEntityList *entity_list;
  GtkWidget *list, *dialog, *button;
  GlossUnlinkedGroup *group;
  GListModel *rows;
  guint start;

  g_assert_true (gloss_store_load_add (store, GLOSS_ANNOTATION (peter_cook), NULL));
  gloss_mention_set_entity (peter, peter_cook);
  g_assert_true (gloss_store_load_add (store, GLOSS_ANNOTATION (peter), NULL));
  for (guint i = 0; i < 3; i++)
    cook[i] = load_unlinked (store, "PER", "Cook", i + 1);
  for (guint i = 0; i < 2; i++)
    syria[i] = load_unlinked (store, "GPE", "Syria", i);

  gloss_window_set_store (window, store, NULL);
  ui_present_focused (GTK_WINDOW (window));
  view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  wait_for_allocation (GTK_WIDGET (view));
  list = find_widget (GTK_WIDGET (window), GLOSS_TYPE_ENTITY_LIST, NULL);
  entity_list = GLOSS_ENTITY_LIST (list);

  /* Under their types, after the entities; the header counts them. */
  ui_wait_label (list, "Cook");
  ui_wait_label (list, "1 · 5 not linked");
  rows = gloss_entity_list_get_model (entity_list);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 5);
  {
    g_autoptr(GObject) person = g_list_model_get_item (rows, 0);
    g_autoptr(GObject) entity = g_list_model_get_item (rows, 1);
    g_autoptr(GObject) cooks = g_list_model_get_item (rows, 2);
    g_autoptr(GObject) place = g_list_model_get_item (rows, 3);
    g_autoptr(GObject) syrias = g_list_model_get_item (rows, 4);

    g_assert_true (GLOSS_IS_LABEL (person));
    g_assert_true (entity == (GObject *) peter_cook);
    g_assert_true (GLOSS_IS_UNLINKED_GROUP (cooks));
    g_assert_cmpstr (gloss_unlinked_group_get_text (GLOSS_UNLINKED_GROUP (cooks)), ==, "Cook");
    g_assert_true (GLOSS_IS_LABEL (place));
    g_assert_cmpstr (gloss_unlinked_group_get_type_id (GLOSS_UNLINKED_GROUP (syrias)), ==, "GPE");
  }
  /* The switcher's badge counts the rows: the entity and two texts. */
  g_assert_cmpuint (entities_badge (window), ==, 3);
  g_assert_cmpstr (row_count (list, "Cook"), ==, "3");
  g_assert_cmpstr (row_count (list, "Syria"), ==, "2");
  g_assert_cmpstr (row_count (list, "Peter Cook"), ==, "1");
  g_assert_nonnull (ui_find_label (list, "not linked"));

  /* A click selects the first Cook; Enter the next, and round again. */
  ui_click_center (ui_find_label (list, "Cook"));
  wait_selected (view, cook[0]);
  group = gloss_entity_list_get_selected_group (entity_list);
  g_assert_nonnull (group);
  g_assert_cmpuint (gloss_unlinked_group_get_n_mentions (group), ==, 3);
  ui_key (GTK_WIDGET (window), "Return");
  wait_selected (view, cook[1]);
  ui_key (GTK_WIDGET (window), "Return");
  wait_selected (view, cook[2]);
  ui_key (GTK_WIDGET (window), "Return");
  wait_selected (view, cook[0]);
  g_assert_true (gloss_entity_list_get_selected_group (entity_list) == group);

  /* Up to Peter Cook, Down back to Cook. */
  ui_key (GTK_WIDGET (window), "Up");
  wait_selected (view, peter);
  g_assert_true (gloss_entity_list_get_selected (entity_list) == peter_cook);
  g_assert_null (gloss_entity_list_get_selected_group (entity_list));
  ui_key (GTK_WIDGET (window), "Down");
  wait_selected (view, cook[0]);
  g_assert_true (gloss_entity_list_get_selected_group (entity_list) == group);

  /* A click on the second Syria in the text selects its row. */
  start = gloss_annotation_get_start (GLOSS_ANNOTATION (syria[1]));
  ui_click_text (view, start + 2, 1);
  wait_selected (view, syria[1]);
  g_assert_nonnull (gloss_entity_list_get_selected_group (entity_list));
  g_assert_cmpstr (gloss_unlinked_group_get_text (gloss_entity_list_get_selected_group (entity_list)), ==, "Syria");

  /* Ctrl+L links the second Cook to Peter Cook: the counts follow. */
  ui_click_center (ui_find_label (list, "Cook"));
  wait_selected (view, cook[0]);
  ui_key (GTK_WIDGET (window), "Return");
  wait_selected (view, cook[1]);
  ui_key (GTK_WIDGET (window), "<Control>l");
  dialog = ui_wait_toplevel (GLOSS_TYPE_LINK_DIALOG);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  ui_present_focused (GTK_WINDOW (dialog));
  wait_for_allocation (find_widget (dialog, GTK_TYPE_SEARCH_ENTRY, NULL));
  ui_type (dialog, "pe");
  ui_key (dialog, "Return");
  g_assert_true (ui_wait_until (ui_widget_gone, &dialog, UI_TEST_TIMEOUT_MS));
  if (dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gloss_mention_get_entity (cook[1]) == peter_cook);
  ui_present_focused (GTK_WINDOW (window));
  wait_row_count (list, "Cook", "2");
  wait_row_count (list, "Peter Cook", "2");
  ui_wait_label (list, "1 · 4 not linked");
  /* The linked mention is still selected: so is its entity's row. */
  g_assert_true (gloss_annotation_view_get_selected (view) == GLOSS_ANNOTATION (cook[1]));
  g_assert_true (gloss_entity_list_get_selected (entity_list) == peter_cook);
  g_assert_true (gloss_annotation_view_get_highlighted_entity (view) == peter_cook);

  ui_key (GTK_WIDGET (window), "<Control>z");
  g_assert_null (gloss_mention_get_entity (cook[1]));
  wait_row_count (list, "Cook", "3");
  wait_row_count (list, "Peter Cook", "1");
  ui_wait_label (list, "1 · 5 not linked");
  g_assert_true (gloss_entity_list_get_selected_group (entity_list) == group);
  g_assert_null (gloss_annotation_view_get_highlighted_entity (view));

  /* Deleting both Syrias takes the row and its type's header away;
   * undo brings them back. */
  for (guint i = 0; i < 2; i++)
    {
      start = gloss_annotation_get_start (GLOSS_ANNOTATION (syria[i]));
      ui_click_text (view, start + 2, 1);
      wait_selected (view, syria[i]);
      ui_key (GTK_WIDGET (window), "Delete");
      g_assert_null (gloss_annotation_get_store (GLOSS_ANNOTATION (syria[i])));
    }
  wait_label_gone (list, "Syria");
  wait_label_gone (list, "Country/region/city");
  ui_wait_label (list, "1 · 3 not linked");
  g_assert_cmpuint (entities_badge (window), ==, 2);
  ui_key (GTK_WIDGET (window), "<Control>z");
  wait_row_count (list, "Syria", "1");
  ui_wait_label (list, "1 · 4 not linked");

  /* Tagging makes an entity: its row comes, the unlinked count stays. */
  start = find_text (store, "Damascus", 0);
  ui_drag_text (view, start, start + 8);
  ui_key (GTK_WIDGET (window), "3");
  ui_wait_label (list, "Damascus");
  ui_wait_label (list, "2 · 4 not linked");

  /* The filter finds the rows of both kinds by their text. */
  gtk_widget_grab_focus (find_widget (list, GTK_TYPE_SEARCH_ENTRY, NULL));
  ui_type (GTK_WIDGET (window), "coo");
  wait_label_gone (list, "Damascus");
  ui_wait_label (list, "Cook");
  ui_wait_label (list, "Peter Cook");
  wait_label_gone (list, "Syria");
  ui_key (GTK_WIDGET (window), "<Control>a");
  ui_key (GTK_WIDGET (window), "BackSpace");
  ui_wait_label (list, "Syria");

  /* The header's button links every mention of the same text and type,
   * one step that Ctrl+Z takes back; with nothing to link it hides. */
  button = find_widget (list, GTK_TYPE_BUTTON, NULL);
  g_assert_true (gtk_widget_get_visible (button));
  ui_click_center (button);
  g_assert_true (wait_toast (GTK_WIDGET (window), "Linked 4 mentions to entities", TRUE, UI_TEST_TIMEOUT_MS));
  wait_label_gone (list, "2 · 4 not linked");
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_ENTITY), ==, 4);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (ui_find_label (list, "Entities")))),
                   ==, "4");
  g_assert_cmpuint (entities_badge (window), ==, 4);
  g_assert_true (gloss_mention_get_entity (cook[0]) == gloss_mention_get_entity (cook[2]));
  g_assert_true (gloss_mention_get_entity (cook[0]) != peter_cook);
  g_assert_cmpstr (gloss_entity_get_name (gloss_mention_get_entity (cook[0])), ==, "Cook");
  g_assert_nonnull (gloss_mention_get_entity (syria[1]));
  g_assert_null (ui_find_label (list, "not linked"));
  g_assert_false (gtk_widget_get_visible (button));
  wait_row_count (list, "Cook", "3");
  ui_key (GTK_WIDGET (window), "<Control>z");
  ui_wait_label (list, "2 · 4 not linked");
  g_assert_null (gloss_mention_get_entity (cook[0]));
  g_assert_true (gtk_widget_get_visible (button));

  gloss_window_set_store (window, NULL, NULL);
}

/* A document of more mentions than are grouped at once: they are
 * grouped a few milliseconds at a time after the first frame, and the
 * rows, the header and the badge come when that is done. */
static void
test_grouped_in_steps (void)
{
  GlossWindow *window = session_window;
  g_autoptr(GString) article_text = g_string_new (NULL);
  g_autoptr(GlossStore) store = NULL;
  GtkWidget *list;

  for (guint i = 0; i < 900; i++)
    g_string_append (article_text, "Kim met Moon in Seoul. ");
  store = ui_store_new (article_text->str);
  for (guint i = 0; i < 900; i++)
    {
      load_unlinked (store, "PER", "Kim", i);
      load_unlinked (store, i % 2 ? "PER" : "ORG", "Moon", i);
      load_unlinked (store, "GPE", "Seoul", i);
    }

  gloss_window_set_store (window, store, NULL);
  ui_present_focused (GTK_WINDOW (window));
  list = find_widget (GTK_WIDGET (window), GLOSS_TYPE_ENTITY_LIST, NULL);
  ui_wait_label (list, "0 · 2700 not linked");
  wait_row_count (list, "Kim", "900");
  wait_row_count (list, "Seoul", "900");
  g_assert_cmpuint (entities_badge (window), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_entity_list_get_model (GLOSS_ENTITY_LIST (list))), ==, 4 + 3);

  /* Link All changes thousands of mentions in one step: the list fills
   * again after it, with the four new entities; undo brings the rows back. */
  ui_click_center (find_widget (list, GTK_TYPE_BUTTON, NULL));
  g_assert_true (wait_toast (GTK_WIDGET (window), "Linked 2700 mentions to entities", TRUE, UI_TEST_TIMEOUT_MS));
  wait_label_gone (list, "0 · 2700 not linked");
  wait_row_count (list, "Kim", "900");
  wait_row_count (list, "Seoul", "900");
  g_assert_null (ui_find_label (list, "not linked"));
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_ENTITY), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_entity_list_get_model (GLOSS_ENTITY_LIST (list))), ==, 4 + 3);
  g_assert_cmpuint (entities_badge (window), ==, 4);
  ui_key (GTK_WIDGET (window), "<Control>z");
  ui_wait_label (list, "0 · 2700 not linked");
  wait_row_count (list, "Kim", "900");
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_ENTITY), ==, 0);

  gloss_window_set_store (window, NULL, NULL);
}

/* One window for the whole program (its first test makes the session). */
static void
test_entity_list (void)
{
  if (!ui_test_require_input ())
    return;

  session_window = gloss_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (session_window), 900, 640);
  test_unlinked_rows ();
  test_grouped_in_steps ();
  ui_window_destroy (GTK_WINDOW (session_window));
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/entity-list/unlinked-mentions", test_entity_list);
}

int
main (int   argc,
      char *argv[])
{
  return ui_test_main (&argc, &argv, &app, add_tests);
}
