/* gloss-annotation-view-arcs.c: the selection's relations, drawn as arcs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A selected mention shows an arc to the nearest mention of each entity
 * its entity relates to; a selected relation, one between its ends. The
 * plan is made once per selection and change of the store, not per frame.
 */
#include "config.h"

#include "gloss-annotation-view-private.h"

#define ARC_LIFT         14.f /* how far an arc rises above its higher end */
#define ARC_LABEL_GAP    3.   /* between two labels */
#define MAX_ARCS         12

void
_gloss_annotation_view_invalidate_arcs (GlossAnnotationView *self)
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

/* Where an arc meets a mention: the middle of the top of its first line
 * (of all its pieces there, when right-to-left text splits it). */
static gboolean
arc_anchor (GlossAnnotationView *self,
            guint                start,
            guint                end,
            graphene_point_t    *point)
{
  const graphene_rect_t *first;
  float right;

  _gloss_annotation_view_compute_rects (self, start, end);
  if (self->rects->len == 0)
    return FALSE;
  first = &g_array_index (self->rects, graphene_rect_t, 0);
  right = first->origin.x + first->size.width;
  for (guint i = 1; i < self->rects->len; i++)
    {
      const graphene_rect_t *rect = &g_array_index (self->rects, graphene_rect_t, i);

      if (rect->origin.y != first->origin.y)
        break;
      right = rect->origin.x + rect->size.width;
    }
  graphene_point_init (point, (first->origin.x + right) / 2.f, first->origin.y - 1.f);
  return TRUE;
}

/* Where an arc's label goes: the apex of the arc, which is drawn through
 * it. */
typedef struct
{
  graphene_point_t  a, b;      /* the ends: `from`, `to` */
  PangoLayout      *layout;
  double            w, h;      /* the label's pill */
  double            mx, my;    /* its centre */
} ArcPlace;

static gboolean
label_collides (GArray                *places,
                guint                  n,
                const graphene_rect_t *rect)
{
  for (guint i = 0; i < n; i++)
    {
      const ArcPlace *other = &g_array_index (places, ArcPlace, i);
      graphene_rect_t o = GRAPHENE_RECT_INIT (other->mx - other->w / 2. - ARC_LABEL_GAP,
                                              other->my - other->h / 2. - ARC_LABEL_GAP,
                                              other->w + 2 * ARC_LABEL_GAP, other->h + 2 * ARC_LABEL_GAP);

      if (graphene_rect_intersection (&o, rect, NULL))
        return TRUE;
    }
  return FALSE;
}

static graphene_rect_t
label_rect (double mx,
            double my,
            double w,
            double h)
{
  return GRAPHENE_RECT_INIT (mx - w / 2., my - h / 2., w, h);
}

/* Places the label of the @i-th arc: above the higher end (as brat
 * does), higher still while it would cover a label placed before it,
 * never above the top of @visible (nor past its sides); when there is no
 * room above, beside the others. */
static void
place_label (GArray             *places,
             guint               i,
             const GdkRectangle *visible)
{
  ArcPlace *place = &g_array_index (places, ArcPlace, i);
  double lift = ARC_LIFT + MIN (fabs (place->a.x - place->b.x), 400.) * .03;
  double min_y = visible->y + 2. + place->h / 2.;
  double min_x = visible->x + 2. + place->w / 2.;
  double max_x = visible->x + visible->width - 2. - place->w / 2.;
  double base_y = MIN (place->a.y, place->b.y) - lift + place->h / 2. - 4.;
  double mx = CLAMP ((place->a.x + place->b.x) / 2., min_x, MAX (min_x, max_x));
  graphene_rect_t rect;

  /* Both ends scrolled out above: the arc stays out of sight too. */
  if (base_y + place->h / 2. < visible->y)
    {
      place->mx = mx;
      place->my = base_y;
      return;
    }
  for (guint k = 0; k < 8; k++)
    {
      double my = base_y - k * (place->h + ARC_LABEL_GAP);

      if (my < min_y && k > 0)
        break;
      my = MAX (my, min_y);
      rect = label_rect (mx, my, place->w, place->h);
      if (!label_collides (places, i, &rect))
        {
          place->mx = mx;
          place->my = my;
          return;
        }
    }

  /* No room above: the first free place beside, at the lowest height. */
  base_y = MAX (base_y, min_y);
  for (guint k = 1; k < 12; k++)
    for (int side = -1; side <= 1; side += 2)
      {
        double x = mx + side * (double) k * (place->w / 2. + ARC_LABEL_GAP);

        if (x < min_x || x > max_x)
          continue;
        rect = label_rect (x, base_y, place->w, place->h);
        if (!label_collides (places, i, &rect))
          {
            place->mx = x;
            place->my = base_y;
            return;
          }
      }
  place->mx = mx;
  place->my = base_y;
}

static gboolean
plan_place (GlossAnnotationView *self,
            const Arc           *arc,
            ArcPlace            *place)
{
  PangoAttrList *attrs;
  PangoRectangle extents;
  GlossLabel *type;
  const char *type_id = gloss_annotation_get_type_id (GLOSS_ANNOTATION (arc->relation));

  if (!arc_anchor (self, arc->from_start, arc->from_end, &place->a) ||
      !arc_anchor (self, arc->to_start, arc->to_end, &place->b))
    return FALSE;
  type = gloss_schema_lookup (gloss_store_get_schema (self->store), GLOSS_LABEL_RELATION, type_id);
  place->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                                  type != NULL ? gloss_label_shown_name (type) : type_id);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_scale_new (.72));
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_SEMIBOLD));
  pango_layout_set_attributes (place->layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_extents (place->layout, NULL, &extents);
  place->w = extents.width + 10.;
  place->h = extents.height + 2.;
  return TRUE;
}

static void
draw_arc (GlossAnnotationView *self,
          cairo_t             *cr,
          const Arc           *arc,
          const ArcPlace      *place,
          const GdkRGBA       *background,
          const GdkRGBA       *foreground)
{
  const GdkRGBA *color;
  const graphene_point_t *a = &place->a, *b = &place->b;
  PangoRectangle extents;
  double mx = place->mx, my = place->my, w = place->w, h = place->h, r = h / 2.;

  color = &_gloss_annotation_view_lookup_colors (self, GLOSS_LABEL_RELATION,
                                                 gloss_annotation_get_type_id (GLOSS_ANNOTATION (arc->relation)))->line;

  /* Up from both ends to the label, like brat's arcs: the label sits
   * where the curve is highest. */
  cairo_set_line_width (cr, 1.75);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_move_to (cr, a->x, a->y);
  cairo_curve_to (cr, a->x, my, (a->x + mx) / 2., my, mx, my);
  cairo_curve_to (cr, (mx + b->x) / 2., my, b->x, my, b->x, b->y - 5.);
  cairo_stroke (cr);

  /* The arrowhead points down into the `to` mention; a dot marks `from`. */
  cairo_move_to (cr, b->x, b->y + 1.);
  cairo_line_to (cr, b->x - 4., b->y - 6.);
  cairo_line_to (cr, b->x + 4., b->y - 6.);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_arc (cr, a->x, a->y - 1., 2.5, 0, 2 * G_PI);
  cairo_fill (cr);

  /* The type, on a pill at the top of the curve. */
  pango_layout_get_pixel_extents (place->layout, NULL, &extents);
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
  pango_cairo_show_layout (cr, place->layout);
}

static void
clear_place (gpointer data)
{
  ArcPlace *place = data;

  g_clear_object (&place->layout);
}

void
_gloss_annotation_view_draw_arcs (GlossAnnotationView *self,
                                  GtkSnapshot         *snapshot)
{
  g_autoptr(GArray) places = NULL;
  g_autoptr(GArray) drawn = NULL;
  GdkRectangle visible;
  GdkRGBA background, foreground;
  cairo_t *cr;

  if (!self->arcs_valid)
    plan_arcs (self);
  g_array_set_size (self->arc_labels, 0);
  if (self->arcs->len == 0)
    return;

  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self), &visible);
  places = g_array_sized_new (FALSE, TRUE, sizeof (ArcPlace), self->arcs->len);
  g_array_set_clear_func (places, clear_place);
  drawn = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->arcs->len);
  for (guint i = 0; i < self->arcs->len; i++)
    {
      ArcPlace place = { 0 };

      if (!plan_place (self, &g_array_index (self->arcs, Arc, i), &place))
        continue;
      g_array_append_val (places, place);
      g_array_append_val (drawn, i);
      place_label (places, places->len - 1, &visible);
    }

  _gloss_annotation_view_get_named_color (self, "view_bg_color", self->dark ? "#1e1e1e" : "#ffffff", &background);
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &foreground);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (visible.x, visible.y,
                                                                 visible.width, visible.height));
  for (guint i = 0; i < places->len; i++)
    {
      const ArcPlace *place = &g_array_index (places, ArcPlace, i);
      graphene_rect_t rect = label_rect (place->mx, place->my, place->w, place->h);

      draw_arc (self, cr, &g_array_index (self->arcs, Arc, g_array_index (drawn, guint, i)), place,
                &background, &foreground);
      g_array_append_val (self->arc_labels, rect);
    }
  cairo_destroy (cr);
}

GArray *
gloss_annotation_view_get_arc_labels (GlossAnnotationView *self)
{
  GArray *labels = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  int dx, dy;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_VIEW (self), labels);

  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET, 0, 0, &dx, &dy);
  for (guint i = 0; i < self->arc_labels->len; i++)
    {
      graphene_rect_t rect = g_array_index (self->arc_labels, graphene_rect_t, i);

      rect.origin.x += dx;
      rect.origin.y += dy;
      g_array_append_val (labels, rect);
    }
  return labels;
}
