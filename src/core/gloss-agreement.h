/* gloss-agreement.h: how far two annotators agree on the same texts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-store.h"

G_BEGIN_DECLS

/**
 * GlossMatch:
 * @GLOSS_MATCH_EXACT: same type and the same spans
 * @GLOSS_MATCH_OVERLAP: same type and spans that share a code point
 *
 * When an annotation of one annotator counts as found by the other
 * (docs/decisions.md, "Agreement").
 */
typedef enum
{
  GLOSS_MATCH_EXACT,
  GLOSS_MATCH_OVERLAP,
  GLOSS_N_MATCHES /*< skip >*/
} GlossMatch;

/**
 * GlossAgreementCounts:
 * @a: annotations of A (the reference)
 * @b: annotations of B
 * @matched: pairs matched one to one
 */
typedef struct
{
  guint a;
  guint b;
  guint matched;
} GlossAgreementCounts;

/**
 * GlossKappa:
 * @tokens: tokens compared
 * @agreed: tokens both gave the same label ("O" for none)
 * @observed: p_o = agreed / tokens
 * @expected: p_e = Σ over labels of (A's share × B's share)
 * @kappa: (p_o − p_e) / (1 − p_e); NAN when undefined (no tokens, or
 *   both used one and the same label only)
 */
typedef struct
{
  guint  tokens;
  guint  agreed;
  double observed;
  double expected;
  double kappa;
} GlossKappa;

typedef struct _GlossAgreement GlossAgreement;

GlossAgreement *gloss_agreement_new            (void);
void            gloss_agreement_free           (GlossAgreement       *self);
/* Compares A's and B's annotations of one text and adds them to the
 * tallies; fails when the two annotate different texts. */
gboolean        gloss_agreement_add            (GlossAgreement       *self,
                                                GlossStore           *a,
                                                GlossStore           *b,
                                                GError              **error);
/* Adds @other's tallies to @self (pooling documents). */
void            gloss_agreement_merge          (GlossAgreement       *self,
                                                const GlossAgreement *other);
guint           gloss_agreement_get_n_documents (const GlossAgreement *self);
/* The type ids either annotator used for @kind (mention, claim or
 * relation), sorted. */
GPtrArray      *gloss_agreement_list_types     (const GlossAgreement *self,
                                                GlossAnnotationKind   kind);
/* @type: a type id, or NULL for every type together (micro average). */
GlossAgreementCounts gloss_agreement_get_counts (const GlossAgreement *self,
                                                GlossAnnotationKind   kind,
                                                GlossMatch            match,
                                                const char           *type);
/* Token-level Cohen's kappa of the labels of @kind (mention or claim). */
GlossKappa      gloss_agreement_get_kappa      (const GlossAgreement *self,
                                                GlossAnnotationKind   kind);

/* matched / b, matched / a, and 2·matched / (a + b); NAN when the
 * denominator is 0. */
double          gloss_agreement_precision      (const GlossAgreementCounts *counts);
double          gloss_agreement_recall         (const GlossAgreementCounts *counts);
double          gloss_agreement_f1             (const GlossAgreementCounts *counts);

const char     *gloss_match_to_string          (GlossMatch            match);
gboolean        gloss_match_from_string        (const char           *str,
                                                GlossMatch           *match);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossAgreement, gloss_agreement_free)

G_END_DECLS
