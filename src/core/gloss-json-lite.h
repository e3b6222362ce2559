/* gloss-json-lite.h: a JSON value read into one arena, for many small reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A json-glib tree gives every object a hash table and every string its
 * own allocation: for a W3C file of 500,000 annotations of a dozen small
 * objects each, building and freeing those trees took most of the import.
 * Here a value (an annotation page, say) is read with the pull reader
 * into plain structs in one arena that is freed at once; objects keep
 * their members in order and are searched by name, which is fast for the
 * few members such objects have. The reader's rules hold (no NUL in
 * strings or names, no member twice in an object).
 */
#pragma once

#include "gloss-json-reader.h"

G_BEGIN_DECLS

typedef struct _GlossJsonLite      GlossJsonLite;
typedef struct _GlossJsonLiteValue GlossJsonLiteValue;

struct _GlossJsonLiteValue
{
  GlossJsonToken kind;        /* BEGIN_OBJECT, BEGIN_ARRAY, STRING, NUMBER, TRUE, FALSE or NULL */
  gboolean       is_int;      /* a NUMBER that fits a gint64 without a fraction */
  union
  {
    gint64       integer;     /* a NUMBER that is_int */
    double       number;      /* another NUMBER */
  };
  const char    *string;      /* a STRING's text */
  guint          n;           /* an object's members, an array's elements */
  const char   **names;       /* an object's member names, in order */
  GlossJsonLiteValue **items; /* an object's member values or an array's elements */
};

GlossJsonLite            *gloss_json_lite_new        (void);
void                      gloss_json_lite_free       (GlossJsonLite   *self);
/* Frees every value read so far. */
void                      gloss_json_lite_reset      (GlossJsonLite   *self);

/* Reads the value that starts at the reader's current token (through its
 * end for containers), as gloss_json_reader_read_node() does; it lives as
 * long as @self. NULL with the reader's error set on failure. */
GlossJsonLiteValue       *gloss_json_lite_read       (GlossJsonLite   *self,
                                                      GlossJsonReader *reader);

/* The one JSON value in @length bytes of @json (white space around it
 * allowed), read into @self; NULL with @error set (messages name
 * @where). */
GlossJsonLiteValue       *gloss_json_lite_read_text  (GlossJsonLite   *self,
                                                      const char      *json,
                                                      gsize            length,
                                                      const char      *where,
                                                      GError         **error);
/* @node (a json-glib tree a record was read into, on a rare path) read
 * into @self. */
GlossJsonLiteValue       *gloss_json_lite_read_node  (GlossJsonLite   *self,
                                                      JsonNode        *node,
                                                      const char      *where,
                                                      GError         **error);
/* A json-glib copy of @value, for what keeps JSON as it came (attrs). */
JsonNode                 *gloss_json_lite_to_node    (const GlossJsonLiteValue *value);

/* The member @name of @object, or NULL (also when @object is no object). */
const GlossJsonLiteValue *gloss_json_lite_get_member (const GlossJsonLiteValue *object,
                                                      const char               *name);
/* The member @name when it is a string, else NULL. */
const char               *gloss_json_lite_get_string (const GlossJsonLiteValue *object,
                                                      const char               *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossJsonLite, gloss_json_lite_free)

G_END_DECLS
