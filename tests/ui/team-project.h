/* team-project.h: a project of the sample article annotated by two people
 * who disagree three times, for test-team.c and team-screenshots.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * @mine keeps the sample as it is; Ben left out "ballistic missiles",
 * made the first "Wednesday" an event and tagged "Kamchatka".
 */
#pragma once

#include "gloss-edits.h"
#include "gloss-format-native.h"
#include "gloss-project.h"

/* The annotated sample, as "Open Sample Article" shows it. */
static GlossStore *
team_annotated_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("GLOSS_SAMPLES_DIR"), "kim-putin-vostochny.gloss", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossStore *store = gloss_native_read_file (file, &error);

  g_assert_no_error (error);
  return store;
}

static guint
team_find (GlossStore *store,
           const char *needle)
{
  const char *text = gloss_document_get_text (gloss_store_get_document (store));
  const char *p = strstr (text, needle);

  g_assert_nonnull (p);
  return gloss_document_byte_to_cp (gloss_store_get_document (store), p - text);
}

static GlossMention *
team_mention_at (GlossStore *store,
                 const char *text)
{
  guint start = team_find (store, text);
  GlossMention *mention = gloss_edit_find_mention (store, start, start + g_utf8_strlen (text, -1), NULL);

  g_assert_nonnull (mention);
  return mention;
}

/* Ben's version: three disagreements with the sample. */
static void
team_disagree (GlossStore *store)
{
  g_autoptr(GError) error = NULL;
  guint start;

  g_assert_true (gloss_store_remove (store, GLOSS_ANNOTATION (team_mention_at (store, "ballistic missiles")), &error));
  g_assert_true (gloss_edit_retype (store, team_mention_at (store, "Wednesday"), "EVT", &error));
  start = team_find (store, "Kamchatka");
  g_assert_nonnull (gloss_edit_tag (store, "LOC", start, start + 9, &error));
  g_assert_no_error (error);
}

/* FOLDER/team with the sample done by @mine and in progress by Ben.
 * Returns: (transfer full): the sample's project document */
static GlossProjectDocument *
team_make_project (GFile      *folder,
                   const char *mine)
{
  g_autoptr(GlossProject) project = gloss_project_new (folder, "Summit", NULL, mine);
  g_autoptr(GlossProject) ben = NULL;
  g_autoptr(GlossStore) sample = team_annotated_sample ();
  g_autoptr(GlossStore) other = team_annotated_sample ();
  g_autoptr(GError) error = NULL;
  GlossProjectDocument *document;

  document = gloss_project_add_store (project, sample, "kim-putin-vostochny.txt", &error);
  g_assert_no_error (error);
  g_assert_true (gloss_project_save_document (project, document, sample, &error));
  gloss_project_document_set_status (document, GLOSS_PROGRESS_DONE);
  g_assert_true (gloss_project_save (project, &error));

  ben = gloss_project_load (folder, "Ben", &error);
  g_assert_no_error (error);
  team_disagree (other);
  g_assert_true (gloss_project_save_document (ben, gloss_project_lookup (ben, gloss_project_document_get_id (document)),
                                              other, &error));
  g_assert_true (gloss_project_save (ben, &error));
  g_assert_no_error (error);
  return g_object_ref (document);
}
