/* gloss-schema-edits.h: the schema edits Preferences makes: a colour for a
 * new type, and removing a type no annotation uses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-store.h"

G_BEGIN_DECLS

/* A colour of the GNOME palette for a new type of @schema: the one
 * farthest (CIELAB ΔE) from every colour its types of all kinds have. */
const char *gloss_schema_edit_pick_color  (GlossSchema  *schema);
/* How many annotations of @store have @label's type: mentions and
 * entities for an entity type, claims or relations for theirs. */
guint       gloss_schema_edit_count_uses  (GlossStore   *store,
                                           GlossLabel   *label);
/* The same for a type id of @kind. */
guint       gloss_schema_edit_count_type  (GlossStore     *store,
                                           GlossLabelKind  kind,
                                           const char     *type_id);
/* Removes @label from @store's schema, refused (GLOSS_STORE_ERROR_IN_USE,
 * a message saying how many) while annotations use it. A removed entity
 * type leaves the from/to lists of the relation types. Not undoable. */
gboolean    gloss_schema_edit_remove_type (GlossStore   *store,
                                           GlossLabel   *label,
                                           GError      **error);

/* The same for a document of a project, also refused while
 * @n_annotations annotations in @n_documents documents of the project
 * use it (gloss_project_count_type_uses(), which counts @store too). */
gboolean    gloss_schema_edit_remove_project_type (GlossStore  *store,
                                                   GlossLabel  *label,
                                                   guint        n_annotations,
                                                   guint        n_documents,
                                                   GError     **error);

G_END_DECLS
