/* gloss-span-levels.h: how deep each visible span draws, for the view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-annotation.h"

G_BEGIN_DECLS

/* One fragment of an annotation (one span of one role), as the view
 * draws it. */
typedef struct
{
  GlossAnnotation *annotation;   /* not owned */
  guint            start;
  guint            end;
  guint8           kind;         /* GlossAnnotationKind */
  guint8           role;         /* GlossSpanRole */
  guint16          level;        /* see gloss_span_levels_compute() */
} GlossSpanLevel;

/* Sorts by start, the outer of two at one start first, then by kind and
 * role: the order gloss_span_levels_compute() needs. */
void gloss_span_levels_sort    (GlossSpanLevel *items,
                                guint           n_items);
/* Sets each item's level, @items sorted as above, levels 0 on entry.
 * Mentions: 0 for the innermost, one more per nesting above it (a mention
 * that contains another draws its underline lower, without a tint).
 * Claims' content: the level their dashes go, below the mentions they
 * contain. Other items keep 0. */
void gloss_span_levels_compute (GlossSpanLevel *items,
                                guint           n_items);

G_END_DECLS
