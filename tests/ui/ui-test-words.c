/* ui-test-words.c: every label shown keeps its words whole; the
 * shortcuts window fits a 1280×800 screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A label squeezed by its neighbours wraps inside its words ("F-r-o-m",
 * "Enti-ty", "1 men-tion"), or is cut without an ellipsis. The check reads
 * each shown label's Pango layout as GTK laid it out: a wrapped line must
 * start where a word may start, no line may be wider than the label, and
 * an ellipsized label must show at least its first word.
 */
#include "config.h"

#include "ui-test-utils.h"

/* "GtkLabel “Entity” in AdwActionRow < GtkListBox < …" */
static void
describe (GString    *problems,
          GtkWidget  *label,
          const char *text,
          const char *what)
{
  guint depth = 0;

  g_string_append_printf (problems, "  %s “%s”: %s (%d px wide) in", G_OBJECT_TYPE_NAME (label), text, what,
                          gtk_widget_get_width (label));
  for (GtkWidget *up = gtk_widget_get_parent (label); up != NULL && depth < 6;
       up = gtk_widget_get_parent (up), depth++)
    g_string_append_printf (problems, "%s %s", depth > 0 ? " <" : "", G_OBJECT_TYPE_NAME (up));
  g_string_append_c (problems, '\n');
}

/* The width of @text's first word in @layout's font. */
static int
first_word_width (PangoLayout *layout,
                  const char  *text)
{
  g_autoptr(PangoLayout) word = pango_layout_copy (layout);
  const char *end = text;
  int width;

  while (*end != '\0' && g_unichar_isspace (g_utf8_get_char (end)))
    end = g_utf8_next_char (end);
  while (*end != '\0' && !g_unichar_isspace (g_utf8_get_char (end)))
    end = g_utf8_next_char (end);
  pango_layout_set_ellipsize (word, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_width (word, -1);
  pango_layout_set_attributes (word, pango_layout_get_attributes (layout));
  pango_layout_set_text (word, text, (int) (end - text));
  pango_layout_get_pixel_size (word, &width, NULL);
  return width;
}

static void
check_label (GtkLabel *label,
             GString  *problems)
{
  PangoLayout *layout = gtk_label_get_layout (label);   /* transfer none */
  const char *text = pango_layout_get_text (layout);
  int layout_width = pango_layout_get_width (layout);
  int n_attrs;
  const PangoLogAttr *attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  GSList *lines = pango_layout_get_lines_readonly (layout);

  if (text == NULL || *text == '\0')
    return;
  /* GTK sets the layout's width to the label's when it wraps or ellipsizes. */
  if (layout_width < 0)
    {
      PangoRectangle logical;

      pango_layout_get_pixel_extents (layout, NULL, &logical);
      if (logical.width > gtk_widget_get_width (GTK_WIDGET (label)) + 1)
        describe (problems, GTK_WIDGET (label), text, "cut off");
      return;
    }
  if (pango_layout_is_ellipsized (layout))
    {
      if (first_word_width (layout, text) > PANGO_PIXELS (layout_width) + 1)
        describe (problems, GTK_WIDGET (label), text, "not even its first word shows");
      return;
    }
  for (GSList *l = lines; l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      PangoRectangle logical;
      glong offset = g_utf8_pointer_to_offset (text, text + line->start_index);

      pango_layout_line_get_pixel_extents (line, NULL, &logical);
      if (logical.width > PANGO_PIXELS (layout_width) + 1)
        {
          describe (problems, GTK_WIDGET (label), text, "a word is wider than the label");
          return;
        }
      /* A line after a wrap (not after a newline) starts a word. */
      if (l != lines && line->start_index > 0 && text[line->start_index - 1] != '\n' &&
          offset < n_attrs && !attrs[offset].is_word_boundary)
        {
          describe (problems, GTK_WIDGET (label), text, "wrapped inside a word");
          return;
        }
    }
}

static void
check_tree (GtkWidget *widget,
            GString   *problems)
{
  if (!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) <= 0)
    return;
  if (GTK_IS_LABEL (widget))
    check_label (GTK_LABEL (widget), problems);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_tree (child, problems);
}

void
ui_assert_words_whole (GtkWidget *root)
{
  g_autoptr(GString) problems = g_string_new (NULL);

  ui_wait_for_frame (root);
  check_tree (root, problems);
  if (problems->len > 0)
    g_error ("labels under %s break their words:\n%s", G_OBJECT_TYPE_NAME (root), problems->str);
}

static void
find_cut (GtkWidget *widget,
          GString   *problems)
{
  if (!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) <= 0)
    return;
  if (GTK_IS_LABEL (widget) && pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
    describe (problems, widget, gtk_label_get_text (GTK_LABEL (widget)), "cut with an ellipsis");
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_cut (child, problems);
}

void
ui_assert_nothing_cut (GtkWidget *root)
{
  g_autoptr(GString) problems = g_string_new (NULL);

  ui_wait_for_frame (root);
  find_cut (root, problems);
  if (problems->len > 0)
    g_error ("labels under %s are cut:\n%s", G_OBJECT_TYPE_NAME (root), problems->str);
}

typedef struct
{
  GtkWidget *window;
  int        width;
  int        height;
} Size;

static gboolean
laid_out (gpointer data)
{
  Size *size = data;

  return gtk_widget_get_mapped (size->window) && gtk_widget_get_width (size->window) > 0;
}

void
ui_assert_shortcuts_fit (GtkWidget *window)
{
  GtkWidget *shortcuts = ui_wait_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  Size size = { shortcuts, 0, 0 };
  const char *sections[] = { "annotating", "projects" };

  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (shortcuts)) == GTK_WINDOW (window));
  g_assert_true (ui_wait_until (laid_out, &size, UI_TEST_TIMEOUT_MS));
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_object_set (shortcuts, "section-name", sections[i], NULL);
      ui_assert_words_whole (shortcuts);
      /* Without a window manager the window takes the size it asks for. */
      gtk_widget_measure (shortcuts, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &size.width, NULL, NULL);
      gtk_widget_measure (shortcuts, GTK_ORIENTATION_VERTICAL, size.width, NULL, &size.height, NULL, NULL);
      if (size.width > 1280 || size.height > 800)
        g_error ("the shortcuts window (%s) asks for %d×%d px, more than a 1280×800 screen",
                 sections[i], size.width, size.height);
    }
  gtk_window_destroy (GTK_WINDOW (shortcuts));
}
