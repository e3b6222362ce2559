/* gloss-format-shared.c: what the dataset formats share beyond the JSON
 * helpers of gloss-format.c (declared in gloss-format-private.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "gloss-error.h"
#include "gloss-format-private.h"

/* The entity of @mention, made (named after its text, id "eN") and
 * appended to @entities when it has none: formats whose relations link
 * mentions give each related mention an entity of its own. */
GlossEntity *
_gloss_format_entity_for_mention (GlossDocument *document,
                                  GlossMention  *mention,
                                  GPtrArray     *entities)
{
  GlossEntity *entity = gloss_mention_get_entity (mention);
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;

  if (entity != NULL)
    return entity;

  name = gloss_document_dup_slice (document, gloss_annotation_get_start (GLOSS_ANNOTATION (mention)),
                                   gloss_annotation_get_end (GLOSS_ANNOTATION (mention)));
  entity = gloss_entity_new (gloss_annotation_get_type_id (GLOSS_ANNOTATION (mention)), name);
  id = g_strdup_printf ("e%u", entities->len + 1);
  gloss_annotation_set_id (GLOSS_ANNOTATION (entity), id);
  gloss_mention_set_entity (mention, entity);
  g_ptr_array_add (entities, entity);

  return entity;
}

/* The first mention of @entity in text order, or NULL. */
GlossAnnotation *
_gloss_format_first_mention (GlossStore  *store,
                             GlossEntity *entity)
{
  g_autoptr(GPtrArray) mentions = entity ? gloss_store_get_mentions_of (store, entity) : NULL;
  GlossAnnotation *first = NULL;

  for (guint i = 0; mentions != NULL && i < mentions->len; i++)
    if (first == NULL || gloss_annotation_compare (g_ptr_array_index (mentions, i), first) < 0)
      first = g_ptr_array_index (mentions, i);

  return first;
}

static gboolean
is_one_of (const char        *name,
           const char *const *names,
           gsize              n)
{
  for (gsize i = 0; i < n; i++)
    if (strcmp (name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The members of @object not named in @known, or NULL when there are none. */
JsonObject *
_gloss_format_other_members (JsonObject        *object,
                             const char *const *known,
                             gsize              n_known)
{
  g_autoptr(GList) members = json_object_get_members (object);
  JsonObject *other = NULL;

  for (GList *l = members; l != NULL; l = l->next)
    {
      if (is_one_of (l->data, known, n_known))
        continue;
      if (other == NULL)
        other = json_object_new ();
      json_object_set_member (other, l->data, json_node_copy (json_object_get_member (object, l->data)));
    }

  return other;
}

/* Writes the members of @members (may be NULL) not named in @known. */
void
_gloss_format_add_other_members (GlossJsonWriter   *writer,
                                 JsonObject        *members,
                                 const char *const *known,
                                 gsize              n_known)
{
  g_autoptr(GList) names = members ? json_object_get_members (members) : NULL;

  for (GList *l = names; l != NULL; l = l->next)
    if (!is_one_of (l->data, known, n_known))
      {
        gloss_json_writer_member (writer, l->data);
        gloss_json_writer_node (writer, json_object_get_member (members, l->data));
      }
}

/* The next line of a text format from *@pos (a UTF-8 byte order mark
 * skipped at the start), without its line break: FALSE at the end, or with
 * @error set (naming @where and the line) on a NUL byte or bad UTF-8. */
gboolean
_gloss_format_next_line (GBytes      *input,
                         gsize       *pos,
                         guint       *line,
                         const char **start,
                         gsize       *len,
                         const char  *where,
                         GError     **error)
{
  gsize size;
  const char *data = g_bytes_get_data (input, &size);
  const char *nl;
  const char *bad;

  if (data == NULL)
    return FALSE;
  if (*pos == 0 && size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    *pos = 3;
  if (*pos >= size)
    return FALSE;

  *start = data + *pos;
  nl = memchr (*start, '\n', size - *pos);
  *len = nl ? (gsize) (nl - *start) : size - *pos;
  *pos += *len + (nl ? 1 : 0);
  (*line)++;
  if (*len > 0 && (*start)[*len - 1] == '\r')
    (*len)--;

  if (memchr (*start, '\0', *len) != NULL)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SYNTAX,
                   "%s:%u: the line contains a NUL byte (a binary file?)", where, *line);
      return FALSE;
    }
  if (!g_utf8_validate (*start, *len, &bad))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SYNTAX,
                   "%s:%u: not valid UTF-8 at byte %" G_GSIZE_FORMAT " of the line",
                   where, *line, (gsize) (bad - *start));
      return FALSE;
    }

  return TRUE;
}

/**
 * gloss_format_file_stem:
 * @id: (nullable): a document id
 * @index: the document's place, from 0, for a name when @id gives none
 *
 * Returns: (transfer full): a file name from @id: no folder separators, no
 *   leading dot, nothing a shell would trip over ("doc-N" when empty)
 */
char *
gloss_format_file_stem (const char *id,
                        guint       index)
{
  GString *name = g_string_new (NULL);

  for (const char *p = id ? id : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || c == '-' || c == '_' || (c == '.' && name->len > 0))
        g_string_append_unichar (name, c);
      else
        g_string_append_c (name, '_');
    }
  if (name->len == 0)
    g_string_append_printf (name, "doc-%u", index + 1);

  return g_string_free (name, FALSE);
}

/* Formats whose relations link mentions: a relation whose entity has no
 * mention has no place; counts and names each. */
void
_gloss_format_report_unplaced_relations (GPtrArray         *stores,
                                         GlossFormatReport *report)
{
  for (guint i = 0; report != NULL && i < stores->len; i++)
    {
      GlossStore *store = g_ptr_array_index (stores, i);
      GListModel *list = gloss_store_get_list (store, GLOSS_KIND_RELATION);

      for (guint j = 0; j < g_list_model_get_n_items (list); j++)
        {
          g_autoptr(GlossRelation) relation = g_list_model_get_item (list, j);

          if (_gloss_format_first_mention (store, gloss_relation_get_from (relation)) != NULL &&
              _gloss_format_first_mention (store, gloss_relation_get_to (relation)) != NULL)
            continue;
          gloss_format_report_add (report, GLOSS_LOSS_RELATIONS, 1);
          /* Translators: in the details of an export; %s a document, %s a relation */
          gloss_format_report_add_detail (report, _("%s: relation %s: an entity it links has no mention"),
                                          gloss_document_get_id (gloss_store_get_document (store)),
                                          gloss_annotation_get_id (GLOSS_ANNOTATION (relation)));
        }
    }
}

void
_gloss_text_walk_init (GlossTextWalk *walk,
                       GlossDocument *document)
{
  *walk = (GlossTextWalk) { .document = document, .text = gloss_document_get_text (document) };
}

const char *
_gloss_text_walk_to (GlossTextWalk *walk,
                     guint          cp)
{
  const guchar *p;

  if (cp < walk->cp)
    {
      walk->cp = cp;
      walk->byte = gloss_document_cp_to_byte (walk->document, cp);
      walk->utf16 = gloss_document_cp_to_utf16 (walk->document, cp);
      return walk->text + walk->byte;
    }

  /* The text is valid UTF-8: a lead byte gives the length. */
  p = (const guchar *) walk->text + walk->byte;
  for (; walk->cp < cp; walk->cp++)
    {
      guint n = *p < 0x80 ? 1 : *p < 0xe0 ? 2 : *p < 0xf0 ? 3 : 4;

      walk->utf16 += n == 4 ? 2 : 1;
      p += n;
    }
  walk->byte = (const char *) p - walk->text;
  return (const char *) p;
}

gsize
_gloss_text_walk_offset (const GlossTextWalk *walk,
                         GlossOffsetUnit      unit)
{
  switch (unit)
    {
    case GLOSS_OFFSET_BYTES:
      return walk->byte;
    case GLOSS_OFFSET_UTF16:
      return walk->utf16;
    case GLOSS_OFFSET_CODEPOINTS:
    default:
      return walk->cp;
    }
}
