/* gloss-inspector.c: edits the selected mention and its entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit is one undoable command of gloss-edits.c, with a name the
 * undo toast can show; a failure comes back as a message.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-attribute-rows.h"
#include "gloss-claim-editor.h"
#include "gloss-edits.h"
#include "gloss-entity-factory.h"
#include "gloss-inspector.h"
#include "gloss-label-tooltip.h"
#include "gloss-relation-editor.h"

struct _GlossInspector
{
  GtkWidget        parent_instance;

  GtkWidget       *scroller;
  GtkWidget       *mention_box;
  GlossClaimEditor *claim_editor;
  GlossRelationEditor *relation_editor;
  GtkLabel        *chip;
  GtkLabel        *title;
  AdwComboRow     *type_row;
  AdwActionRow    *entity_row;
  GtkDropDown     *entity_dropdown;
  AdwEntryRow     *note_row;
  GtkListBox      *attr_list;
  GtkWidget       *entity_heading;
  GtkListBox      *entity_list;
  AdwEntryRow     *name_row;
  AdwEntryRow     *kb_row;
  GtkDropDown     *merge_dropdown;

  GlossStore      *store;
  GlossAnnotation *annotation;
  GtkCssProvider  *chip_provider;
  /* The dropdowns' entities: the store's, of one type, filtered in place
   * (a new model per selection rebuilt both popups at every tag). */
  GtkFilterListModel *same_type;
  GtkFilterListModel *others;       /* the same but the linked entity */
  /* In a project, the entity dropdown goes on with the registry's
   * entities of the type that the document does not have yet. */
  GlossRegistry      *registry;
  GtkFilterListModel *project_same_type;
  GListStore         *entity_choices;  /* GListModels: same_type, project_same_type */
  guint               refilter_id;
  guint               copy_id;
  char            *filter_type;
  GlossEntity     *filter_except;   /* not owned: only compared */
  /* Inside their items-changed: a dropdown moves its selection itself
   * then (to a neighbour, or to the first item), which nobody chose. */
  guint            lists_changing;
  gboolean         updating;
  /* Inside an attribute row's own signal: rebuild the rows from an idle. */
  guint            in_row;
  guint            rebuild_id;
  /* Inside a dropdown's own selection (its popup's row activation): the
   * dropdowns' models must not be replaced under it, so the whole
   * inspector is refreshed from an idle. */
  guint            in_dropdown;
  guint            refresh_id;
};

G_DEFINE_FINAL_TYPE (GlossInspector, gloss_inspector, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ANNOTATION,
  N_PROPS
};

enum {
  MESSAGE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void gloss_inspector_refresh (GlossInspector *self);

static void
report (GlossInspector *self,
        const char     *what,
        const GError   *error)
{
  g_autofree char *message = g_strdup_printf ("%s: %s", what, error ? error->message : "");

  g_signal_emit (self, signals[MESSAGE], 0, message);
}

static GlossMention *
get_mention (GlossInspector *self)
{
  if (self->annotation != NULL && GLOSS_IS_MENTION (self->annotation))
    return GLOSS_MENTION (self->annotation);
  return NULL;
}

static GlossEntity *
get_entity (GlossInspector *self)
{
  GlossMention *mention = get_mention (self);

  return mention ? gloss_mention_get_entity (mention) : NULL;
}

static char *
label_name (GlossLabel *label)
{
  return g_strdup (label ? gloss_label_shown_name (label) : "");
}

static char *
entity_name (GlossEntity *entity)
{
  return g_strdup (entity ? gloss_entity_get_name (entity) : "");
}

/* Edits */

/* Reports a failed edit; TRUE if @ok. @error is read after @ok is
 * computed: a caller passes the edit's result and the address it filled,
 * never the GError itself, which C may read before the edit runs. */
static gboolean
check (GlossInspector *self,
       gboolean        ok,
       const char     *what,
       GError *const  *error)
{
  if (!ok)
    report (self, what, *error);
  return ok;
}

gboolean
gloss_inspector_set_note (GlossInspector *self,
                          const char     *note)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GLOSS_IS_INSPECTOR (self), FALSE);

  if (self->annotation == NULL || self->store == NULL)
    return FALSE;
  if (note != NULL && *note == '\0')
    note = NULL;
  if (g_strcmp0 (note, gloss_annotation_get_note (self->annotation)) == 0)
    return TRUE;
  return check (self, gloss_edit_set_note (self->store, self->annotation, note, &error),
                _("Edit Note"), &error);
}

gboolean
gloss_inspector_link_entity (GlossInspector *self,
                             GlossEntity    *entity)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  GlossMention *mention;

  g_return_val_if_fail (GLOSS_IS_INSPECTOR (self), FALSE);
  g_return_val_if_fail (entity == NULL || GLOSS_IS_ENTITY (entity), FALSE);

  mention = get_mention (self);
  if (mention == NULL || self->store == NULL)
    return FALSE;
  /* A project's entity the document does not have yet comes with it. */
  if (entity != NULL && gloss_store_lookup (self->store, gloss_annotation_get_id (GLOSS_ANNOTATION (entity))) !=
                        (gpointer) entity)
    {
      if (gloss_edit_link_new_entity (self->store, mention, entity, &error))
        return TRUE;
    }
  else if (gloss_edit_link_entity (self->store, mention, entity, &error))
    return TRUE;
  label = g_strdup_printf (_("Link to “%s”"), entity ? gloss_entity_get_name (entity) : "");
  return check (self, FALSE, label, &error);
}

gboolean
gloss_inspector_rename_entity (GlossInspector *self,
                               const char     *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  GlossEntity *entity;

  g_return_val_if_fail (GLOSS_IS_INSPECTOR (self), FALSE);

  entity = get_entity (self);
  if (entity == NULL || name == NULL || *name == '\0')
    return FALSE;
  if (g_strcmp0 (name, gloss_entity_get_name (entity)) == 0)
    return TRUE;
  label = g_strdup_printf (_("Rename “%s” to “%s”"), gloss_entity_get_name (entity), name);
  return check (self, gloss_edit_rename_entity (self->store, entity, name, &error), label, &error);
}

gboolean
gloss_inspector_set_kb (GlossInspector *self,
                        const char     *kb)
{
  g_autoptr(GError) error = NULL;
  GlossEntity *entity;

  g_return_val_if_fail (GLOSS_IS_INSPECTOR (self), FALSE);

  entity = get_entity (self);
  if (entity == NULL)
    return FALSE;
  if (kb != NULL && *kb == '\0')
    kb = NULL;
  if (g_strcmp0 (kb, gloss_entity_get_kb (entity)) == 0)
    return TRUE;
  return check (self, gloss_edit_set_kb (self->store, entity, kb, &error),
                _("Set Knowledge Base ID"), &error);
}

gboolean
gloss_inspector_merge_entity (GlossInspector *self,
                              GlossEntity    *other)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  GlossEntity *entity;

  g_return_val_if_fail (GLOSS_IS_INSPECTOR (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ENTITY (other), FALSE);

  entity = get_entity (self);
  if (entity == NULL || entity == other)
    return FALSE;

  label = g_strdup_printf (_("Merge “%s” into “%s”"), gloss_entity_get_name (other),
                           gloss_entity_get_name (entity));
  if (!gloss_edit_merge_entities (self->store, entity, other, &error))
    return check (self, FALSE, label, &error);
  g_signal_emit (self, signals[MESSAGE], 0, label);
  return TRUE;
}

gboolean
gloss_inspector_set_attribute (GlossInspector *self,
                               const char     *attr_id,
                               JsonNode       *value)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (GLOSS_IS_INSPECTOR (self), FALSE);
  g_return_val_if_fail (attr_id != NULL, FALSE);

  if (self->annotation == NULL || self->store == NULL)
    return FALSE;
  if (gloss_edit_set_attribute (self->store, self->annotation, attr_id, value, &error))
    return TRUE;
  label = g_strdup_printf (_("Set “%s”"), attr_id);
  return check (self, FALSE, label, &error);
}

/* Field callbacks */

static void
type_selected_cb (GlossInspector *self)
{
  GlossLabel *label;

  if (self->updating || self->annotation == NULL)
    return;
  label = adw_combo_row_get_selected_item (self->type_row);
  if (label != NULL)
    {
      self->in_dropdown++;
      gtk_widget_activate_action (GTK_WIDGET (self), "doc.tag", "s", gloss_label_get_id (label));
      self->in_dropdown--;
    }
}

static void
entity_selected_cb (GlossInspector *self)
{
  GlossEntity *entity;

  if (self->updating || self->lists_changing > 0)
    return;
  entity = gtk_drop_down_get_selected_item (self->entity_dropdown);
  if (entity != NULL && entity != get_entity (self))
    {
      self->in_dropdown++;
      gloss_inspector_link_entity (self, entity);
      self->in_dropdown--;
    }
}

static void
merge_selected_cb (GlossInspector *self)
{
  GlossEntity *other;

  if (self->updating || self->lists_changing > 0)
    return;
  other = gtk_drop_down_get_selected_item (self->merge_dropdown);
  if (other != NULL)
    {
      g_object_ref (other);
      self->in_dropdown++;
      gloss_inspector_merge_entity (self, other);
      self->in_dropdown--;
      g_object_unref (other);
    }
}

static void
note_apply_cb (GlossInspector *self)
{
  gloss_inspector_set_note (self, gtk_editable_get_text (GTK_EDITABLE (self->note_row)));
}

static void
name_apply_cb (GlossInspector *self)
{
  gloss_inspector_rename_entity (self, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
}

/* A value the edit refused stays in the row, marked, until it is
 * changed or another annotation is shown; the toast says why. */
static void
mark_refused (AdwEntryRow *row,
              gboolean     refused)
{
  if (refused)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
kb_apply_cb (GlossInspector *self)
{
  mark_refused (self->kb_row, !gloss_inspector_set_kb (self, gtk_editable_get_text (GTK_EDITABLE (self->kb_row))));
}

static void
kb_changed_cb (GlossInspector *self)
{
  mark_refused (self->kb_row, FALSE);
}

/* The attribute rows call back from inside their own signals (a combo
 * row's notify::selected, a switch's notify::active, an entry row's
 * ::apply); the store's ::edited that follows must not destroy them
 * mid-emission, so while in_row the rows are rebuilt from an idle. */
static void
set_attribute_cb (gpointer    user_data,
                  const char *attr_id,
                  JsonNode   *value)
{
  GlossInspector *self = user_data;

  if (self->updating || self->annotation == NULL)
    return;
  self->in_row++;
  gloss_inspector_set_attribute (self, attr_id, value);
  self->in_row--;
}

/* Showing */

static gboolean
is_of_filter_type (gpointer item,
                   gpointer user_data)
{
  GlossInspector *self = user_data;

  return g_strcmp0 (gloss_annotation_get_type_id (item), self->filter_type) == 0;
}

static gboolean
is_other_of_filter_type (gpointer item,
                         gpointer user_data)
{
  GlossInspector *self = user_data;

  return item != (gpointer) self->filter_except && is_of_filter_type (item, user_data);
}

/* A registry entity of the type the document has no entity of that id. */
static gboolean
is_project_choice (gpointer item,
                   gpointer user_data)
{
  GlossInspector *self = user_data;

  return is_of_filter_type (item, user_data) && self->store != NULL &&
         gloss_store_lookup (self->store, gloss_annotation_get_id (item)) == NULL;
}

static gboolean
refilter_project_idle (gpointer data)
{
  GlossInspector *self = data;

  self->refilter_id = 0;
  gtk_filter_changed (gtk_filter_list_model_get_filter (self->project_same_type), GTK_FILTER_CHANGE_DIFFERENT);
  return G_SOURCE_REMOVE;
}

/* From an idle: the store's entities change inside a dropdown's own
 * selection, and the dropdown's list must not change twice in one
 * emission. */
static void
refilter_project (GlossInspector *self)
{
  if (self->registry != NULL && self->refilter_id == 0)
    self->refilter_id = g_idle_add (refilter_project_idle, self);
}

/* The registry's entities as entities a document could hold, made once
 * (a list whose items changed identity under the dropdown made GTK warn of
 * duplicates), again when the registry changes. */
static void
copy_registry (GlossInspector *self)
{
  GListModel *entities = gloss_registry_get_entities (self->registry);
  g_autoptr(GListStore) copies = g_list_store_new (GLOSS_TYPE_ENTITY);

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(GlossRegistryEntity) entity = g_list_model_get_item (entities, i);
      g_autoptr(GlossEntity) copy = gloss_registry_make_entity (self->registry, entity);

      g_list_store_append (copies, copy);
    }
  gtk_filter_list_model_set_model (self->project_same_type, G_LIST_MODEL (copies));
}

static gboolean
copy_registry_idle (gpointer data)
{
  GlossInspector *self = data;

  self->copy_id = 0;
  if (self->registry != NULL)
    copy_registry (self);
  return G_SOURCE_REMOVE;
}

static void
registry_changed (GlossInspector *self)
{
  if (self->copy_id == 0)
    self->copy_id = g_idle_add (copy_registry_idle, self);
}

static void
lists_changing_cb (GlossInspector *self)
{
  self->lists_changing++;
}

static void
lists_changed_cb (GlossInspector *self)
{
  self->lists_changing--;
}

/* The dropdowns list the entities of @type_id (the merge one without
 * @except): filtered again only when those change. */
static void
filter_entities (GlossInspector *self,
                 const char     *type_id,
                 GlossEntity    *except)
{
  if (g_strcmp0 (type_id, self->filter_type) != 0)
    {
      g_free (self->filter_type);
      self->filter_type = g_strdup (type_id);
      self->filter_except = except;
      gtk_filter_changed (gtk_filter_list_model_get_filter (self->same_type), GTK_FILTER_CHANGE_DIFFERENT);
      gtk_filter_changed (gtk_filter_list_model_get_filter (self->others), GTK_FILTER_CHANGE_DIFFERENT);
      gtk_filter_changed (gtk_filter_list_model_get_filter (self->project_same_type), GTK_FILTER_CHANGE_DIFFERENT);
    }
  else if (except != self->filter_except)
    {
      self->filter_except = except;
      gtk_filter_changed (gtk_filter_list_model_get_filter (self->others), GTK_FILTER_CHANGE_DIFFERENT);
    }
}

static void
rebuild_attributes (GlossInspector *self)
{
  guint shown;

  shown = gloss_attribute_rows_fill (self->attr_list, self->store,
                                     get_mention (self) ? self->annotation : NULL,
                                     set_attribute_cb, self);
  gtk_widget_set_visible (GTK_WIDGET (self->attr_list), shown > 0);
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  GlossInspector *self = data;
  gboolean updating = self->updating;

  self->rebuild_id = 0;
  self->updating = TRUE;
  rebuild_attributes (self);
  self->updating = updating;
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild_attributes (GlossInspector *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle_cb, self);
}

static guint
position_of (GListModel *model,
             gpointer    item)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) it = g_list_model_get_item (model, i);

      if ((gpointer) it == item)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
set_chip (GlossInspector *self,
          GlossLabel     *label)
{
  gtk_label_set_text (self->chip, label ? gloss_label_shown_name (label) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->chip), label != NULL);
  gloss_type_chip_tint (self->chip_provider, label);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  GlossInspector *self = data;

  self->refresh_id = 0;
  gloss_inspector_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
gloss_inspector_refresh (GlossInspector *self)
{
  GlossSchema *schema;
  GlossLabel *type;
  GlossEntity *entity;
  GListModel *labels;
  g_autofree char *text = NULL;
  guint pos;

  if (self->in_dropdown > 0)
    {
      if (self->refresh_id == 0)
        self->refresh_id = g_idle_add (refresh_idle_cb, self);
      return;
    }
  g_clear_handle_id (&self->refresh_id, g_source_remove);

  gtk_widget_set_visible (GTK_WIDGET (self), self->annotation != NULL && self->store != NULL);
  /* Claims and relations have editors of their own. */
  gloss_annotation_editor_set_annotation (GLOSS_ANNOTATION_EDITOR (self->claim_editor),
                                          self->annotation && GLOSS_IS_CLAIM (self->annotation) ? self->annotation : NULL);
  gloss_annotation_editor_set_annotation (GLOSS_ANNOTATION_EDITOR (self->relation_editor),
                                          self->annotation && GLOSS_IS_RELATION (self->annotation) ? self->annotation : NULL);
  gtk_widget_set_visible (self->mention_box, get_mention (self) != NULL);
  if (get_mention (self) == NULL || self->store == NULL)
    return;

  self->updating = TRUE;

  schema = gloss_store_get_schema (self->store);
  labels = gloss_schema_get_labels (schema, GLOSS_LABEL_ENTITY);
  type = gloss_schema_lookup (schema, GLOSS_LABEL_ENTITY, gloss_annotation_get_type_id (self->annotation));
  entity = get_entity (self);

  set_chip (self, type);
  text = gloss_document_dup_slice (gloss_store_get_document (self->store),
                                   gloss_annotation_get_start (self->annotation),
                                   gloss_annotation_get_end (self->annotation));
  gtk_label_set_text (self->title, text);

  if (adw_combo_row_get_model (self->type_row) != labels)
    adw_combo_row_set_model (self->type_row, labels);
  pos = type ? position_of (labels, type) : GTK_INVALID_LIST_POSITION;
  adw_combo_row_set_selected (self->type_row, pos);

  /* The linked entity is of the mention's type. */
  filter_entities (self, gloss_annotation_get_type_id (self->annotation), entity);
  gtk_drop_down_set_selected (self->entity_dropdown,
                              entity ? position_of (G_LIST_MODEL (self->same_type), entity)
                                     : GTK_INVALID_LIST_POSITION);

  gtk_editable_set_text (GTK_EDITABLE (self->note_row),
                         gloss_annotation_get_note (self->annotation) ?: "");

  gtk_widget_set_visible (self->entity_heading, entity != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->entity_list), entity != NULL);
  if (entity != NULL)
    {
      g_autofree char *subtitle = NULL;

      gtk_editable_set_text (GTK_EDITABLE (self->name_row), gloss_entity_get_name (entity) ?: "");
      gtk_editable_set_text (GTK_EDITABLE (self->kb_row), gloss_entity_get_kb (entity) ?: "");
      mark_refused (self->kb_row, FALSE);
      gtk_drop_down_set_selected (self->merge_dropdown, GTK_INVALID_LIST_POSITION);
      gtk_widget_set_sensitive (GTK_WIDGET (self->merge_dropdown),
                                g_list_model_get_n_items (G_LIST_MODEL (self->others)) > 0);
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u mention", "%u mentions",
                                               gloss_entity_get_n_mentions (entity)),
                                  gloss_entity_get_n_mentions (entity));
      adw_action_row_set_subtitle (self->entity_row, subtitle);
    }
  else
    adw_action_row_set_subtitle (self->entity_row, _("Not linked"));

  if (self->in_row > 0)
    queue_rebuild_attributes (self);
  else
    {
      g_clear_handle_id (&self->rebuild_id, g_source_remove);
      rebuild_attributes (self);
    }

  self->updating = FALSE;
}

static void
store_changed_cb (GlossInspector *self)
{
  /* The selected annotation may have left the store (undo, delete). */
  if (self->annotation != NULL && gloss_annotation_get_store (self->annotation) != self->store)
    {
      gloss_inspector_set_annotation (self, NULL);
      return;
    }
  gloss_inspector_refresh (self);
}

GlossStore *
gloss_inspector_get_store (GlossInspector *self)
{
  g_return_val_if_fail (GLOSS_IS_INSPECTOR (self), NULL);

  return self->store;
}

void
gloss_inspector_set_store (GlossInspector *self,
                           GlossStore     *store)
{
  g_return_if_fail (GLOSS_IS_INSPECTOR (self));
  g_return_if_fail (store == NULL || GLOSS_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->store, self);
      g_signal_handlers_disconnect_by_data (gloss_store_get_list (self->store, GLOSS_KIND_ENTITY), self);
    }
  gloss_inspector_set_annotation (self, NULL);
  g_set_object (&self->store, store);
  /* A project's entity the document takes leaves the project's part. */
  if (store != NULL)
    g_signal_connect_swapped (gloss_store_get_list (store, GLOSS_KIND_ENTITY), "items-changed",
                              G_CALLBACK (refilter_project), self);
  refilter_project (self);
  gtk_filter_list_model_set_model (self->same_type, store ? gloss_store_get_list (store, GLOSS_KIND_ENTITY) : NULL);
  gtk_filter_list_model_set_model (self->others, store ? gloss_store_get_list (store, GLOSS_KIND_ENTITY) : NULL);
  gloss_annotation_editor_set_store (GLOSS_ANNOTATION_EDITOR (self->claim_editor), store);
  gloss_annotation_editor_set_store (GLOSS_ANNOTATION_EDITOR (self->relation_editor), store);
  if (store != NULL)
    g_signal_connect_swapped (store, "edited", G_CALLBACK (store_changed_cb), self);

  gloss_inspector_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

GlossAnnotation *
gloss_inspector_get_annotation (GlossInspector *self)
{
  g_return_val_if_fail (GLOSS_IS_INSPECTOR (self), NULL);

  return self->annotation;
}

void
gloss_inspector_set_annotation (GlossInspector  *self,
                                GlossAnnotation *annotation)
{
  g_return_if_fail (GLOSS_IS_INSPECTOR (self));
  g_return_if_fail (annotation == NULL || GLOSS_IS_ANNOTATION (annotation));

  /* Mentions here; claims and relations in their editors. */
  if (annotation != NULL && GLOSS_IS_ENTITY (annotation))
    annotation = NULL;

  if (g_set_object (&self->annotation, annotation))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATION]);
  gloss_inspector_refresh (self);
}

static void
gloss_inspector_dispose (GObject *object)
{
  GlossInspector *self = GLOSS_INSPECTOR (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->refilter_id, g_source_remove);
  g_clear_handle_id (&self->copy_id, g_source_remove);
  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->store, self);
      g_signal_handlers_disconnect_by_data (gloss_store_get_list (self->store, GLOSS_KIND_ENTITY), self);
    }
  if (self->chip_provider != NULL)
    {
      gtk_style_context_remove_provider (gtk_widget_get_style_context (GTK_WIDGET (self->chip)),
                                         GTK_STYLE_PROVIDER (self->chip_provider));
      g_clear_object (&self->chip_provider);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_INSPECTOR);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->annotation);
  g_clear_object (&self->store);
  g_clear_object (&self->same_type);
  g_clear_object (&self->others);
  g_clear_object (&self->project_same_type);
  g_clear_object (&self->entity_choices);
  g_clear_object (&self->registry);
  g_clear_pointer (&self->filter_type, g_free);

  G_OBJECT_CLASS (gloss_inspector_parent_class)->dispose (object);
}

static void
gloss_inspector_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GlossInspector *self = GLOSS_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ANNOTATION:
      g_value_set_object (value, self->annotation);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_inspector_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GlossInspector *self = GLOSS_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      gloss_inspector_set_store (self, g_value_get_object (value));
      break;

    case PROP_ANNOTATION:
      gloss_inspector_set_annotation (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_inspector_class_init (GlossInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_inspector_dispose;
  object_class->get_property = gloss_inspector_get_property;
  object_class->set_property = gloss_inspector_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GLOSS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ANNOTATION] =
    g_param_spec_object ("annotation", NULL, NULL, GLOSS_TYPE_ANNOTATION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (GLOSS_TYPE_CLAIM_EDITOR);
  g_type_ensure (GLOSS_TYPE_RELATION_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossapp/Gloss/gloss-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, scroller);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, mention_box);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, claim_editor);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, relation_editor);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, chip);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, title);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, type_row);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, entity_row);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, entity_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, note_row);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, attr_list);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, entity_heading);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, entity_list);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, name_row);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, kb_row);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, merge_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, type_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, entity_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, merge_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, kb_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, kb_changed_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "inspector");
}

static void
forward_message (GlossInspector *self,
                 const char     *message)
{
  g_signal_emit (self, signals[MESSAGE], 0, message);
}

static void
gloss_inspector_init (GlossInspector *self)
{
  GtkExpression *expression;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The mention's whole text, which the title may cut. */
  gloss_label_tooltip_attach (GTK_WIDGET (self->title), self->title);

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (label_name), NULL, NULL);
  adw_combo_row_set_expression (self->type_row, expression);
  gtk_expression_unref (expression);

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (entity_name), NULL, NULL);
  gtk_drop_down_set_expression (self->entity_dropdown, expression);
  gtk_drop_down_set_expression (self->merge_dropdown, expression);
  gtk_expression_unref (expression);
  /* Long names cut in the buttons, whole in the lists: the rows' titles
   * keep their words whole. */
  for (GtkDropDown **dropdown = (GtkDropDown *[]) { self->entity_dropdown, self->merge_dropdown, NULL };
       *dropdown != NULL; dropdown++)
    {
      g_autoptr(GtkListItemFactory) button = gloss_entity_factory_new (TRUE);
      g_autoptr(GtkListItemFactory) list = gloss_entity_factory_new (FALSE);

      gtk_drop_down_set_factory (*dropdown, button);
      gtk_drop_down_set_list_factory (*dropdown, list);
    }

  self->same_type = gtk_filter_list_model_new (NULL, GTK_FILTER (gtk_custom_filter_new (is_of_filter_type, self, NULL)));
  self->others = gtk_filter_list_model_new (NULL, GTK_FILTER (gtk_custom_filter_new (is_other_of_filter_type, self, NULL)));
  /* Before the dropdowns' own handlers, and after them. */
  g_signal_connect_swapped (self->same_type, "items-changed", G_CALLBACK (lists_changing_cb), self);
  g_signal_connect_swapped (self->others, "items-changed", G_CALLBACK (lists_changing_cb), self);
  g_signal_connect_data (self->same_type, "items-changed", G_CALLBACK (lists_changed_cb), self,
                         NULL, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_data (self->others, "items-changed", G_CALLBACK (lists_changed_cb), self,
                         NULL, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  self->project_same_type = gtk_filter_list_model_new (NULL, GTK_FILTER (gtk_custom_filter_new (is_project_choice,
                                                                                                 self, NULL)));
  g_signal_connect_swapped (self->project_same_type, "items-changed", G_CALLBACK (lists_changing_cb), self);
  g_signal_connect_data (self->project_same_type, "items-changed", G_CALLBACK (lists_changed_cb), self,
                         NULL, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  /* The document's entities first, so that their positions are the same
   * in same_type and in the dropdown. */
  self->entity_choices = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (self->entity_choices, self->same_type);
  g_list_store_append (self->entity_choices, self->project_same_type);
  self->updating = TRUE;
  gtk_drop_down_set_model (self->entity_dropdown,
                           G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_object_ref (self->entity_choices)))));
  gtk_drop_down_set_model (self->merge_dropdown, G_LIST_MODEL (self->others));
  gtk_drop_down_set_selected (self->merge_dropdown, GTK_INVALID_LIST_POSITION);
  self->updating = FALSE;

  self->chip_provider = gtk_css_provider_new ();
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self->chip)),
                                  GTK_STYLE_PROVIDER (self->chip_provider),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_signal_connect_object (self->claim_editor, "message", G_CALLBACK (forward_message), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->relation_editor, "message", G_CALLBACK (forward_message), self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
gloss_inspector_new (void)
{
  return g_object_new (GLOSS_TYPE_INSPECTOR, NULL);
}

/**
 * gloss_inspector_set_registry:
 * @registry: (nullable): the project's entity registry
 *
 * The entity dropdown then also offers (and searches) the project's
 * entities of the mention's type that the document does not have yet;
 * choosing one adds it to the document and links the mention to it.
 */
void
gloss_inspector_set_registry (GlossInspector *self,
                              GlossRegistry  *registry)
{
  g_return_if_fail (GLOSS_IS_INSPECTOR (self));
  g_return_if_fail (registry == NULL || GLOSS_IS_REGISTRY (registry));

  if (self->registry == registry)
    return;
  if (self->registry != NULL)
    g_signal_handlers_disconnect_by_data (gloss_registry_get_entities (self->registry), self);
  g_set_object (&self->registry, registry);
  self->updating = TRUE;
  if (registry == NULL)
    gtk_filter_list_model_set_model (self->project_same_type, NULL);
  else
    {
      g_signal_connect_object (gloss_registry_get_entities (registry), "items-changed",
                               G_CALLBACK (registry_changed), self, G_CONNECT_SWAPPED);
      copy_registry (self);
    }
  self->updating = FALSE;
  gloss_inspector_refresh (self);
}
