/* bench-type-uses.c: counting a type's uses in a project of 10,000
 * documents, as Remove in Preferences does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A generated project: every document's source.gloss (2 KB, no
 * annotation) and, for half of them, an annotator's file with 40
 * mentions. Figures (medians of three runs, the files in the page cache
 * as after the project was used): the main thread's part of
 * gloss_project_count_type_uses_async() (the ids gathered, the open
 * store counted; target ≤ 16 ms, one frame) and the whole count to its
 * result (read in a worker; target ≤ 60 s, a gross regression only: it
 * runs once per Remove, with the button insensitive). Printed as TAP
 * comments; exceeding a target fails unless GLOSS_BENCH_SCALE makes a
 * quick run.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "bench-generate.h"
#include "gloss-format-native.h"
#include "gloss-json-writer.h"
#include "gloss-project-type-uses.h"
#include "gloss-schema-edits.h"

#define N_VARIANTS 10

static void
write_bytes (const char *path,
             GBytes     *bytes)
{
  bench_write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The files as Gloss writes them, a few variants written many times. */
static char *
generate (guint  n_documents,
          guint *n_uses)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (31);
  g_autofree char *root = g_dir_make_tmp ("gloss-bench-type-uses-XXXXXX", NULL);
  g_autofree char *documents = g_build_filename (root, "documents", NULL);
  g_autofree char *path = g_build_filename (root, "project.json", NULL);
  g_autoptr(GlossSchema) schema = gloss_schema_new_default ();
  g_autoptr(JsonNode) schema_json = gloss_schema_to_json (schema);
  g_autoptr(GString) project = g_string_new ("{\n  \"format\": \"gloss-project\",\n  \"version\": 1,\n"
                                             "  \"name\": \"Generated\",\n  \"schema\": ");
  g_autoptr(GBytes) project_bytes = NULL;
  GBytes *sources[N_VARIANTS], *annotated[N_VARIANTS];
  guint uses[N_VARIANTS], source_uses[N_VARIANTS];

  for (guint v = 0; v < N_VARIANTS; v++)
    {
      g_autoptr(GlossStore) source = bench_make_store (rand, 2000, 0, 0);
      g_autoptr(GlossStore) store = bench_make_store (rand, 2000, 40, 0);

      sources[v] = gloss_native_write_bytes (source);
      annotated[v] = gloss_native_write_bytes (store);
      uses[v] = gloss_schema_edit_count_type (store, GLOSS_LABEL_ENTITY, "PER");
      source_uses[v] = gloss_schema_edit_count_type (source, GLOSS_LABEL_ENTITY, "PER");
    }

  g_mkdir (documents, 0700);
  gloss_json_write_node (project, schema_json, TRUE, 1);
  g_string_append (project, ",\n  \"documents\": [");
  *n_uses = 0;
  for (guint i = 0; i < n_documents; i++)
    {
      g_autofree char *id = g_strdup_printf ("article-%05u", i);
      g_autofree char *folder = g_build_filename (documents, id, NULL);
      g_autofree char *source = g_build_filename (folder, "source.gloss", NULL);

      g_mkdir (folder, 0700);
      write_bytes (source, sources[i % N_VARIANTS]);
      *n_uses += source_uses[i % N_VARIANTS];
      if (i % 2 == 0)
        {
          g_autofree char *mine = g_build_filename (folder, "Bench.gloss", NULL);

          write_bytes (mine, annotated[(i / 2) % N_VARIANTS]);
          *n_uses += uses[(i / 2) % N_VARIANTS];
        }
      g_string_append_printf (project, "%s\n    {\"id\": \"%s\", \"title\": \"Article %u\", \"source\": \"%s.txt\"}",
                              i == 0 ? "" : ",", id, i, id);
    }
  g_string_append (project, "\n  ]\n}\n");
  project_bytes = g_string_free_to_bytes (g_steal_pointer (&project));
  write_bytes (path, project_bytes);
  for (guint v = 0; v < N_VARIANTS; v++)
    {
      g_bytes_unref (sources[v]);
      g_bytes_unref (annotated[v]);
    }
  return g_steal_pointer (&root);
}

typedef struct
{
  GlossTypeUses uses;
  gboolean      done;
} Counted;

static void
counted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Counted *counted = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_project_count_type_uses_finish (GLOSS_PROJECT (source), result, &counted->uses, &error));
  g_assert_no_error (error);
  counted->done = TRUE;
}

static void
bench_count (void)
{
  guint n_documents = MAX (10, 10000 * bench_get_scale ());
  guint n_uses = 0;
  g_autofree char *root = generate (n_documents, &n_uses);
  g_autoptr(GFile) folder = g_file_new_for_path (root);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossProject) project = gloss_project_load (folder, "Bench", &error);
  g_autoptr(GlossStore) open = NULL;
  GlossProjectDocument *document;
  GlossLabel *person;
  double main_ms[3], total_s[3];

  g_assert_no_error (error);
  g_test_message ("project: %u documents, %u files, in %s", n_documents, n_documents + (n_documents + 1) / 2, root);
  document = gloss_project_lookup (project, "article-00001");
  open = gloss_project_open_document (project, document, &error);
  g_assert_no_error (error);
  person = gloss_schema_lookup (gloss_store_get_schema (open), GLOSS_LABEL_ENTITY, "PER");
  g_assert_nonnull (person);

  for (guint run = 0; run < G_N_ELEMENTS (main_ms); run++)
    {
      Counted counted = { { 0 }, FALSE };
      gint64 start = g_get_monotonic_time ();

      gloss_project_count_type_uses_async (project, person, document, open, NULL, counted_cb, &counted);
      main_ms[run] = (g_get_monotonic_time () - start) / 1e3;
      while (!counted.done)
        g_main_context_iteration (NULL, TRUE);
      total_s[run] = (g_get_monotonic_time () - start) / 1e6;
      /* The open document is shown from its source: counted twice. */
      g_assert_cmpuint (counted.uses.n_annotations, ==, n_uses + gloss_schema_edit_count_uses (open, person));
      g_assert_cmpuint (counted.uses.n_documents, >=, (n_documents + 1) / 2);
    }

  bench_check_target ("count, main thread", bench_median (main_ms, G_N_ELEMENTS (main_ms)), 16, "ms");
  bench_check_target ("count, to the result", bench_median (total_s, G_N_ELEMENTS (total_s)), 60, "s");
  bench_remove_tree (root);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/bench/type-uses/count", bench_count);
  return g_test_run ();
}
