/* test-tokenizer.c: the tokens and sentences of the token-based formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-tokenizer.h"

/* The tokens joined by "|", with "/" before each sentence but the first. */
static char *
tokens_to_string (const char *text,
                  GArray     *tokens)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < tokens->len; i++)
    {
      GlossToken *t = &g_array_index (tokens, GlossToken, i);
      const char *start = g_utf8_offset_to_pointer (text, t->start);
      const char *end = g_utf8_offset_to_pointer (text, t->end);

      if (i > 0)
        g_string_append (out, t->sentence_start ? "/" : "|");
      g_string_append_len (out, start, end - start);
    }

  return g_string_free (out, FALSE);
}

static char *
split (const char      *text,
       const guint     *cuts,
       guint            n_cuts,
       const GlossSpan *keep,
       guint            n_keep)
{
  g_autoptr(GArray) tokens = gloss_tokenize (text, cuts, n_cuts);

  gloss_split_sentences (text, tokens, keep, n_keep);
  return tokens_to_string (text, tokens);
}

static void
test_cases (void)
{
  static const struct { const char *text; const char *expected; } cases[] = {
    { "Kim Jong Un met Vladimir Putin.", "Kim|Jong|Un|met|Vladimir|Putin|." },
    { "North Korea’s leader", "North|Korea|’s|leader" },
    { "O’Brien and al-Qaida", "O’Brien|and|al-Qaida" },
    { "1,000.5 km", "1,000.5|km" },
    { "“Putin will win,” Kim said.", "“|Putin|will|win|,|”|Kim|said|." },
    { "He left. She stayed.", "He|left|./She|stayed|." },
    { "He left. she stayed.", "He|left|.|she|stayed|." },
    { "Gen. Smith met Col. John “J.D.” Dorrian.", "Gen|.|Smith|met|Col|.|John|“|J|.|D|.|”|Dorrian|." },
    { "He said: “We won.” Then he left.", "He|said|:|“|We|won|.|”/Then|he|left|." },
    { "Title\nBody text", "Title/Body|text" },
    { "這是一個測試。好", "這|是|一|個|測|試|。/好" },
    { "Rocket 🚀 launch 👳🏻‍♀️ ok", "Rocket|🚀|launch|👳🏻‍♀️|ok" },
    { "Flag 🇰🇵 here", "Flag|🇰🇵|here" },
    { "Cafe\xcc\x81 noir", "Cafe\xcc\x81|noir" },
    { "8\xc2\xa0km away", "8|km|away" },
    { "example.com 3.5", "example|.|com|3.5" },
    { "", "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = split (cases[i].text, NULL, 0, NULL, 0);

      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

/* A span boundary inside a word cuts it, so spans line up with tokens. */
static void
test_cuts (void)
{
  const guint cuts[] = { 6, 11 };
  g_autofree char *got = split ("North Koreans", cuts, G_N_ELEMENTS (cuts), NULL, 0);
  const guint cjk[] = { 2, 4 };
  g_autofree char *cjk_got = split ("這是一個測試", cjk, G_N_ELEMENTS (cjk), NULL, 0);

  g_assert_cmpstr (got, ==, "North|Korea|ns");
  g_assert_cmpstr (cjk_got, ==, "這|是|一|個|測|試");
}

/* No sentence ends inside a span to keep whole. */
static void
test_keep (void)
{
  const GlossSpan keep[] = { { 3, 15 } };
  g_autofree char *got = split ("In Acme Inc. Ltd. Two we trust.", NULL, 0, NULL, 0);
  g_autofree char *kept = split ("We met. Tom went.", NULL, 0, keep, G_N_ELEMENTS (keep));

  g_assert_cmpstr (got, ==, "In|Acme|Inc|.|Ltd|.|Two|we|trust|.");
  g_assert_cmpstr (kept, ==, "We|met|.|Tom|went|.");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/formats/tokenizer/cases", test_cases);
  g_test_add_func ("/formats/tokenizer/cuts", test_cuts);
  g_test_add_func ("/formats/tokenizer/keep", test_keep);

  return g_test_run ();
}
