/* gloss-edits.c: what every undoable edit shares (labels, the checks, the
 * one-group replace), and the edits of any annotation: type, note,
 * attribute, cue or evidence, delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Mentions and entities are in gloss-edits-entities.c; claims, relations
 * and fragments in gloss-edits-claims.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-edits-private.h"
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

static gboolean
begins_with_quote (const char *text)
{
  gunichar c = g_utf8_get_char (text);

  return c == '"' || c == '\'' || c == 0x201E || c == 0x201A ||
         g_unichar_type (c) == G_UNICODE_INITIAL_PUNCTUATION;
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
    /* A quotation that begins with its own quotation mark is not quoted
     * again (““full support” for…”). */
    if (begins_with_quote (text))
      return g_steal_pointer (&text);
    /* Translators: the text of a mention or claim, quoted */
    return g_strdup_printf (_("“%s”"), text);
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

gboolean
_gloss_edit_replace (GlossStore       *store,
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

gboolean
_gloss_edit_check_in_store (GlossStore       *store,
                GlossAnnotation  *annotation,
                GError          **error)
{
  if (gloss_annotation_get_store (annotation) == store)
    return TRUE;
  g_set_error_literal (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_STATE,
                       _("The annotation is no longer in the document"));
  return FALSE;
}

/* Opens the group of one undoable step, labelled @format. */
void
_gloss_edit_begin (GlossStore *store,
                   const char *format,
                   ...)
{
  g_autofree char *label = NULL;
  va_list args;

  va_start (args, format);
  label = g_strdup_vprintf (format, args);
  va_end (args);
  gloss_store_begin_group (store, label);
}

/* Entities nothing points at any more go with the edit that orphaned them. */
void
_gloss_edit_remove_if_orphan (GlossStore  *store,
                  GlossEntity *entity)
{
  g_autoptr(GPtrArray) referrers = NULL;

  if (entity == NULL || gloss_annotation_get_store (GLOSS_ANNOTATION (entity)) != store)
    return;
  referrers = gloss_store_get_referrers (store, entity);
  if (referrers == NULL || referrers->len == 0)
    gloss_store_remove (store, GLOSS_ANNOTATION (entity), NULL);
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

  if (!_gloss_edit_check_in_store (store, annotation, error))
    return FALSE;
  if (GLOSS_IS_RELATION (annotation) &&
      !_gloss_edit_check_not_duplicate (store, GLOSS_RELATION (annotation), type_id,
                                        gloss_relation_get_from (GLOSS_RELATION (annotation)),
                                        gloss_relation_get_to (GLOSS_RELATION (annotation)), error))
    return FALSE;
  kind = GLOSS_IS_CLAIM (annotation) ? GLOSS_LABEL_CLAIM : GLOSS_LABEL_RELATION;
  type = gloss_schema_lookup (gloss_store_get_schema (store), kind, type_id);
  draft = gloss_annotation_copy (annotation);
  gloss_annotation_set_type_id (draft, type_id);
  /* Translators: an undoable step: Change Type to Quote */
  label = g_strdup_printf (_("Change Type to %s"), type ? gloss_label_shown_name (type) : type_id);
  return _gloss_edit_replace (store, annotation, draft, label, error);
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

  if (!_gloss_edit_check_in_store (store, annotation, error))
    return FALSE;
  if (note != NULL && *note == '\0')
    note = NULL;
  draft = gloss_annotation_copy (annotation);
  gloss_annotation_set_note (draft, note);
  return _gloss_edit_replace (store, annotation, draft, _("Edit Note"), error);
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

  if (!_gloss_edit_check_in_store (store, annotation, error))
    return FALSE;
  draft = gloss_annotation_copy (annotation);
  gloss_annotation_set_attr (draft, attr_id, value);
  /* Translators: an undoable step: Set “negated” */
  label = g_strdup_printf (_("Set “%s”"), attr_id);
  return _gloss_edit_replace (store, annotation, draft, label, error);
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

  if (!_gloss_edit_check_in_store (store, annotation, error))
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
  return _gloss_edit_replace (store, annotation, draft, label, error);
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
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);

  if (!_gloss_edit_check_in_store (store, annotation, error))
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
  _gloss_edit_begin (store, _("Delete “%s”"), text);
  ok = gloss_store_remove (store, annotation, error);
  if (ok)
    _gloss_edit_remove_if_orphan (store, entity);
  gloss_store_end_group (store);
  return ok;
}
