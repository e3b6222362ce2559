/* test-format-stream.c: exports written, and imports handed over, one
 * document at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "format-test-utils.h"
#include "gloss-error.h"
#include "gloss-format-stream.h"

/* The sample article, the jsonl samples (claims, fragments, relations,
 * attributes, notes) and the W3C golden document (emoji, CJK, combining
 * marks). */
static GPtrArray *
documents (void)
{
  GPtrArray *all = fmt_load_sample ();
  const char *files[][3] = {
    { "jsonl", "jsonl", "sample.jsonl" },
    { "jsonl", "jsonl", "sample-b.jsonl" },
    { "w3c", "w3c", "golden.jsonld" },
  };

  for (gsize f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autoptr(GBytes) bytes = fmt_load ("data", files[f][1], files[f][2], NULL);
      g_autoptr(GPtrArray) stores = fmt_import (files[f][0], bytes, files[f][2]);

      for (guint i = 0; i < stores->len; i++)
        g_ptr_array_add (all, g_object_ref (g_ptr_array_index (stores, i)));
    }
  g_assert_cmpuint (all->len, >=, 4);
  return all;
}

static void
append (GString *out,
        GBytes  *bytes)
{
  gsize size;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  g_assert_nonnull (bytes);
  g_string_append_len (out, data, size);
}

static void
assert_same_report (GlossFormatReport *a,
                    GlossFormatReport *b)
{
  g_autofree char *summary_a = gloss_format_report_summary (a);
  g_autofree char *summary_b = gloss_format_report_summary (b);
  GPtrArray *details_a = gloss_format_report_get_details (a);
  GPtrArray *details_b = gloss_format_report_get_details (b);

  g_assert_cmpstr (summary_a, ==, summary_b);
  g_assert_cmpuint (details_a->len, ==, details_b->len);
  for (guint i = 0; i < details_a->len; i++)
    g_assert_cmpstr (g_ptr_array_index (details_a, i), ==, g_ptr_array_index (details_b, i));
}

/* Every format that streams writes, one document at a time, the same
 * bytes and the same report as its export of them all at once: none,
 * one (W3C: an object, not an array) and several. */
static void
test_same_as_export (void)
{
  g_autoptr(GPtrArray) all = documents ();
  const GlossFormat **formats = gloss_format_list ();
  guint n_streaming = 0;

  for (gsize f = 0; formats[f] != NULL; f++)
    {
      const GlossFormat *format = formats[f];

      if (!gloss_format_streams (format))
        continue;
      n_streaming++;
      for (guint n = 0; n <= all->len; n++)
        {
          g_autoptr(GPtrArray) some = g_ptr_array_new ();
          g_autoptr(GlossFormatReport) whole_report = gloss_format_report_new ();
          g_autoptr(GlossFormatReport) stream_report = gloss_format_report_new ();
          GlossFormatOptions whole_options = { .where = "out", .report = whole_report };
          GlossFormatOptions stream_options = { .where = "out", .report = stream_report };
          g_autoptr(GlossFormatStream) stream = gloss_format_stream_new (format, &stream_options);
          g_autoptr(GBytes) whole = NULL;
          g_autoptr(GBytes) end = NULL;
          g_autoptr(GError) error = NULL;
          g_autoptr(GString) streamed = g_string_new (NULL);

          for (guint i = 0; i < n; i++)
            g_ptr_array_add (some, g_ptr_array_index (all, i));
          whole = gloss_format_export (format, some, &whole_options, &error);
          g_assert_no_error (error);

          for (guint i = 0; i < n; i++)
            {
              g_autoptr(GBytes) bytes = gloss_format_stream_add (stream, g_ptr_array_index (some, i), &error);

              g_assert_no_error (error);
              append (streamed, bytes);
            }
          end = gloss_format_stream_end (stream, &error);
          g_assert_no_error (error);
          append (streamed, end);

          g_test_message ("%s, %u documents: %zu bytes", format->name, n, streamed->len);
          g_assert_cmpmem (streamed->str, streamed->len,
                           g_bytes_get_data (whole, NULL), g_bytes_get_size (whole));
          assert_same_report (whole_report, stream_report);
        }
    }
  /* jsonl, doccano, prodigy, conll, w3c, labelstudio, csv */
  g_assert_cmpuint (n_streaming, ==, 7);
  g_assert_false (gloss_format_streams (gloss_format_lookup ("native")));
  g_assert_false (gloss_format_streams (gloss_format_lookup ("brat")));
}

static gboolean
take_document (GlossStore  *store,
               gpointer     data,
               GError     **error)
{
  GPtrArray *taken = data;

  if (taken->len == 2)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO, "no room for a third");
      return FALSE;
    }
  g_ptr_array_add (taken, g_object_ref (store));
  return TRUE;
}

/* An import with a document function hands every document over as it is
 * read, in order, the same as it returns them without one; a record with
 * problems (with a log) is not handed over; the function's error stops
 * the import. */
static void
test_import_hands_over (void)
{
  static const char *const inputs[][2] = {
    { "jsonl", "sample.jsonl" },
    { "prodigy", "tasks.jsonl" },
    { "labelstudio", "tasks.json" },
    { "w3c", "golden.jsonld" },
    { "doccano", "import-relation_extraction.jsonl" },
  };

  for (gsize f = 0; f < G_N_ELEMENTS (inputs); f++)
    {
      g_autoptr(GBytes) bytes = fmt_load ("data", inputs[f][0], inputs[f][1], NULL);
      g_autoptr(GPtrArray) returned = fmt_import (inputs[f][0], bytes, inputs[f][1]);
      g_autoptr(GPtrArray) taken = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) left = NULL;
      g_autoptr(GError) error = NULL;
      GlossFormatOptions options = { .where = inputs[f][1], .document = take_document, .document_data = taken };

      left = gloss_format_lookup (inputs[f][0])->import (bytes, &options, &error);
      if (returned->len > 2)
        {
          g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO);
          g_assert_null (left);
          continue;
        }
      g_assert_no_error (error);
      g_assert_cmpuint (left->len, ==, 0);
      g_assert_cmpuint (taken->len, ==, returned->len);
      for (guint i = 0; i < taken->len; i++)
        {
          g_autofree char *a = fmt_mentions_and_relations (g_ptr_array_index (returned, i), TRUE);
          g_autofree char *b = fmt_mentions_and_relations (g_ptr_array_index (taken, i), TRUE);

          g_assert_cmpstr (gloss_document_get_id (gloss_store_get_document (g_ptr_array_index (taken, i))), ==,
                           gloss_document_get_id (gloss_store_get_document (g_ptr_array_index (returned, i))));
          g_assert_cmpstr (a, ==, b);
        }
    }

  /* With a log: the bad second record is logged and not handed over. */
  {
    static const char input[] =
      "{\"text\":\"Kim\",\"spans\":[{\"start\":0,\"end\":3,\"label\":\"PER\"}]}\n"
      "{\"text\":\"Xi\",\"spans\":[{\"start\":0,\"end\":9,\"label\":\"PER\"}]}\n"
      "{\"text\":\"Lee\",\"spans\":[]}\n";
    g_autoptr(GBytes) bytes = g_bytes_new_static (input, strlen (input));
    g_autoptr(GPtrArray) taken = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(GlossImportLog) log = gloss_import_log_new ();
    g_autoptr(GPtrArray) left = NULL;
    g_autoptr(GError) error = NULL;
    GlossFormatOptions options = { .where = "log.jsonl", .log = log, .document = take_document,
                                   .document_data = taken };

    left = gloss_format_lookup ("prodigy")->import (bytes, &options, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (left->len, ==, 0);
    g_assert_cmpuint (taken->len, ==, 2);
    g_assert_cmpstr (gloss_document_get_text (gloss_store_get_document (g_ptr_array_index (taken, 1))), ==, "Lee");
    g_assert_cmpuint (log->skipped->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (log->skipped, 0), ==, "log.jsonl:2");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/formats/stream/same-as-export", test_same_as_export);
  g_test_add_func ("/formats/stream/import-hands-over", test_import_hands_over);
  return g_test_run ();
}
