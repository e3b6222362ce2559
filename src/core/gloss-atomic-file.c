/* gloss-atomic-file.c: replace a file so that a failure leaves it as it was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * g_file_replace_contents() is not enough: when its write fails, GLib
 * still closes the stream, which renames the partial temporary file over
 * the target. Here the temporary file is ours (O_EXCL, in the target's
 * folder, so the rename stays on one filesystem); it is renamed only after
 * every byte was written and fsync'ed, and removed on any error.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gloss-atomic-file.h"

struct _GlossAtomicFile
{
  GFile    *file;
  char     *name;       /* for messages, as GIO names @file */
  char     *path;       /* the target, symbolic links resolved */
  char     *folder;
  char     *tmp_path;   /* NULL once renamed or removed */
  char     *backup;     /* the replaced file, kept by commit_keeping */
  int       fd;         /* -1 once closed */
  gboolean  overwrite;
  gboolean  is_new;
  gboolean  synced;
  guint     number;     /* of this write in the process, for the test hook */
  guint64   written;
};

/* The test hook: GLOSS_TEST_WRITE_FAILURE=ERRNO[:AFTER[:NTH]] makes the
 * NTH atomic write of the process (every one when 0 or absent) fail with
 * ERRNO (ENOSPC, EIO, EDQUOT, EACCES or EROFS) once AFTER bytes are
 * written (0 when absent), or at its fsync when AFTER is "fsync". Unset,
 * it costs one getenv per write. */
typedef struct
{
  int      errnum;
  gboolean at_sync;
  guint64  after;
  guint    nth;
} FailurePlan;

static guint n_begun;

static gboolean
failure_plan (const GlossAtomicFile *self,
              FailurePlan           *plan)
{
  static const struct { const char *name; int errnum; } names[] = {
    { "ENOSPC", ENOSPC }, { "EIO", EIO }, { "EDQUOT", EDQUOT },
    { "EACCES", EACCES }, { "EROFS", EROFS },
  };
  const char *spec = g_getenv ("GLOSS_TEST_WRITE_FAILURE");
  g_auto(GStrv) parts = NULL;

  if (spec == NULL || *spec == '\0')
    return FALSE;

  parts = g_strsplit (spec, ":", 3);
  *plan = (FailurePlan) { 0 };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (parts[0], names[i].name) == 0)
      plan->errnum = names[i].errnum;
  if (plan->errnum == 0)
    return FALSE;
  if (parts[1] != NULL && g_str_equal (parts[1], "fsync"))
    plan->at_sync = TRUE;
  else if (parts[1] != NULL)
    plan->after = g_ascii_strtoull (parts[1], NULL, 10);
  if (parts[1] != NULL && parts[2] != NULL)
    plan->nth = (guint) g_ascii_strtoull (parts[2], NULL, 10);

  return plan->nth == 0 || plan->nth == self->number;
}

static void
set_errno_error (GError     **error,
                 int          errnum,
                 const char  *format,
                 ...) G_GNUC_PRINTF (3, 4);

static void
set_errno_error (GError     **error,
                 int          errnum,
                 const char  *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (errnum), message);
}

/* Says that nothing was lost, since that is what the reader wonders. */
static const char *
outcome (GlossAtomicFile *self)
{
  return self->is_new ? _("nothing was written") : _("the file is unchanged");
}

static void
remove_temporary (GlossAtomicFile *self)
{
  if (self->fd >= 0)
    {
      close (self->fd);
      self->fd = -1;
    }
  if (self->tmp_path != NULL)
    {
      g_unlink (self->tmp_path);
      g_clear_pointer (&self->tmp_path, g_free);
    }
}

static void
atomic_file_free (GlossAtomicFile *self)
{
  remove_temporary (self);
  g_clear_object (&self->file);
  g_free (self->name);
  g_free (self->path);
  g_free (self->folder);
  g_free (self->backup);
  g_free (self);
}

/* A symbolic link stays a link: the file it points at is replaced. */
static char *
resolve_target (const char *path)
{
  GStatBuf st;
  char *real;

  if (g_lstat (path, &st) != 0 || !S_ISLNK (st.st_mode))
    return g_strdup (path);

  real = realpath (path, NULL);
  if (real == NULL)
    return g_strdup (path);   /* dangling: the link is replaced */
  {
    char *copy = g_strdup (real);

    free (real);
    return copy;
  }
}

/**
 * gloss_atomic_file_begin:
 * @file: the file to write (a local file)
 * @overwrite: whether an existing @file may be replaced
 * @error: return location for a #G_IO_ERROR whose message names @file
 *
 * Creates the temporary file next to @file, with @file's permissions
 * (or 0666 less the umask for a new file).
 *
 * Returns: (transfer full) (nullable): the file being written
 */
GlossAtomicFile *
gloss_atomic_file_begin (GFile     *file,
                         gboolean   overwrite,
                         GError   **error)
{
  g_autoptr(GlossAtomicFile) self = NULL;
  g_autofree char *path = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmpl = NULL;
  GStatBuf st;
  int saved_errno;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (GlossAtomicFile, 1);
  self->file = g_object_ref (file);
  self->name = g_file_get_parse_name (file);
  self->fd = -1;
  self->overwrite = overwrite;
  self->number = ++n_begun;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s: cannot write: not a local file"), self->name);
      return NULL;
    }
  self->path = resolve_target (path);
  self->folder = g_path_get_dirname (self->path);
  base = g_path_get_basename (self->path);

  if (g_stat (self->path, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                       _("%s: is a folder; give a file name"), self->name);
          return NULL;
        }
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                       _("%s: cannot write: not a regular file"), self->name);
          return NULL;
        }
      if (!overwrite)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("%s: the file exists"), self->name);
          return NULL;
        }
    }
  else if (errno == ENOENT || errno == ENOTDIR)
    self->is_new = TRUE;
  else
    {
      saved_errno = errno;
      set_errno_error (error, saved_errno, _("%s: cannot write: %s"), self->name, g_strerror (saved_errno));
      return NULL;
    }

  tmpl = g_strdup_printf ("%s" G_DIR_SEPARATOR_S ".%s.XXXXXX", self->folder, base);
  self->fd = g_mkstemp_full (tmpl, O_WRONLY | O_CLOEXEC, self->is_new ? 0666 : 0600);
  if (self->fd < 0)
    {
      saved_errno = errno;
      if (saved_errno == ENOENT || saved_errno == ENOTDIR)
        set_errno_error (error, saved_errno, _("%s: cannot write: the folder %s does not exist"),
                         self->name, self->folder);
      else
        set_errno_error (error, saved_errno, _("%s: cannot write: cannot create a file in %s: %s"),
                         self->name, self->folder, g_strerror (saved_errno));
      return NULL;
    }
  self->tmp_path = g_steal_pointer (&tmpl);

  if (!self->is_new)
    {
      /* The new file takes the old one's place, so it takes its mode and,
       * where we may, its owner. */
      if (fchmod (self->fd, st.st_mode & 07777) != 0)
        {
          saved_errno = errno;
          set_errno_error (error, saved_errno, _("%s: cannot write: %s; %s"),
                           self->name, g_strerror (saved_errno), outcome (self));
          return NULL;
        }
      if ((st.st_uid != geteuid () || st.st_gid != getegid ()) &&
          fchown (self->fd, st.st_uid, st.st_gid) != 0)
        g_debug ("%s: the new file keeps our owner: %s", self->name, g_strerror (errno));
    }

  return g_steal_pointer (&self);
}

/**
 * gloss_atomic_file_write:
 * @self: a file from gloss_atomic_file_begin()
 * @data: (array length=size): bytes to append
 * @size: their number
 *
 * Returns: %TRUE when every byte was written
 */
gboolean
gloss_atomic_file_write (GlossAtomicFile  *self,
                         const void       *data,
                         gsize             size,
                         GError          **error)
{
  const char *p = data;
  FailurePlan plan;
  gboolean inject;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->fd >= 0, FALSE);

  inject = failure_plan (self, &plan) && !plan.at_sync;

  while (size > 0)
    {
      gsize chunk = MIN (size, (gsize) G_MAXSSIZE);
      gssize n;

      if (inject && self->written + chunk > plan.after)
        {
          /* Like a filling disk: what fits, then the error. */
          chunk = plan.after > self->written ? plan.after - self->written : 0;
          if (chunk == 0)
            {
              errno = plan.errnum;
              n = -1;
            }
          else
            n = write (self->fd, p, chunk);
        }
      else
        n = write (self->fd, p, chunk);

      if (n < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;
          set_errno_error (error, saved_errno, _("%s: cannot write: %s; %s"),
                           self->name, g_strerror (saved_errno), outcome (self));
          remove_temporary (self);
          return FALSE;
        }

      p += n;
      size -= n;
      self->written += n;
    }

  return TRUE;
}

/**
 * gloss_atomic_file_sync:
 * @self: a file from gloss_atomic_file_begin()
 *
 * Returns: %TRUE when the data is on the disk
 */
gboolean
gloss_atomic_file_sync (GlossAtomicFile  *self,
                        GError          **error)
{
  FailurePlan plan;
  int status;
  int saved_errno;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->synced)
    return TRUE;
  g_return_val_if_fail (self->fd >= 0, FALSE);

  if (failure_plan (self, &plan) && plan.at_sync)
    {
      errno = plan.errnum;
      status = -1;
    }
  else
    {
      do
        status = fsync (self->fd);
      while (status != 0 && errno == EINTR);
    }

  if (status == 0)
    {
      /* close() can report a delayed write error (NFS); then it failed. */
      status = close (self->fd);
      self->fd = -1;
    }

  if (status != 0)
    {
      saved_errno = errno;
      set_errno_error (error, saved_errno, _("%s: cannot write: %s; %s"),
                       self->name, g_strerror (saved_errno), outcome (self));
      remove_temporary (self);
      return FALSE;
    }

  self->synced = TRUE;
  return TRUE;
}

static void
sync_folder (const char *folder)
{
  int fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return;
  /* The rename is done: the new file is in place either way, so a folder
   * that cannot be synced (some filesystems refuse) is not an error. */
  while (fsync (fd) != 0 && errno == EINTR)
    ;
  close (fd);
}

/**
 * gloss_atomic_file_commit:
 * @self: a file from gloss_atomic_file_begin()
 *
 * Returns: %TRUE when the target holds the new content; on %FALSE the
 *   target is as it was
 */
gboolean
gloss_atomic_file_commit (GlossAtomicFile  *self,
                          GError          **error)
{
  int saved_errno;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->tmp_path != NULL, FALSE);

  if (!gloss_atomic_file_sync (self, error))
    return FALSE;

  if (self->overwrite)
    {
      if (g_rename (self->tmp_path, self->path) != 0)
        {
          saved_errno = errno;
          set_errno_error (error, saved_errno, _("%s: cannot write: %s; %s"),
                           self->name, g_strerror (saved_errno), outcome (self));
          remove_temporary (self);
          return FALSE;
        }
    }
  else
    {
      /* link() fails if the target appeared since begin: no race with
       * another writer. Filesystems without hard links get a rename
       * after a last look. */
      if (link (self->tmp_path, self->path) != 0)
        {
          saved_errno = errno;
          if (saved_errno == EEXIST ||
              (saved_errno != EPERM && saved_errno != ENOTSUP && saved_errno != EOPNOTSUPP &&
               saved_errno != EMLINK && saved_errno != ENOSYS) ||
              g_file_test (self->path, G_FILE_TEST_EXISTS) ||
              g_rename (self->tmp_path, self->path) != 0)
            {
              if (saved_errno == EEXIST || g_file_test (self->path, G_FILE_TEST_EXISTS))
                g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                             _("%s: the file exists"), self->name);
              else
                set_errno_error (error, saved_errno, _("%s: cannot write: %s; %s"),
                                 self->name, g_strerror (saved_errno), outcome (self));
              remove_temporary (self);
              return FALSE;
            }
        }
      else
        g_unlink (self->tmp_path);
    }

  g_clear_pointer (&self->tmp_path, g_free);
  sync_folder (self->folder);
  return TRUE;
}

/* A hidden name beside the target for the file it replaces: the
 * temporary file's own name (unique, ours) with a tilde. */
static gboolean
keep_old (GlossAtomicFile  *self,
          GError          **error)
{
  g_autofree char *backup = g_strconcat (self->tmp_path, "~", NULL);
  int saved_errno;

  if (self->is_new || !self->overwrite)
    return TRUE;
  /* A link keeps the old file in place until the rename; where hard
   * links are not supported, a regular file is moved aside instead. */
  if (link (self->path, backup) != 0)
    {
      gboolean no_links;

      saved_errno = errno;
      no_links = (saved_errno == EPERM || saved_errno == ENOTSUP || saved_errno == EOPNOTSUPP ||
                  saved_errno == EMLINK || saved_errno == ENOSYS) &&
                 g_file_test (self->path, G_FILE_TEST_IS_REGULAR);
      if (no_links && g_rename (self->path, backup) == 0)
        {
          self->backup = g_steal_pointer (&backup);
          return TRUE;
        }
      if (no_links)
        saved_errno = errno;
      set_errno_error (error, saved_errno, _("%s: cannot write: cannot keep the old file: %s; %s"),
                       self->name, g_strerror (saved_errno), outcome (self));
      remove_temporary (self);
      return FALSE;
    }
  self->backup = g_steal_pointer (&backup);
  return TRUE;
}

/**
 * gloss_atomic_file_commit_keeping:
 * @self: a file from gloss_atomic_file_begin()
 *
 * Like gloss_atomic_file_commit(), but the file it replaces is kept under
 * a hidden name beside it until gloss_atomic_file_roll_back() puts it
 * back or gloss_atomic_file_drop_backup() removes it: what writing
 * several files all or nothing needs.
 *
 * Returns: %TRUE when the target holds the new content; on %FALSE the
 *   target is as it was
 */
gboolean
gloss_atomic_file_commit_keeping (GlossAtomicFile  *self,
                                  GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->tmp_path != NULL, FALSE);

  if (!gloss_atomic_file_sync (self, error) || !keep_old (self, error))
    return FALSE;
  if (gloss_atomic_file_commit (self, error))
    return TRUE;
  /* Moved aside (no hard links): back in place. */
  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    g_rename (self->backup, self->path);
  gloss_atomic_file_drop_backup (self);
  return FALSE;
}

/**
 * gloss_atomic_file_roll_back:
 * @self: a file committed by gloss_atomic_file_commit_keeping()
 *
 * Puts the replaced file back in place, or removes the target when it
 * did not exist before.
 *
 * Returns: %TRUE when the target is as it was before the commit
 */
gboolean
gloss_atomic_file_roll_back (GlossAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->backup == NULL)
    return g_unlink (self->path) == 0;
  if (g_rename (self->backup, self->path) != 0)
    {
      g_warning ("%s: the old file could not be put back; it is kept as %s: %s",
                 self->name, self->backup, g_strerror (errno));
      return FALSE;
    }
  g_clear_pointer (&self->backup, g_free);
  sync_folder (self->folder);
  return TRUE;
}

/**
 * gloss_atomic_file_drop_backup:
 * @self: a file committed by gloss_atomic_file_commit_keeping()
 *
 * Removes the replaced file kept by the commit.
 */
void
gloss_atomic_file_drop_backup (GlossAtomicFile *self)
{
  g_return_if_fail (self != NULL);

  if (self->backup != NULL)
    g_unlink (self->backup);
  g_clear_pointer (&self->backup, g_free);
}

/**
 * gloss_atomic_file_abort:
 * @self: (transfer full): a file from gloss_atomic_file_begin()
 */
void
gloss_atomic_file_abort (GlossAtomicFile *self)
{
  if (self != NULL)
    atomic_file_free (self);
}

gboolean
gloss_atomic_file_is_new (GlossAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->is_new;
}

/**
 * gloss_atomic_file_get_file:
 *
 * Returns: (transfer none): the target
 */
GFile *
gloss_atomic_file_get_file (GlossAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->file;
}

/**
 * gloss_atomic_file_replace:
 * @file: the file to write
 * @data: (array length=size): its whole content
 * @size: the number of bytes
 * @overwrite: whether an existing @file may be replaced
 * @error: return location for a #G_IO_ERROR whose message names @file
 *
 * Returns: %TRUE on success; on failure @file is byte for byte as it was
 *   (or still absent) and no temporary file is left
 */
gboolean
gloss_atomic_file_replace (GFile       *file,
                           const void  *data,
                           gsize        size,
                           gboolean     overwrite,
                           GError     **error)
{
  g_autoptr(GlossAtomicFile) self = gloss_atomic_file_begin (file, overwrite, error);

  return self != NULL &&
         gloss_atomic_file_write (self, data, size, error) &&
         gloss_atomic_file_commit (self, error);
}
