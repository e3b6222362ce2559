/* gloss-input-file.c: read a whole input file, only a regular one, only so large
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * g_file_load_contents() reads /dev/zero or a 4 GB file until memory runs
 * out, and blocks forever on a fifo. Every reader of the core comes here
 * instead: the file is opened without blocking, must be a regular file,
 * and its size is checked against the limit before a byte is read.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gloss-input-file.h"

static guint64 max_size = GLOSS_INPUT_DEFAULT_MAX_SIZE;
static char *raise_hint;

/**
 * gloss_input_set_max_size:
 * @size: the largest input, in bytes, that readers accept
 * @how_to_raise: (nullable): appended to the message of a refused file,
 *   such as "use --max-size to raise it"
 *
 * Sets the limit for the whole process.
 */
void
gloss_input_set_max_size (guint64     size,
                          const char *how_to_raise)
{
  max_size = size;
  g_free (raise_hint);
  raise_hint = g_strdup (how_to_raise);
}

guint64
gloss_input_get_max_size (void)
{
  return max_size;
}

static const char *
kind_of (mode_t mode)
{
  if (S_ISFIFO (mode))
    return _("a pipe (fifo)");
  if (S_ISCHR (mode))
    return _("a character device");
  if (S_ISBLK (mode))
    return _("a block device");
  if (S_ISSOCK (mode))
    return _("a socket");
  return _("not a regular file");
}

static gboolean
check_stat (const char    *name,
            const GStatBuf *st,
            GError       **error)
{
  if (S_ISDIR (st->st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("%s: is a folder, not a file"), name);
      return FALSE;
    }
  if (!S_ISREG (st->st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("%s: %s; Gloss reads only regular files"), name, kind_of (st->st_mode));
      return FALSE;
    }
  return TRUE;
}

static void
set_too_large (GError     **error,
               const char  *name,
               guint64      size,
               gboolean     at_least)
{
  g_autofree char *shown = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
  g_autofree char *limit = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
               "%s: the file is %s%s (%" G_GUINT64_FORMAT " bytes), larger than the limit of %s%s%s",
               name, at_least ? "more than " : "", shown, size, limit,
               raise_hint != NULL ? "; " : "", raise_hint != NULL ? raise_hint : "");
}

static void
set_errno_error (GError     **error,
                 int          errnum,
                 const char  *name)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errnum),
               _("%s: cannot read: %s"), name, g_strerror (errnum));
}

/**
 * gloss_input_file_query:
 * @file: an input file
 * @size: (out): its size in bytes
 * @error: return location for a #G_IO_ERROR whose message names @file
 *
 * Checks, without reading it, that @file is a regular file no larger than
 * the limit, so that a caller can ask before loading a large one.
 *
 * Returns: %TRUE if gloss_input_file_load() would read it
 */
gboolean
gloss_input_file_query (GFile    *file,
                        guint64  *size,
                        GError  **error)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  GStatBuf st;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_parse_name (file);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s: cannot read: not a local file"), name);
      return FALSE;
    }
  if (g_stat (path, &st) != 0)
    {
      set_errno_error (error, errno, name);
      return FALSE;
    }
  if (!check_stat (name, &st, error))
    return FALSE;
  *size = st.st_size;
  if ((guint64) st.st_size > max_size)
    {
      set_too_large (error, name, st.st_size, FALSE);
      return FALSE;
    }
  return TRUE;
}

/**
 * gloss_input_read:
 * @fd: an open file descriptor (it may be non-blocking)
 * @buffer: where to read
 * @size: at most this many bytes
 * @name: the input, for messages
 * @error: return location for a #G_IO_ERROR
 *
 * Returns: the number of bytes read, 0 at the end, -1 on error
 */
gssize
gloss_input_read (int          fd,
                  void        *buffer,
                  gsize        size,
                  const char  *name,
                  GError     **error)
{
  for (;;)
    {
      gssize n = read (fd, buffer, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0 && errno == EAGAIN)
        {
          /* Standard input left non-blocking by someone else: wait. */
          GPollFD pfd = { fd, G_IO_IN | G_IO_HUP | G_IO_ERR, 0 };

          g_poll (&pfd, 1, -1);
          continue;
        }
      if (n < 0)
        set_errno_error (error, errno, name);
      return n;
    }
}

/* Reads @fd to its end, refusing more than the limit. @expected is a
 * first guess of the size. */
static GBytes *
read_all (int          fd,
          const char  *name,
          guint64      expected,
          GError     **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_sized_new ((guint) MIN (expected + 1, (guint64) G_MAXUINT));

  for (;;)
    {
      guint8 chunk[65536];
      gssize n = gloss_input_read (fd, chunk, sizeof chunk, name, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if ((guint64) buffer->len + n > max_size)
        {
          set_too_large (error, name, max_size, TRUE);
          return NULL;
        }
      g_byte_array_append (buffer, chunk, n);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/* Opens the local file @path if it is a regular file within the size
 * limit; -1 otherwise. */
static int
open_regular (const char  *path,
              const char  *name,
              GStatBuf    *st,
              GError     **error)
{
  /* O_NONBLOCK: opening a fifo must not wait for a writer. */
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);

  if (fd < 0)
    {
      set_errno_error (error, errno, name);
      return -1;
    }
  if (fstat (fd, st) != 0)
    {
      set_errno_error (error, errno, name);
      close (fd);
      return -1;
    }
  if (!check_stat (name, st, error))
    {
      close (fd);
      return -1;
    }
  if ((guint64) st->st_size > max_size)
    {
      set_too_large (error, name, st->st_size, FALSE);
      close (fd);
      return -1;
    }
  return fd;
}

/**
 * gloss_input_file_open:
 * @file: an input file on the local filesystem
 * @size: (out): its size in bytes
 * @error: return location for a #G_IO_ERROR whose message names @file
 *
 * Opens @file to be read a piece at a time (with gloss_input_read()). The
 * size limit holds all the same: it is the user's word on how large an
 * input may be, whatever a reader holds of it at once.
 *
 * Returns: a file descriptor to close, or -1 if @file is not a regular
 *   local file or cannot be opened
 */
int
gloss_input_file_open (GFile    *file,
                       guint64  *size,
                       GError  **error)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  GStatBuf st;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), -1);

  name = g_file_get_parse_name (file);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s: not a local file", name);
      return -1;
    }
  fd = open_regular (path, name, &st, error);
  if (fd >= 0)
    *size = st.st_size;
  return fd;
}

/**
 * gloss_input_file_load:
 * @file: an input file
 * @error: return location for a #G_IO_ERROR whose message names @file
 *
 * Returns: (transfer full) (nullable): the whole content of @file, or
 *   %NULL if it is not a regular file, is larger than the limit or
 *   cannot be read
 */
GBytes *
gloss_input_file_load (GFile   *file,
                       GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  GStatBuf st;
  GBytes *bytes;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autoptr(GError) local_error = NULL;

      /* Not on a local filesystem (a GVfs URI): no special files there. */
      bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
      if (bytes == NULL)
        g_set_error (error, G_IO_ERROR, local_error->code, _("%s: cannot read: %s"), name, local_error->message);
      else if (g_bytes_get_size (bytes) > max_size)
        {
          set_too_large (error, name, g_bytes_get_size (bytes), FALSE);
          g_clear_pointer (&bytes, g_bytes_unref);
        }
      return bytes;
    }

  fd = open_regular (path, name, &st, error);
  if (fd < 0)
    return NULL;

  bytes = read_all (fd, name, st.st_size, error);
  close (fd);
  return bytes;
}

/**
 * gloss_input_stream_load:
 * @fd: a file descriptor, such as standard input's
 * @name: what to call it in messages
 * @error: return location for a #G_IO_ERROR
 *
 * Reads @fd to its end, but no more than the limit.
 *
 * Returns: (transfer full) (nullable): what was read
 */
GBytes *
gloss_input_stream_load (int          fd,
                         const char  *name,
                         GError     **error)
{
  GStatBuf st;

  g_return_val_if_fail (fd >= 0, NULL);

  if (fstat (fd, &st) == 0 && S_ISDIR (st.st_mode))
    {
      check_stat (name, &st, error);
      return NULL;
    }
  return read_all (fd, name, S_ISREG (st.st_mode) ? (guint64) st.st_size : 65536, error);
}

/**
 * gloss_input_parse_size:
 * @str: a size such as "1048576", "500M" or "2G" (K, M, G, T: powers of 1024)
 * @size: (out): the number of bytes
 *
 * Returns: %TRUE if @str is a size
 */
gboolean
gloss_input_parse_size (const char *str,
                        guint64    *size)
{
  static const char units[] = "KMGT";
  guint64 value;
  char *end = NULL;

  g_return_val_if_fail (str != NULL, FALSE);

  if (!g_ascii_isdigit (*str))
    return FALSE;
  errno = 0;
  value = g_ascii_strtoull (str, &end, 10);
  if (errno != 0)
    return FALSE;
  if (*end != '\0')
    {
      const char *unit = strchr (units, g_ascii_toupper (*end));
      guint shift;

      if (unit == NULL || *unit == '\0' ||
          !(end[1] == '\0' || ((end[1] == 'B' || end[1] == 'b') && end[2] == '\0') ||
            (end[1] == 'i' && end[2] == 'B' && end[3] == '\0')))
        return FALSE;
      shift = 10 * (guint) (unit - units + 1);
      if (value > (G_MAXUINT64 >> shift))
        return FALSE;
      value <<= shift;
    }

  *size = value;
  return TRUE;
}
