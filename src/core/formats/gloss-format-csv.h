/* gloss-format-csv.h: mentions as CSV, for spreadsheets (docs/formats.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-format.h"

G_BEGIN_DECLS

GBytes *gloss_csv_export (GPtrArray                *stores,
                          const GlossFormatOptions *options,
                          GError                  **error);

void    gloss_csv_export_chunk (GlossStore               *store,
                                guint                     index,
                                gboolean                  several,
                                const GlossFormatOptions *options,
                                GString                  *out);
void    gloss_csv_export_end   (guint                     n,
                                const GlossFormatOptions *options,
                                GString                  *out);

G_END_DECLS
