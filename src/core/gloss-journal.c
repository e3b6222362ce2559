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
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <utime.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gloss-error.h"
#include "gloss-format-native-private.h"
#include "gloss-journal-private.h"
#include "gloss-json-parse.h"
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

/* Identity, names and locks
 *
 * A journal is named <key>.<session>.jsonl. The key is the SHA-256 of the
 * document's identity: the canonical URI of its .gloss file or, for a
 * document never saved, "unsaved:" and the canonical URI of the article
 * it was read from. The session (start time, process, counter) makes the
 * name unique, so two windows on one unsaved article, or a new session
 * next to a leftover the user has not decided about, never share a file.
 * The journal's owner holds an flock() on it for as long as it lives; a
 * journal nobody holds is a leftover of a crash (or one kept for later). */

static char *
journal_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "gloss", "journal", NULL);
}

/* The file's URI with symbolic links and "..", "." resolved, so that two
 * names of one file have one journal. */
static char *
canonical_uri (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *canonical = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  char *real;

  if (path == NULL)
    return g_file_get_uri (file);

  canonical = g_canonicalize_filename (path, NULL);
  real = realpath (canonical, NULL);
  if (real == NULL)
    {
      /* Not there (yet): resolve its folder. */
      dir = g_path_get_dirname (canonical);
      base = g_path_get_basename (canonical);
      real = realpath (dir, NULL);
      if (real != NULL)
        {
          g_free (canonical);
          canonical = g_build_filename (real, base, NULL);
          free (real);
        }
    }
  else
    {
      g_free (canonical);
      canonical = g_strdup (real);
      free (real);
    }
  return g_filename_to_uri (canonical, NULL, NULL);
}

static char *
identity_key (GFile *file,
              GFile *source)
{
  g_autofree char *uri = NULL;
  g_autofree char *key_source = NULL;

  if (file != NULL)
    key_source = canonical_uri (file);
  else
    {
      uri = source != NULL ? canonical_uri (source) : NULL;
      key_source = g_strconcat ("unsaved:", uri, NULL);
    }
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, key_source, -1);
}

static char *
new_journal_path (const char *key)
{
  static int counter;
  g_autofree char *dir = journal_dir ();
  g_autofree char *name = NULL;

  name = g_strdup_printf ("%s.%016" G_GINT64_MODIFIER "x-%ld-%d.jsonl", key, g_get_real_time (),
                          (long) getpid (), g_atomic_int_add (&counter, 1));
  return g_build_filename (dir, name, NULL);
}

/* Whether an open file description (of this process or another) holds
 * the lock on @path. */
static gboolean
path_is_held (const char *path)
{
  gboolean held = FALSE;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    return FALSE;
  if (flock (fd, LOCK_EX | LOCK_NB) < 0)
    held = errno == EWOULDBLOCK;
  g_close (fd, NULL);   /* releases our probe, not the owner's lock */
  return held;
}

typedef enum
{
  LIST_ALL,
  LIST_LEFTOVERS,
  LIST_HELD,
} ListWhat;

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The journals of @key, oldest first (session names sort by time). */
static GPtrArray *
list_journals (const char *key,
               ListWhat    what)
{
  g_autofree char *dir_path = journal_dir ();
  g_autofree char *prefix = g_strconcat (key, ".", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return paths;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, ".jsonl"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      if (what != LIST_ALL && path_is_held (path) != (what == LIST_HELD))
        continue;
      g_ptr_array_add (paths, g_steal_pointer (&path));
    }
  g_ptr_array_sort (paths, compare_paths);
  return paths;
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
                   "cannot write the journal: %s", g_strerror (self->inject_errno));
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
  g_autofree char *dir = journal_dir ();
  g_autofree char *key = identity_key (self->file, self->source);
  g_autofree char *path = new_journal_path (key);
  g_autoptr(GString) header = g_string_new (NULL);
  int saved_errno;
  int dir_fd;
  int fd;

  if (g_mkdir_with_parents (dir, 0700) < 0)
    {
      saved_errno = errno;
      g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_IO,
                   "cannot create the journal folder %s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_IO,
                   "cannot create the journal %s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  if (flock (fd, LOCK_EX | LOCK_NB) < 0)
    {
      saved_errno = errno;
      g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_IO,
                   "cannot lock the journal %s: %s", path, g_strerror (saved_errno));
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
          append_context (out, gloss_store_get_document (self->store), now);
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
                   "%s is open in another window", name);
      return NULL;
    }

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
  mine = identity_key (self->file, NULL);
  theirs = identity_key (file, NULL);
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
  else if ((saved_sha256 = sha256_of_file (file, &local_error)) == NULL)
    {
      g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_IO,
                   "cannot read the saved file: %s", local_error->message);
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

/**
 * gloss_journal_is_held:
 * @file: a .gloss file
 *
 * Returns: whether a window (of this process or another) holds the
 *   journal of the document saved as @file, that is, has it open
 */
gboolean
gloss_journal_is_held (GFile *file)
{
  g_autofree char *key = NULL;
  g_autoptr(GPtrArray) held = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  key = identity_key (file, NULL);
  held = list_journals (key, LIST_HELD);
  return held->len > 0;
}

/**
 * gloss_journal_find:
 * @file: (nullable): a .gloss file
 * @source: (nullable): with @file %NULL: the article an unsaved document
 *   was read from (%NULL for one read from nowhere)
 *
 * The one way to find the journal a crash (or a kill, or a recovery put
 * off) left behind for a document: the oldest journal of the document
 * saved as @file (or of the unsaved article from @source) that no window
 * holds. Journals are keyed by the document's identity, never by its
 * text.
 *
 * Returns: (transfer full) (nullable): the leftover journal, if any
 */
GFile *
gloss_journal_find (GFile *file,
                    GFile *source)
{
  g_autofree char *key = NULL;
  g_autoptr(GPtrArray) leftovers = NULL;

  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);
  g_return_val_if_fail (source == NULL || G_IS_FILE (source), NULL);

  gloss_journal_prune_discarded ();
  key = identity_key (file, source);
  leftovers = list_journals (key, LIST_LEFTOVERS);
  if (leftovers->len == 0)
    return NULL;
  return g_file_new_for_path (g_ptr_array_index (leftovers, 0));
}

/**
 * gloss_journal_delete:
 *
 * Deletes a leftover journal (one with no edits in it).
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

static char *
discarded_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "gloss", "journal", "discarded", NULL);
}

/**
 * gloss_journal_set_aside:
 * @journal_file: a leftover journal the user chose not to recover
 *
 * Moves @journal_file into the `discarded` folder next to the journals,
 * from where it is deleted after %GLOSS_JOURNAL_DISCARDED_DAYS days.
 *
 * Returns: %FALSE if it cannot be moved
 */
gboolean
gloss_journal_set_aside (GFile   *journal_file,
                         GError **error)
{
  g_autofree char *dir = discarded_dir ();
  g_autofree char *path = g_file_get_path (journal_file);
  g_autofree char *base = NULL;
  g_autofree char *target = NULL;
  int saved_errno;

  g_return_val_if_fail (G_IS_FILE (journal_file), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  base = g_path_get_basename (path);
  target = g_build_filename (dir, base, NULL);
  if (g_mkdir_with_parents (dir, 0700) < 0 || g_rename (path, target) < 0)
    {
      saved_errno = errno;
      g_set_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_IO,
                   "cannot move the journal to %s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }
  /* The week starts now, not when the edits were made. */
  g_utime (target, NULL);
  gloss_journal_prune_discarded ();
  return TRUE;
}

/**
 * gloss_journal_prune_discarded:
 *
 * Deletes the discarded journals set aside more than
 * %GLOSS_JOURNAL_DISCARDED_DAYS days ago.
 */
void
gloss_journal_prune_discarded (void)
{
  g_autofree char *dir_path = discarded_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  gint64 limit = g_get_real_time () / G_USEC_PER_SEC - GLOSS_JOURNAL_DISCARDED_DAYS * 24 * 3600;
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      GStatBuf st;

      if (g_str_has_suffix (name, ".jsonl") && g_stat (path, &st) == 0 && S_ISREG (st.st_mode) &&
          (gint64) st.st_mtime < limit)
        g_unlink (path);
    }
}

/* Reading */

typedef struct
{
  GlossAnnotationKind kind;
  gboolean            removed;
  gboolean            added;
  char               *id;          /* removed */
  gsize               start, end;  /* the annotation's JSON in the line */
  gsize               context_start, context_end;   /* or 0, 0 */
} Change;

typedef struct
{
  const char *data;     /* the line, in the journal's bytes */
  gsize       length;
  guint       number;   /* 1-based, for messages */
  JsonNode   *schema;
  GArray     *changes;  /* Change */
  char       *label;    /* the edit's name; NULL on a schema line */
  char       *direction;
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
  g_clear_pointer (&line->label, g_free);
  g_clear_pointer (&line->direction, g_free);
}

typedef struct
{
  GBytes *bytes;
  char   *name;        /* the journal, for messages */
  GArray *lines;       /* Line */
  GError *mismatch;    /* the base it was written on is not this one */
} Journal;

static void
journal_clear (Journal *j)
{
  g_clear_pointer (&j->bytes, g_bytes_unref);
  g_clear_pointer (&j->name, g_free);
  g_clear_pointer (&j->lines, g_array_unref);
  g_clear_error (&j->mismatch);
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

/* Where the object that is the member's value starts and ends in the line. */
static gboolean
object_extent (GlossJsonReader *r,
               gsize           *start,
               gsize           *end)
{
  if (gloss_json_reader_next (r) != GLOSS_JSON_BEGIN_OBJECT)
    {
      gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID, "expected an object");
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

  if (!kind_from_string (kind, &change->kind))
    {
      gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID, "unknown kind of annotation");
      return FALSE;
    }
  change->removed = g_strcmp0 (what, "removed") == 0;
  change->added = g_strcmp0 (what, "added") == 0;
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

  if (!journal_load (&j, store, journal_file, TRUE, error))
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

  if (!journal_load (&j, store, journal_file, FALSE, error))
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

/* The window's journal gets the recovered state as one line, once the
 * replay succeeded (nothing of a failed one). */
static void
end_recovering (GlossJournal *journal,
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

  if (!journal_load (&j, store, journal_file, FALSE, error))
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
    end_recovering (journal, local_error == NULL);

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
                                                      kind_names[kind], id, quote, why));
  else
    g_ptr_array_add (a->not_applied, g_strdup_printf ("line %u: %s %s: %s", line->number,
                                                      kind_names[kind], id, why));
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

  if (!journal_load (&j, store, journal_file, TRUE, error))
    return FALSE;
  a.replay.name = j.name;
  a.not_applied = g_ptr_array_new_with_free_func (g_free);

  journal = g_object_get_qdata (G_OBJECT (store), journal_qdata_quark ());
  if (journal != NULL)
    journal->recovering++;

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
    end_recovering (journal, TRUE);

  if (n_edits != NULL)
    *n_edits = n_whole;
  *not_applied_out = a.not_applied;
  return TRUE;
}
