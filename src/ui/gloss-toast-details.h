/* gloss-toast-details.h: a toast of one short line, the rest behind Details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-label.h"

G_BEGIN_DECLS

AdwToast *gloss_toast_details_new (GtkWidget  *parent,
                                   const char *title,
                                   const char *heading,
                                   const char *body);

/* "“Person” is in use", the counts of @error behind Details. */
AdwToast *gloss_toast_in_use_new  (GtkWidget    *parent,
                                   GlossLabel   *label,
                                   const GError *error);

G_END_DECLS
