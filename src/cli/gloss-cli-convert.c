/* gloss-cli-convert.c: gloss-cli import and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include "gloss-atomic-file.h"
#include "gloss-cli.h"
#include "gloss-error.h"
#include "gloss-format-dataset.h"
#include "gloss-format-native.h"
#include "gloss-format-stream.h"
#include "gloss-json-writer.h"

/* A file name from a document id: no directory separators, no leading
 * dot, and nothing a shell would trip over. */
static char *
file_name_for (GlossStore *store,
               guint       index)
{
  g_autofree char *stem = gloss_format_file_stem (gloss_document_get_id (gloss_store_get_document (store)),
                                                  index);

  return g_strconcat (stem, ".gloss", NULL);
}

static void
remove_folders (GPtrArray *created)
{
  for (guint i = 0; i < created->len; i++)
    g_rmdir (g_ptr_array_index (created, i));
  g_ptr_array_set_size (created, 0);
}

static gboolean
is_directory_target (const char *output)
{
  return g_str_has_suffix (output, G_DIR_SEPARATOR_S) ||
         g_file_test (output, G_FILE_TEST_IS_DIR);
}

/* Creates the folder @output, recording in @created the folders that did
 * not exist (deepest first), so a failure can remove them again. On
 * failure, *@message says why (printed once the import's problems are),
 * or is NULL when @output is a file (the message counts the documents). */
static gboolean
make_folder (const char  *output,
             GPtrArray   *created,
             char       **message)
{
  g_autofree char *path = g_strdup (output);

  *message = NULL;
  while (g_str_has_suffix (path, G_DIR_SEPARATOR_S) && strlen (path) > 1)
    path[strlen (path) - 1] = '\0';

  if (g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (path, G_FILE_TEST_IS_DIR))
    return FALSE;

  for (g_autofree char *p = g_strdup (path);
       !g_file_test (p, G_FILE_TEST_EXISTS) && !g_str_equal (p, ".") && !g_str_equal (p, G_DIR_SEPARATOR_S); )
    {
      char *parent = g_path_get_dirname (p);

      g_ptr_array_add (created, g_steal_pointer (&p));
      p = parent;
    }

  if (g_mkdir_with_parents (path, 0777) != 0)
    {
      int saved_errno = errno;

      /* Some folder on the way is a file. */
      if (saved_errno == ENOTDIR || saved_errno == EEXIST)
        {
          for (g_autofree char *p = g_path_get_dirname (path);
               !g_str_equal (p, ".") && !g_str_equal (p, G_DIR_SEPARATOR_S); )
            {
              char *parent;

              if (g_file_test (p, G_FILE_TEST_EXISTS) && !g_file_test (p, G_FILE_TEST_IS_DIR))
                {
                  *message = g_strdup_printf ("%s: cannot create the folder: %s is a file, not a folder",
                                              output, p);
                  break;
                }
              parent = g_path_get_dirname (p);
              g_free (p);
              p = parent;
            }
        }
      else
        *message = g_strdup_printf ("%s: cannot create the folder: %s", output, g_strerror (saved_errno));
      remove_folders (created);
      if (*message == NULL)
        *message = g_strdup_printf ("%s: cannot create the folder", output);
      return FALSE;
    }

  return TRUE;
}

/* An import written as it is read: each document goes to its temporary
 * file in the folder OUT as soon as it is read, synced, and is let go, so
 * memory stays flat however many documents the inputs hold; all are
 * renamed into place at the end, or none. The first document waits for a
 * second (one document is the file OUT itself, unless OUT is a folder).
 * What stops the writing (a target that exists, a folder that cannot be
 * made) is said after the import's own problems, as before. */
typedef struct
{
  const char *output;
  gboolean    force;
  GlossStore *first;      /* held back: is it the only one? */
  guint       n;          /* documents read and kept */
  gboolean    folder;     /* OUT is the folder of the documents */
  GPtrArray  *targets;    /* paths, in step with files */
  GPtrArray  *files;      /* GlossAtomicFile, synced */
  GPtrArray  *created;    /* folders made for OUT */
  GHashTable *taken;      /* target paths (owned by targets) */
  char       *refusal;    /* why nothing will be written, or NULL */
  gboolean    to_stdout;  /* several documents for "-": a usage error */
  gboolean    is_file;    /* OUT is a file but holds several documents */
  GlossSchema *schema;    /* of the current input's documents */
  char       *schema_json;  /* as it was when the first of them was staged */
} Staging;

static void
staging_clear (Staging *s)
{
  g_clear_object (&s->first);
  g_clear_pointer (&s->files, g_ptr_array_unref);   /* aborts what is not committed */
  g_clear_pointer (&s->targets, g_ptr_array_unref);
  g_clear_pointer (&s->taken, g_hash_table_unref);
  g_clear_pointer (&s->created, g_ptr_array_unref);
  g_clear_pointer (&s->refusal, g_free);
  g_clear_object (&s->schema);
  g_clear_pointer (&s->schema_json, g_free);
}

static char *
schema_text (GlossSchema *schema)
{
  g_autoptr(JsonNode) node = gloss_schema_to_json (schema);

  return gloss_json_node_to_string (node, FALSE);
}

static gboolean
stage_one (Staging    *s,
           GlossStore *store)
{
  g_autofree char *name = file_name_for (store, s->targets->len);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GlossAtomicFile *atomic;
  char *path = g_build_filename (s->output, name, NULL);
  gconstpointer data;
  gsize size;

  for (guint n = 2; g_hash_table_contains (s->taken, path); n++)
    {
      g_autofree char *stem = g_strndup (name, strlen (name) - strlen (".gloss"));
      g_autofree char *other = g_strdup_printf ("%s-%u.gloss", stem, n);

      g_free (path);
      path = g_build_filename (s->output, other, NULL);
    }
  g_ptr_array_add (s->targets, path);
  g_hash_table_add (s->taken, path);

  if (!s->force && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      s->refusal = g_strdup_printf ("%s: the file exists; use --force to overwrite it", path);
      return FALSE;
    }
  bytes = gloss_native_write_bytes (store);
  data = g_bytes_get_data (bytes, &size);
  file = g_file_new_for_commandline_arg (path);
  atomic = gloss_atomic_file_begin (file, s->force, &error);
  if (atomic != NULL)
    g_ptr_array_add (s->files, atomic);
  if (atomic == NULL ||
      !gloss_atomic_file_write (atomic, data, size, &error) ||
      !gloss_atomic_file_sync (atomic, &error))
    {
      s->refusal = g_strdup_printf ("%s: %s\nno document was written", path, error->message);
      return FALSE;
    }
  return TRUE;
}

/* Whether the schema of the documents staged from the current input grew
 * after the first of them was written; if so, they are taken back (the
 * input's staged files removed, its count undone) to be staged again. */
static gboolean
restage_input (Staging *s,
               guint    n_before,
               guint    n_staged)
{
  g_autofree char *now = NULL;

  if (s->schema_json == NULL || s->refusal != NULL)
    return FALSE;
  now = schema_text (s->schema);
  if (g_str_equal (now, s->schema_json))
    return FALSE;

  for (guint i = n_staged; i < s->targets->len; i++)
    g_hash_table_remove (s->taken, g_ptr_array_index (s->targets, i));
  g_ptr_array_set_size (s->files, n_staged);   /* aborts them */
  g_ptr_array_set_size (s->targets, n_staged);
  if (n_before == 0)
    g_clear_object (&s->first);
  s->n = n_before;
  g_clear_pointer (&s->schema_json, g_free);
  return TRUE;
}

/* GlossImportDocumentFunc, and for the documents an importer returns. */
static gboolean
stage_document (GlossStore  *store,
                gpointer     data,
                GError     **error)
{
  Staging *s = data;

  s->n++;
  if (s->refusal != NULL || s->to_stdout || s->is_file)
    return TRUE;   /* read on, for the problems; nothing will be written */
  if (s->schema_json == NULL)
    {
      g_set_object (&s->schema, gloss_store_get_schema (store));
      s->schema_json = schema_text (s->schema);
    }
  if (!s->folder && s->n == 1 && !is_directory_target (s->output))
    {
      s->first = g_object_ref (store);
      return TRUE;
    }
  if (!s->folder)
    {
      if (g_str_equal (s->output, "-"))
        {
          s->to_stdout = TRUE;
          g_clear_object (&s->first);
          return TRUE;
        }
      if (!make_folder (s->output, s->created, &s->refusal))
        {
          s->is_file = s->refusal == NULL;
          g_clear_object (&s->first);
          return TRUE;
        }
      s->folder = TRUE;
      if (s->first != NULL)
        {
          g_autoptr(GlossStore) first = g_steal_pointer (&s->first);

          if (!stage_one (s, first))
            return TRUE;
        }
    }
  stage_one (s, store);
  return TRUE;
}

/* One line per problem: line breaks and tabs of quoted text shown as \n
 * and \t. */
static void
print_logged (const char *prefix,
              const char *message)
{
  g_autoptr(GString) s = g_string_new (message);

  g_string_replace (s, "\n", "\\n", 0);
  g_string_replace (s, "\t", "\\t", 0);
  g_printerr ("%s%s\n", prefix, s->str);
}

int
gloss_cli_import (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GlossSchema) schema = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *offsets = NULL;
  g_autofree char *schema_path = NULL;
  gboolean force = FALSE;
  gboolean skip_invalid = FALSE;
  g_autoptr(GlossImportLog) log = gloss_import_log_new ();
  GlossFormatOptions options = { 0 };
  const GlossFormat *format;
  GlossCliProgress progress;
  Staging st;
  int status = GLOSS_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "format", 'F', 0, G_OPTION_ARG_STRING, &format_name, "The inputs' format: native, jsonl, doccano, …", "FORMAT" },
    { "skip-invalid", 0, 0, G_OPTION_ARG_NONE, &skip_invalid,
      "Write the valid documents and list the others (default: write nothing when any input has a problem)", NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "The .gloss file to write, or a folder for several documents (required)", "OUT" },
    { "offsets", 0, 0, G_OPTION_ARG_STRING, &offsets,
      "The inputs' offset unit (default: the format's; doccano: utf16, jsonl: codepoints)", "codepoints|utf16|bytes" },
    { "schema", 's', 0, G_OPTION_ARG_FILENAME, &schema_path,
      "The schema to start from (default: the news schema); unknown types are added", "SCHEMA.json" },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, "Overwrite existing output files", NULL },
    { NULL }
  };

  context = g_option_context_new ("INPUT… -o OUT");
  g_option_context_set_summary (context,
                                "Read annotated documents in another format and write them as .gloss "
                                "documents: one document to the file OUT, several to the folder OUT "
                                "(one FILE.gloss per document, named after its id). A span whose "
                                "offsets fall outside the text or inside a character is an error.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!gloss_cli_parse_options (context, "import", &argc, &argv))
    return GLOSS_CLI_EXIT_USAGE;

  if (argc < 2)
    {
      gloss_cli_usage_error ("import", "no input files");
      return GLOSS_CLI_EXIT_USAGE;
    }
  if (output == NULL)
    {
      gloss_cli_usage_error ("import", "-o OUT is required");
      return GLOSS_CLI_EXIT_USAGE;
    }
  if (!gloss_cli_parse_offsets ("import", offsets, &options))
    return GLOSS_CLI_EXIT_USAGE;
  if ((format = gloss_cli_get_format ("import", format_name, TRUE, &status)) == NULL)
    return status;
  if (!gloss_cli_check_format_options ("import", format, &options, schema_path))
    return GLOSS_CLI_EXIT_USAGE;

  if (schema_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (schema_path);
      g_autoptr(GError) error = NULL;

      if ((schema = gloss_schema_new_from_file (file, &error)) == NULL)
        {
          gloss_cli_print_error (schema_path, error);
          return GLOSS_CLI_EXIT_FAILURE;
        }
      options.schema = schema;
    }

  /* Every input is read to the end: every problem of every one is
   * reported before anything is written; each document is staged as it
   * comes (stage_document), and all are renamed into place at the end. */
  st = (Staging) {
    .output = output, .force = force,
    .targets = g_ptr_array_new_with_free_func (g_free),
    .files = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_atomic_file_abort),
    .created = g_ptr_array_new_with_free_func (g_free),
    .taken = g_hash_table_new (g_str_hash, g_str_equal),
  };
  options.log = log;
  options.document = stage_document;
  options.document_data = &st;
  gloss_cli_progress_init (&progress, argc - 1);
  gloss_cli_progress_attach (&progress, &options);
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) read = NULL;
      guint skipped = log->skipped->len;
      guint n_before = st.n;
      guint n_staged;

      gloss_cli_progress_update (&progress, i, argv[i]);
      g_clear_object (&st.schema);
      g_clear_pointer (&st.schema_json, g_free);
      n_staged = st.files->len;
      read = gloss_cli_read_input (format, argv[i], &options, &error);
      if (read != NULL && restage_input (&st, n_before, n_staged))
        {
          /* The input's later records brought types the documents staged
           * before them lack: read it again from its final schema (its
           * problems are logged already), as if it had all been held. */
          g_autoptr(GlossImportLog) again_log = gloss_import_log_new ();
          GlossFormatOptions again = options;

          again.schema = st.schema;
          again.log = again_log;
          g_clear_pointer (&read, g_ptr_array_unref);
          read = gloss_cli_read_input (format, argv[i], &again, &error);
        }
      if (read == NULL)
        {
          /* A file that cannot be read at all (or a format that reads it
           * whole, as native) is one problem among the others. */
          if (!g_error_matches (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNSUPPORTED) &&
              !g_error_matches (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO) &&
              error->domain == GLOSS_FORMAT_ERROR)
            {
              g_ptr_array_add (log->problems, g_strdup (error->message));
              g_ptr_array_add (log->skipped, g_strdup (argv[i]));
              continue;
            }
          gloss_cli_progress_clear (&progress);
          gloss_cli_print_error (argv[i], error);
          staging_clear (&st);
          return GLOSS_CLI_EXIT_FAILURE;
        }
      /* The formats that do not hand documents over return them. */
      for (guint d = 0; d < read->len; d++)
        stage_document (g_ptr_array_index (read, d), &st, NULL);
      if (st.n == n_before && log->skipped->len == skipped)
        {
          gloss_cli_progress_clear (&progress);
          gloss_cli_error ("%s: no documents in the file", argv[i]);
          staging_clear (&st);
          return GLOSS_CLI_EXIT_FAILURE;
        }
    }
  gloss_cli_progress_clear (&progress);

  for (guint i = 0; i < log->notes->len; i++)
    print_logged ("note: ", g_ptr_array_index (log->notes, i));
  for (guint i = 0; i < log->problems->len; i++)
    print_logged ("", g_ptr_array_index (log->problems, i));
  if (log->problems->len > 0)
    {
      if (!skip_invalid || st.n == 0)
        {
          gloss_cli_error ("%u %s in %u %s; nothing was written%s", log->problems->len,
                           log->problems->len == 1 ? "problem" : "problems", log->skipped->len,
                           log->skipped->len == 1 ? "document" : "documents",
                           st.n > 0 ? " (--skip-invalid writes the valid ones)" : "");
          g_ptr_array_set_size (st.files, 0);
          remove_folders (st.created);
          staging_clear (&st);
          return GLOSS_CLI_EXIT_FAILURE;
        }
      for (guint i = 0; i < log->skipped->len; i++)
        g_printerr ("left out: %s\n", (const char *) g_ptr_array_index (log->skipped, i));
      g_printerr ("%u %s left out, %u written\n", log->skipped->len,
                  log->skipped->len == 1 ? "document" : "documents", st.n);
    }

  /* What stopped the writing, now that the problems are said. */
  if (st.to_stdout || st.is_file || st.refusal != NULL)
    {
      if (st.to_stdout)
        gloss_cli_error ("the inputs hold %u documents; give a folder with -o, not “-”", st.n);
      else if (st.is_file)
        gloss_cli_error ("%s: is a file, but the inputs hold %u documents; "
                         "give a folder with -o (one .gloss per document)", output, st.n);
      else
        gloss_cli_error ("%s", st.refusal);
      g_ptr_array_set_size (st.files, 0);
      remove_folders (st.created);
      staging_clear (&st);
      return st.to_stdout ? GLOSS_CLI_EXIT_USAGE : GLOSS_CLI_EXIT_FAILURE;
    }

  if (st.first != NULL)
    {
      g_autoptr(GBytes) bytes = gloss_native_write_bytes (st.first);
      g_autoptr(GError) error = NULL;

      staging_clear (&st);
      if (!force && !g_str_equal (output, "-") && g_file_test (output, G_FILE_TEST_EXISTS))
        {
          gloss_cli_error ("%s: the file exists; use --force to overwrite it", output);
          return GLOSS_CLI_EXIT_FAILURE;
        }
      if (!gloss_cli_write_output (output, bytes, force, &error))
        {
          gloss_cli_print_error (output, error);
          return GLOSS_CLI_EXIT_FAILURE;
        }
      return GLOSS_CLI_EXIT_OK;
    }

  if (!gloss_cli_commit_all (st.files, st.targets))
    {
      remove_folders (st.created);
      staging_clear (&st);
      return GLOSS_CLI_EXIT_FAILURE;
    }
  staging_clear (&st);
  return GLOSS_CLI_EXIT_OK;
}

/* What the format could not carry, on stderr: the counts, then where. */
static void
print_losses (const char        *output,
              const GlossFormat *format,
              GlossFormatReport *report)
{
  g_autofree char *summary = gloss_format_report_summary (report);
  GPtrArray *details = gloss_format_report_get_details (report);

  if (summary != NULL)
    g_printerr ("%s: %s could not carry %s\n",
                g_str_equal (output, "-") ? "standard output" : output, format->name, summary);
  for (guint i = 0; i < details->len; i++)
    g_printerr ("  %s\n", (const char *) g_ptr_array_index (details, i));
}

/* Into the output file's temporary file, or the spool of standard output. */
static gboolean
write_chunk (GlossAtomicFile  *atomic,
             FILE             *spool,
             GBytes           *bytes,
             GError          **error)
{
  gsize size;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  if (atomic != NULL)
    return gloss_atomic_file_write (atomic, data, size, error);
  if (size > 0 && fwrite (data, 1, size, spool) != size)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO,
                   "cannot write the temporary copy of the output: %s", g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

/* Standard output gets the export once all of it is made, from its spool
 * (an unnamed temporary file): a later input that fails leaves it empty,
 * as an output file is left as it was. */
static gboolean
copy_spool (FILE    *spool,
            GError **error)
{
  char buffer[65536];
  gsize n;

  if (fflush (spool) != 0 || fseek (spool, 0, SEEK_SET) != 0)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO,
                   "cannot read the temporary copy of the output: %s", g_strerror (errno));
      return FALSE;
    }
  while ((n = fread (buffer, 1, sizeof buffer, spool)) > 0)
    if (fwrite (buffer, 1, n, stdout) != n)
      break;
  if (ferror (spool) || ferror (stdout) || fflush (stdout) != 0)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO,
                   "standard output: cannot write: %s", g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

static void
close_spool (FILE *spool)
{
  if (spool != NULL)
    fclose (spool);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FILE, close_spool)

/* export of @inputs, each read, written and let go before the next. */
static int
export_streaming (const GlossFormat  *format,
                  char              **inputs,
                  int                 n_inputs,
                  GlossFormatOptions *options,
                  const char         *annotator,
                  const char         *output,
                  gboolean            force)
{
  g_autoptr(GlossAtomicFile) atomic = NULL;
  g_autoptr(FILE) spool = NULL;
  g_autoptr(GlossFormatStream) stream = gloss_format_stream_new (format, options);
  g_autoptr(GBytes) end = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean to_stdout = g_str_equal (output, "-");
  GlossCliProgress progress;
  guint n_documents = 0;

  if (!to_stdout)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      atomic = gloss_atomic_file_begin (file, force, &error);
      if (atomic == NULL)
        {
          gloss_cli_print_error (output, error);
          return GLOSS_CLI_EXIT_FAILURE;
        }
    }
  else if ((spool = tmpfile ()) == NULL)
    {
      gloss_cli_error ("cannot make a temporary copy of the output: %s", g_strerror (errno));
      return GLOSS_CLI_EXIT_FAILURE;
    }

  gloss_cli_progress_init (&progress, n_inputs);
  for (int i = 0; i < n_inputs; i++)
    {
      g_autoptr(GPtrArray) read = NULL;

      gloss_cli_progress_update (&progress, i + 1, inputs[i]);
      if (gloss_cli_is_project (inputs[i]))
        read = gloss_cli_read_project (inputs[i], annotator, TRUE, &error);
      else
        read = gloss_cli_read_input (NULL, inputs[i], NULL, &error);
      if (read == NULL)
        {
          gloss_cli_progress_clear (&progress);
          gloss_cli_print_error (inputs[i], error);
          return GLOSS_CLI_EXIT_FAILURE;
        }
      gloss_format_name_documents (read, taken, inputs[i]);
      for (guint d = 0; d < read->len; d++)
        {
          g_autoptr(GBytes) bytes = gloss_format_stream_add (stream, g_ptr_array_index (read, d), &error);

          if (bytes == NULL || !write_chunk (atomic, spool, bytes, &error))
            {
              gloss_cli_progress_clear (&progress);
              gloss_cli_print_error (output, error);
              return GLOSS_CLI_EXIT_FAILURE;
            }
          n_documents++;
        }
    }
  gloss_cli_progress_clear (&progress);

  end = gloss_format_stream_end (stream, &error);
  if (end == NULL || !write_chunk (atomic, spool, end, &error))
    {
      gloss_cli_print_error (output, error);
      return GLOSS_CLI_EXIT_FAILURE;
    }
  if ((atomic != NULL && !gloss_atomic_file_commit (atomic, &error)) ||
      (atomic == NULL && !copy_spool (spool, &error)))
    {
      gloss_cli_print_error (output, error);
      return GLOSS_CLI_EXIT_FAILURE;
    }
  if (n_inputs > 1)
    g_printerr ("%s: %u %s from %d inputs\n", to_stdout ? "standard output" : output, n_documents,
                n_documents == 1 ? "document" : "documents", n_inputs);
  return GLOSS_CLI_EXIT_OK;
}

int
gloss_cli_export (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) stores = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *offsets = NULL;
  g_autofree char *doccano_shape = NULL;
  g_autofree char *split = NULL;
  g_autofree char *annotator = NULL;
  gint seed = 0;
  guint percent[GLOSS_SPLIT_N_PARTS];
  gboolean force = FALSE;
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GlossFormatOptions options = { 0 };
  const GlossFormat *format;
  GlossCliProgress progress;
  int status = GLOSS_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "format", 'F', 0, G_OPTION_ARG_STRING, &format_name, "The output format: native, jsonl, doccano, …", "FORMAT" },
    { "split", 0, 0, G_OPTION_ARG_STRING, &split,
      "Split the documents into OUT/train, OUT/dev and OUT/test by these percentages", "80/10/10" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "The seed of the split's shuffle (default 0)", "N" },
    { "annotator", 'a', 0, G_OPTION_ARG_STRING, &annotator,
      "Whose done documents a project gives (default: Preferences' annotator name, else your real name)", "NAME" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "The file to write, or - for standard output (required)", "OUT" },
    { "offsets", 0, 0, G_OPTION_ARG_STRING, &offsets,
      "The offset unit to write (default: the format's; jsonl: codepoints, doccano: utf16)", "codepoints|utf16|bytes" },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, "Overwrite an existing output file", NULL },
    { "doccano-shape", 0, 0, G_OPTION_ARG_STRING, &doccano_shape,
      "doccano only: label ([start, end, TYPE] lists, for sequence labelling; the default) "
      "or entities (entities and relations, for relation extraction)", "label|entities" },
    { NULL }
  };

  context = g_option_context_new ("INPUT.gloss… -o OUT");
  g_option_context_set_summary (context,
                                "Write .gloss documents as one file of another format; "
                                "jsonl and doccano hold one document a line. An INPUT may be a "
                                "project folder: its curated documents and those the annotator "
                                "marked done. With --split, OUT is a folder that gets train, dev "
                                "and test files, each document in one of them.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!gloss_cli_parse_options (context, "export", &argc, &argv))
    return GLOSS_CLI_EXIT_USAGE;

  if (argc < 2)
    {
      gloss_cli_usage_error ("export", "no input files");
      return GLOSS_CLI_EXIT_USAGE;
    }
  if (output == NULL)
    {
      gloss_cli_usage_error ("export", "-o OUT is required");
      return GLOSS_CLI_EXIT_USAGE;
    }
  if (!gloss_cli_parse_offsets ("export", offsets, &options))
    return GLOSS_CLI_EXIT_USAGE;
  if ((format = gloss_cli_get_format ("export", format_name, FALSE, &status)) == NULL)
    return status;
  if (!gloss_cli_check_format_options ("export", format, &options, NULL))
    return GLOSS_CLI_EXIT_USAGE;
  if (doccano_shape != NULL && !g_str_equal (format->name, "doccano"))
    {
      gloss_cli_usage_error ("export", "--doccano-shape applies to --format doccano only");
      return GLOSS_CLI_EXIT_USAGE;
    }
  if (doccano_shape != NULL && !g_str_equal (doccano_shape, "label") && !g_str_equal (doccano_shape, "entities"))
    {
      gloss_cli_usage_error ("export", "--doccano-shape: “%s” is not a shape (label or entities)", doccano_shape);
      return GLOSS_CLI_EXIT_USAGE;
    }
  options.variant = doccano_shape;
  if (split != NULL && !gloss_cli_parse_split ("export", split, percent))
    return GLOSS_CLI_EXIT_USAGE;
  if (split == NULL && seed != 0)
    {
      gloss_cli_usage_error ("export", "--seed goes with --split");
      return GLOSS_CLI_EXIT_USAGE;
    }
  if (split == NULL && g_str_equal (format->name, "native") &&
      (argc > 2 || gloss_cli_is_project (argv[1])))
    {
      gloss_cli_usage_error ("export", "a .gloss file holds one document; give one input");
      return GLOSS_CLI_EXIT_USAGE;
    }
  if (split == NULL && g_str_has_suffix (output, G_DIR_SEPARATOR_S) && format->export_files == NULL)
    {
      gloss_cli_usage_error ("export", "“%s” names a folder, but export writes one file: "
                             "give its name, such as %sdataset.%s",
                             output, output, format->extension);
      return GLOSS_CLI_EXIT_USAGE;
    }

  if (split != NULL && g_str_equal (output, "-"))
    {
      gloss_cli_usage_error ("export", "--split writes three files: give a folder with -o, not “-”");
      return GLOSS_CLI_EXIT_USAGE;
    }

  /* Refuse before the work, not after it (a folder's files are checked
   * when they are known). */
  if (split == NULL && !force && !g_str_equal (output, "-") && g_file_test (output, G_FILE_TEST_EXISTS) &&
      !(format->export_files != NULL && g_file_test (output, G_FILE_TEST_IS_DIR)))
    {
      gloss_cli_error ("%s: the file exists; use --force to overwrite it", output);
      return GLOSS_CLI_EXIT_FAILURE;
    }

  if (split == NULL && gloss_format_streams (format))
    {
      int status_streamed;

      options.where = output;
      options.report = report;
      status_streamed = export_streaming (format, argv + 1, argc - 1, &options, annotator, output, force);
      if (status_streamed == GLOSS_CLI_EXIT_OK)
        print_losses (output, format, report);
      return status_streamed;
    }

  gloss_cli_progress_init (&progress, argc - 1);
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GPtrArray) read = NULL;

      gloss_cli_progress_update (&progress, i, argv[i]);
      if (gloss_cli_is_project (argv[i]))
        read = gloss_cli_read_project (argv[i], annotator, TRUE, &error);
      else
        read = gloss_cli_read_input (NULL, argv[i], NULL, &error);
      if (read == NULL)
        {
          gloss_cli_progress_clear (&progress);
          gloss_cli_print_error (argv[i], error);
          return GLOSS_CLI_EXIT_FAILURE;
        }
      gloss_format_name_documents (read, taken, argv[i]);
      g_ptr_array_extend_and_steal (stores, g_steal_pointer (&read));
    }
  gloss_cli_progress_clear (&progress);

  if (split != NULL)
    {
      GPtrArray **parts = gloss_format_split (stores, percent, (guint32) seed);
      gboolean written;

      options.where = output;
      written = gloss_cli_write_split (format, parts, &options, output, force);
      gloss_format_split_free (parts);
      return written ? GLOSS_CLI_EXIT_OK : GLOSS_CLI_EXIT_FAILURE;
    }

  options.where = output;
  gloss_cli_progress_init (&progress, 1);
  gloss_cli_progress_attach (&progress, &options);
  gloss_cli_progress_update (&progress, 1, g_str_equal (output, "-") ? "standard output" : output);
  options.report = report;
  if (format->export_files != NULL)
    {
      g_autoptr(GPtrArray) files = gloss_format_export_files (format, stores, &options, &error);

      gloss_cli_progress_clear (&progress);
      if (files == NULL)
        {
          gloss_cli_print_error (output, error);
          return GLOSS_CLI_EXIT_FAILURE;
        }
      if (!gloss_cli_write_files (output, files, force))
        return GLOSS_CLI_EXIT_FAILURE;
      print_losses (output, format, report);
      return GLOSS_CLI_EXIT_OK;
    }
  bytes = gloss_format_export (format, stores, &options, &error);
  gloss_cli_progress_clear (&progress);
  if (bytes == NULL)
    {
      gloss_cli_print_error (output, error);
      return GLOSS_CLI_EXIT_FAILURE;
    }

  if (!gloss_cli_write_output (output, bytes, force, &error))
    {
      gloss_cli_print_error (output, error);
      return GLOSS_CLI_EXIT_FAILURE;
    }
  print_losses (output, format, report);

  return GLOSS_CLI_EXIT_OK;
}
