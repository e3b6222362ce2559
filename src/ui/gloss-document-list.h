/* gloss-document-list.h: the documents of a project, with their status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-project.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_DOCUMENT_LIST (gloss_document_list_get_type ())

G_DECLARE_FINAL_TYPE (GlossDocumentList, gloss_document_list, GLOSS, DOCUMENT_LIST, GtkWidget)

GtkWidget    *gloss_document_list_new         (void);
void          gloss_document_list_set_project (GlossDocumentList    *self,
                                               GlossProject         *project);
/* The document shown in the window, marked in the list; its row counts
 * what @store holds, as edited (saved or not). */
void          gloss_document_list_set_current (GlossDocumentList    *self,
                                               GlossProjectDocument *document,
                                               GlossStore           *store);
/* The filter: -1 for every status, else a GlossProgress. */
void          gloss_document_list_set_status_filter (GlossDocumentList *self,
                                                     int                status);
GListModel   *gloss_document_list_get_shown   (GlossDocumentList    *self);

G_END_DECLS
