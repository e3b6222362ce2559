/* gloss-curation.h: two annotators' versions of a document merged, their
 * disagreements decided one by one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-project.h"
#include "gloss-store.h"

G_BEGIN_DECLS

/**
 * GlossCurationChoice:
 * @GLOSS_CURATION_UNDECIDED: not decided yet (left out of the result)
 * @GLOSS_CURATION_LEFT: the left annotator's side
 * @GLOSS_CURATION_RIGHT: the right annotator's side
 * @GLOSS_CURATION_NEITHER: neither side
 */
typedef enum
{
  GLOSS_CURATION_UNDECIDED,
  GLOSS_CURATION_LEFT,
  GLOSS_CURATION_RIGHT,
  GLOSS_CURATION_NEITHER,
} GlossCurationChoice;

#define GLOSS_TYPE_CURATION (gloss_curation_get_type ())

G_DECLARE_FINAL_TYPE (GlossCuration, gloss_curation, GLOSS, CURATION, GObject)

/* Fails when the two annotate different texts. */
GlossCuration      *gloss_curation_new            (GlossStore           *left,
                                                   GlossStore           *right,
                                                   GError              **error);
/* The two annotators' files of @document; fails when either is missing. */
GlossCuration      *gloss_curation_new_for_project (GlossProject        *project,
                                                    GlossProjectDocument *document,
                                                    const char          *left,
                                                    const char          *right,
                                                    GError             **error);
GlossStore         *gloss_curation_get_left       (GlossCuration        *self);
GlossStore         *gloss_curation_get_right      (GlossCuration        *self);
/* Mentions, claims and relations both made alike (exact matches). */
guint               gloss_curation_get_n_agreed   (GlossCuration        *self);
/* The disagreements, in text order (relations last). */
guint               gloss_curation_get_n_disagreements (GlossCuration   *self);
/* One side of disagreement @index, %NULL where that annotator has
 * nothing there. */
GlossAnnotation    *gloss_curation_get_side       (GlossCuration        *self,
                                                   guint                 index,
                                                   GlossCurationChoice   side);
/* The text both sides cover; G_MAXUINT for relations. */
guint               gloss_curation_get_start      (GlossCuration        *self,
                                                   guint                 index);
guint               gloss_curation_get_end        (GlossCuration        *self,
                                                   guint                 index);
GlossCurationChoice gloss_curation_get_choice     (GlossCuration        *self,
                                                   guint                 index);
/* Emits ::changed (@index). */
void                gloss_curation_choose         (GlossCuration        *self,
                                                   guint                 index,
                                                   GlossCurationChoice   choice);
guint               gloss_curation_get_n_undecided (GlossCuration       *self);
/* The first undecided disagreement after @index (going round), or -1. */
int                 gloss_curation_next_undecided (GlossCuration        *self,
                                                   int                   index);
/* The merged document: the agreements and the sides chosen. */
GlossStore         *gloss_curation_build          (GlossCuration        *self,
                                                   GError              **error);
/* Writes gloss_curation_build() to @file atomically. */
gboolean            gloss_curation_save           (GlossCuration        *self,
                                                   GFile                *file,
                                                   GError              **error);

G_END_DECLS
