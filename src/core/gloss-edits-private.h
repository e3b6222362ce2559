/* gloss-edits-private.h: what the files of the edit commands share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-edits.h"

G_BEGIN_DECLS

/* FALSE (GLOSS_STORE_ERROR_STATE) when @annotation left @store. */
gboolean _gloss_edit_check_in_store    (GlossStore       *store,
                                        GlossAnnotation  *annotation,
                                        GError          **error);
/* Opens the group of one undoable step (gloss_store_end_group() closes it),
 * labelled @format: what the undo toast says. */
void     _gloss_edit_begin             (GlossStore       *store,
                                        const char       *format,
                                        ...) G_GNUC_PRINTF (2, 3);
/* @annotation replaced by @draft as one step labelled @label (nothing when
 * they are equal). */
gboolean _gloss_edit_replace           (GlossStore       *store,
                                        GlossAnnotation  *annotation,
                                        GlossAnnotation  *draft,
                                        const char       *label,
                                        GError          **error);
/* Removes @entity (may be NULL) if nothing refers to it any more: inside
 * the group of the edit that orphaned it. */
void     _gloss_edit_remove_if_orphan  (GlossStore       *store,
                                        GlossEntity      *entity);
/* FALSE (GLOSS_STORE_ERROR_EXISTS, a message naming it) when @store
 * holds a relation other than @self (may be NULL) of @type_id from
 * @from to @to. */
gboolean _gloss_edit_check_not_duplicate (GlossStore     *store,
                                          GlossRelation  *self,
                                          const char     *type_id,
                                          GlossEntity    *from,
                                          GlossEntity    *to,
                                          GError        **error);

G_END_DECLS
