/* test-german.c: the window in German (LANGUAGE=de)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Translations come from the build's po/ (GLOSS_LOCALEDIR), as an installed
 * gloss finds them in its locale folder. The empty window, the annotated
 * sample's counts (plural forms) and the primary menu speak German.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "gloss-annotation-view.h"
#include "gloss-application.h"
#include "gloss-export-dialog.h"
#include "gloss-format-dataset.h"
#include "gloss-format-report.h"
#include "gloss-preferences-window.h"
#include "gloss-window.h"
#include "ui-test-utils.h"

static GlossApplication *app;

static gboolean
level_is_pronoun (gpointer data)
{
  JsonNode *level = gloss_annotation_get_attr (data, "level");

  return level != NULL && JSON_NODE_HOLDS_VALUE (level) &&
         g_strcmp0 (json_node_get_string (level), "pronoun") == 0;
}

static gboolean
shows_pronomen (gpointer data)
{
  return ui_find_label (data, "Pronomen") != NULL;
}

/* "Pronomen" chosen by clicks in the Mention level row: the annotation
 * takes the schema's value, "pronoun", not the word shown. */
static void
choose_level_by_clicks (GlossWindow     *window,
                        GlossAnnotation *mention)
{
  GtkWidget *row = find_widget (GTK_WIDGET (window), ADW_TYPE_COMBO_ROW, "Art der Erwähnung");

  g_assert_nonnull (row);
  if (!ui_test_require_input ())
    {
      choose (ADW_COMBO_ROW (row), "Pronomen");
      g_assert_true (level_is_pronoun (mention));
      return;
    }
  wait_for_allocation (row);
  ui_click_center (row);
  g_assert_true (wait_popover_visible (row, GTK_TYPE_POPOVER));
  g_assert_true (ui_wait_until (shows_pronomen, row, UI_TEST_TIMEOUT_MS));
  ui_click_center (ui_find_label (row, "Pronomen"));
  g_assert_true (ui_wait_until (level_is_pronoun, mention, UI_TEST_TIMEOUT_MS));
  /* shown again in German, from the value */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 3);
}

/* Longer German names still whole: Preferences' style (“Systemeinstellung
 * folgen”), and the export dialog's format, in its row and its list. */
static void
names_whole (GlossWindow *window)
{
  GtkWidget *prefs, *dialog, *row;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.preferences", NULL));
  prefs = ui_wait_toplevel (GLOSS_TYPE_PREFERENCES_WINDOW);
  present_and_wait (GTK_WINDOW (prefs));
  ui_assert_nothing_cut (prefs);
  ui_assert_words_whole (prefs);
  gtk_window_destroy (GTK_WINDOW (prefs));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = ui_wait_toplevel (GLOSS_TYPE_EXPORT_DIALOG);
  present_and_wait (GTK_WINDOW (dialog));
  ui_assert_nothing_cut (dialog);
  ui_assert_words_whole (dialog);
  row = find_widget (dialog, ADW_TYPE_COMBO_ROW, "_Format");
  g_assert_nonnull (row);
  if (ui_test_require_input ())
    {
      /* Narrower, the rows' long German subtitles wrap and their choices
       * stay whole ("Positionen": the unit was squeezed to "…"). */
      ui_resize_window (GTK_WINDOW (dialog), 480, 640);
      ui_wait_for_frame (dialog);
      ui_assert_nothing_cut (dialog);
      ui_resize_window (GTK_WINDOW (dialog), 700, 640);
      ui_wait_for_frame (dialog);
      wait_for_allocation (row);
      ui_click_center (row);
      g_assert_true (wait_popover_visible (row, GTK_TYPE_POPOVER));
      ui_assert_nothing_cut (find_visible (row, GTK_TYPE_POPOVER));
      ui_assert_words_whole (find_visible (row, GTK_TYPE_POPOVER));
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* What an export leaves out, as the toast's Details show it: in German,
 * the counts and every line (brat: the entities' notes, the relations'
 * evidence). */
static void
export_losses_in_german (GlossWindow *window)
{
  g_autoptr(GPtrArray) stores = g_ptr_array_new ();
  GlossFormatReport *report = gloss_format_report_new ();
  GlossFormatOptions options = { .report = report };
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  GPtrArray *details;
  gboolean evidence = FALSE, note = FALSE;

  g_ptr_array_add (stores, gloss_window_get_store (window));
  g_assert_true (gloss_format_count_losses (gloss_format_lookup ("brat"), stores, &options, &error));
  g_assert_no_error (error);
  summary = gloss_format_report_summary (report);
  g_assert_nonnull (strstr (summary, "3 Notizen"));
  g_assert_nonnull (strstr (summary, "die Belegstellen von 9 Beziehungen"));
  details = gloss_format_report_get_details (report);
  for (guint i = 0; i < details->len; i++)
    {
      const char *line = g_ptr_array_index (details, i);

      g_assert_null (strstr (line, "relation "));
      g_assert_null (strstr (line, "entity "));
      evidence |= strstr (line, ": Beziehung allies: ihre Belegstellen") != NULL;
      note |= strstr (line, ": Entität kremlin: ihre Notiz") != NULL;
    }
  g_assert_true (evidence);
  g_assert_true (note);
  gloss_format_report_free (report);
}

static void
test_german (void)
{
  GlossWindow *window = gloss_window_new (app);
  g_autoptr(GError) error = NULL;
  GlossAnnotation *mention;

  present_and_wait (GTK_WINDOW (window));
  g_assert_true (label_contains (GTK_WIDGET (window), "Einen Artikel annotieren"));
  g_assert_true (label_contains (GTK_WIDGET (window), "Beispielartikel öffnen"));
  g_assert_false (label_contains (GTK_WIDGET (window), "Annotate an Article"));

  g_assert_true (gloss_window_open_annotated_sample (window, &error));
  g_assert_no_error (error);
  iterate ();
  /* ngettext: plural forms of the counts in the header */
  g_assert_true (label_contains (GTK_WIDGET (window), "129 Erwähnungen"));
  g_assert_true (label_contains (GTK_WIDGET (window), "33 Entitäten"));
  g_assert_true (label_contains (GTK_WIDGET (window), "15 Aussagen"));
  g_assert_true (label_contains (GTK_WIDGET (window), "9 Beziehungen"));
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u mention", "%u mentions", 1), ==, "%u Erwähnung");

  /* The default schema's types in German in the palette and the sidebar,
   * while the schema (the file) keeps their English names. */
  g_assert_true (label_contains (GTK_WIDGET (window), "Land/Region/Stadt"));
  g_assert_true (label_contains (GTK_WIDGET (window), "Organisation"));
  g_assert_false (label_contains (GTK_WIDGET (window), "Country/region/city"));
  g_assert_cmpstr (gloss_label_get_name (gloss_schema_lookup (gloss_store_get_schema (gloss_window_get_store (window)),
                                                              GLOSS_LABEL_ENTITY, "GPE")),
                   ==, "Country/region/city");

  /* The default schema's attribute in the inspector of a mention: in
   * German, while the file keeps its English name. */
  mention = g_list_model_get_item (gloss_store_get_list (gloss_window_get_store (window), GLOSS_KIND_MENTION), 0);
  gloss_annotation_view_set_selected (GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window)), mention);
  iterate ();
  g_assert_true (label_contains (GTK_WIDGET (window), "Art der Erwähnung"));
  g_assert_false (label_contains (GTK_WIDGET (window), "Mention level"));
  choose_level_by_clicks (window, mention);
  g_clear_object (&mention);
  /* German words are longer: still whole, beside the inspector's
   * dropdowns and in the shortcuts window, which fits 1280×800. */
  ui_assert_words_whole (GTK_WIDGET (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  ui_assert_shortcuts_fit (GTK_WIDGET (window));
  names_whole (window);
  export_losses_in_german (window);

  ui_window_destroy (GTK_WINDOW (window));
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/german/window", test_german);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("GLOSS_LOCALEDIR");

  g_assert_nonnull (localedir);
  /* LANGUAGE is honoured in any locale but "C" (the tests run in C.UTF-8). */
  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* GtkBuilder translates templates in the default domain, as in main.c. */
  textdomain (GETTEXT_PACKAGE);
  return ui_test_main (&argc, &argv, &app, add_tests);
}
