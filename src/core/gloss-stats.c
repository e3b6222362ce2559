/* gloss-stats.c: counts of documents and of their annotations by kind and
 * type, what gloss-cli stats prints and the window's statistics show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-stats.h"

struct _GlossStats
{
  guint       documents;
  guint64     characters;
  guint64     bytes;
  guint64     totals[GLOSS_N_KINDS];
  GHashTable *by_type[GLOSS_N_KINDS];  /* type id → count, as a pointer */
};

static const char * const kind_names[GLOSS_N_KINDS] = {
  [GLOSS_KIND_MENTION] = "mentions",
  [GLOSS_KIND_ENTITY] = "entities",
  [GLOSS_KIND_CLAIM] = "claims",
  [GLOSS_KIND_RELATION] = "relations",
};

GlossStats *
gloss_stats_new (void)
{
  GlossStats *self = g_new0 (GlossStats, 1);

  for (guint k = 0; k < GLOSS_N_KINDS; k++)
    self->by_type[k] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
gloss_stats_free (GlossStats *self)
{
  if (self == NULL)
    return;
  for (guint k = 0; k < GLOSS_N_KINDS; k++)
    g_hash_table_unref (self->by_type[k]);
  g_free (self);
}

static void
count (GHashTable *table,
       const char *type,
       gsize       n)
{
  gsize before = GPOINTER_TO_SIZE (g_hash_table_lookup (table, type));

  g_hash_table_insert (table, g_strdup (type), GSIZE_TO_POINTER (before + n));
}

void
gloss_stats_add_store (GlossStats *self,
                       GlossStore *store)
{
  GlossDocument *document;

  g_return_if_fail (self != NULL);
  g_return_if_fail (GLOSS_IS_STORE (store));

  document = gloss_store_get_document (store);
  self->documents++;
  self->characters += gloss_document_get_length (document);
  self->bytes += gloss_document_get_n_bytes (document);

  for (guint k = 0; k < GLOSS_N_KINDS; k++)
    {
      GListModel *list = gloss_store_get_list (store, k);
      guint n = g_list_model_get_n_items (list);

      self->totals[k] += n;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (list, i);
          const char *type = gloss_annotation_get_type_id (annotation);

          count (self->by_type[k], type != NULL ? type : "", 1);
        }
    }
}

void
gloss_stats_merge (GlossStats       *self,
                   const GlossStats *other)
{
  g_return_if_fail (self != NULL && other != NULL);

  self->documents += other->documents;
  self->characters += other->characters;
  self->bytes += other->bytes;
  for (guint k = 0; k < GLOSS_N_KINDS; k++)
    {
      GHashTableIter iter;
      gpointer key, value;

      self->totals[k] += other->totals[k];
      g_hash_table_iter_init (&iter, other->by_type[k]);
      while (g_hash_table_iter_next (&iter, &key, &value))
        count (self->by_type[k], key, GPOINTER_TO_SIZE (value));
    }
}

guint
gloss_stats_get_n_documents (const GlossStats *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->documents;
}

guint64
gloss_stats_get_characters (const GlossStats *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->characters;
}

guint64
gloss_stats_get_bytes (const GlossStats *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->bytes;
}

guint64
gloss_stats_get_total (const GlossStats    *self,
                       GlossAnnotationKind  kind)
{
  g_return_val_if_fail (self != NULL && kind < GLOSS_N_KINDS, 0);
  return self->totals[kind];
}

guint64
gloss_stats_get_count (const GlossStats    *self,
                       GlossAnnotationKind  kind,
                       const char          *type)
{
  g_return_val_if_fail (self != NULL && kind < GLOSS_N_KINDS, 0);
  return GPOINTER_TO_SIZE (g_hash_table_lookup (self->by_type[kind], type ? type : ""));
}

typedef struct
{
  GHashTable *table;
} SortData;

/* Most frequent first, then by id, so the output is stable. */
static int
compare_types (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  SortData *data = user_data;
  const char *ka = *(const char * const *) a;
  const char *kb = *(const char * const *) b;
  gsize na = GPOINTER_TO_SIZE (g_hash_table_lookup (data->table, ka));
  gsize nb = GPOINTER_TO_SIZE (g_hash_table_lookup (data->table, kb));

  if (na != nb)
    return na > nb ? -1 : 1;
  return g_strcmp0 (ka, kb);
}

GPtrArray *
gloss_stats_list_types (const GlossStats    *self,
                        GlossAnnotationKind  kind)
{
  GPtrArray *keys = g_ptr_array_new ();
  SortData data;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (self != NULL && kind < GLOSS_N_KINDS, keys);

  g_hash_table_iter_init (&iter, self->by_type[kind]);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  data.table = self->by_type[kind];
  g_ptr_array_sort_with_data (keys, compare_types, &data);
  return keys;
}

const char *
gloss_stats_kind_name (GlossAnnotationKind kind)
{
  g_return_val_if_fail (kind < GLOSS_N_KINDS, NULL);
  return kind_names[kind];
}
