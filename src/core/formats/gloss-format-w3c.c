/* gloss-format-w3c.c: W3C Web Annotation Data Model, JSON-LD
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One AnnotationCollection per document (an array of them for several):
 * the text itself as "gloss:document" (a dctypes:Text with its "value"),
 * then one Annotation per mention (motivation tagging), claim (describing)
 * and relation (linking). Targets are SpecificResources of the document
 * with a TextPositionSelector (code points) and a TextQuoteSelector
 * (exact, prefix, suffix); bodies carry the type (tagging or classifying
 * TextualBody), the entity and its KB id (identifying SpecificResources),
 * certainty (assessing), attributes (describing) and the note
 * (commenting). Terms Web Annotation has no word for use the "gloss:"
 * prefix: a claim's cue targets and a relation's ends have "gloss:role".
 */
#include "config.h"

#include <string.h>

#include "gloss-error.h"
#include "gloss-format-private.h"
#include "gloss-format-w3c.h"
#include "gloss-json-lite.h"
#include "gloss-json-parse.h"
#include "gloss-store.h"

#define ANNO_CONTEXT "http://www.w3.org/ns/anno.jsonld"
#define GLOSS_NS "https://glossapp.github.io/ns#"
#define WIKIDATA_IRI "http://www.wikidata.org/entity/"
#define QUOTE_CONTEXT 32  /* code points of prefix and suffix */

/* Export */

static char *
iri_for (const char *doc_iri,
         const char *id)
{
  g_autofree char *escaped = g_uri_escape_string (id, NULL, FALSE);

  return g_strconcat (doc_iri, "#", escaped, NULL);
}

static char *
kb_to_iri (const char *kb)
{
  if (g_str_has_prefix (kb, "wikidata:"))
    return g_strconcat (WIKIDATA_IRI, kb + strlen ("wikidata:"), NULL);
  return g_strdup (kb);
}

static char *
iri_to_kb (const char *iri)
{
  if (g_str_has_prefix (iri, WIKIDATA_IRI))
    return g_strconcat ("wikidata:", iri + strlen (WIKIDATA_IRI), NULL);
  return g_strdup (iri);
}

static void
add_string (GlossJsonWriter *b,
            const char  *member,
            const char  *value)
{
  gloss_json_writer_member (b, member);
  gloss_json_writer_string (b, value);
}

static void
add_text_body (GlossJsonWriter *b,
               const char  *purpose,
               const char  *value)
{
  gloss_json_writer_begin_object (b);
  add_string (b, "type", "TextualBody");
  add_string (b, "purpose", purpose);
  add_string (b, "value", value);
  gloss_json_writer_end_object (b);
}

typedef struct
{
  GlossStore    *store;
  GlossDocument *document;
  char          *doc_iri;
} Writer;

static void
add_entity_body (GlossJsonWriter *b,
                 Writer      *w,
                 GlossEntity *entity,
                 const char  *role)
{
  g_autofree char *iri = iri_for (w->doc_iri, gloss_annotation_get_id (GLOSS_ANNOTATION (entity)));
  const char *kb = gloss_entity_get_kb (entity);

  gloss_json_writer_begin_object (b);
  add_string (b, "type", "SpecificResource");
  add_string (b, "purpose", "identifying");
  add_string (b, "source", iri);
  add_string (b, "label", gloss_entity_get_name (entity));
  add_string (b, "gloss:entityType", gloss_annotation_get_type_id (GLOSS_ANNOTATION (entity)));
  if (role != NULL)
    add_string (b, "gloss:role", role);
  gloss_json_writer_end_object (b);

  if (kb != NULL && role == NULL)
    {
      g_autofree char *kb_iri = kb_to_iri (kb);

      gloss_json_writer_begin_object (b);
      add_string (b, "type", "SpecificResource");
      add_string (b, "purpose", "identifying");
      add_string (b, "source", kb_iri);
      gloss_json_writer_end_object (b);
    }
}

/* As json_to_string (node, FALSE) wrote it. */
static char *
compact_json (JsonNode *node)
{
  GString *out = g_string_new (NULL);
  GlossJsonWriter json;

  gloss_json_writer_init (&json, out, FALSE);
  gloss_json_writer_node (&json, node);
  gloss_json_writer_clear (&json);
  return g_string_free (out, FALSE);
}

static void
add_attrs_and_note (GlossJsonWriter *b,
                    GlossAnnotation *a)
{
  JsonObject *attrs = gloss_annotation_get_attrs (a);
  g_autoptr(GList) names = attrs ? json_object_get_members (attrs) : NULL;
  const char *note = gloss_annotation_get_note (a);

  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (attrs, l->data);
      g_autofree char *json = compact_json (value);

      gloss_json_writer_begin_object (b);
      add_string (b, "type", "TextualBody");
      add_string (b, "purpose", "describing");
      add_string (b, "format", "application/json");
      add_string (b, "value", json);
      add_string (b, "gloss:attribute", l->data);
      gloss_json_writer_end_object (b);
    }
  if (note != NULL)
    add_text_body (b, "commenting", note);
}

static void
add_span_target (GlossJsonWriter *b,
                 Writer          *w,
                 const GlossSpan *span,
                 const char      *role)
{
  guint length = gloss_document_get_length (w->document);
  guint before = span->start > QUOTE_CONTEXT ? span->start - QUOTE_CONTEXT : 0;
  guint after = MIN (length, span->end + QUOTE_CONTEXT);
  g_autofree char *exact = gloss_document_dup_slice (w->document, span->start, span->end);
  g_autofree char *prefix = gloss_document_dup_slice (w->document, before, span->start);
  g_autofree char *suffix = gloss_document_dup_slice (w->document, span->end, after);

  gloss_json_writer_begin_object (b);
  add_string (b, "type", "SpecificResource");
  add_string (b, "source", w->doc_iri);
  if (role != NULL)
    add_string (b, "gloss:role", role);
  gloss_json_writer_member (b, "selector");
  gloss_json_writer_begin_array (b);
  gloss_json_writer_begin_object (b);
  add_string (b, "type", "TextPositionSelector");
  gloss_json_writer_member (b, "start");
  gloss_json_writer_int (b, span->start);
  gloss_json_writer_member (b, "end");
  gloss_json_writer_int (b, span->end);
  gloss_json_writer_end_object (b);
  gloss_json_writer_begin_object (b);
  add_string (b, "type", "TextQuoteSelector");
  add_string (b, "exact", exact);
  add_string (b, "prefix", prefix);
  add_string (b, "suffix", suffix);
  gloss_json_writer_end_object (b);
  gloss_json_writer_end_array (b);
  gloss_json_writer_end_object (b);
}

static void
add_span_targets (GlossJsonWriter *b,
                  Writer          *w,
                  GlossAnnotation *a,
                  GlossSpanRole    span_role,
                  const char      *role)
{
  const GlossSpan *spans;
  guint n;

  spans = gloss_annotation_get_spans (a, span_role, &n);
  for (guint i = 0; i < n; i++)
    add_span_target (b, w, &spans[i], role);
}

static void
begin_annotation (GlossJsonWriter *b,
                  Writer          *w,
                  GlossAnnotation *a,
                  const char      *motivation)
{
  g_autofree char *iri = iri_for (w->doc_iri, gloss_annotation_get_id (a));

  gloss_json_writer_begin_object (b);
  add_string (b, "id", iri);
  add_string (b, "type", "Annotation");
  add_string (b, "motivation", motivation);
  gloss_json_writer_member (b, "body");
  gloss_json_writer_begin_array (b);
}

static void
write_mention (GlossJsonWriter *b,
               Writer          *w,
               GlossAnnotation *a)
{
  GlossEntity *entity = gloss_mention_get_entity (GLOSS_MENTION (a));

  begin_annotation (b, w, a, "tagging");
  add_text_body (b, "tagging", gloss_annotation_get_type_id (a));
  if (entity != NULL)
    add_entity_body (b, w, entity, NULL);
  add_attrs_and_note (b, a);
  gloss_json_writer_end_array (b);
  gloss_json_writer_member (b, "target");
  gloss_json_writer_begin_array (b);
  add_span_targets (b, w, a, GLOSS_ROLE_CONTENT, NULL);
  gloss_json_writer_end_array (b);
  gloss_json_writer_end_object (b);
}

static void
write_claim (GlossJsonWriter *b,
             Writer          *w,
             GlossAnnotation *a)
{
  GlossClaim *claim = GLOSS_CLAIM (a);

  begin_annotation (b, w, a, "describing");
  add_text_body (b, "classifying", gloss_annotation_get_type_id (a));
  if (gloss_claim_get_claimant (claim) != NULL)
    add_entity_body (b, w, gloss_claim_get_claimant (claim), "claimant");
  for (guint i = 0; i < gloss_claim_get_n_about (claim); i++)
    add_entity_body (b, w, gloss_claim_get_about (claim, i), "about");
  add_text_body (b, "assessing", gloss_certainty_to_string (gloss_claim_get_certainty (claim)));
  add_attrs_and_note (b, a);
  gloss_json_writer_end_array (b);
  gloss_json_writer_member (b, "target");
  gloss_json_writer_begin_array (b);
  add_span_targets (b, w, a, GLOSS_ROLE_CONTENT, NULL);
  add_span_targets (b, w, a, GLOSS_ROLE_CUE, "cue");
  gloss_json_writer_end_array (b);
  gloss_json_writer_end_object (b);
}

static void
write_relation (GlossJsonWriter *b,
                Writer          *w,
                GlossAnnotation *a)
{
  GlossRelation *relation = GLOSS_RELATION (a);

  begin_annotation (b, w, a, "linking");
  add_text_body (b, "tagging", gloss_annotation_get_type_id (a));
  add_entity_body (b, w, gloss_relation_get_to (relation), "to");
  add_attrs_and_note (b, a);
  gloss_json_writer_end_array (b);
  gloss_json_writer_member (b, "target");
  gloss_json_writer_begin_array (b);
  gloss_json_writer_begin_object (b);
  {
    GlossEntity *from = gloss_relation_get_from (relation);
    g_autofree char *iri = iri_for (w->doc_iri, gloss_annotation_get_id (GLOSS_ANNOTATION (from)));

    add_string (b, "type", "SpecificResource");
    add_string (b, "source", iri);
    add_string (b, "label", gloss_entity_get_name (from));
    add_string (b, "gloss:entityType", gloss_annotation_get_type_id (GLOSS_ANNOTATION (from)));
    add_string (b, "gloss:role", "from");
  }
  gloss_json_writer_end_object (b);
  add_span_targets (b, w, a, GLOSS_ROLE_EVIDENCE, "evidence");
  gloss_json_writer_end_array (b);
  gloss_json_writer_end_object (b);
}

static void
export_store (GlossStore      *store,
              GlossJsonWriter *b)
{
  GlossDocument *document = gloss_store_get_document (store);
  g_autofree char *escaped = g_uri_escape_string (gloss_document_get_id (document) ?
                                                  gloss_document_get_id (document) : "document",
                                                  NULL, FALSE);
  g_autofree char *doc_iri = g_strconcat ("urn:gloss:", escaped, NULL);
  g_autofree char *collection = g_strconcat (doc_iri, "#annotations", NULL);
  Writer w = { store, document, doc_iri };
  guint total = 0;

  for (GlossAnnotationKind kind = GLOSS_KIND_MENTION; kind <= GLOSS_KIND_RELATION; kind++)
    if (kind != GLOSS_KIND_ENTITY)
      total += gloss_store_get_n_items (store, kind);

  gloss_json_writer_begin_object (b);
  gloss_json_writer_member (b, "@context");
  gloss_json_writer_begin_array (b);
  gloss_json_writer_string (b, ANNO_CONTEXT);
  gloss_json_writer_begin_object (b);
  add_string (b, "gloss", GLOSS_NS);
  gloss_json_writer_end_object (b);
  gloss_json_writer_end_array (b);
  add_string (b, "id", collection);
  add_string (b, "type", "AnnotationCollection");
  if (gloss_document_get_title (document) != NULL)
    add_string (b, "label", gloss_document_get_title (document));
  gloss_json_writer_member (b, "gloss:document");
  gloss_json_writer_begin_object (b);
  add_string (b, "id", doc_iri);
  add_string (b, "type", "Text");
  add_string (b, "format", "text/plain");
  if (gloss_document_get_language (document) != NULL)
    add_string (b, "language", gloss_document_get_language (document));
  add_string (b, "value", gloss_document_get_text (document));
  gloss_json_writer_end_object (b);
  gloss_json_writer_member (b, "total");
  gloss_json_writer_int (b, total);
  gloss_json_writer_member (b, "first");
  gloss_json_writer_begin_object (b);
  add_string (b, "type", "AnnotationPage");
  gloss_json_writer_member (b, "startIndex");
  gloss_json_writer_int (b, 0);
  gloss_json_writer_member (b, "items");
  gloss_json_writer_begin_array (b);
  for (GlossAnnotationKind kind = GLOSS_KIND_MENTION; kind <= GLOSS_KIND_RELATION; kind++)
    {
      GListModel *list = gloss_store_get_list (store, kind);

      for (guint i = 0; kind != GLOSS_KIND_ENTITY && i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(GlossAnnotation) a = g_list_model_get_item (list, i);
          GlossJsonWriter line;

          gloss_json_writer_begin_line (b, &line);
          if (kind == GLOSS_KIND_MENTION)
            write_mention (&line, &w, a);
          else if (kind == GLOSS_KIND_CLAIM)
            write_claim (&line, &w, a);
          else
            write_relation (&line, &w, a);
          gloss_json_writer_clear (&line);
        }
    }
  gloss_json_writer_end_array (b);
  gloss_json_writer_end_object (b);
  gloss_json_writer_end_object (b);
}

/* Entities no annotation names have no place. */
static void
report_lost_entities (GlossStore        *store,
                      GlossFormatReport *report)
{
  GListModel *list = gloss_store_get_list (store, GLOSS_KIND_ENTITY);

  for (guint k = 0; k < g_list_model_get_n_items (list); k++)
    {
      g_autoptr(GlossAnnotation) e = g_list_model_get_item (list, k);
      g_autoptr(GPtrArray) referrers = gloss_store_get_referrers (store, GLOSS_ENTITY (e));
      const char *note = gloss_annotation_get_note (e);
      JsonObject *attrs = gloss_annotation_get_attrs (e);

      if (referrers == NULL || referrers->len == 0)
        {
          gloss_format_report_add (report, GLOSS_LOSS_COREFERENCE, 1);
          gloss_format_report_add_detail (report, "%s: entity %s: nothing refers to it",
                                          gloss_document_get_id (gloss_store_get_document (store)),
                                          gloss_annotation_get_id (e));
        }
      if (note != NULL)
        gloss_format_report_add (report, GLOSS_LOSS_NOTES, 1);
      if (attrs != NULL && json_object_get_size (attrs) > 0)
        gloss_format_report_add (report, GLOSS_LOSS_ATTRIBUTES, 1);
    }
}

/**
 * gloss_w3c_export_chunk:
 * @store: the @index-th document
 * @index: its place in the file
 * @several: whether the file holds more than one document: an array of
 *   collections, else the one collection
 * @options: the report
 * @out: where the collection goes, after the "[" or "," before it
 */
void
gloss_w3c_export_chunk (GlossStore               *store,
                        guint                     index,
                        gboolean                  several,
                        const GlossFormatOptions *options,
                        GString                  *out)
{
  GlossJsonWriter json;

  if (options->report != NULL)
    report_lost_entities (store, options->report);
  if (several)
    {
      if (index == 0)
        g_string_append_c (out, '[');
      gloss_json_writer_init_in_array (&json, out, TRUE, index > 0);
    }
  else
    gloss_json_writer_init (&json, out, TRUE);
  export_store (store, &json);
  gloss_json_writer_clear (&json);
}

/**
 * gloss_w3c_export_end:
 * @n: the number of documents written
 * @options: unused
 * @out: where the end of the file goes
 */
void
gloss_w3c_export_end (guint                     n,
                      const GlossFormatOptions *options,
                      GString                  *out)
{
  if (n == 0)
    g_string_append (out, "[]\n");
  else if (n == 1)
    g_string_append_c (out, '\n');
  else
    g_string_append (out, "\n]\n");
}

/**
 * gloss_w3c_export:
 * @stores: (element-type GlossStore): the documents
 * @options: the report and the progress callback
 * @error: return location for a #GLOSS_FORMAT_ERROR
 *
 * Returns: (transfer full): the JSON-LD: one AnnotationCollection, or an
 *   array of them for several documents
 */
GBytes *
gloss_w3c_export (GPtrArray                *stores,
                  const GlossFormatOptions *options,
                  GError                  **error)
{
  g_return_val_if_fail (stores != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  return _gloss_format_export_chunks (stores, options, gloss_w3c_export_chunk, gloss_w3c_export_end);
}

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

/* @length bytes of JSON into @lite. */
static Value *
read_lite (GlossJsonLite  *lite,
           const char     *json,
           gsize           length,
           const char     *loc,
           GError        **error)
{
  g_autoptr(GlossJsonReader) reader = gloss_json_reader_new_at (json, length, 0, loc, NULL);
  Value *value = NULL;

  if (gloss_json_reader_next (reader) != GLOSS_JSON_ERROR)
    value = gloss_json_lite_read (lite, reader);
  if (value == NULL)
    g_propagate_error (error, gloss_json_reader_take_error (reader));
  return value;
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
      g_autofree char *json = json_to_string (node, FALSE);

      *member = "items";
      if ((*items = read_lite (lite, json, strlen (json), r->loc, error)) == NULL)
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
