/* gloss-registry-documents.c: the registry's entities in a document's
 * store: an entity made for a document, and a document brought up to date
 * with the registry when opened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-registry.h"
#include "gloss-registry-private.h"

/**
 * gloss_registry_make_entity:
 *
 * Returns: (transfer full): a new entity for a document
 */
GlossEntity *
gloss_registry_make_entity (GlossRegistry       *self,
                            GlossRegistryEntity *entity)
{
  GlossEntity *e;

  g_return_val_if_fail (GLOSS_IS_REGISTRY (self), NULL);
  g_return_val_if_fail (GLOSS_IS_REGISTRY_ENTITY (entity), NULL);

  e = gloss_entity_new (gloss_registry_entity_get_type_id (entity), gloss_registry_entity_get_name (entity));
  gloss_annotation_set_id (GLOSS_ANNOTATION (e), gloss_registry_entity_get_id (entity));
  gloss_entity_set_kb (e, gloss_registry_entity_get_kb (entity));
  return e;
}

static void
begin_once (GlossStore *store,
            gboolean   *changed)
{
  if (!*changed)
    gloss_store_begin_group (store, "Update project entities");
  *changed = TRUE;
}

gboolean
gloss_registry_apply (GlossRegistry *self,
                      GlossStore    *store)
{
  GListModel *entities;
  g_autoptr(GPtrArray) snapshot = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean changed = FALSE;

  g_return_val_if_fail (GLOSS_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);

  entities = gloss_store_get_list (store, GLOSS_KIND_ENTITY);
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    g_ptr_array_add (snapshot, g_list_model_get_item (entities, i));

  for (guint i = 0; i < snapshot->len; i++)
    {
      GlossEntity *e = g_ptr_array_index (snapshot, i);
      const char *id = gloss_annotation_get_id (GLOSS_ANNOTATION (e));
      GlossRegistryEntity *r = gloss_registry_lookup (self, id);
      GlossEntity *target;

      if (r == NULL)
        continue;

      /* Merged away: relink to the entity it became. */
      if (!g_str_equal (gloss_registry_entity_get_id (r), id))
        {
          target = _gloss_registry_store_entity (store, gloss_registry_entity_get_id (r));
          begin_once (store, &changed);
          if (target == NULL)
            {
              g_autoptr(GlossEntity) fresh = gloss_registry_make_entity (self, r);

              _gloss_registry_keep_times (fresh, e);
              if (!gloss_store_add (store, GLOSS_ANNOTATION (fresh), NULL))
                continue;
              target = fresh;
            }
          gloss_store_relink_entity (store, target, e, NULL);
          continue;
        }

      if (g_strcmp0 (gloss_entity_get_name (e), gloss_registry_entity_get_name (r)) != 0 ||
          g_strcmp0 (gloss_entity_get_kb (e), gloss_registry_entity_get_kb (r)) != 0 ||
          g_strcmp0 (gloss_annotation_get_type_id (GLOSS_ANNOTATION (e)), gloss_registry_entity_get_type_id (r)) != 0)
        {
          g_autoptr(GlossAnnotation) draft = gloss_annotation_copy (GLOSS_ANNOTATION (e));

          gloss_entity_set_name (GLOSS_ENTITY (draft), gloss_registry_entity_get_name (r));
          gloss_entity_set_kb (GLOSS_ENTITY (draft), gloss_registry_entity_get_kb (r));
          gloss_annotation_set_type_id (draft, gloss_registry_entity_get_type_id (r));
          begin_once (store, &changed);
          gloss_store_replace (store, GLOSS_ANNOTATION (e), draft, NULL);
        }
    }
  if (changed)
    gloss_store_end_group (store);
  return changed;
}
