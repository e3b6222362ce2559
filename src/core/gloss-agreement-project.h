/* gloss-agreement-project.h: two annotators of a project compared
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-agreement.h"
#include "gloss-project.h"

G_BEGIN_DECLS

/* One document both annotators saved, and how far they agree on it. */
typedef struct
{
  GlossProjectDocument *document;
  GlossAgreement       *agreement;
} GlossDocumentAgreement;

/* @annotator's own file of @document (documents/ID/STEM.gloss), or %NULL
 * without an error when they have none. */
GlossStore *gloss_agreement_open_version    (GlossProject          *project,
                                             GlossProjectDocument  *document,
                                             const char            *annotator,
                                             GError               **error);
/* Compares @annotator_a (the reference) and @annotator_b on every
 * document both have a file of, in the project's order. *pooled gets
 * every document's counts added together.
 * Returns: (transfer full) (element-type GlossDocumentAgreement) */
GPtrArray  *gloss_agreement_compare_project (GlossProject          *project,
                                             const char            *annotator_a,
                                             const char            *annotator_b,
                                             GlossAgreement       **pooled,
                                             GError               **error);

G_END_DECLS
