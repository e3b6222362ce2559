/* test-project-import.c: a folder of files of every kind into a project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-error.h"
#include "gloss-mention.h"
#include "gloss-project-import.h"

static char *
make_folder (void)
{
  return g_dir_make_tmp ("gloss-import-XXXXXX", NULL);
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static GlossStore *
store_named (GlossProjectImport *import,
             const char         *name)
{
  for (guint i = 0; i < import->names->len; i++)
    if (g_str_equal (g_ptr_array_index (import->names, i), name))
      return g_ptr_array_index (import->stores, i);
  return NULL;
}

static guint
n_mentions (GlossStore *store)
{
  return gloss_store_get_n_items (store, GLOSS_KIND_MENTION);
}

/* Articles, a brat pair, the three formats that write .jsonl told apart,
 * a file of no known kind left out and said so. */
static void
test_folder (void)
{
  g_autofree char *dir = make_folder ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GlossSchema) schema = gloss_schema_new_default ();
  g_autoptr(GlossProjectImport) import = gloss_project_import_new ();
  g_autoptr(GError) error = NULL;
  GlossStore *store;

  write_file (dir, "a-summit.txt", "Kim Jong Un met Putin — at Vostochny 🚀.\n");
  write_file (dir, "b-notes.md", "# Notes\n\nThe “summit” ended.\n");
  write_file (dir, "c-brat.txt", "Kim Jong Un left.\n");
  write_file (dir, "c-brat.ann", "T1\tPerson 0 11\tKim Jong Un\n");
  write_file (dir, "d-doccano.jsonl", "{\"text\": \"Putin waved.\", \"label\": [[0, 5, \"PER\"]]}\n");
  write_file (dir, "e-prodigy.jsonl",
         "{\"text\": \"Lavrov spoke.\", \"spans\": [{\"start\": 0, \"end\": 6, \"label\": \"PER\"}]}\n");
  write_file (dir, "f-report.pdf", "%PDF-1.4");
  write_file (dir, ".hidden.txt", "not read");

  g_assert_true (gloss_project_import_folder (import, schema, folder, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (import->stores->len, ==, 5);
  g_assert_cmpuint (import->skipped->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (import->skipped, 0), ==, "f-report.pdf");

  store = store_named (import, "a-summit.txt");
  g_assert_nonnull (store);
  g_assert_true (g_str_has_prefix (gloss_document_get_text (gloss_store_get_document (store)), "Kim Jong Un met"));
  g_assert_nonnull (store_named (import, "b-notes.md"));
  store = store_named (import, "c-brat.ann");
  g_assert_nonnull (store);
  g_assert_cmpuint (n_mentions (store), ==, 1);
  store = store_named (import, "d-doccano.jsonl");
  g_assert_nonnull (store);
  g_assert_cmpuint (n_mentions (store), ==, 1);
  store = store_named (import, "e-prodigy.jsonl");
  g_assert_nonnull (store);
  g_assert_cmpuint (n_mentions (store), ==, 1);

  g_assert_true (gloss_project_import_can_read ("x.conll"));
  g_assert_true (gloss_project_import_can_read ("X.TXT"));
  g_assert_true (gloss_project_import_can_read ("x.gloss"));
  g_assert_false (gloss_project_import_can_read ("x.csv"));
  g_assert_false (gloss_project_import_can_read ("README"));
}

/* Added all or nothing: a bad file adds nothing; a good lot is listed in
 * project.json, each with its source. */
static void
test_add (void)
{
  g_autofree char *dir = make_folder ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GlossProject) project = gloss_project_new (folder, "Summit", NULL, "Ana");
  g_autoptr(GlossProjectImport) bad = gloss_project_import_new ();
  g_autoptr(GlossProjectImport) good = gloss_project_import_new ();
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) broken = NULL;
  g_autoptr(GFile) article = NULL;
  g_autofree char *path = NULL;

  write_file (dir, "summit.txt", "Kim Jong Un met Putin.\n");
  write_file (dir, "broken.jsonl", "{\"text\": \"Putin\", \"label\": [[0, 99, \"PER\"]]}\n");
  article = g_file_get_child (folder, "summit.txt");
  broken = g_file_get_child (folder, "broken.jsonl");
  g_assert_true (gloss_project_import_file (bad, gloss_project_get_schema (project), article, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (gloss_project_import_file (bad, gloss_project_get_schema (project), broken, NULL, &error));
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SPAN);
  g_assert_nonnull (strstr (error->message, "broken.jsonl"));
  g_clear_error (&error);

  g_assert_true (gloss_project_import_file (good, gloss_project_get_schema (project), article, NULL, &error));
  g_assert_true (gloss_project_import_file (good, gloss_project_get_schema (project), article, NULL, &error));
  added = gloss_project_add_imported (project, good, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (added->len, ==, 2);
  g_assert_cmpstr (gloss_project_document_get_id (g_ptr_array_index (added, 0)), ==, "summit");
  g_assert_cmpstr (gloss_project_document_get_id (g_ptr_array_index (added, 1)), ==, "summit-2");
  g_assert_cmpstr (gloss_project_document_get_source (g_ptr_array_index (added, 1)), ==, "summit.txt");
  path = g_build_filename (dir, "documents", "summit-2", "source.gloss", NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (gloss_project_is_project_folder (folder));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/project-import/folder", test_folder);
  g_test_add_func ("/core/project-import/add", test_add);
  return g_test_run ();
}
