/* gloss-type-removal.h: a type's Remove on a Preferences page, which in
 * a project first asks every document of the project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-project.h"

G_BEGIN_DECLS

/* Removes @label from @store's schema. Outside a project (@project NULL)
 * at once, refused while @store's annotations use it; in @project once
 * its uses in every document's files are counted, in a worker, @button
 * (if any) insensitive meanwhile, refused while any uses it. A refusal
 * is a toast on @page's preferences window.
 * Returns whether the type went at once. */
gboolean gloss_type_removal_start (GtkWidget            *page,
                                   GtkWidget            *button,
                                   GlossStore           *store,
                                   GlossLabel           *label,
                                   GlossProject         *project,
                                   GlossProjectDocument *document);

G_END_DECLS
