/* main.c: gloss-cli, the headless Gloss
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "gloss-cli.h"

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");

  return gloss_cli_run (argc, argv);
}
