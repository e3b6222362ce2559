/* gloss-preferences-window.h: snapping, author, and the schema's entity types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-project.h"
#include "gloss-store.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_PREFERENCES_WINDOW (gloss_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (GlossPreferencesWindow, gloss_preferences_window, GLOSS, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* @settings and @store may be NULL: their pages then say what is missing. */
GtkWidget *gloss_preferences_window_new (GSettings  *settings,
                                         GlossStore *store);

/* The edits the entity-type rows make; also what tests drive. */
GlossLabel *gloss_preferences_window_add_type (GlossPreferencesWindow *self,
                                               const char             *name);
/* Refused (FALSE, with a toast) while annotations use the type; in a
 * project FALSE too, the project's documents counted first (see
 * gloss_type_removal_start()). */
gboolean    gloss_preferences_window_remove_type (GlossPreferencesWindow *self,
                                                  GlossLabel             *label);
void        gloss_preferences_window_set_key  (GlossPreferencesWindow *self,
                                               GlossLabel             *label,
                                               const char             *key);
/* The document is @document of @project, whose schema it edits. */
void        gloss_preferences_window_set_project (GlossPreferencesWindow *self,
                                                  GlossProject           *project,
                                                  GlossProjectDocument   *document);

G_END_DECLS
