/* gloss-combo-row-names.h: combo rows that show their choices' whole names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Gives @row labels that show a choice's whole name: in the row, as wide
 * as the name (cut with an ellipsis only when the row has no room left);
 * in the popup's list, wrapped between words. The name is the row's
 * expression evaluated on the item, or a GtkStringObject's string. */
void gloss_combo_row_show_whole_names (AdwComboRow *row);

/* After gloss_combo_row_show_whole_names(): the row shows @name for the
 * choice at @position, whose whole name its list still shows (the
 * row's subtitle saying the rest). */
void gloss_combo_row_set_short_name   (AdwComboRow *row,
                                       guint        position,
                                       const char  *name);

G_END_DECLS
