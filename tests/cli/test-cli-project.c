/* test-cli-project.c: gloss-cli project, and stats and export of a project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "cli-test-helpers.h"
#include "gloss-format.h"

static char *
make_article (const char *name,
              const char *text)
{
  char *path = tmp_path (name);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static gboolean
exists (const char *project,
        const char *path)
{
  g_autofree char *full = g_build_filename (tmpdir, project, path, NULL);

  return g_file_test (full, G_FILE_TEST_EXISTS);
}

static void
test_init_add_status (void)
{
  g_autofree char *sample = sample_article ();
  g_autofree char *notes = make_article ("notes.md", "# Notes\n\nKim met Putin at Vostochny.\n");
  g_autofree char *jsonl = data_path ("jsonl", "sample.jsonl");
  g_autofree char *project_json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  JsonObject *root;
  JsonArray *documents;

  run = run_cli ("project", "init", "summit", "--annotator", "Ana Lima", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (exists ("summit", "project.json"));
  run_clear (&run);

  run = run_cli ("project", "init", "summit", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, "summit: is a project already");
  run_clear (&run);

  run = run_cli ("project", "add", "summit", sample, notes, "--annotator", "Ana Lima", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "kim-putin-vostochny\nnotes\n");
  g_assert_true (exists ("summit", "documents/kim-putin-vostochny/source.gloss"));
  g_assert_true (exists ("summit", "documents/notes/source.gloss"));
  run_clear (&run);

  /* Another format, several documents a file: nothing is added when one
   * input fails. */
  run = run_cli ("project", "add", "summit", "--format", "jsonl", jsonl, "missing.jsonl", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, "no document was added");
  run_clear (&run);
  run = run_cli ("project", "add", "summit", "--format", "jsonl", jsonl, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "vostochny\nsecond\n");
  run_clear (&run);

  run = run_cli ("project", "set-status", "summit", "kim-putin-vostochny", "done", "--annotator", "Ana Lima", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  /* By the name of the file it came from. */
  run = run_cli ("project", "set-status", "summit", "notes.md", "in-progress", "--annotator", "Ben", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_assert_true (exists ("summit", "progress/Ana Lima.json"));
  g_assert_true (exists ("summit", "progress/Ben.json"));

  run = run_cli ("project", "set-status", "summit", "kim-putin-vostochny", "finished", NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "“finished” is not a status");
  run_clear (&run);
  run = run_cli ("project", "set-status", "summit", "nothing", "done", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, "no document “nothing”");
  run_clear (&run);
  run = run_cli ("project", "status", "notes.md", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, "not a Gloss project");
  run_clear (&run);

  run = run_cli ("project", "status", "summit", "--annotator", "Ana Lima", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "kim-putin-vostochny      done");
  assert_contains (run.out, "North Korea’s Kim");
  assert_contains (run.out, "4 documents for Ana Lima: 1 done, 0 in progress, 3 to do");
  run_clear (&run);

  run = run_cli ("project", "status", "summit", "--json", "--annotator", "Ben", NULL);
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "annotator"), ==, "Ben");
  documents = json_object_get_array_member (root, "documents");
  g_assert_cmpuint (json_array_get_length (documents), ==, 4);
  for (guint i = 0; i < json_array_get_length (documents); i++)
    {
      JsonObject *doc = json_array_get_object_element (documents, i);
      JsonObject *annotators = json_object_get_object_member (doc, "annotators");

      if (g_str_equal (json_object_get_string_member (doc, "id"), "kim-putin-vostochny"))
        {
          g_assert_cmpstr (json_object_get_string_member (doc, "status"), ==, "todo");
          g_assert_cmpstr (json_object_get_string_member (annotators, "Ana Lima"), ==, "done");
          g_assert_cmpstr (json_object_get_string_member (annotators, "Ben"), ==, "todo");
        }
      if (g_str_equal (json_object_get_string_member (doc, "id"), "notes"))
        g_assert_cmpstr (json_object_get_string_member (doc, "status"), ==, "in-progress");
    }
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "totals"), "in-progress"), ==, 1);
  run_clear (&run);

  /* Ben's status change left project.json alone: one document a line. */
  project_json = read_file (g_build_filename (tmpdir, "summit", "project.json", NULL));
  g_assert_null (strstr (project_json, "\"status\""));
  assert_contains (project_json, "\n    {\"id\": \"notes\", \"title\": \"# Notes\", \"source\": \"notes.md\"}");

  run = run_cli ("stats", "summit", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "\"documents\" : 4");
  run_clear (&run);
}

static char **
read_ids (const char *path)
{
  g_autofree char *contents = read_file (path);
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (*lines[i] == '\0')
        continue;
      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, NULL));
      g_ptr_array_add (ids, g_strdup (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "id")));
    }
  g_ptr_array_add (ids, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

static void
test_export_split (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const GlossFormat **formats = gloss_format_list ();
  g_auto(Run) run = { 0 };
  const char *parts[] = { "train", "dev", "test" };
  const guint expected[] = { 16, 2, 2 };
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;

  run = run_cli ("project", "init", "corpus", "--annotator", "Ana", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  for (guint i = 0; i < 21; i++)
    {
      g_autofree char *name = g_strdup_printf ("article-%02u.txt", i);
      g_autofree char *text = g_strdup_printf ("Article %u: “Kim Jong Un” met Putin — 会谈 🚀 %u.\n", i, i);
      g_autofree char *path = make_article (name, text);

      run = run_cli ("project", "add", "corpus", path, "--annotator", "Ana", NULL);
      g_assert_cmpint (run.status, ==, 0);
      run_clear (&run);
    }
  /* Twenty done; article-20 stays todo and out of the dataset. */
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *id = g_strdup_printf ("article-%02u", i);

      run = run_cli ("project", "set-status", "corpus", id, "done", "--annotator", "Ana", NULL);
      g_assert_cmpint (run.status, ==, 0);
      run_clear (&run);
    }

  run = run_cli ("export", "corpus", "--format", "jsonl", "--split", "80/10/10", "--seed", "7",
                 "-o", "split-a", "--annotator", "Ana", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.err, "train: 16 documents");
  run_clear (&run);
  for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
    {
      g_autofree char *name = g_strdup_printf ("%s.jsonl", parts[p]);
      g_autofree char *path = g_build_filename (tmpdir, "split-a", name, NULL);
      g_auto(GStrv) ids = read_ids (path);

      g_assert_cmpuint (g_strv_length (ids), ==, expected[p]);
      for (guint i = 0; ids[i] != NULL; i++)
        {
          g_assert_false (g_hash_table_contains (seen, ids[i]));
          g_assert_cmpstr (ids[i], !=, "article-20");
          g_hash_table_add (seen, g_strdup (ids[i]));
        }
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 20);

  /* The same seed gives the same split; another seed another one. */
  run = run_cli ("export", "corpus", "--format", "jsonl", "--split", "80/10/10", "--seed", "7",
                 "-o", "split-b", "--annotator", "Ana", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  first = read_file (g_build_filename (tmpdir, "split-a", "test.jsonl", NULL));
  again = read_file (g_build_filename (tmpdir, "split-b", "test.jsonl", NULL));
  g_assert_cmpstr (first, ==, again);
  run = run_cli ("export", "corpus", "--format", "jsonl", "--split", "80/10/10", "--seed", "8",
                 "-o", "split-c", "--annotator", "Ana", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_clear_pointer (&again, g_free);
  again = read_file (g_build_filename (tmpdir, "split-c", "train.jsonl", NULL));
  g_clear_pointer (&first, g_free);
  first = read_file (g_build_filename (tmpdir, "split-a", "train.jsonl", NULL));
  g_assert_cmpstr (first, !=, again);

  /* Existing outputs are refused without --force, and left as they were. */
  run = run_cli ("export", "corpus", "--format", "jsonl", "--split", "80/10/10", "--seed", "8",
                 "-o", "split-a", "--annotator", "Ana", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, "no file was written");
  run_clear (&run);
  g_clear_pointer (&again, g_free);
  again = read_file (g_build_filename (tmpdir, "split-a", "train.jsonl", NULL));
  g_assert_cmpstr (first, ==, again);

  /* Every format export writes. */
  for (guint i = 0; formats[i] != NULL; i++)
    {
      g_autofree char *out = NULL;

      if (formats[i]->export == NULL && formats[i]->export_files == NULL)
        continue;
      out = g_strdup_printf ("split-%s", formats[i]->name);
      run = run_cli ("export", "corpus", "--format", formats[i]->name, "--split", "80/10/10", "--seed", "1",
                     "-o", out, "--annotator", "Ana", NULL);
      g_assert_cmpint (run.status, ==, 0);
      run_clear (&run);
      for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
        {
          g_autofree char *name = g_str_equal (formats[i]->name, "native") || formats[i]->export_files != NULL
                                  ? g_strdup (parts[p])
                                  : g_strdup_printf ("%s.%s", parts[p], formats[i]->extension);

          g_assert_true (exists (out, name));
        }
    }

  /* Usage errors. */
  run = run_cli ("export", "corpus", "--format", "jsonl", "--split", "80/10", "-o", "x", NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "three percentages");
  run_clear (&run);
  run = run_cli ("export", "corpus", "--format", "jsonl", "--split", "80/10/20", "-o", "x", NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "adds up to 110");
  run_clear (&run);
  run = run_cli ("export", "corpus", "--format", "jsonl", "--seed", "3", "-o", "x", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  /* Without a split, the done documents in one file. */
  run = run_cli ("export", "corpus", "--format", "jsonl", "-o", "all.jsonl", "--annotator", "Ana", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  {
    g_autofree char *path = tmp_path ("all.jsonl");
    g_auto(GStrv) ids = read_ids (path);

    g_assert_cmpuint (g_strv_length (ids), ==, 20);
  }
}

/* The same text twice in one add, or as a .gloss of a text the project
 * has: refused, nothing added; --allow-duplicate adds them. */
static void
test_add_same_text (void)
{
  g_autofree char *a = tmp_path ("same-a.txt");
  g_autofree char *b = tmp_path ("same-b.txt");
  g_autofree char *doc = tmp_path ("same-a.gloss");
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_set_contents (a, "Kim met Putin at Vostochny.\n", -1, NULL));
  g_assert_true (g_file_set_contents (b, "Kim met Putin at Vostochny.\n", -1, NULL));
  run = run_cli ("project", "init", "twins", "--annotator", "Ana", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  run = run_cli ("project", "add", "twins", a, b, NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, "same-b.txt: the project has this text already, as same-a.txt, added with it");
  run_clear (&run);
  run = run_cli ("project", "status", "twins", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "\"documents\" : [],");
  run_clear (&run);

  run = run_cli ("project", "add", "twins", a, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  run = run_cli ("new", a, "-o", doc, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  run = run_cli ("project", "add", "twins", doc, NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, "same-a.gloss: the project has this text already, as the document “same-a”");
  run_clear (&run);

  run = run_cli ("project", "add", "twins", b, doc, "--allow-duplicate", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "same-b\nsame-a-2\n");
}

static void
test_help (void)
{
  g_auto(Run) run = run_cli ("project", "--help", NULL);

  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "set-status");
  run_clear (&run);
  run = run_cli ("project", "add", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "--annotator");
  run_clear (&run);
  run = run_cli ("project", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);
  run = run_cli ("project", "frobnicate", NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "unknown action “frobnicate”");
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  tmpdir = g_dir_make_tmp ("gloss-cli-project-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);

  g_test_add_func ("/cli/project/init-add-status", test_init_add_status);
  g_test_add_func ("/cli/project/export-split", test_export_split);
  g_test_add_func ("/cli/project/add-same-text", test_add_same_text);
  g_test_add_func ("/cli/project/help", test_help);

  status = g_test_run ();

  g_free (tmpdir);
  return status;
}
