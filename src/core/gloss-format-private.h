/* gloss-format-private.h: helpers shared by the JSON-based formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "gloss-document.h"
#include "gloss-format.h"
#include "gloss-json-lite.h"
#include "gloss-json-writer.h"
#include "gloss-store.h"

G_BEGIN_DECLS

/* Called for each record (a JSON object) of a JSON Lines input; @loc is
 * "FILE:LINE" for messages. */
typedef gboolean (*GlossRecordFunc) (JsonObject  *record,
                                     const char  *loc,
                                     gpointer     user_data,
                                     GError     **error);


/* The lines of a JSON Lines input (gloss-format-lines.c): all its bytes,
 * or a file read a piece at a time. */
typedef struct
{
  const char  *data;       /* the bytes at hand */
  gsize        size;
  gsize        pos;        /* where the next line starts in data */
  guint        line;       /* lines handed out */
  guint        data_line;  /* lines before data[0] */
  guint64      done;       /* bytes of the input before data[0] */
  guint64      total;      /* the input's size, for progress */
  int          fd;         /* -1: all the bytes are in data */
  gboolean     eof;
  gboolean     keep;       /* hold everything read, until told otherwise */
  const char  *where;
  GByteArray  *buffer;
} GlossLines;

void     _gloss_lines_init_bytes (GlossLines  *lines,
                                  GBytes      *input);
void     _gloss_lines_init_fd    (GlossLines  *lines,
                                  int          fd,
                                  guint64      total,
                                  const char  *where);
void     _gloss_lines_clear      (GlossLines  *lines);
gboolean _gloss_lines_next       (GlossLines  *lines,
                                  gsize       *start,
                                  gsize       *length,
                                  GError     **error);
gboolean _gloss_lines_read_rest  (GlossLines  *lines,
                                  GError     **error);

/* What the records of one JSON Lines import share; the user_data of the
 * GlossRecordFunc given to _gloss_format_import_records(). */
typedef struct
{
  const GlossFormatOptions *options;
  GlossOffsetUnit           unit;       /* the options' unit, else the format's */
  GlossSchema              *schema;     /* shared by every store */
  GPtrArray                *stores;
  char                     *stem;
  char                     *source;     /* the input's basename, or NULL */
  guint                     n_records;
  guint                     n_problems;  /* logged for the current record */
  const char               *lazy_member; /* a member of each record left unparsed, or NULL */
  const char               *lazy_json;   /* its JSON text in the current record, or NULL */
  gsize                     lazy_length;
  GlossJsonLite            *lazy_lite;   /* when set, the lazy member is read into it… */
  const GlossJsonLiteValue *lazy_value;  /* …as this, for the current record */
} GlossImportContext;

/* Tells @options' progress callback, if any, that @done of @total is read
 * (0 of 0: the end). */
void        _gloss_format_report_progress (const GlossFormatOptions *options,
                                           gsize                     done,
                                           gsize                     total);

/* gloss-format-records.c: calls @func for each record of @input; the
 * stores it adds to the context's are returned (NULL on error). */
GPtrArray  *_gloss_format_import_records  (GBytes                   *input,
                                           const GlossFormatOptions *options,
                                           GlossOffsetUnit           default_unit,
                                           GlossRecordFunc           func,
                                           GError                  **error);
/* The same, but the member @lazy_member of each record (prodigy's
 * "tokens") is only checked as JSON, not built into the record: its text
 * is in the context's lazy_json for the importer to parse if it needs it. */
GPtrArray  *_gloss_format_import_records_lazily (GBytes                   *input,
                                           const GlossFormatOptions *options,
                                           GlossOffsetUnit           default_unit,
                                           const char               *lazy_member,
                                           GlossRecordFunc           func,
                                           GError                  **error);
/* The same, but the lazy member is read (into a GlossJsonLite arena
 * that lives for the record) and is the context's lazy_value: W3C's
 * "first" page of annotations, read once, not skipped and read again. */
GPtrArray  *_gloss_format_import_records_lite (GBytes                   *input,
                                           const GlossFormatOptions *options,
                                           GlossOffsetUnit           default_unit,
                                           const char               *lazy_member,
                                           GlossRecordFunc           func,
                                           GError                  **error);
/* A document of @text named by the record's "id" (else STEM-N), with the
 * record's "title", "source" (else the input's name), "language" and
 * "meta"; counts the record. */
/* The member @member of @record in a GlossJsonLite arena: the lazy one
 * (read from the input straight into the context's arena), or another
 * (or the lazy one of a record that was read whole) from the record's
 * tree into @lite. NULL when absent, or with @error set when unreadable. */
const GlossJsonLiteValue *_gloss_format_lite_member (GlossImportContext  *context,
                                                     JsonObject          *record,
                                                     const char          *member,
                                                     GlossJsonLite       *lite,
                                                     const char          *loc,
                                                     GError             **error);
GlossDocument *_gloss_format_new_document (GlossImportContext *context,
                                           JsonObject         *record,
                                           const char         *text,
                                           const char         *loc,
                                           GError            **error);
/* A store of @document holding the annotations of @lists in order (each
 * a GPtrArray of GlossAnnotation), appended to the context's stores. */
gboolean    _gloss_format_add_store       (GlossImportContext  *context,
                                           GlossDocument       *document,
                                           GPtrArray          **lists,
                                           guint                n_lists,
                                           const char          *loc,
                                           GError             **error);

/* The end of a format of one document a file: with problems logged, the
 * file is left out (and listed); else the store is added and progress
 * reported as done. */
gboolean    _gloss_format_finish_file     (GlossImportContext  *context,
                                           GlossDocument       *document,
                                           GPtrArray          **lists,
                                           guint                n_lists,
                                           const char          *where,
                                           GError             **error);

/* Writes one JSON object for a document. */
typedef void (*GlossExportStoreFunc) (GlossStore      *store,
                                      GlossOffsetUnit  unit,
                                      GlossJsonWriter *writer);

/* One line per store, each from @func; reports progress through @options
 * after each document. */
GBytes     *_gloss_format_export_lines    (GPtrArray                *stores,
                                           const GlossFormatOptions *options,
                                           GlossOffsetUnit           default_unit,
                                           GlossExportStoreFunc      func);
/* The whole file of a format that streams, from its chunks and end;
 * reports progress through @options after each document. */
GBytes     *_gloss_format_export_chunks   (GPtrArray                *stores,
                                           const GlossFormatOptions *options,
                                           GlossExportChunkFunc      chunk,
                                           GlossExportEndFunc        end);
/* Writes the document's "meta" member, when it has one, and ends the
 * record's object. */
void        _gloss_format_end_record      (GlossJsonWriter *writer,
                                           GlossDocument   *document);

/* Called for each element of a JSON array with its path "MEMBER[I]". */
typedef gboolean (*GlossObjectFunc) (JsonObject  *object,
                                     const char  *path,
                                     gpointer     user_data,
                                     GError     **error);

/* Calls @func for each element of @array, which must be an object, else
 * an error "LOC: MEMBER[I]: must be an object". */
gboolean    _gloss_format_foreach_object  (JsonArray       *array,
                                           const char      *member,
                                           const char      *loc,
                                           GlossObjectFunc  func,
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
/* The same two for an object read into a GlossJsonLite arena. */
gboolean    _gloss_format_lite_offset     (const GlossJsonLiteValue *object,
                                           const char      *member,
                                           const char      *loc,
                                           const char      *path,
                                           gint64          *out,
                                           GError         **error);
char       *_gloss_format_lite_dup_id     (const GlossJsonLiteValue *object,
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

/* With an import log: logs @error's message as a problem of the current
 * record, clears it and returns TRUE (go on); without one, FALSE. */
gboolean    _gloss_format_log_problem     (GlossImportContext *context,
                                           GError            **error);
/* _gloss_format_foreach_object(), but with an import log every element's
 * problem is logged and the next element read. */
gboolean    _gloss_format_foreach_object_logged (GlossImportContext *context,
                                           JsonArray       *array,
                                           const char      *member,
                                           const char      *loc,
                                           GlossObjectFunc  func,
                                           gpointer         user_data,
                                           GError         **error);
/* The same for a list read into a GlossJsonLite arena. */
typedef gboolean (*GlossLiteFunc) (const GlossJsonLiteValue  *object,
                                   const char                *path,
                                   gpointer                   user_data,
                                   GError                   **error);
gboolean    _gloss_format_foreach_lite_logged (GlossImportContext       *context,
                                           const GlossJsonLiteValue *array,
                                           const char               *member,
                                           const char               *loc,
                                           GlossLiteFunc             func,
                                           gpointer                  user_data,
                                           GError                  **error);
/* "PREFIX[INDEX]", the path of a list's element (g_strdup_printf() costs
 * more than the element's reading). */
char       *_gloss_format_element_path    (const char      *prefix,
                                           guint            index);
/* @prefix, @n in decimal and @suffix, as one string ("m12"). */
char       *_gloss_format_numbered        (const char      *prefix,
                                           guint            n,
                                           const char      *suffix);
/* Logs a note (a re-anchored span, an offset unit to check). */
void        _gloss_format_log_note        (GlossImportContext *context,
                                           const char         *format,
                                           ...) G_GNUC_PRINTF (2, 3);
/* _gloss_format_make_span(), then, with an import log, a span whose @text
 * does not match is moved to the one place near it (or, failing that, in
 * the whole text) where @text is, and a note says so. */
gboolean    _gloss_format_make_span_anchored (GlossImportContext *context,
                                           GlossDocument   *document,
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

/* formats/gloss-format-shared.c */

/* @mention's entity; when it has none, one named after its text (id "eN")
 * is made and appended to @entities. */
GlossEntity     *_gloss_format_entity_for_mention (GlossDocument     *document,
                                                   GlossMention      *mention,
                                                   GPtrArray         *entities);
/* The first mention of @entity in text order, or NULL. */
GlossAnnotation *_gloss_format_first_mention      (GlossStore        *store,
                                                   GlossEntity       *entity);
/* The members of @object not named in @known (NULL when none): what a
 * format keeps as extra members and writes back. */
JsonObject      *_gloss_format_other_members      (JsonObject        *object,
                                                   const char *const *known,
                                                   gsize              n_known);
void             _gloss_format_add_other_members  (GlossJsonWriter   *writer,
                                                   JsonObject        *members,
                                                   const char *const *known,
                                                   gsize              n_known);
/* A walk through a document's text, for exporters that visit offsets in
 * order (tokens): a step costs the characters passed over, where
 * gloss_document_cp_to_byte() starts again from a checkpoint each time. */
typedef struct
{
  GlossDocument *document;
  const char    *text;
  guint          cp;
  gsize          byte;
  gsize          utf16;
} GlossTextWalk;

void             _gloss_text_walk_init            (GlossTextWalk     *walk,
                                                   GlossDocument     *document);
/* Moves to code point @cp (forward by walking, back from a checkpoint)
 * and returns the text there. */
const char      *_gloss_text_walk_to              (GlossTextWalk     *walk,
                                                   guint              cp);
/* The walk's code point as an offset in @unit. */
gsize            _gloss_text_walk_offset          (const GlossTextWalk *walk,
                                                   GlossOffsetUnit    unit);
/* Counts into @report (when not NULL) each relation of @stores an entity
 * of which has no mention, for formats whose relations link mentions. */
void             _gloss_format_report_unplaced_relations (GPtrArray         *stores,
                                                          GlossFormatReport *report);
/* The next line of a text format: FALSE at the end, or with @error set on
 * a NUL byte or bad UTF-8. */
gboolean         _gloss_format_next_line          (GBytes            *input,
                                                   gsize             *pos,
                                                   guint             *line,
                                                   const char       **start,
                                                   gsize             *len,
                                                   const char        *where,
                                                   GError           **error);

/* formats/gloss-format-shape.c */

/* The format whose records look like @record ("jsonl", "doccano",
 * "prodigy", "labelstudio"), by members only that format has; NULL when
 * nothing tells. */
const char      *_gloss_format_guess_shape        (JsonObject        *record);
/* "Prodigy/spaCy JSONL", … for a name _gloss_format_guess_shape() gave. */
const char      *_gloss_format_shape_description  (const char        *format);
/* The member that told, quoted: "“spans”". */
const char      *_gloss_format_shape_evidence     (JsonObject        *record,
                                                   const char        *format);
/* FALSE with an error naming the right --format when @record is shaped as
 * another format than @format. */
gboolean         _gloss_format_check_shape        (JsonObject        *record,
                                                   const char        *format,
                                                   const char        *loc,
                                                   GError           **error);

G_END_DECLS
