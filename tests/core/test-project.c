/* test-project.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "gloss-annotator.h"
#include "gloss-edits.h"
#include "gloss-error.h"
#include "gloss-mention.h"
#include "gloss-project.h"

static GFile *
sample_file (void)
{
  const char *dir = g_getenv ("GLOSS_SAMPLES_DIR");
  g_autofree char *path = NULL;

  if (dir != NULL)
    path = g_build_filename (dir, "kim-putin-vostochny.txt", NULL);
  else
    path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", "kim-putin-vostochny.txt", NULL);
  return g_file_new_for_path (path);
}

static GFile *
temp_folder (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gloss-project-XXXXXX", NULL);
  g_autofree char *sub = g_build_filename (dir, "summit", NULL);

  return g_file_new_for_path (sub);
}

static char *
read_text (GFile      *folder,
           const char *path)
{
  g_autoptr(GFile) file = g_file_resolve_relative_path (folder, path);
  char *contents = NULL;

  if (!g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL))
    return NULL;
  return contents;
}

static gboolean
exists (GFile      *folder,
        const char *path)
{
  g_autoptr(GFile) file = g_file_resolve_relative_path (folder, path);

  return g_file_query_exists (file, NULL);
}

static void
test_create_and_reload (void)
{
  g_autoptr(GFile) folder = temp_folder ();
  g_autoptr(GFile) article = sample_file ();
  g_autoptr(GlossProject) project = gloss_project_new (folder, "Vostochny summit", NULL, "Ana Lima");
  g_autoptr(GlossProject) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *text = NULL;
  g_autofree char *progress = NULL;
  GlossProjectDocument *first, *second, *found;

  first = gloss_project_add_text_file (project, article, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_project_document_get_id (first), ==, "kim-putin-vostochny");
  g_assert_cmpstr (gloss_project_document_get_source (first), ==, "kim-putin-vostochny.txt");
  g_assert_true (exists (folder, "documents/kim-putin-vostochny/source.gloss"));
  second = gloss_project_add_text_file (project, article, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_project_document_get_id (second), ==, "kim-putin-vostochny-2");
  g_assert_true (g_str_has_prefix (gloss_project_document_get_title (first), "North Korea’s Kim"));

  gloss_project_document_set_status (first, GLOSS_PROGRESS_IN_PROGRESS);
  gloss_project_document_set_status (second, GLOSS_PROGRESS_DONE);
  g_assert_true (gloss_project_save (project, &error));
  g_assert_no_error (error);

  /* One document a line, in order of id; statuses live apart. */
  text = read_text (folder, "project.json");
  g_assert_nonnull (strstr (text, "\n  \"documents\": [\n    {\"id\": \"kim-putin-vostochny\", \"title\": "));
  g_assert_nonnull (strstr (text, "\"source\": \"kim-putin-vostochny.txt\"},\n    {\"id\": \"kim-putin-vostochny-2\""));
  g_assert_null (strstr (text, "\"status\""));
  progress = read_text (folder, "progress/Ana Lima.json");
  g_assert_nonnull (progress);
  g_assert_nonnull (strstr (progress, "\"annotator\": \"Ana Lima\""));
  g_assert_nonnull (strstr (progress, "\n    \"kim-putin-vostochny\": {\"status\": \"in-progress\", \"mentions\": 0, \"claims\": 0},\n"));

  again = gloss_project_load (folder, "Ana Lima", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_project_get_name (again), ==, "Vostochny summit");
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_documents (again)), ==, 2);
  found = gloss_project_lookup (again, "kim-putin-vostochny");
  g_assert_nonnull (found);
  g_assert_cmpint (gloss_project_document_get_status (found), ==, GLOSS_PROGRESS_IN_PROGRESS);
  g_assert_cmpint (gloss_project_document_get_status (gloss_project_lookup (again, "kim-putin-vostochny-2")),
                   ==, GLOSS_PROGRESS_DONE);
  g_assert_nonnull (gloss_schema_lookup (gloss_project_get_schema (again), GLOSS_LABEL_ENTITY, "EQP"));

  store = gloss_project_open_document (again, found, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_document_slice_equals (gloss_store_get_document (store), 224, 235, "Kim Jong Un", -1));

  file = g_file_get_child (folder, "project.json");
  g_clear_object (&again);
  again = gloss_project_load (file, "Ana Lima", &error);
  g_assert_no_error (error);
  g_assert_true (gloss_project_remove (again, gloss_project_lookup (again, "kim-putin-vostochny-2")));
  g_assert_null (gloss_project_lookup (again, "kim-putin-vostochny-2"));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_documents (again)), ==, 1);
}

static void
mention (GlossStore *store,
         guint       start,
         guint       end)
{
  GlossSpan span = { start, end };
  g_autoptr(GlossMention) m = gloss_mention_new ("PER", &span, 1);

  g_assert_true (gloss_store_add (store, GLOSS_ANNOTATION (m), NULL));
}

/* A document added with annotations (imported, pre-annotated) and
 * passed over (opened and saved, as Alt+Right does) stays to do; the
 * annotator's first edit moves it to in progress. */
static void
test_preannotated_stays_todo (void)
{
  g_autoptr(GFile) folder = temp_folder ();
  g_autoptr(GFile) article = sample_file ();
  g_autoptr(GlossProject) setup = gloss_project_new (folder, "Summit", NULL, "Ana Lima");
  g_autoptr(GlossProject) ana = NULL;
  g_autoptr(GlossStore) imported = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GlossProjectDocument *doc;

  imported = gloss_project_read_text_file (setup, article, &error);
  g_assert_no_error (error);
  mention (imported, 224, 235);
  g_assert_nonnull (gloss_project_add_store (setup, imported, "kim-putin-vostochny.txt", &error));
  g_assert_no_error (error);
  g_assert_true (gloss_project_save (setup, &error));

  /* The project's schema changed since the document was added. */
  gloss_label_set_name (gloss_schema_lookup (gloss_project_get_schema (setup), GLOSS_LABEL_ENTITY, "PER"), "Human");
  g_assert_true (gloss_project_save (setup, &error));

  ana = gloss_project_load (folder, "Ana Lima", &error);
  g_assert_no_error (error);
  doc = gloss_project_lookup (ana, "kim-putin-vostochny");
  store = gloss_project_open_document (ana, doc, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_MENTION), ==, 1);
  /* taken on opening, not an edit of the annotator's */
  g_assert_cmpstr (gloss_label_get_name (gloss_schema_lookup (gloss_store_get_schema (store), GLOSS_LABEL_ENTITY, "PER")),
                   ==, "Human");
  g_assert_false (gloss_store_get_modified (store));
  g_assert_true (gloss_project_save_document (ana, doc, store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gloss_project_document_get_status (doc), ==, GLOSS_PROGRESS_TODO);
  g_assert_cmpuint (gloss_project_document_get_n_mentions (doc), ==, 1);

  mention (store, 0, 5);
  g_assert_true (gloss_project_save_document (ana, doc, store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gloss_project_document_get_status (doc), ==, GLOSS_PROGRESS_IN_PROGRESS);
}

/* Two annotators of one project write disjoint files: nothing they save
 * can conflict in git. */
static void
test_two_annotators (void)
{
  g_autoptr(GFile) folder = temp_folder ();
  g_autoptr(GFile) article = sample_file ();
  g_autoptr(GlossProject) setup = gloss_project_new (folder, "Summit", NULL, "Ana Lima");
  g_autoptr(GlossProject) ana = NULL;
  g_autoptr(GlossProject) ben = NULL;
  g_autoptr(GlossStore) ana_store = NULL;
  g_autoptr(GlossStore) ben_store = NULL;
  g_autoptr(GlossStore) final = NULL;
  g_autoptr(GHashTable) ben_progress = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *project_before = NULL;
  g_autofree char *project_after = NULL;
  g_autofree char *ben_file = NULL;
  g_auto(GStrv) annotators = NULL;
  GlossProjectDocument *doc;

  g_assert_nonnull (gloss_project_add_text_file (setup, article, &error));
  g_assert_true (gloss_project_save (setup, &error));
  project_before = read_text (folder, "project.json");

  ana = gloss_project_load (folder, "Ana Lima", &error);
  g_assert_no_error (error);
  ben = gloss_project_load (folder, "Ben/Okafor", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_project_get_annotator (ben), ==, "Ben/Okafor");

  doc = gloss_project_lookup (ana, "kim-putin-vostochny");
  ana_store = gloss_project_open_document (ana, doc, &error);
  g_assert_no_error (error);
  /* Opened and saved with nothing in it (moved on from): still to do. */
  g_assert_true (gloss_project_save_document (ana, doc, ana_store, &error));
  g_assert_cmpint (gloss_project_document_get_status (doc), ==, GLOSS_PROGRESS_TODO);
  mention (ana_store, 224, 235);
  g_assert_true (gloss_project_save_document (ana, doc, ana_store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gloss_project_document_get_status (doc), ==, GLOSS_PROGRESS_IN_PROGRESS);
  g_assert_cmpuint (gloss_project_document_get_n_mentions (doc), ==, 1);

  doc = gloss_project_lookup (ben, "kim-putin-vostochny");
  ben_store = gloss_project_open_document (ben, doc, &error);
  g_assert_no_error (error);
  /* Ben starts from the source, not from Ana's work. */
  g_assert_cmpuint (gloss_store_get_n_items (ben_store, GLOSS_KIND_MENTION), ==, 0);
  mention (ben_store, 224, 227);
  mention (ben_store, 224, 235);
  g_assert_true (gloss_project_save_document (ben, doc, ben_store, &error));
  gloss_project_document_set_status (doc, GLOSS_PROGRESS_DONE);
  g_assert_true (gloss_project_save (ben, &error));
  g_assert_no_error (error);

  g_assert_true (exists (folder, "documents/kim-putin-vostochny/Ana Lima.gloss"));
  g_assert_true (exists (folder, "documents/kim-putin-vostochny/Ben-Okafor.gloss"));
  g_assert_true (exists (folder, "progress/Ana Lima.json"));
  g_assert_true (exists (folder, "progress/Ben-Okafor.json"));
  project_after = read_text (folder, "project.json");
  g_assert_cmpstr (project_before, ==, project_after);

  annotators = gloss_project_list_annotators (ana);
  g_assert_cmpuint (g_strv_length (annotators), ==, 2);
  g_assert_cmpstr (annotators[0], ==, "Ana Lima");
  g_assert_cmpstr (annotators[1], ==, "Ben/Okafor");
  ben_progress = gloss_project_read_progress (ana, "Ben/Okafor", &error);
  g_assert_no_error (error);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (ben_progress, "kim-putin-vostochny")), ==, GLOSS_PROGRESS_DONE);

  /* A dataset takes done work, and curated work over anyone's. */
  doc = gloss_project_lookup (ana, "kim-putin-vostochny");
  g_assert_null (gloss_project_open_final (ana, doc, &error));
  g_assert_no_error (error);
  doc = gloss_project_lookup (ben, "kim-putin-vostochny");
  final = gloss_project_open_final (ben, doc, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_store_get_n_items (final, GLOSS_KIND_MENTION), ==, 2);
  g_clear_object (&final);

  ben_file = read_text (folder, "documents/kim-putin-vostochny/Ben-Okafor.gloss");
  {
    g_autoptr(GFile) curated = g_file_resolve_relative_path (folder, "documents/kim-putin-vostochny/curated.gloss");
    g_autofree char *ana_file = read_text (folder, "documents/kim-putin-vostochny/Ana Lima.gloss");

    g_assert_true (g_file_replace_contents (curated, ana_file, strlen (ana_file), NULL, FALSE, 0, NULL, NULL, NULL));
  }
  doc = gloss_project_lookup (ana, "kim-putin-vostochny");
  g_assert_true (gloss_project_is_curated (ana, doc));
  final = gloss_project_open_final (ana, doc, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_store_get_n_items (final, GLOSS_KIND_MENTION), ==, 1);
}

static GlossDocument *
text_document (const char *text)
{
  return gloss_document_new_from_text (text, -1, "article.txt", NULL);
}

/* As the window tags: a mention with an entity named after its text. */
static void
tag (GlossStore *store,
     guint       start,
     guint       end)
{
  GlossSpan span = { start, end };
  g_autofree char *name = gloss_document_dup_slice (gloss_store_get_document (store), start, end);
  g_autoptr(GlossEntity) entity = gloss_entity_new ("PER", name);
  g_autoptr(GlossMention) m = gloss_mention_new ("PER", &span, 1);

  g_assert_true (gloss_store_add (store, GLOSS_ANNOTATION (entity), NULL));
  gloss_mention_set_entity (m, entity);
  g_assert_true (gloss_store_add (store, GLOSS_ANNOTATION (m), NULL));
}

/* Tagging "Kim Jong Un" in the first article suggests it in the second,
 * linked to the same project entity; rejections are remembered. */
static void
test_suggestions (void)
{
  g_autoptr(GFile) folder = temp_folder ();
  g_autoptr(GlossProject) project = gloss_project_new (folder, "Summit", NULL, "Ana");
  g_autoptr(GlossProject) again = NULL;
  g_autoptr(GlossDocument) first_text = text_document ("“Kim Jong Un” met Putin.");
  g_autoptr(GlossDocument) second_text = text_document ("Later — 会谈 🚀 — Kim Jong Un and Putin spoke; Kim Jong Un left, Putin stayed.");
  g_autoptr(GlossStore) first_source = gloss_store_new (first_text, NULL);
  g_autoptr(GlossStore) second_source = gloss_store_new (second_text, NULL);
  g_autoptr(GlossStore) first = NULL;
  g_autoptr(GlossStore) second = NULL;
  g_autoptr(GArray) suggestions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) extra = json_object_new ();
  g_autoptr(GlossSchema) schema = gloss_schema_copy (gloss_project_get_schema (project));
  GlossProjectDocument *doc1, *doc2;
  GlossRegistry *registry;
  GlossAnnotation *mention;
  GlossSuggestion *s;

  doc1 = gloss_project_add_store (project, first_source, "first.txt", &error);
  doc2 = gloss_project_add_store (project, second_source, "second.txt", &error);
  g_assert_no_error (error);
  json_object_set_member (extra, "patterns",
                          json_from_string ("[{\"type\": \"PER\", \"gazetteer\": [\"Putin\"]}]", NULL));
  gloss_schema_set_extra (schema, extra);
  gloss_project_set_schema (project, schema);
  g_assert_true (gloss_project_save (project, &error));

  first = gloss_project_open_document (project, doc1, &error);
  g_assert_no_error (error);
  tag (first, 1, 12);
  g_assert_true (gloss_project_save_document (project, doc1, first, &error));
  g_assert_no_error (error);
  registry = gloss_project_get_registry (project, &error);
  g_assert_nonnull (gloss_registry_lookup (registry, "PER-kim-jong-un"));
  /* The first article's entity is now the project's. */
  g_assert_nonnull (gloss_store_lookup (first, "PER-kim-jong-un"));
  g_assert_true (exists (folder, "entities.json"));
  g_assert_true (exists (folder, "lexicon/Ana.json"));

  second = gloss_project_open_document (project, doc2, &error);
  g_assert_no_error (error);
  suggestions = gloss_project_suggest (project, doc2, second, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (suggestions->len, ==, 4);
  s = &g_array_index (suggestions, GlossSuggestion, 0);
  g_assert_cmpuint (s->start, ==, 15);
  g_assert_cmpuint (s->end, ==, 26);
  g_assert_cmpstr (s->entity, ==, "PER-kim-jong-un");
  g_assert_cmpint (s->source, ==, GLOSS_SUGGESTION_REGISTRY);
  g_assert_null (g_array_index (suggestions, GlossSuggestion, 1).entity);

  /* Enter: one, linked to the project's entity. */
  g_assert_cmpuint (gloss_project_accept (project, second, suggestions, 0, FALSE, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_store_get_undo_label (second), ==, "Accept “Kim Jong Un”");
  mention = GLOSS_ANNOTATION (g_list_model_get_item (gloss_store_get_list (second, GLOSS_KIND_MENTION), 0));
  g_assert_true (gloss_mention_get_entity (GLOSS_MENTION (mention)) ==
                 GLOSS_ENTITY (gloss_store_lookup (second, "PER-kim-jong-un")));
  g_object_unref (mention);
  g_clear_pointer (&suggestions, g_array_unref);

  /* Shift+Enter on a Putin: both, one entity, one undo step. */
  suggestions = gloss_project_suggest (project, doc2, second, &error);
  g_assert_cmpuint (suggestions->len, ==, 3);
  g_assert_cmpuint (gloss_project_accept (project, second, suggestions, 0, TRUE, &error), ==, 2);
  g_assert_cmpstr (gloss_store_get_undo_label (second), ==, "Accept Every “Putin”");
  g_assert_cmpuint (gloss_store_get_n_items (second, GLOSS_KIND_MENTION), ==, 3);
  g_assert_cmpuint (gloss_store_get_n_items (second, GLOSS_KIND_ENTITY), ==, 2);
  g_assert_true (gloss_store_undo (second));
  g_assert_cmpuint (gloss_store_get_n_items (second, GLOSS_KIND_MENTION), ==, 1);
  g_clear_pointer (&suggestions, g_array_unref);

  /* Backspace: rejected, here and after reopening the project. */
  suggestions = gloss_project_suggest (project, doc2, second, &error);
  g_assert_cmpuint (suggestions->len, ==, 3);
  g_assert_true (gloss_project_reject (project, doc2, second, &g_array_index (suggestions, GlossSuggestion, 2), &error));
  g_assert_no_error (error);
  g_clear_pointer (&suggestions, g_array_unref);
  suggestions = gloss_project_suggest (project, doc2, second, &error);
  g_assert_cmpuint (suggestions->len, ==, 2);
  g_clear_pointer (&suggestions, g_array_unref);

  again = gloss_project_load (folder, "Ana", &error);
  g_assert_no_error (error);
  suggestions = gloss_project_suggest (again, gloss_project_lookup (again, "second"), second, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (suggestions->len, ==, 2);
}

/* A project of the two articles "first" and "second", each opened as the
 * annotator's store. */
static GlossProject *
two_articles (GFile       *folder,
              const char  *first_text,
              const char  *second_text,
              GlossStore **first,
              GlossStore **second)
{
  GlossProject *project = gloss_project_new (folder, "Summit", NULL, "Ana");
  const char *texts[] = { first_text, second_text };
  const char *names[] = { "first.txt", "second.txt" };
  GlossStore **stores[] = { first, second };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GlossDocument) text = text_document (texts[i]);
      g_autoptr(GlossStore) source = gloss_store_new (text, NULL);
      GlossProjectDocument *document = gloss_project_add_store (project, source, names[i], &error);

      g_assert_no_error (error);
      *stores[i] = gloss_project_open_document (project, document, &error);
      g_assert_no_error (error);
    }
  g_assert_true (gloss_project_save (project, &error));
  return project;
}

/* The first mention of @store that starts at @start. */
static GlossAnnotation *
mention_at (GlossStore *store,
            guint       start)
{
  GListModel *mentions = gloss_store_get_list (store, GLOSS_KIND_MENTION);

  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(GlossAnnotation) m = g_list_model_get_item (mentions, i);

      if (gloss_annotation_get_start (m) == start)
        return m; /* the store holds it */
    }
  g_assert_not_reached ();
}

static gboolean
suggests (GlossProject         *project,
          GlossProjectDocument *document,
          GlossStore           *store,
          guint                 start)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) suggestions = gloss_project_suggest (project, document, store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < suggestions->len; i++)
    if (g_array_index (suggestions, GlossSuggestion, i).start == start)
      return TRUE;
  return FALSE;
}

/* A mention deleted (and saved) un-learns its text and the registry
 * entity that tagging made; one that another document still tags, or
 * with a KB id, stays; undoing the delete (and saving) learns it again. */
static void
test_delete_unlearns (void)
{
  g_autoptr(GFile) folder = temp_folder ();
  g_autoptr(GlossStore) first = NULL;
  g_autoptr(GlossStore) second = NULL;
  /* "located" 7–14, "Wonsan" 20–26, "Kim Jong Un" 32–43; then "Kim Jong
   * Un" 0–11, "located" 12–19, "Wonsan" 24–30 */
  g_autoptr(GlossProject) project = two_articles (folder, "Troops located near Wonsan with Kim Jong Un.",
                                                  "Kim Jong Un located the Wonsan base.", &first, &second);
  GlossProjectDocument *doc1 = gloss_project_lookup (project, "first");
  GlossProjectDocument *doc2 = gloss_project_lookup (project, "second");
  g_autoptr(GError) error = NULL;
  g_autofree char *lexicon = NULL;
  GlossRegistry *registry;

  tag (first, 7, 14);
  tag (first, 20, 26);
  tag (first, 32, 43);
  g_assert_true (gloss_project_save_document (project, doc1, first, &error));
  tag (second, 0, 11);
  g_assert_true (gloss_project_save_document (project, doc2, second, &error));
  g_assert_no_error (error);
  registry = gloss_project_get_registry (project, &error);
  g_assert_true (gloss_registry_set_kb (registry, "PER-wonsan", "wd:Q18838", &error));
  g_assert_nonnull (gloss_registry_lookup (registry, "PER-located"));
  g_assert_true (suggests (project, doc2, second, 12));

  /* Delete, save: "located" is forgotten, here and in the next document;
   * "Kim Jong Un" (tagged in the second too) and "Wonsan" (a KB id) stay
   * in the registry. */
  g_assert_true (gloss_edit_delete (first, mention_at (first, 7), &error));
  g_assert_true (gloss_edit_delete (first, mention_at (first, 20), &error));
  g_assert_true (gloss_edit_delete (first, mention_at (first, 32), &error));
  g_assert_true (gloss_project_save_document (project, doc1, first, &error));
  g_assert_no_error (error);
  g_assert_null (gloss_registry_lookup (registry, "PER-located"));
  g_assert_nonnull (gloss_registry_lookup (registry, "PER-wonsan"));
  g_assert_nonnull (gloss_registry_lookup (registry, "PER-kim-jong-un"));
  lexicon = read_text (folder, "lexicon/Ana.json");
  g_assert_null (strstr (lexicon, "located"));
  g_assert_null (strstr (lexicon, "\"Wonsan\""));
  g_assert_nonnull (strstr (lexicon, "\"Kim Jong Un\": {\"type\": \"PER\", \"entity\": \"PER-kim-jong-un\", "
                                     "\"documents\": [\"second\"]}"));
  g_clear_pointer (&lexicon, g_free);
  g_assert_false (suggests (project, doc2, second, 12));
  g_assert_false (suggests (project, doc1, first, 7));
  g_assert_true (suggests (project, doc1, first, 32));

  /* Undo the last delete and the one of "located", save: learnt again. */
  g_assert_true (gloss_store_undo (first));
  g_assert_true (gloss_store_undo (first));
  g_assert_true (gloss_store_undo (first));
  g_assert_true (gloss_project_save_document (project, doc1, first, &error));
  g_assert_no_error (error);
  g_assert_nonnull (gloss_registry_lookup (registry, "PER-located"));
  lexicon = read_text (folder, "lexicon/Ana.json");
  g_assert_nonnull (strstr (lexicon, "\"located\": {\"type\": \"PER\", \"entity\": \"PER-located\", "
                                     "\"documents\": [\"first\"]}"));
  g_assert_true (suggests (project, doc2, second, 12));
}

/* A name that is only part of a longer capitalised name is not offered:
 * Shift+Enter on "Kim" takes the lone one, not the admiral's. */
static gboolean
lexicon_rejects (GFile      *folder,
                 const char *key)
{
  g_autofree char *text = read_text (folder, "lexicon/Ana.json");
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", key);

  return strstr (text, quoted) != NULL;
}

/* Whether a project read again from @folder suggests @start in "first". */
static gboolean
reloaded_suggests (GFile      *folder,
                   GlossStore *store,
                   guint       start)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossProject) again = gloss_project_load (folder, "Ana", &error);

  g_assert_no_error (error);
  return suggests (again, gloss_project_lookup (again, "first"), store, start);
}

/* Backspace can be taken back: the rejection is a step of the document's
 * undo history, written to the lexicon when done, undone and redone
 * (a failed write leaves it where it was); the document stays unmodified. */
static void
test_reject_undo (void)
{
  g_autoptr(GFile) folder = temp_folder ();
  g_autoptr(GlossStore) first = NULL;
  g_autoptr(GlossStore) second = NULL;
  g_autoptr(GlossProject) project = two_articles (folder, "Putin spoke; Putin left.", "Putin stayed.", &first, &second);
  g_autoptr(JsonObject) extra = json_object_new ();
  g_autoptr(GlossSchema) schema = gloss_schema_copy (gloss_project_get_schema (project));
  g_autoptr(GArray) suggestions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) lexicon = g_file_resolve_relative_path (folder, "lexicon/Ana.json");
  g_autofree char *lexicon_path = g_file_get_path (lexicon);
  GlossProjectDocument *doc1 = gloss_project_lookup (project, "first");
  GlossProjectDocument *doc2 = gloss_project_lookup (project, "second");
  const char *key = "first 13 18 PER";

  json_object_set_member (extra, "patterns",
                          json_from_string ("[{\"type\": \"PER\", \"gazetteer\": [\"Putin\"]}]", NULL));
  gloss_schema_set_extra (schema, extra);
  gloss_project_set_schema (project, schema);
  g_assert_true (gloss_project_save (project, &error));
  gloss_store_mark_saved (first);

  suggestions = gloss_project_suggest (project, doc1, first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (suggestions->len, ==, 2);
  g_assert_cmpuint (g_array_index (suggestions, GlossSuggestion, 1).start, ==, 13);
  g_assert_true (gloss_project_reject (project, doc1, first, &g_array_index (suggestions, GlossSuggestion, 1), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_store_get_undo_label (first), ==, "Reject “Putin”");
  g_assert_false (gloss_store_get_modified (first));
  g_assert_false (suggests (project, doc1, first, 13));
  g_assert_true (suggests (project, doc1, first, 0));
  g_assert_true (suggests (project, doc2, second, 0));
  g_assert_true (lexicon_rejects (folder, key));
  g_assert_false (reloaded_suggests (folder, first, 13));

  /* Undo: suggested again, and forgotten on disk. */
  g_assert_true (gloss_store_undo_full (first, &error));
  g_assert_no_error (error);
  g_assert_true (suggests (project, doc1, first, 13));
  g_assert_false (lexicon_rejects (folder, key));
  g_assert_true (reloaded_suggests (folder, first, 13));
  g_assert_false (gloss_store_get_modified (first));

  /* Redo: rejected again. */
  g_assert_true (gloss_store_redo_full (first, &error));
  g_assert_no_error (error);
  g_assert_false (suggests (project, doc1, first, 13));
  g_assert_true (lexicon_rejects (folder, key));
  g_assert_false (reloaded_suggests (folder, first, 13));

  /* A lexicon that cannot be written (a folder in its place): the undo
   * fails, the rejection stays, the step is still the one to undo. */
  g_assert_cmpint (g_remove (lexicon_path), ==, 0);
  g_assert_cmpint (g_mkdir (lexicon_path, 0700), ==, 0);
  g_assert_false (gloss_store_undo_full (first, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (suggests (project, doc1, first, 13));
  g_assert_cmpstr (gloss_store_get_undo_label (first), ==, "Reject “Putin”");
  g_assert_cmpint (g_rmdir (lexicon_path), ==, 0);
  g_assert_true (gloss_store_undo_full (first, &error));
  g_assert_no_error (error);
  g_assert_true (suggests (project, doc1, first, 13));
  g_assert_true (reloaded_suggests (folder, first, 13));

  /* Rejecting what a failed write could not remember: no step. */
  g_clear_pointer (&suggestions, g_array_unref);
  suggestions = gloss_project_suggest (project, doc1, first, &error);
  g_assert_cmpint (g_remove (lexicon_path), ==, 0);
  g_assert_cmpint (g_mkdir (lexicon_path, 0700), ==, 0);
  g_assert_false (gloss_project_reject (project, doc1, first, &g_array_index (suggestions, GlossSuggestion, 0), &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (suggests (project, doc1, first, 0));
  g_assert_cmpstr (gloss_store_get_undo_label (first), ==, NULL);
  g_assert_cmpint (g_rmdir (lexicon_path), ==, 0);
}

static void
test_suggestions_inside_names (void)
{
  g_autoptr(GFile) folder = temp_folder ();
  g_autoptr(GlossStore) first = NULL;
  g_autoptr(GlossStore) second = NULL;
  /* "Kim" 8–11 (before "Myong"), 26–29, 35–38 (before "Jong") */
  g_autoptr(GlossProject) project = two_articles (folder, "Kim met Putin.",
                                                  "Admiral Kim Myong Sik met Kim, and Kim Jong Un left.",
                                                  &first, &second);
  GlossProjectDocument *doc1 = gloss_project_lookup (project, "first");
  GlossProjectDocument *doc2 = gloss_project_lookup (project, "second");
  g_autoptr(GArray) suggestions = NULL;
  g_autoptr(GError) error = NULL;

  tag (first, 0, 3);
  g_assert_true (gloss_project_save_document (project, doc1, first, &error));
  g_assert_no_error (error);

  suggestions = gloss_project_suggest (project, doc2, second, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (suggestions->len, ==, 1);
  g_assert_cmpuint (g_array_index (suggestions, GlossSuggestion, 0).start, ==, 26);
  g_assert_cmpuint (gloss_project_accept (project, second, suggestions, 0, TRUE, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_store_get_n_items (second, GLOSS_KIND_MENTION), ==, 1);
}

static void
test_annotator_names (void)
{
  static const struct { const char *name, *stem; } cases[] = {
    { "Ana Lima", "Ana Lima" },
    { "José Müller", "José Müller" },
    { "../../etc", "etc" },
    { ".hidden", "hidden" },
    { "a/b\\c", "a-b-c" },
    { "", "annotator" },
    { "curated", "annotator-curated" },
    { "Source", "annotator-Source" },
    { "李雷", "李雷" },
  };
  g_autofree char *name = gloss_annotator_default_name ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *stem = gloss_annotator_file_stem (cases[i].name);

      g_assert_cmpstr (stem, ==, cases[i].stem);
    }
  g_assert_nonnull (name);
  g_assert_cmpstr (name, !=, "");
}

static GlossProject *
load_text (const char  *json,
           GError     **error)
{
  g_autoptr(GFile) folder = temp_folder ();
  g_autoptr(GFile) file = g_file_get_child (folder, "project.json");

  g_file_make_directory_with_parents (folder, NULL, NULL);
  g_assert_true (g_file_replace_contents (file, json, strlen (json), NULL, FALSE, 0, NULL, NULL, NULL));
  return gloss_project_load (folder, "Ana", error);
}

static void
test_bad_projects (void)
{
  static const struct { const char *json; int code; const char *needle; } cases[] = {
    { "{", GLOSS_FORMAT_ERROR_SYNTAX, "project.json" },
    { "{\"format\": \"gloss\", \"version\": 1}", GLOSS_FORMAT_ERROR_INVALID, "not a Gloss project" },
    { "{\"format\": \"gloss-project\", \"version\": 9}", GLOSS_FORMAT_ERROR_VERSION, "newer version of Gloss" },
    { "{\"format\": \"gloss-project\"}", GLOSS_FORMAT_ERROR_INVALID, "version" },
    { "{\"format\": \"gloss-project\", \"version\": 1, \"documents\": [{\"id\": \"..\"}]}",
      GLOSS_FORMAT_ERROR_INVALID, "documents[0].id" },
    { "{\"format\": \"gloss-project\", \"version\": 1, \"documents\": [{\"id\": \"a/../../b\"}]}",
      GLOSS_FORMAT_ERROR_INVALID, "a folder in documents/" },
    { "{\"format\": \"gloss-project\", \"version\": 1, \"documents\": [{\"path\": \"a\"}]}",
      GLOSS_FORMAT_ERROR_INVALID, "documents[0].id" },
    { "{\"format\": \"gloss-project\", \"version\": 1, \"documents\": [{\"id\": \"a\"}, {\"id\": \"a\"}]}",
      GLOSS_FORMAT_ERROR_INVALID, "listed twice" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossProject) project = load_text (cases[i].json, &error);

      g_assert_null (project);
      g_assert_error (error, GLOSS_FORMAT_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].needle) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].needle);
    }
}

static void
test_unknown_members_kept (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossProject) project =
    load_text ("{\"format\": \"gloss-project\", \"version\": 1, \"x-team\": \"east\","
               " \"documents\": [{\"id\": \"a\", \"x-due\": \"friday\"}]}", &error);
  g_autoptr(GlossProject) again = NULL;
  GlossProjectDocument *doc;

  g_assert_no_error (error);
  g_assert_true (gloss_project_save (project, &error));
  again = gloss_project_load (gloss_project_get_folder (project), "Ana", &error);
  g_assert_no_error (error);
  doc = gloss_project_lookup (again, "a");
  g_assert_cmpint (gloss_project_document_get_status (doc), ==, GLOSS_PROGRESS_TODO);
  g_assert_cmpstr (json_object_get_string_member (gloss_project_document_get_extra (doc), "x-due"), ==, "friday");
}

static void
test_missing (void)
{
  g_autoptr(GFile) folder = g_file_new_for_path ("/nonexistent/gloss-project");
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossProject) project = gloss_project_load (folder, NULL, &error);
  GlossProgress progress;

  g_assert_null (project);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO);
  g_assert_true (gloss_progress_from_string ("in-progress", &progress));
  g_assert_cmpint (progress, ==, GLOSS_PROGRESS_IN_PROGRESS);
  g_assert_cmpstr (gloss_progress_to_string (GLOSS_PROGRESS_DONE), ==, "done");
}

/* A document opened takes the project's schema: renamed, added and
 * reordered types; its own extra type stays, after them. */
static void
test_apply_schema (void)
{
  g_autoptr(GFile) folder = temp_folder ();
  g_autoptr(GlossProject) project = gloss_project_new (folder, "Summit", NULL, "Ana");
  g_autoptr(GlossSchema) copy = gloss_schema_copy (gloss_project_get_schema (project));
  g_autoptr(GlossDocument) document = gloss_document_new_from_text ("Kim met Putin.", -1, "d", NULL);
  g_autoptr(GlossStore) store = gloss_store_new (document, copy);
  GlossSchema *schema = gloss_project_get_schema (project);
  g_autoptr(GlossLabel) weapon = gloss_label_new (GLOSS_LABEL_ENTITY, "WEAPON", "Weapon", "#e01b24");
  g_autoptr(GlossLabel) mine = gloss_label_new (GLOSS_LABEL_ENTITY, "MINE", "Only here", "#000000");
  g_autoptr(GlossLabel) first = NULL;

  gloss_label_set_name (gloss_schema_lookup (schema, GLOSS_LABEL_ENTITY, "PER"), "Human");
  gloss_schema_move (schema, gloss_schema_lookup (schema, GLOSS_LABEL_ENTITY, "ORG"), 0);
  g_assert_true (gloss_schema_add (schema, weapon, 1, NULL));
  g_assert_true (gloss_schema_add (gloss_store_get_schema (store), mine, -1, NULL));

  g_assert_true (gloss_project_apply_schema (project, store));
  g_assert_cmpstr (gloss_label_get_name (gloss_schema_lookup (gloss_store_get_schema (store), GLOSS_LABEL_ENTITY, "PER")),
                   ==, "Human");
  first = g_list_model_get_item (gloss_schema_get_labels (gloss_store_get_schema (store), GLOSS_LABEL_ENTITY), 0);
  g_assert_cmpstr (gloss_label_get_id (first), ==, "ORG");
  g_assert_nonnull (gloss_schema_lookup (gloss_store_get_schema (store), GLOSS_LABEL_ENTITY, "WEAPON"));
  g_assert_nonnull (gloss_schema_lookup (gloss_store_get_schema (store), GLOSS_LABEL_ENTITY, "MINE"));
  /* Nothing left to do the second time. */
  g_assert_false (gloss_project_apply_schema (project, store));
}

static gint64
fixed_clock (gpointer data)
{
  return *(gint64 *) data;
}

/* Saving through the project links the document's entities to the
 * registry: bookkeeping, not an edit. The times say when the analyst
 * tagged, as a standalone save keeps them. */
static void
test_save_keeps_times (void)
{
  g_autoptr(GFile) folder = temp_folder ();
  g_autoptr(GFile) article = sample_file ();
  g_autoptr(GlossProject) project = gloss_project_new (folder, "Summit", NULL, "Ana Lima");
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GlossStore) reread = NULL;
  g_autoptr(GError) error = NULL;
  gint64 clock = 1790000000;   /* 2026-09-21 */
  GListModel *list;
  GlossProjectDocument *doc;

  g_assert_nonnull (gloss_project_add_text_file (project, article, &error));
  g_assert_no_error (error);
  doc = gloss_project_lookup (project, "kim-putin-vostochny");
  store = gloss_project_open_document (project, doc, &error);
  g_assert_no_error (error);
  gloss_store_set_clock (store, fixed_clock, &clock);
  tag (store, 224, 235);
  mention (store, 224, 227);

  clock += 3600;
  g_assert_true (gloss_project_save_document (project, doc, store, &error));
  g_assert_no_error (error);
  reread = gloss_project_open_document (project, doc, &error);
  g_assert_no_error (error);

  for (guint k = 0; k < 2; k++)
    {
      GlossStore *s = k == 0 ? store : reread;
      GlossAnnotationKind kinds[] = { GLOSS_KIND_ENTITY, GLOSS_KIND_MENTION };

      for (guint j = 0; j < G_N_ELEMENTS (kinds); j++)
        {
          list = gloss_store_get_list (s, kinds[j]);
          g_assert_cmpuint (g_list_model_get_n_items (list), >, 0);
          for (guint i = 0; i < g_list_model_get_n_items (list); i++)
            {
              g_autoptr(GlossAnnotation) a = g_list_model_get_item (list, i);

              g_assert_cmpint (gloss_annotation_get_created (a), ==, 1790000000);
              g_assert_cmpint (gloss_annotation_get_modified (a), ==, 1790000000);
              g_assert_cmpstr (gloss_annotation_get_author (a), ==, gloss_store_get_author (store));
            }
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/project/create-and-reload", test_create_and_reload);
  g_test_add_func ("/core/project/two-annotators", test_two_annotators);
  g_test_add_func ("/core/project/preannotated-stays-todo", test_preannotated_stays_todo);
  g_test_add_func ("/core/project/annotator-names", test_annotator_names);
  g_test_add_func ("/core/project/suggestions", test_suggestions);
  g_test_add_func ("/core/project/reject-undo", test_reject_undo);
  g_test_add_func ("/core/project/suggestions-inside-names", test_suggestions_inside_names);
  g_test_add_func ("/core/project/delete-unlearns", test_delete_unlearns);
  g_test_add_func ("/core/project/bad-projects", test_bad_projects);
  g_test_add_func ("/core/project/unknown-members-kept", test_unknown_members_kept);
  g_test_add_func ("/core/project/missing", test_missing);
  g_test_add_func ("/core/project/apply-schema", test_apply_schema);
  g_test_add_func ("/core/project/save-keeps-times", test_save_keeps_times);

  return g_test_run ();
}
