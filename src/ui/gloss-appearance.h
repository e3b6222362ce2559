/* gloss-appearance.h: the style and text size preferences, applied app-wide
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_APPEARANCE (gloss_appearance_get_type ())

G_DECLARE_FINAL_TYPE (GlossAppearance, gloss_appearance, GLOSS, APPEARANCE, GObject)

GlossAppearance *gloss_appearance_new (GSettings *settings);

G_END_DECLS
