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
#define ARC_STAGGER      9.f
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
  name = type != NULL ? gloss_label_shown_name (type) : gloss_annotation_get_type_id (GLOSS_ANNOTATION (arc->relation));
  color = &_gloss_annotation_view_lookup_colors (self, GLOSS_LABEL_RELATION,
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

void
_gloss_annotation_view_draw_arcs (GlossAnnotationView *self,
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
  _gloss_annotation_view_get_named_color (self, "view_bg_color", self->dark ? "#1e1e1e" : "#ffffff", &background);
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &foreground);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (visible.x, visible.y,
                                                                 visible.width, visible.height));
  for (guint i = 0; i < self->arcs->len; i++)
    draw_arc (self, cr, &g_array_index (self->arcs, Arc, i), i, &background, &foreground);
  cairo_destroy (cr);
}
