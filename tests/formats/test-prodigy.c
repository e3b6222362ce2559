/* test-prodigy.c: spaCy/Prodigy JSONL import and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-error.h"

#include "format-test-utils.h"

/* The hand-written task (emoji, CJK, a combining accent; tokens, spans,
 * a relation, answer, hashes, meta) reads and writes back byte for byte. */
static void
test_golden (void)
{
  g_autoptr(GBytes) golden = fmt_load ("data", "prodigy", "export.jsonl", NULL);
  g_autoptr(GPtrArray) stores = fmt_import ("prodigy", golden, "export.jsonl");
  g_autoptr(GBytes) written = NULL;
  g_autofree char *got = NULL;
  GlossStore *store;

  g_assert_cmpuint (stores->len, ==, 1);
  store = g_ptr_array_index (stores, 0);
  got = fmt_mentions_and_relations (store, TRUE);
  g_assert_cmpstr (got, ==,
                   "PER 0-11“Kim Jong Un”\n"
                   "PER 18-21“習近平”\n"
                   "FAC 25-40“Cafe\xcc\x81 Vostochny”\n"
                   "meets_with 0-11“Kim Jong Un” -> 18-21“習近平”\n");

  written = fmt_export ("prodigy", stores, NULL);
  fmt_assert_bytes_equal (written, golden);
}

/* Spans without tokens, spans by token index only, a relation by token
 * index, and a task without spans. */
static void
test_shapes (void)
{
  g_autoptr(GBytes) bytes = fmt_load ("data", "prodigy", "tasks.jsonl", NULL);
  g_autoptr(GPtrArray) stores = fmt_import ("prodigy", bytes, "tasks.jsonl");
  g_autoptr(GBytes) written = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *out = NULL;

  g_assert_cmpuint (stores->len, ==, 3);
  first = fmt_mentions_and_relations (g_ptr_array_index (stores, 0), TRUE);
  second = fmt_mentions_and_relations (g_ptr_array_index (stores, 1), TRUE);
  third = fmt_mentions_and_relations (g_ptr_array_index (stores, 2), TRUE);
  g_assert_cmpstr (first, ==, "PER 0-5“Putin”\nGPE 15-21“Moscow”\n");
  g_assert_cmpstr (second, ==,
                   "PER 0-3“習近平”\n"
                   "GPE 15-24“Pyongyang”\n"
                   "visits 0-3“習近平” -> 15-24“Pyongyang”\n");
  g_assert_cmpstr (third, ==, "");
  g_assert_cmpstr (gloss_document_get_id (gloss_store_get_document (g_ptr_array_index (stores, 0))), ==, "tasks-1");

  /* The answers come back as they were. */
  written = fmt_export ("prodigy", stores, NULL);
  out = g_strndup (g_bytes_get_data (written, NULL), g_bytes_get_size (written));
  g_assert_nonnull (strstr (out, "\"answer\":\"reject\""));
  g_assert_nonnull (strstr (out, "\"answer\":\"ignore\",\"meta\":{\"source\":\"x\"}"));
}

/* native → prodigy → native keeps every mention and relation; what
 * Prodigy cannot hold is counted. */
static void
test_round_trip (void)
{
  g_autoptr(GPtrArray) stores = fmt_load_sample ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GBytes) written = fmt_export ("prodigy", stores, report);
  g_autoptr(GPtrArray) back = fmt_import ("prodigy", written, "sample.jsonl");
  g_autofree char *before = fmt_mentions_and_relations (g_ptr_array_index (stores, 0), TRUE);
  g_autofree char *after = fmt_mentions_and_relations (g_ptr_array_index (back, 0), TRUE);
  GlossStore *store = g_ptr_array_index (stores, 0);

  fmt_assert_same_lines (before, after);
  g_assert_cmpuint (gloss_format_report_get_count (report, GLOSS_LOSS_CLAIMS), ==,
                    gloss_store_get_n_items (store, GLOSS_KIND_CLAIM));
  g_assert_cmpuint (gloss_format_report_get_count (report, GLOSS_LOSS_COREFERENCE), ==,
                    gloss_store_get_n_items (store, GLOSS_KIND_ENTITY));
  g_assert_cmpuint (gloss_format_report_get_count (report, GLOSS_LOSS_RELATIONS), ==, 0);
  g_assert_cmpuint (gloss_format_report_get_count (report, GLOSS_LOSS_MENTIONS), ==, 0);
}

static void
test_bad_spans (void)
{
  static const char *const bad[] = {
    "{\"text\":\"abc\",\"spans\":[{\"start\":0,\"end\":9,\"label\":\"X\"}]}",
    "{\"text\":\"abc\",\"spans\":[{\"start\":0,\"end\":2,\"label\":\"X\",\"text\":\"bc\"}]}",
    "{\"text\":\"abc\",\"spans\":[{\"start\":0,\"end\":2}]}",
    "{\"text\":\"abc\",\"spans\":[{\"start\":0,\"end\":2,\"label\":\"X\"}],\"relations\":[{\"head\":9,\"child\":0,\"label\":\"R\"}]}",
    "{\"spans\":[]}",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad[i], strlen (bad[i]));
      g_autoptr(GError) error = NULL;
      GlossFormatOptions options = { .where = "bad.jsonl" };
      g_autoptr(GPtrArray) stores = gloss_format_lookup ("prodigy")->import (bytes, &options, &error);

      g_assert_null (stores);
      g_assert_error (error, GLOSS_FORMAT_ERROR, (i < 2 ? GLOSS_FORMAT_ERROR_SPAN : GLOSS_FORMAT_ERROR_INVALID));
      g_assert_true (g_str_has_prefix (error->message, "bad.jsonl:1: "));
    }
}

/* "tokens" is parsed only when a span or relation needs it, but a task
 * whose tokens are not JSON, or that has two, is refused as before; and
 * tokens read late give the same spans as tokens read at once. */
static void
test_lazy_tokens (void)
{
  static const char *const bad[] = {
    "{\"text\":\"Kim\",\"tokens\":[{\"text\":\"Kim\",}],\"spans\":[]}",
    "{\"text\":\"Kim\",\"tokens\":[],\"spans\":[],\"tokens\":[]}",
    "{\"text\":\"Kim\",\"tokens\":[{\"text\":\"Kim\"}],\"tokens\":[]}",
    "{\"text\":\"Kim\",\"tokens\":[],\"spans\":[{\"token_start\":0,\"token_end\":0,\"label\":\"PER\"}]}",
    /* more after the task on its line (the reader stops after the value) */
    "{\"text\":\"Kim\",\"tokens\":[],\"spans\":[]} x",
    "{\"text\":\"Kim\",\"tokens\":[],\"spans\":[]} \xff",
  };
  /* The same task with "tokens" before and after "spans", and a relation
   * by token index. */
  static const char good[] =
    "{\"text\":\"Kim met Xi\",\"tokens\":[{\"text\":\"Kim\",\"start\":0,\"end\":3,\"id\":0},"
    "{\"text\":\"met\",\"start\":4,\"end\":7,\"id\":1},{\"text\":\"Xi\",\"start\":8,\"end\":10,\"id\":2}],"
    "\"spans\":[{\"token_start\":0,\"token_end\":0,\"label\":\"PER\"},{\"token_start\":2,\"token_end\":2,\"label\":\"PER\"}],"
    "\"relations\":[{\"head\":0,\"child\":2,\"label\":\"meets\"}]}\n"
    "{\"text\":\"Kim met Xi\","
    "\"spans\":[{\"token_start\":0,\"token_end\":0,\"label\":\"PER\"},{\"token_start\":2,\"token_end\":2,\"label\":\"PER\"}],"
    "\"relations\":[{\"head\":0,\"child\":2,\"label\":\"meets\"}],"
    "\"tokens\":[{\"text\":\"Kim\",\"start\":0,\"end\":3,\"id\":0},"
    "{\"text\":\"met\",\"start\":4,\"end\":7,\"id\":1},{\"text\":\"Xi\",\"start\":8,\"end\":10,\"id\":2}]}\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (good, strlen (good));
  g_autoptr(GPtrArray) stores = fmt_import ("prodigy", bytes, "lazy.jsonl");

  g_assert_cmpuint (stores->len, ==, 2);
  for (guint i = 0; i < stores->len; i++)
    {
      g_autofree char *got = fmt_mentions_and_relations (g_ptr_array_index (stores, i), FALSE);

      g_assert_cmpstr (got, ==, "PER 0-3“Kim”\nPER 8-10“Xi”\n");
      g_assert_cmpuint (gloss_store_get_n_items (g_ptr_array_index (stores, i), GLOSS_KIND_RELATION), ==, 1);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    fmt_assert_refused ("prodigy", bad[i], "bad.jsonl", "bad.jsonl:1: ");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/formats/prodigy/golden", test_golden);
  g_test_add_func ("/formats/prodigy/shapes", test_shapes);
  g_test_add_func ("/formats/prodigy/round-trip", test_round_trip);
  g_test_add_func ("/formats/prodigy/bad-spans", test_bad_spans);
  g_test_add_func ("/formats/prodigy/lazy-tokens", test_lazy_tokens);

  return g_test_run ();
}
