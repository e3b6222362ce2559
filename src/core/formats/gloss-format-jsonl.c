/* gloss-format-jsonl.c: the Gloss dataset, one document a line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout is described in docs/formats.md and data/gloss-dataset.schema.json.
 * Version 2 (written): every member always present (null, {} or [] when
 * empty) so that the shape is constant; "mentions" holds the mentions, each
 * with its list of "spans", "entities" the entities (coreference clusters)
 * as in .gloss; claims and relations refer to entities by id. Version 1
 * (read): "entities" held the mentions, with an outer start/end and
 * "spans" when discontinuous, and "clusters" the entities. Offsets are code
 * points unless the options or the record's "offsets" say else.
 */
#include "config.h"

#include "gloss-error.h"
#include "gloss-format-jsonl.h"
#include "gloss-format-private.h"
#include "gloss-store.h"

/* Import */

/* The annotation lists are read into a GlossJsonLite arena: a json-glib
 * tree of 500 mentions a record (an object, a hash table and a string
 * for every member) took most of the import. "mentions" comes straight
 * from the line (the context's lazy member); the other lists, small,
 * from the record's tree. */
typedef const GlossJsonLiteValue Value;

#define N_LISTS 4

/* The annotations of one record, before they enter the store (where they
 * are frozen): every link is made first. */
typedef struct
{
  GlossImportContext *context;
  GlossDocument   *document;
  GlossOffsetUnit  unit;
  const char      *loc;
  JsonObject      *record;
  GlossJsonLite   *lite;       /* the lists read from the record's tree */
  const char      *list_names[N_LISTS];
  Value           *lists[N_LISTS];
  GHashTable      *by_id;      /* id → GlossAnnotation (borrowed) */
  GPtrArray       *entities;
  GPtrArray       *mentions;
  GPtrArray       *claims;
  GPtrArray       *relations;
  guint            next_entity;
  const char      *mentions_member;   /* "mentions" (v2) or "entities" (v1) */
  const char      *entities_member;   /* "entities" (v2) or "clusters" (v1) */
} Record;

static void
record_clear (Record *r)
{
  g_clear_pointer (&r->lite, gloss_json_lite_free);
  g_clear_pointer (&r->by_id, g_hash_table_unref);
  g_clear_pointer (&r->entities, g_ptr_array_unref);
  g_clear_pointer (&r->mentions, g_ptr_array_unref);
  g_clear_pointer (&r->claims, g_ptr_array_unref);
  g_clear_pointer (&r->relations, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Record, record_clear)

static void
set_not_a_list (GError     **error,
                const char  *loc,
                const char  *path,
                const char  *member)
{
  if (path != NULL)
    g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                 "%s: %s.%s: must be a list", loc, path, member);
  else
    g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                 "%s: %s: must be a list", loc, member);
}

/* The list @member of @object: NULL when absent or null (@error unset). */
static Value *
get_array (Value       *object,
           const char  *member,
           const char  *loc,
           const char  *path,
           GError     **error)
{
  Value *value = gloss_json_lite_get_member (object, member);

  if (value == NULL || value->kind == GLOSS_JSON_NULL)
    return NULL;
  if (value->kind != GLOSS_JSON_BEGIN_ARRAY)
    {
      set_not_a_list (error, loc, path, member);
      return NULL;
    }
  return value;
}

/* The record's list @member, read once: NULL when absent or null. */
static gboolean
record_list (Record      *r,
             const char  *member,
             Value      **list,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  guint k;

  for (k = 0; k < N_LISTS && r->list_names[k] != NULL; k++)
    if (g_str_equal (r->list_names[k], member))
      {
        *list = r->lists[k];
        return TRUE;
      }
  g_assert (k < N_LISTS);

  *list = _gloss_format_lite_member (r->context, r->record, member, r->lite, r->loc, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (*list != NULL && (*list)->kind == GLOSS_JSON_NULL)
    *list = NULL;
  else if (*list != NULL && (*list)->kind != GLOSS_JSON_BEGIN_ARRAY)
    {
      set_not_a_list (error, r->loc, NULL, member);
      return FALSE;
    }
  r->list_names[k] = member;
  r->lists[k] = *list;
  return TRUE;
}

/* Calls @func for each object of the record's list @member. */
static gboolean
foreach_object (Record         *r,
                const char     *member,
                GlossLiteFunc   func,
                GError        **error)
{
  Value *list;

  return record_list (r, member, &list, error) &&
         _gloss_format_foreach_lite_logged (r->context, list, member, r->loc, func, r, error);
}

static gboolean
register_id (Record           *r,
             GlossAnnotation  *annotation,
             Value            *object,
             const char       *path,
             GError          **error)
{
  g_autofree char *id = _gloss_format_lite_dup_id (object, "id");

  if (id == NULL)
    return TRUE;  /* the store names it */

  if (g_hash_table_contains (r->by_id, id))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: %s: the id “%s” is used twice", r->loc, path, id);
      return FALSE;
    }

  gloss_annotation_set_id (annotation, id);
  g_hash_table_insert (r->by_id, g_steal_pointer (&id), annotation);
  return TRUE;
}

static gboolean
read_span (Record      *r,
           Value       *object,
           const char  *path,
           GArray      *spans,
           GError     **error)
{
  GlossSpan span;
  gint64 start, end;

  if (!_gloss_format_lite_offset (object, "start", r->loc, path, &start, error) ||
      !_gloss_format_lite_offset (object, "end", r->loc, path, &end, error) ||
      !_gloss_format_make_span_anchored (r->context, r->document, r->unit, start, end,
                                         gloss_json_lite_get_string (object, "text"),
                                         r->loc, path, &span, error))
    return FALSE;
  g_array_append_val (spans, span);
  return TRUE;
}

/* Spans: a "spans" list of {start, end, text} when present, else the
 * object's own start, end and text. */
static GArray *
read_spans (Record      *r,
            Value       *object,
            const char  *member,
            gboolean     own,
            const char  *path,
            GError     **error)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (GlossSpan));
  g_autoptr(GError) local_error = NULL;
  g_autofree char *prefix = NULL;
  Value *array;

  array = get_array (object, member, r->loc, path, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (array == NULL && own)
    return read_span (r, object, path, spans, error) ? g_steal_pointer (&spans) : NULL;

  prefix = g_strconcat (path, ".", member, NULL);
  for (guint i = 0; array != NULL && i < array->n; i++)
    {
      g_autofree char *spath = _gloss_format_element_path (prefix, i);

      if (array->items[i]->kind != GLOSS_JSON_BEGIN_OBJECT)
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: %s: must be an object {start, end, text}", r->loc, spath);
          return NULL;
        }
      if (!read_span (r, array->items[i], spath, spans, error))
        return NULL;
    }

  if (own && spans->len == 0)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: %s.%s: must hold at least one span", r->loc, path, member);
      return NULL;
    }

  return g_steal_pointer (&spans);
}

static const char *
read_label (Record          *r,
            Value           *object,
            const char      *path,
            GError         **error)
{
  const char *label = gloss_json_lite_get_string (object, "label");

  if (label == NULL || *label == '\0')
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: %s: “label” must be a non-empty string", r->loc, path);
      return NULL;
    }
  return label;
}

static gboolean
read_common (Record           *r,
             GlossAnnotation  *annotation,
             Value            *object,
             const char       *path,
             GError          **error)
{
  const char *note = gloss_json_lite_get_string (object, "note");
  const char *status = gloss_json_lite_get_string (object, "status");
  Value *attrs = gloss_json_lite_get_member (object, "attrs");

  if (note != NULL)
    gloss_annotation_set_note (annotation, note);

  if (status != NULL)
    {
      GlossStatus value;

      if (!gloss_status_from_string (status, &value))
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: %s: unknown status “%s”", r->loc, path, status);
          return FALSE;
        }
      gloss_annotation_set_status (annotation, value);
    }

  if (attrs != NULL && attrs->kind == GLOSS_JSON_BEGIN_OBJECT)
    {
      /* Through a json-glib object, in its order, as before the arena. */
      g_autoptr(JsonNode) copy = gloss_json_lite_to_node (attrs);
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init (&iter, json_node_get_object (copy));
      while (json_object_iter_next (&iter, &name, &value))
        gloss_annotation_set_attr (annotation, name, value);
    }

  return TRUE;
}

static char *
alloc_entity_id (Record *r)
{
  for (;;)
    {
      char *id = g_strdup_printf ("e%u", ++r->next_entity);

      if (!g_hash_table_contains (r->by_id, id))
        return id;
      g_free (id);
    }
}

/* An id that relations and claims point at: a cluster, or a mention,
 * which then gets a cluster of its own if it has none. */
static GlossEntity *
resolve_entity (Record      *r,
                const char  *id,
                const char  *path,
                const char  *member,
                GError     **error)
{
  GlossAnnotation *target = id ? g_hash_table_lookup (r->by_id, id) : NULL;
  GlossMention *mention;
  GlossEntity *entity;
  g_autofree char *name = NULL;
  g_autofree char *entity_id = NULL;

  if (target == NULL ||
      (!GLOSS_IS_ENTITY (target) && !GLOSS_IS_MENTION (target)))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: %s.%s: “%s” is not the id of a cluster or an entity",
                   r->loc, path, member, id ? id : "");
      return NULL;
    }

  if (GLOSS_IS_ENTITY (target))
    return GLOSS_ENTITY (target);

  mention = GLOSS_MENTION (target);
  if (gloss_mention_get_entity (mention) != NULL)
    return gloss_mention_get_entity (mention);

  {
    guint n;
    const GlossSpan *spans = gloss_annotation_get_spans (target, GLOSS_ROLE_CONTENT, &n);

    name = gloss_document_dup_slice (r->document, spans[0].start, spans[n - 1].end);
  }
  entity = gloss_entity_new (gloss_annotation_get_type_id (target), name);
  entity_id = alloc_entity_id (r);
  gloss_annotation_set_id (GLOSS_ANNOTATION (entity), entity_id);
  g_hash_table_insert (r->by_id, g_steal_pointer (&entity_id), entity);
  g_ptr_array_add (r->entities, entity);
  gloss_mention_set_entity (mention, entity);

  return entity;
}

static gboolean
read_cluster (Value       *object,
              const char  *path,
              gpointer     user_data,
              GError     **error)
{
  Record *r = user_data;
  GlossEntity *entity;
  const char *label;
  const char *kb;

  if ((label = read_label (r, object, path, error)) == NULL)
    return FALSE;

  gloss_schema_ensure (r->context->schema, GLOSS_LABEL_ENTITY, label);
  entity = gloss_entity_new (label, gloss_json_lite_get_string (object, "name"));
  g_ptr_array_add (r->entities, entity);
  if ((kb = gloss_json_lite_get_string (object, "kb")) != NULL)
    gloss_entity_set_kb (entity, kb);

  return register_id (r, GLOSS_ANNOTATION (entity), object, path, error) &&
         read_common (r, GLOSS_ANNOTATION (entity), object, path, error);
}

/* A cluster's "mentions" list, for files whose mentions lack "entity". */
static gboolean
link_cluster_mentions (Record  *r,
                       GError **error)
{
  Value *array = NULL;

  record_list (r, r->entities_member, &array, NULL);
  for (guint i = 0; array != NULL && i < array->n; i++)
    {
      Value *object = array->items[i];
      g_autofree char *path = _gloss_format_element_path (r->entities_member, i);
      g_autofree char *id = _gloss_format_lite_dup_id (object, "id");
      GlossAnnotation *entity = id ? g_hash_table_lookup (r->by_id, id) : NULL;
      Value *members = get_array (object, "mentions", r->loc, path, NULL);

      for (guint j = 0; entity != NULL && members != NULL && j < members->n; j++)
        {
          const char *mid = members->items[j]->kind == GLOSS_JSON_STRING ? members->items[j]->string : NULL;
          GlossAnnotation *mention = mid ? g_hash_table_lookup (r->by_id, mid) : NULL;

          if (mention == NULL || !GLOSS_IS_MENTION (mention))
            {
              g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                           "%s: %s.mentions[%u]: not the id of an entity (mention)",
                           r->loc, path, j);
              return FALSE;
            }
          if (gloss_mention_get_entity (GLOSS_MENTION (mention)) == NULL)
            gloss_mention_set_entity (GLOSS_MENTION (mention), GLOSS_ENTITY (entity));
          else if (gloss_mention_get_entity (GLOSS_MENTION (mention)) != GLOSS_ENTITY (entity))
            {
              g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                           "%s: %s.mentions[%u]: “%s” belongs to another cluster",
                           r->loc, path, j, mid);
              return FALSE;
            }
        }
    }

  return TRUE;
}

/* Links entities[@i] to the cluster its "entity" names. When that is a
 * mention which names a cluster of its own, that link is made first, so
 * the result does not depend on the order of the list; a link that
 * contradicts one already made is an error, never silently dropped. */
static gboolean
link_mention (Record     *r,
              Value      *array,
              guint       i,
              guint       depth,
              GError    **error)
{
  g_autofree char *target = _gloss_format_lite_dup_id (array->items[i], "entity");
  g_autofree char *path = NULL;
  GlossMention *mention = g_ptr_array_index (r->mentions, i);
  GlossAnnotation *named;
  GlossEntity *entity;

  if (target == NULL)
    return TRUE;
  path = _gloss_format_element_path (r->mentions_member, i);

  named = g_hash_table_lookup (r->by_id, target);
  if (named != NULL && GLOSS_IS_MENTION (named) && named != GLOSS_ANNOTATION (mention) &&
      gloss_mention_get_entity (GLOSS_MENTION (named)) == NULL && depth < 32)
    {
      guint j;

      /* bounded: a cycle of mentions ends in one new cluster */
      if (g_ptr_array_find (r->mentions, named, &j) &&
          !link_mention (r, array, j, depth + 1, error))
        return FALSE;
    }

  if ((entity = resolve_entity (r, target, path, "entity", error)) == NULL)
    return FALSE;
  if (gloss_mention_get_entity (mention) == NULL)
    gloss_mention_set_entity (mention, entity);
  else if (gloss_mention_get_entity (mention) != entity)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: %s.entity: “%s” is in another cluster than “%s”",
                   r->loc, path, target,
                   gloss_annotation_get_id (GLOSS_ANNOTATION (mention)));
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_mention (Value       *object,
              const char  *path,
              gpointer     user_data,
              GError     **error)
{
  Record *r = user_data;
  g_autoptr(GArray) spans = NULL;
  GlossMention *mention;
  const char *label;

  if ((label = read_label (r, object, path, error)) == NULL ||
      (spans = read_spans (r, object, "spans", TRUE, path, error)) == NULL)
    return FALSE;

  gloss_schema_ensure (r->context->schema, GLOSS_LABEL_ENTITY, label);
  mention = gloss_mention_new (label, (const GlossSpan *)(gpointer) spans->data, spans->len);
  g_ptr_array_add (r->mentions, mention);

  return register_id (r, GLOSS_ANNOTATION (mention), object, path, error) &&
         read_common (r, GLOSS_ANNOTATION (mention), object, path, error);
}

static gboolean
read_mentions (Record      *r,
               GError     **error)
{
  Value *array = NULL;

  if (!foreach_object (r, r->mentions_member, read_mention, error))
    return FALSE;
  /* Problems were logged and the record is left out: links would look
   * for mentions that are not there. */
  if (r->context->n_problems > 0)
    return TRUE;

  /* Links in a second pass: "entity" may name a mention listed later. */
  record_list (r, r->mentions_member, &array, NULL);
  for (guint i = 0; array != NULL && i < array->n; i++)
    if (!link_mention (r, array, i, 0, error))
      return FALSE;

  return TRUE;
}

static gboolean
read_claim (Value       *object,
            const char  *path,
            gpointer     user_data,
            GError     **error)
{
  Record *r = user_data;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *claimant = NULL;
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GArray) cue = NULL;
  GlossClaim *claim;
  const char *label;
  const char *certainty;
  Value *about;

  if ((label = read_label (r, object, path, error)) == NULL ||
      (spans = read_spans (r, object, "spans", TRUE, path, error)) == NULL ||
      (cue = read_spans (r, object, "cue", FALSE, path, error)) == NULL)
    return FALSE;

  gloss_schema_ensure (r->context->schema, GLOSS_LABEL_CLAIM, label);
  claim = gloss_claim_new (label, (const GlossSpan *)(gpointer) spans->data, spans->len);
  g_ptr_array_add (r->claims, claim);
  if (cue->len > 0)
    gloss_annotation_set_spans (GLOSS_ANNOTATION (claim), GLOSS_ROLE_CUE,
                                (const GlossSpan *)(gpointer) cue->data, cue->len);
  if (!register_id (r, GLOSS_ANNOTATION (claim), object, path, error) ||
      !read_common (r, GLOSS_ANNOTATION (claim), object, path, error))
    return FALSE;

  if ((certainty = gloss_json_lite_get_string (object, "certainty")) != NULL)
    {
      GlossCertainty value;

      if (!gloss_certainty_from_string (certainty, &value))
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: %s: unknown certainty “%s” (asserted, hedged or denied)",
                       r->loc, path, certainty);
          return FALSE;
        }
      gloss_claim_set_certainty (claim, value);
    }

  if ((claimant = _gloss_format_lite_dup_id (object, "claimant")) != NULL)
    {
      GlossEntity *entity = resolve_entity (r, claimant, path, "claimant", error);

      if (entity == NULL)
        return FALSE;
      gloss_claim_set_claimant (claim, entity);
    }

  about = get_array (object, "about", r->loc, path, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  for (guint j = 0; about != NULL && j < about->n; j++)
    {
      g_autofree char *apath = g_strdup_printf ("%s.about[%u]", path, j);
      const char *id = about->items[j]->kind == GLOSS_JSON_STRING ? about->items[j]->string : NULL;
      GlossEntity *entity = resolve_entity (r, id, apath, "id", error);

      if (entity == NULL)
        return FALSE;
      gloss_claim_add_about (claim, entity);
    }

  return TRUE;
}

static gboolean
read_relation (Value       *object,
               const char  *path,
               gpointer     user_data,
               GError     **error)
{
  Record *r = user_data;
  g_autofree char *from_id = _gloss_format_lite_dup_id (object, "from");
  g_autofree char *to_id = _gloss_format_lite_dup_id (object, "to");
  g_autoptr(GArray) evidence = NULL;
  GlossEntity *from, *to;
  GlossRelation *relation;
  const char *label;

  if ((label = read_label (r, object, path, error)) == NULL ||
      (from = resolve_entity (r, from_id, path, "from", error)) == NULL ||
      (to = resolve_entity (r, to_id, path, "to", error)) == NULL ||
      (evidence = read_spans (r, object, "evidence", FALSE, path, error)) == NULL)
    return FALSE;

  gloss_schema_ensure (r->context->schema, GLOSS_LABEL_RELATION, label);
  relation = gloss_relation_new (label, from, to);
  g_ptr_array_add (r->relations, relation);
  if (evidence->len > 0)
    gloss_annotation_set_spans (GLOSS_ANNOTATION (relation), GLOSS_ROLE_EVIDENCE,
                                (const GlossSpan *)(gpointer) evidence->data, evidence->len);

  return register_id (r, GLOSS_ANNOTATION (relation), object, path, error) &&
         read_common (r, GLOSS_ANNOTATION (relation), object, path, error);
}

/* The record's shape: version 2 ("mentions", "entities" as clusters),
 * version 1 ("entities" as mentions, "clusters"), a newer version (an
 * error), or another format's record (an error naming that format). */
static gboolean
read_version (JsonObject          *record,
              GlossImportContext  *context,
              const char          *loc,
              Record              *r,
              GError             **error)
{
  JsonNode *node = json_object_get_member (record, "version");
  Value *mentions = context->lazy_value;   /* "mentions", when the record has it */
  gint64 version = 1;

  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
          json_node_get_int (node) < 1)
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: version: must be a whole number (1 or 2)", loc);
          return FALSE;
        }
      version = json_node_get_int (node);
      if (version > GLOSS_JSONL_VERSION)
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_VERSION,
                       "%s: version %" G_GINT64_FORMAT " of the Gloss dataset is newer than "
                       "this program knows (%d); update Gloss to read it",
                       loc, version, GLOSS_JSONL_VERSION);
          return FALSE;
        }
    }
  else if (mentions != NULL || json_object_has_member (record, "mentions"))
    version = 2;

  /* A list of "mentions" is the Gloss dataset's shape, whatever else the
   * record (where that list is not) has. */
  if ((mentions == NULL || mentions->kind != GLOSS_JSON_BEGIN_ARRAY) &&
      !_gloss_format_check_shape (record, "jsonl", loc, error))
    return FALSE;

  r->mentions_member = version >= 2 ? "mentions" : "entities";
  r->entities_member = version >= 2 ? "entities" : "clusters";
  return TRUE;
}

static gboolean
import_record (JsonObject  *record,
               const char  *loc,
               gpointer     user_data,
               GError     **error)
{
  GlossImportContext *context = user_data;
  g_auto(Record) r = { 0 };
  g_autoptr(GlossDocument) document = NULL;
  const char *text;
  const char *value;

  if (!read_version (record, context, loc, &r, error))
    return FALSE;

  text = _gloss_format_get_string (record, "text");
  if (text == NULL)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: the record has no “text” string", loc);
      return FALSE;
    }

  document = _gloss_format_new_document (context, record, text, loc, error);
  if (document == NULL)
    return FALSE;

  r.context = context;
  r.document = document;
  r.loc = loc;
  r.unit = context->unit;
  if (!context->options->offsets_set &&
      (value = _gloss_format_get_string (record, "offsets")) != NULL &&
      !_gloss_format_parse_unit (value, &r.unit))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: offsets: unknown unit “%s” (codepoints, utf16 or bytes)", loc, value);
      return FALSE;
    }

  r.record = record;
  r.lite = gloss_json_lite_new ();
  r.by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.entities = g_ptr_array_new_with_free_func (g_object_unref);
  r.mentions = g_ptr_array_new_with_free_func (g_object_unref);
  r.claims = g_ptr_array_new_with_free_func (g_object_unref);
  r.relations = g_ptr_array_new_with_free_func (g_object_unref);

  if (!foreach_object (&r, r.entities_member, read_cluster, error) ||
      !read_mentions (&r, error) ||
      !link_cluster_mentions (&r, error) ||
      !foreach_object (&r, "claims", read_claim, error) ||
      !foreach_object (&r, "relations", read_relation, error))
    return FALSE;

  {
    GPtrArray *lists[] = { r.entities, r.mentions, r.claims, r.relations };

    return _gloss_format_add_store (context, document, lists, G_N_ELEMENTS (lists), loc, error);
  }
}

/**
 * gloss_jsonl_import:
 * @input: the file's bytes
 * @options: the offset unit (code points, or the records' "offsets",
 *   unless set), the starting schema and the progress callback
 * @error: return location for a #GLOSS_FORMAT_ERROR
 *
 * Returns: (transfer container) (element-type GlossStore): one store per
 *   line, sharing one schema, or %NULL on error
 */
GPtrArray *
gloss_jsonl_import (GBytes                   *input,
                    const GlossFormatOptions *options,
                    GError                  **error)
{
  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _gloss_format_import_records_lite (input, options, GLOSS_OFFSET_CODEPOINTS, "mentions",
                                            import_record, error);
}

/* Export */

static void
add_span_members (GlossJsonWriter *json,
                  GlossDocument   *document,
                  GlossOffsetUnit  unit,
                  guint            start,
                  guint            end)
{
  g_autofree char *text = gloss_document_dup_slice (document, start, end);

  gloss_json_writer_member (json, "start");
  gloss_json_writer_int (json, gloss_document_cp_to_offset (document, unit, start));
  gloss_json_writer_member (json, "end");
  gloss_json_writer_int (json, gloss_document_cp_to_offset (document, unit, end));
  gloss_json_writer_member (json, "text");
  gloss_json_writer_string (json, text);
}

static void
add_span_list (GlossJsonWriter *json,
               GlossDocument   *document,
               GlossOffsetUnit  unit,
               const char      *member,
               const GlossSpan *spans,
               guint            n_spans)
{
  gloss_json_writer_member (json, member);
  gloss_json_writer_begin_array (json);
  for (guint i = 0; i < n_spans; i++)
    {
      gloss_json_writer_begin_object (json);
      add_span_members (json, document, unit, spans[i].start, spans[i].end);
      gloss_json_writer_end_object (json);
    }
  gloss_json_writer_end_array (json);
}

static void
add_string (GlossJsonWriter *json,
            const char      *member,
            const char      *value)
{
  gloss_json_writer_member (json, member);
  if (value != NULL)
    gloss_json_writer_string (json, value);
  else
    gloss_json_writer_null (json);
}

static void
add_object (GlossJsonWriter *json,
            const char      *member,
            JsonObject      *object)
{
  gloss_json_writer_member (json, member);
  gloss_json_writer_object (json, object);
}

/* Members every annotation has, in every record. */
static void
add_common (GlossJsonWriter *json,
            GlossAnnotation *annotation)
{
  add_string (json, "status", gloss_status_to_string (gloss_annotation_get_status (annotation)));
  add_string (json, "note", gloss_annotation_get_note (annotation));
  add_object (json, "attrs", gloss_annotation_get_attrs (annotation));
}

static const char *
entity_id (GlossEntity *entity)
{
  return entity ? gloss_annotation_get_id (GLOSS_ANNOTATION (entity)) : NULL;
}

static void
add_role (GlossJsonWriter *json,
          GlossDocument   *document,
          GlossOffsetUnit  unit,
          const char      *member,
          GlossAnnotation *annotation,
          GlossSpanRole    role)
{
  guint n;
  const GlossSpan *spans = gloss_annotation_get_spans (annotation, role, &n);

  add_span_list (json, document, unit, member, spans, n);
}

static void
export_store (GlossStore      *store,
              GlossOffsetUnit  unit,
              GlossJsonWriter *json)
{
  GlossDocument *document = gloss_store_get_document (store);
  GListModel *list;

  gloss_json_writer_begin_object (json);
  gloss_json_writer_member (json, "version");
  gloss_json_writer_int (json, GLOSS_JSONL_VERSION);
  add_string (json, "id", gloss_document_get_id (document));
  add_string (json, "title", gloss_document_get_title (document));
  add_string (json, "source", gloss_document_get_source (document));
  add_string (json, "language", gloss_document_get_language (document));
  add_string (json, "offsets", _gloss_format_unit_id (unit));
  add_string (json, "text", gloss_document_get_text (document));
  add_object (json, "meta", gloss_document_get_meta (document));

  gloss_json_writer_member (json, "mentions");
  gloss_json_writer_begin_array (json);
  list = gloss_store_get_list (store, GLOSS_KIND_MENTION);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossAnnotation) mention = g_list_model_get_item (list, i);

      gloss_json_writer_begin_object (json);
      add_string (json, "id", gloss_annotation_get_id (mention));
      add_string (json, "label", gloss_annotation_get_type_id (mention));
      add_role (json, document, unit, "spans", mention, GLOSS_ROLE_CONTENT);
      add_string (json, "entity", entity_id (gloss_mention_get_entity (GLOSS_MENTION (mention))));
      add_common (json, mention);
      gloss_json_writer_end_object (json);
    }
  gloss_json_writer_end_array (json);

  gloss_json_writer_member (json, "entities");
  gloss_json_writer_begin_array (json);
  list = gloss_store_get_list (store, GLOSS_KIND_ENTITY);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossAnnotation) entity = g_list_model_get_item (list, i);
      g_autoptr(GPtrArray) mentions = gloss_store_get_mentions_of (store, GLOSS_ENTITY (entity));

      gloss_json_writer_begin_object (json);
      add_string (json, "id", gloss_annotation_get_id (entity));
      add_string (json, "label", gloss_annotation_get_type_id (entity));
      add_string (json, "name", gloss_entity_get_name (GLOSS_ENTITY (entity)));
      add_string (json, "kb", gloss_entity_get_kb (GLOSS_ENTITY (entity)));
      gloss_json_writer_member (json, "mentions");
      gloss_json_writer_begin_array (json);
      for (guint j = 0; j < mentions->len; j++)
        gloss_json_writer_string (json,
                                       gloss_annotation_get_id (g_ptr_array_index (mentions, j)));
      gloss_json_writer_end_array (json);
      add_common (json, entity);
      gloss_json_writer_end_object (json);
    }
  gloss_json_writer_end_array (json);

  gloss_json_writer_member (json, "claims");
  gloss_json_writer_begin_array (json);
  list = gloss_store_get_list (store, GLOSS_KIND_CLAIM);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (list, i);
      GlossClaim *claim = GLOSS_CLAIM (annotation);

      gloss_json_writer_begin_object (json);
      add_string (json, "id", gloss_annotation_get_id (annotation));
      add_string (json, "label", gloss_annotation_get_type_id (annotation));
      add_role (json, document, unit, "spans", annotation, GLOSS_ROLE_CONTENT);
      add_role (json, document, unit, "cue", annotation, GLOSS_ROLE_CUE);
      add_string (json, "claimant", entity_id (gloss_claim_get_claimant (claim)));
      add_string (json, "certainty", gloss_certainty_to_string (gloss_claim_get_certainty (claim)));
      gloss_json_writer_member (json, "about");
      gloss_json_writer_begin_array (json);
      for (guint j = 0; j < gloss_claim_get_n_about (claim); j++)
        gloss_json_writer_string (json, entity_id (gloss_claim_get_about (claim, j)));
      gloss_json_writer_end_array (json);
      add_common (json, annotation);
      gloss_json_writer_end_object (json);
    }
  gloss_json_writer_end_array (json);

  gloss_json_writer_member (json, "relations");
  gloss_json_writer_begin_array (json);
  list = gloss_store_get_list (store, GLOSS_KIND_RELATION);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (list, i);
      GlossRelation *relation = GLOSS_RELATION (annotation);

      gloss_json_writer_begin_object (json);
      add_string (json, "id", gloss_annotation_get_id (annotation));
      add_string (json, "label", gloss_annotation_get_type_id (annotation));
      add_string (json, "from", entity_id (gloss_relation_get_from (relation)));
      add_string (json, "to", entity_id (gloss_relation_get_to (relation)));
      add_role (json, document, unit, "evidence", annotation, GLOSS_ROLE_EVIDENCE);
      add_common (json, annotation);
      gloss_json_writer_end_object (json);
    }
  gloss_json_writer_end_array (json);

  gloss_json_writer_end_object (json);
}

/**
 * gloss_jsonl_export:
 * @stores: (element-type GlossStore): the documents
 * @options: the offset unit (code points unless set) and the progress
 *   callback
 * @error: return location for a #GLOSS_FORMAT_ERROR
 *
 * Returns: (transfer full): the file's bytes, one document a line
 */
GBytes *
gloss_jsonl_export (GPtrArray                *stores,
                    const GlossFormatOptions *options,
                    GError                  **error)
{
  g_return_val_if_fail (stores != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  return _gloss_format_export_lines (stores, options, GLOSS_OFFSET_CODEPOINTS, export_store);
}
