/* gloss-recovery.c: the crash journal of a window's document, and the
 * offer to recover a leftover one (DESIGN §8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The journal lives on the window as object data: it goes with the
 * window, and only a clean close (or a save) empties or deletes it, so a
 * crash or a kill leaves it on disk for the next opening.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-journal.h"
#include "gloss-recovery.h"
#include "gloss-window-private.h"

#define JOURNAL_KEY "gloss-journal"

typedef struct
{
  GlossWindow *window;   /* weak */
  GlossStore  *store;
  GFile       *leftover;
} Offer;

static void
offer_free (gpointer data)
{
  Offer *offer = data;

  g_clear_weak_pointer (&offer->window);
  g_clear_object (&offer->store);
  g_clear_object (&offer->leftover);
  g_free (offer);
}

static void
offer_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  Offer *offer = user_data;
  g_autoptr(GError) error = NULL;
  GlossJournal *journal;
  guint n_edits = 0;

  /* The window may show another document by now. */
  if (offer->window == NULL || gloss_window_get_store (offer->window) != offer->store)
    return;

  if (g_strcmp0 (response, "recover") != 0)
    {
      gloss_journal_delete (offer->leftover, NULL);
      return;
    }

  if (!gloss_journal_recover (offer->store, offer->leftover, &n_edits, &error))
    {
      _gloss_window_show_error (offer->window, _("Could Not Recover Unsaved Changes"), error);
      return;
    }
  /* The window's own journal holds the recovered state now, unless it is
   * failing: then the leftover stays. */
  journal = g_object_get_data (G_OBJECT (offer->window), JOURNAL_KEY);
  if (journal != NULL && gloss_journal_get_error (journal) == NULL)
    gloss_journal_delete (offer->leftover, NULL);
  {
    g_autofree char *message = g_strdup_printf (ngettext ("Recovered %u edit", "Recovered %u edits", n_edits),
                                                n_edits);
    _gloss_window_toast (offer->window, message);
  }
}

static void
offer_recovery (GlossWindow *window,
                GlossStore  *store,
                GFile       *file,
                GFile       *leftover,
                guint        n_edits)
{
  AdwMessageDialog *dialog;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  Offer *offer;

  if (file != NULL)
    name = g_file_get_basename (file);
  else
    name = g_strdup (gloss_document_get_source (gloss_store_get_document (store)));
  body = g_strdup_printf (ngettext ("“%s” has %u edit that was not saved when Gloss last closed unexpectedly.",
                                    "“%s” has %u edits that were not saved when Gloss last closed unexpectedly.",
                                    n_edits),
                          name != NULL ? name : _("New Document"), n_edits);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window), _("Recover Unsaved Changes?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "recover", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "recover");
  adw_message_dialog_set_close_response (dialog, "discard");

  offer = g_new0 (Offer, 1);
  g_set_weak_pointer (&offer->window, window);
  offer->store = g_object_ref (store);
  offer->leftover = g_object_ref (leftover);
  g_signal_connect_data (dialog, "response", G_CALLBACK (offer_response_cb), offer,
                         (GClosureNotify)(void (*) (void))offer_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_gloss_recovery_attach (GlossWindow *window,
                        GlossStore  *store,
                        GFile       *file)
{
  GlossJournal *old = g_object_get_data (G_OBJECT (window), JOURNAL_KEY);
  g_autoptr(GFile) leftover = NULL;
  g_autoptr(GError) error = NULL;
  GlossJournal *journal;
  guint n_edits = 0;

  if (old != NULL && gloss_journal_get_store (old) == store)
    return;
  if (old != NULL && !gloss_store_get_modified (gloss_journal_get_store (old)))
    gloss_journal_discard (old);
  g_object_set_data (G_OBJECT (window), JOURNAL_KEY, NULL);
  if (store == NULL)
    return;

  leftover = gloss_journal_find (file, NULL);
  if (leftover != NULL && !gloss_journal_check (store, leftover, &n_edits, &error))
    {
      /* Edits for another version of the file cannot be applied to this
       * one; the new journal replaces them at the first edit. */
      g_message ("Not offering to recover %s: %s", g_file_peek_path (leftover), error->message);
      g_clear_object (&leftover);
    }
  else if (leftover != NULL && n_edits == 0)
    {
      gloss_journal_delete (leftover, NULL);
      g_clear_object (&leftover);
    }

  journal = gloss_journal_new (store, file, NULL, &error);
  if (journal == NULL)
    g_message ("No journal for this document: %s", error->message);
  else
    g_object_set_data_full (G_OBJECT (window), JOURNAL_KEY, journal, g_object_unref);

  if (leftover != NULL)
    offer_recovery (window, store, file, leftover, n_edits);
}

void
_gloss_recovery_saved (GlossWindow *window,
                       GFile       *file)
{
  GlossJournal *journal = g_object_get_data (G_OBJECT (window), JOURNAL_KEY);
  g_autoptr(GError) error = NULL;

  if (journal != NULL && !gloss_journal_mark_saved (journal, file, NULL, &error))
    g_message ("The journal could not start over after saving: %s", error->message);
}

GlossJournal *
_gloss_recovery_get_journal (GlossWindow *window)
{
  return g_object_get_data (G_OBJECT (window), JOURNAL_KEY);
}

void
_gloss_recovery_discard (GlossWindow *window)
{
  GlossJournal *journal = g_object_get_data (G_OBJECT (window), JOURNAL_KEY);

  if (journal != NULL)
    gloss_journal_discard (journal);
  g_object_set_data (G_OBJECT (window), JOURNAL_KEY, NULL);
}
