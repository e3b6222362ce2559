/* gloss-recovery.c: the offer to recover the edits an earlier session
 * left in a journal of a page's document (DESIGN §8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The journal lives on the document page (gloss-document-page.c): it
 * goes with the page, and only a clean close (or a save) empties or
 * deletes it, so a crash or a kill leaves it on disk for the next
 * opening. A leftover is only ever deleted once its edits are in the
 * page's own journal, or moved to discarded/ when the user clicks
 * Discard; Escape keeps it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-document-page-private.h"
#include "gloss-error-dialog.h"
#include "gloss-journal.h"
#include "gloss-recovery.h"
/* Not a button: what Escape or closing the dialog answers. */
#define RESPONSE_LATER "later"

typedef struct
{
  GlossDocumentPage *page; /* weak */
  GlossStore  *store;
  GFile       *file;       /* the document's .gloss, or NULL */
  GFile       *source;     /* or the article it was read from */
  GFile       *leftover;
  gboolean     mismatch;   /* the journal's base is not this file any more */
  gboolean     reloaded;   /* left by this session as the file was read again */
} Offer;

static void offer_next (GlossDocumentPage *page,
                        GlossStore        *store,
                        GFile             *file,
                        GFile             *source);

static void
offer_free (gpointer data)
{
  Offer *offer = data;

  g_clear_weak_pointer (&offer->page);
  g_clear_object (&offer->store);
  g_clear_object (&offer->file);
  g_clear_object (&offer->source);
  g_clear_object (&offer->leftover);
  g_free (offer);
}

static char *
document_name (GlossDocumentPage *page,
               GlossStore        *store,
               GFile             *file)
{
  const char *source;

  /* A project's document is named as its Documents list names it: its
   * file has the same name in every document. */
  if (page != NULL && page->label != NULL)
    return g_strdup (page->label);
  if (file != NULL)
    return g_file_get_basename (file);
  source = gloss_document_get_source (gloss_store_get_document (store));
  return g_strdup (source != NULL ? source : _("New Document"));
}

static GtkWindow *
parent_of (GlossDocumentPage *page)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (page));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* After an anchored replay: what could not be applied, and a choice to
 * keep the journal (asked again next time) or set it aside. */
static void
not_applied_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         gpointer          user_data)
{
  Offer *offer = user_data;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "discard") == 0 &&
      !gloss_journal_set_aside (offer->leftover, &error) && offer->page != NULL)
    gloss_error_dialog_show (GTK_WIDGET (offer->page), _("Could Not Discard the Unsaved Changes"), error);
}

static void
show_not_applied (Offer     *offer,
                  GPtrArray *not_applied,
                  guint      n_applied)
{
  g_autoptr(GString) body = g_string_new (NULL);
  AdwMessageDialog *dialog;
  GtkWidget *label;
  Offer *copy;

  g_string_append_printf (body,
                          ngettext ("%u edit was applied. These edits no longer fit the changed file and were not applied; "
                                    "the journal keeps them until you discard it:",
                                    "%u edits were applied. These edits no longer fit the changed file and were not applied; "
                                    "the journal keeps them until you discard it:",
                                    n_applied),
                          n_applied);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_of (offer->page),
                                                       _("Some Edits Were Not Applied"), body->str));
  g_string_truncate (body, 0);
  for (guint i = 0; i < not_applied->len; i++)
    g_string_append_printf (body, "%s• %s", i > 0 ? "\n" : "", (const char *) g_ptr_array_index (not_applied, i));
  label = gtk_label_new (body->str);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  adw_message_dialog_set_extra_child (dialog, label);
  adw_message_dialog_add_responses (dialog,
                                    "discard", _("_Discard Them"),
                                    "keep", _("_Keep Journal"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");

  copy = g_new0 (Offer, 1);
  g_set_weak_pointer (&copy->page, offer->page);
  copy->store = g_object_ref (offer->store);
  copy->leftover = g_object_ref (offer->leftover);
  g_signal_connect_data (dialog, "response", G_CALLBACK (not_applied_response_cb), copy,
                         (GClosureNotify)(void (*) (void))offer_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
offer_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  Offer *offer = user_data;
  g_autoptr(GPtrArray) not_applied = NULL;
  g_autoptr(GError) error = NULL;
  GlossJournal *journal;
  guint n_edits = 0;
  gboolean ok;

  /* The page may show another document by now. */
  if (offer->page == NULL || gloss_document_page_get_store (offer->page) != offer->store)
    return;

  if (g_strcmp0 (response, RESPONSE_LATER) == 0)
    return;   /* kept: asked again at the next opening */

  if (g_strcmp0 (response, "discard") == 0)
    {
      if (!gloss_journal_set_aside (offer->leftover, &error))
        {
          gloss_error_dialog_show (GTK_WIDGET (offer->page), _("Could Not Discard the Unsaved Changes"), error);
          return;
        }
      offer_next (offer->page, offer->store, offer->file, offer->source);
      return;
    }

  /* On a changed file, or on top of another leftover just recovered (whose
   * new annotations may have taken the same ids), anchor each edit. */
  if (offer->mismatch || gloss_store_get_modified (offer->store))
    ok = gloss_journal_recover_anchored (offer->store, offer->leftover, &n_edits, &not_applied, &error);
  else
    {
      ok = gloss_journal_recover (offer->store, offer->leftover, &n_edits, &error);
      /* Another program changed the file while the offer showed (its
       * question waits for this one): the journal no longer matches the
       * file, but the page still shows the text its edits were made on.
       * The store is as it was; each edit is anchored on it. */
      if (!ok && g_error_matches (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_MISMATCH))
        {
          g_clear_error (&error);
          ok = gloss_journal_recover_anchored (offer->store, offer->leftover, &n_edits, &not_applied, &error);
        }
    }
  if (!ok)
    {
      gloss_error_dialog_show (GTK_WIDGET (offer->page), _("Could Not Recover Unsaved Changes"), error);
      return;
    }

  if (not_applied != NULL && not_applied->len > 0)
    {
      show_not_applied (offer, not_applied, n_edits);
      return;
    }

  /* The page's own journal holds the recovered state now, unless it is
   * failing: then the leftover stays. */
  journal = gloss_document_page_get_journal (offer->page);
  if (journal != NULL && gloss_journal_get_error (journal) == NULL)
    gloss_journal_delete (offer->leftover, NULL);
  {
    g_autofree char *message = g_strdup_printf (ngettext ("Recovered %u edit", "Recovered %u edits", n_edits),
                                                n_edits);
    _gloss_document_page_toast (offer->page, message);
  }
  offer_next (offer->page, offer->store, offer->file, offer->source);
}

static void
offer_recovery (Offer *offer,
                guint  n_edits)
{
  AdwMessageDialog *dialog;
  g_autofree char *name = document_name (offer->page, offer->store, offer->file);
  g_autofree char *body = NULL;

  if (offer->reloaded)
    body = g_strdup_printf (ngettext ("“%s” has %u edit that was not saved before the file was reloaded. "
                                      "The edit can be applied where its text is still found in the reloaded "
                                      "file; anything that no longer fits is listed and kept.",
                                      "“%s” has %u edits that were not saved before the file was reloaded. "
                                      "The edits can be applied where their text is still found in the reloaded "
                                      "file; anything that no longer fits is listed and kept.",
                                      n_edits),
                            name, n_edits);
  else if (offer->mismatch)
    body = g_strdup_printf (ngettext ("“%s” has %u edit that was not saved when Gloss last closed, "
                                      "but the file has changed since. The edit can be applied where its text "
                                      "is still found; anything that no longer fits is listed and kept.",
                                      "“%s” has %u edits that were not saved when Gloss last closed, "
                                      "but the file has changed since. The edits can be applied where their text "
                                      "is still found; anything that no longer fits is listed and kept.",
                                      n_edits),
                            name, n_edits);
  else
    body = g_strdup_printf (ngettext ("“%s” has %u edit that was not saved when Gloss last closed unexpectedly.",
                                      "“%s” has %u edits that were not saved when Gloss last closed unexpectedly.",
                                      n_edits),
                            name, n_edits);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_of (offer->page),
                                                       _("Recover Unsaved Changes?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "discard", _("_Discard"),
                                    RESPONSE_LATER, _("_Not Now"),
                                    "recover", offer->mismatch ? _("_Apply") : _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "recover", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "recover");
  /* Escape keeps the edits: only a click on Discard lets them go. */
  adw_message_dialog_set_close_response (dialog, RESPONSE_LATER);

  g_signal_connect_data (dialog, "response", G_CALLBACK (offer_response_cb), offer,
                         (GClosureNotify)(void (*) (void))offer_free, 0);
  /* Its buttons would do nothing once the page shows another document:
   * the question goes (the journal stays, asked for at its next opening). */
  g_signal_connect_object (offer->page, "notify::store", G_CALLBACK (gtk_window_close), dialog,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Offers the oldest leftover journal of the document, if any. */
static void
offer_next (GlossDocumentPage *page,
            GlossStore        *store,
            GFile             *file,
            GFile             *source)
{
  /* A document from nowhere (made by a program) has no identity to find
   * its leftovers by: nothing could have left one for it. */
  if (file == NULL && source == NULL)
    return;

  for (;;)
    {
      g_autoptr(GFile) leftover = gloss_journal_find (file, source);
      g_autoptr(GError) error = NULL;
      guint n_edits = 0;
      gboolean mismatch = FALSE;
      Offer *offer;

      if (leftover == NULL)
        return;
      if (!gloss_journal_check (store, leftover, &n_edits, &error))
        {
          if (!g_error_matches (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_MISMATCH))
            {
              /* Unreadable or from a newer Gloss: out of the way, kept a week. */
              g_message ("Setting %s aside: %s", g_file_peek_path (leftover), error->message);
              if (!gloss_journal_set_aside (leftover, NULL))
                return;
              continue;
            }
          mismatch = TRUE;
        }
      if (n_edits == 0)
        {
          if (!gloss_journal_delete (leftover, NULL))
            return;
          continue;
        }

      offer = g_new0 (Offer, 1);
      g_set_weak_pointer (&offer->page, page);
      offer->store = g_object_ref (store);
      g_set_object (&offer->file, file);
      g_set_object (&offer->source, source);
      offer->leftover = g_steal_pointer (&leftover);
      offer->mismatch = mismatch;
      offer->reloaded = page->reloading;
      offer_recovery (offer, n_edits);
      return;
    }
}

/* The offer waits until the page shows, and then until its window has
 * been raised: a dialog shown before its parent would end up behind it
 * where no window manager keeps it above. */
static gboolean
offer_idle_cb (gpointer data)
{
  g_autoptr(GlossDocumentPage) page = data;
  GlossStore *store = gloss_document_page_get_store (page);

  if (store != NULL && gtk_widget_get_mapped (GTK_WIDGET (page)))
    offer_next (page, store, gloss_document_page_get_file (page), gloss_document_page_get_source (page));
  return G_SOURCE_REMOVE;
}

static void
offer_when_mapped_cb (GlossDocumentPage *page)
{
  g_signal_handlers_disconnect_by_func (page, offer_when_mapped_cb, NULL);
  g_idle_add (offer_idle_cb, g_object_ref (page));
}

void
_gloss_recovery_offer (GlossDocumentPage *page)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (page));

  g_signal_handlers_disconnect_by_func (page, offer_when_mapped_cb, NULL);
  if (page->recovery_holds > 0)
    {
      page->recovery_waiting = TRUE;
      return;
    }
  if (root != NULL && gtk_widget_get_mapped (GTK_WIDGET (root)))
    offer_next (page, gloss_document_page_get_store (page), gloss_document_page_get_file (page),
                gloss_document_page_get_source (page));
  else
    g_signal_connect (page, "map", G_CALLBACK (offer_when_mapped_cb), NULL);
}

/* One question at a time: whom the user annotates as decides which
 * file, and so which journal, the page shows (gloss-project-member.c). */
void
_gloss_recovery_hold (GlossDocumentPage *page)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_PAGE (page));

  page->recovery_holds++;
}

void
_gloss_recovery_release (GlossDocumentPage *page)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_PAGE (page));
  g_return_if_fail (page->recovery_holds > 0);

  if (--page->recovery_holds > 0 || !page->recovery_waiting)
    return;
  page->recovery_waiting = FALSE;
  if (gloss_document_page_get_store (page) != NULL)
    _gloss_recovery_offer (page);
}

GlossWindow *
_gloss_recovery_find_holder (GFile *file)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* (transfer none) */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);
      GlossJournal *journal;

      if (!GLOSS_IS_WINDOW (toplevel))
        continue;
      journal = gloss_document_page_get_journal (gloss_window_get_page (GLOSS_WINDOW (toplevel)));
      if (journal != NULL && gloss_journal_is_for_file (journal, file))
        return GLOSS_WINDOW (toplevel);
    }
  return NULL;
}
