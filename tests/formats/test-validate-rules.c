/* test-validate-rules.c: the native reader on tests/data/validate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same fixtures build-aux/validate-gloss.py is held to (tests/cli/
 * validate-agree.py): every good file reads, and writes its time stamps
 * back as they were written, however far from today; every bad file is
 * refused with "NAME.gloss: PATH" (bad.txt).
 */
#include "config.h"

#include <string.h>

#include "gloss-format-native.h"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "validate", name, NULL);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* Every "created"/"modified" in whole seconds and UTC ("…:SSZ") of @in is in @out. */
static void
assert_stamps_kept (const char *in,
                    const char *out)
{
  static const char * const members[] = { "\"created\": \"", "\"modified\": \"" };

  for (guint m = 0; m < G_N_ELEMENTS (members); m++)
    for (const char *p = strstr (in, members[m]); p != NULL; p = strstr (p + 1, members[m]))
      {
        const char *value = p + strlen (members[m]);
        const char *end = strchr (value, '"');
        g_autofree char *stamp = g_strndup (p, end + 1 - p);

        if (end - value == 20)
          {
            g_test_message ("%s", stamp);
            g_assert_nonnull (strstr (out, stamp));
          }
      }
}

static void
test_good (void)
{
  g_autofree char *dir_path = fixture_path ("good");
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr(GBytes) bytes = read_bytes (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossStore) store = gloss_native_read_bytes (bytes, name, &error);
      g_autoptr(GBytes) written = NULL;
      g_autofree char *in = NULL;
      g_autofree char *out = NULL;

      g_test_message ("%s", name);
      g_assert_no_error (error);
      written = gloss_native_write_bytes (store);
      in = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      out = g_strndup (g_bytes_get_data (written, NULL), g_bytes_get_size (written));
      assert_stamps_kept (in, out);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

static void
test_bad (void)
{
  g_autofree char *list_path = fixture_path ("bad.txt");
  g_autofree char *list = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents (list_path, &list, NULL, NULL));
  lines = g_strsplit (list, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", 2);
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      g_autofree char *prefix = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossStore) store = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      g_assert_cmpuint (g_strv_length (fields), ==, 2);
      name = g_strconcat (fields[0], ".gloss", NULL);
      path = g_test_build_filename (G_TEST_DIST, "data", "validate", "bad", name, NULL);
      bytes = read_bytes (path);
      store = gloss_native_read_bytes (bytes, name, &error);
      g_assert_null (store);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      prefix = g_strdup_printf ("%s: %s", name, fields[1]);
      g_assert_true (g_str_has_prefix (error->message, prefix));
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

/* Checking goes on after a bad annotation, and stops where it must. */
static void
test_every_problem (void)
{
  static const char * const expected[] = {
    "five.gloss: mentions[0].spans[0]: text \"Kim\" does not match the document",
    "five.gloss: mentions[1]: the mention has no \"id\"",
    "five.gloss: mentions[2].spans[0]: the span is empty",
    "five.gloss: claims[0].attrs.confidence: expected a string or true/false",
    "five.gloss: relations[0].status: unknown value \"bogus\"",
  };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "native", "five-problems.gloss", NULL);
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autoptr(GPtrArray) problems = gloss_native_check_bytes (bytes, "five.gloss", 100);
  g_autoptr(GPtrArray) capped = gloss_native_check_bytes (bytes, "five.gloss", 2);
  g_autoptr(GBytes) broken = NULL;
  g_autoptr(GPtrArray) syntax = NULL;
  g_autofree char *text = NULL;
  gsize len;

  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < problems->len; i++)
    g_assert_true (g_str_has_prefix (problems->pdata[i], expected[i]));
  g_assert_cmpuint (capped->len, ==, 2);

  /* A syntax error ends the list: nothing after it can be read. */
  text = g_strndup (g_bytes_get_data (bytes, &len), g_bytes_get_size (bytes));
  *strstr (text, "\"claims\"") = '?';
  broken = g_bytes_new_take (g_steal_pointer (&text), len);
  syntax = gloss_native_check_bytes (broken, "five.gloss", 100);
  g_assert_cmpuint (syntax->len, ==, 4);
  g_assert_nonnull (strstr (syntax->pdata[3], "malformed JSON"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/formats/validate-rules/good", test_good);
  g_test_add_func ("/formats/validate-rules/bad", test_bad);
  g_test_add_func ("/formats/validate-rules/every-problem", test_every_problem);

  return g_test_run ();
}
