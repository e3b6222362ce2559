/* gloss-cli-stats.c: gloss-cli stats INPUT… [--json]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-cli.h"

static const char * const kind_names[GLOSS_N_KINDS] = {
  [GLOSS_KIND_MENTION] = "mentions",
  [GLOSS_KIND_ENTITY] = "entities",
  [GLOSS_KIND_CLAIM] = "claims",
  [GLOSS_KIND_RELATION] = "relations",
};

typedef struct
{
  guint       documents;
  guint64     characters;
  guint64     bytes;
  guint64     totals[GLOSS_N_KINDS];
  GHashTable *by_type[GLOSS_N_KINDS];  /* type id → count, as a pointer */
} Stats;

static void
stats_init (Stats *stats)
{
  *stats = (Stats) { 0 };
  for (guint k = 0; k < GLOSS_N_KINDS; k++)
    stats->by_type[k] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
stats_clear (Stats *stats)
{
  for (guint k = 0; k < GLOSS_N_KINDS; k++)
    g_clear_pointer (&stats->by_type[k], g_hash_table_unref);
}

static void
stats_add_store (Stats      *stats,
                 GlossStore *store)
{
  GlossDocument *document = gloss_store_get_document (store);

  stats->documents++;
  stats->characters += gloss_document_get_length (document);
  stats->bytes += gloss_document_get_n_bytes (document);

  for (guint k = 0; k < GLOSS_N_KINDS; k++)
    {
      GListModel *list = gloss_store_get_list (store, k);
      guint n = g_list_model_get_n_items (list);

      stats->totals[k] += n;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (list, i);
          const char *type = gloss_annotation_get_type_id (annotation);
          gpointer key, value;

          if (type == NULL)
            type = "";
          if (g_hash_table_lookup_extended (stats->by_type[k], type, &key, &value))
            g_hash_table_insert (stats->by_type[k], g_strdup (type),
                                 GSIZE_TO_POINTER (GPOINTER_TO_SIZE (value) + 1));
          else
            g_hash_table_insert (stats->by_type[k], g_strdup (type), GSIZE_TO_POINTER (1));
        }
    }
}

static void
stats_merge (Stats       *into,
             const Stats *from)
{
  into->documents += from->documents;
  into->characters += from->characters;
  into->bytes += from->bytes;
  for (guint k = 0; k < GLOSS_N_KINDS; k++)
    {
      GHashTableIter iter;
      gpointer key, value;

      into->totals[k] += from->totals[k];
      g_hash_table_iter_init (&iter, from->by_type[k]);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          gsize n = GPOINTER_TO_SIZE (g_hash_table_lookup (into->by_type[k], key));

          g_hash_table_insert (into->by_type[k], g_strdup (key),
                               GSIZE_TO_POINTER (n + GPOINTER_TO_SIZE (value)));
        }
    }
}

static GHashTable *sort_table;

/* Most frequent first, then by id, so the output is stable. */
static int
compare_types (gconstpointer a,
               gconstpointer b)
{
  const char *ka = *(const char * const *) a;
  const char *kb = *(const char * const *) b;
  gsize na = GPOINTER_TO_SIZE (g_hash_table_lookup (sort_table, ka));
  gsize nb = GPOINTER_TO_SIZE (g_hash_table_lookup (sort_table, kb));

  if (na != nb)
    return na > nb ? -1 : 1;
  return g_strcmp0 (ka, kb);
}

static GPtrArray *
sorted_types (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);

  sort_table = table;
  g_ptr_array_sort (keys, compare_types);
  sort_table = NULL;

  return keys;
}

static void
print_text (const Stats *stats,
            guint        n_files)
{
  g_print ("%-12s %u\n", "files", n_files);
  g_print ("%-12s %u\n", "documents", stats->documents);
  g_print ("%-12s %" G_GUINT64_FORMAT "\n", "characters", stats->characters);
  for (guint k = 0; k < GLOSS_N_KINDS; k++)
    {
      g_autoptr(GPtrArray) types = sorted_types (stats->by_type[k]);

      g_print ("%-12s %" G_GUINT64_FORMAT "\n", kind_names[k], stats->totals[k]);
      for (guint i = 0; i < types->len; i++)
        {
          const char *type = g_ptr_array_index (types, i);

          g_print ("  %-10s %" G_GSIZE_FORMAT "\n", *type ? type : "(none)",
                   GPOINTER_TO_SIZE (g_hash_table_lookup (stats->by_type[k], type)));
        }
    }
}

static void
add_counts (JsonBuilder *builder,
            const Stats *stats,
            gboolean     by_type)
{
  json_builder_set_member_name (builder, "documents");
  json_builder_add_int_value (builder, stats->documents);
  json_builder_set_member_name (builder, "characters");
  json_builder_add_int_value (builder, stats->characters);
  json_builder_set_member_name (builder, "bytes");
  json_builder_add_int_value (builder, stats->bytes);

  for (guint k = 0; k < GLOSS_N_KINDS; k++)
    {
      g_autoptr(GPtrArray) types = sorted_types (stats->by_type[k]);

      json_builder_set_member_name (builder, kind_names[k]);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "total");
      json_builder_add_int_value (builder, stats->totals[k]);
      if (by_type)
        {
          json_builder_set_member_name (builder, "by_type");
          json_builder_begin_object (builder);
          for (guint i = 0; i < types->len; i++)
            {
              const char *type = g_ptr_array_index (types, i);

              json_builder_set_member_name (builder, type);
              json_builder_add_int_value (builder,
                                          GPOINTER_TO_SIZE (g_hash_table_lookup (stats->by_type[k], type)));
            }
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
    }
}

int
gloss_cli_stats (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(JsonBuilder) files = json_builder_new ();
  g_autofree char *format_name = NULL;
  g_autofree char *offsets = NULL;
  gboolean json = FALSE;
  GlossFormatOptions options = { 0 };
  const GlossFormat *format = NULL;
  GlossCliProgress progress;
  Stats total;
  guint n_failed = 0;
  int status = GLOSS_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON (totals, counts by type, and each file)", NULL },
    { "format", 'F', 0, G_OPTION_ARG_STRING, &format_name, "The inputs' format (default: native)", "FORMAT" },
    { "offsets", 0, 0, G_OPTION_ARG_STRING, &offsets, "The inputs' offset unit, for formats that vary", "codepoints|utf16|bytes" },
    { NULL }
  };

  context = g_option_context_new ("INPUT…");
  g_option_context_set_summary (context,
                                "Count documents, characters (code points) and annotations, by kind "
                                "(mentions, entities, claims, relations) and by type. An INPUT may be "
                                "a project folder: its documents as the annotator last saved them.");
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

  stats_init (&total);
  json_builder_begin_array (files);

  gloss_cli_progress_init (&progress, argc - 1);
  gloss_cli_progress_attach (&progress, &options);
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) stores = NULL;
      Stats one;

      gloss_cli_progress_update (&progress, i, argv[i]);
      if (gloss_cli_is_project (argv[i]))
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

      stats_init (&one);
      for (guint j = 0; j < stores->len; j++)
        stats_add_store (&one, g_ptr_array_index (stores, j));
      stats_merge (&total, &one);

      json_builder_begin_object (files);
      json_builder_set_member_name (files, "file");
      json_builder_add_string_value (files, argv[i]);
      add_counts (files, &one, FALSE);
      json_builder_end_object (files);
      stats_clear (&one);
    }
  gloss_cli_progress_clear (&progress);
  json_builder_end_array (files);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "files");
      json_builder_add_int_value (builder, argc - 1 - n_failed);
      add_counts (builder, &total, TRUE);
      json_builder_set_member_name (builder, "per_file");
      json_builder_add_value (builder, json_builder_get_root (files));
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, NULL);
      g_print ("%s\n", text);
    }
  else
    print_text (&total, argc - 1 - n_failed);

  stats_clear (&total);

  return n_failed > 0 ? GLOSS_CLI_EXIT_FAILURE : GLOSS_CLI_EXIT_OK;
}
