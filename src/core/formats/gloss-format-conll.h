/* gloss-format-conll.h: CoNLL-2003-style IOB2 (docs/formats.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-format.h"

G_BEGIN_DECLS

GPtrArray *gloss_conll_import (GBytes                   *input,
                               const GlossFormatOptions *options,
                               GError                  **error);
GBytes    *gloss_conll_export (GPtrArray                *stores,
                               const GlossFormatOptions *options,
                               GError                  **error);

G_END_DECLS
