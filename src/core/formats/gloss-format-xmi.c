/* gloss-format-xmi.c: UIMA CAS XMI as INCEpTION exports it, import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An XMI file is one CAS: the text is the initial view's Sofa
 * (sofaString), and every feature structure an element whose tag names
 * its type through an XML namespace ("xmlns:type3=\"http:///de/tudarmstadt/
 * ukp/dkpro/core/api/ner/type.ecore\"" and <type3:NamedEntity …> make
 * de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity). Offsets
 * (begin, end) are UTF-16 units (Java strings). GMarkup reads it: the
 * file's structure is flat, with references as xmi:id numbers.
 *
 * Read: DKPro Core's NamedEntity (type from "value", KB id from
 * "identifier") and coreference (each chain's "first" link and the links'
 * "next") as mentions and entities, as the TSV importer reads them; span
 * annotations of custom layers (webanno.custom.*) as mentions; custom
 * relations (Governor and Dependent) between the entities of two read
 * annotations (relations between tokens, dependencies, are not read). Everything else (tokens, sentences, parts of speech,
 * metadata) is not an analyst's annotation and is left out.
 */
#include "config.h"

#include <string.h>

#include "gloss-error.h"
#include "gloss-format-private.h"
#include "gloss-format-xmi.h"

#define NER_TYPE   "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
#define COREF_PKG  "de.tudarmstadt.ukp.dkpro.core.api.coref.type."
#define CUSTOM_PKG "webanno.custom."

typedef struct
{
  char       *type;      /* the full UIMA type name */
  GHashTable *attrs;     /* name → value */
  int         line;
} Element;

typedef struct
{
  GlossImportContext *context;
  const char         *where;
  GHashTable         *namespaces;  /* prefix → package */
  GPtrArray          *elements;
  GHashTable         *by_id;       /* xmi:id → Element */
  char               *sofa_id;
  char               *text;
  gboolean            seen_root;
  GMarkupParseContext *markup;
  GlossDocument      *document;
  GHashTable         *mention_of;  /* Element → GlossMention */
  GHashTable         *mention_at;  /* "START:END" → GlossMention of a named entity */
  GHashTable         *named;       /* the mentions read_spans() made */
  GPtrArray          *mentions;
  GPtrArray          *entities;
  GPtrArray          *relations;
} Reader;

static void
element_free (Element *element)
{
  g_free (element->type);
  g_hash_table_unref (element->attrs);
  g_free (element);
}

/* "http:///de/tudarmstadt/ukp/dkpro/core/api/ner/type.ecore" →
 * "de.tudarmstadt.ukp.dkpro.core.api.ner.type" */
static char *
package_of (const char *uri)
{
  g_autofree char *path = NULL;
  const char *p = uri;

  if (g_str_has_prefix (p, "http:///"))
    p += strlen ("http:///");
  path = g_strdup (p);
  if (g_str_has_suffix (path, ".ecore"))
    path[strlen (path) - strlen (".ecore")] = '\0';
  g_strdelimit (path, "/", '.');
  return g_steal_pointer (&path);
}

static void
start_element (GMarkupParseContext  *markup,
               const char           *name,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  Reader *r = user_data;
  const char *colon = strchr (name, ':');
  g_autofree char *prefix = colon ? g_strndup (name, colon - name) : g_strdup ("");
  const char *package;
  Element *element;
  int line;

  if (!r->seen_root)
    {
      r->seen_root = TRUE;
      if (!g_str_equal (name, "xmi:XMI"))
        {
          g_markup_parse_context_get_position (markup, &line, NULL);
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SYNTAX,
                       "%s:%d: not UIMA XMI: the root element is <%s>, not <xmi:XMI>", r->where, line, name);
          return;
        }
      for (guint i = 0; names[i] != NULL; i++)
        if (g_str_has_prefix (names[i], "xmlns:"))
          g_hash_table_insert (r->namespaces, g_strdup (names[i] + strlen ("xmlns:")), package_of (values[i]));
      return;
    }

  if (g_str_equal (name, "cas:Sofa"))
    {
      const char *id = NULL, *sofa_id = NULL, *text = NULL;

      for (guint i = 0; names[i] != NULL; i++)
        if (g_str_equal (names[i], "xmi:id"))
          id = values[i];
        else if (g_str_equal (names[i], "sofaID"))
          sofa_id = values[i];
        else if (g_str_equal (names[i], "sofaString"))
          text = values[i];
      if (r->text == NULL && text != NULL && id != NULL && g_strcmp0 (sofa_id, "_InitialView") == 0)
        {
          r->text = g_strdup (text);
          r->sofa_id = g_strdup (id);
        }
      return;
    }

  package = g_hash_table_lookup (r->namespaces, prefix);
  if (package == NULL || colon == NULL)
    return;

  element = g_new0 (Element, 1);
  element->type = g_strconcat (package, ".", colon + 1, NULL);
  element->attrs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_markup_parse_context_get_position (markup, &element->line, NULL);
  for (guint i = 0; names[i] != NULL; i++)
    g_hash_table_insert (element->attrs, g_strdup (names[i]), g_strdup (values[i]));
  g_ptr_array_add (r->elements, element);
  if (g_hash_table_lookup (element->attrs, "xmi:id") != NULL)
    g_hash_table_insert (r->by_id, g_hash_table_lookup (element->attrs, "xmi:id"), element);
}

static const char *
attr (Element    *element,
      const char *name)
{
  return g_hash_table_lookup (element->attrs, name);
}

static const char *
short_name (const char *type)
{
  const char *dot = strrchr (type, '.');

  return dot ? dot + 1 : type;
}

static gboolean
in_view (Reader  *r,
         Element *element)
{
  return g_strcmp0 (attr (element, "sofa"), r->sofa_id) == 0;
}

static char *
loc_of (Reader  *r,
        Element *element)
{
  return g_strdup_printf ("%s:%d", r->where, element->line);
}

/* The mention of a span annotation of @type (NULL when it is empty:
 * noted, left out). */
static GlossMention *
new_mention (Reader      *r,
             Element     *element,
             const char  *type,
             GError     **error)
{
  g_autofree char *loc = loc_of (r, element);
  g_autofree char *id = NULL;
  guint64 begin = 0, end = 0;
  GlossMention *mention;
  GlossSpan span;

  if (!g_ascii_string_to_unsigned (attr (element, "begin") ? attr (element, "begin") : "", 10, 0, G_MAXUINT, &begin, NULL) ||
      !g_ascii_string_to_unsigned (attr (element, "end") ? attr (element, "end") : "", 10, 0, G_MAXUINT, &end, NULL))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: %s: begin and end must be numbers", loc, short_name (element->type));
      return NULL;
    }
  if (begin == end)
    {
      _gloss_format_log_note (r->context, "%s: %s: the annotation at %" G_GUINT64_FORMAT
                              " is empty (zero width); left out", loc, short_name (element->type), begin);
      return NULL;
    }
  if (!_gloss_format_make_span (r->document, GLOSS_OFFSET_UTF16, begin, end, NULL, loc,
                                short_name (element->type), &span, error))
    return NULL;

  id = g_strdup_printf ("m%u", r->mentions->len + 1);
  gloss_schema_ensure (r->context->schema, GLOSS_LABEL_ENTITY, type);
  mention = gloss_mention_new (type, &span, 1);
  gloss_annotation_set_id (GLOSS_ANNOTATION (mention), id);
  g_ptr_array_add (r->mentions, mention);
  g_hash_table_insert (r->mention_of, element, mention);
  return mention;
}

static const char *
value_or (Element    *element,
          const char *member,
          const char *fallback)
{
  const char *value = attr (element, member);

  return value != NULL && *value != '\0' ? value : fallback;
}

static gboolean
is_span (Element *element)
{
  return attr (element, "begin") != NULL && attr (element, "end") != NULL &&
         attr (element, "Governor") == NULL && attr (element, "Dependent") == NULL;
}

/* Named entities and custom spans: mentions. */
static gboolean
read_spans (Reader  *r,
            GError **error)
{
  for (guint i = 0; i < r->elements->len; i++)
    {
      Element *element = g_ptr_array_index (r->elements, i);
      g_autoptr(GError) local_error = NULL;
      GlossMention *mention;

      if (!in_view (r, element) || !is_span (element) ||
          !(g_str_equal (element->type, NER_TYPE) || g_str_has_prefix (element->type, CUSTOM_PKG)) ||
          attr (element, "next") != NULL || g_str_has_suffix (element->type, "Link"))
        continue;
      mention = new_mention (r, element, value_or (element, "value", short_name (element->type)), &local_error);
      if (mention == NULL)
        {
          if (local_error != NULL && !_gloss_format_log_problem (r->context, &local_error))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          continue;
        }
      {
        g_autofree char *at = g_strdup_printf ("%u:%u", gloss_annotation_get_start (GLOSS_ANNOTATION (mention)),
                                               gloss_annotation_get_end (GLOSS_ANNOTATION (mention)));

        if (!g_hash_table_contains (r->mention_at, at))
          g_hash_table_insert (r->mention_at, g_steal_pointer (&at), mention);
      }
      g_hash_table_add (r->named, mention);
      if (attr (element, "identifier") != NULL && *attr (element, "identifier") != '\0')
        gloss_entity_set_kb (_gloss_format_entity_for_mention (r->document, mention, r->entities),
                             attr (element, "identifier"));
    }
  return TRUE;
}

/* Chains: elements with "first"; their links follow "next". */
static gboolean
read_chains (Reader  *r,
             GError **error)
{
  for (guint i = 0; i < r->elements->len; i++)
    {
      Element *chain = g_ptr_array_index (r->elements, i);
      g_autoptr(GHashTable) seen = NULL;
      GlossEntity *entity = NULL;
      const char *type = NULL;

      if (!in_view (r, chain) || attr (chain, "first") == NULL)
        continue;
      seen = g_hash_table_new (NULL, NULL);

      /* The first link's type (referenceType); a named entity among the
       * links gives its own below. */
      for (Element *link = g_hash_table_lookup (r->by_id, attr (chain, "first"));
           link != NULL && !g_hash_table_contains (seen, link);
           link = attr (link, "next") ? g_hash_table_lookup (r->by_id, attr (link, "next")) : NULL)
        {
          g_hash_table_add (seen, link);
          if (type == NULL)
            type = value_or (link, "referenceType", short_name (link->type));
        }
      g_hash_table_remove_all (seen);

      for (Element *link = g_hash_table_lookup (r->by_id, attr (chain, "first"));
           link != NULL && !g_hash_table_contains (seen, link);
           link = attr (link, "next") ? g_hash_table_lookup (r->by_id, attr (link, "next")) : NULL)
        {
          g_autoptr(GError) local_error = NULL;
          GlossMention *mention = NULL;
          GlossSpan span;
          g_autofree char *loc = loc_of (r, link);
          guint64 begin = 0, end = 0;

          g_hash_table_add (seen, link);
          if (g_ascii_string_to_unsigned (value_or (link, "begin", ""), 10, 0, G_MAXUINT, &begin, NULL) &&
              g_ascii_string_to_unsigned (value_or (link, "end", ""), 10, 0, G_MAXUINT, &end, NULL) &&
              begin < end &&
              _gloss_format_make_span (r->document, GLOSS_OFFSET_UTF16, begin, end, NULL, loc,
                                       short_name (link->type), &span, NULL))
            {
              g_autofree char *at = g_strdup_printf ("%u:%u", span.start, span.end);

              mention = g_hash_table_lookup (r->mention_at, at);
              if (mention != NULL && gloss_mention_get_entity (mention) != NULL && entity != NULL &&
                  gloss_mention_get_entity (mention) != entity)
                mention = NULL;
            }
          if (mention == NULL)
            mention = new_mention (r, link, type, &local_error);
          if (mention == NULL)
            {
              if (local_error != NULL && !_gloss_format_log_problem (r->context, &local_error))
                {
                  g_propagate_error (error, g_steal_pointer (&local_error));
                  return FALSE;
                }
              continue;
            }
          g_hash_table_insert (r->mention_of, link, mention);
          if (entity == NULL)
            entity = _gloss_format_entity_for_mention (r->document, mention, r->entities);
          else
            gloss_mention_set_entity (mention, entity);
        }

      /* A chain with a named entity is of its type. */
      if (entity != NULL)
        {
          const char *named = NULL;

          for (guint m = 0; m < r->mentions->len && named == NULL; m++)
            {
              GlossMention *mention = g_ptr_array_index (r->mentions, m);

              if (gloss_mention_get_entity (mention) == entity && g_hash_table_contains (r->named, mention))
                named = gloss_annotation_get_type_id (GLOSS_ANNOTATION (mention));
            }
          if (named != NULL)
            {
              g_autofree char *retype = g_strdup (named);

              gloss_annotation_set_type_id (GLOSS_ANNOTATION (entity), retype);
              for (guint m = 0; m < r->mentions->len; m++)
                if (gloss_mention_get_entity (g_ptr_array_index (r->mentions, m)) == entity)
                  gloss_annotation_set_type_id (g_ptr_array_index (r->mentions, m), retype);
            }
        }
    }
  return TRUE;
}

/* Custom relations: Governor → Dependent. */
static gboolean
read_relations (Reader  *r,
                GError **error)
{
  for (guint i = 0; i < r->elements->len; i++)
    {
      Element *element = g_ptr_array_index (r->elements, i);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *id = NULL;
      Element *governor, *dependent;
      GlossMention *from, *to;
      GlossRelation *relation;
      const char *type;

      if (!in_view (r, element) || !g_str_has_prefix (element->type, CUSTOM_PKG) ||
          attr (element, "Governor") == NULL || attr (element, "Dependent") == NULL)
        continue;
      governor = g_hash_table_lookup (r->by_id, attr (element, "Governor"));
      dependent = g_hash_table_lookup (r->by_id, attr (element, "Dependent"));
      from = governor ? g_hash_table_lookup (r->mention_of, governor) : NULL;
      to = dependent ? g_hash_table_lookup (r->mention_of, dependent) : NULL;
      /* Between tokens (dependencies), or an annotation left out: no
       * relation between entities. */
      if (governor != NULL && dependent != NULL && (from == NULL || to == NULL))
        continue;
      if (from == NULL || to == NULL)
        {
          g_autofree char *loc = loc_of (r, element);

          g_set_error (&local_error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: %s: its %s (xmi:id %s) is not in the file", loc,
                       short_name (element->type), from == NULL ? "Governor" : "Dependent",
                       attr (element, from == NULL ? "Governor" : "Dependent"));
          if (!_gloss_format_log_problem (r->context, &local_error))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          continue;
        }
      type = value_or (element, "value", short_name (element->type));
      gloss_schema_ensure (r->context->schema, GLOSS_LABEL_RELATION, type);
      relation = gloss_relation_new (type, _gloss_format_entity_for_mention (r->document, from, r->entities),
                                     _gloss_format_entity_for_mention (r->document, to, r->entities));
      id = g_strdup_printf ("r%u", r->relations->len + 1);
      gloss_annotation_set_id (GLOSS_ANNOTATION (relation), id);
      g_ptr_array_add (r->relations, relation);
    }
  return TRUE;
}

static void
set_metadata (Reader *r)
{
  for (guint i = 0; i < r->elements->len; i++)
    {
      Element *element = g_ptr_array_index (r->elements, i);

      if (!g_str_equal (short_name (element->type), "DocumentMetaData"))
        continue;
      if (attr (element, "documentId") != NULL && *attr (element, "documentId") != '\0')
        gloss_document_set_id (r->document, attr (element, "documentId"));
      if (attr (element, "documentTitle") != NULL && *attr (element, "documentTitle") != '\0')
        gloss_document_set_title (r->document, attr (element, "documentTitle"));
      if (attr (element, "language") != NULL && !g_str_equal (attr (element, "language"), "x-unspecified"))
        gloss_document_set_language (r->document, attr (element, "language"));
      return;
    }
}

/**
 * gloss_xmi_import:
 * @input: an XMI file's bytes
 * @options: the starting schema, @where naming the file, the import log
 * @error: return location for a #GLOSS_FORMAT_ERROR
 *
 * Returns: (transfer container) (element-type GlossStore): one store (none
 *   when the log left the document out), or %NULL on error
 */
GPtrArray *
gloss_xmi_import (GBytes                   *input,
                  const GlossFormatOptions *options,
                  GError                  **error)
{
  static const GMarkupParser parser = { start_element, NULL, NULL, NULL, NULL };
  g_autoptr(GPtrArray) stores = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossSchema) schema = NULL;
  g_autoptr(GHashTable) namespaces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) elements = g_ptr_array_new_with_free_func ((GDestroyNotify) element_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) mention_of = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) mention_at = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) named = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) mentions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GMarkupParseContext) markup = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *source = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sofa_id = NULL;
  GPtrArray *lists[] = { entities, mentions, relations };
  GlossImportContext context = { 0 };
  Reader r = { 0 };
  gsize size;
  const char *data;
  const char *where;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  where = options->where ? options->where : "input";
  schema = options->schema ? gloss_schema_copy (options->schema) : gloss_schema_new_default ();
  stem = _gloss_format_stem (options->where);
  source = options->where ? g_path_get_basename (options->where) : NULL;
  context = (GlossImportContext) {
    .options = options, .unit = GLOSS_OFFSET_UTF16, .schema = schema,
    .stores = stores, .stem = stem, .source = source,
  };
  r = (Reader) {
    .context = &context, .where = where, .namespaces = namespaces, .elements = elements,
    .by_id = by_id, .mention_of = mention_of, .mention_at = mention_at, .named = named,
    .mentions = mentions, .entities = entities, .relations = relations,
  };

  data = g_bytes_get_data (input, &size);
  markup = g_markup_parse_context_new (&parser, 0, &r, NULL);
  if (!g_markup_parse_context_parse (markup, data != NULL ? data : "", size, &local_error) ||
      !g_markup_parse_context_end_parse (markup, &local_error))
    {
      text = r.text;
      sofa_id = r.sofa_id;
      if (local_error->domain == GLOSS_FORMAT_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SYNTAX,
                     "%s: not well-formed XML: %s", where, local_error->message);
      return NULL;
    }
  text = r.text;
  sofa_id = r.sofa_id;
  if (text == NULL)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: no text: the CAS has no <cas:Sofa sofaID=\"_InitialView\" sofaString=…>", where);
      return NULL;
    }

  document = gloss_document_new_from_text (text, -1, where, error);
  if (document == NULL)
    return NULL;
  gloss_document_set_id (document, stem);
  if (source != NULL)
    gloss_document_set_source (document, source);
  r.document = document;
  set_metadata (&r);

  if (!read_spans (&r, error) || !read_chains (&r, error) || !read_relations (&r, error))
    return NULL;

  if (!_gloss_format_finish_file (&context, document, lists, G_N_ELEMENTS (lists), where, error))
    return NULL;
  return g_steal_pointer (&stores);
}
