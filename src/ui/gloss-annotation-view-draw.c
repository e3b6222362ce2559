/* gloss-annotation-view-draw.c: the annotations drawn over the text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Annotations are not GtkTextTags: a tag per mention makes loading slow and
 * every edit relayout the text. Instead snapshot_layer asks the store's span
 * index what lies in the visible range and draws tints, underlines, margin
 * bars and outlines for just that, so the cost of a frame depends on what
 * is on screen, not on how many annotations the document has.
 */
#include "config.h"

#include "gloss-annotation-view-private.h"
#include "gloss-span-levels.h"

#define BAR_GAP          14   /* from the bar to the text */
#define UNDERLINE        2.f
#define LEVEL_STEP       4.f  /* how much lower each nesting level draws */
#define JOIN_CONTEXT     1000 /* how far outside the view to look for nesting */

/* Colours ---------------------------------------------------------------- */

void
_gloss_annotation_view_invalidate_colors (GlossAnnotationView *self)
{
  g_hash_table_remove_all (self->colors);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const Colors *
_gloss_annotation_view_lookup_colors (GlossAnnotationView *self,
                                      GlossLabelKind       kind,
                                      const char          *type_id)
{
  g_autofree char *key = g_strdup_printf ("%d:%s", kind, type_id ? type_id : "");
  GlossLabel *label = NULL;
  Colors *colors;
  GdkRGBA base;

  colors = g_hash_table_lookup (self->colors, key);
  if (colors != NULL)
    return colors;

  if (self->store != NULL && type_id != NULL)
    label = gloss_schema_lookup (gloss_store_get_schema (self->store), kind, type_id);
  if (label == NULL || gloss_label_get_color (label) == NULL ||
      !gdk_rgba_parse (&base, gloss_label_get_color (label)))
    gdk_rgba_parse (&base, "#9a9996");

  colors = g_new (Colors, 1);
  colors->line = base;
  if (self->dark)
    {
      /* Lighter on dark, as the tints need more strength to show. */
      colors->line.red += (1.f - base.red) * .3f;
      colors->line.green += (1.f - base.green) * .3f;
      colors->line.blue += (1.f - base.blue) * .3f;
    }
  colors->line.alpha = 1.f;
  colors->tint = colors->line;
  colors->tint.alpha = self->dark ? .35f : .22f;
  colors->faint = colors->line;
  colors->faint.alpha = self->dark ? .16f : .09f;

  g_hash_table_insert (self->colors, g_steal_pointer (&key), colors);
  return colors;
}

void
_gloss_annotation_view_get_named_color (GlossAnnotationView *self,
                                        const char          *name,
                                        const char          *fallback,
                                        GdkRGBA             *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
}

void
_gloss_annotation_view_update_dark (GlossAnnotationView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);

  if (dark == self->dark)
    return;

  self->dark = dark;
  _gloss_annotation_view_invalidate_colors (self);
}

/* Geometry --------------------------------------------------------------- */

/* The code points of the display lines that intersect the visible area. */
static void
get_visible_range (GlossAnnotationView *self,
                   guint               *start,
                   guint               *end)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GdkRectangle visible;
  GtkTextIter first, last;

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_at_location (view, &first, 0, visible.y);
  gtk_text_view_backward_display_line_start (view, &first);
  gtk_text_view_get_iter_at_location (view, &last, visible.x + visible.width,
                                      visible.y + visible.height);
  if (!gtk_text_view_forward_display_line (view, &last))
    gtk_text_buffer_get_end_iter (get_buffer (self), &last);

  *start = gtk_text_iter_get_offset (&first);
  *end = gtk_text_iter_get_offset (&last) + 1;
}

/* The rectangles of item @index of the snapshot's layers, for
 * [@start, @end), into self->rects: computed by the layer below the text,
 * copied by the layer above (each asked pango where every line of the
 * item is: a third of a frame in a dense document). */
static void
item_rects (GlossAnnotationView *self,
            guint                index,
            guint                start,
            guint                end)
{
  RectSpan *span = &g_array_index (self->layer_spans, RectSpan, index);

  if (span->n == G_MAXUINT)
    {
      _gloss_annotation_view_compute_rects (self, start, end);
      span->offset = self->layer_rects->len;
      span->n = self->rects->len;
      g_array_append_vals (self->layer_rects, self->rects->data, self->rects->len);
      return;
    }
  g_array_set_size (self->rects, 0);
  g_array_append_vals (self->rects, &g_array_index (self->layer_rects, graphene_rect_t, span->offset), span->n);
}

/* Drawing primitives ----------------------------------------------------- */

static void
fill_rounded (GtkSnapshot           *snapshot,
              const graphene_rect_t *rect,
              float                  radius,
              const GdkRGBA         *color)
{
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, rect, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
}

static void
stroke_rounded (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                float                  radius,
                float                  width,
                const GdkRGBA         *color)
{
  GskRoundedRect rounded;
  const float widths[4] = { width, width, width, width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&rounded, rect, radius);
  gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
}

/* A line of dashes that stay put when the range is split across lines. */
static void
dashed_line (GtkSnapshot   *snapshot,
             float          x0,
             float          x1,
             float          y,
             float          height,
             float          dash,
             float          gap,
             const GdkRGBA *color)
{
  float period = dash + gap;
  float x = floorf (x0 / period) * period;

  for (; x < x1; x += period)
    {
      float a = MAX (x, x0);
      float b = MIN (x + dash, x1);

      if (b > a)
        gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (a, y, b - a, height));
    }
}

static void
solid_line (GtkSnapshot   *snapshot,
            float          x0,
            float          x1,
            float          y,
            float          height,
            const GdkRGBA *color)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x0, y, x1 - x0, height));
}

/* What to draw ------------------------------------------------------------ */

static GArray *
collect_items (GlossAnnotationView *self,
               guint               *visible_start,
               guint               *visible_end)
{
  g_autoptr(GArray) hits = NULL;
  GArray *items;
  guint vs, ve, lo, hi;

  get_visible_range (self, &vs, &ve);
  *visible_start = vs;
  *visible_end = ve;

  hits = gloss_store_query_range (self->store, vs, ve, GLOSS_KIND_MASK_ALL);

  /* A mention cut by the edge of the view may contain mentions outside it,
   * which decide how it is drawn: look a little further. */
  lo = vs;
  hi = ve;
  for (guint i = 0; i < hits->len; i++)
    {
      const GlossSpanHit *hit = &g_array_index (hits, GlossSpanHit, i);

      if (gloss_annotation_get_kind (hit->annotation) != GLOSS_KIND_MENTION)
        continue;
      lo = MIN (lo, hit->start);
      hi = MAX (hi, hit->end);
    }
  lo = MAX (lo, vs > JOIN_CONTEXT ? vs - JOIN_CONTEXT : 0);
  hi = MIN (hi, ve + JOIN_CONTEXT);
  if (lo < vs || hi > ve)
    {
      g_clear_pointer (&hits, g_array_unref);
      hits = gloss_store_query_range (self->store, lo, hi, GLOSS_KIND_MASK_ALL);
    }

  items = g_array_sized_new (FALSE, FALSE, sizeof (GlossSpanLevel), hits->len);
  for (guint i = 0; i < hits->len; i++)
    {
      const GlossSpanHit *hit = &g_array_index (hits, GlossSpanHit, i);
      GlossSpanLevel item = {
        .annotation = hit->annotation,
        .start = hit->start,
        .end = hit->end,
        .kind = gloss_annotation_get_kind (hit->annotation),
        .role = hit->role,
      };

      g_array_append_val (items, item);
    }

  gloss_span_levels_sort ((GlossSpanLevel *) (gpointer) items->data, items->len);
  gloss_span_levels_compute ((GlossSpanLevel *) (gpointer) items->data, items->len);

  return items;
}

/* The entity whose mentions get a ring, and in which colour. */
static GlossEntity *
get_ringed_entity (GlossAnnotationView *self,
                   GdkRGBA             *color)
{
  GlossAnnotation *selected = self->selected;

  if (selected != NULL && GLOSS_IS_CLAIM (selected))
    {
      GlossEntity *claimant = gloss_claim_get_claimant (GLOSS_CLAIM (selected));

      if (claimant != NULL)
        {
          *color = _gloss_annotation_view_lookup_colors (self, GLOSS_LABEL_CLAIM,
                                                         gloss_annotation_get_type_id (selected))->line;
          return claimant;
        }
    }

  if (selected != NULL && GLOSS_IS_ENTITY (selected))
    {
      _gloss_annotation_view_get_named_color (self, "accent_color", "#1c71d8", color);
      return GLOSS_ENTITY (selected);
    }

  return NULL;
}

static gboolean
is_relation_end (GlossAnnotationView *self,
                 GlossEntity         *entity)
{
  GlossRelation *relation;

  if (entity == NULL || self->selected == NULL || !GLOSS_IS_RELATION (self->selected))
    return FALSE;

  relation = GLOSS_RELATION (self->selected);
  return entity == gloss_relation_get_from (relation) ||
         entity == gloss_relation_get_to (relation);
}

static void
draw_below (GlossAnnotationView *self,
            GtkSnapshot         *snapshot,
            const GlossSpanLevel          *items,
            guint                n_items,
            guint                vs,
            guint                ve)
{
  int bar_x = gtk_text_view_get_left_margin (GTK_TEXT_VIEW (self)) - BAR_GAP;

  for (guint i = 0; i < n_items; i++)
    {
      const GlossSpanLevel *item = &items[i];
      gboolean selected = item->annotation == self->selected;
      const Colors *colors;

      if (item->end <= vs || item->start >= ve)
        continue;

      switch ((GlossAnnotationKind) item->kind)
        {
        case GLOSS_KIND_MENTION:
          {
            GdkRGBA tint;

            if (item->level > 0)
              break;
            colors = _gloss_annotation_view_lookup_colors (self, GLOSS_LABEL_ENTITY,
                                                           gloss_annotation_get_type_id (item->annotation));
            tint = colors->tint;
            if (gloss_annotation_get_status (item->annotation) == GLOSS_STATUS_SUGGESTED)
              tint.alpha /= 2.f;
            item_rects (self, i, MAX (item->start, vs), MIN (item->end, ve));
            for (guint r = 0; r < self->rects->len; r++)
              {
                graphene_rect_t rect = g_array_index (self->rects, graphene_rect_t, r);

                graphene_rect_inset (&rect, -1.f, 0.f);
                fill_rounded (snapshot, &rect, 3.f, &tint);
              }
          }
          break;

        case GLOSS_KIND_CLAIM:
          {
            float top = G_MAXFLOAT, bottom = -G_MAXFLOAT;
            GdkRGBA bar;

            if (item->role != GLOSS_ROLE_CONTENT)
              break;
            colors = _gloss_annotation_view_lookup_colors (self, GLOSS_LABEL_CLAIM,
                                                           gloss_annotation_get_type_id (item->annotation));
            item_rects (self, i, MAX (item->start, vs), MIN (item->end, ve));
            for (guint r = 0; r < self->rects->len; r++)
              {
                const graphene_rect_t *rect = &g_array_index (self->rects, graphene_rect_t, r);

                if (selected)
                  fill_rounded (snapshot, rect, 2.f, &colors->faint);
                top = MIN (top, rect->origin.y);
                bottom = MAX (bottom, rect->origin.y + rect->size.height);
              }
            if (self->rects->len == 0)
              break;

            bar = colors->line;
            if (!selected)
              bar.alpha = .4f;
            fill_rounded (snapshot,
                          &GRAPHENE_RECT_INIT (bar_x - (selected ? 1.5f : 1.f), top - 2.f,
                                               selected ? 3.f : 2.f, bottom - top + 4.f),
                          1.5f, &bar);
          }
          break;

        case GLOSS_KIND_RELATION:
          if (!selected)
            break;
          colors = _gloss_annotation_view_lookup_colors (self, GLOSS_LABEL_RELATION,
                                                         gloss_annotation_get_type_id (item->annotation));
          item_rects (self, i, MAX (item->start, vs), MIN (item->end, ve));
          for (guint r = 0; r < self->rects->len; r++)
            fill_rounded (snapshot, &g_array_index (self->rects, graphene_rect_t, r),
                          2.f, &colors->faint);
          break;

        case GLOSS_KIND_ENTITY:
        case GLOSS_N_KINDS:
        default:
          break;
        }
    }
}

static void
draw_above (GlossAnnotationView *self,
            GtkSnapshot         *snapshot,
            const GlossSpanLevel          *items,
            guint                n_items,
            guint                vs,
            guint                ve)
{
  GdkRGBA accent, foreground, ring_color;
  GlossEntity *ringed;

  _gloss_annotation_view_get_named_color (self, "accent_color", "#1c71d8", &accent);
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &foreground);
  ringed = get_ringed_entity (self, &ring_color);

  for (guint i = 0; i < n_items; i++)
    {
      const GlossSpanLevel *item = &items[i];
      gboolean selected = item->annotation == self->selected;
      const Colors *colors;

      if (item->end <= vs || item->start >= ve)
        continue;

      switch ((GlossAnnotationKind) item->kind)
        {
        case GLOSS_KIND_MENTION:
          {
            GlossEntity *entity = gloss_mention_get_entity (GLOSS_MENTION (item->annotation));
            gboolean suggested = gloss_annotation_get_status (item->annotation) == GLOSS_STATUS_SUGGESTED;
            gboolean ring = entity != NULL && (entity == ringed || entity == self->highlighted_entity);
            gboolean outline = selected || is_relation_end (self, entity);

            colors = _gloss_annotation_view_lookup_colors (self, GLOSS_LABEL_ENTITY,
                                                           gloss_annotation_get_type_id (item->annotation));
            item_rects (self, i, MAX (item->start, vs), MIN (item->end, ve));
            for (guint r = 0; r < self->rects->len; r++)
              {
                graphene_rect_t rect = g_array_index (self->rects, graphene_rect_t, r);
                float y = rect.origin.y + rect.size.height - UNDERLINE + item->level * LEVEL_STEP;
                float x0 = rect.origin.x - 1.f;
                float x1 = rect.origin.x + rect.size.width + 1.f;

                if (suggested)
                  dashed_line (snapshot, x0, x1, y, UNDERLINE, 2.f, 2.f, &colors->line);
                else
                  solid_line (snapshot, x0, x1, y, UNDERLINE, &colors->line);

                /* An outer mention has no tint to ring, unless selected. */
                if (item->level > 0 && !outline)
                  continue;

                graphene_rect_inset (&rect, -2.5f, -1.5f);
                rect.size.height += item->level * LEVEL_STEP;
                if (outline)
                  stroke_rounded (snapshot, &rect, 4.f, 2.f, &accent);
                else if (ring)
                  stroke_rounded (snapshot, &rect, 4.f, 1.5f,
                                  entity == ringed ? &ring_color : &colors->line);
              }
          }
          break;

        case GLOSS_KIND_CLAIM:
          colors = _gloss_annotation_view_lookup_colors (self, GLOSS_LABEL_CLAIM,
                                                         gloss_annotation_get_type_id (item->annotation));
          item_rects (self, i, MAX (item->start, vs), MIN (item->end, ve));
          for (guint r = 0; r < self->rects->len; r++)
            {
              const graphene_rect_t *rect = &g_array_index (self->rects, graphene_rect_t, r);
              float x0 = rect->origin.x;
              float x1 = rect->origin.x + rect->size.width;
              float bottom = rect->origin.y + rect->size.height;

              if (item->role == GLOSS_ROLE_CUE)
                {
                  if (!selected)
                    continue;
                  solid_line (snapshot, x0, x1, bottom - 1.f, 1.f, &foreground);
                  solid_line (snapshot, x0, x1, bottom + 2.f, 1.f, &foreground);
                }
              else
                {
                  /* Below the descenders, and below the mentions inside. */
                  float y = bottom + 1.f + MAX (item->level, 1) * LEVEL_STEP - LEVEL_STEP;

                  dashed_line (snapshot, x0, x1, y, selected ? 2.f : 1.5f, 5.f, 3.f, &colors->line);
                }
            }
          break;

        case GLOSS_KIND_RELATION:
        case GLOSS_KIND_ENTITY:
        case GLOSS_N_KINDS:
        default:
          break;
        }
    }
}

/* Suggestions: a dashed outline in the type's colour, no fill, so that
 * they read as offers, not as annotations. */
static void
draw_suggestions (GlossAnnotationView *self,
                  GtkSnapshot         *snapshot,
                  guint                vs,
                  guint                ve)
{
  for (guint i = 0; self->suggestions != NULL && i < self->suggestions->len; i++)
    {
      const GlossSuggestion *s = &g_array_index (self->suggestions, GlossSuggestion, i);
      const Colors *colors;

      if (s->end <= vs)
        continue;
      if (s->start >= ve)
        break;
      colors = _gloss_annotation_view_lookup_colors (self, GLOSS_LABEL_ENTITY, s->type);
      _gloss_annotation_view_compute_rects (self, MAX (s->start, vs), MIN (s->end, ve));
      for (guint r = 0; r < self->rects->len; r++)
        {
          graphene_rect_t rect = g_array_index (self->rects, graphene_rect_t, r);
          float x0, x1, y0, y1;

          graphene_rect_inset (&rect, -2.f, -1.f);
          x0 = rect.origin.x;
          x1 = rect.origin.x + rect.size.width;
          y0 = rect.origin.y;
          y1 = rect.origin.y + rect.size.height;
          dashed_line (snapshot, x0, x1, y0, 1.5f, 4.f, 3.f, &colors->line);
          dashed_line (snapshot, x0, x1, y1 - 1.5f, 1.5f, 4.f, 3.f, &colors->line);
          solid_line (snapshot, x0, x0 + 1.5f, y0, y1 - y0, &colors->line);
          solid_line (snapshot, x1 - 1.5f, x1, y0, y1 - y0, &colors->line);
        }
    }
}

/* What snapping adds to the selection, in a lighter selection colour, so
 * that what an annotation would cover is visible before it is made. */
static void
draw_snap_preview (GlossAnnotationView *self,
                   GtkSnapshot         *snapshot)
{
  GtkTextIter s, e;
  guint start, end, sel_start, sel_end;
  GdkRGBA color;

  if (!self->snap_to_words ||
      !gtk_text_buffer_get_selection_bounds (get_buffer (self), &s, &e) ||
      !gloss_annotation_view_get_text_selection (self, &start, &end))
    return;

  sel_start = gtk_text_iter_get_offset (&s);
  sel_end = gtk_text_iter_get_offset (&e);
  _gloss_annotation_view_get_named_color (self, "accent_bg_color", "#3584e4", &color);
  color.alpha = .2f;

  for (guint side = 0; side < 2; side++)
    {
      guint a = side == 0 ? start : sel_end;
      guint b = side == 0 ? MIN (sel_start, end) : end;

      if (a >= b)
        continue;
      _gloss_annotation_view_compute_rects (self, a, b);
      for (guint r = 0; r < self->rects->len; r++)
        gtk_snapshot_append_color (snapshot, &color,
                                   &g_array_index (self->rects, graphene_rect_t, r));
    }
}

static gint64
frame_counter (GlossAnnotationView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  return clock != NULL ? gdk_frame_clock_get_frame_counter (clock) : -1;
}

void
_gloss_annotation_view_forget_layers (GlossAnnotationView *self)
{
  g_clear_pointer (&self->layer_items, g_array_unref);
  g_array_set_size (self->layer_spans, 0);
  g_array_set_size (self->layer_rects, 0);
  self->layer_frame = -1;
}

/* The items of this frame's layers: those the layer below the text
 * found, for the layer above of the same frame; else found anew. */
static void
ensure_layer_items (GlossAnnotationView *self,
                    GtkTextViewLayer     layer)
{
  gint64 frame = frame_counter (self);

  if (layer == GTK_TEXT_VIEW_LAYER_ABOVE_TEXT && self->layer_items != NULL &&
      frame != -1 && frame == self->layer_frame)
    return;

  _gloss_annotation_view_forget_layers (self);
  self->layer_items = collect_items (self, &self->layer_vs, &self->layer_ve);
  self->layer_frame = frame;
  g_array_set_size (self->layer_spans, self->layer_items->len);
  for (guint i = 0; i < self->layer_items->len; i++)
    g_array_index (self->layer_spans, RectSpan, i).n = G_MAXUINT;
}

void
_gloss_annotation_view_snapshot_layer (GtkTextView      *text_view,
                                       GtkTextViewLayer  layer,
                                       GtkSnapshot      *snapshot)
{
  GlossAnnotationView *self = GLOSS_ANNOTATION_VIEW (text_view);
  const GlossSpanLevel *items;
  guint n_items, vs, ve;

  if (self->store == NULL)
    {
      _gloss_annotation_view_forget_layers (self);
      return;
    }

  if (layer == GTK_TEXT_VIEW_LAYER_BELOW_TEXT)
    draw_snap_preview (self, snapshot);

  ensure_layer_items (self, layer);
  items = (const GlossSpanLevel *) (gconstpointer) self->layer_items->data;
  n_items = self->layer_items->len;
  vs = self->layer_vs;
  ve = self->layer_ve;

  if (layer == GTK_TEXT_VIEW_LAYER_BELOW_TEXT)
    {
      if (n_items > 0)
        draw_below (self, snapshot, items, n_items, vs, ve);
      return;
    }

  draw_suggestions (self, snapshot, vs, ve);
  if (n_items > 0)
    {
      draw_above (self, snapshot, items, n_items, vs, ve);
      _gloss_annotation_view_draw_arcs (self, snapshot);
    }
  /* The annotations are not owned: nothing of them outlives the frame. */
  _gloss_annotation_view_forget_layers (self);
}
