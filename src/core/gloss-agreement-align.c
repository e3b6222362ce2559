/* gloss-agreement-align.c: pairing two annotators' annotations one to one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Candidates are the pairs that may match; they are taken greedily, the
 * largest overlap first (then the smallest union, so an exact pair wins a
 * tie, then text order), each annotation in one pair at most. Exact
 * candidates are an equivalence, so greedy taking pairs as many as can be.
 */
#include "config.h"

#include "gloss-agreement-private.h"

struct _GlossEntityPairs
{
  GHashTable *pairs;  /* "idA\037idB" */
  GHashTable *a_of;   /* idB → the first idA paired with it */
};

typedef struct
{
  guint ia;
  guint ib;
  guint overlap;
  guint uni;
} Candidate;

static guint
length_of (GlossAnnotation *annotation)
{
  const GlossSpan *spans;
  guint n, total = 0;

  spans = gloss_annotation_get_spans (annotation, GLOSS_ROLE_CONTENT, &n);
  for (guint i = 0; i < n; i++)
    total += spans[i].end - spans[i].start;
  return total;
}

static guint
overlap_of (GlossAnnotation *a,
            GlossAnnotation *b)
{
  const GlossSpan *sa, *sb;
  guint na, nb, total = 0;

  sa = gloss_annotation_get_spans (a, GLOSS_ROLE_CONTENT, &na);
  sb = gloss_annotation_get_spans (b, GLOSS_ROLE_CONTENT, &nb);
  for (guint i = 0; i < na; i++)
    for (guint j = 0; j < nb; j++)
      {
        guint start = MAX (sa[i].start, sb[j].start);
        guint end = MIN (sa[i].end, sb[j].end);

        if (end > start)
          total += end - start;
      }
  return total;
}

static gboolean
same_spans (GlossAnnotation *a,
            GlossAnnotation *b)
{
  const GlossSpan *sa, *sb;
  guint na, nb;

  sa = gloss_annotation_get_spans (a, GLOSS_ROLE_CONTENT, &na);
  sb = gloss_annotation_get_spans (b, GLOSS_ROLE_CONTENT, &nb);
  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (sa[i].start != sb[i].start || sa[i].end != sb[i].end)
      return FALSE;
  return TRUE;
}

static gboolean
may_pair (GlossAnnotation  *a,
          GlossAnnotation  *b,
          GlossEntityPairs *entities,
          gboolean          any_type)
{
  if (!any_type && g_strcmp0 (gloss_annotation_get_type_id (a), gloss_annotation_get_type_id (b)) != 0)
    return FALSE;
  if (GLOSS_IS_CLAIM (a) && entities != NULL)
    return _gloss_entity_pairs_has (entities, gloss_claim_get_claimant (GLOSS_CLAIM (a)),
                                    gloss_claim_get_claimant (GLOSS_CLAIM (b)));
  if (GLOSS_IS_RELATION (a) && entities != NULL)
    return _gloss_entity_pairs_has (entities, gloss_relation_get_from (GLOSS_RELATION (a)),
                                    gloss_relation_get_from (GLOSS_RELATION (b))) &&
           _gloss_entity_pairs_has (entities, gloss_relation_get_to (GLOSS_RELATION (a)),
                                    gloss_relation_get_to (GLOSS_RELATION (b)));
  return TRUE;
}

static int
compare_candidates (gconstpointer x,
                    gconstpointer y)
{
  const Candidate *a = x;
  const Candidate *b = y;

  if (a->overlap != b->overlap)
    return a->overlap > b->overlap ? -1 : 1;
  if (a->uni != b->uni)
    return a->uni < b->uni ? -1 : 1;
  if (a->ia != b->ia)
    return a->ia < b->ia ? -1 : 1;
  if (a->ib != b->ib)
    return a->ib < b->ib ? -1 : 1;
  return 0;
}

static GPtrArray *
list_items (GlossStore          *store,
            GlossAnnotationKind  kind)
{
  GListModel *list = gloss_store_get_list (store, kind);
  guint n = g_list_model_get_n_items (list);
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (list, i));
  return items;
}

/* The B annotations of @kind whose content shares a code point with a's. */
static void
span_candidates (GlossStore          *b,
                 GlossAnnotationKind  kind,
                 GHashTable          *b_index,
                 GlossAnnotation     *annotation,
                 guint                ia,
                 GlossMatch           match,
                 GlossEntityPairs    *entities,
                 gboolean             any_type,
                 GArray              *candidates)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  const GlossSpan *spans;
  guint n;

  spans = gloss_annotation_get_spans (annotation, GLOSS_ROLE_CONTENT, &n);
  for (guint f = 0; f < n; f++)
    {
      g_autoptr(GArray) hits = gloss_store_query_range (b, spans[f].start, spans[f].end,
                                                        GLOSS_KIND_MASK (kind));

      for (guint h = 0; h < hits->len; h++)
        {
          GlossSpanHit *hit = &g_array_index (hits, GlossSpanHit, h);
          guint ib = GPOINTER_TO_UINT (g_hash_table_lookup (b_index, hit->annotation));
          Candidate candidate;

          if (hit->role != GLOSS_ROLE_CONTENT || ib == 0 ||
              !g_hash_table_add (seen, hit->annotation))
            continue;
          if (match == GLOSS_MATCH_EXACT && !same_spans (annotation, hit->annotation))
            continue;
          if (!may_pair (annotation, hit->annotation, entities, any_type))
            continue;

          candidate.ia = ia;
          candidate.ib = ib - 1;
          candidate.overlap = overlap_of (annotation, hit->annotation);
          candidate.uni = length_of (annotation) + length_of (hit->annotation) - candidate.overlap;
          g_array_append_val (candidates, candidate);
        }
    }
}

GlossAlignment *
_gloss_align (GlossStore          *a,
              GlossStore          *b,
              GlossAnnotationKind  kind,
              GlossMatch           match,
              GlossEntityPairs    *entities,
              gboolean             any_type,
              GlossAlignment      *exclude)
{
  GlossAlignment *alignment = g_new0 (GlossAlignment, 1);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GHashTable) b_index = g_hash_table_new (NULL, NULL);
  const int none = -1;

  alignment->a = list_items (a, kind);
  alignment->b = list_items (b, kind);
  alignment->a_to_b = g_array_new (FALSE, FALSE, sizeof (int));
  alignment->b_to_a = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint i = 0; i < alignment->a->len; i++)
    g_array_append_val (alignment->a_to_b, none);
  for (guint i = 0; i < alignment->b->len; i++)
    {
      g_array_append_val (alignment->b_to_a, none);
      g_hash_table_insert (b_index, g_ptr_array_index (alignment->b, i), GUINT_TO_POINTER (i + 1));
    }

  for (guint ia = 0; ia < alignment->a->len; ia++)
    {
      GlossAnnotation *x = g_ptr_array_index (alignment->a, ia);

      if (kind != GLOSS_KIND_RELATION)
        {
          span_candidates (b, kind, b_index, x, ia, match, entities, any_type, candidates);
          continue;
        }
      /* Relations have no spans to look up: their ends decide. */
      for (guint ib = 0; ib < alignment->b->len; ib++)
        if (may_pair (x, g_ptr_array_index (alignment->b, ib), entities, any_type))
          {
            Candidate candidate = { ia, ib, 0, 0 };

            g_array_append_val (candidates, candidate);
          }
    }

  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);

      if (g_array_index (alignment->a_to_b, int, c->ia) >= 0 ||
          g_array_index (alignment->b_to_a, int, c->ib) >= 0)
        continue;
      if (exclude != NULL &&
          (g_array_index (exclude->a_to_b, int, c->ia) >= 0 ||
           g_array_index (exclude->b_to_a, int, c->ib) >= 0))
        continue;
      g_array_index (alignment->a_to_b, int, c->ia) = (int) c->ib;
      g_array_index (alignment->b_to_a, int, c->ib) = (int) c->ia;
    }

  return alignment;
}

void
_gloss_alignment_free (GlossAlignment *alignment)
{
  if (alignment == NULL)
    return;
  g_ptr_array_unref (alignment->a);
  g_ptr_array_unref (alignment->b);
  g_array_unref (alignment->a_to_b);
  g_array_unref (alignment->b_to_a);
  g_free (alignment);
}

static void
add_pair (GlossEntityPairs *pairs,
          GlossEntity      *a,
          GlossEntity      *b)
{
  const char *id_a = gloss_annotation_get_id (GLOSS_ANNOTATION (a));
  const char *id_b = gloss_annotation_get_id (GLOSS_ANNOTATION (b));

  g_hash_table_add (pairs->pairs, g_strdup_printf ("%s\037%s", id_a, id_b));
  if (!g_hash_table_contains (pairs->a_of, id_b))
    g_hash_table_insert (pairs->a_of, g_strdup (id_b), g_strdup (id_a));
}

static char *
name_key (GlossEntity *entity)
{
  return g_strdup_printf ("%s\037%s", gloss_annotation_get_type_id (GLOSS_ANNOTATION (entity)),
                          gloss_entity_get_name (entity) ? gloss_entity_get_name (entity) : "");
}

GlossEntityPairs *
_gloss_entity_pairs_new (GlossStore     *a,
                         GlossStore     *b,
                         GlossAlignment *mentions)
{
  GlossEntityPairs *pairs = g_new0 (GlossEntityPairs, 1);
  g_autoptr(GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *list;

  pairs->pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  pairs->a_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < mentions->a->len; i++)
    {
      int j = g_array_index (mentions->a_to_b, int, i);
      GlossEntity *ea, *eb;

      if (j < 0)
        continue;
      ea = gloss_mention_get_entity (g_ptr_array_index (mentions->a, i));
      eb = gloss_mention_get_entity (g_ptr_array_index (mentions->b, j));
      if (ea != NULL && eb != NULL)
        add_pair (pairs, ea, eb);
    }

  list = gloss_store_get_list (b, GLOSS_KIND_ENTITY);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      GlossEntity *entity = g_list_model_get_item (list, i);

      /* The store holds it; the table borrows it. */
      g_hash_table_insert (by_name, name_key (entity), entity);
      g_object_unref (entity);
    }
  list = gloss_store_get_list (a, GLOSS_KIND_ENTITY);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossEntity) entity = g_list_model_get_item (list, i);
      g_autofree char *key = name_key (entity);
      GlossEntity *other = g_hash_table_lookup (by_name, key);

      if (other != NULL)
        add_pair (pairs, entity, other);
    }

  return pairs;
}

void
_gloss_entity_pairs_free (GlossEntityPairs *pairs)
{
  if (pairs == NULL)
    return;
  g_hash_table_unref (pairs->pairs);
  g_hash_table_unref (pairs->a_of);
  g_free (pairs);
}

gboolean
_gloss_entity_pairs_has (GlossEntityPairs *pairs,
                         GlossEntity      *a,
                         GlossEntity      *b)
{
  g_autofree char *key = NULL;

  if (a == NULL || b == NULL)
    return a == b;
  key = g_strdup_printf ("%s\037%s", gloss_annotation_get_id (GLOSS_ANNOTATION (a)),
                         gloss_annotation_get_id (GLOSS_ANNOTATION (b)));
  return g_hash_table_contains (pairs->pairs, key);
}

const char *
_gloss_entity_pairs_find_a (GlossEntityPairs *pairs,
                            GlossEntity      *b)
{
  return g_hash_table_lookup (pairs->a_of, gloss_annotation_get_id (GLOSS_ANNOTATION (b)));
}
