/* gloss-annotation-row.c: one row of an annotation list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-annotation-row.h"
#include "gloss-label-palette.h"

struct _GlossAnnotationRow
{
  GtkWidget  parent_instance;

  GtkBox    *swatch_slot;
  GtkLabel  *words;
  GtkLabel  *meta;
  char      *tooltip;
};

G_DEFINE_FINAL_TYPE (GlossAnnotationRow, gloss_annotation_row, GTK_TYPE_WIDGET)

void
gloss_annotation_row_set (GlossAnnotationRow *self,
                          const char         *color,
                          const char         *words,
                          const char         *meta,
                          const char         *tooltip)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_ROW (self));

  gloss_color_swatch_place (self->swatch_slot, color);
  gtk_label_set_text (self->words, words);
  gtk_label_set_text (self->meta, meta);
  /* Read when the tooltip shows: gtk_widget_set_tooltip_text() queries
   * the pointer, a round trip to the X server per row bound. */
  g_free (self->tooltip);
  self->tooltip = g_strdup (tooltip);
}

static gboolean
gloss_annotation_row_query_tooltip (GtkWidget  *widget,
                                    int         x,
                                    int         y,
                                    gboolean    keyboard_tooltip,
                                    GtkTooltip *tooltip)
{
  GlossAnnotationRow *self = GLOSS_ANNOTATION_ROW (widget);

  if (self->tooltip == NULL || *self->tooltip == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, self->tooltip);
  return TRUE;
}

static void
gloss_annotation_row_finalize (GObject *object)
{
  g_free (GLOSS_ANNOTATION_ROW (object)->tooltip);

  G_OBJECT_CLASS (gloss_annotation_row_parent_class)->finalize (object);
}

static void
gloss_annotation_row_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), GLOSS_TYPE_ANNOTATION_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (gloss_annotation_row_parent_class)->dispose (object);
}

static void
gloss_annotation_row_class_init (GlossAnnotationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_annotation_row_dispose;
  object_class->finalize = gloss_annotation_row_finalize;
  widget_class->query_tooltip = gloss_annotation_row_query_tooltip;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossapp/Gloss/gloss-annotation-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, swatch_slot);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, words);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, meta);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gloss_annotation_row_init (GlossAnnotationRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
gloss_annotation_row_new (void)
{
  return g_object_new (GLOSS_TYPE_ANNOTATION_ROW, NULL);
}
