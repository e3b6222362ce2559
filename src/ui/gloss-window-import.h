/* gloss-window-import.h: Open… reads every format the core imports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-store.h"

G_BEGIN_DECLS

/* The Open dialog's filters: every format the core reads. */
GListStore *_gloss_window_open_filters (void);
/* Whether @file is read by an importer (not .gloss, not text). */
gboolean    _gloss_window_is_import    (GFile   *file);
/* @file's one document, imported in the format its name and content say. */
GlossStore *_gloss_window_import_store (GFile   *file,
                                        GError **error);

G_END_DECLS
