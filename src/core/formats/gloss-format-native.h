/* gloss-format-native.h: the .gloss file (DESIGN §4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-format.h"
#include "gloss-store.h"

G_BEGIN_DECLS

#define GLOSS_NATIVE_VERSION 1

/* @where names the file in messages ("k.gloss: mentions[12].spans[0]: …"). */
GlossStore *gloss_native_read_bytes  (GBytes      *bytes,
                                      const char  *where,
                                      GError     **error);

/**
 * GlossNativeReadHooks:
 * @document_read: (nullable): called once the document's text is read,
 *   before the annotations, when the file has it first (files Gloss writes
 *   do); the document is final and is the new store's
 * @progress: (nullable): how much of the file is read, 0 to 1, called
 *   about a hundred times at most
 * @user_data: for both
 *
 * Both are called in the thread that reads (the window's worker): they
 * must only hand on what they get.
 */
typedef struct
{
  void     (*document_read) (GlossDocument *document,
                             gpointer       user_data);
  void     (*progress)      (double         fraction,
                             gpointer       user_data);
  gpointer   user_data;
} GlossNativeReadHooks;

GlossStore *gloss_native_read_bytes_hooked (GBytes                     *bytes,
                                            const char                 *where,
                                            const GlossNativeReadHooks *hooks,
                                            GError                    **error);
GlossStore *gloss_native_read_file   (GFile       *file,
                                      GError     **error);
/* Every problem (up to @max_problems), not only the first. */
GPtrArray  *gloss_native_check_bytes (GBytes      *bytes,
                                      const char  *where,
                                      guint        max_problems);
GBytes     *gloss_native_write_bytes (GlossStore  *store);
/* Atomic: never truncates the old file on failure. */
gboolean    gloss_native_write_file  (GlossStore  *store,
                                      GFile       *file,
                                      GError     **error);

/* GlossImportFunc / GlossExportFunc for the format table. */
GPtrArray  *gloss_native_import      (GBytes                   *input,
                                      const GlossFormatOptions *options,
                                      GError                  **error);
GBytes     *gloss_native_export      (GPtrArray                *stores,
                                      const GlossFormatOptions *options,
                                      GError                  **error);

G_END_DECLS
