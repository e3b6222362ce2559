/* test-atomic-file.c: a failed write leaves the old file byte for byte
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE   /* unshare () */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gloss-atomic-file.h"
#include "gloss-format-dataset.h"
#include "../fs-test-helpers.h"

static char *
make_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("gloss-atomic-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_folder (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
write_file (const char *path,
            const char *contents,
            int         mode)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_NONE, mode, &error);
  g_assert_no_error (error);
}

static void
assert_file (const char *path,
             const char *expected)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, expected, strlen (expected));
}

static gboolean
replace (const char  *path,
         const char  *contents,
         gboolean     overwrite,
         GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return gloss_atomic_file_replace (file, contents, strlen (contents), overwrite, error);
}

static void
test_new_and_replace (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "a.gloss", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  mode_t mask = umask (022);

  umask (mask);
  g_assert_true (replace (path, "first", FALSE, &error));
  g_assert_no_error (error);
  assert_file (path, "first");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0666 & ~mask);

  /* The old file's mode is kept. */
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (replace (path, "second, longer", TRUE, &error));
  g_assert_no_error (error);
  assert_file (path, "second, longer");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  /* Not asked to overwrite: refused, unchanged. */
  g_assert_false (replace (path, "third", FALSE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  assert_file (path, "second, longer");

  listing = list_folder (dir);
  g_assert_cmpstr (listing, ==, "a.gloss");
  remove_folder (dir);
}

static void
test_symlink (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *real = g_build_filename (dir, "real.gloss", NULL);
  g_autofree char *link = g_build_filename (dir, "link.gloss", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  write_file (real, "old", 0644);
  g_assert_cmpint (symlink ("real.gloss", link), ==, 0);
  g_assert_true (replace (link, "new", TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  assert_file (real, "new");
  remove_folder (dir);
}

/* GLOSS_TEST_WRITE_FAILURE: the write fails part way, as on a full disk. */
static void
test_injected_failure (void)
{
  static const char *plans[] = { "ENOSPC:0", "ENOSPC:7", "EIO:fsync", "EDQUOT:100000" };
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "a.gloss", NULL);
  g_autofree char *fresh = g_build_filename (dir, "new.gloss", NULL);
  g_autoptr(GString) big = g_string_new (NULL);

  for (int i = 0; i < 20000; i++)
    g_string_append (big, "0123456789");
  write_file (path, "the analyst's work", 0644);

  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *listing = NULL;

      g_setenv ("GLOSS_TEST_WRITE_FAILURE", plans[i], TRUE);
      g_assert_false (replace (path, big->str, TRUE, &error));
      g_assert_nonnull (error);
      g_test_message ("%s: %s", plans[i], error->message);
      g_assert_nonnull (strstr (error->message, "a.gloss: cannot write: "));
      g_assert_nonnull (strstr (error->message, "the file is unchanged"));
      assert_file (path, "the analyst's work");

      /* A new file that fails leaves nothing. */
      g_clear_error (&error);
      g_assert_false (replace (fresh, big->str, FALSE, &error));
      g_assert_nonnull (strstr (error->message, "nothing was written"));
      g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));

      listing = list_folder (dir);
      g_assert_cmpstr (listing, ==, "a.gloss");
    }

  g_unsetenv ("GLOSS_TEST_WRITE_FAILURE");
  remove_folder (dir);
}

static void
test_vanished_folder (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "gone", "a.gloss", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (replace (path, "x", TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "does not exist"));
  remove_folder (dir);
}

static void
test_folder_target (void)
{
  g_autofree char *dir = make_folder ();
  g_autoptr(GError) error = NULL;

  g_assert_false (replace (dir, "x", TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  remove_folder (dir);
}

static void
test_permission_denied (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "a.gloss", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      /* root writes anywhere; the CLI test covers a read-only mount. */
      g_test_skip ("running as root: permissions do not apply");
      remove_folder (dir);
      return;
    }

  write_file (path, "old", 0644);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  g_assert_false (replace (path, "new", TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  assert_file (path, "old");
  listing = list_folder (dir);
  g_assert_cmpstr (listing, ==, "a.gloss");
  remove_folder (dir);
}

static void
test_disk_full (void)
{
  g_autofree char *dir = make_folder ();

  if (g_test_subprocess ())
    {
      g_autofree char *path = NULL;
      g_autofree char *filler = NULL;
      g_autofree char *listing = NULL;
      g_autoptr(GString) big = g_string_new (NULL);
      g_autoptr(GString) old = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      const char *target = g_getenv ("GLOSS_TEST_TMPFS");

      g_assert_true (mount_small_tmpfs (target));
      path = g_build_filename (target, "a.gloss", NULL);
      filler = g_build_filename (target, "filler", NULL);
      for (int i = 0; i < 8000; i++)
        g_string_append (old, "old text! ");      /* 80 KB */
      for (int i = 0; i < 15000; i++)
        g_string_append (big, "0123456789");     /* 150 KB: does not fit next to it */
      write_file (path, old->str, 0644);

      g_assert_false (replace (path, big->str, TRUE, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      assert_file (path, old->str);
      listing = list_folder (target);
      g_assert_cmpstr (listing, ==, "a.gloss");

      /* Full to the last block: even creating the temporary file fails. */
      {
        int fd = g_open (filler, O_WRONLY | O_CREAT, 0644);
        char block[4096] = { 0 };

        while (write (fd, block, sizeof block) > 0)
          ;
        close (fd);
      }
      g_clear_error (&error);
      g_assert_false (replace (path, "x", TRUE, &error));
      g_assert_nonnull (error);
      assert_file (path, old->str);
      g_clear_pointer (&listing, g_free);
      listing = list_folder (target);
      g_assert_cmpstr (listing, ==, "a.gloss filler");
      exit (0);
    }

  if (!can_mount_tmpfs (dir))
    {
      g_test_skip ("cannot mount a tmpfs here (needs root or user namespaces)");
      remove_folder (dir);
      return;
    }
  g_setenv ("GLOSS_TEST_TMPFS", dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  remove_folder (dir);
}

static GPtrArray *
stage_split (const char  *dir,
             const char  *prefix)
{
  GPtrArray *atomics = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_atomic_file_abort);

  for (guint i = 0; i < GLOSS_SPLIT_N_PARTS; i++)
    {
      g_autofree char *name = g_strconcat (gloss_split_part_names[i], ".jsonl", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = g_strconcat (prefix, gloss_split_part_names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      GlossAtomicFile *atomic = gloss_atomic_file_begin (file, TRUE, &error);

      g_assert_no_error (error);
      g_assert_true (gloss_atomic_file_write (atomic, contents, strlen (contents), &error));
      g_assert_true (gloss_atomic_file_sync (atomic, &error));
      g_assert_no_error (error);
      g_ptr_array_add (atomics, atomic);
    }
  return atomics;
}

/* A split export over an earlier one, all or nothing: when the last
 * file cannot take its place (a folder took it after it was staged; a
 * rename cannot replace a non-empty folder, as root either), the files
 * already renamed into place are put back byte for byte, the one that
 * was new is removed, and no backup is left behind. With @old_last the
 * last target was a file when staged (its old file cannot be kept),
 * otherwise it was new (its rename fails). */
static void
test_commit_all_rolls_back (gconstpointer data)
{
  gboolean old_last = GPOINTER_TO_INT (data);
  g_autofree char *dir = make_folder ();
  g_autofree char *train = g_build_filename (dir, "train.jsonl", NULL);
  g_autofree char *dev = g_build_filename (dir, "dev.jsonl", NULL);
  g_autofree char *test = g_build_filename (dir, "test.jsonl", NULL);
  g_autofree char *inside = g_build_filename (test, "x", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GPtrArray) atomics = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  write_file (train, "old train", 0644);
  if (old_last)
    write_file (test, "old test", 0644);
  atomics = stage_split (dir, "new ");
  if (old_last)
    g_assert_cmpint (g_unlink (test), ==, 0);
  g_assert_cmpint (g_mkdir (test, 0755), ==, 0);
  write_file (inside, "in the way", 0644);

  g_assert_false (gloss_format_commit_all (atomics, &error));
  g_assert_nonnull (error);
  g_clear_pointer (&atomics, g_ptr_array_unref);
  assert_file (train, "old train");
  g_assert_false (g_file_test (dev, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_stat (test, &st), ==, 0);
  g_assert_true (S_ISDIR (st.st_mode));
  listing = list_folder (dir);
  g_assert_cmpstr (listing, ==, "test.jsonl train.jsonl");
  g_unlink (inside);
  g_rmdir (test);
  g_clear_error (&error);
  g_clear_pointer (&listing, g_free);

  /* The same over three old files: all replaced, no backup left. */
  write_file (dev, "old dev", 0644);
  write_file (test, "old test", 0644);
  atomics = stage_split (dir, "new ");
  g_assert_true (gloss_format_commit_all (atomics, &error));
  g_assert_no_error (error);
  assert_file (train, "new train");
  assert_file (dev, "new dev");
  assert_file (test, "new test");
  listing = list_folder (dir);
  g_assert_cmpstr (listing, ==, "dev.jsonl test.jsonl train.jsonl");
  remove_folder (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/atomic-file/new-and-replace", test_new_and_replace);
  g_test_add_func ("/core/atomic-file/symlink", test_symlink);
  g_test_add_func ("/core/atomic-file/injected-failure", test_injected_failure);
  g_test_add_func ("/core/atomic-file/vanished-folder", test_vanished_folder);
  g_test_add_func ("/core/atomic-file/folder-target", test_folder_target);
  g_test_add_func ("/core/atomic-file/permission-denied", test_permission_denied);
  g_test_add_func ("/core/atomic-file/disk-full", test_disk_full);
  g_test_add_data_func ("/core/atomic-file/commit-all/old-last", GINT_TO_POINTER (TRUE), test_commit_all_rolls_back);
  g_test_add_data_func ("/core/atomic-file/commit-all/new-last", GINT_TO_POINTER (FALSE), test_commit_all_rolls_back);

  return g_test_run ();
}
