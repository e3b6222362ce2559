/* test-w3c.c: W3C Web Annotation JSON-LD import and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-error.h"

#include "format-test-utils.h"

/* Entities by their first mention (or "-"), name and KB id. */
static char *
entities_to_string (GlossStore *store)
{
  GListModel *list = gloss_store_get_list (store, GLOSS_KIND_ENTITY);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossAnnotation) e = g_list_model_get_item (list, i);
      g_autoptr(GPtrArray) referrers = gloss_store_get_referrers (store, GLOSS_ENTITY (e));

      if (referrers == NULL || referrers->len == 0)
        continue;  /* nothing in W3C refers to it */
      g_string_append_printf (out, "%s %s %s “%s” ", gloss_annotation_get_id (e),
                              gloss_annotation_get_type_id (e), gloss_entity_get_kb (GLOSS_ENTITY (e)) ?
                              gloss_entity_get_kb (GLOSS_ENTITY (e)) : "-",
                              gloss_entity_get_name (GLOSS_ENTITY (e)));
      fmt_append_entity (out, store, GLOSS_ENTITY (e));
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

/* native → w3c → native: mentions, entities with names and KB ids,
 * claims with cue, claimant, about and certainty, relations with their
 * evidence, attributes and notes. */
static void
test_round_trip (void)
{
  g_autoptr(GPtrArray) stores = fmt_load_sample ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GBytes) written = fmt_export ("w3c", stores, report);
  g_autoptr(GPtrArray) back = fmt_import ("w3c", written, "sample.jsonld");
  GlossStore *before = g_ptr_array_index (stores, 0);
  GlossStore *after = g_ptr_array_index (back, 0);
  g_autofree char *m1 = fmt_mentions_and_relations (before, TRUE);
  g_autofree char *m2 = fmt_mentions_and_relations (after, TRUE);
  g_autofree char *e1 = entities_to_string (before);
  g_autofree char *e2 = entities_to_string (after);
  GListModel *claims_before = gloss_store_get_list (before, GLOSS_KIND_CLAIM);
  GListModel *claims_after = gloss_store_get_list (after, GLOSS_KIND_CLAIM);
  GListModel *relations_before = gloss_store_get_list (before, GLOSS_KIND_RELATION);
  GListModel *relations_after = gloss_store_get_list (after, GLOSS_KIND_RELATION);

  fmt_assert_same_lines (m1, m2);
  g_assert_cmpuint (gloss_store_get_n_items (after, GLOSS_KIND_ENTITY), <=,
                    gloss_store_get_n_items (before, GLOSS_KIND_ENTITY));
  fmt_assert_same_attrs_and_notes (before, after);

  /* Claims and relations, annotation by annotation (ids are kept). */
  g_assert_cmpuint (g_list_model_get_n_items (claims_after), ==, g_list_model_get_n_items (claims_before));
  for (guint i = 0; i < g_list_model_get_n_items (claims_before); i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (claims_before, i);
      GlossAnnotation *b = gloss_store_lookup (after, gloss_annotation_get_id (a));
      g_autoptr(GString) x = g_string_new (NULL);
      g_autoptr(GString) y = g_string_new (NULL);

      g_assert_nonnull (b);
      g_assert_cmpstr (gloss_annotation_get_type_id (a), ==, gloss_annotation_get_type_id (b));
      fmt_append_spans (x, before, a, GLOSS_ROLE_CONTENT);
      fmt_append_spans (x, before, a, GLOSS_ROLE_CUE);
      fmt_append_entity (x, before, gloss_claim_get_claimant (GLOSS_CLAIM (a)));
      for (guint k = 0; k < gloss_claim_get_n_about (GLOSS_CLAIM (a)); k++)
        g_string_append_printf (x, " about %s",
                                gloss_annotation_get_id (GLOSS_ANNOTATION (gloss_claim_get_about (GLOSS_CLAIM (a), k))));
      fmt_append_spans (y, after, b, GLOSS_ROLE_CONTENT);
      fmt_append_spans (y, after, b, GLOSS_ROLE_CUE);
      fmt_append_entity (y, after, gloss_claim_get_claimant (GLOSS_CLAIM (b)));
      for (guint k = 0; k < gloss_claim_get_n_about (GLOSS_CLAIM (b)); k++)
        g_string_append_printf (y, " about %s",
                                gloss_annotation_get_id (GLOSS_ANNOTATION (gloss_claim_get_about (GLOSS_CLAIM (b), k))));
      g_assert_cmpstr (x->str, ==, y->str);
      g_assert_cmpint (gloss_claim_get_certainty (GLOSS_CLAIM (a)), ==, gloss_claim_get_certainty (GLOSS_CLAIM (b)));
    }
  g_assert_cmpuint (g_list_model_get_n_items (relations_after), ==, g_list_model_get_n_items (relations_before));
  for (guint i = 0; i < g_list_model_get_n_items (relations_before); i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (relations_before, i);
      GlossAnnotation *b = gloss_store_lookup (after, gloss_annotation_get_id (a));
      g_autoptr(GString) x = g_string_new (NULL);
      g_autoptr(GString) y = g_string_new (NULL);

      g_assert_nonnull (b);
      fmt_append_spans (x, before, a, GLOSS_ROLE_EVIDENCE);
      fmt_append_spans (y, after, b, GLOSS_ROLE_EVIDENCE);
      g_assert_cmpstr (x->str, ==, y->str);
    }

  /* Entities keep their ids, names and KB ids; their notes, and those
   * nothing refers to, are counted. */
  fmt_assert_same_lines (e1, e2);
  g_assert_cmpuint (gloss_format_report_get_count (report, GLOSS_LOSS_CLAIMS), ==, 0);
  g_assert_cmpuint (gloss_format_report_get_count (report, GLOSS_LOSS_RELATIONS), ==, 0);
}

/* The jsonl fixture's documents (a claim of two fragments with claimant,
 * cue, about, certainty and note; a mention of two fragments; 🚀): the
 * W3C export reads back to the same annotations. */
static void
test_discontinuous (void)
{
  g_autoptr(GBytes) bytes = fmt_load ("data", "jsonl", "sample.jsonl", NULL);
  g_autoptr(GPtrArray) stores = fmt_import ("jsonl", bytes, "sample.jsonl");
  g_autoptr(GBytes) written = fmt_export ("w3c", stores, NULL);
  g_autoptr(GPtrArray) back = fmt_import ("w3c", written, "sample.jsonld");

  g_assert_cmpuint (back->len, ==, stores->len);
  for (guint i = 0; i < stores->len; i++)
    {
      GlossStore *a = g_ptr_array_index (stores, i);
      GlossStore *b = g_ptr_array_index (back, i);
      g_autofree char *m1 = fmt_mentions_and_relations (a, TRUE);
      g_autofree char *m2 = fmt_mentions_and_relations (b, TRUE);
      GlossAnnotation *claim = gloss_store_lookup (a, "c1");

      fmt_assert_same_lines (m1, m2);
      fmt_assert_same_attrs_and_notes (a, b);
      if (claim != NULL)
        {
          GlossAnnotation *other = gloss_store_lookup (b, "c1");
          g_autoptr(GString) x = g_string_new (NULL);
          g_autoptr(GString) y = g_string_new (NULL);

          fmt_append_spans (x, a, claim, GLOSS_ROLE_CONTENT);
          fmt_append_spans (x, a, claim, GLOSS_ROLE_CUE);
          fmt_append_entity (x, a, gloss_claim_get_claimant (GLOSS_CLAIM (claim)));
          fmt_append_spans (y, b, other, GLOSS_ROLE_CONTENT);
          fmt_append_spans (y, b, other, GLOSS_ROLE_CUE);
          fmt_append_entity (y, b, gloss_claim_get_claimant (GLOSS_CLAIM (other)));
          g_assert_cmpstr (x->str, ==, y->str);
          g_assert_nonnull (strstr (x->str, ";"));
          g_assert_cmpint (gloss_claim_get_certainty (GLOSS_CLAIM (other)), ==,
                           gloss_claim_get_certainty (GLOSS_CLAIM (claim)));
        }
    }
}

/* The hand-written collection: emoji, CJK, a combining accent; a claim
 * given by its quote alone (no position) is found by prefix and suffix. */
static void
test_golden (void)
{
  g_autoptr(GBytes) bytes = fmt_load ("data", "w3c", "golden.jsonld", NULL);
  g_autoptr(GPtrArray) stores = fmt_import ("w3c", bytes, "golden.jsonld");
  GlossStore *store;
  g_autofree char *mentions = NULL;
  GlossAnnotation *claim, *mention;
  GlossEntity *entity;
  g_autoptr(GString) claim_spans = g_string_new (NULL);

  g_assert_cmpuint (stores->len, ==, 1);
  store = g_ptr_array_index (stores, 0);
  g_assert_cmpstr (gloss_document_get_id (gloss_store_get_document (store)), ==, "kim-xi");
  g_assert_cmpstr (gloss_document_get_title (gloss_store_get_document (store)), ==, "Kim meets Xi");
  mentions = fmt_mentions_and_relations (store, TRUE);
  g_assert_cmpstr (mentions, ==,
                   "PER 0-11“Kim Jong Un”\n"
                   "EQP 12-13“🚀”\n"
                   "PER 18-21“習近平”\n"
                   "FAC 25-40“Cafe\xcc\x81 Vostochny”\n"
                   "meets_with 0-11“Kim Jong Un” -> 18-21“習近平”\n");
  mention = gloss_store_lookup (store, "m1");
  entity = gloss_mention_get_entity (GLOSS_MENTION (mention));
  g_assert_cmpstr (gloss_entity_get_kb (entity), ==, "wikidata:Q56226");
  g_assert_cmpstr (gloss_entity_get_name (entity), ==, "Kim Jong Un");
  claim = gloss_store_lookup (store, "c1");
  fmt_append_spans (claim_spans, store, claim, GLOSS_ROLE_CONTENT);
  fmt_append_spans (claim_spans, store, claim, GLOSS_ROLE_CUE);
  g_assert_cmpstr (claim_spans->str, ==, "25-40“Cafe\xcc\x81 Vostochny”14-17“met”");
  g_assert_true (gloss_claim_get_claimant (GLOSS_CLAIM (claim)) == entity);
  g_assert_cmpint (gloss_claim_get_certainty (GLOSS_CLAIM (claim)), ==, GLOSS_CERTAINTY_HEDGED);
}

static void
test_bad_input (void)
{
  static const struct { const char *json; const char *message; } bad[] = {
    { "{\"type\":\"AnnotationCollection\"}", "bad.jsonld:1: the collection has no “gloss:document”" },
    { "{\"gloss:document\":{\"id\":\"urn:gloss:d\",\"value\":\"Kim\"},\"first\":{\"items\":[{\"body\":"
      "[{\"purpose\":\"tagging\",\"value\":\"PER\"}],\"target\":{\"selector\":{\"type\":\"TextPositionSelector\","
      "\"start\":0,\"end\":9}}}]}}", "bad.jsonld:1: first.items[0].target[0]: end 9 is beyond the end of the text" },
    { "{\"gloss:document\":{\"id\":\"urn:gloss:d\",\"value\":\"Kim\"},\"first\":{\"items\":[{\"body\":"
      "[{\"purpose\":\"tagging\",\"value\":\"PER\"}],\"target\":{\"selector\":[{\"type\":\"TextPositionSelector\","
      "\"start\":0,\"end\":2},{\"type\":\"TextQuoteSelector\",\"exact\":\"Kim\"}]}}]}}",
      "bad.jsonld:1: first.items[0].target[0]: text “Kim” does not match" },
    { "{\"gloss:document\":{\"id\":\"urn:gloss:d\",\"value\":\"Kim Kim\"},\"first\":{\"items\":[{\"body\":"
      "{\"purpose\":\"tagging\",\"value\":\"PER\"},\"target\":{\"selector\":{\"type\":\"TextQuoteSelector\","
      "\"exact\":\"Kim\"}}}]}}", "bad.jsonld:1: first.items[0].target[0]: the quote “Kim” is in several places" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    fmt_assert_refused ("w3c", bad[i].json, "bad.jsonld", bad[i].message);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/formats/w3c/round-trip", test_round_trip);
  g_test_add_func ("/formats/w3c/discontinuous", test_discontinuous);
  g_test_add_func ("/formats/w3c/golden", test_golden);
  g_test_add_func ("/formats/w3c/bad-input", test_bad_input);

  return g_test_run ();
}
