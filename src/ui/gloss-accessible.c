/* gloss-accessible.c: names for the parts of composite widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 exposes the toggle inside a GtkDropDown, and the two buttons of
 * an AdwSplitButton, as buttons of their own with no name but their type
 * ("GtkToggleButton", "GtkMenuButton"): what a screen reader would read.
 * They get the name of what they do, from the tooltips the widgets carry.
 */
#include "config.h"

#include <adwaita.h>

#include "gloss-accessible.h"

static void
set_label (GtkWidget  *widget,
           const char *label)
{
  if (label != NULL && *label != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* "Open _Sample Article" → "Open Sample Article" */
static char *
strip_mnemonic (const char *label)
{
  GString *out = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] == '_')
        p++;
      else if (*p == '_')
        continue;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
name_split_button (AdwSplitButton *split)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (split)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_MENU_BUTTON (child))
        set_label (child, adw_split_button_get_dropdown_tooltip (split));
      else if (GTK_IS_BUTTON (child) && adw_split_button_get_label (split) != NULL)
        {
          g_autofree char *label = strip_mnemonic (adw_split_button_get_label (split));

          set_label (child, label);
        }
    }
}

static void
name_drop_down (GtkDropDown *dropdown)
{
  const char *tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (dropdown));  /* transfer none */

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      set_label (child, tooltip);
}

/* Names the parts of every drop-down and split button under @root (call
 * it once the widgets are built, e.g. after gtk_widget_init_template ()). */
void
gloss_accessible_name_composites (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (ADW_IS_SPLIT_BUTTON (root))
    name_split_button (ADW_SPLIT_BUTTON (root));
  else if (GTK_IS_DROP_DOWN (root))
    name_drop_down (GTK_DROP_DOWN (root));
  else if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root)) &&
           gtk_button_get_label (GTK_BUTTON (root)) != NULL)
    {
      g_autofree char *label = strip_mnemonic (gtk_button_get_label (GTK_BUTTON (root)));

      set_label (root, label);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gloss_accessible_name_composites (child);
}
