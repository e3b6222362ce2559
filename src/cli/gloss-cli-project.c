/* gloss-cli-project.c: gloss-cli project init|add|status|set-status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "gloss-cli.h"
#include "gloss-project-import.h"

typedef struct
{
  const char       *name;
  const char       *summary;
  GlossCliVerbFunc  run;
} ProjectVerb;

static int project_init       (int argc, char **argv);
static int project_add        (int argc, char **argv);
static int project_status     (int argc, char **argv);
static int project_set_status (int argc, char **argv);

static const ProjectVerb project_verbs[] = {
  { "init", "Make FOLDER a project (project.json, the schema its documents share)", project_init },
  { "add", "Add articles (.txt, .md) or documents of any import format", project_add },
  { "status", "List the documents with their status and counts", project_status },
  { "set-status", "Mark a document todo, in-progress or done", project_set_status },
};

#define ANNOTATOR_ENTRY(var) \
  { "annotator", 'a', 0, G_OPTION_ARG_STRING, &(var), \
    "Whose work (default: Preferences' annotator name, else your real name)", "NAME" }

gboolean
gloss_cli_is_project (const char *path)
{
  g_autoptr(GFile) folder = NULL;

  if (path == NULL || g_str_equal (path, "-") || !g_file_test (path, G_FILE_TEST_IS_DIR))
    return FALSE;
  folder = g_file_new_for_commandline_arg (path);
  return gloss_project_is_project_folder (folder);
}

static GlossProject *
load_project (const char *path,
              const char *annotator)
{
  g_autoptr(GFile) folder = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  GlossProject *project;

  if (!gloss_project_is_project_folder (folder))
    {
      gloss_cli_error ("%s: not a Gloss project (no project.json); make one with “gloss-cli project init %s”",
                       path, path);
      return NULL;
    }
  if ((project = gloss_project_load (folder, annotator, &error)) == NULL)
    gloss_cli_print_error (path, error);
  return project;
}

/**
 * gloss_cli_read_project:
 * @final_only: only what a dataset takes (curated, or done)
 *
 * Returns: (transfer full) (nullable): the stores of the project's documents
 */
GPtrArray *
gloss_cli_read_project (const char  *path,
                        const char  *annotator,
                        gboolean     final_only,
                        GError     **error)
{
  g_autoptr(GFile) folder = g_file_new_for_commandline_arg (path);
  g_autoptr(GlossProject) project = gloss_project_load (folder, annotator, error);
  g_autoptr(GPtrArray) stores = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *documents;

  if (project == NULL)
    return NULL;
  documents = gloss_project_get_documents (project);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(GlossProjectDocument) doc = g_list_model_get_item (documents, i);
      GlossStore *store;

      store = final_only ? gloss_project_open_final (project, doc, error)
                         : gloss_project_open_document (project, doc, error);
      if (store == NULL && error != NULL && *error != NULL)
        return NULL;
      if (store != NULL)
        g_ptr_array_add (stores, store);
    }
  return g_steal_pointer (&stores);
}

static int
project_init (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GlossSchema) schema = NULL;
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *schema_path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *annotator = NULL;
  const GOptionEntry entries[] = {
    { "schema", 's', 0, G_OPTION_ARG_FILENAME, &schema_path,
      "The schema every document shares (default: the news schema)", "SCHEMA.json" },
    { "name", 'n', 0, G_OPTION_ARG_STRING, &name, "The project's name (default: the folder's)", "NAME" },
    ANNOTATOR_ENTRY (annotator),
    { NULL }
  };

  context = g_option_context_new ("FOLDER");
  g_option_context_set_summary (context,
                                "Make FOLDER (created if needed) a Gloss project: FOLDER/project.json "
                                "holds its name, its schema and its documents. Share the folder "
                                "through git; each annotator's work goes to files of their own.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!gloss_cli_parse_options (context, "project init", &argc, &argv))
    return GLOSS_CLI_EXIT_USAGE;
  if (argc != 2)
    {
      gloss_cli_usage_error ("project init", argc < 2 ? "the folder is missing" : "give one folder");
      return GLOSS_CLI_EXIT_USAGE;
    }

  folder = g_file_new_for_commandline_arg (argv[1]);
  if (gloss_project_is_project_folder (folder))
    {
      gloss_cli_error ("%s: is a project already (it has a project.json)", argv[1]);
      return GLOSS_CLI_EXIT_FAILURE;
    }
  if (g_file_test (argv[1], G_FILE_TEST_EXISTS) && !g_file_test (argv[1], G_FILE_TEST_IS_DIR))
    {
      gloss_cli_error ("%s: is a file, not a folder", argv[1]);
      return GLOSS_CLI_EXIT_FAILURE;
    }
  if (schema_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (schema_path);

      if ((schema = gloss_schema_new_from_file (file, &error)) == NULL)
        {
          gloss_cli_print_error (schema_path, error);
          return GLOSS_CLI_EXIT_FAILURE;
        }
    }
  if (name == NULL)
    name = g_file_get_basename (folder);

  project = gloss_project_new (folder, name, schema, annotator);
  if (!gloss_project_save (project, &error))
    {
      gloss_cli_print_error (argv[1], error);
      return GLOSS_CLI_EXIT_FAILURE;
    }
  return GLOSS_CLI_EXIT_OK;
}

static gboolean
is_text_file (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".txt") || g_str_has_suffix (lower, ".md") ||
         g_str_has_suffix (lower, ".markdown");
}

static int
project_add (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GlossProjectImport) import = gloss_project_import_new ();
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *offsets = NULL;
  g_autofree char *annotator = NULL;
  gboolean allow_duplicate = FALSE;
  GlossFormatOptions options = { 0 };
  const GlossFormat *format = NULL;
  GlossCliProgress progress;
  int status = GLOSS_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "format", 'F', 0, G_OPTION_ARG_STRING, &format_name,
      "The format of the files that are not .txt or .md (default: native for .gloss)", "FORMAT" },
    { "allow-duplicate", 0, 0, G_OPTION_ARG_NONE, &allow_duplicate,
      "Add a text the project has already, as another document (default: refuse it)", NULL },
    { "offsets", 0, 0, G_OPTION_ARG_STRING, &offsets,
      "Their offset unit (default: the format's)", "codepoints|utf16|bytes" },
    ANNOTATOR_ENTRY (annotator),
    { NULL }
  };

  context = g_option_context_new ("PROJECT FILE…");
  g_option_context_set_summary (context,
                                "Add documents to the project PROJECT: articles in UTF-8 plain text "
                                "(.txt, .md), .gloss documents, or files of any format gloss-cli "
                                "import reads (--format), one document each or several. Every file is "
                                "read before any is added; each document gets a folder "
                                "PROJECT/documents/ID/ named after its file. A text the project has "
                                "already (or that two of the files share) is refused, naming the "
                                "document that has it, unless --allow-duplicate is given.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!gloss_cli_parse_options (context, "project add", &argc, &argv))
    return GLOSS_CLI_EXIT_USAGE;
  if (argc < 3)
    {
      gloss_cli_usage_error ("project add", argc < 2 ? "the project is missing" : "no files to add");
      return GLOSS_CLI_EXIT_USAGE;
    }
  if (!gloss_cli_parse_offsets ("project add", offsets, &options))
    return GLOSS_CLI_EXIT_USAGE;
  if (format_name != NULL && (format = gloss_cli_get_format ("project add", format_name, TRUE, &status)) == NULL)
    return status;
  if (!gloss_cli_check_format_options ("project add", format, &options, NULL))
    return GLOSS_CLI_EXIT_USAGE;
  if ((project = load_project (argv[1], annotator)) == NULL)
    return GLOSS_CLI_EXIT_FAILURE;
  options.schema = gloss_project_get_schema (project);

  gloss_cli_progress_init (&progress, argc - 2);
  gloss_cli_progress_attach (&progress, &options);
  for (int i = 2; i < argc; i++)
    {
      g_autoptr(GPtrArray) read = NULL;
      g_autofree char *basename = g_path_get_basename (argv[i]);

      gloss_cli_progress_update (&progress, i - 1, argv[i]);
      if (is_text_file (argv[i]) || (format == NULL && !g_str_has_suffix (argv[i], ".gloss")))
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
          GlossStore *store = gloss_project_read_text_file (project, file, &error);

          if (store != NULL)
            {
              read = g_ptr_array_new_with_free_func (g_object_unref);
              g_ptr_array_add (read, store);
            }
        }
      else
        read = gloss_cli_read_input (format, argv[i], &options, &error);
      if (read == NULL)
        {
          gloss_cli_progress_clear (&progress);
          gloss_cli_print_error (argv[i], error);
          gloss_cli_error ("no document was added");
          return GLOSS_CLI_EXIT_FAILURE;
        }
      gloss_project_import_append_all (import, read, basename);
    }
  gloss_cli_progress_clear (&progress);

  if (!allow_duplicate && !gloss_project_import_check_texts (project, import, &error))
    {
      gloss_cli_error ("%s; --allow-duplicate adds it anyway", error->message);
      gloss_cli_error ("no document was added");
      return GLOSS_CLI_EXIT_FAILURE;
    }
  if ((added = gloss_project_add_imported (project, import, &error)) == NULL)
    {
      gloss_cli_print_error (argv[1], error);
      gloss_cli_error ("no document was added");
      return GLOSS_CLI_EXIT_FAILURE;
    }

  for (guint i = 0; i < added->len; i++)
    g_print ("%s\n", gloss_project_document_get_id (g_ptr_array_index (added, i)));
  return GLOSS_CLI_EXIT_OK;
}

static JsonNode *
status_json (GlossProject *project,
             GStrv         annotators,
             GPtrArray    *progress)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *documents = gloss_project_get_documents (project);
  guint n = g_list_model_get_n_items (documents);
  guint counts[GLOSS_PROGRESS_DONE + 1] = { 0 };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, gloss_project_get_name (project));
  json_builder_set_member_name (builder, "annotator");
  json_builder_add_string_value (builder, gloss_project_get_annotator (project));
  json_builder_set_member_name (builder, "documents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossProjectDocument) doc = g_list_model_get_item (documents, i);
      const char *id = gloss_project_document_get_id (doc);

      counts[gloss_project_document_get_status (doc)]++;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, gloss_project_document_get_title (doc));
      json_builder_set_member_name (builder, "source");
      json_builder_add_string_value (builder, gloss_project_document_get_source (doc));
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, gloss_progress_to_string (gloss_project_document_get_status (doc)));
      json_builder_set_member_name (builder, "mentions");
      json_builder_add_int_value (builder, gloss_project_document_get_n_mentions (doc));
      json_builder_set_member_name (builder, "claims");
      json_builder_add_int_value (builder, gloss_project_document_get_n_claims (doc));
      json_builder_set_member_name (builder, "curated");
      json_builder_add_boolean_value (builder, gloss_project_is_curated (project, doc));
      json_builder_set_member_name (builder, "annotators");
      json_builder_begin_object (builder);
      for (guint a = 0; annotators[a] != NULL; a++)
        {
          gpointer value;

          json_builder_set_member_name (builder, annotators[a]);
          value = g_hash_table_lookup (g_ptr_array_index (progress, a), id);
          json_builder_add_string_value (builder, gloss_progress_to_string (GPOINTER_TO_INT (value)));
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "totals");
  json_builder_begin_object (builder);
  for (GlossProgress s = GLOSS_PROGRESS_TODO; s <= GLOSS_PROGRESS_DONE; s++)
    {
      json_builder_set_member_name (builder, gloss_progress_to_string (s));
      json_builder_add_int_value (builder, counts[s]);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static int
project_status (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GPtrArray) progress = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_auto(GStrv) annotators = NULL;
  g_autofree char *annotator = NULL;
  gboolean json = FALSE;
  GListModel *documents;
  guint n, counts[GLOSS_PROGRESS_DONE + 1] = { 0 };
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON, with every annotator's status of each document", NULL },
    ANNOTATOR_ENTRY (annotator),
    { NULL }
  };

  context = g_option_context_new ("PROJECT");
  g_option_context_set_summary (context,
                                "List the documents of PROJECT: id, the annotator's status, their "
                                "mentions and claims (as last saved), whether it is curated, and "
                                "the title. Opens no document.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!gloss_cli_parse_options (context, "project status", &argc, &argv))
    return GLOSS_CLI_EXIT_USAGE;
  if (argc != 2)
    {
      gloss_cli_usage_error ("project status", argc < 2 ? "the project is missing" : "give one project");
      return GLOSS_CLI_EXIT_USAGE;
    }
  if ((project = load_project (argv[1], annotator)) == NULL)
    return GLOSS_CLI_EXIT_FAILURE;
  documents = gloss_project_get_documents (project);
  n = g_list_model_get_n_items (documents);

  if (json)
    {
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autofree char *text = NULL;

      annotators = gloss_project_list_annotators (project);
      for (guint a = 0; annotators[a] != NULL; a++)
        {
          g_autoptr(GError) error = NULL;
          GHashTable *table = gloss_project_read_progress (project, annotators[a], &error);

          if (table == NULL)
            {
              gloss_cli_print_error (argv[1], error);
              return GLOSS_CLI_EXIT_FAILURE;
            }
          g_ptr_array_add (progress, table);
        }
      root = status_json (project, annotators, progress);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, NULL);
      g_print ("%s\n", text);
      return GLOSS_CLI_EXIT_OK;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossProjectDocument) doc = g_list_model_get_item (documents, i);
      GlossProgress status = gloss_project_document_get_status (doc);

      counts[status]++;
      g_print ("%-24s %-11s %5u %5u %s %s\n", gloss_project_document_get_id (doc),
               gloss_progress_to_string (status),
               gloss_project_document_get_n_mentions (doc), gloss_project_document_get_n_claims (doc),
               gloss_project_is_curated (project, doc) ? "curated" : "-      ",
               gloss_project_document_get_title (doc) ? gloss_project_document_get_title (doc) : "");
    }
  g_print ("%u documents for %s: %u done, %u in progress, %u to do\n", n,
           gloss_project_get_annotator (project), counts[GLOSS_PROGRESS_DONE],
           counts[GLOSS_PROGRESS_IN_PROGRESS], counts[GLOSS_PROGRESS_TODO]);
  return GLOSS_CLI_EXIT_OK;
}

/* By id, or by the name of the file it was added from when that is
 * unambiguous. */
static GlossProjectDocument *
find_document (GlossProject *project,
               const char   *name)
{
  GListModel *documents = gloss_project_get_documents (project);
  GlossProjectDocument *found = gloss_project_lookup (project, name);
  guint matches = 0;

  if (found != NULL)
    return found;
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(GlossProjectDocument) doc = g_list_model_get_item (documents, i);

      if (g_strcmp0 (gloss_project_document_get_source (doc), name) == 0)
        {
          found = doc;
          matches++;
        }
    }
  return matches == 1 ? found : NULL;
}

static int
project_set_status (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *annotator = NULL;
  GlossProjectDocument *doc;
  GlossProgress status;
  const GOptionEntry entries[] = {
    ANNOTATOR_ENTRY (annotator),
    { NULL }
  };

  context = g_option_context_new ("PROJECT DOC todo|in-progress|done");
  g_option_context_set_summary (context,
                                "Set the annotator's status of the document DOC (its id, or the "
                                "name of the file it was added from). Only the annotator's own "
                                "progress file changes.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!gloss_cli_parse_options (context, "project set-status", &argc, &argv))
    return GLOSS_CLI_EXIT_USAGE;
  if (argc != 4)
    {
      gloss_cli_usage_error ("project set-status", "give PROJECT, DOC and the status");
      return GLOSS_CLI_EXIT_USAGE;
    }
  if (!gloss_progress_from_string (argv[3], &status))
    {
      gloss_cli_usage_error ("project set-status", "“%s” is not a status: todo, in-progress or done", argv[3]);
      return GLOSS_CLI_EXIT_USAGE;
    }
  if ((project = load_project (argv[1], annotator)) == NULL)
    return GLOSS_CLI_EXIT_FAILURE;
  if ((doc = find_document (project, argv[2])) == NULL)
    {
      gloss_cli_error ("%s: no document “%s” (see gloss-cli project status %s)", argv[1], argv[2], argv[1]);
      return GLOSS_CLI_EXIT_FAILURE;
    }
  gloss_project_document_set_status (doc, status);
  if (!gloss_project_save (project, &error))
    {
      gloss_cli_print_error (argv[1], error);
      return GLOSS_CLI_EXIT_FAILURE;
    }
  return GLOSS_CLI_EXIT_OK;
}

static void
print_help (void)
{
  g_print ("Usage:\n  gloss-cli project ACTION [OPTION…] PROJECT …\n\n"
           "Work on a project: a folder of documents that share a schema and are annotated\n"
           "by one or more people, each into files of their own.\n\nActions:\n");
  for (gsize i = 0; i < G_N_ELEMENTS (project_verbs); i++)
    g_print ("  %-11s %s\n", project_verbs[i].name, project_verbs[i].summary);
  g_print ("\n“gloss-cli stats PROJECT” counts its documents; “gloss-cli export PROJECT” writes\n"
           "its done and curated ones (--split 80/10/10 --seed N for train/dev/test).\n"
           "Run “gloss-cli project ACTION --help” for the options of an action.\n");
}

int
gloss_cli_project (int    argc,
                   char **argv)
{
  if (argc < 2)
    {
      gloss_cli_usage_error ("project", "an action is required (init, add, status, set-status)");
      return GLOSS_CLI_EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_help ();
      return GLOSS_CLI_EXIT_OK;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (project_verbs); i++)
    if (g_str_equal (project_verbs[i].name, argv[1]))
      return project_verbs[i].run (argc - 1, argv + 1);
  gloss_cli_usage_error ("project", "unknown action “%s” (init, add, status, set-status)", argv[1]);
  return GLOSS_CLI_EXIT_USAGE;
}
