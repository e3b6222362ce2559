/* gloss-cli.h: the verbs of gloss-cli and what they share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-format.h"
#include "gloss-store.h"

G_BEGIN_DECLS

/* Exit statuses of every verb. */
#define GLOSS_CLI_EXIT_OK      0
#define GLOSS_CLI_EXIT_FAILURE 1  /* invalid input, a file that cannot be read or written */
#define GLOSS_CLI_EXIT_USAGE   2  /* bad options or arguments */

typedef int (*GlossCliVerbFunc) (int    argc,
                                 char **argv);

typedef struct
{
  const char       *name;
  const char       *summary;
  GlossCliVerbFunc  run;
} GlossCliVerb;

int   gloss_cli_run              (int    argc,
                                  char **argv);

int   gloss_cli_new              (int    argc,
                                  char **argv);
int   gloss_cli_import           (int    argc,
                                  char **argv);
int   gloss_cli_export           (int    argc,
                                  char **argv);
int   gloss_cli_validate         (int    argc,
                                  char **argv);
int   gloss_cli_stats            (int    argc,
                                  char **argv);
int   gloss_cli_agree            (int    argc,
                                  char **argv);

/* Shared by the verbs (gloss-cli-common.c). */

/* Parses @argv (argv[0] is the verb) with @context; on failure prints the
 * message with a hint to --help and returns FALSE. */
gboolean    gloss_cli_parse_options   (GOptionContext  *context,
                                       const char      *verb,
                                       int             *argc,
                                       char          ***argv);
void        gloss_cli_usage_error     (const char      *verb,
                                       const char      *format,
                                       ...) G_GNUC_PRINTF (2, 3);
void        gloss_cli_error           (const char      *format,
                                       ...) G_GNUC_PRINTF (1, 2);
/* Prints @error's message, which names the file and place, on stderr. */
void        gloss_cli_print_error     (const char      *path,
                                       const GError    *error);

/* A format by name, or NULL after printing why (unknown: usage error;
 * that direction not written yet: failure, in *exit_code). */
const GlossFormat *gloss_cli_get_format (const char      *verb,
                                         const char      *name,
                                         gboolean         for_import,
                                         int             *exit_code);
gboolean    gloss_cli_parse_offsets   (const char      *verb,
                                       const char      *name,
                                       GlossFormatOptions *options);

GBytes     *gloss_cli_load_file       (const char      *path,
                                       GError         **error);
/* Reads @path in @format (native when NULL) into stores. */
GPtrArray  *gloss_cli_read_input      (const GlossFormat        *format,
                                       const char               *path,
                                       const GlossFormatOptions *options,
                                       GError                  **error);
/* Writes @bytes to @path atomically, or to stdout when @path is "-". */
gboolean    gloss_cli_write_output    (const char      *path,
                                       GBytes          *bytes,
                                       gboolean         force,
                                       GError         **error);

/* Progress on stderr when it is a terminal and there is more than one item. */
typedef struct
{
  gboolean active;
  guint    total;
} GlossCliProgress;

void        gloss_cli_progress_init   (GlossCliProgress *progress,
                                       guint             total);
void        gloss_cli_progress_update (GlossCliProgress *progress,
                                       guint             done,
                                       const char       *what);
void        gloss_cli_progress_clear  (GlossCliProgress *progress);

G_END_DECLS
