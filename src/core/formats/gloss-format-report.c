/* gloss-format-report.c: what a conversion could not carry, with counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-claim.h"
#include "gloss-entity.h"
#include "gloss-format-report.h"

struct _GlossFormatReport
{
  guint      counts[GLOSS_N_LOSSES];
  GPtrArray *details;
};

/**
 * gloss_format_report_new:
 *
 * Returns: (transfer full): an empty report
 */
GlossFormatReport *
gloss_format_report_new (void)
{
  GlossFormatReport *self = g_new0 (GlossFormatReport, 1);

  self->details = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
gloss_format_report_free (GlossFormatReport *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->details);
  g_free (self);
}

void
gloss_format_report_add (GlossFormatReport *self,
                         GlossLoss          loss,
                         guint              count)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (loss < GLOSS_N_LOSSES);

  self->counts[loss] += count;
}

void
gloss_format_report_add_detail (GlossFormatReport *self,
                                const char        *format,
                                ...)
{
  va_list args;

  g_return_if_fail (self != NULL);

  va_start (args, format);
  g_ptr_array_add (self->details, g_strdup_vprintf (format, args));
  va_end (args);
}

guint
gloss_format_report_get_count (GlossFormatReport *self,
                               GlossLoss          loss)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (loss < GLOSS_N_LOSSES, 0);

  return self->counts[loss];
}

gboolean
gloss_format_report_is_empty (GlossFormatReport *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  for (guint i = 0; i < GLOSS_N_LOSSES; i++)
    if (self->counts[i] > 0)
      return FALSE;
  return TRUE;
}

/**
 * gloss_format_report_get_details:
 * @self: a report
 *
 * Returns: (transfer none) (element-type utf8): one line per place where
 *   something was lost, in the order they were met
 */
GPtrArray *
gloss_format_report_get_details (GlossFormatReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->details;
}

/**
 * gloss_format_report_summary:
 * @self: a report
 *
 * Returns: (transfer full) (nullable): the counts as one phrase, such as
 *   "2 claims, 1 relation", or %NULL when nothing was lost
 */
static char *
phrase (GlossLoss loss,
        guint     n)
{
  switch (loss)
    {
    case GLOSS_LOSS_MENTIONS:
      return g_strdup_printf (ngettext ("%u mention", "%u mentions", n), n);
    case GLOSS_LOSS_FRAGMENTS:
      return g_strdup_printf (ngettext ("%u annotation of several fragments",
                                        "%u annotations of several fragments", n), n);
    case GLOSS_LOSS_COREFERENCE:
      return g_strdup_printf (ngettext ("%u entity (coreference)", "%u entities (coreference)", n), n);
    case GLOSS_LOSS_KB:
      return g_strdup_printf (ngettext ("%u knowledge-base id", "%u knowledge-base ids", n), n);
    case GLOSS_LOSS_CLAIMS:
      return g_strdup_printf (ngettext ("%u claim", "%u claims", n), n);
    case GLOSS_LOSS_RELATIONS:
      return g_strdup_printf (ngettext ("%u relation", "%u relations", n), n);
    case GLOSS_LOSS_ATTRIBUTES:
      return g_strdup_printf (ngettext ("%u annotation with attributes",
                                        "%u annotations with attributes", n), n);
    case GLOSS_LOSS_NOTES:
      return g_strdup_printf (ngettext ("%u note", "%u notes", n), n);
    case GLOSS_LOSS_TITLES:
      return g_strdup_printf (ngettext ("the title and language of %u document",
                                        "the titles and languages of %u documents", n), n);
    case GLOSS_LOSS_SPACING:
      return g_strdup_printf (ngettext ("the spacing of %u document's text",
                                        "the spacing of %u documents' texts", n), n);
    case GLOSS_LOSS_EVIDENCE:
      return g_strdup_printf (ngettext ("the evidence of %u relation",
                                        "the evidence of %u relations", n), n);
    case GLOSS_LOSS_CLAIM_PARTS:
      return g_strdup_printf (ngettext ("the claimant or an entity of %u claim",
                                        "the claimants or entities of %u claims", n), n);
    case GLOSS_LOSS_OTHER:
    case GLOSS_N_LOSSES:
    default:
      return g_strdup_printf (ngettext ("%u other item", "%u other items", n), n);
    }
}

char *
gloss_format_report_summary (GlossFormatReport *self)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  if (gloss_format_report_is_empty (self))
    return NULL;

  out = g_string_new (NULL);
  for (guint i = 0; i < GLOSS_N_LOSSES; i++)
    if (self->counts[i] > 0)
      {
        g_autofree char *words = phrase (i, self->counts[i]);

        /* Translators: the separator between "2 claims" and "1 relation" */
        g_string_append_printf (out, "%s%s", out->len > 0 ? _(", ") : "", words);
      }

  return g_string_free (out, FALSE);
}

static gboolean
kind_carried (GlossAnnotationKind kind,
              GlossFormatCarries  carries)
{
  static const GlossFormatCarries needs[] = {
    [GLOSS_KIND_MENTION] = GLOSS_CARRIES_MENTIONS,
    [GLOSS_KIND_ENTITY] = GLOSS_CARRIES_ENTITIES,
    [GLOSS_KIND_CLAIM] = GLOSS_CARRIES_CLAIMS,
    [GLOSS_KIND_RELATION] = GLOSS_CARRIES_RELATIONS,
  };

  return kind < G_N_ELEMENTS (needs) && (carries & needs[kind]) != 0;
}

static gboolean
has_fragments (GlossAnnotation *annotation)
{
  guint n_content, n_cue;

  gloss_annotation_get_spans (annotation, GLOSS_ROLE_CONTENT, &n_content);
  gloss_annotation_get_spans (annotation, GLOSS_ROLE_CUE, &n_cue);
  return n_content > 1 || n_cue > 1;
}

/**
 * gloss_format_report_count_store:
 * @self: a report
 * @store: a document's annotations
 * @carries: what the format holds
 *
 * Adds what @store holds that the format leaves out. Annotations of a kind
 * the format does not carry count once, as that kind; the attributes,
 * notes and fragments of the kinds it does carry count on their own.
 */
void
gloss_format_report_count_store (GlossFormatReport  *self,
                                 GlossStore         *store,
                                 GlossFormatCarries  carries)
{
  static const GlossLoss kind_loss[] = {
    [GLOSS_KIND_MENTION] = GLOSS_LOSS_MENTIONS,
    [GLOSS_KIND_ENTITY] = GLOSS_LOSS_COREFERENCE,
    [GLOSS_KIND_CLAIM] = GLOSS_LOSS_CLAIMS,
    [GLOSS_KIND_RELATION] = GLOSS_LOSS_RELATIONS,
  };

  GlossDocument *document;

  g_return_if_fail (self != NULL);
  g_return_if_fail (GLOSS_IS_STORE (store));

  document = gloss_store_get_document (store);
  if ((carries & GLOSS_CARRIES_TITLE) == 0 &&
      (gloss_document_get_title (document) != NULL || gloss_document_get_language (document) != NULL))
    self->counts[GLOSS_LOSS_TITLES]++;
  if ((carries & GLOSS_CARRIES_SPACING) == 0)
    self->counts[GLOSS_LOSS_SPACING]++;

  for (GlossAnnotationKind kind = GLOSS_KIND_MENTION; kind <= GLOSS_KIND_RELATION; kind++)
    {
      GListModel *list = gloss_store_get_list (store, kind);
      guint n = g_list_model_get_n_items (list);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GlossAnnotation) a = g_list_model_get_item (list, i);
          JsonObject *attrs;
          const char *note;

          if (kind == GLOSS_KIND_ENTITY && (carries & GLOSS_CARRIES_KB) == 0 &&
              gloss_entity_get_kb (GLOSS_ENTITY (a)) != NULL)
            self->counts[GLOSS_LOSS_KB]++;

          if (!kind_carried (kind, carries))
            {
              self->counts[kind_loss[kind]]++;
              continue;
            }

          attrs = gloss_annotation_get_attrs (a);
          note = gloss_annotation_get_note (a);
          if ((carries & GLOSS_CARRIES_ATTRIBUTES) == 0 && attrs != NULL && json_object_get_size (attrs) > 0)
            self->counts[GLOSS_LOSS_ATTRIBUTES]++;
          if ((carries & GLOSS_CARRIES_NOTES) == 0 && note != NULL && *note != '\0')
            self->counts[GLOSS_LOSS_NOTES]++;
          if ((carries & GLOSS_CARRIES_FRAGMENTS) == 0 && has_fragments (a))
            self->counts[GLOSS_LOSS_FRAGMENTS]++;
        }
    }
}
