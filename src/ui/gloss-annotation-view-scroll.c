/* gloss-annotation-view-scroll.c: bringing an annotation into view, and
 * Tab from one annotation to the next
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-annotation-view-private.h"

/* Whether @offset is in view, away from the top and bottom edges by a
 * @margin_divisor-th of its height (0: anywhere in view). Compares
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

  slack = margin_divisor > 0 ? visible.height / margin_divisor : 0;
  gtk_text_view_get_iter_at_location (view, &top, 0, visible.y + slack);
  gtk_text_view_backward_display_line_start (view, &top);
  gtk_text_view_get_iter_at_location (view, &bottom, visible.x + visible.width,
                                      visible.y + visible.height - slack);

  return (guint) gtk_text_iter_get_offset (&top) <= offset &&
         offset <= (guint) gtk_text_iter_get_offset (&bottom);
}

/* Whether @offset is in view with the view scrolled as far as it goes
 * towards it: at the top of the text an offset on the first lines never
 * gets away from the top edge, nor one on the last lines from the bottom
 * edge. Scrolling to it again would change nothing, except undo what the
 * reader scrolled meanwhile. */
static gboolean
offset_at_edge (GlossAnnotationView *self,
                guint                offset)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self));
  double value, top, bottom;
  GdkRectangle visible, location;
  GtkTextIter iter;

  if (adjustment == NULL)
    return FALSE;
  value = gtk_adjustment_get_value (adjustment);
  top = gtk_adjustment_get_lower (adjustment);
  bottom = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self), &visible);
  gtk_text_buffer_get_iter_at_offset (get_buffer (self), &iter, offset);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), &iter, &location);
  if (location.y < visible.y || location.y + location.height > visible.y + visible.height)
    return FALSE;
  /* Above the middle at the top, below it at the bottom. */
  return (value <= top + 0.5 && location.y < visible.y + visible.height / 2) ||
         (value >= bottom - 0.5 && location.y >= visible.y + visible.height / 2);
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
  if (offset_in_view (self, self->pending_scroll, 4) || offset_at_edge (self, self->pending_scroll))
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

void
_gloss_annotation_view_ensure_loaded (GlossAnnotationView *self,
                                      guint                offset)
{
  if (self->feed != NULL && offset > (guint) gtk_text_buffer_get_char_count (get_buffer (self)))
    gloss_annotation_view_finish_loading (self);
}

/* Leaves the view alone if @offset is inside it, away from its edges by
 * a @margin_divisor-th of its height (0: anywhere); otherwise brings it
 * to a third of the height, so that what follows it is in view too. */
static void
scroll_to_offset (GlossAnnotationView *self,
                  guint                offset,
                  int                  margin_divisor)
{
  gboolean allocated;

  _gloss_annotation_view_ensure_loaded (self, offset);
  allocated = gtk_widget_get_width (GTK_WIDGET (self)) > 0;

  if (allocated && offset_in_view (self, offset, margin_divisor))
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

void
_gloss_annotation_view_scroll_to_offset (GlossAnnotationView *self,
                                         guint                offset)
{
  scroll_to_offset (self, offset, 8);
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

void
_gloss_annotation_view_scroll_to_annotation (GlossAnnotationView *self,
                                             GlossAnnotation     *annotation,
                                             gboolean             in_place)
{
  guint anchor = get_anchor (self, annotation);
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter iter;

  if (anchor == G_MAXUINT)
    return;
  /* The caret goes there too, so Tab and the arrows go on from it. */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, anchor);
  gtk_text_buffer_place_cursor (buffer, &iter);
  scroll_to_offset (self, anchor, in_place ? 0 : 8);
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

/* Tab and Shift+Tab: from one annotation to the next ------------------------ */

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
    _gloss_annotation_view_select (self, next, TRUE);

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

void
gloss_annotation_view_select_next (GlossAnnotationView *self,
                                   gboolean             backward)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_VIEW (self));

  select_next (self, backward);
}

/* GtkTextView takes Tab in its key controller (to move the focus when not
 * editable), so ours must see it first, in the capture phase. Ctrl+Tab
 * still leaves the view. */
void
_gloss_annotation_view_add_tab_keys (GlossAnnotationView *self)
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
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

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
}
