/* gloss-unlinked-group.c: the mentions of one type and one text that no
 * entity holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the sidebar shows for mentions without an entity (imports from
 * formats without coreference): one row per type and text, as the
 * coreference rule would join them. The mentions are kept in text order.
 */
#include "config.h"

#include <string.h>

#include "gloss-unlinked-group.h"

struct _GlossUnlinkedGroup
{
  GObject    parent_instance;

  char      *type_id;
  char      *text;
  char      *collate_key;   /* sorting thousands of groups by text */
  GPtrArray *mentions;      /* borrowed: the store holds them */
};

G_DEFINE_FINAL_TYPE (GlossUnlinkedGroup, gloss_unlinked_group, G_TYPE_OBJECT)

static void
gloss_unlinked_group_finalize (GObject *object)
{
  GlossUnlinkedGroup *self = GLOSS_UNLINKED_GROUP (object);

  g_free (self->type_id);
  g_free (self->text);
  g_free (self->collate_key);
  g_ptr_array_unref (self->mentions);

  G_OBJECT_CLASS (gloss_unlinked_group_parent_class)->finalize (object);
}

static void
gloss_unlinked_group_class_init (GlossUnlinkedGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_unlinked_group_finalize;
}

static void
gloss_unlinked_group_init (GlossUnlinkedGroup *self)
{
  self->mentions = g_ptr_array_new ();
}

GlossUnlinkedGroup *
gloss_unlinked_group_new (const char *type_id,
                          const char *text)
{
  GlossUnlinkedGroup *self;

  g_return_val_if_fail (type_id != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (GLOSS_TYPE_UNLINKED_GROUP, NULL);
  self->type_id = g_strdup (type_id);
  self->text = g_strdup (text);
  self->collate_key = g_utf8_collate_key (text, -1);
  return self;
}

const char *
gloss_unlinked_group_get_type_id (GlossUnlinkedGroup *self)
{
  g_return_val_if_fail (GLOSS_IS_UNLINKED_GROUP (self), NULL);

  return self->type_id;
}

const char *
gloss_unlinked_group_get_text (GlossUnlinkedGroup *self)
{
  g_return_val_if_fail (GLOSS_IS_UNLINKED_GROUP (self), NULL);

  return self->text;
}

guint
gloss_unlinked_group_get_n_mentions (GlossUnlinkedGroup *self)
{
  g_return_val_if_fail (GLOSS_IS_UNLINKED_GROUP (self), 0);

  return self->mentions->len;
}

/**
 * gloss_unlinked_group_get_mention:
 *
 * Returns: (transfer none) (nullable): the @index-th mention in text order
 */
GlossMention *
gloss_unlinked_group_get_mention (GlossUnlinkedGroup *self,
                                  guint               index)
{
  g_return_val_if_fail (GLOSS_IS_UNLINKED_GROUP (self), NULL);

  return index < self->mentions->len ? g_ptr_array_index (self->mentions, index) : NULL;
}

/* Where @mention is, or would go, in text order. */
static guint
bisect (GlossUnlinkedGroup *self,
        GlossMention       *mention)
{
  guint lo = 0, hi = self->mentions->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (gloss_annotation_compare (g_ptr_array_index (self->mentions, mid),
                                    GLOSS_ANNOTATION (mention)) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/**
 * gloss_unlinked_group_next:
 * @current: (nullable): the mention selected now
 *
 * Returns: (transfer none) (nullable): the mention after @current, so
 *   that activating the group again and again walks its mentions
 */
GlossMention *
gloss_unlinked_group_next (GlossUnlinkedGroup *self,
                           GlossMention       *current)
{
  guint i;

  g_return_val_if_fail (GLOSS_IS_UNLINKED_GROUP (self), NULL);

  if (self->mentions->len == 0)
    return NULL;
  if (current == NULL)
    return g_ptr_array_index (self->mentions, 0);
  i = bisect (self, current);
  if (i < self->mentions->len && g_ptr_array_index (self->mentions, i) == (gpointer) current)
    i++;
  else
    i = 0;
  return g_ptr_array_index (self->mentions, i % self->mentions->len);
}

int
gloss_unlinked_group_compare (gconstpointer a,
                              gconstpointer b,
                              gpointer      user_data)
{
  const GlossUnlinkedGroup *ga = a;
  const GlossUnlinkedGroup *gb = b;
  int cmp = strcmp (ga->collate_key, gb->collate_key);

  if (cmp == 0)
    cmp = strcmp (ga->text, gb->text);
  if (cmp == 0)
    cmp = strcmp (ga->type_id, gb->type_id);
  return cmp;
}

void
_gloss_unlinked_group_add (GlossUnlinkedGroup *self,
                           GlossMention       *mention)
{
  guint len = self->mentions->len;

  /* Loading adds in text order: at the end, without a search. */
  if (len == 0 || gloss_annotation_compare (g_ptr_array_index (self->mentions, len - 1),
                                            GLOSS_ANNOTATION (mention)) < 0)
    g_ptr_array_add (self->mentions, mention);
  else
    g_ptr_array_insert (self->mentions, bisect (self, mention), mention);
}

void
_gloss_unlinked_group_remove (GlossUnlinkedGroup *self,
                              GlossMention       *mention)
{
  /* Its spans may have changed since it came: look for the pointer. */
  g_ptr_array_remove (self->mentions, mention);
}
