/* main.c: the gloss executable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "gloss-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GlossApplication) app = NULL;
  /* Run from the build tree (build-aux/run.sh, meson devenv), the
   * translations are the build's own, not those of an installed copy. */
  const char *localedir = g_getenv ("GLOSS_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = gloss_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
