/* gloss-text-feed.c: a document's text into a GtkTextBuffer, in slices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two costs make a large text block the window, and both are fixed here:
 *
 * - Pango lays out a paragraph as a whole, and its cost grows faster than
 *   the paragraph (a 1 MB line took a minute, a 50 MB one never ended). A
 *   paragraph longer than GLOSS_TEXT_FEED_LONG_PARAGRAPH code points is cut
 *   into pieces by putting a newline in the buffer where the document has a
 *   space: the buffer keeps exactly as many code points as the document, so
 *   every offset still means the same character. A tag gives those breaks
 *   the spacing of a wrapped line, not of a paragraph. A run without any
 *   space (say, a long line of CJK) stays one paragraph.
 * - Inserting 50 MB takes about a second: the first slice goes in at once
 *   (it holds the first screen), the rest from an idle at a priority above
 *   the text view's layout and below drawing, so frames and input go on.
 */
#include "config.h"

#include "gloss-text-feed.h"

#define SLICE_BYTES (512 * 1024)

struct _GlossTextFeed
{
  GtkTextBuffer     *buffer;
  GlossDocument     *document;
  GtkTextTag        *soft_break_tag;
  GlossTextFeedFunc  progress;
  gpointer           user_data;
  guint              idle_id;

  const char        *text;
  gsize              n_bytes;
  gsize              inserted;      /* bytes in the buffer */
  guint              inserted_cp;

  /* The scan runs ahead of the insertion, up to the end of the last
   * complete paragraph or piece. */
  gsize              pos;
  guint              pos_cp;
  gsize              piece_start;
  guint              piece_start_cp;
  guint              piece_length;  /* code points */
  gsize              space;         /* last space in the piece, or G_MAXSIZE */
  guint              space_cp;

  GArray            *breaks;        /* guint pairs: piece start, break (code points) */
  GString           *scratch;
};

/* Scans up to about @limit bytes; returns the end of what can be inserted. */
static gsize
scan (GlossTextFeed *self,
      gsize          limit)
{
  const guchar *text = (const guchar *) self->text;

  while (self->pos < limit)
    {
      guchar c = text[self->pos];

      if (c == '\n')
        {
          self->pos++;
          self->pos_cp++;
          self->piece_start = self->pos;
          self->piece_start_cp = self->pos_cp;
          self->piece_length = 0;
          self->space = G_MAXSIZE;
          continue;
        }

      if ((c & 0xc0) != 0x80)
        {
          self->piece_length++;
          if (c == ' ')
            {
              self->space = self->pos;
              self->space_cp = self->pos_cp;
            }
          self->pos_cp++;
        }
      self->pos++;

      if (self->piece_length > GLOSS_TEXT_FEED_LONG_PARAGRAPH && self->space != G_MAXSIZE)
        {
          guint pair[2] = { self->piece_start_cp, self->space_cp };

          g_array_append_vals (self->breaks, pair, 2);
          self->piece_length = self->pos_cp - (self->space_cp + 1);
          self->piece_start = self->space + 1;
          self->piece_start_cp = self->space_cp + 1;
          self->space = G_MAXSIZE;
        }
    }

  /* Hold back the open piece: a break may still fall inside it. It has no
   * space when it is the only thing scanned, and then nothing can. */
  if (self->pos == self->n_bytes || self->piece_start == self->inserted)
    return self->pos;
  return self->piece_start;
}

static void
insert_slice (GlossTextFeed *self)
{
  gsize limit = MIN (self->n_bytes, self->pos + SLICE_BYTES);
  gsize end;
  GtkTextIter iter, tag_start, tag_end;

  /* Never stop inside a character. */
  while (limit < self->n_bytes && (((const guchar *) self->text)[limit] & 0xc0) == 0x80)
    limit++;
  end = scan (self, limit);

  g_string_truncate (self->scratch, 0);
  g_string_append_len (self->scratch, self->text + self->inserted, end - self->inserted);

  /* Replace the spaces chosen as breaks. */
  if (self->breaks->len > 0)
    {
      char *p = self->scratch->str;
      guint cp = self->inserted_cp;

      for (guint i = 0; i < self->breaks->len; i += 2)
        {
          guint at = g_array_index (self->breaks, guint, i + 1);

          while (cp < at)
            {
              p = g_utf8_next_char (p);
              cp++;
            }
          g_assert (*p == ' ');
          *p = '\n';
        }
    }

  gtk_text_buffer_get_end_iter (self->buffer, &iter);
  gtk_text_buffer_insert (self->buffer, &iter, self->scratch->str, self->scratch->len);

  for (guint i = 0; i < self->breaks->len; i += 2)
    {
      gtk_text_buffer_get_iter_at_offset (self->buffer, &tag_start, g_array_index (self->breaks, guint, i));
      gtk_text_buffer_get_iter_at_offset (self->buffer, &tag_end, g_array_index (self->breaks, guint, i + 1) + 1);
      gtk_text_buffer_apply_tag (self->buffer, self->soft_break_tag, &tag_start, &tag_end);
    }
  g_array_set_size (self->breaks, 0);

  self->inserted_cp = end == self->pos ? self->pos_cp : self->piece_start_cp;
  self->inserted = end;
}

static gboolean
feed_cb (gpointer user_data)
{
  GlossTextFeed *self = user_data;
  gboolean more;

  insert_slice (self);
  more = self->inserted < self->n_bytes;
  if (!more)
    self->idle_id = 0;
  /* The callback may free the feed (the view drops it once the text is
   * in): nothing of self may be read after it. */
  if (self->progress != NULL)
    self->progress (self->user_data);
  return more ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

GlossTextFeed *
gloss_text_feed_start (GtkTextBuffer     *buffer,
                       GlossDocument     *document,
                       GtkTextTag        *soft_break_tag,
                       GlossTextFeedFunc  progress,
                       gpointer           user_data)
{
  GlossTextFeed *self;

  g_return_val_if_fail (GTK_IS_TEXT_BUFFER (buffer), NULL);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (GTK_IS_TEXT_TAG (soft_break_tag), NULL);

  self = g_new0 (GlossTextFeed, 1);
  self->buffer = g_object_ref (buffer);
  self->document = g_object_ref (document);
  self->soft_break_tag = g_object_ref (soft_break_tag);
  self->progress = progress;
  self->user_data = user_data;
  self->text = gloss_document_get_text (document);
  self->n_bytes = gloss_document_get_n_bytes (document);
  self->space = G_MAXSIZE;
  self->breaks = g_array_new (FALSE, FALSE, sizeof (guint));
  self->scratch = g_string_sized_new (SLICE_BYTES + 16);

  gtk_text_buffer_set_text (buffer, "", 0);
  insert_slice (self);
  if (self->inserted < self->n_bytes)
    {
      self->idle_id = g_idle_add_full (GTK_TEXT_VIEW_PRIORITY_VALIDATE - 1, feed_cb, self, NULL);
      g_source_set_name_by_id (self->idle_id, "[gloss] text feed");
    }
  return self;
}

gboolean
gloss_text_feed_is_done (GlossTextFeed *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->inserted == self->n_bytes;
}

double
gloss_text_feed_get_fraction (GlossTextFeed *self)
{
  g_return_val_if_fail (self != NULL, 1.);

  return self->n_bytes > 0 ? (double) self->inserted / self->n_bytes : 1.;
}

void
gloss_text_feed_finish (GlossTextFeed *self)
{
  g_return_if_fail (self != NULL);

  while (self->inserted < self->n_bytes)
    insert_slice (self);
  g_clear_handle_id (&self->idle_id, g_source_remove);
}

void
gloss_text_feed_free (GlossTextFeed *self)
{
  if (self == NULL)
    return;

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_object (&self->buffer);
  g_clear_object (&self->document);
  g_clear_object (&self->soft_break_tag);
  g_array_unref (self->breaks);
  g_string_free (self->scratch, TRUE);
  g_free (self);
}
