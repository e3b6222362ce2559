/* gloss-agreement.c: precision, recall, F1 and Cohen's kappa of two
 * annotators over one or many documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A is the reference: precision = matched / B's, recall = matched / A's.
 * Pairs come from gloss-agreement-align.c. Kappa compares the label each
 * annotator gives each token of the text (the CoNLL tokenizer, cut at
 * every span boundary of both, so a token is wholly in or out of every
 * span): the type of the outermost annotation over it, or "O". Pooling
 * documents adds the counts, so the pooled kappa is that of one long text.
 * docs/decisions.md, "Agreement", has the rules and why.
 */
#include "config.h"

#include <math.h>

#include "gloss-agreement-private.h"
#include "gloss-error.h"
#include "gloss-tokenizer.h"

#include <glib/gi18n-lib.h>

/* The kinds compared, and those with a kappa. */
#define N_LAYERS 3
#define N_KAPPAS 2

typedef struct
{
  guint a;
  guint b;
} Marginal;

struct _GlossAgreement
{
  guint       n_documents;
  GHashTable *counts[N_LAYERS][GLOSS_N_MATCHES];  /* type → GlossAgreementCounts */
  guint       tokens[N_KAPPAS];
  guint       agreed[N_KAPPAS];
  GHashTable *marginals[N_KAPPAS];                /* label → Marginal */
};

static int
layer_of (GlossAnnotationKind kind)
{
  switch (kind)
    {
    case GLOSS_KIND_MENTION:
      return 0;
    case GLOSS_KIND_CLAIM:
      return 1;
    case GLOSS_KIND_RELATION:
      return 2;
    case GLOSS_KIND_ENTITY:
    case GLOSS_N_KINDS:
    default:
      return -1;
    }
}

GlossAgreement *
gloss_agreement_new (void)
{
  GlossAgreement *self = g_new0 (GlossAgreement, 1);

  for (guint l = 0; l < N_LAYERS; l++)
    for (guint m = 0; m < GLOSS_N_MATCHES; m++)
      self->counts[l][m] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint l = 0; l < N_KAPPAS; l++)
    self->marginals[l] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

void
gloss_agreement_free (GlossAgreement *self)
{
  if (self == NULL)
    return;
  for (guint l = 0; l < N_LAYERS; l++)
    for (guint m = 0; m < GLOSS_N_MATCHES; m++)
      g_hash_table_unref (self->counts[l][m]);
  for (guint l = 0; l < N_KAPPAS; l++)
    g_hash_table_unref (self->marginals[l]);
  g_free (self);
}

static GlossAgreementCounts *
counts_for (GHashTable *table,
            const char *type)
{
  GlossAgreementCounts *counts = g_hash_table_lookup (table, type ? type : "");

  if (counts == NULL)
    {
      counts = g_new0 (GlossAgreementCounts, 1);
      g_hash_table_insert (table, g_strdup (type ? type : ""), counts);
    }
  return counts;
}

static Marginal *
marginal_for (GHashTable *table,
              const char *label)
{
  Marginal *marginal = g_hash_table_lookup (table, label);

  if (marginal == NULL)
    {
      marginal = g_new0 (Marginal, 1);
      g_hash_table_insert (table, g_strdup (label), marginal);
    }
  return marginal;
}

static void
tally (GHashTable     *table,
       GlossAlignment *alignment)
{
  for (guint i = 0; i < alignment->a->len; i++)
    {
      GlossAnnotation *x = g_ptr_array_index (alignment->a, i);
      GlossAgreementCounts *counts = counts_for (table, gloss_annotation_get_type_id (x));

      counts->a++;
      if (g_array_index (alignment->a_to_b, int, i) >= 0)
        counts->matched++;
    }
  for (guint i = 0; i < alignment->b->len; i++)
    counts_for (table, gloss_annotation_get_type_id (g_ptr_array_index (alignment->b, i)))->b++;
}

/* The type of the outermost annotation of @kind over @offset, or "O". */
static const char *
label_at (GlossStore          *store,
          GlossAnnotationKind  kind,
          guint                offset)
{
  g_autoptr(GArray) hits = gloss_store_query_at (store, offset, GLOSS_KIND_MASK (kind));

  /* Outermost first; the type id lives as long as the store. */
  for (guint i = 0; i < hits->len; i++)
    {
      GlossSpanHit *hit = &g_array_index (hits, GlossSpanHit, i);
      const char *type = gloss_annotation_get_type_id (hit->annotation);

      if (hit->role == GLOSS_ROLE_CONTENT)
        return type != NULL ? type : "";
    }
  return "O";
}

static void
add_cuts (GArray              *cuts,
          GlossStore          *store,
          GlossAnnotationKind  kind)
{
  GListModel *list = gloss_store_get_list (store, kind);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (list, i);
      const GlossSpan *spans;
      guint n;

      spans = gloss_annotation_get_spans (annotation, GLOSS_ROLE_CONTENT, &n);
      for (guint j = 0; j < n; j++)
        {
          g_array_append_val (cuts, spans[j].start);
          g_array_append_val (cuts, spans[j].end);
        }
    }
}

static void
tally_tokens (GlossAgreement      *self,
              guint                layer,
              GlossStore          *a,
              GlossStore          *b,
              GlossAnnotationKind  kind)
{
  const char *text = gloss_document_get_text (gloss_store_get_document (a));
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) tokens = NULL;

  add_cuts (cuts, a, kind);
  add_cuts (cuts, b, kind);
  tokens = gloss_tokenize (text, cuts->len > 0 ? &g_array_index (cuts, guint, 0) : NULL, cuts->len);

  for (guint i = 0; i < tokens->len; i++)
    {
      const GlossToken *token = &g_array_index (tokens, GlossToken, i);
      const char *x = label_at (a, kind, token->start);
      const char *y = label_at (b, kind, token->start);

      self->tokens[layer]++;
      if (g_str_equal (x, y))
        self->agreed[layer]++;
      marginal_for (self->marginals[layer], x)->a++;
      marginal_for (self->marginals[layer], y)->b++;
    }
}

/**
 * gloss_agreement_add:
 * @a: the reference annotator's version
 * @b: the other's, of the same text
 *
 * Returns: %FALSE (and nothing added) when the texts differ
 */
gboolean
gloss_agreement_add (GlossAgreement  *self,
                     GlossStore      *a,
                     GlossStore      *b,
                     GError         **error)
{
  static const GlossAnnotationKind kinds[N_LAYERS] = {
    GLOSS_KIND_MENTION, GLOSS_KIND_CLAIM, GLOSS_KIND_RELATION,
  };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (GLOSS_IS_STORE (a) && GLOSS_IS_STORE (b), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_strcmp0 (gloss_document_get_sha256 (gloss_store_get_document (a)),
                 gloss_document_get_sha256 (gloss_store_get_document (b))) != 0)
    {
      g_set_error_literal (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                           _("The two versions annotate different texts"));
      return FALSE;
    }

  for (guint m = 0; m < GLOSS_N_MATCHES; m++)
    {
      g_autoptr(GlossAlignment) mentions = _gloss_align (a, b, GLOSS_KIND_MENTION, m, NULL, FALSE, NULL);
      g_autoptr(GlossEntityPairs) entities = _gloss_entity_pairs_new (a, b, mentions);

      tally (self->counts[0][m], mentions);
      for (guint l = 1; l < N_LAYERS; l++)
        {
          g_autoptr(GlossAlignment) other = _gloss_align (a, b, kinds[l], m, entities, FALSE, NULL);

          tally (self->counts[l][m], other);
        }
    }
  for (guint l = 0; l < N_KAPPAS; l++)
    tally_tokens (self, l, a, b, kinds[l]);
  self->n_documents++;

  return TRUE;
}

void
gloss_agreement_merge (GlossAgreement       *self,
                       const GlossAgreement *other)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (self != NULL && other != NULL);

  self->n_documents += other->n_documents;
  for (guint l = 0; l < N_LAYERS; l++)
    for (guint m = 0; m < GLOSS_N_MATCHES; m++)
      {
        g_hash_table_iter_init (&iter, other->counts[l][m]);
        while (g_hash_table_iter_next (&iter, &key, &value))
          {
            const GlossAgreementCounts *from = value;
            GlossAgreementCounts *into = counts_for (self->counts[l][m], key);

            into->a += from->a;
            into->b += from->b;
            into->matched += from->matched;
          }
      }
  for (guint l = 0; l < N_KAPPAS; l++)
    {
      self->tokens[l] += other->tokens[l];
      self->agreed[l] += other->agreed[l];
      g_hash_table_iter_init (&iter, other->marginals[l]);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          const Marginal *from = value;
          Marginal *into = marginal_for (self->marginals[l], key);

          into->a += from->a;
          into->b += from->b;
        }
    }
}

guint
gloss_agreement_get_n_documents (const GlossAgreement *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_documents;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * gloss_agreement_list_types:
 *
 * Returns: (transfer container) (element-type utf8): the type ids, owned
 *   by @self
 */
GPtrArray *
gloss_agreement_list_types (const GlossAgreement *self,
                            GlossAnnotationKind   kind)
{
  GPtrArray *types = g_ptr_array_new ();
  int layer = layer_of (kind);
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (self != NULL, types);
  g_return_val_if_fail (layer >= 0, types);

  g_hash_table_iter_init (&iter, self->counts[layer][GLOSS_MATCH_EXACT]);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (types, key);
  g_ptr_array_sort (types, compare_strings);
  return types;
}

GlossAgreementCounts
gloss_agreement_get_counts (const GlossAgreement *self,
                            GlossAnnotationKind   kind,
                            GlossMatch            match,
                            const char           *type)
{
  GlossAgreementCounts all = { 0 };
  int layer = layer_of (kind);
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (self != NULL, all);
  g_return_val_if_fail (layer >= 0 && match < GLOSS_N_MATCHES, all);

  if (type != NULL)
    {
      const GlossAgreementCounts *counts = g_hash_table_lookup (self->counts[layer][match], type);

      return counts != NULL ? *counts : all;
    }

  g_hash_table_iter_init (&iter, self->counts[layer][match]);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const GlossAgreementCounts *counts = value;

      all.a += counts->a;
      all.b += counts->b;
      all.matched += counts->matched;
    }
  return all;
}

GlossKappa
gloss_agreement_get_kappa (const GlossAgreement *self,
                           GlossAnnotationKind   kind)
{
  GlossKappa k = { 0, 0, NAN, NAN, NAN };
  int layer = layer_of (kind);
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (self != NULL, k);
  g_return_val_if_fail (layer >= 0 && layer < N_KAPPAS, k);

  k.tokens = self->tokens[layer];
  k.agreed = self->agreed[layer];
  if (k.tokens == 0)
    return k;

  k.observed = (double) k.agreed / k.tokens;
  k.expected = 0.0;
  g_hash_table_iter_init (&iter, self->marginals[layer]);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const Marginal *marginal = value;

      k.expected += ((double) marginal->a / k.tokens) * ((double) marginal->b / k.tokens);
    }
  /* Both gave every token one and the same label: chance explains it all. */
  if (k.expected < 1.0)
    k.kappa = (k.observed - k.expected) / (1.0 - k.expected);
  return k;
}

static double
ratio (guint num,
       guint den)
{
  return den == 0 ? NAN : (double) num / den;
}

double
gloss_agreement_precision (const GlossAgreementCounts *counts)
{
  return ratio (counts->matched, counts->b);
}

double
gloss_agreement_recall (const GlossAgreementCounts *counts)
{
  return ratio (counts->matched, counts->a);
}

/* The harmonic mean of precision and recall, and 0 (not undefined) when
 * one side is empty and the other is not. */
double
gloss_agreement_f1 (const GlossAgreementCounts *counts)
{
  return ratio (2 * counts->matched, counts->a + counts->b);
}

const char *
gloss_match_to_string (GlossMatch match)
{
  return match == GLOSS_MATCH_OVERLAP ? "overlap" : "exact";
}

gboolean
gloss_match_from_string (const char *str,
                         GlossMatch *match)
{
  if (g_strcmp0 (str, "exact") == 0)
    *match = GLOSS_MATCH_EXACT;
  else if (g_strcmp0 (str, "overlap") == 0)
    *match = GLOSS_MATCH_OVERLAP;
  else
    return FALSE;
  return TRUE;
}
