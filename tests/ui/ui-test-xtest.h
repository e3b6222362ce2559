/* ui-test-xtest.h: real pointer input for the UI tests, through the X
 * server's XTest extension, so events take the path a user's do (the X
 * server, GDK, the gestures and controllers of the widget under them)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only what the relation and layout tests need until the shared
 * tests/ui/ui-test-utils lands; then they switch to it.
 */
#pragma once

#include <gtk/gtk.h>
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>

/* @x, @y (in @widget's coordinates) on the X screen. */
G_GNUC_UNUSED static void
xtest_root_point (GtkWidget *widget,
                  double     x,
                  double     y,
                  int       *root_x,
                  int       *root_y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  GdkDisplay *display = gdk_surface_get_display (surface);
  graphene_point_t p;
  double sx, sy;
  Window child;

  g_assert_true (GDK_IS_X11_SURFACE (surface));
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &GRAPHENE_POINT_INIT (x, y), &p));
  gtk_native_get_surface_transform (native, &sx, &sy);
  XTranslateCoordinates (gdk_x11_display_get_xdisplay (display), gdk_x11_surface_get_xid (surface),
                         gdk_x11_display_get_xrootwindow (display),
                         (int) (p.x + sx), (int) (p.y + sy), root_x, root_y, &child);
}

/* Run the main loop until the X server has handled what was sent and GTK
 * has seen the events it sent back. */
G_GNUC_UNUSED static void
xtest_sync (GdkDisplay *display)
{
  XSync (gdk_x11_display_get_xdisplay (display), False);
  for (int i = 0; i < 5; i++)
    {
      gint64 until = g_get_monotonic_time () + 20 * 1000;

      while (g_get_monotonic_time () < until)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (1000);
    }
}

/* Move the pointer over @x, @y of @widget. */
G_GNUC_UNUSED static void
xtest_move (GtkWidget *widget,
            double     x,
            double     y)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  int rx, ry;

  xtest_root_point (widget, x, y, &rx, &ry);
  XTestFakeMotionEvent (gdk_x11_display_get_xdisplay (display), -1, rx, ry, CurrentTime);
  xtest_sync (display);
}

/* A click of the primary button at @x, @y of @widget. */
G_GNUC_UNUSED static void
xtest_click (GtkWidget *widget,
             double     x,
             double     y)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  Display *xdisplay = gdk_x11_display_get_xdisplay (display);

  xtest_move (widget, x, y);
  XTestFakeButtonEvent (xdisplay, 1, True, CurrentTime);
  XTestFakeButtonEvent (xdisplay, 1, False, CurrentTime);
  xtest_sync (display);
}

/* Where the text view shows code point @offset (its middle, a character
 * in), in the view's coordinates. */
G_GNUC_UNUSED static void
text_point (GtkWidget *view,
            guint      offset,
            double    *x,
            double    *y)
{
  GtkTextIter iter;
  GdkRectangle rect;
  int wx, wy;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), &iter, offset);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &iter, &rect);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET,
                                         rect.x + MAX (rect.width / 2, 1), rect.y + rect.height / 2, &wx, &wy);
  *x = wx;
  *y = wy;
}
