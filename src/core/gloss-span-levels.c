/* gloss-span-levels.c: how deep each visible span draws
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-span-levels.h"

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const GlossSpanLevel *ia = a;
  const GlossSpanLevel *ib = b;

  if (ia->start != ib->start)
    return ia->start < ib->start ? -1 : 1;
  if (ia->end != ib->end)
    return ia->end > ib->end ? -1 : 1;   /* outer first */
  if (ia->kind != ib->kind)
    return ia->kind < ib->kind ? -1 : 1;
  return ia->role - ib->role;
}

void
gloss_span_levels_sort (GlossSpanLevel *items,
                        guint           n_items)
{
  g_return_if_fail (items != NULL || n_items == 0);

  /* GLib's sort is stable: fragments alike keep the store's order. */
  g_qsort_with_data (items, n_items, sizeof (GlossSpanLevel), compare_items, NULL);
}

void
gloss_span_levels_compute (GlossSpanLevel *items,
                           guint           n_items)
{
  g_autoptr(GArray) stack = NULL;
  g_autofree int *parent = NULL;

  g_return_if_fail (items != NULL || n_items == 0);

  if (n_items == 0)
    return;
  stack = g_array_new (FALSE, FALSE, sizeof (guint));
  parent = g_new (int, n_items);

  for (guint i = 0; i < n_items; i++)
    {
      GlossSpanLevel *item = &items[i];

      parent[i] = -1;
      if (item->kind != GLOSS_KIND_MENTION)
        continue;

      while (stack->len > 0 &&
             items[g_array_index (stack, guint, stack->len - 1)].end <= item->start)
        g_array_set_size (stack, stack->len - 1);

      for (guint j = stack->len; j > 0; j--)
        {
          guint p = g_array_index (stack, guint, j - 1);

          if (items[p].end >= item->end)
            {
              parent[i] = p;
              break;
            }
        }
      g_array_append_val (stack, i);
    }

  /* Children come after their parents: walk back to lift the parents. */
  for (guint i = n_items; i > 0; i--)
    if (parent[i - 1] >= 0)
      {
        GlossSpanLevel *p = &items[parent[i - 1]];
        p->level = MAX (p->level, items[i - 1].level + 1);
      }

  for (guint i = 0; i < n_items; i++)
    {
      GlossSpanLevel *claim = &items[i];

      if (claim->kind != GLOSS_KIND_CLAIM || claim->role != GLOSS_ROLE_CONTENT)
        continue;

      claim->level = 0;
      for (guint j = i + 1; j < n_items && items[j].start < claim->end; j++)
        if (items[j].kind == GLOSS_KIND_MENTION && items[j].end <= claim->end)
          claim->level = MAX (claim->level, items[j].level + 1);
      for (guint j = i; j > 0 && items[j - 1].start == claim->start; j--)
        if (items[j - 1].kind == GLOSS_KIND_MENTION && items[j - 1].end <= claim->end)
          claim->level = MAX (claim->level, items[j - 1].level + 1);
    }
}
