/* gloss-shortcuts.h: every key of the window, in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app.*, win.* and doc.* actions (gloss-application.c,
 * gloss-window-actions.c, gloss-document-page-actions.c) by their keys.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The keys with a modifier, as @app's accelerators. */
void gloss_shortcuts_set_accels (GtkApplication *app);
/* The plain keys: to @window, and those that act only in the article to
 * @article. */
void gloss_shortcuts_add        (GtkWidget      *window,
                                 GtkWidget      *article);

G_END_DECLS
