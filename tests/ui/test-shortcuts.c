/* test-shortcuts.c: every plain-key shortcut does its job or says why
 * not, wherever the focus is but a text entry (issue 7, item 4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-claim-editor.h"
#include "gloss-inspector.h"
#include "gloss-label-palette.h"
#include "gloss-window.h"
#include "ui-test-utils.h"

static GlossApplication *app;
static GlossWindow *session_window;

static const char article[] =
  "Talks in Geneva\n\n"
  "The minister said the talks would resume next week. Peter Cook said nothing at all.\n";

static GlossAnnotationView *
get_view (void)
{
  return GLOSS_ANNOTATION_VIEW (gloss_window_get_view (session_window));
}

static GlossAnnotation *
get_selected (void)
{
  return gloss_annotation_view_get_selected (get_view ());
}

static gboolean
claim_selected (gpointer data)
{
  GlossAnnotation *selected = get_selected ();

  return selected != NULL && GLOSS_IS_CLAIM (selected) && (data == NULL || data == (gpointer) selected);
}

typedef struct
{
  const char *message;
  GtkWidget  *before;
} NewToast;

static gboolean
new_toast_shows (gpointer data)
{
  NewToast *t = data;
  GtkWidget *toast = find_toast (GTK_WIDGET (session_window), t->message);

  return toast != NULL && toast != t->before;
}

/* A key says @message in a toast of its own (not one an earlier key
 * left). The earlier toast is held meanwhile: once freed, the new one
 * could be made at its address and never look new. */
static void
key_says (const char *key,
          const char *message)
{
  NewToast t = { message, find_toast (GTK_WIDGET (session_window), message) };

  if (t.before != NULL)
    g_object_ref (t.before);
  ui_key (GTK_WIDGET (session_window), key);
  g_assert_true (ui_wait_until (new_toast_shows, &t, UI_TEST_TIMEOUT_MS));
  g_clear_object (&t.before);
}

static gboolean
focus_outside_popover (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (data));

  return focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) == NULL;
}

static void
focus_on (GtkWidget *widget)
{
  g_assert_true (gtk_widget_grab_focus (widget));
  g_assert_true (ui_wait_focus (GTK_WINDOW (session_window), widget));
}

static void
test_claim_keys (void)
{
  GlossWindow *window = session_window;
  g_autoptr(GlossStore) store = ui_store_new (article);
  GlossAnnotationView *view;
  GlossClaim *claim;
  GlossMention *minister;
  GtkWidget *editor, *certainty, *entry;
  const GlossSpan *spans;
  guint n, start, said;

  gloss_window_set_store (window, store, NULL);
  ui_present_focused (GTK_WINDOW (window));
  view = get_view ();
  wait_for_allocation (GTK_WIDGET (view));
  start = find_text (store, "The minister", 0);
  minister = add_mention (store, "PER", start, start + 12, NULL);

  /* Nothing selected: each claim key says what it needs. */
  ui_click_text (view, find_text (store, "Geneva", 0), 1);
  g_assert_null (get_selected ());
  key_says ("<Shift>c", "Select a claim first");
  key_says ("<Shift>k", "Select a claim first");
  key_says ("plus", "Select the mention or claim to extend first");
  key_says ("minus", "Select the mention or claim to shorten first");
  key_says ("c", "Select the words of the claim first");

  /* A claim by its words and C. */
  start = find_text (store, "the talks", 0);
  ui_drag_text (view, start, find_text (store, ". Peter", 0));
  ui_key (GTK_WIDGET (window), "c");
  g_assert_true (ui_wait_until (claim_selected, NULL, UI_TEST_TIMEOUT_MS));
  claim = GLOSS_CLAIM (get_selected ());
  key_says ("minus", "Only one fragment: nothing to remove");

  /* A double-click on the cue word (outside the claim) keeps the claim
   * selected, so Shift+C makes that word its cue. */
  said = find_text (store, "said", 0);
  ui_click_text (view, said + 1, 2);
  g_assert_true (claim_selected (claim));
  ui_key (GTK_WIDGET (window), "<Shift>c");
  spans = gloss_annotation_get_spans (GLOSS_ANNOTATION (claim), GLOSS_ROLE_CUE, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (spans[0].start, ==, said);
  g_assert_cmpuint (spans[0].end, ==, said + 4);
  g_assert_true (claim_selected (claim));

  /* A dropdown of the inspector, used by clicks, keeps the focus; Shift+K
   * there starts picking the claimant. */
  editor = find_widget (GTK_WIDGET (window), GLOSS_TYPE_CLAIM_EDITOR, NULL);
  certainty = find_widget (editor, ADW_TYPE_COMBO_ROW, "Certainty");
  g_assert_nonnull (certainty);
  ui_click_in_popover (certainty, GTK_TYPE_POPOVER, "Hedged");
  g_assert_null (find_visible (certainty, GTK_TYPE_POPOVER));
  /* The focus leaves the closed popup for the row in a later frame. */
  g_assert_true (ui_wait_until (focus_outside_popover, window, UI_TEST_TIMEOUT_MS));
  g_assert_cmpint (gloss_claim_get_certainty (claim), ==, 1);
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, editor));
  }
  key_says ("<Shift>k", "Click a mention of the claimant — Escape cancels");
  ui_click_text (view, gloss_annotation_get_start (GLOSS_ANNOTATION (minister)) + 2, 1);
  g_assert_true (gloss_claim_get_claimant (claim) == gloss_mention_get_entity (minister));

  /* Focus on the sidebar's switcher: a number key still tags. */
  start = find_text (store, "Peter Cook", 0);
  ui_drag_text (view, start, start + 10);
  focus_on (find_widget (find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER, NULL),
                         GTK_TYPE_TOGGLE_BUTTON, NULL));
  ui_key (GTK_WIDGET (window), "1");
  g_assert_cmpuint (n_mentions (window), ==, 2);

  /* In a text entry the keys type. */
  ui_key (GTK_WIDGET (window), "<Control>f");
  entry = gloss_window_get_search_entry (window);
  /* Keys reach the entry once its bar shows (the bar's first frame). */
  wait_for_allocation (entry);
  ui_type (GTK_WIDGET (window), "c1");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "c1");
  g_assert_cmpuint (n_mentions (window), ==, 2);
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_CLAIM), ==, 1);
}

/* Ctrl+? shows the shortcuts window: it fits a 1280×800 screen (it was
 * wider, with two pages whose switcher printed GTK warnings). */
static gboolean
focus_in (gpointer pane)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (session_window));

  return focus != NULL && (focus == pane || gtk_widget_is_ancestor (focus, pane));
}

static gboolean
is_drawable (gpointer widget)
{
  return gtk_widget_is_drawable (widget);
}

static gboolean
is_hidden (gpointer widget)
{
  return !gtk_widget_is_drawable (widget);
}

typedef struct
{
  GtkWidget *window;
  GtkWidget *before;
} FocusMoved;

static gboolean
focus_moved (gpointer data)
{
  FocusMoved *moved = data;

  return gtk_root_get_focus (GTK_ROOT (moved->window)) != moved->before;
}

/* F6 goes from pane to pane: the article, the palette, the sidebar's page,
 * the inspector, and round; Shift+F6 back. */
static void
test_panes (void)
{
  GtkWidget *window = GTK_WIDGET (session_window);
  GtkWidget *view = GTK_WIDGET (get_view ());
  GtkWidget *panes[] = {
    view,
    find_widget (window, GLOSS_TYPE_LABEL_PALETTE, NULL),
    find_widget (window, ADW_TYPE_VIEW_STACK, NULL),
    find_widget (window, GLOSS_TYPE_INSPECTOR, NULL),
  };

  for (guint i = 0; i < G_N_ELEMENTS (panes); i++)
    g_assert_nonnull (panes[i]);

  /* Wherever the focus is, F6 reaches the article within a round. */
  for (guint i = 0; i <= G_N_ELEMENTS (panes) && !focus_in (view); i++)
    {
      FocusMoved moved = { window, gtk_root_get_focus (GTK_ROOT (window)) };

      ui_key (window, "F6");
      g_assert_true (ui_wait_until (focus_moved, &moved, UI_TEST_TIMEOUT_MS));
    }
  g_assert_true (focus_in (view));
  /* Something selected, so the inspector shows. */
  ui_key (window, "Tab");
  g_assert_true (ui_wait_until (is_drawable, panes[3], UI_TEST_TIMEOUT_MS));

  for (guint i = 1; i <= G_N_ELEMENTS (panes); i++)
    {
      ui_key (window, "F6");
      g_assert_true (ui_wait_until (focus_in, panes[i % G_N_ELEMENTS (panes)], UI_TEST_TIMEOUT_MS));
    }
  ui_key (window, "<Shift>F6");
  g_assert_true (ui_wait_until (focus_in, panes[3], UI_TEST_TIMEOUT_MS));
  ui_key (window, "<Shift>F6");
  g_assert_true (ui_wait_until (focus_in, panes[2], UI_TEST_TIMEOUT_MS));

  /* The sidebar hidden (F9): the article and the palette only. */
  ui_key (window, "F9");
  g_assert_true (ui_wait_until (is_hidden, panes[2], UI_TEST_TIMEOUT_MS));
  ui_key (window, "F6");
  g_assert_true (ui_wait_until (focus_in, view, UI_TEST_TIMEOUT_MS));
  ui_key (window, "F6");
  g_assert_true (ui_wait_until (focus_in, panes[1], UI_TEST_TIMEOUT_MS));
  ui_key (window, "F6");
  g_assert_true (ui_wait_until (focus_in, view, UI_TEST_TIMEOUT_MS));
  ui_key (window, "F9");
  g_assert_true (ui_wait_until (is_drawable, panes[2], UI_TEST_TIMEOUT_MS));
}

static void
test_window_fits (void)
{
  ui_key (GTK_WIDGET (session_window), "Escape");
  ui_key (GTK_WIDGET (session_window), "<Control>question");
  ui_assert_shortcuts_fit (GTK_WIDGET (session_window));
}

/* One lived-in session (the recent manager keeps the files of the first
 * test that uses it, so one test per program). */
static void
test_shortcuts (void)
{
  g_autoptr(UiLivedIn) lived_in = NULL;

  if (!ui_test_require_input ())
    return;

  lived_in = ui_lived_in_new ();
  session_window = gloss_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (session_window), 900, 640);
  test_claim_keys ();
  test_panes ();
  test_window_fits ();
  ui_window_destroy (GTK_WINDOW (session_window));
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/shortcuts/claim-keys", test_shortcuts);
}

int
main (int   argc,
      char *argv[])
{
  return ui_test_main (&argc, &argv, &app, add_tests);
}
