/* bench-export.c: exporting one large document in every format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A generated 3 MB article with 100,000 mentions of 5,000 entities and
 * 10,000 claims, written by every exporter of the format table (issue 10:
 * jsonl took 30 s when each entity's mentions were found by walking all
 * of them). Target: each export ≤ 2 s of CPU time (the machine may be
 * shared; wall-clock time is printed beside it). Medians are printed as
 * TAP comments; exceeding the target fails.
 *
 * GLOSS_BENCH_SCALE (e.g. 0.1) runs a smaller document without targets;
 * GLOSS_BENCH_SAVE=FILE also writes the document as .gloss, to time
 * `gloss-cli export` on it.
 */
#include "config.h"

#include <time.h>

#include "bench-generate.h"
#include "gloss-format-native.h"

static double scale = 1.0;

static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
bench_export (void)
{
  GRand *rand = g_rand_new_with_seed (42);
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GPtrArray) stores = g_ptr_array_new ();
  const GlossFormat **formats = gloss_format_list ();
  const char *save = g_getenv ("GLOSS_BENCH_SAVE");

  store = bench_make_store (rand, (gsize) (3 * 1000 * 1000 * scale), 100000 * scale, 10000 * scale);
  g_ptr_array_add (stores, store);
  g_test_message ("document: %" G_GSIZE_FORMAT " bytes, %u mentions, %u entities, %u claims",
                  gloss_document_get_n_bytes (gloss_store_get_document (store)),
                  gloss_store_get_n_items (store, GLOSS_KIND_MENTION),
                  gloss_store_get_n_items (store, GLOSS_KIND_ENTITY),
                  gloss_store_get_n_items (store, GLOSS_KIND_CLAIM));

  if (save != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (save);
      g_autoptr(GError) error = NULL;

      g_assert_true (gloss_native_write_file (store, file, &error));
      g_assert_no_error (error);
    }

  for (guint f = 0; formats[f] != NULL; f++)
    {
      GlossFormatOptions options = { .where = "bench" };
      double times[3], walls[3];
      double median, wall;

      if (formats[f]->export == NULL)
        continue;

      for (guint i = 0; i < G_N_ELEMENTS (times); i++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GBytes) bytes = NULL;
          gint64 t0 = g_get_monotonic_time ();
          double c0 = cpu_seconds ();

          bytes = formats[f]->export (stores, &options, &error);
          times[i] = cpu_seconds () - c0;
          walls[i] = (g_get_monotonic_time () - t0) / 1e6;
          g_assert_no_error (error);
          g_assert_nonnull (bytes);
        }

      median = bench_median (times, G_N_ELEMENTS (times));
      wall = bench_median (walls, G_N_ELEMENTS (walls));
      g_test_message ("export %s: %.3f s CPU, %.3f s wall (target <= 2 s CPU)",
                      formats[f]->name, median, wall);
      g_print ("# BENCH export-%s %.3f s CPU %.3f s wall\n", formats[f]->name, median, wall);
      if (scale == 1.0 && median > 2.0)
        g_test_fail_printf ("export %s took %.3f s, over the target of 2 s", formats[f]->name, median);
    }

  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  scale = bench_get_scale ();
  g_test_add_func ("/bench/export", bench_export);
  return g_test_run ();
}
