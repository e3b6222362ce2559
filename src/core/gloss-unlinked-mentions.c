/* gloss-unlinked-mentions.c: a store's mentions without an entity, by type
 * and text, kept up to date through every edit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built from one walk of the mentions, then moved along by the store's
 * ::changed (tagging, linking, deleting, undo and redo all come through
 * it): a mention changed in place leaves its group and joins the one its
 * type, text and entity now say, if any. The walk can go in steps of a
 * few milliseconds (a document of 100,000 mentions has some 50,000 groups
 * to make); edits between the steps are taken as they come.
 * docs/decisions.md, "Mentions without an entity in the sidebar".
 */
#include "config.h"

#include "gloss-unlinked-mentions.h"

/* The groups of one type. Until the walk is done they wait in @batch,
 * and go into @list sorted, in one splice. */
typedef struct
{
  GListStore *list;
  GHashTable *by_text;     /* text (the group's) → group */
  GPtrArray  *batch;       /* owns its groups; NULL once published */
} Bucket;

struct _GlossUnlinkedMentions
{
  GObject     parent_instance;

  GlossStore *store;
  GHashTable *buckets;     /* type id → Bucket */
  GHashTable *of_mention;  /* mention → group (both borrowed) */
  GPtrArray  *pending;     /* the mentions the walk has to see (refs) */
  guint       cursor;
  gboolean    started;
  gboolean    complete;
};

G_DEFINE_FINAL_TYPE (GlossUnlinkedMentions, gloss_unlinked_mentions, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_MENTIONS,
  PROP_COMPLETE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bucket_free (gpointer data)
{
  Bucket *bucket = data;

  g_clear_pointer (&bucket->batch, g_ptr_array_unref);
  g_hash_table_unref (bucket->by_text);
  g_object_unref (bucket->list);
  g_free (bucket);
}

static Bucket *
bucket_of (GlossUnlinkedMentions *self,
           const char            *type_id)
{
  Bucket *bucket = g_hash_table_lookup (self->buckets, type_id);

  if (bucket == NULL)
    {
      bucket = g_new0 (Bucket, 1);
      bucket->list = g_list_store_new (GLOSS_TYPE_UNLINKED_GROUP);
      bucket->by_text = g_hash_table_new (g_str_hash, g_str_equal);
      if (!self->complete)
        bucket->batch = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (self->buckets, g_strdup (type_id), bucket);
    }
  return bucket;
}

static void
note (GlossUnlinkedMentions *self,
      GlossMention          *mention)
{
  GlossAnnotation *annotation = GLOSS_ANNOTATION (mention);
  const char *type_id = gloss_annotation_get_type_id (annotation);
  g_autofree char *text = NULL;
  GlossUnlinkedGroup *group;
  Bucket *bucket;

  if (gloss_mention_get_entity (mention) != NULL || type_id == NULL)
    return;

  text = gloss_document_dup_slice (gloss_store_get_document (self->store),
                                   gloss_annotation_get_start (annotation),
                                   gloss_annotation_get_end (annotation));
  bucket = bucket_of (self, type_id);
  group = g_hash_table_lookup (bucket->by_text, text);
  if (group == NULL)
    {
      group = gloss_unlinked_group_new (type_id, text);
      g_hash_table_insert (bucket->by_text, (gpointer) gloss_unlinked_group_get_text (group), group);
      if (bucket->batch != NULL)
        g_ptr_array_add (bucket->batch, group);
      else
        {
          g_list_store_insert_sorted (bucket->list, group, gloss_unlinked_group_compare, NULL);
          g_object_unref (group);
        }
    }
  _gloss_unlinked_group_add (group, mention);
  g_hash_table_insert (self->of_mention, mention, group);
}

/* Where @group is in its sorted @list: with a linear search each, linking
 * a document's 50,000 groups away one by one would be quadratic. */
static gboolean
find_sorted (GListStore         *list,
             GlossUnlinkedGroup *group,
             guint              *position)
{
  guint lo = 0, hi = g_list_model_get_n_items (G_LIST_MODEL (list));

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(GlossUnlinkedGroup) item = g_list_model_get_item (G_LIST_MODEL (list), mid);

      if (item == group)
        {
          *position = mid;
          return TRUE;
        }
      if (gloss_unlinked_group_compare (item, group, NULL) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return g_list_store_find (list, group, position);
}

static void
forget (GlossUnlinkedMentions *self,
        GlossMention          *mention)
{
  GlossUnlinkedGroup *group = g_hash_table_lookup (self->of_mention, mention);
  Bucket *bucket;
  guint position;

  if (group == NULL)
    return;
  g_hash_table_remove (self->of_mention, mention);
  _gloss_unlinked_group_remove (group, mention);
  if (gloss_unlinked_group_get_n_mentions (group) > 0)
    return;

  bucket = bucket_of (self, gloss_unlinked_group_get_type_id (group));
  g_hash_table_remove (bucket->by_text, gloss_unlinked_group_get_text (group));
  if (bucket->batch != NULL)
    g_ptr_array_remove_fast (bucket->batch, group);
  else if (find_sorted (bucket->list, group, &position))
    g_list_store_remove (bucket->list, position);
}

/* The group @mention would be in now, if it exists. */
static GlossUnlinkedGroup *
group_now (GlossUnlinkedMentions *self,
           GlossMention          *mention)
{
  GlossAnnotation *annotation = GLOSS_ANNOTATION (mention);
  const char *type_id = gloss_annotation_get_type_id (annotation);
  g_autofree char *text = NULL;
  Bucket *bucket;

  if (gloss_mention_get_entity (mention) != NULL || type_id == NULL ||
      (bucket = g_hash_table_lookup (self->buckets, type_id)) == NULL)
    return NULL;
  text = gloss_document_dup_slice (gloss_store_get_document (self->store),
                                   gloss_annotation_get_start (annotation),
                                   gloss_annotation_get_end (annotation));
  return g_hash_table_lookup (bucket->by_text, text);
}

static void
changed_cb (GlossUnlinkedMentions *self,
            GlossChange            change,
            GlossAnnotation       *annotation)
{
  guint before = g_hash_table_size (self->of_mention);
  GlossMention *mention;
  GlossUnlinkedGroup *group;

  if (!GLOSS_IS_MENTION (annotation))
    return;
  mention = GLOSS_MENTION (annotation);
  group = g_hash_table_lookup (self->of_mention, mention);

  if (group != NULL && change == GLOSS_CHANGE_MODIFIED && group_now (self, mention) == group)
    {
      /* The same group (a note, a status): its row stays, the order may not. */
      _gloss_unlinked_group_remove (group, mention);
      _gloss_unlinked_group_add (group, mention);
      return;
    }

  forget (self, mention);
  if (change != GLOSS_CHANGE_REMOVED)
    note (self, mention);
  if (self->complete && g_hash_table_size (self->of_mention) != before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MENTIONS]);
}

static void
take_pending (gpointer data,
              gpointer user_data)
{
  g_ptr_array_add (user_data, g_object_ref (data));
}

static int
compare_indirect (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  return gloss_unlinked_group_compare (*(gpointer *) a, *(gpointer *) b, user_data);
}

/* One splice of sorted groups per type. */
static void
publish (Bucket *bucket)
{
  g_autoptr(GPtrArray) batch = g_steal_pointer (&bucket->batch);

  g_ptr_array_sort_with_data (batch, compare_indirect, NULL);
  g_list_store_splice (bucket->list, 0, g_list_model_get_n_items (G_LIST_MODEL (bucket->list)),
                       batch->pdata, batch->len);
}

/**
 * gloss_unlinked_mentions_build:
 * @budget_us: about how long this step may take
 *
 * Goes on with the walk for about @budget_us microseconds (at least one
 * mention), and publishes the groups once it is done.
 *
 * Returns: %TRUE once the index is complete
 */
gboolean
gloss_unlinked_mentions_build (GlossUnlinkedMentions *self,
                               gint64                 budget_us)
{
  gint64 deadline;
  GHashTableIter iter;
  gpointer bucket;

  g_return_val_if_fail (GLOSS_IS_UNLINKED_MENTIONS (self), TRUE);

  if (self->complete)
    return TRUE;
  deadline = budget_us >= G_MAXINT64 / 2 ? G_MAXINT64 : g_get_monotonic_time () + budget_us;

  if (!self->started)
    {
      self->started = TRUE;
      self->pending = g_ptr_array_new_full (gloss_store_get_n_items (self->store, GLOSS_KIND_MENTION),
                                            g_object_unref);
      gloss_store_foreach (self->store, GLOSS_KIND_MENTION, take_pending, self->pending);
    }

  while (self->pending != NULL && self->cursor < self->pending->len)
    {
      guint stop = MIN (self->cursor + 256, self->pending->len);

      for (; self->cursor < stop; self->cursor++)
        {
          GlossMention *mention = g_ptr_array_index (self->pending, self->cursor);

          /* Gone since, or taken already as an edit brought it. */
          if (gloss_annotation_get_store (GLOSS_ANNOTATION (mention)) == self->store &&
              !g_hash_table_contains (self->of_mention, mention))
            note (self, mention);
        }
      if (g_get_monotonic_time () >= deadline)
        return FALSE;
    }
  g_clear_pointer (&self->pending, g_ptr_array_unref);

  g_hash_table_iter_init (&iter, self->buckets);
  while (g_hash_table_iter_next (&iter, NULL, &bucket))
    {
      if (((Bucket *) bucket)->batch == NULL)
        continue;
      publish (bucket);
      if (g_get_monotonic_time () >= deadline)
        return FALSE;
    }

  self->complete = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MENTIONS]);
  return TRUE;
}

static void
gloss_unlinked_mentions_dispose (GObject *object)
{
  GlossUnlinkedMentions *self = GLOSS_UNLINKED_MENTIONS (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->pending, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_unlinked_mentions_parent_class)->dispose (object);
}

static void
gloss_unlinked_mentions_finalize (GObject *object)
{
  GlossUnlinkedMentions *self = GLOSS_UNLINKED_MENTIONS (object);

  g_hash_table_unref (self->of_mention);
  g_hash_table_unref (self->buckets);

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

    case PROP_COMPLETE:
      g_value_set_boolean (value, self->complete);
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
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_unlinked_mentions_init (GlossUnlinkedMentions *self)
{
  self->buckets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, bucket_free);
  self->of_mention = g_hash_table_new (NULL, NULL);
}

/**
 * gloss_unlinked_mentions_new_deferred:
 * @store: the store whose mentions to follow
 *
 * An index that gloss_unlinked_mentions_build() fills, step by step.
 *
 * Returns: (transfer full): the index, empty until built
 */
GlossUnlinkedMentions *
gloss_unlinked_mentions_new_deferred (GlossStore *store)
{
  GlossUnlinkedMentions *self;

  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);

  self = g_object_new (GLOSS_TYPE_UNLINKED_MENTIONS, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

/**
 * gloss_unlinked_mentions_new:
 * @store: the store whose mentions to follow
 *
 * Returns: (transfer full): the index, complete
 */
GlossUnlinkedMentions *
gloss_unlinked_mentions_new (GlossStore *store)
{
  GlossUnlinkedMentions *self = gloss_unlinked_mentions_new_deferred (store);

  gloss_unlinked_mentions_build (self, G_MAXINT64);
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

gboolean
gloss_unlinked_mentions_is_complete (GlossUnlinkedMentions *self)
{
  g_return_val_if_fail (GLOSS_IS_UNLINKED_MENTIONS (self), FALSE);

  return self->complete;
}

/**
 * gloss_unlinked_mentions_get_groups:
 *
 * Returns: (transfer none): the groups of @type_id, sorted by text (empty
 *   until the index is complete)
 */
GListModel *
gloss_unlinked_mentions_get_groups (GlossUnlinkedMentions *self,
                                    const char            *type_id)
{
  g_return_val_if_fail (GLOSS_IS_UNLINKED_MENTIONS (self), NULL);
  g_return_val_if_fail (type_id != NULL, NULL);

  return G_LIST_MODEL (bucket_of (self, type_id)->list);
}

guint
gloss_unlinked_mentions_get_n_groups (GlossUnlinkedMentions *self)
{
  GHashTableIter iter;
  gpointer bucket;
  guint n = 0;

  g_return_val_if_fail (GLOSS_IS_UNLINKED_MENTIONS (self), 0);

  g_hash_table_iter_init (&iter, self->buckets);
  while (g_hash_table_iter_next (&iter, NULL, &bucket))
    n += g_hash_table_size (((Bucket *) bucket)->by_text);
  return n;
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
