/* fs-test-helpers.h: folders and filesystems for the tests of saving
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Include after defining _GNU_SOURCE (for unshare ()).
 */
#pragma once

#include <sched.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>

static int
fs_compare_names (gconstpointer a,
                  gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, joined by spaces ("" when empty): what a
 * failed save must not leave behind shows up here. */
G_GNUC_UNUSED static char *
list_folder (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, fs_compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* A real full disk: a 200 KB tmpfs on @dir in a mount namespace of our
 * own (as root, or through a user namespace where the kernel allows
 * one). Call it in a subprocess: it changes the process's namespaces. */
G_GNUC_UNUSED static gboolean
mount_small_tmpfs (const char *dir)
{
  if (unshare (CLONE_NEWNS) != 0 &&
      unshare (CLONE_NEWUSER | CLONE_NEWNS) != 0)
    return FALSE;
  if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
    return FALSE;
  return mount ("tmpfs", dir, "tmpfs", 0, "size=200k") == 0;
}

/* Whether mount_small_tmpfs() works here, tried in a child process. */
G_GNUC_UNUSED static gboolean
can_mount_tmpfs (const char *dir)
{
  pid_t pid = fork ();
  int status = 0;

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (mount_small_tmpfs (dir) ? 0 : 1);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}
