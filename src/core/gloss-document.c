/* gloss-document.c: an article's text, its metadata and offset conversions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text is kept byte for byte. Offsets are code points; to convert to
 * bytes or UTF-16 units without scanning the text, a checkpoint every
 * CHECKPOINT_STEP code points records the byte and UTF-16 offsets there.
 * Pure ASCII text, the common case, needs no checkpoints at all.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "gloss-document.h"
#include "gloss-error.h"
#include "gloss-input-file.h"

#define CHECKPOINT_SHIFT 6
#define CHECKPOINT_STEP  (1u << CHECKPOINT_SHIFT)

typedef struct
{
  guint32 byte;
  guint32 utf16;
} Checkpoint;

struct _GlossDocument
{
  GObject     parent_instance;

  char       *text;
  gsize       n_bytes;
  guint       length;
  guint       utf16_length;
  Checkpoint *checkpoints;   /* NULL for ASCII text */
  guint       n_checkpoints;
  char       *sha256;

  char       *id;
  char       *title;
  char       *source;
  char       *language;
  JsonObject *meta;
  JsonObject *extra;
};

G_DEFINE_FINAL_TYPE (GlossDocument, gloss_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SOURCE,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gloss_document_finalize (GObject *object)
{
  GlossDocument *self = (GlossDocument *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->checkpoints, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->meta, json_object_unref);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (gloss_document_parent_class)->finalize (object);
}

static void
gloss_document_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GlossDocument *self = GLOSS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_document_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GlossDocument *self = GLOSS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      gloss_document_set_id (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      gloss_document_set_title (self, g_value_get_string (value));
      break;
    case PROP_SOURCE:
      gloss_document_set_source (self, g_value_get_string (value));
      break;
    case PROP_LANGUAGE:
      gloss_document_set_language (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_document_class_init (GlossDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_document_finalize;
  object_class->get_property = gloss_document_get_property;
  object_class->set_property = gloss_document_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_document_init (GlossDocument *self)
{
}

static guint
count_line (const char *text,
            gsize       byte)
{
  guint line = 1;

  for (gsize i = 0; i < byte; i++)
    if (text[i] == '\n')
      line++;
  return line;
}

static gboolean
check_text (const char  *text,
            gsize        n_bytes,
            const char  *where,
            GError     **error)
{
  const char *end = NULL;
  const char *nul;

  if (n_bytes > G_MAXUINT32)
    {
      g_set_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_TOO_LARGE,
                   "%s: the text is %" G_GSIZE_FORMAT " bytes long; Gloss handles up to 4 GiB",
                   where, n_bytes);
      return FALSE;
    }

  nul = memchr (text, '\0', n_bytes);
  if (!g_utf8_validate_len (text, nul != NULL ? (gsize)(nul - text) : n_bytes, &end))
    {
      gsize at = end - text;

      g_set_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_NOT_UTF8,
                   "%s: not UTF-8 text: invalid byte 0x%02x at byte offset %" G_GSIZE_FORMAT
                   " (line %u); convert the file to UTF-8 first",
                   where, (guchar)text[at], at, count_line (text, at));
      return FALSE;
    }

  if (nul != NULL)
    {
      gsize at = nul - text;

      g_set_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_NUL,
                   "%s: not a text file: NUL byte at byte offset %" G_GSIZE_FORMAT
                   " (line %u)", where, at, count_line (text, at));
      return FALSE;
    }

  return TRUE;
}

static void
build_checkpoints (GlossDocument *self)
{
  const guchar *p = (const guchar *)self->text;
  const guchar *end = p + self->n_bytes;
  gboolean ascii = TRUE;
  guint cp = 0;
  guint utf16 = 0;
  guint n_alloc;

  for (gsize i = 0; i < self->n_bytes; i++)
    if (p[i] >= 0x80)
      {
        ascii = FALSE;
        break;
      }

  if (ascii)
    {
      self->length = self->utf16_length = self->n_bytes;
      return;
    }

  n_alloc = 16;
  self->checkpoints = g_new (Checkpoint, n_alloc);

  while (p < end)
    {
      if ((cp & (CHECKPOINT_STEP - 1)) == 0)
        {
          if (self->n_checkpoints == n_alloc)
            {
              n_alloc *= 2;
              self->checkpoints = g_renew (Checkpoint, self->checkpoints, n_alloc);
            }
          self->checkpoints[self->n_checkpoints].byte = (const char *)p - self->text;
          self->checkpoints[self->n_checkpoints].utf16 = utf16;
          self->n_checkpoints++;
        }

      /* Valid UTF-8 is guaranteed: the lead byte tells the length. */
      if (*p < 0x80)
        p += 1, utf16 += 1;
      else if (*p < 0xe0)
        p += 2, utf16 += 1;
      else if (*p < 0xf0)
        p += 3, utf16 += 1;
      else
        p += 4, utf16 += 2;
      cp++;
    }

  self->length = cp;
  self->utf16_length = utf16;
}

/**
 * gloss_document_new_from_text:
 * @text: the text, in UTF-8
 * @length: its length in bytes, or -1 when NUL-terminated
 * @where: (nullable): a name for messages, such as the file name
 * @error: return location for a #GLOSS_DOCUMENT_ERROR
 *
 * Returns: (transfer full) (nullable): a new document holding a copy of @text
 */
GlossDocument *
gloss_document_new_from_text (const char  *text,
                              gssize       length,
                              const char  *where,
                              GError     **error)
{
  GlossDocument *self;
  gsize n_bytes;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (text == NULL)
    text = "";
  n_bytes = length < 0 ? strlen (text) : (gsize)length;

  if (!check_text (text, n_bytes, where ? where : "text", error))
    return NULL;

  self = g_object_new (GLOSS_TYPE_DOCUMENT, NULL);
  self->text = g_malloc (n_bytes + 1);
  memcpy (self->text, text, n_bytes);
  self->text[n_bytes] = '\0';
  self->n_bytes = n_bytes;
  self->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)text, n_bytes);
  build_checkpoints (self);

  return self;
}

/**
 * gloss_document_new_from_bytes:
 *
 * Returns: (transfer full) (nullable): a new document
 */
GlossDocument *
gloss_document_new_from_bytes (GBytes      *bytes,
                               const char  *where,
                               GError     **error)
{
  gsize size;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  return gloss_document_new_from_text (data, size, where, error);
}

#define TITLE_MAX_LENGTH 160   /* code points */

/* The first line, or for a long one (an article on one line) its start,
 * cut after a word and ended with an ellipsis: never the whole text. */
static char *
first_line_title (const char *text)
{
  const char *end = text;
  const char *space = NULL;
  guint n = 0;
  char *line, *cut;

  while (*end != '\0' && *end != '\r' && *end != '\n' && n < TITLE_MAX_LENGTH)
    {
      if (*end == ' ')
        space = end;
      end = g_utf8_next_char (end);
      n++;
    }
  if (*end == '\0' || *end == '\r' || *end == '\n')
    return g_strstrip (g_strndup (text, end - text));

  if (space != NULL && space > text)
    end = space;
  line = g_strstrip (g_strndup (text, end - text));
  cut = g_strconcat (line, "…", NULL);
  g_free (line);
  return cut;
}

/**
 * gloss_document_new_from_file:
 *
 * Loads a text file. The source is set to the file's base name and the
 * title to its first non-empty line (its first 160 code points or fewer,
 * cut after a word and ended with "…", when the line is longer).
 *
 * Returns: (transfer full) (nullable): a new document
 */
GlossDocument *
gloss_document_new_from_file (GFile   *file,
                              GError **error)
{
  return gloss_document_new_from_file_full (file, GLOSS_DOCUMENT_LOAD_NONE, error);
}

/**
 * gloss_document_new_from_file_full:
 * @file: a text file
 * @flags: with %GLOSS_DOCUMENT_LOAD_CONVERT_UTF16, text with a UTF-16 byte
 *   order mark is converted to UTF-8 (and meta.source_encoding says from
 *   what) instead of refused with %GLOSS_DOCUMENT_ERROR_UTF16
 * @error: return location for a #GLOSS_DOCUMENT_ERROR
 *
 * Returns: (transfer full) (nullable): a new document
 */
GlossDocument *
gloss_document_new_from_file_full (GFile                  *file,
                                   GlossDocumentLoadFlags  flags,
                                   GError                **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *converted = NULL;
  const char *encoding = NULL;
  GlossDocument *self;
  const char *data;
  gsize size;
  gboolean has_bom;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  bytes = gloss_input_file_load (file, &local_error);
  if (bytes == NULL)
    {
      g_set_error_literal (error, GLOSS_DOCUMENT_ERROR,
                           g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE)
                             ? GLOSS_DOCUMENT_ERROR_TOO_LARGE : GLOSS_DOCUMENT_ERROR_IO,
                           local_error->message);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &size);
  if (size >= 2 && (((guchar) data[0] == 0xff && (guchar) data[1] == 0xfe) ||
                    ((guchar) data[0] == 0xfe && (guchar) data[1] == 0xff)))
    {
      gboolean little = (guchar) data[0] == 0xff;
      gsize n_converted = 0;

      if (!(flags & GLOSS_DOCUMENT_LOAD_CONVERT_UTF16))
        {
          g_set_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_UTF16,
                       _("%s: the text is UTF-16 (%s, with a byte order mark), not UTF-8; "
                         "convert it to UTF-8 first"),
                       name, little ? "little-endian" : "big-endian");
          return NULL;
        }
      /* Without the mark, so that iconv is told the byte order. */
      converted = g_convert (data + 2, size - 2, "UTF-8", little ? "UTF-16LE" : "UTF-16BE",
                             NULL, &n_converted, &local_error);
      if (converted == NULL)
        {
          g_set_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_NOT_UTF8,
                       _("%s: not valid UTF-16 text: %s"), name, local_error->message);
          return NULL;
        }
      data = converted;
      size = n_converted;
      encoding = little ? "utf-16le" : "utf-16be";
    }

  /* A UTF-8 byte order mark is no part of the text: offsets count from
   * after it, and meta.source_bom says the file had one. */
  has_bom = size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0;
  self = gloss_document_new_from_text (has_bom ? data + 3 : data, has_bom ? size - 3 : size, name, error);
  if (self == NULL)
    return NULL;
  if (has_bom || encoding != NULL)
    {
      g_autoptr(JsonObject) meta = json_object_new ();

      if (has_bom)
        json_object_set_string_member (meta, "source_bom", "utf-8");
      if (encoding != NULL)
        json_object_set_string_member (meta, "source_encoding", encoding);
      gloss_document_set_meta (self, meta);
    }

  basename = g_file_get_basename (file);
  gloss_document_set_source (self, basename);

  {
    const char *p = self->text;

    while (*p != '\0' && g_ascii_isspace (*p))
      p++;
    if (*p != '\0')
      {
        g_autofree char *line = first_line_title (p);

        gloss_document_set_title (self, line);
      }
    else
      gloss_document_set_title (self, basename);
  }

  return self;
}

const char *
gloss_document_get_text (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  return self->text;
}

gsize
gloss_document_get_n_bytes (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);
  return self->n_bytes;
}

/**
 * gloss_document_get_length:
 *
 * Returns: the length of the text in code points
 */
guint
gloss_document_get_length (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);
  return self->length;
}

guint
gloss_document_get_utf16_length (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);
  return self->utf16_length;
}

const char *
gloss_document_get_sha256 (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  return self->sha256;
}

static void
set_string (GlossDocument *self,
            char         **field,
            const char    *value,
            guint          prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

const char *
gloss_document_get_id (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  return self->id;
}

void
gloss_document_set_id (GlossDocument *self,
                       const char    *id)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));
  set_string (self, &self->id, id, PROP_ID);
}

/**
 * gloss_document_id_for_file_name:
 * @name: a file name or path, such as "articles/kim-putin.txt"
 *
 * The id a document created from the file @name gets, as gloss-cli new
 * gives it: the base name without its extension ("kim-putin").
 *
 * Returns: (transfer full): the id; "document" when @name gives none
 */
char *
gloss_document_id_for_file_name (const char *name)
{
  g_autofree char *id = g_path_get_basename (name != NULL && *name != '\0' ? name : "document");
  char *dot = strrchr (id, '.');

  if (dot != NULL && dot != id)
    *dot = '\0';
  if (*id == '\0' || g_str_equal (id, G_DIR_SEPARATOR_S) || g_str_equal (id, "."))
    return g_strdup ("document");
  return g_steal_pointer (&id);
}

const char *
gloss_document_get_title (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  return self->title;
}

void
gloss_document_set_title (GlossDocument *self,
                          const char    *title)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));
  set_string (self, &self->title, title, PROP_TITLE);
}

const char *
gloss_document_get_source (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  return self->source;
}

void
gloss_document_set_source (GlossDocument *self,
                           const char    *source)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));
  set_string (self, &self->source, source, PROP_SOURCE);
}

const char *
gloss_document_get_language (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  return self->language;
}

void
gloss_document_set_language (GlossDocument *self,
                             const char    *language)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));
  set_string (self, &self->language, language, PROP_LANGUAGE);
}

/**
 * gloss_document_get_meta:
 *
 * Returns: (transfer none) (nullable): the free-form metadata object
 */
JsonObject *
gloss_document_get_meta (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  return self->meta;
}

void
gloss_document_set_meta (GlossDocument *self,
                         JsonObject    *meta)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));

  if (meta != NULL)
    json_object_ref (meta);
  g_clear_pointer (&self->meta, json_object_unref);
  g_clear_pointer (&self->extra, json_object_unref);
  self->meta = meta;
}

/* Byte length of the UTF-8 sequence led by @c (the text is valid). */
static inline guint
seq_len (guchar c)
{
  return c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
}

/**
 * gloss_document_cp_to_byte:
 * @cp: a code point offset, at most the length
 *
 * Returns: the byte offset of code point @cp
 */
gsize
gloss_document_cp_to_byte (GlossDocument *self,
                           guint          cp)
{
  const guchar *p;
  guint k;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (cp <= self->length, self->n_bytes);

  if (self->checkpoints == NULL)
    return cp;
  if (cp == self->length)
    return self->n_bytes;

  k = cp >> CHECKPOINT_SHIFT;
  p = (const guchar *)self->text + self->checkpoints[k].byte;
  for (guint i = k << CHECKPOINT_SHIFT; i < cp; i++)
    p += seq_len (*p);

  return (const char *)p - self->text;
}

gsize
gloss_document_cp_to_utf16 (GlossDocument *self,
                            guint          cp)
{
  const guchar *p;
  gsize utf16;
  guint k;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (cp <= self->length, self->utf16_length);

  if (self->checkpoints == NULL)
    return cp;
  if (cp == self->length)
    return self->utf16_length;

  k = cp >> CHECKPOINT_SHIFT;
  p = (const guchar *)self->text + self->checkpoints[k].byte;
  utf16 = self->checkpoints[k].utf16;
  for (guint i = k << CHECKPOINT_SHIFT; i < cp; i++)
    {
      guint n = seq_len (*p);

      utf16 += n == 4 ? 2 : 1;
      p += n;
    }

  return utf16;
}

/* The last checkpoint whose byte (or UTF-16) offset is <= @offset. */
static guint
find_checkpoint (GlossDocument *self,
                 gsize          offset,
                 gboolean       utf16)
{
  guint lo = 0;
  guint hi = self->n_checkpoints;

  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;
      gsize at = utf16 ? self->checkpoints[mid].utf16 : self->checkpoints[mid].byte;

      if (at <= offset)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

/**
 * gloss_document_offset_to_cp:
 * @unit: the unit of @offset
 * @offset: an offset in that unit
 * @cp: (out): the code point offset
 *
 * Returns: %FALSE if @offset is past the end or inside a character
 */
gboolean
gloss_document_offset_to_cp (GlossDocument   *self,
                             GlossOffsetUnit  unit,
                             gsize            offset,
                             guint           *cp)
{
  const guchar *p;
  gsize at;
  guint k;
  guint n;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (cp != NULL, FALSE);

  switch (unit)
    {
    case GLOSS_OFFSET_CODEPOINTS:
      if (offset > self->length)
        return FALSE;
      *cp = offset;
      return TRUE;

    case GLOSS_OFFSET_BYTES:
    case GLOSS_OFFSET_UTF16:
      if (offset > (unit == GLOSS_OFFSET_BYTES ? self->n_bytes : self->utf16_length))
        return FALSE;
      if (self->checkpoints == NULL)
        {
          *cp = offset;
          return TRUE;
        }
      k = find_checkpoint (self, offset, unit == GLOSS_OFFSET_UTF16);
      p = (const guchar *)self->text + self->checkpoints[k].byte;
      at = unit == GLOSS_OFFSET_UTF16 ? self->checkpoints[k].utf16 : self->checkpoints[k].byte;
      n = k << CHECKPOINT_SHIFT;
      while (at < offset)
        {
          guint len = seq_len (*p);

          at += unit == GLOSS_OFFSET_UTF16 ? (len == 4 ? 2 : 1) : len;
          p += len;
          n++;
        }
      if (at != offset)
        return FALSE;
      *cp = n;
      return TRUE;

    default:
      g_return_val_if_reached (FALSE);
    }
}

/**
 * gloss_document_cp_to_offset:
 *
 * Returns: code point @cp expressed in @unit
 */
gsize
gloss_document_cp_to_offset (GlossDocument   *self,
                             GlossOffsetUnit  unit,
                             guint            cp)
{
  switch (unit)
    {
    case GLOSS_OFFSET_CODEPOINTS:
      return cp;
    case GLOSS_OFFSET_BYTES:
      return gloss_document_cp_to_byte (self, cp);
    case GLOSS_OFFSET_UTF16:
      return gloss_document_cp_to_utf16 (self, cp);
    default:
      g_return_val_if_reached (cp);
    }
}

guint
gloss_document_byte_to_cp (GlossDocument *self,
                           gsize          byte)
{
  guint cp = 0;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);

  if (!gloss_document_offset_to_cp (self, GLOSS_OFFSET_BYTES, byte, &cp))
    g_return_val_if_reached (0);
  return cp;
}

/**
 * gloss_document_peek_slice:
 * @n_bytes: (out) (optional): the slice's length in bytes
 *
 * Returns: (transfer none): a pointer into the text at code point @start
 *   (not NUL-terminated at @end)
 */
const char *
gloss_document_peek_slice (GlossDocument *self,
                           guint          start,
                           guint          end,
                           gsize         *n_bytes)
{
  gsize b0, b1;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (start <= end && end <= self->length, NULL);

  b0 = gloss_document_cp_to_byte (self, start);
  b1 = gloss_document_cp_to_byte (self, end);
  if (n_bytes != NULL)
    *n_bytes = b1 - b0;
  return self->text + b0;
}

/**
 * gloss_document_dup_slice:
 *
 * Returns: (transfer full): the text of code points [@start, @end)
 */
char *
gloss_document_dup_slice (GlossDocument *self,
                          guint          start,
                          guint          end)
{
  const char *p;
  gsize n;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (start <= end && end <= self->length, NULL);

  p = gloss_document_peek_slice (self, start, end, &n);
  return g_strndup (p, n);
}

/**
 * gloss_document_slice_equals:
 * @text: the expected text
 * @n_bytes: its length, or -1 when NUL-terminated
 *
 * Returns: %TRUE if [@start, @end) is in range and its text is @text
 */
gboolean
gloss_document_slice_equals (GlossDocument *self,
                             guint          start,
                             guint          end,
                             const char    *text,
                             gssize         n_bytes)
{
  const char *p;
  gsize n;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (start > end || end > self->length)
    return FALSE;
  if (n_bytes < 0)
    n_bytes = strlen (text);

  p = gloss_document_peek_slice (self, start, end, &n);
  return n == (gsize)n_bytes && memcmp (p, text, n) == 0;
}

/**
 * gloss_document_get_extra:
 *
 * Returns: (transfer none) (nullable): members this version does not know
 */
JsonObject *
gloss_document_get_extra (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  return self->extra;
}

void
gloss_document_set_extra (GlossDocument *self,
                          JsonObject    *extra)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}
