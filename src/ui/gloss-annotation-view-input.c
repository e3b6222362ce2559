/* gloss-annotation-view-input.c: what is under the pointer and the caret,
 * clicks, and the text selection as an annotation would cover it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation-view-private.h"
#include "gloss-words.h"

#define TOOLTIP_REST_MS  700  /* on one annotation, after GTK's own hover delay */

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
  if (label != NULL && gloss_label_shown_name (label) != NULL)
    return gloss_label_shown_name (label);

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
void
_gloss_annotation_view_update_caret_description (GlossAnnotationView *self)
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

gboolean
_gloss_annotation_view_query_tooltip (GtkWidget  *widget,
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

/* Clicks and the text selection ---------------------------------------------- */

/* The buffer's code point at @offset, 0 outside it, for the word rules
 * (gloss-words.h). */
static gunichar
buffer_char_at (glong    offset,
                gpointer user_data)
{
  GtkTextIter iter;

  if (offset < 0)
    return 0;
  /* Past the end, the iterator stops at the end, whose char is 0. */
  gtk_text_buffer_get_iter_at_offset (user_data, &iter, offset);
  return gtk_text_iter_get_char (&iter);
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

/* A first press inside the selection: GtkTextView would drag the
 * selected text away if the pointer moved. Text is never moved here (the
 * article is read-only), and a drag inside a selection a search left
 * must select anew: the press starts from no selection. Shift extends. */
static void
press_in_selection (GlossAnnotationView *self,
                    GtkGestureClick     *gesture,
                    double               x,
                    double               y)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  GtkTextIter pressed, start, end;

  if ((state & GDK_SHIFT_MASK) != 0 ||
      !buffer_iter_at (self, x, y, &pressed) ||
      !gtk_text_buffer_get_selection_bounds (buffer, &start, &end) ||
      !gtk_text_iter_in_range (&pressed, &start, &end))
    return;
  gtk_text_buffer_place_cursor (buffer, &pressed);
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
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter pressed, start, end;
  guint word_start, word_end;

  if (gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) != GDK_BUTTON_PRIMARY)
    return;
  if (!is_second_press (self, gesture, x, y))
    {
      press_in_selection (self, gesture, x, y);
      return;
    }
  if (!buffer_iter_at (self, x, y, &pressed) ||
      !gloss_word_bounds (buffer_char_at, buffer, gtk_text_iter_get_offset (&pressed),
                          &word_start, &word_end))
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (self->selected_before_click != NULL &&
      gloss_annotation_get_store (self->selected_before_click) == self->store)
    _gloss_annotation_view_select (self, self->selected_before_click, FALSE);
  g_clear_object (&self->selected_before_click);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, word_start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, word_end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  /* GtkTextView, cancelled by the claim, may still let go of a selection
   * the first press was in: select the word again on release. */
  self->word_start = word_start;
  self->word_end = word_end;
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

  g_set_object (&self->selected_before_click, self->selected);
  /* A drag that selected text is not a click. */
  if (gtk_text_buffer_get_has_selection (get_buffer (self)))
    return;

  annotation = gloss_annotation_view_get_annotation_at (self, x, y);
  if (annotation == NULL)
    _gloss_annotation_view_select (self, NULL, FALSE);
  else
    _gloss_annotation_view_activate (self, annotation);
}

gboolean
gloss_annotation_view_get_text_selection (GlossAnnotationView *self,
                                          guint               *start,
                                          guint               *end)
{
  GtkTextIter s, e;
  guint first, last;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_VIEW (self), FALSE);

  if (!gtk_text_buffer_get_selection_bounds (get_buffer (self), &s, &e))
    return FALSE;
  first = gtk_text_iter_get_offset (&s);
  last = gtk_text_iter_get_offset (&e);
  if (!gloss_word_snap (buffer_char_at, get_buffer (self), self->snap_to_words, &first, &last))
    return FALSE;

  if (start != NULL)
    *start = first;
  if (end != NULL)
    *end = last;
  return TRUE;
}

void
_gloss_annotation_view_add_gestures (GlossAnnotationView *self)
{
  GtkGesture *click;

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_capture_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_capture_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}
