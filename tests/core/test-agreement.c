/* test-agreement.c: precision, recall, F1 and kappa of two annotators,
 * worked out by hand (agreement-fixture.h draws the text and both versions)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "agreement-fixture.h"
#include "gloss-agreement-project.h"
#include "gloss-annotator.h"
#include "gloss-error.h"

#define EPS 1e-12

static void
assert_counts (const GlossAgreement *agreement,
               GlossAnnotationKind   kind,
               GlossMatch            match,
               const char           *type,
               guint                 a,
               guint                 b,
               guint                 matched)
{
  GlossAgreementCounts counts = gloss_agreement_get_counts (agreement, kind, match, type);

  g_assert_cmpuint (counts.a, ==, a);
  g_assert_cmpuint (counts.b, ==, b);
  g_assert_cmpuint (counts.matched, ==, matched);
}

static GlossAgreement *
fixture_agreement (void)
{
  g_autoptr(GlossStore) a = fixture_store (FALSE);
  g_autoptr(GlossStore) b = fixture_store (TRUE);
  g_autoptr(GError) error = NULL;
  GlossAgreement *agreement = gloss_agreement_new ();

  g_assert_true (gloss_agreement_add (agreement, a, b, &error));
  g_assert_no_error (error);
  return agreement;
}

static void
test_mentions_exact (void)
{
  g_autoptr(GlossAgreement) agreement = fixture_agreement ();
  GlossAgreementCounts all;

  /* Exact: Kim Jong Un (PER) and Wednesday (DATE) are the same in both;
   * Vladimir Putin 16–30 ≠ Putin 25–30; Vostochny is LOC in A, GPE in B.
   *   A = 4, B = 4, matched = 2
   *   P = 2/4 = 0.5, R = 2/4 = 0.5, F1 = 2·2 / (4 + 4) = 0.5 */
  all = gloss_agreement_get_counts (agreement, GLOSS_KIND_MENTION, GLOSS_MATCH_EXACT, NULL);
  g_assert_cmpuint (all.a, ==, 4);
  g_assert_cmpuint (all.b, ==, 4);
  g_assert_cmpuint (all.matched, ==, 2);
  g_assert_cmpfloat_with_epsilon (gloss_agreement_precision (&all), 0.5, EPS);
  g_assert_cmpfloat_with_epsilon (gloss_agreement_recall (&all), 0.5, EPS);
  g_assert_cmpfloat_with_epsilon (gloss_agreement_f1 (&all), 0.5, EPS);

  /* By type:
   *   PER  A 2, B 2, matched 1: P = R = F1 = 1/2
   *   LOC  A 1, B 0, matched 0: P = 0/0 undefined, R = 0, F1 = 0/(1+0) = 0
   *   GPE  A 0, B 1, matched 0: P = 0, R undefined, F1 = 0
   *   DATE A 1, B 1, matched 1: 1, 1, 1 */
  assert_counts (agreement, GLOSS_KIND_MENTION, GLOSS_MATCH_EXACT, "PER", 2, 2, 1);
  assert_counts (agreement, GLOSS_KIND_MENTION, GLOSS_MATCH_EXACT, "LOC", 1, 0, 0);
  assert_counts (agreement, GLOSS_KIND_MENTION, GLOSS_MATCH_EXACT, "GPE", 0, 1, 0);
  assert_counts (agreement, GLOSS_KIND_MENTION, GLOSS_MATCH_EXACT, "DATE", 1, 1, 1);
  {
    GlossAgreementCounts loc = gloss_agreement_get_counts (agreement, GLOSS_KIND_MENTION, GLOSS_MATCH_EXACT, "LOC");
    GlossAgreementCounts gpe = gloss_agreement_get_counts (agreement, GLOSS_KIND_MENTION, GLOSS_MATCH_EXACT, "GPE");

    g_assert_true (isnan (gloss_agreement_precision (&loc)));
    g_assert_cmpfloat (gloss_agreement_recall (&loc), ==, 0.0);
    g_assert_cmpfloat (gloss_agreement_f1 (&loc), ==, 0.0);
    g_assert_cmpfloat (gloss_agreement_precision (&gpe), ==, 0.0);
    g_assert_true (isnan (gloss_agreement_recall (&gpe)));
  }
  {
    g_autoptr(GPtrArray) types = gloss_agreement_list_types (agreement, GLOSS_KIND_MENTION);

    g_assert_cmpuint (types->len, ==, 4);
    g_assert_cmpstr (g_ptr_array_index (types, 0), ==, "DATE");
    g_assert_cmpstr (g_ptr_array_index (types, 3), ==, "PER");
  }
}

static void
test_mentions_overlap (void)
{
  g_autoptr(GlossAgreement) agreement = fixture_agreement ();
  GlossAgreementCounts all;

  /* Overlap: Putin 25–30 shares 5 code points with Vladimir Putin 16–30,
   * same type, so it matches too; Vostochny still differs in type.
   *   A = 4, B = 4, matched = 3
   *   P = 3/4 = 0.75, R = 3/4 = 0.75, F1 = 2·3 / (4 + 4) = 0.75
   *   PER: A 2, B 2, matched 2: F1 = 1 */
  all = gloss_agreement_get_counts (agreement, GLOSS_KIND_MENTION, GLOSS_MATCH_OVERLAP, NULL);
  g_assert_cmpuint (all.matched, ==, 3);
  g_assert_cmpfloat_with_epsilon (gloss_agreement_precision (&all), 0.75, EPS);
  g_assert_cmpfloat_with_epsilon (gloss_agreement_recall (&all), 0.75, EPS);
  g_assert_cmpfloat_with_epsilon (gloss_agreement_f1 (&all), 0.75, EPS);
  assert_counts (agreement, GLOSS_KIND_MENTION, GLOSS_MATCH_OVERLAP, "PER", 2, 2, 2);
  assert_counts (agreement, GLOSS_KIND_MENTION, GLOSS_MATCH_OVERLAP, "LOC", 1, 0, 0);
}

static void
test_mentions_kappa (void)
{
  g_autoptr(GlossAgreement) agreement = fixture_agreement ();
  GlossKappa k = gloss_agreement_get_kappa (agreement, GLOSS_KIND_MENTION);

  /* Tokens (cut at every span boundary of A and B):
   *   Kim Jong Un met Vladimir Putin at Vostochny on Wednesday .
   *   Kim said “ we will launch soon ” .                         = 11 + 9 = 20
   *   A: PER PER PER O PER PER O LOC O DATE O  + 9 × O
   *   B: PER PER PER O O   PER O GPE O DATE O  + 9 × O
   *   They differ on Vladimir (PER/O) and Vostochny (LOC/GPE): agreed 18.
   *   p_o = 18/20 = 360/400
   *   A: PER 5, O 13, LOC 1, DATE 1;  B: PER 4, O 14, GPE 1, DATE 1
   *   p_e = (5·4 + 13·14 + 1·0 + 0·1 + 1·1) / 20² = (20 + 182 + 1) / 400 = 203/400
   *   kappa = (360 − 203) / (400 − 203) = 157/197 ≈ 0.79695 */
  g_assert_cmpuint (k.tokens, ==, 20);
  g_assert_cmpuint (k.agreed, ==, 18);
  g_assert_cmpfloat_with_epsilon (k.observed, 0.9, EPS);
  g_assert_cmpfloat_with_epsilon (k.expected, 203.0 / 400.0, EPS);
  g_assert_cmpfloat_with_epsilon (k.kappa, 157.0 / 197.0, EPS);
}

static void
test_claims (void)
{
  g_autoptr(GlossAgreement) agreement = fixture_agreement ();
  GlossKappa k;

  /* A's quote is 68–87, B's 67–88 (with the quotation marks); both say Kim
   * Jong Un said it, and the two Kim Jong Un entities correspond (their
   * mentions 0–11 are paired).
   *   exact:   A 1, B 1, matched 0: P = R = F1 = 0
   *   overlap: 19 code points shared: matched 1: P = R = F1 = 1 */
  assert_counts (agreement, GLOSS_KIND_CLAIM, GLOSS_MATCH_EXACT, NULL, 1, 1, 0);
  assert_counts (agreement, GLOSS_KIND_CLAIM, GLOSS_MATCH_OVERLAP, "quote", 1, 1, 1);

  /* Claim tokens, cut at 67, 68, 87, 88: the same 20 tokens.
   *   A: quote on we will launch soon (4), O on 16
   *   B: quote on “ we will launch soon ” (6), O on 14
   *   agreed = 20 − 2 = 18: p_o = 18/20 = 0.9
   *   p_e = (4·6 + 16·14) / 400 = (24 + 224) / 400 = 248/400 = 0.62
   *   kappa = (0.9 − 0.62) / (1 − 0.62) = 0.28 / 0.38 = 14/19 ≈ 0.73684 */
  k = gloss_agreement_get_kappa (agreement, GLOSS_KIND_CLAIM);
  g_assert_cmpuint (k.tokens, ==, 20);
  g_assert_cmpuint (k.agreed, ==, 18);
  g_assert_cmpfloat_with_epsilon (k.expected, 0.62, EPS);
  g_assert_cmpfloat_with_epsilon (k.kappa, 14.0 / 19.0, EPS);
}

static void
test_relations (void)
{
  g_autoptr(GlossAgreement) agreement = fixture_agreement ();

  /* Both relate Kim Jong Un → Putin (meets_with). Exact: B's Putin entity
   * ("Putin", of mention 25–30) corresponds to none of A's (A's "Vladimir
   * Putin" mention 16–30 is not paired, and the names differ), so:
   *   exact:   A 1, B 1, matched 0, F1 = 0
   *   overlap: the Putin mentions are paired, so the ends correspond:
   *            matched 1, F1 = 1 */
  assert_counts (agreement, GLOSS_KIND_RELATION, GLOSS_MATCH_EXACT, "meets_with", 1, 1, 0);
  assert_counts (agreement, GLOSS_KIND_RELATION, GLOSS_MATCH_OVERLAP, "meets_with", 1, 1, 1);
}

static void
test_one_to_one (void)
{
  /* "North Korea’s space agency": A tags 0–11 "North Korea" and 0–26 the
   * whole; B tags 0–26 only. By overlap both of A's touch B's, but B's is
   * taken once: the larger overlap (26, the whole) wins.
   *   A = 2, B = 1, matched = 1: P = 1/1 = 1, R = 1/2, F1 = 2·1/(2+1) = 2/3 */
  const char *text = "North Korea’s space agency";
  g_autoptr(GlossDocument) da = gloss_document_new_from_text (text, -1, "a", NULL);
  g_autoptr(GlossDocument) db = gloss_document_new_from_text (text, -1, "b", NULL);
  g_autoptr(GlossStore) a = gloss_store_new (da, NULL);
  g_autoptr(GlossStore) b = gloss_store_new (db, NULL);
  g_autoptr(GlossAgreement) agreement = gloss_agreement_new ();
  GlossAgreementCounts all;
  GlossKappa k;

  fixture_tag (a, "ORG", 0, 11);
  fixture_tag (a, "ORG", 0, 26);
  fixture_tag (b, "ORG", 0, 26);
  g_assert_true (gloss_agreement_add (agreement, a, b, NULL));

  all = gloss_agreement_get_counts (agreement, GLOSS_KIND_MENTION, GLOSS_MATCH_OVERLAP, NULL);
  g_assert_cmpuint (all.matched, ==, 1);
  g_assert_cmpfloat_with_epsilon (gloss_agreement_f1 (&all), 2.0 / 3.0, EPS);
  all = gloss_agreement_get_counts (agreement, GLOSS_KIND_MENTION, GLOSS_MATCH_EXACT, NULL);
  g_assert_cmpuint (all.matched, ==, 1);

  /* Tokens: North Korea ’s space agency (5); the outermost label is ORG
   * on every one for both: p_o = 1, p_e = 1: kappa undefined. */
  k = gloss_agreement_get_kappa (agreement, GLOSS_KIND_MENTION);
  g_assert_cmpuint (k.tokens, ==, 5);
  g_assert_cmpfloat (k.observed, ==, 1.0);
  g_assert_true (isnan (k.kappa));
}

static void
test_pooled (void)
{
  /* The fixture twice, and a document where both agree on one PER:
   * exact mentions pooled: A 4+4+1 = 9, B 9, matched 2+2+1 = 5,
   *   F1 = 2·5 / 18 = 5/9.
   * Kappa pooled over 20 + 20 + 2 tokens ("Kim" PER, "left" O both):
   *   agreed 18 + 18 + 2 = 38 of 42
   *   A: PER 5+5+1 = 11, O 13+13+1 = 27, LOC 2, DATE 2
   *   B: PER 4+4+1 = 9,  O 14+14+1 = 29, GPE 2, DATE 2
   *   p_o = 38/42, p_e = (11·9 + 27·29 + 2·2) / 42² = (99 + 783 + 4) / 1764 = 886/1764
   *   kappa = (38·42 − 886) / (1764 − 886) = (1596 − 886) / 878 = 710/878 */
  g_autoptr(GlossAgreement) pooled = gloss_agreement_new ();
  g_autoptr(GlossDocument) doc = gloss_document_new_from_text ("Kim left", -1, "c", NULL);
  g_autoptr(GlossStore) c1 = gloss_store_new (doc, NULL);
  g_autoptr(GlossStore) c2 = gloss_store_new (doc, NULL);
  g_autoptr(GlossAgreement) third = gloss_agreement_new ();
  GlossAgreementCounts all;
  GlossKappa k;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GlossAgreement) one = fixture_agreement ();

      gloss_agreement_merge (pooled, one);
    }
  fixture_tag (c1, "PER", 0, 3);
  fixture_tag (c2, "PER", 0, 3);
  g_assert_true (gloss_agreement_add (third, c1, c2, NULL));
  gloss_agreement_merge (pooled, third);

  g_assert_cmpuint (gloss_agreement_get_n_documents (pooled), ==, 3);
  all = gloss_agreement_get_counts (pooled, GLOSS_KIND_MENTION, GLOSS_MATCH_EXACT, NULL);
  g_assert_cmpuint (all.a, ==, 9);
  g_assert_cmpuint (all.matched, ==, 5);
  g_assert_cmpfloat_with_epsilon (gloss_agreement_f1 (&all), 5.0 / 9.0, EPS);
  k = gloss_agreement_get_kappa (pooled, GLOSS_KIND_MENTION);
  g_assert_cmpuint (k.tokens, ==, 42);
  g_assert_cmpuint (k.agreed, ==, 38);
  g_assert_cmpfloat_with_epsilon (k.expected, 886.0 / 1764.0, EPS);
  g_assert_cmpfloat_with_epsilon (k.kappa, 710.0 / 878.0, EPS);
}

static void
test_different_texts (void)
{
  g_autoptr(GlossDocument) da = gloss_document_new_from_text ("Kim left", -1, "a", NULL);
  g_autoptr(GlossDocument) db = gloss_document_new_from_text ("Kim stayed", -1, "b", NULL);
  g_autoptr(GlossStore) a = gloss_store_new (da, NULL);
  g_autoptr(GlossStore) b = gloss_store_new (db, NULL);
  g_autoptr(GlossAgreement) agreement = gloss_agreement_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (gloss_agreement_add (agreement, a, b, &error));
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID);
  g_assert_cmpuint (gloss_agreement_get_n_documents (agreement), ==, 0);
}

static void
write_version (GlossProject         *project,
               GlossProjectDocument *document,
               const char           *annotator,
               GlossStore           *store)
{
  g_autofree char *stem = gloss_annotator_file_stem (annotator);
  g_autoptr(GFile) file = gloss_project_get_document_file (project, document, stem);

  fixture_write (file, store);
}

static void
test_project (void)
{
  /* Two documents, both annotated by Ana (A) and Ben (B); a third only by
   * Ana, left out. Pooled = the fixture twice: exact F1 = 2·4/16 = 0.5. */
  /* Inside the isolated data folder: removed after the test. */
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "agreement", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GlossProject) project = gloss_project_new (folder, "agreement", NULL, "Ana");
  g_autoptr(GlossAgreement) pooled = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  GlossAgreementCounts all;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GlossStore) a = fixture_store (FALSE);
      g_autoptr(GlossStore) b = fixture_store (TRUE);
      g_autofree char *name = g_strdup_printf ("doc%u.txt", i);
      GlossProjectDocument *document = gloss_project_add_store (project, a, name, &error);

      g_assert_no_error (error);
      write_version (project, document, "Ana", a);
      if (i < 2)
        write_version (project, document, "Ben", b);
    }
  g_assert_true (gloss_project_save (project, &error));

  items = gloss_agreement_compare_project (project, "Ana", "Ben", &pooled, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpstr (gloss_project_document_get_id (((GlossDocumentAgreement *) g_ptr_array_index (items, 0))->document), ==, "doc0");
  all = gloss_agreement_get_counts (pooled, GLOSS_KIND_MENTION, GLOSS_MATCH_EXACT, NULL);
  g_assert_cmpuint (all.a, ==, 8);
  g_assert_cmpuint (all.matched, ==, 4);
  g_assert_cmpfloat_with_epsilon (gloss_agreement_f1 (&all), 0.5, EPS);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/agreement/mentions-exact", test_mentions_exact);
  g_test_add_func ("/core/agreement/mentions-overlap", test_mentions_overlap);
  g_test_add_func ("/core/agreement/mentions-kappa", test_mentions_kappa);
  g_test_add_func ("/core/agreement/claims", test_claims);
  g_test_add_func ("/core/agreement/relations", test_relations);
  g_test_add_func ("/core/agreement/one-to-one", test_one_to_one);
  g_test_add_func ("/core/agreement/pooled", test_pooled);
  g_test_add_func ("/core/agreement/different-texts", test_different_texts);
  g_test_add_func ("/core/agreement/project", test_project);

  return g_test_run ();
}
