/* test-curation.c: two versions merged, their disagreements decided
 * (agreement-fixture.h draws the text and both versions)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "agreement-fixture.h"
#include "gloss-curation.h"
#include "gloss-error.h"

static void
assert_span (GlossAnnotation *annotation,
             const char      *type,
             guint            start,
             guint            end)
{
  const GlossSpan *spans;
  guint n;

  g_assert_nonnull (annotation);
  spans = gloss_annotation_get_spans (annotation, GLOSS_ROLE_CONTENT, &n);
  g_assert_cmpstr (gloss_annotation_get_type_id (annotation), ==, type);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (spans[0].start, ==, start);
  g_assert_cmpuint (spans[0].end, ==, end);
}

static void
count_changes (GlossCuration *curation,
               guint          index,
               gpointer       user_data)
{
  (*(guint *) user_data)++;
}

static void
test_disagreements (void)
{
  g_autoptr(GlossStore) a = fixture_store (FALSE);
  g_autoptr(GlossStore) b = fixture_store (TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCuration) curation = gloss_curation_new (a, b, &error);
  guint changes = 0;

  g_assert_no_error (error);
  /* Agreed: Kim Jong Un and Wednesday. Disagreements in text order:
   *   0 Vladimir Putin 16–30 | Putin 25–30         (paired by overlap)
   *   1 Vostochny LOC        | Vostochny GPE
   *   2 quote 68–87          | quote 67–88
   *   then the relations, whose Putin ends do not correspond:
   *   3 Kim → Vladimir Putin | –
   *   4 –                    | Kim → Putin */
  g_assert_cmpuint (gloss_curation_get_n_agreed (curation), ==, 2);
  g_assert_cmpuint (gloss_curation_get_n_disagreements (curation), ==, 5);
  assert_span (gloss_curation_get_side (curation, 0, GLOSS_CURATION_LEFT), "PER", 16, 30);
  assert_span (gloss_curation_get_side (curation, 0, GLOSS_CURATION_RIGHT), "PER", 25, 30);
  g_assert_cmpuint (gloss_curation_get_start (curation, 0), ==, 16);
  g_assert_cmpuint (gloss_curation_get_end (curation, 0), ==, 30);
  assert_span (gloss_curation_get_side (curation, 1, GLOSS_CURATION_LEFT), "LOC", 34, 43);
  assert_span (gloss_curation_get_side (curation, 1, GLOSS_CURATION_RIGHT), "GPE", 34, 43);
  assert_span (gloss_curation_get_side (curation, 2, GLOSS_CURATION_LEFT), "quote", 68, 87);
  assert_span (gloss_curation_get_side (curation, 2, GLOSS_CURATION_RIGHT), "quote", 67, 88);
  g_assert_true (GLOSS_IS_RELATION (gloss_curation_get_side (curation, 3, GLOSS_CURATION_LEFT)));
  g_assert_null (gloss_curation_get_side (curation, 3, GLOSS_CURATION_RIGHT));
  g_assert_null (gloss_curation_get_side (curation, 4, GLOSS_CURATION_LEFT));
  g_assert_cmpuint (gloss_curation_get_start (curation, 4), ==, G_MAXUINT);

  g_signal_connect (curation, "changed", G_CALLBACK (count_changes), &changes);
  g_assert_cmpuint (gloss_curation_get_n_undecided (curation), ==, 5);
  g_assert_cmpint (gloss_curation_next_undecided (curation, -1), ==, 0);
  gloss_curation_choose (curation, 1, GLOSS_CURATION_LEFT);
  gloss_curation_choose (curation, 1, GLOSS_CURATION_LEFT);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpint (gloss_curation_next_undecided (curation, 0), ==, 2);
  gloss_curation_choose (curation, 0, GLOSS_CURATION_RIGHT);
  gloss_curation_choose (curation, 2, GLOSS_CURATION_RIGHT);
  gloss_curation_choose (curation, 3, GLOSS_CURATION_NEITHER);
  /* Going round from the last. */
  g_assert_cmpint (gloss_curation_next_undecided (curation, 4), ==, 4);
  gloss_curation_choose (curation, 4, GLOSS_CURATION_RIGHT);
  g_assert_cmpuint (gloss_curation_get_n_undecided (curation), ==, 0);
  g_assert_cmpint (gloss_curation_next_undecided (curation, 0), ==, -1);
  g_assert_cmpint (gloss_curation_get_choice (curation, 3), ==, GLOSS_CURATION_NEITHER);
}

static void
test_build (void)
{
  g_autoptr(GlossStore) a = fixture_store (FALSE);
  g_autoptr(GlossStore) b = fixture_store (TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCuration) curation = gloss_curation_new (a, b, &error);
  g_autoptr(GlossStore) merged = NULL;
  g_autoptr(GlossAnnotation) putin = NULL;
  g_autoptr(GlossAnnotation) claim = NULL;
  g_autoptr(GlossAnnotation) relation = NULL;
  g_autoptr(GlossAnnotation) kim = NULL;
  GListModel *list;
  GlossEntity *kim_entity, *putin_entity;

  gloss_curation_choose (curation, 0, GLOSS_CURATION_RIGHT);    /* Putin 25–30 */
  gloss_curation_choose (curation, 1, GLOSS_CURATION_LEFT);     /* LOC */
  gloss_curation_choose (curation, 2, GLOSS_CURATION_RIGHT);    /* the quote with its marks */
  gloss_curation_choose (curation, 3, GLOSS_CURATION_NEITHER);
  gloss_curation_choose (curation, 4, GLOSS_CURATION_RIGHT);    /* Kim → Putin */

  merged = gloss_curation_build (curation, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_store_get_document (merged) == gloss_store_get_document (a));

  list = gloss_store_get_list (merged, GLOSS_KIND_MENTION);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);
  kim = g_list_model_get_item (list, 0);
  putin = g_list_model_get_item (list, 1);
  assert_span (kim, "PER", 0, 11);
  assert_span (putin, "PER", 25, 30);
  {
    g_autoptr(GlossAnnotation) loc = g_list_model_get_item (list, 2);
    g_autoptr(GlossAnnotation) date = g_list_model_get_item (list, 3);

    assert_span (loc, "LOC", 34, 43);
    assert_span (date, "DATE", 47, 56);
  }
  kim_entity = gloss_mention_get_entity (GLOSS_MENTION (kim));
  putin_entity = gloss_mention_get_entity (GLOSS_MENTION (putin));
  g_assert_cmpstr (gloss_entity_get_name (kim_entity), ==, "Kim Jong Un");
  g_assert_cmpstr (gloss_entity_get_name (putin_entity), ==, "Putin");
  /* The left's mentions and entities keep their ids. */
  g_assert_cmpstr (gloss_annotation_get_id (kim), ==, "m1");
  g_assert_nonnull (gloss_store_lookup (merged, gloss_annotation_get_id (GLOSS_ANNOTATION (kim_entity))));
  /* Vladimir Putin was nobody's choice: no entity of that name. */
  g_assert_cmpuint (gloss_store_get_n_items (merged, GLOSS_KIND_ENTITY), ==, 4);

  g_assert_cmpuint (gloss_store_get_n_items (merged, GLOSS_KIND_CLAIM), ==, 1);
  claim = g_list_model_get_item (gloss_store_get_list (merged, GLOSS_KIND_CLAIM), 0);
  assert_span (claim, "quote", 67, 88);
  /* The right's claimant is the left's Kim Jong Un: one entity. */
  g_assert_true (gloss_claim_get_claimant (GLOSS_CLAIM (claim)) == kim_entity);

  g_assert_cmpuint (gloss_store_get_n_items (merged, GLOSS_KIND_RELATION), ==, 1);
  relation = g_list_model_get_item (gloss_store_get_list (merged, GLOSS_KIND_RELATION), 0);
  g_assert_true (gloss_relation_get_from (GLOSS_RELATION (relation)) == kim_entity);
  g_assert_true (gloss_relation_get_to (GLOSS_RELATION (relation)) == putin_entity);
}

static void
test_undecided_and_save (void)
{
  g_autoptr(GlossStore) a = fixture_store (FALSE);
  g_autoptr(GlossStore) b = fixture_store (TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCuration) curation = gloss_curation_new (a, b, &error);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "curated.gloss", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossStore) back = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  /* Nothing decided: only the agreements. */
  g_assert_true (gloss_curation_save (curation, file, &error));
  g_assert_no_error (error);
  back = gloss_native_read_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_store_get_n_items (back, GLOSS_KIND_MENTION), ==, 2);
  g_assert_cmpuint (gloss_store_get_n_items (back, GLOSS_KIND_CLAIM), ==, 0);
  g_assert_cmpuint (gloss_store_get_n_items (back, GLOSS_KIND_RELATION), ==, 0);
  g_assert_cmpstr (gloss_document_get_sha256 (gloss_store_get_document (back)), ==,
                   gloss_document_get_sha256 (gloss_store_get_document (a)));
}

static void
test_identical (void)
{
  g_autoptr(GlossStore) a = fixture_store (FALSE);
  g_autoptr(GlossStore) b = fixture_store (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCuration) curation = gloss_curation_new (a, b, &error);
  g_autoptr(GlossStore) merged = NULL;

  /* 4 mentions, 1 claim, 1 relation agreed; nothing to decide; the
   * result is A. */
  g_assert_cmpuint (gloss_curation_get_n_agreed (curation), ==, 6);
  g_assert_cmpuint (gloss_curation_get_n_disagreements (curation), ==, 0);
  g_assert_cmpint (gloss_curation_next_undecided (curation, -1), ==, -1);
  merged = gloss_curation_build (curation, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_store_equal (merged, a));
}

static void
test_different_texts (void)
{
  g_autoptr(GlossStore) a = fixture_store (FALSE);
  g_autoptr(GlossDocument) other = gloss_document_new_from_text ("Kim left", -1, "b", NULL);
  g_autoptr(GlossStore) b = gloss_store_new (other, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_null (gloss_curation_new (a, b, &error));
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/curation/disagreements", test_disagreements);
  g_test_add_func ("/core/curation/build", test_build);
  g_test_add_func ("/core/curation/undecided-and-save", test_undecided_and_save);
  g_test_add_func ("/core/curation/identical", test_identical);
  g_test_add_func ("/core/curation/different-texts", test_different_texts);

  return g_test_run ();
}
