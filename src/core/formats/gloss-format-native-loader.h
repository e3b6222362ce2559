/* gloss-format-native-loader.h: the state of reading one .gloss file,
 * shared by its reader and the annotation reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-format-native.h"
#include "gloss-format-native-private.h"
#include "gloss-json-reader.h"

G_BEGIN_DECLS

typedef struct
{
  const char      *data;
  gsize            length;
  const char      *where;

  gboolean         seen[N_TOP];
  gboolean         done[N_TOP];
  gsize            offset[N_TOP];   /* of a value deferred for later */
  gboolean         deferred[N_TOP];

  GlossDocument   *document;
  GlossSchema     *schema;
  GlossStore      *store;
  guint            doc_length;
  JsonObject      *extra;
  JsonObject      *doc_extra;

  /* Scratch, reused from one annotation to the next. */
  GArray          *spans[3];        /* GlossSpan, by GlossSpanRole */
  GPtrArray       *about;           /* GlossEntity, not owned */
  GString         *span_text;
  char            *last_type[GLOSS_N_LABEL_KINDS];

  /* _gloss_native_read_annotation(): build one annotation, keep it here
   * instead of adding it to the store. */
  gboolean         detached;
  GlossAnnotation *built;

  /* gloss_native_read_bytes_hooked(): told of the text and of progress. */
  const GlossNativeReadHooks *hooks;
  gsize            next_progress;   /* byte offset of the next report */

  /* gloss_native_check_bytes(): messages of the bad annotations passed over. */
  GPtrArray       *problems;
  guint            max_problems;
} Loader;

/* Reading helpers (gloss-format-native-reader.c); each sets the reader's
 * error and returns FALSE on failure. */
gboolean _gloss_native_member_error (GlossJsonReader  *r,
                                     const char       *where,
                                     const char       *member,
                                     int               code,
                                     const char       *message);
gboolean _gloss_native_expected     (GlossJsonReader  *r,
                                     GlossJsonToken    token,
                                     const char       *what);
char    *_gloss_native_quote        (const char       *text,
                                     gsize             len);
gboolean _gloss_native_read_string  (GlossJsonReader  *r,
                                     GlossJsonToken    t,
                                     gboolean          required,
                                     char            **out);
gboolean _gloss_native_read_extra   (GlossJsonReader  *r,
                                     JsonObject      **extra,
                                     const char       *name);
/* Tells the hooks how far the reading is, now and then. */
void     _gloss_native_report_progress (Loader        *L,
                                        gsize          offset);

/* gloss-format-native-annotation.c: the annotation object at the
 * reader's BEGIN_OBJECT, and an array of them. */
gboolean _gloss_native_read_one         (Loader              *L,
                                         GlossJsonReader     *r,
                                         GlossAnnotationKind  kind);
gboolean _gloss_native_read_annotations (Loader              *L,
                                         GlossJsonReader     *r,
                                         GlossAnnotationKind  kind);

G_END_DECLS
