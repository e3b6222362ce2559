/* test-report.c: what an export could not carry, counted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "format-test-utils.h"
#include "gloss-format-dataset.h"

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

/* Every count and every "where" of @a and @b alike. */
static void
assert_same_report (GlossFormatReport *a,
                    GlossFormatReport *b)
{
  GPtrArray *da = gloss_format_report_get_details (a);
  GPtrArray *db = gloss_format_report_get_details (b);

  for (GlossLoss loss = 0; loss < GLOSS_N_LOSSES; loss++)
    g_assert_cmpuint (gloss_format_report_get_count (a, loss), ==, gloss_format_report_get_count (b, loss));
  g_assert_cmpuint (da->len, ==, db->len);
  for (guint i = 0; i < da->len; i++)
    g_assert_cmpstr (g_ptr_array_index (da, i), ==, g_ptr_array_index (db, i));
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                    G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFileInfo) owned = info;
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (owned));

      remove_tree (child);
    }
  g_file_delete (file, NULL, NULL);
}

/* The Export dialog's preview (gloss_format_count_losses()) says what the
 * export writes without, to the count and the place: for every format
 * (doccano in both shapes), the sample article and a document with a
 * note, attributes and fragments on every kind, an entity no mention
 * names, claims, relations and evidence. Issue: W3C's preview said
 * nothing was lost while its writer dropped the entities' notes. */
static void
test_preview_is_export (void)
{
  g_autofree char *every_loss = g_test_build_filename (G_TEST_DIST, "data", "every-loss.gloss", NULL);
  g_autofree char *tmp = g_dir_make_tmp ("report-XXXXXX", NULL);
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  const GlossFormat **formats = gloss_format_list ();
  guint n = 0;

  g_assert_nonnull (tmp);
  g_ptr_array_add (documents, fmt_load_sample ());
  g_ptr_array_add (documents, fmt_load_native (every_loss));
  for (guint d = 0; d < documents->len; d++)
    for (guint f = 0; formats[f] != NULL; f++)
      for (guint v = 0; v < 2; v++)
        {
          const GlossFormat *format = formats[f];
          GPtrArray *stores = g_ptr_array_index (documents, d);
          g_autoptr(GlossFormatReport) preview = gloss_format_report_new ();
          g_autoptr(GlossFormatReport) written = gloss_format_report_new ();
          g_autofree char *name = g_strdup_printf ("%u-%s-%u.%s", d, format->name, v, format->extension);
          g_autofree char *path = g_build_filename (tmp, name, NULL);
          g_autoptr(GFile) target = g_file_new_for_path (path);
          g_autoptr(GError) error = NULL;
          GlossFormatOptions options = { 0 };

          if (format->export == NULL && format->export_files == NULL)
            continue;
          if (v == 1 && !g_str_equal (format->name, "doccano"))
            continue;
          if (g_str_equal (format->name, "doccano"))
            options.variant = v == 1 ? "entities" : "label";
          g_test_message ("document %u, %s %s", d, format->name, options.variant ? options.variant : "");

          options.report = preview;
          g_assert_true (gloss_format_count_losses (format, stores, &options, &error));
          g_assert_no_error (error);
          options.report = written;
          g_assert_true (gloss_format_write_dataset (format, stores, &options, target, FALSE, &error));
          g_assert_no_error (error);
          assert_same_report (preview, written);
          remove_tree (target);
          n++;
        }
  /* Nine formats export, doccano in two shapes, two documents. */
  g_assert_cmpuint (n, ==, 20);
  g_assert_cmpint (g_rmdir (tmp), ==, 0);
}

/* What the sample loses in W3C and brat, as the tester found it: the
 * notes of its entities, and in brat the evidence of its relations. */
static void
test_preview_sample (void)
{
  static const struct { const char *format; const char *summary; } cases[] = {
    { "w3c", "3 notes" },
    { "jsonl", NULL },
    { "native", NULL },
  };
  g_autoptr(GPtrArray) stores = fmt_load_sample ();

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *summary = NULL;
      GlossFormatOptions options = { .report = report };

      g_assert_true (gloss_format_count_losses (gloss_format_lookup (cases[i].format), stores, &options, &error));
      g_assert_no_error (error);
      summary = gloss_format_report_summary (report);
      g_assert_cmpstr (summary, ==, cases[i].summary);
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
  g_test_add_func ("/formats/report/preview-is-export", test_preview_is_export);
  g_test_add_func ("/formats/report/preview-sample", test_preview_sample);

  return g_test_run ();
}
