/* gloss-cli-split.c: gloss-cli export --split 80/10/10 --seed N
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The split and its writing are the core's (gloss-format-dataset.c),
 * which the window's Export dialog shares: the same documents and seed
 * give the same parts in both.
 */
#include "config.h"

#include "gloss-cli.h"
#include "gloss-format-dataset.h"

gboolean
gloss_cli_parse_split (const char *verb,
                       const char *text,
                       guint       percent[GLOSS_SPLIT_N_PARTS])
{
  g_auto(GStrv) parts = g_strsplit (text, "/", -1);
  guint sum = 0;

  if (g_strv_length (parts) != GLOSS_SPLIT_N_PARTS)
    {
      gloss_cli_usage_error (verb, "--split takes three percentages, train/dev/test, such as 80/10/10");
      return FALSE;
    }
  for (guint i = 0; i < GLOSS_SPLIT_N_PARTS; i++)
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
 * @targets: their paths (unused: the files name themselves)
 *
 * Renames each file into place, as gloss_format_commit_all() does, and
 * prints what went wrong.
 */
gboolean
gloss_cli_commit_all (GPtrArray *files,
                      GPtrArray *targets)
{
  g_autoptr(GError) error = NULL;

  if (gloss_format_commit_all (files, &error))
    return TRUE;
  gloss_cli_error ("%s", error->message);
  return FALSE;
}

/**
 * gloss_cli_write_split:
 *
 * Writes OUT/train.EXT, OUT/dev.EXT and OUT/test.EXT (for native and
 * brat, the folders OUT/train/ …), all or nothing, with
 * gloss_format_write_split().
 */
gboolean
gloss_cli_write_split (const GlossFormat        *format,
                       GPtrArray               **parts,
                       const GlossFormatOptions *options,
                       const char               *output,
                       gboolean                  force)
{
  g_autoptr(GFile) folder = g_file_new_for_commandline_arg (output);
  g_autoptr(GError) error = NULL;

  if (!gloss_format_write_split (format, parts, options, folder, force, &error))
    {
      gloss_cli_error ("%s", error->message);
      gloss_cli_error ("no file was written");
      return FALSE;
    }

  for (guint p = 0; p < GLOSS_SPLIT_N_PARTS; p++)
    g_printerr ("%s: %u %s\n", gloss_split_part_names[p], parts[p]->len,
                parts[p]->len == 1 ? "document" : "documents");
  return TRUE;
}
