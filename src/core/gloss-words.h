/* gloss-words.h: where a word begins and ends, for snapping a selection
 * and for double-click
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The characters around a boundary: two before it, three after it; 0
 * where the text ends. */
typedef struct
{
  gunichar before2;
  gunichar before;
  gunichar after;
  gunichar after2;
  gunichar after3;
} GlossWordContext;

gboolean gloss_word_char   (gunichar                c);
/* Whether one word goes on across the boundary: letters, digits and
 * marks; a hyphen or an apostrophe between them ("al-Qaida", "O’Brien"),
 * but not an English possessive ("Korea’s" ends at "Korea"); a dot or a
 * comma between digits ("1,000"). */
gboolean gloss_word_joined (const GlossWordContext *context);
/* The word around code point @offset of @text (UTF-8, @offset within
 * it): FALSE if the character there is not part of a word. */
gboolean gloss_word_at     (const char             *text,
                            guint                   offset,
                            guint                  *start,
                            guint                  *end);

G_END_DECLS
