/* fuzz-import.h: the body shared by the format-table harnesses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Imports the bytes with @format; what it accepts must export with the
 * same format and options and import again with as many documents.
 */
#pragma once

#include "gloss-format.h"
#include "fuzz-common.h"

static inline void
fuzz_import (const char               *name,
             const uint8_t            *data,
             size_t                    size,
             const GlossFormatOptions *options)
{
  const GlossFormat *format = gloss_format_lookup (name);
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stores = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GBytes) written = NULL;

  FUZZ_CHECK (format != NULL && format->import != NULL, "no importer for %s", name);

  stores = format->import (bytes, options, &error);
  if (stores == NULL)
    {
      fuzz_check_error (error);
      return;
    }
  FUZZ_CHECK (error == NULL, "returned stores and set an error");

  if (format->export == NULL)
    return;

  written = format->export (stores, options, &error);
  FUZZ_CHECK (written != NULL, "could not export what it imported: %s",
              error ? error->message : "(no error)");

  again = format->import (written, options, &error);
  FUZZ_CHECK (again != NULL, "accepted, but its own output does not re-import: %s\n--- written ---\n%.*s",
              error ? error->message : "(no error)",
              (int) MIN (g_bytes_get_size (written), 4096),
              (const char *) g_bytes_get_data (written, NULL));
  FUZZ_CHECK (again->len == stores->len, "%u documents became %u", stores->len, again->len);
}
