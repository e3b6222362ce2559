/* gloss-schema.c: the label set a document is annotated with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-error.h"
#include "gloss-input-file.h"
#include "gloss-json-parse.h"
#include "gloss-schema.h"
#include "gloss-schema-private.h"
#include "gloss-util-private.h"

struct _GlossSchema
{
  GObject     parent_instance;

  GListStore *labels[GLOSS_N_LABEL_KINDS];
  /* Loading a file looks up every annotation's type: the labels in a
   * plain array and by id, borrowed, instead of a reference taken and
   * dropped per label. NULL when the labels (or an id) changed. */
  GPtrArray  *found[GLOSS_N_LABEL_KINDS];
  GHashTable *by_id[GLOSS_N_LABEL_KINDS];
  GListStore *attributes;
  JsonObject *extra;
};

G_DEFINE_FINAL_TYPE (GlossSchema, gloss_schema, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char * const _gloss_schema_list_names[GLOSS_N_LABEL_KINDS] = {
  "entity_types", "claim_types", "relation_types",
};

static void
gloss_schema_finalize (GObject *object)
{
  GlossSchema *self = (GlossSchema *)object;

  for (guint k = 0; k < GLOSS_N_LABEL_KINDS; k++)
    {
      g_clear_object (&self->labels[k]);
      g_clear_pointer (&self->found[k], g_ptr_array_unref);
      g_clear_pointer (&self->by_id[k], g_hash_table_unref);
    }
  g_clear_object (&self->attributes);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (gloss_schema_parent_class)->finalize (object);
}

static void
gloss_schema_class_init (GlossSchemaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_schema_finalize;

  /**
   * GlossSchema::changed:
   *
   * A label or attribute was added, removed, moved or edited.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
labels_changed_cb (GListModel  *labels,
                   guint        position,
                   guint        removed,
                   guint        added,
                   GlossSchema *self)
{
  for (guint k = 0; k < GLOSS_N_LABEL_KINDS; k++)
    if (labels == NULL || G_LIST_MODEL (self->labels[k]) == labels)
      {
        g_clear_pointer (&self->found[k], g_ptr_array_unref);
        g_clear_pointer (&self->by_id[k], g_hash_table_unref);
      }
}

static void
gloss_schema_init (GlossSchema *self)
{
  for (guint k = 0; k < GLOSS_N_LABEL_KINDS; k++)
    {
      self->labels[k] = g_list_store_new (GLOSS_TYPE_LABEL);
      g_signal_connect (self->labels[k], "items-changed", G_CALLBACK (labels_changed_cb), self);
    }
  self->attributes = g_list_store_new (GLOSS_TYPE_ATTRIBUTE_DEF);
}

static void
emit_changed (GlossSchema *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_item_notify (GlossSchema *self)
{
  labels_changed_cb (NULL, 0, 0, 0, self);   /* an id may have changed */
  emit_changed (self);
}

static void
watch (GlossSchema *self,
       gpointer     item)
{
  g_signal_connect_object (item, "notify", G_CALLBACK (on_item_notify), self, G_CONNECT_SWAPPED);
}

/**
 * gloss_schema_new:
 *
 * Returns: (transfer full): an empty schema
 */
GlossSchema *
gloss_schema_new (void)
{
  return g_object_new (GLOSS_TYPE_SCHEMA, NULL);
}

static const char *
get_string_member (JsonObject *object,
                   const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
check_string_member (JsonObject  *object,
                     const char  *member,
                     gboolean     required,
                     const char  *where,
                     const char  *path,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    {
      if (!required)
        return TRUE;
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: %s: missing \"%s\"", where, path, member);
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      (required && *json_node_get_string (node) == '\0'))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: %s.%s: expected a non-empty string", where, path, member);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_strv_member (JsonObject  *object,
                   const char  *member,
                   const char  *where,
                   const char  *path,
                   GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (node == NULL)
    return TRUE;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *e = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (e) || json_node_get_value_type (e) != G_TYPE_STRING)
            {
              g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                           "%s: %s.%s[%u]: expected a string", where, path, member, i);
              return FALSE;
            }
        }
      return TRUE;
    }

  g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
               "%s: %s.%s: expected an array of strings", where, path, member);
  return FALSE;
}

/* "#rgb", "#rgba", "#rrggbb" or "#rrggbbaa", as the JSON Schema says. */
static gboolean
check_color_member (JsonObject  *object,
                    const char  *where,
                    const char  *path,
                    GError     **error)
{
  const char *color = get_string_member (object, "color");
  gsize len;

  if (color == NULL)
    return TRUE;
  len = strlen (color);
  if (color[0] == '#' && (len == 4 || len == 5 || len == 7 || len == 9))
    {
      gsize i = 1;

      while (i < len && g_ascii_isxdigit (color[i]))
        i++;
      if (i == len)
        return TRUE;
    }
  g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
               "%s: %s.color: \"%s\" is not a colour such as \"#3584e4\" (#rgb, #rgba, #rrggbb or #rrggbbaa)",
               where, path, color);
  return FALSE;
}

static char **
get_strv_member (JsonObject *object,
                 const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return _gloss_json_array_to_strv (json_node_get_array (node));
}

static gboolean
parse_labels (GlossSchema     *self,
              GlossLabelKind   kind,
              JsonNode        *node,
              const char      *where,
              GError         **error)
{
  static const char * const known[] = {
    "id", "name", "color", "key", "description", "from", "to", "unknown", NULL
  };
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: schema.%s: expected an array", where, _gloss_schema_list_names[kind]);
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *e = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("schema.%s[%u]", _gloss_schema_list_names[kind], i);
      g_autoptr(GlossLabel) label = NULL;
      g_autoptr(JsonObject) extra = NULL;
      g_auto(GStrv) from = NULL;
      g_auto(GStrv) to = NULL;
      JsonObject *o;
      JsonNode *unknown;

      if (!JSON_NODE_HOLDS_OBJECT (e))
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: %s: expected an object", where, path);
          return FALSE;
        }
      o = json_node_get_object (e);
      if (!check_string_member (o, "id", TRUE, where, path, error) ||
          !check_string_member (o, "name", FALSE, where, path, error) ||
          !check_string_member (o, "color", FALSE, where, path, error) ||
          !check_color_member (o, where, path, error) ||
          !check_string_member (o, "key", FALSE, where, path, error) ||
          !check_string_member (o, "description", FALSE, where, path, error) ||
          !check_strv_member (o, "from", where, path, error) ||
          !check_strv_member (o, "to", where, path, error))
        return FALSE;

      if (gloss_schema_lookup (self, kind, get_string_member (o, "id")) != NULL)
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: %s.id: \"%s\" is defined twice", where, path,
                       get_string_member (o, "id"));
          return FALSE;
        }

      label = gloss_label_new (kind, get_string_member (o, "id"), get_string_member (o, "name"),
                               get_string_member (o, "color"));
      gloss_label_set_key (label, get_string_member (o, "key"));
      gloss_label_set_description (label, get_string_member (o, "description"));
      from = get_strv_member (o, "from");
      to = get_strv_member (o, "to");
      gloss_label_set_from (label, (const char * const *)from);
      gloss_label_set_to (label, (const char * const *)to);
      unknown = json_object_get_member (o, "unknown");
      if (unknown != NULL && JSON_NODE_HOLDS_VALUE (unknown) &&
          json_node_get_value_type (unknown) == G_TYPE_BOOLEAN)
        gloss_label_set_unknown (label, json_node_get_boolean (unknown));
      extra = _gloss_json_object_extra (o, known);
      gloss_label_set_extra (label, extra);
      gloss_schema_add (self, label, -1, NULL);
    }

  return TRUE;
}

static gboolean
parse_attributes (GlossSchema  *self,
                  JsonNode     *node,
                  const char   *where,
                  GError      **error)
{
  static const char * const known[] = { "id", "name", "kind", "applies_to", "values", NULL };
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: schema.attributes: expected an array", where);
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *e = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("schema.attributes[%u]", i);
      g_autoptr(GlossAttributeDef) attr = NULL;
      g_autoptr(JsonObject) extra = NULL;
      g_auto(GStrv) applies_to = NULL;
      g_auto(GStrv) values = NULL;
      GlossAttributeKind kind = GLOSS_ATTRIBUTE_TEXT;
      JsonObject *o;

      if (!JSON_NODE_HOLDS_OBJECT (e))
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: %s: expected an object", where, path);
          return FALSE;
        }
      o = json_node_get_object (e);
      if (!check_string_member (o, "id", TRUE, where, path, error) ||
          !check_string_member (o, "name", FALSE, where, path, error) ||
          !check_string_member (o, "kind", TRUE, where, path, error) ||
          !check_strv_member (o, "applies_to", where, path, error) ||
          !check_strv_member (o, "values", where, path, error))
        return FALSE;

      if (!gloss_attribute_kind_from_string (get_string_member (o, "kind"), &kind))
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: %s.kind: \"%s\" is not one of enum, bool, text",
                       where, path, get_string_member (o, "kind"));
          return FALSE;
        }
      if (gloss_schema_lookup_attribute (self, get_string_member (o, "id")) != NULL)
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: %s.id: \"%s\" is defined twice", where, path,
                       get_string_member (o, "id"));
          return FALSE;
        }

      attr = gloss_attribute_def_new (get_string_member (o, "id"), kind);
      gloss_attribute_def_set_name (attr, get_string_member (o, "name"));
      applies_to = get_strv_member (o, "applies_to");
      values = get_strv_member (o, "values");
      gloss_attribute_def_set_applies_to (attr, (const char * const *)applies_to);
      gloss_attribute_def_set_values (attr, (const char * const *)values);
      extra = _gloss_json_object_extra (o, known);
      gloss_attribute_def_set_extra (attr, extra);
      gloss_schema_add_attribute (self, attr, NULL);
    }

  return TRUE;
}

/**
 * gloss_schema_new_from_json:
 * @node: the schema object
 * @where: a name for messages, such as the file name
 *
 * Returns: (transfer full) (nullable): the schema, or %NULL with @error set
 */
GlossSchema *
gloss_schema_new_from_json (JsonNode    *node,
                            const char  *where,
                            GError     **error)
{
  static const char * const known[] = {
    "entity_types", "claim_types", "relation_types", "attributes", NULL
  };
  g_autoptr(GlossSchema) self = NULL;
  g_autoptr(JsonObject) extra = NULL;
  JsonObject *object;
  JsonNode *member;

  g_return_val_if_fail (node != NULL, NULL);

  if (where == NULL)
    where = "schema";

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: schema: expected an object", where);
      return NULL;
    }

  self = gloss_schema_new ();
  object = json_node_get_object (node);

  for (guint k = 0; k < GLOSS_N_LABEL_KINDS; k++)
    {
      member = json_object_get_member (object, _gloss_schema_list_names[k]);
      if (member != NULL && !parse_labels (self, k, member, where, error))
        return NULL;
    }

  member = json_object_get_member (object, "attributes");
  if (member != NULL && !parse_attributes (self, member, where, error))
    return NULL;

  extra = _gloss_json_object_extra (object, known);
  gloss_schema_set_extra (self, extra);

  return g_steal_pointer (&self);
}

/**
 * gloss_schema_new_from_file:
 *
 * Reads a schema from a JSON file: either a schema object or a `.gloss`
 * file, whose "schema" member is used.
 *
 * Returns: (transfer full) (nullable): the schema
 */
GlossSchema *
gloss_schema_new_from_file (GFile   *file,
                            GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) parsed = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *contents;
  gsize length;
  JsonNode *root;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  if ((bytes = gloss_input_file_load (file, &local_error)) == NULL)
    {
      g_set_error_literal (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO, local_error->message);
      return NULL;
    }
  contents = g_bytes_get_data (bytes, &length);

  root = parsed = gloss_json_parse (contents, length, name, error);
  if (root == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_OBJECT (root) &&
      json_object_has_member (json_node_get_object (root), "schema"))
    root = json_object_get_member (json_node_get_object (root), "schema");

  return gloss_schema_new_from_json (root, name, error);
}

/**
 * gloss_schema_copy:
 *
 * Returns: (transfer full): a deep copy
 */
GlossSchema *
gloss_schema_copy (GlossSchema *self)
{
  GlossSchema *copy;

  g_return_val_if_fail (GLOSS_IS_SCHEMA (self), NULL);

  copy = gloss_schema_new ();
  for (guint k = 0; k < GLOSS_N_LABEL_KINDS; k++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->labels[k]));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GlossLabel) label = g_list_model_get_item (G_LIST_MODEL (self->labels[k]), i);
          g_autoptr(GlossLabel) dup = gloss_label_copy (label);

          gloss_schema_add (copy, dup, -1, NULL);
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->attributes)); i++)
    {
      g_autoptr(GlossAttributeDef) attr = g_list_model_get_item (G_LIST_MODEL (self->attributes), i);
      g_autoptr(GlossAttributeDef) dup = gloss_attribute_def_copy (attr);

      gloss_schema_add_attribute (copy, dup, NULL);
    }
  copy->extra = _gloss_json_object_copy (self->extra);
  return copy;
}

/**
 * gloss_schema_get_labels:
 *
 * Returns: (transfer none): a #GListModel of #GlossLabel
 */
GListModel *
gloss_schema_get_labels (GlossSchema    *self,
                         GlossLabelKind  kind)
{
  g_return_val_if_fail (GLOSS_IS_SCHEMA (self), NULL);
  g_return_val_if_fail (kind < GLOSS_N_LABEL_KINDS, NULL);
  return G_LIST_MODEL (self->labels[kind]);
}

/**
 * gloss_schema_get_attributes:
 *
 * Returns: (transfer none): a #GListModel of #GlossAttributeDef
 */
GListModel *
gloss_schema_get_attributes (GlossSchema *self)
{
  g_return_val_if_fail (GLOSS_IS_SCHEMA (self), NULL);
  return G_LIST_MODEL (self->attributes);
}

static gboolean
find_label (GlossSchema    *self,
            GlossLabelKind  kind,
            const char     *id,
            const char     *key,
            GlossLabel    **out,
            guint          *position)
{
  GListModel *model = G_LIST_MODEL (self->labels[kind]);
  GPtrArray *found = self->found[kind];

  if (found == NULL)
    {
      found = self->found[kind] = g_ptr_array_new ();
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          GlossLabel *label = g_list_model_get_item (model, i);

          g_object_unref (label); /* the store keeps it alive */
          g_ptr_array_add (found, label);
        }
    }
  for (guint i = 0; i < found->len; i++)
    {
      GlossLabel *label = g_ptr_array_index (found, i);

      if ((id != NULL && g_str_equal (gloss_label_get_id (label), id)) ||
          (key != NULL && g_strcmp0 (gloss_label_get_key (label), key) == 0))
        {
          if (out != NULL)
            *out = label;
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * gloss_schema_lookup:
 *
 * Returns: (transfer none) (nullable): the label of @kind with @id
 */
GlossLabel *
gloss_schema_lookup (GlossSchema    *self,
                     GlossLabelKind  kind,
                     const char     *id)
{
  GlossLabel *label = NULL;

  g_return_val_if_fail (GLOSS_IS_SCHEMA (self), NULL);
  g_return_val_if_fail (kind < GLOSS_N_LABEL_KINDS, NULL);

  if (id == NULL)
    return NULL;
  if (self->by_id[kind] == NULL)
    {
      GPtrArray *found;

      find_label (self, kind, NULL, NULL, NULL, NULL);   /* the array */
      found = self->found[kind];
      self->by_id[kind] = g_hash_table_new (g_str_hash, g_str_equal);
      /* The first label of an id wins, as in find_label (). */
      for (guint i = found->len; i-- > 0;)
        {
          label = g_ptr_array_index (found, i);
          if (gloss_label_get_id (label) != NULL)
            g_hash_table_insert (self->by_id[kind], (gpointer) gloss_label_get_id (label), label);
        }
    }
  return g_hash_table_lookup (self->by_id[kind], id);
}

/**
 * gloss_schema_lookup_key:
 *
 * Returns: (transfer none) (nullable): the label of @kind whose shortcut is @key
 */
GlossLabel *
gloss_schema_lookup_key (GlossSchema    *self,
                         GlossLabelKind  kind,
                         const char     *key)
{
  GlossLabel *label = NULL;

  g_return_val_if_fail (GLOSS_IS_SCHEMA (self), NULL);
  g_return_val_if_fail (kind < GLOSS_N_LABEL_KINDS, NULL);

  if (key == NULL)
    return NULL;
  find_label (self, kind, NULL, key, &label, NULL);
  return label;
}

/**
 * gloss_schema_lookup_attribute:
 *
 * Returns: (transfer none) (nullable): the attribute with @id
 */
GlossAttributeDef *
gloss_schema_lookup_attribute (GlossSchema *self,
                               const char  *id)
{
  GListModel *model;

  g_return_val_if_fail (GLOSS_IS_SCHEMA (self), NULL);

  if (id == NULL)
    return NULL;

  model = G_LIST_MODEL (self->attributes);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      GlossAttributeDef *attr = g_list_model_get_item (model, i);

      g_object_unref (attr);
      if (g_str_equal (gloss_attribute_def_get_id (attr), id))
        return attr;
    }

  return NULL;
}

/* Colours for types met in files without a definition, by hash of id. */
static const char * const fallback_colors[] = {
  "#62a0ea", "#57e389", "#f8e45c", "#ffa348", "#ed333b", "#c061cb", "#b5835a", "#77767b",
};

/**
 * gloss_schema_ensure:
 *
 * Returns: (transfer none): the label with @id, added (marked unknown) if missing
 */
GlossLabel *
gloss_schema_ensure (GlossSchema    *self,
                     GlossLabelKind  kind,
                     const char     *id)
{
  g_autoptr(GlossLabel) label = NULL;
  GlossLabel *found;

  g_return_val_if_fail (GLOSS_IS_SCHEMA (self), NULL);
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);

  found = gloss_schema_lookup (self, kind, id);
  if (found != NULL)
    return found;

  label = gloss_label_new (kind, id, id, fallback_colors[g_str_hash (id) % G_N_ELEMENTS (fallback_colors)]);
  gloss_label_set_unknown (label, TRUE);
  gloss_schema_add (self, label, -1, NULL);
  return label;
}

/**
 * gloss_schema_add:
 * @position: where to insert, -1 for the end
 *
 * Returns: %FALSE if a label of that kind with that id exists
 */
gboolean
gloss_schema_add (GlossSchema  *self,
                  GlossLabel   *label,
                  int           position,
                  GError      **error)
{
  GListStore *store;
  guint n;

  g_return_val_if_fail (GLOSS_IS_SCHEMA (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_LABEL (label), FALSE);

  if (gloss_schema_lookup (self, gloss_label_get_kind (label), gloss_label_get_id (label)) != NULL)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_DUPLICATE_ID,
                   "The schema already has a type “%s”", gloss_label_get_id (label));
      return FALSE;
    }

  store = self->labels[gloss_label_get_kind (label)];
  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  if (position < 0 || (guint)position > n)
    position = n;
  g_list_store_insert (store, position, label);
  watch (self, label);
  emit_changed (self);
  return TRUE;
}

gboolean
gloss_schema_remove (GlossSchema *self,
                     GlossLabel  *label)
{
  guint position;
  GlossLabelKind kind;

  g_return_val_if_fail (GLOSS_IS_SCHEMA (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_LABEL (label), FALSE);

  kind = gloss_label_get_kind (label);
  if (!g_list_store_find (self->labels[kind], label, &position))
    return FALSE;

  g_signal_handlers_disconnect_by_data (label, self);
  g_list_store_remove (self->labels[kind], position);
  emit_changed (self);
  return TRUE;
}

void
gloss_schema_move (GlossSchema *self,
                   GlossLabel  *label,
                   guint        position)
{
  g_autoptr(GlossLabel) hold = NULL;
  GListStore *store;
  guint from;

  g_return_if_fail (GLOSS_IS_SCHEMA (self));
  g_return_if_fail (GLOSS_IS_LABEL (label));

  store = self->labels[gloss_label_get_kind (label)];
  if (!g_list_store_find (store, label, &from) || from == position)
    return;

  hold = g_object_ref (label);
  g_list_store_remove (store, from);
  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (store)));
  g_list_store_insert (store, position, label);
  emit_changed (self);
}

gboolean
gloss_schema_add_attribute (GlossSchema        *self,
                            GlossAttributeDef  *attribute,
                            GError            **error)
{
  g_return_val_if_fail (GLOSS_IS_SCHEMA (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (attribute), FALSE);

  if (gloss_schema_lookup_attribute (self, gloss_attribute_def_get_id (attribute)) != NULL)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_DUPLICATE_ID,
                   "The schema already has an attribute “%s”",
                   gloss_attribute_def_get_id (attribute));
      return FALSE;
    }

  g_list_store_append (self->attributes, attribute);
  watch (self, attribute);
  emit_changed (self);
  return TRUE;
}

gboolean
gloss_schema_remove_attribute (GlossSchema       *self,
                               GlossAttributeDef *attribute)
{
  guint position;

  g_return_val_if_fail (GLOSS_IS_SCHEMA (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (attribute), FALSE);

  if (!g_list_store_find (self->attributes, attribute, &position))
    return FALSE;

  g_signal_handlers_disconnect_by_data (attribute, self);
  g_list_store_remove (self->attributes, position);
  emit_changed (self);
  return TRUE;
}

void
gloss_schema_notify_changed (GlossSchema *self)
{
  g_return_if_fail (GLOSS_IS_SCHEMA (self));
  emit_changed (self);
}

/**
 * gloss_schema_get_extra:
 *
 * Returns: (transfer none) (nullable): members this version does not know
 */
JsonObject *
gloss_schema_get_extra (GlossSchema *self)
{
  g_return_val_if_fail (GLOSS_IS_SCHEMA (self), NULL);
  return self->extra;
}

void
gloss_schema_set_extra (GlossSchema *self,
                        JsonObject  *extra)
{
  g_return_if_fail (GLOSS_IS_SCHEMA (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}
