/* gloss-toast-details.c: a toast of one short line, the rest behind Details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A toast is one short line (GNOME HIG): what does not fit, such as
 * everything an export left out or why a type cannot go, is read in a
 * message dialog its Details button opens.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-schema.h"
#include "gloss-toast-details.h"

static void
details_clicked_cb (AdwToast  *toast,
                    GtkWidget *parent)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       g_object_get_data (G_OBJECT (toast), "heading"),
                                                       g_object_get_data (G_OBJECT (toast), "body")));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * gloss_toast_details_new:
 * @parent: the widget whose window the details dialog is for
 * @title: the toast's one short line
 * @heading: the details dialog's heading
 * @body: what it says
 *
 * Returns: (transfer full): a toast with a Details button, shown ten
 *   seconds so that there is time to press it
 */
AdwToast *
gloss_toast_details_new (GtkWidget  *parent,
                         const char *title,
                         const char *heading,
                         const char *body)
{
  AdwToast *toast;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (title != NULL && heading != NULL && body != NULL, NULL);

  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, _("_Details"));
  g_object_set_data_full (G_OBJECT (toast), "heading", g_strdup (heading), g_free);
  g_object_set_data_full (G_OBJECT (toast), "body", g_strdup (body), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (details_clicked_cb), parent, 0);
  return toast;
}

/**
 * gloss_toast_in_use_new:
 * @parent: the widget whose window the details dialog belongs to
 * @label: the type that cannot be deleted
 * @error: why (the counts)
 *
 * Returns: (transfer full): a short toast, the counts behind Details
 */
AdwToast *
gloss_toast_in_use_new (GtkWidget    *parent,
                        GlossLabel   *label,
                        const GError *error)
{
  const char *name = gloss_label_shown_name (label);
  g_autofree char *markup = g_markup_escape_text (name, -1);
  /* Translators: a toast, one short line; %s is a type's name */
  g_autofree char *title = g_strdup_printf (_("“%s” is in use"), markup);
  /* Translators: %s is a type's name */
  g_autofree char *heading = g_strdup_printf (_("“%s” Cannot Be Deleted"), name);

  return gloss_toast_details_new (parent, title, heading, error->message);
}
