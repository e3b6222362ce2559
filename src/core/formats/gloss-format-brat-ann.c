/* gloss-format-brat-ann.c: the lines of a brat .ann file, parsed
 * (gloss-format-brat.c builds the annotations from them)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-attribute-def.h"
#include "gloss-error.h"
#include "gloss-format-brat-private.h"

void
_gloss_brat_text_bound_free (TextBound *tb)
{
  g_free (tb->id);
  g_free (tb->type);
  g_array_unref (tb->spans);
  g_free (tb);
}

void
_gloss_brat_event_free (Event *e)
{
  g_free (e->id);
  g_free (e->type);
  g_free (e->trigger);
  g_ptr_array_unref (e->roles);
  g_ptr_array_unref (e->args);
  g_free (e);
}

void
_gloss_brat_relation_free (Relation *r)
{
  g_free (r->id);
  g_free (r->type);
  g_free (r->arg1);
  g_free (r->arg2);
  g_free (r);
}

void
_gloss_brat_attribute_free (Attribute *a)
{
  g_free (a->id);
  g_free (a->name);
  g_free (a->target);
  g_free (a->value);
  g_free (a);
}

void
_gloss_brat_reference_free (Reference *r)
{
  g_free (r->target);
  g_free (r->kb);
  g_free (r->name);
  g_free (r);
}

void
_gloss_brat_note_free (Note *n)
{
  g_free (n->target);
  g_free (n->note);
  g_free (n);
}

gboolean
_gloss_brat_fail (GError           **error,
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
char *
_gloss_brat_flatten (const char *text)
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
    return _gloss_brat_fail (error, GLOSS_FORMAT_ERROR_SYNTAX, a, line,
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
        return _gloss_brat_fail (error, GLOSS_FORMAT_ERROR_SYNTAX, a, line,
                                 "%s: “%s” is not “START END”", tb->id, fragments[i]);
      if (span.start > span.end || span.end > length)
        return _gloss_brat_fail (error, GLOSS_FORMAT_ERROR_SPAN, a, line,
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
    return _gloss_brat_fail (error, GLOSS_FORMAT_ERROR_SPAN, a, line, "%s: the annotation covers no text", tb->id);

  if (fields[2] != NULL)
    {
      g_autofree char *flat = _gloss_brat_flatten (expected->str);

      given = _gloss_brat_flatten (fields[2]);
      if (!g_str_equal (given, flat))
        return _gloss_brat_fail (error, GLOSS_FORMAT_ERROR_SPAN, a, line,
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
    return _gloss_brat_fail (error, GLOSS_FORMAT_ERROR_SYNTAX, a, line,
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
    return _gloss_brat_fail (error, GLOSS_FORMAT_ERROR_SYNTAX, a, line, "*: expected “TYPE ID ID…”");

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
    return _gloss_brat_fail (error, GLOSS_FORMAT_ERROR_SYNTAX, a, line, "%s: expected “TYPE:TRIGGER ROLE:ID…”", fields[0]);

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
        return _gloss_brat_fail (error, GLOSS_FORMAT_ERROR_SYNTAX, a, line, "%s: “%s” is not “ROLE:ID”", e->id, words[i]);
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
    return _gloss_brat_fail (error, GLOSS_FORMAT_ERROR_SYNTAX, a, line, "%s: expected “NAME ID [VALUE]”", fields[0]);

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
    return _gloss_brat_fail (error, GLOSS_FORMAT_ERROR_SYNTAX, a, line, "%s: expected “Reference ID DB:ID”", fields[0]);

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
    return _gloss_brat_fail (error, GLOSS_FORMAT_ERROR_SYNTAX, a, line, "%s: expected “AnnotatorNotes ID”", fields[0]);

  note = g_new0 (Note, 1);
  note->target = g_strdup (words[1]);
  note->note = g_strdup (fields[2] != NULL ? fields[2] : "");
  note->line = line;
  g_ptr_array_add (a->notes, note);
  return TRUE;
}

gboolean
_gloss_brat_parse_ann (Ann          *a,
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
      g_autoptr(GError) line_error = NULL;
      gboolean blank = TRUE;
      gboolean ok;

      for (gsize i = 0; i < len && blank; i++)
        blank = g_ascii_isspace (start[i]);
      if (blank)
        continue;
      copy = g_strndup (start, len);  /* the text field keeps its spaces */
      fields = g_strsplit (copy, "\t", 3);
      if (fields[1] == NULL)
        ok = _gloss_brat_fail (&line_error, GLOSS_FORMAT_ERROR_SYNTAX, a, line,
                               "“%s” has no tab after the id (brat separates id, annotation and text with tabs)", copy);
      else if (fields[0][0] != '*' && fields[0][1] == '\0')
        ok = _gloss_brat_fail (&line_error, GLOSS_FORMAT_ERROR_SYNTAX, a, line, "“%s” is not an annotation id", fields[0]);
      else
        switch (fields[0][0])
          {
          case 'T': ok = parse_text_bound (a, fields, line, &line_error); break;
          case 'R': ok = parse_relation (a, fields, line, &line_error); break;
          case 'E': ok = parse_event (a, fields, line, &line_error); break;
          case 'A':
          case 'M': ok = parse_attribute (a, fields, line, &line_error); break;
          case 'N': ok = parse_reference (a, fields, line, &line_error); break;
          case '#': ok = parse_note (a, fields, line, &line_error); break;
          case '*': ok = parse_equivalence (a, fields, line, &line_error); break;
          default:
            ok = _gloss_brat_fail (&line_error, GLOSS_FORMAT_ERROR_SYNTAX, a, line,
                                   "“%s”: an id begins with T, R, E, A, M, N, # or *", fields[0]);
          }
      /* With an import log, every bad line is told and the next read. */
      if (!ok && !_gloss_format_log_problem (a->context, &line_error))
        {
          g_propagate_error (error, g_steal_pointer (&line_error));
          return FALSE;
        }
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

TextBound *
_gloss_brat_lookup_tb (Ann         *a,
                       const char  *id,
                       guint        line,
                       GError     **error)
{
  TextBound *tb = g_hash_table_lookup (a->tb_by_id, id);
  Event *e;

  if (tb == NULL && (e = g_hash_table_lookup (a->event_by_id, id)) != NULL)
    tb = g_hash_table_lookup (a->tb_by_id, e->trigger);  /* an event stands for its trigger */
  if (tb == NULL)
    _gloss_brat_fail (error, GLOSS_FORMAT_ERROR_INVALID, a, line, "%s is not a text-bound annotation or event of the file", id);
  return tb;
}

guint
_gloss_brat_find_root (Ann  *a,
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

void
_gloss_brat_join (Ann       *a,
                  TextBound *x,
                  TextBound *y)
{
  guint rx = _gloss_brat_find_root (a, x->index);
  guint ry = _gloss_brat_find_root (a, y->index);

  if (rx != ry)
    ((TextBound *) g_ptr_array_index (a->tbs, MAX (rx, ry)))->cluster = MIN (rx, ry);
}
