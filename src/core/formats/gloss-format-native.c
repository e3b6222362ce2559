/* gloss-format-native.c: the .gloss file (DESIGN §4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading streams the file through GlossJsonReader: the annotation arrays
 * never become a JsonNode tree. Members may come in any order; an array
 * met before what it needs (the document and schema, the entities its
 * references point at) is skipped and read again from its offset once
 * those are known. Files we write are in the order that needs no second
 * pass.
 *
 * Writing is by hand into one GString, in a fixed layout: header objects
 * pretty-printed, one annotation per line, so files diff well in git.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "gloss-annotation-private.h"
#include "gloss-error.h"
#include "gloss-format-native.h"
#include "gloss-format-native-private.h"
#include "gloss-input-file.h"
#include "gloss-json-reader.h"
#include "gloss-json-writer.h"

/* Until the document and the store can carry members they do not know,
 * they ride along as object data. */

/* ------------------------------------------------------------------------
 * Member names
 */

typedef enum
{
  M_ID,
  M_TYPE,
  M_NAME,
  M_KB,
  M_ENTITY,
  M_CLAIMANT,
  M_CERTAINTY,
  M_SPANS,
  M_CUE,
  M_ABOUT,
  M_FROM,
  M_TO,
  M_EVIDENCE,
  M_ATTRS,
  M_NOTE,
  M_STATUS,
  M_AUTHOR,
  M_CREATED,
  M_MODIFIED,
  N_MEMBERS
} Member;

static const char * const member_names[N_MEMBERS] = {
  "id", "type", "name", "kb", "entity", "claimant", "certainty", "spans",
  "cue", "about", "from", "to", "evidence", "attrs", "note", "status",
  "author", "created", "modified",
};

#define BIT(m) (1u << (m))
#define COMMON (BIT (M_ID) | BIT (M_TYPE) | BIT (M_ATTRS) | BIT (M_NOTE) | BIT (M_STATUS) | \
                BIT (M_AUTHOR) | BIT (M_CREATED) | BIT (M_MODIFIED))

/* The members each kind knows, indexed by GlossAnnotationKind. */
static const guint kind_members[GLOSS_N_KINDS] = {
  [GLOSS_KIND_MENTION] = COMMON | BIT (M_ENTITY) | BIT (M_SPANS),
  [GLOSS_KIND_ENTITY] = COMMON | BIT (M_NAME) | BIT (M_KB),
  [GLOSS_KIND_CLAIM] = COMMON | BIT (M_CLAIMANT) | BIT (M_CERTAINTY) | BIT (M_SPANS) |
                       BIT (M_CUE) | BIT (M_ABOUT),
  [GLOSS_KIND_RELATION] = COMMON | BIT (M_FROM) | BIT (M_TO) | BIT (M_EVIDENCE),
};

static const GlossLabelKind label_kinds[GLOSS_N_KINDS] = {
  [GLOSS_KIND_MENTION] = GLOSS_LABEL_ENTITY,
  [GLOSS_KIND_ENTITY] = GLOSS_LABEL_ENTITY,
  [GLOSS_KIND_CLAIM] = GLOSS_LABEL_CLAIM,
  [GLOSS_KIND_RELATION] = GLOSS_LABEL_RELATION,
};

/* Top-level members, in the order they are written. */
typedef enum
{
  T_FORMAT,
  T_VERSION,
  T_DOCUMENT,
  T_SCHEMA,
  T_ENTITIES,
  T_MENTIONS,
  T_CLAIMS,
  T_RELATIONS,
  N_TOP
} Top;

static const char * const top_names[N_TOP] = {
  "format", "version", "document", "schema", "entities", "mentions", "claims", "relations",
};

static const GlossAnnotationKind top_kinds[N_TOP] = {
  [T_ENTITIES] = GLOSS_KIND_ENTITY,
  [T_MENTIONS] = GLOSS_KIND_MENTION,
  [T_CLAIMS] = GLOSS_KIND_CLAIM,
  [T_RELATIONS] = GLOSS_KIND_RELATION,
};

typedef enum
{
  D_ID,
  D_TITLE,
  D_SOURCE,
  D_LANGUAGE,
  D_SHA256,
  D_TEXT,
  D_META,
  N_DOC
} DocMember;

static const char * const doc_names[N_DOC] = {
  "id", "title", "source", "language", "sha256", "text", "meta",
};

static int
find_name (const char * const *names,
           guint               n_names,
           const char         *str,
           gsize               len)
{
  for (guint i = 0; i < n_names; i++)
    if (len > 0 && names[i][0] == str[0] && strlen (names[i]) == len && memcmp (names[i], str, len) == 0)
      return i;
  return -1;
}

static gboolean
is_known_member (GlossAnnotationKind  kind,
                 const char          *name)
{
  int m = find_name (member_names, N_MEMBERS, name, strlen (name));

  return m >= 0 && (kind_members[kind] & BIT (m)) != 0;
}

/* ------------------------------------------------------------------------
 * Time stamps: ISO 8601 in UTC, second precision. g_date_time is too slow
 * for 200 000 of them, so the common form is converted by hand.
 */

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

static void
write_timestamp (GString *out,
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

static gboolean
parse_timestamp (const char *s,
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

/* ------------------------------------------------------------------------
 * Reading
 */

typedef struct
{
  const char      *data;
  gsize            length;
  const char      *where;

  gboolean         seen[N_TOP];
  gboolean         done[N_TOP];
  gsize            offset[N_TOP];   /* of a value deferred for later */
  gboolean         deferred[N_TOP];

  GlossDocument   *document;
  GlossSchema     *schema;
  GlossStore      *store;
  guint            doc_length;
  JsonObject      *extra;
  JsonObject      *doc_extra;

  /* Scratch, reused from one annotation to the next. */
  GArray          *spans[3];        /* GlossSpan, by GlossSpanRole */
  GPtrArray       *about;           /* GlossEntity, not owned */
  GString         *span_text;
  char            *last_type[GLOSS_N_LABEL_KINDS];

  /* _gloss_native_read_annotation(): build one annotation, keep it here
   * instead of adding it to the store. */
  gboolean         detached;
  GlossAnnotation *built;

  /* gloss_native_check_bytes(): messages of the bad annotations passed over. */
  GPtrArray       *problems;
  guint            max_problems;
} Loader;

static void
loader_init (Loader *L)
{
  for (guint i = 0; i < G_N_ELEMENTS (L->spans); i++)
    L->spans[i] = g_array_new (FALSE, FALSE, sizeof (GlossSpan));
  L->about = g_ptr_array_new ();
  L->span_text = g_string_new (NULL);
}

static void
loader_clear (Loader *L)
{
  g_clear_object (&L->document);
  g_clear_object (&L->schema);
  g_clear_object (&L->store);
  g_clear_pointer (&L->extra, json_object_unref);
  g_clear_pointer (&L->doc_extra, json_object_unref);
  for (guint i = 0; i < G_N_ELEMENTS (L->spans); i++)
    g_clear_pointer (&L->spans[i], g_array_unref);
  g_clear_pointer (&L->about, g_ptr_array_unref);
  if (L->span_text != NULL)
    g_string_free (L->span_text, TRUE);
  for (guint i = 0; i < GLOSS_N_LABEL_KINDS; i++)
    g_free (L->last_type[i]);
  g_clear_object (&L->built);
  g_clear_pointer (&L->problems, g_ptr_array_unref);
}

/* An error at the reader's path plus ".@member". */
static gboolean
member_error (GlossJsonReader *r,
              const char      *where,
              const char      *member,
              int              code,
              const char      *message)
{
  g_autofree char *path = gloss_json_reader_dup_path (r);

  gloss_json_reader_propagate_error (r, g_error_new (GLOSS_FORMAT_ERROR, code, "%s: %s%s%s: %s",
                                                     where, path, path[0] != '\0' ? "." : "",
                                                     member, message));
  return FALSE;
}

static const char *
token_name (GlossJsonToken token)
{
  switch (token)
    {
    case GLOSS_JSON_BEGIN_OBJECT: return "an object";
    case GLOSS_JSON_BEGIN_ARRAY: return "an array";
    case GLOSS_JSON_STRING: return "a string";
    case GLOSS_JSON_NUMBER: return "a number";
    case GLOSS_JSON_TRUE:
    case GLOSS_JSON_FALSE: return "a boolean";
    case GLOSS_JSON_NULL: return "null";
    case GLOSS_JSON_END:
    case GLOSS_JSON_ERROR:
    case GLOSS_JSON_END_OBJECT:
    case GLOSS_JSON_END_ARRAY:
    case GLOSS_JSON_MEMBER:
    default: return "nothing";
    }
}

static gboolean
expected (GlossJsonReader *r,
          GlossJsonToken   token,
          const char      *what)
{
  if (token == GLOSS_JSON_ERROR)
    return FALSE;
  gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID, "expected %s, found %s",
                               what, token_name (token));
  return FALSE;
}

/* A short, quoted form of @text for messages. */
static char *
quote (const char *text,
       gsize       len)
{
  GString *s = g_string_new ("\"");
  const char *end = text + len;
  const char *p = text;
  guint n = 0;

  while (p < end && n < 60)
    {
      const char *next = g_utf8_find_next_char (p, end);

      if (next == NULL)
        next = end;
      g_string_append_len (s, p, next - p);
      p = next;
      n++;
    }
  if (p < end)
    g_string_append (s, "…");
  g_string_append_c (s, '"');
  return g_string_free (s, FALSE);
}

/* The current STRING, as a NUL-terminated copy; NULL (error set) if it
 * is not a string or holds NUL. An optional empty string counts as absent
 * (*@out NULL); null is an error, as in the JSON Schema. */
static gboolean
read_string (GlossJsonReader *r,
             GlossJsonToken   t,
             gboolean         required,
             char           **out)
{
  const char *s;
  gsize len;

  g_clear_pointer (out, g_free);
  if (t != GLOSS_JSON_STRING)
    return expected (r, t, "a string");

  s = gloss_json_reader_get_cstring (r, &len);
  if (memchr (s, '\0', len) != NULL)
    {
      gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID,
                                   "the string holds a NUL character (\\u0000)");
      return FALSE;
    }
  if (len == 0)
    {
      if (required)
        {
          gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID, "must not be empty");
          return FALSE;
        }
      return TRUE;
    }
  *out = g_strndup (s, len);
  return TRUE;
}

/* Adds the value at the current token to @extra under @name. */
static gboolean
read_extra (GlossJsonReader  *r,
            JsonObject      **extra,
            const char       *name)
{
  JsonNode *node;

  if (*extra == NULL)
    *extra = json_object_new ();
  if (json_object_has_member (*extra, name))
    {
      gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID,
                                   "the member appears twice in the object");
      return FALSE;
    }
  node = gloss_json_reader_read_node (r);
  if (node == NULL)
    return FALSE;
  json_object_set_member (*extra, name, node);
  return TRUE;
}

static gboolean
read_document_into (Loader          *L,
                    GlossJsonReader *r,
                    char           **strings)
{
  g_autoptr(JsonObject) meta = NULL;
  gboolean seen[N_DOC] = { FALSE, };
  GlossJsonToken t = gloss_json_reader_get_token (r);

  if (t != GLOSS_JSON_BEGIN_OBJECT)
    return expected (r, t, "an object");

  while ((t = gloss_json_reader_next (r)) == GLOSS_JSON_MEMBER)
    {
      gsize len;
      const char *name = gloss_json_reader_get_string (r, &len);
      int m = find_name (doc_names, N_DOC, name, len);
      g_autofree char *copy = NULL;

      if (m < 0)
        {
          copy = g_strdup (gloss_json_reader_get_cstring (r, NULL));
          gloss_json_reader_next (r);
          if (!read_extra (r, &L->doc_extra, copy))
            return FALSE;
          continue;
        }
      if (seen[m])
        {
          gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID,
                                       "the member appears twice in the document");
          return FALSE;
        }
      seen[m] = TRUE;
      t = gloss_json_reader_next (r);

      if (m == D_TEXT)
        {
          g_autoptr(GError) local_error = NULL;
          g_autofree char *where = NULL;
          const char *text;

          if (t != GLOSS_JSON_STRING)
            return expected (r, t, "the text as a string");
          text = gloss_json_reader_get_string (r, &len);
          where = g_strdup_printf ("%s: document.text", L->where);
          L->document = gloss_document_new_from_text (text, len, where, &local_error);
          if (L->document == NULL)
            {
              const char *message = local_error->message;

              if (g_str_has_prefix (message, where) && g_str_has_prefix (message + strlen (where), ": "))
                message += strlen (where) + 2;
              gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID, "%s", message);
              return FALSE;
            }
        }
      else if (m == D_META)
        {
          g_autoptr(JsonNode) node = NULL;

          if (t != GLOSS_JSON_BEGIN_OBJECT)
            return expected (r, t, "an object");
          node = gloss_json_reader_read_node (r);
          if (node == NULL)
            return FALSE;
          meta = json_node_dup_object (node);
        }
      else if (!read_string (r, t, FALSE, &strings[m]))
        return FALSE;
    }
  if (t != GLOSS_JSON_END_OBJECT)
    return FALSE;

  if (L->document == NULL)
    {
      gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID,
                                   "the document has no text (member \"text\")");
      return FALSE;
    }
  if (strings[D_SHA256] != NULL &&
      g_ascii_strcasecmp (strings[D_SHA256], gloss_document_get_sha256 (L->document)) != 0)
    return member_error (r, L->where, "sha256", GLOSS_FORMAT_ERROR_INVALID,
                         "does not match the text: the text was changed after the file was written");

  gloss_document_set_id (L->document, strings[D_ID]);
  gloss_document_set_title (L->document, strings[D_TITLE]);
  gloss_document_set_source (L->document, strings[D_SOURCE]);
  gloss_document_set_language (L->document, strings[D_LANGUAGE]);
  if (meta != NULL)
    gloss_document_set_meta (L->document, meta);
  if (L->doc_extra != NULL)
    {
      gloss_document_set_extra (L->document, L->doc_extra);
      g_clear_pointer (&L->doc_extra, json_object_unref);
    }
  L->doc_length = gloss_document_get_length (L->document);
  return TRUE;
}

static gboolean
read_document (Loader          *L,
               GlossJsonReader *r)
{
  char *strings[N_DOC] = { NULL, };
  gboolean ok = read_document_into (L, r, strings);

  for (guint i = 0; i < N_DOC; i++)
    g_free (strings[i]);
  return ok;
}

static gboolean
read_schema (Loader          *L,
             GlossJsonReader *r)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) local_error = NULL;
  GlossJsonToken t = gloss_json_reader_get_token (r);

  if (t != GLOSS_JSON_BEGIN_OBJECT)
    return expected (r, t, "an object");
  node = gloss_json_reader_read_node (r);
  if (node == NULL)
    return FALSE;

  L->schema = gloss_schema_new_from_json (node, L->where, &local_error);
  if (L->schema == NULL)
    {
      /* Its message already names the file and the place. */
      if (local_error->domain != GLOSS_FORMAT_ERROR)
        {
          local_error->domain = GLOSS_FORMAT_ERROR;
          local_error->code = GLOSS_FORMAT_ERROR_INVALID;
        }
      gloss_json_reader_propagate_error (r, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_spans (Loader          *L,
            GlossJsonReader *r,
            GlossSpanRole    role)
{
  GArray *spans = L->spans[role];
  GlossJsonToken t = gloss_json_reader_get_token (r);

  g_array_set_size (spans, 0);
  if (t != GLOSS_JSON_BEGIN_ARRAY)
    return expected (r, t, "an array of spans");

  while ((t = gloss_json_reader_next (r)) != GLOSS_JSON_END_ARRAY)
    {
      guint32 v[2] = { 0, 0 };
      gboolean has[3] = { FALSE, FALSE, FALSE };
      GlossSpan span;

      if (t != GLOSS_JSON_BEGIN_OBJECT)
        return expected (r, t, "a span object {\"start\", \"end\", \"text\"}");

      while ((t = gloss_json_reader_next (r)) == GLOSS_JSON_MEMBER)
        {
          int which;

          if (gloss_json_reader_string_equal (r, "start"))
            which = 0;
          else if (gloss_json_reader_string_equal (r, "end"))
            which = 1;
          else if (gloss_json_reader_string_equal (r, "text"))
            which = 2;
          else
            {
              /* A span has nowhere to keep other members. */
              t = gloss_json_reader_next (r);
              if (!gloss_json_reader_skip (r))
                return FALSE;
              continue;
            }
          if (has[which])
            {
              gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID,
                                           "the member appears twice in the span");
              return FALSE;
            }
          has[which] = TRUE;

          t = gloss_json_reader_next (r);
          if (which < 2)
            {
              if (!gloss_json_reader_get_uint32 (r, &v[which]))
                {
                  gsize n;
                  const char *number;

                  if (t != GLOSS_JSON_NUMBER)
                    return expected (r, t, "a whole number");
                  number = gloss_json_reader_get_number_text (r, &n);

                  gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_SPAN,
                                               "%.*s is not an offset (a whole number from 0 to 4294967295)",
                                               (int)MIN (n, 40), number);
                  return FALSE;
                }
            }
          else
            {
              const char *s;
              gsize len;

              if (t != GLOSS_JSON_STRING)
                return expected (r, t, "a string");
              s = gloss_json_reader_get_string (r, &len);
              g_string_truncate (L->span_text, 0);
              g_string_append_len (L->span_text, s, len);
            }
        }
      if (t != GLOSS_JSON_END_OBJECT)
        return FALSE;

      for (int i = 0; i < 3; i++)
        if (!has[i])
          {
            static const char * const names[] = { "start", "end", "text" };

            gloss_json_reader_set_error (r, i < 2 ? GLOSS_FORMAT_ERROR_SPAN : GLOSS_FORMAT_ERROR_INVALID,
                                         "the span has no \"%s\"", names[i]);
            return FALSE;
          }

      span.start = v[0];
      span.end = v[1];
      if (span.end < span.start)
        {
          gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_SPAN,
                                       "end %u is before start %u", span.end, span.start);
          return FALSE;
        }
      if (span.end == span.start)
        {
          gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_SPAN,
                                       "the span is empty (start and end are both %u)", span.start);
          return FALSE;
        }
      if (span.end > L->doc_length)
        {
          gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_SPAN,
                                       "end %u is beyond the end of the text (%u characters)",
                                       span.end, L->doc_length);
          return FALSE;
        }
      if (!gloss_document_slice_equals (L->document, span.start, span.end,
                                        L->span_text->str, L->span_text->len))
        {
          gsize n;
          const char *actual = gloss_document_peek_slice (L->document, span.start, span.end, &n);
          g_autofree char *a = quote (L->span_text->str, L->span_text->len);
          g_autofree char *b = quote (actual, n);

          gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_SPAN,
                                       "text %s does not match the document (%s)", a, b);
          return FALSE;
        }
      g_array_append_val (spans, span);
    }

  return TRUE;
}

/* Resolves the entity id at the current string token. */
static gboolean
read_entity_ref (Loader           *L,
                 GlossJsonReader  *r,
                 GlossJsonToken    t,
                 GlossEntity     **out)
{
  GlossAnnotation *found;
  const char *id;
  gsize len;

  *out = NULL;
  if (t != GLOSS_JSON_STRING)
    return expected (r, t, "an entity id (a string)");

  id = gloss_json_reader_get_cstring (r, &len);
  found = memchr (id, '\0', len) == NULL ? gloss_store_lookup (L->store, id) : NULL;
  if (found == NULL || !GLOSS_IS_ENTITY (found))
    {
      g_autofree char *q = quote (id, len);

      gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID,
                                   found == NULL ? "no entity has the id %s" : "%s is not an entity",
                                   q);
      return FALSE;
    }
  *out = GLOSS_ENTITY (found);
  return TRUE;
}

typedef struct
{
  char           *strings[N_MEMBERS];   /* id, type, name, kb, note, author */
  GlossEntity    *entity, *claimant, *from, *to;
  GlossCertainty  certainty;
  GlossStatus     status;
  gint64          created, modified;
  JsonObject     *attrs;
  JsonObject     *extra;
} Fields;

static void
fields_clear (Fields *f)
{
  for (guint i = 0; i < N_MEMBERS; i++)
    g_free (f->strings[i]);
  g_clear_pointer (&f->attrs, json_object_unref);
  g_clear_pointer (&f->extra, json_object_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fields, fields_clear)

/* Attribute values are strings (enum, text) or booleans (bool). */
static gboolean
check_attrs (Loader          *L,
             GlossJsonReader *r,
             JsonObject      *attrs)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init (&iter, attrs);
  while (json_object_iter_next (&iter, &name, &value))
    {
      GType type = JSON_NODE_HOLDS_VALUE (value) ? json_node_get_value_type (value) : G_TYPE_INVALID;

      if (type != G_TYPE_STRING && type != G_TYPE_BOOLEAN)
        return member_error (r, L->where, name, GLOSS_FORMAT_ERROR_INVALID,
                             "expected a string or true/false as the attribute's value");
    }
  return TRUE;
}

static gboolean
read_member (Loader              *L,
             GlossJsonReader     *r,
             GlossAnnotationKind  kind,
             Member               m,
             Fields              *f)
{
  GlossJsonToken t = gloss_json_reader_next (r);

  switch (m)
    {
    case M_ID:
    case M_TYPE:
      return read_string (r, t, TRUE, &f->strings[m]);

    case M_NAME:
    case M_KB:
    case M_NOTE:
    case M_AUTHOR:
      return read_string (r, t, FALSE, &f->strings[m]);

    case M_ENTITY:
      return read_entity_ref (L, r, t, &f->entity);
    case M_CLAIMANT:
      return read_entity_ref (L, r, t, &f->claimant);
    case M_FROM:
      return read_entity_ref (L, r, t, &f->from);
    case M_TO:
      return read_entity_ref (L, r, t, &f->to);

    case M_CERTAINTY:
    case M_STATUS:
      {
        const char *s;
        gboolean ok;

        if (t != GLOSS_JSON_STRING)
          return expected (r, t, "a string");
        s = gloss_json_reader_get_cstring (r, NULL);
        ok = m == M_STATUS ? gloss_status_from_string (s, &f->status)
                           : gloss_certainty_from_string (s, &f->certainty);
        if (!ok)
          {
            g_autofree char *q = quote (s, strlen (s));

            gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID, "unknown value %s (expected %s)", q,
                                         m == M_STATUS ? "\"accepted\" or \"suggested\""
                                                       : "\"asserted\", \"hedged\" or \"denied\"");
            return FALSE;
          }
        return TRUE;
      }

    case M_CREATED:
    case M_MODIFIED:
      {
        const char *s;
        gsize len;

        if (t != GLOSS_JSON_STRING)
          return expected (r, t, "a date and time as a string");
        s = gloss_json_reader_get_cstring (r, &len);
        if (!parse_timestamp (s, len, m == M_CREATED ? &f->created : &f->modified))
          {
            g_autofree char *q = quote (s, len);

            gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID,
                                         "%s is not an ISO 8601 date and time such as 2026-11-27T05:24:11Z", q);
            return FALSE;
          }
        return TRUE;
      }

    case M_SPANS:
      return read_spans (L, r, GLOSS_ROLE_CONTENT);
    case M_CUE:
      return read_spans (L, r, GLOSS_ROLE_CUE);
    case M_EVIDENCE:
      return read_spans (L, r, GLOSS_ROLE_EVIDENCE);

    case M_ABOUT:
      g_ptr_array_set_size (L->about, 0);
      if (t != GLOSS_JSON_BEGIN_ARRAY)
        return expected (r, t, "an array of entity ids");
      while ((t = gloss_json_reader_next (r)) != GLOSS_JSON_END_ARRAY)
        {
          GlossEntity *entity;

          if (!read_entity_ref (L, r, t, &entity))
            return FALSE;
          if (entity != NULL)
            g_ptr_array_add (L->about, entity);
        }
      return TRUE;

    case M_ATTRS:
      {
        g_autoptr(JsonNode) node = NULL;

        if (t != GLOSS_JSON_BEGIN_OBJECT)
          return expected (r, t, "an object of attribute values");
        node = gloss_json_reader_read_node (r);
        if (node == NULL)
          return FALSE;
        f->attrs = json_node_dup_object (node);
        return check_attrs (L, r, f->attrs);
      }

    case N_MEMBERS:
    default:
      g_assert_not_reached ();
    }

  (void)kind;
  return FALSE;
}

static const char *
ensure_type (Loader         *L,
             GlossLabelKind  kind,
             const char     *type)
{
  if (g_strcmp0 (L->last_type[kind], type) != 0)
    {
      gloss_schema_ensure (L->schema, kind, type);
      g_free (L->last_type[kind]);
      L->last_type[kind] = g_strdup (type);
    }
  return type;
}

static gboolean
read_annotation (Loader              *L,
                 GlossJsonReader     *r,
                 GlossAnnotationKind  kind)
{
  g_auto(Fields) f = { { NULL, }, };
  g_autoptr(GlossAnnotation) a = NULL;
  g_autoptr(GError) local_error = NULL;
  GlossJsonToken t;
  guint seen = 0;
  const GlossSpan *spans;
  guint n_spans;

  for (guint i = 0; i < G_N_ELEMENTS (L->spans); i++)
    g_array_set_size (L->spans[i], 0);
  g_ptr_array_set_size (L->about, 0);

  while ((t = gloss_json_reader_next (r)) == GLOSS_JSON_MEMBER)
    {
      gsize len;
      const char *name = gloss_json_reader_get_string (r, &len);
      int m = find_name (member_names, N_MEMBERS, name, len);

      if (m < 0 || (kind_members[kind] & BIT (m)) == 0)
        {
          g_autofree char *copy = g_strdup (gloss_json_reader_get_cstring (r, NULL));

          gloss_json_reader_next (r);
          if (!read_extra (r, &f.extra, copy))
            return FALSE;
          continue;
        }
      if (seen & BIT (m))
        {
          gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID,
                                       "the member appears twice in the %s",
                                       gloss_annotation_kind_to_string (kind));
          return FALSE;
        }
      seen |= BIT (m);
      if (!read_member (L, r, kind, m, &f))
        return FALSE;
    }
  if (t != GLOSS_JSON_END_OBJECT)
    return t == GLOSS_JSON_ERROR ? FALSE : expected (r, t, "a member");

  if (f.strings[M_ID] == NULL || f.strings[M_TYPE] == NULL)
    {
      gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID, "the %s has no \"%s\"",
                                   gloss_annotation_kind_to_string (kind),
                                   f.strings[M_ID] == NULL ? "id" : "type");
      return FALSE;
    }
  if ((kind == GLOSS_KIND_MENTION || kind == GLOSS_KIND_CLAIM) &&
      L->spans[GLOSS_ROLE_CONTENT]->len == 0)
    {
      gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_SPAN, "the %s has no spans",
                                   gloss_annotation_kind_to_string (kind));
      return FALSE;
    }
  if (kind == GLOSS_KIND_RELATION && (f.from == NULL || f.to == NULL))
    {
      gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID, "the relation has no \"%s\"",
                                   f.from == NULL ? "from" : "to");
      return FALSE;
    }
  if (!L->detached && f.strings[M_ID] != NULL && gloss_store_lookup (L->store, f.strings[M_ID]) != NULL)
    {
      g_autofree char *q = quote (f.strings[M_ID], strlen (f.strings[M_ID]));

      gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID,
                                   "the id %s is already used by another annotation", q);
      return FALSE;
    }

  if (!L->detached)
    ensure_type (L, label_kinds[kind], f.strings[M_TYPE]);
  spans = (const GlossSpan *)(gpointer)L->spans[GLOSS_ROLE_CONTENT]->data;
  n_spans = L->spans[GLOSS_ROLE_CONTENT]->len;

  switch (kind)
    {
    case GLOSS_KIND_MENTION:
      a = GLOSS_ANNOTATION (gloss_mention_new (f.strings[M_TYPE], spans, n_spans));
      if (f.entity != NULL)
        gloss_mention_set_entity (GLOSS_MENTION (a), f.entity);
      break;

    case GLOSS_KIND_ENTITY:
      a = GLOSS_ANNOTATION (gloss_entity_new (f.strings[M_TYPE], f.strings[M_NAME]));
      if (f.strings[M_KB] != NULL)
        gloss_entity_set_kb (GLOSS_ENTITY (a), f.strings[M_KB]);
      break;

    case GLOSS_KIND_CLAIM:
      a = GLOSS_ANNOTATION (gloss_claim_new (f.strings[M_TYPE], spans, n_spans));
      if (f.claimant != NULL)
        gloss_claim_set_claimant (GLOSS_CLAIM (a), f.claimant);
      gloss_claim_set_certainty (GLOSS_CLAIM (a), f.certainty);
      if (L->spans[GLOSS_ROLE_CUE]->len > 0)
        gloss_annotation_set_spans (a, GLOSS_ROLE_CUE,
                                    (const GlossSpan *)(gpointer)L->spans[GLOSS_ROLE_CUE]->data,
                                    L->spans[GLOSS_ROLE_CUE]->len);
      for (guint i = 0; i < L->about->len; i++)
        gloss_claim_add_about (GLOSS_CLAIM (a), L->about->pdata[i]);
      break;

    case GLOSS_KIND_RELATION:
      a = GLOSS_ANNOTATION (gloss_relation_new (f.strings[M_TYPE], f.from, f.to));
      if (L->spans[GLOSS_ROLE_EVIDENCE]->len > 0)
        gloss_annotation_set_spans (a, GLOSS_ROLE_EVIDENCE,
                                    (const GlossSpan *)(gpointer)L->spans[GLOSS_ROLE_EVIDENCE]->data,
                                    L->spans[GLOSS_ROLE_EVIDENCE]->len);
      break;

    case GLOSS_N_KINDS:
    default:
      g_assert_not_reached ();
    }

  if (f.strings[M_ID] != NULL)
    gloss_annotation_set_id (a, f.strings[M_ID]);
  if (f.strings[M_NOTE] != NULL)
    gloss_annotation_set_note (a, f.strings[M_NOTE]);
  if (f.strings[M_AUTHOR] != NULL)
    gloss_annotation_set_author (a, f.strings[M_AUTHOR]);
  if (f.status != GLOSS_STATUS_ACCEPTED)
    gloss_annotation_set_status (a, f.status);
  if (f.created != 0)
    gloss_annotation_set_created (a, f.created);
  if (f.modified != 0)
    gloss_annotation_set_modified (a, f.modified);
  if (f.attrs != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init_ordered (&iter, f.attrs);
      while (json_object_iter_next_ordered (&iter, &name, &value))
        gloss_annotation_set_attr (a, name, value);
    }
  if (f.extra != NULL)
    gloss_annotation_set_extra (a, f.extra);

  if (L->detached)
    {
      g_set_object (&L->built, a);
      return TRUE;
    }
  if (!gloss_store_load_add (L->store, a, &local_error))
    {
      gloss_json_reader_set_error (r, local_error->domain == GLOSS_STORE_ERROR &&
                                      local_error->code == GLOSS_STORE_ERROR_SPAN
                                      ? GLOSS_FORMAT_ERROR_SPAN : GLOSS_FORMAT_ERROR_INVALID,
                                   "%s", local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Checking: keeps the reader's error as a problem and reads on after the
 * bad element of an array at @depth. FALSE (error kept) when reading, at
 * the limit, or after a syntax error. */
static gboolean
pass_over (Loader          *L,
           GlossJsonReader *r,
           guint            depth)
{
  GError *error;

  if (L->problems == NULL || L->problems->len + 1 >= L->max_problems ||
      (error = gloss_json_reader_resume (r)) == NULL)
    return FALSE;
  g_ptr_array_add (L->problems, g_strdup (error->message));
  g_error_free (error);
  while (gloss_json_reader_get_depth (r) > depth)
    if (gloss_json_reader_next (r) == GLOSS_JSON_ERROR)
      return FALSE;
  return TRUE;
}

static gboolean
read_annotations (Loader              *L,
                  GlossJsonReader     *r,
                  GlossAnnotationKind  kind)
{
  GlossJsonToken t = gloss_json_reader_get_token (r);
  guint depth;

  if (t != GLOSS_JSON_BEGIN_ARRAY)
    return expected (r, t, "an array");

  depth = gloss_json_reader_get_depth (r);
  while ((t = gloss_json_reader_next (r)) != GLOSS_JSON_END_ARRAY)
    {
      if (t == GLOSS_JSON_BEGIN_OBJECT ? read_annotation (L, r, kind) : expected (r, t, "an object"))
        continue;
      if (!pass_over (L, r, depth))
        return FALSE;
    }
  return TRUE;
}

static gboolean
ensure_store (Loader *L)
{
  if (L->store != NULL)
    return TRUE;
  if (L->schema == NULL)
    L->schema = gloss_schema_new_default ();
  L->store = gloss_store_new (L->document, L->schema);
  return TRUE;
}

/* Whether the value of top-level member @m can be read where it stands. */
static gboolean
can_read_now (Loader *L,
              Top     m)
{
  if (!L->done[T_FORMAT] || !L->done[T_VERSION])
    return FALSE;
  switch (m)
    {
    case T_DOCUMENT:
    case T_SCHEMA:
      return TRUE;
    case T_ENTITIES:
      return L->done[T_DOCUMENT] && L->done[T_SCHEMA];
    case T_MENTIONS:
    case T_CLAIMS:
    case T_RELATIONS:
      return L->done[T_DOCUMENT] && L->done[T_SCHEMA] && L->done[T_ENTITIES];
    case T_FORMAT:
    case T_VERSION:
    case N_TOP:
    default:
      return TRUE;
    }
}

static gboolean
read_top_value (Loader          *L,
                GlossJsonReader *r,
                Top              m)
{
  gboolean ok;

  switch (m)
    {
    case T_DOCUMENT:
      ok = read_document (L, r);
      break;
    case T_SCHEMA:
      ok = read_schema (L, r);
      break;
    case T_ENTITIES:
    case T_MENTIONS:
    case T_CLAIMS:
    case T_RELATIONS:
      ok = ensure_store (L) && read_annotations (L, r, top_kinds[m]);
      break;
    case T_FORMAT:
    case T_VERSION:
    case N_TOP:
    default:
      g_assert_not_reached ();
    }
  if (ok)
    L->done[m] = TRUE;
  return ok;
}

static gboolean
read_format_version (Loader           *L,
                     GlossJsonReader  *r,
                     Top               m,
                     GError          **error)
{
  GlossJsonToken t = gloss_json_reader_next (r);

  if (m == T_FORMAT)
    {
      if (t != GLOSS_JSON_STRING || !gloss_json_reader_string_equal (r, "gloss"))
        {
          if (t != GLOSS_JSON_ERROR)
            gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID,
                                         "this is not a Gloss file (\"format\" must be \"gloss\")");
          return FALSE;
        }
    }
  else
    {
      const char *text;
      gsize len;
      double version;

      /* JSON Schema's integer: any number without a fraction, 1.0 and
       * 1e30 included. */
      if (t != GLOSS_JSON_NUMBER || !gloss_json_reader_get_double (r, &version) ||
          version < 1 || version != floor (version))
        {
          if (t == GLOSS_JSON_NUMBER && gloss_json_reader_get_number_text (r, NULL)[0] != '-' &&
              !gloss_json_reader_get_double (r, &version))
            version = G_MAXDOUBLE;   /* a whole number too large for a double */
          else
            {
              if (t != GLOSS_JSON_ERROR)
                gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID,
                                             "expected a whole number, 1 or more");
              return FALSE;
            }
        }
      if (version > GLOSS_NATIVE_VERSION)
        {
          text = gloss_json_reader_get_number_text (r, &len);
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_VERSION,
                       "%s: version: written by a newer version of Gloss (file format %.*s%s; "
                       "this version reads up to %d). Update Gloss to open it.",
                       L->where, (int)MIN (len, 40), text, len > 40 ? "…" : "",
                       GLOSS_NATIVE_VERSION);
          return FALSE;
        }
    }
  L->done[m] = TRUE;
  return TRUE;
}

static gboolean
read_deferred (Loader  *L,
               Top      m,
               GError **error)
{
  g_autoptr(GlossJsonReader) r = NULL;

  r = gloss_json_reader_new_at (L->data, L->length, L->offset[m], L->where, top_names[m]);
  gloss_json_reader_next (r);
  if (!read_top_value (L, r, m))
    {
      g_propagate_error (error, gloss_json_reader_take_error (r));
      return FALSE;
    }
  return TRUE;
}

static gboolean
load (Loader  *L,
      GError **error)
{
  g_autoptr(GlossJsonReader) r = NULL;
  GlossJsonToken t;

  r = gloss_json_reader_new (L->data, L->length, L->where);
  t = gloss_json_reader_next (r);
  if (t != GLOSS_JSON_BEGIN_OBJECT)
    {
      if (t == GLOSS_JSON_ERROR)
        g_propagate_error (error, gloss_json_reader_take_error (r));
      else
        g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                     "%s: not a Gloss file: it holds %s, not a JSON object", L->where, token_name (t));
      return FALSE;
    }

  while ((t = gloss_json_reader_next (r)) == GLOSS_JSON_MEMBER)
    {
      gsize len;
      const char *name = gloss_json_reader_get_string (r, &len);
      int m = find_name (top_names, N_TOP, name, len);

      if (m < 0)
        {
          g_autofree char *copy = g_strdup (gloss_json_reader_get_cstring (r, NULL));

          gloss_json_reader_next (r);
          if (!read_extra (r, &L->extra, copy))
            goto fail;
          continue;
        }
      if (L->seen[m])
        {
          gloss_json_reader_set_error (r, GLOSS_FORMAT_ERROR_INVALID,
                                       "the member appears twice in the file");
          goto fail;
        }
      L->seen[m] = TRUE;

      if (m == T_FORMAT || m == T_VERSION)
        {
          if (!read_format_version (L, r, m, error))
            goto fail;
          continue;
        }

      t = gloss_json_reader_next (r);
      if (t == GLOSS_JSON_ERROR)
        goto fail;
      if (can_read_now (L, m))
        {
          if (!read_top_value (L, r, m))
            goto fail;
        }
      else
        {
          L->offset[m] = gloss_json_reader_get_offset (r);
          L->deferred[m] = TRUE;
          if (!gloss_json_reader_skip (r))
            goto fail;
        }
    }
  if (t != GLOSS_JSON_END_OBJECT || gloss_json_reader_next (r) != GLOSS_JSON_END)
    goto fail;

  if (!L->seen[T_FORMAT])
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: not a Gloss file: it has no \"format\": \"gloss\" member", L->where);
      return FALSE;
    }
  if (!L->seen[T_VERSION])
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: version: missing; a Gloss file must say its format version", L->where);
      return FALSE;
    }
  if (!L->seen[T_DOCUMENT])
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: document: missing; a Gloss file must hold the document and its text", L->where);
      return FALSE;
    }

  for (Top m = T_DOCUMENT; m < N_TOP; m++)
    if (L->deferred[m] && !read_deferred (L, m, error))
      return FALSE;

  return ensure_store (L);

fail:
  if (error != NULL && *error == NULL)
    g_propagate_error (error, gloss_json_reader_take_error (r));
  return FALSE;
}

/**
 * gloss_native_read_bytes:
 * @bytes: the content of a .gloss file
 * @where: (nullable): the file name for messages
 * @error: return location for a #GLOSS_FORMAT_ERROR
 *
 * Returns: (transfer full) (nullable): a store with no history and no
 *   unsaved changes
 */
GlossStore *
gloss_native_read_bytes (GBytes      *bytes,
                         const char  *where,
                         GError     **error)
{
  Loader L = { 0, };
  GlossStore *store = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  L.data = g_bytes_get_data (bytes, &L.length);
  L.where = where != NULL ? where : "input";
  loader_init (&L);

  if (load (&L, error))
    {
      if (L.extra != NULL)
        {
          gloss_store_set_extra (L.store, L.extra);
          g_clear_pointer (&L.extra, json_object_unref);
        }
      gloss_store_clear_history (L.store);
      gloss_store_mark_saved (L.store);
      store = g_steal_pointer (&L.store);
    }

  loader_clear (&L);
  return store;
}

/**
 * gloss_native_check_bytes:
 * @bytes: the content of a .gloss file
 * @where: (nullable): the file name for messages
 * @max_problems: stop after this many (at least 1)
 *
 * Reads @bytes as gloss_native_read_bytes() does, but goes on after an
 * annotation it refuses, to list every problem: only a syntax error, or a
 * problem outside the annotations (the document, the schema), stops it.
 *
 * Returns: (transfer full) (element-type utf8): the problems' messages,
 *   "WHERE: PATH: what"; empty when the file is valid
 */
GPtrArray *
gloss_native_check_bytes (GBytes     *bytes,
                          const char *where,
                          guint       max_problems)
{
  Loader L = { 0, };
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;

  g_return_val_if_fail (bytes != NULL, NULL);

  L.data = g_bytes_get_data (bytes, &L.length);
  L.where = where != NULL ? where : "input";
  loader_init (&L);
  L.problems = g_ptr_array_new_with_free_func (g_free);
  L.max_problems = MAX (max_problems, 1);

  if (!load (&L, &error))
    g_ptr_array_add (L.problems, g_strdup (error->message));
  problems = g_steal_pointer (&L.problems);
  loader_clear (&L);
  return problems;
}

GlossAnnotation *
_gloss_native_read_annotation (GlossStore           *store,
                               GlossAnnotationKind   kind,
                               const char           *json,
                               gsize                 len,
                               const char           *where,
                               GError              **error)
{
  Loader L = { 0, };
  g_autoptr(GlossJsonReader) r = NULL;
  GlossAnnotation *a = NULL;
  GlossJsonToken t;

  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);
  g_return_val_if_fail (kind < GLOSS_N_KINDS, NULL);

  L.data = json;
  L.length = len;
  L.where = where != NULL ? where : "input";
  L.document = g_object_ref (gloss_store_get_document (store));
  L.doc_length = gloss_document_get_length (L.document);
  L.store = g_object_ref (store);
  L.detached = TRUE;
  loader_init (&L);

  r = gloss_json_reader_new (json, len, L.where);
  t = gloss_json_reader_next (r);
  if (t != GLOSS_JSON_BEGIN_OBJECT)
    expected (r, t, "an object");
  else if (read_annotation (&L, r, kind) && gloss_json_reader_next (r) == GLOSS_JSON_END)
    a = g_steal_pointer (&L.built);

  if (a == NULL)
    g_propagate_error (error, gloss_json_reader_take_error (r));
  loader_clear (&L);
  return a;
}

/**
 * gloss_native_read_file:
 *
 * Returns: (transfer full) (nullable): the store
 */
GlossStore *
gloss_native_read_file (GFile   *file,
                        GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  bytes = gloss_input_file_load (file, &local_error);
  if (bytes == NULL)
    {
      g_set_error_literal (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO, local_error->message);
      return NULL;
    }
  return gloss_native_read_bytes (bytes, name, error);
}

/* ------------------------------------------------------------------------
 * Writing
 */

static void
write_key (GString    *out,
           const char *key)
{
  g_string_append_len (out, ", \"", 3);
  g_string_append (out, key);
  g_string_append_len (out, "\": ", 3);
}

static void
write_string_member (GString    *out,
                     const char *key,
                     const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  write_key (out, key);
  gloss_json_write_string (out, value, -1);
}

static void
write_spans (GString         *out,
             GlossDocument   *document,
             GlossAnnotation *a,
             GlossSpanRole    role,
             const char      *key)
{
  guint n;
  const GlossSpan *spans = gloss_annotation_get_spans (a, role, &n);

  if (n == 0)
    return;
  write_key (out, key);
  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      gsize len;
      const char *text = gloss_document_peek_slice (document, spans[i].start, spans[i].end, &len);

      if (i > 0)
        g_string_append_len (out, ", ", 2);
      g_string_append_len (out, "{\"start\": ", 10);
      gloss_json_write_uint (out, spans[i].start);
      g_string_append_len (out, ", \"end\": ", 9);
      gloss_json_write_uint (out, spans[i].end);
      g_string_append_len (out, ", \"text\": ", 10);
      gloss_json_write_string (out, text != NULL ? text : "", text != NULL ? (gssize)len : 0);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}

static void
write_entity_ref (GString     *out,
                  const char  *key,
                  GlossEntity *entity)
{
  if (entity == NULL)
    return;
  write_key (out, key);
  gloss_json_write_string (out, gloss_annotation_get_id (GLOSS_ANNOTATION (entity)), -1);
}

static void
write_annotation (GString         *out,
                  GlossDocument   *document,
                  GlossAnnotation *a)
{
  GlossAnnotationKind kind = gloss_annotation_get_kind (a);
  JsonObject *object;
  gint64 t;

  g_string_append_len (out, "{\"id\": ", 7);
  gloss_json_write_string (out, gloss_annotation_get_id (a), -1);
  write_string_member (out, "type", gloss_annotation_get_type_id (a));

  switch (kind)
    {
    case GLOSS_KIND_ENTITY:
      write_string_member (out, "name", gloss_entity_get_name (GLOSS_ENTITY (a)));
      write_string_member (out, "kb", gloss_entity_get_kb (GLOSS_ENTITY (a)));
      break;

    case GLOSS_KIND_MENTION:
      write_entity_ref (out, "entity", gloss_mention_get_entity (GLOSS_MENTION (a)));
      write_spans (out, document, a, GLOSS_ROLE_CONTENT, "spans");
      break;

    case GLOSS_KIND_CLAIM:
      {
        GlossClaim *claim = GLOSS_CLAIM (a);
        guint n = gloss_claim_get_n_about (claim);

        write_entity_ref (out, "claimant", gloss_claim_get_claimant (claim));
        write_key (out, "certainty");
        gloss_json_write_string (out, gloss_certainty_to_string (gloss_claim_get_certainty (claim)), -1);
        write_spans (out, document, a, GLOSS_ROLE_CONTENT, "spans");
        write_spans (out, document, a, GLOSS_ROLE_CUE, "cue");
        if (n > 0)
          {
            write_key (out, "about");
            g_string_append_c (out, '[');
            for (guint i = 0; i < n; i++)
              {
                if (i > 0)
                  g_string_append_len (out, ", ", 2);
                gloss_json_write_string (out, gloss_annotation_get_id (GLOSS_ANNOTATION (gloss_claim_get_about (claim, i))), -1);
              }
            g_string_append_c (out, ']');
          }
      }
      break;

    case GLOSS_KIND_RELATION:
      write_entity_ref (out, "from", gloss_relation_get_from (GLOSS_RELATION (a)));
      write_entity_ref (out, "to", gloss_relation_get_to (GLOSS_RELATION (a)));
      write_spans (out, document, a, GLOSS_ROLE_EVIDENCE, "evidence");
      break;

    case GLOSS_N_KINDS:
    default:
      g_assert_not_reached ();
    }

  object = gloss_annotation_get_attrs (a);
  if (object != NULL && json_object_get_size (object) > 0)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

      json_node_set_object (node, object);
      write_key (out, "attrs");
      gloss_json_write_node (out, node, FALSE, 0);
    }
  write_string_member (out, "note", gloss_annotation_get_note (a));
  if (gloss_annotation_get_status (a) != GLOSS_STATUS_ACCEPTED)
    write_string_member (out, "status", gloss_status_to_string (gloss_annotation_get_status (a)));
  write_string_member (out, "author", gloss_annotation_get_author (a));
  if ((t = gloss_annotation_get_created (a)) != 0)
    {
      write_key (out, "created");
      write_timestamp (out, t);
    }
  if ((t = gloss_annotation_get_modified (a)) != 0)
    {
      write_key (out, "modified");
      write_timestamp (out, t);
    }

  object = gloss_annotation_get_extra (a);
  if (object != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init_ordered (&iter, object);
      while (json_object_iter_next_ordered (&iter, &name, &value))
        {
          /* A member we write ourselves would come out twice. */
          if (is_known_member (kind, name))
            continue;
          g_string_append_len (out, ", ", 2);
          gloss_json_write_string (out, name, -1);
          g_string_append_len (out, ": ", 2);
          gloss_json_write_node (out, value, FALSE, 0);
        }
    }
  g_string_append_c (out, '}');
}

void
_gloss_native_write_annotation (GString         *out,
                                GlossStore      *store,
                                GlossAnnotation *a)
{
  write_annotation (out, gloss_store_get_document (store), a);
}

static int
compare_annotations (gconstpointer a,
                     gconstpointer b)
{
  return gloss_annotation_compare (*(GlossAnnotation **)a, *(GlossAnnotation **)b);
}

static void
write_collection (GString             *out,
                  GlossStore          *store,
                  GlossAnnotationKind  kind,
                  const char          *key)
{
  GlossDocument *document = gloss_store_get_document (store);
  GListModel *list = gloss_store_get_list (store, kind);
  guint n = g_list_model_get_n_items (list);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);
  gboolean sorted = TRUE;

  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *a = g_list_model_get_item (list, i);

      if (i > 0 && gloss_annotation_compare (items->pdata[i - 1], a) > 0)
        sorted = FALSE;
      g_ptr_array_add (items, a);
    }
  if (!sorted)
    g_ptr_array_sort (items, compare_annotations);

  g_string_append_len (out, ",\n  \"", 5);
  g_string_append (out, key);
  g_string_append_len (out, "\": [", 4);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_len (out, "\n    ", 5);
      write_annotation (out, document, items->pdata[i]);
    }
  if (n > 0)
    g_string_append_len (out, "\n  ", 3);
  g_string_append_c (out, ']');
}

static void
write_pretty_member (GString    *out,
                     const char *key,
                     JsonNode   *value,
                     guint       level)
{
  g_string_append_c (out, ',');
  gloss_json_write_newline (out, level);
  gloss_json_write_string (out, key, -1);
  g_string_append_len (out, ": ", 2);
  gloss_json_write_node (out, value, TRUE, level);
}

static void
write_extra (GString            *out,
             JsonObject         *extra,
             const char * const *known,
             guint               n_known,
             guint               level)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  if (extra == NULL)
    return;
  json_object_iter_init_ordered (&iter, extra);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    if (find_name (known, n_known, name, strlen (name)) < 0)
      write_pretty_member (out, name, value, level);
}

static void
write_document (GString       *out,
                GlossDocument *document)
{
  const char *values[N_DOC] = {
    gloss_document_get_id (document),
    gloss_document_get_title (document),
    gloss_document_get_source (document),
    gloss_document_get_language (document),
    gloss_document_get_sha256 (document),
    gloss_document_get_text (document),
  };
  JsonObject *meta = gloss_document_get_meta (document);
  gboolean first = TRUE;

  g_string_append_len (out, "  \"document\": {", 15);
  for (guint m = 0; m < D_META; m++)
    {
      if (m != D_TEXT && (values[m] == NULL || values[m][0] == '\0'))
        continue;
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      gloss_json_write_newline (out, 2);
      g_string_append_c (out, '"');
      g_string_append (out, doc_names[m]);
      g_string_append_len (out, "\": ", 3);
      if (m == D_TEXT)
        gloss_json_write_string (out, values[m], gloss_document_get_n_bytes (document));
      else
        gloss_json_write_string (out, values[m], -1);
    }
  if (meta != NULL && json_object_get_size (meta) > 0)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

      json_node_set_object (node, meta);
      write_pretty_member (out, "meta", node, 2);
    }
  write_extra (out, gloss_document_get_extra (document), doc_names, N_DOC, 2);
  g_string_append_len (out, "\n  }", 4);
}

/**
 * gloss_native_write_bytes:
 * @store: the store to write
 *
 * Returns: (transfer full): the .gloss file, in the layout of DESIGN §4
 */
GBytes *
gloss_native_write_bytes (GlossStore *store)
{
  static const char * const collections[] = { "entities", "mentions", "claims", "relations" };
  static const GlossAnnotationKind kinds[] = {
    GLOSS_KIND_ENTITY, GLOSS_KIND_MENTION, GLOSS_KIND_CLAIM, GLOSS_KIND_RELATION,
  };
  GlossDocument *document;
  g_autoptr(JsonNode) schema = NULL;
  GString *out;
  gsize estimate;

  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);

  document = gloss_store_get_document (store);
  estimate = gloss_document_get_n_bytes (document) + 4096;
  for (guint k = 0; k < GLOSS_N_KINDS; k++)
    estimate += (gsize)gloss_store_get_n_items (store, k) * 224;
  out = g_string_sized_new (estimate);

  g_string_append (out, "{\n  \"format\": \"gloss\",\n  \"version\": ");
  gloss_json_write_uint (out, GLOSS_NATIVE_VERSION);
  g_string_append_len (out, ",\n", 2);
  write_document (out, document);

  schema = gloss_schema_to_json (gloss_store_get_schema (store));
  g_string_append (out, ",\n  \"schema\": ");
  gloss_json_write_node (out, schema, TRUE, 1);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    write_collection (out, store, kinds[i], collections[i]);

  write_extra (out, gloss_store_get_extra (store), top_names, N_TOP, 1);
  g_string_append_len (out, "\n}\n", 3);

  return g_string_free_to_bytes (out);
}

/**
 * gloss_native_write_file:
 * @store: the store to write
 * @file: where
 * @error: return location for a #GLOSS_FORMAT_ERROR
 *
 * Writes a temporary file and renames it over @file, so a failure leaves
 * the old file as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
gloss_native_write_file (GlossStore  *store,
                         GFile       *file,
                         GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = gloss_native_write_bytes (store);
  return gloss_format_write_file (file, bytes, TRUE, error);
}

/**
 * gloss_native_import:
 *
 * Returns: (transfer full) (element-type GlossStore): one store
 */
GPtrArray *
gloss_native_import (GBytes                   *input,
                     const GlossFormatOptions *options,
                     GError                  **error)
{
  GlossStore *store;
  GPtrArray *stores;

  g_return_val_if_fail (input != NULL, NULL);

  store = gloss_native_read_bytes (input, options != NULL ? options->where : NULL, error);
  if (store == NULL)
    return NULL;
  stores = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (stores, store);
  return stores;
}

/**
 * gloss_native_export:
 *
 * Returns: (transfer full) (nullable): the .gloss file of the one store
 */
GBytes *
gloss_native_export (GPtrArray                *stores,
                     const GlossFormatOptions *options,
                     GError                  **error)
{
  g_return_val_if_fail (stores != NULL, NULL);

  if (stores->len != 1)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNSUPPORTED,
                   "%s%sa .gloss file holds one document, not %u; export each document "
                   "to its own file, or use the jsonl format for a dataset",
                   options != NULL && options->where != NULL ? options->where : "",
                   options != NULL && options->where != NULL ? ": " : "",
                   stores->len);
      return NULL;
    }
  return gloss_native_write_bytes (stores->pdata[0]);
}
