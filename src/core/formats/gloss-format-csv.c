/* gloss-format-csv.c: one mention fragment a row, for spreadsheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 4180: a header row "document,mention,start,end,text,type,entity,
 * entity_name,kb", CRLF after every row, a field in double quotes when it
 * holds a comma, a quote, a CR or a LF, its quotes doubled. Offsets in
 * code points unless --offsets says otherwise. Export only: a CSV of
 * mentions has no document text to import them into.
 */
#include "config.h"

#include <string.h>

#include "gloss-format-csv.h"
#include "gloss-format-private.h"
#include "gloss-store.h"

static void
append_field (GString    *out,
              const char *value,
              gboolean    last)
{
  if (value != NULL && strpbrk (value, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else if (value != NULL)
    g_string_append (out, value);
  g_string_append (out, last ? "\r\n" : ",");
}

static void
append_number (GString *out,
               gsize    value)
{
  g_string_append_printf (out, "%" G_GSIZE_FORMAT ",", value);
}

#define HEADER "document,mention,start,end,text,type,entity,entity_name,kb\r\n"

/**
 * gloss_csv_export_chunk:
 * @store: the @index-th document
 * @index: its place in the file
 * @several: unused
 * @options: the offset unit (code points unless set)
 * @out: where the rows go (after the header, for the first document)
 */
void
gloss_csv_export_chunk (GlossStore               *store,
                        guint                     index,
                        gboolean                  several,
                        const GlossFormatOptions *options,
                        GString                  *out)
{
  GlossOffsetUnit unit = options->offsets_set ? options->offsets : GLOSS_OFFSET_CODEPOINTS;
  GlossDocument *document = gloss_store_get_document (store);
  GListModel *list = gloss_store_get_list (store, GLOSS_KIND_MENTION);

  if (index == 0)
    g_string_append (out, HEADER);
  for (guint k = 0; k < g_list_model_get_n_items (list); k++)
    {
      g_autoptr(GlossAnnotation) m = g_list_model_get_item (list, k);
      GlossEntity *entity = gloss_mention_get_entity (GLOSS_MENTION (m));
      const GlossSpan *spans;
      guint n;

      spans = gloss_annotation_get_spans (m, GLOSS_ROLE_CONTENT, &n);
      for (guint j = 0; j < n; j++)
        {
          g_autofree char *text = gloss_document_dup_slice (document, spans[j].start, spans[j].end);

          append_field (out, gloss_document_get_id (document), FALSE);
          append_field (out, gloss_annotation_get_id (m), FALSE);
          append_number (out, gloss_document_cp_to_offset (document, unit, spans[j].start));
          append_number (out, gloss_document_cp_to_offset (document, unit, spans[j].end));
          append_field (out, text, FALSE);
          append_field (out, gloss_annotation_get_type_id (m), FALSE);
          append_field (out, entity ? gloss_annotation_get_id (GLOSS_ANNOTATION (entity)) : NULL, FALSE);
          append_field (out, entity ? gloss_entity_get_name (entity) : NULL, FALSE);
          append_field (out, entity ? gloss_entity_get_kb (entity) : NULL, TRUE);
        }
    }
}

/**
 * gloss_csv_export_end:
 * @n: the number of documents written
 * @options: unused
 * @out: the header, when no document wrote it
 */
void
gloss_csv_export_end (guint                     n,
                      const GlossFormatOptions *options,
                      GString                  *out)
{
  if (n == 0)
    g_string_append (out, HEADER);
}

/**
 * gloss_csv_export:
 * @stores: (element-type GlossStore): the documents
 * @options: the offset unit (code points unless set) and the progress
 *   callback
 * @error: return location for a #GLOSS_FORMAT_ERROR
 *
 * Returns: (transfer full): the CSV file's bytes
 */
GBytes *
gloss_csv_export (GPtrArray                *stores,
                  const GlossFormatOptions *options,
                  GError                  **error)
{
  g_return_val_if_fail (stores != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  return _gloss_format_export_chunks (stores, options, gloss_csv_export_chunk, gloss_csv_export_end);
}
