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

/* lexicon/STEM.json (gloss-project-lexicon.c). */
typedef struct
{
  char *type;
  char *entity;   /* a registry id, or NULL */
} GlossLexiconEntry;

typedef struct
{
  GHashTable *tagged;    /* text → GlossLexiconEntry */
  GHashTable *rejected;  /* rejection keys */
} GlossLexicon;

GlossLexicon *_gloss_lexicon_new           (void);
GlossLexicon *_gloss_lexicon_read          (GFile         *file,
                                            GError       **error);
GBytes       *_gloss_lexicon_write         (GlossLexicon  *lexicon,
                                            const char    *annotator);
void          _gloss_lexicon_free          (GlossLexicon  *lexicon);
void          _gloss_lexicon_tag           (GlossLexicon  *lexicon,
                                            const char    *text,
                                            const char    *type,
                                            const char    *entity);
char         *_gloss_lexicon_rejection_key (const char    *document,
                                            guint          start,
                                            guint          end,
                                            const char    *target);

/* The project's lexicon, read the first time; and its matcher, built by
 * @build the first time and after the registry or lexicon changed. */
typedef GlossMatcher *(*GlossMatcherBuildFunc) (GlossProject *self,
                                                GError      **error);
GlossLexicon *_gloss_project_get_lexicon  (GlossProject          *self,
                                           GError               **error);
gboolean      _gloss_project_save_lexicon (GlossProject          *self,
                                           GError               **error);
GlossMatcher *_gloss_project_get_matcher  (GlossProject          *self,
                                           GlossMatcherBuildFunc  build,
                                           GError               **error);

G_END_DECLS
