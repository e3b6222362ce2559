/* ui-test-utils.h: what the UI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real input: keys, clicks and drags go through the X server (XTest),
 * so they meet the same event handling, focus and shortcuts a user's do.
 * Without XTest (not built with libxtst, or the server lacks it) the
 * window tests skip.
 *
 * Waiting: always for a condition, with a generous deadline (the suite
 * runs on a busy 2-core machine), never for a fixed time.
 */
#pragma once

#include <adwaita.h>

#include "gloss-annotation-view.h"
#include "gloss-application.h"
#include "gloss-store.h"
#include "gloss-window.h"

G_BEGIN_DECLS

/* How long a wait may take before the test fails: generous, since a
 * loaded machine can take seconds for a frame (with the suite, two busy
 * loops and other builds on two cores, a second window took over 20 s). */
#define UI_TEST_TIMEOUT_MS 60000

/* Setup: GDK_BACKEND=x11, GSK_RENDERER=cairo, no accessibility bus,
 * isolated XDG dirs, every warning and critical fatal. FALSE without a
 * display (the caller returns 77). */
gboolean          ui_test_init              (int          *argc,
                                             char       ***argv);
/* A registered, non-unique GlossApplication for the windows. */
GlossApplication *ui_test_app_new           (void);
/* The main () of a window test: ui_test_init(), the system's MIME
 * database, recent files off (ui_lived_in_new() turns them on), an
 * application without id in *@app; runs the tests @add_tests adds.
 * Without a display, or without XTest to send real input, it prints a
 * TAP plan of no tests, which meson reports as a skip (an exit status 77 is an ERROR under TAP).
 * With @app NULL (tests of a widget alone): no application, and no need
 * of XTest. Animations are off in every UI test. */
int               ui_test_main              (int                *argc,
                                             char             ***argv,
                                             GlossApplication  **app,
                                             void              (*add_tests) (void));
/* TRUE if real input events can be sent; else marks the test skipped. */
gboolean          ui_test_require_input     (void);

/* A file @name in the test's own data folder (G_TEST_OPTION_ISOLATE_DIRS:
 * each test has its own, removed after the run), never a path that other
 * runs share. */
char             *ui_test_path              (const char   *name);

/* A window of @app, inside xvfb-run's default 640×480 screen (so that
 * popovers can be placed), shown and laid out. */
GlossWindow      *new_test_window           (GlossApplication  *app);
/* The text selected in @window's article, snapped as a tag would cover
 * it ("" for none). */
char             *ui_selected_text          (GlossWindow       *window);
/* Until the text selected in @window's article is @text (or the deadline). */
gboolean          ui_wait_selection         (GlossWindow       *window,
                                             const char        *text);

/* Waiting */
typedef gboolean (*UiTestPredicate) (gpointer data);

void      iterate                   (void);
gboolean  ui_wait_until             (UiTestPredicate  predicate,
                                     gpointer         data,
                                     guint            timeout_ms);
void      ui_wait_for_frame         (GtkWidget       *widget);
void      ui_resize_window          (GtkWindow       *window,
                                     int              width,
                                     int              height);
/* @widget's snapshot after its next frame, rendered as GTK renders it:
 * cairo ARGB32 (B G R A), @stride bytes a row (free it). */
guchar   *ui_render_widget          (GtkWidget       *widget,
                                     gsize           *stride);
void      wait_for_allocation       (GtkWidget       *widget);
void      present_and_wait          (GtkWindow       *window);
/* Present @window, give it the X input focus and wait until it is active:
 * Xvfb has no window manager to do that. */
void      ui_present_focused        (GtkWindow       *window);
/* A fixed time: for benchmarks only; tests wait for conditions. */
void      wait_ms                   (guint            ms);
/* Until @widget has the focus of @window (or the deadline passes). */
gboolean  ui_wait_focus             (GtkWindow       *window,
                                     GtkWidget       *widget);

/* Keys: @accel as gtk_accelerator_parse() reads it ("<Control>l", "1",
 * "Escape", "<Shift>k"), sent as real key events to the focus of
 * @window (which is presented and focused first if it is not active). */
void      ui_key                    (GtkWidget       *window,
                                     const char      *accel);
void      ui_type                   (GtkWidget       *window,
                                     const char      *text);
/* Walks the shortcut tables a key press would meet, without the X server:
 * left only for test-window.c, whose search test sees a real Escape stop
 * at the search bar (GTK 4.8); every other test sends real keys. */
void      press                     (GtkWidget       *window,
                                     const char      *accel);

/* Pointer, at the text of @view (code point offsets; the view scrolls
 * to show them first). */
void      ui_text_point             (GlossAnnotationView *view,
                                     guint                offset,
                                     double              *x,
                                     double              *y);
void      ui_click_text             (GlossAnnotationView *view,
                                     guint                offset,
                                     guint                n_presses);
void      ui_drag_text              (GlossAnnotationView *view,
                                     guint                start,
                                     guint                end);
/* One click in the middle of @widget. */
void      ui_click_center           (GtkWidget       *widget);
/* Move the pointer over @x, @y of @widget. */
void      ui_move_pointer           (GtkWidget       *widget,
                                     double           x,
                                     double           y);
void      ui_click_widget           (GtkWidget       *widget,
                                     double           x,
                                     double           y,
                                     guint            n_presses);
/* Move the pointer off every window (no hover, no tooltip timers). */
/* Turns the wheel over the scrolled window around @widget, notch by notch,
 * until @widget is wholly in sight. */
void      ui_scroll_into_view       (GtkWidget       *widget);
void      ui_park_pointer           (GtkWidget       *widget);
/* Park the pointer, destroy @window and assert it is finalized once its
 * sources ran out (g_assert_finalize_object). */
void      ui_window_destroy         (GtkWindow       *window);

/* A lived-in state: a recent list with three documents, three documents
 * saved in a folder, preferences changed. */
typedef struct
{
  char  *dir;
  GFile *documents[3];
} UiLivedIn;

UiLivedIn *ui_lived_in_new          (void);
void       ui_lived_in_free         (UiLivedIn *lived_in);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UiLivedIn, ui_lived_in_free)

/* The model */
GlossStore   *new_sample_store      (void);
/* An unannotated store of @text with the default schema. */
GlossStore   *ui_store_new          (const char      *text);
guint         find_text             (GlossStore      *store,
                                     const char      *needle,
                                     guint            nth);
guint         text_end              (const char      *needle,
                                     guint            start);
GlossMention *add_mention           (GlossStore      *store,
                                     const char      *type_id,
                                     guint            start,
                                     guint            end,
                                     GlossEntity     *entity);
/* Select @text (its first occurrence) in the article and press @key (a real
 * key); returns once a mention covers exactly that text. */
void          tag_by_key            (GlossWindow     *window,
                                     const char      *text,
                                     const char      *key);
guint         n_mentions            (GlossWindow     *window);
char         *span_text             (GlossStore      *store,
                                     GlossAnnotation *annotation,
                                     GlossSpanRole    role,
                                     guint            i);
/* The first mention of @window's document whose text is @text, or NULL. */
GlossAnnotation *ui_mention_of      (GlossWindow     *window,
                                     const char      *text);
/* The sample saved as @name (ui_test_path()) by a window of @app,
 * closed cleanly. */
GFile        *ui_saved_sample       (GlossApplication *app,
                                     const char      *name);
/* Another program's version of @file (a .gloss): a Person mention on
 * @text, written the way a git pull would (a new file renamed over it). */
void          ui_write_theirs       (GFile           *file,
                                     const char      *text);

/* Projects: @folder made a project (named "Summit") of the @n texts, each
 * added as a document under its name in @names, for @annotator (NULL:
 * gloss_annotator_default_name ()). */
/* GTK's list of recent files stays where the first test that used it
 * had its folders, removed when that test ended: made again, so that a
 * later test of the same program can add to it. */
void          ui_recent_folder_make (void);
void          ui_project_make       (GFile              *folder,
                                     const char * const *texts,
                                     const char * const *names,
                                     guint               n,
                                     const char         *annotator);
/* A new 900×640 window, focused, showing the project at @folder. */
GlossWindow  *ui_project_window     (GlossApplication   *app,
                                     GFile              *folder);
/* A new 900×640 window, focused, showing the document @file. */
GlossWindow  *ui_document_window    (GlossApplication   *app,
                                     GFile              *file);
/* A new window @width×@height showing the annotated sample, laid out. */
GlossWindow  *ui_annotated_sample_window (GlossApplication *app,
                                          int               width,
                                          int               height);
/* The URIs the Open button's menu of recent documents lists. */
GPtrArray    *ui_recent_menu_uris   (GlossWindow        *window);

/* Widgets */
GtkWidget *find_widget              (GtkWidget       *root,
                                     GType            type,
                                     const char      *title);
void       choose                   (AdwComboRow     *row,
                                     const char      *name);
gboolean   label_contains           (GtkWidget       *root,
                                     const char      *text);
/* A mapped label under @root whose text is @text, if any. */
GtkWidget *ui_find_label            (GtkWidget       *root,
                                     const char      *text);
/* For ui_wait_until(): @data is the address of a weak pointer to a
 * widget (a dialog answered, a popover closed); whether it is gone or
 * unmapped (a next one may show already). */
gboolean   ui_widget_gone           (gpointer         data);
/* Until @chooser would answer @file: its selection, or in a folder
 * chooser with nothing selected its current folder. The chooser takes a
 * file it is given only once it has listed its folder, and a click on
 * its accept button before then answers nothing. Fails at the deadline. */
void       ui_wait_chooser_file     (GtkWidget       *chooser,
                                     GFile           *file);
/* Waits until a label @text shows under @root (mapped, with a width),
 * and returns it; fails the test at the deadline. */
GtkWidget *ui_wait_label            (GtkWidget       *root,
                                     const char      *text);
/* A mapped button or menu button under @root showing @icon_name. */
GtkWidget *find_icon_button         (GtkWidget       *root,
                                     const char      *icon_name);
GtkWidget *find_toast               (GtkWidget       *root,
                                     const char      *text);
gboolean   wait_toast               (GtkWidget       *root,
                                     const char      *text,
                                     gboolean         shown,
                                     guint            ms);
/* A toast's button, clicked with the real pointer. A toast goes by itself
 * once its timeout has passed, and a busy machine can spend that between
 * the toast's showing and a click reaching it. So ui_hold_toast(), called
 * before the key or click that brings the toast, holds the next toast
 * under @root whose title contains @text from the moment it shows: it
 * stays until it is dismissed (as it does while the pointer is over it).
 * ui_click_toast_button() waits until it shows, clicks its button and
 * frees @hold; the test fails if the toast never shows, went before the
 * click (another toast took its place), or its button missed the click. */
typedef struct _UiToastHold UiToastHold;
UiToastHold *ui_hold_toast          (GtkWidget       *root,
                                     const char      *text);
void       ui_click_toast_button    (UiToastHold     *hold);
/* The message dialog over @window, once it shows (NULL after the
 * deadline). */
AdwMessageDialog *wait_message_dialog (gpointer       window);
/* Presents @dialog focused and clicks its button labelled @label. */
void              ui_click_response   (AdwMessageDialog *dialog,
                                       const char       *label);
gboolean   wait_popover_visible     (GtkWidget       *root,
                                     GType            type);
/* A click on @opener, then on the label @text in the popover of @type it
 * opens. */
void       ui_click_in_popover      (GtkWidget       *opener,
                                     GType            type,
                                     const char      *text);
/* The mapped toplevel of @type (a file chooser's dialog, without a
 * portal), once it shows; the test fails after the deadline. */
GtkWidget *ui_wait_toplevel         (GType            type);
/* The window's page stack (empty, loading, document), under @root. */
GtkStack  *ui_find_page_stack       (GtkWidget       *root);
/* Fails the test if a label shown under @root breaks a word: wraps inside
 * it, is narrower than it, or ellipsizes before its first word ends
 * (ui-test-words.c). Waits for a frame first. */
void       ui_assert_words_whole    (GtkWidget       *root);
/* No label shown under @root is cut with an ellipsis. */
void       ui_assert_nothing_cut    (GtkWidget       *root);
/* The shortcuts window that @window has just been asked to show: each of
 * its sections fits a 1280×800 screen with words whole; then closed. */
void       ui_assert_shortcuts_fit  (GtkWidget       *window);
/* A visible descendant of @root of @type, if any. */
GtkWidget *find_visible             (GtkWidget       *root,
                                     GType            type);
/* The sidebar page @name ("Claims"), shown by a click on its switcher
 * button. */
void       ui_show_sidebar_page     (GlossWindow     *window,
                                     const char      *name);

G_END_DECLS
