/* gloss-screenshots.c: the main window with the sample annotated, as PNGs
 * (light, dark, narrow), and timings with 10,000 generated mentions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: gloss-screenshots OUTDIR   (run under Xvfb: build-aux/screenshots.sh)
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "gloss-annotation-view.h"
#include "gloss-application.h"
#include "gloss-edits.h"
#include "gloss-export-dialog.h"
#include "gloss-window.h"

/* The sample as an analyst would annotate it: every surface form of a
 * referent linked to one entity (coreference), and nesting where the text
 * has it (GPE "North Korea" inside an ORG). Forms are tagged longest
 * first, whole words only; a form inside a mention of the same type, or
 * crossing any mention, is left alone. */
typedef struct
{
  const char *type;
  const char *name;
  const char *kb;
  const char *forms[6];
} SampleEntity;

static const SampleEntity sample[] = {
  { "PER", "Kim Jong Un", "wikidata:Q56226", { "Kim Jong Un", "the North Korean leader", "Kim", NULL } },
  { "PER", "Vladimir Putin", "wikidata:Q7747", { "Vladimir Putin", "the Russian leader", "Putin", NULL } },
  { "PER", "Pak Thae Song", NULL, { "Pak Thae Song", NULL } },
  { "PER", "Kim Myong Sik", NULL, { "Kim Myong Sik", NULL } },
  { "PER", "Jo Chun Ryong", NULL, { "Jo Chun Ryong", NULL } },
  { "PER", "Sergei Shoigu", NULL, { "Sergei Shoigu", NULL } },
  { "PER", "Sergei Lavrov", NULL, { "Sergei Lavrov", NULL } },
  { "PER", "Antonio Guterres", NULL, { "Antonio Guterres", "Guterres", NULL } },
  { "PER", "Matthew Miller", NULL, { "Matthew Miller", NULL } },
  { "PER", "Joe Biden", NULL, { "President Biden", NULL } },
  { "ORG", "Space Science and Technology Committee", NULL,
    { "North Korea’s space science and technology committee", NULL } },
  { "ORG", "UN Security Council", NULL, { "UN Security Council", "the Security Council", NULL } },
  { "ORG", "State Department", NULL, { "State Department", NULL } },
  { "ORG", "Kremlin", NULL, { "the Kremlin", NULL } },
  { "ORG", "Korea Research Institute for National Strategy", NULL,
    { "Korea Research Institute for National Strategy", NULL } },
  { "GPE", "North Korea", "wikidata:Q423",
    { "North Korea", "The Democratic People’s Republic of Korea", NULL } },
  { "GPE", "Russia", "wikidata:Q159", { "Russia", NULL } },
  { "GPE", "Ukraine", NULL, { "Ukraine", NULL } },
  { "GPE", "Moscow", NULL, { "Moscow", NULL } },
  { "GPE", "Pyongyang", NULL, { "Pyongyang", NULL } },
  { "GPE", "Vladivostok", NULL, { "Vladivostok", NULL } },
  { "GPE", "Komsomolsk-on-Amur", NULL, { "Komsomolsk-on-Amur", NULL } },
  { "LOC", "Russian Far East", NULL, { "Far East", NULL } },
  { "FAC", "Vostochny Cosmodrome", NULL, { "Vostochny Cosmodrome", "Vostochny", "the spaceport", NULL } },
  { "EQP", "Ballistic missiles", NULL, { "ballistic missiles", NULL } },
  { "EQP", "Spy satellites", NULL, { "spy satellites", NULL } },
  { "EQP", "Armored train", NULL, { "armored train", NULL } },
  { "DATE", "Wednesday", NULL, { "Wednesday", NULL } },
  { "DATE", "July", NULL, { "in July", NULL } },
  { "DATE", "Next month", NULL, { "next month", NULL } },
  { "QTY", "Two failed launches", NULL, { "two failed launches", NULL } },
};

typedef struct
{
  const char *form;
  guint       entity;
} Form;

static int
compare_forms (gconstpointer a,
               gconstpointer b)
{
  return (int) g_utf8_strlen (((const Form *) b)->form, -1) - (int) g_utf8_strlen (((const Form *) a)->form, -1);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || c == '_';
}

static gboolean
can_tag (GlossStore *store,
         guint       start,
         guint       end,
         const char *type)
{
  g_autoptr(GArray) hits = gloss_store_query_range (store, start, end, GLOSS_KIND_MASK (GLOSS_KIND_MENTION));

  for (guint i = 0; hits != NULL && i < hits->len; i++)
    {
      GlossSpanHit *hit = &g_array_index (hits, GlossSpanHit, i);
      gboolean inside = hit->start <= start && hit->end >= end;

      if (!inside || g_strcmp0 (gloss_annotation_get_type_id (hit->annotation), type) == 0)
        return FALSE;
    }
  return TRUE;
}

static GlossMention *
annotate (GlossWindow *window)
{
  GlossStore *store = gloss_window_get_store (window);
  GlossDocument *document = gloss_store_get_document (store);
  const char *text = gloss_document_get_text (document);
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) forms = g_array_new (FALSE, FALSE, sizeof (Form));
  GlossMention *selected = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (sample); i++)
    {
      GlossEntity *entity = gloss_entity_new (sample[i].type, sample[i].name);

      if (sample[i].kb != NULL)
        gloss_entity_set_kb (entity, sample[i].kb);
      g_assert_true (gloss_store_add (store, GLOSS_ANNOTATION (entity), NULL));
      g_ptr_array_add (entities, entity);
      for (guint j = 0; sample[i].forms[j] != NULL; j++)
        g_array_append_val (forms, ((Form) { sample[i].forms[j], i }));
    }
  g_array_sort (forms, compare_forms);

  for (guint f = 0; f < forms->len; f++)
    {
      const Form *form = &g_array_index (forms, Form, f);
      const SampleEntity *def = &sample[form->entity];
      gsize len = strlen (form->form);

      for (const char *p = strstr (text, form->form); p != NULL; p = strstr (p + 1, form->form))
        {
          guint start, end;
          GlossSpan span;
          g_autoptr(GlossMention) mention = NULL;
          g_autoptr(JsonNode) level = NULL;

          if ((p > text && is_word_char (g_utf8_get_char (g_utf8_prev_char (p)))) ||
              is_word_char (g_utf8_get_char (p + len)))
            continue;
          start = gloss_document_byte_to_cp (document, p - text);
          end = start + g_utf8_strlen (form->form, -1);
          if (!can_tag (store, start, end, def->type))
            continue;

          span.start = start;
          span.end = end;
          mention = gloss_mention_new (def->type, &span, 1);
          gloss_mention_set_entity (mention, g_ptr_array_index (entities, form->entity));
          if (def->type[0] == 'P')
            {
              level = json_node_init_string (json_node_alloc (),
                                             g_ascii_islower (form->form[0]) ? "nominal" : "name");
              gloss_annotation_set_attr (GLOSS_ANNOTATION (mention), "level", level);
            }
          g_assert_true (gloss_store_add (store, GLOSS_ANNOTATION (mention), NULL));
          /* The inspector shows "Kim" in "showed Kim around the spaceport". */
          if (selected == NULL && g_str_equal (form->form, "Kim") &&
              g_str_has_prefix (p - strlen ("showed "), "showed Kim"))
            selected = mention;
        }
    }

  /* Entities no form matched would only clutter the list. */
  for (guint i = 0; i < entities->len; i++)
    if (gloss_entity_get_n_mentions (g_ptr_array_index (entities, i)) == 0)
      gloss_store_remove (store, g_ptr_array_index (entities, i), NULL);

  gloss_store_clear_history (store);
  g_assert_nonnull (selected);
  return selected;
}

static GlossEntity *
entity_named (GlossStore *store,
              const char *name)
{
  GListModel *entities = gloss_store_get_list (store, GLOSS_KIND_ENTITY);

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(GlossEntity) entity = g_list_model_get_item (entities, i);

      if (g_strcmp0 (gloss_entity_get_name (entity), name) == 0)
        return entity;
    }
  g_assert_not_reached ();
}

static guint
offset_of (GlossStore *store,
           const char *needle)
{
  GlossDocument *document = gloss_store_get_document (store);
  const char *text = gloss_document_get_text (document);
  const char *p = strstr (text, needle);

  g_assert_nonnull (p);
  return gloss_document_byte_to_cp (document, p - text);
}

/* The attributions of the sample, as issue 4 records them; returns the
 * claim the claim screenshot selects. */
static GlossClaim *
add_claims (GlossWindow *window)
{
  static const struct {
    const char *type, *claimant, *text, *cue, *about;
    GlossCertainty certainty;
  } claims[] = {
    { "quote", "Kim Jong Un", "I firmly believe that the heroic Russian army and people will brilliantly inherit their victories and traditions and vigorously demonstrate their noble dignity and honor on the two fronts of military operations and building a powerful nation,", "read", NULL, GLOSS_CERTAINTY_ASSERTED },
    { "quote", "Kim Jong Un", "The Russian army and people will certainly win a great victory in the sacred struggle for the punishment of a great evil that claims hegemony and feeds an expansionist illusion,", "added", "Ukraine", GLOSS_CERTAINTY_ASSERTED },
    { "promise", "Kim Jong Un", "full and unconditional support", "vowed", "Russia", GLOSS_CERTAINTY_ASSERTED },
    { "quote", "Vladimir Putin", "That’s why we came here.", "replied", NULL, GLOSS_CERTAINTY_ASSERTED },
    { "denial", "Vladimir Putin", "There are certain restrictions, Russia is following all of them,", "he said", NULL, GLOSS_CERTAINTY_HEDGED },
  };
  GlossStore *store = gloss_window_get_store (window);
  GlossClaim *selected = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (claims); i++)
    {
      guint start = offset_of (store, claims[i].text);
      GlossClaim *claim = gloss_edit_new_claim (store, claims[i].type, start,
                                                start + g_utf8_strlen (claims[i].text, -1), NULL);
      guint cue = offset_of (store, claims[i].cue);
      GlossSpan span;

      /* The cue nearest after the content. */
      {
        GlossDocument *document = gloss_store_get_document (store);
        const char *text = gloss_document_get_text (document);
        const char *from = text + gloss_document_cp_to_byte (document, start);
        const char *p = strstr (from, claims[i].cue);

        if (p != NULL)
          cue = gloss_document_byte_to_cp (document, p - text);
      }
      span.start = cue;
      span.end = cue + g_utf8_strlen (claims[i].cue, -1);
      g_assert_nonnull (claim);
      gloss_edit_set_claimant (store, claim, entity_named (store, claims[i].claimant), NULL);
      gloss_edit_set_spans (store, GLOSS_ANNOTATION (claim), GLOSS_ROLE_CUE, &span, 1, NULL);
      gloss_edit_set_certainty (store, claim, claims[i].certainty, NULL);
      if (claims[i].about != NULL)
        gloss_edit_set_about (store, claim, entity_named (store, claims[i].about), TRUE, NULL);
      if (i == 1)
        selected = claim;
    }
  {
    static const char evidence[] = "Vladimir Putin hinted that military cooperation was discussed during his rare meeting with North Korean leader Kim Jong Un";
    GlossRelation *meets = gloss_edit_new_relation (store, "meets_with", entity_named (store, "Vladimir Putin"),
                                                    entity_named (store, "Kim Jong Un"), NULL);
    GlossSpan span;

    span.start = offset_of (store, evidence);
    span.end = span.start + g_utf8_strlen (evidence, -1);
    g_assert_nonnull (meets);
    g_assert_true (gloss_edit_set_spans (store, GLOSS_ANNOTATION (meets), GLOSS_ROLE_EVIDENCE, &span, 1, NULL));
  }
  gloss_edit_new_relation (store, "leader_of", entity_named (store, "Kim Jong Un"),
                           entity_named (store, "North Korea"), NULL);
  gloss_store_clear_history (store);
  return selected;
}

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
dismiss_toasts (GtkWidget *widget)
{
  /* The overlay keeps no list of its toasts: close what it shows. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_str_equal (G_OBJECT_TYPE_NAME (child), "AdwToastWidget"))
        gtk_widget_set_visible (child, FALSE);
      else
        dismiss_toasts (child);
    }
}

static GtkWidget *
find_child (GtkWidget *root,
            GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_child (child, type)) != NULL)
        return found;
    }
  return NULL;
}

typedef enum
{
  SHOW_MENTION,
  SHOW_CLAIM,
  SHOW_RELATION,
} Show;

static GlossWindow *
shot_full (GlossApplication *app,
           int               width,
           int               height,
           const char       *path,
           Show              show)
{
  GlossWindow *window = gloss_window_new (app);
  g_autofree char *dir = g_dir_make_tmp ("gloss-shot-XXXXXX", NULL);
  g_autofree char *file_path = g_build_filename (dir, "kim-putin-vostochny.gloss", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  GlossAnnotationView *view;
  GlossMention *selected;
  GlossClaim *claim;

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  gloss_window_open_sample (window, NULL);
  selected = annotate (window);
  claim = add_claims (window);
  /* Saved under its own name: the header shows the .gloss, not the sample's text file. */
  gloss_window_save_to_file (window, file, NULL);

  view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  if (show == SHOW_CLAIM)
    {
      GtkWidget *stack = find_child (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);

      adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "claims");
      gloss_annotation_view_set_selected (view, GLOSS_ANNOTATION (claim));
    }
  else if (show == SHOW_RELATION)
    {
      /* Putin meets with Kim: the arc from "Russia’s Vladimir Putin" to
       * "Kim Jong Un" in the lead. */
      GListModel *relations = gloss_store_get_list (gloss_window_get_store (window), GLOSS_KIND_RELATION);
      g_autoptr(GlossAnnotation) relation = g_list_model_get_item (relations, 0);
      GtkWidget *stack = find_child (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);

      adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "relations");
      gloss_annotation_view_set_selected (view, relation);
    }
  else
    gloss_annotation_view_set_selected (view, GLOSS_ANNOTATION (selected));
  wait_frames (GTK_WIDGET (window), 600);
  dismiss_toasts (GTK_WIDGET (window));
  wait_frames (GTK_WIDGET (window), 400);
  save_png (GTK_WIDGET (window), path);
  /* After the shot: deleted before, the file showed the banner that says
   * it was deleted. */
  g_file_delete (file, NULL, NULL);
  g_rmdir (dir);
  return window;
}

static GlossWindow *
shot (GlossApplication *app,
      int               width,
      int               height,
      const char       *path)
{
  return shot_full (app, width, height, path, SHOW_MENTION);
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
  gtk_widget_activate_action (GTK_WIDGET (window), "doc.tag", "s", "ORG");
  painted = FALSE;
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  t1 = g_get_monotonic_time ();
  g_print ("10,000 mentions: tag one more to painted %.1f ms (%u mentions)\n", (t1 - t0) / 1000.0,
           gloss_store_get_n_items (store == gloss_window_get_store (window) ? store : gloss_window_get_store (window),
                                    GLOSS_KIND_MENTION));
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (w))
        return w;
    }
  return NULL;
}

/* The Export dialog (Ctrl+E) over the annotated sample, doccano chosen:
 * what it writes and what it leaves out. */
static void
export_shot (GlossApplication *app,
             const char       *path)
{
  GlossWindow *window = gloss_window_new (app);
  GtkWidget *dialog;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  gloss_window_open_annotated_sample (window, NULL);
  wait_frames (GTK_WIDGET (window), 300);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  wait_frames (GTK_WIDGET (window), 300);
  dialog = find_toplevel (GLOSS_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  gloss_export_dialog_select_format (GLOSS_EXPORT_DIALOG (dialog), "doccano");
  wait_frames (dialog, 600);
  save_png (dialog, path);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* More to look at while designing (not in the README): other widths, the
 * empty window, Preferences, the shortcuts window. */
static void
extra_shots (GlossApplication *app,
             const char       *dir)
{
  g_autofree char *p1 = g_build_filename (dir, "main-1000.png", NULL);
  g_autofree char *p2 = g_build_filename (dir, "empty.png", NULL);
  g_autofree char *p3 = g_build_filename (dir, "preferences.png", NULL);
  g_autofree char *p4 = g_build_filename (dir, "shortcuts.png", NULL);
  g_autofree char *p5 = g_build_filename (dir, "main-800.png", NULL);
  GlossWindow *window;
  GtkWidget *w;

  shot (app, 1000, 720, p1);
  shot (app, 800, 700, p5);
  window = gloss_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (GTK_WIDGET (window), 800);
  save_png (GTK_WIDGET (window), p2);

  gloss_window_open_sample (window, NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  wait_frames (GTK_WIDGET (window), 800);
  if ((w = find_toplevel (ADW_TYPE_PREFERENCES_WINDOW)) != NULL)
    {
      save_png (w, p3);
      gtk_window_destroy (GTK_WINDOW (w));
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  wait_frames (GTK_WIDGET (window), 800);
  if ((w = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW)) != NULL)
    save_png (w, p4);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GlossApplication) app = NULL;
  g_autofree char *light = NULL, *dark = NULL, *narrow = NULL, *claim = NULL;
  g_autofree char *relation_light = NULL, *relation_dark = NULL, *relation_narrow = NULL;
  g_autofree char *export_light = NULL, *export_dark = NULL;
  const char *outdir = argc > 1 ? argv[1] : ".";

  g_setenv ("GDK_BACKEND", "x11", FALSE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  /* Variants for build-aux/screenshots.sh: LANGUAGE=de with the build's
   * translations (GLOSS_LOCALEDIR), and GLOSS_XFT_DPI, the font resolution
   * the system's text scaling sets (192: 200%). */
  setlocale (LC_ALL, "");
  if (g_getenv ("GLOSS_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GLOSS_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (!gtk_init_check ())
    return 77;
  adw_init ();
  if (g_getenv ("GLOSS_XFT_DPI") != NULL)
    g_object_set (gtk_settings_get_default (), "gtk-xft-dpi",
                  (int) (g_ascii_strtod (g_getenv ("GLOSS_XFT_DPI"), NULL) * 1024), NULL);
  /* The saved copy of the sample is a temporary file: keep it out of the
   * user's recent files. */
  g_object_set (gtk_settings_get_default (), "gtk-recent-files-enabled", FALSE, NULL);

  app = gloss_application_new ();
  g_application_set_application_id (G_APPLICATION (app), NULL);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  light = g_build_filename (outdir, "main-light.png", NULL);
  dark = g_build_filename (outdir, "main-dark.png", NULL);
  narrow = g_build_filename (outdir, "main-narrow.png", NULL);
  claim = g_build_filename (outdir, "claim-light.png", NULL);
  relation_light = g_build_filename (outdir, "relation-light.png", NULL);
  relation_dark = g_build_filename (outdir, "relation-dark.png", NULL);
  relation_narrow = g_build_filename (outdir, "relation-narrow.png", NULL);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  shot (app, 1280, 800, light);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  shot (app, 1280, 800, dark);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  shot (app, 600, 800, narrow);
  shot_full (app, 1280, 800, claim, SHOW_CLAIM);
  shot_full (app, 1280, 800, relation_light, SHOW_RELATION);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  shot_full (app, 1280, 800, relation_dark, SHOW_RELATION);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  shot_full (app, 600, 800, relation_narrow, SHOW_RELATION);
  export_light = g_build_filename (outdir, "export-light.png", NULL);
  export_dark = g_build_filename (outdir, "export-dark.png", NULL);
  export_shot (app, export_light);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  export_shot (app, export_dark);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  if (g_getenv ("GLOSS_EXTRA_SHOTS") != NULL)
    extra_shots (app, g_getenv ("GLOSS_EXTRA_SHOTS"));
  if (g_getenv ("GLOSS_MEASURE") != NULL)
    measure (app);

  return 0;
}
