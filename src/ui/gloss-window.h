/* gloss-window.h: a window showing one document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-application.h"
#include "gloss-document-page.h"
#include "gloss-project.h"
#include "gloss-store.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_WINDOW (gloss_window_get_type ())

G_DECLARE_FINAL_TYPE (GlossWindow, gloss_window, GLOSS, WINDOW, AdwApplicationWindow)

GlossWindow *gloss_window_new            (GlossApplication *application);

/* Opening: a .gloss file opens as itself; any other file is read as text
 * and becomes a new, unsaved document. On failure the window is unchanged. */
gboolean     gloss_window_open_file      (GlossWindow      *self,
                                          GFile            *file,
                                          GError          **error);
/* Like gloss_window_open_file(), but reads the file in a worker thread
 * while the window shows a loading page, and shows errors in a dialog.
 * Files over 50 MB open only once the user agrees. */
void         gloss_window_load_file      (GlossWindow      *self,
                                          GFile            *file);
gboolean     gloss_window_get_opening    (GlossWindow      *self);
/* The bundled sample article's text, unannotated, as a new document. */
gboolean     gloss_window_open_sample    (GlossWindow      *self,
                                          GError          **error);
/* The sample article annotated (what "Open Sample Article" shows), as a
 * new, unsaved document. */
gboolean     gloss_window_open_annotated_sample (GlossWindow  *self,
                                                 GError      **error);
/* Show @store as a new, unsaved document (or as @file when not NULL). */
void         gloss_window_set_store      (GlossWindow      *self,
                                          GlossStore       *store,
                                          GFile            *file);

/* Write the .gloss to @file atomically; on success it becomes the file
 * Ctrl+S writes to and the document is marked saved. */
gboolean     gloss_window_save_to_file   (GlossWindow      *self,
                                          GFile            *file,
                                          GError          **error);

GlossStore  *gloss_window_get_store      (GlossWindow      *self);
GFile       *gloss_window_get_file       (GlossWindow      *self);
gboolean     gloss_window_get_modified   (GlossWindow      *self);
gboolean     gloss_window_has_document   (GlossWindow      *self);
GtkWidget   *gloss_window_get_view       (GlossWindow      *self);
/* The page showing the document (its store, journal and doc.* actions). */
GlossDocumentPage *gloss_window_get_page (GlossWindow      *self);
GtkWidget   *gloss_window_get_search_entry (GlossWindow    *self);

void         gloss_window_update_actions (GlossWindow      *self);

/* Projects (gloss-window-project.c): a folder of documents, shown one at
 * a time with suggestions. */
gboolean      gloss_window_open_project    (GlossWindow  *self,
                                            GFile        *folder,
                                            GError      **error);
void          gloss_window_load_project    (GlossWindow  *self,
                                            GFile        *folder);
GlossProject *gloss_window_get_project     (GlossWindow  *self);
/* The document of the project shown, if any. */
GlossProjectDocument *gloss_window_get_project_document (GlossWindow *self);
GArray       *gloss_window_get_suggestions (GlossWindow  *self);

G_END_DECLS
