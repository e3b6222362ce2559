/* gloss-store-private.h: the store's state, shared by the files of
 * GlossStore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-annotation-list.h"
#include "gloss-span-index.h"
#include "gloss-store.h"

G_BEGIN_DECLS

typedef enum
{
  OP_ADD,
  OP_REMOVE,
  OP_CHANGE,
} OpKind;

typedef struct
{
  OpKind           kind;
  GlossAnnotation *annotation;
  GlossAnnotation *before;   /* OP_CHANGE: detached snapshots */
  GlossAnnotation *after;
} Op;

/* A step of the history that changes something outside the store (a
 * project's remembered rejection): the caller did it; undo and redo call
 * @func. */
typedef struct
{
  GlossStoreOutsideFunc func;
  gpointer              data;
  GDestroyNotify        destroy;
} Outside;

typedef struct
{
  char      *label;
  GArray    *ops;
  GPtrArray *outside;  /* of Outside, NULL when none */
} Group;

struct _GlossStore
{
  GObject              parent_instance;

  GlossDocument       *document;
  GlossSchema         *schema;

  GlossSpanIndex      *index[GLOSS_N_KINDS];   /* NULL for entities */
  GlossAnnotationList *lists[GLOSS_N_KINDS];
  GHashTable          *by_id;                  /* id → annotation (owns a ref) */
  GHashTable          *mentions_of;            /* entity → set of its mentions */
  guint                next_serial[GLOSS_N_KINDS];

  GPtrArray           *undo;                   /* Group */
  GPtrArray           *redo;
  Group               *open_group;
  guint                group_depth;
  guint                saved_depth;
  gboolean             saved_reachable;
  gboolean             schema_changed;
  gboolean             was_modified;
  gboolean             could_undo;
  gboolean             could_redo;

  JsonObject          *extra;
  char                *author;
  gint64             (*clock) (gpointer);
  gpointer             clock_data;
};

/* gloss-store.c */
void     _gloss_store_update_state      (GlossStore          *self);
void     _gloss_store_emit_changed      (GlossStore          *self,
                                         GlossChange          change,
                                         GlossAnnotation     *annotation);
void     _gloss_store_emit_edited       (GlossStore          *self,
                                         const char          *label,
                                         GlossEditDirection   direction);
char    *_gloss_store_describe          (GlossStore          *self,
                                         const char          *verb,
                                         GlossAnnotation     *annotation);

/* gloss-store-history.c */
/* Builds the span indexes of what load_add () added: in the thread that
 * read the file, before the store goes to the window. */
void     _gloss_store_settle_indexes    (GlossStore          *self);
void     _gloss_store_group_free        (gpointer             data);
void     _gloss_store_insert_annotation (GlossStore          *self,
                                         GlossAnnotation     *annotation,
                                         gboolean             notify);
/* Records the operation in the open group (or a group of its own, named
 * @label) and applies it. */
void     _gloss_store_do_op             (GlossStore          *self,
                                         OpKind               kind,
                                         GlossAnnotation     *annotation,
                                         GlossAnnotation     *before,
                                         GlossAnnotation     *after,
                                         const char          *label);

/* gloss-store-checks.c: FALSE with @error set for what the store refuses */
GlossLabelKind _gloss_store_label_kind_of (GlossAnnotationKind  kind);
gboolean _gloss_store_check_spans       (GlossStore          *self,
                                         GlossAnnotation     *annotation,
                                         GError             **error);
/* With @add_unknown, an unknown type joins the schema instead. */
gboolean _gloss_store_check_type        (GlossStore          *self,
                                         GlossAnnotation     *annotation,
                                         gboolean             add_unknown,
                                         GError             **error);
gboolean _gloss_store_check_refs        (GlossStore          *self,
                                         GlossAnnotation     *annotation,
                                         GError             **error);
gboolean _gloss_store_check_new         (GlossStore          *self,
                                         GlossAnnotation     *annotation,
                                         gboolean             loading,
                                         GError             **error);

G_END_DECLS
