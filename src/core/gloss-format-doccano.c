/* gloss-format-doccano.c: doccano's JSONL, sequence labelling and relations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two record shapes are read: {"text", "label": [[start, end, "TYPE"], …]}
 * and {"text", "entities": [{id, start_offset, end_offset, label}],
 * "relations": [{from_id, to_id, type}]}. doccano's web UI counts offsets
 * in UTF-16 units, so that is the default unit. Relations link mentions
 * there and entities here: each related mention gets an entity of its own.
 */
#include "config.h"

#include "gloss-error.h"
#include "gloss-format-doccano.h"
#include "gloss-format-private.h"
#include "gloss-store.h"

typedef struct
{
  GlossOffsetUnit  unit;
  GlossSchema     *schema;
  GPtrArray       *stores;
  char            *stem;
  char            *source;
  guint            n_records;
} Import;

static GlossEntity *
entity_for_mention (GlossDocument *document,
                    GlossMention  *mention,
                    GPtrArray     *entities)
{
  GlossEntity *entity = gloss_mention_get_entity (mention);
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;
  guint n_spans;
  const GlossSpan *spans;

  if (entity != NULL)
    return entity;

  spans = gloss_annotation_get_spans (GLOSS_ANNOTATION (mention), GLOSS_ROLE_CONTENT, &n_spans);
  g_assert (n_spans > 0);
  name = gloss_document_dup_slice (document, spans[0].start, spans[n_spans - 1].end);
  entity = gloss_entity_new (gloss_annotation_get_type_id (GLOSS_ANNOTATION (mention)), name);
  id = g_strdup_printf ("e%u", entities->len + 1);
  gloss_annotation_set_id (GLOSS_ANNOTATION (entity), id);
  gloss_mention_set_entity (mention, entity);
  g_ptr_array_add (entities, entity);

  return entity;
}

static gboolean
add_mention (Import         *self,
             GlossDocument  *document,
             GPtrArray      *mentions,
             gint64          start,
             gint64          end,
             const char     *label,
             const char     *loc,
             const char     *path,
             GError        **error)
{
  g_autofree char *id = NULL;
  GlossMention *mention;
  GlossSpan span;

  if (label == NULL || *label == '\0')
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: %s: the label must be a non-empty string", loc, path);
      return FALSE;
    }

  if (!_gloss_format_make_span (document, self->unit, start, end, NULL, loc, path, &span, error))
    return FALSE;

  gloss_schema_ensure (self->schema, GLOSS_LABEL_ENTITY, label);
  mention = gloss_mention_new (label, &span, 1);
  id = g_strdup_printf ("m%u", mentions->len + 1);
  gloss_annotation_set_id (GLOSS_ANNOTATION (mention), id);
  g_ptr_array_add (mentions, mention);

  return TRUE;
}

static gboolean
read_label_shape (Import         *self,
                  GlossDocument  *document,
                  JsonNode       *node,
                  GPtrArray      *mentions,
                  const char     *loc,
                  GError        **error)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: label: must be a list of [start, end, \"TYPE\"]", loc);
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("label[%u]", i);
      JsonArray *triple;
      JsonNode *s, *e, *l;

      if (JSON_NODE_HOLDS_VALUE (element) &&
          json_node_get_value_type (element) == G_TYPE_STRING)
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNSUPPORTED,
                       "%s: %s: “%s” is a category (doccano text classification), "
                       "not a span; only sequence labelling and relation extraction "
                       "are supported", loc, path, json_node_get_string (element));
          return FALSE;
        }

      if (!JSON_NODE_HOLDS_ARRAY (element) ||
          json_array_get_length (triple = json_node_get_array (element)) != 3 ||
          !JSON_NODE_HOLDS_VALUE ((s = json_array_get_element (triple, 0))) ||
          !JSON_NODE_HOLDS_VALUE ((e = json_array_get_element (triple, 1))) ||
          !JSON_NODE_HOLDS_VALUE ((l = json_array_get_element (triple, 2))) ||
          json_node_get_value_type (s) != G_TYPE_INT64 ||
          json_node_get_value_type (e) != G_TYPE_INT64 ||
          json_node_get_value_type (l) != G_TYPE_STRING)
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: %s: must be [start, end, \"TYPE\"]", loc, path);
          return FALSE;
        }

      if (!add_mention (self, document, mentions,
                        json_node_get_int (s), json_node_get_int (e),
                        json_node_get_string (l), loc, path, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_entities_shape (Import         *self,
                     GlossDocument  *document,
                     JsonNode       *node,
                     GPtrArray      *mentions,
                     GHashTable     *by_id,
                     const char     *loc,
                     GError        **error)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: entities: must be a list of objects", loc);
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("entities[%u]", i);
      g_autofree char *id = NULL;
      JsonObject *object;
      gint64 start, end;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: %s: must be an object", loc, path);
          return FALSE;
        }
      object = json_node_get_object (element);

      if (!_gloss_format_get_offset (object, "start_offset", loc, path, &start, error) ||
          !_gloss_format_get_offset (object, "end_offset", loc, path, &end, error) ||
          !add_mention (self, document, mentions, start, end,
                        _gloss_format_get_string (object, "label"), loc, path, error))
        return FALSE;

      id = _gloss_format_dup_id (object, "id");
      if (id != NULL)
        {
          if (g_hash_table_contains (by_id, id))
            {
              g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                           "%s: %s: the id %s is used twice", loc, path, id);
              return FALSE;
            }
          g_hash_table_insert (by_id, g_steal_pointer (&id),
                               g_ptr_array_index (mentions, mentions->len - 1));
        }
    }

  return TRUE;
}

static GlossMention *
lookup_end (JsonObject  *object,
            const char  *member,
            GHashTable  *by_id,
            const char  *loc,
            const char  *path,
            GError     **error)
{
  g_autofree char *id = _gloss_format_dup_id (object, member);
  GlossMention *mention;

  if (id == NULL)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: %s: “%s” is missing", loc, path, member);
      return NULL;
    }

  mention = g_hash_table_lookup (by_id, id);
  if (mention == NULL)
    g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                 "%s: %s: %s %s is not the id of an entity of the record",
                 loc, path, member, id);

  return mention;
}

static gboolean
read_relations (Import         *self,
                GlossDocument  *document,
                JsonNode       *node,
                GHashTable     *by_id,
                GPtrArray      *entities,
                GPtrArray      *relations,
                const char     *loc,
                GError        **error)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: relations: must be a list of objects", loc);
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("relations[%u]", i);
      g_autofree char *id = NULL;
      GlossMention *from, *to;
      GlossRelation *relation;
      JsonObject *object;
      const char *type;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: %s: must be an object", loc, path);
          return FALSE;
        }
      object = json_node_get_object (element);

      type = _gloss_format_get_string (object, "type");
      if (type == NULL || *type == '\0')
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: %s: “type” must be a non-empty string", loc, path);
          return FALSE;
        }

      if ((from = lookup_end (object, "from_id", by_id, loc, path, error)) == NULL ||
          (to = lookup_end (object, "to_id", by_id, loc, path, error)) == NULL)
        return FALSE;

      gloss_schema_ensure (self->schema, GLOSS_LABEL_RELATION, type);
      relation = gloss_relation_new (type,
                                     entity_for_mention (document, from, entities),
                                     entity_for_mention (document, to, entities));
      id = g_strdup_printf ("r%u", relations->len + 1);
      gloss_annotation_set_id (GLOSS_ANNOTATION (relation), id);
      g_ptr_array_add (relations, relation);
    }

  return TRUE;
}

static gboolean
load_all (GlossStore   *store,
          GPtrArray    *annotations,
          const char   *loc,
          GError      **error)
{
  for (guint i = 0; i < annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (annotations, i);

      if (!gloss_store_load_add (store, annotation, error))
        {
          g_prefix_error (error, "%s: %s %s: ", loc,
                          gloss_annotation_kind_to_string (gloss_annotation_get_kind (annotation)),
                          gloss_annotation_get_id (annotation));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
import_record (JsonObject  *record,
               const char  *loc,
               gpointer     user_data,
               GError     **error)
{
  Import *self = user_data;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GPtrArray) mentions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *id = NULL;
  const char *text;
  JsonNode *node;

  self->n_records++;

  text = _gloss_format_get_string (record, "text");
  if (text == NULL)
    text = _gloss_format_get_string (record, "data");  /* doccano 1.x exports */
  if (text == NULL)
    {
      if (json_object_has_member (record, "column_data"))
        g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                     "%s: the record has no “text” (it names its columns "
                     "“column_data”/“column_label”; rename them to “text”/“label”)", loc);
      else
        g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                     "%s: the record has no “text” string", loc);
      return FALSE;
    }

  document = gloss_document_new_from_text (text, -1, loc, error);
  if (document == NULL)
    return FALSE;

  id = _gloss_format_dup_id (record, "id");
  if (id == NULL)
    id = g_strdup_printf ("%s-%u", self->stem, self->n_records);
  gloss_document_set_id (document, id);
  if (self->source != NULL)
    gloss_document_set_source (document, self->source);

  node = json_object_get_member (record, "meta");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    gloss_document_set_meta (document, json_node_get_object (node));

  node = json_object_get_member (record, "label");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node) &&
      !read_label_shape (self, document, node, mentions, loc, error))
    return FALSE;

  node = json_object_get_member (record, "entities");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node) &&
      !read_entities_shape (self, document, node, mentions, by_id, loc, error))
    return FALSE;

  node = json_object_get_member (record, "relations");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node) &&
      !read_relations (self, document, node, by_id, entities, relations, loc, error))
    return FALSE;

  store = gloss_store_new (document, self->schema);
  if (!load_all (store, entities, loc, error) ||
      !load_all (store, mentions, loc, error) ||
      !load_all (store, relations, loc, error))
    return FALSE;

  g_ptr_array_add (self->stores, g_steal_pointer (&store));
  return TRUE;
}

/**
 * gloss_doccano_import:
 * @input: the file's bytes
 * @options: the offset unit (UTF-16 units unless set), the starting schema
 * @error: return location for a #GLOSS_FORMAT_ERROR
 *
 * Returns: (transfer container) (element-type GlossStore): one store per
 *   record, sharing one schema, or %NULL on error
 */
GPtrArray *
gloss_doccano_import (GBytes                   *input,
                      const GlossFormatOptions *options,
                      GError                  **error)
{
  g_autoptr(GPtrArray) stores = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossSchema) schema = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *source = NULL;
  Import self = { 0 };

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  schema = options->schema ? gloss_schema_copy (options->schema) : gloss_schema_new_default ();
  stem = _gloss_format_stem (options->where);
  source = options->where ? g_path_get_basename (options->where) : NULL;

  self.unit = options->offsets_set ? options->offsets : GLOSS_OFFSET_UTF16;
  self.schema = schema;
  self.stores = stores;
  self.stem = stem;
  self.source = source;

  if (!_gloss_format_foreach_record (input, options->where, import_record, &self, error))
    return NULL;

  return g_steal_pointer (&stores);
}

static void
add_offset_pair (JsonBuilder     *builder,
                 GlossDocument   *document,
                 GlossOffsetUnit  unit,
                 const GlossSpan *span)
{
  json_builder_set_member_name (builder, "start_offset");
  json_builder_add_int_value (builder, gloss_document_cp_to_offset (document, unit, span->start));
  json_builder_set_member_name (builder, "end_offset");
  json_builder_add_int_value (builder, gloss_document_cp_to_offset (document, unit, span->end));
}

static JsonNode *
export_store (GlossStore      *store,
              GlossOffsetUnit  unit)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GHashTable) first_id = g_hash_table_new (NULL, NULL);
  GlossDocument *document = gloss_store_get_document (store);
  GListModel *list;
  JsonObject *meta;
  guint n_out = 0;
  guint n_rel = 0;

  json_builder_begin_object (builder);
  if (gloss_document_get_id (document) != NULL)
    {
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, gloss_document_get_id (document));
    }
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, gloss_document_get_text (document));

  /* doccano has no discontinuous spans: each fragment becomes an entity,
   * and relations start and end at a mention's first fragment. */
  json_builder_set_member_name (builder, "entities");
  json_builder_begin_array (builder);
  list = gloss_store_get_list (store, GLOSS_KIND_MENTION);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossAnnotation) mention = g_list_model_get_item (list, i);
      const GlossSpan *spans;
      guint n_spans;

      spans = gloss_annotation_get_spans (mention, GLOSS_ROLE_CONTENT, &n_spans);
      g_hash_table_insert (first_id, mention, GUINT_TO_POINTER (n_out + 1));
      for (guint j = 0; j < n_spans; j++)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, n_out++);
          add_offset_pair (builder, document, unit, &spans[j]);
          json_builder_set_member_name (builder, "label");
          json_builder_add_string_value (builder, gloss_annotation_get_type_id (mention));
          json_builder_end_object (builder);
        }
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "relations");
  json_builder_begin_array (builder);
  list = gloss_store_get_list (store, GLOSS_KIND_RELATION);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossRelation) relation = g_list_model_get_item (list, i);
      GlossEntity *ends[2] = {
        gloss_relation_get_from (relation), gloss_relation_get_to (relation),
      };
      guint ids[2];
      gboolean ok = TRUE;

      for (guint k = 0; k < 2 && ok; k++)
        {
          g_autoptr(GPtrArray) of = NULL;

          ok = FALSE;
          if (ends[k] == NULL)
            continue;
          of = gloss_store_get_mentions_of (store, ends[k]);
          if (of != NULL && of->len > 0)
            {
              ids[k] = GPOINTER_TO_UINT (g_hash_table_lookup (first_id, g_ptr_array_index (of, 0)));
              ok = ids[k] > 0;
            }
        }
      if (!ok)
        continue;  /* an entity without mentions has no place in doccano */

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, n_rel++);
      json_builder_set_member_name (builder, "from_id");
      json_builder_add_int_value (builder, ids[0] - 1);
      json_builder_set_member_name (builder, "to_id");
      json_builder_add_int_value (builder, ids[1] - 1);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, gloss_annotation_get_type_id (GLOSS_ANNOTATION (relation)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  meta = gloss_document_get_meta (document);
  if (meta != NULL && json_object_get_size (meta) > 0)
    {
      JsonNode *node = json_node_alloc ();

      json_node_init_object (node, meta);
      json_builder_set_member_name (builder, "meta");
      json_builder_add_value (builder, node);
    }

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * gloss_doccano_export:
 * @stores: (element-type GlossStore): the documents
 * @options: the offset unit (UTF-16 units unless set)
 * @error: return location for a #GLOSS_FORMAT_ERROR
 *
 * Writes one line per document in doccano's entities/relations shape.
 * Claims have no doccano equivalent and are left out.
 *
 * Returns: (transfer full): the file's bytes
 */
GBytes *
gloss_doccano_export (GPtrArray                *stores,
                      const GlossFormatOptions *options,
                      GError                  **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  GString *out = g_string_new (NULL);
  GlossOffsetUnit unit;

  g_return_val_if_fail (stores != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  unit = options->offsets_set ? options->offsets : GLOSS_OFFSET_UTF16;

  for (guint i = 0; i < stores->len; i++)
    {
      g_autoptr(JsonNode) root = export_store (g_ptr_array_index (stores, i), unit);
      g_autofree char *line = NULL;

      json_generator_set_root (generator, root);
      line = json_generator_to_data (generator, NULL);
      g_string_append (out, line);
      g_string_append_c (out, '\n');
    }

  return g_string_free_to_bytes (out);
}
