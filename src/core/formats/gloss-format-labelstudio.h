/* gloss-format-labelstudio.h: Label Studio task JSON (docs/formats.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-format.h"

G_BEGIN_DECLS

GPtrArray *gloss_labelstudio_import (GBytes                   *input,
                                     const GlossFormatOptions *options,
                                     GError                  **error);
GBytes    *gloss_labelstudio_export (GPtrArray                *stores,
                                     const GlossFormatOptions *options,
                                     GError                  **error);

void       gloss_labelstudio_export_chunk (GlossStore               *store,
                                           guint                     index,
                                           gboolean                  several,
                                           const GlossFormatOptions *options,
                                           GString                  *out);
void       gloss_labelstudio_export_end   (guint                     n,
                                           const GlossFormatOptions *options,
                                           GString                  *out);

G_END_DECLS
