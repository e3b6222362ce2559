/* gloss-util-private.h: small helpers shared inside the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

JsonObject *_gloss_json_object_copy  (JsonObject *object);
JsonNode   *_gloss_json_node_copy    (JsonNode   *node);
gboolean    _gloss_json_object_equal (JsonObject *a,
                                      JsonObject *b);
gboolean    _gloss_json_node_equal   (JsonNode   *a,
                                      JsonNode   *b);
JsonObject *_gloss_json_object_extra (JsonObject         *object,
                                      const char * const *known);
void        _gloss_json_object_add_extra (JsonObject     *object,
                                          JsonObject     *extra);
char      **_gloss_json_array_to_strv (JsonArray *array);
/* The string member @member of @object; NULL when absent or not a string. */
const char *_gloss_json_get_string   (JsonObject *object,
                                      const char *member);
JsonArray  *_gloss_strv_to_json_array (const char * const *strv);

G_END_DECLS
