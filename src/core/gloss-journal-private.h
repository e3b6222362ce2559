/* gloss-journal-private.h: test hooks of the crash journal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-journal.h"

G_BEGIN_DECLS

/* Tests: every write to the journal fails with @saved_errno (0: works
 * again), as a full disk or a failing device would make it. */
void _gloss_journal_inject_failure (GlossJournal *self,
                                    int           saved_errno);

G_END_DECLS
