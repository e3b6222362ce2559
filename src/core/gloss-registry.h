/* gloss-registry.h: the entities a project's documents share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-entity.h"
#include "gloss-registry-entity.h"
#include "gloss-store.h"

G_BEGIN_DECLS

#define GLOSS_REGISTRY_VERSION 1

#define GLOSS_TYPE_REGISTRY (gloss_registry_get_type ())

G_DECLARE_FINAL_TYPE (GlossRegistry, gloss_registry, GLOSS, REGISTRY, GObject)

/* @file: (nullable): where every edit is written, at once and atomically. */
GlossRegistry       *gloss_registry_new             (GFile               *file);
/* A registry of @file; empty when it does not exist yet. */
GlossRegistry       *gloss_registry_load            (GFile               *file,
                                                     GError             **error);
gboolean             gloss_registry_save            (GlossRegistry       *self,
                                                     GError             **error);
GBytes              *gloss_registry_to_bytes        (GlossRegistry       *self);

/* A GListModel of GlossRegistryEntity in order of id. */
GListModel          *gloss_registry_get_entities    (GlossRegistry       *self);
/* The entity @id, or the one it was merged into. */
GlossRegistryEntity *gloss_registry_lookup          (GlossRegistry       *self,
                                                     const char          *id);
/* Entities named or aliased exactly @text. */
GPtrArray           *gloss_registry_find_name       (GlossRegistry       *self,
                                                     const char          *text);

/* Edits: each is one undoable step, written to the file before it
 * returns; a failed write leaves the registry as it was. */
GlossRegistryEntity *gloss_registry_add             (GlossRegistry       *self,
                                                     const char          *type,
                                                     const char          *name,
                                                     const char          *kb,
                                                     GError             **error);
gboolean             gloss_registry_rename          (GlossRegistry       *self,
                                                     const char          *id,
                                                     const char          *name,
                                                     GError             **error);
gboolean             gloss_registry_set_kb          (GlossRegistry       *self,
                                                     const char          *id,
                                                     const char          *kb,
                                                     GError             **error);
gboolean             gloss_registry_add_alias       (GlossRegistry       *self,
                                                     const char          *id,
                                                     const char          *alias,
                                                     GError             **error);
gboolean             gloss_registry_remove_alias    (GlossRegistry       *self,
                                                     const char          *id,
                                                     const char          *alias,
                                                     GError             **error);
/* Takes @id out of the registry (one undoable step). */
gboolean             gloss_registry_remove          (GlossRegistry       *self,
                                                     const char          *id,
                                                     GError             **error);
/* @from's name and aliases become aliases of @into; documents that use
 * @from are relinked to @into when gloss_registry_apply() meets them. */
gboolean             gloss_registry_merge           (GlossRegistry       *self,
                                                     const char          *into,
                                                     const char          *from,
                                                     GError             **error);
gboolean             gloss_registry_can_undo        (GlossRegistry       *self);
gboolean             gloss_registry_can_redo        (GlossRegistry       *self);
gboolean             gloss_registry_undo            (GlossRegistry       *self,
                                                     GError             **error);
gboolean             gloss_registry_redo            (GlossRegistry       *self,
                                                     GError             **error);

/* A new entity (not in any store) that stands for @entity in a document:
 * same id, type, name and KB id. */
GlossEntity         *gloss_registry_make_entity     (GlossRegistry       *self,
                                                     GlossRegistryEntity *entity);
/* Registers the entities of @store the registry does not know by id (one
 * of the same type named or aliased so is reused, else one is added, in
 * one write) and relinks @store to the registry's ids as one undoable step
 * of the store. */
gboolean             gloss_registry_link_store      (GlossRegistry       *self,
                                                     GlossStore          *store,
                                                     GError             **error);
/* Brings the registry's entities of @store up to date (names, KB ids,
 * merges) as one undoable step; returns whether anything changed. */
gboolean             gloss_registry_apply           (GlossRegistry       *self,
                                                     GlossStore          *store);

G_END_DECLS
