/* gloss-store-checks.c: what the store refuses to add: spans that do not
 * match the text, unknown types, references to nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-annotation-private.h"
#include "gloss-error.h"
#include "gloss-store-private.h"

/* Checks */

gboolean
_gloss_store_check_spans (GlossStore       *self,
                          GlossAnnotation  *annotation,
                          GError          **error)
{
  guint length = gloss_document_get_length (self->document);

  for (guint role = GLOSS_ROLE_CONTENT; role <= GLOSS_ROLE_EVIDENCE; role++)
    {
      const GlossSpan *spans;
      guint n;

      spans = _gloss_annotation_peek_spans (annotation, role, &n);
      for (guint i = 0; i < n; i++)
        {
          if (spans[i].start >= spans[i].end || spans[i].end > length)
            {
              g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_SPAN,
                           "span %u–%u is %s (the text has %u characters)",
                           spans[i].start, spans[i].end,
                           spans[i].start >= spans[i].end ? "empty or reversed" : "past the end of the text",
                           length);
              return FALSE;
            }
          if (n > G_MAXUINT16)
            {
              g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_SPAN,
                           _("too many fragments (%u)"), n);
              return FALSE;
            }
        }
    }

  switch (gloss_annotation_get_kind (annotation))
    {
    case GLOSS_KIND_MENTION:
    case GLOSS_KIND_CLAIM:
      {
        guint n;

        _gloss_annotation_peek_spans (annotation, GLOSS_ROLE_CONTENT, &n);
        if (n == 0)
          {
            g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_SPAN,
                         "a %s needs at least one span",
                         gloss_annotation_kind_to_string (gloss_annotation_get_kind (annotation)));
            return FALSE;
          }
      }
      break;
    case GLOSS_KIND_ENTITY:
    case GLOSS_KIND_RELATION:
    case GLOSS_N_KINDS:
    default:
      break;
    }

  return TRUE;
}

GlossLabelKind
_gloss_store_label_kind_of (GlossAnnotationKind kind)
{
  switch (kind)
    {
    case GLOSS_KIND_CLAIM:
      return GLOSS_LABEL_CLAIM;
    case GLOSS_KIND_RELATION:
      return GLOSS_LABEL_RELATION;
    case GLOSS_KIND_MENTION:
    case GLOSS_KIND_ENTITY:
    case GLOSS_N_KINDS:
    default:
      return GLOSS_LABEL_ENTITY;
    }
}

gboolean
_gloss_store_check_type (GlossStore       *self,
                         GlossAnnotation  *annotation,
                         gboolean          add_unknown,
                         GError          **error)
{
  GlossAnnotationKind kind = gloss_annotation_get_kind (annotation);
  const char *type_id = gloss_annotation_get_type_id (annotation);

  if (type_id == NULL)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_TYPE,
                   "a %s needs a type", gloss_annotation_kind_to_string (kind));
      return FALSE;
    }

  if (gloss_schema_lookup (self->schema, _gloss_store_label_kind_of (kind), type_id) != NULL)
    return TRUE;

  if (add_unknown)
    {
      gloss_schema_ensure (self->schema, _gloss_store_label_kind_of (kind), type_id);
      return TRUE;
    }

  g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_TYPE,
               "the schema has no %s type “%s”",
               kind == GLOSS_KIND_CLAIM ? "claim" : kind == GLOSS_KIND_RELATION ? "relation" : "entity",
               type_id);
  return FALSE;
}

static gboolean
check_entity_ref (GlossStore   *self,
                  GlossEntity  *entity,
                  const char   *what,
                  GError      **error)
{
  if (entity == NULL || gloss_annotation_get_store (GLOSS_ANNOTATION (entity)) == self)
    return TRUE;

  g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_REFERENCE,
               "the %s “%s” is not in this document", what,
               gloss_annotation_get_id (GLOSS_ANNOTATION (entity)) ?: "(new)");
  return FALSE;
}

gboolean
_gloss_store_check_refs (GlossStore       *self,
                         GlossAnnotation  *annotation,
                         GError          **error)
{
  switch (gloss_annotation_get_kind (annotation))
    {
    case GLOSS_KIND_MENTION:
      return check_entity_ref (self, gloss_mention_get_entity (GLOSS_MENTION (annotation)), "entity", error);

    case GLOSS_KIND_CLAIM:
      {
        GlossClaim *claim = GLOSS_CLAIM (annotation);

        if (!check_entity_ref (self, gloss_claim_get_claimant (claim), "claimant", error))
          return FALSE;
        for (guint i = 0; i < gloss_claim_get_n_about (claim); i++)
          if (!check_entity_ref (self, gloss_claim_get_about (claim, i), "entity", error))
            return FALSE;
        return TRUE;
      }

    case GLOSS_KIND_RELATION:
      {
        GlossRelation *relation = GLOSS_RELATION (annotation);

        if (gloss_relation_get_from (relation) == NULL || gloss_relation_get_to (relation) == NULL)
          {
            g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_REFERENCE,
                         _("a relation needs both a “from” and a “to” entity"));
            return FALSE;
          }
        return check_entity_ref (self, gloss_relation_get_from (relation), "entity", error) &&
               check_entity_ref (self, gloss_relation_get_to (relation), "entity", error);
      }

    case GLOSS_KIND_ENTITY:
    case GLOSS_N_KINDS:
    default:
      return TRUE;
    }
}

gboolean
_gloss_store_check_new (GlossStore       *self,
                        GlossAnnotation  *annotation,
                        gboolean          loading,
                        GError          **error)
{
  const char *id = gloss_annotation_get_id (annotation);

  if (gloss_annotation_is_frozen (annotation))
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_STATE,
                   _("the annotation “%s” is already in a document"), id ?: "");
      return FALSE;
    }

  if (id != NULL && g_hash_table_contains (self->by_id, id))
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_DUPLICATE_ID,
                   _("the id “%s” is used twice"), id);
      return FALSE;
    }

  return _gloss_store_check_type (self, annotation, loading, error) &&
         _gloss_store_check_spans (self, annotation, error) &&
         _gloss_store_check_refs (self, annotation, error);
}
