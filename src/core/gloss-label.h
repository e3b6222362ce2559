/* gloss-label.h: one type of a schema (entity, claim or relation type)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_LABEL (gloss_label_get_type ())

G_DECLARE_FINAL_TYPE (GlossLabel, gloss_label, GLOSS, LABEL, GObject)

GlossLabel         *gloss_label_new             (GlossLabelKind  kind,
                                                 const char     *id,
                                                 const char     *name,
                                                 const char     *color);
GlossLabel         *gloss_label_copy            (GlossLabel     *self);
GlossLabelKind      gloss_label_get_kind        (GlossLabel     *self);
const char         *gloss_label_get_id          (GlossLabel     *self);
void                gloss_label_set_id          (GlossLabel     *self,
                                                 const char     *id);
const char         *gloss_label_get_name        (GlossLabel     *self);
void                gloss_label_set_name        (GlossLabel     *self,
                                                 const char     *name);
const char         *gloss_label_get_color       (GlossLabel     *self);
void                gloss_label_set_color       (GlossLabel     *self,
                                                 const char     *color);
const char         *gloss_label_get_key         (GlossLabel     *self);
void                gloss_label_set_key         (GlossLabel     *self,
                                                 const char     *key);
const char         *gloss_label_get_description (GlossLabel     *self);
void                gloss_label_set_description (GlossLabel     *self,
                                                 const char     *description);
/* Relation types: the entity type ids allowed at each end; NULL = any. */
const char * const *gloss_label_get_from        (GlossLabel     *self);
void                gloss_label_set_from        (GlossLabel     *self,
                                                 const char * const *from);
const char * const *gloss_label_get_to          (GlossLabel     *self);
void                gloss_label_set_to          (GlossLabel     *self,
                                                 const char * const *to);
gboolean            gloss_label_allows          (GlossLabel     *self,
                                                 const char     *from_type,
                                                 const char     *to_type);
/* A type met in a file but missing from its schema: kept, never dropped. */
gboolean            gloss_label_get_unknown     (GlossLabel     *self);
void                gloss_label_set_unknown     (GlossLabel     *self,
                                                 gboolean        unknown);
/* Members of the JSON object this version does not know, written back. */
JsonObject         *gloss_label_get_extra       (GlossLabel     *self);
void                gloss_label_set_extra       (GlossLabel     *self,
                                                 JsonObject     *extra);

G_END_DECLS
