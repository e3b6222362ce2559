/* gloss-registry-private.h: what gloss-registry.c and
 * gloss-registry-documents.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-store.h"

G_BEGIN_DECLS

/* The entity of @store whose id is @id, if any. */
GlossEntity *_gloss_registry_store_entity (GlossStore  *store,
                                           const char  *id);
/* The document's entity under the project's id: tagged when and by whom
 * the analyst tagged it (@own's times and author on @fresh), not when it
 * was linked. */
void         _gloss_registry_keep_times   (GlossEntity *fresh,
                                           GlossEntity *own);

G_END_DECLS
