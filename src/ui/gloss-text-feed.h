/* gloss-text-feed.h: a document's text into a GtkTextBuffer, in slices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-document.h"

G_BEGIN_DECLS

/* Paragraphs longer than this many code points are shown as several, each
 * break replacing a space (see gloss-text-feed.c). */
#define GLOSS_TEXT_FEED_LONG_PARAGRAPH 4000

typedef struct _GlossTextFeed GlossTextFeed;

/* Called after each slice, and once more when the whole text is in. */
typedef void (*GlossTextFeedFunc) (gpointer user_data);

GlossTextFeed *gloss_text_feed_start        (GtkTextBuffer     *buffer,
                                             GlossDocument     *document,
                                             GtkTextTag        *soft_break_tag,
                                             GlossTextFeedFunc  progress,
                                             gpointer           user_data);
gboolean       gloss_text_feed_is_done      (GlossTextFeed     *self);
double         gloss_text_feed_get_fraction (GlossTextFeed     *self);
/* Inserts all that is left at once. */
void           gloss_text_feed_finish       (GlossTextFeed     *self);
void           gloss_text_feed_free         (GlossTextFeed     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossTextFeed, gloss_text_feed_free)

G_END_DECLS
