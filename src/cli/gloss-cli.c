/* gloss-cli.c: dispatch to the verbs of gloss-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-cli.h"

static const GlossCliVerb verbs[] = {
  { "new", "Create a .gloss document from a UTF-8 article", gloss_cli_new },
  { "import", "Convert files of another format into .gloss documents", gloss_cli_import },
  { "export", "Convert .gloss documents into another format", gloss_cli_export },
  { "validate", "Check documents; list every problem as FILE: where: what", gloss_cli_validate },
  { "stats", "Count documents, characters and annotations by kind and type", gloss_cli_stats },
  { "agree", "Compare two annotations of one article (P/R/F1, Cohen's kappa)", gloss_cli_agree },
  { "journal", "List the unsaved edits a crashed window left for a document", gloss_cli_journal },
  { "recover", "Apply those edits and save the document, without the window", gloss_cli_recover },
  { "project", "Create a project, add documents, see and set their status", gloss_cli_project },
};

static void
print_help (void)
{
  const GlossFormat **formats = gloss_format_list ();

  g_print ("Usage:\n  gloss-cli VERB [OPTION…] ARGUMENTS…\n\n"
           "Annotate articles headlessly: convert, validate, count, compare.\n\nVerbs:\n");
  for (gsize i = 0; i < G_N_ELEMENTS (verbs); i++)
    g_print ("  %-10s %s\n", verbs[i].name, verbs[i].summary);

  g_print ("\nFormats:\n");
  /* What a format can do is said here, from its functions (brat exports
   * through export_files), not in its description. */
  for (guint i = 0; formats[i] != NULL; i++)
    {
      gboolean exports = formats[i]->export != NULL || formats[i]->export_files != NULL;

      g_print ("  %-12s %s%s\n", formats[i]->name, formats[i]->description,
               formats[i]->import == NULL && !exports ? " (not supported yet)" :
               !exports ? " (import only)" :
               formats[i]->import == NULL ? " (export only)" : "");
    }

  g_print ("\nRun “gloss-cli VERB --help” for the options of a verb.\n"
           "Exit status: 0 success, 1 invalid input or a failed read or write, 2 usage error.\n");
}

/**
 * gloss_cli_run:
 * @argc: the count of @argv
 * @argv: the command line, argv[0] being the program
 *
 * Returns: the exit status
 */
int
gloss_cli_run (int    argc,
               char **argv)
{
  const char *verb;

  if (argc < 2)
    {
      gloss_cli_usage_error (NULL, "a verb is required (new, import, export, validate, stats, agree, journal, recover, project)");
      return GLOSS_CLI_EXIT_USAGE;
    }

  verb = argv[1];

  if (g_str_equal (verb, "--help") || g_str_equal (verb, "-h") || g_str_equal (verb, "help"))
    {
      if (argc > 2 && !g_str_equal (verb, "help"))
        {
          gloss_cli_usage_error (NULL, "unexpected “%s”", argv[2]);
          return GLOSS_CLI_EXIT_USAGE;
        }
      if (argc > 2)
        {
          /* "gloss-cli help VERB" is "gloss-cli VERB --help". */
          char *args[] = { argv[2], (char *) "--help", NULL };

          for (gsize i = 0; i < G_N_ELEMENTS (verbs); i++)
            if (g_str_equal (verbs[i].name, argv[2]))
              return verbs[i].run (2, args);
          gloss_cli_usage_error (NULL, "unknown verb “%s”", argv[2]);
          return GLOSS_CLI_EXIT_USAGE;
        }
      print_help ();
      return GLOSS_CLI_EXIT_OK;
    }

  if (g_str_equal (verb, "--version"))
    {
      g_print ("gloss-cli %s\n", PACKAGE_VERSION);
      return GLOSS_CLI_EXIT_OK;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (g_str_equal (verbs[i].name, verb))
      return verbs[i].run (argc - 1, argv + 1);

  if (verb[0] == '-')
    gloss_cli_usage_error (NULL, "unknown option “%s”; the verb comes first", verb);
  else
    gloss_cli_usage_error (NULL, "unknown verb “%s”", verb);
  return GLOSS_CLI_EXIT_USAGE;
}
