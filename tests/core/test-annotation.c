/* test-annotation.c: the annotation objects on their own (drafts)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-store.h"

static void
test_spans_normalized (void)
{
  GlossSpan spans[] = { { 30, 40 }, { 5, 9 }, { 30, 40 }, { 5, 12 } };
  g_autoptr(GlossMention) m = gloss_mention_new ("PER", spans, G_N_ELEMENTS (spans));
  const GlossSpan *got;
  guint n;

  got = gloss_annotation_get_spans (GLOSS_ANNOTATION (m), GLOSS_ROLE_CONTENT, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (got[0].start, ==, 5);
  g_assert_cmpuint (got[0].end, ==, 9);
  g_assert_cmpuint (got[1].end, ==, 12);
  g_assert_cmpuint (got[2].start, ==, 30);
  g_assert_cmpuint (gloss_annotation_get_start (GLOSS_ANNOTATION (m)), ==, 5);
  g_assert_cmpuint (gloss_annotation_get_end (GLOSS_ANNOTATION (m)), ==, 40);

  /* Setting spans from the annotation's own array is safe. */
  gloss_annotation_set_spans (GLOSS_ANNOTATION (m), GLOSS_ROLE_CONTENT, got, 1);
  got = gloss_annotation_get_spans (GLOSS_ANNOTATION (m), GLOSS_ROLE_CONTENT, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (got[0].end, ==, 9);
  gloss_annotation_set_spans (GLOSS_ANNOTATION (m), GLOSS_ROLE_CONTENT, got, 1);
  g_assert_cmpuint (gloss_annotation_get_spans (GLOSS_ANNOTATION (m), GLOSS_ROLE_CONTENT, &n)[0].start, ==, 5);

  /* Mentions have no cue. */
  g_assert_null (gloss_annotation_get_spans (GLOSS_ANNOTATION (m), GLOSS_ROLE_CUE, &n));
  g_assert_cmpuint (n, ==, 0);
  g_assert_finalize_object (g_steal_pointer (&m));
}

static void
test_copy_equal (void)
{
  GlossSpan span = { 1, 4 };
  GlossSpan cue[] = { { 10, 14 }, { 20, 22 } };
  g_autoptr(GlossEntity) kim = gloss_entity_new ("PER", "Kim Jong Un");
  g_autoptr(GlossEntity) putin = gloss_entity_new ("PER", "Vladimir Putin");
  g_autoptr(GlossClaim) claim = gloss_claim_new ("quote", &span, 1);
  g_autoptr(GlossAnnotation) copy = NULL;
  g_autoptr(JsonNode) value = json_node_new (JSON_NODE_VALUE);
  g_autoptr(JsonObject) extra = json_object_new ();
  guint n;

  gloss_annotation_set_id (GLOSS_ANNOTATION (kim), "e1");
  gloss_annotation_set_id (GLOSS_ANNOTATION (putin), "e2");
  gloss_entity_set_kb (kim, "wikidata:Q56226");
  g_assert_cmpstr (gloss_entity_get_kb (kim), ==, "wikidata:Q56226");
  gloss_entity_set_kb (kim, "");
  g_assert_null (gloss_entity_get_kb (kim));

  gloss_annotation_set_id (GLOSS_ANNOTATION (claim), "a-rather-long-claim-id-0001");
  gloss_claim_set_claimant (claim, kim);
  gloss_claim_add_about (claim, putin);
  gloss_claim_add_about (claim, putin);
  gloss_claim_set_certainty (claim, GLOSS_CERTAINTY_HEDGED);
  gloss_annotation_set_spans (GLOSS_ANNOTATION (claim), GLOSS_ROLE_CUE, cue, 2);
  gloss_annotation_set_note (GLOSS_ANNOTATION (claim), "check the translation");
  gloss_annotation_set_status (GLOSS_ANNOTATION (claim), GLOSS_STATUS_SUGGESTED);
  gloss_annotation_set_author (GLOSS_ANNOTATION (claim), "analyst");
  gloss_annotation_set_created (GLOSS_ANNOTATION (claim), 1795000000);
  json_node_set_boolean (value, TRUE);
  gloss_annotation_set_attr (GLOSS_ANNOTATION (claim), "negated", value);
  json_object_set_int_member (extra, "x-score", 3);
  gloss_annotation_set_extra (GLOSS_ANNOTATION (claim), extra);

  g_assert_cmpuint (gloss_claim_get_n_about (claim), ==, 1);
  g_assert_true (gloss_claim_is_about (claim, putin));
  g_assert_false (gloss_claim_is_about (claim, kim));

  copy = gloss_annotation_copy (GLOSS_ANNOTATION (claim));
  g_assert_true (gloss_annotation_equal (copy, GLOSS_ANNOTATION (claim)));
  g_assert_cmpstr (gloss_annotation_get_id (copy), ==, "a-rather-long-claim-id-0001");
  g_assert_cmpstr (gloss_annotation_get_author (copy), ==, "analyst");
  g_assert_cmpint (gloss_annotation_get_created (copy), ==, 1795000000);
  g_assert_true (gloss_claim_get_claimant (GLOSS_CLAIM (copy)) == kim);
  g_assert_cmpuint (gloss_annotation_get_spans (copy, GLOSS_ROLE_CUE, &n)[1].start, ==, 20);
  g_assert_true (json_node_get_boolean (gloss_annotation_get_attr (copy, "negated")));

  gloss_annotation_set_attr (copy, "negated", NULL);
  g_assert_null (gloss_annotation_get_attrs (copy));
  g_assert_false (gloss_annotation_equal (copy, GLOSS_ANNOTATION (claim)));
  gloss_annotation_set_attr (copy, "negated", value);
  gloss_claim_remove_about (GLOSS_CLAIM (copy), putin);
  g_assert_false (gloss_annotation_equal (copy, GLOSS_ANNOTATION (claim)));
  gloss_claim_add_about (GLOSS_CLAIM (copy), putin);
  g_assert_true (gloss_annotation_equal (copy, GLOSS_ANNOTATION (claim)));
  gloss_annotation_set_note (copy, NULL);
  g_assert_false (gloss_annotation_equal (copy, GLOSS_ANNOTATION (claim)));

  g_assert_finalize_object (g_steal_pointer (&copy));
  g_assert_finalize_object (g_steal_pointer (&claim));
}

static void
test_compare (void)
{
  GlossSpan a = { 5, 9 }, b = { 5, 12 };
  g_autoptr(GlossMention) m2 = gloss_mention_new ("PER", &a, 1);
  g_autoptr(GlossMention) m10 = gloss_mention_new ("PER", &a, 1);
  g_autoptr(GlossMention) longer = gloss_mention_new ("PER", &b, 1);
  g_autoptr(GlossEntity) e9 = gloss_entity_new ("PER", NULL);
  g_autoptr(GlossEntity) e10 = gloss_entity_new ("PER", NULL);
  g_autoptr(GlossRelation) r = NULL;

  gloss_annotation_set_id (GLOSS_ANNOTATION (m2), "m2");
  gloss_annotation_set_id (GLOSS_ANNOTATION (m10), "m10");
  gloss_annotation_set_id (GLOSS_ANNOTATION (longer), "m1");
  gloss_annotation_set_id (GLOSS_ANNOTATION (e9), "e9");
  gloss_annotation_set_id (GLOSS_ANNOTATION (e10), "e10");

  g_assert_cmpint (gloss_annotation_compare (GLOSS_ANNOTATION (m2), GLOSS_ANNOTATION (m10)), <, 0);
  g_assert_cmpint (gloss_annotation_compare (GLOSS_ANNOTATION (m10), GLOSS_ANNOTATION (longer)), <, 0);
  g_assert_cmpint (gloss_annotation_compare (GLOSS_ANNOTATION (e9), GLOSS_ANNOTATION (e10)), <, 0);
  g_assert_cmpint (gloss_annotation_compare (GLOSS_ANNOTATION (e10), GLOSS_ANNOTATION (e10)), ==, 0);

  r = gloss_relation_new ("meets_with", e9, e10);
  g_assert_true (gloss_relation_get_from (r) == e9);
  g_assert_true (gloss_relation_get_to (r) == e10);
  g_assert_cmpint (gloss_annotation_get_kind (GLOSS_ANNOTATION (r)), ==, GLOSS_KIND_RELATION);
  g_assert_cmpuint (gloss_annotation_get_start (GLOSS_ANNOTATION (r)), ==, G_MAXUINT);
  g_assert_cmpstr (gloss_annotation_kind_to_string (GLOSS_KIND_CLAIM), ==, "claim");
}

/* Entities sort by name in the locale's order; one without a name first. */
static void
test_entity_names_sort (void)
{
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  const char *names[] = { "Vladimir Putin", "kim Jong Un", NULL, "Ålesund", "Kim Jong Un" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_ptr_array_add (entities, gloss_entity_new ("PER", names[i]));
  g_ptr_array_sort (entities, gloss_entity_compare_names);
  g_assert_null (gloss_entity_get_name (g_ptr_array_index (entities, 0)));
  for (guint i = 2; i < entities->len; i++)
    g_assert_cmpint (g_utf8_collate (gloss_entity_get_name (g_ptr_array_index (entities, i - 1)),
                                     gloss_entity_get_name (g_ptr_array_index (entities, i))), <=, 0);
}

static void
test_enums (void)
{
  GlossOffsetUnit unit;
  GlossStatus status;
  GlossCertainty certainty;

  g_assert_true (gloss_offset_unit_from_string ("utf16", &unit));
  g_assert_cmpint (unit, ==, GLOSS_OFFSET_UTF16);
  g_assert_false (gloss_offset_unit_from_string ("chars", &unit));
  g_assert_false (gloss_offset_unit_from_string (NULL, &unit));
  g_assert_cmpstr (gloss_offset_unit_to_string (GLOSS_OFFSET_BYTES), ==, "bytes");
  g_assert_true (gloss_status_from_string ("suggested", &status));
  g_assert_cmpint (status, ==, GLOSS_STATUS_SUGGESTED);
  g_assert_cmpstr (gloss_status_to_string (GLOSS_STATUS_ACCEPTED), ==, "accepted");
  g_assert_true (gloss_certainty_from_string ("denied", &certainty));
  g_assert_cmpint (certainty, ==, GLOSS_CERTAINTY_DENIED);
  g_assert_cmpstr (gloss_certainty_to_string (GLOSS_CERTAINTY_HEDGED), ==, "hedged");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/annotation/spans-normalized", test_spans_normalized);
  g_test_add_func ("/core/annotation/copy-equal", test_copy_equal);
  g_test_add_func ("/core/annotation/compare", test_compare);
  g_test_add_func ("/core/annotation/entity-names-sort", test_entity_names_sort);
  g_test_add_func ("/core/annotation/enums", test_enums);

  return g_test_run ();
}
