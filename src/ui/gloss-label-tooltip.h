/* gloss-label-tooltip.h: a tooltip that is the full text of a label
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* @widget shows @label's text as its tooltip, read when the tooltip is
 * about to show. */
void gloss_label_tooltip_attach (GtkWidget *widget,
                               GtkLabel  *label);

G_END_DECLS
