/* test-unlinked.c: mentions without an entity, by type and text, through
 * tagging, linking, deleting, undo and redo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-edits.h"
#include "gloss-store.h"
#include "gloss-unlinked-mentions.h"
#include "find-text.h"

static const char text[] =
  "Kim met Moon. Kim spoke; Moon listened. Seoul hosted Kim. "
  "Ana and Zoë came to Seoul.";

static GlossStore *
new_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = gloss_document_new_from_text (text, -1, "article.txt", &error);
  g_autoptr(GlossSchema) schema = gloss_schema_new_default ();

  g_assert_no_error (error);
  return gloss_store_new (document, schema);
}

/* An imported mention: no entity, loaded without history. */
static GlossMention *
load (GlossStore *store,
      const char *type_id,
      const char *needle,
      guint       nth)
{
  g_autoptr(GError) error = NULL;
  guint start = find (store, needle, nth);
  GlossSpan span = { start, start + g_utf8_strlen (needle, -1) };
  g_autoptr(GlossMention) mention = gloss_mention_new (type_id, &span, 1);

  g_assert_true (gloss_store_load_add (store, GLOSS_ANNOTATION (mention), &error));
  g_assert_no_error (error);
  return mention;
}

static GlossUnlinkedGroup *
group_at (GlossUnlinkedMentions *unlinked,
          const char            *type_id,
          guint                  position)
{
  g_autoptr(GlossUnlinkedGroup) group = g_list_model_get_item (gloss_unlinked_mentions_get_groups (unlinked, type_id),
                                                               position);

  g_assert_nonnull (group);
  return group; /* the list still holds it */
}

static guint
n_groups (GlossUnlinkedMentions *unlinked,
          const char            *type_id)
{
  return g_list_model_get_n_items (gloss_unlinked_mentions_get_groups (unlinked, type_id));
}

/* One group per type and text, sorted by text, its
 * mentions in text order; the same text of another type is another group. */
static void
test_groups (void)
{
  g_autoptr(GlossStore) store = new_store ();
  GlossMention *kim0 = load (store, "PER", "Kim", 0);
  GlossMention *moon = load (store, "PER", "Moon", 0);
  GlossMention *kim1 = load (store, "PER", "Kim", 1);
  GlossMention *zoe = load (store, "PER", "Zoë", 0);
  GlossMention *eva = load (store, "PER", "Ana", 0);
  GlossMention *kim2 = load (store, "ORG", "Kim", 2);
  g_autoptr(GlossUnlinkedMentions) unlinked = gloss_unlinked_mentions_new (store);
  GlossUnlinkedGroup *group;

  g_assert_cmpuint (gloss_unlinked_mentions_get_n_mentions (unlinked), ==, 6);
  g_assert_cmpuint (gloss_unlinked_mentions_get_n_groups (unlinked), ==, 5);
  g_assert_cmpuint (n_groups (unlinked, "PER"), ==, 4);
  g_assert_cmpstr (gloss_unlinked_group_get_text (group_at (unlinked, "PER", 0)), ==, "Ana");
  g_assert_cmpstr (gloss_unlinked_group_get_text (group_at (unlinked, "PER", 1)), ==, "Kim");
  g_assert_cmpstr (gloss_unlinked_group_get_text (group_at (unlinked, "PER", 2)), ==, "Moon");
  g_assert_cmpstr (gloss_unlinked_group_get_text (group_at (unlinked, "PER", 3)), ==, "Zoë");
  g_assert_cmpuint (n_groups (unlinked, "ORG"), ==, 1);
  g_assert_cmpuint (n_groups (unlinked, "GPE"), ==, 0);

  group = group_at (unlinked, "PER", 1);
  g_assert_cmpuint (gloss_unlinked_group_get_n_mentions (group), ==, 2);
  g_assert_true (gloss_unlinked_group_get_mention (group, 0) == kim0);
  g_assert_true (gloss_unlinked_group_get_mention (group, 1) == kim1);
  g_assert_true (gloss_unlinked_mentions_lookup (unlinked, kim1) == group);
  g_assert_true (gloss_unlinked_mentions_lookup (unlinked, moon) == group_at (unlinked, "PER", 2));
  g_assert_true (gloss_unlinked_mentions_lookup (unlinked, kim2) == group_at (unlinked, "ORG", 0));
  g_assert_true (gloss_unlinked_mentions_lookup (unlinked, zoe) == group_at (unlinked, "PER", 3));
  g_assert_true (gloss_unlinked_mentions_lookup (unlinked, eva) == group_at (unlinked, "PER", 0));
  g_assert_cmpstr (gloss_unlinked_group_get_type_id (group_at (unlinked, "ORG", 0)), ==, "ORG");

  g_assert_finalize_object (g_steal_pointer (&unlinked));
}

/* Activating a group again and again walks its mentions, then starts over. */
static void
test_next (void)
{
  g_autoptr(GlossStore) store = new_store ();
  GlossMention *kim0 = load (store, "PER", "Kim", 0);
  GlossMention *kim1 = load (store, "PER", "Kim", 1);
  GlossMention *kim2 = load (store, "PER", "Kim", 2);
  GlossMention *moon = load (store, "PER", "Moon", 0);
  g_autoptr(GlossUnlinkedMentions) unlinked = gloss_unlinked_mentions_new (store);
  GlossUnlinkedGroup *group = gloss_unlinked_mentions_lookup (unlinked, kim0);

  g_assert_true (gloss_unlinked_group_next (group, NULL) == kim0);
  g_assert_true (gloss_unlinked_group_next (group, kim0) == kim1);
  g_assert_true (gloss_unlinked_group_next (group, kim1) == kim2);
  g_assert_true (gloss_unlinked_group_next (group, kim2) == kim0);
  /* A mention of another group: the first. */
  g_assert_true (gloss_unlinked_group_next (group, moon) == kim0);

  g_assert_finalize_object (g_steal_pointer (&unlinked));
}

/* Every edit keeps the groups right: tagging adds a group (its new entity
 * aside), linking leaves one, deleting the last mention removes it, and
 * undo and redo bring each back. */
static void
test_edits (void)
{
  g_autoptr(GlossStore) store = new_store ();
  GlossMention *kim0 = load (store, "PER", "Kim", 0);
  GlossMention *kim1 = load (store, "PER", "Kim", 1);
  GlossMention *moon = load (store, "PER", "Moon", 0);
  g_autoptr(GlossUnlinkedMentions) unlinked = gloss_unlinked_mentions_new (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossEntity) entity = gloss_entity_new ("PER", "Kim Jong Un");
  GlossUnlinkedGroup *kims = gloss_unlinked_mentions_lookup (unlinked, kim0);
  GlossMention *tagged;

  g_assert_cmpuint (gloss_unlinked_mentions_get_n_mentions (unlinked), ==, 3);

  /* Tagging makes a mention with an entity: no group. */
  tagged = gloss_edit_tag (store, "GPE", find (store, "Seoul", 0), find (store, "Seoul", 0) + 5, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tagged);
  g_assert_null (gloss_unlinked_mentions_lookup (unlinked, tagged));
  g_assert_cmpuint (n_groups (unlinked, "GPE"), ==, 0);

  /* Linking one Kim: the group stays, with one mention. */
  g_assert_true (gloss_store_add (store, GLOSS_ANNOTATION (entity), &error));
  g_assert_true (gloss_edit_link_entity (store, kim0, entity, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_unlinked_mentions_get_n_mentions (unlinked), ==, 2);
  g_assert_true (gloss_unlinked_mentions_lookup (unlinked, kim1) == kims);
  g_assert_null (gloss_unlinked_mentions_lookup (unlinked, kim0));
  g_assert_cmpuint (gloss_unlinked_group_get_n_mentions (kims), ==, 1);

  /* Unlinking it again (the entity goes with its last mention). */
  g_assert_true (gloss_edit_link_entity (store, kim0, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gloss_unlinked_mentions_lookup (unlinked, kim0) == kims);
  g_assert_true (gloss_unlinked_group_get_mention (kims, 0) == kim0);
  g_assert_cmpuint (gloss_unlinked_mentions_get_n_mentions (unlinked), ==, 3);

  /* Deleting Moon, the last of its group: the group goes; undo, redo. */
  g_assert_cmpuint (n_groups (unlinked, "PER"), ==, 2);
  g_assert_true (gloss_edit_delete (store, GLOSS_ANNOTATION (moon), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_groups (unlinked, "PER"), ==, 1);
  g_assert_cmpuint (gloss_unlinked_mentions_get_n_mentions (unlinked), ==, 2);
  g_assert_true (gloss_store_undo (store));
  g_assert_cmpuint (n_groups (unlinked, "PER"), ==, 2);
  g_assert_cmpstr (gloss_unlinked_group_get_text (group_at (unlinked, "PER", 1)), ==, "Moon");
  g_assert_true (gloss_store_redo (store));
  g_assert_cmpuint (n_groups (unlinked, "PER"), ==, 1);

  /* Retyping a Kim gives it an entity of the new type: it leaves. */
  g_assert_true (gloss_edit_retype (store, kim1, "ORG", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_unlinked_group_get_n_mentions (kims), ==, 1);
  g_assert_null (gloss_unlinked_mentions_lookup (unlinked, kim1));
  g_assert_cmpuint (n_groups (unlinked, "ORG"), ==, 0);
  g_assert_true (gloss_store_undo (store));
  g_assert_true (gloss_unlinked_mentions_lookup (unlinked, kim1) == kims);
  g_assert_cmpuint (gloss_unlinked_group_get_n_mentions (kims), ==, 2);

  /* A note changes nothing: the same group object stays. */
  g_assert_true (gloss_edit_set_note (store, GLOSS_ANNOTATION (kim1), "check", &error));
  g_assert_no_error (error);
  g_assert_true (gloss_unlinked_mentions_lookup (unlinked, kim1) == kims);
  g_assert_cmpuint (gloss_unlinked_group_get_n_mentions (kims), ==, 2);

  g_assert_finalize_object (g_steal_pointer (&unlinked));
}

/* The first mention in text order with @text. */
static GlossMention *
find_loaded (GlossStore *store,
             const char *needle)
{
  g_autoptr(GArray) hits = gloss_store_query_at (store, find (store, needle, 0), GLOSS_KIND_MASK (GLOSS_KIND_MENTION));

  g_assert_cmpuint (hits->len, ==, 1);
  return GLOSS_MENTION (g_array_index (hits, GlossSpanHit, 0).annotation);
}

/* The same groups, of the same mentions in the same order. */
static void
assert_same (GlossUnlinkedMentions *a,
             GlossUnlinkedMentions *b)
{
  static const char * const types[] = { "PER", "ORG", "GPE" };

  g_assert_cmpuint (gloss_unlinked_mentions_get_n_mentions (a), ==, gloss_unlinked_mentions_get_n_mentions (b));
  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      guint n = n_groups (a, types[t]);

      g_assert_cmpuint (n, ==, n_groups (b, types[t]));
      for (guint i = 0; i < n; i++)
        {
          GlossUnlinkedGroup *ga = group_at (a, types[t], i);
          GlossUnlinkedGroup *gb = group_at (b, types[t], i);

          g_assert_cmpstr (gloss_unlinked_group_get_text (ga), ==, gloss_unlinked_group_get_text (gb));
          g_assert_cmpuint (gloss_unlinked_group_get_n_mentions (ga), ==, gloss_unlinked_group_get_n_mentions (gb));
          for (guint j = 0; j < gloss_unlinked_group_get_n_mentions (ga); j++)
            g_assert_true (gloss_unlinked_group_get_mention (ga, j) == gloss_unlinked_group_get_mention (gb, j));
        }
    }
}

/* Built a step at a time (a large document's way), with edits before and
 * between the steps: the groups are those of an index built at once
 * after them. */
static void
test_steps (void)
{
  g_autoptr(GString) article = g_string_new (NULL);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GlossUnlinkedMentions) stepped = NULL;
  g_autoptr(GlossUnlinkedMentions) at_once = NULL;
  g_autoptr(GlossEntity) entity = gloss_entity_new ("PER", "Kim");
  g_autoptr(GError) error = NULL;
  GlossMention *first_moon, *last_kim, *seoul;
  guint steps = 0;

  /* 400 mentions: more than one step's worth even without a budget. */
  for (guint i = 0; i < 200; i++)
    g_string_append (article, "Kim met Moon in Seoul. ");
  document = gloss_document_new_from_text (article->str, -1, "article.txt", &error);
  g_assert_no_error (error);
  store = gloss_store_new (document, NULL);
  for (guint i = 0; i < 199; i++)
    {
      load (store, "PER", "Kim", i);
      load (store, i % 2 ? "PER" : "ORG", "Moon", i);
    }
  last_kim = load (store, "PER", "Kim", 199);
  seoul = load (store, "GPE", "Seoul", 0);
  first_moon = find_loaded (store, "Moon");
  stepped = gloss_unlinked_mentions_new_deferred (store);
  g_assert_false (gloss_unlinked_mentions_is_complete (stepped));

  /* Before the walk: a deletion, and its undo. */
  g_assert_true (gloss_edit_delete (store, GLOSS_ANNOTATION (seoul), &error));
  g_assert_true (gloss_store_undo (store));
  g_assert_no_error (error);
  g_assert_true (gloss_store_add (store, GLOSS_ANNOTATION (entity), &error));
  while (!gloss_unlinked_mentions_build (stepped, 0))
    {
      g_autoptr(GlossMention) moon = NULL;
      guint start;

      steps++;
      if (steps > 1)
        continue;
      /* Half way: one not walked yet is linked, one walked goes, a new
       * one comes. */
      g_assert_true (gloss_edit_link_entity (store, last_kim, entity, &error));
      g_assert_nonnull (gloss_unlinked_mentions_lookup (stepped, first_moon));
      g_assert_null (gloss_unlinked_mentions_lookup (stepped, last_kim));
      g_assert_true (gloss_edit_delete (store, GLOSS_ANNOTATION (first_moon), &error));
      start = find (store, "Moon", 199);
      moon = gloss_mention_new ("PER", &(GlossSpan) { start, start + 4 }, 1);
      g_assert_true (gloss_store_add (store, GLOSS_ANNOTATION (moon), &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (steps, >, 1);
  g_assert_true (gloss_unlinked_mentions_is_complete (stepped));

  at_once = gloss_unlinked_mentions_new (store);
  assert_same (stepped, at_once);
  g_assert_cmpuint (n_groups (stepped, "PER"), ==, 2);
  g_assert_cmpuint (gloss_unlinked_group_get_n_mentions (group_at (stepped, "PER", 0)), ==, 199);
  g_assert_cmpuint (gloss_unlinked_group_get_n_mentions (group_at (stepped, "PER", 1)), ==, 100);
  g_assert_cmpuint (gloss_unlinked_group_get_n_mentions (group_at (stepped, "ORG", 0)), ==, 99);
  g_assert_cmpuint (n_groups (stepped, "GPE"), ==, 1);
  g_assert_cmpuint (gloss_unlinked_mentions_get_n_mentions (stepped), ==, 399);
  g_assert_cmpuint (gloss_unlinked_mentions_get_n_groups (stepped), ==, 4);

  g_assert_finalize_object (g_steal_pointer (&at_once));
  g_assert_finalize_object (g_steal_pointer (&stepped));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/unlinked/groups", test_groups);
  g_test_add_func ("/core/unlinked/next", test_next);
  g_test_add_func ("/core/unlinked/edits", test_edits);
  g_test_add_func ("/core/unlinked/steps", test_steps);

  return g_test_run ();
}
