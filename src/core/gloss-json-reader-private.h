/* gloss-json-reader-private.h: the state of GlossJsonReader, shared by
 * its tokenizer and its string and number decoding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-json-reader.h"

G_BEGIN_DECLS

typedef enum
{
  ST_VALUE,            /* a value must come */
  ST_VALUE_OR_END,     /* just after '[' */
  ST_MEMBER,           /* just after ',' in an object */
  ST_MEMBER_OR_END,    /* just after '{' */
  ST_COMMA_OR_END,     /* after a value inside a container */
  ST_EOF,              /* after the top-level value */
  ST_DONE,
} State;

typedef struct
{
  gsize    name_pos;   /* objects: offset of the current member name's quote */
  gint64   index;      /* arrays: index of the current element, -1 before */
  gboolean is_array;
  gboolean has_name;
} Frame;

struct _GlossJsonReader
{
  const guchar  *data;
  gsize          length;
  gsize          pos;
  char          *where;
  char          *prefix;
  gboolean       single_value;
  guint          first_line;     /* the line number of data[0] */

  State          state;
  GlossJsonToken token;
  gsize          token_pos;
  guint          depth;
  Frame          stack[GLOSS_JSON_MAX_DEPTH];

  const char    *str;
  gsize          str_len;
  gboolean       str_in_scratch;
  char          *scratch;
  gsize          scratch_alloc;
  gsize          scratch_len;

  gsize          num_len;
  gboolean       num_is_int;

  GError        *error;
  State          resume_state;   /* where a checking error stopped the reader */
  gboolean       resumable;
};

/* gloss-json-reader.c */
void     _gloss_json_reader_syntax_error (GlossJsonReader *self,
                                          gsize            at,
                                          const char      *format,
                                          ...) G_GNUC_PRINTF (3, 4);

/* gloss-json-reader-scalars.c */
/* Parses the string whose opening quote is at self->pos. On success,
 * self->str/str_len hold the decoded text and self->pos is past the
 * closing quote. With @out set (re-decoding a member name for a path),
 * the text is appended there instead and errors are not reported. */
gboolean _gloss_json_reader_parse_string (GlossJsonReader *self,
                                          GString         *out);
gboolean _gloss_json_reader_parse_number (GlossJsonReader *self);

G_END_DECLS
