/* gloss-agreement-window.h: how far two annotators of a project agree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-agreement.h"
#include "gloss-project.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_AGREEMENT_WINDOW (gloss_agreement_window_get_type ())

G_DECLARE_FINAL_TYPE (GlossAgreementWindow, gloss_agreement_window, GLOSS, AGREEMENT_WINDOW, AdwWindow)

GtkWidget            *gloss_agreement_window_new           (GtkWindow            *parent,
                                                            GlossProject         *project);
const GlossAgreement *gloss_agreement_window_get_agreement (GlossAgreementWindow *self);

G_END_DECLS
