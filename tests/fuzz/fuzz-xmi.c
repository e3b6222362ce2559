/* fuzz-xmi.c: libFuzzer harness for the UIMA XMI importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole input is the file (its offsets are always UTF-16 units).
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
  GlossFormatOptions options = { GLOSS_OFFSET_UTF16, FALSE, NULL, "fuzz.xmi" };

  fuzz_import ("xmi", data, size, &options);
  return 0;
}
