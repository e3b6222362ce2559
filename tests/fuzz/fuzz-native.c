/* fuzz-native.c: libFuzzer harness for the .gloss reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is the file's bytes. Whatever gloss_native_read_bytes()
 * accepts must write back (gloss_native_write_bytes) and read again, and
 * the second write must equal the first (the round trip is stable).
 * gloss_native_check_bytes() (gloss-cli validate) must agree: no problem
 * for what reads, its first problem the reader's error for what does not.
 */
#include <string.h>

#include "gloss-format-native.h"
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
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GlossStore) again = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) rewritten = NULL;
  g_autoptr(GPtrArray) problems = gloss_native_check_bytes (bytes, "fuzz.gloss", 100);

  store = gloss_native_read_bytes (bytes, "fuzz.gloss", &error);
  if (store == NULL)
    {
      fuzz_check_error (error);
      FUZZ_CHECK (problems->len > 0 && g_str_equal (problems->pdata[0], error->message),
                  "validate disagrees with the reader: %s", error->message);
      return 0;
    }
  FUZZ_CHECK (problems->len == 0, "read, yet validate says: %s", (const char *)problems->pdata[0]);
  FUZZ_CHECK (error == NULL, "returned a store and set an error");

  written = gloss_native_write_bytes (store);
  FUZZ_CHECK (written != NULL, "could not write an accepted store");

  again = gloss_native_read_bytes (written, "fuzz-rewritten.gloss", &error);
  FUZZ_CHECK (again != NULL, "accepted, but its own output does not re-read: %s\n--- written ---\n%.*s",
              error ? error->message : "(no error)",
              (int) MIN (g_bytes_get_size (written), 4096),
              (const char *) g_bytes_get_data (written, NULL));

  rewritten = gloss_native_write_bytes (again);
  FUZZ_CHECK (g_bytes_equal (written, rewritten),
              "write(read(write(x))) != write(x)\n--- first ---\n%.*s\n--- second ---\n%.*s",
              (int) MIN (g_bytes_get_size (written), 4096),
              (const char *) g_bytes_get_data (written, NULL),
              (int) MIN (g_bytes_get_size (rewritten), 4096),
              (const char *) g_bytes_get_data (rewritten, NULL));
  return 0;
}
