/* gloss-input-file.h: read a whole input file, only a regular one, only so large
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What every reader of the core accepts unless told otherwise. */
#define GLOSS_INPUT_DEFAULT_MAX_SIZE (G_GUINT64_CONSTANT (1) << 30)   /* 1 GiB */
/* Above this, the window asks before opening a text. */
#define GLOSS_INPUT_ASK_SIZE         (G_GUINT64_CONSTANT (50) * 1000 * 1000)

void     gloss_input_set_max_size  (guint64       max_size,
                                    const char   *how_to_raise);
guint64  gloss_input_get_max_size  (void);

gboolean gloss_input_file_query    (GFile        *file,
                                    guint64      *size,
                                    GError      **error);
GBytes  *gloss_input_file_load     (GFile        *file,
                                    GError      **error);
int      gloss_input_file_open     (GFile        *file,
                                    guint64      *size,
                                    GError      **error);
gssize   gloss_input_read          (int           fd,
                                    void         *buffer,
                                    gsize         size,
                                    const char   *name,
                                    GError      **error);
GBytes  *gloss_input_stream_load   (int           fd,
                                    const char   *name,
                                    GError      **error);

gboolean gloss_input_parse_size    (const char   *str,
                                    guint64      *size);

G_END_DECLS
