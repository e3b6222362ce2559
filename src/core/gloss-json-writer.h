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

/* A JSON value written into a GString as it is built, with the calls of
 * JsonBuilder, in the layout of json-glib's JsonGenerator: compact
 * ({"a":1,"b":[true]}) or pretty (indent 2: one member or element a line,
 * "name" : value, an empty object "{" and its depth's indentation "}").
 * Exporters write each record straight out instead of building a JsonNode
 * tree and then a string of it. Strings go through
 * gloss_json_write_string() and numbers gloss_json_write_int() and
 * gloss_json_write_double(). */
typedef struct
{
  GString  *out;
  gboolean  pretty;
  guint     depth;      /* containers open */
  gboolean  has_value;  /* the innermost one holds a member or element */
  gboolean  in_object;  /* the innermost one is an object */
  GArray   *stack;      /* the two flags above, of each outer container */
} GlossJsonWriter;

void  gloss_json_writer_init         (GlossJsonWriter *writer,
                                      GString         *out,
                                      gboolean         pretty);
/* To write the next element of an array streamed piecewise, whose "["
 * (and @after_element elements) someone else wrote: the writer stands
 * inside that array. */
void  gloss_json_writer_init_in_array (GlossJsonWriter *writer,
                                       GString         *out,
                                       gboolean         pretty,
                                       gboolean         after_element);
void  gloss_json_writer_clear        (GlossJsonWriter *writer);
/* The next element of the array @writer stands in, on a line of its own
 * (one annotation a line in a pretty file): @line is set up as a compact
 * writer of the same output, to write the element and be cleared. */
void  gloss_json_writer_begin_line   (GlossJsonWriter *writer,
                                      GlossJsonWriter *line);
void  gloss_json_writer_begin_object (GlossJsonWriter *writer);
void  gloss_json_writer_end_object   (GlossJsonWriter *writer);
void  gloss_json_writer_begin_array  (GlossJsonWriter *writer);
void  gloss_json_writer_end_array    (GlossJsonWriter *writer);
void  gloss_json_writer_member       (GlossJsonWriter *writer,
                                      const char      *name);
/* NULL writes null. */
void  gloss_json_writer_string       (GlossJsonWriter *writer,
                                      const char      *value);
/* @length bytes of @value (a slice of a document's text, say). */
void  gloss_json_writer_string_len   (GlossJsonWriter *writer,
                                      const char      *value,
                                      gsize            length);
void  gloss_json_writer_int          (GlossJsonWriter *writer,
                                      gint64           value);
void  gloss_json_writer_boolean      (GlossJsonWriter *writer,
                                      gboolean         value);
void  gloss_json_writer_null         (GlossJsonWriter *writer);
/* @object (borrowed; NULL writes {}) as a value, members in order. */
void  gloss_json_writer_object       (GlossJsonWriter *writer,
                                      JsonObject      *object);
/* @node (borrowed) as a value, in the writer's layout. */
void  gloss_json_writer_node         (GlossJsonWriter *writer,
                                      JsonNode        *node);

G_END_DECLS
