/* test-real-edits.c: edits by real keys and clicks that used to go wrong
 * without a sign (issue 7, items 7, 8 and 14), and the document page's
 * edits reached from the window around it (issue 9)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-entity-list.h"
#include "gloss-window.h"
#include "ui-test-utils.h"

static GlossApplication *app;

static const char article[] =
  "Officials said al-Qaida fighters crossed the border. North Korea’s envoy "
  "and O’Brien met in Seoul, and Korea's allies watched.\n";

static GlossWindow *session_window;

/* The window (one for all: a lived-in session) shows @store. */
static void
show_store (GlossStore *store)
{
  gloss_window_set_store (session_window, store, NULL);
  ui_present_focused (GTK_WINDOW (session_window));
  wait_for_allocation (gloss_window_get_view (session_window));
}

static GlossStore *
article_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = gloss_document_new_from_text (article, -1, "article.txt", &error);
  g_autoptr(GlossSchema) schema = gloss_schema_new_default ();

  g_assert_no_error (error);
  return gloss_store_new (document, schema);
}

/* Double-click (two real clicks) in @word's @nth occurrence, @into code
 * points in; the text selected is @wanted. */
static void
double_click_selects (GlossWindow *window,
                      const char  *word,
                      guint        into,
                      const char  *wanted)
{
  GlossAnnotationView *view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  g_autofree char *got = NULL;

  ui_click_text (view, find_text (gloss_window_get_store (window), word, 0) + into, 2);
  if (!ui_wait_selection (window, wanted))
    {
      got = ui_selected_text (window);
      g_assert_cmpstr (got, ==, wanted);
    }
}

/* Item 14: a hyphen or an apostrophe between letters is inside the word;
 * an English possessive is not (decisions.md). */
static void
test_double_click_and_drag_snap (void)
{
  GlossWindow *window = session_window;
  g_autoptr(GlossStore) store = NULL;
  GlossAnnotationView *view;
  guint start;

  store = article_store ();
  show_store (store);
  view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));

  double_click_selects (window, "al-Qaida", 5, "al-Qaida");
  double_click_selects (window, "al-Qaida", 1, "al-Qaida");
  double_click_selects (window, "O’Brien", 4, "O’Brien");
  double_click_selects (window, "Korea’s", 2, "Korea");
  double_click_selects (window, "Korea's", 1, "Korea");

  /* A drag from inside "al" to inside "Qaida" snaps to the whole word, and
   * a key tags it. */
  start = find_text (store, "al-Qaida", 0);
  ui_drag_text (view, start + 1, start + 6);
  g_assert_true (ui_wait_selection (window, "al-Qaida"));
  ui_key (GTK_WIDGET (window), "2");
  g_assert_cmpuint (n_mentions (window), ==, 1);
  {
    g_autoptr(GArray) hits = gloss_store_query_range (store, start, start + 1,
                                                      GLOSS_KIND_MASK (GLOSS_KIND_MENTION));

    g_assert_cmpuint (hits->len, ==, 1);
    g_assert_cmpuint (g_array_index (hits, GlossSpanHit, 0).start, ==, start);
    g_assert_cmpuint (g_array_index (hits, GlossSpanHit, 0).end, ==, start + 8);
  }

  /* "North Korea" dragged to the middle of "Korea": snapping stops before
   * the possessive. */
  start = find_text (store, "North Korea", 0);
  ui_drag_text (view, start, start + 9);
  g_assert_true (ui_wait_selection (window, "North Korea"));

  /* A drag inside a selection (a search's match is left selected)
   * selects anew, as anywhere else, instead of dragging the selected
   * text away (the tester tagged "U.S. Central Command said" for a drag
   * over "Central Command"). */
  gloss_annotation_view_select_range (view, start, start + 23);
  g_assert_true (ui_wait_selection (window, "North Korea’s envoy and"));
  start = find_text (store, "envoy", 0);
  ui_drag_text (view, start, start + 5);
  g_assert_true (ui_wait_selection (window, "envoy"));
}

/* The "Entities N" of the sidebar, the entities badge of the switcher and
 * the count in the header. */
static guint
sidebar_count (GlossWindow *window)
{
  GtkWidget *list = find_widget (GTK_WIDGET (window), GLOSS_TYPE_ENTITY_LIST, NULL);
  GtkWidget *heading = ui_find_label (list, "Entities");
  GtkWidget *count = gtk_widget_get_next_sibling (heading);

  return (guint) g_ascii_strtoull (gtk_label_get_text (GTK_LABEL (count)), NULL, 10);
}

static guint
badge_count (GlossWindow *window)
{
  AdwViewStack *stack = ADW_VIEW_STACK (find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, NULL));
  GtkWidget *child = adw_view_stack_get_child_by_name (stack, "entities");

  return adw_view_stack_page_get_badge_number (adw_view_stack_get_page (stack, child));
}

static gboolean
header_says (GlossWindow *window,
             guint        n)
{
  AdwWindowTitle *title = ADW_WINDOW_TITLE (find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE, NULL));
  g_autofree char *wanted = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entity", "%u entities", n), n);

  return strstr (adw_window_title_get_subtitle (title), wanted) != NULL;
}

static void
assert_counts (GlossWindow *window,
               guint        n)
{
  g_assert_cmpuint (gloss_store_get_n_items (gloss_window_get_store (window), GLOSS_KIND_ENTITY), ==, n);
  g_assert_true (header_says (window, n));
  g_assert_cmpuint (badge_count (window), ==, n);
  g_assert_cmpuint (sidebar_count (window), ==, n);
}

/* Item 7: the three counts agree right after each key, not one edit later. */
static void
test_counts_agree (void)
{
  GlossWindow *window = session_window;
  g_autoptr(GlossStore) store = NULL;
  GlossAnnotationView *view;
  guint start;

  store = article_store ();
  show_store (store);
  view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  assert_counts (window, 0);

  start = find_text (store, "Seoul", 0);
  ui_drag_text (view, start, start + 5);
  ui_key (GTK_WIDGET (window), "3");
  assert_counts (window, 1);

  start = find_text (store, "O’Brien", 0);
  ui_drag_text (view, start, start + 7);
  ui_key (GTK_WIDGET (window), "1");
  assert_counts (window, 2);

  /* Item 8: after Delete nothing is selected, so a second press (a key
   * held a moment too long) deletes nothing more. */
  ui_key (GTK_WIDGET (window), "Delete");
  assert_counts (window, 1);
  g_assert_null (gloss_annotation_view_get_selected (view));
  ui_key (GTK_WIDGET (window), "Delete");
  assert_counts (window, 1);
  ui_key (GTK_WIDGET (window), "<Control>z");
  assert_counts (window, 2);
}

typedef struct
{
  GlossStore *store;
  guint       offset;
  const char *type_id;
} TypeAt;

/* Whether one mention covers the offset, of the type. */
static gboolean
type_at_is (gpointer data)
{
  TypeAt *t = data;
  g_autoptr(GArray) hits = gloss_store_query_range (t->store, t->offset, t->offset + 1,
                                                    GLOSS_KIND_MASK (GLOSS_KIND_MENTION));

  return hits->len == 1 &&
         g_str_equal (gloss_annotation_get_type_id (g_array_index (hits, GlossSpanHit, 0).annotation), t->type_id);
}

/* Item 8: a number key with no text selected retypes the selected mention,
 * and says so with an Undo button that undoes it. */
static void
test_retype_says_so (void)
{
  GlossWindow *window = session_window;
  g_autoptr(GlossStore) store = NULL;
  GlossAnnotationView *view;
  GlossAnnotation *mention;
  UiToastHold *hold;
  TypeAt s;
  guint start;

  store = article_store ();
  show_store (store);
  view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));

  start = find_text (store, "Seoul", 0);
  ui_drag_text (view, start, start + 5);
  ui_key (GTK_WIDGET (window), "3");
  mention = gloss_annotation_view_get_selected (view);
  g_assert_nonnull (mention);
  g_assert_cmpstr (gloss_annotation_get_type_id (mention), ==, "GPE");

  /* Escape lets go of the text and the mention; Tab selects the mention
   * with no text selected, and 4 retypes it. */
  ui_key (GTK_WIDGET (window), "Escape");
  g_assert_null (gloss_annotation_view_get_selected (view));
  ui_key (GTK_WIDGET (window), "Tab");
  g_assert_true (gloss_annotation_view_get_selected (view) == mention);
  g_assert_false (gloss_annotation_view_get_text_selection (view, NULL, NULL));
  hold = ui_hold_toast (GTK_WIDGET (window), "“Seoul” is now Other location");
  ui_key (GTK_WIDGET (window), "4");
  mention = gloss_annotation_view_get_selected (view);
  g_assert_cmpstr (gloss_annotation_get_type_id (mention), ==, "LOC");

  ui_click_toast_button (hold);

  s = (TypeAt) { store, start, "GPE" };
  g_assert_true (ui_wait_until (type_at_is, &s, UI_TEST_TIMEOUT_MS));
}

/* A long article: the phrase searched for is far below the first
 * screenful, where the caret is before the search. */
static char *
long_article (const char *needle)
{
  GString *text = g_string_new ("Talks resume in Geneva\n\n");

  for (guint i = 0; i < 60; i++)
    {
      if (i == 45)
        g_string_append_printf (text, "Later that week %s spoke to reporters at length. ", needle);
      g_string_append_printf (text, "Paragraph %u: delegates met again on the %u floor and "
                              "went over the draft text line by line, as they had before.\n", i, i + 1);
    }
  return g_string_free (text, FALSE);
}

typedef struct
{
  GlossAnnotationView *view;
  guint                start;
  guint                end;
} SpanShown;

static gboolean
span_in_view (gpointer data)
{
  SpanShown *s = data;
  GtkTextView *text_view = GTK_TEXT_VIEW (s->view);
  GdkRectangle visible, first, last;
  GtkTextIter iter;

  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &iter, s->start);
  gtk_text_view_get_iter_location (text_view, &iter, &first);
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &iter, s->end - 1);
  gtk_text_view_get_iter_location (text_view, &iter, &last);
  return first.y >= visible.y && last.y + last.height <= visible.y + visible.height;
}

static gboolean
mentions_are (gpointer data)
{
  return n_mentions (session_window) == GPOINTER_TO_UINT (data);
}

/* A word near the top of the view, tagged by a drag and a key: the view
 * does not move (it did, by a third of its height, and the tester's next
 * drag, aimed where the text had been, tagged other words). */
static void
tag_at_top_stays (GlossAnnotationView *view)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (view);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  guint n = n_mentions (session_window);
  GdkRectangle visible;
  GtkTextIter start, end;
  double before;

  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_iter_at_location (text_view, &start, visible.x + visible.width / 3,
                                      visible.y + visible.height / 16);
  if (!gtk_text_iter_starts_word (&start))
    gtk_text_iter_backward_word_start (&start);
  end = start;
  gtk_text_iter_forward_word_end (&end);
  before = gtk_adjustment_get_value (vadjustment);
  g_assert_cmpfloat (before, >, 0);

  ui_drag_text (view, gtk_text_iter_get_offset (&start), gtk_text_iter_get_offset (&end));
  ui_key (GTK_WIDGET (session_window), "2");
  g_assert_true (ui_wait_until (mentions_are, GUINT_TO_POINTER (n + 1), UI_TEST_TIMEOUT_MS));
  for (guint i = 0; i < 10; i++)
    {
      ui_wait_for_frame (GTK_WIDGET (view));
      g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, before);
    }
}

/* Item 3: Ctrl+F, a phrase, Enter, Escape and a number key tag the match,
 * and the view stays on it: it does not jump back to where the caret was
 * before the search. */
static void
test_search_then_tag_stays (void)
{
  static const char needle[] = "Ri Son Gwon";
  GlossWindow *window = session_window;
  g_autofree char *text = long_article (needle);
  g_autoptr(GlossStore) store = ui_store_new (text);
  GlossAnnotationView *view;
  GtkWidget *entry;
  GtkWidget *focus;
  SpanShown shown;
  guint start;

  show_store (store);
  view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  start = find_text (store, needle, 0);
  shown = (SpanShown) { view, start, start + (guint) g_utf8_strlen (needle, -1) };
  /* The caret at the top, the phrase out of sight. */
  ui_click_text (view, 3, 1);
  g_assert_false (span_in_view (&shown));

  ui_key (GTK_WIDGET (window), "<Control>f");
  entry = gloss_window_get_search_entry (window);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
  /* Keys reach the entry once its bar shows (the bar's first frame). */
  wait_for_allocation (entry);
  ui_type (GTK_WIDGET (window), needle);
  ui_key (GTK_WIDGET (window), "Return");
  g_assert_true (ui_wait_until (span_in_view, &shown, UI_TEST_TIMEOUT_MS));
  ui_key (GTK_WIDGET (window), "Escape");
  g_assert_true (ui_wait_focus (GTK_WINDOW (window), GTK_WIDGET (view)));
  ui_key (GTK_WIDGET (window), "1");
  {
    GlossAnnotation *mention = gloss_annotation_view_get_selected (view);

    g_assert_nonnull (mention);
    g_assert_cmpuint (gloss_annotation_get_start (mention), ==, start);
    g_assert_cmpstr (gloss_annotation_get_type_id (mention), ==, "PER");
  }

  /* Still there a good number of frames later, once the search bar has
   * gone and any scrolling has settled. */
  for (guint i = 0; i < 30; i++)
    {
      ui_wait_for_frame (GTK_WIDGET (view));
      g_assert_true (span_in_view (&shown));
    }

  tag_at_top_stays (view);
}

static gboolean
is_sensitive (gpointer data)
{
  return gtk_widget_is_sensitive (data);
}

static void
click_and_count (GtkWidget *widget,
                 guint      n)
{
  wait_for_allocation (widget);
  ui_click_center (widget);
  g_assert_true (ui_wait_until (mentions_are, GUINT_TO_POINTER (n), UI_TEST_TIMEOUT_MS));
}

/* The edits are the document page's doc.* actions; the header bar's Undo
 * and Redo, a toast's button and the main menu sit outside the page and
 * reach them through the window, by real clicks; the header bar follows
 * whether there is anything to undo. */
static void
test_doc_actions_outside_the_page (void)
{
  GlossWindow *window = session_window;
  g_autoptr(GlossStore) store = ui_store_new ("Russia and China met in Vladivostok. Russia spoke first; "
                                              "Russian envoys said Russia would stay.\n");
  g_autoptr(GlossAnnotation) russia = NULL;
  GtkWidget *undo, *redo, *menu;
  UiToastHold *hold;

  show_store (store);
  undo = find_icon_button (GTK_WIDGET (window), "edit-undo-symbolic");
  redo = find_icon_button (GTK_WIDGET (window), "edit-redo-symbolic");
  g_assert_nonnull (undo);
  g_assert_nonnull (redo);
  g_assert_false (gtk_widget_is_sensitive (undo));
  g_assert_false (gtk_widget_is_sensitive (redo));

  tag_by_key (window, "Russia", "3");
  g_assert_cmpuint (n_mentions (window), ==, 1);
  g_assert_true (ui_wait_until (is_sensitive, undo, UI_TEST_TIMEOUT_MS));
  hold = ui_hold_toast (GTK_WIDGET (window), "Undone");
  click_and_count (undo, 0);
  g_assert_false (gtk_widget_is_sensitive (undo));

  /* The toast's Redo. */
  ui_click_toast_button (hold);
  g_assert_true (ui_wait_until (mentions_are, GUINT_TO_POINTER (1), UI_TEST_TIMEOUT_MS));
  /* The header bar's Undo and Redo. */
  click_and_count (undo, 0);
  g_assert_true (ui_wait_until (is_sensitive, redo, UI_TEST_TIMEOUT_MS));
  click_and_count (redo, 1);

  /* Tag All Occurrences from the main menu: every whole-word "Russia",
   * not "Russian". */
  russia = g_list_model_get_item (gloss_store_get_list (store, GLOSS_KIND_MENTION), 0);
  gloss_annotation_view_set_selected (GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window)), russia);
  menu = find_icon_button (GTK_WIDGET (window), "open-menu-symbolic");
  g_assert_nonnull (menu);
  ui_click_in_popover (menu, GTK_TYPE_POPOVER_MENU, "Tag All Occurrences");
  g_assert_true (ui_wait_until (mentions_are, GUINT_TO_POINTER (3), UI_TEST_TIMEOUT_MS));
}

/* One test in a lived-in state (the recent manager keeps the files of the
 * first test that uses it, so one test per program). */
static void
test_real_edits (void)
{
  g_autoptr(UiLivedIn) lived_in = NULL;

  if (!ui_test_require_input ())
    return;

  lived_in = ui_lived_in_new ();
  session_window = gloss_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (session_window), 900, 640);
  test_double_click_and_drag_snap ();
  test_counts_agree ();
  test_retype_says_so ();
  test_search_then_tag_stays ();
  test_doc_actions_outside_the_page ();
  ui_window_destroy (GTK_WINDOW (session_window));
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/real-edits/snap-counts-retype", test_real_edits);
}

int
main (int   argc,
      char *argv[])
{
  return ui_test_main (&argc, &argv, &app, add_tests);
}
