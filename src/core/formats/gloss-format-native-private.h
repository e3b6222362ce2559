/* gloss-format-native-private.h: one annotation in the native format, for
 * the journal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-store.h"

G_BEGIN_DECLS

/* Appends @a as the one-line JSON object a .gloss file holds for it. */
void             _gloss_native_write_annotation (GString             *out,
                                                 GlossStore          *store,
                                                 GlossAnnotation     *a);
/* Reads one annotation object (@json, @len bytes) into a new, detached
 * annotation; its entity references are resolved against @store by id
 * and its spans checked against @store's text. */
GlossAnnotation *_gloss_native_read_annotation  (GlossStore          *store,
                                                 GlossAnnotationKind  kind,
                                                 const char          *json,
                                                 gsize                len,
                                                 const char          *where,
                                                 GError             **error);

G_END_DECLS
