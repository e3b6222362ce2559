/* gloss-error.h: error domains of the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GLOSS_DOCUMENT_ERROR (gloss_document_error_quark ())
#define GLOSS_FORMAT_ERROR   (gloss_format_error_quark ())
#define GLOSS_STORE_ERROR    (gloss_store_error_quark ())

/**
 * GlossDocumentError:
 * @GLOSS_DOCUMENT_ERROR_NOT_UTF8: the text is not valid UTF-8
 * @GLOSS_DOCUMENT_ERROR_NUL: the text contains a NUL character (a binary file)
 * @GLOSS_DOCUMENT_ERROR_TOO_LARGE: the text is longer than the model can index
 * @GLOSS_DOCUMENT_ERROR_IO: the file could not be read
 * @GLOSS_DOCUMENT_ERROR_UTF16: the text is UTF-16 (it starts with a UTF-16
 *   byte order mark)
 */
typedef enum
{
  GLOSS_DOCUMENT_ERROR_NOT_UTF8,
  GLOSS_DOCUMENT_ERROR_NUL,
  GLOSS_DOCUMENT_ERROR_TOO_LARGE,
  GLOSS_DOCUMENT_ERROR_IO,
  GLOSS_DOCUMENT_ERROR_UTF16,
} GlossDocumentError;

/**
 * GlossFormatError:
 * @GLOSS_FORMAT_ERROR_SYNTAX: malformed JSON or text layout
 * @GLOSS_FORMAT_ERROR_INVALID: well-formed but breaks the format's rules
 * @GLOSS_FORMAT_ERROR_SPAN: a span out of range or whose text does not match
 * @GLOSS_FORMAT_ERROR_VERSION: written by a newer version of Gloss
 * @GLOSS_FORMAT_ERROR_UNSUPPORTED: the format cannot be read or written this way
 * @GLOSS_FORMAT_ERROR_IO: a file could not be read or written
 * @GLOSS_FORMAT_ERROR_EXISTS: the output exists and overwriting was not asked for
 */
typedef enum
{
  GLOSS_FORMAT_ERROR_SYNTAX,
  GLOSS_FORMAT_ERROR_INVALID,
  GLOSS_FORMAT_ERROR_SPAN,
  GLOSS_FORMAT_ERROR_VERSION,
  GLOSS_FORMAT_ERROR_UNSUPPORTED,
  GLOSS_FORMAT_ERROR_IO,
  GLOSS_FORMAT_ERROR_EXISTS,
} GlossFormatError;

/**
 * GlossStoreError:
 * @GLOSS_STORE_ERROR_SPAN: a span is empty, reversed or out of the text
 * @GLOSS_STORE_ERROR_TYPE: the type is not in the schema
 * @GLOSS_STORE_ERROR_DUPLICATE_ID: the id is taken
 * @GLOSS_STORE_ERROR_REFERENCE: a referenced entity is not in the store
 * @GLOSS_STORE_ERROR_STATE: the annotation is not in (or already in) the store
 * @GLOSS_STORE_ERROR_VALUE: a value is not of its kind (a knowledge-base id)
 * @GLOSS_STORE_ERROR_EXISTS: an identical annotation is there already (a
 *   relation of the same type between the same two entities)
 * @GLOSS_STORE_ERROR_IN_USE: a schema type annotations still use
 */
typedef enum
{
  GLOSS_STORE_ERROR_SPAN,
  GLOSS_STORE_ERROR_TYPE,
  GLOSS_STORE_ERROR_DUPLICATE_ID,
  GLOSS_STORE_ERROR_REFERENCE,
  GLOSS_STORE_ERROR_STATE,
  GLOSS_STORE_ERROR_VALUE,
  GLOSS_STORE_ERROR_EXISTS,
  GLOSS_STORE_ERROR_IN_USE,
} GlossStoreError;

GQuark gloss_document_error_quark (void);
GQuark gloss_format_error_quark   (void);
GQuark gloss_store_error_quark    (void);

G_END_DECLS
