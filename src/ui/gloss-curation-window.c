/* gloss-curation-window.c: two annotators' versions of a document, their
 * disagreements decided by keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keys, before any widget sees them: Left or 1 takes the left side, Right
 * or 2 the right, N or 0 neither; each moves on to the next undecided
 * disagreement. Up and Down (or K and J) move without deciding; Ctrl+S
 * writes documents/ID/curated.gloss (gloss-curation.c).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-curation-window.h"
#include "gloss-edits.h"
#include "gloss-error-dialog.h"
#include "gloss-toast-queue.h"

struct _GlossCurationWindow
{
  AdwWindow             parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkLabel             *status;
  GtkLabel             *context;
  GtkWidget            *left_card;
  GtkWidget            *right_card;
  GtkLabel             *left_name;
  GtkLabel             *left_text;
  GtkLabel             *right_name;
  GtkLabel             *right_text;
  GtkListBox           *list;

  GlossProject         *project;
  GlossProjectDocument *document;
  char                 *left;
  char                 *right;
  GlossCuration        *curation;
  GPtrArray            *choice_labels;  /* GtkLabel per disagreement */
  GlossToastQueue      *toasts;
  int                   current;
};

G_DEFINE_FINAL_TYPE (GlossCurationWindow, gloss_curation_window, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_PROJECT,
  PROP_DOCUMENT,
  PROP_LEFT,
  PROP_RIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How many characters of text to show around a disagreement. */
#define CONTEXT 90

static char *
describe (GlossStore      *store,
          GlossAnnotation *annotation)
{
  static const GlossLabelKind label_kinds[GLOSS_N_KINDS] = {
    [GLOSS_KIND_MENTION] = GLOSS_LABEL_ENTITY,
    [GLOSS_KIND_ENTITY] = GLOSS_LABEL_ENTITY,
    [GLOSS_KIND_CLAIM] = GLOSS_LABEL_CLAIM,
    [GLOSS_KIND_RELATION] = GLOSS_LABEL_RELATION,
  };
  g_autofree char *what = NULL;
  const char *type_id;
  GlossLabel *label;
  const char *type;

  if (annotation == NULL)
    return g_strdup (_("Nothing"));

  type_id = gloss_annotation_get_type_id (annotation);
  label = gloss_schema_lookup (gloss_store_get_schema (store),
                               label_kinds[gloss_annotation_get_kind (annotation)], type_id);
  type = label != NULL ? gloss_label_shown_name (label) : type_id;
  what = gloss_edit_describe (store, annotation);

  if (GLOSS_IS_CLAIM (annotation))
    {
      GlossEntity *claimant = gloss_claim_get_claimant (GLOSS_CLAIM (annotation));

      /* Translators: a claim: its type, its text and who made it */
      return g_strdup_printf (_("%s %s, by %s"), type, what,
                              claimant != NULL ? gloss_entity_get_name (claimant) : _("the author"));
    }
  if (GLOSS_IS_MENTION (annotation))
    {
      const GlossSpan *spans;
      guint n;

      spans = gloss_annotation_get_spans (annotation, GLOSS_ROLE_CONTENT, &n);
      /* Translators: a mention: its type, its text and where it is */
      return g_strdup_printf (_("%s %s at %u–%u"), type, what, spans[0].start, spans[n - 1].end);
    }
  return g_strdup_printf ("%s %s", type, what);
}

static const char *
choice_text (GlossCurationWindow *self,
             GlossCurationChoice  choice,
             char               **owned)
{
  switch (choice)
    {
    case GLOSS_CURATION_LEFT:
      /* Translators: the side chosen, e.g. "← Ana" */
      return *owned = g_strdup_printf (_("← %s"), self->left);
    case GLOSS_CURATION_RIGHT:
      return *owned = g_strdup_printf (_("%s →"), self->right);
    case GLOSS_CURATION_NEITHER:
      return _("Neither");
    case GLOSS_CURATION_UNDECIDED:
    default:
      return _("Undecided");
    }
}

static void
update_row (GlossCurationWindow *self,
            guint                index)
{
  g_autofree char *owned = NULL;
  GlossCurationChoice choice = gloss_curation_get_choice (self->curation, index);
  GtkWidget *label = g_ptr_array_index (self->choice_labels, index);

  gtk_label_set_text (GTK_LABEL (label), choice_text (self, choice, &owned));
  if (choice == GLOSS_CURATION_UNDECIDED)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

static void
show_context (GlossCurationWindow *self,
              guint                index)
{
  GlossDocument *document = gloss_store_get_document (gloss_curation_get_left (self->curation));
  guint start = gloss_curation_get_start (self->curation, index);
  guint end = gloss_curation_get_end (self->curation, index);
  guint length = gloss_document_get_length (document);
  g_autofree char *before = NULL;
  g_autofree char *inside = NULL;
  g_autofree char *after = NULL;
  g_autofree char *markup = NULL;
  const char *text;
  gsize n_bytes;

  if (start == G_MAXUINT)
    {
      gtk_label_set_text (self->context, _("A relation between entities"));
      return;
    }
  /* Slices are not NUL-terminated: escape their bytes. */
  text = gloss_document_peek_slice (document, start > CONTEXT ? start - CONTEXT : 0, start, &n_bytes);
  before = g_markup_escape_text (text, n_bytes);
  text = gloss_document_peek_slice (document, start, end, &n_bytes);
  inside = g_markup_escape_text (text, n_bytes);
  text = gloss_document_peek_slice (document, end, MIN (length, end + CONTEXT), &n_bytes);
  after = g_markup_escape_text (text, n_bytes);
  markup = g_strdup_printf ("%s%s<b><u>%s</u></b>%s%s", start > CONTEXT ? "…" : "", before, inside, after,
                            end + CONTEXT < length ? "…" : "");
  gtk_label_set_markup (self->context, markup);
}

static void
show_current (GlossCurationWindow *self)
{
  guint n = gloss_curation_get_n_disagreements (self->curation);
  guint undecided = gloss_curation_get_n_undecided (self->curation);
  g_autofree char *status = NULL;
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;

  if (n == 0)
    {
      status = g_strdup_printf (_("The two versions agree on all %u annotations"),
                                gloss_curation_get_n_agreed (self->curation));
      gtk_label_set_text (self->status, status);
      gtk_label_set_text (self->context, "");
      gtk_widget_set_visible (self->left_card, FALSE);
      gtk_widget_set_visible (self->right_card, FALSE);
      return;
    }

  /* Translators: curation progress, e.g. "Disagreement 2 of 3 · 1 undecided · 125 agreed" */
  status = g_strdup_printf (_("Disagreement %d of %u · %u undecided · %u agreed"),
                            self->current + 1, n, undecided, gloss_curation_get_n_agreed (self->curation));
  gtk_label_set_text (self->status, status);
  show_context (self, self->current);

  left = describe (gloss_curation_get_left (self->curation),
                   gloss_curation_get_side (self->curation, self->current, GLOSS_CURATION_LEFT));
  right = describe (gloss_curation_get_right (self->curation),
                    gloss_curation_get_side (self->curation, self->current, GLOSS_CURATION_RIGHT));
  gtk_label_set_text (self->left_text, left);
  gtk_label_set_text (self->right_text, right);

  gtk_widget_remove_css_class (self->left_card, "chosen");
  gtk_widget_remove_css_class (self->right_card, "chosen");
  switch (gloss_curation_get_choice (self->curation, self->current))
    {
    case GLOSS_CURATION_LEFT:
      gtk_widget_add_css_class (self->left_card, "chosen");
      break;
    case GLOSS_CURATION_RIGHT:
      gtk_widget_add_css_class (self->right_card, "chosen");
      break;
    case GLOSS_CURATION_NEITHER:
    case GLOSS_CURATION_UNDECIDED:
    default:
      break;
    }

  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, self->current));
}

static void
go_to (GlossCurationWindow *self,
       int                  index)
{
  int n = (int) gloss_curation_get_n_disagreements (self->curation);

  if (n == 0)
    return;
  self->current = CLAMP (index, 0, n - 1);
  show_current (self);
}

static void
decide (GlossCurationWindow *self,
        GlossCurationChoice  choice)
{
  int next;

  if (self->curation == NULL || gloss_curation_get_n_disagreements (self->curation) == 0)
    return;
  gloss_curation_choose (self->curation, self->current, choice);
  next = gloss_curation_next_undecided (self->curation, self->current);
  if (next >= 0)
    go_to (self, next);
  else
    {
      show_current (self);
      gloss_toast_queue_show (self->toasts,
                              adw_toast_new (_("Every disagreement is decided: Ctrl+S writes curated.gloss")));
    }
}

static void
curation_changed_cb (GlossCurationWindow *self,
                     guint                index)
{
  update_row (self, index);
  if ((int) index == self->current)
    show_current (self);
}

/* A key that decides: the choice is the shortcut's data. */
static gboolean
key_decide (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  decide (GLOSS_CURATION_WINDOW (widget), GPOINTER_TO_INT (user_data));
  return TRUE;
}

/* A key that moves by its data, −1 or +1, without deciding. */
static gboolean
key_move (GtkWidget *widget,
          GVariant  *args,
          gpointer   user_data)
{
  GlossCurationWindow *self = GLOSS_CURATION_WINDOW (widget);

  if (self->curation != NULL)
    go_to (self, self->current + GPOINTER_TO_INT (user_data));
  return TRUE;
}

static void
row_activated_cb (GlossCurationWindow *self,
                  GtkListBoxRow       *row)
{
  go_to (self, gtk_list_box_row_get_index (row));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossCurationWindow *self = GLOSS_CURATION_WINDOW (widget);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint undecided;

  if (self->curation == NULL)
    return;
  file = gloss_project_get_document_file (self->project, self->document, GLOSS_PROJECT_CURATED);
  if (!gloss_curation_save (self->curation, file, &error))
    {
      /* Why is too long for a toast. */
      gloss_error_dialog_show (widget, _("Could Not Write curated.gloss"), error);
      return;
    }
  undecided = gloss_curation_get_n_undecided (self->curation);
  if (undecided == 0)
    title = g_strdup (_("Saved curated.gloss"));
  else
    title = g_strdup_printf (ngettext ("Saved curated.gloss without %u undecided disagreement",
                                       "Saved curated.gloss without %u undecided disagreements", undecided),
                             undecided);
  gloss_toast_queue_show (self->toasts, adw_toast_new (title));
  g_signal_emit_by_name (self, "saved");
}

static GtkWidget *
make_row (GlossCurationWindow *self,
          guint                index)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *number, *left, *right, *choice;
  g_autofree char *position = g_strdup_printf ("%u", index + 1);
  g_autofree char *left_text = describe (gloss_curation_get_left (self->curation),
                                         gloss_curation_get_side (self->curation, index, GLOSS_CURATION_LEFT));
  g_autofree char *right_text = describe (gloss_curation_get_right (self->curation),
                                          gloss_curation_get_side (self->curation, index, GLOSS_CURATION_RIGHT));

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  number = gtk_label_new (position);
  gtk_widget_add_css_class (number, "dim-label");
  gtk_widget_add_css_class (number, "numeric");
  gtk_label_set_width_chars (GTK_LABEL (number), 3);
  left = gtk_label_new (left_text);
  right = gtk_label_new (right_text);
  choice = gtk_label_new (NULL);
  for (GtkWidget *w = left; w != NULL; w = w == left ? right : NULL)
    {
      gtk_widget_set_hexpand (w, TRUE);
      gtk_label_set_xalign (GTK_LABEL (w), 0.0f);
      gtk_label_set_ellipsize (GTK_LABEL (w), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (w), 20);
    }
  gtk_label_set_width_chars (GTK_LABEL (choice), 12);
  gtk_label_set_xalign (GTK_LABEL (choice), 1.0f);

  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), left);
  gtk_box_append (GTK_BOX (box), right);
  gtk_box_append (GTK_BOX (box), choice);
  g_ptr_array_add (self->choice_labels, choice);
  return box;
}

static void
gloss_curation_window_constructed (GObject *object)
{
  GlossCurationWindow *self = GLOSS_CURATION_WINDOW (object);
  g_autoptr(GError) error = NULL;
  const char *title;

  G_OBJECT_CLASS (gloss_curation_window_parent_class)->constructed (object);

  title = gloss_project_document_get_title (self->document);
  adw_window_title_set_subtitle (self->window_title,
                                 title != NULL && *title != '\0' ? title : gloss_project_document_get_id (self->document));
  gtk_label_set_text (self->left_name, self->left);
  gtk_label_set_text (self->right_name, self->right);

  self->curation = gloss_curation_new_for_project (self->project, self->document, self->left, self->right, &error);
  if (self->curation == NULL)
    {
      gtk_label_set_text (self->status, error->message);
      gtk_widget_set_visible (self->left_card, FALSE);
      gtk_widget_set_visible (self->right_card, FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "curation.save", FALSE);
      return;
    }
  g_signal_connect_object (self->curation, "changed", G_CALLBACK (curation_changed_cb), self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < gloss_curation_get_n_disagreements (self->curation); i++)
    {
      gtk_list_box_append (self->list, make_row (self, i));
      update_row (self, i);
    }
  go_to (self, 0);
  if (gloss_curation_get_n_disagreements (self->curation) == 0)
    show_current (self);
}

static void
gloss_curation_window_finalize (GObject *object)
{
  GlossCurationWindow *self = GLOSS_CURATION_WINDOW (object);

  g_clear_object (&self->curation);
  g_clear_object (&self->toasts);
  g_clear_object (&self->project);
  g_clear_object (&self->document);
  g_clear_pointer (&self->left, g_free);
  g_clear_pointer (&self->right, g_free);
  g_clear_pointer (&self->choice_labels, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_curation_window_parent_class)->finalize (object);
}

static void
gloss_curation_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  GlossCurationWindow *self = GLOSS_CURATION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_LEFT:
      g_value_set_string (value, self->left);
      break;
    case PROP_RIGHT:
      g_value_set_string (value, self->right);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_curation_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  GlossCurationWindow *self = GLOSS_CURATION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    case PROP_LEFT:
      self->left = g_value_dup_string (value);
      break;
    case PROP_RIGHT:
      self->right = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* In the capture phase, so no focused widget (a button moving the focus
 * with the arrows) takes them first; Escape as well, which the toast
 * overlay would take to dismiss the toast on show (libadwaita binds it),
 * leaving the window open. */
static void
add_keys (GlossCurationWindow *self)
{
  static const struct {
    guint           keyval;
    GtkShortcutFunc func;
    int             data;
  } keys[] = {
    { GDK_KEY_Left, key_decide, GLOSS_CURATION_LEFT }, { GDK_KEY_KP_Left, key_decide, GLOSS_CURATION_LEFT },
    { GDK_KEY_1, key_decide, GLOSS_CURATION_LEFT }, { GDK_KEY_KP_1, key_decide, GLOSS_CURATION_LEFT },
    { GDK_KEY_Right, key_decide, GLOSS_CURATION_RIGHT }, { GDK_KEY_KP_Right, key_decide, GLOSS_CURATION_RIGHT },
    { GDK_KEY_2, key_decide, GLOSS_CURATION_RIGHT }, { GDK_KEY_KP_2, key_decide, GLOSS_CURATION_RIGHT },
    { GDK_KEY_n, key_decide, GLOSS_CURATION_NEITHER }, { GDK_KEY_0, key_decide, GLOSS_CURATION_NEITHER },
    { GDK_KEY_KP_0, key_decide, GLOSS_CURATION_NEITHER },
    { GDK_KEY_Up, key_move, -1 }, { GDK_KEY_KP_Up, key_move, -1 }, { GDK_KEY_k, key_move, -1 },
    { GDK_KEY_Down, key_move, 1 }, { GDK_KEY_KP_Down, key_move, 1 }, { GDK_KEY_j, key_move, 1 },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, 0),
                                                            gtk_callback_action_new (keys[i].func,
                                                                                     GINT_TO_POINTER (keys[i].data),
                                                                                     NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
gloss_curation_window_class_init (GlossCurationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gloss_curation_window_constructed;
  object_class->finalize = gloss_curation_window_finalize;
  object_class->get_property = gloss_curation_window_get_property;
  object_class->set_property = gloss_curation_window_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, GLOSS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, GLOSS_TYPE_PROJECT_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEFT] =
    g_param_spec_string ("left", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RIGHT] =
    g_param_spec_string ("right", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossCurationWindow::saved:
   *
   * curated.gloss was written.
   */
  g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossapp/Gloss/gloss-curation-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossCurationWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GlossCurationWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GlossCurationWindow, status);
  gtk_widget_class_bind_template_child (widget_class, GlossCurationWindow, context);
  gtk_widget_class_bind_template_child (widget_class, GlossCurationWindow, left_card);
  gtk_widget_class_bind_template_child (widget_class, GlossCurationWindow, right_card);
  gtk_widget_class_bind_template_child (widget_class, GlossCurationWindow, left_name);
  gtk_widget_class_bind_template_child (widget_class, GlossCurationWindow, left_text);
  gtk_widget_class_bind_template_child (widget_class, GlossCurationWindow, right_name);
  gtk_widget_class_bind_template_child (widget_class, GlossCurationWindow, right_text);
  gtk_widget_class_bind_template_child (widget_class, GlossCurationWindow, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "curation.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "curation.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
gloss_curation_window_init (GlossCurationWindow *self)
{
  self->choice_labels = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->toasts = gloss_toast_queue_new (self->toast_overlay);
  add_keys (self);
}

GtkWidget *
gloss_curation_window_new (GtkWindow            *parent,
                           GlossProject         *project,
                           GlossProjectDocument *document,
                           const char           *left,
                           const char           *right)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (GLOSS_IS_PROJECT_DOCUMENT (document), NULL);
  g_return_val_if_fail (left != NULL && right != NULL, NULL);

  return g_object_new (GLOSS_TYPE_CURATION_WINDOW,
                       "transient-for", parent,
                       "project", project,
                       "document", document,
                       "left", left,
                       "right", right,
                       NULL);
}

/**
 * gloss_curation_window_get_curation:
 *
 * Returns: (transfer none) (nullable): the curation shown
 */
GlossCuration *
gloss_curation_window_get_curation (GlossCurationWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_CURATION_WINDOW (self), NULL);
  return self->curation;
}

int
gloss_curation_window_get_current (GlossCurationWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_CURATION_WINDOW (self), -1);
  return self->current;
}
