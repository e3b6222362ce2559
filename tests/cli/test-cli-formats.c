/* test-cli-formats.c: gloss-cli import and export of the dataset formats
 * (prodigy, conll, brat, w3c, labelstudio, csv), and the report of what an
 * export could not carry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cli-test-helpers.h"

static char *
sample_gloss (void)
{
  return g_build_filename (g_getenv ("GLOSS_SAMPLES_DIR"), "kim-putin-vostochny.gloss", NULL);
}

/* Export says on stderr what the format left out; import reads it back. */
static void
test_prodigy (void)
{
  g_autofree char *sample = sample_gloss ();
  g_autofree char *out = tmp_path ("sample.prodigy.jsonl");
  g_autofree char *back = tmp_path ("sample-from-prodigy.gloss");

  {
    g_auto(Run) run = run_cli ("export", "--format", "prodigy", sample, "-o", out, NULL);

    g_assert_cmpint (run.status, ==, 0);
    assert_contains (run.err, ": prodigy could not carry 33 entities (coreference), "
                     "9 knowledge-base ids, 15 claims, 129 annotations with attributes, "
                     "the title and language of 1 document\n");
  }
  {
    g_auto(Run) run = run_cli ("import", "--format", "prodigy", out, "-o", back, NULL);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
  }
  {
    g_auto(Run) run = run_cli ("stats", back, NULL);

    g_assert_cmpint (run.status, ==, 0);
    assert_contains (run.out, "129");
  }
}

/* CoNLL names every overlapping mention it left out. */
static void
test_conll (void)
{
  g_autofree char *sample = sample_gloss ();
  g_autofree char *out = tmp_path ("sample.conll");
  g_autofree char *back = tmp_path ("sample-from-conll.gloss");

  {
    g_auto(Run) run = run_cli ("export", "--format", "conll", sample, "-o", out, NULL);

    g_assert_cmpint (run.status, ==, 0);
    assert_contains (run.err, ": conll could not carry 6 mentions, ");
    assert_contains (run.err, "\n  kim-putin-vostochny: ");
    assert_contains (run.err, "; left out\n");
  }
  {
    g_auto(Run) run = run_cli ("import", "--format", "conll", out, "-o", back, NULL);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_true (g_file_test (back, G_FILE_TEST_EXISTS));
  }
}

/* brat writes a folder of .txt and .ann pairs (or NAME.ann and NAME.txt
 * for one document) and reads them back by their .ann files. */
static void
test_brat (void)
{
  g_autofree char *sample = sample_gloss ();
  g_autofree char *folder = tmp_path ("brat-out");
  g_autofree char *ann = g_build_filename (folder, "kim-putin-vostochny.ann", NULL);
  g_autofree char *txt = g_build_filename (folder, "kim-putin-vostochny.txt", NULL);
  g_autofree char *single = tmp_path ("one.ann");
  g_autofree char *single_txt = tmp_path ("one.txt");
  g_autofree char *back = tmp_path ("sample-from-brat.gloss");
  g_autofree char *text = NULL;
  g_autofree char *original = NULL;

  {
    g_auto(Run) run = run_cli ("export", "--format", "brat", sample, "-o", folder, NULL);

    g_assert_cmpint (run.status, ==, 0);
    assert_contains (run.err, ": brat could not carry 3 notes, the title and language of 1 document, the evidence of 9 relations\n");
    assert_contains (run.err, "relation allies: its evidence spans");
  }
  text = read_file (txt);
  original = read_file (sample_article ());
  g_assert_cmpstr (text, ==, original);
  {
    /* Written again only with --force. */
    g_auto(Run) run = run_cli ("export", "--format", "brat", sample, "-o", folder, NULL);

    g_assert_cmpint (run.status, ==, 1);
    assert_contains (run.err, "the file exists; use --force");
  }
  {
    g_auto(Run) run = run_cli ("import", "--format", "brat", ann, "-o", back, NULL);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
  }
  {
    /* Every entity comes back, those of a single mention too (named by
     * an N line, without a KB id). */
    g_auto(Run) run = run_cli ("stats", back, NULL);

    g_assert_cmpint (run.status, ==, 0);
    assert_contains (run.out, "\nmentions     129\n");
    assert_contains (run.out, "\nentities     33\n");
  }
  {
    g_auto(Run) run = run_cli ("export", "--format", "brat", back, "-o", single, NULL);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_test (single_txt, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) run = run_cli ("import", "--format", "brat", sample, "-o", back, "--force", NULL);

    g_assert_cmpint (run.status, ==, 1);
    assert_contains (run.err, "give brat documents by their .ann (or .txt) files");
  }
}

/* W3C carries all but the notes of entities; what it writes reads back. */
static void
test_w3c (void)
{
  g_autofree char *sample = sample_gloss ();
  g_autofree char *out = tmp_path ("sample.jsonld");
  g_autofree char *back = tmp_path ("sample-from-w3c.gloss");

  {
    g_auto(Run) run = run_cli ("export", "--format", "w3c", sample, "-o", out, NULL);

    g_assert_cmpint (run.status, ==, 0);
    assert_contains (run.err, ": w3c could not carry 3 notes\n");
  }
  {
    g_auto(Run) run = run_cli ("import", "--format", "w3c", out, "-o", back, NULL);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
  }
  {
    g_auto(Run) run = run_cli ("validate", back, NULL);

    g_assert_cmpint (run.status, ==, 0);
  }
}

/* Label Studio reads its own export; CSV writes one row per mention. */
static void
test_labelstudio_and_csv (void)
{
  g_autofree char *sample = sample_gloss ();
  g_autofree char *tasks = tmp_path ("sample.labelstudio.json");
  g_autofree char *back = tmp_path ("sample-from-labelstudio.gloss");
  g_autofree char *csv = tmp_path ("sample.csv");
  g_autofree char *contents = NULL;

  {
    g_auto(Run) run = run_cli ("export", "--format", "labelstudio", sample, "-o", tasks, NULL);

    g_assert_cmpint (run.status, ==, 0);
    assert_contains (run.err, ": labelstudio could not carry 33 entities (coreference), ");
  }
  {
    g_auto(Run) run = run_cli ("import", "--format", "labelstudio", tasks, "-o", back, NULL);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
  }
  {
    g_auto(Run) run = run_cli ("export", "--format", "csv", sample, "-o", csv, NULL);

    g_assert_cmpint (run.status, ==, 0);
    assert_contains (run.err, ": csv could not carry 15 claims, 9 relations, ");
  }
  contents = read_file (csv);
  g_assert_true (g_str_has_prefix (contents, "document,mention,start,end,text,type,entity,entity_name,kb\r\n"));
  assert_contains (contents, "kim-putin-vostochny,m3,224,235,Kim Jong Un,PER,kim,Kim Jong Un,wikidata:Q56226\r\n");
}

/* A format that carries everything prints nothing. */
static void
test_nothing_lost (void)
{
  g_autofree char *sample = sample_gloss ();
  g_autofree char *out = tmp_path ("sample.jsonl");
  g_auto(Run) run = run_cli ("export", "--format", "jsonl", sample, "-o", out, NULL);

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
}

/* Many inputs to one dataset, written one input at a time: the file is
 * the documents' lines in the order given (a second copy of the sample
 * under another id among them), and stderr sums it up. */
static void
test_many_inputs (void)
{
  g_autofree char *sample = sample_gloss ();
  g_autofree char *minimal = g_test_build_filename (G_TEST_DIST, "data", "minimal.gloss", NULL);
  g_autofree char *one = tmp_path ("one.jsonl");
  g_autofree char *two = tmp_path ("two.jsonl");
  g_autofree char *both = tmp_path ("both.jsonl");
  g_autofree char *expected = NULL;
  g_autofree char *a = NULL, *b = NULL, *got = NULL;

  {
    g_auto(Run) run = run_cli ("export", "--format", "jsonl", sample, "-o", one, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = run_cli ("export", "--format", "jsonl", minimal, "-o", two, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = run_cli ("export", "--format", "jsonl", sample, minimal, "-o", both, NULL);
    g_assert_cmpint (run.status, ==, 0);
    assert_contains (run.err, "both.jsonl: 2 documents from 2 inputs\n");
  }
  a = read_file (one);
  b = read_file (two);
  got = read_file (both);
  expected = g_strconcat (a, b, NULL);
  g_assert_cmpstr (got, ==, expected);

  /* An input that cannot be read: nothing is written. */
  {
    g_autofree char *none = tmp_path ("none.jsonl");
    g_auto(Run) run = run_cli ("export", "--format", "jsonl", sample, "/nonexistent.gloss", "-o", none, NULL);

    g_assert_cmpint (run.status, ==, 1);
    g_assert_false (g_file_test (none, G_FILE_TEST_EXISTS));
  }
}

/* An import writes each document as it reads it, but every document of
 * one input carries the input's whole schema, as when they were all held:
 * a type that only the last record brings is in the first file too. */
static void
test_import_schema_of_all (void)
{
  static const char input[] =
    "{\"text\":\"Kim\",\"spans\":[{\"start\":0,\"end\":3,\"label\":\"PER\"}]}\n"
    "{\"text\":\"Xi\",\"spans\":[{\"start\":0,\"end\":2,\"label\":\"PER\"}]}\n"
    "{\"text\":\"Vostochny\",\"spans\":[{\"start\":0,\"end\":9,\"label\":\"LATE_TYPE\"}]}\n";
  g_autofree char *in = tmp_path ("late-type.jsonl");
  g_autofree char *out = tmp_path ("late-type");
  g_autofree char *first = NULL, *last = NULL;
  g_autofree char *first_path = NULL, *last_path = NULL;

  g_assert_true (g_file_set_contents (in, input, -1, NULL));
  {
    g_auto(Run) run = run_cli ("import", "--format", "prodigy", in, "-o", out, NULL);

    g_assert_cmpint (run.status, ==, 0);
  }
  first_path = g_build_filename (out, "late-type-1.gloss", NULL);
  last_path = g_build_filename (out, "late-type-3.gloss", NULL);
  first = read_file (first_path);
  last = read_file (last_path);
  g_assert_nonnull (strstr (first, "\"LATE_TYPE\""));
  g_assert_nonnull (strstr (last, "\"LATE_TYPE\""));
}

/* Writes minimal.gloss without its document id as @name in the tests'
 * folder. */
static char *
gloss_without_id (const char *name)
{
  g_autofree char *minimal = g_test_build_filename (G_TEST_DIST, "data", "minimal.gloss", NULL);
  g_autofree char *contents = read_file (minimal);
  g_autoptr(GString) edited = g_string_new (contents);
  g_autoptr(GError) error = NULL;
  char *path = tmp_path (name);

  g_assert_cmpuint (g_string_replace (edited, "    \"id\": \"minimal\",\n", "", 1), ==, 1);
  g_file_set_contents (path, edited->str, edited->len, &error);
  g_assert_no_error (error);
  return path;
}

/* Exports noid-a.gloss, noid-b.gloss (no document ids) and minimal.gloss
 * twice as @format to @out. */
static void
export_four (const char *format,
             const char *out)
{
  g_autofree char *a = gloss_without_id ("noid-a.gloss");
  g_autofree char *b = gloss_without_id ("noid-b.gloss");
  g_autofree char *minimal = g_test_build_filename (G_TEST_DIST, "data", "minimal.gloss", NULL);
  g_auto(Run) run = run_cli ("export", "--format", format, a, b, minimal, minimal, "-o", out, NULL);

  g_assert_cmpint (run.status, ==, 0);
}

static const char * const expected_ids[] = { "noid-a", "noid-b", "minimal", "minimal-2" };

/* @path's contents hold @prefix ID @suffix for every expected id. */
static char *
assert_each_id (const char *path,
                const char *prefix,
                const char *suffix)
{
  char *contents = read_file (path);

  for (guint i = 0; i < G_N_ELEMENTS (expected_ids); i++)
    {
      g_autofree char *needle = g_strconcat (prefix, expected_ids[i], suffix, NULL);

      assert_contains (contents, needle);
    }
  return contents;
}

/* Datasets name documents by their ids: one without an id is named after
 * its file, a second of the same id gets "-2", whatever the format. */
static void
test_document_ids (void)
{
  g_autofree char *csv = tmp_path ("ids.csv");
  g_autofree char *jsonl = tmp_path ("ids.jsonl");
  g_autofree char *w3c = tmp_path ("ids.jsonld");
  g_autofree char *brat = tmp_path ("ids-brat");
  g_autofree char *contents = NULL;

  export_four ("csv", csv);
  contents = assert_each_id (csv, "\r\n", ",m1,");
  g_assert_null (strstr (contents, "\r\n,"));
  g_clear_pointer (&contents, g_free);

  export_four ("jsonl", jsonl);
  contents = assert_each_id (jsonl, "\"id\":\"", "\",\"title\"");
  g_assert_null (strstr (contents, "\"id\":null"));
  g_clear_pointer (&contents, g_free);

  export_four ("w3c", w3c);
  contents = assert_each_id (w3c, "\"urn:gloss:", "#m1\"");
  g_assert_null (strstr (contents, "urn:gloss:document#"));

  export_four ("brat", brat);
  for (guint i = 0; i < G_N_ELEMENTS (expected_ids); i++)
    {
      g_autofree char *name = g_strconcat (expected_ids[i], ".ann", NULL);
      g_autofree char *ann = g_build_filename (brat, name, NULL);

      g_assert_true (g_file_test (ann, G_FILE_TEST_EXISTS));
    }
}

/* brat's ids have no spaces: a KB id written otherwise is reported. */
static void
test_brat_kb_rewritten (void)
{
  g_autofree char *minimal = g_test_build_filename (G_TEST_DIST, "data", "minimal.gloss", NULL);
  g_autofree char *contents = read_file (minimal);
  g_autoptr(GString) edited = g_string_new (contents);
  g_autofree char *spaced = tmp_path ("kb-spaces.gloss");
  g_autofree char *out = tmp_path ("kb-spaces-brat");
  g_auto(Run) run = { 0 };

  g_assert_cmpuint (g_string_replace (edited, "wikidata:Q7747", "wikidata:Q 7747", 1), ==, 1);
  g_assert_true (g_file_set_contents (spaced, edited->str, edited->len, NULL));
  run = run_cli ("export", "--format", "brat", spaced, "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.err, "brat could not carry 1 knowledge-base id");
  assert_contains (run.err, "minimal: entity e2: the knowledge-base id “wikidata:Q 7747” is written “wikidata:Q_7747”");
}

/* An export whose later input fails writes nothing: standard output stays
 * empty, an output file keeps every byte it had, in every format that
 * streams its documents one at a time. */
static void
test_export_all_or_nothing (void)
{
  static const char * const formats[] = { "jsonl", "doccano", "prodigy", "conll", "w3c", "labelstudio", "csv" };
  /* The sample's export is larger than standard output's buffer: what is
   * written before the failure would reach the reader. */
  g_autofree char *minimal = g_build_filename (g_getenv ("GLOSS_SAMPLES_DIR"), "kim-putin-vostochny.gloss", NULL);
  g_autofree char *bad = tmp_path ("all-or-nothing-bad.gloss");
  g_autofree char *out = tmp_path ("all-or-nothing.out");
  static const char old[] = "the old file\n";

  g_assert_true (g_file_set_contents (bad, "{\"format\": \"gloss\", \"version\": 1, \"document\": ", -1, NULL));
  for (gsize f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_auto(Run) to_stdout = run_cli ("export", "--format", formats[f], minimal, minimal, bad, "-o", "-", NULL);
      g_auto(Run) to_file = { 0 };
      g_auto(Run) good = { 0 };
      g_autofree char *after = NULL;

      g_test_message ("%s to stdout: %s", formats[f], to_stdout.err);
      g_assert_cmpint (to_stdout.status, ==, 1);
      assert_contains (to_stdout.err, "all-or-nothing-bad.gloss");
      g_assert_cmpuint (strlen (to_stdout.out), ==, 0);

      g_assert_true (g_file_set_contents (out, old, -1, NULL));
      to_file = run_cli ("export", "--format", formats[f], "--force", minimal, minimal, bad, "-o", out, NULL);
      g_assert_cmpint (to_file.status, ==, 1);
      after = read_file (out);
      g_assert_cmpstr (after, ==, old);

      /* Without the bad input, standard output gets the whole export. */
      good = run_cli ("export", "--format", formats[f], minimal, minimal, "-o", "-", NULL);
      g_assert_cmpint (good.status, ==, 0);
      g_assert_cmpuint (strlen (good.out), >, 0);
    }
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  tmpdir = g_dir_make_tmp ("gloss-cli-formats-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);

  g_test_add_func ("/cli/formats/prodigy", test_prodigy);
  g_test_add_func ("/cli/formats/conll", test_conll);
  g_test_add_func ("/cli/formats/brat", test_brat);
  g_test_add_func ("/cli/formats/w3c", test_w3c);
  g_test_add_func ("/cli/formats/labelstudio-and-csv", test_labelstudio_and_csv);
  g_test_add_func ("/cli/formats/nothing-lost", test_nothing_lost);
  g_test_add_func ("/cli/formats/many-inputs", test_many_inputs);
  g_test_add_func ("/cli/formats/import-schema-of-all", test_import_schema_of_all);
  g_test_add_func ("/cli/formats/document-ids", test_document_ids);
  g_test_add_func ("/cli/formats/brat-kb-rewritten", test_brat_kb_rewritten);
  g_test_add_func ("/cli/formats/export-all-or-nothing", test_export_all_or_nothing);

  status = g_test_run ();

  g_free (tmpdir);
  return status;
}
