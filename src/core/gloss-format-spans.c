/* gloss-format-spans.c: what the formats share to read a span: offset
 * units, offsets converted to code points, and a span found again by its
 * text when its offsets do not fit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-error.h"
#include "gloss-format-private.h"

const char *
_gloss_format_unit_name (GlossOffsetUnit unit)
{
  switch (unit)
    {
    case GLOSS_OFFSET_CODEPOINTS: return "code points";
    case GLOSS_OFFSET_UTF16: return "UTF-16 units";
    case GLOSS_OFFSET_BYTES: return "bytes";
    default: return "?";
    }
}

const char *
_gloss_format_unit_id (GlossOffsetUnit unit)
{
  switch (unit)
    {
    case GLOSS_OFFSET_CODEPOINTS: return "codepoints";
    case GLOSS_OFFSET_UTF16: return "utf16";
    case GLOSS_OFFSET_BYTES: return "bytes";
    default: return "?";
    }
}

gboolean
_gloss_format_parse_unit (const char      *str,
                          GlossOffsetUnit *unit)
{
  static const struct { const char *name; GlossOffsetUnit unit; } names[] = {
    { "codepoints", GLOSS_OFFSET_CODEPOINTS },
    { "codepoint", GLOSS_OFFSET_CODEPOINTS },
    { "chars", GLOSS_OFFSET_CODEPOINTS },
    { "utf16", GLOSS_OFFSET_UTF16 },
    { "utf-16", GLOSS_OFFSET_UTF16 },
    { "bytes", GLOSS_OFFSET_BYTES },
    { "utf8", GLOSS_OFFSET_BYTES },
    { "utf-8", GLOSS_OFFSET_BYTES },
  };

  if (str == NULL)
    return FALSE;

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (str, names[i].name) == 0)
      {
        *unit = names[i].unit;
        return TRUE;
      }

  return FALSE;
}

/* What an offset or an id member holds, in a json-glib tree or in a
 * GlossJsonLite arena alike. */
typedef struct
{
  gboolean    present;   /* and not null */
  gboolean    is_int;
  gint64      integer;
  const char *string;
  gboolean    other;     /* any other value */
} Scalar;

static Scalar
node_scalar (JsonNode *node)
{
  Scalar s = { 0 };

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return s;
  s.present = TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      s.is_int = TRUE;
      s.integer = json_node_get_int (node);
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    s.string = json_node_get_string (node);
  else
    s.other = TRUE;
  return s;
}

static Scalar
lite_scalar (const GlossJsonLiteValue *value)
{
  Scalar s = { 0 };

  if (value == NULL || value->kind == GLOSS_JSON_NULL)
    return s;
  s.present = TRUE;
  if (value->kind == GLOSS_JSON_NUMBER && value->is_int)
    {
      s.is_int = TRUE;
      s.integer = value->integer;
    }
  else if (value->kind == GLOSS_JSON_STRING)
    s.string = value->string;
  else
    s.other = TRUE;
  return s;
}

static gboolean
scalar_offset (Scalar       s,
               const char  *member,
               const char  *loc,
               const char  *path,
               gint64      *out,
               GError     **error)
{
  if (!s.present)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: %s: “%s” is missing", loc, path, member);
      return FALSE;
    }

  if (!s.is_int || s.integer < 0)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: %s: “%s” must be a whole number ≥ 0", loc, path, member);
      return FALSE;
    }

  *out = s.integer;
  return TRUE;
}

static char *
scalar_id (Scalar s)
{
  if (s.string != NULL)
    return g_strdup (s.string);
  if (s.is_int)
    return g_strdup_printf ("%" G_GINT64_FORMAT, s.integer);
  return NULL;
}

gboolean
_gloss_format_get_offset (JsonObject  *object,
                          const char  *member,
                          const char  *loc,
                          const char  *path,
                          gint64      *out,
                          GError     **error)
{
  return scalar_offset (node_scalar (json_object_get_member (object, member)), member, loc, path, out, error);
}

gboolean
_gloss_format_lite_offset (const GlossJsonLiteValue  *object,
                           const char                *member,
                           const char                *loc,
                           const char                *path,
                           gint64                    *out,
                           GError                   **error)
{
  return scalar_offset (lite_scalar (gloss_json_lite_get_member (object, member)), member, loc, path, out, error);
}

char *
_gloss_format_dup_id (JsonObject *object,
                      const char *member)
{
  return scalar_id (node_scalar (json_object_get_member (object, member)));
}

char *
_gloss_format_lite_dup_id (const GlossJsonLiteValue *object,
                           const char               *member)
{
  return scalar_id (lite_scalar (gloss_json_lite_get_member (object, member)));
}

const char *
_gloss_format_get_string (JsonObject *object,
                          const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gsize
unit_length (GlossDocument   *document,
             GlossOffsetUnit  unit)
{
  switch (unit)
    {
    case GLOSS_OFFSET_UTF16: return gloss_document_get_utf16_length (document);
    case GLOSS_OFFSET_BYTES: return gloss_document_get_n_bytes (document);
    case GLOSS_OFFSET_CODEPOINTS:
    default: return gloss_document_get_length (document);
    }
}

static gboolean
convert_offset (GlossDocument    *document,
                GlossOffsetUnit   unit,
                gint64            offset,
                const char       *loc,
                const char       *path,
                const char       *member,
                guint            *cp,
                GError          **error)
{
  gsize length = unit_length (document, unit);

  if (offset < 0 || (guint64) offset > length)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SPAN,
                   "%s: %s: %s %" G_GINT64_FORMAT " is beyond the end of the text "
                   "(%" G_GSIZE_FORMAT " %s)",
                   loc, path, member, offset, length, _gloss_format_unit_name (unit));
      return FALSE;
    }

  if (!gloss_document_offset_to_cp (document, unit, (gsize) offset, cp))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SPAN,
                   "%s: %s: %s %" G_GINT64_FORMAT " falls inside a character%s",
                   loc, path, member, offset,
                   unit == GLOSS_OFFSET_UTF16 ? " (between the halves of a UTF-16 surrogate pair)" :
                   unit == GLOSS_OFFSET_BYTES ? " (inside a UTF-8 sequence)" : "");
      return FALSE;
    }

  return TRUE;
}

/* When the text does not match in @unit, find a unit in which it does, so
 * the message can say which --offsets to use. */
static gboolean
guess_unit (GlossDocument   *document,
            GlossOffsetUnit  unit,
            gint64           start,
            gint64           end,
            const char      *text,
            GlossOffsetUnit *guess)
{
  static const GlossOffsetUnit units[] = {
    GLOSS_OFFSET_CODEPOINTS, GLOSS_OFFSET_UTF16, GLOSS_OFFSET_BYTES,
  };

  for (gsize i = 0; i < G_N_ELEMENTS (units); i++)
    {
      guint s, e;

      if (units[i] == unit ||
          (guint64) end > unit_length (document, units[i]) ||
          !gloss_document_offset_to_cp (document, units[i], (gsize) start, &s) ||
          !gloss_document_offset_to_cp (document, units[i], (gsize) end, &e) ||
          s >= e ||
          !gloss_document_slice_equals (document, s, e, text, -1))
        continue;

      *guess = units[i];
      return TRUE;
    }

  return FALSE;
}

gboolean
_gloss_format_make_span (GlossDocument   *document,
                         GlossOffsetUnit  unit,
                         gint64           start,
                         gint64           end,
                         const char      *text,
                         const char      *loc,
                         const char      *path,
                         GlossSpan       *span,
                         GError         **error)
{
  guint s, e;

  if (start >= end)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SPAN,
                   "%s: %s: the span %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT
                   " is empty or reversed", loc, path, start, end);
      return FALSE;
    }

  if (!convert_offset (document, unit, start, loc, path, "start", &s, error) ||
      !convert_offset (document, unit, end, loc, path, "end", &e, error))
    return FALSE;

  if (text != NULL && !gloss_document_slice_equals (document, s, e, text, -1))
    {
      g_autofree char *found = gloss_document_dup_slice (document, s, e);
      GlossOffsetUnit guess;

      if (guess_unit (document, unit, start, end, text, &guess))
        g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SPAN,
                     "%s: %s: text “%s” does not match the document's “%s” at "
                     "%" G_GINT64_FORMAT "–%" G_GINT64_FORMAT " %s; it does in %s "
                     "(try --offsets %s)",
                     loc, path, text, found, start, end, _gloss_format_unit_name (unit),
                     _gloss_format_unit_name (guess), _gloss_format_unit_id (guess));
      else
        g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SPAN,
                     "%s: %s: text “%s” does not match the document's “%s” at "
                     "%" G_GINT64_FORMAT "–%" G_GINT64_FORMAT " %s",
                     loc, path, text, found, start, end, _gloss_format_unit_name (unit));
      return FALSE;
    }

  span->start = s;
  span->end = e;
  return TRUE;
}

/* Where @text is in @document, in code points: the one occurrence within
 * a window around [@s, @e), else the only one in the text; FALSE when
 * there is none or no single one. */
static gboolean
find_quote (GlossDocument *document,
            const char    *text,
            guint          s,
            guint          e,
            GlossSpan     *found)
{
  const char *all = gloss_document_get_text (document);
  gsize n_text = strlen (text);
  guint window = MAX (e - s, 1) + 64;
  guint near = 0, anywhere = 0;
  GlossSpan near_span = { 0 }, any_span = { 0 };

  if (n_text == 0)
    return FALSE;

  for (const char *p = strstr (all, text); p != NULL; p = strstr (p + 1, text))
    {
      guint cs = gloss_document_byte_to_cp (document, p - all);
      GlossSpan candidate = { cs, cs + (guint) g_utf8_strlen (p, n_text) };

      anywhere++;
      any_span = candidate;
      if (candidate.start + window >= s && candidate.start <= e + window)
        {
          near++;
          near_span = candidate;
        }
      if (anywhere > 1 && near > 1)
        break;
    }

  if (near == 1)
    *found = near_span;
  else if (near == 0 && anywhere == 1)
    *found = any_span;
  else
    return FALSE;
  return TRUE;
}

gboolean
_gloss_format_make_span_anchored (GlossImportContext *context,
                                  GlossDocument   *document,
                                  GlossOffsetUnit  unit,
                                  gint64           start,
                                  gint64           end,
                                  const char      *text,
                                  const char      *loc,
                                  const char      *path,
                                  GlossSpan       *span,
                                  GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  GlossSpan found;
  guint s, e;

  if (_gloss_format_make_span (document, unit, start, end, text, loc, path, span, &local_error))
    return TRUE;

  if (context->options->log == NULL || text == NULL ||
      !g_error_matches (local_error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SPAN) ||
      !gloss_document_offset_to_cp (document, unit, CLAMP (start, 0, G_MAXUINT32), &s) ||
      !gloss_document_offset_to_cp (document, unit, CLAMP (end, 0, G_MAXUINT32), &e) ||
      !find_quote (document, text, s, MAX (s, e), &found))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  _gloss_format_log_note (context, "%s: %s: re-anchored “%s” from %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT
                          " %s to %u–%u code points, the one place near it where the text is",
                          loc, path, text, start, end, _gloss_format_unit_name (unit),
                          found.start, found.end);
  *span = found;
  return TRUE;
}
