/* test-opening.c: opening, saving and reopening documents the way an
 * analyst does, with a recent list that has seen use (issue 7), through
 * real clicks and keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "gloss-format-native.h"
#include "gloss-window.h"
#include "ui-test-utils.h"

static GlossApplication *app;

static GlossWindow *
new_window (void)
{
  GlossWindow *window = gloss_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  ui_present_focused (GTK_WINDOW (window));
  return window;
}

typedef struct
{
  GlossWindow *window;
  GFile       *first;
  guint        n;
} RecentWanted;

static gboolean
recent_menu_is (gpointer data)
{
  RecentWanted *wanted = data;
  g_autoptr(GPtrArray) uris = ui_recent_menu_uris (wanted->window);
  g_autofree char *first = g_file_get_uri (wanted->first);

  return uris->len == wanted->n && g_str_equal (g_ptr_array_index (uris, 0), first);
}

/* Until the menu lists @n documents, @first (the latest) on top. */
static void
wait_recent_menu (GlossWindow *window,
                  GFile       *first,
                  guint        n)
{
  RecentWanted wanted = { window, first, n };

  g_assert_true (ui_wait_until (recent_menu_is, &wanted, UI_TEST_TIMEOUT_MS));
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return child;
      found = find_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
click_center (GtkWidget *widget)
{
  ui_click_widget (widget, gtk_widget_get_width (widget) / 2., gtk_widget_get_height (widget) / 2., 1);
}

/* The Open button's arrow, then the document's name in its menu. */
static void
open_recent_by_click (GlossWindow *window,
                      const char  *name)
{
  GtkWidget *split = find_widget (GTK_WIDGET (window), ADW_TYPE_SPLIT_BUTTON, NULL);
  GtkWidget *arrow = find_widget (split, GTK_TYPE_MENU_BUTTON, NULL);
  GtkWidget *popover;
  GtkWidget *item;

  click_center (arrow);
  g_assert_true (wait_popover_visible (arrow, GTK_TYPE_POPOVER_MENU));
  popover = find_visible (arrow, GTK_TYPE_POPOVER_MENU);
  wait_for_allocation (popover);
  item = find_label (popover, name);
  g_assert_nonnull (item);

  /* The manager says "changed" again for a list it already gave (it
   * writes its file, then reads it back), at any time: the open menu
   * keeps its items, so that the click opens the document under the
   * pointer. (It rebuilt them, and a click meant for one document opened
   * another, or none.) */
  g_signal_emit_by_name (gtk_recent_manager_get_default (), "changed");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (find_label (popover, name) == item);
  click_center (item);
}

static gboolean
has_other_window (gpointer data)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (l->data != data && GLOSS_IS_WINDOW (l->data) && gloss_window_has_document (l->data))
      return TRUE;
  return FALSE;
}

static GlossWindow *
other_window (GlossWindow *window)
{
  g_assert_true (ui_wait_until (has_other_window, window, UI_TEST_TIMEOUT_MS));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (l->data != (gpointer) window && GLOSS_IS_WINDOW (l->data))
      return l->data;
  g_assert_not_reached ();
}

static gboolean
window_gone (gpointer data)
{
  return g_list_find (gtk_application_get_windows (GTK_APPLICATION (app)), data) == NULL;
}

static gboolean
has_document (gpointer data)
{
  return gloss_window_has_document (GLOSS_WINDOW (data));
}

static gboolean
is_saved (gpointer data)
{
  return !gloss_window_get_modified (GLOSS_WINDOW (data));
}

/* Issue 7, item 1: with several documents in the recent list, saving and
 * opening (which sort that list) crashed. */
static void
test_recent_save_open_reopen (void)
{
  g_autoptr(UiLivedIn) lived_in = NULL;
  g_autoptr(GArray) hits = NULL;
  GlossWindow *window, *second;
  GlossAnnotationView *view;
  GlossStore *store;
  guint putin;

  if (!ui_test_require_input ())
    return;

  window = new_window ();
  lived_in = ui_lived_in_new ();
  wait_recent_menu (window, lived_in->documents[2], 3);

  /* Open the first document from the recent menu. */
  open_recent_by_click (window, "lived-in-1.gloss");
  g_assert_true (ui_wait_until (has_document, window, UI_TEST_TIMEOUT_MS));
  g_assert_true (g_file_equal (gloss_window_get_file (window), lived_in->documents[0]));
  view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  store = gloss_window_get_store (window);
  wait_for_allocation (GTK_WIDGET (view));
  wait_recent_menu (window, lived_in->documents[0], 3);

  /* Tag "Vladimir Putin" with the pointer and a key; Ctrl+S. */
  putin = find_text (store, "Vladimir Putin", 0);
  ui_drag_text (view, putin, text_end ("Vladimir Putin", putin));
  ui_key (GTK_WIDGET (window), "1");
  g_assert_true (gloss_window_get_modified (window));
  ui_key (GTK_WIDGET (window), "<Control>s");
  g_assert_true (ui_wait_until (is_saved, window, UI_TEST_TIMEOUT_MS));
  wait_recent_menu (window, lived_in->documents[0], 3);

  /* The second one opens in a window of its own. */
  open_recent_by_click (window, "lived-in-2.gloss");
  second = other_window (window);
  ui_present_focused (GTK_WINDOW (second));
  /* It reads the file in the background. */
  g_assert_true (ui_wait_until (has_document, second, UI_TEST_TIMEOUT_MS));
  g_assert_true (g_file_equal (gloss_window_get_file (second), lived_in->documents[1]));
  wait_recent_menu (second, lived_in->documents[1], 3);

  /* Close both (Ctrl+W: nothing unsaved, nothing asked) and reopen the
   * first: the mention saved is there. */
  ui_key (GTK_WIDGET (second), "<Control>w");
  g_assert_true (ui_wait_until (window_gone, second, UI_TEST_TIMEOUT_MS));
  ui_key (GTK_WIDGET (window), "<Control>w");
  g_assert_true (ui_wait_until (window_gone, window, UI_TEST_TIMEOUT_MS));

  window = new_window ();
  wait_recent_menu (window, lived_in->documents[1], 3);
  open_recent_by_click (window, "lived-in-1.gloss");
  g_assert_true (ui_wait_until (has_document, window, UI_TEST_TIMEOUT_MS));
  store = gloss_window_get_store (window);
  hits = gloss_store_query_range (store, putin, putin + 1, GLOSS_KIND_MASK (GLOSS_KIND_MENTION));
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpuint (g_array_index (hits, GlossSpanHit, 0).end, ==, text_end ("Vladimir Putin", putin));
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_MENTION), ==, 2);

  ui_window_destroy (GTK_WINDOW (window));
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/opening/recent-save-open-reopen", test_recent_save_open_reopen);
}

int
main (int   argc,
      char *argv[])
{
  return ui_test_main (&argc, &argv, &app, add_tests);
}
