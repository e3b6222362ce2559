/* gloss-project-private.h: what the files of GlossProject share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-project.h"

G_BEGIN_DECLS

typedef struct _GlossLexicon GlossLexicon;

struct _GlossProject
{
  GObject      parent_instance;

  GFile       *folder;
  char        *name;
  char        *annotator;
  char        *stem;       /* the annotator's file names */
  GlossSchema *schema;
  GListStore  *documents;  /* in order of id */
  GHashTable  *by_id;      /* id → GlossProjectDocument (borrowed) */
  JsonObject  *extra;

  /* Read or built when first needed. */
  GlossRegistry *registry;
  GlossLexicon  *lexicon;
  GlossMatcher  *matcher;
};

/* gloss-project.c */
void        _gloss_project_set_annotator    (GlossProject         *self,
                                             const char           *annotator);
/* Lists @doc in order of id. */
void        _gloss_project_insert_document  (GlossProject         *self,
                                             GlossProjectDocument *doc);
/* gloss-project-file.c */
gboolean    _gloss_project_make_folder      (GFile                *folder,
                                             GError              **error);
/* The annotator's progress file, written alone. */
gboolean    _gloss_project_save_progress    (GlossProject         *self,
                                             GError              **error);

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
  GPtrArray *documents; /* ids of the documents that tag the text; empty
                         * in a lexicon written before they were kept */
} GlossLexiconEntry;

struct _GlossLexicon
{
  GHashTable *tagged;    /* text → GlossLexiconEntry */
  GHashTable *rejected;  /* rejection keys */
};

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
/* Records that @document tags @text; returns whether it was new. */
gboolean      _gloss_lexicon_add_document  (GlossLexiconEntry *entry,
                                            const char    *document);
/* Returns whether @document was one of them. */
gboolean      _gloss_lexicon_remove_document (GlossLexiconEntry *entry,
                                              const char    *document);
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
