/* gloss-journal.h: every edit on disk before the UI shows it (DESIGN §8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-journal-entry.h"
#include "gloss-store.h"

G_BEGIN_DECLS

#define GLOSS_JOURNAL_ERROR (gloss_journal_error_quark ())

/**
 * GlossJournalError:
 * @GLOSS_JOURNAL_ERROR_MISMATCH: the journal belongs to another text or
 *   another version of the file
 * @GLOSS_JOURNAL_ERROR_INVALID: not a journal, or a damaged one
 * @GLOSS_JOURNAL_ERROR_VERSION: written by a newer version of Gloss
 * @GLOSS_JOURNAL_ERROR_IO: the journal could not be read or written
 * @GLOSS_JOURNAL_ERROR_REPLAY: a recorded edit cannot be applied
 * @GLOSS_JOURNAL_ERROR_HELD: another window holds the document's journal
 */
typedef enum
{
  GLOSS_JOURNAL_ERROR_MISMATCH,
  GLOSS_JOURNAL_ERROR_INVALID,
  GLOSS_JOURNAL_ERROR_VERSION,
  GLOSS_JOURNAL_ERROR_IO,
  GLOSS_JOURNAL_ERROR_REPLAY,
  GLOSS_JOURNAL_ERROR_HELD,
} GlossJournalError;

#define GLOSS_JOURNAL_VERSION 1
/* How long a journal the user discarded is kept in discarded/. */
#define GLOSS_JOURNAL_DISCARDED_DAYS 7

#define GLOSS_TYPE_JOURNAL (gloss_journal_get_type ())

G_DECLARE_FINAL_TYPE (GlossJournal, gloss_journal, GLOSS, JOURNAL, GObject)

GQuark        gloss_journal_error_quark (void);

/* Starts journaling the edits of @store, whose saved state is @file (a
 * .gloss file) or, with @file NULL, an unsaved document read from @source.
 * The journal file is created and locked now; GLOSS_JOURNAL_ERROR_HELD if
 * another window holds @file's journal. */
GlossJournal *gloss_journal_new         (GlossStore    *store,
                                         GFile         *file,
                                         GFile         *source,
                                         GError       **error);
/* The same, with the sha256 of @file's bytes as the caller read them
 * (say, in the thread that parsed them): @file is not read again. */
GlossJournal *gloss_journal_new_for_digest (GlossStore  *store,
                                            GFile       *file,
                                            const char  *file_sha256,
                                            GFile       *source,
                                            GError     **error);
GlossStore   *gloss_journal_get_store   (GlossJournal  *self);
/* The journal file; NULL while it cannot be created. */
GFile        *gloss_journal_get_file    (GlossJournal  *self);
/* Why the last edit is not on disk (the next edit retries); NULL if it is.
 * Also the "error" property, notified when it changes. */
const GError *gloss_journal_get_error   (GlossJournal  *self);
gboolean      gloss_journal_is_for_file (GlossJournal  *self,
                                         GFile         *file);

/* After a successful save of the store's state to @file as @saved_bytes
 * (NULL: read @file): the journal starts over, empty, from there, under
 * @file's name. */
gboolean      gloss_journal_mark_saved  (GlossJournal  *self,
                                         GFile         *file,
                                         GBytes        *saved_bytes,
                                         GError       **error);
/* On a clean close: deletes the journal file and stops journaling. */
void          gloss_journal_discard     (GlossJournal  *self);

/* THE way to find a document's leftover journal (crash, kill, recovery
 * put off): the oldest journal no window holds of the document saved as
 * @file or, with @file NULL, of the unsaved article read from @source.
 * NULL if there is none. gloss-cli uses gloss_journal_find (doc, NULL). */
GFile        *gloss_journal_find        (GFile         *file,
                                         GFile         *source);
/* Whether a window (any process) has the document saved as @file open. */
gboolean      gloss_journal_is_held     (GFile         *file);
/* Checks that @journal_file can be replayed onto @store (loaded from the
 * file the journal starts from) and counts its complete edits. */
gboolean      gloss_journal_check       (GlossStore    *store,
                                         GFile         *journal_file,
                                         guint         *n_edits,
                                         GError       **error);
/* What each complete edit of @journal_file did (GlossJournalEntry), after
 * the checks of gloss_journal_check(). */
GPtrArray    *gloss_journal_list_entries (GlossStore   *store,
                                          GFile        *journal_file,
                                          GError      **error);
/* Replays every complete edit of @journal_file into @store as one
 * undoable step. A torn last line is ignored; on error @store is left as
 * it was. */
gboolean      gloss_journal_recover     (GlossStore    *store,
                                         GFile         *journal_file,
                                         guint         *n_edits,
                                         GError       **error);
/* For a journal whose base changed (GLOSS_JOURNAL_ERROR_MISMATCH from
 * gloss_journal_check()): replays what still anchors (spans found again by
 * quote and context) as one undoable step and lists the rest in
 * @not_applied (strings for the user). @journal_file is left alone. */
gboolean      gloss_journal_recover_anchored (GlossStore  *store,
                                              GFile       *journal_file,
                                              guint       *n_edits,
                                              GPtrArray  **not_applied,
                                              GError     **error);
/* Deletes a leftover journal with no edits. */
gboolean      gloss_journal_delete      (GFile         *journal_file,
                                         GError       **error);
/* Moves a leftover journal the user chose not to recover to discarded/,
 * pruned after GLOSS_JOURNAL_DISCARDED_DAYS. */
gboolean      gloss_journal_set_aside   (GFile         *journal_file,
                                         GError       **error);
void          gloss_journal_prune_discarded (void);

G_END_DECLS
