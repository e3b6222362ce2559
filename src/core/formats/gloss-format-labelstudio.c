/* gloss-format-labelstudio.c: Label Studio's task JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of tasks: {"id", "data": {"text"}, "annotations": [{"result":
 * [...]}], "predictions": [{"result": [...]}]}. A result of type "labels"
 * is a region: {"id", "from_name", "to_name", "type", "value": {"start",
 * "end", "text", "labels": [TYPE]}}, with "meta": {"text": [NOTE]} for a
 * note; one of type "relation" links two regions: {"from_id", "to_id",
 * "direction", "labels": [TYPE]}. Offsets are UTF-16 units, as Label
 * Studio's web editor counts them. Each annotation of a task (or, without
 * any, each prediction) is one document: several annotators, several
 * documents.
 */
#include "config.h"

#include <string.h>

#include "gloss-error.h"
#include "gloss-format-labelstudio.h"
#include "gloss-format-private.h"
#include "gloss-store.h"

/* Import */

/* A task's "annotations" are read into a GlossJsonLite arena, straight
 * from the input (the context's lazy member): as json-glib trees, 500
 * regions of a handful of small objects each took most of the import. */
typedef const GlossJsonLiteValue Value;

typedef struct
{
  GlossImportContext *context;
  GlossDocument      *document;
  const char         *loc;
  GHashTable         *by_id;      /* region id → GlossMention (borrowed) */
  GPtrArray          *mentions;
  GPtrArray          *entities;
  GPtrArray          *relations;
  JsonArray          *other;      /* results of other types, kept in meta */
} Result;

static gboolean
invalid (GError     **error,
         const char  *loc,
         const char  *path,
         const char  *what)
{
  g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID, "%s: %s: %s", loc, path, what);
  return FALSE;
}

static const char *
first_label (Value *object)
{
  Value *labels = gloss_json_lite_get_member (object, "labels");

  if (labels == NULL || labels->kind != GLOSS_JSON_BEGIN_ARRAY || labels->n == 0 ||
      labels->items[0]->kind != GLOSS_JSON_STRING)
    return NULL;
  return labels->items[0]->string;
}

static gboolean
read_region (Result      *r,
             Value       *result,
             const char  *path,
             GError     **error)
{
  Value *value = gloss_json_lite_get_member (result, "value");
  Value *labels;
  Value *meta = gloss_json_lite_get_member (result, "meta");
  Value *notes = gloss_json_lite_get_member (meta, "text");
  g_autofree char *id = _gloss_format_lite_dup_id (result, "id");
  gint64 start, end;
  GlossSpan span;

  if (value == NULL || value->kind != GLOSS_JSON_BEGIN_OBJECT)
    return invalid (error, r->loc, path, "a “labels” result without a “value” object");
  if (!_gloss_format_lite_offset (value, "start", r->loc, path, &start, error) ||
      !_gloss_format_lite_offset (value, "end", r->loc, path, &end, error) ||
      !_gloss_format_make_span (r->document, r->context->unit, start, end,
                                gloss_json_lite_get_string (value, "text"), r->loc, path, &span, error))
    return FALSE;

  labels = gloss_json_lite_get_member (value, "labels");
  if (labels == NULL || labels->kind != GLOSS_JSON_BEGIN_ARRAY || labels->n == 0)
    return invalid (error, r->loc, path, "a region without “labels”");

  for (guint i = 0; i < labels->n; i++)
    {
      const char *label = labels->items[i]->kind == GLOSS_JSON_STRING ? labels->items[i]->string : NULL;
      g_autofree char *mention_id = _gloss_format_numbered ("m", r->mentions->len + 1, "");
      GlossMention *mention;

      if (label == NULL || *label == '\0')
        return invalid (error, r->loc, path, "a label must be a non-empty string");
      gloss_schema_ensure (r->context->schema, GLOSS_LABEL_ENTITY, label);
      mention = gloss_mention_new (label, &span, 1);
      gloss_annotation_set_id (GLOSS_ANNOTATION (mention), mention_id);
      if (notes != NULL && notes->kind == GLOSS_JSON_BEGIN_ARRAY && notes->n > 0 &&
          notes->items[0]->kind == GLOSS_JSON_STRING)
        gloss_annotation_set_note (GLOSS_ANNOTATION (mention), notes->items[0]->string);
      g_ptr_array_add (r->mentions, mention);
      if (id != NULL && i == 0)
        g_hash_table_insert (r->by_id, g_strdup (id), mention);
    }

  return TRUE;
}

static GlossMention *
region (Result      *r,
        Value       *result,
        const char  *member,
        const char  *path,
        GError     **error)
{
  g_autofree char *id = _gloss_format_lite_dup_id (result, member);
  GlossMention *mention = id ? g_hash_table_lookup (r->by_id, id) : NULL;

  if (mention == NULL)
    {
      g_autofree char *what = g_strdup_printf ("“%s” %s names no region of the annotation", member, id ? id : "(missing)");

      invalid (error, r->loc, path, what);
    }
  return mention;
}

static gboolean
read_relation (Result      *r,
               Value       *result,
               const char  *path,
               GError     **error)
{
  GlossMention *from, *to;
  const char *type = first_label (result);
  g_autofree char *id = g_strdup_printf ("r%u", r->relations->len + 1);
  GlossRelation *relation;

  if ((from = region (r, result, "from_id", path, error)) == NULL ||
      (to = region (r, result, "to_id", path, error)) == NULL)
    return FALSE;
  if (g_strcmp0 (gloss_json_lite_get_string (result, "direction"), "left") == 0)
    {
      GlossMention *swap = from;

      from = to;
      to = swap;
    }

  type = type ? type : "related";
  gloss_schema_ensure (r->context->schema, GLOSS_LABEL_RELATION, type);
  relation = gloss_relation_new (type, _gloss_format_entity_for_mention (r->document, from, r->entities),
                                 _gloss_format_entity_for_mention (r->document, to, r->entities));
  gloss_annotation_set_id (GLOSS_ANNOTATION (relation), id);
  g_ptr_array_add (r->relations, relation);
  return TRUE;
}

/* Regions first, so relations may name regions that come after them. */
static gboolean
read_results (Result      *r,
              Value       *results,
              const char  *member,
              GError     **error)
{
  g_autofree char *prefix = g_strconcat (member, ".result", NULL);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < results->n; i++)
      {
        Value *result = results->items[i];
        g_autofree char *path = _gloss_format_element_path (prefix, i);
        const char *type;

        g_autoptr(GError) local_error = NULL;
        gboolean ok = TRUE;

        if (result->kind != GLOSS_JSON_BEGIN_OBJECT)
          {
            if (pass == 1)
              continue;
            ok = invalid (&local_error, r->loc, path, "must be an object");
          }
        else
          {
            type = gloss_json_lite_get_string (result, "type");
            if (pass == 0 && g_strcmp0 (type, "labels") == 0)
              ok = read_region (r, result, path, &local_error);
            else if (pass == 1 && g_strcmp0 (type, "relation") == 0)
              ok = read_relation (r, result, path, &local_error);
            else if (pass == 1 && g_strcmp0 (type, "labels") != 0)
              json_array_add_element (r->other, gloss_json_lite_to_node (result));
          }
        /* With an import log, every bad result is told. */
        if (!ok && !_gloss_format_log_problem (r->context, &local_error))
          {
            g_propagate_error (error, g_steal_pointer (&local_error));
            return FALSE;
          }
      }
  return TRUE;
}

static const char *
task_text (JsonObject  *data,
           const char  *loc,
           GError     **error)
{
  const char *text = _gloss_format_get_string (data, "text");
  g_autoptr(GList) members = NULL;
  const char *only = NULL;
  guint n = 0;

  if (text != NULL)
    return text;
  members = json_object_get_members (data);
  for (GList *l = members; l != NULL; l = l->next)
    if (_gloss_format_get_string (data, l->data) != NULL && !g_str_equal (l->data, "gloss_document"))
      {
        only = _gloss_format_get_string (data, l->data);
        n++;
      }
  if (n == 1)
    return only;  /* a labeling config with another name than "text" */
  g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
               "%s: data: no “text” (and %u other strings, so none is plainly the text)", loc, n);
  return NULL;
}

static gboolean
import_annotation (GlossImportContext  *context,
                   JsonObject          *task,
                   const char          *text,
                   const char          *doc_id,
                   Value               *annotation,
                   const char          *member,
                   const char          *loc,
                   GError             **error)
{
  g_autoptr(JsonObject) record = json_object_new ();
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) mentions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonArray) other = json_array_new ();
  GPtrArray *lists[] = { entities, mentions, relations };
  Value *results = gloss_json_lite_get_member (annotation, "result");
  JsonNode *meta = json_object_get_member (task, "meta");
  Result r;

  if (doc_id != NULL)
    json_object_set_string_member (record, "id", doc_id);
  if (meta != NULL && JSON_NODE_HOLDS_OBJECT (meta))
    json_object_set_member (record, "meta", json_node_copy (meta));
  document = _gloss_format_new_document (context, record, text, loc, error);
  if (document == NULL)
    return FALSE;

  r = (Result) {
    .context = context, .document = document, .loc = loc, .by_id = by_id,
    .mentions = mentions, .entities = entities, .relations = relations, .other = other,
  };
  if (results != NULL && results->kind != GLOSS_JSON_BEGIN_ARRAY)
    return invalid (error, loc, member, "“result” must be a list");
  if (results != NULL && !read_results (&r, results, member, error))
    return FALSE;

  if (json_array_get_length (other) > 0)
    {
      JsonObject *doc_meta = gloss_document_get_meta (document);
      g_autoptr(JsonObject) copy = doc_meta ? json_object_ref (doc_meta) : json_object_new ();

      json_object_set_array_member (copy, "labelstudio_results", json_array_ref (other));
      gloss_document_set_meta (document, copy);
    }
  return _gloss_format_add_store (context, document, lists, G_N_ELEMENTS (lists), loc, error);
}

static gboolean
import_task (JsonObject  *task,
             const char  *loc,
             gpointer     user_data,
             GError     **error)
{
  GlossImportContext *context = user_data;
  JsonNode *data = json_object_get_member (task, "data");
  g_autoptr(GlossJsonLite) lite = gloss_json_lite_new ();
  g_autoptr(GError) local_error = NULL;
  Value *annotations;
  const char *member = "annotations";
  g_autofree char *task_id = _gloss_format_dup_id (task, "id");
  const char *named;
  const char *text;
  Value *sets = NULL;
  guint n;

  if (data == NULL || !JSON_NODE_HOLDS_OBJECT (data))
    return invalid (error, loc, "data", "a task needs a “data” object with the text");
  if ((text = task_text (json_node_get_object (data), loc, error)) == NULL)
    return FALSE;
  named = _gloss_format_get_string (json_node_get_object (data), "gloss_document");

  annotations = _gloss_format_lite_member (context, task, "annotations", lite, loc, &local_error);
  if (annotations != NULL && annotations->kind == GLOSS_JSON_BEGIN_ARRAY && annotations->n > 0)
    sets = annotations;
  else if (local_error == NULL &&
           (annotations = _gloss_format_lite_member (context, task, "predictions", lite, loc, &local_error)) != NULL &&
           annotations->kind == GLOSS_JSON_BEGIN_ARRAY)
    {
      sets = annotations;
      member = "predictions";
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  n = sets ? sets->n : 0;
  if (n == 0)
    return import_annotation (context, task, text, named ? named : task_id, NULL, member, loc, error);

  for (guint i = 0; i < n; i++)
    {
      Value *node = sets->items[i];
      g_autofree char *path = _gloss_format_element_path (member, i);
      g_autofree char *ann_id = NULL;
      g_autofree char *doc_id = NULL;
      const char *base = named ? named : task_id;

      if (node->kind != GLOSS_JSON_BEGIN_OBJECT)
        return invalid (error, loc, path, "must be an object");
      ann_id = _gloss_format_lite_dup_id (node, "id");
      if (n > 1)
        doc_id = g_strdup_printf ("%s.%s", base ? base : context->stem, ann_id ? ann_id : path);
      else
        doc_id = g_strdup (base);
      if (!import_annotation (context, task, text, doc_id, node, path, loc, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * gloss_labelstudio_import:
 * @input: the file's bytes: a JSON list of tasks (or one task, or JSON
 *   Lines of tasks)
 * @options: the offset unit (UTF-16 units unless set), the starting schema
 *   and the progress callback
 * @error: return location for a #GLOSS_FORMAT_ERROR
 *
 * Returns: (transfer container) (element-type GlossStore): one store per
 *   annotation of each task (per task when it has none), or %NULL on error
 */
GPtrArray *
gloss_labelstudio_import (GBytes                   *input,
                          const GlossFormatOptions *options,
                          GError                  **error)
{
  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _gloss_format_import_records_lite (input, options, GLOSS_OFFSET_UTF16, "annotations",
                                            import_task, error);
}

/* Export */

static void
add_region (GlossJsonWriter *b,
            GlossDocument   *document,
            GlossOffsetUnit  unit,
            const char      *id,
            const GlossSpan *span,
            const char      *type,
            const char      *note)
{
  g_autofree char *text = gloss_document_dup_slice (document, span->start, span->end);

  gloss_json_writer_begin_object (b);
  gloss_json_writer_member (b, "id");
  gloss_json_writer_string (b, id);
  gloss_json_writer_member (b, "from_name");
  gloss_json_writer_string (b, "label");
  gloss_json_writer_member (b, "to_name");
  gloss_json_writer_string (b, "text");
  gloss_json_writer_member (b, "type");
  gloss_json_writer_string (b, "labels");
  gloss_json_writer_member (b, "value");
  gloss_json_writer_begin_object (b);
  gloss_json_writer_member (b, "start");
  gloss_json_writer_int (b, gloss_document_cp_to_offset (document, unit, span->start));
  gloss_json_writer_member (b, "end");
  gloss_json_writer_int (b, gloss_document_cp_to_offset (document, unit, span->end));
  gloss_json_writer_member (b, "text");
  gloss_json_writer_string (b, text);
  gloss_json_writer_member (b, "labels");
  gloss_json_writer_begin_array (b);
  gloss_json_writer_string (b, type);
  gloss_json_writer_end_array (b);
  gloss_json_writer_end_object (b);
  if (note != NULL)
    {
      gloss_json_writer_member (b, "meta");
      gloss_json_writer_begin_object (b);
      gloss_json_writer_member (b, "text");
      gloss_json_writer_begin_array (b);
      gloss_json_writer_string (b, note);
      gloss_json_writer_end_array (b);
      gloss_json_writer_end_object (b);
    }
  gloss_json_writer_end_object (b);
}

/* Region ids: the mention's id, and ID-2… for its further fragments. */
static char *
region_id (GlossAnnotation *mention,
           guint            fragment)
{
  if (fragment == 0)
    return g_strdup (gloss_annotation_get_id (mention));
  return g_strdup_printf ("%s-%u", gloss_annotation_get_id (mention), fragment + 1);
}

static void
export_task (GlossStore      *store,
             GlossOffsetUnit  unit,
             guint            index,
             GlossJsonWriter *b)
{
  GlossDocument *document = gloss_store_get_document (store);
  JsonObject *meta = gloss_document_get_meta (document);
  JsonNode *others = meta ? json_object_get_member (meta, "labelstudio_results") : NULL;
  GListModel *list = gloss_store_get_list (store, GLOSS_KIND_MENTION);

  gloss_json_writer_begin_object (b);
  gloss_json_writer_member (b, "id");
  gloss_json_writer_int (b, index + 1);
  gloss_json_writer_member (b, "data");
  gloss_json_writer_begin_object (b);
  gloss_json_writer_member (b, "text");
  gloss_json_writer_string (b, gloss_document_get_text (document));
  if (gloss_document_get_id (document) != NULL)
    {
      gloss_json_writer_member (b, "gloss_document");
      gloss_json_writer_string (b, gloss_document_get_id (document));
    }
  gloss_json_writer_end_object (b);

  gloss_json_writer_member (b, "annotations");
  gloss_json_writer_begin_array (b);
  gloss_json_writer_begin_object (b);
  gloss_json_writer_member (b, "result");
  gloss_json_writer_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossAnnotation) m = g_list_model_get_item (list, i);
      const GlossSpan *spans;
      guint n;

      spans = gloss_annotation_get_spans (m, GLOSS_ROLE_CONTENT, &n);
      for (guint j = 0; j < n; j++)
        {
          g_autofree char *id = region_id (m, j);

          add_region (b, document, unit, id, &spans[j], gloss_annotation_get_type_id (m),
                      j == 0 ? gloss_annotation_get_note (m) : NULL);
        }
    }
  list = gloss_store_get_list (store, GLOSS_KIND_RELATION);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossRelation) relation = g_list_model_get_item (list, i);
      GlossAnnotation *from = _gloss_format_first_mention (store, gloss_relation_get_from (relation));
      GlossAnnotation *to = _gloss_format_first_mention (store, gloss_relation_get_to (relation));

      if (from == NULL || to == NULL)
        continue;  /* counted by gloss_labelstudio_export () */
      gloss_json_writer_begin_object (b);
      gloss_json_writer_member (b, "from_id");
      gloss_json_writer_string (b, gloss_annotation_get_id (from));
      gloss_json_writer_member (b, "to_id");
      gloss_json_writer_string (b, gloss_annotation_get_id (to));
      gloss_json_writer_member (b, "type");
      gloss_json_writer_string (b, "relation");
      gloss_json_writer_member (b, "direction");
      gloss_json_writer_string (b, "right");
      gloss_json_writer_member (b, "labels");
      gloss_json_writer_begin_array (b);
      gloss_json_writer_string (b, gloss_annotation_get_type_id (GLOSS_ANNOTATION (relation)));
      gloss_json_writer_end_array (b);
      gloss_json_writer_end_object (b);
    }
  if (others != NULL && JSON_NODE_HOLDS_ARRAY (others))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (others)); i++)
      gloss_json_writer_node (b, json_array_get_element (json_node_get_array (others), i));
  gloss_json_writer_end_array (b);
  gloss_json_writer_end_object (b);
  gloss_json_writer_end_array (b);

  if (meta != NULL && json_object_get_size (meta) > (others ? 1u : 0u))
    {
      g_autoptr(GList) names = json_object_get_members (meta);

      gloss_json_writer_member (b, "meta");
      gloss_json_writer_begin_object (b);
      for (GList *l = names; l != NULL; l = l->next)
        if (!g_str_equal (l->data, "labelstudio_results"))
          {
            gloss_json_writer_member (b, l->data);
            gloss_json_writer_node (b, json_object_get_member (meta, l->data));
          }
      gloss_json_writer_end_object (b);
    }
  gloss_json_writer_end_object (b);
}

/**
 * gloss_labelstudio_export_chunk:
 * @store: the @index-th document
 * @index: its place in the file (the task's id is @index + 1)
 * @several: unused: the file is a list of tasks however many
 * @options: the offset unit (UTF-16 units unless set) and the report
 * @out: where the task goes, after the "[" or "," before it
 */
void
gloss_labelstudio_export_chunk (GlossStore               *store,
                                guint                     index,
                                gboolean                  several,
                                const GlossFormatOptions *options,
                                GString                  *out)
{
  GlossOffsetUnit unit = options->offsets_set ? options->offsets : GLOSS_OFFSET_UTF16;
  GListModel *list = gloss_store_get_list (store, GLOSS_KIND_RELATION);
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  GlossJsonWriter json;

  g_ptr_array_add (one, store);
  _gloss_format_report_unplaced_relations (one, options->report);
  /* Regions have notes, relations none. */
  for (guint k = 0; options->report != NULL && k < g_list_model_get_n_items (list); k++)
    {
      g_autoptr(GlossAnnotation) relation = g_list_model_get_item (list, k);

      if (gloss_annotation_get_note (relation) != NULL)
        gloss_format_report_add (options->report, GLOSS_LOSS_NOTES, 1);
    }

  if (index == 0)
    g_string_append_c (out, '[');
  gloss_json_writer_init_in_array (&json, out, TRUE, index > 0);
  export_task (store, unit, index, &json);
  gloss_json_writer_clear (&json);
}

/**
 * gloss_labelstudio_export_end:
 * @n: the number of documents written
 * @options: unused
 * @out: where the end of the list goes
 */
void
gloss_labelstudio_export_end (guint                     n,
                              const GlossFormatOptions *options,
                              GString                  *out)
{
  g_string_append (out, n == 0 ? "[]\n" : "\n]\n");
}

/**
 * gloss_labelstudio_export:
 * @stores: (element-type GlossStore): the documents
 * @options: the offset unit (UTF-16 units unless set), the report and the
 *   progress callback
 * @error: return location for a #GLOSS_FORMAT_ERROR
 *
 * Returns: (transfer full): a JSON list of tasks, one per document, each
 *   with one annotation
 */
GBytes *
gloss_labelstudio_export (GPtrArray                *stores,
                          const GlossFormatOptions *options,
                          GError                  **error)
{
  g_return_val_if_fail (stores != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  return _gloss_format_export_chunks (stores, options, gloss_labelstudio_export_chunk,
                                      gloss_labelstudio_export_end);
}
