/* test-loading.c: a large document's text shows before its annotations
 * (issue 7, item 13)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window opens a .gloss of 660 KB with thousands of mentions. The
 * worker is held once it has handed the text on (GLOSS_TEST_HOLD_ANNOTATIONS),
 * so the test acts, through real clicks and keys, while the annotations
 * are loading for as long as it needs: the text is there, a key that
 * would tag does nothing, and the view says why. Once they are in, the
 * same keys tag; undo and save are exact.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "gloss-annotation-list-page.h"
#include "gloss-entity-list.h"
#include "gloss-format-native.h"
#include "ui-test-utils.h"

static GlossApplication *app;

/* The sample article a hundred times, every "Putin" a mention of one
 * entity and every "Russia" one of another. */
static GlossStore *
big_store (void)
{
  g_autoptr(GlossStore) sample = new_sample_store ();
  const char *text = gloss_document_get_text (gloss_store_get_document (sample));
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossEntity) putin = gloss_entity_new ("PER", "Vladimir Putin");
  g_autoptr(GlossEntity) russia = gloss_entity_new ("GPE", "Russia");
  g_autoptr(GError) error = NULL;
  GlossStore *store;

  for (guint i = 0; i < 100; i++)
    {
      g_string_append (big, text);
      g_string_append (big, "\n");
    }
  document = gloss_document_new_from_text (big->str, big->len, "big.txt", &error);
  g_assert_no_error (error);
  store = gloss_store_new (document, NULL);
  g_assert_true (gloss_store_load_add (store, GLOSS_ANNOTATION (putin), &error));
  g_assert_true (gloss_store_load_add (store, GLOSS_ANNOTATION (russia), &error));
  for (guint k = 0; k < 2; k++)
    {
      const char *word = k == 0 ? "Putin" : "Russia";

      for (const char *p = strstr (big->str, word); p != NULL; p = strstr (p + 1, word))
        {
          guint start = gloss_document_byte_to_cp (document, p - big->str);
          GlossSpan span = { start, text_end (word, start) };
          g_autoptr(GlossMention) mention = gloss_mention_new (k == 0 ? "PER" : "GPE", &span, 1);

          gloss_mention_set_entity (mention, k == 0 ? putin : russia);
          g_assert_true (gloss_store_load_add (store, GLOSS_ANNOTATION (mention), &error));
        }
    }
  g_assert_no_error (error);
  return store;
}

static gboolean
text_pending (gpointer data)
{
  GlossWindow *window = data;
  GlossAnnotationView *view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));

  return gloss_annotation_view_get_pending (view) != NULL &&
         gtk_widget_get_mapped (GTK_WIDGET (view)) &&
         gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view))) > 0;
}

static gboolean
annotations_in (gpointer data)
{
  GlossWindow *window = data;

  return gloss_window_has_document (window) &&
         gloss_annotation_view_get_pending (GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window))) == NULL;
}

typedef struct
{
  GlossWindow *window;
  guint        start;
  guint        end;
} SelectionIs;

/* The view's selection, in code points: also while the annotations load. */
static gboolean
selection_is (gpointer data)
{
  SelectionIs *s = data;
  guint start, end;

  return gloss_annotation_view_get_text_selection (GLOSS_ANNOTATION_VIEW (gloss_window_get_view (s->window)),
                                                   &start, &end) &&
         start == s->start && end == s->end;
}

static gboolean
mention_added (gpointer data)
{
  GlossWindow *window = data;
  GlossAnnotation *selected = gloss_annotation_view_get_selected (GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window)));

  return selected != NULL && GLOSS_IS_MENTION (selected);
}

static GBytes *
file_bytes (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

static gboolean
file_changed (gpointer data)
{
  GFile *file = data;
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  const char *etag = g_object_get_data (G_OBJECT (file), "etag");

  return info != NULL && g_strcmp0 (g_file_info_get_etag (info), etag) != 0;
}

static void
remember_etag (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL, NULL);

  g_object_set_data_full (G_OBJECT (file), "etag", g_strdup (g_file_info_get_etag (info)), g_free);
}

/* @store written to big.gloss in @lived_in's folder, and a window that
 * opens it with the annotations held until @release exists: returned
 * once the text shows. */
static GlossWindow *
open_held (UiLivedIn   *lived_in,
           GlossStore  *store,
           GFile      **file,
           char       **release)
{
  g_autofree char *path = g_build_filename (lived_in->dir, "big.gloss", NULL);
  g_autoptr(GError) error = NULL;
  GlossWindow *window;

  *release = g_build_filename (lived_in->dir, "release", NULL);
  *file = g_file_new_for_path (path);
  g_assert_true (gloss_native_write_file (store, *file, &error));
  g_assert_no_error (error);

  g_setenv ("GLOSS_TEST_HOLD_ANNOTATIONS", *release, TRUE);
  window = gloss_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 640);
  ui_present_focused (GTK_WINDOW (window));
  gloss_window_load_file (window, *file);
  g_assert_true (ui_wait_until (text_pending, window, UI_TEST_TIMEOUT_MS));
  g_assert_false (gloss_window_has_document (window));
  return window;
}

static void
release_annotations (GlossWindow *window,
                     const char  *release)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (release, "", 0, &error));
  g_assert_true (ui_wait_until (annotations_in, window, UI_TEST_TIMEOUT_MS));
  g_unsetenv ("GLOSS_TEST_HOLD_ANNOTATIONS");
}

static void
tag_while_loading (UiLivedIn *lived_in)
{
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GlossStore) reread = NULL;
  g_autofree char *release = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GlossAnnotationView *view;
  GlossAnnotation *tagged;
  GlossWindow *window;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  SelectionIs vostochny;
  guint n, word;

  store = big_store ();
  n = gloss_store_get_n_items (store, GLOSS_KIND_MENTION);
  g_assert_cmpuint (n, >, 3000);
  word = find_text (store, "Vostochny", 0);

  /* The text, before the annotations, with the reason it is read-only. */
  window = open_held (lived_in, store, &file, &release);
  original = file_bytes (file);
  view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_assert_true (ui_find_label (GTK_WIDGET (view), "Loading annotations…") != NULL);
  vostochny.window = window;
  vostochny.start = word;
  vostochny.end = text_end ("Vostochny", word);
  ui_click_text (view, word + 2, 2);
  g_assert_true (ui_wait_until (selection_is, &vostochny, UI_TEST_TIMEOUT_MS));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  before = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  ui_key (GTK_WIDGET (window), "1");
  ui_key (GTK_WIDGET (window), "Delete");
  iterate ();
  /* Nothing was tagged or deleted, and the view still says why. */
  g_assert_false (gloss_window_has_document (window));
  g_assert_null (gloss_window_get_store (window));
  g_assert_nonnull (gloss_annotation_view_get_pending (view));
  g_assert_true (ui_find_label (GTK_WIDGET (view), "Loading annotations…") != NULL);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  after = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (before, ==, after);

  /* The annotations come in under the same text. */
  release_annotations (window, release);
  g_assert_cmpuint (n_mentions (window), ==, n);
  g_assert_null (ui_find_label (GTK_WIDGET (view), "Loading annotations…"));
  g_assert_true (selection_is (&vostochny));

  /* Now the same key tags, and undo takes it back. */
  ui_key (GTK_WIDGET (window), "1");
  g_assert_true (ui_wait_until (mention_added, window, UI_TEST_TIMEOUT_MS));
  g_assert_cmpuint (n_mentions (window), ==, n + 1);
  tagged = gloss_annotation_view_get_selected (view);
  g_assert_cmpuint (gloss_annotation_get_start (tagged), ==, word);
  {
    g_autofree char *text = span_text (gloss_window_get_store (window), tagged, GLOSS_ROLE_CONTENT, 0);

    g_assert_cmpstr (text, ==, "Vostochny");
  }
  ui_key (GTK_WIDGET (window), "<Control>z");
  g_assert_cmpuint (n_mentions (window), ==, n);

  /* Saved after the undo: the same bytes as before. */
  remember_etag (file);
  ui_key (GTK_WIDGET (window), "<Control>s");
  g_assert_true (ui_wait_until (file_changed, file, UI_TEST_TIMEOUT_MS) || !gloss_window_get_modified (window));
  saved = file_bytes (file);
  g_assert_true (g_bytes_equal (saved, original));

  /* Tagged again and saved: the file holds the mention, exactly. */
  gloss_annotation_view_select_range (view, word, word + 9);
  ui_key (GTK_WIDGET (window), "1");
  g_assert_cmpuint (n_mentions (window), ==, n + 1);
  remember_etag (file);
  ui_key (GTK_WIDGET (window), "<Control>s");
  g_assert_true (ui_wait_until (file_changed, file, UI_TEST_TIMEOUT_MS));
  reread = gloss_native_read_file (file, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_store_equal (reread, gloss_window_get_store (window)));
  g_assert_cmpuint (gloss_store_get_n_items (reread, GLOSS_KIND_MENTION), ==, n + 1);

  ui_window_destroy (GTK_WINDOW (window));
  g_unlink (release);
  g_file_delete (file, NULL, NULL);
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelShown;

static gboolean
label_shown (gpointer data)
{
  LabelShown *shown = data;

  return ui_find_label (shown->root, shown->text) != NULL;
}

/* While the annotations load, the sidebar's pages say so, not "No
 * Entities Yet" (which would tell the analyst the file has none); once
 * they are in, the real lists show. */
static void
sidebar_while_loading (UiLivedIn *lived_in)
{
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *release = NULL;
  GtkWidget *entities, *claims;
  GtkWidget *count;
  GlossWindow *window;
  LabelShown shown;

  store = big_store ();
  /* Enough entities that the list fills after the annotations' frame. */
  for (guint i = 0; i < 600; i++)
    {
      g_autofree char *name = g_strdup_printf ("Official %03u", i);
      g_autoptr(GlossEntity) official = gloss_entity_new ("PER", name);

      g_assert_true (gloss_store_load_add (store, GLOSS_ANNOTATION (official), NULL));
    }
  window = open_held (lived_in, store, &file, &release);
  entities = find_widget (GTK_WIDGET (window), GLOSS_TYPE_ENTITY_LIST, NULL);
  claims = find_widget (GTK_WIDGET (window), GLOSS_TYPE_ANNOTATION_LIST_PAGE, NULL);
  g_assert_nonnull (entities);
  g_assert_nonnull (claims);
  g_assert_cmpint (gloss_annotation_list_page_get_kind (GLOSS_ANNOTATION_LIST_PAGE (claims)), ==, GLOSS_LIST_CLAIMS);

  /* Entities: loading, no empty state, no count, no filtering yet. */
  shown.root = entities;
  shown.text = "Loading Annotations…";
  g_assert_true (ui_wait_until (label_shown, &shown, UI_TEST_TIMEOUT_MS));
  g_assert_null (ui_find_label (entities, "No Entities Yet"));
  g_assert_null (ui_find_label (entities, "0"));
  g_assert_false (gtk_widget_get_mapped (find_widget (entities, GTK_TYPE_LIST_VIEW, NULL)));
  g_assert_false (gtk_widget_is_sensitive (find_widget (entities, GTK_TYPE_SEARCH_ENTRY, NULL)));

  /* Claims, through a click on the switcher: the same. */
  ui_show_sidebar_page (window, "Claims");
  shown.root = claims;
  g_assert_true (ui_wait_until (label_shown, &shown, UI_TEST_TIMEOUT_MS));
  g_assert_null (ui_find_label (claims, "No Claims Yet"));
  g_assert_false (gtk_widget_is_sensitive (find_widget (claims, GTK_TYPE_SEARCH_ENTRY, NULL)));

  /* In: the claims page has none (its real empty state) and the entities
   * page lists them (the first, by name, of the persons), with their count. */
  release_annotations (window, release);
  g_assert_null (ui_find_label (claims, "Loading Annotations…"));
  shown.text = "No Claims Yet";
  g_assert_true (ui_wait_until (label_shown, &shown, UI_TEST_TIMEOUT_MS));
  g_assert_true (gtk_widget_is_sensitive (find_widget (claims, GTK_TYPE_SEARCH_ENTRY, NULL)));
  ui_show_sidebar_page (window, "Entities");
  shown.root = entities;
  shown.text = "Official 000";
  g_assert_true (ui_wait_until (label_shown, &shown, UI_TEST_TIMEOUT_MS));
  g_assert_null (ui_find_label (entities, "Loading Annotations…"));
  g_assert_null (ui_find_label (entities, "No Entities Yet"));
  count = ui_find_label (entities, "602");
  g_assert_nonnull (count);
  g_assert_true (gtk_widget_is_sensitive (find_widget (entities, GTK_TYPE_SEARCH_ENTRY, NULL)));

  ui_window_destroy (GTK_WINDOW (window));
  g_unlink (release);
  g_file_delete (file, NULL, NULL);
}

/* One lived-in session for both (the recent manager keeps the files of
 * the first test that uses it, so one test per program). */
static void
test_loading (void)
{
  g_autoptr(UiLivedIn) lived_in = NULL;

  if (!ui_test_require_input ())
    return;

  lived_in = ui_lived_in_new ();
  tag_while_loading (lived_in);
  sidebar_while_loading (lived_in);
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/loading/tag-and-sidebar-while-loading", test_loading);
}

int
main (int   argc,
      char *argv[])
{
  return ui_test_main (&argc, &argv, &app, add_tests);
}
