/* test-schema-page.c: the Schema page of Preferences, by real clicks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A lived-in session opens a document; Ctrl+comma opens Preferences, a
 * click on the switcher shows the Schema page, a click expands "Member of"
 * and clicks on the From and To chips change the relation type's ends
 * (each chip used to free the ends it passed back in: a SIGSEGV).
 */
#include "config.h"

#include "gloss-preferences-window.h"
#include "gloss-schema-editor.h"
#include "gloss-window.h"
#include "ui-test-utils.h"

static GlossApplication *app;

/* Scroll the scrolled window around @widget so that all of it shows. */
static void
scroll_into_view (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_point_t top;
  double value, page;

  g_assert_nonnull (scrolled);
  ui_wait_for_frame (widget);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_true (gtk_widget_compute_point (widget, scrolled, &GRAPHENE_POINT_INIT (0, 0), &top));
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (top.y < 0 || top.y + gtk_widget_get_height (widget) > page)
    gtk_adjustment_set_value (adjustment, value + top.y - 12);
  ui_wait_for_frame (widget);
}

static void
click (GtkWidget *widget)
{
  scroll_into_view (widget);
  ui_click_center (widget);
}

/* The mapped toggle button labelled @text under @root. */
static GtkWidget *
find_chip (GtkWidget  *root,
           const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_TOGGLE_BUTTON (child) && gtk_widget_get_mapped (child) &&
          g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), text) == 0)
        return child;
      found = find_chip (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GtkWidget  *prefs;
  const char *title;
  GtkWidget  *found;
} Expanded;

/* The relation type's row titled @title, expanded and mapped (the editor
 * rebuilds its rows after each change). */
static gboolean
row_expanded (gpointer data)
{
  Expanded *e = data;

  e->found = find_widget (e->prefs, ADW_TYPE_EXPANDER_ROW, e->title);
  return e->found != NULL && gtk_widget_get_mapped (e->found) &&
         adw_expander_row_get_expanded (ADW_EXPANDER_ROW (e->found)) &&
         find_chip (e->found, "GPE") != NULL;
}

static GtkWidget *
wait_row_expanded (GtkWidget  *prefs,
                   const char *title)
{
  Expanded e = { prefs, title, NULL };

  g_assert_true (ui_wait_until (row_expanded, &e, UI_TEST_TIMEOUT_MS));
  return e.found;
}

/* The From or To row of the expanded relation type row @row. */
static GtkWidget *
ends_row (GtkWidget  *row,
          const char *title)
{
  GtkWidget *ends = find_widget (row, ADW_TYPE_PREFERENCES_ROW, title);

  g_assert_nonnull (ends);
  return ends;
}

typedef struct
{
  GlossLabel *label;
  gboolean    is_to;
  const char *wanted[4];
} EndsAre;

static gboolean
ends_are (gpointer data)
{
  EndsAre *e = data;
  const char * const *ends = e->is_to ? gloss_label_get_to (e->label) : gloss_label_get_from (e->label);

  if (e->wanted[0] == NULL)
    return ends == NULL;
  return ends != NULL && g_strv_equal (ends, e->wanted);
}

/* Click the chip @type in the From (or To) row of "Member of"; its ends
 * become @wanted. */
static void
click_chip (GtkWidget  *prefs,
            GlossLabel *label,
            gboolean    is_to,
            const char *type,
            EndsAre     wanted)
{
  GtkWidget *row = wait_row_expanded (prefs, "Member of");
  GtkWidget *chip = find_chip (ends_row (row, is_to ? "To" : "From"), type);

  g_assert_nonnull (chip);
  click (chip);
  wanted.label = label;
  wanted.is_to = is_to;
  g_assert_true (ui_wait_until (ends_are, &wanted, UI_TEST_TIMEOUT_MS));
}

static void
test_relation_ends (void)
{
  g_autoptr(UiLivedIn) lived_in = NULL;
  GlossWindow *window;
  GtkWidget *prefs, *switcher_label, *row, *title;
  GlossLabel *member_of;

  if (!ui_test_require_input ())
    return;

  lived_in = ui_lived_in_new ();
  window = ui_document_window (app, lived_in->documents[0]);
  member_of = gloss_schema_lookup (gloss_store_get_schema (gloss_window_get_store (window)),
                                   GLOSS_LABEL_RELATION, "member_of");
  g_assert_nonnull (member_of);

  ui_key (GTK_WIDGET (window), "<Control>comma");
  prefs = ui_wait_toplevel (GLOSS_TYPE_PREFERENCES_WINDOW);
  ui_present_focused (GTK_WINDOW (prefs));
  switcher_label = ui_find_label (prefs, "Schema");
  g_assert_nonnull (switcher_label);
  ui_click_center (switcher_label);

  row = find_widget (prefs, ADW_TYPE_EXPANDER_ROW, "Member of");
  g_assert_nonnull (row);
  title = ui_find_label (row, "Member of");
  g_assert_nonnull (title);
  click (title);
  wait_row_expanded (prefs, "Member of");
  /* The From and To rows keep their titles whole beside the chips (they
   * wrapped letter by letter). */
  ui_assert_words_whole (prefs);

  /* From: PER, then PER and GPE, PER again, then any. */
  click_chip (prefs, member_of, FALSE, "GPE", (EndsAre) { .wanted = { "PER", "GPE", NULL } });
  click_chip (prefs, member_of, FALSE, "GPE", (EndsAre) { .wanted = { "PER", NULL } });
  click_chip (prefs, member_of, FALSE, "PER", (EndsAre) { .wanted = { NULL } });
  /* To: ORG, then ORG and GPE, then GPE. */
  click_chip (prefs, member_of, TRUE, "GPE", (EndsAre) { .wanted = { "ORG", "GPE", NULL } });
  click_chip (prefs, member_of, TRUE, "ORG", (EndsAre) { .wanted = { "GPE", NULL } });
  g_assert_null (gloss_label_get_from (member_of));
  g_assert_true (gloss_label_allows (member_of, "LOC", "GPE"));
  g_assert_false (gloss_label_allows (member_of, "PER", "ORG"));
  g_assert_true (gloss_window_get_modified (window));

  gtk_window_destroy (GTK_WINDOW (prefs));
  ui_window_destroy (GTK_WINDOW (window));
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/schema-page/relation-ends", test_relation_ends);
}

int
main (int   argc,
      char *argv[])
{
  return ui_test_main (&argc, &argv, &app, add_tests);
}
