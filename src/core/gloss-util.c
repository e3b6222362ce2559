/* gloss-util.c: small helpers shared inside the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-util-private.h"

static JsonNode *deep_copy_node (JsonNode *node);

static JsonObject *
deep_copy_object (JsonObject *object)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    json_object_set_member (copy, name, deep_copy_node (member));
  return copy;
}

/* json_node_copy() shares objects and arrays; this does not. */
static JsonNode *
deep_copy_node (JsonNode *node)
{
  JsonNode *copy;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      copy = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (copy, deep_copy_object (json_node_get_object (node)));
      return copy;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        JsonArray *dup = json_array_sized_new (json_array_get_length (array));

        for (guint i = 0; i < json_array_get_length (array); i++)
          json_array_add_element (dup, deep_copy_node (json_array_get_element (array, i)));
        copy = json_node_new (JSON_NODE_ARRAY);
        json_node_take_array (copy, dup);
        return copy;
      }

    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      return json_node_copy (node);
    }
}

/* Returns: (transfer full) (nullable): a deep copy */
JsonNode *
_gloss_json_node_copy (JsonNode *node)
{
  return node ? deep_copy_node (node) : NULL;
}

/* Returns: (transfer full) (nullable): a deep copy, NULL for NULL */
JsonObject *
_gloss_json_object_copy (JsonObject *object)
{
  if (object == NULL)
    return NULL;
  return deep_copy_object (object);
}

/* Unlike json_node_equal(), compares objects member by member in order,
 * so that "equal" means "written identically". */
gboolean
_gloss_json_node_equal (JsonNode *a,
                        JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (json_node_get_node_type (a) != json_node_get_node_type (b))
    return FALSE;

  switch (json_node_get_node_type (a))
    {
    case JSON_NODE_OBJECT:
      return _gloss_json_object_equal (json_node_get_object (a), json_node_get_object (b));

    case JSON_NODE_ARRAY:
      {
        JsonArray *x = json_node_get_array (a);
        JsonArray *y = json_node_get_array (b);
        guint n = json_array_get_length (x);

        if (n != json_array_get_length (y))
          return FALSE;
        for (guint i = 0; i < n; i++)
          if (!_gloss_json_node_equal (json_array_get_element (x, i), json_array_get_element (y, i)))
            return FALSE;
        return TRUE;
      }

    case JSON_NODE_NULL:
      return TRUE;

    case JSON_NODE_VALUE:
      return json_node_equal (a, b);

    default:
      return FALSE;
    }
}

gboolean
_gloss_json_object_equal (JsonObject *a,
                          JsonObject *b)
{
  JsonObjectIter ia, ib;
  const char *ka, *kb;
  JsonNode *na, *nb;
  gboolean more_a, more_b;

  if (a == NULL || b == NULL)
    return (a == NULL || json_object_get_size (a) == 0) &&
           (b == NULL || json_object_get_size (b) == 0);
  if (json_object_get_size (a) != json_object_get_size (b))
    return FALSE;

  json_object_iter_init_ordered (&ia, a);
  json_object_iter_init_ordered (&ib, b);
  for (;;)
    {
      more_a = json_object_iter_next_ordered (&ia, &ka, &na);
      more_b = json_object_iter_next_ordered (&ib, &kb, &nb);
      if (!more_a || !more_b)
        return more_a == more_b;
      if (!g_str_equal (ka, kb) || !_gloss_json_node_equal (na, nb))
        return FALSE;
    }
}

/* Returns: (transfer full) (nullable): the string members of @array */
char **
_gloss_json_array_to_strv (JsonArray *array)
{
  GPtrArray *strv;
  guint n;

  if (array == NULL)
    return NULL;

  n = json_array_get_length (array);
  strv = g_ptr_array_new_full (n + 1, NULL);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_ptr_array_add (strv, g_strdup (json_node_get_string (node)));
    }
  g_ptr_array_add (strv, NULL);
  return (char **)g_ptr_array_free (strv, FALSE);
}

JsonArray *
_gloss_strv_to_json_array (const char * const *strv)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);
  return array;
}

/* Returns: (transfer full) (nullable): the members of @object not named
 * in @known (deep copies, in order), or NULL when there are none */
JsonObject *
_gloss_json_object_extra (JsonObject         *object,
                          const char * const *known)
{
  JsonObject *extra = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      if (g_strv_contains (known, name))
        continue;
      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, name, deep_copy_node (node));
    }

  return extra;
}

/* Adds the members of @extra that @object does not have yet. */
void
_gloss_json_object_add_extra (JsonObject *object,
                              JsonObject *extra)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (extra == NULL)
    return;

  json_object_iter_init_ordered (&iter, extra);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    if (!json_object_has_member (object, name))
      json_object_set_member (object, name, deep_copy_node (node));
}

const char *
_gloss_json_get_string (JsonObject *object,
                        const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}
