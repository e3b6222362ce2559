/* gloss-format.h: the import/export formats, looked up by name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-format-report.h"
#include "gloss-store.h"

G_BEGIN_DECLS

/**
 * GlossFormatOptions:
 * @offsets: the offset unit of the file; see @offsets_set
 * @offsets_set: %TRUE when the user chose @offsets, %FALSE for the format's default
 * @schema: (nullable): the schema imported documents start from; the default one when %NULL
 * @where: (nullable): the file name used in messages
 * @progress: (nullable): called as the work advances: importers after each
 *   line with the bytes read so far, exporters after each document; the
 *   last call has @done == @total
 * @progress_data: (closure progress): data for @progress
 * @report: (nullable): where exporters count what the format could not
 *   carry, and say where
 * @variant: (nullable): the shape to write, for a format with several
 *   (doccano: "label", the default, or "entities")
 * @log: (nullable): when set, importers go on after a problem: every
 *   problem of every record is logged, the records with problems are left
 *   out, and spans whose text is found unambiguously near their offsets
 *   are re-anchored (and logged); without it the first problem fails
 * * @document: (nullable): when set, the importers of records (jsonl,
 *   doccano, prodigy, labelstudio, w3c) hand each document over as soon
 *   as it is read instead of returning it, so that an import holds one
 *   document at a time; what they return holds only the documents not
 *   handed over (none). With @log, a record with problems is not handed
 *   over. %FALSE (with an error) stops the import.
 * @document_data: (closure document): data for @document
 *
 * New members go at the end, so positional initializers keep working.
 */
/**
 * GlossImportLog:
 * @problems: (element-type utf8): "FILE:LINE: PATH: what is wrong", in
 *   the order found; each leaves its record out
 * @notes: (element-type utf8): spans re-anchored and offset units worth a
 *   look; their records are read
 * @skipped: (element-type utf8): "FILE:LINE" of every record left out
 */
typedef struct
{
  GPtrArray *problems;
  GPtrArray *notes;
  GPtrArray *skipped;
} GlossImportLog;

GlossImportLog *gloss_import_log_new  (void);
void            gloss_import_log_free (GlossImportLog *log);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossImportLog, gloss_import_log_free)

typedef void (*GlossFormatProgressFunc) (gsize    done,
                                         gsize    total,
                                         gpointer data);

typedef gboolean (*GlossImportDocumentFunc) (GlossStore  *store,
                                             gpointer     data,
                                             GError     **error);

typedef struct
{
  GlossOffsetUnit          offsets;
  gboolean                 offsets_set;
  GlossSchema             *schema;
  const char              *where;
  GlossFormatProgressFunc  progress;
  gpointer                 progress_data;
  GlossFormatReport       *report;
  const char              *variant;
  GlossImportLog          *log;
  GlossImportDocumentFunc  document;
  gpointer                 document_data;
  gboolean                 read_fd;   /* set by gloss_format_import_fd(): read fd, not the input's bytes */
  int                      fd;
  guint64                  fd_size;
} GlossFormatOptions;

/* Read @input into one or more stores (one per document). */
typedef GPtrArray *(*GlossImportFunc) (GBytes                   *input,
                                       const GlossFormatOptions *options,
                                       GError                  **error);
/* Write @stores (GlossStore) into one file's bytes. */
typedef GBytes    *(*GlossExportFunc) (GPtrArray                *stores,
                                       const GlossFormatOptions *options,
                                       GError                  **error);

/**
 * GlossFormatFile:
 * @name: the file's name, without folder ("doc.ann")
 * @bytes: its content
 *
 * One file of an export that writes several (brat: a .txt and an .ann
 * per document).
 */
typedef struct
{
  char   *name;
  GBytes *bytes;
} GlossFormatFile;

GlossFormatFile    *gloss_format_file_new  (char   *name,
                                            GBytes *bytes);
void                gloss_format_file_free (GlossFormatFile *file);

/* Write @stores (GlossStore) as several files (GlossFormatFile). */
typedef GPtrArray *(*GlossExportFilesFunc) (GPtrArray                *stores,
                                            const GlossFormatOptions *options,
                                            GError                  **error);

/* A format written one document at a time (GlossFormatStream): the
 * @index-th document of the file appended to @out, with what goes before
 * it (a JSON array's "[" or ",", a CSV's header); @several: whether the
 * file holds more than one. Counts into @options->report what it leaves
 * out, like the export. */
typedef void       (*GlossExportChunkFunc) (GlossStore               *store,
                                            guint                     index,
                                            gboolean                  several,
                                            const GlossFormatOptions *options,
                                            GString                  *out);
/* What follows the last of @n documents (all of the file when @n is 0). */
typedef void       (*GlossExportEndFunc)   (guint                     n,
                                            const GlossFormatOptions *options,
                                            GString                  *out);

typedef struct
{
  const char      *name;
  const char      *description;
  const char      *extension;
  GlossImportFunc  import;   /* NULL: cannot import */
  GlossExportFunc  export;   /* NULL: cannot export */
  GlossFormatCarries carries;
  GlossExportFilesFunc export_files;  /* instead of export: a folder of files */
  gboolean         offsets_choice;   /* whether --offsets applies */
  GlossOffsetUnit  default_offsets;  /* the unit without --offsets */
  gboolean         streams;          /* written one document at a time (gloss-format-stream.h) */
  GlossExportChunkFunc export_chunk; /* NULL: the export of each document alone, concatenated */
  GlossExportEndFunc   export_end;   /* NULL: nothing after the last */
  gboolean         reads_lines;      /* imports JSON Lines a line at a time (gloss_format_import_fd()) */
} GlossFormat;

const GlossFormat  *gloss_format_lookup    (const char *name);
/* NULL-terminated, in the order of DESIGN §6. */
const GlossFormat **gloss_format_list      (void);
/* The importable format a file is most likely in, from its name and
 * (nullable) content (gloss-format-guess.c). */
const GlossFormat  *gloss_format_guess     (const char *name,
                                            GBytes     *bytes);
GStrv               gloss_format_get_extensions (const GlossFormat *format);

GPtrArray          *gloss_format_import_fd (const GlossFormat        *format,
                                            int                       fd,
                                            guint64                   size,
                                            const GlossFormatOptions *options,
                                            GError                  **error);

/* @format's exporter, after counting into @options->report, when set,
 * what @format->carries leaves out of @stores. */
GBytes             *gloss_format_export    (const GlossFormat        *format,
                                            GPtrArray                *stores,
                                            const GlossFormatOptions *options,
                                            GError                  **error);

/* The same for a format with export_files. */
GPtrArray          *gloss_format_export_files (const GlossFormat        *format,
                                               GPtrArray                *stores,
                                               const GlossFormatOptions *options,
                                               GError                  **error);

/* A file name (without extension) for the document @id, the @index-th. */
char               *gloss_format_file_stem    (const char               *id,
                                               guint                     index);

/* Gives each document of @stores, read from the file @name, an id none
 * of the export's other documents has (@taken: the ids given so far, a
 * set of owned strings, to which these are added). */
void                gloss_format_name_documents (GPtrArray              *stores,
                                                 GHashTable             *taken,
                                                 const char             *name);

/* Write @bytes to @file atomically (temporary file, then rename); refuse
 * an existing file unless @overwrite. */
gboolean            gloss_format_write_file (GFile     *file,
                                             GBytes    *bytes,
                                             gboolean   overwrite,
                                             GError   **error);

G_END_DECLS
