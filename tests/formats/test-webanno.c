/* test-webanno.c: INCEpTION/WebAnno TSV 3.3 import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-error.h"

#include "format-test-utils.h"

/* Hand-written from the format's description: UTF-16 offsets over an
 * emoji, CJK and a combining accent; stacked spans ([2] and [3] on one
 * token), a KB identifier, a coreference chain across sentences, a
 * relation between two named entities, a preprocessing layer (lemmas)
 * that is not imported, and a second sentence after a line break. */
static void
test_golden (void)
{
  g_autoptr(GBytes) bytes = fmt_load ("data", "webanno", "emoji-cjk.tsv", NULL);
  g_autoptr(GPtrArray) stores = fmt_import ("webanno", bytes, "emoji-cjk.tsv");
  g_autofree char *got = NULL;
  GlossStore *store;
  GlossMention *kim, *he;

  g_assert_cmpuint (stores->len, ==, 1);
  store = g_ptr_array_index (stores, 0);
  g_assert_cmpstr (gloss_document_get_text (gloss_store_get_document (store)), ==,
                   "Kim 😊 met 習近平 in Vladivostok .\nHe said \"Cafe\xcc\x81\" .");
  g_assert_cmpstr (gloss_document_get_id (gloss_store_get_document (store)), ==, "emoji-cjk");
  got = fmt_mentions_and_relations (store, TRUE);
  g_assert_cmpstr (got, ==,
                   "PER 0-3“Kim”\n"
                   "PER 10-13“習近平”\n"
                   "ORG 10-13“習近平”\n"
                   "GPE 17-28“Vladivostok”\n"
                   "PER 31-33“He”\n"
                   "FAC 40-45“Cafe\xcc\x81”\n"
                   "meets_with 0-3“Kim” -> 10-13“習近平”\n");

  /* The chain: "Kim" and "He" are one entity, the named entity's, with
   * its identifier as KB id; the chain's link "He" takes its type. */
  kim = GLOSS_MENTION (gloss_store_lookup (store, "m1"));
  he = GLOSS_MENTION (gloss_store_lookup (store, "m5"));
  g_assert_nonnull (gloss_mention_get_entity (kim));
  g_assert_true (gloss_mention_get_entity (kim) == gloss_mention_get_entity (he));
  g_assert_cmpstr (gloss_entity_get_kb (gloss_mention_get_entity (kim)), ==, "http://www.wikidata.org/entity/Q56226");
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_ENTITY), ==, 2);
  g_assert_null (gloss_schema_lookup (gloss_store_get_schema (store), GLOSS_LABEL_ENTITY, "Lemma"));
}

/* Offsets counted in code points (as a tool other than INCEpTION might
 * write them) do not pass: the token after the emoji is not where its
 * offsets say. With the import log, one run names every such row. */
static void
test_wrong_unit (void)
{
  static const char input[] =
    "#FORMAT=WebAnno TSV 3.3\n"
    "#T_SP=webanno.custom.Span|value\n"
    "\n\n"
    "#Text=Kim 😊 met Putin .\n"
    "1-1\t0-3\tKim\tPER\t\n"
    "1-2\t4-5\t😊\t_\t\n"
    "1-3\t6-9\tmet\t_\t\n"
    "1-4\t10-15\tPutin\tPER\t\n"
    "1-5\t16-17\t.\t_\t\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (input, strlen (input));
  g_autoptr(GlossImportLog) log = gloss_import_log_new ();
  GlossFormatOptions options = { .where = "cp.tsv", .log = log };
  g_autoptr(GPtrArray) stores = NULL;
  g_autoptr(GError) error = NULL;

  fmt_assert_refused ("webanno", input, "cp.tsv", "cp.tsv:7: token: ");

  stores = gloss_format_lookup ("webanno")->import (bytes, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stores->len, ==, 0);
  g_assert_cmpuint (log->problems->len, ==, 4);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (log->problems, 0), "cp.tsv:7: token: "));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (log->problems, 3), "cp.tsv:10: token: "));
  g_assert_cmpuint (log->skipped->len, ==, 1);
}

static void
test_refused (void)
{
  fmt_assert_refused ("webanno", "token\t0-5\tx\n", "a.tsv", "a.tsv:1: not WebAnno TSV 3");
  fmt_assert_refused ("webanno",
                      "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|value\n\n#Text=a b\n1-1\t0-x\ta\t_\t\n",
                      "b.tsv", "b.tsv:5: “0-x” is not BEGIN-END");
  fmt_assert_refused ("webanno",
                      "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|value\n"
                      "#T_RL=webanno.custom.Relation|value|BT_webanno.custom.Span\n\n"
                      "#Text=a b\n1-1\t0-1\ta\tX\t_\t_\t\n1-2\t2-3\tb\tY\tr\t9-9\t\n",
                      "c.tsv", "c.tsv:7: Relation: the relation comes from “9-9”");
}

/* The text between sentences is not in the file: a BEGIN far past the
 * text before it would have the importer pad it with spaces. A 60-byte
 * file claiming its sentence begins at 300,000,000 (and one near
 * G_MAXUINT, where the count wraps) is refused, naming the line, and
 * allocates nothing near its claim. */
static void
test_far_gap (void)
{
  g_autoptr(GlossImportLog) log = gloss_import_log_new ();
  static const char far[] =
    "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|value\n\n"
    "#Text=Hi\n1-1\t300000000-300000002\tHi\t_\t\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (far, strlen (far));
  GlossFormatOptions options = { .where = "far.tsv", .log = log };
  g_autoptr(GPtrArray) stores = NULL;
  g_autoptr(GError) error = NULL;

  fmt_assert_refused ("webanno", far, "far.tsv",
                      "far.tsv:5: the sentence begins at 300000000, far past the text (it ends at 0)");
  fmt_assert_refused ("webanno",
                      "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|value\n\n"
                      "#Text=Hi\n1-1\t0-2\tHi\t_\t\n\n"
                      "#Text=Yo\n2-1\t4294967290-4294967292\tYo\t_\t\n",
                      "wrap.tsv",
                      "wrap.tsv:8: the sentence begins at 4294967290, far past the text (it ends at 2)");

  /* With the import log the row is a problem and nothing is padded. */
  stores = gloss_format_lookup ("webanno")->import (bytes, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stores->len, ==, 0);
  g_assert_cmpuint (log->problems->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (log->problems, 0), "far.tsv:5: the sentence begins at"));
}

/* A gap of whitespace between sentences, as INCEpTION writes for a
 * paragraph break or an indented line, is still read. */
static void
test_gap (void)
{
  static const char input[] =
    "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|value\n\n"
    "#Text=Hi\n1-1\t0-2\tHi\tX\t\n\n"
    "#Text=Yo\n2-1\t40-42\tYo\tY\t\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (input, strlen (input));
  g_autoptr(GPtrArray) stores = fmt_import ("webanno", bytes, "gap.tsv");
  g_autofree char *got = NULL;
  GlossStore *store;

  g_assert_cmpuint (stores->len, ==, 1);
  store = g_ptr_array_index (stores, 0);
  g_assert_cmpuint (strlen (gloss_document_get_text (gloss_store_get_document (store))), ==, 42);
  got = fmt_mentions_and_relations (store, TRUE);
  g_assert_cmpstr (got, ==, "X 0-2“Hi”\nY 40-42“Yo”\n");
}

static const char *
corpora (void)
{
  const char *dir = g_getenv ("GLOSS_CORPORA_DIR");

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    return NULL;
  return dir;
}


/* INCEpTION's own round-trip suite (../shared/corpora): every case reads
 * with no problem (every token's text where its UTF-16 offsets say; the
 * emoji case among them), zero-width annotations left out with a note;
 * Kafka's Der Process with its coreference chains. */
static void
test_inception_suite (void)
{
  g_autofree char *suite = NULL;
  g_autofree char *coref = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_cases = 0, n_mentions = 0;

  if (corpora () == NULL)
    {
      g_test_skip ("no ../shared/corpora");
      return;
    }
  suite = g_build_filename (corpora (), "inception-webanno-tsv3", "tsv3-suite", NULL);
  dir = g_dir_open (suite, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (suite, name, "reference.tsv", NULL);
      g_autoptr(GlossImportLog) log = gloss_import_log_new ();
      g_autoptr(GPtrArray) stores = NULL;

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      stores = fmt_import_path ("webanno", path, log);
      if (log->problems->len > 0)
        g_error ("%s", (const char *) g_ptr_array_index (log->problems, 0));
      g_assert_cmpuint (stores->len, ==, 1);
      n_mentions += gloss_store_get_n_items (g_ptr_array_index (stores, 0), GLOSS_KIND_MENTION);
      n_cases++;
    }
  g_assert_cmpuint (n_cases, ==, 75);
  g_assert_cmpuint (n_mentions, >, 100);

  coref = g_build_filename (corpora (), "inception-webanno-tsv3", "tsv3", "coref.tsv", NULL);
  {
    g_autoptr(GlossImportLog) log = gloss_import_log_new ();
    g_autoptr(GPtrArray) stores = fmt_import_path ("webanno", coref, log);
    GlossStore *store = g_ptr_array_index (stores, 0);

    g_assert_cmpuint (log->problems->len, ==, 0);
    g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_MENTION), ==, 667);
    g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_ENTITY), ==, 89);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/formats/webanno/golden", test_golden);
  g_test_add_func ("/formats/webanno/wrong-unit", test_wrong_unit);
  g_test_add_func ("/formats/webanno/refused", test_refused);
  g_test_add_func ("/formats/webanno/far-gap", test_far_gap);
  g_test_add_func ("/formats/webanno/gap", test_gap);
  g_test_add_func ("/formats/webanno/inception-suite", test_inception_suite);
  return g_test_run ();
}
