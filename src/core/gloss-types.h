/* gloss-types.h: forward declarations and small enums shared by the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _GlossDocument      GlossDocument;
typedef struct _GlossSchema        GlossSchema;
typedef struct _GlossLabel         GlossLabel;
typedef struct _GlossAttributeDef  GlossAttributeDef;
typedef struct _GlossAnnotation    GlossAnnotation;
typedef struct _GlossMention       GlossMention;
typedef struct _GlossEntity        GlossEntity;
typedef struct _GlossClaim         GlossClaim;
typedef struct _GlossRelation      GlossRelation;
typedef struct _GlossStore         GlossStore;
typedef struct _GlossAnnotationList GlossAnnotationList;

/**
 * GlossSpan:
 * @start: first code point, inclusive
 * @end: code point after the last one (exclusive)
 *
 * A fragment of document text in Unicode code points.
 */
typedef struct
{
  guint start;
  guint end;
} GlossSpan;

/**
 * GlossOffsetUnit:
 * @GLOSS_OFFSET_CODEPOINTS: Unicode code points (the native unit)
 * @GLOSS_OFFSET_UTF16: UTF-16 code units (JavaScript and Java tools)
 * @GLOSS_OFFSET_BYTES: UTF-8 bytes
 */
typedef enum
{
  GLOSS_OFFSET_CODEPOINTS,
  GLOSS_OFFSET_UTF16,
  GLOSS_OFFSET_BYTES,
} GlossOffsetUnit;

/**
 * GlossAnnotationKind:
 *
 * The four kinds of annotation; also the four collections of a #GlossStore.
 */
typedef enum
{
  GLOSS_KIND_MENTION,
  GLOSS_KIND_ENTITY,
  GLOSS_KIND_CLAIM,
  GLOSS_KIND_RELATION,
  GLOSS_N_KINDS /*< skip >*/
} GlossAnnotationKind;

/**
 * GlossLabelKind:
 *
 * The lists of a #GlossSchema that hold type labels.
 */
typedef enum
{
  GLOSS_LABEL_ENTITY,
  GLOSS_LABEL_CLAIM,
  GLOSS_LABEL_RELATION,
  GLOSS_N_LABEL_KINDS /*< skip >*/
} GlossLabelKind;

/**
 * GlossStatus:
 * @GLOSS_STATUS_ACCEPTED: made or confirmed by an annotator (the default)
 * @GLOSS_STATUS_SUGGESTED: proposed by a tool, waiting for review
 */
typedef enum
{
  GLOSS_STATUS_ACCEPTED,
  GLOSS_STATUS_SUGGESTED,
} GlossStatus;

/**
 * GlossCertainty:
 */
typedef enum
{
  GLOSS_CERTAINTY_ASSERTED,
  GLOSS_CERTAINTY_HEDGED,
  GLOSS_CERTAINTY_DENIED,
} GlossCertainty;

/**
 * GlossSpanRole:
 * @GLOSS_ROLE_CONTENT: the annotation's own spans
 * @GLOSS_ROLE_CUE: the attribution cue of a claim
 * @GLOSS_ROLE_EVIDENCE: the evidence of a relation
 */
typedef enum
{
  GLOSS_ROLE_CONTENT,
  GLOSS_ROLE_CUE,
  GLOSS_ROLE_EVIDENCE,
} GlossSpanRole;

const char     *gloss_offset_unit_to_string (GlossOffsetUnit  unit);
gboolean        gloss_offset_unit_from_string (const char     *str,
                                               GlossOffsetUnit *unit);
const char     *gloss_status_to_string     (GlossStatus      status);
gboolean        gloss_status_from_string   (const char      *str,
                                            GlossStatus     *status);
const char     *gloss_certainty_to_string  (GlossCertainty   certainty);
gboolean        gloss_certainty_from_string (const char     *str,
                                             GlossCertainty *certainty);

G_END_DECLS
