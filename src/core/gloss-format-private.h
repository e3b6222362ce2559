/* gloss-format-private.h: helpers shared by the JSON-based importers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "gloss-document.h"
#include "gloss-format.h"

G_BEGIN_DECLS

/* Called for each record (a JSON object) of a JSON Lines input; @loc is
 * "FILE:LINE" for messages. */
typedef gboolean (*GlossRecordFunc) (JsonObject  *record,
                                     const char  *loc,
                                     gpointer     user_data,
                                     GError     **error);

gboolean    _gloss_format_foreach_record  (GBytes          *input,
                                           const char      *where,
                                           GlossRecordFunc  func,
                                           gpointer         user_data,
                                           GError         **error);

const char *_gloss_format_unit_name       (GlossOffsetUnit  unit);
const char *_gloss_format_unit_id         (GlossOffsetUnit  unit);
gboolean    _gloss_format_parse_unit      (const char      *str,
                                           GlossOffsetUnit *unit);

/* An integer member >= 0; FALSE with an error naming @loc and @path when
 * it is missing or not one. */
gboolean    _gloss_format_get_offset      (JsonObject      *object,
                                           const char      *member,
                                           const char      *loc,
                                           const char      *path,
                                           gint64          *out,
                                           GError         **error);
/* A string or integer member as a string; NULL when absent. */
char       *_gloss_format_dup_id          (JsonObject      *object,
                                           const char      *member);
/* A string member; NULL when absent or not a string. */
const char *_gloss_format_get_string      (JsonObject      *object,
                                           const char      *member);

/* Converts [start, end) counted in @unit into a span of code points;
 * @text, when not NULL, must equal the span's text. */
gboolean    _gloss_format_make_span       (GlossDocument   *document,
                                           GlossOffsetUnit  unit,
                                           gint64           start,
                                           gint64           end,
                                           const char      *text,
                                           const char      *loc,
                                           const char      *path,
                                           GlossSpan       *span,
                                           GError         **error);

/* A name for the documents of @where: its basename without extension. */
char       *_gloss_format_stem            (const char      *where);

G_END_DECLS
