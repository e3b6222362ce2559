/* gloss-cli-agree.c: gloss-cli agree A.gloss B.gloss | PROJECT [--json]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The numbers come from the core (gloss-agreement.c), the same the
 * window's agreement view shows; A is the reference.
 */
#include "config.h"

#include <math.h>

#include "gloss-agreement-project.h"
#include "gloss-cli.h"

static const struct
{
  GlossAnnotationKind kind;
  const char         *name;
  gboolean            kappa;
} layers[] = {
  { GLOSS_KIND_MENTION, "mentions", TRUE },
  { GLOSS_KIND_CLAIM, "claims", TRUE },
  { GLOSS_KIND_RELATION, "relations", FALSE },
};

static void
add_number (JsonBuilder *builder,
            const char  *member,
            double       value)
{
  json_builder_set_member_name (builder, member);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_counts (JsonBuilder                *builder,
            const GlossAgreementCounts *counts)
{
  json_builder_begin_object (builder);
  gloss_cli_json_add_int (builder, "a", counts->a);
  gloss_cli_json_add_int (builder, "b", counts->b);
  gloss_cli_json_add_int (builder, "matched", counts->matched);
  add_number (builder, "precision", gloss_agreement_precision (counts));
  add_number (builder, "recall", gloss_agreement_recall (counts));
  add_number (builder, "f1", gloss_agreement_f1 (counts));
  json_builder_end_object (builder);
}

/* "mentions": { "exact": { "by_type", "micro" }, "overlap": …, "kappa" } */
static void
add_agreement (JsonBuilder          *builder,
               const GlossAgreement *agreement)
{
  for (guint l = 0; l < G_N_ELEMENTS (layers); l++)
    {
      g_autoptr(GPtrArray) types = gloss_agreement_list_types (agreement, layers[l].kind);

      json_builder_set_member_name (builder, layers[l].name);
      json_builder_begin_object (builder);
      for (GlossMatch m = 0; m < GLOSS_N_MATCHES; m++)
        {
          GlossAgreementCounts micro = gloss_agreement_get_counts (agreement, layers[l].kind, m, NULL);

          json_builder_set_member_name (builder, gloss_match_to_string (m));
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "by_type");
          json_builder_begin_object (builder);
          for (guint i = 0; i < types->len; i++)
            {
              const char *type = g_ptr_array_index (types, i);
              GlossAgreementCounts counts = gloss_agreement_get_counts (agreement, layers[l].kind, m, type);

              json_builder_set_member_name (builder, type);
              add_counts (builder, &counts);
            }
          json_builder_end_object (builder);
          json_builder_set_member_name (builder, "micro");
          add_counts (builder, &micro);
          json_builder_end_object (builder);
        }
      if (layers[l].kappa)
        {
          GlossKappa k = gloss_agreement_get_kappa (agreement, layers[l].kind);

          json_builder_set_member_name (builder, "kappa");
          json_builder_begin_object (builder);
          gloss_cli_json_add_int (builder, "tokens", k.tokens);
          gloss_cli_json_add_int (builder, "agreed", k.agreed);
          add_number (builder, "observed", k.observed);
          add_number (builder, "expected", k.expected);
          add_number (builder, "kappa", k.kappa);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
    }
}

static void
print_number (double value)
{
  /* "–" is three bytes and one column: no printf width for it. */
  if (isnan (value))
    g_print ("      –");
  else
    g_print (" %6.3f", value);
}

static void
print_row (const GlossAgreement *agreement,
           GlossAnnotationKind   kind,
           const char           *type,
           const char           *name)
{
  GlossAgreementCounts exact = gloss_agreement_get_counts (agreement, kind, GLOSS_MATCH_EXACT, type);

  g_print ("  %-14s %5u %5u", name, exact.a, exact.b);
  for (GlossMatch m = 0; m < GLOSS_N_MATCHES; m++)
    {
      GlossAgreementCounts counts = gloss_agreement_get_counts (agreement, kind, m, type);

      g_print ("  %5u", counts.matched);
      print_number (gloss_agreement_precision (&counts));
      print_number (gloss_agreement_recall (&counts));
      print_number (gloss_agreement_f1 (&counts));
    }
  g_print ("\n");
}

static void
print_kappa (const GlossKappa *k)
{
  g_print ("  tokens %u, agreed %u, p_o %.3f, p_e %.3f, Cohen's kappa ",
           k->tokens, k->agreed, k->observed, k->expected);
  if (isnan (k->kappa))
    g_print ("undefined (one label only)\n");
  else
    g_print ("%.3f\n", k->kappa);
}

static void
print_agreement (const GlossAgreement *agreement)
{
  for (guint l = 0; l < G_N_ELEMENTS (layers); l++)
    {
      g_autoptr(GPtrArray) types = gloss_agreement_list_types (agreement, layers[l].kind);

      g_print ("%s (A is the reference)\n", layers[l].name);
      g_print ("  %-14s %5s %5s  %-26s  %s\n", "", "", "", "exact", "overlap");
      g_print ("  %-14s %5s %5s", "type", "A", "B");
      for (GlossMatch m = 0; m < GLOSS_N_MATCHES; m++)
        g_print ("  %5s %6s %6s %6s", "match", "P", "R", "F1");
      g_print ("\n");
      for (guint i = 0; i < types->len; i++)
        print_row (agreement, layers[l].kind, g_ptr_array_index (types, i), g_ptr_array_index (types, i));
      print_row (agreement, layers[l].kind, NULL, "all (micro)");
      if (layers[l].kappa)
        {
          GlossKappa k = gloss_agreement_get_kappa (agreement, layers[l].kind);

          print_kappa (&k);
        }
    }
}

static void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  gloss_cli_print_json (root);
}

static void
begin_report (JsonBuilder *builder,
              const char  *a,
              const char  *b,
              guint        n_documents)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "a");
  json_builder_add_string_value (builder, a);
  json_builder_set_member_name (builder, "b");
  json_builder_add_string_value (builder, b);
  gloss_cli_json_add_int (builder, "documents", n_documents);
}

static int
agree_files (const char *path_a,
             const char *path_b,
             gboolean    json)
{
  g_autoptr(GPtrArray) sa = NULL;
  g_autoptr(GPtrArray) sb = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossAgreement) agreement = gloss_agreement_new ();

  if ((sa = gloss_cli_read_input (NULL, path_a, NULL, &error)) == NULL)
    {
      gloss_cli_print_error (path_a, error);
      return GLOSS_CLI_EXIT_FAILURE;
    }
  if ((sb = gloss_cli_read_input (NULL, path_b, NULL, &error)) == NULL)
    {
      gloss_cli_print_error (path_b, error);
      return GLOSS_CLI_EXIT_FAILURE;
    }
  if (!gloss_agreement_add (agreement, g_ptr_array_index (sa, 0), g_ptr_array_index (sb, 0), NULL))
    {
      gloss_cli_error ("%s and %s annotate different texts (their sha256 differ)", path_a, path_b);
      return GLOSS_CLI_EXIT_FAILURE;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      begin_report (builder, path_a, path_b, 1);
      add_agreement (builder, agreement);
      json_builder_end_object (builder);
      print_json (builder);
    }
  else
    print_agreement (agreement);

  return GLOSS_CLI_EXIT_OK;
}

/* The two annotators to compare: --annotators, else the project's only two. */
static GStrv
pick_annotators (GlossProject *project,
                 const char   *path,
                 const char   *option)
{
  g_auto(GStrv) names = NULL;

  if (option != NULL)
    {
      names = g_strsplit (option, ",", -1);
      if (g_strv_length (names) != 2 || *names[0] == '\0' || *names[1] == '\0')
        {
          gloss_cli_usage_error ("agree", "--annotators takes two names, A,B");
          return NULL;
        }
      return g_steal_pointer (&names);
    }

  names = gloss_project_list_annotators (project);
  if (g_strv_length (names) != 2)
    {
      g_autofree char *list = g_strjoinv (", ", names);

      if (g_strv_length (names) < 2)
        gloss_cli_error ("%s: fewer than two annotators have worked on it (%s)", path,
                         *list ? list : "none");
      else
        gloss_cli_error ("%s: choose two of its annotators with --annotators A,B (%s)", path, list);
      return NULL;
    }
  return g_steal_pointer (&names);
}

static int
agree_project (const char *path,
               const char *annotators,
               gboolean    json)
{
  g_autoptr(GFile) folder = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GlossAgreement) pooled = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_auto(GStrv) names = NULL;

  if ((project = gloss_project_load (folder, NULL, &error)) == NULL)
    {
      gloss_cli_print_error (path, error);
      return GLOSS_CLI_EXIT_FAILURE;
    }
  if ((names = pick_annotators (project, path, annotators)) == NULL)
    return annotators != NULL ? GLOSS_CLI_EXIT_USAGE : GLOSS_CLI_EXIT_FAILURE;
  items = gloss_agreement_compare_project (project, names[0], names[1], &pooled, &error);
  if (items == NULL)
    {
      gloss_cli_print_error (path, error);
      return GLOSS_CLI_EXIT_FAILURE;
    }
  if (items->len == 0)
    {
      gloss_cli_error ("%s: %s and %s have no document in common", path, names[0], names[1]);
      return GLOSS_CLI_EXIT_FAILURE;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      begin_report (builder, names[0], names[1], items->len);
      add_agreement (builder, pooled);
      json_builder_set_member_name (builder, "per_document");
      json_builder_begin_array (builder);
      for (guint i = 0; i < items->len; i++)
        {
          GlossDocumentAgreement *item = g_ptr_array_index (items, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, gloss_project_document_get_id (item->document));
          add_agreement (builder, item->agreement);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      print_json (builder);
      return GLOSS_CLI_EXIT_OK;
    }

  g_print ("A: %s, B: %s; %u documents both annotated\n", names[0], names[1], items->len);
  g_print ("Mentions per document: F1 exact and by overlap, Cohen's kappa\n");
  g_print ("  %-24s %6s %9s %9s\n", "document", "exact", "overlap", "kappa");
  for (guint i = 0; i < items->len; i++)
    {
      GlossDocumentAgreement *item = g_ptr_array_index (items, i);
      GlossAgreementCounts exact = gloss_agreement_get_counts (item->agreement, GLOSS_KIND_MENTION, GLOSS_MATCH_EXACT, NULL);
      GlossAgreementCounts overlap = gloss_agreement_get_counts (item->agreement, GLOSS_KIND_MENTION, GLOSS_MATCH_OVERLAP, NULL);
      GlossKappa k = gloss_agreement_get_kappa (item->agreement, GLOSS_KIND_MENTION);

      g_print ("  %-24s", gloss_project_document_get_id (item->document));
      print_number (gloss_agreement_f1 (&exact));
      g_print ("   ");
      print_number (gloss_agreement_f1 (&overlap));
      g_print ("   ");
      print_number (k.kappa);
      g_print ("\n");
    }
  g_print ("\nAll %u documents together\n", items->len);
  print_agreement (pooled);
  return GLOSS_CLI_EXIT_OK;
}

int
gloss_cli_agree (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *annotators = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON", NULL },
    { "annotators", 0, 0, G_OPTION_ARG_STRING, &annotators,
      "In a project, the two annotators to compare (default: its only two)", "A,B" },
    { NULL }
  };

  context = g_option_context_new ("A.gloss B.gloss | PROJECT");
  g_option_context_set_summary (context,
                                "Compare two annotations of the same articles: per type, precision, "
                                "recall and F1 of B against A for mentions, claims and relations, "
                                "matched exactly and by overlap; Cohen's kappa over token labels. "
                                "A PROJECT compares two annotators on every document both "
                                "annotated, each and all together.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!gloss_cli_parse_options (context, "agree", &argc, &argv))
    return GLOSS_CLI_EXIT_USAGE;

  if (argc == 2 && gloss_cli_is_project (argv[1]))
    return agree_project (argv[1], annotators, json);
  if (argc != 3)
    {
      gloss_cli_usage_error ("agree", "give exactly two files, A.gloss and B.gloss, or a project folder");
      return GLOSS_CLI_EXIT_USAGE;
    }
  if (annotators != NULL)
    {
      gloss_cli_usage_error ("agree", "--annotators is for a project folder");
      return GLOSS_CLI_EXIT_USAGE;
    }
  return agree_files (argv[1], argv[2], json);
}
