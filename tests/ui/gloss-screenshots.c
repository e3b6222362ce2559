/* gloss-screenshots.c: the main window with the sample annotated, as PNGs
 * (light, dark, narrow), and timings with 10,000 generated mentions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: gloss-screenshots OUTDIR   (run under Xvfb: build-aux/screenshots.sh)
 */
#include "config.h"

#include "gloss-annotation-view.h"
#include "gloss-application.h"
#include "gloss-window.h"

static const struct { const char *text; const char *type; } tags[] = {
  { "Vladimir Putin", "PER" }, { "Kim Jong Un", "PER" }, { "Pak Thae Song", "PER" },
  { "Kim Myong Sik", "PER" }, { "Sergei Shoigu", "PER" }, { "Putin", "PER" }, { "Kim", "PER" },
  { "North Korea", "GPE" }, { "Russia", "GPE" }, { "Ukraine", "GPE" }, { "Moscow", "GPE" },
  { "Pyongyang", "GPE" }, { "Vostochny Cosmodrome", "FAC" }, { "Far East", "LOC" },
  { "Wednesday", "DATE" }, { "ballistic missiles", "EQP" }, { "Kremlin", "ORG" },
};

static void
wait_frames (GtkWidget *widget,
             guint      ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
save_png (GtkWidget  *window,
          const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int w = gtk_widget_get_width (window), h = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  gdk_texture_save_to_png (texture, path);
  g_print ("wrote %s (%dx%d)\n", path, w, h);
}

static void
annotate (GlossWindow *window)
{
  GlossAnnotationView *view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  GlossDocument *document = gloss_store_get_document (gloss_window_get_store (window));
  const char *text = gloss_document_get_text (document);

  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    {
      const char *p = strstr (text, tags[i].text);
      guint start;

      if (p == NULL)
        continue;
      start = gloss_document_byte_to_cp (document, p - text);
      gloss_annotation_view_select_range (view, start, start + g_utf8_strlen (tags[i].text, -1));
      gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", tags[i].type);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-all", NULL);
    }
  /* Show the inspector on Kim Jong Un. */
  gloss_annotation_view_select_range (view, 224, 235);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", "PER");
}

static GlossWindow *
shot (GlossApplication *app,
      int               width,
      int               height,
      const char       *path)
{
  GlossWindow *window = gloss_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  gloss_window_open_sample (window, NULL);
  annotate (window);
  wait_frames (GTK_WIDGET (window), 3800); /* past the toasts */
  save_png (GTK_WIDGET (window), path);
  return window;
}

static gboolean painted;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  painted = TRUE;
}

static void
measure (GlossApplication *app)
{
  GlossWindow *window = gloss_window_new (app);
  GlossAnnotationView *view;
  GlossStore *store;
  GlossDocument *document;
  GdkFrameClock *clock;
  guint len, n = 0;
  gint64 t0, t1;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (GTK_WIDGET (window), 300);
  gloss_window_open_sample (window, NULL);
  store = gloss_window_get_store (window);
  document = gloss_store_get_document (store);
  len = gloss_document_get_length (document);

  /* 10,000 mentions: every word start, spans of 1 to 12 code points. */
  {
    g_autoptr(GlossStore) big = NULL;
    const char *text = gloss_document_get_text (document);
    g_autoptr(GlossSchema) schema = gloss_schema_copy (gloss_store_get_schema (store));
    g_autoptr(GlossDocument) doc = gloss_document_new_from_text (text, -1, "big", NULL);
    const char *types[] = { "PER", "ORG", "GPE", "LOC", "FAC" };

    big = gloss_store_new (doc, schema);
    for (guint i = 0; n < 10000; i++)
      {
        GlossSpan span;
        g_autoptr(GlossMention) m = NULL;

        span.start = (i * 7) % (len - 13);
        span.end = span.start + 1 + (i % 12);
        m = gloss_mention_new (types[i % 5], &span, 1);
        if (gloss_store_load_add (big, GLOSS_ANNOTATION (m), NULL))
          n++;
      }

    t0 = g_get_monotonic_time ();
    gloss_window_set_store (window, big, NULL);
    clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
    painted = FALSE;
    g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
    gtk_widget_queue_draw (gloss_window_get_view (window));
    while (!painted)
      g_main_context_iteration (NULL, TRUE);
    t1 = g_get_monotonic_time ();
    g_print ("10,000 mentions: set store to first paint %.1f ms\n", (t1 - t0) / 1000.0);
  }

  view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  gloss_annotation_view_select_range (view, 113, 127);
  t0 = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", "ORG");
  painted = FALSE;
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  t1 = g_get_monotonic_time ();
  g_print ("10,000 mentions: tag one more to painted %.1f ms (%u mentions)\n", (t1 - t0) / 1000.0,
           gloss_store_get_n_items (store == gloss_window_get_store (window) ? store : gloss_window_get_store (window),
                                    GLOSS_KIND_MENTION));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GlossApplication) app = NULL;
  g_autofree char *light = NULL, *dark = NULL, *narrow = NULL;
  const char *outdir = argc > 1 ? argv[1] : ".";

  g_setenv ("GDK_BACKEND", "x11", FALSE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  if (!gtk_init_check ())
    return 77;
  adw_init ();

  app = gloss_application_new ();
  g_application_set_application_id (G_APPLICATION (app), NULL);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  light = g_build_filename (outdir, "main-light.png", NULL);
  dark = g_build_filename (outdir, "main-dark.png", NULL);
  narrow = g_build_filename (outdir, "main-narrow.png", NULL);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  shot (app, 1280, 800, light);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  shot (app, 1280, 800, dark);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  shot (app, 600, 800, narrow);

  if (g_getenv ("GLOSS_MEASURE") != NULL)
    measure (app);

  return 0;
}
