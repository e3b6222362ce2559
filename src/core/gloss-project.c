/* gloss-project.c: a folder of documents annotated with one schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * FOLDER/project.json lists the documents (paths relative to FOLDER),
 * their progress and annotator, and the schema new documents start from;
 * the documents are FOLDER/documents/NAME.gloss.
 */
#include "config.h"

#include <string.h>

#include "gloss-error.h"
#include "gloss-json-parse.h"
#include "gloss-format-native.h"
#include "gloss-input-file.h"
#include "gloss-project.h"
#include "gloss-util-private.h"

struct _GlossProject
{
  GObject      parent_instance;

  GFile       *folder;
  char        *name;
  GlossSchema *schema;
  GListStore  *documents;
  JsonObject  *extra;
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
  g_clear_object (&self->schema);
  g_clear_object (&self->documents);
  g_clear_pointer (&self->extra, json_object_unref);

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
}

/**
 * gloss_project_new:
 * @folder: the project folder (need not exist yet)
 * @schema: (nullable): the schema of new documents; the default when %NULL
 *
 * Returns: (transfer full): an empty project
 */
GlossProject *
gloss_project_new (GFile       *folder,
                   const char  *name,
                   GlossSchema *schema)
{
  GlossProject *self;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  self = g_object_new (GLOSS_TYPE_PROJECT, NULL);
  self->folder = g_object_ref (folder);
  self->name = g_strdup (name);
  self->schema = schema ? g_object_ref (schema) : gloss_schema_new_default ();
  return self;
}

/* A relative path with '/' separators that stays inside the folder. */
static gboolean
path_is_safe (const char *path)
{
  g_auto(GStrv) parts = NULL;

  if (path == NULL || *path == '\0' || *path == '/' || strchr (path, '\\') != NULL)
    return FALSE;

  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] == '\0' || g_str_equal (parts[i], ".") || g_str_equal (parts[i], ".."))
      return FALSE;
  return TRUE;
}

static const char *
get_string (JsonObject *o,
            const char *member)
{
  JsonNode *node = json_object_get_member (o, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
parse_documents (GlossProject  *self,
                 JsonNode      *node,
                 const char    *where,
                 GError       **error)
{
  static const char * const known[] = { "path", "title", "status", "annotator", NULL };
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
      GlossProgress status = GLOSS_PROGRESS_TODO;
      const char *path, *status_name;
      JsonObject *o;

      if (!JSON_NODE_HOLDS_OBJECT (e))
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: documents[%u]: expected an object", where, i);
          return FALSE;
        }
      o = json_node_get_object (e);
      path = get_string (o, "path");
      if (!path_is_safe (path))
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: documents[%u].path: expected a relative path inside the project folder",
                       where, i);
          return FALSE;
        }
      if (gloss_project_lookup (self, path) != NULL)
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: documents[%u].path: “%s” is listed twice", where, i, path);
          return FALSE;
        }
      status_name = get_string (o, "status");
      if (status_name != NULL && !gloss_progress_from_string (status_name, &status))
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: documents[%u].status: “%s” is not one of todo, in-progress, done",
                       where, i, status_name);
          return FALSE;
        }

      doc = gloss_project_document_new (path);
      gloss_project_document_set_title (doc, get_string (o, "title"));
      gloss_project_document_set_status (doc, status);
      gloss_project_document_set_annotator (doc, get_string (o, "annotator"));
      extra = _gloss_json_object_extra (o, known);
      gloss_project_document_set_extra (doc, extra);
      g_list_store_append (self->documents, doc);
    }

  return TRUE;
}

/**
 * gloss_project_load:
 *
 * Returns: (transfer full) (nullable): the project
 */
GlossProject *
gloss_project_load (GFile   *location,
                    GError **error)
{
  static const char * const known[] = { "format", "version", "name", "schema", "documents", NULL };
  g_autoptr(GlossProject) self = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *where = NULL;
  g_autoptr(GBytes) bytes = NULL;
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

  if (g_strcmp0 (get_string (root, "format"), "gloss-project") != 0)
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
  self->name = g_strdup (get_string (root, "name"));

  node = json_object_get_member (root, "schema");
  if (node != NULL)
    {
      self->schema = gloss_schema_new_from_json (node, where, error);
      if (self->schema == NULL)
        return NULL;
    }
  else
    self->schema = gloss_schema_new_default ();

  node = json_object_get_member (root, "documents");
  if (node != NULL && !parse_documents (self, node, where, error))
    return NULL;

  self->extra = _gloss_json_object_extra (root, known);
  return g_steal_pointer (&self);
}

static JsonNode *
to_json (GlossProject *self)
{
  JsonObject *root = json_object_new ();
  JsonArray *documents = json_array_new ();
  JsonNode *node;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));

  json_object_set_string_member (root, "format", "gloss-project");
  json_object_set_int_member (root, "version", GLOSS_PROJECT_VERSION);
  if (self->name != NULL)
    json_object_set_string_member (root, "name", self->name);
  json_object_set_member (root, "schema", gloss_schema_to_json (self->schema));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossProjectDocument) doc = g_list_model_get_item (G_LIST_MODEL (self->documents), i);
      JsonObject *o = json_object_new ();
      JsonObject *extra = gloss_project_document_get_extra (doc);

      json_object_set_string_member (o, "path", gloss_project_document_get_path (doc));
      if (gloss_project_document_get_title (doc) != NULL)
        json_object_set_string_member (o, "title", gloss_project_document_get_title (doc));
      json_object_set_string_member (o, "status", gloss_progress_to_string (gloss_project_document_get_status (doc)));
      if (gloss_project_document_get_annotator (doc) != NULL)
        json_object_set_string_member (o, "annotator", gloss_project_document_get_annotator (doc));
      _gloss_json_object_add_extra (o, extra);
      json_array_add_object_element (documents, o);
    }
  json_object_set_array_member (root, "documents", documents);

  _gloss_json_object_add_extra (root, self->extra);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, root);
  return node;
}

gboolean
gloss_project_save (GlossProject  *self,
                    GError       **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  if (!g_file_make_directory_with_parents (self->folder, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_autofree char *name = g_file_get_parse_name (self->folder);

      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO,
                   "%s: cannot create the project folder: %s", name, local_error->message);
      return FALSE;
    }

  node = to_json (self);
  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, &length);
  bytes = g_bytes_new_take (g_strconcat (text, "\n", NULL), length + 1);

  file = g_file_get_child (self->folder, "project.json");
  return gloss_format_write_file (file, bytes, TRUE, error);
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
 * Returns: (transfer none) (nullable): the entry for @path
 */
GlossProjectDocument *
gloss_project_lookup (GlossProject *self,
                      const char   *path)
{
  guint n;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));
  for (guint i = 0; path != NULL && i < n; i++)
    {
      g_autoptr(GlossProjectDocument) doc = g_list_model_get_item (G_LIST_MODEL (self->documents), i);

      if (g_str_equal (gloss_project_document_get_path (doc), path))
        return doc; /* the list store keeps it alive */
    }
  return NULL;
}

/**
 * gloss_project_get_file:
 *
 * Returns: (transfer full): the document's file
 */
GFile *
gloss_project_get_file (GlossProject         *self,
                        GlossProjectDocument *document)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (GLOSS_IS_PROJECT_DOCUMENT (document), NULL);
  return g_file_resolve_relative_path (self->folder, gloss_project_document_get_path (document));
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
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GlossProjectDocument) doc = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);

  stem = slug (basename);
  dir = g_file_get_child (self->folder, "documents");
  g_file_make_directory_with_parents (dir, NULL, NULL);

  for (guint i = 1; ; i++)
    {
      g_clear_pointer (&path, g_free);
      g_clear_object (&file);
      path = i == 1 ? g_strdup_printf ("documents/%s.gloss", stem)
                    : g_strdup_printf ("documents/%s-%u.gloss", stem, i);
      file = g_file_resolve_relative_path (self->folder, path);
      if (gloss_project_lookup (self, path) == NULL &&
          g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_UNKNOWN)
        break;
    }

  bytes = gloss_native_write_bytes (store);
  if (!gloss_format_write_file (file, bytes, FALSE, error))
    return NULL;

  doc = gloss_project_document_new (path);
  gloss_project_document_set_title (doc, gloss_document_get_title (gloss_store_get_document (store)));
  g_list_store_append (self->documents, doc);
  return doc;
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
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossSchema) schema = NULL;
  g_autoptr(GlossStore) store = NULL;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (G_IS_FILE (article), NULL);

  document = gloss_document_new_from_file (article, error);
  if (document == NULL)
    return NULL;
  gloss_document_set_language (document, "en");

  schema = gloss_schema_copy (self->schema);
  store = gloss_store_new (document, schema);
  return gloss_project_add_store (self, store, gloss_document_get_source (document), error);
}

gboolean
gloss_project_remove (GlossProject         *self,
                      GlossProjectDocument *document)
{
  guint position;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  if (!g_list_store_find (self->documents, document, &position))
    return FALSE;
  g_list_store_remove (self->documents, position);
  return TRUE;
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

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (GLOSS_IS_PROJECT_DOCUMENT (document), NULL);

  file = gloss_project_get_file (self, document);
  return gloss_native_read_file (file, error);
}
