/* gloss-timestamp.h: time stamps as ISO 8601 / RFC 3339 text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends @t (seconds since 1970, UTC) as "YYYY-MM-DDTHH:MM:SSZ", quoted. */
void     gloss_timestamp_write (GString    *out,
                                gint64      t);
/* Parses RFC 3339 text (@len bytes), any offset, fractions dropped.
 * FALSE for anything else, for year 0 and for leap seconds. */
gboolean gloss_timestamp_parse (const char *s,
                                gsize       len,
                                gint64     *out);

G_END_DECLS
