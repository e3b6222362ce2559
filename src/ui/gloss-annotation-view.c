/* gloss-annotation-view.c: the article, read-only, with its annotations drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Annotations are not GtkTextTags: a tag per mention makes loading slow and
 * every edit relayout the text. Instead snapshot_layer asks the store's span
 * index what lies in the visible range and draws tints, underlines, margin
 * bars and outlines for just that, so the cost of a frame depends on what
 * is on screen, not on how many annotations the document has.
 */

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-annotation-view.h"
#include "gloss-text-feed.h"
#include "gloss-words.h"

#define COLUMN_WIDTH     680  /* the reading column, in pixels */
#define MIN_MARGIN       28   /* room for the claim bars on narrow windows */
#define BAR_GAP          14   /* from the bar to the text */
#define UNDERLINE        2.f
#define LEVEL_STEP       4.f  /* how much lower each nesting level draws */
#define JOIN_CONTEXT     1000 /* how far outside the view to look for nesting */
#define ARC_LIFT         14.f /* how far an arc rises above its higher end */
#define ARC_STAGGER      9.f
#define TOOLTIP_REST_MS  700  /* on one annotation, after GTK's own hover delay */

struct _GlossAnnotationView
{
  GtkTextView      parent_instance;

  GlossStore      *store;
  GlossAnnotation *selected;
  GlossEntity     *highlighted_entity;
  GlossAnnotation *tooltip_annotation;   /* what the pointer rests on */
  gint64           tooltip_since;
  guint            tooltip_id;
  GlossTextFeed   *feed;       /* while the text goes in, in slices */

  /* (kind, type id) → Colors; dropped when the schema or style changes */
  GHashTable      *colors;
  GArray          *rects;      /* scratch graphene_rect_t */
  GArray          *arcs;       /* Arc: the selection's relations, drawn */
  gboolean         arcs_valid;

  int              margin;
  guint            pending_scroll;   /* G_MAXUINT for none */
  guint            scroll_tick;
  gint64           scroll_deadline;  /* monotonic µs: give up the scroll then */
  guint8           scroll_stable;
  guint            snap_to_words : 1;
  /* The press a second one would make a double-click of. */
  guint32          first_press_time;
  double           first_press_x;
  double           first_press_y;
  /* The word a double-click selected, until its button goes up. */
  guint            word_start;
  guint            word_end;
  guint            dark : 1;
};

typedef struct
{
  GdkRGBA line;
  GdkRGBA tint;
  GdkRGBA faint;
} Colors;

/* One visible fragment to draw. */
typedef struct
{
  GlossAnnotation *annotation;
  guint            start;
  guint            end;
  guint8           kind;
  guint8           role;
  guint16          level;   /* mentions: how many nested below; claims: line below them */
} Item;

/* One relation drawn for the selection: an arc from a mention of its
 * `from` entity to a mention of its `to` entity. The relation is not
 * owned: the plan is dropped at every change of the store. */
typedef struct
{
  GlossRelation *relation;
  guint          from_start;
  guint          from_end;
  guint          to_start;
  guint          to_end;
} Arc;

#define MAX_ARCS 12

enum {
  PROP_0,
  PROP_STORE,
  PROP_SELECTED,
  PROP_HIGHLIGHTED_ENTITY,
  PROP_SNAP_TO_WORDS,
  PROP_LOADING,
  PROP_LOAD_FRACTION,
  N_PROPS
};

enum {
  ANNOTATION_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GlossAnnotationView, gloss_annotation_view, GTK_TYPE_TEXT_VIEW)

static void select_annotation (GlossAnnotationView *self,
                               GlossAnnotation     *annotation,
                               gboolean             scroll);

/* Colours ---------------------------------------------------------------- */

static void
invalidate_colors (GlossAnnotationView *self)
{
  g_hash_table_remove_all (self->colors);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static const Colors *
lookup_colors (GlossAnnotationView *self,
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

static void
get_named_color (GlossAnnotationView *self,
                 const char          *name,
                 const char          *fallback,
                 GdkRGBA             *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
}

static void
update_dark (GlossAnnotationView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);

  if (dark == self->dark)
    return;

  self->dark = dark;
  invalidate_colors (self);
}

/* Geometry --------------------------------------------------------------- */

static GtkTextBuffer *
get_buffer (GlossAnnotationView *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
}

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

/* Fills self->rects with one rectangle (buffer coordinates, the height of
 * the text) for each display line that [start, end) touches. */
static void
compute_rects (GlossAnnotationView *self,
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
      GtkTextIter next = iter, last;
      GdkRectangle a, b;
      graphene_rect_t rect;
      guint seg_end;
      int x0, x1;

      if (!gtk_text_view_forward_display_line (view, &next))
        gtk_text_buffer_get_end_iter (buffer, &next);
      seg_end = MIN ((guint) gtk_text_iter_get_offset (&next), end);
      if (seg_end <= pos)
        break;

      gtk_text_view_get_iter_location (view, &iter, &a);
      if (seg_end - 1 == pos)
        b = a;
      else
        {
          gtk_text_buffer_get_iter_at_offset (buffer, &last, seg_end - 1);
          gtk_text_view_get_iter_location (view, &last, &b);
        }

      x0 = MIN (a.x, b.x);
      x1 = MAX (a.x + a.width, b.x + b.width);
      graphene_rect_init (&rect, x0, a.y, MAX (x1 - x0, 1), a.height);
      g_array_append_val (self->rects, rect);

      iter = next;
      pos = seg_end;
    }
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

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Item *ia = a;
  const Item *ib = b;

  if (ia->start != ib->start)
    return ia->start < ib->start ? -1 : 1;
  if (ia->end != ib->end)
    return ia->end > ib->end ? -1 : 1;   /* outer first */
  if (ia->kind != ib->kind)
    return ia->kind < ib->kind ? -1 : 1;
  return ia->role - ib->role;
}

/* Mentions: level 0 for the innermost, one more per nesting above it, so a
 * mention that contains another draws its underline lower and no tint.
 * Claims: the level their dashes go, below the mentions they contain. */
static void
compute_levels (Item  *items,
                guint  n_items)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree int *parent = g_new (int, n_items);

  for (guint i = 0; i < n_items; i++)
    {
      Item *item = &items[i];

      parent[i] = -1;
      if (item->kind != GLOSS_KIND_MENTION)
        continue;

      while (stack->len > 0 &&
             items[g_array_index (stack, guint, stack->len - 1)].end <= item->start)
        g_array_set_size (stack, stack->len - 1);

      for (guint j = stack->len; j > 0; j--)
        {
          guint p = g_array_index (stack, guint, j - 1);

          if (items[p].end >= item->end)
            {
              parent[i] = p;
              break;
            }
        }
      g_array_append_val (stack, i);
    }

  /* Children come after their parents: walk back to lift the parents. */
  for (guint i = n_items; i > 0; i--)
    if (parent[i - 1] >= 0)
      {
        Item *p = &items[parent[i - 1]];
        p->level = MAX (p->level, items[i - 1].level + 1);
      }

  for (guint i = 0; i < n_items; i++)
    {
      Item *claim = &items[i];

      if (claim->kind != GLOSS_KIND_CLAIM || claim->role != GLOSS_ROLE_CONTENT)
        continue;

      claim->level = 0;
      for (guint j = i + 1; j < n_items && items[j].start < claim->end; j++)
        if (items[j].kind == GLOSS_KIND_MENTION && items[j].end <= claim->end)
          claim->level = MAX (claim->level, items[j].level + 1);
      for (guint j = i; j > 0 && items[j - 1].start == claim->start; j--)
        if (items[j - 1].kind == GLOSS_KIND_MENTION && items[j - 1].end <= claim->end)
          claim->level = MAX (claim->level, items[j - 1].level + 1);
    }
}

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

  items = g_array_sized_new (FALSE, FALSE, sizeof (Item), hits->len);
  for (guint i = 0; i < hits->len; i++)
    {
      const GlossSpanHit *hit = &g_array_index (hits, GlossSpanHit, i);
      Item item = {
        .annotation = hit->annotation,
        .start = hit->start,
        .end = hit->end,
        .kind = gloss_annotation_get_kind (hit->annotation),
        .role = hit->role,
      };

      g_array_append_val (items, item);
    }

  g_array_sort (items, compare_items);
  compute_levels ((Item *) (gpointer) items->data, items->len);

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
          *color = lookup_colors (self, GLOSS_LABEL_CLAIM,
                                  gloss_annotation_get_type_id (selected))->line;
          return claimant;
        }
    }

  if (selected != NULL && GLOSS_IS_ENTITY (selected))
    {
      get_named_color (self, "accent_color", "#1c71d8", color);
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
            const Item          *items,
            guint                n_items,
            guint                vs,
            guint                ve)
{
  int bar_x = gtk_text_view_get_left_margin (GTK_TEXT_VIEW (self)) - BAR_GAP;

  for (guint i = 0; i < n_items; i++)
    {
      const Item *item = &items[i];
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
            colors = lookup_colors (self, GLOSS_LABEL_ENTITY,
                                    gloss_annotation_get_type_id (item->annotation));
            tint = colors->tint;
            if (gloss_annotation_get_status (item->annotation) == GLOSS_STATUS_SUGGESTED)
              tint.alpha /= 2.f;
            compute_rects (self, MAX (item->start, vs), MIN (item->end, ve));
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
            colors = lookup_colors (self, GLOSS_LABEL_CLAIM,
                                    gloss_annotation_get_type_id (item->annotation));
            compute_rects (self, MAX (item->start, vs), MIN (item->end, ve));
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
          colors = lookup_colors (self, GLOSS_LABEL_RELATION,
                                  gloss_annotation_get_type_id (item->annotation));
          compute_rects (self, MAX (item->start, vs), MIN (item->end, ve));
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
            const Item          *items,
            guint                n_items,
            guint                vs,
            guint                ve)
{
  GdkRGBA accent, foreground, ring_color;
  GlossEntity *ringed;

  get_named_color (self, "accent_color", "#1c71d8", &accent);
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &foreground);
  ringed = get_ringed_entity (self, &ring_color);

  for (guint i = 0; i < n_items; i++)
    {
      const Item *item = &items[i];
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

            colors = lookup_colors (self, GLOSS_LABEL_ENTITY,
                                    gloss_annotation_get_type_id (item->annotation));
            compute_rects (self, MAX (item->start, vs), MIN (item->end, ve));
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
          colors = lookup_colors (self, GLOSS_LABEL_CLAIM,
                                  gloss_annotation_get_type_id (item->annotation));
          compute_rects (self, MAX (item->start, vs), MIN (item->end, ve));
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

/* Relation arcs ----------------------------------------------------------- */

static void
invalidate_arcs (GlossAnnotationView *self)
{
  self->arcs_valid = FALSE;
}

static guint
distance (guint a,
          guint b)
{
  return a > b ? a - b : b - a;
}

/* The mention of @entity nearest to @offset, one inside [@lo, @hi) if
 * there is any. */
static GlossAnnotation *
nearest_mention_in (GlossAnnotationView *self,
                    GlossEntity         *entity,
                    guint                offset,
                    guint                lo,
                    guint                hi)
{
  g_autoptr(GPtrArray) mentions = gloss_store_get_mentions_of (self->store, entity);
  GlossAnnotation *best = NULL;
  gboolean best_inside = FALSE;

  for (guint i = 0; i < mentions->len; i++)
    {
      GlossAnnotation *mention = g_ptr_array_index (mentions, i);
      gboolean inside = gloss_annotation_get_start (mention) >= lo && gloss_annotation_get_end (mention) <= hi;

      if (best == NULL || (inside && !best_inside) ||
          (inside == best_inside &&
           distance (gloss_annotation_get_start (mention), offset) <
           distance (gloss_annotation_get_start (best), offset)))
        {
          best = mention;
          best_inside = inside;
        }
    }
  return best;
}

static GlossAnnotation *
nearest_mention (GlossAnnotationView *self,
                 GlossEntity         *entity,
                 guint                offset)
{
  return nearest_mention_in (self, entity, offset, 0, 0);
}

static void
add_arc (GlossAnnotationView *self,
         GlossRelation       *relation,
         GlossAnnotation     *from,
         GlossAnnotation     *to)
{
  Arc arc = { relation };

  if (from == NULL || to == NULL || from == to || self->arcs->len >= MAX_ARCS)
    return;
  arc.from_start = gloss_annotation_get_start (from);
  arc.from_end = gloss_annotation_get_end (from);
  arc.to_start = gloss_annotation_get_start (to);
  arc.to_end = gloss_annotation_get_end (to);
  g_array_append_val (self->arcs, arc);
}

/* Which arcs the selection has: a selected mention, one to the nearest
 * mention of each entity its entity relates to; a selected relation, one
 * between the mentions of its ends nearest its evidence (or, without
 * evidence, from its first `from` mention, where the view scrolls to).
 * Computed once per selection and change, not per frame. */
static void
plan_arcs (GlossAnnotationView *self)
{
  GlossAnnotation *selected = self->selected;

  self->arcs_valid = TRUE;
  g_array_set_size (self->arcs, 0);
  if (self->store == NULL || selected == NULL)
    return;

  if (GLOSS_IS_MENTION (selected))
    {
      GlossEntity *entity = gloss_mention_get_entity (GLOSS_MENTION (selected));
      GListModel *relations = gloss_store_get_list (self->store, GLOSS_KIND_RELATION);
      guint offset = gloss_annotation_get_start (selected);

      if (entity == NULL)
        return;
      for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
        {
          g_autoptr(GlossRelation) relation = g_list_model_get_item (relations, i);
          GlossEntity *from = gloss_relation_get_from (relation);
          GlossEntity *to = gloss_relation_get_to (relation);

          if (from == entity && to != entity)
            add_arc (self, relation, selected, nearest_mention (self, to, offset));
          else if (to == entity && from != entity)
            add_arc (self, relation, nearest_mention (self, from, offset), selected);
        }
    }
  else if (GLOSS_IS_RELATION (selected))
    {
      GlossRelation *relation = GLOSS_RELATION (selected);
      GlossEntity *from = gloss_relation_get_from (relation);
      GlossEntity *to = gloss_relation_get_to (relation);
      const GlossSpan *evidence;
      guint n = 0;
      GlossAnnotation *a, *b;

      if (from == NULL || to == NULL || from == to)
        return;
      evidence = gloss_annotation_get_spans (selected, GLOSS_ROLE_EVIDENCE, &n);
      if (n > 0)
        {
          a = nearest_mention_in (self, from, evidence[0].start, evidence[0].start, evidence[n - 1].end);
          b = nearest_mention_in (self, to, evidence[0].start, evidence[0].start, evidence[n - 1].end);
        }
      else
        {
          /* Where selecting the relation scrolls to (get_anchor): its
           * first `from` mention, and the `to` mention nearest it. */
          a = nearest_mention (self, from, 0);
          b = a != NULL ? nearest_mention (self, to, gloss_annotation_get_start (a)) : NULL;
        }
      add_arc (self, relation, a, b);
    }
}

/* Where an arc meets a mention: the middle of the top of its first line. */
static gboolean
arc_anchor (GlossAnnotationView *self,
            guint                start,
            guint                end,
            graphene_point_t    *point)
{
  const graphene_rect_t *rect;

  compute_rects (self, start, end);
  if (self->rects->len == 0)
    return FALSE;
  rect = &g_array_index (self->rects, graphene_rect_t, 0);
  graphene_point_init (point, rect->origin.x + rect->size.width / 2.f, rect->origin.y - 1.f);
  return TRUE;
}

static void
draw_arc (GlossAnnotationView *self,
          cairo_t             *cr,
          const Arc           *arc,
          guint                index,
          const GdkRGBA       *background,
          const GdkRGBA       *foreground)
{
  GlossLabel *type;
  const GdkRGBA *color;
  graphene_point_t a, b;
  g_autoptr(PangoLayout) layout = NULL;
  PangoAttrList *attrs;
  PangoRectangle extents;
  double lift, top, mx, my, w, h, r;
  const char *name;

  if (!arc_anchor (self, arc->from_start, arc->from_end, &a) ||
      !arc_anchor (self, arc->to_start, arc->to_end, &b))
    return;

  type = gloss_schema_lookup (gloss_store_get_schema (self->store), GLOSS_LABEL_RELATION,
                              gloss_annotation_get_type_id (GLOSS_ANNOTATION (arc->relation)));
  name = type != NULL ? gloss_label_get_name (type) : gloss_annotation_get_type_id (GLOSS_ANNOTATION (arc->relation));
  color = &lookup_colors (self, GLOSS_LABEL_RELATION,
                          gloss_annotation_get_type_id (GLOSS_ANNOTATION (arc->relation)))->line;

  /* Up from both ends to above the higher one, like brat's arcs; arcs
   * of one selection stagger so their labels stay apart. */
  lift = ARC_LIFT + ARC_STAGGER * (index % 3) + MIN (fabs (a.x - b.x), 400.) * .03;
  top = MIN (a.y, b.y) - lift;

  cairo_set_line_width (cr, 1.75);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_move_to (cr, a.x, a.y);
  cairo_curve_to (cr, a.x, top, b.x, top, b.x, b.y - 5.);
  cairo_stroke (cr);

  /* The arrowhead points down into the `to` mention; a dot marks `from`. */
  cairo_move_to (cr, b.x, b.y + 1.);
  cairo_line_to (cr, b.x - 4., b.y - 6.);
  cairo_line_to (cr, b.x + 4., b.y - 6.);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_arc (cr, a.x, a.y - 1., 2.5, 0, 2 * G_PI);
  cairo_fill (cr);

  /* The type, on a pill at the top of the curve. */
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), name);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_scale_new (.72));
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_SEMIBOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_extents (layout, NULL, &extents);
  mx = (a.x + b.x) / 2.;
  my = (a.y + b.y) / 8. + top * 3. / 4.;   /* the curve at t = ½ */
  w = extents.width + 10.;
  h = extents.height + 2.;
  r = h / 2.;
  cairo_new_sub_path (cr);
  cairo_arc (cr, mx - w / 2. + r, my, r, G_PI / 2., 3. * G_PI / 2.);
  cairo_arc (cr, mx + w / 2. - r, my, r, 3. * G_PI / 2., G_PI / 2.);
  cairo_close_path (cr);
  gdk_cairo_set_source_rgba (cr, background);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1.25);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_stroke (cr);
  gdk_cairo_set_source_rgba (cr, foreground);
  cairo_move_to (cr, mx - extents.width / 2. - extents.x, my - h / 2. + 1. - extents.y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_arcs (GlossAnnotationView *self,
           GtkSnapshot         *snapshot)
{
  GdkRectangle visible;
  GdkRGBA background, foreground;
  cairo_t *cr;

  if (!self->arcs_valid)
    plan_arcs (self);
  if (self->arcs->len == 0)
    return;

  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self), &visible);
  get_named_color (self, "view_bg_color", self->dark ? "#1e1e1e" : "#ffffff", &background);
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &foreground);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (visible.x, visible.y,
                                                                 visible.width, visible.height));
  for (guint i = 0; i < self->arcs->len; i++)
    draw_arc (self, cr, &g_array_index (self->arcs, Arc, i), i, &background, &foreground);
  cairo_destroy (cr);
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
  get_named_color (self, "accent_bg_color", "#3584e4", &color);
  color.alpha = .2f;

  for (guint side = 0; side < 2; side++)
    {
      guint a = side == 0 ? start : sel_end;
      guint b = side == 0 ? MIN (sel_start, end) : end;

      if (a >= b)
        continue;
      compute_rects (self, a, b);
      for (guint r = 0; r < self->rects->len; r++)
        gtk_snapshot_append_color (snapshot, &color,
                                   &g_array_index (self->rects, graphene_rect_t, r));
    }
}

static void
gloss_annotation_view_snapshot_layer (GtkTextView      *text_view,
                                      GtkTextViewLayer  layer,
                                      GtkSnapshot      *snapshot)
{
  GlossAnnotationView *self = GLOSS_ANNOTATION_VIEW (text_view);
  g_autoptr(GArray) items = NULL;
  guint vs, ve;

  if (self->store == NULL)
    return;

  if (layer == GTK_TEXT_VIEW_LAYER_BELOW_TEXT)
    draw_snap_preview (self, snapshot);

  items = collect_items (self, &vs, &ve);
  if (items->len == 0)
    return;

  if (layer == GTK_TEXT_VIEW_LAYER_BELOW_TEXT)
    draw_below (self, snapshot, (const Item *) (gconstpointer) items->data, items->len, vs, ve);
  else
    {
      draw_above (self, snapshot, (const Item *) (gconstpointer) items->data, items->len, vs, ve);
      draw_arcs (self, snapshot);
    }
}

/* Hit testing ------------------------------------------------------------- */

static int
kind_rank (GlossAnnotation *annotation)
{
  switch (gloss_annotation_get_kind (annotation))
    {
    case GLOSS_KIND_MENTION:
      return 0;
    case GLOSS_KIND_CLAIM:
      return 1;
    case GLOSS_KIND_RELATION:
    case GLOSS_KIND_ENTITY:
    case GLOSS_N_KINDS:
    default:
      return 2;
    }
}

static gboolean
get_offset_at (GlossAnnotationView *self,
               double               x,
               double               y,
               guint               *offset)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter iter;
  int bx, by, trailing;

  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_position (view, &iter, &trailing, bx, by))
    return FALSE;
  if (gtk_text_iter_ends_line (&iter))
    return FALSE;

  *offset = gtk_text_iter_get_offset (&iter);
  return TRUE;
}

/* The hits under a point, innermost first; NULL over plain text. */
static GArray *
get_hits_at (GlossAnnotationView *self,
             double               x,
             double               y)
{
  GArray *hits;
  guint offset;

  if (self->store == NULL || !get_offset_at (self, x, y, &offset))
    return NULL;

  hits = gloss_store_query_at (self->store, offset,
                               GLOSS_KIND_MASK (GLOSS_KIND_MENTION) |
                               GLOSS_KIND_MASK (GLOSS_KIND_CLAIM));
  if (hits != NULL && hits->len == 0)
    g_clear_pointer (&hits, g_array_unref);

  return hits;
}

static int
compare_hits_inner_first (gconstpointer a,
                          gconstpointer b)
{
  const GlossSpanHit *ha = a;
  const GlossSpanHit *hb = b;
  guint la = ha->end - ha->start;
  guint lb = hb->end - hb->start;

  if (la != lb)
    return la < lb ? -1 : 1;
  return kind_rank (ha->annotation) - kind_rank (hb->annotation);
}

GlossAnnotation *
gloss_annotation_view_get_annotation_at (GlossAnnotationView *self,
                                         double               x,
                                         double               y)
{
  g_autoptr(GArray) hits = NULL;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_VIEW (self), NULL);

  hits = get_hits_at (self, x, y);
  if (hits == NULL)
    return NULL;

  g_array_sort (hits, compare_hits_inner_first);
  return g_array_index (hits, GlossSpanHit, 0).annotation;
}

static const char *
get_label_name (GlossAnnotationView *self,
                GlossLabelKind       kind,
                const char          *type_id)
{
  GlossLabel *label = NULL;

  if (type_id == NULL)
    return _("Untyped");

  label = gloss_schema_lookup (gloss_store_get_schema (self->store), kind, type_id);
  if (label != NULL && gloss_label_get_name (label) != NULL)
    return gloss_label_get_name (label);

  return type_id;
}

static gboolean
tooltip_rest_cb (gpointer data)
{
  GlossAnnotationView *self = data;

  self->tooltip_id = 0;
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

/* A tooltip shows below the pointer, over the next line of text: so it
 * waits until the pointer has rested on one annotation a while, and
 * reading or moving across the text raises none. The first query for an
 * annotation only starts the wait. */
static gboolean
tooltip_rested (GlossAnnotationView *self,
                GlossAnnotation     *annotation)
{
  gint64 now = g_get_monotonic_time ();

  if (annotation != self->tooltip_annotation)
    {
      g_set_object (&self->tooltip_annotation, annotation);
      self->tooltip_since = now;
      g_clear_handle_id (&self->tooltip_id, g_source_remove);
      self->tooltip_id = g_timeout_add (TOOLTIP_REST_MS, tooltip_rest_cb, self);
      return FALSE;
    }
  return now - self->tooltip_since >= TOOLTIP_REST_MS * (G_USEC_PER_SEC / 1000);
}

/* What @hits (sorted inner first) are, one line each: "Person · Kim Jong
 * Un", "Quote · Kim Jong Un" (the claimant). Pango markup for the tooltip,
 * or plain text for the accessible description. */
static GString *
describe_hits (GlossAnnotationView *self,
               GArray              *hits,
               gboolean             markup)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < hits->len && i < 6; i++)
    {
      GlossSpanHit *hit = &g_array_index (hits, GlossSpanHit, i);
      GlossAnnotation *annotation = hit->annotation;
      const char *type_id = gloss_annotation_get_type_id (annotation);
      const char *type_name = NULL;
      const char *who = NULL;
      gboolean duplicate = FALSE;

      /* A claim hit twice (content and cue) is listed once. */
      for (guint j = 0; j < i; j++)
        if (g_array_index (hits, GlossSpanHit, j).annotation == annotation)
          duplicate = TRUE;
      if (duplicate)
        continue;

      if (GLOSS_IS_MENTION (annotation))
        {
          GlossEntity *entity = gloss_mention_get_entity (GLOSS_MENTION (annotation));

          type_name = get_label_name (self, GLOSS_LABEL_ENTITY, type_id);
          who = entity != NULL ? gloss_entity_get_name (entity) : NULL;
        }
      else if (GLOSS_IS_CLAIM (annotation))
        {
          GlossEntity *claimant = gloss_claim_get_claimant (GLOSS_CLAIM (annotation));

          type_name = get_label_name (self, GLOSS_LABEL_CLAIM, type_id);
          who = claimant != NULL ? gloss_entity_get_name (claimant) : _("the author");
        }
      if (type_name == NULL)
        continue;

      if (out->len > 0)
        g_string_append (out, markup ? "\n" : "; ");
      if (markup)
        {
          g_autofree char *line = g_markup_printf_escaped ("<b>%s</b>%s%s", type_name,
                                                           who != NULL ? " · " : "",
                                                           who != NULL ? who : "");
          g_string_append (out, line);
        }
      else
        g_string_append_printf (out, "%s%s%s", type_name, who != NULL ? " · " : "",
                                who != NULL ? who : "");
    }
  return out;
}

/* The annotations under the caret, for screen readers: the view's
 * accessible description follows the insertion point. */
static void
update_caret_description (GlossAnnotationView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  g_autoptr(GArray) hits = NULL;
  g_autoptr(GString) text = NULL;
  GtkTextIter iter;

  if (self->store != NULL)
    {
      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
      hits = gloss_store_query_at (self->store, gtk_text_iter_get_offset (&iter),
                                   GLOSS_KIND_MASK (GLOSS_KIND_MENTION) |
                                   GLOSS_KIND_MASK (GLOSS_KIND_CLAIM));
    }
  if (hits != NULL && hits->len > 0)
    {
      g_array_sort (hits, compare_hits_inner_first);
      text = describe_hits (self, hits, FALSE);
    }
  if (text != NULL && text->len > 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static gboolean
gloss_annotation_view_query_tooltip (GtkWidget  *widget,
                                     int         x,
                                     int         y,
                                     gboolean    keyboard_tooltip,
                                     GtkTooltip *tooltip)
{
  GlossAnnotationView *self = GLOSS_ANNOTATION_VIEW (widget);
  g_autoptr(GArray) hits = NULL;
  g_autoptr(GString) markup = NULL;

  if (keyboard_tooltip)
    return FALSE;

  hits = get_hits_at (self, x, y);
  if (hits == NULL)
    {
      g_clear_object (&self->tooltip_annotation);
      g_clear_handle_id (&self->tooltip_id, g_source_remove);
      return FALSE;
    }

  g_array_sort (hits, compare_hits_inner_first);
  if (!tooltip_rested (self, g_array_index (hits, GlossSpanHit, 0).annotation))
    return FALSE;

  markup = describe_hits (self, hits, TRUE);
  gtk_tooltip_set_markup (tooltip, markup->str);
  return TRUE;
}

/* Selection snapping --------------------------------------------------------- */

static gunichar
char_at (const GtkTextIter *iter,
         int                delta)
{
  GtkTextIter tmp = *iter;

  if (delta > 0 && !gtk_text_iter_forward_chars (&tmp, delta))
    return 0;
  if (delta < 0 && !gtk_text_iter_backward_chars (&tmp, -delta))
    return 0;
  return gtk_text_iter_get_char (&tmp);
}

/* Whether the characters on both sides of @iter belong to one word
 * (gloss-words.h has the rules). */
static gboolean
joined_at (const GtkTextIter *iter)
{
  GlossWordContext context = {
    char_at (iter, -2), char_at (iter, -1), char_at (iter, 0), char_at (iter, 1), char_at (iter, 2),
  };

  return gloss_word_joined (&context);
}

/* The word at @iter by the same rules as snapping: FALSE if @iter is not
 * in a word. */
static gboolean
word_bounds (const GtkTextIter *iter,
             GtkTextIter       *start,
             GtkTextIter       *end)
{
  GtkTextIter next = *iter;

  if (!gtk_text_iter_forward_char (&next))
    return FALSE;
  if (!gloss_word_char (gtk_text_iter_get_char (iter)) && !(joined_at (iter) && joined_at (&next)))
    return FALSE;

  *start = *iter;
  while (!gtk_text_iter_is_start (start) && joined_at (start))
    gtk_text_iter_backward_char (start);
  *end = next;
  while (!gtk_text_iter_is_end (end) && joined_at (end))
    gtk_text_iter_forward_char (end);
  return TRUE;
}

static gboolean
buffer_iter_at (GlossAnnotationView *self,
                double               x,
                double               y,
                GtkTextIter         *iter)
{
  int bx, by;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  return gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), iter, bx, by);
}

/* Whether this press is the second of a double-click. The gesture's own
 * count starts again whenever GtkTextView claims a press (a click in the
 * selection does), so the view counts by the settings' time and distance
 * itself. */
static gboolean
is_second_press (GlossAnnotationView *self,
                 GtkGestureClick     *gesture,
                 double               x,
                 double               y)
{
  guint32 time = gtk_event_controller_get_current_event_time (GTK_EVENT_CONTROLLER (gesture));
  int double_time = 400, distance = 5;
  gboolean second;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)),
                "gtk-double-click-time", &double_time,
                "gtk-double-click-distance", &distance,
                NULL);
  second = self->first_press_time != 0 &&
           time - self->first_press_time <= (guint32) double_time &&
           fabs (x - self->first_press_x) <= distance &&
           fabs (y - self->first_press_y) <= distance;

  /* A third press is not another second one. */
  self->first_press_time = second ? 0 : time;
  self->first_press_x = x;
  self->first_press_y = y;
  return second;
}

/* GtkTextView selects a word by Pango's rules, which split "al-Qaida" and
 * keep "Korea’s" whole: a double-click in a word selects it by the rules
 * snapping uses instead, before GtkTextView sees the press. */
static void
on_capture_pressed (GtkGestureClick     *gesture,
                    int                  n_press,
                    double               x,
                    double               y,
                    GlossAnnotationView *self)
{
  GtkTextIter pressed, start, end;

  if (gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) != GDK_BUTTON_PRIMARY ||
      !is_second_press (self, gesture, x, y) ||
      !buffer_iter_at (self, x, y, &pressed) ||
      !word_bounds (&pressed, &start, &end))
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_text_buffer_select_range (get_buffer (self), &start, &end);
  /* GtkTextView, cancelled by the claim, may still let go of a selection
   * the first press was in: select the word again on release. */
  self->word_start = gtk_text_iter_get_offset (&start);
  self->word_end = gtk_text_iter_get_offset (&end);
}

static void
on_capture_released (GtkGestureClick     *gesture,
                     int                  n_press,
                     double               x,
                     double               y,
                     GlossAnnotationView *self)
{
  GtkTextIter start, end;

  if (self->word_start == self->word_end)
    return;
  gtk_text_buffer_get_iter_at_offset (get_buffer (self), &start, self->word_start);
  gtk_text_buffer_get_iter_at_offset (get_buffer (self), &end, self->word_end);
  self->word_start = self->word_end = 0;
  gtk_text_buffer_select_range (get_buffer (self), &start, &end);
}

static void
on_click_released (GtkGestureClick     *gesture,
                   int                  n_press,
                   double               x,
                   double               y,
                   GlossAnnotationView *self)
{
  GlossAnnotation *annotation;

  if (n_press != 1 ||
      gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) != GDK_BUTTON_PRIMARY)
    return;

  /* A drag that selected text is not a click. */
  if (gtk_text_buffer_get_has_selection (get_buffer (self)))
    return;

  annotation = gloss_annotation_view_get_annotation_at (self, x, y);
  if (annotation == NULL)
    {
      select_annotation (self, NULL, FALSE);
      return;
    }

  g_object_ref (annotation);
  select_annotation (self, annotation, FALSE);
  g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, annotation);
  g_object_unref (annotation);
}

gboolean
gloss_annotation_view_get_text_selection (GlossAnnotationView *self,
                                          guint               *start,
                                          guint               *end)
{
  GtkTextIter s, e;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_VIEW (self), FALSE);

  if (!gtk_text_buffer_get_selection_bounds (get_buffer (self), &s, &e))
    return FALSE;

  while (gtk_text_iter_compare (&s, &e) < 0 && g_unichar_isspace (gtk_text_iter_get_char (&s)))
    gtk_text_iter_forward_char (&s);
  while (gtk_text_iter_compare (&s, &e) < 0 && g_unichar_isspace (char_at (&e, -1)))
    gtk_text_iter_backward_char (&e);
  if (gtk_text_iter_equal (&s, &e))
    return FALSE;

  if (self->snap_to_words)
    {
      while (!gtk_text_iter_is_start (&s) && joined_at (&s))
        gtk_text_iter_backward_char (&s);
      while (!gtk_text_iter_is_end (&e) && joined_at (&e))
        gtk_text_iter_forward_char (&e);
    }

  if (start != NULL)
    *start = gtk_text_iter_get_offset (&s);
  if (end != NULL)
    *end = gtk_text_iter_get_offset (&e);
  return TRUE;
}

/* Scrolling and selecting ------------------------------------------------ */

/* Whether @offset is in view, away from the top and bottom edges. Compares
 * offsets, not pixels: lines out of view may not have been measured yet,
 * but those in view have. */
static gboolean
offset_in_view (GlossAnnotationView *self,
                guint                offset,
                int                  margin_divisor)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GdkRectangle visible;
  GtkTextIter top, bottom;
  int slack;

  gtk_text_view_get_visible_rect (view, &visible);
  if (visible.height <= 0)
    return FALSE;

  slack = visible.height / margin_divisor;
  gtk_text_view_get_iter_at_location (view, &top, 0, visible.y + slack);
  gtk_text_view_backward_display_line_start (view, &top);
  gtk_text_view_get_iter_at_location (view, &bottom, visible.x + visible.width,
                                      visible.y + visible.height - slack);

  return (guint) gtk_text_iter_get_offset (&top) <= offset &&
         offset <= (guint) gtk_text_iter_get_offset (&bottom);
}

static void
scroll_now (GlossAnnotationView *self,
            guint                offset)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (get_buffer (self), &iter, offset);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self), &iter, 0, TRUE, 0, .3);
}

#define SCROLL_SETTLE_USEC (30 * G_USEC_PER_SEC)

/* GtkTextView measures the text in the background, so a scroll to a place
 * further down lands short of it until the lines above are measured, and
 * scroll_to_mark() waits for the next change of the text to happen. So: scroll,
 * then check on the next frames and scroll again until it stays in view. */
static gboolean
scroll_tick (GtkWidget     *widget,
             GdkFrameClock *frame_clock,
             gpointer       user_data)
{
  GlossAnnotationView *self = GLOSS_ANNOTATION_VIEW (widget);

  if (self->pending_scroll == G_MAXUINT ||
      gdk_frame_clock_get_frame_time (frame_clock) > self->scroll_deadline)
    goto done;

  /* Stricter than when deciding to scroll, so a drift is caught early. */
  if (offset_in_view (self, self->pending_scroll, 4))
    {
      if (++self->scroll_stable >= 5)
        goto done;
    }
  else
    {
      self->scroll_stable = 0;
      scroll_now (self, self->pending_scroll);
    }

  return G_SOURCE_CONTINUE;

done:
  self->pending_scroll = G_MAXUINT;
  self->scroll_tick = 0;
  return G_SOURCE_REMOVE;
}

/* Leaves the view alone if @offset is well inside it; otherwise brings it to
 * a third of the height, so that what follows it is in view too. */
/* Offsets past the part of the text loaded so far need the rest first. */
static void
ensure_loaded (GlossAnnotationView *self,
               guint                offset)
{
  if (self->feed != NULL && offset > (guint) gtk_text_buffer_get_char_count (get_buffer (self)))
    gloss_annotation_view_finish_loading (self);
}

static void
scroll_to_offset (GlossAnnotationView *self,
                  guint                offset)
{
  gboolean allocated;

  ensure_loaded (self, offset);
  allocated = gtk_widget_get_width (GTK_WIDGET (self)) > 0;

  if (allocated && offset_in_view (self, offset, 8))
    {
      self->pending_scroll = G_MAXUINT;
      return;
    }

  /* Before the first allocation the layout has no width to measure with:
   * the tick does it once there is one. */
  if (allocated)
    scroll_now (self, offset);

  self->pending_scroll = offset;
  /* Time, not a number of frames: on a busy machine the lines above are
   * measured in fewer of them. */
  self->scroll_deadline = g_get_monotonic_time () + SCROLL_SETTLE_USEC;
  self->scroll_stable = 0;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick, NULL, NULL);
}

/* Where an annotation is in the text, G_MAXUINT if nowhere. */
static guint
get_anchor (GlossAnnotationView *self,
            GlossAnnotation     *annotation)
{
  GlossEntity *entity = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  guint n_spans;

  switch (gloss_annotation_get_kind (annotation))
    {
    case GLOSS_KIND_MENTION:
    case GLOSS_KIND_CLAIM:
      return gloss_annotation_get_start (annotation);

    case GLOSS_KIND_RELATION:
      {
        const GlossSpan *spans = gloss_annotation_get_spans (annotation, GLOSS_ROLE_EVIDENCE, &n_spans);

        if (n_spans > 0)
          return spans[0].start;
        entity = gloss_relation_get_from (GLOSS_RELATION (annotation));
      }
      break;

    case GLOSS_KIND_ENTITY:
      entity = GLOSS_ENTITY (annotation);
      break;

    case GLOSS_N_KINDS:
    default:
      break;
    }

  if (entity == NULL)
    return G_MAXUINT;

  mentions = gloss_store_get_mentions_of (self->store, entity);
  if (mentions == NULL || mentions->len == 0)
    return G_MAXUINT;

  return gloss_annotation_get_start (g_ptr_array_index (mentions, 0));
}

static void
select_annotation (GlossAnnotationView *self,
                   GlossAnnotation     *annotation,
                   gboolean             scroll)
{
  if (g_set_object (&self->selected, annotation))
    {
      invalidate_arcs (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }

  if (annotation != NULL && scroll)
    {
      guint anchor = get_anchor (self, annotation);

      if (anchor != G_MAXUINT)
        {
          GtkTextBuffer *buffer = get_buffer (self);
          GtkTextIter iter;

          /* The caret goes there too, so Tab and the arrows go on from it. */
          gtk_text_buffer_get_iter_at_offset (buffer, &iter, anchor);
          gtk_text_buffer_place_cursor (buffer, &iter);
          scroll_to_offset (self, anchor);
        }
    }
}

/* Text order across mentions and claims: (start, end), mentions first. */
static int
compare_position (guint start_a, guint end_a, int kind_a,
                  guint start_b, guint end_b, int kind_b)
{
  if (start_a != start_b)
    return start_a < start_b ? -1 : 1;
  if (end_a != end_b)
    return end_a < end_b ? -1 : 1;
  return kind_a - kind_b;
}

/* The item of @list (in text order) next to @current or, if that is NULL,
 * next to the caret at @offset; NULL if none. */
static GlossAnnotation *
find_next_in (GListModel      *list,
              int              list_kind,
              GlossAnnotation *current,
              guint            offset,
              gboolean         backward)
{
  guint n = g_list_model_get_n_items (list);
  guint key_start, key_end;
  int key_kind;
  guint lo = 0, hi = n;

  if (current != NULL)
    {
      key_start = gloss_annotation_get_start (current);
      key_end = gloss_annotation_get_end (current);
      key_kind = gloss_annotation_get_kind (current);
    }
  else
    {
      /* Forward: the first that starts at or after the caret. */
      key_start = offset;
      key_end = 0;
      key_kind = -1;
    }

  /* lo = first item not before the key */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(GlossAnnotation) item = g_list_model_get_item (list, mid);
      int cmp = compare_position (gloss_annotation_get_start (item), gloss_annotation_get_end (item),
                                  list_kind, key_start, key_end, key_kind);

      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (current != NULL && key_kind == list_kind)
    {
      /* Skip past ties up to and including current itself. */
      guint i = lo;

      for (; i < n; i++)
        {
          g_autoptr(GlossAnnotation) item = g_list_model_get_item (list, i);

          if (compare_position (gloss_annotation_get_start (item), gloss_annotation_get_end (item),
                                list_kind, key_start, key_end, key_kind) != 0)
            break;
          if (item == current)
            {
              if (backward)
                return i > 0 ? g_list_model_get_item (list, i - 1) : NULL;
              return i + 1 < n ? g_list_model_get_item (list, i + 1) : NULL;
            }
        }
    }

  if (backward)
    return lo > 0 ? g_list_model_get_item (list, lo - 1) : NULL;

  /* Current is of another kind: ties are already ordered by kind. */
  return lo < n ? g_list_model_get_item (list, lo) : NULL;
}

static GlossAnnotation *
pick (GlossAnnotation *a,
      GlossAnnotation *b,
      gboolean         backward)
{
  int cmp;

  if (a == NULL || b == NULL)
    return a != NULL ? a : b;

  cmp = compare_position (gloss_annotation_get_start (a), gloss_annotation_get_end (a),
                          gloss_annotation_get_kind (a),
                          gloss_annotation_get_start (b), gloss_annotation_get_end (b),
                          gloss_annotation_get_kind (b));
  if (backward)
    return cmp > 0 ? a : b;
  return cmp < 0 ? a : b;
}

static gboolean
select_next (GlossAnnotationView *self,
             gboolean             backward)
{
  GListModel *mentions, *claims;
  g_autoptr(GlossAnnotation) next_mention = NULL;
  g_autoptr(GlossAnnotation) next_claim = NULL;
  GlossAnnotation *current = NULL;
  GlossAnnotation *next;
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter cursor;
  guint offset;

  if (self->store == NULL)
    return FALSE;

  mentions = gloss_store_get_list (self->store, GLOSS_KIND_MENTION);
  claims = gloss_store_get_list (self->store, GLOSS_KIND_CLAIM);
  if (g_list_model_get_n_items (mentions) + g_list_model_get_n_items (claims) == 0)
    return FALSE;

  if (self->selected != NULL &&
      (GLOSS_IS_MENTION (self->selected) || GLOSS_IS_CLAIM (self->selected)))
    current = self->selected;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  offset = gtk_text_iter_get_offset (&cursor);

  next_mention = find_next_in (mentions, GLOSS_KIND_MENTION, current, offset, backward);
  next_claim = find_next_in (claims, GLOSS_KIND_CLAIM, current, offset, backward);
  next = pick (next_mention, next_claim, backward);

  if (next == NULL)
    {
      /* Wrap around. */
      g_clear_object (&next_mention);
      g_clear_object (&next_claim);
      if (backward)
        {
          guint nm = g_list_model_get_n_items (mentions);
          guint nc = g_list_model_get_n_items (claims);

          next_mention = nm > 0 ? g_list_model_get_item (mentions, nm - 1) : NULL;
          next_claim = nc > 0 ? g_list_model_get_item (claims, nc - 1) : NULL;
        }
      else
        {
          next_mention = g_list_model_get_item (mentions, 0);
          next_claim = g_list_model_get_item (claims, 0);
        }
      next = pick (next_mention, next_claim, backward);
    }

  if (next != NULL)
    select_annotation (self, next, TRUE);

  return next != NULL;
}

static gboolean
tab_cb (GtkWidget *widget,
        GVariant  *args,
        gpointer   user_data)
{
  gboolean backward;

  g_variant_get (args, "(b)", &backward);
  return select_next (GLOSS_ANNOTATION_VIEW (widget), backward);
}

/* Store ------------------------------------------------------------------- */

static void
on_store_changed (GlossAnnotationView *self)
{
  invalidate_arcs (self);
  if (self->selected != NULL && gloss_annotation_get_store (self->selected) != self->store)
    select_annotation (self, NULL, FALSE);

  if (self->highlighted_entity != NULL &&
      gloss_annotation_get_store (GLOSS_ANNOTATION (self->highlighted_entity)) != self->store)
    gloss_annotation_view_set_highlighted_entity (self, NULL);

  update_caret_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A short first line without final punctuation, followed by more text, is
 * the headline: one tag for it is cheap and reads much better. */
static void
style_title (GlossAnnotationView *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter start, end;
  gunichar last;

  gtk_text_buffer_get_start_iter (buffer, &start);
  end = start;
  if (!gtk_text_iter_forward_to_line_end (&end) || gtk_text_iter_is_end (&end))
    return;
  if (gtk_text_iter_get_offset (&end) > 200 || gtk_text_iter_equal (&start, &end))
    return;

  last = char_at (&end, -1);
  if (last == '.' || last == ',' || last == ';' || last == ':')
    return;

  gtk_text_buffer_apply_tag_by_name (buffer, "gloss-title", &start, &end);
}

static void
feed_progress_cb (gpointer user_data)
{
  GlossAnnotationView *self = user_data;

  if (gloss_text_feed_is_done (self->feed))
    {
      g_clear_pointer (&self->feed, gloss_text_feed_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_FRACTION]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The first slice of the text goes in at once, the rest in the
 * background (gloss-text-feed.c). */
static void
load_text (GlossAnnotationView *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  gboolean was_loading = self->feed != NULL;
  GtkTextIter start;

  g_clear_pointer (&self->feed, gloss_text_feed_free);

  if (self->store != NULL)
    {
      GtkTextTag *soft_break = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                          "gloss-soft-break");

      self->feed = gloss_text_feed_start (buffer, gloss_store_get_document (self->store),
                                          soft_break, feed_progress_cb, self);
      style_title (self);
      if (gloss_text_feed_is_done (self->feed))
        g_clear_pointer (&self->feed, gloss_text_feed_free);
    }
  else
    gtk_text_buffer_set_text (buffer, "", 0);

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  self->pending_scroll = G_MAXUINT;   /* the tick goes away by itself */
  if (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self)) != NULL)
    gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self)), 0);

  if (was_loading != (self->feed != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_FRACTION]);
}

void
gloss_annotation_view_set_store (GlossAnnotationView *self,
                                 GlossStore          *store)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_VIEW (self));
  g_return_if_fail (store == NULL || GLOSS_IS_STORE (store));

  if (self->store == store)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  select_annotation (self, NULL, FALSE);
  gloss_annotation_view_set_highlighted_entity (self, NULL);

  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->store, self);
      g_signal_handlers_disconnect_by_data (gloss_store_get_schema (self->store), self);
    }

  g_set_object (&self->store, store);

  if (store != NULL)
    {
      g_signal_connect_object (store, "changed",
                               G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (gloss_store_get_schema (store), "changed",
                               G_CALLBACK (invalidate_colors), self, G_CONNECT_SWAPPED);
    }

  g_hash_table_remove_all (self->colors);
  invalidate_arcs (self);
  load_text (self);
  update_caret_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* The buffer holds newlines where the document has spaces in very long
 * paragraphs: copy the document's own text. */
static void
gloss_annotation_view_copy_clipboard (GtkTextView *text_view)
{
  GlossAnnotationView *self = GLOSS_ANNOTATION_VIEW (text_view);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->store == NULL || !gtk_text_buffer_get_selection_bounds (get_buffer (self), &start, &end))
    return;
  text = gloss_document_dup_slice (gloss_store_get_document (self->store),
                                   gtk_text_iter_get_offset (&start), gtk_text_iter_get_offset (&end));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

/* GObject --------------------------------------------------------------------- */

static void
gloss_annotation_view_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  GlossAnnotationView *self = GLOSS_ANNOTATION_VIEW (widget);
  int margin = MAX (MIN_MARGIN, (width - COLUMN_WIDTH) / 2);

  /* Changing the margins relayouts the text: only when the width moves. */
  if (margin != self->margin)
    {
      self->margin = margin;
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self), margin);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self), margin);
    }

  GTK_WIDGET_CLASS (gloss_annotation_view_parent_class)->size_allocate (widget, width, height, baseline);
}

static void
ensure_css (void)
{
  static gboolean done;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (done || display == NULL)
    return;
  done = TRUE;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider,
                                   "textview.gloss-annotation-view { font-size: 12.5pt; }\n",
                                   -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION - 1);
}

static void
gloss_annotation_view_dispose (GObject *object)
{
  GlossAnnotationView *self = GLOSS_ANNOTATION_VIEW (object);

  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;
  g_clear_handle_id (&self->tooltip_id, g_source_remove);
  g_clear_object (&self->tooltip_annotation);
  g_clear_pointer (&self->feed, gloss_text_feed_free);
  g_clear_object (&self->selected);
  g_clear_object (&self->highlighted_entity);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gloss_annotation_view_parent_class)->dispose (object);
}

static void
gloss_annotation_view_finalize (GObject *object)
{
  GlossAnnotationView *self = GLOSS_ANNOTATION_VIEW (object);

  g_clear_pointer (&self->colors, g_hash_table_unref);
  g_clear_pointer (&self->rects, g_array_unref);
  g_clear_pointer (&self->arcs, g_array_unref);

  G_OBJECT_CLASS (gloss_annotation_view_parent_class)->finalize (object);
}

static void
gloss_annotation_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  GlossAnnotationView *self = GLOSS_ANNOTATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;
    case PROP_HIGHLIGHTED_ENTITY:
      g_value_set_object (value, self->highlighted_entity);
      break;
    case PROP_SNAP_TO_WORDS:
      g_value_set_boolean (value, self->snap_to_words);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, gloss_annotation_view_get_loading (self));
      break;
    case PROP_LOAD_FRACTION:
      g_value_set_double (value, gloss_annotation_view_get_load_fraction (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_annotation_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  GlossAnnotationView *self = GLOSS_ANNOTATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      gloss_annotation_view_set_store (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      gloss_annotation_view_set_selected (self, g_value_get_object (value));
      break;
    case PROP_HIGHLIGHTED_ENTITY:
      gloss_annotation_view_set_highlighted_entity (self, g_value_get_object (value));
      break;
    case PROP_SNAP_TO_WORDS:
      gloss_annotation_view_set_snap_to_words (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_annotation_view_class_init (GlossAnnotationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  object_class->dispose = gloss_annotation_view_dispose;
  object_class->finalize = gloss_annotation_view_finalize;
  object_class->get_property = gloss_annotation_view_get_property;
  object_class->set_property = gloss_annotation_view_set_property;

  widget_class->size_allocate = gloss_annotation_view_size_allocate;
  widget_class->query_tooltip = gloss_annotation_view_query_tooltip;

  text_view_class->snapshot_layer = gloss_annotation_view_snapshot_layer;
  text_view_class->copy_clipboard = gloss_annotation_view_copy_clipboard;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         GLOSS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL,
                         GLOSS_TYPE_ANNOTATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_HIGHLIGHTED_ENTITY] =
    g_param_spec_object ("highlighted-entity", NULL, NULL,
                         GLOSS_TYPE_ENTITY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SNAP_TO_WORDS] =
    g_param_spec_boolean ("snap-to-words", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Whether part of the text is still to go in (see gloss-text-feed.c). */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LOAD_FRACTION] =
    g_param_spec_double ("load-fraction", NULL, NULL,
                         0., 1., 1.,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossAnnotationView::annotation-activated:
   * @self: the view
   * @annotation: the mention or claim clicked, the innermost under the pointer
   */
  signals[ANNOTATION_ACTIVATED] =
    g_signal_new ("annotation-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, GLOSS_TYPE_ANNOTATION);

}

static void
gloss_annotation_view_init (GlossAnnotationView *self)
{
  static const struct {
    guint           keyval;
    GdkModifierType modifiers;
    gboolean        backward;
  } tab_keys[] = {
    { GDK_KEY_Tab, 0, FALSE },
    { GDK_KEY_KP_Tab, 0, FALSE },
    { GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, TRUE },
    { GDK_KEY_Tab, GDK_SHIFT_MASK, TRUE },
    { GDK_KEY_KP_Tab, GDK_SHIFT_MASK, TRUE },
  };
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkEventController *shortcuts;
  GtkGesture *click;

  self->snap_to_words = TRUE;
  self->margin = -1;
  self->pending_scroll = G_MAXUINT;
  self->colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->rects = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  self->arcs = g_array_new (FALSE, FALSE, sizeof (Arc));

  ensure_css ();
  gtk_widget_add_css_class (GTK_WIDGET (self), "gloss-annotation-view");

  gtk_text_view_set_editable (view, FALSE);
  gtk_text_view_set_cursor_visible (view, TRUE);
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (view, 36);
  gtk_text_view_set_bottom_margin (view, 72);
  gtk_text_view_set_pixels_inside_wrap (view, 10);
  gtk_text_view_set_pixels_below_lines (view, 18);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect_object (gtk_text_view_get_buffer (view), "notify::cursor-position",
                           G_CALLBACK (update_caret_description), self, G_CONNECT_SWAPPED);
  gtk_text_buffer_create_tag (gtk_text_view_get_buffer (view), "gloss-title",
                              "weight", PANGO_WEIGHT_BOLD,
                              "scale", 1.3,
                              "pixels-inside-wrap", 6,
                              "pixels-below-lines", 24,
                              NULL);
  /* A long paragraph cut in pieces: spaced as the lines of one. */
  gtk_text_buffer_create_tag (gtk_text_view_get_buffer (view), "gloss-soft-break",
                              "pixels-below-lines", gtk_text_view_get_pixels_inside_wrap (view),
                              NULL);

  /* GtkTextView takes Tab in its key controller (to move the focus when not
   * editable), so ours must see it first, in the capture phase. Ctrl+Tab
   * still leaves the view. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (tab_keys); i++)
    {
      GtkShortcut *shortcut;

      shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (tab_keys[i].keyval, tab_keys[i].modifiers),
                                   gtk_callback_action_new (tab_cb, NULL, NULL));
      gtk_shortcut_set_arguments (shortcut, g_variant_new ("(b)", tab_keys[i].backward));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_capture_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_capture_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_dark), self, G_CONNECT_SWAPPED);
  self->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
}

/* Public API ------------------------------------------------------------------ */

GtkWidget *
gloss_annotation_view_new (void)
{
  return g_object_new (GLOSS_TYPE_ANNOTATION_VIEW, NULL);
}

GlossStore *
gloss_annotation_view_get_store (GlossAnnotationView *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_VIEW (self), NULL);

  return self->store;
}

GlossAnnotation *
gloss_annotation_view_get_selected (GlossAnnotationView *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_VIEW (self), NULL);

  return self->selected;
}

void
gloss_annotation_view_set_selected (GlossAnnotationView *self,
                                    GlossAnnotation     *annotation)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_VIEW (self));
  g_return_if_fail (annotation == NULL || GLOSS_IS_ANNOTATION (annotation));
  g_return_if_fail (annotation == NULL ||
                    (self->store != NULL && gloss_annotation_get_store (annotation) == self->store));

  select_annotation (self, annotation, TRUE);
}

void
gloss_annotation_view_select_next (GlossAnnotationView *self,
                                   gboolean             backward)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_VIEW (self));

  select_next (self, backward);
}

GlossEntity *
gloss_annotation_view_get_highlighted_entity (GlossAnnotationView *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_VIEW (self), NULL);

  return self->highlighted_entity;
}

void
gloss_annotation_view_set_highlighted_entity (GlossAnnotationView *self,
                                              GlossEntity         *entity)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_VIEW (self));
  g_return_if_fail (entity == NULL || GLOSS_IS_ENTITY (entity));

  if (g_set_object (&self->highlighted_entity, entity))
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHTED_ENTITY]);
    }
}

gboolean
gloss_annotation_view_get_snap_to_words (GlossAnnotationView *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_VIEW (self), FALSE);

  return self->snap_to_words;
}

void
gloss_annotation_view_set_snap_to_words (GlossAnnotationView *self,
                                         gboolean             snap_to_words)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_VIEW (self));

  snap_to_words = !!snap_to_words;
  if (self->snap_to_words == snap_to_words)
    return;

  self->snap_to_words = snap_to_words;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNAP_TO_WORDS]);
}

void
gloss_annotation_view_select_range (GlossAnnotationView *self,
                                    guint                start,
                                    guint                end)
{
  GtkTextBuffer *buffer;
  GtkTextIter s, e;

  g_return_if_fail (GLOSS_IS_ANNOTATION_VIEW (self));
  g_return_if_fail (start <= end);

  buffer = get_buffer (self);
  ensure_loaded (self, end);
  gtk_text_buffer_get_iter_at_offset (buffer, &s, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, end);
  gtk_text_buffer_select_range (buffer, &e, &s);
  scroll_to_offset (self, gtk_text_iter_get_offset (&s));
}

void
gloss_annotation_view_clear_selection (GlossAnnotationView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter insert;

  g_return_if_fail (GLOSS_IS_ANNOTATION_VIEW (self));

  buffer = get_buffer (self);
  gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
  gtk_text_buffer_place_cursor (buffer, &insert);
}

/**
 * gloss_annotation_view_get_loading:
 *
 * Whether part of the text is still to go into the view: it does so in
 * the background after the first screenful.
 */
gboolean
gloss_annotation_view_get_loading (GlossAnnotationView *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_VIEW (self), FALSE);

  return self->feed != NULL;
}

double
gloss_annotation_view_get_load_fraction (GlossAnnotationView *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_VIEW (self), 1.);

  return self->feed != NULL ? gloss_text_feed_get_fraction (self->feed) : 1.;
}

/**
 * gloss_annotation_view_finish_loading:
 *
 * Puts the rest of the text in at once (what needs every offset now).
 */
void
gloss_annotation_view_finish_loading (GlossAnnotationView *self)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_VIEW (self));

  if (self->feed == NULL)
    return;
  gloss_text_feed_finish (self->feed);
  feed_progress_cb (self);
}
