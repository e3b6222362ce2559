/* gloss-journal.c: every edit on disk before the UI shows it (DESIGN §8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A journal is a JSON Lines file in $XDG_STATE_HOME/gloss/journal/. Its
 * first line is a header naming the text and the saved file it starts
 * from; each further line is one undoable step (do, undo or redo) as the
 * resulting state of every annotation it touched, or the whole schema
 * after a schema change. A line goes out in one write() and is fsync'ed
 * before GlossStore::edited returns, and the UI only updates after that
 * signal. Replaying the lines in order onto the saved file gives back
 * the store as it was.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gloss-error.h"
#include "gloss-format-native-private.h"
#include "gloss-journal.h"
#include "gloss-json-reader.h"
#include "gloss-json-writer.h"

#define RECOVER_LABEL "Recover unsaved edits"

typedef struct
{
  GlossAnnotationKind kind;
  gboolean            added;   /* the step's first change added it */
} Touched;

struct _GlossJournal
{
  GObject       parent_instance;

  GlossStore   *store;
  GFile        *file;              /* the saved .gloss file, or NULL */
  char         *document_sha256;
  char         *saved_sha256;      /* of the file's bytes, or NULL */
  char         *path;              /* the journal file */
  int           fd;                /* -1 until the first write */

  GHashTable   *touched;           /* id → Touched, for the open step */
  GPtrArray    *order;             /* ids (owned by @touched) in order */
  gboolean      schema_dirty;
  guint         recovering;
  GString      *pending;           /* lines held back while recovering */
  GError       *error;
  gboolean      stopped;
};

G_DEFINE_FINAL_TYPE (GlossJournal, gloss_journal, G_TYPE_OBJECT)

G_DEFINE_QUARK (gloss-journal-error-quark, gloss_journal_error)

/* The journal attached to a store (not owned), for gloss_journal_recover(). */
static GQuark
journal_qdata_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("gloss-journal");
  return quark;
}

static const char * const kind_names[GLOSS_N_KINDS] = {
  "mention", "entity", "claim", "relation",
};

static gboolean
kind_from_string (const char          *str,
                  GlossAnnotationKind *kind)
{
  for (guint k = 0; k < GLOSS_N_KINDS; k++)
    if (g_strcmp0 (str, kind_names[k]) == 0)
      {
        *kind = k;
        return TRUE;
      }
  return FALSE;
}

/* Paths */

static char *
journal_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "gloss", "journal", NULL);
}

static char *
journal_path (GFile      *file,
              const char *document_sha256)
{
  g_autofree char *key_source = NULL;
  g_autofree char *key = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dir = journal_dir ();

  if (file != NULL)
    key_source = g_file_get_uri (file);
  else
    key_source = g_strconcat ("unsaved:", document_sha256, NULL);
  key = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key_source, -1);
  name = g_strconcat (key, ".jsonl", NULL);
  return g_build_filename (dir, name, NULL);
}

/* Writing */

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        len,
           GError     **error)
{
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;
          g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_IO,
                       "cannot write the journal: %s", g_strerror (saved_errno));
          return FALSE;
        }
      data += n;
      len -= n;
    }
  return TRUE;
}

static gboolean
sync_fd (int          fd,
         GError     **error)
{
  int r;

#ifdef __linux__
  /* The size is data too: fdatasync() makes appended lines durable. */
  while ((r = fdatasync (fd)) < 0 && errno == EINTR)
    ;
#else
  while ((r = fsync (fd)) < 0 && errno == EINTR)
    ;
#endif
  if (r < 0)
    {
      int saved_errno = errno;

      g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_IO,
                   "cannot flush the journal to disk: %s", g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static void
write_header (GlossJournal *self,
              GString      *out)
{
  g_string_append (out, "{\"format\": \"gloss-journal\", \"version\": ");
  gloss_json_write_uint (out, GLOSS_JOURNAL_VERSION);
  g_string_append (out, ", \"file\": ");
  if (self->file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (self->file);
      gloss_json_write_string (out, uri, -1);
    }
  else
    g_string_append (out, "null");
  g_string_append (out, ", \"document_sha256\": ");
  gloss_json_write_string (out, self->document_sha256, -1);
  g_string_append (out, ", \"saved_sha256\": ");
  if (self->saved_sha256 != NULL)
    gloss_json_write_string (out, self->saved_sha256, -1);
  else
    g_string_append (out, "null");
  g_string_append (out, ", \"writer\": \"Gloss " PACKAGE_VERSION "\"}\n");
}

/* Creates (or empties) the journal file and writes its header, so that
 * the file and its name are on disk. */
static gboolean
open_journal (GlossJournal  *self,
              GError       **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autoptr(GString) header = g_string_new (NULL);
  int saved_errno;
  int dir_fd;

  g_assert (self->fd < 0);

  if (g_mkdir_with_parents (dir, 0700) < 0)
    {
      saved_errno = errno;
      g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_IO,
                   "cannot create the journal folder %s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  self->fd = g_open (self->path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (self->fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_IO,
                   "cannot create the journal %s: %s", self->path, g_strerror (saved_errno));
      return FALSE;
    }

  write_header (self, header);
  if (!write_all (self->fd, header->str, header->len, error) || !sync_fd (self->fd, error))
    {
      g_close (self->fd, NULL);
      self->fd = -1;
      return FALSE;
    }

  /* A new file's directory entry needs its own sync. */
  dir_fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      g_close (dir_fd, NULL);
    }
  return TRUE;
}

static void
close_journal (GlossJournal *self)
{
  if (self->fd >= 0)
    g_close (self->fd, NULL);
  self->fd = -1;
}

static void
fail (GlossJournal *self,
      GError       *error)
{
  /* Keep the first error; the UI can ask for it. Not a warning: losing
   * the journal must not take the program down. */
  g_message ("Journal %s: %s", self->path, error->message);
  if (self->error == NULL)
    self->error = error;
  else
    g_error_free (error);
  close_journal (self);
}

static void
append_lines (GlossJournal *self,
              GString      *lines)
{
  GError *error = NULL;

  if (self->stopped || self->error != NULL || lines->len == 0)
    return;

  if (self->recovering > 0)
    {
      g_string_append_len (self->pending, lines->str, lines->len);
      return;
    }

  if ((self->fd < 0 && !open_journal (self, &error)) ||
      !write_all (self->fd, lines->str, lines->len, &error) ||
      !sync_fd (self->fd, &error))
    fail (self, error);
}

static void
append_schema_line (GlossJournal *self,
                    GString      *out)
{
  g_autoptr(JsonNode) node = gloss_schema_to_json (gloss_store_get_schema (self->store));

  g_string_append (out, "{\"schema\": ");
  gloss_json_write_node (out, node, FALSE, 0);
  g_string_append (out, "}\n");
  self->schema_dirty = FALSE;
}

static void
on_schema_changed (GlossJournal *self)
{
  g_autoptr(GString) out = NULL;

  if (self->recovering > 0)
    {
      self->schema_dirty = TRUE;
      return;
    }
  out = g_string_new (NULL);
  append_schema_line (self, out);
  append_lines (self, out);
}

static void
on_changed (GlossJournal    *self,
            int              change,
            GlossAnnotation *annotation)
{
  const char *id = gloss_annotation_get_id (annotation);
  Touched *touched;
  char *key;

  if (id == NULL || g_hash_table_contains (self->touched, id))
    return;

  key = g_strdup (id);
  touched = g_new (Touched, 1);
  touched->kind = gloss_annotation_get_kind (annotation);
  touched->added = change == GLOSS_CHANGE_ADDED;
  g_hash_table_insert (self->touched, key, touched);
  g_ptr_array_add (self->order, key);
}

static void
on_edited (GlossJournal *self,
           const char   *label,
           int           direction)
{
  static const char * const directions[] = { "do", "undo", "redo" };
  g_autoptr(GString) out = g_string_new (NULL);

  if (self->schema_dirty)
    append_schema_line (self, out);

  g_string_append (out, "{\"edit\": ");
  gloss_json_write_string (out, label != NULL ? label : "", -1);
  g_string_append (out, ", \"direction\": ");
  gloss_json_write_string (out, directions[CLAMP (direction, 0, 2)], -1);
  g_string_append (out, ", \"changes\": [");
  for (guint i = 0; i < self->order->len; i++)
    {
      const char *id = g_ptr_array_index (self->order, i);
      const Touched *touched = g_hash_table_lookup (self->touched, id);
      GlossAnnotation *now = gloss_store_lookup (self->store, id);

      if (i > 0)
        g_string_append (out, ", ");
      if (now != NULL)
        {
          g_string_append (out, touched->added ? "{\"change\": \"added\"" : "{\"change\": \"modified\"");
          g_string_append (out, ", \"kind\": ");
          gloss_json_write_string (out, kind_names[gloss_annotation_get_kind (now)], -1);
          g_string_append (out, ", \"annotation\": ");
          _gloss_native_write_annotation (out, self->store, now);
          g_string_append_c (out, '}');
        }
      else
        {
          g_string_append (out, "{\"change\": \"removed\", \"kind\": ");
          gloss_json_write_string (out, kind_names[touched->kind], -1);
          g_string_append (out, ", \"id\": ");
          gloss_json_write_string (out, id, -1);
          g_string_append_c (out, '}');
        }
    }
  g_string_append (out, "]}\n");

  g_ptr_array_set_size (self->order, 0);
  g_hash_table_remove_all (self->touched);

  append_lines (self, out);
}

static void
stop (GlossJournal *self)
{
  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->store, self);
      g_signal_handlers_disconnect_by_data (gloss_store_get_schema (self->store), self);
      if (g_object_get_qdata (G_OBJECT (self->store), journal_qdata_quark ()) == self)
        g_object_set_qdata (G_OBJECT (self->store), journal_qdata_quark (), NULL);
    }
  self->stopped = TRUE;
  close_journal (self);
}

static void
gloss_journal_finalize (GObject *object)
{
  GlossJournal *self = (GlossJournal *)object;

  /* Dropped without gloss_journal_discard(): the file stays, as after a
   * crash. */
  stop (self);
  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_pointer (&self->document_sha256, g_free);
  g_clear_pointer (&self->saved_sha256, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_clear_pointer (&self->order, g_ptr_array_unref);
  g_string_free (self->pending, TRUE);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (gloss_journal_parent_class)->finalize (object);
}

static void
gloss_journal_class_init (GlossJournalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_journal_finalize;
}

static void
gloss_journal_init (GlossJournal *self)
{
  self->fd = -1;
  self->touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->order = g_ptr_array_new ();
  self->pending = g_string_new (NULL);
}

static char *
sha256_of_file (GFile   *file,
                GError **error)
{
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, error);

  if (bytes == NULL)
    return NULL;
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/**
 * gloss_journal_new:
 * @store: the store to journal
 * @file: (nullable): the .gloss file @store was loaded from or last saved
 *   to; %NULL for a document never saved
 * @error: return location for a #GLOSS_JOURNAL_ERROR
 *
 * Starts journaling @store. The journal file is created (replacing a
 * leftover one for the same document) at the first edit, so recover a
 * leftover journal first.
 *
 * Returns: (transfer full) (nullable): the journal, or %NULL if @file
 *   cannot be read
 */
GlossJournal *
gloss_journal_new (GlossStore  *store,
                   GFile       *file,
                   GError     **error)
{
  g_autoptr(GlossJournal) self = NULL;
  g_autoptr(GError) local_error = NULL;
  GlossDocument *document;

  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);
  g_return_val_if_fail (g_object_get_qdata (G_OBJECT (store), journal_qdata_quark ()) == NULL, NULL);

  document = gloss_store_get_document (store);
  self = g_object_new (GLOSS_TYPE_JOURNAL, NULL);
  self->store = g_object_ref (store);
  self->document_sha256 = g_strdup (gloss_document_get_sha256 (document));
  if (file != NULL)
    {
      self->file = g_object_ref (file);
      self->saved_sha256 = sha256_of_file (file, &local_error);
      if (self->saved_sha256 == NULL)
        {
          g_autofree char *name = g_file_get_parse_name (file);

          g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_IO,
                       "%s: cannot read: %s", name, local_error->message);
          return NULL;
        }
    }
  self->path = journal_path (file, self->document_sha256);

  g_signal_connect_object (store, "changed", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "edited", G_CALLBACK (on_edited), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gloss_store_get_schema (store), "changed",
                           G_CALLBACK (on_schema_changed), self, G_CONNECT_SWAPPED);
  g_object_set_qdata (G_OBJECT (store), journal_qdata_quark (), self);

  return g_steal_pointer (&self);
}

/**
 * gloss_journal_get_store:
 *
 * Returns: (transfer none): the store
 */
GlossStore *
gloss_journal_get_store (GlossJournal *self)
{
  g_return_val_if_fail (GLOSS_IS_JOURNAL (self), NULL);
  return self->store;
}

/**
 * gloss_journal_get_file:
 *
 * Returns: (transfer full): the journal file, which exists once an edit
 *   was journaled
 */
GFile *
gloss_journal_get_file (GlossJournal *self)
{
  g_return_val_if_fail (GLOSS_IS_JOURNAL (self), NULL);
  return g_file_new_for_path (self->path);
}

/**
 * gloss_journal_get_error:
 *
 * Returns: (transfer none) (nullable): why journaling stopped
 */
const GError *
gloss_journal_get_error (GlossJournal *self)
{
  g_return_val_if_fail (GLOSS_IS_JOURNAL (self), NULL);
  return self->error;
}

/**
 * gloss_journal_mark_saved:
 * @file: where the store was saved
 * @saved_bytes: (nullable): what was written there; %NULL to read @file
 *
 * Starts the journal over from the saved state: a fresh file with only a
 * header. A journal under another name (before a Save As) is deleted.
 *
 * Returns: %FALSE if the new journal cannot be written
 */
gboolean
gloss_journal_mark_saved (GlossJournal  *self,
                          GFile         *file,
                          GBytes        *saved_bytes,
                          GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *saved_sha256 = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (GLOSS_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->stopped)
    return TRUE;

  if (saved_bytes != NULL)
    saved_sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, saved_bytes);
  else if ((saved_sha256 = sha256_of_file (file, &local_error)) == NULL)
    {
      g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_IO,
                   "cannot read the saved file: %s", local_error->message);
      fail (self, local_error);
      return FALSE;
    }

  close_journal (self);
  path = journal_path (file, self->document_sha256);
  if (g_strcmp0 (path, self->path) != 0)
    {
      g_unlink (self->path);
      g_free (self->path);
      self->path = g_steal_pointer (&path);
    }
  g_set_object (&self->file, file);
  g_free (self->saved_sha256);
  self->saved_sha256 = g_steal_pointer (&saved_sha256);
  g_clear_error (&self->error);
  self->schema_dirty = FALSE;

  if (!open_journal (self, &local_error))
    {
      fail (self, g_error_copy (local_error));
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

/**
 * gloss_journal_discard:
 *
 * Deletes the journal file and stops journaling, as on a clean close.
 */
void
gloss_journal_discard (GlossJournal *self)
{
  g_return_if_fail (GLOSS_IS_JOURNAL (self));

  stop (self);
  g_unlink (self->path);
}

/**
 * gloss_journal_find:
 * @file: (nullable): a .gloss file
 * @document_sha256: (nullable): the text's SHA-256, for a document with
 *   no file
 *
 * Returns: (transfer full) (nullable): the leftover journal, if any
 */
GFile *
gloss_journal_find (GFile      *file,
                    const char *document_sha256)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (file != NULL || document_sha256 != NULL, NULL);

  path = journal_path (file, document_sha256);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  return g_file_new_for_path (path);
}

/**
 * gloss_journal_delete:
 *
 * Returns: %FALSE if @journal_file exists and cannot be deleted
 */
gboolean
gloss_journal_delete (GFile   *journal_file,
                      GError **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (journal_file), FALSE);

  if (g_file_delete (journal_file, NULL, &local_error) ||
      g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE;
  g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_IO,
               "cannot delete the journal: %s", local_error->message);
  return FALSE;
}

/* Reading */

typedef struct
{
  GlossAnnotationKind kind;
  gboolean            removed;
  char               *id;          /* removed */
  gsize               start, end;  /* the annotation's JSON in the line */
} Change;

typedef struct
{
  const char *data;     /* the line, in the journal's bytes */
  gsize       length;
  guint       number;   /* 1-based, for messages */
  JsonNode   *schema;
  GArray     *changes;  /* Change */
} Line;

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
}

typedef struct
{
  GBytes *bytes;
  char   *name;        /* the journal, for messages */
  GArray *lines;       /* Line */
} Journal;

static void
journal_clear (Journal *j)
{
  g_clear_pointer (&j->bytes, g_bytes_unref);
  g_clear_pointer (&j->name, g_free);
  g_clear_pointer (&j->lines, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Journal, journal_clear)

static gboolean
read_string_value (GlossJsonReader  *r,
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
      else if (gloss_json_reader_string_equal (r, "annotation"))
        {
          if (gloss_json_reader_next (r) != GLOSS_JSON_BEGIN_OBJECT)
            {
              gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID, "expected an object");
              return FALSE;
            }
          change->start = gloss_json_reader_get_offset (r);
          if (!gloss_json_reader_skip (r))
            return FALSE;
          change->end = gloss_json_reader_get_offset (r) + 1;
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

  if (!kind_from_string (kind, &change->kind))
    {
      gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID, "unknown kind of annotation");
      return FALSE;
    }
  change->removed = g_strcmp0 (what, "removed") == 0;
  if (change->removed ? change->id == NULL
                      : (!has_annotation || (g_strcmp0 (what, "added") != 0 && g_strcmp0 (what, "modified") != 0)))
    {
      gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID, "a change needs \"change\" and %s",
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
      gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID, "expected an object");
      goto fail;
    }
  while ((t = gloss_json_reader_next (r)) == GLOSS_JSON_MEMBER)
    {
      if (gloss_json_reader_string_equal (r, "schema"))
        {
          if (gloss_json_reader_next (r) != GLOSS_JSON_BEGIN_OBJECT)
            {
              gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID, "expected an object");
              goto fail;
            }
          line->schema = gloss_json_reader_read_node (r);
          if (line->schema == NULL)
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
            {
              Change change = { 0, };

              g_array_append_val (line->changes, change);
              if (!parse_change (r, &g_array_index (line->changes, Change, line->changes->len - 1)))
                goto fail;
            }
          if (t != GLOSS_JSON_END_ARRAY)
            {
              if (t != GLOSS_JSON_ERROR)
                gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID, "expected a change object");
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
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *format, *uri, *document_sha256, *saved_sha256;
  GlossDocument *document = gloss_store_get_document (store);
  JsonObject *header;
  JsonNode *root;

  if (!json_parser_load_from_data (parser, data, length, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    goto invalid;
  header = json_node_get_object (root);
  format = json_object_get_string_member_with_default (header, "format", NULL);
  if (g_strcmp0 (format, "gloss-journal") != 0)
    goto invalid;
  if (json_object_get_int_member_with_default (header, "version", 0) > GLOSS_JOURNAL_VERSION)
    {
      g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_VERSION,
                   "%s was written by a newer version of Gloss", name);
      return FALSE;
    }

  document_sha256 = json_object_get_string_member_with_default (header, "document_sha256", NULL);
  if (g_strcmp0 (document_sha256, gloss_document_get_sha256 (document)) != 0)
    {
      g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_MISMATCH,
                   "the unsaved edits in %s are for a different text", name);
      return FALSE;
    }

  uri = json_object_get_string_member_with_default (header, "file", NULL);
  saved_sha256 = json_object_get_string_member_with_default (header, "saved_sha256", NULL);
  if (uri != NULL && saved_sha256 != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uri);
      g_autofree char *file_name = g_file_get_parse_name (file);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *sha256 = sha256_of_file (file, &local_error);

      if (sha256 == NULL)
        {
          g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_MISMATCH,
                       "the unsaved edits are for %s, which cannot be read: %s",
                       file_name, local_error->message);
          return FALSE;
        }
      if (g_ascii_strcasecmp (sha256, saved_sha256) != 0)
        {
          g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_MISMATCH,
                       "%s changed after the unsaved edits were made; they no longer apply to it",
                       file_name);
          return FALSE;
        }
    }
  return TRUE;

invalid:
  g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_INVALID,
               "%s: not a Gloss journal (its first line is not a journal header)", name);
  return FALSE;
}

/* Reads @journal_file, checks its header against @store and parses every
 * complete line. A last line with no newline, or one that does not parse,
 * is an edit the crash cut short. */
static gboolean
journal_load (Journal     *j,
              GlossStore  *store,
              GFile       *journal_file,
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
                   "%s: cannot read: %s", j->name, local_error->message);
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
                   "%s: not a Gloss journal (it has no header)", j->name);
      return FALSE;
    }
  if (!check_header (data, eol - data, store, j->name, error))
    return FALSE;

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

  if (!journal_load (&j, store, journal_file, error))
    return FALSE;
  if (n_edits != NULL)
    *n_edits = j.lines->len;
  return TRUE;
}

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
               "%s:%u: cannot replay the edit: %s", replay->name, line->number, cause->message);
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

/* A line holds the state after the step of everything it touched, in the
 * order touched. Entities first so references resolve, then the others;
 * removals last, and entities' after their referrers, so removing an
 * entity never cascades into changes the journal did not record. */
static gboolean
replay_line (Replay      *replay,
             const Line  *line,
             GError     **error)
{
  enum { UPSERT_ENTITIES, UPSERT_OTHERS, REMOVE_OTHERS, REMOVE_ENTITIES, N_PHASES };

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
        gboolean is_entity = change->kind == GLOSS_KIND_ENTITY;
        gboolean wanted;

        switch (phase)
          {
          case UPSERT_ENTITIES: wanted = !change->removed && is_entity; break;
          case UPSERT_OTHERS: wanted = !change->removed && !is_entity; break;
          case REMOVE_OTHERS: wanted = change->removed && !is_entity; break;
          case REMOVE_ENTITIES:
          default: wanted = change->removed && is_entity; break;
          }
        if (!wanted)
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

  if (!journal_load (&j, store, journal_file, error))
    return FALSE;
  replay.name = j.name;

  journal = g_object_get_qdata (G_OBJECT (store), journal_qdata_quark ());
  if (journal != NULL)
    journal->recovering++;

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
    {
      journal->recovering--;
      if (local_error != NULL)
        {
          g_string_truncate (journal->pending, 0);
          journal->schema_dirty = FALSE;
        }
      else
        {
          g_autoptr(GString) pending = g_string_new (NULL);

          /* The old journal is in memory: replacing it is safe now. */
          if (journal->schema_dirty)
            append_schema_line (journal, pending);
          g_string_append_len (pending, journal->pending->str, journal->pending->len);
          g_string_truncate (journal->pending, 0);
          append_lines (journal, pending);
        }
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (n_edits != NULL)
    *n_edits = j.lines->len;
  return TRUE;
}
