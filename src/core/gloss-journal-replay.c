/* gloss-journal-replay.c: applying a journal's edits to a store, as they
 * were or anchored again on a changed file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "gloss-error.h"
#include "gloss-format-native-private.h"
#include "gloss-journal-lines.h"
#include "gloss-journal-private.h"
#include "gloss-json-reader.h"
#include "gloss-json-writer.h"

#define RECOVER_LABEL "Recover unsaved edits"

/* Replaying */

typedef struct
{
  GlossStore *store;
  gint64      stamp;   /* what the store's clock says while replaying */
  const char *name;
  guint       applied;
} Replay;

static gint64
replay_clock (gpointer data)
{
  return ((Replay *)data)->stamp;
}

static gboolean
replay_error (Replay      *replay,
              const Line  *line,
              GError      *cause,
              GError     **error)
{
  g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_REPLAY,
               _("%s:%u: cannot replay the edit: %s"), replay->name, line->number, cause->message);
  g_error_free (cause);
  return FALSE;
}

/* Makes the store's schema equal to @node, in place: the views hold it. */
static gboolean
apply_schema (GlossSchema  *schema,
              JsonNode     *node,
              const char   *where,
              GError      **error)
{
  g_autoptr(JsonNode) current = gloss_schema_to_json (schema);
  g_autoptr(GlossSchema) wanted = NULL;
  GListModel *list;

  if (json_node_equal (current, node))
    return TRUE;
  wanted = gloss_schema_new_from_json (node, where, error);
  if (wanted == NULL)
    return FALSE;

  for (guint k = 0; k < GLOSS_N_LABEL_KINDS; k++)
    {
      list = gloss_schema_get_labels (schema, k);
      while (g_list_model_get_n_items (list) > 0)
        {
          g_autoptr(GlossLabel) label = g_list_model_get_item (list, 0);
          gloss_schema_remove (schema, label);
        }
      list = gloss_schema_get_labels (wanted, k);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(GlossLabel) label = g_list_model_get_item (list, i);
          gloss_schema_add (schema, label, -1, NULL);
        }
    }
  list = gloss_schema_get_attributes (schema);
  while (g_list_model_get_n_items (list) > 0)
    {
      g_autoptr(GlossAttributeDef) attribute = g_list_model_get_item (list, 0);
      gloss_schema_remove_attribute (schema, attribute);
    }
  list = gloss_schema_get_attributes (wanted);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossAttributeDef) attribute = g_list_model_get_item (list, i);
      gloss_schema_add_attribute (schema, attribute, NULL);
    }
  gloss_schema_set_extra (schema, gloss_schema_get_extra (wanted));
  gloss_schema_notify_changed (schema);
  return TRUE;
}

static gboolean
replay_upsert (Replay        *replay,
               const Line    *line,
               const Change  *change,
               GError       **error)
{
  g_autoptr(GlossAnnotation) draft = NULL;
  g_autofree char *where = g_strdup_printf ("%s:%u", replay->name, line->number);
  GError *local_error = NULL;
  GlossAnnotation *existing;

  draft = _gloss_native_read_annotation (replay->store, change->kind, line->data + change->start,
                                         change->end - change->start, where, &local_error);
  if (draft == NULL)
    return replay_error (replay, line, local_error, error);

  /* Stamps come from the journal, not from the time of recovery. */
  replay->stamp = gloss_annotation_get_modified (draft);
  existing = gloss_store_lookup (replay->store, gloss_annotation_get_id (draft));
  if (existing != NULL && gloss_annotation_get_kind (existing) != change->kind)
    {
      if (!gloss_store_remove (replay->store, existing, &local_error))
        return replay_error (replay, line, local_error, error);
      existing = NULL;
    }
  if (existing != NULL
      ? !gloss_store_replace (replay->store, existing, draft, &local_error)
      : !gloss_store_add (replay->store, draft, &local_error))
    return replay_error (replay, line, local_error, error);
  replay->applied++;
  return TRUE;
}

/* The order in which a line's changes are applied. */
enum { UPSERT_ENTITIES, UPSERT_OTHERS, REMOVE_OTHERS, REMOVE_ENTITIES, N_PHASES };

static gboolean
in_phase (const Change *change,
          guint         phase)
{
  gboolean is_entity = change->kind == GLOSS_KIND_ENTITY;

  switch (phase)
    {
    case UPSERT_ENTITIES: return !change->removed && is_entity;
    case UPSERT_OTHERS: return !change->removed && !is_entity;
    case REMOVE_OTHERS: return change->removed && !is_entity;
    case REMOVE_ENTITIES:
    default: return change->removed && is_entity;
    }
}

/* A line holds the state after the step of everything it touched, in the
 * order touched. Entities first so references resolve, then the others;
 * removals last, and entities' after their referrers, so removing an
 * entity never cascades into changes the journal did not record. */
static gboolean
replay_line (Replay      *replay,
             const Line  *line,
             GError     **error)
{
  if (line->schema != NULL)
    {
      g_autofree char *where = g_strdup_printf ("%s:%u", replay->name, line->number);
      GError *local_error = NULL;

      if (!apply_schema (gloss_store_get_schema (replay->store), line->schema, where, &local_error))
        return replay_error (replay, line, local_error, error);
      replay->applied++;
    }

  for (guint phase = 0; phase < N_PHASES; phase++)
    for (guint i = 0; i < line->changes->len; i++)
      {
        const Change *change = &g_array_index (line->changes, Change, i);

        if (!in_phase (change, phase))
          continue;

        if (change->removed)
          {
            GlossAnnotation *existing = gloss_store_lookup (replay->store, change->id);
            GError *local_error = NULL;

            if (existing == NULL || gloss_annotation_get_kind (existing) != change->kind)
              continue;
            if (!gloss_store_remove (replay->store, existing, &local_error))
              return replay_error (replay, line, local_error, error);
            replay->applied++;
          }
        else if (!replay_upsert (replay, line, change, error))
          return FALSE;
      }
  return TRUE;
}

/**
 * gloss_journal_recover:
 * @store: the store loaded from the file (or text) the journal starts from
 * @journal_file: a journal from gloss_journal_find()
 * @n_edits: (out) (optional): the number of edits replayed
 * @error: return location for a #GLOSS_JOURNAL_ERROR
 *
 * Replays every complete edit of @journal_file into @store as one
 * undoable step, "Recover unsaved edits"; annotations get back the
 * author and times they had. A torn last line (the edit being written at
 * the crash) is ignored. The store's author is kept; its clock is reset
 * to the real time.
 *
 * A #GlossJournal attached to @store journals the recovered state as one
 * line, replacing @journal_file only once the replay succeeded.
 *
 * Returns: %FALSE with @error set, and @store as it was, if the journal
 *   cannot be read, does not belong to @store's text or saved file, or an
 *   edit cannot be applied
 */
gboolean
gloss_journal_recover (GlossStore  *store,
                       GFile       *journal_file,
                       guint       *n_edits,
                       GError     **error)
{
  g_auto(Journal) j = { 0, };
  g_autofree char *author = NULL;
  g_autoptr(JsonNode) schema_before = NULL;
  GlossJournal *journal;
  Replay replay = { store, 0, NULL, 0 };
  GError *local_error = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (journal_file), FALSE);

  if (!_gloss_journal_load (&j, store, journal_file, FALSE, error))
    return FALSE;
  replay.name = j.name;

  journal = _gloss_journal_begin_recovering (store);

  schema_before = gloss_schema_to_json (gloss_store_get_schema (store));
  author = g_strdup (gloss_store_get_author (store));
  gloss_store_set_author (store, NULL);
  gloss_store_set_clock (store, replay_clock, &replay);
  gloss_store_begin_group (store, RECOVER_LABEL);

  for (guint i = 0; i < j.lines->len && local_error == NULL; i++)
    replay_line (&replay, &g_array_index (j.lines, Line, i), &local_error);

  gloss_store_end_group (store);
  gloss_store_set_clock (store, NULL, NULL);
  gloss_store_set_author (store, author);

  if (local_error != NULL)
    {
      if (replay.applied > 0)
        gloss_store_undo (store);
      apply_schema (gloss_store_get_schema (store), schema_before, "schema", NULL);
    }

  if (journal != NULL)
    _gloss_journal_end_recovering (journal, local_error == NULL);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (n_edits != NULL)
    *n_edits = j.lines->len;
  return TRUE;
}

/* Anchored replay: a journal whose base changed */

typedef struct
{
  Replay       replay;
  GHashTable  *renamed;     /* id in the journal → id given here */
  GHashTable  *ours;        /* id in the store → id in the journal, for
                             * what this replay put there */
  GPtrArray   *not_applied; /* char *, for the user */
} Anchoring;

static JsonNode *
read_node (const char *data,
           gsize       length,
           const char *where)
{
  g_autoptr(GlossJsonReader) r = gloss_json_reader_new (data, length, where);

  if (gloss_json_reader_next (r) != GLOSS_JSON_BEGIN_OBJECT)
    return NULL;
  return gloss_json_reader_read_node (r);
}

static gsize
common_suffix (const char *a,
               gsize       a_len,
               const char *b,
               gsize       b_len)
{
  gsize n = 0;

  while (n < a_len && n < b_len && a[a_len - 1 - n] == b[b_len - 1 - n])
    n++;
  return n;
}

static gsize
common_prefix (const char *a,
               gsize       a_len,
               const char *b,
               gsize       b_len)
{
  gsize n = 0;

  while (n < a_len && n < b_len && a[n] == b[n])
    n++;
  return n;
}

/* Finds @span's quote in the document again: where it was if it is still
 * there, else the occurrence whose surroundings match the recorded
 * context best (nearest to where it was on a tie). */
static gboolean
anchor_span (GlossDocument  *document,
             JsonObject     *span,
             JsonObject     *context,
             char          **why)
{
  const char *text = gloss_document_get_text (document);
  gsize n_bytes = gloss_document_get_n_bytes (document);
  const char *quote = json_object_get_string_member_with_default (span, "text", NULL);
  gint64 start = json_object_get_int_member_with_default (span, "start", -1);
  gint64 end = json_object_get_int_member_with_default (span, "end", -1);
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, start, end);
  JsonArray *around = NULL;
  const char *before = "", *after = "";
  gsize quote_len, best_score = 0;
  guint n_best = 0, n_found = 0;
  gint64 best_start = -1, best_distance = G_MAXINT64;

  if (quote == NULL || *quote == '\0' || start < 0 || end < start)
    {
      *why = g_strdup ("the journal does not say which text it marks");
      return FALSE;
    }
  if (end <= gloss_document_get_length (document) &&
      gloss_document_slice_equals (document, start, end, quote, -1))
    return TRUE;

  if (context != NULL && json_object_has_member (context, key) &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (context, key)))
    {
      around = json_object_get_array_member (context, key);
      if (json_array_get_length (around) == 2)
        {
          before = json_array_get_string_element (around, 0);
          after = json_array_get_string_element (around, 1);
        }
    }

  quote_len = strlen (quote);
  for (const char *p = text; (p = g_strstr_len (p, text + n_bytes - p, quote)) != NULL; p++)
    {
      gsize at = p - text;
      gsize score;
      gint64 cp = gloss_document_byte_to_cp (document, at);
      gint64 distance = ABS (cp - start);

      if (!g_utf8_validate (p, 0, NULL) || (at > 0 && (text[at] & 0xC0) == 0x80))
        continue;
      n_found++;
      score = common_suffix (text, at, before, strlen (before)) +
              common_prefix (p + quote_len, n_bytes - at - quote_len, after, strlen (after));
      if (score > best_score || (score == best_score && distance < best_distance))
        {
          n_best = score > best_score || n_best == 0 ? 1 : n_best + 1;
          best_score = score;
          best_distance = distance;
          best_start = cp;
        }
      else if (score == best_score && distance == best_distance)
        n_best++;
    }

  if (n_found == 0)
    {
      *why = g_strdup ("its text is no longer in the document");
      return FALSE;
    }
  /* Several places, and nothing around them tells which one was meant. */
  if (n_found > 1 && best_score == 0)
    {
      *why = g_strdup_printf ("its text occurs %u times and nothing around it tells which", n_found);
      return FALSE;
    }
  json_object_set_int_member (span, "start", best_start);
  json_object_set_int_member (span, "end", best_start + g_utf8_strlen (quote, -1));
  return TRUE;
}

static gboolean
anchor_spans (GlossDocument  *document,
              JsonObject     *annotation,
              JsonObject     *context,
              char          **why)
{
  static const char * const members[] = { "spans", "cue", "evidence" };

  for (guint m = 0; m < G_N_ELEMENTS (members); m++)
    {
      JsonNode *node = json_object_get_member (annotation, members[m]);
      JsonArray *spans;

      if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
        continue;
      spans = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (spans); i++)
        {
          JsonNode *span = json_array_get_element (spans, i);

          if (!JSON_NODE_HOLDS_OBJECT (span) ||
              !anchor_span (document, json_node_get_object (span), context, why))
            return FALSE;
        }
    }
  return TRUE;
}

static void
rename_member (Anchoring  *a,
               JsonObject *object,
               const char *member)
{
  const char *id = json_object_get_string_member_with_default (object, member, NULL);
  const char *renamed = id != NULL ? g_hash_table_lookup (a->renamed, id) : NULL;

  if (renamed != NULL)
    json_object_set_string_member (object, member, renamed);
}

/* References to annotations this replay had to give a new id. */
static void
rename_references (Anchoring  *a,
                   JsonObject *annotation)
{
  JsonNode *about = json_object_get_member (annotation, "about");

  rename_member (a, annotation, "entity");
  rename_member (a, annotation, "claimant");
  rename_member (a, annotation, "from");
  rename_member (a, annotation, "to");
  if (about != NULL && JSON_NODE_HOLDS_ARRAY (about))
    {
      JsonArray *array = json_node_get_array (about);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *id = json_array_get_string_element (array, i);
          const char *renamed = id != NULL ? g_hash_table_lookup (a->renamed, id) : NULL;

          if (renamed != NULL)
            json_node_set_string (json_array_get_element (array, i), renamed);
        }
    }
}

static void
not_applied (Anchoring           *a,
             const Line          *line,
             GlossAnnotationKind  kind,
             JsonObject          *annotation,
             const char          *id,
             const char          *why)
{
  const char *quote = NULL;
  JsonNode *spans = annotation != NULL ? json_object_get_member (annotation, "spans") : NULL;

  if (spans != NULL && JSON_NODE_HOLDS_ARRAY (spans) && json_array_get_length (json_node_get_array (spans)) > 0)
    {
      JsonNode *first = json_array_get_element (json_node_get_array (spans), 0);

      if (JSON_NODE_HOLDS_OBJECT (first))
        quote = json_object_get_string_member_with_default (json_node_get_object (first), "text", NULL);
    }
  if (quote == NULL && annotation != NULL)
    quote = json_object_get_string_member_with_default (annotation, "name", NULL);

  if (quote != NULL)
    g_ptr_array_add (a->not_applied, g_strdup_printf ("line %u: %s %s “%s”: %s", line->number,
                                                      _gloss_journal_kind_names[kind], id, quote, why));
  else
    g_ptr_array_add (a->not_applied, g_strdup_printf ("line %u: %s %s: %s", line->number,
                                                      _gloss_journal_kind_names[kind], id, why));
}

static void
anchor_upsert (Anchoring    *a,
               const Line   *line,
               const Change *change)
{
  GlossStore *store = a->replay.store;
  g_autofree char *where = g_strdup_printf ("%s:%u", a->replay.name, line->number);
  g_autoptr(JsonNode) node = read_node (line->data + change->start, change->end - change->start, where);
  g_autoptr(JsonNode) context_node = NULL;
  g_autoptr(GlossAnnotation) draft = NULL;
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *why = NULL;
  g_autofree char *id = NULL;
  JsonObject *annotation, *context = NULL;
  GlossAnnotation *existing;
  gboolean collides = FALSE;
  const char *mapped;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      not_applied (a, line, change->kind, NULL, "?", "the journal line is damaged");
      return;
    }
  annotation = json_node_get_object (node);
  id = g_strdup (json_object_get_string_member_with_default (annotation, "id", "?"));
  if (change->context_end > change->context_start)
    {
      context_node = read_node (line->data + change->context_start,
                                change->context_end - change->context_start, where);
      if (context_node != NULL && JSON_NODE_HOLDS_OBJECT (context_node))
        context = json_node_get_object (context_node);
    }

  if (!anchor_spans (gloss_store_get_document (store), annotation, context, &why))
    {
      not_applied (a, line, change->kind, annotation, id, why);
      return;
    }

  /* An id the changed file (or an earlier line of this replay) now gives
   * to something else: a new one. */
  mapped = g_hash_table_lookup (a->renamed, id);
  existing = gloss_store_lookup (store, mapped != NULL ? mapped : id);
  if (mapped == NULL && existing != NULL)
    {
      const char *owner = g_hash_table_lookup (a->ours, id);

      collides = owner != NULL ? !g_str_equal (owner, id)
                               : change->added || gloss_annotation_get_kind (existing) != change->kind;
    }
  if (collides)
    {
      char *fresh = gloss_store_next_id (store, change->kind);

      g_hash_table_insert (a->renamed, g_strdup (id), fresh);
      mapped = fresh;
      existing = NULL;
    }
  if (mapped != NULL)
    json_object_set_string_member (annotation, "id", mapped);
  rename_references (a, annotation);

  gloss_json_write_node (json, node, FALSE, 0);
  draft = _gloss_native_read_annotation (store, change->kind, json->str, json->len, where, &local_error);
  if (draft == NULL)
    {
      not_applied (a, line, change->kind, annotation, id, local_error->message);
      return;
    }
  a->replay.stamp = gloss_annotation_get_modified (draft);
  if (existing != NULL && gloss_annotation_get_kind (existing) != change->kind)
    existing = NULL;
  if (existing != NULL
      ? !gloss_store_replace (store, existing, draft, &local_error)
      : !gloss_store_add (store, draft, &local_error))
    {
      not_applied (a, line, change->kind, annotation, id, local_error->message);
      return;
    }
  g_hash_table_insert (a->ours, g_strdup (gloss_annotation_get_id (draft)), g_strdup (id));
  a->replay.applied++;
}

static void
anchor_line (Anchoring  *a,
             const Line *line)
{
  if (line->schema != NULL)
    {
      g_autofree char *where = g_strdup_printf ("%s:%u", a->replay.name, line->number);
      g_autoptr(GError) local_error = NULL;

      if (!apply_schema (gloss_store_get_schema (a->replay.store), line->schema, where, &local_error))
        g_ptr_array_add (a->not_applied, g_strdup_printf ("line %u: schema: %s", line->number,
                                                          local_error->message));
    }

  for (guint phase = 0; phase < N_PHASES; phase++)
    for (guint i = 0; i < line->changes->len; i++)
      {
        const Change *change = &g_array_index (line->changes, Change, i);

        if (!in_phase (change, phase))
          continue;

        if (change->removed)
          {
            const char *mapped = g_hash_table_lookup (a->renamed, change->id);
            const char *target = mapped != NULL ? mapped : change->id;
            const char *owner = g_hash_table_lookup (a->ours, target);
            GlossAnnotation *existing = gloss_store_lookup (a->replay.store, target);
            g_autoptr(GError) local_error = NULL;

            /* Gone already, or the id is another annotation's now. */
            if (existing == NULL || gloss_annotation_get_kind (existing) != change->kind ||
                (owner != NULL && !g_str_equal (owner, change->id)))
              continue;
            if (!gloss_store_remove (a->replay.store, existing, &local_error))
              not_applied (a, line, change->kind, NULL, change->id, local_error->message);
            else
              a->replay.applied++;
          }
        else
          anchor_upsert (a, line, change);
      }
}

/**
 * gloss_journal_recover_anchored:
 * @store: the store loaded from the document as it is now
 * @journal_file: a journal from gloss_journal_find(), possibly written on
 *   another version of the document (the file changed since)
 * @n_edits: (out) (optional): the number of journal lines (edits) applied
 *   in full
 * @not_applied: (out) (transfer full) (element-type utf8): one line for
 *   the user per recorded change that could not be applied
 * @error: return location for a #GLOSS_JOURNAL_ERROR
 *
 * Like gloss_journal_recover(), but for a journal whose base no longer
 * matches: every span is found again by its quote and the text recorded
 * around it, references follow annotations that had to get a new id, and
 * each change that cannot be applied (its text is gone or ambiguous, it
 * refers to something that no longer exists) is skipped and listed, never
 * silently dropped. @journal_file is left alone.
 *
 * Returns: %FALSE if the journal cannot be read at all
 */
gboolean
gloss_journal_recover_anchored (GlossStore  *store,
                                GFile       *journal_file,
                                guint       *n_edits,
                                GPtrArray  **not_applied_out,
                                GError     **error)
{
  g_auto(Journal) j = { 0, };
  g_autofree char *author = NULL;
  g_autoptr(GHashTable) renamed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) ours = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Anchoring a = { { store, 0, NULL, 0 }, renamed, ours, NULL };
  GlossJournal *journal;
  guint n_whole = 0;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (journal_file), FALSE);
  g_return_val_if_fail (not_applied_out != NULL, FALSE);

  if (!_gloss_journal_load (&j, store, journal_file, TRUE, error))
    return FALSE;
  a.replay.name = j.name;
  a.not_applied = g_ptr_array_new_with_free_func (g_free);

  journal = _gloss_journal_begin_recovering (store);

  author = g_strdup (gloss_store_get_author (store));
  gloss_store_set_author (store, NULL);
  gloss_store_set_clock (store, replay_clock, &a.replay);
  gloss_store_begin_group (store, RECOVER_LABEL);
  for (guint i = 0; i < j.lines->len; i++)
    {
      guint before = a.not_applied->len;

      anchor_line (&a, &g_array_index (j.lines, Line, i));
      if (a.not_applied->len == before)
        n_whole++;
    }
  gloss_store_end_group (store);
  gloss_store_set_clock (store, NULL, NULL);
  gloss_store_set_author (store, author);

  if (journal != NULL)
    _gloss_journal_end_recovering (journal, TRUE);

  if (n_edits != NULL)
    *n_edits = n_whole;
  *not_applied_out = a.not_applied;
  return TRUE;
}
