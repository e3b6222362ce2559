/* gloss-annotation.h: what mentions, entities, claims and relations share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An annotation that belongs to a GlossStore is frozen: its setters refuse
 * to run. To change it, take a draft with gloss_annotation_copy(), change
 * the draft, and hand both to gloss_store_replace(), which records the
 * change for undo and tells listeners. A copy is never in a store.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ANNOTATION (gloss_annotation_get_type ())

G_DECLARE_DERIVABLE_TYPE (GlossAnnotation, gloss_annotation, GLOSS, ANNOTATION, GObject)

struct _GlossAnnotationClass
{
  GObjectClass parent_class;

  GlossAnnotationKind kind;

  /* Copy the subclass's fields from @src (same class) into @self. */
  void     (*assign)   (GlossAnnotation *self,
                        GlossAnnotation *src);
  gboolean (*equal)    (GlossAnnotation *self,
                        GlossAnnotation *other);
};

GlossAnnotationKind gloss_annotation_get_kind     (GlossAnnotation *self);
GlossAnnotation    *gloss_annotation_copy         (GlossAnnotation *self);
gboolean            gloss_annotation_equal        (GlossAnnotation *a,
                                                   GlossAnnotation *b);
gboolean            gloss_annotation_is_frozen    (GlossAnnotation *self);
GlossStore         *gloss_annotation_get_store    (GlossAnnotation *self);

const char         *gloss_annotation_get_id       (GlossAnnotation *self);
void                gloss_annotation_set_id       (GlossAnnotation *self,
                                                   const char      *id);
/* The type id (entity, claim or relation type); NULL for none. */
const char         *gloss_annotation_get_type_id  (GlossAnnotation *self);
void                gloss_annotation_set_type_id  (GlossAnnotation *self,
                                                   const char      *type_id);
const char         *gloss_annotation_get_note     (GlossAnnotation *self);
void                gloss_annotation_set_note     (GlossAnnotation *self,
                                                   const char      *note);
GlossStatus         gloss_annotation_get_status   (GlossAnnotation *self);
void                gloss_annotation_set_status   (GlossAnnotation *self,
                                                   GlossStatus      status);
const char         *gloss_annotation_get_author   (GlossAnnotation *self);
void                gloss_annotation_set_author   (GlossAnnotation *self,
                                                   const char      *author);
/* Unix time in seconds, 0 when unknown. */
gint64              gloss_annotation_get_created  (GlossAnnotation *self);
void                gloss_annotation_set_created  (GlossAnnotation *self,
                                                   gint64           created);
gint64              gloss_annotation_get_modified (GlossAnnotation *self);
void                gloss_annotation_set_modified (GlossAnnotation *self,
                                                   gint64           modified);
/* Attribute values by attribute id; NULL when there are none. */
JsonObject         *gloss_annotation_get_attrs    (GlossAnnotation *self);
JsonNode           *gloss_annotation_get_attr     (GlossAnnotation *self,
                                                   const char      *attr_id);
void                gloss_annotation_set_attr     (GlossAnnotation *self,
                                                   const char      *attr_id,
                                                   JsonNode        *value);
/* Members a newer or other writer put there; kept and written back. */
JsonObject         *gloss_annotation_get_extra    (GlossAnnotation *self);
void                gloss_annotation_set_extra    (GlossAnnotation *self,
                                                   JsonObject      *extra);

/* The spans of a role: content for mentions and claims, cue for claims,
 * evidence for relations. Sorted by (start, end), no duplicates. */
const GlossSpan    *gloss_annotation_get_spans    (GlossAnnotation *self,
                                                   GlossSpanRole    role,
                                                   guint           *n_spans);
void                gloss_annotation_set_spans    (GlossAnnotation *self,
                                                   GlossSpanRole    role,
                                                   const GlossSpan *spans,
                                                   guint            n_spans);
/* First content span start / last end; G_MAXUINT when it has no spans. */
guint               gloss_annotation_get_start    (GlossAnnotation *self);
guint               gloss_annotation_get_end      (GlossAnnotation *self);
int                 gloss_annotation_compare      (GlossAnnotation *a,
                                                   GlossAnnotation *b);

const char         *gloss_annotation_kind_to_string (GlossAnnotationKind kind);

G_END_DECLS
