/* gloss-annotation-row.h: one row of an annotation list: the type's
 * colour, the annotation's words and a line about it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_ANNOTATION_ROW (gloss_annotation_row_get_type ())

G_DECLARE_FINAL_TYPE (GlossAnnotationRow, gloss_annotation_row, GLOSS, ANNOTATION_ROW, GtkWidget)

GtkWidget *gloss_annotation_row_new (void);
/* @color: the type's colour (NULL: none); @tooltip: what the pointer
 * shows over the row. */
void       gloss_annotation_row_set (GlossAnnotationRow *self,
                                     const char         *color,
                                     const char         *words,
                                     const char         *meta,
                                     const char         *tooltip);

G_END_DECLS
