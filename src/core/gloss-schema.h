/* gloss-schema.h: the label set a document is annotated with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "gloss-attribute-def.h"
#include "gloss-label.h"
#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_SCHEMA (gloss_schema_get_type ())

G_DECLARE_FINAL_TYPE (GlossSchema, gloss_schema, GLOSS, SCHEMA, GObject)

GlossSchema       *gloss_schema_new              (void);
GlossSchema       *gloss_schema_new_default      (void);
/* The names and descriptions an interface shows (the default schema's in
 * the interface's language). */
const char        *gloss_label_shown_name        (GlossLabel      *label);
const char        *gloss_label_shown_description (GlossLabel      *label);
GlossSchema       *gloss_schema_new_from_json    (JsonNode        *node,
                                                  const char      *where,
                                                  GError         **error);
GlossSchema       *gloss_schema_new_from_file    (GFile           *file,
                                                  GError         **error);
GlossSchema       *gloss_schema_copy             (GlossSchema     *self);
JsonNode          *gloss_schema_to_json          (GlossSchema     *self);

/* A GListModel of GlossLabel for each label kind, in schema order. */
GListModel        *gloss_schema_get_labels       (GlossSchema     *self,
                                                  GlossLabelKind   kind);
GListModel        *gloss_schema_get_attributes   (GlossSchema     *self);
GlossLabel        *gloss_schema_lookup           (GlossSchema     *self,
                                                  GlossLabelKind   kind,
                                                  const char      *id);
GlossLabel        *gloss_schema_lookup_key       (GlossSchema     *self,
                                                  GlossLabelKind   kind,
                                                  const char      *key);
GlossAttributeDef *gloss_schema_lookup_attribute (GlossSchema     *self,
                                                  const char      *id);
/* Returns the label with this id, adding it (marked unknown) if missing. */
GlossLabel        *gloss_schema_ensure           (GlossSchema     *self,
                                                  GlossLabelKind   kind,
                                                  const char      *id);
gboolean           gloss_schema_add              (GlossSchema     *self,
                                                  GlossLabel      *label,
                                                  int              position,
                                                  GError         **error);
gboolean           gloss_schema_remove           (GlossSchema     *self,
                                                  GlossLabel      *label);
void               gloss_schema_move             (GlossSchema     *self,
                                                  GlossLabel      *label,
                                                  guint            position);
gboolean           gloss_schema_add_attribute    (GlossSchema     *self,
                                                  GlossAttributeDef *attribute,
                                                  GError         **error);
gboolean           gloss_schema_remove_attribute (GlossSchema     *self,
                                                  GlossAttributeDef *attribute);
/* Call after changing a label or attribute in place; emits ::changed. */
void               gloss_schema_notify_changed   (GlossSchema     *self);
JsonObject        *gloss_schema_get_extra        (GlossSchema     *self);
void               gloss_schema_set_extra        (GlossSchema     *self,
                                                  JsonObject      *extra);

G_END_DECLS
