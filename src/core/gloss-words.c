/* gloss-words.c: where a word begins and ends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-words.h"

gboolean
gloss_word_char (gunichar c)
{
  GUnicodeType type;

  if (c < 0x80)   /* ASCII has no marks */
    return g_ascii_isalnum (c);
  if (g_unichar_isalnum (c))
    return TRUE;

  type = g_unichar_type (c);
  return type == G_UNICODE_NON_SPACING_MARK ||
         type == G_UNICODE_SPACING_MARK ||
         type == G_UNICODE_ENCLOSING_MARK;
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x02BC;
}

static gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011;
}

/* @s, then the end of the word: the English possessive. */
static gboolean
is_possessive_s (gunichar s,
                 gunichar next)
{
  return (s == 's' || s == 'S') && !gloss_word_char (next);
}

/* @joiner between the word characters @left and @right, and @next after
 * @right. */
static gboolean
joins (gunichar left,
       gunichar joiner,
       gunichar right,
       gunichar next)
{
  if (!gloss_word_char (left) || !gloss_word_char (right))
    return FALSE;
  if (is_apostrophe (joiner))
    return !is_possessive_s (right, next);
  if (is_hyphen (joiner))
    return TRUE;
  return (joiner == '.' || joiner == ',') && g_unichar_isdigit (left) && g_unichar_isdigit (right);
}

gboolean
gloss_word_joined (const GlossWordContext *c)
{
  g_return_val_if_fail (c != NULL, FALSE);

  if (c->before == 0 || c->after == 0)
    return FALSE;
  if (gloss_word_char (c->before) && gloss_word_char (c->after))
    return TRUE;
  if (gloss_word_char (c->before))
    return joins (c->before, c->after, c->after2, c->after3);
  if (gloss_word_char (c->after))
    return joins (c->before2, c->before, c->after, c->after2);
  return FALSE;
}

typedef struct
{
  const gunichar *chars;
  glong           n;
} Chars;

static gunichar
chars_at (glong    i,
          gpointer user_data)
{
  const Chars *c = user_data;

  return i >= 0 && i < c->n ? c->chars[i] : 0;
}

static gboolean
joined_at (GlossCharAtFunc char_at,
           gpointer        user_data,
           glong           i)
{
  GlossWordContext c = {
    char_at (i - 2, user_data), char_at (i - 1, user_data), char_at (i, user_data),
    char_at (i + 1, user_data), char_at (i + 2, user_data),
  };

  return gloss_word_joined (&c);
}

gboolean
gloss_word_bounds (GlossCharAtFunc  char_at,
                   gpointer         user_data,
                   guint            offset,
                   guint           *start,
                   guint           *end)
{
  gunichar c;
  glong s, e;

  g_return_val_if_fail (char_at != NULL, FALSE);

  c = char_at (offset, user_data);
  if (c == 0)
    return FALSE;
  /* A joiner is part of a word only between its letters. */
  if (!gloss_word_char (c) &&
      !(joined_at (char_at, user_data, offset) && joined_at (char_at, user_data, offset + 1)))
    return FALSE;

  /* Nothing joins across the ends of the text, where char_at gives 0. */
  for (s = offset; joined_at (char_at, user_data, s); s--)
    ;
  for (e = offset + 1; joined_at (char_at, user_data, e); e++)
    ;
  if (start != NULL)
    *start = s;
  if (end != NULL)
    *end = e;
  return TRUE;
}

gboolean
gloss_word_at (const char *text,
               guint       offset,
               guint      *start,
               guint      *end)
{
  g_autofree gunichar *chars = NULL;
  Chars c;

  g_return_val_if_fail (text != NULL, FALSE);

  chars = g_utf8_to_ucs4_fast (text, -1, &c.n);
  c.chars = chars;
  return gloss_word_bounds (chars_at, &c, offset, start, end);
}

gboolean
gloss_word_snap (GlossCharAtFunc  char_at,
                 gpointer         user_data,
                 gboolean         snap,
                 guint           *start,
                 guint           *end)
{
  guint s, e;

  g_return_val_if_fail (char_at != NULL, FALSE);
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  s = *start;
  e = *end;
  while (s < e && g_unichar_isspace (char_at (s, user_data)))
    s++;
  while (s < e && g_unichar_isspace (char_at (e - 1, user_data)))
    e--;
  if (s == e)
    return FALSE;

  if (snap)
    {
      while (s > 0 && joined_at (char_at, user_data, s))
        s--;
      while (joined_at (char_at, user_data, e))
        e++;
      /* Let go on the s of a possessive: the apostrophe, which belongs
       * to the “’s” left out of the word, goes with it. */
      if (e - s > 1 && is_apostrophe (char_at (e - 1, user_data)) &&
          gloss_word_char (char_at (e - 2, user_data)) &&
          is_possessive_s (char_at (e, user_data), char_at (e + 1, user_data)))
        e--;
    }
  *start = s;
  *end = e;
  return TRUE;
}
