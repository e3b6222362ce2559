/* gloss-annotation-list-page.h: a sidebar page listing the store's claims
 * or relations, with filters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-store.h"

G_BEGIN_DECLS

typedef enum
{
  GLOSS_LIST_CLAIMS,
  GLOSS_LIST_RELATIONS,
} GlossListKind;

#define GLOSS_TYPE_LIST_KIND (gloss_list_kind_get_type ())
GType gloss_list_kind_get_type (void) G_GNUC_CONST;

#define GLOSS_TYPE_ANNOTATION_LIST_PAGE (gloss_annotation_list_page_get_type ())

G_DECLARE_FINAL_TYPE (GlossAnnotationListPage, gloss_annotation_list_page, GLOSS, ANNOTATION_LIST_PAGE, GtkWidget)

GtkWidget     *gloss_annotation_list_page_new        (GlossListKind            kind);
GlossListKind  gloss_annotation_list_page_get_kind   (GlossAnnotationListPage *self);
GlossStore    *gloss_annotation_list_page_get_store  (GlossAnnotationListPage *self);
void           gloss_annotation_list_page_set_store  (GlossAnnotationListPage *self,
                                                      GlossStore              *store);
gboolean       gloss_annotation_list_page_get_loading (GlossAnnotationListPage *self);
void           gloss_annotation_list_page_set_loading (GlossAnnotationListPage *self,
                                                       gboolean                 loading);
/* The annotations shown, after filtering. */
GListModel    *gloss_annotation_list_page_get_model  (GlossAnnotationListPage *self);
/* Show only annotations of @type_id (NULL: any type) and of @party_id
 * (NULL: anyone): a claim's claimant ("": the article's author), an
 * entity at either end of a relation. Sets the filter drop-downs. */
void           gloss_annotation_list_page_set_filter (GlossAnnotationListPage *self,
                                                      const char              *type_id,
                                                      const char              *party_id);
/* Select @annotation's row and scroll to it, without emitting
 * GlossAnnotationListPage::annotation-selected; NULL unselects. */
gboolean       gloss_annotation_list_page_select     (GlossAnnotationListPage *self,
                                                      GlossAnnotation         *annotation);
/* Activate the row at @position, as a click does. */
void           gloss_annotation_list_page_activate   (GlossAnnotationListPage *self,
                                                      guint                    position);

G_END_DECLS
