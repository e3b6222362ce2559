/* gloss-document-page.h: one document in a window: the article, the
 * sidebar and the inspector, and the store, file and source they show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-annotation-list-page.h"
#include "gloss-annotation-view.h"
#include "gloss-entity-list.h"
#include "gloss-inspector.h"
#include "gloss-label-palette.h"
#include "gloss-journal.h"
#include "gloss-store.h"
#include "gloss-toast-queue.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_DOCUMENT_PAGE (gloss_document_page_get_type ())

G_DECLARE_FINAL_TYPE (GlossDocumentPage, gloss_document_page, GLOSS, DOCUMENT_PAGE, GtkWidget)

GlossDocumentPage *gloss_document_page_new               (void);

GlossStore        *gloss_document_page_get_store         (GlossDocumentPage *self);
/* Where Ctrl+S writes: a .gloss file, NULL for a new document. */
GFile             *gloss_document_page_get_file          (GlossDocumentPage *self);
/* What an unsaved document was read from (it keys its journal). */
GFile             *gloss_document_page_get_source        (GlossDocumentPage *self);
/* ::changed: an edit of the store, a change of its schema or of its name. */

/* ::journal-error (const GError *): the journal failed, or (NULL) works. */

/* Show @store, saved in @file (whose bytes hash to @file_sha256 if the
 * caller has it), or unsaved and read from @source. It gets a journal,
 * and any edits an earlier session left for it are offered. */
void               gloss_document_page_set_document      (GlossDocumentPage *self,
                                                          GlossStore        *store,
                                                          GFile             *file,
                                                          const char        *file_sha256,
                                                          GFile             *source);
/* The crash journal of the document (transfer none), or NULL. */
GlossJournal      *gloss_document_page_get_journal       (GlossDocumentPage *self);
/* On a clean close (saved, or changes discarded on purpose). */
void               gloss_document_page_discard_journal   (GlossDocumentPage *self);
/* The doc.* actions: the edits of the document (the window inserts them
 * as "doc"). */
GActionGroup      *gloss_document_page_get_actions       (GlossDocumentPage *self);
/* Where the page's toasts go: the window's queue. */
void               gloss_document_page_set_toasts        (GlossDocumentPage *self,
                                                          GlossToastQueue   *toasts);
/* The store or its schema changed since it was read or saved. */
gboolean           gloss_document_page_get_modified      (GlossDocumentPage *self);
/* Its file is gone: modified until saved. */
void               gloss_document_page_mark_unsaved      (GlossDocumentPage *self);
/* The document is saved in @file now: it is no longer modified. */
void               gloss_document_page_mark_saved        (GlossDocumentPage *self,
                                                          GFile             *file);
/* What the title bar calls the document in place of its file's name (a
 * project's: its own name and the project's), until the next document. */
void               gloss_document_page_set_name          (GlossDocumentPage *self,
                                                          const char        *name);
/* What dialogs and toasts call the document in place of its file's name
 * (a project's: its name in the Documents list), set before the document
 * it names is, and kept until set again. */
void               gloss_document_page_set_label         (GlossDocumentPage *self,
                                                          const char        *label);
/* The label, else the file's display name, else the name of what the
 * document was read from, else “New Document”. */
char              *gloss_document_page_dup_label         (GlossDocumentPage *self);
/* The window's title and subtitle for the document ("• name — 3 mentions…"). */
void               gloss_document_page_describe          (GlossDocumentPage *self,
                                                          char             **title,
                                                          char             **subtitle,
                                                          char             **window_title);

/* Where the list/inspector divider goes when the inspector shows (0: the
 * default), remembered across sessions by the window. */
int                gloss_document_page_get_inspector_position (GlossDocumentPage *self);
void               gloss_document_page_set_inspector_position (GlossDocumentPage *self,
                                                               int                position);

GlossAnnotationView     *gloss_document_page_get_view          (GlossDocumentPage *self);
AdwFlap                 *gloss_document_page_get_flap          (GlossDocumentPage *self);
GtkOverlay              *gloss_document_page_get_article       (GlossDocumentPage *self);
AdwViewStack            *gloss_document_page_get_sidebar_stack (GlossDocumentPage *self);
GlossInspector          *gloss_document_page_get_inspector     (GlossDocumentPage *self);

/* @file's display name (its base name if it has none). */
char                    *_gloss_file_display_name              (GFile             *file);

G_END_DECLS
