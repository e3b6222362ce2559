/* gloss-journal-entry.h: what a leftover journal holds, edit by edit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * GlossJournalEntry:
 * @line: the entry's line in the journal file
 * @label: (nullable): the edit's name, as the undo menu shows it; %NULL
 *   for a change of the schema
 * @direction: "do", "undo" or "redo" ("do" for a schema change)
 * @n_added: annotations the step added
 * @n_modified: annotations it changed
 * @n_removed: annotations it removed
 * @time: (nullable): the latest "modified" stamp among the annotations it
 *   added or changed (RFC 3339), %NULL when it records none
 */
typedef struct
{
  guint  line;
  char  *label;
  char  *direction;
  guint  n_added;
  guint  n_modified;
  guint  n_removed;
  char  *time;
} GlossJournalEntry;

void gloss_journal_entry_free (GlossJournalEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossJournalEntry, gloss_journal_entry_free)

G_END_DECLS
