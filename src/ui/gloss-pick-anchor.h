/* gloss-pick-anchor.h: where the pick modes' popovers hang over the article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_PICK_ANCHOR (gloss_pick_anchor_get_type ())

G_DECLARE_FINAL_TYPE (GlossPickAnchor, gloss_pick_anchor, GLOSS, PICK_ANCHOR, GtkWidget)

GlossPickAnchor *gloss_pick_anchor_new         (GtkOverlay        *overlay,
                                                GtkTextView       *view,
                                                GtkScrolledWindow *area);
GtkPopover      *gloss_pick_anchor_get_popover (GlossPickAnchor   *self);
/* Pop @menu up at @offset of the text, after the anchor's next layout
 * and if it can be placed there. */
void             gloss_pick_anchor_popup       (GlossPickAnchor   *self,
                                                GMenuModel        *menu,
                                                guint              offset);
void             gloss_pick_anchor_popdown     (GlossPickAnchor   *self);

G_END_DECLS
