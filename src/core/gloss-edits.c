/* gloss-edits.c: every undoable edit the window makes: tagging, entities,
 * claims, relations, fragments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "gloss-coreference.h"
#include "gloss-edits.h"
#include "gloss-error.h"

#define SHORT_TEXT 40

/**
 * gloss_edit_short_text:
 *
 * The text of [@start, @end), cut to about 40 characters with an
 * ellipsis, for undo labels and messages.
 *
 * Returns: (transfer full): the text
 */
char *
gloss_edit_short_text (GlossDocument *document,
                       guint          start,
                       guint          end)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);

  if (end - start > SHORT_TEXT)
    {
      g_autofree char *head = gloss_document_dup_slice (document, start, start + SHORT_TEXT - 2);

      return g_strconcat (g_strstrip (head), "…", NULL);
    }
  text = gloss_document_dup_slice (document, start, end);
  return g_steal_pointer (&text);
}

char *
gloss_edit_describe (GlossStore      *store,
                     GlossAnnotation *annotation)
{
  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), NULL);

  if (GLOSS_IS_RELATION (annotation))
    {
      GlossEntity *from = gloss_relation_get_from (GLOSS_RELATION (annotation));
      GlossEntity *to = gloss_relation_get_to (GLOSS_RELATION (annotation));

      return g_strdup_printf ("%s → %s", from ? gloss_entity_get_name (from) : "?",
                              to ? gloss_entity_get_name (to) : "?");
    }
  if (GLOSS_IS_ENTITY (annotation))
    return g_strdup (gloss_entity_get_name (GLOSS_ENTITY (annotation)));
  if (gloss_annotation_get_start (annotation) == G_MAXUINT)
    return g_strdup ("");
  {
    const GlossSpan *spans;
    guint n;
    g_autofree char *text = NULL;

    spans = gloss_annotation_get_spans (annotation, GLOSS_ROLE_CONTENT, &n);
    text = gloss_edit_short_text (gloss_store_get_document (store), spans[0].start, spans[0].end);
    return g_strdup_printf ("“%s”", text);
  }
}

const char *
gloss_edit_claimant_name (GlossClaim *claim)
{
  GlossEntity *claimant;

  g_return_val_if_fail (GLOSS_IS_CLAIM (claim), NULL);

  claimant = gloss_claim_get_claimant (claim);
  /* Translators: the claimant of a claim with none: the article's author */
  return claimant ? gloss_entity_get_name (claimant) : _("Author");
}

static gboolean
replace_in_group (GlossStore       *store,
                  GlossAnnotation  *annotation,
                  GlossAnnotation  *draft,
                  const char       *label,
                  GError          **error)
{
  gboolean ok;

  if (gloss_annotation_equal (annotation, draft))
    return TRUE;
  gloss_store_begin_group (store, label);
  ok = gloss_store_replace (store, annotation, draft, error);
  gloss_store_end_group (store);
  return ok;
}

static gboolean
check_in_store (GlossStore       *store,
                GlossAnnotation  *annotation,
                GError          **error)
{
  if (gloss_annotation_get_store (annotation) == store)
    return TRUE;
  g_set_error_literal (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_STATE,
                       _("The annotation is no longer in the document"));
  return FALSE;
}

GlossClaim *
gloss_edit_new_claim (GlossStore  *store,
                      const char  *type_id,
                      guint        start,
                      guint        end,
                      GError     **error)
{
  GlossSpan span = { start, end };
  g_autoptr(GlossClaim) claim = NULL;
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  GlossLabel *type;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);

  if (type_id == NULL)
    {
      GListModel *types = gloss_schema_get_labels (gloss_store_get_schema (store), GLOSS_LABEL_CLAIM);
      g_autoptr(GlossLabel) first = g_list_model_get_item (types, 0);

      if (first == NULL)
        {
          g_set_error_literal (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_TYPE,
                               _("The schema has no claim types; add one in Preferences"));
          return NULL;
        }
      type_id = gloss_label_get_id (first);
    }
  type = gloss_schema_lookup (gloss_store_get_schema (store), GLOSS_LABEL_CLAIM, type_id);

  claim = gloss_claim_new (type_id, &span, 1);
  if (start < end && end <= gloss_document_get_length (gloss_store_get_document (store)))
    text = gloss_edit_short_text (gloss_store_get_document (store), start, end);
  /* Translators: an undoable step: Claim “That’s why we came here.” as Quote */
  label = g_strdup_printf (_("Claim “%s” as %s"), text ? text : "",
                           type ? gloss_label_get_name (type) : type_id);
  gloss_store_begin_group (store, label);
  ok = gloss_store_add (store, GLOSS_ANNOTATION (claim), error);
  gloss_store_end_group (store);
  return ok ? claim : NULL;
}

gboolean
gloss_edit_add_fragment (GlossStore       *store,
                         GlossAnnotation  *annotation,
                         guint             start,
                         guint             end,
                         GError          **error)
{
  g_autoptr(GlossAnnotation) draft = NULL;
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (GlossSpan));
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  const GlossSpan *old;
  GlossSpan added = { start, end };
  guint n;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (GLOSS_IS_MENTION (annotation) || GLOSS_IS_CLAIM (annotation), FALSE);

  if (!check_in_store (store, annotation, error))
    return FALSE;
  if (start >= end || end > gloss_document_get_length (gloss_store_get_document (store)))
    {
      g_set_error_literal (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_SPAN,
                           _("Select the text of the new fragment first"));
      return FALSE;
    }

  /* Merge what the new fragment overlaps or touches. */
  old = gloss_annotation_get_spans (annotation, GLOSS_ROLE_CONTENT, &n);
  for (guint i = 0; i < n; i++)
    {
      if (old[i].end < added.start || old[i].start > added.end)
        g_array_append_val (spans, old[i]);
      else
        {
          added.start = MIN (added.start, old[i].start);
          added.end = MAX (added.end, old[i].end);
        }
    }
  g_array_append_val (spans, added);

  draft = gloss_annotation_copy (annotation);
  gloss_annotation_set_spans (draft, GLOSS_ROLE_CONTENT, &g_array_index (spans, GlossSpan, 0), spans->len);
  text = gloss_edit_short_text (gloss_store_get_document (store), start, end);
  /* Translators: an undoable step: Add Fragment “Kim added,” */
  label = g_strdup_printf (_("Add Fragment “%s”"), text);
  return replace_in_group (store, annotation, draft, label, error);
}

guint
gloss_edit_find_fragment (GlossAnnotation *annotation,
                          guint            start,
                          guint            end)
{
  const GlossSpan *spans;
  guint n;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), G_MAXUINT);

  spans = gloss_annotation_get_spans (annotation, GLOSS_ROLE_CONTENT, &n);
  for (guint i = 0; i < n; i++)
    if (spans[i].start <= start && end <= spans[i].end)
      return i;
  return G_MAXUINT;
}

gboolean
gloss_edit_remove_fragment (GlossStore       *store,
                            GlossAnnotation  *annotation,
                            guint             index,
                            GError          **error)
{
  g_autoptr(GlossAnnotation) draft = NULL;
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (GlossSpan));
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  const GlossSpan *old;
  guint n;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);

  if (!check_in_store (store, annotation, error))
    return FALSE;
  old = gloss_annotation_get_spans (annotation, GLOSS_ROLE_CONTENT, &n);
  if (index >= n)
    {
      g_set_error_literal (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_SPAN,
                           _("There is no such fragment"));
      return FALSE;
    }
  if (n == 1)
    {
      g_set_error_literal (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_SPAN,
                           _("The only fragment cannot be removed; delete the annotation instead"));
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    if (i != index)
      g_array_append_val (spans, old[i]);
  text = gloss_edit_short_text (gloss_store_get_document (store), old[index].start, old[index].end);
  draft = gloss_annotation_copy (annotation);
  gloss_annotation_set_spans (draft, GLOSS_ROLE_CONTENT, &g_array_index (spans, GlossSpan, 0), spans->len);
  /* Translators: an undoable step: Remove Fragment “Kim added,” */
  label = g_strdup_printf (_("Remove Fragment “%s”"), text);
  return replace_in_group (store, annotation, draft, label, error);
}

gboolean
gloss_edit_set_type (GlossStore       *store,
                     GlossAnnotation  *annotation,
                     const char       *type_id,
                     GError          **error)
{
  g_autoptr(GlossAnnotation) draft = NULL;
  g_autofree char *label = NULL;
  GlossLabelKind kind;
  GlossLabel *type;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (GLOSS_IS_CLAIM (annotation) || GLOSS_IS_RELATION (annotation), FALSE);
  g_return_val_if_fail (type_id != NULL, FALSE);

  if (!check_in_store (store, annotation, error))
    return FALSE;
  kind = GLOSS_IS_CLAIM (annotation) ? GLOSS_LABEL_CLAIM : GLOSS_LABEL_RELATION;
  type = gloss_schema_lookup (gloss_store_get_schema (store), kind, type_id);
  draft = gloss_annotation_copy (annotation);
  gloss_annotation_set_type_id (draft, type_id);
  /* Translators: an undoable step: Change Type to Quote */
  label = g_strdup_printf (_("Change Type to %s"), type ? gloss_label_get_name (type) : type_id);
  return replace_in_group (store, annotation, draft, label, error);
}

gboolean
gloss_edit_set_note (GlossStore       *store,
                     GlossAnnotation  *annotation,
                     const char       *note,
                     GError          **error)
{
  g_autoptr(GlossAnnotation) draft = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);

  if (!check_in_store (store, annotation, error))
    return FALSE;
  if (note != NULL && *note == '\0')
    note = NULL;
  draft = gloss_annotation_copy (annotation);
  gloss_annotation_set_note (draft, note);
  return replace_in_group (store, annotation, draft, _("Edit Note"), error);
}

gboolean
gloss_edit_set_attribute (GlossStore       *store,
                          GlossAnnotation  *annotation,
                          const char       *attr_id,
                          JsonNode         *value,
                          GError          **error)
{
  g_autoptr(GlossAnnotation) draft = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);
  g_return_val_if_fail (attr_id != NULL, FALSE);

  if (!check_in_store (store, annotation, error))
    return FALSE;
  draft = gloss_annotation_copy (annotation);
  gloss_annotation_set_attr (draft, attr_id, value);
  /* Translators: an undoable step: Set “negated” */
  label = g_strdup_printf (_("Set “%s”"), attr_id);
  return replace_in_group (store, annotation, draft, label, error);
}

gboolean
gloss_edit_set_spans (GlossStore       *store,
                      GlossAnnotation  *annotation,
                      GlossSpanRole     role,
                      const GlossSpan  *spans,
                      guint             n_spans,
                      GError          **error)
{
  g_autoptr(GlossAnnotation) draft = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail ((role == GLOSS_ROLE_CUE && GLOSS_IS_CLAIM (annotation)) ||
                        (role == GLOSS_ROLE_EVIDENCE && GLOSS_IS_RELATION (annotation)), FALSE);

  if (!check_in_store (store, annotation, error))
    return FALSE;
  draft = gloss_annotation_copy (annotation);
  gloss_annotation_set_spans (draft, role, spans, n_spans);
  if (n_spans == 0)
    label = g_strdup (role == GLOSS_ROLE_CUE ? _("Clear Cue") : _("Clear Evidence"));
  else
    {
      g_autofree char *text = gloss_edit_short_text (gloss_store_get_document (store),
                                           spans[0].start, spans[0].end);

      /* Translators: undoable steps: Set Cue “added”, Set Evidence “…” */
      label = g_strdup_printf (role == GLOSS_ROLE_CUE ? _("Set Cue “%s”") : _("Set Evidence “%s”"), text);
    }
  return replace_in_group (store, annotation, draft, label, error);
}

gboolean
gloss_edit_set_claimant (GlossStore   *store,
                         GlossClaim   *claim,
                         GlossEntity  *claimant,
                         GError      **error)
{
  g_autoptr(GlossAnnotation) draft = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (GLOSS_IS_CLAIM (claim), FALSE);
  g_return_val_if_fail (claimant == NULL || GLOSS_IS_ENTITY (claimant), FALSE);

  if (!check_in_store (store, GLOSS_ANNOTATION (claim), error))
    return FALSE;
  draft = gloss_annotation_copy (GLOSS_ANNOTATION (claim));
  gloss_claim_set_claimant (GLOSS_CLAIM (draft), claimant);
  /* Translators: an undoable step: Claimant “Kim Jong Un” */
  label = g_strdup_printf (_("Claimant “%s”"), claimant ? gloss_entity_get_name (claimant) : _("Author"));
  return replace_in_group (store, GLOSS_ANNOTATION (claim), draft, label, error);
}

gboolean
gloss_edit_set_certainty (GlossStore      *store,
                          GlossClaim      *claim,
                          GlossCertainty   certainty,
                          GError         **error)
{
  g_autoptr(GlossAnnotation) draft = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (GLOSS_IS_CLAIM (claim), FALSE);

  if (!check_in_store (store, GLOSS_ANNOTATION (claim), error))
    return FALSE;
  draft = gloss_annotation_copy (GLOSS_ANNOTATION (claim));
  gloss_claim_set_certainty (GLOSS_CLAIM (draft), certainty);
  return replace_in_group (store, GLOSS_ANNOTATION (claim), draft, _("Change Certainty"), error);
}

gboolean
gloss_edit_set_about (GlossStore   *store,
                      GlossClaim   *claim,
                      GlossEntity  *entity,
                      gboolean      about,
                      GError      **error)
{
  g_autoptr(GlossAnnotation) draft = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (GLOSS_IS_CLAIM (claim), FALSE);
  g_return_val_if_fail (GLOSS_IS_ENTITY (entity), FALSE);

  if (!check_in_store (store, GLOSS_ANNOTATION (claim), error))
    return FALSE;
  draft = gloss_annotation_copy (GLOSS_ANNOTATION (claim));
  if (about)
    gloss_claim_add_about (GLOSS_CLAIM (draft), entity);
  else
    gloss_claim_remove_about (GLOSS_CLAIM (draft), entity);
  /* Translators: undoable steps: About “Ukraine”, Not About “Ukraine” */
  label = g_strdup_printf (about ? _("About “%s”") : _("Not About “%s”"), gloss_entity_get_name (entity));
  return replace_in_group (store, GLOSS_ANNOTATION (claim), draft, label, error);
}

GPtrArray *
gloss_edit_fitting_relation_types (GlossSchema *schema,
                                   GlossEntity *from,
                                   GlossEntity *to)
{
  GListModel *types;
  GPtrArray *result = g_ptr_array_new ();
  const char *from_type, *to_type;
  guint n;

  g_return_val_if_fail (GLOSS_IS_SCHEMA (schema), result);

  from_type = from ? gloss_annotation_get_type_id (GLOSS_ANNOTATION (from)) : NULL;
  to_type = to ? gloss_annotation_get_type_id (GLOSS_ANNOTATION (to)) : NULL;
  types = gloss_schema_get_labels (schema, GLOSS_LABEL_RELATION);
  n = g_list_model_get_n_items (types);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossLabel) type = g_list_model_get_item (types, i);

      if (gloss_label_allows (type, from_type, to_type))
        g_ptr_array_add (result, type);
    }
  return result;
}

GlossRelation *
gloss_edit_new_relation (GlossStore   *store,
                         const char   *type_id,
                         GlossEntity  *from,
                         GlossEntity  *to,
                         GError      **error)
{
  g_autoptr(GlossRelation) relation = NULL;
  g_autofree char *label = NULL;
  GlossLabel *type;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);
  g_return_val_if_fail (type_id != NULL, NULL);
  g_return_val_if_fail (GLOSS_IS_ENTITY (from) && GLOSS_IS_ENTITY (to), NULL);

  type = gloss_schema_lookup (gloss_store_get_schema (store), GLOSS_LABEL_RELATION, type_id);
  relation = gloss_relation_new (type_id, from, to);
  /* Translators: an undoable step: Relate Vladimir Putin → Kim Jong Un (Meets with) */
  label = g_strdup_printf (_("Relate %s → %s (%s)"), gloss_entity_get_name (from),
                           gloss_entity_get_name (to), type ? gloss_label_get_name (type) : type_id);
  gloss_store_begin_group (store, label);
  ok = gloss_store_add (store, GLOSS_ANNOTATION (relation), error);
  gloss_store_end_group (store);
  return ok ? relation : NULL;
}

gboolean
gloss_edit_set_relation_ends (GlossStore     *store,
                              GlossRelation  *relation,
                              GlossEntity    *from,
                              GlossEntity    *to,
                              GError        **error)
{
  g_autoptr(GlossAnnotation) draft = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (GLOSS_IS_RELATION (relation), FALSE);
  g_return_val_if_fail (GLOSS_IS_ENTITY (from) && GLOSS_IS_ENTITY (to), FALSE);

  if (!check_in_store (store, GLOSS_ANNOTATION (relation), error))
    return FALSE;
  draft = gloss_annotation_copy (GLOSS_ANNOTATION (relation));
  gloss_relation_set_from (GLOSS_RELATION (draft), from);
  gloss_relation_set_to (GLOSS_RELATION (draft), to);
  return replace_in_group (store, GLOSS_ANNOTATION (relation), draft, _("Change Relation Ends"), error);
}

/* Mentions and entities */

/* The entity of @type_id named @name, else the one the rule of
 * coreference gives [start, end) (docs/decisions.md), else a new one
 * named @new_name. */
static GlossEntity *
ensure_entity (GlossStore  *store,
               const char  *type_id,
               const char  *name,
               guint        start,
               guint        end,
               const char  *new_name,
               GError     **error)
{
  GlossEntity *found = name != NULL ? gloss_coreference_find_named (store, type_id, name) : NULL;
  g_autoptr(GlossEntity) entity = NULL;

  if (found == NULL)
    found = gloss_coreference_find (store, type_id, start, end);
  if (found != NULL)
    return g_object_ref (found);
  entity = gloss_entity_new (type_id, new_name);
  if (!gloss_store_add (store, GLOSS_ANNOTATION (entity), error))
    return NULL;
  return g_steal_pointer (&entity);
}

/**
 * gloss_edit_find_mention:
 * @type_id: (nullable): the type, or %NULL for any
 *
 * Returns: (transfer none) (nullable): a mention whose text is exactly
 *   [@start, @end)
 */
GlossMention *
gloss_edit_find_mention (GlossStore *store,
                         guint       start,
                         guint       end,
                         const char *type_id)
{
  g_autoptr(GArray) hits = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);

  hits = gloss_store_query_range (store, start, end, GLOSS_KIND_MASK (GLOSS_KIND_MENTION));
  for (guint i = 0; hits != NULL && i < hits->len; i++)
    {
      GlossSpanHit *hit = &g_array_index (hits, GlossSpanHit, i);
      GlossAnnotation *annotation = hit->annotation;

      if (gloss_annotation_get_start (annotation) == start &&
          gloss_annotation_get_end (annotation) == end &&
          (type_id == NULL || g_strcmp0 (gloss_annotation_get_type_id (annotation), type_id) == 0))
        return GLOSS_MENTION (annotation);
    }
  return NULL;
}

/* "Putin" inside a tagged "Vladimir Putin" counts as tagged already. */
static gboolean
covered_by_type (GlossStore *store,
                 guint       start,
                 guint       end,
                 const char *type_id)
{
  g_autoptr(GArray) hits = gloss_store_query_range (store, start, end,
                                                    GLOSS_KIND_MASK (GLOSS_KIND_MENTION));

  for (guint i = 0; hits != NULL && i < hits->len; i++)
    {
      GlossSpanHit *hit = &g_array_index (hits, GlossSpanHit, i);

      if (hit->start <= start && hit->end >= end &&
          g_strcmp0 (gloss_annotation_get_type_id (hit->annotation), type_id) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Entities nothing points at any more go with the edit that orphaned them. */
static void
remove_if_orphan (GlossStore  *store,
                  GlossEntity *entity)
{
  g_autoptr(GPtrArray) referrers = NULL;

  if (entity == NULL || gloss_annotation_get_store (GLOSS_ANNOTATION (entity)) != store)
    return;
  referrers = gloss_store_get_referrers (store, entity);
  if (referrers == NULL || referrers->len == 0)
    gloss_store_remove (store, GLOSS_ANNOTATION (entity), NULL);
}

/* A mention of [start, end) linked to @entity, or to the entity of its
 * type and text (a new one if none). Transfer none: the store holds it. */
static GlossMention *
add_mention (GlossStore   *store,
             const char   *type_id,
             guint         start,
             guint         end,
             GlossEntity  *entity,
             GError      **error)
{
  GlossSpan span = { start, end };
  g_autoptr(GlossMention) mention = gloss_mention_new (type_id, &span, 1);
  g_autoptr(GlossEntity) found = NULL;

  if (entity == NULL)
    {
      g_autofree char *name = gloss_document_dup_slice (gloss_store_get_document (store), start, end);

      found = ensure_entity (store, type_id, NULL, start, end, name, error);
      if (found == NULL)
        return NULL;
      entity = found;
    }
  gloss_mention_set_entity (mention, entity);
  if (!gloss_store_add (store, GLOSS_ANNOTATION (mention), error))
    return NULL;
  return mention;
}

static const char *
entity_type_name (GlossStore *store,
                  const char *type_id)
{
  GlossLabel *type = gloss_schema_lookup (gloss_store_get_schema (store), GLOSS_LABEL_ENTITY, type_id);

  return type != NULL ? gloss_label_get_name (type) : type_id;
}

/**
 * gloss_edit_tag:
 * @type_id: an entity type
 *
 * Tags [@start, @end) as a mention of @type_id, linked to the entity of
 * that type and name (a new one if there is none), as one step. A
 * mention of @type_id with exactly that text is returned as it is.
 *
 * Returns: (transfer none) (nullable): the mention
 */
GlossMention *
gloss_edit_tag (GlossStore  *store,
                const char  *type_id,
                guint        start,
                guint        end,
                GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  GlossMention *mention;

  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);
  g_return_val_if_fail (type_id != NULL, NULL);

  if (start >= end || end > gloss_document_get_length (gloss_store_get_document (store)))
    {
      g_set_error_literal (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_SPAN,
                           _("Select some text to tag first"));
      return NULL;
    }
  mention = gloss_edit_find_mention (store, start, end, type_id);
  if (mention != NULL)
    return mention;

  text = gloss_edit_short_text (gloss_store_get_document (store), start, end);
  /* Translators: an undoable step: “Vladimir Putin” as Person */
  label = g_strdup_printf (_("Tag “%s” as %s"), text, entity_type_name (store, type_id));
  gloss_store_begin_group (store, label);
  mention = add_mention (store, type_id, start, end, NULL, error);
  gloss_store_end_group (store);
  return mention;
}

/**
 * gloss_edit_retype:
 *
 * Gives @mention the type @type_id, as one step: it links to the entity of
 * that type with its entity's name (a new one if there is none), and its
 * old entity goes if nothing else refers to it.
 */
gboolean
gloss_edit_retype (GlossStore    *store,
                   GlossMention  *mention,
                   const char    *type_id,
                   GError       **error)
{
  g_autoptr(GlossAnnotation) draft = NULL;
  g_autoptr(GlossEntity) old_entity = NULL;
  g_autoptr(GlossEntity) entity = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  GlossAnnotation *annotation = GLOSS_ANNOTATION (mention);
  GlossDocument *document;
  guint start, end;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (GLOSS_IS_MENTION (mention), FALSE);
  g_return_val_if_fail (type_id != NULL, FALSE);

  if (!check_in_store (store, annotation, error))
    return FALSE;
  if (g_strcmp0 (gloss_annotation_get_type_id (annotation), type_id) == 0)
    return TRUE;

  document = gloss_store_get_document (store);
  start = gloss_annotation_get_start (annotation);
  end = gloss_annotation_get_end (annotation);
  if (gloss_mention_get_entity (mention) != NULL)
    old_entity = g_object_ref (gloss_mention_get_entity (mention));
  name = old_entity != NULL ? g_strdup (gloss_entity_get_name (old_entity))
                            : gloss_document_dup_slice (document, start, end);
  text = gloss_edit_short_text (document, start, end);
  label = g_strdup_printf (_("Tag “%s” as %s"), text, entity_type_name (store, type_id));

  gloss_store_begin_group (store, label);
  draft = gloss_annotation_copy (annotation);
  gloss_annotation_set_type_id (draft, type_id);
  entity = ensure_entity (store, type_id, name, start, end, name, error);
  ok = entity != NULL;
  if (ok)
    {
      gloss_mention_set_entity (GLOSS_MENTION (draft), entity);
      ok = gloss_store_replace (store, annotation, draft, error);
    }
  if (ok)
    remove_if_orphan (store, old_entity);
  gloss_store_end_group (store);
  return ok;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || c == '_';
}

/**
 * gloss_edit_tag_all:
 * @n_added: (out) (optional): how many mentions were added
 *
 * Tags every whole-word occurrence of @mention's text that no mention
 * covers exactly, and no mention of its type covers, with its type and
 * entity, as one step.
 */
gboolean
gloss_edit_tag_all (GlossStore    *store,
                    GlossMention  *mention,
                    guint         *n_added,
                    GError       **error)
{
  g_autofree char *needle = NULL;
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  GlossAnnotation *annotation = GLOSS_ANNOTATION (mention);
  GlossDocument *document;
  GlossEntity *entity;
  const char *haystack, *p;
  const char *type_id;
  gsize needle_len;
  guint added = 0;
  guint start, end;
  gboolean ok = TRUE;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (GLOSS_IS_MENTION (mention), FALSE);

  if (n_added != NULL)
    *n_added = 0;
  if (!check_in_store (store, annotation, error))
    return FALSE;

  document = gloss_store_get_document (store);
  start = gloss_annotation_get_start (annotation);
  end = gloss_annotation_get_end (annotation);
  type_id = gloss_annotation_get_type_id (annotation);
  entity = gloss_mention_get_entity (mention);
  needle = gloss_document_dup_slice (document, start, end);
  needle_len = strlen (needle);
  haystack = gloss_document_get_text (document);
  if (needle_len == 0)
    return TRUE;

  text = gloss_edit_short_text (document, start, end);
  /* Translators: an undoable step: Tag All “Kim” */
  label = g_strdup_printf (_("Tag All “%s”"), text);
  gloss_store_begin_group (store, label);
  for (p = strstr (haystack, needle); p != NULL && ok; p = strstr (p + 1, needle))
    {
      guint s = gloss_document_byte_to_cp (document, p - haystack);
      guint e = s + (end - start);
      const char *after = p + needle_len;

      if (p > haystack && is_word_char (g_utf8_get_char (g_utf8_prev_char (p))))
        continue;
      if (*after != '\0' && is_word_char (g_utf8_get_char (after)))
        continue;
      if (gloss_edit_find_mention (store, s, e, NULL) != NULL || covered_by_type (store, s, e, type_id))
        continue;
      ok = add_mention (store, type_id, s, e, entity, error) != NULL;
      if (ok)
        added++;
    }
  gloss_store_end_group (store);

  if (n_added != NULL)
    *n_added = added;
  return ok;
}

/**
 * gloss_edit_link_entity:
 * @entity: (nullable): the entity, or %NULL to unlink
 *
 * Links @mention to @entity, as one step; its old entity goes if nothing
 * else refers to it.
 */
gboolean
gloss_edit_link_entity (GlossStore    *store,
                        GlossMention  *mention,
                        GlossEntity   *entity,
                        GError       **error)
{
  g_autoptr(GlossAnnotation) draft = NULL;
  g_autoptr(GlossEntity) old = NULL;
  g_autofree char *label = NULL;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (GLOSS_IS_MENTION (mention), FALSE);
  g_return_val_if_fail (entity == NULL || GLOSS_IS_ENTITY (entity), FALSE);

  if (!check_in_store (store, GLOSS_ANNOTATION (mention), error))
    return FALSE;
  if (gloss_mention_get_entity (mention) == entity)
    return TRUE;
  if (gloss_mention_get_entity (mention) != NULL)
    old = g_object_ref (gloss_mention_get_entity (mention));

  draft = gloss_annotation_copy (GLOSS_ANNOTATION (mention));
  gloss_mention_set_entity (GLOSS_MENTION (draft), entity);
  /* Translators: an undoable step: Link to “Kim Jong Un” */
  label = g_strdup_printf (_("Link to “%s”"), entity ? gloss_entity_get_name (entity) : "");
  gloss_store_begin_group (store, label);
  ok = gloss_store_replace (store, GLOSS_ANNOTATION (mention), draft, error);
  if (ok)
    remove_if_orphan (store, old);
  gloss_store_end_group (store);
  return ok;
}

/**
 * gloss_edit_link_new_entity:
 * @entity: an entity that is not in @store, such as a project registry's
 *
 * Adds a copy of @entity and links @mention to it, as one undoable step
 * (its old entity goes if no mention is left to it).
 */
gboolean
gloss_edit_link_new_entity (GlossStore    *store,
                            GlossMention  *mention,
                            GlossEntity   *entity,
                            GError       **error)
{
  g_autoptr(GlossAnnotation) copy = NULL;
  g_autofree char *label = NULL;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (GLOSS_IS_MENTION (mention), FALSE);
  g_return_val_if_fail (GLOSS_IS_ENTITY (entity), FALSE);

  if (!check_in_store (store, GLOSS_ANNOTATION (mention), error))
    return FALSE;
  copy = gloss_annotation_copy (GLOSS_ANNOTATION (entity));
  /* Translators: an undoable step: Link to “Kim Jong Un” */
  label = g_strdup_printf (_("Link to “%s”"), gloss_entity_get_name (entity));
  gloss_store_begin_group (store, label);
  ok = gloss_store_add (store, copy, error) &&
       gloss_edit_link_entity (store, mention, GLOSS_ENTITY (copy), error);
  gloss_store_end_group (store);
  return ok;
}

gboolean
gloss_edit_rename_entity (GlossStore   *store,
                          GlossEntity  *entity,
                          const char   *name,
                          GError      **error)
{
  g_autoptr(GlossAnnotation) draft = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (GLOSS_IS_ENTITY (entity), FALSE);
  g_return_val_if_fail (name != NULL && *name != '\0', FALSE);

  if (!check_in_store (store, GLOSS_ANNOTATION (entity), error))
    return FALSE;
  draft = gloss_annotation_copy (GLOSS_ANNOTATION (entity));
  gloss_entity_set_name (GLOSS_ENTITY (draft), name);
  /* Translators: an undoable step: Rename “Kim” to “Kim Jong Un” */
  label = g_strdup_printf (_("Rename “%s” to “%s”"), gloss_entity_get_name (entity), name);
  return replace_in_group (store, GLOSS_ANNOTATION (entity), draft, label, error);
}

/* @kb: NULL or "" clears it. */
gboolean
gloss_edit_set_kb (GlossStore   *store,
                   GlossEntity  *entity,
                   const char   *kb,
                   GError      **error)
{
  g_autoptr(GlossAnnotation) draft = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (GLOSS_IS_ENTITY (entity), FALSE);

  if (!check_in_store (store, GLOSS_ANNOTATION (entity), error))
    return FALSE;
  if (kb != NULL && *kb == '\0')
    kb = NULL;
  draft = gloss_annotation_copy (GLOSS_ANNOTATION (entity));
  gloss_entity_set_kb (GLOSS_ENTITY (draft), kb);
  return replace_in_group (store, GLOSS_ANNOTATION (entity), draft, _("Set Knowledge Base ID"), error);
}

/**
 * gloss_edit_merge_entities:
 *
 * Everything that refers to @other refers to @entity instead, and @other
 * goes, as one step.
 */
gboolean
gloss_edit_merge_entities (GlossStore   *store,
                           GlossEntity  *entity,
                           GlossEntity  *other,
                           GError      **error)
{
  g_autofree char *label = NULL;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (GLOSS_IS_ENTITY (entity), FALSE);
  g_return_val_if_fail (GLOSS_IS_ENTITY (other), FALSE);
  g_return_val_if_fail (entity != other, FALSE);

  /* Translators: an undoable step: Merge “Kim” into “Kim Jong Un” */
  label = g_strdup_printf (_("Merge “%s” into “%s”"), gloss_entity_get_name (other),
                           gloss_entity_get_name (entity));
  gloss_store_begin_group (store, label);
  ok = gloss_store_merge_entities (store, entity, other, error);
  gloss_store_end_group (store);
  return ok;
}

/**
 * gloss_edit_delete:
 *
 * Removes @annotation, as one step; a mention's entity goes with it if
 * nothing else refers to it.
 */
gboolean
gloss_edit_delete (GlossStore       *store,
                   GlossAnnotation  *annotation,
                   GError          **error)
{
  g_autoptr(GlossEntity) entity = NULL;
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);

  if (!check_in_store (store, annotation, error))
    return FALSE;
  if (GLOSS_IS_MENTION (annotation) && gloss_mention_get_entity (GLOSS_MENTION (annotation)) != NULL)
    entity = g_object_ref (gloss_mention_get_entity (GLOSS_MENTION (annotation)));

  if (GLOSS_IS_RELATION (annotation) || GLOSS_IS_ENTITY (annotation))
    text = gloss_edit_describe (store, annotation);
  else
    text = gloss_edit_short_text (gloss_store_get_document (store),
                                  gloss_annotation_get_start (annotation),
                                  gloss_annotation_get_end (annotation));
  /* Translators: an undoable step: Delete “Kim Jong Un” */
  label = g_strdup_printf (_("Delete “%s”"), text);
  gloss_store_begin_group (store, label);
  ok = gloss_store_remove (store, annotation, error);
  if (ok)
    remove_if_orphan (store, entity);
  gloss_store_end_group (store);
  return ok;
}
