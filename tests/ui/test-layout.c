/* test-layout.c: the window's layout and colour (issue 7): the sidebar's
 * divider, one name per entity type, tooltips that wait
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-annotation-view.h"
#include "gloss-application.h"
#include "gloss-document-page.h"
#include "gloss-edits.h"
#include "gloss-label-palette.h"
#include "gloss-window.h"
#include "ui-test-utils.h"

static GlossApplication *app;

static GlossWindow *
open_window (void)
{
  GlossWindow *window = gloss_window_new (app);
  g_autoptr(GError) error = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  present_and_wait (GTK_WINDOW (window));
  g_assert_true (gloss_window_open_sample (window, &error));
  g_assert_no_error (error);
  wait_for_allocation (gloss_window_get_view (window));
  return window;
}

static GlossMention *
tag (GlossWindow *window,
     const char  *text,
     const char  *type)
{
  GlossAnnotationView *view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  GlossStore *store = gloss_window_get_store (window);
  guint start = find_text (store, text, 0);

  gloss_annotation_view_select_range (view, start, text_end (text, start));
  gtk_widget_activate_action (GTK_WIDGET (window), "doc.tag", "s", type);
  iterate ();
  return GLOSS_MENTION (gloss_annotation_view_get_selected (view));
}

/* Run the main loop until @paned has the inspector placed below the lists
 * (its end child shown and the divider settled). */
static void
wait_inspector (GtkPaned *paned)
{
  gint64 deadline = g_get_monotonic_time () + UI_TEST_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
  int last = -1;
  guint stable = 0;

  /* Placed, and the same over five frames. */
  while (g_get_monotonic_time () < deadline && stable < 5)
    {
      int position = gtk_paned_get_position (paned);

      stable = gtk_widget_get_visible (gtk_paned_get_end_child (paned)) &&
               gtk_widget_get_height (gtk_paned_get_end_child (paned)) > 0 &&
               position == last ? stable + 1 : 0;
      last = position;
      ui_wait_for_frame (GTK_WIDGET (paned));
    }
  g_assert_cmpuint (stable, >=, 5);
}

static gboolean
only_reference (gpointer data)
{
  return G_OBJECT (data)->ref_count == 1;
}

/* With the inspector shown, the lists keep room for several rows; where
 * the divider is dragged is remembered, in the settings, for the next
 * window. */
static void
test_divider (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.glossapp.Gloss");
  GlossWindow *window = open_window ();
  GlossAnnotationView *view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  GtkPaned *paned = GTK_PANED (find_widget (GTK_WIDGET (window), GTK_TYPE_PANED, NULL));
  GlossMention *putin;

  g_assert_nonnull (paned);
  g_settings_reset (settings, "inspector-position");
  putin = tag (window, "Vladimir Putin", "PER");
  gloss_annotation_view_set_selected (view, GLOSS_ANNOTATION (putin));
  wait_inspector (paned);
  g_assert_cmpint (gtk_widget_get_height (gtk_paned_get_start_child (paned)), >=, 300);
  g_assert_cmpint (gtk_widget_get_height (gtk_paned_get_end_child (paned)), >=, 160);

  /* The user drags the divider up: not past the lists' minimum. */
  gtk_paned_set_position (paned, 40);
  ui_wait_for_frame (GTK_WIDGET (paned));
  g_assert_cmpint (gtk_widget_get_height (gtk_paned_get_start_child (paned)), >=, 240);
  gtk_paned_set_position (paned, 380);
  ui_wait_for_frame (GTK_WIDGET (paned));
  g_assert_cmpint (gtk_paned_get_position (paned), ==, 380);

  /* Saved with the window's size when it closes (no unsaved changes: no
   * question first). */
  gloss_window_set_store (window, NULL, NULL);
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "inspector-position"), ==, 380);
  g_assert_true (ui_wait_until (only_reference, window, UI_TEST_TIMEOUT_MS));
  g_assert_finalize_object (window);

  window = open_window ();
  view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  paned = GTK_PANED (find_widget (GTK_WIDGET (window), GTK_TYPE_PANED, NULL));
  putin = tag (window, "Vladimir Putin", "PER");
  gloss_annotation_view_set_selected (view, GLOSS_ANNOTATION (putin));
  wait_inspector (paned);
  g_assert_cmpint (gtk_paned_get_position (paned), ==, 380);

  ui_window_destroy (GTK_WINDOW (window));
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, (gpointer) gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

/* The palette calls each entity type what the schema (and so the
 * inspector and the sidebar) calls it: "Country/region/city", not
 * "Country". */
static void
test_one_name (void)
{
  GlossWindow *window = open_window ();
  GtkWidget *palette = find_widget (GTK_WIDGET (window), GLOSS_TYPE_LABEL_PALETTE, NULL);
  GListModel *types = gloss_schema_get_labels (gloss_store_get_schema (gloss_window_get_store (window)),
                                               GLOSS_LABEL_ENTITY);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  collect_labels (palette, texts);
  for (guint i = 0; i < g_list_model_get_n_items (types); i++)
    {
      g_autoptr(GlossLabel) type = g_list_model_get_item (types, i);
      gboolean found = FALSE;

      for (guint j = 0; j < texts->len; j++)
        found |= g_strcmp0 (g_ptr_array_index (texts, j), gloss_label_get_name (type)) == 0;
      if (!found)
        g_error ("the palette does not say “%s”", gloss_label_get_name (type));
    }
  for (guint j = 0; j < texts->len; j++)
    g_assert_cmpstr (g_ptr_array_index (texts, j), !=, "Country");

  ui_window_destroy (GTK_WINDOW (window));
}

static gboolean
query_tooltip_at (GtkWidget  *view,
                  GtkTooltip *tooltip,
                  guint       offset)
{
  double x, y;
  gboolean shown = FALSE;

  ui_text_point (GLOSS_ANNOTATION_VIEW (view), offset + 1, &x, &y);
  g_signal_emit_by_name (view, "query-tooltip", (int) x, (int) y, FALSE, tooltip, &shown);
  return shown;
}

/* A tooltip over a mention covers the line below it: it waits until the
 * pointer has rested on one mention, and starts waiting again on the
 * next. */
static void
test_tooltip_waits (void)
{
  GlossWindow *window;
  GtkWidget *view;
  GlossStore *store;
  GtkTooltip *tooltip;
  guint putin, kim;
  gint64 deadline;
  gboolean shown = FALSE;

  if (!ui_test_require_input ())
    return;
  window = open_window ();
  view = gloss_window_get_view (window);
  store = gloss_window_get_store (window);
  tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  putin = find_text (store, "Vladimir Putin", 0);
  kim = find_text (store, "Kim Jong Un", 0);

  tag (window, "Vladimir Putin", "PER");
  tag (window, "Kim Jong Un", "PER");
  gloss_annotation_view_set_selected (GLOSS_ANNOTATION_VIEW (view), NULL);
  iterate ();

  /* The pointer comes to rest on Putin (GTK asks again after the wait,
   * where the pointer is). */
  {
    double x, y;

    ui_text_point (GLOSS_ANNOTATION_VIEW (view), putin + 1, &x, &y);
    ui_move_pointer (view, x, y);
  }
  deadline = g_get_monotonic_time () + UI_TEST_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
  while (!shown && g_get_monotonic_time () < deadline)
    {
      ui_wait_for_frame (view);
      shown = query_tooltip_at (view, tooltip, putin);
    }
  g_assert_true (shown);
  /* On to another mention: nothing at first, the wait starts over. */
  g_assert_false (query_tooltip_at (view, tooltip, kim));

  ui_window_destroy (GTK_WINDOW (window));
  g_object_unref (tooltip);
}

/* The inspector of a mention whose entity has a long name, beside the
 * sidebar's least width: the rows' titles ("Entity", "1 mention") keep
 * their words whole (the Entity dropdown took their width). */
static void
test_inspector_words (void)
{
  GlossWindow *window = ui_annotated_sample_window (app, 1000, 700);
  GlossAnnotationView *view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  GListModel *mentions;
  gboolean found = FALSE;

  mentions = gloss_store_get_list (gloss_window_get_store (window), GLOSS_KIND_MENTION);
  for (guint i = 0; i < g_list_model_get_n_items (mentions) && !found; i++)
    {
      g_autoptr(GlossMention) mention = g_list_model_get_item (mentions, i);
      GlossEntity *entity = gloss_mention_get_entity (mention);

      found = entity != NULL &&
              g_str_equal (gloss_entity_get_name (entity), "Korea Research Institute for National Strategy");
      if (found)
        gloss_annotation_view_set_selected (view, GLOSS_ANNOTATION (mention));
    }
  g_assert_true (found);
  wait_for_allocation (find_widget (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "Entity"));
  ui_assert_words_whole (GTK_WIDGET (window));

  ui_window_destroy (GTK_WINDOW (window));
}

/* A claim of the article's author in the inspector: its Claimant row
 * shows "Author" whole beside the Pick button (not "Author (no cla…"). */
static void
test_claimant_author (void)
{
  GlossWindow *window = ui_annotated_sample_window (app, 1000, 700);
  GlossAnnotationView *view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  GlossStore *store;
  g_autoptr(GlossClaim) claim = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  store = gloss_window_get_store (window);
  claim = g_list_model_get_item (gloss_store_get_list (store, GLOSS_KIND_CLAIM), 0);
  g_assert_true (gloss_edit_set_claimant (store, claim, NULL, &error));
  g_assert_no_error (error);
  gloss_annotation_view_set_selected (view, GLOSS_ANNOTATION (claim));
  row = find_widget (GTK_WIDGET (window), ADW_TYPE_COMBO_ROW, "Claimant");
  g_assert_nonnull (row);
  wait_for_allocation (row);
  g_assert_nonnull (ui_find_label (row, "Author"));
  ui_assert_nothing_cut (row);
  ui_assert_words_whole (GTK_WIDGET (window));

  ui_window_destroy (GTK_WINDOW (window));
}

/* What @window shows inside its frame asks for no more than @width, and
 * is laid out. */
static void
assert_fits (GlossWindow *window,
             int          width)
{
  int min = 0;

  ui_wait_for_frame (GTK_WIDGET (window));
  gtk_widget_measure (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)),
                      GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  if (min > width)
    g_error ("the window needs %d px, more than %d", min, width);
}

/* Whether @a and @b, widgets of one window, overlap. */
static gboolean
overlap (GtkWidget *a,
         GtkWidget *b)
{
  graphene_rect_t ra, rb;

  g_assert_true (gtk_widget_compute_bounds (a, GTK_WIDGET (gtk_widget_get_root (a)), &ra));
  g_assert_true (gtk_widget_compute_bounds (b, GTK_WIDGET (gtk_widget_get_root (b)), &rb));
  return graphene_rect_intersection (&ra, &rb, NULL);
}

/* The header's title beside none of the buttons. */
static void
assert_header_apart (GlossWindow *window)
{
  GtkWidget *header = find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR, NULL);
  GtkWidget *title = find_widget (header, ADW_TYPE_WINDOW_TITLE, NULL);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GType types[] = { GTK_TYPE_BUTTON, ADW_TYPE_SPLIT_BUTTON, GTK_TYPE_MENU_BUTTON };

  g_assert_nonnull (title);
  for (GtkWidget *w = header; w != NULL;)
    {
      GtkWidget *next;

      for (guint i = 0; i < G_N_ELEMENTS (types); i++)
        if (G_TYPE_CHECK_INSTANCE_TYPE (w, types[i]) && gtk_widget_get_mapped (w))
          g_ptr_array_add (buttons, w);
      /* Depth first through the header. */
      next = gtk_widget_get_first_child (w);
      while (next == NULL && w != header)
        {
          next = gtk_widget_get_next_sibling (w);
          if (next == NULL)
            w = gtk_widget_get_parent (w);
        }
      w = next;
    }
  g_assert_cmpuint (buttons->len, >=, 3);
  for (guint i = 0; i < buttons->len; i++)
    if (overlap (title, g_ptr_array_index (buttons, i)))
      g_error ("the title overlaps a %s", G_OBJECT_TYPE_NAME (g_ptr_array_index (buttons, i)));
}

/* A window as narrow as a phone's (360 px, the least it allows; the window
 * buttons GNOME shows): the start page and the annotated sample fit it,
 * the header's title beside its buttons and every label's words whole; so
 * at 420 px. */
static void
test_narrow (void)
{
  int widths[] = { 360, 420 };
  g_autofree char *layout = NULL;

  g_object_get (gtk_settings_get_default (), "gtk-decoration-layout", &layout, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      GlossWindow *window = gloss_window_new (app);
      g_autoptr(GError) error = NULL;

      gtk_window_set_default_size (GTK_WINDOW (window), widths[i], 700);
      present_and_wait (GTK_WINDOW (window));
      assert_fits (window, widths[i]);
      assert_header_apart (window);
      ui_assert_words_whole (GTK_WIDGET (window));

      g_assert_true (gloss_window_open_annotated_sample (window, &error));
      g_assert_no_error (error);
      wait_for_allocation (gloss_window_get_view (window));
      /* The header changes once the sidebar has folded. */
      ui_wait_for_frame (GTK_WIDGET (window));
      assert_fits (window, widths[i]);
      assert_header_apart (window);
      ui_assert_words_whole (GTK_WIDGET (window));
      ui_window_destroy (GTK_WINDOW (window));
    }
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", layout, NULL);
}

typedef struct
{
  GlossWindow *window;
  gboolean     folded;
} Settled;

/* The document shown, the sidebar folded or not as wanted, and every
 * animation of it over. */
static gboolean
settled (gpointer data)
{
  Settled *settled = data;
  GlossDocumentPage *page = gloss_window_get_page (settled->window);
  AdwFlap *flap = gloss_document_page_get_flap (page);
  GtkWidget *stack = gtk_widget_get_parent (GTK_WIDGET (page));

  return !gloss_window_get_opening (settled->window) && gloss_window_get_store (settled->window) != NULL &&
         !gtk_stack_get_transition_running (GTK_STACK (stack)) &&
         adw_flap_get_folded (flap) == settled->folded &&
         adw_flap_get_reveal_progress (flap) == (settled->folded ? 0. : 1.);
}

/* A window resized while it opens a document (a tiling window manager
 * does so as it maps it; GNOME, restoring it maximized), with animations,
 * as a user has them: the article crossfades in while the sidebar folds
 * away or unfolds, and the text is laid out anew for its width. GTK 4.8
 * left the document page marked for a new allocation it never got, and
 * so did not draw it ("Trying to snapshot GlossDocumentPage … without a
 * current allocation", fatal here): a blank article, until something
 * else resized it. */
static void
test_resize_while_opening (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("GLOSS_SAMPLES_DIR"), "kim-putin-vostochny.gloss", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkSettings *settings = gtk_settings_get_default ();
  struct { int from, to; guint frames; } sizes[] = {
    { 1100, 360, 0 }, { 1100, 360, 2 }, { 1100, 360, 4 }, { 1100, 360, 6 }, { 1100, 360, 9 },
    { 1100, 560, 1 }, { 1100, 560, 5 }, { 420, 1100, 1 }, { 420, 1100, 5 },
  };

  if (!ui_test_require_input ())
    return;

  g_object_set (settings, "gtk-enable-animations", TRUE, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      GlossWindow *window = gloss_window_new (app);
      Settled wanted = { window, sizes[i].to < 700 };

      gtk_window_set_default_size (GTK_WINDOW (window), sizes[i].from, 700);
      /* The window shows as reading starts, as for `gloss FILE`; resized
       * as it maps. */
      gloss_window_load_file (window, file);
      g_assert_true (ui_wait_until ((UiTestPredicate) gtk_widget_get_mapped, window, UI_TEST_TIMEOUT_MS));
      g_assert_true (ui_wait_until ((UiTestPredicate) gtk_widget_get_mapped,
                                    gloss_window_get_view (window), UI_TEST_TIMEOUT_MS));
      for (guint f = 0; f < sizes[i].frames; f++)
        ui_wait_for_frame (GTK_WIDGET (window));
      ui_resize_window (GTK_WINDOW (window), sizes[i].to, 700);
      g_assert_true (ui_wait_until (settled, &wanted, UI_TEST_TIMEOUT_MS));
      /* Drawn since, at its width. */
      ui_wait_for_frame (gloss_window_get_view (window));
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (gloss_window_get_page (window))), >, 0);
      ui_window_destroy (GTK_WINDOW (window));
    }
  g_object_set (settings, "gtk-enable-animations", FALSE, NULL);
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/layout/divider", test_divider);
  g_test_add_func ("/ui/layout/one-name", test_one_name);
  g_test_add_func ("/ui/layout/tooltip-waits", test_tooltip_waits);
  g_test_add_func ("/ui/layout/inspector-words", test_inspector_words);
  g_test_add_func ("/ui/layout/claimant-author", test_claimant_author);
  g_test_add_func ("/ui/layout/narrow", test_narrow);
  g_test_add_func ("/ui/layout/resize-while-opening", test_resize_while_opening);
}

int
main (int   argc,
      char *argv[])
{
  return ui_test_main (&argc, &argv, &app, add_tests);
}
