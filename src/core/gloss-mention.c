/* gloss-mention.c: one occurrence of an entity in the text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-annotation-private.h"

struct _GlossMention
{
  GlossAnnotation  parent_instance;

  GlossEntity     *entity;
};

G_DEFINE_FINAL_TYPE (GlossMention, gloss_mention, GLOSS_TYPE_ANNOTATION)

static void
gloss_mention_finalize (GObject *object)
{
  g_clear_object (&GLOSS_MENTION (object)->entity);
  G_OBJECT_CLASS (gloss_mention_parent_class)->finalize (object);
}

static void
gloss_mention_assign (GlossAnnotation *self,
                      GlossAnnotation *src)
{
  g_set_object (&GLOSS_MENTION (self)->entity, GLOSS_MENTION (src)->entity);
}

static gboolean
gloss_mention_equal (GlossAnnotation *self,
                     GlossAnnotation *other)
{
  return _gloss_entity_ref_equal (GLOSS_MENTION (self)->entity, GLOSS_MENTION (other)->entity);
}

static void
gloss_mention_class_init (GlossMentionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GlossAnnotationClass *annotation_class = GLOSS_ANNOTATION_CLASS (klass);

  object_class->finalize = gloss_mention_finalize;
  annotation_class->kind = GLOSS_KIND_MENTION;
  annotation_class->assign = gloss_mention_assign;
  annotation_class->equal = gloss_mention_equal;
}

static void
gloss_mention_init (GlossMention *self)
{
}

/**
 * gloss_mention_new:
 * @type_id: an entity type id, such as "PER"
 * @spans: (array length=n_spans): one or more fragments
 *
 * Returns: (transfer full): a new mention, not yet in a store
 */
GlossMention *
gloss_mention_new (const char      *type_id,
                   const GlossSpan *spans,
                   guint            n_spans)
{
  GlossMention *self = g_object_new (GLOSS_TYPE_MENTION, NULL);

  gloss_annotation_set_type_id (GLOSS_ANNOTATION (self), type_id);
  gloss_annotation_set_spans (GLOSS_ANNOTATION (self), GLOSS_ROLE_CONTENT, spans, n_spans);
  return self;
}

/**
 * gloss_mention_get_entity:
 *
 * Returns: (transfer none) (nullable): the entity the mention refers to
 */
GlossEntity *
gloss_mention_get_entity (GlossMention *self)
{
  g_return_val_if_fail (GLOSS_IS_MENTION (self), NULL);
  return self->entity;
}

void
gloss_mention_set_entity (GlossMention *self,
                          GlossEntity  *entity)
{
  g_return_if_fail (GLOSS_IS_MENTION (self));
  g_return_if_fail (entity == NULL || GLOSS_IS_ENTITY (entity));
  g_return_if_fail (!gloss_annotation_is_frozen (GLOSS_ANNOTATION (self)));

  g_set_object (&self->entity, entity);
}
