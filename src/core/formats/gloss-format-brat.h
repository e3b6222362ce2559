/* gloss-format-brat.h: brat standoff, .txt + .ann (docs/formats.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-format.h"

G_BEGIN_DECLS

/* brat's configuration of types, beside the documents. */
#define GLOSS_BRAT_CONF "annotation.conf"

/* @input is the .ann (or the .txt) named by @options->where; the other
 * file of the pair is read from beside it. */
GPtrArray *gloss_brat_import      (GBytes                   *input,
                                   const GlossFormatOptions *options,
                                   GError                  **error);
/* One document from its text and its annotations, both given. */
GPtrArray *gloss_brat_import_pair (GBytes                   *text,
                                   GBytes                   *ann,
                                   const GlossFormatOptions *options,
                                   GError                  **error);
/* Two files per document, ID.txt and ID.ann, then annotation.conf
 * (GlossFormatFile). */
GPtrArray *gloss_brat_export      (GPtrArray                *stores,
                                   const GlossFormatOptions *options,
                                   GError                  **error);

G_END_DECLS
