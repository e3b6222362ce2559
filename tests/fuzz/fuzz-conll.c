/* fuzz-conll.c: libFuzzer harness for the CoNLL importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole input is the file (CoNLL has no offsets to choose a unit for).
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
  GlossFormatOptions options = { GLOSS_OFFSET_CODEPOINTS, FALSE, NULL, "fuzz.conll" };

  fuzz_import ("conll", data, size, &options);
  return 0;
}
