/* gloss-journal-files.c: where journals live, what they are called, who
 * holds them, and what becomes of the ones left behind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <utime.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gloss-journal-private.h"

/* Identity, names and locks
 *
 * A journal is named <key>.<session>.jsonl. The key is the SHA-256 of the
 * document's identity: the canonical URI of its .gloss file or, for a
 * document never saved, "unsaved:" and the canonical URI of the article
 * it was read from. The session (start time, process, counter) makes the
 * name unique, so two windows on one unsaved article, or a new session
 * next to a leftover the user has not decided about, never share a file.
 * The journal's owner holds an flock() on it for as long as it lives; a
 * journal nobody holds is a leftover of a crash (or one kept for later). */

char *
_gloss_journal_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "gloss", "journal", NULL);
}

/* The file's URI with symbolic links and "..", "." resolved, so that two
 * names of one file have one journal. */
static char *
canonical_uri (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *canonical = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  char *real;

  if (path == NULL)
    return g_file_get_uri (file);

  canonical = g_canonicalize_filename (path, NULL);
  real = realpath (canonical, NULL);
  if (real == NULL)
    {
      /* Not there (yet): resolve its folder. */
      dir = g_path_get_dirname (canonical);
      base = g_path_get_basename (canonical);
      real = realpath (dir, NULL);
      if (real != NULL)
        {
          g_free (canonical);
          canonical = g_build_filename (real, base, NULL);
          free (real);
        }
    }
  else
    {
      g_free (canonical);
      canonical = g_strdup (real);
      free (real);
    }
  return g_filename_to_uri (canonical, NULL, NULL);
}

char *
_gloss_journal_identity_key (GFile *file,
                             GFile *source)
{
  g_autofree char *uri = NULL;
  g_autofree char *key_source = NULL;

  if (file != NULL)
    key_source = canonical_uri (file);
  else
    {
      uri = source != NULL ? canonical_uri (source) : NULL;
      key_source = g_strconcat ("unsaved:", uri, NULL);
    }
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, key_source, -1);
}

char *
_gloss_journal_new_path (const char *key)
{
  static int counter;
  g_autofree char *dir = _gloss_journal_dir ();
  g_autofree char *name = NULL;

  name = g_strdup_printf ("%s.%016" G_GINT64_MODIFIER "x-%ld-%d.jsonl", key, g_get_real_time (),
                          (long) getpid (), g_atomic_int_add (&counter, 1));
  return g_build_filename (dir, name, NULL);
}

/* Whether an open file description (of this process or another) holds
 * the lock on @path. */
static gboolean
path_is_held (const char *path)
{
  gboolean held = FALSE;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    return FALSE;
  if (flock (fd, LOCK_EX | LOCK_NB) < 0)
    held = errno == EWOULDBLOCK;
  g_close (fd, NULL);   /* releases our probe, not the owner's lock */
  return held;
}

typedef enum
{
  LIST_ALL,
  LIST_LEFTOVERS,
  LIST_HELD,
} ListWhat;

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The journals of @key, oldest first (session names sort by time). */
static GPtrArray *
list_journals (const char *key,
               ListWhat    what)
{
  g_autofree char *dir_path = _gloss_journal_dir ();
  g_autofree char *prefix = g_strconcat (key, ".", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return paths;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, ".jsonl"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      if (what != LIST_ALL && path_is_held (path) != (what == LIST_HELD))
        continue;
      g_ptr_array_add (paths, g_steal_pointer (&path));
    }
  g_ptr_array_sort (paths, compare_paths);
  return paths;
}

char *
_gloss_journal_sha256_of_file (GFile   *file,
                               GError **error)
{
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, error);

  if (bytes == NULL)
    return NULL;
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}


/**
 * gloss_journal_is_held:
 * @file: a .gloss file
 *
 * Returns: whether a window (of this process or another) holds the
 *   journal of the document saved as @file, that is, has it open
 */
gboolean
gloss_journal_is_held (GFile *file)
{
  g_autofree char *key = NULL;
  g_autoptr(GPtrArray) held = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  key = _gloss_journal_identity_key (file, NULL);
  held = list_journals (key, LIST_HELD);
  return held->len > 0;
}

/**
 * gloss_journal_find:
 * @file: (nullable): a .gloss file
 * @source: (nullable): with @file %NULL: the article an unsaved document
 *   was read from (%NULL for one read from nowhere)
 *
 * The one way to find the journal a crash (or a kill, or a recovery put
 * off) left behind for a document: the oldest journal of the document
 * saved as @file (or of the unsaved article from @source) that no window
 * holds. Journals are keyed by the document's identity, never by its
 * text.
 *
 * Returns: (transfer full) (nullable): the leftover journal, if any
 */
GFile *
gloss_journal_find (GFile *file,
                    GFile *source)
{
  g_autofree char *key = NULL;
  g_autoptr(GPtrArray) leftovers = NULL;

  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);
  g_return_val_if_fail (source == NULL || G_IS_FILE (source), NULL);

  gloss_journal_prune_discarded ();
  key = _gloss_journal_identity_key (file, source);
  leftovers = list_journals (key, LIST_LEFTOVERS);
  if (leftovers->len == 0)
    return NULL;
  return g_file_new_for_path (g_ptr_array_index (leftovers, 0));
}

/**
 * gloss_journal_delete:
 *
 * Deletes a leftover journal (one with no edits in it).
 *
 * Returns: %FALSE if @journal_file exists and cannot be deleted
 */
gboolean
gloss_journal_delete (GFile   *journal_file,
                      GError **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (journal_file), FALSE);

  if (g_file_delete (journal_file, NULL, &local_error) ||
      g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE;
  g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_IO,
               _("cannot delete the journal: %s"), local_error->message);
  return FALSE;
}

static char *
discarded_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "gloss", "journal", "discarded", NULL);
}

/**
 * gloss_journal_set_aside:
 * @journal_file: a leftover journal the user chose not to recover
 *
 * Moves @journal_file into the `discarded` folder next to the journals,
 * from where it is deleted after %GLOSS_JOURNAL_DISCARDED_DAYS days.
 *
 * Returns: %FALSE if it cannot be moved
 */
gboolean
gloss_journal_set_aside (GFile   *journal_file,
                         GError **error)
{
  g_autofree char *dir = discarded_dir ();
  g_autofree char *path = g_file_get_path (journal_file);
  g_autofree char *base = NULL;
  g_autofree char *target = NULL;
  int saved_errno;

  g_return_val_if_fail (G_IS_FILE (journal_file), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  base = g_path_get_basename (path);
  target = g_build_filename (dir, base, NULL);
  if (g_mkdir_with_parents (dir, 0700) < 0 || g_rename (path, target) < 0)
    {
      saved_errno = errno;
      g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_IO,
                   _("cannot move the journal to %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  /* The week starts now, not when the edits were made. */
  g_utime (target, NULL);
  gloss_journal_prune_discarded ();
  return TRUE;
}

/**
 * gloss_journal_prune_discarded:
 *
 * Deletes the discarded journals set aside more than
 * %GLOSS_JOURNAL_DISCARDED_DAYS days ago.
 */
void
gloss_journal_prune_discarded (void)
{
  g_autofree char *dir_path = discarded_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  gint64 limit = g_get_real_time () / G_USEC_PER_SEC - GLOSS_JOURNAL_DISCARDED_DAYS * 24 * 3600;
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      GStatBuf st;

      if (g_str_has_suffix (name, ".jsonl") && g_stat (path, &st) == 0 && S_ISREG (st.st_mode) &&
          (gint64) st.st_mtime < limit)
        g_unlink (path);
    }
}
