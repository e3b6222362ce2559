/* gloss-journal-entry.c: what a leftover journal holds, edit by edit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For `gloss-cli journal`: a summary of each line of the journal format
 * that gloss-journal.c writes (docs/decisions.md, "Crash journal").
 * Replaying stays gloss_journal_recover()'s job.
 */
#include "config.h"

#include <string.h>

#include "gloss-error.h"
#include "gloss-input-file.h"
#include "gloss-journal.h"
#include "gloss-journal-entry.h"
#include "gloss-json-reader.h"

void
gloss_journal_entry_free (GlossJournalEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->label);
  g_free (entry->direction);
  g_free (entry->time);
  g_free (entry);
}

static gboolean
read_string (GlossJsonReader  *r,
             char            **out)
{
  if (gloss_json_reader_next (r) != GLOSS_JSON_STRING)
    {
      gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID, "expected a string");
      return FALSE;
    }
  g_free (*out);
  *out = g_strdup (gloss_json_reader_get_cstring (r, NULL));
  return TRUE;
}

/* The annotation's "modified" stamp, if later than *@time. */
static gboolean
read_annotation (GlossJsonReader  *r,
                 char            **time)
{
  GlossJsonToken t;

  if (gloss_json_reader_next (r) != GLOSS_JSON_BEGIN_OBJECT)
    {
      gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID, "expected an object");
      return FALSE;
    }
  while ((t = gloss_json_reader_next (r)) == GLOSS_JSON_MEMBER)
    {
      if (gloss_json_reader_string_equal (r, "modified"))
        {
          g_autofree char *stamp = NULL;

          if (!read_string (r, &stamp))
            return FALSE;
          if (g_strcmp0 (stamp, *time) > 0)   /* RFC 3339 in UTC sorts as text */
            {
              g_free (*time);
              *time = g_steal_pointer (&stamp);
            }
        }
      else
        {
          gloss_json_reader_next (r);
          if (!gloss_json_reader_skip (r))
            return FALSE;
        }
    }
  return t == GLOSS_JSON_END_OBJECT;
}

static gboolean
read_change (GlossJsonReader   *r,
             GlossJournalEntry *entry)
{
  g_autofree char *what = NULL;
  GlossJsonToken t;

  while ((t = gloss_json_reader_next (r)) == GLOSS_JSON_MEMBER)
    {
      if (gloss_json_reader_string_equal (r, "change"))
        {
          if (!read_string (r, &what))
            return FALSE;
        }
      else if (gloss_json_reader_string_equal (r, "annotation"))
        {
          if (!read_annotation (r, &entry->time))
            return FALSE;
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

  if (g_strcmp0 (what, "added") == 0)
    entry->n_added++;
  else if (g_strcmp0 (what, "modified") == 0)
    entry->n_modified++;
  else if (g_strcmp0 (what, "removed") == 0)
    entry->n_removed++;
  else
    {
      gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID, "unknown change “%s”",
                                   what != NULL ? what : "");
      return FALSE;
    }
  return TRUE;
}

static GlossJournalEntry *
read_entry (const char  *data,
            gsize        length,
            const char  *where,
            GError     **error)
{
  g_autoptr(GlossJsonReader) r = gloss_json_reader_new (data, length, where);
  g_autoptr(GlossJournalEntry) entry = g_new0 (GlossJournalEntry, 1);
  gboolean schema = FALSE;
  GlossJsonToken t;

  if (gloss_json_reader_next (r) != GLOSS_JSON_BEGIN_OBJECT)
    {
      gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID, "expected an object");
      goto fail;
    }
  while ((t = gloss_json_reader_next (r)) == GLOSS_JSON_MEMBER)
    {
      if (gloss_json_reader_string_equal (r, "edit"))
        {
          if (!read_string (r, &entry->label))
            goto fail;
        }
      else if (gloss_json_reader_string_equal (r, "direction"))
        {
          if (!read_string (r, &entry->direction))
            goto fail;
        }
      else if (gloss_json_reader_string_equal (r, "changes"))
        {
          if (gloss_json_reader_next (r) != GLOSS_JSON_BEGIN_ARRAY)
            {
              gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID, "expected an array");
              goto fail;
            }
          while ((t = gloss_json_reader_next (r)) == GLOSS_JSON_BEGIN_OBJECT)
            if (!read_change (r, entry))
              goto fail;
          if (t != GLOSS_JSON_END_ARRAY)
            goto fail;
        }
      else
        {
          schema |= gloss_json_reader_string_equal (r, "schema");
          gloss_json_reader_next (r);
          if (!gloss_json_reader_skip (r))
            goto fail;
        }
    }
  if (t != GLOSS_JSON_END_OBJECT || gloss_json_reader_next (r) != GLOSS_JSON_END)
    goto fail;

  if (entry->label == NULL && !schema)
    {
      gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID, "neither an edit nor a schema");
      goto fail;
    }
  if (entry->direction == NULL)
    entry->direction = g_strdup ("do");
  return g_steal_pointer (&entry);

fail:
  {
    g_autoptr(GError) reader_error = gloss_json_reader_take_error (r);

    g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_INVALID, "%s",
                 reader_error != NULL ? reader_error->message : "malformed line");
  }
  return NULL;
}

/**
 * gloss_journal_list_entries:
 * @journal_file: a journal, as gloss_journal_find() returns
 * @error: return location for a #GLOSS_JOURNAL_ERROR
 *
 * Returns: (transfer full) (element-type GlossJournalEntry) (nullable):
 *   the entries, oldest first
 */
GPtrArray *
gloss_journal_list_entries (GFile   *journal_file,
                            GError **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_journal_entry_free);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  const char *data, *end, *p, *eol;
  gsize length;
  guint number = 1;

  g_return_val_if_fail (G_IS_FILE (journal_file), NULL);

  name = g_file_get_parse_name (journal_file);
  bytes = gloss_input_file_load (journal_file, &local_error);
  if (bytes == NULL)
    {
      g_set_error_literal (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_IO, local_error->message);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &length);
  end = data + length;
  eol = data != NULL ? memchr (data, '\n', length) : NULL;
  if (eol == NULL)
    {
      g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_INVALID,
                   "%s: not a Gloss journal (it has no header)", name);
      return NULL;
    }

  /* The header (line 1) is gloss_journal_check()'s to judge. */
  for (p = eol + 1; p < end; p = eol + 1)
    {
      g_autofree char *where = NULL;
      GlossJournalEntry *entry;

      number++;
      eol = memchr (p, '\n', end - p);
      if (eol == NULL)
        break;   /* torn by a crash */
      if (eol == p)
        continue;

      where = g_strdup_printf ("%s:%u", name, number);
      entry = read_entry (p, eol - p, where, &local_error);
      if (entry == NULL)
        {
          /* The last line may be garbage a crash left. */
          if (memchr (eol + 1, '\n', end - eol - 1) == NULL)
            break;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      entry->line = number;
      g_ptr_array_add (entries, entry);
    }

  return g_steal_pointer (&entries);
}
