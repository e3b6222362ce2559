/* gloss-label-palette.c: the bottom bar of entity types, their keys and colours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each button activates doc.tag with its type's id; buttons never take the
 * focus, so the text selection survives a click. The chips wrap onto more
 * lines rather than scroll, so every type stays in view at any width,
 * under the same name the inspector and the sidebar use.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-label-palette.h"

struct _GlossLabelPalette
{
  GtkWidget    parent_instance;

  GtkWidget   *flow;
  GlossSchema *schema;
  GListModel  *labels;
  char        *shown;   /* what the chips say, to rebuild them only on a change */
};

G_DEFINE_FINAL_TYPE (GlossLabelPalette, gloss_label_palette, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SCHEMA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  const char *color = g_object_get_data (G_OBJECT (area), "color");
  GdkRGBA rgba;
  double r = MIN (width, height) / 2.0 - 0.5;

  if (color == NULL || !gdk_rgba_parse (&rgba, color))
    gdk_rgba_parse (&rgba, "#9a9996");
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_new_sub_path (cr);
  if (g_object_get_data (G_OBJECT (area), "hollow") != NULL)
    {
      cairo_set_line_width (cr, 2);
      cairo_arc (cr, width / 2.0, height / 2.0, r - 1, 0, 2 * G_PI);
      cairo_stroke (cr);
    }
  else
    {
      cairo_arc (cr, width / 2.0, height / 2.0, r, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

GtkWidget *
gloss_color_swatch_new (const char *color)
{
  GtkWidget *area = gtk_drawing_area_new ();

  g_object_set_data_full (G_OBJECT (area), "color", g_strdup (color), g_free);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 10);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 10);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_swatch, NULL, NULL);
  gtk_widget_add_css_class (area, "swatch");
  return area;
}

void
gloss_color_swatch_place (GtkBox     *slot,
                          const char *color)
{
  GtkWidget *old = gtk_widget_get_first_child (GTK_WIDGET (slot));

  if (old != NULL && gtk_widget_get_next_sibling (old) == NULL &&
      g_strcmp0 (g_object_get_data (G_OBJECT (old), "color"), color) == 0)
    return;
  while ((old = gtk_widget_get_first_child (GTK_WIDGET (slot))) != NULL)
    gtk_box_remove (slot, old);
  gtk_box_append (slot, gloss_color_swatch_new (color));
}

void
gloss_color_swatch_set_hollow (GtkWidget *swatch,
                               gboolean   hollow)
{
  g_return_if_fail (GTK_IS_DRAWING_AREA (swatch));

  if ((g_object_get_data (G_OBJECT (swatch), "hollow") != NULL) == !!hollow)
    return;
  g_object_set_data (G_OBJECT (swatch), "hollow", hollow ? GINT_TO_POINTER (1) : NULL);
  gtk_widget_queue_draw (swatch);
}

static GtkWidget *
create_button (GlossLabel *label)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name_label;
  const char *key = gloss_label_get_key (label);
  const char *name = gloss_label_shown_name (label);
  const char *description = gloss_label_shown_description (label);
  g_autofree char *tooltip = NULL;
  g_autofree char *tooltip_text = NULL;

  if (key != NULL && *key != '\0')
    {
      GtkWidget *keycap = gtk_label_new (key);

      gtk_widget_add_css_class (keycap, "keycap");
      gtk_widget_set_valign (keycap, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), keycap);
      /* Translators: a label palette button's tooltip: Tag as Person (1) */
      tooltip = g_strdup_printf (_("Tag as %s (%s)"), name, key);
    }
  else
    tooltip = g_strdup_printf (_("Tag as %s"), name);

  gtk_box_append (GTK_BOX (box), gloss_color_swatch_new (gloss_label_get_color (label)));
  /* The whole name, as the inspector and the sidebar say it. */
  name_label = gtk_label_new (name);
  gtk_box_append (GTK_BOX (box), name_label);

  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_focus_on_click (button, FALSE);
  /* The type's description under the name, where the schema gives one. */
  if (description != NULL && *description != '\0')
    {
      tooltip_text = g_strdup_printf ("%s\n%s", tooltip, description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
    }
  gtk_widget_set_tooltip_text (button, tooltip_text != NULL ? tooltip_text : tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "doc.tag");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", gloss_label_get_id (label));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "palette-button");
  g_object_set_data_full (G_OBJECT (button), "type-id", g_strdup (gloss_label_get_id (label)), g_free);
  return button;
}

/* Claim (C), Relation (R) and Fragment (+) after the entity types. */
static GtkWidget *
create_action_button (const char *key,
                      const char *color,
                      const char *name,
                      const char *tooltip,
                      const char *action)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *keycap = gtk_label_new (key);

  gtk_widget_add_css_class (keycap, "keycap");
  gtk_widget_set_valign (keycap, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), keycap);
  if (color != NULL)
    gtk_box_append (GTK_BOX (box), gloss_color_swatch_new (color));
  gtk_box_append (GTK_BOX (box), gtk_label_new (name));
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "palette-button");
  return button;
}

static void
append_child (GlossLabelPalette *self,
              GtkWidget         *child)
{
  GtkWidget *item = gtk_flow_box_child_new ();

  gtk_widget_set_focusable (item, FALSE);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (item), child);
  gtk_flow_box_append (GTK_FLOW_BOX (self->flow), item);
}

static void
append_actions (GlossLabelPalette *self)
{
  g_autoptr(GlossLabel) claim_type = NULL;

  claim_type = g_list_model_get_item (gloss_schema_get_labels (self->schema, GLOSS_LABEL_CLAIM), 0);
  append_child (self, create_action_button ("C", claim_type ? gloss_label_get_color (claim_type) : NULL,
                                            _("Claim"), _("Make the Selection a Claim (C)"), "doc.new-claim"));
  append_child (self, create_action_button ("R", NULL, _("Relation"),
                                            _("Relate the Selected Mention’s Entity to Another (R)"),
                                            "doc.new-relation"));
  append_child (self, create_action_button ("+", NULL, _("Fragment"),
                                            _("Add the Selection to the Selected Mention or Claim (+)"),
                                            "doc.add-fragment"));
}

/* Every type's id, key, name and colour, and the claim's colour: the next
 * document of a project brings a schema of its own, most often the same,
 * and remaking the chips took a fifth of the move to it. */
static char *
describe_shown (GlossLabelPalette *self)
{
  GString *shown = g_string_new (NULL);
  g_autoptr(GlossLabel) claim_type = NULL;
  guint n = g_list_model_get_n_items (self->labels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossLabel) label = g_list_model_get_item (self->labels, i);

      if (!gloss_label_get_unknown (label))
        g_string_append_printf (shown, "%s\x1f%s\x1f%s\x1f%s\x1e", gloss_label_get_id (label),
                                gloss_label_get_key (label) ? gloss_label_get_key (label) : "",
                                gloss_label_shown_name (label), gloss_label_get_color (label) ? gloss_label_get_color (label) : "");
    }
  claim_type = g_list_model_get_item (gloss_schema_get_labels (self->schema, GLOSS_LABEL_CLAIM), 0);
  if (claim_type != NULL && gloss_label_get_color (claim_type) != NULL)
    g_string_append (shown, gloss_label_get_color (claim_type));
  return g_string_free (shown, FALSE);
}

static void
rebuild (GlossLabelPalette *self)
{
  g_autofree char *shown = self->labels != NULL ? describe_shown (self) : NULL;
  GtkWidget *child;
  guint n;

  if (shown != NULL && g_strcmp0 (shown, self->shown) == 0)
    return;
  g_free (self->shown);
  self->shown = g_steal_pointer (&shown);

  while ((child = gtk_widget_get_first_child (self->flow)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->flow), child);

  if (self->labels == NULL)
    return;

  n = g_list_model_get_n_items (self->labels);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossLabel) label = g_list_model_get_item (self->labels, i);
      GtkWidget *item;

      if (gloss_label_get_unknown (label))
        continue;
      item = gtk_flow_box_child_new ();
      /* The chip's button is what takes clicks and keyboard focus. */
      gtk_widget_set_focusable (item, FALSE);
      gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (item), create_button (label));
      gtk_flow_box_append (GTK_FLOW_BOX (self->flow), item);
    }
  append_actions (self);
}

GlossSchema *
gloss_label_palette_get_schema (GlossLabelPalette *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL_PALETTE (self), NULL);

  return self->schema;
}

void
gloss_label_palette_set_schema (GlossLabelPalette *self,
                                GlossSchema       *schema)
{
  g_return_if_fail (GLOSS_IS_LABEL_PALETTE (self));
  g_return_if_fail (schema == NULL || GLOSS_IS_SCHEMA (schema));

  if (self->schema == schema)
    return;

  if (self->schema != NULL)
    g_signal_handlers_disconnect_by_data (self->schema, self);
  if (self->labels != NULL)
    g_signal_handlers_disconnect_by_data (self->labels, self);

  g_set_object (&self->schema, schema);
  self->labels = schema ? gloss_schema_get_labels (schema, GLOSS_LABEL_ENTITY) : NULL;

  if (schema != NULL)
    {
      g_signal_connect_swapped (schema, "changed", G_CALLBACK (rebuild), self);
      g_signal_connect_swapped (self->labels, "items-changed", G_CALLBACK (rebuild), self);
    }

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEMA]);
}

static void
gloss_label_palette_dispose (GObject *object)
{
  GlossLabelPalette *self = GLOSS_LABEL_PALETTE (object);

  gloss_label_palette_set_schema (self, NULL);
  g_clear_pointer (&self->flow, gtk_widget_unparent);
  g_clear_pointer (&self->shown, g_free);

  G_OBJECT_CLASS (gloss_label_palette_parent_class)->dispose (object);
}

static void
gloss_label_palette_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GlossLabelPalette *self = GLOSS_LABEL_PALETTE (object);

  switch (prop_id)
    {
    case PROP_SCHEMA:
      g_value_set_object (value, self->schema);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_label_palette_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  GlossLabelPalette *self = GLOSS_LABEL_PALETTE (object);

  switch (prop_id)
    {
    case PROP_SCHEMA:
      gloss_label_palette_set_schema (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_label_palette_class_init (GlossLabelPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_label_palette_dispose;
  object_class->get_property = gloss_label_palette_get_property;
  object_class->set_property = gloss_label_palette_set_property;

  properties[PROP_SCHEMA] =
    g_param_spec_object ("schema", NULL, NULL, GLOSS_TYPE_SCHEMA,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "labelpalette");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TOOLBAR);
}

static void
gloss_label_palette_init (GlossLabelPalette *self)
{
  self->flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->flow), FALSE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->flow), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->flow), 32);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->flow), 2);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->flow), 2);
  gtk_widget_set_focusable (self->flow, FALSE);
  gtk_widget_add_css_class (self->flow, "palette-box");
  gtk_widget_set_parent (self->flow, GTK_WIDGET (self));
}

GtkWidget *
gloss_label_palette_new (void)
{
  return g_object_new (GLOSS_TYPE_LABEL_PALETTE, NULL);
}
