/* gloss-edits-entities.c: the undoable edits of mentions and entities:
 * tagging, retyping, linking, renaming, merging
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "gloss-coreference.h"
#include "gloss-edits-private.h"
#include "gloss-error.h"

/* The entity of @type_id named @name, else the one the rule of
 * coreference gives [start, end) (docs/decisions.md), else a new one
 * named @new_name. */
static GlossEntity *
ensure_entity (GlossStore  *store,
               const char  *type_id,
               const char  *name,
               guint        start,
               guint        end,
               const char  *new_name,
               GError     **error)
{
  GlossEntity *found = name != NULL ? gloss_coreference_find_named (store, type_id, name) : NULL;
  g_autoptr(GlossEntity) entity = NULL;

  if (found == NULL)
    found = gloss_coreference_find (store, type_id, start, end);
  if (found != NULL)
    return g_object_ref (found);
  entity = gloss_entity_new (type_id, new_name);
  if (!gloss_store_add (store, GLOSS_ANNOTATION (entity), error))
    return NULL;
  return g_steal_pointer (&entity);
}

/**
 * gloss_edit_find_mention:
 * @type_id: (nullable): the type, or %NULL for any
 *
 * Returns: (transfer none) (nullable): a mention whose text is exactly
 *   [@start, @end)
 */
GlossMention *
gloss_edit_find_mention (GlossStore *store,
                         guint       start,
                         guint       end,
                         const char *type_id)
{
  g_autoptr(GArray) hits = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);

  hits = gloss_store_query_range (store, start, end, GLOSS_KIND_MASK (GLOSS_KIND_MENTION));
  for (guint i = 0; hits != NULL && i < hits->len; i++)
    {
      GlossSpanHit *hit = &g_array_index (hits, GlossSpanHit, i);
      GlossAnnotation *annotation = hit->annotation;

      if (gloss_annotation_get_start (annotation) == start &&
          gloss_annotation_get_end (annotation) == end &&
          (type_id == NULL || g_strcmp0 (gloss_annotation_get_type_id (annotation), type_id) == 0))
        return GLOSS_MENTION (annotation);
    }
  return NULL;
}

/* "Putin" inside a tagged "Vladimir Putin" counts as tagged already. */
static gboolean
covered_by_type (GlossStore *store,
                 guint       start,
                 guint       end,
                 const char *type_id)
{
  g_autoptr(GArray) hits = gloss_store_query_range (store, start, end,
                                                    GLOSS_KIND_MASK (GLOSS_KIND_MENTION));

  for (guint i = 0; hits != NULL && i < hits->len; i++)
    {
      GlossSpanHit *hit = &g_array_index (hits, GlossSpanHit, i);

      if (hit->start <= start && hit->end >= end &&
          g_strcmp0 (gloss_annotation_get_type_id (hit->annotation), type_id) == 0)
        return TRUE;
    }
  return FALSE;
}
/* A mention of [start, end) linked to @entity, or to the entity of its
 * type and text (a new one if none). Transfer none: the store holds it. */
static GlossMention *
add_mention (GlossStore   *store,
             const char   *type_id,
             guint         start,
             guint         end,
             GlossEntity  *entity,
             GError      **error)
{
  GlossSpan span = { start, end };
  g_autoptr(GlossMention) mention = gloss_mention_new (type_id, &span, 1);
  g_autoptr(GlossEntity) found = NULL;

  if (entity == NULL)
    {
      g_autofree char *name = gloss_document_dup_slice (gloss_store_get_document (store), start, end);

      found = ensure_entity (store, type_id, NULL, start, end, name, error);
      if (found == NULL)
        return NULL;
      entity = found;
    }
  gloss_mention_set_entity (mention, entity);
  if (!gloss_store_add (store, GLOSS_ANNOTATION (mention), error))
    return NULL;
  return mention;
}

static const char *
entity_type_name (GlossStore *store,
                  const char *type_id)
{
  GlossLabel *type = gloss_schema_lookup (gloss_store_get_schema (store), GLOSS_LABEL_ENTITY, type_id);

  return type != NULL ? gloss_label_shown_name (type) : type_id;
}

/**
 * gloss_edit_tag:
 * @type_id: an entity type
 *
 * Tags [@start, @end) as a mention of @type_id, linked to the entity of
 * that type and name (a new one if there is none), as one step. A
 * mention of @type_id with exactly that text is returned as it is.
 *
 * Returns: (transfer none) (nullable): the mention
 */
GlossMention *
gloss_edit_tag (GlossStore  *store,
                const char  *type_id,
                guint        start,
                guint        end,
                GError     **error)
{
  g_autofree char *text = NULL;
  GlossMention *mention;

  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);
  g_return_val_if_fail (type_id != NULL, NULL);

  if (start >= end || end > gloss_document_get_length (gloss_store_get_document (store)))
    {
      g_set_error_literal (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_SPAN,
                           _("Select some text to tag first"));
      return NULL;
    }
  mention = gloss_edit_find_mention (store, start, end, type_id);
  if (mention != NULL)
    return mention;

  text = gloss_edit_short_text (gloss_store_get_document (store), start, end);
  /* Translators: an undoable step: “Vladimir Putin” as Person */
  _gloss_edit_begin (store, _("Tag “%s” as %s"), text, entity_type_name (store, type_id));
  mention = add_mention (store, type_id, start, end, NULL, error);
  gloss_store_end_group (store);
  return mention;
}

/**
 * gloss_edit_retype:
 *
 * Gives @mention the type @type_id, as one step: it links to the entity of
 * that type with its entity's name (a new one if there is none), and its
 * old entity goes if nothing else refers to it.
 */
gboolean
gloss_edit_retype (GlossStore    *store,
                   GlossMention  *mention,
                   const char    *type_id,
                   GError       **error)
{
  g_autoptr(GlossAnnotation) draft = NULL;
  g_autoptr(GlossEntity) old_entity = NULL;
  g_autoptr(GlossEntity) entity = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  GlossAnnotation *annotation = GLOSS_ANNOTATION (mention);
  GlossDocument *document;
  guint start, end;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (GLOSS_IS_MENTION (mention), FALSE);
  g_return_val_if_fail (type_id != NULL, FALSE);

  if (!_gloss_edit_check_in_store (store, annotation, error))
    return FALSE;
  if (g_strcmp0 (gloss_annotation_get_type_id (annotation), type_id) == 0)
    return TRUE;

  document = gloss_store_get_document (store);
  start = gloss_annotation_get_start (annotation);
  end = gloss_annotation_get_end (annotation);
  if (gloss_mention_get_entity (mention) != NULL)
    old_entity = g_object_ref (gloss_mention_get_entity (mention));
  name = old_entity != NULL ? g_strdup (gloss_entity_get_name (old_entity))
                            : gloss_document_dup_slice (document, start, end);
  text = gloss_edit_short_text (document, start, end);

  _gloss_edit_begin (store, _("Tag “%s” as %s"), text, entity_type_name (store, type_id));
  draft = gloss_annotation_copy (annotation);
  gloss_annotation_set_type_id (draft, type_id);
  entity = ensure_entity (store, type_id, name, start, end, name, error);
  ok = entity != NULL;
  if (ok)
    {
      gloss_mention_set_entity (GLOSS_MENTION (draft), entity);
      ok = gloss_store_replace (store, annotation, draft, error);
    }
  if (ok)
    _gloss_edit_remove_if_orphan (store, old_entity);
  gloss_store_end_group (store);
  return ok;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || c == '_';
}

/**
 * gloss_edit_tag_all:
 * @n_added: (out) (optional): how many mentions were added
 *
 * Tags every whole-word occurrence of @mention's text that no mention
 * covers exactly, and no mention of its type covers, with its type and
 * entity, as one step.
 */
gboolean
gloss_edit_tag_all (GlossStore    *store,
                    GlossMention  *mention,
                    guint         *n_added,
                    GError       **error)
{
  g_autofree char *needle = NULL;
  g_autofree char *text = NULL;
  GlossAnnotation *annotation = GLOSS_ANNOTATION (mention);
  GlossDocument *document;
  GlossEntity *entity;
  const char *haystack, *p;
  const char *type_id;
  gsize needle_len;
  guint added = 0;
  guint start, end;
  gboolean ok = TRUE;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (GLOSS_IS_MENTION (mention), FALSE);

  if (n_added != NULL)
    *n_added = 0;
  if (!_gloss_edit_check_in_store (store, annotation, error))
    return FALSE;

  document = gloss_store_get_document (store);
  start = gloss_annotation_get_start (annotation);
  end = gloss_annotation_get_end (annotation);
  type_id = gloss_annotation_get_type_id (annotation);
  entity = gloss_mention_get_entity (mention);
  needle = gloss_document_dup_slice (document, start, end);
  needle_len = strlen (needle);
  haystack = gloss_document_get_text (document);
  if (needle_len == 0)
    return TRUE;

  text = gloss_edit_short_text (document, start, end);
  /* Translators: an undoable step: Tag All “Kim” */
  _gloss_edit_begin (store, _("Tag All “%s”"), text);
  for (p = strstr (haystack, needle); p != NULL && ok; p = strstr (p + 1, needle))
    {
      guint s = gloss_document_byte_to_cp (document, p - haystack);
      guint e = s + (end - start);
      const char *after = p + needle_len;

      if (p > haystack && is_word_char (g_utf8_get_char (g_utf8_prev_char (p))))
        continue;
      if (*after != '\0' && is_word_char (g_utf8_get_char (after)))
        continue;
      if (gloss_edit_find_mention (store, s, e, NULL) != NULL || covered_by_type (store, s, e, type_id))
        continue;
      ok = add_mention (store, type_id, s, e, entity, error) != NULL;
      if (ok)
        added++;
    }
  gloss_store_end_group (store);

  if (n_added != NULL)
    *n_added = added;
  return ok;
}

/**
 * gloss_edit_link_entity:
 * @entity: (nullable): the entity, or %NULL to unlink
 *
 * Links @mention to @entity, as one step; its old entity goes if nothing
 * else refers to it.
 */
gboolean
gloss_edit_link_entity (GlossStore    *store,
                        GlossMention  *mention,
                        GlossEntity   *entity,
                        GError       **error)
{
  g_autoptr(GlossAnnotation) draft = NULL;
  g_autoptr(GlossEntity) old = NULL;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (GLOSS_IS_MENTION (mention), FALSE);
  g_return_val_if_fail (entity == NULL || GLOSS_IS_ENTITY (entity), FALSE);

  if (!_gloss_edit_check_in_store (store, GLOSS_ANNOTATION (mention), error))
    return FALSE;
  if (gloss_mention_get_entity (mention) == entity)
    return TRUE;
  if (gloss_mention_get_entity (mention) != NULL)
    old = g_object_ref (gloss_mention_get_entity (mention));

  draft = gloss_annotation_copy (GLOSS_ANNOTATION (mention));
  gloss_mention_set_entity (GLOSS_MENTION (draft), entity);
  /* Translators: an undoable step: Link to “Kim Jong Un” */
  _gloss_edit_begin (store, _("Link to “%s”"), entity ? gloss_entity_get_name (entity) : "");
  ok = gloss_store_replace (store, GLOSS_ANNOTATION (mention), draft, error);
  if (ok)
    _gloss_edit_remove_if_orphan (store, old);
  gloss_store_end_group (store);
  return ok;
}

/**
 * gloss_edit_link_new_entity:
 * @entity: an entity that is not in @store, such as a project registry's
 *
 * Adds a copy of @entity and links @mention to it, as one undoable step
 * (its old entity goes if no mention is left to it).
 */
gboolean
gloss_edit_link_new_entity (GlossStore    *store,
                            GlossMention  *mention,
                            GlossEntity   *entity,
                            GError       **error)
{
  g_autoptr(GlossAnnotation) copy = NULL;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (GLOSS_IS_MENTION (mention), FALSE);
  g_return_val_if_fail (GLOSS_IS_ENTITY (entity), FALSE);

  if (!_gloss_edit_check_in_store (store, GLOSS_ANNOTATION (mention), error))
    return FALSE;
  copy = gloss_annotation_copy (GLOSS_ANNOTATION (entity));
  /* Translators: an undoable step: Link to “Kim Jong Un” */
  _gloss_edit_begin (store, _("Link to “%s”"), gloss_entity_get_name (entity));
  ok = gloss_store_add (store, copy, error) &&
       gloss_edit_link_entity (store, mention, GLOSS_ENTITY (copy), error);
  gloss_store_end_group (store);
  return ok;
}

gboolean
gloss_edit_rename_entity (GlossStore   *store,
                          GlossEntity  *entity,
                          const char   *name,
                          GError      **error)
{
  g_autoptr(GlossAnnotation) draft = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (GLOSS_IS_ENTITY (entity), FALSE);
  g_return_val_if_fail (name != NULL && *name != '\0', FALSE);

  if (!_gloss_edit_check_in_store (store, GLOSS_ANNOTATION (entity), error))
    return FALSE;
  draft = gloss_annotation_copy (GLOSS_ANNOTATION (entity));
  gloss_entity_set_name (GLOSS_ENTITY (draft), name);
  /* Translators: an undoable step: Rename “Kim” to “Kim Jong Un” */
  label = g_strdup_printf (_("Rename “%s” to “%s”"), gloss_entity_get_name (entity), name);
  return _gloss_edit_replace (store, GLOSS_ANNOTATION (entity), draft, label, error);
}

/* @kb: NULL or "" clears it. */
gboolean
gloss_edit_set_kb (GlossStore   *store,
                   GlossEntity  *entity,
                   const char   *kb,
                   GError      **error)
{
  g_autoptr(GlossAnnotation) draft = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (GLOSS_IS_ENTITY (entity), FALSE);

  if (!_gloss_edit_check_in_store (store, GLOSS_ANNOTATION (entity), error))
    return FALSE;
  if (kb != NULL && *kb == '\0')
    kb = NULL;
  if (kb != NULL && !gloss_entity_check_kb (kb, error))
    return FALSE;
  draft = gloss_annotation_copy (GLOSS_ANNOTATION (entity));
  gloss_entity_set_kb (GLOSS_ENTITY (draft), kb);
  return _gloss_edit_replace (store, GLOSS_ANNOTATION (entity), draft, _("Set Knowledge Base ID"), error);
}

/**
 * gloss_edit_merge_entities:
 *
 * Everything that refers to @other refers to @entity instead, and @other
 * goes, as one step.
 */
gboolean
gloss_edit_merge_entities (GlossStore   *store,
                           GlossEntity  *entity,
                           GlossEntity  *other,
                           GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (GLOSS_IS_ENTITY (entity), FALSE);
  g_return_val_if_fail (GLOSS_IS_ENTITY (other), FALSE);
  g_return_val_if_fail (entity != other, FALSE);

  /* Translators: an undoable step: Merge “Kim” into “Kim Jong Un” */
  _gloss_edit_begin (store, _("Merge “%s” into “%s”"), gloss_entity_get_name (other),
                     gloss_entity_get_name (entity));
  ok = gloss_store_merge_entities (store, entity, other, error);
  gloss_store_end_group (store);
  return ok;
}

typedef struct
{
  GlossStore *store;
  GHashTable *by_text;     /* "type\ntext" → entity of the first linked mention */
  GPtrArray  *unlinked;    /* the mentions without an entity, in text order */
} LinkWalk;

static char *
mention_key (GlossStore      *store,
             GlossAnnotation *mention)
{
  g_autofree char *text = gloss_document_dup_slice (gloss_store_get_document (store),
                                                    gloss_annotation_get_start (mention),
                                                    gloss_annotation_get_end (mention));

  return g_strconcat (gloss_annotation_get_type_id (mention), "\n", text, NULL);
}

static void
walk_mention (gpointer data,
              gpointer user_data)
{
  GlossAnnotation *mention = data;
  LinkWalk *walk = user_data;
  GlossEntity *entity = gloss_mention_get_entity (GLOSS_MENTION (mention));
  char *key;

  if (gloss_annotation_get_type_id (mention) == NULL)
    return;
  if (entity == NULL)
    {
      g_ptr_array_add (walk->unlinked, g_object_ref (mention));
      return;
    }
  if (g_strcmp0 (gloss_annotation_get_type_id (GLOSS_ANNOTATION (entity)),
                 gloss_annotation_get_type_id (mention)) != 0)
    return;
  /* The first in text order stays. */
  key = mention_key (walk->store, mention);
  if (!g_hash_table_contains (walk->by_text, key))
    g_hash_table_insert (walk->by_text, key, entity);
  else
    g_free (key);
}

/**
 * gloss_edit_link_unlinked:
 * @n_linked: (out) (optional): how many mentions were linked
 * @n_created: (out) (optional): how many entities were made for them
 *
 * Gives every mention without an entity (an import from a format without
 * coreference) one, by the rule a new mention follows (docs/decisions.md,
 * "Which entity a new mention joins"): the entity of its type named as
 * its text, else that of the first mention of its type and text that has
 * one, else a new entity named as its text, which the next mentions of
 * that type and text join. One step; none when every mention has an
 * entity.
 */
gboolean
gloss_edit_link_unlinked (GlossStore  *store,
                          guint       *n_linked,
                          guint       *n_created,
                          GError     **error)
{
  g_autoptr(GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) by_text = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) unlinked = g_ptr_array_new_with_free_func (g_object_unref);
  LinkWalk walk = { store, by_text, unlinked };
  GListModel *entities;
  guint linked = 0, created = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);

  if (n_linked != NULL)
    *n_linked = 0;
  if (n_created != NULL)
    *n_created = 0;

  gloss_store_foreach (store, GLOSS_KIND_MENTION, walk_mention, &walk);
  if (unlinked->len == 0)
    return TRUE;

  /* The first of a name in the list's order, as gloss_coreference_find_named(). */
  entities = gloss_store_get_list (store, GLOSS_KIND_ENTITY);
  for (guint i = 0, n = g_list_model_get_n_items (entities); i < n; i++)
    {
      g_autoptr(GlossEntity) entity = g_list_model_get_item (entities, i);
      const char *name = gloss_entity_get_name (entity);
      char *key;

      if (name == NULL)
        continue;
      key = g_strconcat (gloss_annotation_get_type_id (GLOSS_ANNOTATION (entity)), "\n", name, NULL);
      if (!g_hash_table_contains (by_name, key))
        g_hash_table_insert (by_name, key, entity);
      else
        g_free (key);
    }

  /* Translators: an undoable step: Link 12 Mentions */
  _gloss_edit_begin (store, g_dngettext (GETTEXT_PACKAGE, "Link %u Mention", "Link %u Mentions", unlinked->len),
                     unlinked->len);
  for (guint i = 0; i < unlinked->len && ok; i++)
    {
      GlossAnnotation *mention = g_ptr_array_index (unlinked, i);
      g_autofree char *key = mention_key (store, mention);
      GlossEntity *entity = g_hash_table_lookup (by_name, key);
      g_autoptr(GlossAnnotation) draft = NULL;

      if (entity == NULL)
        entity = g_hash_table_lookup (by_text, key);
      if (entity == NULL)
        {
          g_autofree char *name = gloss_document_dup_slice (gloss_store_get_document (store),
                                                            gloss_annotation_get_start (mention),
                                                            gloss_annotation_get_end (mention));
          g_autoptr(GlossEntity) made = gloss_entity_new (gloss_annotation_get_type_id (mention), name);

          ok = gloss_store_add (store, GLOSS_ANNOTATION (made), error);
          if (!ok)
            break;
          entity = made;   /* the store holds it now */
          g_hash_table_insert (by_name, g_strdup (key), entity);
          created++;
        }
      draft = gloss_annotation_copy (mention);
      gloss_mention_set_entity (GLOSS_MENTION (draft), entity);
      ok = gloss_store_replace (store, mention, draft, error);
      if (ok)
        linked++;
    }
  gloss_store_end_group (store);

  if (n_linked != NULL)
    *n_linked = linked;
  if (n_created != NULL)
    *n_created = created;
  return ok;
}
