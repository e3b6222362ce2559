/* test-xmi.c: UIMA CAS XMI import (as INCEpTION exports it)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-error.h"

#include "format-test-utils.h"

/* Hand-written from the XMI and DKPro Core type descriptions: UTF-16
 * offsets over an emoji, CJK and a CRLF line end; a named entity with an
 * identifier, a coreference chain of two links, one of them on the named
 * entity; a custom relation; tokens and sentences that are not read. */
static const char golden[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<xmi:XMI xmlns:xmi=\"http://www.omg.org/XMI\" xmlns:cas=\"http:///uima/cas.ecore\"\n"
  "  xmlns:type2=\"http:///de/tudarmstadt/ukp/dkpro/core/api/metadata/type.ecore\"\n"
  "  xmlns:type3=\"http:///de/tudarmstadt/ukp/dkpro/core/api/ner/type.ecore\"\n"
  "  xmlns:type4=\"http:///de/tudarmstadt/ukp/dkpro/core/api/segmentation/type.ecore\"\n"
  "  xmlns:coref=\"http:///de/tudarmstadt/ukp/dkpro/core/api/coref/type.ecore\"\n"
  "  xmlns:custom=\"http:///webanno/custom.ecore\" xmi:version=\"2.0\">\n"
  "  <cas:NULL xmi:id=\"0\"/>\n"
  "  <type2:DocumentMetaData xmi:id=\"8\" sofa=\"1\" begin=\"0\" end=\"31\" language=\"en\" documentId=\"kim\"/>\n"
  "  <type4:Token xmi:id=\"20\" sofa=\"1\" begin=\"0\" end=\"2\"/>\n"
  "  <type4:Sentence xmi:id=\"21\" sofa=\"1\" begin=\"0\" end=\"19\"/>\n"
  "  <type3:NamedEntity xmi:id=\"30\" sofa=\"1\" begin=\"3\" end=\"6\" value=\"PER\" identifier=\"wikidata:Q56226\"/>\n"
  "  <type3:NamedEntity xmi:id=\"31\" sofa=\"1\" begin=\"11\" end=\"14\" value=\"PER\"/>\n"
  "  <coref:CoreferenceLink xmi:id=\"40\" sofa=\"1\" begin=\"3\" end=\"6\" next=\"41\" referenceType=\"NAM\"/>\n"
  "  <coref:CoreferenceLink xmi:id=\"41\" sofa=\"1\" begin=\"18\" end=\"20\" referenceType=\"PRO\"/>\n"
  "  <coref:CoreferenceChain xmi:id=\"42\" sofa=\"1\" first=\"40\"/>\n"
  "  <custom:Relation xmi:id=\"50\" sofa=\"1\" begin=\"11\" end=\"14\" Governor=\"30\" Dependent=\"31\" value=\"meets_with\"/>\n"
  "  <cas:Sofa xmi:id=\"1\" sofaNum=\"1\" sofaID=\"_InitialView\" mimeType=\"text\"\n"
  "    sofaString=\"&#129303; Kim met &#32722;&#36817;&#24179; .&#13;&#10;He left .\"/>\n"
  "  <cas:View sofa=\"1\" members=\"8 20 21 30 31 40 41 42 50\"/>\n"
  "</xmi:XMI>\n";

static void
test_golden (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (golden, strlen (golden));
  g_autoptr(GPtrArray) stores = fmt_import ("xmi", bytes, "kim.xmi");
  g_autofree char *got = NULL;
  GlossStore *store;
  GlossDocument *document;
  GlossEntity *kim;

  g_assert_cmpuint (stores->len, ==, 1);
  store = g_ptr_array_index (stores, 0);
  document = gloss_store_get_document (store);
  g_assert_cmpstr (gloss_document_get_text (document), ==, "🤗 Kim met 習近平 .\r\nHe left .");
  g_assert_cmpstr (gloss_document_get_id (document), ==, "kim");
  g_assert_cmpstr (gloss_document_get_language (document), ==, "en");
  got = fmt_mentions_and_relations (store, TRUE);
  g_assert_cmpstr (got, ==,
                   "PER 2-5“Kim”\n"
                   "PER 10-13“習近平”\n"
                   "PER 17-19“He”\n"
                   "meets_with 2-5“Kim” -> 10-13“習近平”\n");
  kim = gloss_mention_get_entity (GLOSS_MENTION (gloss_store_lookup (store, "m1")));
  g_assert_nonnull (kim);
  g_assert_cmpstr (gloss_entity_get_kb (kim), ==, "wikidata:Q56226");
  g_assert_true (gloss_mention_get_entity (GLOSS_MENTION (gloss_store_lookup (store, "m3"))) == kim);
}

static void
test_refused (void)
{
  fmt_assert_refused ("xmi", "<html></html>", "a.xmi", "a.xmi:1: not UIMA XMI");
  fmt_assert_refused ("xmi", "<xmi:XMI xmlns:xmi=\"x\"><a></xmi:XMI>", "b.xmi", "b.xmi: not well-formed XML");
  fmt_assert_refused ("xmi", "<xmi:XMI xmlns:xmi=\"x\"></xmi:XMI>", "c.xmi", "c.xmi: no text");

  /* Offsets far past the sofa are refused; nothing is allocated for
   * them (unlike TSV, the text between annotations is in the file). */
  fmt_assert_refused ("xmi",
                      "<xmi:XMI xmlns:xmi=\"x\" xmlns:cas=\"http:///uima/cas.ecore\" xmlns:n=\"http:///de/tudarmstadt/ukp/dkpro/core/api/ner/type.ecore\">"
                      "<n:NamedEntity xmi:id=\"2\" sofa=\"1\" begin=\"4294967290\" end=\"4294967295\" value=\"PER\"/>"
                      "<cas:Sofa xmi:id=\"1\" sofaID=\"_InitialView\" sofaString=\"Hi\"/></xmi:XMI>",
                      "d.xmi", "d.xmi:1: NamedEntity: start 4294967290 is beyond the end of the text (2 UTF-16 units)");
}

static const char *
corpora (void)
{
  const char *dir = g_getenv ("GLOSS_CORPORA_DIR");

  return dir != NULL && g_file_test (dir, G_FILE_TEST_IS_DIR) ? dir : NULL;
}


/* A real INCEpTION export: 🤗 before each of three paragraphs (CRLF), its
 * five named entities right only as UTF-16 units. */
static void
test_smileys (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GlossImportLog) log = gloss_import_log_new ();
  g_autoptr(GPtrArray) stores = NULL;
  g_autofree char *got = NULL;

  if (corpora () == NULL)
    {
      g_test_skip ("no ../shared/corpora");
      return;
    }
  path = g_build_filename (corpora (), "dkpro-cassis-uima", "xmi", "cas_with_smileys.xmi", NULL);
  stores = fmt_import_path ("xmi", path, log);
  g_assert_cmpuint (log->problems->len, ==, 0);
  got = fmt_mentions_and_relations (g_ptr_array_index (stores, 0), FALSE);
  g_assert_cmpstr (got, ==,
                   "OTH 2-14“Transformers”\n"
                   "OTH 284-296“Transformers”\n"
                   "OTH 613-625“Transformers”\n"
                   "OTH 685-692“PyTorch”\n"
                   "OTH 697-707“TensorFlow”\n");
}

/* The lines of fmt_mentions_and_relations() without the type of each:
 * the suite's XMI twins name some layers otherwise than their TSVs. */
static char *
without_types (const char *lines)
{
  g_auto(GStrv) split = g_strsplit (lines, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; split[i] != NULL; i++)
    {
      const char *space = strchr (split[i], ' ');

      if (space != NULL)
        g_string_append_printf (out, "%s\n", space + 1);
    }
  return g_string_free (out, FALSE);
}

/* Every case of INCEpTION's TSV suite that has an XMI twin: the XMI reads
 * to mentions and relations at the same places as the TSV, but for the
 * annotations the TSV trims to tokens (leading and trailing whitespace). */
static void
test_tsv_twins (void)
{
  g_autofree char *suite = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_same = 0, n_cases = 0;

  if (corpora () == NULL)
    {
      g_test_skip ("no ../shared/corpora");
      return;
    }
  suite = g_build_filename (corpora (), "inception-webanno-tsv3", "tsv3-suite", NULL);
  dir = g_dir_open (suite, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *xmi = g_build_filename (suite, name, "reference.xmi", NULL);
      g_autofree char *tsv = g_build_filename (suite, name, "reference.tsv", NULL);
      g_autoptr(GlossImportLog) xmi_log = gloss_import_log_new ();
      g_autoptr(GlossImportLog) tsv_log = gloss_import_log_new ();
      g_autoptr(GPtrArray) from_xmi = NULL;
      g_autoptr(GPtrArray) from_tsv = NULL;
      g_autofree char *a = NULL, *b = NULL;

      if (!g_file_test (xmi, G_FILE_TEST_EXISTS))
        continue;
      n_cases++;
      from_xmi = fmt_import_path ("xmi", xmi, xmi_log);
      from_tsv = fmt_import_path ("webanno", tsv, tsv_log);
      if (xmi_log->problems->len > 0)
        g_error ("%s", (const char *) g_ptr_array_index (xmi_log->problems, 0));
      g_assert_cmpuint (from_xmi->len, ==, 1);
      {
        g_autofree char *x = fmt_mentions_and_relations (g_ptr_array_index (from_xmi, 0), TRUE);
        g_autofree char *t = fmt_mentions_and_relations (g_ptr_array_index (from_tsv, 0), TRUE);

        a = without_types (x);
        b = without_types (t);
      }
      if (g_str_equal (a, b))
        n_same++;
      else
        g_test_message ("%s: XMI\n%sTSV\n%s", name, a, b);
    }
  g_test_message ("%u of %u cases read alike", n_same, n_cases);
  g_assert_cmpuint (n_cases, ==, 73);
  /* The other five: annotations the TSV trims to their tokens (four),
   * and a slot host with no slot set, which the TSV does not show. */
  g_assert_cmpuint (n_same, >=, 68);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/formats/xmi/golden", test_golden);
  g_test_add_func ("/formats/xmi/refused", test_refused);
  g_test_add_func ("/formats/xmi/smileys", test_smileys);
  g_test_add_func ("/formats/xmi/tsv-twins", test_tsv_twins);
  return g_test_run ();
}
