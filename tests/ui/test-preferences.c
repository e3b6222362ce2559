/* test-preferences.c: style, text size and annotator name, from Preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window opens the sample and Preferences comes from app.preferences,
 * as from the primary menu; each row is changed as a user changes it and
 * the effect is checked where the user sees it: the style manager, the
 * article's font, the author of the next annotation.
 */
#include "config.h"

#include "gloss-annotation-view.h"
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

static void
add_tests (void)
{
  g_test_add_func ("/ui/preferences/style-size-author", test_preferences);
}

int
main (int   argc,
      char *argv[])
{
  return ui_test_main (&argc, &argv, &app, add_tests);
}
