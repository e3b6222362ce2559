/* gloss-grid-cells.c: labels in a GtkGrid of numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-grid-cells.h"

GtkWidget *
gloss_grid_add_cell (GtkGrid    *grid,
                     int         column,
                     int         row,
                     const char *text,
                     gboolean    number,
                     gboolean    heading)
{
  GtkWidget *label;

  g_return_val_if_fail (GTK_IS_GRID (grid), NULL);

  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), number ? 1.0f : 0.0f);
  /* A column is as wide as its heading: "Annoti…" names nothing. */
  if (!heading)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (number)
    gtk_widget_add_css_class (label, "numeric");
  if (heading)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (grid, label, column, row, 1, 1);
  return label;
}
