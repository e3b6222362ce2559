/* gloss-label-palette.h: the bottom bar of entity types, their keys and colours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-schema.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_LABEL_PALETTE (gloss_label_palette_get_type ())

G_DECLARE_FINAL_TYPE (GlossLabelPalette, gloss_label_palette, GLOSS, LABEL_PALETTE, GtkWidget)

GtkWidget   *gloss_label_palette_new        (void);
GlossSchema *gloss_label_palette_get_schema (GlossLabelPalette *self);
void         gloss_label_palette_set_schema (GlossLabelPalette *self,
                                             GlossSchema       *schema);

/* A small rounded swatch of a type's colour, shared with the sidebar. */
GtkWidget   *gloss_color_swatch_new         (const char        *color);
/* @slot's only child becomes a swatch of @color; one already there of
 * that color stays (rows rebound at every edit relaid it out). */
void         gloss_color_swatch_place       (GtkBox            *slot,
                                             const char        *color);
/* A ring instead of a dot: mentions of the type that no entity holds. */
void         gloss_color_swatch_set_hollow  (GtkWidget         *swatch,
                                             gboolean           hollow);

G_END_DECLS
