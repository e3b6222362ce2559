/* test-cli-journal.c: gloss-cli journal and recover, on the journal a
 * crashed window leaves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "window" here is a GlossStore with a GlossJournal attached, as the
 * window attaches one; dropping the journal without discarding it is
 * what a crash leaves behind.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "gloss-format-native.h"
#include "gloss-journal.h"
#include "cli-test-helpers.h"

static void
tag (GlossStore *store,
     const char *label,
     const char *text,
     const char *type_id)
{
  GlossDocument *document = gloss_store_get_document (store);
  const char *at = strstr (gloss_document_get_text (document), text);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossEntity) entity = gloss_entity_new (type_id, text);
  g_autoptr(GlossMention) mention = NULL;
  GlossSpan span;

  g_assert_nonnull (at);
  span.start = gloss_document_byte_to_cp (document, at - gloss_document_get_text (document));
  span.end = span.start + g_utf8_strlen (text, -1);
  mention = gloss_mention_new (type_id, &span, 1);
  gloss_mention_set_entity (mention, entity);

  gloss_store_begin_group (store, label);
  g_assert_true (gloss_store_add (store, GLOSS_ANNOTATION (entity), &error));
  g_assert_true (gloss_store_add (store, GLOSS_ANNOTATION (mention), &error));
  g_assert_no_error (error);
  gloss_store_end_group (store);
}

/* A saved document and a window that made three edits (two tags and an
 * undo of the second), then crashed. */
static char *
crashed_session (const char *name)
{
  g_autofree char *article = sample_article ();
  char *doc = tmp_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (doc);
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GlossJournal) journal = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_auto(Run) run = run_cli ("new", article, "-o", doc, "--force", NULL);

    g_assert_cmpint (run.status, ==, 0);
  }
  store = gloss_native_read_file (file, &error);
  g_assert_no_error (error);
  journal = gloss_journal_new (store, file, NULL, &error);
  g_assert_no_error (error);
  tag (store, "Tag “Kim Jong Un”", "Kim Jong Un", "PER");
  tag (store, "Tag “Vladimir Putin”", "Vladimir Putin", "PER");
  g_assert_true (gloss_store_undo (store));
  g_assert_null (gloss_journal_get_error (journal));
  return doc;   /* @journal goes without a discard: the crash */
}

static void
test_journal_lists (void)
{
  g_autofree char *doc = crashed_session ("listed.gloss");
  g_autofree char *before = read_file (doc);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *entries;
  JsonObject *first, *third;

  {
    g_auto(Run) run = run_cli ("journal", doc, NULL);

    g_assert_cmpint (run.status, ==, 0);
    assert_contains (run.out, "listed.gloss: 3 unsaved edits, in ");
    assert_contains (run.out, "do    Tag “Kim Jong Un”  (+2)");
    assert_contains (run.out, "undo  Tag “Vladimir Putin”  (-2)");
  }
  {
    g_auto(Run) run = run_cli ("journal", "--json", doc, NULL);

    g_assert_cmpint (run.status, ==, 0);
    json_parser_load_from_data (parser, run.out, -1, &error);
    g_assert_no_error (error);
  }
  entries = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (entries), ==, 3);
  first = json_array_get_object_element (entries, 0);
  third = json_array_get_object_element (entries, 2);
  g_assert_cmpstr (json_object_get_string_member (first, "edit"), ==, "Tag “Kim Jong Un”");
  g_assert_cmpstr (json_object_get_string_member (first, "direction"), ==, "do");
  g_assert_cmpint (json_object_get_int_member (first, "added"), ==, 2);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (first, "time"), "Z"));
  g_assert_cmpstr (json_object_get_string_member (third, "direction"), ==, "undo");
  g_assert_cmpint (json_object_get_int_member (third, "removed"), ==, 2);

  /* Listing changes nothing. */
  {
    g_autofree char *after = read_file (doc);

    g_assert_cmpstr (after, ==, before);
  }
}

static void
test_recover (void)
{
  g_autofree char *doc = crashed_session ("recovered.gloss");
  g_autofree char *out = tmp_path ("recovered-copy.gloss");
  g_autofree char *before = read_file (doc);
  g_autoptr(GFile) file = g_file_new_for_path (doc);
  g_autoptr(GFile) journal = NULL;

  /* To another file: DOC.gloss and its journal stay. */
  {
    g_auto(Run) run = run_cli ("recover", doc, "-o", out, NULL);
    g_autofree char *copy = read_file (out);
    g_autofree char *same = read_file (doc);

    g_assert_cmpint (run.status, ==, 0);
    assert_contains (run.err, "recovered 3 edits into");
    assert_contains (copy, "\"Kim Jong Un\"");
    g_assert_null (strstr (copy, "\"Vladimir Putin\""));   /* undone */
    g_assert_cmpstr (same, ==, before);
  }
  journal = gloss_journal_find (file, NULL);
  g_assert_nonnull (journal);
  {
    g_auto(Run) again = run_cli ("recover", doc, "-o", out, NULL);

    g_assert_cmpint (again.status, ==, 1);
    assert_contains (again.err, "use --force");
  }

  /* In place: the document takes the edits, the journal is set aside. */
  {
    g_auto(Run) run = run_cli ("recover", doc, NULL);
    g_autofree char *after = read_file (doc);
    g_autofree char *copy = read_file (out);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (after, ==, copy);
  }
  g_clear_object (&journal);
  journal = gloss_journal_find (file, NULL);
  g_assert_null (journal);
  {
    g_auto(Run) run = run_cli ("journal", doc, NULL);
    g_auto(Run) none = run_cli ("recover", doc, NULL);

    g_assert_cmpint (run.status, ==, 0);
    assert_contains (run.out, "no unsaved edits");
    g_assert_cmpint (none.status, ==, 0);
    assert_contains (none.err, "no unsaved edits to recover");
  }
  {
    g_auto(Run) run = run_cli ("validate", doc, NULL);

    g_assert_cmpint (run.status, ==, 0);
  }
}

/* While a window holds the document, the CLI leaves its journal alone. */
static void
test_held (void)
{
  g_autofree char *article = sample_article ();
  g_autofree char *doc = tmp_path ("held.gloss");
  g_autoptr(GFile) file = g_file_new_for_path (doc);
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GlossJournal) journal = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_auto(Run) run = run_cli ("new", article, "-o", doc, NULL);

    g_assert_cmpint (run.status, ==, 0);
  }
  store = gloss_native_read_file (file, &error);
  journal = gloss_journal_new (store, file, NULL, &error);
  g_assert_no_error (error);
  tag (store, "Tag “Kim Jong Un”", "Kim Jong Un", "PER");
  {
    g_auto(Run) run = run_cli ("recover", doc, NULL);
    g_auto(Run) list = run_cli ("journal", doc, NULL);

    g_assert_cmpint (run.status, ==, 1);
    assert_contains (run.err, "open in a window");
    g_assert_cmpint (list.status, ==, 1);
  }
  gloss_journal_discard (journal);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  tmpdir = g_dir_make_tmp ("gloss-cli-journal-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);

  g_test_add_func ("/cli/journal/list", test_journal_lists);
  g_test_add_func ("/cli/journal/recover", test_recover);
  g_test_add_func ("/cli/journal/held", test_held);

  status = g_test_run ();

  g_free (tmpdir);
  return status;
}
