/* gloss-entity-list.c: the sidebar's entities, grouped by type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkListView sections need GTK 4.12, so the list is flattened: for each
 * entity type with entities or mentions without one, a GlossLabel row (the
 * header), its entities sorted by name, then its mentions without an
 * entity, one GlossUnlinkedGroup row per text (docs/decisions.md,
 * "Mentions without an entity in the sidebar").
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-entity-list.h"
#include "gloss-entity-list-row.h"
#include "gloss-unlinked-mentions.h"

struct _GlossEntityList
{
  GtkWidget           parent_instance;

  GtkLabel           *count_label;
  GtkWidget          *link_button;
  GtkSearchEntry     *filter_entry;
  GtkStack           *stack;
  GtkListView        *list_view;

  GlossStore         *store;
  GlossUnlinkedMentions *unlinked;   /* of store, built in steps */
  guint               unlinked_id;
  GListStore         *sections;      /* of GListModel, one per type */
  GtkCustomFilter    *section_filter;
  GtkFilterListModel *visible_sections;
  GtkFlattenListModel *rows;
  GtkSingleSelection *selection;
  GPtrArray          *entity_filters;
  GtkCustomFilter    *group_filter;  /* the needle only: groups come by type */
  GPtrArray          *group_models;  /* GtkFilterListModel per type */
  GtkCustomSorter    *sorter;
  GHashTable         *bound;         /* GtkListItem set */
  char               *needle;
  guint               refresh_id;
  gboolean            rebuild_pending;
  guint               rebuild_id;
  GdkFrameClock      *paint_clock;   /* waited on for the rebuild */
  gulong              paint_id;
  gboolean            loading;
  guint               n_changes;     /* in the store's step under way */
  guint               n_items;       /* entities and groups, once shown */
};

/* A document with more entities fills the list after the frame that
 * shows its annotations, not in the same stall of the main loop. */
#define REBUILD_LATER 500
/* A document with more mentions groups those without an entity a few
 * milliseconds at a time (50,000 groups take a quarter of a second). */
#define UNLINKED_AT_ONCE 2000
#define UNLINKED_STEP_US 4000
/* A step that changes more annotations empties the list and fills it
 * again once done: GTK's list models took Link All's 44,000 new entities
 * one at a time for six seconds. */
#define CHANGES_IN_BULK 1000

G_DEFINE_FINAL_TYPE (GlossEntityList, gloss_entity_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_LOADING,
  PROP_N_ITEMS,
  N_PROPS
};

enum {
  ENTITY_SELECTED,
  GROUP_SELECTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  GlossEntityList *list;
  char            *type_id;
} TypeMatch;

static void
type_match_free (gpointer data)
{
  TypeMatch *match = data;

  g_free (match->type_id);
  g_free (match);
}

static gboolean
match_entity (gpointer item,
              gpointer user_data)
{
  TypeMatch *match = user_data;
  GlossEntityList *self = match->list;
  const char *type_id = match->type_id;
  GlossAnnotation *annotation = item;

  if (g_strcmp0 (gloss_annotation_get_type_id (annotation), type_id) != 0)
    return FALSE;
  if (self->needle != NULL)
    {
      const char *name = gloss_entity_get_name (GLOSS_ENTITY (item));
      g_autofree char *folded = name ? g_utf8_casefold (name, -1) : NULL;

      return folded != NULL && strstr (folded, self->needle) != NULL;
    }
  return TRUE;
}

static gboolean
match_group (gpointer item,
             gpointer user_data)
{
  GlossEntityList *self = user_data;
  g_autofree char *folded = g_utf8_casefold (gloss_unlinked_group_get_text (item), -1);

  return self->needle == NULL || strstr (folded, self->needle) != NULL;
}

static int
compare_entities (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const char *na = gloss_entity_get_name ((GlossEntity *) a);
  const char *nb = gloss_entity_get_name ((GlossEntity *) b);
  int cmp = g_utf8_collate (na ? na : "", nb ? nb : "");

  if (cmp == 0)
    cmp = g_strcmp0 (gloss_annotation_get_id ((GlossAnnotation *) a),
                     gloss_annotation_get_id ((GlossAnnotation *) b));
  return cmp < 0 ? GTK_ORDERING_SMALLER : cmp > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* The parts of a section: its header, its entities, its groups. */
enum {
  PART_HEADER,
  PART_ENTITIES,
  PART_GROUPS,
};

/* A section is visible when its entities or its groups have rows. */
static gboolean
match_section (gpointer item,
               gpointer user_data)
{
  GListModel *parts = g_object_get_data (G_OBJECT (item), "parts");
  g_autoptr(GListModel) entities = g_list_model_get_item (parts, PART_ENTITIES);
  g_autoptr(GListModel) groups = g_list_model_get_item (parts, PART_GROUPS);

  return g_list_model_get_n_items (entities) > 0 || g_list_model_get_n_items (groups) > 0;
}

static void
update_row (GlossEntityList *self,
            GtkListItem     *list_item)
{
  gloss_entity_list_row_update (list_item, self->store != NULL ? gloss_store_get_schema (self->store) : NULL);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          GlossEntityList          *self)
{
  gtk_list_item_set_child (list_item, gloss_entity_list_row_new ());
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         GlossEntityList          *self)
{
  g_hash_table_add (self->bound, list_item);
  update_row (self, list_item);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           GlossEntityList          *self)
{
  g_hash_table_remove (self->bound, list_item);
}

static void
update_count (GlossEntityList *self)
{
  guint n = self->store ? gloss_store_get_n_items (self->store, GLOSS_KIND_ENTITY) : 0;
  guint n_unlinked = self->unlinked ? gloss_unlinked_mentions_get_n_mentions (self->unlinked) : 0;
  g_autofree char *text = NULL;
  guint n_items;

  /* While the annotations load, "0" and "No Entities Yet" would be wrong. */
  gboolean grouping = self->unlinked != NULL && !gloss_unlinked_mentions_is_complete (self->unlinked);
  gboolean loading = self->loading || self->rebuild_pending ||
                     (grouping && g_list_model_get_n_items (G_LIST_MODEL (self->rows)) == 0);

  if (n_unlinked == 0 || grouping)
    text = g_strdup_printf ("%u", n);
  else
    /* Translators: the Entities page's count of entities, then of the
     * mentions that no entity holds: 3 · 4 not linked (keep it short:
     * it shares a line with "Entities" and the Link All button) */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u · %u not linked",
                                         "%u · %u not linked", n_unlinked),
                            n, n_unlinked);
  gtk_label_set_text (self->count_label, loading ? "" : text);
  gtk_widget_set_visible (self->link_button, !loading && !grouping && n_unlinked > 0);
  n_items = loading || self->store == NULL ? 0 :
            n + (grouping ? 0 : gloss_unlinked_mentions_get_n_groups (self->unlinked));
  if (self->n_items != n_items)
    {
      self->n_items = n_items;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->filter_entry), !loading);
  if (loading)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  else
    gtk_stack_set_visible_child_name (self->stack,
                                      g_list_model_get_n_items (G_LIST_MODEL (self->rows)) > 0 ||
                                      self->needle != NULL ? "list" : "empty");
}

static gboolean
refresh_cb (gpointer user_data)
{
  GlossEntityList *self = user_data;
  GHashTableIter iter;
  gpointer key;

  self->refresh_id = 0;
  /* Names may have changed: sort again, and show the new counts. */
  if (self->sorter != NULL)
    gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    update_row (self, key);
  update_count (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (GlossEntityList *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 30, refresh_cb, self, NULL);
}

static void
section_changed_cb (GlossEntityList *self)
{
  gtk_filter_changed (GTK_FILTER (self->section_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void rebuild (GlossEntityList *self);

static gboolean
rebuild_cb (gpointer user_data)
{
  GlossEntityList *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
stop_waiting_for_paint (GlossEntityList *self)
{
  /* A window destroyed meanwhile disposed its clock, and the handler with it. */
  if (self->paint_clock != NULL && self->paint_id != 0 &&
      g_signal_handler_is_connected (self->paint_clock, self->paint_id))
    g_signal_handler_disconnect (self->paint_clock, self->paint_id);
  self->paint_id = 0;
  g_clear_object (&self->paint_clock);
}

static void
cancel_rebuild (GlossEntityList *self)
{
  self->rebuild_pending = FALSE;
  stop_waiting_for_paint (self);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
}

/* Ahead of the text view's layout of the rest of the text: an idle of
 * default priority waited until the whole text was laid out (seconds
 * for a 3 MB document, the list saying "Loading" meanwhile). */
static void
after_paint_cb (GdkFrameClock   *clock,
                GlossEntityList *self)
{
  stop_waiting_for_paint (self);
  self->rebuild_id = g_idle_add_full (GTK_TEXT_VIEW_PRIORITY_VALIDATE - 1, rebuild_cb, self, NULL);
  g_source_set_name_by_id (self->rebuild_id, "[gloss] entity list");
}

/* After the window's next frame, the one that shows the annotations; at
 * once when there is no frame to wait for. An idle alone is not enough:
 * while the frame clock waits for the next frame time, it would run
 * before the frame. */
static void
rebuild_after_frame (GlossEntityList *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GdkFrameClock *clock = root != NULL ? gtk_widget_get_frame_clock (GTK_WIDGET (root)) : NULL;

  cancel_rebuild (self);
  self->rebuild_pending = TRUE;
  if (clock != NULL)
    {
      self->paint_clock = g_object_ref (clock);
      self->paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), self);
      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
    }
  else
    after_paint_cb (NULL, self);
}

/* What the list shows, from now on: callers that read it do not see the
 * list of the store before. */
static void
ensure_built (GlossEntityList *self)
{
  if (self->rebuild_pending)
    rebuild (self);
}

static void
drop_unlinked (GlossEntityList *self)
{
  g_clear_handle_id (&self->unlinked_id, g_source_remove);
  if (self->group_models != NULL)
    g_ptr_array_set_size (self->group_models, 0);
  if (self->unlinked != NULL)
    g_signal_handlers_disconnect_by_data (self->unlinked, self);
  g_clear_object (&self->unlinked);
}

static gboolean
group_step_cb (gpointer user_data)
{
  GlossEntityList *self = user_data;

  if (!gloss_unlinked_mentions_build (self->unlinked, UNLINKED_STEP_US))
    return G_SOURCE_CONTINUE;
  self->unlinked_id = 0;
  return G_SOURCE_REMOVE;
}

/* The groups of the store's mentions without an entity: kept through a
 * change of schema, made anew for a new store. */
static void
ensure_unlinked (GlossEntityList *self)
{
  if (self->unlinked != NULL && gloss_unlinked_mentions_get_store (self->unlinked) == self->store)
    return;
  drop_unlinked (self);
  self->unlinked = gloss_unlinked_mentions_new_deferred (self->store);
  g_signal_connect_swapped (self->unlinked, "notify::n-mentions", G_CALLBACK (queue_refresh), self);
  g_signal_connect_swapped (self->unlinked, "notify::complete", G_CALLBACK (queue_refresh), self);
  if (gloss_store_get_n_items (self->store, GLOSS_KIND_MENTION) <= UNLINKED_AT_ONCE)
    gloss_unlinked_mentions_build (self->unlinked, G_MAXINT64);
  else
    {
      /* Beside the rest of the opening: above the text's layout, below the frames. */
      self->unlinked_id = g_idle_add_full (GTK_TEXT_VIEW_PRIORITY_VALIDATE - 1, group_step_cb, self, NULL);
      g_source_set_name_by_id (self->unlinked_id, "[gloss] mentions without an entity");
    }
}

static void
rebuild (GlossEntityList *self)
{
  g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *labels;
  GListModel *entities;
  guint n;

  cancel_rebuild (self);
  g_ptr_array_set_size (self->entity_filters, 0);
  g_ptr_array_set_size (self->group_models, 0);

  if (self->store == NULL)
    {
      drop_unlinked (self);
      g_list_store_remove_all (self->sections);
      update_count (self);
      return;
    }

  labels = gloss_schema_get_labels (gloss_store_get_schema (self->store), GLOSS_LABEL_ENTITY);
  entities = gloss_store_get_list (self->store, GLOSS_KIND_ENTITY);
  ensure_unlinked (self);
  n = g_list_model_get_n_items (labels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossLabel) label = g_list_model_get_item (labels, i);
      g_autoptr(GListStore) header = g_list_store_new (G_TYPE_OBJECT);
      g_autoptr(GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
      TypeMatch *match = g_new0 (TypeMatch, 1);
      GtkCustomFilter *filter;
      GtkFilterListModel *filtered;
      GtkSortListModel *sorted;
      GtkFilterListModel *groups;
      GtkFlattenListModel *section;

      match->list = self;
      match->type_id = g_strdup (gloss_label_get_id (label));
      filter = gtk_custom_filter_new (match_entity, match, type_match_free);
      g_ptr_array_add (self->entity_filters, g_object_ref (filter));
      filtered = gtk_filter_list_model_new (g_object_ref (entities), GTK_FILTER (filter));
      sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered), g_object_ref (GTK_SORTER (self->sorter)));

      /* No filter but the needle's: a document imported without
       * coreference has tens of thousands of groups. */
      groups = gtk_filter_list_model_new (g_object_ref (gloss_unlinked_mentions_get_groups (self->unlinked,
                                                                                           match->type_id)),
                                          self->needle != NULL ? g_object_ref (GTK_FILTER (self->group_filter)) : NULL);
      g_ptr_array_add (self->group_models, groups);

      g_list_store_append (header, label);
      g_list_store_append (parts, header);
      g_list_store_append (parts, sorted);
      g_list_store_append (parts, groups);
      section = gtk_flatten_list_model_new (G_LIST_MODEL (g_object_ref (parts)));
      /* After the section has counted the change, or the rows go stale. */
      g_signal_connect_object (section, "items-changed", G_CALLBACK (section_changed_cb),
                               self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      g_object_set_data_full (G_OBJECT (section), "parts", g_object_ref (parts), g_object_unref);
      g_object_set_data_full (G_OBJECT (section), "type-id", g_strdup (match->type_id), g_free);
      g_ptr_array_add (sections, section);
      g_object_unref (sorted);
    }
  /* One change for the list, not one per type. */
  g_list_store_splice (self->sections, 0, g_list_model_get_n_items (G_LIST_MODEL (self->sections)),
                       sections->pdata, sections->len);

  gtk_filter_changed (GTK_FILTER (self->section_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
emit_selected (GlossEntityList *self,
               gpointer         item)
{
  if (item != NULL && GLOSS_IS_UNLINKED_GROUP (item))
    g_signal_emit (self, signals[GROUP_SELECTED], 0, item);
  else
    g_signal_emit (self, signals[ENTITY_SELECTED], 0,
                   item != NULL && GLOSS_IS_ENTITY (item) ? item : NULL);
}

static void
selection_changed_cb (GlossEntityList *self)
{
  emit_selected (self, gtk_single_selection_get_selected_item (self->selection));
}

/* Enter on a row, or a double-click: the same signals, which the page
 * takes as "the next mention" when one of the row's is selected. */
static void
activate_cb (GlossEntityList *self,
             guint            position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->rows), position);

  if (item != NULL && !GLOSS_IS_LABEL (item))
    emit_selected (self, item);
}

static void
filter_changed_cb (GlossEntityList *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));

  g_clear_pointer (&self->needle, g_free);
  if (*text != '\0')
    self->needle = g_utf8_casefold (text, -1);
  for (guint i = 0; i < self->entity_filters->len; i++)
    gtk_filter_changed (g_ptr_array_index (self->entity_filters, i), GTK_FILTER_CHANGE_DIFFERENT);
  for (guint i = 0; i < self->group_models->len; i++)
    gtk_filter_list_model_set_filter (g_ptr_array_index (self->group_models, i),
                                      self->needle != NULL ? GTK_FILTER (self->group_filter) : NULL);
  gtk_filter_changed (GTK_FILTER (self->group_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
store_changed_cb (GlossEntityList *self)
{
  queue_refresh (self);
  if (++self->n_changes != CHANGES_IN_BULK || self->rebuild_pending)
    return;
  g_ptr_array_set_size (self->entity_filters, 0);
  g_ptr_array_set_size (self->group_models, 0);
  g_list_store_remove_all (self->sections);
  self->rebuild_pending = TRUE;
}

static void
store_edited_cb (GlossEntityList *self)
{
  gboolean bulk = self->n_changes >= CHANGES_IN_BULK;

  self->n_changes = 0;
  if (bulk && self->rebuild_pending && self->paint_clock == NULL && self->rebuild_id == 0)
    rebuild_after_frame (self);
}

GlossStore *
gloss_entity_list_get_store (GlossEntityList *self)
{
  g_return_val_if_fail (GLOSS_IS_ENTITY_LIST (self), NULL);

  return self->store;
}

void
gloss_entity_list_set_store (GlossEntityList *self,
                             GlossStore      *store)
{
  g_return_if_fail (GLOSS_IS_ENTITY_LIST (self));
  g_return_if_fail (store == NULL || GLOSS_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->store, self);
      g_signal_handlers_disconnect_by_data (gloss_store_get_schema (self->store), self);
      g_signal_handlers_disconnect_by_data (gloss_schema_get_labels (gloss_store_get_schema (self->store),
                                                                     GLOSS_LABEL_ENTITY), self);
    }

  g_set_object (&self->store, store);
  self->n_changes = 0;

  if (store != NULL)
    {
      GlossSchema *schema = gloss_store_get_schema (store);

      g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
      g_signal_connect_swapped (store, "edited", G_CALLBACK (store_edited_cb), self);
      g_signal_connect_swapped (schema, "changed", G_CALLBACK (rebuild), self);
      g_signal_connect_swapped (gloss_schema_get_labels (schema, GLOSS_LABEL_ENTITY), "items-changed",
                                G_CALLBACK (rebuild), self);
    }

  if (store != NULL && (gloss_store_get_n_items (store, GLOSS_KIND_ENTITY) > REBUILD_LATER ||
                        gloss_store_get_n_items (store, GLOSS_KIND_MENTION) > UNLINKED_AT_ONCE))
    {
      g_list_store_remove_all (self->sections);
      drop_unlinked (self);
      rebuild_after_frame (self);
      update_count (self);
    }
  else
    rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

gboolean
gloss_entity_list_get_loading (GlossEntityList *self)
{
  g_return_val_if_fail (GLOSS_IS_ENTITY_LIST (self), FALSE);

  return self->loading;
}

void
gloss_entity_list_set_loading (GlossEntityList *self,
                               gboolean         loading)
{
  g_return_if_fail (GLOSS_IS_ENTITY_LIST (self));

  loading = !!loading;
  if (self->loading == loading)
    return;
  self->loading = loading;
  update_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

void
gloss_entity_list_unselect (GlossEntityList *self)
{
  g_return_if_fail (GLOSS_IS_ENTITY_LIST (self));

  ensure_built (self);
  g_signal_handlers_block_by_func (self->selection, selection_changed_cb, self);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_handlers_unblock_by_func (self->selection, selection_changed_cb, self);
}

/* The row of @item (an entity or a group of @type_id), searched in its
 * type's section only. */
static guint
find_row (GlossEntityList *self,
          const char      *type_id,
          guint            part,
          gpointer         item)
{
  GListModel *sections = G_LIST_MODEL (self->visible_sections);
  guint n = g_list_model_get_n_items (sections);
  guint offset = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GListModel) section = g_list_model_get_item (sections, i);
      GListModel *parts = g_object_get_data (G_OBJECT (section), "parts");

      if (g_strcmp0 (g_object_get_data (G_OBJECT (section), "type-id"), type_id) == 0)
        {
          guint before = 0;
          g_autoptr(GListModel) rows = NULL;
          guint n_rows;

          for (guint p = 0; p < part; p++)
            {
              g_autoptr(GListModel) earlier = g_list_model_get_item (parts, p);

              before += g_list_model_get_n_items (earlier);
            }
          rows = g_list_model_get_item (parts, part);
          n_rows = g_list_model_get_n_items (rows);
          for (guint j = 0; j < n_rows; j++)
            {
              g_autoptr(GObject) row = g_list_model_get_item (rows, j);

              if (row == item)
                return offset + before + j;
            }
          return GTK_INVALID_LIST_POSITION;
        }
      offset += g_list_model_get_n_items (section);
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Selects and shows the row of @item, or no row when it has none (it is
 * filtered out: nothing stale stays selected). */
static gboolean
select_row (GlossEntityList *self,
            const char      *type_id,
            guint            part,
            gpointer         item)
{
  guint position;

  if (gtk_single_selection_get_selected_item (self->selection) == item)
    position = gtk_single_selection_get_selected (self->selection);
  else
    position = find_row (self, type_id, part, item);

  g_signal_handlers_block_by_func (self->selection, selection_changed_cb, self);
  gtk_single_selection_set_selected (self->selection, position);
  g_signal_handlers_unblock_by_func (self->selection, selection_changed_cb, self);

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  /* gtk_list_view_scroll_to () is GTK 4.12; the list's own action is older. */
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  return TRUE;
}

gboolean
gloss_entity_list_select_entity (GlossEntityList *self,
                                 GlossEntity     *entity)
{
  g_return_val_if_fail (GLOSS_IS_ENTITY_LIST (self), FALSE);
  g_return_val_if_fail (entity == NULL || GLOSS_IS_ENTITY (entity), FALSE);

  ensure_built (self);
  if (entity == NULL)
    {
      gloss_entity_list_unselect (self);
      return FALSE;
    }
  return select_row (self, gloss_annotation_get_type_id (GLOSS_ANNOTATION (entity)), PART_ENTITIES, entity);
}

gboolean
gloss_entity_list_select_mention (GlossEntityList *self,
                                  GlossMention    *mention)
{
  GlossUnlinkedGroup *group;

  g_return_val_if_fail (GLOSS_IS_ENTITY_LIST (self), FALSE);
  g_return_val_if_fail (mention == NULL || GLOSS_IS_MENTION (mention), FALSE);

  ensure_built (self);
  if (mention != NULL && gloss_mention_get_entity (mention) != NULL)
    return gloss_entity_list_select_entity (self, gloss_mention_get_entity (mention));
  group = mention != NULL && self->unlinked != NULL ? gloss_unlinked_mentions_lookup (self->unlinked, mention) : NULL;
  if (group == NULL)
    {
      gloss_entity_list_unselect (self);
      return FALSE;
    }
  return select_row (self, gloss_unlinked_group_get_type_id (group), PART_GROUPS, group);
}

GlossEntity *
gloss_entity_list_get_selected (GlossEntityList *self)
{
  gpointer item;

  g_return_val_if_fail (GLOSS_IS_ENTITY_LIST (self), NULL);

  ensure_built (self);
  item = gtk_single_selection_get_selected_item (self->selection);
  return item != NULL && GLOSS_IS_ENTITY (item) ? item : NULL;
}

/**
 * gloss_entity_list_get_selected_group:
 *
 * Returns: (transfer none) (nullable): the selected row of mentions
 *   without an entity
 */
GlossUnlinkedGroup *
gloss_entity_list_get_selected_group (GlossEntityList *self)
{
  gpointer item;

  g_return_val_if_fail (GLOSS_IS_ENTITY_LIST (self), NULL);

  ensure_built (self);
  item = gtk_single_selection_get_selected_item (self->selection);
  return item != NULL && GLOSS_IS_UNLINKED_GROUP (item) ? item : NULL;
}

guint
gloss_entity_list_get_n_items (GlossEntityList *self)
{
  g_return_val_if_fail (GLOSS_IS_ENTITY_LIST (self), 0);

  return self->n_items;
}

GListModel *
gloss_entity_list_get_model (GlossEntityList *self)
{
  g_return_val_if_fail (GLOSS_IS_ENTITY_LIST (self), NULL);

  ensure_built (self);
  return G_LIST_MODEL (self->rows);
}

static void
gloss_entity_list_dispose (GObject *object)
{
  GlossEntityList *self = GLOSS_ENTITY_LIST (object);

  gloss_entity_list_set_store (self, NULL);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  cancel_rebuild (self);
  drop_unlinked (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_ENTITY_LIST);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->selection);
  g_clear_object (&self->sorter);
  g_clear_pointer (&self->entity_filters, g_ptr_array_unref);
  g_clear_pointer (&self->group_models, g_ptr_array_unref);
  g_clear_object (&self->group_filter);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (gloss_entity_list_parent_class)->dispose (object);
}

static void
gloss_entity_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GlossEntityList *self = GLOSS_ENTITY_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_entity_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GlossEntityList *self = GLOSS_ENTITY_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      gloss_entity_list_set_store (self, g_value_get_object (value));
      break;

    case PROP_LOADING:
      gloss_entity_list_set_loading (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_entity_list_class_init (GlossEntityListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_entity_list_dispose;
  object_class->get_property = gloss_entity_list_get_property;
  object_class->set_property = gloss_entity_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GLOSS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The annotations are loading (the store is not in yet): the list says
   * so instead of showing its empty state. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* What the page's badge counts: entities, and rows of mentions without
   * one (each would be one entity); 0 while loading. */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ENTITY_SELECTED] =
    g_signal_new ("entity-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, GLOSS_TYPE_ENTITY);
  /* A row of mentions without an entity was selected or activated. */
  signals[GROUP_SELECTED] =
    g_signal_new ("group-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, GLOSS_TYPE_UNLINKED_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossapp/Gloss/gloss-entity-list.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossEntityList, count_label);
  gtk_widget_class_bind_template_child (widget_class, GlossEntityList, link_button);
  gtk_widget_class_bind_template_child (widget_class, GlossEntityList, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossEntityList, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossEntityList, list_view);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "entitylist");
}

static void
gloss_entity_list_init (GlossEntityList *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->bound = g_hash_table_new (NULL, NULL);
  self->entity_filters = g_ptr_array_new_with_free_func (g_object_unref);
  self->group_models = g_ptr_array_new_with_free_func (g_object_unref);
  self->group_filter = gtk_custom_filter_new (match_group, self, NULL);
  self->sorter = gtk_custom_sorter_new (compare_entities, NULL, NULL);
  self->sections = g_list_store_new (G_TYPE_LIST_MODEL);
  self->section_filter = gtk_custom_filter_new (match_section, NULL, NULL);
  self->visible_sections = gtk_filter_list_model_new (G_LIST_MODEL (self->sections),
                                                      GTK_FILTER (self->section_filter));
  self->rows = gtk_flatten_list_model_new (G_LIST_MODEL (self->visible_sections));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->rows));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  update_count (self);
}

GtkWidget *
gloss_entity_list_new (void)
{
  return g_object_new (GLOSS_TYPE_ENTITY_LIST, NULL);
}
