/* gloss-format.c: the table of import/export formats, the atomic writer and
 * what the JSON-based formats share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-atomic-file.h"
#include "gloss-error.h"
#include "gloss-format.h"
#include "gloss-format-brat.h"
#include "gloss-format-conll.h"
#include "gloss-format-csv.h"
#include "gloss-format-doccano.h"
#include "gloss-format-jsonl.h"
#include "gloss-format-labelstudio.h"
#include "gloss-format-native.h"
#include "gloss-format-prodigy.h"
#include "gloss-format-w3c.h"
#include "gloss-format-webanno.h"
#include "gloss-format-xmi.h"
#include "gloss-format-private.h"
#include "gloss-json-parse.h"
#include "gloss-json-reader.h"

/* In the order of DESIGN §6. A NULL import or export is a direction that
 * is not written yet; callers say so instead of failing obscurely. */
static const GlossFormat formats[] = {
  { "native", "Gloss document (.gloss), one document a file", "gloss",
    gloss_native_import, gloss_native_export, GLOSS_CARRIES_ALL },
  { "jsonl", "Gloss dataset: JSON Lines, one document a line", "jsonl",
    gloss_jsonl_import, gloss_jsonl_export, GLOSS_CARRIES_ALL, NULL, TRUE, GLOSS_OFFSET_CODEPOINTS,
    TRUE, .reads_lines = TRUE },
  { "doccano", "doccano JSONL (label or entities/relations)", "jsonl",
    gloss_doccano_import, gloss_doccano_export,
    GLOSS_CARRIES_MENTIONS | GLOSS_CARRIES_OVERLAPS | GLOSS_CARRIES_RELATIONS,
    NULL, TRUE, GLOSS_OFFSET_UTF16, TRUE, .reads_lines = TRUE },
  { "prodigy", "spaCy/Prodigy JSONL", "jsonl",
    gloss_prodigy_import, gloss_prodigy_export,
    GLOSS_CARRIES_MENTIONS | GLOSS_CARRIES_OVERLAPS | GLOSS_CARRIES_RELATIONS,
    NULL, TRUE, GLOSS_OFFSET_CODEPOINTS, TRUE, .reads_lines = TRUE },
  { "conll", "CoNLL-2003-style IOB2 tags, one token a line", "conll",
    gloss_conll_import, gloss_conll_export, GLOSS_CARRIES_MENTIONS, .streams = TRUE },
  { "brat", "brat standoff (.txt + .ann)", "ann",
    gloss_brat_import, NULL, GLOSS_CARRIES_ALL, gloss_brat_export },
  { "w3c", "W3C Web Annotation JSON-LD", "jsonld",
    gloss_w3c_import, gloss_w3c_export,
    GLOSS_CARRIES_ALL, .streams = TRUE, .export_chunk = gloss_w3c_export_chunk,
    .export_end = gloss_w3c_export_end },
  { "labelstudio", "Label Studio task JSON", "json",
    gloss_labelstudio_import, gloss_labelstudio_export,
    GLOSS_CARRIES_MENTIONS | GLOSS_CARRIES_OVERLAPS | GLOSS_CARRIES_RELATIONS | GLOSS_CARRIES_NOTES,
    NULL, TRUE, GLOSS_OFFSET_UTF16, TRUE, gloss_labelstudio_export_chunk, gloss_labelstudio_export_end },
  { "csv", "Mentions as CSV, one fragment a row", "csv",
    NULL, gloss_csv_export,
    GLOSS_CARRIES_MENTIONS | GLOSS_CARRIES_OVERLAPS | GLOSS_CARRIES_FRAGMENTS |
    GLOSS_CARRIES_ENTITIES | GLOSS_CARRIES_KB, NULL, TRUE, GLOSS_OFFSET_CODEPOINTS,
    TRUE, gloss_csv_export_chunk, gloss_csv_export_end },
  { "webanno", "WebAnno / INCEpTION TSV 3.3", "tsv",
    gloss_webanno_import, NULL, GLOSS_CARRIES_MENTIONS | GLOSS_CARRIES_OVERLAPS | GLOSS_CARRIES_ENTITIES |
    GLOSS_CARRIES_KB | GLOSS_CARRIES_RELATIONS, NULL, FALSE, GLOSS_OFFSET_UTF16 },
  { "xmi", "UIMA CAS XMI as INCEpTION exports it", "xmi",
    gloss_xmi_import, NULL, GLOSS_CARRIES_MENTIONS | GLOSS_CARRIES_OVERLAPS | GLOSS_CARRIES_ENTITIES |
    GLOSS_CARRIES_KB | GLOSS_CARRIES_RELATIONS, NULL, FALSE, GLOSS_OFFSET_UTF16 },
};

static const GlossFormat *format_list[G_N_ELEMENTS (formats) + 1];

/**
 * gloss_format_lookup:
 * @name: a format name such as "jsonl"
 *
 * Returns: (transfer none) (nullable): the format, or %NULL if there is no
 *   format of that name
 */
const GlossFormat *
gloss_format_lookup (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (formats[i].name, name) == 0)
      return &formats[i];

  return NULL;
}

/**
 * gloss_format_list:
 *
 * Returns: (transfer none) (array zero-terminated=1): every format
 */
const GlossFormat **
gloss_format_list (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (gsize i = 0; i < G_N_ELEMENTS (formats); i++)
        format_list[i] = &formats[i];
      format_list[G_N_ELEMENTS (formats)] = NULL;
      g_once_init_leave (&initialized, 1);
    }

  return format_list;
}

static void
count_losses (const GlossFormat        *format,
              GPtrArray                *stores,
              const GlossFormatOptions *options)
{
  if (options->report != NULL)
    for (guint i = 0; i < stores->len; i++)
      gloss_format_report_count_store (options->report, g_ptr_array_index (stores, i), format->carries);
}

/**
 * gloss_format_export:
 * @format: a format that can export
 * @stores: (element-type GlossStore): the documents
 * @options: the export's options; its report, when set, receives the
 *   counts of what the format cannot carry, then what the exporter itself
 *   had to leave out (with where)
 * @error: return location for a #GLOSS_FORMAT_ERROR
 *
 * Returns: (transfer full) (nullable): the file's bytes, or %NULL on error
 */
GBytes *
gloss_format_export (const GlossFormat        *format,
                     GPtrArray                *stores,
                     const GlossFormatOptions *options,
                     GError                  **error)
{
  g_return_val_if_fail (format != NULL && format->export != NULL, NULL);
  g_return_val_if_fail (stores != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  count_losses (format, stores, options);
  return format->export (stores, options, error);
}

/**
 * gloss_format_export_files:
 * @format: a format that writes several files
 * @stores: (element-type GlossStore): the documents
 * @options: as for gloss_format_export()
 * @error: return location for a #GLOSS_FORMAT_ERROR
 *
 * Returns: (transfer container) (element-type GlossFormatFile) (nullable):
 *   the files, or %NULL on error
 */
GPtrArray *
gloss_format_export_files (const GlossFormat        *format,
                           GPtrArray                *stores,
                           const GlossFormatOptions *options,
                           GError                  **error)
{
  g_return_val_if_fail (format != NULL && format->export_files != NULL, NULL);
  g_return_val_if_fail (stores != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  count_losses (format, stores, options);
  return format->export_files (stores, options, error);
}

/**
 * gloss_format_file_new:
 * @name: (transfer full): the file's name
 * @bytes: (transfer full): its content
 *
 * Returns: (transfer full): a file of an export
 */
GlossFormatFile *
gloss_format_file_new (char   *name,
                       GBytes *bytes)
{
  GlossFormatFile *file = g_new (GlossFormatFile, 1);

  file->name = name;
  file->bytes = bytes;
  return file;
}

void
gloss_format_file_free (GlossFormatFile *file)
{
  if (file == NULL)
    return;
  g_free (file->name);
  g_bytes_unref (file->bytes);
  g_free (file);
}

/**
 * gloss_format_write_file:
 * @file: where to write
 * @bytes: the whole content
 * @overwrite: whether an existing @file may be replaced
 * @error: return location for a #GLOSS_FORMAT_ERROR
 *
 * Writes @bytes to a temporary file next to @file and renames it over
 * @file (gloss_atomic_file_replace()), so a failure leaves @file byte for
 * byte as it was, or absent, and no temporary file behind.
 *
 * Returns: %TRUE on success
 */
gboolean
gloss_format_write_file (GFile    *file,
                         GBytes   *bytes,
                         gboolean  overwrite,
                         GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  gconstpointer data;
  gsize size;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = g_bytes_get_data (bytes, &size);
  if (!gloss_atomic_file_replace (file, data, size, overwrite, &local_error))
    {
      g_set_error_literal (error, GLOSS_FORMAT_ERROR,
                           g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS)
                             ? GLOSS_FORMAT_ERROR_EXISTS : GLOSS_FORMAT_ERROR_IO,
                           local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Helpers for the JSON-based formats (spans and offsets: gloss-format-spans.c). */

char *
_gloss_format_stem (const char *where)
{
  g_autofree char *base = NULL;
  char *dot;

  if (where == NULL || *where == '\0')
    return g_strdup ("doc");

  base = g_path_get_basename (where);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';

  return g_steal_pointer (&base);
}

/* The @index-th element of a file's array, which must be a record. */
static gboolean
foreach_element (JsonNode         *element,
                 const char       *where,
                 guint             index,
                 GlossRecordFunc   func,
                 gpointer          user_data,
                 GError          **error)
{
  g_autofree char *loc = g_strdup_printf ("%s: [%u]", where, index);

  if (!JSON_NODE_HOLDS_OBJECT (element))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: a record must be a JSON object", loc);
      return FALSE;
    }
  return func (json_node_get_object (element), loc, user_data, error);
}

static gboolean
foreach_in_node (JsonNode         *root,
                 const char       *where,
                 guint             line,
                 GlossRecordFunc   func,
                 gpointer          user_data,
                 GError          **error)
{
  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      g_autofree char *loc = g_strdup_printf ("%s:%u", where, line);

      return func (json_node_get_object (root), loc, user_data, error);
    }

  if (JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (!foreach_element (json_array_get_element (array, i), where, i, func, user_data, error))
          return FALSE;
      return TRUE;
    }

  g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
               "%s:%u: a record must be a JSON object", where, line);
  return FALSE;
}

static void
report_progress (const GlossFormatOptions *options,
                 gsize                     done,
                 gsize                     total)
{
  if (options->progress != NULL)
    options->progress (done, total, options->progress_data);
}

/* The object at the reader's BEGIN_OBJECT, without its lazy member
 * (prodigy's "tokens", W3C's "first": thousands of objects a record, read
 * by the importer its own way): that member is checked as JSON but not
 * built, and the context says where its text is. NULL for anything
 * unusual (not an object, a member twice, a NUL in a name, bad JSON),
 * which the caller parses again in full, for the usual message. */
static JsonNode *
read_object_lazily (GlossImportContext *context,
                    GlossJsonReader    *reader,
                    const char         *data)
{
  g_autoptr(JsonObject) object = NULL;
  gsize lazy_start = 0, lazy_end = 0;
  gboolean lazy_seen = FALSE;

  if (gloss_json_reader_get_token (reader) != GLOSS_JSON_BEGIN_OBJECT)
    return NULL;

  object = json_object_new ();
  for (;;)
    {
      GlossJsonToken t = gloss_json_reader_next (reader);
      g_autofree char *name = NULL;
      JsonNode *node;
      gsize length;

      if (t == GLOSS_JSON_END_OBJECT)
        break;
      if (t != GLOSS_JSON_MEMBER)
        return NULL;
      name = g_strdup (gloss_json_reader_get_cstring (reader, &length));
      if (strlen (name) != length || json_object_has_member (object, name) ||
          (lazy_seen && g_str_equal (name, context->lazy_member)) ||
          gloss_json_reader_next (reader) == GLOSS_JSON_ERROR)
        return NULL;
      if (g_str_equal (name, context->lazy_member))
        {
          lazy_seen = TRUE;
          lazy_start = gloss_json_reader_get_offset (reader);
          if (context->lazy_lite != NULL)
            {
              gloss_json_lite_reset (context->lazy_lite);
              if ((context->lazy_value = gloss_json_lite_read (context->lazy_lite, reader)) == NULL)
                return NULL;
            }
          else if (!gloss_json_reader_skip (reader))
            return NULL;
          lazy_end = gloss_json_reader_get_position (reader);
          continue;
        }
      if ((node = gloss_json_reader_read_node (reader)) == NULL)
        return NULL;
      json_object_set_member (object, name, node);
    }

  if (lazy_seen)
    {
      context->lazy_json = data + lazy_start;
      context->lazy_length = lazy_end - lazy_start;
    }
  return json_node_init_object (json_node_alloc (), object);
}

/* The value at the reader's current token: with a lazy member, an
 * object read without it; else the whole tree. NULL with @error set. */
static JsonNode *
read_value_lazily (GlossImportContext *context,
                   GlossJsonReader    *reader,
                   const char         *data,
                   gsize               size,
                   const char         *where,
                   GError            **error)
{
  gsize offset = gloss_json_reader_get_offset (reader);
  g_autoptr(GlossJsonReader) again = NULL;
  g_autoptr(JsonNode) node = NULL;

  context->lazy_json = NULL;
  context->lazy_length = 0;
  context->lazy_value = NULL;
  if (context->lazy_member == NULL || gloss_json_reader_get_token (reader) != GLOSS_JSON_BEGIN_OBJECT)
    node = gloss_json_reader_read_node (reader);
  else if ((node = read_object_lazily (context, reader, data)) == NULL &&
           gloss_json_reader_get_error (reader) == NULL)
    {
      /* Not a plain object: read in full again, for the usual message. */
      again = gloss_json_reader_new_at (data, size, offset, where, NULL);
      gloss_json_reader_next (again);
      g_clear_pointer (&node, json_node_unref);
      node = gloss_json_reader_read_node (again);
      if (node != NULL)
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: a record at byte %" G_GSIZE_FORMAT " could not be read", where, offset);
          return NULL;
        }
      g_propagate_error (error, gloss_json_reader_take_error (again));
      return NULL;
    }
  if (node == NULL)
    g_propagate_error (error, gloss_json_reader_take_error (reader));
  return g_steal_pointer (&node);
}

/* Only white space may follow the file's value. */
static gboolean
check_rest (GlossJsonReader  *reader,
            const char       *data,
            gsize             size,
            const char       *where,
            GError          **error)
{
  gsize pos;
  guint line, column;

  if (gloss_json_reader_next (reader) == GLOSS_JSON_ERROR)
    {
      g_propagate_error (error, gloss_json_reader_take_error (reader));
      return FALSE;
    }
  for (pos = gloss_json_reader_get_position (reader); pos < size && g_ascii_isspace (data[pos]); pos++)
    ;
  if (pos == size)
    return TRUE;
  gloss_json_reader_get_location (reader, pos, &line, &column);
  g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SYNTAX,
               "%s: malformed JSON at line %u, column %u: more content after the end of the JSON value",
               where, line, column);
  return FALSE;
}

/* A file that is one JSON value: a record, or an array of records read
 * one element at a time with the pull reader, so that only one record's
 * tree is held (a W3C or Label Studio file of 1,000 documents was a tree
 * of gigabytes), and that without its lazy member. Records before a
 * syntax error further on are read first; the import fails all the same. */
static gboolean
foreach_in_value (const GlossFormatOptions  *options,
                  GlossImportContext        *context,
                  const char                *data,
                  gsize                      start,
                  gsize                      size,
                  const char                *where,
                  guint                      line,
                  GlossRecordFunc            func,
                  gpointer                   user_data,
                  GError                   **error)
{
  g_autoptr(GlossJsonReader) reader = gloss_json_reader_new_at (data, size, start, where, NULL);
  GlossJsonToken first = gloss_json_reader_next (reader);

  if (first != GLOSS_JSON_BEGIN_ARRAY)
    {
      g_autoptr(JsonNode) whole = NULL;

      if (first == GLOSS_JSON_ERROR)
        {
          g_propagate_error (error, gloss_json_reader_take_error (reader));
          return FALSE;
        }
      whole = read_value_lazily (context, reader, data, size, where, error);
      if (whole == NULL)
        return FALSE;
      return check_rest (reader, data, size, where, error) &&
             foreach_in_node (whole, where, line, func, user_data, error);
    }

  for (guint i = 0;; i++)
    {
      g_autoptr(JsonNode) element = NULL;
      GlossJsonToken t = gloss_json_reader_next (reader);

      if (t == GLOSS_JSON_END_ARRAY)
        break;
      if (t == GLOSS_JSON_ERROR)
        {
          g_propagate_error (error, gloss_json_reader_take_error (reader));
          return FALSE;
        }
      if ((element = read_value_lazily (context, reader, data, size, where, error)) == NULL)
        return FALSE;
      if (!foreach_element (element, where, i, func, user_data, error))
        return FALSE;
      report_progress (options, gloss_json_reader_get_position (reader), size);
    }

  return check_rest (reader, data, size, where, error);
}

/* With an import log, a line that is not a record is logged and left
 * out; without one it fails the import. */
static gboolean
skip_line (const GlossFormatOptions  *options,
           const char                *loc,
           GError                   **line_error,
           GError                   **error)
{
  if (options->log == NULL)
    {
      g_propagate_error (error, g_steal_pointer (line_error));
      return FALSE;
    }
  g_ptr_array_add (options->log->problems, g_strdup ((*line_error)->message));
  g_ptr_array_add (options->log->skipped, g_strdup (loc));
  g_clear_error (line_error);
  return TRUE;
}

/* The record in [@start, @end), its lazy member left unparsed (see
 * read_object_lazily()). */
static JsonNode *
parse_record (GlossImportContext  *context,
              const char          *data,
              gsize                start,
              gsize                end,
              guint                first_line,
              const char          *loc,
              gboolean            *incomplete,
              GError             **error)
{
  g_autoptr(GlossJsonReader) reader = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (context != NULL)
    {
      context->lazy_json = NULL;
      context->lazy_length = 0;
      context->lazy_value = NULL;
    }
  if (context == NULL || context->lazy_member == NULL)
    return gloss_json_parse_range_at_line (data, start, end, first_line, loc, incomplete, error);

  reader = gloss_json_reader_new_at (data, end, start, loc, NULL);
  gloss_json_reader_set_first_line (reader, first_line);
  gloss_json_reader_next (reader);
  node = read_object_lazily (context, reader, data);
  if (node == NULL || gloss_json_reader_next (reader) == GLOSS_JSON_ERROR)
    {
      context->lazy_json = NULL;
      context->lazy_length = 0;
      context->lazy_value = NULL;
      return gloss_json_parse_range_at_line (data, start, end, first_line, loc, incomplete, error);
    }

  if (incomplete != NULL)
    *incomplete = FALSE;
  return g_steal_pointer (&node);
}

/* Calls @func for each record of @lines (a JSON Lines file, or one JSON
 * value: a record or an array of records); reports progress through
 * @options after each line. */
static gboolean
foreach_record (GlossLines               *lines,
                const GlossFormatOptions *options,
                GlossImportContext       *context,
                GlossRecordFunc           func,
                gpointer                  user_data,
                GError                  **error)
{
  const char *where = options->where ? options->where : "<input>";
  g_autoptr(GError) read_error = NULL;
  gboolean first = TRUE;
  gsize pos, len;

  /* Progress after every line, blank ones included. */
  for (; _gloss_lines_next (lines, &pos, &len, &read_error);
       report_progress (options, lines->done + lines->pos, lines->total))
    {
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(GError) line_error = NULL;
      g_autofree char *loc = NULL;
      gboolean incomplete;
      const char *data = lines->data;
      const char *start = data + pos;
      const char *bad;
      gboolean blank = TRUE;

      if (len > 0 && start[len - 1] == '\r')
        len--;
      for (gsize i = 0; i < len && blank; i++)
        blank = g_ascii_isspace (start[i]);
      if (blank)
        continue;

      loc = g_strdup_printf ("%s:%u", where, lines->line);

      if (memchr (start, '\0', len) != NULL)
        {
          g_set_error (&line_error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SYNTAX,
                       "%s: the line contains a NUL byte (a binary file?)", loc);
          lines->keep = first = FALSE;
          if (!skip_line (options, loc, &line_error, error))
            return FALSE;
          continue;
        }
      if (!g_utf8_validate (start, len, &bad))
        {
          g_set_error (&line_error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SYNTAX,
                       "%s: not valid UTF-8 at byte %" G_GSIZE_FORMAT " of the line",
                       loc, (gsize) (bad - start));
          lines->keep = first = FALSE;
          if (!skip_line (options, loc, &line_error, error))
            return FALSE;
          continue;
        }

      root = parse_record (context, data, pos, pos + len, lines->data_line + 1, loc, &incomplete, &line_error);
      if (root == NULL)
        {
          /* doccano's own "jsonl" example is one object pretty-printed
           * over many lines: accept a file that is one JSON value (all of
           * it is at hand: the lines are kept until the first record). */
          if (!first || !incomplete)
            {
              lines->keep = first = FALSE;
              if (!skip_line (options, loc, &line_error, error))
                return FALSE;
              continue;
            }
          if (!_gloss_lines_read_rest (lines, error) ||
              !foreach_in_value (options, context, lines->data, pos, lines->size, where, lines->line, func,
                                 user_data, error))
            return FALSE;
          report_progress (options, lines->total, lines->total);
          return TRUE;
        }

      lines->keep = first = FALSE;

      if (!foreach_in_node (root, where, lines->line, func, user_data, error))
        return FALSE;
    }
  if (read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      return FALSE;
    }

  if (lines->line == 0)
    report_progress (options, lines->total, lines->total);  /* empty: still say it is done */

  return TRUE;
}

static gboolean
log_record (JsonObject  *record,
            const char  *loc,
            gpointer     user_data,
            GError     **error)
{
  gpointer *data = user_data;
  GlossImportContext *context = data[0];
  GlossRecordFunc func = (GlossRecordFunc) data[1];
  g_autoptr(GError) local_error = NULL;
  guint n_stores = context->stores->len;

  context->n_problems = 0;
  if (func (record, loc, context, &local_error) && context->n_problems == 0)
    return TRUE;

  /* A record whose problems were logged one by one ends with a summary
   * error: the problems say it all. */
  if (local_error != NULL && context->n_problems == 0 &&
      !_gloss_format_log_problem (context, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_ptr_array_set_size (context->stores, n_stores);
  g_ptr_array_add (context->options->log->skipped, g_strdup (loc));
  return TRUE;
}

typedef struct
{
  GlossImportContext *context;
  GlossRecordFunc     func;
  gpointer            user_data;
} HandOver;

/* The record's func, then every store it made goes to the options'
 * document function: the import holds one document at a time. */
static gboolean
hand_over_record (JsonObject  *record,
                  const char  *loc,
                  gpointer     user_data,
                  GError     **error)
{
  HandOver *h = user_data;
  GPtrArray *stores = h->context->stores;
  const GlossFormatOptions *options = h->context->options;

  if (!h->func (record, loc, h->user_data, error))
    return FALSE;
  for (guint i = 0; i < stores->len; i++)
    if (!options->document (g_ptr_array_index (stores, i), options->document_data, error))
      return FALSE;
  g_ptr_array_set_size (stores, 0);
  return TRUE;
}


static GPtrArray *
import_records (GBytes                   *input,
                const GlossFormatOptions *options,
                GlossOffsetUnit           default_unit,
                const char               *lazy_member,
                gboolean                  lazy_lite,
                GlossRecordFunc           func,
                GError                  **error)
{
  g_autoptr(GPtrArray) stores = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossJsonLite) lite = lazy_lite ? gloss_json_lite_new () : NULL;
  GlossLines lines;
  gboolean ok;
  g_autoptr(GlossSchema) schema = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *source = NULL;
  GlossImportContext context = { 0 };
  gpointer log_data[] = { &context, func };
  gpointer user_data = &context;
  HandOver hand_over;

  schema = options->schema ? gloss_schema_copy (options->schema) : gloss_schema_new_default ();
  stem = _gloss_format_stem (options->where);
  source = options->where ? g_path_get_basename (options->where) : NULL;

  context.options = options;
  context.unit = options->offsets_set ? options->offsets : default_unit;
  context.schema = schema;
  context.stores = stores;
  context.stem = stem;
  context.source = source;
  context.lazy_member = lazy_member;
  context.lazy_lite = lite;

  /* With a log, record by record: a record with problems is left out,
   * its problems logged, and the next one read. */
  if (options->log != NULL)
    {
      func = log_record;
      user_data = log_data;
    }
  if (options->document != NULL)
    {
      hand_over = (HandOver) { &context, func, user_data };
      func = hand_over_record;
      user_data = &hand_over;
    }
  if (options->read_fd)
    _gloss_lines_init_fd (&lines, options->fd, options->fd_size, options->where ? options->where : "<input>");
  else
    _gloss_lines_init_bytes (&lines, input);
  ok = foreach_record (&lines, options, &context, func, user_data, error);
  _gloss_lines_clear (&lines);
  if (!ok)
    return NULL;

  return g_steal_pointer (&stores);
}

GPtrArray *
_gloss_format_import_records (GBytes                   *input,
                              const GlossFormatOptions *options,
                              GlossOffsetUnit           default_unit,
                              GlossRecordFunc           func,
                              GError                  **error)
{
  return import_records (input, options, default_unit, NULL, FALSE, func, error);
}

GPtrArray *
_gloss_format_import_records_lazily (GBytes                   *input,
                                     const GlossFormatOptions *options,
                                     GlossOffsetUnit           default_unit,
                                     const char               *lazy_member,
                                     GlossRecordFunc           func,
                                     GError                  **error)
{
  return import_records (input, options, default_unit, lazy_member, FALSE, func, error);
}

GPtrArray *
_gloss_format_import_records_lite (GBytes                   *input,
                                   const GlossFormatOptions *options,
                                   GlossOffsetUnit           default_unit,
                                   const char               *lazy_member,
                                   GlossRecordFunc           func,
                                   GError                  **error)
{
  return import_records (input, options, default_unit, lazy_member, TRUE, func, error);
}

GlossDocument *
_gloss_format_new_document (GlossImportContext *context,
                            JsonObject         *record,
                            const char         *text,
                            const char         *loc,
                            GError            **error)
{
  g_autoptr(GlossDocument) document = NULL;
  g_autofree char *id = NULL;
  const char *value;
  JsonNode *meta;

  context->n_records++;

  document = gloss_document_new_from_text (text, -1, loc, error);
  if (document == NULL)
    return NULL;

  id = _gloss_format_dup_id (record, "id");
  if (id == NULL)
    id = g_strdup_printf ("%s-%u", context->stem, context->n_records);
  gloss_document_set_id (document, id);
  if (context->source != NULL)
    gloss_document_set_source (document, context->source);
  if ((value = _gloss_format_get_string (record, "title")) != NULL)
    gloss_document_set_title (document, value);
  if ((value = _gloss_format_get_string (record, "source")) != NULL)
    gloss_document_set_source (document, value);
  if ((value = _gloss_format_get_string (record, "language")) != NULL)
    gloss_document_set_language (document, value);

  meta = json_object_get_member (record, "meta");
  if (meta != NULL && JSON_NODE_HOLDS_OBJECT (meta))
    gloss_document_set_meta (document, json_node_get_object (meta));

  return g_steal_pointer (&document);
}

static gboolean
load_all (GlossStore  *store,
          GPtrArray   *annotations,
          const char  *loc,
          GError     **error)
{
  for (guint i = 0; i < annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (annotations, i);
      const char *id = gloss_annotation_get_id (annotation);

      if (!gloss_store_load_add (store, annotation, error))
        {
          g_prefix_error (error, "%s: %s “%s”: ", loc,
                          gloss_annotation_kind_to_string (gloss_annotation_get_kind (annotation)),
                          id ? id : "");
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
_gloss_format_add_store (GlossImportContext  *context,
                         GlossDocument       *document,
                         GPtrArray          **lists,
                         guint                n_lists,
                         const char          *loc,
                         GError             **error)
{
  g_autoptr(GlossStore) store = gloss_store_new (document, context->schema);

  for (guint i = 0; i < n_lists; i++)
    if (!load_all (store, lists[i], loc, error))
      return FALSE;

  g_ptr_array_add (context->stores, g_steal_pointer (&store));
  return TRUE;
}

gboolean
_gloss_format_finish_file (GlossImportContext  *context,
                           GlossDocument       *document,
                           GPtrArray          **lists,
                           guint                n_lists,
                           const char          *where,
                           GError             **error)
{
  const GlossFormatOptions *options = context->options;

  if (context->n_problems > 0)
    {
      g_ptr_array_add (options->log->skipped, g_strdup (where));
      return TRUE;
    }
  if (!_gloss_format_add_store (context, document, lists, n_lists, where, error))
    return FALSE;
  if (options->progress != NULL)
    options->progress (1, 1, options->progress_data);
  return TRUE;
}

gboolean
_gloss_format_foreach_object (JsonArray       *array,
                              const char      *member,
                              const char      *loc,
                              GlossObjectFunc  func,
                              gpointer         user_data,
                              GError         **error)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("%s[%u]", member, i);

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: %s: must be an object", loc, path);
          return FALSE;
        }
      if (!func (json_node_get_object (element), path, user_data, error))
        return FALSE;
    }

  return TRUE;
}

/* Export */

GBytes *
_gloss_format_export_lines (GPtrArray                *stores,
                            const GlossFormatOptions *options,
                            GlossOffsetUnit           default_unit,
                            GlossExportStoreFunc      func)
{
  GString *out = g_string_new (NULL);
  GlossOffsetUnit unit = options->offsets_set ? options->offsets : default_unit;
  GlossJsonWriter writer;

  gloss_json_writer_init (&writer, out, FALSE);
  for (guint i = 0; i < stores->len; i++)
    {
      func (g_ptr_array_index (stores, i), unit, &writer);
      g_string_append_c (out, '\n');
      report_progress (options, i + 1, stores->len);
    }
  gloss_json_writer_clear (&writer);

  if (stores->len == 0)
    report_progress (options, 0, 0);

  return g_string_free_to_bytes (out);
}

GBytes *
_gloss_format_export_chunks (GPtrArray                *stores,
                             const GlossFormatOptions *options,
                             GlossExportChunkFunc      chunk,
                             GlossExportEndFunc        end)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < stores->len; i++)
    {
      chunk (g_ptr_array_index (stores, i), i, stores->len != 1, options, out);
      report_progress (options, i + 1, stores->len);
    }
  end (stores->len, options, out);

  if (stores->len == 0)
    report_progress (options, 0, 0);

  return g_string_free_to_bytes (out);
}

void
_gloss_format_end_record (GlossJsonWriter *writer,
                          GlossDocument   *document)
{
  JsonObject *meta = gloss_document_get_meta (document);

  if (meta != NULL && json_object_get_size (meta) > 0)
    {
      gloss_json_writer_member (writer, "meta");
      gloss_json_writer_object (writer, meta);
    }
  gloss_json_writer_end_object (writer);
}

/**
 * gloss_import_log_new:
 *
 * Returns: (transfer full): an empty log for GlossFormatOptions.log
 */
GlossImportLog *
gloss_import_log_new (void)
{
  GlossImportLog *log = g_new0 (GlossImportLog, 1);

  log->problems = g_ptr_array_new_with_free_func (g_free);
  log->notes = g_ptr_array_new_with_free_func (g_free);
  log->skipped = g_ptr_array_new_with_free_func (g_free);
  return log;
}

void
gloss_import_log_free (GlossImportLog *log)
{
  if (log == NULL)
    return;
  g_ptr_array_unref (log->problems);
  g_ptr_array_unref (log->notes);
  g_ptr_array_unref (log->skipped);
  g_free (log);
}

gboolean
_gloss_format_log_problem (GlossImportContext  *context,
                           GError             **error)
{
  GlossImportLog *log = context->options->log;

  if (log == NULL)
    return FALSE;
  g_return_val_if_fail (error != NULL && *error != NULL, FALSE);

  /* Problems of the input, not of the machine. */
  if ((*error)->domain != GLOSS_FORMAT_ERROR ||
      (*error)->code == GLOSS_FORMAT_ERROR_IO)
    return FALSE;

  g_ptr_array_add (log->problems, g_strdup ((*error)->message));
  g_clear_error (error);
  context->n_problems++;
  return TRUE;
}

void
_gloss_format_log_note (GlossImportContext *context,
                        const char         *format,
                        ...)
{
  va_list args;

  if (context->options->log == NULL)
    return;
  va_start (args, format);
  g_ptr_array_add (context->options->log->notes, g_strdup_vprintf (format, args));
  va_end (args);
}

gboolean
_gloss_format_foreach_object_logged (GlossImportContext *context,
                                     JsonArray          *array,
                                     const char         *member,
                                     const char         *loc,
                                     GlossObjectFunc     func,
                                     gpointer            user_data,
                                     GError            **error)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("%s[%u]", member, i);
      g_autoptr(GError) local_error = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        g_set_error (&local_error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                     "%s: %s: must be an object", loc, path);
      else if (func (json_node_get_object (element), path, user_data, &local_error))
        continue;

      if (!_gloss_format_log_problem (context, &local_error))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * gloss_format_name_documents:
 * @stores: (element-type GlossStore): documents of one export
 * @taken: (element-type utf8 utf8): the ids the export's documents got so
 *   far; a set (g_hash_table_add) that owns its strings
 * @name: (nullable): the file @stores were read from
 *
 * Datasets name documents by their ids: W3C's IRIs, CSV's document
 * column, brat's file names. A document without one gets its file's base
 * name without extension (what gloss-cli new gives); a document whose id
 * an earlier one of the export has gets "-2", "-3"… after it, so the same
 * inputs in the same order always give the same ids.
 */
void
gloss_format_name_documents (GPtrArray  *stores,
                             GHashTable *taken,
                             const char *name)
{
  g_return_if_fail (stores != NULL);
  g_return_if_fail (taken != NULL);

  for (guint i = 0; i < stores->len; i++)
    {
      GlossDocument *document = gloss_store_get_document (g_ptr_array_index (stores, i));
      const char *id = gloss_document_get_id (document);
      g_autofree char *stem = id != NULL && *id != '\0' ? g_strdup (id) : gloss_document_id_for_file_name (name);
      char *unique = g_strdup (stem);

      for (guint n = 2; g_hash_table_contains (taken, unique); n++)
        {
          g_free (unique);
          unique = g_strdup_printf ("%s-%u", stem, n);
        }
      if (g_strcmp0 (unique, id) != 0)
        gloss_document_set_id (document, unique);
      g_hash_table_add (taken, unique);
    }
}

/**
 * gloss_format_import_fd:
 * @format: a format that reads JSON Lines (@format->reads_lines)
 * @fd: the input, open for reading
 * @size: its size in bytes, for progress
 * @options: as for @format->import
 * @error: return location for a #GLOSS_FORMAT_ERROR or #G_IO_ERROR
 *
 * Imports @fd a line at a time: with @options->document handing each
 * document over as it is read, memory stays that of one record however
 * large the input. (A file that is one JSON value over many lines is read
 * whole.)
 *
 * Returns: (transfer container) (element-type GlossStore): as
 *   @format->import
 */
GPtrArray *
gloss_format_import_fd (const GlossFormat        *format,
                        int                       fd,
                        guint64                   size,
                        const GlossFormatOptions *options,
                        GError                  **error)
{
  g_autoptr(GBytes) none = g_bytes_new_static ("", 0);
  GlossFormatOptions opts;

  g_return_val_if_fail (format != NULL && format->reads_lines, NULL);
  g_return_val_if_fail (fd >= 0, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  opts = *options;
  opts.read_fd = TRUE;
  opts.fd = fd;
  opts.fd_size = size;
  return format->import (none, &opts, error);
}
