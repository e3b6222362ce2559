/* gloss-cli.h: the verbs of gloss-cli and what they share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-format.h"
#include "gloss-format-dataset.h"
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
int   gloss_cli_journal          (int    argc,
                                  char **argv);
int   gloss_cli_recover          (int    argc,
                                  char **argv);
int   gloss_cli_project          (int    argc,
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

/* An option that means nothing for @format (native when NULL) is a usage
 * error, never silently ignored. */
gboolean    gloss_cli_check_format_options (const char               *verb,
                                            const GlossFormat        *format,
                                            const GlossFormatOptions *options,
                                            const char               *schema_path);

/* Prints @root on stdout, pretty. */
void        gloss_cli_print_json      (JsonNode        *root);
void        gloss_cli_json_add_int    (JsonBuilder     *builder,
                                       const char      *member,
                                       gint64           value);

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

/* Writes an export of several files into the folder @output (or, for one
 * document, NAME.ann and NAME.txt when @output is NAME.ann), all or
 * nothing; prints what went wrong (gloss-cli-files.c). */
gboolean    gloss_cli_write_files     (const char      *output,
                                       GPtrArray       *files,
                                       gboolean         force);

/* Projects (gloss-cli-project.c). */
gboolean    gloss_cli_is_project      (const char      *path);
/* The stores of a project's documents: each annotator's own (or the
 * source), or with @final_only what a dataset takes (curated, or done). */
GPtrArray  *gloss_cli_read_project    (const char      *path,
                                       const char      *annotator,
                                       gboolean         final_only,
                                       GError         **error);

/* Renames written GlossAtomicFiles into place, all or none of the new ones. */
gboolean    gloss_cli_commit_all      (GPtrArray       *files,
                                       GPtrArray       *targets);

/* export --split (gloss-cli-split.c): train, dev, test; the split is
 * gloss_format_split(). */
gboolean    gloss_cli_parse_split     (const char      *verb,
                                       const char      *text,
                                       guint            percent[GLOSS_SPLIT_N_PARTS]);
gboolean    gloss_cli_write_split     (const GlossFormat        *format,
                                       GPtrArray               **parts,
                                       const GlossFormatOptions *options,
                                       const char               *output,
                                       gboolean                  force);

/* One line of progress on stderr, only when it is a terminal, redrawn at
 * most every 100 ms and cleared before anything else is printed. */
typedef struct
{
  gboolean    active;
  guint       total;      /* items (files or documents) */
  guint       done;       /* the item being worked on, from 1 */
  const char *what;       /* its file name (borrowed) */
  guint       percent;    /* of the current item, from the format's callback */
  gint64      last_draw;  /* g_get_monotonic_time () of the last redraw */
  gboolean    shown;      /* the line is on the terminal */
} GlossCliProgress;

void        gloss_cli_progress_init   (GlossCliProgress   *progress,
                                       guint               total);
/* Makes the formats report into @progress while it is active. */
void        gloss_cli_progress_attach (GlossCliProgress   *progress,
                                       GlossFormatOptions *options);
void        gloss_cli_progress_update (GlossCliProgress   *progress,
                                       guint               done,
                                       const char         *what);
void        gloss_cli_progress_clear  (GlossCliProgress   *progress);

G_END_DECLS
