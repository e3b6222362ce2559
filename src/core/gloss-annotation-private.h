/* gloss-annotation-private.h: what the store needs to see of annotations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-annotation.h"
#include "gloss-claim.h"
#include "gloss-entity.h"
#include "gloss-mention.h"
#include "gloss-relation.h"

G_BEGIN_DECLS

/* One span, the common case, is stored inline: v points at one. */
typedef struct
{
  GlossSpan *v;
  guint      n;
  GlossSpan  one;
} GlossSpanList;

void      _gloss_span_list_set      (GlossSpanList       *list,
                                     const GlossSpan     *spans,
                                     guint                n);
void      _gloss_span_list_clear    (GlossSpanList       *list);
gboolean  _gloss_span_list_equal    (const GlossSpanList *a,
                                     const GlossSpanList *b);

/* The span list of @role, or NULL when the kind has none. */
GlossSpanList *_gloss_annotation_get_span_list (GlossAnnotation *self,
                                                GlossSpanRole    role);

/* gloss_annotation_get_spans() without its checks, for the store's and
 * the span index's loops over every annotation of a file. */
static inline const GlossSpan *
_gloss_annotation_peek_spans (GlossAnnotation *self,
                              GlossSpanRole    role,
                              guint           *n_spans)
{
  GlossSpanList *list = _gloss_annotation_get_span_list (self, role);

  *n_spans = list != NULL ? list->n : 0;
  return list != NULL ? list->v : NULL;
}

/* The store that holds the annotation (not a reference); NULL = a draft. */
void      _gloss_annotation_set_store  (GlossAnnotation *self,
                                        GlossStore      *store);
/* Copies every field of @src except the id into @self, bypassing the
 * frozen check: only the store calls it, to apply a recorded change. */
void      _gloss_annotation_assign     (GlossAnnotation *self,
                                        GlossAnnotation *src);

GlossSpanList *_gloss_claim_get_cue_list         (GlossClaim    *self);
GlossSpanList *_gloss_relation_get_evidence_list (GlossRelation *self);

void      _gloss_entity_add_mentions   (GlossEntity     *self,
                                        int              delta);

/* Reference fields compared by entity id, so stores can be compared. */
gboolean  _gloss_entity_ref_equal      (GlossEntity     *a,
                                        GlossEntity     *b);

/* Replace every reference to @from by @to (NULL to drop it); TRUE if any. */
gboolean  _gloss_annotation_retarget   (GlossAnnotation *self,
                                        GlossEntity     *from,
                                        GlossEntity     *to);
gboolean  _gloss_annotation_refers_to  (GlossAnnotation *self,
                                        GlossEntity     *entity);

int       _gloss_compare_ids           (const char      *a,
                                        const char      *b);

G_END_DECLS
