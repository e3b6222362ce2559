/* gloss-monitor.c: whether a part of a window is on a monitor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-monitor.h"

#ifdef GLOSS_HAVE_X11
#include <gdk/x11/gdkx.h>

static gboolean
x11_on_monitor (GdkSurface *surface,
                double      x,
                double      y,
                int         width,
                int         height)
{
  GdkDisplay *display = gdk_surface_get_display (surface);
  GListModel *monitors = gdk_display_get_monitors (display);
  int scale = gdk_surface_get_scale_factor (surface);
  GdkRectangle rect;
  Window child;
  int rx = 0, ry = 0;
  Bool ok;

  gdk_x11_display_error_trap_push (display);
  ok = XTranslateCoordinates (gdk_x11_display_get_xdisplay (display),
                              gdk_x11_surface_get_xid (surface),
                              gdk_x11_display_get_xrootwindow (display),
                              (int) (x * scale), (int) (y * scale), &rx, &ry, &child);
  if (gdk_x11_display_error_trap_pop (display) != 0 || !ok)
    return FALSE;

  rect.x = rx / scale;
  rect.y = ry / scale;
  rect.width = MAX (width, 1);
  rect.height = MAX (height, 1);
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      if (gdk_rectangle_intersect (&rect, &geometry, NULL))
        return TRUE;
    }
  return FALSE;
}
#endif

gboolean
gloss_surface_area_on_monitor (GdkSurface *surface,
                               double      x,
                               double      y,
                               int         width,
                               int         height)
{
  g_return_val_if_fail (GDK_IS_SURFACE (surface), FALSE);

#ifdef GLOSS_HAVE_X11
  if (GDK_IS_X11_SURFACE (surface))
    return x11_on_monitor (surface, x, y, width, height);
#endif
  return TRUE;
}
