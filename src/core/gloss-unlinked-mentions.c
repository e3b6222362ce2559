/* gloss-unlinked-mentions.c: a store's mentions without an entity, by type
 * and text, kept up to date through every edit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built in one walk of the mentions, then moved along by the store's
 * ::changed (tagging, linking, deleting, undo and redo all come through
 * it): a mention changed in place leaves its group and joins the one its
 * type, text and entity now say, if any. docs/decisions.md, "Mentions
 * without an entity in the sidebar".
 */
#include "config.h"

#include "gloss-unlinked-mentions.h"

struct _GlossUnlinkedMentions
{
  GObject     parent_instance;

  GlossStore *store;
  GHashTable *by_type;      /* type id → GListStore of groups, sorted */
  GHashTable *by_key;       /* "type\ntext" → group (borrowed) */
  GHashTable *of_mention;   /* mention → group (both borrowed) */
};

G_DEFINE_FINAL_TYPE (GlossUnlinkedMentions, gloss_unlinked_mentions, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_MENTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GListStore *
groups_of (GlossUnlinkedMentions *self,
           const char            *type_id)
{
  GListStore *groups = g_hash_table_lookup (self->by_type, type_id);

  if (groups == NULL)
    {
      groups = g_list_store_new (GLOSS_TYPE_UNLINKED_GROUP);
      g_hash_table_insert (self->by_type, g_strdup (type_id), groups);
    }
  return groups;
}

/* "type\ntext" of the group @mention belongs in now, or NULL. */
static char *
key_for (GlossUnlinkedMentions *self,
         GlossMention          *mention,
         char                 **text)
{
  GlossAnnotation *annotation = GLOSS_ANNOTATION (mention);
  const char *type_id = gloss_annotation_get_type_id (annotation);
  char *slice;
  char *key;

  if (gloss_mention_get_entity (mention) != NULL || type_id == NULL)
    return NULL;
  slice = gloss_document_dup_slice (gloss_store_get_document (self->store),
                                    gloss_annotation_get_start (annotation),
                                    gloss_annotation_get_end (annotation));
  key = g_strconcat (type_id, "\n", slice, NULL);
  *text = slice;
  return key;
}

static char *
key_of_group (GlossUnlinkedGroup *group)
{
  return g_strconcat (gloss_unlinked_group_get_type_id (group), "\n",
                      gloss_unlinked_group_get_text (group), NULL);
}

/* @mention joins the group of @key, made if need be: then in its type's
 * list at once, or in @batch (which owns it) when loading. */
static void
note (GlossUnlinkedMentions *self,
      GlossMention          *mention,
      char                  *key,
      const char            *text,
      GPtrArray             *batch)
{
  GlossUnlinkedGroup *group = g_hash_table_lookup (self->by_key, key);

  if (group == NULL)
    {
      const char *type_id = gloss_annotation_get_type_id (GLOSS_ANNOTATION (mention));

      group = gloss_unlinked_group_new (type_id, text);
      g_hash_table_insert (self->by_key, g_strdup (key), group);
      if (batch != NULL)
        g_ptr_array_add (batch, group);
      else
        {
          g_list_store_insert_sorted (groups_of (self, type_id), group,
                                      gloss_unlinked_group_compare, NULL);
          g_object_unref (group);
        }
    }
  _gloss_unlinked_group_add (group, mention);
  g_hash_table_insert (self->of_mention, mention, group);
}

static void
forget (GlossUnlinkedMentions *self,
        GlossMention          *mention)
{
  GlossUnlinkedGroup *group = g_hash_table_lookup (self->of_mention, mention);
  g_autofree char *key = NULL;
  GListStore *groups;
  guint position;

  if (group == NULL)
    return;
  g_hash_table_remove (self->of_mention, mention);
  _gloss_unlinked_group_remove (group, mention);
  if (gloss_unlinked_group_get_n_mentions (group) > 0)
    return;

  key = key_of_group (group);
  g_hash_table_remove (self->by_key, key);
  groups = groups_of (self, gloss_unlinked_group_get_type_id (group));
  if (g_list_store_find (groups, group, &position))
    g_list_store_remove (groups, position);
}

static void
changed_cb (GlossUnlinkedMentions *self,
            GlossChange            change,
            GlossAnnotation       *annotation)
{
  guint before = g_hash_table_size (self->of_mention);
  GlossMention *mention;
  GlossUnlinkedGroup *group;
  g_autofree char *text = NULL;
  g_autofree char *key = NULL;

  if (!GLOSS_IS_MENTION (annotation))
    return;
  mention = GLOSS_MENTION (annotation);
  group = g_hash_table_lookup (self->of_mention, mention);
  if (change != GLOSS_CHANGE_REMOVED)
    key = key_for (self, mention, &text);

  if (group != NULL && key != NULL && group == g_hash_table_lookup (self->by_key, key))
    {
      /* The same group (a note, a status): its row stays, the order may not. */
      _gloss_unlinked_group_remove (group, mention);
      _gloss_unlinked_group_add (group, mention);
      return;
    }

  forget (self, mention);
  if (key != NULL)
    note (self, mention, key, text, NULL);
  if (g_hash_table_size (self->of_mention) != before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MENTIONS]);
}

static int
compare_indirect (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  return gloss_unlinked_group_compare (*(gpointer *) a, *(gpointer *) b, user_data);
}

/* One walk, then one sort and one splice per type. */
static void
build (GlossUnlinkedMentions *self)
{
  GListModel *mentions = gloss_store_get_list (self->store, GLOSS_KIND_MENTION);
  guint n = g_list_model_get_n_items (mentions);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) typed = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer type_id, groups;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossMention) mention = g_list_model_get_item (mentions, i);
      g_autofree char *text = NULL;
      g_autofree char *key = key_for (self, mention, &text);

      if (key != NULL)
        note (self, mention, key, text, batch);
    }

  for (guint i = 0; i < batch->len; i++)
    {
      GlossUnlinkedGroup *group = g_ptr_array_index (batch, i);
      const char *type_id_of = gloss_unlinked_group_get_type_id (group);
      GPtrArray *array = g_hash_table_lookup (typed, type_id_of);

      if (array == NULL)
        {
          array = g_ptr_array_new ();
          g_hash_table_insert (typed, (gpointer) type_id_of, array);
        }
      g_ptr_array_add (array, group);
    }

  g_hash_table_iter_init (&iter, typed);
  while (g_hash_table_iter_next (&iter, &type_id, &groups))
    {
      GPtrArray *array = groups;

      g_ptr_array_sort_with_data (array, compare_indirect, NULL);
      g_list_store_splice (groups_of (self, type_id), 0, 0, array->pdata, array->len);
    }
}

static void
gloss_unlinked_mentions_dispose (GObject *object)
{
  GlossUnlinkedMentions *self = GLOSS_UNLINKED_MENTIONS (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gloss_unlinked_mentions_parent_class)->dispose (object);
}

static void
gloss_unlinked_mentions_finalize (GObject *object)
{
  GlossUnlinkedMentions *self = GLOSS_UNLINKED_MENTIONS (object);

  g_hash_table_unref (self->of_mention);
  g_hash_table_unref (self->by_key);
  g_hash_table_unref (self->by_type);

  G_OBJECT_CLASS (gloss_unlinked_mentions_parent_class)->finalize (object);
}

static void
gloss_unlinked_mentions_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  GlossUnlinkedMentions *self = GLOSS_UNLINKED_MENTIONS (object);

  switch (prop_id)
    {
    case PROP_N_MENTIONS:
      g_value_set_uint (value, gloss_unlinked_mentions_get_n_mentions (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_unlinked_mentions_class_init (GlossUnlinkedMentionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gloss_unlinked_mentions_dispose;
  object_class->finalize = gloss_unlinked_mentions_finalize;
  object_class->get_property = gloss_unlinked_mentions_get_property;

  properties[PROP_N_MENTIONS] =
    g_param_spec_uint ("n-mentions", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_unlinked_mentions_init (GlossUnlinkedMentions *self)
{
  self->by_type = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->of_mention = g_hash_table_new (NULL, NULL);
}

/**
 * gloss_unlinked_mentions_new:
 * @store: the store whose mentions to follow
 *
 * Returns: (transfer full): the index, up to date with @store
 */
GlossUnlinkedMentions *
gloss_unlinked_mentions_new (GlossStore *store)
{
  GlossUnlinkedMentions *self;

  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);

  self = g_object_new (GLOSS_TYPE_UNLINKED_MENTIONS, NULL);
  self->store = g_object_ref (store);
  build (self);
  g_signal_connect_object (store, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

/**
 * gloss_unlinked_mentions_get_store:
 *
 * Returns: (transfer none): the store
 */
GlossStore *
gloss_unlinked_mentions_get_store (GlossUnlinkedMentions *self)
{
  g_return_val_if_fail (GLOSS_IS_UNLINKED_MENTIONS (self), NULL);

  return self->store;
}

/**
 * gloss_unlinked_mentions_get_groups:
 *
 * Returns: (transfer none): the groups of @type_id, sorted by text
 */
GListModel *
gloss_unlinked_mentions_get_groups (GlossUnlinkedMentions *self,
                                    const char            *type_id)
{
  g_return_val_if_fail (GLOSS_IS_UNLINKED_MENTIONS (self), NULL);
  g_return_val_if_fail (type_id != NULL, NULL);

  return G_LIST_MODEL (groups_of (self, type_id));
}

guint
gloss_unlinked_mentions_get_n_mentions (GlossUnlinkedMentions *self)
{
  g_return_val_if_fail (GLOSS_IS_UNLINKED_MENTIONS (self), 0);

  return g_hash_table_size (self->of_mention);
}

/**
 * gloss_unlinked_mentions_lookup:
 *
 * Returns: (transfer none) (nullable): the group of @mention, %NULL when
 *   it has an entity
 */
GlossUnlinkedGroup *
gloss_unlinked_mentions_lookup (GlossUnlinkedMentions *self,
                                GlossMention          *mention)
{
  g_return_val_if_fail (GLOSS_IS_UNLINKED_MENTIONS (self), NULL);
  g_return_val_if_fail (GLOSS_IS_MENTION (mention), NULL);

  return g_hash_table_lookup (self->of_mention, mention);
}
