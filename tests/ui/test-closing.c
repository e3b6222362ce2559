/* test-closing.c: closing windows with unsaved changes, and quitting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A lived-in session: documents opened from the recent list's files, a
 * word tagged by a real key, then Ctrl+W, Ctrl+Q or a click on the
 * window's close button, and real clicks on the "Save Changes?" dialog.
 * Discard used to end in "instance with invalid (NULL) class pointer"
 * (the dialog was finalized after the window it was transient for); Quit
 * closed the windows without changes before asking, and Cancel left them
 * closed.
 */
#include "config.h"

#include "gloss-window.h"
#include "ui-test-utils.h"

static GlossApplication *app;
static UiLivedIn *lived_in;

/* The word of lived-in document @i that a test tags as GPE (key 3). */
static const char * const words[] = { "Russia", "Japan", "Singapore" };

static GlossWindow *
open_window (guint i)
{
  g_autoptr(GError) error = NULL;
  GlossWindow *window = gloss_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 700, 500);
  g_assert_true (gloss_window_open_file (window, lived_in->documents[i], &error));
  g_assert_no_error (error);
  ui_present_focused (GTK_WINDOW (window));
  wait_for_allocation (gloss_window_get_view (window));
  return window;
}

static void
make_changes (GlossWindow *window,
              guint        i)
{
  guint before = n_mentions (window);

  tag_by_key (window, words[i], "3");
  g_assert_cmpuint (n_mentions (window), ==, before + 1);
  g_assert_true (gloss_window_get_modified (window));
}

/* The mapped button under @root whose label is @label. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && gtk_widget_get_mapped (child) &&
          g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The window's own close button (client-side decorations). */
static GtkWidget *
find_close_button (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && gtk_widget_get_mapped (child) && gtk_widget_has_css_class (child, "close"))
        return child;
      found = find_close_button (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The mapped message dialog, if any. */
static AdwMessageDialog *
shown_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_mapped (toplevel))
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return shown_dialog () != NULL;
}

/* Waits for "Save Changes?", over @window if not NULL, and clicks @label. */
static void
answer (GlossWindow *window,
        const char  *label)
{
  AdwMessageDialog *dialog;
  GtkWidget *button;

  g_assert_true (ui_wait_until (dialog_shown, NULL, UI_TEST_TIMEOUT_MS));
  dialog = shown_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  if (window != NULL)
    g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  button = find_button (GTK_WIDGET (dialog), label);
  g_assert_nonnull (button);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  ui_click_center (button);
  g_assert_true (ui_wait_until (ui_widget_gone, &dialog, UI_TEST_TIMEOUT_MS));
  if (dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static char *
file_contents (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

typedef enum {
  BY_CTRL_W,
  BY_CTRL_Q,
  BY_CLOSE_BUTTON,
} CloseBy;

/* A word tagged, the window closed @by, Discard clicked: the window goes
 * (no critical on the way) and the file is as it was. */
static void
close_and_discard (CloseBy by)
{
  GlossWindow *window = open_window (by);
  g_autofree char *before = file_contents (lived_in->documents[by]);
  g_autofree char *after = NULL;
  gpointer weak = window;

  make_changes (window, by);
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  switch (by)
    {
    case BY_CTRL_W:
      ui_key (GTK_WIDGET (window), "<Control>w");
      break;
    case BY_CTRL_Q:
      ui_key (GTK_WIDGET (window), "<Control>q");
      break;
    case BY_CLOSE_BUTTON:
      {
        GtkWidget *close = find_close_button (GTK_WIDGET (window));

        g_assert_nonnull (close);
        ui_click_center (close);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  answer (window, "_Discard");
  g_assert_true (ui_wait_until (pointer_cleared, &weak, UI_TEST_TIMEOUT_MS));
  after = file_contents (lived_in->documents[by]);
  g_assert_cmpstr (after, ==, before);
}

static void
test_discard (void)
{
  close_and_discard (BY_CTRL_W);
  close_and_discard (BY_CTRL_Q);
  close_and_discard (BY_CLOSE_BUTTON);
}

/* Quit with one window changed among three asks before any closes;
 * Cancel keeps all three. With two changed, Discard on the first then
 * Cancel on the second keeps all three too, each with its changes (the
 * one discarded asks again when closed). */
static void
test_quit (void)
{
  GlossWindow *windows[3];
  gpointer weak[3];
  GlossWindow *asked;

  for (guint i = 0; i < 3; i++)
    {
      windows[i] = open_window (i);
      weak[i] = windows[i];
      g_object_add_weak_pointer (G_OBJECT (windows[i]), &weak[i]);
    }
  make_changes (windows[0], 0);

  ui_key (GTK_WIDGET (windows[1]), "<Control>q");
  g_assert_true (ui_wait_until (dialog_shown, NULL, UI_TEST_TIMEOUT_MS));
  for (guint i = 0; i < 3; i++)
    {
      g_assert_nonnull (weak[i]);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (windows[i])));
    }
  answer (windows[0], "_Cancel");
  for (guint i = 0; i < 3; i++)
    {
      g_assert_nonnull (weak[i]);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (windows[i])));
    }
  g_assert_true (gloss_window_get_modified (windows[0]));

  /* Two changed: Discard, then Cancel. */
  make_changes (windows[2], 2);
  ui_key (GTK_WIDGET (windows[1]), "<Control>q");
  g_assert_true (ui_wait_until (dialog_shown, NULL, UI_TEST_TIMEOUT_MS));
  asked = GLOSS_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (shown_dialog ())));
  g_assert_true (asked == windows[0] || asked == windows[2]);
  answer (asked, "_Discard");
  answer (asked == windows[0] ? windows[2] : windows[0], "_Cancel");
  for (guint i = 0; i < 3; i++)
    {
      g_assert_nonnull (weak[i]);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (windows[i])));
    }
  g_assert_true (gloss_window_get_modified (windows[0]));
  g_assert_true (gloss_window_get_modified (windows[2]));

  /* The one discarded before the Cancel asks again. */
  ui_key (GTK_WIDGET (asked), "<Control>w");
  answer (asked, "_Discard");
  g_assert_true (ui_wait_until (pointer_cleared, asked == windows[0] ? &weak[0] : &weak[2], UI_TEST_TIMEOUT_MS));

  /* Quit, Discard: every window closes. */
  ui_key (GTK_WIDGET (windows[1]), "<Control>q");
  answer (NULL, "_Discard");
  for (guint i = 0; i < 3; i++)
    g_assert_true (ui_wait_until (pointer_cleared, &weak[i], UI_TEST_TIMEOUT_MS));
}

/* One lived-in state per program (the recent manager keeps the files of
 * the first test that uses it). */
static void
test_closing (void)
{
  if (!ui_test_require_input ())
    return;

  lived_in = ui_lived_in_new ();
  test_discard ();
  test_quit ();
  g_clear_pointer (&lived_in, ui_lived_in_free);
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/closing/discard-and-quit", test_closing);
}

int
main (int   argc,
      char *argv[])
{
  return ui_test_main (&argc, &argv, &app, add_tests);
}
