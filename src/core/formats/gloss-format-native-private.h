/* gloss-format-native-private.h: what the reader and the writer of the
 * native format share, and one annotation in it for the journal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-store.h"

G_BEGIN_DECLS

/* The members of the file, shared by its reader and writer
 * (gloss-format-native.c). */
typedef enum
{
  M_ID,
  M_TYPE,
  M_NAME,
  M_KB,
  M_ENTITY,
  M_CLAIMANT,
  M_CERTAINTY,
  M_SPANS,
  M_CUE,
  M_ABOUT,
  M_FROM,
  M_TO,
  M_EVIDENCE,
  M_ATTRS,
  M_NOTE,
  M_STATUS,
  M_AUTHOR,
  M_CREATED,
  M_MODIFIED,
  N_MEMBERS
} Member;

#define BIT(m) (1u << (m))
#define COMMON (BIT (M_ID) | BIT (M_TYPE) | BIT (M_ATTRS) | BIT (M_NOTE) | BIT (M_STATUS) | \
                BIT (M_AUTHOR) | BIT (M_CREATED) | BIT (M_MODIFIED))

/* Top-level members, in the order they are written. */
typedef enum
{
  T_FORMAT,
  T_VERSION,
  T_DOCUMENT,
  T_SCHEMA,
  T_ENTITIES,
  T_MENTIONS,
  T_CLAIMS,
  T_RELATIONS,
  N_TOP
} Top;

typedef enum
{
  D_ID,
  D_TITLE,
  D_SOURCE,
  D_LANGUAGE,
  D_SHA256,
  D_TEXT,
  D_META,
  N_DOC
} DocMember;

extern const char * const        _gloss_native_member_names[N_MEMBERS];
/* The members each kind knows, indexed by GlossAnnotationKind. */
extern const guint               _gloss_native_kind_members[GLOSS_N_KINDS];
extern const GlossLabelKind      _gloss_native_label_kinds[GLOSS_N_KINDS];
extern const char * const        _gloss_native_top_names[N_TOP];
extern const GlossAnnotationKind _gloss_native_top_kinds[N_TOP];
extern const char * const        _gloss_native_doc_names[N_DOC];

/* The index of @str (@len bytes) in @names, or -1. */
int      _gloss_native_find_name       (const char * const  *names,
                                        guint                n_names,
                                        const char          *str,
                                        gsize                len);
gboolean _gloss_native_is_known_member (GlossAnnotationKind  kind,
                                        const char          *name);

/* Appends @a as the one-line JSON object a .gloss file holds for it. */
void             _gloss_native_write_annotation (GString             *out,
                                                 GlossStore          *store,
                                                 GlossAnnotation     *a);
/* Reads one annotation object (@json, @len bytes) into a new, detached
 * annotation; its entity references are resolved against @store by id
 * and its spans checked against @store's text. */
GlossAnnotation *_gloss_native_read_annotation  (GlossStore          *store,
                                                 GlossAnnotationKind  kind,
                                                 const char          *json,
                                                 gsize                len,
                                                 const char          *where,
                                                 GError             **error);

G_END_DECLS
