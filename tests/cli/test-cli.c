/* test-cli.c: gloss-cli from the outside, as a user runs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GLOSS_CLI names the built binary; GLOSS_SAMPLES_DIR the sample article.
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cli-test-helpers.h"
#include "gloss-format.h"
#include "../formats/hostile-json.h"

static void
test_help (void)
{
  static const char * const verbs[] = { "new", "import", "export", "validate", "stats", "agree" };
  g_auto(Run) top = run_cli ("--help", NULL);

  g_assert_cmpint (top.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    assert_contains (top.out, verbs[i]);
  assert_contains (top.out, "doccano");
  /* Each format once, with what it does: brat exports (a folder of
   * files), so it is not "import only"; nothing said twice. */
  assert_contains (top.out, "\n  brat         brat standoff (.txt + .ann)\n");
  assert_contains (top.out, "\n  csv          Mentions as CSV, one fragment a row (export only)\n");
  assert_contains (top.out, "\n  webanno      WebAnno / INCEpTION TSV 3.3 (import only)\n");
  assert_contains (top.out, "\n  xmi          UIMA CAS XMI as INCEpTION exports it (import only)\n");
  g_assert_null (strstr (top.out, "only) ("));

  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      g_auto(Run) run = run_cli (verbs[i], "--help", NULL);
      g_autofree char *usage = g_strdup_printf ("gloss-cli %s", verbs[i]);

      g_assert_cmpint (run.status, ==, 0);
      assert_contains (run.out, "Usage:");
      assert_contains (run.out, usage);
    }

  {
    g_auto(Run) run = run_cli ("help", "stats", NULL);

    g_assert_cmpint (run.status, ==, 0);
    assert_contains (run.out, "--json");
  }
}

static void
test_usage (void)
{
  g_autofree char *article = sample_article ();
  g_autofree char *out = tmp_path ("usage.gloss");
  struct { const char *args[8]; const char *message; } cases[] = {
    { { NULL }, "verb" },
    { { "frobnicate", NULL }, "unknown verb" },
    { { "--frobnicate", NULL }, "unknown option" },
    { { "new", NULL }, "article" },
    { { "new", article, NULL }, "-o" },
    { { "new", article, "-o", out, "--frobnicate", NULL }, "frobnicate" },
    { { "import", "x.jsonl", "-o", out, NULL }, "--format" },
    { { "import", "--format", "nonsense", "x", "-o", out }, "unknown format" },
    { { "export", "--format", "jsonl", "--offsets", "furlongs", "x", "-o", out }, "--offsets" },
    /* options that do not apply to the format are refused, not ignored */
    { { "import", "--format", "native", "--offsets", "utf16", "x", "-o", out }, "--offsets does not apply to native" },
    { { "import", "--format", "native", "--schema", "s.json", "x", "-o", out }, "--schema does not apply to native" },
    { { "export", "--format", "native", "--offsets", "bytes", "x", "-o", out }, "--offsets does not apply to native" },
    { { "validate", NULL }, "no input" },
    { { "stats", NULL }, "no input" },
    { { "agree", "a.gloss", NULL }, "two files" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char **a = cases[i].args;
      g_auto(Run) run = run_cli (a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], NULL);

      g_assert_cmpint (run.status, ==, 2);
      assert_contains (run.err, cases[i].message);
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
}

static void
test_unsupported (void)
{
  g_autofree char *input = data_path ("doccano", "export-sequence_labeling.jsonl");
  g_autofree char *gloss = data_path (".", "minimal.gloss");
  g_autofree char *out = tmp_path ("unsupported.out");
  const GlossFormat **formats = gloss_format_list ();

  /* Every direction a format does not have yet. */
  for (guint i = 0; formats[i] != NULL; i++)
    {
      if (formats[i]->import == NULL)
        {
          g_auto(Run) in = run_cli ("import", "--format", formats[i]->name, input, "-o", out, NULL);

          g_assert_cmpint (in.status, ==, 1);
          assert_contains (in.err, "not supported yet");
        }
      if (formats[i]->export == NULL && formats[i]->export_files == NULL)
        {
          g_auto(Run) ex = run_cli ("export", "--format", formats[i]->name, gloss, "-o", out, NULL);

          g_assert_cmpint (ex.status, ==, 1);
          assert_contains (ex.err, "not supported yet");
        }
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
}

/* doccano's two shapes; --doccano-shape is refused for other formats. */
static void
test_doccano_shapes (void)
{
  g_autofree char *gloss = g_build_filename (g_getenv ("GLOSS_SAMPLES_DIR"), "kim-putin-vostochny.gloss", NULL);
  g_autofree char *label = tmp_path ("shape-label.jsonl");
  g_autofree char *entities = tmp_path ("shape-entities.jsonl");
  g_autofree char *other = tmp_path ("shape-other.jsonl");
  g_auto(Run) a = run_cli ("export", "--format", "doccano", gloss, "-o", label, NULL);
  g_auto(Run) b = run_cli ("export", "--format", "doccano", "--doccano-shape", "entities", gloss, "-o", entities, NULL);
  g_auto(Run) c = run_cli ("export", "--format", "jsonl", "--doccano-shape", "label", gloss, "-o", other, NULL);
  g_auto(Run) d = run_cli ("export", "--format", "doccano", "--doccano-shape", "spans", gloss, "-o", other, NULL);
  g_autofree char *a_out = NULL;
  g_autofree char *b_out = NULL;

  g_assert_cmpint (a.status, ==, 0);
  a_out = read_file (label);
  assert_contains (a_out, "\"label\":[[");
  g_assert_null (strstr (a_out, "start_offset"));
  assert_contains (a.err, "relations");   /* not carried by the label shape */
  g_assert_cmpint (b.status, ==, 0);
  b_out = read_file (entities);
  assert_contains (b_out, "\"start_offset\":");
  assert_contains (b_out, "\"relations\":[{");
  g_assert_cmpint (c.status, ==, 2);
  assert_contains (c.err, "--doccano-shape applies to --format doccano only");
  g_assert_cmpint (d.status, ==, 2);
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
}

static void
test_new_and_validate (void)
{
  g_autofree char *article = sample_article ();
  g_autofree char *k = tmp_path ("k.gloss");
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;

  {
    g_auto(Run) run = run_cli ("new", article, "-o", k, NULL);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
  }
  contents = read_file (k);
  assert_contains (contents, "North Korea’s Kim vows full support");  /* the title */
  assert_contains (contents, "\"kim-putin-vostochny.txt\"");          /* the source */

  {
    g_auto(Run) run = run_cli ("validate", k, NULL);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
  }

  /* No overwriting without --force, and the file stays as it was. */
  before = read_file (k);
  {
    g_auto(Run) run = run_cli ("new", article, "-o", k, "--title", "Other", NULL);
    g_autofree char *after = read_file (k);

    g_assert_cmpint (run.status, ==, 1);
    assert_contains (run.err, "--force");
    assert_contains (run.err, "k.gloss");
    g_assert_cmpstr (after, ==, before);
  }
  {
    /* named as given, once: not "k.gloss: /tmp/…/k.gloss: …" */
    g_auto(Run) run = run_cli ("new", article, "-o", "k.gloss", NULL);

    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.err, ==, "k.gloss: the file exists; use --force to overwrite it\n");
  }
  {
    g_auto(Run) run = run_cli ("new", article, "-o", k, "--title", "Other", "--force", NULL);
    g_autofree char *after = read_file (k);

    g_assert_cmpint (run.status, ==, 0);
    assert_contains (after, "\"Other\"");
  }
}

static void
test_new_refuses_binary (void)
{
  g_autofree char *bad = tmp_path ("latin1.txt");
  g_autofree char *out = tmp_path ("latin1.gloss");
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_set_contents (bad, "Caf\xe9 au lait\n", -1, NULL));
  run = run_cli ("new", bad, "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, "latin1.txt");
  assert_contains (run.err, "byte offset 3");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_validate_wrong_span (void)
{
  g_autofree char *good = data_path (".", "minimal.gloss");
  g_autofree char *bad = tmp_path ("wrong-span.gloss");
  g_autofree char *contents = read_file (good);
  g_autoptr(GString) edited = g_string_new (contents);
  g_auto(Run) ok = run_cli ("validate", good, NULL);
  g_auto(Run) run = { 0 };

  g_assert_cmpint (ok.status, ==, 0);

  g_assert_cmpuint (g_string_replace (edited, "\"text\": \"Kim Jong Un\"", "\"text\": \"Kim Jong Il\"", 1), ==, 1);
  g_assert_true (g_file_set_contents (bad, edited->str, edited->len, NULL));

  run = run_cli ("validate", good, bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, "wrong-span.gloss: ");
  assert_contains (run.err, "mentions[0]");
  assert_contains (run.err, "Kim Jong Il");
  g_assert_null (strstr (run.err, "minimal.gloss"));
}

/* Every span's text, checked by slicing the exported text by its offsets
 * with json-glib here and with Python when there is one. */
static guint
check_jsonl_spans (const char *path)
{
  g_autofree char *contents = read_file (path);
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  static const char * const kinds[] = { "mentions", "claims", "relations" };
  static const char * const roles[] = { "spans", "cue", "evidence" };
  guint n_checked = 0;

  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonObject *record;
      const char *text;
      const char *unit;

      if (*lines[l] == '\0')
        continue;
      json_parser_load_from_data (parser, lines[l], -1, &error);
      g_assert_no_error (error);
      record = json_node_get_object (json_parser_get_root (parser));
      text = json_object_get_string_member (record, "text");
      unit = json_object_get_string_member (record, "offsets");
      g_assert_cmpstr (unit, ==, "codepoints");

      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          JsonArray *array = json_object_get_array_member (record, kinds[k]);

          for (guint i = 0; i < json_array_get_length (array); i++)
            for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
              {
                JsonObject *o = json_array_get_object_element (array, i);
                JsonArray *spans = json_object_has_member (o, roles[r])
                                     ? json_object_get_array_member (o, roles[r]) : NULL;

                for (guint j = 0; spans != NULL && j < json_array_get_length (spans); j++)
                  {
                    JsonObject *span = json_array_get_object_element (spans, j);
                    glong start = json_object_get_int_member (span, "start");
                    glong end = json_object_get_int_member (span, "end");
                    const char *s = g_utf8_offset_to_pointer (text, start);
                    const char *e = g_utf8_offset_to_pointer (text, end);
                    const char *expected = json_object_get_string_member (span, "text");

                    g_assert_cmpint (strlen (expected), ==, e - s);
                    g_assert_true (strncmp (s, expected, e - s) == 0);
                    n_checked++;
                  }
              }
        }
    }

  return n_checked;
}

static const char python_check[] =
  "import json, sys\n"
  "n = 0\n"
  "for path in sys.argv[1:]:\n"
  "    for line in open(path, encoding='utf-8'):\n"
  "        if not line.strip(): continue\n"
  "        d = json.loads(line); t = d['text']; u = d.get('offsets', 'codepoints')\n"
  "        def sl(s, e):\n"
  "            if u == 'codepoints': return t[s:e]\n"
  "            if u == 'utf16': return t.encode('utf-16-le')[2*s:2*e].decode('utf-16-le')\n"
  "            return t.encode('utf-8')[s:e].decode('utf-8')\n"
  "        for kind in ('mentions', 'claims', 'relations'):\n"
  "            for o in d[kind]:\n"
  "                for s in o.get('spans', []) + o.get('cue', []) + o.get('evidence', []):\n"
  "                    assert sl(s['start'], s['end']) == s['text'], (path, o, s)\n"
  "                    n += 1\n"
  "print(n)\n";

static void
python_check_spans (const char *path,
                    guint       at_least)
{
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { NULL, "-c", python_check, path, NULL };
  int status = 0;

  if (python == NULL)
    {
      g_test_message ("python3 not found: skipping the Python slicing check");
      return;
    }
  argv[0] = python;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("python: %s%s", out, err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpuint (g_ascii_strtoull (out, NULL, 10), >=, at_least);
}

static void
test_doccano_corpus (void)
{
  g_autofree char *relations = data_path ("doccano", "import-relation_extraction.jsonl");
  g_autofree char *pretty = data_path ("doccano", "export-relation_extraction.pretty.json");
  g_autofree char *labels = data_path ("doccano", "export-sequence_labeling.jsonl");
  g_autofree char *missing = data_path ("doccano", "tests-sequence_labeling.jsonl");
  g_autofree char *g = tmp_path ("google.gloss");
  g_autofree char *p = tmp_path ("pretty.gloss");
  g_autofree char *dir = tmp_path ("labels");
  g_autofree char *never = tmp_path ("never.gloss");

  {
    g_auto(Run) run = run_cli ("import", "--format", "doccano", relations, "-o", g, NULL);

    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = run_cli ("validate", g, NULL);

    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = run_cli ("stats", "--json", g, NULL);
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) error = NULL;
    JsonObject *root;

    g_assert_cmpint (run.status, ==, 0);
    json_parser_load_from_data (parser, run.out, -1, &error);
    g_assert_no_error (error);
    root = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpint (json_object_get_int_member (root, "documents"), ==, 1);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "mentions"), "total"), ==, 4);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "relations"), "total"), ==, 3);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (
                       json_object_get_object_member (root, "mentions"), "by_type"), "PERSON"), ==, 2);
  }
  {
    g_auto(Run) run = run_cli ("import", "--format", "doccano", pretty, "-o", p, NULL);

    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_autofree char *d1 = g_build_filename (dir, "export-sequence_labeling-1.gloss", NULL);
    g_autofree char *d3 = g_build_filename (dir, "export-sequence_labeling-3.gloss", NULL);
    g_auto(Run) run = run_cli ("import", "--format", "doccano", labels, "-o", dir, NULL);
    g_auto(Run) again = run_cli ("import", "--format", "doccano", labels, "-o", dir, NULL);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_test (d1, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (d3, G_FILE_TEST_EXISTS));
    g_assert_cmpint (again.status, ==, 1);
    assert_contains (again.err, "--force");
  }
  {
    g_auto(Run) run = run_cli ("import", "--format", "doccano", missing, "-o", never, NULL);

    g_assert_cmpint (run.status, ==, 1);
    assert_contains (run.err, "tests-sequence_labeling.jsonl:3:");
    g_assert_false (g_file_test (never, G_FILE_TEST_EXISTS));
  }
}

/* g_ptr_array_sort() passes pointers to the elements. */
static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static GPtrArray *
gloss_files_in (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".gloss"))
      g_ptr_array_add (files, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (files, compare_paths);

  return files;
}

/* Imports @input, exports every document as jsonl, checks every span. */
static void
doccano_to_jsonl (const char *input,
                  const char *offsets,
                  const char *name)
{
  g_autofree char *dir = tmp_path (name);
  g_autofree char *jsonl = g_strconcat (dir, ".jsonl", NULL);
  g_autofree char *expected_path = data_path ("doccano", "emoji-expected.txt");
  g_autofree char *expected = read_file (expected_path);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_auto(GStrv) texts = g_strsplit (expected, "\n", -1);
  g_auto(Run) imp = { 0 };

  if (offsets != NULL)
    imp = run_cli ("import", "--format", "doccano", "--offsets", offsets, input, "-o", dir, NULL);
  else
    imp = run_cli ("import", "--format", "doccano", input, "-o", dir, NULL);
  g_assert_cmpint (imp.status, ==, 0);

  files = gloss_files_in (dir);
  g_assert_cmpuint (files->len, ==, 2);
  {
    g_auto(Run) run = run_cli ("export", "--format", "jsonl",
                               (char *) g_ptr_array_index (files, 0), (char *) g_ptr_array_index (files, 1),
                               "-o", jsonl, NULL);

    g_assert_cmpint (run.status, ==, 0);
  }

  /* 8 mentions in each of 2 documents */
  g_assert_cmpuint (check_jsonl_spans (jsonl), ==, 16);
  python_check_spans (jsonl, 16);

  contents = read_file (jsonl);
  for (guint i = 0; texts[i] != NULL && *texts[i] != '\0'; i++)
    {
      g_autofree char *member = g_strdup_printf ("\"text\":\"%s\"", texts[i]);

      assert_contains (contents, member);
    }
}

static void
test_doccano_emoji (void)
{
  g_autofree char *utf16 = data_path ("doccano", "emoji-utf16.jsonl");
  g_autofree char *cp = data_path ("doccano", "emoji-codepoints.jsonl");
  g_autofree char *surrogate = data_path ("doccano", "bad-surrogate.jsonl");
  g_autofree char *never = tmp_path ("never.gloss");

  doccano_to_jsonl (utf16, NULL, "emoji-utf16");
  doccano_to_jsonl (cp, "codepoints", "emoji-cp");

  {
    g_auto(Run) run = run_cli ("import", "--format", "doccano", surrogate, "-o", never, NULL);

    g_assert_cmpint (run.status, ==, 1);
    assert_contains (run.err, "bad-surrogate.jsonl:2: label[0]");
    g_assert_false (g_file_test (never, G_FILE_TEST_EXISTS));
  }
}

static void
test_jsonl (void)
{
  g_autofree char *sample = data_path ("jsonl", "sample.jsonl");
  g_autofree char *dir = tmp_path ("sample");
  g_autofree char *cp = tmp_path ("sample-cp.jsonl");
  g_autofree char *utf16 = tmp_path ("sample-utf16.jsonl");
  g_autofree char *bytes = tmp_path ("sample-bytes.jsonl");
  g_autofree char *back = tmp_path ("back");
  g_autofree char *again = tmp_path ("again.jsonl");
  g_autofree char *doccano = tmp_path ("sample-doccano.jsonl");
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) back_files = NULL;
  g_autofree char *first = NULL;
  const char *vostochny;
  const char *second;
  g_auto(Run) imp = run_cli ("import", "--format", "jsonl", sample, "-o", dir, NULL);

  g_assert_cmpint (imp.status, ==, 0);
  files = gloss_files_in (dir);
  g_assert_cmpuint (files->len, ==, 2);
  /* sorted by name: "second" (no annotations) before "vostochny" */
  g_assert_true (g_str_has_suffix (g_ptr_array_index (files, 0), "second.gloss"));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (files, 1), "vostochny.gloss"));
  vostochny = g_ptr_array_index (files, 1);
  second = g_ptr_array_index (files, 0);

  {
    g_auto(Run) v = run_cli ("validate", (char *) vostochny, (char *) second, NULL);
    g_auto(Run) a = run_cli ("export", "--format", "jsonl", (char *) vostochny, (char *) second, "-o", cp, NULL);
    g_auto(Run) b = run_cli ("export", "--format", "jsonl", "--offsets", "utf16",
                             (char *) vostochny, "-o", utf16, NULL);
    g_auto(Run) c = run_cli ("export", "--format", "jsonl", "--offsets", "bytes",
                             (char *) vostochny, "-o", bytes, NULL);
    g_auto(Run) d = run_cli ("export", "--format", "doccano",
                             (char *) vostochny, "-o", doccano, NULL);

    g_assert_cmpint (v.status, ==, 0);
    g_assert_cmpint (a.status, ==, 0);
    g_assert_cmpint (b.status, ==, 0);
    g_assert_cmpint (c.status, ==, 0);
    g_assert_cmpint (d.status, ==, 0);
  }

  /* 5 mentions, one of 2 fragments (6 spans), and 1 claim of 2
   * fragments with 1 cue (3 spans); no outer span over a gap */
  g_assert_cmpuint (check_jsonl_spans (cp), ==, 9);
  python_check_spans (cp, 9);
  python_check_spans (utf16, 9);
  python_check_spans (bytes, 9);

  /* import(export(x)): utf16 offsets read back from the "offsets" member */
  {
    g_auto(Run) run = run_cli ("import", "--format", "jsonl", cp, "-o", back, NULL);

    g_assert_cmpint (run.status, ==, 0);
  }
  back_files = gloss_files_in (back);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *a = read_file (g_ptr_array_index (files, i));
      g_autofree char *b = read_file (g_ptr_array_index (back_files, i));

      g_assert_cmpstr (a, ==, b);
    }
  {
    g_autofree char *from_utf16 = tmp_path ("from-utf16.gloss");
    g_autofree char *a = NULL;
    g_autofree char *b = NULL;
    g_auto(Run) run = run_cli ("import", "--format", "jsonl", utf16, "-o", from_utf16, NULL);
    g_auto(Run) ex = run_cli ("export", "--format", "jsonl", from_utf16, "-o", again, NULL);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpint (ex.status, ==, 0);
    a = read_file (again);
    first = read_file (cp);
    b = g_strndup (first, strchr (first, '\n') - first + 1);  /* the first document */
    g_assert_cmpstr (a, ==, b);
  }

  /* the doccano export reads back */
  {
    g_autofree char *d = tmp_path ("from-doccano.gloss");
    g_auto(Run) run = run_cli ("import", "--format", "doccano", doccano, "-o", d, NULL);

    g_assert_cmpint (run.status, ==, 0);
  }

  /* export to stdout */
  {
    g_auto(Run) run = run_cli ("export", "--format", "jsonl", (char *) vostochny, "-o", "-", NULL);

    g_assert_cmpint (run.status, ==, 0);
    assert_contains (run.out, "\"Kim Jong Un\"");
  }

  /* a .gloss holds one document */
  {
    g_autofree char *out = tmp_path ("two.gloss");
    g_auto(Run) run = run_cli ("export", "--format", "native", (char *) g_ptr_array_index (files, 0),
                               (char *) g_ptr_array_index (files, 1), "-o", out, NULL);

    g_assert_cmpint (run.status, ==, 2);
  }
}

static void
test_stats_and_agree (void)
{
  g_autofree char *minimal = data_path (".", "minimal.gloss");
  g_autofree char *article = sample_article ();
  g_autofree char *other = tmp_path ("other.gloss");

  {
    g_auto(Run) run = run_cli ("stats", minimal, NULL);

    g_assert_cmpint (run.status, ==, 0);
    assert_contains (run.out, "mentions");
    assert_contains (run.out, "PER");
  }
  {
    g_auto(Run) run = run_cli ("stats", "--json", minimal, minimal, NULL);
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) error = NULL;
    JsonObject *root;

    g_assert_cmpint (run.status, ==, 0);
    json_parser_load_from_data (parser, run.out, -1, &error);
    g_assert_no_error (error);
    root = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpint (json_object_get_int_member (root, "documents"), ==, 2);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "claims"), "total"), ==, 2);
    g_assert_cmpint (json_array_get_length (json_object_get_array_member (root, "per_file")), ==, 2);
  }
  {
    g_auto(Run) run = run_cli ("agree", "--json", minimal, minimal, NULL);
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) error = NULL;
    JsonObject *root, *micro;

    g_assert_cmpint (run.status, ==, 0);
    json_parser_load_from_data (parser, run.out, -1, &error);
    g_assert_no_error (error);
    root = json_node_get_object (json_parser_get_root (parser));
    micro = json_object_get_object_member (json_object_get_object_member (
              json_object_get_object_member (root, "mentions"), "exact"), "micro");
    g_assert_cmpfloat (json_object_get_double_member (micro, "f1"), ==, 1.0);
    g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (
                         json_object_get_object_member (root, "mentions"), "kappa"), "kappa"), ==, 1.0);
  }
  /* B drops a mention and retypes another */
  {
    g_autofree char *sample = data_path ("jsonl", "sample.jsonl");
    g_autofree char *sample_b = data_path ("jsonl", "sample-b.jsonl");
    g_autofree char *a = tmp_path ("agree-a.gloss");
    g_autofree char *b = tmp_path ("agree-b.gloss");
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) error = NULL;
    g_auto(Run) ia = { 0 };
    g_auto(Run) ib = run_cli ("import", "--format", "jsonl", sample_b, "-o", b, NULL);
    g_auto(Run) run = { 0 };
    g_auto(Run) text = { 0 };
    JsonObject *root, *micro, *org;
    double kappa;

    /* sample.jsonl holds two documents: keep the first */
    {
      g_autofree char *contents = read_file (sample);
      g_autofree char *one = tmp_path ("agree-a.jsonl");

      *strchr (contents, '\n') = '\0';
      g_assert_true (g_file_set_contents (one, contents, -1, NULL));
      ia = run_cli ("import", "--format", "jsonl", one, "-o", a, NULL);
    }
    g_assert_cmpint (ia.status, ==, 0);
    g_assert_cmpint (ib.status, ==, 0);

    run = run_cli ("agree", a, b, "--json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    json_parser_load_from_data (parser, run.out, -1, &error);
    g_assert_no_error (error);
    root = json_node_get_object (json_parser_get_root (parser));
    micro = json_object_get_object_member (json_object_get_object_member (
              json_object_get_object_member (root, "mentions"), "exact"), "micro");
    g_assert_cmpint (json_object_get_int_member (micro, "a"), ==, 5);
    g_assert_cmpint (json_object_get_int_member (micro, "b"), ==, 4);
    g_assert_cmpint (json_object_get_int_member (micro, "matched"), ==, 3);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (micro, "precision"), 0.75, 1e-9);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (micro, "recall"), 0.6, 1e-9);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (micro, "f1"), 6.0 / 9.0, 1e-9);
    org = json_object_get_object_member (json_object_get_object_member (json_object_get_object_member (
            json_object_get_object_member (root, "mentions"), "exact"), "by_type"), "ORG");
    g_assert_true (json_object_get_null_member (org, "recall"));
    g_assert_cmpfloat (json_object_get_double_member (org, "f1"), ==, 0.0);
    kappa = json_object_get_double_member (json_object_get_object_member (
              json_object_get_object_member (root, "mentions"), "kappa"), "kappa");
    g_assert_cmpfloat (kappa, >, 0.0);
    g_assert_cmpfloat (kappa, <, 1.0);

    text = run_cli ("agree", a, b, NULL);
    g_assert_cmpint (text.status, ==, 0);
    assert_contains (text.out, "kappa");
  }
  {
    g_auto(Run) made = run_cli ("new", article, "-o", other, NULL);
    g_auto(Run) run = run_cli ("agree", minimal, other, NULL);

    g_assert_cmpint (made.status, ==, 0);
    g_assert_cmpint (run.status, ==, 1);
    assert_contains (run.err, "different texts");
  }
}

/* One hostile jsonl file through import (jsonl, doccano) and validate. */
static void
check_hostile (const char *input,
               int         code,
               const char *part)
{
  g_autofree char *path = tmp_path ("x.jsonl");
  g_autofree char *out = tmp_path ("hostile.gloss");
  const char *formats[] = { "jsonl", "doccano" };

  g_assert_true (g_file_set_contents (path, input, -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_auto(Run) import = run_cli ("import", "--format", formats[i], "x.jsonl", "-o", "hostile.gloss", NULL);
      g_auto(Run) validate = run_cli ("validate", "--format", formats[i], "x.jsonl", NULL);

      g_assert_cmpint (import.status, ==, 1);
      assert_contains (import.err, part);
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
      g_assert_cmpint (validate.status, ==, 1);
      assert_contains (validate.err, part);
    }
}

static void
test_hostile_json (void)
{
  g_autofree char *article = sample_article ();
  g_autofree char *schema = tmp_path ("deep-schema.json");
  g_autofree char *out = tmp_path ("deep.gloss");
  GString *deep = g_string_new ("{\"entity_types\": ");
  g_auto(Run) run = { 0 };
  static const struct { const char *contents; const char *message; } schema_cases[] = {
    { "{\"entity_types\": [{\"id\": \"P\\u0000\"}]}",
      "deep-schema.json: entity_types[0].id: a string holds a NUL character" },
    { "{\"entity_types\": [{\"id\": \"\\udc01\"}]}",
      "deep-schema.json: entity_types[0].id: malformed JSON at line 1, column 27: \\uDC01 is a lone low surrogate" },
    { "{\"entity_types\": [], \"entity_types\": []}",
      "deep-schema.json: entity_types: the member appears twice in the object" },
  };

  hostile_json_check_all (check_hostile);

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  g_assert_true (g_file_set_contents (schema, deep->str, deep->len, NULL));
  g_string_free (deep, TRUE);
  run = run_cli ("new", article, "--schema", "deep-schema.json", "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, "deep-schema.json: entity_types[0][0][0]…(122 more levels)…[0][0]: "
                            "malformed JSON at line 1, column 145: nested more than 128 levels deep");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  for (guint i = 0; i < G_N_ELEMENTS (schema_cases); i++)
    {
      g_auto(Run) bad = { 0 };

      g_assert_true (g_file_set_contents (schema, schema_cases[i].contents, -1, NULL));
      bad = run_cli ("new", article, "--schema", "deep-schema.json", "-o", out, NULL);
      g_assert_cmpint (bad.status, ==, 1);
      assert_contains (bad.err, schema_cases[i].message);
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
}

/* validate lists every problem of a .gloss file, up to 100. */
static void
test_validate_every_problem (void)
{
  g_autofree char *five = data_path ("native", "five-problems.gloss");
  g_autofree char *many = tmp_path ("150-problems.gloss");
  GString *json = g_string_new ("{\"format\": \"gloss\", \"version\": 1, \"document\": {\"text\": \"abc\"}, \"mentions\": [");
  g_auto(Run) run = run_cli ("validate", five, NULL);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run.status, ==, 1);
  lines = g_strsplit (g_strchomp (run.err), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  assert_contains (lines[0], "five-problems.gloss: mentions[0].spans[0]: text \"Kim\" does not match");
  assert_contains (lines[4], "five-problems.gloss: relations[0].status: unknown value \"bogus\"");
  g_clear_pointer (&lines, g_strfreev);
  run_clear (&run);

  for (guint i = 0; i < 150; i++)
    g_string_append_printf (json, "%s{\"id\": \"m%u\", \"type\": \"PER\", \"spans\": [{\"start\": 0, \"end\": 1, \"text\": \"x\"}]}",
                            i > 0 ? ", " : "", i);
  g_string_append (json, "]}");
  g_assert_true (g_file_set_contents (many, json->str, json->len, NULL));
  g_string_free (json, TRUE);
  run = run_cli ("validate", "150-problems.gloss", NULL);
  g_assert_cmpint (run.status, ==, 1);
  lines = g_strsplit (g_strchomp (run.err), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 101);
  assert_contains (lines[99], "150-problems.gloss: mentions[99].spans[0]: text \"x\" does not match");
  g_assert_cmpstr (lines[100], ==, "150-problems.gloss: stopped after 100 problems");
}

/* A text changed after the file was written: validate says so, and goes
 * on to name every span the change moved, as validate-gloss.py does. */
static void
test_validate_changed_text (void)
{
  g_autofree char *minimal = g_test_build_filename (G_TEST_DIST, "data", "minimal.gloss", NULL);
  g_autofree char *changed = tmp_path ("changed-text.gloss");
  g_autofree char *contents = read_file (minimal);
  g_autoptr(GString) edited = g_string_new (contents);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpuint (g_string_replace (edited, "\"text\": \"Vostochny ", "\"text\": \"Vostochny  ", 1), ==, 1);
  g_assert_true (g_file_set_contents (changed, edited->str, edited->len, NULL));
  {
    g_auto(Run) run = run_cli ("validate", "changed-text.gloss", NULL);

    g_assert_cmpint (run.status, ==, 1);
    lines = g_strsplit (g_strchomp (run.err), "\n", -1);
  }
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_cmpstr (lines[0], ==, "changed-text.gloss: document.sha256: does not match the text: "
                   "the text was changed after the file was written");
  assert_contains (lines[1], "changed-text.gloss: mentions[0].spans[0]: text \"Kim Jong Un\" does not match");
  for (guint i = 1; i < 6; i++)
    assert_contains (lines[i], "does not match");
  assert_contains (lines[4], "changed-text.gloss: claims[0].cue[0]: text \"told\" does not match");
  assert_contains (lines[5], "changed-text.gloss: relations[0].evidence[0]: text \"told\" does not match");
}

/* Knowledge-base ids are PREFIX:ID without spaces (gloss_entity_check_kb()):
 * validate names every other one, among the file's other problems, and
 * the file still opens as it is. */
static void
test_validate_kb_ids (void)
{
  g_autofree char *minimal = g_test_build_filename (G_TEST_DIST, "data", "minimal.gloss", NULL);
  g_autofree char *bad = tmp_path ("kb-ids.gloss");
  g_autofree char *out = tmp_path ("kb-ids.jsonl");
  g_autofree char *contents = read_file (minimal);
  g_autoptr(GString) edited = g_string_new (contents);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpuint (g_string_replace (edited, "\"wikidata:Q56226\"", "\"Q56226\"", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (edited, "\"wikidata:Q7747\"", "\"wikidata:Q 7747\"", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (edited, "\"text\": \"told\"}]", "\"text\": \"tol\"}]", 1), ==, 1);
  g_assert_true (g_file_set_contents (bad, edited->str, edited->len, NULL));
  {
    g_auto(Run) run = run_cli ("validate", "kb-ids.gloss", NULL);

    g_assert_cmpint (run.status, ==, 1);
    lines = g_strsplit (g_strchomp (run.err), "\n", -1);
  }
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[0], ==, "kb-ids.gloss: entities[0].kb: “Q56226” is not a knowledge-base id: "
                   "write PREFIX:ID without spaces, such as wikidata:Q56226");
  g_assert_cmpstr (lines[1], ==, "kb-ids.gloss: entities[1].kb: “wikidata:Q 7747” is not a knowledge-base id: "
                   "write PREFIX:ID without spaces, such as wikidata:Q56226");
  assert_contains (lines[2], "text \"tol\" does not match");

  /* Reading is not checking: with the span mended, the file exports. */
  g_assert_cmpuint (g_string_replace (edited, "\"text\": \"tol\"}]", "\"text\": \"told\"}]", 1), ==, 1);
  g_assert_true (g_file_set_contents (bad, edited->str, edited->len, NULL));
  {
    g_auto(Run) run = run_cli ("export", "--format", "jsonl", "kb-ids.gloss", "-o", out, NULL);

    g_assert_cmpint (run.status, ==, 0);
  }
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  tmpdir = g_dir_make_tmp ("gloss-cli-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);

  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/usage", test_usage);
  g_test_add_func ("/cli/unsupported", test_unsupported);
  g_test_add_func ("/cli/doccano-shapes", test_doccano_shapes);
  g_test_add_func ("/cli/new-and-validate", test_new_and_validate);
  g_test_add_func ("/cli/new-refuses-binary", test_new_refuses_binary);
  g_test_add_func ("/cli/validate-wrong-span", test_validate_wrong_span);
  g_test_add_func ("/cli/doccano-corpus", test_doccano_corpus);
  g_test_add_func ("/cli/doccano-emoji", test_doccano_emoji);
  g_test_add_func ("/cli/jsonl", test_jsonl);
  g_test_add_func ("/cli/stats-and-agree", test_stats_and_agree);
  g_test_add_func ("/cli/hostile-json", test_hostile_json);
  g_test_add_func ("/cli/validate-every-problem", test_validate_every_problem);
  g_test_add_func ("/cli/validate-changed-text", test_validate_changed_text);
  g_test_add_func ("/cli/validate-kb-ids", test_validate_kb_ids);

  status = g_test_run ();

  g_free (tmpdir);
  return status;
}
