/* gloss-attribute-def.h: an attribute that annotations of some types carry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "gloss-types.h"

G_BEGIN_DECLS

/**
 * GlossAttributeKind:
 * @GLOSS_ATTRIBUTE_ENUM: one of a list of values
 * @GLOSS_ATTRIBUTE_BOOL: true or false
 * @GLOSS_ATTRIBUTE_TEXT: free text
 */
typedef enum
{
  GLOSS_ATTRIBUTE_ENUM,
  GLOSS_ATTRIBUTE_BOOL,
  GLOSS_ATTRIBUTE_TEXT,
} GlossAttributeKind;

#define GLOSS_TYPE_ATTRIBUTE_DEF (gloss_attribute_def_get_type ())

G_DECLARE_FINAL_TYPE (GlossAttributeDef, gloss_attribute_def, GLOSS, ATTRIBUTE_DEF, GObject)

GlossAttributeDef  *gloss_attribute_def_new            (const char         *id,
                                                        GlossAttributeKind  kind);
GlossAttributeDef  *gloss_attribute_def_copy           (GlossAttributeDef  *self);
const char         *gloss_attribute_def_get_id         (GlossAttributeDef  *self);
void                gloss_attribute_def_set_id         (GlossAttributeDef  *self,
                                                        const char         *id);
const char         *gloss_attribute_def_get_name       (GlossAttributeDef  *self);
void                gloss_attribute_def_set_name       (GlossAttributeDef  *self,
                                                        const char         *name);
GlossAttributeKind  gloss_attribute_def_get_kind       (GlossAttributeDef  *self);
void                gloss_attribute_def_set_kind       (GlossAttributeDef  *self,
                                                        GlossAttributeKind  kind);
/* Type ids ("PER", "quote") or kind names ("mention", "claim"); NULL = all. */
const char * const *gloss_attribute_def_get_applies_to (GlossAttributeDef  *self);
void                gloss_attribute_def_set_applies_to (GlossAttributeDef  *self,
                                                        const char * const *applies_to);
const char * const *gloss_attribute_def_get_values     (GlossAttributeDef  *self);
void                gloss_attribute_def_set_values     (GlossAttributeDef  *self,
                                                        const char * const *values);
gboolean            gloss_attribute_def_applies        (GlossAttributeDef  *self,
                                                        GlossAnnotationKind kind,
                                                        const char         *type_id);
gboolean            gloss_attribute_def_accepts        (GlossAttributeDef  *self,
                                                        JsonNode           *value);
JsonObject         *gloss_attribute_def_get_extra      (GlossAttributeDef  *self);
void                gloss_attribute_def_set_extra      (GlossAttributeDef  *self,
                                                        JsonObject         *extra);

const char         *gloss_attribute_kind_to_string     (GlossAttributeKind  kind);
gboolean            gloss_attribute_kind_from_string   (const char         *str,
                                                        GlossAttributeKind *kind);

G_END_DECLS
