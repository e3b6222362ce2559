/* gloss-atomic-file.h: replace a file so that a failure leaves it as it was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * GlossAtomicFile:
 *
 * One file being written: a temporary file of our own in the target's
 * folder, renamed over the target by gloss_atomic_file_commit(). Until
 * then the target is untouched; gloss_atomic_file_abort() (or freeing an
 * uncommitted one) removes the temporary file.
 *
 * To write several files all or nothing, write and sync each, then commit
 * them all: only a rename is left to fail after the data is on disk.
 */
typedef struct _GlossAtomicFile GlossAtomicFile;

GlossAtomicFile *gloss_atomic_file_begin  (GFile            *file,
                                           gboolean          overwrite,
                                           GError          **error);
gboolean         gloss_atomic_file_write  (GlossAtomicFile  *self,
                                           const void       *data,
                                           gsize             size,
                                           GError          **error);
/* Flushes the data to the disk and closes the temporary file. */
gboolean         gloss_atomic_file_sync   (GlossAtomicFile  *self,
                                           GError          **error);
/* Syncs if not done yet, then renames the temporary file over the target
 * and syncs the folder. */
gboolean         gloss_atomic_file_commit (GlossAtomicFile  *self,
                                           GError          **error);
/* For several files all or nothing: commits keeping the replaced file
 * beside the target under a hidden name, for one of the two below. */
gboolean         gloss_atomic_file_commit_keeping (GlossAtomicFile *self,
                                                   GError         **error);
/* Puts the replaced file back (removes the target if it was new). */
gboolean         gloss_atomic_file_roll_back      (GlossAtomicFile *self);
/* Removes the kept file: the commit stands. */
void             gloss_atomic_file_drop_backup    (GlossAtomicFile *self);
/* Removes the temporary file (nothing once committed) and frees @self. */
void             gloss_atomic_file_abort  (GlossAtomicFile  *self);
/* Whether the target did not exist when @self began. */
gboolean         gloss_atomic_file_is_new (GlossAtomicFile  *self);
GFile           *gloss_atomic_file_get_file (GlossAtomicFile *self);

/* The whole cycle for one file. */
gboolean         gloss_atomic_file_replace (GFile           *file,
                                            const void      *data,
                                            gsize            size,
                                            gboolean         overwrite,
                                            GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossAtomicFile, gloss_atomic_file_abort)

G_END_DECLS
