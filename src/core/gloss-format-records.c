/* gloss-format-records.c: the records of a JSON-based input (JSON Lines,
 * or one JSON value: an array of records or a record), read one by one,
 * whole or with one member left lazy, for the formats' importers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-error.h"
#include "gloss-format-private.h"
#include "gloss-json-lite.h"
#include "gloss-json-parse.h"
#include "gloss-json-reader.h"

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

void
_gloss_format_report_progress (const GlossFormatOptions *options,
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
      _gloss_format_report_progress (options, gloss_json_reader_get_position (reader), size);
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

/* Only JSON's white space in [@pos, @end). */
static gboolean
only_space (const char *data,
            gsize       pos,
            gsize       end)
{
  while (pos < end && (data[pos] == ' ' || data[pos] == '\t' || data[pos] == '\n' || data[pos] == '\r'))
    pos++;
  return pos == end;
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
  if (node == NULL || gloss_json_reader_next (reader) == GLOSS_JSON_ERROR ||
      !only_space (data, gloss_json_reader_get_position (reader), end))
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
       _gloss_format_report_progress (options, lines->done + lines->pos, lines->total))
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

      /* A line the reader takes is UTF-8 without NUL (strict in strings,
       * and no other byte is JSON outside them): a line of megabytes is
       * checked again only when it fails, for the plainer message. */
      root = parse_record (context, data, pos, pos + len, lines->data_line + 1, loc, &incomplete, &line_error);
      if (root == NULL && memchr (start, '\0', len) != NULL)
        {
          g_clear_error (&line_error);
          g_set_error (&line_error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SYNTAX,
                       "%s: the line contains a NUL byte (a binary file?)", loc);
          lines->keep = first = FALSE;
          if (!skip_line (options, loc, &line_error, error))
            return FALSE;
          continue;
        }
      if (root == NULL && !g_utf8_validate (start, len, &bad))
        {
          g_clear_error (&line_error);
          g_set_error (&line_error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SYNTAX,
                       "%s: not valid UTF-8 at byte %" G_GSIZE_FORMAT " of the line",
                       loc, (gsize) (bad - start));
          lines->keep = first = FALSE;
          if (!skip_line (options, loc, &line_error, error))
            return FALSE;
          continue;
        }

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
          _gloss_format_report_progress (options, lines->total, lines->total);
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
    _gloss_format_report_progress (options, lines->total, lines->total);  /* empty: still say it is done */

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

const GlossJsonLiteValue *
_gloss_format_lite_member (GlossImportContext  *context,
                           JsonObject          *record,
                           const char          *member,
                           GlossJsonLite       *lite,
                           const char          *loc,
                           GError             **error)
{
  JsonNode *node;

  if (context->lazy_value != NULL && g_str_equal (member, context->lazy_member))
    return context->lazy_value;
  if ((node = json_object_get_member (record, member)) == NULL)
    return NULL;
  return gloss_json_lite_read_node (lite, node, loc, error);
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
