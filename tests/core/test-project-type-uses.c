/* test-project-type-uses.c: removing a type of a project's schema while
 * other documents of the project use it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-edits.h"
#include "gloss-error.h"
#include "gloss-format-native.h"
#include "gloss-project.h"
#include "gloss-project-type-uses.h"
#include "gloss-schema-edits.h"

static const char * const texts[] = {
  "Kim met Putin at Vostochny.",
  "The summit at Vostochny ended early.",
  "Putin left the summit on Thursday.",
};
static const char * const names[] = { "first.txt", "second.txt", "third.txt" };

static GFile *
temp_folder (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gloss-type-uses-XXXXXX", NULL);
  g_autofree char *sub = g_build_filename (dir, "summit", NULL);

  return g_file_new_for_path (sub);
}

/* Tags @text in article @i with the project's type @type as @annotator,
 * and saves it through the project. */
static void
tag_as (GFile      *folder,
        const char *annotator,
        guint       i,
        const char *type,
        const char *text)
{
  g_autoptr(GlossProject) project = gloss_project_load (folder, annotator, NULL);
  g_autofree char *id = g_strndup (names[i], strlen (names[i]) - strlen (".txt"));
  GlossProjectDocument *document = gloss_project_lookup (project, id);
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *at = strstr (texts[i], text);
  guint start;

  g_assert_nonnull (document);
  g_assert_nonnull (at);
  store = gloss_project_open_document (project, document, &error);
  g_assert_no_error (error);
  start = g_utf8_pointer_to_offset (texts[i], at);
  g_assert_nonnull (gloss_edit_tag (store, type, start, start + g_utf8_strlen (text, -1), &error));
  g_assert_no_error (error);
  g_assert_true (gloss_project_save_document (project, document, store, &error));
  g_assert_no_error (error);
}

/* Three articles; the project's schema has an entity type EVENT which
 * Ana used in "second" and Ben in "third", none in "first". */
static void
make_project (GFile *folder)
{
  g_autoptr(GlossSchema) schema = gloss_schema_new_default ();
  g_autoptr(GlossLabel) event = gloss_label_new (GLOSS_LABEL_ENTITY, "EVENT", "Event", "#f6d32d");
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_schema_add (schema, event, -1, NULL));
  project = gloss_project_new (folder, "Summit", schema, "Ana");
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GlossDocument) text = gloss_document_new_from_text (texts[i], -1, names[i], NULL);
      g_autoptr(GlossStore) source = gloss_store_new (text, NULL);

      g_assert_nonnull (gloss_project_add_store (project, source, names[i], &error));
      g_assert_no_error (error);
    }
  g_assert_true (gloss_project_save (project, &error));
  g_assert_no_error (error);
  tag_as (folder, "Ana", 1, "EVENT", "summit");
  tag_as (folder, "Ben", 2, "EVENT", "summit");
}

static GlossProject *
load (GFile      *folder,
      const char *annotator)
{
  g_autoptr(GError) error = NULL;
  GlossProject *project = gloss_project_load (folder, annotator, &error);

  g_assert_no_error (error);
  return project;
}

static GlossStore *
open_document (GlossProject *project,
               const char   *id)
{
  g_autoptr(GError) error = NULL;
  GlossStore *store = gloss_project_open_document (project, gloss_project_lookup (project, id), &error);

  g_assert_no_error (error);
  return store;
}

/* The uses of @label counted over @project, @id's document shown as
 * @store (or none), are @n_annotations in @n_documents. */
static void
assert_uses (GlossProject *project,
             GlossLabel   *label,
             const char   *id,
             GlossStore   *store,
             guint         n_annotations,
             guint         n_documents)
{
  g_autoptr(GError) error = NULL;
  GlossTypeUses uses = { G_MAXUINT, G_MAXUINT };

  g_assert_true (gloss_project_count_type_uses (project, label, id != NULL ? gloss_project_lookup (project, id) : NULL,
                                                store, &uses, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (uses.n_annotations, ==, n_annotations);
  g_assert_cmpuint (uses.n_documents, ==, n_documents);
}

/* What Preferences did: the open document ("first") does not use EVENT,
 * so its removal went through and the window wrote the project's schema
 * without it, while Ana's "second" and Ben's "third" tag with it. (The
 * other files kept EVENT in their own copy of the schema, so they still
 * opened with their annotations; it came back into the project with the
 * next schema edit made in either.) Now the project is asked first. */
static void
test_remove_used_elsewhere (void)
{
  g_autoptr(GFile) folder = temp_folder ();
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GlossStore) first = NULL;
  g_autoptr(GError) error = NULL;
  GlossLabel *event;

  make_project (folder);
  project = load (folder, "Ana");
  first = open_document (project, "first");
  event = gloss_schema_lookup (gloss_store_get_schema (first), GLOSS_LABEL_ENTITY, "EVENT");
  g_assert_nonnull (event);
  g_assert_cmpuint (gloss_schema_edit_count_uses (first, event), ==, 0);

  /* Ana's mention and entity, Ben's mention and entity. */
  assert_uses (project, event, "first", first, 4, 2);

  g_assert_false (gloss_schema_edit_remove_project_type (first, event, 4, 2, &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_IN_USE);
  g_assert_cmpstr (error->message, ==,
                   "“Event” is used by 4 annotations in 2 documents of the project; change or delete them first");
  g_clear_error (&error);
  g_assert_true (gloss_schema_lookup (gloss_store_get_schema (first), GLOSS_LABEL_ENTITY, "EVENT") == event);

  /* A type no document uses goes. */
  {
    GlossLabel *quantity = gloss_schema_lookup (gloss_store_get_schema (first), GLOSS_LABEL_ENTITY, "QTY");

    assert_uses (project, quantity, NULL, NULL, 0, 0);
    g_assert_true (gloss_schema_edit_remove_project_type (first, quantity, 0, 0, &error));
    g_assert_no_error (error);
    g_assert_null (gloss_schema_lookup (gloss_store_get_schema (first), GLOSS_LABEL_ENTITY, "QTY"));
  }
}

/* The open version counts instead of the annotator's file: a mention
 * deleted in it and not saved yet is gone; one only in it counts. The
 * source counts as well (whoever opens the document first gets it). */
static void
test_open_version (void)
{
  g_autoptr(GFile) folder = temp_folder ();
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GlossStore) second = NULL;
  g_autoptr(GlossStore) first = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *mentions;
  GlossLabel *event;

  make_project (folder);
  project = load (folder, "Ana");
  second = open_document (project, "second");
  event = gloss_schema_lookup (gloss_store_get_schema (second), GLOSS_LABEL_ENTITY, "EVENT");
  mentions = gloss_store_get_list (second, GLOSS_KIND_MENTION);
  g_assert_cmpuint (g_list_model_get_n_items (mentions), ==, 1);
  {
    g_autoptr(GlossAnnotation) mention = g_list_model_get_item (mentions, 0);

    g_assert_true (gloss_edit_delete (second, mention, &error));
    g_assert_no_error (error);
  }
  assert_uses (project, event, "second", second, 2, 1);

  /* Tagged in the source of "first", which no one opened yet. */
  first = open_document (project, "first");
  g_assert_nonnull (gloss_edit_tag (first, "EVENT", 17, 26, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GFile) source = gloss_project_get_document_file (project, gloss_project_lookup (project, "first"),
                                                                GLOSS_PROJECT_SOURCE);

    g_assert_true (gloss_native_write_file (first, source, &error));
    g_assert_no_error (error);
  }
  assert_uses (project, event, "second", second, 4, 2);
}

static void
counted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GlossTypeUses *uses = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_project_count_type_uses_finish (GLOSS_PROJECT (source), result, uses, &error));
  g_assert_no_error (error);
}

/* Preferences counts in a worker: the same numbers. */
static void
test_async (void)
{
  g_autoptr(GFile) folder = temp_folder ();
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GlossStore) first = NULL;
  GlossTypeUses uses = { G_MAXUINT, G_MAXUINT };

  make_project (folder);
  project = load (folder, "Ben");
  first = open_document (project, "first");
  gloss_project_count_type_uses_async (project,
                                       gloss_schema_lookup (gloss_store_get_schema (first), GLOSS_LABEL_ENTITY, "EVENT"),
                                       gloss_project_lookup (project, "first"), first, NULL, counted_cb, &uses);
  while (uses.n_annotations == G_MAXUINT)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (uses.n_annotations, ==, 4);
  g_assert_cmpuint (uses.n_documents, ==, 2);
}

/* A file that cannot be read does not say the type is unused. */
static void
test_unreadable (void)
{
  g_autoptr(GFile) folder = temp_folder ();
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GlossTypeUses uses;

  make_project (folder);
  project = load (folder, "Ana");
  file = g_file_resolve_relative_path (folder, "documents/third/Ben.gloss");
  g_assert_true (g_file_replace_contents (file, "{\"format\": ", 11, NULL, FALSE, 0, NULL, NULL, &error));
  g_assert_false (gloss_project_count_type_uses (project,
                                                 gloss_schema_lookup (gloss_project_get_schema (project),
                                                                      GLOSS_LABEL_ENTITY, "EVENT"),
                                                 NULL, NULL, &uses, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Ben.gloss"));
}

/* Drops the type @id from the entity types of the .gloss file @path of
 * the project @folder, as another tool (or an older Gloss) may. */
static void
drop_from_schema (GFile      *folder,
                  const char *path,
                  const char *id)
{
  g_autoptr(GFile) file = g_file_resolve_relative_path (folder, path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  JsonObject *schema;
  JsonArray *types;
  gboolean dropped = FALSE;

  g_assert_true (json_parser_load_from_file (parser, g_file_peek_path (file), &error));
  schema = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "schema");
  types = json_object_get_array_member (schema, "entity_types");
  for (guint i = 0; i < json_array_get_length (types); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (types, i), "id"), id) == 0)
      {
        json_array_remove_element (types, i);
        dropped = TRUE;
        break;
      }
  g_assert_true (dropped);
  json_generator_set_root (generator, json_parser_get_root (parser));
  written = json_generator_to_data (generator, NULL);
  g_assert_true (g_file_replace_contents (file, written, strlen (written), NULL, FALSE, 0, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* A document whose annotations have a type neither its schema nor the
 * project's has still opens, every annotation kept, the type shown as
 * unknown; and is counted. */
static void
test_missing_type_opens (void)
{
  g_autoptr(GFile) folder = temp_folder ();
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GlossStore) second = NULL;
  GlossLabel *event;

  make_project (folder);
  drop_from_schema (folder, "project.json", "EVENT");
  drop_from_schema (folder, "documents/second/Ana.gloss", "EVENT");
  project = load (folder, "Ana");
  g_assert_null (gloss_schema_lookup (gloss_project_get_schema (project), GLOSS_LABEL_ENTITY, "EVENT"));

  second = open_document (project, "second");
  g_assert_cmpuint (gloss_store_get_n_items (second, GLOSS_KIND_MENTION), ==, 1);
  g_assert_cmpuint (gloss_store_get_n_items (second, GLOSS_KIND_ENTITY), ==, 1);
  event = gloss_schema_lookup (gloss_store_get_schema (second), GLOSS_LABEL_ENTITY, "EVENT");
  g_assert_nonnull (event);
  g_assert_true (gloss_label_get_unknown (event));
  assert_uses (project, event, NULL, NULL, 4, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/project-type-uses/remove-used-elsewhere", test_remove_used_elsewhere);
  g_test_add_func ("/core/project-type-uses/open-version", test_open_version);
  g_test_add_func ("/core/project-type-uses/async", test_async);
  g_test_add_func ("/core/project-type-uses/unreadable", test_unreadable);
  g_test_add_func ("/core/project-type-uses/missing-type-opens", test_missing_type_opens);

  return g_test_run ();
}
