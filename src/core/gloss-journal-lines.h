/* gloss-journal-lines.h: a journal read back, shared by its reader and
 * the replay
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "gloss-journal.h"

G_BEGIN_DECLS

typedef struct
{
  GlossAnnotationKind kind;
  gboolean            removed;
  gboolean            added;
  char               *id;          /* removed */
  gsize               start, end;  /* the annotation's JSON in the line */
  gsize               context_start, context_end;   /* or 0, 0 */
} Change;

typedef struct
{
  const char *data;     /* the line, in the journal's bytes */
  gsize       length;
  guint       number;   /* 1-based, for messages */
  JsonNode   *schema;
  GArray     *changes;  /* Change */
  char       *label;    /* the edit's name; NULL on a schema line */
  char       *direction;
} Line;

typedef struct
{
  GBytes *bytes;
  char   *name;        /* the journal, for messages */
  GArray *lines;       /* Line */
  GError *mismatch;    /* the base it was written on is not this one */
} Journal;

void     _gloss_journal_clear (Journal     *j);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Journal, _gloss_journal_clear)

/* Reads @journal_file, checks its header against @store (with @any_base,
 * a journal of another version of the file is read, the mismatch kept in
 * j->mismatch) and parses every complete line. */
gboolean _gloss_journal_load  (Journal     *j,
                               GlossStore  *store,
                               GFile       *journal_file,
                               gboolean     any_base,
                               GError     **error);

G_END_DECLS
