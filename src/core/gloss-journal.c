/* gloss-journal.c: every edit on disk before the UI shows it (DESIGN §8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A journal is a JSON Lines file in $XDG_STATE_HOME/gloss/journal/. Its
 * first line is a header naming the text and the saved file it starts
 * from; each further line is one undoable step (do, undo or redo) as the
 * resulting state of every annotation it touched (a step that touched
 * none writes nothing), or the whole schema
 * after a schema change. A line goes out in one write() and is fsync'ed
 * before GlossStore::edited returns, and the UI only updates after that
 * signal. Replaying the lines in order onto the saved file gives back
 * the store as it was.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gloss-error.h"
#include "gloss-format-native-private.h"
#include "gloss-journal-private.h"
#include "gloss-json-writer.h"

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
  GFile        *source;            /* what an unsaved document was read from */
  char         *document_sha256;
  char         *saved_sha256;      /* of the file's bytes, or NULL */
  char         *path;              /* the journal file */
  int           fd;                /* open, appending and locked; or -1 */
  gsize         size;              /* bytes of complete lines in it */
  GString      *backlog;           /* lines not on disk yet (after a failure) */
  int           inject_errno;      /* tests: writes fail with this */

  GHashTable   *touched;           /* id → Touched, for the open step */
  GPtrArray    *order;             /* ids (owned by @touched) in order */
  gboolean      schema_dirty;
  guint         recovering;
  GString      *pending;           /* lines held back while recovering */
  GError       *error;
  gboolean      stopped;
};

enum
{
  PROP_0,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

const char * const _gloss_journal_kind_names[GLOSS_N_KINDS] = {
  "mention", "entity", "claim", "relation",
};

gboolean
_gloss_journal_kind_from_string (const char          *str,
                                 GlossAnnotationKind *kind)
{
  for (guint k = 0; k < GLOSS_N_KINDS; k++)
    if (g_strcmp0 (str, _gloss_journal_kind_names[k]) == 0)
      {
        *kind = k;
        return TRUE;
      }
  return FALSE;
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
                       _("cannot write the journal: %s"), g_strerror (saved_errno));
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
                   _("cannot flush the journal to disk: %s"), g_strerror (saved_errno));
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

static void
set_error (GlossJournal *self,
           GError       *error)
{
  gboolean changed;

  if (error != NULL)
    g_message ("Journal %s: %s", self->path != NULL ? self->path : "(none)", error->message);
  changed = (self->error == NULL) != (error == NULL) ||
            (error != NULL && g_strcmp0 (error->message, self->error->message) != 0);
  g_clear_error (&self->error);
  self->error = error;
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static gboolean
journal_write (GlossJournal  *self,
               const char    *data,
               gsize          len,
               GError       **error)
{
  if (self->inject_errno != 0)
    {
      g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_IO,
                   _("cannot write the journal: %s"), g_strerror (self->inject_errno));
      return FALSE;
    }
  return write_all (self->fd, data, len, error);
}

/* Creates a new journal file for the document, locks it and writes its
 * header, so that the file and its name are on disk. The previous file,
 * if any, is the caller's. */
static gboolean
open_journal (GlossJournal  *self,
              GError       **error)
{
  g_autofree char *dir = _gloss_journal_dir ();
  g_autofree char *key = _gloss_journal_identity_key (self->file, self->source);
  g_autofree char *path = _gloss_journal_new_path (key);
  g_autoptr(GString) header = g_string_new (NULL);
  int saved_errno;
  int dir_fd;
  int fd;

  if (g_mkdir_with_parents (dir, 0700) < 0)
    {
      saved_errno = errno;
      g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_IO,
                   _("cannot create the journal folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_IO,
                   _("cannot create the journal %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  if (flock (fd, LOCK_EX | LOCK_NB) < 0)
    {
      saved_errno = errno;
      g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_IO,
                   _("cannot lock the journal %s: %s"), path, g_strerror (saved_errno));
      g_close (fd, NULL);
      g_unlink (path);
      return FALSE;
    }

  write_header (self, header);
  self->fd = fd;
  if (!journal_write (self, header->str, header->len, error) || !sync_fd (fd, error))
    {
      self->fd = -1;
      g_close (fd, NULL);
      g_unlink (path);
      return FALSE;
    }
  self->size = header->len;
  g_free (self->path);
  self->path = g_steal_pointer (&path);

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
    g_close (self->fd, NULL);   /* and the lock goes with it */
  self->fd = -1;
}

/* Writes what failed to go out before, then @lines. On failure the file
 * is cut back to its last complete line and the lines wait in memory for
 * the next edit, which tries again. */
static void
append_lines (GlossJournal *self,
              GString      *lines)
{
  GError *error = NULL;

  if (self->stopped || lines->len == 0)
    return;

  if (self->recovering > 0)
    {
      g_string_append_len (self->pending, lines->str, lines->len);
      return;
    }

  g_string_append_len (self->backlog, lines->str, lines->len);
  if ((self->fd < 0 && !open_journal (self, &error)) ||
      !journal_write (self, self->backlog->str, self->backlog->len, &error) ||
      !sync_fd (self->fd, &error))
    {
      if (self->fd >= 0 && ftruncate (self->fd, self->size) < 0)
        {
          /* A torn line in the middle would hide what follows it: start a
           * new file at the next attempt. */
          close_journal (self);
        }
      set_error (self, error);
      return;
    }
  self->size += self->backlog->len;
  g_string_truncate (self->backlog, 0);
  set_error (self, NULL);
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

#define CONTEXT_LENGTH 32

/* The text around each span ({"start:end": [before, after]}), so that
 * the span can be found again in a changed document. */
static void
append_context (GString         *out,
                GlossDocument   *document,
                GlossAnnotation *annotation)
{
  guint length = gloss_document_get_length (document);
  gboolean first = TRUE;

  for (guint role = GLOSS_ROLE_CONTENT; role <= GLOSS_ROLE_EVIDENCE; role++)
    {
      guint n_spans = 0;
      const GlossSpan *spans = gloss_annotation_get_spans (annotation, role, &n_spans);

      for (guint i = 0; i < n_spans; i++)
        {
          g_autofree char *key = g_strdup_printf ("%u:%u", spans[i].start, spans[i].end);
          g_autofree char *before = gloss_document_dup_slice (document,
                                                             spans[i].start > CONTEXT_LENGTH ? spans[i].start - CONTEXT_LENGTH : 0,
                                                             spans[i].start);
          g_autofree char *after = gloss_document_dup_slice (document, spans[i].end,
                                                            MIN (length, spans[i].end + CONTEXT_LENGTH));

          g_string_append (out, first ? ", \"context\": {" : ", ");
          first = FALSE;
          gloss_json_write_string (out, key, -1);
          g_string_append (out, ": [");
          gloss_json_write_string (out, before, -1);
          g_string_append (out, ", ");
          gloss_json_write_string (out, after, -1);
          g_string_append_c (out, ']');
        }
    }
  if (!first)
    g_string_append_c (out, '}');
}

static void
on_edited (GlossJournal *self,
           const char   *label,
           int           direction)
{
  static const char * const directions[] = { "do", "undo", "redo" };
  g_autoptr(GString) out = NULL;

  /* A step that touched no annotation changed only what lies outside the
   * store (gloss_store_add_outside_step()), kept in files of its own. */
  if (self->order->len == 0 && !self->schema_dirty)
    return;
  out = g_string_new (NULL);
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
          gloss_json_write_string (out, _gloss_journal_kind_names[gloss_annotation_get_kind (now)], -1);
          g_string_append (out, ", \"annotation\": ");
          _gloss_native_write_annotation (out, self->store, now);
          append_context (out, gloss_store_get_document (self->store), now);
          g_string_append_c (out, '}');
        }
      else
        {
          g_string_append (out, "{\"change\": \"removed\", \"kind\": ");
          gloss_json_write_string (out, _gloss_journal_kind_names[touched->kind], -1);
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

  /* Dropped without gloss_journal_discard(): the file stays, unlocked,
   * as after a crash. */
  stop (self);
  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_object (&self->source);
  g_clear_pointer (&self->document_sha256, g_free);
  g_clear_pointer (&self->saved_sha256, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_clear_pointer (&self->order, g_ptr_array_unref);
  g_string_free (self->pending, TRUE);
  g_string_free (self->backlog, TRUE);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (gloss_journal_parent_class)->finalize (object);
}

static void
gloss_journal_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GlossJournal *self = GLOSS_JOURNAL (object);

  switch (prop_id)
    {
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_journal_class_init (GlossJournalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_journal_finalize;
  object_class->get_property = gloss_journal_get_property;

  /**
   * GlossJournal:error:
   *
   * Why the last edit could not be written to the journal, or %NULL
   * while every edit is on disk. Each new edit tries again.
   */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_journal_init (GlossJournal *self)
{
  self->fd = -1;
  self->touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->order = g_ptr_array_new ();
  self->pending = g_string_new (NULL);
  self->backlog = g_string_new (NULL);
}

/**
 * gloss_journal_new:
 * @store: the store to journal
 * @file: (nullable): the .gloss file @store was loaded from or last saved
 *   to; %NULL for a document never saved
 * @source: (nullable): for a document never saved, the article it was
 *   read from (%NULL if none)
 * @error: return location for a #GLOSS_JOURNAL_ERROR
 *
 * Starts journaling @store in a new journal file, created and locked now
 * and held until the journal is discarded or dropped. Leftover journals
 * of the same document are left alone.
 *
 * If the journal file cannot be created the journal is still returned,
 * with #GlossJournal:error set; the next edit tries again and keeps the
 * edits in memory until one succeeds.
 *
 * Returns: (transfer full) (nullable): the journal, or %NULL if @file
 *   cannot be read or, with %GLOSS_JOURNAL_ERROR_HELD, if another window
 *   (of this process or another) holds the journal of @file
 */
GlossJournal *
gloss_journal_new (GlossStore  *store,
                   GFile       *file,
                   GFile       *source,
                   GError     **error)
{
  return gloss_journal_new_for_digest (store, file, NULL, source, error);
}

/**
 * gloss_journal_new_for_digest:
 * @store: the store to journal
 * @file: (nullable): as for gloss_journal_new()
 * @file_sha256: (nullable): the sha256 (lower-case hex) of @file's bytes
 *   that @store was read from; %NULL to read @file now
 * @source: (nullable): as for gloss_journal_new()
 * @error: return location for a #GLOSS_JOURNAL_ERROR
 *
 * As gloss_journal_new(), for a caller that hashed @file's bytes where
 * it read them (the window does it in the thread that parses them): a
 * large file is then not read and hashed a second time.
 *
 * Returns: (transfer full) (nullable): as gloss_journal_new()
 */
GlossJournal *
gloss_journal_new_for_digest (GlossStore  *store,
                              GFile       *file,
                              const char  *file_sha256,
                              GFile       *source,
                              GError     **error)
{
  g_autoptr(GlossJournal) self = NULL;
  g_autoptr(GError) local_error = NULL;
  GlossDocument *document;

  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);
  g_return_val_if_fail (source == NULL || G_IS_FILE (source), NULL);
  g_return_val_if_fail (g_object_get_qdata (G_OBJECT (store), journal_qdata_quark ()) == NULL, NULL);

  if (file != NULL && gloss_journal_is_held (file))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_HELD,
                   _("%s is open in another window"), name);
      return NULL;
    }

  document = gloss_store_get_document (store);
  self = g_object_new (GLOSS_TYPE_JOURNAL, NULL);
  self->store = g_object_ref (store);
  self->document_sha256 = g_strdup (gloss_document_get_sha256 (document));
  if (file != NULL)
    {
      self->file = g_object_ref (file);
      self->saved_sha256 = file_sha256 != NULL ? g_strdup (file_sha256)
                                               : _gloss_journal_sha256_of_file (file, &local_error);
      if (self->saved_sha256 == NULL)
        {
          g_autofree char *name = g_file_get_parse_name (file);

          g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_IO,
                       _("%s: cannot read: %s"), name, local_error->message);
          return NULL;
        }
    }
  else if (source != NULL)
    self->source = g_object_ref (source);

  if (!open_journal (self, &local_error))
    set_error (self, g_steal_pointer (&local_error));

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
 * Returns: (transfer full) (nullable): the journal file, or %NULL while
 *   it could not be created
 */
GFile *
gloss_journal_get_file (GlossJournal *self)
{
  g_return_val_if_fail (GLOSS_IS_JOURNAL (self), NULL);
  return self->fd >= 0 && self->path != NULL ? g_file_new_for_path (self->path) : NULL;
}

/**
 * gloss_journal_get_error:
 *
 * Returns: (transfer none) (nullable): why the last edit is not on disk;
 *   %NULL when every edit is
 */
const GError *
gloss_journal_get_error (GlossJournal *self)
{
  g_return_val_if_fail (GLOSS_IS_JOURNAL (self), NULL);
  return self->error;
}

void
_gloss_journal_inject_failure (GlossJournal *self,
                               int           saved_errno)
{
  g_return_if_fail (GLOSS_IS_JOURNAL (self));
  self->inject_errno = saved_errno;
}

/**
 * gloss_journal_is_for_file:
 * @file: a .gloss file
 *
 * Returns: whether @self journals the document saved as @file (under
 *   any of its names)
 */
gboolean
gloss_journal_is_for_file (GlossJournal *self,
                           GFile        *file)
{
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;

  g_return_val_if_fail (GLOSS_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->file == NULL || self->stopped)
    return FALSE;
  mine = _gloss_journal_identity_key (self->file, NULL);
  theirs = _gloss_journal_identity_key (file, NULL);
  return g_str_equal (mine, theirs);
}

/**
 * gloss_journal_mark_saved:
 * @file: where the store was saved
 * @saved_bytes: (nullable): what was written there; %NULL to read @file
 *
 * Starts the journal over from the saved state: a new file, keyed by
 * @file, holding only a header; then the old one is deleted (after a Save
 * As the journal moves to the new name).
 *
 * Returns: %FALSE if the new journal cannot be written (the journal's
 *   error is set, and the next edit tries again)
 */
gboolean
gloss_journal_mark_saved (GlossJournal  *self,
                          GFile         *file,
                          GBytes        *saved_bytes,
                          GError       **error)
{
  g_autofree char *old_path = NULL;
  g_autofree char *saved_sha256 = NULL;
  GError *local_error = NULL;
  int old_fd;

  g_return_val_if_fail (GLOSS_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->stopped)
    return TRUE;

  if (saved_bytes != NULL)
    saved_sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, saved_bytes);
  else if ((saved_sha256 = _gloss_journal_sha256_of_file (file, &local_error)) == NULL)
    {
      g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_IO,
                   _("cannot read the saved file: %s"), local_error->message);
      set_error (self, local_error);
      return FALSE;
    }

  old_path = g_strdup (self->path);
  old_fd = self->fd;
  self->fd = -1;
  g_set_object (&self->file, file);
  g_clear_object (&self->source);
  g_free (self->saved_sha256);
  self->saved_sha256 = g_steal_pointer (&saved_sha256);
  self->schema_dirty = FALSE;
  /* The saved file holds everything the backlog held. */
  g_string_truncate (self->backlog, 0);

  if (!open_journal (self, &local_error))
    {
      g_propagate_error (error, g_error_copy (local_error));
      set_error (self, local_error);
    }
  else
    set_error (self, NULL);

  /* The old journal's edits are in the saved file now. */
  if (old_fd >= 0)
    {
      if (old_path != NULL)
        g_unlink (old_path);
      g_close (old_fd, NULL);
    }
  return self->error == NULL;
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

  if (self->fd >= 0 && self->path != NULL)
    g_unlink (self->path);
  stop (self);
}

/* The journal attached to @store, if any, told to hold back what
 * gloss_journal_recover() does until _gloss_journal_end_recovering(). */
GlossJournal *
_gloss_journal_begin_recovering (GlossStore *store)
{
  GlossJournal *journal = g_object_get_qdata (G_OBJECT (store), journal_qdata_quark ());

  if (journal != NULL)
    journal->recovering++;
  return journal;
}

/* The window's journal gets the recovered state as one line, once the
 * replay succeeded (nothing of a failed one). */
void
_gloss_journal_end_recovering (GlossJournal *journal,
                               gboolean      succeeded)
{
  g_autoptr(GString) pending = g_string_new (NULL);

  journal->recovering--;
  if (succeeded)
    {
      if (journal->schema_dirty)
        append_schema_line (journal, pending);
      g_string_append_len (pending, journal->pending->str, journal->pending->len);
    }
  journal->schema_dirty = FALSE;
  g_string_truncate (journal->pending, 0);
  append_lines (journal, pending);
}
