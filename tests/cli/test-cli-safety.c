/* test-cli-safety.c: gloss-cli never destroys a file it fails to write,
 * and refuses input it cannot take with a clear message
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Write failures are injected through GLOSS_TEST_WRITE_FAILURE (see
 * gloss-atomic-file.c) everywhere, and made real on a 200 KB tmpfs where
 * one can be mounted (root, or a user namespace).
 */
#define _GNU_SOURCE   /* unshare () */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cli-test-helpers.h"
#include "../fs-test-helpers.h"

static char *
make_folder (const char *name)
{
  char *dir = tmp_path (name);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  return dir;
}

/* An article of about @kb KB, with a headline. */
static char *
big_article (const char *name,
             guint       kb)
{
  g_autoptr(GString) text = g_string_new ("Headline\n");
  g_autoptr(GError) error = NULL;
  char *path = tmp_path (name);

  while (text->len < kb * 1024)
    g_string_append (text, "Kim Jong Un met Vladimir Putin at Vostochny. ");
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  return path;
}

static void
assert_same_file (const char *path,
                  const char *expected)
{
  g_autofree char *contents = read_file (path);

  g_assert_cmpstr (contents, ==, expected);
}

/* new --force, export --force and import --force on a failing disk leave
 * the old file byte for byte, and nothing when the file is new. */
static void
test_injected_failure (void)
{
  g_autofree char *article = sample_article ();
  g_autofree char *dir = make_folder ("injected");
  g_autofree char *doc = g_build_filename (dir, "a.gloss", NULL);
  g_autofree char *out = g_build_filename (dir, "a.jsonl", NULL);
  g_autofree char *imported = g_build_filename (dir, "b.gloss", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.gloss", NULL);
  g_autofree char *input = data_path ("jsonl", "sample-b.jsonl");
  g_autofree char *old_doc = NULL;
  g_autofree char *old_out = NULL;
  g_autofree char *old_imported = NULL;
  g_autofree char *listing = NULL;
  static const char *plans[] = {
    "GLOSS_TEST_WRITE_FAILURE=ENOSPC:0",
    "GLOSS_TEST_WRITE_FAILURE=ENOSPC:1000",
    "GLOSS_TEST_WRITE_FAILURE=EIO:fsync",
  };

  {
    g_auto(Run) a = run_cli ("new", article, "-o", doc, NULL);
    g_auto(Run) b = run_cli ("export", "--format", "jsonl", doc, "-o", out, NULL);
    g_auto(Run) c = run_cli ("import", "--format", "jsonl", input, "-o", imported, NULL);

    g_assert_cmpint (a.status + b.status + c.status, ==, 0);
  }
  old_doc = read_file (doc);
  old_out = read_file (out);
  old_imported = read_file (imported);

  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    {
      g_auto(Run) n = run_cli_env (plans[i], "new", article, "-o", doc, "--force", "--title", "Other", NULL);
      g_auto(Run) e = run_cli_env (plans[i], "export", "--format", "doccano", doc, "-o", out, "--force", NULL);
      g_auto(Run) m = run_cli_env (plans[i], "import", "--format", "jsonl", input, "-o", imported, "--force", NULL);
      g_auto(Run) f = run_cli_env (plans[i], "new", article, "-o", fresh, NULL);

      g_assert_cmpint (n.status, ==, 1);
      assert_contains (n.err, "a.gloss: cannot write: ");
      assert_contains (n.err, "the file is unchanged");
      g_assert_cmpint (e.status, ==, 1);
      assert_contains (e.err, "a.jsonl: cannot write: ");
      g_assert_cmpint (m.status, ==, 1);
      assert_contains (m.err, "b.gloss: cannot write: ");
      g_assert_cmpint (f.status, ==, 1);
      assert_contains (f.err, "nothing was written");

      assert_same_file (doc, old_doc);
      assert_same_file (out, old_out);
      assert_same_file (imported, old_imported);
      listing = list_folder (dir);
      g_assert_cmpstr (listing, ==, "a.gloss a.jsonl b.gloss");
      g_clear_pointer (&listing, g_free);
    }
}

/* Several documents are written all or nothing. */
static void
test_import_midway (void)
{
  g_autofree char *input = data_path ("jsonl", "sample.jsonl");
  g_autofree char *fresh = tmp_path ("midway-new/docs");
  g_autofree char *parent = tmp_path ("midway-new");
  g_autofree char *dir = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) names = NULL;

  /* Into a new folder: the second file fails, the folder goes too. */
  {
    g_auto(Run) run = run_cli_env ("GLOSS_TEST_WRITE_FAILURE=ENOSPC:10:2",
                                   "import", "--format", "jsonl", input, "-o", fresh, NULL);

    g_assert_cmpint (run.status, ==, 1);
    assert_contains (run.err, "No space left on device");
    assert_contains (run.err, "no document was written");
    g_assert_false (g_file_test (parent, G_FILE_TEST_EXISTS));
  }

  /* Over earlier files with --force: every one as it was. */
  dir = make_folder ("midway-old");
  {
    g_auto(Run) run = run_cli ("import", "--format", "jsonl", input, "-o", dir, NULL);

    g_assert_cmpint (run.status, ==, 0);
  }
  before = list_folder (dir);
  names = g_strsplit (before, " ", -1);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      g_ptr_array_add (contents, read_file (path));
    }
  {
    g_auto(Run) run = run_cli_env ("GLOSS_TEST_WRITE_FAILURE=EIO:fsync:2",
                                   "import", "--format", "jsonl", "--force", input, "-o", dir, NULL);

    g_assert_cmpint (run.status, ==, 1);
    assert_contains (run.err, "Input/output error");
  }
  after = list_folder (dir);
  g_assert_cmpstr (after, ==, before);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      assert_same_file (path, g_ptr_array_index (contents, i));
    }
}

static void
test_disk_full (void)
{
  g_autofree char *dir = make_folder ("full");

  if (g_test_subprocess ())
    {
      g_autofree char *article = sample_article ();
      g_autofree char *big = big_article ("big.txt", 300);
      g_autofree char *doc = g_build_filename (dir, "a.gloss", NULL);
      g_autofree char *out = g_build_filename (dir, "a.jsonl", NULL);
      g_autofree char *bigdoc = tmp_path ("big.gloss");
      g_autofree char *old_doc = NULL;
      g_autofree char *old_out = NULL;
      g_autofree char *listing = NULL;

      g_assert_true (mount_small_tmpfs (dir));
      {
        g_auto(Run) a = run_cli ("new", article, "-o", doc, NULL);
        g_auto(Run) b = run_cli ("export", "--format", "jsonl", doc, "-o", out, NULL);
        g_auto(Run) c = run_cli ("new", big, "-o", bigdoc, NULL);

        g_assert_cmpint (a.status + b.status + c.status, ==, 0);
      }
      old_doc = read_file (doc);
      old_out = read_file (out);

      {
        g_auto(Run) n = run_cli ("new", big, "-o", doc, "--force", NULL);
        g_auto(Run) e = run_cli ("export", "--format", "jsonl", bigdoc, "-o", out, "--force", NULL);

        g_assert_cmpint (n.status, ==, 1);
        assert_contains (n.err, "No space left on device; the file is unchanged");
        g_assert_cmpint (e.status, ==, 1);
        assert_contains (e.err, "No space left on device; the file is unchanged");
      }
      assert_same_file (doc, old_doc);
      assert_same_file (out, old_out);
      listing = list_folder (dir);
      g_assert_cmpstr (listing, ==, "a.gloss a.jsonl");

      /* Read-only: refused, unchanged. */
      g_assert_cmpint (mount (NULL, dir, NULL, MS_REMOUNT | MS_RDONLY, NULL), ==, 0);
      {
        g_auto(Run) n = run_cli ("new", article, "-o", doc, "--force", "--title", "x", NULL);

        g_assert_cmpint (n.status, ==, 1);
        assert_contains (n.err, "Read-only file system");
      }
      assert_same_file (doc, old_doc);
      exit (0);
    }

  if (!can_mount_tmpfs (dir))
    {
      g_test_skip ("cannot mount a tmpfs here (needs root or user namespaces)");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_permission_denied (void)
{
  g_autofree char *article = sample_article ();
  g_autofree char *dir = make_folder ("locked");
  g_autofree char *doc = g_build_filename (dir, "a.gloss", NULL);
  g_autofree char *old_doc = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("running as root: permissions do not apply (disk-full covers a read-only mount)");
      return;
    }

  {
    g_auto(Run) a = run_cli ("new", article, "-o", doc, NULL);

    g_assert_cmpint (a.status, ==, 0);
  }
  old_doc = read_file (doc);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  {
    g_auto(Run) n = run_cli ("new", article, "-o", doc, "--force", "--title", "x", NULL);

    g_assert_cmpint (n.status, ==, 1);
    assert_contains (n.err, "Permission denied");
  }
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  assert_same_file (doc, old_doc);
}

static void
test_output_paths (void)
{
  g_autofree char *article = sample_article ();
  g_autofree char *doc = tmp_path ("paths.gloss");
  g_autofree char *input = data_path ("jsonl", "sample.jsonl");
  g_autofree char *file = tmp_path ("paths-file");
  g_autofree char *gone = tmp_path ("no-such-folder/a.gloss");
  g_autofree char *slash = tmp_path ("newdir/");
  g_autofree char *newdir = tmp_path ("newdir");

  {
    g_auto(Run) a = run_cli ("new", article, "-o", doc, NULL);

    g_assert_cmpint (a.status, ==, 0);
  }

  /* A trailing slash means a folder: export writes one file. */
  {
    g_auto(Run) run = run_cli ("export", "--format", "jsonl", doc, "-o", slash, NULL);

    g_assert_cmpint (run.status, ==, 2);
    assert_contains (run.err, "names a folder, but export writes one file");
    g_assert_false (g_file_test (newdir, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) run = run_cli ("new", article, "-o", slash, NULL);

    g_assert_cmpint (run.status, ==, 1);
    assert_contains (run.err, "names a folder");
    g_assert_false (g_file_test (newdir, G_FILE_TEST_EXISTS));
  }

  /* Several documents to a file. */
  g_assert_true (g_file_set_contents (file, "mine", -1, NULL));
  {
    g_auto(Run) run = run_cli ("import", "--format", "jsonl", input, "-o", file, "--force", NULL);

    g_assert_cmpint (run.status, ==, 1);
    assert_contains (run.err, "is a file, but the inputs hold 2 documents");
    assert_same_file (file, "mine");
  }
  {
    g_autofree char *under = g_build_filename (file, "docs", NULL);
    g_auto(Run) run = run_cli ("import", "--format", "jsonl", input, "-o", under, NULL);

    g_assert_cmpint (run.status, ==, 1);
    assert_contains (run.err, "is a file, not a folder");
  }

  /* A folder that is not there. */
  {
    g_auto(Run) run = run_cli ("new", article, "-o", gone, NULL);

    g_assert_cmpint (run.status, ==, 1);
    assert_contains (run.err, "does not exist");
  }
}

/* Special files and oversized input: a clear error and exit 1, at once
 * (opening the fifo without O_NONBLOCK, or reading /dev/zero to its end,
 * would hang until the test's timeout). */
static void
test_special_input (void)
{
  g_autofree char *fifo = tmp_path ("fifo");
  g_autofree char *sparse = tmp_path ("sparse.txt");
  g_autofree char *folder = make_folder ("a-folder");
  g_autofree char *out = tmp_path ("special.gloss");
  g_autofree char *article = sample_article ();
  struct { const char *path; const char *message; } inputs[] = {
    { "/dev/zero", "a character device; Gloss reads only regular files" },
    { fifo, "a pipe (fifo); Gloss reads only regular files" },
    { folder, "is a folder, not a file" },
    { sparse, "the file is 4.4\xc2\xa0GiB (4718592000 bytes), larger than the limit of 1.0\xc2\xa0GiB; use --max-size to raise it" },
  };
  int fd;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  fd = g_open (sparse, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, G_GINT64_CONSTANT (4500) * 1024 * 1024), ==, 0);
  close (fd);

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_auto(Run) n = run_cli ("new", inputs[i].path, "-o", out, NULL);
      g_auto(Run) v = run_cli ("validate", inputs[i].path, NULL);
      g_auto(Run) m = run_cli ("import", "--format", "jsonl", inputs[i].path, "-o", out, NULL);
      g_auto(Run) s = run_cli ("new", article, "--schema", inputs[i].path, "-o", out, NULL);

      g_assert_cmpint (n.status, ==, 1);
      assert_contains (n.err, inputs[i].message);
      g_assert_cmpint (v.status, ==, 1);
      assert_contains (v.err, inputs[i].message);
      g_assert_cmpint (m.status, ==, 1);
      assert_contains (m.err, inputs[i].message);
      g_assert_cmpint (s.status, ==, 1);
      assert_contains (s.err, inputs[i].message);
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }

  /* The limit is the user's to move. */
  {
    g_auto(Run) small = run_cli ("new", "--max-size", "4K", article, "-o", out, NULL);
    g_auto(Run) bad = run_cli ("new", "--max-size", "lots", article, "-o", out, NULL);
    g_auto(Run) fine = run_cli ("validate", "--max-size", "1M", sparse, NULL);

    g_assert_cmpint (small.status, ==, 1);
    assert_contains (small.err, "larger than the limit of 4.0\xc2\xa0KiB; use --max-size to raise it");
    g_assert_cmpint (bad.status, ==, 2);
    assert_contains (bad.err, "--max-size must be a size");
    g_assert_cmpint (fine.status, ==, 1);
    assert_contains (fine.err, "larger than the limit of 1.0\xc2\xa0MiB");
  }
}

/* A UTF-8 byte order mark is dropped (and recorded); UTF-16 is named. */
static void
test_byte_order_marks (void)
{
  g_autofree char *bom = tmp_path ("bom.txt");
  g_autofree char *le = tmp_path ("utf16le.txt");
  g_autofree char *be = tmp_path ("utf16be.txt");
  g_autofree char *out = tmp_path ("bom.gloss");
  g_autofree char *jsonl = tmp_path ("bom.jsonl");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *document;

  g_assert_true (g_file_set_contents (bom, "\xef\xbb\xbfNorth Korea’s leader\nKim Jong Un arrived.\n", -1, NULL));
  g_assert_true (g_file_set_contents (le, "\xff\xfeK\0i\0m\0\n\0", 10, NULL));
  g_assert_true (g_file_set_contents (be, "\xfe\xff\0K\0i\0m\0\n", 10, NULL));

  {
    g_auto(Run) run = run_cli ("new", bom, "-o", out, NULL);

    g_assert_cmpint (run.status, ==, 0);
  }
  json_parser_load_from_file (parser, out, &error);
  g_assert_no_error (error);
  document = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "document");
  g_assert_cmpstr (json_object_get_string_member (document, "title"), ==, "North Korea’s leader");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (document, "text"), "North Korea’s"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (document, "meta"), "source_bom"),
                   ==, "utf-8");
  {
    /* Offsets count from after the mark: "Kim Jong Un" is at 21. */
    g_auto(Run) run = run_cli ("export", "--format", "jsonl", out, "-o", jsonl, NULL);
    g_autofree char *line = NULL;

    g_assert_cmpint (run.status, ==, 0);
    line = read_file (jsonl);
    assert_contains (line, "\"text\":\"North Korea’s leader\\nKim Jong Un arrived.\\n\"");
    g_assert_null (strstr (line, "\xef\xbb\xbf"));
  }

  {
    g_auto(Run) a = run_cli ("new", le, "-o", out, "--force", NULL);
    g_auto(Run) b = run_cli ("new", be, "-o", out, "--force", NULL);

    g_assert_cmpint (a.status, ==, 1);
    assert_contains (a.err, "utf16le.txt: the text is UTF-16 (little-endian, with a byte order mark), not UTF-8");
    assert_contains (a.err, "iconv -f UTF-16 -t UTF-8");
    g_assert_cmpint (b.status, ==, 1);
    assert_contains (b.err, "UTF-16 (big-endian, with a byte order mark)");
  }
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  tmpdir = g_dir_make_tmp ("gloss-cli-safety-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);

  g_test_add_func ("/cli/safety/injected-failure", test_injected_failure);
  g_test_add_func ("/cli/safety/import-midway", test_import_midway);
  g_test_add_func ("/cli/safety/disk-full", test_disk_full);
  g_test_add_func ("/cli/safety/permission-denied", test_permission_denied);
  g_test_add_func ("/cli/safety/output-paths", test_output_paths);
  g_test_add_func ("/cli/safety/special-input", test_special_input);
  g_test_add_func ("/cli/safety/byte-order-marks", test_byte_order_marks);

  status = g_test_run ();

  g_free (tmpdir);
  return status;
}
