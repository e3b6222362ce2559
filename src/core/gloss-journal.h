/* gloss-journal.h: every edit on disk before the UI shows it (DESIGN §8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

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
 */
typedef enum
{
  GLOSS_JOURNAL_ERROR_MISMATCH,
  GLOSS_JOURNAL_ERROR_INVALID,
  GLOSS_JOURNAL_ERROR_VERSION,
  GLOSS_JOURNAL_ERROR_IO,
  GLOSS_JOURNAL_ERROR_REPLAY,
} GlossJournalError;

#define GLOSS_JOURNAL_VERSION 1

#define GLOSS_TYPE_JOURNAL (gloss_journal_get_type ())

G_DECLARE_FINAL_TYPE (GlossJournal, gloss_journal, GLOSS, JOURNAL, GObject)

GQuark        gloss_journal_error_quark (void);

/* Starts journaling the edits of @store, whose saved state is @file (a
 * .gloss file) or, with @file NULL, an unsaved document. The journal file
 * is created at the first edit. */
GlossJournal *gloss_journal_new         (GlossStore    *store,
                                         GFile         *file,
                                         GError       **error);
GlossStore   *gloss_journal_get_store   (GlossJournal  *self);
/* The journal file (it may not exist yet). */
GFile        *gloss_journal_get_file    (GlossJournal  *self);
/* The first write error, after which the journal stops; NULL if none. */
const GError *gloss_journal_get_error   (GlossJournal  *self);

/* After a successful save of the store's state to @file as @saved_bytes
 * (NULL: read @file): the journal starts over, empty, from there. */
gboolean      gloss_journal_mark_saved  (GlossJournal  *self,
                                         GFile         *file,
                                         GBytes        *saved_bytes,
                                         GError       **error);
/* On a clean close: deletes the journal file and stops journaling. */
void          gloss_journal_discard     (GlossJournal  *self);

/* The leftover journal of a saved file (@file) or, with @file NULL, of an
 * unsaved document with text of @document_sha256; NULL if there is none. */
GFile        *gloss_journal_find        (GFile         *file,
                                         const char    *document_sha256);
/* Checks that @journal_file can be replayed onto @store (loaded from the
 * file the journal starts from) and counts its complete edits. */
gboolean      gloss_journal_check       (GlossStore    *store,
                                         GFile         *journal_file,
                                         guint         *n_edits,
                                         GError       **error);
/* Replays every complete edit of @journal_file into @store as one
 * undoable step. A torn last line is ignored; on error @store is left as
 * it was. */
gboolean      gloss_journal_recover     (GlossStore    *store,
                                         GFile         *journal_file,
                                         guint         *n_edits,
                                         GError       **error);
/* Deletes a leftover journal the user chose not to recover. */
gboolean      gloss_journal_delete      (GFile         *journal_file,
                                         GError       **error);

G_END_DECLS
