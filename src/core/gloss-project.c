/* gloss-project.c: a folder of documents annotated with one schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * FOLDER/project.json    name, schema, the documents (one a line, by id)
 * FOLDER/progress/A.json  annotator A's status of each document
 * FOLDER/documents/ID/    source.gloss (the text as added), A.gloss (A's
 *                         annotations), curated.gloss (once curated)
 *
 * Opening reads the first two files only: documents load when opened.
 */
#include "config.h"

#include <string.h>

#include "gloss-annotator.h"
#include "gloss-atomic-file.h"
#include "gloss-error.h"
#include "gloss-json-parse.h"
#include "gloss-json-writer.h"
#include "gloss-format-native.h"
#include "gloss-input-file.h"
#include "gloss-mention.h"
#include "gloss-project-private.h"
#include "gloss-util-private.h"

struct _GlossProject
{
  GObject      parent_instance;

  GFile       *folder;
  char        *name;
  char        *annotator;
  char        *stem;       /* the annotator's file names */
  GlossSchema *schema;
  GListStore  *documents;  /* in order of id */
  GHashTable  *by_id;      /* id → GlossProjectDocument (borrowed) */
  JsonObject  *extra;

  /* Read or built when first needed. */
  GlossRegistry *registry;
  GlossLexicon  *lexicon;
  GlossMatcher  *matcher;
};

G_DEFINE_FINAL_TYPE (GlossProject, gloss_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gloss_project_finalize (GObject *object)
{
  GlossProject *self = (GlossProject *)object;

  g_clear_object (&self->folder);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->annotator, g_free);
  g_clear_pointer (&self->stem, g_free);
  g_clear_object (&self->schema);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_object (&self->documents);
  g_clear_pointer (&self->extra, json_object_unref);
  g_clear_object (&self->registry);
  g_clear_pointer (&self->lexicon, _gloss_lexicon_free);
  g_clear_object (&self->matcher);

  G_OBJECT_CLASS (gloss_project_parent_class)->finalize (object);
}

static void
gloss_project_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GlossProject *self = GLOSS_PROJECT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_project_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GlossProject *self = GLOSS_PROJECT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      gloss_project_set_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_project_class_init (GlossProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_project_finalize;
  object_class->get_property = gloss_project_get_property;
  object_class->set_property = gloss_project_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_project_init (GlossProject *self)
{
  self->documents = g_list_store_new (GLOSS_TYPE_PROJECT_DOCUMENT);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
set_annotator (GlossProject *self,
               const char   *annotator)
{
  self->annotator = annotator != NULL && *annotator != '\0' ? g_strdup (annotator)
                                                             : gloss_annotator_default_name ();
  self->stem = gloss_annotator_file_stem (self->annotator);
}

/**
 * gloss_project_new:
 * @folder: the project folder (need not exist yet)
 * @schema: (nullable): the schema of new documents; the default when %NULL
 * @annotator: (nullable): whose work this is
 *
 * Returns: (transfer full): an empty project
 */
GlossProject *
gloss_project_new (GFile       *folder,
                   const char  *name,
                   GlossSchema *schema,
                   const char  *annotator)
{
  GlossProject *self;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  self = g_object_new (GLOSS_TYPE_PROJECT, NULL);
  self->folder = g_object_ref (folder);
  self->name = g_strdup (name);
  self->schema = schema ? g_object_ref (schema) : gloss_schema_new_default ();
  set_annotator (self, annotator);
  return self;
}

/* One folder name inside documents/: no separators, nothing hidden. */
static gboolean
id_is_safe (const char *id)
{
  return id != NULL && *id != '\0' && *id != '.' && strchr (id, '/') == NULL && strchr (id, '\\') == NULL &&
         g_utf8_validate (id, -1, NULL);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  return strcmp (gloss_project_document_get_id ((GlossProjectDocument *) a),
                 gloss_project_document_get_id ((GlossProjectDocument *) b));
}

static void
insert_document (GlossProject         *self,
                 GlossProjectDocument *doc)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));
  g_autoptr(GlossProjectDocument) last = n > 0 ? g_list_model_get_item (G_LIST_MODEL (self->documents), n - 1) : NULL;

  /* Files list their documents in order: appending is the common case. */
  if (last == NULL || compare_ids (last, doc, NULL) < 0)
    g_list_store_append (self->documents, doc);
  else
    g_list_store_insert_sorted (self->documents, doc, compare_ids, NULL);
  g_hash_table_insert (self->by_id, (gpointer) gloss_project_document_get_id (doc), doc);
}

static gboolean
parse_documents (GlossProject  *self,
                 JsonNode      *node,
                 GHashTable    *progress,
                 const char    *where,
                 GError       **error)
{
  static const char * const known[] = { "id", "title", "source", NULL };
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: documents: expected an array", where);
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *e = json_array_get_element (array, i);
      g_autoptr(GlossProjectDocument) doc = NULL;
      g_autoptr(JsonObject) extra = NULL;
      GlossProgressEntry *entry;
      const char *id;
      JsonObject *o;

      if (!JSON_NODE_HOLDS_OBJECT (e))
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: documents[%u]: expected an object", where, i);
          return FALSE;
        }
      o = json_node_get_object (e);
      id = _gloss_json_get_string (o, "id");
      if (!id_is_safe (id))
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: documents[%u].id: expected the name of a folder in documents/", where, i);
          return FALSE;
        }
      if (gloss_project_lookup (self, id) != NULL)
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: documents[%u].id: “%s” is listed twice", where, i, id);
          return FALSE;
        }

      doc = gloss_project_document_new (id);
      gloss_project_document_set_title (doc, _gloss_json_get_string (o, "title"));
      gloss_project_document_set_source (doc, _gloss_json_get_string (o, "source"));
      if ((entry = g_hash_table_lookup (progress, id)) != NULL)
        {
          gloss_project_document_set_status (doc, entry->status);
          gloss_project_document_set_counts (doc, entry->n_mentions, entry->n_claims);
        }
      extra = _gloss_json_object_extra (o, known);
      gloss_project_document_set_extra (doc, extra);
      insert_document (self, doc);
    }

  return TRUE;
}

static GFile *
progress_file (GlossProject *self,
               const char   *stem)
{
  g_autofree char *name = g_strconcat (stem, ".json", NULL);
  g_autoptr(GFile) dir = g_file_get_child (self->folder, "progress");

  return g_file_get_child (dir, name);
}

gboolean
gloss_project_is_project_folder (GFile *folder)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (G_IS_FILE (folder), FALSE);

  file = g_file_get_child (folder, "project.json");
  return g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_REGULAR;
}

/**
 * gloss_project_load:
 *
 * Returns: (transfer full) (nullable): the project
 */
GlossProject *
gloss_project_load (GFile      *location,
                    const char *annotator,
                    GError    **error)
{
  static const char * const known[] = { "format", "version", "name", "schema", "documents", NULL };
  g_autoptr(GlossProject) self = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *where = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GHashTable) progress = NULL;
  g_autoptr(GFile) progress_location = NULL;
  const char *contents;
  gsize length;
  JsonObject *root;
  JsonNode *node;

  g_return_val_if_fail (G_IS_FILE (location), NULL);

  if (g_file_query_file_type (location, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    {
      folder = g_object_ref (location);
      file = g_file_get_child (location, "project.json");
    }
  else
    {
      folder = g_file_get_parent (location);
      file = g_object_ref (location);
    }
  where = g_file_get_parse_name (file);

  if ((bytes = gloss_input_file_load (file, &local_error)) == NULL)
    {
      g_set_error_literal (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO, local_error->message);
      return NULL;
    }
  contents = g_bytes_get_data (bytes, &length);
  parsed = gloss_json_parse (contents, length, where, error);
  if (parsed == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (parsed))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: expected a JSON object", where);
      return NULL;
    }
  root = json_node_get_object (parsed);

  if (g_strcmp0 (_gloss_json_get_string (root, "format"), "gloss-project") != 0)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: format: not a Gloss project (expected \"gloss-project\")", where);
      return NULL;
    }
  node = json_object_get_member (root, "version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 1)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: version: expected a whole number", where);
      return NULL;
    }
  if (json_node_get_int (node) > GLOSS_PROJECT_VERSION)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_VERSION,
                   "%s was written by a newer version of Gloss (project format %" G_GINT64_FORMAT
                   "; this version reads up to %d). Update Gloss to open it.",
                   where, json_node_get_int (node), GLOSS_PROJECT_VERSION);
      return NULL;
    }

  self = g_object_new (GLOSS_TYPE_PROJECT, NULL);
  self->folder = g_steal_pointer (&folder);
  self->name = g_strdup (_gloss_json_get_string (root, "name"));
  set_annotator (self, annotator);

  node = json_object_get_member (root, "schema");
  if (node != NULL)
    {
      self->schema = gloss_schema_new_from_json (node, where, error);
      if (self->schema == NULL)
        return NULL;
    }
  else
    self->schema = gloss_schema_new_default ();

  progress_location = progress_file (self, self->stem);
  if ((progress = _gloss_project_progress_read (progress_location, NULL, error)) == NULL)
    return NULL;

  node = json_object_get_member (root, "documents");
  if (node != NULL && !parse_documents (self, node, progress, where, error))
    return NULL;

  self->extra = _gloss_json_object_extra (root, known);
  return g_steal_pointer (&self);
}

/* Pretty, except one document a line: adding documents and renaming one
 * touch only their own lines. */
static GBytes *
project_bytes (GlossProject *self)
{
  GString *out = g_string_new ("{\n  \"format\": \"gloss-project\",\n  \"version\": ");
  g_autoptr(JsonNode) schema = gloss_schema_to_json (self->schema);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));

  gloss_json_write_uint (out, GLOSS_PROJECT_VERSION);
  if (self->name != NULL)
    {
      g_string_append (out, ",\n  \"name\": ");
      gloss_json_write_string (out, self->name, -1);
    }
  g_string_append (out, ",\n  \"schema\": ");
  gloss_json_write_node (out, schema, TRUE, 1);

  if (self->extra != NULL)
    {
      JsonObjectIter iter;
      const char *member;
      JsonNode *value;

      json_object_iter_init_ordered (&iter, self->extra);
      while (json_object_iter_next_ordered (&iter, &member, &value))
        {
          g_string_append (out, ",\n  ");
          gloss_json_write_string (out, member, -1);
          g_string_append (out, ": ");
          gloss_json_write_node (out, value, TRUE, 1);
        }
    }

  g_string_append (out, ",\n  \"documents\": [");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossProjectDocument) doc = g_list_model_get_item (G_LIST_MODEL (self->documents), i);
      JsonObject *extra = gloss_project_document_get_extra (doc);

      g_string_append (out, i == 0 ? "\n    {\"id\": " : ",\n    {\"id\": ");
      gloss_json_write_string (out, gloss_project_document_get_id (doc), -1);
      if (gloss_project_document_get_title (doc) != NULL)
        {
          g_string_append (out, ", \"title\": ");
          gloss_json_write_string (out, gloss_project_document_get_title (doc), -1);
        }
      if (gloss_project_document_get_source (doc) != NULL)
        {
          g_string_append (out, ", \"source\": ");
          gloss_json_write_string (out, gloss_project_document_get_source (doc), -1);
        }
      if (extra != NULL)
        {
          JsonObjectIter iter;
          const char *member;
          JsonNode *value;

          json_object_iter_init_ordered (&iter, extra);
          while (json_object_iter_next_ordered (&iter, &member, &value))
            {
              g_string_append (out, ", ");
              gloss_json_write_string (out, member, -1);
              g_string_append (out, ": ");
              gloss_json_write_node (out, value, FALSE, 0);
            }
        }
      g_string_append_c (out, '}');
    }
  g_string_append (out, n > 0 ? "\n  ]\n}\n" : "]\n}\n");
  return g_string_free_to_bytes (out);
}

static gboolean
make_folder (GFile   *folder,
             GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_make_directory_with_parents (folder, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_autofree char *name = g_file_get_parse_name (folder);

      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO,
                   "%s: cannot create the folder: %s", name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Both files reach the disk before either replaces its old version. */
static gboolean
write_files (GFile  **files,
             GBytes **contents,
             guint    n,
             GError **error)
{
  g_autoptr(GPtrArray) atomic = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_atomic_file_abort);

  for (guint i = 0; i < n; i++)
    {
      GlossAtomicFile *file = gloss_atomic_file_begin (files[i], TRUE, error);
      gsize size;
      gconstpointer data = g_bytes_get_data (contents[i], &size);

      if (file == NULL)
        return FALSE;
      g_ptr_array_add (atomic, file);
      if (!gloss_atomic_file_write (file, data, size, error) || !gloss_atomic_file_sync (file, error))
        return FALSE;
    }
  for (guint i = 0; i < n; i++)
    if (!gloss_atomic_file_commit (g_ptr_array_index (atomic, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
save_progress (GlossProject  *self,
               GError       **error)
{
  g_autoptr(GFile) file = progress_file (self, self->stem);
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autoptr(GBytes) bytes = _gloss_project_progress_write (self->annotator, G_LIST_MODEL (self->documents));

  return make_folder (dir, error) && gloss_atomic_file_replace (file, g_bytes_get_data (bytes, NULL),
                                                                g_bytes_get_size (bytes), TRUE, error);
}

gboolean
gloss_project_save (GlossProject  *self,
                    GError       **error)
{
  g_autoptr(GFile) project = NULL;
  g_autoptr(GFile) progress = NULL;
  g_autoptr(GFile) progress_dir = NULL;
  g_autoptr(GBytes) project_contents = NULL;
  g_autoptr(GBytes) progress_contents = NULL;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  project = g_file_get_child (self->folder, "project.json");
  progress = progress_file (self, self->stem);
  progress_dir = g_file_get_parent (progress);
  if (!make_folder (self->folder, error) || !make_folder (progress_dir, error))
    return FALSE;

  project_contents = project_bytes (self);
  progress_contents = _gloss_project_progress_write (self->annotator, G_LIST_MODEL (self->documents));
  return write_files ((GFile *[]) { project, progress },
                      (GBytes *[]) { project_contents, progress_contents }, 2, error);
}

/**
 * gloss_project_get_folder:
 *
 * Returns: (transfer none): the project folder
 */
GFile *
gloss_project_get_folder (GlossProject *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  return self->folder;
}

const char *
gloss_project_get_name (GlossProject *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  return self->name;
}

void
gloss_project_set_name (GlossProject *self,
                        const char   *name)
{
  g_return_if_fail (GLOSS_IS_PROJECT (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
gloss_project_get_annotator (GlossProject *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  return self->annotator;
}

/**
 * gloss_project_get_schema:
 *
 * Returns: (transfer none): the schema new documents start with
 */
GlossSchema *
gloss_project_get_schema (GlossProject *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  return self->schema;
}

void
gloss_project_set_schema (GlossProject *self,
                          GlossSchema  *schema)
{
  g_return_if_fail (GLOSS_IS_PROJECT (self));
  g_return_if_fail (GLOSS_IS_SCHEMA (schema));
  if (g_set_object (&self->schema, schema))
    g_clear_object (&self->matcher);
}

/**
 * gloss_project_get_documents:
 *
 * Returns: (transfer none): a #GListModel of #GlossProjectDocument
 */
GListModel *
gloss_project_get_documents (GlossProject *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->documents);
}

/**
 * gloss_project_lookup:
 *
 * Returns: (transfer none) (nullable): the document @id
 */
GlossProjectDocument *
gloss_project_lookup (GlossProject *self,
                      const char   *id)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  return id != NULL ? g_hash_table_lookup (self->by_id, id) : NULL;
}

/**
 * gloss_project_get_document_file:
 *
 * Returns: (transfer full): documents/ID/NAME.gloss
 */
GFile *
gloss_project_get_document_file (GlossProject         *self,
                                 GlossProjectDocument *document,
                                 const char           *name)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (GLOSS_IS_PROJECT_DOCUMENT (document), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  path = g_strdup_printf ("documents/%s/%s.gloss", gloss_project_document_get_id (document), name);
  return g_file_resolve_relative_path (self->folder, path);
}

/* "Kim & Putin.txt" → "kim-putin" */
static char *
slug (const char *basename)
{
  g_autofree char *stem = g_strdup (basename ? basename : "document");
  GString *s = g_string_new (NULL);
  char *dot = strrchr (stem, '.');

  if (dot != NULL && dot != stem)
    *dot = '\0';
  for (const char *p = stem; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (s, g_ascii_tolower (*p));
      else if (s->len > 0 && s->str[s->len - 1] != '-')
        g_string_append_c (s, '-');
    }
  while (s->len > 0 && s->str[s->len - 1] == '-')
    g_string_truncate (s, s->len - 1);
  if (s->len == 0)
    g_string_append (s, "document");
  return g_string_free (s, FALSE);
}

/**
 * gloss_project_add_store:
 *
 * Returns: (transfer none) (nullable): the new entry
 */
GlossProjectDocument *
gloss_project_add_store (GlossProject  *self,
                         GlossStore    *store,
                         const char    *basename,
                         GError       **error)
{
  g_autofree char *stem = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GFile) documents = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GlossProjectDocument) doc = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  GlossDocument *document;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);

  stem = slug (basename);
  documents = g_file_get_child (self->folder, "documents");
  if (!make_folder (documents, error))
    return NULL;

  /* A folder of that name may be someone else's document not pulled into
   * this project.json yet: never share it. */
  for (guint i = 1; ; i++)
    {
      g_clear_pointer (&id, g_free);
      g_clear_object (&folder);
      id = i == 1 ? g_strdup (stem) : g_strdup_printf ("%s-%u", stem, i);
      folder = g_file_get_child (documents, id);
      if (gloss_project_lookup (self, id) != NULL)
        continue;
      if (g_file_make_directory (folder, NULL, &local_error))
        break;
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_autofree char *name = g_file_get_parse_name (folder);

          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO,
                       "%s: cannot create the folder: %s", name, local_error->message);
          return NULL;
        }
      g_clear_error (&local_error);
    }

  /* Datasets name documents by their ids. */
  document = gloss_store_get_document (store);
  if (gloss_document_get_id (document) == NULL || *gloss_document_get_id (document) == '\0')
    gloss_document_set_id (document, id);

  file = g_file_get_child (folder, GLOSS_PROJECT_SOURCE ".gloss");
  bytes = gloss_native_write_bytes (store);
  if (!gloss_format_write_file (file, bytes, FALSE, error))
    {
      g_file_delete (folder, NULL, NULL);
      return NULL;
    }

  doc = gloss_project_document_new (id);
  gloss_project_document_set_title (doc, gloss_document_get_title (document));
  gloss_project_document_set_source (doc, basename);
  insert_document (self, doc);
  return doc;
}

/**
 * gloss_project_read_text_file:
 *
 * Returns: (transfer full) (nullable): the article's store
 */
GlossStore *
gloss_project_read_text_file (GlossProject  *self,
                              GFile         *article,
                              GError       **error)
{
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossSchema) schema = NULL;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (G_IS_FILE (article), NULL);

  document = gloss_document_new_from_file (article, error);
  if (document == NULL)
    return NULL;
  gloss_document_set_language (document, "en");

  schema = gloss_schema_copy (self->schema);
  return gloss_store_new (document, schema);
}

/**
 * gloss_project_add_text_file:
 *
 * Returns: (transfer none) (nullable): the new entry
 */
GlossProjectDocument *
gloss_project_add_text_file (GlossProject  *self,
                             GFile         *article,
                             GError       **error)
{
  g_autoptr(GlossStore) store = NULL;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (G_IS_FILE (article), NULL);

  if ((store = gloss_project_read_text_file (self, article, error)) == NULL)
    return NULL;
  basename = g_file_get_basename (article);
  return gloss_project_add_store (self, store, basename, error);
}

gboolean
gloss_project_remove (GlossProject         *self,
                      GlossProjectDocument *document)
{
  guint position;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  if (!g_list_store_find (self->documents, document, &position))
    return FALSE;
  g_hash_table_remove (self->by_id, gloss_project_document_get_id (document));
  g_list_store_remove (self->documents, position);
  return TRUE;
}

static gboolean
file_exists (GFile *file)
{
  return g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_REGULAR;
}

/**
 * gloss_project_open_document:
 *
 * Returns: (transfer full) (nullable): the document's store
 */
GlossStore *
gloss_project_open_document (GlossProject          *self,
                             GlossProjectDocument  *document,
                             GError               **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GlossStore) store = NULL;
  GlossRegistry *registry;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (GLOSS_IS_PROJECT_DOCUMENT (document), NULL);

  file = gloss_project_get_document_file (self, document, self->stem);
  if (!file_exists (file))
    {
      g_clear_object (&file);
      file = gloss_project_get_document_file (self, document, GLOSS_PROJECT_SOURCE);
    }
  if ((store = gloss_native_read_file (file, error)) == NULL ||
      (registry = gloss_project_get_registry (self, error)) == NULL)
    return NULL;
  gloss_registry_apply (registry, store);
  gloss_project_apply_schema (self, store);
  return g_steal_pointer (&store);
}

/* Every text tagged in @store is suggested in the next documents. */
static gboolean
learn (GlossProject  *self,
       GlossStore    *store,
       GError       **error)
{
  GListModel *mentions = gloss_store_get_list (store, GLOSS_KIND_MENTION);
  GlossDocument *document = gloss_store_get_document (store);
  GlossLexicon *lexicon = _gloss_project_get_lexicon (self, error);
  gboolean changed = FALSE;

  if (lexicon == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(GlossMention) m = g_list_model_get_item (mentions, i);
      GlossEntity *entity = gloss_mention_get_entity (m);
      const char *entity_id = entity ? gloss_annotation_get_id (GLOSS_ANNOTATION (entity)) : NULL;
      const char *type = gloss_annotation_get_type_id (GLOSS_ANNOTATION (m));
      const GlossSpan *spans;
      g_autofree char *text = NULL;
      GlossLexiconEntry *known;
      guint n_spans;

      spans = gloss_annotation_get_spans (GLOSS_ANNOTATION (m), GLOSS_ROLE_CONTENT, &n_spans);
      if (n_spans != 1 || type == NULL)
        continue;
      text = gloss_document_dup_slice (document, spans[0].start, spans[0].end);
      known = g_hash_table_lookup (lexicon->tagged, text);
      if (known != NULL && g_strcmp0 (known->type, type) == 0 && g_strcmp0 (known->entity, entity_id) == 0)
        continue;
      _gloss_lexicon_tag (lexicon, text, type, entity_id);
      changed = TRUE;
    }
  return !changed || _gloss_project_save_lexicon (self, error);
}

gboolean
gloss_project_save_document (GlossProject          *self,
                             GlossProjectDocument  *document,
                             GlossStore            *store,
                             GError               **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_PROJECT_DOCUMENT (document), FALSE);
  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);

  if (!gloss_project_link_document (self, store, error))
    return FALSE;
  file = gloss_project_get_document_file (self, document, self->stem);
  bytes = gloss_native_write_bytes (store);
  if (!gloss_format_write_file (file, bytes, TRUE, error))
    return FALSE;
  return gloss_project_record_document (self, document, store, error);
}

/**
 * gloss_project_link_document:
 *
 * The first step of saving @store through the project, before its file
 * is written: its entities linked to the registry (new ones registered),
 * as one undoable step of the store.
 */
gboolean
gloss_project_link_document (GlossProject  *self,
                             GlossStore    *store,
                             GError       **error)
{
  GlossRegistry *registry;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);

  return (registry = gloss_project_get_registry (self, error)) != NULL &&
         gloss_registry_link_store (registry, store, error);
}

/**
 * gloss_project_record_document:
 *
 * The last step of saving @store through the project, once its file is
 * written: its texts learnt for suggestions, its counts recorded, a todo
 * document moved to in progress, the progress file saved.
 */
gboolean
gloss_project_record_document (GlossProject          *self,
                               GlossProjectDocument  *document,
                               GlossStore            *store,
                               GError               **error)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_PROJECT_DOCUMENT (document), FALSE);
  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);

  if (!learn (self, store, error))
    return FALSE;
  gloss_project_document_set_counts (document,
                                     gloss_store_get_n_items (store, GLOSS_KIND_MENTION),
                                     gloss_store_get_n_items (store, GLOSS_KIND_CLAIM));
  if (gloss_project_document_get_status (document) == GLOSS_PROGRESS_TODO)
    gloss_project_document_set_status (document, GLOSS_PROGRESS_IN_PROGRESS);
  return save_progress (self, error);
}

gboolean
gloss_project_is_curated (GlossProject         *self,
                          GlossProjectDocument *document)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_PROJECT_DOCUMENT (document), FALSE);

  file = gloss_project_get_document_file (self, document, GLOSS_PROJECT_CURATED);
  return file_exists (file);
}

/**
 * gloss_project_open_final:
 *
 * Returns: (transfer full) (nullable): the finished annotations of @document
 */
GlossStore *
gloss_project_open_final (GlossProject          *self,
                          GlossProjectDocument  *document,
                          GError               **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (GLOSS_IS_PROJECT_DOCUMENT (document), NULL);

  file = gloss_project_get_document_file (self, document, GLOSS_PROJECT_CURATED);
  if (file_exists (file))
    return gloss_native_read_file (file, error);
  if (gloss_project_document_get_status (document) != GLOSS_PROGRESS_DONE)
    return NULL;
  return gloss_project_open_document (self, document, error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * gloss_project_list_annotators:
 *
 * Returns: (transfer full): the names, sorted
 */
GStrv
gloss_project_list_annotators (GlossProject *self)
{
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GFileInfo *info;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  dir = g_file_get_child (self->folder, "progress");
  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  while (children != NULL && g_file_enumerator_iterate (children, &info, NULL, NULL, NULL) && info != NULL)
    {
      const char *name = g_file_info_get_name (info);
      g_autoptr(GFile) file = NULL;
      g_autoptr(GHashTable) table = NULL;
      char *annotator = NULL;

      if (!g_str_has_suffix (name, ".json") || name[0] == '.')
        continue;
      file = g_file_get_child (dir, name);
      table = _gloss_project_progress_read (file, &annotator, NULL);
      if (table == NULL)
        continue;
      g_ptr_array_add (names, annotator != NULL ? annotator : g_strndup (name, strlen (name) - strlen (".json")));
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/**
 * gloss_project_read_progress:
 *
 * Returns: (transfer full) (nullable): document id → GlossProgress
 */
GHashTable *
gloss_project_read_progress (GlossProject  *self,
                             const char    *annotator,
                             GError       **error)
{
  g_autofree char *stem = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GHashTable) entries = NULL;
  GHashTable *result;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (annotator != NULL, NULL);

  stem = gloss_annotator_file_stem (annotator);
  file = progress_file (self, stem);
  if ((entries = _gloss_project_progress_read (file, NULL, error)) == NULL)
    return NULL;
  result = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, entries);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (result, g_strdup (key), GINT_TO_POINTER (((GlossProgressEntry *) value)->status));
  return result;
}

static void
registry_changed (GlossProject *self)
{
  g_clear_object (&self->matcher);
}

/**
 * gloss_project_get_registry:
 *
 * Returns: (transfer none) (nullable): the registry
 */
GlossRegistry *
gloss_project_get_registry (GlossProject  *self,
                            GError       **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  if (self->registry != NULL)
    return self->registry;
  file = g_file_get_child (self->folder, "entities.json");
  if ((self->registry = gloss_registry_load (file, error)) == NULL)
    return NULL;
  g_signal_connect_object (gloss_registry_get_entities (self->registry), "items-changed",
                           G_CALLBACK (registry_changed), self, G_CONNECT_SWAPPED);
  return self->registry;
}

static GFile *
lexicon_file (GlossProject *self)
{
  g_autofree char *name = g_strconcat (self->stem, ".json", NULL);
  g_autoptr(GFile) dir = g_file_get_child (self->folder, "lexicon");

  return g_file_get_child (dir, name);
}

GlossLexicon *
_gloss_project_get_lexicon (GlossProject  *self,
                            GError       **error)
{
  g_autoptr(GFile) file = NULL;

  if (self->lexicon == NULL)
    {
      file = lexicon_file (self);
      self->lexicon = _gloss_lexicon_read (file, error);
    }
  return self->lexicon;
}

gboolean
_gloss_project_save_lexicon (GlossProject  *self,
                             GError       **error)
{
  g_autoptr(GFile) file = lexicon_file (self);
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (self->lexicon != NULL, FALSE);

  g_clear_object (&self->matcher);
  bytes = _gloss_lexicon_write (self->lexicon, self->annotator);
  return make_folder (dir, error) &&
         gloss_atomic_file_replace (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), TRUE, error);
}

GlossMatcher *
_gloss_project_get_matcher (GlossProject           *self,
                            GlossMatcherBuildFunc   build,
                            GError                **error)
{
  if (self->matcher == NULL)
    self->matcher = build (self, error);
  return self->matcher;
}
