/* gloss-format-w3c.h: W3C Web Annotation JSON-LD (docs/formats.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-format.h"

G_BEGIN_DECLS

GPtrArray *gloss_w3c_import (GBytes                   *input,
                             const GlossFormatOptions *options,
                             GError                  **error);
GBytes    *gloss_w3c_export (GPtrArray                *stores,
                             const GlossFormatOptions *options,
                             GError                  **error);

void       gloss_w3c_export_chunk (GlossStore               *store,
                                   guint                     index,
                                   gboolean                  several,
                                   const GlossFormatOptions *options,
                                   GString                  *out);
void       gloss_w3c_export_end   (guint                     n,
                                   const GlossFormatOptions *options,
                                   GString                  *out);

G_END_DECLS
