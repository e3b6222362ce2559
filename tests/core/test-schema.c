/* test-schema.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-schema.h"

static void
test_default (void)
{
  g_autoptr(GlossSchema) schema = gloss_schema_new_default ();
  GListModel *entities = gloss_schema_get_labels (schema, GLOSS_LABEL_ENTITY);
  static const char * const ids[] = { "PER", "ORG", "GPE", "LOC", "FAC", "EQP", "EVT", "DATE", "QTY" };
  GlossLabel *meets;

  g_assert_cmpuint (g_list_model_get_n_items (entities), ==, 9);
  for (guint i = 0; i < 9; i++)
    {
      g_autoptr(GlossLabel) label = g_list_model_get_item (entities, i);
      char key[2] = { '1' + i, 0 };

      g_assert_cmpstr (gloss_label_get_id (label), ==, ids[i]);
      g_assert_cmpstr (gloss_label_get_key (label), ==, key);
      g_assert_true (gloss_schema_lookup_key (schema, GLOSS_LABEL_ENTITY, key) == label);
      g_assert_nonnull (gloss_label_get_color (label));
      g_assert_false (gloss_label_get_unknown (label));
    }

  g_assert_cmpstr (gloss_label_get_name (gloss_schema_lookup (schema, GLOSS_LABEL_ENTITY, "GPE")), ==,
                   "Country/region/city");
  for (guint i = 0; i < 6; i++)
    {
      static const char * const claims[] = { "assertion", "quote", "denial", "prediction", "threat", "promise" };
      g_assert_nonnull (gloss_schema_lookup (schema, GLOSS_LABEL_CLAIM, claims[i]));
    }

  meets = gloss_schema_lookup (schema, GLOSS_LABEL_RELATION, "meets_with");
  g_assert_true (gloss_label_allows (meets, "PER", "PER"));
  g_assert_false (gloss_label_allows (meets, "PER", "ORG"));
  g_assert_true (gloss_label_allows (gloss_schema_lookup (schema, GLOSS_LABEL_RELATION, "leader_of"), "PER", "GPE"));
  g_assert_true (gloss_label_allows (gloss_schema_lookup (schema, GLOSS_LABEL_RELATION, "supplies"), "GPE", "EQP"));
  g_assert_null (gloss_schema_lookup (schema, GLOSS_LABEL_ENTITY, "quote"));
  g_assert_null (gloss_schema_lookup (schema, GLOSS_LABEL_ENTITY, NULL));

  g_assert_nonnull (gloss_schema_lookup_attribute (schema, "level"));
  g_assert_true (gloss_attribute_def_applies (gloss_schema_lookup_attribute (schema, "level"),
                                              GLOSS_KIND_MENTION, "PER"));
  g_assert_false (gloss_attribute_def_applies (gloss_schema_lookup_attribute (schema, "level"),
                                               GLOSS_KIND_CLAIM, "quote"));
  g_assert_finalize_object (g_steal_pointer (&schema));
}

static void
test_json_round_trip (void)
{
  g_autoptr(GlossSchema) schema = gloss_schema_new_default ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(GlossSchema) copy = NULL;
  g_autoptr(GlossSchema) dup = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) extra = json_object_new ();

  json_object_set_string_member (extra, "x-future", "kept");
  gloss_label_set_extra (gloss_schema_lookup (schema, GLOSS_LABEL_ENTITY, "PER"), extra);
  gloss_schema_ensure (schema, GLOSS_LABEL_ENTITY, "WEAPON");

  node = gloss_schema_to_json (schema);
  copy = gloss_schema_new_from_json (node, "t.gloss", &error);
  g_assert_no_error (error);
  again = gloss_schema_to_json (copy);
  g_assert_true (json_node_equal (node, again));
  g_assert_true (gloss_label_get_unknown (gloss_schema_lookup (copy, GLOSS_LABEL_ENTITY, "WEAPON")));
  g_assert_nonnull (gloss_label_get_extra (gloss_schema_lookup (copy, GLOSS_LABEL_ENTITY, "PER")));

  dup = gloss_schema_copy (schema);
  g_clear_pointer (&again, json_node_unref);
  again = gloss_schema_to_json (dup);
  g_assert_true (json_node_equal (node, again));
}

static GlossSchema *
parse (const char  *json,
       GError     **error)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  return gloss_schema_new_from_json (node, "s.json", error);
}

static void
test_bad_json (void)
{
  static const struct { const char *json; const char *needle; } cases[] = {
    { "[]", "schema: expected an object" },
    { "{\"entity_types\": {}}", "schema.entity_types: expected an array" },
    { "{\"entity_types\": [1]}", "schema.entity_types[0]: expected an object" },
    { "{\"entity_types\": [{\"name\": \"x\"}]}", "schema.entity_types[0]: missing \"id\"" },
    { "{\"entity_types\": [{\"id\": \"A\"}, {\"id\": \"A\"}]}", "schema.entity_types[1].id: \"A\" is defined twice" },
    { "{\"relation_types\": [{\"id\": \"r\", \"from\": \"PER\"}]}", "schema.relation_types[0].from: expected an array" },
    { "{\"claim_types\": [{\"id\": \"q\", \"color\": 5}]}", "schema.claim_types[0].color: expected a non-empty string" },
    { "{\"attributes\": [{\"id\": \"a\", \"kind\": \"float\"}]}", "schema.attributes[0].kind: \"float\" is not one of" },
    { "{\"attributes\": [{\"id\": \"a\"}]}", "schema.attributes[0]: missing \"kind\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossSchema) schema = parse (cases[i].json, &error);

      g_assert_null (schema);
      g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID);
      if (strstr (error->message, cases[i].needle) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].needle);
      g_assert_true (g_str_has_prefix (error->message, "s.json: "));
    }
}

static void
on_changed (GlossSchema *schema,
            guint       *count)
{
  (*count)++;
}

static void
test_edit (void)
{
  g_autoptr(GlossSchema) schema = gloss_schema_new ();
  g_autoptr(GlossLabel) a = gloss_label_new (GLOSS_LABEL_ENTITY, "A", "Alpha", "#ff0000");
  g_autoptr(GlossLabel) b = gloss_label_new (GLOSS_LABEL_ENTITY, "B", NULL, NULL);
  g_autoptr(GlossLabel) dup = gloss_label_new (GLOSS_LABEL_ENTITY, "A", NULL, NULL);
  g_autoptr(GlossAttributeDef) attr = gloss_attribute_def_new ("x", GLOSS_ATTRIBUTE_BOOL);
  g_autoptr(GError) error = NULL;
  GListModel *labels = gloss_schema_get_labels (schema, GLOSS_LABEL_ENTITY);
  guint changed = 0;
  GlossLabel *first;

  g_signal_connect (schema, "changed", G_CALLBACK (on_changed), &changed);

  g_assert_true (gloss_schema_add (schema, a, -1, NULL));
  g_assert_true (gloss_schema_add (schema, b, 0, NULL));
  g_assert_false (gloss_schema_add (schema, dup, -1, &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_DUPLICATE_ID);
  g_assert_cmpstr (gloss_label_get_name (b), ==, "B");

  first = g_list_model_get_item (labels, 0);
  g_object_unref (first);
  g_assert_true (first == b);
  gloss_schema_move (schema, b, 1);
  first = g_list_model_get_item (labels, 0);
  g_object_unref (first);
  g_assert_true (first == a);

  gloss_label_set_name (a, "Renamed");
  gloss_label_set_key (a, "5");
  g_assert_true (gloss_schema_lookup_key (schema, GLOSS_LABEL_ENTITY, "5") == a);
  gloss_schema_notify_changed (schema);
  g_assert_cmpuint (changed, ==, 6);

  g_assert_true (gloss_schema_remove (schema, b));
  g_assert_false (gloss_schema_remove (schema, b));
  g_assert_cmpuint (g_list_model_get_n_items (labels), ==, 1);

  g_assert_true (gloss_schema_add_attribute (schema, attr, NULL));
  g_assert_false (gloss_schema_add_attribute (schema, attr, NULL));
  g_assert_true (gloss_schema_remove_attribute (schema, attr));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_schema_get_attributes (schema)), ==, 0);
}

/* A label's ends set from its own getters (what the schema editor's From/To chips do) are kept:
 * the setters copy before they free */
static void
test_label_ends_self_assign (void)
{
  g_autoptr(GlossLabel) label = gloss_label_new (GLOSS_LABEL_RELATION, "member_of", NULL, NULL);
  static const char * const from[] = { "PER", "ORG", NULL };
  static const char * const to[] = { "GPE", NULL };
  static const char * const none[] = { NULL };

  gloss_label_set_from (label, from);
  gloss_label_set_to (label, to);
  gloss_label_set_from (label, gloss_label_get_from (label));
  gloss_label_set_to (label, gloss_label_get_to (label));
  g_assert_cmpstrv (gloss_label_get_from (label), from);
  g_assert_cmpstrv (gloss_label_get_to (label), to);

  /* a tail of the label's own array */
  gloss_label_set_from (label, gloss_label_get_from (label) + 1);
  g_assert_cmpstrv (gloss_label_get_from (label), from + 1);
  g_assert_true (gloss_label_allows (label, "ORG", "GPE"));
  g_assert_false (gloss_label_allows (label, "PER", "GPE"));

  gloss_label_set_to (label, none);
  g_assert_null (gloss_label_get_to (label));
  gloss_label_set_to (label, gloss_label_get_to (label));
  g_assert_null (gloss_label_get_to (label));
}

static void
test_attribute_values (void)
{
  g_autoptr(GlossAttributeDef) level = gloss_attribute_def_new ("level", GLOSS_ATTRIBUTE_ENUM);
  g_autoptr(GlossAttributeDef) flag = gloss_attribute_def_new ("flag", GLOSS_ATTRIBUTE_BOOL);
  g_autoptr(GlossAttributeDef) copy = NULL;
  static const char * const values[] = { "name", "nominal", NULL };
  static const char * const applies[] = { "PER", "claim", NULL };
  g_autoptr(JsonNode) name = json_node_new (JSON_NODE_VALUE);
  g_autoptr(JsonNode) other = json_node_new (JSON_NODE_VALUE);
  g_autoptr(JsonNode) yes = json_node_new (JSON_NODE_VALUE);
  GlossAttributeKind kind;

  json_node_set_string (name, "name");
  json_node_set_string (other, "other");
  json_node_set_boolean (yes, TRUE);

  gloss_attribute_def_set_values (level, values);
  gloss_attribute_def_set_applies_to (level, applies);
  g_assert_true (gloss_attribute_def_accepts (level, name));
  g_assert_false (gloss_attribute_def_accepts (level, other));
  g_assert_false (gloss_attribute_def_accepts (level, yes));
  g_assert_true (gloss_attribute_def_accepts (flag, yes));
  g_assert_false (gloss_attribute_def_accepts (flag, name));
  g_assert_true (gloss_attribute_def_applies (level, GLOSS_KIND_MENTION, "PER"));
  g_assert_true (gloss_attribute_def_applies (level, GLOSS_KIND_CLAIM, "quote"));
  g_assert_false (gloss_attribute_def_applies (level, GLOSS_KIND_MENTION, "ORG"));
  g_assert_cmpstr (gloss_attribute_def_get_name (level), ==, "level");

  copy = gloss_attribute_def_copy (level);
  g_assert_cmpstrv (gloss_attribute_def_get_values (copy), values);
  g_assert_true (gloss_attribute_kind_from_string ("text", &kind));
  g_assert_cmpint (kind, ==, GLOSS_ATTRIBUTE_TEXT);
  g_assert_false (gloss_attribute_kind_from_string ("float", &kind));
  g_assert_cmpstr (gloss_attribute_kind_to_string (GLOSS_ATTRIBUTE_BOOL), ==, "bool");
}

static void
test_schema_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal.gloss", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/schema.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSchema) schema = gloss_schema_new_from_file (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (gloss_schema_lookup (schema, GLOSS_LABEL_ENTITY, "PER"));
  g_assert_null (gloss_schema_new_from_file (missing, &error));
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO);
}

/* CIE L*a*b* of an sRGB colour "#rrggbb", lightened by @lighten towards
 * white first (the view draws lines that much lighter in the dark style). */
static void
to_lab (const char *hex,
        double      lighten,
        double      lab[3])
{
  double rgb[3], xyz[3];
  unsigned r, g, b;

  g_assert_cmpint (sscanf (hex, "#%02x%02x%02x", &r, &g, &b), ==, 3);
  rgb[0] = r / 255.;
  rgb[1] = g / 255.;
  rgb[2] = b / 255.;
  for (guint i = 0; i < 3; i++)
    {
      double c = rgb[i] + (1. - rgb[i]) * lighten;

      rgb[i] = c <= .04045 ? c / 12.92 : pow ((c + .055) / 1.055, 2.4);
    }
  xyz[0] = (.4124 * rgb[0] + .3576 * rgb[1] + .1805 * rgb[2]) / .95047;
  xyz[1] = .2126 * rgb[0] + .7152 * rgb[1] + .0722 * rgb[2];
  xyz[2] = (.0193 * rgb[0] + .1192 * rgb[1] + .9505 * rgb[2]) / 1.08883;
  for (guint i = 0; i < 3; i++)
    xyz[i] = xyz[i] > .008856 ? cbrt (xyz[i]) : 7.787 * xyz[i] + 16. / 116.;
  lab[0] = 116. * xyz[1] - 16.;
  lab[1] = 500. * (xyz[0] - xyz[1]);
  lab[2] = 200. * (xyz[1] - xyz[2]);
}

/* Claims are drawn across the tints of the mentions they contain: no claim
 * type shares a colour with an entity type (ΔE*76 of 20 at least), in the
 * light style and in the dark one. */
static void
test_claim_colors (void)
{
  g_autoptr(GlossSchema) schema = gloss_schema_new_default ();
  GListModel *claims = gloss_schema_get_labels (schema, GLOSS_LABEL_CLAIM);
  GListModel *entities = gloss_schema_get_labels (schema, GLOSS_LABEL_ENTITY);

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    for (guint j = 0; j < g_list_model_get_n_items (entities); j++)
      for (guint dark = 0; dark < 2; dark++)
        {
          g_autoptr(GlossLabel) claim = g_list_model_get_item (claims, i);
          g_autoptr(GlossLabel) entity = g_list_model_get_item (entities, j);
          double a[3], b[3], d;

          to_lab (gloss_label_get_color (claim), dark ? .3 : 0., a);
          to_lab (gloss_label_get_color (entity), dark ? .3 : 0., b);
          d = sqrt ((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
          if (d < 20.)
            g_error ("claim type %s (%s) looks like entity type %s (%s) in the %s style: ΔE %.1f",
                     gloss_label_get_id (claim), gloss_label_get_color (claim),
                     gloss_label_get_id (entity), gloss_label_get_color (entity),
                     dark ? "dark" : "light", d);
        }
}

/* What an interface shows: the default types' names (translated where a
 * translation exists; untranslated here), a renamed one as named, a type
 * of another schema that shares a default id by its own name, a type
 * without a name by its id. */
static void
test_shown_names (void)
{
  g_autoptr(GlossSchema) schema = gloss_schema_new_default ();
  GlossLabel *gpe = gloss_schema_lookup (schema, GLOSS_LABEL_ENTITY, "GPE");
  GlossLabel *quote = gloss_schema_lookup (schema, GLOSS_LABEL_CLAIM, "quote");
  g_autoptr(GlossLabel) other = gloss_label_new (GLOSS_LABEL_RELATION, "PER", "Person", NULL);
  g_autoptr(GlossLabel) bare = gloss_label_new (GLOSS_LABEL_ENTITY, "NORP", NULL, NULL);

  g_assert_cmpstr (gloss_label_shown_name (gpe), ==, "Country/region/city");
  g_assert_cmpstr (gloss_label_shown_description (gpe), ==,
                   "Geo-political entities: countries, regions, cities");
  g_assert_cmpstr (gloss_label_shown_name (quote), ==, "Quote");

  gloss_label_set_name (gpe, "State");
  gloss_label_set_description (gpe, NULL);
  g_assert_cmpstr (gloss_label_shown_name (gpe), ==, "State");
  g_assert_null (gloss_label_shown_description (gpe));

  g_assert_cmpstr (gloss_label_shown_name (other), ==, "Person");
  g_assert_cmpstr (gloss_label_shown_name (bare), ==, "NORP");
  g_assert_null (gloss_label_shown_description (bare));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/schema/default", test_default);
  g_test_add_func ("/core/schema/shown-names", test_shown_names);
  g_test_add_func ("/core/schema/claim-colors", test_claim_colors);
  g_test_add_func ("/core/schema/json-round-trip", test_json_round_trip);
  g_test_add_func ("/core/schema/bad-json", test_bad_json);
  g_test_add_func ("/core/schema/edit", test_edit);
  g_test_add_func ("/core/schema/label-ends-self-assign", test_label_ends_self_assign);
  g_test_add_func ("/core/schema/attribute-values", test_attribute_values);
  g_test_add_func ("/core/schema/file", test_schema_file);

  return g_test_run ();
}
