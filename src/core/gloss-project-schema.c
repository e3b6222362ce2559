/* gloss-project-schema.c: one schema for every document of a project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The project's schema (in project.json) is the one the user edits; each
 * document carries a copy, so that its .gloss works alone. A document is
 * brought up to date when opened: the project's types in the project's
 * order, with their names, colours, keys and descriptions; types only the
 * document has (an import's) stay, after them.
 */
#include "config.h"

#include "gloss-project.h"

static gboolean
same_strv (const char * const *a,
           const char * const *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || *a == NULL) && (b == NULL || *b == NULL);
  return g_strv_equal (a, b);
}

static gboolean
set_string (GlossLabel  *label,
            const char  *have,
            const char  *want,
            void       (*set) (GlossLabel *, const char *))
{
  if (g_strcmp0 (have, want) == 0)
    return FALSE;
  set (label, want);
  return TRUE;
}

/* Sets what @to says differently from @from; TRUE if anything changed. */
static gboolean
update_label (GlossLabel *to,
              GlossLabel *from)
{
  gboolean changed = FALSE;

  changed |= set_string (to, gloss_label_get_name (to), gloss_label_get_name (from), gloss_label_set_name);
  changed |= set_string (to, gloss_label_get_color (to), gloss_label_get_color (from), gloss_label_set_color);
  changed |= set_string (to, gloss_label_get_key (to), gloss_label_get_key (from), gloss_label_set_key);
  changed |= set_string (to, gloss_label_get_description (to), gloss_label_get_description (from),
                         gloss_label_set_description);
  if (!same_strv (gloss_label_get_from (to), gloss_label_get_from (from)))
    {
      gloss_label_set_from (to, gloss_label_get_from (from));
      changed = TRUE;
    }
  if (!same_strv (gloss_label_get_to (to), gloss_label_get_to (from)))
    {
      gloss_label_set_to (to, gloss_label_get_to (from));
      changed = TRUE;
    }
  return changed;
}

static JsonNode *
object_node (JsonObject *object)
{
  return object != NULL ? json_node_init_object (json_node_alloc (), object) : NULL;
}

/* The schema's other members ("patterns") as the project has them. */
static gboolean
update_extra (GlossSchema *schema,
              GlossSchema *project)
{
  g_autoptr(JsonNode) want = object_node (gloss_schema_get_extra (project));
  g_autoptr(JsonNode) have = object_node (gloss_schema_get_extra (schema));
  g_autoptr(JsonNode) copy = NULL;

  if (want == NULL || (have != NULL && json_node_equal (want, have)))
    return FALSE;
  copy = json_node_copy (want);
  gloss_schema_set_extra (schema, json_node_get_object (copy));
  return TRUE;
}

static gboolean
update_kind (GlossSchema    *schema,
             GlossSchema    *project,
             GlossLabelKind  kind)
{
  GListModel *labels = gloss_schema_get_labels (project, kind);
  GListModel *have = gloss_schema_get_labels (schema, kind);
  gboolean changed = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(GlossLabel) label = g_list_model_get_item (labels, i);
      GlossLabel *mine = gloss_schema_lookup (schema, kind, gloss_label_get_id (label));
      g_autoptr(GlossLabel) at = NULL;

      if (mine == NULL)
        {
          g_autoptr(GlossLabel) copy = gloss_label_copy (label);

          /* The id is free (looked up above): adding cannot fail. */
          gloss_schema_add (schema, copy, i, NULL);
          changed = TRUE;
          continue;
        }
      changed |= update_label (mine, label);
      at = g_list_model_get_item (have, i);
      if (at != mine)
        {
          gloss_schema_move (schema, mine, i);
          changed = TRUE;
        }
    }
  return changed;
}

/**
 * gloss_project_apply_schema:
 * @store: a document of the project
 *
 * Brings @store's schema in line with the project's: types added, renamed,
 * recoloured, rekeyed and put in the project's order; attributes the
 * project has added; the project's patterns. Types only the document has
 * are kept. Emits the schema's ::changed when anything changed.
 *
 * Returns: whether the document's schema changed
 */
gboolean
gloss_project_apply_schema (GlossProject *self,
                            GlossStore   *store)
{
  GlossSchema *project;
  GlossSchema *schema;
  GListModel *attributes;
  gboolean changed = FALSE;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);

  project = gloss_project_get_schema (self);
  schema = gloss_store_get_schema (store);
  if (project == schema)
    return FALSE;
  changed |= update_kind (schema, project, GLOSS_LABEL_ENTITY);
  changed |= update_kind (schema, project, GLOSS_LABEL_CLAIM);
  changed |= update_kind (schema, project, GLOSS_LABEL_RELATION);

  attributes = gloss_schema_get_attributes (project);
  for (guint i = 0; i < g_list_model_get_n_items (attributes); i++)
    {
      g_autoptr(GlossAttributeDef) attribute = g_list_model_get_item (attributes, i);

      if (gloss_schema_lookup_attribute (schema, gloss_attribute_def_get_id (attribute)) == NULL)
        {
          g_autoptr(GlossAttributeDef) copy = gloss_attribute_def_copy (attribute);

          changed |= gloss_schema_add_attribute (schema, copy, NULL);
        }
    }

  changed |= update_extra (schema, project);
  if (changed)
    gloss_schema_notify_changed (schema);
  return changed;
}
