/* gloss-project-private.h: the progress files of a project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-project.h"

G_BEGIN_DECLS

typedef struct
{
  GlossProgress status;
  guint         n_mentions;
  guint         n_claims;
} GlossProgressEntry;

/* progress/STEM.json: document id → GlossProgressEntry; an empty table
 * when the file does not exist. *annotator gets the name it records. */
GHashTable *_gloss_project_progress_read  (GFile       *file,
                                           char       **annotator,
                                           GError     **error);
/* The file for @documents (a GListModel of GlossProjectDocument in order
 * of id): one document a line, those still todo and empty left out. */
GBytes     *_gloss_project_progress_write (const char  *annotator,
                                           GListModel  *documents);

G_END_DECLS
