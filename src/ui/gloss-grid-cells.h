/* gloss-grid-cells.h: labels in a GtkGrid of numbers, as the statistics
 * and agreement windows lay them out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A label with @text at @column, @row of @grid; a @number is
 * right-aligned in tabular figures, a @heading dimmed and never cut
 * (other text is cut with an ellipsis when the grid is squeezed).
 * Returns: (transfer none): the label */
GtkWidget *gloss_grid_add_cell (GtkGrid    *grid,
                                int         column,
                                int         row,
                                const char *text,
                                gboolean    number,
                                gboolean    heading);

G_END_DECLS
