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

G_END_DECLS
