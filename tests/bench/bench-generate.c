/* bench-generate.c: the generated documents the benchmarks load, and medians
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "bench-generate.h"

static const char * const words[] = {
  "the", "Russian", "leader", "said", "North", "Korea’s", "Kim", "Jong", "Un",
  "met", "Vladimir", "Putin", "at", "the", "Vostochny", "Cosmodrome", "—",
  "“sacred", "fight”", "missiles", "satellite", "😀", "漢字", "and", "of", "in",
};

char *
bench_make_text (GRand    *rand,
                 gsize     n_bytes,
                 gboolean  paragraphs)
{
  GString *s = g_string_sized_new (n_bytes + 64);

  while (s->len < n_bytes)
    {
      g_string_append (s, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append_c (s, paragraphs && g_rand_int_range (rand, 0, 14) == 0 ? '\n' : ' ');
    }
  return g_string_free (s, FALSE);
}

GlossStore *
bench_make_store (GRand *rand,
                  gsize  n_bytes,
                  guint  n_mentions,
                  guint  n_claims)
{
  static const char * const types[] = { "PER", "ORG", "GPE", "LOC", "FAC", "EQP", "EVT", "DATE", "QTY" };
  static const char * const claim_types[] = { "quote", "assertion", "promise" };
  g_autofree char *text = bench_make_text (rand, n_bytes, TRUE);
  g_autoptr(GlossDocument) doc = gloss_document_new_from_text (text, -1, "bench", NULL);
  GlossStore *store = gloss_store_new (doc, NULL);
  guint length = gloss_document_get_length (doc);
  GPtrArray *entities = g_ptr_array_new ();

  for (guint i = 0; i < MAX (n_mentions / 20, 1); i++)
    {
      g_autoptr(GlossEntity) e = gloss_entity_new (types[i % 9], "entity");

      gloss_store_load_add (store, GLOSS_ANNOTATION (e), NULL);
      g_ptr_array_add (entities, e);
    }

  for (guint i = 0; i < n_mentions; i++)
    {
      guint start = g_rand_int_range (rand, 0, length - 30);
      GlossSpan span = { start, start + g_rand_int_range (rand, 2, 25) };
      g_autoptr(GlossMention) m = gloss_mention_new (types[g_rand_int_range (rand, 0, 9)], &span, 1);

      if (g_rand_boolean (rand))
        gloss_mention_set_entity (m, g_ptr_array_index (entities, g_rand_int_range (rand, 0, entities->len)));
      gloss_store_load_add (store, GLOSS_ANNOTATION (m), NULL);
    }

  for (guint i = 0; i < n_claims; i++)
    {
      guint start = g_rand_int_range (rand, 0, length - 400);
      GlossSpan spans[2] = { { start, start + g_rand_int_range (rand, 20, 150) },
                             { start + 200, start + g_rand_int_range (rand, 210, 390) } };
      GlossSpan cue = { start + 160, start + 165 };
      g_autoptr(GlossClaim) c = gloss_claim_new (claim_types[i % 3], spans, i % 5 == 0 ? 2 : 1);

      gloss_annotation_set_spans (GLOSS_ANNOTATION (c), GLOSS_ROLE_CUE, &cue, 1);
      gloss_claim_set_claimant (c, g_ptr_array_index (entities, g_rand_int_range (rand, 0, entities->len)));
      gloss_store_load_add (store, GLOSS_ANNOTATION (c), NULL);
    }

  g_ptr_array_unref (entities);
  return store;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

void
bench_sort (double *values,
            guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
}

double
bench_median (double *values,
              guint   n)
{
  bench_sort (values, n);
  return values[n / 2];
}

double
bench_get_scale (void)
{
  const char *s = g_getenv ("GLOSS_BENCH_SCALE");

  return s != NULL ? CLAMP (g_ascii_strtod (s, NULL), 0.001, 1.0) : 1.0;
}

void
bench_check_target (const char *what,
                    double      measured,
                    double      target,
                    const char *unit)
{
  g_test_message ("%s: %.3f %s (target <= %.3g %s)", what, measured, unit, target, unit);
  if (bench_get_scale () == 1.0 && measured > target)
    g_test_fail_printf ("%s took %.3f %s, over the target of %.3g %s", what, measured, unit, target, unit);
}

void
bench_write_file (const char *path,
                  const char *data,
                  gsize       size)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, size, &error);
  g_assert_no_error (error);
}

void
bench_report (const char *what,
              double      value,
              const char *unit)
{
  g_test_message ("%s: %.3f %s", what, value, unit);
  g_print ("# BENCH %s %.3f %s\n", what, value, unit);
}

void
bench_remove_tree (const char *root)
{
  g_autofree char *quoted = g_shell_quote (root);
  g_autofree char *command = g_strdup_printf ("rm -rf %s", quoted);

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
}
