/* test-open.c: opening files without blocking the window (issues 7 and 8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Files open the way a file manager or the command line opens them
 * (g_application_open), next to a window that already holds a document: the loading page shows while a worker thread parses, the
 * text goes in slices, very long paragraphs are shown in pieces with the
 * document's offsets unchanged, and a file over 50 MB asks first.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "gloss-application.h"
#include "gloss-annotation-view.h"
#include "gloss-format-native.h"
#include "gloss-text-feed.h"
#include "gloss-window.h"
#include "ui-test-utils.h"

static GlossApplication *app;

/* Curly quotes, an em dash, an emoji and CJK: code points and bytes differ. */
static const char * const words[] = {
  "Kim", "Jong", "Un", "met", "“Putin”", "at", "Vostochny", "—", "😀", "漢字", "said", "al-Qaida’s",
};

static GFile *
tmp_file (const char *name)
{
  g_autofree char *path = ui_test_path (name);

  return g_file_new_for_path (path);
}

/* A headline, then one paragraph of @n_words words on a single line. */
static char *
long_line_text (guint n_words)
{
  GString *s = g_string_new ("A Long Dispatch\n");

  for (guint i = 0; i < n_words; i++)
    {
      g_string_append (s, words[(i * 7 + i / 5) % G_N_ELEMENTS (words)]);
      g_string_append_c (s, ' ');
    }
  g_string_append (s, "end.\n");
  return g_string_free (s, FALSE);
}

/* A .gloss of @text with a mention on every tenth word. */
static GFile *
write_gloss (const char *name,
             const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = gloss_document_new_from_text (text, -1, name, &error);
  g_autoptr(GlossSchema) schema = gloss_schema_new_default ();
  g_autoptr(GlossStore) store = NULL;
  GFile *file = tmp_file (name);
  guint offset = 0, n = 0;
  const char *p;

  g_assert_no_error (error);
  store = gloss_store_new (document, schema);
  for (p = text; *p != '\0'; p = g_utf8_next_char (p), offset++)
    if (*p == ' ' && ++n % 10 == 0)
      {
        const char *q = p + 1;
        guint end = offset + 1;
        GlossSpan span;
        g_autoptr(GlossMention) mention = NULL;

        while (*q != ' ' && *q != '\n' && *q != '\0')
          {
            q = g_utf8_next_char (q);
            end++;
          }
        span = (GlossSpan) { offset + 1, end };
        mention = gloss_mention_new ("PER", &span, 1);
        g_assert_true (gloss_store_load_add (store, GLOSS_ANNOTATION (mention), &error));
        g_assert_no_error (error);
      }
  g_assert_true (gloss_native_write_file (store, file, &error));
  g_assert_no_error (error);
  return file;
}

static GlossWindow *
window_with_sample (void)
{
  GlossWindow *window = gloss_window_new (app);
  g_autoptr(GError) error = NULL;

  present_and_wait (GTK_WINDOW (window));
  g_assert_true (gloss_window_open_sample (window, &error));
  g_assert_no_error (error);
  return window;
}

static gboolean
opened (gpointer data)
{
  return !gloss_window_get_opening (data);
}

static void
wait_until_opened (GlossWindow *window)
{
  g_assert_true (ui_wait_until (opened, window, UI_TEST_TIMEOUT_MS));
}

static gboolean
loaded (gpointer data)
{
  return !gloss_annotation_view_get_loading (data);
}

static void
wait_until_loaded (GlossAnnotationView *view)
{
  g_assert_true (ui_wait_until (loaded, view, UI_TEST_TIMEOUT_MS));
}

static const char *
visible_page (GlossWindow *window)
{
  GtkStack *stack = ui_find_page_stack (GTK_WIDGET (window));

  g_assert_nonnull (stack);
  return gtk_stack_get_visible_child_name (stack);
}

/* The window the application opens @file in: the one reading it. */
static GlossWindow *
open_through_app (GFile *file)
{
  /* What g_application_open() does in the primary instance (the test's
   * application has no id, hence no HANDLES_OPEN to check). */
  g_signal_emit_by_name (app, "open", &file, 1, "");
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (GLOSS_IS_WINDOW (l->data) && gloss_window_get_opening (l->data))
      return l->data;
  g_assert_not_reached ();
}

/* The buffer holds the document's text, except for spaces turned into
 * newlines in paragraphs too long for Pango; returns how many. */
static guint
check_buffer_matches (GlossAnnotationView *view,
                      GlossDocument       *document)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;
  g_autofree char *shown = NULL;
  const char *a = gloss_document_get_text (document);
  const char *b;
  guint breaks = 0, piece = 0;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  g_assert_cmpuint (gtk_text_buffer_get_char_count (buffer), ==, gloss_document_get_length (document));
  g_assert_cmpuint (strlen (shown), ==, gloss_document_get_n_bytes (document));
  for (b = shown; *a != '\0'; a++, b++)
    {
      if (*a != *b)
        {
          g_assert_cmpint (*a, ==, ' ');
          g_assert_cmpint (*b, ==, '\n');
          breaks++;
        }
      if (*b == '\n')
        piece = 0;
      else if ((*b & 0xc0) != 0x80)
        piece++;
      /* A piece ends at the first space past the limit. */
      g_assert_cmpuint (piece, <=, GLOSS_TEXT_FEED_LONG_PARAGRAPH + 16);
    }
  return breaks;
}

static void
test_open_in_background (void)
{
  g_autofree char *text = long_line_text (60000);
  g_autoptr(GFile) file = write_gloss ("long-line.gloss", text);
  GlossWindow *window = window_with_sample ();
  GlossWindow *opened;
  GlossAnnotationView *view;
  GlossStore *store;
  GListModel *mentions;
  GtkTextBuffer *buffer;

  /* A window with a document: the file opens in a new one, which shows
   * the loading page while the worker parses. */
  opened = open_through_app (file);
  g_assert_true (opened != window);
  g_assert_true (gloss_window_get_opening (opened));
  g_assert_cmpstr (visible_page (opened), ==, "loading");
  g_assert_false (gloss_window_has_document (opened));

  wait_until_opened (opened);
  g_assert_cmpstr (visible_page (opened), ==, "document");
  view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (opened));
  store = gloss_window_get_store (opened);
  g_assert_nonnull (store);
  g_assert_true (gloss_window_get_file (opened) != NULL && g_file_equal (gloss_window_get_file (opened), file));

  /* About 480 KB: the first slice is in, the rest comes in the background. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_assert_cmpuint (gtk_text_buffer_get_char_count (buffer), >, 0);
  wait_until_loaded (view);
  g_assert_cmpuint (check_buffer_matches (view, gloss_store_get_document (store)), >, 50);

  /* Every mention's text is what the buffer holds at its offsets. */
  mentions = gloss_store_get_list (store, GLOSS_KIND_MENTION);
  g_assert_cmpuint (g_list_model_get_n_items (mentions), >, 5000);
  for (guint i = 0; i < g_list_model_get_n_items (mentions); i += 97)
    {
      g_autoptr(GlossAnnotation) mention = g_list_model_get_item (mentions, i);
      GtkTextIter s, e;
      g_autofree char *slice = NULL;

      gtk_text_buffer_get_iter_at_offset (buffer, &s, gloss_annotation_get_start (mention));
      gtk_text_buffer_get_iter_at_offset (buffer, &e, gloss_annotation_get_end (mention));
      slice = gtk_text_buffer_get_text (buffer, &s, &e, TRUE);
      g_assert_true (gloss_document_slice_equals (gloss_store_get_document (store),
                                                  gloss_annotation_get_start (mention),
                                                  gloss_annotation_get_end (mention), slice, -1));
    }

  gtk_window_destroy (GTK_WINDOW (opened));
  ui_window_destroy (GTK_WINDOW (window));
  g_file_delete (file, NULL, NULL);
}

static void
clipboard_text_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
}

static gboolean
text_copied (gpointer data)
{
  return *(char **) data != NULL;
}

/* A selection across a break copies the document's space, and tagging it
 * makes a mention whose text is the document's. */
static void
test_long_line_select_copy_tag (void)
{
  g_autofree char *text = long_line_text (3000);
  g_autoptr(GFile) file = tmp_file ("long-line.txt");
  GlossWindow *window;
  GlossAnnotationView *view;
  GtkTextBuffer *buffer;
  GlossDocument *document;
  g_autofree char *copied = NULL;
  g_autofree char *expected = NULL;
  GtkTextIter iter;
  guint brk;
  GlossAnnotation *mention;

  g_assert_true (g_file_replace_contents (file, text, strlen (text), NULL, FALSE, 0, NULL, NULL, NULL));
  window = open_through_app (file);
  present_and_wait (GTK_WINDOW (window));
  wait_until_opened (window);
  view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  wait_until_loaded (view);
  document = gloss_store_get_document (gloss_window_get_store (window));
  g_assert_cmpuint (check_buffer_matches (view, document), >, 0);

  /* The first break: a newline in the buffer, a space in the document. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_get_start_iter (buffer, &iter);
  g_assert_true (gtk_text_iter_forward_line (&iter));   /* past the headline */
  g_assert_true (gtk_text_iter_forward_to_line_end (&iter));
  brk = gtk_text_iter_get_offset (&iter);
  g_assert_true (gloss_document_slice_equals (document, brk, brk + 1, " ", -1));

  gtk_widget_grab_focus (GTK_WIDGET (view));
  gloss_annotation_view_select_range (view, brk - 3, brk + 4);
  iterate ();
  ui_key (GTK_WIDGET (window), "<Control>c");
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (view)), NULL,
                                 clipboard_text_cb, &copied);
  g_assert_true (ui_wait_until (text_copied, &copied, UI_TEST_TIMEOUT_MS));
  expected = gloss_document_dup_slice (document, brk - 3, brk + 4);
  g_assert_cmpstr (copied, ==, expected);
  g_assert_nonnull (strchr (copied, ' '));

  /* Tag a word right after the break. */
  gloss_annotation_view_select_range (view, brk + 1, brk + 4);
  ui_key (GTK_WIDGET (window), "1");
  mention = gloss_annotation_view_get_selected (view);
  g_assert_nonnull (mention);
  g_assert_true (GLOSS_IS_MENTION (mention));
  g_assert_cmpuint (gloss_annotation_get_start (mention), >=, brk + 1);
  {
    g_autofree char *slice = gloss_document_dup_slice (document, gloss_annotation_get_start (mention),
                                                       gloss_annotation_get_end (mention));
    g_assert_null (strchr (slice, '\n'));
    g_assert_null (strchr (slice, ' '));
  }

  gloss_window_set_store (window, NULL, NULL);
  ui_window_destroy (GTK_WINDOW (window));
  g_file_delete (file, NULL, NULL);
}

/* Over 50 MB asks first; Cancel reads nothing. A sparse file: nothing
 * is written to the disk. */
static void
test_large_file_asks (void)
{
  g_autoptr(GFile) file = tmp_file ("huge.txt");
  g_autofree char *path = g_file_get_path (file);
  GlossWindow *window = gloss_window_new (app);
  AdwMessageDialog *dialog;
  FILE *f;

  f = g_fopen (path, "w");
  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, 51L * 1024 * 1024, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('x', f), !=, EOF);
  fclose (f);

  present_and_wait (GTK_WINDOW (window));
  gloss_window_load_file (window, file);
  dialog = ADW_MESSAGE_DIALOG (ui_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "huge.txt"));
  g_assert_false (gloss_window_get_opening (window));
  adw_message_dialog_response (dialog, "cancel");
  iterate ();
  g_assert_false (gloss_window_get_opening (window));
  g_assert_false (gloss_window_has_document (window));
  g_assert_cmpstr (visible_page (window), ==, "empty");

  ui_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
}

/* UTF-16 text: Cancel opens nothing; Convert and Open reads it again,
 * converted, as a new article. */
static void
test_utf16 (void)
{
  static const char text[] = "\xff\xfe" "K\0i\0m\0 \0J\0o\0n\0g\0 \0U\0n\0\x14\x20h\0e\0r\0e\0\n\0";
  g_autoptr(GFile) file = tmp_file ("utf16.txt");
  GlossWindow *window = gloss_window_new (app);
  AdwMessageDialog *dialog;
  GlossDocument *document;

  g_assert_true (g_file_replace_contents (file, text, sizeof text - 1, NULL, FALSE, 0, NULL, NULL, NULL));
  present_and_wait (GTK_WINDOW (window));
  gloss_window_load_file (window, file);
  wait_until_opened (window);
  dialog = ADW_MESSAGE_DIALOG (ui_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Convert from UTF-16?");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
  g_assert_false (gloss_window_has_document (window));

  gloss_window_load_file (window, file);
  wait_until_opened (window);
  dialog = ADW_MESSAGE_DIALOG (ui_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "convert");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_until_opened (window);
  g_assert_true (gloss_window_has_document (window));
  document = gloss_store_get_document (gloss_window_get_store (window));
  g_assert_cmpstr (gloss_document_get_text (document), ==, "Kim Jong Un—here\n");
  g_assert_cmpstr (gloss_document_get_title (document), ==, "Kim Jong Un—here");
  /* What gloss-cli new gives: datasets name documents by their ids. */
  g_assert_cmpstr (gloss_document_get_id (document), ==, "utf16");
  g_assert_cmpstr (gloss_document_get_language (document), ==, "en");
  g_assert_cmpstr (json_object_get_string_member (gloss_document_get_meta (document), "source_encoding"),
                   ==, "utf-16le");
  g_assert_null (gloss_window_get_file (window));   /* a new article: the UTF-16 file stays */

  ui_window_destroy (GTK_WINDOW (window));
  g_file_delete (file, NULL, NULL);
}

/* An unreadable file: the loading page goes back, a dialog says why. A
 * fifo: refused before the loading page. */
static void
test_open_error (void)
{
  g_autoptr(GFile) file = tmp_file ("latin1.txt");
  const char bad[] = "Caf\xe9 au lait\n";
  g_autoptr(GFile) fifo = tmp_file ("pipe");
  g_autofree char *fifo_path = g_file_get_path (fifo);
  GlossWindow *window = gloss_window_new (app);
  AdwMessageDialog *dialog;

  g_assert_true (g_file_replace_contents (file, bad, sizeof bad - 1, NULL, FALSE, 0, NULL, NULL, NULL));
  present_and_wait (GTK_WINDOW (window));
  gloss_window_load_file (window, file);
  g_assert_cmpstr (visible_page (window), ==, "loading");
  wait_until_opened (window);
  dialog = ADW_MESSAGE_DIALOG (ui_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "latin1.txt"));
  g_assert_cmpstr (visible_page (window), ==, "empty");
  g_assert_false (gloss_window_has_document (window));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A fifo is refused before any reading: no loading page. */
  g_assert_cmpint (mkfifo (fifo_path, 0600), ==, 0);
  gloss_window_load_file (window, fifo);
  g_assert_false (gloss_window_get_opening (window));
  g_assert_cmpstr (visible_page (window), ==, "empty");
  dialog = ADW_MESSAGE_DIALOG (ui_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "pipe"));
  g_test_message ("fifo: %s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "regular"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  ui_window_destroy (GTK_WINDOW (window));
  g_file_delete (file, NULL, NULL);
  g_unlink (fifo_path);
}

static gboolean
worker_done (gpointer data)
{
  /* Only the toplevel list's reference is left. */
  return G_OBJECT (data)->ref_count == 1;
}

/* Cancel while the worker parses: the page goes back at once and the
 * parsed store is dropped when the worker ends. */
static void
test_cancel_open (void)
{
  g_autofree char *text = long_line_text (60000);
  g_autoptr(GFile) file = write_gloss ("cancel.gloss", text);
  GlossWindow *window = gloss_window_new (app);
  GtkWidget *button;

  present_and_wait (GTK_WINDOW (window));
  gloss_window_load_file (window, file);
  g_assert_cmpstr (visible_page (window), ==, "loading");
  button = find_widget (gtk_stack_get_visible_child (ui_find_page_stack (GTK_WIDGET (window))),
                        GTK_TYPE_BUTTON, NULL);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_false (gloss_window_get_opening (window));
  g_assert_cmpstr (visible_page (window), ==, "empty");
  /* The worker's task holds the window until its callback ran. */
  g_assert_true (ui_wait_until (worker_done, window, UI_TEST_TIMEOUT_MS));
  g_assert_false (gloss_window_has_document (window));

  ui_window_destroy (GTK_WINDOW (window));
  g_file_delete (file, NULL, NULL);
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/open/in-background", test_open_in_background);
  g_test_add_func ("/ui/open/long-line-select-copy-tag", test_long_line_select_copy_tag);
  g_test_add_func ("/ui/open/large-file-asks", test_large_file_asks);
  g_test_add_func ("/ui/open/error", test_open_error);
  g_test_add_func ("/ui/open/utf16", test_utf16);
  g_test_add_func ("/ui/open/cancel", test_cancel_open);
}

int
main (int   argc,
      char *argv[])
{
  return ui_test_main (&argc, &argv, &app, add_tests);
}
