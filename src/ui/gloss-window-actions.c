/* gloss-window-actions.c: the win.* actions, their shortcuts and the
 * editing they do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-edits.h"
#include "gloss-link-dialog.h"
#include "gloss-window-private.h"

/* Every shortcut of the window, in one place. Plain keys never steal
 * typing from a text entry (the search bar, the inspector's fields); Tab,
 * Delete and Escape act only in the article, where they select and
 * delete annotations, and keep their usual meaning elsewhere. */
const GlossShortcut _gloss_shortcuts[] = {
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
  { "win.undo",              NULL, { "<Control>z", NULL } },
  { "win.redo",              NULL, { "<Control><Shift>z", "<Control>y", NULL } },
  { "win.find",              NULL, { "<Control>f", NULL } },
  { "win.link-entity",       NULL, { "<Control>l", NULL } },
  { "win.toggle-sidebar",    NULL, { "F9", NULL } },
  { "win.statistics",        NULL, { "<Control><Shift>t", NULL } },
  { "win.agreement",         NULL, { "<Control><Shift>g", NULL } },
  { "win.curate",            NULL, { "<Control><Shift>m", NULL } },
  { "win.tag-key",           "1",  { "1", "KP_1", NULL }, GLOSS_SHORTCUT_WINDOW },
  { "win.tag-key",           "2",  { "2", "KP_2", NULL }, GLOSS_SHORTCUT_WINDOW },
  { "win.tag-key",           "3",  { "3", "KP_3", NULL }, GLOSS_SHORTCUT_WINDOW },
  { "win.tag-key",           "4",  { "4", "KP_4", NULL }, GLOSS_SHORTCUT_WINDOW },
  { "win.tag-key",           "5",  { "5", "KP_5", NULL }, GLOSS_SHORTCUT_WINDOW },
  { "win.tag-key",           "6",  { "6", "KP_6", NULL }, GLOSS_SHORTCUT_WINDOW },
  { "win.tag-key",           "7",  { "7", "KP_7", NULL }, GLOSS_SHORTCUT_WINDOW },
  { "win.tag-key",           "8",  { "8", "KP_8", NULL }, GLOSS_SHORTCUT_WINDOW },
  { "win.tag-key",           "9",  { "9", "KP_9", NULL }, GLOSS_SHORTCUT_WINDOW },
  { "win.tag-all",           NULL, { "a", NULL }, GLOSS_SHORTCUT_WINDOW },
  { "win.new-claim",         NULL, { "c", NULL }, GLOSS_SHORTCUT_WINDOW },
  { "win.set-cue",           NULL, { "<Shift>c", "C", NULL }, GLOSS_SHORTCUT_WINDOW },
  { "win.pick-claimant",     NULL, { "<Shift>k", "K", NULL }, GLOSS_SHORTCUT_WINDOW },
  { "win.add-fragment",      NULL, { "plus", "KP_Add", NULL }, GLOSS_SHORTCUT_WINDOW },
  { "win.remove-fragment",   NULL, { "minus", "KP_Subtract", NULL }, GLOSS_SHORTCUT_WINDOW },
  { "win.new-relation",      NULL, { "r", NULL }, GLOSS_SHORTCUT_WINDOW },
  { "win.delete",            NULL, { "Delete", "KP_Delete", "BackSpace" }, GLOSS_SHORTCUT_TEXT },
  { "win.select-next",       NULL, { "Tab", "KP_Tab", NULL }, GLOSS_SHORTCUT_TEXT },
  { "win.select-previous",   NULL, { "<Shift>Tab", "<Shift>ISO_Left_Tab", NULL }, GLOSS_SHORTCUT_TEXT },
  { "win.clear-selection",   NULL, { "Escape", NULL }, GLOSS_SHORTCUT_TEXT },
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
  for (guint i = 0; _gloss_shortcuts[i].action != NULL; i++)
    {
      const GlossShortcut *s = &_gloss_shortcuts[i];

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
_gloss_window_add_shortcuts (GlossWindow *self,
                             GtkWidget   *article)
{
  GtkEventController *controller;

  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_name (controller, "gloss-window-shortcuts");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_shortcuts (controller, GLOSS_SHORTCUT_WINDOW);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_name (controller, "gloss-text-shortcuts");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_shortcuts (controller, GLOSS_SHORTCUT_TEXT);
  gtk_widget_add_controller (article, controller);
}

/* A retype with no text selected changes a mention the analyst may not be
 * looking at (a drag that missed): say so, with the way back. */
static void
show_retyped (GlossWindow *self,
              const char  *text,
              GlossLabel  *type)
{
  g_autofree char *message = NULL;
  AdwToast *toast;

  /* Translators: “U.S.” is now Location */
  message = g_strdup_printf (_("“%s” is now %s"), text, gloss_label_get_name (type));
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 5);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  _gloss_window_show_toast (self, toast);
}

/* Tag the text selection with @type_id, or retype the selected mention. */
gboolean
_gloss_window_tag (GlossWindow *self,
                   const char  *type_id)
{
  g_autoptr(GError) error = NULL;
  GlossAnnotation *selected;
  GlossMention *mention;
  GlossLabel *type;
  gboolean has_selection;
  guint start, end;

  if (gloss_window_get_store (self) == NULL)
    return FALSE;

  type = gloss_schema_lookup (gloss_store_get_schema (gloss_window_get_store (self)), GLOSS_LABEL_ENTITY, type_id);
  if (type == NULL)
    return FALSE;
  selected = gloss_annotation_view_get_selected (self->view);

  has_selection = gloss_annotation_view_get_text_selection (self->view, &start, &end) && start < end;
  /* A selected mention whose text is the selection gets the new type. */
  if (has_selection && selected != NULL && GLOSS_IS_MENTION (selected) &&
      gloss_annotation_get_start (selected) == start && gloss_annotation_get_end (selected) == end)
    has_selection = FALSE;

  if (has_selection)
    {
      mention = gloss_edit_tag (gloss_window_get_store (self), type_id, start, end, &error);
      if (mention == NULL)
        {
          _gloss_window_show_error (self, _("Could Not Tag the Selection"), error);
          return FALSE;
        }
      gloss_annotation_view_set_selected (self->view, GLOSS_ANNOTATION (mention));
      return TRUE;
    }

  if (selected != NULL && GLOSS_IS_MENTION (selected) &&
      g_strcmp0 (gloss_annotation_get_type_id (selected), type_id) != 0)
    {
      if (!gloss_edit_retype (gloss_window_get_store (self), GLOSS_MENTION (selected), type_id, &error))
        {
          _gloss_window_show_error (self, _("Could Not Change the Type"), error);
          return FALSE;
        }
      {
        g_autofree char *text = gloss_edit_short_text (gloss_store_get_document (gloss_window_get_store (self)),
                                                       gloss_annotation_get_start (selected),
                                                       gloss_annotation_get_end (selected));

        show_retyped (self, text, type);
      }
      return TRUE;
    }

  if (selected == NULL)
    _gloss_window_toast (self, _("Select some text to tag first"));
  return FALSE;
}

/* Tag every whole-word occurrence of the selected mention's text that no
 * mention covers exactly yet, linked to the same entity, as one step. */
static void
tag_all_occurrences (GlossWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  GlossAnnotation *selected;
  guint added = 0;

  if (gloss_window_get_store (self) == NULL)
    return;

  selected = gloss_annotation_view_get_selected (self->view);
  if (selected == NULL || !GLOSS_IS_MENTION (selected))
    {
      guint s, e;

      /* A bare selection: tag it with the first type, then spread it. */
      if (gloss_annotation_view_get_text_selection (self->view, &s, &e) && s < e)
        {
          GListModel *labels = gloss_schema_get_labels (gloss_store_get_schema (gloss_window_get_store (self)),
                                                        GLOSS_LABEL_ENTITY);
          g_autoptr(GlossLabel) first = g_list_model_get_item (labels, 0);

          if (first == NULL || !_gloss_window_tag (self, gloss_label_get_id (first)))
            return;
          selected = gloss_annotation_view_get_selected (self->view);
        }
      if (selected == NULL || !GLOSS_IS_MENTION (selected))
        {
          _gloss_window_toast (self, _("Select a mention first"));
          return;
        }
    }

  if (gloss_annotation_get_start (selected) >= gloss_annotation_get_end (selected))
    return;
  if (!gloss_edit_tag_all (gloss_window_get_store (self), GLOSS_MENTION (selected), &added, &error))
    {
      _gloss_window_show_error (self, _("Could Not Tag All Occurrences"), error);
      return;
    }

  text = gloss_edit_short_text (gloss_store_get_document (gloss_window_get_store (self)),
                                gloss_annotation_get_start (selected),
                                gloss_annotation_get_end (selected));
  if (added == 0)
    message = g_strdup_printf (_("No untagged occurrences of “%s”"), text);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Tagged %u more occurrence of “%s”",
                                            "Tagged %u more occurrences of “%s”", added),
                               added, text);
  _gloss_window_toast (self, message);
}

static void
delete_selected (GlossWindow *self)
{
  g_autoptr(GError) error = NULL;
  GlossAnnotation *selected;

  if (gloss_window_get_store (self) == NULL)
    return;
  selected = gloss_annotation_view_get_selected (self->view);
  if (selected == NULL)
    {
      _gloss_window_toast (self, _("Select an annotation to delete first"));
      return;
    }

  /* Nothing is selected after a delete: a second press of Delete (a
   * key held a moment too long) removes nothing more. */
  if (!gloss_edit_delete (gloss_window_get_store (self), selected, &error))
    _gloss_window_show_error (self, _("Could Not Delete"), error);
  else
    gloss_annotation_view_set_selected (self->view, NULL);
}

static void
undo_redo (GlossWindow *self,
           gboolean     redo)
{
  g_autofree char *message = NULL;
  const char *label;
  AdwToast *toast;

  if (gloss_window_get_store (self) == NULL)
    return;

  label = redo ? gloss_store_get_redo_label (gloss_window_get_store (self)) : gloss_store_get_undo_label (gloss_window_get_store (self));
  if (label != NULL)
    /* Translators: %s is an edit such as Tag “Kim” as Person */
    message = g_strdup_printf (redo ? _("Redone: %s") : _("Undone: %s"), label);
  else
    message = g_strdup (redo ? _("Redone") : _("Undone"));

  if (!(redo ? gloss_store_redo (gloss_window_get_store (self)) : gloss_store_undo (gloss_window_get_store (self))))
    return;

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 3);
  if (!redo)
    {
      adw_toast_set_button_label (toast, _("_Redo"));
      adw_toast_set_action_name (toast, "win.redo");
    }
  _gloss_window_show_toast (self, toast);

  _gloss_window_update_title (self);
  gloss_window_update_actions (self);
}

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
          target = gloss_window_new (GLOSS_APPLICATION (app));
          gtk_window_present (GTK_WINDOW (target));
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
    {
      g_autofree char *name = g_file_get_basename (gloss_window_get_file (self));
      g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);

      _gloss_window_show_error (self, heading, error);
    }
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
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  undo_redo (GLOSS_WINDOW (widget), FALSE);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  undo_redo (GLOSS_WINDOW (widget), TRUE);
}

static void
link_chosen_cb (GlossWindow *self,
                GlossEntity *entity)
{
  /* The inspector shows the selected mention: its link is one step. */
  gloss_inspector_link_entity (self->inspector, entity);
}

/* Ctrl+L: link the selected mention to an entity chosen from a list. */
static void
link_entity_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossAnnotation *selected;
  GlossLinkDialog *dialog;

  if (gloss_window_get_store (self) == NULL)
    return;
  selected = gloss_annotation_view_get_selected (self->view);
  if (selected == NULL || !GLOSS_IS_MENTION (selected))
    {
      _gloss_window_toast (self, _("Select a mention to link first"));
      return;
    }
  dialog = gloss_link_dialog_new (GTK_WINDOW (self), gloss_window_get_store (self), GLOSS_MENTION (selected));
  g_signal_connect_object (dialog, "chosen", G_CALLBACK (link_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
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

static void
tag_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  _gloss_window_tag (GLOSS_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
tag_key_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossLabel *label;

  if (gloss_window_get_store (self) == NULL)
    return;
  label = gloss_schema_lookup_key (gloss_store_get_schema (gloss_window_get_store (self)), GLOSS_LABEL_ENTITY,
                                   g_variant_get_string (param, NULL));
  if (label != NULL)
    _gloss_window_tag (self, gloss_label_get_id (label));
  else
    gtk_widget_error_bell (widget);
}

static void
tag_all_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  tag_all_occurrences (GLOSS_WINDOW (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  delete_selected (GLOSS_WINDOW (widget));
}

static void
select_next_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (gloss_window_get_store (self) != NULL)
    gloss_annotation_view_select_next (self->view, g_str_equal (action_name, "win.select-previous"));
}

static void
clear_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (gloss_window_get_store (self) == NULL || _gloss_window_cancel_pick (self))
    return;
  gloss_annotation_view_clear_selection (self->view);
  gloss_annotation_view_set_selected (self->view, NULL);
  gloss_annotation_view_set_highlighted_entity (self->view, NULL);
  gloss_entity_list_unselect (self->entity_list);
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
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.link-entity", NULL, link_entity_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.tag", "s", tag_action);
  gtk_widget_class_install_action (widget_class, "win.tag-key", "s", tag_key_action);
  gtk_widget_class_install_action (widget_class, "win.tag-all", NULL, tag_all_action);
  gtk_widget_class_install_action (widget_class, "win.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "win.select-next", NULL, select_next_action);
  gtk_widget_class_install_action (widget_class, "win.select-previous", NULL, select_next_action);
  gtk_widget_class_install_action (widget_class, "win.clear-selection", NULL, clear_selection_action);
  _gloss_window_class_add_claim_actions (widget_class);
}
