/* format-test-utils.h: what the tests of the dataset formats share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only, one copy per test program.
 */
#pragma once

#include <string.h>

#include "gloss-format.h"
#include "gloss-format-native.h"
#include "gloss-format-private.h"

static inline GBytes *
fmt_load (const char *first,
          ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;
  va_list args;

  g_ptr_array_add (parts, (gpointer) g_test_get_dir (G_TEST_DIST));
  va_start (args, first);
  for (const char *p = first; p != NULL; p = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) p);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  path = g_build_filenamev ((char **) parts->pdata);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* A .gloss file, as one store in an array. */
static inline GPtrArray *
fmt_load_native (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GPtrArray *stores = g_ptr_array_new_with_free_func (g_object_unref);
  GlossStore *store = gloss_native_read_file (file, &error);

  g_assert_no_error (error);
  g_ptr_array_add (stores, store);
  return stores;
}

/* The annotated sample article. */
static inline GPtrArray *
fmt_load_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("GLOSS_SAMPLES_DIR"), "kim-putin-vostochny.gloss", NULL);

  return fmt_load_native (path);
}

static inline GPtrArray *
fmt_import (const char  *format,
            GBytes      *bytes,
            const char  *where)
{
  GlossFormatOptions options = { .where = where };
  g_autoptr(GError) error = NULL;
  GPtrArray *stores = gloss_format_lookup (format)->import (bytes, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stores);
  return stores;
}

/* The file @path read as @format, with @log (may be NULL). */
static inline GPtrArray *
fmt_import_path (const char     *format,
                 const char     *path,
                 GlossImportLog *log)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GlossFormatOptions options = { .where = path, .log = log };
  GPtrArray *stores;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  stores = gloss_format_lookup (format)->import (bytes, &options, &error);
  g_assert_no_error (error);
  return stores;
}

/* Importing @input as @format fails with a message that begins with
 * @message. */
static inline void
fmt_assert_refused (const char *format,
                    const char *input,
                    const char *where,
                    const char *message)
{
  g_autoptr(GBytes) bytes = g_bytes_new (input, strlen (input));
  g_autoptr(GError) error = NULL;
  GlossFormatOptions options = { .where = where };
  g_autoptr(GPtrArray) stores = gloss_format_lookup (format)->import (bytes, &options, &error);

  g_assert_null (stores);
  g_assert_nonnull (error);
  if (!g_str_has_prefix (error->message, message))
    g_error ("“%s” does not begin with “%s”", error->message, message);
}

static inline GBytes *
fmt_export (const char        *format,
            GPtrArray         *stores,
            GlossFormatReport *report)
{
  GlossFormatOptions options = { .report = report };
  g_autoptr(GError) error = NULL;
  GBytes *bytes = gloss_format_export (gloss_format_lookup (format), stores, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static inline void
fmt_append_spans (GString         *out,
                  GlossStore      *store,
                  GlossAnnotation *a,
                  GlossSpanRole    role)
{
  const GlossSpan *spans;
  guint n;

  spans = gloss_annotation_get_spans (a, role, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = gloss_document_dup_slice (gloss_store_get_document (store),
                                                        spans[i].start, spans[i].end);

      g_string_append_printf (out, "%s%u-%u“%s”", i > 0 ? ";" : "", spans[i].start, spans[i].end, text);
    }
}

/* A first mention of @entity's spans, or "-". */
static inline void
fmt_append_entity (GString     *out,
                   GlossStore  *store,
                   GlossEntity *entity)
{
  GlossAnnotation *first = _gloss_format_first_mention (store, entity);

  if (first == NULL)
    g_string_append (out, "-");
  else
    fmt_append_spans (out, store, first, GLOSS_ROLE_CONTENT);
}

/* One line per mention, "TYPE SPANS", in text order, and per relation
 * "TYPE FROM -> TO" by the first mentions of its entities: what every
 * span format must carry across. */
static inline char *
fmt_mentions_and_relations (GlossStore *store,
                            gboolean    relations)
{
  GListModel *list = gloss_store_get_list (store, GLOSS_KIND_MENTION);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (list, i);

      g_string_append_printf (out, "%s ", gloss_annotation_get_type_id (a));
      fmt_append_spans (out, store, a, GLOSS_ROLE_CONTENT);
      g_string_append_c (out, '\n');
    }

  list = gloss_store_get_list (store, GLOSS_KIND_RELATION);
  for (guint i = 0; relations && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossRelation) r = g_list_model_get_item (list, i);

      g_string_append_printf (out, "%s ", gloss_annotation_get_type_id (GLOSS_ANNOTATION (r)));
      fmt_append_entity (out, store, gloss_relation_get_from (r));
      g_string_append (out, " -> ");
      fmt_append_entity (out, store, gloss_relation_get_to (r));
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

static inline int
fmt_compare_annotations (gconstpointer a,
                         gconstpointer b)
{
  return gloss_annotation_compare (*(GlossAnnotation *const *) a, *(GlossAnnotation *const *) b);
}

/* One line per mention, claim and relation with attributes or a note:
 * its kind, first span, attributes and note. */
static inline char *
fmt_attrs_and_notes (GlossStore *store)
{
  GString *out = g_string_new (NULL);

  for (GlossAnnotationKind kind = GLOSS_KIND_MENTION; kind <= GLOSS_KIND_RELATION; kind++)
    {
      GListModel *list = gloss_store_get_list (store, kind);

      if (kind == GLOSS_KIND_ENTITY)
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(GlossAnnotation) a = g_list_model_get_item (list, i);
          JsonObject *attrs = gloss_annotation_get_attrs (a);
          const char *note = gloss_annotation_get_note (a);

          if ((attrs == NULL || json_object_get_size (attrs) == 0) && note == NULL)
            continue;
          g_string_append_printf (out, "%s %s ", gloss_annotation_kind_to_string (kind),
                                  gloss_annotation_get_type_id (a));
          if (kind == GLOSS_KIND_RELATION)
            fmt_append_entity (out, store, gloss_relation_get_from (GLOSS_RELATION (a)));
          else
            fmt_append_spans (out, store, a, GLOSS_ROLE_CONTENT);
          if (attrs != NULL && json_object_get_size (attrs) > 0)
            {
              g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), attrs);
              g_autofree char *json = json_to_string (node, FALSE);

              g_string_append_printf (out, " %s", json);
            }
          if (note != NULL)
            g_string_append_printf (out, " note “%s”", note);
          g_string_append_c (out, '\n');
        }
    }

  return g_string_free (out, FALSE);
}

static inline void fmt_assert_same_lines (const char *a, const char *b);

static inline void
fmt_assert_same_attrs_and_notes (GlossStore *a,
                                 GlossStore *b)
{
  g_autofree char *x = fmt_attrs_and_notes (a);
  g_autofree char *y = fmt_attrs_and_notes (b);

  fmt_assert_same_lines (x, y);
}

static inline int
fmt_compare_lines (gconstpointer a,
                   gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

/* Sorted lines, so the relations' order does not matter. */
static inline void
fmt_assert_same_lines (const char *a,
                       const char *b)
{
  g_auto(GStrv) la = g_strsplit (a, "\n", -1);
  g_auto(GStrv) lb = g_strsplit (b, "\n", -1);
  g_autofree char *ja = NULL;
  g_autofree char *jb = NULL;

  qsort (la, g_strv_length (la), sizeof (char *), fmt_compare_lines);
  qsort (lb, g_strv_length (lb), sizeof (char *), fmt_compare_lines);
  ja = g_strjoinv ("\n", la);
  jb = g_strjoinv ("\n", lb);
  g_assert_cmpstr (ja, ==, jb);
}

static inline void
fmt_assert_bytes_equal (GBytes     *got,
                        GBytes     *expected)
{
  g_autofree char *a = g_strndup (g_bytes_get_data (got, NULL), g_bytes_get_size (got));
  g_autofree char *b = g_strndup (g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));

  g_assert_cmpstr (a, ==, b);
}
