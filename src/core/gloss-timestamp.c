/* gloss-timestamp.c: time stamps as ISO 8601 / RFC 3339 text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * UTC, second precision. g_date_time is too slow for 200 000 of them, so
 * the common form is converted by hand.
 */
#include "config.h"

#include "gloss-timestamp.h"

static gint64
days_from_civil (gint64 y,
                 guint  m,
                 guint  d)
{
  gint64 era;
  guint yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = (guint)(y - era * 400);
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (gint64)doe - 719468;
}

static void
civil_from_days (gint64  z,
                 gint64 *year,
                 guint  *month,
                 guint  *day)
{
  gint64 era;
  guint doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = (guint)(z - era * 146097);
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *day = doy - (153 * mp + 2) / 5 + 1;
  *month = mp < 10 ? mp + 3 : mp - 9;
  *year = (gint64)yoe + era * 400 + (*month <= 2);
}

static void
put_digits (char  *p,
            guint  value,
            guint  n)
{
  while (n-- > 0)
    {
      p[n] = '0' + value % 10;
      value /= 10;
    }
}

void
gloss_timestamp_write (GString *out,
                       gint64   t)
{
  gint64 days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
  guint secs = (guint)(t - days * 86400);
  gint64 year;
  guint month, day;
  char buf[] = "\"0000-00-00T00:00:00Z\"";

  civil_from_days (days, &year, &month, &day);
  if (year < 0 || year > 9999)
    {
      /* Not ISO 8601's four digits; out of any real use, but readable. */
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (CLAMP (t, -62135596800, 253402300799));
      g_autofree char *s = g_date_time_format (dt, "\"%Y-%m-%dT%H:%M:%SZ\"");

      g_string_append (out, s);
      return;
    }
  put_digits (buf + 1, (guint)year, 4);
  put_digits (buf + 6, month, 2);
  put_digits (buf + 9, day, 2);
  put_digits (buf + 12, secs / 3600, 2);
  put_digits (buf + 15, secs / 60 % 60, 2);
  put_digits (buf + 18, secs % 60, 2);
  g_string_append_len (out, buf, sizeof buf - 1);
}

static gboolean
digits (const char *s,
        guint       n,
        guint      *value)
{
  guint v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      v = v * 10 + (s[i] - '0');
    }
  *value = v;
  return TRUE;
}

/* YYYY-MM-DDTHH:MM:SS, maybe .fraction, then Z or ±HH:MM (the JSON Schema's pattern). */
static gboolean
rfc3339_shape (const char *s,
               gsize       len)
{
  static const char form[] = "0000-00-00T00:00:00";
  gsize i;

  if (len < sizeof form)
    return FALSE;
  for (i = 0; i < sizeof form - 1; i++)
    if (form[i] == '0' ? !g_ascii_isdigit (s[i]) : (s[i] != form[i] && !(form[i] == 'T' && s[i] == 't')))
      return FALSE;
  if (s[i] == '.')
    {
      if (++i >= len || !g_ascii_isdigit (s[i]))
        return FALSE;
      while (i < len && g_ascii_isdigit (s[i]))
        i++;
    }
  if (len - i == 1)
    return s[i] == 'Z' || s[i] == 'z';
  return len - i == 6 && (s[i] == '+' || s[i] == '-') && g_ascii_isdigit (s[i + 1]) &&
         g_ascii_isdigit (s[i + 2]) && s[i + 3] == ':' && g_ascii_isdigit (s[i + 4]) &&
         g_ascii_isdigit (s[i + 5]);
}

gboolean
gloss_timestamp_parse (const char *s,
                       gsize       len,
                       gint64     *out)
{
  static const guint8 month_days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) dt = NULL;
  guint y, mo, d, h, mi, se;

  /* 2026-11-27T05:24:11Z */
  if (len == 20 && s[4] == '-' && s[7] == '-' && (s[10] == 'T' || s[10] == 't') &&
      s[13] == ':' && s[16] == ':' && (s[19] == 'Z' || s[19] == 'z') &&
      digits (s, 4, &y) && digits (s + 5, 2, &mo) && digits (s + 8, 2, &d) &&
      digits (s + 11, 2, &h) && digits (s + 14, 2, &mi) && digits (s + 17, 2, &se))
    {
      gboolean leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

      /* Year 0 and leap seconds: not in GLib, Python or most tools. */
      if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > month_days[mo - 1] ||
          (mo == 2 && d == 29 && !leap) || h > 23 || mi > 59 || se > 59)
        return FALSE;
      *out = days_from_civil (y, mo, d) * 86400 + h * 3600 + mi * 60 + se;
      return TRUE;
    }

  /* Other offsets, fractions of a second: the general parser, but only
   * for RFC 3339's form (GLib takes more of ISO 8601, and no offset). */
  if (!rfc3339_shape (s, len) || !digits (s + 17, 2, &se) || se > 59)
    return FALSE;
  utc = g_time_zone_new_utc ();
  dt = g_date_time_new_from_iso8601 (s, utc);
  if (dt == NULL)
    return FALSE;
  *out = g_date_time_to_unix (dt);
  return TRUE;
}
