/* bench-store.c: load, save, query and edit a large document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A generated 3 MB article with 100,000 mentions and 10,000 claims.
 * Targets (issue 2, on a 2-core machine): load ≤ 1.0 s, save ≤ 0.5 s,
 * a 2,000-character window query ≤ 50 µs, add or remove one mention
 * ≤ 20 µs, ≤ 300 bytes resident per mention after load. Medians of
 * several runs are printed as TAP comments; exceeding a target fails.
 *
 * Set GLOSS_BENCH_SCALE to a fraction (e.g. 0.1) for a quick run; the
 * targets are then not checked.
 */
#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "bench-generate.h"
#include "gloss-format-native.h"

static double scale = 1.0;

static gsize
rss_bytes (void)
{
  g_autofree char *statm = NULL;
  long pages_total = 0, pages_resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL) ||
      sscanf (statm, "%ld %ld", &pages_total, &pages_resident) != 2)
    return 0;
  return (gsize)pages_resident * sysconf (_SC_PAGESIZE);
}

/* Heap bytes in use: unlike RSS, not blurred by freed pages the
 * allocator keeps, so the difference around a load is what it holds. */
static gsize
heap_in_use (void)
{
  struct mallinfo2 mi = mallinfo2 ();

  return mi.uordblks + mi.hblkhd;
}

static gsize
peak_rss_bytes (void)
{
  g_autofree char *status = NULL;
  const char *hwm;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (hwm = strstr (status, "VmHWM:")) == NULL)
    return 0;
  return (gsize)g_ascii_strtoull (hwm + 6, NULL, 10) * 1024;
}

static void
check_target (const char *what,
              double      measured,
              double      target,
              const char *unit)
{
  g_test_message ("%s: %.3f %s (target <= %.3g %s)", what, measured, unit, target, unit);
  g_print ("# BENCH %s %.3f %s\n", what, measured, unit);
  if (scale == 1.0 && measured > target)
    g_test_fail_printf ("%s took %.3f %s, over the target of %.3g %s", what, measured, unit, target, unit);
}

static void
bench_store (void)
{
  GRand *rand = g_rand_new_with_seed (42);
  guint n_mentions = 100000 * scale;
  guint n_claims = 10000 * scale;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GlossStore) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  double save_times[5], load_times[3], query_times[200], add_times[200], remove_times[200];
  gsize rss_before = 0, rss_after, heap_before = 0, heap_after = 0;
  guint length;

  store = bench_make_store (rand, (gsize) (3 * 1000 * 1000 * scale), n_mentions, n_claims);
  length = gloss_document_get_length (gloss_store_get_document (store));
  g_test_message ("document: %" G_GSIZE_FORMAT " bytes, %u code points, %u mentions, %u claims, %u entities",
                  gloss_document_get_n_bytes (gloss_store_get_document (store)), length,
                  gloss_store_get_n_items (store, GLOSS_KIND_MENTION),
                  gloss_store_get_n_items (store, GLOSS_KIND_CLAIM),
                  gloss_store_get_n_items (store, GLOSS_KIND_ENTITY));

  for (guint i = 0; i < G_N_ELEMENTS (save_times); i++)
    {
      gint64 t0 = g_get_monotonic_time ();

      g_clear_pointer (&bytes, g_bytes_unref);
      bytes = gloss_native_write_bytes (store);
      save_times[i] = (g_get_monotonic_time () - t0) / 1e6;
    }
  g_test_message ("file: %" G_GSIZE_FORMAT " bytes", g_bytes_get_size (bytes));
  check_target ("save", bench_median (save_times, G_N_ELEMENTS (save_times)), 0.5, "s");

  g_clear_object (&store);
  malloc_trim (0);

  for (guint i = 0; i < G_N_ELEMENTS (load_times); i++)
    {
      gint64 t0;

      g_clear_object (&loaded);
      malloc_trim (0);
      if (i == 0)
        {
          rss_before = rss_bytes ();
          heap_before = heap_in_use ();
        }
      t0 = g_get_monotonic_time ();
      loaded = gloss_native_read_bytes (bytes, "bench.gloss", &error);
      load_times[i] = (g_get_monotonic_time () - t0) / 1e6;
      g_assert_no_error (error);
      g_assert_nonnull (loaded);
      if (i == 0)
        {
          malloc_trim (0);
          heap_after = heap_in_use ();
          rss_after = rss_bytes ();
          g_test_message ("resident after the first load: %+.1f MB (RSS), %+.1f MB (heap in use)",
                          ((double)rss_after - rss_before) / 1e6, ((double)heap_after - heap_before) / 1e6);
        }
    }
  check_target ("load", bench_median (load_times, G_N_ELEMENTS (load_times)), 1.0, "s");
  g_assert_cmpuint (gloss_store_get_n_items (loaded, GLOSS_KIND_MENTION), ==, n_mentions);

  /* Memory the loaded store holds (text, annotations, index, entities,
   * claims), all of it charged to the mentions. */
  g_clear_pointer (&bytes, g_bytes_unref);
  check_target ("memory per mention", (double)(heap_after - heap_before) / n_mentions, 300, "bytes");

  for (guint i = 0; i < G_N_ELEMENTS (query_times); i++)
    {
      guint start = g_rand_int_range (rand, 0, length - 2000);
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(GArray) hits = gloss_store_query_range (loaded, start, start + 2000, GLOSS_KIND_MASK_ALL);

      query_times[i] = (double)(g_get_monotonic_time () - t0);
      g_assert_cmpuint (hits->len, >, 0);
    }
  check_target ("query 2000 characters", bench_median (query_times, G_N_ELEMENTS (query_times)), 50, "us");

  for (guint i = 0; i < G_N_ELEMENTS (add_times); i++)
    {
      guint start = g_rand_int_range (rand, 0, length - 30);
      GlossSpan span = { start, start + 7 };
      g_autoptr(GlossMention) m = gloss_mention_new ("PER", &span, 1);
      gint64 t0 = g_get_monotonic_time ();

      g_assert_true (gloss_store_add (loaded, GLOSS_ANNOTATION (m), NULL));
      add_times[i] = (double)(g_get_monotonic_time () - t0);

      t0 = g_get_monotonic_time ();
      g_assert_true (gloss_store_remove (loaded, GLOSS_ANNOTATION (m), NULL));
      remove_times[i] = (double)(g_get_monotonic_time () - t0);
    }
  check_target ("add one mention", bench_median (add_times, G_N_ELEMENTS (add_times)), 20, "us");
  check_target ("remove one mention", bench_median (remove_times, G_N_ELEMENTS (remove_times)), 20, "us");

  g_test_message ("peak RSS: %.1f MB", peak_rss_bytes () / 1e6);
  g_print ("# BENCH peak-rss %.1f MB\n", peak_rss_bytes () / 1e6);

  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  const char *s = g_getenv ("GLOSS_BENCH_SCALE");

  g_test_init (&argc, &argv, NULL);
  if (s != NULL)
    scale = CLAMP (g_ascii_strtod (s, NULL), 0.001, 1.0);

  g_test_add_func ("/bench/store", bench_store);
  return g_test_run ();
}
