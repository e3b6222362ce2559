/* gloss-store-query.c: what covers an offset or lies in a range, and
 * whether two stores hold the same
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-annotation-private.h"
#include "gloss-error.h"
#include "gloss-store-private.h"
#include "gloss-util-private.h"

/* Queries */

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const GlossSpanHit *x = a;
  const GlossSpanHit *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;   /* outer spans first */
  return gloss_annotation_compare (x->annotation, y->annotation);
}

/**
 * gloss_store_query_range:
 * @kind_mask: GLOSS_KIND_MASK() of the kinds wanted
 *
 * Returns: (transfer full) (element-type GlossSpanHit): every fragment
 *   that overlaps [@start, @end), in text order
 */
GArray *
gloss_store_query_range (GlossStore *self,
                         guint       start,
                         guint       end,
                         guint       kind_mask)
{
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (GlossSpanHit));
  guint n_kinds = 0;

  g_return_val_if_fail (GLOSS_IS_STORE (self), hits);

  if (start >= end)
    return hits;

  for (guint k = 0; k < GLOSS_N_KINDS; k++)
    {
      guint before = hits->len;

      if (self->index[k] == NULL || !(kind_mask & GLOSS_KIND_MASK (k)))
        continue;
      _gloss_span_index_query (self->index[k], start, end, hits);
      if (hits->len > before)
        n_kinds++;
    }

  if (n_kinds > 1 || hits->len > 1)
    g_array_sort (hits, compare_hits);
  return hits;
}

/**
 * gloss_store_query_at:
 *
 * Returns: (transfer full) (element-type GlossSpanHit): the fragments
 *   covering code point @offset, outermost first
 */
GArray *
gloss_store_query_at (GlossStore *self,
                      guint       offset,
                      guint       kind_mask)
{
  return gloss_store_query_range (self, offset, offset + 1, kind_mask);
}

/* Comparison */

static gboolean
lists_equal (GListModel *a,
             GListModel *b)
{
  guint n = g_list_model_get_n_items (a);

  if (n != g_list_model_get_n_items (b))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) x = g_list_model_get_item (a, i);
      g_autoptr(GlossAnnotation) y = g_list_model_get_item (b, i);

      if (!gloss_annotation_equal (x, y))
        return FALSE;
    }

  return TRUE;
}

/**
 * gloss_store_equal:
 *
 * Returns: %TRUE if both stores hold the same text, metadata, schema and
 *   annotations (entities compared by id)
 */
gboolean
gloss_store_equal (GlossStore *a,
                   GlossStore *b)
{
  g_autoptr(JsonNode) sa = NULL;
  g_autoptr(JsonNode) sb = NULL;
  GlossDocument *da, *db;

  g_return_val_if_fail (GLOSS_IS_STORE (a), FALSE);
  g_return_val_if_fail (GLOSS_IS_STORE (b), FALSE);

  da = a->document;
  db = b->document;
  if (g_strcmp0 (gloss_document_get_text (da), gloss_document_get_text (db)) != 0 ||
      g_strcmp0 (gloss_document_get_id (da), gloss_document_get_id (db)) != 0 ||
      g_strcmp0 (gloss_document_get_title (da), gloss_document_get_title (db)) != 0 ||
      g_strcmp0 (gloss_document_get_source (da), gloss_document_get_source (db)) != 0 ||
      g_strcmp0 (gloss_document_get_language (da), gloss_document_get_language (db)) != 0 ||
      !_gloss_json_object_equal (gloss_document_get_meta (da), gloss_document_get_meta (db)) ||
      !_gloss_json_object_equal (gloss_document_get_extra (da), gloss_document_get_extra (db)) ||
      !_gloss_json_object_equal (a->extra, b->extra))
    return FALSE;

  sa = gloss_schema_to_json (a->schema);
  sb = gloss_schema_to_json (b->schema);
  if (!json_node_equal (sa, sb))
    return FALSE;

  for (guint k = 0; k < GLOSS_N_KINDS; k++)
    if (!lists_equal (G_LIST_MODEL (a->lists[k]), G_LIST_MODEL (b->lists[k])))
      return FALSE;

  return TRUE;
}
