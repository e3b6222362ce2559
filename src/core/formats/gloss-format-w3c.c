/* gloss-format-w3c.c: W3C Web Annotation Data Model, JSON-LD: the shape and its
 * export (gloss-format-w3c-reader.c reads it back)
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

#include <glib/gi18n-lib.h>

#include <string.h>

#include "gloss-error.h"
#include "gloss-format-private.h"
#include "gloss-format-w3c.h"
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
          /* Translators: in the details of an export; %s a document, %s an entity */
          gloss_format_report_add_detail (report, _("%s: entity %s: nothing refers to it"),
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
