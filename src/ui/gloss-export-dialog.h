/* gloss-export-dialog.h: Export (Ctrl+E): format, options, documents, split
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-format.h"
#include "gloss-project.h"
#include "gloss-store.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_EXPORT_DIALOG (gloss_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GlossExportDialog, gloss_export_dialog, GLOSS, EXPORT_DIALOG, AdwWindow)

/* @store: the open document; @project: (nullable): the project it belongs
 * to, whose documents may be exported instead; @name: what the file is
 * named after ("article.gloss"); @folder: (nullable): where the chooser
 * starts. */
GlossExportDialog *gloss_export_dialog_new        (GtkWindow         *parent,
                                                   GlossStore        *store,
                                                   GlossProject      *project,
                                                   const char        *name,
                                                   GFile             *folder);

/* The format by its name ("doccano"); FALSE when the dialog offers none
 * of that name. */
gboolean           gloss_export_dialog_select_format (GlossExportDialog *self,
                                                   const char        *name);
const GlossFormat *gloss_export_dialog_get_format (GlossExportDialog *self);

G_END_DECLS
