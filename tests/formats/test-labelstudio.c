/* test-labelstudio.c: Label Studio task JSON import and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-error.h"

#include "format-test-utils.h"

/* Hand-written tasks: UTF-16 offsets over emoji, CJK and a combining
 * accent; a relation given before its region and pointing left; a region
 * note; a choices result; two annotators; a prediction on data that names
 * its text otherwise. */
static void
test_golden (void)
{
  g_autoptr(GBytes) bytes = fmt_load ("data", "labelstudio", "tasks.json", NULL);
  g_autoptr(GPtrArray) stores = fmt_import ("labelstudio", bytes, "tasks.json");
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *again_first = NULL;
  GlossStore *store;

  g_assert_cmpuint (stores->len, ==, 3);
  store = g_ptr_array_index (stores, 0);
  g_assert_cmpstr (gloss_document_get_id (gloss_store_get_document (store)), ==, "7.11");
  first = fmt_mentions_and_relations (store, TRUE);
  g_assert_cmpstr (first, ==,
                   "PER 0-11“Kim Jong Un”\n"
                   "EQP 12-13“🚀”\n"
                   "PER 18-21“習近平”\n"
                   "FAC 25-40“Cafe\xcc\x81 Vostochny”\n"
                   "meets_with 0-11“Kim Jong Un” -> 18-21“習近平”\n");
  g_assert_cmpstr (gloss_annotation_get_note (gloss_store_lookup (store, "m2")), ==, "the rocket emoji");

  second = fmt_mentions_and_relations (g_ptr_array_index (stores, 1), TRUE);
  g_assert_cmpstr (second, ==, "EVT 14-17“met”\n");
  g_assert_cmpstr (gloss_document_get_id (gloss_store_get_document (g_ptr_array_index (stores, 1))), ==, "7.12");
  third = fmt_mentions_and_relations (g_ptr_array_index (stores, 2), TRUE);
  g_assert_cmpstr (third, ==, "PER 0-5“Putin”\n");

  /* Written and read again: the same regions, relation, note and the
   * choices result. */
  written = fmt_export ("labelstudio", stores, NULL);
  again = fmt_import ("labelstudio", written, "again.json");
  again_first = fmt_mentions_and_relations (g_ptr_array_index (again, 0), TRUE);
  g_assert_cmpstr (again_first, ==, first);
  g_assert_cmpstr (gloss_annotation_get_note (gloss_store_lookup (g_ptr_array_index (again, 0), "m2")), ==,
                   "the rocket emoji");
  g_assert_nonnull (strstr (g_bytes_get_data (written, NULL), "\"choices\" : [\n"));
}

/* native → labelstudio → native: mentions, relations, mention notes. */
static void
test_round_trip (void)
{
  g_autoptr(GPtrArray) stores = fmt_load_sample ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GBytes) written = fmt_export ("labelstudio", stores, report);
  g_autoptr(GPtrArray) back = fmt_import ("labelstudio", written, "sample.json");
  GlossStore *before = g_ptr_array_index (stores, 0);
  g_autofree char *m1 = fmt_mentions_and_relations (before, TRUE);
  g_autofree char *m2 = fmt_mentions_and_relations (g_ptr_array_index (back, 0), TRUE);

  fmt_assert_same_lines (m1, m2);
  g_assert_cmpuint (gloss_format_report_get_count (report, GLOSS_LOSS_CLAIMS), ==,
                    gloss_store_get_n_items (before, GLOSS_KIND_CLAIM));
  g_assert_cmpuint (gloss_format_report_get_count (report, GLOSS_LOSS_COREFERENCE), ==,
                    gloss_store_get_n_items (before, GLOSS_KIND_ENTITY));
}

/* --offsets codepoints reads files from tools that count code points;
 * the wrong unit is named when a region's text shows it. */
static void
test_offsets (void)
{
  const char *json = "[{\"data\":{\"text\":\"🚀 Kim\"},\"annotations\":[{\"result\":[{\"id\":\"a\",\"type\":\"labels\","
                     "\"value\":{\"start\":2,\"end\":5,\"text\":\"Kim\",\"labels\":[\"PER\"]}}]}]}]";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  GlossFormatOptions options = { .offsets = GLOSS_OFFSET_CODEPOINTS, .offsets_set = TRUE, .where = "cp.json" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stores = gloss_format_lookup ("labelstudio")->import (bytes, &options, &error);
  g_autofree char *mentions = NULL;

  g_assert_no_error (error);
  mentions = fmt_mentions_and_relations (g_ptr_array_index (stores, 0), FALSE);
  g_assert_cmpstr (mentions, ==, "PER 2-5“Kim”\n");

  fmt_assert_refused ("labelstudio", json, "cp.json", "cp.json: [0]: annotations[0].result[0]: text “Kim” does not match");
}

static void
test_bad_input (void)
{
  static const struct { const char *json; const char *message; } bad[] = {
    { "[{\"annotations\":[]}]", "bad.json: [0]: data: a task needs a “data” object" },
    { "[{\"data\":{\"a\":\"x\",\"b\":\"y\"}}]", "bad.json: [0]: data: no “text”" },
    { "[{\"data\":{\"text\":\"Kim\"},\"annotations\":[{\"result\":[{\"type\":\"relation\",\"from_id\":\"a\",\"to_id\":\"b\"}]}]}]",
      "bad.json: [0]: annotations[0].result[0]: “from_id” a names no region" },
    { "[{\"data\":{\"text\":\"Kim\"},\"annotations\":[{\"result\":[{\"type\":\"labels\",\"value\":{\"start\":0,\"end\":3}}]}]}]",
      "bad.json: [0]: annotations[0].result[0]: a region without “labels”" },
    /* JSON Lines: more after the task on its line */
    { "{\"data\":{\"text\":\"Kim\"},\"annotations\":[]} {}", "bad.json:1: malformed JSON at line 1, column 42" },
    { "{\"data\":{\"text\":\"Kim\"},\"annotations\":[]} \xff", "bad.json:1: not valid UTF-8 at byte 41" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    fmt_assert_refused ("labelstudio", bad[i].json, "bad.json", bad[i].message);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/formats/labelstudio/golden", test_golden);
  g_test_add_func ("/formats/labelstudio/round-trip", test_round_trip);
  g_test_add_func ("/formats/labelstudio/offsets", test_offsets);
  g_test_add_func ("/formats/labelstudio/bad-input", test_bad_input);

  return g_test_run ();
}
