/* gloss-json-reader.c: a small pull parser for JSON over a byte buffer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 8259 exactly: no comments, no trailing commas, no NaN, strings of
 * valid UTF-8 without raw control characters and without lone surrogates.
 * Every read is checked against the end of the buffer; containers live on
 * a fixed stack of GLOSS_JSON_MAX_DEPTH frames.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-json-reader.h"
#include "gloss-json-reader-private.h"

static GlossJsonReader *
reader_new (const char *data,
            gsize       length,
            const char *where)
{
  GlossJsonReader *self = g_new0 (GlossJsonReader, 1);

  self->data = (const guchar *)(data != NULL ? data : "");
  self->length = data != NULL ? length : 0;
  self->where = g_strdup (where != NULL ? where : "input");
  self->state = ST_VALUE;
  self->token = GLOSS_JSON_END;
  self->first_line = 1;
  return self;
}

GlossJsonReader *
gloss_json_reader_new (const char *data,
                       gsize       length,
                       const char *where)
{
  GlossJsonReader *self = reader_new (data, length, where);

  /* A byte order mark is not JSON, but editors add it; it is harmless. */
  if (self->length >= 3 && memcmp (self->data, "\xef\xbb\xbf", 3) == 0)
    self->pos = 3;
  return self;
}

GlossJsonReader *
gloss_json_reader_new_at (const char *data,
                          gsize       length,
                          gsize       offset,
                          const char *where,
                          const char *prefix)
{
  GlossJsonReader *self = reader_new (data, length, where);

  self->pos = MIN (offset, self->length);
  self->prefix = g_strdup (prefix);
  self->single_value = TRUE;
  return self;
}

void
gloss_json_reader_free (GlossJsonReader *self)
{
  if (self == NULL)
    return;
  g_clear_error (&self->error);
  g_free (self->scratch);
  g_free (self->where);
  g_free (self->prefix);
  g_free (self);
}

GlossJsonToken
gloss_json_reader_get_token (GlossJsonReader *self)
{
  return self->token;
}

gsize
gloss_json_reader_get_offset (GlossJsonReader *self)
{
  return self->token_pos;
}

gsize
gloss_json_reader_get_position (GlossJsonReader *self)
{
  return self->pos;
}

guint
gloss_json_reader_get_depth (GlossJsonReader *self)
{
  return self->depth;
}

const GError *
gloss_json_reader_get_error (GlossJsonReader *self)
{
  return self->error;
}

GError *
gloss_json_reader_take_error (GlossJsonReader *self)
{
  return g_steal_pointer (&self->error);
}

/* ------------------------------------------------------------------------
 * Paths and errors
 */

void
gloss_json_reader_get_location (GlossJsonReader *self,
                                gsize            offset,
                                guint           *line,
                                guint           *column)
{
  const guchar *p = self->data;
  const guchar *nl;
  gsize line_start = 0;
  guint l = self->first_line, c = 1;

  offset = MIN (offset, self->length);
  while ((nl = memchr (p + line_start, '\n', offset - line_start)) != NULL)
    {
      l++;
      line_start = nl - p + 1;
    }
  for (gsize i = line_start; i < offset; i++)
    if ((p[i] & 0xc0) != 0x80)
      c++;

  *line = l;
  *column = c;
}

void
gloss_json_reader_set_first_line (GlossJsonReader *self,
                                  guint            line)
{
  self->first_line = line;
}

#define PATH_HEAD 4
#define PATH_TAIL 2

char *
gloss_json_reader_dup_path (GlossJsonReader *self)
{
  GString *path = g_string_new (self->prefix);

  for (guint i = 0; i < self->depth; i++)
    {
      const Frame *f = &self->stack[i];

      /* Deep nesting: the first and last few steps say enough. */
      if (i == PATH_HEAD && self->depth > PATH_HEAD + PATH_TAIL + 1)
        {
          g_string_append_printf (path, "…(%u more levels)…", self->depth - PATH_HEAD - PATH_TAIL);
          i = self->depth - PATH_TAIL - 1;
          continue;
        }

      if (f->is_array)
        {
          if (f->index >= 0)
            g_string_append_printf (path, "[%" G_GINT64_FORMAT "]", f->index);
        }
      else if (f->has_name)
        {
          GlossJsonReader tmp = { 0 };

          if (path->len > 0)
            g_string_append_c (path, '.');
          /* Re-decode the name: it was valid when read. */
          tmp.data = self->data;
          tmp.length = self->length;
          tmp.pos = f->name_pos;
          _gloss_json_reader_parse_string (&tmp, path);
          g_free (tmp.scratch);
        }
    }

  /* A member name may hold \u0000: keep the message one C string. */
  for (gsize i = 0; i < path->len; i++)
    if (path->str[i] == '\0')
      {
        g_string_erase (path, i, 1);
        g_string_insert (path, i, "\\u0000");
      }

  return g_string_free (path, FALSE);
}

static void set_error_valist (GlossJsonReader *self,
                              int              code,
                              const char      *prefix,
                              const char      *format,
                              va_list          args) G_GNUC_PRINTF (4, 0);

static void
set_error_valist (GlossJsonReader *self,
                  int              code,
                  const char      *prefix,
                  const char      *format,
                  va_list          args)
{
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;

  if (self->error != NULL)
    return;

  path = gloss_json_reader_dup_path (self);
  message = g_strdup_vprintf (format, args);
  self->error = g_error_new (GLOSS_FORMAT_ERROR, code, "%s: %s%s%s%s",
                             self->where, path, path[0] != '\0' ? ": " : "",
                             prefix != NULL ? prefix : "", message);
  self->resumable = code != GLOSS_FORMAT_ERROR_SYNTAX;
  self->resume_state = self->state;
  self->state = ST_DONE;
  self->token = GLOSS_JSON_ERROR;
}

void
gloss_json_reader_set_error (GlossJsonReader *self,
                             int              code,
                             const char      *format,
                             ...)
{
  va_list args;

  va_start (args, format);
  set_error_valist (self, code, NULL, format, args);
  va_end (args);
}

void
gloss_json_reader_propagate_error (GlossJsonReader *self,
                                   GError          *error)
{
  if (self->error != NULL)
    {
      g_error_free (error);
      return;
    }
  self->error = error;
  self->resumable = !g_error_matches (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SYNTAX);
  self->resume_state = self->state;
  self->state = ST_DONE;
  self->token = GLOSS_JSON_ERROR;
}

GError *
gloss_json_reader_resume (GlossJsonReader *self)
{
  g_return_val_if_fail (self->error != NULL, NULL);

  if (!self->resumable)
    return NULL;
  self->state = self->resume_state;
  self->resumable = FALSE;
  return g_steal_pointer (&self->error);
}

void
_gloss_json_reader_syntax_error (GlossJsonReader *self,
                                 gsize            at,
                                 const char      *format,
                                 ...)
{
  g_autofree char *prefix = NULL;
  va_list args;
  guint line, column;

  gloss_json_reader_get_location (self, at, &line, &column);
  prefix = g_strdup_printf ("malformed JSON at line %u, column %u: ", line, column);
  va_start (args, format);
  set_error_valist (self, GLOSS_FORMAT_ERROR_SYNTAX, prefix, format, args);
  va_end (args);
}

static void
unexpected (GlossJsonReader *self,
            const char      *expected)
{
  gsize at = self->pos;

  if (at >= self->length)
    _gloss_json_reader_syntax_error (self, at, "the input ends where %s should be", expected);
  else
    {
      guchar c = self->data[at];

      if (c >= 0x20 && c < 0x7f)
        _gloss_json_reader_syntax_error (self, at, "found '%c' where %s should be", c, expected);
      else
        _gloss_json_reader_syntax_error (self, at, "found byte 0x%02x where %s should be", (guint)c, expected);
    }
}

/* ------------------------------------------------------------------------
 * Tokens
 */

static inline void
skip_space (GlossJsonReader *self)
{
  const guchar *data = self->data;
  gsize p = self->pos;
  gsize n = self->length;

  while (p < n && (data[p] == ' ' || data[p] == '\n' || data[p] == '\r' || data[p] == '\t'))
    p++;
  self->pos = p;
}

static void
value_done (GlossJsonReader *self)
{
  if (self->depth > 0)
    self->state = ST_COMMA_OR_END;
  else
    self->state = self->single_value ? ST_DONE : ST_EOF;
}

static GlossJsonToken
emit (GlossJsonReader *self,
      GlossJsonToken   token)
{
  self->token = token;
  return token;
}

static GlossJsonToken
read_value (GlossJsonReader *self)
{
  const guchar *data = self->data;
  gsize n = self->length;
  guchar c;

  if (self->depth > 0 && self->stack[self->depth - 1].is_array)
    self->stack[self->depth - 1].index++;

  self->token_pos = self->pos;
  if (self->pos >= n)
    {
      unexpected (self, "a value");
      return emit (self, GLOSS_JSON_ERROR);
    }

  c = data[self->pos];
  switch (c)
    {
    case '{':
    case '[':
      if (self->depth >= GLOSS_JSON_MAX_DEPTH)
        {
          _gloss_json_reader_syntax_error (self, self->pos, "nested more than %d levels deep", GLOSS_JSON_MAX_DEPTH);
          return emit (self, GLOSS_JSON_ERROR);
        }
      self->pos++;
      self->stack[self->depth].is_array = c == '[';
      self->stack[self->depth].index = -1;
      self->stack[self->depth].has_name = FALSE;
      self->depth++;
      self->state = c == '[' ? ST_VALUE_OR_END : ST_MEMBER_OR_END;
      return emit (self, c == '[' ? GLOSS_JSON_BEGIN_ARRAY : GLOSS_JSON_BEGIN_OBJECT);

    case '"':
      if (!_gloss_json_reader_parse_string (self, NULL))
        return emit (self, GLOSS_JSON_ERROR);
      value_done (self);
      return emit (self, GLOSS_JSON_STRING);

    case 't':
      if (n - self->pos >= 4 && memcmp (data + self->pos, "true", 4) == 0)
        {
          self->pos += 4;
          value_done (self);
          return emit (self, GLOSS_JSON_TRUE);
        }
      break;

    case 'f':
      if (n - self->pos >= 5 && memcmp (data + self->pos, "false", 5) == 0)
        {
          self->pos += 5;
          value_done (self);
          return emit (self, GLOSS_JSON_FALSE);
        }
      break;

    case 'n':
      if (n - self->pos >= 4 && memcmp (data + self->pos, "null", 4) == 0)
        {
          self->pos += 4;
          value_done (self);
          return emit (self, GLOSS_JSON_NULL);
        }
      break;

    default:
      if (c == '-' || g_ascii_isdigit (c))
        {
          if (!_gloss_json_reader_parse_number (self))
            return emit (self, GLOSS_JSON_ERROR);
          value_done (self);
          return emit (self, GLOSS_JSON_NUMBER);
        }
      break;
    }

  unexpected (self, "a value");
  return emit (self, GLOSS_JSON_ERROR);
}

static GlossJsonToken
read_member (GlossJsonReader *self)
{
  Frame *f = &self->stack[self->depth - 1];

  self->token_pos = self->pos;
  if (self->pos >= self->length || self->data[self->pos] != '"')
    {
      unexpected (self, "a member name in quotes");
      return emit (self, GLOSS_JSON_ERROR);
    }
  f->name_pos = self->pos;
  f->has_name = TRUE;
  if (!_gloss_json_reader_parse_string (self, NULL))
    return emit (self, GLOSS_JSON_ERROR);

  skip_space (self);
  if (self->pos >= self->length || self->data[self->pos] != ':')
    {
      unexpected (self, "':' after the member name");
      return emit (self, GLOSS_JSON_ERROR);
    }
  self->pos++;
  self->state = ST_VALUE;
  return emit (self, GLOSS_JSON_MEMBER);
}

static GlossJsonToken
close_container (GlossJsonReader *self)
{
  gboolean is_array = self->stack[self->depth - 1].is_array;

  self->token_pos = self->pos;
  self->pos++;
  self->depth--;
  value_done (self);
  return emit (self, is_array ? GLOSS_JSON_END_ARRAY : GLOSS_JSON_END_OBJECT);
}

GlossJsonToken
gloss_json_reader_next (GlossJsonReader *self)
{
  g_return_val_if_fail (self != NULL, GLOSS_JSON_ERROR);

  for (;;)
    {
      guchar c;

      if (self->error != NULL)
        return emit (self, GLOSS_JSON_ERROR);

      skip_space (self);
      c = self->pos < self->length ? self->data[self->pos] : 0;

      switch (self->state)
        {
        case ST_VALUE:
          return read_value (self);

        case ST_VALUE_OR_END:
          if (c == ']')
            return close_container (self);
          return read_value (self);

        case ST_MEMBER:
          return read_member (self);

        case ST_MEMBER_OR_END:
          if (c == '}')
            return close_container (self);
          return read_member (self);

        case ST_COMMA_OR_END:
          {
            gboolean is_array = self->stack[self->depth - 1].is_array;

            if (c == ',')
              {
                self->pos++;
                self->state = is_array ? ST_VALUE : ST_MEMBER;
                continue;
              }
            if (c == (is_array ? ']' : '}'))
              return close_container (self);
            unexpected (self, is_array ? "',' or ']'" : "',' or '}'");
            return emit (self, GLOSS_JSON_ERROR);
          }

        case ST_EOF:
          self->token_pos = self->pos;
          if (self->pos < self->length)
            {
              _gloss_json_reader_syntax_error (self, self->pos, "more content after the end of the JSON value");
              return emit (self, GLOSS_JSON_ERROR);
            }
          self->state = ST_DONE;
          return emit (self, GLOSS_JSON_END);

        case ST_DONE:
        default:
          return emit (self, GLOSS_JSON_END);
        }
    }
}

gboolean
gloss_json_reader_skip (GlossJsonReader *self)
{
  guint target;

  if (self->token == GLOSS_JSON_ERROR)
    return FALSE;
  if (self->token != GLOSS_JSON_BEGIN_OBJECT && self->token != GLOSS_JSON_BEGIN_ARRAY)
    return TRUE;

  target = self->depth - 1;
  for (;;)
    {
      GlossJsonToken t = gloss_json_reader_next (self);

      if (t == GLOSS_JSON_ERROR)
        return FALSE;
      if (t == GLOSS_JSON_END)
        {
          /* Cannot happen: END comes only after the value is closed. */
          unexpected (self, "the end of a container");
          return FALSE;
        }
      if ((t == GLOSS_JSON_END_OBJECT || t == GLOSS_JSON_END_ARRAY) && self->depth == target)
        return TRUE;
    }
}

/* A scalar token as a node; NULL (with the reader's error set) if it
 * cannot be one. */
static JsonNode *
scalar_node (GlossJsonReader *self)
{
  JsonNode *node;

  switch (self->token)
    {
    case GLOSS_JSON_STRING:
      if (memchr (self->str, '\0', self->str_len) != NULL)
        {
          gloss_json_reader_set_error (self, GLOSS_FORMAT_ERROR_INVALID,
                                       "a string holds a NUL character (\\u0000), which Gloss cannot keep");
          return NULL;
        }
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, gloss_json_reader_get_cstring (self, NULL));
      return node;

    case GLOSS_JSON_NUMBER:
      {
        gint64 i;
        double d;

        node = json_node_new (JSON_NODE_VALUE);
        if (gloss_json_reader_get_int64 (self, &i))
          json_node_set_int (node, i);
        else if (gloss_json_reader_get_double (self, &d))
          json_node_set_double (node, d);
        else
          {
            json_node_unref (node);
            gloss_json_reader_set_error (self, GLOSS_FORMAT_ERROR_INVALID,
                                         "the number %.*s is out of range",
                                         (int)MIN (self->num_len, 40),
                                         (const char *)self->data + self->token_pos);
            return NULL;
          }
        return node;
      }

    case GLOSS_JSON_TRUE:
    case GLOSS_JSON_FALSE:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_boolean (node, self->token == GLOSS_JSON_TRUE);
      return node;

    case GLOSS_JSON_NULL:
      return json_node_new (JSON_NODE_NULL);

    case GLOSS_JSON_BEGIN_OBJECT:
    case GLOSS_JSON_BEGIN_ARRAY:
    case GLOSS_JSON_END:
    case GLOSS_JSON_ERROR:
    case GLOSS_JSON_END_OBJECT:
    case GLOSS_JSON_END_ARRAY:
    case GLOSS_JSON_MEMBER:
    default:
      g_return_val_if_reached (NULL);
    }
}

JsonNode *
gloss_json_reader_read_node (GlossJsonReader *self)
{
  g_autoptr(GPtrArray) containers = NULL;   /* JsonNode, not owned */
  g_autoptr(GPtrArray) names = NULL;        /* char *, pending member names */
  JsonNode *root = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->token == GLOSS_JSON_ERROR)
    return NULL;
  if (self->token != GLOSS_JSON_BEGIN_OBJECT && self->token != GLOSS_JSON_BEGIN_ARRAY)
    {
      g_return_val_if_fail (self->token >= GLOSS_JSON_STRING, NULL);
      return scalar_node (self);
    }

  containers = g_ptr_array_new ();
  names = g_ptr_array_new_with_free_func (g_free);

  for (;;)
    {
      GlossJsonToken t = self->token;
      JsonNode *node;

      if (t == GLOSS_JSON_END_OBJECT || t == GLOSS_JSON_END_ARRAY)
        {
          g_ptr_array_set_size (containers, containers->len - 1);
          g_ptr_array_set_size (names, names->len - 1);
          if (containers->len == 0)
            return root;
          goto next;
        }
      if (t == GLOSS_JSON_MEMBER)
        {
          JsonNode *parent = containers->pdata[containers->len - 1];
          const char *name = gloss_json_reader_get_cstring (self, NULL);

          if (memchr (self->str, '\0', self->str_len) != NULL)
            {
              gloss_json_reader_set_error (self, GLOSS_FORMAT_ERROR_INVALID,
                                           "a member name holds a NUL character (\\u0000)");
              goto fail;
            }
          if (json_object_has_member (json_node_get_object (parent), name))
            {
              gloss_json_reader_set_error (self, GLOSS_FORMAT_ERROR_INVALID,
                                           "the member appears twice in the object");
              goto fail;
            }
          g_free (names->pdata[names->len - 1]);
          names->pdata[names->len - 1] = g_strdup (name);
          goto next;
        }
      if (t == GLOSS_JSON_BEGIN_OBJECT)
        {
          node = json_node_new (JSON_NODE_OBJECT);
          json_node_take_object (node, json_object_new ());
        }
      else if (t == GLOSS_JSON_BEGIN_ARRAY)
        {
          node = json_node_new (JSON_NODE_ARRAY);
          json_node_take_array (node, json_array_new ());
        }
      else if (t >= GLOSS_JSON_STRING)
        {
          node = scalar_node (self);
          if (node == NULL)
            goto fail;
        }
      else
        goto fail;   /* ERROR or END */

      if (root == NULL)
        root = node;
      else
        {
          JsonNode *parent = containers->pdata[containers->len - 1];

          if (JSON_NODE_HOLDS_ARRAY (parent))
            json_array_add_element (json_node_get_array (parent), node);
          else
            json_object_set_member (json_node_get_object (parent),
                                    names->pdata[names->len - 1], node);
        }
      if (t == GLOSS_JSON_BEGIN_OBJECT || t == GLOSS_JSON_BEGIN_ARRAY)
        {
          g_ptr_array_add (containers, node);
          g_ptr_array_add (names, NULL);
        }

    next:
      gloss_json_reader_next (self);
    }

fail:
  g_clear_pointer (&root, json_node_unref);
  return NULL;
}
