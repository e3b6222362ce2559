/* gloss-journal-reader.c: reading a journal back, line by line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "gloss-error.h"
#include "gloss-journal-lines.h"
#include "gloss-journal-private.h"
#include "gloss-json-parse.h"
#include "gloss-json-reader.h"

static void
change_clear (gpointer data)
{
  Change *change = data;

  g_free (change->id);
}

static void
line_clear (gpointer data)
{
  Line *line = data;

  g_clear_pointer (&line->schema, json_node_unref);
  g_clear_pointer (&line->changes, g_array_unref);
  g_clear_pointer (&line->label, g_free);
  g_clear_pointer (&line->direction, g_free);
}

void
_gloss_journal_clear (Journal *j)
{
  g_clear_pointer (&j->bytes, g_bytes_unref);
  g_clear_pointer (&j->name, g_free);
  g_clear_pointer (&j->lines, g_array_unref);
  g_clear_error (&j->mismatch);
}

static gboolean
read_string_value (GlossJsonReader  *r,
                   char            **out)
{
  if (gloss_json_reader_next (r) != GLOSS_JSON_STRING)
    {
      gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID, _("expected a string"));
      return FALSE;
    }
  g_free (*out);
  *out = g_strdup (gloss_json_reader_get_cstring (r, NULL));
  return TRUE;
}

/* Where the object that is the member's value starts and ends in the line. */
static gboolean
object_extent (GlossJsonReader *r,
               gsize           *start,
               gsize           *end)
{
  if (gloss_json_reader_next (r) != GLOSS_JSON_BEGIN_OBJECT)
    {
      gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID, _("expected an object"));
      return FALSE;
    }
  *start = gloss_json_reader_get_offset (r);
  if (!gloss_json_reader_skip (r))
    return FALSE;
  *end = gloss_json_reader_get_offset (r) + 1;
  return TRUE;
}

static gboolean
parse_change (GlossJsonReader *r,
              Change          *change)
{
  g_autofree char *what = NULL;
  g_autofree char *kind = NULL;
  gboolean has_annotation = FALSE;
  GlossJsonToken t;

  while ((t = gloss_json_reader_next (r)) == GLOSS_JSON_MEMBER)
    {
      if (gloss_json_reader_string_equal (r, "change"))
        {
          if (!read_string_value (r, &what))
            return FALSE;
        }
      else if (gloss_json_reader_string_equal (r, "kind"))
        {
          if (!read_string_value (r, &kind))
            return FALSE;
        }
      else if (gloss_json_reader_string_equal (r, "id"))
        {
          if (!read_string_value (r, &change->id))
            return FALSE;
        }
      else if (gloss_json_reader_string_equal (r, "context"))
        {
          if (!object_extent (r, &change->context_start, &change->context_end))
            return FALSE;
        }
      else if (gloss_json_reader_string_equal (r, "annotation"))
        {
          if (!object_extent (r, &change->start, &change->end))
            return FALSE;
          has_annotation = TRUE;
        }
      else
        {
          gloss_json_reader_next (r);
          if (!gloss_json_reader_skip (r))
            return FALSE;
        }
    }
  if (t != GLOSS_JSON_END_OBJECT)
    return FALSE;

  if (!_gloss_journal_kind_from_string (kind, &change->kind))
    {
      gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID, _("unknown kind of annotation"));
      return FALSE;
    }
  change->removed = g_strcmp0 (what, "removed") == 0;
  change->added = g_strcmp0 (what, "added") == 0;
  if (change->removed ? change->id == NULL
                      : (!has_annotation || (g_strcmp0 (what, "added") != 0 && g_strcmp0 (what, "modified") != 0)))
    {
      gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID, _("a change needs \"change\" and %s"),
                                   change->removed ? "\"id\"" : "\"annotation\"");
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_line (Line        *line,
            const char  *where,
            GError     **error)
{
  g_autoptr(GlossJsonReader) r = gloss_json_reader_new (line->data, line->length, where);
  GlossJsonToken t;

  line->changes = g_array_new (FALSE, TRUE, sizeof (Change));
  g_array_set_clear_func (line->changes, change_clear);

  if (gloss_json_reader_next (r) != GLOSS_JSON_BEGIN_OBJECT)
    {
      gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID, _("expected an object"));
      goto fail;
    }
  while ((t = gloss_json_reader_next (r)) == GLOSS_JSON_MEMBER)
    {
      if (gloss_json_reader_string_equal (r, "schema"))
        {
          if (gloss_json_reader_next (r) != GLOSS_JSON_BEGIN_OBJECT)
            {
              gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID, _("expected an object"));
              goto fail;
            }
          line->schema = gloss_json_reader_read_node (r);
          if (line->schema == NULL)
            goto fail;
        }
      else if (gloss_json_reader_string_equal (r, "edit"))
        {
          if (!read_string_value (r, &line->label))
            goto fail;
        }
      else if (gloss_json_reader_string_equal (r, "direction"))
        {
          if (!read_string_value (r, &line->direction))
            goto fail;
        }
      else if (gloss_json_reader_string_equal (r, "changes"))
        {
          if (gloss_json_reader_next (r) != GLOSS_JSON_BEGIN_ARRAY)
            {
              gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID, _("expected an array"));
              goto fail;
            }
          while ((t = gloss_json_reader_next (r)) == GLOSS_JSON_BEGIN_OBJECT)
            {
              Change change = { 0, };

              g_array_append_val (line->changes, change);
              if (!parse_change (r, &g_array_index (line->changes, Change, line->changes->len - 1)))
                goto fail;
            }
          if (t != GLOSS_JSON_END_ARRAY)
            {
              if (t != GLOSS_JSON_ERROR)
                gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID, _("expected a change object"));
              goto fail;
            }
        }
      else
        {
          gloss_json_reader_next (r);
          if (!gloss_json_reader_skip (r))
            goto fail;
        }
    }
  if (t != GLOSS_JSON_END_OBJECT || gloss_json_reader_next (r) != GLOSS_JSON_END)
    goto fail;
  return TRUE;

fail:
  {
    g_autoptr(GError) reader_error = gloss_json_reader_take_error (r);

    g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_INVALID, "%s",
                 reader_error != NULL ? reader_error->message : "malformed line");
  }
  return FALSE;
}

static gboolean
check_header (const char     *data,
              gsize           length,
              GlossStore     *store,
              const char     *name,
              GError        **error)
{
  g_autoptr(JsonNode) root = gloss_json_parse (data, length, name, NULL);
  const char *format, *uri, *document_sha256, *saved_sha256;
  GlossDocument *document = gloss_store_get_document (store);
  JsonObject *header;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    goto invalid;
  header = json_node_get_object (root);
  format = json_object_get_string_member_with_default (header, "format", NULL);
  if (g_strcmp0 (format, "gloss-journal") != 0)
    goto invalid;
  if (json_object_get_int_member_with_default (header, "version", 0) > GLOSS_JOURNAL_VERSION)
    {
      g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_VERSION,
                   _("%s was written by a newer version of Gloss"), name);
      return FALSE;
    }

  document_sha256 = json_object_get_string_member_with_default (header, "document_sha256", NULL);
  if (g_strcmp0 (document_sha256, gloss_document_get_sha256 (document)) != 0)
    {
      g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_MISMATCH,
                   _("the unsaved edits in %s are for a different text"), name);
      return FALSE;
    }

  uri = json_object_get_string_member_with_default (header, "file", NULL);
  saved_sha256 = json_object_get_string_member_with_default (header, "saved_sha256", NULL);
  if (uri != NULL && saved_sha256 != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uri);
      g_autofree char *file_name = g_file_get_parse_name (file);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *sha256 = _gloss_journal_sha256_of_file (file, &local_error);

      if (sha256 == NULL)
        {
          g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_MISMATCH,
                       _("the unsaved edits are for %s, which cannot be read: %s"),
                       file_name, local_error->message);
          return FALSE;
        }
      if (g_ascii_strcasecmp (sha256, saved_sha256) != 0)
        {
          g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_MISMATCH,
                       _("%s changed after the unsaved edits were made; they no longer apply to it"),
                       file_name);
          return FALSE;
        }
    }
  return TRUE;

invalid:
  g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_INVALID,
               _("%s: not a Gloss journal (its first line is not a journal header)"), name);
  return FALSE;
}

/* Reads @journal_file, checks its header against @store and parses every
 * complete line. A last line with no newline, or one that does not parse,
 * is an edit the crash cut short. */
gboolean
_gloss_journal_load (Journal     *j,
                     GlossStore  *store,
                     GFile       *journal_file,
                     gboolean     any_base,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *data, *end, *p, *eol;
  gsize length;
  guint number = 1;

  j->name = g_file_get_parse_name (journal_file);
  j->bytes = g_file_load_bytes (journal_file, NULL, NULL, &local_error);
  if (j->bytes == NULL)
    {
      g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_IO,
                   _("%s: cannot read: %s"), j->name, local_error->message);
      return FALSE;
    }
  j->lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_array_set_clear_func (j->lines, line_clear);

  data = g_bytes_get_data (j->bytes, &length);
  end = data + length;
  eol = data != NULL ? memchr (data, '\n', length) : NULL;
  if (eol == NULL)
    {
      g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_INVALID,
                   _("%s: not a Gloss journal (it has no header)"), j->name);
      return FALSE;
    }
  if (!check_header (data, eol - data, store, j->name, &local_error))
    {
      if (!any_base || !g_error_matches (local_error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_MISMATCH))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      j->mismatch = g_steal_pointer (&local_error);
    }

  for (p = eol + 1; p < end; p = eol + 1)
    {
      g_autofree char *where = NULL;
      Line line = { 0, };

      number++;
      eol = memchr (p, '\n', end - p);
      if (eol == NULL)
        break;   /* torn */
      if (eol == p)
        continue;

      line.data = p;
      line.length = eol - p;
      line.number = number;
      where = g_strdup_printf ("%s:%u", j->name, number);
      if (!parse_line (&line, where, &local_error))
        {
          line_clear (&line);
          /* The last line may be garbage the crash left behind. */
          if (memchr (eol + 1, '\n', end - eol - 1) == NULL)
            break;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_array_append_val (j->lines, line);
    }
  return TRUE;
}

/**
 * gloss_journal_check:
 * @store: the store loaded from the file (or text) the journal starts from
 * @journal_file: a journal from gloss_journal_find()
 * @n_edits: (out) (optional): the number of complete edits it holds
 *
 * Returns: %FALSE with @error set if the journal cannot be read, belongs
 *   to another text or to another version of the file
 *   (%GLOSS_JOURNAL_ERROR_MISMATCH: @n_edits is set, and
 *   gloss_journal_recover_anchored() can apply what still fits)
 */
gboolean
gloss_journal_check (GlossStore  *store,
                     GFile       *journal_file,
                     guint       *n_edits,
                     GError     **error)
{
  g_auto(Journal) j = { 0, };

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (journal_file), FALSE);

  if (!_gloss_journal_load (&j, store, journal_file, TRUE, error))
    return FALSE;
  if (n_edits != NULL)
    *n_edits = j.lines->len;
  if (j.mismatch != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&j.mismatch));
      return FALSE;
    }
  return TRUE;
}

/* The "modified" stamp of a change's annotation, if later than *@time. */
static void
latest_stamp (const Line    *line,
              const Change  *change,
              char         **time)
{
  g_autoptr(GlossJsonReader) r = NULL;

  if (change->removed)
    return;
  r = gloss_json_reader_new (line->data + change->start, change->end - change->start, "journal");
  if (gloss_json_reader_next (r) != GLOSS_JSON_BEGIN_OBJECT)
    return;
  while (gloss_json_reader_next (r) == GLOSS_JSON_MEMBER)
    {
      gboolean is_stamp = gloss_json_reader_string_equal (r, "modified");
      GlossJsonToken t = gloss_json_reader_next (r);

      if (is_stamp && t == GLOSS_JSON_STRING)
        {
          const char *stamp = gloss_json_reader_get_cstring (r, NULL);

          /* RFC 3339 stamps in UTC sort as text. */
          if (g_strcmp0 (stamp, *time) > 0)
            {
              g_free (*time);
              *time = g_strdup (stamp);
            }
          return;
        }
      if (!gloss_json_reader_skip (r))
        return;
    }
}

/**
 * gloss_journal_list_entries:
 * @store: the store loaded from the file (or text) the journal starts from
 * @journal_file: a journal from gloss_journal_find()
 * @error: return location for a #GLOSS_JOURNAL_ERROR
 *
 * What each complete line of @journal_file did, for listing (`gloss-cli
 * journal`); checked against @store as gloss_journal_check() does.
 *
 * Returns: (transfer full) (element-type GlossJournalEntry) (nullable):
 *   the entries, oldest first
 */
GPtrArray *
gloss_journal_list_entries (GlossStore  *store,
                            GFile       *journal_file,
                            GError     **error)
{
  g_auto(Journal) j = { 0, };
  GPtrArray *entries;

  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (journal_file), NULL);

  if (!_gloss_journal_load (&j, store, journal_file, FALSE, error))
    return NULL;

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_journal_entry_free);
  for (guint i = 0; i < j.lines->len; i++)
    {
      const Line *line = &g_array_index (j.lines, Line, i);
      GlossJournalEntry *entry = g_new0 (GlossJournalEntry, 1);

      entry->line = line->number;
      entry->label = g_strdup (line->label);
      entry->direction = g_strdup (line->direction != NULL ? line->direction : "do");
      for (guint k = 0; k < line->changes->len; k++)
        {
          const Change *change = &g_array_index (line->changes, Change, k);

          if (change->removed)
            entry->n_removed++;
          else if (change->added)
            entry->n_added++;
          else
            entry->n_modified++;
          latest_stamp (line, change, &entry->time);
        }
      g_ptr_array_add (entries, entry);
    }

  return entries;
}
