/* cli-test-helpers.h: running gloss-cli as a user does, for the CLI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GLOSS_CLI names the built binary; GLOSS_SAMPLES_DIR the sample article.
 */
#pragma once

#include <string.h>
#include <sys/wait.h>

#include <glib.h>

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *tmpdir;   /* the tests' folder, made by main () */

G_GNUC_UNUSED static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

G_GNUC_UNUSED static char *
data_path (const char *dir,
           const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", dir, name, NULL);
}

/* Runs gloss-cli with @env (NULL, or "NAME=VALUE" entries added to the
 * environment) and the arguments in @args. */
static Run
run_cli_va (const char * const *env,
            const char         *first,
            va_list             args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *cli = g_getenv ("GLOSS_CLI");
  Run run = { 0 };
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  /* G_TEST_OPTION_ISOLATE_DIRS changes GLib's idea of the user's folders,
   * not the environment: hand them down, so that gloss-cli finds the
   * journals this test made and touches nothing of the real user's. */
  envp = g_environ_setenv (envp, "XDG_STATE_HOME", g_get_user_state_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);

      envp = g_environ_setenv (envp, pair[0], pair[1], TRUE);
    }

  g_spawn_sync (tmpdir, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run.out, &run.err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));  /* never a crash */
  run.status = WEXITSTATUS (wait_status);
  /* A dataset on standard output can be megabytes on one line, which
   * meson's TAP reader splits: the log shows its start. */
  g_test_message ("exit %d\nstdout: %.2000s%s\nstderr: %s", run.status, run.out,
                  strlen (run.out) > 2000 ? "…" : "", run.err);

  return run;
}

/* Runs gloss-cli with the NULL-terminated arguments. */
G_GNUC_UNUSED G_GNUC_NULL_TERMINATED static Run
run_cli (const char *first,
         ...)
{
  Run run;
  va_list args;

  va_start (args, first);
  run = run_cli_va (NULL, first, args);
  va_end (args);
  return run;
}

/* The same with one "NAME=VALUE" added to the environment. */
G_GNUC_UNUSED G_GNUC_NULL_TERMINATED static Run
run_cli_env (const char *assignment,
             const char *first,
             ...)
{
  const char *env[] = { assignment, NULL };
  Run run;
  va_list args;

  va_start (args, first);
  run = run_cli_va (env, first, args);
  va_end (args);
  return run;
}

#define assert_contains(haystack, needle) \
  G_STMT_START { \
    if (strstr ((haystack), (needle)) == NULL) \
      g_error ("“%s” not found in “%s”", (needle), (haystack)); \
  } G_STMT_END

G_GNUC_UNUSED static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

G_GNUC_UNUSED static char *
sample_article (void)
{
  const char *dir = g_getenv ("GLOSS_SAMPLES_DIR");

  g_assert_nonnull (dir);
  return g_build_filename (dir, "kim-putin-vostochny.txt", NULL);
}
