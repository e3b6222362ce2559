/* gloss-window-search.c: finding text in the article (Ctrl+F)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-window-private.h"

/* Search: Enter selects the next match after the selection (or cursor),
 * wrapping at the end; the match stays selected when the bar closes. */
static guint
count_matches (GlossWindow *self,
               const char  *needle,
               guint        upto,
               guint       *index)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  GtkTextIter iter, match_start, match_end;
  guint n = 0;

  *index = 0;
  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (gtk_text_iter_forward_search (&iter, needle, GTK_TEXT_SEARCH_CASE_INSENSITIVE,
                                       &match_start, &match_end, NULL))
    {
      n++;
      if ((guint) gtk_text_iter_get_offset (&match_start) == upto)
        *index = n;
      iter = match_end;
    }
  return n;
}

static void
update_search_count (GlossWindow *self,
                     int          selected_start)
{
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *label = NULL;
  guint index, n;

  if (gloss_window_get_store (self) == NULL || *needle == '\0')
    {
      gtk_label_set_text (self->search_count, "");
      gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
      return;
    }

  n = count_matches (self, needle, (guint) selected_start, &index);
  if (n == 0)
    label = g_strdup (_("No matches"));
  else if (index > 0)
    /* Translators: the search match shown and how many there are */
    label = g_strdup_printf (_("%u of %u"), index, n);
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches", n), n);
  gtk_label_set_text (self->search_count, label);
  if (n == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
}

void
_gloss_window_find (GlossWindow *self,
                    gboolean     backward)
{
  GtkTextBuffer *buffer;
  GtkTextIter from, match_start, match_end;
  GtkTextIter sel_start, sel_end;
  const char *needle;
  gboolean found;
  guint start, end;

  if (gloss_window_get_store (self) == NULL)
    return;
  needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  if (*needle == '\0')
    return;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  if (gloss_annotation_view_get_text_selection (self->view, &start, &end) && start < end)
    gtk_text_buffer_get_iter_at_offset (buffer, &from, backward ? start : end);
  else if (gtk_text_buffer_get_selection_bounds (buffer, &sel_start, &sel_end))
    from = backward ? sel_start : sel_end;
  else if (gloss_annotation_view_get_selected (self->view) != NULL)
    {
      GlossAnnotation *selected = gloss_annotation_view_get_selected (self->view);

      gtk_text_buffer_get_iter_at_offset (buffer, &from,
                                          backward ? gloss_annotation_get_start (selected)
                                                   : gloss_annotation_get_end (selected));
    }
  else
    gtk_text_buffer_get_iter_at_mark (buffer, &from, gtk_text_buffer_get_insert (buffer));

  if (backward)
    {
      found = gtk_text_iter_backward_search (&from, needle, GTK_TEXT_SEARCH_CASE_INSENSITIVE,
                                             &match_start, &match_end, NULL);
      if (!found)
        {
          gtk_text_buffer_get_end_iter (buffer, &from);
          found = gtk_text_iter_backward_search (&from, needle, GTK_TEXT_SEARCH_CASE_INSENSITIVE,
                                                 &match_start, &match_end, NULL);
        }
    }
  else
    {
      found = gtk_text_iter_forward_search (&from, needle, GTK_TEXT_SEARCH_CASE_INSENSITIVE,
                                            &match_start, &match_end, NULL);
      if (!found)
        {
          gtk_text_buffer_get_start_iter (buffer, &from);
          found = gtk_text_iter_forward_search (&from, needle, GTK_TEXT_SEARCH_CASE_INSENSITIVE,
                                                &match_start, &match_end, NULL);
        }
    }

  if (!found)
    {
      update_search_count (self, -1);
      gtk_widget_error_bell (GTK_WIDGET (self->search_entry));
      return;
    }

  gloss_annotation_view_select_range (self->view,
                                      gtk_text_iter_get_offset (&match_start),
                                      gtk_text_iter_get_offset (&match_end));
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->view), &match_start, 0.1, FALSE, 0, 0);
  update_search_count (self, gtk_text_iter_get_offset (&match_start));
  gloss_window_update_actions (self);
}

static void
search_activate_cb (GlossWindow *self)
{
  _gloss_window_find (self, FALSE);
}

static void
search_next_cb (GlossWindow *self)
{
  _gloss_window_find (self, FALSE);
}

static void
search_previous_cb (GlossWindow *self)
{
  _gloss_window_find (self, TRUE);
}

static void
search_changed_cb (GlossWindow *self)
{
  update_search_count (self, -1);
}

static void
search_mode_changed_cb (GlossWindow *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
    }
  else if (gloss_window_get_store (self) != NULL)
    /* Back to the article, match still selected, ready for a label key. */
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

void
_gloss_window_class_add_search (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_changed_cb);
}
