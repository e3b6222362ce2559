/* gloss-format-stream.c: an export written one document at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gloss-cli export of a corpus reads, writes and lets go of one document
 * after another, so memory stays flat however many there are. The bytes
 * of each document come from the format's export_chunk (a JSON array's
 * element and its comma, a CSV's rows), or, for a format of one
 * self-contained chunk a document (JSON Lines, CoNLL), from its export of
 * that document alone. The first document is held back until a second
 * comes or the export ends: W3C writes one document as an object and
 * several as an array.
 */
#include "config.h"

#include "gloss-format-stream.h"

struct _GlossFormatStream
{
  const GlossFormat  *format;
  GlossFormatOptions  options;
  GlossStore         *first;   /* held back: is it the only one? */
  guint               n;       /* documents written */
};

/**
 * gloss_format_streams:
 * @format: a format
 *
 * Returns: whether @format can be written one document at a time
 *   (gloss_format_stream_new())
 */
gboolean
gloss_format_streams (const GlossFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  return format->streams && format->export != NULL;
}

/**
 * gloss_format_stream_new:
 * @format: a format for which gloss_format_streams() is %TRUE
 * @options: (transfer none): the export's options, kept (with their
 *   report) until gloss_format_stream_free(); progress is the caller's
 *
 * Returns: (transfer full): a stream to give the documents to, in order
 */
GlossFormatStream *
gloss_format_stream_new (const GlossFormat        *format,
                         const GlossFormatOptions *options)
{
  GlossFormatStream *stream;

  g_return_val_if_fail (gloss_format_streams (format), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  stream = g_new0 (GlossFormatStream, 1);
  stream->format = format;
  stream->options = *options;
  stream->options.progress = NULL;
  return stream;
}

static gboolean
write_one (GlossFormatStream  *stream,
           GlossStore         *store,
           gboolean            several,
           GString            *out,
           GError            **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_ptr_array_add (one, store);
  if (stream->format->export_chunk == NULL)
    {
      g_autoptr(GBytes) bytes = gloss_format_export (stream->format, one, &stream->options, error);
      gsize size;
      gconstpointer data;

      if (bytes == NULL)
        return FALSE;
      data = g_bytes_get_data (bytes, &size);
      g_string_append_len (out, data, size);
    }
  else
    {
      if (stream->options.report != NULL)
        gloss_format_report_count_store (stream->options.report, store, stream->format->carries);
      stream->format->export_chunk (store, stream->n, several, &stream->options, out);
    }
  stream->n++;
  return TRUE;
}

/**
 * gloss_format_stream_add:
 * @stream: a stream
 * @store: the next document; @stream may keep a reference until the next
 *   call
 * @error: return location for a #GLOSS_FORMAT_ERROR
 *
 * Returns: (transfer full) (nullable): the bytes to write next (possibly
 *   none), or %NULL on error
 */
GBytes *
gloss_format_stream_add (GlossFormatStream  *stream,
                         GlossStore         *store,
                         GError            **error)
{
  GString *out;

  g_return_val_if_fail (stream != NULL, NULL);
  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);

  out = g_string_new (NULL);
  if (stream->n == 0 && stream->first == NULL)
    {
      stream->first = g_object_ref (store);
      return g_string_free_to_bytes (out);
    }
  if (stream->first != NULL)
    {
      g_autoptr(GlossStore) first = g_steal_pointer (&stream->first);

      if (!write_one (stream, first, TRUE, out, error))
        {
          g_string_free (out, TRUE);
          return NULL;
        }
    }
  if (!write_one (stream, store, TRUE, out, error))
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free_to_bytes (out);
}

/**
 * gloss_format_stream_end:
 * @stream: a stream
 * @error: return location for a #GLOSS_FORMAT_ERROR
 *
 * Returns: (transfer full) (nullable): the last bytes to write, or %NULL
 *   on error
 */
GBytes *
gloss_format_stream_end (GlossFormatStream  *stream,
                         GError            **error)
{
  GString *out;

  g_return_val_if_fail (stream != NULL, NULL);

  out = g_string_new (NULL);
  if (stream->first != NULL)
    {
      g_autoptr(GlossStore) first = g_steal_pointer (&stream->first);

      if (!write_one (stream, first, FALSE, out, error))
        {
          g_string_free (out, TRUE);
          return NULL;
        }
    }
  if (stream->format->export_end != NULL)
    stream->format->export_end (stream->n, &stream->options, out);
  return g_string_free_to_bytes (out);
}

void
gloss_format_stream_free (GlossFormatStream *stream)
{
  if (stream == NULL)
    return;
  g_clear_object (&stream->first);
  g_free (stream);
}
