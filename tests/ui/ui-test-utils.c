/* ui-test-utils.c: what the UI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "gloss-format-native.h"
#include "gloss-annotator.h"
#include "ui-test-utils.h"

#ifdef GLOSS_HAVE_XTEST
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>
#include <gdk/x11/gdkx.h>

#define PRESS_GAP_MS 20  /* between the presses of one double-click */
#endif

/* Setup */

static gboolean have_input (void);
static void     key_repeat_off (void);

/* GTK 4.8 warns "Trying to snapshot GtkButton 0x… without a current
 * allocation" from inside the snapshot of that widget, which is alive
 * then, and the message alone does not say which one of the window's
 * buttons it was: the test's log says where it sits, before the
 * warning (fatal) ends the test. */
static void
log_unallocated (const char *message)
{
  const char *at = strstr (message, " 0x");
  gpointer pointer = NULL;

  if (strstr (message, "without a current allocation") == NULL || at == NULL ||
      sscanf (at, " %p", &pointer) != 1 || !GTK_IS_WIDGET (pointer))
    return;
  g_printerr ("The widget GTK warns of below, and where it sits:\n");
  for (GtkWidget *widget = pointer; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      g_auto(GStrv) classes = gtk_widget_get_css_classes (widget);
      g_autofree char *joined = g_strjoinv (".", classes);
      const char *label = GTK_IS_BUTTON (widget) ? gtk_button_get_label (GTK_BUTTON (widget))
                          : GTK_IS_LABEL (widget) ? gtk_label_get_label (GTK_LABEL (widget)) : NULL;

      g_printerr ("  in %s%s%s%s%s%s\n", G_OBJECT_TYPE_NAME (widget), *joined != '\0' ? "." : "", joined,
                  label != NULL ? " “" : "", label != NULL ? label : "", label != NULL ? "”" : "");
    }
}

static GLogWriterOutput
log_writer_cb (GLogLevelFlags   level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (strcmp (fields[i].key, "MESSAGE") == 0 && (level & G_LOG_LEVEL_WARNING))
      {
        g_autofree char *message = fields[i].length < 0 ? g_strdup (fields[i].value)
                                   : g_strndup (fields[i].value, fields[i].length);

        log_unallocated (message);
      }
  return g_log_writer_default (level, fields, n_fields, user_data);
}

static gboolean
log_fatal_cb (const char     *domain,
              GLogLevelFlags  level,
              const char     *message,
              gpointer        user_data)
{
  /* GApplication warns once that it found no session bus when the test
   * runs without one; anything else fails the test. */
  return !(level & G_LOG_LEVEL_WARNING) || strstr (message, "session bus") == NULL;
}

gboolean
ui_test_init (int    *argc,
              char ***argv)
{
  /* Xvfb has neither Wayland nor GL worth testing, nor a session bus for
   * the accessibility bus to be found on. */
  g_setenv ("GDK_BACKEND", "x11", FALSE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  /* No synchronous D-Bus calls to a settings portal (there is none). */
  g_setenv ("ADW_DISABLE_PORTAL", "1", FALSE);
  g_log_set_writer_func (log_writer_cb, NULL, NULL);
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);

  if (!gtk_init_check ())
    return FALSE;
  adw_init ();
  /* Tests wait for what an animation leads to, never for the animation:
   * without them a toast, a popover or the sidebar is there at once. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_test_log_set_fatal_handler (log_fatal_cb, NULL);
  key_repeat_off ();
  return TRUE;
}

GlossApplication *
ui_test_app_new (void)
{
  GlossApplication *app = gloss_application_new ();
  GLogLevelFlags fatal;

  g_application_set_application_id (G_APPLICATION (app), NULL);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_log_set_always_fatal (fatal);
  return app;
}

int
ui_test_main (int                *argc,
              char             ***argv,
              GlossApplication  **app,
              void              (*add_tests) (void))
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) mime_dirs = NULL;
  int status;

  /* Isolated user folders, but the system's MIME database (SVG icons are
   * recognised by their type). */
  for (const char * const *dir = g_get_system_data_dirs (); *dir != NULL; dir++)
    {
      g_autofree char *path = g_build_filename (*dir, "mime", NULL);

      g_strv_builder_add (builder, path);
    }
  mime_dirs = g_strv_builder_end (builder);
  if (!ui_test_init (argc, argv))
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  if (app != NULL && !have_input ())
    {
      g_print ("1..0 # SKIP real input events need XTest (libxtst-dev) on an X display\n");
      return 0;
    }
  g_content_type_set_mime_dirs ((const char * const *) mime_dirs);
  g_object_set (gtk_settings_get_default (), "gtk-recent-files-enabled", FALSE, NULL);
  add_tests ();

  if (app == NULL)
    return g_test_run ();
  *app = ui_test_app_new ();
  status = g_test_run ();
  g_clear_object (app);
  return status;
}

char *
ui_test_path (const char *name)
{
  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

GlossWindow *
new_test_window (GlossApplication *app)
{
  GlossWindow *window = gloss_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 620, 460);
  present_and_wait (GTK_WINDOW (window));
  return window;
}

#ifdef GLOSS_HAVE_XTEST
static Display *
get_xdisplay (void)
{
  GdkDisplay *display = gdk_display_get_default ();

  if (display == NULL || !GDK_IS_X11_DISPLAY (display))
    return NULL;
  return gdk_x11_display_get_xdisplay (display);
}
#endif

static gboolean
have_input (void)
{
#ifdef GLOSS_HAVE_XTEST
  static int have = -1;

  if (have < 0)
    {
      Display *xdisplay = get_xdisplay ();
      int event_base, error_base, major, minor;

      have = xdisplay != NULL &&
             XTestQueryExtension (xdisplay, &event_base, &error_base, &major, &minor);
    }
  return have;
#else
  return FALSE;
#endif
}

/* No key repeats on the test's X server: a key is pressed and released
 * by two requests, and when a loaded machine leaves the server asleep
 * between them for longer than the repeat delay (660 ms), the server
 * sends the held key again, once or more, before the release. The repeat
 * acts a second time (a second Ctrl+Z), and, handled later than the key
 * it repeats, passes for the next key sent: that one is counted as
 * received before it is. */
static void
key_repeat_off (void)
{
#ifdef GLOSS_HAVE_XTEST
  if (have_input ())
    {
      XAutoRepeatOff (get_xdisplay ());
      XSync (get_xdisplay (), False);
    }
#endif
}

gboolean
ui_test_require_input (void)
{
  if (have_input ())
    return TRUE;
  g_test_skip ("real input events need XTest (libxtst-dev) on an X display");
  return FALSE;
}

/* Waiting */

void
iterate (void)
{
  for (int i = 0; i < 50 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

gboolean
ui_wait_until (UiTestPredicate predicate,
               gpointer        data,
               guint           timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!predicate (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      /* Nothing ready: yield the CPU briefly (not a wait for time to
       * pass: the condition is checked again at once). */
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (500);
    }
  return TRUE;
}

static void
set_flag (gboolean *flag)
{
  *flag = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

void
ui_wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean done = FALSE;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (set_flag), &done);
  gtk_widget_queue_draw (widget);
  g_assert_true (ui_wait_until (flag_set, &done, UI_TEST_TIMEOUT_MS));
  g_signal_handler_disconnect (clock, id);
}

typedef struct
{
  GdkSurface *surface;
  int         width;
} SurfaceWidth;

static gboolean
surface_has_width (gpointer data)
{
  SurfaceWidth *wanted = data;

  return gdk_surface_get_width (wanted->surface) == wanted->width;
}

/* Resize @window from outside, as a window manager does (the X server
 * tells GTK of its new size), and wait until GTK has taken it (the
 * window's frame and shadow are part of the size). */
void
ui_resize_window (GtkWindow *window,
                  int        width,
                  int        height)
{
#ifdef GLOSS_HAVE_XTEST
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  Display *xdisplay = get_xdisplay ();
  SurfaceWidth wanted = { surface, width };

  g_assert_nonnull (xdisplay);
  g_assert_nonnull (surface);
  XResizeWindow (xdisplay, gdk_x11_surface_get_xid (surface), (unsigned) width, (unsigned) height);
  XSync (xdisplay, False);
  g_assert_true (ui_wait_until (surface_has_width, &wanted, UI_TEST_TIMEOUT_MS));
#else
  g_assert_not_reached ();
#endif
}

guchar *
ui_render_widget (GtkWidget *widget,
                  gsize     *stride)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  guchar *pixels;

  ui_wait_for_frame (widget);
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  *stride = (gsize) width * 4;
  pixels = g_malloc (*stride * height);
  gdk_texture_download (texture, pixels, *stride);
  return pixels;
}

static gboolean
allocated (gpointer data)
{
  GtkWidget *widget = data;

  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

void
wait_for_allocation (GtkWidget *widget)
{
  g_assert_true (ui_wait_until (allocated, widget, UI_TEST_TIMEOUT_MS));
  ui_wait_for_frame (widget);
  iterate ();
}

void
present_and_wait (GtkWindow *window)
{
  gtk_window_present (window);
  wait_for_allocation (GTK_WIDGET (window));
}

/* Whether the X server sends the keys to @window, and GTK knows it.
 * GTK's "active" alone is not enough: with the X focus on the root
 * window (where it goes back when a focused window is destroyed) a
 * window is active while the pointer is over it, and the keys follow the
 * pointer; and a window another one's present() has just taken the focus
 * from is active until GTK reads the FocusOut. */
static gboolean
is_focused (gpointer data)
{
  GtkWindow *window = data;
#ifdef GLOSS_HAVE_XTEST
  if (have_input ())
    {
      GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
      Window focus = None;
      int revert;

      if (surface == NULL)
        return FALSE;
      XGetInputFocus (get_xdisplay (), &focus, &revert);
      if (focus != gdk_x11_surface_get_xid (surface))
        return FALSE;
    }
#endif
  return gtk_window_is_active (window);
}

void
ui_present_focused (GtkWindow *window)
{
  present_and_wait (window);
#ifdef GLOSS_HAVE_XTEST
  if (have_input () && !is_focused (window))
    {
      GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (window));
      GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

      /* No window manager hands out the focus: take it. */
      gdk_x11_display_error_trap_push (display);
      XSetInputFocus (get_xdisplay (), gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
      XSync (get_xdisplay (), False);
      g_assert_cmpint (gdk_x11_display_error_trap_pop (display), ==, 0);
    }
#endif
  if (have_input ())
    g_assert_true (ui_wait_until (is_focused, window, UI_TEST_TIMEOUT_MS));
}

typedef struct
{
  GtkWindow *window;
  GtkWidget *widget;
} FocusOn;

static gboolean
has_focus_on (gpointer data)
{
  FocusOn *on = data;

  return gtk_root_get_focus (GTK_ROOT (on->window)) == on->widget;
}

char *
ui_selected_text (GlossWindow *window)
{
  GlossAnnotationView *view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  guint start, end;

  if (!gloss_annotation_view_get_text_selection (view, &start, &end))
    return g_strdup ("");
  return gloss_document_dup_slice (gloss_store_get_document (gloss_window_get_store (window)), start, end);
}

typedef struct
{
  GlossWindow *window;
  const char  *text;
} SelectionIs;

static gboolean
selection_is (gpointer data)
{
  SelectionIs *s = data;
  g_autofree char *text = ui_selected_text (s->window);

  return g_str_equal (text, s->text);
}

gboolean
ui_wait_selection (GlossWindow *window,
                   const char  *text)
{
  SelectionIs s = { window, text };

  return ui_wait_until (selection_is, &s, UI_TEST_TIMEOUT_MS);
}

gboolean
ui_wait_focus (GtkWindow *window,
               GtkWidget *widget)
{
  FocusOn on = { window, widget };
  GtkWidget *focus;

  if (ui_wait_until (has_focus_on, &on, UI_TEST_TIMEOUT_MS))
    return TRUE;
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_test_message ("the focus is on %s, not %s", focus ? G_OBJECT_TYPE_NAME (focus) : "nothing",
                  G_OBJECT_TYPE_NAME (widget));
  return FALSE;
}

static gboolean
wait_done_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, wait_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Real input */

#ifdef GLOSS_HAVE_XTEST
/* What the windows have received: an emission hook on GdkSurface::event
 * sees every event GDK hands to GTK, on any surface (a popover that
 * takes the events while it shows, a dialog), before any handler does;
 * a shortcut that stops an event's propagation cannot hide it. */
typedef struct
{
  guint keys;
  guint presses;   /* button presses */
  guint buttons;   /* button releases: whole clicks */
} Received;

static Received seen;

static gboolean
surface_event_hook (GSignalInvocationHint *hint,
                    guint                  n_params,
                    const GValue          *params,
                    gpointer               data)
{
  GdkEvent *event = g_value_peek_pointer (&params[1]);
  GdkEventType type = gdk_event_get_event_type (event);

  /* Presses: a key that closes the window leaves its releases to none. */
  if (type == GDK_KEY_PRESS)
    seen.keys++;
  else if (type == GDK_BUTTON_PRESS)
    seen.presses++;
  else if (type == GDK_BUTTON_RELEASE)
    seen.buttons++;
  return TRUE;
}

static Received *
get_received (GtkWidget *widget)
{
  static gsize hooked;

  if (g_once_init_enter (&hooked))
    {
      g_signal_add_emission_hook (g_signal_lookup ("event", GDK_TYPE_SURFACE), 0,
                                  surface_event_hook, NULL, NULL);
      g_once_init_leave (&hooked, 1);
    }
  return &seen;
}

typedef struct
{
  const guint *count;
  guint        expected;
} Expect;

static gboolean
count_reached (gpointer data)
{
  Expect *expect = data;

  return *expect->count >= expect->expected;
}

/* Send what was faked and wait until GTK has handled the events @count
 * counts up to @total (the handlers of the last one have run when the
 * main loop iteration that delivered it returns). */
static void
flush_until_total (guint *count,
                   guint  total,
                   guint  n)
{
  Expect expect = { count, total };

  XSync (get_xdisplay (), False);
  if (!ui_wait_until (count_reached, &expect, UI_TEST_TIMEOUT_MS))
    g_error ("the window received %u of %u input events: is it focused?", n - (total - *count), n);
  iterate ();
}

/* The same for @n more of them than now. */
static void
flush_until (guint *count,
             guint  n)
{
  flush_until_total (count, *count + n, n);
}

static gboolean
xlib_drained (gpointer data)
{
  return XPending (get_xdisplay ()) == 0;
}

/* For motion alone, which may be merged or dropped: until GDK has read
 * everything the server sent. */
static void
flush_input (void)
{
  XSync (get_xdisplay (), False);
  g_assert_true (ui_wait_until (xlib_drained, NULL, UI_TEST_TIMEOUT_MS));
  iterate ();
}

static guint
keycode_for (guint     keyval,
             gboolean *shifted)
{
  g_autofree GdkKeymapKey *keys = NULL;
  int n = 0;
  guint best = 0;

  *shifted = FALSE;
  if (!gdk_display_map_keyval (gdk_display_get_default (), keyval, &keys, &n))
    return 0;
  for (int i = n - 1; i >= 0; i--)
    if (keys[i].group == 0 && keys[i].level <= 1 && (best == 0 || keys[i].level == 0))
      {
        best = keys[i].keycode;
        *shifted = keys[i].level == 1;
      }
  return best;
}

static void
fake_key (guint    keysym,
          gboolean down)
{
  Display *xdisplay = get_xdisplay ();
  KeyCode code = XKeysymToKeycode (xdisplay, keysym);

  g_assert_cmpuint (code, !=, 0);
  XTestFakeKeyEvent (xdisplay, code, down, CurrentTime);
}

/* Keys another program left down on the shared X server (a process
 * killed with a modifier held) would change what the next key means. */
static void
release_held_keys (void)
{
  Display *xdisplay = get_xdisplay ();
  gboolean released = FALSE;
  char keys[32];

  XQueryKeymap (xdisplay, keys);
  for (int code = 0; code < 256; code++)
    if (keys[code / 8] & (1 << (code % 8)))
      {
        XTestFakeKeyEvent (xdisplay, code, False, CurrentTime);
        released = TRUE;
      }
  /* Their release events are handled before ours are counted. */
  if (released)
    flush_input ();
}

static void
ensure_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (GTK_IS_WINDOW (root) && !is_focused (root))
    ui_present_focused (GTK_WINDOW (root));
}
#endif

void
ui_key (GtkWidget  *window,
        const char *accel)
{
#ifdef GLOSS_HAVE_XTEST
  Display *xdisplay = get_xdisplay ();
  GdkModifierType mods = 0;
  Received *received;
  guint keyval = 0;
  gboolean shifted;
  guint code;

  g_assert_true (have_input ());
  gtk_accelerator_parse (accel, &keyval, &mods);
  g_assert_cmpuint (keyval, !=, 0);
  code = keycode_for (keyval, &shifted);
  if (code == 0)
    g_error ("no key makes %s in this keymap", accel);
  if (shifted)
    mods |= GDK_SHIFT_MASK;

  ensure_focus (window);
  release_held_keys ();
  received = get_received (window);
  if (mods & GDK_CONTROL_MASK)
    fake_key (XK_Control_L, TRUE);
  if (mods & GDK_SHIFT_MASK)
    fake_key (XK_Shift_L, TRUE);
  if (mods & GDK_ALT_MASK)
    fake_key (XK_Alt_L, TRUE);
  XTestFakeKeyEvent (xdisplay, code, True, CurrentTime);
  XTestFakeKeyEvent (xdisplay, code, False, CurrentTime);
  if (mods & GDK_ALT_MASK)
    fake_key (XK_Alt_L, FALSE);
  if (mods & GDK_SHIFT_MASK)
    fake_key (XK_Shift_L, FALSE);
  if (mods & GDK_CONTROL_MASK)
    fake_key (XK_Control_L, FALSE);
  flush_until (&received->keys,
               1 + !!(mods & GDK_CONTROL_MASK) + !!(mods & GDK_SHIFT_MASK) + !!(mods & GDK_ALT_MASK));
#else
  g_error ("ui_key (%s) without XTest: call ui_test_require_input () first", accel);
#endif
}

void
ui_type (GtkWidget  *window,
         const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      guint keyval = gdk_unicode_to_keyval (g_utf8_get_char (p));
      guint lower = gdk_keyval_to_lower (keyval);
      g_autofree char *name = NULL;

      g_assert_nonnull (gdk_keyval_name (keyval));
      /* gtk_accelerator_parse() reads "Q" as q: a capital is Shift and
       * its letter. */
      if (lower != keyval)
        name = g_strconcat ("<Shift>", gdk_keyval_name (lower), NULL);
      else
        name = g_strdup (gdk_keyval_name (keyval));
      ui_key (window, name);
    }
}

static gboolean
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

/* The application's accelerators first, then the capture phase from the
 * root down and the bubble phase from the focus up. */
static void
press_through_tables (GtkWidget  *window,
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

void
press (GtkWidget  *window,
       const char *accel)
{
  press_through_tables (window, accel);
}

/* Pointer */

typedef struct
{
  GtkTextView *view;
  guint        offset;
} TextAt;

static void
iter_rect (GtkTextView  *view,
           guint         offset,
           GdkRectangle *rect)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, offset);
  gtk_text_view_get_iter_location (view, &iter, rect);
}

static gboolean
text_shown (gpointer data)
{
  TextAt *at = data;
  GdkRectangle rect, visible;

  iter_rect (at->view, at->offset, &rect);
  gtk_text_view_get_visible_rect (at->view, &visible);
  return rect.y >= visible.y && rect.y + rect.height <= visible.y + visible.height &&
         rect.x >= visible.x && rect.x < visible.x + visible.width;
}

/* Scroll @offset into view and wait until it is drawn there. */
static void
show_text (GlossAnnotationView *view,
           guint                offset)
{
  TextAt at = { GTK_TEXT_VIEW (view), offset };
  GtkTextIter iter;

  if (text_shown (&at))
    return;
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (at.view), &iter, offset);
  gtk_text_view_scroll_to_iter (at.view, &iter, 0.2, FALSE, 0, 0);
  g_assert_true (ui_wait_until (text_shown, &at, UI_TEST_TIMEOUT_MS));
  ui_wait_for_frame (GTK_WIDGET (view));
}

static void
text_to_widget (GlossAnnotationView *view,
                int                  bx,
                int                  by,
                double              *x,
                double              *y)
{
  int wx, wy;

  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET, bx, by, &wx, &wy);
  *x = wx;
  *y = wy;
}

void
ui_text_point (GlossAnnotationView *view,
               guint                offset,
               double              *x,
               double              *y)
{
  GdkRectangle rect;

  show_text (view, offset);
  iter_rect (GTK_TEXT_VIEW (view), offset, &rect);
  text_to_widget (view, rect.x + MAX (rect.width, 2) / 2, rect.y + rect.height / 2, x, y);
}

#ifdef GLOSS_HAVE_XTEST
/* @x, @y of @widget in the root window's pixels. */
static void
widget_to_root (GtkWidget *widget,
                double     x,
                double     y,
                int       *root_x,
                int       *root_y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  Display *xdisplay = get_xdisplay ();
  int scale = gdk_surface_get_scale_factor (surface);
  graphene_point_t p;
  double sx, sy;
  Window child;
  int ox = 0, oy = 0;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &GRAPHENE_POINT_INIT (x, y), &p));
  gtk_native_get_surface_transform (native, &sx, &sy);
  g_assert_true (XTranslateCoordinates (xdisplay, gdk_x11_surface_get_xid (surface),
                                        DefaultRootWindow (xdisplay), 0, 0, &ox, &oy, &child));
  *root_x = ox + (int) lround ((p.x + sx) * scale);
  *root_y = oy + (int) lround ((p.y + sy) * scale);
}

static void
fake_motion_after (GtkWidget *widget,
                   double     x,
                   double     y,
                   gulong     delay_ms)
{
  int rx, ry;

  widget_to_root (widget, x, y, &rx, &ry);
  XTestFakeMotionEvent (get_xdisplay (), -1, rx, ry, delay_ms);
}

static void
fake_motion (GtkWidget *widget,
             double     x,
             double     y)
{
  fake_motion_after (widget, x, y, CurrentTime);
}
#endif

void
ui_move_pointer (GtkWidget *widget,
                 double     x,
                 double     y)
{
#ifdef GLOSS_HAVE_XTEST
  g_assert_true (have_input ());
  fake_motion (widget, x, y);
  flush_input ();
#else
  g_error ("ui_move_pointer without XTest: call ui_test_require_input () first");
#endif
}

/* Where @x, @y of @widget is in its window, and whether it is inside. */
static gboolean
point_in_native (GtkWidget        *widget,
                 double            x,
                 double            y,
                 graphene_point_t *p)
{
  GtkWidget *native = GTK_WIDGET (gtk_widget_get_native (widget));

  if (!gtk_widget_compute_point (widget, native, &GRAPHENE_POINT_INIT (x, y), p))
    return FALSE;
  return p->x >= 0 && p->y >= 0 &&
         p->x < gtk_widget_get_width (native) && p->y < gtk_widget_get_height (native);
}

/* Until @x, @y of @widget stands still inside its window: a toast slides
 * in from below the window's edge, a popover may be placed again; a
 * click where it is on the way lands elsewhere, or outside the window. */
static void
wait_still (GtkWidget *widget,
            double     x,
            double     y)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) UI_TEST_TIMEOUT_MS * 1000;
  graphene_point_t before, now;
  gboolean was_inside, inside;

  was_inside = point_in_native (widget, x, y, &before);
  for (;;)
    {
      ui_wait_for_frame (widget);
      inside = point_in_native (widget, x, y, &now);
      if (was_inside && inside && graphene_point_equal (&before, &now))
        return;
      if (g_get_monotonic_time () > deadline)
        g_error ("%g,%g of a %s never came to rest inside its window", x, y, G_OBJECT_TYPE_NAME (widget));
      before = now;
      was_inside = inside;
    }
}

void
ui_click_widget (GtkWidget *widget,
                 double     x,
                 double     y,
                 guint      n_presses)
{
#ifdef GLOSS_HAVE_XTEST
  Display *xdisplay = get_xdisplay ();
  Received *received;
  guint presses, releases;

  g_assert_true (have_input ());
  ensure_focus (widget);
  wait_still (widget, x, y);

  received = get_received (widget);
  presses = received->presses;
  releases = received->buttons;
  fake_motion (widget, x, y);
  flush_input ();
  /* A press that ends a text selection gives the PRIMARY selection up
   * (GDK: owner None, stamped with the server's time then) and the next
   * press of a double-click takes it again (stamped the same way). If the
   * window handles both in one millisecond (a busy machine, both presses
   * read at once) the SelectionClear of the first passes for news of the
   * second, and GtkTextBuffer collapses the word it selected. A hand is
   * never that fast: each later press waits until the window has handled
   * the one before, and the server holds it PRESS_GAP_MS more (well inside
   * a double-click). docs/decisions.md */
  for (guint i = 0; i < n_presses; i++)
    {
      if (i > 0)
        flush_until_total (&received->presses, presses + i, i);
      XTestFakeButtonEvent (xdisplay, 1, True, i == 0 ? CurrentTime : PRESS_GAP_MS);
      XTestFakeButtonEvent (xdisplay, 1, False, CurrentTime);
    }
  flush_until_total (&received->buttons, releases + n_presses, n_presses);
#else
  g_error ("ui_click_widget without XTest: call ui_test_require_input () first");
#endif
}

void
ui_click_center (GtkWidget *widget)
{
  ui_click_widget (widget, gtk_widget_get_width (widget) / 2., gtk_widget_get_height (widget) / 2., 1);
}

/* Until the text at @offset stands still in its window over a frame, and
 * where it is then: the view's margins follow its width (a centred
 * column), so text moves inside a view that itself stays where it is
 * while the window's layout settles (the sidebar, the inspector). */
static void
text_still (GlossAnnotationView *view,
            guint                offset,
            double              *x,
            double              *y)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) UI_TEST_TIMEOUT_MS * 1000;
  graphene_point_t before, now;
  gboolean was_inside, inside;

  ui_text_point (view, offset, x, y);
  was_inside = point_in_native (GTK_WIDGET (view), *x, *y, &before);
  for (;;)
    {
      ui_wait_for_frame (GTK_WIDGET (view));
      ui_text_point (view, offset, x, y);
      inside = point_in_native (GTK_WIDGET (view), *x, *y, &now);
      if (was_inside && inside && graphene_point_equal (&before, &now))
        return;
      if (g_get_monotonic_time () > deadline)
        g_error ("the text at %u never came to rest inside its window", offset);
      before = now;
      was_inside = inside;
    }
}

void
ui_click_text (GlossAnnotationView *view,
               guint                offset,
               guint                n_presses)
{
  double x, y;

  text_still (view, offset, &x, &y);
  ui_click_widget (GTK_WIDGET (view), x, y, n_presses);
}

void
ui_drag_text (GlossAnnotationView *view,
              guint                start,
              guint                end)
{
#ifdef GLOSS_HAVE_XTEST
  Display *xdisplay = get_xdisplay ();
  GdkRectangle first, last;
  Received *received;
  double x0, y0, x1, y1;

  g_assert_true (have_input ());
  g_assert_cmpuint (start, <, end);
  ensure_focus (GTK_WIDGET (view));
  received = get_received (GTK_WIDGET (view));
  show_text (view, end - 1);
  text_still (view, start, &x0, &y0);
  /* From inside the leading half of the first character to inside the
   * trailing half of the last: the left and right halves in left-to-right
   * text; a right-to-left character's location runs from its right edge
   * (x) to its left (a negative width). */
  iter_rect (GTK_TEXT_VIEW (view), start, &first);
  iter_rect (GTK_TEXT_VIEW (view), end - 1, &last);
  text_to_widget (view, first.x + (first.width < 0 ? -1 : 1), first.y + first.height / 2, &x0, &y0);
  if (last.width < 0)
    text_to_widget (view, last.x + MIN (last.width + 1, -1), last.y + last.height / 2, &x1, &y1);
  else
    text_to_widget (view, last.x + MAX (last.width - 1, 1), last.y + last.height / 2, &x1, &y1);

  fake_motion (GTK_WIDGET (view), x0, y0);
  flush_input ();
  XTestFakeButtonEvent (xdisplay, 1, True, CurrentTime);
  /* The press gives up the PRIMARY selection of a text selected before;
   * the first motion selects and takes it again: not in the same
   * millisecond (see ui_click_widget). */
  flush_until (&received->presses, 1);
  for (int i = 1; i <= 8; i++)
    {
      fake_motion_after (GTK_WIDGET (view), x0 + (x1 - x0) * i / 8, y0 + (y1 - y0) * i / 8,
                         i == 1 ? PRESS_GAP_MS : CurrentTime);
      flush_input ();
    }
  XTestFakeButtonEvent (xdisplay, 1, False, CurrentTime);
  flush_until (&received->buttons, 1);
#else
  g_error ("ui_drag_text without XTest: call ui_test_require_input () first");
#endif
}

/* Whether @widget lies wholly inside @scroller's visible part. */
static gboolean
inside_scroller (GtkWidget *widget,
                 GtkWidget *scroller,
                 gboolean  *above)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, scroller, &bounds));
  *above = bounds.origin.y < 0;
  return bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller);
}

void
ui_scroll_into_view (GtkWidget *widget)
{
#ifdef GLOSS_HAVE_XTEST
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  gint64 deadline = g_get_monotonic_time () + (gint64) UI_TEST_TIMEOUT_MS * 1000;
  gboolean above;

  g_assert_true (have_input ());
  g_assert_nonnull (scroller);
  ensure_focus (scroller);
  for (;;)
    {
      guint button;

      wait_for_allocation (widget);
      ui_wait_for_frame (scroller);
      if (inside_scroller (widget, scroller, &above))
        return;
      if (g_get_monotonic_time () > deadline)
        g_error ("wheeling never brought a %s into view", G_OBJECT_TYPE_NAME (widget));
      /* One notch of the wheel (buttons 4 and 5 are up and down). */
      button = above ? 4 : 5;
      fake_motion (scroller, gtk_widget_get_width (scroller) / 2., gtk_widget_get_height (scroller) / 2.);
      flush_input ();
      XTestFakeButtonEvent (get_xdisplay (), button, True, CurrentTime);
      XTestFakeButtonEvent (get_xdisplay (), button, False, CurrentTime);
      flush_input ();
    }
#else
  g_error ("ui_scroll_into_view without XTest: call ui_test_require_input () first");
#endif
}

void
ui_park_pointer (GtkWidget *widget)
{
#ifdef GLOSS_HAVE_XTEST
  if (have_input ())
    {
      Display *xdisplay = get_xdisplay ();
      Screen *screen = DefaultScreenOfDisplay (xdisplay);

      XTestFakeMotionEvent (xdisplay, -1, WidthOfScreen (screen) - 1, HeightOfScreen (screen) - 1, CurrentTime);
      flush_input ();
    }
#endif
}

static gboolean
only_reference (gpointer data)
{
  return G_OBJECT (data)->ref_count == 1;
}

void
ui_window_destroy (GtkWindow *window)
{
  ui_park_pointer (GTK_WIDGET (window));
  g_object_ref (window);
  gtk_window_destroy (window);
  /* Sources the window started (an idle, a toast's timeout) may hold it a
   * little longer; nothing may hold it for good. */
  g_assert_true (ui_wait_until (only_reference, window, UI_TEST_TIMEOUT_MS));
  g_assert_finalize_object (window);
}

/* The lived-in state */

static const char * const lived_in_texts[] = {
  /* The bundled sample comes first (read from GLOSS_SAMPLES_DIR). */
  NULL,
  "Ministers meet in Geneva\n\n"
  "GENEVA — Foreign ministers from France and Japan met in Geneva on Monday. "
  "“We will not accept this,” said Catherine Colonna, France’s minister, "
  "after talks with Yoko Kamikawa (上川陽子). Kamikawa said Japan would respond. 🌍\n",
  "Port reopens after strike\n\n"
  "ROTTERDAM — The port of Rotterdam reopened on Tuesday after a three-day strike. "
  "Dock workers’ union FNV said the deal was “a first step”; the port authority "
  "expects ships from Singapore and Shanghai (上海) by Friday.\n",
};

static GlossStore *
lived_in_store (guint i)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossSchema) schema = gloss_schema_new_default ();
  g_autoptr(GlossStore) store = NULL;
  g_autofree char *sample = NULL;
  g_autofree char *name = g_strdup_printf ("lived-in-%u.txt", i + 1);
  const char *text = lived_in_texts[i];
  static const char * const first_words[][2] = {
    { "Kim Jong Un", "PER" }, { "Geneva", "GPE" }, { "Rotterdam", "GPE" },
  };

  if (text == NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("GLOSS_SAMPLES_DIR"), "kim-putin-vostochny.txt", NULL);

      g_file_get_contents (path, &sample, NULL, &error);
      g_assert_no_error (error);
      text = sample;
    }
  document = gloss_document_new_from_text (text, -1, name, &error);
  g_assert_no_error (error);
  store = gloss_store_new (document, schema);
  {
    guint start = find_text (store, first_words[i][0], 0);

    add_mention (store, first_words[i][1], start, text_end (first_words[i][0], start), NULL);
  }
  return g_steal_pointer (&store);
}

static gboolean
recent_has_all (gpointer data)
{
  UiLivedIn *lived_in = data;
  GtkRecentManager *manager = gtk_recent_manager_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (lived_in->documents); i++)
    {
      g_autofree char *uri = g_file_get_uri (lived_in->documents[i]);

      if (!gtk_recent_manager_has_item (manager, uri))
        return FALSE;
    }
  return TRUE;
}

static GSettings *
app_settings (void)
{
  g_autoptr(GSettingsSchema) schema =
    g_settings_schema_source_lookup (g_settings_schema_source_get_default (), BASE_APP_ID, TRUE);

  g_assert_nonnull (schema);
  return g_settings_new (BASE_APP_ID);
}

UiLivedIn *
ui_lived_in_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = app_settings ();
  UiLivedIn *lived_in = g_new0 (UiLivedIn, 1);
  GtkRecentManager *manager = gtk_recent_manager_get_default ();

  g_object_set (gtk_settings_get_default (), "gtk-recent-files-enabled", TRUE, NULL);
  lived_in->dir = g_dir_make_tmp ("gloss-lived-in-XXXXXX", &error);
  g_assert_no_error (error);

  /* Three documents, saved, and opened recently. */
  for (guint i = 0; i < G_N_ELEMENTS (lived_in->documents); i++)
    {
      g_autoptr(GlossStore) store = lived_in_store (i);
      g_autofree char *name = g_strdup_printf ("lived-in-%u.gloss", i + 1);
      g_autofree char *path = g_build_filename (lived_in->dir, name, NULL);
      g_autofree char *uri = NULL;
      GtkRecentData data = {
        .display_name = name,
        .mime_type = (char *) "application/x-gloss",
        .app_name = (char *) g_get_application_name (),
        .app_exec = (char *) "gloss %u",
      };

      lived_in->documents[i] = g_file_new_for_path (path);
      g_assert_true (gloss_native_write_file (store, lived_in->documents[i], &error));
      g_assert_no_error (error);
      uri = g_file_get_uri (lived_in->documents[i]);
      g_assert_true (gtk_recent_manager_add_full (manager, uri, &data));
      g_assert_finalize_object (g_steal_pointer (&store));
    }
  g_assert_true (ui_wait_until (recent_has_all, lived_in, UI_TEST_TIMEOUT_MS));

  /* Preferences an analyst would have changed. */
  g_settings_set_string (settings, "author", "Lived-In Analyst");
  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);
  return lived_in;
}

void
ui_lived_in_free (UiLivedIn *lived_in)
{
  g_autoptr(GSettings) settings = app_settings ();
  GtkRecentManager *manager = gtk_recent_manager_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (lived_in->documents); i++)
    {
      g_autofree char *uri = g_file_get_uri (lived_in->documents[i]);

      gtk_recent_manager_remove_item (manager, uri, NULL);
      g_file_delete (lived_in->documents[i], NULL, NULL);
      g_clear_object (&lived_in->documents[i]);
    }
  g_rmdir (lived_in->dir);
  g_free (lived_in->dir);
  g_free (lived_in);

  g_settings_reset (settings, "author");
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

/* The model */

GlossStore *
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

GlossStore *
ui_store_new (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = gloss_document_new_from_text (text, -1, "article.txt", &error);
  g_autoptr(GlossSchema) schema = gloss_schema_new_default ();

  g_assert_no_error (error);
  return gloss_store_new (document, schema);
}

guint
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

guint
text_end (const char *needle,
          guint       start)
{
  return start + g_utf8_strlen (needle, -1);
}

GlossMention *
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

typedef struct
{
  GlossStore *store;
  guint       start;
  guint       end;
} SpanOf;

static gboolean
span_tagged (gpointer data)
{
  SpanOf *span = data;
  GListModel *mentions = gloss_store_get_list (span->store, GLOSS_KIND_MENTION);

  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(GlossAnnotation) m = g_list_model_get_item (mentions, i);

      if (gloss_annotation_get_start (m) == span->start && gloss_annotation_get_end (m) == span->end)
        return TRUE;
    }
  return FALSE;
}

void
tag_by_key (GlossWindow *window,
            const char  *text,
            const char  *key)
{
  GlossAnnotationView *view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  GlossStore *store = gloss_window_get_store (window);
  guint start = find_text (store, text, 0);
  SpanOf span = { store, start, text_end (text, start) };
  GtkWidget *focus;

  /* Selected directly: with several windows on the screen (no window
   * manager places them) a drag would go to the topmost. The key goes to
   * the article, as after a drag, and once the selection is there. */
  gtk_widget_grab_focus (GTK_WIDGET (view));
  g_assert_true (ui_wait_focus (GTK_WINDOW (window), GTK_WIDGET (view)));
  gloss_annotation_view_select_range (view, span.start, span.end);
  g_assert_true (ui_wait_selection (window, text));
  ui_key (GTK_WIDGET (window), key);
  if (ui_wait_until (span_tagged, &span, UI_TEST_TIMEOUT_MS))
    return;
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_error ("the key %s tagged no mention on “%s” (focus on %s)", key, text,
           focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing");
}

guint
n_mentions (GlossWindow *window)
{
  return g_list_model_get_n_items (gloss_store_get_list (gloss_window_get_store (window), GLOSS_KIND_MENTION));
}

GlossAnnotation *
ui_mention_of (GlossWindow *window,
               const char  *text)
{
  GlossStore *store = gloss_window_get_store (window);
  GListModel *mentions = gloss_store_get_list (store, GLOSS_KIND_MENTION);

  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(GlossAnnotation) m = g_list_model_get_item (mentions, i);
      g_autofree char *slice = span_text (store, m, GLOSS_ROLE_CONTENT, 0);

      if (g_strcmp0 (slice, text) == 0)
        return m;   /* the store keeps it */
    }
  return NULL;
}

GFile *
ui_saved_sample (GlossApplication *app,
                 const char       *name)
{
  g_autofree char *path = ui_test_path (name);
  GFile *file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossWindow *window = new_test_window (app);

  g_assert_true (gloss_window_open_sample (window, &error));
  g_assert_true (gloss_window_save_to_file (window, file, &error));
  g_assert_no_error (error);
  gtk_window_close (GTK_WINDOW (window));
  iterate ();
  return file;
}

void
ui_write_theirs (GFile      *file,
                 const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) theirs = gloss_native_read_file (file, &error);
  g_autofree char *tmp = g_strconcat (g_file_peek_path (file), ".theirs", NULL);
  g_autoptr(GFile) tmp_file = g_file_new_for_path (tmp);
  guint start;

  g_assert_no_error (error);
  start = find_text (theirs, text, 0);
  add_mention (theirs, "PER", start, text_end (text, start), NULL);
  g_assert_true (gloss_native_write_file (theirs, tmp_file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_rename (tmp, g_file_peek_path (file)), ==, 0);
}

char *
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

/* Widgets */

GtkWidget *
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

GtkStack *
ui_find_page_stack (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *found;

      if (GTK_IS_STACK (child) && gtk_stack_get_child_by_name (GTK_STACK (child), "loading") != NULL)
        return GTK_STACK (child);
      if ((found = ui_find_page_stack (child)) != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
find_visible (GtkWidget *root,
              GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_get_visible (child))
        return child;
      found = find_visible (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

void
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

gboolean
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

void
ui_show_sidebar_page (GlossWindow *window,
                      const char  *name)
{
  GtkWidget *switcher = find_visible (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER);
  GtkWidget *label;

  g_assert_nonnull (switcher);
  label = ui_find_label (switcher, name);
  g_assert_nonnull (label);
  ui_click_center (label);
}

GtkWidget *
ui_find_label (GtkWidget  *root,
               const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) &&
          g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return child;
      found = ui_find_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GtkFileChooser *chooser;
  GFile          *file;
} ChooserFile;

static gboolean
chooser_answers (gpointer data)
{
  ChooserFile *wait = data;
  g_autoptr(GFile) file = gtk_file_chooser_get_file (wait->chooser);   /* transfer full */

  return file != NULL && g_file_equal (file, wait->file);
}

void
ui_wait_chooser_file (GtkWidget *chooser,
                      GFile     *file)
{
  ChooserFile wait = { GTK_FILE_CHOOSER (chooser), file };

  if (!ui_wait_until (chooser_answers, &wait, UI_TEST_TIMEOUT_MS))
    g_error ("the file chooser never took %s", g_file_peek_path (file));
}

gboolean
ui_widget_gone (gpointer data)
{
  GtkWidget *widget = *(GtkWidget **) data;

  return widget == NULL || !gtk_widget_get_mapped (widget);
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
  GtkWidget  *label;
} LabelWait;

static gboolean
label_has_width (gpointer data)
{
  LabelWait *wait = data;

  wait->label = ui_find_label (wait->root, wait->text);
  return wait->label != NULL && gtk_widget_get_width (wait->label) > 0;
}

GtkWidget *
ui_wait_label (GtkWidget  *root,
               const char *text)
{
  LabelWait wait = { root, text, NULL };

  if (!ui_wait_until (label_has_width, &wait, UI_TEST_TIMEOUT_MS))
    g_error ("the label “%s” never showed", text);
  return wait.label;
}

/* A mapped button or menu button under @root showing @icon_name. */
GtkWidget *
find_icon_button (GtkWidget  *root,
                  const char *icon_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (gtk_widget_get_mapped (child) &&
          ((GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (child)), icon_name) == 0) ||
           (GTK_IS_MENU_BUTTON (child) &&
            g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (child)), icon_name) == 0)))
        return child;
      found = find_icon_button (child, icon_name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The toast showing (not being dismissed) whose title contains @text,
 * if any. The overlay keeps no public list: its toast widgets (private
 * AdwToastWidget) stop taking input as soon as their toast is dismissed,
 * and go once they have faded out. */
GtkWidget *
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
typedef struct
{
  GtkWidget  *root;
  const char *text;
  gboolean    shown;
} ToastShown;

static gboolean
toast_is (gpointer data)
{
  ToastShown *t = data;

  return (find_toast (t->root, t->text) != NULL) == t->shown;
}

gboolean
wait_toast (GtkWidget  *root,
            const char *text,
            gboolean    shown,
            guint       ms)
{
  ToastShown t = { root, text, shown };

  return ui_wait_until (toast_is, &t, ms);
}

struct _UiToastHold
{
  GtkWidget *root;
  char      *text;
  GtkWidget *widget;    /* the toast's AdwToastWidget, once it shows */
  AdwToast  *toast;
  gboolean   clicked;   /* its button-clicked */
};

/* libadwaita 1.2's AdwToastWidget starts its hide timeout when it is
 * given its toast, with the toast's timeout then: a timeout changed
 * later goes unread, and a toast given again with timeout 0 has none.
 * The widget is made and mapped in one go, so the hold comes before the
 * main loop could run the timeout. */
static gboolean
toast_map_hook (GSignalInvocationHint *hint,
                guint                  n_params,
                const GValue          *params,
                gpointer               data)
{
  UiToastHold *hold = data;
  GtkWidget *widget = g_value_get_object (&params[0]);

  if (!g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget") ||
      !gtk_widget_is_ancestor (widget, hold->root) ||
      !gtk_widget_get_can_target (widget) || !label_contains (widget, hold->text))
    return TRUE;

  hold->widget = g_object_ref (widget);
  g_object_get (widget, "toast", &hold->toast, NULL);
  adw_toast_set_timeout (hold->toast, 0);
  g_object_set (widget, "toast", hold->toast, NULL);
  g_signal_connect_swapped (hold->toast, "button-clicked", G_CALLBACK (set_flag), &hold->clicked);
  return FALSE;
}

UiToastHold *
ui_hold_toast (GtkWidget  *root,
               const char *text)
{
  UiToastHold *hold = g_new0 (UiToastHold, 1);

  hold->root = root;
  hold->text = g_strdup (text);
  g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, toast_map_hook, hold, NULL);
  return hold;
}

static gboolean
toast_held (gpointer data)
{
  return ((UiToastHold *) data)->widget != NULL;
}

/* The hold keeps the widgets, so a toast that went anyway is a failure
 * with a message, not a critical on a finalized widget. */
static void
assert_toast_shows (UiToastHold *hold,
                    GtkWidget   *button)
{
  if (gtk_widget_get_parent (hold->widget) == NULL || !gtk_widget_get_mapped (button))
    g_error ("the toast “%s” went before its button was clicked", hold->text);
}

void
ui_click_toast_button (UiToastHold *hold)
{
  GtkWidget *button;

  if (!ui_wait_until (toast_held, hold, UI_TEST_TIMEOUT_MS))
    g_error ("no toast “%s” showed", hold->text);
  button = find_widget (hold->widget, GTK_TYPE_BUTTON, NULL);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, adw_toast_get_button_label (hold->toast));
  assert_toast_shows (hold, button);
  wait_for_allocation (button);
  assert_toast_shows (hold, button);
  ui_click_center (button);
  g_assert_true (ui_wait_until (flag_set, &hold->clicked, UI_TEST_TIMEOUT_MS));

  g_signal_handlers_disconnect_by_func (hold->toast, set_flag, &hold->clicked);
  g_object_unref (hold->toast);
  g_object_unref (hold->widget);
  g_free (hold->text);
  g_free (hold);
}

typedef struct
{
  GtkWidget *root;
  GType      type;
} VisibleOf;

static gboolean
popover_shows (gpointer data)
{
  VisibleOf *v = data;

  return find_visible (v->root, v->type) != NULL;
}

/* Run the main loop until a popover of @type under @root shows (or the
 * deadline passes). */
gboolean
wait_popover_visible (GtkWidget *root,
                      GType      type)
{
  VisibleOf v = { root, type };

  return ui_wait_until (popover_shows, &v, UI_TEST_TIMEOUT_MS);
}

void
ui_click_in_popover (GtkWidget  *opener,
                     GType       type,
                     const char *text)
{
  GtkWidget *popover;
  GtkWidget *item;

  wait_for_allocation (opener);
  ui_click_center (opener);
  g_assert_true (wait_popover_visible (opener, type));
  popover = find_visible (opener, type);
  wait_for_allocation (popover);
  item = ui_find_label (popover, text);
  g_assert_nonnull (item);
  ui_click_center (item);
}

static gboolean
message_dialog_over (gpointer data)
{
  GtkWindow **window_and_found = data;
  GListModel *toplevels = gtk_window_get_toplevels ();   /* (transfer none) */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_window_get_transient_for (GTK_WINDOW (toplevel)) == window_and_found[0] &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        {
          window_and_found[1] = GTK_WINDOW (toplevel);
          return TRUE;
        }
    }
  return FALSE;
}

AdwMessageDialog *
wait_message_dialog (gpointer window)
{
  GtkWindow *window_and_found[2] = { window, NULL };

  if (!ui_wait_until (message_dialog_over, window_and_found, UI_TEST_TIMEOUT_MS))
    return NULL;
  return ADW_MESSAGE_DIALOG (window_and_found[1]);
}

void
ui_click_response (AdwMessageDialog *dialog,
                   const char       *label)
{
  GtkWidget *button;

  ui_present_focused (GTK_WINDOW (dialog));
  wait_for_allocation (GTK_WIDGET (dialog));
  button = ui_find_label (GTK_WIDGET (dialog), label);
  if (button == NULL)
    g_error ("no “%s” in the dialog “%s”", label, adw_message_dialog_get_heading (dialog));
  ui_click_center (button);
}

GtkWidget *
ui_wait_toplevel (GType type)
{
  gint64 deadline = g_get_monotonic_time () + UI_TEST_TIMEOUT_MS * 1000;

  while (g_get_monotonic_time () < deadline)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

          if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) && gtk_widget_get_mapped (toplevel))
            return toplevel;
        }
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  g_error ("no %s appeared", g_type_name (type));
  return NULL;
}

void
ui_recent_folder_make (void)
{
  g_autofree char *recent = NULL;
  g_autofree char *folder = NULL;

  g_object_get (gtk_recent_manager_get_default (), "filename", &recent, NULL);
  folder = g_path_get_dirname (recent);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
}

void
ui_project_make (GFile              *folder,
                 const char * const *texts,
                 const char * const *names,
                 guint               n,
                 const char         *annotator)
{
  g_autofree char *fallback = annotator == NULL ? gloss_annotator_default_name () : NULL;
  g_autoptr(GlossProject) project = gloss_project_new (folder, "Summit", NULL, annotator ? annotator : fallback);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossStore) store = ui_store_new (texts[i]);

      g_assert_nonnull (gloss_project_add_store (project, store, names[i], &error));
      g_assert_no_error (error);
    }
  g_assert_true (gloss_project_save (project, &error));
}

/* A new 900×640 window, focused, showing @file: a project's folder
 * (@project) or a document. */
static GlossWindow *
focused_window_of (GlossApplication *app,
                   GFile            *file,
                   gboolean          project)
{
  GlossWindow *window = gloss_window_new (app);
  g_autoptr(GError) error = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  ui_present_focused (GTK_WINDOW (window));
  if (project)
    g_assert_true (gloss_window_open_project (window, file, &error));
  else
    g_assert_true (gloss_window_open_file (window, file, &error));
  g_assert_no_error (error);
  wait_for_allocation (gloss_window_get_view (window));
  return window;
}

GlossWindow *
ui_project_window (GlossApplication *app,
                   GFile            *folder)
{
  return focused_window_of (app, folder, TRUE);
}

GlossWindow *
ui_document_window (GlossApplication *app,
                    GFile            *file)
{
  return focused_window_of (app, file, FALSE);
}

GlossWindow *
ui_annotated_sample_window (GlossApplication *app,
                            int               width,
                            int               height)
{
  GlossWindow *window = gloss_window_new (app);
  g_autoptr(GError) error = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  present_and_wait (GTK_WINDOW (window));
  g_assert_true (gloss_window_open_annotated_sample (window, &error));
  g_assert_no_error (error);
  wait_for_allocation (gloss_window_get_view (window));
  return window;
}

GPtrArray *
ui_recent_menu_uris (GlossWindow *window)
{
  GtkWidget *split = find_widget (GTK_WIDGET (window), ADW_TYPE_SPLIT_BUTTON, NULL);
  GMenuModel *menu = adw_split_button_get_menu_model (ADW_SPLIT_BUTTON (split));
  GPtrArray *uris = g_ptr_array_new_with_free_func (g_free);
  int n = g_menu_model_get_n_items (menu);

  for (int i = 0; i < n; i++)
    {
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET,
                                                                          G_VARIANT_TYPE_STRING);

      if (target != NULL)
        g_ptr_array_add (uris, g_variant_dup_string (target, NULL));
    }
  return uris;
}
