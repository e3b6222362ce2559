/* gloss-format-native-writer.c: writing a .gloss file (DESIGN §4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing is by hand into one GString, in a fixed layout: header objects
 * pretty-printed, one annotation per line, so files diff well in git.
 */
#include "config.h"

#include <string.h>

#include "gloss-annotation-private.h"
#include "gloss-error.h"
#include "gloss-format-native.h"
#include "gloss-format-native-private.h"
#include "gloss-json-writer.h"
#include "gloss-timestamp.h"

static void
write_key (GString    *out,
           const char *key)
{
  g_string_append_len (out, ", \"", 3);
  g_string_append (out, key);
  g_string_append_len (out, "\": ", 3);
}

static void
write_string_member (GString    *out,
                     const char *key,
                     const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  write_key (out, key);
  gloss_json_write_string (out, value, -1);
}

static void
write_spans (GString         *out,
             GlossDocument   *document,
             GlossAnnotation *a,
             GlossSpanRole    role,
             const char      *key)
{
  guint n;
  const GlossSpan *spans = gloss_annotation_get_spans (a, role, &n);

  if (n == 0)
    return;
  write_key (out, key);
  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      gsize len;
      const char *text = gloss_document_peek_slice (document, spans[i].start, spans[i].end, &len);

      if (i > 0)
        g_string_append_len (out, ", ", 2);
      g_string_append_len (out, "{\"start\": ", 10);
      gloss_json_write_uint (out, spans[i].start);
      g_string_append_len (out, ", \"end\": ", 9);
      gloss_json_write_uint (out, spans[i].end);
      g_string_append_len (out, ", \"text\": ", 10);
      gloss_json_write_string (out, text != NULL ? text : "", text != NULL ? (gssize)len : 0);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}

static void
write_entity_ref (GString     *out,
                  const char  *key,
                  GlossEntity *entity)
{
  if (entity == NULL)
    return;
  write_key (out, key);
  gloss_json_write_string (out, gloss_annotation_get_id (GLOSS_ANNOTATION (entity)), -1);
}

static void
write_annotation (GString         *out,
                  GlossDocument   *document,
                  GlossAnnotation *a)
{
  GlossAnnotationKind kind = gloss_annotation_get_kind (a);
  JsonObject *object;
  gint64 t;

  g_string_append_len (out, "{\"id\": ", 7);
  gloss_json_write_string (out, gloss_annotation_get_id (a), -1);
  write_string_member (out, "type", gloss_annotation_get_type_id (a));

  switch (kind)
    {
    case GLOSS_KIND_ENTITY:
      write_string_member (out, "name", gloss_entity_get_name (GLOSS_ENTITY (a)));
      write_string_member (out, "kb", gloss_entity_get_kb (GLOSS_ENTITY (a)));
      break;

    case GLOSS_KIND_MENTION:
      write_entity_ref (out, "entity", gloss_mention_get_entity (GLOSS_MENTION (a)));
      write_spans (out, document, a, GLOSS_ROLE_CONTENT, "spans");
      break;

    case GLOSS_KIND_CLAIM:
      {
        GlossClaim *claim = GLOSS_CLAIM (a);
        guint n = gloss_claim_get_n_about (claim);

        write_entity_ref (out, "claimant", gloss_claim_get_claimant (claim));
        write_key (out, "certainty");
        gloss_json_write_string (out, gloss_certainty_to_string (gloss_claim_get_certainty (claim)), -1);
        write_spans (out, document, a, GLOSS_ROLE_CONTENT, "spans");
        write_spans (out, document, a, GLOSS_ROLE_CUE, "cue");
        if (n > 0)
          {
            write_key (out, "about");
            g_string_append_c (out, '[');
            for (guint i = 0; i < n; i++)
              {
                if (i > 0)
                  g_string_append_len (out, ", ", 2);
                gloss_json_write_string (out, gloss_annotation_get_id (GLOSS_ANNOTATION (gloss_claim_get_about (claim, i))), -1);
              }
            g_string_append_c (out, ']');
          }
      }
      break;

    case GLOSS_KIND_RELATION:
      write_entity_ref (out, "from", gloss_relation_get_from (GLOSS_RELATION (a)));
      write_entity_ref (out, "to", gloss_relation_get_to (GLOSS_RELATION (a)));
      write_spans (out, document, a, GLOSS_ROLE_EVIDENCE, "evidence");
      break;

    case GLOSS_N_KINDS:
    default:
      g_assert_not_reached ();
    }

  object = gloss_annotation_get_attrs (a);
  if (object != NULL && json_object_get_size (object) > 0)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

      json_node_set_object (node, object);
      write_key (out, "attrs");
      gloss_json_write_node (out, node, FALSE, 0);
    }
  write_string_member (out, "note", gloss_annotation_get_note (a));
  if (gloss_annotation_get_status (a) != GLOSS_STATUS_ACCEPTED)
    write_string_member (out, "status", gloss_status_to_string (gloss_annotation_get_status (a)));
  write_string_member (out, "author", gloss_annotation_get_author (a));
  if ((t = gloss_annotation_get_created (a)) != 0)
    {
      write_key (out, "created");
      gloss_timestamp_write (out, t);
    }
  if ((t = gloss_annotation_get_modified (a)) != 0)
    {
      write_key (out, "modified");
      gloss_timestamp_write (out, t);
    }

  object = gloss_annotation_get_extra (a);
  if (object != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init_ordered (&iter, object);
      while (json_object_iter_next_ordered (&iter, &name, &value))
        {
          /* A member we write ourselves would come out twice. */
          if (_gloss_native_is_known_member (kind, name))
            continue;
          g_string_append_len (out, ", ", 2);
          gloss_json_write_string (out, name, -1);
          g_string_append_len (out, ": ", 2);
          gloss_json_write_node (out, value, FALSE, 0);
        }
    }
  g_string_append_c (out, '}');
}

void
_gloss_native_write_annotation (GString         *out,
                                GlossStore      *store,
                                GlossAnnotation *a)
{
  write_annotation (out, gloss_store_get_document (store), a);
}

static int
compare_annotations (gconstpointer a,
                     gconstpointer b)
{
  return gloss_annotation_compare (*(GlossAnnotation **)a, *(GlossAnnotation **)b);
}

static void
write_collection (GString             *out,
                  GlossStore          *store,
                  GlossAnnotationKind  kind,
                  const char          *key)
{
  GlossDocument *document = gloss_store_get_document (store);
  GListModel *list = gloss_store_get_list (store, kind);
  guint n = g_list_model_get_n_items (list);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);
  gboolean sorted = TRUE;

  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *a = g_list_model_get_item (list, i);

      if (i > 0 && gloss_annotation_compare (items->pdata[i - 1], a) > 0)
        sorted = FALSE;
      g_ptr_array_add (items, a);
    }
  if (!sorted)
    g_ptr_array_sort (items, compare_annotations);

  g_string_append_len (out, ",\n  \"", 5);
  g_string_append (out, key);
  g_string_append_len (out, "\": [", 4);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_len (out, "\n    ", 5);
      write_annotation (out, document, items->pdata[i]);
    }
  if (n > 0)
    g_string_append_len (out, "\n  ", 3);
  g_string_append_c (out, ']');
}

static void
write_pretty_member (GString    *out,
                     const char *key,
                     JsonNode   *value,
                     guint       level)
{
  g_string_append_c (out, ',');
  gloss_json_write_newline (out, level);
  gloss_json_write_string (out, key, -1);
  g_string_append_len (out, ": ", 2);
  gloss_json_write_node (out, value, TRUE, level);
}

static void
write_extra (GString            *out,
             JsonObject         *extra,
             const char * const *known,
             guint               n_known,
             guint               level)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  if (extra == NULL)
    return;
  json_object_iter_init_ordered (&iter, extra);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    if (_gloss_native_find_name (known, n_known, name, strlen (name)) < 0)
      write_pretty_member (out, name, value, level);
}

static void
write_document (GString       *out,
                GlossDocument *document)
{
  const char *values[N_DOC] = {
    gloss_document_get_id (document),
    gloss_document_get_title (document),
    gloss_document_get_source (document),
    gloss_document_get_language (document),
    gloss_document_get_sha256 (document),
    gloss_document_get_text (document),
  };
  JsonObject *meta = gloss_document_get_meta (document);
  gboolean first = TRUE;

  g_string_append_len (out, "  \"document\": {", 15);
  for (guint m = 0; m < D_META; m++)
    {
      if (m != D_TEXT && (values[m] == NULL || values[m][0] == '\0'))
        continue;
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      gloss_json_write_newline (out, 2);
      g_string_append_c (out, '"');
      g_string_append (out, _gloss_native_doc_names[m]);
      g_string_append_len (out, "\": ", 3);
      if (m == D_TEXT)
        gloss_json_write_string (out, values[m], gloss_document_get_n_bytes (document));
      else
        gloss_json_write_string (out, values[m], -1);
    }
  if (meta != NULL && json_object_get_size (meta) > 0)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

      json_node_set_object (node, meta);
      write_pretty_member (out, "meta", node, 2);
    }
  write_extra (out, gloss_document_get_extra (document), _gloss_native_doc_names, N_DOC, 2);
  g_string_append_len (out, "\n  }", 4);
}

/**
 * gloss_native_write_bytes:
 * @store: the store to write
 *
 * Returns: (transfer full): the .gloss file, in the layout of DESIGN §4
 */
GBytes *
gloss_native_write_bytes (GlossStore *store)
{
  static const char * const collections[] = { "entities", "mentions", "claims", "relations" };
  static const GlossAnnotationKind kinds[] = {
    GLOSS_KIND_ENTITY, GLOSS_KIND_MENTION, GLOSS_KIND_CLAIM, GLOSS_KIND_RELATION,
  };
  GlossDocument *document;
  g_autoptr(JsonNode) schema = NULL;
  GString *out;
  gsize estimate;

  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);

  document = gloss_store_get_document (store);
  estimate = gloss_document_get_n_bytes (document) + 4096;
  for (guint k = 0; k < GLOSS_N_KINDS; k++)
    estimate += (gsize)gloss_store_get_n_items (store, k) * 224;
  out = g_string_sized_new (estimate);

  g_string_append (out, "{\n  \"format\": \"gloss\",\n  \"version\": ");
  gloss_json_write_uint (out, GLOSS_NATIVE_VERSION);
  g_string_append_len (out, ",\n", 2);
  write_document (out, document);

  schema = gloss_schema_to_json (gloss_store_get_schema (store));
  g_string_append (out, ",\n  \"schema\": ");
  gloss_json_write_node (out, schema, TRUE, 1);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    write_collection (out, store, kinds[i], collections[i]);

  write_extra (out, gloss_store_get_extra (store), _gloss_native_top_names, N_TOP, 1);
  g_string_append_len (out, "\n}\n", 3);

  return g_string_free_to_bytes (out);
}

/**
 * gloss_native_write_file:
 * @store: the store to write
 * @file: where
 * @error: return location for a #GLOSS_FORMAT_ERROR
 *
 * Writes a temporary file and renames it over @file, so a failure leaves
 * the old file as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
gloss_native_write_file (GlossStore  *store,
                         GFile       *file,
                         GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = gloss_native_write_bytes (store);
  return gloss_format_write_file (file, bytes, TRUE, error);
}

