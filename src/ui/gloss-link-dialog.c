/* gloss-link-dialog.c: choose the entity a mention links to (Ctrl+L)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The entities of the mention's type, by name: typing filters them, the
 * arrows move through what is left, Enter (or a click) chooses, Escape
 * cancels. The dialog only chooses; the window links, as one undoable
 * step.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-link-dialog.h"

struct _GlossLinkDialog
{
  AdwWindow        parent_instance;

  AdwWindowTitle  *window_title;
  GtkSearchEntry  *search_entry;
  GtkStack        *stack;
  GtkListBox      *list_box;

  char            *query;     /* casefolded, NULL for none */
};

G_DEFINE_FINAL_TYPE (GlossLinkDialog, gloss_link_dialog, ADW_TYPE_WINDOW)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define ENTITY_KEY "gloss-entity"

static GlossEntity *
row_entity (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), ENTITY_KEY);
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  GlossLinkDialog *self = user_data;
  g_autofree char *name = NULL;

  if (self->query == NULL)
    return TRUE;
  name = g_utf8_casefold (gloss_entity_get_name (row_entity (row)), -1);
  return strstr (name, self->query) != NULL;
}

static GtkListBoxRow *
first_shown (GlossLinkDialog *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_child_visible (row))
      return GTK_LIST_BOX_ROW (row);
  return NULL;
}

static void
select_row (GlossLinkDialog *self,
            GtkListBoxRow   *row)
{
  gtk_list_box_select_row (self->list_box, row);
  gtk_stack_set_visible_child_name (self->stack, first_shown (self) ? "list" : "empty");
}

static void
search_changed_cb (GlossLinkDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->query, g_free);
  if (*text != '\0')
    self->query = g_utf8_casefold (text, -1);
  /* Filters at once: the rows' child-visible says which are shown. */
  gtk_list_box_invalidate_filter (self->list_box);
  select_row (self, first_shown (self));
}

static void
choose (GlossLinkDialog *self,
        GtkListBoxRow   *row)
{
  g_autoptr(GlossEntity) entity = NULL;

  if (row == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self->search_entry));
      return;
    }
  entity = g_object_ref (row_entity (row));
  g_signal_emit (self, signals[CHOSEN], 0, entity);
  gtk_window_close (GTK_WINDOW (self));
}

static void
search_activate_cb (GlossLinkDialog *self)
{
  choose (self, gtk_list_box_get_selected_row (self->list_box));
}

static void
row_activated_cb (GlossLinkDialog *self,
                  GtkListBoxRow   *row)
{
  choose (self, row);
}

static void
stop_search_cb (GlossLinkDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/* Up and Down move through the rows shown while the focus stays in the
 * search entry, so typing and choosing go together. */
static gboolean
entry_key_cb (GtkEventControllerKey *controller,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              GlossLinkDialog       *self)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->list_box);
  GtkWidget *row;
  gboolean down;

  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    down = TRUE;
  else if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    down = FALSE;
  else
    return FALSE;

  if (selected == NULL)
    {
      select_row (self, first_shown (self));
      return TRUE;
    }
  row = GTK_WIDGET (selected);
  do
    row = down ? gtk_widget_get_next_sibling (row) : gtk_widget_get_prev_sibling (row);
  while (row != NULL && !(GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_child_visible (row)));
  if (row != NULL)
    select_row (self, GTK_LIST_BOX_ROW (row));
  else
    gtk_widget_error_bell (GTK_WIDGET (self->search_entry));
  return TRUE;
}

static void
fill (GlossLinkDialog *self,
      GlossStore      *store,
      GlossMention    *mention)
{
  GListModel *all = gloss_store_get_list (store, GLOSS_KIND_ENTITY);
  const char *type_id = gloss_annotation_get_type_id (GLOSS_ANNOTATION (mention));
  GlossEntity *current = gloss_mention_get_entity (mention);
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (all);

  for (guint i = 0; i < n; i++)
    {
      GlossEntity *entity = g_list_model_get_item (all, i);

      if (entity != current &&
          g_strcmp0 (gloss_annotation_get_type_id (GLOSS_ANNOTATION (entity)), type_id) == 0)
        g_ptr_array_add (entities, entity);
      else
        g_object_unref (entity);
    }
  g_ptr_array_sort (entities, gloss_entity_compare_names);

  for (guint i = 0; i < entities->len; i++)
    {
      GlossEntity *entity = g_ptr_array_index (entities, i);
      guint mentions = gloss_entity_get_n_mentions (entity);
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u mention", "%u mentions",
                                                                mentions), mentions);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gloss_entity_get_name (entity));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), ENTITY_KEY, g_object_ref (entity), g_object_unref);
      gtk_list_box_append (self->list_box, row);
    }
  select_row (self, first_shown (self));
}

static void
gloss_link_dialog_finalize (GObject *object)
{
  GlossLinkDialog *self = GLOSS_LINK_DIALOG (object);

  g_free (self->query);

  G_OBJECT_CLASS (gloss_link_dialog_parent_class)->finalize (object);
}

static void
gloss_link_dialog_class_init (GlossLinkDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = gloss_link_dialog_finalize;

  /**
   * GlossLinkDialog::chosen:
   * @entity: the entity chosen
   *
   * An entity was chosen; the dialog closes next.
   */
  signals[CHOSEN] =
    g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, GLOSS_TYPE_ENTITY);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossapp/Gloss/gloss-link-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossLinkDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, GlossLinkDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossLinkDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossLinkDialog, list_box);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gloss_link_dialog_init (GlossLinkDialog *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_filter_func (self->list_box, filter_row, self, NULL);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (entry_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
}

GlossLinkDialog *
gloss_link_dialog_new (GtkWindow    *parent,
                       GlossStore   *store,
                       GlossMention *mention)
{
  GlossLinkDialog *self;
  g_autofree char *text = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);
  g_return_val_if_fail (GLOSS_IS_MENTION (mention), NULL);

  self = g_object_new (GLOSS_TYPE_LINK_DIALOG, "transient-for", parent, NULL);
  text = gloss_document_dup_slice (gloss_store_get_document (store),
                                   gloss_annotation_get_start (GLOSS_ANNOTATION (mention)),
                                   gloss_annotation_get_end (GLOSS_ANNOTATION (mention)));
  /* Translators: the subtitle of the Link to Entity dialog: the mention */
  subtitle = g_strdup_printf (_("“%s”"), text);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  fill (self, store, mention);
  return self;
}
