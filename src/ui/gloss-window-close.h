/* gloss-window-close.h: "Save Changes?" before a window with unsaved
 * changes closes, and before the application quits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-window.h"

G_BEGIN_DECLS

/* @may_close: the window's changes are saved or discarded; FALSE when the
 * user keeps the window (Cancel, a Save As cancelled, a save that failed). */
typedef void (*GlossWindowCloseAnswer) (GlossWindow *window,
                                        gboolean     may_close,
                                        gpointer     data);

/* Asks about the window's unsaved changes (at once TRUE without any) and
 * calls @answer with the outcome; without @answer the window closes when
 * the answer allows. */
void gloss_window_ask_to_close     (GlossWindow            *self,
                                    GlossWindowCloseAnswer  answer,
                                    gpointer                data);
/* Every window with unsaved changes asks in turn, then every window
 * closes; on Cancel none does. */
void gloss_window_quit_all         (GtkApplication         *app);

/* For gloss-window.c: a Save As asked for by the question ended. */
void _gloss_window_close_answered  (GlossWindow            *self,
                                    gboolean                may_close);

G_END_DECLS
