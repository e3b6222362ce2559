/* gloss-project-member.c: who the user annotates as in a project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A project keeps each annotator's work under a file name made of their
 * name (documents/ID/NAME.gloss, progress/NAME.json). The name comes from
 * Preferences; changing it there must not make the user lose sight of
 * the work they did under the old one. So the window remembers, for each
 * project, whom the user annotates as and under which name of
 * Preferences that was decided. Opening the project under the same name
 * goes on as that annotator. Under another name (renamed since), or the
 * first time, the new name is used when it has work in the project;
 * when it has none but the remembered annotator (or, the first time, the
 * only annotator with work there: a document touched) has, the project opens as that one and the user is asked
 * whether to continue that work or start anew under the new name.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "gloss-annotator.h"
#include "gloss-project-member.h"
#include "gloss-recovery.h"
#include "gloss-window.h"

#define KEY "project-annotators"

static GSettings *
settings_with_key (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, BASE_APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, KEY))
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

/* Whether one of @annotators is @annotator (by file name) and has work in
 * @project: a document they touched. A progress file alone (the one a
 * new project writes for its maker) is no work. */
static gboolean
has_work (GlossProject *project,
          GStrv         annotators,
          const char   *annotator)
{
  g_autofree char *stem = gloss_annotator_file_stem (annotator);

  for (guint i = 0; annotators != NULL && annotators[i] != NULL; i++)
    {
      g_autofree char *other = gloss_annotator_file_stem (annotators[i]);
      g_autoptr(GHashTable) progress = NULL;

      if (!g_str_equal (stem, other))
        continue;
      progress = gloss_project_read_progress (project, annotators[i], NULL);
      return progress != NULL && g_hash_table_size (progress) > 0;
    }
  return FALSE;
}

/* The one annotator of @annotators with work in @project, if only one has. */
static const char *
only_worker (GlossProject *project,
             GStrv         annotators)
{
  const char *found = NULL;

  for (guint i = 0; annotators != NULL && annotators[i] != NULL; i++)
    if (has_work (project, annotators, annotators[i]))
      {
        if (found != NULL)
          return NULL;
        found = annotators[i];
      }
  return found;
}

char *
gloss_project_member_choose (GFile       *folder,
                             const char  *preferred,
                             char       **existing)
{
  g_autoptr(GSettings) settings = settings_with_key ();
  g_autoptr(GVariant) members = NULL;
  g_autoptr(GlossProject) project = NULL;
  g_auto(GStrv) annotators = NULL;
  g_autofree char *uri = g_file_get_uri (folder);
  const char *annotator = NULL;
  const char *decided_under = NULL;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (preferred != NULL, NULL);

  *existing = NULL;
  if (settings != NULL)
    {
      members = g_settings_get_value (settings, KEY);
      g_variant_lookup (members, uri, "(&s&s)", &annotator, &decided_under);
    }
  if (annotator != NULL && g_strcmp0 (decided_under, preferred) == 0)
    return g_strdup (annotator);

  /* The first time, or renamed since: where is the work? */
  project = gloss_project_load (folder, preferred, NULL);
  if (project == NULL)
    return g_strdup (preferred);
  annotators = gloss_project_list_annotators (project);
  if (has_work (project, annotators, preferred))
    return g_strdup (preferred);
  if (annotator != NULL && has_work (project, annotators, annotator))
    *existing = g_strdup (annotator);
  else if (annotator == NULL)
    *existing = g_strdup (only_worker (project, annotators));
  return g_strdup (*existing != NULL ? *existing : preferred);
}

void
gloss_project_member_remember (GFile      *folder,
                               const char *annotator,
                               const char *preferred)
{
  g_autoptr(GSettings) settings = settings_with_key ();
  g_autoptr(GVariant) members = NULL;
  g_autofree char *uri = g_file_get_uri (folder);
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  GVariant *value;

  g_return_if_fail (G_IS_FILE (folder));

  if (settings == NULL)
    return;
  members = g_settings_get_value (settings, KEY);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{s(ss)}"));
  g_variant_iter_init (&iter, members);
  while (g_variant_iter_loop (&iter, "{&s@(ss)}", &key, &value))
    if (!g_str_equal (key, uri))
      g_variant_builder_add (&builder, "{s@(ss)}", key, value);
  g_variant_builder_add (&builder, "{s(ss)}", uri, annotator, preferred);
  g_settings_set_value (settings, KEY, g_variant_builder_end (&builder));
}

static void
offer_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   GtkWindow        *window)
{
  GFile *folder = g_object_get_data (G_OBJECT (dialog), "folder");
  const char *existing = g_object_get_data (G_OBJECT (dialog), "existing");
  const char *preferred = g_object_get_data (G_OBJECT (dialog), "preferred");
  GlossDocumentPage *page = g_object_get_data (G_OBJECT (dialog), "page");

  if (g_str_equal (response, "start"))
    {
      gloss_project_member_remember (folder, preferred, preferred);
      /* The window may show another project by now. */
      if (GLOSS_IS_WINDOW (window) && gloss_window_get_project (GLOSS_WINDOW (window)) != NULL &&
          g_file_equal (gloss_project_get_folder (gloss_window_get_project (GLOSS_WINDOW (window))), folder) &&
          g_strcmp0 (gloss_project_get_annotator (gloss_window_get_project (GLOSS_WINDOW (window))), existing) == 0)
        gloss_window_load_project (GLOSS_WINDOW (window), folder);
    }
  /* Now the recovery of what the page shows, if anything was left. */
  if (page != NULL)
    {
      _gloss_recovery_release (page);
      g_object_set_data (G_OBJECT (dialog), "page", NULL);
    }
}

void
gloss_project_member_offer (GtkWindow  *window,
                            GFile      *folder,
                            const char *existing,
                            const char *preferred)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *start = NULL;
  g_autofree char *go_on = NULL;
  AdwMessageDialog *dialog;

  g_return_if_fail (GLOSS_IS_WINDOW (window));

  /* Translators: %s is an annotator's name */
  heading = g_strdup_printf (_("Continue as “%s”?"), existing);
  /* Translators: the first %s is the annotator whose work the project holds, the second the name of Preferences */
  body = g_strdup_printf (_("This project holds the work of “%s” and none of “%s”, the name in Preferences. "
                            "Continue that work, or start anew as “%s”? Either way, nothing is deleted."),
                          existing, preferred, preferred);
  /* Translators: a button; %s is an annotator's name */
  start = g_strdup_printf (_("_Start as “%s”"), preferred);
  /* Translators: a button; %s is an annotator's name */
  go_on = g_strdup_printf (_("_Continue as “%s”"), existing);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, heading, body));
  adw_message_dialog_add_responses (dialog, "start", start, "continue", go_on, NULL);
  adw_message_dialog_set_response_appearance (dialog, "continue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "continue");
  adw_message_dialog_set_close_response (dialog, "continue");
  g_object_set_data_full (G_OBJECT (dialog), "folder", g_object_ref (folder), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "existing", g_strdup (existing), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "preferred", g_strdup (preferred), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "page", g_object_ref (gloss_window_get_page (GLOSS_WINDOW (window))),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (offer_response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
