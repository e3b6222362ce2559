/* fuzz-common.h: shared set-up for the libFuzzer harnesses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Importers report bad input through GError. A g_critical (a failed
 * g_return_if_fail) or g_warning on some input is a bug: make it abort so
 * that libFuzzer records the input. Debug and info messages stay quiet. */
static void
fuzz_log_handler (const char     *domain,
                  GLogLevelFlags  level,
                  const char     *message,
                  gpointer        user_data)
{
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      fprintf (stderr, "fuzz: %s: %s\n", domain ? domain : "(null)", message);
      abort ();
    }
}

static inline void
fuzz_init (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_log_set_default_handler (fuzz_log_handler, NULL);
  /* The default handler is bypassed for the Gloss domain only if someone
   * sets a domain handler; set ours explicitly too. */
  g_log_set_handler ("Gloss", G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION,
                     fuzz_log_handler, NULL);
  g_log_set_handler ("Json", G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION,
                     fuzz_log_handler, NULL);
  g_log_set_handler ("GLib", G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION,
                     fuzz_log_handler, NULL);
  g_log_set_handler ("GLib-GObject", G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION,
                     fuzz_log_handler, NULL);
}

/* An invariant failed: print it and abort (libFuzzer saves the input). */
#define FUZZ_CHECK(cond, ...)                                   \
  G_STMT_START {                                                \
    if (G_UNLIKELY (!(cond)))                                   \
      {                                                         \
        fprintf (stderr, "fuzz: invariant failed: %s: ", #cond); \
        fprintf (stderr, __VA_ARGS__);                          \
        fputc ('\n', stderr);                                   \
        abort ();                                               \
      }                                                         \
  } G_STMT_END

/* A GError from an importer must carry a message. */
static inline void
fuzz_check_error (GError *error)
{
  /* FUZZ_SKIP_UTF8_MESSAGES=1 skips the UTF-8 check while a known bug
   * keeps tripping it (see docs/fuzzing.md). */
  static int skip_utf8 = -1;

  if (skip_utf8 < 0)
    skip_utf8 = g_getenv ("FUZZ_SKIP_UTF8_MESSAGES") != NULL;
  FUZZ_CHECK (error != NULL, "failed without a GError");
  FUZZ_CHECK (error->message != NULL, "GError without a message");
  FUZZ_CHECK (skip_utf8 || g_utf8_validate (error->message, -1, NULL),
              "error message is not valid UTF-8: %s", error->message);
}
