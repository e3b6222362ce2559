/* gloss-relation.c: a typed link between two entities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-annotation-private.h"

struct _GlossRelation
{
  GlossAnnotation  parent_instance;

  GlossEntity     *from;
  GlossEntity     *to;
  GlossSpanList    evidence;
};

G_DEFINE_FINAL_TYPE (GlossRelation, gloss_relation, GLOSS_TYPE_ANNOTATION)

static void
gloss_relation_finalize (GObject *object)
{
  GlossRelation *self = GLOSS_RELATION (object);

  g_clear_object (&self->from);
  g_clear_object (&self->to);
  _gloss_span_list_clear (&self->evidence);
  G_OBJECT_CLASS (gloss_relation_parent_class)->finalize (object);
}

static void
gloss_relation_assign (GlossAnnotation *self,
                       GlossAnnotation *src)
{
  GlossRelation *r = GLOSS_RELATION (self);
  GlossRelation *s = GLOSS_RELATION (src);

  g_set_object (&r->from, s->from);
  g_set_object (&r->to, s->to);
  _gloss_span_list_set (&r->evidence, s->evidence.v, s->evidence.n);
}

static gboolean
gloss_relation_equal (GlossAnnotation *self,
                      GlossAnnotation *other)
{
  GlossRelation *a = GLOSS_RELATION (self);
  GlossRelation *b = GLOSS_RELATION (other);

  return _gloss_entity_ref_equal (a->from, b->from) &&
         _gloss_entity_ref_equal (a->to, b->to) &&
         _gloss_span_list_equal (&a->evidence, &b->evidence);
}

static void
gloss_relation_class_init (GlossRelationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GlossAnnotationClass *annotation_class = GLOSS_ANNOTATION_CLASS (klass);

  object_class->finalize = gloss_relation_finalize;
  annotation_class->kind = GLOSS_KIND_RELATION;
  annotation_class->assign = gloss_relation_assign;
  annotation_class->equal = gloss_relation_equal;
}

static void
gloss_relation_init (GlossRelation *self)
{
}

GlossSpanList *
_gloss_relation_get_evidence_list (GlossRelation *self)
{
  return &self->evidence;
}

/**
 * gloss_relation_new:
 * @type_id: a relation type id, such as "meets_with"
 *
 * Returns: (transfer full): a new relation, not yet in a store
 */
GlossRelation *
gloss_relation_new (const char  *type_id,
                    GlossEntity *from,
                    GlossEntity *to)
{
  GlossRelation *self = g_object_new (GLOSS_TYPE_RELATION, NULL);

  gloss_annotation_set_type_id (GLOSS_ANNOTATION (self), type_id);
  g_set_object (&self->from, from);
  g_set_object (&self->to, to);
  return self;
}

/**
 * gloss_relation_get_from:
 *
 * Returns: (transfer none) (nullable): the entity the relation starts at
 */
GlossEntity *
gloss_relation_get_from (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), NULL);
  return self->from;
}

void
gloss_relation_set_from (GlossRelation *self,
                         GlossEntity   *from)
{
  g_return_if_fail (GLOSS_IS_RELATION (self));
  g_return_if_fail (!gloss_annotation_is_frozen (GLOSS_ANNOTATION (self)));
  g_set_object (&self->from, from);
}

/**
 * gloss_relation_get_to:
 *
 * Returns: (transfer none) (nullable): the entity the relation ends at
 */
GlossEntity *
gloss_relation_get_to (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), NULL);
  return self->to;
}

void
gloss_relation_set_to (GlossRelation *self,
                       GlossEntity   *to)
{
  g_return_if_fail (GLOSS_IS_RELATION (self));
  g_return_if_fail (!gloss_annotation_is_frozen (GLOSS_ANNOTATION (self)));
  g_set_object (&self->to, to);
}
