/* gloss-format-lines.c: the lines of a JSON Lines input, from its bytes or
 * read from a file a piece at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From a file, only the line at hand (and what was read past it) is held,
 * so a corpus of any size is imported in the memory of one record; a line
 * may be as long as the input size limit. Until the caller lets go of the
 * start (the first record read), everything is kept: a file that turns
 * out to be one JSON value over many lines is then read whole.
 */
#include "config.h"

#include <string.h>

#include "gloss-error.h"
#include "gloss-format-private.h"
#include "gloss-input-file.h"

#define CHUNK (256 * 1024)

void
_gloss_lines_init_bytes (GlossLines *lines,
                         GBytes     *input)
{
  gsize size;
  const char *data = g_bytes_get_data (input, &size);

  *lines = (GlossLines) { .data = data != NULL ? data : "", .size = size, .fd = -1, .eof = TRUE, .total = size };
  /* A UTF-8 byte order mark is common in files from Windows tools. */
  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    lines->pos = 3;
}

void
_gloss_lines_init_fd (GlossLines *lines,
                      int         fd,
                      guint64     total,
                      const char *where)
{
  *lines = (GlossLines) {
    .data = "", .fd = fd, .total = total, .keep = TRUE, .where = where,
    .buffer = g_byte_array_new (),
  };
}

void
_gloss_lines_clear (GlossLines *lines)
{
  g_clear_pointer (&lines->buffer, g_byte_array_unref);
}

/* Appends the next piece of the file; FALSE on error. */
static gboolean
read_more (GlossLines  *lines,
           GError     **error)
{
  guint old = lines->buffer->len;
  gboolean at_start = lines->done == 0 && old == 0;
  gssize n;

  if ((guint64) old > gloss_input_get_max_size ())
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO,
                   "%s:%u: a record of more than the input size limit (%" G_GUINT64_FORMAT " bytes)",
                   lines->where, lines->line + 1, gloss_input_get_max_size ());
      return FALSE;
    }
  g_byte_array_set_size (lines->buffer, old + CHUNK);
  n = gloss_input_read (lines->fd, lines->buffer->data + old, CHUNK, lines->where, error);
  g_byte_array_set_size (lines->buffer, old + MAX (n, 0));
  if (n < 0)
    return FALSE;
  lines->eof = n == 0;
  lines->data = (const char *) lines->buffer->data;
  lines->size = lines->buffer->len;
  if (at_start && lines->size >= 3 && memcmp (lines->data, "\xef\xbb\xbf", 3) == 0)
    lines->pos = 3;
  return TRUE;
}

/* Drops what is before the next line, unless it is kept. */
static void
compact (GlossLines *lines)
{
  if (lines->keep || lines->pos == 0)
    return;
  g_byte_array_remove_range (lines->buffer, 0, lines->pos);
  lines->done += lines->pos;
  lines->data_line = lines->line;
  lines->pos = 0;
  lines->data = (const char *) lines->buffer->data;
  lines->size = lines->buffer->len;
}

/**
 * _gloss_lines_next:
 * @start: (out): where the line starts in @lines->data
 * @length: (out): its length, without the "\n" (a "\r" before it stays)
 *
 * Returns: %TRUE with the next line; %FALSE at the end, or on error with
 *   @error set
 */
gboolean
_gloss_lines_next (GlossLines  *lines,
                   gsize       *start,
                   gsize       *length,
                   GError     **error)
{
  const char *nl;
  gsize scanned = 0;

  if (lines->fd >= 0)
    compact (lines);
  for (;;)
    {
      nl = lines->pos + scanned < lines->size
           ? memchr (lines->data + lines->pos + scanned, '\n', lines->size - lines->pos - scanned)
           : NULL;
      if (nl != NULL || lines->eof)
        break;
      scanned = lines->size - lines->pos;
      if (!read_more (lines, error))
        return FALSE;
    }
  if (lines->pos >= lines->size)
    return FALSE;

  *start = lines->pos;
  *length = nl != NULL ? (gsize) (nl - (lines->data + lines->pos)) : lines->size - lines->pos;
  lines->pos += *length + (nl != NULL ? 1 : 0);
  lines->line++;
  return TRUE;
}

/**
 * _gloss_lines_read_rest:
 *
 * Reads the rest of the file, for an input that is one JSON value.
 *
 * Returns: %FALSE on error
 */
gboolean
_gloss_lines_read_rest (GlossLines  *lines,
                        GError     **error)
{
  while (!lines->eof)
    if (!read_more (lines, error))
      return FALSE;
  return TRUE;
}
