/* gloss-format-w3c-reader.c: W3C Web Annotation import, the collections
 * gloss-format-w3c.c writes (its header says the shape) or an array of them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-error.h"
#include "gloss-format-private.h"
#include "gloss-format-w3c.h"
#include "gloss-json-lite.h"
#include "gloss-json-parse.h"
#include "gloss-store.h"

#define WIKIDATA_IRI "http://www.wikidata.org/entity/"

/* Import
 *
 * A collection is read without its "first" page (the lazy member), whose
 * annotations are then read into a GlossJsonLite arena: a json-glib tree
 * of each made most of the import's time. */

typedef const GlossJsonLiteValue Value;

typedef struct
{
  GlossImportContext *context;
  GlossDocument      *document;
  const char         *loc;
  const char         *doc_iri;
  GHashTable         *entities;   /* IRI → GlossEntity (borrowed) */
  GPtrArray          *out_entities;
  GPtrArray          *out_mentions;
  GPtrArray          *out_claims;
  GPtrArray          *out_relations;
} Reader;

static char *
iri_to_kb (const char *iri)
{
  if (g_str_has_prefix (iri, WIKIDATA_IRI))
    return g_strconcat ("wikidata:", iri + strlen (WIKIDATA_IRI), NULL);
  return g_strdup (iri);
}

static gboolean
invalid (GError     **error,
         Reader      *r,
         const char  *path,
         const char  *what)
{
  g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID, "%s: %s: %s", r->loc, path, what);
  return FALSE;
}

static const char *
get_string (Value      *object,
            const char *member)
{
  return gloss_json_lite_get_string (object, member);
}

/* A member may be one value or a list of them: how many, and each. */
static guint
list_length (Value *value)
{
  if (value == NULL || value->kind == GLOSS_JSON_NULL)
    return 0;
  return value->kind == GLOSS_JSON_BEGIN_ARRAY ? value->n : 1;
}

static Value *
list_item (Value *value,
           guint  i)
{
  Value *item = value->kind == GLOSS_JSON_BEGIN_ARRAY ? value->items[i] : value;

  return item->kind == GLOSS_JSON_BEGIN_OBJECT ? item : NULL;
}

/* The IRI of a "source" (a string, or an object with "id"). */
static const char *
source_of (Value *object)
{
  Value *node = gloss_json_lite_get_member (object, "source");

  if (node != NULL && node->kind == GLOSS_JSON_BEGIN_OBJECT)
    return get_string (node, "id");
  return node != NULL && node->kind == GLOSS_JSON_STRING ? node->string : NULL;
}

static gboolean
get_offset (Reader      *r,
            Value       *selector,
            const char  *member,
            const char  *path,
            gint64      *out,
            GError     **error)
{
  Value *node = gloss_json_lite_get_member (selector, member);

  if (node == NULL || node->kind == GLOSS_JSON_NULL)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID, "%s: %s: “%s” is missing",
                   r->loc, path, member);
      return FALSE;
    }
  if (node->kind != GLOSS_JSON_NUMBER || !node->is_int || node->integer < 0)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID, "%s: %s: “%s” must be a whole number ≥ 0",
                   r->loc, path, member);
      return FALSE;
    }
  *out = node->integer;
  return TRUE;
}

/* Finds @exact by its quote when it has no position: the one place where
 * prefix and suffix (when given) fit. */
static gboolean
find_quote (Reader      *r,
            Value       *selector,
            const char  *path,
            GlossSpan   *span,
            GError     **error)
{
  const char *exact = get_string (selector, "exact");
  const char *prefix = get_string (selector, "prefix");
  const char *suffix = get_string (selector, "suffix");
  const char *text = gloss_document_get_text (r->document);
  guint found = 0;

  if (exact == NULL || *exact == '\0')
    return invalid (error, r, path, "a TextQuoteSelector without “exact”");

  for (const char *p = strstr (text, exact); p != NULL; p = strstr (p + 1, exact))
    {
      const char *after = p + strlen (exact);

      if (prefix != NULL && ((gsize) (p - text) < strlen (prefix) ||
                             strncmp (p - strlen (prefix), prefix, strlen (prefix)) != 0))
        continue;
      if (suffix != NULL && strncmp (after, suffix, strlen (suffix)) != 0)
        continue;
      if (found++ == 0)
        {
          span->start = gloss_document_byte_to_cp (r->document, p - text);
          span->end = gloss_document_byte_to_cp (r->document, after - text);
        }
    }

  if (found == 1)
    return TRUE;
  g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SPAN, "%s: %s: the quote “%s” is %s in the text",
               r->loc, path, exact, found == 0 ? "nowhere" : "in several places");
  return FALSE;
}

/* A target's span: its TextPositionSelector, checked against its
 * TextQuoteSelector; else the quote alone. */
static gboolean
read_target_span (Reader      *r,
                  Value       *target,
                  const char  *path,
                  GlossSpan   *span,
                  GError     **error)
{
  Value *selectors = gloss_json_lite_get_member (target, "selector");
  Value *position = NULL, *quote = NULL;
  guint n = list_length (selectors);

  for (guint i = 0; i < n; i++)
    {
      Value *selector = list_item (selectors, i);
      const char *type = get_string (selector, "type");

      if (g_strcmp0 (type, "TextPositionSelector") == 0)
        position = selector;
      else if (g_strcmp0 (type, "TextQuoteSelector") == 0)
        quote = selector;
    }

  if (position != NULL)
    {
      gint64 start, end;

      return get_offset (r, position, "start", path, &start, error) &&
             get_offset (r, position, "end", path, &end, error) &&
             _gloss_format_make_span (r->document, r->context->unit, start, end,
                                      quote ? get_string (quote, "exact") : NULL, r->loc, path, span, error);
    }
  if (quote != NULL)
    return find_quote (r, quote, path, span, error);
  return invalid (error, r, path, "a target without a TextPositionSelector or TextQuoteSelector");
}

static GlossEntity *
entity_for (Reader      *r,
            Value       *body,
            const char  *fallback_type)
{
  const char *iri = source_of (body);
  const char *type = get_string (body, "gloss:entityType");
  const char *label = get_string (body, "label");
  GlossEntity *entity;

  if (iri == NULL)
    return NULL;
  if ((entity = g_hash_table_lookup (r->entities, iri)) != NULL)
    return entity;

  type = type ? type : fallback_type;
  gloss_schema_ensure (r->context->schema, GLOSS_LABEL_ENTITY, type);
  entity = gloss_entity_new (type, label ? label : "");
  if (g_str_has_prefix (iri, r->doc_iri) && iri[strlen (r->doc_iri)] == '#')
    {
      g_autofree char *id = g_uri_unescape_string (iri + strlen (r->doc_iri) + 1, NULL);

      gloss_annotation_set_id (GLOSS_ANNOTATION (entity), id);
    }
  g_ptr_array_add (r->out_entities, entity);
  g_hash_table_insert (r->entities, g_strdup (iri), entity);
  return entity;
}

static gboolean
is_own_entity (Reader     *r,
               const char *iri)
{
  return iri != NULL && g_str_has_prefix (iri, r->doc_iri) && iri[strlen (r->doc_iri)] == '#';
}

/* The annotation's id from its IRI ("urn:gloss:DOC#m1" → "m1"). */
static void
set_id (Reader          *r,
        GlossAnnotation *a,
        Value           *annotation)
{
  const char *iri = get_string (annotation, "id");

  if (is_own_entity (r, iri))
    {
      g_autofree char *id = g_uri_unescape_string (iri + strlen (r->doc_iri) + 1, NULL);

      gloss_annotation_set_id (a, id);
    }
}

static void
apply_common_body (GlossAnnotation *a,
                   Value           *body,
                   const char      *purpose)
{
  const char *attr = get_string (body, "gloss:attribute");
  const char *value = get_string (body, "value");

  if (value == NULL)
    return;
  if (g_strcmp0 (purpose, "commenting") == 0)
    gloss_annotation_set_note (a, value);
  else if (g_strcmp0 (purpose, "describing") == 0 && attr != NULL)
    {
      g_autoptr(JsonNode) node = NULL;

      if (g_strcmp0 (get_string (body, "format"), "application/json") == 0)
        node = json_from_string (value, NULL);
      if (node == NULL)
        node = json_node_init_string (json_node_alloc (), value);
      gloss_annotation_set_attr (a, attr, node);
    }
}

typedef enum { ANNOTATION_MENTION, ANNOTATION_CLAIM, ANNOTATION_RELATION, ANNOTATION_OTHER } Shape;

static gboolean
has_body_purpose (Value      *bodies,
                  const char *purpose)
{
  guint n = list_length (bodies);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (get_string (list_item (bodies, i), "purpose"), purpose) == 0)
      return TRUE;
  return FALSE;
}

static Shape
shape_of (Value *annotation,
          Value *bodies)
{
  if (g_strcmp0 (get_string (annotation, "motivation"), "linking") == 0)
    return ANNOTATION_RELATION;
  if (has_body_purpose (bodies, "classifying"))
    return ANNOTATION_CLAIM;
  if (has_body_purpose (bodies, "tagging"))
    return ANNOTATION_MENTION;
  return ANNOTATION_OTHER;
}

static void
apply_body (Reader          *r,
            GlossAnnotation *a,
            Shape            shape,
            const char      *type,
            Value           *body)
{
  const char *purpose = get_string (body, "purpose");
  const char *role = get_string (body, "gloss:role");
  const char *source = source_of (body);
  GlossCertainty certainty;

  if (g_strcmp0 (purpose, "identifying") == 0 || g_strcmp0 (purpose, "linking") == 0)
    {
      if (shape == ANNOTATION_MENTION && is_own_entity (r, source))
        gloss_mention_set_entity (GLOSS_MENTION (a), entity_for (r, body, type));
      else if (shape == ANNOTATION_MENTION && source != NULL && gloss_mention_get_entity (GLOSS_MENTION (a)))
        {
          g_autofree char *kb = iri_to_kb (source);

          gloss_entity_set_kb (gloss_mention_get_entity (GLOSS_MENTION (a)), kb);
        }
      else if (shape == ANNOTATION_CLAIM && g_strcmp0 (role, "claimant") == 0)
        gloss_claim_set_claimant (GLOSS_CLAIM (a), entity_for (r, body, "ENTITY"));
      else if (shape == ANNOTATION_CLAIM)
        gloss_claim_add_about (GLOSS_CLAIM (a), entity_for (r, body, "ENTITY"));
      else if (shape == ANNOTATION_RELATION)
        gloss_relation_set_to (GLOSS_RELATION (a), entity_for (r, body, "ENTITY"));
    }
  else if (shape == ANNOTATION_CLAIM && g_strcmp0 (purpose, "assessing") == 0 &&
           gloss_certainty_from_string (get_string (body, "value"), &certainty))
    gloss_claim_set_certainty (GLOSS_CLAIM (a), certainty);
  else
    apply_common_body (a, body, purpose);
}

static gboolean
read_annotation (Reader      *r,
                 Value       *annotation,
                 const char  *path,
                 GError     **error)
{
  Value *bodies = gloss_json_lite_get_member (annotation, "body");
  Value *targets = gloss_json_lite_get_member (annotation, "target");
  g_autoptr(GArray) content = g_array_new (FALSE, FALSE, sizeof (GlossSpan));
  g_autoptr(GArray) cue = g_array_new (FALSE, FALSE, sizeof (GlossSpan));
  Shape shape = shape_of (annotation, bodies);
  guint n_bodies = list_length (bodies), n_targets = list_length (targets);
  const char *type = NULL;
  const char *from_iri = NULL;
  Value *from_target = NULL;
  GlossAnnotation *a;

  if (shape == ANNOTATION_OTHER)
    return invalid (error, r, path, "an annotation without a tagging or classifying body (a type)");

  for (guint i = 0; i < n_bodies; i++)
    {
      Value *body = list_item (bodies, i);
      const char *purpose = get_string (body, "purpose");

      if (g_strcmp0 (purpose, "tagging") == 0 || g_strcmp0 (purpose, "classifying") == 0)
        type = get_string (body, "value");
    }
  if (type == NULL || *type == '\0')
    return invalid (error, r, path, "the type body has no “value”");

  for (guint k = 0; k < n_targets; k++)
    {
      g_autofree char *target_path = g_strdup_printf ("%s.target[%u]", path, k);
      Value *target = list_item (targets, k);
      const char *role = get_string (target, "gloss:role");
      GlossSpan span;

      if (target == NULL)
        return invalid (error, r, target_path, "must be an object with a selector");
      if (g_strcmp0 (role, "from") == 0)
        {
          from_iri = source_of (target);
          from_target = target;
          continue;
        }
      if (!read_target_span (r, target, target_path, &span, error))
        return FALSE;
      g_array_append_val (g_strcmp0 (role, "cue") == 0 ? cue : content, span);
    }

  if (shape == ANNOTATION_MENTION)
    {
      if (content->len == 0)
        return invalid (error, r, path, "a tagging annotation without a text target");
      gloss_schema_ensure (r->context->schema, GLOSS_LABEL_ENTITY, type);
      a = GLOSS_ANNOTATION (gloss_mention_new (type, &g_array_index (content, GlossSpan, 0), content->len));
      g_ptr_array_add (r->out_mentions, a);
    }
  else if (shape == ANNOTATION_CLAIM)
    {
      if (content->len == 0)
        return invalid (error, r, path, "a claim without a text target");
      gloss_schema_ensure (r->context->schema, GLOSS_LABEL_CLAIM, type);
      a = GLOSS_ANNOTATION (gloss_claim_new (type, &g_array_index (content, GlossSpan, 0), content->len));
      if (cue->len > 0)
        gloss_annotation_set_spans (a, GLOSS_ROLE_CUE, &g_array_index (cue, GlossSpan, 0), cue->len);
      g_ptr_array_add (r->out_claims, a);
    }
  else
    {
      if (from_iri == NULL)
        return invalid (error, r, path, "a linking annotation without a “from” target");
      gloss_schema_ensure (r->context->schema, GLOSS_LABEL_RELATION, type);
      a = GLOSS_ANNOTATION (gloss_relation_new (type, entity_for (r, from_target, "ENTITY"), NULL));
      if (content->len > 0)
        gloss_annotation_set_spans (a, GLOSS_ROLE_EVIDENCE, &g_array_index (content, GlossSpan, 0), content->len);
      g_ptr_array_add (r->out_relations, a);
    }
  set_id (r, a, annotation);

  for (guint i = 0; i < n_bodies; i++)
    if (list_item (bodies, i) != NULL)
      apply_body (r, a, shape, type, list_item (bodies, i));

  if (shape == ANNOTATION_RELATION && gloss_relation_get_to (GLOSS_RELATION (a)) == NULL)
    return invalid (error, r, path, "a linking annotation without a linking body (where it goes)");

  return TRUE;
}

/* Every annotation of @items; with an import log, each one's problem is
 * logged and the next one read. */
static gboolean
read_items (Reader      *r,
            Value       *items,
            const char  *member,
            GError     **error)
{
  for (guint i = 0; items != NULL && i < items->n; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", member, i);
      g_autoptr(GError) local_error = NULL;

      if (items->items[i]->kind != GLOSS_JSON_BEGIN_OBJECT)
        g_set_error (&local_error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                     "%s: %s: must be an object", r->loc, path);
      else if (read_annotation (r, items->items[i], path, &local_error))
        continue;

      if (!_gloss_format_log_problem (r->context, &local_error))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  return TRUE;
}

/* The collection's annotations: its "first" page's items (read into the
 * context's arena), else its own "items" (a rare shape, read again from
 * the tree it is in). */
static gboolean
find_items (Reader         *r,
            JsonObject     *collection,
            GlossJsonLite  *lite,
            Value         **items,
            const char    **member,
            GError        **error)
{
  Value *first = NULL;
  JsonNode *node;

  *items = NULL;
  *member = "first.items";
  first = r->context->lazy_value;
  if (first != NULL && first->kind == GLOSS_JSON_BEGIN_OBJECT)
    *items = gloss_json_lite_get_member (first, "items");
  else if ((node = json_object_get_member (collection, "items")) != NULL)
    {
      *member = "items";
      if ((*items = gloss_json_lite_read_node (lite, node, r->loc, error)) == NULL)
        return FALSE;
    }

  if (*items != NULL && (*items)->kind != GLOSS_JSON_BEGIN_ARRAY)
    return invalid (error, r, *member, "must be a list of annotations");
  return TRUE;
}

static gboolean
read_collection (JsonObject  *collection,
                 const char  *loc,
                 gpointer     user_data,
                 GError     **error)
{
  GlossImportContext *context = user_data;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GHashTable) entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) out_entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) out_mentions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) out_claims = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) out_relations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossJsonLite) lite = gloss_json_lite_new ();
  GPtrArray *lists[] = { out_entities, out_mentions, out_claims, out_relations };
  JsonNode *node = json_object_get_member (collection, "gloss:document");
  JsonObject *doc;
  Value *items;
  const char *text, *doc_iri, *title, *language, *member;
  g_autoptr(JsonObject) record = json_object_new ();
  Reader r;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      (text = _gloss_format_get_string ((doc = json_node_get_object (node)), "value")) == NULL ||
      (doc_iri = _gloss_format_get_string (doc, "id")) == NULL)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: the collection has no “gloss:document” with the text (“id” and “value”): "
                   "Web Annotation points at its documents, and Gloss needs their text", loc);
      return FALSE;
    }
  if (g_str_has_prefix (doc_iri, "urn:gloss:"))
    {
      g_autofree char *id = g_uri_unescape_string (doc_iri + strlen ("urn:gloss:"), NULL);

      json_object_set_string_member (record, "id", id);
    }

  document = _gloss_format_new_document (context, record, text, loc, error);
  if (document == NULL)
    return FALSE;
  if ((title = _gloss_format_get_string (collection, "label")) != NULL)
    gloss_document_set_title (document, title);
  if ((language = _gloss_format_get_string (doc, "language")) != NULL)
    gloss_document_set_language (document, language);

  r = (Reader) {
    .context = context, .document = document, .loc = loc, .doc_iri = doc_iri, .entities = entities,
    .out_entities = out_entities, .out_mentions = out_mentions, .out_claims = out_claims,
    .out_relations = out_relations,
  };

  if (!find_items (&r, collection, lite, &items, &member, error) || !read_items (&r, items, member, error))
    return FALSE;

  return _gloss_format_add_store (context, document, lists, G_N_ELEMENTS (lists), loc, error);
}

/**
 * gloss_w3c_import:
 * @input: the file's bytes: an AnnotationCollection as gloss_w3c_export()
 *   writes it, or an array of them
 * @options: the starting schema and the progress callback
 * @error: return location for a #GLOSS_FORMAT_ERROR
 *
 * Returns: (transfer container) (element-type GlossStore): one store per
 *   collection, or %NULL on error
 */
GPtrArray *
gloss_w3c_import (GBytes                   *input,
                  const GlossFormatOptions *options,
                  GError                  **error)
{
  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _gloss_format_import_records_lite (input, options, GLOSS_OFFSET_CODEPOINTS, "first",
                                            read_collection, error);
}
