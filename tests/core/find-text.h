/* find-text.h: where a text occurs in a store's document, for the core
 * tests that place mentions by their text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "gloss-store.h"

/* Code point offset of the @nth (0-based) occurrence of @needle. */
static inline guint
find (GlossStore *store,
      const char *needle,
      guint       nth)
{
  GlossDocument *document = gloss_store_get_document (store);
  const char *haystack = gloss_document_get_text (document);
  const char *p = haystack;

  for (guint i = 0; ; i++, p++)
    {
      p = strstr (p, needle);
      g_assert_nonnull (p);
      if (i == nth)
        return gloss_document_byte_to_cp (document, p - haystack);
    }
}
