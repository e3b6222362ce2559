/* gloss-project-suggestions.c: the second article is faster than the first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document opened in a project is offered, as suggestions, every name
 * and alias of the registry's entities, every text the annotator tagged
 * before, and the schema's "patterns". Suggestions live outside the store
 * (they are not annotations until accepted, and never reach a dataset);
 * accepting one adds a mention linked to the registry's entity as an
 * ordinary undoable edit; rejecting one is remembered in the annotator's
 * lexicon, written at once, and is a step of the document's undo history
 * whose undo and redo write the lexicon again.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-edits.h"
#include "gloss-error.h"
#include "gloss-mention.h"
#include "gloss-project-private.h"

/* Builds the matcher the first time, and again after the registry or the
 * lexicon changed. */
static GlossMatcher *
build_matcher (GlossProject  *self,
               GError       **error)
{
  g_autoptr(GlossMatcher) matcher = gloss_matcher_new ();
  GlossRegistry *registry = gloss_project_get_registry (self, error);
  GlossLexicon *lexicon;
  JsonObject *extra;
  GListModel *entities;
  GHashTableIter iter;
  gpointer key, value;

  if (registry == NULL || (lexicon = _gloss_project_get_lexicon (self, error)) == NULL)
    return NULL;

  entities = gloss_registry_get_entities (registry);
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(GlossRegistryEntity) e = g_list_model_get_item (entities, i);
      const char * const *aliases = gloss_registry_entity_get_aliases (e);
      const char *type = gloss_registry_entity_get_type_id (e);
      const char *id = gloss_registry_entity_get_id (e);

      gloss_matcher_add (matcher, gloss_registry_entity_get_name (e), type, id, GLOSS_SUGGESTION_REGISTRY);
      for (guint j = 0; aliases[j] != NULL; j++)
        gloss_matcher_add (matcher, aliases[j], type, id, GLOSS_SUGGESTION_REGISTRY);
    }

  g_hash_table_iter_init (&iter, lexicon->tagged);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GlossLexiconEntry *entry = value;
      GlossRegistryEntity *e = entry->entity ? gloss_registry_lookup (registry, entry->entity) : NULL;

      gloss_matcher_add (matcher, key, e ? gloss_registry_entity_get_type_id (e) : entry->type,
                         e ? gloss_registry_entity_get_id (e) : NULL, GLOSS_SUGGESTION_TAGGED);
    }

  extra = gloss_schema_get_extra (gloss_project_get_schema (self));
  if (extra != NULL && !gloss_matcher_add_patterns (matcher, json_object_get_member (extra, "patterns"), error))
    return NULL;
  return g_steal_pointer (&matcher);
}

/* A match that is only the start of a longer capitalised name ("Kim" in
 * "Admiral Kim Myong Sik"): the word after it, past only spaces, starts
 * with a capital letter. The word before is not looked at: titles and
 * sentence starts come before whole names ("President Putin"). See
 * docs/decisions.md. */
static gboolean
inside_longer_name (const char            *text,
                    gsize                  n_bytes,
                    const GlossSuggestion *s)
{
  const char *p = text + s->end;
  const char *end = text + n_bytes;

  if (p == end || (*p != ' ' && *p != '\t'))
    return FALSE;
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  return p < end && g_unichar_isupper (g_utf8_get_char_validated (p, end - p));
}

static const char *
target_of (const GlossSuggestion *suggestion)
{
  return suggestion->entity ? suggestion->entity : suggestion->type;
}

/**
 * gloss_project_suggest:
 * @store: the document's annotations as they are now
 *
 * Returns: (transfer full) (nullable) (element-type GlossSuggestion): the
 *   suggestions that overlap no mention and were not rejected, in text order
 */
GArray *
gloss_project_suggest (GlossProject          *self,
                       GlossProjectDocument  *document,
                       GlossStore            *store,
                       GError               **error)
{
  GlossMatcher *matcher;
  GlossLexicon *lexicon;
  GlossDocument *doc;
  GArray *found;
  guint kept = 0;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (GLOSS_IS_PROJECT_DOCUMENT (document), NULL);
  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);

  if ((matcher = _gloss_project_get_matcher (self, build_matcher, error)) == NULL ||
      (lexicon = _gloss_project_get_lexicon (self, error)) == NULL)
    return NULL;

  doc = gloss_store_get_document (store);
  found = gloss_matcher_run (matcher, gloss_document_get_text (doc), gloss_document_get_n_bytes (doc));
  for (guint i = 0; i < found->len; i++)
    {
      GlossSuggestion *s = &g_array_index (found, GlossSuggestion, i);
      g_autoptr(GArray) hits = gloss_store_query_range (store, s->start, s->end, GLOSS_KIND_MASK (GLOSS_KIND_MENTION));
      g_autofree char *key = _gloss_lexicon_rejection_key (gloss_project_document_get_id (document),
                                                           s->start, s->end, target_of (s));

      if (hits->len > 0 || g_hash_table_contains (lexicon->rejected, key) ||
          inside_longer_name (gloss_document_get_text (doc), gloss_document_get_n_bytes (doc), s))
        continue;
      g_array_index (found, GlossSuggestion, kept++) = *s;
    }
  g_array_set_size (found, kept);
  return found;
}

/* Adds or removes the rejection @key and writes the lexicon, as the
 * registry's edits are written through: a failed write takes it back.
 * *@changed: whether the lexicon held it the other way. */
static gboolean
set_rejected (GlossProject  *self,
              const char    *key,
              gboolean       rejected,
              gboolean      *changed,
              GError       **error)
{
  GlossLexicon *lexicon = _gloss_project_get_lexicon (self, error);

  *changed = FALSE;
  if (lexicon == NULL)
    return FALSE;
  if (rejected == g_hash_table_contains (lexicon->rejected, key))
    return TRUE;
  if (rejected)
    g_hash_table_add (lexicon->rejected, g_strdup (key));
  else
    g_hash_table_remove (lexicon->rejected, key);
  if (!_gloss_project_save_lexicon (self, error))
    {
      if (rejected)
        g_hash_table_remove (lexicon->rejected, key);
      else
        g_hash_table_add (lexicon->rejected, g_strdup (key));
      return FALSE;
    }
  *changed = TRUE;
  return TRUE;
}

typedef struct
{
  GlossProject *project;
  char         *key;
} Rejection;

static void
rejection_free (gpointer data)
{
  Rejection *rejection = data;

  g_object_unref (rejection->project);
  g_free (rejection->key);
  g_free (rejection);
}

/* Undo (@forward FALSE) forgets the rejection, redo remembers it again. */
static gboolean
rejection_step (gpointer   data,
                gboolean   forward,
                GError   **error)
{
  Rejection *rejection = data;
  gboolean changed;

  return set_rejected (rejection->project, rejection->key, forward, &changed, error);
}

/**
 * gloss_project_reject:
 * @store: the document's annotations, whose undo history takes the step
 * @suggestion: one of gloss_project_suggest() for @document and @store
 *
 * Remembers in the annotator's lexicon, written at once, that @suggestion
 * is not to be offered again, as a step of @store's undo history ("Reject
 * “Kim”"): undoing it forgets the rejection (written at once too), redoing
 * it remembers it again. The document itself is not modified.
 *
 * Returns: %FALSE with @error set when the lexicon cannot be written
 *   (nothing is remembered then)
 */
gboolean
gloss_project_reject (GlossProject           *self,
                      GlossProjectDocument   *document,
                      GlossStore             *store,
                      const GlossSuggestion  *suggestion,
                      GError                **error)
{
  g_autofree char *key = NULL;
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  Rejection *rejection;
  gboolean changed;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_PROJECT_DOCUMENT (document), FALSE);
  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (suggestion != NULL, FALSE);

  key = _gloss_lexicon_rejection_key (gloss_project_document_get_id (document),
                                      suggestion->start, suggestion->end, target_of (suggestion));
  if (!set_rejected (self, key, TRUE, &changed, error))
    return FALSE;
  /* Rejected already: no step that would undo nothing. */
  if (!changed)
    return TRUE;

  text = gloss_edit_short_text (gloss_store_get_document (store), suggestion->start, suggestion->end);
  /* Translators: an undo step, "Reject “Kim Jong Un”" */
  label = g_strdup_printf (_("Reject “%s”"), text);
  rejection = g_new (Rejection, 1);
  rejection->project = g_object_ref (self);
  rejection->key = g_steal_pointer (&key);
  gloss_store_add_outside_step (store, label, rejection_step, rejection, rejection_free);
  return TRUE;
}

/* The store's entity for the registry entity @id, added if missing. */
static GlossEntity *
ensure_entity (GlossRegistry  *registry,
               GlossStore     *store,
               const char     *id,
               GError        **error)
{
  GlossRegistryEntity *r = gloss_registry_lookup (registry, id);
  GlossAnnotation *existing;
  g_autoptr(GlossEntity) fresh = NULL;

  if (r == NULL)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "the project has no entity “%s” any more", id);
      return NULL;
    }
  existing = gloss_store_lookup (store, gloss_registry_entity_get_id (r));
  if (existing != NULL && GLOSS_IS_ENTITY (existing))
    return GLOSS_ENTITY (existing);
  fresh = gloss_registry_make_entity (registry, r);
  if (!gloss_store_add (store, GLOSS_ANNOTATION (fresh), error))
    return NULL;
  return fresh; /* the store holds it */
}

/* @local: the entity made for suggestions without a registry entity,
 * shared by the ones of the same text accepted together. */
static gboolean
accept_one (GlossProject           *self,
            GlossStore             *store,
            const GlossSuggestion  *suggestion,
            GlossEntity           **local,
            GError                **error)
{
  GlossSpan span = { suggestion->start, suggestion->end };
  g_autoptr(GlossMention) mention = gloss_mention_new (suggestion->type, &span, 1);
  GlossEntity *entity = NULL;

  if (suggestion->entity != NULL)
    {
      GlossRegistry *registry = gloss_project_get_registry (self, error);

      if (registry == NULL || (entity = ensure_entity (registry, store, suggestion->entity, error)) == NULL)
        return FALSE;
    }
  else if (*local != NULL)
    entity = *local;
  else
    {
      g_autofree char *name = gloss_document_dup_slice (gloss_store_get_document (store),
                                                        suggestion->start, suggestion->end);
      g_autoptr(GlossEntity) fresh = gloss_entity_new (suggestion->type, name);

      if (!gloss_store_add (store, GLOSS_ANNOTATION (fresh), error))
        return FALSE;
      entity = *local = fresh;
    }
  gloss_mention_set_entity (mention, entity);
  return gloss_store_add (store, GLOSS_ANNOTATION (mention), error);
}

/**
 * gloss_project_accept:
 * @suggestions: (element-type GlossSuggestion): from gloss_project_suggest()
 * @index: the one to accept
 * @all_of_target: also every other suggestion of the same entity (or,
 *   without one, of the same type and text)
 *
 * Adds the mentions, linked to the registry's entity, as one undoable step.
 *
 * Returns: how many were accepted; 0 with @error set on failure
 */
guint
gloss_project_accept (GlossProject  *self,
                      GlossStore    *store,
                      GArray        *suggestions,
                      guint          index,
                      gboolean       all_of_target,
                      GError       **error)
{
  const GlossSuggestion *chosen;
  g_autofree char *chosen_text = NULL;
  g_autofree char *short_text = NULL;
  g_autofree char *label = NULL;
  GlossDocument *document;
  GlossEntity *local = NULL;
  guint accepted = 0;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), 0);
  g_return_val_if_fail (GLOSS_IS_STORE (store), 0);
  g_return_val_if_fail (suggestions != NULL && index < suggestions->len, 0);

  document = gloss_store_get_document (store);
  chosen = &g_array_index (suggestions, GlossSuggestion, index);
  chosen_text = gloss_document_dup_slice (document, chosen->start, chosen->end);

  short_text = gloss_edit_short_text (document, chosen->start, chosen->end);
  /* Translators: undo steps, "Accept “Kim Jong Un”" (the suggestion at
   * the caret) and "Accept Every “Kim Jong Un”" (all of its entity) */
  label = g_strdup_printf (all_of_target ? _("Accept Every “%s”") : _("Accept “%s”"), short_text);
  gloss_store_begin_group (store, label);
  for (guint i = 0; i < suggestions->len; i++)
    {
      const GlossSuggestion *s = &g_array_index (suggestions, GlossSuggestion, i);

      if (i != index)
        {
          if (!all_of_target || s->type != chosen->type || s->entity != chosen->entity)
            continue;
          if (s->entity == NULL)
            {
              g_autofree char *text = gloss_document_dup_slice (document, s->start, s->end);

              if (!g_str_equal (text, chosen_text))
                continue;
            }
        }
      if (!accept_one (self, store, s, &local, error))
        {
          /* Take back what this step did so far. */
          gloss_store_end_group (store);
          if (accepted > 0 || local != NULL)
            gloss_store_undo (store);
          return 0;
        }
      accepted++;
    }
  gloss_store_end_group (store);
  return accepted;
}
