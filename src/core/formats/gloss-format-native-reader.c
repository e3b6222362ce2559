/* gloss-format-native-reader.c: reading a .gloss file (DESIGN §4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading streams the file through GlossJsonReader: the annotation arrays
 * never become a JsonNode tree. Members may come in any order; an array
 * met before what it needs (the document and schema, the entities its
 * references point at) is skipped and read again from its offset once
 * those are known. Files we write are in the order that needs no second
 * pass.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-format-native.h"
#include "gloss-format-native-loader.h"
#include "gloss-format-native-private.h"
#include "gloss-input-file.h"
#include "gloss-store-private.h"


static void
loader_init (Loader *L)
{
  for (guint i = 0; i < G_N_ELEMENTS (L->spans); i++)
    L->spans[i] = g_array_new (FALSE, FALSE, sizeof (GlossSpan));
  L->about = g_ptr_array_new ();
  L->span_text = g_string_new (NULL);
}

static void
loader_clear (Loader *L)
{
  g_clear_object (&L->document);
  g_clear_object (&L->schema);
  g_clear_object (&L->store);
  g_clear_pointer (&L->extra, json_object_unref);
  g_clear_pointer (&L->doc_extra, json_object_unref);
  for (guint i = 0; i < G_N_ELEMENTS (L->spans); i++)
    g_clear_pointer (&L->spans[i], g_array_unref);
  g_clear_pointer (&L->about, g_ptr_array_unref);
  if (L->span_text != NULL)
    g_string_free (L->span_text, TRUE);
  for (guint i = 0; i < GLOSS_N_LABEL_KINDS; i++)
    g_free (L->last_type[i]);
  g_clear_object (&L->built);
  g_clear_pointer (&L->problems, g_ptr_array_unref);
}

/* An error at the reader's path plus ".@member". */
gboolean
_gloss_native_member_error (GlossJsonReader *r,
                            const char      *where,
                            const char      *member,
                            int              code,
                            const char      *message)
{
  g_autofree char *path = gloss_json_reader_dup_path (r);

  gloss_json_reader_propagate_error (r, g_error_new (GLOSS_FORMAT_ERROR, code, "%s: %s%s%s: %s",
                                                     where, path, path[0] != '\0' ? "." : "",
                                                     member, message));
  return FALSE;
}

static const char *
token_name (GlossJsonToken token)
{
  switch (token)
    {
    case GLOSS_JSON_BEGIN_OBJECT: return "an object";
    case GLOSS_JSON_BEGIN_ARRAY: return "an array";
    case GLOSS_JSON_STRING: return "a string";
    case GLOSS_JSON_NUMBER: return "a number";
    case GLOSS_JSON_TRUE:
    case GLOSS_JSON_FALSE: return "a boolean";
    case GLOSS_JSON_NULL: return "null";
    case GLOSS_JSON_END:
    case GLOSS_JSON_ERROR:
    case GLOSS_JSON_END_OBJECT:
    case GLOSS_JSON_END_ARRAY:
    case GLOSS_JSON_MEMBER:
    default: return "nothing";
    }
}

gboolean
_gloss_native_expected (GlossJsonReader *r,
                        GlossJsonToken   token,
                        const char      *what)
{
  if (token == GLOSS_JSON_ERROR)
    return FALSE;
  gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID, "expected %s, found %s",
                               what, token_name (token));
  return FALSE;
}

/* A short, quoted form of @text for messages. */
char *
_gloss_native_quote (const char *text,
                     gsize       len)
{
  GString *s = g_string_new ("\"");
  const char *end = text + len;
  const char *p = text;
  guint n = 0;

  while (p < end && n < 60)
    {
      const char *next = g_utf8_find_next_char (p, end);

      if (next == NULL)
        next = end;
      g_string_append_len (s, p, next - p);
      p = next;
      n++;
    }
  if (p < end)
    g_string_append (s, "…");
  g_string_append_c (s, '"');
  return g_string_free (s, FALSE);
}

/* The current STRING, as a NUL-terminated copy; NULL (error set) if it
 * is not a string or holds NUL. An optional empty string counts as absent
 * (*@out NULL); null is an error, as in the JSON Schema. */
gboolean
_gloss_native_read_string (GlossJsonReader *r,
                           GlossJsonToken   t,
                           gboolean         required,
                           char           **out)
{
  const char *s;
  gsize len;

  g_clear_pointer (out, g_free);
  if (t != GLOSS_JSON_STRING)
    return _gloss_native_expected (r, t, "a string");

  s = gloss_json_reader_get_cstring (r, &len);
  if (memchr (s, '\0', len) != NULL)
    {
      gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID,
                                   "the string holds a NUL character (\\u0000)");
      return FALSE;
    }
  if (len == 0)
    {
      if (required)
        {
          gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID, "must not be empty");
          return FALSE;
        }
      return TRUE;
    }
  *out = g_strndup (s, len);
  return TRUE;
}

/* Adds the value at the current token to @extra under @name. */
gboolean
_gloss_native_read_extra (GlossJsonReader  *r,
                          JsonObject      **extra,
                          const char       *name)
{
  JsonNode *node;

  if (*extra == NULL)
    *extra = json_object_new ();
  if (json_object_has_member (*extra, name))
    {
      gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID,
                                   "the member appears twice in the object");
      return FALSE;
    }
  node = gloss_json_reader_read_node (r);
  if (node == NULL)
    return FALSE;
  json_object_set_member (*extra, name, node);
  return TRUE;
}

static gboolean
read_document_into (Loader          *L,
                    GlossJsonReader *r,
                    char           **strings)
{
  g_autoptr(JsonObject) meta = NULL;
  gboolean seen[N_DOC] = { FALSE, };
  GlossJsonToken t = gloss_json_reader_get_token (r);

  if (t != GLOSS_JSON_BEGIN_OBJECT)
    return _gloss_native_expected (r, t, "an object");

  while ((t = gloss_json_reader_next (r)) == GLOSS_JSON_MEMBER)
    {
      gsize len;
      const char *name = gloss_json_reader_get_string (r, &len);
      int m = _gloss_native_find_name (_gloss_native_doc_names, N_DOC, name, len);
      g_autofree char *copy = NULL;

      if (m < 0)
        {
          copy = g_strdup (gloss_json_reader_get_cstring (r, NULL));
          gloss_json_reader_next (r);
          if (!_gloss_native_read_extra (r, &L->doc_extra, copy))
            return FALSE;
          continue;
        }
      if (seen[m])
        {
          gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID,
                                       "the member appears twice in the document");
          return FALSE;
        }
      seen[m] = TRUE;
      t = gloss_json_reader_next (r);

      if (m == D_TEXT)
        {
          g_autoptr(GError) local_error = NULL;
          g_autofree char *where = NULL;
          const char *text;

          if (t != GLOSS_JSON_STRING)
            return _gloss_native_expected (r, t, "the text as a string");
          text = gloss_json_reader_get_string (r, &len);
          where = g_strdup_printf ("%s: document.text", L->where);
          L->document = gloss_document_new_from_text (text, len, where, &local_error);
          if (L->document == NULL)
            {
              const char *message = local_error->message;

              if (g_str_has_prefix (message, where) && g_str_has_prefix (message + strlen (where), ": "))
                message += strlen (where) + 2;
              gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID, "%s", message);
              return FALSE;
            }
        }
      else if (m == D_META)
        {
          g_autoptr(JsonNode) node = NULL;

          if (t != GLOSS_JSON_BEGIN_OBJECT)
            return _gloss_native_expected (r, t, "an object");
          node = gloss_json_reader_read_node (r);
          if (node == NULL)
            return FALSE;
          meta = json_node_dup_object (node);
        }
      else if (!_gloss_native_read_string (r, t, FALSE, &strings[m]))
        return FALSE;
    }
  if (t != GLOSS_JSON_END_OBJECT)
    return FALSE;

  if (L->document == NULL)
    {
      gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID,
                                   "the document has no text (member \"text\")");
      return FALSE;
    }
  if (strings[D_SHA256] != NULL &&
      g_ascii_strcasecmp (strings[D_SHA256], gloss_document_get_sha256 (L->document)) != 0)
    {
      GError *problem;

      _gloss_native_member_error (r, L->where, "sha256", GLOSS_FORMAT_ERROR_INVALID,
                                  "does not match the text: the text was changed after the file was written");
      /* Checking goes on: the spans the change moved are problems too. */
      if (L->problems == NULL || (problem = gloss_json_reader_resume (r)) == NULL)
        return FALSE;
      g_ptr_array_add (L->problems, g_strdup (problem->message));
      g_error_free (problem);
    }

  gloss_document_set_id (L->document, strings[D_ID]);
  gloss_document_set_title (L->document, strings[D_TITLE]);
  gloss_document_set_source (L->document, strings[D_SOURCE]);
  gloss_document_set_language (L->document, strings[D_LANGUAGE]);
  if (meta != NULL)
    gloss_document_set_meta (L->document, meta);
  if (L->doc_extra != NULL)
    {
      gloss_document_set_extra (L->document, L->doc_extra);
      g_clear_pointer (&L->doc_extra, json_object_unref);
    }
  L->doc_length = gloss_document_get_length (L->document);
  return TRUE;
}

static gboolean
read_document (Loader          *L,
               GlossJsonReader *r)
{
  char *strings[N_DOC] = { NULL, };
  gboolean ok = read_document_into (L, r, strings);

  for (guint i = 0; i < N_DOC; i++)
    g_free (strings[i]);
  return ok;
}

static gboolean
read_schema (Loader          *L,
             GlossJsonReader *r)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) local_error = NULL;
  GlossJsonToken t = gloss_json_reader_get_token (r);

  if (t != GLOSS_JSON_BEGIN_OBJECT)
    return _gloss_native_expected (r, t, "an object");
  node = gloss_json_reader_read_node (r);
  if (node == NULL)
    return FALSE;

  L->schema = gloss_schema_new_from_json (node, L->where, &local_error);
  if (L->schema == NULL)
    {
      /* Its message already names the file and the place. */
      if (local_error->domain != GLOSS_FORMAT_ERROR)
        {
          local_error->domain = GLOSS_FORMAT_ERROR;
          local_error->code = GLOSS_FORMAT_ERROR_INVALID;
        }
      gloss_json_reader_propagate_error (r, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
ensure_store (Loader *L)
{
  if (L->store != NULL)
    return TRUE;
  if (L->schema == NULL)
    L->schema = gloss_schema_new_default ();
  L->store = gloss_store_new (L->document, L->schema);
  return TRUE;
}

void
_gloss_native_report_progress (Loader *L,
                               gsize   offset)
{
  if (L->hooks->progress == NULL || offset < L->next_progress || L->length == 0)
    return;
  L->next_progress = offset + MAX (L->length / 100, 1);
  L->hooks->progress ((double) offset / L->length, L->hooks->user_data);
}

/* Whether the value of top-level member @m can be read where it stands. */
static gboolean
can_read_now (Loader *L,
              Top     m)
{
  if (!L->done[T_FORMAT] || !L->done[T_VERSION])
    return FALSE;
  switch (m)
    {
    case T_DOCUMENT:
    case T_SCHEMA:
      return TRUE;
    case T_ENTITIES:
      return L->done[T_DOCUMENT] && L->done[T_SCHEMA];
    case T_MENTIONS:
    case T_CLAIMS:
    case T_RELATIONS:
      return L->done[T_DOCUMENT] && L->done[T_SCHEMA] && L->done[T_ENTITIES];
    case T_FORMAT:
    case T_VERSION:
    case N_TOP:
    default:
      return TRUE;
    }
}

static gboolean
read_top_value (Loader          *L,
                GlossJsonReader *r,
                Top              m)
{
  gboolean ok;

  switch (m)
    {
    case T_DOCUMENT:
      ok = read_document (L, r);
      break;
    case T_SCHEMA:
      ok = read_schema (L, r);
      break;
    case T_ENTITIES:
    case T_MENTIONS:
    case T_CLAIMS:
    case T_RELATIONS:
      ok = ensure_store (L) && _gloss_native_read_annotations (L, r, _gloss_native_top_kinds[m]);
      break;
    case T_FORMAT:
    case T_VERSION:
    case N_TOP:
    default:
      g_assert_not_reached ();
    }
  if (ok)
    L->done[m] = TRUE;
  /* The text can be shown while the annotations are read. */
  if (ok && m == T_DOCUMENT && L->hooks != NULL && L->hooks->document_read != NULL && L->problems == NULL)
    L->hooks->document_read (L->document, L->hooks->user_data);
  return ok;
}

static gboolean
read_format_version (Loader           *L,
                     GlossJsonReader  *r,
                     Top               m,
                     GError          **error)
{
  GlossJsonToken t = gloss_json_reader_next (r);

  if (m == T_FORMAT)
    {
      if (t != GLOSS_JSON_STRING || !gloss_json_reader_string_equal (r, "gloss"))
        {
          if (t != GLOSS_JSON_ERROR)
            gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID,
                                         "this is not a Gloss file (\"format\" must be \"gloss\")");
          return FALSE;
        }
    }
  else
    {
      const char *text;
      gsize len;
      double version;

      /* JSON Schema's integer: any number without a fraction, 1.0 and
       * 1e30 included. */
      if (t != GLOSS_JSON_NUMBER || !gloss_json_reader_get_double (r, &version) ||
          version < 1 || version != floor (version))
        {
          if (t == GLOSS_JSON_NUMBER && gloss_json_reader_get_number_text (r, NULL)[0] != '-' &&
              !gloss_json_reader_get_double (r, &version))
            version = G_MAXDOUBLE;   /* a whole number too large for a double */
          else
            {
              if (t != GLOSS_JSON_ERROR)
                gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID,
                                             "expected a whole number, 1 or more");
              return FALSE;
            }
        }
      if (version > GLOSS_NATIVE_VERSION)
        {
          text = gloss_json_reader_get_number_text (r, &len);
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_VERSION,
                       "%s: version: written by a newer version of Gloss (file format %.*s%s; "
                       "this version reads up to %d). Update Gloss to open it.",
                       L->where, (int)MIN (len, 40), text, len > 40 ? "…" : "",
                       GLOSS_NATIVE_VERSION);
          return FALSE;
        }
    }
  L->done[m] = TRUE;
  return TRUE;
}

static gboolean
read_deferred (Loader  *L,
               Top      m,
               GError **error)
{
  g_autoptr(GlossJsonReader) r = NULL;

  r = gloss_json_reader_new_at (L->data, L->length, L->offset[m], L->where, _gloss_native_top_names[m]);
  gloss_json_reader_next (r);
  if (!read_top_value (L, r, m))
    {
      g_propagate_error (error, gloss_json_reader_take_error (r));
      return FALSE;
    }
  return TRUE;
}

static gboolean
load (Loader  *L,
      GError **error)
{
  g_autoptr(GlossJsonReader) r = NULL;
  GlossJsonToken t;

  r = gloss_json_reader_new (L->data, L->length, L->where);
  t = gloss_json_reader_next (r);
  if (t != GLOSS_JSON_BEGIN_OBJECT)
    {
      if (t == GLOSS_JSON_ERROR)
        g_propagate_error (error, gloss_json_reader_take_error (r));
      else
        g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                     "%s: not a Gloss file: it holds %s, not a JSON object", L->where, token_name (t));
      return FALSE;
    }

  while ((t = gloss_json_reader_next (r)) == GLOSS_JSON_MEMBER)
    {
      gsize len;
      const char *name = gloss_json_reader_get_string (r, &len);
      int m = _gloss_native_find_name (_gloss_native_top_names, N_TOP, name, len);

      if (m < 0)
        {
          g_autofree char *copy = g_strdup (gloss_json_reader_get_cstring (r, NULL));

          gloss_json_reader_next (r);
          if (!_gloss_native_read_extra (r, &L->extra, copy))
            goto fail;
          continue;
        }
      if (L->seen[m])
        {
          gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID,
                                       "the member appears twice in the file");
          goto fail;
        }
      L->seen[m] = TRUE;

      if (m == T_FORMAT || m == T_VERSION)
        {
          if (!read_format_version (L, r, m, error))
            goto fail;
          continue;
        }

      t = gloss_json_reader_next (r);
      if (t == GLOSS_JSON_ERROR)
        goto fail;
      if (can_read_now (L, m))
        {
          if (!read_top_value (L, r, m))
            goto fail;
        }
      else
        {
          L->offset[m] = gloss_json_reader_get_offset (r);
          L->deferred[m] = TRUE;
          if (!gloss_json_reader_skip (r))
            goto fail;
        }
    }
  if (t != GLOSS_JSON_END_OBJECT || gloss_json_reader_next (r) != GLOSS_JSON_END)
    goto fail;

  if (!L->seen[T_FORMAT])
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: not a Gloss file: it has no \"format\": \"gloss\" member", L->where);
      return FALSE;
    }
  if (!L->seen[T_VERSION])
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: version: missing; a Gloss file must say its format version", L->where);
      return FALSE;
    }
  if (!L->seen[T_DOCUMENT])
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: document: missing; a Gloss file must hold the document and its text", L->where);
      return FALSE;
    }

  for (Top m = T_DOCUMENT; m < N_TOP; m++)
    if (L->deferred[m] && !read_deferred (L, m, error))
      return FALSE;

  return ensure_store (L);

fail:
  if (error != NULL && *error == NULL)
    g_propagate_error (error, gloss_json_reader_take_error (r));
  return FALSE;
}

/**
 * gloss_native_read_bytes:
 * @bytes: the content of a .gloss file
 * @where: (nullable): the file name for messages
 * @error: return location for a #GLOSS_FORMAT_ERROR
 *
 * Returns: (transfer full) (nullable): a store with no history and no
 *   unsaved changes
 */
GlossStore *
gloss_native_read_bytes (GBytes      *bytes,
                         const char  *where,
                         GError     **error)
{
  return gloss_native_read_bytes_hooked (bytes, where, NULL, error);
}

/**
 * gloss_native_read_bytes_hooked:
 * @bytes: the content of a .gloss file
 * @where: (nullable): the file name for messages
 * @hooks: (nullable): told of the text as soon as it is read, and of progress
 * @error: return location for a #GLOSS_FORMAT_ERROR
 *
 * Reads @bytes as gloss_native_read_bytes() does, telling @hooks how it
 * goes, so that a window can show the text before the annotations are in.
 * A file that turns out invalid after its text returns %NULL all the same.
 *
 * Returns: (transfer full) (nullable): a store with no history and no
 *   unsaved changes
 */
GlossStore *
gloss_native_read_bytes_hooked (GBytes                     *bytes,
                                const char                 *where,
                                const GlossNativeReadHooks *hooks,
                                GError                    **error)
{
  Loader L = { 0, };
  GlossStore *store = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  L.data = g_bytes_get_data (bytes, &L.length);
  L.where = where != NULL ? where : "input";
  L.hooks = hooks;
  loader_init (&L);

  if (load (&L, error))
    {
      if (L.extra != NULL)
        {
          gloss_store_set_extra (L.store, L.extra);
          g_clear_pointer (&L.extra, json_object_unref);
        }
      gloss_store_clear_history (L.store);
      gloss_store_mark_saved (L.store);
      _gloss_store_settle_indexes (L.store);
      store = g_steal_pointer (&L.store);
    }

  loader_clear (&L);
  return store;
}

/**
 * gloss_native_check_bytes:
 * @bytes: the content of a .gloss file
 * @where: (nullable): the file name for messages
 * @max_problems: stop after this many (at least 1)
 *
 * Reads @bytes as gloss_native_read_bytes() does, but goes on after an
 * annotation it refuses, to list every problem: only a syntax error, or a
 * problem outside the annotations (the document, the schema), stops it.
 *
 * Returns: (transfer full) (element-type utf8): the problems' messages,
 *   "WHERE: PATH: what"; empty when the file is valid
 */
GPtrArray *
gloss_native_check_bytes (GBytes     *bytes,
                          const char *where,
                          guint       max_problems)
{
  Loader L = { 0, };
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;

  g_return_val_if_fail (bytes != NULL, NULL);

  L.data = g_bytes_get_data (bytes, &L.length);
  L.where = where != NULL ? where : "input";
  loader_init (&L);
  L.problems = g_ptr_array_new_with_free_func (g_free);
  L.max_problems = MAX (max_problems, 1);

  if (!load (&L, &error))
    g_ptr_array_add (L.problems, g_strdup (error->message));
  problems = g_steal_pointer (&L.problems);
  loader_clear (&L);
  return problems;
}

GlossAnnotation *
_gloss_native_read_annotation (GlossStore           *store,
                               GlossAnnotationKind   kind,
                               const char           *json,
                               gsize                 len,
                               const char           *where,
                               GError              **error)
{
  Loader L = { 0, };
  g_autoptr(GlossJsonReader) r = NULL;
  GlossAnnotation *a = NULL;
  GlossJsonToken t;

  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);
  g_return_val_if_fail (kind < GLOSS_N_KINDS, NULL);

  L.data = json;
  L.length = len;
  L.where = where != NULL ? where : "input";
  L.document = g_object_ref (gloss_store_get_document (store));
  L.doc_length = gloss_document_get_length (L.document);
  L.store = g_object_ref (store);
  L.detached = TRUE;
  loader_init (&L);

  r = gloss_json_reader_new (json, len, L.where);
  t = gloss_json_reader_next (r);
  if (t != GLOSS_JSON_BEGIN_OBJECT)
    _gloss_native_expected (r, t, "an object");
  else if (_gloss_native_read_one (&L, r, kind) && gloss_json_reader_next (r) == GLOSS_JSON_END)
    a = g_steal_pointer (&L.built);

  if (a == NULL)
    g_propagate_error (error, gloss_json_reader_take_error (r));
  loader_clear (&L);
  return a;
}

/**
 * gloss_native_read_file:
 *
 * Returns: (transfer full) (nullable): the store
 */
GlossStore *
gloss_native_read_file (GFile   *file,
                        GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  bytes = gloss_input_file_load (file, &local_error);
  if (bytes == NULL)
    {
      g_set_error_literal (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO, local_error->message);
      return NULL;
    }
  return gloss_native_read_bytes (bytes, name, error);
}
