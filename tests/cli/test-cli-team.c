/* test-cli-team.c: gloss-cli agree on two files and on a project, with
 * the numbers of the hand-worked example of tests/core/agreement-fixture.h,
 * and gloss-cli stats of a project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "../core/agreement-fixture.h"
#include "cli-test-helpers.h"
#include "gloss-curation.h"

#define EPS 1e-9

static JsonObject *
parse (JsonParser *parser,
       const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

/* root.KIND.MATCH.micro, or .by_type.TYPE */
static JsonObject *
counts (JsonObject *root,
        const char *kind,
        const char *match,
        const char *type)
{
  JsonObject *object = json_object_get_object_member (json_object_get_object_member (root, kind), match);

  if (type == NULL)
    return json_object_get_object_member (object, "micro");
  return json_object_get_object_member (json_object_get_object_member (object, "by_type"), type);
}

static void
assert_f1 (JsonObject *object,
           gint64      a,
           gint64      b,
           gint64      matched,
           double      f1)
{
  g_assert_cmpint (json_object_get_int_member (object, "a"), ==, a);
  g_assert_cmpint (json_object_get_int_member (object, "b"), ==, b);
  g_assert_cmpint (json_object_get_int_member (object, "matched"), ==, matched);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "f1"), f1, EPS);
}

static double
kappa_of (JsonObject *root,
          const char *kind)
{
  JsonObject *kappa = json_object_get_object_member (json_object_get_object_member (root, kind), "kappa");

  return json_object_get_double_member (kappa, "kappa");
}

/* The fixture's numbers, worked out in tests/core/test-agreement.c:
 *   mentions exact:   A 4, B 4, matched 2 (Kim Jong Un, Wednesday):
 *                     P = R = 2/4, F1 = 2·2/(4+4) = 0.5
 *   mentions overlap: matched 3 (Putin 25–30 overlaps Vladimir Putin 16–30):
 *                     F1 = 2·3/8 = 0.75
 *   LOC (A 1, B 0):   P = 0/0, null; R = 0; F1 = 0
 *   mention kappa:    20 tokens, 18 agreed: p_o = 0.9,
 *                     p_e = (5·4 + 13·14 + 1·1)/400 = 203/400,
 *                     kappa = (360 − 203)/(400 − 203) = 157/197
 *   claims:           exact F1 0 (68–87 ≠ 67–88), overlap F1 1;
 *                     kappa: p_o = 18/20, p_e = (4·6 + 16·14)/400 = 0.62,
 *                     kappa = 0.28/0.38 = 14/19
 *   relations:        exact F1 0 (the Putin entities do not correspond),
 *                     overlap F1 1 */
static void
assert_fixture (JsonObject *root,
                guint       times)
{
  JsonObject *loc = counts (root, "mentions", "exact", "LOC");

  assert_f1 (counts (root, "mentions", "exact", NULL), 4 * times, 4 * times, 2 * times, 0.5);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (counts (root, "mentions", "exact", NULL), "precision"), 0.5, EPS);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (counts (root, "mentions", "exact", NULL), "recall"), 0.5, EPS);
  assert_f1 (counts (root, "mentions", "overlap", NULL), 4 * times, 4 * times, 3 * times, 0.75);
  assert_f1 (counts (root, "mentions", "overlap", "PER"), 2 * times, 2 * times, 2 * times, 1.0);
  g_assert_true (json_object_get_null_member (loc, "precision"));
  g_assert_cmpfloat (json_object_get_double_member (loc, "recall"), ==, 0.0);
  g_assert_cmpfloat (json_object_get_double_member (loc, "f1"), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (kappa_of (root, "mentions"), 157.0 / 197.0, EPS);

  assert_f1 (counts (root, "claims", "exact", NULL), times, times, 0, 0.0);
  assert_f1 (counts (root, "claims", "overlap", "quote"), times, times, times, 1.0);
  g_assert_cmpfloat_with_epsilon (kappa_of (root, "claims"), 14.0 / 19.0, EPS);

  assert_f1 (counts (root, "relations", "exact", NULL), times, times, 0, 0.0);
  assert_f1 (counts (root, "relations", "overlap", "meets_with"), times, times, times, 1.0);
  g_assert_false (json_object_has_member (json_object_get_object_member (root, "relations"), "kappa"));
}

static void
write_store (const char *path,
             GlossStore *store)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  fixture_write (file, store);
}

static void
test_files (void)
{
  g_autofree char *a = tmp_path ("A.gloss");
  g_autofree char *b = tmp_path ("B.gloss");
  g_autoptr(GlossStore) sa = fixture_store (FALSE);
  g_autoptr(GlossStore) sb = fixture_store (TRUE);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonObject *root;

  write_store (a, sa);
  write_store (b, sb);

  run = run_cli ("agree", a, b, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse (parser, run.out);
  g_assert_cmpint (json_object_get_int_member (root, "documents"), ==, 1);
  assert_fixture (root, 1);
  run_clear (&run);

  /* The table: the micro row's exact and overlap F1, and the kappas. */
  run = run_cli ("agree", a, b, NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "  all (micro)        4     4      2  0.500  0.500  0.500      3  0.750  0.750  0.750\n");
  assert_contains (run.out, "  LOC                1     0      0      –  0.000  0.000      0      –  0.000  0.000\n");
  assert_contains (run.out, "tokens 20, agreed 18, p_o 0.900, p_e 0.507, Cohen's kappa 0.797\n");
  assert_contains (run.out, "tokens 20, agreed 18, p_o 0.900, p_e 0.620, Cohen's kappa 0.737\n");
  run_clear (&run);

  /* B as the reference swaps precision and recall, not F1. */
  run = run_cli ("agree", b, a, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse (parser, run.out);
  g_assert_true (json_object_get_null_member (counts (root, "mentions", "exact", "LOC"), "recall"));
  assert_f1 (counts (root, "mentions", "exact", NULL), 4, 4, 2, 0.5);
  run_clear (&run);

  run = run_cli ("agree", a, b, "--annotators", "x,y", NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "--annotators is for a project folder");
}

static void
test_project (void)
{
  g_autofree char *article = tmp_path ("article.txt");
  g_autofree char *folder = tmp_path ("team");
  g_autofree char *ana = g_build_filename (folder, "documents", "article", "Ana.gloss", NULL);
  g_autofree char *ben = g_build_filename (folder, "documents", "article", "Ben.gloss", NULL);
  g_autoptr(GlossStore) sa = fixture_store (FALSE);
  g_autoptr(GlossStore) sb = fixture_store (TRUE);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonObject *root;
  JsonArray *per_document;

  g_assert_true (g_file_set_contents (article, AGREEMENT_TEXT, -1, NULL));
  run = run_cli ("project", "init", folder, "--annotator", "Ana", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  run = run_cli ("project", "add", folder, article, "--annotator", "Ana", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "article\n");
  run_clear (&run);

  /* Nobody's work yet. */
  run = run_cli ("agree", folder, NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, "fewer than two annotators");
  run_clear (&run);

  write_store (ana, sa);
  write_store (ben, sb);
  for (guint i = 0; i < 2; i++)
    {
      run = run_cli ("project", "set-status", folder, "article", "done", "--annotator", i == 0 ? "Ana" : "Ben", NULL);
      g_assert_cmpint (run.status, ==, 0);
      run_clear (&run);
    }

  run = run_cli ("agree", folder, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse (parser, run.out);
  g_assert_cmpstr (json_object_get_string_member (root, "a"), ==, "Ana");
  g_assert_cmpstr (json_object_get_string_member (root, "b"), ==, "Ben");
  g_assert_cmpint (json_object_get_int_member (root, "documents"), ==, 1);
  assert_fixture (root, 1);
  per_document = json_object_get_array_member (root, "per_document");
  g_assert_cmpuint (json_array_get_length (per_document), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (per_document, 0), "id"), ==, "article");
  assert_fixture (json_array_get_object_element (per_document, 0), 1);
  run_clear (&run);

  /* A second document with the same text and the same two versions:
   * pooled counts double, the ratios stay (F1 = 2·4/16 = 0.5; kappa over
   * 40 tokens has the same proportions, so the same 157/197). The same
   * text is refused, naming the document that has it, unless asked for. */
  {
    g_autofree char *second = tmp_path ("second.txt");
    g_autofree char *ana2 = g_build_filename (folder, "documents", "second", "Ana.gloss", NULL);
    g_autofree char *ben2 = g_build_filename (folder, "documents", "second", "Ben.gloss", NULL);
    g_autofree char *second_folder = g_build_filename (folder, "documents", "second", NULL);

    g_assert_true (g_file_set_contents (second, AGREEMENT_TEXT, -1, NULL));
    run = run_cli ("project", "add", folder, second, "--annotator", "Ana", NULL);
    g_assert_cmpint (run.status, ==, 1);
    assert_contains (run.err, "second.txt: the project has this text already, as the document “article”; "
                     "--allow-duplicate adds it anyway");
    assert_contains (run.err, "no document was added");
    g_assert_false (g_file_test (second_folder, G_FILE_TEST_EXISTS));
    run_clear (&run);
    run = run_cli ("project", "add", folder, second, "--allow-duplicate", "--annotator", "Ana", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "second\n");
    run_clear (&run);
    write_store (ana2, sa);
    write_store (ben2, sb);
  }
  run = run_cli ("agree", folder, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse (parser, run.out);
  assert_fixture (root, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "per_document")), ==, 2);
  run_clear (&run);

  run = run_cli ("agree", folder, NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "A: Ana, B: Ben; 2 documents both annotated\n");
  assert_contains (run.out, "  article                   0.500     0.750     0.797\n");
  assert_contains (run.out, "All 2 documents together\n");
  run_clear (&run);

  /* A third annotator: say which two. */
  run = run_cli ("project", "set-status", folder, "article", "in-progress", "--annotator", "Cy", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  run = run_cli ("agree", folder, NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, "choose two of its annotators with --annotators A,B (Ana, Ben, Cy)");
  run_clear (&run);
  run = run_cli ("agree", folder, "--annotators", "Ben,Ana", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse (parser, run.out);
  g_assert_cmpstr (json_object_get_string_member (root, "a"), ==, "Ben");
  assert_f1 (counts (root, "mentions", "overlap", NULL), 8, 8, 6, 0.75);
  run_clear (&run);
  run = run_cli ("agree", folder, "--annotators", "Ana,Cy", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, "Ana and Cy have no document in common");
  run_clear (&run);
  run = run_cli ("agree", folder, "--annotators", "Ana", NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "--annotators takes two names");
  run_clear (&run);

  /* stats of the same project: Ana and Ben saved both documents (A's and
   * B's version of the fixture), Cy none; all three have a progress file. */
  run = run_cli ("stats", folder, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse (parser, run.out);
  {
    JsonObject *project = json_object_get_object_member (
      json_array_get_object_element (json_object_get_array_member (root, "per_file"), 0), "project");
    JsonObject *annotators = json_object_get_object_member (project, "annotators");
    JsonObject *ben_stats = json_object_get_object_member (annotators, "Ben");
    JsonObject *cy = json_object_get_object_member (annotators, "Cy");
    JsonArray *documents = json_object_get_array_member (project, "documents");
    JsonObject *first = json_object_get_object_member (json_array_get_object_element (documents, 0), "annotators");

    g_assert_cmpstr (json_object_get_string_member (project, "name"), ==, "team");
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (ben_stats, "progress"), "done"), ==, 1);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (ben_stats, "progress"), "todo"), ==, 1);
    g_assert_cmpint (json_object_get_int_member (ben_stats, "documents"), ==, 2);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (ben_stats, "mentions"), "total"), ==, 8);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (
                       json_object_get_object_member (ben_stats, "mentions"), "by_type"), "GPE"), ==, 2);
    g_assert_cmpint (json_object_get_int_member (cy, "documents"), ==, 0);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (cy, "progress"), "in-progress"), ==, 1);
    g_assert_cmpuint (json_array_get_length (documents), ==, 2);
    g_assert_false (json_object_get_boolean_member (json_array_get_object_element (documents, 0), "curated"));
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (first, "Ana"), "status"), ==, "done");
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (first, "Ana"), "claims"), ==, 1);
    g_assert_false (json_object_has_member (json_object_get_object_member (first, "Cy"), "mentions"));
  }
  run_clear (&run);

  run = run_cli ("stats", folder, NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "project team: 2 documents, 0 curated\n");
  assert_contains (run.out, "  Ben                   1           0      1         8       2         2\n");
  run_clear (&run);

  /* Curated with Ben's side of every disagreement: the dataset takes it
   * (Vostochny a GPE) over Ana's done version (a LOC). */
  {
    g_autoptr(GFile) location = g_file_new_for_path (folder);
    g_autoptr(GError) error = NULL;
    g_autoptr(GlossProject) project = gloss_project_load (location, "Ana", &error);
    GlossProjectDocument *document = gloss_project_lookup (project, "article");
    g_autoptr(GlossCuration) curation = gloss_curation_new_for_project (project, document, "Ana", "Ben", &error);
    g_autoptr(GFile) curated = gloss_project_get_document_file (project, document, GLOSS_PROJECT_CURATED);
    g_autofree char *dataset = tmp_path ("team.jsonl");
    g_autofree char *contents = NULL;
    g_auto(GStrv) lines = NULL;

    g_assert_no_error (error);
    for (guint i = 0; i < gloss_curation_get_n_disagreements (curation); i++)
      gloss_curation_choose (curation, i, GLOSS_CURATION_RIGHT);
    g_assert_true (gloss_curation_save (curation, curated, &error));
    g_assert_no_error (error);

    run = run_cli ("export", folder, "--format", "jsonl", "-o", dataset, NULL);
    g_assert_cmpint (run.status, ==, 0);
    contents = read_file (dataset);
    /* Only the article: the second document is neither done nor curated. */
    lines = g_strsplit (contents, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 2);
    assert_contains (lines[0], "\"label\":\"GPE\"");
    g_assert_null (strstr (lines[0], "\"label\":\"LOC\""));
    run_clear (&run);

    run = run_cli ("stats", folder, NULL);
    assert_contains (run.out, "project team: 2 documents, 1 curated\n");
  }
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  tmpdir = g_dir_make_tmp ("gloss-cli-team-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);

  g_test_add_func ("/cli/agree/files", test_files);
  g_test_add_func ("/cli/agree/project-and-stats", test_project);

  status = g_test_run ();

  g_free (tmpdir);
  return status;
}
