/* gloss-store.h: a document, its schema and its annotations, with the one
 * edit path (undo, redo, notification) and the span index
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-annotation.h"
#include "gloss-claim.h"
#include "gloss-document.h"
#include "gloss-entity.h"
#include "gloss-mention.h"
#include "gloss-relation.h"
#include "gloss-schema.h"
#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_STORE (gloss_store_get_type ())

G_DECLARE_FINAL_TYPE (GlossStore, gloss_store, GLOSS, STORE, GObject)

/**
 * GlossChange:
 * @GLOSS_CHANGE_ADDED: the annotation entered the store
 * @GLOSS_CHANGE_REMOVED: the annotation left the store
 * @GLOSS_CHANGE_MODIFIED: the annotation's fields changed in place
 *
 * Passed with #GlossStore::changed, once for every annotation touched.
 */
typedef enum
{
  GLOSS_CHANGE_ADDED,
  GLOSS_CHANGE_REMOVED,
  GLOSS_CHANGE_MODIFIED,
} GlossChange;

/**
 * GlossEditDirection:
 * @GLOSS_EDIT_DO: a new edit
 * @GLOSS_EDIT_UNDO: an edit undone
 * @GLOSS_EDIT_REDO: an edit redone
 */
typedef enum
{
  GLOSS_EDIT_DO,
  GLOSS_EDIT_UNDO,
  GLOSS_EDIT_REDO,
} GlossEditDirection;

/**
 * GlossSpanHit:
 * @annotation: (transfer none): the mention, claim or relation
 * @start: the fragment's start
 * @end: the fragment's end
 * @role: which spans of the annotation the fragment belongs to
 * @fragment: index of the fragment within those spans
 */
typedef struct
{
  GlossAnnotation *annotation;
  guint            start;
  guint            end;
  guint16          fragment;
  guint8           role;
} GlossSpanHit;

GlossStore      *gloss_store_new                (GlossDocument     *document,
                                                 GlossSchema       *schema);
GlossDocument   *gloss_store_get_document       (GlossStore        *self);
GlossSchema     *gloss_store_get_schema         (GlossStore        *self);

/* GListModels of the four collections. Mentions and claims are in text
 * order (first start, end, id); entities and relations in order of id. */
GListModel      *gloss_store_get_list           (GlossStore        *self,
                                                 GlossAnnotationKind kind);
guint            gloss_store_get_n_items        (GlossStore        *self,
                                                 GlossAnnotationKind kind);
/* Calls @func on each annotation of @kind in the list's order, without
 * the list's lookup per item; @func must not change the store. */
void             gloss_store_foreach            (GlossStore        *self,
                                                 GlossAnnotationKind kind,
                                                 GFunc              func,
                                                 gpointer           user_data);
GlossAnnotation *gloss_store_lookup             (GlossStore        *self,
                                                 const char        *id);
char            *gloss_store_next_id            (GlossStore        *self,
                                                 GlossAnnotationKind kind);

/* Span queries, O(log n + k). Hits come in (start, end) order. */
GArray          *gloss_store_query_range        (GlossStore        *self,
                                                 guint              start,
                                                 guint              end,
                                                 guint              kind_mask);
GArray          *gloss_store_query_at           (GlossStore        *self,
                                                 guint              offset,
                                                 guint              kind_mask);
#define GLOSS_KIND_MASK(k) (1u << (k))
#define GLOSS_KIND_MASK_ALL (GLOSS_KIND_MASK (GLOSS_KIND_MENTION) | \
                             GLOSS_KIND_MASK (GLOSS_KIND_CLAIM) | \
                             GLOSS_KIND_MASK (GLOSS_KIND_RELATION))

/* The mentions of an entity, in text order. */
GPtrArray       *gloss_store_get_mentions_of    (GlossStore        *self,
                                                 GlossEntity       *entity);
/* Mentions, claims and relations that point at @entity. */
GPtrArray       *gloss_store_get_referrers      (GlossStore        *self,
                                                 GlossEntity       *entity);

/* The edit path. Every call below is one undoable step unless inside a
 * group, and emits ::changed for each annotation touched. Annotations
 * handed to add must not be in a store; the store takes a reference. An
 * annotation with no id gets one; spans and types are checked. */
gboolean         gloss_store_add                (GlossStore        *self,
                                                 GlossAnnotation   *annotation,
                                                 GError           **error);
/* Removing an entity also unlinks the mentions and claims that point at
 * it and removes the relations that need it, in the same step. */
gboolean         gloss_store_remove             (GlossStore        *self,
                                                 GlossAnnotation   *annotation,
                                                 GError           **error);
/* Make @annotation (in the store) equal to @draft (a changed copy). */
gboolean         gloss_store_replace            (GlossStore        *self,
                                                 GlossAnnotation   *annotation,
                                                 GlossAnnotation   *draft,
                                                 GError           **error);
/* Point every referrer of @from at @into, then remove @from. */
gboolean         gloss_store_merge_entities     (GlossStore        *self,
                                                 GlossEntity       *into,
                                                 GlossEntity       *from,
                                                 GError           **error);
/* The same as bookkeeping, not an edit: the referrers keep their modified
 * times (a project linking a document's entities to its registry). */
gboolean         gloss_store_relink_entity      (GlossStore        *self,
                                                 GlossEntity       *into,
                                                 GlossEntity       *from,
                                                 GError           **error);

void             gloss_store_begin_group        (GlossStore        *self,
                                                 const char        *label);
void             gloss_store_end_group          (GlossStore        *self);

gboolean         gloss_store_can_undo           (GlossStore        *self);
gboolean         gloss_store_can_redo           (GlossStore        *self);
const char      *gloss_store_get_undo_label     (GlossStore        *self);
const char      *gloss_store_get_redo_label     (GlossStore        *self);
gboolean         gloss_store_undo               (GlossStore        *self);
gboolean         gloss_store_redo               (GlossStore        *self);
gboolean         gloss_store_undo_full          (GlossStore        *self,
                                                 GError           **error);
gboolean         gloss_store_redo_full          (GlossStore        *self,
                                                 GError           **error);

/**
 * GlossStoreOutsideFunc:
 * @data: what gloss_store_add_outside_step() was given
 * @forward: %TRUE to do the step again (redo), %FALSE to take it back
 *
 * Returns: whether it was done; %FALSE with @error set leaves everything
 *   as it was
 */
typedef gboolean (*GlossStoreOutsideFunc) (gpointer   data,
                                           gboolean   forward,
                                           GError   **error);
void             gloss_store_add_outside_step   (GlossStore            *self,
                                                 const char            *label,
                                                 GlossStoreOutsideFunc  func,
                                                 gpointer               data,
                                                 GDestroyNotify         destroy);
void             gloss_store_clear_history      (GlossStore        *self);

/* TRUE when the annotations differ from the last gloss_store_mark_saved(). */
gboolean         gloss_store_get_modified       (GlossStore        *self);
void             gloss_store_mark_saved         (GlossStore        *self);

/* The author and clock stamped on new and changed annotations; a NULL
 * author leaves author unset. The clock is for tests. */
void             gloss_store_set_author         (GlossStore        *self,
                                                 const char        *author);
const char      *gloss_store_get_author         (GlossStore        *self);
void             gloss_store_set_clock          (GlossStore        *self,
                                                 gint64           (*clock) (gpointer),
                                                 gpointer           clock_data);

/* Loading: adds without history, stamps or per-item notification. */
gboolean         gloss_store_load_add           (GlossStore        *self,
                                                 GlossAnnotation   *annotation,
                                                 GError           **error);

/* Top-level members of the file this version does not know. */
JsonObject      *gloss_store_get_extra          (GlossStore        *self);
void             gloss_store_set_extra          (GlossStore        *self,
                                                 JsonObject        *extra);

gboolean         gloss_store_equal              (GlossStore        *a,
                                                 GlossStore        *b);

G_END_DECLS
