/* test-words.c: word boundaries for snapping and double-click (issue 7,
 * item 14)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-words.h"

/* The word around the @at-th code point of @text. */
static char *
word_at (const char *text,
         guint       at)
{
  guint start, end;

  if (!gloss_word_at (text, at, &start, &end))
    return NULL;
  return g_utf8_substring (text, start, end);
}

typedef struct
{
  const char *text;
  guint       at;
  const char *wanted;
} Case;

static const Case cases[] = {
  /* Hyphens: inside a word, also when clicked on, but not alone. */
  { "fighters of al-Qaida left", 15, "al-Qaida" },
  { "fighters of al-Qaida left", 12, "al-Qaida" },
  { "fighters of al-Qaida left", 14, "al-Qaida" },
  { "the Russian‐made jets", 6, "Russian‐made" },
  { "an F-16.", 3, "F-16" },
  { "a - b", 2, NULL },
  { "pre- and post-war", 0, "pre" },
  { "pre- and post-war", 10, "post-war" },
  /* Apostrophes: inside a word, straight or curly; the possessive out. */
  { "O’Brien said", 0, "O’Brien" },
  { "O'Brien said", 5, "O'Brien" },
  { "they don’t know", 7, "don’t" },
  { "North Korea’s envoy", 8, "Korea" },
  { "North Korea's envoy", 6, "Korea" },
  { "Korea’s", 0, "Korea" },
  { "the Kyiv’ska road", 5, "Kyiv’ska" },
  { "the ‘word’ here", 5, "word" },
  { "'tis", 2, "tis" },
  /* Numbers, other scripts, no word. */
  { "1,000.5 troops", 2, "1,000.5" },
  { "at 5. Then", 3, "5" },
  { "Москва и Київ", 9, "Київ" },
  { "東京", 0, "東京" },
  { "a , b", 2, NULL },
  { "end", 3, NULL },
};

static void
test_words (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *word = word_at (cases[i].text, cases[i].at);

      g_test_message ("%s @ %u", cases[i].text, cases[i].at);
      g_assert_cmpstr (word, ==, cases[i].wanted);
    }
}

typedef struct
{
  const gunichar *chars;
  glong           n;
} Text;

static gunichar
text_char_at (glong    offset,
              gpointer user_data)
{
  const Text *t = user_data;

  return offset >= 0 && offset < t->n ? t->chars[offset] : 0;
}

typedef struct
{
  const char *text;
  guint       start;
  guint       end;
  gboolean    snap;
  const char *wanted;
} SnapCase;

static const SnapCase snap_cases[] = {
  /* White space off both ends, with or without snapping. */
  { "  Kim Jong Un  ", 0, 15, FALSE, "Kim Jong Un" },
  { "  Kim Jong Un  ", 0, 15, TRUE, "Kim Jong Un" },
  { "a   b", 1, 4, TRUE, NULL },
  { "a   b", 1, 4, FALSE, NULL },
  /* Part of a word: whole words when snapping, as selected when not. */
  { "fighters of al-Qaida left", 16, 18, TRUE, "al-Qaida" },
  { "fighters of al-Qaida left", 16, 18, FALSE, "ai" },
  { "North Korea’s envoy", 7, 13, TRUE, "Korea’s" },
  { "North Korea’s envoy", 7, 9, TRUE, "Korea" },
  /* Ending between the apostrophe and the s of a possessive (a drag let
   * go on the s): the word, not a dangling apostrophe. */
  { "North Korea’s envoy", 0, 12, TRUE, "North Korea" },
  { "Russia's army", 2, 7, TRUE, "Russia" },
  { "North Korea’s envoy", 0, 12, FALSE, "North Korea’" },
  { "rock ’n’ roll", 0, 6, TRUE, "rock ’" },
  { "the Russian‐made jets", 5, 14, TRUE, "Russian‐made" },
  { "Москва и Київ", 1, 10, TRUE, "Москва и Київ" },
  { "東京 and more", 1, 2, TRUE, "東京" },
  { "1,000.5 troops", 3, 4, TRUE, "1,000.5" },
  /* At the ends of the text. */
  { "word", 1, 3, TRUE, "word" },
  { "word ", 0, 5, TRUE, "word" },
};

static void
test_snap (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (snap_cases); i++)
    {
      const SnapCase *c = &snap_cases[i];
      g_autofree gunichar *chars = NULL;
      g_autofree char *got = NULL;
      Text text;
      guint start = c->start, end = c->end;

      chars = g_utf8_to_ucs4_fast (c->text, -1, &text.n);
      text.chars = chars;
      g_test_message ("%s [%u, %u) %s", c->text, c->start, c->end, c->snap ? "snapped" : "as is");
      if (gloss_word_snap (text_char_at, &text, c->snap, &start, &end))
        got = g_utf8_substring (c->text, start, end);
      else
        {
          g_assert_cmpuint (start, ==, c->start);
          g_assert_cmpuint (end, ==, c->end);
        }
      g_assert_cmpstr (got, ==, c->wanted);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/words/boundaries", test_words);
  g_test_add_func ("/core/words/snap", test_snap);

  return g_test_run ();
}
