/* test-stats.c: counts of documents by kind and type, and a project's
 * counts by document and annotator with their progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "agreement-fixture.h"
#include "gloss-annotator.h"
#include "gloss-stats-project.h"

static void
test_counts (void)
{
  g_autoptr(GlossStore) a = fixture_store (FALSE);
  g_autoptr(GlossStore) b = fixture_store (TRUE);
  g_autoptr(GlossStats) stats = gloss_stats_new ();
  g_autoptr(GlossStats) more = gloss_stats_new ();
  g_autoptr(GPtrArray) types = NULL;

  /* A: PER ×2, LOC, DATE; B: PER ×2, GPE, DATE. */
  gloss_stats_add_store (stats, a);
  gloss_stats_add_store (more, b);
  gloss_stats_merge (stats, more);

  g_assert_cmpuint (gloss_stats_get_n_documents (stats), ==, 2);
  g_assert_cmpuint (gloss_stats_get_characters (stats), ==, 2 * 89);
  /* “ and ” are three bytes each: 89 + 2·2 = 93 a text */
  g_assert_cmpuint (gloss_stats_get_bytes (stats), ==, 2 * 93);
  g_assert_cmpuint (gloss_stats_get_total (stats, GLOSS_KIND_MENTION), ==, 8);
  g_assert_cmpuint (gloss_stats_get_count (stats, GLOSS_KIND_MENTION, "PER"), ==, 4);
  g_assert_cmpuint (gloss_stats_get_count (stats, GLOSS_KIND_MENTION, "GPE"), ==, 1);
  g_assert_cmpuint (gloss_stats_get_count (stats, GLOSS_KIND_MENTION, "ORG"), ==, 0);
  g_assert_cmpuint (gloss_stats_get_total (stats, GLOSS_KIND_CLAIM), ==, 2);
  g_assert_cmpuint (gloss_stats_get_total (stats, GLOSS_KIND_RELATION), ==, 2);

  /* Most frequent first, then by id. */
  types = gloss_stats_list_types (stats, GLOSS_KIND_MENTION);
  g_assert_cmpuint (types->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (types, 0), ==, "PER");
  g_assert_cmpstr (g_ptr_array_index (types, 1), ==, "DATE");
  g_assert_cmpstr (g_ptr_array_index (types, 2), ==, "GPE");
  g_assert_cmpstr (g_ptr_array_index (types, 3), ==, "LOC");
  g_assert_cmpstr (gloss_stats_kind_name (GLOSS_KIND_CLAIM), ==, "claims");
}

static void
test_project (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "stats", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GlossProject) project = gloss_project_new (folder, "stats", NULL, "Ana");
  g_autoptr(GlossProjectStats) stats = NULL;
  g_autoptr(GlossStore) a = fixture_store (FALSE);
  g_autoptr(GlossStore) b = fixture_store (TRUE);
  g_autoptr(GError) error = NULL;
  GlossProjectDocument *docs[2];

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("doc%u.txt", i);

      docs[i] = gloss_project_add_store (project, a, name, &error);
      g_assert_no_error (error);
    }
  /* Ana saved both, finished the first; Ben saved and finished the first;
   * the second is curated (B's version). */
  g_assert_true (gloss_project_save_document (project, docs[0], a, &error));
  g_assert_true (gloss_project_save_document (project, docs[1], a, &error));
  gloss_project_document_set_status (docs[0], GLOSS_PROGRESS_DONE);
  g_assert_true (gloss_project_save (project, &error));
  {
    g_autoptr(GlossProject) ben = gloss_project_load (folder, "Ben", &error);
    GlossProjectDocument *doc0 = gloss_project_lookup (ben, "doc0");

    g_assert_no_error (error);
    g_assert_true (gloss_project_save_document (ben, doc0, b, &error));
    gloss_project_document_set_status (doc0, GLOSS_PROGRESS_DONE);
    g_assert_true (gloss_project_save (ben, &error));
    {
      g_autoptr(GFile) curated = gloss_project_get_document_file (ben, gloss_project_lookup (ben, "doc1"),
                                                                  GLOSS_PROJECT_CURATED);

      fixture_write (curated, b);
    }
  }
  g_assert_no_error (error);

  stats = gloss_project_stats_new (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_project_stats_get_n_documents (stats), ==, 2);
  g_assert_false (gloss_project_stats_is_curated (stats, 0));
  g_assert_true (gloss_project_stats_is_curated (stats, 1));
  g_assert_cmpuint (gloss_project_stats_get_n_annotators (stats), ==, 2);
  g_assert_cmpstr (gloss_project_stats_get_annotator (stats, 0), ==, "Ana");
  g_assert_cmpstr (gloss_project_stats_get_annotator (stats, 1), ==, "Ben");

  g_assert_cmpint (gloss_project_stats_get_status (stats, 0, 0), ==, GLOSS_PROGRESS_DONE);
  g_assert_cmpint (gloss_project_stats_get_status (stats, 0, 1), ==, GLOSS_PROGRESS_IN_PROGRESS);
  g_assert_cmpint (gloss_project_stats_get_status (stats, 1, 1), ==, GLOSS_PROGRESS_TODO);
  g_assert_cmpuint (gloss_project_stats_get_progress (stats, 0, GLOSS_PROGRESS_DONE), ==, 1);
  g_assert_cmpuint (gloss_project_stats_get_progress (stats, 0, GLOSS_PROGRESS_IN_PROGRESS), ==, 1);
  g_assert_cmpuint (gloss_project_stats_get_progress (stats, 1, GLOSS_PROGRESS_DONE), ==, 1);
  g_assert_cmpuint (gloss_project_stats_get_progress (stats, 1, GLOSS_PROGRESS_TODO), ==, 1);

  g_assert_cmpuint (gloss_stats_get_total (gloss_project_stats_get_annotator_counts (stats, 0), GLOSS_KIND_MENTION), ==, 8);
  g_assert_cmpuint (gloss_stats_get_count (gloss_project_stats_get_annotator_counts (stats, 1), GLOSS_KIND_MENTION, "GPE"), ==, 1);
  g_assert_nonnull (gloss_project_stats_get_version (stats, 1, 0));
  g_assert_null (gloss_project_stats_get_version (stats, 1, 1));
  g_assert_cmpuint (gloss_stats_get_total (gloss_project_stats_get_version (stats, 0, 1), GLOSS_KIND_CLAIM), ==, 1);
  g_assert_cmpuint (gloss_stats_get_n_documents (gloss_project_stats_get_curated_counts (stats)), ==, 1);
  g_assert_cmpuint (gloss_stats_get_count (gloss_project_stats_get_curated_counts (stats), GLOSS_KIND_MENTION, "GPE"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/stats/counts", test_counts);
  g_test_add_func ("/core/stats/project", test_project);

  return g_test_run ();
}
