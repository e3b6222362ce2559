/* gloss-claim-list.h: the sidebar's claims: claimant, type, first words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-store.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_CLAIM_LIST (gloss_claim_list_get_type ())

G_DECLARE_FINAL_TYPE (GlossClaimList, gloss_claim_list, GLOSS, CLAIM_LIST, GtkWidget)

GtkWidget  *gloss_claim_list_new          (void);
GlossStore *gloss_claim_list_get_store    (GlossClaimList *self);
void        gloss_claim_list_set_store    (GlossClaimList *self,
                                           GlossStore     *store);
/* The claims shown, after filtering. */
GListModel *gloss_claim_list_get_model    (GlossClaimList *self);
/* Show only claims of @type_id (NULL: any type) by @claimant_id (NULL:
 * anyone; "": the article's author). Sets the filter drop-downs. */
void        gloss_claim_list_set_filter   (GlossClaimList *self,
                                           const char     *type_id,
                                           const char     *claimant_id);
/* Select @claim's row and scroll to it, without emitting
 * GlossClaimList::claim-selected; NULL unselects. */
gboolean    gloss_claim_list_select_claim (GlossClaimList *self,
                                           GlossClaim     *claim);
/* Activate the row at @position, as a click does. */
void        gloss_claim_list_activate     (GlossClaimList *self,
                                           guint           position);

G_END_DECLS
