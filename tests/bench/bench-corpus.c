/* bench-corpus.c: a corpus of 1,000 documents to one dataset and back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 1,000 generated .gloss documents (20 KB of text and 500 mentions each:
 * 20 MB, 500,000 mentions) exported to one file of each format the way
 * gloss-cli export does it (every format here streams: one document at a
 * time through a GlossFormatStream), then that file imported again.
 * Printed per format and direction: wall and CPU seconds, and how far the resident
 * memory rose above where it was when the direction began (the target:
 * ≤ 5 s a direction, and flat memory for the streaming exports). The
 * import's rise includes the file's bytes, read whole first. The
 * figures are reported, not asserted: the machine may be shared.
 *
 * GLOSS_BENCH_SCALE (e.g. 0.01) runs fewer documents, and
 * GLOSS_BENCH_FORMATS (e.g. "prodigy,w3c") only the formats named.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>

#include "bench-generate.h"
#include "gloss-format.h"
#include "gloss-format-native.h"
#include "gloss-format-stream.h"

static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The resident set now, in KB (VmRSS), which falls again when memory is
 * given back, unlike the process's peak. */
static gsize
rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmRSS:");
  return line != NULL ? g_ascii_strtoull (line + strlen ("VmRSS:"), NULL, 10) : 0;
}

typedef struct
{
  gint64 t0;
  double c0;
  gsize  base;
  gsize  peak;
} Meter;

static void
meter_start (Meter *m)
{
  m->base = m->peak = rss_kb ();
  m->t0 = g_get_monotonic_time ();
  m->c0 = cpu_seconds ();
}

static void
meter_sample (Meter *m)
{
  m->peak = MAX (m->peak, rss_kb ());
}

static void
meter_report (Meter      *m,
              const char *format,
              const char *direction,
              guint       n_docs)
{
  double wall = (g_get_monotonic_time () - m->t0) / 1e6;
  double cpu = cpu_seconds () - m->c0;

  meter_sample (m);
  g_test_message ("%s %s, %u documents: %.2f s wall, %.2f s CPU, memory +%.1f MB%s", direction, format, n_docs,
                  wall, cpu, (m->peak - m->base) / 1024.0, cpu > 5.0 ? " (over the 5 s target)" : "");
  g_print ("# BENCH corpus-%s-%s %.2f s wall %.2f s CPU +%.1f MB\n", direction, format, wall, cpu,
           (m->peak - m->base) / 1024.0);
}

/* Imports hand each document over as it is read (as a converter would
 * write it and let it go): the rise in memory is the input's bytes and
 * one document, for the formats that can. */
typedef struct
{
  Meter *meter;
  guint  n;
} Handed;

static gboolean
count_document (GlossStore  *store,
                gpointer     data,
                GError     **error)
{
  Handed *handed = data;

  if (handed->n++ % 50 == 0)
    meter_sample (handed->meter);
  return TRUE;
}

static GlossStore *
read_gloss (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossStore *store = gloss_native_read_file (file, &error);

  g_assert_no_error (error);
  return store;
}

static void
bench_corpus (void)
{
  static const char * const formats[] = { "jsonl", "doccano", "prodigy", "conll", "w3c", "labelstudio", "csv" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *dir = g_dir_make_tmp ("gloss-bench-corpus-XXXXXX", NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  guint n_docs = MAX (2, (guint) (1000 * bench_get_scale ()));
  guint64 n_bytes = 0, n_mentions = 0;
  g_auto(GStrv) only = g_getenv ("GLOSS_BENCH_FORMATS") ? g_strsplit (g_getenv ("GLOSS_BENCH_FORMATS"), ",", -1) : NULL;

  for (guint i = 0; i < n_docs; i++)
    {
      g_autoptr(GlossStore) store = bench_make_store (rand, 20000, 500, 10);
      g_autofree char *id = g_strdup_printf ("doc-%04u", i);
      g_autofree char *name = g_strconcat (id, ".gloss", NULL);
      char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      gloss_document_set_id (gloss_store_get_document (store), id);
      n_bytes += gloss_document_get_n_bytes (gloss_store_get_document (store));
      n_mentions += gloss_store_get_n_items (store, GLOSS_KIND_MENTION);
      g_assert_true (gloss_native_write_file (store, file, &error));
      g_assert_no_error (error);
      g_ptr_array_add (paths, path);
    }
  g_test_message ("corpus: %u documents, %.1f MB of text, %" G_GUINT64_FORMAT " mentions",
                  n_docs, n_bytes / 1e6, n_mentions);

  for (gsize f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      const GlossFormat *format = gloss_format_lookup (formats[f]);
      g_autofree char *name = g_strdup_printf ("dataset.%s", format->extension);
      g_autofree char *out_path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;
      GlossFormatOptions options = { .where = out_path };
      Meter m;

      if (only != NULL && !g_strv_contains ((const char * const *) only, formats[f]))
        continue;
      meter_start (&m);
      if (gloss_format_streams (format))
        {
          g_autoptr(GlossFormatStream) stream = gloss_format_stream_new (format, &options);
          g_autoptr(GBytes) end = NULL;
          FILE *out = fopen (out_path, "wb");

          g_assert_nonnull (out);
          for (guint i = 0; i < paths->len; i++)
            {
              g_autoptr(GlossStore) store = read_gloss (g_ptr_array_index (paths, i));
              g_autoptr(GBytes) bytes = gloss_format_stream_add (stream, store, &error);

              g_assert_no_error (error);
              g_assert_cmpuint (fwrite (g_bytes_get_data (bytes, NULL), 1, g_bytes_get_size (bytes), out), ==,
                                g_bytes_get_size (bytes));
              if (i % 50 == 0)
                meter_sample (&m);
            }
          end = gloss_format_stream_end (stream, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (fwrite (g_bytes_get_data (end, NULL), 1, g_bytes_get_size (end), out), ==,
                            g_bytes_get_size (end));
          g_assert_cmpint (fclose (out), ==, 0);
        }
      else
        {
          g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
          g_autoptr(GBytes) bytes = NULL;

          for (guint i = 0; i < paths->len; i++)
            g_ptr_array_add (all, read_gloss (g_ptr_array_index (paths, i)));
          meter_sample (&m);
          bytes = gloss_format_export (format, all, &options, &error);
          g_assert_no_error (error);
          meter_sample (&m);
          g_assert_true (g_file_set_contents (out_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
        }
      meter_report (&m, formats[f], "export", n_docs);

      if (format->import != NULL)
        {
          g_autofree char *contents = NULL;
          g_autoptr(GBytes) input = NULL;
          g_autoptr(GPtrArray) back = NULL;
          gsize length;

          Handed handed = { &m, 0 };
          GlossFormatOptions import_options = { .where = out_path, .document = count_document,
                                                .document_data = &handed };

          meter_start (&m);
          g_assert_true (g_file_get_contents (out_path, &contents, &length, NULL));
          input = g_bytes_new_take (g_steal_pointer (&contents), length);
          back = format->import (input, &import_options, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (back->len + handed.n, ==, n_docs);
          meter_report (&m, formats[f], "import", n_docs);
          g_print ("# BENCH corpus-file-%s %.1f MB, %u documents handed over\n", formats[f], length / 1048576.0,
                   handed.n);
        }
      g_unlink (out_path);
    }

  for (guint i = 0; i < paths->len; i++)
    g_unlink (g_ptr_array_index (paths, i));
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/bench/corpus", bench_corpus);
  return g_test_run ();
}
