/* gloss-schema-edits.c: the schema edits Preferences makes: a colour for a
 * new type, and removing a type no annotation uses (in a project: no
 * annotation of any of its documents, counted by gloss-project-type-uses.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-error.h"
#include "gloss-schema-edits.h"

/* The GNOME palette's hues, shades 3 to 5 (paler ones wash out as
 * highlights and dots on a light background), in the order they are
 * preferred on a tie. */
static const char * const gnome_palette[] = {
  "#3584e4", "#1c71d8", "#1a5fb4",
  "#33d17a", "#2ec27e", "#26a269",
  "#f6d32d", "#f5c211", "#e5a50a",
  "#ff7800", "#e66100", "#c64600",
  "#e01b24", "#c01c28", "#a51d2d",
  "#9141ac", "#813d9c", "#613583",
  "#986a44", "#865e3c", "#63452c",
};

typedef struct
{
  double l, a, b;
} Lab;

static double
linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
lab_f (double t)
{
  return t > 216.0 / 24389.0 ? cbrt (t) : (24389.0 / 27.0 * t + 16.0) / 116.0;
}

/* "#rrggbb" (or #rgb) in CIELAB under D65; FALSE if it is not a colour. */
static gboolean
to_lab (const char *hex,
        Lab        *lab)
{
  guint v[3];
  double r, g, b, x, y, z;
  gsize len = hex != NULL ? strlen (hex) : 0;

  if (len < 4 || hex[0] != '#')
    return FALSE;
  for (gsize i = 1; i < len; i++)
    if (!g_ascii_isxdigit (hex[i]))
      return FALSE;
  if (len == 4 || len == 5)
    for (guint i = 0; i < 3; i++)
      v[i] = g_ascii_xdigit_value (hex[1 + i]) * 17;
  else if (len == 7 || len == 9)
    for (guint i = 0; i < 3; i++)
      v[i] = g_ascii_xdigit_value (hex[1 + 2 * i]) * 16 + g_ascii_xdigit_value (hex[2 + 2 * i]);
  else
    return FALSE;

  r = linear (v[0] / 255.0);
  g = linear (v[1] / 255.0);
  b = linear (v[2] / 255.0);
  x = lab_f ((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  y = lab_f (0.2126 * r + 0.7152 * g + 0.0722 * b);
  z = lab_f ((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  lab->l = 116.0 * y - 16.0;
  lab->a = 500.0 * (x - y);
  lab->b = 200.0 * (y - z);
  return TRUE;
}

static double
distance (const Lab *p,
          const Lab *q)
{
  return sqrt ((p->l - q->l) * (p->l - q->l) + (p->a - q->a) * (p->a - q->a) + (p->b - q->b) * (p->b - q->b));
}

const char *
gloss_schema_edit_pick_color (GlossSchema *schema)
{
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (Lab));
  const char *best = gnome_palette[0];
  double best_distance = -1;

  g_return_val_if_fail (GLOSS_IS_SCHEMA (schema), best);

  for (guint kind = 0; kind < GLOSS_N_LABEL_KINDS; kind++)
    {
      GListModel *labels = gloss_schema_get_labels (schema, kind);

      for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
        {
          g_autoptr(GlossLabel) label = g_list_model_get_item (labels, i);
          Lab lab;

          if (to_lab (gloss_label_get_color (label), &lab))
            g_array_append_val (taken, lab);
        }
    }

  for (guint c = 0; c < G_N_ELEMENTS (gnome_palette); c++)
    {
      double nearest = G_MAXDOUBLE;
      Lab lab;

      to_lab (gnome_palette[c], &lab);
      for (guint i = 0; i < taken->len; i++)
        nearest = MIN (nearest, distance (&lab, &g_array_index (taken, Lab, i)));
      if (nearest > best_distance)
        {
          best = gnome_palette[c];
          best_distance = nearest;
        }
    }
  return best;
}

static guint
count_kind (GlossStore          *store,
            GlossAnnotationKind  kind,
            const char          *type_id)
{
  GListModel *list = gloss_store_get_list (store, kind);
  guint n = g_list_model_get_n_items (list);
  guint uses = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (list, i);

      uses += g_strcmp0 (gloss_annotation_get_type_id (annotation), type_id) == 0;
    }
  return uses;
}

guint
gloss_schema_edit_count_type (GlossStore     *store,
                              GlossLabelKind  kind,
                              const char     *type_id)
{
  g_return_val_if_fail (GLOSS_IS_STORE (store), 0);
  g_return_val_if_fail (type_id != NULL, 0);

  switch (kind)
    {
    case GLOSS_LABEL_ENTITY:
      return count_kind (store, GLOSS_KIND_MENTION, type_id) + count_kind (store, GLOSS_KIND_ENTITY, type_id);
    case GLOSS_LABEL_CLAIM:
      return count_kind (store, GLOSS_KIND_CLAIM, type_id);
    case GLOSS_LABEL_RELATION:
      return count_kind (store, GLOSS_KIND_RELATION, type_id);
    case GLOSS_N_LABEL_KINDS:
    default:
      return 0;
    }
}

guint
gloss_schema_edit_count_uses (GlossStore *store,
                              GlossLabel *label)
{
  g_return_val_if_fail (GLOSS_IS_STORE (store), 0);
  g_return_val_if_fail (GLOSS_IS_LABEL (label), 0);

  return gloss_schema_edit_count_type (store, gloss_label_get_kind (label), gloss_label_get_id (label));
}

/* @ends without @id, or NULL when nothing is left. */
static char **
ends_without (const char * const *ends,
              const char         *id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;

  for (guint i = 0; ends != NULL && ends[i] != NULL; i++)
    if (!g_str_equal (ends[i], id))
      g_strv_builder_add (builder, ends[i]);
  kept = g_strv_builder_end (builder);
  return kept[0] != NULL ? g_steal_pointer (&kept) : NULL;
}

static void
forget_entity_type (GlossSchema *schema,
                    const char  *id)
{
  GListModel *relations = gloss_schema_get_labels (schema, GLOSS_LABEL_RELATION);

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(GlossLabel) relation = g_list_model_get_item (relations, i);
      const char * const *from = gloss_label_get_from (relation);
      const char * const *to = gloss_label_get_to (relation);

      if (from != NULL && g_strv_contains (from, id))
        {
          g_auto(GStrv) kept = ends_without (from, id);

          gloss_label_set_from (relation, (const char * const *) kept);
        }
      if (to != NULL && g_strv_contains (to, id))
        {
          g_auto(GStrv) kept = ends_without (to, id);

          gloss_label_set_to (relation, (const char * const *) kept);
        }
    }
}

static gboolean
remove_label (GlossSchema  *schema,
              GlossLabel   *label,
              GError      **error)
{
  /* Held: the schema drops its reference. */
  g_autoptr(GlossLabel) hold = NULL;

  hold = g_object_ref (label);
  if (!gloss_schema_remove (schema, label))
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_TYPE,
                   _("“%s” is not in the schema"), gloss_label_get_id (label));
      return FALSE;
    }
  if (gloss_label_get_kind (label) == GLOSS_LABEL_ENTITY)
    forget_entity_type (schema, gloss_label_get_id (label));
  gloss_schema_notify_changed (schema);
  return TRUE;
}

gboolean
gloss_schema_edit_remove_type (GlossStore  *store,
                               GlossLabel  *label,
                               GError     **error)
{
  guint uses;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (GLOSS_IS_LABEL (label), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  uses = gloss_schema_edit_count_uses (store, label);
  if (uses > 0)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” is used by %u annotation; change or delete it first",
                                "“%s” is used by %u annotations; change or delete them first", uses),
                   gloss_label_shown_name (label), uses);
      return FALSE;
    }
  return remove_label (gloss_store_get_schema (store), label, error);
}

gboolean
gloss_schema_edit_remove_project_type (GlossStore  *store,
                                       GlossLabel  *label,
                                       guint        n_annotations,
                                       guint        n_documents,
                                       GError     **error)
{
  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (GLOSS_IS_LABEL (label), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_annotations > 0)
    {
      /* Two counts, each with its own plural. */
      g_autofree char *in = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          /* TRANSLATORS: the end of "“Event” is used by
                                                           * 3 annotations in 2 documents of the project" */
                                                          "in %u document of the project",
                                                          "in %u documents of the project", n_documents),
                                             n_documents);

      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_IN_USE,
                   /* TRANSLATORS: the first %s is a type's name, the second
                    * "in 2 documents of the project" */
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” is used by %u annotation %s; change or delete it first",
                                "“%s” is used by %u annotations %s; change or delete them first", n_annotations),
                   gloss_label_shown_name (label), n_annotations, in);
      return FALSE;
    }
  /* The open document's annotations are part of the count, but a caller
   * that counted before an edit of the store must not lose them. */
  return gloss_schema_edit_remove_type (store, label, error);
}
