/* gloss-application.c: the application: windows, app-wide actions, settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-appearance.h"
#include "gloss-application.h"
#include "gloss-preferences-window.h"
#include "gloss-window-close.h"
#include "gloss-recovery.h"
#include "gloss-shortcuts.h"

struct _GlossApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  GlossAppearance *appearance;
};

G_DEFINE_FINAL_TYPE (GlossApplication, gloss_application, ADW_TYPE_APPLICATION)

GSettings *
gloss_application_get_settings (GlossApplication *self)
{
  g_return_val_if_fail (GLOSS_IS_APPLICATION (self), NULL);

  return self->settings;
}

static GlossWindow *
find_window_for (GlossApplication *self,
                 GFile            *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      GFile *other;

      if (!GLOSS_IS_WINDOW (l->data))
        continue;
      other = gloss_window_get_file (l->data);
      if (other != NULL && g_file_equal (other, file))
        return l->data;
    }
  /* The same file under another name (a link, a relative path). */
  return _gloss_recovery_find_holder (file);
}

static GlossWindow *
find_empty_window (GlossApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (active != NULL && GLOSS_IS_WINDOW (active) &&
      !gloss_window_has_document (GLOSS_WINDOW (active)))
    return GLOSS_WINDOW (active);
  return NULL;
}

static void
gloss_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (gloss_window_new (GLOSS_APPLICATION (app)));
  gtk_window_present (window);
}

static void
gloss_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  GlossApplication *self = GLOSS_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      GlossWindow *window = find_window_for (self, files[i]);

      if (gloss_project_is_project_folder (files[i]))
        {
          window = find_empty_window (self);
          if (window == NULL)
            window = gloss_window_new (self);
          gtk_window_present (GTK_WINDOW (window));
          gloss_window_load_project (window, files[i]);
          continue;
        }
      if (window == NULL)
        {
          window = find_empty_window (self);
          if (window == NULL)
            window = gloss_window_new (self);
          /* Shown first, so that a question or an error goes over it. */
          gtk_window_present (GTK_WINDOW (window));
          gloss_window_load_file (window, files[i]);
        }
      else
        gtk_window_present (GTK_WINDOW (window));
    }
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  GlossApplication *self = user_data;

  gtk_window_present (GTK_WINDOW (gloss_window_new (self)));
}

/* Every window with unsaved changes asks first; the windows close only
 * once all are answered, and none on Cancel (gloss-window-close.c). The
 * app ends with the last window. */
static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  gloss_window_quit_all (GTK_APPLICATION (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  static const char *developers[] = { "The Gloss developers", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-name", _("Gloss"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Gloss developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Annotate entities, claims and relations in news articles"),
                        "website", "https://github.com/glossapp/gloss",
                        "issue-url", "https://github.com/glossapp/gloss/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: your names, one a line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  GlossApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GlossStore *store = NULL;
  GtkWidget *prefs;

  if (parent != NULL && GLOSS_IS_WINDOW (parent))
    store = gloss_window_get_store (GLOSS_WINDOW (parent));
  prefs = gloss_preferences_window_new (self->settings, store);
  if (store != NULL && gloss_window_get_project (GLOSS_WINDOW (parent)) != NULL)
    gloss_preferences_window_set_project (GLOSS_PREFERENCES_WINDOW (prefs),
                                          gloss_window_get_project (GLOSS_WINDOW (parent)),
                                          gloss_window_get_project_document (GLOSS_WINDOW (parent)));
  gtk_window_set_transient_for (GTK_WINDOW (prefs), parent);
  gtk_window_present (GTK_WINDOW (prefs));
}

static const GActionEntry app_actions[] = {
  { "new-window", new_window_action },
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
};

static void
gloss_application_startup (GApplication *app)
{
  GlossApplication *self = GLOSS_APPLICATION (app);
  GSettingsSchema *schema;

  G_APPLICATION_CLASS (gloss_application_parent_class)->startup (app);

  g_set_application_name (_("Gloss"));
  gtk_window_set_default_icon_name (APP_ID);

  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (),
                                            BASE_APP_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new (BASE_APP_ID);
      g_settings_schema_unref (schema);
      self->appearance = gloss_appearance_new (self->settings);
    }

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);

  gloss_shortcuts_set_accels (GTK_APPLICATION (app));
}

static void
gloss_application_dispose (GObject *object)
{
  GlossApplication *self = GLOSS_APPLICATION (object);

  g_clear_object (&self->appearance);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gloss_application_parent_class)->dispose (object);
}

/* Options the first instance never sees: answered here and done. */
static int
gloss_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("gloss %s\n", PACKAGE_VERSION);
      return 0;
    }
  return -1;
}

static void
gloss_application_class_init (GlossApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = gloss_application_dispose;
  app_class->activate = gloss_application_activate;
  app_class->handle_local_options = gloss_application_handle_local_options;
  app_class->open = gloss_application_open;
  app_class->startup = gloss_application_startup;
}

static void
gloss_application_init (GlossApplication *self)
{
  static const GOptionEntry entries[] = {
    { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Show the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  /* Translators: the arguments in "Usage: gloss [OPTION…] [FILE…]" */
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Annotate entities, claims and relations in news articles."));
  g_application_set_option_context_description (G_APPLICATION (self),
                                                _("Each FILE opens in a window: a .gloss document, or the text of an article\n"
                                                  "(UTF-8) to annotate. Without one, the last window comes to the front, or a\n"
                                                  "new one offers to open a file or the sample article.\n"
                                                  "\n"
                                                  "gloss-cli converts, validates and compares documents without a window."));
}

GlossApplication *
gloss_application_new (void)
{
  return g_object_new (GLOSS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/glossapp/Gloss",
                       NULL);
}
