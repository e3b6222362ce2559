/* gloss-unlinked-mentions.h: a store's mentions without an entity, by type
 * and text, kept up to date through every edit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-store.h"
#include "gloss-unlinked-group.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_UNLINKED_MENTIONS (gloss_unlinked_mentions_get_type ())

G_DECLARE_FINAL_TYPE (GlossUnlinkedMentions, gloss_unlinked_mentions, GLOSS, UNLINKED_MENTIONS, GObject)

GlossUnlinkedMentions *gloss_unlinked_mentions_new            (GlossStore            *store);
/* Empty until gloss_unlinked_mentions_build() has made it complete: for
 * a large document, a few milliseconds at a time. */
GlossUnlinkedMentions *gloss_unlinked_mentions_new_deferred   (GlossStore            *store);
gboolean               gloss_unlinked_mentions_build          (GlossUnlinkedMentions *self,
                                                               gint64                 budget_us);
gboolean               gloss_unlinked_mentions_is_complete    (GlossUnlinkedMentions *self);
GlossStore            *gloss_unlinked_mentions_get_store      (GlossUnlinkedMentions *self);
/* The groups of @type_id sorted by text, a GListModel of
 * GlossUnlinkedGroup (empty for a type without any, and until complete). */
GListModel            *gloss_unlinked_mentions_get_groups     (GlossUnlinkedMentions *self,
                                                               const char            *type_id);
/* How many groups there are (of those walked, until complete). */
guint                  gloss_unlinked_mentions_get_n_groups   (GlossUnlinkedMentions *self);
/* How many mentions have no entity (of those walked, until complete). */
guint                  gloss_unlinked_mentions_get_n_mentions (GlossUnlinkedMentions *self);
GlossUnlinkedGroup    *gloss_unlinked_mentions_lookup         (GlossUnlinkedMentions *self,
                                                               GlossMention          *mention);

G_END_DECLS
