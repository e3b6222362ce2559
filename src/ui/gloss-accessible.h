/* gloss-accessible.h: names for the parts of composite widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void gloss_accessible_name_composites (GtkWidget *root);

G_END_DECLS
