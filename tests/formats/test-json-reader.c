/* test-json-reader.c: the pull parser and the writer under gloss-native
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-error.h"
#include "gloss-json-reader.h"
#include "gloss-json-writer.h"

/* Reads all of @json; returns the error (or NULL) and the tokens as a
 * compact string: { } [ ] m(name) s(str) n(num) t f z. */
static GError *
tokenize (const char  *json,
          gssize       len,
          char       **tokens)
{
  g_autoptr(GlossJsonReader) r = NULL;
  GString *out = g_string_new (NULL);
  GlossJsonToken t;

  if (len < 0)
    len = strlen (json);
  r = gloss_json_reader_new (json, len, "t.json");
  while ((t = gloss_json_reader_next (r)) != GLOSS_JSON_END && t != GLOSS_JSON_ERROR)
    {
      gsize n;
      const char *s;

      switch (t)
        {
        case GLOSS_JSON_BEGIN_OBJECT: g_string_append_c (out, '{'); break;
        case GLOSS_JSON_END_OBJECT: g_string_append_c (out, '}'); break;
        case GLOSS_JSON_BEGIN_ARRAY: g_string_append_c (out, '['); break;
        case GLOSS_JSON_END_ARRAY: g_string_append_c (out, ']'); break;
        case GLOSS_JSON_MEMBER:
        case GLOSS_JSON_STRING:
          s = gloss_json_reader_get_string (r, &n);
          g_string_append_c (out, t == GLOSS_JSON_MEMBER ? 'm' : 's');
          g_string_append_c (out, '(');
          g_string_append_len (out, s, n);
          g_string_append_c (out, ')');
          break;
        case GLOSS_JSON_NUMBER:
          s = gloss_json_reader_get_number_text (r, &n);
          g_string_append (out, "n(");
          g_string_append_len (out, s, n);
          g_string_append_c (out, ')');
          break;
        case GLOSS_JSON_TRUE: g_string_append_c (out, 't'); break;
        case GLOSS_JSON_FALSE: g_string_append_c (out, 'f'); break;
        case GLOSS_JSON_NULL: g_string_append_c (out, 'z'); break;
        case GLOSS_JSON_END:
        case GLOSS_JSON_ERROR:
        default:
          g_assert_not_reached ();
        }
    }
  if (tokens != NULL)
    *tokens = g_string_free (out, FALSE);
  else
    g_string_free (out, TRUE);
  return t == GLOSS_JSON_ERROR ? gloss_json_reader_take_error (r) : NULL;
}

static void
assert_tokens (const char *json,
               const char *expected)
{
  g_autofree char *tokens = NULL;
  g_autoptr(GError) error = tokenize (json, -1, &tokens);

  g_assert_no_error (error);
  g_assert_cmpstr (tokens, ==, expected);
}

static void
assert_syntax_error (const char *json,
                     gssize      len,
                     const char *fragment)
{
  g_autoptr(GError) error = tokenize (json, len, NULL);

  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "t.json: "));
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” not in “%s”", fragment, error->message);
}

static void
test_tokens (void)
{
  assert_tokens ("{}", "{}");
  assert_tokens (" [ ] ", "[]");
  assert_tokens ("{\"a\": [1, -2.5e3, true, false, null, \"x\"], \"b\": {}}",
                 "{m(a)[n(1)n(-2.5e3)tfzs(x)]m(b){}}");
  assert_tokens ("\"just a string\"", "s(just a string)");
  assert_tokens ("0", "n(0)");
  assert_tokens ("\xef\xbb\xbf{}", "{}");   /* byte order mark */
  assert_tokens ("{\"漢字\": \"😀 e\xcc\x81 “x” — y\"}", "{m(漢字)s(😀 e\xcc\x81 “x” — y)}");
}

static void
test_escapes (void)
{
  assert_tokens ("[\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"]", "[s(\" \\ / \b \f \n \r \t)]");
  assert_tokens ("[\"\\u00e9\\u6F22\"]", "[s(é漢)]");
  assert_tokens ("[\"a\\ud83d\\ude00b\"]", "[s(a😀b)]");
  assert_tokens ("[\"\\uDBFF\\uDFFF\"]", "[s(\xf4\x8f\xbf\xbf)]");

  {
    g_autofree char *tokens = NULL;
    g_autoptr(GError) error = tokenize ("[\"a\\u0000b\"]", -1, &tokens);

    g_assert_no_error (error);
    g_assert_cmpmem (tokens, 8, "[s(a\0b)]", 8);
  }

  assert_syntax_error ("[\"\\ud800\"]", -1, "high surrogate");
  assert_syntax_error ("[\"\\ud800\\u0041\"]", -1, "high surrogate");
  assert_syntax_error ("[\"\\ud800x\"]", -1, "high surrogate");
  assert_syntax_error ("[\"\\udc00\"]", -1, "lone low surrogate");
  assert_syntax_error ("[\"\\u12\"]", -1, "four hexadecimal");
  assert_syntax_error ("[\"\\u12g4\"]", -1, "four hexadecimal");
  assert_syntax_error ("[\"\\x\"]", -1, "unknown escape");
  assert_syntax_error ("[\"\\", -1, "never ends");
  assert_syntax_error ("[\"a\tb\"]", -1, "control character");
  assert_syntax_error ("[\"a\nb\"]", -1, "control character");
}

static void
test_bad_utf8 (void)
{
  static const char * const bad[] = {
    "[\"\xc3\x28\"]",             /* bad continuation */
    "[\"\xc0\xaf\"]",             /* overlong */
    "[\"\xe0\x80\xaf\"]",         /* overlong */
    "[\"\xed\xa0\x80\"]",         /* encoded surrogate */
    "[\"\xf4\x90\x80\x80\"]",     /* above U+10FFFF */
    "[\"\xf8\x88\x80\x80\x80\"]", /* 5 bytes */
    "[\"\xff\"]",
    "[\"\x80\"]",                 /* lone continuation */
    "[\"\\n\xc3\"]",              /* slow path too */
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    assert_syntax_error (bad[i], -1, "invalid UTF-8");

  /* Truncated sequence at the very end of the buffer. */
  assert_syntax_error ("[\"\xe2\x82", -1, NULL);
  assert_syntax_error ("[\"\xf0\x9f\x98", -1, NULL);
}

static void
test_structure_errors (void)
{
  assert_syntax_error ("", -1, "ends where a value should be");
  assert_syntax_error ("   ", -1, "line 1, column 4");
  assert_syntax_error ("{", -1, "member name");
  assert_syntax_error ("{\"a\"}", -1, "':'");
  assert_syntax_error ("{\"a\": 1,}", -1, "member name");
  assert_syntax_error ("[1,]", -1, "a value");
  assert_syntax_error ("[1 2]", -1, "',' or ']'");
  assert_syntax_error ("{\"a\": 1]", -1, "',' or '}'");
  assert_syntax_error ("[tru]", -1, NULL);
  assert_syntax_error ("[nul", -1, NULL);
  assert_syntax_error ("{} {}", -1, "more content");
  assert_syntax_error ("[NaN]", -1, NULL);
  assert_syntax_error ("[1]\0", 4, "more content");
  assert_syntax_error ("{a: 1}", -1, "member name in quotes");
  assert_syntax_error ("// comment\n{}", -1, NULL);

  /* Line and column (in characters) of the error. */
  assert_syntax_error ("{\n  \"a\": [1,\n  “2]\n}", -1, "line 3, column 3");
  /* The path of the error. */
  assert_syntax_error ("{\"mentions\": [{}, {\"spans\": [{\"start\": x}]}]}", -1,
                       "t.json: mentions[1].spans[0].start: malformed JSON at line 1, column 40");
}

static void
test_numbers (void)
{
  static const struct { const char *json; gboolean ok; guint32 value; } u32[] = {
    { "[0]", TRUE, 0 },
    { "[4294967295]", TRUE, G_MAXUINT32 },
    { "[4294967296]", FALSE, 0 },
    { "[99999999999999999999999999]", FALSE, 0 },
    { "[-1]", FALSE, 0 },
    { "[-0]", FALSE, 0 },
    { "[1.0]", FALSE, 0 },
    { "[1e3]", FALSE, 0 },
    { "[12]", TRUE, 12 },
  };
  static const char * const bad[] = {
    "[01]", "[-]", "[1.]", "[1e]", "[1e+]", "[.5]", "[+1]", "[--1]", "[0x10]", "[1.e3]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (u32); i++)
    {
      g_autoptr(GlossJsonReader) r = gloss_json_reader_new (u32[i].json, strlen (u32[i].json), "t");
      guint32 v = 7;

      g_assert_cmpint (gloss_json_reader_next (r), ==, GLOSS_JSON_BEGIN_ARRAY);
      g_assert_cmpint (gloss_json_reader_next (r), ==, GLOSS_JSON_NUMBER);
      g_assert_cmpint (gloss_json_reader_get_uint32 (r, &v), ==, u32[i].ok);
      if (u32[i].ok)
        g_assert_cmpuint (v, ==, u32[i].value);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    assert_syntax_error (bad[i], -1, NULL);

  {
    const char *json = "[9223372036854775807, -9223372036854775808, 9223372036854775808, 1e400, 2.5]";
    g_autoptr(GlossJsonReader) r = gloss_json_reader_new (json, strlen (json), "t");
    gint64 i;
    double d;

    gloss_json_reader_next (r);
    gloss_json_reader_next (r);
    g_assert_true (gloss_json_reader_get_int64 (r, &i));
    g_assert_cmpint (i, ==, G_MAXINT64);
    gloss_json_reader_next (r);
    g_assert_true (gloss_json_reader_get_int64 (r, &i));
    g_assert_cmpint (i, ==, G_MININT64);
    gloss_json_reader_next (r);
    g_assert_false (gloss_json_reader_get_int64 (r, &i));
    g_assert_true (gloss_json_reader_get_double (r, &d));
    gloss_json_reader_next (r);
    g_assert_false (gloss_json_reader_get_double (r, &d));
    gloss_json_reader_next (r);
    g_assert_false (gloss_json_reader_get_int64 (r, &i));
    g_assert_true (gloss_json_reader_get_double (r, &d));
    g_assert_cmpfloat (d, ==, 2.5);
  }
}

static void
test_depth (void)
{
  GString *s = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < GLOSS_JSON_MAX_DEPTH; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < GLOSS_JSON_MAX_DEPTH; i++)
    g_string_append_c (s, ']');
  error = tokenize (s->str, s->len, NULL);
  g_assert_no_error (error);

  g_string_truncate (s, 0);
  for (guint i = 0; i < 1000000; i++)
    g_string_append (s, i % 2 ? "[" : "{\"a\":");
  error = tokenize (s->str, s->len, NULL);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "nested more than"));
  g_string_free (s, TRUE);
}

static void
test_truncated (void)
{
  const char *json = "{\"a\": [1, 2.5, \"x\\n\\u00e9😀\", {\"b\": null, \"c\": true}], \"d\": false}";
  gsize len = strlen (json);
  g_autoptr(GError) error = NULL;

  for (gsize n = 0; n < len; n++)
    {
      g_autofree char *copy = g_memdup2 (json, n);   /* exact size: ASan sees overreads */

      error = tokenize (copy, n, NULL);
      g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SYNTAX);
      g_clear_error (&error);
    }
  error = tokenize (json, len, NULL);
  g_assert_no_error (error);
}

static void
test_random_bytes (void)
{
  const char *json = "{\"mentions\": [{\"id\": \"m1\", \"spans\": [{\"start\": 1, \"end\": 2, \"text\": \"\\u00e9\"}]}], \"x\": [true, null, -1.5e2]}";
  gsize len = strlen (json);
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *copy = g_memdup2 (json, len);
      g_autoptr(GlossJsonReader) r = NULL;
      g_autoptr(JsonNode) node = NULL;
      guint n = g_rand_int_range (rand, 1, 4);

      for (guint k = 0; k < n; k++)
        copy[g_rand_int_range (rand, 0, len)] = (char)g_rand_int_range (rand, 0, 256);

      r = gloss_json_reader_new (copy, g_rand_int_range (rand, 0, len + 1), "t");
      if (gloss_json_reader_next (r) != GLOSS_JSON_ERROR)
        node = gloss_json_reader_read_node (r);
      if (node == NULL)
        g_assert_nonnull (gloss_json_reader_get_error (r));
    }
  g_rand_free (rand);
}

static void
test_read_node (void)
{
  const char *json = "{\"z\": 1, \"a\": [true, null, \"s\", 2.5, {\"k\": {}}], \"m\": -3}";
  g_autoptr(GlossJsonReader) r = gloss_json_reader_new (json, strlen (json), "t");
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *compact = NULL;
  g_autofree char *pretty = NULL;

  gloss_json_reader_next (r);
  node = gloss_json_reader_read_node (r);
  g_assert_nonnull (node);
  g_assert_cmpint (gloss_json_reader_next (r), ==, GLOSS_JSON_END);

  compact = gloss_json_node_to_string (node, FALSE);
  g_assert_cmpstr (compact, ==, "{\"z\": 1, \"a\": [true, null, \"s\", 2.5, {\"k\": {}}], \"m\": -3}");
  pretty = gloss_json_node_to_string (node, TRUE);
  g_assert_cmpstr (pretty, ==,
                   "{\n"
                   "  \"z\": 1,\n"
                   "  \"a\": [\n"
                   "    true,\n"
                   "    null,\n"
                   "    \"s\",\n"
                   "    2.5,\n"
                   "    {\n"
                   "      \"k\": {}\n"
                   "    }\n"
                   "  ],\n"
                   "  \"m\": -3\n"
                   "}");

  /* A member inside an object, from its value token. */
  {
    const char *j2 = "{\"meta\": {\"a\": [1]}, \"after\": 2}";
    g_autoptr(GlossJsonReader) r2 = gloss_json_reader_new (j2, strlen (j2), "t");
    g_autoptr(JsonNode) meta = NULL;

    gloss_json_reader_next (r2);
    g_assert_cmpint (gloss_json_reader_next (r2), ==, GLOSS_JSON_MEMBER);
    gloss_json_reader_next (r2);
    meta = gloss_json_reader_read_node (r2);
    g_assert_true (JSON_NODE_HOLDS_OBJECT (meta));
    g_assert_cmpint (gloss_json_reader_next (r2), ==, GLOSS_JSON_MEMBER);
    g_assert_true (gloss_json_reader_string_equal (r2, "after"));
  }

  /* Duplicate members are refused, not silently dropped. */
  {
    const char *j3 = "{\"a\": 1, \"a\": 2}";
    g_autoptr(GlossJsonReader) r3 = gloss_json_reader_new (j3, strlen (j3), "t");

    gloss_json_reader_next (r3);
    g_assert_null (gloss_json_reader_read_node (r3));
    g_assert_error (gloss_json_reader_get_error (r3), GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID);
    g_assert_nonnull (strstr (gloss_json_reader_get_error (r3)->message, "t: a: "));
  }
}

static void
test_skip_and_new_at (void)
{
  const char *json = "{\"mentions\": [{\"a\": [1, {\"b\": 2}]}, {\"c\": \"\\n\"}], \"next\": 5}";
  g_autoptr(GlossJsonReader) r = gloss_json_reader_new (json, strlen (json), "t");
  g_autoptr(GlossJsonReader) sub = NULL;
  gsize offset;

  gloss_json_reader_next (r);
  gloss_json_reader_next (r);
  g_assert_cmpint (gloss_json_reader_next (r), ==, GLOSS_JSON_BEGIN_ARRAY);
  offset = gloss_json_reader_get_offset (r);
  g_assert_true (gloss_json_reader_skip (r));
  g_assert_cmpint (gloss_json_reader_get_token (r), ==, GLOSS_JSON_END_ARRAY);
  g_assert_cmpint (gloss_json_reader_next (r), ==, GLOSS_JSON_MEMBER);
  g_assert_true (gloss_json_reader_string_equal (r, "next"));

  sub = gloss_json_reader_new_at (json, strlen (json), offset, "t", "mentions");
  g_assert_cmpint (gloss_json_reader_next (sub), ==, GLOSS_JSON_BEGIN_ARRAY);
  g_assert_cmpint (gloss_json_reader_next (sub), ==, GLOSS_JSON_BEGIN_OBJECT);
  g_assert_true (gloss_json_reader_skip (sub));
  g_assert_cmpint (gloss_json_reader_next (sub), ==, GLOSS_JSON_BEGIN_OBJECT);
  g_assert_cmpint (gloss_json_reader_next (sub), ==, GLOSS_JSON_MEMBER);
  {
    g_autofree char *path = gloss_json_reader_dup_path (sub);
    g_assert_cmpstr (path, ==, "mentions[1].c");
  }
  gloss_json_reader_set_error (sub, GLOSS_FORMAT_ERROR_INVALID, "bad %s", "thing");
  g_assert_cmpstr (gloss_json_reader_get_error (sub)->message, ==, "t: mentions[1].c: bad thing");
  g_assert_cmpint (gloss_json_reader_next (sub), ==, GLOSS_JSON_ERROR);
}

static void
test_path_escaped_name (void)
{
  const char *json = "{\"a\\u00e9\": [0, {\"x\": 1}]}";
  g_autoptr(GlossJsonReader) r = gloss_json_reader_new (json, strlen (json), "t");
  g_autofree char *path = NULL;

  for (int i = 0; i < 7; i++)
    gloss_json_reader_next (r);
  g_assert_cmpint (gloss_json_reader_get_token (r), ==, GLOSS_JSON_NUMBER);
  path = gloss_json_reader_dup_path (r);
  g_assert_cmpstr (path, ==, "aé[1].x");
}

static void
test_writer_strings (void)
{
  GString *out = g_string_new (NULL);

  gloss_json_write_string (out, "a\"b\\c/\n\t\r\b\f\x01\x1f\x7f é 😀 \xe2\x80\xa8", -1);
  g_assert_cmpstr (out->str, ==, "\"a\\\"b\\\\c/\\n\\t\\r\\b\\f\\u0001\\u001f\x7f é 😀 \xe2\x80\xa8\"");

  g_string_truncate (out, 0);
  gloss_json_write_string (out, "a\0b", 3);
  g_assert_cmpstr (out->str, ==, "\"a\\u0000b\"");

  g_string_truncate (out, 0);
  gloss_json_write_string (out, "a\xff" "b", -1);
  g_assert_cmpstr (out->str, ==, "\"a\xef\xbf\xbd" "b\"");

  g_string_truncate (out, 0);
  gloss_json_write_double (out, 0.1);
  g_string_append_c (out, ' ');
  gloss_json_write_double (out, 2.0);
  g_string_append_c (out, ' ');
  gloss_json_write_double (out, 1e300);
  g_string_append_c (out, ' ');
  gloss_json_write_int (out, G_MININT64);
  g_string_append_c (out, ' ');
  gloss_json_write_uint (out, 0);
  g_assert_cmpstr (out->str, ==, "0.1 2.0 1e+300 -9223372036854775808 0");

  g_string_free (out, TRUE);
}

static void
test_writer_round_trip (void)
{
  const char *json = "{\"s\": \"\\u0001x\\\"\", \"d\": 0.30000000000000004, \"i\": -7, \"e\": [], \"o\": {}, \"n\": null}";
  g_autoptr(GlossJsonReader) r = gloss_json_reader_new (json, strlen (json), "t");
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *out = NULL;

  gloss_json_reader_next (r);
  node = gloss_json_reader_read_node (r);
  out = gloss_json_node_to_string (node, FALSE);
  g_assert_cmpstr (out, ==, "{\"s\": \"\\u0001x\\\"\", \"d\": 0.30000000000000004, \"i\": -7, \"e\": [], \"o\": {}, \"n\": null}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/json-reader/tokens", test_tokens);
  g_test_add_func ("/json-reader/escapes", test_escapes);
  g_test_add_func ("/json-reader/bad-utf8", test_bad_utf8);
  g_test_add_func ("/json-reader/structure-errors", test_structure_errors);
  g_test_add_func ("/json-reader/numbers", test_numbers);
  g_test_add_func ("/json-reader/depth", test_depth);
  g_test_add_func ("/json-reader/truncated", test_truncated);
  g_test_add_func ("/json-reader/random-bytes", test_random_bytes);
  g_test_add_func ("/json-reader/read-node", test_read_node);
  g_test_add_func ("/json-reader/skip-and-new-at", test_skip_and_new_at);
  g_test_add_func ("/json-reader/path-escaped-name", test_path_escaped_name);
  g_test_add_func ("/json-writer/strings", test_writer_strings);
  g_test_add_func ("/json-writer/round-trip", test_writer_round_trip);

  return g_test_run ();
}
