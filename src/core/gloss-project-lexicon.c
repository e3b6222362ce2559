/* gloss-project-lexicon.c: lexicon/ANNOTATOR.json, what an annotator
 * tagged before and which suggestions they rejected
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   "tagged":   {"Kim Jong Un": {"type": "PER", "entity": "PER-kim-jong-un",
 *                                "documents": ["kcna-1", …]}, …}
 *   "rejected": ["DOC START END TARGET", …]
 * one entry a line, sorted; only its annotator writes the file.
 */
#include "config.h"

#include <string.h>

#include "gloss-error.h"
#include "gloss-input-file.h"
#include "gloss-json-parse.h"
#include "gloss-json-writer.h"
#include "gloss-project-private.h"
#include "gloss-util-private.h"

void
_gloss_lexicon_free (GlossLexicon *lexicon)
{
  if (lexicon == NULL)
    return;
  g_hash_table_unref (lexicon->tagged);
  g_hash_table_unref (lexicon->rejected);
  g_free (lexicon);
}

static void
tagged_free (gpointer data)
{
  GlossLexiconEntry *entry = data;

  g_free (entry->type);
  g_free (entry->entity);
  g_ptr_array_unref (entry->documents);
  g_free (entry);
}

GlossLexicon *
_gloss_lexicon_new (void)
{
  GlossLexicon *lexicon = g_new0 (GlossLexicon, 1);

  lexicon->tagged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, tagged_free);
  lexicon->rejected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return lexicon;
}

void
_gloss_lexicon_tag (GlossLexicon *lexicon,
                    const char   *text,
                    const char   *type,
                    const char   *entity)
{
  GlossLexiconEntry *entry = g_new0 (GlossLexiconEntry, 1);
  GlossLexiconEntry *old = g_hash_table_lookup (lexicon->tagged, text);

  entry->type = g_strdup (type);
  entry->entity = g_strdup (entity);
  /* The documents that tag the text stay when its type or entity changes. */
  entry->documents = old != NULL ? g_ptr_array_ref (old->documents) : g_ptr_array_new_with_free_func (g_free);
  g_hash_table_replace (lexicon->tagged, g_strdup (text), entry);
}

gboolean
_gloss_lexicon_add_document (GlossLexiconEntry *entry,
                             const char        *document)
{
  for (guint i = 0; i < entry->documents->len; i++)
    if (g_str_equal (g_ptr_array_index (entry->documents, i), document))
      return FALSE;
  g_ptr_array_add (entry->documents, g_strdup (document));
  return TRUE;
}

gboolean
_gloss_lexicon_remove_document (GlossLexiconEntry *entry,
                                const char        *document)
{
  for (guint i = 0; i < entry->documents->len; i++)
    if (g_str_equal (g_ptr_array_index (entry->documents, i), document))
      {
        g_ptr_array_remove_index (entry->documents, i);
        return TRUE;
      }
  return FALSE;
}

char *
_gloss_lexicon_rejection_key (const char *document,
                              guint       start,
                              guint       end,
                              const char *target)
{
  return g_strdup_printf ("%s %u %u %s", document, start, end, target);
}

/* Whether @node is an array of strings only. */
static gboolean
is_string_array (JsonNode *node)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *e = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (e) || json_node_get_value_type (e) != G_TYPE_STRING)
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_documents (GlossLexiconEntry *entry,
                JsonNode          *node)
{
  JsonArray *array;

  if (!is_string_array (node))
    return FALSE;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    _gloss_lexicon_add_document (entry, json_array_get_string_element (array, i));
  return TRUE;
}

GlossLexicon *
_gloss_lexicon_read (GFile   *file,
                     GError **error)
{
  GlossLexicon *lexicon = _gloss_lexicon_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) parsed = NULL;
  g_autofree char *where = g_file_get_parse_name (file);
  JsonObject *root;
  JsonNode *node;
  gsize length;
  const char *data;

  if ((bytes = gloss_input_file_load (file, &local_error)) == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return lexicon;
      g_set_error_literal (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO, local_error->message);
      _gloss_lexicon_free (lexicon);
      return NULL;
    }
  data = g_bytes_get_data (bytes, &length);
  if ((parsed = gloss_json_parse (data, length, where, error)) == NULL)
    goto fail;
  if (!JSON_NODE_HOLDS_OBJECT (parsed) ||
      g_strcmp0 (_gloss_json_get_string (json_node_get_object (parsed), "format"), "gloss-lexicon") != 0)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: format: not a Gloss lexicon (expected \"gloss-lexicon\")", where);
      goto fail;
    }
  root = json_node_get_object (parsed);

  node = json_object_get_member (root, "tagged");
  if (node != NULL)
    {
      JsonObjectIter iter;
      const char *text;
      JsonNode *value;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        goto invalid;
      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &text, &value))
        {
          const char *type;
          JsonNode *documents;

          if (!JSON_NODE_HOLDS_OBJECT (value) ||
              (type = _gloss_json_get_string (json_node_get_object (value), "type")) == NULL)
            goto invalid;
          _gloss_lexicon_tag (lexicon, text, type, _gloss_json_get_string (json_node_get_object (value), "entity"));
          documents = json_object_get_member (json_node_get_object (value), "documents");
          if (documents != NULL && !read_documents (g_hash_table_lookup (lexicon->tagged, text), documents))
            goto invalid;
        }
    }

  node = json_object_get_member (root, "rejected");
  if (node != NULL)
    {
      JsonArray *array;

      if (!is_string_array (node))
        goto invalid;
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        g_hash_table_add (lexicon->rejected, g_strdup (json_array_get_string_element (array, i)));
    }
  return lexicon;

invalid:
  g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
               "%s: expected \"tagged\": {TEXT: {\"type\": T, \"entity\": ID, \"documents\": [ID]}} "
               "and \"rejected\": [STRING]", where);
fail:
  _gloss_lexicon_free (lexicon);
  return NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
sorted_keys (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_strings);
  return keys;
}

GBytes *
_gloss_lexicon_write (GlossLexicon *lexicon,
                      const char   *annotator)
{
  GString *out = g_string_new ("{\n  \"format\": \"gloss-lexicon\",\n  \"version\": 1,\n  \"annotator\": ");
  g_autoptr(GPtrArray) texts = sorted_keys (lexicon->tagged);
  g_autoptr(GPtrArray) rejected = sorted_keys (lexicon->rejected);

  gloss_json_write_string (out, annotator, -1);
  g_string_append (out, ",\n  \"tagged\": {");
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      GlossLexiconEntry *entry = g_hash_table_lookup (lexicon->tagged, text);

      g_string_append (out, i == 0 ? "\n    " : ",\n    ");
      gloss_json_write_string (out, text, -1);
      g_string_append (out, ": {\"type\": ");
      gloss_json_write_string (out, entry->type, -1);
      if (entry->entity != NULL)
        {
          g_string_append (out, ", \"entity\": ");
          gloss_json_write_string (out, entry->entity, -1);
        }
      if (entry->documents->len > 0)
        {
          /* (a copy that owns nothing: the entry's array frees its ids) */
          g_autoptr(GPtrArray) documents = g_ptr_array_sized_new (entry->documents->len);

          for (guint j = 0; j < entry->documents->len; j++)
            g_ptr_array_add (documents, g_ptr_array_index (entry->documents, j));
          g_ptr_array_sort (documents, compare_strings);
          g_string_append (out, ", \"documents\": [");
          for (guint j = 0; j < documents->len; j++)
            {
              if (j > 0)
                g_string_append (out, ", ");
              gloss_json_write_string (out, g_ptr_array_index (documents, j), -1);
            }
          g_string_append_c (out, ']');
        }
      g_string_append_c (out, '}');
    }
  g_string_append (out, texts->len > 0 ? "\n  },\n  \"rejected\": [" : "},\n  \"rejected\": [");
  for (guint i = 0; i < rejected->len; i++)
    {
      g_string_append (out, i == 0 ? "\n    " : ",\n    ");
      gloss_json_write_string (out, g_ptr_array_index (rejected, i), -1);
    }
  g_string_append (out, rejected->len > 0 ? "\n  ]\n}\n" : "]\n}\n");
  return g_string_free_to_bytes (out);
}
