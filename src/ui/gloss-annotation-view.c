/* gloss-annotation-view.c: the article, read-only, with its annotations drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This file holds the object, its store and its text; how the annotations
 * are drawn, hit and scrolled to is in the files named in
 * gloss-annotation-view-private.h.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation-view-private.h"

#define COLUMN_WIDTH     680  /* the reading column, in pixels */
#define MIN_MARGIN       28   /* room for the claim bars on narrow windows */

enum {
  PROP_0,
  PROP_STORE,
  PROP_SELECTED,
  PROP_HIGHLIGHTED_ENTITY,
  PROP_SNAP_TO_WORDS,
  PROP_LOADING,
  PROP_LOAD_FRACTION,
  PROP_PENDING,
  N_PROPS
};

enum {
  ANNOTATION_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GlossAnnotationView, gloss_annotation_view, GTK_TYPE_TEXT_VIEW)

/* Store ------------------------------------------------------------------- */

void
_gloss_annotation_view_select (GlossAnnotationView *self,
                               GlossAnnotation     *annotation,
                               gboolean             scroll)
{
  if (g_set_object (&self->selected, annotation))
    {
      _gloss_annotation_view_invalidate_arcs (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }

  if (annotation != NULL && scroll)
    _gloss_annotation_view_scroll_to_annotation (self, annotation, FALSE);
}

void
_gloss_annotation_view_activate (GlossAnnotationView *self,
                                 GlossAnnotation     *annotation)
{
  g_object_ref (annotation);
  _gloss_annotation_view_select (self, annotation, FALSE);
  g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, annotation);
  g_object_unref (annotation);
}

static void
on_store_changed (GlossAnnotationView *self)
{
  _gloss_annotation_view_forget_layers (self);
  _gloss_annotation_view_invalidate_arcs (self);
  if (self->selected != NULL && gloss_annotation_get_store (self->selected) != self->store)
    _gloss_annotation_view_select (self, NULL, FALSE);

  if (self->highlighted_entity != NULL &&
      gloss_annotation_get_store (GLOSS_ANNOTATION (self->highlighted_entity)) != self->store)
    gloss_annotation_view_set_highlighted_entity (self, NULL);

  _gloss_annotation_view_update_caret_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A short first line without final punctuation, followed by more text, is
 * the headline: one tag for it is cheap and reads much better. */
static void
style_title (GlossAnnotationView *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter start, end, last;

  gtk_text_buffer_get_start_iter (buffer, &start);
  end = start;
  if (!gtk_text_iter_forward_to_line_end (&end) || gtk_text_iter_is_end (&end))
    return;
  if (gtk_text_iter_get_offset (&end) > 200 || gtk_text_iter_equal (&start, &end))
    return;

  last = end;
  gtk_text_iter_backward_char (&last);
  if (gtk_text_iter_get_char (&last) == '.' || gtk_text_iter_get_char (&last) == ',' ||
      gtk_text_iter_get_char (&last) == ';' || gtk_text_iter_get_char (&last) == ':')
    return;

  gtk_text_buffer_apply_tag_by_name (buffer, "gloss-title", &start, &end);
}

/* GtkTextView lays out changed text from an idle of priority
 * GTK_PRIORITY_RESIZE - 2, but under GTK 4.8 the frame after an input
 * event runs from the frame clock's event flush (priority 1), before that
 * idle: the text view then lays the text out while it is drawn and
 * reconfigures its adjustment, which asks the scrollbar's trough for a new
 * allocation after the layout phase ("Trying to snapshot GtkGizmo …
 * without a current allocation"). A queued resize has the layout phase
 * lay the new text out (size_allocate flushes that idle) before drawing. */
static void
text_changed (GlossAnnotationView *self)
{
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
feed_progress_cb (gpointer user_data)
{
  GlossAnnotationView *self = user_data;

  text_changed (self);

  if (gloss_text_feed_is_done (self->feed))
    {
      g_clear_pointer (&self->feed, gloss_text_feed_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_FRACTION]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The first slice of @document's text goes in at once, the rest in the
 * background (gloss-text-feed.c). */
static void
load_text (GlossAnnotationView *self,
           GlossDocument       *document)
{
  GtkTextBuffer *buffer = get_buffer (self);
  gboolean was_loading = self->feed != NULL;
  GtkTextIter start;

  g_clear_pointer (&self->feed, gloss_text_feed_free);

  if (document != NULL)
    {
      GtkTextTag *soft_break = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                          "gloss-soft-break");

      self->feed = gloss_text_feed_start (buffer, document, soft_break, feed_progress_cb, self);
      style_title (self);
      if (gloss_text_feed_is_done (self->feed))
        g_clear_pointer (&self->feed, gloss_text_feed_free);
    }
  else
    gtk_text_buffer_set_text (buffer, "", 0);

  text_changed (self);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  self->pending_scroll = G_MAXUINT;   /* the tick goes away by itself */
  if (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self)) != NULL)
    gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self)), 0);

  if (was_loading != (self->feed != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_FRACTION]);
}

/* The bar at the top of the view while the annotations load: why the
 * text cannot be tagged yet, and how far the reading is. */
static GtkWidget *
new_annotations_bar (GlossAnnotationView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (_("Loading annotations…"));
  GtkWidget *detail = gtk_label_new (_("The text can be read; tagging starts once they are in."));
  GtkWidget *bar = gtk_progress_bar_new ();

  gtk_widget_add_css_class (box, "gloss-annotations-bar");
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Loading annotations"), -1);
  self->annotations_progress = GTK_PROGRESS_BAR (bar);
  return box;
}

/* Drops the pending document; returns whether @store shows its text. */
static gboolean
take_pending (GlossAnnotationView *self,
              GlossStore          *store)
{
  gboolean same;

  if (self->pending_document == NULL)
    return FALSE;
  same = store != NULL && gloss_store_get_document (store) == self->pending_document;
  g_clear_object (&self->pending_document);
  gtk_text_view_set_gutter (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_TOP, NULL);
  self->annotations_bar = NULL;
  self->annotations_progress = NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
  return same;
}

static void
detach_store (GlossAnnotationView *self)
{
  _gloss_annotation_view_select (self, NULL, FALSE);
  gloss_annotation_view_set_highlighted_entity (self, NULL);

  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->store, self);
      g_signal_handlers_disconnect_by_data (gloss_store_get_schema (self->store), self);
    }
  g_clear_object (&self->store);
  g_hash_table_remove_all (self->colors);
  _gloss_annotation_view_forget_layers (self);
  _gloss_annotation_view_invalidate_arcs (self);
}

void
gloss_annotation_view_set_store (GlossAnnotationView *self,
                                 GlossStore          *store)
{
  gboolean keep_text;

  g_return_if_fail (GLOSS_IS_ANNOTATION_VIEW (self));
  g_return_if_fail (store == NULL || GLOSS_IS_STORE (store));

  if (self->store == store && self->pending_document == NULL)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  detach_store (self);
  /* The annotations of the text already shown: the text stays, and so
   * does the place the reader scrolled to meanwhile. */
  keep_text = take_pending (self, store);
  self->store = store != NULL ? g_object_ref (store) : NULL;

  if (store != NULL)
    {
      g_signal_connect_object (store, "changed",
                               G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (gloss_store_get_schema (store), "changed",
                               G_CALLBACK (_gloss_annotation_view_invalidate_colors), self, G_CONNECT_SWAPPED);
    }

  if (!keep_text)
    load_text (self, store != NULL ? gloss_store_get_document (store) : NULL);
  _gloss_annotation_view_update_caret_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * gloss_annotation_view_show_pending:
 * @document: (nullable): the document whose annotations are loading
 *
 * Shows @document's text without a store, read-only and without
 * annotations, with a bar that says the annotations are loading. The
 * store that gloss_annotation_view_set_store() is given next keeps the
 * text if it is of @document; any other replaces it.
 */
void
gloss_annotation_view_show_pending (GlossAnnotationView *self,
                                    GlossDocument       *document)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_VIEW (self));
  g_return_if_fail (document == NULL || GLOSS_IS_DOCUMENT (document));

  if (document == NULL)
    {
      gloss_annotation_view_set_store (self, NULL);
      return;
    }
  if (self->pending_document == document)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->store != NULL)
    {
      detach_store (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
    }
  take_pending (self, NULL);
  self->pending_document = g_object_ref (document);
  self->annotations_bar = new_annotations_bar (self);
  gtk_text_view_set_gutter (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_TOP, self->annotations_bar);
  load_text (self, document);
  _gloss_annotation_view_update_caret_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * gloss_annotation_view_get_pending:
 *
 * Returns: (transfer none) (nullable): the document shown while its
 *   annotations load
 */
GlossDocument *
gloss_annotation_view_get_pending (GlossAnnotationView *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_VIEW (self), NULL);

  return self->pending_document;
}

/* How much of the file is read, for the bar. */
void
gloss_annotation_view_set_pending_fraction (GlossAnnotationView *self,
                                            double               fraction)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_VIEW (self));

  if (self->annotations_progress != NULL)
    gtk_progress_bar_set_fraction (self->annotations_progress, CLAMP (fraction, 0., 1.));
}

/* The buffer holds newlines where the document has spaces in very long
 * paragraphs: copy the document's own text. */
static void
gloss_annotation_view_copy_clipboard (GtkTextView *text_view)
{
  GlossAnnotationView *self = GLOSS_ANNOTATION_VIEW (text_view);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->store == NULL || !gtk_text_buffer_get_selection_bounds (get_buffer (self), &start, &end))
    return;
  text = gloss_document_dup_slice (gloss_store_get_document (self->store),
                                   gtk_text_iter_get_offset (&start), gtk_text_iter_get_offset (&end));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

/* GObject --------------------------------------------------------------------- */

/* GTK 4.8 loses a resize queued while a widget is allocated through
 * gtk_widget_ensure_allocate(), that is, while its parent was not
 * allocated but only asked to pass an allocation on (as GlossDocumentPage
 * is when AdwFlap reveals or folds its sidebar): the view relays its text
 * out from inside size_allocate (new margins, lines measured anew), the
 * resize this queues marks every ancestor, and only those being
 * allocated clear the mark. The one passed over keeps it, so GTK skips
 * drawing it ("Trying to snapshot GlossDocumentPage … without a current
 * allocation"), a blank article until something else resizes it. Once
 * GTK has laid the window out, the view asks its ancestors for a new size
 * instead: the frame clock lays out again before painting, the page
 * passed over is allocated whole, and nothing is left marked. Once a
 * frame at most, so it can never keep the frame clock laying out. */
static void
frame_layout_cb (GdkFrameClock       *clock,
                 GlossAnnotationView *self)
{
  gint64 frame = gdk_frame_clock_get_frame_counter (clock);

  if (!self->relayout_ancestors)
    return;
  self->relayout_ancestors = FALSE;
  if (frame == self->relayout_frame)
    return;
  self->relayout_frame = frame;
  for (GtkWidget *widget = gtk_widget_get_parent (GTK_WIDGET (self));
       widget != NULL && !GTK_IS_NATIVE (widget);
       widget = gtk_widget_get_parent (widget))
    gtk_widget_queue_resize (widget);
}

static void
gloss_annotation_view_realize (GtkWidget *widget)
{
  GlossAnnotationView *self = GLOSS_ANNOTATION_VIEW (widget);

  GTK_WIDGET_CLASS (gloss_annotation_view_parent_class)->realize (widget);
  /* After GtkWindow's own handler, connected when its surface was made. */
  self->layout_id = g_signal_connect (gtk_widget_get_frame_clock (widget), "layout",
                                      G_CALLBACK (frame_layout_cb), self);
}

static void
gloss_annotation_view_unrealize (GtkWidget *widget)
{
  GlossAnnotationView *self = GLOSS_ANNOTATION_VIEW (widget);

  g_clear_signal_handler (&self->layout_id, gtk_widget_get_frame_clock (widget));
  self->relayout_ancestors = FALSE;
  GTK_WIDGET_CLASS (gloss_annotation_view_parent_class)->unrealize (widget);
}

static void
gloss_annotation_view_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  GlossAnnotationView *self = GLOSS_ANNOTATION_VIEW (widget);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (widget));
  double upper = vadjustment != NULL ? gtk_adjustment_get_upper (vadjustment) : 0.;
  int margin = MAX (MIN_MARGIN, (width - COLUMN_WIDTH) / 2);

  /* Changing the margins relayouts the text: only when the width moves. */
  if (margin != self->margin)
    {
      self->margin = margin;
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self), margin);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self), margin);
      self->relayout_ancestors = TRUE;
    }

  GTK_WIDGET_CLASS (gloss_annotation_view_parent_class)->size_allocate (widget, width, height, baseline);

  if (vadjustment != NULL && gtk_adjustment_get_upper (vadjustment) != upper)
    self->relayout_ancestors = TRUE;
}

static void
ensure_css (void)
{
  static gboolean done;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (done || display == NULL)
    return;
  done = TRUE;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider,
                                   "textview.gloss-annotation-view { font-size: 12.5pt; }\n"
                                   ".gloss-annotations-bar { padding: 12px 18px; font-size: 11pt;"
                                   " background-color: @headerbar_bg_color;"
                                   " border-bottom: 1px solid alpha(currentColor, 0.15); }\n",
                                   -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION - 1);
}

static void
gloss_annotation_view_dispose (GObject *object)
{
  GlossAnnotationView *self = GLOSS_ANNOTATION_VIEW (object);

  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;
  g_clear_handle_id (&self->tooltip_id, g_source_remove);
  g_clear_object (&self->tooltip_annotation);
  g_clear_pointer (&self->feed, gloss_text_feed_free);
  g_clear_object (&self->pending_document);
  g_clear_object (&self->selected);
  g_clear_object (&self->selected_before_click);
  g_clear_object (&self->highlighted_entity);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gloss_annotation_view_parent_class)->dispose (object);
}

static void
gloss_annotation_view_finalize (GObject *object)
{
  GlossAnnotationView *self = GLOSS_ANNOTATION_VIEW (object);

  g_clear_pointer (&self->colors, g_hash_table_unref);
  g_clear_pointer (&self->rects, g_array_unref);
  g_clear_pointer (&self->arcs, g_array_unref);
  g_clear_pointer (&self->arc_labels, g_array_unref);
  g_clear_pointer (&self->suggestions, g_array_unref);
  g_clear_pointer (&self->layer_items, g_array_unref);
  g_clear_pointer (&self->layer_spans, g_array_unref);
  g_clear_pointer (&self->layer_rects, g_array_unref);

  G_OBJECT_CLASS (gloss_annotation_view_parent_class)->finalize (object);
}

static void
gloss_annotation_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  GlossAnnotationView *self = GLOSS_ANNOTATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;
    case PROP_HIGHLIGHTED_ENTITY:
      g_value_set_object (value, self->highlighted_entity);
      break;
    case PROP_SNAP_TO_WORDS:
      g_value_set_boolean (value, self->snap_to_words);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, gloss_annotation_view_get_loading (self));
      break;
    case PROP_LOAD_FRACTION:
      g_value_set_double (value, gloss_annotation_view_get_load_fraction (self));
      break;
    case PROP_PENDING:
      g_value_set_object (value, self->pending_document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_annotation_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  GlossAnnotationView *self = GLOSS_ANNOTATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      gloss_annotation_view_set_store (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      gloss_annotation_view_set_selected (self, g_value_get_object (value));
      break;
    case PROP_HIGHLIGHTED_ENTITY:
      gloss_annotation_view_set_highlighted_entity (self, g_value_get_object (value));
      break;
    case PROP_SNAP_TO_WORDS:
      gloss_annotation_view_set_snap_to_words (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_annotation_view_class_init (GlossAnnotationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  object_class->dispose = gloss_annotation_view_dispose;
  object_class->finalize = gloss_annotation_view_finalize;
  object_class->get_property = gloss_annotation_view_get_property;
  object_class->set_property = gloss_annotation_view_set_property;

  widget_class->size_allocate = gloss_annotation_view_size_allocate;
  widget_class->realize = gloss_annotation_view_realize;
  widget_class->unrealize = gloss_annotation_view_unrealize;
  widget_class->query_tooltip = _gloss_annotation_view_query_tooltip;

  text_view_class->snapshot_layer = _gloss_annotation_view_snapshot_layer;
  text_view_class->copy_clipboard = gloss_annotation_view_copy_clipboard;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         GLOSS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL,
                         GLOSS_TYPE_ANNOTATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_HIGHLIGHTED_ENTITY] =
    g_param_spec_object ("highlighted-entity", NULL, NULL,
                         GLOSS_TYPE_ENTITY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SNAP_TO_WORDS] =
    g_param_spec_boolean ("snap-to-words", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Whether part of the text is still to go in (see gloss-text-feed.c). */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LOAD_FRACTION] =
    g_param_spec_double ("load-fraction", NULL, NULL,
                         0., 1., 1.,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The document shown while its annotations load (no store yet). */
  properties[PROP_PENDING] =
    g_param_spec_object ("pending", NULL, NULL,
                         GLOSS_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossAnnotationView::annotation-activated:
   * @self: the view
   * @annotation: the mention or claim clicked, the innermost under the pointer
   */
  signals[ANNOTATION_ACTIVATED] =
    g_signal_new ("annotation-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, GLOSS_TYPE_ANNOTATION);
}

static void
gloss_annotation_view_init (GlossAnnotationView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);

  self->snap_to_words = TRUE;
  self->margin = -1;
  self->relayout_frame = -1;
  self->pending_scroll = G_MAXUINT;
  self->colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->rects = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  self->arcs = g_array_new (FALSE, FALSE, sizeof (Arc));
  self->arc_labels = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  self->layer_spans = g_array_new (FALSE, FALSE, sizeof (RectSpan));
  self->layer_rects = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  self->layer_frame = -1;
  self->ltr_line = -1;

  ensure_css ();
  gtk_widget_add_css_class (GTK_WIDGET (self), "gloss-annotation-view");

  gtk_text_view_set_editable (view, FALSE);
  gtk_text_view_set_cursor_visible (view, TRUE);
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (view, 36);
  gtk_text_view_set_bottom_margin (view, 72);
  gtk_text_view_set_pixels_inside_wrap (view, 10);
  gtk_text_view_set_pixels_below_lines (view, 18);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect_object (gtk_text_view_get_buffer (view), "notify::cursor-position",
                           G_CALLBACK (_gloss_annotation_view_update_caret_description), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (view), "changed",
                           G_CALLBACK (_gloss_annotation_view_forget_directions), self, G_CONNECT_SWAPPED);
  gtk_text_buffer_create_tag (gtk_text_view_get_buffer (view), "gloss-title",
                              "weight", PANGO_WEIGHT_BOLD,
                              "scale", 1.3,
                              "pixels-inside-wrap", 6,
                              "pixels-below-lines", 24,
                              NULL);
  /* A long paragraph cut in pieces: spaced as the lines of one. */
  gtk_text_buffer_create_tag (gtk_text_view_get_buffer (view), "gloss-soft-break",
                              "pixels-below-lines", gtk_text_view_get_pixels_inside_wrap (view),
                              NULL);

  _gloss_annotation_view_add_tab_keys (self);
  _gloss_annotation_view_add_gestures (self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (_gloss_annotation_view_update_dark), self, G_CONNECT_SWAPPED);
  self->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
}

/* Public API ------------------------------------------------------------------ */

GtkWidget *
gloss_annotation_view_new (void)
{
  return g_object_new (GLOSS_TYPE_ANNOTATION_VIEW, NULL);
}

GlossStore *
gloss_annotation_view_get_store (GlossAnnotationView *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_VIEW (self), NULL);

  return self->store;
}

GlossAnnotation *
gloss_annotation_view_get_selected (GlossAnnotationView *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_VIEW (self), NULL);

  return self->selected;
}

void
gloss_annotation_view_set_selected (GlossAnnotationView *self,
                                    GlossAnnotation     *annotation)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_VIEW (self));
  g_return_if_fail (annotation == NULL || GLOSS_IS_ANNOTATION (annotation));
  g_return_if_fail (annotation == NULL ||
                    (self->store != NULL && gloss_annotation_get_store (annotation) == self->store));

  _gloss_annotation_view_select (self, annotation, TRUE);
}

/**
 * gloss_annotation_view_select_in_place:
 *
 * Selects @annotation, just made from the text selection where the reader
 * is looking: the caret goes to it, and the view moves only if it is out
 * of view, not because it is near an edge (the reader's next drag aims
 * where the text is).
 */
void
gloss_annotation_view_select_in_place (GlossAnnotationView *self,
                                       GlossAnnotation     *annotation)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_VIEW (self));
  g_return_if_fail (GLOSS_IS_ANNOTATION (annotation));
  g_return_if_fail (self->store != NULL && gloss_annotation_get_store (annotation) == self->store);

  _gloss_annotation_view_select (self, annotation, FALSE);
  _gloss_annotation_view_scroll_to_annotation (self, annotation, TRUE);
}

GlossEntity *
gloss_annotation_view_get_highlighted_entity (GlossAnnotationView *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_VIEW (self), NULL);

  return self->highlighted_entity;
}

void
gloss_annotation_view_set_highlighted_entity (GlossAnnotationView *self,
                                              GlossEntity         *entity)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_VIEW (self));
  g_return_if_fail (entity == NULL || GLOSS_IS_ENTITY (entity));

  if (g_set_object (&self->highlighted_entity, entity))
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHTED_ENTITY]);
    }
}

gboolean
gloss_annotation_view_get_snap_to_words (GlossAnnotationView *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_VIEW (self), FALSE);

  return self->snap_to_words;
}

void
gloss_annotation_view_set_snap_to_words (GlossAnnotationView *self,
                                         gboolean             snap_to_words)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_VIEW (self));

  snap_to_words = !!snap_to_words;
  if (self->snap_to_words == snap_to_words)
    return;

  self->snap_to_words = snap_to_words;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNAP_TO_WORDS]);
}

void
gloss_annotation_view_select_range (GlossAnnotationView *self,
                                    guint                start,
                                    guint                end)
{
  GtkTextBuffer *buffer;
  GtkTextIter s, e;

  g_return_if_fail (GLOSS_IS_ANNOTATION_VIEW (self));
  g_return_if_fail (start <= end);

  buffer = get_buffer (self);
  _gloss_annotation_view_ensure_loaded (self, end);
  gtk_text_buffer_get_iter_at_offset (buffer, &s, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, end);
  gtk_text_buffer_select_range (buffer, &e, &s);
  _gloss_annotation_view_scroll_to_offset (self, gtk_text_iter_get_offset (&s));
}

void
gloss_annotation_view_clear_selection (GlossAnnotationView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter insert;

  g_return_if_fail (GLOSS_IS_ANNOTATION_VIEW (self));

  buffer = get_buffer (self);
  gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
  gtk_text_buffer_place_cursor (buffer, &insert);
}

/**
 * gloss_annotation_view_get_loading:
 *
 * Whether part of the text is still to go into the view: it does so in
 * the background after the first screenful.
 */
gboolean
gloss_annotation_view_get_loading (GlossAnnotationView *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_VIEW (self), FALSE);

  return self->feed != NULL;
}

double
gloss_annotation_view_get_load_fraction (GlossAnnotationView *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_VIEW (self), 1.);

  return self->feed != NULL ? gloss_text_feed_get_fraction (self->feed) : 1.;
}

/**
 * gloss_annotation_view_finish_loading:
 *
 * Puts the rest of the text in at once (what needs every offset now).
 */
void
gloss_annotation_view_finish_loading (GlossAnnotationView *self)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_VIEW (self));

  if (self->feed == NULL)
    return;
  gloss_text_feed_finish (self->feed);
  feed_progress_cb (self);
}

/**
 * gloss_annotation_view_set_suggestions:
 * @suggestions: (nullable) (element-type GlossSuggestion): kept by the view
 */
void
gloss_annotation_view_set_suggestions (GlossAnnotationView *self,
                                       GArray              *suggestions)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_VIEW (self));

  if (suggestions != NULL)
    g_array_ref (suggestions);
  g_clear_pointer (&self->suggestions, g_array_unref);
  self->suggestions = suggestions;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
