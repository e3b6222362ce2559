/* gloss-store.c: a document, its schema and its annotations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change goes through apply_op(): it updates the id table, the span
 * index, the collection lists and the entities' mentions (their count
 * and the entity → mentions index), then tells listeners. Edits are recorded as groups of operations (add,
 * remove, change from one snapshot to another) so that undo and redo
 * replay them exactly, backwards or forwards.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-annotation-list.h"
#include "gloss-annotation-private.h"
#include "gloss-enum-types.h"
#include "gloss-error.h"
#include "gloss-span-index.h"
#include "gloss-store.h"
#include "gloss-store-private.h"
#include "gloss-util-private.h"


G_DEFINE_FINAL_TYPE (GlossStore, gloss_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SCHEMA,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  CHANGED,
  EDITED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char id_prefixes[GLOSS_N_KINDS] = { 'm', 'e', 'c', 'r' };

static void
gloss_store_dispose (GObject *object)
{
  GlossStore *self = (GlossStore *)object;

  /* History and id table hold the annotations; drop them before the lists. */
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->open_group, _gloss_store_group_free);

  G_OBJECT_CLASS (gloss_store_parent_class)->dispose (object);
}

static void
detach (gpointer key,
        gpointer value,
        gpointer user_data)
{
  _gloss_annotation_set_store (value, NULL);
}

static void
gloss_store_finalize (GObject *object)
{
  GlossStore *self = (GlossStore *)object;

  for (guint k = 0; k < GLOSS_N_KINDS; k++)
    {
      g_clear_object (&self->lists[k]);
      g_clear_pointer (&self->index[k], _gloss_span_index_free);
    }
  if (self->by_id != NULL)
    g_hash_table_foreach (self->by_id, detach, NULL);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->mentions_of, g_hash_table_unref);
  g_clear_object (&self->document);
  g_clear_object (&self->schema);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (gloss_store_parent_class)->finalize (object);
}

static void
gloss_store_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  GlossStore *self = GLOSS_STORE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SCHEMA:
      g_value_set_object (value, self->schema);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, gloss_store_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, gloss_store_can_redo (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, gloss_store_get_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_store_class_init (GlossStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gloss_store_dispose;
  object_class->finalize = gloss_store_finalize;
  object_class->get_property = gloss_store_get_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, GLOSS_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCHEMA] =
    g_param_spec_object ("schema", NULL, NULL, GLOSS_TYPE_SCHEMA,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossStore::changed:
   * @kind: a #GlossChange
   * @annotation: the annotation added, removed or modified
   *
   * Emitted for every annotation an edit, undo or redo touches, after the
   * store (lists, index, counts) is up to date.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, GLOSS_TYPE_CHANGE, GLOSS_TYPE_ANNOTATION);

  /**
   * GlossStore::edited:
   * @label: what the edit did, e.g. "Tag “Kim” as Person"
   * @direction: a #GlossEditDirection
   *
   * Emitted once a whole undoable step is done, undone or redone.
   */
  signals[EDITED] =
    g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, GLOSS_TYPE_EDIT_DIRECTION);
}

static void
gloss_store_init (GlossStore *self)
{
  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  /* Keys are borrowed: a mention holds a reference to its entity, and an
   * entity leaves the index with its last mention. */
  self->mentions_of = g_hash_table_new_full (NULL, NULL, NULL,
                                             (GDestroyNotify)g_hash_table_unref);
  self->undo = g_ptr_array_new_with_free_func (_gloss_store_group_free);
  self->redo = g_ptr_array_new_with_free_func (_gloss_store_group_free);
  self->saved_reachable = TRUE;

  self->index[GLOSS_KIND_MENTION] = _gloss_span_index_new ();
  self->index[GLOSS_KIND_CLAIM] = _gloss_span_index_new ();
  self->index[GLOSS_KIND_RELATION] = _gloss_span_index_new ();
  self->lists[GLOSS_KIND_MENTION] =
    _gloss_annotation_list_new_indexed (GLOSS_TYPE_MENTION, self->index[GLOSS_KIND_MENTION]);
  self->lists[GLOSS_KIND_CLAIM] =
    _gloss_annotation_list_new_indexed (GLOSS_TYPE_CLAIM, self->index[GLOSS_KIND_CLAIM]);
  self->lists[GLOSS_KIND_ENTITY] = _gloss_annotation_list_new_sorted (GLOSS_TYPE_ENTITY);
  self->lists[GLOSS_KIND_RELATION] = _gloss_annotation_list_new_sorted (GLOSS_TYPE_RELATION);
}

void
_gloss_store_update_state (GlossStore *self)
{
  gboolean modified = gloss_store_get_modified (self);
  gboolean can_undo = gloss_store_can_undo (self);
  gboolean can_redo = gloss_store_can_redo (self);

  if (can_undo != self->could_undo)
    {
      self->could_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (can_redo != self->could_redo)
    {
      self->could_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
  if (modified != self->was_modified)
    {
      self->was_modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
}

static void
on_schema_changed (GlossStore *self)
{
  self->schema_changed = TRUE;
  _gloss_store_update_state (self);
}

/**
 * gloss_store_new:
 * @schema: (nullable): the schema; the default one when %NULL
 *
 * Returns: (transfer full): an empty store for @document
 */
GlossStore *
gloss_store_new (GlossDocument *document,
                 GlossSchema   *schema)
{
  GlossStore *self;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (schema == NULL || GLOSS_IS_SCHEMA (schema), NULL);

  self = g_object_new (GLOSS_TYPE_STORE, NULL);
  self->document = g_object_ref (document);
  self->schema = schema ? g_object_ref (schema) : gloss_schema_new_default ();
  for (guint k = 0; k < GLOSS_N_KINDS; k++)
    self->next_serial[k] = 1;
  g_signal_connect_object (self->schema, "changed", G_CALLBACK (on_schema_changed),
                           self, G_CONNECT_SWAPPED);
  return self;
}

/**
 * gloss_store_get_document:
 *
 * Returns: (transfer none): the document
 */
GlossDocument *
gloss_store_get_document (GlossStore *self)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);
  return self->document;
}

/**
 * gloss_store_get_schema:
 *
 * Returns: (transfer none): the schema
 */
GlossSchema *
gloss_store_get_schema (GlossStore *self)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);
  return self->schema;
}

/**
 * gloss_store_get_list:
 *
 * Returns: (transfer none): a #GListModel of the annotations of @kind
 */
GListModel *
gloss_store_get_list (GlossStore          *self,
                      GlossAnnotationKind  kind)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);
  g_return_val_if_fail (kind < GLOSS_N_KINDS, NULL);
  return G_LIST_MODEL (self->lists[kind]);
}

guint
gloss_store_get_n_items (GlossStore          *self,
                         GlossAnnotationKind  kind)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), 0);
  g_return_val_if_fail (kind < GLOSS_N_KINDS, 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->lists[kind]));
}

/**
 * gloss_store_foreach:
 * @func: (scope call): called with each annotation (transfer none)
 */
void
gloss_store_foreach (GlossStore          *self,
                     GlossAnnotationKind  kind,
                     GFunc                func,
                     gpointer             user_data)
{
  GListModel *list;

  g_return_if_fail (GLOSS_IS_STORE (self));
  g_return_if_fail (kind < GLOSS_N_KINDS);
  g_return_if_fail (func != NULL);

  if (self->index[kind] != NULL)
    {
      _gloss_span_index_foreach (self->index[kind], func, user_data);
      return;
    }
  list = G_LIST_MODEL (self->lists[kind]);
  for (guint i = 0, n = g_list_model_get_n_items (list); i < n; i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (list, i);

      func (annotation, user_data);
    }
}

/**
 * gloss_store_lookup:
 *
 * Returns: (transfer none) (nullable): the annotation with @id
 */
GlossAnnotation *
gloss_store_lookup (GlossStore *self,
                    const char *id)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);
  return id ? g_hash_table_lookup (self->by_id, id) : NULL;
}

static void
note_id (GlossStore          *self,
         GlossAnnotationKind  kind,
         const char          *id)
{
  guint64 n;
  char *end;

  if (id[0] != id_prefixes[kind] || !g_ascii_isdigit (id[1]))
    return;
  n = g_ascii_strtoull (id + 1, &end, 10);
  if (*end == '\0' && n < G_MAXUINT && n >= self->next_serial[kind])
    self->next_serial[kind] = n + 1;
}

/**
 * gloss_store_next_id:
 *
 * Returns: (transfer full): an unused id for an annotation of @kind ("m12")
 */
char *
gloss_store_next_id (GlossStore          *self,
                     GlossAnnotationKind  kind)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);
  g_return_val_if_fail (kind < GLOSS_N_KINDS, NULL);

  for (;;)
    {
      char *id = g_strdup_printf ("%c%u", id_prefixes[kind], self->next_serial[kind]++);

      if (!g_hash_table_contains (self->by_id, id))
        return id;
      g_free (id);
    }
}

void
_gloss_store_emit_changed (GlossStore      *self,
                           GlossChange      change,
                           GlossAnnotation *annotation)
{
  g_signal_emit (self, signals[CHANGED], 0, (int)change, annotation);
}

void
_gloss_store_emit_edited (GlossStore         *self,
                          const char         *label,
                          GlossEditDirection  direction)
{
  g_signal_emit (self, signals[EDITED], 0, label, (int)direction);
}

static gint64
now (GlossStore *self)
{
  if (self->clock != NULL)
    return self->clock (self->clock_data);
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
prepare_new (GlossStore      *self,
             GlossAnnotation *annotation)
{
  GlossAnnotationKind kind = gloss_annotation_get_kind (annotation);
  const char *id = gloss_annotation_get_id (annotation);

  if (id == NULL)
    {
      g_autofree char *new_id = gloss_store_next_id (self, kind);

      gloss_annotation_set_id (annotation, new_id);
    }
  else
    note_id (self, kind, id);
}

char *
_gloss_store_describe (GlossStore      *self,
                       const char      *verb,
                       GlossAnnotation *annotation)
{
  GlossAnnotationKind kind = gloss_annotation_get_kind (annotation);
  GlossLabel *label = gloss_schema_lookup (self->schema, _gloss_store_label_kind_of (kind),
                                           gloss_annotation_get_type_id (annotation));
  const char *type_name = label ? gloss_label_get_name (label) : gloss_annotation_get_type_id (annotation);

  return g_strdup_printf ("%s %s %s", verb, type_name ? type_name : "",
                          gloss_annotation_kind_to_string (kind));
}

/**
 * gloss_store_add:
 * @annotation: a new annotation (not in a store)
 *
 * Adds @annotation as one undoable step (or part of the open group),
 * assigning an id if it has none and stamping author and times.
 *
 * Returns: %TRUE on success; %FALSE with @error set (and nothing changed)
 *   if a span is out of the text, the type is not in the schema, the id is
 *   taken or a referenced entity is not in this store
 */
gboolean
gloss_store_add (GlossStore       *self,
                 GlossAnnotation  *annotation,
                 GError          **error)
{
  g_autofree char *label = NULL;
  gint64 t;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);

  if (!_gloss_store_check_new (self, annotation, FALSE, error))
    return FALSE;

  prepare_new (self, annotation);
  t = now (self);
  if (gloss_annotation_get_created (annotation) == 0)
    gloss_annotation_set_created (annotation, t);
  if (gloss_annotation_get_modified (annotation) == 0)
    gloss_annotation_set_modified (annotation, t);
  if (gloss_annotation_get_author (annotation) == NULL && self->author != NULL)
    gloss_annotation_set_author (annotation, self->author);

  label = _gloss_store_describe (self, "Add", annotation);
  _gloss_store_do_op (self, OP_ADD, annotation, NULL, NULL, label);
  return TRUE;
}

void
_gloss_store_settle_indexes (GlossStore *self)
{
  for (guint k = 0; k < GLOSS_N_KINDS; k++)
    if (self->index[k] != NULL)
      _gloss_span_index_settle (self->index[k]);
}

/**
 * gloss_store_load_add:
 *
 * Adds @annotation while loading a file: no history, no stamps, no
 * signals; unknown types are added to the schema (marked unknown).
 *
 * Returns: %FALSE with @error set on a bad span, duplicate id or reference
 */
gboolean
gloss_store_load_add (GlossStore       *self,
                      GlossAnnotation  *annotation,
                      GError          **error)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);

  if (!_gloss_store_check_new (self, annotation, TRUE, error))
    return FALSE;

  prepare_new (self, annotation);
  _gloss_store_insert_annotation (self, annotation, FALSE);
  return TRUE;
}

static int
compare_annotation_ptrs (gconstpointer a,
                         gconstpointer b)
{
  GlossAnnotation *x = *(GlossAnnotation **)a;
  GlossAnnotation *y = *(GlossAnnotation **)b;

  if (gloss_annotation_get_kind (x) != gloss_annotation_get_kind (y))
    return gloss_annotation_get_kind (x) < gloss_annotation_get_kind (y) ? -1 : 1;
  return gloss_annotation_compare (x, y);
}

/**
 * gloss_store_get_referrers:
 *
 * Returns: (transfer container) (element-type GlossAnnotation): the
 *   mentions, claims and relations that point at @entity
 */
GPtrArray *
gloss_store_get_referrers (GlossStore  *self,
                           GlossEntity *entity)
{
  GPtrArray *referrers = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (GLOSS_IS_STORE (self), referrers);
  g_return_val_if_fail (GLOSS_IS_ENTITY (entity), referrers);

  g_hash_table_iter_init (&iter, self->by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (_gloss_annotation_refers_to (value, entity))
      g_ptr_array_add (referrers, g_object_ref (value));

  g_ptr_array_sort (referrers, compare_annotation_ptrs);
  return referrers;
}

/**
 * gloss_store_get_mentions_of:
 *
 * O(k log k) for an entity of k mentions, from the store's index.
 *
 * Returns: (transfer container) (element-type GlossMention): the mentions
 *   of @entity in text order
 */
GPtrArray *
gloss_store_get_mentions_of (GlossStore  *self,
                             GlossEntity *entity)
{
  GPtrArray *mentions = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTable *set;
  GHashTableIter iter;
  gpointer mention;

  g_return_val_if_fail (GLOSS_IS_STORE (self), mentions);

  if (entity == NULL || (set = g_hash_table_lookup (self->mentions_of, entity)) == NULL)
    return mentions;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &mention, NULL))
    g_ptr_array_add (mentions, g_object_ref (mention));
  g_ptr_array_sort (mentions, compare_annotation_ptrs);
  return mentions;
}

/* @stamp: FALSE keeps the referrers' modified times. */
static void
retarget_referrers (GlossStore  *self,
                    GlossEntity *from,
                    GlossEntity *to,
                    gboolean     stamp)
{
  g_autoptr(GPtrArray) referrers = gloss_store_get_referrers (self, from);
  gint64 t = now (self);

  for (guint i = 0; i < referrers->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (referrers, i);
      g_autoptr(GlossAnnotation) draft = gloss_annotation_copy (annotation);
      g_autoptr(GlossAnnotation) before = gloss_annotation_copy (annotation);
      GlossRelation *relation;

      _gloss_annotation_retarget (draft, from, to);

      /* A relation that loses an end cannot stand; one that links an
       * entity to itself after a merge is kept (the analyst may mean it). */
      if (GLOSS_IS_RELATION (draft))
        {
          relation = GLOSS_RELATION (draft);
          if (gloss_relation_get_from (relation) == NULL || gloss_relation_get_to (relation) == NULL)
            {
              _gloss_store_do_op (self, OP_REMOVE, annotation, NULL, NULL, NULL);
              continue;
            }
        }

      if (stamp)
        gloss_annotation_set_modified (draft, t);
      _gloss_store_do_op (self, OP_CHANGE, annotation, before, draft, NULL);
    }
}

/**
 * gloss_store_remove:
 *
 * Removes @annotation. Removing an entity unlinks the mentions and claims
 * that point at it and removes the relations that need it, all in the
 * same undoable step.
 *
 * Returns: %FALSE if @annotation is not in this store
 */
gboolean
gloss_store_remove (GlossStore       *self,
                    GlossAnnotation  *annotation,
                    GError          **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);

  if (gloss_annotation_get_store (annotation) != self)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_STATE,
                   _("the annotation “%s” is not in this document"),
                   gloss_annotation_get_id (annotation) ?: "");
      return FALSE;
    }

  label = _gloss_store_describe (self, "Remove", annotation);
  gloss_store_begin_group (self, label);
  if (GLOSS_IS_ENTITY (annotation))
    retarget_referrers (self, GLOSS_ENTITY (annotation), NULL, TRUE);
  _gloss_store_do_op (self, OP_REMOVE, annotation, NULL, NULL, NULL);
  gloss_store_end_group (self);
  return TRUE;
}

/**
 * gloss_store_replace:
 * @annotation: an annotation in this store
 * @draft: a changed copy of it (from gloss_annotation_copy())
 *
 * Makes @annotation equal to @draft as one undoable step. Nothing is
 * recorded when they are already equal.
 *
 * Returns: %FALSE with @error set if the draft's spans, type or references
 *   are not valid
 */
gboolean
gloss_store_replace (GlossStore       *self,
                     GlossAnnotation  *annotation,
                     GlossAnnotation  *draft,
                     GError          **error)
{
  g_autoptr(GlossAnnotation) before = NULL;
  g_autoptr(GlossAnnotation) after = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (draft), FALSE);
  g_return_val_if_fail (G_OBJECT_TYPE (annotation) == G_OBJECT_TYPE (draft), FALSE);

  if (gloss_annotation_get_store (annotation) != self || gloss_annotation_is_frozen (draft))
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_STATE,
                   _("replace needs an annotation of this document and a detached draft"));
      return FALSE;
    }

  if (!_gloss_store_check_type (self, draft, FALSE, error) ||
      !_gloss_store_check_spans (self, draft, error) ||
      !_gloss_store_check_refs (self, draft, error))
    return FALSE;

  after = gloss_annotation_copy (draft);
  gloss_annotation_set_id (after, gloss_annotation_get_id (annotation));
  gloss_annotation_set_modified (after, gloss_annotation_get_modified (annotation));
  if (gloss_annotation_equal (annotation, after))
    return TRUE;

  gloss_annotation_set_modified (after, now (self));
  before = gloss_annotation_copy (annotation);
  label = _gloss_store_describe (self, "Edit", annotation);
  _gloss_store_do_op (self, OP_CHANGE, annotation, before, after, label);
  return TRUE;
}

/**
 * gloss_store_merge_entities:
 *
 * Points every mention, claim and relation that refers to @from at @into,
 * then removes @from, as one undoable step.
 */
static gboolean
merge_entities (GlossStore   *self,
                GlossEntity  *into,
                GlossEntity  *from,
                gboolean      stamp,
                GError      **error)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ENTITY (into), FALSE);
  g_return_val_if_fail (GLOSS_IS_ENTITY (from), FALSE);

  if (gloss_annotation_get_store (GLOSS_ANNOTATION (into)) != self ||
      gloss_annotation_get_store (GLOSS_ANNOTATION (from)) != self || into == from)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_STATE,
                   _("merging needs two different entities of this document"));
      return FALSE;
    }

  gloss_store_begin_group (self, "Merge entities");
  retarget_referrers (self, from, into, stamp);
  _gloss_store_do_op (self, OP_REMOVE, GLOSS_ANNOTATION (from), NULL, NULL, NULL);
  gloss_store_end_group (self);
  return TRUE;
}

gboolean
gloss_store_merge_entities (GlossStore   *self,
                            GlossEntity  *into,
                            GlossEntity  *from,
                            GError      **error)
{
  return merge_entities (self, into, from, TRUE, error);
}

/**
 * gloss_store_relink_entity:
 *
 * gloss_store_merge_entities() for bookkeeping: the mentions, claims and
 * relations that now point at @into keep their modified times, which say
 * when the analyst last changed them.
 */
gboolean
gloss_store_relink_entity (GlossStore   *self,
                           GlossEntity  *into,
                           GlossEntity  *from,
                           GError      **error)
{
  return merge_entities (self, into, from, FALSE, error);
}

void
gloss_store_set_author (GlossStore *self,
                        const char *author)
{
  g_return_if_fail (GLOSS_IS_STORE (self));

  if (author != NULL && *author == '\0')
    author = NULL;
  g_free (self->author);
  self->author = g_strdup (author);
}

/**
 * gloss_store_get_author:
 *
 * Returns: (nullable): the author stamped on new annotations
 */
const char *
gloss_store_get_author (GlossStore *self)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);
  return self->author;
}

/**
 * gloss_store_set_clock:
 * @clock: (nullable) (scope notified): returns the time in Unix seconds;
 *   %NULL for the real time
 */
void
gloss_store_set_clock (GlossStore  *self,
                       gint64     (*clock) (gpointer),
                       gpointer     clock_data)
{
  g_return_if_fail (GLOSS_IS_STORE (self));

  self->clock = clock;
  self->clock_data = clock_data;
}

/**
 * gloss_store_get_extra:
 *
 * Returns: (transfer none) (nullable): top-level members this version does not know
 */
JsonObject *
gloss_store_get_extra (GlossStore *self)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);
  return self->extra;
}

void
gloss_store_set_extra (GlossStore *self,
                       JsonObject *extra)
{
  g_return_if_fail (GLOSS_IS_STORE (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}
