/* gloss-window-actions.c: the win.* actions: opening, saving, exporting,
 * the search bar and the sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-window-private.h"

/* Opening */
static void
open_files (GlossWindow *self,
            GListModel  *files)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  guint n = g_list_model_get_n_items (files);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      GlossWindow *target = self;

      if (gloss_window_has_document (self))
        {
          if (app == NULL)
            break;
          target = _gloss_window_new_for_open (self);
        }
      gloss_window_load_file (target, file);
    }
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
open_dialog_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autoptr(GListModel) files = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (object),
                                                                      result, NULL);

  if (files != NULL)
    open_files (self, files);
}
#else
static void
open_chooser_response_cb (GtkNativeDialog *dialog,
                          int              response,
                          GlossWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      open_files (self, files);
    }
  g_clear_object (&self->file_chooser);
}
#endif

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GListStore) filters = _gloss_window_open_filters ();
  g_autoptr(GtkFileFilter) supported = g_list_model_get_item (G_LIST_MODEL (filters), 0);

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, _("Open Documents"));
    gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
    gtk_file_dialog_set_default_filter (dialog, supported);
    gtk_file_dialog_open_multiple (dialog, GTK_WINDOW (self), NULL, open_dialog_done_cb,
                                   g_object_ref (self));
  }
#else
  {
    GtkFileChooserNative *chooser;

    chooser = gtk_file_chooser_native_new (_("Open Documents"), GTK_WINDOW (self),
                                           GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
    gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (filters)); i++)
      {
        g_autoptr(GtkFileFilter) filter = g_list_model_get_item (G_LIST_MODEL (filters), i);

        gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      }
    gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), supported);
    g_signal_connect (chooser, "response", G_CALLBACK (open_chooser_response_cb), self);
    g_clear_object (&self->file_chooser);
    self->file_chooser = GTK_NATIVE_DIALOG (chooser);
    gtk_native_dialog_show (self->file_chooser);
  }
#endif
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

  g_list_store_append (files, file);
  open_files (self, G_LIST_MODEL (files));
}

static void
open_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;
  GlossWindow *target = self;

  if (gloss_window_has_document (self) && app != NULL)
    {
      target = gloss_window_new (GLOSS_APPLICATION (app));
      gtk_window_present (GTK_WINDOW (target));
    }
  if (!gloss_window_open_annotated_sample (target, &error))
    _gloss_window_show_error (target, _("Could Not Open the Sample Article"), error);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (gloss_window_get_store (self) == NULL)
    return;

  if (gloss_window_get_file (self) == NULL)
    {
      _gloss_window_save_as (self);
      return;
    }

  /* (a project's document: also its registry, lexicon and progress) */
  if (!_gloss_window_project_save (self, TRUE, &error) &&
      /* Changed by another program: the window asks what to do. */
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    _gloss_window_show_save_error (self, error);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (gloss_window_get_store (self) != NULL)
    _gloss_window_save_as (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  _gloss_window_export (GLOSS_WINDOW (widget));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (gloss_window_get_store (self) == NULL)
    return;
  if (gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
    }
  else
    gtk_search_bar_set_search_mode (self->search_bar, TRUE);
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  gboolean reveal = !adw_flap_get_reveal_flap (self->flap);

  adw_flap_set_reveal_flap (self->flap, reveal);
  if (self->settings != NULL && !adw_flap_get_folded (self->flap))
    {
      g_autoptr(GSettingsSchema) schema = NULL;

      g_object_get (self->settings, "settings-schema", &schema, NULL);
      if (g_settings_schema_has_key (schema, "sidebar-visible"))
        g_settings_set_boolean (self->settings, "sidebar-visible", reveal);
    }
}

void
_gloss_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
}
