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

typedef enum
{
  ST_VALUE,            /* a value must come */
  ST_VALUE_OR_END,     /* just after '[' */
  ST_MEMBER,           /* just after ',' in an object */
  ST_MEMBER_OR_END,    /* just after '{' */
  ST_COMMA_OR_END,     /* after a value inside a container */
  ST_EOF,              /* after the top-level value */
  ST_DONE,
} State;

typedef struct
{
  gsize    name_pos;   /* objects: offset of the current member name's quote */
  gint64   index;      /* arrays: index of the current element, -1 before */
  gboolean is_array;
  gboolean has_name;
} Frame;

struct _GlossJsonReader
{
  const guchar  *data;
  gsize          length;
  gsize          pos;
  char          *where;
  char          *prefix;
  gboolean       single_value;

  State          state;
  GlossJsonToken token;
  gsize          token_pos;
  guint          depth;
  Frame          stack[GLOSS_JSON_MAX_DEPTH];

  const char    *str;
  gsize          str_len;
  gboolean       str_in_scratch;
  char          *scratch;
  gsize          scratch_alloc;
  gsize          scratch_len;

  gsize          num_len;
  gboolean       num_is_int;

  GError        *error;
  State          resume_state;   /* where a checking error stopped the reader */
  gboolean       resumable;
};

/* 1: a byte a string can hold as is (printable ASCII other than " and \). */
static const guint8 plain[256] = {
#define R16(x) x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x
  R16 (0), R16 (0),
  1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,   /* 0x20: '"' is 0x22 */
  R16 (1), R16 (1),
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,   /* 0x50: '\\' is 0x5c */
  R16 (1), R16 (1),
  R16 (0), R16 (0), R16 (0), R16 (0), R16 (0), R16 (0), R16 (0), R16 (0),
#undef R16
};

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
 * Strings
 */

static void
scratch_reserve (GlossJsonReader *self,
                 gsize            more)
{
  gsize need = self->scratch_len + more + 1;

  if (need <= self->scratch_alloc)
    return;
  self->scratch_alloc = MAX (need, MAX (64, self->scratch_alloc * 2));
  self->scratch = g_realloc (self->scratch, self->scratch_alloc);
}

static void
scratch_append (GlossJsonReader *self,
                const void      *bytes,
                gsize            n)
{
  scratch_reserve (self, n);
  memcpy (self->scratch + self->scratch_len, bytes, n);
  self->scratch_len += n;
}

/* Length of the valid UTF-8 sequence of a non-ASCII lead byte at @p, or 0. */
static guint
utf8_sequence (const guchar *p,
               const guchar *end)
{
  guchar c = p[0];
  guchar lo = 0x80, hi = 0xbf;
  guint n;

  if (c >= 0xc2 && c <= 0xdf)
    n = 2;
  else if (c >= 0xe0 && c <= 0xef)
    {
      n = 3;
      if (c == 0xe0)
        lo = 0xa0;
      else if (c == 0xed)   /* no UTF-16 surrogates */
        hi = 0x9f;
    }
  else if (c >= 0xf0 && c <= 0xf4)
    {
      n = 4;
      if (c == 0xf0)
        lo = 0x90;
      else if (c == 0xf4)
        hi = 0x8f;
    }
  else
    return 0;

  if ((gsize)(end - p) < n)
    return 0;
  if (p[1] < lo || p[1] > hi)
    return 0;
  for (guint i = 2; i < n; i++)
    if (p[i] < 0x80 || p[i] > 0xbf)
      return 0;
  return n;
}

static int
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Four hex digits at @p (bounds checked by the caller); -1 if not hex. */
static gint32
read_hex4 (const guchar *p)
{
  gint32 v = 0;

  for (int i = 0; i < 4; i++)
    {
      int h = hex_value (p[i]);

      if (h < 0)
        return -1;
      v = (v << 4) | h;
    }
  return v;
}

static void syntax_error (GlossJsonReader *self,
                          gsize            at,
                          const char      *format,
                          ...) G_GNUC_PRINTF (3, 4);

/* Parses the string whose opening quote is at self->pos. On success,
 * self->str/str_len hold the decoded text and self->pos is past the
 * closing quote. With @out set (re-decoding a member name for a path),
 * the text is appended there instead and errors are not reported. */
static gboolean
parse_string (GlossJsonReader *self,
              GString         *out)
{
  const guchar *data = self->data;
  const guchar *end = data + self->length;
  const guchar *start = data + self->pos + 1;
  const guchar *p = start;
  const guchar *run;
  gboolean escaped = FALSE;

  /* Fast path: no escapes, the common case. */
  for (;;)
    {
      while (p < end && plain[*p])
        p++;
      if (p >= end)
        goto unterminated;
      if (*p == '"')
        {
          if (out != NULL)
            g_string_append_len (out, (const char *)start, p - start);
          self->str = (const char *)start;
          self->str_len = p - start;
          self->str_in_scratch = FALSE;
          self->pos = p + 1 - data;
          return TRUE;
        }
      if (*p == '\\')
        break;
      if (*p < 0x20)
        goto control;
      {
        guint n = utf8_sequence (p, end);

        if (n == 0)
          goto bad_utf8;
        p += n;
      }
    }

  /* Slow path: decode into the scratch buffer. */
  escaped = TRUE;
  self->scratch_len = 0;
  scratch_append (self, start, p - start);
  run = p;
  for (;;)
    {
      while (p < end && plain[*p])
        p++;
      if (p >= end)
        goto unterminated;
      if (*p == '"')
        {
          scratch_append (self, run, p - run);
          break;
        }
      if (*p < 0x20)
        goto control;
      if (*p >= 0x80)
        {
          guint n = utf8_sequence (p, end);

          if (n == 0)
            goto bad_utf8;
          p += n;
          continue;
        }

      /* A backslash. */
      scratch_append (self, run, p - run);
      if (end - p < 2)
        goto unterminated;
      switch (p[1])
        {
        case '"': scratch_append (self, "\"", 1); p += 2; break;
        case '\\': scratch_append (self, "\\", 1); p += 2; break;
        case '/': scratch_append (self, "/", 1); p += 2; break;
        case 'b': scratch_append (self, "\b", 1); p += 2; break;
        case 'f': scratch_append (self, "\f", 1); p += 2; break;
        case 'n': scratch_append (self, "\n", 1); p += 2; break;
        case 'r': scratch_append (self, "\r", 1); p += 2; break;
        case 't': scratch_append (self, "\t", 1); p += 2; break;
        case 'u':
          {
            gint32 u;
            char buf[8];
            int n;

            if (end - p < 6 || (u = read_hex4 (p + 2)) < 0)
              {
                if (out == NULL)
                  syntax_error (self, p - data, "\\u must be followed by four hexadecimal digits");
                return FALSE;
              }
            if (u >= 0xdc00 && u <= 0xdfff)
              {
                if (out == NULL)
                  syntax_error (self, p - data,
                                "\\u%04X is a lone low surrogate; text must be valid Unicode", (guint)u);
                return FALSE;
              }
            if (u >= 0xd800 && u <= 0xdbff)
              {
                gint32 lo;

                if (end - p < 12 || p[6] != '\\' || p[7] != 'u' ||
                    (lo = read_hex4 (p + 8)) < 0xdc00 || lo > 0xdfff)
                  {
                    if (out == NULL)
                      syntax_error (self, p - data,
                                    "\\u%04X is a high surrogate without its low half; text must be valid Unicode",
                                    (guint)u);
                    return FALSE;
                  }
                u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
                p += 12;
              }
            else
              p += 6;
            n = g_unichar_to_utf8 (u, buf);
            scratch_append (self, buf, n);
          }
          break;
        default:
          if (out == NULL)
            syntax_error (self, p - data, "unknown escape \\%c in a string",
                          g_ascii_isprint (p[1]) ? p[1] : '?');
          return FALSE;
        }
      run = p;
    }

  g_assert (escaped);
  self->scratch[self->scratch_len] = '\0';
  if (out != NULL)
    g_string_append_len (out, self->scratch, self->scratch_len);
  self->str = self->scratch;
  self->str_len = self->scratch_len;
  self->str_in_scratch = TRUE;
  self->pos = p + 1 - data;
  return TRUE;

unterminated:
  if (out == NULL)
    syntax_error (self, self->pos, "the string that starts here never ends");
  return FALSE;

control:
  if (out == NULL)
    syntax_error (self, p - data,
                  "a raw control character (U+%04X) in a string; it must be written as an escape",
                  (guint)*p);
  return FALSE;

bad_utf8:
  if (out == NULL)
    syntax_error (self, p - data, "invalid UTF-8 (byte 0x%02x) in a string", (guint)*p);
  return FALSE;
}

const char *
gloss_json_reader_get_string (GlossJsonReader *self,
                              gsize           *length)
{
  g_return_val_if_fail (self->token == GLOSS_JSON_STRING || self->token == GLOSS_JSON_MEMBER, NULL);

  if (length != NULL)
    *length = self->str_len;
  return self->str;
}

const char *
gloss_json_reader_get_cstring (GlossJsonReader *self,
                               gsize           *length)
{
  g_return_val_if_fail (self->token == GLOSS_JSON_STRING || self->token == GLOSS_JSON_MEMBER, NULL);

  if (!self->str_in_scratch)
    {
      self->scratch_len = 0;
      scratch_append (self, self->str, self->str_len);
      self->scratch[self->scratch_len] = '\0';
      self->str = self->scratch;
      self->str_in_scratch = TRUE;
    }
  if (length != NULL)
    *length = self->str_len;
  return self->str;
}

gboolean
gloss_json_reader_string_equal (GlossJsonReader *self,
                                const char      *str)
{
  gsize n = strlen (str);

  return (self->token == GLOSS_JSON_STRING || self->token == GLOSS_JSON_MEMBER) &&
         self->str_len == n && memcmp (self->str, str, n) == 0;
}

/* ------------------------------------------------------------------------
 * Numbers
 */

static gboolean
parse_number (GlossJsonReader *self)
{
  const guchar *data = self->data;
  gsize p = self->pos;
  gsize n = self->length;
  gboolean is_int = TRUE;

  if (p < n && data[p] == '-')
    p++;
  if (p >= n || !g_ascii_isdigit (data[p]))
    {
      syntax_error (self, p, "a number must have digits");
      return FALSE;
    }
  if (data[p] == '0')
    {
      p++;
      if (p < n && g_ascii_isdigit (data[p]))
        {
          syntax_error (self, self->pos, "a number cannot start with 0");
          return FALSE;
        }
    }
  else
    while (p < n && g_ascii_isdigit (data[p]))
      p++;

  if (p < n && data[p] == '.')
    {
      is_int = FALSE;
      p++;
      if (p >= n || !g_ascii_isdigit (data[p]))
        {
          syntax_error (self, p, "a digit must follow the decimal point");
          return FALSE;
        }
      while (p < n && g_ascii_isdigit (data[p]))
        p++;
    }
  if (p < n && (data[p] == 'e' || data[p] == 'E'))
    {
      is_int = FALSE;
      p++;
      if (p < n && (data[p] == '+' || data[p] == '-'))
        p++;
      if (p >= n || !g_ascii_isdigit (data[p]))
        {
          syntax_error (self, p, "a digit must follow the exponent");
          return FALSE;
        }
      while (p < n && g_ascii_isdigit (data[p]))
        p++;
    }

  self->num_len = p - self->pos;
  self->num_is_int = is_int;
  self->pos = p;
  return TRUE;
}

const char *
gloss_json_reader_get_number_text (GlossJsonReader *self,
                                   gsize           *length)
{
  g_return_val_if_fail (self->token == GLOSS_JSON_NUMBER, NULL);

  if (length != NULL)
    *length = self->num_len;
  return (const char *)self->data + self->token_pos;
}

gboolean
gloss_json_reader_get_uint32 (GlossJsonReader *self,
                              guint32         *value)
{
  const guchar *p = self->data + self->token_pos;
  guint64 v = 0;

  if (self->token != GLOSS_JSON_NUMBER || !self->num_is_int || p[0] == '-')
    return FALSE;
  for (gsize i = 0; i < self->num_len; i++)
    {
      v = v * 10 + (p[i] - '0');
      if (v > G_MAXUINT32)
        return FALSE;
    }
  *value = (guint32)v;
  return TRUE;
}

gboolean
gloss_json_reader_get_int64 (GlossJsonReader *self,
                             gint64          *value)
{
  const guchar *p = self->data + self->token_pos;
  gboolean negative;
  guint64 v = 0;
  guint64 limit;
  gsize i = 0;

  if (self->token != GLOSS_JSON_NUMBER || !self->num_is_int)
    return FALSE;

  negative = p[0] == '-';
  if (negative)
    i = 1;
  limit = negative ? (guint64)G_MAXINT64 + 1 : (guint64)G_MAXINT64;
  for (; i < self->num_len; i++)
    {
      guint d = p[i] - '0';

      if (v > (limit - d) / 10)
        return FALSE;
      v = v * 10 + d;
    }
  if (negative)
    *value = v == (guint64)G_MAXINT64 + 1 ? G_MININT64 : -(gint64)v;
  else
    *value = (gint64)v;
  return TRUE;
}

gboolean
gloss_json_reader_get_double (GlossJsonReader *self,
                              double          *value)
{
  char buf[64];
  g_autofree char *heap = NULL;
  char *text = buf;
  double v;

  if (self->token != GLOSS_JSON_NUMBER)
    return FALSE;
  if (self->num_len >= sizeof buf)
    text = heap = g_malloc (self->num_len + 1);
  memcpy (text, self->data + self->token_pos, self->num_len);
  text[self->num_len] = '\0';

  errno = 0;
  v = g_ascii_strtod (text, NULL);
  if (errno == ERANGE && (v > 1.0 || v < -1.0))
    return FALSE;   /* overflow; underflow to 0 is fine */
  if (!isfinite (v))
    return FALSE;
  *value = v;
  return TRUE;
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
  guint l = 1, c = 1;

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
          parse_string (&tmp, path);
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

static void
syntax_error (GlossJsonReader *self,
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
    syntax_error (self, at, "the input ends where %s should be", expected);
  else
    {
      guchar c = self->data[at];

      if (c >= 0x20 && c < 0x7f)
        syntax_error (self, at, "found '%c' where %s should be", c, expected);
      else
        syntax_error (self, at, "found byte 0x%02x where %s should be", (guint)c, expected);
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
          syntax_error (self, self->pos, "nested more than %d levels deep", GLOSS_JSON_MAX_DEPTH);
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
      if (!parse_string (self, NULL))
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
          if (!parse_number (self))
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
  if (!parse_string (self, NULL))
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
              syntax_error (self, self->pos, "more content after the end of the JSON value");
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
