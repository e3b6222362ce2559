/* gloss-annotator.c: who annotates, and the file name that stands for them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "gloss-annotator.h"

/* The settings schema may be missing (a gloss-cli run from the build
 * tree): then only the real name counts. */
static char *
setting_author (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, BASE_APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "author"))
    return NULL;
  settings = g_settings_new_full (schema, NULL, NULL);
  return g_settings_get_string (settings, "author");
}

/**
 * gloss_annotator_default_name:
 *
 * Returns: (transfer full): the name of the person at the keyboard
 */
char *
gloss_annotator_default_name (void)
{
  g_autofree char *author = setting_author ();
  const char *real = g_get_real_name ();

  if (author != NULL && *g_strstrip (author) != '\0')
    return g_steal_pointer (&author);
  /* GLib says "Unknown" when the password database has no name. */
  if (real != NULL && *real != '\0' && !g_str_equal (real, "Unknown"))
    return g_strdup (real);
  return g_strdup (g_get_user_name ());
}

/**
 * gloss_annotator_file_stem:
 *
 * Returns: (transfer full): the stem of the annotator's files
 */
char *
gloss_annotator_file_stem (const char *name)
{
  GString *stem = g_string_new (NULL);

  for (const char *p = name ? name : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      if (g_unichar_isalnum (c) || c == '-' || c == '_' || c == ' ' || (c == '.' && stem->len > 0))
        g_string_append_unichar (stem, c);
      else if (stem->len > 0 && stem->str[stem->len - 1] != '-')
        g_string_append_c (stem, '-');
    }
  while (stem->len > 0 && strchr (" .-", stem->str[stem->len - 1]) != NULL)
    g_string_truncate (stem, stem->len - 1);
  while (stem->len > 0 && stem->str[0] == ' ')
    g_string_erase (stem, 0, 1);
  if (stem->len == 0)
    g_string_append (stem, "annotator");
  if (g_ascii_strcasecmp (stem->str, "source") == 0 || g_ascii_strcasecmp (stem->str, "curated") == 0)
    g_string_prepend (stem, "annotator-");
  return g_string_free (stem, FALSE);
}
