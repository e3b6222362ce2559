/* gloss-cli-agree.c: gloss-cli agree A.gloss B.gloss [--json]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A is the reference: precision = matched / B's, recall = matched / A's,
 * where two mentions (or claims) match when their type and every span are
 * equal. Cohen's kappa compares the label each annotator gives each token
 * (a run of letters and digits, or one other visible character): the type
 * of the longest mention covering its first character, or "O".
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "gloss-cli.h"

typedef struct
{
  guint a;
  guint b;
  guint matched;
} Tally;

/* "TYPE|s-e|s-e…": equal keys are exact matches. */
static char *
annotation_key (GlossAnnotation *annotation)
{
  GString *key = g_string_new (gloss_annotation_get_type_id (annotation));
  const GlossSpan *spans;
  guint n;

  spans = gloss_annotation_get_spans (annotation, GLOSS_ROLE_CONTENT, &n);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (key, "|%u-%u", spans[i].start, spans[i].end);

  return g_string_free (key, FALSE);
}

static Tally *
tally_for (GHashTable *tallies,
           const char *type)
{
  Tally *tally = g_hash_table_lookup (tallies, type);

  if (tally == NULL)
    {
      tally = g_new0 (Tally, 1);
      g_hash_table_insert (tallies, g_strdup (type ? type : ""), tally);
    }

  return tally;
}

/* Multiset intersection of the two stores' annotations of @kind. */
static GHashTable *
compare_kind (GlossStore          *a,
              GlossStore          *b,
              GlossAnnotationKind  kind)
{
  GHashTable *tallies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) in_a = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *list;

  list = gloss_store_get_list (a, kind);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (list, i);
      char *key = annotation_key (annotation);
      gsize n = GPOINTER_TO_SIZE (g_hash_table_lookup (in_a, key));

      tally_for (tallies, gloss_annotation_get_type_id (annotation))->a++;
      g_hash_table_insert (in_a, key, GSIZE_TO_POINTER (n + 1));
    }

  list = gloss_store_get_list (b, kind);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (list, i);
      g_autofree char *key = annotation_key (annotation);
      gsize n = GPOINTER_TO_SIZE (g_hash_table_lookup (in_a, key));
      Tally *tally = tally_for (tallies, gloss_annotation_get_type_id (annotation));

      tally->b++;
      if (n > 0)
        {
          tally->matched++;
          g_hash_table_insert (in_a, g_steal_pointer (&key), GSIZE_TO_POINTER (n - 1));
        }
    }

  return tallies;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The label of every code point: the type of the longest mention on it. */
static GPtrArray *
label_code_points (GlossStore *store,
                   guint       length)
{
  GPtrArray *labels = g_ptr_array_new ();
  GListModel *list = gloss_store_get_list (store, GLOSS_KIND_MENTION);
  g_autoptr(GArray) best = g_array_sized_new (FALSE, TRUE, sizeof (guint), length);

  g_ptr_array_set_size (labels, length);
  g_array_set_size (best, length);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossAnnotation) mention = g_list_model_get_item (list, i);
      const GlossSpan *spans;
      guint n;

      spans = gloss_annotation_get_spans (mention, GLOSS_ROLE_CONTENT, &n);
      for (guint j = 0; j < n; j++)
        {
          guint width = spans[j].end - spans[j].start;

          for (guint cp = spans[j].start; cp < spans[j].end && cp < length; cp++)
            if (width > g_array_index (best, guint, cp))
              {
                g_array_index (best, guint, cp) = width;
                /* The type id lives as long as the store. */
                g_ptr_array_index (labels, cp) = (gpointer) gloss_annotation_get_type_id (mention);
              }
        }
    }

  return labels;
}

typedef struct
{
  guint  tokens;
  double observed;
  double expected;
  double kappa;
} Kappa;

static Kappa
token_kappa (GlossStore *a,
             GlossStore *b)
{
  GlossDocument *document = gloss_store_get_document (a);
  const char *text = gloss_document_get_text (document);
  guint length = gloss_document_get_length (document);
  g_autoptr(GPtrArray) la = label_code_points (a, length);
  g_autoptr(GPtrArray) lb = label_code_points (b, length);
  g_autoptr(GHashTable) count_a = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) count_b = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;
  guint agree = 0;
  Kappa k = { 0 };
  guint cp = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), cp++)
    {
      gunichar c = g_utf8_get_char (p);
      gboolean word = g_unichar_isalnum (c) || g_unichar_ismark (c);
      const char *x, *y;

      if (g_unichar_isspace (c) || (word && in_word))
        {
          in_word = word;
          continue;
        }
      in_word = word;

      /* A token starts here. */
      x = g_ptr_array_index (la, cp) ? g_ptr_array_index (la, cp) : "O";
      y = g_ptr_array_index (lb, cp) ? g_ptr_array_index (lb, cp) : "O";
      k.tokens++;
      agree += g_str_equal (x, y);
      g_hash_table_insert (count_a, (gpointer) x,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (count_a, x)) + 1));
      g_hash_table_insert (count_b, (gpointer) y,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (count_b, y)) + 1));
    }

  if (k.tokens == 0)
    {
      k.kappa = NAN;
      return k;
    }

  k.observed = (double) agree / k.tokens;
  g_hash_table_iter_init (&iter, count_a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    k.expected += ((double) GPOINTER_TO_UINT (value) / k.tokens) *
                  ((double) GPOINTER_TO_UINT (g_hash_table_lookup (count_b, key)) / k.tokens);

  if (k.expected >= 1.0)
    k.kappa = k.observed >= 1.0 ? 1.0 : NAN;  /* one label only: kappa is undefined */
  else
    k.kappa = (k.observed - k.expected) / (1.0 - k.expected);

  return k;
}

static double
ratio (guint num,
       guint den)
{
  return den == 0 ? NAN : (double) num / den;
}

/* 2·matched / (A + B): the harmonic mean of precision and recall, and 0
 * (not undefined) when one side is empty and the other is not. */
static double
f1 (const Tally *t)
{
  return ratio (2 * t->matched, t->a + t->b);
}

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
add_tally (JsonBuilder *builder,
           const Tally *t)
{
  double p = ratio (t->matched, t->b);
  double r = ratio (t->matched, t->a);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "a");
  json_builder_add_int_value (builder, t->a);
  json_builder_set_member_name (builder, "b");
  json_builder_add_int_value (builder, t->b);
  json_builder_set_member_name (builder, "matched");
  json_builder_add_int_value (builder, t->matched);
  add_number (builder, "precision", p);
  add_number (builder, "recall", r);
  add_number (builder, "f1", f1 (t));
  json_builder_end_object (builder);
}

static void
print_number (double value)
{
  if (isnan (value))
    g_print ("  %9s", "–");
  else
    g_print ("  %9.3f", value);
}

static void
print_tally (const char  *name,
             const Tally *t)
{
  double p = ratio (t->matched, t->b);
  double r = ratio (t->matched, t->a);

  g_print ("  %-14s %6u %6u %7u", name, t->a, t->b, t->matched);
  print_number (p);
  print_number (r);
  print_number (f1 (t));
  g_print ("\n");
}

static void
report_kind (JsonBuilder *builder,
             const char  *title,
             GHashTable  *tallies)
{
  g_autoptr(GPtrArray) types = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, value;
  Tally all = { 0 };

  g_hash_table_iter_init (&iter, tallies);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const Tally *t = value;

      g_ptr_array_add (types, key);
      all.a += t->a;
      all.b += t->b;
      all.matched += t->matched;
    }
  g_ptr_array_sort (types, compare_strings);

  if (builder != NULL)
    {
      json_builder_set_member_name (builder, title);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "by_type");
      json_builder_begin_object (builder);
      for (guint i = 0; i < types->len; i++)
        {
          json_builder_set_member_name (builder, g_ptr_array_index (types, i));
          add_tally (builder, g_hash_table_lookup (tallies, g_ptr_array_index (types, i)));
        }
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "micro");
      add_tally (builder, &all);
      json_builder_end_object (builder);
      return;
    }

  g_print ("%s (exact spans; A is the reference)\n", title);
  g_print ("  %-14s %6s %6s %7s  %9s  %9s  %9s\n", "type", "A", "B", "matched",
           "precision", "recall", "F1");
  for (guint i = 0; i < types->len; i++)
    print_tally (g_ptr_array_index (types, i),
                 g_hash_table_lookup (tallies, g_ptr_array_index (types, i)));
  print_tally ("all (micro)", &all);
}

int
gloss_cli_agree (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) sa = NULL;
  g_autoptr(GPtrArray) sb = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) mentions = NULL;
  g_autoptr(GHashTable) claims = NULL;
  gboolean json = FALSE;
  GlossStore *a, *b;
  Kappa kappa;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON", NULL },
    { NULL }
  };

  context = g_option_context_new ("A.gloss B.gloss");
  g_option_context_set_summary (context,
                                "Compare two annotations of the same article. Per type: precision, "
                                "recall and F1 of B against A over exact-span matches of mentions "
                                "and claims; and Cohen's kappa over token-level mention labels.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!gloss_cli_parse_options (context, "agree", &argc, &argv))
    return GLOSS_CLI_EXIT_USAGE;

  if (argc != 3)
    {
      gloss_cli_usage_error ("agree", "give exactly two files, A.gloss and B.gloss");
      return GLOSS_CLI_EXIT_USAGE;
    }

  if ((sa = gloss_cli_read_input (NULL, argv[1], NULL, &error)) == NULL)
    {
      gloss_cli_print_error (argv[1], error);
      return GLOSS_CLI_EXIT_FAILURE;
    }
  if ((sb = gloss_cli_read_input (NULL, argv[2], NULL, &error)) == NULL)
    {
      gloss_cli_print_error (argv[2], error);
      return GLOSS_CLI_EXIT_FAILURE;
    }
  a = g_ptr_array_index (sa, 0);
  b = g_ptr_array_index (sb, 0);

  if (g_strcmp0 (gloss_document_get_sha256 (gloss_store_get_document (a)),
                 gloss_document_get_sha256 (gloss_store_get_document (b))) != 0)
    {
      gloss_cli_error ("%s and %s annotate different texts (their sha256 differ)", argv[1], argv[2]);
      return GLOSS_CLI_EXIT_FAILURE;
    }

  mentions = compare_kind (a, b, GLOSS_KIND_MENTION);
  claims = compare_kind (a, b, GLOSS_KIND_CLAIM);
  kappa = token_kappa (a, b);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "a");
      json_builder_add_string_value (builder, argv[1]);
      json_builder_set_member_name (builder, "b");
      json_builder_add_string_value (builder, argv[2]);
      report_kind (builder, "mentions", mentions);
      report_kind (builder, "claims", claims);
      json_builder_set_member_name (builder, "tokens");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "count");
      json_builder_add_int_value (builder, kappa.tokens);
      add_number (builder, "observed", kappa.observed);
      add_number (builder, "expected", kappa.expected);
      add_number (builder, "kappa", kappa.kappa);
      json_builder_end_object (builder);
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, NULL);
      g_print ("%s\n", text);
    }
  else
    {
      report_kind (NULL, "mentions", mentions);
      report_kind (NULL, "claims", claims);
      g_print ("tokens: %u, observed agreement %.3f, Cohen's kappa ", kappa.tokens, kappa.observed);
      if (isnan (kappa.kappa))
        g_print ("undefined (one label only)\n");
      else
        g_print ("%.3f\n", kappa.kappa);
    }

  return GLOSS_CLI_EXIT_OK;
}
