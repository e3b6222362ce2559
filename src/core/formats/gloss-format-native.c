/* gloss-format-native.c: the .gloss file (DESIGN §4), what its reader and
 * writer share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader is in gloss-format-native-reader.c (one annotation in
 * gloss-format-native-annotation.c), the writer in
 * gloss-format-native-writer.c.
 */
#include "config.h"

#include <string.h>

#include "gloss-error.h"
#include "gloss-format-native.h"
#include "gloss-format-native-private.h"

const char * const _gloss_native_member_names[N_MEMBERS] = {
  "id", "type", "name", "kb", "entity", "claimant", "certainty", "spans",
  "cue", "about", "from", "to", "evidence", "attrs", "note", "status",
  "author", "created", "modified",
};

/* The members each kind knows, indexed by GlossAnnotationKind. */
const guint _gloss_native_kind_members[GLOSS_N_KINDS] = {
  [GLOSS_KIND_MENTION] = COMMON | BIT (M_ENTITY) | BIT (M_SPANS),
  [GLOSS_KIND_ENTITY] = COMMON | BIT (M_NAME) | BIT (M_KB),
  [GLOSS_KIND_CLAIM] = COMMON | BIT (M_CLAIMANT) | BIT (M_CERTAINTY) | BIT (M_SPANS) |
                       BIT (M_CUE) | BIT (M_ABOUT),
  [GLOSS_KIND_RELATION] = COMMON | BIT (M_FROM) | BIT (M_TO) | BIT (M_EVIDENCE),
};

const GlossLabelKind _gloss_native_label_kinds[GLOSS_N_KINDS] = {
  [GLOSS_KIND_MENTION] = GLOSS_LABEL_ENTITY,
  [GLOSS_KIND_ENTITY] = GLOSS_LABEL_ENTITY,
  [GLOSS_KIND_CLAIM] = GLOSS_LABEL_CLAIM,
  [GLOSS_KIND_RELATION] = GLOSS_LABEL_RELATION,
};

const char * const _gloss_native_top_names[N_TOP] = {
  "format", "version", "document", "schema", "entities", "mentions", "claims", "relations",
};

const GlossAnnotationKind _gloss_native_top_kinds[N_TOP] = {
  [T_ENTITIES] = GLOSS_KIND_ENTITY,
  [T_MENTIONS] = GLOSS_KIND_MENTION,
  [T_CLAIMS] = GLOSS_KIND_CLAIM,
  [T_RELATIONS] = GLOSS_KIND_RELATION,
};

const char * const _gloss_native_doc_names[N_DOC] = {
  "id", "title", "source", "language", "sha256", "text", "meta",
};

int
_gloss_native_find_name (const char * const *names,
                         guint               n_names,
                         const char         *str,
                         gsize               len)
{
  for (guint i = 0; i < n_names; i++)
    if (len > 0 && names[i][0] == str[0] && strlen (names[i]) == len && memcmp (names[i], str, len) == 0)
      return i;
  return -1;
}

gboolean
_gloss_native_is_known_member (GlossAnnotationKind  kind,
                               const char          *name)
{
  int m = _gloss_native_find_name (_gloss_native_member_names, N_MEMBERS, name, strlen (name));

  return m >= 0 && (_gloss_native_kind_members[kind] & BIT (m)) != 0;
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
