/* gloss-cli-files.c: writing an export of several files (brat's .txt and
 * .ann per document) into a folder, all or nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include "gloss-atomic-file.h"
#include "gloss-cli.h"
#include "gloss-format-brat.h"

/* One document given as OUT.ann: its .txt, .ann and annotation.conf. */
static gboolean
one_document (const char *output,
              GPtrArray  *files)
{
  return g_str_has_suffix (output, ".ann") && files->len == 3;
}

/* Where each file goes: OUT.ann and OUT.txt for one document given as
 * OUT.ann (annotation.conf beside them), else FOLDER/NAME. */
static GPtrArray *
targets_for (const char *output,
             GPtrArray  *files)
{
  GPtrArray *targets = g_ptr_array_new_with_free_func (g_free);

  if (one_document (output, files))
    {
      g_autofree char *stem = g_strndup (output, strlen (output) - strlen (".ann"));
      g_autofree char *dir = g_path_get_dirname (output);

      for (guint i = 0; i < files->len; i++)
        {
          GlossFormatFile *file = g_ptr_array_index (files, i);
          const char *dot = strrchr (file->name, '.');

          if (g_str_equal (file->name, GLOSS_BRAT_CONF))
            g_ptr_array_add (targets, g_build_filename (dir, file->name, NULL));
          else
            g_ptr_array_add (targets, g_strconcat (stem, dot ? dot : "", NULL));
        }
      return targets;
    }

  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (targets, g_build_filename (output, ((GlossFormatFile *) g_ptr_array_index (files, i))->name, NULL));
  return targets;
}

/**
 * gloss_cli_write_files:
 * @output: a folder (made when missing), or NAME.ann for one document
 * @files: (element-type GlossFormatFile): what to write
 * @force: whether existing files may be replaced
 *
 * Every file goes to a synced temporary file first; only when all are on
 * the disk are they renamed into place. Prints what went wrong.
 *
 * Returns: %TRUE when every file was written
 */
gboolean
gloss_cli_write_files (const char *output,
                       GPtrArray  *files,
                       gboolean    force)
{
  g_autoptr(GPtrArray) targets = targets_for (output, files);
  g_autoptr(GPtrArray) atomics = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_atomic_file_abort);
  gboolean folder = !one_document (output, files);

  if (g_str_equal (output, "-"))
    {
      gloss_cli_error ("this format writes several files: give a folder with -o, not “-”");
      return FALSE;
    }
  if (folder && g_file_test (output, G_FILE_TEST_EXISTS) && !g_file_test (output, G_FILE_TEST_IS_DIR))
    {
      gloss_cli_error ("%s: is a file; this format writes a .txt and an .ann per document into a folder", output);
      return FALSE;
    }

  for (guint i = 0; !force && i < targets->len; i++)
    if (g_file_test (g_ptr_array_index (targets, i), G_FILE_TEST_EXISTS))
      {
        gloss_cli_error ("%s: the file exists; use --force to overwrite it",
                         (const char *) g_ptr_array_index (targets, i));
        return FALSE;
      }

  if (folder && g_mkdir_with_parents (output, 0777) != 0)
    {
      gloss_cli_error ("%s: cannot create the folder: %s", output, g_strerror (errno));
      return FALSE;
    }

  for (guint i = 0; i < files->len; i++)
    {
      GlossFormatFile *file = g_ptr_array_index (files, i);
      const char *target = g_ptr_array_index (targets, i);
      g_autoptr(GFile) gfile = g_file_new_for_commandline_arg (target);
      g_autoptr(GError) error = NULL;
      GlossAtomicFile *atomic = gloss_atomic_file_begin (gfile, force, &error);
      gsize size;
      gconstpointer data = g_bytes_get_data (file->bytes, &size);

      if (atomic != NULL)
        g_ptr_array_add (atomics, atomic);
      if (atomic == NULL ||
          !gloss_atomic_file_write (atomic, data, size, &error) ||
          !gloss_atomic_file_sync (atomic, &error))
        {
          gloss_cli_print_error (target, error);
          gloss_cli_error ("no file was written");
          return FALSE;
        }
    }

  return gloss_cli_commit_all (atomics, targets);
}
