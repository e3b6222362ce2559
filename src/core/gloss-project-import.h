/* gloss-project-import.h: files of any readable kind, added to a project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-project.h"

G_BEGIN_DECLS

/**
 * GlossProjectImport:
 * @stores: (element-type GlossStore): the documents read, in order
 * @names: (element-type utf8): for each, the name its id is made from
 * @sources: (element-type utf8): for each, the name of the file it came from
 * @skipped: (element-type utf8): files of a folder that are of no kind
 *   Gloss reads, by name
 *
 * Documents read but not added yet: every file is read before any
 * document is added, so that a bad file adds nothing.
 */
typedef struct
{
  GPtrArray *stores;
  GPtrArray *names;
  GPtrArray *sources;
  GPtrArray *skipped;
} GlossProjectImport;

GlossProjectImport *gloss_project_import_new      (void);
void                gloss_project_import_free     (GlossProjectImport *import);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossProjectImport, gloss_project_import_free)

/* Appends @store, read from the file @source; @name makes its id. */
void                gloss_project_import_append   (GlossProjectImport *import,
                                                   GlossStore         *store,
                                                   const char         *name,
                                                   const char         *source);
void                gloss_project_import_append_all (GlossProjectImport *import,
                                                     GPtrArray          *stores,
                                                     const char         *source);
/* Whether a file of this name is read: an article (.txt, .md), a .gloss,
 * or a file of a format gloss-cli import reads, told by its extension. */
gboolean            gloss_project_import_can_read (const char         *basename);
/* Reads @file's documents with @schema (an article's, or the start of an
 * import's): an article as text (with the brat .ann beside it, if any),
 * a .gloss as itself, other files by the format gloss_format_guess()
 * finds from their name and first record. */
gboolean            gloss_project_import_file     (GlossProjectImport *import,
                                                   GlossSchema        *schema,
                                                   GFile              *file,
                                                   GCancellable       *cancellable,
                                                   GError            **error);
/* Every file of @folder that can be read (not its subfolders, not hidden
 * files), in order of name; the others are listed in @skipped. */
gboolean            gloss_project_import_folder   (GlossProjectImport *import,
                                                   GlossSchema        *schema,
                                                   GFile              *folder,
                                                   GCancellable       *cancellable,
                                                   GError            **error);

/* Whether each document of @import has a text (by SHA-256) that neither
 * the project nor an earlier document of @import has; else an error
 * naming the one that has it (gloss-project-texts.c). */
gboolean            gloss_project_import_check_texts (GlossProject       *self,
                                                      GlossProjectImport *import,
                                                      GError            **error);

/* Adds what @import read and saves the project, all or nothing: on a
 * failure the documents added are taken back, with their folders.
 * Returns: (transfer container) (element-type GlossProjectDocument): the
 * documents added */
GPtrArray          *gloss_project_add_imported    (GlossProject       *self,
                                                   GlossProjectImport *import,
                                                   GError            **error);

G_END_DECLS
