/* gloss-format-report.h: what a conversion could not carry, with counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "gloss-store.h"

G_BEGIN_DECLS

/**
 * GlossFormatCarries:
 * @GLOSS_CARRIES_MENTIONS: typed spans
 * @GLOSS_CARRIES_OVERLAPS: mentions that overlap or nest
 * @GLOSS_CARRIES_FRAGMENTS: annotations of several fragments
 * @GLOSS_CARRIES_ENTITIES: mentions grouped into entities (coreference)
 * @GLOSS_CARRIES_KB: an entity's knowledge-base id
 * @GLOSS_CARRIES_CLAIMS: claims with claimant and cue
 * @GLOSS_CARRIES_RELATIONS: relations between entities
 * @GLOSS_CARRIES_ATTRIBUTES: attribute values
 * @GLOSS_CARRIES_NOTES: notes
 * @GLOSS_CARRIES_TITLE: the document's title and language
 * @GLOSS_CARRIES_SPACING: the text as it is (CoNLL rejoins its tokens with
 *   single spaces)
 * @GLOSS_CARRIES_ANNOTATIONS: every kind of annotation, none of the two
 *   above
 *
 * What a format can hold; the README's table of formats says the same.
 */
typedef enum
{
  GLOSS_CARRIES_MENTIONS   = 1 << 0,
  GLOSS_CARRIES_OVERLAPS   = 1 << 1,
  GLOSS_CARRIES_FRAGMENTS  = 1 << 2,
  GLOSS_CARRIES_ENTITIES   = 1 << 3,
  GLOSS_CARRIES_KB         = 1 << 4,
  GLOSS_CARRIES_CLAIMS     = 1 << 5,
  GLOSS_CARRIES_RELATIONS  = 1 << 6,
  GLOSS_CARRIES_ATTRIBUTES = 1 << 7,
  GLOSS_CARRIES_NOTES      = 1 << 8,
  GLOSS_CARRIES_TITLE      = 1 << 9,
  GLOSS_CARRIES_SPACING    = 1 << 10,
  GLOSS_CARRIES_ANNOTATIONS = (1 << 9) - 1,
  GLOSS_CARRIES_ALL        = (1 << 11) - 1,
} GlossFormatCarries;

/**
 * GlossLoss:
 * @GLOSS_LOSS_MENTIONS: mentions left out (overlapping ones, in CoNLL)
 * @GLOSS_LOSS_FRAGMENTS: annotations of several fragments, written as
 *   separate spans or left out
 * @GLOSS_LOSS_COREFERENCE: entities (mention clusters) not written
 * @GLOSS_LOSS_KB: knowledge-base ids not written
 * @GLOSS_LOSS_CLAIMS: claims not written
 * @GLOSS_LOSS_RELATIONS: relations not written
 * @GLOSS_LOSS_ATTRIBUTES: annotations whose attribute values were not written
 * @GLOSS_LOSS_NOTES: notes not written
 * @GLOSS_LOSS_TITLES: documents whose title or language was not written
 * @GLOSS_LOSS_SPACING: documents whose text's spacing was not kept
 * @GLOSS_LOSS_EVIDENCE: relations whose evidence spans were not written
 * @GLOSS_LOSS_CLAIM_PARTS: claims written without their claimant or an
 *   entity they are about
 * @GLOSS_LOSS_OTHER: anything else a format could not carry
 */
typedef enum
{
  GLOSS_LOSS_MENTIONS,
  GLOSS_LOSS_FRAGMENTS,
  GLOSS_LOSS_COREFERENCE,
  GLOSS_LOSS_KB,
  GLOSS_LOSS_CLAIMS,
  GLOSS_LOSS_RELATIONS,
  GLOSS_LOSS_ATTRIBUTES,
  GLOSS_LOSS_NOTES,
  GLOSS_LOSS_TITLES,
  GLOSS_LOSS_SPACING,
  GLOSS_LOSS_EVIDENCE,
  GLOSS_LOSS_CLAIM_PARTS,
  GLOSS_LOSS_OTHER,
  GLOSS_N_LOSSES
} GlossLoss;

typedef struct _GlossFormatReport GlossFormatReport;

GlossFormatReport *gloss_format_report_new        (void);
void               gloss_format_report_free       (GlossFormatReport  *self);
void               gloss_format_report_add        (GlossFormatReport  *self,
                                                   GlossLoss           loss,
                                                   guint               count);
/* One line saying where something was lost ("DOC: m7 …: why"). */
void               gloss_format_report_add_detail (GlossFormatReport  *self,
                                                   const char         *format,
                                                   ...) G_GNUC_PRINTF (2, 3);
guint              gloss_format_report_get_count  (GlossFormatReport  *self,
                                                   GlossLoss           loss);
gboolean           gloss_format_report_is_empty   (GlossFormatReport  *self);
/* (transfer none) (element-type utf8) */
GPtrArray         *gloss_format_report_get_details (GlossFormatReport *self);
/* "2 claims, 1 relation, 3 notes"; NULL when nothing was lost. */
char              *gloss_format_report_summary    (GlossFormatReport  *self);
/* Counts what @store holds that a format carrying only @carries leaves
 * out: claims, relations, coreference, KB ids, fragments, attributes and
 * notes (overlaps are the exporter's to report, with where). */
void               gloss_format_report_count_store (GlossFormatReport *self,
                                                    GlossStore        *store,
                                                    GlossFormatCarries carries);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossFormatReport, gloss_format_report_free)

G_END_DECLS
