/* gloss-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-error.h"

G_DEFINE_QUARK (gloss-document-error-quark, gloss_document_error)
G_DEFINE_QUARK (gloss-format-error-quark, gloss_format_error)
G_DEFINE_QUARK (gloss-store-error-quark, gloss_store_error)
