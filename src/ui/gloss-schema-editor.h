/* gloss-schema-editor.h: a preferences page for the schema's claim types,
 * relation types (with their from/to constraints) and attributes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-project.h"
#include "gloss-store.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_SCHEMA_EDITOR (gloss_schema_editor_get_type ())

G_DECLARE_FINAL_TYPE (GlossSchemaEditor, gloss_schema_editor, GLOSS, SCHEMA_EDITOR, AdwPreferencesPage)

/* @store may be NULL: the page then says a document is needed. */
GtkWidget         *gloss_schema_editor_new              (GlossStore         *store);

/* The edits the rows make; also what tests drive. Each changes the
 * document's schema, which travels with the file. */
GlossLabel        *gloss_schema_editor_add_type         (GlossSchemaEditor  *self,
                                                         GlossLabelKind      kind,
                                                         const char         *name);
/* The store is @document of @project, whose documents share its schema. */
void               gloss_schema_editor_set_project      (GlossSchemaEditor    *self,
                                                         GlossProject         *project,
                                                         GlossProjectDocument *document);
/* Refused (FALSE, with a message) while annotations use the type; in a
 * project FALSE too, the project's documents counted first (see
 * gloss_type_removal_start()). */
gboolean           gloss_schema_editor_remove_type      (GlossSchemaEditor  *self,
                                                         GlossLabel         *label);
void               gloss_schema_editor_set_ends         (GlossSchemaEditor  *self,
                                                         GlossLabel         *label,
                                                         const char * const *from,
                                                         const char * const *to);
GlossAttributeDef *gloss_schema_editor_add_attribute    (GlossSchemaEditor  *self,
                                                         const char         *name,
                                                         GlossAttributeKind  kind);
gboolean           gloss_schema_editor_remove_attribute (GlossSchemaEditor  *self,
                                                         GlossAttributeDef  *attribute);

G_END_DECLS
