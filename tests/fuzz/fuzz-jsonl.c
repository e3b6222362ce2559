/* fuzz-jsonl.c: libFuzzer harness for the jsonl importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
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
  GlossFormatOptions options = { GLOSS_OFFSET_CODEPOINTS, FALSE, NULL, "fuzz.jsonl" };

  fuzz_import ("jsonl", data, size, &options);
  return 0;
}
