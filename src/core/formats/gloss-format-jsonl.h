/* gloss-format-jsonl.h: the jsonl format (docs/formats.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-format.h"

G_BEGIN_DECLS

/* The version written; versions 1 and 2 are read. */
#define GLOSS_JSONL_VERSION 2

GPtrArray *gloss_jsonl_import (GBytes                   *input,
                             const GlossFormatOptions *options,
                             GError                  **error);
GBytes    *gloss_jsonl_export (GPtrArray                *stores,
                             const GlossFormatOptions *options,
                             GError                  **error);

G_END_DECLS
