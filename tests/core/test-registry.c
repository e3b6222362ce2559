/* test-registry.c: a project's shared entities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-error.h"
#include "gloss-mention.h"
#include "gloss-registry.h"

static GFile *
temp_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gloss-registry-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "entities.json", NULL);

  return g_file_new_for_path (path);
}

static char *
contents (GFile *file)
{
  char *text = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &text, NULL, NULL, NULL));
  return text;
}

/* A name of no letters or digits gets an id of its own code points: the
 * same whichever is added first (it was "QTY-entity", then
 * "QTY-entity-2", by order). */
static void
test_symbol_names (void)
{
  for (guint order = 0; order < 2; order++)
    {
      g_autoptr(GFile) file = temp_file ();
      g_autoptr(GlossRegistry) registry = gloss_registry_new (file);
      g_autoptr(GError) error = NULL;
      const char *names[] = { "👍🏽", "👨‍👩‍👧" };
      GlossRegistryEntity *first, *second;

      first = gloss_registry_add (registry, "QTY", names[order], NULL, &error);
      g_assert_no_error (error);
      second = gloss_registry_add (registry, "QTY", names[1 - order], NULL, &error);
      g_assert_no_error (error);
      if (order == 1)
        {
          GlossRegistryEntity *swap = first;

          first = second;
          second = swap;
        }
      g_assert_cmpstr (gloss_registry_entity_get_id (first), ==, "QTY-1f44d-1f3fd");
      g_assert_cmpstr (gloss_registry_entity_get_id (second), ==, "QTY-1f468-200d-1f469-200d-1f467");
    }
}

static void
test_edits (void)
{
  g_autoptr(GFile) file = temp_file ();
  g_autoptr(GlossRegistry) registry = gloss_registry_new (file);
  g_autoptr(GlossRegistry) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *text = NULL;
  GlossRegistryEntity *kim, *kim2, *putin, *e;

  kim = gloss_registry_add (registry, "PER", "Kim Jong Un", "wikidata:Q56226", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_registry_entity_get_id (kim), ==, "PER-kim-jong-un");
  kim2 = gloss_registry_add (registry, "PER", "Kim Jong-Un", NULL, &error);
  g_assert_cmpstr (gloss_registry_entity_get_id (kim2), ==, "PER-kim-jong-un-2");
  putin = gloss_registry_add (registry, "PER", "Владимир Путин", NULL, &error);
  g_assert_cmpstr (gloss_registry_entity_get_id (putin), ==, "PER-владимир-путин");

  g_assert_true (gloss_registry_add_alias (registry, "PER-владимир-путин", "Putin", &error));
  g_assert_true (gloss_registry_rename (registry, "PER-владимир-путин", "Vladimir Putin", &error));
  g_assert_no_error (error);
  e = gloss_registry_lookup (registry, "PER-владимир-путин");
  g_assert_cmpstr (gloss_registry_entity_get_name (e), ==, "Vladimir Putin");
  g_assert_true (gloss_registry_entity_has_alias (e, "Putin"));

  /* Written through, one entity a line. */
  text = contents (file);
  g_assert_nonnull (strstr (text, "\n    {\"id\": \"PER-kim-jong-un\", \"type\": \"PER\", \"name\": \"Kim Jong Un\", "
                                  "\"kb\": \"wikidata:Q56226\"},\n"));
  g_assert_nonnull (strstr (text, "\"name\": \"Vladimir Putin\", \"aliases\": [\"Putin\"]}"));

  /* Merge: the name and aliases of the one merged away stay findable. */
  g_assert_true (gloss_registry_merge (registry, "PER-kim-jong-un", "PER-kim-jong-un-2", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_registry_get_entities (registry)), ==, 2);
  e = gloss_registry_lookup (registry, "PER-kim-jong-un-2");
  g_assert_cmpstr (gloss_registry_entity_get_id (e), ==, "PER-kim-jong-un");
  found = gloss_registry_find_name (registry, "Kim Jong-Un");
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_true (g_ptr_array_index (found, 0) == (gpointer) e);
  g_assert_false (gloss_registry_merge (registry, "PER-kim-jong-un", "PER-kim-jong-un", &error));
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID);
  g_clear_error (&error);

  again = gloss_registry_load (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_registry_get_entities (again)), ==, 2);
  g_assert_cmpstr (gloss_registry_entity_get_id (gloss_registry_lookup (again, "PER-kim-jong-un-2")), ==, "PER-kim-jong-un");
  g_clear_object (&again);

  /* Undo the merge, the rename; redo one; all written through. */
  g_assert_true (gloss_registry_undo (registry, &error));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_registry_get_entities (registry)), ==, 3);
  g_assert_cmpstr (gloss_registry_entity_get_id (gloss_registry_lookup (registry, "PER-kim-jong-un-2")), ==, "PER-kim-jong-un-2");
  g_assert_true (gloss_registry_undo (registry, &error));
  g_assert_cmpstr (gloss_registry_entity_get_name (gloss_registry_lookup (registry, "PER-владимир-путин")), ==, "Владимир Путин");
  g_assert_true (gloss_registry_can_redo (registry));
  g_assert_true (gloss_registry_redo (registry, &error));
  g_assert_no_error (error);
  again = gloss_registry_load (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_registry_entity_get_name (gloss_registry_lookup (again, "PER-владимир-путин")), ==, "Vladimir Putin");
  g_assert_cmpuint (g_list_model_get_n_items (gloss_registry_get_entities (again)), ==, 3);
}

/* An edit that cannot be written is not made. */
static void
test_write_failure (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gloss-registry-XXXXXX", NULL);
  g_autofree char *blocker = g_build_filename (dir, "not-a-folder", NULL);
  g_autofree char *path = g_build_filename (blocker, "entities.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossRegistry) registry = gloss_registry_new (file);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (blocker, "x", 1, NULL));
  g_assert_null (gloss_registry_add (registry, "PER", "Kim", NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_registry_get_entities (registry)), ==, 0);
  g_assert_false (gloss_registry_can_undo (registry));
}

static void
test_bad_files (void)
{
  static const char * const cases[] = {
    "{\"format\": \"gloss\"}",
    "{\"format\": \"gloss-entities\", \"version\": 9}",
    "{\"format\": \"gloss-entities\", \"entities\": [{\"id\": \"a\"}]}",
    "{\"format\": \"gloss-entities\", \"entities\": [{\"id\": \"a\", \"type\": \"PER\", \"name\": \"A\", \"aliases\": [1]}]}",
    "{\"format\": \"gloss-entities\", \"entities\": [{\"id\": \"a\", \"type\": \"PER\", \"name\": \"A\"}, {\"id\": \"a\", \"type\": \"PER\", \"name\": \"B\"}]}",
    "{\"format\": \"gloss-entities\", \"merged\": {\"a\": 1}}",
    "{\"format\": \"gloss-entities\", \"entities\": {}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = temp_file ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossRegistry) registry = NULL;

      g_assert_true (g_file_replace_contents (file, cases[i], strlen (cases[i]), NULL, FALSE, 0, NULL, NULL, NULL));
      registry = gloss_registry_load (file, &error);
      g_assert_null (registry);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "entities.json"));
    }
}

static GlossMention *
add_mention (GlossStore *store,
             guint       start,
             guint       end,
             GlossEntity *entity)
{
  GlossSpan span = { start, end };
  g_autoptr(GlossMention) m = gloss_mention_new ("PER", &span, 1);

  gloss_mention_set_entity (m, entity);
  g_assert_true (gloss_store_add (store, GLOSS_ANNOTATION (m), NULL));
  return m;
}

/* A document catches up with renames and merges made elsewhere, in one
 * undoable step. */
static void
test_apply (void)
{
  g_autoptr(GlossRegistry) registry = gloss_registry_new (NULL);
  g_autoptr(GlossDocument) document = gloss_document_new_from_text ("Kim met Kim Jong Un.", -1, "a.txt", NULL);
  g_autoptr(GlossStore) store = gloss_store_new (document, NULL);
  g_autoptr(GlossEntity) short_kim = NULL;
  g_autoptr(GlossEntity) long_kim = NULL;
  GlossRegistryEntity *r;
  GlossMention *first;
  GlossEntity *linked;

  r = gloss_registry_add (registry, "PER", "Kim", NULL, NULL);
  short_kim = gloss_registry_make_entity (registry, r);
  g_assert_cmpstr (gloss_annotation_get_id (GLOSS_ANNOTATION (short_kim)), ==, "PER-kim");
  g_assert_true (gloss_store_add (store, GLOSS_ANNOTATION (short_kim), NULL));
  r = gloss_registry_add (registry, "PER", "Kim Jong Un", NULL, NULL);
  long_kim = gloss_registry_make_entity (registry, r);
  g_assert_true (gloss_store_add (store, GLOSS_ANNOTATION (long_kim), NULL));
  first = add_mention (store, 0, 3, short_kim);
  add_mention (store, 8, 19, long_kim);
  gloss_store_clear_history (store);

  g_assert_false (gloss_registry_apply (registry, store));

  g_assert_true (gloss_registry_set_kb (registry, "PER-kim-jong-un", "wikidata:Q56226", NULL));
  g_assert_true (gloss_registry_merge (registry, "PER-kim-jong-un", "PER-kim", NULL));
  g_assert_true (gloss_registry_apply (registry, store));

  g_assert_null (gloss_store_lookup (store, "PER-kim"));
  linked = GLOSS_ENTITY (gloss_store_lookup (store, "PER-kim-jong-un"));
  g_assert_cmpstr (gloss_entity_get_kb (linked), ==, "wikidata:Q56226");
  g_assert_cmpuint (gloss_entity_get_n_mentions (linked), ==, 2);
  g_assert_false (gloss_registry_apply (registry, store));

  g_assert_true (gloss_store_undo (store));
  g_assert_false (gloss_store_can_undo (store));
  g_assert_nonnull (gloss_store_lookup (store, "PER-kim"));
  g_assert_true (gloss_mention_get_entity (GLOSS_MENTION (gloss_store_lookup (store, gloss_annotation_get_id (GLOSS_ANNOTATION (first)))))
                 == GLOSS_ENTITY (gloss_store_lookup (store, "PER-kim")));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/registry/edits", test_edits);
  g_test_add_func ("/core/registry/symbol-names", test_symbol_names);
  g_test_add_func ("/core/registry/write-failure", test_write_failure);
  g_test_add_func ("/core/registry/bad-files", test_bad_files);
  g_test_add_func ("/core/registry/apply", test_apply);

  return g_test_run ();
}
