/* gloss-cli-new.c: gloss-cli new ARTICLE.txt -o DOC.gloss
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-cli.h"
#include "gloss-error.h"
#include "gloss-format-native.h"

#define MAX_TITLE_CHARS 200

/* The article's first non-blank line, the way news articles put their
 * headline; NULL when there is none. */
static char *
first_line (const char *text)
{
  while (*text != '\0')
    {
      const char *end = strchr (text, '\n');
      g_autofree char *line = end ? g_strndup (text, end - text) : g_strdup (text);

      g_strstrip (line);
      if (*line != '\0')
        {
          if (g_utf8_strlen (line, -1) > MAX_TITLE_CHARS)
            {
              char *cut = g_utf8_offset_to_pointer (line, MAX_TITLE_CHARS);

              *cut = '\0';
              return g_strconcat (line, "…", NULL);
            }
          return g_steal_pointer (&line);
        }
      if (end == NULL)
        break;
      text = end + 1;
    }

  return NULL;
}

int
gloss_cli_new (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) article = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossSchema) schema = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *output = NULL;
  g_autofree char *title = NULL;
  g_autofree char *schema_path = NULL;
  g_autofree char *id = NULL;
  g_autofree char *language = NULL;
  g_autofree char *basename = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "The .gloss file to write (required)", "DOC.gloss" },
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, "The title (default: the article's first line)", "TITLE" },
    { "schema", 's', 0, G_OPTION_ARG_FILENAME, &schema_path, "A schema JSON file (default: the news schema)", "SCHEMA.json" },
    { "id", 0, 0, G_OPTION_ARG_STRING, &id, "The document id (default: the article's file name)", "ID" },
    { "language", 'l', 0, G_OPTION_ARG_STRING, &language, "The text's language (default: en)", "LANG" },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, "Overwrite an existing output file", NULL },
    { NULL }
  };

  context = g_option_context_new ("ARTICLE.txt -o DOC.gloss");
  g_option_context_set_summary (context,
                                "Create a .gloss document, with no annotations, from an article "
                                "in UTF-8 plain text. The text is kept byte for byte.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!gloss_cli_parse_options (context, "new", &argc, &argv))
    return GLOSS_CLI_EXIT_USAGE;

  if (argc != 2)
    {
      gloss_cli_usage_error ("new", argc < 2 ? "the article is missing" : "give exactly one article");
      return GLOSS_CLI_EXIT_USAGE;
    }
  if (output == NULL)
    {
      gloss_cli_usage_error ("new", "-o DOC.gloss is required");
      return GLOSS_CLI_EXIT_USAGE;
    }

  article = g_file_new_for_commandline_arg (argv[1]);
  document = gloss_document_new_from_file (article, &error);
  if (document == NULL)
    {
      gloss_cli_print_error (argv[1], error);
      if (g_error_matches (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_UTF16))
        {
          g_autofree char *quoted = g_shell_quote (argv[1]);

          g_printerr ("Convert it with: iconv -f UTF-16 -t UTF-8 %s > article-utf8.txt\n", quoted);
        }
      return GLOSS_CLI_EXIT_FAILURE;
    }

  if (schema_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (schema_path);

      schema = gloss_schema_new_from_file (file, &error);
      if (schema == NULL)
        {
          gloss_cli_print_error (schema_path, error);
          return GLOSS_CLI_EXIT_FAILURE;
        }
    }
  else
    schema = gloss_schema_new_default ();

  basename = g_path_get_basename (argv[1]);
  if (title == NULL)
    title = first_line (gloss_document_get_text (document));
  if (title == NULL)
    title = g_strdup (basename);
  if (id == NULL)
    id = gloss_document_id_for_file_name (basename);

  gloss_document_set_id (document, id);
  gloss_document_set_title (document, title);
  gloss_document_set_source (document, basename);
  gloss_document_set_language (document, language ? language : "en");

  store = gloss_store_new (document, schema);
  bytes = gloss_native_write_bytes (store);
  if (!gloss_cli_write_output (output, bytes, force, &error))
    {
      gloss_cli_print_error (output, error);
      return GLOSS_CLI_EXIT_FAILURE;
    }

  return GLOSS_CLI_EXIT_OK;
}
