/* test-corpus.c: every fuzzing seed and past finding, in every build
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The libFuzzer harnesses (tests/fuzz) need clang; this runs their corpus
 * through the importers in the ordinary (and sanitizer) builds, so a fixed
 * crash stays fixed: each input must either import or fail with a GError
 * whose message is valid UTF-8 — never a crash or a critical warning.
 */
#include "config.h"

#include "gloss-format-native.h"
#include "gloss-format.h"
#include "gloss-schema.h"

static void
check_error (const char   *path,
             const GError *error)
{
  g_assert_nonnull (error);
  if (!g_utf8_validate (error->message, -1, NULL))
    g_error ("%s: the error message is not valid UTF-8", path);
}

static void
run_corpus (gconstpointer data)
{
  const char *format = data;
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", format, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const GlossFormat *f = gloss_format_lookup (format);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  g_assert_nonnull (f);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      bytes = g_bytes_new (contents, length);

      for (GlossOffsetUnit unit = GLOSS_OFFSET_CODEPOINTS; unit <= GLOSS_OFFSET_BYTES; unit++)
        {
          GlossFormatOptions options = { unit, unit != GLOSS_OFFSET_CODEPOINTS, NULL, name };
          g_autoptr(GError) error = NULL;
          g_autoptr(GPtrArray) stores = f->import (bytes, &options, &error);

          if (stores == NULL)
            check_error (path, error);
          else if (f->export != NULL && stores->len > 0 && !g_str_equal (format, "native"))
            {
              g_autoptr(GBytes) out = f->export (stores, &options, &error);

              if (out == NULL)
                check_error (path, error);
            }
          if (g_str_equal (format, "native"))
            break;
        }
      n++;
    }

  g_test_message ("%u inputs of %s", n, format);
  g_assert_cmpuint (n, >, 0);
}

/* Schema files: parsed as gloss_schema_new_from_file() does. */
static void
run_schema_corpus (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", "schema", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossSchema) schema = gloss_schema_new_from_file (file, &error);

      if (schema == NULL)
        check_error (path, error);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_data_func ("/formats/corpus/native", "native", run_corpus);
  g_test_add_data_func ("/formats/corpus/jsonl", "jsonl", run_corpus);
  g_test_add_data_func ("/formats/corpus/doccano", "doccano", run_corpus);
  g_test_add_data_func ("/formats/corpus/prodigy", "prodigy", run_corpus);
  g_test_add_data_func ("/formats/corpus/conll", "conll", run_corpus);
  g_test_add_data_func ("/formats/corpus/w3c", "w3c", run_corpus);
  g_test_add_data_func ("/formats/corpus/labelstudio", "labelstudio", run_corpus);
  g_test_add_data_func ("/formats/corpus/webanno", "webanno", run_corpus);
  g_test_add_data_func ("/formats/corpus/xmi", "xmi", run_corpus);
  g_test_add_func ("/formats/corpus/schema", run_schema_corpus);

  return g_test_run ();
}
