/* gloss-pick-anchor.c: where the pick modes' popovers hang over the article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-monitor.h"
#include "gloss-pick-anchor.h"

/* The popover hangs off an invisible menu button laid over the article:
 * the button presents the popover on each allocation.
 *
 * GDK places a popup on the monitor under its anchor and asks that
 * monitor for its geometry; with none there (a headless X server, a
 * window partly off screen, an anchor scrolled out of sight, a window
 * being unmapped) it passes NULL on (Gdk-CRITICAL gdk_monitor_get_geometry).
 *
 * So the button is not a child of the text view, whose children move
 * when the text scrolls: GTK presents a moved widget's popovers again
 * at once, without laying the widget out, so nothing could stop one
 * being placed at an anchor scrolled out of sight. It sits in a
 * GlossPickAnchor over the article (an overlay around the scrolled
 * window), which does not scroll: the anchor is laid out at its offset
 * of the text clamped into the part shown, and laid out again when the
 * text scrolls. The anchor still checks where it is each time it is laid
 * out, before the button can present the popover, and pops the popover
 * down rather than let GDK place it nowhere (a window off screen); the
 * same check comes before it first pops up, after a layout. */

struct _GlossPickAnchor
{
  GtkWidget  parent_instance;

  GtkWidget *button;
  GtkWidget *view;       /* unowned: the text view it points into */
  GtkWidget *area;       /* unowned: the scrolled window showing it */
  guint      offset;     /* where in the text it points */
  gboolean   want_popup;
  guint      tries;      /* placements tried for this popup */
  gboolean   held;       /* not allocated: its popover could not be placed */
  guint      popup_id;
  guint      popdown_id;
};

G_DEFINE_FINAL_TYPE (GlossPickAnchor, gloss_pick_anchor, GTK_TYPE_WIDGET)


/* Whether a popover anchored at @self now could be placed on a monitor. */
static gboolean
gloss_pick_anchor_placeable (GlossPickAnchor *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface;
  graphene_point_t p;
  double sx, sy;

  if (self->view == NULL || native == NULL ||
      !gtk_widget_get_mapped (widget) || !gtk_widget_get_mapped (self->view))
    return FALSE;
  surface = gtk_native_get_surface (native);
  if (surface == NULL || !gdk_surface_get_mapped (surface) ||
      gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface) == NULL)
    return FALSE;

  /* Inside the text shown… */
  if (!gtk_widget_compute_point (widget, self->area, &GRAPHENE_POINT_INIT (0, 0), &p) ||
      p.x < 0 || p.y < 0 ||
      p.x >= gtk_widget_get_width (self->area) || p.y >= gtk_widget_get_height (self->area))
    return FALSE;
  /* …and inside the window’s surface… */
  if (!gtk_widget_compute_point (widget, GTK_WIDGET (native), &GRAPHENE_POINT_INIT (0, 0), &p))
    return FALSE;
  gtk_native_get_surface_transform (native, &sx, &sy);
  p.x += sx;
  p.y += sy;
  if (p.x < 0 || p.y < 0 ||
      p.x >= gdk_surface_get_width (surface) || p.y >= gdk_surface_get_height (surface))
    return FALSE;
  /* …and on a monitor. */
  return gloss_surface_area_on_monitor (surface, p.x, p.y, gtk_widget_get_width (widget),
                                        gtk_widget_get_height (widget));
}

GtkPopover *
gloss_pick_anchor_get_popover (GlossPickAnchor *self)
{
  return gtk_menu_button_get_popover (GTK_MENU_BUTTON (self->button));
}

/* Where the anchor goes in @overlay (GtkOverlay::get-child-position,
 * while the overlay is laid out, after the text scrolled): on its
 * offset of the text, clamped into the text shown, so the popover
 * always has a monitor under it while the window has one. */
static gboolean
gloss_pick_anchor_position_cb (GtkOverlay   *overlay,
                               GtkWidget    *widget,
                               GdkRectangle *out)
{
  GlossPickAnchor *self;
  GtkTextView *view;
  GtkTextIter iter;
  GdkRectangle location;
  graphene_rect_t area;
  graphene_point_t p;
  int wx, wy, width, height;

  if (!GLOSS_IS_PICK_ANCHOR (widget))
    return FALSE;
  self = GLOSS_PICK_ANCHOR (widget);
  view = GTK_TEXT_VIEW (self->view);

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, &height, NULL, NULL, NULL);
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, self->offset);
  gtk_text_view_get_iter_location (view, &iter, &location);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, location.x, location.y, &wx, &wy);
  height = MAX (height, location.height);
  out->width = MAX (width, 1);
  out->height = MAX (height, 1);
  if (!gtk_widget_compute_point (self->view, GTK_WIDGET (overlay), &GRAPHENE_POINT_INIT (wx, wy), &p) ||
      !gtk_widget_compute_bounds (self->area, GTK_WIDGET (overlay), &area))
    {
      out->x = out->y = 0;
      return TRUE;
    }
  out->x = CLAMP ((int) p.x, (int) area.origin.x,
                  (int) (area.origin.x + MAX (area.size.width - out->width, 0)));
  out->y = CLAMP ((int) p.y, (int) area.origin.y,
                  (int) (area.origin.y + MAX (area.size.height - out->height, 0)));
  return TRUE;
}

/* Lay the anchor out again where its offset now shows. */
static void
gloss_pick_anchor_place (GlossPickAnchor *self)
{
  GtkWidget *overlay = gtk_widget_get_parent (GTK_WIDGET (self));

  gtk_widget_queue_allocate (GTK_WIDGET (self));
  if (overlay != NULL)
    gtk_widget_queue_allocate (overlay);
}

static gboolean
gloss_pick_anchor_popup_cb (gpointer data)
{
  GlossPickAnchor *self = data;

  self->popup_id = 0;
  if (!self->want_popup)
    return G_SOURCE_REMOVE;
  /* Laid out since it was asked for: check where, then pop up (the
   * popover places itself at once, against this allocation). */
  if (gloss_pick_anchor_placeable (self))
    {
      self->want_popup = FALSE;
      gtk_menu_button_popup (GTK_MENU_BUTTON (self->button));
    }
  else if (self->tries++ < 3 && gtk_widget_get_mapped (self->view))
    /* The text scrolled since (to the mention clicked, say): again
     * inside what it shows now. */
    gloss_pick_anchor_place (self);
  else
    self->want_popup = FALSE;
  return G_SOURCE_REMOVE;
}

static gboolean
gloss_pick_anchor_popdown_cb (gpointer data)
{
  GlossPickAnchor *self = data;

  self->popdown_id = 0;
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->button));
  /* Up again where the text now shows, if it can be. */
  self->want_popup = TRUE;
  self->tries = 0;
  gloss_pick_anchor_place (self);
  return G_SOURCE_REMOVE;
}

static void
gloss_pick_anchor_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  GlossPickAnchor *self = GLOSS_PICK_ANCHOR (widget);
  GtkPopover *popover = gloss_pick_anchor_get_popover (self);
  gboolean showing = popover != NULL && gtk_widget_get_visible (GTK_WIDGET (popover));


  /* The button presents a visible popover as it is allocated: not
   * where GDK would find no monitor. Hold the button back instead (it
   * is not drawn then) and pop the popover down after this layout:
   * hiding it now would queue resizes in the middle of one. */
  self->held = showing && !gloss_pick_anchor_placeable (self);
  if (self->held)
    {
      if (self->popdown_id == 0)
        self->popdown_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, gloss_pick_anchor_popdown_cb,
                                            self, NULL);
      return;
    }
  gtk_widget_allocate (self->button, width, height, baseline, NULL);

  if (self->want_popup && self->popup_id == 0)
    self->popup_id = g_idle_add (gloss_pick_anchor_popup_cb, self);
}

static void
gloss_pick_anchor_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  GlossPickAnchor *self = GLOSS_PICK_ANCHOR (widget);

  if (!self->held)
    gtk_widget_snapshot_child (widget, self->button, snapshot);
}

static void
gloss_pick_anchor_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  gtk_widget_measure (GLOSS_PICK_ANCHOR (widget)->button, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
gloss_pick_anchor_unmap (GtkWidget *widget)
{
  GlossPickAnchor *self = GLOSS_PICK_ANCHOR (widget);
  GtkPopover *popover = gloss_pick_anchor_get_popover (self);

  self->want_popup = FALSE;
  g_clear_handle_id (&self->popup_id, g_source_remove);
  g_clear_handle_id (&self->popdown_id, g_source_remove);
  if (popover != NULL)
    gtk_popover_popdown (popover);
  GTK_WIDGET_CLASS (gloss_pick_anchor_parent_class)->unmap (widget);
}

static void
gloss_pick_anchor_dispose (GObject *object)
{
  GlossPickAnchor *self = GLOSS_PICK_ANCHOR (object);

  g_clear_handle_id (&self->popup_id, g_source_remove);
  g_clear_handle_id (&self->popdown_id, g_source_remove);
  g_clear_pointer (&self->button, gtk_widget_unparent);
  self->view = NULL;
  self->area = NULL;
  G_OBJECT_CLASS (gloss_pick_anchor_parent_class)->dispose (object);
}

static void
gloss_pick_anchor_class_init (GlossPickAnchorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_pick_anchor_dispose;
  widget_class->measure = gloss_pick_anchor_measure;
  widget_class->size_allocate = gloss_pick_anchor_size_allocate;
  widget_class->snapshot = gloss_pick_anchor_snapshot;
  widget_class->unmap = gloss_pick_anchor_unmap;
}

static void
gloss_pick_anchor_init (GlossPickAnchor *self)
{
  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), gtk_popover_menu_new_from_model (NULL));
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
  gtk_widget_set_opacity (GTK_WIDGET (self), 0);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_focusable (self->button, FALSE);
}

/* Pop @menu up at @offset of the text, after the anchor's next layout
 * and if it can be placed there. */
void
gloss_pick_anchor_popup (GlossPickAnchor *self,
                         GMenuModel      *menu,
                         guint            offset)
{
  /* One popover for every menu: a new one each time would leave GTK's
   * tooltip timer pointing at the old one's destroyed surface. */
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (gloss_pick_anchor_get_popover (self)), menu);
  self->offset = offset;
  self->want_popup = TRUE;
  self->tries = 0;
  gloss_pick_anchor_place (self);
}

void
gloss_pick_anchor_popdown (GlossPickAnchor *self)
{
  self->want_popup = FALSE;
  g_clear_handle_id (&self->popup_id, g_source_remove);
  g_clear_handle_id (&self->popdown_id, g_source_remove);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->button));
}

/**
 * gloss_pick_anchor_new:
 * @overlay: the overlay around @area, which the anchor goes into
 * @view: the text the popovers point into
 * @area: the scrolled window showing @view
 *
 * Returns: (transfer none): the anchor, a child of @overlay
 */
GlossPickAnchor *
gloss_pick_anchor_new (GtkOverlay        *overlay,
                       GtkTextView       *view,
                       GtkScrolledWindow *area)
{
  GlossPickAnchor *self;

  g_return_val_if_fail (GTK_IS_OVERLAY (overlay), NULL);
  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);
  g_return_val_if_fail (GTK_IS_SCROLLED_WINDOW (area), NULL);

  self = g_object_new (GLOSS_TYPE_PICK_ANCHOR, NULL);
  self->view = GTK_WIDGET (view);
  self->area = GTK_WIDGET (area);
  gtk_overlay_add_overlay (overlay, GTK_WIDGET (self));
  g_signal_connect (overlay, "get-child-position", G_CALLBACK (gloss_pick_anchor_position_cb), NULL);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (area), "value-changed",
                           G_CALLBACK (gloss_pick_anchor_place), self, G_CONNECT_SWAPPED);
  return self;
}
