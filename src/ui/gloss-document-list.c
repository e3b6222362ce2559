/* gloss-document-list.c: the documents of a project, with their status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page of the sidebar while a project is open: each document with the
 * annotator's status and what they tagged in it, filtered by status and
 * by words of its title or id; activating one asks the window to show it.
 * Rows are made for the documents in view only (GtkListView), so a
 * project of 10,000 documents scrolls as fast as one of ten.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gloss-document-list.h"
#include "gloss-store.h"

struct _GlossDocumentList
{
  GtkWidget             parent_instance;

  GtkLabel             *count_label;
  GtkSearchEntry       *filter_entry;
  GtkDropDown          *status_dropdown;
  GtkStack             *stack;
  GtkListView          *list_view;

  GlossProject         *project;
  GlossProjectDocument *current;
  GlossStore           *current_store; /* the current document's, as edited */
  GtkFilterListModel   *filtered;
  GtkCustomFilter      *filter;
  char                 *needle;     /* casefolded filter text, or NULL */
  GPtrArray            *bound;      /* GtkListItem showing a document */
};

G_DEFINE_FINAL_TYPE (GlossDocumentList, gloss_document_list, GTK_TYPE_WIDGET)

enum {
  DOCUMENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The status dropdown's rows: every status, then one per GlossProgress. */
#define ALL_STATUSES 0

static const char *
status_label (GlossProgress status)
{
  switch (status)
    {
    case GLOSS_PROGRESS_IN_PROGRESS:
      return _("In progress");
    case GLOSS_PROGRESS_DONE:
      return _("Done");
    case GLOSS_PROGRESS_TODO:
    default:
      return _("To do");
    }
}

static const char *
status_style (GlossProgress status)
{
  switch (status)
    {
    case GLOSS_PROGRESS_IN_PROGRESS:
      return "accent";
    case GLOSS_PROGRESS_DONE:
      return "success";
    case GLOSS_PROGRESS_TODO:
    default:
      return "dim-label";
    }
}

static gboolean
contains_casefolded (const char *text,
                     const char *needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
matches (gpointer item,
         gpointer user_data)
{
  GlossDocumentList *self = user_data;
  GlossProjectDocument *doc = item;
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  if (selected != ALL_STATUSES && selected != GTK_INVALID_LIST_POSITION &&
      (guint) gloss_project_document_get_status (doc) != selected - 1)
    return FALSE;
  if (self->needle == NULL)
    return TRUE;
  return contains_casefolded (gloss_project_document_get_title (doc), self->needle) ||
         contains_casefolded (gloss_project_document_get_id (doc), self->needle);
}

static void
update_count (GlossDocumentList *self)
{
  GListModel *documents = self->project ? gloss_project_get_documents (self->project) : NULL;
  guint n = documents ? g_list_model_get_n_items (documents) : 0;
  guint done = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossProjectDocument) doc = g_list_model_get_item (documents, i);

      done += gloss_project_document_get_status (doc) == GLOSS_PROGRESS_DONE;
    }
  /* TRANSLATORS: documents done of all documents in the project */
  text = g_strdup_printf (_("%u of %u done"), done, n);
  gtk_label_set_label (self->count_label, text);
}

static void
update_empty (GlossDocumentList *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
filter_changed_cb (GlossDocumentList *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));

  g_clear_pointer (&self->needle, g_free);
  if (text != NULL && *text != '\0')
    self->needle = g_utf8_casefold (text, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
activate_cb (GlossDocumentList *self,
             guint              position)
{
  g_autoptr(GlossProjectDocument) doc = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (doc != NULL)
    g_signal_emit (self, signals[DOCUMENT_ACTIVATED], 0, doc);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *status = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "numeric");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), detail);
  gtk_widget_add_css_class (status, "caption");
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (GTK_BOX (row), status);
  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_list_item_set_child (item, row);
}

static void
fill_row (GlossDocumentList *self,
          GtkListItem       *item)
{
  GlossProjectDocument *doc = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *text = gtk_widget_get_first_child (row);
  GtkWidget *title = gtk_widget_get_first_child (text);
  GtkWidget *detail = gtk_widget_get_next_sibling (title);
  GtkWidget *status = gtk_widget_get_next_sibling (text);
  GlossProgress progress = gloss_project_document_get_status (doc);
  gboolean live = doc == self->current && self->current_store != NULL;
  guint n_mentions = live ? gloss_store_get_n_items (self->current_store, GLOSS_KIND_MENTION)
                          : gloss_project_document_get_n_mentions (doc);
  guint n_claims = live ? gloss_store_get_n_items (self->current_store, GLOSS_KIND_CLAIM)
                        : gloss_project_document_get_n_claims (doc);
  g_autofree char *mentions = g_strdup_printf (ngettext ("%u mention", "%u mentions", n_mentions), n_mentions);
  g_autofree char *claims = g_strdup_printf (ngettext ("%u claim", "%u claims", n_claims), n_claims);
  /* TRANSLATORS: a document's progress: "3 mentions · 1 claim" */
  g_autofree char *counts = g_strdup_printf (_("%s · %s"), mentions, claims);
  const char *name = gloss_project_document_get_title (doc);
  const char *styles[] = { "accent", "success", "dim-label" };

  gtk_label_set_label (GTK_LABEL (title), name && *name ? name : gloss_project_document_get_id (doc));
  gtk_widget_set_tooltip_text (title, name && *name ? name : NULL);
  gtk_label_set_label (GTK_LABEL (detail), counts);
  gtk_label_set_label (GTK_LABEL (status), status_label (progress));
  for (gsize i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (status, styles[i]);
  gtk_widget_add_css_class (status, status_style (progress));
  if (doc == self->current)
    gtk_widget_add_css_class (title, "heading");
  else
    gtk_widget_remove_css_class (title, "heading");
}

static void
doc_changed (GlossDocumentList *self,
             GParamSpec        *pspec,
             GlossProjectDocument *doc)
{
  for (guint i = 0; i < self->bound->len; i++)
    {
      GtkListItem *item = g_ptr_array_index (self->bound, i);

      if (gtk_list_item_get_item (item) == (gpointer) doc)
        fill_row (self, item);
    }
  if (pspec == NULL || g_str_equal (pspec->name, "status"))
    update_count (self);
}

static void
current_edited (GlossDocumentList *self)
{
  if (self->current != NULL)
    doc_changed (self, NULL, self->current);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GlossDocumentList *self = user_data;

  g_ptr_array_add (self->bound, item);
  fill_row (self, item);
  g_signal_connect_object (gtk_list_item_get_item (item), "notify", G_CALLBACK (doc_changed), self,
                           G_CONNECT_SWAPPED);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GlossDocumentList *self = user_data;
  GObject *doc = gtk_list_item_get_item (item);

  g_ptr_array_remove_fast (self->bound, item);
  if (doc != NULL)
    g_signal_handlers_disconnect_by_func (doc, doc_changed, self);
}

static void
gloss_document_list_dispose (GObject *object)
{
  GlossDocumentList *self = GLOSS_DOCUMENT_LIST (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_DOCUMENT_LIST);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  if (self->current_store != NULL)
    g_signal_handlers_disconnect_by_func (self->current_store, current_edited, self);
  g_clear_object (&self->current_store);
  g_clear_object (&self->current);
  g_clear_object (&self->project);
  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (gloss_document_list_parent_class)->dispose (object);
}

static void
gloss_document_list_finalize (GObject *object)
{
  GlossDocumentList *self = GLOSS_DOCUMENT_LIST (object);

  g_clear_pointer (&self->bound, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_document_list_parent_class)->finalize (object);
}

static void
gloss_document_list_class_init (GlossDocumentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_document_list_dispose;
  object_class->finalize = gloss_document_list_finalize;

  /**
   * GlossDocumentList::document-activated:
   * @document: the document to show
   */
  signals[DOCUMENT_ACTIVATED] =
    g_signal_new ("document-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, GLOSS_TYPE_PROJECT_DOCUMENT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossapp/Gloss/gloss-document-list.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentList, count_label);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentList, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentList, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentList, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentList, list_view);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gloss_document_list_init (GlossDocumentList *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->bound = g_ptr_array_new ();
  self->filter = gtk_custom_filter_new (matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_empty), self, G_CONNECT_SWAPPED);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  update_empty (self);
}

GtkWidget *
gloss_document_list_new (void)
{
  return g_object_new (GLOSS_TYPE_DOCUMENT_LIST, NULL);
}

/**
 * gloss_document_list_set_project:
 * @project: (nullable): the project whose documents to show
 */
void
gloss_document_list_set_project (GlossDocumentList *self,
                                 GlossProject      *project)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_LIST (self));
  g_return_if_fail (project == NULL || GLOSS_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;
  if (project != NULL)
    g_signal_connect_object (gloss_project_get_documents (project), "items-changed",
                             G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  gtk_filter_list_model_set_model (self->filtered, project ? gloss_project_get_documents (project) : NULL);
  update_count (self);
}

/**
 * gloss_document_list_set_current:
 * @document: (nullable): the document the window shows
 *
 * Marks @document in the list and scrolls to it. Statuses change as the
 * window moves on (saved: in progress; Ctrl+Return: done), so the counts
 * and the status filter are brought up to date too.
 */
void
gloss_document_list_set_current (GlossDocumentList    *self,
                                 GlossProjectDocument *document,
                                 GlossStore           *store)
{
  g_autoptr(GlossProjectDocument) previous = NULL;
  guint n;

  g_return_if_fail (GLOSS_IS_DOCUMENT_LIST (self));
  g_return_if_fail (document == NULL || GLOSS_IS_PROJECT_DOCUMENT (document));
  g_return_if_fail (store == NULL || GLOSS_IS_STORE (store));

  previous = self->current ? g_object_ref (self->current) : NULL;
  g_set_object (&self->current, document);
  if (self->current_store != NULL)
    g_signal_handlers_disconnect_by_func (self->current_store, current_edited, self);
  g_clear_object (&self->current_store);
  if (document != NULL && store != NULL)
    self->current_store = g_object_ref (store);
  if (self->current_store != NULL)
    g_signal_connect_swapped (self->current_store, "edited", G_CALLBACK (current_edited), self);
  update_count (self);
  if (gtk_drop_down_get_selected (self->status_dropdown) != ALL_STATUSES)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (previous != NULL)
    doc_changed (self, NULL, previous);
  if (document == NULL)
    return;
  doc_changed (self, NULL, document);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossProjectDocument) doc = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (doc == document)
        {
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          break;
        }
    }
}

/**
 * gloss_document_list_set_status_filter:
 * @status: -1 for every status, else a #GlossProgress
 */
void
gloss_document_list_set_status_filter (GlossDocumentList *self,
                                       int                status)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_LIST (self));
  g_return_if_fail (status >= -1 && status <= GLOSS_PROGRESS_DONE);

  gtk_drop_down_set_selected (self->status_dropdown, status < 0 ? ALL_STATUSES : (guint) status + 1);
}

/**
 * gloss_document_list_get_shown:
 *
 * Returns: (transfer none): the documents the filters let through
 */
GListModel *
gloss_document_list_get_shown (GlossDocumentList *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_LIST (self), NULL);
  return G_LIST_MODEL (self->filtered);
}
