/* gloss-json-reader-scalars.c: the strings and numbers of
 * GlossJsonReader, decoded and checked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-json-reader.h"
#include "gloss-json-reader-private.h"

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

/* Parses the string whose opening quote is at self->pos. On success,
 * self->str/str_len hold the decoded text and self->pos is past the
 * closing quote. With @out set (re-decoding a member name for a path),
 * the text is appended there instead and errors are not reported. */
gboolean
_gloss_json_reader_parse_string (GlossJsonReader *self,
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
                  _gloss_json_reader_syntax_error (self, p - data, "\\u must be followed by four hexadecimal digits");
                return FALSE;
              }
            if (u >= 0xdc00 && u <= 0xdfff)
              {
                if (out == NULL)
                  _gloss_json_reader_syntax_error (self, p - data,
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
                      _gloss_json_reader_syntax_error (self, p - data,
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
            _gloss_json_reader_syntax_error (self, p - data, "unknown escape \\%c in a string",
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
    _gloss_json_reader_syntax_error (self, self->pos, "the string that starts here never ends");
  return FALSE;

control:
  if (out == NULL)
    _gloss_json_reader_syntax_error (self, p - data,
                  "a raw control character (U+%04X) in a string; it must be written as an escape",
                  (guint)*p);
  return FALSE;

bad_utf8:
  if (out == NULL)
    _gloss_json_reader_syntax_error (self, p - data, "invalid UTF-8 (byte 0x%02x) in a string", (guint)*p);
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

gboolean
_gloss_json_reader_parse_number (GlossJsonReader *self)
{
  const guchar *data = self->data;
  gsize p = self->pos;
  gsize n = self->length;
  gboolean is_int = TRUE;

  if (p < n && data[p] == '-')
    p++;
  if (p >= n || !g_ascii_isdigit (data[p]))
    {
      _gloss_json_reader_syntax_error (self, p, "a number must have digits");
      return FALSE;
    }
  if (data[p] == '0')
    {
      p++;
      if (p < n && g_ascii_isdigit (data[p]))
        {
          _gloss_json_reader_syntax_error (self, self->pos, "a number cannot start with 0");
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
          _gloss_json_reader_syntax_error (self, p, "a digit must follow the decimal point");
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
          _gloss_json_reader_syntax_error (self, p, "a digit must follow the exponent");
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
