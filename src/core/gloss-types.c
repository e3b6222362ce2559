/* gloss-types.c: names of the small enums as they appear in files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-types.h"

static const char * const offset_units[] = { "codepoints", "utf16", "bytes" };
static const char * const statuses[] = { "accepted", "suggested" };
static const char * const certainties[] = { "asserted", "hedged", "denied" };

static gboolean
lookup (const char * const *names,
        guint               n_names,
        const char         *str,
        guint              *value)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      if (g_str_equal (names[i], str))
        {
          *value = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
gloss_offset_unit_to_string (GlossOffsetUnit unit)
{
  g_return_val_if_fail (unit < G_N_ELEMENTS (offset_units), NULL);
  return offset_units[unit];
}

gboolean
gloss_offset_unit_from_string (const char      *str,
                               GlossOffsetUnit *unit)
{
  guint v;

  if (!lookup (offset_units, G_N_ELEMENTS (offset_units), str, &v))
    return FALSE;
  *unit = v;
  return TRUE;
}

const char *
gloss_status_to_string (GlossStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (statuses), NULL);
  return statuses[status];
}

gboolean
gloss_status_from_string (const char  *str,
                          GlossStatus *status)
{
  guint v;

  if (!lookup (statuses, G_N_ELEMENTS (statuses), str, &v))
    return FALSE;
  *status = v;
  return TRUE;
}

const char *
gloss_certainty_to_string (GlossCertainty certainty)
{
  g_return_val_if_fail (certainty < G_N_ELEMENTS (certainties), NULL);
  return certainties[certainty];
}

gboolean
gloss_certainty_from_string (const char     *str,
                             GlossCertainty *certainty)
{
  guint v;

  if (!lookup (certainties, G_N_ELEMENTS (certainties), str, &v))
    return FALSE;
  *certainty = v;
  return TRUE;
}
