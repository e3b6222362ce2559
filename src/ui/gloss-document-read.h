/* gloss-document-read.h: a file read into a store for a window: a .gloss
 * as itself, a file of another format imported, any other as text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-document.h"
#include "gloss-format-native.h"
#include "gloss-store.h"

G_BEGIN_DECLS

gboolean    gloss_is_gloss_file      (GFile                   *file);
/* @name with its extension (if any) replaced by @extension (".gloss"). */
char       *gloss_replace_extension  (const char              *name,
                                      const char              *extension);
/* A new, unannotated store of @document with the default schema; its
 * first line becomes its title when it is short enough to be one. */
GlossStore *gloss_store_from_text    (GlossDocument           *document,
                                      const char              *name);
/* Reads @file as a store; for a .gloss file also its bytes' sha256
 * (*@file_sha256, NULL otherwise), hashed while it parses, and tells
 * @hooks (nullable) of its text before its annotations. Touches nothing
 * shared, so that it can run in a worker thread. */
GlossStore *gloss_read_store         (GFile                      *file,
                                      GlossDocumentLoadFlags      flags,
                                      const GlossNativeReadHooks *hooks,
                                      char                      **file_sha256,
                                      GError                    **error);
/* The .gloss with @file's base name in @file's folder, if @file is not a
 * .gloss itself and that one is a regular file (issue 7, item 10). */
GFile      *gloss_annotations_beside (GFile                   *file);

G_END_DECLS
