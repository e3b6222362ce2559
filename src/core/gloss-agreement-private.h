/* gloss-agreement-private.h: pairing two annotators' annotations, which
 * agreement counts and curation merges
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-agreement.h"

G_BEGIN_DECLS

/* The annotations of one kind in A and in B, in list order, and which
 * are paired: a_to_b[i] is the index in b of a[i]'s partner, or -1. */
typedef struct
{
  GPtrArray *a;
  GPtrArray *b;
  GArray    *a_to_b;   /* int */
  GArray    *b_to_a;   /* int */
} GlossAlignment;

/* The entities of A and B that stand for the same thing: paired
 * mentions link them, or they have the same type and name. */
typedef struct _GlossEntityPairs GlossEntityPairs;

/* Pairs the annotations of @kind one to one (docs/decisions.md,
 * "Agreement"): same type and spans equal (exact) or overlapping, the
 * largest overlap first; claims also need corresponding claimants and
 * relations corresponding ends (@entities; NULL: not compared). With
 * @any_type the type may differ, and annotations paired in @exclude (an
 * alignment of the same stores and kind, or NULL) are left out: curation
 * pairs the disagreements so. */
GlossAlignment   *_gloss_align             (GlossStore          *a,
                                            GlossStore          *b,
                                            GlossAnnotationKind  kind,
                                            GlossMatch           match,
                                            GlossEntityPairs    *entities,
                                            gboolean             any_type,
                                            GlossAlignment      *exclude);
void              _gloss_alignment_free    (GlossAlignment      *alignment);

GlossEntityPairs *_gloss_entity_pairs_new  (GlossStore          *a,
                                            GlossStore          *b,
                                            GlossAlignment      *mentions);
void              _gloss_entity_pairs_free (GlossEntityPairs    *pairs);
/* Both NULL (for a claimant: the author) or a pair. */
gboolean          _gloss_entity_pairs_has  (GlossEntityPairs    *pairs,
                                            GlossEntity         *a,
                                            GlossEntity         *b);
/* The id of an A entity that @b corresponds to, or NULL. */
const char       *_gloss_entity_pairs_find_a (GlossEntityPairs  *pairs,
                                              GlossEntity       *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossAlignment, _gloss_alignment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossEntityPairs, _gloss_entity_pairs_free)

G_END_DECLS
