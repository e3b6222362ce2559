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
    GLOSS_CARRIES_MENTIONS | GLOSS_CARRIES_OVERLAPS | GLOSS_CARRIES_RELATIONS | GLOSS_CARRIES_TITLE |
    GLOSS_CARRIES_SPACING,
    NULL, TRUE, GLOSS_OFFSET_UTF16, TRUE, .reads_lines = TRUE },
  { "prodigy", "spaCy/Prodigy JSONL", "jsonl",
    gloss_prodigy_import, gloss_prodigy_export,
    GLOSS_CARRIES_MENTIONS | GLOSS_CARRIES_OVERLAPS | GLOSS_CARRIES_RELATIONS | GLOSS_CARRIES_SPACING,
    NULL, TRUE, GLOSS_OFFSET_CODEPOINTS, TRUE, .reads_lines = TRUE },
  { "conll", "CoNLL-2003-style IOB2 tags, one token a line", "conll",
    /* Its exporter reports the texts whose spacing an import would not
     * rebuild. */
    gloss_conll_import, gloss_conll_export, GLOSS_CARRIES_MENTIONS | GLOSS_CARRIES_SPACING, .streams = TRUE },
  { "brat", "brat standoff (.txt + .ann)", "ann",
    gloss_brat_import, NULL, GLOSS_CARRIES_ANNOTATIONS | GLOSS_CARRIES_SPACING, gloss_brat_export },
  { "w3c", "W3C Web Annotation JSON-LD", "jsonld",
    gloss_w3c_import, gloss_w3c_export,
    GLOSS_CARRIES_ALL, .streams = TRUE, .export_chunk = gloss_w3c_export_chunk,
    .export_end = gloss_w3c_export_end },
  { "labelstudio", "Label Studio task JSON", "json",
    gloss_labelstudio_import, gloss_labelstudio_export,
    GLOSS_CARRIES_MENTIONS | GLOSS_CARRIES_OVERLAPS | GLOSS_CARRIES_RELATIONS | GLOSS_CARRIES_NOTES |
    GLOSS_CARRIES_SPACING,
    NULL, TRUE, GLOSS_OFFSET_UTF16, TRUE, gloss_labelstudio_export_chunk, gloss_labelstudio_export_end },
  { "csv", "Mentions as CSV, one fragment a row", "csv",
    NULL, gloss_csv_export,
    GLOSS_CARRIES_MENTIONS | GLOSS_CARRIES_OVERLAPS | GLOSS_CARRIES_FRAGMENTS |
    GLOSS_CARRIES_ENTITIES | GLOSS_CARRIES_KB | GLOSS_CARRIES_SPACING, NULL, TRUE, GLOSS_OFFSET_CODEPOINTS,
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
      g_autofree char *path = _gloss_format_element_path (member, i);

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
      _gloss_format_report_progress (options, i + 1, stores->len);
    }
  gloss_json_writer_clear (&writer);

  if (stores->len == 0)
    _gloss_format_report_progress (options, 0, 0);

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
      _gloss_format_report_progress (options, i + 1, stores->len);
    }
  end (stores->len, options, out);

  if (stores->len == 0)
    _gloss_format_report_progress (options, 0, 0);

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

/* With an import log, logs the problem in @local_error and says to go
 * on; without one, it is @error. */
static gboolean
log_or_propagate (GlossImportContext  *context,
                  GError             **local_error,
                  GError             **error)
{
  if (_gloss_format_log_problem (context, local_error))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (local_error));
  return FALSE;
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
      g_autofree char *path = _gloss_format_element_path (member, i);
      g_autoptr(GError) local_error = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        g_set_error (&local_error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                     "%s: %s: must be an object", loc, path);
      else if (func (json_node_get_object (element), path, user_data, &local_error))
        continue;

      if (!log_or_propagate (context, &local_error, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_gloss_format_foreach_lite_logged (GlossImportContext       *context,
                                   const GlossJsonLiteValue *array,
                                   const char               *member,
                                   const char               *loc,
                                   GlossLiteFunc             func,
                                   gpointer                  user_data,
                                   GError                  **error)
{
  for (guint i = 0; array != NULL && i < array->n; i++)
    {
      const GlossJsonLiteValue *element = array->items[i];
      g_autofree char *path = _gloss_format_element_path (member, i);
      g_autoptr(GError) local_error = NULL;

      if (element->kind != GLOSS_JSON_BEGIN_OBJECT)
        g_set_error (&local_error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                     "%s: %s: must be an object", loc, path);
      else if (func (element, path, user_data, &local_error))
        continue;

      if (!log_or_propagate (context, &local_error, error))
        return FALSE;
    }

  return TRUE;
}

char *
_gloss_format_numbered (const char *prefix,
                        guint       n,
                        const char *suffix)
{
  char digits[16];
  char *d = digits + sizeof digits;
  gsize n_prefix = strlen (prefix);
  gsize n_suffix = strlen (suffix);
  gsize n_digits;
  char *str;

  do
    {
      *--d = '0' + n % 10;
      n /= 10;
    }
  while (n != 0);
  n_digits = digits + sizeof digits - d;
  str = g_malloc (n_prefix + n_digits + n_suffix + 1);
  memcpy (str, prefix, n_prefix);
  memcpy (str + n_prefix, d, n_digits);
  memcpy (str + n_prefix + n_digits, suffix, n_suffix + 1);
  return str;
}

char *
_gloss_format_element_path (const char *prefix,
                            guint       index)
{
  g_autofree char *open = g_strconcat (prefix, "[", NULL);

  return _gloss_format_numbered (open, index, "]");
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
