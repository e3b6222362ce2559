/* test-brat.c: brat standoff import and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-edits.h"

#include <string.h>

#include <glib/gstdio.h>

#include "gloss-error.h"
#include "gloss-format-brat.h"

#include "format-test-utils.h"

static GPtrArray *
import_pair (const char *dir,
             const char *stem)
{
  g_autofree char *txt_name = g_strconcat (stem, ".txt", NULL);
  g_autofree char *ann_name = g_strconcat (stem, ".ann", NULL);
  g_autoptr(GBytes) txt = fmt_load ("data", "brat", dir, txt_name, NULL);
  g_autoptr(GBytes) ann = fmt_load ("data", "brat", dir, ann_name, NULL);
  GlossFormatOptions options = { .where = ann_name };
  g_autoptr(GError) error = NULL;
  GPtrArray *stores = gloss_brat_import_pair (txt, ann, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stores);
  g_assert_cmpuint (stores->len, ==, 1);
  return stores;
}

static GPtrArray *
export_files (GPtrArray         *stores,
              GlossFormatReport *report)
{
  GlossFormatOptions options = { .report = report };
  g_autoptr(GError) error = NULL;
  GPtrArray *files = gloss_format_export_files (gloss_format_lookup ("brat"), stores, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (files);
  return files;
}

/* Claims: content, cue, claimant and about by first mention, certainty,
 * attributes and note. */
static char *
claims_to_string (GlossStore *store)
{
  GListModel *list = gloss_store_get_list (store, GLOSS_KIND_CLAIM);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossAnnotation) c = g_list_model_get_item (list, i);
      GlossClaim *claim = GLOSS_CLAIM (c);
      JsonObject *attrs = gloss_annotation_get_attrs (c);

      g_string_append_printf (out, "%s ", gloss_annotation_get_type_id (c));
      fmt_append_spans (out, store, c, GLOSS_ROLE_CONTENT);
      g_string_append (out, " cue ");
      fmt_append_spans (out, store, c, GLOSS_ROLE_CUE);
      g_string_append (out, " by ");
      fmt_append_entity (out, store, gloss_claim_get_claimant (claim));
      for (guint k = 0; k < gloss_claim_get_n_about (claim); k++)
        {
          g_string_append (out, " about ");
          fmt_append_entity (out, store, gloss_claim_get_about (claim, k));
        }
      g_string_append_printf (out, " %s", gloss_certainty_to_string (gloss_claim_get_certainty (claim)));
      if (attrs != NULL && json_object_get_size (attrs) > 0)
        {
          g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), attrs);
          g_autofree char *json = json_to_string (node, FALSE);

          g_string_append_printf (out, " %s", json);
        }
      if (gloss_annotation_get_note (c) != NULL)
        g_string_append_printf (out, " note “%s”", gloss_annotation_get_note (c));
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

/* Entities by their mentions, with KB id and name; @all: also those of
 * one mention without KB id, which brat cannot tell from a mention alone. */
static char *
entities_to_string (GlossStore *store,
                    gboolean    all)
{
  GListModel *list = gloss_store_get_list (store, GLOSS_KIND_ENTITY);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossAnnotation) e = g_list_model_get_item (list, i);
      g_autoptr(GPtrArray) mentions = gloss_store_get_mentions_of (store, GLOSS_ENTITY (e));
      const char *kb = gloss_entity_get_kb (GLOSS_ENTITY (e));

      if (!all && mentions->len < 2 && kb == NULL)
        continue;
      g_ptr_array_sort (mentions, fmt_compare_annotations);
      g_string_append_printf (out, "%s", gloss_annotation_get_type_id (e));
      if (kb != NULL)
        g_string_append_printf (out, " %s “%s”", kb, gloss_entity_get_name (GLOSS_ENTITY (e)));
      for (guint k = 0; k < mentions->len; k++)
        {
          g_string_append_c (out, ' ');
          fmt_append_spans (out, store, g_ptr_array_index (mentions, k), GLOSS_ROLE_CONTENT);
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

/* The hand-written pair: emoji, CJK, a combining accent, a discontinuous
 * mention and claim, coreference, N references, attributes and notes;
 * written back byte for byte. */
static void
test_golden (void)
{
  g_autoptr(GPtrArray) stores = import_pair (".", "golden");
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GBytes) txt = fmt_load ("data", "brat", "golden.txt", NULL);
  g_autoptr(GBytes) ann = fmt_load ("data", "brat", "golden.ann", NULL);
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  GlossStore *store = g_ptr_array_index (stores, 0);
  g_autofree char *mentions = fmt_mentions_and_relations (store, TRUE);
  g_autofree char *entities = entities_to_string (store, TRUE);
  g_autofree char *claims = claims_to_string (store);
  GlossFormatFile *file;

  g_assert_cmpstr (mentions, ==,
                   "GPE 1-7“Russia”\n"
                   "PER 19-22“Kim”\n"
                   "PER 45-56“Kim Jong Un”\n"
                   "EQP 57-58“🚀”\n"
                   "PER 63-66“習近平”\n"
                   "FAC 70-75“Cafe\xcc\x81”;76-85“Vostochny”\n"
                   "meets_with 19-22“Kim” -> 63-66“習近平”\n");
  g_assert_cmpstr (entities, ==,
                   "PER wikidata:Q56226 “Kim Jong Un” 19-22“Kim” 45-56“Kim Jong Un”\n"
                   "PER wikidata:Q15031 “Xi Jinping” 63-66“習近平”\n"
                   "GPE 1-7“Russia”\n");
  g_assert_cmpstr (claims, ==,
                   "quote 1-16“Russia will win”;31-42“and prevail” cue 23-28“added” by 19-22“Kim” "
                   "about 1-7“Russia” hedged {\"negated\":true} note “interrupted quote”\n");
  g_assert_cmpstr (gloss_document_get_id (gloss_store_get_document (store)), ==, "golden");

  files = export_files (stores, report);
  g_assert_cmpuint (files->len, ==, 3);
  file = g_ptr_array_index (files, 0);
  g_assert_cmpstr (file->name, ==, "golden.txt");
  fmt_assert_bytes_equal (file->bytes, txt);
  file = g_ptr_array_index (files, 1);
  g_assert_cmpstr (file->name, ==, "golden.ann");
  fmt_assert_bytes_equal (file->bytes, ann);
  g_assert_true (gloss_format_report_is_empty (report));

  /* brat's configuration of every type and attribute the .ann uses. */
  file = g_ptr_array_index (files, 2);
  g_assert_cmpstr (file->name, ==, "annotation.conf");
  {
    g_autofree char *conf = g_strndup (g_bytes_get_data (file->bytes, NULL), g_bytes_get_size (file->bytes));

    g_assert_nonnull (strstr (conf, "\n[entities]\nContent\nPER\nORG\nGPE\n"));
    g_assert_nonnull (strstr (conf, "\n[relations]\nCoreference\tArg1:<ENTITY>, Arg2:<ENTITY>, <REL-TYPE>:symmetric-transitive\n"));
    g_assert_nonnull (strstr (conf, "\nmeets_with\tArg1:<ENTITY>, Arg2:<ENTITY>\n"));
    g_assert_nonnull (strstr (conf, "\n[events]\nassertion\tContent?:Content, Source?:<ENTITY>, About*:<ENTITY>\n"));
    g_assert_nonnull (strstr (conf, "\nquote\tContent?:Content, Source?:<ENTITY>, About*:<ENTITY>\n"));
    g_assert_nonnull (strstr (conf, "\n[attributes]\nCertainty\tArg:<EVENT>, Value:asserted|hedged|denied\n"));
    g_assert_nonnull (strstr (conf, "\nnegated\tArg:<ENTITY>|<EVENT>|<RELATION>\n"));
  }
}

/* An annotation.conf beside the .ann declares types no annotation uses:
 * they are in the imported schema, in its order. */
static void
test_read_conf (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gloss-brat-conf-XXXXXX", NULL);
  g_autofree char *txt = g_build_filename (dir, "doc.txt", NULL);
  g_autofree char *ann = g_build_filename (dir, "doc.ann", NULL);
  g_autofree char *conf = g_build_filename (dir, "annotation.conf", NULL);
  static const char ann_text[] = "T1\tWeapon 0 5\tSarin\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (ann_text, strlen (ann_text));
  GlossFormatOptions options = { .where = ann };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stores = NULL;
  GlossSchema *schema;

  g_assert_true (g_file_set_contents (txt, "Sarin gas", -1, NULL));
  g_assert_true (g_file_set_contents (ann, ann_text, -1, NULL));
  g_assert_true (g_file_set_contents (conf,
                                      "[entities]\nWeapon\n  !Vehicle\n    Tank\n[relations]\n"
                                      "Uses\tArg1:<ENTITY>, Arg2:Weapon\n<OVERLAP>\tArg1:Weapon\n[events]\nAttack\n",
                                      -1, NULL));
  stores = gloss_brat_import (bytes, &options, &error);
  g_assert_no_error (error);
  schema = gloss_store_get_schema (g_ptr_array_index (stores, 0));
  g_assert_nonnull (gloss_schema_lookup (schema, GLOSS_LABEL_ENTITY, "Weapon"));
  g_assert_nonnull (gloss_schema_lookup (schema, GLOSS_LABEL_ENTITY, "Vehicle"));
  g_assert_nonnull (gloss_schema_lookup (schema, GLOSS_LABEL_ENTITY, "Tank"));
  g_assert_nonnull (gloss_schema_lookup (schema, GLOSS_LABEL_RELATION, "Uses"));
  g_assert_null (gloss_schema_lookup (schema, GLOSS_LABEL_CLAIM, "Attack"));
  g_unlink (txt);
  g_unlink (ann);
  g_unlink (conf);
  g_rmdir (dir);
}

/* PolNeAR's attribution layout (Source, Cue, Content and an Attribution
 * event) is a claim. */
static void
test_attribution (void)
{
  g_autoptr(GPtrArray) stores = import_pair (".", "polnear");
  GlossStore *store = g_ptr_array_index (stores, 0);
  g_autofree char *mentions = fmt_mentions_and_relations (store, TRUE);
  g_autofree char *claims = claims_to_string (store);

  g_assert_cmpstr (mentions, ==, "Source 0-30“Retired Lt. Gen. Michael Flynn”\n");
  g_assert_cmpstr (claims, ==,
                   "Attribution 36-65“Trump was “absolutely right.”” cue 31-35“said” "
                   "by 0-30“Retired Lt. Gen. Michael Flynn” asserted\n");
}

/* native → brat → native: every annotation the sample holds survives but
 * relation evidence, which brat has no place for. */
static void
test_round_trip (void)
{
  g_autoptr(GPtrArray) stores = fmt_load_sample ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GPtrArray) files = export_files (stores, report);
  GlossFormatOptions options = { .where = "sample.ann" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) back = NULL;
  GlossStore *before = g_ptr_array_index (stores, 0);
  GlossStore *after;
  g_autofree char *m1 = NULL, *m2 = NULL, *e1 = NULL, *e2 = NULL, *c1 = NULL, *c2 = NULL;

  g_assert_cmpuint (files->len, ==, 3);
  back = gloss_brat_import_pair (((GlossFormatFile *) g_ptr_array_index (files, 0))->bytes,
                                 ((GlossFormatFile *) g_ptr_array_index (files, 1))->bytes,
                                 &options, &error);
  g_assert_no_error (error);
  after = g_ptr_array_index (back, 0);

  m1 = fmt_mentions_and_relations (before, TRUE);
  m2 = fmt_mentions_and_relations (after, TRUE);
  fmt_assert_same_lines (m1, m2);
  e1 = entities_to_string (before, FALSE);
  e2 = entities_to_string (after, FALSE);
  fmt_assert_same_lines (e1, e2);
  c1 = claims_to_string (before);
  c2 = claims_to_string (after);
  fmt_assert_same_lines (c1, c2);
  fmt_assert_same_attrs_and_notes (before, after);

  g_assert_cmpuint (gloss_format_report_get_count (report, GLOSS_LOSS_EVIDENCE), ==,
                    gloss_store_get_n_items (before, GLOSS_KIND_RELATION));
  g_assert_cmpuint (gloss_format_report_get_count (report, GLOSS_LOSS_CLAIMS), ==, 0);
  g_assert_cmpuint (gloss_format_report_get_count (report, GLOSS_LOSS_COREFERENCE), ==, 0);
}

/* A claim whose claimant has no mention: written without it, and said
 * so as what it is (not as "1 other item"). */
static void
test_claim_parts (void)
{
  g_autoptr(GPtrArray) stores = fmt_load_sample ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *expected = NULL;
  GlossStore *store = g_ptr_array_index (stores, 0);
  g_autoptr(GlossAnnotation) claim = g_list_model_get_item (gloss_store_get_list (store, GLOSS_KIND_CLAIM), 0);
  GlossEntity *nobody = gloss_entity_new ("PER", "Nobody Named");
  GPtrArray *details;

  gloss_annotation_set_id (GLOSS_ANNOTATION (nobody), "nobody");
  g_assert_true (gloss_store_load_add (store, GLOSS_ANNOTATION (nobody), &error));
  g_assert_no_error (error);
  g_assert_true (gloss_edit_set_claimant (store, GLOSS_CLAIM (claim), nobody, &error));
  g_assert_no_error (error);
  g_object_unref (nobody);

  files = export_files (stores, report);
  g_assert_cmpuint (gloss_format_report_get_count (report, GLOSS_LOSS_CLAIM_PARTS), ==, 1);
  g_assert_cmpuint (gloss_format_report_get_count (report, GLOSS_LOSS_OTHER), ==, 0);
  summary = gloss_format_report_summary (report);
  g_assert_nonnull (strstr (summary, "the claimant or an entity of 1 claim"));
  details = gloss_format_report_get_details (report);
  expected = g_strdup_printf ("kim-putin-vostochny: claim %s: its claimant has no mention", gloss_annotation_get_id (claim));
  g_assert_true (g_ptr_array_find_with_equal_func (details, expected, g_str_equal, NULL));
}

/* The jsonl fixture's first document: a claim of two fragments with
 * claimant, cue, about, certainty and note, a mention of two fragments
 * (🚀 among them), two relations; all of it comes back. */
static void
test_discontinuous (void)
{
  g_autoptr(GBytes) bytes = fmt_load ("data", "jsonl", "sample.jsonl", NULL);
  g_autoptr(GPtrArray) stores = fmt_import ("jsonl", bytes, "sample.jsonl");
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  g_autoptr(GPtrArray) files = NULL;
  GlossFormatOptions options = { .where = "vostochny.ann" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_autofree char *m1 = NULL, *m2 = NULL, *c1 = NULL, *c2 = NULL;

  g_ptr_array_add (one, g_ptr_array_index (stores, 0));
  files = export_files (one, NULL);
  back = gloss_brat_import_pair (((GlossFormatFile *) g_ptr_array_index (files, 0))->bytes,
                                 ((GlossFormatFile *) g_ptr_array_index (files, 1))->bytes,
                                 &options, &error);
  g_assert_no_error (error);
  m1 = fmt_mentions_and_relations (g_ptr_array_index (stores, 0), TRUE);
  m2 = fmt_mentions_and_relations (g_ptr_array_index (back, 0), TRUE);
  fmt_assert_same_lines (m1, m2);
  c1 = claims_to_string (g_ptr_array_index (stores, 0));
  c2 = claims_to_string (g_ptr_array_index (back, 0));
  g_assert_cmpstr (c1, ==, c2);
  g_assert_nonnull (strstr (c1, ";"));  /* the claim has two fragments */
}

/* brat's own tutorial: every span's text checked, every line read. */
static void
test_tutorial (void)
{
  static const char *const stems[] = {
    "000-introduction", "010-navigation", "020-top_bar", "030-login", "040-text_span_annotation",
    "050-editing_text_span_annotations", "060-relation_annotation",
    "070-editing_relation_annotations", "080-event-annotation", "090-event_structures",
    "100-attribute_annotation", "110-note_annotation", "999-complete",
  };
  guint n_mentions = 0, n_relations = 0, n_notes = 0, n_kb = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (stems); i++)
    {
      g_autoptr(GPtrArray) stores = import_pair ("tutorial-news", stems[i]);
      GlossStore *store = g_ptr_array_index (stores, 0);
      GListModel *list = gloss_store_get_list (store, GLOSS_KIND_MENTION);

      n_mentions += g_list_model_get_n_items (list);
      n_relations += gloss_store_get_n_items (store, GLOSS_KIND_RELATION);
      for (GlossAnnotationKind kind = GLOSS_KIND_MENTION; kind <= GLOSS_KIND_RELATION; kind++)
        {
          GListModel *all = gloss_store_get_list (store, kind);

          for (guint k = 0; k < g_list_model_get_n_items (all); k++)
            {
              g_autoptr(GlossAnnotation) a = g_list_model_get_item (all, k);

              n_notes += gloss_annotation_get_note (a) != NULL;
              n_kb += kind == GLOSS_KIND_ENTITY && gloss_entity_get_kb (GLOSS_ENTITY (a)) != NULL;
            }
        }
    }

  /* 119 T (every one a mention: no event has a Content argument), 8 R and
   * one relation per argument of the 23 E, 4 notes, 1 N. */
  g_assert_cmpuint (n_mentions, ==, 119);
  g_assert_cmpuint (n_relations, ==, 8 + 52);  /* the 23 events have 52 arguments */
  g_assert_cmpuint (n_notes, ==, 4);
  g_assert_cmpuint (n_kb, ==, 1);
}

static void
test_bad_input (void)
{
  static const struct { const char *ann; const char *message; } bad[] = {
    { "T1\tPER 0 3\tKix\n", "bad.ann:1: T1: text “Kix” does not match the document's “Kim” at 0 3" },
    { "T1\tPER 0 99\tKim\n", "bad.ann:1: T1: the span 0–99 is beyond the text" },
    { "T1\tPER 0\tKim\n", "bad.ann:1: T1: “0” is not “START END”" },
    { "T1 PER 0 3 Kim\n", "bad.ann:1: “T1 PER 0 3 Kim” has no tab after the id" },
    { "R1\tmeets Arg1:T1 Arg2:T9\n", "bad.ann:1: T1 is not a text-bound annotation or event of the file" },
    { "X1\tfoo\n", "bad.ann:1: “X1”: an id begins with" },
    { "T1\tPER 0 3\tKim\nA1\tlevel T7 name\n", "bad.ann:2: T7 is not an annotation of the file" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) txt = g_bytes_new_static ("Kim met Putin.", 14);
      g_autoptr(GBytes) ann = g_bytes_new_static (bad[i].ann, strlen (bad[i].ann));
      GlossFormatOptions options = { .where = "bad.ann" };
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) stores = gloss_brat_import_pair (txt, ann, &options, &error);

      g_assert_null (stores);
      g_assert_nonnull (error);
      if (!g_str_has_prefix (error->message, bad[i].message))
        g_error ("“%s” does not begin with “%s”", error->message, bad[i].message);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/formats/brat/golden", test_golden);
  g_test_add_func ("/formats/brat/read-conf", test_read_conf);
  g_test_add_func ("/formats/brat/attribution", test_attribution);
  g_test_add_func ("/formats/brat/round-trip", test_round_trip);
  g_test_add_func ("/formats/brat/discontinuous", test_discontinuous);
  g_test_add_func ("/formats/brat/claim-parts", test_claim_parts);
  g_test_add_func ("/formats/brat/tutorial", test_tutorial);
  g_test_add_func ("/formats/brat/bad-input", test_bad_input);

  return g_test_run ();
}
