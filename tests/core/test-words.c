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

static void
check (const char *text,
       guint       at,
       const char *wanted)
{
  g_autofree char *word = word_at (text, at);

  g_assert_cmpstr (word, ==, wanted);
}

static void
test_hyphen (void)
{
  check ("fighters of al-Qaida left", 15, "al-Qaida");
  check ("fighters of al-Qaida left", 12, "al-Qaida");
  /* On the hyphen itself. */
  check ("fighters of al-Qaida left", 14, "al-Qaida");
  check ("the Russian‐made jets", 6, "Russian‐made");
  check ("an F-16.", 3, "F-16");
  /* A hyphen not between letters is not in a word. */
  check ("a - b", 2, NULL);
  check ("pre- and post-war", 0, "pre");
  check ("pre- and post-war", 10, "post-war");
}

static void
test_apostrophe (void)
{
  check ("O’Brien said", 0, "O’Brien");
  check ("O'Brien said", 5, "O'Brien");
  check ("they don’t know", 7, "don’t");
  /* The possessive stays out, straight or curly, at the end of a word. */
  check ("North Korea’s envoy", 8, "Korea");
  check ("North Korea's envoy", 6, "Korea");
  check ("Korea’s", 0, "Korea");
  /* An s that goes on is part of the word. */
  check ("the Kyiv’ska road", 5, "Kyiv’ska");
  /* Quotes around a word are not part of it. */
  check ("the ‘word’ here", 5, "word");
  check ("'tis", 2, "tis");
}

static void
test_other (void)
{
  check ("1,000.5 troops", 2, "1,000.5");
  check ("at 5. Then", 3, "5");
  check ("Москва и Київ", 9, "Київ");
  check ("東京", 0, "東京");
  check ("a , b", 2, NULL);
  check ("end", 3, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/words/hyphen", test_hyphen);
  g_test_add_func ("/core/words/apostrophe", test_apostrophe);
  g_test_add_func ("/core/words/other", test_other);

  return g_test_run ();
}
