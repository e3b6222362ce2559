/* gloss-recent-documents.h: which files go in the recent documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Whether @file is a document file of a project: FOLDER/documents/ID/NAME.gloss
 * beside FOLDER/project.json. Then *@folder (nullable) is FOLDER, *@id
 * (nullable) ID and *@stem (nullable) NAME. */
gboolean gloss_recent_documents_in_project (GFile       *file,
                                            GFile      **folder,
                                            char       **id,
                                            char       **stem);
/* Records @file in the recent files when it is a file Gloss opens and no
 * project's document, unless the user turned recent files off (@widget's
 * settings). */
void     gloss_recent_documents_add        (GtkWidget   *widget,
                                            GFile       *file);
/* Whether the Open menu lists @info, recorded by @app_name: an existing
 * file Gloss opens, no project nor project document, no folder. */
gboolean gloss_recent_documents_lists      (GtkRecentInfo *info,
                                            const char    *app_name);
/* The Open button's menu: the latest of those listed. */
void     gloss_recent_documents_fill_menu  (GMenu         *menu);

G_END_DECLS
