/* gloss-annotation-view.h: the article, read-only, with its annotations drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-matcher.h"
#include "gloss-store.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ANNOTATION_VIEW (gloss_annotation_view_get_type ())

G_DECLARE_FINAL_TYPE (GlossAnnotationView, gloss_annotation_view, GLOSS, ANNOTATION_VIEW, GtkTextView)

GtkWidget       *gloss_annotation_view_new                    (void);

GlossStore      *gloss_annotation_view_get_store              (GlossAnnotationView *self);
void             gloss_annotation_view_set_store              (GlossAnnotationView *self,
                                                               GlossStore          *store);

/* A document's text, shown read-only while its annotations load: a
 * store of that document given later keeps the text where it is. */
void             gloss_annotation_view_show_pending           (GlossAnnotationView *self,
                                                               GlossDocument       *document);
GlossDocument   *gloss_annotation_view_get_pending            (GlossAnnotationView *self);
void             gloss_annotation_view_set_pending_fraction   (GlossAnnotationView *self,
                                                               double               fraction);

/* The text goes in after the first screenful, in the background. */
gboolean         gloss_annotation_view_get_loading            (GlossAnnotationView *self);
double           gloss_annotation_view_get_load_fraction      (GlossAnnotationView *self);
void             gloss_annotation_view_finish_loading         (GlossAnnotationView *self);

GlossAnnotation *gloss_annotation_view_get_selected           (GlossAnnotationView *self);
void             gloss_annotation_view_set_selected           (GlossAnnotationView *self,
                                                               GlossAnnotation     *annotation);
void             gloss_annotation_view_select_in_place        (GlossAnnotationView *self,
                                                               GlossAnnotation     *annotation);
void             gloss_annotation_view_select_next            (GlossAnnotationView *self,
                                                               gboolean             backward);

GlossEntity     *gloss_annotation_view_get_highlighted_entity (GlossAnnotationView *self);
void             gloss_annotation_view_set_highlighted_entity (GlossAnnotationView *self,
                                                               GlossEntity         *entity);

gboolean         gloss_annotation_view_get_snap_to_words      (GlossAnnotationView *self);
void             gloss_annotation_view_set_snap_to_words      (GlossAnnotationView *self,
                                                               gboolean             snap_to_words);

/* Text selection in code points. */
gboolean         gloss_annotation_view_get_text_selection     (GlossAnnotationView *self,
                                                               guint               *start,
                                                               guint               *end);
void             gloss_annotation_view_select_range           (GlossAnnotationView *self,
                                                               guint                start,
                                                               guint                end);
void             gloss_annotation_view_clear_selection        (GlossAnnotationView *self);

/* The mention, claim or relation drawn at a point of the widget, the
 * innermost one; NULL over plain text. */
GlossAnnotation *gloss_annotation_view_get_annotation_at      (GlossAnnotationView *self,
                                                               double               x,
                                                               double               y);

/* Suggestions drawn as dashed outlines without fill (a GArray of
 * GlossSuggestion in text order, kept; NULL for none). */
void             gloss_annotation_view_set_suggestions        (GlossAnnotationView *self,
                                                               GArray              *suggestions);

/* Where the last frame drew the labels of the selection's relation arcs
 * (graphene_rect_t, in the widget's coordinates; transfer full). */
GArray          *gloss_annotation_view_get_arc_labels         (GlossAnnotationView *self);

G_END_DECLS
