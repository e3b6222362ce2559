/* fuzz-schema.c: libFuzzer harness for schema files (gloss-cli new --schema)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bytes are parsed as gloss_schema_new_from_file() does; a schema that
 * loads must write to JSON and load again with as many labels.
 */
#include "fuzz-common.h"

#include "gloss-json-parse.h"
#include "gloss-schema.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  return 0;
}

static guint
n_labels (GlossSchema *schema)
{
  guint n = g_list_model_get_n_items (gloss_schema_get_attributes (schema));

  for (GlossLabelKind kind = 0; kind < GLOSS_N_LABEL_KINDS; kind++)
    n += g_list_model_get_n_items (gloss_schema_get_labels (schema, kind));
  return n;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = gloss_json_parse ((const char *)data, size, "fuzz.json", &error);
  g_autoptr(GlossSchema) schema = NULL;
  g_autoptr(GlossSchema) again = NULL;
  g_autoptr(JsonNode) written = NULL;

  if (root == NULL)
    {
      FUZZ_CHECK (error != NULL && g_utf8_validate (error->message, -1, NULL), "bad parse error");
      return 0;
    }
  if (JSON_NODE_HOLDS_OBJECT (root) && json_object_has_member (json_node_get_object (root), "schema"))
    schema = gloss_schema_new_from_json (json_object_get_member (json_node_get_object (root), "schema"),
                                         "fuzz.json", &error);
  else
    schema = gloss_schema_new_from_json (root, "fuzz.json", &error);
  if (schema == NULL)
    {
      FUZZ_CHECK (error != NULL && g_utf8_validate (error->message, -1, NULL), "bad schema error");
      return 0;
    }

  written = gloss_schema_to_json (schema);
  again = gloss_schema_new_from_json (written, "written", &error);
  FUZZ_CHECK (again != NULL, "the written schema does not load: %s", error->message);
  FUZZ_CHECK (n_labels (again) == n_labels (schema), "%u labels became %u",
              n_labels (schema), n_labels (again));
  return 0;
}
