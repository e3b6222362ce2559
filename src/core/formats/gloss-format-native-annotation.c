/* gloss-format-native-annotation.c: reading the annotations of a .gloss
 * file, one object at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-annotation-private.h"
#include "gloss-error.h"
#include "gloss-format-native-loader.h"
#include "gloss-format-native-private.h"
#include "gloss-timestamp.h"

/* Checking: keeps the reader's error as a problem and lets it read on.
 * FALSE (error kept) when reading, at the limit, or after a syntax error. */
static gboolean
keep_problem (Loader          *L,
              GlossJsonReader *r)
{
  GError *error;

  if (L->problems == NULL || L->problems->len + 1 >= L->max_problems ||
      (error = gloss_json_reader_resume (r)) == NULL)
    return FALSE;
  g_ptr_array_add (L->problems, g_strdup (error->message));
  g_error_free (error);
  return TRUE;
}

static gboolean
read_spans (Loader          *L,
            GlossJsonReader *r,
            GlossSpanRole    role)
{
  GArray *spans = L->spans[role];
  GlossJsonToken t = gloss_json_reader_get_token (r);

  g_array_set_size (spans, 0);
  if (t != GLOSS_JSON_BEGIN_ARRAY)
    return _gloss_native_expected (r, t, "an array of spans");

  while ((t = gloss_json_reader_next (r)) != GLOSS_JSON_END_ARRAY)
    {
      guint32 v[2] = { 0, 0 };
      gboolean has[3] = { FALSE, FALSE, FALSE };
      GlossSpan span;

      if (t != GLOSS_JSON_BEGIN_OBJECT)
        return _gloss_native_expected (r, t, "a span object {\"start\", \"end\", \"text\"}");

      while ((t = gloss_json_reader_next (r)) == GLOSS_JSON_MEMBER)
        {
          int which;

          if (gloss_json_reader_string_equal (r, "start"))
            which = 0;
          else if (gloss_json_reader_string_equal (r, "end"))
            which = 1;
          else if (gloss_json_reader_string_equal (r, "text"))
            which = 2;
          else
            {
              /* A span has nowhere to keep other members. */
              t = gloss_json_reader_next (r);
              if (!gloss_json_reader_skip (r))
                return FALSE;
              continue;
            }
          if (has[which])
            {
              gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID,
                                           "the member appears twice in the span");
              return FALSE;
            }
          has[which] = TRUE;

          t = gloss_json_reader_next (r);
          if (which < 2)
            {
              if (!gloss_json_reader_get_uint32 (r, &v[which]))
                {
                  gsize n;
                  const char *number;

                  if (t != GLOSS_JSON_NUMBER)
                    return _gloss_native_expected (r, t, "a whole number");
                  number = gloss_json_reader_get_number_text (r, &n);

                  gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_SPAN,
                                               "%.*s is not an offset (a whole number from 0 to 4294967295)",
                                               (int)MIN (n, 40), number);
                  return FALSE;
                }
            }
          else
            {
              const char *s;
              gsize len;

              if (t != GLOSS_JSON_STRING)
                return _gloss_native_expected (r, t, "a string");
              s = gloss_json_reader_get_string (r, &len);
              g_string_truncate (L->span_text, 0);
              g_string_append_len (L->span_text, s, len);
            }
        }
      if (t != GLOSS_JSON_END_OBJECT)
        return FALSE;

      for (int i = 0; i < 3; i++)
        if (!has[i])
          {
            static const char * const names[] = { "start", "end", "text" };

            gloss_json_reader_set_error (r, i < 2 ? GLOSS_FORMAT_ERROR_SPAN : GLOSS_FORMAT_ERROR_INVALID,
                                         "the span has no \"%s\"", names[i]);
            return FALSE;
          }

      span.start = v[0];
      span.end = v[1];
      if (span.end < span.start)
        {
          gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_SPAN,
                                       "end %u is before start %u", span.end, span.start);
          return FALSE;
        }
      if (span.end == span.start)
        {
          gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_SPAN,
                                       "the span is empty (start and end are both %u)", span.start);
          return FALSE;
        }
      if (span.end > L->doc_length)
        {
          gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_SPAN,
                                       "end %u is beyond the end of the text (%u characters)",
                                       span.end, L->doc_length);
          return FALSE;
        }
      if (!gloss_document_slice_equals (L->document, span.start, span.end,
                                        L->span_text->str, L->span_text->len))
        {
          gsize n;
          const char *actual = gloss_document_peek_slice (L->document, span.start, span.end, &n);
          g_autofree char *a = _gloss_native_quote (L->span_text->str, L->span_text->len);
          g_autofree char *b = _gloss_native_quote (actual, n);

          gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_SPAN,
                                       "text %s does not match the document (%s)", a, b);
          /* A checker names every span a changed text moved. */
          if (!keep_problem (L, r))
            return FALSE;
        }
      g_array_append_val (spans, span);
    }

  return TRUE;
}

/* Resolves the entity id at the current string token. */
static gboolean
read_entity_ref (Loader           *L,
                 GlossJsonReader  *r,
                 GlossJsonToken    t,
                 GlossEntity     **out)
{
  GlossAnnotation *found;
  const char *id;
  gsize len;

  *out = NULL;
  if (t != GLOSS_JSON_STRING)
    return _gloss_native_expected (r, t, "an entity id (a string)");

  id = gloss_json_reader_get_cstring (r, &len);
  found = memchr (id, '\0', len) == NULL ? gloss_store_lookup (L->store, id) : NULL;
  if (found == NULL || !GLOSS_IS_ENTITY (found))
    {
      g_autofree char *q = _gloss_native_quote (id, len);

      gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID,
                                   found == NULL ? "no entity has the id %s" : "%s is not an entity",
                                   q);
      return FALSE;
    }
  *out = GLOSS_ENTITY (found);
  return TRUE;
}

typedef struct
{
  char           *strings[N_MEMBERS];   /* id, type, name, kb, note, author */
  GlossEntity    *entity, *claimant, *from, *to;
  GlossCertainty  certainty;
  GlossStatus     status;
  gint64          created, modified;
  JsonObject     *attrs;
  JsonObject     *extra;
} Fields;

static void
fields_clear (Fields *f)
{
  for (guint i = 0; i < N_MEMBERS; i++)
    g_free (f->strings[i]);
  g_clear_pointer (&f->attrs, json_object_unref);
  g_clear_pointer (&f->extra, json_object_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fields, fields_clear)

/* Attribute values are strings (enum, text) or booleans (bool). */
static gboolean
check_attrs (Loader          *L,
             GlossJsonReader *r,
             JsonObject      *attrs)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init (&iter, attrs);
  while (json_object_iter_next (&iter, &name, &value))
    {
      GType type = JSON_NODE_HOLDS_VALUE (value) ? json_node_get_value_type (value) : G_TYPE_INVALID;

      if (type != G_TYPE_STRING && type != G_TYPE_BOOLEAN)
        return _gloss_native_member_error (r, L->where, name, GLOSS_FORMAT_ERROR_INVALID,
                             "expected a string or true/false as the attribute's value");
    }
  return TRUE;
}

static gboolean
read_member (Loader              *L,
             GlossJsonReader     *r,
             GlossAnnotationKind  kind,
             Member               m,
             Fields              *f)
{
  GlossJsonToken t = gloss_json_reader_next (r);

  switch (m)
    {
    case M_ID:
    case M_TYPE:
      return _gloss_native_read_string (r, t, TRUE, &f->strings[m]);

    case M_KB:
      {
        g_autoptr(GError) kb_error = NULL;

        if (!_gloss_native_read_string (r, t, FALSE, &f->strings[m]))
          return FALSE;
        /* Reading keeps such an id (files written before the rule open as
         * they were); checking names it, as the inspector refuses it. */
        if (L->problems == NULL || f->strings[m] == NULL || gloss_entity_check_kb (f->strings[m], &kb_error))
          return TRUE;
        gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID, "%s", kb_error->message);
        return keep_problem (L, r);
      }

    case M_NAME:
    case M_NOTE:
    case M_AUTHOR:
      return _gloss_native_read_string (r, t, FALSE, &f->strings[m]);

    case M_ENTITY:
      return read_entity_ref (L, r, t, &f->entity);
    case M_CLAIMANT:
      return read_entity_ref (L, r, t, &f->claimant);
    case M_FROM:
      return read_entity_ref (L, r, t, &f->from);
    case M_TO:
      return read_entity_ref (L, r, t, &f->to);

    case M_CERTAINTY:
    case M_STATUS:
      {
        const char *s;
        gboolean ok;

        if (t != GLOSS_JSON_STRING)
          return _gloss_native_expected (r, t, "a string");
        s = gloss_json_reader_get_cstring (r, NULL);
        ok = m == M_STATUS ? gloss_status_from_string (s, &f->status)
                           : gloss_certainty_from_string (s, &f->certainty);
        if (!ok)
          {
            g_autofree char *q = _gloss_native_quote (s, strlen (s));

            gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID, "unknown value %s (expected %s)", q,
                                         m == M_STATUS ? "\"accepted\" or \"suggested\""
                                                       : "\"asserted\", \"hedged\" or \"denied\"");
            return FALSE;
          }
        return TRUE;
      }

    case M_CREATED:
    case M_MODIFIED:
      {
        const char *s;
        gsize len;

        if (t != GLOSS_JSON_STRING)
          return _gloss_native_expected (r, t, "a date and time as a string");
        s = gloss_json_reader_get_cstring (r, &len);
        if (!gloss_timestamp_parse (s, len, m == M_CREATED ? &f->created : &f->modified))
          {
            g_autofree char *q = _gloss_native_quote (s, len);

            gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID,
                                         "%s is not an ISO 8601 date and time such as 2026-11-27T05:24:11Z", q);
            return FALSE;
          }
        return TRUE;
      }

    case M_SPANS:
      return read_spans (L, r, GLOSS_ROLE_CONTENT);
    case M_CUE:
      return read_spans (L, r, GLOSS_ROLE_CUE);
    case M_EVIDENCE:
      return read_spans (L, r, GLOSS_ROLE_EVIDENCE);

    case M_ABOUT:
      g_ptr_array_set_size (L->about, 0);
      if (t != GLOSS_JSON_BEGIN_ARRAY)
        return _gloss_native_expected (r, t, "an array of entity ids");
      while ((t = gloss_json_reader_next (r)) != GLOSS_JSON_END_ARRAY)
        {
          GlossEntity *entity;

          if (!read_entity_ref (L, r, t, &entity))
            return FALSE;
          if (entity != NULL)
            g_ptr_array_add (L->about, entity);
        }
      return TRUE;

    case M_ATTRS:
      {
        g_autoptr(JsonNode) node = NULL;

        if (t != GLOSS_JSON_BEGIN_OBJECT)
          return _gloss_native_expected (r, t, "an object of attribute values");
        node = gloss_json_reader_read_node (r);
        if (node == NULL)
          return FALSE;
        f->attrs = json_node_dup_object (node);
        return check_attrs (L, r, f->attrs);
      }

    case N_MEMBERS:
    default:
      g_assert_not_reached ();
    }

  (void)kind;
  return FALSE;
}

static const char *
ensure_type (Loader         *L,
             GlossLabelKind  kind,
             const char     *type)
{
  if (g_strcmp0 (L->last_type[kind], type) != 0)
    {
      gloss_schema_ensure (L->schema, kind, type);
      g_free (L->last_type[kind]);
      L->last_type[kind] = g_strdup (type);
    }
  return type;
}

gboolean
_gloss_native_read_one (Loader              *L,
                        GlossJsonReader     *r,
                        GlossAnnotationKind  kind)
{
  g_auto(Fields) f = { { NULL, }, };
  g_autoptr(GlossAnnotation) a = NULL;
  g_autoptr(GError) local_error = NULL;
  GlossJsonToken t;
  guint seen = 0;
  const GlossSpan *spans;
  guint n_spans;

  for (guint i = 0; i < G_N_ELEMENTS (L->spans); i++)
    g_array_set_size (L->spans[i], 0);
  g_ptr_array_set_size (L->about, 0);

  while ((t = gloss_json_reader_next (r)) == GLOSS_JSON_MEMBER)
    {
      gsize len;
      const char *name = gloss_json_reader_get_string (r, &len);
      int m = _gloss_native_find_name (_gloss_native_member_names, N_MEMBERS, name, len);

      if (m < 0 || (_gloss_native_kind_members[kind] & BIT (m)) == 0)
        {
          g_autofree char *copy = g_strdup (gloss_json_reader_get_cstring (r, NULL));

          gloss_json_reader_next (r);
          if (!_gloss_native_read_extra (r, &f.extra, copy))
            return FALSE;
          continue;
        }
      if (seen & BIT (m))
        {
          gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID,
                                       "the member appears twice in the %s",
                                       gloss_annotation_kind_to_string (kind));
          return FALSE;
        }
      seen |= BIT (m);
      if (!read_member (L, r, kind, m, &f))
        return FALSE;
    }
  if (t != GLOSS_JSON_END_OBJECT)
    return t == GLOSS_JSON_ERROR ? FALSE : _gloss_native_expected (r, t, "a member");

  if (f.strings[M_ID] == NULL || f.strings[M_TYPE] == NULL)
    {
      gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID, "the %s has no \"%s\"",
                                   gloss_annotation_kind_to_string (kind),
                                   f.strings[M_ID] == NULL ? "id" : "type");
      return FALSE;
    }
  if ((kind == GLOSS_KIND_MENTION || kind == GLOSS_KIND_CLAIM) &&
      L->spans[GLOSS_ROLE_CONTENT]->len == 0)
    {
      gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_SPAN, "the %s has no spans",
                                   gloss_annotation_kind_to_string (kind));
      return FALSE;
    }
  if (kind == GLOSS_KIND_RELATION && (f.from == NULL || f.to == NULL))
    {
      gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID, "the relation has no \"%s\"",
                                   f.from == NULL ? "from" : "to");
      return FALSE;
    }
  if (!L->detached && f.strings[M_ID] != NULL && gloss_store_lookup (L->store, f.strings[M_ID]) != NULL)
    {
      g_autofree char *q = _gloss_native_quote (f.strings[M_ID], strlen (f.strings[M_ID]));

      gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID,
                                   "the id %s is already used by another annotation", q);
      return FALSE;
    }

  if (!L->detached)
    ensure_type (L, _gloss_native_label_kinds[kind], f.strings[M_TYPE]);
  spans = (const GlossSpan *)(gpointer)L->spans[GLOSS_ROLE_CONTENT]->data;
  n_spans = L->spans[GLOSS_ROLE_CONTENT]->len;

  switch (kind)
    {
    case GLOSS_KIND_MENTION:
      a = GLOSS_ANNOTATION (gloss_mention_new (f.strings[M_TYPE], spans, n_spans));
      if (f.entity != NULL)
        gloss_mention_set_entity (GLOSS_MENTION (a), f.entity);
      break;

    case GLOSS_KIND_ENTITY:
      a = GLOSS_ANNOTATION (gloss_entity_new (f.strings[M_TYPE], f.strings[M_NAME]));
      if (f.strings[M_KB] != NULL)
        gloss_entity_set_kb (GLOSS_ENTITY (a), f.strings[M_KB]);
      break;

    case GLOSS_KIND_CLAIM:
      a = GLOSS_ANNOTATION (gloss_claim_new (f.strings[M_TYPE], spans, n_spans));
      if (f.claimant != NULL)
        gloss_claim_set_claimant (GLOSS_CLAIM (a), f.claimant);
      gloss_claim_set_certainty (GLOSS_CLAIM (a), f.certainty);
      if (L->spans[GLOSS_ROLE_CUE]->len > 0)
        gloss_annotation_set_spans (a, GLOSS_ROLE_CUE,
                                    (const GlossSpan *)(gpointer)L->spans[GLOSS_ROLE_CUE]->data,
                                    L->spans[GLOSS_ROLE_CUE]->len);
      for (guint i = 0; i < L->about->len; i++)
        gloss_claim_add_about (GLOSS_CLAIM (a), L->about->pdata[i]);
      break;

    case GLOSS_KIND_RELATION:
      a = GLOSS_ANNOTATION (gloss_relation_new (f.strings[M_TYPE], f.from, f.to));
      if (L->spans[GLOSS_ROLE_EVIDENCE]->len > 0)
        gloss_annotation_set_spans (a, GLOSS_ROLE_EVIDENCE,
                                    (const GlossSpan *)(gpointer)L->spans[GLOSS_ROLE_EVIDENCE]->data,
                                    L->spans[GLOSS_ROLE_EVIDENCE]->len);
      break;

    case GLOSS_N_KINDS:
    default:
      g_assert_not_reached ();
    }

  if (f.strings[M_ID] != NULL)
    gloss_annotation_set_id (a, f.strings[M_ID]);
  if (f.strings[M_NOTE] != NULL)
    gloss_annotation_set_note (a, f.strings[M_NOTE]);
  if (f.strings[M_AUTHOR] != NULL)
    gloss_annotation_set_author (a, f.strings[M_AUTHOR]);
  if (f.status != GLOSS_STATUS_ACCEPTED)
    gloss_annotation_set_status (a, f.status);
  if (f.created != 0)
    gloss_annotation_set_created (a, f.created);
  if (f.modified != 0)
    gloss_annotation_set_modified (a, f.modified);
  if (f.attrs != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init_ordered (&iter, f.attrs);
      while (json_object_iter_next_ordered (&iter, &name, &value))
        gloss_annotation_set_attr (a, name, value);
    }
  if (f.extra != NULL)
    gloss_annotation_set_extra (a, f.extra);

  if (L->detached)
    {
      g_set_object (&L->built, a);
      return TRUE;
    }
  if (!gloss_store_load_add (L->store, a, &local_error))
    {
      gloss_json_reader_set_error (r, local_error->domain == GLOSS_STORE_ERROR &&
                                      local_error->code == GLOSS_STORE_ERROR_SPAN
                                      ? GLOSS_FORMAT_ERROR_SPAN : GLOSS_FORMAT_ERROR_INVALID,
                                   "%s", local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* keep_problem(), then reads on after the bad element of an array at
 * @depth. */
static gboolean
pass_over (Loader          *L,
           GlossJsonReader *r,
           guint            depth)
{
  if (!keep_problem (L, r))
    return FALSE;
  while (gloss_json_reader_get_depth (r) > depth)
    if (gloss_json_reader_next (r) == GLOSS_JSON_ERROR)
      return FALSE;
  return TRUE;
}

gboolean
_gloss_native_read_annotations (Loader              *L,
                                GlossJsonReader     *r,
                                GlossAnnotationKind  kind)
{
  GlossJsonToken t = gloss_json_reader_get_token (r);
  guint depth;

  if (t != GLOSS_JSON_BEGIN_ARRAY)
    return _gloss_native_expected (r, t, "an array");

  depth = gloss_json_reader_get_depth (r);
  while ((t = gloss_json_reader_next (r)) != GLOSS_JSON_END_ARRAY)
    {
      if (L->hooks != NULL)
        _gloss_native_report_progress (L, gloss_json_reader_get_offset (r));
      if (t == GLOSS_JSON_BEGIN_OBJECT ? _gloss_native_read_one (L, r, kind) : _gloss_native_expected (r, t, "an object"))
        continue;
      if (!pass_over (L, r, depth))
        return FALSE;
    }
  return TRUE;
}
