/* gloss-coreference.h: which entity a new mention joins
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-store.h"

G_BEGIN_DECLS

GlossEntity *gloss_coreference_find_named (GlossStore *store,
                                           const char *type_id,
                                           const char *text);
GlossEntity *gloss_coreference_find (GlossStore *store,
                                     const char *type_id,
                                     guint       start,
                                     guint       end);

G_END_DECLS
