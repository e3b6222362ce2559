/* gloss-claim.c: a statement the text reports, and who made it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-annotation-private.h"

struct _GlossClaim
{
  GlossAnnotation  parent_instance;

  GlossEntity     *claimant;
  GPtrArray       *about;       /* GlossEntity, NULL when empty */
  GlossSpanList    cue;
  GlossCertainty   certainty;
};

G_DEFINE_FINAL_TYPE (GlossClaim, gloss_claim, GLOSS_TYPE_ANNOTATION)

static void
gloss_claim_finalize (GObject *object)
{
  GlossClaim *self = GLOSS_CLAIM (object);

  g_clear_object (&self->claimant);
  g_clear_pointer (&self->about, g_ptr_array_unref);
  _gloss_span_list_clear (&self->cue);
  G_OBJECT_CLASS (gloss_claim_parent_class)->finalize (object);
}

static void
gloss_claim_assign (GlossAnnotation *annotation,
                    GlossAnnotation *src_annotation)
{
  GlossClaim *self = GLOSS_CLAIM (annotation);
  GlossClaim *src = GLOSS_CLAIM (src_annotation);

  g_set_object (&self->claimant, src->claimant);
  g_clear_pointer (&self->about, g_ptr_array_unref);
  if (src->about != NULL)
    self->about = g_ptr_array_copy (src->about, (GCopyFunc)(void (*) (void))g_object_ref, NULL);
  if (self->about != NULL)
    g_ptr_array_set_free_func (self->about, g_object_unref);
  _gloss_span_list_set (&self->cue, src->cue.v, src->cue.n);
  self->certainty = src->certainty;
}

static gboolean
gloss_claim_equal (GlossAnnotation *annotation,
                   GlossAnnotation *other_annotation)
{
  GlossClaim *self = GLOSS_CLAIM (annotation);
  GlossClaim *other = GLOSS_CLAIM (other_annotation);
  guint n = gloss_claim_get_n_about (self);

  if (self->certainty != other->certainty ||
      !_gloss_entity_ref_equal (self->claimant, other->claimant) ||
      !_gloss_span_list_equal (&self->cue, &other->cue) ||
      n != gloss_claim_get_n_about (other))
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (!_gloss_entity_ref_equal (g_ptr_array_index (self->about, i),
                                  g_ptr_array_index (other->about, i)))
      return FALSE;

  return TRUE;
}

static void
gloss_claim_class_init (GlossClaimClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GlossAnnotationClass *annotation_class = GLOSS_ANNOTATION_CLASS (klass);

  object_class->finalize = gloss_claim_finalize;
  annotation_class->kind = GLOSS_KIND_CLAIM;
  annotation_class->assign = gloss_claim_assign;
  annotation_class->equal = gloss_claim_equal;
}

static void
gloss_claim_init (GlossClaim *self)
{
}

GlossSpanList *
_gloss_claim_get_cue_list (GlossClaim *self)
{
  return &self->cue;
}

/**
 * gloss_claim_new:
 * @type_id: a claim type id, such as "quote"
 * @spans: (array length=n_spans): the content, one or more fragments
 *
 * Returns: (transfer full): a new claim, not yet in a store
 */
GlossClaim *
gloss_claim_new (const char      *type_id,
                 const GlossSpan *spans,
                 guint            n_spans)
{
  GlossClaim *self = g_object_new (GLOSS_TYPE_CLAIM, NULL);

  gloss_annotation_set_type_id (GLOSS_ANNOTATION (self), type_id);
  gloss_annotation_set_spans (GLOSS_ANNOTATION (self), GLOSS_ROLE_CONTENT, spans, n_spans);
  return self;
}

#define RETURN_IF_FROZEN(self) \
  g_return_if_fail (!gloss_annotation_is_frozen (GLOSS_ANNOTATION (self)))

/**
 * gloss_claim_get_claimant:
 *
 * Returns: (transfer none) (nullable): who made the claim; %NULL for the
 *   article's author
 */
GlossEntity *
gloss_claim_get_claimant (GlossClaim *self)
{
  g_return_val_if_fail (GLOSS_IS_CLAIM (self), NULL);
  return self->claimant;
}

void
gloss_claim_set_claimant (GlossClaim  *self,
                          GlossEntity *claimant)
{
  g_return_if_fail (GLOSS_IS_CLAIM (self));
  g_return_if_fail (claimant == NULL || GLOSS_IS_ENTITY (claimant));
  RETURN_IF_FROZEN (self);

  g_set_object (&self->claimant, claimant);
}

GlossCertainty
gloss_claim_get_certainty (GlossClaim *self)
{
  g_return_val_if_fail (GLOSS_IS_CLAIM (self), 0);
  return self->certainty;
}

void
gloss_claim_set_certainty (GlossClaim     *self,
                           GlossCertainty  certainty)
{
  g_return_if_fail (GLOSS_IS_CLAIM (self));
  g_return_if_fail (certainty <= GLOSS_CERTAINTY_DENIED);
  RETURN_IF_FROZEN (self);

  self->certainty = certainty;
}

guint
gloss_claim_get_n_about (GlossClaim *self)
{
  g_return_val_if_fail (GLOSS_IS_CLAIM (self), 0);
  return self->about ? self->about->len : 0;
}

/**
 * gloss_claim_get_about:
 *
 * Returns: (transfer none): the @i-th entity the claim is about
 */
GlossEntity *
gloss_claim_get_about (GlossClaim *self,
                       guint       i)
{
  g_return_val_if_fail (GLOSS_IS_CLAIM (self), NULL);
  g_return_val_if_fail (i < gloss_claim_get_n_about (self), NULL);
  return g_ptr_array_index (self->about, i);
}

gboolean
gloss_claim_is_about (GlossClaim  *self,
                      GlossEntity *entity)
{
  g_return_val_if_fail (GLOSS_IS_CLAIM (self), FALSE);
  return self->about != NULL && entity != NULL && g_ptr_array_find (self->about, entity, NULL);
}

void
gloss_claim_add_about (GlossClaim  *self,
                       GlossEntity *entity)
{
  g_return_if_fail (GLOSS_IS_CLAIM (self));
  g_return_if_fail (GLOSS_IS_ENTITY (entity));
  RETURN_IF_FROZEN (self);

  if (gloss_claim_is_about (self, entity))
    return;
  if (self->about == NULL)
    self->about = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->about, g_object_ref (entity));
}

void
gloss_claim_remove_about (GlossClaim  *self,
                          GlossEntity *entity)
{
  g_return_if_fail (GLOSS_IS_CLAIM (self));
  RETURN_IF_FROZEN (self);

  if (self->about == NULL)
    return;
  g_ptr_array_remove (self->about, entity);
  if (self->about->len == 0)
    g_clear_pointer (&self->about, g_ptr_array_unref);
}
