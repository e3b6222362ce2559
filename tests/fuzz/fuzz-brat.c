/* fuzz-brat.c: libFuzzer harness for the brat importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input's first line is the text (.txt), the rest the .ann. What it
 * accepts must export and import again.
 */
#include <string.h>

#include "gloss-format-brat.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  GlossFormatOptions options = { GLOSS_OFFSET_CODEPOINTS, FALSE, NULL, "fuzz.ann" };
  const uint8_t *nl = size > 0 ? memchr (data, '\n', size) : NULL;
  size_t text_size = nl ? (size_t) (nl - data) : size;
  g_autoptr(GBytes) text = g_bytes_new (data, text_size);
  g_autoptr(GBytes) ann = g_bytes_new (data + text_size + (nl ? 1 : 0), size - text_size - (nl ? 1 : 0));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stores = gloss_brat_import_pair (text, ann, &options, &error);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) again = NULL;

  if (stores == NULL)
    {
      fuzz_check_error (error);
      return 0;
    }

  files = gloss_brat_export (stores, &options, &error);
  FUZZ_CHECK (files != NULL && files->len == 2, "could not export what it imported");
  again = gloss_brat_import_pair (((GlossFormatFile *) g_ptr_array_index (files, 0))->bytes,
                                  ((GlossFormatFile *) g_ptr_array_index (files, 1))->bytes,
                                  &options, &error);
  FUZZ_CHECK (again != NULL, "could not import what it exported: %s", error ? error->message : "");
  return 0;
}
