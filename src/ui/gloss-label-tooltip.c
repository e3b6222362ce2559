/* gloss-label-tooltip.c: a tooltip that is the full text of a label
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gtk_widget_set_tooltip_text() on a shown widget asks the X server where
 * the pointer is (a round trip): binding the rows of the sidebar's lists
 * that way took a quarter of opening a document with 5,000 entities and
 * 10,000 claims, and the inspector's title did it at every selection.
 * These tooltips are the text of a label an ellipsis may cut, so the text
 * is read when the tooltip is about to show instead.
 */
#include "config.h"

#include "gloss-label-tooltip.h"

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_tooltip,
                  GtkTooltip *tooltip,
                  GtkLabel   *label)
{
  const char *text = gtk_label_get_text (label);

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
gloss_label_tooltip_attach (GtkWidget *widget,
                          GtkLabel  *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect_object (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), label, 0);
}
