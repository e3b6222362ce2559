/* test-right-to-left.c: Arabic in an English article, tagged by a drag
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tester's finding: the tint of a mention of "ناحية هبهب" began in the
 * middle of "هبهب" at 100 % and covered the middle of the word only on
 * the second line of a mention that wraps at 200 %. Drawn right, the tint
 * covers the ink of the span's glyphs and no ink of the words around it.
 */
#include "config.h"

#include "gloss-window.h"
#include "ui-test-utils.h"

static GlossApplication *app;

#define PLACE "ناحية هبهب"

/* The place at many places in its lines, so that at 200 % one of them is
 * cut by the end of a line. */
static const char article[] =
  "Hubhub\n\n"
  "The sub-district of " PLACE " in Iraq. It lies north of Baqubah, and the people of "
  PLACE " farm dates. Roads from " PLACE " lead to Baghdad, and " PLACE " holds its "
  "market at dawn; the council of " PLACE " meets there. Orchards of " PLACE " line the "
  "river, a bridge joins " PLACE " to the road, the schools of " PLACE " teach in Arabic, "
  "the mosque of " PLACE " is old, and " PLACE " and " PLACE " are one.\n";

static gboolean
has_one_mention (gpointer data)
{
  return n_mentions (data) == 1;
}

/* The location of code point @offset, left to right (a right-to-left
 * character's has a negative width). */
static void
cell (GtkTextView  *view,
      guint         offset,
      GdkRectangle *rect)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, offset);
  gtk_text_view_get_iter_location (view, &iter, rect);
  if (rect->width < 0)
    {
      rect->x += rect->width;
      rect->width = -rect->width;
    }
}

/* The occurrence of PLACE on one display line (@wrapped FALSE) or on two. */
static guint
find_place (GlossStore  *store,
            GtkTextView *view,
            gboolean     wrapped)
{
  for (guint nth = 0;; nth++)
    {
      guint start = find_text (store, PLACE, nth);
      GdkRectangle a, b;

      g_assert_cmpuint (start, !=, G_MAXUINT);
      cell (view, start, &a);
      cell (view, text_end (PLACE, start) - 1, &b);
      if ((a.y != b.y) == wrapped)
        return start;
    }
}

/* On each display line of [@start, @end): the columns the view draws
 * differently from @plain (the tint and underline) are one run that
 * covers every column of ink of the span's glyphs in @plain and none of
 * the ink of the other characters of the line. */
static void
assert_tint_covers_glyphs (GlossAnnotationView *view,
                           const guchar        *plain,
                           const guchar        *tinted,
                           gsize                stride,
                           guint                start,
                           guint                end)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (view);
  int width = gtk_widget_get_width (GTK_WIDGET (view));
  guint pos = start, n_lines = 0;

  while (pos < end)
    {
      GtkTextIter line_start, line_end;
      GdkRectangle first;
      g_autofree gboolean *other = g_new0 (gboolean, width);
      int top, bottom, x, y, lo = width, hi = -1, tint_lo = width, tint_hi = -1, runs = 0;
      guint seg_end;

      gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &line_start, pos);
      line_end = line_start;
      gtk_text_view_backward_display_line_start (text_view, &line_start);
      gtk_text_view_forward_display_line_end (text_view, &line_end);
      seg_end = MIN ((guint) gtk_text_iter_get_offset (&line_end), end);
      cell (text_view, pos, &first);
      gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET, 0, first.y, &x, &top);
      bottom = top + first.height;

      /* The other characters of the line, where they are drawn. */
      for (guint i = gtk_text_iter_get_offset (&line_start); i < (guint) gtk_text_iter_get_offset (&line_end); i++)
        {
          GdkRectangle r;
          int x0;

          if (i >= start && i < end)
            continue;
          cell (text_view, i, &r);
          gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET, r.x, r.y, &x0, &y);
          for (int c = MAX (x0, 0); c < MIN (x0 + r.width, width); c++)
            other[c] = TRUE;
        }

      for (int c = 0; c < width; c++)
        {
          gboolean ink = FALSE;
          guint changed = 0;

          for (int row = MAX (top, 0); row < bottom; row++)
            {
              const guchar *p = plain + row * stride + c * 4;
              const guchar *t = tinted + row * stride + c * 4;

              /* The view draws on a transparent background. */
              ink |= p[3] > 160;
              if (ABS (p[0] - t[0]) + ABS (p[1] - t[1]) + ABS (p[2] - t[2]) + ABS (p[3] - t[3]) > 24)
                changed++;
            }
          if (changed >= 3)
            {
              if (tint_hi != c - 1)
                runs++;
              tint_lo = MIN (tint_lo, c);
              tint_hi = c;
            }
          if (!ink)
            continue;
          if (other[c])
            g_assert_cmpuint (changed, <, 3);   /* no tint on the words around */
          else
            {
              lo = MIN (lo, c);
              hi = MAX (hi, c);
            }
        }

      g_assert_cmpint (hi, >=, lo);             /* the span's glyphs have ink */
      g_assert_cmpint (runs, ==, 1);            /* one piece: one run of text */
      g_assert_cmpint (tint_lo, <=, lo);        /* from the left of their ink */
      g_assert_cmpint (tint_hi, >=, hi);        /* to the right of it */
      n_lines++;
      pos = seg_end;
    }
  g_assert_cmpuint (n_lines, >=, 1);
}

/* At @percent, an occurrence of the place (one cut by the end of a line
 * if @wrapped) dragged over and tagged with a key is drawn over its
 * glyphs. */
static void
tag_and_look (int      percent,
              gboolean wrapped)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = gloss_document_new_from_text (article, -1, "hubhub.txt", &error);
  g_autoptr(GlossSchema) schema = gloss_schema_new_default ();
  g_autoptr(GlossStore) store = NULL;
  GlossWindow *window = gloss_window_new (app);
  GlossAnnotationView *view;
  g_autofree guchar *plain = NULL, *tinted = NULL;
  GtkTextIter top;
  gsize stride;
  guint start, end;

  g_assert_no_error (error);
  g_settings_set_int (gloss_application_get_settings (app), "text-size", percent);
  store = gloss_store_new (document, schema);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  gloss_window_set_store (window, store, NULL);
  ui_present_focused (GTK_WINDOW (window));
  view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  wait_for_allocation (GTK_WIDGET (view));

  start = find_place (store, GTK_TEXT_VIEW (view), wrapped);
  end = text_end (PLACE, start);
  ui_text_point (view, end - 1, &(double) { 0 }, &(double) { 0 });
  ui_park_pointer (GTK_WIDGET (view));
  plain = ui_render_widget (GTK_WIDGET (view), &stride);

  ui_drag_text (view, start, end);
  g_assert_true (ui_wait_selection (window, PLACE));
  ui_key (GTK_WIDGET (window), "3");
  g_assert_true (ui_wait_until (has_one_mention, window, UI_TEST_TIMEOUT_MS));
  {
    GlossAnnotation *mention = g_list_model_get_item (gloss_store_get_list (store, GLOSS_KIND_MENTION), 0);
    g_autofree char *text = span_text (store, mention, GLOSS_ROLE_CONTENT, 0);

    g_assert_cmpstr (text, ==, PLACE);
    g_object_unref (mention);
  }

  /* The tint alone: nothing selected, the caret and pointer elsewhere. */
  gloss_annotation_view_set_selected (view, NULL);
  gloss_annotation_view_clear_selection (view);
  gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), &top);
  gtk_text_buffer_place_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), &top);
  ui_park_pointer (GTK_WIDGET (view));
  tinted = ui_render_widget (GTK_WIDGET (view), &stride);
  assert_tint_covers_glyphs (view, plain, tinted, stride, start, end);

  gloss_window_set_store (window, NULL, NULL);
  ui_window_destroy (GTK_WINDOW (window));
  g_settings_reset (gloss_application_get_settings (app), "text-size");
}

static void
test_tint_on_arabic (void)
{
  if (!ui_test_require_input ())
    return;

  tag_and_look (100, FALSE);
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/right-to-left/tint", test_tint_on_arabic);
}

int
main (int   argc,
      char *argv[])
{
  return ui_test_main (&argc, &argv, &app, add_tests);
}
