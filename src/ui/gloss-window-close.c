/* gloss-window-close.c: "Save Changes?" before a window with unsaved
 * changes closes, and before the application quits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-window-close.h"
#include "gloss-window-private.h"

/* The answer is known: the window's changes are saved or discarded
 * (@may_close), or the user kept the window. */
void
_gloss_window_close_answered (GlossWindow *self,
                              gboolean     may_close)
{
  GlossWindowCloseAnswer answer = self->close_answer;
  gpointer data = self->close_answer_data;

  if (!self->close_asked)
    return;
  self->close_asked = FALSE;
  self->close_answer = NULL;
  self->close_answer_data = NULL;

  if (answer != NULL)
    answer (self, may_close, data);
  else if (may_close)
    {
      self->closing = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             GlossWindow      *self)
{
  /* The dialog is closed already, but goes only once its response is
   * handled: it must not outlive, as its transient child, a window that
   * the answer finalizes (its dispose would disconnect from the window). */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);

  if (g_str_equal (response, "discard"))
    _gloss_window_close_answered (self, TRUE);
  else if (g_str_equal (response, "save") && gloss_window_get_file (self) != NULL)
    {
      g_autoptr(GError) error = NULL;

      /* As Ctrl+S saves it (a project's document: with its project). */
      if (_gloss_window_project_save (self, TRUE, &error))
        _gloss_window_close_answered (self, TRUE);
      else
        {
          _gloss_window_close_answered (self, FALSE);
          _gloss_window_show_save_error (self, error);
        }
    }
  else if (g_str_equal (response, "save"))
    _gloss_window_save_as (self);   /* answers once saved, or not */
  else
    _gloss_window_close_answered (self, FALSE);
}

void
gloss_window_ask_to_close (GlossWindow            *self,
                           GlossWindowCloseAnswer  answer,
                           gpointer                data)
{
  AdwMessageDialog *dialog;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;

  g_return_if_fail (GLOSS_IS_WINDOW (self));

  if (self->close_asked)
    {
      /* Asked already (say, a click on the close button while Quit asks):
       * the question stands, and this one is answered no. */
      if (answer != NULL)
        answer (self, FALSE, data);
      return;
    }
  if (!gloss_window_get_modified (self))
    {
      if (answer != NULL)
        answer (self, TRUE, data);
      return;
    }

  self->close_asked = TRUE;
  self->close_answer = answer;
  self->close_answer_data = data;

  /* A document without a file is named for what it was read from (as
   * its title), not for the file Save As would offer; a project's as
   * its Documents list names it. */
  name = gloss_document_page_dup_label (self->page);
  body = g_strdup_printf (_("“%s” has unsaved changes. Changes which are not saved will be permanently lost."),
                          name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Quit: every window with unsaved changes asks in turn; only once each
 * is saved or discarded do the windows close. Cancel on any closes none
 * (the windows discarded so far keep their changes, and ask again). */
typedef struct
{
  GtkApplication *app;
  GPtrArray      *dirty;       /* GlossWindow */
  GPtrArray      *discarded;   /* GlossWindow, closing without asking */
  guint           next;
} Quit;

static void
quit_free (Quit *quit)
{
  g_object_set_data (G_OBJECT (quit->app), "gloss-quit", NULL);
  g_ptr_array_unref (quit->dirty);
  g_ptr_array_unref (quit->discarded);
  g_object_unref (quit->app);
  g_free (quit);
}

static void quit_next (Quit *quit);

static void
quit_answered (GlossWindow *window,
               gboolean     may_close,
               gpointer     data)
{
  Quit *quit = data;

  if (!may_close)
    {
      for (guint i = 0; i < quit->discarded->len; i++)
        ((GlossWindow *) g_ptr_array_index (quit->discarded, i))->closing = FALSE;
      quit_free (quit);
      return;
    }
  if (gloss_window_get_modified (window))
    {
      window->closing = TRUE;
      g_ptr_array_add (quit->discarded, g_object_ref (window));
    }
  quit_next (quit);
}

static void
quit_next (Quit *quit)
{
  GList *windows;

  while (quit->next < quit->dirty->len)
    {
      GlossWindow *window = g_ptr_array_index (quit->dirty, quit->next++);

      if (!gtk_widget_in_destruction (GTK_WIDGET (window)) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          gloss_window_get_modified (window))
        {
          gloss_window_ask_to_close (window, quit_answered, quit);
          return;
        }
    }

  windows = g_list_copy_deep (gtk_application_get_windows (quit->app), (GCopyFunc) g_object_ref, NULL);
  quit_free (quit);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
}

void
gloss_window_quit_all (GtkApplication *app)
{
  Quit *quit;

  g_return_if_fail (GTK_IS_APPLICATION (app));

  if (g_object_get_data (G_OBJECT (app), "gloss-quit") != NULL)
    return;   /* asking already */

  quit = g_new0 (Quit, 1);
  quit->app = g_object_ref (app);
  quit->dirty = g_ptr_array_new_with_free_func (g_object_unref);
  quit->discarded = g_ptr_array_new_with_free_func (g_object_unref);
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (GLOSS_IS_WINDOW (l->data) && gloss_window_get_modified (l->data))
      g_ptr_array_add (quit->dirty, g_object_ref (l->data));
  g_object_set_data (G_OBJECT (app), "gloss-quit", quit);
  quit_next (quit);
}
