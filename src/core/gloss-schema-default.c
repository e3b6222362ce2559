/* gloss-schema-default.c: the news-analysis schema (DESIGN §5), and its
 * types' names as an interface shows them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-schema.h"

typedef struct
{
  const char *id;
  const char *name;
  const char *color;
  const char *key;
  const char *from;
  const char *to;
  const char *description;
} DefaultLabel;

/* DESIGN §5: the news-analysis schema. Entity colours from the GNOME
 * palette; claim colours (docs/decisions.md) are hues no entity type has,
 * at least ΔE 20 from each in light and dark styles, since a claim's
 * dashes run through the tints of the mentions it contains. */
static const DefaultLabel default_entities[] = {
  { "PER", N_("Person"), "#3584e4", "1", NULL, NULL, N_("A named or described person") },
  { "ORG", N_("Organization"), "#9141ac", "2", NULL, NULL, N_("Companies, agencies, armies, parties, institutions") },
  { "GPE", N_("Country/region/city"), "#2ec27e", "3", NULL, NULL, N_("Geo-political entities: countries, regions, cities") },
  { "LOC", N_("Other location"), "#1a9e8f", "4", NULL, NULL, N_("Places that are not political units: seas, mountains, regions") },
  { "FAC", N_("Facility"), "#986a44", "5", NULL, NULL, N_("Buildings, bases, ports, spaceports, roads") },
  { "EQP", N_("Equipment"), "#e01b24", "6", NULL, NULL, N_("Weapons, vehicles, spacecraft and other equipment") },
  { "EVT", N_("Event"), "#ff7800", "7", NULL, NULL, N_("Named events: wars, summits, launches") },
  { "DATE", N_("Date/time"), "#c88800", "8", NULL, NULL, N_("Dates, times and durations") },
  { "QTY", N_("Quantity"), "#c061cb", "9", NULL, NULL, N_("Numbers with units, money, percentages") },
};

static const DefaultLabel default_claims[] = {
  { "assertion", N_("Assertion"), "#5e5c64", NULL, NULL, NULL, N_("A statement presented as fact") },
  { "quote", N_("Quote"), "#23607a", NULL, NULL, NULL, N_("Words reported as said or written by the claimant") },
  { "denial", N_("Denial"), "#c01c6b", NULL, NULL, NULL, N_("The claimant rejects a statement") },
  { "prediction", N_("Prediction"), "#1c3f78", NULL, NULL, NULL, N_("A statement about the future") },
  { "threat", N_("Threat/warning"), "#8b1f4f", NULL, NULL, NULL, N_("A threat or a warning") },
  { "promise", N_("Promise"), "#5b8c00", NULL, NULL, NULL, N_("A commitment or vow") },
};

static const DefaultLabel default_relations[] = {
  { "member_of", N_("Member of"), "#3584e4", NULL, "PER", "ORG", N_("A person belongs to an organization") },
  { "leader_of", N_("Leader of"), "#9141ac", NULL, "PER", "ORG GPE", N_("A person leads an organization or a country") },
  { "located_in", N_("Located in"), "#2ec27e", NULL, "PER ORG FAC EQP EVT LOC GPE", "GPE LOC FAC", N_("Something is in a place") },
  { "meets_with", N_("Meets with"), "#ff7800", NULL, "PER", "PER", N_("Two people meet") },
  { "supplies", N_("Supplies"), "#e01b24", NULL, "PER ORG GPE", "EQP", N_("Provides equipment") },
  { "sanctions", N_("Sanctions"), "#a51d2d", NULL, "ORG GPE", "PER ORG GPE", N_("Imposes sanctions on") },
  { "allied_with", N_("Allied with"), "#26a269", NULL, "ORG GPE", "ORG GPE", N_("An alliance between two parties") },
};

static void
add_defaults (GlossSchema        *self,
              GlossLabelKind      kind,
              const DefaultLabel *labels,
              guint               n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossLabel) label = gloss_label_new (kind, labels[i].id, labels[i].name, labels[i].color);

      gloss_label_set_key (label, labels[i].key);
      gloss_label_set_description (label, labels[i].description);
      if (labels[i].from != NULL)
        {
          g_auto(GStrv) from = g_strsplit (labels[i].from, " ", -1);
          g_auto(GStrv) to = g_strsplit (labels[i].to, " ", -1);

          gloss_label_set_from (label, (const char * const *)from);
          gloss_label_set_to (label, (const char * const *)to);
        }
      gloss_schema_add (self, label, -1, NULL);
    }
}

/**
 * gloss_schema_new_default:
 *
 * Returns: (transfer full): the news-analysis schema of DESIGN §5
 */
GlossSchema *
gloss_schema_new_default (void)
{
  GlossSchema *self = gloss_schema_new ();
  g_autoptr(GlossAttributeDef) level = gloss_attribute_def_new ("level", GLOSS_ATTRIBUTE_ENUM);
  g_autoptr(GlossAttributeDef) negated = gloss_attribute_def_new ("negated", GLOSS_ATTRIBUTE_BOOL);
  static const char * const applies_mention[] = { "mention", NULL };
  static const char * const applies_claim[] = { "claim", NULL };
  static const char * const levels[] = { "name", "nominal", "pronoun", NULL };

  add_defaults (self, GLOSS_LABEL_ENTITY, default_entities, G_N_ELEMENTS (default_entities));
  add_defaults (self, GLOSS_LABEL_CLAIM, default_claims, G_N_ELEMENTS (default_claims));
  add_defaults (self, GLOSS_LABEL_RELATION, default_relations, G_N_ELEMENTS (default_relations));

  gloss_attribute_def_set_name (level, "Mention level");
  gloss_attribute_def_set_applies_to (level, applies_mention);
  gloss_attribute_def_set_values (level, levels);
  gloss_schema_add_attribute (self, level, NULL);

  gloss_attribute_def_set_name (negated, "Negated");
  gloss_attribute_def_set_applies_to (negated, applies_claim);
  gloss_schema_add_attribute (self, negated, NULL);

  return self;
}

static const DefaultLabel *
default_label_of (GlossLabel *label)
{
  static const struct {
    const DefaultLabel *labels;
    guint n;
  } tables[GLOSS_N_LABEL_KINDS] = {
    [GLOSS_LABEL_ENTITY] = { default_entities, G_N_ELEMENTS (default_entities) },
    [GLOSS_LABEL_CLAIM] = { default_claims, G_N_ELEMENTS (default_claims) },
    [GLOSS_LABEL_RELATION] = { default_relations, G_N_ELEMENTS (default_relations) },
  };
  GlossLabelKind kind = gloss_label_get_kind (label);
  const char *id = gloss_label_get_id (label);

  if ((guint)kind >= GLOSS_N_LABEL_KINDS)
    return NULL;
  for (guint i = 0; i < tables[kind].n; i++)
    if (g_strcmp0 (id, tables[kind].labels[i].id) == 0)
      return &tables[kind].labels[i];
  return NULL;
}

/**
 * gloss_label_shown_name:
 * @label: a label
 *
 * The name an interface shows for @label: a type of the default schema
 * that keeps its English name is shown in the interface's language; any
 * other as it is named (by its id when it has no name). Files, exports and
 * the command line keep the name as it is, so that two annotators of one
 * project write the same schema whatever their language.
 *
 * Returns: (transfer none): the name to show
 */
const char *
gloss_label_shown_name (GlossLabel *label)
{
  const DefaultLabel *known;
  const char *name;

  g_return_val_if_fail (GLOSS_IS_LABEL (label), NULL);

  name = gloss_label_get_name (label);
  known = default_label_of (label);
  if (known != NULL && g_strcmp0 (name, known->name) == 0)
    return _(known->name);
  return name != NULL ? name : gloss_label_get_id (label);
}

/**
 * gloss_label_shown_description:
 * @label: a label
 *
 * As gloss_label_shown_name () for the label's description.
 *
 * Returns: (transfer none) (nullable): the description to show
 */
const char *
gloss_label_shown_description (GlossLabel *label)
{
  const DefaultLabel *known;
  const char *description;

  g_return_val_if_fail (GLOSS_IS_LABEL (label), NULL);

  description = gloss_label_get_description (label);
  known = default_label_of (label);
  if (known != NULL && description != NULL && g_strcmp0 (description, known->description) == 0)
    return _(known->description);
  return description;
}
