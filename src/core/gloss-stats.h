/* gloss-stats.h: counts of documents and of their annotations by kind and
 * type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-store.h"

G_BEGIN_DECLS

typedef struct _GlossStats GlossStats;

GlossStats *gloss_stats_new            (void);
void        gloss_stats_free           (GlossStats          *self);
void        gloss_stats_add_store      (GlossStats          *self,
                                        GlossStore          *store);
void        gloss_stats_merge          (GlossStats          *self,
                                        const GlossStats    *other);
guint       gloss_stats_get_n_documents (const GlossStats   *self);
/* Code points and UTF-8 bytes of the texts. */
guint64     gloss_stats_get_characters (const GlossStats    *self);
guint64     gloss_stats_get_bytes      (const GlossStats    *self);
guint64     gloss_stats_get_total      (const GlossStats    *self,
                                        GlossAnnotationKind  kind);
/* @type: a type id ("" for annotations without one). */
guint64     gloss_stats_get_count      (const GlossStats    *self,
                                        GlossAnnotationKind  kind,
                                        const char          *type);
/* The type ids of @kind counted, the most frequent first, then by id.
 * Returns: (transfer container) (element-type utf8): owned by @self */
GPtrArray  *gloss_stats_list_types     (const GlossStats    *self,
                                        GlossAnnotationKind  kind);

/* "mentions", "entities", "claims", "relations": the JSON member names. */
const char *gloss_stats_kind_name      (GlossAnnotationKind  kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossStats, gloss_stats_free)

G_END_DECLS
