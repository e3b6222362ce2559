/* gloss-toast-queue.c: the window's toasts, one at a time and paced
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-toast-queue.h"

/* libadwaita 1.2's AdwToastOverlay frees a toast when its hide animation
 * (300 ms) ends, even while its show animation (500 ms when it replaced
 * another toast) still runs, whose end then reads the freed toast (a
 * SIGSEGV, or a corrupt heap). A toast is hidden early when it is
 * dismissed or when a high-priority toast postpones it.
 *
 * So every toast of the window goes through here: one toast at a time
 * (the one on show is dismissed before the next is added, never
 * postponed), and the overlay changes at most once per SETTLE_MS, longer
 * than any show animation. A toast waiting for its turn is replaced by a
 * newer one (three quick undos show the last "Undone"). */
#define SETTLE_MS 600

struct _GlossToastQueue
{
  GObject          parent_instance;

  AdwToastOverlay *overlay;       /* weak */
  AdwToast        *current;       /* weak: on show, until dismissed */
  AdwToast        *pending;       /* waits for its turn */
  gboolean         dismiss_current;
  gint64           changed_at;    /* µs, monotonic */
  guint            flush_id;
};

G_DEFINE_FINAL_TYPE (GlossToastQueue, gloss_toast_queue, G_TYPE_OBJECT)

static void flush (GlossToastQueue *self);

static gboolean
flush_cb (gpointer data)
{
  GlossToastQueue *self = data;

  self->flush_id = 0;
  flush (self);
  return G_SOURCE_REMOVE;
}

static void
current_dismissed_cb (GlossToastQueue *self,
                      AdwToast        *toast)
{
  if (toast == self->current)
    {
      g_clear_weak_pointer (&self->current);
      self->dismiss_current = FALSE;
    }
}

static void
flush (GlossToastQueue *self)
{
  gint64 now = g_get_monotonic_time ();
  gint64 due = self->changed_at + SETTLE_MS * G_TIME_SPAN_MILLISECOND;

  if (self->pending == NULL && !self->dismiss_current)
    return;
  if (now < due)
    {
      if (self->flush_id == 0)
        self->flush_id = g_timeout_add ((guint) ((due - now) / G_TIME_SPAN_MILLISECOND) + 1,
                                        flush_cb, self);
      return;
    }

  if (self->current != NULL)
    {
      AdwToast *current = self->current;

      g_clear_weak_pointer (&self->current);
      adw_toast_dismiss (current);
    }
  self->dismiss_current = FALSE;
  if (self->pending != NULL && self->overlay != NULL)
    {
      AdwToast *toast = g_steal_pointer (&self->pending);

      g_set_weak_pointer (&self->current, toast);
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (current_dismissed_cb), self,
                               G_CONNECT_SWAPPED);
      adw_toast_overlay_add_toast (self->overlay, toast);
    }
  g_clear_object (&self->pending);
  self->changed_at = now;
}

GlossToastQueue *
gloss_toast_queue_new (AdwToastOverlay *overlay)
{
  GlossToastQueue *self;

  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (overlay), NULL);

  self = g_object_new (GLOSS_TYPE_TOAST_QUEUE, NULL);
  g_set_weak_pointer (&self->overlay, overlay);
  return self;
}

void
gloss_toast_queue_show (GlossToastQueue *self,
                        AdwToast        *toast)
{
  g_return_if_fail (GLOSS_IS_TOAST_QUEUE (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  g_clear_object (&self->pending);
  self->pending = toast;
  flush (self);
}

AdwToast *
gloss_toast_queue_say (GlossToastQueue *self,
                       const char      *title)
{
  AdwToast *toast;

  g_return_val_if_fail (GLOSS_IS_TOAST_QUEUE (self), NULL);

  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 3);
  gloss_toast_queue_show (self, toast);
  return toast;
}

void
gloss_toast_queue_dismiss (GlossToastQueue *self,
                           AdwToast        *toast)
{
  g_return_if_fail (GLOSS_IS_TOAST_QUEUE (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  if (toast == self->pending)
    g_clear_object (&self->pending);
  else if (toast == self->current)
    {
      self->dismiss_current = TRUE;
      flush (self);
    }
}

static void
gloss_toast_queue_dispose (GObject *object)
{
  GlossToastQueue *self = GLOSS_TOAST_QUEUE (object);

  g_clear_handle_id (&self->flush_id, g_source_remove);
  g_clear_object (&self->pending);
  g_clear_weak_pointer (&self->current);
  g_clear_weak_pointer (&self->overlay);

  G_OBJECT_CLASS (gloss_toast_queue_parent_class)->dispose (object);
}

static void
gloss_toast_queue_class_init (GlossToastQueueClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = gloss_toast_queue_dispose;
}

static void
gloss_toast_queue_init (GlossToastQueue *self)
{
}
