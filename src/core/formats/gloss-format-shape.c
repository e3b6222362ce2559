/* gloss-format-shape.c: which format a JSON record was written in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The JSON Lines formats all have "text" and differ in the members that
 * hold the spans. Importing one as another used to give 0 spans and
 * success; each importer asks here and names the right --format instead.
 */
#include "config.h"

#include "gloss-error.h"
#include "gloss-format-private.h"

typedef struct
{
  const char *format;
  const char *description;
  const char *member;      /* present, of the type below */
  JsonNodeType type;
  const char *element_member;  /* when set: the first element has it */
  const char *evidence;        /* what told, for messages */
} Shape;

/* In order: the first match wins. */
static const Shape shapes[] = {
  { "jsonl", "the Gloss dataset", "mentions", JSON_NODE_ARRAY, NULL, "“mentions”" },
  { "jsonl", "the Gloss dataset", "clusters", JSON_NODE_ARRAY, NULL, "“clusters”" },
  { "labelstudio", "Label Studio tasks", "annotations", JSON_NODE_ARRAY, NULL, "“annotations”" },
  { "labelstudio", "Label Studio tasks", "predictions", JSON_NODE_ARRAY, NULL, "“predictions”" },
  { "labelstudio", "Label Studio tasks", "data", JSON_NODE_OBJECT, NULL, "“data”" },
  { "prodigy", "Prodigy/spaCy JSONL", "spans", JSON_NODE_ARRAY, NULL, "“spans”" },
  { "prodigy", "Prodigy/spaCy JSONL", "tokens", JSON_NODE_ARRAY, NULL, "“tokens”" },
  { "doccano", "doccano’s JSONL", "label", JSON_NODE_ARRAY, NULL, "“label”" },
  { "doccano", "doccano’s JSONL", "entities", JSON_NODE_ARRAY, "start_offset", "“entities” with “start_offset”" },
  { "jsonl", "the Gloss dataset", "entities", JSON_NODE_ARRAY, "start", "“entities” with “start”" },
  { "jsonl", "the Gloss dataset", "entities", JSON_NODE_ARRAY, "spans", "“entities” with “spans”" },
};

static gboolean
matches (JsonObject  *record,
         const Shape *shape)
{
  JsonNode *node = json_object_get_member (record, shape->member);
  JsonArray *array;
  JsonNode *first;

  if (node == NULL || JSON_NODE_TYPE (node) != shape->type)
    return FALSE;
  if (shape->element_member == NULL)
    return TRUE;

  array = json_node_get_array (node);
  if (json_array_get_length (array) == 0)
    return FALSE;
  first = json_array_get_element (array, 0);
  return JSON_NODE_HOLDS_OBJECT (first) &&
         json_object_has_member (json_node_get_object (first), shape->element_member);
}

static const Shape *
find_shape (JsonObject *record,
            const char *format)
{
  for (gsize i = 0; i < G_N_ELEMENTS (shapes); i++)
    if ((format == NULL || g_str_equal (shapes[i].format, format)) && matches (record, &shapes[i]))
      return &shapes[i];
  return NULL;
}

const char *
_gloss_format_guess_shape (JsonObject *record)
{
  const Shape *shape;

  g_return_val_if_fail (record != NULL, NULL);

  /* A Gloss dataset record says so. */
  if (json_object_has_member (record, "version") && json_object_has_member (record, "offsets"))
    return "jsonl";
  shape = find_shape (record, NULL);
  return shape ? shape->format : NULL;
}

const char *
_gloss_format_shape_description (const char *format)
{
  for (gsize i = 0; i < G_N_ELEMENTS (shapes); i++)
    if (g_str_equal (shapes[i].format, format))
      return shapes[i].description;
  return format;
}

const char *
_gloss_format_shape_evidence (JsonObject *record,
                              const char *format)
{
  const Shape *shape = find_shape (record, format);

  return shape ? shape->evidence : "its members";
}

gboolean
_gloss_format_check_shape (JsonObject  *record,
                           const char  *format,
                           const char  *loc,
                           GError     **error)
{
  const char *other = _gloss_format_guess_shape (record);

  if (other == NULL || g_str_equal (other, format))
    return TRUE;

  g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNSUPPORTED,
               "%s: this record is shaped as %s (%s), not as %s; read it with --format %s",
               loc, _gloss_format_shape_description (other),
               _gloss_format_shape_evidence (record, other),
               _gloss_format_shape_description (format), other);
  return FALSE;
}
