/* gloss-recent-documents.c: which files go in the recent documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Open button's menu lists what the analyst can open again as a
 * document of its own. A project's document files are not among them:
 * opened alone, outside their project, their entities would not join the
 * registry nor their progress the project's (the project is in the
 * recent projects instead). Neither are folders nor other files a file
 * chooser recorded (an export's output): Gloss could not open them.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gloss-format.h"
#include "gloss-recent-documents.h"
#include "gloss-recent-projects.h"

#define MAX_RECENT 8

gboolean
gloss_recent_documents_in_project (GFile  *file,
                                   GFile **folder,
                                   char  **id,
                                   char  **stem)
{
  g_autofree char *name = NULL;
  g_autofree char *documents_name = NULL;
  g_autoptr(GFile) document_folder = NULL;
  g_autoptr(GFile) documents = NULL;
  g_autoptr(GFile) project = NULL;
  g_autoptr(GFile) project_json = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_basename (file);
  if (name == NULL || !g_str_has_suffix (name, ".gloss") ||
      (document_folder = g_file_get_parent (file)) == NULL ||
      (documents = g_file_get_parent (document_folder)) == NULL ||
      (project = g_file_get_parent (documents)) == NULL)
    return FALSE;
  documents_name = g_file_get_basename (documents);
  if (g_strcmp0 (documents_name, "documents") != 0)
    return FALSE;
  project_json = g_file_get_child (project, "project.json");
  if (g_file_query_file_type (project_json, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_REGULAR)
    return FALSE;
  if (folder != NULL)
    *folder = g_steal_pointer (&project);
  if (id != NULL)
    *id = g_file_get_basename (document_folder);
  if (stem != NULL)
    *stem = g_strndup (name, strlen (name) - strlen (".gloss"));
  return TRUE;
}

/* By name, as the Open dialog's filter: Gloss documents, text, and the
 * datasets it imports. */
static gboolean
opens_name (const char *name)
{
  return g_str_has_suffix (name, ".gloss") || g_str_has_suffix (name, ".txt") ||
         gloss_format_guess (name, NULL) != NULL;
}

static gboolean
opens (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return name != NULL && opens_name (name) &&
         g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_REGULAR &&
         !gloss_recent_documents_in_project (file, NULL, NULL, NULL);
}

void
gloss_recent_documents_add (GtkWidget *widget,
                            GFile     *file)
{
  g_autofree char *uri = NULL;
  gboolean enabled = TRUE;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (G_IS_FILE (file));

  /* The user may have turned recent files off (privacy settings). */
  g_object_get (gtk_widget_get_settings (widget), "gtk-recent-files-enabled", &enabled, NULL);
  if (!enabled || !opens (file))
    return;
  uri = g_file_get_uri (file);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

gboolean
gloss_recent_documents_lists (GtkRecentInfo *info,
                              const char    *app_name)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (info != NULL, FALSE);

  if (app_name == NULL || !gtk_recent_info_has_application (info, app_name) ||
      gloss_recent_projects_is_project (info) || !gtk_recent_info_is_local (info) ||
      !gtk_recent_info_exists (info))
    return FALSE;
  file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
  return opens (file);
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *ia = *(GtkRecentInfo **) a;
  GtkRecentInfo *ib = *(GtkRecentInfo **) b;
  /* transfer none: owned by the infos */
  GDateTime *ma = gtk_recent_info_get_modified (ia);
  GDateTime *mb = gtk_recent_info_get_modified (ib);

  return g_date_time_compare (mb, ma);
}

/* Whether @menu already lists @labels with @uris (NULL-terminated). */
static gboolean
recent_menu_shows (GMenuModel         *menu,
                   const char * const *labels,
                   const char * const *uris)
{
  guint n = g_strv_length ((char **) uris);

  if ((guint) g_menu_model_get_n_items (menu) != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = NULL;
      g_autofree char *uri = NULL;

      if (!g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label) ||
          !g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_TARGET, "s", &uri) ||
          !g_str_equal (label, labels[i]) || !g_str_equal (uri, uris[i]))
        return FALSE;
    }
  return TRUE;
}

/**
 * gloss_recent_documents_fill_menu:
 *
 * Lists the latest recent documents in @menu, as "win.open-recent" items.
 */
void
gloss_recent_documents_fill_menu (GMenu *menu)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) uris = g_ptr_array_new_with_free_func (g_free);
  GList *items = gtk_recent_manager_get_items (manager);
  const char *app_name = g_get_application_name ();

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (gloss_recent_documents_lists (info, app_name))
        g_ptr_array_add (infos, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  g_ptr_array_sort (infos, compare_recent);
  g_ptr_array_set_size (infos, MIN (infos->len, MAX_RECENT));

  for (guint i = 0; i < infos->len; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (infos, i);
      g_auto(GStrv) parts = g_strsplit (gtk_recent_info_get_display_name (info), "_", -1);

      /* Menu labels take mnemonics: keep underscores in names. */
      g_ptr_array_add (labels, g_strjoinv ("__", parts));
      g_ptr_array_add (uris, g_strdup (gtk_recent_info_get_uri (info)));
    }
  g_ptr_array_add (labels, NULL);
  g_ptr_array_add (uris, NULL);
  /* The manager says "changed" again for what it already said (when it
   * writes its file and when it reads it back): rebuilding the menu then
   * would replace the items of an open menu under the pointer, and a
   * click meant for one document would open another. */
  if (infos->len > 0 &&
      recent_menu_shows (G_MENU_MODEL (menu), (const char * const *) labels->pdata,
                         (const char * const *) uris->pdata))
    return;

  g_menu_remove_all (menu);
  for (guint i = 0; i < infos->len; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (g_ptr_array_index (labels, i), NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", (const char *) g_ptr_array_index (uris, i));
      g_menu_append_item (menu, item);
    }
  if (infos->len == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Documents"), "win.none");
      g_menu_append_item (menu, item);
    }
}
