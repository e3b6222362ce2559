/* gloss-inspector.h: edits the selected mention and its entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-registry.h"
#include "gloss-store.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_INSPECTOR (gloss_inspector_get_type ())

G_DECLARE_FINAL_TYPE (GlossInspector, gloss_inspector, GLOSS, INSPECTOR, GtkWidget)

GtkWidget       *gloss_inspector_new            (void);
GlossStore      *gloss_inspector_get_store      (GlossInspector  *self);
void             gloss_inspector_set_store      (GlossInspector  *self,
                                                 GlossStore      *store);
GlossAnnotation *gloss_inspector_get_annotation (GlossInspector  *self);
void             gloss_inspector_set_annotation (GlossInspector  *self,
                                                 GlossAnnotation *annotation);

/* The edits the inspector's fields make, each one undoable step; also
 * what tests drive. */
void             gloss_inspector_set_registry   (GlossInspector  *self,
                                                 GlossRegistry   *registry);
gboolean         gloss_inspector_set_note       (GlossInspector  *self,
                                                 const char      *note);
gboolean         gloss_inspector_link_entity    (GlossInspector  *self,
                                                 GlossEntity     *entity);
gboolean         gloss_inspector_rename_entity  (GlossInspector  *self,
                                                 const char      *name);
gboolean         gloss_inspector_set_kb         (GlossInspector  *self,
                                                 const char      *kb);
gboolean         gloss_inspector_merge_entity   (GlossInspector  *self,
                                                 GlossEntity     *other);
gboolean         gloss_inspector_set_attribute  (GlossInspector  *self,
                                                 const char      *attr_id,
                                                 JsonNode        *value);

G_END_DECLS
