/* gloss-cli-common.c: option parsing, messages, input and output for the verbs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "gloss-cli.h"
#include "gloss-error.h"
#include "gloss-format-native.h"
#include "gloss-input-file.h"

static gboolean
parse_max_size (const char  *option,
                const char  *value,
                gpointer     data,
                GError     **error)
{
  guint64 size;

  if (!gloss_input_parse_size (value, &size) || size == 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--max-size must be a size such as 500M or 2G, not “%s”", value);
      return FALSE;
    }
  gloss_input_set_max_size (size, "use --max-size to raise it");
  return TRUE;
}

gboolean
gloss_cli_parse_options (GOptionContext   *context,
                         const char       *verb,
                         int              *argc,
                         char           ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("gloss-cli %s", verb);
  /* Every verb reads files: every verb takes the limit. */
  const GOptionEntry common[] = {
    { "max-size", 0, 0, G_OPTION_ARG_CALLBACK, (gpointer) parse_max_size,
      "Refuse input files larger than SIZE (default 1G; K, M, G, T are powers of 1024)", "SIZE" },
    { NULL }
  };

  g_option_context_add_main_entries (context, common, NULL);
  gloss_input_set_max_size (gloss_input_get_max_size (), "use --max-size to raise it");

  /* The usage line of --help reads "gloss-cli VERB [OPTION…] …". */
  g_set_prgname (prgname);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      gloss_cli_usage_error (verb, "%s", error->message);
      return FALSE;
    }

  return TRUE;
}

void
gloss_cli_usage_error (const char *verb,
                       const char *format,
                       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (verb != NULL)
    g_printerr ("gloss-cli %s: %s\nTry “gloss-cli %s --help”.\n", verb, message, verb);
  else
    g_printerr ("gloss-cli: %s\nTry “gloss-cli --help”.\n", message);
}

void
gloss_cli_error (const char *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("gloss-cli: %s\n", message);
}

void
gloss_cli_print_error (const char   *path,
                       const GError *error)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *full = NULL;
  const char *hint = "";

  /* The core says the file exists; only here is there a --force. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS) ||
      g_error_matches (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_EXISTS))
    hint = "; use --force to overwrite it";

  /* The core's messages start with the file's name; add it where not. */
  if (path == NULL || g_str_has_prefix (error->message, path))
    {
      g_printerr ("%s%s\n", error->message, hint);
      return;
    }

  /* GIO names a file by its absolute path: say it as the user wrote it. */
  file = g_file_new_for_commandline_arg (path);
  full = g_file_get_parse_name (file);
  if (g_str_has_prefix (error->message, full) && error->message[strlen (full)] == ':')
    g_printerr ("%s%s%s\n", path, error->message + strlen (full), hint);
  else
    g_printerr ("%s: %s%s\n", path, error->message, hint);
}

const GlossFormat *
gloss_cli_get_format (const char *verb,
                      const char *name,
                      gboolean    for_import,
                      int        *exit_code)
{
  const GlossFormat *format;

  if (name == NULL)
    {
      gloss_cli_usage_error (verb, "--format is required");
      *exit_code = GLOSS_CLI_EXIT_USAGE;
      return NULL;
    }

  format = gloss_format_lookup (name);
  if (format == NULL)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      const GlossFormat **all = gloss_format_list ();

      for (guint i = 0; all[i] != NULL; i++)
        g_string_append_printf (names, "%s%s", i ? ", " : "", all[i]->name);
      gloss_cli_usage_error (verb, "unknown format “%s” (one of %s)", name, names->str);
      *exit_code = GLOSS_CLI_EXIT_USAGE;
      return NULL;
    }

  if ((for_import && format->import == NULL) || (!for_import && format->export == NULL && format->export_files == NULL))
    {
      gloss_cli_error ("%s %s is not supported yet", for_import ? "reading" : "writing",
                       format->name);
      *exit_code = GLOSS_CLI_EXIT_FAILURE;
      return NULL;
    }

  return format;
}

gboolean
gloss_cli_parse_offsets (const char         *verb,
                         const char         *name,
                         GlossFormatOptions *options)
{
  if (name == NULL)
    return TRUE;

  if (!gloss_offset_unit_from_string (name, &options->offsets))
    {
      gloss_cli_usage_error (verb, "--offsets must be codepoints, utf16 or bytes, not “%s”", name);
      return FALSE;
    }

  options->offsets_set = TRUE;
  return TRUE;
}

gboolean
gloss_cli_check_format_options (const char               *verb,
                                const GlossFormat        *format,
                                const GlossFormatOptions *options,
                                const char               *schema_path)
{
  /* NULL is native, the default of the verbs that read .gloss files. */
  if (format == NULL || g_str_equal (format->name, "native"))
    {
      if (options->offsets_set && options->offsets != GLOSS_OFFSET_CODEPOINTS)
        {
          gloss_cli_usage_error (verb, "--offsets does not apply to native: "
                                 "its offsets are always code points");
          return FALSE;
        }
      if (schema_path != NULL)
        {
          gloss_cli_usage_error (verb, "--schema does not apply to native: "
                                 "a .gloss file carries its own schema");
          return FALSE;
        }
    }

  return TRUE;
}

GBytes *
gloss_cli_load_file (const char  *path,
                     GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  if (g_strcmp0 (path, "-") == 0)
    bytes = gloss_input_stream_load (STDIN_FILENO, "standard input", &local_error);
  else
    {
      file = g_file_new_for_commandline_arg (path);
      bytes = gloss_input_file_load (file, &local_error);
    }

  if (bytes == NULL)
    g_set_error_literal (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO, local_error->message);
  return bytes;
}

/* A JSON Lines file read a line at a time, so that an import that hands
 * its documents over holds one record, not the file. NULL with @error
 * unset when the file cannot be opened that way (not a local file): it
 * is then read whole. */
static GPtrArray *
read_lines (const GlossFormat        *format,
            const char               *path,
            const GlossFormatOptions *options,
            GError                  **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) local_error = NULL;
  GPtrArray *stores;
  guint64 size = 0;
  int fd = gloss_input_file_open (file, &size, &local_error);

  if (fd < 0)
    {
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
        g_set_error_literal (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO, local_error->message);
      return NULL;
    }
  stores = gloss_format_import_fd (format, fd, size, options, &local_error);
  close (fd);
  if (stores == NULL && local_error->domain == GLOSS_FORMAT_ERROR)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (stores == NULL)
    g_set_error_literal (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO, local_error->message);
  return stores;
}

GPtrArray *
gloss_cli_read_input (const GlossFormat        *format,
                      const char               *path,
                      const GlossFormatOptions *options,
                      GError                  **error)
{
  g_autoptr(GBytes) bytes = NULL;
  GlossFormatOptions opts = { 0 };

  if (options != NULL)
    opts = *options;
  opts.where = g_strcmp0 (path, "-") == 0 ? "standard input" : path;

  if (format != NULL && format->reads_lines && opts.document != NULL && g_strcmp0 (path, "-") != 0)
    {
      g_autoptr(GError) local_error = NULL;
      GPtrArray *stores = read_lines (format, path, &opts, &local_error);

      if (stores != NULL || local_error != NULL)
        {
          if (local_error != NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
          return stores;
        }
    }

  if ((bytes = gloss_cli_load_file (path, error)) == NULL)
    return NULL;

  if (format == NULL || g_str_equal (format->name, "native"))
    {
      GlossStore *store = gloss_native_read_bytes (bytes, opts.where, error);
      GPtrArray *stores;

      if (store == NULL)
        return NULL;
      stores = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (stores, store);
      return stores;
    }

  return format->import (bytes, &opts, error);
}

gboolean
gloss_cli_write_output (const char  *path,
                        GBytes      *bytes,
                        gboolean     force,
                        GError     **error)
{
  g_autoptr(GFile) file = NULL;

  if (g_strcmp0 (path, "-") == 0)
    {
      gsize size;
      gconstpointer data = g_bytes_get_data (bytes, &size);

      if ((size > 0 && fwrite (data, 1, size, stdout) != size) || fflush (stdout) != 0)
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO,
                       "standard output: cannot write: %s", g_strerror (errno));
          return FALSE;
        }
      return TRUE;
    }

  /* GIO would drop the slash and write a file of the folder's name. */
  if (g_str_has_suffix (path, G_DIR_SEPARATOR_S))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO,
                   "%s: names a folder; give a file name", path);
      return FALSE;
    }

  /* Checked here too so that the message names the file as the user
   * wrote it, not as an absolute path after the "PATH: " prefix. */
  if (!force && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_EXISTS,
                   "%s: the file exists", path);
      return FALSE;
    }

  file = g_file_new_for_commandline_arg (path);
  return gloss_format_write_file (file, bytes, force, error);
}

/* Long names are cut from the left: the end of a path says most. */
#define PROGRESS_NAME_WIDTH 48
#define PROGRESS_INTERVAL_US (100 * G_TIME_SPAN_MILLISECOND)

void
gloss_cli_progress_init (GlossCliProgress *progress,
                         guint             total)
{
  *progress = (GlossCliProgress) {
    .active = isatty (STDERR_FILENO),
    .total = total,
  };
}

static void
progress_draw (GlossCliProgress *progress)
{
  g_autoptr(GString) line = NULL;
  gint64 now = g_get_monotonic_time ();

  if (progress->shown && now - progress->last_draw < PROGRESS_INTERVAL_US)
    return;

  line = g_string_new ("\r\033[K");
  if (progress->total > 1)
    g_string_append_printf (line, "[%u/%u] ", progress->done, progress->total);
  if (progress->what != NULL)
    {
      g_autofree char *name = g_filename_display_name (progress->what);
      glong length = g_utf8_strlen (name, -1);

      if (length > PROGRESS_NAME_WIDTH)
        g_string_append_printf (line, "…%s",
                                g_utf8_offset_to_pointer (name, length - PROGRESS_NAME_WIDTH + 1));
      else
        g_string_append (line, name);
    }
  g_string_append_printf (line, " %u%%", progress->percent);

  g_printerr ("%s", line->str);
  progress->last_draw = now;
  progress->shown = TRUE;
}

/* A GlossFormatProgressFunc. */
static void
progress_report (gsize    done,
                 gsize    total,
                 gpointer data)
{
  GlossCliProgress *progress = data;

  progress->percent = total > 0 ? (guint) ((double) done / total * 100) : 100;
  progress_draw (progress);
}

void
gloss_cli_progress_attach (GlossCliProgress   *progress,
                           GlossFormatOptions *options)
{
  if (!progress->active)
    return;

  options->progress = progress_report;
  options->progress_data = progress;
}

void
gloss_cli_progress_update (GlossCliProgress *progress,
                           guint             done,
                           const char       *what)
{
  if (!progress->active)
    return;

  progress->done = done;
  progress->what = what;
  progress->percent = 0;
  progress_draw (progress);
}

void
gloss_cli_progress_clear (GlossCliProgress *progress)
{
  if (progress->shown)
    g_printerr ("\r\033[K");
  progress->shown = FALSE;
}

void
gloss_cli_print_json (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

void
gloss_cli_json_add_int (JsonBuilder *builder,
                        const char  *member,
                        gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}
