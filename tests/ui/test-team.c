/* test-team.c: statistics, agreement and curation of a project, reached
 * and driven by real keys (issue 12)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The project holds the sample article twice annotated: by the window's
 * annotator (the sample as it is) and by Ben, who left out "ballistic
 * missiles", made the first "Wednesday" an event and tagged "Kamchatka":
 * three disagreements.
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "gloss-agreement-window.h"
#include "gloss-annotator.h"
#include "gloss-curation-window.h"
#include "gloss-statistics-window.h"
#include "gloss-window.h"
#include "team-project.h"
#include "ui-test-utils.h"

static GlossApplication *app;

typedef struct
{
  GFile                *folder;
  GlossProjectDocument *document;
  char                 *annotator;   /* the window's */
} Team;

static void
team_clear (Team *team)
{
  g_clear_object (&team->folder);
  g_clear_object (&team->document);
  g_clear_pointer (&team->annotator, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Team, team_clear)

static void
make_project (const char *dir,
              Team       *team)
{
  g_autofree char *path = g_build_filename (dir, "team", NULL);

  team->folder = g_file_new_for_path (path);
  team->annotator = gloss_annotator_default_name ();
  team->document = team_make_project (team->folder, team->annotator);
}

typedef struct
{
  GType type;
  GtkWindow *found;
} Toplevel;

static gboolean
toplevel_shown (gpointer data)
{
  Toplevel *t = data;
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  t->found = NULL;
  for (GList *l = windows; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, t->type) && gtk_widget_get_mapped (l->data))
      t->found = l->data;
  return t->found != NULL;
}

static gboolean
toplevel_gone (gpointer data)
{
  return !toplevel_shown (data);
}

/* Presses @accel in @window and waits for a window of @type. */
static GtkWindow *
open_by_key (GtkWindow  *window,
             const char *accel,
             GType       type)
{
  Toplevel t = { type, NULL };

  ui_key (GTK_WIDGET (window), accel);
  g_assert_true (ui_wait_until (toplevel_shown, &t, UI_TEST_TIMEOUT_MS));
  ui_present_focused (t.found);
  wait_for_allocation (GTK_WIDGET (t.found));
  return t.found;
}

static void
close_by_key (GtkWindow  *window,
              const char *accel)
{
  Toplevel t = { G_OBJECT_TYPE (window), NULL };

  ui_key (GTK_WIDGET (window), accel);
  g_assert_true (ui_wait_until (toplevel_gone, &t, UI_TEST_TIMEOUT_MS));
}

static JsonNode *
cli_stats (GFile *folder)
{
  g_autofree char *path = g_file_get_path (folder);
  const char *argv[] = { g_getenv ("GLOSS_CLI"), "stats", path, "--json", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return json_from_string (out, &error);
}

static const char *
grid_text (GtkGrid *grid,
           int      column,
           int      row)
{
  GtkWidget *child = gtk_grid_get_child_at (grid, column, row);

  g_assert_true (GTK_IS_LABEL (child));
  return gtk_label_get_text (GTK_LABEL (child));
}

static void
assert_number (GtkGrid *grid,
               int      column,
               int      row,
               gint64   expected)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, expected);

  g_assert_cmpstr (grid_text (grid, column, row), ==, text);
}

static const char *
status_name (const char *status)
{
  if (g_str_equal (status, "done"))
    return "Done";
  if (g_str_equal (status, "in-progress"))
    return "In Progress";
  return "To Do";
}

/* The chart of @kind by type adds every annotator's counts of gloss-cli. */
static void
check_type_chart (GlossStatsChart *chart,
                  JsonObject      *annotators,
                  const char      *member,
                  GlossSchema     *schema,
                  GlossLabelKind   label_kind)
{
  g_autoptr(GHashTable) by_type = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GList) names = json_object_get_members (annotators);

  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *counts = json_object_get_object_member (annotators, l->data);
      JsonObjectIter iter;
      const char *type;
      JsonNode *value;

      json_object_iter_init (&iter, json_object_get_object_member (json_object_get_object_member (counts, member), "by_type"));
      while (json_object_iter_next (&iter, &type, &value))
        g_hash_table_insert (by_type, (gpointer) type,
                             GSIZE_TO_POINTER (GPOINTER_TO_SIZE (g_hash_table_lookup (by_type, type)) +
                                               json_node_get_int (value)));
    }

  g_assert_cmpuint (g_hash_table_size (by_type), >, 0);
  g_assert_cmpuint (gloss_stats_chart_get_n_bars (chart), ==, g_hash_table_size (by_type));
  for (guint bar = 0; bar < gloss_stats_chart_get_n_bars (chart); bar++)
    {
      GHashTableIter iter;
      gpointer type, n;
      gboolean found = FALSE;

      g_hash_table_iter_init (&iter, by_type);
      while (g_hash_table_iter_next (&iter, &type, &n))
        {
          GlossLabel *label = gloss_schema_lookup (schema, label_kind, type);

          if (g_strcmp0 (gloss_label_get_name (label), gloss_stats_chart_get_label (chart, bar)) != 0)
            continue;
          g_assert_cmpuint (gloss_stats_chart_get_total (chart, bar), ==, GPOINTER_TO_SIZE (n));
          found = TRUE;
        }
      g_assert_true (found);
    }
}

/* Every number of the statistics window is gloss-cli's. */
static void
check_statistics (GlossStatisticsWindow *window,
                  GlossProject          *project,
                  GFile                 *folder)
{
  static const char * const progress[] = { "done", "in-progress", "todo" };
  static const char * const kinds[] = { "mentions", "entities", "claims", "relations" };
  g_autoptr(JsonNode) root = cli_stats (folder);
  JsonObject *stats = json_object_get_object_member (
    json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "per_file"), 0), "project");
  JsonObject *annotators = json_object_get_object_member (stats, "annotators");
  JsonArray *documents = json_object_get_array_member (stats, "documents");
  GtkGrid *by_annotator = gloss_statistics_window_get_grid (window, FALSE);
  GtkGrid *by_document = gloss_statistics_window_get_grid (window, TRUE);
  GlossStatsChart *progress_chart = gloss_statistics_window_get_progress_chart (window);
  g_autoptr(GList) names = json_object_get_members (annotators);
  guint n_annotators = 0;

  g_assert_cmpuint (g_list_length (names), ==, 2);
  for (int row = 1; gtk_grid_get_child_at (by_annotator, 0, row) != NULL; row++)
    {
      const char *name = grid_text (by_annotator, 0, row);
      JsonObject *counts = json_object_get_object_member (annotators, name);

      g_assert_nonnull (counts);
      n_annotators++;
      for (guint i = 0; i < G_N_ELEMENTS (progress); i++)
        {
          gint64 n = json_object_get_int_member (json_object_get_object_member (counts, "progress"), progress[i]);

          assert_number (by_annotator, 1 + i, row, n);
          /* The chart's bar of the same annotator, done first. */
          g_assert_cmpstr (gloss_stats_chart_get_label (progress_chart, row - 1), ==, name);
          g_assert_cmpuint (gloss_stats_chart_get_value (progress_chart, row - 1, i), ==, n);
        }
      assert_number (by_annotator, 4, row, json_object_get_int_member (counts, "documents"));
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        assert_number (by_annotator, 5 + k, row,
                       json_object_get_int_member (json_object_get_object_member (counts, kinds[k]), "total"));
    }
  g_assert_cmpuint (n_annotators, ==, 2);
  /* The headings whole: each column as wide as its heading. */
  ui_assert_words_whole (GTK_WIDGET (window));
  for (int column = 0; gtk_grid_get_child_at (by_annotator, column, 0) != NULL; column++)
    ui_assert_nothing_cut (gtk_grid_get_child_at (by_annotator, column, 0));
  for (int column = 0; gtk_grid_get_child_at (by_document, column, 1) != NULL; column++)
    ui_assert_nothing_cut (gtk_grid_get_child_at (by_document, column, 1));

  /* The charts by type add both annotators' counts. */
  check_type_chart (gloss_statistics_window_get_type_chart (window, GLOSS_KIND_MENTION), annotators, "mentions",
                    gloss_project_get_schema (project), GLOSS_LABEL_ENTITY);
  check_type_chart (gloss_statistics_window_get_type_chart (window, GLOSS_KIND_CLAIM), annotators, "claims",
                    gloss_project_get_schema (project), GLOSS_LABEL_CLAIM);

  /* By document: status, mentions and claims of each annotator. */
  g_assert_cmpuint (json_array_get_length (documents), ==, 1);
  for (guint d = 0; d < json_array_get_length (documents); d++)
    {
      JsonObject *doc = json_object_get_object_member (json_array_get_object_element (documents, d), "annotators");

      for (int column = 2; gtk_grid_get_child_at (by_document, column, 0) != NULL; column += 3)
        {
          JsonObject *version = json_object_get_object_member (doc, grid_text (by_document, column, 0));

          g_assert_nonnull (version);
          g_assert_cmpstr (grid_text (by_document, column, 2 + d), ==,
                           status_name (json_object_get_string_member (version, "status")));
          assert_number (by_document, column + 1, 2 + d, json_object_get_int_member (version, "mentions"));
          assert_number (by_document, column + 2, 2 + d, json_object_get_int_member (version, "claims"));
        }
    }
}

static gboolean
file_exists (gpointer data)
{
  return g_file_query_exists (G_FILE (data), NULL);
}

typedef struct
{
  GlossCurationWindow *window;
  int                  current;
} Current;

static gboolean
current_is (gpointer data)
{
  Current *c = data;

  return gloss_curation_window_get_current (c->window) == c->current;
}

static void
press_and_wait (GlossCurationWindow *window,
                const char          *key,
                int                  next)
{
  Current c = { window, next };

  ui_key (GTK_WIDGET (window), key);
  g_assert_true (ui_wait_until (current_is, &c, UI_TEST_TIMEOUT_MS));
}

static void
assert_same (GlossAnnotation *expected,
             GlossStore      *curated)
{
  GlossAnnotation *found = gloss_store_lookup (curated, gloss_annotation_get_id (expected));

  g_assert_nonnull (found);
  g_assert_true (gloss_annotation_equal (expected, found));
}

/* curated.gloss, annotation by annotation: the window annotator's version
 * but for the three decisions. */
static void
check_curated (GFile  *folder,
               Team   *team)
{
  g_autoptr(GlossProject) project = gloss_project_load (folder, team->annotator, NULL);
  GlossProjectDocument *document = gloss_project_lookup (project, gloss_project_document_get_id (team->document));
  g_autoptr(GFile) mine_file = NULL;
  g_autoptr(GFile) curated_file = gloss_project_get_document_file (project, document, GLOSS_PROJECT_CURATED);
  g_autofree char *stem = gloss_annotator_file_stem (team->annotator);
  g_autoptr(GlossStore) mine = NULL;
  g_autoptr(GlossStore) curated = NULL;
  g_autoptr(GError) error = NULL;
  static const GlossAnnotationKind kinds[] = { GLOSS_KIND_MENTION, GLOSS_KIND_CLAIM, GLOSS_KIND_RELATION };
  guint wednesday, kamchatka;

  mine_file = gloss_project_get_document_file (project, document, stem);
  mine = gloss_native_read_file (mine_file, &error);
  g_assert_no_error (error);
  curated = gloss_native_read_file (curated_file, &error);
  g_assert_no_error (error);
  wednesday = find_text (mine, "Wednesday", 0);
  kamchatka = find_text (mine, "Kamchatka", 0);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GListModel *list = gloss_store_get_list (mine, kinds[k]);

      g_assert_cmpuint (gloss_store_get_n_items (curated, kinds[k]), ==, g_list_model_get_n_items (list));
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (list, i);

          if (kinds[k] == GLOSS_KIND_MENTION && gloss_annotation_get_start (annotation) == wednesday)
            {
              /* Right: Ben's event, at the same place. */
              g_autoptr(GArray) hits = gloss_store_query_at (curated, wednesday, GLOSS_KIND_MASK (GLOSS_KIND_MENTION));

              g_assert_cmpuint (hits->len, ==, 1);
              g_assert_cmpstr (gloss_annotation_get_type_id (g_array_index (hits, GlossSpanHit, 0).annotation), ==, "EVT");
              g_assert_cmpuint (g_array_index (hits, GlossSpanHit, 0).end, ==, wednesday + 9);
              continue;
            }
          /* Left ("ballistic missiles" kept) and every agreement. */
          assert_same (annotation, curated);
        }
    }
  /* Neither: no Kamchatka. */
  {
    g_autoptr(GArray) hits = gloss_store_query_at (curated, kamchatka, GLOSS_KIND_MASK (GLOSS_KIND_MENTION));

    g_assert_cmpuint (hits->len, ==, 0);
  }
}

static void
test_team (void)
{
  g_autoptr(UiLivedIn) lived_in = NULL;
  g_auto(Team) team = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) curated = NULL;
  GlossProject *project;
  GlossWindow *window;
  GtkWindow *view;
  GlossCurationWindow *curation;

  if (!ui_test_require_input ())
    return;

  lived_in = ui_lived_in_new ();
  make_project (lived_in->dir, &team);
  window = gloss_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  g_assert_true (gloss_window_open_project (window, team.folder, &error));
  g_assert_no_error (error);
  ui_present_focused (GTK_WINDOW (window));
  wait_for_allocation (gloss_window_get_view (window));
  project = gloss_window_get_project (window);

  /* Statistics: Ctrl+Shift+T, the numbers of gloss-cli stats --json. */
  view = open_by_key (GTK_WINDOW (window), "<Control><Shift>t", GLOSS_TYPE_STATISTICS_WINDOW);
  check_statistics (GLOSS_STATISTICS_WINDOW (view), project, team.folder);
  close_by_key (view, "Escape");
  ui_present_focused (GTK_WINDOW (window));

  /* Agreement: Ctrl+Shift+G, the window's annotator against Ben. Of
   * 129 + 129 mentions, 127 match exactly (the 129th of each side differs):
   * F1 = 2·127 / (129 + 129). */
  view = open_by_key (GTK_WINDOW (window), "<Control><Shift>g", GLOSS_TYPE_AGREEMENT_WINDOW);
  {
    const GlossAgreement *agreement = gloss_agreement_window_get_agreement (GLOSS_AGREEMENT_WINDOW (view));
    GlossAgreementCounts all;

    g_assert_nonnull (agreement);
    all = gloss_agreement_get_counts (agreement, GLOSS_KIND_MENTION, GLOSS_MATCH_EXACT, NULL);
    g_assert_cmpuint (all.matched, ==, 127);
    g_assert_nonnull (ui_find_label (GTK_WIDGET (view), "0.984"));
  }
  close_by_key (view, "Escape");
  ui_present_focused (GTK_WINDOW (window));

  /* Curation: Ctrl+Shift+M; Left keeps "ballistic missiles", Right takes
   * Ben's event, N drops Kamchatka; each moves on; Ctrl+S writes. */
  view = open_by_key (GTK_WINDOW (window), "<Control><Shift>m", GLOSS_TYPE_CURATION_WINDOW);
  curation = GLOSS_CURATION_WINDOW (view);
  g_assert_cmpuint (gloss_curation_get_n_disagreements (gloss_curation_window_get_curation (curation)), ==, 3);
  g_assert_cmpint (gloss_curation_window_get_current (curation), ==, 0);
  /* Agreed: 127 mentions, the 15 claims and the 9 relations: 151. */
  g_assert_nonnull (ui_find_label (GTK_WIDGET (view), "Disagreement 1 of 3 · 3 undecided · 151 agreed"));
  press_and_wait (curation, "Left", 1);
  press_and_wait (curation, "Right", 2);
  /* Up goes back without deciding; Down returns. */
  press_and_wait (curation, "Up", 1);
  press_and_wait (curation, "Down", 2);
  ui_key (GTK_WIDGET (view), "n");
  g_assert_true (wait_toast (GTK_WIDGET (view), "Every disagreement is decided: Ctrl+S writes curated.gloss", TRUE,
                             UI_TEST_TIMEOUT_MS));
  curated = gloss_project_get_document_file (project, gloss_project_lookup (project, gloss_project_document_get_id (team.document)),
                                             GLOSS_PROJECT_CURATED);
  g_assert_false (g_file_query_exists (curated, NULL));
  ui_key (GTK_WIDGET (view), "<Control>s");
  g_assert_true (ui_wait_until (file_exists, curated, UI_TEST_TIMEOUT_MS));
  g_assert_true (wait_toast (GTK_WIDGET (view), "Saved curated.gloss", TRUE, UI_TEST_TIMEOUT_MS));
  /* Escape closes the window with the toast showing (issue 12: the toast
   * overlay took it to dismiss the toast, and the window stayed). */
  close_by_key (view, "Escape");
  check_curated (team.folder, &team);

  ui_window_destroy (GTK_WINDOW (window));
}

/* A project Ana alone has worked on, with no claims: Statistics shows no
 * empty sections (the tester's heading "Claims by Type" over nothing);
 * Agreement offers no impossible choice of two annotators but says that it
 * needs a second one's files and how to get them. */
static void
test_one_annotator (void)
{
  static const char * const texts[] = { "Kim Jong Un met Vladimir Putin.", "Putin spoke." };
  static const char * const names[] = { "summit.txt", "speech.txt" };
  g_autoptr(UiLivedIn) lived_in = NULL;
  g_autoptr(GFile) folder = NULL;
  GlossWindow *window;
  GtkWindow *view;
  GtkWidget *page;

  if (!ui_test_require_input ())
    return;

  ui_recent_folder_make ();
  lived_in = ui_lived_in_new ();
  folder = g_file_new_build_filename (lived_in->dir, "Summit", NULL);
  ui_project_make (folder, texts, names, G_N_ELEMENTS (texts), "ana");
  window = ui_project_window (app, folder);
  {
    g_auto(GStrv) annotators = gloss_project_list_annotators (gloss_window_get_project (window));

    g_assert_cmpuint (g_strv_length (annotators), ==, 1);
  }

  view = open_by_key (GTK_WINDOW (window), "<Control><Shift>t", GLOSS_TYPE_STATISTICS_WINDOW);
  g_assert_nonnull (ui_find_label (GTK_WIDGET (view), "Progress"));
  g_assert_null (ui_find_label (GTK_WIDGET (view), "Claims by Type"));
  g_assert_null (ui_find_label (GTK_WIDGET (view), "Mentions by Type"));
  close_by_key (view, "Escape");
  ui_present_focused (GTK_WINDOW (window));

  view = open_by_key (GTK_WINDOW (window), "<Control><Shift>g", GLOSS_TYPE_AGREEMENT_WINDOW);
  page = find_visible (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (page);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==, "Agreement Needs Two Annotators");
  g_assert_true (g_str_has_prefix (adw_status_page_get_description (ADW_STATUS_PAGE (page)),
                                   "“ana” is the only annotator of this project so far."));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), "git pull"));
  /* The choice of A and B is not offered. */
  g_assert_false (gtk_widget_get_mapped (find_widget (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN, NULL)));
  g_assert_null (ui_find_label (GTK_WIDGET (view), "Choose two different annotators."));
  close_by_key (view, "Escape");

  ui_window_destroy (GTK_WINDOW (window));
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/team/statistics-agreement-curation", test_team);
  g_test_add_func ("/ui/team/one-annotator", test_one_annotator);
}

int
main (int   argc,
      char *argv[])
{
  return ui_test_main (&argc, &argv, &app, add_tests);
}
