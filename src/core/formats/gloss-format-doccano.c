/* gloss-format-doccano.c: doccano's JSONL, sequence labelling and relations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two record shapes are read and written: {"text", "label": [[start, end,
 * "TYPE"], …]} (sequence labelling, written by default) and {"text",
 * "entities": [{id, start_offset, end_offset, label}], "relations":
 * [{id, from_id, to_id, type}]}. doccano's web UI counts offsets in UTF-16
 * units, so that is the default unit. Relations link mentions there and
 * entities here: each related mention gets an entity of its own. Other
 * columns of a record are doccano's metadata: they go into the document's
 * meta and are written back as columns; ids keep their JSON type.
 */
#include "config.h"

#include "gloss-error.h"
#include "gloss-format-doccano.h"
#include "gloss-format-private.h"
#include "gloss-store.h"

/* One record's annotations, before they enter the store. */
typedef struct
{
  GlossImportContext *context;
  GlossDocument      *document;
  const char         *loc;
  GHashTable         *by_id;      /* doccano id → GlossMention (borrowed) */
  GPtrArray          *mentions;
  GPtrArray          *entities;
  GPtrArray          *relations;
} Record;

static GlossEntity *
entity_for_mention (Record       *r,
                    GlossMention *mention)
{
  return _gloss_format_entity_for_mention (r->document, mention, r->entities);
}

static gunichar
char_at (GlossDocument *document,
         guint          cp)
{
  return g_utf8_get_char (gloss_document_get_text (document) + gloss_document_cp_to_byte (document, cp));
}

/* A span that starts or ends on a space, or inside a word: the sign of
 * offsets counted in another unit. */
static gboolean
odd_boundaries (GlossDocument *document,
                guint          s,
                guint          e)
{
  gunichar first = char_at (document, s);
  gunichar last = char_at (document, e - 1);

  return g_unichar_isspace (first) || g_unichar_isspace (last) ||
         (s > 0 && g_unichar_isalnum (first) && g_unichar_isalnum (char_at (document, s - 1))) ||
         (e < gloss_document_get_length (document) &&
          g_unichar_isalnum (last) && g_unichar_isalnum (char_at (document, e)));
}

/* doccano spans carry no text: when one has odd boundaries in the unit
 * read and clean ones in another, say which --offsets to try. */
static void
check_unit (Record      *r,
            gint64       start,
            gint64       end,
            const char  *path,
            GlossSpan   *span)
{
  static const GlossOffsetUnit units[] = { GLOSS_OFFSET_CODEPOINTS, GLOSS_OFFSET_UTF16 };
  GlossOffsetUnit unit = r->context->unit;

  if (r->context->options->log == NULL || !odd_boundaries (r->document, span->start, span->end))
    return;

  for (gsize i = 0; i < G_N_ELEMENTS (units); i++)
    {
      guint s, e;

      if (units[i] == unit ||
          !gloss_document_offset_to_cp (r->document, units[i], start, &s) ||
          !gloss_document_offset_to_cp (r->document, units[i], end, &e) ||
          s >= e || (s == span->start && e == span->end) || odd_boundaries (r->document, s, e))
        continue;
      _gloss_format_log_note (r->context,
                              "%s: %s: the span %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT
                              " starts or ends inside a word or on a space in %s but not in %s: "
                              "are the offsets %s? (try --offsets %s)",
                              r->loc, path, start, end, _gloss_format_unit_name (unit),
                              _gloss_format_unit_name (units[i]), _gloss_format_unit_name (units[i]),
                              _gloss_format_unit_id (units[i]));
      return;
    }
}

static gboolean
add_mention (Record      *r,
             gint64       start,
             gint64       end,
             const char  *label,
             const char  *path,
             GError     **error)
{
  g_autofree char *id = NULL;
  GlossMention *mention;
  GlossSpan span;

  if (label == NULL || *label == '\0')
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: %s: the label must be a non-empty string", r->loc, path);
      return FALSE;
    }

  if (!_gloss_format_make_span (r->document, r->context->unit, start, end, NULL,
                                r->loc, path, &span, error))
    return FALSE;
  check_unit (r, start, end, path, &span);

  gloss_schema_ensure (r->context->schema, GLOSS_LABEL_ENTITY, label);
  mention = gloss_mention_new (label, &span, 1);
  id = g_strdup_printf ("m%u", r->mentions->len + 1);
  gloss_annotation_set_id (GLOSS_ANNOTATION (mention), id);
  g_ptr_array_add (r->mentions, mention);

  return TRUE;
}

static gboolean
read_label_shape (Record      *r,
                  JsonNode    *node,
                  GError     **error)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: label: must be a list of [start, end, \"TYPE\"]", r->loc);
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
                       "are supported", r->loc, path, json_node_get_string (element));
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
                       "%s: %s: must be [start, end, \"TYPE\"]", r->loc, path);
          return FALSE;
        }

      if (!add_mention (r, json_node_get_int (s), json_node_get_int (e),
                        json_node_get_string (l), path, error) &&
          !_gloss_format_log_problem (r->context, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_entity (JsonObject  *object,
             const char  *path,
             gpointer     user_data,
             GError     **error)
{
  Record *r = user_data;
  g_autofree char *id = NULL;
  gint64 start, end;

  if (!_gloss_format_get_offset (object, "start_offset", r->loc, path, &start, error) ||
      !_gloss_format_get_offset (object, "end_offset", r->loc, path, &end, error) ||
      !add_mention (r, start, end, _gloss_format_get_string (object, "label"), path, error))
    return FALSE;

  id = _gloss_format_dup_id (object, "id");
  if (id != NULL)
    {
      GlossAnnotation *mention = g_ptr_array_index (r->mentions, r->mentions->len - 1);

      if (g_hash_table_contains (r->by_id, id))
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: %s: the id %s is used twice", r->loc, path, id);
          return FALSE;
        }
      /* doccano's own id, so that it is written back */
      gloss_annotation_set_id (mention, id);
      g_hash_table_insert (r->by_id, g_steal_pointer (&id), mention);
    }

  return TRUE;
}

static GlossMention *
lookup_end (Record      *r,
            JsonObject  *object,
            const char  *member,
            const char  *path,
            GError     **error)
{
  g_autofree char *id = _gloss_format_dup_id (object, member);
  GlossMention *mention;

  if (id == NULL)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: %s: “%s” is missing", r->loc, path, member);
      return NULL;
    }

  mention = g_hash_table_lookup (r->by_id, id);
  if (mention == NULL)
    g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                 "%s: %s: %s %s is not the id of an entity of the record",
                 r->loc, path, member, id);

  return mention;
}

static gboolean
read_relation (JsonObject  *object,
               const char  *path,
               gpointer     user_data,
               GError     **error)
{
  Record *r = user_data;
  g_autofree char *id = NULL;
  GlossMention *from, *to;
  GlossRelation *relation;
  const char *type;

  type = _gloss_format_get_string (object, "type");
  if (type == NULL || *type == '\0')
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: %s: “type” must be a non-empty string", r->loc, path);
      return FALSE;
    }

  if ((from = lookup_end (r, object, "from_id", path, error)) == NULL ||
      (to = lookup_end (r, object, "to_id", path, error)) == NULL)
    return FALSE;

  gloss_schema_ensure (r->context->schema, GLOSS_LABEL_RELATION, type);
  relation = gloss_relation_new (type, entity_for_mention (r, from), entity_for_mention (r, to));
  id = g_strdup_printf ("r%u", r->relations->len + 1);
  gloss_annotation_set_id (GLOSS_ANNOTATION (relation), id);
  g_ptr_array_add (r->relations, relation);

  return TRUE;
}

/* "entities" and "relations": lists of objects. */
static gboolean
read_objects (Record           *r,
              JsonNode         *node,
              const char       *member,
              GlossObjectFunc   func,
              GError          **error)
{
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: %s: must be a list of objects", r->loc, member);
      return FALSE;
    }

  return _gloss_format_foreach_object_logged (r->context, json_node_get_array (node), member,
                                              r->loc, func, r, error);
}

/* The members a doccano record has for Gloss; every other one is a
 * column of the project's metadata. */
static const char * const known_members[] = {
  "id", "text", "data", "label", "entities", "relations", "meta",
  "title", "source", "language",
};

/* Columns doccano does not define go into the document's meta, so that
 * they are written back. */
static void
read_columns (GlossDocument *document,
              JsonObject    *record)
{
  g_autoptr(JsonObject) others = _gloss_format_other_members (record, known_members,
                                                               G_N_ELEMENTS (known_members));
  JsonObject *meta = gloss_document_get_meta (document);

  if (others != NULL)
    {
      g_autoptr(JsonObject) merged = json_object_new ();
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      if (meta != NULL)
        {
          json_object_iter_init (&iter, meta);
          while (json_object_iter_next (&iter, &name, &node))
            json_object_set_member (merged, name, json_node_copy (node));
        }
      json_object_iter_init (&iter, others);
      while (json_object_iter_next (&iter, &name, &node))
        json_object_set_member (merged, name, json_node_copy (node));
      gloss_document_set_meta (document, merged);
    }
}

static gboolean
import_record (JsonObject  *record,
               const char  *loc,
               gpointer     user_data,
               GError     **error)
{
  GlossImportContext *context = user_data;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GPtrArray) mentions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *lists[] = { entities, mentions, relations };
  Record r;
  const char *text;
  JsonNode *node;

  if (!_gloss_format_check_shape (record, "doccano", loc, error))
    return FALSE;

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

  document = _gloss_format_new_document (context, record, text, loc, error);
  if (document == NULL)
    return FALSE;
  read_columns (document, record);

  r = (Record) {
    .context = context, .document = document, .loc = loc, .by_id = by_id,
    .mentions = mentions, .entities = entities, .relations = relations,
  };

  node = json_object_get_member (record, "label");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node) &&
      !read_label_shape (&r, node, error))
    return FALSE;

  node = json_object_get_member (record, "entities");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node) &&
      !read_objects (&r, node, "entities", read_entity, error))
    return FALSE;

  node = json_object_get_member (record, "relations");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node) &&
      !read_objects (&r, node, "relations", read_relation, error))
    return FALSE;

  return _gloss_format_add_store (context, document, lists, G_N_ELEMENTS (lists), loc, error);
}

/**
 * gloss_doccano_import:
 * @input: the file's bytes
 * @options: the offset unit (UTF-16 units unless set), the starting schema
 *   and the progress callback
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
  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _gloss_format_import_records (input, options, GLOSS_OFFSET_UTF16, import_record, error);
}

static void
add_offset_pair (GlossJsonWriter *json,
                 GlossDocument   *document,
                 GlossOffsetUnit  unit,
                 const GlossSpan *span)
{
  gloss_json_writer_member (json, "start_offset");
  gloss_json_writer_int (json, gloss_document_cp_to_offset (document, unit, span->start));
  gloss_json_writer_member (json, "end_offset");
  gloss_json_writer_int (json, gloss_document_cp_to_offset (document, unit, span->end));
}

/* doccano's ids are numbers: an id that is one (read from doccano) is
 * written as one, any other as a string. */
static gboolean
parse_number_id (const char *id,
                 gint64     *number)
{
  char *end;

  if (id == NULL || !g_ascii_isdigit (id[0]) || (id[0] == '0' && id[1] != '\0'))
    return FALSE;
  *number = g_ascii_strtoll (id, &end, 10);
  return *end == '\0' && *number >= 0;
}

static void
add_id (GlossJsonWriter *json,
        const char      *id)
{
  gint64 number;

  gloss_json_writer_member (json, "id");
  if (parse_number_id (id, &number))
    gloss_json_writer_int (json, number);
  else
    gloss_json_writer_string (json, id);
}

/* The document's own members, and its meta written back as columns. */
static void
add_document_columns (GlossJsonWriter *json,
                      GlossDocument   *document)
{
  JsonObject *meta = gloss_document_get_meta (document);
  const char *values[] = {
    gloss_document_get_title (document),
    gloss_document_get_source (document),
    gloss_document_get_language (document),
  };
  const char *names[] = { "title", "source", "language" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (values[i] != NULL)
      {
        gloss_json_writer_member (json, names[i]);
        gloss_json_writer_string (json, values[i]);
      }

  if (meta != NULL)
    _gloss_format_add_other_members (json, meta, known_members, G_N_ELEMENTS (known_members));
}

/* Sequence labelling: [start, end, "TYPE"] per fragment. */
static void
add_label_shape (GlossJsonWriter *json,
                 GlossStore      *store,
                 GlossOffsetUnit  unit)
{
  GlossDocument *document = gloss_store_get_document (store);
  GListModel *list = gloss_store_get_list (store, GLOSS_KIND_MENTION);

  gloss_json_writer_member (json, "label");
  gloss_json_writer_begin_array (json);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossAnnotation) mention = g_list_model_get_item (list, i);
      const GlossSpan *spans;
      guint n_spans;

      spans = gloss_annotation_get_spans (mention, GLOSS_ROLE_CONTENT, &n_spans);
      for (guint j = 0; j < n_spans; j++)
        {
          gloss_json_writer_begin_array (json);
          gloss_json_writer_int (json, gloss_document_cp_to_offset (document, unit, spans[j].start));
          gloss_json_writer_int (json, gloss_document_cp_to_offset (document, unit, spans[j].end));
          gloss_json_writer_string (json, gloss_annotation_get_type_id (mention));
          gloss_json_writer_end_array (json);
        }
    }
  gloss_json_writer_end_array (json);
}

/* The numbers doccano will see as the mentions' ids: their own when every
 * mention has one (read from doccano) and is one span, else 0, 1, … per
 * fragment. Returns the first fragment's number + 1 of each mention. */
static GHashTable *
number_mentions (GListModel *list,
                 gboolean   *own)
{
  GHashTable *first_id = g_hash_table_new (NULL, NULL);
  guint n = g_list_model_get_n_items (list);
  gint64 next = 0;

  *own = TRUE;
  for (guint i = 0; i < n && *own; i++)
    {
      g_autoptr(GlossAnnotation) mention = g_list_model_get_item (list, i);
      guint n_spans;
      gint64 number;

      gloss_annotation_get_spans (mention, GLOSS_ROLE_CONTENT, &n_spans);
      *own = n_spans == 1 && parse_number_id (gloss_annotation_get_id (mention), &number) &&
             number < G_MAXUINT;
      if (*own)
        g_hash_table_insert (first_id, mention, GUINT_TO_POINTER ((guint) number + 1));
    }
  if (*own)
    return first_id;

  g_hash_table_remove_all (first_id);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) mention = g_list_model_get_item (list, i);
      guint n_spans;

      gloss_annotation_get_spans (mention, GLOSS_ROLE_CONTENT, &n_spans);
      g_hash_table_insert (first_id, mention, GUINT_TO_POINTER ((guint) next + 1));
      next += n_spans;
    }
  return first_id;
}

/* Relation extraction: entities with ids, relations between the first
 * fragments of a mention of each end. */
static void
add_entities_shape (GlossJsonWriter *json,
                    GlossStore      *store,
                    GlossOffsetUnit  unit)
{
  GlossDocument *document = gloss_store_get_document (store);
  GListModel *list = gloss_store_get_list (store, GLOSS_KIND_MENTION);
  gboolean own;
  g_autoptr(GHashTable) first_id = number_mentions (list, &own);
  guint n_rel = 0;

  gloss_json_writer_member (json, "entities");
  gloss_json_writer_begin_array (json);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossAnnotation) mention = g_list_model_get_item (list, i);
      guint first = GPOINTER_TO_UINT (g_hash_table_lookup (first_id, mention)) - 1;
      const GlossSpan *spans;
      guint n_spans;

      spans = gloss_annotation_get_spans (mention, GLOSS_ROLE_CONTENT, &n_spans);
      for (guint j = 0; j < n_spans; j++)
        {
          gloss_json_writer_begin_object (json);
          gloss_json_writer_member (json, "id");
          gloss_json_writer_int (json, first + j);
          add_offset_pair (json, document, unit, &spans[j]);
          gloss_json_writer_member (json, "label");
          gloss_json_writer_string (json, gloss_annotation_get_type_id (mention));
          gloss_json_writer_end_object (json);
        }
    }
  gloss_json_writer_end_array (json);

  gloss_json_writer_member (json, "relations");
  gloss_json_writer_begin_array (json);
  list = gloss_store_get_list (store, GLOSS_KIND_RELATION);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossRelation) relation = g_list_model_get_item (list, i);
      GlossEntity *ends[2] = {
        gloss_relation_get_from (relation), gloss_relation_get_to (relation),
      };
      guint ids[2] = { 0, 0 };

      for (guint k = 0; k < 2; k++)
        {
          GlossAnnotation *first = ends[k] ? _gloss_format_first_mention (store, ends[k]) : NULL;

          if (first != NULL)
            ids[k] = GPOINTER_TO_UINT (g_hash_table_lookup (first_id, first));
        }
      if (ids[0] == 0 || ids[1] == 0)
        continue;  /* an entity without mentions has no place in doccano */

      gloss_json_writer_begin_object (json);
      gloss_json_writer_member (json, "id");
      gloss_json_writer_int (json, n_rel++);
      gloss_json_writer_member (json, "from_id");
      gloss_json_writer_int (json, ids[0] - 1);
      gloss_json_writer_member (json, "to_id");
      gloss_json_writer_int (json, ids[1] - 1);
      gloss_json_writer_member (json, "type");
      gloss_json_writer_string (json, gloss_annotation_get_type_id (GLOSS_ANNOTATION (relation)));
      gloss_json_writer_end_object (json);
    }
  gloss_json_writer_end_array (json);
}

static void
export_store (GlossStore      *store,
              GlossOffsetUnit  unit,
              gboolean         label_shape,
              GlossJsonWriter *json)
{
  GlossDocument *document = gloss_store_get_document (store);

  gloss_json_writer_begin_object (json);
  if (gloss_document_get_id (document) != NULL)
    add_id (json, gloss_document_get_id (document));
  gloss_json_writer_member (json, "text");
  gloss_json_writer_string (json, gloss_document_get_text (document));
  if (label_shape)
    add_label_shape (json, store, unit);
  else
    add_entities_shape (json, store, unit);
  add_document_columns (json, document);
  gloss_json_writer_end_object (json);
}

/**
 * gloss_doccano_export:
 * @stores: (element-type GlossStore): the documents
 * @options: the offset unit (UTF-16 units unless set), the shape (variant
 *   "label", the default, or "entities") and the progress callback
 * @error: return location for a #GLOSS_FORMAT_ERROR
 *
 * Writes one line per document. Claims have no doccano equivalent and are
 * left out; the label shape has no relations either (both counted in the
 * report).
 *
 * Returns: (transfer full): the file's bytes, or %NULL for an unknown shape
 */
GBytes *
gloss_doccano_export (GPtrArray                *stores,
                      const GlossFormatOptions *options,
                      GError                  **error)
{
  GlossJsonWriter json;
  GlossOffsetUnit unit;
  gboolean label_shape;
  GString *out;

  g_return_val_if_fail (stores != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (options->variant != NULL &&
      !g_str_equal (options->variant, "label") && !g_str_equal (options->variant, "entities"))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNSUPPORTED,
                   "doccano has no shape “%s” (label or entities)", options->variant);
      return NULL;
    }
  label_shape = options->variant == NULL || g_str_equal (options->variant, "label");
  unit = options->offsets_set ? options->offsets : GLOSS_OFFSET_UTF16;

  out = g_string_new (NULL);
  gloss_json_writer_init (&json, out, FALSE);
  for (guint i = 0; i < stores->len; i++)
    {
      GlossStore *store = g_ptr_array_index (stores, i);
      if (label_shape && options->report != NULL)
        gloss_format_report_add (options->report, GLOSS_LOSS_RELATIONS,
                                 gloss_store_get_n_items (store, GLOSS_KIND_RELATION));
      export_store (store, unit, label_shape, &json);
      g_string_append_c (out, '\n');
      if (options->progress != NULL)
        options->progress (i + 1, stores->len, options->progress_data);
    }
  if (stores->len == 0 && options->progress != NULL)
    options->progress (0, 0, options->progress_data);
  gloss_json_writer_clear (&json);

  return g_string_free_to_bytes (out);
}
