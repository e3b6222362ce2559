/* gloss-entity.c: the thing that mentions refer to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-annotation-private.h"
#include "gloss-error.h"

struct _GlossEntity
{
  GlossAnnotation  parent_instance;

  char            *name;
  char            *kb;
  guint            n_mentions;
};

G_DEFINE_FINAL_TYPE (GlossEntity, gloss_entity, GLOSS_TYPE_ANNOTATION)

enum {
  PROP_0,
  PROP_N_MENTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gloss_entity_finalize (GObject *object)
{
  GlossEntity *self = GLOSS_ENTITY (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->kb, g_free);
  G_OBJECT_CLASS (gloss_entity_parent_class)->finalize (object);
}

static void
gloss_entity_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GlossEntity *self = GLOSS_ENTITY (object);

  switch (prop_id)
    {
    case PROP_N_MENTIONS:
      g_value_set_uint (value, self->n_mentions);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_entity_assign (GlossAnnotation *self,
                     GlossAnnotation *src)
{
  GlossEntity *e = GLOSS_ENTITY (self);

  g_free (e->name);
  e->name = g_strdup (GLOSS_ENTITY (src)->name);
  g_free (e->kb);
  e->kb = g_strdup (GLOSS_ENTITY (src)->kb);
}

static gboolean
gloss_entity_equal (GlossAnnotation *self,
                    GlossAnnotation *other)
{
  return g_strcmp0 (GLOSS_ENTITY (self)->name, GLOSS_ENTITY (other)->name) == 0 &&
         g_strcmp0 (GLOSS_ENTITY (self)->kb, GLOSS_ENTITY (other)->kb) == 0;
}

static void
gloss_entity_class_init (GlossEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GlossAnnotationClass *annotation_class = GLOSS_ANNOTATION_CLASS (klass);

  object_class->finalize = gloss_entity_finalize;
  object_class->get_property = gloss_entity_get_property;
  annotation_class->kind = GLOSS_KIND_ENTITY;
  annotation_class->assign = gloss_entity_assign;
  annotation_class->equal = gloss_entity_equal;

  /**
   * GlossEntity:n-mentions:
   *
   * How many mentions of the store point at the entity.
   */
  properties[PROP_N_MENTIONS] =
    g_param_spec_uint ("n-mentions", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_entity_init (GlossEntity *self)
{
}

/**
 * gloss_entity_new:
 * @type_id: an entity type id, such as "PER"
 * @name: (nullable): the canonical name
 *
 * Returns: (transfer full): a new entity, not yet in a store
 */
GlossEntity *
gloss_entity_new (const char *type_id,
                  const char *name)
{
  GlossEntity *self = g_object_new (GLOSS_TYPE_ENTITY, NULL);

  gloss_annotation_set_type_id (GLOSS_ANNOTATION (self), type_id);
  self->name = g_strdup (name);
  return self;
}

const char *
gloss_entity_get_name (GlossEntity *self)
{
  g_return_val_if_fail (GLOSS_IS_ENTITY (self), NULL);
  return self->name;
}

int
gloss_entity_compare_names (gconstpointer a,
                            gconstpointer b)
{
  GlossEntity *x = *(GlossEntity * const *) a;
  GlossEntity *y = *(GlossEntity * const *) b;

  return g_utf8_collate (x->name != NULL ? x->name : "", y->name != NULL ? y->name : "");
}

void
gloss_entity_set_name (GlossEntity *self,
                       const char  *name)
{
  g_return_if_fail (GLOSS_IS_ENTITY (self));
  g_return_if_fail (!gloss_annotation_is_frozen (GLOSS_ANNOTATION (self)));

  g_free (self->name);
  self->name = g_strdup (name);
}

/**
 * gloss_entity_check_kb:
 * @kb: a knowledge-base id, such as "wikidata:Q56226"
 * @error: a #GLOSS_STORE_ERROR_VALUE saying what is wrong
 *
 * Returns: whether @kb is PREFIX:ID (docs/formats.md)
 */
gboolean
gloss_entity_check_kb (const char  *kb,
                       GError     **error)
{
  const char *p = kb;
  const char *colon;

  g_return_val_if_fail (kb != NULL, FALSE);

  colon = strchr (kb, ':');
  if (g_ascii_isalpha (*p) && colon != NULL)
    {
      for (p++; p < colon && (g_ascii_isalnum (*p) || *p == '.' || *p == '_' || *p == '-'); p++)
        ;
      if (p == colon && colon[1] != '\0')
        {
          for (p = colon + 1; *p != '\0'; p = g_utf8_next_char (p))
            {
              gunichar c = g_utf8_get_char (p);

              if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
                break;
            }
          if (*p == '\0')
            return TRUE;
        }
    }
  g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_VALUE,
               _("“%s” is not a knowledge-base id: write PREFIX:ID without spaces, such as wikidata:Q56226"), kb);
  return FALSE;
}

const char *
gloss_entity_get_kb (GlossEntity *self)
{
  g_return_val_if_fail (GLOSS_IS_ENTITY (self), NULL);
  return self->kb;
}

void
gloss_entity_set_kb (GlossEntity *self,
                     const char  *kb)
{
  g_return_if_fail (GLOSS_IS_ENTITY (self));
  g_return_if_fail (!gloss_annotation_is_frozen (GLOSS_ANNOTATION (self)));

  if (kb != NULL && *kb == '\0')
    kb = NULL;
  g_free (self->kb);
  self->kb = g_strdup (kb);
}

guint
gloss_entity_get_n_mentions (GlossEntity *self)
{
  g_return_val_if_fail (GLOSS_IS_ENTITY (self), 0);
  return self->n_mentions;
}

void
_gloss_entity_add_mentions (GlossEntity *self,
                            int          delta)
{
  g_return_if_fail (delta >= 0 || self->n_mentions >= (guint)-delta);

  if (delta == 0)
    return;
  self->n_mentions += delta;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MENTIONS]);
}
