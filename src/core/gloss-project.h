/* gloss-project.h: a folder of documents annotated with one schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-project-document.h"
#include "gloss-schema.h"
#include "gloss-store.h"

G_BEGIN_DECLS

#define GLOSS_PROJECT_VERSION 1

#define GLOSS_TYPE_PROJECT (gloss_project_get_type ())

G_DECLARE_FINAL_TYPE (GlossProject, gloss_project, GLOSS, PROJECT, GObject)

GlossProject         *gloss_project_new            (GFile         *folder,
                                                    const char    *name,
                                                    GlossSchema   *schema);
/* @location: the project folder or its project.json. */
GlossProject         *gloss_project_load           (GFile         *location,
                                                    GError       **error);
/* Writes project.json atomically (creating the folder if needed). */
gboolean              gloss_project_save           (GlossProject  *self,
                                                    GError       **error);

GFile                *gloss_project_get_folder     (GlossProject  *self);
const char           *gloss_project_get_name       (GlossProject  *self);
void                  gloss_project_set_name       (GlossProject  *self,
                                                    const char    *name);
GlossSchema          *gloss_project_get_schema     (GlossProject  *self);
/* A GListModel of GlossProjectDocument, in project order. */
GListModel           *gloss_project_get_documents  (GlossProject  *self);
GlossProjectDocument *gloss_project_lookup         (GlossProject  *self,
                                                    const char    *path);
GFile                *gloss_project_get_file       (GlossProject          *self,
                                                    GlossProjectDocument  *document);

/* Writes @store as documents/NAME.gloss (a free name derived from
 * @basename) and lists it; the store's schema is left as it is. */
GlossProjectDocument *gloss_project_add_store      (GlossProject  *self,
                                                    GlossStore    *store,
                                                    const char    *basename,
                                                    GError       **error);
/* Reads a UTF-8 article and adds it as a new document with the
 * project's schema. */
GlossProjectDocument *gloss_project_add_text_file  (GlossProject  *self,
                                                    GFile         *article,
                                                    GError       **error);
/* Unlists @document; its file stays on disk. */
gboolean              gloss_project_remove         (GlossProject          *self,
                                                    GlossProjectDocument  *document);
GlossStore           *gloss_project_open_document  (GlossProject          *self,
                                                    GlossProjectDocument  *document,
                                                    GError               **error);

G_END_DECLS
