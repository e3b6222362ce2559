/* gloss-project-tour.c: a project of five articles from New Project… to a
 * split dataset, all by keys and clicks in the window, with screenshots
 * (issue 11, done when)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sample article and four news releases of the re3d corpus (from
 * GLOSS_CORPORA_DIR, ../shared/corpora; the test skips without it), as a
 * folder of .txt files: New Project… on that folder, each article tagged by drags and
 * number keys, the suggestions of the last accepted with Shift+Return,
 * every document marked done with Ctrl+Return, then Export… (Ctrl+E) of
 * the done documents as a Gloss dataset split 80/10/10 by document.
 * With GLOSS_TOUR_SHOTS=DIR it screenshots the steps into DIR (the X
 * screen, which is the window's size); GLOSS_TOUR_SUFFIX names them.
 *
 * In the UI suite (skipped without the corpus), warnings fatal as in every
 * UI test; build-aux/project-screenshots.sh runs it for the screenshots.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <json-glib/json-glib.h>

#include "gloss-document-list.h"
#include "gloss-export-dialog.h"
#include "gloss-window.h"
#include "ui-test-utils.h"

static GlossApplication *app;

typedef struct
{
  const char *document;   /* its id in the project */
  const char *text;       /* tagged at its first occurrence */
  const char *key;
} Tag;

static const Tag tags[] = {
  { "baghdad-attacks", "Baghdad", "3" },
  { "baghdad-attacks", "Najaf", "3" },
  { "baghdad-attacks", "Da’esh", "2" },
  { "baghdad-attacks", "Iraq", "3" },
  { "ford-returns-to-syria", "Robert Ford", "1" },
  { "ford-returns-to-syria", "Syria", "3" },
  { "ford-returns-to-syria", "Washington", "3" },
  { "kim-putin-vostochny", "Kim Jong Un", "1" },
  { "kim-putin-vostochny", "Vladimir Putin", "1" },
  { "kim-putin-vostochny", "North Korea", "3" },
  { "kim-putin-vostochny", "Russia", "3" },
  { "kim-putin-vostochny", "Vostochny Cosmodrome", "5" },
  { "lavrov-meeting", "Sergey Lavrov", "1" },
  { "lavrov-meeting", "Aleppo", "3" },
  { "syrian-opposition-riyadh", "Riyadh", "3" },
  { "syrian-opposition-riyadh", "Saudi Arabia", "3" },
  { "syrian-opposition-riyadh", "Al-Jubeir", "1" },
};

static void
shoot (const char *name)
{
  const char *dir = g_getenv ("GLOSS_TOUR_SHOTS");
  const char *suffix = g_getenv ("GLOSS_TOUR_SUFFIX");
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *command = NULL;
  int status;

  if (dir == NULL)
    return;
  file = g_strdup_printf ("%s%s.png", name, suffix ? suffix : "");
  path = g_build_filename (dir, file, NULL);
  quoted = g_shell_quote (path);
  command = g_strdup_printf ("import -window root %s", quoted);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_test_message ("wrote %s", path);
}

/* A label's text as GTK shows it: the translation, without mnemonics. */
static char *
shown (const char *msgid)
{
  g_auto(GStrv) parts = g_strsplit (_(msgid), "_", -1);

  return g_strjoinv ("", parts);
}

static gboolean
label_shown (gpointer data)
{
  GtkWidget **args = data;
  GtkWidget *label = ui_find_label (args[0], (const char *) args[1]);

  return label != NULL && gtk_widget_get_width (label) > 0;
}

static void
click_label (GtkWidget  *root,
             const char *text)
{
  gpointer args[] = { root, (gpointer) text };

  if (!ui_wait_until (label_shown, args, UI_TEST_TIMEOUT_MS))
    g_error ("no “%s” shown in %s", text, G_OBJECT_TYPE_NAME (root));
  ui_click_center (ui_find_label (root, text));
}

static gboolean
chooser_gone (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

/* In the file chooser that shows next: into @folder, then @accept. */
static void
choose_folder (const char *folder,
               const char *accept)
{
  GtkWidget *chooser = g_object_ref (ui_wait_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), file, &error));
  g_assert_no_error (error);
  ui_wait_chooser_file (chooser, file);
  click_label (chooser, accept);
  g_assert_true (ui_wait_until (chooser_gone, chooser, UI_TEST_TIMEOUT_MS));
  g_object_unref (chooser);
}

/* The id of the project document shown: the name of its folder. */
static char *
shown_id (GlossWindow *window)
{
  GFile *file = gloss_window_get_file (window);
  g_autoptr(GFile) folder = file ? g_file_get_parent (file) : NULL;

  return folder != NULL && gloss_window_get_project (window) != NULL ? g_file_get_basename (folder) : g_strdup ("");
}

typedef struct
{
  GlossWindow *window;
  const char  *id;
  guint        n;
} Want;

static gboolean
shows (gpointer data)
{
  Want *want = data;
  g_autofree char *id = shown_id (want->window);

  return g_str_equal (id, want->id);
}

static gboolean
shows_another (gpointer data)
{
  Want *want = data;
  g_autofree char *id = shown_id (want->window);

  return !g_str_equal (id, want->id);
}

static gboolean
n_mentions_is (gpointer data)
{
  Want *want = data;

  return n_mentions (want->window) == want->n;
}

static gboolean
has_project (gpointer data)
{
  return gloss_window_get_project (data) != NULL;
}

static gboolean
has_suggestions (gpointer data)
{
  GArray *suggestions = gloss_window_get_suggestions (data);

  return suggestions != NULL && suggestions->len > 0;
}

static gboolean
no_suggestion_of_syria (gpointer data)
{
  GArray *suggestions = gloss_window_get_suggestions (data);

  for (guint i = 0; suggestions != NULL && i < suggestions->len; i++)
    if (g_strcmp0 (g_array_index (suggestions, GlossSuggestion, i).entity, "GPE-syria") == 0)
      return FALSE;
  return TRUE;
}

static void
tag_shown (GlossWindow *window)
{
  GlossAnnotationView *view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  g_autofree char *id = shown_id (window);

  for (gsize i = 0; i < G_N_ELEMENTS (tags); i++)
    {
      GlossStore *store = gloss_window_get_store (window);
      Want want = { window, id, n_mentions (window) + 1 };
      guint start;

      if (!g_str_equal (tags[i].document, id))
        continue;
      start = find_text (store, tags[i].text, 0);
      ui_drag_text (view, start, start + g_utf8_strlen (tags[i].text, -1));
      ui_key (GTK_WIDGET (window), tags[i].key);
      g_assert_true (ui_wait_until (n_mentions_is, &want, UI_TEST_TIMEOUT_MS));
    }
}

static gboolean
files_written (gpointer data)
{
  const char *dir = data;
  const char *parts[] = { "train.jsonl", "dev.jsonl", "test.jsonl" };

  for (gsize i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *path = g_build_filename (dir, parts[i], NULL);

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return FALSE;
    }
  return TRUE;
}

static guint
count_lines (const char *dir,
             const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  for (const char *p = contents; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

/* The sample and four re3d news releases, title and text, as articles. */
static void
write_articles (const char *documents,
                const char *corpus)
{
  static const struct { const char *id; const char *name; } chosen[] = {
    { "FAB032C0995F", "lavrov-meeting.txt" },
    { "1F9A1D68D165", "syrian-opposition-riyadh.txt" },
    { "340238F0CEF0", "ford-returns-to-syria.txt" },
    { "9DFBD0B60724", "baghdad-attacks.txt" },
  };
  g_autofree char *sample = g_build_filename (g_getenv ("GLOSS_SAMPLES_DIR"), "kim-putin-vostochny.txt", NULL);
  g_autofree char *sample_to = g_build_filename (corpus, "kim-putin-vostochny.txt", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint written = 0;

  g_assert_true (g_file_get_contents (sample, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (sample_to, contents, -1, NULL));
  g_clear_pointer (&contents, g_free);

  g_assert_true (g_file_get_contents (documents, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonNode) node = NULL;
      JsonObject *record;

      if (*lines[i] == '\0' || (node = json_from_string (lines[i], NULL)) == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        continue;
      record = json_node_get_object (node);
      for (gsize k = 0; k < G_N_ELEMENTS (chosen); k++)
        if (g_str_has_prefix (json_object_get_string_member_with_default (record, "_id", ""), chosen[k].id))
          {
            g_autofree char *path = g_build_filename (corpus, chosen[k].name, NULL);
            g_autofree char *text = g_strdup (json_object_get_string_member (record, "text"));
            g_autofree char *article = g_strdup_printf ("%s\n\n%s\n", json_object_get_string_member (record, "title"),
                                                        g_strstrip (text));

            g_assert_true (g_file_set_contents (path, article, -1, NULL));
            written++;
          }
    }
  g_assert_cmpuint (written, ==, G_N_ELEMENTS (chosen));
}

static void
test_tour (void)
{
  const char *corpora = g_getenv ("GLOSS_CORPORA_DIR");
  g_autofree char *documents = corpora ? g_build_filename (corpora, "re3d", "us-state-department",
                                                           "documents.json", NULL) : NULL;
  g_autoptr(UiLivedIn) lived_in = NULL;
  g_autofree char *corpus = NULL;
  g_autofree char *dataset = NULL;
  g_autofree char *make = shown ("_Make Project");
  g_autofree char *export_label = shown ("_Export");
  GtkWidget *dialog;
  GtkWidget *split_switch;
  GlossWindow *window;
  GlossProject *project;
  Want want;

  if (documents == NULL || !g_file_test (documents, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("no re3d corpus (GLOSS_CORPORA_DIR)");
      return;
    }
  if (!ui_test_require_input ())
    return;

  lived_in = ui_lived_in_new ();
  corpus = g_build_filename (lived_in->dir, "summit-corpus", NULL);
  dataset = g_build_filename (lived_in->dir, "dataset", NULL);
  g_assert_cmpint (g_mkdir (corpus, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (dataset, 0700), ==, 0);
  write_articles (documents, corpus);

  window = gloss_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  ui_present_focused (GTK_WINDOW (window));

  /* New Project… */
  ui_key (GTK_WIDGET (window), "<Control><Shift>n");
  choose_folder (corpus, make);
  g_assert_true (ui_wait_until (has_project, window, UI_TEST_TIMEOUT_MS));
  project = gloss_window_get_project (window);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_project_get_documents (project)), ==, 5);
  want = (Want) { window, "baghdad-attacks", 0 };
  g_assert_true (ui_wait_until (shows, &want, UI_TEST_TIMEOUT_MS));
  wait_for_allocation (gloss_window_get_view (window));
  ui_park_pointer (GTK_WIDGET (window));
  ui_wait_for_frame (GTK_WIDGET (window));
  shoot ("project-new");

  /* Each article: tagged, then Ctrl+Return (done, the next to do). */
  for (guint n = 0; n < 5; n++)
    {
      g_autofree char *id = shown_id (window);

      ui_present_focused (GTK_WINDOW (window));
      if (g_str_equal (id, "syrian-opposition-riyadh"))
        {
          GlossAnnotationView *view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
          GArray *suggestions;
          guint start = 0;

          /* "Syria", tagged in another article, is suggested everywhere
           * here: Shift+Return at one takes them all. */
          g_assert_true (ui_wait_until (has_suggestions, window, UI_TEST_TIMEOUT_MS));
          suggestions = gloss_window_get_suggestions (window);
          for (guint i = suggestions->len; i > 0; i--)
            if (g_strcmp0 (g_array_index (suggestions, GlossSuggestion, i - 1).entity, "GPE-syria") == 0)
              start = g_array_index (suggestions, GlossSuggestion, i - 1).start;
          g_assert_cmpuint (start, >, 0);
          ui_park_pointer (GTK_WIDGET (window));
          ui_wait_for_frame (GTK_WIDGET (window));
          shoot ("project-suggestions");
          ui_click_text (view, start + 2, 1);
          g_assert_true (ui_wait_focus (GTK_WINDOW (window), GTK_WIDGET (view)));
          ui_key (GTK_WIDGET (window), "<Shift>Return");
          g_assert_true (ui_wait_until (no_suggestion_of_syria, window, UI_TEST_TIMEOUT_MS));
        }
      tag_shown (window);
      ui_key (GTK_WIDGET (window), "<Control>Return");
      if (n < 4)
        {
          want = (Want) { window, id, 0 };
          g_assert_true (ui_wait_until (shows_another, &want, UI_TEST_TIMEOUT_MS));
        }
      {
        GlossProjectDocument *doc = gloss_project_lookup (project, id);

        g_assert_cmpint (gloss_project_document_get_status (doc), ==, GLOSS_PROGRESS_DONE);
      }
    }
  g_assert_true (wait_toast (GTK_WIDGET (window), _("Every document is done"), TRUE, UI_TEST_TIMEOUT_MS));
  /* Kim Jong Un is one entity of the project. */
  g_assert_nonnull (gloss_registry_lookup (gloss_project_get_registry (project, NULL), "PER-kim-jong-un"));

  /* The Documents page: every one done. */
  click_label (GTK_WIDGET (window), _("Documents"));
  ui_park_pointer (GTK_WIDGET (window));
  ui_wait_for_frame (GTK_WIDGET (window));
  shoot ("project-done");

  /* Export… of the done documents, split 80/10/10 by document. */
  ui_key (GTK_WIDGET (window), "<Control>e");
  dialog = ui_wait_toplevel (GLOSS_TYPE_EXPORT_DIALOG);
  split_switch = find_widget (find_widget (dialog, ADW_TYPE_EXPANDER_ROW, NULL), GTK_TYPE_SWITCH, NULL);
  g_assert_nonnull (split_switch);
  ui_click_center (split_switch);
  ui_park_pointer (dialog);
  ui_wait_for_frame (dialog);
  shoot ("project-export");
  ui_key (dialog, "<Control>Return");
  choose_folder (dataset, export_label);
  g_assert_true (ui_wait_until (files_written, dataset, UI_TEST_TIMEOUT_MS));
  /* Five documents, one a line, by document: 80/10/10 of five. */
  g_assert_cmpuint (count_lines (dataset, "train.jsonl") + count_lines (dataset, "dev.jsonl") +
                    count_lines (dataset, "test.jsonl"), ==, 5);
  ui_window_destroy (GTK_WINDOW (window));
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/project/tour", test_tour);
}

int
main (int   argc,
      char *argv[])
{
  /* The German screenshot: LANGUAGE=de with the build's translations. */
  if (g_getenv ("GLOSS_LOCALEDIR") != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GLOSS_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  return ui_test_main (&argc, &argv, &app, add_tests);
}
