/* test-report.c: what an export could not carry, counted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "format-test-utils.h"

static GPtrArray *
load_minimal (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal.gloss", NULL);

  return fmt_load_native (path);
}

/* doccano carries mentions and relations: the claim and both entities
 * (both with a KB id) are counted; the claim's attributes and note count once,
 * as the claim. */
static void
test_doccano_counts (void)
{
  g_autoptr(GPtrArray) stores = load_minimal ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  /* the entities shape, which carries relations */
  GlossFormatOptions options = { .report = report, .variant = "entities" };

  bytes = gloss_format_export (gloss_format_lookup ("doccano"), stores, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  g_assert_cmpuint (gloss_format_report_get_count (report, GLOSS_LOSS_CLAIMS), ==, 1);
  g_assert_cmpuint (gloss_format_report_get_count (report, GLOSS_LOSS_COREFERENCE), ==, 2);
  g_assert_cmpuint (gloss_format_report_get_count (report, GLOSS_LOSS_KB), ==, 2);
  g_assert_cmpuint (gloss_format_report_get_count (report, GLOSS_LOSS_RELATIONS), ==, 0);
  g_assert_cmpuint (gloss_format_report_get_count (report, GLOSS_LOSS_ATTRIBUTES), ==, 0);
  g_assert_cmpuint (gloss_format_report_get_count (report, GLOSS_LOSS_NOTES), ==, 0);
  summary = gloss_format_report_summary (report);
  g_assert_cmpstr (summary, ==, "2 entities (coreference), 2 knowledge-base ids, 1 claim");
}

/* A format that carries everything loses nothing. */
static void
test_native_nothing (void)
{
  g_autoptr(GPtrArray) stores = load_minimal ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  GlossFormatCarries carries = gloss_format_lookup ("native")->carries;

  gloss_format_report_count_store (report, g_ptr_array_index (stores, 0), carries);
  g_assert_true (gloss_format_report_is_empty (report));
  g_assert_null (gloss_format_report_summary (report));
  g_assert_cmpuint (gloss_format_report_get_details (report)->len, ==, 0);
}

/* Attributes and notes of a kind the format carries count on their own. */
static void
test_attributes_and_notes (void)
{
  g_autoptr(GPtrArray) stores = load_minimal ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();

  gloss_format_report_count_store (report, g_ptr_array_index (stores, 0),
                                   GLOSS_CARRIES_ALL & ~(GLOSS_CARRIES_ATTRIBUTES | GLOSS_CARRIES_NOTES));
  g_assert_cmpuint (gloss_format_report_get_count (report, GLOSS_LOSS_ATTRIBUTES), ==, 1);
  g_assert_cmpuint (gloss_format_report_get_count (report, GLOSS_LOSS_NOTES), ==, 1);
  g_assert_cmpuint (gloss_format_report_get_count (report, GLOSS_LOSS_CLAIMS), ==, 0);
}

/* A document's title and language are counted where a format has no
 * place for them (prodigy, brat), not where it has (doccano, w3c). */
static void
test_titles (void)
{
  static const struct { const char *format; guint lost; } cases[] = {
    { "prodigy", 1 }, { "brat", 1 }, { "labelstudio", 1 }, { "csv", 1 },
    { "doccano", 0 }, { "jsonl", 0 }, { "w3c", 0 }, { "native", 0 },
  };
  g_autoptr(GPtrArray) stores = load_minimal ();
  GlossDocument *document = gloss_store_get_document (g_ptr_array_index (stores, 0));

  gloss_document_set_title (document, "Kim meets Putin");
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GlossFormatReport) report = gloss_format_report_new ();

      g_test_message ("%s", cases[i].format);
      gloss_format_report_count_store (report, g_ptr_array_index (stores, 0),
                                       gloss_format_lookup (cases[i].format)->carries);
      g_assert_cmpuint (gloss_format_report_get_count (report, GLOSS_LOSS_TITLES), ==, cases[i].lost);
      g_assert_cmpuint (gloss_format_report_get_count (report, GLOSS_LOSS_SPACING), ==, 0);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/formats/report/doccano-counts", test_doccano_counts);
  g_test_add_func ("/formats/report/native-nothing", test_native_nothing);
  g_test_add_func ("/formats/report/attributes-and-notes", test_attributes_and_notes);
  g_test_add_func ("/formats/report/titles", test_titles);

  return g_test_run ();
}
