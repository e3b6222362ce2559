/* hostile-json.h: JSON that json-glib mishandled, for every JSON importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each input is a jsonl/doccano file named "x.jsonl"; each must be refused
 * with @code and a message holding @part (file, line and JSON path).
 */
#pragma once

#include <glib.h>

#include "gloss-error.h"

typedef struct
{
  const char *name;
  const char *input;
  int         code;
  const char *part;
} HostileJson;

static const HostileJson hostile_json[] = {
  { "nul-text", "{\"text\": \"ab\\u0000cd\"}\n",
    GLOSS_FORMAT_ERROR_INVALID, "x.jsonl:1: text: a string holds a NUL character" },
  { "nul-id", "{\"text\": \"ab\", \"id\": \"d\\u0000\"}\n",
    GLOSS_FORMAT_ERROR_INVALID, "x.jsonl:1: id: a string holds a NUL character" },
  { "nul-name", "{\"text\": \"ab\", \"meta\": {\"k\\u0000\": 1}}\n",
    GLOSS_FORMAT_ERROR_INVALID, "x.jsonl:1: meta.k\\u0000: a member name holds a NUL character" },
  { "lone-high", "{\"text\": \"ab\\ud800\"}\n",
    GLOSS_FORMAT_ERROR_SYNTAX, "x.jsonl:1: text: malformed JSON at line 1, column 13: \\uD800 is a high surrogate without its low half" },
  { "high-then-other", "{\"text\": \"\\ud800\\u0041\"}\n",
    GLOSS_FORMAT_ERROR_SYNTAX, "x.jsonl:1: text: malformed JSON at line 1, column 11: \\uD800 is a high surrogate" },
  { "lone-low", "{\"text\": \"x\", \"id\": \"\\udc00\"}\n",
    GLOSS_FORMAT_ERROR_SYNTAX, "x.jsonl:1: id: malformed JSON at line 1, column 22: \\uDC00 is a lone low surrogate" },
  { "duplicate", "{\"text\": \"a\"}\n{\"text\": \"a\", \"text\": \"b\"}\n",
    GLOSS_FORMAT_ERROR_INVALID, "x.jsonl:2: text: the member appears twice in the object" },
  { "duplicate-nested", "{\"text\": \"a\", \"meta\": {\"k\": 1, \"k\": 2}}\n",
    GLOSS_FORMAT_ERROR_INVALID, "x.jsonl:1: meta.k: the member appears twice in the object" },
  { "pretty-nul", "[\n  {\"text\": \"a\\u0000\"}\n]\n",
    GLOSS_FORMAT_ERROR_INVALID, "x.jsonl: [0].text: a string holds a NUL character" },
};

/* 100 000 '[' (or '{"a":'), after a valid first line: json-glib's
 * recursive parser overflowed the stack on these. */
static inline char *
hostile_json_deep (gboolean objects)
{
  GString *s = g_string_new ("{\"text\": \"a\"}\n{\"text\": \"a\", \"meta\": ");

  for (guint i = 0; i < 100000; i++)
    g_string_append (s, objects ? "{\"a\":" : "[");
  g_string_append_c (s, '\n');
  return g_string_free (s, FALSE);
}

/* What hostile_json_deep() must be refused with (GLOSS_FORMAT_ERROR_SYNTAX). */
#define HOSTILE_JSON_DEEP_ARRAYS \
  "x.jsonl:2: meta[0][0][0]…(122 more levels)…[0][0]: malformed JSON at line 2, column 150: nested more than 128 levels deep"
#define HOSTILE_JSON_DEEP_OBJECTS \
  "x.jsonl:2: meta.a.a.a…(122 more levels)….a.a: malformed JSON at line 2, column 658: nested more than 128 levels deep"

/* Runs @check (input, code, part) on every case above. */
static inline void
hostile_json_check_all (void (*check) (const char *input,
                                       int         code,
                                       const char *part))
{
  for (guint i = 0; i < G_N_ELEMENTS (hostile_json); i++)
    {
      g_test_message ("%s", hostile_json[i].name);
      check (hostile_json[i].input, hostile_json[i].code, hostile_json[i].part);
    }
  for (guint objects = 0; objects < 2; objects++)
    {
      g_autofree char *deep = hostile_json_deep (objects);

      g_test_message ("deep %s", objects ? "objects" : "arrays");
      check (deep, GLOSS_FORMAT_ERROR_SYNTAX,
             objects ? HOSTILE_JSON_DEEP_OBJECTS : HOSTILE_JSON_DEEP_ARRAYS);
    }
}
