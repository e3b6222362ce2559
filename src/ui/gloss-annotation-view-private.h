/* gloss-annotation-view-private.h: what the files of GlossAnnotationView share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One type in several files, each with one reason to change:
 * gloss-annotation-view.c (the object, its store and its text),
 * -draw.c (tints, underlines, bars, outlines), -rects.c (where a range
 * of the text is drawn, right-to-left text too), -arcs.c (relation arcs),
 * -input.c (hit testing, tooltips, clicks, the text selection) and
 * -scroll.c (scrolling to an annotation, Tab from one to the next).
 */
#pragma once

#include <adwaita.h>

#include "gloss-annotation-view.h"
#include "gloss-text-feed.h"

G_BEGIN_DECLS

struct _GlossAnnotationView
{
  GtkTextView      parent_instance;

  GlossStore      *store;
  GlossAnnotation *selected;
  GlossEntity     *highlighted_entity;
  GlossAnnotation *tooltip_annotation;   /* what the pointer rests on */
  gint64           tooltip_since;
  guint            tooltip_id;
  GlossTextFeed   *feed;       /* while the text goes in, in slices */
  /* The text shown while its annotations load (no store yet), and the
   * bar that says so at the top of the view. */
  GlossDocument   *pending_document;
  GtkWidget       *annotations_bar;
  GtkProgressBar  *annotations_progress;

  /* (kind, type id) → Colors; dropped when the schema or style changes */
  GHashTable      *colors;
  GArray          *rects;      /* scratch graphene_rect_t */
  /* The last paragraph whose direction was looked at (-1: none), and
   * whether it is laid out left to right only. */
  int              ltr_line;
  gboolean         ltr_line_only;
  GArray          *arcs;       /* Arc: the selection's relations, drawn */
  GArray          *arc_labels; /* graphene_rect_t: their labels, as last drawn */
  GArray          *suggestions; /* GlossSuggestion in text order, or NULL */
  gboolean         arcs_valid;
  /* What the two layers of one snapshot share (below the text, then
   * above): the annotations drawn, in the visible range, and the
   * rectangles of each, computed once. Kept from the layer below to the
   * layer above of the same frame only: the annotations are not owned. */
  GArray          *layer_items;  /* GlossSpanLevel */
  GArray          *layer_spans;  /* RectSpan, one per item */
  GArray          *layer_rects;  /* graphene_rect_t */
  guint            layer_vs;
  guint            layer_ve;
  gint64           layer_frame;  /* the frame counter; -1: nothing kept */

  int              margin;
  /* Set when an allocation relaid the text out (see size_allocate);
   * the frame clock's layout signal, and the frame it was last acted on. */
  gboolean         relayout_ancestors;
  gulong           layout_id;
  gint64           relayout_frame;
  guint            pending_scroll;   /* G_MAXUINT for none */
  guint            scroll_tick;
  gint64           scroll_deadline;  /* monotonic µs: give up the scroll then */
  guint8           scroll_stable;
  guint            snap_to_words : 1;
  /* The press a second one would make a double-click of. */
  guint32          first_press_time;
  /* What was selected before the first press of a click: a double-click
   * selects a word and leaves it selected (a claim whose cue it is). */
  GlossAnnotation *selected_before_click;
  double           first_press_x;
  double           first_press_y;
  /* The word a double-click selected, until its button goes up. */
  guint            word_start;
  guint            word_end;
  guint            dark : 1;
};

typedef struct
{
  GdkRGBA line;
  GdkRGBA tint;
  GdkRGBA faint;
} Colors;

/* Where the rectangles of one item of a snapshot's layers are in
 * layer_rects; n is G_MAXUINT until they are computed. */
typedef struct
{
  guint offset;
  guint n;
} RectSpan;

/* One relation drawn for the selection: an arc from a mention of its
 * `from` entity to a mention of its `to` entity. The relation is not
 * owned: the plan is dropped at every change of the store. */
typedef struct
{
  GlossRelation *relation;
  guint          from_start;
  guint          from_end;
  guint          to_start;
  guint          to_end;
} Arc;

static inline GtkTextBuffer *
get_buffer (GlossAnnotationView *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
}

/* gloss-annotation-view.c */
void          _gloss_annotation_view_select               (GlossAnnotationView *self,
                                                           GlossAnnotation     *annotation,
                                                           gboolean             scroll);
/* Selects @annotation, clicked, and says so ("annotation-activated"). */
void          _gloss_annotation_view_activate             (GlossAnnotationView *self,
                                                           GlossAnnotation     *annotation);

/* gloss-annotation-view-draw.c */
void          _gloss_annotation_view_invalidate_colors    (GlossAnnotationView *self);
void          _gloss_annotation_view_update_dark          (GlossAnnotationView *self);
const Colors *_gloss_annotation_view_lookup_colors        (GlossAnnotationView *self,
                                                           GlossLabelKind       kind,
                                                           const char          *type_id);
void          _gloss_annotation_view_get_named_color      (GlossAnnotationView *self,
                                                           const char          *name,
                                                           const char          *fallback,
                                                           GdkRGBA             *color);
/* Drops what the layers of a snapshot share (when the store changes). */
void          _gloss_annotation_view_forget_layers        (GlossAnnotationView *self);
void          _gloss_annotation_view_snapshot_layer       (GtkTextView         *text_view,
                                                           GtkTextViewLayer     layer,
                                                           GtkSnapshot         *snapshot);

/* gloss-annotation-view-rects.c */
/* Fills self->rects with the rectangles (buffer coordinates, the height
 * of the text) where [start, end) is drawn: one for each display line it
 * touches, or where right-to-left text reorders it, one for each piece
 * of it that is contiguous on a line, left to right. */
void          _gloss_annotation_view_compute_rects        (GlossAnnotationView *self,
                                                           guint                start,
                                                           guint                end);
/* The text changed: what is known of its paragraphs' directions is not. */
void          _gloss_annotation_view_forget_directions    (GlossAnnotationView *self);

/* gloss-annotation-view-arcs.c */
void          _gloss_annotation_view_invalidate_arcs      (GlossAnnotationView *self);
void          _gloss_annotation_view_draw_arcs            (GlossAnnotationView *self,
                                                           GtkSnapshot         *snapshot);

/* gloss-annotation-view-input.c */
void          _gloss_annotation_view_add_gestures         (GlossAnnotationView *self);
gboolean      _gloss_annotation_view_query_tooltip        (GtkWidget           *widget,
                                                           int                  x,
                                                           int                  y,
                                                           gboolean             keyboard_tooltip,
                                                           GtkTooltip          *tooltip);
void          _gloss_annotation_view_update_caret_description (GlossAnnotationView *self);

/* gloss-annotation-view-scroll.c */
void          _gloss_annotation_view_add_tab_keys         (GlossAnnotationView *self);
/* Offsets past the part of the text loaded so far need the rest first. */
void          _gloss_annotation_view_ensure_loaded        (GlossAnnotationView *self,
                                                           guint                offset);
void          _gloss_annotation_view_scroll_to_offset     (GlossAnnotationView *self,
                                                           guint                offset);
/* Puts the caret where @annotation is in the text and scrolls there;
 * @in_place: only if it is out of view (not merely near an edge). */
void          _gloss_annotation_view_scroll_to_annotation (GlossAnnotationView *self,
                                                           GlossAnnotation     *annotation,
                                                           gboolean             in_place);

G_END_DECLS
