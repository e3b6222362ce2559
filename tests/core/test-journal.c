/* test-journal.c: the crash journal (DESIGN §8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Random edit sequences run on the sample article with a journal
 * attached; then the journal is dropped as a crash would leave it, the
 * last saved state is loaded fresh and the journal replayed, and the
 * result must equal the store before the "crash".
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

#include <glib/gstdio.h>
#include <utime.h>

#include "gloss-error.h"
#include "gloss-format-native.h"
#include "gloss-journal-private.h"
#include "gloss-store.h"

static gint64
ticking_clock (gpointer data)
{
  gint64 *t = data;

  /* A new second for every stamp, so a replay that stamped its own time
   * could not pass for exact. */
  return (*t)++;
}

static GlossDocument *
sample_document (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("GLOSS_SAMPLES_DIR"), "kim-putin-vostochny.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossDocument *document = gloss_document_new_from_file (file, &error);

  g_assert_no_error (error);
  return document;
}

/* The sample article saved as a .gloss file in the test's own folder. */
static GFile *
saved_sample (void)
{
  g_autoptr(GlossDocument) document = sample_document ();
  g_autoptr(GlossStore) store = gloss_store_new (document, NULL);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "sample.gloss", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  gloss_native_write_file (store, file, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&file);
}

static GlossStore *
load (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GlossStore *store = gloss_native_read_file (file, &error);

  g_assert_no_error (error);
  return store;
}

static GlossAnnotation *
random_item (GRand               *rand,
             GlossStore          *store,
             GlossAnnotationKind  kind)
{
  guint n = gloss_store_get_n_items (store, kind);
  GlossAnnotation *a;

  if (n == 0)
    return NULL;
  a = g_list_model_get_item (gloss_store_get_list (store, kind), g_rand_int_range (rand, 0, n));
  g_object_unref (a);   /* the store holds it */
  return a;
}

static const char * const entity_types[] = { "PER", "ORG", "GPE", "FAC", "EQP", "X-THING" };

static GlossSpan
random_span (GRand      *rand,
             GlossStore *store)
{
  guint length = gloss_document_get_length (gloss_store_get_document (store));
  GlossSpan span;

  span.start = g_rand_int_range (rand, 0, length - 20);
  span.end = span.start + g_rand_int_range (rand, 1, 20);
  return span;
}

static void
random_edit (GRand      *rand,
             GlossStore *store)
{
  g_autoptr(GError) error = NULL;
  GlossAnnotation *a, *b;
  GlossSchema *schema = gloss_store_get_schema (store);
  gboolean has_thing = gloss_schema_lookup (schema, GLOSS_LABEL_ENTITY, "X-THING") != NULL;
  const char *type = entity_types[g_rand_int_range (rand, 0, G_N_ELEMENTS (entity_types) - (has_thing ? 0 : 1))];

  switch (g_rand_int_range (rand, 0, 14))
    {
    case 0:
    case 1:
      {
        GlossSpan span = random_span (rand, store);
        g_autoptr(GlossMention) m = gloss_mention_new (type, &span, 1);

        if (g_rand_boolean (rand))
          gloss_mention_set_entity (m, (GlossEntity *)random_item (rand, store, GLOSS_KIND_ENTITY));
        gloss_store_add (store, GLOSS_ANNOTATION (m), &error);
      }
      break;

    case 2:
      {
        GlossSpan span = random_span (rand, store);
        g_autoptr(GlossMention) m = gloss_mention_new (type, &span, 1);
        g_autoptr(GlossEntity) e = gloss_entity_new (type, "Someone");

        /* Tagging a new entity: one step of two adds. */
        gloss_store_begin_group (store, "Tag");
        gloss_store_add (store, GLOSS_ANNOTATION (e), &error);
        g_assert_no_error (error);
        gloss_mention_set_entity (m, e);
        gloss_store_add (store, GLOSS_ANNOTATION (m), &error);
        gloss_store_end_group (store);
      }
      break;

    case 3:
      if ((a = random_item (rand, store, GLOSS_KIND_MENTION)) != NULL)
        gloss_store_remove (store, a, &error);
      break;

    case 4:
      if ((a = random_item (rand, store, GLOSS_KIND_ENTITY)) != NULL)
        gloss_store_remove (store, a, &error);   /* cascades */
      break;

    case 5:
      if ((a = random_item (rand, store, GLOSS_KIND_MENTION)) != NULL)
        {
          g_autoptr(GlossAnnotation) draft = gloss_annotation_copy (a);
          g_autofree char *note = g_strdup_printf ("note “%u”\n", g_rand_int (rand));

          gloss_annotation_set_note (draft, note);
          gloss_mention_set_entity (GLOSS_MENTION (draft), (GlossEntity *)random_item (rand, store, GLOSS_KIND_ENTITY));
          gloss_store_replace (store, a, draft, &error);
        }
      break;

    case 6:
      if ((a = random_item (rand, store, GLOSS_KIND_ENTITY)) != NULL)
        {
          g_autoptr(GlossAnnotation) draft = gloss_annotation_copy (a);

          gloss_entity_set_name (GLOSS_ENTITY (draft), g_rand_boolean (rand) ? "Kim Jong Un" : "Путин");
          gloss_store_replace (store, a, draft, &error);
        }
      break;

    case 7:
    case 8:
      gloss_store_undo (store);
      break;

    case 9:
      gloss_store_redo (store);
      break;

    case 10:
      a = random_item (rand, store, GLOSS_KIND_ENTITY);
      b = random_item (rand, store, GLOSS_KIND_ENTITY);
      if (a != NULL && b != NULL && a != b)
        gloss_store_merge_entities (store, GLOSS_ENTITY (a), GLOSS_ENTITY (b), &error);
      break;

    case 11:
      a = random_item (rand, store, GLOSS_KIND_ENTITY);
      b = random_item (rand, store, GLOSS_KIND_ENTITY);
      if (a != NULL && b != NULL && a != b)
        {
          g_autoptr(GlossRelation) r = gloss_relation_new ("meets_with", GLOSS_ENTITY (a), GLOSS_ENTITY (b));
          gloss_store_add (store, GLOSS_ANNOTATION (r), &error);
        }
      break;

    case 12:
      {
        GlossSpan span = random_span (rand, store);
        g_autoptr(GlossClaim) c = gloss_claim_new ("quote", &span, 1);

        gloss_claim_set_claimant (c, (GlossEntity *)random_item (rand, store, GLOSS_KIND_ENTITY));
        gloss_store_add (store, GLOSS_ANNOTATION (c), &error);
      }
      break;

    case 13:
    default:
      /* Several edits as one step, and now and then a new label. */
      if (!has_thing && g_rand_boolean (rand))
        {
          g_autoptr(GlossLabel) label = gloss_label_new (GLOSS_LABEL_ENTITY, "X-THING", "Thing", "#123456");

          gloss_schema_add (schema, label, -1, &error);
          break;
        }
      gloss_store_begin_group (store, "Several");
      for (int i = g_rand_int_range (rand, 1, 5); i > 0; i--)
        {
          GlossSpan span = random_span (rand, store);
          g_autoptr(GlossMention) m = gloss_mention_new ("GPE", &span, 1);

          gloss_store_add (store, GLOSS_ANNOTATION (m), &error);
          g_assert_no_error (error);
          if ((a = random_item (rand, store, GLOSS_KIND_ENTITY)) != NULL && g_rand_boolean (rand))
            gloss_store_remove (store, a, &error);
        }
      gloss_store_end_group (store);
      break;
    }
  g_assert_no_error (error);
}

static void
recover_into (GlossStore *store,
              GFile      *journal_file,
              guint       expect_edits)
{
  g_autoptr(GError) error = NULL;
  guint n_edits = 0;

  g_assert_true (gloss_journal_recover (store, journal_file, &n_edits, &error));
  g_assert_no_error (error);
  if (expect_edits != G_MAXUINT)
    g_assert_cmpuint (n_edits, ==, expect_edits);
}

static GlossJournal *
journal_new (GlossStore *store,
             GFile      *file)
{
  g_autoptr(GError) error = NULL;
  GlossJournal *journal = gloss_journal_new (store, file, NULL, &error);

  g_assert_no_error (error);
  g_assert_null (gloss_journal_get_error (journal));
  return journal;
}

static guint
count_lines (GFile *journal_file)
{
  g_autofree char *contents = NULL;
  gsize length;
  guint n = 0;

  g_assert_true (g_file_load_contents (journal_file, NULL, &contents, &length, NULL, NULL));
  for (gsize i = 0; i < length; i++)
    n += contents[i] == '\n';
  return n;
}

static void
test_random (void)
{
  g_autoptr(GFile) file = saved_sample ();

  for (guint seed = 1; seed <= 12; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(GlossStore) store = load (file);
      g_autoptr(GlossStore) fresh = NULL;
      g_autoptr(GlossStore) saved = NULL;
      g_autoptr(GFile) journal_file = NULL;
      GlossJournal *journal;
      gint64 t = 1795000000;

      gloss_store_set_clock (store, ticking_clock, &t);
      gloss_store_set_author (store, seed % 2 ? "analyst" : NULL);
      journal = journal_new (store, file);
      for (guint i = 0; i < 120; i++)
        {
          random_edit (rand, store);
          /* A save halfway, now and then: the journal starts over. */
          if (i == 60 && seed % 3 == 0)
            {
              g_autoptr(GBytes) bytes = gloss_native_write_bytes (store);
              g_autoptr(GError) error = NULL;

              g_assert_true (g_file_replace_contents (file, g_bytes_get_data (bytes, NULL),
                                                      g_bytes_get_size (bytes), NULL, FALSE,
                                                      G_FILE_CREATE_NONE, NULL, NULL, &error));
              gloss_store_mark_saved (store);
              g_assert_true (gloss_journal_mark_saved (journal, file, bytes, &error));
              g_assert_no_error (error);
            }
        }
      g_assert_null (gloss_journal_get_error (journal));

      /* The crash: the journal goes without being discarded. */
      g_assert_finalize_object (journal);
      journal_file = gloss_journal_find (file, NULL);
      g_assert_nonnull (journal_file);

      fresh = load (file);
      saved = load (file);
      recover_into (fresh, journal_file, G_MAXUINT);
      g_assert_true (gloss_store_equal (fresh, store));
      g_assert_true (gloss_store_get_modified (fresh));
      g_assert_cmpstr (gloss_store_get_undo_label (fresh), ==, "Recover unsaved edits");

      /* Recovery is one step the user can undo, as far as annotations go. */
      gloss_store_undo (fresh);
      for (guint k = 0; k < GLOSS_N_KINDS; k++)
        g_assert_cmpuint (gloss_store_get_n_items (fresh, k), ==, gloss_store_get_n_items (saved, k));
      gloss_store_redo (fresh);
      g_assert_true (gloss_store_equal (fresh, store));

      g_assert_true (gloss_journal_delete (journal_file, NULL));
      if (seed % 3 == 0)
        {
          g_autoptr(GlossDocument) document = sample_document ();
          g_autoptr(GlossStore) empty = gloss_store_new (document, NULL);
          g_autoptr(GError) error = NULL;

          g_assert_true (gloss_native_write_file (empty, file, &error));
        }
    }
}

/* A journal attached while recovering records the recovered state, so a
 * second crash right after loses nothing either. */
static void
test_recover_twice (void)
{
  g_autoptr(GFile) file = saved_sample ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GlossStore) store = load (file);
  g_autoptr(GlossStore) second = load (file);
  g_autoptr(GlossStore) third = load (file);
  g_autoptr(GFile) journal_file = NULL;
  GlossJournal *journal;

  journal = journal_new (store, file);
  for (guint i = 0; i < 40; i++)
    random_edit (rand, store);
  g_assert_finalize_object (journal);

  journal_file = gloss_journal_find (file, NULL);
  journal = journal_new (second, file);
  recover_into (second, journal_file, G_MAXUINT);
  g_assert_true (gloss_store_equal (second, store));
  /* The recovered state is in the new journal: the old one can go. */
  gloss_journal_delete (journal_file, NULL);
  g_clear_object (&journal_file);
  g_assert_finalize_object (journal);

  /* One line for the whole recovery (plus the schema, if it changed). */
  journal_file = gloss_journal_find (file, NULL);
  g_assert_nonnull (journal_file);
  g_assert_cmpuint (count_lines (journal_file), <=, 3);
  recover_into (third, journal_file, G_MAXUINT);
  g_assert_true (gloss_store_equal (third, store));
  gloss_journal_delete (journal_file, NULL);
}

static void
test_torn (void)
{
  g_autoptr(GFile) file = saved_sample ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GlossStore) store = load (file);
  g_autoptr(GlossStore) before_last = NULL;
  g_autoptr(GlossStore) fresh = load (file);
  g_autoptr(GlossStore) fresh2 = load (file);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) journal_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  GlossJournal *journal;
  GlossSpan span = { 10, 20 };
  g_autoptr(GlossMention) m = gloss_mention_new ("PER", &span, 1);
  guint lines;

  journal = journal_new (store, file);
  for (guint i = 0; i < 30; i++)
    random_edit (rand, store);
  bytes = gloss_native_write_bytes (store);
  before_last = gloss_native_read_bytes (bytes, "before", &error);
  g_assert_no_error (error);
  gloss_store_add (store, GLOSS_ANNOTATION (m), &error);
  g_assert_no_error (error);
  g_assert_finalize_object (journal);
  journal_file = gloss_journal_find (file, NULL);
  lines = count_lines (journal_file);

  /* Half a line more, as if the crash came in the middle of a write. */
  g_assert_true (g_file_load_contents (journal_file, NULL, &contents, &length, NULL, NULL));
  {
    g_autoptr(GString) torn = g_string_new_len (contents, length);

    g_string_append (torn, "{\"edit\": \"Add Person mention\", \"direction\": \"do\", \"changes\": [{\"chan");
    g_assert_true (g_file_set_contents (g_file_peek_path (journal_file), torn->str, torn->len, NULL));
  }
  recover_into (fresh, journal_file, lines - 1);
  g_assert_true (gloss_store_equal (fresh, store));

  /* The last line cut short: its edit is lost, every one before it not. */
  g_assert_true (g_file_set_contents (g_file_peek_path (journal_file), contents, length - 9, NULL));
  recover_into (fresh2, journal_file, lines - 2);
  g_assert_true (gloss_store_equal (fresh2, before_last));
  gloss_journal_delete (journal_file, NULL);
}

static void
test_mismatch (void)
{
  g_autoptr(GFile) file = saved_sample ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autoptr(GlossStore) store = load (file);
  g_autoptr(GlossStore) fresh = NULL;
  g_autoptr(GlossStore) other = NULL;
  g_autoptr(GlossDocument) other_doc = NULL;
  g_autoptr(GFile) journal_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *changed = NULL;
  GlossJournal *journal;
  gsize length;
  guint n = 99;

  journal = journal_new (store, file);
  for (guint i = 0; i < 10; i++)
    random_edit (rand, store);
  g_assert_finalize_object (journal);
  journal_file = gloss_journal_find (file, NULL);

  /* The file was saved again (by another program, another copy) since. */
  g_assert_true (g_file_load_contents (file, NULL, &contents, &length, NULL, NULL));
  changed = g_strconcat (contents, "\n", NULL);
  g_assert_true (g_file_set_contents (g_file_peek_path (file), changed, -1, NULL));
  fresh = load (file);
  g_assert_false (gloss_journal_check (fresh, journal_file, &n, &error));
  g_assert_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_MISMATCH);
  g_assert_cmpuint (n, ==, count_lines (journal_file) - 1);   /* counted, for the anchored replay */
  g_clear_error (&error);
  g_assert_false (gloss_journal_recover (fresh, journal_file, NULL, &error));
  g_assert_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_MISMATCH);
  g_assert_nonnull (strstr (error->message, "sample.gloss"));
  g_clear_error (&error);
  g_assert_false (gloss_store_get_modified (fresh));
  g_assert_cmpuint (gloss_store_get_n_items (fresh, GLOSS_KIND_MENTION), ==, 0);

  /* Another text altogether. */
  other_doc = gloss_document_new_from_text ("Another article.", -1, "other", NULL);
  other = gloss_store_new (other_doc, NULL);
  g_assert_false (gloss_journal_recover (other, journal_file, NULL, &error));
  g_assert_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_MISMATCH);
  g_clear_error (&error);

  /* Not a journal. */
  g_assert_true (g_file_set_contents (g_file_peek_path (journal_file), "hello\n", -1, NULL));
  g_assert_false (gloss_journal_check (fresh, journal_file, NULL, &error));
  g_assert_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_INVALID);
  gloss_journal_delete (journal_file, NULL);
}

/* A digest handed in is the one the journal keeps: the file is not read
 * again. The digest of the bytes read recovers; any other means the file
 * changed since. */
static void
test_given_digest (void)
{
  g_autoptr(GFile) file = saved_sample ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_autofree char *digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_autofree char *other = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "other bytes", -1);
  const char *digests[] = { digest, other };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (digests); i++)
    {
      g_autoptr(GlossStore) store = load (file);
      g_autoptr(GlossStore) fresh = load (file);
      g_autoptr(GFile) journal_file = NULL;
      GlossJournal *journal = gloss_journal_new_for_digest (store, file, digests[i], NULL, &error);
      guint n_edits = 0;

      g_assert_no_error (error);
      for (guint j = 0; j < 5; j++)
        random_edit (rand, store);
      g_assert_finalize_object (journal);
      journal_file = gloss_journal_find (file, NULL);
      g_assert_nonnull (journal_file);
      if (i == 0)
        {
          g_assert_true (gloss_journal_recover (fresh, journal_file, &n_edits, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (n_edits, >, 0);
          g_assert_cmpuint (gloss_store_get_n_items (fresh, GLOSS_KIND_MENTION), ==,
                            gloss_store_get_n_items (store, GLOSS_KIND_MENTION));
        }
      else
        {
          g_assert_false (gloss_journal_recover (fresh, journal_file, NULL, &error));
          g_assert_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_MISMATCH);
          g_clear_error (&error);
        }
      gloss_journal_delete (journal_file, NULL);
    }
}

static void
test_mark_saved_discard (void)
{
  g_autoptr(GFile) file = saved_sample ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(GlossStore) store = load (file);
  g_autoptr(GFile) journal_file = NULL;
  g_autoptr(GFile) other_file = NULL;
  g_autoptr(GFile) other_journal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *other_path = g_build_filename (g_get_user_data_dir (), "saved-as.gloss", NULL);
  GlossJournal *journal;
  guint n = 0;

  journal = journal_new (store, file);
  journal_file = gloss_journal_get_file (journal);
  /* Created and held from the start: a header, no edit, no leftover. */
  g_assert_cmpuint (count_lines (journal_file), ==, 1);
  g_assert_true (gloss_journal_is_held (file));
  g_assert_null (gloss_journal_find (file, NULL));
  for (guint i = 0; i < 10; i++)
    random_edit (rand, store);
  g_assert_true (gloss_journal_check (store, journal_file, &n, &error));
  g_assert_cmpuint (n, >, 0);

  /* Save as: the journal moves to the new name and is empty. */
  {
    g_autoptr(GBytes) bytes = gloss_native_write_bytes (store);

    other_file = g_file_new_for_path (other_path);
    g_assert_true (g_file_replace_contents (other_file, g_bytes_get_data (bytes, NULL),
                                            g_bytes_get_size (bytes), NULL, FALSE,
                                            G_FILE_CREATE_NONE, NULL, NULL, &error));
    g_assert_true (gloss_journal_mark_saved (journal, other_file, bytes, &error));
    g_assert_no_error (error);
  }
  g_assert_false (g_file_query_exists (journal_file, NULL));
  g_assert_false (gloss_journal_is_held (file));
  g_assert_true (gloss_journal_is_held (other_file));
  other_journal = gloss_journal_get_file (journal);
  g_assert_nonnull (other_journal);
  g_assert_cmpuint (count_lines (other_journal), ==, 1);
  g_assert_true (gloss_journal_check (store, other_journal, &n, &error));
  g_assert_cmpuint (n, ==, 0);

  random_edit (rand, store);
  random_edit (rand, store);
  g_assert_cmpuint (count_lines (other_journal), >=, 2);

  /* A clean close. */
  gloss_journal_discard (journal);
  g_assert_false (g_file_query_exists (other_journal, NULL));
  g_assert_null (gloss_journal_find (other_file, NULL));
  random_edit (rand, store);
  g_assert_false (g_file_query_exists (other_journal, NULL));
  g_assert_finalize_object (journal);
}

static GFile *
sample_source (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("GLOSS_SAMPLES_DIR"), "kim-putin-vostochny.txt", NULL);

  return g_file_new_for_path (path);
}

/* A new article from text, never saved: the journal is keyed by the
 * article's file and the window (session), never by the text. */
static gboolean
outside_step (gpointer   data,
              gboolean   forward,
              GError   **error)
{
  *(int *) data += forward ? 1 : -1;
  return TRUE;
}

/* A step that changes only what lies outside the store (a project's
 * rejection, written to its own file) writes no line, done, undone or
 * redone; nor does it leave anything to recover. */
static void
test_outside_step (void)
{
  g_autoptr(GFile) file = saved_sample ();
  g_autoptr(GlossStore) store = load (file);
  g_autoptr(GlossEntity) entity = gloss_entity_new (entity_types[0], "Someone");
  g_autoptr(GFile) journal_file = NULL;
  g_autoptr(GError) error = NULL;
  GlossJournal *journal = journal_new (store, file);
  int value = 1;
  guint n = 0;

  journal_file = gloss_journal_get_file (journal);
  gloss_store_add_outside_step (store, "Reject “Putin”", outside_step, &value, NULL);
  g_assert_true (gloss_store_undo (store));
  g_assert_true (gloss_store_redo (store));
  g_assert_cmpint (value, ==, 1);
  g_assert_cmpuint (count_lines (journal_file), ==, 1);
  g_assert_true (gloss_journal_check (store, journal_file, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);

  /* The document's own edits around it still do. */
  g_assert_true (gloss_store_add (store, GLOSS_ANNOTATION (entity), &error));
  g_assert_cmpuint (count_lines (journal_file), ==, 2);
  gloss_store_add_outside_step (store, "Reject “Kim”", outside_step, &value, NULL);
  g_assert_cmpuint (count_lines (journal_file), ==, 2);
  g_assert_true (gloss_store_undo (store));
  g_assert_true (gloss_store_undo (store));
  g_assert_cmpuint (count_lines (journal_file), ==, 3);
  g_assert_null (gloss_journal_get_error (journal));
  g_assert_finalize_object (journal);
}

static void
test_unsaved (void)
{
  g_autoptr(GlossDocument) document = sample_document ();
  g_autoptr(GlossDocument) document2 = sample_document ();
  g_autoptr(GlossStore) store = gloss_store_new (document, NULL);
  g_autoptr(GlossStore) fresh = gloss_store_new (document2, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(GFile) journal_file = NULL;
  g_autoptr(GFile) source = sample_source ();
  g_autoptr(GError) error = NULL;
  GlossJournal *journal;

  journal = gloss_journal_new (store, NULL, source, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 30; i++)
    random_edit (rand, store);
  g_assert_null (gloss_journal_find (NULL, source));   /* held: not a leftover */
  g_assert_finalize_object (journal);

  /* The same text from nowhere (or from elsewhere) is another document. */
  g_assert_null (gloss_journal_find (NULL, NULL));
  journal_file = gloss_journal_find (NULL, source);
  g_assert_nonnull (journal_file);
  recover_into (fresh, journal_file, G_MAXUINT);
  g_assert_true (gloss_store_equal (fresh, store));
  gloss_journal_delete (journal_file, NULL);
}

#define ABORT_SEED 2024
#define ABORT_EDITS 80

static void
run_abort_edits (GlossStore *store)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (ABORT_SEED);
  static gint64 t;

  t = 1795000000;
  gloss_store_set_clock (store, ticking_clock, &t);
  for (guint i = 0; i < ABORT_EDITS; i++)
    random_edit (rand, store);
}

static void
test_abort (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "sample.gloss", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (g_test_subprocess ())
    {
      GlossStore *store = load (file);
      GlossJournal *journal = journal_new (store, file);

      run_abort_edits (store);
      g_assert_null (gloss_journal_get_error (journal));
      abort ();
    }
  else
    {
      g_autoptr(GFile) created = saved_sample ();
      g_autoptr(GlossStore) expected = load (file);
      g_autoptr(GlossStore) fresh = load (file);
      g_autoptr(GFile) journal_file = NULL;

      g_assert_true (g_file_equal (created, file));
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_failed ();

      run_abort_edits (expected);
      journal_file = gloss_journal_find (file, NULL);
      g_assert_nonnull (journal_file);
      recover_into (fresh, journal_file, G_MAXUINT);
      g_assert_true (gloss_store_equal (fresh, expected));
      gloss_journal_delete (journal_file, NULL);
    }
}

/* Two files with the same text are two documents: neither sees the
 * other's journal. Two names of one file (a symbolic link) are one. */
static void
test_identity (void)
{
  g_autoptr(GFile) file = saved_sample ();
  g_autofree char *copy_path = g_build_filename (g_get_user_data_dir (), "copy.gloss", NULL);
  g_autofree char *link_path = g_build_filename (g_get_user_data_dir (), "link.gloss", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(GFile) link = g_file_new_for_path (link_path);
  g_autoptr(GFile) leftover = NULL;
  g_autoptr(GlossStore) store = load (file);
  g_autoptr(GlossStore) copy_store = NULL;
  g_autoptr(GlossStore) link_store = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (21);
  g_autoptr(GError) error = NULL;
  GlossJournal *journal, *copy_journal;

  g_assert_true (g_file_copy (file, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  g_unlink (link_path);
  g_assert_cmpint (symlink (g_file_peek_path (file), link_path), ==, 0);
  copy_store = load (copy);
  link_store = load (link);

  journal = journal_new (store, file);
  copy_journal = journal_new (copy_store, copy);
  for (guint i = 0; i < 10; i++)
    random_edit (rand, store);
  g_assert_true (gloss_journal_is_held (file));
  g_assert_true (gloss_journal_is_held (link));
  g_assert_true (gloss_journal_is_held (copy));
  g_assert_true (gloss_journal_is_for_file (journal, link));
  g_assert_false (gloss_journal_is_for_file (journal, copy));

  /* The same file under another name is refused while held. */
  g_assert_null (gloss_journal_new (link_store, link, NULL, &error));
  g_assert_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_HELD);
  g_clear_error (&error);

  /* A crash of the first: only its own document finds the journal. */
  g_assert_finalize_object (journal);
  gloss_journal_discard (copy_journal);
  g_assert_finalize_object (copy_journal);
  g_assert_null (gloss_journal_find (copy, NULL));
  leftover = gloss_journal_find (link, NULL);
  g_assert_nonnull (leftover);
  g_assert_false (gloss_journal_is_held (file));
  recover_into (link_store, leftover, G_MAXUINT);
  g_assert_true (gloss_store_equal (link_store, store));
  gloss_journal_delete (leftover, NULL);
  g_unlink (link_path);
}

/* Two windows on one unsaved article: a journal each, neither offered to
 * the other while it lives, and a crash of both leaves two leftovers. */
static void
test_unsaved_two (void)
{
  g_autoptr(GlossDocument) document = sample_document ();
  g_autoptr(GlossDocument) document2 = sample_document ();
  g_autoptr(GlossDocument) document3 = sample_document ();
  g_autoptr(GlossStore) a = gloss_store_new (document, NULL);
  g_autoptr(GlossStore) b = gloss_store_new (document2, NULL);
  g_autoptr(GlossStore) fresh = gloss_store_new (document3, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  g_autoptr(GFile) source = sample_source ();
  g_autoptr(GFile) leftover = NULL;
  g_autoptr(GFile) file_a = NULL;
  g_autoptr(GError) error = NULL;
  GlossJournal *ja, *jb;

  ja = gloss_journal_new (a, NULL, source, &error);
  g_assert_no_error (error);
  jb = gloss_journal_new (b, NULL, source, &error);
  g_assert_no_error (error);
  file_a = gloss_journal_get_file (ja);
  for (guint i = 0; i < 20; i++)
    random_edit (rand, i % 2 ? a : b);
  g_assert_null (gloss_journal_find (NULL, source));

  g_assert_finalize_object (ja);
  leftover = gloss_journal_find (NULL, source);
  g_assert_true (g_file_equal (leftover, file_a));
  recover_into (fresh, leftover, G_MAXUINT);
  g_assert_true (gloss_store_equal (fresh, a));
  gloss_journal_delete (leftover, NULL);
  gloss_journal_discard (jb);
  g_assert_finalize_object (jb);
  g_assert_null (gloss_journal_find (NULL, source));
}

static void
count_notify (guint *n)
{
  (*n)++;
}

/* A failing journal says so, keeps the edits in memory and writes them
 * at the first edit that succeeds: a crash after that loses none. */
static void
test_failure_retry (void)
{
  g_autoptr(GFile) file = saved_sample ();
  g_autoptr(GlossStore) store = load (file);
  g_autoptr(GlossStore) fresh = load (file);
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  g_autoptr(GFile) leftover = NULL;
  GlossJournal *journal = journal_new (store, file);
  guint notified = 0;

  g_signal_connect_swapped (journal, "notify::error", G_CALLBACK (count_notify), &notified);
  for (guint i = 0; i < 5; i++)
    random_edit (rand, store);
  _gloss_journal_inject_failure (journal, ENOSPC);
  for (guint i = 0; i < 5; i++)
    random_edit (rand, store);
  g_assert_nonnull (gloss_journal_get_error (journal));
  g_assert_nonnull (strstr (gloss_journal_get_error (journal)->message, g_strerror (ENOSPC)));
  g_assert_cmpuint (notified, ==, 1);
  _gloss_journal_inject_failure (journal, 0);
  for (guint i = 0; i < 20 && gloss_journal_get_error (journal) != NULL; i++)
    random_edit (rand, store);
  g_assert_null (gloss_journal_get_error (journal));
  g_assert_cmpuint (notified, ==, 2);

  g_assert_finalize_object (journal);
  leftover = gloss_journal_find (file, NULL);
  recover_into (fresh, leftover, G_MAXUINT);
  g_assert_true (gloss_store_equal (fresh, store));
  gloss_journal_delete (leftover, NULL);
}

/* The journal cannot even be created (its folder is a file): the edits
 * wait in memory and go out once it can. */
static void
test_failure_create (void)
{
  g_autoptr(GFile) file = saved_sample ();
  g_autoptr(GlossStore) store = load (file);
  g_autoptr(GlossStore) fresh = load (file);
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);
  g_autoptr(GFile) leftover = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_state_dir (), "gloss", "journal", NULL);
  g_autofree char *aside = g_strconcat (dir, ".aside", NULL);
  GlossJournal *journal;

  g_mkdir_with_parents (dir, 0700);
  g_assert_cmpint (g_rename (dir, aside), ==, 0);
  g_assert_true (g_file_set_contents (dir, "not a folder", -1, NULL));
  journal = gloss_journal_new (store, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (gloss_journal_get_error (journal));
  g_assert_null (gloss_journal_get_file (journal));
  for (guint i = 0; i < 6; i++)
    random_edit (rand, store);
  g_assert_nonnull (gloss_journal_get_error (journal));

  g_assert_cmpint (g_unlink (dir), ==, 0);
  g_assert_cmpint (g_rename (aside, dir), ==, 0);
  for (guint i = 0; i < 20 && gloss_journal_get_error (journal) != NULL; i++)
    random_edit (rand, store);
  g_assert_null (gloss_journal_get_error (journal));
  g_assert_finalize_object (journal);
  leftover = gloss_journal_find (file, NULL);
  g_assert_nonnull (leftover);
  recover_into (fresh, leftover, G_MAXUINT);
  g_assert_true (gloss_store_equal (fresh, store));
  gloss_journal_delete (leftover, NULL);
}

/* Discarded journals wait a week in discarded/. */
static void
test_set_aside (void)
{
  g_autoptr(GFile) file = saved_sample ();
  g_autoptr(GlossStore) store = load (file);
  g_autoptr(GRand) rand = g_rand_new_with_seed (15);
  g_autoptr(GFile) leftover = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *kept = NULL;
  GlossJournal *journal = journal_new (store, file);
  struct utimbuf eight_days_ago;

  random_edit (rand, store);
  g_assert_finalize_object (journal);
  leftover = gloss_journal_find (file, NULL);
  name = g_file_get_basename (leftover);
  g_assert_true (gloss_journal_set_aside (leftover, &error));
  g_assert_no_error (error);
  g_assert_null (gloss_journal_find (file, NULL));
  kept = g_build_filename (g_get_user_state_dir (), "gloss", "journal", "discarded", name, NULL);
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));
  gloss_journal_prune_discarded ();
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));

  eight_days_ago.actime = eight_days_ago.modtime = time (NULL) - 8 * 24 * 3600;
  g_assert_cmpint (utime (kept, &eight_days_ago), ==, 0);
  gloss_journal_prune_discarded ();
  g_assert_false (g_file_test (kept, G_FILE_TEST_EXISTS));
}

static GlossMention *
add_mention (GlossStore *store,
             guint       start,
             guint       end)
{
  GlossSpan span = { start, end };
  g_autoptr(GlossMention) m = gloss_mention_new ("PER", &span, 1);
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_store_add (store, GLOSS_ANNOTATION (m), &error));
  g_assert_no_error (error);
  return m;
}

static GlossAnnotation *
mention_with_text (GlossStore *store,
                   const char *text)
{
  GListModel *mentions = gloss_store_get_list (store, GLOSS_KIND_MENTION);
  GlossDocument *document = gloss_store_get_document (store);

  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(GlossAnnotation) m = g_list_model_get_item (mentions, i);
      g_autofree char *slice = gloss_document_dup_slice (document, gloss_annotation_get_start (m),
                                                         gloss_annotation_get_end (m));

      if (g_strcmp0 (slice, text) == 0)
        return m;
    }
  return NULL;
}

/* The file changed under the journal (a git pull): what still anchors is
 * applied, found again by its text; the rest is listed, and the journal
 * stays. An id the new file gives to something else is not taken over. */
static void
test_anchored (void)
{
  g_autoptr(GFile) file = saved_sample ();
  g_autoptr(GlossStore) store = load (file);
  g_autoptr(GlossStore) theirs = NULL;
  g_autoptr(GlossStore) fresh = NULL;
  g_autoptr(GlossDocument) changed = NULL;
  g_autoptr(GFile) leftover = NULL;
  g_autoptr(GPtrArray) not_applied = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *text = NULL;
  GlossJournal *journal = journal_new (store, file);
  GlossAnnotation *putin, *note;
  guint n = 0;

  add_mention (store, 113, 127);   /* Vladimir Putin */
  add_mention (store, 224, 235);   /* Kim Jong Un */
  g_assert_finalize_object (journal);
  leftover = gloss_journal_find (file, NULL);

  /* Their version: a note before the text, and "Kim Jong Un" is gone. */
  parts = g_strsplit (gloss_document_get_text (gloss_store_get_document (store)), "Kim Jong Un", -1);
  joined = g_strjoinv ("Mr Kim", parts);
  text = g_strconcat ("Editor’s note: updated.\n", joined, NULL);
  changed = gloss_document_new_from_text (text, -1, "sample", &error);
  g_assert_no_error (error);
  theirs = gloss_store_new (changed, NULL);
  note = GLOSS_ANNOTATION (add_mention (theirs, 0, 6));
  g_assert_cmpstr (gloss_annotation_get_id (note), ==, "m1");
  g_assert_true (gloss_native_write_file (theirs, file, &error));

  fresh = load (file);
  g_assert_false (gloss_journal_check (fresh, leftover, &n, &error));
  g_assert_error (error, GLOSS_JOURNAL_ERROR, GLOSS_JOURNAL_ERROR_MISMATCH);
  g_clear_error (&error);
  g_assert_cmpuint (n, ==, 2);

  g_assert_true (gloss_journal_recover_anchored (fresh, leftover, &n, &not_applied, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);   /* Putin in full; Kim Jong Un not */
  g_assert_cmpuint (not_applied->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (not_applied, 0), "Kim Jong Un"));
  g_assert_nonnull (strstr (g_ptr_array_index (not_applied, 0), "no longer in the document"));

  putin = mention_with_text (fresh, "Vladimir Putin");
  g_assert_nonnull (putin);
  g_assert_cmpuint (gloss_annotation_get_start (putin), ==, 113 + g_utf8_strlen ("Editor’s note: updated.\n", -1));
  g_assert_cmpstr (gloss_annotation_get_id (putin), !=, "m1");
  note = gloss_store_lookup (fresh, "m1");
  g_assert_nonnull (note);
  g_assert_cmpuint (gloss_annotation_get_start (note), ==, 0);
  g_assert_cmpuint (gloss_store_get_n_items (fresh, GLOSS_KIND_MENTION), ==, 2);
  g_assert_cmpstr (gloss_store_get_undo_label (fresh), ==, "Recover unsaved edits");

  /* Never dropped: the journal is still there for the user to decide. */
  g_assert_true (g_file_query_exists (leftover, NULL));
  gloss_journal_delete (leftover, NULL);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

/* The cost of an edit with the journal: one write and one fdatasync. Run
 * with -m perf (and TMPDIR on the disk of interest). */
static void
test_cost (void)
{
  g_autoptr(GFile) file = saved_sample ();
  g_autoptr(GlossStore) store = load (file);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  GlossJournal *journal = journal_new (store, file);

  if (!g_test_perf ())
    {
      g_test_skip ("run with -m perf");
      g_assert_finalize_object (journal);
      return;
    }

  for (guint i = 0; i < 201; i++)
    {
      GlossSpan span = { i * 3 + 1, i * 3 + 3 };
      g_autoptr(GlossMention) m = gloss_mention_new ("PER", &span, 1);
      gint64 start = g_get_monotonic_time ();
      double ms;

      gloss_store_add (store, GLOSS_ANNOTATION (m), NULL);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      if (i > 0)   /* the first creates the file */
        g_array_append_val (times, ms);
    }
  g_array_sort (times, compare_doubles);
  g_test_minimized_result (g_array_index (times, double, times->len / 2),
                           "median edit with journal: %.3f ms (p90 %.3f ms, max %.3f ms)",
                           g_array_index (times, double, times->len / 2),
                           g_array_index (times, double, times->len * 9 / 10),
                           g_array_index (times, double, times->len - 1));
  gloss_journal_discard (journal);
  g_assert_finalize_object (journal);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/journal/random", test_random);
  g_test_add_func ("/core/journal/recover-twice", test_recover_twice);
  g_test_add_func ("/core/journal/torn", test_torn);
  g_test_add_func ("/core/journal/mismatch", test_mismatch);
  g_test_add_func ("/core/journal/given-digest", test_given_digest);
  g_test_add_func ("/core/journal/mark-saved-discard", test_mark_saved_discard);
  g_test_add_func ("/core/journal/unsaved", test_unsaved);
  g_test_add_func ("/core/journal/outside-step", test_outside_step);
  g_test_add_func ("/core/journal/abort", test_abort);
  g_test_add_func ("/core/journal/identity", test_identity);
  g_test_add_func ("/core/journal/unsaved-two", test_unsaved_two);
  g_test_add_func ("/core/journal/failure-retry", test_failure_retry);
  g_test_add_func ("/core/journal/failure-create", test_failure_create);
  g_test_add_func ("/core/journal/set-aside", test_set_aside);
  g_test_add_func ("/core/journal/anchored", test_anchored);
  g_test_add_func ("/core/journal/cost", test_cost);

  return g_test_run ();
}
