/* gloss-claim-list.c: the sidebar's claims: claimant, type, first words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A filter over the store's claims (already in text order): by words of
 * the content or the claimant's name, by claimant and by type.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-claim-list.h"
#include "gloss-edits.h"
#include "gloss-label-palette.h"

struct _GlossClaimList
{
  GtkWidget           parent_instance;

  GtkSearchEntry     *filter_entry;
  GtkDropDown        *claimant_dropdown;
  GtkDropDown        *type_dropdown;
  GtkStack           *stack;
  GtkListView        *list_view;

  GlossStore         *store;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GPtrArray          *claimant_ids;  /* NULL = all, "" = author, else entity id */
  GPtrArray          *type_ids;      /* NULL = all */
  char               *needle;
  gboolean            updating;
};

G_DEFINE_FINAL_TYPE (GlossClaimList, gloss_claim_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  CLAIM_SELECTED,
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
match_claim (gpointer item,
             gpointer user_data)
{
  GlossClaimList *self = user_data;
  GlossAnnotation *claim = item;
  GlossEntity *claimant = gloss_claim_get_claimant (GLOSS_CLAIM (claim));
  const char *type_id = selected_id (self->type_dropdown, self->type_ids);
  const char *claimant_id = selected_id (self->claimant_dropdown, self->claimant_ids);

  if (type_id != NULL && g_strcmp0 (type_id, gloss_annotation_get_type_id (claim)) != 0)
    return FALSE;
  if (claimant_id != NULL)
    {
      if (*claimant_id == '\0' ? claimant != NULL
                               : claimant == NULL ||
                                 g_strcmp0 (claimant_id, gloss_annotation_get_id (GLOSS_ANNOTATION (claimant))) != 0)
        return FALSE;
    }
  if (self->needle != NULL && self->store != NULL)
    {
      const GlossSpan *spans;
      guint n;
      g_autoptr(GString) text = g_string_new (gloss_edit_claimant_name (GLOSS_CLAIM (claim)));
      g_autofree char *folded = NULL;

      spans = gloss_annotation_get_spans (claim, GLOSS_ROLE_CONTENT, &n);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *slice = gloss_document_dup_slice (gloss_store_get_document (self->store),
                                                             spans[i].start, spans[i].end);

          g_string_append_c (text, ' ');
          g_string_append (text, slice);
        }
      folded = g_utf8_casefold (text->str, -1);
      if (strstr (folded, self->needle) == NULL)
        return FALSE;
    }
  return TRUE;
}

static void
update_stack (GlossClaimList *self)
{
  gboolean any = self->store != NULL && gloss_store_get_n_items (self->store, GLOSS_KIND_CLAIM) > 0;

  gtk_stack_set_visible_child_name (self->stack, any ? "list" : "empty");
}

/* Rows */

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          GlossClaimList           *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *words = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (words), 0);
  gtk_label_set_ellipsize (GTK_LABEL (words), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), words);
  gtk_box_append (GTK_BOX (texts), meta);
  gtk_box_append (GTK_BOX (box), gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0)); /* swatch slot */
  gtk_box_append (GTK_BOX (box), texts);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  g_object_set_data (G_OBJECT (box), "words", words);
  g_object_set_data (G_OBJECT (box), "meta", meta);
  gtk_list_item_set_child (item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         GlossClaimList           *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GlossAnnotation *claim = gtk_list_item_get_item (item);
  GtkWidget *slot = gtk_widget_get_first_child (box);
  GtkWidget *old;
  GlossLabel *type;
  g_autofree char *words = NULL;
  g_autofree char *meta = NULL;

  if (self->store == NULL || claim == NULL)
    return;
  type = gloss_schema_lookup (gloss_store_get_schema (self->store), GLOSS_LABEL_CLAIM,
                              gloss_annotation_get_type_id (claim));
  while ((old = gtk_widget_get_first_child (slot)) != NULL)
    gtk_box_remove (GTK_BOX (slot), old);
  gtk_box_append (GTK_BOX (slot), gloss_color_swatch_new (type ? gloss_label_get_color (type) : NULL));

  words = gloss_edit_describe (self->store, claim);
  /* Translators: a claims list row: claimant · type, e.g. Kim Jong Un · Quote */
  meta = g_strdup_printf (_("%s · %s"), gloss_edit_claimant_name (GLOSS_CLAIM (claim)),
                          type ? gloss_label_get_name (type) : gloss_annotation_get_type_id (claim));
  {
    guint n;

    gloss_annotation_get_spans (claim, GLOSS_ROLE_CONTENT, &n);
    if (n > 1)
      {
        g_autofree char *with_count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u fragment",
                                                                    "%s · %u fragments", n), meta, n);

        g_free (meta);
        meta = g_steal_pointer (&with_count);
      }
  }
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "words"), words);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "meta"), meta);
  /* Setting a tooltip queries the pointer (a round trip to the X server). */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (box), words) != 0)
    gtk_widget_set_tooltip_text (box, words);
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
 * costs a new popover list, so an edit that changes no claimant or type
 * leaves it alone. */
static gboolean
set_dropdown (GtkDropDown *dropdown,
              GPtrArray   *ids,
              GPtrArray   *new_ids,
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

static void
rebuild_filters (GlossClaimList *self)
{
  g_autoptr(GtkStringList) claimant_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) type_names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) claimant_ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) type_ids = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  gboolean has_author = FALSE;
  gboolean changed;

  self->updating = TRUE;

  gtk_string_list_append (claimant_names, _("All claimants"));
  g_ptr_array_add (claimant_ids, NULL);
  gtk_string_list_append (type_names, _("All types"));
  g_ptr_array_add (type_ids, NULL);

  if (self->store != NULL)
    {
      GListModel *claims = gloss_store_get_list (self->store, GLOSS_KIND_CLAIM);
      GListModel *types = gloss_schema_get_labels (gloss_store_get_schema (self->store), GLOSS_LABEL_CLAIM);
      g_autoptr(GPtrArray) claimants = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
        {
          g_autoptr(GlossClaim) claim = g_list_model_get_item (claims, i);
          GlossEntity *claimant = gloss_claim_get_claimant (claim);

          if (claimant == NULL)
            has_author = TRUE;
          else if (g_hash_table_add (seen, claimant))
            g_ptr_array_add (claimants, g_object_ref (claimant));
        }
      if (has_author)
        {
          gtk_string_list_append (claimant_names, _("Author"));
          g_ptr_array_add (claimant_ids, (gpointer) "");
        }
      for (guint i = 0; i < claimants->len; i++)
        {
          GlossAnnotation *entity = g_ptr_array_index (claimants, i);

          gtk_string_list_append (claimant_names, gloss_entity_get_name (GLOSS_ENTITY (entity)));
          g_ptr_array_add (claimant_ids, (gpointer) gloss_annotation_get_id (entity));
        }
      for (guint i = 0; i < g_list_model_get_n_items (types); i++)
        {
          g_autoptr(GlossLabel) type = g_list_model_get_item (types, i);

          gtk_string_list_append (type_names, gloss_label_get_name (type));
          g_ptr_array_add (type_ids, (gpointer) gloss_label_get_id (type));
        }
    }
  changed = set_dropdown (self->claimant_dropdown, self->claimant_ids, claimant_ids, claimant_names);
  changed |= set_dropdown (self->type_dropdown, self->type_ids, type_ids, type_names);

  self->updating = FALSE;
  /* The filtered list follows the claims by itself; only new choices in
   * the drop-downs change what it keeps. */
  if (changed)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_stack (self);
}

static void
filter_changed_cb (GlossClaimList *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));

  if (self->updating)
    return;
  g_clear_pointer (&self->needle, g_free);
  if (*text != '\0')
    self->needle = g_utf8_casefold (text, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
selection_changed_cb (GlossClaimList *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  if (item != NULL)
    g_signal_emit (self, signals[CLAIM_SELECTED], 0, item);
}

static void
activate_cb (GlossClaimList *self,
             guint           position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (item != NULL)
    g_signal_emit (self, signals[CLAIM_SELECTED], 0, item);
}

void
gloss_claim_list_activate (GlossClaimList *self,
                           guint           position)
{
  g_return_if_fail (GLOSS_IS_CLAIM_LIST (self));

  gtk_single_selection_set_selected (self->selection, position);
  activate_cb (self, position);
}

GListModel *
gloss_claim_list_get_model (GlossClaimList *self)
{
  g_return_val_if_fail (GLOSS_IS_CLAIM_LIST (self), NULL);

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
gloss_claim_list_set_filter (GlossClaimList *self,
                             const char     *type_id,
                             const char     *claimant_id)
{
  g_return_if_fail (GLOSS_IS_CLAIM_LIST (self));

  select_id (self->type_dropdown, self->type_ids, type_id);
  select_id (self->claimant_dropdown, self->claimant_ids, claimant_id);
  filter_changed_cb (self);
}

gboolean
gloss_claim_list_select_claim (GlossClaimList *self,
                               GlossClaim     *claim)
{
  GListModel *model;
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_val_if_fail (GLOSS_IS_CLAIM_LIST (self), FALSE);

  model = G_LIST_MODEL (self->filtered);
  for (guint i = 0; claim != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (item == (GObject *) claim)
        position = i;
    }

  g_signal_handlers_block_by_func (self->selection, selection_changed_cb, self);
  gtk_single_selection_set_selected (self->selection, position);
  g_signal_handlers_unblock_by_func (self->selection, selection_changed_cb, self);

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  return TRUE;
}

GlossStore *
gloss_claim_list_get_store (GlossClaimList *self)
{
  g_return_val_if_fail (GLOSS_IS_CLAIM_LIST (self), NULL);

  return self->store;
}

void
gloss_claim_list_set_store (GlossClaimList *self,
                            GlossStore     *store)
{
  g_return_if_fail (GLOSS_IS_CLAIM_LIST (self));
  g_return_if_fail (store == NULL || GLOSS_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->store, self);
      g_signal_handlers_disconnect_by_data (gloss_store_get_schema (self->store), self);
    }
  g_set_object (&self->store, store);
  gtk_filter_list_model_set_model (self->filtered, store ? gloss_store_get_list (store, GLOSS_KIND_CLAIM) : NULL);
  if (store != NULL)
    {
      g_signal_connect_object (store, "edited", G_CALLBACK (rebuild_filters), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (gloss_store_get_schema (store), "changed", G_CALLBACK (rebuild_filters),
                               self, G_CONNECT_SWAPPED);
    }
  rebuild_filters (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
gloss_claim_list_dispose (GObject *object)
{
  GlossClaimList *self = GLOSS_CLAIM_LIST (object);
  GtkWidget *child;

  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->store, self);
      g_signal_handlers_disconnect_by_data (gloss_store_get_schema (self->store), self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_CLAIM_LIST);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->store);
  g_clear_pointer (&self->claimant_ids, g_ptr_array_unref);
  g_clear_pointer (&self->type_ids, g_ptr_array_unref);
  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (gloss_claim_list_parent_class)->dispose (object);
}

static void
gloss_claim_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GlossClaimList *self = GLOSS_CLAIM_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_claim_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GlossClaimList *self = GLOSS_CLAIM_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      gloss_claim_list_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_claim_list_class_init (GlossClaimListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_claim_list_dispose;
  object_class->get_property = gloss_claim_list_get_property;
  object_class->set_property = gloss_claim_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GLOSS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CLAIM_SELECTED] =
    g_signal_new ("claim-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, GLOSS_TYPE_CLAIM);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossapp/Gloss/gloss-claim-list.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossClaimList, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossClaimList, claimant_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossClaimList, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossClaimList, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossClaimList, list_view);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "claimlist");
}

static void
gloss_claim_list_init (GlossClaimList *self)
{
  GtkListItemFactory *factory;

  self->claimant_ids = g_ptr_array_new_with_free_func (g_free);
  self->type_ids = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (match_claim, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  rebuild_filters (self);
}

GtkWidget *
gloss_claim_list_new (void)
{
  return g_object_new (GLOSS_TYPE_CLAIM_LIST, NULL);
}
