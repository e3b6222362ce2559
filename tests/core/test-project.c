/* test-project.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-error.h"
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

static void
test_create_and_reload (void)
{
  g_autoptr(GFile) folder = temp_folder ();
  g_autoptr(GFile) article = sample_file ();
  g_autoptr(GlossProject) project = gloss_project_new (folder, "Vostochny summit", NULL);
  g_autoptr(GlossProject) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  GlossProjectDocument *first, *second, *found;

  first = gloss_project_add_text_file (project, article, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_project_document_get_path (first), ==, "documents/kim-putin-vostochny.gloss");
  second = gloss_project_add_text_file (project, article, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_project_document_get_path (second), ==, "documents/kim-putin-vostochny-2.gloss");
  g_assert_true (g_str_has_prefix (gloss_project_document_get_title (first), "North Korea’s Kim"));

  gloss_project_document_set_status (first, GLOSS_PROGRESS_IN_PROGRESS);
  gloss_project_document_set_annotator (first, "ana");
  gloss_project_document_set_status (second, GLOSS_PROGRESS_DONE);
  g_assert_true (gloss_project_save (project, &error));
  g_assert_no_error (error);

  again = gloss_project_load (folder, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_project_get_name (again), ==, "Vostochny summit");
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_documents (again)), ==, 2);
  found = gloss_project_lookup (again, "documents/kim-putin-vostochny.gloss");
  g_assert_nonnull (found);
  g_assert_cmpint (gloss_project_document_get_status (found), ==, GLOSS_PROGRESS_IN_PROGRESS);
  g_assert_cmpstr (gloss_project_document_get_annotator (found), ==, "ana");
  g_assert_nonnull (gloss_schema_lookup (gloss_project_get_schema (again), GLOSS_LABEL_ENTITY, "EQP"));

  store = gloss_project_open_document (again, found, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_document_slice_equals (gloss_store_get_document (store), 224, 235, "Kim Jong Un", -1));

  file = g_file_get_child (folder, "project.json");
  g_clear_object (&again);
  again = gloss_project_load (file, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_project_remove (again, gloss_project_lookup (again, "documents/kim-putin-vostochny-2.gloss")));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_documents (again)), ==, 1);
}

static GlossProject *
load_text (const char  *json,
           GError     **error)
{
  g_autoptr(GFile) folder = temp_folder ();
  g_autoptr(GFile) file = g_file_get_child (folder, "project.json");

  g_file_make_directory_with_parents (folder, NULL, NULL);
  g_assert_true (g_file_replace_contents (file, json, strlen (json), NULL, FALSE, 0, NULL, NULL, NULL));
  return gloss_project_load (folder, error);
}

static void
test_bad_projects (void)
{
  static const struct { const char *json; int code; const char *needle; } cases[] = {
    { "{", GLOSS_FORMAT_ERROR_SYNTAX, "project.json" },
    { "{\"format\": \"gloss\", \"version\": 1}", GLOSS_FORMAT_ERROR_INVALID, "not a Gloss project" },
    { "{\"format\": \"gloss-project\", \"version\": 9}", GLOSS_FORMAT_ERROR_VERSION, "newer version of Gloss" },
    { "{\"format\": \"gloss-project\"}", GLOSS_FORMAT_ERROR_INVALID, "version" },
    { "{\"format\": \"gloss-project\", \"version\": 1, \"documents\": [{\"path\": \"../x.gloss\"}]}",
      GLOSS_FORMAT_ERROR_INVALID, "documents[0].path" },
    { "{\"format\": \"gloss-project\", \"version\": 1, \"documents\": [{\"path\": \"/etc/passwd\"}]}",
      GLOSS_FORMAT_ERROR_INVALID, "inside the project folder" },
    { "{\"format\": \"gloss-project\", \"version\": 1, \"documents\": [{\"path\": \"a.gloss\"}, {\"path\": \"a.gloss\"}]}",
      GLOSS_FORMAT_ERROR_INVALID, "listed twice" },
    { "{\"format\": \"gloss-project\", \"version\": 1, \"documents\": [{\"path\": \"a.gloss\", \"status\": \"maybe\"}]}",
      GLOSS_FORMAT_ERROR_INVALID, "documents[0].status" },
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
               " \"documents\": [{\"path\": \"documents/a.gloss\", \"x-due\": \"friday\"}]}", &error);
  g_autoptr(GlossProject) again = NULL;
  GlossProjectDocument *doc;

  g_assert_no_error (error);
  g_assert_true (gloss_project_save (project, &error));
  again = gloss_project_load (gloss_project_get_folder (project), &error);
  g_assert_no_error (error);
  doc = gloss_project_lookup (again, "documents/a.gloss");
  g_assert_cmpint (gloss_project_document_get_status (doc), ==, GLOSS_PROGRESS_TODO);
  g_assert_cmpstr (json_object_get_string_member (gloss_project_document_get_extra (doc), "x-due"), ==, "friday");
}

static void
test_missing (void)
{
  g_autoptr(GFile) folder = g_file_new_for_path ("/nonexistent/gloss-project");
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossProject) project = gloss_project_load (folder, &error);
  GlossProgress progress;

  g_assert_null (project);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO);
  g_assert_true (gloss_progress_from_string ("in-progress", &progress));
  g_assert_cmpint (progress, ==, GLOSS_PROGRESS_IN_PROGRESS);
  g_assert_cmpstr (gloss_progress_to_string (GLOSS_PROGRESS_DONE), ==, "done");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/project/create-and-reload", test_create_and_reload);
  g_test_add_func ("/core/project/bad-projects", test_bad_projects);
  g_test_add_func ("/core/project/unknown-members-kept", test_unknown_members_kept);
  g_test_add_func ("/core/project/missing", test_missing);

  return g_test_run ();
}
