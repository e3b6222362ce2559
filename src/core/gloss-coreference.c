/* gloss-coreference.c: which entity a new mention joins
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One rule for every command that tags (docs/decisions.md, "Which entity
 * a new mention joins"): a mention joins an entity of its type whose name
 * is its text, or one of whose mentions has its text and type; otherwise
 * it makes an entity of its own.
 */
#include "config.h"

#include <string.h>

#include "gloss-coreference.h"

/**
 * gloss_coreference_find_named:
 *
 * Returns: (transfer none) (nullable): the entity of @type_id named @text
 */
GlossEntity *
gloss_coreference_find_named (GlossStore *store,
                              const char *type_id,
                              const char *text)
{
  GListModel *entities = gloss_store_get_list (store, GLOSS_KIND_ENTITY);
  guint n = g_list_model_get_n_items (entities);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossEntity) entity = g_list_model_get_item (entities, i);

      /* The name first: it rules out nearly every entity. */
      if (g_strcmp0 (gloss_entity_get_name (entity), text) == 0 &&
          g_strcmp0 (gloss_annotation_get_type_id (GLOSS_ANNOTATION (entity)), type_id) == 0)
        return entity;
    }
  return NULL;
}

/* The entity of the first mention (in text order) with @text and @type_id,
 * other than the one at @start..@end. The text's occurrences are found in
 * the document, and the mentions at each looked up in the span index: a
 * walk over every mention took half a key press in a document of 100,000
 * of them. A mention's text is the document between its start and its
 * end, so every candidate sits at an occurrence. */
static GlossEntity *
find_by_mention (GlossStore *store,
                 const char *type_id,
                 guint       start,
                 guint       end,
                 const char *text)
{
  GlossDocument *document = gloss_store_get_document (store);
  const char *haystack = gloss_document_get_text (document);
  guint length = end - start;
  const char *p = haystack;

  /* The document holds no NUL. An occurrence always starts at a
   * character: a UTF-8 text begins with a lead byte, which no
   * continuation byte equals. */
  while ((p = strstr (p, text)) != NULL)
    {
      guint s = gloss_document_byte_to_cp (document, p - haystack);
      g_autoptr(GArray) hits = NULL;
      GlossAnnotation *first = NULL;

      p++;
      if (s == start)
        continue;
      hits = gloss_store_query_range (store, s, s + length, GLOSS_KIND_MASK (GLOSS_KIND_MENTION));
      for (guint i = 0; i < hits->len; i++)
        {
          GlossAnnotation *mention = g_array_index (hits, GlossSpanHit, i).annotation;
          GlossEntity *entity = gloss_mention_get_entity (GLOSS_MENTION (mention));

          if (entity != NULL &&
              gloss_annotation_get_start (mention) == s &&
              gloss_annotation_get_end (mention) == s + length &&
              g_strcmp0 (gloss_annotation_get_type_id (mention), type_id) == 0 &&
              g_strcmp0 (gloss_annotation_get_type_id (GLOSS_ANNOTATION (entity)), type_id) == 0 &&
              (first == NULL || gloss_annotation_compare (mention, first) < 0))
            first = mention;
        }
      /* The first in the list's order (start, end, id) at the first place. */
      if (first != NULL)
        return gloss_mention_get_entity (GLOSS_MENTION (first));
    }
  return NULL;
}

/**
 * gloss_coreference_find:
 * @store: the store
 * @type_id: the entity type of the new mention
 * @start: where the new mention starts (code points)
 * @end: where it ends
 *
 * The entity a new mention of @type_id at @start..@end joins: one of that
 * type named as its text, else the entity of the first mention (in text
 * order) with the same text and type. "Cook" joins "Peter Cook" once a
 * mention "Cook" links to it; a second "Syria" joins Syria.
 *
 * Returns: (transfer none) (nullable): the entity, or %NULL for a new one
 */
GlossEntity *
gloss_coreference_find (GlossStore *store,
                        const char *type_id,
                        guint       start,
                        guint       end)
{
  g_autofree char *text = NULL;
  GlossEntity *entity;

  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);
  g_return_val_if_fail (type_id != NULL, NULL);
  g_return_val_if_fail (start < end, NULL);

  text = gloss_document_dup_slice (gloss_store_get_document (store), start, end);
  entity = gloss_coreference_find_named (store, type_id, text);
  if (entity == NULL)
    entity = find_by_mention (store, type_id, start, end, text);
  return entity;
}
