/* gloss-format-brat.c: brat standoff, a .txt and an .ann per document
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
#include "gloss-format-private.h"
#include "gloss-store.h"

/* Import */

typedef struct
{
  char         *id;
  char         *type;
  GArray       *spans;       /* GlossSpan */
  guint         line;
  gboolean      not_mention; /* a claim's trigger, cue or content */
  GlossMention *mention;     /* borrowed from the mentions list */
  guint         cluster;     /* union-find parent, an index into tbs */
  guint         index;
} TextBound;

typedef struct
{
  char      *id;
  char      *type;
  char      *trigger;
  GPtrArray *roles;   /* char* */
  GPtrArray *args;    /* char* ids */
  guint      line;
  gboolean   claim;
} Event;

typedef struct
{
  char  *id;
  char  *type;
  char  *arg1;
  char  *arg2;
  guint  line;
} Relation;

typedef struct
{
  char  *id;
  char  *name;
  char  *target;
  char  *value;   /* NULL: a binary attribute */
  guint  line;
} Attribute;

typedef struct
{
  char  *target;
  char  *kb;
  char  *name;
  guint  line;
} Reference;

typedef struct
{
  char  *target;
  char  *note;
  guint  line;
} Note;

typedef struct
{
  GlossImportContext *context;
  GlossDocument      *document;
  const char         *where;
  GPtrArray          *tbs;        /* TextBound */
  GPtrArray          *events;
  GPtrArray          *relations;  /* Relation, also from * lines */
  GPtrArray          *attributes;
  GPtrArray          *references;
  GPtrArray          *notes;
  GHashTable         *tb_by_id;
  GHashTable         *event_by_id;
  GHashTable         *relation_by_id;
  GHashTable         *entity_of;  /* cluster root index → GlossEntity */
  GPtrArray          *out_mentions;
  GPtrArray          *out_entities;
  GPtrArray          *out_claims;
  GPtrArray          *out_relations;
  GHashTable         *claim_by_id;
  GHashTable         *out_relation_by_id;
} Ann;

static void
text_bound_free (TextBound *tb)
{
  g_free (tb->id);
  g_free (tb->type);
  g_array_unref (tb->spans);
  g_free (tb);
}

static void
event_free (Event *e)
{
  g_free (e->id);
  g_free (e->type);
  g_free (e->trigger);
  g_ptr_array_unref (e->roles);
  g_ptr_array_unref (e->args);
  g_free (e);
}

static void
relation_free (Relation *r)
{
  g_free (r->id);
  g_free (r->type);
  g_free (r->arg1);
  g_free (r->arg2);
  g_free (r);
}

static void
attribute_free (Attribute *a)
{
  g_free (a->id);
  g_free (a->name);
  g_free (a->target);
  g_free (a->value);
  g_free (a);
}

static void
reference_free (Reference *r)
{
  g_free (r->target);
  g_free (r->kb);
  g_free (r->name);
  g_free (r);
}

static void
note_free (Note *n)
{
  g_free (n->target);
  g_free (n->note);
  g_free (n);
}

static gboolean fail (GError           **error,
                      GlossFormatError   code,
                      Ann               *a,
                      guint              line,
                      const char        *format,
                      ...) G_GNUC_PRINTF (5, 6);

static gboolean
fail (GError           **error,
      GlossFormatError   code,
      Ann               *a,
      guint              line,
      const char        *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, GLOSS_FORMAT_ERROR, code, "%s:%u: %s", a->where, line, message);
  return FALSE;
}

static gboolean
parse_uint (const char *s,
            guint      *out)
{
  guint64 v;
  char *end;

  if (s == NULL || !g_ascii_isdigit (*s))
    return FALSE;
  v = g_ascii_strtoull (s, &end, 10);
  if (*end != '\0' || v > G_MAXUINT)
    return FALSE;
  *out = (guint) v;
  return TRUE;
}

/* brat writes a span's text with its line breaks as spaces. */
static char *
flatten (const char *text)
{
  char *copy = g_strdup (text);

  for (char *p = copy; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return copy;
}

static gboolean
parse_text_bound (Ann         *a,
                  char       **fields,
                  guint        line,
                  GError     **error)
{
  g_auto(GStrv) fragments = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *type = NULL;
  g_autofree char *found = NULL;
  g_autofree char *given = NULL;
  TextBound *tb;
  const char *space = strchr (fields[1], ' ');
  guint length = gloss_document_get_length (a->document);

  if (space == NULL || space == fields[1])
    return fail (error, GLOSS_FORMAT_ERROR_SYNTAX, a, line,
                 "%s: expected “TYPE START END” after the id", fields[0]);
  type = g_strndup (fields[1], space - fields[1]);
  fragments = g_strsplit (space + 1, ";", -1);

  tb = g_new0 (TextBound, 1);
  tb->id = g_strdup (fields[0]);
  tb->type = g_steal_pointer (&type);
  tb->spans = g_array_new (FALSE, FALSE, sizeof (GlossSpan));
  tb->line = line;
  tb->index = a->tbs->len;
  tb->cluster = tb->index;
  g_ptr_array_add (a->tbs, tb);

  for (guint i = 0; fragments[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (g_strstrip (fragments[i]), " ", -1);
      GlossSpan span;

      if (g_strv_length (pair) != 2 || !parse_uint (pair[0], &span.start) ||
          !parse_uint (pair[1], &span.end))
        return fail (error, GLOSS_FORMAT_ERROR_SYNTAX, a, line,
                     "%s: “%s” is not “START END”", tb->id, fragments[i]);
      if (span.start > span.end || span.end > length)
        return fail (error, GLOSS_FORMAT_ERROR_SPAN, a, line,
                     "%s: the span %u–%u is %s (the text has %u characters)", tb->id,
                     span.start, span.end, span.start > span.end ? "reversed" : "beyond the text", length);
      if (span.start == span.end)
        continue;  /* brat allows empty fragments; they hold nothing */
      g_array_append_val (tb->spans, span);
      if (expected->len > 0)
        g_string_append_c (expected, ' ');
      found = gloss_document_dup_slice (a->document, span.start, span.end);
      g_string_append (expected, found);
      g_clear_pointer (&found, g_free);
    }
  if (tb->spans->len == 0)
    return fail (error, GLOSS_FORMAT_ERROR_SPAN, a, line, "%s: the annotation covers no text", tb->id);

  if (fields[2] != NULL)
    {
      g_autofree char *flat = flatten (expected->str);

      given = flatten (fields[2]);
      if (!g_str_equal (given, flat))
        return fail (error, GLOSS_FORMAT_ERROR_SPAN, a, line,
                     "%s: text “%s” does not match the document's “%s” at %s",
                     tb->id, fields[2], expected->str, space + 1);
    }

  g_hash_table_insert (a->tb_by_id, tb->id, tb);
  return TRUE;
}

/* "TYPE Arg1:T1 Arg2:T2" */
static gboolean
parse_relation (Ann         *a,
                char       **fields,
                guint        line,
                GError     **error)
{
  g_auto(GStrv) words = g_strsplit (fields[1], " ", -1);
  Relation *r;

  if (g_strv_length (words) != 3 || strchr (words[1], ':') == NULL || strchr (words[2], ':') == NULL)
    return fail (error, GLOSS_FORMAT_ERROR_SYNTAX, a, line,
                 "%s: expected “TYPE Arg1:ID Arg2:ID”", fields[0]);

  r = g_new0 (Relation, 1);
  r->id = g_strdup (fields[0]);
  r->type = g_strdup (words[0]);
  r->arg1 = g_strdup (strchr (words[1], ':') + 1);
  r->arg2 = g_strdup (strchr (words[2], ':') + 1);
  r->line = line;
  g_ptr_array_add (a->relations, r);
  g_hash_table_insert (a->relation_by_id, r->id, r);
  return TRUE;
}

/* "TYPE T1 T2 T3": every pair of neighbours is one link. */
static gboolean
parse_equivalence (Ann         *a,
                   char       **fields,
                   guint        line,
                   GError     **error)
{
  g_auto(GStrv) words = g_strsplit (fields[1], " ", -1);
  guint n = g_strv_length (words);

  if (n < 3)
    return fail (error, GLOSS_FORMAT_ERROR_SYNTAX, a, line, "*: expected “TYPE ID ID…”");

  for (guint i = 2; i < n; i++)
    {
      Relation *r = g_new0 (Relation, 1);

      r->id = g_strdup_printf ("*%u-%u", line, i - 1);
      r->type = g_strdup ("*");
      r->arg1 = g_strdup (words[i - 1]);
      r->arg2 = g_strdup (words[i]);
      r->line = line;
      g_ptr_array_add (a->relations, r);
    }
  return TRUE;
}

/* "TYPE:T3 ROLE:T1 ROLE2:E2" */
static gboolean
parse_event (Ann         *a,
             char       **fields,
             guint        line,
             GError     **error)
{
  g_auto(GStrv) words = g_strsplit (g_strstrip (fields[1]), " ", -1);
  Event *e;
  char *colon;

  if (words[0] == NULL || (colon = strchr (words[0], ':')) == NULL || colon == words[0])
    return fail (error, GLOSS_FORMAT_ERROR_SYNTAX, a, line, "%s: expected “TYPE:TRIGGER ROLE:ID…”", fields[0]);

  e = g_new0 (Event, 1);
  e->id = g_strdup (fields[0]);
  e->type = g_strndup (words[0], colon - words[0]);
  e->trigger = g_strdup (colon + 1);
  e->roles = g_ptr_array_new_with_free_func (g_free);
  e->args = g_ptr_array_new_with_free_func (g_free);
  e->line = line;
  g_ptr_array_add (a->events, e);
  g_hash_table_insert (a->event_by_id, e->id, e);

  for (guint i = 1; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if ((colon = strchr (words[i], ':')) == NULL || colon == words[i])
        return fail (error, GLOSS_FORMAT_ERROR_SYNTAX, a, line, "%s: “%s” is not “ROLE:ID”", e->id, words[i]);
      g_ptr_array_add (e->roles, g_strndup (words[i], colon - words[i]));
      g_ptr_array_add (e->args, g_strdup (colon + 1));
    }
  return TRUE;
}

static gboolean
parse_attribute (Ann         *a,
                 char       **fields,
                 guint        line,
                 GError     **error)
{
  g_auto(GStrv) words = g_strsplit (g_strstrip (fields[1]), " ", -1);
  guint n = g_strv_length (words);
  Attribute *attribute;

  if (n < 2 || n > 3)
    return fail (error, GLOSS_FORMAT_ERROR_SYNTAX, a, line, "%s: expected “NAME ID [VALUE]”", fields[0]);

  attribute = g_new0 (Attribute, 1);
  attribute->id = g_strdup (fields[0]);
  attribute->name = g_strdup (words[0]);
  attribute->target = g_strdup (words[1]);
  attribute->value = n == 3 ? g_strdup (words[2]) : NULL;
  attribute->line = line;
  g_ptr_array_add (a->attributes, attribute);
  return TRUE;
}

static gboolean
parse_reference (Ann         *a,
                 char       **fields,
                 guint        line,
                 GError     **error)
{
  g_auto(GStrv) words = g_strsplit (g_strstrip (fields[1]), " ", -1);
  Reference *reference;

  if (g_strv_length (words) != 3)
    return fail (error, GLOSS_FORMAT_ERROR_SYNTAX, a, line, "%s: expected “Reference ID DB:ID”", fields[0]);

  reference = g_new0 (Reference, 1);
  reference->target = g_strdup (words[1]);
  reference->kb = g_strdup (words[2]);
  reference->name = fields[2] != NULL && *fields[2] != '\0' ? g_strdup (fields[2]) : NULL;
  reference->line = line;
  g_ptr_array_add (a->references, reference);
  return TRUE;
}

static gboolean
parse_note (Ann         *a,
            char       **fields,
            guint        line,
            GError     **error)
{
  g_auto(GStrv) words = g_strsplit (g_strstrip (fields[1]), " ", -1);
  Note *note;

  if (g_strv_length (words) != 2)
    return fail (error, GLOSS_FORMAT_ERROR_SYNTAX, a, line, "%s: expected “AnnotatorNotes ID”", fields[0]);

  note = g_new0 (Note, 1);
  note->target = g_strdup (words[1]);
  note->note = g_strdup (fields[2] != NULL ? fields[2] : "");
  note->line = line;
  g_ptr_array_add (a->notes, note);
  return TRUE;
}

static gboolean
parse_ann (Ann          *a,
           GBytes       *ann,
           GError      **error)
{
  gsize pos = 0, len;
  guint line = 0;
  const char *start;
  g_autoptr(GError) local_error = NULL;

  while (_gloss_format_next_line (ann, &pos, &line, &start, &len, a->where, &local_error))
    {
      g_autofree char *copy = NULL;
      g_auto(GStrv) fields = NULL;
      gboolean blank = TRUE;
      gboolean ok;

      for (gsize i = 0; i < len && blank; i++)
        blank = g_ascii_isspace (start[i]);
      if (blank)
        continue;
      copy = g_strndup (start, len);  /* the text field keeps its spaces */
      fields = g_strsplit (copy, "\t", 3);
      if (fields[1] == NULL)
        return fail (error, GLOSS_FORMAT_ERROR_SYNTAX, a, line,
                     "“%s” has no tab after the id (brat separates id, annotation and text with tabs)", copy);
      if (fields[0][0] != '*' && fields[0][1] == '\0')
        return fail (error, GLOSS_FORMAT_ERROR_SYNTAX, a, line, "“%s” is not an annotation id", fields[0]);

      switch (fields[0][0])
        {
        case 'T': ok = parse_text_bound (a, fields, line, error); break;
        case 'R': ok = parse_relation (a, fields, line, error); break;
        case 'E': ok = parse_event (a, fields, line, error); break;
        case 'A':
        case 'M': ok = parse_attribute (a, fields, line, error); break;
        case 'N': ok = parse_reference (a, fields, line, error); break;
        case '#': ok = parse_note (a, fields, line, error); break;
        case '*': ok = parse_equivalence (a, fields, line, error); break;
        default:
          ok = fail (error, GLOSS_FORMAT_ERROR_SYNTAX, a, line,
                     "“%s”: an id begins with T, R, E, A, M, N, # or *", fields[0]);
        }
      if (!ok)
        return FALSE;
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static TextBound *
lookup_tb (Ann         *a,
           const char  *id,
           guint        line,
           GError     **error)
{
  TextBound *tb = g_hash_table_lookup (a->tb_by_id, id);
  Event *e;

  if (tb == NULL && (e = g_hash_table_lookup (a->event_by_id, id)) != NULL)
    tb = g_hash_table_lookup (a->tb_by_id, e->trigger);  /* an event stands for its trigger */
  if (tb == NULL)
    fail (error, GLOSS_FORMAT_ERROR_INVALID, a, line, "%s is not a text-bound annotation or event of the file", id);
  return tb;
}

static guint
find_root (Ann  *a,
           guint i)
{
  while (((TextBound *) g_ptr_array_index (a->tbs, i))->cluster != i)
    {
      TextBound *tb = g_ptr_array_index (a->tbs, i);
      TextBound *parent = g_ptr_array_index (a->tbs, tb->cluster);

      tb->cluster = parent->cluster;
      i = tb->cluster;
    }
  return i;
}

static void
join (Ann       *a,
      TextBound *x,
      TextBound *y)
{
  guint rx = find_root (a, x->index);
  guint ry = find_root (a, y->index);

  if (rx != ry)
    ((TextBound *) g_ptr_array_index (a->tbs, MAX (rx, ry)))->cluster = MIN (rx, ry);
}

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
  guint root = find_root (a, tb->index);
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
  TextBound *trigger = lookup_tb (a, e->trigger, e->line, error);
  TextBound *content = NULL, *cue = NULL;
  GlossClaim *claim;

  if (trigger == NULL)
    return FALSE;
  for (guint i = 0; i < e->roles->len; i++)
    {
      const char *role = g_ptr_array_index (e->roles, i);

      if (role_is (role, "Content") && content == NULL)
        content = lookup_tb (a, g_ptr_array_index (e->args, i), e->line, error);
      else if (role_is (role, "Cue") && cue == NULL)
        cue = lookup_tb (a, g_ptr_array_index (e->args, i), e->line, error);
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
      if ((tb = lookup_tb (a, g_ptr_array_index (e->args, i), e->line, error)) == NULL)
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
  TextBound *trigger = lookup_tb (a, e->trigger, e->line, error);

  if (trigger == NULL)
    return FALSE;
  mention_of (a, trigger);
  for (guint i = 0; i < e->roles->len; i++)
    {
      g_autofree char *type = role_base (g_ptr_array_index (e->roles, i));
      g_autofree char *id = g_strdup_printf ("%s-%u", e->id, i + 1);
      TextBound *tb = lookup_tb (a, g_ptr_array_index (e->args, i), e->line, error);

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

  fail (error, GLOSS_FORMAT_ERROR_INVALID, a, line, "%s is not an annotation of the file", id);
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
      if ((x = lookup_tb (a, r->arg1, r->line, error)) == NULL ||
          (y = lookup_tb (a, r->arg2, r->line, error)) == NULL)
        return FALSE;
      join (a, x, y);
    }
  {
    g_autoptr(GHashTable) by_kb = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < a->references->len; i++)
      {
        Reference *reference = g_ptr_array_index (a->references, i);
        TextBound *tb = lookup_tb (a, reference->target, reference->line, error);
        TextBound *other;

        if (tb == NULL)
          return FALSE;
        if ((other = g_hash_table_lookup (by_kb, reference->kb)) != NULL)
          join (a, tb, other);
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

      if (tb->mention != NULL && find_root (a, i) != i)
        {
          entity_of (a, g_ptr_array_index (a->tbs, find_root (a, i)));
          entity_of (a, tb);
        }
    }
  for (guint i = 0; i < a->references->len; i++)
    {
      Reference *reference = g_ptr_array_index (a->references, i);
      TextBound *tb = g_hash_table_lookup (a->tb_by_id, reference->target);
      GlossEntity *entity;

      if (tb == NULL)
        tb = lookup_tb (a, reference->target, reference->line, error);
      entity = entity_of (a, tb);
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
      if ((x = lookup_tb (a, r->arg1, r->line, error)) == NULL ||
          (y = lookup_tb (a, r->arg2, r->line, error)) == NULL)
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
  g_autoptr(GPtrArray) tbs = g_ptr_array_new_with_free_func ((GDestroyNotify) text_bound_free);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) event_free);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func ((GDestroyNotify) relation_free);
  g_autoptr(GPtrArray) attributes = g_ptr_array_new_with_free_func ((GDestroyNotify) attribute_free);
  g_autoptr(GPtrArray) references = g_ptr_array_new_with_free_func ((GDestroyNotify) reference_free);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func ((GDestroyNotify) note_free);
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

  if (!parse_ann (&a, ann, &local_error) || !build (&a, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return _gloss_format_add_store (context, document, lists, G_N_ELEMENTS (lists), where, error);
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

  if (!import_document (&context, document, ann, ann_where, error))
    return NULL;
  if (options->progress != NULL)
    options->progress (1, 1, options->progress_data);

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

/* Export */

typedef struct
{
  GlossStore        *store;
  GlossDocument     *document;
  const char        *doc_id;
  GlossFormatReport *report;
  GString           *ann;
  GHashTable        *tb_of;   /* GlossAnnotation → "T3" */
  guint              n_t, n_r, n_e, n_a, n_n, n_notes;
} Writer;

/* brat's columns hold no whitespace in types, ids and values. */
static char *
no_spaces (const char *s)
{
  GString *out = g_string_new (NULL);

  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        g_string_append_c (out, '_');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Returns the new annotation's id (transfer full). */
static char *
write_text_bound (Writer          *w,
                  const char      *type,
                  const GlossSpan *spans,
                  guint            n)
{
  g_autofree char *clean = no_spaces (type);
  g_autoptr(GString) text = g_string_new (NULL);
  char *id = g_strdup_printf ("T%u", ++w->n_t);

  g_string_append_printf (w->ann, "%s\t%s ", id, clean);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *slice = gloss_document_dup_slice (w->document, spans[i].start, spans[i].end);
      g_autofree char *flat = flatten (slice);

      g_string_append_printf (w->ann, "%s%u %u", i > 0 ? ";" : "", spans[i].start, spans[i].end);
      g_string_append_printf (text, "%s%s", i > 0 ? " " : "", flat);
    }
  g_string_append_printf (w->ann, "\t%s\n", text->str);

  return id;
}

static void
write_attributes (Writer          *w,
                  GlossAnnotation *a,
                  const char      *target)
{
  JsonObject *attrs = gloss_annotation_get_attrs (a);
  g_autoptr(GList) names = attrs ? json_object_get_members (attrs) : NULL;

  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (attrs, l->data);
      g_autofree char *name = no_spaces (l->data);
      g_autofree char *value = NULL;
      GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

      if (type == G_TYPE_BOOLEAN)
        {
          if (json_node_get_boolean (node))
            g_string_append_printf (w->ann, "A%u\t%s %s\n", ++w->n_a, name, target);
          continue;
        }
      if (type == G_TYPE_STRING)
        value = no_spaces (json_node_get_string (node));
      else if (type == G_TYPE_INT64)
        value = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      else if (type == G_TYPE_DOUBLE)
        value = g_strdup_printf ("%g", json_node_get_double (node));

      if (value == NULL || (type == G_TYPE_STRING && !g_str_equal (value, json_node_get_string (node))))
        {
          gloss_format_report_add (w->report, GLOSS_LOSS_ATTRIBUTES, 1);
          gloss_format_report_add_detail (w->report, "%s: %s %s: brat holds no spaces%s in an attribute value",
                                          w->doc_id, gloss_annotation_get_id (a), (const char *) l->data,
                                          value == NULL ? " or lists" : "");
          if (value == NULL)
            continue;
        }
      g_string_append_printf (w->ann, "A%u\t%s %s %s\n", ++w->n_a, name, target, value);
    }
}

static void
write_note (Writer          *w,
            GlossAnnotation *a,
            const char      *target)
{
  const char *note = gloss_annotation_get_note (a);
  g_autofree char *flat = NULL;

  if (note == NULL || *note == '\0')
    return;
  flat = flatten (note);
  g_string_append_printf (w->ann, "#%u\tAnnotatorNotes %s\t%s\n", ++w->n_notes, target, flat);
}

static const char *
tb_of (Writer      *w,
       GlossEntity *entity)
{
  GlossAnnotation *first = _gloss_format_first_mention (w->store, entity);

  return first != NULL ? g_hash_table_lookup (w->tb_of, first) : NULL;
}

static void
lost (Writer          *w,
      GlossLoss        loss,
      GlossAnnotation *a,
      const char      *why)
{
  gloss_format_report_add (w->report, loss, 1);
  gloss_format_report_add_detail (w->report, "%s: %s %s: %s", w->doc_id,
                                  gloss_annotation_kind_to_string (gloss_annotation_get_kind (a)),
                                  gloss_annotation_get_id (a), why);
}

static void
write_mentions (Writer *w)
{
  GListModel *list = gloss_store_get_list (w->store, GLOSS_KIND_MENTION);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossAnnotation) m = g_list_model_get_item (list, i);
      const GlossSpan *spans;
      guint n;
      char *id;

      spans = gloss_annotation_get_spans (m, GLOSS_ROLE_CONTENT, &n);
      id = write_text_bound (w, gloss_annotation_get_type_id (m), spans, n);
      g_hash_table_insert (w->tb_of, m, id);
    }
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossAnnotation) m = g_list_model_get_item (list, i);
      const char *id = g_hash_table_lookup (w->tb_of, m);

      write_attributes (w, m, id);
      write_note (w, m, id);
    }
}

/* N references for identified entities, Coreference relations to the
 * first mention for the others of a cluster. */
static void
write_entities (Writer *w)
{
  GListModel *list = gloss_store_get_list (w->store, GLOSS_KIND_ENTITY);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossAnnotation) e = g_list_model_get_item (list, i);
      g_autoptr(GPtrArray) mentions = gloss_store_get_mentions_of (w->store, GLOSS_ENTITY (e));
      const char *kb = gloss_entity_get_kb (GLOSS_ENTITY (e));
      const char *first = tb_of (w, GLOSS_ENTITY (e));
      const char *note = gloss_annotation_get_note (e);

      if (mentions == NULL || mentions->len == 0)
        {
          lost (w, GLOSS_LOSS_COREFERENCE, e, "an entity without mentions has no place in brat");
          continue;
        }
      if (note != NULL && *note != '\0')
        lost (w, GLOSS_LOSS_NOTES, e, "the note of an entity (brat notes annotations)");
      if (gloss_annotation_get_attrs (e) != NULL && json_object_get_size (gloss_annotation_get_attrs (e)) > 0)
        lost (w, GLOSS_LOSS_ATTRIBUTES, e, "the attributes of an entity (brat's are on annotations)");

      for (guint k = 0; k < mentions->len; k++)
        {
          const char *id = g_hash_table_lookup (w->tb_of, g_ptr_array_index (mentions, k));
          g_autofree char *clean_kb = kb ? no_spaces (kb) : NULL;
          g_autofree char *name = kb ? flatten (gloss_entity_get_name (GLOSS_ENTITY (e))) : NULL;

          if (kb != NULL)
            g_string_append_printf (w->ann, "N%u\tReference %s %s\t%s\n", ++w->n_n, id, clean_kb, name);
          if (!g_str_equal (id, first))
            g_string_append_printf (w->ann, "R%u\tCoreference Arg1:%s Arg2:%s\n", ++w->n_r, id, first);
        }
    }
}

static void
write_relations (Writer *w)
{
  GListModel *list = gloss_store_get_list (w->store, GLOSS_KIND_RELATION);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossAnnotation) r = g_list_model_get_item (list, i);
      const char *from = tb_of (w, gloss_relation_get_from (GLOSS_RELATION (r)));
      const char *to = tb_of (w, gloss_relation_get_to (GLOSS_RELATION (r)));
      g_autofree char *type = no_spaces (gloss_annotation_get_type_id (r));
      g_autofree char *id = NULL;
      guint n_evidence;

      if (from == NULL || to == NULL)
        {
          lost (w, GLOSS_LOSS_RELATIONS, r, "an entity it links has no mention");
          continue;
        }
      gloss_annotation_get_spans (r, GLOSS_ROLE_EVIDENCE, &n_evidence);
      if (n_evidence > 0)
        lost (w, GLOSS_LOSS_OTHER, r, "its evidence spans (a brat relation has none)");

      id = g_strdup_printf ("R%u", ++w->n_r);
      g_string_append_printf (w->ann, "%s\t%s Arg1:%s Arg2:%s\n", id, type, from, to);
      write_attributes (w, r, id);
      write_note (w, r, id);
    }
}

/* A claim is an event: its cue the trigger, its content a Content
 * argument, its claimant Source, what it is about About, About2…; a claim
 * without cue has its content as the trigger. */
static void
write_claims (Writer *w)
{
  GListModel *list = gloss_store_get_list (w->store, GLOSS_KIND_CLAIM);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossAnnotation) c = g_list_model_get_item (list, i);
      GlossClaim *claim = GLOSS_CLAIM (c);
      const GlossSpan *content, *cue;
      guint n_content, n_cue;
      g_autofree char *trigger = NULL;
      g_autofree char *content_id = NULL;
      g_autofree char *type = no_spaces (gloss_annotation_get_type_id (c));
      g_autofree char *id = g_strdup_printf ("E%u", ++w->n_e);
      GlossEntity *claimant = gloss_claim_get_claimant (claim);
      guint n_about = 0;

      content = gloss_annotation_get_spans (c, GLOSS_ROLE_CONTENT, &n_content);
      cue = gloss_annotation_get_spans (c, GLOSS_ROLE_CUE, &n_cue);
      if (n_cue > 0)
        {
          trigger = write_text_bound (w, type, cue, n_cue);
          content_id = write_text_bound (w, "Content", content, n_content);
        }
      else
        trigger = write_text_bound (w, type, content, n_content);

      g_string_append_printf (w->ann, "%s\t%s:%s", id, type, trigger);
      if (content_id != NULL)
        g_string_append_printf (w->ann, " Content:%s", content_id);
      if (claimant != NULL)
        {
          if (tb_of (w, claimant) != NULL)
            g_string_append_printf (w->ann, " Source:%s", tb_of (w, claimant));
          else
            lost (w, GLOSS_LOSS_OTHER, c, "its claimant has no mention");
        }
      for (guint k = 0; k < gloss_claim_get_n_about (claim); k++)
        {
          const char *about = tb_of (w, gloss_claim_get_about (claim, k));

          if (about == NULL)
            {
              lost (w, GLOSS_LOSS_OTHER, c, "an entity it is about has no mention");
              continue;
            }
          n_about++;
          if (n_about == 1)
            g_string_append_printf (w->ann, " About:%s", about);
          else
            g_string_append_printf (w->ann, " About%u:%s", n_about, about);
        }
      g_string_append_c (w->ann, '\n');

      g_string_append_printf (w->ann, "A%u\tCertainty %s %s\n", ++w->n_a, id,
                              gloss_certainty_to_string (gloss_claim_get_certainty (claim)));
      write_attributes (w, c, id);
      write_note (w, c, id);
    }
}

/* ID, or ID-2… when another document took it. */
static char *
file_stem (GlossDocument *document,
           guint          index,
           GHashTable    *taken)
{
  g_autofree char *base = gloss_format_file_stem (gloss_document_get_id (document), index);
  char *stem = g_strdup (base);

  for (guint n = 2; g_hash_table_contains (taken, stem); n++)
    {
      g_free (stem);
      stem = g_strdup_printf ("%s-%u", base, n);
    }
  g_hash_table_add (taken, g_strdup (stem));
  return stem;
}

/**
 * gloss_brat_export:
 * @stores: (element-type GlossStore): the documents
 * @options: the report and the progress callback
 * @error: return location for a #GLOSS_FORMAT_ERROR
 *
 * Returns: (transfer container) (element-type GlossFormatFile): ID.txt
 *   (the text, byte for byte) and ID.ann for each document
 */
GPtrArray *
gloss_brat_export (GPtrArray                *stores,
                   const GlossFormatOptions *options,
                   GError                  **error)
{
  g_autoptr(GlossFormatReport) own_report = gloss_format_report_new ();
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_format_file_free);

  g_return_val_if_fail (stores != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  for (guint i = 0; i < stores->len; i++)
    {
      GlossStore *store = g_ptr_array_index (stores, i);
      GlossDocument *document = gloss_store_get_document (store);
      g_autoptr(GHashTable) tb = g_hash_table_new_full (NULL, NULL, NULL, g_free);
      g_autofree char *stem = file_stem (document, i, taken);
      const char *text = gloss_document_get_text (document);
      Writer w = {
        .store = store, .document = document, .tb_of = tb, .ann = g_string_new (NULL),
        .doc_id = gloss_document_get_id (document) ? gloss_document_get_id (document) : stem,
        .report = options->report ? options->report : own_report,
      };

      write_mentions (&w);
      write_entities (&w);
      write_relations (&w);
      write_claims (&w);

      g_ptr_array_add (files, gloss_format_file_new (g_strconcat (stem, ".txt", NULL),
                                                     g_bytes_new (text, gloss_document_get_n_bytes (document))));
      g_ptr_array_add (files, gloss_format_file_new (g_strconcat (stem, ".ann", NULL),
                                                     g_string_free_to_bytes (w.ann)));
      if (options->progress != NULL)
        options->progress (i + 1, stores->len, options->progress_data);
    }

  return files;
}
