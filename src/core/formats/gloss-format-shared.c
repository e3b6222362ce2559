/* gloss-format-shared.c: what the dataset formats share beyond the JSON
 * helpers of gloss-format.c (declared in gloss-format-private.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-format-private.h"

/* The entity of @mention, made (named after its text, id "eN") and
 * appended to @entities when it has none: formats whose relations link
 * mentions give each related mention an entity of its own. */
GlossEntity *
_gloss_format_entity_for_mention (GlossDocument *document,
                                  GlossMention  *mention,
                                  GPtrArray     *entities)
{
  GlossEntity *entity = gloss_mention_get_entity (mention);
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;

  if (entity != NULL)
    return entity;

  name = gloss_document_dup_slice (document, gloss_annotation_get_start (GLOSS_ANNOTATION (mention)),
                                   gloss_annotation_get_end (GLOSS_ANNOTATION (mention)));
  entity = gloss_entity_new (gloss_annotation_get_type_id (GLOSS_ANNOTATION (mention)), name);
  id = g_strdup_printf ("e%u", entities->len + 1);
  gloss_annotation_set_id (GLOSS_ANNOTATION (entity), id);
  gloss_mention_set_entity (mention, entity);
  g_ptr_array_add (entities, entity);

  return entity;
}

/* The first mention of @entity in text order, or NULL. */
GlossAnnotation *
_gloss_format_first_mention (GlossStore  *store,
                             GlossEntity *entity)
{
  g_autoptr(GPtrArray) mentions = entity ? gloss_store_get_mentions_of (store, entity) : NULL;
  GlossAnnotation *first = NULL;

  for (guint i = 0; mentions != NULL && i < mentions->len; i++)
    if (first == NULL || gloss_annotation_compare (g_ptr_array_index (mentions, i), first) < 0)
      first = g_ptr_array_index (mentions, i);

  return first;
}

static gboolean
is_one_of (const char        *name,
           const char *const *names,
           gsize              n)
{
  for (gsize i = 0; i < n; i++)
    if (strcmp (name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The members of @object not named in @known, or NULL when there are none. */
JsonObject *
_gloss_format_other_members (JsonObject        *object,
                             const char *const *known,
                             gsize              n_known)
{
  g_autoptr(GList) members = json_object_get_members (object);
  JsonObject *other = NULL;

  for (GList *l = members; l != NULL; l = l->next)
    {
      if (is_one_of (l->data, known, n_known))
        continue;
      if (other == NULL)
        other = json_object_new ();
      json_object_set_member (other, l->data, json_node_copy (json_object_get_member (object, l->data)));
    }

  return other;
}

/* Writes the members of @members (may be NULL) not named in @known. */
void
_gloss_format_add_other_members (JsonBuilder       *builder,
                                 JsonObject        *members,
                                 const char *const *known,
                                 gsize              n_known)
{
  g_autoptr(GList) names = members ? json_object_get_members (members) : NULL;

  for (GList *l = names; l != NULL; l = l->next)
    if (!is_one_of (l->data, known, n_known))
      {
        json_builder_set_member_name (builder, l->data);
        json_builder_add_value (builder, json_node_copy (json_object_get_member (members, l->data)));
      }
}
