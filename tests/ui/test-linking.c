/* test-linking.c: linking mentions to entities by real clicks and keys
 * (issue 7, items 5 and 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-inspector.h"
#include "gloss-link-dialog.h"
#include "gloss-window.h"
#include "ui-test-utils.h"

static GlossApplication *app;
static GlossWindow *session_window;

static const char article[] =
  "Peter Cook arrived in Damascus on Monday. Syria said the talks would go on. "
  "Cook met the minister, and Syria's envoy joined them later. Then Cook left.\n";

static void
show_store (GlossStore *store)
{
  gloss_window_set_store (session_window, store, NULL);
  ui_present_focused (GTK_WINDOW (session_window));
  wait_for_allocation (gloss_window_get_view (session_window));
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelIn;

static gboolean
label_mapped (gpointer data)
{
  LabelIn *in = data;
  GtkWidget *label = ui_find_label (in->root, in->text);

  return label != NULL && gtk_widget_get_width (label) > 0;
}

static gboolean
is_selected (gpointer data)
{
  GlossWindow *window = data;

  return gloss_annotation_view_get_selected (GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window))) != NULL;
}

static gboolean
popover_hidden (gpointer data)
{
  return find_visible (GTK_WIDGET (data), GTK_TYPE_POPOVER) == NULL;
}

/* Item 5: choosing another entity in the inspector's Entity dropdown, by
 * clicks, links the mention (and drops the orphan) with no critical. */
static void
test_inspector_dropdown (void)
{
  GlossWindow *window = session_window;
  g_autoptr(GlossStore) store = ui_store_new (article);
  GlossAnnotationView *view;
  GlossMention *peter, *cook;
  g_autoptr(GlossEntity) cook_entity = NULL;
  GtkWidget *inspector, *dropdown, *popover, *row;
  LabelIn in;
  guint start;

  peter = add_mention (store, "PER", 0, 10, NULL);
  start = find_text (store, "Cook", 1);
  cook = add_mention (store, "PER", start, start + 4, NULL);
  cook_entity = g_object_ref (gloss_mention_get_entity (cook));
  show_store (store);
  view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_ENTITY), ==, 2);

  ui_click_text (view, start + 1, 1);
  g_assert_true (ui_wait_until (is_selected, window, UI_TEST_TIMEOUT_MS));
  g_assert_true (gloss_annotation_view_get_selected (view) == GLOSS_ANNOTATION (cook));

  inspector = find_widget (GTK_WIDGET (window), GLOSS_TYPE_INSPECTOR, NULL);
  dropdown = find_widget (inspector, GTK_TYPE_DROP_DOWN, NULL);
  g_assert_nonnull (dropdown);
  wait_for_allocation (dropdown);
  ui_click_center (dropdown);
  g_assert_true (wait_popover_visible (dropdown, GTK_TYPE_POPOVER));
  popover = find_visible (dropdown, GTK_TYPE_POPOVER);

  in = (LabelIn) { popover, "Peter Cook" };
  g_assert_true (ui_wait_until (label_mapped, &in, UI_TEST_TIMEOUT_MS));
  row = ui_find_label (popover, "Peter Cook");
  ui_click_center (row);
  g_assert_true (ui_wait_until (popover_hidden, dropdown, UI_TEST_TIMEOUT_MS));
  ui_wait_for_frame (GTK_WIDGET (window));

  g_assert_true (gloss_mention_get_entity (cook) == gloss_mention_get_entity (peter));
  /* The orphan left the store. */
  g_assert_null (gloss_annotation_get_store (GLOSS_ANNOTATION (cook_entity)));
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_ENTITY), ==, 1);
  /* The inspector follows: the mention's entity, and its two mentions. */
  in = (LabelIn) { inspector, "2 mentions" };
  g_assert_true (ui_wait_until (label_mapped, &in, UI_TEST_TIMEOUT_MS));

  /* One undo step brings back "Cook" on its own. */
  ui_key (GTK_WIDGET (window), "<Control>z");
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_ENTITY), ==, 2);
  g_assert_true (gloss_mention_get_entity (cook) == cook_entity);

  /* Tagging while the inspector shows "Cook": a new person enters the
   * dropdowns' lists under them, which moves their selection; nobody
   * chose it, so nothing is linked or merged (issue 7, item 13). */
  start = find_text (store, "Syria", 1);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gloss_annotation_view_select_range (view, start, start + 5);
  ui_wait_for_frame (GTK_WIDGET (window));
  ui_key (GTK_WIDGET (window), "1");
  ui_wait_for_frame (GTK_WIDGET (window));
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_ENTITY), ==, 3);
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_MENTION), ==, 3);
  g_assert_true (gloss_mention_get_entity (cook) == cook_entity);
  g_assert_true (gloss_mention_get_entity (peter) != cook_entity);
  g_assert_cmpuint (gloss_entity_get_n_mentions (cook_entity), ==, 1);
  g_assert_cmpuint (gloss_entity_get_n_mentions (gloss_mention_get_entity (peter)), ==, 1);
}

static gpointer
find_link_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (GLOSS_IS_LINK_DIALOG (l->data) && gtk_widget_get_mapped (l->data))
      return l->data;
  return NULL;
}

static gboolean
link_dialog_shows (gpointer data)
{
  return find_link_dialog () != NULL;
}

static gboolean
link_dialog_gone (gpointer data)
{
  return find_link_dialog () == NULL;
}

static gboolean
syria_filtered_out (gpointer data)
{
  return ui_find_label (data, "Syria") == NULL;
}

static GtkWidget *
open_link_dialog (void)
{
  GtkWidget *dialog;

  ui_key (GTK_WIDGET (session_window), "<Control>l");
  g_assert_true (ui_wait_until (link_dialog_shows, NULL, UI_TEST_TIMEOUT_MS));
  dialog = find_link_dialog ();
  ui_present_focused (GTK_WINDOW (dialog));
  wait_for_allocation (find_widget (dialog, GTK_TYPE_SEARCH_ENTRY, NULL));
  return dialog;
}

/* Item 6: Ctrl+L links the selected mention to an entity chosen from a
 * searchable list: typing filters, the arrows move, Enter links (one
 * step to undo), Escape cancels. */
static void
test_link_by_keys (void)
{
  GlossWindow *window = session_window;
  g_autoptr(GlossStore) store = ui_store_new (article);
  GlossAnnotationView *view;
  GlossMention *peter, *cook;
  GlossEntity *syria;
  GtkWidget *dialog, *list;
  guint start;

  peter = add_mention (store, "PER", 0, 10, NULL);
  start = find_text (store, "Syria", 0);
  syria = gloss_mention_get_entity (add_mention (store, "PER", start, start + 5, NULL));
  start = find_text (store, "Cook", 1);
  cook = add_mention (store, "PER", start, start + 4, NULL);
  show_store (store);
  view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));

  /* Nothing selected: it says so. */
  ui_click_text (view, find_text (store, "Monday", 0), 1);
  g_assert_null (gloss_annotation_view_get_selected (view));
  ui_key (GTK_WIDGET (window), "<Control>l");
  g_assert_true (wait_toast (GTK_WIDGET (window), "Select a mention to link first", TRUE, UI_TEST_TIMEOUT_MS));

  ui_click_text (view, start + 1, 1);
  g_assert_true (ui_wait_until (is_selected, window, UI_TEST_TIMEOUT_MS));

  /* Escape cancels. */
  dialog = open_link_dialog ();
  ui_key (dialog, "Escape");
  g_assert_true (ui_wait_until (link_dialog_gone, NULL, UI_TEST_TIMEOUT_MS));
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_ENTITY), ==, 3);

  /* "pe" leaves Peter Cook; Down and Up come back to it; Enter links. */
  dialog = open_link_dialog ();
  list = find_widget (dialog, GTK_TYPE_LIST_BOX, NULL);
  g_assert_nonnull (ui_find_label (list, "Syria"));
  ui_type (dialog, "pe");
  /* The entry tells of a change after a short delay. */
  g_assert_true (ui_wait_until (syria_filtered_out, list, UI_TEST_TIMEOUT_MS));
  g_assert_nonnull (ui_find_label (list, "Peter Cook"));
  ui_key (dialog, "Down");
  ui_key (dialog, "Up");
  ui_key (dialog, "Return");
  g_assert_true (ui_wait_until (link_dialog_gone, NULL, UI_TEST_TIMEOUT_MS));
  g_assert_true (gloss_mention_get_entity (cook) == gloss_mention_get_entity (peter));
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_ENTITY), ==, 2);

  ui_key (GTK_WIDGET (window), "<Control>z");
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_ENTITY), ==, 3);
  g_assert_false (gloss_mention_get_entity (cook) == gloss_mention_get_entity (peter));
  g_assert_true (gloss_annotation_get_store (GLOSS_ANNOTATION (syria)) == store);
}

static GlossMention *
tag_by_keys (GlossAnnotationView *view,
             GlossStore          *store,
             const char          *text,
             guint                nth,
             const char          *key)
{
  guint start = find_text (store, text, nth);
  GlossAnnotation *selected;

  ui_drag_text (view, start, start + (guint) g_utf8_strlen (text, -1));
  ui_key (GTK_WIDGET (session_window), key);
  selected = gloss_annotation_view_get_selected (view);
  g_assert_true (selected != NULL && GLOSS_IS_MENTION (selected));
  g_assert_cmpuint (gloss_annotation_get_start (selected), ==, start);
  return GLOSS_MENTION (selected);
}

/* Item 6: tagging joins an entity by one rule (docs/decisions.md): "Cook"
 * joins Peter Cook, who has a mention "Cook"; a second "Syria" joins the
 * first. */
static void
test_tag_joins (void)
{
  g_autoptr(GlossStore) store = ui_store_new (article);
  GlossAnnotationView *view;
  GlossMention *peter, *cook, *syria;

  peter = add_mention (store, "PER", 0, 10, NULL);
  show_store (store);
  view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (session_window));

  /* "Cook" alone: nothing of that text yet, an entity of its own… */
  cook = tag_by_keys (view, store, "Cook", 1, "1");
  g_assert_false (gloss_mention_get_entity (cook) == gloss_mention_get_entity (peter));
  /* …linked to Peter Cook; the next "Cook" joins him. */
  gloss_annotation_view_set_selected (view, GLOSS_ANNOTATION (cook));
  g_assert_true (gloss_inspector_link_entity (GLOSS_INSPECTOR (find_widget (GTK_WIDGET (session_window),
                                                                            GLOSS_TYPE_INSPECTOR, NULL)),
                                              gloss_mention_get_entity (peter)));
  cook = tag_by_keys (view, store, "Cook", 2, "1");
  g_assert_true (gloss_mention_get_entity (cook) == gloss_mention_get_entity (peter));

  syria = tag_by_keys (view, store, "Syria", 0, "3");
  g_assert_true (gloss_mention_get_entity (tag_by_keys (view, store, "Syria", 1, "3")) ==
                 gloss_mention_get_entity (syria));
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_ENTITY), ==, 2);
}

static gboolean
has_error_style (gpointer data)
{
  return gtk_widget_has_css_class (GTK_WIDGET (data), "error");
}

/* A knowledge-base id the edit refuses, typed into the inspector's row and
 * applied with Return: a toast says why (the edit's own message, not an
 * empty one), the row is marked, and nothing changed. */
static void
test_refused_kb_says_why (void)
{
  GlossWindow *window = session_window;
  g_autoptr(GlossStore) store = ui_store_new (article);
  GlossAnnotationView *view;
  GlossMention *peter;
  GtkWidget *inspector, *row;

  peter = add_mention (store, "PER", 0, 10, NULL);
  show_store (store);
  view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  ui_click_text (view, 2, 1);
  g_assert_true (ui_wait_until (is_selected, window, UI_TEST_TIMEOUT_MS));
  g_assert_true (gloss_annotation_view_get_selected (view) == GLOSS_ANNOTATION (peter));

  inspector = find_widget (GTK_WIDGET (window), GLOSS_TYPE_INSPECTOR, NULL);
  row = find_widget (inspector, ADW_TYPE_ENTRY_ROW, "Knowledge Base ID");
  g_assert_nonnull (row);
  ui_scroll_into_view (row);
  ui_click_center (row);
  /* An entry row's focus is the text inside it. */
  g_assert_true (ui_wait_focus (GTK_WINDOW (window), find_widget (row, GTK_TYPE_TEXT, NULL)));
  ui_type (GTK_WIDGET (window), "abc");
  ui_key (GTK_WIDGET (window), "Return");

  g_assert_true (wait_toast (GTK_WIDGET (window), "is not a knowledge-base id", TRUE, UI_TEST_TIMEOUT_MS));
  g_assert_true (wait_toast (GTK_WIDGET (window), "Set Knowledge Base ID", TRUE, UI_TEST_TIMEOUT_MS));
  g_assert_true (ui_wait_until (has_error_style, row, UI_TEST_TIMEOUT_MS));
  g_assert_null (gloss_entity_get_kb (gloss_mention_get_entity (peter)));

  /* Mending the text clears the mark; a good id is set. */
  ui_key (GTK_WIDGET (window), "<Control>a");
  ui_type (GTK_WIDGET (window), "wikidata:Q1");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  ui_key (GTK_WIDGET (window), "Return");
  g_assert_cmpstr (gloss_entity_get_kb (gloss_mention_get_entity (peter)), ==, "wikidata:Q1");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
}

/* One lived-in session for all (the recent manager keeps the files of the
 * first test that uses it, so one test per program). */
static void
test_linking (void)
{
  g_autoptr(UiLivedIn) lived_in = NULL;

  if (!ui_test_require_input ())
    return;

  lived_in = ui_lived_in_new ();
  session_window = gloss_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (session_window), 900, 640);
  test_inspector_dropdown ();
  test_link_by_keys ();
  test_tag_joins ();
  test_refused_kb_says_why ();
  ui_window_destroy (GTK_WINDOW (session_window));
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/linking/dropdown-and-ctrl-l", test_linking);
}

int
main (int   argc,
      char *argv[])
{
  return ui_test_main (&argc, &argv, &app, add_tests);
}
