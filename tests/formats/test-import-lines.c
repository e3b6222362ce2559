/* test-import-lines.c: JSON Lines read from a file a piece at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gloss-cli import reads jsonl, doccano and Prodigy files a line at a time
 * (gloss_format_import_fd()) so memory does not grow with the corpus. It
 * must give exactly what reading the whole file gives: the same documents,
 * the same problems with the same file:line and JSON line numbers, a byte
 * order mark, CRLF, blank lines, lines longer than a read, and a file that
 * is one JSON value over many lines.
 */
#include "config.h"

#include <fcntl.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "format-test-utils.h"
#include "gloss-input-file.h"

typedef struct
{
  GPtrArray *documents;   /* .gloss text of each document handed over */
  GPtrArray *problems;
  char      *error;
} Result;

static void
result_clear (Result *r)
{
  g_clear_pointer (&r->documents, g_ptr_array_unref);
  g_clear_pointer (&r->problems, g_ptr_array_unref);
  g_clear_pointer (&r->error, g_free);
}

static gboolean
keep_document (GlossStore  *store,
               gpointer     data,
               GError     **error)
{
  Result *r = data;
  g_autoptr(GBytes) bytes = gloss_native_write_bytes (store);

  g_ptr_array_add (r->documents, g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)));
  return TRUE;
}

static void
import (const char *format,
        const char *path,
        gboolean    by_lines,
        gboolean    logged,
        Result     *r)
{
  g_autoptr(GlossImportLog) log = gloss_import_log_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stores = NULL;
  GlossFormatOptions options = { .where = path, .document = keep_document, .document_data = r,
                                 .log = logged ? log : NULL };
  const GlossFormat *f = gloss_format_lookup (format);

  *r = (Result) { g_ptr_array_new_with_free_func (g_free), g_ptr_array_new_with_free_func (g_free), NULL };
  if (by_lines)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      guint64 size;
      int fd = gloss_input_file_open (file, &size, &error);

      g_assert_no_error (error);
      stores = gloss_format_import_fd (f, fd, size, &options, &error);
      close (fd);
    }
  else
    {
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
      stores = f->import (bytes, &options, &error);
    }
  if (stores == NULL)
    r->error = g_strdup (error->message);
  else
    g_assert_cmpuint (stores->len, ==, 0);   /* all handed over */
  for (guint i = 0; i < log->problems->len; i++)
    g_ptr_array_add (r->problems, g_strdup (g_ptr_array_index (log->problems, i)));
}

static void
assert_same (const char *format,
             const char *path)
{
  for (guint logged = 0; logged < 2; logged++)
    {
      Result whole, lines;

      import (format, path, FALSE, logged, &whole);
      import (format, path, TRUE, logged, &lines);
      g_test_message ("%s as %s%s: %u documents, %u problems, error %s", path, format, logged ? " (logged)" : "",
                      whole.documents->len, whole.problems->len, whole.error ? whole.error : "none");
      g_assert_cmpstr (lines.error, ==, whole.error);
      g_assert_cmpuint (lines.documents->len, ==, whole.documents->len);
      for (guint i = 0; i < whole.documents->len; i++)
        g_assert_cmpstr (g_ptr_array_index (lines.documents, i), ==, g_ptr_array_index (whole.documents, i));
      g_assert_cmpuint (lines.problems->len, ==, whole.problems->len);
      for (guint i = 0; i < whole.problems->len; i++)
        g_assert_cmpstr (g_ptr_array_index (lines.problems, i), ==, g_ptr_array_index (whole.problems, i));
      result_clear (&whole);
      result_clear (&lines);
    }
}

static void
test_fixtures (void)
{
  static const struct { const char *format; const char *dir; const char *name; } files[] = {
    { "jsonl", "jsonl", "sample-v2.jsonl" },
    { "jsonl", "jsonl", "sample-b.jsonl" },
    { "jsonl", "jsonl", "dangling.jsonl" },
    { "doccano", "doccano", "import-sequence_labeling.jsonl" },
    { "doccano", "doccano", "tests-sequence_labeling-overlapping.jsonl" },
    { "doccano", "doccano", "export-relation_extraction.pretty.json" },
    { "doccano", "doccano", "not-json.jsonl" },
    { "doccano", "doccano", "bad-range.jsonl" },
    { "doccano", "doccano", "emoji-utf16.jsonl" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", files[i].dir, files[i].name, NULL);

      assert_same (files[i].format, path);
    }
}

/* A file written here: a byte order mark, CRLF, blank lines, records
 * longer than one read of the file, and problems on later lines. */
static void
test_edges (void)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "edges.jsonl", NULL);
  g_autoptr(GString) s = g_string_new ("\xef\xbb\xbf");
  g_autoptr(GString) long_text = g_string_new (NULL);

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  for (guint i = 0; i < 40000; i++)
    g_string_append (long_text, "Kim Jong Un ");   /* 480 KB: longer than a read */
  g_string_append (s, "{\"text\": \"Kim met Putin.\", \"label\": [[0, 3, \"PER\"]]}\r\n\r\n   \n");
  g_string_append_printf (s, "{\"text\": \"%s\", \"label\": [[4, 7, \"PER\"]]}\n", long_text->str);
  g_string_append (s, "{\"text\": \"Putin.\", \"label\": [[0, 9, \"PER\"]]}\n");
  g_string_append (s, "{\"text\": \"bad\", \"label\": [[0, 3, \"PER\"]],\n");
  g_string_append (s, "\n{\"text\": \"last, no newline\", \"label\": []}");
  g_assert_true (g_file_set_contents (path, s->str, s->len, NULL));
  assert_same ("doccano", path);

  /* The same without the problems, and Prodigy's lazily read tokens. */
  g_string_truncate (s, 0);
  g_string_append (s, "{\"text\": \"Kim met Putin.\", \"spans\": [{\"start\": 0, \"end\": 3, \"label\": \"PER\", "
                   "\"token_start\": 0, \"token_end\": 0}], \"tokens\": [{\"text\": \"Kim\", \"start\": 0, \"end\": 3, "
                   "\"id\": 0, \"ws\": true}]}\r\n");
  g_string_append_printf (s, "{\"text\": \"%s\", \"spans\": [{\"start\": 4, \"end\": 7, \"label\": \"PER\"}]}\n",
                          long_text->str);
  g_assert_true (g_file_set_contents (path, s->str, s->len, NULL));
  assert_same ("prodigy", path);
  assert_same ("doccano", path);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/import-lines/fixtures", test_fixtures);
  g_test_add_func ("/import-lines/edges", test_edges);
  return g_test_run ();
}
