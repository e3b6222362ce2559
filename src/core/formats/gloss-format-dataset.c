/* gloss-format-dataset.c: an export written to the disk, all or nothing,
 * and the train/dev/test split of a dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What gloss-cli export and the window's Export dialog share. Every file
 * of one export goes to a synced temporary file first; only when all are
 * on the disk are they renamed into place, so a failure leaves every old
 * file as it was.
 *
 * The split puts documents, never sentences, into one part each, so no
 * article leaks from training into evaluation. The order is a seeded
 * shuffle of the documents sorted by id: the same documents and seed give
 * the same split on every machine (GRand is a Mersenne twister).
 */
#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "gloss-atomic-file.h"
#include "gloss-error.h"
#include "gloss-format-dataset.h"
#include "gloss-format-native.h"

const char * const gloss_split_part_names[GLOSS_SPLIT_N_PARTS] = { "train", "dev", "test" };

static int
compare_by_id (gconstpointer a,
               gconstpointer b)
{
  GlossDocument *da = gloss_store_get_document (*(GlossStore * const *) a);
  GlossDocument *db = gloss_store_get_document (*(GlossStore * const *) b);

  return g_strcmp0 (gloss_document_get_id (da), gloss_document_get_id (db));
}

/* Largest remainder, so that the parts always add up to @n: each part
 * gets the whole documents of its share, and the documents left over go
 * one each to the parts with the largest fractions left (the earlier part
 * on a tie). A part's fraction is measured once, before any is given out:
 * 70/15/15 of 5 documents is 3/1/1. */
static void
part_sizes (guint       n,
            const guint percent[GLOSS_SPLIT_N_PARTS],
            guint       sizes[GLOSS_SPLIT_N_PARTS])
{
  guint rest[GLOSS_SPLIT_N_PARTS];
  gboolean topped[GLOSS_SPLIT_N_PARTS] = { FALSE };
  guint given = 0;

  for (guint i = 0; i < GLOSS_SPLIT_N_PARTS; i++)
    {
      sizes[i] = n * percent[i] / 100;
      rest[i] = n * percent[i] - sizes[i] * 100;
      given += sizes[i];
    }
  while (given < n)
    {
      guint best = GLOSS_SPLIT_N_PARTS;

      for (guint i = 0; i < GLOSS_SPLIT_N_PARTS; i++)
        if (!topped[i] && percent[i] > 0 && (best == GLOSS_SPLIT_N_PARTS || rest[i] > rest[best]))
          best = i;
      if (best == GLOSS_SPLIT_N_PARTS)
        break;
      topped[best] = TRUE;
      sizes[best]++;
      given++;
    }
}

/**
 * gloss_format_split:
 * @stores: (element-type GlossStore): the documents; sorted in place
 * @percent: the share of train, dev and test, adding up to 100
 * @seed: the shuffle's seed
 *
 * Returns: (transfer full): three arrays of the stores of each part; free
 *   with gloss_format_split_free()
 */
GPtrArray **
gloss_format_split (GPtrArray   *stores,
                    const guint  percent[GLOSS_SPLIT_N_PARTS],
                    guint32      seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GPtrArray **parts = g_new0 (GPtrArray *, GLOSS_SPLIT_N_PARTS);
  guint sizes[GLOSS_SPLIT_N_PARTS];
  guint next = 0;

  g_return_val_if_fail (stores != NULL, NULL);

  g_ptr_array_sort (stores, compare_by_id);
  /* Fisher–Yates. */
  for (guint i = stores->len; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      gpointer tmp = stores->pdata[i - 1];

      stores->pdata[i - 1] = stores->pdata[j];
      stores->pdata[j] = tmp;
    }

  part_sizes (stores->len, percent, sizes);
  for (guint p = 0; p < GLOSS_SPLIT_N_PARTS; p++)
    {
      parts[p] = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint k = 0; k < sizes[p]; k++)
        g_ptr_array_add (parts[p], g_object_ref (g_ptr_array_index (stores, next++)));
    }
  return parts;
}

void
gloss_format_split_free (GPtrArray **parts)
{
  if (parts == NULL)
    return;
  for (guint p = 0; p < GLOSS_SPLIT_N_PARTS; p++)
    g_clear_pointer (&parts[p], g_ptr_array_unref);
  g_free (parts);
}

/**
 * gloss_format_writes_folder:
 * @format: a format that can export
 * @n_documents: how many documents go into the export
 *
 * Returns: whether gloss_format_write_dataset() takes a folder: for a
 *   format of several files per document (brat), and for native with more
 *   than one document (one .gloss each)
 */
gboolean
gloss_format_writes_folder (const GlossFormat *format,
                            guint              n_documents)
{
  g_return_val_if_fail (format != NULL, FALSE);

  return format->export_files != NULL ||
         (g_str_equal (format->name, "native") && n_documents != 1);
}

static void
set_io_error (GError      **error,
              const GError *cause)
{
  g_set_error_literal (error, GLOSS_FORMAT_ERROR,
                       g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_EXISTS)
                         ? GLOSS_FORMAT_ERROR_EXISTS : GLOSS_FORMAT_ERROR_IO,
                       cause->message);
}

/* The files of one export, staged before any is renamed into place. */
typedef struct
{
  GPtrArray *atomics;    /* GlossAtomicFile */
  GPtrArray *existing;   /* messages of the files that exist (not overwriting) */
} Staging;

static void
staging_clear (Staging *staging)
{
  g_clear_pointer (&staging->atomics, g_ptr_array_unref);
  g_clear_pointer (&staging->existing, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Staging, staging_clear)

static Staging
staging_init (void)
{
  return (Staging) {
    g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_atomic_file_abort),
    g_ptr_array_new_with_free_func (g_free),
  };
}

/* Files that exist are counted, not an error yet: the export goes on, so
 * that the question to replace them says how many there are. */
static gboolean
staging_check (Staging  *staging,
               GError  **error)
{
  guint n = staging->existing->len;

  if (n == 0)
    return TRUE;
  if (n == 1)
    g_set_error_literal (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_EXISTS,
                         g_ptr_array_index (staging->existing, 0));
  else
    g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_EXISTS,
                 /* Translators: %s names a file that exists, %u counts the others */
                 ngettext ("%s, and %u other file exists", "%s, and %u other files exist", n - 1),
                 (const char *) g_ptr_array_index (staging->existing, 0), n - 1);
  return FALSE;
}

/* Writes @bytes to a synced temporary file for @file, kept in @staging. */
static gboolean
stage (Staging    *staging,
       GFile      *file,
       GBytes     *bytes,
       gboolean    overwrite,
       GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  GlossAtomicFile *atomic = gloss_atomic_file_begin (file, overwrite, &local_error);
  gsize size;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  if (atomic == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_ptr_array_add (staging->existing, g_strdup (local_error->message));
      return TRUE;
    }
  if (atomic != NULL)
    g_ptr_array_add (staging->atomics, atomic);
  if (atomic == NULL ||
      !gloss_atomic_file_write (atomic, data, size, &local_error) ||
      !gloss_atomic_file_sync (atomic, &local_error))
    {
      set_io_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
make_folder (GFile   *folder,
             GError **error)
{
  g_autofree char *path = g_file_get_path (folder);
  g_autofree char *name = g_file_get_parse_name (folder);

  if (path == NULL || g_mkdir_with_parents (path, 0777) != 0)
    {
      int saved_errno = path == NULL ? ENOTSUP : errno;

      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO,
                   _("%s: cannot create the folder: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* One ID.gloss per document, in @folder. */
static gboolean
stage_native (Staging    *staging,
              GPtrArray  *stores,
              GFile      *folder,
              gboolean    overwrite,
              GError    **error)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < stores->len; i++)
    {
      GlossStore *store = g_ptr_array_index (stores, i);
      g_autofree char *stem = gloss_format_file_stem (gloss_document_get_id (gloss_store_get_document (store)), i);
      char *name = g_strconcat (stem, ".gloss", NULL);
      g_autoptr(GFile) file = NULL;
      g_autoptr(GBytes) bytes = NULL;

      for (guint n = 2; g_hash_table_contains (taken, name); n++)
        {
          g_free (name);
          name = g_strdup_printf ("%s-%u.gloss", stem, n);
        }
      g_hash_table_add (taken, name);
      file = g_file_get_child (folder, name);
      bytes = gloss_native_write_bytes (store);
      if (!stage (staging, file, bytes, overwrite, error))
        return FALSE;
    }
  return TRUE;
}

/* The export of @stores: @files for a format that writes several, else
 * @bytes. */
static gboolean
run_exporter (const GlossFormat        *format,
              GPtrArray                *stores,
              const GlossFormatOptions *options,
              GPtrArray               **files,
              GBytes                  **bytes,
              GError                  **error)
{
  if (format->export_files != NULL)
    *files = gloss_format_export_files (format, stores, options, error);
  else
    *bytes = gloss_format_export (format, stores, options, error);
  return *files != NULL || *bytes != NULL;
}

/* @target: a file, or a folder when the format writes one. */
static gboolean
stage_export (Staging                  *staging,
              const GlossFormat        *format,
              GPtrArray                *stores,
              const GlossFormatOptions *options,
              GFile                    *target,
              gboolean                  overwrite,
              GError                  **error)
{
  g_autofree char *where = g_file_get_parse_name (target);
  GlossFormatOptions opts = *options;

  opts.where = where;
  if (g_str_equal (format->name, "native"))
    {
      if (stores->len == 1)
        {
          g_autoptr(GBytes) bytes = gloss_native_write_bytes (g_ptr_array_index (stores, 0));

          return stage (staging, target, bytes, overwrite, error);
        }
      return make_folder (target, error) && stage_native (staging, stores, target, overwrite, error);
    }

  {
    g_autoptr(GPtrArray) files = NULL;
    g_autoptr(GBytes) bytes = NULL;

    if (!run_exporter (format, stores, &opts, &files, &bytes, error))
      return FALSE;
    if (bytes != NULL)
      return stage (staging, target, bytes, overwrite, error);
    if (!make_folder (target, error))
      return FALSE;
    for (guint i = 0; i < files->len; i++)
      {
        GlossFormatFile *file = g_ptr_array_index (files, i);
        g_autoptr(GFile) child = g_file_get_child (target, file->name);

        if (!stage (staging, child, file->bytes, overwrite, error))
          return FALSE;
      }
    return TRUE;
  }
}

/**
 * gloss_format_count_losses:
 * @format: a format that can export
 * @stores: (element-type GlossStore): the documents
 * @options: the export's options; its report receives what the export
 *   of @stores with them would leave out
 * @error: return location for a #GLOSS_FORMAT_ERROR
 *
 * Runs the exporter of @format on @stores as gloss_format_write_dataset()
 * does and throws the bytes away: the report is the one the export gives,
 * counted by the writer itself. A .gloss file holds everything, and its
 * writer reports nothing.
 *
 * Returns: %TRUE, or %FALSE when the exporter failed
 */
gboolean
gloss_format_count_losses (const GlossFormat        *format,
                           GPtrArray                *stores,
                           const GlossFormatOptions *options,
                           GError                  **error)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (stores != NULL && options != NULL, FALSE);

  if (g_str_equal (format->name, "native"))
    return TRUE;
  return run_exporter (format, stores, options, &files, &bytes, error);
}

gboolean
gloss_format_commit_all (GPtrArray  *atomics,
                         GError    **error)
{
  g_return_val_if_fail (atomics != NULL, FALSE);

  /* Each replaced file is kept beside its target until every rename is
   * done: then they go; on a failure they are put back. */
  for (guint i = 0; i < atomics->len; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!gloss_atomic_file_commit_keeping (g_ptr_array_index (atomics, i), &local_error))
        {
          for (guint j = 0; j < i; j++)
            gloss_atomic_file_roll_back (g_ptr_array_index (atomics, j));
          set_io_error (error, local_error);
          return FALSE;
        }
    }
  for (guint i = 0; i < atomics->len; i++)
    gloss_atomic_file_drop_backup (g_ptr_array_index (atomics, i));
  return TRUE;
}

/**
 * gloss_format_write_dataset:
 * @format: a format that can export
 * @stores: (element-type GlossStore): the documents
 * @options: the export's options (its report receives what the format
 *   could not carry); @where is set from @target
 * @target: the file, or the folder when gloss_format_writes_folder()
 * @overwrite: whether existing files may be replaced
 * @error: return location for a #GLOSS_FORMAT_ERROR
 *
 * Writes the export all or nothing.
 *
 * Returns: %TRUE when every file was written
 */
gboolean
gloss_format_write_dataset (const GlossFormat        *format,
                            GPtrArray                *stores,
                            const GlossFormatOptions *options,
                            GFile                    *target,
                            gboolean                  overwrite,
                            GError                  **error)
{
  g_auto(Staging) staging = staging_init ();

  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (stores != NULL && options != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (target), FALSE);

  return stage_export (&staging, format, stores, options, target, overwrite, error) &&
         staging_check (&staging, error) &&
         gloss_format_commit_all (staging.atomics, error);
}

/**
 * gloss_format_write_split:
 * @format: a format that can export
 * @parts: the three parts of gloss_format_split()
 * @options: as for gloss_format_write_dataset()
 * @folder: where FOLDER/train.EXT, FOLDER/dev.EXT and FOLDER/test.EXT go
 *   (folders FOLDER/train/… for a format that writes folders, and for
 *   native)
 * @overwrite: whether existing files may be replaced
 * @error: return location for a #GLOSS_FORMAT_ERROR
 *
 * Writes the three parts all or nothing.
 *
 * Returns: %TRUE when every file was written
 */
gboolean
gloss_format_write_split (const GlossFormat        *format,
                          GPtrArray               **parts,
                          const GlossFormatOptions *options,
                          GFile                    *folder,
                          gboolean                  overwrite,
                          GError                  **error)
{
  g_auto(Staging) staging = staging_init ();
  gboolean native = g_str_equal (format->name, "native");

  g_return_val_if_fail (format != NULL && parts != NULL && options != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);

  if (!make_folder (folder, error))
    return FALSE;

  for (guint p = 0; p < GLOSS_SPLIT_N_PARTS; p++)
    {
      g_autoptr(GFile) target = NULL;

      if (native)
        {
          target = g_file_get_child (folder, gloss_split_part_names[p]);
          if (!make_folder (target, error) ||
              !stage_native (&staging, parts[p], target, overwrite, error))
            return FALSE;
          continue;
        }
      if (format->export_files != NULL)
        target = g_file_get_child (folder, gloss_split_part_names[p]);
      else
        {
          g_autofree char *name = g_strdup_printf ("%s.%s", gloss_split_part_names[p], format->extension);

          target = g_file_get_child (folder, name);
        }
      if (!stage_export (&staging, format, parts[p], options, target, overwrite, error))
        return FALSE;
    }

  return staging_check (&staging, error) && gloss_format_commit_all (staging.atomics, error);
}
