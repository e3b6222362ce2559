/* gloss-shortcuts.c: every key of the window, in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-shortcuts.h"

/* Where a shortcut's keys act. */
typedef enum
{
  GLOSS_SHORTCUT_ACCEL,   /* with a modifier: the application's accelerator */
  GLOSS_SHORTCUT_WINDOW,  /* a plain key anywhere in the window but a text entry */
  GLOSS_SHORTCUT_TEXT,    /* a plain key that moves or ends things (Tab, Escape,
                           * Delete): only in the article, elsewhere it keeps
                           * its usual meaning */
} GlossShortcutScope;

typedef struct
{
  const char        *action;
  const char        *target;  /* string parameter, or NULL */
  const char        *accels[3];
  GlossShortcutScope scope;
} GlossShortcut;

/* Every shortcut of the window, in one place. Plain keys never steal
 * typing from a text entry (the search bar, the inspector's fields); Tab,
 * Delete and Escape act only in the article, where they select and
 * delete annotations, and keep their usual meaning elsewhere. */
static const GlossShortcut shortcuts[] = {
  { "app.new-window",        NULL, { "<Control>n", NULL } },
  { "app.quit",              NULL, { "<Control>q", NULL } },
  { "app.preferences",       NULL, { "<Control>comma", NULL } },
  { "win.open",              NULL, { "<Control>o", NULL } },
  { "win.new-project",       NULL, { "<Control><Shift>n", NULL } },
  { "win.open-project",      NULL, { "<Control><Shift>o", NULL } },
  { "win.add-documents",     NULL, { "<Control><Shift>d", NULL } },
  { "win.save",              NULL, { "<Control>s", NULL } },
  { "win.save-as",           NULL, { "<Control><Shift>s", NULL } },
  { "win.export",            NULL, { "<Control>e", NULL } },
  { "win.close",             NULL, { "<Control>w", NULL } },
  { "doc.undo",              NULL, { "<Control>z", NULL } },
  { "doc.redo",              NULL, { "<Control><Shift>z", "<Control>y", NULL } },
  { "win.find",              NULL, { "<Control>f", NULL } },
  { "doc.link-entity",       NULL, { "<Control>l", NULL } },
  { "win.toggle-sidebar",    NULL, { "F9", NULL } },
  { "doc.next-pane",         NULL, { "F6", NULL } },
  { "doc.previous-pane",     NULL, { "<Shift>F6", NULL } },
  { "win.statistics",        NULL, { "<Control><Shift>t", NULL } },
  { "win.agreement",         NULL, { "<Control><Shift>g", NULL } },
  { "win.curate",            NULL, { "<Control><Shift>m", NULL } },
  { "doc.tag-key",           "1",  { "1", "KP_1", NULL }, GLOSS_SHORTCUT_WINDOW },
  { "doc.tag-key",           "2",  { "2", "KP_2", NULL }, GLOSS_SHORTCUT_WINDOW },
  { "doc.tag-key",           "3",  { "3", "KP_3", NULL }, GLOSS_SHORTCUT_WINDOW },
  { "doc.tag-key",           "4",  { "4", "KP_4", NULL }, GLOSS_SHORTCUT_WINDOW },
  { "doc.tag-key",           "5",  { "5", "KP_5", NULL }, GLOSS_SHORTCUT_WINDOW },
  { "doc.tag-key",           "6",  { "6", "KP_6", NULL }, GLOSS_SHORTCUT_WINDOW },
  { "doc.tag-key",           "7",  { "7", "KP_7", NULL }, GLOSS_SHORTCUT_WINDOW },
  { "doc.tag-key",           "8",  { "8", "KP_8", NULL }, GLOSS_SHORTCUT_WINDOW },
  { "doc.tag-key",           "9",  { "9", "KP_9", NULL }, GLOSS_SHORTCUT_WINDOW },
  { "doc.tag-all",           NULL, { "a", NULL }, GLOSS_SHORTCUT_WINDOW },
  { "doc.new-claim",         NULL, { "c", NULL }, GLOSS_SHORTCUT_WINDOW },
  { "doc.set-cue",           NULL, { "<Shift>c", "C", NULL }, GLOSS_SHORTCUT_WINDOW },
  { "doc.pick-claimant",     NULL, { "<Shift>k", "K", NULL }, GLOSS_SHORTCUT_WINDOW },
  { "doc.add-fragment",      NULL, { "plus", "KP_Add", NULL }, GLOSS_SHORTCUT_WINDOW },
  { "doc.remove-fragment",   NULL, { "minus", "KP_Subtract", NULL }, GLOSS_SHORTCUT_WINDOW },
  { "doc.new-relation",      NULL, { "r", NULL }, GLOSS_SHORTCUT_WINDOW },
  { "doc.delete",            NULL, { "Delete", "KP_Delete", "BackSpace" }, GLOSS_SHORTCUT_TEXT },
  { "doc.select-next",       NULL, { "Tab", "KP_Tab", NULL }, GLOSS_SHORTCUT_TEXT },
  { "doc.select-previous",   NULL, { "<Shift>Tab", "<Shift>ISO_Left_Tab", NULL }, GLOSS_SHORTCUT_TEXT },
  { "doc.clear-selection",   NULL, { "Escape", NULL }, GLOSS_SHORTCUT_TEXT },
  { NULL }
};

/* Whether a plain key belongs to the focus: it types there, or moves in a
 * popover (a dropdown's list). */
static gboolean
focus_takes_keys (GtkWidget *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  if (focus == NULL)
    return FALSE;
  if (GTK_IS_EDITABLE (focus) ||
      (GTK_IS_TEXT_VIEW (focus) && gtk_text_view_get_editable (GTK_TEXT_VIEW (focus))))
    return TRUE;
  return gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL;
}

static gboolean
window_key_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  const GlossShortcut *s = user_data;

  if (focus_takes_keys (widget))
    return FALSE;
  /* A disabled action lets the key go on to the focus. */
  return gtk_widget_activate_action_variant (widget, s->action, args);
}

static void
add_shortcuts (GtkEventController *controller,
               GlossShortcutScope  scope)
{
  for (guint i = 0; shortcuts[i].action != NULL; i++)
    {
      const GlossShortcut *s = &shortcuts[i];

      if (s->scope != scope)
        continue;

      for (guint j = 0; j < G_N_ELEMENTS (s->accels) && s->accels[j] != NULL; j++)
        {
          GtkShortcutAction *action;
          GtkShortcut *shortcut;

          if (scope == GLOSS_SHORTCUT_WINDOW)
            action = gtk_callback_action_new (window_key_cb, (gpointer) s, NULL);
          else
            action = gtk_named_action_new (s->action);
          shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (s->accels[j]), action);
          if (s->target != NULL)
            gtk_shortcut_set_arguments (shortcut, g_variant_new_string (s->target));
          gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
        }
    }
}

/* The plain keys: the window's in the capture phase from the window down,
 * so they reach their action wherever the focus is (the inspector's
 * dropdowns, the sidebar's lists); the article's in the capture phase too,
 * before the text view's input method sees them. */
void
gloss_shortcuts_add (GtkWidget *window,
                     GtkWidget *article)
{
  GtkEventController *controller;

  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_name (controller, "gloss-window-shortcuts");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_shortcuts (controller, GLOSS_SHORTCUT_WINDOW);
  gtk_widget_add_controller (window, controller);

  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_name (controller, "gloss-text-shortcuts");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_shortcuts (controller, GLOSS_SHORTCUT_TEXT);
  gtk_widget_add_controller (article, controller);
}

/* Shortcuts with modifiers are the application's; the plain keys are
 * bound by each window (gloss_shortcuts_add()). */
void
gloss_shortcuts_set_accels (GtkApplication *app)
{
  for (guint i = 0; shortcuts[i].action != NULL; i++)
    {
      const GlossShortcut *s = &shortcuts[i];
      g_autofree char *detailed = NULL;

      if (s->scope != GLOSS_SHORTCUT_ACCEL)
        continue;
      detailed = s->target ? g_strdup_printf ("%s('%s')", s->action, s->target) : g_strdup (s->action);
      gtk_application_set_accels_for_action (app, detailed, s->accels);
    }
}
