/* test-json-writer.c: GlossJsonWriter, the exporters' JSON output
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-json-writer.h"

/* Text whose escaping json-glib and Gloss agree on: emoji, CJK,
 * combining marks, U+2028/U+2029, lone quotes and backslashes. */
static const char sample[] =
  "{\"text\":\"Kim 🚀 習近平 Cafe\\u0301 \\u2028 \\u2029 \\\" \\\\ \\\"\\\\ / \\n\\t\\r\\b\\f\","
  "\"n\":-12,\"t\":true,\"f\":false,\"z\":null,"
  "\"empty\":{},\"none\":[],"
  "\"nest\":[[],{},[{}],{\"a\":{\"b\":{}},\"c\":[1,[2,[3]]]}],"
  "\"\\\"key\\\\\":\"v\"}";

static char *
generated (const char *json,
           gboolean    pretty)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  g_assert_nonnull (node);
  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, pretty);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}

static char *
written (const char *json,
         gboolean    pretty)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  GString *out = g_string_new (NULL);
  GlossJsonWriter writer;

  g_assert_nonnull (node);
  gloss_json_writer_init (&writer, out, pretty);
  gloss_json_writer_node (&writer, node);
  g_assert_cmpuint (writer.depth, ==, 0);
  gloss_json_writer_clear (&writer);
  return g_string_free (out, FALSE);
}

/* The exporters wrote through JsonGenerator: their files stay the same
 * bytes, compact and pretty. */
static void
test_layout_as_generator (void)
{
  for (int pretty = 0; pretty <= 1; pretty++)
    {
      g_autofree char *expected = generated (sample, pretty);
      g_autofree char *got = written (sample, pretty);

      g_assert_cmpstr (got, ==, expected);
    }
}

/* The builder calls, without a JsonNode. */
static void
test_calls (void)
{
  GString *out = g_string_new (NULL);
  GlossJsonWriter w;

  for (int pretty = 0; pretty <= 1; pretty++)
    {
      g_string_truncate (out, 0);
      gloss_json_writer_init (&w, out, pretty);
      gloss_json_writer_begin_object (&w);
      gloss_json_writer_member (&w, "s");
      gloss_json_writer_string (&w, "x");
      gloss_json_writer_member (&w, "null");
      gloss_json_writer_string (&w, NULL);
      gloss_json_writer_member (&w, "i");
      gloss_json_writer_int (&w, G_MININT64);
      gloss_json_writer_member (&w, "a");
      gloss_json_writer_begin_array (&w);
      gloss_json_writer_boolean (&w, TRUE);
      gloss_json_writer_null (&w);
      gloss_json_writer_object (&w, NULL);
      gloss_json_writer_begin_array (&w);
      gloss_json_writer_end_array (&w);
      gloss_json_writer_end_array (&w);
      gloss_json_writer_end_object (&w);
      g_assert_cmpuint (w.depth, ==, 0);
      gloss_json_writer_clear (&w);
      if (!pretty)
        g_assert_cmpstr (out->str, ==,
                         "{\"s\":\"x\",\"null\":null,\"i\":-9223372036854775808,\"a\":[true,null,{},[]]}");
      else
        g_assert_cmpstr (out->str, ==,
                         "{\n"
                         "  \"s\" : \"x\",\n"
                         "  \"null\" : null,\n"
                         "  \"i\" : -9223372036854775808,\n"
                         "  \"a\" : [\n"
                         "    true,\n"
                         "    null,\n"
                         "    {    },\n"
                         "    []\n"
                         "  ]\n"
                         "}");
    }
  g_string_free (out, TRUE);
}

/* Every string goes through gloss_json_write_string(): control characters
 * escaped (all of them, U+001F too, which JsonGenerator wrote raw), U+2028,
 * emoji and CJK as UTF-8, quotes and backslashes escaped, alone or
 * together; and the text reads back the same. */
static void
test_escaping (void)
{
  static const char *const texts[] = {
    "\x01\x02\x1e\x1f",
    "\x7f",
    "line\xe2\x80\xa8separator\xe2\x80\xa9paragraph",
    "🚀 😀 習近平 한국어 Cafe\xcc\x81",
    "\"",
    "\\",
    "\\\"",
    "\"\\",
    "a\\",
    "tab\there\nnew\rline\bback\fform",
  };
  static const char *const expected[] = {
    "\"\\u0001\\u0002\\u001e\\u001f\"",
    "\"\x7f\"",
    "\"line\xe2\x80\xa8separator\xe2\x80\xa9paragraph\"",
    "\"🚀 😀 習近平 한국어 Cafe\xcc\x81\"",
    "\"\\\"\"",
    "\"\\\\\"",
    "\"\\\\\\\"\"",
    "\"\\\"\\\\\"",
    "\"a\\\\\"",
    "\"tab\\there\\nnew\\rline\\bback\\fform\"",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      GString *out = g_string_new (NULL);
      g_autoptr(JsonNode) back = NULL;
      g_autoptr(GError) error = NULL;
      GlossJsonWriter w;

      gloss_json_writer_init (&w, out, FALSE);
      gloss_json_writer_begin_array (&w);
      gloss_json_writer_string (&w, texts[i]);
      gloss_json_writer_end_array (&w);
      gloss_json_writer_clear (&w);
      g_assert_cmpuint (out->len, ==, strlen (expected[i]) + 2);
      g_assert_cmpmem (out->str + 1, out->len - 2, expected[i], strlen (expected[i]));

      back = json_from_string (out->str, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (json_array_get_string_element (json_node_get_array (back), 0), ==, texts[i]);
      g_string_free (out, TRUE);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/formats/json-writer/layout-as-generator", test_layout_as_generator);
  g_test_add_func ("/formats/json-writer/calls", test_calls);
  g_test_add_func ("/formats/json-writer/escaping", test_escaping);
  return g_test_run ();
}
