/* bench-view.c: how fast the article view shows and scrolls a long text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A 650 KB article (the sample, repeated) with 10,000 mentions.
 * Targets: the first frame after the store is set ≤ 1 s; the paint
 * phase (snapshot and render) of each frame while scrolling ≤ 100 ms.
 * Figures are printed as TAP comments; exceeding a target fails.
 *
 * Needs a display (xvfb-run, GDK_BACKEND=x11); skips without one.
 */
#include <adwaita.h>

#include "gloss-annotation-view.h"
#include "ui-test-utils.h"

/* How long the paint phase of the frames takes. */
typedef struct
{
  gint64 layout_done;
  gint64 worst;
  gint64 total;
  guint  n;
} PaintTimes;

static void
on_layout_done (GdkFrameClock *clock,
                PaintTimes    *times)
{
  times->layout_done = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                PaintTimes    *times)
{
  gint64 spent;

  if (times->layout_done == 0)
    return;
  spent = g_get_monotonic_time () - times->layout_done;
  times->worst = MAX (times->worst, spent);
  times->total += spent;
  times->n++;
  times->layout_done = 0;
}


static gboolean
is_word_start (const char *p,
               const char *text)
{
  if (!g_unichar_isupper (g_utf8_get_char (p)))
    return FALSE;
  return p == text || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p)));
}

/* Every capitalised word of a long text tagged, 10,000 of them. */
static GlossStore *
many_mentions_store (void)
{
  g_autofree char *path = NULL;
  g_autofree char *sample = NULL;
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossSchema) schema = gloss_schema_new_default ();
  GlossStore *store;
  const char *text;
  guint n = 0, offset = 0;

  path = g_build_filename (g_getenv ("GLOSS_SAMPLES_DIR"), "kim-putin-vostochny.txt", NULL);
  g_file_get_contents (path, &sample, NULL, &error);
  g_assert_no_error (error);
  while (big->len < 650 * 1000)
    {
      g_string_append (big, sample);
      g_string_append_c (big, '\n');
    }
  document = gloss_document_new_from_text (big->str, -1, "many", &error);
  g_assert_no_error (error);
  store = gloss_store_new (document, schema);
  text = gloss_document_get_text (document);

  for (const char *p = text; *p != '\0' && n < 10000; p = g_utf8_next_char (p), offset++)
    {
      g_autoptr(GlossMention) mention = NULL;
      GlossSpan span = { offset, offset };

      if (!is_word_start (p, text))
        continue;
      for (const char *q = p; g_unichar_isalnum (g_utf8_get_char (q)); q = g_utf8_next_char (q))
        span.end++;
      mention = gloss_mention_new (n % 3 == 0 ? "PER" : n % 3 == 1 ? "GPE" : "ORG", &span, 1);
      gloss_store_load_add (store, GLOSS_ANNOTATION (mention), &error);
      g_assert_no_error (error);
      n++;
    }
  g_assert_cmpuint (n, ==, 10000);
  return store;
}

static void
bench_first_frame_and_scroll (void)
{
  g_autoptr(GlossStore) store = many_mentions_store ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GlossAnnotationView *view = GLOSS_ANNOTATION_VIEW (gloss_annotation_view_new ());
  PaintTimes times = { 0, };
  GtkAdjustment *vadj;
  GdkFrameClock *clock;
  gint64 t0, t1;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (view));
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (view)))
    g_main_context_iteration (NULL, TRUE);
  ui_wait_for_frame (GTK_WIDGET (view));

  t0 = g_get_monotonic_time ();
  gloss_annotation_view_set_store (view, store);
  ui_wait_for_frame (GTK_WIDGET (view));
  t1 = g_get_monotonic_time ();
  g_test_message ("first frame, 650 KB and 10,000 mentions: %.1f ms (target 1000 ms)",
                  (t1 - t0) / 1000.);

  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (view));
  g_signal_connect_after (clock, "layout", G_CALLBACK (on_layout_done), &times);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &times);
  for (guint i = 0; i < 40; i++)
    {
      gtk_adjustment_set_value (vadj, gtk_adjustment_get_value (vadj) + 500);
      ui_wait_for_frame (GTK_WIDGET (view));
    }
  g_signal_handlers_disconnect_by_data (clock, &times);
  g_test_message ("paint phase while scrolling: %u frames, mean %.2f ms, worst %.2f ms (target 100 ms)",
                  times.n, times.total / 1000. / MAX (times.n, 1), times.worst / 1000.);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_cmpint (t1 - t0, <, G_USEC_PER_SEC);
  g_assert_cmpint (times.worst, <, G_USEC_PER_SEC / 10);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  g_test_add_func ("/bench/view/first-frame-and-scroll", bench_first_frame_and_scroll);
  return g_test_run ();
}
