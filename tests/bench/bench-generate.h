/* bench-generate.h: the generated documents the benchmarks load, and medians
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-store.h"

G_BEGIN_DECLS

/* Words with curly quotes, an em dash, an emoji and CJK, so that code
 * points and bytes differ as in real articles. */
char       *bench_make_text  (GRand   *rand,
                              gsize    n_bytes,
                              gboolean paragraphs);
/* A @n_bytes article with @n_mentions mentions (one entity per twenty),
 * @n_claims claims with cues and claimants. */
GlossStore *bench_make_store (GRand   *rand,
                              gsize    n_bytes,
                              guint    n_mentions,
                              guint    n_claims);

/* A figure as a TAP comment and a "# BENCH name value unit" line. */
void        bench_report     (const char *what,
                              double      value,
                              const char *unit);
/* A figure as a TAP comment with its target; over the target fails the
 * test, unless GLOSS_BENCH_SCALE makes a quick run. */
void        bench_check_target (const char *what,
                                double      measured,
                                double      target,
                                const char *unit);
/* Writes @path, not atomically: generating 10,000 files with fsync
 * would take minutes. */
void        bench_write_file  (const char *path,
                               const char *data,
                               gsize       size);
/* rm -rf @root: generated projects leave nothing behind in /tmp. */
void        bench_remove_tree (const char *root);

/* GLOSS_BENCH_SCALE (0.001–1), or 1: the fraction of the full size to run. */
double      bench_get_scale  (void);

/* Sorts @values in place; the median sorts them too. */
void        bench_sort       (double  *values,
                              guint    n);
double      bench_median     (double  *values,
                              guint    n);

G_END_DECLS
