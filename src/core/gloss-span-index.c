/* gloss-span-index.c: an interval tree over annotation fragments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-annotation-private.h"
#include "gloss-span-index.h"

#include <string.h>

typedef struct _Node Node;

struct _Node
{
  Node            *left;
  Node            *right;
  GlossAnnotation *annotation;
  guint            start;
  guint            end;
  guint            max_end;
  guint            count;      /* primary fragments in this subtree */
  guint8           height;
  guint8           role;
  guint16          fragment;
};

/* Nodes come from blocks, so that each costs its 40 bytes and no more. */
#define BLOCK_NODES 1024

/* Fewer nodes added than this go in one by one (see settle ()). */
#define SETTLE_BY_INSERTING 64

struct _GlossSpanIndex
{
  Node      *root;
  guint      n_nodes;      /* in the tree */
  Node      *free_nodes;   /* linked through left */
  GPtrArray *blocks;
  GPtrArray *pending;      /* nodes added, not yet in the tree */
};

static Node *
node_alloc (GlossSpanIndex *self)
{
  Node *node;

  if (self->free_nodes == NULL)
    {
      Node *block = g_new (Node, BLOCK_NODES);

      g_ptr_array_add (self->blocks, block);
      for (guint i = 0; i < BLOCK_NODES; i++)
        {
          block[i].left = self->free_nodes;
          self->free_nodes = &block[i];
        }
    }

  node = self->free_nodes;
  self->free_nodes = node->left;
  memset (node, 0, sizeof *node);
  return node;
}

static void
node_free (GlossSpanIndex *self,
           Node           *node)
{
  node->left = self->free_nodes;
  self->free_nodes = node;
}

typedef struct
{
  guint            start;
  guint            end;
  GlossAnnotation *annotation;
  guint8           role;
  guint16          fragment;
} Key;

static inline gboolean
is_primary (const Node *node)
{
  return node->role == GLOSS_ROLE_CONTENT && node->fragment == 0;
}

static int
compare_key (const Key  *key,
             const Node *node)
{
  int c;

  if (key->start != node->start)
    return key->start < node->start ? -1 : 1;
  if (key->end != node->end)
    return key->end < node->end ? -1 : 1;
  if (key->annotation != node->annotation)
    {
      c = gloss_annotation_compare (key->annotation, node->annotation);
      if (c != 0)
        return c;
      return key->annotation < node->annotation ? -1 : 1;
    }
  if (key->role != node->role)
    return key->role < node->role ? -1 : 1;
  if (key->fragment != node->fragment)
    return key->fragment < node->fragment ? -1 : 1;
  return 0;
}

static inline guint
height (const Node *n)
{
  return n ? n->height : 0;
}

static inline guint
count (const Node *n)
{
  return n ? n->count : 0;
}

static void
update (Node *n)
{
  guint hl = height (n->left), hr = height (n->right);

  n->height = 1 + MAX (hl, hr);
  n->count = count (n->left) + count (n->right) + (is_primary (n) ? 1 : 0);
  n->max_end = n->end;
  if (n->left && n->left->max_end > n->max_end)
    n->max_end = n->left->max_end;
  if (n->right && n->right->max_end > n->max_end)
    n->max_end = n->right->max_end;
}

static Node *
rotate_right (Node *n)
{
  Node *l = n->left;

  n->left = l->right;
  l->right = n;
  update (n);
  update (l);
  return l;
}

static Node *
rotate_left (Node *n)
{
  Node *r = n->right;

  n->right = r->left;
  r->left = n;
  update (n);
  update (r);
  return r;
}

static Node *
balance (Node *n)
{
  int bf;

  update (n);
  bf = (int)height (n->left) - (int)height (n->right);
  if (bf > 1)
    {
      if (height (n->left->left) < height (n->left->right))
        n->left = rotate_left (n->left);
      return rotate_right (n);
    }
  if (bf < -1)
    {
      if (height (n->right->right) < height (n->right->left))
        n->right = rotate_right (n->right);
      return rotate_left (n);
    }
  return n;
}

static Node *
insert (Node *n,
        Node *node,
        Key  *key)
{
  int c;

  if (n == NULL)
    return node;

  c = compare_key (key, n);
  g_assert (c != 0);
  if (c < 0)
    n->left = insert (n->left, node, key);
  else
    n->right = insert (n->right, node, key);
  return balance (n);
}

static Node *
remove_min (Node  *n,
            Node **min)
{
  if (n->left == NULL)
    {
      *min = n;
      return n->right;
    }
  n->left = remove_min (n->left, min);
  return balance (n);
}

static Node *
delete (Node *n,
        Key  *key,
        Node **removed)
{
  int c;

  if (n == NULL)
    return NULL;

  c = compare_key (key, n);
  if (c < 0)
    n->left = delete (n->left, key, removed);
  else if (c > 0)
    n->right = delete (n->right, key, removed);
  else
    {
      Node *l = n->left, *r = n->right, *min = NULL;

      *removed = n;
      if (r == NULL)
        return l;
      r = remove_min (r, &min);
      min->left = l;
      min->right = r;
      return balance (min);
    }
  return balance (n);
}

static Node *
build (Node **nodes,
       guint  n)
{
  guint mid = n / 2;
  Node *node;

  if (n == 0)
    return NULL;
  node = nodes[mid];
  node->left = build (nodes, mid);
  node->right = build (nodes + mid + 1, n - mid - 1);
  update (node);   /* the halves differ by one node at most: balanced */
  return node;
}

static void
collect (Node      *n,
         GPtrArray *nodes)
{
  while (n != NULL)
    {
      collect (n->left, nodes);
      g_ptr_array_add (nodes, n);
      n = n->right;
    }
}

static Key
key_of (const Node *node)
{
  return (Key) { node->start, node->end, node->annotation, node->role, node->fragment };
}

static int
compare_nodes (gconstpointer a,
               gconstpointer b)
{
  Key key = key_of (*(Node * const *) a);

  return compare_key (&key, *(Node * const *) b);
}

/* Adding puts the nodes aside; the first look at the tree puts them in:
 * a few one by one, more (a file read, 100,000 mentions) by building the
 * tree again from all its nodes in order, which costs a sort instead of a
 * search and rebalancing for each. */
static void
settle (GlossSpanIndex *self)
{
  GPtrArray *pending = self->pending;
  g_autoptr(GPtrArray) tree = NULL;
  g_autoptr(GPtrArray) all = NULL;
  guint i = 0, j = 0;

  if (pending->len == 0)
    return;
  if (pending->len < SETTLE_BY_INSERTING)
    {
      for (guint k = 0; k < pending->len; k++)
        {
          Node *node = g_ptr_array_index (pending, k);
          Key key = key_of (node);

          update (node);
          self->root = insert (self->root, node, &key);
        }
      self->n_nodes += pending->len;
      g_ptr_array_set_size (pending, 0);
      return;
    }

  g_ptr_array_sort (pending, compare_nodes);
  tree = g_ptr_array_sized_new (self->n_nodes);
  collect (self->root, tree);
  all = g_ptr_array_sized_new (tree->len + pending->len);
  while (i < tree->len || j < pending->len)
    if (j == pending->len ||
        (i < tree->len && compare_nodes (&tree->pdata[i], &pending->pdata[j]) < 0))
      g_ptr_array_add (all, tree->pdata[i++]);
    else
      g_ptr_array_add (all, pending->pdata[j++]);
  self->root = build ((Node **) all->pdata, all->len);
  self->n_nodes = all->len;
  /* The array of a whole file's nodes is not kept. */
  g_ptr_array_unref (self->pending);
  self->pending = g_ptr_array_new ();
}

GlossSpanIndex *
_gloss_span_index_new (void)
{
  GlossSpanIndex *self = g_new0 (GlossSpanIndex, 1);

  self->blocks = g_ptr_array_new_with_free_func (g_free);
  self->pending = g_ptr_array_new ();
  return self;
}

void
_gloss_span_index_free (GlossSpanIndex *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->blocks);
  g_ptr_array_unref (self->pending);
  g_free (self);
}

void
_gloss_span_index_settle (GlossSpanIndex *self)
{
  settle (self);
}

static void
add_role (GlossSpanIndex  *self,
          GlossAnnotation *annotation,
          GlossSpanRole    role)
{
  const GlossSpan *spans;
  guint n;

  spans = _gloss_annotation_peek_spans (annotation, role, &n);
  for (guint i = 0; i < n; i++)
    {
      Node *node = node_alloc (self);

      node->annotation = annotation;
      node->start = spans[i].start;
      node->end = spans[i].end;
      node->role = role;
      node->fragment = i;
      g_ptr_array_add (self->pending, node);
    }
}

static void
remove_role (GlossSpanIndex  *self,
             GlossAnnotation *annotation,
             GlossSpanRole    role)
{
  const GlossSpan *spans;
  guint n;

  spans = _gloss_annotation_peek_spans (annotation, role, &n);
  for (guint i = 0; i < n; i++)
    {
      Key key = { spans[i].start, spans[i].end, annotation, role, i };
      Node *removed = NULL;

      self->root = delete (self->root, &key, &removed);
      g_assert (removed != NULL);
      node_free (self, removed);
      self->n_nodes--;
    }
}

void
_gloss_span_index_add (GlossSpanIndex  *self,
                       GlossAnnotation *annotation)
{
  add_role (self, annotation, GLOSS_ROLE_CONTENT);
  add_role (self, annotation, GLOSS_ROLE_CUE);
  add_role (self, annotation, GLOSS_ROLE_EVIDENCE);
}

/* @annotation must have the spans it had when added. */
void
_gloss_span_index_remove (GlossSpanIndex  *self,
                          GlossAnnotation *annotation)
{
  settle (self);
  remove_role (self, annotation, GLOSS_ROLE_CONTENT);
  remove_role (self, annotation, GLOSS_ROLE_CUE);
  remove_role (self, annotation, GLOSS_ROLE_EVIDENCE);
}

guint
_gloss_span_index_get_n_primary (GlossSpanIndex *self)
{
  settle (self);
  return count (self->root);
}

guint
_gloss_span_index_position (GlossSpanIndex  *self,
                            GlossAnnotation *annotation)
{
  const GlossSpan *spans;
  guint n, position = 0;
  Node *node;
  Key key;

  settle (self);
  node = self->root;
  spans = _gloss_annotation_peek_spans (annotation, GLOSS_ROLE_CONTENT, &n);
  if (n == 0)
    return G_MAXUINT;

  key = (Key) { spans[0].start, spans[0].end, annotation, GLOSS_ROLE_CONTENT, 0 };
  while (node != NULL)
    {
      int c = compare_key (&key, node);

      if (c == 0)
        return position + count (node->left);
      if (c < 0)
        node = node->left;
      else
        {
          position += count (node->left) + (is_primary (node) ? 1 : 0);
          node = node->right;
        }
    }

  return G_MAXUINT;
}

GlossAnnotation *
_gloss_span_index_nth (GlossSpanIndex *self,
                       guint           position)
{
  Node *node;

  settle (self);
  node = self->root;

  while (node != NULL)
    {
      guint left = count (node->left);

      if (position < left)
        node = node->left;
      else
        {
          position -= left;
          if (is_primary (node))
            {
              if (position == 0)
                return node->annotation;
              position--;
            }
          node = node->right;
        }
    }

  return NULL;
}

static void
query (Node   *n,
       guint   start,
       guint   end,
       GArray *hits)
{
  while (n != NULL && n->max_end > start)
    {
      query (n->left, start, end, hits);
      if (n->start >= end)
        return;
      if (n->end > start)
        {
          GlossSpanHit hit = { n->annotation, n->start, n->end, n->fragment, n->role };

          g_array_append_val (hits, hit);
        }
      n = n->right;
    }
}

void
_gloss_span_index_query (GlossSpanIndex *self,
                         guint           start,
                         guint           end,
                         GArray         *hits)
{
  settle (self);
  query (self->root, start, end, hits);
}

static void
foreach (Node     *n,
         GFunc     func,
         gpointer  user_data)
{
  while (n != NULL)
    {
      foreach (n->left, func, user_data);
      if (is_primary (n))
        func (n->annotation, user_data);
      n = n->right;
    }
}

void
_gloss_span_index_foreach (GlossSpanIndex *self,
                           GFunc           func,
                           gpointer        user_data)
{
  settle (self);
  foreach (self->root, func, user_data);
}
