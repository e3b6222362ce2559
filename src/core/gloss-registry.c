/* gloss-registry.c: the entities a project's documents share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * FOLDER/entities.json, one entity a line in order of id:
 *   {"id": "PER-kim-jong-un", "type": "PER", "name": "Kim Jong Un",
 *    "aliases": ["Kim"], "kb": "wikidata:Q56226"}
 * and "merged": {"PER-kim": "PER-kim-jong-un", …}. Ids come from type and
 * name, so two annotators registering one person apart write one line.
 *
 * Every edit is written through at once, atomically: the file is its own
 * journal. Documents keep their copies of the entities they use (a .gloss
 * works alone) and catch up in gloss_registry_apply() when opened.
 */
#include "config.h"

#include <string.h>

#include "gloss-atomic-file.h"
#include "gloss-error.h"
#include "gloss-input-file.h"
#include "gloss-json-parse.h"
#include "gloss-json-writer.h"
#include "gloss-registry.h"
#include "gloss-registry-private.h"
#include "gloss-util-private.h"

typedef struct
{
  char                *id;
  GlossRegistryEntity *before;  /* NULL: did not exist */
  GlossRegistryEntity *after;   /* NULL: removed */
} Change;

typedef struct
{
  GArray *changes;     /* of Change */
  char   *merged_from; /* a merge recorded by this edit, or NULL */
  char   *merged_into;
} Edit;

struct _GlossRegistry
{
  GObject     parent_instance;

  GFile      *file;
  GListStore *entities;   /* in order of id */
  GHashTable *by_id;      /* id → GlossRegistryEntity (borrowed) */
  GHashTable *merged;     /* from id → into id */
  GPtrArray  *undo;       /* of Edit */
  GPtrArray  *redo;
};

G_DEFINE_FINAL_TYPE (GlossRegistry, gloss_registry, G_TYPE_OBJECT)

static void
change_clear (gpointer data)
{
  Change *change = data;

  g_free (change->id);
  g_clear_object (&change->before);
  g_clear_object (&change->after);
}

static void
edit_free (gpointer data)
{
  Edit *edit = data;

  g_array_unref (edit->changes);
  g_free (edit->merged_from);
  g_free (edit->merged_into);
  g_free (edit);
}

static Edit *
edit_new (void)
{
  Edit *edit = g_new0 (Edit, 1);

  edit->changes = g_array_new (FALSE, TRUE, sizeof (Change));
  g_array_set_clear_func (edit->changes, change_clear);
  return edit;
}

static void
edit_change (Edit                *edit,
             const char          *id,
             GlossRegistryEntity *before,
             GlossRegistryEntity *after)
{
  Change change = { g_strdup (id), before ? g_object_ref (before) : NULL, after ? g_object_ref (after) : NULL };

  g_array_append_val (edit->changes, change);
}

static void
gloss_registry_finalize (GObject *object)
{
  GlossRegistry *self = (GlossRegistry *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_object (&self->entities);
  g_clear_pointer (&self->merged, g_hash_table_unref);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_registry_parent_class)->finalize (object);
}

static void
gloss_registry_class_init (GlossRegistryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_registry_finalize;
}

static void
gloss_registry_init (GlossRegistry *self)
{
  self->entities = g_list_store_new (GLOSS_TYPE_REGISTRY_ENTITY);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->merged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->undo = g_ptr_array_new_with_free_func (edit_free);
  self->redo = g_ptr_array_new_with_free_func (edit_free);
}

/**
 * gloss_registry_new:
 *
 * Returns: (transfer full): an empty registry
 */
GlossRegistry *
gloss_registry_new (GFile *file)
{
  GlossRegistry *self = g_object_new (GLOSS_TYPE_REGISTRY, NULL);

  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  self->file = file ? g_object_ref (file) : NULL;
  return self;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  return strcmp (gloss_registry_entity_get_id ((GlossRegistryEntity *) a),
                 gloss_registry_entity_get_id ((GlossRegistryEntity *) b));
}

/* Puts @entity in the place of the entity of its id (or removes the one
 * of @id when @entity is NULL). */
static void
put (GlossRegistry       *self,
     const char          *id,
     GlossRegistryEntity *entity)
{
  GlossRegistryEntity *old = g_hash_table_lookup (self->by_id, id);
  guint position;

  if (old != NULL && g_list_store_find (self->entities, old, &position))
    {
      g_hash_table_remove (self->by_id, id);
      if (entity != NULL)
        {
          g_hash_table_insert (self->by_id, (gpointer) gloss_registry_entity_get_id (entity), entity);
          g_list_store_splice (self->entities, position, 1, (gpointer *) &entity, 1);
        }
      else
        g_list_store_remove (self->entities, position);
      return;
    }
  if (entity != NULL)
    {
      g_hash_table_insert (self->by_id, (gpointer) gloss_registry_entity_get_id (entity), entity);
      g_list_store_insert_sorted (self->entities, entity, compare_ids, NULL);
    }
}

static void
edit_apply (GlossRegistry *self,
            Edit          *edit,
            gboolean       forward)
{
  for (guint i = 0; i < edit->changes->len; i++)
    {
      Change *change = &g_array_index (edit->changes, Change, forward ? i : edit->changes->len - 1 - i);

      put (self, change->id, forward ? change->after : change->before);
    }
  if (edit->merged_from != NULL)
    {
      if (forward)
        g_hash_table_insert (self->merged, g_strdup (edit->merged_from), g_strdup (edit->merged_into));
      else
        g_hash_table_remove (self->merged, edit->merged_from);
    }
}

static int
compare_id_pointers (gconstpointer a,
                     gconstpointer b)
{
  return compare_ids (*(gpointer const *) a, *(gpointer const *) b, NULL);
}

/* Entities are gathered, sorted once and spliced into the list in one
 * go: inserting thousands one by one would notify each time. */
static gboolean
parse_entities (GlossRegistry  *self,
                JsonArray      *array,
                const char     *where,
                GError        **error)
{
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *e = json_array_get_element (array, i);
      g_autoptr(GlossRegistryEntity) entity = NULL;
      g_auto(GStrv) aliases = NULL;
      const char *id, *type, *name;
      JsonObject *o;
      JsonNode *node;

      if (!JSON_NODE_HOLDS_OBJECT (e))
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: entities[%u]: expected an object", where, i);
          return FALSE;
        }
      o = json_node_get_object (e);
      id = _gloss_json_get_string (o, "id");
      type = _gloss_json_get_string (o, "type");
      name = _gloss_json_get_string (o, "name");
      if (id == NULL || *id == '\0' || type == NULL || name == NULL)
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: entities[%u]: needs the strings id, type and name", where, i);
          return FALSE;
        }
      if (g_hash_table_contains (self->by_id, id))
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: entities[%u].id: “%s” is listed twice", where, i, id);
          return FALSE;
        }
      node = json_object_get_member (o, "aliases");
      if (node != NULL)
        {
          JsonArray *list = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

          for (guint j = 0; list != NULL && j < json_array_get_length (list); j++)
            {
              JsonNode *a = json_array_get_element (list, j);

              if (!JSON_NODE_HOLDS_VALUE (a) || json_node_get_value_type (a) != G_TYPE_STRING)
                list = NULL;
            }
          if (list == NULL)
            {
              g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                           "%s: entities[%u].aliases: expected an array of strings", where, i);
              return FALSE;
            }
          aliases = _gloss_json_array_to_strv (list);
        }
      entity = gloss_registry_entity_new (id, type, name, (const char * const *) aliases, _gloss_json_get_string (o, "kb"));
      g_hash_table_insert (self->by_id, (gpointer) gloss_registry_entity_get_id (entity), entity);
      g_ptr_array_add (loaded, g_steal_pointer (&entity));
    }
  g_ptr_array_sort (loaded, compare_id_pointers);
  g_list_store_splice (self->entities, 0, 0, loaded->pdata, loaded->len);
  return TRUE;
}

/**
 * gloss_registry_load:
 *
 * Returns: (transfer full) (nullable): the registry
 */
GlossRegistry *
gloss_registry_load (GFile   *file,
                     GError **error)
{
  g_autoptr(GlossRegistry) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) parsed = NULL;
  g_autofree char *where = NULL;
  JsonObject *root;
  JsonNode *node;
  gsize length;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = gloss_registry_new (file);
  if ((bytes = gloss_input_file_load (file, &local_error)) == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return g_steal_pointer (&self);
      g_set_error_literal (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO, local_error->message);
      return NULL;
    }
  where = g_file_get_parse_name (file);
  data = g_bytes_get_data (bytes, &length);
  if ((parsed = gloss_json_parse (data, length, where, error)) == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (parsed) ||
      g_strcmp0 (_gloss_json_get_string (json_node_get_object (parsed), "format"), "gloss-entities") != 0)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: format: not a Gloss entity registry (expected \"gloss-entities\")", where);
      return NULL;
    }
  root = json_node_get_object (parsed);
  node = json_object_get_member (root, "version");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64 &&
      json_node_get_int (node) > GLOSS_REGISTRY_VERSION)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_VERSION,
                   "%s was written by a newer version of Gloss (registry format %" G_GINT64_FORMAT
                   "; this version reads up to %d). Update Gloss to open it.",
                   where, json_node_get_int (node), GLOSS_REGISTRY_VERSION);
      return NULL;
    }

  node = json_object_get_member (root, "entities");
  if (node != NULL && (!JSON_NODE_HOLDS_ARRAY (node) ||
                       !parse_entities (self, json_node_get_array (node), where, error)))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                     "%s: entities: expected an array", where);
      return NULL;
    }

  node = json_object_get_member (root, "merged");
  if (node != NULL)
    {
      JsonObjectIter iter;
      const char *from;
      JsonNode *into;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: merged: expected an object of ids", where);
          return NULL;
        }
      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &from, &into))
        {
          if (!JSON_NODE_HOLDS_VALUE (into) || json_node_get_value_type (into) != G_TYPE_STRING)
            {
              g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                           "%s: merged.%s: expected an entity id", where, from);
              return NULL;
            }
          g_hash_table_insert (self->merged, g_strdup (from), g_strdup (json_node_get_string (into)));
        }
    }
  return g_steal_pointer (&self);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * gloss_registry_to_bytes:
 *
 * Returns: (transfer full): the file's contents
 */
GBytes *
gloss_registry_to_bytes (GlossRegistry *self)
{
  GString *out = g_string_new ("{\n  \"format\": \"gloss-entities\",\n  \"version\": ");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entities));
  g_autoptr(GPtrArray) from = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (GLOSS_IS_REGISTRY (self), NULL);

  gloss_json_write_uint (out, GLOSS_REGISTRY_VERSION);
  g_string_append (out, ",\n  \"entities\": [");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossRegistryEntity) e = g_list_model_get_item (G_LIST_MODEL (self->entities), i);
      const char * const *aliases = gloss_registry_entity_get_aliases (e);

      g_string_append (out, i == 0 ? "\n    {\"id\": " : ",\n    {\"id\": ");
      gloss_json_write_string (out, gloss_registry_entity_get_id (e), -1);
      g_string_append (out, ", \"type\": ");
      gloss_json_write_string (out, gloss_registry_entity_get_type_id (e), -1);
      g_string_append (out, ", \"name\": ");
      gloss_json_write_string (out, gloss_registry_entity_get_name (e), -1);
      if (aliases[0] != NULL)
        {
          g_string_append (out, ", \"aliases\": [");
          for (guint j = 0; aliases[j] != NULL; j++)
            {
              if (j > 0)
                g_string_append (out, ", ");
              gloss_json_write_string (out, aliases[j], -1);
            }
          g_string_append_c (out, ']');
        }
      if (gloss_registry_entity_get_kb (e) != NULL)
        {
          g_string_append (out, ", \"kb\": ");
          gloss_json_write_string (out, gloss_registry_entity_get_kb (e), -1);
        }
      g_string_append_c (out, '}');
    }
  g_string_append (out, n > 0 ? "\n  ],\n  \"merged\": {" : "],\n  \"merged\": {");

  g_hash_table_iter_init (&iter, self->merged);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (from, key);
  g_ptr_array_sort (from, compare_strings);
  for (guint i = 0; i < from->len; i++)
    {
      g_string_append (out, i == 0 ? "\n    " : ",\n    ");
      gloss_json_write_string (out, g_ptr_array_index (from, i), -1);
      g_string_append (out, ": ");
      gloss_json_write_string (out, g_hash_table_lookup (self->merged, g_ptr_array_index (from, i)), -1);
    }
  g_string_append (out, from->len > 0 ? "\n  }\n}\n" : "}\n}\n");
  return g_string_free_to_bytes (out);
}

gboolean
gloss_registry_save (GlossRegistry  *self,
                     GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) parent = NULL;

  g_return_val_if_fail (GLOSS_IS_REGISTRY (self), FALSE);

  if (self->file == NULL)
    return TRUE;
  bytes = gloss_registry_to_bytes (self);
  parent = g_file_get_parent (self->file);
  g_file_make_directory_with_parents (parent, NULL, NULL);
  return gloss_atomic_file_replace (self->file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    TRUE, error);
}

/* Applies @edit, writes the file, and records it for undo; on a failed
 * write takes it back. */
static gboolean
commit (GlossRegistry  *self,
        Edit           *edit,
        GError        **error)
{
  edit_apply (self, edit, TRUE);
  if (!gloss_registry_save (self, error))
    {
      edit_apply (self, edit, FALSE);
      edit_free (edit);
      return FALSE;
    }
  g_ptr_array_add (self->undo, edit);
  g_ptr_array_set_size (self->redo, 0);
  return TRUE;
}

static gboolean
move (GlossRegistry  *self,
      GPtrArray      *from,
      GPtrArray      *to,
      gboolean        forward,
      GError        **error)
{
  Edit *edit;

  if (from->len == 0)
    return FALSE;
  edit = g_ptr_array_steal_index (from, from->len - 1);
  edit_apply (self, edit, forward);
  if (!gloss_registry_save (self, error))
    {
      edit_apply (self, edit, !forward);
      g_ptr_array_add (from, edit);
      return FALSE;
    }
  g_ptr_array_add (to, edit);
  return TRUE;
}

gboolean
gloss_registry_can_undo (GlossRegistry *self)
{
  g_return_val_if_fail (GLOSS_IS_REGISTRY (self), FALSE);
  return self->undo->len > 0;
}

gboolean
gloss_registry_can_redo (GlossRegistry *self)
{
  g_return_val_if_fail (GLOSS_IS_REGISTRY (self), FALSE);
  return self->redo->len > 0;
}

gboolean
gloss_registry_undo (GlossRegistry  *self,
                     GError        **error)
{
  g_return_val_if_fail (GLOSS_IS_REGISTRY (self), FALSE);
  return move (self, self->undo, self->redo, FALSE, error);
}

gboolean
gloss_registry_redo (GlossRegistry  *self,
                     GError        **error)
{
  g_return_val_if_fail (GLOSS_IS_REGISTRY (self), FALSE);
  return move (self, self->redo, self->undo, TRUE, error);
}

/**
 * gloss_registry_get_entities:
 *
 * Returns: (transfer none): a #GListModel of #GlossRegistryEntity
 */
GListModel *
gloss_registry_get_entities (GlossRegistry *self)
{
  g_return_val_if_fail (GLOSS_IS_REGISTRY (self), NULL);
  return G_LIST_MODEL (self->entities);
}

/**
 * gloss_registry_lookup:
 *
 * Returns: (transfer none) (nullable): the entity
 */
GlossRegistryEntity *
gloss_registry_lookup (GlossRegistry *self,
                       const char    *id)
{
  g_return_val_if_fail (GLOSS_IS_REGISTRY (self), NULL);

  /* Merges never form a cycle, but a hand-edited file might. */
  for (guint hops = 0; id != NULL && hops < 64; hops++)
    {
      GlossRegistryEntity *entity = g_hash_table_lookup (self->by_id, id);

      if (entity != NULL)
        return entity;
      id = g_hash_table_lookup (self->merged, id);
    }
  return NULL;
}

/**
 * gloss_registry_find_name:
 *
 * Returns: (transfer container) (element-type GlossRegistryEntity): the matches
 */
GPtrArray *
gloss_registry_find_name (GlossRegistry *self,
                          const char    *text)
{
  GPtrArray *found = g_ptr_array_new ();
  guint n;

  g_return_val_if_fail (GLOSS_IS_REGISTRY (self), found);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->entities));
  for (guint i = 0; text != NULL && i < n; i++)
    {
      GlossRegistryEntity *e = g_list_model_get_item (G_LIST_MODEL (self->entities), i);

      if (g_str_equal (gloss_registry_entity_get_name (e), text) || gloss_registry_entity_has_alias (e, text))
        g_ptr_array_add (found, e);
      g_object_unref (e); /* the list keeps it */
    }
  return found;
}

/* "PER" + "Kim Jong Un" → "PER-kim-jong-un" */
static char *
make_id (GlossRegistry *self,
         const char    *type,
         const char    *name)
{
  GString *id = g_string_new (type);
  gsize base;

  g_string_append_c (id, '-');
  base = id->len;
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));

      if (g_unichar_isalnum (c))
        g_string_append_unichar (id, c);
      else if (id->len > base && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  while (id->len > base && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  /* A name of no letters or digits (👍🏽, "…") is named by its first code
   * points, so that two annotators who add two such names in either
   * order give each the same id ("QTY-1f44d-1f3fd"), never each other's. */
  if (id->len == base)
    {
      for (const char *p = name; *p != '\0' && p - name < 32; p = g_utf8_next_char (p))
        g_string_append_printf (id, "%s%x", id->len > base ? "-" : "", g_utf8_get_char (p));
      if (id->len == base)
        g_string_append (id, "entity");
    }

  if (g_hash_table_contains (self->by_id, id->str) || g_hash_table_contains (self->merged, id->str))
    {
      gsize len = id->len;

      for (guint i = 2; ; i++)
        {
          g_string_truncate (id, len);
          g_string_append_printf (id, "-%u", i);
          if (!g_hash_table_contains (self->by_id, id->str) && !g_hash_table_contains (self->merged, id->str))
            break;
        }
    }
  return g_string_free (id, FALSE);
}

/**
 * gloss_registry_add:
 *
 * Returns: (transfer none) (nullable): the new entity
 */
GlossRegistryEntity *
gloss_registry_add (GlossRegistry  *self,
                    const char     *type,
                    const char     *name,
                    const char     *kb,
                    GError        **error)
{
  g_autofree char *id = NULL;
  g_autoptr(GlossRegistryEntity) entity = NULL;
  Edit *edit;

  g_return_val_if_fail (GLOSS_IS_REGISTRY (self), NULL);
  g_return_val_if_fail (type != NULL && name != NULL, NULL);

  id = make_id (self, type, name);
  entity = gloss_registry_entity_new (id, type, name, NULL, kb);
  edit = edit_new ();
  edit_change (edit, id, NULL, entity);
  if (!commit (self, edit, error))
    return NULL;
  return entity; /* the registry holds it */
}

static gboolean
replace (GlossRegistry        *self,
         GlossRegistryEntity  *old,
         const char           *name,
         const char * const   *aliases,
         const char           *kb,
         GError              **error)
{
  g_autoptr(GlossRegistryEntity) entity = NULL;
  Edit *edit;

  entity = gloss_registry_entity_new (gloss_registry_entity_get_id (old), gloss_registry_entity_get_type_id (old),
                                      name, aliases, kb);
  edit = edit_new ();
  edit_change (edit, gloss_registry_entity_get_id (old), old, entity);
  return commit (self, edit, error);
}

static GlossRegistryEntity *
get_entity (GlossRegistry  *self,
            const char     *id,
            GError        **error)
{
  GlossRegistryEntity *entity = id ? g_hash_table_lookup (self->by_id, id) : NULL;

  if (entity == NULL)
    g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                 "the project has no entity “%s”", id ? id : "");
  return entity;
}

gboolean
gloss_registry_remove (GlossRegistry  *self,
                       const char     *id,
                       GError        **error)
{
  GlossRegistryEntity *old;
  Edit *edit;

  g_return_val_if_fail (GLOSS_IS_REGISTRY (self), FALSE);

  if ((old = get_entity (self, id, error)) == NULL)
    return FALSE;
  edit = edit_new ();
  edit_change (edit, id, old, NULL);
  return commit (self, edit, error);
}

gboolean
gloss_registry_rename (GlossRegistry  *self,
                       const char     *id,
                       const char     *name,
                       GError        **error)
{
  GlossRegistryEntity *old;

  g_return_val_if_fail (GLOSS_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (name != NULL && *name != '\0', FALSE);

  if ((old = get_entity (self, id, error)) == NULL)
    return FALSE;
  return replace (self, old, name, gloss_registry_entity_get_aliases (old), gloss_registry_entity_get_kb (old), error);
}

gboolean
gloss_registry_set_kb (GlossRegistry  *self,
                       const char     *id,
                       const char     *kb,
                       GError        **error)
{
  GlossRegistryEntity *old;

  g_return_val_if_fail (GLOSS_IS_REGISTRY (self), FALSE);

  if ((old = get_entity (self, id, error)) == NULL)
    return FALSE;
  return replace (self, old, gloss_registry_entity_get_name (old), gloss_registry_entity_get_aliases (old), kb, error);
}

/* The aliases of @id without @remove, then @add. */
static gboolean
edit_aliases (GlossRegistry  *self,
              const char     *id,
              const char     *add,
              const char     *remove,
              GError        **error)
{
  GlossRegistryEntity *old;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) aliases = NULL;
  const char * const *current;

  if ((old = get_entity (self, id, error)) == NULL)
    return FALSE;
  current = gloss_registry_entity_get_aliases (old);
  for (guint i = 0; current[i] != NULL; i++)
    if (g_strcmp0 (current[i], remove) != 0)
      g_strv_builder_add (builder, current[i]);
  if (add != NULL)
    g_strv_builder_add (builder, add);
  aliases = g_strv_builder_end (builder);
  return replace (self, old, gloss_registry_entity_get_name (old), (const char * const *) aliases,
                  gloss_registry_entity_get_kb (old), error);
}

gboolean
gloss_registry_add_alias (GlossRegistry  *self,
                          const char     *id,
                          const char     *alias,
                          GError        **error)
{
  g_return_val_if_fail (GLOSS_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (alias != NULL && *alias != '\0', FALSE);

  return edit_aliases (self, id, alias, NULL, error);
}

gboolean
gloss_registry_remove_alias (GlossRegistry  *self,
                             const char     *id,
                             const char     *alias,
                             GError        **error)
{
  g_return_val_if_fail (GLOSS_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (alias != NULL, FALSE);

  return edit_aliases (self, id, NULL, alias, error);
}

gboolean
gloss_registry_merge (GlossRegistry  *self,
                      const char     *into,
                      const char     *from,
                      GError        **error)
{
  GlossRegistryEntity *keep, *gone;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GlossRegistryEntity) merged = NULL;
  g_auto(GStrv) aliases = NULL;
  const char *kb;
  Edit *edit;

  g_return_val_if_fail (GLOSS_IS_REGISTRY (self), FALSE);

  if ((keep = get_entity (self, into, error)) == NULL || (gone = get_entity (self, from, error)) == NULL)
    return FALSE;
  if (keep == gone)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "cannot merge the entity “%s” into itself", into);
      return FALSE;
    }

  g_strv_builder_addv (builder, (const char **) gloss_registry_entity_get_aliases (keep));
  g_strv_builder_add (builder, gloss_registry_entity_get_name (gone));
  g_strv_builder_addv (builder, (const char **) gloss_registry_entity_get_aliases (gone));
  aliases = g_strv_builder_end (builder);
  kb = gloss_registry_entity_get_kb (keep) ? gloss_registry_entity_get_kb (keep) : gloss_registry_entity_get_kb (gone);
  merged = gloss_registry_entity_new (into, gloss_registry_entity_get_type_id (keep),
                                      gloss_registry_entity_get_name (keep), (const char * const *) aliases, kb);

  edit = edit_new ();
  edit_change (edit, into, keep, merged);
  edit_change (edit, from, gone, NULL);
  edit->merged_from = g_strdup (from);
  edit->merged_into = g_strdup (into);
  return commit (self, edit, error);
}

GlossEntity *
_gloss_registry_store_entity (GlossStore *store,
                              const char *id)
{
  GlossAnnotation *a = gloss_store_lookup (store, id);

  return a != NULL && GLOSS_IS_ENTITY (a) ? GLOSS_ENTITY (a) : NULL;
}

void
_gloss_registry_keep_times (GlossEntity *fresh,
                            GlossEntity *own)
{
  gloss_annotation_set_created (GLOSS_ANNOTATION (fresh), gloss_annotation_get_created (GLOSS_ANNOTATION (own)));
  gloss_annotation_set_modified (GLOSS_ANNOTATION (fresh), gloss_annotation_get_modified (GLOSS_ANNOTATION (own)));
  gloss_annotation_set_author (GLOSS_ANNOTATION (fresh), gloss_annotation_get_author (GLOSS_ANNOTATION (own)));
}

static GlossRegistryEntity *
find_same (GlossRegistry *self,
           const char    *type,
           const char    *name)
{
  g_autoptr(GPtrArray) found = gloss_registry_find_name (self, name);

  for (guint i = 0; i < found->len; i++)
    if (g_strcmp0 (gloss_registry_entity_get_type_id (g_ptr_array_index (found, i)), type) == 0)
      return g_ptr_array_index (found, i);
  return NULL;
}

gboolean
gloss_registry_link_store (GlossRegistry  *self,
                           GlossStore     *store,
                           GError        **error)
{
  GListModel *entities;
  g_autoptr(GPtrArray) local = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) linked = g_ptr_array_new ();
  Edit *edit;

  g_return_val_if_fail (GLOSS_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);

  entities = gloss_store_get_list (store, GLOSS_KIND_ENTITY);
  edit = edit_new ();
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(GlossEntity) e = g_list_model_get_item (entities, i);
      const char *type = gloss_annotation_get_type_id (GLOSS_ANNOTATION (e));
      const char *name = gloss_entity_get_name (e) ? gloss_entity_get_name (e) : "";
      GlossRegistryEntity *r;

      if (type == NULL || gloss_registry_lookup (self, gloss_annotation_get_id (GLOSS_ANNOTATION (e))) != NULL)
        continue;
      r = find_same (self, type, name);
      if (r == NULL)
        {
          g_autofree char *id = make_id (self, type, name);
          g_autoptr(GlossRegistryEntity) fresh = gloss_registry_entity_new (id, type, name, NULL,
                                                                            gloss_entity_get_kb (e));

          edit_change (edit, id, NULL, fresh);
          put (self, id, fresh);
          r = fresh;
        }
      g_ptr_array_add (local, g_steal_pointer (&e));
      g_ptr_array_add (linked, r);
    }

  if (edit->changes->len == 0)
    edit_free (edit);
  else if (!gloss_registry_save (self, error))
    {
      edit_apply (self, edit, FALSE);
      edit_free (edit);
      return FALSE;
    }
  else
    {
      g_ptr_array_add (self->undo, edit);
      g_ptr_array_set_size (self->redo, 0);
    }

  if (local->len == 0)
    return TRUE;
  gloss_store_begin_group (store, "Link Entities to the Project");
  for (guint i = 0; i < local->len; i++)
    {
      GlossRegistryEntity *r = g_ptr_array_index (linked, i);
      GlossEntity *target = _gloss_registry_store_entity (store, gloss_registry_entity_get_id (r));
      GlossAnnotation *own = g_ptr_array_index (local, i);

      /* (registered again under its own id: an entity taken out of the
       * registry when its text was forgotten, brought back by an undo) */
      if (target == GLOSS_ENTITY (own))
        continue;
      if (target == NULL)
        {
          g_autoptr(GlossEntity) fresh = gloss_registry_make_entity (self, r);

          _gloss_registry_keep_times (fresh, GLOSS_ENTITY (own));
          if (!gloss_store_add (store, GLOSS_ANNOTATION (fresh), error))
            break;
          target = fresh;
        }
      if (!gloss_store_relink_entity (store, target, g_ptr_array_index (local, i), error))
        break;
    }
  gloss_store_end_group (store);
  return error == NULL || *error == NULL;
}
