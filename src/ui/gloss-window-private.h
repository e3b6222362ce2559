/* gloss-window-private.h: what the gloss-window-*.c files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-document-page.h"
#include "gloss-document-read.h"
#include "gloss-format.h"
#include "gloss-window-close.h"
#include "gloss-window-import.h"
#include "gloss-window.h"

G_BEGIN_DECLS

typedef struct _GlossWindowProject GlossWindowProject;

struct _GlossWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  AdwSplitButton       *open_button;
  GtkWidget            *history_box;    /* Undo, Redo */
  guint                 header_idle_id;  /* update_header () after a layout */
  GtkToggleButton      *sidebar_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkLabel             *search_count;
  GtkStack             *stack;
  AdwStatusPage        *loading_page;
  GtkProgressBar       *loading_bar;
  GlossDocumentPage    *page;
  GMenu                *recent_menu;

  GtkRevealer          *journal_banner;
  GtkLabel             *journal_banner_label;
  /* Parts of the page (borrowed) */
  AdwFlap              *flap;
  GlossAnnotationView  *view;

  GlossToastQueue      *toasts;

  /* The name a new document is offered under when saved. */
  char                 *suggested_name;
  GSettings            *settings;
  GtkNativeDialog      *file_chooser;
  /* "Save Changes?" asked, until answered (gloss-window-close.c) */
  gboolean              close_asked;
  GlossWindowCloseAnswer close_answer;
  gpointer              close_answer_data;
  gboolean              closing;
  /* While a file is read in a worker thread (gloss-window-open.c). */
  GCancellable         *open_cancellable;
  guint                 pulse_id;
  /* Made to open a file for another window (the opener, weak): shown
   * only once reading starts, gone if the open fails. */
  gboolean              for_open;
  GlossWindow          *opener;

  /* The file on disk as last read or written (gloss-window-disk.c) */
  GFileMonitor         *monitor;
  char                 *disk_sha256;
  goffset               disk_size;
  gint64                disk_mtime;     /* µs */
  guint                 disk_check_id;
  GtkWindow            *disk_dialog;    /* weak */
  /* Another question of the window the disk's waits for (weak), and
   * whether a refused save waits with it; the recovery offer waits for
   * the disk's question while it holds it. */
  GtkWindow            *disk_blocker;
  gboolean              disk_ask_saving;
  gboolean              disk_holds_recovery;
  char                 *disk_asked_sha256; /* the version Escape left undecided */
  guint                 disk_n_checks;  /* looks after a change, for tests */
  GtkRevealer          *deleted_banner; /* made the first time the file goes */

  GlossWindowProject   *project;        /* the project shown, or NULL */
};

void     _gloss_window_class_add_actions   (GtkWidgetClass *widget_class);

/* gloss-window-team.c: statistics, agreement, curation */
void     _gloss_window_class_add_team      (GtkWidgetClass *widget_class);
void     _gloss_window_team_update         (GlossWindow    *self);

/* gloss-window-project.c, gloss-window-project-files.c */
void     _gloss_window_project_free          (GlossWindowProject *state);
void     _gloss_window_project_init          (GlossWindow        *self);
void     _gloss_window_class_add_project_actions (GtkWidgetClass *widget_class);
void     _gloss_window_project_update_actions (GlossWindow       *self);
void     _gloss_window_project_add_files     (GlossWindow        *self,
                                              GPtrArray          *files);
gboolean _gloss_window_project_drop          (GlossWindow        *self,
                                              GSList             *files);
gboolean _gloss_window_open_project_at       (GlossWindow        *self,
                                              GFile              *folder,
                                              const char         *id,
                                              GError            **error);
/* What dialogs call @store if it is the project's document shown (its
 * name in the Documents list), else NULL. */
char    *_gloss_window_project_label         (GlossWindow        *self,
                                              GlossStore         *store);
char    *_gloss_window_project_annotator_stem (GFile             *folder);
GFile   *_gloss_window_dialog_folder         (GlossWindow        *self);
/* Ctrl+S (@announce: with a toast) or before an export. */
gboolean _gloss_window_project_save          (GlossWindow        *self,
                                              gboolean            announce,
                                              GError            **error);
gboolean _gloss_window_project_reload        (GlossWindow        *self,
                                              gboolean           *done,
                                              GError            **error);
/* “Could Not Save …”, naming the document as the user knows it. */
void     _gloss_window_show_save_error     (GlossWindow    *self,
                                            const GError   *error);
void     _gloss_window_show_error          (GlossWindow    *self,
                                            const char     *heading,
                                            const GError   *error);
void      _gloss_window_show_toast         (GlossWindow    *self,
                                            AdwToast       *toast);
AdwToast *_gloss_window_toast              (GlossWindow    *self,
                                            const char     *title);
void     _gloss_window_save_as             (GlossWindow    *self);
gboolean _gloss_window_write_file          (GlossWindow    *self,
                                            GFile          *file,
                                            GError        **error);
/* gloss-window-search.c */
void     _gloss_window_class_add_search    (GtkWidgetClass *widget_class);
void     _gloss_window_find                (GlossWindow    *self,
                                            gboolean        backward);
void     _gloss_window_update_title        (GlossWindow    *self);

/* gloss-window-export.c */
void     _gloss_window_export              (GlossWindow    *self);
/* @file_sha256: of the bytes @store was read from @file, if the reader
 * hashed them (off the main thread); NULL: @file is read to hash it. */
void     _gloss_window_set_store_from      (GlossWindow    *self,
                                            GlossStore     *store,
                                            GFile          *file,
                                            const char     *file_sha256,
                                            GFile          *source);

/* gloss-window-disk.c: the open file changed by another program */
void     _gloss_window_disk_track          (GlossWindow    *self,
                                            const char     *file_sha256);
void     _gloss_window_disk_untrack        (GlossWindow    *self);
/* Before saving to @file: FALSE (G_IO_ERROR_WRONG_ETAG) if it is the
 * open file and another program changed it since; then it asks. */
gboolean _gloss_window_disk_check          (GlossWindow    *self,
                                            GFile          *file,
                                            GError        **error);
/* For tests: how often the window looked at its file after noticing a
 * change, and whether a change it noticed waits for another question. */
guint    _gloss_window_disk_get_n_checks   (GlossWindow    *self);
gboolean _gloss_window_disk_is_waiting     (GlossWindow    *self);

/* Opening (gloss-window.c, gloss-window-open.c) */
void     _gloss_window_show_opened         (GlossWindow    *self,
                                            GFile          *file,
                                            GlossStore     *store,
                                            const char     *file_sha256);
gboolean _gloss_window_may_open            (GFile          *file,
                                            gboolean       *raised,
                                            GError        **error);
void     _gloss_window_cancel_open         (GlossWindow    *self);
/* A new window, not shown yet, to open a file from @opener in. */
GlossWindow *_gloss_window_new_for_open    (GlossWindow    *opener);
void     _gloss_window_class_add_open      (GtkWidgetClass *widget_class);

G_END_DECLS
