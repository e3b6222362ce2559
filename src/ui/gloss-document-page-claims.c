/* gloss-document-page-claims.c: claims, relations and fragments on the
 * document page: their doc.* actions, the pick modes and the sidebar's
 * claim and relation pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two actions wait for a click on a mention: Shift+K (the claimant of the
 * selected claim) and R (the other end of a relation from the selected
 * mention; R again lists the entities it can reach). The click arrives as
 * a change of the view's selection, which _gloss_document_page_claims_selected()
 * sees first. Escape cancels either.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-edits.h"
#include "gloss-error.h"
#include "gloss-pick-anchor.h"
#include "gloss-document-page-private.h"

static GlossAnnotation *
get_selected (GlossDocumentPage *self)
{
  return self->store ? gloss_annotation_view_get_selected (self->view) : NULL;
}

static GlossEntity *
mention_entity (GlossAnnotation *annotation)
{
  if (annotation != NULL && GLOSS_IS_MENTION (annotation))
    return gloss_mention_get_entity (GLOSS_MENTION (annotation));
  return NULL;
}

static gboolean
get_text_selection (GlossDocumentPage *self,
                    guint             *start,
                    guint             *end)
{
  return gloss_annotation_view_get_text_selection (self->view, start, end) && *start < *end;
}

static void
fail (GlossDocumentPage *self,
      const GError      *error)
{
  _gloss_document_page_toast (self, error ? error->message : _("That did not work"));
}

static void
close_popover (GlossDocumentPage *self)
{
  if (self->pick_popover != NULL)
    gloss_pick_anchor_popdown (GLOSS_PICK_ANCHOR (self->pick_popover));
}

/* The toast that says what a pick mode waits for goes when it ends. */
static void
dismiss_pick_toast (GlossDocumentPage *self)
{
  if (self->pick_toast == NULL)
    return;
  if (self->toasts != NULL)
    gloss_toast_queue_dismiss (self->toasts, self->pick_toast);
  g_clear_weak_pointer (&self->pick_toast);
}

static void
show_pick_toast (GlossDocumentPage *self,
                 const char        *message)
{
  dismiss_pick_toast (self);
  g_set_weak_pointer (&self->pick_toast, _gloss_document_page_toast (self, message));
}

/* A pick toast with a button, there until the pick ends. */
static void
show_pick_toast_with_button (GlossDocumentPage *self,
                             const char        *message,
                             const char        *button_label,
                             const char        *action)
{
  AdwToast *toast = adw_toast_new (message);

  dismiss_pick_toast (self);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, button_label);
  adw_toast_set_action_name (toast, action);
  g_set_weak_pointer (&self->pick_toast, toast);
  _gloss_document_page_show_toast (self, toast);
}

static void
set_pick_mode (GlossDocumentPage *self,
               GlossPickMode      mode)
{
  /* Whatever the new mode, the old pick is over. */
  dismiss_pick_toast (self);
  self->pick_mode = mode;
  if (mode != GLOSS_PICK_CLAIMANT)
    g_clear_object (&self->pick_claim);
  if (mode != GLOSS_PICK_RELATION_TARGET)
    {
      g_clear_object (&self->relation_from);
      g_clear_object (&self->relation_to);
    }
  if (mode == GLOSS_PICK_NONE)
    gtk_widget_remove_css_class (GTK_WIDGET (self->view), "picking");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->view), "picking");
}

gboolean
_gloss_document_page_cancel_pick (GlossDocumentPage *self)
{
  if (self->pick_mode == GLOSS_PICK_NONE)
    return FALSE;
  close_popover (self);
  set_pick_mode (self, GLOSS_PICK_NONE);
  _gloss_document_page_toast (self, _("Cancelled"));
  return TRUE;
}

/* The keyboard goes back to the article when the menu closes (Escape, a
 * choice, a click elsewhere), so the next key (Escape again, R…) acts. */
static void
popover_closed_cb (GlossDocumentPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (self->store != NULL &&
      (focus == NULL || focus == self->pick_popover || gtk_widget_is_ancestor (focus, self->pick_popover)))
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

/* A popover menu pointing at an offset of the article. */
static void
show_menu_at (GlossDocumentPage *self,
              GMenuModel        *menu,
              guint              offset)
{
  GtkEventController *escape;

  close_popover (self);
  /* Not shown, no popover: the click on a mention works without it. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self->view)))
    return;

  if (self->pick_popover == NULL)
    {
      GlossPickAnchor *anchor = gloss_pick_anchor_new (self->article_overlay, GTK_TEXT_VIEW (self->view),
                                                       self->scroller);

      self->pick_popover = GTK_WIDGET (anchor);
      g_signal_connect_object (gloss_pick_anchor_get_popover (anchor), "closed",
                               G_CALLBACK (popover_closed_cb), self, G_CONNECT_SWAPPED);
      /* Escape in the menu cancels the pick, not only the menu (the
       * popover would take the key for itself). */
      escape = gtk_shortcut_controller_new ();
      gtk_event_controller_set_propagation_phase (escape, GTK_PHASE_CAPTURE);
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (escape),
                                            gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                              gtk_named_action_new ("doc.clear-selection")));
      gtk_widget_add_controller (GTK_WIDGET (gloss_pick_anchor_get_popover (anchor)), escape);
    }
  /* Modal on purpose: it shows only when the next step is a choice in
   * it, and on X11 a popover that is not modal gets no button events (its
   * items could not be clicked; docs/decisions.md, issue 7). */
  gtk_popover_set_autohide (gloss_pick_anchor_get_popover (GLOSS_PICK_ANCHOR (self->pick_popover)), TRUE);
  gloss_pick_anchor_popup (GLOSS_PICK_ANCHOR (self->pick_popover), menu, offset);
}

/* Claims */

static void
select_new (GlossDocumentPage *self,
            GlossAnnotation   *annotation)
{
  gloss_annotation_view_clear_selection (self->view);
  gloss_annotation_view_set_selected (self->view, annotation);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
new_claim_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  GlossDocumentPage *self = user_data;
  g_autoptr(GError) error = NULL;
  GlossClaim *claim;
  guint start, end;

  if (self->store == NULL)
    return;
  if (!get_text_selection (self, &start, &end))
    {
      _gloss_document_page_toast (self, _("Select the words of the claim first"));
      return;
    }
  claim = gloss_edit_new_claim (self->store, NULL, start, end, &error);
  if (claim == NULL)
    {
      fail (self, error);
      return;
    }
  select_new (self, GLOSS_ANNOTATION (claim));
}

static void
add_fragment_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  GlossDocumentPage *self = user_data;
  g_autoptr(GError) error = NULL;
  GlossAnnotation *selected = get_selected (self);
  guint start, end;

  if (selected == NULL || !(GLOSS_IS_MENTION (selected) || GLOSS_IS_CLAIM (selected)))
    {
      _gloss_document_page_toast (self, _("Select the mention or claim to extend first"));
      return;
    }
  if (!get_text_selection (self, &start, &end))
    {
      _gloss_document_page_toast (self, _("Select the words of the new fragment first"));
      return;
    }
  g_object_ref (selected);
  if (!gloss_edit_add_fragment (self->store, selected, start, end, &error))
    fail (self, error);
  else
    select_new (self, selected);
  g_object_unref (selected);
}

static void
remove_fragment_action (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  GlossDocumentPage *self = user_data;
  g_autoptr(GError) error = NULL;
  GlossAnnotation *selected = get_selected (self);
  GtkTextBuffer *buffer;
  GtkTextIter cursor;
  guint start, end, index, n;

  if (selected == NULL || !(GLOSS_IS_MENTION (selected) || GLOSS_IS_CLAIM (selected)))
    {
      _gloss_document_page_toast (self, _("Select the mention or claim to shorten first"));
      return;
    }
  gloss_annotation_get_spans (selected, GLOSS_ROLE_CONTENT, &n);
  if (n < 2)
    {
      _gloss_document_page_toast (self, _("Only one fragment: nothing to remove"));
      return;
    }
  /* The fragment the selection or the caret is in; else the last one. */
  if (!get_text_selection (self, &start, &end))
    {
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
      gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
      start = end = gtk_text_iter_get_offset (&cursor);
    }
  index = gloss_edit_find_fragment (selected, start, end);
  if (index == G_MAXUINT)
    index = n - 1;
  if (!gloss_edit_remove_fragment (self->store, selected, index, &error))
    fail (self, error);
}

static void
set_text_spans (GlossDocumentPage *self,
                GlossSpanRole      role)
{
  g_autoptr(GError) error = NULL;
  GlossAnnotation *selected = get_selected (self);
  GlossSpan span;

  if (selected == NULL || (role == GLOSS_ROLE_CUE ? !GLOSS_IS_CLAIM (selected) : !GLOSS_IS_RELATION (selected)))
    {
      _gloss_document_page_toast (self, role == GLOSS_ROLE_CUE ? _("Select a claim first")
                                                        : _("Select a relation first"));
      return;
    }
  if (!get_text_selection (self, &span.start, &span.end))
    {
      _gloss_document_page_toast (self, role == GLOSS_ROLE_CUE ? _("Select the cue words first, such as “said”")
                                                        : _("Select the text that shows the relation first"));
      return;
    }
  if (!gloss_edit_set_spans (self->store, selected, role, &span, 1, &error))
    fail (self, error);
  else
    gloss_annotation_view_clear_selection (self->view);
}

static void
set_cue_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  set_text_spans (user_data, GLOSS_ROLE_CUE);
}

static void
set_evidence_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  set_text_spans (user_data, GLOSS_ROLE_EVIDENCE);
}

static void
pick_claimant_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  GlossDocumentPage *self = user_data;
  GlossAnnotation *selected = get_selected (self);

  if (selected == NULL || !GLOSS_IS_CLAIM (selected))
    {
      _gloss_document_page_toast (self, _("Select a claim first"));
      return;
    }
  close_popover (self);
  set_pick_mode (self, GLOSS_PICK_CLAIMANT);
  self->pick_claim = g_object_ref (GLOSS_CLAIM (selected));
  show_pick_toast (self, _("Click a mention of the claimant — Escape cancels"));
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

/* Relations */

static guint
anchor_of (GlossDocumentPage *self,
           GlossEntity       *entity)
{
  GlossAnnotation *selected = get_selected (self);
  g_autoptr(GPtrArray) mentions = NULL;

  if (selected != NULL && mention_entity (selected) == entity)
    return gloss_annotation_get_start (selected);
  mentions = gloss_store_get_mentions_of (self->store, entity);
  return mentions != NULL && mentions->len > 0 ? gloss_annotation_get_start (g_ptr_array_index (mentions, 0)) : 0;
}

/* The entities a relation from @from can reach, by type, in a menu. */
static GMenuModel *
target_menu (GlossDocumentPage *self,
             GlossEntity       *from)
{
  GlossSchema *schema = gloss_store_get_schema (self->store);
  GListModel *types = gloss_schema_get_labels (schema, GLOSS_LABEL_ENTITY);
  GListModel *all = gloss_store_get_list (self->store, GLOSS_KIND_ENTITY);
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(GlossEntity) entity = g_list_model_get_item (all, i);
      g_autoptr(GPtrArray) fitting = NULL;

      if (entity == from)
        continue;
      fitting = gloss_edit_fitting_relation_types (schema, from, entity);
      if (fitting->len > 0)
        g_ptr_array_add (entities, g_object_ref (entity));
    }
  g_ptr_array_sort (entities, gloss_entity_compare_names);

  for (guint t = 0; t < g_list_model_get_n_items (types); t++)
    {
      g_autoptr(GlossLabel) type = g_list_model_get_item (types, t);
      g_autoptr(GMenu) section = g_menu_new ();

      for (guint i = 0; i < entities->len; i++)
        {
          GlossAnnotation *entity = g_ptr_array_index (entities, i);
          g_autoptr(GMenuItem) item = NULL;
          g_auto(GStrv) parts = NULL;
          g_autofree char *label = NULL;

          if (g_strcmp0 (gloss_annotation_get_type_id (entity), gloss_label_get_id (type)) != 0)
            continue;
          parts = g_strsplit (gloss_entity_get_name (GLOSS_ENTITY (entity)), "_", -1);
          label = g_strjoinv ("__", parts);
          item = g_menu_item_new (label, NULL);
          g_menu_item_set_action_and_target (item, "doc.relation-target", "s", gloss_annotation_get_id (entity));
          g_menu_append_item (section, item);
        }
      if (g_menu_model_get_n_items (G_MENU_MODEL (section)) > 0)
        g_menu_append_section (menu, gloss_label_shown_name (type), G_MENU_MODEL (section));
    }
  return G_MENU_MODEL (menu);
}

/* The entities the relation being made can reach, in a menu under the
 * line of its first end: only when asked for (R again, or the toast's
 * button), since any popover over the text hides some of the mentions a
 * click could pick, and on X11 a popover that lets clicks through to the
 * text gets none itself. */
static void
show_target_list (GlossDocumentPage *self)
{
  GlossAnnotation *selected = get_selected (self);
  g_autoptr(GMenuModel) menu = NULL;
  guint anchor;

  if (self->store == NULL || self->pick_mode != GLOSS_PICK_RELATION_TARGET || self->relation_from == NULL)
    return;
  menu = target_menu (self, self->relation_from);
  if (g_menu_model_get_n_items (menu) == 0)
    {
      _gloss_document_page_toast (self, _("No relation type goes from this entity to another one"));
      return;
    }
  if (selected != NULL && mention_entity (selected) == self->relation_from)
    anchor = gloss_annotation_get_end (selected);
  else
    anchor = anchor_of (self, self->relation_from);
  show_menu_at (self, menu, anchor);
}

static void
new_relation_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  GlossDocumentPage *self = user_data;
  GlossAnnotation *selected = get_selected (self);
  GlossEntity *from = mention_entity (selected);
  g_autofree char *message = NULL;

  /* R again while picking: the list. */
  if (self->pick_mode == GLOSS_PICK_RELATION_TARGET && self->relation_from != NULL &&
      (from == NULL || from == self->relation_from))
    {
      show_target_list (self);
      return;
    }
  if (from == NULL)
    {
      _gloss_document_page_toast (self, _("Select a mention of the relation’s first entity, then press R"));
      return;
    }
  close_popover (self);
  set_pick_mode (self, GLOSS_PICK_RELATION_TARGET);
  self->relation_from = g_object_ref (from);
  /* Nothing covers the text: the next click on a mention picks it. */
  /* Translators: %s is an entity: Relation from Vladimir Putin: click … */
  message = g_strdup_printf (_("Relation from %s: click a mention of the other end, or press R for a list"),
                             gloss_entity_get_name (from));
  show_pick_toast_with_button (self, message, _("_List"), "doc.relation-list");
}

static void
relation_list_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  show_target_list (user_data);
}

static void
choose_type (GlossDocumentPage *self,
             GlossEntity       *to)
{
  g_autoptr(GPtrArray) fitting = NULL;
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenu) section = NULL;
  g_autofree char *heading = NULL;

  close_popover (self);
  if (to == self->relation_from)
    {
      _gloss_document_page_toast (self, _("Pick a mention of another entity"));
      return;
    }
  fitting = gloss_edit_fitting_relation_types (gloss_store_get_schema (self->store), self->relation_from, to);
  if (fitting->len == 0)
    {
      GlossSchema *schema = gloss_store_get_schema (self->store);
      GlossLabel *a = gloss_schema_lookup (schema, GLOSS_LABEL_ENTITY,
                                           gloss_annotation_get_type_id (GLOSS_ANNOTATION (self->relation_from)));
      GlossLabel *b = gloss_schema_lookup (schema, GLOSS_LABEL_ENTITY,
                                           gloss_annotation_get_type_id (GLOSS_ANNOTATION (to)));
      g_autofree char *message =
        /* Translators: No relation type goes from Person to Date; add one in Preferences */
        g_strdup_printf (_("No relation type goes from %s to %s; add one in Preferences"),
                         a ? gloss_label_shown_name (a) : "?", b ? gloss_label_shown_name (b) : "?");

      _gloss_document_page_toast (self, message);
      return;
    }
  g_set_object (&self->relation_to, to);

  menu = g_menu_new ();
  section = g_menu_new ();
  for (guint i = 0; i < fitting->len; i++)
    {
      GlossLabel *type = g_ptr_array_index (fitting, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gloss_label_shown_name (type), NULL);

      g_menu_item_set_action_and_target (item, "doc.relation-type", "s", gloss_label_get_id (type));
      g_menu_append_item (section, item);
    }
  /* Translators: the heading of the relation type menu: Putin → Kim */
  heading = g_strdup_printf (_("%s → %s"), gloss_entity_get_name (self->relation_from), gloss_entity_get_name (to));
  g_menu_append_section (menu, heading, G_MENU_MODEL (section));
  show_menu_at (self, G_MENU_MODEL (menu), anchor_of (self, to));
}

static void
relation_target_action (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  GlossDocumentPage *self = user_data;
  GlossAnnotation *entity;

  if (self->store == NULL || self->pick_mode != GLOSS_PICK_RELATION_TARGET)
    return;
  entity = gloss_store_lookup (self->store, g_variant_get_string (param, NULL));
  if (entity != NULL && GLOSS_IS_ENTITY (entity))
    choose_type (self, GLOSS_ENTITY (entity));
}

static void
relation_type_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  GlossDocumentPage *self = user_data;
  g_autoptr(GError) error = NULL;
  GlossRelation *relation;
  const char *type_id = g_variant_get_string (param, NULL);

  if (self->store == NULL || self->relation_from == NULL || self->relation_to == NULL)
    return;
  close_popover (self);
  relation = gloss_edit_new_relation (self->store, type_id, self->relation_from, self->relation_to, &error);
  /* The same relation again is not made: the one there is selected,
   * the toast says why. */
  if (relation == NULL && g_error_matches (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS))
    relation = gloss_edit_find_relation (self->store, type_id, self->relation_from, self->relation_to);
  set_pick_mode (self, GLOSS_PICK_NONE);
  if (error != NULL)
    fail (self, error);
  if (relation != NULL)
    select_new (self, GLOSS_ANNOTATION (relation));
}

/* The view's selection changed: a pick mode may take it. */
gboolean
_gloss_document_page_claims_selected (GlossDocumentPage *self,
                                      GlossAnnotation   *selected)
{
  GlossEntity *entity = mention_entity (selected);

  switch (self->pick_mode)
    {
    case GLOSS_PICK_CLAIMANT:
      if (selected == GLOSS_ANNOTATION (self->pick_claim))
        break;
      if (entity != NULL && gloss_annotation_get_store (GLOSS_ANNOTATION (self->pick_claim)) == self->store)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GlossClaim) claim = g_object_ref (self->pick_claim);

          set_pick_mode (self, GLOSS_PICK_NONE);
          if (!gloss_edit_set_claimant (self->store, claim, entity, &error))
            fail (self, error);
          gloss_annotation_view_set_selected (self->view, GLOSS_ANNOTATION (claim));
          return TRUE;
        }
      if (selected != NULL && GLOSS_IS_MENTION (selected))
        {
          _gloss_document_page_toast (self, _("That mention is not linked to an entity"));
          gloss_annotation_view_set_selected (self->view, GLOSS_ANNOTATION (self->pick_claim));
          return TRUE;
        }
      set_pick_mode (self, GLOSS_PICK_NONE);
      break;

    case GLOSS_PICK_RELATION_TARGET:
      if (entity != NULL && entity != self->relation_from)
        choose_type (self, entity);
      else if (selected == NULL)
        {
          close_popover (self);
          set_pick_mode (self, GLOSS_PICK_NONE);
        }
      break;

    case GLOSS_PICK_NONE:
    default:
      break;
    }

  gloss_annotation_list_page_select (self->claim_list,
                                     selected != NULL && GLOSS_IS_CLAIM (selected) ? selected : NULL);
  gloss_annotation_list_page_select (self->relation_list,
                                     selected != NULL && GLOSS_IS_RELATION (selected) ? selected : NULL);
  return FALSE;
}

/* Sidebar */

static void
list_selected_cb (GlossDocumentPage *self,
                  GlossAnnotation   *annotation)
{
  if (self->store == NULL || annotation == NULL)
    return;
  gloss_annotation_view_set_selected (self->view, annotation);
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

void
_gloss_document_page_claims_update (GlossDocumentPage *self)
{
  static const struct { const char *name; GlossAnnotationKind kind; } pages[] = {
    { "entities", GLOSS_KIND_ENTITY },
    { "claims", GLOSS_KIND_CLAIM },
    { "relations", GLOSS_KIND_RELATION },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *child = adw_view_stack_get_child_by_name (self->sidebar_stack, pages[i].name);

      guint n = self->store != NULL ? gloss_store_get_n_items (self->store, pages[i].kind) : 0;

      /* The Entities page counts its rows of mentions without an entity too. */
      if (pages[i].kind == GLOSS_KIND_ENTITY)
        n = gloss_entity_list_get_n_items (self->entity_list);
      if (child != NULL)
        adw_view_stack_page_set_badge_number (adw_view_stack_get_page (self->sidebar_stack, child), n);
    }
}

void
_gloss_document_page_claims_reset (GlossDocumentPage *self)
{
  close_popover (self);
  set_pick_mode (self, GLOSS_PICK_NONE);
  _gloss_document_page_claims_update (self);
}

void
_gloss_document_page_claims_init (GlossDocumentPage *self)
{
  g_signal_connect_object (self->claim_list, "annotation-selected", G_CALLBACK (list_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->relation_list, "annotation-selected", G_CALLBACK (list_selected_cb),
                           self, G_CONNECT_SWAPPED);
}

void
_gloss_document_page_claims_dispose (GlossDocumentPage *self)
{
  /* The anchor is the article overlay's child and goes with it. */
  close_popover (self);
  self->pick_popover = NULL;
  g_clear_weak_pointer (&self->pick_toast);
  g_clear_object (&self->pick_claim);
  g_clear_object (&self->relation_from);
  g_clear_object (&self->relation_to);
}

void
_gloss_document_page_add_claim_actions (GlossDocumentPage *self)
{
  /* Enabled with a document even when they cannot act, so that their
   * keys say why not (a disabled action cannot). */
  static const GActionEntry entries[] = {
    { "new-claim", new_claim_action },
    { "add-fragment", add_fragment_action },
    { "remove-fragment", remove_fragment_action },
    { "set-cue", set_cue_action },
    { "set-evidence", set_evidence_action },
    { "pick-claimant", pick_claimant_action },
    { "new-relation", new_relation_action },
    { "relation-list", relation_list_action },
    { "relation-target", relation_target_action, "s" },
    { "relation-type", relation_type_action, "s" },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
}
