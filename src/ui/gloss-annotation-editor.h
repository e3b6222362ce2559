/* gloss-annotation-editor.h: what the inspector's editors of a claim and
 * of a relation share: the store, the annotation, the type chip, messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-store.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ANNOTATION_EDITOR (gloss_annotation_editor_get_type ())

G_DECLARE_DERIVABLE_TYPE (GlossAnnotationEditor, gloss_annotation_editor, GLOSS, ANNOTATION_EDITOR, GtkWidget)

struct _GlossAnnotationEditorClass
{
  GtkWidgetClass parent_class;

  /* Show the annotation's fields; called with both a store and an
   * annotation, on every edit of the store. */
  void (*refresh) (GlossAnnotationEditor *self);
  /* Rebuild the rows made per annotation (fragments, attributes). */
  void (*refill)  (GlossAnnotationEditor *self);
};

GlossStore      *gloss_annotation_editor_get_store      (GlossAnnotationEditor *self);
void             gloss_annotation_editor_set_store      (GlossAnnotationEditor *self,
                                                         GlossStore            *store);
GlossAnnotation *gloss_annotation_editor_get_annotation (GlossAnnotationEditor *self);
void             gloss_annotation_editor_set_annotation (GlossAnnotationEditor *self,
                                                         GlossAnnotation       *annotation);

/* Tints a label of class type-chip with @label's colour (grey for none)
 * through @provider, added to the chip's style context. */
void             gloss_type_chip_tint                   (GtkCssProvider        *provider,
                                                         GlossLabel            *label);

/* For the editors */
/* Emits ::message with @error's message when @ok is FALSE. Pass the error
 * after the edit has run (see the editors' report()). */
void             _gloss_annotation_editor_report        (GlossAnnotationEditor *self,
                                                         gboolean               ok,
                                                         GError                *error);
/* The type's name on @chip (the annotation's type id if @label is NULL),
 * tinted with its colour. */
void             _gloss_annotation_editor_set_chip      (GlossAnnotationEditor *self,
                                                         GtkLabel              *chip,
                                                         GlossLabel            *label);
/* Refill now, or from an idle when @later (inside a row's own signal,
 * whose row must not go away under it). */
void             _gloss_annotation_editor_refill        (GlossAnnotationEditor *self,
                                                         gboolean               later);
/* The first step of a subclass's dispose: drops the store and the
 * annotation (no edit or refresh reaches rows being disposed), then
 * disposes the subclass's template @type. */
void             _gloss_annotation_editor_dispose_template (GlossAnnotationEditor *self,
                                                            GType                  type);

G_END_DECLS
