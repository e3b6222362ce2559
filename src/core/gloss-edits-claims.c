/* gloss-edits-claims.c: the undoable edits of claims, relations and
 * fragments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-edits-private.h"
#include "gloss-error.h"

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
  _gloss_edit_begin (store, _("Claim “%s” as %s"), text ? text : "",
                     type ? gloss_label_shown_name (type) : type_id);
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

  if (!_gloss_edit_check_in_store (store, annotation, error))
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
  return _gloss_edit_replace (store, annotation, draft, label, error);
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

  if (!_gloss_edit_check_in_store (store, annotation, error))
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
  return _gloss_edit_replace (store, annotation, draft, label, error);
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

  if (!_gloss_edit_check_in_store (store, GLOSS_ANNOTATION (claim), error))
    return FALSE;
  draft = gloss_annotation_copy (GLOSS_ANNOTATION (claim));
  gloss_claim_set_claimant (GLOSS_CLAIM (draft), claimant);
  /* Translators: an undoable step: Claimant “Kim Jong Un” */
  label = g_strdup_printf (_("Claimant “%s”"), claimant ? gloss_entity_get_name (claimant) : _("Author"));
  return _gloss_edit_replace (store, GLOSS_ANNOTATION (claim), draft, label, error);
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

  if (!_gloss_edit_check_in_store (store, GLOSS_ANNOTATION (claim), error))
    return FALSE;
  draft = gloss_annotation_copy (GLOSS_ANNOTATION (claim));
  gloss_claim_set_certainty (GLOSS_CLAIM (draft), certainty);
  return _gloss_edit_replace (store, GLOSS_ANNOTATION (claim), draft, _("Change Certainty"), error);
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

  if (!_gloss_edit_check_in_store (store, GLOSS_ANNOTATION (claim), error))
    return FALSE;
  draft = gloss_annotation_copy (GLOSS_ANNOTATION (claim));
  if (about)
    gloss_claim_add_about (GLOSS_CLAIM (draft), entity);
  else
    gloss_claim_remove_about (GLOSS_CLAIM (draft), entity);
  /* Translators: undoable steps: About “Ukraine”, Not About “Ukraine” */
  label = g_strdup_printf (about ? _("About “%s”") : _("Not About “%s”"), gloss_entity_get_name (entity));
  return _gloss_edit_replace (store, GLOSS_ANNOTATION (claim), draft, label, error);
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
gloss_edit_find_relation (GlossStore  *store,
                          const char  *type_id,
                          GlossEntity *from,
                          GlossEntity *to)
{
  GListModel *relations;
  guint n;

  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);
  g_return_val_if_fail (type_id != NULL, NULL);

  relations = gloss_store_get_list (store, GLOSS_KIND_RELATION);
  n = g_list_model_get_n_items (relations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossRelation) relation = g_list_model_get_item (relations, i);

      if (gloss_relation_get_from (relation) == from && gloss_relation_get_to (relation) == to &&
          g_strcmp0 (gloss_annotation_get_type_id (GLOSS_ANNOTATION (relation)), type_id) == 0)
        return relation;  /* the store holds it */
    }
  return NULL;
}

gboolean
_gloss_edit_check_not_duplicate (GlossStore     *store,
                                 GlossRelation  *self,
                                 const char     *type_id,
                                 GlossEntity    *from,
                                 GlossEntity    *to,
                                 GError        **error)
{
  GlossRelation *existing = gloss_edit_find_relation (store, type_id, from, to);
  GlossLabel *type;

  if (existing == NULL || existing == self)
    return TRUE;
  type = gloss_schema_lookup (gloss_store_get_schema (store), GLOSS_LABEL_RELATION, type_id);
  /* Translators: Vladimir Putin → Kim Jong Un is already “Meets with” */
  g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS, _("%s → %s is already “%s”"),
               gloss_entity_get_name (from), gloss_entity_get_name (to),
               type ? gloss_label_shown_name (type) : type_id);
  return FALSE;
}

GlossRelation *
gloss_edit_new_relation (GlossStore   *store,
                         const char   *type_id,
                         GlossEntity  *from,
                         GlossEntity  *to,
                         GError      **error)
{
  g_autoptr(GlossRelation) relation = NULL;
  GlossLabel *type;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);
  g_return_val_if_fail (type_id != NULL, NULL);
  g_return_val_if_fail (GLOSS_IS_ENTITY (from) && GLOSS_IS_ENTITY (to), NULL);

  if (!_gloss_edit_check_not_duplicate (store, NULL, type_id, from, to, error))
    return NULL;
  type = gloss_schema_lookup (gloss_store_get_schema (store), GLOSS_LABEL_RELATION, type_id);
  relation = gloss_relation_new (type_id, from, to);
  /* Translators: an undoable step: Relate Vladimir Putin → Kim Jong Un (Meets with) */
  _gloss_edit_begin (store, _("Relate %s → %s (%s)"), gloss_entity_get_name (from),
                     gloss_entity_get_name (to), type ? gloss_label_shown_name (type) : type_id);
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

  if (!_gloss_edit_check_in_store (store, GLOSS_ANNOTATION (relation), error) ||
      !_gloss_edit_check_not_duplicate (store, relation,
                                        gloss_annotation_get_type_id (GLOSS_ANNOTATION (relation)),
                                        from, to, error))
    return FALSE;
  draft = gloss_annotation_copy (GLOSS_ANNOTATION (relation));
  gloss_relation_set_from (GLOSS_RELATION (draft), from);
  gloss_relation_set_to (GLOSS_RELATION (draft), to);
  return _gloss_edit_replace (store, GLOSS_ANNOTATION (relation), draft, _("Change Relation Ends"), error);
}
