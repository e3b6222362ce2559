/* gloss-attribute-rows.h: rows that edit an annotation's schema attributes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-store.h"

G_BEGIN_DECLS

/* Called with the new value (NULL: unset) when a row changes. */
typedef void (*GlossAttributeSetFunc) (gpointer    user_data,
                                       const char *attr_id,
                                       JsonNode   *value);

/* Gives @list one row per attribute that applies to @annotation (enum:
 * combo row, bool: switch, text: entry row), keeping the rows it has when
 * they are for the same attributes; returns how many there are. */
guint gloss_attribute_rows_fill (GtkListBox            *list,
                                 GlossStore            *store,
                                 GlossAnnotation       *annotation,
                                 GlossAttributeSetFunc  set,
                                 gpointer               user_data);

/* What the interface calls @def, and one of its enum @value: the default
 * schema's attributes in the interface's language while they keep their
 * English names (the file keeps them as they are), any other as it is. */
const char *gloss_attribute_shown_name  (GlossAttributeDef *def);
const char *gloss_attribute_shown_value (GlossAttributeDef *def,
                                         const char        *value);

G_END_DECLS
