/* gloss-application.h: the application: windows, app-wide actions, settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_APPLICATION (gloss_application_get_type ())

G_DECLARE_FINAL_TYPE (GlossApplication, gloss_application, GLOSS, APPLICATION, AdwApplication)

GlossApplication *gloss_application_new          (void);
/* The app's settings, or NULL when the schema is not installed. */
GSettings        *gloss_application_get_settings (GlossApplication *self);

G_END_DECLS
