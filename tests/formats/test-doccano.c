/* test-doccano.c: doccano JSONL import and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-error.h"
#include "gloss-format-doccano.h"

#include "hostile-json.h"

static GBytes *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "doccano", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static GPtrArray *
import_bytes (GBytes           *bytes,
              const char       *where,
              GlossOffsetUnit   unit,
              gboolean          unit_set,
              GError          **error)
{
  GlossFormatOptions options = { .offsets = unit, .offsets_set = unit_set, .where = where };

  return gloss_doccano_import (bytes, &options, error);
}

static GPtrArray *
import_fixture (const char       *name,
                GlossOffsetUnit   unit,
                gboolean          unit_set,
                GError          **error)
{
  g_autoptr(GBytes) bytes = load_fixture (name);

  return import_bytes (bytes, name, unit, unit_set, error);
}

static GPtrArray *
import_ok (const char *name)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *stores = import_fixture (name, 0, FALSE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stores);
  return stores;
}

/* "TEXT/TYPE" of every mention, in text order, joined with newlines. */
static char *
mention_texts (GlossStore *store)
{
  GListModel *list = gloss_store_get_list (store, GLOSS_KIND_MENTION);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossAnnotation) mention = g_list_model_get_item (list, i);
      const GlossSpan *spans;
      guint n;
      g_autofree char *text = NULL;

      spans = gloss_annotation_get_spans (mention, GLOSS_ROLE_CONTENT, &n);
      g_assert_cmpuint (n, ==, 1);
      text = gloss_document_dup_slice (gloss_store_get_document (store), spans[0].start, spans[0].end);
      g_string_append_printf (out, "%s/%s\n", text, gloss_annotation_get_type_id (mention));
    }

  return g_string_free (out, FALSE);
}

static void
test_label_shape (void)
{
  g_autoptr(GPtrArray) stores = import_ok ("export-sequence_labeling.jsonl");
  g_autofree char *first = NULL;
  g_autofree char *third = NULL;
  GlossLabel *misc;

  g_assert_cmpuint (stores->len, ==, 3);
  first = mention_texts (g_ptr_array_index (stores, 0));
  third = mention_texts (g_ptr_array_index (stores, 2));
  g_assert_cmpstr (first, ==, "EU/ORG\nGerman/MISC\n");
  g_assert_cmpstr (third, ==, "Obama/PERSON\n");

  misc = gloss_schema_lookup (gloss_store_get_schema (g_ptr_array_index (stores, 0)), GLOSS_LABEL_ENTITY, "MISC");
  g_assert_nonnull (misc);
  g_assert_true (gloss_label_get_unknown (misc));
  g_assert_cmpstr (gloss_document_get_id (gloss_store_get_document (g_ptr_array_index (stores, 1))),
                   ==, "export-sequence_labeling-2");
}

static void
check_google (GPtrArray *stores)
{
  GlossStore *store;
  GListModel *relations;
  g_autofree char *texts = NULL;
  guint n_founded_by = 0;

  g_assert_cmpuint (stores->len, ==, 1);
  store = g_ptr_array_index (stores, 0);
  texts = mention_texts (store);
  g_assert_cmpstr (texts, ==,
                   "Google/ORG\nSeptember 4, 1998/DATE\nLarry Page/PERSON\nSergey Brin/PERSON\n");
  /* Every related mention got an entity; Google's is shared. */
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_ENTITY), ==, 4);
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_RELATION), ==, 3);

  relations = gloss_store_get_list (store, GLOSS_KIND_RELATION);
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(GlossRelation) relation = g_list_model_get_item (relations, i);
      GlossEntity *from = gloss_relation_get_from (relation);

      g_assert_cmpstr (gloss_entity_get_name (from), ==, "Google");
      n_founded_by += g_str_equal (gloss_annotation_get_type_id (GLOSS_ANNOTATION (relation)), "foundedBy");
    }
  g_assert_cmpuint (n_founded_by, ==, 2);
}

static void
test_relations (void)
{
  g_autoptr(GPtrArray) stores = import_ok ("import-relation_extraction.jsonl");

  check_google (stores);
}

/* doccano's own "jsonl" export example is one pretty-printed object. */
static void
test_pretty (void)
{
  g_autoptr(GPtrArray) stores = import_ok ("export-relation_extraction.pretty.json");

  check_google (stores);
}

static void
test_overlapping (void)
{
  g_autoptr(GPtrArray) stores = import_ok ("tests-sequence_labeling-overlapping.jsonl");
  g_autofree char *texts = mention_texts (g_ptr_array_index (stores, 0));

  g_assert_cmpstr (texts, ==, "e/LOC\ne/LOC\n");
}

static char *
expected_texts (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("emoji-expected.txt");
  g_auto(GStrv) lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  static const char * const types[] = { "EMOJI", "PER", "PER", "GPE", "PER", "PER", "PER", "PER" };
  GString *out = g_string_new (NULL);

  /* The file is in document order, which is text order here. */
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    g_string_append_printf (out, "%s/%s\n", lines[i], types[i]);

  return g_string_free (out, FALSE);
}

static void
check_emoji (GPtrArray *stores)
{
  g_autofree char *expected = expected_texts ();

  g_assert_cmpuint (stores->len, ==, 2);
  for (guint i = 0; i < stores->len; i++)
    {
      g_autofree char *texts = mention_texts (g_ptr_array_index (stores, i));

      g_assert_cmpstr (texts, ==, expected);
    }
  g_assert_cmpuint (gloss_store_get_n_items (g_ptr_array_index (stores, 0), GLOSS_KIND_RELATION), ==, 2);
}

static void
test_emoji_utf16 (void)
{
  g_autoptr(GPtrArray) stores = import_ok ("emoji-utf16.jsonl");

  check_emoji (stores);
}

static void
test_emoji_codepoints (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stores = import_fixture ("emoji-codepoints.jsonl", GLOSS_OFFSET_CODEPOINTS, TRUE, &error);

  g_assert_no_error (error);
  check_emoji (stores);
}


/* Spans that start or end inside a word in the unit read but not in
 * another: a note with the --offsets to try. */
static void
test_unit_warning (void)
{
  /* "😀 Kim": Kim is 3–6 in UTF-16 units, 2–5 in code points */
  static const char input[] = "{\"text\": \"😀 Kim\", \"label\": [[2, 5, \"PER\"]]}\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (input, sizeof input - 1);
  g_autoptr(GlossImportLog) log = gloss_import_log_new ();
  GlossFormatOptions options = { .where = "unit.jsonl", .log = log };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stores = gloss_doccano_import (bytes, &options, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (stores->len, ==, 1);
  g_assert_cmpuint (log->notes->len, ==, 1);
  g_test_message ("%s", (const char *) g_ptr_array_index (log->notes, 0));
  g_assert_nonnull (strstr (g_ptr_array_index (log->notes, 0), "unit.jsonl:1: label[0]"));
  g_assert_nonnull (strstr (g_ptr_array_index (log->notes, 0), "try --offsets codepoints"));
}

static void
test_round_trip (void)
{
  static const GlossOffsetUnit units[] = {
    GLOSS_OFFSET_CODEPOINTS, GLOSS_OFFSET_UTF16, GLOSS_OFFSET_BYTES,
  };
  g_autoptr(GPtrArray) stores = import_ok ("emoji-utf16.jsonl");
  GlossFormatOptions defaults = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) written = gloss_doccano_export (stores, &defaults, &error);

  g_assert_no_error (error);
  /* UTF-16 by default, as read, and the label shape: the first line's
   * offsets come back. */
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (written, NULL), g_bytes_get_size (written),
                                  "[14,21,\"PER\"]"));
  g_assert_null (g_strstr_len (g_bytes_get_data (written, NULL), g_bytes_get_size (written),
                               "start_offset"));

  /* The entities shape carries all of it; the label shape the mentions. */
  for (gsize u = 0; u < G_N_ELEMENTS (units) * 2; u++)
    {
      GlossFormatOptions options = {
        .offsets = units[u % 3], .offsets_set = TRUE, .variant = u < 3 ? "entities" : "label",
      };
      g_autoptr(GBytes) bytes = gloss_doccano_export (stores, &options, &error);
      g_autoptr(GPtrArray) again = NULL;

      g_assert_no_error (error);
      again = import_bytes (bytes, "again.jsonl", units[u % 3], TRUE, &error);
      g_assert_no_error (error);
      if (u < 3)
        check_emoji (again);
      for (guint i = 0; i < stores->len; i++)
        g_assert_cmpuint (gloss_store_get_n_items (g_ptr_array_index (again, i), GLOSS_KIND_MENTION), ==,
                          gloss_store_get_n_items (g_ptr_array_index (stores, i), GLOSS_KIND_MENTION));
    }
}

/* Both shapes; the label shape reports the relations it cannot carry. */
static void
test_shapes (void)
{
  g_autoptr(GPtrArray) stores = import_ok ("import-relation_extraction.jsonl");
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  GlossFormatOptions label = { .report = report };
  GlossFormatOptions entities = { .variant = "entities" };
  GlossFormatOptions nonsense = { .variant = "spans" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) a = gloss_doccano_export (stores, &label, &error);
  g_autoptr(GBytes) b = gloss_doccano_export (stores, &entities, &error);
  g_autoptr(GBytes) c = NULL;
  g_autofree char *first = NULL;

  g_assert_no_error (error);
  first = g_strndup (g_bytes_get_data (a, NULL), strcspn (g_bytes_get_data (a, NULL), "\n"));
  g_assert_cmpstr (first, ==,
                   "{\"id\":\"import-relation_extraction-1\","
                   "\"text\":\"Google was founded on September 4, 1998, by Larry Page and Sergey Brin.\","
                   "\"label\":[[0,6,\"ORG\"],[22,39,\"DATE\"],[44,54,\"PERSON\"],[59,70,\"PERSON\"]],"
                   "\"source\":\"import-relation_extraction.jsonl\"}");
  g_assert_cmpuint (gloss_format_report_get_count (report, GLOSS_LOSS_RELATIONS), ==, 3);

  g_clear_pointer (&first, g_free);
  first = g_strndup (g_bytes_get_data (b, NULL), strcspn (g_bytes_get_data (b, NULL), "\n"));
  /* doccano's own ids, as numbers; relations between them */
  g_assert_nonnull (strstr (first, "{\"id\":2,\"start_offset\":44,\"end_offset\":54,\"label\":\"PERSON\"}"));
  g_assert_nonnull (strstr (first, "\"from_id\":0,\"to_id\":3,\"type\":\"foundedBy\""));

  c = gloss_doccano_export (stores, &nonsense, &error);
  g_assert_null (c);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNSUPPORTED);
}

/* Columns doccano does not define are the project's metadata: kept in the
 * document's meta and written back; ids keep their JSON type. */
static void
test_columns (void)
{
  static const char input[] =
    "{\"id\": 17, \"text\": \"Kim met Putin\", \"label\": [[0, 3, \"PER\"]], "
    "\"Comments\": [\"check\"], \"approved\": true, \"title\": \"Meeting\"}\n"
    "{\"id\": \"doc-b\", \"text\": \"Putin\", \"label\": []}\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (input, sizeof input - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stores = import_bytes (bytes, "columns.jsonl", 0, FALSE, &error);
  GlossFormatOptions options = { 0 };
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GPtrArray) again = NULL;
  GlossDocument *document;
  JsonObject *meta;

  g_assert_no_error (error);
  document = gloss_store_get_document (g_ptr_array_index (stores, 0));
  g_assert_cmpstr (gloss_document_get_id (document), ==, "17");
  g_assert_cmpstr (gloss_document_get_title (document), ==, "Meeting");
  meta = gloss_document_get_meta (document);
  g_assert_nonnull (meta);
  g_assert_true (json_object_get_boolean_member (meta, "approved"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (meta, "Comments")), ==, 1);

  written = gloss_doccano_export (stores, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_bytes_get_data (written, NULL), ==,
                   "{\"id\":17,\"text\":\"Kim met Putin\",\"label\":[[0,3,\"PER\"]],"
                   "\"title\":\"Meeting\",\"source\":\"columns.jsonl\",\"Comments\":[\"check\"],\"approved\":true}\n"
                   "{\"id\":\"doc-b\",\"text\":\"Putin\",\"label\":[],\"source\":\"columns.jsonl\"}\n");
  again = import_bytes (written, "again.jsonl", 0, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < stores->len; i++)
    g_assert_true (gloss_store_equal (g_ptr_array_index (stores, i), g_ptr_array_index (again, i)));
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
  check_error ("tests-sequence_labeling.jsonl", GLOSS_FORMAT_ERROR_INVALID,
               "tests-sequence_labeling.jsonl:3:", "text");
  check_error ("import-sequence_labeling.jsonl", GLOSS_FORMAT_ERROR_INVALID,
               "import-sequence_labeling.jsonl:1:", "column_data");
  check_error ("bad-surrogate.jsonl", GLOSS_FORMAT_ERROR_SPAN,
               "bad-surrogate.jsonl:2: label[0]", "surrogate");
  check_error ("bad-range.jsonl", GLOSS_FORMAT_ERROR_SPAN,
               "bad-range.jsonl:1: label[1]", "beyond the end");
  check_error ("not-json.jsonl", GLOSS_FORMAT_ERROR_SYNTAX, "not-json.jsonl:2", NULL);
}

static void
check_bytes_error (const char *input,
                   int         code,
                   const char *part)
{
  g_autoptr(GBytes) bytes = g_bytes_new (input, strlen (input));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stores = import_bytes (bytes, "x.jsonl", 0, FALSE, &error);

  g_assert_null (stores);
  g_assert_error (error, GLOSS_FORMAT_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, part));
}

static void
test_malformed (void)
{
  check_bytes_error ("{\"text\": \"great\", \"label\": [\"positive\"]}", GLOSS_FORMAT_ERROR_UNSUPPORTED, "category");
  check_bytes_error ("{\"text\": \"abc\", \"label\": [[0, 1]]}", GLOSS_FORMAT_ERROR_INVALID, "label[0]");
  check_bytes_error ("{\"text\": \"abc\", \"label\": [[1, 1, \"X\"]]}", GLOSS_FORMAT_ERROR_SPAN, "empty");
  check_bytes_error ("{\"text\": \"abc\", \"entities\": [{\"id\": 1, \"start_offset\": 0, \"end_offset\": 1, \"label\": \"X\"}],"
                     " \"relations\": [{\"from_id\": 1, \"to_id\": 2, \"type\": \"r\"}]}",
                     GLOSS_FORMAT_ERROR_INVALID, "relations[0]");
  check_bytes_error ("{\"text\": \"abc\", \"entities\": [{\"id\": 1, \"end_offset\": 1, \"label\": \"X\"}]}",
                     GLOSS_FORMAT_ERROR_INVALID, "start_offset");
  check_bytes_error ("\"just a string\"\n", GLOSS_FORMAT_ERROR_INVALID, "JSON object");
}

static void
test_hostile (void)
{
  hostile_json_check_all (check_bytes_error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/formats/doccano/label-shape", test_label_shape);
  g_test_add_func ("/formats/doccano/relations", test_relations);
  g_test_add_func ("/formats/doccano/pretty", test_pretty);
  g_test_add_func ("/formats/doccano/overlapping", test_overlapping);
  g_test_add_func ("/formats/doccano/emoji-utf16", test_emoji_utf16);
  g_test_add_func ("/formats/doccano/emoji-codepoints", test_emoji_codepoints);
  g_test_add_func ("/formats/doccano/round-trip", test_round_trip);
  g_test_add_func ("/formats/doccano/unit-warning", test_unit_warning);
  g_test_add_func ("/formats/doccano/shapes", test_shapes);
  g_test_add_func ("/formats/doccano/columns", test_columns);
  g_test_add_func ("/formats/doccano/errors", test_errors);
  g_test_add_func ("/formats/doccano/malformed", test_malformed);
  g_test_add_func ("/formats/doccano/hostile", test_hostile);

  return g_test_run ();
}
