/* gloss-schema-json.c: a schema written as JSON (the "schema" of a .gloss
 * file, DESIGN §4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-schema.h"
#include "gloss-schema-private.h"
#include "gloss-util-private.h"

static void
add_string (JsonObject *o,
            const char *name,
            const char *value)
{
  if (value != NULL)
    json_object_set_string_member (o, name, value);
}

/**
 * gloss_schema_to_json:
 *
 * Returns: (transfer full): the schema as a JSON object, in a stable order
 */
JsonNode *
gloss_schema_to_json (GlossSchema *self)
{
  JsonObject *root;
  JsonNode *node;

  g_return_val_if_fail (GLOSS_IS_SCHEMA (self), NULL);

  root = json_object_new ();
  for (guint k = 0; k < GLOSS_N_LABEL_KINDS; k++)
    {
      JsonArray *array = json_array_new ();
      guint n = g_list_model_get_n_items (gloss_schema_get_labels (self, k));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GlossLabel) label = g_list_model_get_item (gloss_schema_get_labels (self, k), i);
          JsonObject *o = json_object_new ();

          add_string (o, "id", gloss_label_get_id (label));
          add_string (o, "name", gloss_label_get_name (label));
          add_string (o, "color", gloss_label_get_color (label));
          add_string (o, "key", gloss_label_get_key (label));
          if (gloss_label_get_from (label) != NULL)
            json_object_set_array_member (o, "from", _gloss_strv_to_json_array (gloss_label_get_from (label)));
          if (gloss_label_get_to (label) != NULL)
            json_object_set_array_member (o, "to", _gloss_strv_to_json_array (gloss_label_get_to (label)));
          add_string (o, "description", gloss_label_get_description (label));
          if (gloss_label_get_unknown (label))
            json_object_set_boolean_member (o, "unknown", TRUE);
          _gloss_json_object_add_extra (o, gloss_label_get_extra (label));
          json_array_add_object_element (array, o);
        }
      json_object_set_array_member (root, _gloss_schema_list_names[k], array);
    }

  {
    JsonArray *array = json_array_new ();
    guint n = g_list_model_get_n_items (gloss_schema_get_attributes (self));

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(GlossAttributeDef) attr = g_list_model_get_item (gloss_schema_get_attributes (self), i);
        JsonObject *o = json_object_new ();

        add_string (o, "id", gloss_attribute_def_get_id (attr));
        if (!g_str_equal (gloss_attribute_def_get_name (attr), gloss_attribute_def_get_id (attr)))
          add_string (o, "name", gloss_attribute_def_get_name (attr));
        add_string (o, "kind", gloss_attribute_kind_to_string (gloss_attribute_def_get_kind (attr)));
        if (gloss_attribute_def_get_applies_to (attr) != NULL)
          json_object_set_array_member (o, "applies_to",
                                        _gloss_strv_to_json_array (gloss_attribute_def_get_applies_to (attr)));
        if (gloss_attribute_def_get_values (attr) != NULL)
          json_object_set_array_member (o, "values",
                                        _gloss_strv_to_json_array (gloss_attribute_def_get_values (attr)));
        _gloss_json_object_add_extra (o, gloss_attribute_def_get_extra (attr));
        json_array_add_object_element (array, o);
      }
    json_object_set_array_member (root, "attributes", array);
  }

  _gloss_json_object_add_extra (root, gloss_schema_get_extra (self));

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, root);
  return node;
}
