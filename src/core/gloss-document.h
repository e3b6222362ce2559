/* gloss-document.h: an article's text, its metadata and offset conversions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_DOCUMENT (gloss_document_get_type ())

G_DECLARE_FINAL_TYPE (GlossDocument, gloss_document, GLOSS, DOCUMENT, GObject)

GlossDocument *gloss_document_new_from_text   (const char     *text,
                                               gssize          length,
                                               const char     *where,
                                               GError        **error);
GlossDocument *gloss_document_new_from_bytes  (GBytes         *bytes,
                                               const char     *where,
                                               GError        **error);
GlossDocument *gloss_document_new_from_file   (GFile          *file,
                                               GError        **error);

typedef enum
{
  GLOSS_DOCUMENT_LOAD_NONE          = 0,
  GLOSS_DOCUMENT_LOAD_CONVERT_UTF16 = 1 << 0,   /* convert text with a UTF-16 byte order mark */
} GlossDocumentLoadFlags;

GlossDocument *gloss_document_new_from_file_full (GFile                  *file,
                                                  GlossDocumentLoadFlags  flags,
                                                  GError                **error);

const char    *gloss_document_get_text        (GlossDocument  *self);
gsize          gloss_document_get_n_bytes     (GlossDocument  *self);
guint          gloss_document_get_length      (GlossDocument  *self);
guint          gloss_document_get_utf16_length (GlossDocument *self);
const char    *gloss_document_get_sha256      (GlossDocument  *self);

const char    *gloss_document_get_id          (GlossDocument  *self);
void           gloss_document_set_id          (GlossDocument  *self,
                                               const char     *id);
char          *gloss_document_id_for_file_name (const char    *name);
const char    *gloss_document_get_title       (GlossDocument  *self);
void           gloss_document_set_title       (GlossDocument  *self,
                                               const char     *title);
const char    *gloss_document_get_source      (GlossDocument  *self);
void           gloss_document_set_source      (GlossDocument  *self,
                                               const char     *source);
const char    *gloss_document_get_language    (GlossDocument  *self);
void           gloss_document_set_language    (GlossDocument  *self,
                                               const char     *language);
/* Members of the file's "document" object this version does not know. */
JsonObject    *gloss_document_get_extra       (GlossDocument  *self);
void           gloss_document_set_extra       (GlossDocument  *self,
                                               JsonObject     *extra);
JsonObject    *gloss_document_get_meta        (GlossDocument  *self);
void           gloss_document_set_meta        (GlossDocument  *self,
                                               JsonObject     *meta);

/* Offsets: code points are the native unit. Conversions take O(1) for
 * code points to bytes and O(log n) for the others; an offset that falls
 * inside a character (a UTF-16 surrogate pair, a UTF-8 sequence) fails. */
gboolean       gloss_document_offset_to_cp    (GlossDocument  *self,
                                               GlossOffsetUnit unit,
                                               gsize           offset,
                                               guint          *cp);
gsize          gloss_document_cp_to_offset    (GlossDocument  *self,
                                               GlossOffsetUnit unit,
                                               guint           cp);
gsize          gloss_document_cp_to_byte      (GlossDocument  *self,
                                               guint           cp);
guint          gloss_document_byte_to_cp      (GlossDocument  *self,
                                               gsize           byte);
gsize          gloss_document_cp_to_utf16     (GlossDocument  *self,
                                               guint           cp);

char          *gloss_document_dup_slice       (GlossDocument  *self,
                                               guint           start,
                                               guint           end);
const char    *gloss_document_peek_slice      (GlossDocument  *self,
                                               guint           start,
                                               guint           end,
                                               gsize          *n_bytes);
gboolean       gloss_document_slice_equals    (GlossDocument  *self,
                                               guint           start,
                                               guint           end,
                                               const char     *text,
                                               gssize          n_bytes);

G_END_DECLS
