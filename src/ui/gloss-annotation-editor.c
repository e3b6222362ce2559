/* gloss-annotation-editor.c: what the claim and relation editors share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store and the annotation shown, refreshed on every edit of the
 * store (and dropped when the annotation leaves it), the chip's colour,
 * the ::message signal that carries a refused edit's reason.
 */
#include "config.h"

#include "gloss-annotation-editor.h"

typedef struct
{
  GlossStore      *store;
  GlossAnnotation *annotation;
  GtkLabel        *chip;
  GtkCssProvider  *chip_provider;
  guint            refill_id;
} GlossAnnotationEditorPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (GlossAnnotationEditor, gloss_annotation_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ANNOTATION,
  N_PROPS
};

enum {
  MESSAGE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
refresh (GlossAnnotationEditor *self)
{
  GlossAnnotationEditorPrivate *priv = gloss_annotation_editor_get_instance_private (self);
  gboolean shown = priv->annotation != NULL && priv->store != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self), shown);
  if (shown)
    GLOSS_ANNOTATION_EDITOR_GET_CLASS (self)->refresh (self);
}

void
_gloss_annotation_editor_report (GlossAnnotationEditor *self,
                                 gboolean               ok,
                                 GError                *error)
{
  if (!ok && error != NULL)
    g_signal_emit (self, signals[MESSAGE], 0, error->message);
}

void
gloss_type_chip_tint (GtkCssProvider *provider,
                      GlossLabel     *label)
{
  g_autofree char *css = NULL;
  GdkRGBA rgba;
  const char *color = label ? gloss_label_get_color (label) : NULL;

  if (color == NULL || !gdk_rgba_parse (&rgba, color))
    gdk_rgba_parse (&rgba, "#9a9996");
  css = g_strdup_printf ("label.type-chip { background-color: rgba(%d,%d,%d,0.22); "
                         "box-shadow: inset 0 0 0 1px rgba(%d,%d,%d,0.6); }",
                         (int) (rgba.red * 255), (int) (rgba.green * 255), (int) (rgba.blue * 255),
                         (int) (rgba.red * 255), (int) (rgba.green * 255), (int) (rgba.blue * 255));
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_css_provider_load_from_string (provider, css);
#else
  gtk_css_provider_load_from_data (provider, css, -1);
#endif
}

void
_gloss_annotation_editor_set_chip (GlossAnnotationEditor *self,
                                   GtkLabel              *chip,
                                   GlossLabel            *label)
{
  GlossAnnotationEditorPrivate *priv = gloss_annotation_editor_get_instance_private (self);

  if (priv->chip != chip)
    {
      g_assert (priv->chip == NULL);
      priv->chip = g_object_ref (chip);
      priv->chip_provider = gtk_css_provider_new ();
      gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (chip)),
                                      GTK_STYLE_PROVIDER (priv->chip_provider),
                                      GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
  gtk_label_set_text (chip, label ? gloss_label_shown_name (label) : gloss_annotation_get_type_id (priv->annotation));
  gloss_type_chip_tint (priv->chip_provider, label);
}

static gboolean
refill_idle_cb (gpointer data)
{
  GlossAnnotationEditor *self = data;
  GlossAnnotationEditorPrivate *priv = gloss_annotation_editor_get_instance_private (self);

  priv->refill_id = 0;
  if (priv->annotation != NULL && priv->store != NULL)
    GLOSS_ANNOTATION_EDITOR_GET_CLASS (self)->refill (self);
  return G_SOURCE_REMOVE;
}

void
_gloss_annotation_editor_refill (GlossAnnotationEditor *self,
                                 gboolean               later)
{
  GlossAnnotationEditorPrivate *priv = gloss_annotation_editor_get_instance_private (self);

  if (!later)
    GLOSS_ANNOTATION_EDITOR_GET_CLASS (self)->refill (self);
  else if (priv->refill_id == 0)
    priv->refill_id = g_idle_add (refill_idle_cb, self);
}

static void
store_edited_cb (GlossAnnotationEditor *self)
{
  GlossAnnotationEditorPrivate *priv = gloss_annotation_editor_get_instance_private (self);

  if (priv->annotation != NULL && gloss_annotation_get_store (priv->annotation) != priv->store)
    {
      gloss_annotation_editor_set_annotation (self, NULL);
      return;
    }
  refresh (self);
}

GlossStore *
gloss_annotation_editor_get_store (GlossAnnotationEditor *self)
{
  GlossAnnotationEditorPrivate *priv = gloss_annotation_editor_get_instance_private (self);

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_EDITOR (self), NULL);

  return priv->store;
}

void
gloss_annotation_editor_set_store (GlossAnnotationEditor *self,
                                   GlossStore            *store)
{
  GlossAnnotationEditorPrivate *priv = gloss_annotation_editor_get_instance_private (self);

  g_return_if_fail (GLOSS_IS_ANNOTATION_EDITOR (self));
  g_return_if_fail (store == NULL || GLOSS_IS_STORE (store));

  if (priv->store == store)
    return;
  if (priv->store != NULL)
    g_signal_handlers_disconnect_by_data (priv->store, self);
  gloss_annotation_editor_set_annotation (self, NULL);
  g_set_object (&priv->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "edited", G_CALLBACK (store_edited_cb), self, G_CONNECT_SWAPPED);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

GlossAnnotation *
gloss_annotation_editor_get_annotation (GlossAnnotationEditor *self)
{
  GlossAnnotationEditorPrivate *priv = gloss_annotation_editor_get_instance_private (self);

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_EDITOR (self), NULL);

  return priv->annotation;
}

void
gloss_annotation_editor_set_annotation (GlossAnnotationEditor *self,
                                        GlossAnnotation       *annotation)
{
  GlossAnnotationEditorPrivate *priv = gloss_annotation_editor_get_instance_private (self);

  g_return_if_fail (GLOSS_IS_ANNOTATION_EDITOR (self));
  g_return_if_fail (annotation == NULL || GLOSS_IS_ANNOTATION (annotation));

  if (g_set_object (&priv->annotation, annotation))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATION]);
  refresh (self);
}

/* Everything that could call into the subclass: its dispose runs before
 * this class's, so it is let go here, before the subclass's rows. */
static void
let_go (GlossAnnotationEditor *self)
{
  GlossAnnotationEditorPrivate *priv = gloss_annotation_editor_get_instance_private (self);

  g_clear_handle_id (&priv->refill_id, g_source_remove);
  if (priv->store != NULL)
    g_signal_handlers_disconnect_by_data (priv->store, self);
  g_clear_object (&priv->store);
  g_clear_object (&priv->annotation);
  if (priv->chip_provider != NULL)
    gtk_style_context_remove_provider (gtk_widget_get_style_context (GTK_WIDGET (priv->chip)),
                                       GTK_STYLE_PROVIDER (priv->chip_provider));
  g_clear_object (&priv->chip_provider);
  g_clear_object (&priv->chip);
}

/* A subclass's rows go while the subclass is half disposed: a combo row
 * being disposed changes its selection, and its notify::selected handler
 * would make an edit if the editor still had an annotation (an undo step
 * made by closing the window), whose ::edited would then refresh rows
 * already gone (SIGSEGV at the end of /ui/relations/pick-by-click). So
 * the store and the annotation are dropped first, then the template. */
void
_gloss_annotation_editor_dispose_template (GlossAnnotationEditor *self,
                                           GType                  type)
{
  GtkWidget *child;

  let_go (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), type);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
}

static void
gloss_annotation_editor_dispose (GObject *object)
{
  let_go (GLOSS_ANNOTATION_EDITOR (object));

  G_OBJECT_CLASS (gloss_annotation_editor_parent_class)->dispose (object);
}

static void
gloss_annotation_editor_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  GlossAnnotationEditor *self = GLOSS_ANNOTATION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, gloss_annotation_editor_get_store (self));
      break;

    case PROP_ANNOTATION:
      g_value_set_object (value, gloss_annotation_editor_get_annotation (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_annotation_editor_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  GlossAnnotationEditor *self = GLOSS_ANNOTATION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      gloss_annotation_editor_set_store (self, g_value_get_object (value));
      break;

    case PROP_ANNOTATION:
      gloss_annotation_editor_set_annotation (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_annotation_editor_class_init (GlossAnnotationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gloss_annotation_editor_dispose;
  object_class->get_property = gloss_annotation_editor_get_property;
  object_class->set_property = gloss_annotation_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GLOSS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ANNOTATION] =
    g_param_spec_object ("annotation", NULL, NULL, GLOSS_TYPE_ANNOTATION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
gloss_annotation_editor_init (GlossAnnotationEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
