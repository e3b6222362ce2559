/* gloss-recent-projects.h: the projects opened lately, on the start page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_RECENT_PROJECTS (gloss_recent_projects_get_type ())

G_DECLARE_FINAL_TYPE (GlossRecentProjects, gloss_recent_projects, GLOSS, RECENT_PROJECTS, GtkWidget)

/* Records @folder (a project named @name) in the recent files, in a
 * group of its own, unless the user turned recent files off. */
void gloss_recent_projects_add (GtkWidget  *widget,
                                GFile      *folder,
                                const char *name);
/* Whether @info is a project, not a document. */
gboolean gloss_recent_projects_is_project (GtkRecentInfo *info);

G_END_DECLS
