/* gloss-recent-projects.c: the projects opened lately, on the start page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Projects are kept in the desktop's recent files (GtkRecentManager), as
 * folders in a group of their own, so that the user's privacy setting and
 * "clear recent history" apply to them as to documents. The page lists
 * the five last opened that still exist, and offers New Project… and Open
 * Project….
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "gloss-recent-projects.h"

#define PROJECT_GROUP "gloss-project"
#define MAX_SHOWN     5

struct _GlossRecentProjects
{
  GtkWidget             parent_instance;

  AdwPreferencesGroup  *group;
  GtkListBox           *list;

  char                 *shown;   /* what the rows show, to rebuild them only on a change */
};

G_DEFINE_FINAL_TYPE (GlossRecentProjects, gloss_recent_projects, GTK_TYPE_WIDGET)

gboolean
gloss_recent_projects_is_project (GtkRecentInfo *info)
{
  g_return_val_if_fail (info != NULL, FALSE);
  return gtk_recent_info_has_group (info, PROJECT_GROUP);
}

/**
 * gloss_recent_projects_add:
 * @widget: whose settings say whether recent files are kept
 */
void
gloss_recent_projects_add (GtkWidget  *widget,
                           GFile      *folder,
                           const char *name)
{
  g_autofree char *uri = NULL;
  const char *groups[] = { PROJECT_GROUP, NULL };
  GtkRecentData data = { 0 };
  gboolean enabled = TRUE;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (G_IS_FILE (folder));

  g_object_get (gtk_widget_get_settings (widget), "gtk-recent-files-enabled", &enabled, NULL);
  if (!enabled)
    return;
  uri = g_file_get_uri (folder);
  data.display_name = (char *) name;
  data.mime_type = (char *) "inode/directory";
  data.app_name = (char *) g_get_application_name ();
  data.app_exec = (char *) "gloss %u";
  data.groups = (char **) groups;
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static int
compare_modified (gconstpointer a,
                  gconstpointer b)
{
  /* transfer none: owned by the infos */
  GDateTime *ma = gtk_recent_info_get_modified (*(GtkRecentInfo **) a);
  GDateTime *mb = gtk_recent_info_get_modified (*(GtkRecentInfo **) b);

  return g_date_time_compare (mb, ma);
}

static GtkWidget *
make_row (GtkRecentInfo *info)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GFile) folder = g_file_new_for_uri (gtk_recent_info_get_uri (info));
  g_autofree char *path = g_file_get_parse_name (folder);
  g_autofree char *home = g_strconcat (g_get_home_dir (), G_DIR_SEPARATOR_S, NULL);
  g_autofree char *shown = g_str_has_prefix (path, home) ? g_strconcat ("~/", path + strlen (home), NULL)
                                                          : g_strdup (path);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gtk_recent_info_get_display_name (info));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), shown);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "gloss-uri", g_strdup (gtk_recent_info_get_uri (info)), g_free);
  return row;
}

static void
refresh (GlossRecentProjects *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GList *items = gtk_recent_manager_get_items (manager);
  g_autoptr(GString) shown = g_string_new (NULL);
  GtkWidget *child;

  for (GList *l = items; l != NULL; l = l->next)
    if (gloss_recent_projects_is_project (l->data) && gtk_recent_info_exists (l->data))
      g_ptr_array_add (infos, gtk_recent_info_ref (l->data));
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  g_ptr_array_sort (infos, compare_modified);
  g_ptr_array_set_size (infos, MIN (infos->len, MAX_SHOWN));

  /* The recent files change often (every document opened): rows are
   * remade only when what they show changed, not under the pointer. */
  for (guint i = 0; i < infos->len; i++)
    g_string_append_printf (shown, "%s\n%s\n", gtk_recent_info_get_uri (g_ptr_array_index (infos, i)),
                            gtk_recent_info_get_display_name (g_ptr_array_index (infos, i)));
  if (g_strcmp0 (shown->str, self->shown) == 0)
    return;
  g_free (self->shown);
  self->shown = g_string_free (g_steal_pointer (&shown), FALSE);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < infos->len; i++)
    gtk_list_box_append (self->list, make_row (g_ptr_array_index (infos, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->group), infos->len > 0);
}

static void
row_activated_cb (GlossRecentProjects *self,
                  GtkListBoxRow       *row)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "gloss-uri");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-recent-project", "s", uri);
}

static void
gloss_recent_projects_dispose (GObject *object)
{
  GlossRecentProjects *self = GLOSS_RECENT_PROJECTS (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_RECENT_PROJECTS);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->shown, g_free);

  G_OBJECT_CLASS (gloss_recent_projects_parent_class)->dispose (object);
}

static void
gloss_recent_projects_class_init (GlossRecentProjectsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_recent_projects_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossapp/Gloss/gloss-recent-projects.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossRecentProjects, group);
  gtk_widget_class_bind_template_child (widget_class, GlossRecentProjects, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gloss_recent_projects_init (GlossRecentProjects *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed", G_CALLBACK (refresh), self,
                           G_CONNECT_SWAPPED);
  refresh (self);
}
