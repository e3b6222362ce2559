/* gloss-registry-entity.c: one entity of a project's registry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-registry-entity.h"

struct _GlossRegistryEntity
{
  GObject   parent_instance;

  char     *id;
  char     *type;
  char     *name;
  GStrv     aliases;
  char     *kb;
};

G_DEFINE_FINAL_TYPE (GlossRegistryEntity, gloss_registry_entity, G_TYPE_OBJECT)

static void
gloss_registry_entity_finalize (GObject *object)
{
  GlossRegistryEntity *self = (GlossRegistryEntity *)object;

  g_free (self->id);
  g_free (self->type);
  g_free (self->name);
  g_strfreev (self->aliases);
  g_free (self->kb);

  G_OBJECT_CLASS (gloss_registry_entity_parent_class)->finalize (object);
}

static void
gloss_registry_entity_class_init (GlossRegistryEntityClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_registry_entity_finalize;
}

static void
gloss_registry_entity_init (GlossRegistryEntity *self)
{
}

/**
 * gloss_registry_entity_new:
 * @aliases: (nullable): other names; duplicates and the name itself are dropped
 * @kb: (nullable): a knowledge-base id such as "wikidata:Q56226"
 *
 * Returns: (transfer full): the entity
 */
GlossRegistryEntity *
gloss_registry_entity_new (const char         *id,
                           const char         *type,
                           const char         *name,
                           const char * const *aliases,
                           const char         *kb)
{
  GlossRegistryEntity *self;
  GPtrArray *kept = g_ptr_array_new ();

  g_return_val_if_fail (id != NULL && type != NULL && name != NULL, NULL);

  self = g_object_new (GLOSS_TYPE_REGISTRY_ENTITY, NULL);
  self->id = g_strdup (id);
  self->type = g_strdup (type);
  self->name = g_strdup (name);
  self->kb = kb != NULL && *kb != '\0' ? g_strdup (kb) : NULL;
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    {
      gboolean seen = *aliases[i] == '\0' || g_str_equal (aliases[i], name);

      for (guint j = 0; !seen && j < kept->len; j++)
        seen = g_str_equal (g_ptr_array_index (kept, j), aliases[i]);
      if (!seen)
        g_ptr_array_add (kept, g_strdup (aliases[i]));
    }
  g_ptr_array_add (kept, NULL);
  self->aliases = (GStrv) g_ptr_array_free (kept, FALSE);
  return self;
}

const char *
gloss_registry_entity_get_id (GlossRegistryEntity *self)
{
  g_return_val_if_fail (GLOSS_IS_REGISTRY_ENTITY (self), NULL);
  return self->id;
}

const char *
gloss_registry_entity_get_type_id (GlossRegistryEntity *self)
{
  g_return_val_if_fail (GLOSS_IS_REGISTRY_ENTITY (self), NULL);
  return self->type;
}

const char *
gloss_registry_entity_get_name (GlossRegistryEntity *self)
{
  g_return_val_if_fail (GLOSS_IS_REGISTRY_ENTITY (self), NULL);
  return self->name;
}

const char * const *
gloss_registry_entity_get_aliases (GlossRegistryEntity *self)
{
  g_return_val_if_fail (GLOSS_IS_REGISTRY_ENTITY (self), NULL);
  return (const char * const *) self->aliases;
}

const char *
gloss_registry_entity_get_kb (GlossRegistryEntity *self)
{
  g_return_val_if_fail (GLOSS_IS_REGISTRY_ENTITY (self), NULL);
  return self->kb;
}

gboolean
gloss_registry_entity_has_alias (GlossRegistryEntity *self,
                                 const char          *alias)
{
  g_return_val_if_fail (GLOSS_IS_REGISTRY_ENTITY (self), FALSE);
  return alias != NULL && g_strv_contains ((const char * const *) self->aliases, alias);
}
