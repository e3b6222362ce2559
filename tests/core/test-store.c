/* test-store.c: the edit path, the span index and undo/redo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-enum-types.h"
#include "gloss-error.h"
#include "gloss-project-document.h"
#include "gloss-store.h"

static const char *text =
  "Russia’s Vladimir Putin met North Korean leader Kim Jong Un at the "
  "Vostochny Cosmodrome. “The Russian army will win,” Kim said. 😀 漢字 end.";

static gint64
fixed_clock (gpointer data)
{
  return 1795000000;
}

static GlossStore *
new_store (void)
{
  g_autoptr(GlossDocument) doc = gloss_document_new_from_text (text, -1, "test", NULL);
  GlossStore *store = gloss_store_new (doc, NULL);

  gloss_store_set_clock (store, fixed_clock, NULL);
  return store;
}

static GlossMention *
add_mention (GlossStore  *store,
             const char  *type,
             guint        start,
             guint        end,
             GlossEntity *entity)
{
  GlossSpan span = { start, end };
  g_autoptr(GlossMention) m = gloss_mention_new (type, &span, 1);
  g_autoptr(GError) error = NULL;

  gloss_mention_set_entity (m, entity);
  gloss_store_add (store, GLOSS_ANNOTATION (m), &error);
  g_assert_no_error (error);
  return m; /* the store holds it */
}

static GlossEntity *
add_entity (GlossStore *store,
            const char *type,
            const char *name)
{
  g_autoptr(GlossEntity) e = gloss_entity_new (type, name);
  g_autoptr(GError) error = NULL;

  gloss_store_add (store, GLOSS_ANNOTATION (e), &error);
  g_assert_no_error (error);
  return e;
}

/* A text dump of the whole state, to compare before and after. */
static void
dump_spans (GString         *s,
            GlossAnnotation *a,
            GlossSpanRole    role)
{
  const GlossSpan *spans;
  guint n;

  spans = gloss_annotation_get_spans (a, role, &n);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, " %u-%u", spans[i].start, spans[i].end);
  g_string_append_c (s, ';');
}

static const char *
id_of (gpointer a)
{
  return a ? gloss_annotation_get_id (a) : "-";
}

static char *
dump (GlossStore *store)
{
  GString *s = g_string_new (NULL);

  for (guint k = 0; k < GLOSS_N_KINDS; k++)
    {
      GListModel *list = gloss_store_get_list (store, k);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(GlossAnnotation) a = g_list_model_get_item (list, i);

          g_string_append_printf (s, "%s %s note=%s", id_of (a), gloss_annotation_get_type_id (a),
                                  gloss_annotation_get_note (a) ?: "");
          dump_spans (s, a, GLOSS_ROLE_CONTENT);
          if (GLOSS_IS_MENTION (a))
            g_string_append_printf (s, " entity=%s", id_of (gloss_mention_get_entity (GLOSS_MENTION (a))));
          if (GLOSS_IS_ENTITY (a))
            g_string_append_printf (s, " name=%s n=%u", gloss_entity_get_name (GLOSS_ENTITY (a)),
                                    gloss_entity_get_n_mentions (GLOSS_ENTITY (a)));
          if (GLOSS_IS_CLAIM (a))
            {
              GlossClaim *c = GLOSS_CLAIM (a);

              g_string_append_printf (s, " claimant=%s certainty=%d about=",
                                      id_of (gloss_claim_get_claimant (c)), gloss_claim_get_certainty (c));
              for (guint j = 0; j < gloss_claim_get_n_about (c); j++)
                g_string_append_printf (s, "%s,", id_of (gloss_claim_get_about (c, j)));
              dump_spans (s, a, GLOSS_ROLE_CUE);
            }
          if (GLOSS_IS_RELATION (a))
            g_string_append_printf (s, " %s->%s", id_of (gloss_relation_get_from (GLOSS_RELATION (a))),
                                    id_of (gloss_relation_get_to (GLOSS_RELATION (a))));
          g_string_append_c (s, '\n');
        }
    }

  return g_string_free (s, FALSE);
}

static void
test_add_and_list (void)
{
  g_autoptr(GlossStore) store = new_store ();
  GlossEntity *putin = add_entity (store, "PER", "Vladimir Putin");
  GlossMention *m1, *m2, *m3;
  g_autoptr(GlossMention) item = NULL;

  m2 = add_mention (store, "PER", 9, 23, putin);
  m1 = add_mention (store, "GPE", 0, 6, NULL);
  m3 = add_mention (store, "PER", 48, 59, NULL);

  g_assert_cmpstr (gloss_annotation_get_id (GLOSS_ANNOTATION (putin)), ==, "e1");
  g_assert_cmpstr (gloss_annotation_get_id (GLOSS_ANNOTATION (m2)), ==, "m1");
  g_assert_cmpstr (gloss_annotation_get_id (GLOSS_ANNOTATION (m1)), ==, "m2");
  g_assert_true (gloss_store_lookup (store, "m3") == GLOSS_ANNOTATION (m3));
  g_assert_cmpuint (gloss_entity_get_n_mentions (putin), ==, 1);
  g_assert_cmpint (gloss_annotation_get_created (GLOSS_ANNOTATION (m1)), ==, 1795000000);

  /* Text order, whatever the order of adding. */
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_MENTION), ==, 3);
  item = g_list_model_get_item (gloss_store_get_list (store, GLOSS_KIND_MENTION), 0);
  g_assert_true (item == m1);
  g_clear_object (&item);
  item = g_list_model_get_item (gloss_store_get_list (store, GLOSS_KIND_MENTION), 2);
  g_assert_true (item == m3);
  g_assert_null (g_list_model_get_item (gloss_store_get_list (store, GLOSS_KIND_MENTION), 3));
  g_assert_true (g_list_model_get_item_type (gloss_store_get_list (store, GLOSS_KIND_MENTION)) == GLOSS_TYPE_MENTION);

  g_assert_true (gloss_store_get_modified (store));
  gloss_store_mark_saved (store);
  g_assert_false (gloss_store_get_modified (store));
}

static void
test_frozen (void)
{
  g_autoptr(GlossStore) store = new_store ();
  GlossMention *m = add_mention (store, "PER", 9, 23, NULL);
  g_autoptr(GlossAnnotation) draft = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_annotation_is_frozen (GLOSS_ANNOTATION (m)));
  g_test_expect_message ("Gloss", G_LOG_LEVEL_CRITICAL, "*is in a store*");
  gloss_annotation_set_note (GLOSS_ANNOTATION (m), "nope");
  g_test_assert_expected_messages ();
  g_assert_null (gloss_annotation_get_note (GLOSS_ANNOTATION (m)));

  draft = gloss_annotation_copy (GLOSS_ANNOTATION (m));
  g_assert_false (gloss_annotation_is_frozen (draft));
  gloss_annotation_set_note (draft, "checked");
  g_assert_true (gloss_store_replace (store, GLOSS_ANNOTATION (m), draft, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_annotation_get_note (GLOSS_ANNOTATION (m)), ==, "checked");
  g_assert_cmpstr (gloss_store_get_undo_label (store), ==, "Edit Person mention");

  gloss_store_undo (store);
  g_assert_null (gloss_annotation_get_note (GLOSS_ANNOTATION (m)));
  gloss_store_redo (store);
  g_assert_cmpstr (gloss_annotation_get_note (GLOSS_ANNOTATION (m)), ==, "checked");

  /* Adding an annotation twice is refused. */
  g_assert_false (gloss_store_add (store, GLOSS_ANNOTATION (m), &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_STATE);
}

static void
test_errors (void)
{
  g_autoptr(GlossStore) store = new_store ();
  g_autoptr(GlossStore) other = new_store ();
  GlossEntity *foreign = add_entity (other, "PER", "Kim");
  GlossSpan past_end = { 100, 1000 };
  GlossSpan empty = { 5, 5 };
  GlossSpan ok = { 0, 6 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossMention) m = NULL;
  g_autoptr(GlossClaim) c = NULL;
  g_autoptr(GlossRelation) r = NULL;

  m = gloss_mention_new ("PER", &past_end, 1);
  g_assert_false (gloss_store_add (store, GLOSS_ANNOTATION (m), &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_SPAN);
  g_clear_error (&error);
  g_clear_object (&m);

  m = gloss_mention_new ("PER", &empty, 1);
  g_assert_false (gloss_store_add (store, GLOSS_ANNOTATION (m), &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_SPAN);
  g_clear_error (&error);
  g_clear_object (&m);

  m = gloss_mention_new ("NOPE", &ok, 1);
  g_assert_false (gloss_store_add (store, GLOSS_ANNOTATION (m), &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_TYPE);
  g_assert_nonnull (strstr (error->message, "NOPE"));
  g_clear_error (&error);
  g_clear_object (&m);

  m = gloss_mention_new ("PER", &ok, 1);
  gloss_mention_set_entity (m, foreign);
  g_assert_false (gloss_store_add (store, GLOSS_ANNOTATION (m), &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_REFERENCE);
  g_clear_error (&error);
  g_clear_object (&m);

  m = gloss_mention_new ("PER", &ok, 1);
  gloss_annotation_set_id (GLOSS_ANNOTATION (m), "x1");
  g_assert_true (gloss_store_add (store, GLOSS_ANNOTATION (m), &error));
  g_clear_object (&m);
  m = gloss_mention_new ("PER", &ok, 1);
  gloss_annotation_set_id (GLOSS_ANNOTATION (m), "x1");
  g_assert_false (gloss_store_add (store, GLOSS_ANNOTATION (m), &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_DUPLICATE_ID);
  g_clear_error (&error);

  c = gloss_claim_new ("quote", NULL, 0);
  g_assert_false (gloss_store_add (store, GLOSS_ANNOTATION (c), &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_SPAN);
  g_clear_error (&error);

  r = gloss_relation_new ("meets_with", NULL, NULL);
  g_assert_false (gloss_store_add (store, GLOSS_ANNOTATION (r), &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_REFERENCE);
  g_clear_error (&error);

  /* Nothing of that was recorded except the one good mention. */
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_MENTION), ==, 1);
  g_assert_true (gloss_store_undo (store));
  g_assert_false (gloss_store_can_undo (store));

  /* Loading adds unknown types to the schema instead. */
  g_clear_object (&m);
  m = gloss_mention_new ("WEAPON", &ok, 1);
  g_assert_true (gloss_store_load_add (store, GLOSS_ANNOTATION (m), &error));
  g_assert_no_error (error);
  g_assert_true (gloss_label_get_unknown (gloss_schema_lookup (gloss_store_get_schema (store),
                                                               GLOSS_LABEL_ENTITY, "WEAPON")));
}

static void
test_entity_cascade (void)
{
  g_autoptr(GlossStore) store = new_store ();
  GlossEntity *putin = add_entity (store, "PER", "Vladimir Putin");
  GlossEntity *kim = add_entity (store, "PER", "Kim Jong Un");
  GlossMention *m1 = add_mention (store, "PER", 9, 23, putin);
  GlossSpan quote = { 87, 111 };
  GlossSpan cue = { 118, 122 };
  g_autoptr(GlossClaim) claim = gloss_claim_new ("quote", &quote, 1);
  g_autoptr(GlossRelation) rel = gloss_relation_new ("meets_with", putin, kim);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *again = NULL;

  add_mention (store, "PER", 48, 59, kim);
  gloss_claim_set_claimant (claim, kim);
  gloss_claim_add_about (claim, putin);
  gloss_annotation_set_spans (GLOSS_ANNOTATION (claim), GLOSS_ROLE_CUE, &cue, 1);
  g_assert_true (gloss_store_add (store, GLOSS_ANNOTATION (claim), NULL));
  g_assert_true (gloss_store_add (store, GLOSS_ANNOTATION (rel), NULL));

  before = dump (store);
  g_assert_true (gloss_store_remove (store, GLOSS_ANNOTATION (kim), NULL));
  g_assert_null (gloss_claim_get_claimant (claim));
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_RELATION), ==, 0);
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_ENTITY), ==, 1);
  after = dump (store);

  /* One undo step brings back the entity and every reference to it. */
  g_assert_true (gloss_store_undo (store));
  again = dump (store);
  g_assert_cmpstr (again, ==, before);
  g_assert_true (gloss_claim_get_claimant (claim) == kim);
  g_clear_pointer (&again, g_free);
  g_assert_true (gloss_store_redo (store));
  again = dump (store);
  g_assert_cmpstr (again, ==, after);
  g_assert_true (gloss_store_undo (store));

  /* Merge: Kim's mention and claim move to Putin (a test, not politics). */
  g_assert_true (gloss_store_merge_entities (store, putin, kim, NULL));
  g_assert_cmpuint (gloss_entity_get_n_mentions (putin), ==, 2);
  g_assert_true (gloss_claim_get_claimant (claim) == putin);
  g_assert_cmpuint (gloss_claim_get_n_about (claim), ==, 1);
  /* the relation putin→kim became putin→putin: kept, retargeted */
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_ENTITY), ==, 1);
  g_assert_true (gloss_store_undo (store));
  g_clear_pointer (&again, g_free);
  again = dump (store);
  g_assert_cmpstr (again, ==, before);

  {
    g_autoptr(GPtrArray) mentions = gloss_store_get_mentions_of (store, putin);
    g_autoptr(GPtrArray) refs = gloss_store_get_referrers (store, kim);

    g_assert_cmpuint (mentions->len, ==, 1);
    g_assert_true (g_ptr_array_index (mentions, 0) == m1);
    g_assert_cmpuint (refs->len, ==, 3);
  }
}

static void
test_groups (void)
{
  g_autoptr(GlossStore) store = new_store ();
  g_autofree char *empty = dump (store);
  g_autofree char *now = NULL;
  guint edited = 0;

  g_signal_connect_swapped (store, "edited", G_CALLBACK (g_atomic_int_inc), &edited);

  gloss_store_begin_group (store, "Tag all occurrences");
  add_mention (store, "PER", 9, 23, NULL);
  gloss_store_begin_group (store, "nested");
  add_mention (store, "PER", 48, 59, NULL);
  gloss_store_end_group (store);
  g_assert_false (gloss_store_can_undo (store));
  add_mention (store, "PER", 118, 121, NULL);
  gloss_store_end_group (store);

  g_assert_cmpuint (edited, ==, 1);
  g_assert_cmpstr (gloss_store_get_undo_label (store), ==, "Tag all occurrences");
  g_assert_true (gloss_store_undo (store));
  now = dump (store);
  g_assert_cmpstr (now, ==, empty);
  g_assert_false (gloss_store_can_undo (store));
  g_assert_cmpstr (gloss_store_get_redo_label (store), ==, "Tag all occurrences");
  g_assert_cmpuint (edited, ==, 2);

  /* An empty group records nothing. */
  gloss_store_begin_group (store, "nothing");
  gloss_store_end_group (store);
  g_assert_true (gloss_store_can_redo (store));
}

static void
count_items_changed (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     int        *balance)
{
  *balance += (int)added - (int)removed;
  g_assert_cmpuint (position, <=, g_list_model_get_n_items (model));
}

static void
count_changed (GlossStore      *store,
               int              kind,
               GlossAnnotation *annotation,
               guint           *n)
{
  (*n)++;
}

/* Random edits, checked against brute force, and undone to the start. */
/* Every entity's mentions, from the store's index, equal a walk over all
 * mentions, in text order. */
static void
check_mentions_of (GlossStore *store)
{
  GListModel *entities = gloss_store_get_list (store, GLOSS_KIND_ENTITY);
  GListModel *mentions = gloss_store_get_list (store, GLOSS_KIND_MENTION);

  for (guint e = 0; e < g_list_model_get_n_items (entities); e++)
    {
      g_autoptr(GlossEntity) entity = g_list_model_get_item (entities, e);
      g_autoptr(GPtrArray) indexed = gloss_store_get_mentions_of (store, entity);
      guint found = 0;

      for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
        {
          g_autoptr(GlossMention) m = g_list_model_get_item (mentions, i);

          if (gloss_mention_get_entity (m) != entity)
            continue;
          g_assert_cmpuint (found, <, indexed->len);
          g_assert_true (g_ptr_array_index (indexed, found) == m);
          found++;
        }
      g_assert_cmpuint (found, ==, indexed->len);
      g_assert_cmpuint (gloss_entity_get_n_mentions (entity), ==, found);
    }
}

static void
test_random_undo_redo (void)
{
  g_autoptr(GlossStore) store = new_store ();
  GRand *rand = g_rand_new_with_seed (20261127);
  guint length = gloss_document_get_length (gloss_store_get_document (store));
  GPtrArray *states = g_ptr_array_new_with_free_func (g_free);
  int balance = 0;
  guint n_changed = 0;
  static const char * const types[] = { "PER", "ORG", "GPE", "EQP" };

  g_signal_connect (gloss_store_get_list (store, GLOSS_KIND_MENTION), "items-changed",
                    G_CALLBACK (count_items_changed), &balance);
  g_signal_connect (store, "changed", G_CALLBACK (count_changed), &n_changed);

  g_ptr_array_add (states, dump (store));
  for (guint step = 0; step < 400; step++)
    {
      guint n_mentions = gloss_store_get_n_items (store, GLOSS_KIND_MENTION);
      guint n_entities = gloss_store_get_n_items (store, GLOSS_KIND_ENTITY);
      guint action = g_rand_int_range (rand, 0, 7);

      if (action <= 2 || n_mentions == 0)
        {
          guint s = g_rand_int_range (rand, 0, length - 1);
          guint len = g_rand_int_range (rand, 1, 15);
          guint e = MIN (length, s + len);
          GlossEntity *entity = NULL;

          if (n_entities > 0 && g_rand_boolean (rand))
            {
              entity = g_list_model_get_item (gloss_store_get_list (store, GLOSS_KIND_ENTITY),
                                              g_rand_int_range (rand, 0, n_entities));
              g_object_unref (entity);
            }
          add_mention (store, types[g_rand_int_range (rand, 0, 4)], s, e, entity);
        }
      else if (action == 3)
        {
          add_entity (store, "PER", "someone");
        }
      else if (action == 4)
        {
          g_autoptr(GlossAnnotation) m =
            g_list_model_get_item (gloss_store_get_list (store, GLOSS_KIND_MENTION),
                                   g_rand_int_range (rand, 0, n_mentions));
          g_assert_true (gloss_store_remove (store, m, NULL));
        }
      else if (action == 5)
        {
          g_autoptr(GlossAnnotation) m =
            g_list_model_get_item (gloss_store_get_list (store, GLOSS_KIND_MENTION),
                                   g_rand_int_range (rand, 0, n_mentions));
          g_autoptr(GlossAnnotation) draft = gloss_annotation_copy (m);
          GlossSpan spans[2];

          spans[0].start = g_rand_int_range (rand, 0, length - 2);
          spans[0].end = spans[0].start + 1;
          spans[1].start = g_rand_int_range (rand, 0, length - 2);
          spans[1].end = spans[1].start + 2;
          gloss_annotation_set_spans (draft, GLOSS_ROLE_CONTENT, spans, g_rand_boolean (rand) ? 2 : 1);
          gloss_annotation_set_note (draft, "moved");
          /* and now and then to another entity, or to none */
          if (n_entities > 0 && g_rand_boolean (rand))
            {
              g_autoptr(GlossEntity) other =
                g_list_model_get_item (gloss_store_get_list (store, GLOSS_KIND_ENTITY),
                                       g_rand_int_range (rand, 0, n_entities));

              gloss_mention_set_entity (GLOSS_MENTION (draft), g_rand_boolean (rand) ? other : NULL);
            }
          g_assert_true (gloss_store_replace (store, m, draft, NULL));
        }
      else if (n_entities > 0)
        {
          g_autoptr(GlossAnnotation) e =
            g_list_model_get_item (gloss_store_get_list (store, GLOSS_KIND_ENTITY),
                                   g_rand_int_range (rand, 0, n_entities));
          g_assert_true (gloss_store_remove (store, e, NULL));
        }
      else
        continue;

      g_ptr_array_add (states, dump (store));
      check_mentions_of (store);
      g_assert_cmpint (balance, ==, (int)gloss_store_get_n_items (store, GLOSS_KIND_MENTION));

      /* Now and then undo a few steps and redo them. */
      if (g_rand_int_range (rand, 0, 10) == 0)
        {
          guint k = g_rand_int_range (rand, 1, 5);
          guint done = 0;

          for (; done < k && gloss_store_undo (store); done++)
            {
              g_autofree char *s = dump (store);
              g_assert_cmpstr (s, ==, g_ptr_array_index (states, states->len - 2 - done));
              check_mentions_of (store);
            }
          for (guint i = 0; i < done; i++)
            g_assert_true (gloss_store_redo (store));
          {
            g_autofree char *s = dump (store);
            g_assert_cmpstr (s, ==, g_ptr_array_index (states, states->len - 1));
          }
        }

      /* The index agrees with a brute-force scan. */
      {
        guint a = g_rand_int_range (rand, 0, length);
        guint len = g_rand_int_range (rand, 1, 40);
        guint b = MIN (length, a + len);
        g_autoptr(GArray) hits = gloss_store_query_range (store, a, b, GLOSS_KIND_MASK (GLOSS_KIND_MENTION));
        GListModel *list = gloss_store_get_list (store, GLOSS_KIND_MENTION);
        guint expected = 0;

        for (guint i = 0; i < g_list_model_get_n_items (list); i++)
          {
            g_autoptr(GlossAnnotation) m = g_list_model_get_item (list, i);
            const GlossSpan *spans;
            guint n;

            spans = gloss_annotation_get_spans (m, GLOSS_ROLE_CONTENT, &n);
            for (guint j = 0; j < n; j++)
              if (spans[j].start < b && spans[j].end > a)
                expected++;
            if (i > 0)
              {
                g_autoptr(GlossAnnotation) prev = g_list_model_get_item (list, i - 1);
                g_assert_cmpint (gloss_annotation_compare (prev, m), <, 0);
              }
          }
        g_assert_cmpuint (hits->len, ==, expected);
        for (guint i = 1; i < hits->len; i++)
          g_assert_cmpuint (g_array_index (hits, GlossSpanHit, i - 1).start, <=,
                            g_array_index (hits, GlossSpanHit, i).start);
      }
    }

  /* Undo everything: back to the empty store, and redo to the end. */
  while (gloss_store_undo (store))
    ;
  {
    g_autofree char *s = dump (store);
    g_assert_cmpstr (s, ==, g_ptr_array_index (states, 0));
  }
  while (gloss_store_redo (store))
    ;
  {
    g_autofree char *s = dump (store);
    g_assert_cmpstr (s, ==, g_ptr_array_index (states, states->len - 1));
  }
  g_assert_cmpuint (n_changed, >, 400);

  g_ptr_array_unref (states);
  g_rand_free (rand);
  g_signal_handlers_disconnect_by_data (gloss_store_get_list (store, GLOSS_KIND_MENTION), &balance);
  g_assert_finalize_object (g_steal_pointer (&store));
}


/* A mirror of a GListModel kept up to date from items-changed alone: after
 * every emission the model must hold, at every position, what the mirror
 * says (GtkListView relies on this). */
typedef struct
{
  GListModel *model;
  GPtrArray  *mirror;
  guint       n_emissions;
} Mirror;

static void
mirror_check (Mirror *m)
{
  g_assert_cmpuint (g_list_model_get_n_items (m->model), ==, m->mirror->len);
  for (guint i = 0; i < m->mirror->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (m->model, i);

      g_assert_true (item == g_ptr_array_index (m->mirror, i));
    }
}

static void
mirror_items_changed (GListModel *model,
                      guint       position,
                      guint       removed,
                      guint       added,
                      Mirror     *m)
{
  g_assert_cmpuint (position + removed, <=, m->mirror->len);
  g_ptr_array_remove_range (m->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, position + i);

      g_assert_nonnull (item);
      g_ptr_array_insert (m->mirror, position + i, g_steal_pointer (&item));
    }
  m->n_emissions++;
  mirror_check (m);
}

static void
mirror_init (Mirror     *m,
             GListModel *model)
{
  m->model = model;
  m->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  m->n_emissions = 0;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (m->mirror, g_list_model_get_item (model, i));
  g_signal_connect (model, "items-changed", G_CALLBACK (mirror_items_changed), m);
}

static void
mirror_clear (Mirror *m)
{
  g_signal_handlers_disconnect_by_data (m->model, m);
  g_clear_pointer (&m->mirror, g_ptr_array_unref);
}

static void
move_mention (GlossStore   *store,
              GlossMention *mention,
              guint         start,
              guint         end)
{
  g_autoptr(GlossAnnotation) draft = gloss_annotation_copy (GLOSS_ANNOTATION (mention));
  g_autoptr(GError) error = NULL;
  GlossSpan span = { start, end };

  gloss_annotation_set_spans (draft, GLOSS_ROLE_CONTENT, &span, 1);
  g_assert_true (gloss_store_replace (store, GLOSS_ANNOTATION (mention), draft, &error));
  g_assert_no_error (error);
}

static void
test_items_changed (void)
{
  g_autoptr(GlossStore) store = new_store ();
  GlossEntity *putin = add_entity (store, "PER", "Vladimir Putin");
  GlossEntity *kim = add_entity (store, "PER", "Kim Jong Un");
  GlossMention *first;
  GlossMention *last;
  Mirror mirrors[GLOSS_N_KINDS];

  for (guint k = 0; k < GLOSS_N_KINDS; k++)
    mirror_init (&mirrors[k], gloss_store_get_list (store, k));

  first = add_mention (store, "GPE", 0, 6, NULL);
  add_mention (store, "PER", 9, 23, putin);
  add_mention (store, "PER", 48, 59, kim);
  add_mention (store, "FAC", 67, 88, NULL);
  last = add_mention (store, "PER", 118, 121, kim);

  /* first to last and back, then across the middle, both ways */
  move_mention (store, first, 125, 127);
  move_mention (store, first, 0, 6);
  move_mention (store, last, 30, 33);
  g_assert_true (gloss_store_undo (store));
  g_assert_true (gloss_store_undo (store));
  g_assert_true (gloss_store_undo (store));
  g_assert_true (gloss_store_redo (store));
  g_assert_true (gloss_store_redo (store));
  g_assert_true (gloss_store_redo (store));

  /* a merge moves mentions between entities and removes one */
  g_assert_true (gloss_store_merge_entities (store, putin, kim, NULL));
  g_assert_cmpuint (gloss_entity_get_n_mentions (putin), ==, 3);
  g_assert_true (gloss_store_undo (store));
  g_assert_cmpuint (gloss_entity_get_n_mentions (putin), ==, 1);
  g_assert_cmpuint (gloss_entity_get_n_mentions (kim), ==, 2);
  g_assert_true (gloss_store_redo (store));
  g_assert_cmpuint (gloss_entity_get_n_mentions (putin), ==, 3);
  g_assert_true (gloss_store_undo (store));
  g_assert_true (gloss_store_remove (store, GLOSS_ANNOTATION (kim), NULL));
  g_assert_cmpuint (gloss_entity_get_n_mentions (kim), ==, 0);
  g_assert_true (gloss_store_undo (store));
  g_assert_cmpuint (gloss_entity_get_n_mentions (kim), ==, 2);

  while (gloss_store_undo (store))
    ;
  while (gloss_store_redo (store))
    ;

  g_assert_cmpuint (mirrors[GLOSS_KIND_MENTION].n_emissions, >, 20);
  for (guint k = 0; k < GLOSS_N_KINDS; k++)
    {
      mirror_check (&mirrors[k]);
      mirror_clear (&mirrors[k]);
    }
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_query (void)
{
  g_autoptr(GlossStore) store = new_store ();
  GlossSpan quote[2] = { { 87, 100 }, { 101, 111 } };
  g_autoptr(GlossClaim) claim = gloss_claim_new ("quote", quote, 2);
  GlossSpan cue = { 118, 122 };
  g_autoptr(GArray) hits = NULL;

  add_mention (store, "ORG", 0, 23, NULL);
  add_mention (store, "GPE", 0, 6, NULL);
  add_mention (store, "PER", 9, 23, NULL);
  gloss_annotation_set_spans (GLOSS_ANNOTATION (claim), GLOSS_ROLE_CUE, &cue, 1);
  g_assert_true (gloss_store_add (store, GLOSS_ANNOTATION (claim), NULL));

  hits = gloss_store_query_at (store, 3, GLOSS_KIND_MASK_ALL);
  g_assert_cmpuint (hits->len, ==, 2);
  /* Outermost first. */
  g_assert_cmpuint (g_array_index (hits, GlossSpanHit, 0).end, ==, 23);
  g_assert_cmpuint (g_array_index (hits, GlossSpanHit, 1).end, ==, 6);
  g_clear_pointer (&hits, g_array_unref);

  hits = gloss_store_query_range (store, 95, 120, GLOSS_KIND_MASK_ALL);
  g_assert_cmpuint (hits->len, ==, 3);
  g_assert_cmpuint (g_array_index (hits, GlossSpanHit, 0).fragment, ==, 0);
  g_assert_cmpuint (g_array_index (hits, GlossSpanHit, 1).fragment, ==, 1);
  g_assert_cmpuint (g_array_index (hits, GlossSpanHit, 2).role, ==, GLOSS_ROLE_CUE);
  g_clear_pointer (&hits, g_array_unref);

  hits = gloss_store_query_range (store, 95, 120, GLOSS_KIND_MASK (GLOSS_KIND_MENTION));
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_array_unref);

  hits = gloss_store_query_range (store, 30, 30, GLOSS_KIND_MASK_ALL);
  g_assert_cmpuint (hits->len, ==, 0);
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_CLAIM), ==, 1);
}

typedef struct
{
  int      value;      /* what the steps change, outside the store */
  gboolean fail;
  guint    destroyed;
} Outside;

static gboolean
outside_step (gpointer   data,
              gboolean   forward,
              GError   **error)
{
  Outside *outside = data;

  if (outside->fail)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left on device");
      return FALSE;
    }
  outside->value += forward ? 1 : -1;
  return TRUE;
}

static void
outside_destroyed (gpointer data)
{
  ((Outside *) data)->destroyed++;
}

/* A step outside the store (a project's rejection) is one undo step with
 * its label; undo and redo call it, a failure leaves it where it was; it
 * does not make the document modified. */
static void
test_outside_steps (void)
{
  g_autoptr(GlossStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  Outside outside = { 0 };
  guint edited = 0;

  add_mention (store, "PER", 9, 23, NULL);
  gloss_store_mark_saved (store);
  g_signal_connect_swapped (store, "edited", G_CALLBACK (g_atomic_int_inc), &edited);

  outside.value = 1;   /* done by the caller */
  gloss_store_add_outside_step (store, "Reject “Putin”", outside_step, &outside, outside_destroyed);
  g_assert_cmpuint (edited, ==, 1);
  g_assert_cmpstr (gloss_store_get_undo_label (store), ==, "Reject “Putin”");
  g_assert_false (gloss_store_get_modified (store));

  g_assert_true (gloss_store_undo_full (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outside.value, ==, 0);
  g_assert_cmpuint (edited, ==, 2);
  g_assert_false (gloss_store_get_modified (store));
  g_assert_cmpstr (gloss_store_get_redo_label (store), ==, "Reject “Putin”");
  g_assert_true (gloss_store_redo_full (store, &error));
  g_assert_cmpint (outside.value, ==, 1);

  /* A failure: nothing changes, the step is still the one to undo. */
  outside.fail = TRUE;
  g_assert_false (gloss_store_undo_full (store, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_assert_false (gloss_store_undo (store));
  g_assert_cmpint (outside.value, ==, 1);
  g_assert_cmpuint (edited, ==, 3);
  g_assert_cmpstr (gloss_store_get_undo_label (store), ==, "Reject “Putin”");
  outside.fail = FALSE;

  /* Behind it, the mention's step still makes the document modified. */
  g_assert_true (gloss_store_undo (store));
  g_assert_true (gloss_store_undo (store));
  g_assert_cmpint (outside.value, ==, 0);
  g_assert_true (gloss_store_get_modified (store));
  g_assert_true (gloss_store_redo (store));
  g_assert_false (gloss_store_get_modified (store));

  /* In a group with annotations: one step, modified. */
  gloss_store_begin_group (store, "Both");
  add_mention (store, "ORG", 0, 6, NULL);
  outside.value++;
  gloss_store_add_outside_step (store, NULL, outside_step, &outside, outside_destroyed);
  gloss_store_end_group (store);
  /* (the first step, undone, went with what could be redone) */
  g_assert_cmpuint (outside.destroyed, ==, 1);
  g_assert_cmpstr (gloss_store_get_undo_label (store), ==, "Both");
  g_assert_true (gloss_store_get_modified (store));
  g_assert_true (gloss_store_undo (store));
  g_assert_cmpint (outside.value, ==, 0);
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_MENTION), ==, 1);
  g_assert_false (gloss_store_get_modified (store));

  /* Saved after an outside step: undoing it leaves the document saved. */
  g_assert_true (gloss_store_redo (store));
  outside.value++;
  gloss_store_add_outside_step (store, "Reject", outside_step, &outside, outside_destroyed);
  gloss_store_mark_saved (store);
  g_assert_true (gloss_store_undo (store));
  g_assert_false (gloss_store_get_modified (store));
  g_assert_true (gloss_store_undo (store));
  g_assert_true (gloss_store_get_modified (store));

  /* A new edit drops what could be redone, the steps' data with it; so
   * does clearing the history. */
  add_mention (store, "PER", 34, 37, NULL);
  g_assert_cmpuint (outside.destroyed, ==, 3);
  outside.value++;
  gloss_store_add_outside_step (store, "Reject", outside_step, &outside, outside_destroyed);
  gloss_store_clear_history (store);
  g_assert_cmpuint (outside.destroyed, ==, 4);
}

static void
test_modified (void)
{
  g_autoptr(GlossStore) store = new_store ();
  guint notified = 0;

  g_signal_connect_swapped (store, "notify::modified", G_CALLBACK (g_atomic_int_inc), &notified);
  g_assert_false (gloss_store_get_modified (store));
  add_mention (store, "PER", 9, 23, NULL);
  g_assert_true (gloss_store_get_modified (store));
  gloss_store_mark_saved (store);
  g_assert_false (gloss_store_get_modified (store));
  gloss_store_undo (store);
  g_assert_true (gloss_store_get_modified (store));
  gloss_store_redo (store);
  g_assert_false (gloss_store_get_modified (store));
  gloss_store_undo (store);
  add_mention (store, "ORG", 0, 6, NULL);
  /* The saved state can no longer be reached by undo or redo. */
  gloss_store_undo (store);
  g_assert_true (gloss_store_get_modified (store));
  g_assert_cmpuint (notified, >=, 4);

  gloss_store_mark_saved (store);
  {
    guint can_undo = 0, can_redo = 0;

    /* notified on a real change only */
    g_signal_connect_swapped (store, "notify::can-undo", G_CALLBACK (g_atomic_int_inc), &can_undo);
    g_signal_connect_swapped (store, "notify::can-redo", G_CALLBACK (g_atomic_int_inc), &can_redo);
    add_mention (store, "PER", 30, 33, NULL);
    /* undo was empty, redo held the ORG mention: both changed */
    g_assert_cmpuint (can_undo, ==, 1);
    g_assert_cmpuint (can_redo, ==, 1);
    add_mention (store, "PER", 34, 37, NULL);
    g_assert_cmpuint (can_undo, ==, 1);
    g_assert_cmpuint (can_redo, ==, 1);
    gloss_store_undo (store);
    g_assert_cmpuint (can_redo, ==, 2);
    gloss_store_redo (store);
    g_assert_cmpuint (can_redo, ==, 3);
    g_assert_cmpuint (can_undo, ==, 1);
    g_signal_handlers_disconnect_by_data (store, &can_undo);
    g_signal_handlers_disconnect_by_data (store, &can_redo);
    gloss_store_mark_saved (store);
  }
  gloss_label_set_color (gloss_schema_lookup (gloss_store_get_schema (store), GLOSS_LABEL_ENTITY, "PER"),
                         "#000000");
  g_assert_true (gloss_store_get_modified (store));
}

/* The enums are registered GTypes: signals and properties carry them,
 * and their nicks are the names files use. */
static void
test_enum_types (void)
{
  g_autoptr(GlossProjectDocument) doc = gloss_project_document_new ("a.gloss");
  g_autoptr(GEnumClass) certainty = g_type_class_ref (GLOSS_TYPE_CERTAINTY);
  g_autoptr(GEnumClass) progress = g_type_class_ref (GLOSS_TYPE_PROGRESS);
  g_autoptr(GEnumClass) kinds = g_type_class_ref (GLOSS_TYPE_ANNOTATION_KIND);
  g_autoptr(GTypeClass) store_class = g_type_class_ref (GLOSS_TYPE_STORE);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (doc), "status");
  GSignalQuery query;

  g_signal_query (g_signal_lookup ("changed", G_TYPE_FROM_CLASS (store_class)), &query);
  g_assert_cmpuint (query.n_params, ==, 2);
  g_assert_true (query.param_types[0] == GLOSS_TYPE_CHANGE);
  g_signal_query (g_signal_lookup ("edited", GLOSS_TYPE_STORE), &query);
  g_assert_true (query.param_types[1] == GLOSS_TYPE_EDIT_DIRECTION);

  g_assert_true (G_IS_PARAM_SPEC_ENUM (pspec));
  g_assert_true (pspec->value_type == GLOSS_TYPE_PROGRESS);
  g_object_set (doc, "status", GLOSS_PROGRESS_IN_PROGRESS, NULL);
  g_assert_cmpint (gloss_project_document_get_status (doc), ==, GLOSS_PROGRESS_IN_PROGRESS);
  g_assert_cmpstr (g_enum_get_value (progress, GLOSS_PROGRESS_IN_PROGRESS)->value_nick, ==, "in-progress");

  for (GlossCertainty c = GLOSS_CERTAINTY_ASSERTED; c <= GLOSS_CERTAINTY_DENIED; c++)
    g_assert_cmpstr (g_enum_get_value (certainty, c)->value_nick, ==, gloss_certainty_to_string (c));
  g_assert_cmpuint (kinds->n_values, ==, GLOSS_N_KINDS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/store/add-and-list", test_add_and_list);
  g_test_add_func ("/core/store/frozen", test_frozen);
  g_test_add_func ("/core/store/errors", test_errors);
  g_test_add_func ("/core/store/entity-cascade", test_entity_cascade);
  g_test_add_func ("/core/store/groups", test_groups);
  g_test_add_func ("/core/store/query", test_query);
  g_test_add_func ("/core/store/modified", test_modified);
  g_test_add_func ("/core/store/outside-steps", test_outside_steps);
  g_test_add_func ("/core/store/random-undo-redo", test_random_undo_redo);
  g_test_add_func ("/core/store/items-changed", test_items_changed);
  g_test_add_func ("/core/store/enum-types", test_enum_types);

  return g_test_run ();
}
