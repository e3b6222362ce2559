/* gloss-error-dialog.c: an error, in a dialog over the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-error-dialog.h"

void
gloss_error_dialog_show (GtkWidget    *widget,
                         const char   *heading,
                         const GError *error)
{
  GtkRoot *root;
  AdwMessageDialog *dialog;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  root = gtk_widget_get_root (widget);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                                       error != NULL ? error->message : NULL));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}
