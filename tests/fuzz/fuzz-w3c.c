/* fuzz-w3c.c: libFuzzer harness for the W3C Web Annotation importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole input is the file (offsets are always code points).
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
  GlossFormatOptions options = { GLOSS_OFFSET_CODEPOINTS, FALSE, NULL, "fuzz.jsonld" };

  fuzz_import ("w3c", data, size, &options);
  return 0;
}
