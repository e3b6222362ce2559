/* gloss-toast-queue.h: the window's toasts, one at a time and paced
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_TOAST_QUEUE (gloss_toast_queue_get_type ())

G_DECLARE_FINAL_TYPE (GlossToastQueue, gloss_toast_queue, GLOSS, TOAST_QUEUE, GObject)

GlossToastQueue *gloss_toast_queue_new     (AdwToastOverlay *overlay);
/* Show @toast (transfer full) in place of the one on show; a newer toast
 * replaces one still waiting for its turn. */
void             gloss_toast_queue_show    (GlossToastQueue *self,
                                            AdwToast        *toast);
/* A toast of @title for 3 s; returns it (transfer none: the queue, then
 * the overlay owns it). */
AdwToast        *gloss_toast_queue_say     (GlossToastQueue *self,
                                            const char      *title);
/* Take @toast away, on show or still waiting. */
void             gloss_toast_queue_dismiss (GlossToastQueue *self,
                                            AdwToast        *toast);

G_END_DECLS
