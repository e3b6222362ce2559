/* gloss-document-page.c: one document in a window: the article, the
 * sidebar and the inspector, and the store, file and source they show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page owns the document (store, file, source), its crash journal,
 * the pick modes and the doc.* actions that edit it; the article, the
 * palette, the sidebar's lists and the inspector bind to its `store`
 * property. The window around it holds the header bar and what concerns
 * the window (opening, saving, the file on disk, the search bar, toasts).
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "gloss-document-page-private.h"
#include "gloss-recovery.h"

#define TITLE_SHOWN 160   /* code points of a title, at most */

G_DEFINE_FINAL_TYPE (GlossDocumentPage, gloss_document_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  JOURNAL_ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

char *
_gloss_file_display_name (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL)
    return g_strdup (g_file_info_get_display_name (info));
  return g_file_get_basename (file);
}

GlossDocumentPage *
gloss_document_page_new (void)
{
  return g_object_new (GLOSS_TYPE_DOCUMENT_PAGE, NULL);
}

GlossStore *
gloss_document_page_get_store (GlossDocumentPage *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_PAGE (self), NULL);

  return self->store;
}

GFile *
gloss_document_page_get_file (GlossDocumentPage *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_PAGE (self), NULL);

  return self->file;
}

GFile *
gloss_document_page_get_source (GlossDocumentPage *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_PAGE (self), NULL);

  return self->source;
}

GActionGroup *
gloss_document_page_get_actions (GlossDocumentPage *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_PAGE (self), NULL);

  return G_ACTION_GROUP (self->actions);
}

static void follow_mention (GlossDocumentPage *self,
                            GlossAnnotation   *selected);

static void
store_edited_cb (GlossDocumentPage *self)
{
  GlossAnnotation *selected = gloss_annotation_view_get_selected (self->view);

  /* A link, an unlink or their undo moves the selected mention to
   * another row of the sidebar. */
  if (selected != NULL && GLOSS_IS_MENTION (selected))
    follow_mention (self, selected);
  _gloss_document_page_update_actions (self);
  _gloss_document_page_claims_update (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
schema_changed_cb (GlossDocumentPage *self)
{
  self->schema_modified = TRUE;
  store_edited_cb (self);
}

/* The crash journal */

static void
journal_error_cb (GlossDocumentPage *self)
{
  g_signal_emit (self, signals[JOURNAL_ERROR], 0, gloss_journal_get_error (self->journal));
}

/* Lets the journal go: kept on disk (as a leftover, offered at the next
 * opening) if the document has unsaved changes (and not @discard),
 * deleted if not. */
static void
release_journal (GlossDocumentPage *self,
                 gboolean           discard)
{
  if (self->journal != NULL)
    {
      if (discard || !gloss_store_get_modified (gloss_journal_get_store (self->journal)))
        gloss_journal_discard (self->journal);
      g_signal_handlers_disconnect_by_func (self->journal, journal_error_cb, self);
      g_clear_object (&self->journal);
    }
  g_signal_emit (self, signals[JOURNAL_ERROR], 0, NULL);
}

/* Before anyone edits @store: a journal for it (the one of the document
 * shown before is released). FALSE if @store has its journal already. */
static gboolean
attach_journal (GlossDocumentPage *self,
                GlossStore        *store,
                GFile             *file,
                const char        *file_sha256,
                GFile             *source)
{
  g_autoptr(GError) error = NULL;

  if (self->journal != NULL && gloss_journal_get_store (self->journal) == store)
    return FALSE;
  release_journal (self, FALSE);
  if (store == NULL)
    return FALSE;

  self->journal = gloss_journal_new_for_digest (store, file, file_sha256, source, &error);
  if (self->journal == NULL)
    {
      g_message ("No journal for this document: %s", error->message);
      g_signal_emit (self, signals[JOURNAL_ERROR], 0, error);
      return TRUE;
    }
  g_signal_connect_object (self->journal, "notify::error", G_CALLBACK (journal_error_cb),
                           self, G_CONNECT_SWAPPED);
  journal_error_cb (self);
  return TRUE;
}

GlossJournal *
gloss_document_page_get_journal (GlossDocumentPage *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_PAGE (self), NULL);

  return self->journal;
}

void
gloss_document_page_discard_journal (GlossDocumentPage *self)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_PAGE (self));

  release_journal (self, TRUE);
}

void
gloss_document_page_set_document (GlossDocumentPage *self,
                                  GlossStore        *store,
                                  GFile             *file,
                                  const char        *file_sha256,
                                  GFile             *source)
{
  gboolean store_changed;
  gboolean attached;

  g_return_if_fail (GLOSS_IS_DOCUMENT_PAGE (self));
  g_return_if_fail (store == NULL || GLOSS_IS_STORE (store));
  g_return_if_fail (file == NULL || G_IS_FILE (file));
  g_return_if_fail (source == NULL || G_IS_FILE (source));

  attached = attach_journal (self, store, file, file_sha256, file == NULL ? source : NULL);
  gloss_annotation_view_set_highlighted_entity (self->view, NULL);
  store_changed = g_set_object (&self->store, store);
  g_set_object (&self->source, (file == NULL ? source : NULL));
  self->schema_modified = FALSE;
  self->unsaved = FALSE;
  g_signal_group_set_target (self->store_signals, store);
  g_signal_group_set_target (self->schema_signals, store ? gloss_store_get_schema (store) : NULL);
  /* The view, the palette, the lists and the inspector follow. */
  if (store_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  gloss_inspector_set_annotation (self->inspector, NULL);
  g_clear_pointer (&self->name, g_free);
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  _gloss_document_page_claims_reset (self);
  _gloss_document_page_update_actions (self);
  /* Edits an earlier session left in a journal of this document. */
  if (attached)
    _gloss_recovery_offer (self);
}

/* Toasts go through the window's queue (gloss-toast-queue.c). */
void
gloss_document_page_set_toasts (GlossDocumentPage *self,
                                GlossToastQueue   *toasts)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_PAGE (self));

  g_set_object (&self->toasts, toasts);
}

void
_gloss_document_page_show_toast (GlossDocumentPage *self,
                                 AdwToast          *toast)
{
  if (self->toasts != NULL)
    gloss_toast_queue_show (self->toasts, toast);
  else
    g_object_unref (toast);
}

AdwToast *
_gloss_document_page_toast (GlossDocumentPage *self,
                            const char        *title)
{
  return self->toasts != NULL ? gloss_toast_queue_say (self->toasts, title) : NULL;
}

void
gloss_document_page_set_name (GlossDocumentPage *self,
                              const char        *name)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_PAGE (self));

  g_free (self->name);
  self->name = g_strdup (name);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
gloss_document_page_set_label (GlossDocumentPage *self,
                               const char        *label)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_PAGE (self));

  g_free (self->label);
  self->label = g_strdup (label);
}

/* The header's name of the document and, unless the page has a label,
 * its dialogs' too: its file's, else the file its text was read from
 * (named for the text until saved), else "New Document" (the bundled
 * sample too: its text is in no file of the user's). */
static char *
dup_file_name (GlossDocumentPage *self)
{
  if (self->file != NULL)
    return _gloss_file_display_name (self->file);
  if (self->source != NULL && !g_file_has_uri_scheme (self->source, "resource"))
    return _gloss_file_display_name (self->source);
  return g_strdup (_("New Document"));
}

char *
gloss_document_page_dup_label (GlossDocumentPage *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_PAGE (self), NULL);

  if (self->label != NULL)
    return g_strdup (self->label);
  return dup_file_name (self);
}

gboolean
gloss_document_page_get_modified (GlossDocumentPage *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_PAGE (self), FALSE);

  return self->store != NULL && (gloss_store_get_modified (self->store) || self->schema_modified || self->unsaved);
}

/* The document is in no file any more (its file was deleted): modified
 * until saved, so that nothing is lost on close. */
void
gloss_document_page_mark_unsaved (GlossDocumentPage *self)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_PAGE (self));

  if (self->store == NULL || self->unsaved)
    return;
  self->unsaved = TRUE;
  g_signal_emit (self, signals[CHANGED], 0);
}

void
gloss_document_page_mark_saved (GlossDocumentPage *self,
                                GFile             *file)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (GLOSS_IS_DOCUMENT_PAGE (self));
  g_return_if_fail (self->store != NULL);
  g_return_if_fail (G_IS_FILE (file));

  gloss_store_mark_saved (self->store);
  self->schema_modified = FALSE;
  self->unsaved = FALSE;
  g_clear_object (&self->source);
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  if (self->journal != NULL && !gloss_journal_mark_saved (self->journal, file, NULL, &error))
    g_message ("The journal could not start over after saving: %s", error->message);
}

void
gloss_document_page_describe (GlossDocumentPage  *self,
                              char              **title,
                              char              **subtitle,
                              char              **window_title)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *name = NULL;
  const char *doc_title;
  gboolean modified;
  guint n;

  g_return_if_fail (GLOSS_IS_DOCUMENT_PAGE (self));
  g_return_if_fail (self->store != NULL);

  modified = gloss_document_page_get_modified (self);
  if (self->name != NULL)
    name = g_strdup (self->name);
  else
    name = dup_file_name (self);

  doc_title = gloss_document_get_title (gloss_store_get_document (self->store));
  if (doc_title == NULL || *doc_title == '\0')
    doc_title = name;
  /* A label lays out all its text, even the part it ellipsizes. */
  if (strnlen (doc_title, 4 * TITLE_SHOWN + 1) > 4 * TITLE_SHOWN)
    {
      g_autofree char *start = g_utf8_substring (doc_title, 0, TITLE_SHOWN);

      *title = g_strconcat (start, "…", NULL);
    }
  else
    *title = g_strdup (doc_title);

  if (modified)
    g_string_append (text, "• ");
  g_string_append (text, name);
  g_string_append (text, " — ");
  n = gloss_store_get_n_items (self->store, GLOSS_KIND_MENTION);
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u mention", "%u mentions", n), n);
  n = gloss_store_get_n_items (self->store, GLOSS_KIND_ENTITY);
  g_string_append (text, ", ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u entity", "%u entities", n), n);
  if ((n = gloss_store_get_n_items (self->store, GLOSS_KIND_CLAIM)) > 0)
    {
      g_string_append (text, ", ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u claim", "%u claims", n), n);
    }
  if ((n = gloss_store_get_n_items (self->store, GLOSS_KIND_RELATION)) > 0)
    {
      g_string_append (text, ", ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u relation", "%u relations", n), n);
    }
  *subtitle = g_string_free (g_steal_pointer (&text), FALSE);

  *window_title = g_strdup_printf ("%s%s — %s", modified ? "• " : "", name, _("Gloss"));
}

/* The inspector takes room only while something is selected. When it
 * shows, the list keeps the larger share (or where the divider was last
 * dragged to, remembered across sessions), never less than several rows. */
#define MIN_LIST_HEIGHT      300
#define MIN_INSPECTOR_HEIGHT 160

static gboolean
place_inspector (GtkWidget     *sidebar,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  GlossDocumentPage *self = user_data;
  int height = gtk_widget_get_height (sidebar);
  int position;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->inspector)))
    return G_SOURCE_REMOVE;
  if (height <= 0)
    return G_SOURCE_CONTINUE; /* not laid out yet */
  position = self->inspector_position > 0 ? self->inspector_position : height * 11 / 20;
  gtk_paned_set_position (self->sidebar,
                          CLAMP (position, MIN (MIN_LIST_HEIGHT, height / 2), MAX (height - MIN_INSPECTOR_HEIGHT, 0)));
  self->inspector_placed = TRUE;
  return G_SOURCE_REMOVE;
}

static void
inspector_visible_cb (GlossDocumentPage *self)
{
  self->inspector_placed = FALSE;
  if (gtk_widget_get_visible (GTK_WIDGET (self->inspector)) &&
      place_inspector (GTK_WIDGET (self->sidebar), NULL, self) == G_SOURCE_CONTINUE)
    gtk_widget_add_tick_callback (GTK_WIDGET (self->sidebar), place_inspector, self, NULL);
}

static void
sidebar_position_cb (GlossDocumentPage *self)
{
  /* Only once placed: the paned moves the divider itself as the
   * inspector appears. */
  if (self->inspector_placed && gtk_widget_get_visible (GTK_WIDGET (self->inspector)))
    self->inspector_position = gtk_paned_get_position (self->sidebar);
}

int
gloss_document_page_get_inspector_position (GlossDocumentPage *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_PAGE (self), 0);

  return self->inspector_position;
}

void
gloss_document_page_set_inspector_position (GlossDocumentPage *self,
                                            int                position)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_PAGE (self));

  self->inspector_position = position;
}

/* The sidebar follows the text: the mention's entity is selected there
 * and all its mentions are ringed, so the coreference chain shows; a
 * mention without an entity selects the row of its text. */
static void
follow_mention (GlossDocumentPage *self,
                GlossAnnotation   *selected)
{
  GlossMention *mention = selected != NULL && GLOSS_IS_MENTION (selected) ? GLOSS_MENTION (selected) : NULL;

  gloss_entity_list_select_mention (self->entity_list, mention);
  gloss_annotation_view_set_highlighted_entity (self->view, mention ? gloss_mention_get_entity (mention) : NULL);
}

static void
view_selected_changed_cb (GlossDocumentPage *self)
{
  GlossAnnotation *selected = gloss_annotation_view_get_selected (self->view);

  if (_gloss_document_page_claims_selected (self, selected))
    return;
  gloss_inspector_set_annotation (self->inspector, selected);
  follow_mention (self, selected);
}

static void
inspector_message_cb (GlossDocumentPage *self,
                      const char        *message)
{
  _gloss_document_page_toast (self, message);
}

static void
view_annotation_activated_cb (GlossDocumentPage *self,
                              GlossAnnotation   *annotation)
{
  adw_flap_set_reveal_flap (self->flap, TRUE);
}

static void
show_mention (GlossDocumentPage *self,
              GlossAnnotation   *mention)
{
  if (mention != NULL)
    gloss_annotation_view_set_selected (self->view, mention);
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

/* A row chosen in the sidebar selects its first mention, or, when one of
 * its mentions is selected already (Enter again on the row), the next. */
static void
entity_selected_cb (GlossDocumentPage *self,
                    GlossEntity       *entity)
{
  g_autoptr(GPtrArray) mentions = NULL;
  GlossAnnotation *current;
  guint next = 0;

  if (self->store == NULL)
    return;

  gloss_annotation_view_set_highlighted_entity (self->view, entity);
  if (entity == NULL)
    return;

  mentions = gloss_store_get_mentions_of (self->store, entity);
  if (mentions == NULL || mentions->len == 0)
    {
      show_mention (self, NULL);
      return;
    }
  current = gloss_annotation_view_get_selected (self->view);
  if (current != NULL && g_ptr_array_find (mentions, current, &next))
    next = (next + 1) % mentions->len;
  else
    next = 0;
  show_mention (self, g_ptr_array_index (mentions, next));
}

static void
group_selected_cb (GlossDocumentPage  *self,
                   GlossUnlinkedGroup *group)
{
  GlossAnnotation *current = gloss_annotation_view_get_selected (self->view);

  if (self->store == NULL)
    return;

  gloss_annotation_view_set_highlighted_entity (self->view, NULL);
  show_mention (self, GLOSS_ANNOTATION (gloss_unlinked_group_next (group, current != NULL && GLOSS_IS_MENTION (current) ?
                                                                           GLOSS_MENTION (current) : NULL)));
}

static gboolean
schema_of (GBinding     *binding,
           const GValue *from,
           GValue       *to,
           gpointer      user_data)
{
  GlossStore *store = g_value_get_object (from);

  g_value_set_object (to, store ? gloss_store_get_schema (store) : NULL);
  return TRUE;
}

static gboolean
is_set (GBinding     *binding,
        const GValue *from,
        GValue       *to,
        gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_object (from) != NULL);
  return TRUE;
}

#define GETTER(type, name, field) \
  type * \
  gloss_document_page_get_##name (GlossDocumentPage *self) \
  { \
    g_return_val_if_fail (GLOSS_IS_DOCUMENT_PAGE (self), NULL); \
    return self->field; \
  }

GETTER (GlossAnnotationView, view, view)
GETTER (AdwFlap, flap, flap)
GETTER (GtkOverlay, article, article_overlay)
GETTER (AdwViewStack, sidebar_stack, sidebar_stack)
GETTER (GlossInspector, inspector, inspector)

static void
gloss_document_page_dispose (GObject *object)
{
  GlossDocumentPage *self = GLOSS_DOCUMENT_PAGE (object);

  /* The journal stays on disk as it is: only a clean close discards it.
   * The document goes next: the lists change their selection as they
   * are disposed, and their signals reach this page. */
  g_clear_object (&self->journal);
  if (self->view != NULL)
    gloss_document_page_set_document (self, NULL, NULL, NULL, NULL);
  g_signal_group_set_target (self->store_signals, NULL);
  g_signal_group_set_target (self->schema_signals, NULL);
  _gloss_document_page_claims_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_DOCUMENT_PAGE);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->schema_signals);
  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_object (&self->source);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_object (&self->toasts);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (gloss_document_page_parent_class)->dispose (object);
}

static void
gloss_document_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GlossDocumentPage *self = GLOSS_DOCUMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_document_page_class_init (GlossDocumentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_document_page_dispose;
  object_class->get_property = gloss_document_page_get_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GLOSS_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* An edit of the store, or a change of its schema. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The journal failed (the error), or works again (NULL): edits are not
   * protected while it fails. */
  signals[JOURNAL_ERROR] =
    g_signal_new ("journal-error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);

  g_type_ensure (GLOSS_TYPE_ANNOTATION_LIST_PAGE);
  g_type_ensure (GLOSS_TYPE_ANNOTATION_VIEW);
  g_type_ensure (GLOSS_TYPE_ENTITY_LIST);
  g_type_ensure (GLOSS_TYPE_INSPECTOR);
  g_type_ensure (GLOSS_TYPE_LABEL_PALETTE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossapp/Gloss/gloss-document-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentPage, flap);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentPage, article_overlay);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentPage, view);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentPage, palette);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentPage, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentPage, entity_list);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentPage, claim_list);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentPage, relation_list);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentPage, inspector);
  gtk_widget_class_bind_template_callback (widget_class, view_annotation_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, entity_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, group_selected_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gloss_document_page_init (GlossDocumentPage *self)
{
  GObject *page = G_OBJECT (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->store_signals = g_signal_group_new (GLOSS_TYPE_STORE);
  g_signal_group_connect_swapped (self->store_signals, "edited", G_CALLBACK (store_edited_cb), self);
  self->schema_signals = g_signal_group_new (GLOSS_TYPE_SCHEMA);
  g_signal_group_connect_swapped (self->schema_signals, "changed", G_CALLBACK (schema_changed_cb), self);

  g_object_bind_property (page, "store", self->view, "store", G_BINDING_DEFAULT);
  g_object_bind_property_full (page, "store", self->palette, "schema", G_BINDING_DEFAULT,
                               schema_of, NULL, NULL, NULL);
  g_object_bind_property (page, "store", self->entity_list, "store", G_BINDING_DEFAULT);
  g_signal_connect_object (self->entity_list, "notify::n-items",
                           G_CALLBACK (_gloss_document_page_claims_update), self, G_CONNECT_SWAPPED);
  g_object_bind_property (page, "store", self->inspector, "store", G_BINDING_DEFAULT);
  g_object_bind_property (page, "store", self->claim_list, "store", G_BINDING_DEFAULT);
  g_object_bind_property (page, "store", self->relation_list, "store", G_BINDING_DEFAULT);
  /* While the view shows a text whose annotations load, the lists say so. */
  g_object_bind_property_full (self->view, "pending", self->entity_list, "loading", G_BINDING_DEFAULT,
                               is_set, NULL, NULL, NULL);
  g_object_bind_property_full (self->view, "pending", self->claim_list, "loading", G_BINDING_DEFAULT,
                               is_set, NULL, NULL, NULL);
  g_object_bind_property_full (self->view, "pending", self->relation_list, "loading", G_BINDING_DEFAULT,
                               is_set, NULL, NULL, NULL);

  self->actions = g_simple_action_group_new ();
  _gloss_document_page_add_actions (self);
  _gloss_document_page_add_claim_actions (self);
  _gloss_document_page_update_actions (self);
  _gloss_document_page_claims_init (self);
  g_signal_connect_object (self->view, "notify::selected", G_CALLBACK (view_selected_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->inspector, "message", G_CALLBACK (inspector_message_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->inspector, "notify::visible", G_CALLBACK (inspector_visible_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "notify::position", G_CALLBACK (sidebar_position_cb),
                           self, G_CONNECT_SWAPPED);
}
