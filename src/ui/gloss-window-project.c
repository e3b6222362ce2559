/* gloss-window-project.c: the window annotating the documents of a project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A project shows one document at a time, the annotator's own file of it.
 * Moving to another document saves the one shown through the project (so
 * its entities join the registry and its texts the lexicon), then opens
 * the next and offers its suggestions. Keys: Alt+Left/Alt+Right previous
 * and next, Ctrl+Return done and the next to do; on a suggestion at the
 * caret, Return accepts it, Shift+Return every one of its entity, and
 * BackSpace rejects it; each is a step of the document's undo history.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation-view.h"
#include "gloss-annotator.h"
#include "gloss-document-list.h"
#include "gloss-edits.h"
#include "gloss-format-native.h"
#include "gloss-project.h"
#include "gloss-project-member.h"
#include "gloss-recent-projects.h"
#include "gloss-recovery.h"
#include "gloss-window-private.h"

struct _GlossWindowProject
{
  GlossProject         *project;
  GlossProjectDocument *document;
  GArray               *suggestions;
  GlossStore           *store;        /* whose changes refresh the suggestions */
  GlossSchema          *schema;       /* the store's, whose edits go to the project */
  gulong                schema_changed_id;
};

void
_gloss_window_project_free (GlossWindowProject *state)
{
  if (state == NULL)
    return;
  if (state->store != NULL)
    g_signal_handlers_disconnect_matched (state->store, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, state);
  if (state->schema != NULL)
    g_clear_signal_handler (&state->schema_changed_id, state->schema);
  g_clear_object (&state->schema);
  g_clear_object (&state->store);
  g_clear_pointer (&state->suggestions, g_array_unref);
  g_clear_object (&state->document);
  g_clear_object (&state->project);
  g_free (state);
}

static GlossAnnotationView *
get_view (GlossWindow *self)
{
  return GLOSS_ANNOTATION_VIEW (gloss_window_get_view (self));
}

static void
refresh_suggestions (GlossWindow *self)
{
  GlossWindowProject *state = self->project;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&state->suggestions, g_array_unref);
  if (state->store != NULL)
    state->suggestions = gloss_project_suggest (state->project, state->document, state->store, &error);
  if (error != NULL)
    _gloss_window_show_error (self, _("Suggestions Are Not Available"), error);
  gloss_annotation_view_set_suggestions (get_view (self), state->suggestions);
}

static void
store_changed (GlossStore *store,
               const char *label,
               int         direction,
               gpointer    user_data)
{
  GlossWindow *self = user_data;

  if (self->project != NULL && self->project->store == store)
    refresh_suggestions (self);
}

/* One schema for the whole project: an edit of the shown document's (in
 * Preferences) becomes the project's, saved in project.json at once; the
 * other documents take it when they are opened. */
static void
schema_edited (GlossSchema *schema,
               GlossWindow *self)
{
  GlossWindowProject *state = self->project;
  g_autoptr(GlossSchema) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (state == NULL || state->schema != schema)
    return;
  copy = gloss_schema_copy (schema);
  gloss_project_set_schema (state->project, copy);
  if (!gloss_project_save (state->project, &error))
    _gloss_window_show_error (self, _("The Project’s Schema Cannot Be Saved"), error);
}

static void show_or_complain (GlossWindow          *self,
                              GlossProjectDocument *document);

static void
document_activated (GlossWindow          *self,
                    GlossProjectDocument *document)
{
  if (self->project != NULL && document != self->project->document)
    show_or_complain (self, document);
}

/* The Documents page of the sidebar, made the first time a project opens.
 * Four pages do not fit the sidebar's width side by side with their
 * labels: the switcher puts each label under its icon then. */
static GlossDocumentList *
get_document_list (GlossWindow *self)
{
  AdwViewStack *sidebar_stack = gloss_document_page_get_sidebar_stack (self->page);
  GtkWidget *list = adw_view_stack_get_child_by_name (sidebar_stack, "documents");
  GtkWidget *switcher = gtk_widget_get_prev_sibling (GTK_WIDGET (sidebar_stack));
  AdwViewStackPage *page;

  if (list != NULL)
    return GLOSS_DOCUMENT_LIST (list);
  list = gloss_document_list_new ();
  gtk_widget_set_vexpand (list, TRUE);
  g_signal_connect_object (list, "document-activated", G_CALLBACK (document_activated), self,
                           G_CONNECT_SWAPPED);
  page = adw_view_stack_add_titled (sidebar_stack, list, "documents", _("Documents"));
  adw_view_stack_page_set_icon_name (page, "view-list-symbolic");
  if (ADW_IS_VIEW_SWITCHER (switcher))
    adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_SWITCHER_POLICY_NARROW);
  return GLOSS_DOCUMENT_LIST (list);
}

/* What the title bar calls a project's document: the article's file (or
 * its id) and the project, not the annotator's file name. */
static char *
document_name (GlossProject         *project,
               GlossProjectDocument *document)
{
  const char *source = gloss_project_document_get_source (document);
  const char *name = gloss_project_get_name (project);
  g_autofree char *folder = NULL;

  if (name == NULL || *name == '\0')
    name = folder = g_file_get_basename (gloss_project_get_folder (project));
  /* TRANSLATORS: the title bar's name of a project's document: the
   * article's file name, then the project's name. */
  return g_strdup_printf (_("%s in %s"), source != NULL && *source != '\0' ? source
                                                                           : gloss_project_document_get_id (document),
                          name);
}

static gboolean
show_document (GlossWindow          *self,
               GlossProjectDocument *document,
               GError              **error)
{
  GlossWindowProject *state = self->project;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;

  if ((store = gloss_project_open_document (state->project, document, error)) == NULL)
    return FALSE;
  stem = gloss_annotator_file_stem (gloss_project_get_annotator (state->project));
  file = gloss_project_get_document_file (state->project, document, stem);
  /* The window keeps a journal of the file it shows: the annotator's own
   * file exists from the first time they open the document. */
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_REGULAR)
    {
      g_autoptr(GBytes) bytes = gloss_native_write_bytes (store);

      if (!gloss_format_write_file (file, bytes, FALSE, error))
        return FALSE;
    }

  if (state->store != NULL)
    g_signal_handlers_disconnect_by_func (state->store, store_changed, self);
  if (state->schema != NULL)
    g_clear_signal_handler (&state->schema_changed_id, state->schema);
  g_set_object (&state->schema, gloss_store_get_schema (store));
  state->schema_changed_id = g_signal_connect (state->schema, "changed", G_CALLBACK (schema_edited), self);
  g_set_object (&state->store, store);
  g_set_object (&state->document, document);
  gloss_window_set_store (self, store, file);
  name = document_name (state->project, document);
  gloss_document_page_set_name (self->page, name);
  gloss_inspector_set_registry (gloss_document_page_get_inspector (self->page), gloss_project_get_registry (state->project, NULL));
  g_signal_connect (store, "edited", G_CALLBACK (store_changed), self);
  refresh_suggestions (self);
  gloss_document_list_set_current (get_document_list (self), document, store);
  return TRUE;
}

/* Saves the document shown through the project: its entities linked to
 * the registry, its file written as any save of the window is (the journal
 * marked saved, the file on disk tracked), then its texts learnt and its
 * progress recorded. */
static gboolean
save_shown (GlossWindow  *self,
            GError      **error)
{
  GlossWindowProject *state = self->project;
  gboolean edited;

  if (state->store == NULL || state->store != gloss_window_get_store (self))
    return TRUE;
  /* (before linking, which is bookkeeping, not the annotator's edit) */
  edited = gloss_store_get_modified (state->store);
  if (!gloss_project_link_document (state->project, state->store, error) ||
      !_gloss_window_write_file (self, gloss_window_get_file (self), error) ||
      !gloss_project_record_document (state->project, state->document, state->store, edited, error))
    return FALSE;
  /* (what was learnt or forgotten changes them, in this document too) */
  refresh_suggestions (self);
  return TRUE;
}

char *
_gloss_window_project_label (GlossWindow *self,
                             GlossStore  *store)
{
  GlossWindowProject *state = self->project;
  const char *title;

  if (state == NULL || state->document == NULL || store == NULL || state->store != store)
    return NULL;
  /* As gloss-document-list.c names its rows. */
  title = gloss_project_document_get_title (state->document);
  return g_strdup (title != NULL && *title != '\0' ? title : gloss_project_document_get_id (state->document));
}

/* The file stem of the annotator the user works as in the project at
 * @folder (gloss-project-member.c). */
char *
_gloss_window_project_annotator_stem (GFile *folder)
{
  g_autofree char *preferred = gloss_annotator_default_name ();
  g_autofree char *existing = NULL;
  g_autofree char *annotator = gloss_project_member_choose (folder, preferred, &existing);

  return gloss_annotator_file_stem (annotator);
}

/* Ctrl+S: the document shown through its project, when it is one. A
 * toast says so only when @announce: moving to another document, or
 * exporting, saves silently. */
gboolean
_gloss_window_project_save (GlossWindow  *self,
                            gboolean      announce,
                            GError      **error)
{
  GlossWindowProject *state = self->project;
  g_autofree char *message = NULL;

  if (state == NULL || state->store != gloss_window_get_store (self))
    return announce ? gloss_window_save_to_file (self, gloss_window_get_file (self), error)
                    : _gloss_window_write_file (self, gloss_window_get_file (self), error);
  if (!save_shown (self, error))
    return FALSE;
  if (announce)
    {
      g_autofree char *label = gloss_document_page_dup_label (self->page);

      message = g_strdup_printf (_("Saved “%s”"), label);
      _gloss_window_toast (self, message);
    }
  return TRUE;
}

/* Reload after another program changed the file of the document shown
 * through its project: read again as the project reads it, so that Save
 * keeps recording its progress and the Documents list keeps following it.
 * *@done is FALSE when the window does not show a project's document. */
gboolean
_gloss_window_project_reload (GlossWindow  *self,
                              gboolean     *done,
                              GError      **error)
{
  GlossWindowProject *state = self->project;
  g_autoptr(GlossProjectDocument) document = NULL;

  *done = state != NULL && state->document != NULL && state->store == gloss_window_get_store (self);
  if (!*done)
    return TRUE;
  document = g_object_ref (state->document);
  return show_document (self, document, error);
}

/**
 * gloss_window_open_project:
 * @folder: a folder with a project.json
 *
 * Opens the project and shows its first document not done yet (or its
 * first). The annotator is the one of Preferences.
 */
gboolean
gloss_window_open_project (GlossWindow  *self,
                           GFile        *folder,
                           GError      **error)
{
  return _gloss_window_open_project_at (self, folder, NULL, error);
}

/* @id: the document to show, when it is one of the project's; else the
 * first not done. */
gboolean
_gloss_window_open_project_at (GlossWindow  *self,
                               GFile        *folder,
                               const char   *id,
                               GError      **error)
{
  g_autofree char *preferred = gloss_annotator_default_name ();
  g_autofree char *existing = NULL;
  g_autofree char *annotator = gloss_project_member_choose (folder, preferred, &existing);
  g_autoptr(GlossProject) project = NULL;
  GlossWindowProject *state;
  GListModel *documents;
  g_autoptr(GlossProjectDocument) first = NULL;

  g_return_val_if_fail (GLOSS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);

  if ((project = gloss_project_load (folder, annotator, error)) == NULL)
    return FALSE;
  documents = gloss_project_get_documents (project);
  if (g_list_model_get_n_items (documents) == 0)
    {
      g_autofree char *name = g_file_get_parse_name (folder);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The project %s has no documents yet; add some with “gloss-cli project add”."), name);
      return FALSE;
    }
  if (id != NULL && gloss_project_lookup (project, id) != NULL)
    first = g_object_ref (gloss_project_lookup (project, id));
  for (guint i = 0; first == NULL && i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(GlossProjectDocument) doc = g_list_model_get_item (documents, i);

      if (gloss_project_document_get_status (doc) != GLOSS_PROGRESS_DONE)
        first = g_steal_pointer (&doc);
    }
  if (first == NULL)
    first = g_list_model_get_item (documents, 0);

  if (self->project != NULL && !save_shown (self, error))
    return FALSE;
  g_clear_pointer (&self->project, _gloss_window_project_free);
  state = self->project = g_new0 (GlossWindowProject, 1);
  state->project = g_steal_pointer (&project);
  gloss_document_list_set_project (get_document_list (self), state->project);
  /* Whom to annotate as is asked first: the answer decides which file,
   * and so which leftover journal, there is to recover. */
  if (existing != NULL)
    _gloss_recovery_hold (self->page);
  if (!show_document (self, first, error))
    {
      if (existing != NULL)
        _gloss_recovery_release (self->page);
      gloss_document_list_set_project (get_document_list (self), NULL);
      g_clear_pointer (&self->project, _gloss_window_project_free);
      return FALSE;
    }
  adw_view_stack_set_visible_child_name (gloss_document_page_get_sidebar_stack (self->page), "documents");
  gloss_recent_projects_add (GTK_WIDGET (self), gloss_project_get_folder (state->project),
                             gloss_project_get_name (state->project));
  _gloss_window_project_update_actions (self);
  gloss_project_member_remember (folder, annotator, preferred);
  if (existing != NULL)
    gloss_project_member_offer (GTK_WINDOW (self), folder, existing, preferred);
  return TRUE;
}

/**
 * gloss_window_load_project:
 *
 * gloss_window_open_project(), showing a failure in a dialog.
 */
void
gloss_window_load_project (GlossWindow *self,
                           GFile       *folder)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (GLOSS_IS_WINDOW (self));

  if (!gloss_window_open_project (self, folder, &error))
    _gloss_window_show_error (self, _("The Project Cannot Be Opened"), error);
}

/**
 * gloss_window_get_project:
 *
 * Returns: (transfer none) (nullable): the project shown
 */
GlossProject *
gloss_window_get_project (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);
  return self->project ? self->project->project : NULL;
}

/**
 * gloss_window_get_project_document:
 *
 * Returns: (transfer none) (nullable): the project's document shown
 */
GlossProjectDocument *
gloss_window_get_project_document (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);
  return self->project ? self->project->document : NULL;
}

/**
 * gloss_window_get_suggestions:
 *
 * Returns: (transfer none) (nullable) (element-type GlossSuggestion): those shown
 */
GArray *
gloss_window_get_suggestions (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);
  return self->project ? self->project->suggestions : NULL;
}

static void
show_or_complain (GlossWindow          *self,
                  GlossProjectDocument *document)
{
  g_autoptr(GError) error = NULL;

  /* A failed save stays on the document shown, its edits kept: the
   * failure is the save's, not the next document's. */
  if (!save_shown (self, &error))
    _gloss_window_show_save_error (self, error);
  else if (!show_document (self, document, &error))
    _gloss_window_show_error (self, _("The Document Cannot Be Opened"), error);
}

/* @step: +1 the next document, -1 the previous one, 0 the next one not
 * done (after the one shown, going round). */
static gboolean
go_to (GlossWindow *self,
       int          step)
{
  GlossWindowProject *state = self->project;
  GListModel *documents = gloss_project_get_documents (state->project);
  guint n = g_list_model_get_n_items (documents);
  guint position = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossProjectDocument) doc = g_list_model_get_item (documents, i);

      if (doc == state->document)
        position = i;
    }

  if (step != 0)
    {
      g_autoptr(GlossProjectDocument) doc = NULL;

      if ((step < 0 && position == 0) || (step > 0 && position + 1 >= n))
        {
          _gloss_window_toast (self, step < 0 ? _("This is the first document") : _("This is the last document"));
          return TRUE;
        }
      doc = g_list_model_get_item (documents, position + step);
      show_or_complain (self, doc);
      return TRUE;
    }

  for (guint k = 1; k <= n; k++)
    {
      g_autoptr(GlossProjectDocument) doc = g_list_model_get_item (documents, (position + k) % n);

      if (gloss_project_document_get_status (doc) != GLOSS_PROGRESS_DONE)
        {
          show_or_complain (self, doc);
          return TRUE;
        }
    }
  /* Every document is done: save the last one, and say so. */
  {
    g_autoptr(GError) error = NULL;

    if (!save_shown (self, &error))
      _gloss_window_show_save_error (self, error);
    else
      _gloss_window_toast (self, _("Every document is done"));
  }
  return TRUE;
}

static gboolean
next_document (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  return self->project != NULL && go_to (self, +1);
}

static gboolean
previous_document (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  return self->project != NULL && go_to (self, -1);
}

static gboolean
done_and_next (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (self->project == NULL || self->project->document == NULL)
    return FALSE;
  gloss_project_document_set_status (self->project->document, GLOSS_PROGRESS_DONE);
  return go_to (self, 0);
}

/* The suggestion at the caret of the article, when it has the focus. */
static int
suggestion_at_caret (GlossWindow *self)
{
  GlossWindowProject *state = self->project;
  GtkWidget *view = gloss_window_get_view (self);
  GtkTextBuffer *buffer;
  GtkTextIter caret;
  guint offset;

  if (state == NULL || state->suggestions == NULL || gtk_root_get_focus (GTK_ROOT (self)) != view)
    return -1;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_get_iter_at_mark (buffer, &caret, gtk_text_buffer_get_insert (buffer));
  offset = gtk_text_iter_get_offset (&caret);
  for (guint i = 0; i < state->suggestions->len; i++)
    {
      const GlossSuggestion *s = &g_array_index (state->suggestions, GlossSuggestion, i);

      if (s->start <= offset && offset <= s->end)
        return i;
    }
  return -1;
}

/* Return in an article with suggestions, the caret on none: the key
 * would do nothing, so it says why (and goes no further). */
static gboolean
none_at_caret (GlossWindow *self)
{
  GlossWindowProject *state = self->project;

  if (state == NULL || state->suggestions == NULL || state->suggestions->len == 0 ||
      gtk_root_get_focus (GTK_ROOT (self)) != gloss_window_get_view (self))
    return FALSE;
  _gloss_window_toast (self, _("No suggestion at the caret: click a name with a dashed outline first"));
  return TRUE;
}

static gboolean
accept (GlossWindow *self,
        gboolean     all)
{
  g_autoptr(GError) error = NULL;
  int index = suggestion_at_caret (self);
  g_autoptr(GArray) suggestions = NULL;

  if (index < 0)
    return none_at_caret (self);
  /* Accepting changes the store, which replaces the array. */
  suggestions = g_array_ref (self->project->suggestions);
  if (gloss_project_accept (self->project->project, self->project->store, suggestions, index, all, &error) == 0)
    _gloss_window_show_error (self, _("The Suggestion Cannot Be Accepted"), error);
  return TRUE;
}

static gboolean
accept_one (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  return accept (GLOSS_WINDOW (widget), FALSE);
}

static gboolean
accept_all (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  return accept (GLOSS_WINDOW (widget), TRUE);
}

static gboolean
reject (GtkWidget *widget,
        GVariant  *args,
        gpointer   user_data)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossWindowProject *state = self->project;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  GlossSuggestion suggestion;
  AdwToast *toast;
  int index = suggestion_at_caret (self);

  /* Elsewhere BackSpace deletes the selected mention (doc.delete). */
  if (index < 0)
    return FALSE;
  /* (a copy: the step's GlossStore::edited replaces the array) */
  suggestion = g_array_index (state->suggestions, GlossSuggestion, index);
  text = gloss_edit_short_text (gloss_store_get_document (state->store), suggestion.start, suggestion.end);
  if (!gloss_project_reject (state->project, state->document, state->store, &suggestion, &error))
    {
      _gloss_window_show_error (self, _("The Suggestion Cannot Be Rejected"), error);
      return TRUE;
    }
  /* The suggestion goes from this document and stays gone in the
   * project's: say so, with the way back. */
  /* Translators: “Kim Jong Un” will not be suggested here again */
  message = g_strdup_printf (_("Rejected “%s”"), text);
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 5);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "doc.undo");
  _gloss_window_show_toast (self, toast);
  return TRUE;
}

/* Before the article sees the keys: Return and BackSpace are the
 * suggestion's only when one is at the caret; otherwise they go on. */
void
_gloss_window_project_init (GlossWindow *self)
{
  static const struct {
    const char           *accel;
    GtkShortcutFunc       func;
  } keys[] = {
    { "<Alt>Right", next_document },
    { "<Alt>Left", previous_document },
    { "<Control>Return", done_and_next },
    { "<Control>KP_Enter", done_and_next },
    { "Return", accept_one },
    { "KP_Enter", accept_one },
    { "<Shift>Return", accept_all },
    { "<Shift>KP_Enter", accept_all },
    { "BackSpace", reject },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (keys[i].accel),
                                                            gtk_callback_action_new (keys[i].func, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  _gloss_window_project_update_actions (self);
}
