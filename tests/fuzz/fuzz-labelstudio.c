/* fuzz-labelstudio.c: libFuzzer harness for the Label Studio importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte chooses the offset unit (bit 0: UTF-16 or code points)
 * and whether it is set explicitly (bit 1); the rest is the file.
 */
#include "fuzz-import.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  GlossFormatOptions options = { GLOSS_OFFSET_CODEPOINTS, TRUE, NULL, "fuzz.json" };

  if (size < 1)
    return 0;
  options.offsets = (data[0] & 1) ? GLOSS_OFFSET_CODEPOINTS : GLOSS_OFFSET_UTF16;
  options.offsets_set = (data[0] & 2) == 0;

  fuzz_import ("labelstudio", data + 1, size - 1, &options);
  return 0;
}
