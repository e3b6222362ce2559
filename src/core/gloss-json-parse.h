/* gloss-json-parse.h: JSON text to a json-glib tree, safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib's JsonParser recurses once per nesting level (100 000 '['
 * overflow the stack), cuts strings at \u0000, turns lone surrogates into
 * U+FFFD and keeps the last of two members with the same name. Every
 * JSON input that needs a tree is parsed here instead, with the pull
 * reader's rules: nesting at most GLOSS_JSON_MAX_DEPTH deep, strict UTF-8,
 * no lone surrogates, no NUL in strings or member names, no member twice
 * in an object. Errors say "WHERE: PATH: what".
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* @data is one JSON value, with only white space (and an optional byte
 * order mark) around it. */
JsonNode *gloss_json_parse       (const char  *data,
                                  gsize        length,
                                  const char  *where,
                                  GError     **error);

/* The one value in bytes [@start, @end) of @data, with only white space
 * after it; lines and columns in messages count from @data. On error,
 * @incomplete (may be NULL) says whether the value simply ran past @end
 * (a JSON value spread over more lines than one, say). */
JsonNode *gloss_json_parse_range (const char  *data,
                                  gsize        start,
                                  gsize        end,
                                  const char  *where,
                                  gboolean    *incomplete,
                                  GError     **error);

/* The same, @data's first byte being on line @first_line of a file. */
JsonNode *gloss_json_parse_range_at_line (const char  *data,
                                          gsize        start,
                                          gsize        end,
                                          guint        first_line,
                                          const char  *where,
                                          gboolean    *incomplete,
                                          GError     **error);

G_END_DECLS
