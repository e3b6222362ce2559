/* gloss-project-member.h: who the user annotates as in a project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-project.h"

G_BEGIN_DECLS

/* The annotator to open the project at @folder as, given @preferred (the
 * name of Preferences). *@existing is set (transfer full) when the user
 * should be offered to continue another annotator's work rather than
 * start as @preferred, who has none there: the returned annotator is
 * then that one. */
char     *gloss_project_member_choose     (GFile        *folder,
                                           const char   *preferred,
                                           char        **existing);
/* Remembers that the user annotates as @annotator in the project at
 * @folder, @preferred being the name of Preferences. */
void      gloss_project_member_remember   (GFile        *folder,
                                           const char   *annotator,
                                           const char   *preferred);
/* Asks over @window (a GlossWindow) whether to continue as @existing or
 * start as @preferred; the answer is remembered, and starting reopens the
 * project (@folder) as @preferred. The answer releases the hold on the
 * recovery offer of the window's page the caller took
 * (_gloss_recovery_hold ()) before showing the project's document. */
void      gloss_project_member_offer      (GtkWindow    *window,
                                           GFile        *folder,
                                           const char   *existing,
                                           const char   *preferred);

G_END_DECLS
