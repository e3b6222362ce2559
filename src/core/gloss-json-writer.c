/* gloss-json-writer.c: deterministic JSON output into a GString
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib's JsonGenerator escapes more than it needs to and cannot mix
 * layouts; .gloss files want pretty headers and one annotation per line.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "gloss-json-writer.h"

/* 1: the byte needs an escape. */
static const guint8 needs_escape[256] = {
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,   /* '"' */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,   /* '\\' */
};

/* g_string_append_len() without the call when the bytes fit (GLib 2.76
 * inlines it the same way; 2.74 does not, and the exporters append
 * millions of short pieces). */
static inline void
append_len (GString    *out,
            const char *bytes,
            gsize       n)
{
  if (G_LIKELY (out->len + n < out->allocated_len))
    {
      memcpy (out->str + out->len, bytes, n);
      out->len += n;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, bytes, n);
}

static void
append_escape (GString *out,
               guchar   c)
{
  static const char hex[] = "0123456789abcdef";
  char buf[6] = { '\\', 'u', '0', '0', 0, 0 };

  switch (c)
    {
    case '"': append_len (out, "\\\"", 2); return;
    case '\\': append_len (out, "\\\\", 2); return;
    case '\n': append_len (out, "\\n", 2); return;
    case '\t': append_len (out, "\\t", 2); return;
    case '\r': append_len (out, "\\r", 2); return;
    case '\b': append_len (out, "\\b", 2); return;
    case '\f': append_len (out, "\\f", 2); return;
    default:
      buf[4] = hex[c >> 4];
      buf[5] = hex[c & 0xf];
      append_len (out, buf, 6);
    }
}

/* Valid UTF-8 (NUL allowed: it is escaped). */
static gboolean
is_utf8 (const char *str,
         gsize       length)
{
  const char *p = str;
  const char *end = str + length;

  while (p < end)
    {
      const char *nul = memchr (p, '\0', end - p);
      gsize n = nul != NULL ? (gsize)(nul - p) : (gsize)(end - p);

      if (!g_utf8_validate_len (p, n, NULL))
        return FALSE;
      p += n + (nul != NULL);
    }
  return TRUE;
}

void
gloss_json_write_string (GString    *out,
                         const char *str,
                         gssize      length)
{
  const guchar *p, *end, *run, *ascii;
  gsize n;

  if (str == NULL)
    {
      append_len (out, "null", 4);
      return;
    }
  n = length < 0 ? strlen (str) : (gsize)length;
  p = run = (const guchar *)str;
  end = p + n;

  /* Member names, labels, ids: ASCII with nothing to escape, one copy. */
  for (ascii = p; ascii < end && *ascii < 0x80 && !needs_escape[*ascii]; ascii++)
    ;
  if (ascii == end)
    {
      g_string_append_c (out, '"');
      append_len (out, str, n);
      g_string_append_c (out, '"');
      return;
    }

  /* An ASCII prefix is valid as it is (member names, labels, ids): only
   * what follows the first other byte needs the check. */
  for (ascii = p; ascii < end && *ascii < 0x80; ascii++)
    ;
  g_string_append_c (out, '"');
  if (G_LIKELY (ascii == end || is_utf8 ((const char *)ascii, end - ascii)))
    {
      while (p < end)
        {
          if (G_UNLIKELY (needs_escape[*p]))
            {
              append_len (out, (const char *)run, p - run);
              append_escape (out, *p);
              run = p + 1;
            }
          p++;
        }
      append_len (out, (const char *)run, p - run);
    }
  else
    {
      while (p < end)
        {
          gunichar c;

          if (*p < 0x80)
            {
              if (needs_escape[*p])
                append_escape (out, *p);
              else
                g_string_append_c (out, *p);
              p++;
              continue;
            }
          c = g_utf8_get_char_validated ((const char *)p, end - p);
          if (c == (gunichar)-1 || c == (gunichar)-2)
            {
              append_len (out, "\xef\xbf\xbd", 3);
              p++;
            }
          else
            {
              guint len = g_utf8_skip[*p];

              append_len (out, (const char *)p, len);
              p += len;
            }
        }
    }
  g_string_append_c (out, '"');
}

void
gloss_json_write_uint (GString *out,
                       guint64  value)
{
  char buf[24];
  char *p = buf + sizeof buf;

  do
    {
      *--p = '0' + value % 10;
      value /= 10;
    }
  while (value != 0);
  append_len (out, p, buf + sizeof buf - p);
}

void
gloss_json_write_int (GString *out,
                      gint64   value)
{
  if (value < 0)
    {
      g_string_append_c (out, '-');
      gloss_json_write_uint (out, (guint64)0 - (guint64)value);
    }
  else
    gloss_json_write_uint (out, (guint64)value);
}

void
gloss_json_write_double (GString *out,
                         double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      append_len (out, "null", 4);
      return;
    }

  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
  if (strpbrk (buf, ".e") == NULL)
    append_len (out, ".0", 2);
}

void
gloss_json_write_newline (GString *out,
                          guint    level)
{
  static const char spaces[] = "                                ";   /* 32 */
  guint n = level * 2;

  g_string_append_c (out, '\n');
  while (n > 0)
    {
      guint k = MIN (n, sizeof spaces - 1);

      append_len (out, spaces, k);
      n -= k;
    }
}

static void
write_value (GString  *out,
             JsonNode *node)
{
  GType type = json_node_get_value_type (node);

  if (type == G_TYPE_STRING)
    gloss_json_write_string (out, json_node_get_string (node), -1);
  else if (type == G_TYPE_INT64)
    gloss_json_write_int (out, json_node_get_int (node));
  else if (type == G_TYPE_DOUBLE)
    gloss_json_write_double (out, json_node_get_double (node));
  else if (type == G_TYPE_BOOLEAN)
    g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
  else
    append_len (out, "null", 4);
}

void
gloss_json_write_node (GString  *out,
                       JsonNode *node,
                       gboolean  pretty,
                       guint     level)
{
  if (node == NULL)
    {
      append_len (out, "null", 4);
      return;
    }

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;

        if (object == NULL || json_object_get_size (object) == 0)
          {
            append_len (out, "{}", 2);
            return;
          }
        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, object);
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            if (!first)
              g_string_append_c (out, ',');
            if (pretty)
              gloss_json_write_newline (out, level + 1);
            else if (!first)
              g_string_append_c (out, ' ');
            first = FALSE;
            gloss_json_write_string (out, name, -1);
            append_len (out, ": ", 2);
            gloss_json_write_node (out, member, pretty, level + 1);
          }
        if (pretty)
          gloss_json_write_newline (out, level);
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = array != NULL ? json_array_get_length (array) : 0;

        if (n == 0)
          {
            append_len (out, "[]", 2);
            return;
          }
        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            if (pretty)
              gloss_json_write_newline (out, level + 1);
            else if (i > 0)
              g_string_append_c (out, ' ');
            gloss_json_write_node (out, json_array_get_element (array, i), pretty, level + 1);
          }
        if (pretty)
          gloss_json_write_newline (out, level);
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      write_value (out, node);
      break;

    case JSON_NODE_NULL:
    default:
      append_len (out, "null", 4);
      break;
    }
}

char *
gloss_json_node_to_string (JsonNode *node,
                           gboolean  pretty)
{
  GString *out = g_string_new (NULL);

  gloss_json_write_node (out, node, pretty, 0);
  return g_string_free (out, FALSE);
}

/* GlossJsonWriter */

typedef struct
{
  gboolean has_value;
  gboolean in_object;
} Level;

void
gloss_json_writer_init (GlossJsonWriter *writer,
                        GString         *out,
                        gboolean         pretty)
{
  *writer = (GlossJsonWriter) { .out = out, .pretty = pretty };
  writer->stack = g_array_new (FALSE, FALSE, sizeof (Level));
}

void
gloss_json_writer_init_in_array (GlossJsonWriter *writer,
                                 GString         *out,
                                 gboolean         pretty,
                                 gboolean         after_element)
{
  Level outside = { FALSE, FALSE };

  gloss_json_writer_init (writer, out, pretty);
  g_array_append_val (writer->stack, outside);
  writer->depth = 1;
  writer->has_value = after_element;
}

void
gloss_json_writer_clear (GlossJsonWriter *writer)
{
  g_clear_pointer (&writer->stack, g_array_unref);
}

void
gloss_json_writer_begin_line (GlossJsonWriter *writer,
                              GlossJsonWriter *line)
{
  g_return_if_fail (writer->depth > 0 && !writer->in_object);

  if (writer->has_value)
    g_string_append_c (writer->out, ',');
  gloss_json_write_newline (writer->out, writer->depth);
  writer->has_value = TRUE;
  gloss_json_writer_init (line, writer->out, FALSE);
}

/* Before a value: the separator and indentation of an array's element
 * (an object's member has had them before its name). */
static void
before_value (GlossJsonWriter *writer)
{
  if (writer->depth == 0 || writer->in_object)
    return;
  if (writer->has_value)
    g_string_append_c (writer->out, ',');
  if (writer->pretty)
    gloss_json_write_newline (writer->out, writer->depth);
  writer->has_value = TRUE;
}

static void
begin (GlossJsonWriter *writer,
       gboolean         object)
{
  Level level = { writer->has_value, writer->in_object };

  before_value (writer);
  g_string_append_c (writer->out, object ? '{' : '[');
  level.has_value = writer->has_value;
  g_array_append_val (writer->stack, level);
  writer->depth++;
  writer->has_value = FALSE;
  writer->in_object = object;
}

static void
end (GlossJsonWriter *writer,
     gboolean         object)
{
  Level level;

  g_return_if_fail (writer->depth > 0 && writer->in_object == object);

  writer->depth--;
  if (writer->has_value && writer->pretty)
    gloss_json_write_newline (writer->out, writer->depth);
  else if (object && writer->pretty)
    {
      /* JsonGenerator's own way with an empty object. */
      for (guint i = 0; i < writer->depth; i++)
        append_len (writer->out, "  ", 2);
    }
  g_string_append_c (writer->out, object ? '}' : ']');
  level = g_array_index (writer->stack, Level, writer->stack->len - 1);
  g_array_set_size (writer->stack, writer->stack->len - 1);
  writer->has_value = level.has_value;
  writer->in_object = level.in_object;
}

void
gloss_json_writer_begin_object (GlossJsonWriter *writer)
{
  begin (writer, TRUE);
}

void
gloss_json_writer_end_object (GlossJsonWriter *writer)
{
  end (writer, TRUE);
}

void
gloss_json_writer_begin_array (GlossJsonWriter *writer)
{
  begin (writer, FALSE);
}

void
gloss_json_writer_end_array (GlossJsonWriter *writer)
{
  end (writer, FALSE);
}

/* "NAME": in one piece, for a short name with nothing to escape (every
 * member an exporter writes); FALSE for another. */
static gboolean
member_fast (GString    *out,
             const char *name)
{
  char buf[64];
  gsize n = 0;

  buf[n++] = '"';
  for (const guchar *p = (const guchar *) name; *p != '\0'; p++)
    {
      if (*p >= 0x80 || needs_escape[*p] || n >= sizeof buf - 2)
        return FALSE;
      buf[n++] = *p;
    }
  buf[n++] = '"';
  buf[n++] = ':';
  append_len (out, buf, n);
  return TRUE;
}

void
gloss_json_writer_member (GlossJsonWriter *writer,
                          const char      *name)
{
  g_return_if_fail (writer->depth > 0 && writer->in_object);

  if (writer->has_value)
    g_string_append_c (writer->out, ',');
  if (writer->pretty)
    gloss_json_write_newline (writer->out, writer->depth);
  writer->has_value = TRUE;
  if (!writer->pretty && member_fast (writer->out, name))
    return;
  gloss_json_write_string (writer->out, name, -1);
  if (writer->pretty)
    append_len (writer->out, " : ", 3);
  else
    g_string_append_c (writer->out, ':');
}

void
gloss_json_writer_string (GlossJsonWriter *writer,
                          const char      *value)
{
  before_value (writer);
  gloss_json_write_string (writer->out, value, -1);
}

void
gloss_json_writer_string_len (GlossJsonWriter *writer,
                              const char      *value,
                              gsize            length)
{
  before_value (writer);
  gloss_json_write_string (writer->out, value, (gssize) length);
}

void
gloss_json_writer_int (GlossJsonWriter *writer,
                       gint64           value)
{
  before_value (writer);
  gloss_json_write_int (writer->out, value);
}

void
gloss_json_writer_boolean (GlossJsonWriter *writer,
                           gboolean         value)
{
  before_value (writer);
  if (value)
    append_len (writer->out, "true", 4);
  else
    append_len (writer->out, "false", 5);
}

void
gloss_json_writer_null (GlossJsonWriter *writer)
{
  before_value (writer);
  append_len (writer->out, "null", 4);
}

void
gloss_json_writer_object (GlossJsonWriter *writer,
                          JsonObject      *object)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  gloss_json_writer_begin_object (writer);
  if (object != NULL)
    {
      json_object_iter_init_ordered (&iter, object);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        {
          gloss_json_writer_member (writer, name);
          gloss_json_writer_node (writer, member);
        }
    }
  gloss_json_writer_end_object (writer);
}

void
gloss_json_writer_node (GlossJsonWriter *writer,
                        JsonNode        *node)
{
  if (node == NULL)
    {
      gloss_json_writer_null (writer);
      return;
    }

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      gloss_json_writer_object (writer, json_node_get_object (node));
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = array != NULL ? json_array_get_length (array) : 0;

        gloss_json_writer_begin_array (writer);
        for (guint i = 0; i < n; i++)
          gloss_json_writer_node (writer, json_array_get_element (array, i));
        gloss_json_writer_end_array (writer);
      }
      break;

    case JSON_NODE_VALUE:
      before_value (writer);
      write_value (writer->out, node);
      break;

    case JSON_NODE_NULL:
    default:
      gloss_json_writer_null (writer);
      break;
    }
}
