/* test-jsonl.c: the jsonl dataset format, the format table and the writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "gloss-error.h"
#include "gloss-format.h"
#include "gloss-format-dataset.h"
#include "gloss-format-jsonl.h"

#include "hostile-json.h"

static GBytes *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "jsonl", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static GPtrArray *
import_fixture (const char       *name,
                GlossOffsetUnit   unit,
                gboolean          unit_set,
                GError          **error)
{
  g_autoptr(GBytes) bytes = load_fixture (name);
  GlossFormatOptions options = { .offsets = unit, .offsets_set = unit_set, .where = name };

  return gloss_jsonl_import (bytes, &options, error);
}

static GBytes *
export_stores (GPtrArray       *stores,
               GlossOffsetUnit  unit)
{
  GlossFormatOptions options = { .offsets = unit, .offsets_set = TRUE };
  g_autoptr(GError) error = NULL;
  GBytes *bytes = gloss_jsonl_export (stores, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static GPtrArray *
reimport (GBytes          *bytes,
          GlossOffsetUnit  unit,
          gboolean         unit_set)
{
  GlossFormatOptions options = { .offsets = unit, .offsets_set = unit_set, .where = "again.jsonl" };
  g_autoptr(GError) error = NULL;
  GPtrArray *stores = gloss_jsonl_import (bytes, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stores);
  return stores;
}

static char *
span_text (GlossStore      *store,
           GlossAnnotation *annotation,
           GlossSpanRole    role,
           guint            i)
{
  guint n;
  const GlossSpan *spans = gloss_annotation_get_spans (annotation, role, &n);

  g_assert_cmpuint (i, <, n);
  return gloss_document_dup_slice (gloss_store_get_document (store), spans[i].start, spans[i].end);
}

static void
check_sample (GPtrArray *stores)
{
  GlossStore *store;
  GlossAnnotation *claim, *mention, *e1;
  GlossRelation *relation;
  g_autofree char *q1 = NULL;
  g_autofree char *q2 = NULL;
  g_autofree char *cue = NULL;
  g_autofree char *f1 = NULL;
  g_autofree char *f2 = NULL;
  guint n;

  g_assert_cmpuint (stores->len, ==, 2);
  store = g_ptr_array_index (stores, 0);

  g_assert_cmpstr (gloss_document_get_id (gloss_store_get_document (store)), ==, "vostochny");
  g_assert_cmpstr (gloss_document_get_title (gloss_store_get_document (store)), ==, "Kim meets Putin");
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_MENTION), ==, 5);
  /* e1, e2, and one made for the mention that relation r2 starts at */
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_ENTITY), ==, 3);
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_CLAIM), ==, 1);
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_RELATION), ==, 2);

  e1 = gloss_store_lookup (store, "e1");
  g_assert_true (GLOSS_IS_ENTITY (e1));
  g_assert_cmpstr (gloss_entity_get_kb (GLOSS_ENTITY (e1)), ==, "wikidata:Q56226");
  mention = gloss_store_lookup (store, "m2");
  g_assert_true (gloss_mention_get_entity (GLOSS_MENTION (mention)) == GLOSS_ENTITY (e1));

  mention = gloss_store_lookup (store, "m5");
  gloss_annotation_get_spans (mention, GLOSS_ROLE_CONTENT, &n);
  g_assert_cmpuint (n, ==, 2);
  f1 = span_text (store, mention, GLOSS_ROLE_CONTENT, 0);
  f2 = span_text (store, mention, GLOSS_ROLE_CONTENT, 1);
  g_assert_cmpstr (f1, ==, "Vostochny");
  g_assert_cmpstr (f2, ==, "🚀");

  claim = gloss_store_lookup (store, "c1");
  g_assert_true (GLOSS_IS_CLAIM (claim));
  gloss_annotation_get_spans (claim, GLOSS_ROLE_CONTENT, &n);
  g_assert_cmpuint (n, ==, 2);
  q1 = span_text (store, claim, GLOSS_ROLE_CONTENT, 0);
  q2 = span_text (store, claim, GLOSS_ROLE_CONTENT, 1);
  cue = span_text (store, claim, GLOSS_ROLE_CUE, 0);
  g_assert_cmpstr (q1, ==, "Putin will win");
  g_assert_cmpstr (q2, ==, "and Russia will prevail");
  g_assert_cmpstr (cue, ==, "said");
  g_assert_true (gloss_claim_get_claimant (GLOSS_CLAIM (claim)) == GLOSS_ENTITY (e1));
  g_assert_cmpint (gloss_claim_get_certainty (GLOSS_CLAIM (claim)), ==, GLOSS_CERTAINTY_HEDGED);
  g_assert_cmpuint (gloss_claim_get_n_about (GLOSS_CLAIM (claim)), ==, 1);
  g_assert_cmpstr (gloss_annotation_get_id (GLOSS_ANNOTATION (gloss_claim_get_about (GLOSS_CLAIM (claim), 0))), ==, "e2");
  g_assert_cmpstr (gloss_annotation_get_note (claim), ==, "interrupted quote");

  relation = GLOSS_RELATION (gloss_store_lookup (store, "r2"));
  mention = gloss_store_lookup (store, "m4");
  g_assert_nonnull (gloss_mention_get_entity (GLOSS_MENTION (mention)));
  g_assert_true (gloss_relation_get_from (relation) == gloss_mention_get_entity (GLOSS_MENTION (mention)));

  g_assert_nonnull (gloss_schema_lookup (gloss_store_get_schema (store), GLOSS_LABEL_RELATION, "mentions"));

  store = g_ptr_array_index (stores, 1);
  g_assert_cmpstr (gloss_document_get_id (gloss_store_get_document (store)), ==, "second");
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_MENTION), ==, 0);
}

static void
test_import (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stores = import_fixture ("sample.jsonl", 0, FALSE, &error);

  g_assert_no_error (error);
  check_sample (stores);
}

/* import(export(x)) keeps everything, in every offset unit. */
static void
test_round_trip (void)
{
  static const GlossOffsetUnit units[] = {
    GLOSS_OFFSET_CODEPOINTS, GLOSS_OFFSET_UTF16, GLOSS_OFFSET_BYTES,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stores = import_fixture ("sample.jsonl", 0, FALSE, &error);
  g_autoptr(GBytes) reference = NULL;

  g_assert_no_error (error);
  reference = export_stores (stores, GLOSS_OFFSET_CODEPOINTS);

  for (gsize u = 0; u < G_N_ELEMENTS (units); u++)
    {
      g_autoptr(GBytes) bytes = export_stores (stores, units[u]);
      /* Once with the unit given, once read from the records' "offsets". */
      g_autoptr(GPtrArray) told = reimport (bytes, units[u], TRUE);
      g_autoptr(GPtrArray) read = reimport (bytes, 0, FALSE);
      g_autoptr(GBytes) again = export_stores (read, GLOSS_OFFSET_CODEPOINTS);

      check_sample (told);
      check_sample (read);
      for (guint i = 0; i < stores->len; i++)
        g_assert_true (gloss_store_equal (g_ptr_array_index (told, i), g_ptr_array_index (read, i)));
      g_assert_true (g_bytes_equal (again, reference));
    }
}

static void
test_offsets_differ (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stores = import_fixture ("sample.jsonl", 0, FALSE, &error);
  g_autoptr(GBytes) cp = export_stores (stores, GLOSS_OFFSET_CODEPOINTS);
  g_autoptr(GBytes) utf16 = export_stores (stores, GLOSS_OFFSET_UTF16);
  g_autoptr(GBytes) bytes = export_stores (stores, GLOSS_OFFSET_BYTES);

  /* The sample has an emoji and curly quotes: the three must differ. */
  g_assert_false (g_bytes_equal (cp, utf16));
  g_assert_false (g_bytes_equal (cp, bytes));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (utf16, NULL), g_bytes_get_size (utf16), "\"offsets\":\"utf16\""));
}

static void
check_error (const char *fixture,
             int         code,
             const char *part1,
             const char *part2)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stores = import_fixture (fixture, 0, FALSE, &error);

  g_assert_null (stores);
  g_assert_error (error, GLOSS_FORMAT_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, part1));
  if (part2 != NULL)
    g_assert_nonnull (strstr (error->message, part2));
}

static void
test_errors (void)
{
  check_error ("wrong-text.jsonl", GLOSS_FORMAT_ERROR_SPAN, "wrong-text.jsonl:1: entities[0]", "Kim Jong Il");
  check_error ("utf16-declared-codepoints.jsonl", GLOSS_FORMAT_ERROR_SPAN, "entities[0]", "--offsets utf16");
  check_error ("dangling.jsonl", GLOSS_FORMAT_ERROR_INVALID, "relations[0].to", "nope");
}

static void
check_bytes_error (const char *input,
                   int         code,
                   const char *part)
{
  g_autoptr(GBytes) bytes = g_bytes_new (input, strlen (input));
  GlossFormatOptions options = { .where = "x.jsonl" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stores = gloss_jsonl_import (bytes, &options, &error);

  g_assert_null (stores);
  g_assert_error (error, GLOSS_FORMAT_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, part));
}

static void
test_malformed (void)
{
  g_autoptr(GBytes) empty = g_bytes_new ("\n\n", 2);
  GlossFormatOptions options = { .where = "x.jsonl" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) none = gloss_jsonl_import (empty, &options, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  check_bytes_error ("{\"text\": \"a\"}\n{\"text\": \n", GLOSS_FORMAT_ERROR_SYNTAX, "x.jsonl:2");
  check_bytes_error ("{\"id\": \"a\"}\n", GLOSS_FORMAT_ERROR_INVALID, "x.jsonl:1: the record has no");
  check_bytes_error ("[1, 2]\n", GLOSS_FORMAT_ERROR_INVALID, "must be a JSON object");
  /* An empty label is an error, not a CRITICAL from the schema. */
  check_bytes_error ("{\"text\": \"Kim\", \"mentions\": [{\"start\": 0, \"end\": 3, \"label\": \"\"}]}\n",
                     GLOSS_FORMAT_ERROR_INVALID, "mentions[0]: “label” must be a non-empty string");
  check_bytes_error ("{\"text\": \"Kim\", \"entities\": [{\"label\": \"\", \"mentions\": []}]}\n",
                     GLOSS_FORMAT_ERROR_INVALID, "“label” must be a non-empty string");
  check_bytes_error ("{\"text\": \"\xff\"}\n", GLOSS_FORMAT_ERROR_SYNTAX, "UTF-8");
  check_bytes_error ("{\"text\": \"abc\", \"entities\": [{\"start\": 2, \"end\": 1, \"label\": \"PER\"}]}",
                     GLOSS_FORMAT_ERROR_SPAN, "entities[0]");
  check_bytes_error ("{\"text\": \"abc\", \"entities\": [{\"start\": 0, \"end\": 9, \"label\": \"PER\"}]}",
                     GLOSS_FORMAT_ERROR_SPAN, "beyond the end");
  check_bytes_error ("{\"text\": \"abc\", \"entities\": [{\"start\": 0, \"end\": 1}]}",
                     GLOSS_FORMAT_ERROR_INVALID, "label");
  check_bytes_error ("{\"text\": \"abc\", \"entities\": [{\"id\": \"m\", \"start\": 0, \"end\": 1, \"label\": \"A\"},"
                     "{\"id\": \"m\", \"start\": 1, \"end\": 2, \"label\": \"A\"}]}",
                     GLOSS_FORMAT_ERROR_INVALID, "used twice");
  check_bytes_error ("{\"text\": \"abc\", \"offsets\": \"furlongs\"}", GLOSS_FORMAT_ERROR_INVALID, "furlongs");
  check_bytes_error ("{\"text\": \"a😀\", \"offsets\": \"utf16\", \"entities\": [{\"start\": 0, \"end\": 2, \"label\": \"A\"}]}",
                     GLOSS_FORMAT_ERROR_SPAN, "surrogate");
  /* "mentions" is read apart from the rest of its line: what follows the
   * record, and a mention's bad bytes, are still found. */
  check_bytes_error ("{\"text\": \"abc\", \"mentions\": []} x\n", GLOSS_FORMAT_ERROR_SYNTAX,
                     "x.jsonl:1: malformed JSON at line 1, column 33: more content");
  check_bytes_error ("{\"text\": \"abc\", \"mentions\": []} \xff\n", GLOSS_FORMAT_ERROR_SYNTAX,
                     "x.jsonl:1: not valid UTF-8 at byte 32");
  check_bytes_error ("{\"text\": \"abc\", \"mentions\": [{\"label\": \"\xc3\"}]}\n", GLOSS_FORMAT_ERROR_SYNTAX,
                     "x.jsonl:1: not valid UTF-8 at byte 40");
  check_bytes_error ("{\"text\": \"abc\", \"mentions\": [{\"label\": \"A\", \"start\": 0, \"end\": 1}], \"spans\": 1, "
                     "\"mentions\": []}\n", GLOSS_FORMAT_ERROR_INVALID, "appears twice");
}


/* Version 2, written by hand from docs/formats.md: the same documents as
 * the version 1 sample; exporting it writes version 2 with every member
 * present, and reading that back gives the same stores. */
static void
test_version_2 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) v2 = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(GStrv) lines = NULL;
  JsonObject *record, *mention;

  v2 = import_fixture ("sample-v2.jsonl", 0, FALSE, &error);
  g_assert_no_error (error);
  check_sample (v2);

  written = export_stores (v2, GLOSS_OFFSET_CODEPOINTS);
  again = reimport (written, 0, FALSE);
  for (guint i = 0; i < v2->len; i++)
    g_assert_true (gloss_store_equal (g_ptr_array_index (v2, i), g_ptr_array_index (again, i)));

  lines = g_strsplit (g_bytes_get_data (written, NULL), "\n", -1);
  json_parser_load_from_data (parser, lines[1], -1, &error);
  g_assert_no_error (error);
  record = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (record, "version"), ==, GLOSS_JSONL_VERSION);
  /* members present even when empty */
  g_assert_true (json_object_get_null_member (record, "title"));
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (record, "meta")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (record, "mentions")), ==, 0);

  json_parser_load_from_data (parser, lines[0], -1, &error);
  g_assert_no_error (error);
  record = json_node_get_object (json_parser_get_root (parser));
  /* the discontinuous mention: its fragments, no outer span over the gap */
  mention = json_array_get_object_element (json_object_get_array_member (record, "mentions"), 0);
  g_assert_cmpstr (json_object_get_string_member (mention, "id"), ==, "m5");
  g_assert_false (json_object_has_member (mention, "start"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (mention, "spans")), ==, 2);
  g_assert_true (json_object_get_null_member (mention, "entity"));
  g_assert_true (json_object_get_null_member (mention, "note"));
  g_assert_false (json_object_has_member (record, "clusters"));
}

/* Another format's records imported as jsonl or doccano: an error that
 * names the right --format, never 0 mentions and success. */
static void
test_other_shapes (void)
{
  static const struct { const char *record; const char *importer; const char *format; } cases[] = {
    { "{\"text\": \"Kim met Putin\", \"spans\": [{\"start\": 0, \"end\": 3, \"label\": \"PER\"}]}", "jsonl", "--format prodigy" },
    { "{\"text\": \"Kim\", \"tokens\": [{\"text\": \"Kim\", \"start\": 0, \"end\": 3, \"id\": 0}]}", "jsonl", "--format prodigy" },
    { "{\"data\": {\"text\": \"Kim\"}, \"annotations\": [{\"result\": []}]}", "jsonl", "--format labelstudio" },
    { "{\"text\": \"Kim\", \"label\": [[0, 3, \"PER\"]]}", "jsonl", "--format doccano" },
    { "{\"text\": \"Kim\", \"entities\": [{\"id\": 1, \"start_offset\": 0, \"end_offset\": 3, \"label\": \"PER\"}]}", "jsonl", "--format doccano" },
    { "{\"text\": \"Kim met Putin\", \"spans\": [{\"start\": 0, \"end\": 3, \"label\": \"PER\"}]}", "doccano", "--format prodigy" },
    { "{\"data\": {\"text\": \"Kim\"}, \"predictions\": []}", "doccano", "--format labelstudio" },
    { "{\"version\": 2, \"offsets\": \"codepoints\", \"text\": \"Kim\", \"mentions\": []}", "doccano", "--format jsonl" },
    { "{\"text\": \"Kim\", \"entities\": [{\"id\": \"m1\", \"start\": 0, \"end\": 3, \"label\": \"PER\"}]}", "doccano", "--format jsonl" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (cases[i].record, strlen (cases[i].record));
      GlossFormatOptions options = { .where = "x.jsonl" };
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) stores = gloss_format_lookup (cases[i].importer)->import (bytes, &options, &error);

      g_assert_null (stores);
      g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNSUPPORTED);
      g_test_message ("%s: %s", cases[i].importer, error->message);
      g_assert_nonnull (strstr (error->message, cases[i].format));
      g_assert_nonnull (strstr (error->message, "x.jsonl:1: "));
    }

  check_bytes_error ("{\"version\": 3, \"text\": \"a\"}", GLOSS_FORMAT_ERROR_VERSION, "newer");
  check_bytes_error ("{\"version\": \"2\", \"text\": \"a\"}", GLOSS_FORMAT_ERROR_INVALID, "version");
}


/* With an import log: every problem of every record, the records with
 * problems left out, and a span whose text is found once near its offsets
 * re-anchored and noted; never silently shifted. */
static void
test_import_log (void)
{
  static const char input[] =
    "{\"id\": \"a\", \"text\": \"Kim met Putin. Kim left.\", \"mentions\": ["
    "{\"label\": \"PER\", \"spans\": [{\"start\": 1, \"end\": 6, \"text\": \"Putin\"}]},"
    "{\"label\": \"PER\", \"spans\": [{\"start\": 0, \"end\": 3, \"text\": \"Kim\"}]}]}\n"
    "{\"id\": \"b\", \"text\": \"Kim met Kim.\", \"mentions\": ["
    "{\"label\": \"PER\", \"spans\": [{\"start\": 1, \"end\": 4, \"text\": \"Kim\"}]},"
    "{\"label\": \"PER\", \"spans\": [{\"start\": 40, \"end\": 44, \"text\": \"Kim\"}]}]}\n"
    "{\"id\": \"c\", \"text\": \"fine\", \"mentions\": [{\"label\": \"X\", \"spans\": [{\"start\": 0, \"end\": 4, \"text\": \"fine\"}]}]}\n"
    "{\"id\": \"d\", \"text\": \n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (input, sizeof input - 1);
  g_autoptr(GlossImportLog) log = gloss_import_log_new ();
  GlossFormatOptions options = { .where = "log.jsonl", .log = log };
  GlossFormatOptions strict = { .where = "log.jsonl" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stores = gloss_jsonl_import (bytes, &options, &error);
  g_autoptr(GPtrArray) none = NULL;
  GlossStore *a;
  GlossAnnotation *putin;
  const GlossSpan *spans;
  guint n;

  g_assert_no_error (error);
  /* a (re-anchored) and c; b has two problems, d is not JSON */
  g_assert_cmpuint (stores->len, ==, 2);
  a = g_ptr_array_index (stores, 0);
  g_assert_cmpstr (gloss_document_get_id (gloss_store_get_document (a)), ==, "a");
  putin = g_list_model_get_item (gloss_store_get_list (a, GLOSS_KIND_MENTION), 1);
  spans = gloss_annotation_get_spans (putin, GLOSS_ROLE_CONTENT, &n);
  g_assert_cmpuint (spans[0].start, ==, 8);
  g_assert_cmpuint (spans[0].end, ==, 13);
  g_object_unref (putin);

  g_assert_cmpuint (log->notes->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (log->notes, 0), "log.jsonl:1: mentions[0].spans[0]: re-anchored “Putin”"));
  /* b: "Kim" is twice near 1–4, so it is not moved; 40–44 is outside */
  g_assert_cmpuint (log->problems->len, ==, 3);
  g_assert_nonnull (strstr (g_ptr_array_index (log->problems, 0), "log.jsonl:2: mentions[0].spans[0]"));
  g_assert_nonnull (strstr (g_ptr_array_index (log->problems, 1), "log.jsonl:2: mentions[1].spans[0]"));
  g_assert_nonnull (strstr (g_ptr_array_index (log->problems, 2), "log.jsonl:4"));
  g_assert_cmpuint (log->skipped->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (log->skipped, 0), ==, "log.jsonl:2");

  /* Without a log the first problem fails, as before: no re-anchoring. */
  none = gloss_jsonl_import (bytes, &strict, &error);
  g_assert_null (none);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SPAN);
  g_assert_nonnull (strstr (error->message, "log.jsonl:1: mentions[0].spans[0]"));
}

static void
test_hostile (void)
{
  hostile_json_check_all (check_bytes_error);
}

static void
test_format_table (void)
{
  static const char * const order[] = {
    "native", "jsonl", "doccano", "prodigy", "conll", "brat", "w3c", "labelstudio", "csv", "webanno", "xmi",
  };
  const GlossFormat **list = gloss_format_list ();
  guint n = 0;

  while (list[n] != NULL)
    n++;
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (list[i]->name, ==, order[i]);
      g_assert_true (gloss_format_lookup (order[i]) == list[i]);
    }

  g_assert_nonnull (gloss_format_lookup ("jsonl")->import);
  g_assert_nonnull (gloss_format_lookup ("doccano")->export);
  g_assert_nonnull (gloss_format_lookup ("prodigy")->import);
  g_assert_null (gloss_format_lookup ("nonsense"));
}

static void
test_write_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gloss-format-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.jsonl", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "dir.jsonl", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = g_file_new_for_path (missing);
  g_autoptr(GBytes) one = g_bytes_new_static ("one\n", 4);
  g_autoptr(GBytes) two = g_bytes_new_static ("two\n", 4);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (gloss_format_write_file (file, one, FALSE, &error));
  g_assert_no_error (error);

  g_assert_false (gloss_format_write_file (file, two, FALSE, &error));
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_EXISTS);
  /* The core says what is wrong; only gloss-cli knows of --force. */
  g_assert_nonnull (strstr (error->message, "the file exists"));
  g_assert_null (strstr (error->message, "--force"));
  g_clear_error (&error);
  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "one\n");
  g_clear_pointer (&contents, g_free);

  g_assert_true (gloss_format_write_file (file, two, TRUE, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "two\n");

  g_assert_false (gloss_format_write_file (bad, two, FALSE, &error));
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO);

  g_unlink (path);
  g_rmdir (dir);
}

/* The split's part sizes: largest remainder, each part within one
 * document of its share and all of them adding up to the documents
 * (70/15/15 of 5 gave 3/2/0, an empty test part, when a part's remainder
 * was measured again after it got its extra document). */
static void
split_sizes (guint       n,
             const guint percent[GLOSS_SPLIT_N_PARTS],
             guint       sizes[GLOSS_SPLIT_N_PARTS])
{
  g_autoptr(GPtrArray) stores = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossSchema) schema = gloss_schema_new_default ();
  GPtrArray **parts;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = g_strdup_printf ("Document %u.\n", i);
      g_autofree char *id = g_strdup_printf ("doc-%03u", i);
      g_autoptr(GlossDocument) document = gloss_document_new_from_text (text, -1, id, &error);

      g_assert_no_error (error);
      gloss_document_set_id (document, id);
      g_ptr_array_add (stores, gloss_store_new (document, schema));
    }
  parts = gloss_format_split (stores, percent, 7);
  for (guint p = 0; p < GLOSS_SPLIT_N_PARTS; p++)
    sizes[p] = parts[p]->len;
  gloss_format_split_free (parts);
}

static void
test_split_sizes (void)
{
  static const struct { guint n, percent[GLOSS_SPLIT_N_PARTS], sizes[GLOSS_SPLIT_N_PARTS]; } cases[] = {
    { 5, { 70, 15, 15 }, { 3, 1, 1 } },
    { 4, { 60, 20, 20 }, { 2, 1, 1 } },
    { 10, { 80, 10, 10 }, { 8, 1, 1 } },
    { 3, { 80, 10, 10 }, { 3, 0, 0 } },
    { 7, { 34, 33, 33 }, { 3, 2, 2 } },
    { 1, { 0, 0, 100 }, { 0, 0, 1 } },
    { 2, { 50, 0, 50 }, { 1, 0, 1 } },
    { 0, { 80, 10, 10 }, { 0, 0, 0 } },
  };
  static const guint shares[][GLOSS_SPLIT_N_PARTS] = {
    { 80, 10, 10 }, { 70, 15, 15 }, { 60, 20, 20 }, { 34, 33, 33 }, { 90, 5, 5 }, { 98, 1, 1 }, { 50, 50, 0 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      guint sizes[GLOSS_SPLIT_N_PARTS];

      split_sizes (cases[c].n, cases[c].percent, sizes);
      for (guint p = 0; p < GLOSS_SPLIT_N_PARTS; p++)
        g_assert_cmpuint (sizes[p], ==, cases[c].sizes[p]);
    }
  for (guint s = 0; s < G_N_ELEMENTS (shares); s++)
    for (guint n = 0; n <= 40; n++)
      {
        guint sizes[GLOSS_SPLIT_N_PARTS], total = 0;

        split_sizes (n, shares[s], sizes);
        for (guint p = 0; p < GLOSS_SPLIT_N_PARTS; p++)
          {
            g_assert_cmpuint (sizes[p] * 100, <, n * shares[s][p] + 100);
            g_assert_cmpuint (sizes[p] * 100 + 100, >, n * shares[s][p]);
            total += sizes[p];
          }
        g_assert_cmpuint (total, ==, n);
      }
}

/* A split export over an earlier one, not asked to overwrite: refused,
 * and the message counts every file in the way (the window asks to
 * replace them all), not only the first. */
static void
test_split_exists (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gloss-split-XXXXXX", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stores = import_fixture ("sample.jsonl", 0, FALSE, &error);
  const guint percent[GLOSS_SPLIT_N_PARTS] = { 50, 0, 50 };
  const GlossFormat *format = gloss_format_lookup ("jsonl");
  GlossFormatOptions options = { 0 };
  GPtrArray **parts;

  g_assert_no_error (error);
  parts = gloss_format_split (stores, percent, 1);
  g_assert_true (gloss_format_write_split (format, parts, &options, folder, FALSE, &error));
  g_assert_no_error (error);

  g_assert_false (gloss_format_write_split (format, parts, &options, folder, FALSE, &error));
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_EXISTS);
  g_assert_true (g_str_has_suffix (error->message, "train.jsonl: the file exists, and 2 other files exist"));
  g_clear_error (&error);

  g_assert_true (gloss_format_write_split (format, parts, &options, folder, TRUE, &error));
  g_assert_no_error (error);
  gloss_format_split_free (parts);
  for (guint i = 0; i < GLOSS_SPLIT_N_PARTS; i++)
    {
      g_autofree char *name = g_strconcat (gloss_split_part_names[i], ".jsonl", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}


/* A mention's "entity" may name another mention listed earlier, whose own
 * "entity" names a cluster: the link must not depend on the list's order
 * (it was dropped silently), and a contradiction is an error. */
static void
test_mention_links (void)
{
  static const char chain[] =
    "{\"text\": \"Kim and Kim and Kim\", "
    "\"clusters\": [{\"id\": \"e1\", \"label\": \"PER\", \"name\": \"Kim Jong Un\"}], "
    "\"entities\": [{\"id\": \"m3\", \"start\": 16, \"end\": 19, \"label\": \"PER\", \"entity\": \"m1\"}, "
    "{\"id\": \"m1\", \"start\": 0, \"end\": 3, \"label\": \"PER\", \"entity\": \"m2\"}, "
    "{\"id\": \"m2\", \"start\": 8, \"end\": 11, \"label\": \"PER\", \"entity\": \"e1\"}]}\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (chain, strlen (chain));
  GlossFormatOptions options = { .where = "chain.jsonl" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stores = gloss_jsonl_import (bytes, &options, &error);
  GlossStore *store;
  GlossAnnotation *e1;

  g_assert_no_error (error);
  store = g_ptr_array_index (stores, 0);
  e1 = gloss_store_lookup (store, "e1");
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_ENTITY), ==, 1);
  g_assert_cmpuint (gloss_entity_get_n_mentions (GLOSS_ENTITY (e1)), ==, 3);
  for (guint i = 1; i <= 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("m%u", i);

      g_assert_true (gloss_mention_get_entity (GLOSS_MENTION (gloss_store_lookup (store, id))) ==
                     GLOSS_ENTITY (e1));
    }

  /* m1 is in e2 by the cluster's list, but names e1 */
  check_bytes_error ("{\"text\": \"Kim\", "
                     "\"clusters\": [{\"id\": \"e1\", \"label\": \"PER\"}, "
                     "{\"id\": \"e2\", \"label\": \"PER\", \"mentions\": [\"m1\"]}], "
                     "\"entities\": [{\"id\": \"m1\", \"start\": 0, \"end\": 3, \"label\": \"PER\", \"entity\": \"e1\"}]}",
                     GLOSS_FORMAT_ERROR_INVALID, "x.jsonl:1: clusters[1].mentions[0]");
  /* a cycle of mentions makes one cluster */
  {
    static const char cycle[] =
      "{\"text\": \"Kim Kim\", \"entities\": ["
      "{\"id\": \"m1\", \"start\": 0, \"end\": 3, \"label\": \"PER\", \"entity\": \"m2\"}, "
      "{\"id\": \"m2\", \"start\": 4, \"end\": 7, \"label\": \"PER\", \"entity\": \"m1\"}]}\n";
    g_autoptr(GBytes) b = g_bytes_new_static (cycle, strlen (cycle));
    g_autoptr(GPtrArray) s = gloss_jsonl_import (b, &options, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (gloss_store_get_n_items (g_ptr_array_index (s, 0), GLOSS_KIND_ENTITY), ==, 1);
  }
}

typedef struct
{
  guint n_calls;
  gsize done;
  gsize total;
} Progress;

static void
on_progress (gsize    done,
             gsize    total,
             gpointer data)
{
  Progress *p = data;

  g_assert_cmpuint (done, <=, total);
  if (p->n_calls > 0)
    {
      g_assert_cmpuint (done, >=, p->done);   /* monotonic */
      g_assert_cmpuint (total, ==, p->total);
    }
  p->n_calls++;
  p->done = done;
  p->total = total;
}

/* Import reports bytes per line, export documents, both ending at the
 * total; doccano's pretty-printed file is read as one step. */
static void
check_progress (const char *format,
                const char *fixture,
                guint       n_documents)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", format, fixture, NULL);
  const GlossFormat *f = gloss_format_lookup (format);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) stores = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GError) error = NULL;
  Progress p = { 0 };
  GlossFormatOptions options = { .where = fixture, .progress = on_progress, .progress_data = &p };
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (contents, length);

  stores = f->import (bytes, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stores->len, ==, n_documents);
  g_assert_cmpuint (p.n_calls, >=, 1);
  g_assert_cmpuint (p.total, ==, length);
  g_assert_cmpuint (p.done, ==, p.total);

  p = (Progress) { 0 };
  out = f->export (stores, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (p.n_calls, ==, n_documents);
  g_assert_cmpuint (p.total, ==, n_documents);
  g_assert_cmpuint (p.done, ==, p.total);
}

static void
test_progress (void)
{
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GError) error = NULL;
  Progress p = { 0 };
  GlossFormatOptions options = { .where = "empty.jsonl", .progress = on_progress, .progress_data = &p };

  check_progress ("jsonl", "sample.jsonl", 2);
  check_progress ("doccano", "export-sequence_labeling.jsonl", 3);
  check_progress ("doccano", "export-relation_extraction.pretty.json", 1);

  /* nothing to read still ends */
  none = gloss_jsonl_import (empty, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (p.n_calls, ==, 1);
  g_assert_cmpuint (p.done, ==, 0);
  g_assert_cmpuint (p.total, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/formats/jsonl/import", test_import);
  g_test_add_func ("/formats/jsonl/round-trip", test_round_trip);
  g_test_add_func ("/formats/jsonl/offsets-differ", test_offsets_differ);
  g_test_add_func ("/formats/jsonl/errors", test_errors);
  g_test_add_func ("/formats/jsonl/malformed", test_malformed);
  g_test_add_func ("/formats/jsonl/hostile", test_hostile);
  g_test_add_func ("/formats/jsonl/mention-links", test_mention_links);
  g_test_add_func ("/formats/jsonl/version-2", test_version_2);
  g_test_add_func ("/formats/jsonl/other-shapes", test_other_shapes);
  g_test_add_func ("/formats/jsonl/import-log", test_import_log);
  g_test_add_func ("/formats/progress", test_progress);
  g_test_add_func ("/formats/table", test_format_table);
  g_test_add_func ("/formats/write-file", test_write_file);
  g_test_add_func ("/formats/split-exists", test_split_exists);
  g_test_add_func ("/formats/split-sizes", test_split_sizes);

  return g_test_run ();
}
