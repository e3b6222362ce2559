/* test-conll.c: CoNLL IOB2 import and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-error.h"

#include "format-test-utils.h"

#define CAFE "Cafe\xcc\x81"

/* Emoji, CJK, a combining accent, a possessive; "Kim" inside "Kim Jong
 * Un" and "Korea’s leader" across "North Korea", both left out. */
static GPtrArray *
golden_stores (void)
{
  static const struct { const char *id; const char *type; guint start, end; } mentions[] = {
    { "m1", "PER", 0, 11 }, { "m2", "PER", 0, 3 }, { "m3", "PER", 18, 21 },
    { "m4", "FAC", 25, 40 }, { "m5", "GPE", 42, 53 }, { "m6", "ORG", 48, 62 },
    { "m7", "LOC", 73, 75 },
  };
  GPtrArray *stores = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossSchema) schema = gloss_schema_new_default ();
  g_autoptr(GlossDocument) first = NULL;
  g_autoptr(GlossDocument) second = NULL;
  g_autoptr(GError) error = NULL;
  GlossStore *store;

  first = gloss_document_new_from_text ("Kim Jong Un 🚀 met 習近平 at " CAFE " Vostochny. "
                                        "North Korea’s leader left.\n這是一個測試。", -1, "golden", &error);
  g_assert_no_error (error);
  gloss_document_set_id (first, "golden");
  store = gloss_store_new (first, schema);
  for (gsize i = 0; i < G_N_ELEMENTS (mentions); i++)
    {
      GlossSpan span = { mentions[i].start, mentions[i].end };
      g_autoptr(GlossMention) mention = gloss_mention_new (mentions[i].type, &span, 1);

      gloss_annotation_set_id (GLOSS_ANNOTATION (mention), mentions[i].id);
      g_assert_true (gloss_store_load_add (store, GLOSS_ANNOTATION (mention), &error));
      g_assert_no_error (error);
    }
  g_ptr_array_add (stores, store);

  second = gloss_document_new_from_text ("Nothing here.", -1, "second", &error);
  g_assert_no_error (error);
  g_ptr_array_add (stores, gloss_store_new (second, schema));

  return stores;
}

static void
test_golden_export (void)
{
  g_autoptr(GPtrArray) stores = golden_stores ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GBytes) golden = fmt_load ("data", "conll", "golden.conll", NULL);
  g_autoptr(GBytes) written = fmt_export ("conll", stores, report);
  GPtrArray *details = gloss_format_report_get_details (report);

  fmt_assert_bytes_equal (written, golden);
  g_assert_cmpuint (gloss_format_report_get_count (report, GLOSS_LOSS_MENTIONS), ==, 2);
  /* The two sentences on one line come back on two: its spacing is
   * lost, the other document's ("Nothing here.") is not. */
  g_assert_cmpuint (gloss_format_report_get_count (report, GLOSS_LOSS_SPACING), ==, 1);
  g_assert_cmpuint (details->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (details, 0), ==,
                   "golden: m2 PER 0–3 “Kim” is inside m1 PER 0–11 “Kim Jong Un”; left out");
  g_assert_cmpstr (g_ptr_array_index (details, 1), ==,
                   "golden: m6 ORG 48–62 “Korea’s leader” overlaps m5 GPE 42–53 “North Korea”; left out");
  g_assert_cmpstr (g_ptr_array_index (details, 2), ==,
                   "golden: its text is read back with the spaces CoNLL implies, not its own");
}

/* The golden file reads back to exactly the mentions kept, token for
 * token, and writes back byte for byte. */
static void
test_golden_import (void)
{
  g_autoptr(GBytes) golden = fmt_load ("data", "conll", "golden.conll", NULL);
  g_autoptr(GPtrArray) stores = fmt_import ("conll", golden, "golden.conll");
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autofree char *first = NULL;
  GlossDocument *document;

  g_assert_cmpuint (stores->len, ==, 2);
  document = gloss_store_get_document (g_ptr_array_index (stores, 0));
  g_assert_cmpstr (gloss_document_get_text (document), ==,
                   "Kim Jong Un 🚀 met 習近平 at " CAFE " Vostochny.\n"
                   "North Korea’s leader left.\n這是一個測試。");
  g_assert_cmpstr (gloss_document_get_id (document), ==, "golden-1");
  first = fmt_mentions_and_relations (g_ptr_array_index (stores, 0), FALSE);
  g_assert_cmpstr (first, ==,
                   "PER 0-11“Kim Jong Un”\n"
                   "PER 18-21“習近平”\n"
                   "FAC 25-40“" CAFE " Vostochny”\n"
                   "GPE 42-53“North Korea”\n"
                   "LOC 73-75“測試”\n");
  g_assert_cmpstr (gloss_document_get_text (gloss_store_get_document (g_ptr_array_index (stores, 1))),
                   ==, "Nothing here.");

  again = fmt_export ("conll", stores, report);
  fmt_assert_bytes_equal (again, golden);
  g_assert_true (gloss_format_report_is_empty (report));
}

/* BIOES and IOB1 tags, tabs, CRLF; the text rebuilt with spaces where
 * they belong around quotes and brackets. */
static void
test_shapes (void)
{
  g_autoptr(GBytes) bytes = fmt_load ("data", "conll", "shapes.conll", NULL);
  g_autoptr(GPtrArray) stores = fmt_import ("conll", bytes, "shapes.conll");
  g_autofree char *mentions = NULL;
  GlossStore *store;

  g_assert_cmpuint (stores->len, ==, 1);
  store = g_ptr_array_index (stores, 0);
  g_assert_cmpstr (gloss_document_get_text (gloss_store_get_document (store)), ==,
                   "Putin met Kim Jong Un.\nIn North Korea, \"we won\" (said Kim).");
  mentions = fmt_mentions_and_relations (store, FALSE);
  g_assert_cmpstr (mentions, ==,
                   "PER 0-5“Putin”\n"
                   "PER 10-21“Kim Jong Un”\n"
                   "GPE 26-37“North Korea”\n"
                   "PER 54-57“Kim”\n");
}

/* native → conll → native: every mention of the sample that does not
 * overlap another comes back, token for token, and the rest are named. */
static void
test_round_trip (void)
{
  g_autoptr(GPtrArray) stores = fmt_load_sample ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GBytes) written = fmt_export ("conll", stores, report);
  g_autoptr(GPtrArray) back = fmt_import ("conll", written, "sample.conll");
  GlossStore *store = g_ptr_array_index (stores, 0);
  GlossStore *read = g_ptr_array_index (back, 0);
  GListModel *before = gloss_store_get_list (store, GLOSS_KIND_MENTION);
  GListModel *after = gloss_store_get_list (read, GLOSS_KIND_MENTION);
  guint left_out = gloss_format_report_get_count (report, GLOSS_LOSS_MENTIONS);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GString) got = g_string_new (NULL);
  guint last_end = 0;

  g_assert_cmpuint (left_out, >, 0);
  /* Each mention left out is named, and the text whose spacing is lost. */
  g_assert_cmpuint (gloss_format_report_get_details (report)->len, ==,
                    left_out + gloss_format_report_get_count (report, GLOSS_LOSS_SPACING));
  g_assert_cmpuint (g_list_model_get_n_items (after) + left_out, ==, g_list_model_get_n_items (before));

  /* The kept ones: by start, the longest first, none overlapping the last kept. */
  {
    g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (GlossSpan));
    g_autoptr(GPtrArray) types = g_ptr_array_new ();

    for (guint i = 0; i < g_list_model_get_n_items (before); i++)
      {
        g_autoptr(GlossAnnotation) m = g_list_model_get_item (before, i);
        GlossSpan span = { gloss_annotation_get_start (m), gloss_annotation_get_end (m) };
        guint k = 0;

        while (k < spans->len &&
               (g_array_index (spans, GlossSpan, k).start < span.start ||
                (g_array_index (spans, GlossSpan, k).start == span.start &&
                 g_array_index (spans, GlossSpan, k).end >= span.end)))
          k++;
        g_array_insert_val (spans, k, span);
        g_ptr_array_insert (types, k, (gpointer) gloss_annotation_get_type_id (m));
      }
    for (guint i = 0; i < spans->len; i++)
      {
        GlossSpan *span = &g_array_index (spans, GlossSpan, i);
        g_autofree char *text = NULL;

        if (i > 0 && span->start < last_end)
          continue;
        last_end = span->end;
        text = gloss_document_dup_slice (gloss_store_get_document (store), span->start, span->end);
        g_string_append_printf (expected, "%s %s\n", (const char *) g_ptr_array_index (types, i), text);
      }
  }
  for (guint i = 0; i < g_list_model_get_n_items (after); i++)
    {
      g_autoptr(GlossAnnotation) m = g_list_model_get_item (after, i);
      g_autofree char *text = gloss_document_dup_slice (gloss_store_get_document (read),
                                                        gloss_annotation_get_start (m),
                                                        gloss_annotation_get_end (m));

      g_string_append_printf (got, "%s %s\n", gloss_annotation_get_type_id (m), text);
    }
  g_assert_cmpstr (got->str, ==, expected->str);

  g_assert_cmpuint (gloss_format_report_get_count (report, GLOSS_LOSS_CLAIMS), ==,
                    gloss_store_get_n_items (store, GLOSS_KIND_CLAIM));
  g_assert_cmpuint (gloss_format_report_get_count (report, GLOSS_LOSS_RELATIONS), ==,
                    gloss_store_get_n_items (store, GLOSS_KIND_RELATION));
}

/* Real files: spaCy's example in three layouts and doccano's CoNLL. */
static void
test_corpora (void)
{
  static const struct { const char *dir, *file, *mentions; } files[] = {
    { "spacy-ner-example", "ner-token-per-line-conll2003.iob",
      "PERSON Sebastian Thrun\nORG Google\nDATE 2007\nNORP American\nPERSON Thrun\nORG Recode\nDATE earlier this week\n" },
    { "spacy-ner-example", "ner-token-per-line.iob", NULL },
    { "spacy-ner-example", "ner-token-per-line-with-pos.iob", NULL },
    { "doccano", "import-sequence_labeling.conll.txt", "ORG EU\nMISC German\nMISC British\nPER Peter Blackburn\n" },
    { "doccano", "tests-sequence_labeling.conll", "LOC JAPAN\nPER Nadim Ladki\n" },
  };
  g_autofree char *reference = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GBytes) bytes = fmt_load ("data", "conll", files[i].dir, files[i].file, NULL);
      g_autoptr(GPtrArray) stores = fmt_import ("conll", bytes, files[i].file);
      g_autoptr(GString) got = g_string_new (NULL);

      for (guint s = 0; s < stores->len; s++)
        {
          GlossStore *store = g_ptr_array_index (stores, s);
          GListModel *list = gloss_store_get_list (store, GLOSS_KIND_MENTION);

          for (guint k = 0; k < g_list_model_get_n_items (list); k++)
            {
              g_autoptr(GlossAnnotation) m = g_list_model_get_item (list, k);
              g_autofree char *text = gloss_document_dup_slice (gloss_store_get_document (store),
                                                                gloss_annotation_get_start (m),
                                                                gloss_annotation_get_end (m));

              g_string_append_printf (got, "%s %s\n", gloss_annotation_get_type_id (m), text);
            }
        }

      if (files[i].mentions != NULL)
        {
          g_assert_cmpstr (got->str, ==, files[i].mentions);
          if (reference == NULL)
            reference = g_strdup (got->str);
        }
      else
        g_assert_cmpstr (got->str, ==, reference);  /* the same sentences, other layouts */
    }
}

static void
test_bad_input (void)
{
  static const struct { const char *text; const char *message; } bad[] = {
    { "Kim B-PER\nJong\n", "bad.conll:2: “Jong” is not a token and a tag" },
    { "Kim X-PER\n", "bad.conll:1: “X-PER” is not an IOB tag" },
    { "When|WRB|O Sebastian|NNP|B-PERSON\n", "bad.conll:1: “Sebastian|NNP|B-PERSON” is not an IOB tag" },
    { "Kim B-PER\n\xff\n", "bad.conll:2: not valid UTF-8" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    fmt_assert_refused ("conll", bad[i].text, "bad.conll", bad[i].message);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/formats/conll/golden-export", test_golden_export);
  g_test_add_func ("/formats/conll/golden-import", test_golden_import);
  g_test_add_func ("/formats/conll/shapes", test_shapes);
  g_test_add_func ("/formats/conll/round-trip", test_round_trip);
  g_test_add_func ("/formats/conll/corpora", test_corpora);
  g_test_add_func ("/formats/conll/bad-input", test_bad_input);

  return g_test_run ();
}
