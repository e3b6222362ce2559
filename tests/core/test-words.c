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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/words/boundaries", test_words);

  return g_test_run ();
}
