/* ui-test-helpers.h: what the claim and relation UI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keys are "pressed" through the same tables a real key press meets: the
 * application's accelerators, then the shortcut controllers from the
 * focus widget up (GTK 4 has no public way to synthesize a key event).
 * A click on an annotation is gloss_annotation_view_set_selected(), which
 * is what the view's click handler does.
 */
#pragma once

#include <adwaita.h>

#include "gloss-annotation-view.h"
#include "gloss-application.h"
#include "gloss-store.h"
#include "gloss-window.h"

G_GNUC_UNUSED static void
iterate (void)
{
  for (int i = 0; i < 50 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

G_GNUC_UNUSED static gboolean
press_in (GtkWidget          *widget,
          GtkShortcutTrigger *trigger,
          gboolean            capture)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint n = g_list_model_get_n_items (controllers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      guint m;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          (gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) == GTK_PHASE_CAPTURE) != capture)
        continue;
      m = g_list_model_get_n_items (G_LIST_MODEL (controller));
      for (guint j = 0; j < m; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (trigger, gtk_shortcut_get_trigger (shortcut)) &&
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                            gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }
  return FALSE;
}

/* A key press as a user would make it: the application's accelerators
 * first, then the capture phase from the root down and the bubble phase
 * from the focus up. */
G_GNUC_UNUSED static void
press (GtkWidget  *window,
       const char *accel)
{
  g_auto(GStrv) actions = gtk_application_get_actions_for_accel (gtk_window_get_application (GTK_WINDOW (window)), accel);
  g_autoptr(GtkShortcutTrigger) trigger = NULL;
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  if (actions != NULL && actions[0] != NULL)
    {
      g_autofree char *name = NULL;
      g_autoptr(GVariant) target = NULL;

      g_assert_true (g_action_parse_detailed_name (actions[0], &name, &target, NULL));
      g_assert_true (gtk_widget_activate_action_variant (focus ? focus : window, name, target));
      iterate ();
      return;
    }

  trigger = gtk_shortcut_trigger_parse_string (accel);
  g_assert_nonnull (trigger);
  for (GtkWidget *w = focus ? focus : window; w != NULL; w = gtk_widget_get_parent (w))
    g_ptr_array_add (chain, w);
  for (guint i = chain->len; i > 0; i--)
    if (press_in (g_ptr_array_index (chain, i - 1), trigger, TRUE))
      {
        iterate ();
        return;
      }
  for (guint i = 0; i < chain->len; i++)
    if (press_in (g_ptr_array_index (chain, i), trigger, FALSE))
      {
        iterate ();
        return;
      }
  g_error ("nothing handles %s (focus: %s)", accel, focus ? G_OBJECT_TYPE_NAME (focus) : "none");
}

/* Wait (5 s at most) until @widget is mapped and has a size: a page the
 * window has just switched to is drawn only after its first allocation. */
G_GNUC_UNUSED static void
wait_for_allocation (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline &&
         !(gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0))
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  iterate ();
}

/* Present @window and wait (5 s at most) until it is mapped and laid out:
 * before that, selections and popovers have nothing to measure against. */
G_GNUC_UNUSED static void
present_and_wait (GtkWindow *window)
{
  gtk_window_present (window);
  wait_for_allocation (GTK_WIDGET (window));
}

static gboolean
wait_done_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Run the main loop for @ms: GTK's tooltip timer (500 ms) must fire
 * while the window it was started for still exists. */
G_GNUC_UNUSED static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, wait_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

G_GNUC_UNUSED static GlossStore *
new_sample_store (void)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossSchema) schema = gloss_schema_new_default ();
  const char *dir = g_getenv ("GLOSS_SAMPLES_DIR");

  g_assert_nonnull (dir);
  path = g_build_filename (dir, "kim-putin-vostochny.txt", NULL);
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  document = gloss_document_new_from_text (text, -1, "kim-putin-vostochny.txt", &error);
  g_assert_no_error (error);
  return gloss_store_new (document, schema);
}

/* The code point offset of the @nth (from 0) occurrence of @needle. */
G_GNUC_UNUSED static guint
find_text (GlossStore *store,
           const char *needle,
           guint       nth)
{
  GlossDocument *document = gloss_store_get_document (store);
  const char *text = gloss_document_get_text (document);
  const char *p = strstr (text, needle);

  for (guint i = 0; p != NULL && i < nth; i++)
    p = strstr (p + 1, needle);
  g_assert_nonnull (p);
  return gloss_document_byte_to_cp (document, p - text);
}

G_GNUC_UNUSED static guint
text_end (const char *needle,
          guint       start)
{
  return start + g_utf8_strlen (needle, -1);
}

/* Select @text (its first occurrence) in the article and press @key. */
G_GNUC_UNUSED static void
tag_by_key (GlossWindow *window,
            const char  *text,
            const char  *key)
{
  GlossAnnotationView *view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  GlossStore *store = gloss_window_get_store (window);
  guint start = find_text (store, text, 0);

  gloss_annotation_view_select_range (view, start, text_end (text, start));
  iterate ();
  press (GTK_WIDGET (window), key);
}

G_GNUC_UNUSED static guint
n_mentions (GlossWindow *window)
{
  return g_list_model_get_n_items (gloss_store_get_list (gloss_window_get_store (window), GLOSS_KIND_MENTION));
}

G_GNUC_UNUSED static GlossMention *
add_mention (GlossStore  *store,
             const char  *type_id,
             guint        start,
             guint        end,
             GlossEntity *entity)
{
  g_autoptr(GError) error = NULL;
  GlossSpan span = { start, end };
  g_autoptr(GlossMention) mention = gloss_mention_new (type_id, &span, 1);

  if (entity == NULL)
    {
      g_autofree char *name = gloss_document_dup_slice (gloss_store_get_document (store), start, end);
      g_autoptr(GlossEntity) new_entity = gloss_entity_new (type_id, name);

      g_assert_true (gloss_store_add (store, GLOSS_ANNOTATION (new_entity), &error));
      entity = new_entity;
    }
  gloss_mention_set_entity (mention, entity);
  g_assert_true (gloss_store_add (store, GLOSS_ANNOTATION (mention), &error));
  g_assert_no_error (error);
  return mention;
}

/* The first descendant of @root of @type (and, for preference rows,
 * with @title). */
G_GNUC_UNUSED static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (title == NULL ||
           (ADW_IS_PREFERENCES_ROW (child) &&
            g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)))
        return child;
      found = find_widget (child, type, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Select the item of a combo row whose string (or label name) is @name. */
G_GNUC_UNUSED static void
choose (AdwComboRow *row,
        const char  *name)
{
  GListModel *model = adw_combo_row_get_model (row);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      const char *text = GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (GTK_STRING_OBJECT (item))
                                                      : gloss_label_get_name (GLOSS_LABEL (item));

      if (g_strcmp0 (text, name) == 0)
        {
          adw_combo_row_set_selected (row, i);
          iterate ();
          return;
        }
    }
  g_error ("no “%s” in the combo row", name);
}

/* The toast showing (not being dismissed) whose title contains @text,
 * if any. The overlay keeps no public list: its toast widgets (private
 * AdwToastWidget) stop taking input as soon as their toast is dismissed,
 * and go once they have faded out. */
G_GNUC_UNUSED static gboolean
label_contains (GtkWidget  *root,
                const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (label_contains (child, text))
      return TRUE;
  return FALSE;
}

G_GNUC_UNUSED static GtkWidget *
find_toast (GtkWidget  *root,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_str_equal (G_OBJECT_TYPE_NAME (child), "AdwToastWidget"))
        {
          if (gtk_widget_get_can_target (child) && label_contains (child, text))
            return child;
          continue;
        }
      found = find_toast (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Run the main loop until a toast with @text shows (@shown) or no longer
 * does (!@shown), for @ms at most; well under a toast's own 3 s timeout,
 * so a toast that is only timing out does not pass for dismissed. */
G_GNUC_UNUSED static gboolean
wait_toast (GtkWidget  *root,
            const char *text,
            gboolean    shown,
            guint       ms)
{
  gint64 deadline = g_get_monotonic_time () + ms * (G_USEC_PER_SEC / 1000);

  while ((find_toast (root, text) != NULL) != shown)
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return TRUE;
}

/* Run the main loop until @popover shows (or 5 s pass). */
G_GNUC_UNUSED static gboolean
wait_popover_visible (GtkWidget *root,
                      GType      type)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  GtkWidget *popover;

  while ((popover = find_widget (root, type, NULL)) == NULL || !gtk_widget_get_visible (popover))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return TRUE;
}

G_GNUC_UNUSED static char *
span_text (GlossStore      *store,
           GlossAnnotation *annotation,
           GlossSpanRole    role,
           guint            i)
{
  const GlossSpan *spans;
  guint n;

  spans = gloss_annotation_get_spans (annotation, role, &n);
  g_assert_cmpuint (i, <, n);
  return gloss_document_dup_slice (gloss_store_get_document (store), spans[i].start, spans[i].end);
}

/* Warnings are fatal, but for GtkApplication's about a missing session bus. */
/* The message dialog over @window, once it shows (5 s at most). */
/* A window of @app, inside xvfb-run's default 640×480 screen (so that
 * popovers can be placed), shown and laid out. */
G_GNUC_UNUSED static GlossWindow *
new_test_window (GlossApplication *app)
{
  GlossWindow *window = gloss_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 620, 460);
  present_and_wait (GTK_WINDOW (window));
  return window;
}

G_GNUC_UNUSED static AdwMessageDialog *
wait_message_dialog (gpointer window)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();   /* (transfer none) */

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
              gtk_window_get_transient_for (GTK_WINDOW (toplevel)) == GTK_WINDOW (window) &&
              gtk_widget_get_visible (GTK_WIDGET (toplevel)))
            return ADW_MESSAGE_DIALOG (toplevel);
        }
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return NULL;
}

static gboolean
ui_test_log_fatal_cb (const char     *domain,
                      GLogLevelFlags  level,
                      const char     *message,
                      gpointer        user_data)
{
  return !(level & G_LOG_LEVEL_WARNING) || strstr (message, "session bus") == NULL;
}

/* The main () of a window test: X11 with cairo and no accessibility bus,
 * isolated user folders but the system's MIME database (SVG icons are
 * recognised by their type), an application without id in *@app; runs
 * the tests @add_tests adds. Without a display it prints a TAP plan of no
 * tests, which meson reports as a skip (an exit status 77 is an ERROR
 * under the TAP protocol). */
G_GNUC_UNUSED static int
ui_test_main (int                 *argc,
              char              ***argv,
              GlossApplication   **app,
              void               (*add_tests) (void))
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) mime_dirs = NULL;
  GLogLevelFlags fatal;
  int status;

  g_setenv ("GDK_BACKEND", "x11", FALSE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  for (const char * const *dir = g_get_system_data_dirs (); *dir != NULL; dir++)
    {
      g_autofree char *path = g_build_filename (*dir, "mime", NULL);

      g_strv_builder_add (builder, path);
    }
  mime_dirs = g_strv_builder_end (builder);
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_content_type_set_mime_dirs ((const char * const *) mime_dirs);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-recent-files-enabled", FALSE, NULL);
  g_test_log_set_fatal_handler (ui_test_log_fatal_cb, NULL);
  add_tests ();

  *app = gloss_application_new ();
  g_application_set_application_id (G_APPLICATION (*app), NULL);
  g_application_set_flags (G_APPLICATION (*app), G_APPLICATION_NON_UNIQUE);
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);
  g_assert_true (g_application_register (G_APPLICATION (*app), NULL, NULL));
  g_log_set_always_fatal (fatal);
  status = g_test_run ();
  g_clear_object (app);
  return status;
}
