/* gloss-json-writer.h: deterministic JSON output into a GString
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A JSON string per RFC 8259: UTF-8 written as is; only '"', '\\' and
 * control characters escaped (\n \t \r \b \f, else \u00XX). Invalid UTF-8
 * (never produced by Gloss) becomes U+FFFD so the output stays JSON.
 * @length may be -1 for a NUL-terminated string. */
void  gloss_json_write_string  (GString    *out,
                                const char *str,
                                gssize      length);
void  gloss_json_write_uint    (GString    *out,
                                guint64     value);
void  gloss_json_write_int     (GString    *out,
                                gint64      value);
/* The shortest form that reads back as the same double, always with a
 * '.' or an exponent so it stays a double; null for NaN and infinities. */
void  gloss_json_write_double  (GString    *out,
                                double      value);
/* A newline and @level times two spaces. */
void  gloss_json_write_newline (GString    *out,
                                guint       level);
/* @node on one line ({"a": 1, "b": [true]}) when @pretty is FALSE;
 * otherwise with each member and element on its own line, indented by
 * two spaces per level, starting at @level. Object members keep their
 * order. */
void  gloss_json_write_node    (GString    *out,
                                JsonNode   *node,
                                gboolean    pretty,
                                guint       level);
char *gloss_json_node_to_string (JsonNode  *node,
                                 gboolean   pretty);

G_END_DECLS
