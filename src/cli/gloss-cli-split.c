/* gloss-cli-split.c: gloss-cli export --split 80/10/10 --seed N
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Documents, never sentences, go to one part each, so no article leaks
 * from training into evaluation. The order is a seeded shuffle of the
 * documents sorted by id: the same inputs and seed give the same split on
 * every machine (GRand is a Mersenne twister).
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include "gloss-atomic-file.h"
#include "gloss-cli.h"
#include "gloss-format-native.h"

static const char * const part_names[GLOSS_CLI_N_PARTS] = { "train", "dev", "test" };

gboolean
gloss_cli_parse_split (const char *verb,
                       const char *text,
                       guint       percent[GLOSS_CLI_N_PARTS])
{
  g_auto(GStrv) parts = g_strsplit (text, "/", -1);
  guint sum = 0;

  if (g_strv_length (parts) != GLOSS_CLI_N_PARTS)
    {
      gloss_cli_usage_error (verb, "--split takes three percentages, train/dev/test, such as 80/10/10");
      return FALSE;
    }
  for (guint i = 0; i < GLOSS_CLI_N_PARTS; i++)
    {
      guint64 value;

      if (!g_ascii_string_to_unsigned (parts[i], 10, 0, 100, &value, NULL))
        {
          gloss_cli_usage_error (verb, "--split: “%s” is not a percentage from 0 to 100", parts[i]);
          return FALSE;
        }
      percent[i] = value;
      sum += value;
    }
  if (sum != 100)
    {
      gloss_cli_usage_error (verb, "--split: %u/%u/%u adds up to %u, not 100", percent[0], percent[1], percent[2], sum);
      return FALSE;
    }
  return TRUE;
}

/**
 * gloss_cli_commit_all:
 * @files: (element-type GlossAtomicFile): written and synced
 * @targets: their paths, for messages
 *
 * Renames each file into place. Only a rename can fail here: then the new
 * files renamed so far are taken back (those that replaced a file with
 * --force stay replaced).
 */
gboolean
gloss_cli_commit_all (GPtrArray *files,
                      GPtrArray *targets)
{
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!gloss_atomic_file_commit (g_ptr_array_index (files, i), &error))
        {
          gloss_cli_print_error (g_ptr_array_index (targets, i), error);
          for (guint j = 0; j < i; j++)
            if (gloss_atomic_file_is_new (g_ptr_array_index (files, j)))
              g_unlink (g_ptr_array_index (targets, j));
          return FALSE;
        }
    }
  return TRUE;
}

static int
compare_by_id (gconstpointer a,
               gconstpointer b)
{
  GlossDocument *da = gloss_store_get_document (*(GlossStore * const *) a);
  GlossDocument *db = gloss_store_get_document (*(GlossStore * const *) b);

  return g_strcmp0 (gloss_document_get_id (da), gloss_document_get_id (db));
}

/* Largest remainder, so that the parts always add up to @n. */
static void
part_sizes (guint       n,
            const guint percent[GLOSS_CLI_N_PARTS],
            guint       sizes[GLOSS_CLI_N_PARTS])
{
  guint given = 0;

  for (guint i = 0; i < GLOSS_CLI_N_PARTS; i++)
    {
      sizes[i] = n * percent[i] / 100;
      given += sizes[i];
    }
  while (given < n)
    {
      guint best = 0, best_rest = 0;

      for (guint i = 0; i < GLOSS_CLI_N_PARTS; i++)
        {
          guint rest = n * percent[i] - sizes[i] * 100;

          if (percent[i] > 0 && rest > best_rest)
            {
              best = i;
              best_rest = rest;
            }
        }
      sizes[best]++;
      given++;
      if (best_rest == 0)
        break;
    }
}

/**
 * gloss_cli_split:
 * @stores: (element-type GlossStore): the documents; sorted in place
 *
 * Returns: (transfer full): three arrays of the stores of each part
 */
GPtrArray **
gloss_cli_split (GPtrArray   *stores,
                 const guint  percent[GLOSS_CLI_N_PARTS],
                 guint32      seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GPtrArray **parts = g_new0 (GPtrArray *, GLOSS_CLI_N_PARTS);
  guint sizes[GLOSS_CLI_N_PARTS];
  guint next = 0;

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
  for (guint p = 0; p < GLOSS_CLI_N_PARTS; p++)
    {
      parts[p] = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint k = 0; k < sizes[p]; k++)
        g_ptr_array_add (parts[p], g_object_ref (g_ptr_array_index (stores, next++)));
    }
  return parts;
}

static gboolean
stage (GPtrArray   *files,
       const char  *path,
       GBytes      *bytes,
       gboolean     force,
       GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  GlossAtomicFile *atomic = gloss_atomic_file_begin (file, force, error);
  gsize size;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  if (atomic == NULL)
    return FALSE;
  g_ptr_array_add (files, atomic);
  return gloss_atomic_file_write (atomic, data, size, error) && gloss_atomic_file_sync (atomic, error);
}

static char *
native_name (GlossStore *store,
             guint       index)
{
  const char *id = gloss_document_get_id (gloss_store_get_document (store));
  GString *name = g_string_new (NULL);

  for (const char *p = id ? id : ""; *p != '\0'; p++)
    g_string_append_c (name, g_ascii_isalnum (*p) || *p == '-' || *p == '_' ? *p : '_');
  if (name->len == 0)
    g_string_append_printf (name, "doc-%u", index + 1);
  g_string_append (name, ".gloss");
  return g_string_free (name, FALSE);
}

/**
 * gloss_cli_write_split:
 *
 * Writes OUT/train.EXT, OUT/dev.EXT and OUT/test.EXT (for native, the
 * folders OUT/train/ … of one .gloss per document), all or nothing.
 */
gboolean
gloss_cli_write_split (const GlossFormat        *format,
                       GPtrArray               **parts,
                       const GlossFormatOptions *options,
                       const char               *output,
                       gboolean                  force)
{
  g_autoptr(GPtrArray) atomics = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_atomic_file_abort);
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_free);
  gboolean native = g_str_equal (format->name, "native");

  if (g_mkdir_with_parents (output, 0777) != 0)
    {
      gloss_cli_error ("%s: cannot create the folder: %s", output, g_strerror (errno));
      return FALSE;
    }

  for (guint p = 0; p < GLOSS_CLI_N_PARTS; p++)
    {
      g_autoptr(GError) error = NULL;

      if (native)
        {
          g_autofree char *dir = g_build_filename (output, part_names[p], NULL);

          if (g_mkdir_with_parents (dir, 0777) != 0)
            {
              gloss_cli_error ("%s: cannot create the folder: %s", dir, g_strerror (errno));
              return FALSE;
            }
          for (guint i = 0; i < parts[p]->len; i++)
            {
              g_autofree char *name = native_name (g_ptr_array_index (parts[p], i), i);
              char *path = g_build_filename (dir, name, NULL);
              g_autoptr(GBytes) bytes = gloss_native_write_bytes (g_ptr_array_index (parts[p], i));

              g_ptr_array_add (targets, path);
              if (!stage (atomics, path, bytes, force, &error))
                {
                  gloss_cli_print_error (path, error);
                  gloss_cli_error ("no file was written");
                  return FALSE;
                }
            }
        }
      else if (format->export_files != NULL)
        {
          /* A folder of files per part: OUT/train/NAME… */
          g_autofree char *dir = g_build_filename (output, part_names[p], NULL);
          GlossFormatOptions opts = *options;
          g_autoptr(GPtrArray) files = NULL;

          opts.where = dir;
          files = gloss_format_export_files (format, parts[p], &opts, &error);
          if (files == NULL || g_mkdir_with_parents (dir, 0777) != 0)
            {
              if (files == NULL)
                gloss_cli_print_error (dir, error);
              else
                gloss_cli_error ("%s: cannot create the folder: %s", dir, g_strerror (errno));
              gloss_cli_error ("no file was written");
              return FALSE;
            }
          for (guint i = 0; i < files->len; i++)
            {
              GlossFormatFile *file = g_ptr_array_index (files, i);
              char *path = g_build_filename (dir, file->name, NULL);

              g_ptr_array_add (targets, path);
              if (!stage (atomics, path, file->bytes, force, &error))
                {
                  gloss_cli_print_error (path, error);
                  gloss_cli_error ("no file was written");
                  return FALSE;
                }
            }
        }
      else
        {
          g_autofree char *name = g_strdup_printf ("%s.%s", part_names[p], format->extension);
          char *path = g_build_filename (output, name, NULL);
          GlossFormatOptions opts = *options;
          g_autoptr(GBytes) bytes = NULL;

          g_ptr_array_add (targets, path);
          opts.where = path;
          bytes = gloss_format_export (format, parts[p], &opts, &error);
          if (bytes == NULL || !stage (atomics, path, bytes, force, &error))
            {
              gloss_cli_print_error (path, error);
              gloss_cli_error ("no file was written");
              return FALSE;
            }
        }
    }

  if (!gloss_cli_commit_all (atomics, targets))
    return FALSE;

  for (guint p = 0; p < GLOSS_CLI_N_PARTS; p++)
    g_printerr ("%s: %u %s\n", part_names[p], parts[p]->len, parts[p]->len == 1 ? "document" : "documents");
  return TRUE;
}
