/* gloss-format-xmi.h: UIMA CAS XMI as INCEpTION exports it, import
 * (docs/formats.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-format.h"

G_BEGIN_DECLS

GPtrArray *gloss_xmi_import (GBytes                   *input,
                             const GlossFormatOptions *options,
                             GError                  **error);

G_END_DECLS
