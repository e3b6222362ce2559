/* gloss-span-index.h: an interval tree over annotation fragments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AVL tree of fragments ordered by (start, end, annotation order),
 * each node keeping the largest end below it (for overlap queries in
 * O(log n + k)) and the number of "primary" fragments below it (the first
 * content fragment of each annotation), which gives every annotation a
 * position in text order in O(log n): the GListModel of the collection.
 */
#pragma once

#include "gloss-store.h"

G_BEGIN_DECLS

typedef struct _GlossSpanIndex GlossSpanIndex;

GlossSpanIndex  *_gloss_span_index_new      (void);
void             _gloss_span_index_free     (GlossSpanIndex  *self);
/* Adds (or removes) every fragment of @annotation's roles. */
void             _gloss_span_index_add      (GlossSpanIndex  *self,
                                             GlossAnnotation *annotation);
/* Puts what was added into the tree now (else the next look at it does). */
void             _gloss_span_index_settle   (GlossSpanIndex  *self);
void             _gloss_span_index_remove   (GlossSpanIndex  *self,
                                             GlossAnnotation *annotation);
guint            _gloss_span_index_get_n_primary (GlossSpanIndex *self);
/* Position of @annotation among the primaries; G_MAXUINT if absent. */
guint            _gloss_span_index_position (GlossSpanIndex  *self,
                                             GlossAnnotation *annotation);
GlossAnnotation *_gloss_span_index_nth      (GlossSpanIndex  *self,
                                             guint            position);
/* Appends a GlossSpanHit to @hits for each fragment overlapping [start, end). */
void             _gloss_span_index_query    (GlossSpanIndex  *self,
                                             guint            start,
                                             guint            end,
                                             GArray          *hits);
/* Calls @func on each annotation with a primary fragment, in order. */
void             _gloss_span_index_foreach  (GlossSpanIndex  *self,
                                             GFunc            func,
                                             gpointer         user_data);

G_END_DECLS
