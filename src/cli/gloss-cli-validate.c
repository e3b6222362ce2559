/* gloss-cli-validate.c: gloss-cli validate INPUT…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-cli.h"
#include "gloss-format-native.h"

/* Problems listed per file; past this, the file is surely not one to fix by hand. */
#define MAX_PROBLEMS 100

/* A .gloss file: every problem, not only the first. FALSE if it has any. */
static gboolean
check_native (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = gloss_cli_load_file (path, &error);
  g_autoptr(GPtrArray) problems = NULL;

  if (bytes == NULL)
    {
      gloss_cli_print_error (path, error);
      return FALSE;
    }
  problems = gloss_native_check_bytes (bytes, g_strcmp0 (path, "-") == 0 ? "standard input" : path,
                                       MAX_PROBLEMS);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s\n", (const char *)problems->pdata[i]);
  if (problems->len >= MAX_PROBLEMS)
    g_printerr ("%s: stopped after %d problems\n", path, MAX_PROBLEMS);
  return problems->len == 0;
}

int
gloss_cli_validate (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *offsets = NULL;
  gboolean verbose = FALSE;
  GlossFormatOptions options = { 0 };
  const GlossFormat *format = NULL;
  GlossCliProgress progress;
  guint n_invalid = 0;
  int status = GLOSS_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "format", 'F', 0, G_OPTION_ARG_STRING, &format_name, "The inputs' format (default: native)", "FORMAT" },
    { "offsets", 0, 0, G_OPTION_ARG_STRING, &offsets, "The inputs' offset unit, for formats that vary", "codepoints|utf16|bytes" },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "Also print “FILE: OK” for valid files", NULL },
    { NULL }
  };

  context = g_option_context_new ("INPUT…");
  g_option_context_set_summary (context,
                                "Read each file completely and check it: JSON syntax, version, "
                                "types, ids and references, and that every span's text is the "
                                "document's text at its offsets. Problems are printed on stderr as "
                                "“FILE: where: what”: every problem of a .gloss file (up to 100; "
                                "a syntax error or a bad document or schema stops the reading), the "
                                "first of a file in another format. Exit status 0 when every file is "
                                "valid, 1 when one is not.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!gloss_cli_parse_options (context, "validate", &argc, &argv))
    return GLOSS_CLI_EXIT_USAGE;

  if (argc < 2)
    {
      gloss_cli_usage_error ("validate", "no input files");
      return GLOSS_CLI_EXIT_USAGE;
    }
  if (!gloss_cli_parse_offsets ("validate", offsets, &options))
    return GLOSS_CLI_EXIT_USAGE;
  if (format_name != NULL &&
      (format = gloss_cli_get_format ("validate", format_name, TRUE, &status)) == NULL)
    return status;
  if (!gloss_cli_check_format_options ("validate", format, &options, NULL))
    return GLOSS_CLI_EXIT_USAGE;

  gloss_cli_progress_init (&progress, argc - 1);
  gloss_cli_progress_attach (&progress, &options);
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) stores = NULL;

      gloss_cli_progress_update (&progress, i, argv[i]);
      if (format == NULL || g_str_equal (format->name, "native"))
        {
          gloss_cli_progress_clear (&progress);
          if (!check_native (argv[i]))
            n_invalid++;
          else if (verbose)
            g_print ("%s: OK\n", argv[i]);
          continue;
        }
      stores = gloss_cli_read_input (format, argv[i], &options, &error);
      if (stores == NULL)
        {
          gloss_cli_progress_clear (&progress);
          gloss_cli_print_error (argv[i], error);
          n_invalid++;
        }
      else if (verbose)
        {
          gloss_cli_progress_clear (&progress);
          g_print ("%s: OK\n", argv[i]);
        }
    }
  gloss_cli_progress_clear (&progress);

  if (n_invalid > 0 && argc > 2)
    g_printerr ("%u of %d files are not valid\n", n_invalid, argc - 1);

  return n_invalid > 0 ? GLOSS_CLI_EXIT_FAILURE : GLOSS_CLI_EXIT_OK;
}
