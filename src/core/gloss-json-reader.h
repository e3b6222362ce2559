/* gloss-json-reader.h: a small pull parser for JSON over a byte buffer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib's JsonParser builds a tree of the whole input, which for a
 * .gloss file with 100 000 annotations costs more than a second and
 * 200 MB. This reader hands out one token at a time instead, never copies
 * a string without escapes, keeps no recursion (an explicit stack with a
 * depth limit) and tracks the JSON path ("mentions[12].spans[0]") so that
 * errors can say where they are. It must survive arbitrary bytes.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define GLOSS_JSON_MAX_DEPTH 128

typedef enum
{
  GLOSS_JSON_END,          /* the value (or input) is complete */
  GLOSS_JSON_ERROR,        /* see gloss_json_reader_get_error() */
  GLOSS_JSON_BEGIN_OBJECT,
  GLOSS_JSON_END_OBJECT,
  GLOSS_JSON_BEGIN_ARRAY,
  GLOSS_JSON_END_ARRAY,
  GLOSS_JSON_MEMBER,       /* a member name; the value follows */
  GLOSS_JSON_STRING,
  GLOSS_JSON_NUMBER,
  GLOSS_JSON_TRUE,
  GLOSS_JSON_FALSE,
  GLOSS_JSON_NULL,
} GlossJsonToken;

typedef struct _GlossJsonReader GlossJsonReader;

/* @data must stay alive and unchanged while the reader is used. @where
 * names the input in messages. The whole of @data must be one JSON value,
 * with only white space around it. */
GlossJsonReader *gloss_json_reader_new         (const char      *data,
                                                gsize            length,
                                                const char      *where);
/* Reads the one value that starts at byte @offset of @data, and reports
 * GLOSS_JSON_END after it without looking further. Paths start with
 * @prefix (e.g. "mentions"); lines and columns count from @data. */
GlossJsonReader *gloss_json_reader_new_at      (const char      *data,
                                                gsize            length,
                                                gsize            offset,
                                                const char      *where,
                                                const char      *prefix);
void             gloss_json_reader_free        (GlossJsonReader *self);

GlossJsonToken   gloss_json_reader_next        (GlossJsonReader *self);
GlossJsonToken   gloss_json_reader_get_token   (GlossJsonReader *self);
/* Byte offset in @data where the current token starts. */
gsize            gloss_json_reader_get_offset  (GlossJsonReader *self);
/* Byte offset in @data just past what the reader has consumed. */
gsize            gloss_json_reader_get_position (GlossJsonReader *self);
/* Number of containers the reader is inside. */
guint            gloss_json_reader_get_depth   (GlossJsonReader *self);

/* The current MEMBER or STRING, decoded, as valid UTF-8 (it may contain
 * NUL when the input has \u0000). Not NUL-terminated; valid until the next
 * call to the reader. */
const char      *gloss_json_reader_get_string  (GlossJsonReader *self,
                                                gsize           *length);
/* The same, NUL-terminated (copied into the reader's scratch buffer). */
const char      *gloss_json_reader_get_cstring (GlossJsonReader *self,
                                                gsize           *length);
gboolean         gloss_json_reader_string_equal (GlossJsonReader *self,
                                                 const char      *str);
/* The current NUMBER as written in the input. */
const char      *gloss_json_reader_get_number_text (GlossJsonReader *self,
                                                    gsize           *length);
/* FALSE when the number is negative, not whole, or too large. */
gboolean         gloss_json_reader_get_uint32  (GlossJsonReader *self,
                                                guint32         *value);
gboolean         gloss_json_reader_get_int64   (GlossJsonReader *self,
                                                gint64          *value);
gboolean         gloss_json_reader_get_double  (GlossJsonReader *self,
                                                double          *value);

/* When the current token begins an object or an array, reads through its
 * end; otherwise does nothing. FALSE on error. */
gboolean         gloss_json_reader_skip        (GlossJsonReader *self);
/* Reads the value that starts at the current token (through its end for
 * containers) into a node. NULL on error. */
JsonNode        *gloss_json_reader_read_node   (GlossJsonReader *self);

/* Lines in messages count from @line at the data's first byte (a part of
 * a file read a piece at a time); 1 unless set. */
void             gloss_json_reader_set_first_line (GlossJsonReader *self,
                                                   guint            line);

/* "mentions[12].spans[0]": where the reader is. */
char            *gloss_json_reader_dup_path    (GlossJsonReader *self);
/* 1-based line and column (in characters) of byte @offset of the data. */
void             gloss_json_reader_get_location (GlossJsonReader *self,
                                                 gsize            offset,
                                                 guint           *line,
                                                 guint           *column);

const GError    *gloss_json_reader_get_error   (GlossJsonReader *self);
GError          *gloss_json_reader_take_error  (GlossJsonReader *self);
/* Sets the reader's error (GLOSS_FORMAT_ERROR, @code) to
 * "WHERE: PATH: message" at the current path, and stops the reader. */
void             gloss_json_reader_set_error   (GlossJsonReader *self,
                                                int              code,
                                                const char      *format,
                                                ...) G_GNUC_PRINTF (3, 4);

/* Makes @error (taken) the reader's error, as is, and stops the reader. */
void             gloss_json_reader_propagate_error (GlossJsonReader *self,
                                                    GError          *error);

/* After an error that is not about the syntax (set by the two functions
 * above, or a value the reader refused), takes the error and lets the
 * reader go on from the token where it stopped, so that a checker can
 * report more than one problem. NULL, leaving the reader stopped, after a
 * syntax error. */
GError          *gloss_json_reader_resume      (GlossJsonReader *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossJsonReader, gloss_json_reader_free)

G_END_DECLS
