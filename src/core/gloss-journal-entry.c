/* gloss-journal-entry.c: what a leftover journal holds, edit by edit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For `gloss-cli journal`; gloss_journal_list_entries() (in
 * gloss-journal.c, which reads the journal) makes them.
 */
#include "config.h"

#include "gloss-journal-entry.h"

void
gloss_journal_entry_free (GlossJournalEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->label);
  g_free (entry->direction);
  g_free (entry->time);
  g_free (entry);
}
