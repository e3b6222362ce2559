/* gloss-annotation-view-rects.c: where a range of the text is on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A range of code points is drawn as rectangles, one for each piece of
 * it that is contiguous on a display line. In a paragraph laid out left
 * to right only, that is one rectangle a line, from its first character
 * to its last. Right-to-left text (Arabic, Hebrew …) is reordered: the
 * first character of a range may be right of its last, and a range that
 * mixes directions may be in several pieces on one line. There every
 * character's place is asked and the touching ones joined; the test of
 * whether a paragraph needs that is a scan of its text, once a frame.
 */
#include "config.h"

#include <stdlib.h>

#include "gloss-annotation-view-private.h"

/* Characters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana,
 * N'Ko … and their presentation forms, the historic scripts of the SMP)
 * and the marks and controls that embed or override a direction. Wider
 * than the bidi class R/AL: a character caught here only costs time. */
static gboolean
is_right_to_left (gunichar c)
{
  return (c >= 0x0590 && c <= 0x08ff) ||
         (c >= 0xfb1d && c <= 0xfdff) ||
         (c >= 0xfe70 && c <= 0xfefe) ||
         (c >= 0x10800 && c <= 0x10fff) ||
         (c >= 0x1e800 && c <= 0x1efff) ||
         c == 0x200f ||
         (c >= 0x202a && c <= 0x202e) ||
         (c >= 0x2066 && c <= 0x2069);
}

/* Whether GTK lays @text (one paragraph) out in its logical order: it has
 * no right-to-left character, and a letter to make it left to right (a
 * paragraph without one takes its neighbours' direction). */
static gboolean
is_left_to_right_only (const char *text)
{
  gboolean letter = FALSE;
  const char *p = text;

  while (*p != '\0')
    {
      guchar byte = (guchar) *p;
      gunichar c;

      if (byte < 0x80)
        {
          letter |= g_ascii_isalpha (byte);
          p++;
          continue;
        }
      c = g_utf8_get_char (p);
      if (is_right_to_left (c))
        return FALSE;
      letter |= g_unichar_isalpha (c);
      p = g_utf8_next_char (p);
    }
  return letter;
}

void
_gloss_annotation_view_forget_directions (GlossAnnotationView *self)
{
  self->ltr_line = -1;
}

/* Whether the paragraph of @iter is laid out left to right only; the
 * answer for the last paragraph asked is kept until the text changes. */
static gboolean
paragraph_is_left_to_right (GlossAnnotationView *self,
                            const GtkTextIter   *iter)
{
  int line = gtk_text_iter_get_line (iter);
  GtkTextIter start = *iter, end = *iter;
  g_autofree char *text = NULL;

  if (line == self->ltr_line)
    return self->ltr_line_only;

  gtk_text_iter_set_line_offset (&start, 0);
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  text = gtk_text_iter_get_slice (&start, &end);
  self->ltr_line = line;
  self->ltr_line_only = is_left_to_right_only (text);
  return self->ltr_line_only;
}

/* [@from, @to) on one display line of a left-to-right paragraph: from the
 * left of the first character to the right of the last. */
static void
add_logical_rect (GlossAnnotationView *self,
                  const GtkTextIter   *from,
                  guint                to)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter last;
  GdkRectangle a, b;
  graphene_rect_t rect;
  int x0, x1;

  gtk_text_view_get_iter_location (view, from, &a);
  if ((guint) gtk_text_iter_get_offset (from) + 1 == to)
    b = a;
  else
    {
      gtk_text_buffer_get_iter_at_offset (get_buffer (self), &last, to - 1);
      gtk_text_view_get_iter_location (view, &last, &b);
    }

  x0 = MIN (a.x, b.x);
  x1 = MAX (a.x + a.width, b.x + b.width);
  graphene_rect_init (&rect, x0, a.y, MAX (x1 - x0, 1), a.height);
  g_array_append_val (self->rects, rect);
}

static int
compare_left (gconstpointer a,
              gconstpointer b)
{
  const graphene_rect_t *ra = a, *rb = b;

  return (ra->origin.x > rb->origin.x) - (ra->origin.x < rb->origin.x);
}

/* [@from, @to) on one display line of a paragraph with reordered text:
 * each character where it is drawn (a right-to-left one's location has a
 * negative width), the touching ones joined, left to right. */
static void
add_visual_rects (GlossAnnotationView *self,
                  const GtkTextIter   *from,
                  guint                to)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter iter = *from;
  guint first = self->rects->len, n, kept = 0;
  GdkRectangle location;
  graphene_rect_t *rects;

  for (guint pos = gtk_text_iter_get_offset (from); pos < to; pos++, gtk_text_iter_forward_char (&iter))
    {
      graphene_rect_t rect;

      gtk_text_view_get_iter_location (view, &iter, &location);
      if (location.width == 0)
        continue;
      graphene_rect_init (&rect, MIN (location.x, location.x + location.width), location.y,
                          ABS (location.width), location.height);
      g_array_append_val (self->rects, rect);
    }

  n = self->rects->len - first;
  if (n == 0)
    {
      /* Nothing with a width (combining marks alone): a hairline. */
      gtk_text_view_get_iter_location (view, from, &location);
      g_array_append_val (self->rects, GRAPHENE_RECT_INIT (location.x, location.y, 1, location.height));
      return;
    }

  rects = &g_array_index (self->rects, graphene_rect_t, first);
  qsort (rects, n, sizeof *rects, compare_left);
  for (guint i = 1; i < n; i++)
    {
      float right = rects[kept].origin.x + rects[kept].size.width;

      if (rects[i].origin.x <= right)
        rects[kept].size.width = MAX (right, rects[i].origin.x + rects[i].size.width) - rects[kept].origin.x;
      else
        rects[++kept] = rects[i];
    }
  g_array_set_size (self->rects, first + kept + 1);
}

void
_gloss_annotation_view_compute_rects (GlossAnnotationView *self,
                                      guint                start,
                                      guint                end)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter iter;
  guint pos = start;

  g_array_set_size (self->rects, 0);
  if (start >= end)
    return;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, start);
  while (pos < end)
    {
      GtkTextIter next = iter;
      guint seg_end;

      if (!gtk_text_view_forward_display_line (view, &next))
        gtk_text_buffer_get_end_iter (buffer, &next);
      seg_end = MIN ((guint) gtk_text_iter_get_offset (&next), end);
      if (seg_end <= pos)
        break;

      if (paragraph_is_left_to_right (self, &iter))
        add_logical_rect (self, &iter, seg_end);
      else
        add_visual_rects (self, &iter, seg_end);

      iter = next;
      pos = seg_end;
    }
}
