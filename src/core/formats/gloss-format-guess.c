/* gloss-format-guess.c: which format a file is in, from its name and first
 * record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the window's Open, which has no --format: the extension tells most
 * formats apart; the JSON Lines formats (all .jsonl) by the shape of their
 * first record (gloss-format-shape.c), and .json between Label Studio's
 * tasks and W3C annotations by a JSON-LD "@context".
 */
#include "config.h"

#include <string.h>

#include "gloss-format-private.h"
#include "gloss-json-parse.h"

/* Extensions besides each format's own. */
static const struct { const char *extension; const char *format; } more_extensions[] = {
  { "iob", "conll" },
  { "bio", "conll" },
  { "json", "w3c" },
};

/**
 * gloss_format_get_extensions:
 * @format: a format
 *
 * Returns: (transfer full): the extensions (without dot) of @format's
 *   files: its own, then others it is known by
 */
GStrv
gloss_format_get_extensions (const GlossFormat *format)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (format != NULL, NULL);

  g_strv_builder_add (builder, format->extension);
  for (gsize i = 0; i < G_N_ELEMENTS (more_extensions); i++)
    if (g_str_equal (more_extensions[i].format, format->name))
      g_strv_builder_add (builder, more_extensions[i].extension);
  return g_strv_builder_end (builder);
}

static gboolean
has_extension (const char *name,
               const char *extension)
{
  const char *dot = strrchr (name, '.');

  return dot != NULL && g_ascii_strcasecmp (dot + 1, extension) == 0;
}

/* The format of the first JSON record of @bytes, if it has a known shape. */
static const char *
first_record_shape (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *end = data != NULL ? memchr (data, '\n', size) : NULL;
  g_autoptr(JsonNode) root = NULL;

  if (data == NULL || size == 0)
    return NULL;
  root = gloss_json_parse_range (data, 0, end != NULL ? (gsize) (end - data) : size, "", NULL, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return _gloss_format_guess_shape (json_node_get_object (root));
}

static gboolean
looks_like_json_ld (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  gsize head = MIN (size, 4096);

  return data != NULL && g_strstr_len (data, head, "\"@context\"") != NULL;
}

/**
 * gloss_format_guess:
 * @name: the file's name
 * @bytes: (nullable): its content, to tell formats of one extension apart
 *
 * Returns: (transfer none) (nullable): the importable format the file is
 *   most likely in; %NULL when no importer reads it
 */
const GlossFormat *
gloss_format_guess (const char *name,
                    GBytes     *bytes)
{
  const GlossFormat **formats = gloss_format_list ();
  const GlossFormat *found = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  if (has_extension (name, "jsonl"))
    {
      const char *shape = bytes != NULL ? first_record_shape (bytes) : NULL;

      found = gloss_format_lookup (shape != NULL ? shape : "jsonl");
    }
  else if (has_extension (name, "json") || has_extension (name, "jsonld"))
    found = gloss_format_lookup (bytes != NULL && looks_like_json_ld (bytes) ? "w3c" : "labelstudio");
  else
    {
      for (guint i = 0; formats[i] != NULL && found == NULL; i++)
        if (has_extension (name, formats[i]->extension))
          found = formats[i];
      for (gsize i = 0; i < G_N_ELEMENTS (more_extensions) && found == NULL; i++)
        if (has_extension (name, more_extensions[i].extension))
          found = gloss_format_lookup (more_extensions[i].format);
    }

  return found != NULL && found->import != NULL ? found : NULL;
}
