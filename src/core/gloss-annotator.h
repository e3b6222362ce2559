/* gloss-annotator.h: who annotates, and the file name that stands for them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The "author" setting when it is set, else the user's real name, else
 * the login name. */
char     *gloss_annotator_default_name (void);
/* @name as a file name stem: no separators, no leading dot, never one of
 * the names a project keeps for itself ("source", "curated"). */
char     *gloss_annotator_file_stem    (const char *name);

G_END_DECLS
