/* gloss-json-parse.c: JSON text to a json-glib tree, safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-error.h"
#include "gloss-json-parse.h"
#include "gloss-json-reader.h"

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Reads the value at the reader's start; NULL with @error set on failure. */
static JsonNode *
read_value (GlossJsonReader  *reader,
            GError          **error)
{
  g_autoptr(JsonNode) node = NULL;

  if (gloss_json_reader_next (reader) != GLOSS_JSON_ERROR)
    node = gloss_json_reader_read_node (reader);
  if (node == NULL || gloss_json_reader_next (reader) == GLOSS_JSON_ERROR)
    {
      g_propagate_error (error, gloss_json_reader_take_error (reader));
      return NULL;
    }
  return g_steal_pointer (&node);
}

/**
 * gloss_json_parse:
 *
 * Returns: (transfer full) (nullable): the value
 */
JsonNode *
gloss_json_parse (const char  *data,
                  gsize        length,
                  const char  *where,
                  GError     **error)
{
  g_autoptr(GlossJsonReader) reader = gloss_json_reader_new (data, length, where);

  return read_value (reader, error);
}

/**
 * gloss_json_parse_range:
 *
 * Returns: (transfer full) (nullable): the value
 */
JsonNode *
gloss_json_parse_range (const char  *data,
                        gsize        start,
                        gsize        end,
                        const char  *where,
                        gboolean    *incomplete,
                        GError     **error)
{
  return gloss_json_parse_range_at_line (data, start, end, 1, where, incomplete, error);
}

/**
 * gloss_json_parse_range_at_line:
 *
 * Returns: (transfer full) (nullable): the value
 */
JsonNode *
gloss_json_parse_range_at_line (const char  *data,
                                gsize        start,
                                gsize        end,
                                guint        first_line,
                                const char  *where,
                                gboolean    *incomplete,
                                GError     **error)
{
  g_autoptr(GlossJsonReader) reader = gloss_json_reader_new_at (data, end, start, where, NULL);
  g_autoptr(JsonNode) node = NULL;
  gsize pos;

  g_return_val_if_fail (start <= end, NULL);

  gloss_json_reader_set_first_line (reader, first_line);

  if (incomplete != NULL)
    *incomplete = FALSE;

  node = read_value (reader, error);
  pos = gloss_json_reader_get_position (reader);
  while (pos < end && is_space (data[pos]))
    pos++;

  if (node == NULL)
    {
      if (incomplete != NULL)
        *incomplete = pos >= end;
      return NULL;
    }
  if (pos < end)
    {
      guint line, column;

      gloss_json_reader_get_location (reader, pos, &line, &column);
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SYNTAX,
                   "%s: malformed JSON at line %u, column %u: more content after the end of the JSON value",
                   where, line, column);
      return NULL;
    }
  return g_steal_pointer (&node);
}
