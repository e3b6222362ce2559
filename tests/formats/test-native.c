/* test-native.c: the .gloss format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "gloss-error.h"
#include "gloss-format-native.h"
#include "gloss-json-reader.h"
#include "gloss-store.h"

/* ------------------------------------------------------------------------
 * Helpers
 */

static char *
write_string (GlossStore *store)
{
  g_autoptr(GBytes) bytes = gloss_native_write_bytes (store);
  gsize n;
  const char *data = g_bytes_get_data (bytes, &n);

  return g_strndup (data, n);
}

static GlossStore *
read_string (const char  *json,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return gloss_native_read_bytes (bytes, "k.gloss", error);
}

/* The span of the @nth occurrence of @needle in the document. */
static GlossSpan
find_span (GlossDocument *document,
           const char    *needle,
           guint          nth)
{
  const char *text = gloss_document_get_text (document);
  const char *p = text;
  GlossSpan span;

  for (;;)
    {
      p = strstr (p, needle);
      g_assert_nonnull (p);
      if (nth-- == 0)
        break;
      p++;
    }
  span.start = gloss_document_byte_to_cp (document, p - text);
  span.end = gloss_document_byte_to_cp (document, p - text + strlen (needle));
  return span;
}

/* Runs build-aux/validate-gloss.py on @contents, if it and jsonschema are there. */
static void
validate (const char *contents)
{
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");
  g_autofree char *script = NULL;
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (srcdir == NULL || python == NULL)
    return;
  script = g_build_filename (srcdir, "..", "build-aux", "validate-gloss.py", NULL);
  if (!g_file_test (script, G_FILE_TEST_EXISTS))
    return;

  dir = g_dir_make_tmp ("gloss-native-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "written.gloss", NULL);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  {
    const char *argv[] = { python, script, path, NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  }
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);

  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      g_test_message ("validate-gloss.py skipped: %s", err);
      return;
    }
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("the written file does not validate:\n%s%s", out, err);
}

static GlossStore *
round_trip (GlossStore *store,
            char      **written)
{
  g_autofree char *first = write_string (store);
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;
  GlossStore *copy;

  copy = read_string (first, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  g_assert_false (gloss_store_get_modified (copy));
  g_assert_false (gloss_store_can_undo (copy));
  g_assert_true (gloss_store_equal (store, copy));

  second = write_string (copy);
  g_assert_cmpstr (first, ==, second);

  if (written != NULL)
    *written = g_steal_pointer (&first);
  return copy;
}

static void
add (GlossStore      *store,
     GlossAnnotation *annotation)
{
  g_autoptr(GError) error = NULL;

  gloss_store_load_add (store, annotation, &error);
  g_assert_no_error (error);
  g_object_unref (annotation);
}

/* ------------------------------------------------------------------------
 * The sample article
 */

static GlossStore *
sample_store (void)
{
  const char *dir = g_getenv ("GLOSS_SAMPLES_DIR");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossSchema) schema = gloss_schema_new_default ();
  GlossStore *store;
  GlossEntity *kim, *putin, *russia;
  GlossMention *m;
  GlossClaim *c;
  GlossRelation *r;
  GlossSpan spans[2];
  gsize len;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, "kim-putin-vostochny.txt", NULL);
  g_file_get_contents (path, &text, &len, &error);
  g_assert_no_error (error);

  document = gloss_document_new_from_text (text, len, path, &error);
  g_assert_no_error (error);
  gloss_document_set_id (document, "kim-putin-vostochny");
  gloss_document_set_title (document, "North Korea’s Kim vows full support for Putin’s ‘sacred fight’");
  gloss_document_set_source (document, "kim-putin-vostochny.txt");
  gloss_document_set_language (document, "en");
  store = gloss_store_new (document, schema);

  kim = gloss_entity_new ("PER", "Kim Jong Un");
  gloss_annotation_set_id (GLOSS_ANNOTATION (kim), "e1");
  gloss_entity_set_kb (kim, "wikidata:Q56226");
  add (store, g_object_ref (GLOSS_ANNOTATION (kim)));
  putin = gloss_entity_new ("PER", "Vladimir Putin");
  gloss_annotation_set_id (GLOSS_ANNOTATION (putin), "e2");
  add (store, g_object_ref (GLOSS_ANNOTATION (putin)));
  russia = gloss_entity_new ("GPE", "Russia");
  gloss_annotation_set_id (GLOSS_ANNOTATION (russia), "e10");
  add (store, g_object_ref (GLOSS_ANNOTATION (russia)));

  spans[0] = find_span (document, "Kim Jong Un", 0);
  g_assert_cmpuint (spans[0].start, ==, 224);
  g_assert_cmpuint (spans[0].end, ==, 235);
  g_assert_cmpuint (gloss_document_cp_to_byte (document, 224), ==, 234);
  m = gloss_mention_new ("PER", spans, 1);
  gloss_annotation_set_id (GLOSS_ANNOTATION (m), "m1");
  gloss_mention_set_entity (m, kim);
  gloss_annotation_set_author (GLOSS_ANNOTATION (m), "ana");
  gloss_annotation_set_created (GLOSS_ANNOTATION (m), 1795757051);   /* 2026-11-27T05:24:11Z */
  gloss_annotation_set_modified (GLOSS_ANNOTATION (m), 1795757051);
  add (store, GLOSS_ANNOTATION (m));

  spans[0] = find_span (document, "Vladimir Putin", 0);
  m = gloss_mention_new ("PER", spans, 1);
  gloss_annotation_set_id (GLOSS_ANNOTATION (m), "m2");
  gloss_mention_set_entity (m, putin);
  gloss_annotation_set_status (GLOSS_ANNOTATION (m), GLOSS_STATUS_SUGGESTED);
  add (store, GLOSS_ANNOTATION (m));

  spans[0] = find_span (document, "Russia", 0);
  m = gloss_mention_new ("GPE", spans, 1);
  gloss_annotation_set_id (GLOSS_ANNOTATION (m), "m10");
  gloss_mention_set_entity (m, russia);
  gloss_annotation_set_note (GLOSS_ANNOTATION (m), "“Russia’s” — possessive\nsecond line \\ \"quoted\"");
  add (store, GLOSS_ANNOTATION (m));

  /* A quote interrupted by its cue: two fragments. */
  spans[0] = find_span (document, "The Russian army and people will certainly win", 0);
  spans[1] = find_span (document, "a great victory in the sacred struggle", 0);
  c = gloss_claim_new ("quote", spans, 2);
  gloss_annotation_set_id (GLOSS_ANNOTATION (c), "c1");
  gloss_claim_set_claimant (c, kim);
  gloss_claim_set_certainty (c, GLOSS_CERTAINTY_ASSERTED);
  spans[0] = find_span (document, "Kim added", 0);
  gloss_annotation_set_spans (GLOSS_ANNOTATION (c), GLOSS_ROLE_CUE, spans, 1);
  gloss_claim_add_about (c, russia);
  gloss_claim_add_about (c, putin);
  {
    g_autoptr(JsonNode) v = json_node_new (JSON_NODE_VALUE);

    json_node_set_string (v, "high");
    gloss_annotation_set_attr (GLOSS_ANNOTATION (c), "confidence", v);
  }
  add (store, GLOSS_ANNOTATION (c));

  r = gloss_relation_new ("meets_with", kim, putin);
  gloss_annotation_set_id (GLOSS_ANNOTATION (r), "r1");
  spans[0] = find_span (document, "rare meeting", 0);
  gloss_annotation_set_spans (GLOSS_ANNOTATION (r), GLOSS_ROLE_EVIDENCE, spans, 1);
  add (store, GLOSS_ANNOTATION (r));

  g_object_unref (kim);
  g_object_unref (putin);
  g_object_unref (russia);
  return store;
}

static void
test_sample_round_trip (void)
{
  g_autoptr(GlossStore) store = sample_store ();
  g_autoptr(GlossStore) copy = NULL;
  g_autofree char *written = NULL;
  GlossClaim *claim;
  guint n;

  copy = round_trip (store, &written);
  validate (written);
  if (g_getenv ("GLOSS_DUMP") != NULL)
    g_printerr ("%s", written);

  g_assert_nonnull (strstr (written, "{\"id\": \"m1\", \"type\": \"PER\", \"entity\": \"e1\", "
                                     "\"spans\": [{\"start\": 224, \"end\": 235, \"text\": \"Kim Jong Un\"}], "
                                     "\"author\": \"ana\", \"created\": \"2026-11-27T05:24:11Z\", "
                                     "\"modified\": \"2026-11-27T05:24:11Z\"}"));
  /* Layout: header, then one annotation a line; e2 before e10. */
  g_assert_true (g_str_has_prefix (written, "{\n  \"format\": \"gloss\",\n  \"version\": 1,\n  \"document\": {\n    \"id\": \"kim-putin-vostochny\",\n"));
  g_assert_nonnull (strstr (written, "\n  \"entities\": [\n    {\"id\": \"e1\", \"type\": \"PER\", \"name\": \"Kim Jong Un\", \"kb\": \"wikidata:Q56226\"},\n    {\"id\": \"e2\","));
  g_assert_true (strstr (written, "\"id\": \"e2\"") < strstr (written, "\"id\": \"e10\""));
  g_assert_nonnull (strstr (written, "\"status\": \"suggested\""));
  g_assert_null (strstr (written, "\"accepted\""));
  g_assert_nonnull (strstr (written, "\"about\": [\"e10\", \"e2\"]"));
  g_assert_nonnull (strstr (written, "\"attrs\": {\"confidence\": \"high\"}"));
  g_assert_nonnull (strstr (written, "\"note\": \"“Russia’s” — possessive\\nsecond line \\\\ \\\"quoted\\\"\""));
  g_assert_true (g_str_has_suffix (written, "}]}\n  ]\n}\n"));

  claim = GLOSS_CLAIM (gloss_store_lookup (copy, "c1"));
  gloss_annotation_get_spans (GLOSS_ANNOTATION (claim), GLOSS_ROLE_CONTENT, &n);
  g_assert_cmpuint (n, ==, 2);
  gloss_annotation_get_spans (GLOSS_ANNOTATION (claim), GLOSS_ROLE_CUE, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (gloss_claim_get_n_about (claim), ==, 2);
  g_assert_true (gloss_claim_get_claimant (claim) == GLOSS_ENTITY (gloss_store_lookup (copy, "e1")));
}

static void
test_file (void)
{
  g_autoptr(GlossStore) store = sample_store ();
  g_autoptr(GlossStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-native-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "k.gloss", NULL);
  g_autofree char *bad = g_build_filename (dir, "missing", "k.gloss", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autofree char *contents = NULL;
  g_autofree char *expected = write_string (store);

  g_assert_true (gloss_native_write_file (store, file, &error));
  g_assert_no_error (error);
  /* Saving again replaces the file. */
  g_assert_true (gloss_native_write_file (store, file, &error));
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_cmpstr (contents, ==, expected);

  copy = gloss_native_read_file (file, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_store_equal (store, copy));

  g_assert_false (gloss_native_write_file (store, bad_file, &error));
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO);
  g_clear_error (&error);
  g_assert_null (gloss_native_read_file (bad_file, &error));
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, bad));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_import_export (void)
{
  g_autoptr(GlossStore) store = sample_store ();
  g_autoptr(GPtrArray) stores = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) imported = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GlossFormatOptions options = { .where = "two.gloss" };

  g_ptr_array_add (stores, g_object_ref (store));
  bytes = gloss_native_export (stores, &options, &error);
  g_assert_no_error (error);
  imported = gloss_native_import (bytes, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imported->len, ==, 1);
  g_assert_true (gloss_store_equal (store, imported->pdata[0]));

  g_ptr_array_add (stores, g_object_ref (store));
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = gloss_native_export (stores, &options, &error);
  g_assert_null (bytes);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "one document"));
}

/* ------------------------------------------------------------------------
 * Unicode: every span text exact
 */

static void
test_unicode (void)
{
  static const char *text =
    "😀 Kim said “漢字” — e\xcc\x81te\xcc\x81\r\nNext line: “quoted” 😀漢 end.\r\n";
  static const char * const needles[] = {
    "😀", "Kim", "“漢字”", "漢字", "e\xcc\x81te\xcc\x81", "\r\n", "“quoted”", "😀漢", "end.",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = gloss_document_new_from_text (text, -1, "u", &error);
  g_autoptr(GlossStore) store = gloss_store_new (document, NULL);
  g_autoptr(GlossStore) copy = NULL;
  g_autofree char *written = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
    {
      GlossSpan span = find_span (document, needles[i], 0);

      add (store, GLOSS_ANNOTATION (gloss_mention_new ("PER", &span, 1)));
    }
  copy = round_trip (store, &written);
  validate (written);

  for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
    {
      g_autofree char *escaped = g_strescape (needles[i], "\xe2\x80\x9c\xe2\x80\x9d\xcc\x81\xf0\x9f\x98\x80\xe6\xbc\xa2\xe5\xad\x97");
      g_autofree char *expect = g_strdup_printf ("\"text\": \"%s\"}", escaped);

      g_assert_nonnull (strstr (written, expect));
    }
  /* The emoji is one code point: "Kim" starts at 2. */
  g_assert_nonnull (strstr (written, "{\"start\": 2, \"end\": 5, \"text\": \"Kim\"}"));
  g_assert_nonnull (strstr (written, "\"text\": \"😀 Kim said “漢字” — e\xcc\x81te\xcc\x81\\r\\nNext"));

  /* Every span of the copy reads back the same text. */
  {
    GListModel *list = gloss_store_get_list (copy, GLOSS_KIND_MENTION);

    g_assert_cmpuint (g_list_model_get_n_items (list), ==, G_N_ELEMENTS (needles));
    for (guint i = 0; i < g_list_model_get_n_items (list); i++)
      {
        g_autoptr(GlossAnnotation) a = g_list_model_get_item (list, i);
        guint n;
        const GlossSpan *s = gloss_annotation_get_spans (a, GLOSS_ROLE_CONTENT, &n);
        g_autofree char *slice = gloss_document_dup_slice (gloss_store_get_document (copy), s[0].start, s[0].end);
        gboolean found = FALSE;

        for (guint k = 0; k < G_N_ELEMENTS (needles); k++)
          found |= g_str_equal (slice, needles[k]);
        g_assert_true (found);
      }
  }
}

/* ------------------------------------------------------------------------
 * Unknown members, member order, canonical files
 */

#define DOC_TEXT "Kim met Putin. Putin smiled."
#define DOC_SHA "SHA"

static char *
fixture_text (const char *template)
{
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, DOC_TEXT, -1);
  g_autoptr(GString) s = g_string_new (template);

  g_string_replace (s, DOC_SHA, sha, 0);
  return g_strdup (s->str);
}

static const char *canonical =
  "{\n"
  "  \"format\": \"gloss\",\n"
  "  \"version\": 1,\n"
  "  \"document\": {\n"
  "    \"id\": \"d\",\n"
  "    \"sha256\": \"SHA\",\n"
  "    \"text\": \"" DOC_TEXT "\",\n"
  "    \"meta\": {\n"
  "      \"desk\": \"world\"\n"
  "    },\n"
  "    \"x-doc\": [\n"
  "      1,\n"
  "      2\n"
  "    ]\n"
  "  },\n"
  "  \"schema\": {\n"
  "    \"entity_types\": [\n"
  "      {\n"
  "        \"id\": \"PER\",\n"
  "        \"name\": \"Person\",\n"
  "        \"color\": \"#3584e4\",\n"
  "        \"key\": \"1\"\n"
  "      }\n"
  "    ],\n"
  "    \"claim_types\": [\n"
  "      {\n"
  "        \"id\": \"assertion\",\n"
  "        \"name\": \"Assertion\",\n"
  "        \"color\": \"#e66100\"\n"
  "      }\n"
  "    ],\n"
  "    \"relation_types\": [],\n"
  "    \"attributes\": []\n"
  "  },\n"
  "  \"entities\": [\n"
  "    {\"id\": \"e1\", \"type\": \"PER\", \"name\": \"Kim\", \"x-ent\": true},\n"
  "    {\"id\": \"e2\", \"type\": \"PER\", \"name\": \"Putin\"}\n"
  "  ],\n"
  "  \"mentions\": [\n"
  "    {\"id\": \"m1\", \"type\": \"PER\", \"entity\": \"e1\", \"spans\": [{\"start\": 0, \"end\": 3, \"text\": \"Kim\"}], \"x-m\": {\"nested\": [null, 1.5, \"s\"]}},\n"
  "    {\"id\": \"m2\", \"type\": \"PER\", \"entity\": \"e2\", \"spans\": [{\"start\": 8, \"end\": 13, \"text\": \"Putin\"}]},\n"
  "    {\"id\": \"m3\", \"type\": \"ORG\", \"spans\": [{\"start\": 15, \"end\": 20, \"text\": \"Putin\"}]}\n"
  "  ],\n"
  "  \"claims\": [\n"
  "    {\"id\": \"c1\", \"type\": \"assertion\", \"claimant\": \"e2\", \"certainty\": \"hedged\", \"spans\": [{\"start\": 15, \"end\": 27, \"text\": \"Putin smiled\"}]}\n"
  "  ],\n"
  "  \"relations\": [],\n"
  "  \"x-top\": {\n"
  "    \"kept\": true\n"
  "  }\n"
  "}\n";

static void
test_canonical (void)
{
  g_autofree char *json = fixture_text (canonical);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = read_string (json, &error);
  g_autofree char *written = NULL;
  GlossLabel *org;

  g_assert_no_error (error);
  written = write_string (store);
  /* The schema of the test fixture is whatever the schema writes; compare
   * everything else exactly. */
  if (g_strcmp0 (written, json) != 0)
    {
      /* An unknown type is kept in the schema, so the schema block may
       * differ; the rest must not. */
      const char *a = strstr (written, "  \"entities\"");
      const char *b = strstr (json, "  \"entities\"");

      g_assert_nonnull (a);
      g_assert_cmpstr (a, ==, b);
    }
  g_assert_nonnull (strstr (written, "\"x-doc\": [\n      1,\n      2\n    ]\n  },\n"));

  /* ORG is not in the schema: kept, marked unknown. */
  org = gloss_schema_lookup (gloss_store_get_schema (store), GLOSS_LABEL_ENTITY, "ORG");
  g_assert_nonnull (org);
  g_assert_true (gloss_label_get_unknown (org));

  g_clear_object (&store);
  store = round_trip (read_string (written, &error), NULL);
  g_assert_no_error (error);
  validate (written);
}

static void
test_any_member_order (void)
{
  g_autofree char *json = fixture_text (canonical);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = read_string (json, &error);
  g_autoptr(GlossStore) shuffled = NULL;
  g_autofree char *reordered = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  const char *open;

  g_assert_no_error (error);

  /* Relations, claims and mentions first, then entities, the schema, the
   * document, and format and version last. */
  reordered = fixture_text (
    "{\"x-top\": {\"kept\": true}, \"relations\": [],\n"
    " \"claims\": [{\"spans\": [{\"text\": \"Putin smiled\", \"end\": 27, \"start\": 15}], \"certainty\": \"hedged\", \"claimant\": \"e2\", \"type\": \"assertion\", \"id\": \"c1\"}],\n"
    " \"mentions\": [{\"id\": \"m3\", \"type\": \"ORG\", \"spans\": [{\"start\": 15, \"end\": 20, \"text\": \"Putin\"}]},"
    "  {\"x-m\": {\"nested\": [null, 1.5, \"s\"]}, \"id\": \"m1\", \"type\": \"PER\", \"entity\": \"e1\", \"spans\": [{\"start\": 0, \"end\": 3, \"text\": \"Kim\"}]},"
    "  {\"id\": \"m2\", \"type\": \"PER\", \"entity\": \"e2\", \"spans\": [{\"start\": 8, \"end\": 13, \"text\": \"Putin\"}]}],\n"
    " \"entities\": [{\"id\": \"e2\", \"type\": \"PER\", \"name\": \"Putin\"}, {\"x-ent\": true, \"id\": \"e1\", \"type\": \"PER\", \"name\": \"Kim\"}],\n"
    " \"document\": {\"x-doc\": [1, 2], \"meta\": {\"desk\": \"world\"}, \"text\": \"" DOC_TEXT "\", \"sha256\": \"SHA\", \"id\": \"d\"},\n"
    " \"schema\": {\"entity_types\": [{\"id\": \"PER\", \"name\": \"Person\", \"color\": \"#3584e4\", \"key\": \"1\"}],"
    "  \"claim_types\": [{\"id\": \"assertion\", \"name\": \"Assertion\", \"color\": \"#e66100\"}]},\n"
    " \"version\": 1, \"format\": \"gloss\"}");
  shuffled = read_string (reordered, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_store_equal (store, shuffled));

  a = write_string (store);
  b = write_string (shuffled);
  /* The unknown ORG label is added in a different order, nothing else. */
  open = strstr (a, "  \"entities\"");
  g_assert_cmpstr (open, ==, strstr (b, "  \"entities\""));
}

/* What the hooks of gloss_native_read_bytes_hooked() saw. */
typedef struct
{
  GlossDocument *document;
  guint          documents;
  guint          progress;
  guint          progress_before_document;
  double         last;
} Hooked;

static void
hooked_document_cb (GlossDocument *document,
                    gpointer       user_data)
{
  Hooked *h = user_data;

  h->document = document;
  h->documents++;
}

static void
hooked_progress_cb (double   fraction,
                    gpointer user_data)
{
  Hooked *h = user_data;

  g_assert_cmpfloat (fraction, >=, h->last);
  g_assert_cmpfloat (fraction, <=, 1.);
  h->last = fraction;
  h->progress++;
  if (h->documents == 0)
    h->progress_before_document++;
}

static GlossStore *
read_hooked (const char *json,
             Hooked     *h)
{
  GlossNativeReadHooks hooks = { hooked_document_cb, hooked_progress_cb, h };
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  GlossStore *store = gloss_native_read_bytes_hooked (bytes, "k.gloss", &hooks, &error);

  g_assert_no_error (error);
  return store;
}

/* The text is handed on once, before any annotation is read, and it is
 * the store's own document; progress only grows. Also when the file has
 * the annotations first, and for a large file written by Gloss. */
static void
test_read_hooks (void)
{
  g_autoptr(GlossStore) sample = sample_store ();
  g_autofree char *written = write_string (sample);
  g_autofree char *annotations_first = fixture_text (
    "{\"mentions\": [{\"id\": \"m1\", \"type\": \"PER\", \"spans\": [{\"start\": 0, \"end\": 3, \"text\": \"Kim\"}]}],\n"
    " \"document\": {\"text\": \"" DOC_TEXT "\"}, \"version\": 1, \"format\": \"gloss\"}");
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(GlossStore) big_store = NULL;
  g_autofree char *big_written = NULL;
  Hooked h = { 0, };
  GlossStore *store;

  store = read_hooked (written, &h);
  g_assert_cmpuint (h.documents, ==, 1);
  g_assert_true (h.document == gloss_store_get_document (store));
  g_assert_true (gloss_store_equal (store, sample));
  g_object_unref (store);

  memset (&h, 0, sizeof h);
  store = read_hooked (annotations_first, &h);
  g_assert_cmpuint (h.documents, ==, 1);
  g_assert_true (h.document == gloss_store_get_document (store));
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_MENTION), ==, 1);
  g_object_unref (store);

  /* Many annotations: progress is told, never before the text. */
  for (guint i = 0; i < 2000; i++)
    g_string_append (big, "Kim met Putin. ");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GlossDocument) document = gloss_document_new_from_text (big->str, big->len, "big", &error);

    g_assert_no_error (error);
    big_store = gloss_store_new (document, NULL);
  }
  for (guint i = 0; i < 2000; i++)
    {
      GlossSpan span = { i * 15, i * 15 + 3 };

      add (big_store, GLOSS_ANNOTATION (gloss_mention_new ("PER", &span, 1)));
    }
  big_written = write_string (big_store);
  memset (&h, 0, sizeof h);
  store = read_hooked (big_written, &h);
  g_assert_cmpuint (h.documents, ==, 1);
  g_assert_cmpuint (h.progress, >=, 50);
  g_assert_cmpuint (h.progress, <=, 101);
  g_assert_cmpuint (h.progress_before_document, ==, 0);
  g_assert_true (gloss_store_equal (store, big_store));
  g_object_unref (store);
}

static void
test_minimal_fixture (void)
{
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GlossStore) copy = NULL;
  g_autofree char *written = NULL;

  if (srcdir == NULL)
    {
      g_test_skip ("G_TEST_SRCDIR not set");
      return;
    }
  path = g_build_filename (srcdir, "data", "minimal.gloss", NULL);
  file = g_file_new_for_path (path);
  store = gloss_native_read_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_MENTION), ==, 2);
  /* 09:31:12.5+01:00 is 08:31:12 UTC. */
  g_assert_cmpint (gloss_annotation_get_modified (gloss_store_lookup (store, "m2")), ==,
                   gloss_annotation_get_created (gloss_store_lookup (store, "m2")) - 3600 + 72);
  copy = round_trip (store, &written);
  validate (written);
}

/* A file we wrote reads and writes back byte for byte. */
static void
test_canonical_fixture (void)
{
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;

  if (srcdir == NULL)
    {
      g_test_skip ("G_TEST_SRCDIR not set");
      return;
    }
  path = g_build_filename (srcdir, "data", "native", "minimal-canonical.gloss", NULL);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  store = read_string (contents, &error);
  g_assert_no_error (error);
  written = write_string (store);
  g_assert_cmpstr (written, ==, contents);
}

/* ------------------------------------------------------------------------
 * Bad input: each its own error, naming the place
 */

static const char *good =
  "{\"format\": \"gloss\", \"version\": 1,\n"
  " \"document\": {\"sha256\": \"SHA\", \"text\": \"" DOC_TEXT "\"},\n"
  " \"entities\": [{\"id\": \"e1\", \"type\": \"PER\"}],\n"
  " \"mentions\": [{\"id\": \"m1\", \"type\": \"PER\", \"entity\": \"e1\", \"spans\": [{\"start\": 0, \"end\": 3, \"text\": \"Kim\"}]}],\n"
  " \"claims\": [{\"id\": \"c1\", \"type\": \"quote\", \"spans\": [{\"start\": 15, \"end\": 27, \"text\": \"Putin smiled\"}], \"created\": \"2026-11-27T05:24:11Z\"}]}";

typedef struct
{
  const char *from;
  const char *to;
  int         code;
  const char *message;
} BadCase;

static void
test_bad_input (void)
{
  static const BadCase cases[] = {
    /* malformed JSON, with line:column */
    { "\"start\": 0,", "\"start\": 0,,", GLOSS_FORMAT_ERROR_SYNTAX,
      "k.gloss: mentions[0].spans[0].start: malformed JSON at line 4, column 81: found ',' where a member name in quotes should be" },
    { "]}", "]", GLOSS_FORMAT_ERROR_SYNTAX, "k.gloss: mentions[0].spans: malformed JSON at line 4, column 107: found ']' where ',' or '}' should be" },
    { "Kim met", "Kim\xff met", GLOSS_FORMAT_ERROR_SYNTAX, "invalid UTF-8" },
    /* spans */
    { "\"start\": 0, \"end\": 3, \"text\": \"Kim\"", "\"start\": 0, \"end\": 3, \"text\": \"Putin\"",
      GLOSS_FORMAT_ERROR_SPAN, "k.gloss: mentions[0].spans[0]: text \"Putin\" does not match the document (\"Kim\")" },
    { "\"end\": 3,", "\"end\": 300,", GLOSS_FORMAT_ERROR_SPAN,
      "k.gloss: mentions[0].spans[0]: end 300 is beyond the end of the text (28 characters)" },
    { "\"start\": 0,", "\"start\": 5,", GLOSS_FORMAT_ERROR_SPAN, "k.gloss: mentions[0].spans[0]: end 3 is before start 5" },
    { "\"end\": 3,", "\"end\": 0,", GLOSS_FORMAT_ERROR_SPAN, "mentions[0].spans[0]: the span is empty" },
    { "\"start\": 0,", "\"start\": -1,", GLOSS_FORMAT_ERROR_SPAN, "k.gloss: mentions[0].spans[0].start: -1 is not an offset" },
    { "\"start\": 0,", "\"start\": 4294967296,", GLOSS_FORMAT_ERROR_SPAN, "mentions[0].spans[0].start: 4294967296 is not an offset" },
    { "\"start\": 0,", "\"start\": 0.5,", GLOSS_FORMAT_ERROR_SPAN, "mentions[0].spans[0].start" },
    { "\"start\": 0,", "\"start\": \"0\",", GLOSS_FORMAT_ERROR_INVALID, "mentions[0].spans[0].start: expected a whole number, found a string" },
    { ", \"text\": \"Kim\"", "", GLOSS_FORMAT_ERROR_INVALID, "mentions[0].spans[0]: the span has no \"text\"" },
    { "\"spans\": [{\"start\": 0, \"end\": 3, \"text\": \"Kim\"}]", "\"spans\": []", GLOSS_FORMAT_ERROR_SPAN, "mentions[0]: the mention has no spans" },
    /* references and ids */
    { "\"entity\": \"e1\"", "\"entity\": \"e9\"", GLOSS_FORMAT_ERROR_INVALID, "k.gloss: mentions[0].entity: no entity has the id \"e9\"" },
    { "\"entity\": \"e1\"", "\"entity\": \"m1\"", GLOSS_FORMAT_ERROR_INVALID, "mentions[0].entity: no entity has the id \"m1\"" },
    { "\"id\": \"c1\"", "\"id\": \"m1\"", GLOSS_FORMAT_ERROR_INVALID, "k.gloss: claims[0]: the id \"m1\" is already used" },
    { "\"id\": \"c1\"", "\"id\": \"e1\"", GLOSS_FORMAT_ERROR_INVALID, "claims[0]: the id \"e1\" is already used" },
    { "\"id\": \"m1\", \"type\": \"PER\",", "\"id\": \"m1\", \"type\": \"PER\", \"id\": \"m2\",", GLOSS_FORMAT_ERROR_INVALID, "mentions[0].id: the member appears twice" },
    { "\"id\": \"m1\", \"type\": \"PER\",", "\"id\": \"m1\",", GLOSS_FORMAT_ERROR_INVALID, "mentions[0]: the mention has no \"type\"" },
    { "\"id\": \"m1\"", "\"id\": \"\"", GLOSS_FORMAT_ERROR_INVALID, "mentions[0].id: must not be empty" },
    { "\"id\": \"m1\"", "\"id\": 1", GLOSS_FORMAT_ERROR_INVALID, "mentions[0].id: expected a string, found a number" },
    /* other values */
    { "\"created\": \"2026-11-27T05:24:11Z\"", "\"created\": \"yesterday\"", GLOSS_FORMAT_ERROR_INVALID,
      "claims[0].created: \"yesterday\" is not an ISO 8601 date" },
    { "\"created\": \"2026-11-27T05:24:11Z\"", "\"created\": \"2026-02-30T05:24:11Z\"", GLOSS_FORMAT_ERROR_INVALID, "claims[0].created" },
    { "\"created\": \"2026-11-27T05:24:11Z\"", "\"certainty\": \"maybe\"", GLOSS_FORMAT_ERROR_INVALID,
      "claims[0].certainty: unknown value \"maybe\"" },
    { "\"created\": \"2026-11-27T05:24:11Z\"", "\"status\": \"done\"", GLOSS_FORMAT_ERROR_INVALID, "claims[0].status: unknown value \"done\"" },
    { "\"created\": \"2026-11-27T05:24:11Z\"", "\"attrs\": [1]", GLOSS_FORMAT_ERROR_INVALID, "claims[0].attrs: expected an object" },
    { "\"mentions\": [", "\"mentions\": {\"a\": 1}, \"x\": [", GLOSS_FORMAT_ERROR_INVALID, "k.gloss: mentions: expected an array, found an object" },
    /* the file as a whole */
    { "\"format\": \"gloss\"", "\"format\": \"doccano\"", GLOSS_FORMAT_ERROR_INVALID, "k.gloss: format: this is not a Gloss file" },
    { "\"format\": \"gloss\", ", "", GLOSS_FORMAT_ERROR_INVALID, "k.gloss: not a Gloss file: it has no \"format\"" },
    { "\"version\": 1", "\"version\": 0", GLOSS_FORMAT_ERROR_INVALID, "k.gloss: version: expected a whole number, 1 or more" },
    { "\"version\": 1", "\"version\": \"1\"", GLOSS_FORMAT_ERROR_INVALID, "k.gloss: version:" },
    { "\"version\": 1,", "", GLOSS_FORMAT_ERROR_INVALID, "k.gloss: version: missing" },
    { "\"text\": \"" DOC_TEXT "\"", "\"title\": \"x\"", GLOSS_FORMAT_ERROR_INVALID, "k.gloss: document: the document has no text" },
    { "\"text\": \"" DOC_TEXT "\"", "\"text\": 5", GLOSS_FORMAT_ERROR_INVALID, "k.gloss: document.text: expected the text as a string, found a number" },
    { "\"text\": \"Kim", "\"text\": \"\\u0000Kim", GLOSS_FORMAT_ERROR_INVALID, "k.gloss: document.text: not a text file" },
    { "\"text\": \"Kim", "\"text\": \"Kym", GLOSS_FORMAT_ERROR_INVALID, "k.gloss: document.sha256: does not match the text" },
    { "\"document\": {", "\"x\": 1, \"document\": [], \"y\": {", GLOSS_FORMAT_ERROR_INVALID, "k.gloss: document: expected an object, found an array" },
    { "\"document\": {", "\"documents\": {", GLOSS_FORMAT_ERROR_INVALID, "k.gloss: document: missing" },
    { "\"format\": \"gloss\",", "\"format\": \"gloss\", \"format\": \"gloss\",", GLOSS_FORMAT_ERROR_INVALID, "k.gloss: format: the member appears twice" },
  };
  g_autofree char *base = fixture_text (good);

  /* The base is fine. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GlossStore) store = read_string (base, &error);

    g_assert_no_error (error);
    /* "quote" is in the default schema; PER too. */
    g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_CLAIM), ==, 1);
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) json = g_string_new (base);
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossStore) store = NULL;

      if (strstr (json->str, cases[i].from) == NULL)
        g_error ("case %u: “%s” not in the base", i, cases[i].from);
      g_string_replace (json, cases[i].from, cases[i].to, 1);
      store = read_string (json->str, &error);
      g_assert_null (store);
      if (error == NULL || error->domain != GLOSS_FORMAT_ERROR || error->code != cases[i].code ||
          strstr (error->message, cases[i].message) == NULL)
        g_test_fail_printf ("case %u: expected code %d with “%s”, got %d “%s”", i, cases[i].code, cases[i].message,
                 error ? error->code : -1, error ? error->message : "no error");
    }
}

static void
test_not_json (void)
{
  static const struct { const char *input; gsize len; int code; const char *message; } cases[] = {
    { "", 0, GLOSS_FORMAT_ERROR_SYNTAX, "k.gloss: malformed JSON at line 1, column 1: the input ends" },
    { "\x89PNG\r\n\x1a\n\0\0", 10, GLOSS_FORMAT_ERROR_SYNTAX, "k.gloss: malformed JSON at line 1, column 1: found byte 0x89" },
    { "[1, 2]", 6, GLOSS_FORMAT_ERROR_INVALID, "k.gloss: not a Gloss file: it holds an array, not a JSON object" },
    { "{\"format\": \"gloss\"} x", 21, GLOSS_FORMAT_ERROR_SYNTAX, "more content after" },
    { "{\"format\": \"gloss\", \"version\": 1", 32, GLOSS_FORMAT_ERROR_SYNTAX, "line 1, column 33" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (cases[i].input, cases[i].len);
      g_autoptr(GError) error = NULL;

      g_assert_null (gloss_native_read_bytes (bytes, "k.gloss", &error));
      g_assert_error (error, GLOSS_FORMAT_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” not in “%s”", i, cases[i].message, error->message);
    }
}

static void
test_newer_version (void)
{
  static const struct { const char *text; int code; const char *message; } versions[] = {
    { "123456789012345678901234567890", GLOSS_FORMAT_ERROR_VERSION,
      "k.gloss: version: written by a newer version of Gloss (file format 123456789012345678901234567890;" },
    { "1e30", GLOSS_FORMAT_ERROR_VERSION, "k.gloss: version: written by a newer version of Gloss (file format 1e30;" },
    { "1e400", GLOSS_FORMAT_ERROR_VERSION, "k.gloss: version: written by a newer version of Gloss (file format 1e400;" },
    { "1.5", GLOSS_FORMAT_ERROR_INVALID, "k.gloss: version: expected a whole number" },
    { "1.0", GLOSS_FORMAT_ERROR_INVALID, "k.gloss: document" },
  };
  g_autofree char *json = fixture_text (good);
  g_autoptr(GString) s = g_string_new (json);
  g_autoptr(GError) error = NULL;

  /* A newer file may look different in every other way. */
  g_string_replace (s, "\"version\": 1,", "\"version\": 2, \"document\": 5, \"mentions\": \"new\",", 1);
  g_assert_null (read_string (s->str, &error));
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_VERSION);
  g_assert_cmpstr (error->message, ==,
                   "k.gloss: version: written by a newer version of Gloss (file format 2; this version "
                   "reads up to 1). Update Gloss to open it.");
  g_clear_error (&error);

  /* Whole numbers in any spelling JSON allows, said as written; 1.0 is
   * version 1 (JSON Schema's integer), and this file then lacks its text. */
  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_string_printf (s, "{\"version\": %s, \"format\": \"gloss\", \"document\": {}}", versions[i].text);
      g_assert_null (read_string (s->str, &error));
      g_assert_error (error, GLOSS_FORMAT_ERROR, versions[i].code);
      g_assert_true (g_str_has_prefix (error->message, versions[i].message));
      g_clear_error (&error);
    }
}

/* ------------------------------------------------------------------------
 * Property: random stores survive write → read → write
 */

static const char * const pieces[] = {
  "Kim", "Putin", " ", " ", "\n", "\r\n", "😀", "漢字", "e\xcc\x81", "“", "”", "—", "’", "\"", "\\",
  "\t", "Vostochny", "North Korea", ".", ",", "é", "\xf0\x9f\x87\xb0\xf0\x9f\x87\xb5", "\x01",
};

static char *
random_string (GRand *rand)
{
  GString *s = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 1, 5);

  for (guint i = 0; i < n; i++)
    g_string_append (s, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
  return g_string_free (s, FALSE);
}

static GlossSpan
random_span (GRand *rand,
             guint  length)
{
  GlossSpan span;

  span.start = g_rand_int_range (rand, 0, length);
  span.end = g_rand_int_range (rand, span.start + 1, MIN (length, span.start + 30) + 1);
  return span;
}

static void
random_common (GRand           *rand,
               GlossAnnotation *a,
               guint           *serial,
               const char      *prefix)
{
  g_autofree char *id = g_strdup_printf ("%s%u", prefix, *serial += g_rand_int_range (rand, 1, 12));

  gloss_annotation_set_id (a, id);
  if (g_rand_boolean (rand))
    {
      g_autofree char *note = random_string (rand);
      gloss_annotation_set_note (a, note);
    }
  if (g_rand_int_range (rand, 0, 4) == 0)
    gloss_annotation_set_status (a, GLOSS_STATUS_SUGGESTED);
  if (g_rand_boolean (rand))
    gloss_annotation_set_author (a, g_rand_boolean (rand) ? "ana" : "Bjørn “B” \\");
  if (g_rand_boolean (rand))
    gloss_annotation_set_created (a, g_rand_int_range (rand, 1, G_MAXINT32));
  if (g_rand_boolean (rand))
    gloss_annotation_set_modified (a, (gint64)g_rand_int_range (rand, 1, G_MAXINT32) * 2);
  if (g_rand_int_range (rand, 0, 4) == 0)
    {
      g_autoptr(JsonNode) v = json_node_new (JSON_NODE_VALUE);

      if (g_rand_boolean (rand))
        json_node_set_boolean (v, g_rand_boolean (rand));
      else
        json_node_set_string (v, "hé \"x\"");
      gloss_annotation_set_attr (a, g_rand_boolean (rand) ? "confidence" : "z-attr", v);
    }
  if (g_rand_int_range (rand, 0, 5) == 0)
    {
      g_autoptr(JsonObject) extra = json_object_new ();
      JsonArray *array = json_array_new ();

      json_array_add_int_element (array, g_rand_int (rand));
      json_array_add_double_element (array, g_rand_double (rand));
      json_array_add_null_element (array);
      json_object_set_array_member (extra, "x-list", array);
      json_object_set_string_member (extra, "x-s", "\n\x02");
      gloss_annotation_set_extra (a, extra);
    }
}

static GlossStore *
random_store (GRand *rand)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GPtrArray) entities = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  static const char * const types[] = { "PER", "ORG", "GPE", "NEW-TYPE" };
  static const char * const claim_types[] = { "quote", "assertion", "rumour" };
  GlossStore *store;
  guint length, serial = 0;
  guint n;

  n = g_rand_int_range (rand, 1, 60);
  for (guint i = 0; i < n; i++)
    g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
  document = gloss_document_new_from_text (text->str, text->len, "random", &error);
  g_assert_no_error (error);
  if (g_rand_boolean (rand))
    gloss_document_set_title (document, "A “title”\n");
  store = gloss_store_new (document, NULL);
  length = gloss_document_get_length (document);

  n = g_rand_int_range (rand, 0, 6);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_rand_boolean (rand) ? random_string (rand) : NULL;
      GlossEntity *e = gloss_entity_new (types[g_rand_int_range (rand, 0, 4)], name);

      if (g_rand_boolean (rand))
        gloss_entity_set_kb (e, "wikidata:Q1");
      random_common (rand, GLOSS_ANNOTATION (e), &serial, "e");
      g_ptr_array_add (entities, e);
      add (store, g_object_ref (GLOSS_ANNOTATION (e)));
      g_object_unref (e);
    }

  n = g_rand_int_range (rand, 0, 25);
  for (guint i = 0; i < n; i++)
    {
      GlossSpan spans[3];
      guint k = g_rand_int_range (rand, 1, 4);
      GlossMention *m;

      for (guint j = 0; j < k; j++)
        spans[j] = random_span (rand, length);
      m = gloss_mention_new (types[g_rand_int_range (rand, 0, 4)], spans, k);
      if (entities->len > 0 && g_rand_boolean (rand))
        gloss_mention_set_entity (m, entities->pdata[g_rand_int_range (rand, 0, entities->len)]);
      random_common (rand, GLOSS_ANNOTATION (m), &serial, "m");
      add (store, GLOSS_ANNOTATION (m));
    }

  n = g_rand_int_range (rand, 0, 6);
  for (guint i = 0; i < n; i++)
    {
      GlossSpan spans[3];
      guint k = g_rand_int_range (rand, 1, 4);
      GlossClaim *c;

      for (guint j = 0; j < k; j++)
        spans[j] = random_span (rand, length);
      c = gloss_claim_new (claim_types[g_rand_int_range (rand, 0, 3)], spans, k);
      gloss_claim_set_certainty (c, g_rand_int_range (rand, 0, 3));
      if (entities->len > 0 && g_rand_boolean (rand))
        gloss_claim_set_claimant (c, entities->pdata[g_rand_int_range (rand, 0, entities->len)]);
      if (g_rand_boolean (rand))
        {
          spans[0] = random_span (rand, length);
          gloss_annotation_set_spans (GLOSS_ANNOTATION (c), GLOSS_ROLE_CUE, spans, 1);
        }
      for (guint j = 0; j < entities->len; j++)
        if (g_rand_boolean (rand))
          gloss_claim_add_about (c, entities->pdata[j]);
      random_common (rand, GLOSS_ANNOTATION (c), &serial, "c");
      add (store, GLOSS_ANNOTATION (c));
    }

  n = entities->len > 0 ? g_rand_int_range (rand, 0, 4) : 0;
  for (guint i = 0; i < n; i++)
    {
      GlossRelation *r = gloss_relation_new (g_rand_boolean (rand) ? "meets_with" : "odd_rel",
                                             entities->pdata[g_rand_int_range (rand, 0, entities->len)],
                                             entities->pdata[g_rand_int_range (rand, 0, entities->len)]);

      if (g_rand_boolean (rand))
        {
          GlossSpan span = random_span (rand, length);
          gloss_annotation_set_spans (GLOSS_ANNOTATION (r), GLOSS_ROLE_EVIDENCE, &span, 1);
        }
      random_common (rand, GLOSS_ANNOTATION (r), &serial, "r");
      add (store, GLOSS_ANNOTATION (r));
    }

  return store;
}

static void
test_property (void)
{
  GRand *rand = g_rand_new_with_seed (20261127);
  guint iterations = g_test_slow () ? 2000 : 250;

  for (guint i = 0; i < iterations; i++)
    {
      g_autoptr(GlossStore) store = random_store (rand);
      g_autoptr(GlossStore) copy = NULL;
      g_autofree char *written = NULL;

      copy = round_trip (store, &written);
      if (i < 3)
        validate (written);
    }
  g_rand_free (rand);
}

/* ------------------------------------------------------------------------
 * Speed: 3 MB, 100 000 mentions, 10 000 claims (run with -m perf)
 */

static void
test_big (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GlossStore) copy = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  GlossEntity *entities[100];
  guint length;

  if (!g_test_perf ())
    {
      g_test_skip ("a benchmark; run with -m perf");
      return;
    }

  while (text->len < 3 * 1000 * 1000)
    g_string_append (text, "Kim Jong Un told “Vladimir Putin” — the sacred fight. 漢字 😀\n");
  document = gloss_document_new_from_text (text->str, text->len, "big", &error);
  g_assert_no_error (error);
  store = gloss_store_new (document, NULL);
  length = gloss_document_get_length (document);

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      entities[i] = gloss_entity_new ("PER", "Kim Jong Un");
      add (store, g_object_ref (GLOSS_ANNOTATION (entities[i])));
    }
  for (guint i = 0; i < 100000; i++)
    {
      GlossSpan span = { (guint)((guint64)i * (length - 20) / 100000), 0 };
      GlossMention *m;

      span.end = span.start + 11;
      m = gloss_mention_new ("PER", &span, 1);
      gloss_mention_set_entity (m, entities[i % 100]);
      gloss_annotation_set_created (GLOSS_ANNOTATION (m), 1795757051);
      add (store, GLOSS_ANNOTATION (m));
    }
  for (guint i = 0; i < 10000; i++)
    {
      GlossSpan spans[2] = { { i * (length / 10000), i * (length / 10000) + 40 },
                             { i * (length / 10000) + 50, i * (length / 10000) + 60 } };
      GlossClaim *c = gloss_claim_new ("quote", spans, 2);

      gloss_claim_set_claimant (c, entities[i % 100]);
      add (store, GLOSS_ANNOTATION (c));
    }
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    g_object_unref (entities[i]);

  g_timer_start (timer);
  bytes = gloss_native_write_bytes (store);
  g_test_minimized_result (g_timer_elapsed (timer, NULL), "write %.3f s, %.1f MB",
                           g_timer_elapsed (timer, NULL), g_bytes_get_size (bytes) / 1e6);

  /* The JSON layer alone. */
  {
    g_autoptr(GlossJsonReader) r = gloss_json_reader_new (g_bytes_get_data (bytes, NULL),
                                                          g_bytes_get_size (bytes), "big");
    GlossJsonToken t;
    guint n = 0;

    g_timer_start (timer);
    while ((t = gloss_json_reader_next (r)) != GLOSS_JSON_END && t != GLOSS_JSON_ERROR)
      n++;
    g_assert_cmpint (t, ==, GLOSS_JSON_END);
    g_test_minimized_result (g_timer_elapsed (timer, NULL), "tokenize %.3f s (%u tokens)",
                             g_timer_elapsed (timer, NULL), n);
  }

  g_timer_start (timer);
  copy = gloss_native_read_bytes (bytes, "big", &error);
  g_assert_no_error (error);
  g_test_minimized_result (g_timer_elapsed (timer, NULL), "read %.3f s", g_timer_elapsed (timer, NULL));

  again = gloss_native_write_bytes (copy);
  g_assert_true (g_bytes_equal (bytes, again));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/native/sample-round-trip", test_sample_round_trip);
  g_test_add_func ("/native/file", test_file);
  g_test_add_func ("/native/import-export", test_import_export);
  g_test_add_func ("/native/unicode", test_unicode);
  g_test_add_func ("/native/canonical", test_canonical);
  g_test_add_func ("/native/any-member-order", test_any_member_order);
  g_test_add_func ("/native/read-hooks", test_read_hooks);
  g_test_add_func ("/native/minimal-fixture", test_minimal_fixture);
  g_test_add_func ("/native/canonical-fixture", test_canonical_fixture);
  g_test_add_func ("/native/bad-input", test_bad_input);
  g_test_add_func ("/native/not-json", test_not_json);
  g_test_add_func ("/native/newer-version", test_newer_version);
  g_test_add_func ("/native/property", test_property);
  g_test_add_func ("/native/big", test_big);

  return g_test_run ();
}
