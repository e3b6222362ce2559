/* gloss-unlinked-group.h: the mentions of one type and one text that no
 * entity holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-mention.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_UNLINKED_GROUP (gloss_unlinked_group_get_type ())

G_DECLARE_FINAL_TYPE (GlossUnlinkedGroup, gloss_unlinked_group, GLOSS, UNLINKED_GROUP, GObject)

GlossUnlinkedGroup *gloss_unlinked_group_new            (const char         *type_id,
                                                         const char         *text);
const char         *gloss_unlinked_group_get_type_id    (GlossUnlinkedGroup *self);
const char         *gloss_unlinked_group_get_text       (GlossUnlinkedGroup *self);
guint               gloss_unlinked_group_get_n_mentions (GlossUnlinkedGroup *self);
GlossMention       *gloss_unlinked_group_get_mention    (GlossUnlinkedGroup *self,
                                                         guint               index);
/* The mention after @current in text order, the first after the last
 * (and for a @current not in the group). */
GlossMention       *gloss_unlinked_group_next           (GlossUnlinkedGroup *self,
                                                         GlossMention       *current);
/* A GCompareDataFunc: by text as people sort (g_utf8_collate). */
int                 gloss_unlinked_group_compare        (gconstpointer       a,
                                                         gconstpointer       b,
                                                         gpointer            user_data);

/* GlossUnlinkedMentions's side. */
void                _gloss_unlinked_group_add           (GlossUnlinkedGroup *self,
                                                         GlossMention       *mention);
void                _gloss_unlinked_group_remove        (GlossUnlinkedGroup *self,
                                                         GlossMention       *mention);

G_END_DECLS
