/* gloss-project-document.h: one document of a project and its progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "gloss-types.h"

G_BEGIN_DECLS

/**
 * GlossProgress:
 * @GLOSS_PROGRESS_TODO: not started
 * @GLOSS_PROGRESS_IN_PROGRESS: being annotated
 * @GLOSS_PROGRESS_DONE: finished
 */
typedef enum
{
  GLOSS_PROGRESS_TODO,
  GLOSS_PROGRESS_IN_PROGRESS,
  GLOSS_PROGRESS_DONE,
} GlossProgress;

#define GLOSS_TYPE_PROJECT_DOCUMENT (gloss_project_document_get_type ())

G_DECLARE_FINAL_TYPE (GlossProjectDocument, gloss_project_document, GLOSS, PROJECT_DOCUMENT, GObject)

GlossProjectDocument *gloss_project_document_new           (const char           *id);
/* The name of its folder, documents/ID/, in the project. */
const char           *gloss_project_document_get_id        (GlossProjectDocument *self);
const char           *gloss_project_document_get_title     (GlossProjectDocument *self);
void                  gloss_project_document_set_title     (GlossProjectDocument *self,
                                                            const char           *title);
/* The name of the file the document was made from ("summit.txt"). */
const char           *gloss_project_document_get_source    (GlossProjectDocument *self);
void                  gloss_project_document_set_source    (GlossProjectDocument *self,
                                                            const char           *source);
/* The progress of the project's annotator on this document. */
GlossProgress         gloss_project_document_get_status    (GlossProjectDocument *self);
void                  gloss_project_document_set_status    (GlossProjectDocument *self,
                                                            GlossProgress         status);
/* What the annotator's file held when it was last saved through the
 * project (so a list can show progress without opening it). */
guint                 gloss_project_document_get_n_mentions (GlossProjectDocument *self);
guint                 gloss_project_document_get_n_claims   (GlossProjectDocument *self);
void                  gloss_project_document_set_counts     (GlossProjectDocument *self,
                                                             guint                 n_mentions,
                                                             guint                 n_claims);
JsonObject           *gloss_project_document_get_extra     (GlossProjectDocument *self);
void                  gloss_project_document_set_extra     (GlossProjectDocument *self,
                                                            JsonObject           *extra);

const char           *gloss_progress_to_string             (GlossProgress         status);
gboolean              gloss_progress_from_string           (const char           *str,
                                                            GlossProgress        *status);

G_END_DECLS
