/* gloss-cli-journal.c: gloss-cli journal and gloss-cli recover
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The crash journal without the window: for an analyst whose display
 * died, and for scripts. The journal is found the way the window finds
 * it (gloss_journal_find), and replayed by the same code.
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "gloss-cli.h"
#include "gloss-format-native.h"
#include "gloss-journal.h"

/* The document and its leftover journal, or FALSE after saying why.
 * *@journal stays NULL when there is none. */
static gboolean
open_document (const char  *path,
               GlossStore **store,
               GFile      **journal,
               int         *status)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;

  *store = gloss_native_read_file (file, &error);
  if (*store == NULL)
    {
      gloss_cli_print_error (path, error);
      *status = GLOSS_CLI_EXIT_FAILURE;
      return FALSE;
    }

  *journal = gloss_journal_find (file, NULL);
  if (*journal == NULL && gloss_journal_is_held (file))
    {
      gloss_cli_error ("%s: open in a window, which holds its unsaved edits; "
                       "save or close it there first", path);
      *status = GLOSS_CLI_EXIT_FAILURE;
      return FALSE;
    }
  return TRUE;
}

static JsonNode *
entries_to_json (GPtrArray *entries)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    {
      GlossJournalEntry *entry = g_ptr_array_index (entries, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "line");
      json_builder_add_int_value (builder, entry->line);
      json_builder_set_member_name (builder, "edit");
      if (entry->label != NULL)
        json_builder_add_string_value (builder, entry->label);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "schema");
      json_builder_add_boolean_value (builder, entry->label == NULL);
      json_builder_set_member_name (builder, "direction");
      json_builder_add_string_value (builder, entry->direction);
      json_builder_set_member_name (builder, "added");
      json_builder_add_int_value (builder, entry->n_added);
      json_builder_set_member_name (builder, "modified");
      json_builder_add_int_value (builder, entry->n_modified);
      json_builder_set_member_name (builder, "removed");
      json_builder_add_int_value (builder, entry->n_removed);
      json_builder_set_member_name (builder, "time");
      if (entry->time != NULL)
        json_builder_add_string_value (builder, entry->time);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

static void
print_entries (const char *path,
               GFile      *journal,
               GPtrArray  *entries)
{
  g_autofree char *name = g_file_get_parse_name (journal);

  g_print ("%s: %u unsaved edit%s, in %s\n", path, entries->len, entries->len == 1 ? "" : "s", name);
  for (guint i = 0; i < entries->len; i++)
    {
      GlossJournalEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GString) changes = g_string_new (NULL);

      if (entry->n_added > 0)
        g_string_append_printf (changes, " +%u", entry->n_added);
      if (entry->n_modified > 0)
        g_string_append_printf (changes, " ~%u", entry->n_modified);
      if (entry->n_removed > 0)
        g_string_append_printf (changes, " -%u", entry->n_removed);

      g_print ("%4u  %-20s  %-4s  %s%s%s%s\n", i + 1,
               entry->time != NULL ? entry->time : "",
               entry->direction,
               entry->label != NULL ? entry->label : "Schema changed",
               changes->len > 0 ? "  (" : "", changes->len > 0 ? changes->str + 1 : "",
               changes->len > 0 ? ")" : "");
    }
}

int
gloss_cli_journal (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GFile) journal = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  int status = GLOSS_CLI_EXIT_OK;
  const GOptionEntry options[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the edits as a JSON array", NULL },
    { NULL }
  };

  context = g_option_context_new ("DOC.gloss");
  g_option_context_set_summary (context,
                                "List the unsaved edits of DOC.gloss that a crashed or killed window "
                                "left in its journal: when (the latest stamp of what each changed), "
                                "do/undo/redo, the edit's name and the annotations it added (+), "
                                "changed (~) and removed (-). Nothing is changed.");
  g_option_context_add_main_entries (context, options, NULL);
  if (!gloss_cli_parse_options (context, "journal", &argc, &argv))
    return GLOSS_CLI_EXIT_USAGE;
  if (argc != 2)
    {
      gloss_cli_usage_error ("journal", argc < 2 ? "the document is missing" : "give one document");
      return GLOSS_CLI_EXIT_USAGE;
    }

  if (!open_document (argv[1], &store, &journal, &status))
    return status;

  if (journal != NULL &&
      (entries = gloss_journal_list_entries (store, journal, &error)) == NULL)
    {
      gloss_cli_print_error (argv[1], error);
      return GLOSS_CLI_EXIT_FAILURE;
    }
  if (entries == NULL)
    entries = g_ptr_array_new ();

  if (json)
    {
      g_autoptr(JsonNode) root = entries_to_json (entries);

      gloss_cli_print_json (root);
    }
  else if (journal == NULL)
    g_print ("%s: no unsaved edits\n", argv[1]);
  else
    print_entries (argv[1], journal, entries);

  return GLOSS_CLI_EXIT_OK;
}

int
gloss_cli_recover (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GFile) journal = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  gboolean force = FALSE;
  gboolean in_place;
  guint n_edits = 0;
  int status = GLOSS_CLI_EXIT_OK;
  const GOptionEntry options[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Write the recovered document here (default: over DOC.gloss)", "OUT.gloss" },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, "Overwrite an existing OUT.gloss", NULL },
    { NULL }
  };

  context = g_option_context_new ("DOC.gloss [-o OUT.gloss]");
  g_option_context_set_summary (context,
                                "Apply the unsaved edits a crashed or killed window left in the journal "
                                "of DOC.gloss, as the window's Recover does, and save the result: over "
                                "DOC.gloss (the journal is then set aside, kept 7 days), or to OUT.gloss "
                                "(the journal stays, still offered for DOC.gloss). Saves are atomic.");
  g_option_context_add_main_entries (context, options, NULL);
  if (!gloss_cli_parse_options (context, "recover", &argc, &argv))
    return GLOSS_CLI_EXIT_USAGE;
  if (argc != 2)
    {
      gloss_cli_usage_error ("recover", argc < 2 ? "the document is missing" : "give one document");
      return GLOSS_CLI_EXIT_USAGE;
    }

  in_place = output == NULL;
  if (in_place)
    output = g_strdup (argv[1]);
  else if (!force && !g_str_equal (output, "-") && g_file_test (output, G_FILE_TEST_EXISTS))
    {
      gloss_cli_error ("%s: the file exists; use --force to overwrite it", output);
      return GLOSS_CLI_EXIT_FAILURE;
    }

  if (!open_document (argv[1], &store, &journal, &status))
    return status;
  if (journal == NULL)
    {
      g_printerr ("%s: no unsaved edits to recover\n", argv[1]);
      return GLOSS_CLI_EXIT_OK;
    }

  if (!gloss_journal_recover (store, journal, &n_edits, &error))
    {
      gloss_cli_print_error (argv[1], error);
      return GLOSS_CLI_EXIT_FAILURE;
    }

  bytes = gloss_native_write_bytes (store);
  if (!gloss_cli_write_output (output, bytes, in_place || force, &error))
    {
      gloss_cli_print_error (output, error);
      return GLOSS_CLI_EXIT_FAILURE;
    }

  /* In place, the journal no longer matches the file: set it aside rather
   * than delete it, in case the recovery was not wanted. */
  if (in_place && !gloss_journal_set_aside (journal, &error))
    {
      gloss_cli_print_error (argv[1], error);
      return GLOSS_CLI_EXIT_FAILURE;
    }

  g_printerr ("%s: recovered %u edit%s into %s\n", argv[1], n_edits, n_edits == 1 ? "" : "s",
              g_str_equal (output, "-") ? "standard output" : output);
  return GLOSS_CLI_EXIT_OK;
}
