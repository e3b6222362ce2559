/* test-export.c: Export… from the window (Ctrl+E) by real keys: the
 * export dialog, its options, the file chooser, and the files read back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "gloss-application.h"
#include "gloss-export-dialog.h"
#include "gloss-format.h"
#include "gloss-window.h"
#include "export-test-utils.h"
#include "ui-test-utils.h"

static GlossApplication *app;

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_REGULAR);
}

static gboolean
window_has_store (gpointer data)
{
  return gloss_window_get_store (data) != NULL && !gloss_window_get_opening (data);
}

/* The chooser of the dialog's Export…: its name replaced by @name when
 * given, then Return. */
static void
save_as (GtkWidget  *dialog,
         const char *expected_name,
         const char *name)
{
  GtkWidget *chooser;

  ui_key (dialog, "<Control>Return");
  chooser = ui_wait_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  ui_present_focused (GTK_WINDOW (chooser));
  {
    g_autofree char *current = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));

    g_assert_cmpstr (current, ==, expected_name);
  }
  if (name != NULL)
    {
      ui_key (chooser, "<Control>a");
      ui_type (chooser, name);
    }
  ui_key (chooser, "Return");
}

static GBytes *
export_bytes (GlossStore  *store,
              const char  *format_name,
              const char  *variant,
              GlossOffsetUnit unit)
{
  g_autoptr(GPtrArray) stores = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GlossFormatOptions options = { .offsets = unit, .offsets_set = TRUE, .variant = variant };
  GBytes *bytes;

  g_ptr_array_add (stores, store);
  bytes = gloss_format_export (gloss_format_lookup (format_name), stores, &options, &error);
  g_assert_no_error (error);
  return bytes;
}

/* Reads @path as @format_name: one document. */
static GlossStore *
read_back (const char      *path,
           const char      *format_name,
           GlossOffsetUnit  unit)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) stores = NULL;
  gsize length;
  GlossFormatOptions options = { .offsets = unit, .offsets_set = TRUE, .where = path };

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  stores = gloss_format_lookup (format_name)->import (bytes, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stores->len, ==, 1);
  return g_object_ref (g_ptr_array_index (stores, 0));
}

static void
assert_file_is (const char *path,
                GBytes     *expected)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Every mention fragment as "TYPE START END", sorted. */
static char *
mention_spans (GlossStore *store)
{
  GListModel *mentions = gloss_store_get_list (store, GLOSS_KIND_MENTION);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(GlossAnnotation) mention = g_list_model_get_item (mentions, i);
      guint n;
      const GlossSpan *spans = gloss_annotation_get_spans (mention, GLOSS_ROLE_CONTENT, &n);

      for (guint k = 0; k < n; k++)
        g_ptr_array_add (lines, g_strdup_printf ("%s %u %u", gloss_annotation_get_type_id (mention),
                                                 spans[k].start, spans[k].end));
    }
  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (const char *) g_ptr_array_index (lines, i));
  return g_string_free (out, FALSE);
}

/* In a lived-in state, the annotated sample saved beside the lived-in
 * documents: Ctrl+E shows the dialog with the default format (the Gloss
 * dataset) and what it holds; Ctrl+Return, Return writes it where the
 * document is, and it reads back to the same annotations. Then doccano
 * chosen by keys, its relation-extraction shape, UTF-16 offsets: the file
 * reads back to every mention fragment at its place. Escape cancels
 * without writing; an unwritable folder says so and writes nothing. */
static void
test_export_by_keys (void)
{
  g_autoptr(UiLivedIn) lived_in = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *dataset = NULL;
  g_autofree char *doccano = NULL;
  g_autoptr(GFile) saved_file = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GlossStore) back = NULL;
  g_autofree char *original_spans = NULL;
  g_autofree char *back_spans = NULL;
  GlossExportDialog *export;
  GlossWindow *window;
  GlossStore *store;
  GtkWidget *dialog, *message;
  UiToastHold *hold;

  if (!ui_test_require_input ())
    return;

  lived_in = ui_lived_in_new ();
  saved = g_build_filename (lived_in->dir, "vostochny.gloss", NULL);
  dataset = g_build_filename (lived_in->dir, "vostochny.jsonl", NULL);
  doccano = g_build_filename (lived_in->dir, "doccano.jsonl", NULL);
  saved_file = g_file_new_for_path (saved);

  window = gloss_window_new (app);
  ui_present_focused (GTK_WINDOW (window));
  g_assert_true (gloss_window_open_annotated_sample (window, &error));
  g_assert_no_error (error);
  wait_for_allocation (gloss_window_get_view (window));
  store = gloss_window_get_store (window);
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_CLAIM), >, 0);
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_RELATION), >, 0);
  g_assert_true (gloss_window_save_to_file (window, saved_file, &error));
  g_assert_no_error (error);
  gtk_widget_grab_focus (gloss_window_get_view (window));

  /* The Gloss dataset: everything, nothing left out. */
  dialog = open_dialog (window);
  export = GLOSS_EXPORT_DIALOG (dialog);
  g_assert_cmpstr (gloss_export_dialog_get_format (export)->name, ==, "jsonl");
  g_assert_true (label_contains (dialog, "Nothing: this format holds all of it"));
  g_assert_true (label_contains (dialog, "1 document:"));
  save_as (dialog, "vostochny.jsonl", NULL);
  g_assert_true (ui_wait_until (file_exists, dataset, UI_TEST_TIMEOUT_MS));
  g_assert_true (wait_toast (GTK_WIDGET (window), "Exported “vostochny.jsonl”", TRUE, UI_TEST_TIMEOUT_MS));
  g_assert_true (ui_wait_until (no_toplevel, GSIZE_TO_POINTER (GLOSS_TYPE_EXPORT_DIALOG), UI_TEST_TIMEOUT_MS));
  expected = export_bytes (store, "jsonl", NULL, GLOSS_OFFSET_CODEPOINTS);
  assert_file_is (dataset, expected);
  back = read_back (dataset, "jsonl", GLOSS_OFFSET_CODEPOINTS);
  g_clear_pointer (&expected, g_bytes_unref);
  expected = export_bytes (back, "jsonl", NULL, GLOSS_OFFSET_CODEPOINTS);
  assert_file_is (dataset, expected);
  g_clear_pointer (&expected, g_bytes_unref);
  g_assert_finalize_object (g_steal_pointer (&back));

  /* doccano, by keys: the format row has the focus; its shape row comes
   * next. What it cannot hold is said before writing. */
  dialog = open_dialog (window);
  export = GLOSS_EXPORT_DIALOG (dialog);
  pick_by_keys (dialog, ADW_COMBO_ROW (find_widget (dialog, ADW_TYPE_COMBO_ROW, "_Format")), 1);
  g_assert_cmpstr (gloss_export_dialog_get_format (export)->name, ==, "doccano");
  g_assert_true (label_contains (dialog, "claims"));
  ui_key (dialog, "Down");
  pick_by_keys (dialog, ADW_COMBO_ROW (find_widget (dialog, ADW_TYPE_COMBO_ROW, "_Shape")), 1);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_widget (dialog, ADW_TYPE_COMBO_ROW, "_Shape"))), ==, 1);
  /* The toast is one short line; its Details say what was left out. */
  hold = ui_hold_toast (GTK_WIDGET (window), "Exported “doccano.jsonl” without some of it");
  save_as (dialog, "vostochny.jsonl", "doccano.jsonl");
  g_assert_true (ui_wait_until (file_exists, doccano, UI_TEST_TIMEOUT_MS));
  ui_click_toast_button (hold);
  message = GTK_WIDGET (wait_message_dialog (window));
  g_assert_nonnull (message);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (message)), ==, "What the Export Left Out");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message)), "Left out: "));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message)), " claims"));
  ui_present_focused (GTK_WINDOW (message));
  ui_key (message, "Escape");
  g_assert_true (ui_wait_until (no_toplevel, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), UI_TEST_TIMEOUT_MS));
  expected = export_bytes (store, "doccano", "entities", GLOSS_OFFSET_UTF16);
  assert_file_is (doccano, expected);
  back = read_back (doccano, "doccano", GLOSS_OFFSET_UTF16);
  original_spans = mention_spans (store);
  back_spans = mention_spans (back);
  g_assert_cmpstr (back_spans, ==, original_spans);
  g_assert_cmpuint (gloss_store_get_n_items (back, GLOSS_KIND_RELATION), ==,
                    gloss_store_get_n_items (store, GLOSS_KIND_RELATION));
  g_assert_finalize_object (g_steal_pointer (&back));

  /* Open reads it back too: a new, unsaved document of every fragment. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (doccano);
    GlossWindow *other = gloss_window_new (app);
    g_autofree char *opened_spans = NULL;

    gloss_window_load_file (other, file);
    g_assert_true (ui_wait_until (window_has_store, other, UI_TEST_TIMEOUT_MS));
    opened_spans = mention_spans (gloss_window_get_store (other));
    g_assert_cmpstr (opened_spans, ==, original_spans);
    g_assert_null (gloss_window_get_file (other));
    ui_window_destroy (GTK_WINDOW (other));
  }

  /* Escape: nothing written, the dialog gone. */
  dialog = open_dialog (window);
  ui_key (dialog, "Escape");
  g_assert_true (ui_wait_until (no_toplevel, GSIZE_TO_POINTER (GLOSS_TYPE_EXPORT_DIALOG), UI_TEST_TIMEOUT_MS));

  /* A folder nobody can write to, not even root: the error, plainly, and
   * the dialog stays for another try. */
  dialog = open_dialog (window);
  ui_key (dialog, "<Control>Return");
  accept_in_folder ("/proc/self");
  message = GTK_WIDGET (wait_message_dialog (dialog));
  g_assert_nonnull (message);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (message)), ==,
                   "Could Not Export “vostochny.jsonl”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message)), "/proc/self/vostochny.jsonl"));
  g_assert_false (g_file_test ("/proc/self/vostochny.jsonl", G_FILE_TEST_EXISTS));
  ui_present_focused (GTK_WINDOW (message));
  ui_key (message, "Escape");
  ui_key (dialog, "Escape");
  g_assert_true (ui_wait_until (no_toplevel, GSIZE_TO_POINTER (GLOSS_TYPE_EXPORT_DIALOG), UI_TEST_TIMEOUT_MS));

  /* Export changes nothing: the document is still saved. */
  g_assert_false (gloss_window_get_modified (window));

  ui_window_destroy (GTK_WINDOW (window));
  g_unlink (dataset);
  g_unlink (doccano);
  g_unlink (saved);
}

/* The "exported" signal's report, as its summary ("" for nothing). */
static void
exported_cb (GlossExportDialog *dialog,
             GFile             *target,
             const GlossFormat *format,
             GlossFormatReport *report,
             char             **summary)
{
  char *text = gloss_format_report_summary (report);

  *summary = text != NULL ? text : g_strdup ("");
}

static gboolean
string_set (gpointer data)
{
  return *(char **) data != NULL;
}

/* The sample as it opens, never saved: for every format, chosen by keys
 * on the format row, the dialog's Left Out says exactly what the export
 * then reports it left out (W3C: the 3 notes of entities; brat: those and
 * the relations' evidence), or that nothing is, when nothing is. */
static void
test_preview_is_export (void)
{
  g_autoptr(UiLivedIn) lived_in = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GlossWindow *window;

  if (!ui_test_require_input ())
    return;

  ui_recent_folder_make ();
  lived_in = ui_lived_in_new ();
  window = gloss_window_new (app);
  ui_present_focused (GTK_WINDOW (window));
  g_assert_true (gloss_window_open_annotated_sample (window, &error));
  g_assert_no_error (error);
  wait_for_allocation (gloss_window_get_view (window));

  /* The dialog lists the nine formats that export, the .gloss copy last. */
  for (guint n = 0; n < 9; n++)
    {
      const GlossFormat *format;
      g_autofree char *summary = NULL;
      g_autofree char *preview = NULL;
      g_autofree char *name = NULL;
      GtkWidget *dialog, *popover;
      AdwComboRow *row;
      guint selected;

      gtk_widget_grab_focus (gloss_window_get_view (window));
      dialog = open_dialog (window);
      row = ADW_COMBO_ROW (find_widget (dialog, ADW_TYPE_COMBO_ROW, "_Format"));
      selected = adw_combo_row_get_selected (row);
      ui_key (dialog, "space");
      g_assert_true (wait_popover_visible (GTK_WIDGET (row), GTK_TYPE_POPOVER));
      popover = find_visible (GTK_WIDGET (row), GTK_TYPE_POPOVER);
      for (; selected < n; selected++)
        ui_key (popover, "Down");
      for (; selected > n; selected--)
        ui_key (popover, "Up");
      ui_key (popover, "Return");
      g_assert_true (ui_wait_focus (GTK_WINDOW (dialog), GTK_WIDGET (row)));
      g_assert_cmpuint (adw_combo_row_get_selected (row), ==, n);
      format = gloss_export_dialog_get_format (GLOSS_EXPORT_DIALOG (dialog));
      g_test_message ("%s", format->name);
      g_assert_false (g_hash_table_contains (seen, format->name));
      g_hash_table_add (seen, (gpointer) format->name);
      preview = g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_widget (dialog, ADW_TYPE_ACTION_ROW,
                                                                                   "Left Out"))));

      /* A successful export closes the dialog, and the handler with it. */
      g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &summary);
      if (format->export_files != NULL)
        {
          g_autofree char *folder = g_build_filename (lived_in->dir, format->name, NULL);

          g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
          ui_key (dialog, "<Control>Return");
          accept_in_folder (folder);
        }
      else
        {
          GtkWidget *chooser;

          name = g_strdup_printf ("preview-%s.%s", format->name, format->extension);
          ui_key (dialog, "<Control>Return");
          chooser = ui_wait_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
          ui_present_focused (GTK_WINDOW (chooser));
          ui_key (chooser, "<Control>a");
          ui_type (chooser, name);
          ui_key (chooser, "Return");
        }
      g_assert_true (ui_wait_until (string_set, &summary, UI_TEST_TIMEOUT_MS));
      g_assert_true (ui_wait_until (no_toplevel, GSIZE_TO_POINTER (GLOSS_TYPE_EXPORT_DIALOG), UI_TEST_TIMEOUT_MS));
      if (*summary == '\0')
        g_assert_cmpstr (preview, ==, "Nothing: this format holds all of it");
      else
        g_assert_cmpstr (preview, ==, summary);
      if (g_str_equal (format->name, "w3c"))
        g_assert_cmpstr (summary, ==, "3 notes");
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 9);

  ui_window_destroy (GTK_WINDOW (window));
}

/* The shortcuts window lists Ctrl+E. */
static void
test_shortcut_listed (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/glossapp/Gloss/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");
  gboolean found = FALSE;

  g_assert_nonnull (overlay);
  for (GtkWidget *w = GTK_WIDGET (overlay); w != NULL && !found;)
    {
      GtkWidget *next;

      if (GTK_IS_SHORTCUTS_SHORTCUT (w))
        {
          g_autofree char *accel = NULL;

          g_object_get (w, "accelerator", &accel, NULL);
          found = g_strcmp0 (accel, "<Control>e") == 0;
        }
      /* Depth first through the whole tree. */
      next = gtk_widget_get_first_child (w);
      while (next == NULL && w != NULL && w != GTK_WIDGET (overlay))
        {
          next = gtk_widget_get_next_sibling (w);
          if (next == NULL)
            w = gtk_widget_get_parent (w);
        }
      w = next;
    }
  g_assert_true (found);
  gtk_window_destroy (GTK_WINDOW (overlay));
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/export/dialog-by-keys", test_export_by_keys);
  g_test_add_func ("/ui/export/shortcut-listed", test_shortcut_listed);
  g_test_add_func ("/ui/export/preview-is-export", test_preview_is_export);
}

int
main (int   argc,
      char *argv[])
{
  return export_test_main (&argc, &argv, &app, add_tests);
}
