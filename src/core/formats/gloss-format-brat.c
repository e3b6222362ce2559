/* gloss-format-brat.c: brat standoff import, a .txt and an .ann per
 * document (export: gloss-format-brat-writer.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * .ann lines (https://brat.nlplab.org/standoff.html), offsets in code
 * points:
 *   T1 <TAB> TYPE START END[;START END]… <TAB> TEXT   a text-bound annotation
 *   R1 <TAB> TYPE Arg1:T1 Arg2:T2                     a relation
 *   E1 <TAB> TYPE:T3 ROLE:T1 ROLE2:T2 …               an event
 *   A1 <TAB> NAME TARGET [VALUE]                       an attribute (M too)
 *   N1 <TAB> Reference T1 DB:ID <TAB> NAME             a normalization
 *   #1 <TAB> AnnotatorNotes TARGET <TAB> NOTE           a note
 *   * <TAB> TYPE T1 T2 …                              an equivalence
 *
 * Mentions are the T annotations; entities are what coreference
 * relations, equivalences and shared N references group, named and
 * identified by their N. A claim is an event with a Content argument
 * (PolNeAR's and PARC's attributions: Source, Cue, Content) or of a claim
 * type: its trigger or Cue is the cue, Content the content, Source (or
 * Claimant) the claimant and the other arguments what it is about. Other
 * events become a mention of their trigger and one relation per argument.
 */
#include "config.h"

#include <string.h>

#include "gloss-attribute-def.h"
#include "gloss-error.h"
#include "gloss-format-brat.h"
#include "gloss-format-brat-private.h"
#include "gloss-format-private.h"
#include "gloss-store.h"

/* Import */


static gboolean
is_coreference (const char *type)
{
  g_autofree char *lower = g_ascii_strdown (type, -1);

  return g_str_equal (type, "*") || strstr (lower, "coref") != NULL;
}

static gboolean
role_is (const char *role,
         const char *name)
{
  gsize n = strlen (name);

  /* "About2" is the second "About". */
  if (g_ascii_strncasecmp (role, name, n) != 0)
    return FALSE;
  for (const char *p = role + n; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static char *
role_base (const char *role)
{
  gsize n = strlen (role);

  while (n > 1 && g_ascii_isdigit (role[n - 1]))
    n--;
  return g_strndup (role, n);
}

static GlossMention *
mention_of (Ann       *a,
            TextBound *tb)
{
  if (tb->mention != NULL)
    return tb->mention;

  gloss_schema_ensure (a->context->schema, GLOSS_LABEL_ENTITY, tb->type);
  tb->mention = gloss_mention_new (tb->type, &g_array_index (tb->spans, GlossSpan, 0), tb->spans->len);
  gloss_annotation_set_id (GLOSS_ANNOTATION (tb->mention), tb->id);
  g_ptr_array_add (a->out_mentions, tb->mention);
  return tb->mention;
}

static GlossEntity *
entity_of (Ann       *a,
           TextBound *tb)
{
  guint root = _gloss_brat_find_root (a, tb->index);
  GlossEntity *entity = g_hash_table_lookup (a->entity_of, GUINT_TO_POINTER (root));
  GlossMention *mention = mention_of (a, tb);

  if (entity == NULL)
    {
      g_autofree char *name = NULL;
      g_autofree char *id = g_strdup_printf ("e%u", a->out_entities->len + 1);
      TextBound *first = g_ptr_array_index (a->tbs, root);

      name = gloss_document_dup_slice (a->document, g_array_index (first->spans, GlossSpan, 0).start,
                                       g_array_index (first->spans, GlossSpan, first->spans->len - 1).end);
      entity = gloss_entity_new (first->type, name);
      gloss_annotation_set_id (GLOSS_ANNOTATION (entity), id);
      g_ptr_array_add (a->out_entities, entity);
      g_hash_table_insert (a->entity_of, GUINT_TO_POINTER (root), entity);
    }
  gloss_mention_set_entity (mention, entity);
  return entity;
}

static gboolean
is_claim_event (Ann   *a,
                Event *e)
{
  if (gloss_schema_lookup (a->context->schema, GLOSS_LABEL_CLAIM, e->type) != NULL)
    return TRUE;
  for (guint i = 0; i < e->roles->len; i++)
    if (role_is (g_ptr_array_index (e->roles, i), "Content"))
      return TRUE;
  return FALSE;
}

static void
set_spans (GlossAnnotation *annotation,
           GlossSpanRole    role,
           TextBound       *tb)
{
  gloss_annotation_set_spans (annotation, role, &g_array_index (tb->spans, GlossSpan, 0), tb->spans->len);
}

static gboolean
build_claim (Ann         *a,
             Event       *e,
             GError     **error)
{
  TextBound *trigger = _gloss_brat_lookup_tb (a, e->trigger, e->line, error);
  TextBound *content = NULL, *cue = NULL;
  GlossClaim *claim;

  if (trigger == NULL)
    return FALSE;
  for (guint i = 0; i < e->roles->len; i++)
    {
      const char *role = g_ptr_array_index (e->roles, i);

      if (role_is (role, "Content") && content == NULL)
        content = _gloss_brat_lookup_tb (a, g_ptr_array_index (e->args, i), e->line, error);
      else if (role_is (role, "Cue") && cue == NULL)
        cue = _gloss_brat_lookup_tb (a, g_ptr_array_index (e->args, i), e->line, error);
      else
        continue;
      if (*error != NULL)
        return FALSE;
    }

  gloss_schema_ensure (a->context->schema, GLOSS_LABEL_CLAIM, e->type);
  claim = gloss_claim_new (e->type, NULL, 0);
  gloss_annotation_set_id (GLOSS_ANNOTATION (claim), e->id);
  if (content != NULL)
    {
      set_spans (GLOSS_ANNOTATION (claim), GLOSS_ROLE_CONTENT, content);
      set_spans (GLOSS_ANNOTATION (claim), GLOSS_ROLE_CUE, cue != NULL ? cue : trigger);
    }
  else
    {
      set_spans (GLOSS_ANNOTATION (claim), GLOSS_ROLE_CONTENT, trigger);
      if (cue != NULL)
        set_spans (GLOSS_ANNOTATION (claim), GLOSS_ROLE_CUE, cue);
    }

  for (guint i = 0; i < e->roles->len; i++)
    {
      const char *role = g_ptr_array_index (e->roles, i);
      TextBound *tb;

      if (role_is (role, "Content") || role_is (role, "Cue"))
        continue;
      if ((tb = _gloss_brat_lookup_tb (a, g_ptr_array_index (e->args, i), e->line, error)) == NULL)
        return FALSE;
      if ((role_is (role, "Source") || role_is (role, "Claimant")) &&
          gloss_claim_get_claimant (claim) == NULL)
        gloss_claim_set_claimant (claim, entity_of (a, tb));
      else
        gloss_claim_add_about (claim, entity_of (a, tb));
    }

  g_ptr_array_add (a->out_claims, claim);
  g_hash_table_insert (a->claim_by_id, e->id, claim);
  return TRUE;
}

static gboolean
add_relation (Ann         *a,
              const char  *id,
              const char  *type,
              TextBound   *from,
              TextBound   *to)
{
  GlossRelation *relation;

  gloss_schema_ensure (a->context->schema, GLOSS_LABEL_RELATION, type);
  relation = gloss_relation_new (type, entity_of (a, from), entity_of (a, to));
  gloss_annotation_set_id (GLOSS_ANNOTATION (relation), id);
  g_ptr_array_add (a->out_relations, relation);
  g_hash_table_insert (a->out_relation_by_id, (gpointer) gloss_annotation_get_id (GLOSS_ANNOTATION (relation)),
                       relation);
  return TRUE;
}

/* An event that is no claim: its trigger is a mention, each argument a
 * relation from it, typed by the role. */
static gboolean
build_event (Ann         *a,
             Event       *e,
             GError     **error)
{
  TextBound *trigger = _gloss_brat_lookup_tb (a, e->trigger, e->line, error);

  if (trigger == NULL)
    return FALSE;
  mention_of (a, trigger);
  for (guint i = 0; i < e->roles->len; i++)
    {
      g_autofree char *type = role_base (g_ptr_array_index (e->roles, i));
      g_autofree char *id = g_strdup_printf ("%s-%u", e->id, i + 1);
      TextBound *tb = _gloss_brat_lookup_tb (a, g_ptr_array_index (e->args, i), e->line, error);

      if (tb == NULL)
        return FALSE;
      add_relation (a, id, type, trigger, tb);
    }
  return TRUE;
}

/* The annotation an A or # line is about. */
static GlossAnnotation *
target_of (Ann         *a,
           const char  *id,
           guint        line,
           GError     **error)
{
  TextBound *tb;
  Event *e;
  GlossAnnotation *annotation;

  if ((annotation = g_hash_table_lookup (a->claim_by_id, id)) != NULL ||
      (annotation = g_hash_table_lookup (a->out_relation_by_id, id)) != NULL)
    return annotation;
  if ((e = g_hash_table_lookup (a->event_by_id, id)) != NULL)
    id = e->trigger;
  if ((tb = g_hash_table_lookup (a->tb_by_id, id)) != NULL && !tb->not_mention)
    return GLOSS_ANNOTATION (mention_of (a, tb));

  _gloss_brat_fail (error, GLOSS_FORMAT_ERROR_INVALID, a, line, "%s is not an annotation of the file", id);
  return NULL;
}

static void
ensure_attribute (Ann        *a,
                  const char *name,
                  gboolean    binary)
{
  g_autoptr(GlossAttributeDef) def = NULL;

  if (gloss_schema_lookup_attribute (a->context->schema, name) != NULL)
    return;
  def = gloss_attribute_def_new (name, binary ? GLOSS_ATTRIBUTE_BOOL : GLOSS_ATTRIBUTE_TEXT);
  gloss_schema_add_attribute (a->context->schema, def, NULL);
}

static gboolean
apply_attributes (Ann     *a,
                  GError **error)
{
  for (guint i = 0; i < a->attributes->len; i++)
    {
      Attribute *attribute = g_ptr_array_index (a->attributes, i);
      GlossAnnotation *target = target_of (a, attribute->target, attribute->line, error);
      GlossCertainty certainty;
      g_autoptr(JsonNode) value = json_node_new (JSON_NODE_VALUE);

      if (target == NULL)
        return FALSE;
      if (GLOSS_IS_CLAIM (target) && g_ascii_strcasecmp (attribute->name, "Certainty") == 0 &&
          gloss_certainty_from_string (attribute->value, &certainty))
        {
          gloss_claim_set_certainty (GLOSS_CLAIM (target), certainty);
          continue;
        }
      if (attribute->value != NULL)
        json_node_set_string (value, attribute->value);
      else
        json_node_set_boolean (value, TRUE);
      ensure_attribute (a, attribute->name, attribute->value == NULL);
      gloss_annotation_set_attr (target, attribute->name, value);
    }
  return TRUE;
}

static gboolean
apply_notes (Ann     *a,
             GError **error)
{
  for (guint i = 0; i < a->notes->len; i++)
    {
      Note *note = g_ptr_array_index (a->notes, i);
      GlossAnnotation *target = target_of (a, note->target, note->line, error);
      const char *old;

      if (target == NULL)
        return FALSE;
      old = gloss_annotation_get_note (target);
      if (old != NULL && *old != '\0')
        {
          g_autofree char *both = g_strconcat (old, "\n", note->note, NULL);

          gloss_annotation_set_note (target, both);
        }
      else
        gloss_annotation_set_note (target, note->note);
    }
  return TRUE;
}

static gboolean
build (Ann     *a,
       GError **error)
{
  /* Claims' triggers, cues and contents are no mentions. */
  for (guint i = 0; i < a->events->len; i++)
    {
      Event *e = g_ptr_array_index (a->events, i);
      TextBound *tb;

      e->claim = is_claim_event (a, e);
      if (!e->claim)
        continue;
      if ((tb = g_hash_table_lookup (a->tb_by_id, e->trigger)) != NULL)
        tb->not_mention = TRUE;
      for (guint k = 0; k < e->roles->len; k++)
        if ((role_is (g_ptr_array_index (e->roles, k), "Content") ||
             role_is (g_ptr_array_index (e->roles, k), "Cue")) &&
            (tb = g_hash_table_lookup (a->tb_by_id, g_ptr_array_index (e->args, k))) != NULL)
          tb->not_mention = TRUE;
    }

  /* Coreference: relations and equivalences of mentions, shared references. */
  for (guint i = 0; i < a->relations->len; i++)
    {
      Relation *r = g_ptr_array_index (a->relations, i);
      TextBound *x, *y;

      if (!is_coreference (r->type))
        continue;
      if ((x = _gloss_brat_lookup_tb (a, r->arg1, r->line, error)) == NULL ||
          (y = _gloss_brat_lookup_tb (a, r->arg2, r->line, error)) == NULL)
        return FALSE;
      _gloss_brat_join (a, x, y);
    }
  {
    g_autoptr(GHashTable) by_kb = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < a->references->len; i++)
      {
        Reference *reference = g_ptr_array_index (a->references, i);
        TextBound *tb = _gloss_brat_lookup_tb (a, reference->target, reference->line, error);
        TextBound *other;

        if (tb == NULL)
          return FALSE;
        if ((other = g_hash_table_lookup (by_kb, reference->kb)) != NULL)
          _gloss_brat_join (a, tb, other);
        else
          g_hash_table_insert (by_kb, reference->kb, tb);
      }
  }

  /* Every other text-bound annotation is a mention, in file order. */
  for (guint i = 0; i < a->tbs->len; i++)
    {
      TextBound *tb = g_ptr_array_index (a->tbs, i);

      if (!tb->not_mention)
        mention_of (a, tb);
    }
  /* A cluster of several mentions is an entity. */
  for (guint i = 0; i < a->tbs->len; i++)
    {
      TextBound *tb = g_ptr_array_index (a->tbs, i);

      if (tb->mention != NULL && _gloss_brat_find_root (a, i) != i)
        {
          entity_of (a, g_ptr_array_index (a->tbs, _gloss_brat_find_root (a, i)));
          entity_of (a, tb);
        }
    }
  for (guint i = 0; i < a->references->len; i++)
    {
      Reference *reference = g_ptr_array_index (a->references, i);
      TextBound *tb = g_hash_table_lookup (a->tb_by_id, reference->target);
      GlossEntity *entity;

      if (tb == NULL)
        tb = _gloss_brat_lookup_tb (a, reference->target, reference->line, error);
      entity = entity_of (a, tb);
      if (!g_str_has_prefix (reference->kb, GLOSS_BRAT_ENTITY_DB ":"))
        gloss_entity_set_kb (entity, reference->kb);
      if (reference->name != NULL)
        gloss_entity_set_name (entity, reference->name);
    }

  for (guint i = 0; i < a->relations->len; i++)
    {
      Relation *r = g_ptr_array_index (a->relations, i);
      TextBound *x, *y;

      if (is_coreference (r->type))
        continue;
      if ((x = _gloss_brat_lookup_tb (a, r->arg1, r->line, error)) == NULL ||
          (y = _gloss_brat_lookup_tb (a, r->arg2, r->line, error)) == NULL)
        return FALSE;
      add_relation (a, r->id, r->type, x, y);
    }

  for (guint i = 0; i < a->events->len; i++)
    {
      Event *e = g_ptr_array_index (a->events, i);

      if (!(e->claim ? build_claim (a, e, error) : build_event (a, e, error)))
        return FALSE;
    }

  return apply_attributes (a, error) && apply_notes (a, error);
}

static gboolean
import_document (GlossImportContext  *context,
                 GlossDocument       *document,
                 GBytes              *ann,
                 const char          *where,
                 GError             **error)
{
  g_autoptr(GPtrArray) tbs = g_ptr_array_new_with_free_func ((GDestroyNotify) _gloss_brat_text_bound_free);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) _gloss_brat_event_free);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func ((GDestroyNotify) _gloss_brat_relation_free);
  g_autoptr(GPtrArray) attributes = g_ptr_array_new_with_free_func ((GDestroyNotify) _gloss_brat_attribute_free);
  g_autoptr(GPtrArray) references = g_ptr_array_new_with_free_func ((GDestroyNotify) _gloss_brat_reference_free);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func ((GDestroyNotify) _gloss_brat_note_free);
  g_autoptr(GHashTable) tb_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) event_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) relation_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) entity_by_root = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) claim_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) out_relation_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) out_mentions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) out_entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) out_claims = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) out_relations = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *lists[] = { out_entities, out_mentions, out_claims, out_relations };
  Ann a = {
    .context = context, .document = document, .where = where,
    .tbs = tbs, .events = events, .relations = relations, .attributes = attributes,
    .references = references, .notes = notes, .tb_by_id = tb_by_id,
    .event_by_id = event_by_id, .relation_by_id = relation_by_id, .entity_of = entity_by_root,
    .out_mentions = out_mentions, .out_entities = out_entities, .out_claims = out_claims,
    .out_relations = out_relations, .claim_by_id = claim_by_id,
    .out_relation_by_id = out_relation_by_id,
  };
  g_autoptr(GError) local_error = NULL;

  if ((!_gloss_brat_parse_ann (&a, ann, &local_error) || !build (&a, &local_error)) &&
      !_gloss_format_log_problem (context, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return _gloss_format_finish_file (context, document, lists, G_N_ELEMENTS (lists), where, error);
}

/* The entity and relation types annotation.conf beside @ann_where
 * declares, added to @schema in its order (those no document uses too).
 * A conf that cannot be read is no error: brat itself does without. */
static void
read_conf (GlossSchema *schema,
           const char  *ann_where)
{
  g_autofree char *dir = g_path_get_dirname (ann_where);
  g_autofree char *path = g_build_filename (dir, GLOSS_BRAT_CONF, NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GlossLabelKind kind = GLOSS_LABEL_ENTITY;
  gboolean in_section = FALSE;

  if (!g_file_get_contents (path, &contents, NULL, NULL) || !g_utf8_validate (contents, -1, NULL))
    return;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      g_autofree char *name = NULL;

      if (line[0] == '[')
        {
          in_section = g_str_has_prefix (line, "[entities]") || g_str_has_prefix (line, "[relations]");
          kind = g_str_has_prefix (line, "[entities]") ? GLOSS_LABEL_ENTITY : GLOSS_LABEL_RELATION;
          continue;
        }
      if (!in_section || line[0] == '\0' || line[0] == '#' || line[0] == '<')
        continue;
      if (line[0] == '!')
        line++;
      name = g_strndup (line, strcspn (line, " \t"));
      if (*name == '\0' || g_str_equal (name, "Content") || g_str_equal (name, "Coreference"))
        continue;
      gloss_schema_ensure (schema, kind, name);
    }
}

static GPtrArray *
import_pair (GBytes                   *text,
             GBytes                   *ann,
             const char               *txt_where,
             const char               *ann_where,
             const GlossFormatOptions *options,
             GError                  **error)
{
  g_autoptr(GPtrArray) stores = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossSchema) schema = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autofree char *stem = _gloss_format_stem (ann_where);
  g_autofree char *source = g_path_get_basename (txt_where);
  GlossImportContext context = { 0 };

  schema = options->schema ? gloss_schema_copy (options->schema) : gloss_schema_new_default ();
  context = (GlossImportContext) {
    .options = options, .unit = GLOSS_OFFSET_CODEPOINTS, .schema = schema,
    .stores = stores, .stem = stem, .source = source,
  };

  document = gloss_document_new_from_bytes (text, txt_where, error);
  if (document == NULL)
    return NULL;
  gloss_document_set_id (document, stem);
  gloss_document_set_source (document, source);
  read_conf (schema, ann_where);

  if (!import_document (&context, document, ann, ann_where, error))
    return NULL;
  return g_steal_pointer (&stores);
}

/**
 * gloss_brat_import_pair:
 * @text: the .txt file's bytes
 * @ann: the .ann file's bytes
 * @options: the starting schema, @where naming the .ann
 * @error: return location for a #GLOSS_FORMAT_ERROR
 *
 * Returns: (transfer container) (element-type GlossStore): one store, or
 *   %NULL on error
 */
GPtrArray *
gloss_brat_import_pair (GBytes                   *text,
                        GBytes                   *ann,
                        const GlossFormatOptions *options,
                        GError                  **error)
{
  const char *where = options->where ? options->where : "<input>.ann";
  g_autofree char *stem = g_str_has_suffix (where, ".ann") ? g_strndup (where, strlen (where) - 4) : g_strdup (where);
  g_autofree char *txt = g_strconcat (stem, ".txt", NULL);

  g_return_val_if_fail (text != NULL && ann != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  return import_pair (text, ann, txt, where, options, error);
}

static GBytes *
load_beside (const char  *path,
             gboolean     missing_is_empty,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *contents;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      if (missing_is_empty && g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_bytes_new (NULL, 0);
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO,
                   "%s: %s (a brat document is a .txt and an .ann of one name)", path, local_error->message);
      return NULL;
    }
  return g_bytes_new_take (contents, length);
}

/**
 * gloss_brat_import:
 * @input: the bytes of the file @options->where names: an .ann, whose
 *   .txt is read from beside it, or a .txt, whose .ann is (none: no
 *   annotations)
 * @options: the starting schema and the progress callback
 * @error: return location for a #GLOSS_FORMAT_ERROR
 *
 * Returns: (transfer container) (element-type GlossStore): one store, or
 *   %NULL on error
 */
GPtrArray *
gloss_brat_import (GBytes                   *input,
                   const GlossFormatOptions *options,
                   GError                  **error)
{
  const char *where;
  g_autofree char *stem = NULL;
  g_autofree char *txt = NULL;
  g_autofree char *ann = NULL;
  g_autoptr(GBytes) other = NULL;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  where = options->where;
  if (where == NULL || !(g_str_has_suffix (where, ".ann") || g_str_has_suffix (where, ".txt")))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNSUPPORTED,
                   "%s: give brat documents by their .ann (or .txt) files, such as corpus/*.ann",
                   where ? where : "standard input");
      return NULL;
    }

  stem = g_strndup (where, strlen (where) - 4);
  txt = g_strconcat (stem, ".txt", NULL);
  ann = g_strconcat (stem, ".ann", NULL);

  if (g_str_has_suffix (where, ".ann"))
    {
      if ((other = load_beside (txt, FALSE, error)) == NULL)
        return NULL;
      return import_pair (other, input, txt, ann, options, error);
    }

  if ((other = load_beside (ann, TRUE, error)) == NULL)
    return NULL;
  return import_pair (input, other, txt, ann, options, error);
}
