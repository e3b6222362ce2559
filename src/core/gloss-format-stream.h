/* gloss-format-stream.h: an export written one document at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-format.h"

G_BEGIN_DECLS

typedef struct _GlossFormatStream GlossFormatStream;

gboolean           gloss_format_streams      (const GlossFormat        *format);
GlossFormatStream *gloss_format_stream_new   (const GlossFormat        *format,
                                              const GlossFormatOptions *options);
GBytes            *gloss_format_stream_add   (GlossFormatStream        *stream,
                                              GlossStore               *store,
                                              GError                  **error);
GBytes            *gloss_format_stream_end   (GlossFormatStream        *stream,
                                              GError                  **error);
void               gloss_format_stream_free  (GlossFormatStream        *stream);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossFormatStream, gloss_format_stream_free)

G_END_DECLS
