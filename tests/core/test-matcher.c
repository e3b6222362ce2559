/* test-matcher.c: known names found in a text, for suggestions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-document.h"
#include "gloss-error.h"
#include "gloss-matcher.h"

static GArray *
run (GlossMatcher *matcher,
     const char   *text)
{
  return gloss_matcher_run (matcher, text, strlen (text));
}

static void
assert_span (const char            *text,
             const GlossSuggestion *s,
             const char            *expected)
{
  g_autoptr(GlossDocument) document = gloss_document_new_from_text (text, -1, "t.txt", NULL);
  g_autofree char *slice = gloss_document_dup_slice (document, s->start, s->end);

  g_assert_cmpstr (slice, ==, expected);
}

/* Whole words, longest first, code point offsets past curly quotes,
 * emoji and CJK. */
static void
test_names (void)
{
  const char *text = "“Kim Jong Un” met Kimberly 🚀 and Kim — 金正恩 — in Vostochny; Kim Jong Un’s envoy.";
  g_autoptr(GlossMatcher) matcher = gloss_matcher_new ();
  g_autoptr(GArray) found = NULL;
  GlossSuggestion *s;

  gloss_matcher_add (matcher, "Kim", "PER", "PER-kim-jong-un", GLOSS_SUGGESTION_REGISTRY);
  gloss_matcher_add (matcher, "Kim Jong Un", "PER", "PER-kim-jong-un", GLOSS_SUGGESTION_REGISTRY);
  gloss_matcher_add (matcher, "金正恩", "PER", "PER-kim-jong-un", GLOSS_SUGGESTION_REGISTRY);
  gloss_matcher_add (matcher, "Vostochny", "FAC", NULL, GLOSS_SUGGESTION_TAGGED);
  /* The first target of a text stays. */
  gloss_matcher_add (matcher, "Vostochny", "GPE", NULL, GLOSS_SUGGESTION_TAGGED);
  /* Names that cannot start or end at a word boundary are not kept. */
  gloss_matcher_add (matcher, "“Kim", "PER", NULL, GLOSS_SUGGESTION_TAGGED);
  gloss_matcher_add (matcher, "Kim—", "PER", NULL, GLOSS_SUGGESTION_TAGGED);
  g_assert_cmpuint (gloss_matcher_get_size (matcher), ==, 4);

  found = run (matcher, text);
  g_assert_cmpuint (found->len, ==, 5);
  s = &g_array_index (found, GlossSuggestion, 0);
  g_assert_cmpuint (s->start, ==, 1);
  g_assert_cmpuint (s->end, ==, 12);
  g_assert_cmpstr (s->entity, ==, "PER-kim-jong-un");
  assert_span (text, s, "Kim Jong Un");
  assert_span (text, &g_array_index (found, GlossSuggestion, 1), "Kim");
  assert_span (text, &g_array_index (found, GlossSuggestion, 2), "金正恩");
  s = &g_array_index (found, GlossSuggestion, 3);
  assert_span (text, s, "Vostochny");
  g_assert_cmpstr (s->type, ==, "FAC");
  g_assert_null (s->entity);
  g_assert_cmpint (s->source, ==, GLOSS_SUGGESTION_TAGGED);
  /* The possessive ends the word. */
  assert_span (text, &g_array_index (found, GlossSuggestion, 4), "Kim Jong Un");
}

static void
test_patterns (void)
{
  const char *text = "On 12 May 2024 NATO met the UN in Geneva; NATO’s chief spoke.";
  g_autoptr(JsonNode) patterns = json_from_string ("[{\"type\": \"DATE\", \"regex\": \"\\\\b\\\\d{1,2} (May|June) \\\\d{4}\\\\b\"},"
                                                   " {\"type\": \"ORG\", \"gazetteer\": [\"NATO\", \"UN\"]}]", NULL);
  g_autoptr(GlossMatcher) matcher = gloss_matcher_new ();
  g_autoptr(GArray) found = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (patterns);
  g_assert_true (gloss_matcher_add_patterns (matcher, patterns, &error));
  g_assert_no_error (error);
  /* A registry name wins where a rule finds the same place. */
  gloss_matcher_add (matcher, "12 May 2024", "EVT", "EVT-summit", GLOSS_SUGGESTION_REGISTRY);
  found = run (matcher, text);
  g_assert_cmpuint (found->len, ==, 4);
  assert_span (text, &g_array_index (found, GlossSuggestion, 0), "12 May 2024");
  g_assert_cmpstr (g_array_index (found, GlossSuggestion, 0).type, ==, "EVT");
  assert_span (text, &g_array_index (found, GlossSuggestion, 1), "NATO");
  g_assert_cmpstr (g_array_index (found, GlossSuggestion, 1).type, ==, "ORG");
  g_assert_cmpint (g_array_index (found, GlossSuggestion, 1).source, ==, GLOSS_SUGGESTION_PATTERN);
  assert_span (text, &g_array_index (found, GlossSuggestion, 2), "UN");
  assert_span (text, &g_array_index (found, GlossSuggestion, 3), "NATO");
}

static void
test_bad_patterns (void)
{
  static const char * const cases[] = {
    "{}",
    "[{\"regex\": \"x\"}]",
    "[{\"type\": \"ORG\"}]",
    "[{\"type\": \"ORG\", \"regex\": \"(\"}]",
    "[{\"type\": \"ORG\", \"gazetteer\": \"NATO\"}]",
    "[{\"type\": \"ORG\", \"regex\": \"x\", \"gazetteer\": []}]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (cases[i], NULL);
      g_autoptr(GlossMatcher) matcher = gloss_matcher_new ();
      g_autoptr(GError) error = NULL;

      g_assert_false (gloss_matcher_add_patterns (matcher, node, &error));
      g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "schema: patterns"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/matcher/names", test_names);
  g_test_add_func ("/core/matcher/patterns", test_patterns);
  g_test_add_func ("/core/matcher/bad-patterns", test_bad_patterns);

  return g_test_run ();
}
