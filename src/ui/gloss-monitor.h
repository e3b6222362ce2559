/* gloss-monitor.h: whether a part of a window is on a monitor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Whether @x, @y (@width × @height) of @surface, in its coordinates, lies
 * on a monitor: where GDK looks for the monitor of a popup anchored there
 * (on X11, gdk_surface_get_layout_monitor; elsewhere always TRUE). */
gboolean gloss_surface_area_on_monitor (GdkSurface *surface,
                                        double      x,
                                        double      y,
                                        int         width,
                                        int         height);

G_END_DECLS
