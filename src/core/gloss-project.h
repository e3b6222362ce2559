/* gloss-project.h: a folder of documents annotated with one schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-matcher.h"
#include "gloss-project-document.h"
#include "gloss-registry.h"
#include "gloss-schema.h"
#include "gloss-store.h"

G_BEGIN_DECLS

#define GLOSS_PROJECT_VERSION 1

/* The files of a document folder that belong to no annotator. */
#define GLOSS_PROJECT_SOURCE  "source"
#define GLOSS_PROJECT_CURATED "curated"

#define GLOSS_TYPE_PROJECT (gloss_project_get_type ())

G_DECLARE_FINAL_TYPE (GlossProject, gloss_project, GLOSS, PROJECT, GObject)

/* @annotator: whose files and progress to use; the default annotator
 * (gloss_annotator_default_name()) when %NULL. */
GlossProject         *gloss_project_new            (GFile         *folder,
                                                    const char    *name,
                                                    GlossSchema   *schema,
                                                    const char    *annotator);
/* @location: the project folder or its project.json. Reads project.json
 * and the annotator's progress, no document. */
GlossProject         *gloss_project_load           (GFile         *location,
                                                    const char    *annotator,
                                                    GError       **error);
/* Whether @folder holds a project.json. */
gboolean              gloss_project_is_project_folder (GFile      *folder);
/* Writes project.json and the annotator's progress file, all or nothing
 * (creating the folder if needed). */
gboolean              gloss_project_save           (GlossProject  *self,
                                                    GError       **error);

GFile                *gloss_project_get_folder     (GlossProject  *self);
const char           *gloss_project_get_name       (GlossProject  *self);
void                  gloss_project_set_name       (GlossProject  *self,
                                                    const char    *name);
const char           *gloss_project_get_annotator  (GlossProject  *self);
GlossSchema          *gloss_project_get_schema     (GlossProject  *self);
void                  gloss_project_set_schema     (GlossProject  *self,
                                                    GlossSchema   *schema);
/* A GListModel of GlossProjectDocument, in order of id. */
GListModel           *gloss_project_get_documents  (GlossProject  *self);
GlossProjectDocument *gloss_project_lookup         (GlossProject  *self,
                                                    const char    *id);
/* documents/ID/NAME.gloss; NAME is an annotator's file stem,
 * GLOSS_PROJECT_SOURCE or GLOSS_PROJECT_CURATED. */
GFile                *gloss_project_get_document_file (GlossProject         *self,
                                                       GlossProjectDocument *document,
                                                       const char           *name);

/* Writes @store as documents/ID/source.gloss (ID a free name derived from
 * @basename) and lists it; call gloss_project_save() after. */
GlossProjectDocument *gloss_project_add_store      (GlossProject  *self,
                                                    GlossStore    *store,
                                                    const char    *basename,
                                                    GError       **error);
/* A store of the UTF-8 article @article with the project's schema, not
 * added yet. */
GlossStore           *gloss_project_read_text_file (GlossProject  *self,
                                                    GFile         *article,
                                                    GError       **error);
/* Reads a UTF-8 article and adds it with the project's schema. */
GlossProjectDocument *gloss_project_add_text_file  (GlossProject  *self,
                                                    GFile         *article,
                                                    GError       **error);
/* Unlists @document; its files stay on disk. */
gboolean              gloss_project_remove         (GlossProject          *self,
                                                    GlossProjectDocument  *document);

/* The annotator's own file of @document, or its source when they have
 * not saved one yet; brought up to date with the registry and with the
 * project's schema. */
GlossStore           *gloss_project_open_document  (GlossProject          *self,
                                                    GlossProjectDocument  *document,
                                                    GError               **error);
/* Writes @store as the annotator's file of @document, records its counts
 * and moves a todo document with unsaved edits to in progress; saves the
 * progress file.
 * First links the store's entities to the registry (registering new
 * ones, as one undoable step of the store) and learns its mentions' texts
 * for suggestions. */
gboolean              gloss_project_save_document  (GlossProject          *self,
                                                    GlossProjectDocument  *document,
                                                    GlossStore            *store,
                                                    GError               **error);
/* gloss_project_save_document() in two halves, for a caller that writes
 * the file itself (the window: through its journal): before, and after. */
/* gloss-project-schema.c: @store's schema made the project's. */
gboolean              gloss_project_apply_schema   (GlossProject          *self,
                                                    GlossStore            *store);
gboolean              gloss_project_link_document  (GlossProject          *self,
                                                    GlossStore            *store,
                                                    GError               **error);
/* @edited: whether the annotator changed @store since it was last saved
 * (what moves a todo document to in progress; annotations a document was
 * imported with do not). */
gboolean              gloss_project_record_document (GlossProject         *self,
                                                     GlossProjectDocument *document,
                                                     GlossStore           *store,
                                                     gboolean              edited,
                                                     GError              **error);
gboolean              gloss_project_is_curated     (GlossProject          *self,
                                                    GlossProjectDocument  *document);
/* What a dataset takes from @document: its curated file if there is one,
 * else the annotator's file once they marked it done; %NULL without an
 * error when neither. */
GlossStore           *gloss_project_open_final     (GlossProject          *self,
                                                    GlossProjectDocument  *document,
                                                    GError               **error);
/* The annotators with a progress file, sorted. */
GStrv                 gloss_project_list_annotators (GlossProject         *self);
/* Another annotator's progress: document id → GlossProgress (as a
 * pointer); documents they never touched are absent. */
GHashTable           *gloss_project_read_progress  (GlossProject          *self,
                                                    const char            *annotator,
                                                    GError               **error);

/* The project's entity registry (FOLDER/entities.json), read the first
 * time it is asked for. */
GlossRegistry        *gloss_project_get_registry   (GlossProject          *self,
                                                    GError               **error);

/* Suggestions (gloss-project-suggestions.c). */
GArray               *gloss_project_suggest        (GlossProject          *self,
                                                    GlossProjectDocument  *document,
                                                    GlossStore            *store,
                                                    GError               **error);
guint                 gloss_project_accept         (GlossProject          *self,
                                                    GlossStore            *store,
                                                    GArray                *suggestions,
                                                    guint                  index,
                                                    gboolean               all_of_target,
                                                    GError               **error);
gboolean              gloss_project_reject         (GlossProject          *self,
                                                    GlossProjectDocument  *document,
                                                    GlossStore            *store,
                                                    const GlossSuggestion *suggestion,
                                                    GError               **error);

G_END_DECLS
