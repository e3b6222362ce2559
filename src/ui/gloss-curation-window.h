/* gloss-curation-window.h: two annotators' versions of a document, their
 * disagreements decided by keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-curation.h"
#include "gloss-project.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_CURATION_WINDOW (gloss_curation_window_get_type ())

G_DECLARE_FINAL_TYPE (GlossCurationWindow, gloss_curation_window, GLOSS, CURATION_WINDOW, AdwWindow)

/* @left, @right: annotators' names; each must have a file of @document. */
GtkWidget     *gloss_curation_window_new          (GtkWindow            *parent,
                                                   GlossProject         *project,
                                                   GlossProjectDocument *document,
                                                   const char           *left,
                                                   const char           *right);
GlossCuration *gloss_curation_window_get_curation (GlossCurationWindow  *self);
/* The disagreement shown. */
int            gloss_curation_window_get_current  (GlossCurationWindow  *self);

G_END_DECLS
