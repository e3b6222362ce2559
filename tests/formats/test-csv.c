/* test-csv.c: the CSV of mentions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "format-test-utils.h"

#define CAFE "Cafe\xcc\x81"

/* Quotes, a comma, emoji, CJK and a combining accent; an entity with a KB
 * id; a mention of two fragments is two rows. */
static void
test_golden (void)
{
  static const char expected[] =
    "document,mention,start,end,text,type,entity,entity_name,kb\r\n"
    "doc,m1,0,16,\"Kim \"\"Rocket Man\"\"\",PER,e1,\"Kim Jong Un, leader\",wikidata:Q56226\r\n"
    "doc,m2,18,21,習近平,PER,,,\r\n"
    "doc,m3,22,23,🚀,EQP,,,\r\n"
    "doc,m4,24,26,Ca,FAC,,,\r\n"
    "doc,m4,26,29,fe\xcc\x81,FAC,,,\r\n";
  static const char expected_utf16[] = "doc,m3,22,24,🚀,EQP,,,\r\ndoc,m4,25,27,Ca,FAC,,,\r\n";
  g_autoptr(GlossSchema) schema = gloss_schema_new_default ();
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GPtrArray) stores = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossEntity) entity = gloss_entity_new ("PER", "Kim Jong Un, leader");
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) utf16 = NULL;
  g_autoptr(GError) error = NULL;
  GlossFormatOptions options = { .offsets = GLOSS_OFFSET_UTF16, .offsets_set = TRUE };
  const GlossSpan spans[][2] = {
    { { 0, 16 } }, { { 18, 21 } }, { { 22, 23 } }, { { 24, 26 }, { 26, 29 } },
  };
  const char *types[] = { "PER", "PER", "EQP", "FAC" };
  GlossStore *store;

  document = gloss_document_new_from_text ("Kim \"Rocket Man\", 習近平 🚀 " CAFE ".", -1, "doc", &error);
  g_assert_no_error (error);
  gloss_document_set_id (document, "doc");
  store = gloss_store_new (document, schema);
  g_ptr_array_add (stores, store);
  gloss_annotation_set_id (GLOSS_ANNOTATION (entity), "e1");
  gloss_entity_set_kb (entity, "wikidata:Q56226");
  g_assert_true (gloss_store_load_add (store, GLOSS_ANNOTATION (entity), &error));
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GlossMention) m = gloss_mention_new (types[i], spans[i], i == 3 ? 2 : 1);
      g_autofree char *id = g_strdup_printf ("m%u", i + 1);

      gloss_annotation_set_id (GLOSS_ANNOTATION (m), id);
      if (i == 0)
        gloss_mention_set_entity (m, entity);
      g_assert_true (gloss_store_load_add (store, GLOSS_ANNOTATION (m), &error));
      g_assert_no_error (error);
    }

  written = fmt_export ("csv", stores, NULL);
  g_assert_cmpmem (g_bytes_get_data (written, NULL), g_bytes_get_size (written), expected, strlen (expected));

  utf16 = gloss_format_export (gloss_format_lookup ("csv"), stores, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (g_bytes_get_data (utf16, NULL), expected_utf16));
}

/* Every row of the sample: its text is the document's at its offsets. */
static void
test_sample (void)
{
  g_autoptr(GPtrArray) stores = fmt_load_sample ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GBytes) written = fmt_export ("csv", stores, report);
  GlossStore *store = g_ptr_array_index (stores, 0);
  g_auto(GStrv) rows = g_strsplit (g_bytes_get_data (written, NULL), "\r\n", -1);

  /* Header, one row per mention (none has fragments), and the empty end. */
  g_assert_cmpuint (g_strv_length (rows), ==, gloss_store_get_n_items (store, GLOSS_KIND_MENTION) + 2);
  g_assert_cmpuint (gloss_format_report_get_count (report, GLOSS_LOSS_CLAIMS), ==,
                    gloss_store_get_n_items (store, GLOSS_KIND_CLAIM));
  g_assert_cmpuint (gloss_format_report_get_count (report, GLOSS_LOSS_RELATIONS), ==,
                    gloss_store_get_n_items (store, GLOSS_KIND_RELATION));
  g_assert_cmpuint (gloss_format_report_get_count (report, GLOSS_LOSS_COREFERENCE), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/formats/csv/golden", test_golden);
  g_test_add_func ("/formats/csv/sample", test_sample);

  return g_test_run ();
}
