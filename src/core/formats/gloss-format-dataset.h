/* gloss-format-dataset.h: an export written to the disk, all or nothing,
 * and the train/dev/test split of a dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-format.h"

G_BEGIN_DECLS

#define GLOSS_SPLIT_N_PARTS 3

/* "train", "dev", "test". */
extern const char * const gloss_split_part_names[GLOSS_SPLIT_N_PARTS];

GPtrArray **gloss_format_split         (GPtrArray                *stores,
                                        const guint               percent[GLOSS_SPLIT_N_PARTS],
                                        guint32                   seed);
void        gloss_format_split_free    (GPtrArray               **parts);

gboolean    gloss_format_writes_folder (const GlossFormat        *format,
                                        guint                     n_documents);

gboolean    gloss_format_write_dataset (const GlossFormat        *format,
                                        GPtrArray                *stores,
                                        const GlossFormatOptions *options,
                                        GFile                    *target,
                                        gboolean                  overwrite,
                                        GError                  **error);

/* The report of the export, without writing (the Export dialog's
 * preview). */
gboolean    gloss_format_count_losses  (const GlossFormat        *format,
                                        GPtrArray                *stores,
                                        const GlossFormatOptions *options,
                                        GError                  **error);

gboolean    gloss_format_write_split   (const GlossFormat        *format,
                                        GPtrArray               **parts,
                                        const GlossFormatOptions *options,
                                        GFile                    *folder,
                                        gboolean                  overwrite,
                                        GError                  **error);

/* Renames each staged file into place; when a rename fails, the files
 * renamed so far are undone: the old ones put back, the new removed. */
gboolean    gloss_format_commit_all    (GPtrArray                *atomics,
                                        GError                  **error);

G_END_DECLS
