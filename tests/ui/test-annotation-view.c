/* test-annotation-view.c: the article view (selection, order, drawing cost)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Needs a display: run under xvfb-run with GDK_BACKEND=x11; skips without.
 */

#include <adwaita.h>

#include "gloss-annotation-view.h"
#include "ui-test-utils.h"

static char *
read_sample (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  const char *dir = g_getenv ("GLOSS_SAMPLES_DIR");
  char *contents = NULL;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, "kim-putin-vostochny.txt", NULL);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static GlossStore *
new_store (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossSchema) schema = gloss_schema_new_default ();

  document = gloss_document_new_from_text (text, -1, "sample", &error);
  g_assert_no_error (error);
  return gloss_store_new (document, schema);
}

static GlossAnnotation *
add_bare_mention (GlossStore *store,
             const char *type,
             guint       start,
             guint       end)
{
  g_autoptr(GError) error = NULL;
  GlossSpan span = { start, end };
  g_autoptr(GlossMention) mention = gloss_mention_new (type, &span, 1);

  gloss_store_add (store, GLOSS_ANNOTATION (mention), &error);
  g_assert_no_error (error);
  return GLOSS_ANNOTATION (mention);   /* the store holds it */
}

static GlossAnnotation *
add_claim (GlossStore *store,
           const char *type,
           guint       start,
           guint       end)
{
  g_autoptr(GError) error = NULL;
  GlossSpan span = { start, end };
  g_autoptr(GlossClaim) claim = gloss_claim_new (type, &span, 1);

  gloss_store_add (store, GLOSS_ANNOTATION (claim), &error);
  g_assert_no_error (error);
  return GLOSS_ANNOTATION (claim);
}


typedef struct
{
  GtkWidget *window;
  GtkWidget *scroller;
  GlossAnnotationView *view;
} Fixture;

static void
fixture_show (Fixture    *fixture,
              GlossStore *store)
{
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 700);
  fixture->scroller = gtk_scrolled_window_new ();
  fixture->view = GLOSS_ANNOTATION_VIEW (gloss_annotation_view_new ());
  g_object_ref (fixture->view);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (fixture->scroller), GTK_WIDGET (fixture->view));
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->scroller);
  if (store != NULL)
    gloss_annotation_view_set_store (fixture->view, store);
  gtk_window_present (GTK_WINDOW (fixture->window));

  wait_for_allocation (GTK_WIDGET (fixture->view));
}

static void
fixture_destroy (Fixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (fixture->view);
}

static void
assert_selection (GlossAnnotationView *view,
                  guint                start,
                  guint                end,
                  guint                expected_start,
                  guint                expected_end)
{
  guint s = 0, e = 0;

  gloss_annotation_view_select_range (view, start, end);
  g_assert_true (gloss_annotation_view_get_text_selection (view, &s, &e));
  g_assert_cmpuint (s, ==, expected_start);
  g_assert_cmpuint (e, ==, expected_end);
}

static void
test_snap (void)
{
  GlossStore *store;
  Fixture f;
  guint s, e;


  store = new_sample_store ();
  fixture_show (&f, store);

  g_assert_true (gloss_annotation_view_get_snap_to_words (f.view));

  /* "ladimir Pu" → "Vladimir Putin" */
  assert_selection (f.view, 114, 124, 113, 127);
  /* " Vladimir Putin " → trimmed */
  assert_selection (f.view, 112, 128, 113, 127);
  /* "im Jong U" → "Kim Jong Un", after curly quotes */
  assert_selection (f.view, 225, 234, 224, 235);
  /* "orth Ko" in "North Korea’s": the possessive stays out */
  assert_selection (f.view, 1, 8, 0, 11);
  /* "Russia’s" selected whole stays whole */
  assert_selection (f.view, 104, 112, 104, 112);
  /* a word already whole does not grow */
  assert_selection (f.view, 113, 121, 113, 121);

  /* only spaces: nothing */
  gloss_annotation_view_select_range (f.view, 112, 113);
  g_assert_false (gloss_annotation_view_get_text_selection (f.view, &s, &e));

  gloss_annotation_view_set_snap_to_words (f.view, FALSE);
  assert_selection (f.view, 114, 124, 114, 124);
  assert_selection (f.view, 112, 128, 113, 127);

  gloss_annotation_view_clear_selection (f.view);
  g_assert_false (gloss_annotation_view_get_text_selection (f.view, &s, &e));

  fixture_destroy (&f);
  g_assert_finalize_object (store);
}

static void
count_notify (guint *count)
{
  (*count)++;
}

static void
test_selected (void)
{
  GlossStore *store;
  GlossAnnotation *putin, *kim;
  Fixture f;
  guint notified = 0;


  store = new_sample_store ();
  putin = add_bare_mention (store, "PER", 113, 127);
  kim = add_bare_mention (store, "PER", 224, 235);
  fixture_show (&f, store);

  g_signal_connect_swapped (f.view, "notify::selected", G_CALLBACK (count_notify), &notified);

  g_assert_null (gloss_annotation_view_get_selected (f.view));
  gloss_annotation_view_set_selected (f.view, putin);
  g_assert_true (gloss_annotation_view_get_selected (f.view) == putin);
  g_assert_cmpuint (notified, ==, 1);
  gloss_annotation_view_set_selected (f.view, putin);
  g_assert_cmpuint (notified, ==, 1);
  ui_wait_for_frame (GTK_WIDGET (f.view));

  gloss_annotation_view_set_selected (f.view, kim);
  g_assert_true (gloss_annotation_view_get_selected (f.view) == kim);
  g_assert_cmpuint (notified, ==, 2);

  /* Removed from the store: no longer selected. */
  g_assert_true (gloss_store_remove (store, kim, NULL));
  g_assert_null (gloss_annotation_view_get_selected (f.view));
  g_assert_cmpuint (notified, ==, 3);

  /* Clearing the store clears the selection too. */
  gloss_annotation_view_set_selected (f.view, putin);
  gloss_annotation_view_set_store (f.view, NULL);
  g_assert_null (gloss_annotation_view_get_selected (f.view));
  g_assert_null (gloss_annotation_view_get_store (f.view));

  fixture_destroy (&f);
  g_assert_finalize_object (store);
}

static void
test_select_next (void)
{
  GlossStore *store;
  GlossAnnotation *order[6];
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  Fixture f;


  store = new_sample_store ();
  /* added out of text order */
  order[3] = add_bare_mention (store, "PER", 224, 235);          /* Kim Jong Un */
  order[1] = add_bare_mention (store, "PER", 113, 127);          /* Vladimir Putin */
  order[0] = add_bare_mention (store, "GPE", 104, 110);          /* Russia */
  order[2] = add_claim (store, "assertion", 113, 160);      /* same start, longer */
  order[5] = add_bare_mention (store, "GPE", 335, 342);          /* Ukraine */
  order[4] = add_bare_mention (store, "PER", 228, 235);          /* "Jong Un", nested */
  fixture_show (&f, store);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      gloss_annotation_view_select_next (f.view, FALSE);
      g_assert_true (gloss_annotation_view_get_selected (f.view) == order[i]);
    }
  /* wraps */
  gloss_annotation_view_select_next (f.view, FALSE);
  g_assert_true (gloss_annotation_view_get_selected (f.view) == order[0]);
  gloss_annotation_view_select_next (f.view, TRUE);
  g_assert_true (gloss_annotation_view_get_selected (f.view) == order[5]);
  for (guint i = G_N_ELEMENTS (order) - 1; i > 0; i--)
    {
      gloss_annotation_view_select_next (f.view, TRUE);
      g_assert_true (gloss_annotation_view_get_selected (f.view) == order[i - 1]);
    }

  /* From the caret when nothing is selected. */
  gloss_annotation_view_set_selected (f.view, NULL);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (f.view));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 200);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gloss_annotation_view_select_next (f.view, FALSE);
  g_assert_true (gloss_annotation_view_get_selected (f.view) == order[3]);

  gloss_annotation_view_set_selected (f.view, NULL);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 200);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gloss_annotation_view_select_next (f.view, TRUE);
  g_assert_true (gloss_annotation_view_get_selected (f.view) == order[2]);

  fixture_destroy (&f);
  g_assert_finalize_object (store);
}

static void
point_of_offset (GlossAnnotationView *view,
                 guint                offset,
                 double              *x,
                 double              *y)
{
  GtkTextIter iter;
  GdkRectangle rect;
  int wx, wy;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), &iter, offset);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &iter, &rect);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET,
                                         rect.x + rect.width / 2, rect.y + rect.height / 2, &wx, &wy);
  *x = wx;
  *y = wy;
}

static void
test_hit (void)
{
  GlossStore *store;
  GlossAnnotation *org, *gpe, *claim;
  Fixture f;
  double x, y;


  store = new_sample_store ();
  /* "North Korea’s Kim vows": ORG over the whole, GPE inside, a claim over both */
  claim = add_claim (store, "assertion", 0, 22);
  org = add_bare_mention (store, "ORG", 0, 17);
  gpe = add_bare_mention (store, "GPE", 0, 11);
  fixture_show (&f, store);

  point_of_offset (f.view, 3, &x, &y);
  g_assert_true (gloss_annotation_view_get_annotation_at (f.view, x, y) == gpe);
  point_of_offset (f.view, 15, &x, &y);
  g_assert_true (gloss_annotation_view_get_annotation_at (f.view, x, y) == org);
  point_of_offset (f.view, 19, &x, &y);
  g_assert_true (gloss_annotation_view_get_annotation_at (f.view, x, y) == claim);
  point_of_offset (f.view, 30, &x, &y);
  g_assert_null (gloss_annotation_view_get_annotation_at (f.view, x, y));

  fixture_destroy (&f);
  g_assert_finalize_object (store);
}

static gboolean
is_word_start (const char *p,
               const char *text)
{
  gunichar c = g_utf8_get_char (p);

  if (!g_unichar_isupper (c))
    return FALSE;
  return p == text || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p)));
}

static void
test_many (void)
{
  g_autofree char *sample = NULL;
  g_autoptr(GString) big = NULL;
  GlossStore *store;
  GtkAdjustment *vadj;
  Fixture f;
  const char *text;
  const char *p;
  guint n = 0, offset = 0;


  sample = read_sample ();
  big = g_string_new (NULL);
  while (big->len < 650 * 1000)
    {
      g_string_append (big, sample);
      g_string_append_c (big, '\n');
    }
  store = new_store (big->str);
  text = gloss_document_get_text (gloss_store_get_document (store));

  /* Every capitalised word, some with a nested mention, up to 10,000. */
  for (p = text; *p != '\0' && n < 10000; p = g_utf8_next_char (p), offset++)
    {
      guint len = 0;
      const char *q;
      g_autoptr(GlossMention) mention = NULL;
      g_autoptr(GError) error = NULL;
      GlossSpan span;

      if (!is_word_start (p, text))
        continue;
      for (q = p; g_unichar_isalnum (g_utf8_get_char (q)); q = g_utf8_next_char (q))
        len++;
      span.start = offset;
      span.end = offset + len;
      mention = gloss_mention_new (n % 3 == 0 ? "PER" : n % 3 == 1 ? "GPE" : "ORG", &span, 1);
      gloss_store_load_add (store, GLOSS_ANNOTATION (mention), &error);
      g_assert_no_error (error);
      n++;
    }
  g_assert_cmpuint (n, ==, 10000);

  fixture_show (&f, NULL);
  gloss_annotation_view_set_store (f.view, store);
  ui_wait_for_frame (GTK_WIDGET (f.view));

  /* Scroll through the part that has mentions, drawing each frame (how
   * fast: tests/bench/bench-view.c). */
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f.view));
  for (guint i = 0; i < 40; i++)
    {
      gtk_adjustment_set_value (vadj, gtk_adjustment_get_value (vadj) + 500);
      ui_wait_for_frame (GTK_WIDGET (f.view));
    }

  /* Selecting a mention far down brings it into view, even while the text
   * above it is still being measured. */
  {
    GListModel *mentions = gloss_store_get_list (store, GLOSS_KIND_MENTION);
    g_autoptr(GlossAnnotation) far = g_list_model_get_item (mentions, 9000);
    GtkTextIter iter;
    GdkRectangle location, visible;
    guint in_view = 0;
    gint64 deadline = g_get_monotonic_time () + UI_TEST_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;

    gloss_annotation_view_set_selected (f.view, far);

    while (in_view < 5 && g_get_monotonic_time () < deadline)
      {
        ui_wait_for_frame (GTK_WIDGET (f.view));
        /* Afresh each frame: the rest of the text may still be going in,
         * which invalidates iterators. */
        gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (GTK_TEXT_VIEW (f.view)), &iter,
                                            gloss_annotation_get_start (far));
        gtk_text_view_get_iter_location (GTK_TEXT_VIEW (f.view), &iter, &location);
        gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (f.view), &visible);
        if (location.y >= visible.y && location.y + location.height <= visible.y + visible.height)
          in_view++;
        else
          in_view = 0;
      }
    g_test_message ("selected mention at offset %u: y %d in view [%d, %d)",
                    gloss_annotation_get_start (far), location.y, visible.y, visible.y + visible.height);
    g_assert_cmpint (location.y, >=, visible.y);
    g_assert_cmpint (location.y + location.height, <=, visible.y + visible.height);
  }

  fixture_destroy (&f);
  g_assert_finalize_object (store);
}

static void
wait_frames (GtkWidget *widget,
             guint      n)
{
  for (guint i = 0; i < n; i++)
    ui_wait_for_frame (widget);
}

/* Selecting an annotation on the first lines (which cannot move away from
 * the top edge) or the last ones (the bottom edge) scrolls once: the view
 * does not keep pulling it back into the middle, undoing what the reader
 * scrolls next (the view "jumped back" for up to 30 s). */
static void
test_edge_scroll_stays (void)
{
  g_autofree char *sample = read_sample ();
  g_autoptr(GString) text = g_string_new (NULL);
  GlossStore *store;
  GlossAnnotation *first, *last;
  GtkAdjustment *vadj;
  guint length;
  Fixture f;

  for (guint i = 0; i < 6; i++)
    {
      g_string_append (text, sample);
      g_string_append_c (text, '\n');
    }
  store = new_store (text->str);
  length = gloss_document_get_length (gloss_store_get_document (store));
  first = add_bare_mention (store, "GPE", 0, 5);               /* "North" */
  last = add_bare_mention (store, "GPE", length - 12, length - 6);
  fixture_show (&f, store);
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f.view));

  gloss_annotation_view_set_selected (f.view, first);
  wait_frames (GTK_WIDGET (f.view), 10);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==, gtk_adjustment_get_lower (vadj));
  gtk_adjustment_set_value (vadj, 800);
  wait_frames (GTK_WIDGET (f.view), 20);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==, 800);

  gloss_annotation_view_finish_loading (f.view);
  gloss_annotation_view_set_selected (f.view, last);
  wait_frames (GTK_WIDGET (f.view), 10);
  /* Measured by now: the end of the text is at the bottom. */
  while (gtk_adjustment_get_value (vadj) <
         gtk_adjustment_get_upper (vadj) - gtk_adjustment_get_page_size (vadj) - 0.5)
    {
      gloss_annotation_view_set_selected (f.view, NULL);
      gloss_annotation_view_set_selected (f.view, last);
      wait_frames (GTK_WIDGET (f.view), 10);
    }
  gtk_adjustment_set_value (vadj, gtk_adjustment_get_value (vadj) - 800);
  {
    double scrolled = gtk_adjustment_get_value (vadj);

    wait_frames (GTK_WIDGET (f.view), 20);
    g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==, scrolled);
  }

  fixture_destroy (&f);
  g_assert_finalize_object (store);
}

/* Pixels of @color (give or take antialiasing) the view draws in @area
 * (its own coordinates): its snapshot, rendered as GTK renders it. */
static guint
count_color (GlossAnnotationView *view,
             const GdkRGBA       *color,
             const GdkRectangle  *area)
{
  GtkWidget *widget = GTK_WIDGET (view);
  int height = gtk_widget_get_height (widget), width = gtk_widget_get_width (widget);
  gsize stride;
  g_autofree guchar *pixels = ui_render_widget (widget, &stride);
  guint n = 0;

  for (int y = MAX (area->y, 0); y < MIN (area->y + area->height, height); y++)
    for (int x = MAX (area->x, 0); x < MIN (area->x + area->width, width); x++)
      {
        const guchar *p = pixels + y * stride + x * 4;

        if (p[3] > 240 && ABS (p[2] - color->red * 255) < 30 && ABS (p[1] - color->green * 255) < 30 &&
            ABS (p[0] - color->blue * 255) < 30)
          n++;
      }
  return n;
}

/* The band above the line of code point @start, as wide as from there to
 * code point @other: where an arc between the two rises. */
static void
arc_band (GlossAnnotationView *view,
          guint                start,
          guint                other,
          GdkRectangle        *band)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (view);
  GtkTextIter a, b;
  GdkRectangle ra, rb;
  int x0, y0, x1, y1;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &a, start);
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &b, other);
  gtk_text_view_get_iter_location (text_view, &a, &ra);
  gtk_text_view_get_iter_location (text_view, &b, &rb);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET,
                                         MIN (ra.x, rb.x), MIN (ra.y, rb.y), &x0, &y0);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET,
                                         MAX (ra.x, rb.x), MIN (ra.y, rb.y), &x1, &y1);
  band->x = x0;
  band->width = MAX (x1 - x0, 1);
  band->y = y0 - 40;
  band->height = 40;
}

/* A selected relation, or a mention of one of its ends, draws an arc
 * labelled with its type above the text between the two mentions, in
 * the relation type's colour, in light and dark styles; nothing is drawn
 * for the rest of the document. */
static void
test_relation_arcs (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GlossStore *store;
  GlossAnnotation *putin = NULL, *kim = NULL, *russia;
  GlossRelation *relation;
  g_autoptr(GError) error = NULL;
  Fixture f;
  GdkRectangle band;
  GdkRGBA color;


  store = new_sample_store ();
  /* "Vladimir Putin" (113) on the lead's first line, "Kim Jong Un" (224)
   * on its second; "Russia" (104) before them. */
  {
    g_autoptr(GlossEntity) a = gloss_entity_new ("PER", "Vladimir Putin");
    g_autoptr(GlossEntity) b = gloss_entity_new ("PER", "Kim Jong Un");
    g_autoptr(GlossRelation) r = NULL;
    GlossSpan spans[2] = { { 113, 127 }, { 224, 235 } };
    GlossAnnotation **mentions[2] = { &putin, &kim };

    g_assert_true (gloss_store_add (store, GLOSS_ANNOTATION (a), &error));
    g_assert_true (gloss_store_add (store, GLOSS_ANNOTATION (b), &error));
    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(GlossMention) m = gloss_mention_new ("PER", &spans[i], 1);

        gloss_mention_set_entity (m, i == 0 ? a : b);
        g_assert_true (gloss_store_add (store, GLOSS_ANNOTATION (m), &error));
        *mentions[i] = GLOSS_ANNOTATION (m);   /* the store holds it */
      }
    r = gloss_relation_new ("meets_with", a, b);
    g_assert_true (gloss_store_add (store, GLOSS_ANNOTATION (r), &error));
    g_assert_no_error (error);
    relation = r;
  }
  russia = add_bare_mention (store, "GPE", 104, 110);
  fixture_show (&f, store);
  arc_band (f.view, 113, 224, &band);

  for (guint dark = 0; dark < 2; dark++)
    {
      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      /* Meets with is #ff7800, lightened by 30 % in the dark style. */
      gdk_rgba_parse (&color, "#ff7800");
      if (dark)
        {
          color.green += (1.f - color.green) * .3f;
          color.blue += (1.f - color.blue) * .3f;
        }

      gloss_annotation_view_set_selected (f.view, NULL);
      g_assert_cmpuint (count_color (f.view, &color, &band), ==, 0);

      gloss_annotation_view_set_selected (f.view, GLOSS_ANNOTATION (relation));
      g_assert_cmpuint (count_color (f.view, &color, &band), >, 20);

      /* From either end, the same arc. */
      gloss_annotation_view_set_selected (f.view, kim);
      g_assert_cmpuint (count_color (f.view, &color, &band), >, 20);

      /* A mention with no relation: none. */
      gloss_annotation_view_set_selected (f.view, russia);
      g_assert_cmpuint (count_color (f.view, &color, &band), ==, 0);
    }

  /* Removing the relation takes its arc away at once. */
  gloss_annotation_view_set_selected (f.view, putin);
  g_assert_cmpuint (count_color (f.view, &color, &band), >, 20);
  g_assert_true (gloss_store_remove (store, GLOSS_ANNOTATION (relation), &error));
  g_assert_cmpuint (count_color (f.view, &color, &band), ==, 0);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  fixture_destroy (&f);
  g_assert_finalize_object (store);
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/annotation-view/snap", test_snap);
  g_test_add_func ("/ui/annotation-view/selected", test_selected);
  g_test_add_func ("/ui/annotation-view/select-next", test_select_next);
  g_test_add_func ("/ui/annotation-view/hit", test_hit);
  g_test_add_func ("/ui/annotation-view/many", test_many);
  g_test_add_func ("/ui/annotation-view/edge-scroll-stays", test_edge_scroll_stays);
  g_test_add_func ("/ui/annotation-view/relation-arcs", test_relation_arcs);
}

int
main (int   argc,
      char *argv[])
{
  /* The view alone: no application, no real input. */
  return ui_test_main (&argc, &argv, NULL, add_tests);
}
