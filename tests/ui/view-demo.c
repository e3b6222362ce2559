/* view-demo.c: the annotation view on the sample article, to look at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * view-demo [--dark] [--select claim|mention|relation|none] [--highlight NAME]
 *           [--range START:END] [--width W]
 */

#include <adwaita.h>

#include "gloss-annotation-view.h"

typedef struct
{
  const char *text;
  const char *type;
  const char *entity;   /* name of the entity it refers to, or NULL */
} Tag;

/* Longest first, so that "Kim" does not land inside "Kim Jong Un". */
static const Tag tags[] = {
  { "North Korea’s space science and technology committee", "ORG", NULL },
  { "Vostochny Cosmodrome", "FAC", NULL },
  { "ballistic missiles", "EQP", NULL },
  { "Vladimir Putin", "PER", "Vladimir Putin" },
  { "Kim Jong Un", "PER", "Kim Jong Un" },
  { "Kim Myong Sik", "PER", NULL },
  { "Pak Thae Song", "PER", NULL },
  { "North Korea", "GPE", "North Korea" },
  { "Wednesday", "DATE", NULL },
  { "Ukraine", "GPE", "Ukraine" },
  { "Russia", "GPE", "Russia" },
  { "Putin", "PER", "Vladimir Putin" },
  { "Kim", "PER", "Kim Jong Un" },
  { "40-second", "QTY", NULL },
};

static void
print_annotation (const char      *what,
                  GlossAnnotation *annotation)
{
  if (annotation == NULL)
    g_print ("%s: none\n", what);
  else
    g_print ("%s: %s %s [%u, %u)\n", what, gloss_annotation_get_id (annotation),
             gloss_annotation_get_type_id (annotation),
             gloss_annotation_get_start (annotation), gloss_annotation_get_end (annotation));
}

static void
on_activated (GlossAnnotationView *view,
              GlossAnnotation     *annotation)
{
  print_annotation ("activated", annotation);
}

static void
on_selected (GlossAnnotationView *view)
{
  print_annotation ("selected", gloss_annotation_view_get_selected (view));
}

static GlossEntity *
ensure_entity (GlossStore *store,
               GHashTable *entities,
               const char *name,
               const char *type)
{
  GlossEntity *entity = g_hash_table_lookup (entities, name);

  if (entity == NULL)
    {
      g_autoptr(GError) error = NULL;

      entity = gloss_entity_new (type, name);
      if (!gloss_store_add (store, GLOSS_ANNOTATION (entity), &error))
        g_error ("%s", error->message);
      g_hash_table_insert (entities, (gpointer) name, entity);
    }
  return entity;
}

static gboolean
overlaps_any (GlossStore *store,
              guint       start,
              guint       end)
{
  g_autoptr(GArray) hits = gloss_store_query_range (store, start, end, GLOSS_KIND_MASK (GLOSS_KIND_MENTION));
  return hits->len > 0;
}

static GlossSpan
find (const char *text,
      const char *needle,
      guint       nth)
{
  const char *p = text;
  GlossSpan span = { 0, 0 };

  for (guint i = 0; p != NULL; i++)
    {
      p = strstr (p, needle);
      if (p == NULL)
        break;
      if (i == nth)
        {
          span.start = g_utf8_pointer_to_offset (text, p);
          span.end = span.start + g_utf8_strlen (needle, -1);
          return span;
        }
      p += strlen (needle);
    }
  g_error ("“%s” #%u not found", needle, nth);
  return span;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *select = NULL;
  g_autofree char *highlight = NULL;
  g_autofree char *range = NULL;
  gboolean dark = FALSE;
  int width = 1280;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossSchema) schema = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GHashTable) entities = NULL;
  g_autoptr(GlossClaim) claim = NULL;
  g_autoptr(GlossClaim) claim2 = NULL;
  g_autoptr(GlossRelation) relation = NULL;
  GlossAnnotation *to_select = NULL;
  GtkWidget *window, *scroller, *view;
  const char *text;
  guint tagged = 0;
  GOptionEntry entries[] = {
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Dark style", NULL },
    { "select", 0, 0, G_OPTION_ARG_STRING, &select, "claim, mention, relation or none", "WHAT" },
    { "highlight", 0, 0, G_OPTION_ARG_STRING, &highlight, "Ring an entity's mentions", "NAME" },
    { "range", 0, 0, G_OPTION_ARG_STRING, &range, "Select text START:END", "RANGE" },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, "Window width", "W" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);

  gtk_init ();
  adw_init ();
  if (dark)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);

  path = g_build_filename (g_getenv ("GLOSS_SAMPLES_DIR") ? g_getenv ("GLOSS_SAMPLES_DIR") : "data/samples",
                           "kim-putin-vostochny.txt", NULL);
  if (!g_file_get_contents (path, &contents, NULL, &error))
    g_error ("%s", error->message);

  document = gloss_document_new_from_text (contents, -1, path, &error);
  if (document == NULL)
    g_error ("%s", error->message);
  schema = gloss_schema_new_default ();
  store = gloss_store_new (document, schema);
  text = gloss_document_get_text (document);
  entities = g_hash_table_new (g_str_hash, g_str_equal);

  /* Every occurrence in the first part of the article. */
  for (guint t = 0; t < G_N_ELEMENTS (tags); t++)
    {
      const char *p = text;

      while ((p = strstr (p, tags[t].text)) != NULL && p - text < 4500)
        {
          GlossSpan span;
          g_autoptr(GlossMention) mention = NULL;
          gboolean nested = t == 7 && strstr (tags[0].text, "North Korea") != NULL;

          const char *after = p + strlen (tags[t].text);

          span.start = g_utf8_pointer_to_offset (text, p);
          span.end = span.start + g_utf8_strlen (tags[t].text, -1);
          p = after;
          if (g_unichar_isalnum (g_utf8_get_char (after)))
            continue;   /* "North Korean" is not "North Korea" */

          if (overlaps_any (store, span.start, span.end))
            {
              /* Only GPE North Korea may nest, inside the ORG. */
              g_autoptr(GArray) hits = gloss_store_query_range (store, span.start, span.end,
                                                                GLOSS_KIND_MASK (GLOSS_KIND_MENTION));
              GlossSpanHit *hit = &g_array_index (hits, GlossSpanHit, 0);

              if (!nested || g_strcmp0 (gloss_annotation_get_type_id (hit->annotation), "ORG") != 0)
                continue;
            }

          mention = gloss_mention_new (tags[t].type, &span, 1);
          if (tags[t].entity != NULL)
            gloss_mention_set_entity (mention, ensure_entity (store, entities, tags[t].entity, tags[t].type));
          if (!gloss_store_add (store, GLOSS_ANNOTATION (mention), &error))
            g_error ("%s", error->message);
          if (to_select == NULL && g_str_equal (tags[t].text, "Kim Jong Un"))
            to_select = GLOSS_ANNOTATION (mention);
          tagged++;
        }
    }

  /* The quote Kim "added", and his promise. */
  {
    GlossSpan content = find (text, "“The Russian army and people will certainly win", 0);
    GlossSpan cue = find (text, "added", 0);
    const char *end = strstr (text, "expansionist illusion,”");

    content.end = g_utf8_pointer_to_offset (text, end) + g_utf8_strlen ("expansionist illusion,”", -1);
    claim = gloss_claim_new ("quote", &content, 1);
    gloss_claim_set_claimant (claim, g_hash_table_lookup (entities, "Kim Jong Un"));
    gloss_annotation_set_spans (GLOSS_ANNOTATION (claim), GLOSS_ROLE_CUE, &cue, 1);
    if (!gloss_store_add (store, GLOSS_ANNOTATION (claim), &error))
      g_error ("%s", error->message);

    content = find (text, "“full and unconditional support”", 0);
    claim2 = gloss_claim_new ("promise", &content, 1);
    gloss_claim_set_claimant (claim2, g_hash_table_lookup (entities, "Kim Jong Un"));
    if (!gloss_store_add (store, GLOSS_ANNOTATION (claim2), &error))
      g_error ("%s", error->message);
  }

  relation = gloss_relation_new ("meets_with",
                                 g_hash_table_lookup (entities, "Kim Jong Un"),
                                 g_hash_table_lookup (entities, "Vladimir Putin"));
  if (!gloss_store_add (store, GLOSS_ANNOTATION (relation), &error))
    g_error ("%s", error->message);

  g_print ("%u mentions, 2 claims, 1 relation\n", tagged);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), width, 800);
  gtk_window_set_title (GTK_WINDOW (window), "Gloss view demo");
  scroller = gtk_scrolled_window_new ();
  view = gloss_annotation_view_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gloss_annotation_view_set_store (GLOSS_ANNOTATION_VIEW (view), store);

  if (g_strcmp0 (select, "claim") == 0)
    gloss_annotation_view_set_selected (GLOSS_ANNOTATION_VIEW (view), GLOSS_ANNOTATION (claim));
  else if (g_strcmp0 (select, "mention") == 0)
    gloss_annotation_view_set_selected (GLOSS_ANNOTATION_VIEW (view), to_select);
  else if (g_strcmp0 (select, "relation") == 0)
    gloss_annotation_view_set_selected (GLOSS_ANNOTATION_VIEW (view), GLOSS_ANNOTATION (relation));
  if (highlight != NULL)
    gloss_annotation_view_set_highlighted_entity (GLOSS_ANNOTATION_VIEW (view),
                                                  g_hash_table_lookup (entities, highlight));
  if (range != NULL)
    {
      guint s = 0, e = 0;

      if (sscanf (range, "%u:%u", &s, &e) == 2)
        gloss_annotation_view_select_range (GLOSS_ANNOTATION_VIEW (view), s, e);
    }

  g_signal_connect (view, "annotation-activated", G_CALLBACK (on_activated), NULL);
  g_signal_connect (view, "notify::selected", G_CALLBACK (on_selected), NULL);
  gtk_widget_grab_focus (view);
  gtk_window_present (GTK_WINDOW (window));

  while (g_list_model_get_n_items (gtk_window_get_toplevels ()) > 0)
    g_main_context_iteration (NULL, TRUE);

  return 0;
}
