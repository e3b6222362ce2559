/* gloss-annotation-list-page.c: the sidebar's claims or relations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A filter over the store's claims (already in text order) or relations:
 * by words (a claim's content and claimant, a relation's ends), by a party
 * (a claim's claimant, an entity at either end of a relation) and by type.
 * The kind decides the words, the party and the rows' second line; the
 * rest is one page.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-annotation-list-page.h"
#include "gloss-annotation-row.h"
#include "gloss-edits.h"

G_DEFINE_ENUM_TYPE (GlossListKind, gloss_list_kind,
                    G_DEFINE_ENUM_VALUE (GLOSS_LIST_CLAIMS, "claims"),
                    G_DEFINE_ENUM_VALUE (GLOSS_LIST_RELATIONS, "relations"))

typedef struct
{
  GlossAnnotationKind  kind;
  GlossLabelKind       label_kind;
  const char          *filter;
  const char          *by_party;
  const char          *all_parties;
  const char          *icon;
  const char          *empty_title;
  const char          *empty_description;
  const char          *css_class;
} KindInfo;

static const KindInfo kinds[] = {
  [GLOSS_LIST_CLAIMS] = {
    GLOSS_KIND_CLAIM, GLOSS_LABEL_CLAIM,
    N_("Filter claims"), N_("Filter by Claimant"), N_("All claimants"),
    "chat-message-new-symbolic", N_("No Claims Yet"), N_("Select what someone said and press C"),
    "claim-list",
  },
  [GLOSS_LIST_RELATIONS] = {
    GLOSS_KIND_RELATION, GLOSS_LABEL_RELATION,
    N_("Filter relations"), N_("Filter by Entity"), N_("All entities"),
    "insert-link-symbolic", N_("No Relations Yet"), N_("Select a mention and press R, then click the other end"),
    "relation-list",
  },
};

struct _GlossAnnotationListPage
{
  GtkWidget           parent_instance;

  GtkSearchEntry     *filter_entry;
  GtkDropDown        *party_dropdown;
  GtkDropDown        *type_dropdown;
  GtkStack           *stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;

  GlossListKind       kind;
  GlossStore         *store;
  GtkCustomFilter    *filter;      /* owned */
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GPtrArray          *party_ids;  /* NULL = all, "" = author, else entity id */
  GPtrArray          *type_ids;   /* NULL = all */
  char               *needle;
  gboolean            updating;
  gboolean            filters_stale;  /* one of the list's, or a party, changed */
  gboolean            loading;
};

G_DEFINE_FINAL_TYPE (GlossAnnotationListPage, gloss_annotation_list_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  PROP_STORE,
  PROP_LOADING,
  N_PROPS
};

enum {
  ANNOTATION_SELECTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
selected_id (GtkDropDown *dropdown,
             GPtrArray   *ids)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= ids->len)
    return NULL;
  return g_ptr_array_index (ids, selected);
}

static gboolean
is_entity (GlossEntity *entity,
           const char  *entity_id)
{
  return entity != NULL && g_strcmp0 (gloss_annotation_get_id (GLOSS_ANNOTATION (entity)), entity_id) == 0;
}

static gboolean
has_party (GlossAnnotation *annotation,
           const char      *party_id)
{
  if (GLOSS_IS_CLAIM (annotation))
    {
      GlossEntity *claimant = gloss_claim_get_claimant (GLOSS_CLAIM (annotation));

      return *party_id == '\0' ? claimant == NULL : is_entity (claimant, party_id);
    }
  return is_entity (gloss_relation_get_from (GLOSS_RELATION (annotation)), party_id) ||
         is_entity (gloss_relation_get_to (GLOSS_RELATION (annotation)), party_id);
}

/* What the words filter looks in: a claim's claimant and content, a
 * relation's description (its ends and type). */
static char *
searched_text (GlossAnnotationListPage *self,
               GlossAnnotation         *annotation)
{
  const GlossSpan *spans;
  guint n;
  GString *text;

  if (!GLOSS_IS_CLAIM (annotation))
    return gloss_edit_describe (self->store, annotation);

  text = g_string_new (gloss_edit_claimant_name (GLOSS_CLAIM (annotation)));
  spans = gloss_annotation_get_spans (annotation, GLOSS_ROLE_CONTENT, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *slice = gloss_document_dup_slice (gloss_store_get_document (self->store),
                                                         spans[i].start, spans[i].end);

      g_string_append_c (text, ' ');
      g_string_append (text, slice);
    }
  return g_string_free (text, FALSE);
}

static gboolean
match_annotation (gpointer item,
                  gpointer user_data)
{
  GlossAnnotationListPage *self = user_data;
  GlossAnnotation *annotation = item;
  const char *type_id = selected_id (self->type_dropdown, self->type_ids);
  const char *party_id = selected_id (self->party_dropdown, self->party_ids);

  if (type_id != NULL && g_strcmp0 (type_id, gloss_annotation_get_type_id (annotation)) != 0)
    return FALSE;
  if (party_id != NULL && !has_party (annotation, party_id))
    return FALSE;
  if (self->needle != NULL && self->store != NULL)
    {
      g_autofree char *text = searched_text (self, annotation);
      g_autofree char *folded = g_utf8_casefold (text, -1);

      if (strstr (folded, self->needle) == NULL)
        return FALSE;
    }
  return TRUE;
}

static void
update_stack (GlossAnnotationListPage *self)
{
  gboolean any = self->store != NULL && gloss_store_get_n_items (self->store, kinds[self->kind].kind) > 0;

  /* While the annotations load, "No Claims Yet" would be wrong. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->filter_entry), !self->loading);
  gtk_widget_set_sensitive (GTK_WIDGET (self->party_dropdown), !self->loading);
  gtk_widget_set_sensitive (GTK_WIDGET (self->type_dropdown), !self->loading);
  gtk_stack_set_visible_child_name (self->stack, self->loading ? "loading" : any ? "list" : "empty");
}

/* With no words, party or type chosen, the list model passes the store's
 * list through as it is, without calling the filter for each of its
 * (maybe 10,000) annotations. */
static void
apply_filter (GlossAnnotationListPage *self)
{
  gboolean any = self->needle != NULL ||
                 selected_id (self->type_dropdown, self->type_ids) != NULL ||
                 selected_id (self->party_dropdown, self->party_ids) != NULL;
  GtkFilter *filter = gtk_filter_list_model_get_filter (self->filtered);

  if (!any)
    gtk_filter_list_model_set_filter (self->filtered, NULL);
  else if (filter == NULL)
    gtk_filter_list_model_set_filter (self->filtered, GTK_FILTER (self->filter));
  else
    gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
}

/* Rows */

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          GlossAnnotationListPage  *self)
{
  gtk_list_item_set_child (item, gloss_annotation_row_new ());
}

/* A claim's second line: claimant · type (· fragments). */
static char *
claim_meta (GlossClaim *claim,
            const char *type_name)
{
  guint n;
  /* Translators: a claims list row: claimant · type, e.g. Kim Jong Un · Quote */
  g_autofree char *meta = g_strdup_printf (_("%s · %s"), gloss_edit_claimant_name (claim), type_name);

  gloss_annotation_get_spans (GLOSS_ANNOTATION (claim), GLOSS_ROLE_CONTENT, &n);
  if (n <= 1)
    return g_steal_pointer (&meta);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u fragment", "%s · %u fragments", n), meta, n);
}

/* A relation's tooltip: its first evidence, else its words. */
static char *
relation_tooltip (GlossAnnotationListPage *self,
                  GlossAnnotation         *relation,
                  const char              *words)
{
  guint n;
  const GlossSpan *evidence = gloss_annotation_get_spans (relation, GLOSS_ROLE_EVIDENCE, &n);

  if (n == 0)
    return g_strdup (words);
  return gloss_document_dup_slice (gloss_store_get_document (self->store), evidence[0].start, evidence[0].end);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         GlossAnnotationListPage  *self)
{
  GlossAnnotation *annotation = gtk_list_item_get_item (item);
  GlossLabel *type;
  const char *type_name;
  g_autofree char *words = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *tooltip = NULL;

  if (self->store == NULL || annotation == NULL)
    return;
  type = gloss_schema_lookup (gloss_store_get_schema (self->store), kinds[self->kind].label_kind,
                              gloss_annotation_get_type_id (annotation));
  type_name = type ? gloss_label_shown_name (type) : gloss_annotation_get_type_id (annotation);
  words = gloss_edit_describe (self->store, annotation);
  if (GLOSS_IS_CLAIM (annotation))
    {
      meta = claim_meta (GLOSS_CLAIM (annotation), type_name);
      tooltip = g_strdup (words);
    }
  else
    {
      meta = g_strdup (type_name);
      tooltip = relation_tooltip (self, annotation, words);
    }
  gloss_annotation_row_set (GLOSS_ANNOTATION_ROW (gtk_list_item_get_child (item)),
                            type ? gloss_label_get_color (type) : NULL, words, meta, tooltip);
}

/* Filter drop-downs */

/* Whether @dropdown shows @names for @ids already. */
static gboolean
dropdown_unchanged (GtkDropDown   *dropdown,
                    GPtrArray     *ids,
                    GPtrArray     *new_ids,
                    GtkStringList *names)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  if (model == NULL || ids->len != new_ids->len ||
      g_list_model_get_n_items (model) != g_list_model_get_n_items (G_LIST_MODEL (names)))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (ids, i), g_ptr_array_index (new_ids, i)) != 0 ||
        g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i),
                   gtk_string_list_get_string (names, i)) != 0)
      return FALSE;
  return TRUE;
}

/* Returns whether the choices changed: replacing the model of a drop-down
 * costs a new popover list, so an edit that changes no party or type
 * leaves it alone. */
static gboolean
set_dropdown (GtkDropDown   *dropdown,
              GPtrArray     *ids,
              GPtrArray     *new_ids,
              GtkStringList *names)
{
  const char *current = selected_id (dropdown, ids);
  g_autofree char *keep = g_strdup (current);
  guint selected = 0;

  if (dropdown_unchanged (dropdown, ids, new_ids, names))
    return FALSE;

  for (guint i = 1; keep != NULL && i < new_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (new_ids, i), keep) == 0)
      selected = i;
  g_ptr_array_set_size (ids, 0);
  for (guint i = 0; i < new_ids->len; i++)
    g_ptr_array_add (ids, g_strdup (g_ptr_array_index (new_ids, i)));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (dropdown, selected);
  return TRUE;
}

/* The parties of the annotations in @list, each once, in order of first
 * appearance; *@has_author: a claim without claimant. */
static GPtrArray *
collect_parties (GListModel *list,
                 gboolean   *has_author)
{
  GPtrArray *parties = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  *has_author = FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (list, i);
      GlossEntity *pair[2] = { NULL, NULL };

      if (GLOSS_IS_CLAIM (annotation))
        {
          pair[0] = gloss_claim_get_claimant (GLOSS_CLAIM (annotation));
          *has_author |= pair[0] == NULL;
        }
      else
        {
          pair[0] = gloss_relation_get_from (GLOSS_RELATION (annotation));
          pair[1] = gloss_relation_get_to (GLOSS_RELATION (annotation));
        }
      for (guint j = 0; j < 2; j++)
        if (pair[j] != NULL && g_hash_table_add (seen, pair[j]))
          g_ptr_array_add (parties, g_object_ref (pair[j]));
    }
  return parties;
}

static void
rebuild_filters (GlossAnnotationListPage *self)
{
  const KindInfo *info = &kinds[self->kind];
  g_autoptr(GtkStringList) party_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) type_names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) party_ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) type_ids = g_ptr_array_new ();
  gboolean changed;

  self->updating = TRUE;
  self->filters_stale = FALSE;

  gtk_string_list_append (party_names, _(info->all_parties));
  g_ptr_array_add (party_ids, NULL);
  gtk_string_list_append (type_names, _("All types"));
  g_ptr_array_add (type_ids, NULL);

  if (self->store != NULL)
    {
      GListModel *types = gloss_schema_get_labels (gloss_store_get_schema (self->store), info->label_kind);
      gboolean has_author;
      g_autoptr(GPtrArray) parties = collect_parties (gloss_store_get_list (self->store, info->kind),
                                                      &has_author);

      if (has_author)
        {
          gtk_string_list_append (party_names, _("Author"));
          g_ptr_array_add (party_ids, (gpointer) "");
        }
      for (guint i = 0; i < parties->len; i++)
        {
          GlossAnnotation *entity = g_ptr_array_index (parties, i);

          gtk_string_list_append (party_names, gloss_entity_get_name (GLOSS_ENTITY (entity)));
          g_ptr_array_add (party_ids, (gpointer) gloss_annotation_get_id (entity));
        }
      for (guint i = 0; i < g_list_model_get_n_items (types); i++)
        {
          g_autoptr(GlossLabel) type = g_list_model_get_item (types, i);

          gtk_string_list_append (type_names, gloss_label_shown_name (type));
          g_ptr_array_add (type_ids, (gpointer) gloss_label_get_id (type));
        }
    }
  changed = set_dropdown (self->party_dropdown, self->party_ids, party_ids, party_names);
  changed |= set_dropdown (self->type_dropdown, self->type_ids, type_ids, type_names);

  self->updating = FALSE;
  /* The filtered list follows the claims by itself; only new choices in
   * the drop-downs change what it keeps. A relation's ends and type are
   * edited in place, so its list filters again on every edit. */
  if (changed || self->kind == GLOSS_LIST_RELATIONS)
    apply_filter (self);
  update_stack (self);
}

/* Only an annotation of the list's kind, or the entity of a party (its
 * name), changes the drop-downs and what the list keeps: other edits
 * (tagging a mention, in a document of 10,000 claims) leave them alone.
 * A new entity is nobody's party yet. */
static void
store_changed_cb (GlossAnnotationListPage *self,
                  GlossChange              change,
                  GlossAnnotation         *annotation)
{
  if (gloss_annotation_get_kind (annotation) == kinds[self->kind].kind)
    self->filters_stale = TRUE;
  else if (GLOSS_IS_ENTITY (annotation) && change != GLOSS_CHANGE_ADDED)
    for (guint i = 0; i < self->party_ids->len && !self->filters_stale; i++)
      if (g_strcmp0 (g_ptr_array_index (self->party_ids, i), gloss_annotation_get_id (annotation)) == 0)
        self->filters_stale = TRUE;
}

/* The drop-downs' choices are gathered from every claim: a page no one
 * sees does it once shown (installing a document of 10,000 claims, its
 * claims page hidden, leaves them for later). */
static void
store_edited_cb (GlossAnnotationListPage *self)
{
  if (self->filters_stale && gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild_filters (self);
}

/* The rows of a page no one has seen since its store came are not made:
 * the list view gets its model when the page is first shown. A hidden
 * page is still measured (the sidebar's stack is as large as its largest
 * page), and GTK 4.8 makes and measures up to 200 rows for a list view
 * with a model, shown or not: installing a document of 10,000 claims
 * spent most of the frame after it on the hidden claims page. */
static void
attach_rows (GlossAnnotationListPage *self)
{
  guint selected;

  if (gtk_list_view_get_model (self->list_view) != NULL)
    return;
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  selected = gtk_single_selection_get_selected (self->selection);
  if (selected != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", selected);
}

static void
gloss_annotation_list_page_map (GtkWidget *widget)
{
  GlossAnnotationListPage *self = GLOSS_ANNOTATION_LIST_PAGE (widget);

  GTK_WIDGET_CLASS (gloss_annotation_list_page_parent_class)->map (widget);
  if (self->filters_stale)
    rebuild_filters (self);
  attach_rows (self);
}

static void
filter_changed_cb (GlossAnnotationListPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));

  if (self->updating)
    return;
  g_clear_pointer (&self->needle, g_free);
  if (*text != '\0')
    self->needle = g_utf8_casefold (text, -1);
  apply_filter (self);
}

static void
selection_changed_cb (GlossAnnotationListPage *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  if (item != NULL)
    g_signal_emit (self, signals[ANNOTATION_SELECTED], 0, item);
}

static void
activate_cb (GlossAnnotationListPage *self,
             guint                    position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (item != NULL)
    g_signal_emit (self, signals[ANNOTATION_SELECTED], 0, item);
}

void
gloss_annotation_list_page_activate (GlossAnnotationListPage *self,
                                     guint                    position)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_LIST_PAGE (self));

  gtk_single_selection_set_selected (self->selection, position);
  activate_cb (self, position);
}

GListModel *
gloss_annotation_list_page_get_model (GlossAnnotationListPage *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_LIST_PAGE (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

static void
select_id (GtkDropDown *dropdown,
           GPtrArray   *ids,
           const char  *id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (ids, i), id) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
  gtk_drop_down_set_selected (dropdown, 0);
}

void
gloss_annotation_list_page_set_filter (GlossAnnotationListPage *self,
                                       const char              *type_id,
                                       const char              *party_id)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_LIST_PAGE (self));

  if (self->filters_stale)
    rebuild_filters (self);
  select_id (self->type_dropdown, self->type_ids, type_id);
  select_id (self->party_dropdown, self->party_ids, party_id);
  filter_changed_cb (self);
}

gboolean
gloss_annotation_list_page_select (GlossAnnotationListPage *self,
                                   GlossAnnotation         *annotation)
{
  GListModel *model;
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_LIST_PAGE (self), FALSE);

  model = G_LIST_MODEL (self->filtered);
  for (guint i = 0; annotation != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (item == (GObject *) annotation)
        position = i;
    }

  g_signal_handlers_block_by_func (self->selection, selection_changed_cb, self);
  gtk_single_selection_set_selected (self->selection, position);
  g_signal_handlers_unblock_by_func (self->selection, selection_changed_cb, self);

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  /* A list without its rows yet scrolls there when shown (attach_rows). */
  if (gtk_list_view_get_model (self->list_view) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  return TRUE;
}

GlossListKind
gloss_annotation_list_page_get_kind (GlossAnnotationListPage *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_LIST_PAGE (self), GLOSS_LIST_CLAIMS);

  return self->kind;
}

GlossStore *
gloss_annotation_list_page_get_store (GlossAnnotationListPage *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_LIST_PAGE (self), NULL);

  return self->store;
}

void
gloss_annotation_list_page_set_store (GlossAnnotationListPage *self,
                                      GlossStore              *store)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_LIST_PAGE (self));
  g_return_if_fail (store == NULL || GLOSS_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->store, self);
      g_signal_handlers_disconnect_by_data (gloss_store_get_schema (self->store), self);
    }
  g_set_object (&self->store, store);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_filter_list_model_set_model (self->filtered,
                                   store ? gloss_store_get_list (store, kinds[self->kind].kind) : NULL);
  if (store != NULL)
    {
      g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "edited", G_CALLBACK (store_edited_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (gloss_store_get_schema (store), "changed", G_CALLBACK (rebuild_filters),
                               self, G_CONNECT_SWAPPED);
    }
  self->filters_stale = TRUE;
  store_edited_cb (self);
  update_stack (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

gboolean
gloss_annotation_list_page_get_loading (GlossAnnotationListPage *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_LIST_PAGE (self), FALSE);

  return self->loading;
}

void
gloss_annotation_list_page_set_loading (GlossAnnotationListPage *self,
                                        gboolean                 loading)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_LIST_PAGE (self));

  loading = !!loading;
  if (self->loading == loading)
    return;
  self->loading = loading;
  update_stack (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
gloss_annotation_list_page_constructed (GObject *object)
{
  GlossAnnotationListPage *self = GLOSS_ANNOTATION_LIST_PAGE (object);
  const KindInfo *info = &kinds[self->kind];

  G_OBJECT_CLASS (gloss_annotation_list_page_parent_class)->constructed (object);

  g_object_set (self->filter_entry, "placeholder-text", _(info->filter), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->filter), -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->party_dropdown), _(info->by_party));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->party_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->by_party), -1);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), info->css_class);
  adw_status_page_set_icon_name (self->empty_page, info->icon);
  adw_status_page_set_title (self->empty_page, _(info->empty_title));
  adw_status_page_set_description (self->empty_page, _(info->empty_description));
  rebuild_filters (self);
}

static void
gloss_annotation_list_page_dispose (GObject *object)
{
  GlossAnnotationListPage *self = GLOSS_ANNOTATION_LIST_PAGE (object);
  GtkWidget *child;

  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->store, self);
      g_signal_handlers_disconnect_by_data (gloss_store_get_schema (self->store), self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_ANNOTATION_LIST_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);   /* ours: the model holds it only while it filters */
  g_clear_object (&self->store);
  g_clear_pointer (&self->party_ids, g_ptr_array_unref);
  g_clear_pointer (&self->type_ids, g_ptr_array_unref);
  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (gloss_annotation_list_page_parent_class)->dispose (object);
}

static void
gloss_annotation_list_page_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  GlossAnnotationListPage *self = GLOSS_ANNOTATION_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_annotation_list_page_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  GlossAnnotationListPage *self = GLOSS_ANNOTATION_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_STORE:
      gloss_annotation_list_page_set_store (self, g_value_get_object (value));
      break;

    case PROP_LOADING:
      gloss_annotation_list_page_set_loading (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_annotation_list_page_class_init (GlossAnnotationListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gloss_annotation_list_page_constructed;
  object_class->dispose = gloss_annotation_list_page_dispose;
  object_class->get_property = gloss_annotation_list_page_get_property;
  object_class->set_property = gloss_annotation_list_page_set_property;
  widget_class->map = gloss_annotation_list_page_map;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, GLOSS_TYPE_LIST_KIND, GLOSS_LIST_CLAIMS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GLOSS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The annotations are loading (the store is not in yet): the page says
   * so instead of showing its empty state. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ANNOTATION_SELECTED] =
    g_signal_new ("annotation-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, GLOSS_TYPE_ANNOTATION);

  g_type_ensure (GLOSS_TYPE_ANNOTATION_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossapp/Gloss/gloss-annotation-list-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationListPage, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationListPage, party_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationListPage, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationListPage, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationListPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationListPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "annotationlist");
}

static void
gloss_annotation_list_page_init (GlossAnnotationListPage *self)
{
  GtkListItemFactory *factory;

  self->party_ids = g_ptr_array_new_with_free_func (g_free);
  self->type_ids = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (match_annotation, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, NULL);   /* apply_filter () */
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  /* Its model once shown (attach_rows). */
}

GtkWidget *
gloss_annotation_list_page_new (GlossListKind kind)
{
  return g_object_new (GLOSS_TYPE_ANNOTATION_LIST_PAGE, "kind", kind, NULL);
}
