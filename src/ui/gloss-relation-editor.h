/* gloss-relation-editor.h: the inspector's fields for a selected relation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-annotation-editor.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_RELATION_EDITOR (gloss_relation_editor_get_type ())

G_DECLARE_FINAL_TYPE (GlossRelationEditor, gloss_relation_editor, GLOSS, RELATION_EDITOR, GlossAnnotationEditor)

GtkWidget  *gloss_relation_editor_new       (void);
/* The types the type row offers: those whose from/to fit the ends. */
GListModel *gloss_relation_editor_get_types (GlossRelationEditor *self);

G_END_DECLS
