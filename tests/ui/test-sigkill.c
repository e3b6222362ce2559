/* test-sigkill.c: the real gloss, killed at random moments, loses no edit
 * that had reached its journal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The test starts the installed-to-be `gloss` binary on a .gloss file
 * under the current X display, focuses its window and types into it with
 * real X key events (XTest): Tab selects the next mention, a digit gives
 * it an entity type. An edit counts as done once the journal has its
 * line (the journal is written before the window shows the edit). Then
 * it SIGKILLs the program, at a random moment: right after a key, a
 * little later, or when idle. The next start must offer the leftover;
 * Return recovers it, Ctrl+S saves, and the saved file must hold exactly
 * the types of every edit the journal had — also an edit the kill cut
 * short, if and only if its line was complete.
 *
 * Rounds: GLOSS_SIGKILL_ROUNDS (20); seed: GLOSS_SIGKILL_SEED (random,
 * printed). Every wait is for a condition, with a generous deadline, and
 * fails at once if the program has died.
 *
 * The program runs with fatal criticals; its warnings go to a log that
 * the test reads after every run and fails on, but for one that GTK 4.8
 * itself prints now and then (see child_log_check()).
 */
#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>

#include "gloss-format-native.h"
#include "gloss-store.h"

#define N_MENTIONS 6
#define DEADLINE_S 60

static const char * const words[N_MENTIONS] = {
  "Vladimir Putin", "Kim Jong Un", "Vostochny Cosmodrome", "Ukraine", "Wednesday", "North Korea",
};
/* The default schema's entity types, by digit key 1–9. */
static const char * const types[9] = {
  "PER", "ORG", "GPE", "LOC", "FAC", "EQP", "EVT", "DATE", "QTY",
};

typedef struct
{
  Display  *dpy;
  GRand    *rand;
  char     *path;          /* the .gloss */
  char     *journal_dir;
  char     *log_path;      /* the program's stderr */
  GPid      pid;
  Window    window;
  int       type[N_MENTIONS];     /* index into types[], as the journal has it */
  int       selected;             /* -1: nothing selected in this process */
} Run;

static gboolean
past (gint64 deadline)
{
  return g_get_monotonic_time () > deadline;
}

static gint64
deadline_in (int seconds)
{
  return g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;
}

/* Fails the test if the log of the program's runs has a warning or a
 * critical. One warning is let through: GTK 4.8 loads icons on threads
 * and, about once in 400 starts on a busy machine, fails to load its own
 * spinner icon from its resources ("Failed to load icon
 * /org/gtk/libgtk/icons/…: Unrecognized image file format"); the spinner
 * is then drawn as a missing image, nothing else changes, and Gloss has
 * no part in it (docs/decisions.md). */
static void
child_log_check (Run *run)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (run->log_path, &contents, NULL, NULL) || contents[0] == '\0')
    return;
  g_test_message ("the program's stderr:\n%s", contents);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gboolean gtk_icon = strstr (lines[i], "Gtk-WARNING **") != NULL &&
                          strstr (lines[i], "Failed to load icon /org/gtk/libgtk/icons/") != NULL;

      if (!gtk_icon && (strstr (lines[i], "-WARNING **") != NULL ||
                        strstr (lines[i], "-CRITICAL **") != NULL ||
                        strstr (lines[i], "-ERROR **") != NULL))
        g_error ("the program printed: %s", lines[i]);
    }
}

/* Waiting on a condition that another process changes: poll it, and fail
 * at once if that process is gone. */
static void
poll_pause (Run *run)
{
  int status;

  if (run->pid != 0 && waitpid (run->pid, &status, WNOHANG) == run->pid)
    {
      run->pid = 0;
      child_log_check (run);
      g_error ("the program died (%s %d)", WIFSIGNALED (status) ? "signal" : "exit status",
               WIFSIGNALED (status) ? WTERMSIG (status) : WEXITSTATUS (status));
    }
  g_usleep (2000);
}

/* _NET_WM_NAME (UTF-8): WM_NAME is compound text for "a.gloss — Gloss". */
static char *
window_name (Display *dpy,
             Window   window)
{
  Atom name_atom = XInternAtom (dpy, "_NET_WM_NAME", False);
  Atom utf8 = XInternAtom (dpy, "UTF8_STRING", False);
  unsigned char *prop = NULL;
  unsigned long n_items = 0, after;
  Atom type;
  int format;
  char *name = NULL;

  if (XGetWindowProperty (dpy, window, name_atom, 0, 1024, False, utf8, &type, &format,
                          &n_items, &after, &prop) == Success && prop != NULL)
    {
      name = g_strndup ((const char *) prop, n_items);
      XFree (prop);
    }
  return name;
}

/* The viewable top-level window of @pid whose name contains @name. */
static Window
find_window (Run        *run,
             const char *name)
{
  Atom pid_atom = XInternAtom (run->dpy, "_NET_WM_PID", False);
  Window root = DefaultRootWindow (run->dpy), parent, *children = NULL;
  unsigned int n = 0;
  Window found = None;

  if (!XQueryTree (run->dpy, root, &root, &parent, &children, &n))
    return None;
  for (unsigned int i = 0; i < n && found == None; i++)
    {
      XWindowAttributes attrs;
      unsigned char *prop = NULL;
      unsigned long n_items = 0, after, pid = 0;
      Atom type;
      int format;
      g_autofree char *title = NULL;

      if (!XGetWindowAttributes (run->dpy, children[i], &attrs) || attrs.map_state != IsViewable)
        continue;
      if (XGetWindowProperty (run->dpy, children[i], pid_atom, 0, 1, False, XA_CARDINAL, &type,
                              &format, &n_items, &after, &prop) != Success)
        continue;
      if (n_items == 1)
        memcpy (&pid, prop, sizeof pid);   /* format 32 comes as longs */
      if (n_items == 1 && (GPid) pid == run->pid &&
          (title = window_name (run->dpy, children[i])) != NULL && strstr (title, name) != NULL)
        found = children[i];
      if (prop != NULL)
        XFree (prop);
    }
  if (children != NULL)
    XFree (children);
  return found;
}

static Window
wait_window (Run        *run,
             const char *name)
{
  gint64 deadline = deadline_in (DEADLINE_S);
  Window window;

  while ((window = find_window (run, name)) == None)
    {
      g_assert_false (past (deadline));
      poll_pause (run);
    }
  return window;
}

static void
wait_window_gone (Run        *run,
                  const char *name)
{
  gint64 deadline = deadline_in (DEADLINE_S);

  while (find_window (run, name) != None)
    {
      g_assert_false (past (deadline));
      poll_pause (run);
    }
}

static void
focus (Run    *run,
       Window  window)
{
  XSetInputFocus (run->dpy, window, RevertToParent, CurrentTime);
  XSync (run->dpy, False);
}

static void
key (Run    *run,
     KeySym  sym,
     KeySym  modifier)
{
  KeyCode code = XKeysymToKeycode (run->dpy, sym);
  KeyCode mod = modifier != NoSymbol ? XKeysymToKeycode (run->dpy, modifier) : 0;

  g_assert_cmpuint (code, !=, 0);
  if (mod != 0)
    XTestFakeKeyEvent (run->dpy, mod, True, CurrentTime);
  XTestFakeKeyEvent (run->dpy, code, True, CurrentTime);
  XTestFakeKeyEvent (run->dpy, code, False, CurrentTime);
  if (mod != 0)
    XTestFakeKeyEvent (run->dpy, mod, False, CurrentTime);
  XSync (run->dpy, False);
}

/* The journal the running program writes: the newest one (sessions are
 * named by their start time). */
static char *
live_journal (Run *run)
{
  g_autoptr(GDir) dir = g_dir_open (run->journal_dir, 0, NULL);
  g_autofree char *newest = NULL;
  const char *name;

  if (dir == NULL)
    return NULL;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".jsonl") && (newest == NULL || strcmp (name, newest) > 0))
      {
        g_free (newest);
        newest = g_strdup (name);
      }
  return newest != NULL ? g_build_filename (run->journal_dir, newest, NULL) : NULL;
}

/* Complete lines of @path (0 if it is not there). */
static guint
count_lines (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint n = 0;

  if (path == NULL || !g_file_get_contents (path, &contents, &length, NULL))
    return 0;
  for (gsize i = 0; i < length; i++)
    n += contents[i] == '\n';
  return n;
}

static void
wait_lines (Run        *run,
            const char *path,
            guint       n)
{
  gint64 deadline = deadline_in (DEADLINE_S);

  while (count_lines (path) < n)
    {
      g_assert_false (past (deadline));
      poll_pause (run);
    }
}

static char *
wait_fresh_journal (Run *run)
{
  gint64 deadline = deadline_in (DEADLINE_S);

  for (;;)
    {
      g_autofree char *journal = live_journal (run);

      if (journal != NULL && count_lines (journal) == 1)
        return g_steal_pointer (&journal);
      g_assert_false (past (deadline));
      poll_pause (run);
    }
}

static char *
file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* The saved file holds exactly the types the journal had. */
static void
check_saved (Run *run)
{
  g_autoptr(GFile) file = g_file_new_for_path (run->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_native_read_file (file, &error);
  GListModel *mentions;

  g_assert_no_error (error);
  mentions = gloss_store_get_list (store, GLOSS_KIND_MENTION);
  g_assert_cmpuint (g_list_model_get_n_items (mentions), ==, N_MENTIONS);
  for (guint i = 0; i < N_MENTIONS; i++)
    {
      g_autoptr(GlossAnnotation) m = g_list_model_get_item (mentions, i);

      g_assert_cmpstr (gloss_annotation_get_type_id (m), ==, types[run->type[i]]);
    }
}

static void
start (Run *run)
{
  const char *binary = g_getenv ("GLOSS_BINARY");
  const char *argv[] = { binary, run->path, NULL };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_auto(GStrv) debug = g_strsplit (g_environ_getenv (envp, "G_DEBUG") ?: "", ",", -1);
  g_autoptr(GStrvBuilder) child_debug = g_strv_builder_new ();
  g_auto(GStrv) child_debug_v = NULL;
  g_autofree char *child_debug_s = NULL;
  int log_fd;

  g_assert_nonnull (binary);
  /* Criticals stay fatal; warnings are read from the log (child_log_check). */
  for (guint i = 0; debug[i] != NULL; i++)
    if (debug[i][0] != '\0' && strcmp (debug[i], "fatal-warnings") != 0 &&
        strcmp (debug[i], "fatal-criticals") != 0)
      g_strv_builder_add (child_debug, debug[i]);
  g_strv_builder_add (child_debug, "fatal-criticals");
  child_debug_v = g_strv_builder_end (child_debug);
  child_debug_s = g_strjoinv (",", child_debug_v);
  envp = g_environ_setenv (envp, "G_DEBUG", child_debug_s, TRUE);
  /* The test's own folders (G_TEST_OPTION_ISOLATE_DIRS sets them in this
   * process only). */
  envp = g_environ_setenv (envp, "HOME", g_get_home_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_STATE_HOME", g_get_user_state_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_RUNTIME_DIR", g_get_user_runtime_dir (), TRUE);
  log_fd = g_open (run->log_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (log_fd, >=, 0);
  g_assert_true (g_spawn_async_with_fds (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD,
                                         NULL, NULL, &run->pid, -1, -1, log_fd, &error));
  g_assert_no_error (error);
  g_close (log_fd, NULL);
  run->window = wait_window (run, "a.gloss");
  run->selected = -1;
}

static void
kill_it (Run *run)
{
  int status;

  kill (run->pid, SIGKILL);
  g_assert_cmpint (waitpid (run->pid, &status, 0), ==, run->pid);
  g_spawn_close_pid (run->pid);
  run->pid = 0;
  child_log_check (run);
}

/* After a start with a leftover: Return on "Recover Unsaved Changes?",
 * then Ctrl+S, and the file must hold every journaled edit. */
static void
recover_and_check (Run *run)
{
  Window dialog = wait_window (run, "Recover Unsaved Changes?");
  g_autofree char *before = file_sha256 (run->path);
  gint64 deadline;

  focus (run, dialog);
  key (run, XK_Return, NoSymbol);
  wait_window_gone (run, "Recover Unsaved Changes?");

  focus (run, run->window);
  key (run, XK_s, XK_Control_L);
  deadline = deadline_in (DEADLINE_S);
  for (;;)
    {
      g_autofree char *now = file_sha256 (run->path);

      if (now != NULL && g_strcmp0 (now, before) != 0)
        break;
      g_assert_false (past (deadline));
      poll_pause (run);
    }
  check_saved (run);
}

/* One edit by key: Tab to the next mention (now and then), then a digit
 * for a type it does not have. */
static void
send_edit (Run *run,
           int *mention,
           int *type)
{
  int t;

  if (run->selected < 0 || g_rand_boolean (run->rand))
    {
      key (run, XK_Tab, NoSymbol);
      run->selected = (run->selected + 1) % N_MENTIONS;
    }
  do
    t = g_rand_int_range (run->rand, 0, 9);
  while (t == run->type[run->selected]);
  key (run, XK_1 + t, NoSymbol);
  *mention = run->selected;
  *type = t;
}

static void
write_document (Run *run)
{
  g_autofree char *article = g_build_filename (g_getenv ("GLOSS_SAMPLES_DIR"), "kim-putin-vostochny.txt", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (article);
  g_autoptr(GFile) file = g_file_new_for_path (run->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = gloss_document_new_from_file (source, &error);
  g_autoptr(GlossStore) store = NULL;
  const char *text;

  g_assert_no_error (error);
  text = gloss_document_get_text (document);
  store = gloss_store_new (document, NULL);
  for (guint i = 0; i < N_MENTIONS; i++)
    {
      const char *at = strstr (text, words[i]);
      GlossSpan span;
      g_autoptr(GlossMention) mention = NULL;

      g_assert_nonnull (at);
      span.start = g_utf8_pointer_to_offset (text, at);
      span.end = span.start + g_utf8_strlen (words[i], -1);
      mention = gloss_mention_new ("PER", &span, 1);
      g_assert_true (gloss_store_add (store, GLOSS_ANNOTATION (mention), &error));
      run->type[i] = 0;
    }
  g_assert_true (gloss_native_write_file (store, file, &error));
  g_assert_no_error (error);
}

/* Windows come and go between a query and the next: not an error. */
static int
ignore_x_errors (Display     *dpy,
                 XErrorEvent *event)
{
  return 0;
}

static void
test_sigkill (void)
{
  const char *rounds_env = g_getenv ("GLOSS_SIGKILL_ROUNDS");
  const char *seed_env = g_getenv ("GLOSS_SIGKILL_SEED");
  guint rounds = rounds_env != NULL ? (guint) atoi (rounds_env) : 20;
  guint32 seed = seed_env != NULL ? (guint32) strtoul (seed_env, NULL, 10) : g_random_int ();
  guint killed_in_flight = 0, edits_total = 0;
  Run run = { 0, };
  int event, error_base, major, minor;

  run.dpy = XOpenDisplay (NULL);
  if (run.dpy == NULL || !XTestQueryExtension (run.dpy, &event, &error_base, &major, &minor))
    {
      g_test_skip ("no X display with XTest");
      if (run.dpy != NULL)
        XCloseDisplay (run.dpy);
      return;
    }
  XSetErrorHandler (ignore_x_errors);
  /* A digit the server repeats while a loaded machine keeps it from
   * reading the release would be one edit more (ui-test-utils.c). */
  XAutoRepeatOff (run.dpy);
  g_test_message ("seed %u (GLOSS_SIGKILL_SEED=%u to repeat), %u rounds", seed, seed, rounds);
  run.rand = g_rand_new_with_seed (seed);
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  run.path = g_build_filename (g_get_user_data_dir (), "a.gloss", NULL);
  run.journal_dir = g_build_filename (g_get_user_state_dir (), "gloss", "journal", NULL);
  run.log_path = g_build_filename (g_get_user_data_dir (), "gloss-stderr.log", NULL);
  write_document (&run);

  for (guint round = 0; round < rounds; round++)
    {
      g_autofree char *journal = NULL;
      guint acked_lines, n_acked = g_rand_int_range (run.rand, 0, 5);
      int mention = -1, type = -1;
      gboolean in_flight;

      start (&run);
      if (round > 0)
        recover_and_check (&run);

      /* The session's journal: only a header (after a recovery, the save
       * started it over). */
      focus (&run, run.window);
      journal = wait_fresh_journal (&run);
      acked_lines = 1;

      for (guint i = 0; i < n_acked || i == 0; i++)
        {
          send_edit (&run, &mention, &type);
          wait_lines (&run, journal, ++acked_lines);
          run.type[mention] = type;
          edits_total++;
        }

      /* The kill: right after a key, a moment later, or when idle. */
      in_flight = g_rand_boolean (run.rand);
      if (in_flight)
        {
          send_edit (&run, &mention, &type);
          /* From at once to well after the line could be on disk. */
          g_usleep (g_rand_int_range (run.rand, 0, 40000));
        }
      kill_it (&run);

      /* An edit whose line the journal has is done, whatever the screen
       * showed; one whose line is not complete never happened. */
      if (in_flight && count_lines (journal) > acked_lines)
        {
          g_assert_cmpuint (count_lines (journal), ==, acked_lines + 1);
          run.type[mention] = type;
          edits_total++;
          killed_in_flight++;
        }
    }

  start (&run);
  recover_and_check (&run);
  kill_it (&run);
  g_test_message ("%u kills, %u edits, %u of them journaled by a program killed right after the key",
                  rounds, edits_total, killed_in_flight);

  g_rand_free (run.rand);
  g_free (run.path);
  g_free (run.journal_dir);
  g_free (run.log_path);
  XCloseDisplay (run.dpy);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/ui/sigkill/recover", test_sigkill);
  return g_test_run ();
}
