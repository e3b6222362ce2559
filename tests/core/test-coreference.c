/* test-coreference.c: which entity a new mention joins (issue 7, item 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "find-text.h"
#include "gloss-coreference.h"
#include "gloss-store.h"

static const char text[] =
  "Peter Cook arrived in Syria. Cook met the minister. Syria said so; "
  "Cook’s aide, “Cook”, and 上川陽子 and 上川陽子 🌍 Cook.";

static GlossStore *
new_store_for (const char *article)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = gloss_document_new_from_text (article, -1, "article.txt", &error);
  g_autoptr(GlossSchema) schema = gloss_schema_new_default ();

  g_assert_no_error (error);
  return gloss_store_new (document, schema);
}

static GlossStore *
new_store (void)
{
  return new_store_for (text);
}

static GlossMention *
add (GlossStore  *store,
     const char  *type_id,
     guint        start,
     guint        length,
     GlossEntity *entity)
{
  g_autoptr(GError) error = NULL;
  GlossSpan span = { start, start + length };
  g_autoptr(GlossMention) mention = gloss_mention_new (type_id, &span, 1);

  if (entity == NULL)
    {
      g_autofree char *name = gloss_document_dup_slice (gloss_store_get_document (store), start, start + length);
      g_autoptr(GlossEntity) created = gloss_entity_new (type_id, name);

      g_assert_true (gloss_store_add (store, GLOSS_ANNOTATION (created), &error));
      entity = created;
    }
  gloss_mention_set_entity (mention, entity);
  g_assert_true (gloss_store_add (store, GLOSS_ANNOTATION (mention), &error));
  g_assert_no_error (error);
  return mention;
}

/* A mention with the same text and type as one of an entity's mentions
 * joins that entity, whatever the entity's name. */
static void
test_same_text_as_a_mention (void)
{
  g_autoptr(GlossStore) store = new_store ();
  GlossMention *peter = add (store, "PER", find (store, "Peter Cook", 0), 10, NULL);
  GlossEntity *entity = gloss_mention_get_entity (peter);
  guint cook2 = find (store, "Cook", 2);

  /* No mention "Cook" yet: a new entity. */
  g_assert_null (gloss_coreference_find (store, "PER", cook2, cook2 + 4));
  add (store, "PER", find (store, "Cook", 1), 4, entity);
  g_assert_true (gloss_coreference_find (store, "PER", cook2, cook2 + 4) == entity);
  /* Another type: not the same entity. */
  g_assert_null (gloss_coreference_find (store, "ORG", cook2, cook2 + 4));
  /* Inside quotes, after an emoji: the text counts, in code points. */
  g_assert_true (gloss_coreference_find (store, "PER", find (store, "Cook", 3), find (store, "Cook", 3) + 4) == entity);
  g_assert_true (gloss_coreference_find (store, "PER", find (store, "Cook", 4), find (store, "Cook", 4) + 4) == entity);
}

/* A mention whose text is an entity's name joins it. */
static void
test_same_text_as_a_name (void)
{
  g_autoptr(GlossStore) store = new_store ();
  GlossMention *syria = add (store, "GPE", find (store, "Syria", 0), 5, NULL);
  guint second = find (store, "Syria", 1);
  guint kamikawa = find (store, "上川陽子", 1);

  g_assert_true (gloss_coreference_find (store, "GPE", second, second + 5) == gloss_mention_get_entity (syria));
  g_assert_null (gloss_coreference_find (store, "PER", second, second + 5));

  add (store, "PER", find (store, "上川陽子", 0), 4, NULL);
  g_assert_nonnull (gloss_coreference_find (store, "PER", kamikawa, kamikawa + 4));
}

/* The mention being placed does not count for itself (a retype). */
static void
test_not_itself (void)
{
  g_autoptr(GlossStore) store = new_store ();
  g_autoptr(GlossEntity) other = gloss_entity_new ("PER", "Someone else");
  g_autoptr(GError) error = NULL;
  guint cook = find (store, "Cook", 1);

  g_assert_true (gloss_store_add (store, GLOSS_ANNOTATION (other), &error));
  add (store, "PER", cook, 4, other);
  g_assert_null (gloss_coreference_find (store, "PER", cook, cook + 4));
}

/* Of two entities with a mention of the text, the one whose mention comes
 * first in the text, whichever was tagged first; occurrences that overlap
 * count (“Kim Kim” at 4 in “Kim Kim Kim”). */
static void
test_first_in_text_order (void)
{
  g_autoptr(GlossStore) store = new_store_for ("Kim Kim Kim met “Kim Kim” again.");
  g_autoptr(GlossEntity) first = gloss_entity_new ("PER", "Kim Jong Un");
  g_autoptr(GlossEntity) second = gloss_entity_new ("PER", "Kim Yo Jong");
  g_autoptr(GError) error = NULL;
  guint quoted = find (store, "Kim Kim", 2);

  g_assert_true (gloss_store_add (store, GLOSS_ANNOTATION (first), &error));
  g_assert_true (gloss_store_add (store, GLOSS_ANNOTATION (second), &error));
  g_assert_no_error (error);
  add (store, "PER", quoted, 7, second);
  g_assert_true (gloss_coreference_find (store, "PER", 0, 7) == second);
  add (store, "PER", 4, 7, first);
  g_assert_true (gloss_coreference_find (store, "PER", 0, 7) == first);
  g_assert_true (gloss_coreference_find (store, "PER", quoted, quoted + 7) == first);
  g_assert_null (gloss_coreference_find (store, "ORG", 0, 7));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/core/coreference/same-text-as-a-mention", test_same_text_as_a_mention);
  g_test_add_func ("/core/coreference/same-text-as-a-name", test_same_text_as_a_name);
  g_test_add_func ("/core/coreference/not-itself", test_not_itself);
  g_test_add_func ("/core/coreference/first-in-text-order", test_first_in_text_order);
  return g_test_run ();
}
