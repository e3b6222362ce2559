/* gloss-document-page-panes.c: F6 and Shift+F6 move the focus from pane
 * to pane of the page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As in GNOME's file manager and editors: the article, the label palette,
 * the sidebar's page shown and the inspector, in that order, skipping
 * what is not on screen (the sidebar hidden with F9 or folded away, the
 * inspector with nothing selected). Inside a pane, Tab moves as usual (in
 * the article, from annotation to annotation).
 */
#include "config.h"

#include "gloss-document-page-private.h"

enum { N_PANES = 4 };

static void
get_panes (GlossDocumentPage *self,
           GtkWidget         *panes[N_PANES])
{
  panes[0] = GTK_WIDGET (self->view);
  panes[1] = GTK_WIDGET (self->palette);
  panes[2] = adw_view_stack_get_visible_child (self->sidebar_stack);
  panes[3] = GTK_WIDGET (self->inspector);
}

static gboolean
pane_holds (GtkWidget *pane,
            GtkWidget *focus)
{
  return pane != NULL && focus != NULL && (focus == pane || gtk_widget_is_ancestor (focus, pane));
}

/* Puts the focus in @pane: the article itself, elsewhere the pane's first
 * widget that takes it. */
static gboolean
enter_pane (GlossDocumentPage *self,
            GtkWidget         *pane)
{
  if (pane == NULL || !gtk_widget_is_drawable (pane) || !gtk_widget_is_sensitive (pane))
    return FALSE;
  if (pane == GTK_WIDGET (self->view))
    return gtk_widget_grab_focus (pane);
  return gtk_widget_child_focus (pane, GTK_DIR_TAB_FORWARD);
}

void
_gloss_document_page_focus_pane (GlossDocumentPage *self,
                                 gboolean           forward)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *panes[N_PANES];
  int current = -1;

  get_panes (self, panes);
  for (int i = 0; i < N_PANES; i++)
    if (pane_holds (panes[i], focus))
      current = i;

  /* From outside every pane (the header bar), forward starts at the
   * article and backward at the last pane. */
  if (current < 0)
    current = forward ? N_PANES - 1 : 0;
  for (int step = 1; step <= N_PANES; step++)
    {
      int i = (current + (forward ? step : N_PANES - step)) % N_PANES;

      if (enter_pane (self, panes[i]))
        return;
    }
}
