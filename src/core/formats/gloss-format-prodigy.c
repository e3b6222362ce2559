/* gloss-format-prodigy.c: spaCy/Prodigy JSONL, one task a line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * {"text", "tokens": [{text, start, end, id, ws}], "spans": [{start, end,
 * token_start, token_end, label}], "relations": [{head, child, head_span,
 * child_span, label}], "meta", "answer"}: offsets in code points (Python's
 * str), token_end inclusive, a relation's head and child the token_end of
 * its spans. Relations link spans there and entities here: each related
 * span gets an entity of its own on import, and a relation is written
 * between the first mentions of its entities. Members Gloss has no place
 * for ("answer", "_input_hash", a span's "source"…) are kept as the
 * document's and the mention's extra members and written back.
 */
#include "config.h"

#include "gloss-error.h"
#include "gloss-format-prodigy.h"
#include "gloss-format-private.h"
#include "gloss-json-parse.h"
#include "gloss-store.h"
#include "gloss-tokenizer.h"

/* One task's annotations, before they enter the store. */
typedef struct
{
  GlossImportContext *context;
  GlossDocument      *document;
  const char         *loc;
  JsonArray          *tokens;     /* the task's, or NULL */
  JsonNode           *lazy_tokens;  /* the tokens parsed when first needed */
  gboolean            tokens_read;
  GPtrArray          *mentions;
  GHashTable         *by_span;    /* "START END LABEL" → GlossMention in mentions */
  GPtrArray          *entities;
  GPtrArray          *relations;
} Task;

static const char *const span_members[] = {
  "start", "end", "token_start", "token_end", "label", "text",
};

static const char *const task_members[] = {
  "id", "text", "tokens", "spans", "relations", "meta",
};

/* The task's tokens. Thousands of objects a task, seldom needed (spans
 * have their offsets): the line's "tokens" is left unparsed
 * (GlossImportContext.lazy_member) and read here the first time a span
 * or a relation names a token. */
static JsonArray *
task_tokens (Task *t)
{
  GlossImportContext *context = t->context;

  if (!t->tokens_read)
    {
      t->tokens_read = TRUE;
      if (context->lazy_json != NULL)
        t->lazy_tokens = gloss_json_parse_range (context->lazy_json, 0, context->lazy_length, t->loc, NULL, NULL);
      if (t->lazy_tokens != NULL && JSON_NODE_HOLDS_ARRAY (t->lazy_tokens))
        t->tokens = json_node_get_array (t->lazy_tokens);
    }
  return t->tokens;
}

/* A character offset from a token index, when the span has no offsets. */
static gboolean
token_offset (Task        *t,
              JsonObject  *span,
              const char  *member,
              const char  *token_member,
              const char  *path,
              gint64      *out,
              GError     **error)
{
  gint64 index;
  JsonNode *node;

  if (json_object_has_member (span, member) || !json_object_has_member (span, token_member) ||
      task_tokens (t) == NULL)
    return _gloss_format_get_offset (span, member, t->loc, path, out, error);

  if (!_gloss_format_get_offset (span, token_member, t->loc, path, &index, error))
    return FALSE;
  if (index >= json_array_get_length (t->tokens) ||
      !JSON_NODE_HOLDS_OBJECT ((node = json_array_get_element (t->tokens, index))))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: %s: %s %" G_GINT64_FORMAT " is not a token of the task",
                   t->loc, path, token_member, index);
      return FALSE;
    }

  return _gloss_format_get_offset (json_node_get_object (node), member, t->loc, path, out, error);
}

/* A mention of @span, or the one already made for the same offsets and label. */
static GlossMention *
add_mention (Task        *t,
             JsonObject  *span,
             const char  *path,
             GError     **error)
{
  g_autoptr(JsonObject) extra = NULL;
  g_autofree char *id = NULL;
  g_autofree char *key = NULL;
  const char *label = _gloss_format_get_string (span, "label");
  GlossMention *mention;
  GlossSpan s;
  gint64 start, end;

  if (label == NULL || *label == '\0')
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: %s: “label” must be a non-empty string", t->loc, path);
      return NULL;
    }
  if (!token_offset (t, span, "start", "token_start", path, &start, error) ||
      !token_offset (t, span, "end", "token_end", path, &end, error) ||
      !_gloss_format_make_span (t->document, t->context->unit, start, end,
                                _gloss_format_get_string (span, "text"),
                                t->loc, path, &s, error))
    return NULL;

  key = g_strdup_printf ("%u %u %s", s.start, s.end, label);
  if ((mention = g_hash_table_lookup (t->by_span, key)) != NULL)
    return mention;

  gloss_schema_ensure (t->context->schema, GLOSS_LABEL_ENTITY, label);
  mention = gloss_mention_new (label, &s, 1);
  id = g_strdup_printf ("m%u", t->mentions->len + 1);
  gloss_annotation_set_id (GLOSS_ANNOTATION (mention), id);
  extra = _gloss_format_other_members (span, span_members, G_N_ELEMENTS (span_members));
  if (extra != NULL)
    gloss_annotation_set_extra (GLOSS_ANNOTATION (mention), extra);
  g_ptr_array_add (t->mentions, mention);
  g_hash_table_insert (t->by_span, g_steal_pointer (&key), mention);

  return mention;
}

static gboolean
read_span (JsonObject  *object,
           const char  *path,
           gpointer     user_data,
           GError     **error)
{
  return add_mention (user_data, object, path, error) != NULL;
}

static GlossEntity *
entity_for_mention (Task         *t,
                    GlossMention *mention)
{
  return _gloss_format_entity_for_mention (t->document, mention, t->entities);
}

/* The mention a relation end names: its span object ("head_span"), else
 * the span whose last token is the token index ("head"). */
static GlossMention *
relation_end (Task        *t,
              JsonObject  *relation,
              const char  *member,
              const char  *path,
              GError     **error)
{
  g_autofree char *span_member = g_strconcat (member, "_span", NULL);
  g_autofree char *span_path = g_strdup_printf ("%s.%s", path, span_member);
  JsonNode *node = json_object_get_member (relation, span_member);
  JsonNode *index = json_object_get_member (relation, member);

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    return add_mention (t, json_node_get_object (node), span_path, error);

  if (index != NULL && JSON_NODE_HOLDS_VALUE (index) &&
      json_node_get_value_type (index) == G_TYPE_INT64 && task_tokens (t) != NULL)
    {
      gint64 token = json_node_get_int (index);
      JsonNode *tok = token >= 0 && token < json_array_get_length (t->tokens)
                        ? json_array_get_element (t->tokens, token) : NULL;
      gint64 tok_end;

      if (tok != NULL && JSON_NODE_HOLDS_OBJECT (tok) &&
          _gloss_format_get_offset (json_node_get_object (tok), "end", t->loc, path, &tok_end, NULL))
        for (guint i = 0; i < t->mentions->len; i++)
          {
            GlossAnnotation *m = g_ptr_array_index (t->mentions, i);
            gsize end = gloss_document_cp_to_offset (t->document, t->context->unit,
                                                     gloss_annotation_get_end (m));

            if ((gint64) end == tok_end)
              return GLOSS_MENTION (m);
          }
    }

  g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
               "%s: %s: neither “%s” nor “%s” names a span of the task",
               t->loc, path, span_member, member);
  return NULL;
}

static gboolean
read_relation (JsonObject  *object,
               const char  *path,
               gpointer     user_data,
               GError     **error)
{
  Task *t = user_data;
  g_autofree char *id = NULL;
  GlossMention *head, *child;
  GlossRelation *relation;
  const char *label = _gloss_format_get_string (object, "label");

  if (label == NULL || *label == '\0')
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: %s: “label” must be a non-empty string", t->loc, path);
      return FALSE;
    }
  if ((head = relation_end (t, object, "head", path, error)) == NULL ||
      (child = relation_end (t, object, "child", path, error)) == NULL)
    return FALSE;

  gloss_schema_ensure (t->context->schema, GLOSS_LABEL_RELATION, label);
  relation = gloss_relation_new (label, entity_for_mention (t, head), entity_for_mention (t, child));
  id = g_strdup_printf ("r%u", t->relations->len + 1);
  gloss_annotation_set_id (GLOSS_ANNOTATION (relation), id);
  g_ptr_array_add (t->relations, relation);

  return TRUE;
}

static gboolean
read_list (Task             *t,
           JsonObject       *record,
           const char       *member,
           GlossObjectFunc   func,
           GError          **error)
{
  JsonNode *node = json_object_get_member (record, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: %s: must be a list of objects", t->loc, member);
      return FALSE;
    }

  /* With an import log, every bad span and relation is told. */
  return _gloss_format_foreach_object_logged (t->context, json_node_get_array (node), member, t->loc,
                                              func, t, error);
}

static gboolean
import_task (JsonObject  *record,
             const char  *loc,
             gpointer     user_data,
             GError     **error)
{
  GlossImportContext *context = user_data;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GPtrArray) mentions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_span = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JsonObject) extra = NULL;
  GPtrArray *lists[] = { entities, mentions, relations };
  JsonNode *tokens = json_object_get_member (record, "tokens");
  const char *text = _gloss_format_get_string (record, "text");
  gboolean ok;
  Task t;

  if (text == NULL)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: the task has no “text” string", loc);
      return FALSE;
    }

  document = _gloss_format_new_document (context, record, text, loc, error);
  if (document == NULL)
    return FALSE;
  extra = _gloss_format_other_members (record, task_members, G_N_ELEMENTS (task_members));
  if (extra != NULL)
    gloss_document_set_extra (document, extra);

  t = (Task) {
    .context = context, .document = document, .loc = loc,
    .tokens = tokens != NULL && JSON_NODE_HOLDS_ARRAY (tokens) ? json_node_get_array (tokens) : NULL,
    .tokens_read = tokens != NULL,
    .mentions = mentions, .entities = entities, .relations = relations, .by_span = by_span,
  };

  ok = read_list (&t, record, "spans", read_span, error) &&
       read_list (&t, record, "relations", read_relation, error);
  g_clear_pointer (&t.lazy_tokens, json_node_unref);
  if (!ok)
    return FALSE;

  return _gloss_format_add_store (context, document, lists, G_N_ELEMENTS (lists), loc, error);
}

/**
 * gloss_prodigy_import:
 * @input: the file's bytes
 * @options: the offset unit (code points unless set), the starting schema
 *   and the progress callback
 * @error: return location for a #GLOSS_FORMAT_ERROR
 *
 * Returns: (transfer container) (element-type GlossStore): one store per
 *   task, sharing one schema, or %NULL on error
 */
GPtrArray *
gloss_prodigy_import (GBytes                   *input,
                      const GlossFormatOptions *options,
                      GError                  **error)
{
  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _gloss_format_import_records_lazily (input, options, GLOSS_OFFSET_CODEPOINTS, "tokens",
                                              import_task, error);
}

/* Export */

typedef struct
{
  GlossDocument   *document;
  GlossOffsetUnit  unit;
  GArray          *tokens;
  guint           *token_at;   /* code point → index of the token there */
} Writer;

static void
add_span (GlossJsonWriter *json,
          Writer          *w,
          const GlossSpan *span,
          const char      *label,
          JsonObject      *extra)
{
  gloss_json_writer_begin_object (json);
  gloss_json_writer_member (json, "start");
  gloss_json_writer_int (json, gloss_document_cp_to_offset (w->document, w->unit, span->start));
  gloss_json_writer_member (json, "end");
  gloss_json_writer_int (json, gloss_document_cp_to_offset (w->document, w->unit, span->end));
  gloss_json_writer_member (json, "token_start");
  gloss_json_writer_int (json, w->token_at[span->start]);
  gloss_json_writer_member (json, "token_end");
  gloss_json_writer_int (json, w->token_at[span->end - 1]);
  gloss_json_writer_member (json, "label");
  gloss_json_writer_string (json, label);
  _gloss_format_add_other_members (json, extra, span_members, G_N_ELEMENTS (span_members));
  gloss_json_writer_end_object (json);
}

/* Every fragment boundary of every mention, so spans line up with tokens. */
static GArray *
mention_cuts (GlossStore *store)
{
  GListModel *list = gloss_store_get_list (store, GLOSS_KIND_MENTION);
  GArray *cuts = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossAnnotation) mention = g_list_model_get_item (list, i);
      const GlossSpan *spans;
      guint n;

      spans = gloss_annotation_get_spans (mention, GLOSS_ROLE_CONTENT, &n);
      for (guint j = 0; j < n; j++)
        {
          g_array_append_val (cuts, spans[j].start);
          g_array_append_val (cuts, spans[j].end);
        }
    }

  return cuts;
}

static void
add_tokens (GlossJsonWriter *json,
            Writer      *w)
{
  guint length = gloss_document_get_length (w->document);
  GlossTextWalk walk;

  /* The tokens in order, walking the text once (not a lookup from the
   * start, nor from a checkpoint, per token). */
  _gloss_text_walk_init (&walk, w->document);
  gloss_json_writer_member (json, "tokens");
  gloss_json_writer_begin_array (json);
  for (guint i = 0; i < w->tokens->len; i++)
    {
      GlossToken *token = &g_array_index (w->tokens, GlossToken, i);
      const char *start = _gloss_text_walk_to (&walk, token->start);
      gsize start_offset = _gloss_text_walk_offset (&walk, w->unit);
      const char *end = _gloss_text_walk_to (&walk, token->end);
      gboolean ws = token->end < length && g_unichar_isspace (g_utf8_get_char (end));

      for (guint cp = token->start; cp < token->end; cp++)
        w->token_at[cp] = i;

      gloss_json_writer_begin_object (json);
      gloss_json_writer_member (json, "text");
      gloss_json_writer_string_len (json, start, end - start);
      gloss_json_writer_member (json, "start");
      gloss_json_writer_int (json, start_offset);
      gloss_json_writer_member (json, "end");
      gloss_json_writer_int (json, _gloss_text_walk_offset (&walk, w->unit));
      gloss_json_writer_member (json, "id");
      gloss_json_writer_int (json, i);
      gloss_json_writer_member (json, "ws");
      gloss_json_writer_boolean (json, ws);
      gloss_json_writer_end_object (json);
    }
  gloss_json_writer_end_array (json);
}

static void
add_relations (GlossJsonWriter *json,
               GlossStore  *store,
               Writer      *w)
{
  GListModel *list = gloss_store_get_list (store, GLOSS_KIND_RELATION);

  gloss_json_writer_member (json, "relations");
  gloss_json_writer_begin_array (json);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossRelation) relation = g_list_model_get_item (list, i);
      GlossAnnotation *head = _gloss_format_first_mention (store, gloss_relation_get_from (relation));
      GlossAnnotation *child = _gloss_format_first_mention (store, gloss_relation_get_to (relation));
      const GlossSpan *head_spans, *child_spans;
      guint n;

      if (head == NULL || child == NULL)
        continue;  /* counted by the exporter: an entity without mentions */

      head_spans = gloss_annotation_get_spans (head, GLOSS_ROLE_CONTENT, &n);
      child_spans = gloss_annotation_get_spans (child, GLOSS_ROLE_CONTENT, &n);
      gloss_json_writer_begin_object (json);
      gloss_json_writer_member (json, "head");
      gloss_json_writer_int (json, w->token_at[head_spans[0].end - 1]);
      gloss_json_writer_member (json, "child");
      gloss_json_writer_int (json, w->token_at[child_spans[0].end - 1]);
      gloss_json_writer_member (json, "head_span");
      add_span (json, w, &head_spans[0], gloss_annotation_get_type_id (head), NULL);
      gloss_json_writer_member (json, "child_span");
      add_span (json, w, &child_spans[0], gloss_annotation_get_type_id (child), NULL);
      gloss_json_writer_member (json, "label");
      gloss_json_writer_string (json, gloss_annotation_get_type_id (GLOSS_ANNOTATION (relation)));
      gloss_json_writer_end_object (json);
    }
  gloss_json_writer_end_array (json);
}

static void
export_store (GlossStore      *store,
              GlossOffsetUnit  unit,
              GlossJsonWriter *json)
{
  g_autoptr(GArray) cuts = mention_cuts (store);
  g_autoptr(GArray) tokens = NULL;
  g_autofree guint *token_at = NULL;
  GlossDocument *document = gloss_store_get_document (store);
  JsonObject *extra = gloss_document_get_extra (document);
  GListModel *list = gloss_store_get_list (store, GLOSS_KIND_MENTION);
  Writer w;

  tokens = gloss_tokenize (gloss_document_get_text (document),
                           cuts->len > 0 ? &g_array_index (cuts, guint, 0) : NULL, cuts->len);
  token_at = g_new0 (guint, gloss_document_get_length (document) + 1);
  w = (Writer) { .document = document, .unit = unit, .tokens = tokens, .token_at = token_at };

  gloss_json_writer_begin_object (json);
  if (gloss_document_get_id (document) != NULL)
    {
      gloss_json_writer_member (json, "id");
      gloss_json_writer_string (json, gloss_document_get_id (document));
    }
  gloss_json_writer_member (json, "text");
  gloss_json_writer_string (json, gloss_document_get_text (document));
  add_tokens (json, &w);

  /* A mention of several fragments becomes one span per fragment. */
  gloss_json_writer_member (json, "spans");
  gloss_json_writer_begin_array (json);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossAnnotation) mention = g_list_model_get_item (list, i);
      const GlossSpan *spans;
      guint n;

      spans = gloss_annotation_get_spans (mention, GLOSS_ROLE_CONTENT, &n);
      for (guint j = 0; j < n; j++)
        add_span (json, &w, &spans[j], gloss_annotation_get_type_id (mention),
                  gloss_annotation_get_extra (mention));
    }
  gloss_json_writer_end_array (json);

  add_relations (json, store, &w);

  if (extra == NULL || !json_object_has_member (extra, "answer"))
    {
      gloss_json_writer_member (json, "answer");
      gloss_json_writer_string (json, "accept");
    }
  _gloss_format_add_other_members (json, extra, task_members, G_N_ELEMENTS (task_members));

  _gloss_format_end_record (json, document);
}

/**
 * gloss_prodigy_export:
 * @stores: (element-type GlossStore): the documents
 * @options: the offset unit (code points unless set), the report and the
 *   progress callback
 * @error: return location for a #GLOSS_FORMAT_ERROR
 *
 * Writes one task per document, with its tokens (gloss_tokenize(), cut at
 * every mention boundary), spans and relations.
 *
 * Returns: (transfer full): the file's bytes
 */
GBytes *
gloss_prodigy_export (GPtrArray                *stores,
                      const GlossFormatOptions *options,
                      GError                  **error)
{
  g_return_val_if_fail (stores != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  _gloss_format_report_unplaced_relations (stores, options->report);
  return _gloss_format_export_lines (stores, options, GLOSS_OFFSET_CODEPOINTS, export_store);
}
