/* gloss-cli-stats.c: gloss-cli stats INPUT… [--json]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The counts come from the core (gloss-stats.c, gloss-stats-project.c),
 * the same the window's statistics view shows.
 */
#include "config.h"

#include "gloss-cli.h"
#include "gloss-stats-project.h"

static void
print_text (const GlossStats *stats,
            guint             n_files)
{
  g_print ("%-12s %u\n", "files", n_files);
  g_print ("%-12s %u\n", "documents", gloss_stats_get_n_documents (stats));
  g_print ("%-12s %" G_GUINT64_FORMAT "\n", "characters", gloss_stats_get_characters (stats));
  for (guint k = 0; k < GLOSS_N_KINDS; k++)
    {
      g_autoptr(GPtrArray) types = gloss_stats_list_types (stats, k);

      g_print ("%-12s %" G_GUINT64_FORMAT "\n", gloss_stats_kind_name (k), gloss_stats_get_total (stats, k));
      for (guint i = 0; i < types->len; i++)
        {
          const char *type = g_ptr_array_index (types, i);

          g_print ("  %-10s %" G_GUINT64_FORMAT "\n", *type ? type : "(none)",
                   gloss_stats_get_count (stats, k, type));
        }
    }
}

static void
add_counts (JsonBuilder      *builder,
            const GlossStats *stats,
            gboolean          by_type)
{
  gloss_cli_json_add_int (builder, "documents", gloss_stats_get_n_documents (stats));
  gloss_cli_json_add_int (builder, "characters", gloss_stats_get_characters (stats));
  gloss_cli_json_add_int (builder, "bytes", gloss_stats_get_bytes (stats));

  for (guint k = 0; k < GLOSS_N_KINDS; k++)
    {
      json_builder_set_member_name (builder, gloss_stats_kind_name (k));
      json_builder_begin_object (builder);
      gloss_cli_json_add_int (builder, "total", gloss_stats_get_total (stats, k));
      if (by_type)
        {
          g_autoptr(GPtrArray) types = gloss_stats_list_types (stats, k);

          json_builder_set_member_name (builder, "by_type");
          json_builder_begin_object (builder);
          for (guint i = 0; i < types->len; i++)
            gloss_cli_json_add_int (builder, g_ptr_array_index (types, i),
                     gloss_stats_get_count (stats, k, g_ptr_array_index (types, i)));
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
    }
}

static void
add_progress (JsonBuilder             *builder,
              const GlossProjectStats *stats,
              guint                    annotator)
{
  json_builder_set_member_name (builder, "progress");
  json_builder_begin_object (builder);
  for (GlossProgress s = GLOSS_PROGRESS_TODO; s <= GLOSS_PROGRESS_DONE; s++)
    gloss_cli_json_add_int (builder, gloss_progress_to_string (s), gloss_project_stats_get_progress (stats, annotator, s));
  json_builder_end_object (builder);
}

/* "project": each annotator's progress and counts, and each document's
 * status and counts per annotator. */
static void
add_project (JsonBuilder             *builder,
             GlossProject            *project,
             const GlossProjectStats *stats)
{
  json_builder_set_member_name (builder, "project");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, gloss_project_get_name (project));

  json_builder_set_member_name (builder, "annotators");
  json_builder_begin_object (builder);
  for (guint a = 0; a < gloss_project_stats_get_n_annotators (stats); a++)
    {
      json_builder_set_member_name (builder, gloss_project_stats_get_annotator (stats, a));
      json_builder_begin_object (builder);
      add_progress (builder, stats, a);
      add_counts (builder, gloss_project_stats_get_annotator_counts (stats, a), TRUE);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "documents");
  json_builder_begin_array (builder);
  for (guint d = 0; d < gloss_project_stats_get_n_documents (stats); d++)
    {
      GlossProjectDocument *document = gloss_project_stats_get_document (stats, d);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, gloss_project_document_get_id (document));
      json_builder_set_member_name (builder, "curated");
      json_builder_add_boolean_value (builder, gloss_project_stats_is_curated (stats, d));
      json_builder_set_member_name (builder, "annotators");
      json_builder_begin_object (builder);
      for (guint a = 0; a < gloss_project_stats_get_n_annotators (stats); a++)
        {
          const GlossStats *version = gloss_project_stats_get_version (stats, a, d);

          json_builder_set_member_name (builder, gloss_project_stats_get_annotator (stats, a));
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "status");
          json_builder_add_string_value (builder, gloss_progress_to_string (gloss_project_stats_get_status (stats, a, d)));
          for (guint k = 0; version != NULL && k < GLOSS_N_KINDS; k++)
            gloss_cli_json_add_int (builder, gloss_stats_kind_name (k), gloss_stats_get_total (version, k));
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "curated");
  json_builder_begin_object (builder);
  add_counts (builder, gloss_project_stats_get_curated_counts (stats), TRUE);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
print_project (GlossProject            *project,
               const GlossProjectStats *stats)
{
  guint n = gloss_project_stats_get_n_documents (stats);
  guint n_curated = 0;

  for (guint d = 0; d < n; d++)
    n_curated += gloss_project_stats_is_curated (stats, d);
  g_print ("project %s: %u documents, %u curated\n", gloss_project_get_name (project), n, n_curated);
  g_print ("  %-16s %6s %11s %6s %9s %7s %9s\n", "annotator", "todo", "in-progress", "done",
           "mentions", "claims", "relations");
  for (guint a = 0; a < gloss_project_stats_get_n_annotators (stats); a++)
    {
      const GlossStats *counts = gloss_project_stats_get_annotator_counts (stats, a);

      g_print ("  %-16s %6u %11u %6u %9" G_GUINT64_FORMAT " %7" G_GUINT64_FORMAT " %9" G_GUINT64_FORMAT "\n",
               gloss_project_stats_get_annotator (stats, a),
               gloss_project_stats_get_progress (stats, a, GLOSS_PROGRESS_TODO),
               gloss_project_stats_get_progress (stats, a, GLOSS_PROGRESS_IN_PROGRESS),
               gloss_project_stats_get_progress (stats, a, GLOSS_PROGRESS_DONE),
               gloss_stats_get_total (counts, GLOSS_KIND_MENTION),
               gloss_stats_get_total (counts, GLOSS_KIND_CLAIM),
               gloss_stats_get_total (counts, GLOSS_KIND_RELATION));
    }
}

static GlossProjectStats *
load_project_stats (const char    *path,
                    GlossProject **project)
{
  g_autoptr(GFile) folder = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  GlossProjectStats *stats = NULL;

  if ((*project = gloss_project_load (folder, NULL, &error)) == NULL ||
      (stats = gloss_project_stats_new (*project, &error)) == NULL)
    gloss_cli_print_error (path, error);
  return stats;
}

int
gloss_cli_stats (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(JsonBuilder) files = json_builder_new ();
  g_autoptr(GlossStats) total = gloss_stats_new ();
  g_autoptr(GPtrArray) projects = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) project_stats = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_project_stats_free);
  g_autofree char *format_name = NULL;
  g_autofree char *offsets = NULL;
  gboolean json = FALSE;
  GlossFormatOptions options = { 0 };
  const GlossFormat *format = NULL;
  GlossCliProgress progress;
  guint n_failed = 0;
  int status = GLOSS_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON (totals, counts by type, each file, and each project's annotators and documents)", NULL },
    { "format", 'F', 0, G_OPTION_ARG_STRING, &format_name, "The inputs' format (default: native)", "FORMAT" },
    { "offsets", 0, 0, G_OPTION_ARG_STRING, &offsets, "The inputs' offset unit, for formats that vary", "codepoints|utf16|bytes" },
    { NULL }
  };

  context = g_option_context_new ("INPUT…");
  g_option_context_set_summary (context,
                                "Count documents, characters (code points) and annotations, by kind "
                                "(mentions, entities, claims, relations) and by type. An INPUT may be "
                                "a project folder: its documents as the annotator last saved them; "
                                "with --json also every annotator's progress and counts, by document.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!gloss_cli_parse_options (context, "stats", &argc, &argv))
    return GLOSS_CLI_EXIT_USAGE;

  if (argc < 2)
    {
      gloss_cli_usage_error ("stats", "no input files");
      return GLOSS_CLI_EXIT_USAGE;
    }
  if (!gloss_cli_parse_offsets ("stats", offsets, &options))
    return GLOSS_CLI_EXIT_USAGE;
  if (format_name != NULL &&
      (format = gloss_cli_get_format ("stats", format_name, TRUE, &status)) == NULL)
    return status;
  if (!gloss_cli_check_format_options ("stats", format, &options, NULL))
    return GLOSS_CLI_EXIT_USAGE;

  json_builder_begin_array (files);

  gloss_cli_progress_init (&progress, argc - 1);
  gloss_cli_progress_attach (&progress, &options);
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) stores = NULL;
      g_autoptr(GlossStats) one = NULL;
      gboolean is_project = gloss_cli_is_project (argv[i]);

      gloss_cli_progress_update (&progress, i, argv[i]);
      if (is_project)
        stores = gloss_cli_read_project (argv[i], NULL, FALSE, &error);
      else
        stores = gloss_cli_read_input (format, argv[i], &options, &error);
      if (stores == NULL)
        {
          gloss_cli_progress_clear (&progress);
          gloss_cli_print_error (argv[i], error);
          n_failed++;
          continue;
        }

      one = gloss_stats_new ();
      for (guint j = 0; j < stores->len; j++)
        gloss_stats_add_store (one, g_ptr_array_index (stores, j));
      gloss_stats_merge (total, one);

      json_builder_begin_object (files);
      json_builder_set_member_name (files, "file");
      json_builder_add_string_value (files, argv[i]);
      add_counts (files, one, FALSE);
      if (is_project)
        {
          GlossProject *project = NULL;
          GlossProjectStats *stats = load_project_stats (argv[i], &project);

          if (stats == NULL)
            n_failed++;
          else if (json)
            add_project (files, project, stats);
          if (stats != NULL)
            {
              g_ptr_array_add (projects, project);
              g_ptr_array_add (project_stats, stats);
            }
          else
            g_clear_object (&project);
        }
      json_builder_end_object (files);
    }
  gloss_cli_progress_clear (&progress);
  json_builder_end_array (files);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      gloss_cli_json_add_int (builder, "files", argc - 1 - n_failed);
      add_counts (builder, total, TRUE);
      json_builder_set_member_name (builder, "per_file");
      json_builder_add_value (builder, json_builder_get_root (files));
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      gloss_cli_print_json (root);
    }
  else
    {
      print_text (total, argc - 1 - n_failed);
      for (guint i = 0; i < projects->len; i++)
        print_project (g_ptr_array_index (projects, i), g_ptr_array_index (project_stats, i));
    }

  return n_failed > 0 ? GLOSS_CLI_EXIT_FAILURE : GLOSS_CLI_EXIT_OK;
}
