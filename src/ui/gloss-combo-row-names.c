/* gloss-combo-row-names.c: combo rows that show their choices' whole names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libadwaita's own labels ask for no more than 20 characters, in the row
 * and in the popup alike: "Gloss dataset (JSON Li…" with half the row
 * empty, and "brat standoff (.txt and …" in a list that is there to be
 * read.
 */
#include "config.h"

#include "gloss-combo-row-names.h"

/* The popup's list wraps a name longer than this. */
#define LIST_CHARS 40
/* The row shows at least this much of its choice before the subtitle
 * gives way: a long subtitle wraps, the choice is not squeezed to "…". */
#define ROW_MIN_CHARS 16

#define SHORT_NAME "gloss-combo-row-short-name"

typedef struct
{
  guint  position;
  char  *name;
} ShortName;

static void
short_name_free (gpointer data)
{
  ShortName *short_name = data;

  g_free (short_name->name);
  g_free (short_name);
}

/* The short name of @item in @row, if it has one. */
static const char *
short_name_of (AdwComboRow *row,
               gpointer     item)
{
  ShortName *short_name = g_object_get_data (G_OBJECT (row), SHORT_NAME);
  GListModel *model = adw_combo_row_get_model (row);   /* transfer none */
  g_autoptr(GObject) at = NULL;

  if (short_name == NULL || model == NULL)
    return NULL;
  at = g_list_model_get_item (model, short_name->position);
  return at == item ? short_name->name : NULL;
}

static char *
name_of (AdwComboRow *row,
         gpointer     item)
{
  GtkExpression *expression = adw_combo_row_get_expression (row);   /* transfer none */
  g_auto(GValue) value = G_VALUE_INIT;

  if (expression != NULL && gtk_expression_evaluate (expression, item, &value))
    return g_value_dup_string (&value);
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (item));
  return g_strdup ("");
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              AdwComboRow              *row)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             AdwComboRow              *row)
{
  gpointer choice = gtk_list_item_get_item (item);
  const char *short_name = short_name_of (row, choice);
  g_autofree char *name = short_name != NULL ? g_strdup (short_name) : name_of (row, choice);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), name);
  gtk_label_set_width_chars (GTK_LABEL (gtk_list_item_get_child (item)),
                             (int) MIN (g_utf8_strlen (name, -1), ROW_MIN_CHARS));
}

/* The list's check mark follows the row's choice. */
static void
show_check (AdwComboRow *row,
            GParamSpec  *pspec,
            GtkListItem *item)
{
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (item));

  gtk_widget_set_opacity (check, adw_combo_row_get_selected (row) == gtk_list_item_get_position (item) ? 1 : 0);
}

static void
setup_list_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               AdwComboRow              *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), LIST_CHARS);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
}

static void
bind_list_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              AdwComboRow              *row)
{
  g_autofree char *name = name_of (row, gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (gtk_list_item_get_child (item))), name);
  g_signal_connect (row, "notify::selected", G_CALLBACK (show_check), item);
  show_check (row, NULL, item);
}

static void
unbind_list_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                AdwComboRow              *row)
{
  g_signal_handlers_disconnect_by_func (row, show_check, item);
}

void
gloss_combo_row_show_whole_names (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) in_row = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) in_list = gtk_signal_list_item_factory_new ();

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  /* The factories belong to @row: it outlives their items. */
  g_signal_connect (in_row, "setup", G_CALLBACK (setup_row_cb), row);
  g_signal_connect (in_row, "bind", G_CALLBACK (bind_row_cb), row);
  g_signal_connect (in_list, "setup", G_CALLBACK (setup_list_cb), row);
  g_signal_connect (in_list, "bind", G_CALLBACK (bind_list_cb), row);
  g_signal_connect (in_list, "unbind", G_CALLBACK (unbind_list_cb), row);
  adw_combo_row_set_factory (row, in_row);
  adw_combo_row_set_list_factory (row, in_list);
}

void
gloss_combo_row_set_short_name (AdwComboRow *row,
                                guint        position,
                                const char  *name)
{
  ShortName *short_name = g_new0 (ShortName, 1);

  g_return_if_fail (ADW_IS_COMBO_ROW (row));
  g_return_if_fail (name != NULL);

  short_name->position = position;
  short_name->name = g_strdup (name);
  g_object_set_data_full (G_OBJECT (row), SHORT_NAME, short_name, short_name_free);
}
