/* gloss-link-dialog.h: choose the entity a mention links to (Ctrl+L)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-store.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_LINK_DIALOG (gloss_link_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GlossLinkDialog, gloss_link_dialog, GLOSS, LINK_DIALOG, AdwWindow)

GlossLinkDialog *gloss_link_dialog_new (GtkWindow    *parent,
                                        GlossStore   *store,
                                        GlossMention *mention);

G_END_DECLS
