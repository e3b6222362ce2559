/* gloss-journal-private.h: what the files of the crash journal
 * share, and its test hooks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-journal.h"

G_BEGIN_DECLS

/* gloss-journal.c */
extern const char * const _gloss_journal_kind_names[GLOSS_N_KINDS];
gboolean      _gloss_journal_kind_from_string (const char          *str,
                                               GlossAnnotationKind *kind);
/* The journal attached to @store (or NULL) holds back its lines while a
 * journal is replayed into @store, and writes the result as one line. */
GlossJournal *_gloss_journal_begin_recovering (GlossStore          *store);
void          _gloss_journal_end_recovering   (GlossJournal        *journal,
                                               gboolean             succeeded);

/* gloss-journal-files.c: names, identity, locks */
char         *_gloss_journal_dir              (void);
char         *_gloss_journal_identity_key     (GFile               *file,
                                               GFile               *source);
char         *_gloss_journal_new_path         (const char          *key);
char         *_gloss_journal_sha256_of_file   (GFile               *file,
                                               GError             **error);

/* Tests: every write to the journal fails with @saved_errno (0: works
 * again), as a full disk or a failing device would make it. */
void _gloss_journal_inject_failure (GlossJournal *self,
                                    int           saved_errno);

G_END_DECLS
