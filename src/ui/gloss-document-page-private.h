/* gloss-document-page-private.h: what the files of GlossDocumentPage share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-document-page.h"
#include "gloss-journal.h"

G_BEGIN_DECLS

/* What the next click on a mention does (gloss-document-page-claims.c). */
typedef enum
{
  GLOSS_PICK_NONE,
  GLOSS_PICK_CLAIMANT,
  GLOSS_PICK_RELATION_TARGET,
} GlossPickMode;

struct _GlossDocumentPage
{
  GtkWidget                parent_instance;

  /* Template children */
  AdwFlap                 *flap;
  GtkOverlay              *article_overlay;
  GtkScrolledWindow       *scroller;
  GlossAnnotationView     *view;
  GlossLabelPalette       *palette;
  GtkPaned                *sidebar;
  AdwViewStack            *sidebar_stack;
  GlossEntityList         *entity_list;
  GlossAnnotationListPage *claim_list;
  GlossAnnotationListPage *relation_list;
  GlossInspector          *inspector;

  GlossStore              *store;
  GFile                   *file;
  GFile                   *source;
  char                    *name;          /* in place of the file's */
  char                    *label;         /* what dialogs call the document */
  gboolean                 reloading;     /* its file is read again */
  /* While a question comes first (gloss-recovery.c): the recovery
   * offer waits, and whether one is waiting. */
  guint                    recovery_holds;
  gboolean                 recovery_waiting;
  GSignalGroup            *store_signals;
  GSignalGroup            *schema_signals;
  gboolean                 schema_modified;
  gboolean                 unsaved;         /* its file is gone */
  /* Where the list/inspector divider was while the inspector showed. */
  int                      inspector_position;
  gboolean                 inspector_placed;

  GlossJournal            *journal;        /* the store's, or NULL */
  GSimpleActionGroup      *actions;        /* doc.* */
  GlossToastQueue         *toasts;         /* the window's */

  /* Claims and relations (gloss-document-page-claims.c) */
  GlossPickMode            pick_mode;
  GlossClaim              *pick_claim;
  GlossEntity             *relation_from;
  GlossEntity             *relation_to;
  GtkWidget               *pick_popover;   /* a GlossPickAnchor */
  AdwToast                *pick_toast;     /* weak: what the pick waits for */
};

/* Toasts go to the window's queue; returns the toast (transfer none). */
AdwToast *_gloss_document_page_toast        (GlossDocumentPage *self,
                                             const char        *title);
/* Takes @toast (transfer full). */
void      _gloss_document_page_show_toast   (GlossDocumentPage *self,
                                             AdwToast          *toast);

/* gloss-document-page-actions.c: the doc.* actions */
void      _gloss_document_page_add_actions  (GlossDocumentPage *self);
void      _gloss_document_page_update_actions (GlossDocumentPage *self);

/* gloss-document-page-panes.c: F6, Shift+F6 */
void      _gloss_document_page_focus_pane   (GlossDocumentPage *self,
                                             gboolean           forward);

/* gloss-document-page-claims.c: claims, relations and the pick modes */
void      _gloss_document_page_add_claim_actions (GlossDocumentPage *self);
void      _gloss_document_page_claims_init    (GlossDocumentPage *self);
void      _gloss_document_page_claims_dispose (GlossDocumentPage *self);
/* A new store: any pick ends. */
void      _gloss_document_page_claims_reset   (GlossDocumentPage *self);
void      _gloss_document_page_claims_update  (GlossDocumentPage *self);
/* TRUE when a pick mode took the new selection (the caller stops). */
gboolean  _gloss_document_page_claims_selected (GlossDocumentPage *self,
                                                GlossAnnotation   *selected);
/* TRUE when Escape cancelled a pick mode. */
gboolean  _gloss_document_page_cancel_pick    (GlossDocumentPage *self);

G_END_DECLS
