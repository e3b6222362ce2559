/* gloss-store-history.c: the store's operations, applied and recorded in
 * groups that undo and redo as one step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-annotation-private.h"
#include "gloss-error.h"
#include "gloss-store-private.h"

static void
op_clear (gpointer data)
{
  Op *op = data;

  g_clear_object (&op->annotation);
  g_clear_object (&op->before);
  g_clear_object (&op->after);
}

static Group *
group_new (const char *label)
{
  Group *group = g_new0 (Group, 1);

  group->label = g_strdup (label);
  group->ops = g_array_new (FALSE, FALSE, sizeof (Op));
  g_array_set_clear_func (group->ops, op_clear);
  return group;
}

void
_gloss_store_group_free (gpointer data)
{
  Group *group = data;

  g_free (group->label);
  g_array_unref (group->ops);
  g_clear_pointer (&group->outside, g_ptr_array_unref);
  g_free (group);
}

static void
outside_free (gpointer data)
{
  Outside *outside = data;

  if (outside->destroy != NULL)
    outside->destroy (outside->data);
  g_free (outside);
}

/* Whether undoing or redoing @group changes the annotations, not only
 * what lies outside the store. */
static gboolean
changes_document (const Group *group)
{
  return group->ops->len > 0;
}

/* Applying operations */

/* Keeps the entity's mention count and the entity → mentions index; every
 * path that adds, removes or changes a mention passes here. */
static void
index_mention (GlossStore      *self,
               GlossAnnotation *annotation,
               int              delta)
{
  GlossEntity *entity;
  GHashTable *set;

  if (gloss_annotation_get_kind (annotation) != GLOSS_KIND_MENTION)
    return;
  entity = gloss_mention_get_entity (GLOSS_MENTION (annotation));
  if (entity == NULL)
    return;

  _gloss_entity_add_mentions (entity, delta);
  set = g_hash_table_lookup (self->mentions_of, entity);
  if (delta > 0)
    {
      if (set == NULL)
        {
          set = g_hash_table_new (NULL, NULL);
          g_hash_table_insert (self->mentions_of, entity, set);
        }
      g_hash_table_add (set, annotation);
    }
  else if (set != NULL)
    {
      g_hash_table_remove (set, annotation);
      if (g_hash_table_size (set) == 0)
        g_hash_table_remove (self->mentions_of, entity);
    }
}

void
_gloss_store_insert_annotation (GlossStore      *self,
                                GlossAnnotation *annotation,
                                gboolean         notify)
{
  GlossAnnotationKind kind = gloss_annotation_get_kind (annotation);
  GlossAnnotationList *list = self->lists[kind];
  guint position;

  _gloss_annotation_set_store (annotation, self);
  g_hash_table_insert (self->by_id, (gpointer)gloss_annotation_get_id (annotation),
                       g_object_ref (annotation));
  if (self->index[kind] != NULL)
    _gloss_span_index_add (self->index[kind], annotation);
  if (kind == GLOSS_KIND_ENTITY || kind == GLOSS_KIND_RELATION)
    position = _gloss_annotation_list_insert (list, annotation);
  else
    position = G_MAXUINT;   /* found in the index, when someone is told */
  index_mention (self, annotation, +1);

  if (notify)
    {
      if (position == G_MAXUINT)
        position = _gloss_annotation_list_position (list, annotation);
      _gloss_annotation_list_emit (list, position, 0, 1);
      _gloss_store_emit_changed (self, GLOSS_CHANGE_ADDED, annotation);
    }
}

static void
take_out_annotation (GlossStore      *self,
                     GlossAnnotation *annotation)
{
  GlossAnnotationKind kind = gloss_annotation_get_kind (annotation);
  GlossAnnotationList *list = self->lists[kind];
  guint position;

  /* The id table may hold the last reference: keep it for the signals. */
  g_object_ref (annotation);

  if (kind == GLOSS_KIND_ENTITY || kind == GLOSS_KIND_RELATION)
    position = _gloss_annotation_list_remove (list, annotation);
  else
    position = _gloss_annotation_list_position (list, annotation);
  if (self->index[kind] != NULL)
    _gloss_span_index_remove (self->index[kind], annotation);
  index_mention (self, annotation, -1);
  g_hash_table_remove (self->by_id, gloss_annotation_get_id (annotation));
  _gloss_annotation_set_store (annotation, NULL);

  _gloss_annotation_list_emit (list, position, 1, 0);
  _gloss_store_emit_changed (self, GLOSS_CHANGE_REMOVED, annotation);
  g_object_unref (annotation);
}

static void
change_annotation (GlossStore      *self,
                   GlossAnnotation *annotation,
                   GlossAnnotation *state)
{
  GlossAnnotationKind kind = gloss_annotation_get_kind (annotation);
  GlossAnnotationList *list = self->lists[kind];
  guint old_position, new_position;

  old_position = _gloss_annotation_list_position (list, annotation);
  if (self->index[kind] != NULL)
    _gloss_span_index_remove (self->index[kind], annotation);
  index_mention (self, annotation, -1);

  _gloss_annotation_assign (annotation, state);

  if (self->index[kind] != NULL)
    _gloss_span_index_add (self->index[kind], annotation);
  index_mention (self, annotation, +1);
  new_position = _gloss_annotation_list_position (list, annotation);

  /* The list is already in its final state, so a "removed here, added
   * there" pair would describe an intermediate list that never existed:
   * one emission covers every position between the old and the new. */
  {
    guint from = MIN (old_position, new_position);
    guint n = MAX (old_position, new_position) - from + 1;

    _gloss_annotation_list_emit (list, from, n, n);
  }
  _gloss_store_emit_changed (self, GLOSS_CHANGE_MODIFIED, annotation);
}

static void
apply_op (GlossStore *self,
          const Op   *op,
          gboolean    forward)
{
  switch (op->kind)
    {
    case OP_ADD:
      if (forward)
        _gloss_store_insert_annotation (self, op->annotation, TRUE);
      else
        take_out_annotation (self, op->annotation);
      break;
    case OP_REMOVE:
      if (forward)
        take_out_annotation (self, op->annotation);
      else
        _gloss_store_insert_annotation (self, op->annotation, TRUE);
      break;
    case OP_CHANGE:
      change_annotation (self, op->annotation, forward ? op->after : op->before);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Records @op in the open group (or a group of its own) and applies it. */
void
_gloss_store_do_op (GlossStore      *self,
                    OpKind           kind,
                    GlossAnnotation *annotation,
                    GlossAnnotation *before,
                    GlossAnnotation *after,
                    const char      *label)
{
  Op op = { kind, g_object_ref (annotation),
            before ? g_object_ref (before) : NULL,
            after ? g_object_ref (after) : NULL };
  gboolean own_group = self->open_group == NULL;

  if (own_group)
    gloss_store_begin_group (self, label);

  g_array_append_val (self->open_group->ops, op);
  apply_op (self, &op, TRUE);

  if (own_group)
    gloss_store_end_group (self);
}

/* History */

/**
 * gloss_store_begin_group:
 * @label: (nullable): what the group does, shown as "Undo @label"
 *
 * Starts a group of edits that undo and redo as one step. Groups nest:
 * only the outermost one counts.
 */
void
gloss_store_begin_group (GlossStore *self,
                         const char *label)
{
  g_return_if_fail (GLOSS_IS_STORE (self));

  if (self->group_depth++ == 0)
    self->open_group = group_new (label);
}

void
gloss_store_end_group (GlossStore *self)
{
  Group *group;

  g_return_if_fail (GLOSS_IS_STORE (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;

  group = g_steal_pointer (&self->open_group);
  if (group->ops->len == 0 && group->outside == NULL)
    {
      _gloss_store_group_free (group);
      return;
    }

  if (self->undo->len < self->saved_depth)
    self->saved_reachable = FALSE;
  g_ptr_array_set_size (self->redo, 0);
  g_ptr_array_add (self->undo, group);
  _gloss_store_update_state (self);
  _gloss_store_emit_edited (self, group->label, GLOSS_EDIT_DO);
}

gboolean
gloss_store_can_undo (GlossStore *self)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  return self->undo->len > 0 && self->group_depth == 0;
}

gboolean
gloss_store_can_redo (GlossStore *self)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  return self->redo->len > 0 && self->group_depth == 0;
}

/**
 * gloss_store_get_undo_label:
 *
 * Returns: (nullable): what undo would undo
 */
const char *
gloss_store_get_undo_label (GlossStore *self)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  if (self->undo->len == 0)
    return NULL;
  return ((Group *)g_ptr_array_index (self->undo, self->undo->len - 1))->label;
}

/**
 * gloss_store_get_redo_label:
 *
 * Returns: (nullable): what redo would redo
 */
const char *
gloss_store_get_redo_label (GlossStore *self)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  if (self->redo->len == 0)
    return NULL;
  return ((Group *)g_ptr_array_index (self->redo, self->redo->len - 1))->label;
}

/**
 * gloss_store_add_outside_step:
 * @label: (nullable): what the step does, when it is a group of its own
 * @func: takes the step back, and does it again
 * @data: (transfer full): for @func, freed by @destroy with the history
 *
 * Records in the open group (or a group of its own, named @label) a step
 * the caller has just made outside the store: a project remembering that a
 * suggestion was rejected. Undo and redo call @func. A step made only of
 * such changes does not make the document modified, and the journal
 * writes no line for it: what it changed is kept elsewhere.
 */
void
gloss_store_add_outside_step (GlossStore            *self,
                              const char            *label,
                              GlossStoreOutsideFunc  func,
                              gpointer               data,
                              GDestroyNotify         destroy)
{
  Outside *outside;
  gboolean own_group;

  g_return_if_fail (GLOSS_IS_STORE (self));
  g_return_if_fail (func != NULL);

  outside = g_new (Outside, 1);
  *outside = (Outside) { func, data, destroy };
  own_group = self->open_group == NULL;
  if (own_group)
    gloss_store_begin_group (self, label);
  if (self->open_group->outside == NULL)
    self->open_group->outside = g_ptr_array_new_with_free_func (outside_free);
  g_ptr_array_add (self->open_group->outside, outside);
  if (own_group)
    gloss_store_end_group (self);
}

/* Undoes (or redoes, @forward) the outside steps of @group, last first
 * when undoing; on a failure takes back those it did. */
static gboolean
apply_outside (Group     *group,
               gboolean   forward,
               GError   **error)
{
  guint n = group->outside != NULL ? group->outside->len : 0;

  for (guint k = 0; k < n; k++)
    {
      Outside *outside = g_ptr_array_index (group->outside, forward ? k : n - 1 - k);

      if (!outside->func (outside->data, forward, error))
        {
          while (k-- > 0)
            {
              Outside *done = g_ptr_array_index (group->outside, forward ? k : n - 1 - k);

              done->func (done->data, !forward, NULL);
            }
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
gloss_store_undo (GlossStore *self)
{
  return gloss_store_undo_full (self, NULL);
}

gboolean
gloss_store_redo (GlossStore *self)
{
  return gloss_store_redo_full (self, NULL);
}

/**
 * gloss_store_undo_full:
 *
 * Undoes the last step, outside steps (gloss_store_add_outside_step())
 * included.
 *
 * Returns: %FALSE when there is nothing to undo, or with @error set when
 *   an outside step could not be taken back (the step is then still the
 *   one to undo, and nothing changed)
 */
gboolean
gloss_store_undo_full (GlossStore  *self,
                       GError     **error)
{
  Group *group;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);

  if (!gloss_store_can_undo (self))
    return FALSE;

  group = g_ptr_array_index (self->undo, self->undo->len - 1);
  if (!apply_outside (group, FALSE, error))
    return FALSE;
  g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  for (guint i = group->ops->len; i > 0; i--)
    apply_op (self, &g_array_index (group->ops, Op, i - 1), FALSE);
  g_ptr_array_add (self->redo, group);
  _gloss_store_update_state (self);
  _gloss_store_emit_edited (self, group->label, GLOSS_EDIT_UNDO);
  return TRUE;
}

/**
 * gloss_store_redo_full:
 *
 * Redoes the last step undone, as gloss_store_undo_full() undoes.
 *
 * Returns: %FALSE when there is nothing to redo, or with @error set
 */
gboolean
gloss_store_redo_full (GlossStore  *self,
                       GError     **error)
{
  Group *group;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);

  if (!gloss_store_can_redo (self))
    return FALSE;

  group = g_ptr_array_index (self->redo, self->redo->len - 1);
  if (!apply_outside (group, TRUE, error))
    return FALSE;
  g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  for (guint i = 0; i < group->ops->len; i++)
    apply_op (self, &g_array_index (group->ops, Op, i), TRUE);
  g_ptr_array_add (self->undo, group);
  _gloss_store_update_state (self);
  _gloss_store_emit_edited (self, group->label, GLOSS_EDIT_REDO);
  return TRUE;
}

void
gloss_store_clear_history (GlossStore *self)
{
  g_return_if_fail (GLOSS_IS_STORE (self));

  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->saved_depth = 0;
  _gloss_store_update_state (self);
}

/* Steps that change only what lies outside the store, between the saved
 * one and now, leave the document as saved. */
gboolean
gloss_store_get_modified (GlossStore *self)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);

  if (self->schema_changed || !self->saved_reachable)
    return TRUE;
  /* Done since the save: on the undo stack above it. */
  for (guint i = self->saved_depth; i < self->undo->len; i++)
    if (changes_document (g_ptr_array_index (self->undo, i)))
      return TRUE;
  /* Undone since: on top of the redo stack, the last undone on top. */
  for (guint k = 0; self->undo->len + k < self->saved_depth; k++)
    if (k >= self->redo->len || changes_document (g_ptr_array_index (self->redo, self->redo->len - 1 - k)))
      return TRUE;
  return FALSE;
}

void
gloss_store_mark_saved (GlossStore *self)
{
  g_return_if_fail (GLOSS_IS_STORE (self));

  self->saved_depth = self->undo->len;
  self->saved_reachable = TRUE;
  self->schema_changed = FALSE;
  _gloss_store_update_state (self);
}
