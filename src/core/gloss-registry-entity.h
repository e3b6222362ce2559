/* gloss-registry-entity.h: one entity of a project's registry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_REGISTRY_ENTITY (gloss_registry_entity_get_type ())

G_DECLARE_FINAL_TYPE (GlossRegistryEntity, gloss_registry_entity, GLOSS, REGISTRY_ENTITY, GObject)

/* Immutable: the registry replaces an entity with a changed one, which
 * is what makes its edits simple to undo. */
GlossRegistryEntity *gloss_registry_entity_new         (const char          *id,
                                                        const char          *type,
                                                        const char          *name,
                                                        const char * const  *aliases,
                                                        const char          *kb);
const char          *gloss_registry_entity_get_id      (GlossRegistryEntity *self);
const char          *gloss_registry_entity_get_type_id (GlossRegistryEntity *self);
const char          *gloss_registry_entity_get_name    (GlossRegistryEntity *self);
/* NULL-terminated; never NULL. */
const char * const  *gloss_registry_entity_get_aliases (GlossRegistryEntity *self);
const char          *gloss_registry_entity_get_kb      (GlossRegistryEntity *self);
gboolean             gloss_registry_entity_has_alias   (GlossRegistryEntity *self,
                                                        const char          *alias);

G_END_DECLS
