/* gloss-annotation-list.h: one collection of a store, as a GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-annotation.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ANNOTATION_LIST (gloss_annotation_list_get_type ())

G_DECLARE_FINAL_TYPE (GlossAnnotationList, gloss_annotation_list, GLOSS, ANNOTATION_LIST, GObject)

/* The store's side; views only use the GListModel interface. */
typedef struct _GlossSpanIndex GlossSpanIndex;

GlossAnnotationList *_gloss_annotation_list_new_indexed (GType                item_type,
                                                         GlossSpanIndex      *index);
GlossAnnotationList *_gloss_annotation_list_new_sorted  (GType                item_type);
/* Sorted lists only: insert or remove @annotation; returns its position. */
guint                _gloss_annotation_list_insert      (GlossAnnotationList *self,
                                                         GlossAnnotation     *annotation);
guint                _gloss_annotation_list_remove      (GlossAnnotationList *self,
                                                         GlossAnnotation     *annotation);
guint                _gloss_annotation_list_position    (GlossAnnotationList *self,
                                                         GlossAnnotation     *annotation);
void                 _gloss_annotation_list_emit        (GlossAnnotationList *self,
                                                         guint                position,
                                                         guint                removed,
                                                         guint                added);
/* Sorted lists: append in order without a search (loading). */
void                 _gloss_annotation_list_append_unsorted (GlossAnnotationList *self,
                                                             GlossAnnotation     *annotation);
void                 _gloss_annotation_list_sort        (GlossAnnotationList *self);

G_END_DECLS
