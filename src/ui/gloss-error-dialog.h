/* gloss-error-dialog.h: an error, in a dialog over the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* @heading and @error's message, over the window @widget is in. */
void gloss_error_dialog_show (GtkWidget    *widget,
                              const char   *heading,
                              const GError *error);

G_END_DECLS
