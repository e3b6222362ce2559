/* gloss-toast-details.h: a toast of one short line, the rest behind Details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwToast *gloss_toast_details_new (GtkWidget  *parent,
                                   const char *title,
                                   const char *heading,
                                   const char *body);

G_END_DECLS
