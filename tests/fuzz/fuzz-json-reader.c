/* fuzz-json-reader.c: libFuzzer harness for the pull parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte chooses the mode (low two bits) and, for new_at(), the
 * offset (the other bits, clamped to the input); the rest is the data,
 * copied to its own allocation so that ASan sees every read past its end.
 *   0: walk every token with gloss_json_reader_new(), poking every getter
 *   1: the same with gloss_json_reader_new_at()
 *   2: read_node() on the first value; what it accepts must print (with
 *      json-glib) into JSON that the reader accepts again
 *   3: skip() at every container, then walk on
 */
#include <string.h>

#include "gloss-json-reader.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  return 0;
}

/* Valid UTF-8 that may contain NUL bytes. */
static gboolean
utf8_with_nuls (const char *s, gsize len)
{
  while (len > 0)
    {
      const char *nul = memchr (s, '\0', len);
      gsize part = nul ? (gsize) (nul - s) : len;

      if (!g_utf8_validate_len (s, part, NULL))
        return FALSE;
      if (nul == NULL)
        break;
      s += part + 1;
      len -= part + 1;
    }
  return TRUE;
}

static void
poke (GlossJsonReader *reader, GlossJsonToken token, gsize size)
{
  g_autofree char *path = gloss_json_reader_dup_path (reader);
  gsize offset = gloss_json_reader_get_offset (reader);
  guint line, column, depth;

  FUZZ_CHECK (path != NULL && g_utf8_validate (path, -1, NULL), "path is not UTF-8");
  FUZZ_CHECK (offset <= size, "offset %" G_GSIZE_FORMAT " past the end (%" G_GSIZE_FORMAT ")", offset, size);
  depth = gloss_json_reader_get_depth (reader);
  FUZZ_CHECK (depth <= GLOSS_JSON_MAX_DEPTH, "depth %u", depth);
  gloss_json_reader_get_location (reader, offset, &line, &column);
  gloss_json_reader_get_location (reader, size, &line, &column);

  switch (token)
    {
    case GLOSS_JSON_MEMBER:
    case GLOSS_JSON_STRING:
      {
        gsize len = 0, clen = 0;
        const char *s = gloss_json_reader_get_string (reader, &len);
        g_autofree char *copy = g_malloc (len + 1);
        const char *c;

        FUZZ_CHECK (s != NULL, "NULL string");
        memcpy (copy, s, len);
        copy[len] = '\0';
        FUZZ_CHECK (utf8_with_nuls (s, len), "string is not UTF-8");
        c = gloss_json_reader_get_cstring (reader, &clen);
        FUZZ_CHECK (clen == len && memcmp (c, copy, len) == 0 && c[len] == '\0',
                    "get_cstring differs from get_string");
        if (memchr (copy, '\0', len) == NULL)
          {
            FUZZ_CHECK (gloss_json_reader_string_equal (reader, copy), "string_equal (itself) is FALSE");
          }
      }
      break;
    case GLOSS_JSON_NUMBER:
      {
        gsize len = 0;
        const char *t = gloss_json_reader_get_number_text (reader, &len);
        guint32 u;
        gint64 i;
        double d;

        FUZZ_CHECK (t != NULL && len > 0, "empty number");
        (void) gloss_json_reader_get_uint32 (reader, &u);
        (void) gloss_json_reader_get_int64 (reader, &i);
        (void) gloss_json_reader_get_double (reader, &d);
      }
      break;
    case GLOSS_JSON_END:
    case GLOSS_JSON_ERROR:
    case GLOSS_JSON_BEGIN_OBJECT:
    case GLOSS_JSON_END_OBJECT:
    case GLOSS_JSON_BEGIN_ARRAY:
    case GLOSS_JSON_END_ARRAY:
    case GLOSS_JSON_TRUE:
    case GLOSS_JSON_FALSE:
    case GLOSS_JSON_NULL:
    default:
      break;
    }
}

/* Walks to the end; every call must make progress. */
static void
walk (GlossJsonReader *reader, gsize size, gboolean skip)
{
  gsize limit = 4 * size + 16;
  GlossJsonToken token;

  for (gsize n = 0;; n++)
    {
      FUZZ_CHECK (n <= limit, "no end after %" G_GSIZE_FORMAT " tokens", n);
      token = gloss_json_reader_next (reader);
      FUZZ_CHECK (token == gloss_json_reader_get_token (reader), "get_token differs");
      if (token == GLOSS_JSON_ERROR)
        {
          const GError *e = gloss_json_reader_get_error (reader);
          fuzz_check_error ((GError *) e);
          break;
        }
      if (token == GLOSS_JSON_END)
        break;
      poke (reader, token, size);
      if (skip && (token == GLOSS_JSON_BEGIN_OBJECT || token == GLOSS_JSON_BEGIN_ARRAY))
        {
          if (!gloss_json_reader_skip (reader))
            {
              token = gloss_json_reader_get_token (reader);
              FUZZ_CHECK (token == GLOSS_JSON_ERROR, "skip failed without an error");
              break;
            }
        }
    }

  /* A finished reader stays finished. */
  FUZZ_CHECK (gloss_json_reader_next (reader) == token, "next() after the end changed the token");
}

static void
round_trip (const char *data, gsize size)
{
  g_autoptr(GlossJsonReader) reader = gloss_json_reader_new (data, size, "fuzz.json");
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(GlossJsonReader) again = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;
  GlossJsonToken token = gloss_json_reader_next (reader);

  if (token == GLOSS_JSON_ERROR || token == GLOSS_JSON_END)
    return;
  node = gloss_json_reader_read_node (reader);
  if (node == NULL)
    {
      FUZZ_CHECK (gloss_json_reader_get_error (reader) != NULL, "read_node failed without an error");
      return;
    }

  generator = json_generator_new ();
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &len);
  again = gloss_json_reader_new (text, len, "fuzz-printed.json");
  walk (again, len, FALSE);
  if (gloss_json_reader_get_token (again) != GLOSS_JSON_END)
    {
      /* json-glib 1.6 prints some doubles as invalid JSON ("1e+308.0"):
       * only a print that json-glib itself reads back counts. */
      g_autoptr(JsonParser) parser = json_parser_new ();
      if (!json_parser_load_from_data (parser, text, len, NULL))
        return;
    }
  FUZZ_CHECK (gloss_json_reader_get_token (again) == GLOSS_JSON_END,
              "json-glib's print of an accepted value is rejected: %s\n%.*s",
              gloss_json_reader_get_error (again) ? gloss_json_reader_get_error (again)->message : "",
              (int) MIN (len, 2048), text);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GlossJsonReader) reader = NULL;
  g_autofree char *copy = NULL;
  guint mode;
  gsize offset;

  if (size < 1)
    return 0;
  mode = data[0] & 3;
  offset = data[0] >> 2;
  data++;
  size--;
  /* An exact-size copy: a read one past the end is an ASan report. */
  copy = g_malloc (size ? size : 1);
  memcpy (copy, data, size);

  switch (mode)
    {
    case 0:
      reader = gloss_json_reader_new (copy, size, "fuzz.json");
      walk (reader, size, FALSE);
      break;
    case 1:
      reader = gloss_json_reader_new_at (copy, size, MIN (offset, size), "fuzz.json", "mentions");
      walk (reader, size, FALSE);
      break;
    case 2:
      round_trip (copy, size);
      break;
    case 3:
    default:
      reader = gloss_json_reader_new (copy, size, "fuzz.json");
      walk (reader, size, TRUE);
      break;
    }
  return 0;
}
