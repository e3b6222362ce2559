/* gloss-window-team.c: the window's way to a project's team views:
 * statistics, agreement and curation (issue 12)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each opens a window of its own over the project, so the article stays
 * as it is. Curation takes the document shown, the annotator of the
 * window on the left and the first other annotator with a version of it
 * on the right.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-agreement-project.h"
#include "gloss-agreement-window.h"
#include "gloss-curation-window.h"
#include "gloss-statistics-window.h"
#include "gloss-window-private.h"

static void
statistics_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossProject *project = gloss_window_get_project (self);

  if (project != NULL)
    gtk_window_present (GTK_WINDOW (gloss_statistics_window_new (GTK_WINDOW (self), project)));
}

static void
agreement_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossProject *project = gloss_window_get_project (self);

  if (project != NULL)
    gtk_window_present (GTK_WINDOW (gloss_agreement_window_new (GTK_WINDOW (self), project)));
}

/* The project document shown: the folder of the file, documents/ID/. */
static GlossProjectDocument *
shown_document (GlossWindow  *self,
                GlossProject *project)
{
  GFile *file = gloss_window_get_file (self);
  g_autoptr(GFile) folder = NULL;
  g_autofree char *id = NULL;

  if (file == NULL || (folder = g_file_get_parent (file)) == NULL)
    return NULL;
  id = g_file_get_basename (folder);
  return gloss_project_lookup (project, id);
}

static gboolean
has_version (GlossProject         *project,
             GlossProjectDocument *document,
             const char           *annotator)
{
  g_autoptr(GlossStore) store = gloss_agreement_open_version (project, document, annotator, NULL);

  return store != NULL;
}

static void
curate_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossProject *project = gloss_window_get_project (self);
  GlossProjectDocument *document;
  g_auto(GStrv) names = NULL;
  const char *left = NULL;
  const char *right = NULL;

  if (project == NULL || (document = shown_document (self, project)) == NULL)
    return;

  /* Whatever the window shows is saved first, so it is what is curated. */
  if (gloss_window_get_modified (self))
    gtk_widget_activate_action (widget, "win.save", NULL);

  if (has_version (project, document, gloss_project_get_annotator (project)))
    left = gloss_project_get_annotator (project);
  names = gloss_project_list_annotators (project);
  for (guint i = 0; names[i] != NULL && right == NULL; i++)
    {
      if (g_strcmp0 (names[i], left) == 0 || !has_version (project, document, names[i]))
        continue;
      if (left == NULL)
        left = names[i];
      else
        right = names[i];
    }
  if (right == NULL)
    {
      _gloss_window_toast (self, _("Curation needs two annotators’ versions of this document"));
      return;
    }
  gtk_window_present (GTK_WINDOW (gloss_curation_window_new (GTK_WINDOW (self), project, document, left, right)));
}

void
_gloss_window_class_add_team (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.statistics", NULL, statistics_action);
  gtk_widget_class_install_action (widget_class, "win.agreement", NULL, agreement_action);
  gtk_widget_class_install_action (widget_class, "win.curate", NULL, curate_action);
}

void
_gloss_window_team_update (GlossWindow *self)
{
  gboolean has_project = gloss_window_get_project (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.statistics", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.agreement", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.curate", has_project);
}
