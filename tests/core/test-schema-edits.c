/* test-schema-edits.c: a new type's colour, and removing a type, as
 * Preferences does them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-edits.h"
#include "gloss-error.h"
#include "gloss-schema-edits.h"

static const char * const blues[] = { "#99c1f1", "#62a0ea", "#3584e4", "#1c71d8", "#1a5fb4", NULL };

static gboolean
schema_has_color (GlossSchema *schema,
                  const char  *color)
{
  for (guint kind = 0; kind < GLOSS_N_LABEL_KINDS; kind++)
    {
      GListModel *labels = gloss_schema_get_labels (schema, kind);

      for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
        {
          g_autoptr(GlossLabel) label = g_list_model_get_item (labels, i);

          if (g_ascii_strcasecmp (gloss_label_get_color (label), color) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

static GlossLabel *
add (GlossSchema    *schema,
     GlossLabelKind  kind,
     const char     *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLabel) label = gloss_label_new (kind, id, id, gloss_schema_edit_pick_color (schema));

  g_assert_true (gloss_schema_add (schema, label, -1, &error));
  g_assert_no_error (error);
  return label;  /* the schema holds it */
}

/* A new type's colour is one no type has, and not a blue beside
 * Person's (it was #1c71d8): the farthest from all of them. */
static void
test_pick_color (void)
{
  g_autoptr(GlossSchema) empty = gloss_schema_new ();
  g_autoptr(GlossSchema) schema = gloss_schema_new_default ();
  g_autoptr(GlossLabel) person = gloss_label_new (GLOSS_LABEL_ENTITY, "PER", "Person", "#3584e4");
  const char *first, *second;

  /* Nothing to keep away from: the palette's first. */
  g_assert_cmpstr (gloss_schema_edit_pick_color (empty), ==, "#3584e4");
  g_assert_true (gloss_schema_add (empty, person, -1, NULL));
  g_assert_false (g_strv_contains (blues, gloss_schema_edit_pick_color (empty)));

  first = gloss_schema_edit_pick_color (schema);
  g_assert_false (schema_has_color (schema, first));
  g_assert_false (g_strv_contains (blues, first));
  add (schema, GLOSS_LABEL_ENTITY, "NEW");
  second = gloss_schema_edit_pick_color (schema);
  g_assert_cmpstr (second, !=, first);
  g_assert_false (schema_has_color (schema, second));
  /* Claim and relation types' colours count as well. */
  add (schema, GLOSS_LABEL_CLAIM, "rumour");
  g_assert_false (schema_has_color (schema, gloss_schema_edit_pick_color (schema)));
}

/* A type annotations use stays, with a message; unused, it goes, and an
 * entity type leaves the relation types' ends. */
static void
test_remove_type (void)
{
  g_autoptr(GlossDocument) doc = gloss_document_new_from_text ("Kim met Putin at Vostochny.", -1, "t", NULL);
  g_autoptr(GlossStore) store = gloss_store_new (doc, NULL);
  GlossSchema *schema = gloss_store_get_schema (store);
  g_autoptr(GError) error = NULL;
  /* Held: the last assertion refuses it once the schema let it go. */
  g_autoptr(GlossLabel) event = g_object_ref (add (schema, GLOSS_LABEL_ENTITY, "NEW"));
  GlossLabel *rumour = add (schema, GLOSS_LABEL_CLAIM, "rumour");
  GlossLabel *meets = gloss_schema_lookup (schema, GLOSS_LABEL_RELATION, "meets_with");
  const char * const from[] = { "PER", "NEW", NULL };
  const char * const to[] = { "NEW", NULL };
  const char * const per[] = { "PER", NULL };
  GlossMention *mention;
  GlossClaim *claim;

  gloss_label_set_from (meets, from);
  gloss_label_set_to (meets, to);
  mention = gloss_edit_tag (store, "NEW", 0, 3, &error);
  g_assert_no_error (error);
  g_assert_nonnull (mention);
  /* The mention and its entity. */
  g_assert_cmpuint (gloss_schema_edit_count_uses (store, event), ==, 2);

  g_assert_false (gloss_schema_edit_remove_type (store, event, &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_IN_USE);
  g_assert_cmpstr (error->message, ==, "“NEW” is used by 2 annotations; change or delete them first");
  g_clear_error (&error);
  g_assert_true (gloss_schema_lookup (schema, GLOSS_LABEL_ENTITY, "NEW") == event);

  claim = gloss_edit_new_claim (store, "rumour", 4, 13, &error);
  g_assert_no_error (error);
  g_assert_false (gloss_schema_edit_remove_type (store, rumour, &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_IN_USE);
  g_assert_cmpstr (error->message, ==, "“rumour” is used by 1 annotation; change or delete it first");
  g_clear_error (&error);
  g_assert_true (gloss_edit_delete (store, GLOSS_ANNOTATION (claim), &error));
  g_assert_true (gloss_schema_edit_remove_type (store, rumour, &error));
  g_assert_no_error (error);
  g_assert_null (gloss_schema_lookup (schema, GLOSS_LABEL_CLAIM, "rumour"));

  g_assert_true (gloss_edit_delete (store, GLOSS_ANNOTATION (mention), &error));
  g_assert_cmpuint (gloss_schema_edit_count_uses (store, event), ==, 0);
  g_assert_true (gloss_schema_edit_remove_type (store, event, &error));
  g_assert_no_error (error);
  g_assert_null (gloss_schema_lookup (schema, GLOSS_LABEL_ENTITY, "NEW"));
  g_assert_true (g_strv_equal (gloss_label_get_from (meets), per));
  /* Its only end gone, "to" allows any type again. */
  g_assert_null (gloss_label_get_to (meets));

  /* Gone already: refused. */
  g_assert_false (gloss_schema_edit_remove_type (store, event, &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_TYPE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/schema-edits/pick-color", test_pick_color);
  g_test_add_func ("/core/schema-edits/remove-type", test_remove_type);

  return g_test_run ();
}
