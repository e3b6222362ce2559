/* gloss-schema-private.h: what gloss-schema.c shares with gloss-schema-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-schema.h"

G_BEGIN_DECLS

/* The schema's members that hold each kind's labels ("entity_types"…). */
extern const char * const _gloss_schema_list_names[GLOSS_N_LABEL_KINDS];

G_END_DECLS
