/* gloss-annotation-list.c: one collection of a store, as a GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Mentions and claims are listed in text order straight from the span
 * index (positions in O(log n)); entities and relations, which have no
 * spans of their own, sit in an array sorted by id.
 */
#include "config.h"

#include "gloss-annotation-list.h"
#include "gloss-span-index.h"

struct _GlossAnnotationList
{
  GObject         parent_instance;

  GType           item_type;
  GlossSpanIndex *index;   /* not owned; NULL for sorted lists */
  GPtrArray      *items;   /* sorted lists */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GlossAnnotationList, gloss_annotation_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return GLOSS_ANNOTATION_LIST (model)->item_type;
}

static guint
get_n_items (GListModel *model)
{
  GlossAnnotationList *self = GLOSS_ANNOTATION_LIST (model);

  if (self->index != NULL)
    return _gloss_span_index_get_n_primary (self->index);
  return self->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  GlossAnnotationList *self = GLOSS_ANNOTATION_LIST (model);
  GlossAnnotation *annotation;

  if (self->index != NULL)
    annotation = _gloss_span_index_nth (self->index, position);
  else
    annotation = position < self->items->len ? g_ptr_array_index (self->items, position) : NULL;

  return annotation ? g_object_ref (annotation) : NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
gloss_annotation_list_finalize (GObject *object)
{
  GlossAnnotationList *self = GLOSS_ANNOTATION_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  G_OBJECT_CLASS (gloss_annotation_list_parent_class)->finalize (object);
}

static void
gloss_annotation_list_class_init (GlossAnnotationListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_annotation_list_finalize;
}

static void
gloss_annotation_list_init (GlossAnnotationList *self)
{
}

GlossAnnotationList *
_gloss_annotation_list_new_indexed (GType           item_type,
                                    GlossSpanIndex *index)
{
  GlossAnnotationList *self = g_object_new (GLOSS_TYPE_ANNOTATION_LIST, NULL);

  self->item_type = item_type;
  self->index = index;
  return self;
}

GlossAnnotationList *
_gloss_annotation_list_new_sorted (GType item_type)
{
  GlossAnnotationList *self = g_object_new (GLOSS_TYPE_ANNOTATION_LIST, NULL);

  self->item_type = item_type;
  self->items = g_ptr_array_new ();
  return self;
}

/* First position whose item does not sort before @annotation. */
static guint
lower_bound (GlossAnnotationList *self,
             GlossAnnotation     *annotation)
{
  guint lo = 0, hi = self->items->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (gloss_annotation_compare (g_ptr_array_index (self->items, mid), annotation) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

guint
_gloss_annotation_list_position (GlossAnnotationList *self,
                                 GlossAnnotation     *annotation)
{
  guint position;

  if (self->index != NULL)
    return _gloss_span_index_position (self->index, annotation);

  position = lower_bound (self, annotation);
  if (position < self->items->len && g_ptr_array_index (self->items, position) == annotation)
    return position;
  return G_MAXUINT;
}

guint
_gloss_annotation_list_insert (GlossAnnotationList *self,
                               GlossAnnotation     *annotation)
{
  guint position;

  g_return_val_if_fail (self->items != NULL, G_MAXUINT);

  position = lower_bound (self, annotation);
  g_ptr_array_insert (self->items, position, annotation);
  return position;
}

guint
_gloss_annotation_list_remove (GlossAnnotationList *self,
                               GlossAnnotation     *annotation)
{
  guint position;

  g_return_val_if_fail (self->items != NULL, G_MAXUINT);

  position = _gloss_annotation_list_position (self, annotation);
  g_return_val_if_fail (position != G_MAXUINT, G_MAXUINT);
  g_ptr_array_remove_index (self->items, position);
  return position;
}

void
_gloss_annotation_list_emit (GlossAnnotationList *self,
                             guint                position,
                             guint                removed,
                             guint                added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

void
_gloss_annotation_list_append_unsorted (GlossAnnotationList *self,
                                        GlossAnnotation     *annotation)
{
  g_return_if_fail (self->items != NULL);
  g_ptr_array_add (self->items, annotation);
}

static int
compare_ptrs (gconstpointer a,
              gconstpointer b)
{
  return gloss_annotation_compare (*(GlossAnnotation **)a, *(GlossAnnotation **)b);
}

void
_gloss_annotation_list_sort (GlossAnnotationList *self)
{
  g_return_if_fail (self->items != NULL);
  g_ptr_array_sort (self->items, compare_ptrs);
}
