/* gloss-type-removal.c: a type's Remove on a Preferences page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In a project every document shares the schema, so a type the shown
 * document does not use may still be used by the others, or by another
 * annotator's file of this one. Nothing on disk records which types a
 * file uses: the files are read when Remove is clicked, in a worker, and
 * the type goes only if none uses it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-error.h"
#include "gloss-project-type-uses.h"
#include "gloss-schema-edits.h"
#include "gloss-toast-details.h"
#include "gloss-type-removal.h"

/* A 10,000-document project takes seconds (tests/bench/bench-type-uses.c). */
#define CHECKING_DELAY_MS 500

typedef struct
{
  GtkWidget  *page;
  GtkWidget  *button;
  GlossStore *store;
  GlossLabel *label;
  AdwToast   *checking;   /* shown once the count takes a while */
  guint       checking_id;
} Removal;

static void
removal_free (Removal *removal)
{
  g_clear_handle_id (&removal->checking_id, g_source_remove);
  if (removal->checking != NULL)
    adw_toast_dismiss (removal->checking);
  g_clear_object (&removal->checking);
  g_clear_object (&removal->page);
  g_clear_object (&removal->button);
  g_clear_object (&removal->store);
  g_clear_object (&removal->label);
  g_free (removal);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Removal, removal_free)

static void
refuse (GtkWidget    *page,
        GlossLabel   *label,
        const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (page);

  if (root == NULL || !ADW_IS_PREFERENCES_WINDOW (root))
    {
      g_message ("%s", error->message);
      return;
    }
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root),
                                    g_error_matches (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_IN_USE)
                                      ? gloss_toast_in_use_new (page, label, error)
                                      : adw_toast_new (error->message));
}

/* A count that takes a while says what it does (not a flash for a
 * small project). */
static gboolean
checking_cb (gpointer data)
{
  Removal *removal = data;
  GtkRoot *root = gtk_widget_get_root (removal->page);
  g_autofree char *title = NULL;
  g_autofree char *markup = g_markup_escape_text (gloss_label_shown_name (removal->label), -1);

  removal->checking_id = 0;
  if (root == NULL || !ADW_IS_PREFERENCES_WINDOW (root))
    return G_SOURCE_REMOVE;
  /* TRANSLATORS: a toast while Remove reads the project's files; %s is a type's name */
  title = g_strdup_printf (_("Checking the project’s documents for “%s”…"), markup);
  removal->checking = adw_toast_new (title);
  adw_toast_set_timeout (removal->checking, 0);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), g_object_ref (removal->checking));
  return G_SOURCE_REMOVE;
}

static void
counted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Removal) removal = user_data;
  g_autoptr(GError) error = NULL;
  GlossTypeUses uses = { 0 };

  if (removal->button != NULL)
    gtk_widget_set_sensitive (removal->button, TRUE);
  g_clear_handle_id (&removal->checking_id, g_source_remove);
  if (removal->checking != NULL)
    adw_toast_dismiss (removal->checking);
  if (!gloss_project_count_type_uses_finish (GLOSS_PROJECT (source), result, &uses, &error))
    {
      g_autoptr(GError) why = NULL;

      g_set_error (&why, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_TYPE,
                   /* TRANSLATORS: %s says why a file could not be read */
                   _("The project’s documents could not be checked, so the type stays: %s"), error->message);
      refuse (removal->page, removal->label, why);
      return;
    }
  /* Removed meanwhile (a second click, another page): nothing to do. */
  if (gloss_schema_lookup (gloss_store_get_schema (removal->store), gloss_label_get_kind (removal->label),
                           gloss_label_get_id (removal->label)) != removal->label)
    return;
  if (!gloss_schema_edit_remove_project_type (removal->store, removal->label, uses.n_annotations,
                                              uses.n_documents, &error))
    refuse (removal->page, removal->label, error);
}

gboolean
gloss_type_removal_start (GtkWidget            *page,
                          GtkWidget            *button,
                          GlossStore           *store,
                          GlossLabel           *label,
                          GlossProject         *project,
                          GlossProjectDocument *document)
{
  g_autoptr(GError) error = NULL;
  Removal *removal;

  g_return_val_if_fail (GTK_IS_WIDGET (page), FALSE);
  g_return_val_if_fail (button == NULL || GTK_IS_WIDGET (button), FALSE);
  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (GLOSS_IS_LABEL (label), FALSE);
  g_return_val_if_fail (project == NULL || GLOSS_IS_PROJECT (project), FALSE);

  if (project == NULL)
    {
      if (gloss_schema_edit_remove_type (store, label, &error))
        return TRUE;
      refuse (page, label, error);
      return FALSE;
    }

  removal = g_new0 (Removal, 1);
  removal->page = g_object_ref (page);
  removal->button = button != NULL ? g_object_ref (button) : NULL;
  removal->store = g_object_ref (store);
  removal->label = g_object_ref (label);
  if (button != NULL)
    gtk_widget_set_sensitive (button, FALSE);
  removal->checking_id = g_timeout_add (CHECKING_DELAY_MS, checking_cb, removal);
  gloss_project_count_type_uses_async (project, label, document, store, NULL, counted_cb, removal);
  return FALSE;
}
