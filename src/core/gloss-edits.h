/* gloss-edits.h: every undoable edit the window makes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each function is one undoable step with a label the undo toast shows:
 * a draft (gloss_annotation_copy) handed to gloss_store_replace, or an add,
 * inside a labelled group. The window's actions, the inspector, the
 * editors and the tests all go through here; a new edit command goes here
 * too, with its test in tests/core/test-edits.c.
 */
#pragma once

#include "gloss-store.h"

G_BEGIN_DECLS

/* Short quoted text of an annotation ("“That’s why we came…”"). */
char          *gloss_edit_describe           (GlossStore       *store,
                                              GlossAnnotation  *annotation);
/* The name a claimant is shown under: the entity's, or "Author". */
const char    *gloss_edit_claimant_name      (GlossClaim       *claim);
/* [start, end) cut to about 40 characters, for labels and messages. */
char          *gloss_edit_short_text         (GlossDocument    *document,
                                              guint             start,
                                              guint             end);

/* Mentions and entities */
/* A mention whose text is exactly [start, end); type_id NULL: any type. */
GlossMention  *gloss_edit_find_mention       (GlossStore       *store,
                                              guint             start,
                                              guint             end,
                                              const char       *type_id);
GlossMention  *gloss_edit_tag                (GlossStore       *store,
                                              const char       *type_id,
                                              guint             start,
                                              guint             end,
                                              GError          **error);
gboolean       gloss_edit_retype             (GlossStore       *store,
                                              GlossMention     *mention,
                                              const char       *type_id,
                                              GError          **error);
gboolean       gloss_edit_tag_all            (GlossStore       *store,
                                              GlossMention     *mention,
                                              guint            *n_added,
                                              GError          **error);
gboolean       gloss_edit_link_entity        (GlossStore       *store,
                                              GlossMention     *mention,
                                              GlossEntity      *entity,
                                              GError          **error);
/* Every mention without an entity gets one by the rule of coreference
 * (same type and name, or same type and text), a new one if none; one
 * step, none when there is nothing to link. */
gboolean       gloss_edit_link_unlinked      (GlossStore       *store,
                                              guint            *n_linked,
                                              guint            *n_created,
                                              GError          **error);
/* @entity is not in @store (a project's entity): a copy of it is added
 * and @mention linked to it, one step. */
gboolean       gloss_edit_link_new_entity    (GlossStore       *store,
                                              GlossMention     *mention,
                                              GlossEntity      *entity,
                                              GError          **error);
gboolean       gloss_edit_rename_entity      (GlossStore       *store,
                                              GlossEntity      *entity,
                                              const char       *name,
                                              GError          **error);
gboolean       gloss_edit_set_kb             (GlossStore       *store,
                                              GlossEntity      *entity,
                                              const char       *kb,
                                              GError          **error);
gboolean       gloss_edit_merge_entities     (GlossStore       *store,
                                              GlossEntity      *entity,
                                              GlossEntity      *other,
                                              GError          **error);
gboolean       gloss_edit_delete             (GlossStore       *store,
                                              GlossAnnotation  *annotation,
                                              GError          **error);

/* Claims and fragments */

GlossClaim    *gloss_edit_new_claim          (GlossStore       *store,
                                              const char       *type_id,
                                              guint             start,
                                              guint             end,
                                              GError          **error);
/* Add [start, end) to the content spans of a mention or claim; spans it
 * overlaps or touches merge into one fragment. */
gboolean       gloss_edit_add_fragment       (GlossStore       *store,
                                              GlossAnnotation  *annotation,
                                              guint             start,
                                              guint             end,
                                              GError          **error);
/* The last fragment cannot go: delete the annotation instead. */
gboolean       gloss_edit_remove_fragment    (GlossStore       *store,
                                              GlossAnnotation  *annotation,
                                              guint             index,
                                              GError          **error);
/* The fragment that contains [start, end), or G_MAXUINT. */
guint          gloss_edit_find_fragment      (GlossAnnotation  *annotation,
                                              guint             start,
                                              guint             end);

gboolean       gloss_edit_set_type           (GlossStore       *store,
                                              GlossAnnotation  *annotation,
                                              const char       *type_id,
                                              GError          **error);
gboolean       gloss_edit_set_note           (GlossStore       *store,
                                              GlossAnnotation  *annotation,
                                              const char       *note,
                                              GError          **error);
gboolean       gloss_edit_set_attribute      (GlossStore       *store,
                                              GlossAnnotation  *annotation,
                                              const char       *attr_id,
                                              JsonNode         *value,
                                              GError          **error);
/* The cue of a claim, the evidence of a relation; n_spans 0 clears. */
gboolean       gloss_edit_set_spans          (GlossStore       *store,
                                              GlossAnnotation  *annotation,
                                              GlossSpanRole     role,
                                              const GlossSpan  *spans,
                                              guint             n_spans,
                                              GError          **error);
/* NULL: the article's author. */
gboolean       gloss_edit_set_claimant       (GlossStore       *store,
                                              GlossClaim       *claim,
                                              GlossEntity      *claimant,
                                              GError          **error);
gboolean       gloss_edit_set_certainty      (GlossStore       *store,
                                              GlossClaim       *claim,
                                              GlossCertainty    certainty,
                                              GError          **error);
gboolean       gloss_edit_set_about          (GlossStore       *store,
                                              GlossClaim       *claim,
                                              GlossEntity      *entity,
                                              gboolean          about,
                                              GError          **error);

/* Relation types whose from/to constraints fit the two entities' types,
 * in schema order (transfer container; the labels belong to the schema). */
GPtrArray     *gloss_edit_fitting_relation_types (GlossSchema  *schema,
                                                  GlossEntity  *from,
                                                  GlossEntity  *to);
/* The relation of @type_id from @from to @to in @store, or NULL
 * (transfer none). */
GlossRelation *gloss_edit_find_relation      (GlossStore       *store,
                                              const char       *type_id,
                                              GlossEntity      *from,
                                              GlossEntity      *to);
/* Refused (GLOSS_STORE_ERROR_EXISTS) when that relation exists already:
 * a second, identical one would say nothing more. */
GlossRelation *gloss_edit_new_relation       (GlossStore       *store,
                                              const char       *type_id,
                                              GlossEntity      *from,
                                              GlossEntity      *to,
                                              GError          **error);
/* Refused the same way when the new ends repeat another relation. */
gboolean       gloss_edit_set_relation_ends  (GlossStore       *store,
                                              GlossRelation    *relation,
                                              GlossEntity      *from,
                                              GlossEntity      *to,
                                              GError          **error);

G_END_DECLS
