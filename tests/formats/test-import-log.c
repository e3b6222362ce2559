/* test-import-log.c: one run of an import finds every defect, in every
 * format, each with its place (GlossFormatOptions.log, --skip-invalid)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "format-test-utils.h"

/* Imports @input as @format with a log: @n_problems problems whose
 * messages begin with @places in order, @n_stores documents read. */
static void
check (const char  *format,
       const char  *where,
       const char  *input,
       guint        n_stores,
       const char **places)
{
  g_autoptr(GBytes) bytes = g_bytes_new (input, strlen (input));
  g_autoptr(GlossImportLog) log = gloss_import_log_new ();
  GlossFormatOptions options = { .where = where, .log = log };
  g_autoptr(GPtrArray) stores = NULL;
  g_autoptr(GError) error = NULL;
  guint n_places = g_strv_length ((char **) places);

  stores = gloss_format_lookup (format)->import (bytes, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stores->len, ==, n_stores);
  for (guint i = 0; i < log->problems->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (log->problems, i));
  g_assert_cmpuint (log->problems->len, ==, n_places);
  for (guint i = 0; i < n_places; i++)
    if (!g_str_has_prefix (g_ptr_array_index (log->problems, i), places[i]))
      g_error ("problem %u: “%s” does not begin with “%s”", i,
               (const char *) g_ptr_array_index (log->problems, i), places[i]);

  /* Without the log, the first problem fails the import. */
  {
    GlossFormatOptions strict = { .where = where };
    g_autoptr(GPtrArray) none = NULL;
    g_autoptr(GError) first = NULL;

    none = gloss_format_lookup (format)->import (bytes, &strict, &first);
    g_assert_null (none);
    g_assert_true (g_str_has_prefix (first->message, places[0]));
  }
}

static void
test_prodigy (void)
{
  const char *places[] = { "p.jsonl:1: spans[0]", "p.jsonl:1: spans[2]", "p.jsonl:3: spans[0]", NULL };

  check ("prodigy", "p.jsonl",
         "{\"text\": \"Kim met Putin.\", \"spans\": [{\"start\": 0, \"end\": 99, \"label\": \"PER\"},"
         " {\"start\": 8, \"end\": 13, \"label\": \"PER\"}, {\"start\": 5, \"end\": 2, \"label\": \"PER\"}]}\n"
         "{\"text\": \"Fine.\", \"spans\": [{\"start\": 0, \"end\": 4, \"label\": \"X\"}]}\n"
         "{\"text\": \"Bad 😊.\", \"spans\": [{\"start\": 4, \"end\": 5, \"text\": \"B\", \"label\": \"X\"}]}\n",
         1, places);
}

static void
test_labelstudio (void)
{
  const char *places[] = { "l.json: [0]: annotations[0].result[0]", "l.json: [0]: annotations[0].result[1]", NULL };

  check ("labelstudio", "l.json",
         "[{\"id\": 1, \"data\": {\"text\": \"Kim met Putin.\"}, \"annotations\": [{\"result\": ["
         "{\"id\": \"a\", \"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 3, \"text\": \"Pim\", \"labels\": [\"PER\"]}},"
         "{\"id\": \"b\", \"type\": \"labels\", \"value\": {\"start\": 8, \"end\": 99, \"labels\": [\"PER\"]}},"
         "{\"id\": \"c\", \"type\": \"labels\", \"value\": {\"start\": 8, \"end\": 13, \"labels\": [\"PER\"]}}]}]},"
         " {\"id\": 2, \"data\": {\"text\": \"Fine.\"}, \"annotations\": [{\"result\": []}]}]",
         1, places);
}

static void
test_w3c (void)
{
  const char *places[] = { "w.jsonld:1: first.items[0]", "w.jsonld:1: first.items[1]", NULL };

  check ("w3c", "w.jsonld",
         "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"type\": \"AnnotationCollection\","
         " \"gloss:document\": {\"id\": \"urn:gloss:d\", \"value\": \"Kim met Putin.\"},"
         " \"first\": {\"items\": ["
         "{\"type\": \"Annotation\", \"motivation\": \"tagging\", \"body\": {\"type\": \"TextualBody\", \"purpose\": \"tagging\", \"value\": \"PER\"},"
         " \"target\": {\"source\": \"urn:gloss:d\", \"selector\": {\"type\": \"TextPositionSelector\", \"start\": 0, \"end\": 99}}},"
         "{\"type\": \"Annotation\", \"motivation\": \"tagging\", \"body\": {\"type\": \"TextualBody\", \"purpose\": \"tagging\", \"value\": \"PER\"},"
         " \"target\": {\"source\": \"urn:gloss:d\", \"selector\": {\"type\": \"TextQuoteSelector\", \"exact\": \"Xi\"}}}]}}\n",
         0, places);
}

static void
test_conll (void)
{
  const char *places[] = { "c.conll:4: “lonely”", "c.conll:5: “X-PER”", NULL };

  check ("conll", "c.conll",
         "-DOCSTART- -X- -X- O\n\n"
         "Kim B-PER\n"
         "lonely\n"
         "met X-PER\n"
         "\n"
         "-DOCSTART- -X- -X- O\n\n"
         "Putin B-PER\n"
         "left O\n",
         1, places);
}

static void
test_brat (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gloss-import-log-XXXXXX", NULL);
  g_autofree char *txt = g_build_filename (dir, "b.txt", NULL);
  g_autofree char *ann = g_build_filename (dir, "b.ann", NULL);
  g_autofree char *ann_loc = g_strconcat (ann, ":1", NULL);
  g_autofree char *ann_loc3 = g_strconcat (ann, ":3", NULL);
  const char *places[] = { ann_loc, ann_loc3, NULL };

  g_assert_true (g_file_set_contents (txt, "Kim met Putin.", -1, NULL));
  check ("brat", ann,
         "T1\tPER 0 3\tPim\n"
         "T2\tPER 8 13\tPutin\n"
         "T3 PER 8 13 Putin\n",
         0, places);
  g_unlink (txt);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/formats/import-log/prodigy", test_prodigy);
  g_test_add_func ("/formats/import-log/labelstudio", test_labelstudio);
  g_test_add_func ("/formats/import-log/w3c", test_w3c);
  g_test_add_func ("/formats/import-log/conll", test_conll);
  g_test_add_func ("/formats/import-log/brat", test_brat);
  return g_test_run ();
}
