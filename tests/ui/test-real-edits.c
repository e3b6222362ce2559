/* test-real-edits.c: edits by real keys and clicks that used to go wrong
 * without a sign (issue 7, item 14)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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

static char *
selected_text (GlossWindow *window)
{
  GlossAnnotationView *view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  guint start, end;

  if (!gloss_annotation_view_get_text_selection (view, &start, &end))
    return g_strdup ("");
  return gloss_document_dup_slice (gloss_store_get_document (gloss_window_get_store (window)), start, end);
}

typedef struct
{
  GlossWindow *window;
  const char  *text;
} SelectionIs;

static gboolean
selection_is (gpointer data)
{
  SelectionIs *s = data;
  g_autofree char *text = selected_text (s->window);

  return g_str_equal (text, s->text);
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
  SelectionIs s = { window, wanted };
  g_autofree char *got = NULL;

  ui_click_text (view, find_text (gloss_window_get_store (window), word, 0) + into, 2);
  if (!ui_wait_until (selection_is, &s, UI_TEST_TIMEOUT_MS))
    {
      got = selected_text (window);
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
  SelectionIs s;
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
  s = (SelectionIs) { window, "al-Qaida" };
  g_assert_true (ui_wait_until (selection_is, &s, UI_TEST_TIMEOUT_MS));
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
  s = (SelectionIs) { window, "North Korea" };
  g_assert_true (ui_wait_until (selection_is, &s, UI_TEST_TIMEOUT_MS));
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
  ui_window_destroy (GTK_WINDOW (session_window));
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/real-edits/double-click-and-drag-snap", test_real_edits);
}

int
main (int   argc,
      char *argv[])
{
  return ui_test_main (&argc, &argv, &app, add_tests);
}
