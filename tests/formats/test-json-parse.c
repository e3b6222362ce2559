/* test-json-parse.c: every JSON input that becomes a json-glib tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Schema files, project.json and journal headers go through
 * gloss_json_parse(); deep nesting, NUL, lone surrogates and duplicate
 * members must come back as errors naming the file and the JSON path.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "gloss-document.h"
#include "gloss-error.h"
#include "gloss-journal.h"
#include "gloss-json-parse.h"
#include "gloss-project.h"
#include "gloss-schema.h"
#include "gloss-store.h"

static char *
deep_json (const char *prefix)
{
  GString *s = g_string_new (prefix);

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (s, '[');
  return g_string_free (s, FALSE);
}

/* Writes @contents to @name in the test's own (isolated) cache folder. */
static GFile *
write_tmp (const char *name,
           const char *contents)
{
  g_autoptr(GError) error = NULL;
  const char *dir = g_get_user_cache_dir ();
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static void
assert_message (const GError *error,
                GFile        *file,
                const char   *part)
{
  g_autofree char *name = g_file_get_parse_name (file);

  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, name));
  g_assert_nonnull (strstr (error->message, part));
}

static void
test_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *deep = deep_json ("");
  gboolean incomplete = TRUE;

  node = gloss_json_parse ("\xef\xbb\xbf {\"a\": [1, 2.5, \"x\", null, true]} \n", 38, "t.json", &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (json_node_get_object (node), "a")), ==, 5);
  g_clear_pointer (&node, json_node_unref);

  node = gloss_json_parse ("{} {}", 5, "t.json", &error);
  g_assert_null (node);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "t.json: malformed JSON at line 1, column 4: more content"));
  g_clear_error (&error);

  node = gloss_json_parse (deep, strlen (deep), "t.json", &error);
  g_assert_null (node);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "nested more than 128 levels deep"));
  g_clear_error (&error);

  /* A range: a value that runs past its end is incomplete, other errors not. */
  node = gloss_json_parse_range ("{\"a\":\n1}", 0, 5, "t.json", &incomplete, &error);
  g_assert_null (node);
  g_assert_true (incomplete);
  g_clear_error (&error);
  node = gloss_json_parse_range ("{\"a\": 1 2}\n", 0, 10, "t.json", &incomplete, &error);
  g_assert_null (node);
  g_assert_false (incomplete);
  g_clear_error (&error);
  node = gloss_json_parse_range ("[1]\n{\"a\": 1}  \n", 4, 14, "t.json", &incomplete, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
}

typedef struct
{
  const char *contents;
  const char *part;
} FileCase;

typedef gpointer (*LoadFunc) (GFile *file, GError **error);

/* Each case written to @name must fail to load, naming the file and @part. */
static void
check_file_cases (const char     *name,
                  LoadFunc        load,
                  const FileCase *cases,
                  guint           n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(GFile) file = write_tmp (name, cases[i].contents);
      g_autoptr(GError) error = NULL;
      gpointer loaded = load (file, &error);

      g_assert_null (loaded);
      assert_message (error, file, cases[i].part);
    }
}

static void
test_schema_file (void)
{
  g_autofree char *deep = deep_json ("{\"entity_types\": ");
  const FileCase cases[] = {
    { deep, ": entity_types[0][0][0]…(" },
    { "{\"entity_types\": [{\"id\": \"P\\u0000\"}]}", ": entity_types[0].id: a string holds a NUL character" },
    { "{\"entity_types\": [{\"id\": \"P\\udbff\"}]}", ": entity_types[0].id: malformed JSON at line 1, column 28: \\uDBFF is a high surrogate" },
    { "{\"entity_types\": [], \"entity_types\": []}", ": entity_types: the member appears twice" },
  };

  check_file_cases ("schema.json", (LoadFunc) gloss_schema_new_from_file, cases, G_N_ELEMENTS (cases));
}

static gpointer
load_project (GFile   *file,
              GError **error)
{
  return gloss_project_load (file, "Ana", error);
}

static void
test_project_file (void)
{
  g_autofree char *deep = deep_json ("{\"format\": \"gloss-project\", \"documents\": ");
  const FileCase cases[] = {
    { deep, ": documents[0][0][0]…(" },
    { "{\"format\": \"gloss-project\", \"name\": \"a\\u0000b\"}", ": name: a string holds a NUL character" },
    { "{\"format\": \"gloss-project\", \"format\": \"x\"}", ": format: the member appears twice" },
  };

  check_file_cases ("project.json", load_project, cases, G_N_ELEMENTS (cases));
}

static void
test_journal_header (void)
{
  g_autoptr(GlossDocument) document = gloss_document_new_from_text ("Some text.", -1, "a.txt", NULL);
  g_autoptr(GlossStore) store = gloss_store_new (document, NULL);
  g_autofree char *deep = deep_json ("{\"format\": \"gloss-journal\", \"version\": ");
  g_autofree char *contents = g_strconcat (deep, "\n", NULL);
  g_autoptr(GFile) file = write_tmp ("journal.jsonl", contents);
  g_autoptr(GError) error = NULL;

  g_assert_false (gloss_journal_check (store, file, NULL, &error));
  g_assert_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/formats/json-parse/parse", test_parse);
  g_test_add_func ("/formats/json-parse/schema-file", test_schema_file);
  g_test_add_func ("/formats/json-parse/project-file", test_project_file);
  g_test_add_func ("/formats/json-parse/journal-header", test_journal_header);

  return g_test_run ();
}
