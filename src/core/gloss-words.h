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

/* A text read one code point at a time (a GtkTextBuffer, a document):
 * the code point at @offset, 0 outside the text. */
typedef gunichar (*GlossCharAtFunc) (glong    offset,
                                     gpointer user_data);

/* gloss_word_at() over any text. */
gboolean gloss_word_bounds (GlossCharAtFunc         char_at,
                            gpointer                user_data,
                            guint                   offset,
                            guint                  *start,
                            guint                  *end);
/* A selection [*@start, *@end) as an annotation would cover it: white
 * space trimmed at both ends, then, with @snap, widened to whole words.
 * FALSE (and the range untouched) if only white space is selected. */
gboolean gloss_word_snap   (GlossCharAtFunc         char_at,
                            gpointer                user_data,
                            gboolean                snap,
                            guint                  *start,
                            guint                  *end);

G_END_DECLS
