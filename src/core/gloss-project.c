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
 * This file holds the object and its documents (adding, opening, saving
 * one); reading and writing project.json and the progress files is in
 * gloss-project-file.c, the lexicon, progress, schema and suggestions in
 * the other gloss-project-*.c files.
 */
#include "config.h"

#include <string.h>

#include "gloss-annotator.h"
#include "gloss-atomic-file.h"
#include "gloss-error.h"
#include "gloss-format-native.h"
#include "gloss-input-file.h"
#include "gloss-mention.h"
#include "gloss-project-private.h"

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

void
_gloss_project_set_annotator (GlossProject *self,
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
  _gloss_project_set_annotator (self, annotator);
  return self;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  return strcmp (gloss_project_document_get_id ((GlossProjectDocument *) a),
                 gloss_project_document_get_id ((GlossProjectDocument *) b));
}

void
_gloss_project_insert_document (GlossProject         *self,
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
  if (!_gloss_project_make_folder (documents, error))
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
  _gloss_project_insert_document (self, doc);
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
  /* The project's names and schema are applied on every open: not the
   * annotator's edit (no unsaved marker, no question on closing, no move
   * to in progress); the next save writes them with the rest. */
  gloss_store_mark_saved (store);
  return g_steal_pointer (&store);
}

/* Whether a file of some document of the project (any annotator's, the
 * source or the curated one) names the entity @id. */
static gboolean
entity_in_documents (GlossProject *self,
                     const char   *id)
{
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", id);
  GListModel *documents = G_LIST_MODEL (self->documents);

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(GlossProjectDocument) document = g_list_model_get_item (documents, i);
      g_autoptr(GFile) any = gloss_project_get_document_file (self, document, GLOSS_PROJECT_SOURCE);
      g_autoptr(GFile) folder = g_file_get_parent (any);
      g_autoptr(GFileEnumerator) children = NULL;
      GFileInfo *info;
      GFile *child;

      children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NONE, NULL, NULL);
      if (children == NULL)
        continue;
      while (g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
        {
          g_autoptr(GBytes) bytes = NULL;
          gsize length;
          const char *data;

          if (!g_str_has_suffix (g_file_info_get_name (info), ".gloss") ||
              (bytes = gloss_input_file_load (child, NULL)) == NULL)
            continue;
          data = g_bytes_get_data (bytes, &length);
          if (g_strstr_len (data, length, quoted) != NULL)
            return TRUE;
        }
    }
  return FALSE;
}

/* The registry entity @id goes with its text @text from the lexicon when
 * that tagging is all it is: no KB id, no aliases, its name @text, no
 * other learnt text of it, and no document's file that names it. */
static gboolean
forget_entity (GlossProject  *self,
               GlossLexicon  *lexicon,
               const char    *id,
               const char    *text,
               GError       **error)
{
  GlossRegistry *registry = gloss_project_get_registry (self, error);
  GlossRegistryEntity *entity;
  GHashTableIter iter;
  gpointer value;

  if (registry == NULL)
    return FALSE;
  entity = gloss_registry_lookup (registry, id);
  if (entity == NULL || g_strcmp0 (gloss_registry_entity_get_id (entity), id) != 0 ||
      gloss_registry_entity_get_kb (entity) != NULL || gloss_registry_entity_get_aliases (entity)[0] != NULL ||
      g_strcmp0 (gloss_registry_entity_get_name (entity), text) != 0)
    return TRUE;
  g_hash_table_iter_init (&iter, lexicon->tagged);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (g_strcmp0 (((GlossLexiconEntry *) value)->entity, id) == 0)
      return TRUE;
  if (entity_in_documents (self, id))
    return TRUE;
  return gloss_registry_remove (registry, id, error);
}

/* Every text tagged in @store is suggested in the next documents; a text
 * @document tagged before and no longer does, and no other document
 * does, is forgotten (and its registry entity, see forget_entity()). */
static gboolean
learn (GlossProject          *self,
       GlossProjectDocument  *document,
       GlossStore            *store,
       GError               **error)
{
  GListModel *mentions = gloss_store_get_list (store, GLOSS_KIND_MENTION);
  GlossDocument *text_of = gloss_store_get_document (store);
  const char *doc_id = gloss_project_document_get_id (document);
  GlossLexicon *lexicon = _gloss_project_get_lexicon (self, error);
  g_autoptr(GHashTable) here = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) forgotten = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gboolean changed = FALSE;
  GHashTableIter iter;
  gpointer key, value;

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
      text = gloss_document_dup_slice (text_of, spans[0].start, spans[0].end);
      known = g_hash_table_lookup (lexicon->tagged, text);
      if (known == NULL || g_strcmp0 (known->type, type) != 0 || g_strcmp0 (known->entity, entity_id) != 0)
        {
          _gloss_lexicon_tag (lexicon, text, type, entity_id);
          known = g_hash_table_lookup (lexicon->tagged, text);
          changed = TRUE;
        }
      if (_gloss_lexicon_add_document (known, doc_id))
        changed = TRUE;
      g_hash_table_add (here, g_steal_pointer (&text));
    }

  g_hash_table_iter_init (&iter, lexicon->tagged);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GlossLexiconEntry *entry = value;

      if (g_hash_table_contains (here, key) || !_gloss_lexicon_remove_document (entry, doc_id))
        continue;
      changed = TRUE;
      if (entry->documents->len > 0)
        continue;
      if (entry->entity != NULL)
        g_hash_table_insert (forgotten, g_strdup (entry->entity), g_strdup (key));
      g_hash_table_iter_remove (&iter);
    }
  if (changed && !_gloss_project_save_lexicon (self, error))
    return FALSE;

  g_hash_table_iter_init (&iter, forgotten);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!forget_entity (self, lexicon, key, value, error))
      return FALSE;
  return TRUE;
}

gboolean
gloss_project_save_document (GlossProject          *self,
                             GlossProjectDocument  *document,
                             GlossStore            *store,
                             GError               **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gboolean edited;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_PROJECT_DOCUMENT (document), FALSE);
  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);

  /* (before linking, which is bookkeeping, not the annotator's edit) */
  edited = gloss_store_get_modified (store);
  if (!gloss_project_link_document (self, store, error))
    return FALSE;
  file = gloss_project_get_document_file (self, document, self->stem);
  bytes = gloss_native_write_bytes (store);
  if (!gloss_format_write_file (file, bytes, TRUE, error))
    return FALSE;
  return gloss_project_record_document (self, document, store, edited, error);
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
 * @edited: whether the annotator changed @store since it was last saved
 *
 * The last step of saving @store through the project, once its file is
 * written: its texts learnt for suggestions, its counts recorded, a todo
 * document the annotator annotated moved to in progress, the progress file
 * saved.
 */
gboolean
gloss_project_record_document (GlossProject          *self,
                               GlossProjectDocument  *document,
                               GlossStore            *store,
                               gboolean               edited,
                               GError               **error)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_PROJECT_DOCUMENT (document), FALSE);
  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);

  if (!learn (self, document, store, error))
    return FALSE;
  gloss_project_document_set_counts (document,
                                     gloss_store_get_n_items (store, GLOSS_KIND_MENTION),
                                     gloss_store_get_n_items (store, GLOSS_KIND_CLAIM));
  /* Opened and left (Alt+Right saves) is not begun, even when the
   * document came with annotations (imported, pre-annotated): the
   * annotator's first edit is. */
  if (gloss_project_document_get_status (document) == GLOSS_PROGRESS_TODO && edited &&
      gloss_store_get_n_items (store, GLOSS_KIND_MENTION) + gloss_store_get_n_items (store, GLOSS_KIND_ENTITY) +
      gloss_store_get_n_items (store, GLOSS_KIND_CLAIM) + gloss_store_get_n_items (store, GLOSS_KIND_RELATION) > 0)
    gloss_project_document_set_status (document, GLOSS_PROGRESS_IN_PROGRESS);
  return _gloss_project_save_progress (self, error);
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
  return _gloss_project_make_folder (dir, error) &&
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
