/* test-json-lite.c: JSON values read into an arena (W3C's annotations)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same rules as the pull reader's trees: members in order, strings
 * and numbers as written, and NUL, a member twice, bad JSON and deep
 * nesting refused with the reader's message.
 */
#include "config.h"

#include <string.h>

#include "gloss-json-lite.h"
#include "gloss-json-parse.h"
#include "gloss-json-writer.h"

static GlossJsonLiteValue *
read_lite (GlossJsonLite  *lite,
           const char     *json,
           GError        **error)
{
  g_autoptr(GlossJsonReader) reader = gloss_json_reader_new (json, strlen (json), "t.json");
  GlossJsonLiteValue *value = NULL;

  if (gloss_json_reader_next (reader) != GLOSS_JSON_ERROR)
    value = gloss_json_lite_read (lite, reader);
  if (value == NULL)
    g_propagate_error (error, gloss_json_reader_take_error (reader));
  return value;
}

static void
test_values (void)
{
  g_autoptr(GlossJsonLite) lite = gloss_json_lite_new ();
  g_autoptr(GError) error = NULL;
  GlossJsonLiteValue *v = read_lite (lite, "{\"b\": [1, -2, 2.5, \"x\\u00e9\", true, null, {}], \"a\": \"caf\\u00e9 😀\"}",
                                     &error);
  const GlossJsonLiteValue *list;

  g_assert_no_error (error);
  g_assert_cmpint (v->kind, ==, GLOSS_JSON_BEGIN_OBJECT);
  g_assert_cmpuint (v->n, ==, 2);
  g_assert_cmpstr (v->names[0], ==, "b");
  g_assert_cmpstr (gloss_json_lite_get_string (v, "a"), ==, "café 😀");
  g_assert_null (gloss_json_lite_get_string (v, "b"));
  g_assert_null (gloss_json_lite_get_member (v, "c"));

  list = gloss_json_lite_get_member (v, "b");
  g_assert_cmpint (list->kind, ==, GLOSS_JSON_BEGIN_ARRAY);
  g_assert_cmpuint (list->n, ==, 7);
  g_assert_true (list->items[0]->is_int);
  g_assert_cmpint (list->items[0]->integer, ==, 1);
  g_assert_cmpint (list->items[1]->integer, ==, -2);
  g_assert_false (list->items[2]->is_int);
  g_assert_cmpstr (list->items[3]->string, ==, "xé");
  g_assert_cmpint (list->items[4]->kind, ==, GLOSS_JSON_TRUE);
  g_assert_cmpint (list->items[5]->kind, ==, GLOSS_JSON_NULL);
  g_assert_cmpuint (list->items[6]->n, ==, 0);
  g_assert_null (gloss_json_lite_get_member (list, "a"));

  /* A reset arena reads again. */
  gloss_json_lite_reset (lite);
  v = read_lite (lite, "\"only\"", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (v->string, ==, "only");
}

static void
test_refused (void)
{
  static const struct { const char *json; const char *part; } cases[] = {
    { "{\"a\": \"x\\u0000y\"}", "NUL" },
    { "{\"a\\u0000\": 1}", "NUL" },
    { "{\"a\": 1, \"b\": 2, \"a\": 3}", "twice" },
    { "[1, 2", "" },
    { "{\"a\": 1e999}", "out of range" },
  };
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GString) many = g_string_new ("{");

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GlossJsonLite) lite = gloss_json_lite_new ();
      g_autoptr(GError) error = NULL;

      g_assert_null (read_lite (lite, cases[i].json, &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, "t.json"));
      g_assert_nonnull (strstr (error->message, cases[i].part));
    }

  /* Nesting stops at the reader's limit, not the stack's. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  {
    g_autoptr(GlossJsonLite) lite = gloss_json_lite_new ();
    g_autoptr(GError) error = NULL;

    g_assert_null (read_lite (lite, deep->str, &error));
    g_assert_nonnull (error);
  }

  /* A member twice among many (sorted, not compared pairwise). */
  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (many, "\"m%u\": %u, ", i, i);
  g_string_append (many, "\"m500\": 0}");
  {
    g_autoptr(GlossJsonLite) lite = gloss_json_lite_new ();
    g_autoptr(GError) error = NULL;

    g_assert_null (read_lite (lite, many->str, &error));
    g_assert_nonnull (strstr (error->message, "twice"));
  }
}

/* A json-glib tree into the arena and back: the same JSON, members in
 * order, whole numbers and fractions apart (what attrs and kept results
 * go through). */
static void
test_nodes (void)
{
  static const char json[] =
    "{\"z\": [1, -2, 2.5, 1e300, 1e20, \"x\u00e9 😀\", true, false, null], \"a\": {\"q\": {}, \"p\": []}, \"m\": 9007199254740993}";
  g_autoptr(GlossJsonLite) lite = gloss_json_lite_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) tree = gloss_json_parse (json, strlen (json), "t.json", &error);
  g_autoptr(JsonNode) back = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  GlossJsonLiteValue *value;

  g_assert_no_error (error);
  value = gloss_json_lite_read_node (lite, tree, "t.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value->names[0], ==, "z");
  g_assert_true (gloss_json_lite_get_member (value, "m")->is_int);
  back = gloss_json_lite_to_node (value);
  expected = gloss_json_node_to_string (tree, FALSE);
  got = gloss_json_node_to_string (back, FALSE);
  g_assert_cmpstr (got, ==, expected);
  g_assert_cmpint (json_node_get_value_type (json_array_get_element (json_node_get_array (
                     json_object_get_member (json_node_get_object (back), "z")), 2)), ==, G_TYPE_DOUBLE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/json-lite/values", test_values);
  g_test_add_func ("/json-lite/refused", test_refused);
  g_test_add_func ("/json-lite/nodes", test_nodes);
  return g_test_run ();
}
