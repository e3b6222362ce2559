/* test-edits.c: every undoable edit command of the window, without a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each command is one step of the store's history, with the label the
 * undo toast shows, and undoing it gives back the store as it was.
 */
#include "config.h"

#include <string.h>

#include "gloss-edits.h"
#include "gloss-error.h"

static const char *text =
  "Kim met Putin. “Kim’s rockets fly,” Kim said 😀; Kimchi is food. "
  "Kim Jong Un left, and Putin’s 漢字 aide waved.";

static GlossStore *
new_store (void)
{
  g_autoptr(GlossDocument) doc = gloss_document_new_from_text (text, -1, "edits", NULL);

  return gloss_store_new (doc, NULL);
}

/* The code point offset of the @nth (0-based) occurrence of @needle. */
static guint
find (GlossStore *store,
      const char *needle,
      guint       nth)
{
  GlossDocument *document = gloss_store_get_document (store);
  const char *haystack = gloss_document_get_text (document);
  const char *p = strstr (haystack, needle);

  for (guint i = 0; i < nth && p != NULL; i++)
    p = strstr (p + 1, needle);
  g_assert_nonnull (p);
  return gloss_document_byte_to_cp (document, p - haystack);
}

static GlossMention *
tag (GlossStore *store,
     const char *type_id,
     const char *needle,
     guint       nth)
{
  g_autoptr(GError) error = NULL;
  guint start = find (store, needle, nth);
  GlossMention *mention = gloss_edit_tag (store, type_id, start, start + g_utf8_strlen (needle, -1), &error);

  g_assert_no_error (error);
  g_assert_nonnull (mention);
  return mention;
}

static void
assert_text (GlossStore      *store,
             GlossAnnotation *annotation,
             GlossSpanRole    role,
             guint            i,
             const char      *expected)
{
  const GlossSpan *spans;
  guint n;

  spans = gloss_annotation_get_spans (annotation, role, &n);
  g_assert_cmpuint (i, <, n);
  g_assert_true (gloss_document_slice_equals (gloss_store_get_document (store),
                                              spans[i].start, spans[i].end, expected, -1));
}

static guint
count (GlossStore          *store,
       GlossAnnotationKind  kind)
{
  return gloss_store_get_n_items (store, kind);
}

static void
test_tag (void)
{
  g_autoptr(GlossStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  GlossMention *first, *again, *second;

  first = tag (store, "PER", "Kim", 0);
  g_assert_cmpstr (gloss_store_get_undo_label (store), ==, "Tag “Kim” as Person");
  g_assert_cmpuint (count (store, GLOSS_KIND_ENTITY), ==, 1);
  g_assert_cmpstr (gloss_entity_get_name (gloss_mention_get_entity (first)), ==, "Kim");

  /* The same text and type again: the mention there, no new step. */
  again = tag (store, "PER", "Kim", 0);
  g_assert_true (again == first);
  g_assert_true (gloss_store_undo (store));
  g_assert_false (gloss_store_can_undo (store));
  g_assert_true (gloss_store_redo (store));

  /* The second "Kim" joins the first one's entity. */
  second = tag (store, "PER", "Kim", 1);
  g_assert_true (gloss_mention_get_entity (second) == gloss_mention_get_entity (first));
  g_assert_cmpuint (count (store, GLOSS_KIND_ENTITY), ==, 1);
  assert_text (store, GLOSS_ANNOTATION (second), GLOSS_ROLE_CONTENT, 0, "Kim");

  /* Undo takes the mention and the entity it made as one step. */
  g_assert_true (gloss_store_undo (store));
  g_assert_true (gloss_store_undo (store));
  g_assert_cmpuint (count (store, GLOSS_KIND_MENTION), ==, 0);
  g_assert_cmpuint (count (store, GLOSS_KIND_ENTITY), ==, 0);

  /* Nothing selected, or out of the text: refused. */
  g_assert_null (gloss_edit_tag (store, "PER", 3, 3, &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_SPAN);
  g_clear_error (&error);
  g_assert_null (gloss_edit_tag (store, "PER", 0, 100000, &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_SPAN);
}

static void
test_retype (void)
{
  g_autoptr(GlossStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  GlossMention *kim = tag (store, "PER", "Kim", 0);
  GlossMention *kim2 = tag (store, "PER", "Kim", 1);
  GlossEntity *person = gloss_mention_get_entity (kim);
  GlossEntity *org;

  /* The person is still referred to by the second "Kim": it stays. */
  g_assert_true (gloss_edit_retype (store, kim, "ORG", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_store_get_undo_label (store), ==, "Tag “Kim” as Organization");
  org = gloss_mention_get_entity (kim);
  g_assert_true (org != person);
  g_assert_cmpstr (gloss_annotation_get_type_id (GLOSS_ANNOTATION (org)), ==, "ORG");
  g_assert_cmpstr (gloss_entity_get_name (org), ==, "Kim");
  g_assert_cmpuint (count (store, GLOSS_KIND_ENTITY), ==, 2);

  /* The second joins the organization; the person, orphaned, goes. */
  g_assert_true (gloss_edit_retype (store, kim2, "ORG", &error));
  g_assert_true (gloss_mention_get_entity (kim2) == org);
  g_assert_cmpuint (count (store, GLOSS_KIND_ENTITY), ==, 1);

  /* The same type: nothing to do. */
  g_assert_true (gloss_edit_retype (store, kim2, "ORG", &error));
  g_assert_cmpstr (gloss_store_get_undo_label (store), ==, "Tag “Kim” as Organization");

  g_assert_true (gloss_store_undo (store));
  g_assert_cmpuint (count (store, GLOSS_KIND_ENTITY), ==, 2);
  g_assert_cmpstr (gloss_annotation_get_type_id (GLOSS_ANNOTATION (kim2)), ==, "PER");
  g_assert_true (gloss_store_undo (store));
  g_assert_cmpuint (count (store, GLOSS_KIND_ENTITY), ==, 1);
  g_assert_true (gloss_mention_get_entity (kim) == person);
}

static void
test_tag_all (void)
{
  g_autoptr(GlossStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  GlossMention *kim;
  guint added = 99;

  /* "Kim" inside a tagged "Kim Jong Un" counts as tagged; "Kimchi" is
   * another word; "Kim’s" holds the name. */
  tag (store, "PER", "Kim Jong Un", 0);
  kim = tag (store, "PER", "Kim", 0);
  g_assert_true (gloss_edit_tag_all (store, kim, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 2);
  g_assert_cmpstr (gloss_store_get_undo_label (store), ==, "Tag All “Kim”");
  g_assert_cmpuint (count (store, GLOSS_KIND_MENTION), ==, 4);
  g_assert_nonnull (gloss_edit_find_mention (store, find (store, "Kim’s", 0), find (store, "Kim’s", 0) + 3, "PER"));
  g_assert_nonnull (gloss_edit_find_mention (store, find (store, "Kim said", 0), find (store, "Kim said", 0) + 3, NULL));
  g_assert_null (gloss_edit_find_mention (store, find (store, "Kimchi", 0), find (store, "Kimchi", 0) + 3, NULL));
  for (guint i = 0; i < count (store, GLOSS_KIND_MENTION); i++)
    {
      g_autoptr(GlossMention) m = g_list_model_get_item (gloss_store_get_list (store, GLOSS_KIND_MENTION), i);

      if (gloss_annotation_get_end (GLOSS_ANNOTATION (m)) - gloss_annotation_get_start (GLOSS_ANNOTATION (m)) == 3)
        g_assert_true (gloss_mention_get_entity (m) == gloss_mention_get_entity (kim));
    }

  /* Again: nothing left, no step. */
  g_assert_true (gloss_edit_tag_all (store, kim, &added, &error));
  g_assert_cmpuint (added, ==, 0);

  /* One step: undo takes both. */
  g_assert_true (gloss_store_undo (store));
  g_assert_cmpuint (count (store, GLOSS_KIND_MENTION), ==, 2);

  /* After the emoji and the CJK text, offsets stay code points. */
  kim = tag (store, "PER", "Putin", 0);
  g_assert_true (gloss_edit_tag_all (store, kim, &added, &error));
  g_assert_cmpuint (added, ==, 1);
  g_assert_nonnull (gloss_edit_find_mention (store, find (store, "Putin’s", 0), find (store, "Putin’s", 0) + 5, "PER"));
}

static void
test_link_and_merge (void)
{
  g_autoptr(GlossStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  GlossMention *kim = tag (store, "PER", "Kim", 0);
  GlossMention *kju = tag (store, "PER", "Kim Jong Un", 0);
  GlossMention *putin = tag (store, "PER", "Putin", 0);
  GlossEntity *full = gloss_mention_get_entity (kju);
  GlossEntity *short_name = gloss_mention_get_entity (kim);

  /* Linking "Kim" to "Kim Jong Un" leaves the entity "Kim" with nothing:
   * it goes in the same step. */
  g_assert_true (gloss_edit_link_entity (store, kim, full, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_store_get_undo_label (store), ==, "Link to “Kim Jong Un”");
  g_assert_true (gloss_mention_get_entity (kim) == full);
  g_assert_null (gloss_store_lookup (store, gloss_annotation_get_id (GLOSS_ANNOTATION (short_name))));
  g_assert_true (gloss_store_undo (store));
  g_assert_true (gloss_mention_get_entity (kim) == short_name);
  g_assert_cmpuint (count (store, GLOSS_KIND_ENTITY), ==, 3);

  /* Merging moves every mention over and removes the other entity. */
  g_assert_true (gloss_edit_merge_entities (store, full, short_name, &error));
  g_assert_cmpstr (gloss_store_get_undo_label (store), ==, "Merge “Kim” into “Kim Jong Un”");
  g_assert_true (gloss_mention_get_entity (kim) == full);
  g_assert_cmpuint (count (store, GLOSS_KIND_ENTITY), ==, 2);
  g_assert_true (gloss_store_undo (store));
  g_assert_cmpuint (count (store, GLOSS_KIND_ENTITY), ==, 3);

  /* Unlinking. */
  g_assert_true (gloss_edit_link_entity (store, putin, NULL, &error));
  g_assert_null (gloss_mention_get_entity (putin));
  g_assert_cmpuint (count (store, GLOSS_KIND_ENTITY), ==, 2);
}

static void
test_entity_fields (void)
{
  g_autoptr(GlossStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  GlossMention *kju = tag (store, "PER", "Kim Jong Un", 0);
  GlossEntity *entity = gloss_mention_get_entity (kju);
  g_autoptr(JsonNode) level = json_node_new (JSON_NODE_VALUE);

  g_assert_true (gloss_edit_rename_entity (store, entity, "Kim Jong-un", &error));
  g_assert_cmpstr (gloss_store_get_undo_label (store), ==, "Rename “Kim Jong Un” to “Kim Jong-un”");
  g_assert_cmpstr (gloss_entity_get_name (entity), ==, "Kim Jong-un");
  g_assert_true (gloss_edit_set_kb (store, entity, "wikidata:Q56226", &error));
  g_assert_cmpstr (gloss_entity_get_kb (entity), ==, "wikidata:Q56226");
  g_assert_cmpstr (gloss_store_get_undo_label (store), ==, "Set Knowledge Base ID");
  /* PREFIX:ID without spaces; anything else is refused, nothing changes. */
  g_assert_false (gloss_edit_set_kb (store, entity, "hello world <script>", &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "is not a knowledge-base id"));
  g_clear_error (&error);
  g_assert_false (gloss_edit_set_kb (store, entity, "wikidata:", &error));
  g_clear_error (&error);
  g_assert_cmpstr (gloss_entity_get_kb (entity), ==, "wikidata:Q56226");
  g_assert_true (gloss_entity_check_kb ("wd:Q1", NULL));
  g_assert_false (gloss_entity_check_kb ("1wd:Q1", NULL));
  g_assert_true (gloss_edit_set_kb (store, entity, "", &error));
  g_assert_null (gloss_entity_get_kb (entity));
  g_assert_true (gloss_edit_set_note (store, GLOSS_ANNOTATION (kju), "leader", &error));
  g_assert_cmpstr (gloss_annotation_get_note (GLOSS_ANNOTATION (kju)), ==, "leader");
  json_node_set_string (level, "name");
  g_assert_true (gloss_edit_set_attribute (store, GLOSS_ANNOTATION (kju), "level", level, &error));
  g_assert_cmpstr (gloss_store_get_undo_label (store), ==, "Set “level”");
  g_assert_no_error (error);

  for (guint i = 0; i < 5; i++)
    g_assert_true (gloss_store_undo (store));
  g_assert_cmpstr (gloss_entity_get_name (entity), ==, "Kim Jong Un");
  g_assert_null (gloss_entity_get_kb (entity));
  g_assert_null (gloss_annotation_get_note (GLOSS_ANNOTATION (kju)));
  g_assert_null (gloss_annotation_get_attr (GLOSS_ANNOTATION (kju), "level"));
  g_assert_cmpstr (gloss_store_get_undo_label (store), ==, "Tag “Kim Jong Un” as Person");
}

static void
test_delete (void)
{
  g_autoptr(GlossStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  GlossMention *kim = tag (store, "PER", "Kim", 0);
  GlossMention *kim2 = tag (store, "PER", "Kim", 1);
  GlossEntity *entity = gloss_mention_get_entity (kim);
  g_autoptr(GlossAnnotation) gone = g_object_ref (GLOSS_ANNOTATION (kim2));

  /* Another mention still refers to the entity: it stays. */
  g_assert_true (gloss_edit_delete (store, GLOSS_ANNOTATION (kim2), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_store_get_undo_label (store), ==, "Delete “Kim”");
  g_assert_cmpuint (count (store, GLOSS_KIND_ENTITY), ==, 1);

  /* The last one takes its entity along, in one step. */
  g_assert_true (gloss_edit_delete (store, GLOSS_ANNOTATION (kim), &error));
  g_assert_cmpuint (count (store, GLOSS_KIND_ENTITY), ==, 0);
  g_assert_true (gloss_store_undo (store));
  g_assert_cmpuint (count (store, GLOSS_KIND_ENTITY), ==, 1);
  g_assert_true (gloss_mention_get_entity (kim) == entity);

  /* What is no longer in the document cannot be edited. */
  g_assert_false (gloss_edit_delete (store, gone, &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (gloss_edit_set_note (store, gone, "x", &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_STATE);
}

static void
test_claims_and_relations (void)
{
  g_autoptr(GlossStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) types = NULL;
  GlossMention *kim = tag (store, "PER", "Kim", 2);
  GlossMention *putin = tag (store, "PER", "Putin", 0);
  GlossEntity *k = gloss_mention_get_entity (kim);
  GlossEntity *p = gloss_mention_get_entity (putin);
  guint quote = find (store, "Kim’s rockets fly,", 0);
  guint said = find (store, "said", 0);
  GlossSpan cue = { said, said + 4 };
  GlossRelation *relation;
  GlossClaim *claim;
  guint n;

  claim = gloss_edit_new_claim (store, NULL, quote, quote + 5, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_store_get_undo_label (store), ==, "Claim “Kim’s” as Assertion");

  /* A fragment that overlaps the first merges with it; one apart stays. */
  g_assert_true (gloss_edit_add_fragment (store, GLOSS_ANNOTATION (claim), quote + 3, quote + 17, &error));
  gloss_annotation_get_spans (GLOSS_ANNOTATION (claim), GLOSS_ROLE_CONTENT, &n);
  g_assert_cmpuint (n, ==, 1);
  assert_text (store, GLOSS_ANNOTATION (claim), GLOSS_ROLE_CONTENT, 0, "Kim’s rockets fly");
  g_assert_true (gloss_edit_add_fragment (store, GLOSS_ANNOTATION (claim), said, said + 4, &error));
  gloss_annotation_get_spans (GLOSS_ANNOTATION (claim), GLOSS_ROLE_CONTENT, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (gloss_edit_find_fragment (GLOSS_ANNOTATION (claim), said, said + 2), ==, 1);
  g_assert_true (gloss_edit_remove_fragment (store, GLOSS_ANNOTATION (claim), 1, &error));
  g_assert_false (gloss_edit_remove_fragment (store, GLOSS_ANNOTATION (claim), 0, &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_SPAN);
  g_clear_error (&error);

  g_assert_true (gloss_edit_set_type (store, GLOSS_ANNOTATION (claim), "quote", &error));
  g_assert_true (gloss_edit_set_claimant (store, claim, k, &error));
  g_assert_cmpstr (gloss_store_get_undo_label (store), ==, "Claimant “Kim”");
  g_assert_cmpstr (gloss_edit_claimant_name (claim), ==, "Kim");
  g_assert_true (gloss_edit_set_spans (store, GLOSS_ANNOTATION (claim), GLOSS_ROLE_CUE, &cue, 1, &error));
  g_assert_cmpstr (gloss_store_get_undo_label (store), ==, "Set Cue “said”");
  g_assert_true (gloss_edit_set_certainty (store, claim, GLOSS_CERTAINTY_HEDGED, &error));
  g_assert_true (gloss_edit_set_about (store, claim, p, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (gloss_claim_is_about (claim, p));
  assert_text (store, GLOSS_ANNOTATION (claim), GLOSS_ROLE_CUE, 0, "said");

  types = gloss_edit_fitting_relation_types (gloss_store_get_schema (store), p, k);
  g_assert_cmpuint (types->len, >, 0);
  relation = gloss_edit_new_relation (store, gloss_label_get_id (types->pdata[0]), p, k, &error);
  g_assert_no_error (error);
  g_assert_nonnull (relation);
  g_assert_true (g_str_has_prefix (gloss_store_get_undo_label (store), "Relate Putin → Kim ("));
  g_assert_true (gloss_edit_set_relation_ends (store, relation, k, p, &error));
  g_assert_true (gloss_relation_get_from (relation) == k);
  {
    g_autofree char *described = gloss_edit_describe (store, GLOSS_ANNOTATION (relation));

    g_assert_cmpstr (described, ==, "Kim → Putin");
  }
  {
    g_autoptr(GlossClaim) quoted = NULL;
    g_autoptr(GlossClaim) plain = NULL;
    g_autofree char *described_quoted = NULL;
    g_autofree char *described_plain = NULL;

    static const char with_marks[] = "“Kim’s rockets fly,”";
    static const char without[] = "Kim’s rockets fly";
    guint at = find (store, with_marks, 0);

    quoted = g_object_ref (gloss_edit_new_claim (store, "quote", at, at + g_utf8_strlen (with_marks, -1), &error));
    g_assert_no_error (error);
    plain = g_object_ref (gloss_edit_new_claim (store, "quote", at + 1, at + 1 + g_utf8_strlen (without, -1), &error));
    g_assert_no_error (error);
    described_quoted = gloss_edit_describe (store, GLOSS_ANNOTATION (quoted));
    described_plain = gloss_edit_describe (store, GLOSS_ANNOTATION (plain));
    /* Its own quotation marks, not a second pair. */
    g_assert_cmpstr (described_quoted, ==, "“Kim’s rockets fly,”");
    g_assert_cmpstr (described_plain, ==, "“Kim’s rockets fly”");
    g_assert_true (gloss_store_undo (store));
    g_assert_true (gloss_store_undo (store));
  }
  g_assert_true (gloss_edit_delete (store, GLOSS_ANNOTATION (relation), &error));
  g_assert_cmpstr (gloss_store_get_undo_label (store), ==, "Delete “Kim → Putin”");

  /* Back through every step to the two mentions. */
  while (count (store, GLOSS_KIND_CLAIM) > 0)
    g_assert_true (gloss_store_undo (store));
  g_assert_cmpuint (count (store, GLOSS_KIND_RELATION), ==, 0);
  g_assert_cmpuint (count (store, GLOSS_KIND_MENTION), ==, 2);
}

/* A relation identical to one there (same type, from, to) is not made,
 * nor made by changing another's ends or type; the reverse direction
 * and another type are other relations. */
static void
test_duplicate_relation (void)
{
  g_autoptr(GlossStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  GlossEntity *k = gloss_mention_get_entity (tag (store, "PER", "Kim", 2));
  GlossEntity *p = gloss_mention_get_entity (tag (store, "PER", "Putin", 0));
  GlossRelation *meets, *back, *member;
  g_autofree char *undo = NULL;

  meets = gloss_edit_new_relation (store, "meets_with", p, k, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_edit_find_relation (store, "meets_with", p, k) == meets);
  g_assert_null (gloss_edit_find_relation (store, "meets_with", k, p));
  g_assert_null (gloss_edit_find_relation (store, "member_of", p, k));
  undo = g_strdup (gloss_store_get_undo_label (store));

  g_assert_null (gloss_edit_new_relation (store, "meets_with", p, k, &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS);
  g_assert_cmpstr (error->message, ==, "Putin → Kim is already “Meets with”");
  g_clear_error (&error);
  /* Nothing happened: one relation, no new undo step. */
  g_assert_cmpuint (count (store, GLOSS_KIND_RELATION), ==, 1);
  g_assert_cmpstr (gloss_store_get_undo_label (store), ==, undo);

  back = gloss_edit_new_relation (store, "meets_with", k, p, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_false (gloss_edit_set_relation_ends (store, back, p, k, &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (gloss_relation_get_from (back) == k);
  /* Its own ends again are no duplicate of itself. */
  g_assert_true (gloss_edit_set_relation_ends (store, back, k, p, &error));
  g_assert_no_error (error);

  member = gloss_edit_new_relation (store, "member_of", p, k, &error);
  g_assert_no_error (error);
  g_assert_false (gloss_edit_set_type (store, GLOSS_ANNOTATION (member), "meets_with", &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpstr (gloss_annotation_get_type_id (GLOSS_ANNOTATION (member)), ==, "member_of");
  g_assert_cmpuint (count (store, GLOSS_KIND_RELATION), ==, 3);

  /* Once the first is gone, the same relation can be made again. */
  g_assert_true (gloss_edit_delete (store, GLOSS_ANNOTATION (meets), &error));
  g_assert_nonnull (gloss_edit_new_relation (store, "meets_with", p, k, &error));
  g_assert_no_error (error);
}

static void
test_short_text (void)
{
  g_autoptr(GlossStore) store = new_store ();
  GlossDocument *document = gloss_store_get_document (store);
  guint emoji = find (store, "😀", 0);
  g_autofree char *whole = gloss_edit_short_text (document, emoji, emoji + 3);
  g_autofree char *cut = gloss_edit_short_text (document, 0, 60);

  g_assert_cmpstr (whole, ==, "😀; ");
  g_assert_cmpuint (g_utf8_strlen (cut, -1), <=, 39);
  g_assert_true (g_str_has_suffix (cut, "…"));
  g_assert_true (g_str_has_prefix (cut, "Kim met Putin. “Kim’s"));
}

/* A mention as an import without coreference gives it: no entity. */
static GlossMention *
load_unlinked (GlossStore *store,
               const char *type_id,
               const char *needle,
               guint       nth,
               GlossEntity *entity)
{
  g_autoptr(GError) error = NULL;
  guint start = find (store, needle, nth);
  GlossSpan span = { start, start + g_utf8_strlen (needle, -1) };
  g_autoptr(GlossMention) mention = gloss_mention_new (type_id, &span, 1);

  gloss_mention_set_entity (mention, entity);
  g_assert_true (gloss_store_load_add (store, GLOSS_ANNOTATION (mention), &error));
  g_assert_no_error (error);
  return mention;
}

/* Linking every mention without an entity follows the rule of a new
 * mention: the entity named as the text, else that of the first linked
 * mention of the same text and type, else a new one for all the mentions
 * of that text and type. One step; none with nothing to link. */
static void
test_link_unlinked (void)
{
  g_autoptr(GlossStore) store = new_store ();
  g_autoptr(GlossEntity) vladimir = gloss_entity_new ("PER", "Vladimir Putin");
  g_autoptr(GlossEntity) kju_entity = gloss_entity_new ("PER", "Kim Jong Un");
  g_autoptr(GError) error = NULL;
  GlossMention *kim0, *kim1, *kim2, *putin1, *kju;
  guint linked = 0, created = 0;

  g_assert_true (gloss_store_load_add (store, GLOSS_ANNOTATION (vladimir), NULL));
  g_assert_true (gloss_store_load_add (store, GLOSS_ANNOTATION (kju_entity), NULL));
  load_unlinked (store, "PER", "Putin", 0, vladimir);
  kim0 = load_unlinked (store, "PER", "Kim", 0, NULL);
  kim1 = load_unlinked (store, "ORG", "Kim", 1, NULL);
  kim2 = load_unlinked (store, "PER", "Kim", 2, NULL);
  kju = load_unlinked (store, "PER", "Kim Jong Un", 0, NULL);
  putin1 = load_unlinked (store, "PER", "Putin", 1, NULL);
  g_assert_cmpuint (count (store, GLOSS_KIND_ENTITY), ==, 2);

  g_assert_true (gloss_edit_link_unlinked (store, &linked, &created, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (linked, ==, 5);
  g_assert_cmpuint (created, ==, 2);
  g_assert_cmpstr (gloss_store_get_undo_label (store), ==, "Link 5 Mentions");
  g_assert_cmpuint (count (store, GLOSS_KIND_ENTITY), ==, 4);
  g_assert_nonnull (gloss_mention_get_entity (kim0));
  g_assert_true (gloss_mention_get_entity (kim0) == gloss_mention_get_entity (kim2));
  g_assert_cmpstr (gloss_entity_get_name (gloss_mention_get_entity (kim0)), ==, "Kim");
  g_assert_cmpuint (gloss_entity_get_n_mentions (gloss_mention_get_entity (kim0)), ==, 2);
  /* The same text of another type is another entity. */
  g_assert_cmpstr (gloss_annotation_get_type_id (GLOSS_ANNOTATION (gloss_mention_get_entity (kim1))), ==, "ORG");
  g_assert_cmpstr (gloss_entity_get_name (gloss_mention_get_entity (kim1)), ==, "Kim");
  g_assert_true (gloss_mention_get_entity (kju) == kju_entity);
  g_assert_true (gloss_mention_get_entity (putin1) == vladimir);

  /* One undo takes it all back, the new entities too. */
  g_assert_true (gloss_store_undo (store));
  g_assert_cmpuint (count (store, GLOSS_KIND_ENTITY), ==, 2);
  g_assert_null (gloss_mention_get_entity (kim0));
  g_assert_null (gloss_mention_get_entity (kim1));
  g_assert_null (gloss_mention_get_entity (putin1));
  g_assert_null (gloss_mention_get_entity (kju));
  g_assert_true (gloss_store_redo (store));
  g_assert_true (gloss_mention_get_entity (putin1) == vladimir);
  g_assert_cmpuint (count (store, GLOSS_KIND_ENTITY), ==, 4);

  /* Nothing left to link: no step. */
  g_assert_true (gloss_edit_link_unlinked (store, &linked, &created, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (linked, ==, 0);
  g_assert_cmpuint (created, ==, 0);
  g_assert_true (gloss_store_undo (store));
  g_assert_null (gloss_mention_get_entity (kim0));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/edits/tag", test_tag);
  g_test_add_func ("/core/edits/retype", test_retype);
  g_test_add_func ("/core/edits/tag-all", test_tag_all);
  g_test_add_func ("/core/edits/link-and-merge", test_link_and_merge);
  g_test_add_func ("/core/edits/link-unlinked", test_link_unlinked);
  g_test_add_func ("/core/edits/entity-fields", test_entity_fields);
  g_test_add_func ("/core/edits/delete", test_delete);
  g_test_add_func ("/core/edits/claims-and-relations", test_claims_and_relations);
  g_test_add_func ("/core/edits/duplicate-relation", test_duplicate_relation);
  g_test_add_func ("/core/edits/short-text", test_short_text);

  return g_test_run ();
}
