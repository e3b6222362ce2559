/* gloss-tokenizer.c: tokens and sentences for the token-based formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tokens: whitespace (and what Python's str.split () splits at) separates
 * them and belongs to none. A word is a run
 * of letters, digits and marks, with a hyphen or apostrophe between
 * letters and a dot or comma between digits inside it (the rule the
 * window snaps selections to, gloss-words.c); an apostrophe that ends a
 * word's run begins a token with the letters after it ("Korea" "’s").
 * Each Han, Hiragana or Katakana character is a token. Any other character
 * is a token of its own, with the marks, variation selectors, skin tones,
 * tag characters and zero-width-joined characters that follow it, so an
 * emoji sequence stays whole; two regional indicators (a flag) stay
 * together.
 *
 * Sentences end at a line break, and after ". ! ? … 。 ！ ？" (and the
 * closing quotes or brackets after them) when whitespace and then no
 * lowercase letter follow, or at once for the full-width ones. A dot after
 * a single capital letter or one of a few abbreviations ("Mr", "Gen",
 * "Col", "Jan"…) ends no sentence.
 */
#include "config.h"

#include <string.h>

#include "gloss-tokenizer.h"
#include "gloss-words.h"

gboolean
gloss_char_is_cjk (gunichar c)
{
  GUnicodeScript script;

  /* Nothing before the CJK radicals is Han, Hiragana or Katakana. */
  if (c < 0x2e80)
    return FALSE;
  script = g_unichar_get_script (c);

  return script == G_UNICODE_SCRIPT_HAN ||
         script == G_UNICODE_SCRIPT_HIRAGANA ||
         script == G_UNICODE_SCRIPT_KATAKANA;
}

/* Python's str.split () also splits at the information separators and
 * NEL: they separate tokens too, so a reader of a column format that
 * splits lines that way sees the same tokens. */
static gboolean
is_space (gunichar c)
{
  /* g_unichar_isspace()'s ASCII, without its tables */
  if (c < 0x80)
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || (c >= 0x1c && c <= 0x1f);
  return g_unichar_isspace (c) || c == 0x85;
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

static gboolean
is_mark (gunichar c)
{
  GUnicodeType type;

  if (c < 0x80)   /* ASCII has no marks */
    return FALSE;
  type = g_unichar_type (c);

  return type == G_UNICODE_NON_SPACING_MARK ||
         type == G_UNICODE_SPACING_MARK ||
         type == G_UNICODE_ENCLOSING_MARK;
}

/* What stays with the character before it in a symbol token. */
static gboolean
is_extender (gunichar c)
{
  return is_mark (c) ||
         (c >= 0xfe00 && c <= 0xfe0f) ||     /* variation selectors */
         (c >= 0x1f3fb && c <= 0x1f3ff) ||   /* skin tones */
         (c >= 0xe0020 && c <= 0xe007f);     /* tag characters */
}

static gboolean
is_regional_indicator (gunichar c)
{
  return c >= 0x1f1e6 && c <= 0x1f1ff;
}

static GlossWordContext
context_at (const gunichar *u,
            guint           n,
            guint           i)
{
  return (GlossWordContext) {
    .before2 = i >= 2 ? u[i - 2] : 0,
    .before = i >= 1 ? u[i - 1] : 0,
    .after = i < n ? u[i] : 0,
    .after2 = i + 1 < n ? u[i + 1] : 0,
    .after3 = i + 2 < n ? u[i + 2] : 0,
  };
}

static guint
word_end (const gunichar *u,
          guint           n,
          const guint8   *cut,
          guint           i)
{
  for (i++; i < n && !cut[i] && !gloss_char_is_cjk (u[i]); i++)
    {
      GlossWordContext context;

      /* Two ASCII letters or digits: gloss_word_joined() says so at once. */
      if (u[i] < 0x80 && u[i - 1] < 0x80 && g_ascii_isalnum (u[i]) && g_ascii_isalnum (u[i - 1]))
        continue;
      context = context_at (u, n, i);
      if (!gloss_word_joined (&context))
        break;
    }
  return i;
}

static guint
symbol_end (const gunichar *u,
            guint           n,
            const guint8   *cut,
            guint           i)
{
  gunichar first = u[i];

  i++;
  if (is_regional_indicator (first) && i < n && !cut[i] && is_regional_indicator (u[i]))
    i++;
  while (i < n && !cut[i])
    {
      if (is_extender (u[i]))
        i++;
      else if (u[i] == 0x200d && i + 1 < n && !cut[i + 1] && !is_space (u[i + 1]))
        i += 2;
      else
        break;
    }
  return i;
}

/**
 * gloss_tokenize:
 * @text: UTF-8 text
 * @cuts: (array length=n_cuts) (nullable): code point offsets where a
 *   token must begin or end
 * @n_cuts: the length of @cuts
 *
 * Returns: (transfer full) (element-type GlossToken): the tokens, in
 *   order, none with whitespace in it
 */
GArray *
gloss_tokenize (const char  *text,
                const guint *cuts,
                guint        n_cuts)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (GlossToken));
  g_autofree gunichar *u = NULL;
  g_autofree guint8 *cut = NULL;
  glong n_long = 0;
  guint n;

  g_return_val_if_fail (text != NULL, tokens);

  u = g_utf8_to_ucs4_fast (text, -1, &n_long);
  n = (guint) n_long;
  cut = g_new0 (guint8, n + 1);
  for (guint k = 0; k < n_cuts; k++)
    if (cuts[k] <= n)
      cut[cuts[k]] = 1;

  for (guint i = 0; i < n; )
    {
      GlossToken token = { i, 0, FALSE };

      if (is_space (u[i]))
        {
          i++;
          continue;
        }

      if (gloss_char_is_cjk (u[i]))
        token.end = i + 1;
      else if (gloss_word_char (u[i]))
        token.end = word_end (u, n, cut, i);
      else if (is_apostrophe (u[i]) && i > 0 && gloss_word_char (u[i - 1]) &&
               i + 1 < n && !cut[i + 1] && gloss_word_char (u[i + 1]) && !gloss_char_is_cjk (u[i + 1]))
        token.end = word_end (u, n, cut, i + 1);
      else
        token.end = symbol_end (u, n, cut, i);

      /* Marks after a CJK character or a word's last letter stay with it. */
      while (token.end < n && !cut[token.end] && is_mark (u[token.end]))
        token.end++;

      g_array_append_val (tokens, token);
      i = token.end;
    }

  return tokens;
}

static gboolean
is_terminal (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x2026 ||
         c == 0x3002 || c == 0xff01 || c == 0xff1f || c == 0x203c;
}

static gboolean
is_full_width_terminal (gunichar c)
{
  return c == 0x3002 || c == 0xff01 || c == 0xff1f;
}

static gboolean
is_closing (gunichar c)
{
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x2019 ||
         c == 0x201d || c == 0x00bb || c == 0x300d || c == 0x300f || c == 0xff09;
}

static gboolean
is_abbreviation (const gunichar *u,
                 guint           start,
                 guint           end)
{
  static const char *const abbreviations[] = {
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt",
    "sgt", "capt", "maj", "adm", "gov", "sen", "rep", "rev", "hon", "mt",
    "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "inc", "corp", "ltd", "co", "e.g", "i.e",
  };
  char word[8];
  guint len = end - start;

  if (len == 1 && g_unichar_isupper (u[start]))
    return TRUE;  /* an initial: "John J. Smith", "U.S." */
  if (len >= sizeof word)
    return FALSE;
  for (guint i = 0; i < len; i++)
    {
      if (u[start + i] > 0x7f)
        return FALSE;
      word[i] = g_ascii_tolower ((char) u[start + i]);
    }
  word[len] = '\0';
  for (gsize i = 0; i < G_N_ELEMENTS (abbreviations); i++)
    if (strcmp (word, abbreviations[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
breaks_before (const gunichar *u,
               GlossToken     *tokens,
               guint           k)
{
  GlossToken *prev = &tokens[k - 1];
  GlossToken *next = &tokens[k];
  guint j = k - 1;
  gunichar last;

  for (guint i = prev->end; i < next->start; i++)
    if (u[i] == '\n' || u[i] == '\r' || u[i] == 0x2028 || u[i] == 0x2029)
      return TRUE;

  while (j > 0 && tokens[j].end - tokens[j].start == 1 && is_closing (u[tokens[j].start]))
    j--;
  if (tokens[j].end - tokens[j].start != 1 || !is_terminal ((last = u[tokens[j].start])))
    return FALSE;

  if (is_full_width_terminal (last))
    return TRUE;
  if (prev->end == next->start)
    return FALSE;  /* no space after it: "3.5", "example.com" */
  if (last == '.' && j > 0 && tokens[j - 1].end == tokens[j].start &&
      is_abbreviation (u, tokens[j - 1].start, tokens[j - 1].end))
    return FALSE;

  return !g_unichar_islower (u[next->start]);
}

/**
 * gloss_split_sentences:
 * @text: the UTF-8 text @tokens come from
 * @tokens: (element-type GlossToken): from gloss_tokenize()
 * @keep: (array length=n_keep) (nullable): spans no sentence may end in
 * @n_keep: the length of @keep
 *
 * Sets each token's sentence_start.
 */
void
gloss_split_sentences (const char      *text,
                       GArray          *tokens,
                       const GlossSpan *keep,
                       guint            n_keep)
{
  g_autofree gunichar *u = NULL;
  g_autofree guint8 *inside = NULL;
  glong n = 0;

  g_return_if_fail (text != NULL);
  g_return_if_fail (tokens != NULL);

  u = g_utf8_to_ucs4_fast (text, -1, &n);
  inside = g_new0 (guint8, n + 1);
  for (guint k = 0; k < n_keep; k++)
    for (guint i = keep[k].start + 1; i < keep[k].end && i <= (guint) n; i++)
      inside[i] = 1;  /* no break may fall at offset i */

  for (guint k = 0; k < tokens->len; k++)
    {
      GlossToken *token = &g_array_index (tokens, GlossToken, k);

      token->sentence_start = k == 0 ||
        (!inside[token->start] && breaks_before (u, &g_array_index (tokens, GlossToken, 0), k));
    }
}
