/* gloss-appearance.c: the style and text size preferences, applied app-wide
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "style-variant" drives AdwStyleManager's colour scheme; "text-size"
 * scales the article's reading size with a display-wide style provider
 * one step above the view's own (gloss-annotation-view.c).
 */
#include "config.h"

#include "gloss-appearance.h"

/* The annotation view's reading size at 100%. */
#define ARTICLE_POINTS 12.5

struct _GlossAppearance
{
  GObject         parent_instance;

  GSettings      *settings;
  GtkCssProvider *provider;
};

G_DEFINE_FINAL_TYPE (GlossAppearance, gloss_appearance, G_TYPE_OBJECT)

static void
update_style (GlossAppearance *self)
{
  g_autofree char *variant = g_settings_get_string (self->settings, "style-variant");
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (variant, "light"))
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (variant, "dark"))
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

static void
update_text_size (GlossAppearance *self)
{
  int percent = g_settings_get_int (self->settings, "text-size");
  g_autofree char *css = NULL;
  char points[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (points, sizeof points, "%.2f", ARTICLE_POINTS * percent / 100.0);
  css = g_strdup_printf ("textview.gloss-annotation-view { font-size: %spt; }\n", points);
  gtk_css_provider_load_from_data (self->provider, css, -1);
}

static void
gloss_appearance_dispose (GObject *object)
{
  GlossAppearance *self = GLOSS_APPEARANCE (object);
  GdkDisplay *display = gdk_display_get_default ();

  if (self->provider != NULL && display != NULL)
    gtk_style_context_remove_provider_for_display (display, GTK_STYLE_PROVIDER (self->provider));
  g_clear_object (&self->provider);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gloss_appearance_parent_class)->dispose (object);
}

static void
gloss_appearance_class_init (GlossAppearanceClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = gloss_appearance_dispose;
}

static void
gloss_appearance_init (GlossAppearance *self)
{
}

/* Applies @settings' style and text size now and whenever they change;
 * needs a display (call it from the application's startup). */
GlossAppearance *
gloss_appearance_new (GSettings *settings)
{
  GlossAppearance *self;
  GdkDisplay *display = gdk_display_get_default ();

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (display != NULL, NULL);

  self = g_object_new (GLOSS_TYPE_APPEARANCE, NULL);
  self->settings = g_object_ref (settings);
  self->provider = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (self->provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_signal_connect_swapped (settings, "changed::style-variant", G_CALLBACK (update_style), self);
  g_signal_connect_swapped (settings, "changed::text-size", G_CALLBACK (update_text_size), self);
  update_style (self);
  update_text_size (self);
  return self;
}
