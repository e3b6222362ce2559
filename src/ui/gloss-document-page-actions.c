/* gloss-document-page-actions.c: the doc.* actions, the edits of the
 * document shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page keeps them in a GSimpleActionGroup that its window inserts as
 * "doc", so that the header bar, the menus, the toasts and the keys of
 * the window (gloss-window-actions.c) reach them as well as the page's
 * own palette, inspector and editors. Each change to the store goes
 * through an edit command of the core (gloss-edits.h).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-document-page-private.h"
#include "gloss-edits.h"
#include "gloss-error-dialog.h"
#include "gloss-link-dialog.h"

/* @message, with the way back. */
static void
show_with_undo (GlossDocumentPage *self,
                const char        *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 5);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "doc.undo");
  _gloss_document_page_show_toast (self, toast);
}

/* A retype with no text selected changes a mention the analyst may not be
 * looking at (a drag that missed): say so, with the way back. */
static void
show_retyped (GlossDocumentPage *self,
              const char        *text,
              GlossLabel        *type)
{
  g_autofree char *message = NULL;

  /* Translators: “U.S.” is now Location */
  message = g_strdup_printf (_("“%s” is now %s"), text, gloss_label_shown_name (type));
  show_with_undo (self, message);
}

/* Tag the text selection with @type_id, or retype the selected mention. */
static gboolean
tag_or_retype (GlossDocumentPage *self,
               const char        *type_id)
{
  g_autoptr(GError) error = NULL;
  GlossAnnotation *selected;
  GlossMention *mention;
  GlossLabel *type;
  gboolean has_selection;
  guint start, end;

  if (self->store == NULL)
    return FALSE;

  type = gloss_schema_lookup (gloss_store_get_schema (self->store), GLOSS_LABEL_ENTITY, type_id);
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
      mention = gloss_edit_tag (self->store, type_id, start, end, &error);
      if (mention == NULL)
        {
          gloss_error_dialog_show (GTK_WIDGET (self), _("Could Not Tag the Selection"), error);
          return FALSE;
        }
      gloss_annotation_view_select_in_place (self->view, GLOSS_ANNOTATION (mention));
      return TRUE;
    }

  if (selected != NULL && GLOSS_IS_MENTION (selected) &&
      g_strcmp0 (gloss_annotation_get_type_id (selected), type_id) != 0)
    {
      if (!gloss_edit_retype (self->store, GLOSS_MENTION (selected), type_id, &error))
        {
          gloss_error_dialog_show (GTK_WIDGET (self), _("Could Not Change the Type"), error);
          return FALSE;
        }
      {
        g_autofree char *text = gloss_edit_short_text (gloss_store_get_document (self->store),
                                                       gloss_annotation_get_start (selected),
                                                       gloss_annotation_get_end (selected));

        show_retyped (self, text, type);
      }
      return TRUE;
    }

  if (selected == NULL)
    _gloss_document_page_toast (self, _("Select some text to tag first"));
  return FALSE;
}

/* Tag every whole-word occurrence of the selected mention's text that no
 * mention covers exactly yet, linked to the same entity, as one step. */
static void
tag_all_occurrences (GlossDocumentPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  GlossAnnotation *selected;
  guint added = 0;

  if (self->store == NULL)
    return;

  selected = gloss_annotation_view_get_selected (self->view);
  if (selected == NULL || !GLOSS_IS_MENTION (selected))
    {
      guint s, e;

      /* A bare selection: tag it with the first type, then spread it. */
      if (gloss_annotation_view_get_text_selection (self->view, &s, &e) && s < e)
        {
          GListModel *labels = gloss_schema_get_labels (gloss_store_get_schema (self->store),
                                                        GLOSS_LABEL_ENTITY);
          g_autoptr(GlossLabel) first = g_list_model_get_item (labels, 0);

          if (first == NULL || !tag_or_retype (self, gloss_label_get_id (first)))
            return;
          selected = gloss_annotation_view_get_selected (self->view);
        }
      if (selected == NULL || !GLOSS_IS_MENTION (selected))
        {
          _gloss_document_page_toast (self, _("Select a mention first"));
          return;
        }
    }

  if (gloss_annotation_get_start (selected) >= gloss_annotation_get_end (selected))
    return;
  if (!gloss_edit_tag_all (self->store, GLOSS_MENTION (selected), &added, &error))
    {
      gloss_error_dialog_show (GTK_WIDGET (self), _("Could Not Tag All Occurrences"), error);
      return;
    }

  text = gloss_edit_short_text (gloss_store_get_document (self->store),
                                gloss_annotation_get_start (selected),
                                gloss_annotation_get_end (selected));
  if (added == 0)
    message = g_strdup_printf (_("No untagged occurrences of “%s”"), text);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Tagged %u more occurrence of “%s”",
                                            "Tagged %u more occurrences of “%s”", added),
                               added, text);
  _gloss_document_page_toast (self, message);
}

static void
delete_selected (GlossDocumentPage *self)
{
  g_autoptr(GError) error = NULL;
  GlossAnnotation *selected;

  if (self->store == NULL)
    return;
  selected = gloss_annotation_view_get_selected (self->view);
  if (selected == NULL)
    {
      _gloss_document_page_toast (self, _("Select an annotation to delete first"));
      return;
    }

  /* Nothing is selected after a delete: a second press of Delete (a
   * key held a moment too long) removes nothing more. */
  if (!gloss_edit_delete (self->store, selected, &error))
    gloss_error_dialog_show (GTK_WIDGET (self), _("Could Not Delete"), error);
  else
    gloss_annotation_view_set_selected (self->view, NULL);
}

static void
undo_redo (GlossDocumentPage *self,
           gboolean           redo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *label;
  AdwToast *toast;

  if (self->store == NULL)
    return;

  label = redo ? gloss_store_get_redo_label (self->store) : gloss_store_get_undo_label (self->store);
  if (label != NULL)
    /* Translators: %s is an edit such as Tag “Kim” as Person */
    message = g_strdup_printf (redo ? _("Redone: %s") : _("Undone: %s"), label);
  else
    message = g_strdup (redo ? _("Redone") : _("Undone"));

  /* A step outside the document (a project's rejection of a suggestion)
   * writes a file, which can fail. */
  if (!(redo ? gloss_store_redo_full (self->store, &error) : gloss_store_undo_full (self->store, &error)))
    {
      if (error != NULL)
        gloss_error_dialog_show (GTK_WIDGET (self), redo ? _("Could Not Redo") : _("Could Not Undo"), error);
      return;
    }

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 3);
  if (!redo)
    {
      adw_toast_set_button_label (toast, _("_Redo"));
      adw_toast_set_action_name (toast, "doc.redo");
    }
  _gloss_document_page_show_toast (self, toast);
}

static void
undo_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  undo_redo (user_data, FALSE);
}

static void
redo_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  undo_redo (user_data, TRUE);
}

static void
link_chosen_cb (GlossDocumentPage *self,
                GlossEntity       *entity)
{
  /* The inspector shows the selected mention: its link is one step. */
  gloss_inspector_link_entity (self->inspector, entity);
}

/* Ctrl+L: link the selected mention to an entity chosen from a list. */
static void
link_entity_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  GlossDocumentPage *self = user_data;
  GlossAnnotation *selected;
  GlossLinkDialog *dialog;

  if (self->store == NULL)
    return;
  selected = gloss_annotation_view_get_selected (self->view);
  if (selected == NULL || !GLOSS_IS_MENTION (selected))
    {
      _gloss_document_page_toast (self, _("Select a mention to link first"));
      return;
    }
  dialog = gloss_link_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->store,
                                  GLOSS_MENTION (selected));
  g_signal_connect_object (dialog, "chosen", G_CALLBACK (link_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
tag_action (GSimpleAction *action,
            GVariant      *param,
            gpointer       user_data)
{
  tag_or_retype (user_data, g_variant_get_string (param, NULL));
}

static void
tag_key_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  GlossDocumentPage *self = user_data;
  GlossLabel *label;

  if (self->store == NULL)
    return;
  label = gloss_schema_lookup_key (gloss_store_get_schema (self->store), GLOSS_LABEL_ENTITY,
                                   g_variant_get_string (param, NULL));
  if (label != NULL)
    tag_or_retype (self, gloss_label_get_id (label));
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
}

/* An imported document's mentions without an entity, linked as a new
 * mention would be, in one step the toast can undo. */
static void
link_unlinked_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  GlossDocumentPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint linked = 0, created = 0;

  if (self->store == NULL)
    return;
  if (!gloss_edit_link_unlinked (self->store, &linked, &created, &error))
    {
      gloss_error_dialog_show (GTK_WIDGET (self), _("Could Not Link the Mentions"), error);
      return;
    }
  if (linked == 0)
    {
      _gloss_document_page_toast (self, _("Every mention has an entity"));
      return;
    }
  /* Translators: a toast after linking an imported document's mentions */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Linked %u mention to an entity",
                                          "Linked %u mentions to entities", linked),
                             linked);
  show_with_undo (self, message);
}

static void
tag_all_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  tag_all_occurrences (user_data);
}

static void
delete_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  delete_selected (user_data);
}

static void
select_next_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  GlossDocumentPage *self = user_data;

  if (self->store != NULL)
    gloss_annotation_view_select_next (self->view,
                                       g_str_equal (g_action_get_name (G_ACTION (action)), "select-previous"));
}

static void
clear_selection_action (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  GlossDocumentPage *self = user_data;

  if (self->store == NULL || _gloss_document_page_cancel_pick (self))
    return;
  gloss_annotation_view_clear_selection (self->view);
  gloss_annotation_view_set_selected (self->view, NULL);
  gloss_annotation_view_set_highlighted_entity (self->view, NULL);
  gloss_entity_list_unselect (self->entity_list);
}

static void
focus_pane_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  _gloss_document_page_focus_pane (user_data, g_str_equal (g_action_get_name (G_ACTION (action)), "next-pane"));
}

void
_gloss_document_page_update_actions (GlossDocumentPage *self)
{
  g_auto(GStrv) names = g_action_group_list_actions (G_ACTION_GROUP (self->actions));
  gboolean has_store = self->store != NULL;

  /* Enabled with a document even when they cannot act: they say why. */
  for (guint i = 0; names[i] != NULL; i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), names[i]);
      gboolean enabled = has_store;

      if (g_str_equal (names[i], "undo"))
        enabled = has_store && gloss_store_can_undo (self->store);
      else if (g_str_equal (names[i], "redo"))
        enabled = has_store && gloss_store_can_redo (self->store);
      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
    }
}

void
_gloss_document_page_add_actions (GlossDocumentPage *self)
{
  static const GActionEntry entries[] = {
    { "undo", undo_action },
    { "redo", redo_action },
    { "link-entity", link_entity_action },
    { "tag", tag_action, "s" },
    { "tag-key", tag_key_action, "s" },
    { "tag-all", tag_all_action },
    { "link-unlinked", link_unlinked_action },
    { "delete", delete_action },
    { "select-next", select_next_action },
    { "select-previous", select_next_action },
    { "clear-selection", clear_selection_action },
    { "next-pane", focus_pane_action },
    { "previous-pane", focus_pane_action },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
}
