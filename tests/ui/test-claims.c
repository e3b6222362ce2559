/* test-claims.c: claims, fragments and the done-when flow of issue 4
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "gloss-annotation-view.h"
#include "gloss-application.h"
#include "gloss-claim-editor.h"
#include "gloss-annotation-list-page.h"
#include "gloss-edits.h"
#include "gloss-error.h"
#include "gloss-format-native.h"
#include "gloss-inspector.h"
#include "gloss-window.h"
#include "ui-test-utils.h"

#define QUOTE   "The Russian army and people will certainly win a great victory in the sacred struggle " \
                "for the punishment of a great evil that claims hegemony and feeds an expansionist illusion,"
#define PROMISE "full and unconditional support"
#define PUTIN_QUOTE "That’s why we came here."

static GlossApplication *app;

static GlossClaim *
claim_at (GlossStore *store,
          guint       start)
{
  GListModel *claims = gloss_store_get_list (store, GLOSS_KIND_CLAIM);

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(GlossAnnotation) claim = g_list_model_get_item (claims, i);

      if (gloss_annotation_get_start (claim) == start)
        return GLOSS_CLAIM (claim);
    }
  return NULL;
}

static GlossMention *
mention_at (GlossStore *store,
            guint       start)
{
  GListModel *mentions = gloss_store_get_list (store, GLOSS_KIND_MENTION);

  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(GlossAnnotation) mention = g_list_model_get_item (mentions, i);

      if (gloss_annotation_get_start (mention) == start)
        return GLOSS_MENTION (mention);
    }
  return NULL;
}

static void
assert_span (GlossStore      *store,
             GlossAnnotation *annotation,
             GlossSpanRole    role,
             guint            i,
             const char      *text)
{
  const GlossSpan *spans;
  guint n;

  spans = gloss_annotation_get_spans (annotation, role, &n);
  g_assert_cmpuint (i, <, n);
  g_assert_true (gloss_document_slice_equals (gloss_store_get_document (store),
                                              spans[i].start, spans[i].end, text, -1));
}

/* gloss-edits: every edit one undoable step; fragments merge. */
static void
test_edits_undo (void)
{
  g_autoptr(GlossStore) store = new_sample_store ();
  g_autoptr(GError) error = NULL;
  guint q = find_text (store, QUOTE, 0);
  guint added = find_text (store, "added", 0);
  GlossMention *kju = add_mention (store, "PER", find_text (store, "Kim Jong Un", 0),
                                   text_end ("Kim Jong Un", find_text (store, "Kim Jong Un", 0)), NULL);
  GlossEntity *kim = gloss_mention_get_entity (kju);
  GlossClaim *claim;
  GlossSpan cue = { added, text_end ("added", added) };
  guint n;

  claim = gloss_edit_new_claim (store, NULL, q, q + 20, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_annotation_get_type_id (GLOSS_ANNOTATION (claim)), ==, "assertion");
  g_assert_cmpstr (gloss_store_get_undo_label (store), ==, "Claim “The Russian army and” as Assertion");

  /* A fragment that touches the first merges with it. */
  g_assert_true (gloss_edit_add_fragment (store, GLOSS_ANNOTATION (claim), q + 20, text_end (QUOTE, q), &error));
  gloss_annotation_get_spans (GLOSS_ANNOTATION (claim), GLOSS_ROLE_CONTENT, &n);
  g_assert_cmpuint (n, ==, 1);
  assert_span (store, GLOSS_ANNOTATION (claim), GLOSS_ROLE_CONTENT, 0, QUOTE);

  g_assert_true (gloss_edit_set_type (store, GLOSS_ANNOTATION (claim), "quote", &error));
  g_assert_true (gloss_edit_set_claimant (store, claim, kim, &error));
  g_assert_true (gloss_edit_set_spans (store, GLOSS_ANNOTATION (claim), GLOSS_ROLE_CUE, &cue, 1, &error));
  g_assert_true (gloss_edit_set_certainty (store, claim, GLOSS_CERTAINTY_HEDGED, &error));
  g_assert_true (gloss_edit_set_about (store, claim, kim, TRUE, &error));
  g_assert_true (gloss_edit_set_note (store, GLOSS_ANNOTATION (claim), "read out", &error));
  g_assert_no_error (error);
  g_assert_true (gloss_claim_is_about (claim, kim));
  assert_span (store, GLOSS_ANNOTATION (claim), GLOSS_ROLE_CUE, 0, "added");
  g_assert_cmpstr (gloss_edit_claimant_name (claim), ==, "Kim Jong Un");

  /* The only fragment cannot go. */
  g_assert_false (gloss_edit_remove_fragment (store, GLOSS_ANNOTATION (claim), 0, &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_SPAN);
  g_clear_error (&error);

  for (guint i = 0; i < 6; i++)
    g_assert_true (gloss_store_undo (store));
  g_assert_cmpstr (gloss_annotation_get_type_id (GLOSS_ANNOTATION (claim)), ==, "assertion");
  g_assert_null (gloss_claim_get_claimant (claim));
  gloss_annotation_get_spans (GLOSS_ANNOTATION (claim), GLOSS_ROLE_CUE, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_true (gloss_store_undo (store));
  assert_span (store, GLOSS_ANNOTATION (claim), GLOSS_ROLE_CONTENT, 0, "The Russian army and");
  g_assert_true (gloss_store_undo (store));
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_CLAIM), ==, 0);
}

/* The editor's rows are the edits; each one undoable. */
static void
test_editor (void)
{
  g_autoptr(GlossStore) store = new_sample_store ();
  g_autoptr(GError) error = NULL;
  GlossClaimEditor *editor = GLOSS_CLAIM_EDITOR (g_object_ref_sink (gloss_claim_editor_new ()));
  guint start = find_text (store, PUTIN_QUOTE, 0);
  GlossMention *putin = add_mention (store, "PER", 113, 127, NULL);
  GlossClaim *claim = gloss_edit_new_claim (store, NULL, start, text_end (PUTIN_QUOTE, start), &error);
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (editor));
  gloss_annotation_editor_set_store (GLOSS_ANNOTATION_EDITOR (editor), store);
  gloss_annotation_editor_set_annotation (GLOSS_ANNOTATION_EDITOR (editor), GLOSS_ANNOTATION (claim));
  present_and_wait (GTK_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));

  choose (ADW_COMBO_ROW (find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "Type")), "Quote");
  g_assert_cmpstr (gloss_annotation_get_type_id (GLOSS_ANNOTATION (claim)), ==, "quote");
  choose (ADW_COMBO_ROW (find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "Claimant")), "Vladimir Putin");
  g_assert_true (gloss_claim_get_claimant (claim) == gloss_mention_get_entity (putin));
  choose (ADW_COMBO_ROW (find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "Certainty")), "Hedged");
  g_assert_cmpint (gloss_claim_get_certainty (claim), ==, GLOSS_CERTAINTY_HEDGED);
  {
    AdwEntryRow *note = ADW_ENTRY_ROW (find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Note"));

    gtk_editable_set_text (GTK_EDITABLE (note), "answer to a reporter");
    g_signal_emit_by_name (note, "apply");
    g_assert_cmpstr (gloss_annotation_get_note (GLOSS_ANNOTATION (claim)), ==, "answer to a reporter");
  }
  {
    GtkWidget *negated = find_widget (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "Negated");

    g_assert_nonnull (negated);
    gtk_switch_set_active (GTK_SWITCH (find_widget (negated, GTK_TYPE_SWITCH, NULL)), TRUE);
    iterate ();
    g_assert_true (json_node_get_boolean (gloss_annotation_get_attr (GLOSS_ANNOTATION (claim), "negated")));
  }

  /* Author again, then undo back through every step. */
  choose (ADW_COMBO_ROW (find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "Claimant")), "Author (no claimant)");
  g_assert_null (gloss_claim_get_claimant (claim));
  for (guint i = 0; i < 6; i++)
    g_assert_true (gloss_store_undo (store));
  iterate ();
  g_assert_cmpstr (gloss_annotation_get_type_id (GLOSS_ANNOTATION (claim)), ==, "assertion");
  g_assert_null (gloss_claim_get_claimant (claim));
  g_assert_null (gloss_annotation_get_note (GLOSS_ANNOTATION (claim)));

  /* Undoing the claim itself empties the editor. */
  g_assert_true (gloss_store_undo (store));
  iterate ();
  g_assert_null (gloss_annotation_editor_get_annotation (GLOSS_ANNOTATION_EDITOR (editor)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));

  ui_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (editor);
}

static void
claim_selected_cb (GlossAnnotationListPage *list,
                   GlossAnnotation         *claim,
                   GlossAnnotation        **out)
{
  *out = claim;
}

static void
test_list_filter (void)
{
  g_autoptr(GlossStore) store = new_sample_store ();
  g_autoptr(GError) error = NULL;
  GlossAnnotationListPage *list = GLOSS_ANNOTATION_LIST_PAGE (g_object_ref_sink (gloss_annotation_list_page_new (GLOSS_LIST_CLAIMS)));
  GlossMention *kju = add_mention (store, "PER", find_text (store, "Kim Jong Un", 0),
                                   text_end ("Kim Jong Un", find_text (store, "Kim Jong Un", 0)), NULL);
  guint a = find_text (store, QUOTE, 0), b = find_text (store, PROMISE, 0), c = find_text (store, PUTIN_QUOTE, 0);
  GlossClaim *quote = gloss_edit_new_claim (store, "quote", a, text_end (QUOTE, a), &error);
  GlossClaim *promise = gloss_edit_new_claim (store, "promise", b, text_end (PROMISE, b), &error);
  GlossClaim *author = gloss_edit_new_claim (store, "quote", c, text_end (PUTIN_QUOTE, c), &error);
  GlossAnnotation *activated = NULL;
  GListModel *model;

  g_assert_no_error (error);
  g_assert_true (gloss_edit_set_claimant (store, quote, gloss_mention_get_entity (kju), &error));
  g_assert_true (gloss_edit_set_claimant (store, promise, gloss_mention_get_entity (kju), &error));
  gloss_annotation_list_page_set_store (list, store);
  model = gloss_annotation_list_page_get_model (list);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  gloss_annotation_list_page_set_filter (list, NULL, gloss_annotation_get_id (GLOSS_ANNOTATION (gloss_mention_get_entity (kju))));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  gloss_annotation_list_page_set_filter (list, "quote", gloss_annotation_get_id (GLOSS_ANNOTATION (gloss_mention_get_entity (kju))));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  gloss_annotation_list_page_set_filter (list, "quote", "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  {
    g_autoptr(GlossClaim) only = g_list_model_get_item (model, 0);

    g_assert_true (only == author);
  }
  gloss_annotation_list_page_set_filter (list, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  /* A click on a row asks for its claim; selecting from outside does not. */
  g_signal_connect (list, "annotation-selected", G_CALLBACK (claim_selected_cb), &activated);
  g_assert_true (gloss_annotation_list_page_select (list, GLOSS_ANNOTATION (promise)));
  g_assert_null (activated);
  gloss_annotation_list_page_activate (list, 0);
  g_assert_true (activated == GLOSS_ANNOTATION (quote));

  gloss_annotation_list_page_set_store (list, NULL);
  g_assert_finalize_object (list);
}

/* Issue 4's "done when", by keys and clicks, then the saved file. */
static GlossWindow *
new_window (void)
{
  GlossWindow *window = gloss_window_new (app);

  /* Inside xvfb-run's default 640×480 screen, so popovers can be placed. */
  gtk_window_set_default_size (GTK_WINDOW (window), 620, 460);
  present_and_wait (GTK_WINDOW (window));
  return window;
}

static void
select_text (GlossAnnotationView *view,
             GlossStore          *store,
             const char          *text,
             guint                nth)
{
  guint start = find_text (store, text, nth);

  gloss_annotation_view_select_range (view, start, text_end (text, start));
  iterate ();
}

static GtkWidget *
inspector_row (GlossWindow *window,
               GType        type,
               const char  *title)
{
  GtkWidget *editor = find_widget (GTK_WIDGET (window), GLOSS_TYPE_CLAIM_EDITOR, NULL);
  GtkWidget *row;

  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_visible (editor));
  row = find_widget (editor, type, title);
  g_assert_nonnull (row);
  return row;
}

#define CLAIMANT_TOAST "Click a mention of the claimant"

static void
test_done_when (void)
{
  g_autofree char *path = ui_test_path ("claims-done-when.gloss");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) saved = NULL;
  GlossWindow *window = new_window ();
  GtkWidget *w = GTK_WIDGET (window);
  GlossAnnotationView *view;
  GlossStore *store;
  GlossMention *kju_mention, *putin_mention, *kim_added;
  GlossEntity *kju, *putin;
  GlossClaim *claim;
  GlossRelation *relation;

  g_assert_true (gloss_window_open_sample (window, &error));
  wait_for_allocation (GTK_WIDGET (gloss_window_get_view (window)));
  g_assert_no_error (error);
  g_assert_true (gloss_window_save_to_file (window, file, &error));
  view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  store = gloss_window_get_store (window);

  /* Tag Kim Jong Un and Vladimir Putin (1 = Person); the "Kim" before
   * "added" links to Kim Jong Un in the inspector. */
  select_text (view, store, "Kim Jong Un", 0);
  ui_key (w, "1");
  kju_mention = GLOSS_MENTION (gloss_annotation_view_get_selected (view));
  kju = gloss_mention_get_entity (kju_mention);
  select_text (view, store, "Vladimir Putin", 0);
  ui_key (w, "1");
  putin_mention = GLOSS_MENTION (gloss_annotation_view_get_selected (view));
  putin = gloss_mention_get_entity (putin_mention);
  select_text (view, store, "Kim added", 0);
  gloss_annotation_view_select_range (view, find_text (store, "Kim added", 0), find_text (store, "Kim added", 0) + 3);
  ui_key (w, "1");
  kim_added = GLOSS_MENTION (gloss_annotation_view_get_selected (view));
  g_assert_cmpstr (gloss_entity_get_name (gloss_mention_get_entity (kim_added)), ==, "Kim");

  /* 1. The quote: select, C, type Quote, Shift+K and a click on a Kim
   * Jong Un mention, select "added", Shift+C. */
  select_text (view, store, QUOTE, 0);
  ui_key (w, "c");
  claim = GLOSS_CLAIM (gloss_annotation_view_get_selected (view));
  g_assert_nonnull (claim);
  choose (ADW_COMBO_ROW (inspector_row (window, ADW_TYPE_COMBO_ROW, "Type")), "Quote");
  ui_key (w, "<Shift>k");
  g_assert_true (wait_toast (w, CLAIMANT_TOAST, TRUE, UI_TEST_TIMEOUT_MS));
  gloss_annotation_view_set_selected (view, GLOSS_ANNOTATION (kju_mention)); /* the click */
  iterate ();
  g_assert_true (gloss_claim_get_claimant (claim) == kju);
  g_assert_true (gloss_annotation_view_get_selected (view) == GLOSS_ANNOTATION (claim));
  /* The view rings the claimant's mentions while the claim is selected. */
  g_assert_true (gloss_annotation_view_get_selected (view) == GLOSS_ANNOTATION (claim));
  select_text (view, store, "added", 0);
  ui_key (w, "<Shift>c");
  assert_span (store, GLOSS_ANNOTATION (claim), GLOSS_ROLE_CUE, 0, "added");

  /* Escape leaves a pick mode without changing anything. */
  ui_key (w, "<Shift>k");
  g_assert_true (wait_toast (w, CLAIMANT_TOAST, TRUE, UI_TEST_TIMEOUT_MS));
  ui_key (w, "Escape");
  gloss_annotation_view_set_selected (view, GLOSS_ANNOTATION (putin_mention));
  iterate ();
  g_assert_true (gloss_claim_get_claimant (claim) == kju);

  /* 2. Kim's vow as a promise, claimant picked from the list. */
  select_text (view, store, PROMISE, 0);
  ui_key (w, "c");
  claim = GLOSS_CLAIM (gloss_annotation_view_get_selected (view));
  choose (ADW_COMBO_ROW (inspector_row (window, ADW_TYPE_COMBO_ROW, "Type")), "Promise");
  choose (ADW_COMBO_ROW (inspector_row (window, ADW_TYPE_COMBO_ROW, "Claimant")), "Kim Jong Un");
  g_assert_true (gloss_claim_get_claimant (claim) == kju);
  select_text (view, store, "vowed", 0);
  ui_key (w, "<Shift>c");

  /* 3. Putin's answer as a quote. */
  select_text (view, store, PUTIN_QUOTE, 0);
  ui_key (w, "c");
  claim = GLOSS_CLAIM (gloss_annotation_view_get_selected (view));
  choose (ADW_COMBO_ROW (inspector_row (window, ADW_TYPE_COMBO_ROW, "Type")), "Quote");
  ui_key (w, "<Shift>k");
  g_assert_true (wait_toast (w, CLAIMANT_TOAST, TRUE, UI_TEST_TIMEOUT_MS));
  gloss_annotation_view_set_selected (view, GLOSS_ANNOTATION (putin_mention));
  iterate ();
  select_text (view, store, "replied", 0);
  ui_key (w, "<Shift>c");
  g_assert_true (gloss_claim_get_claimant (claim) == putin);

  /* 4. Meets with: click Putin, R, click Kim Jong Un, pick the type (the
   * chooser offers only types whose ends fit: Person → Person). */
  gloss_annotation_view_set_selected (view, GLOSS_ANNOTATION (putin_mention));
  iterate ();
  ui_key (w, "r");
  gloss_annotation_view_set_selected (view, GLOSS_ANNOTATION (kju_mention));
  iterate ();
  {
    g_autoptr(GPtrArray) fitting = gloss_edit_fitting_relation_types (gloss_store_get_schema (store), putin, kju);

    g_assert_cmpuint (fitting->len, ==, 1);
    g_assert_cmpstr (gloss_label_get_id (g_ptr_array_index (fitting, 0)), ==, "meets_with");
  }
  g_assert_true (gtk_widget_activate_action (w, "doc.relation-type", "s", "meets_with"));
  iterate ();
  relation = GLOSS_RELATION (gloss_annotation_view_get_selected (view));
  g_assert_nonnull (relation);
  g_assert_true (gloss_relation_get_from (relation) == putin);
  g_assert_true (gloss_relation_get_to (relation) == kju);

  ui_key (w, "<Control>s");
  g_assert_false (gloss_window_get_modified (window));

  /* The saved file has it all, with exact span texts. */
  saved = gloss_native_read_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_store_get_n_items (saved, GLOSS_KIND_CLAIM), ==, 3);
  claim = claim_at (saved, find_text (saved, QUOTE, 0));
  g_assert_nonnull (claim);
  g_assert_cmpstr (gloss_annotation_get_type_id (GLOSS_ANNOTATION (claim)), ==, "quote");
  g_assert_cmpstr (gloss_entity_get_name (gloss_claim_get_claimant (claim)), ==, "Kim Jong Un");
  assert_span (saved, GLOSS_ANNOTATION (claim), GLOSS_ROLE_CONTENT, 0, QUOTE);
  assert_span (saved, GLOSS_ANNOTATION (claim), GLOSS_ROLE_CUE, 0, "added");

  claim = claim_at (saved, find_text (saved, PROMISE, 0));
  g_assert_cmpstr (gloss_annotation_get_type_id (GLOSS_ANNOTATION (claim)), ==, "promise");
  g_assert_cmpstr (gloss_entity_get_name (gloss_claim_get_claimant (claim)), ==, "Kim Jong Un");
  assert_span (saved, GLOSS_ANNOTATION (claim), GLOSS_ROLE_CONTENT, 0, PROMISE);
  assert_span (saved, GLOSS_ANNOTATION (claim), GLOSS_ROLE_CUE, 0, "vowed");

  claim = claim_at (saved, find_text (saved, PUTIN_QUOTE, 0));
  g_assert_cmpstr (gloss_annotation_get_type_id (GLOSS_ANNOTATION (claim)), ==, "quote");
  g_assert_cmpstr (gloss_entity_get_name (gloss_claim_get_claimant (claim)), ==, "Vladimir Putin");
  assert_span (saved, GLOSS_ANNOTATION (claim), GLOSS_ROLE_CONTENT, 0, PUTIN_QUOTE);
  assert_span (saved, GLOSS_ANNOTATION (claim), GLOSS_ROLE_CUE, 0, "replied");

  g_assert_cmpuint (gloss_store_get_n_items (saved, GLOSS_KIND_RELATION), ==, 1);
  {
    g_autoptr(GlossRelation) r = g_list_model_get_item (gloss_store_get_list (saved, GLOSS_KIND_RELATION), 0);

    g_assert_cmpstr (gloss_annotation_get_type_id (GLOSS_ANNOTATION (r)), ==, "meets_with");
    g_assert_cmpstr (gloss_entity_get_name (gloss_relation_get_from (r)), ==, "Vladimir Putin");
    g_assert_cmpstr (gloss_entity_get_name (gloss_relation_get_to (r)), ==, "Kim Jong Un");
  }
  g_assert_nonnull (mention_at (saved, find_text (saved, "Kim Jong Un", 0)));

  /* Undo walks back over the relation and the last claim's edits. */
  ui_key (w, "<Control>z");
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_RELATION), ==, 0);

  ui_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
}

/* A quote broken by "Kim added," is one claim of two fragments; it
 * survives .gloss and jsonl unchanged. */
static void
test_two_fragments_round_trip (void)
{
  g_autofree char *path = ui_test_path ("two-fragments.gloss");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) saved = NULL;
  g_autoptr(GPtrArray) stores = g_ptr_array_new ();
  g_autoptr(GPtrArray) imported = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GlossFormatOptions options = { .offsets = GLOSS_OFFSET_CODEPOINTS, .where = "round-trip.jsonl" };
  const GlossFormat *jsonl = gloss_format_lookup ("jsonl");
  GlossWindow *window = new_window ();
  GtkWidget *w = GTK_WIDGET (window);
  GlossAnnotationView *view;
  GlossStore *store;
  GlossClaim *claim, *copy;
  GlossMention *kju_mention;
  const char *first = "The Democratic People’s Republic of Korea has always expressed its full and unconditional support for all measures taken by the Russian government,";
  const char *second = "and I take this opportunity to reaffirm that we will always stand with Russia on the anti-imperialist front and the front of independence,";
  guint n;

  g_assert_true (gloss_window_open_sample (window, &error));
  wait_for_allocation (GTK_WIDGET (gloss_window_get_view (window)));
  view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  store = gloss_window_get_store (window);
  select_text (view, store, "Kim Jong Un", 0);
  ui_key (w, "1");
  kju_mention = GLOSS_MENTION (gloss_annotation_view_get_selected (view));

  /* C on the first part, + on the second: one claim, two fragments. */
  select_text (view, store, first, 0);
  ui_key (w, "c");
  claim = GLOSS_CLAIM (gloss_annotation_view_get_selected (view));
  select_text (view, store, second, 0);
  ui_key (w, "plus");
  gloss_annotation_get_spans (GLOSS_ANNOTATION (claim), GLOSS_ROLE_CONTENT, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_CLAIM), ==, 1);
  g_assert_true (gtk_widget_get_visible (inspector_row (window, ADW_TYPE_COMBO_ROW, "Type")));

  /* - removes the fragment at the caret; undo brings it back. */
  gloss_annotation_view_clear_selection (view);
  gloss_annotation_view_select_range (view, find_text (store, second, 0) + 4, find_text (store, second, 0) + 4);
  ui_key (w, "minus");
  gloss_annotation_get_spans (GLOSS_ANNOTATION (claim), GLOSS_ROLE_CONTENT, &n);
  g_assert_cmpuint (n, ==, 1);
  assert_span (store, GLOSS_ANNOTATION (claim), GLOSS_ROLE_CONTENT, 0, first);
  ui_key (w, "<Control>z");
  gloss_annotation_get_spans (GLOSS_ANNOTATION (claim), GLOSS_ROLE_CONTENT, &n);
  g_assert_cmpuint (n, ==, 2);

  gloss_annotation_view_set_selected (view, GLOSS_ANNOTATION (claim));
  iterate ();
  ui_key (w, "<Shift>k");
  gloss_annotation_view_set_selected (view, GLOSS_ANNOTATION (kju_mention));
  iterate ();
  select_text (view, store, "he added", 0);
  gloss_annotation_view_select_range (view, find_text (store, "he added", 0) + 3, text_end ("he added", find_text (store, "he added", 0)));
  ui_key (w, "<Shift>c");
  g_assert_true (gloss_edit_set_about (store, claim, gloss_mention_get_entity (kju_mention), TRUE, &error));
  g_assert_true (gloss_edit_set_certainty (store, claim, GLOSS_CERTAINTY_ASSERTED, &error));
  g_assert_no_error (error);

  /* .gloss */
  g_assert_true (gloss_window_save_to_file (window, file, &error));
  g_assert_no_error (error);
  saved = gloss_native_read_file (file, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_store_equal (store, saved));
  copy = GLOSS_CLAIM (gloss_store_lookup (saved, gloss_annotation_get_id (GLOSS_ANNOTATION (claim))));
  g_assert_nonnull (copy);
  assert_span (saved, GLOSS_ANNOTATION (copy), GLOSS_ROLE_CONTENT, 0, first);
  assert_span (saved, GLOSS_ANNOTATION (copy), GLOSS_ROLE_CONTENT, 1, second);
  assert_span (saved, GLOSS_ANNOTATION (copy), GLOSS_ROLE_CUE, 0, "added");
  g_assert_cmpstr (gloss_entity_get_name (gloss_claim_get_claimant (copy)), ==, "Kim Jong Un");

  /* jsonl (a document without an id gets one from the file name) */
  gloss_document_set_id (gloss_store_get_document (store), "kim-putin-vostochny");
  g_ptr_array_add (stores, store);
  bytes = jsonl->export (stores, &options, &error);
  g_assert_no_error (error);
  imported = jsonl->import (bytes, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imported->len, ==, 1);
  copy = GLOSS_CLAIM (gloss_store_lookup (g_ptr_array_index (imported, 0), gloss_annotation_get_id (GLOSS_ANNOTATION (claim))));
  g_assert_nonnull (copy);
  gloss_annotation_get_spans (GLOSS_ANNOTATION (copy), GLOSS_ROLE_CONTENT, &n);
  g_assert_cmpuint (n, ==, 2);
  assert_span (g_ptr_array_index (imported, 0), GLOSS_ANNOTATION (copy), GLOSS_ROLE_CONTENT, 0, first);
  assert_span (g_ptr_array_index (imported, 0), GLOSS_ANNOTATION (copy), GLOSS_ROLE_CONTENT, 1, second);
  assert_span (g_ptr_array_index (imported, 0), GLOSS_ANNOTATION (copy), GLOSS_ROLE_CUE, 0, "added");
  g_assert_cmpstr (gloss_annotation_get_type_id (GLOSS_ANNOTATION (copy)), ==, "assertion");
  g_assert_cmpstr (gloss_entity_get_name (gloss_claim_get_claimant (copy)), ==, "Kim Jong Un");
  g_assert_cmpuint (gloss_claim_get_n_about (copy), ==, 1);
  {
    g_autoptr(GPtrArray) again = g_ptr_array_new ();
    g_autoptr(GBytes) bytes2 = NULL;

    g_ptr_array_add (again, g_ptr_array_index (imported, 0));
    bytes2 = jsonl->export (again, &options, &error);
    g_assert_no_error (error);
    if (!g_bytes_equal (bytes, bytes2))
      g_printerr ("%.*s\n---\n%.*s\n", (int) g_bytes_get_size (bytes), (char *) g_bytes_get_data (bytes, NULL),
                  (int) g_bytes_get_size (bytes2), (char *) g_bytes_get_data (bytes2, NULL));
    g_assert_true (g_bytes_equal (bytes, bytes2));
  }
  g_ptr_array_set_free_func (imported, g_object_unref);

  ui_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
}

/* Selecting another mention keeps the inspector's attribute rows and
 * shows that mention's values, without editing either mention. */
static void
test_attribute_rows_kept (void)
{
  g_autoptr(GError) error = NULL;
  GlossWindow *window = new_window ();
  GtkWidget *w = GTK_WIDGET (window);
  GlossAnnotationView *view;
  GlossStore *store;
  GlossAnnotation *kim, *putin;
  GtkWidget *inspector, *row;
  guint steps;

  g_assert_true (gloss_window_open_sample (window, &error));
  wait_for_allocation (GTK_WIDGET (gloss_window_get_view (window)));
  view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  store = gloss_window_get_store (window);
  inspector = find_widget (w, GLOSS_TYPE_INSPECTOR, NULL);

  select_text (view, store, "Kim Jong Un", 0);
  press (w, "1");
  kim = gloss_annotation_view_get_selected (view);
  iterate ();
  row = find_widget (inspector, ADW_TYPE_COMBO_ROW, "Mention level");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);   /* name */
  iterate ();
  select_text (view, store, "Putin", 0);
  press (w, "1");
  putin = gloss_annotation_view_get_selected (view);
  iterate ();
  g_assert_true (find_widget (inspector, ADW_TYPE_COMBO_ROW, "Mention level") == row);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 3);   /* pronoun */
  iterate ();
  steps = 4;

  gloss_annotation_view_set_selected (view, kim);
  iterate ();
  g_assert_true (find_widget (inspector, ADW_TYPE_COMBO_ROW, "Mention level") == row);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 1);
  gloss_annotation_view_set_selected (view, putin);
  iterate ();
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 3);
  /* Showing values edited nothing. */
  g_assert_cmpstr (json_node_get_string (gloss_annotation_get_attr (kim, "level")), ==, "name");
  g_assert_cmpstr (json_node_get_string (gloss_annotation_get_attr (putin, "level")), ==, "pronoun");
  for (guint i = 0; i < steps; i++)
    g_assert_true (gloss_store_undo (store));
  g_assert_false (gloss_store_can_undo (store));

  gloss_window_set_store (window, NULL, NULL);
  ui_window_destroy (GTK_WINDOW (window));
}

/* The mention inspector's attribute rows edit from inside their own
 * signals (notify::selected, notify::active); the edit's store change
 * must not rebuild the rows under them. Several edits in a row, then
 * undo restores the mention. */
static void
test_mention_attribute_rows (void)
{
  static const char * const applies_mention[] = { "mention", NULL };
  static const char * const levels[] = { NULL, "name", "nominal", "pronoun" };
  static const guint picks[] = { 1, 2, 3, 0, 2, 1 };
  g_autoptr(GlossAttributeDef) confirmed = gloss_attribute_def_new ("confirmed", GLOSS_ATTRIBUTE_BOOL);
  g_autoptr(GError) error = NULL;
  GlossWindow *window = new_window ();
  GtkWidget *w = GTK_WIDGET (window);
  GlossAnnotationView *view;
  GlossStore *store;
  GlossAnnotation *mention;
  GtkWidget *inspector, *row, *sw;
  guint steps = 0;

  g_assert_true (gloss_window_open_sample (window, &error));
  wait_for_allocation (GTK_WIDGET (gloss_window_get_view (window)));
  view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  store = gloss_window_get_store (window);
  gloss_attribute_def_set_name (confirmed, "Confirmed");
  gloss_attribute_def_set_applies_to (confirmed, applies_mention);
  g_assert_true (gloss_schema_add_attribute (gloss_store_get_schema (store), confirmed, &error));
  g_assert_no_error (error);

  select_text (view, store, "Kim Jong Un", 0);
  ui_key (w, "1");
  mention = gloss_annotation_view_get_selected (view);
  g_assert_true (GLOSS_IS_MENTION (mention));
  iterate ();
  inspector = find_widget (w, GLOSS_TYPE_INSPECTOR, NULL);
  g_assert_nonnull (inspector);
  g_assert_true (gtk_widget_get_visible (inspector));

  for (guint i = 0; i < G_N_ELEMENTS (picks); i++)
    {
      JsonNode *value;

      row = find_widget (inspector, ADW_TYPE_COMBO_ROW, "Mention level");
      g_assert_nonnull (row);
      g_object_add_weak_pointer (G_OBJECT (row), (gpointer *) &row);
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), picks[i]);
      /* The row outlives its own signal, still in its list. */
      g_assert_nonnull (row);
      g_assert_nonnull (gtk_widget_get_parent (row));
      g_object_remove_weak_pointer (G_OBJECT (row), (gpointer *) &row);
      steps++;
      value = gloss_annotation_get_attr (mention, "level");
      if (levels[picks[i]] == NULL)
        g_assert_null (value);
      else
        g_assert_cmpstr (json_node_get_string (value), ==, levels[picks[i]]);
      /* Sometimes twice on the same row before the rows are rebuilt. */
      if (i % 2 == 1)
        iterate ();
    }
  iterate ();
  row = find_widget (inspector, ADW_TYPE_COMBO_ROW, "Mention level");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, picks[G_N_ELEMENTS (picks) - 1]);

  for (guint i = 0; i < 4; i++)
    {
      JsonNode *value;

      row = find_widget (inspector, ADW_TYPE_ACTION_ROW, "Confirmed");
      g_assert_nonnull (row);
      sw = find_widget (row, GTK_TYPE_SWITCH, NULL);
      g_assert_nonnull (sw);
      g_object_add_weak_pointer (G_OBJECT (sw), (gpointer *) &sw);
      gtk_switch_set_active (GTK_SWITCH (sw), !gtk_switch_get_active (GTK_SWITCH (sw)));
      g_assert_nonnull (sw);
      g_assert_nonnull (gtk_widget_get_parent (sw));
      g_object_remove_weak_pointer (G_OBJECT (sw), (gpointer *) &sw);
      steps++;
      value = gloss_annotation_get_attr (mention, "confirmed");
      g_assert_nonnull (value);
      g_assert_true (json_node_get_boolean (value) == (i % 2 == 0));
      if (i % 2 == 1)
        iterate ();
    }

  /* Each edit was one step: undo restores the mention as tagged. */
  for (guint i = 0; i < steps; i++)
    ui_key (w, "<Control>z");
  g_assert_true (gloss_annotation_get_store (mention) == store);
  g_assert_null (gloss_annotation_get_attr (mention, "level"));
  g_assert_null (gloss_annotation_get_attr (mention, "confirmed"));
  gloss_annotation_view_set_selected (view, mention);
  iterate ();
  row = find_widget (inspector, ADW_TYPE_COMBO_ROW, "Mention level");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  row = find_widget (inspector, ADW_TYPE_ACTION_ROW, "Confirmed");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (find_widget (row, GTK_TYPE_SWITCH, NULL))));
  /* One more undo takes the tag itself. */
  ui_key (w, "<Control>z");
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_MENTION), ==, 0);

  ui_window_destroy (GTK_WINDOW (window));
}

#define RELATION_TOAST "click a mention of the other end"

/* The toast that asks for a click goes as soon as the pick ends: when
 * another pick starts, when the pick is done, on Escape. R's popover
 * still comes up. */
static void
test_pick_toasts (void)
{
  g_autoptr(GError) error = NULL;
  GlossWindow *window = new_window ();
  GtkWidget *w = GTK_WIDGET (window);
  GlossAnnotationView *view;
  GlossStore *store;
  GlossMention *kju_mention, *putin_mention;
  GlossClaim *claim;

  g_assert_true (gloss_window_open_sample (window, &error));
  wait_for_allocation (GTK_WIDGET (gloss_window_get_view (window)));
  view = GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window));
  store = gloss_window_get_store (window);
  select_text (view, store, "Kim Jong Un", 0);
  ui_key (w, "1");
  kju_mention = GLOSS_MENTION (gloss_annotation_view_get_selected (view));
  select_text (view, store, "Vladimir Putin", 0);
  ui_key (w, "1");
  putin_mention = GLOSS_MENTION (gloss_annotation_view_get_selected (view));
  select_text (view, store, QUOTE, 0);
  ui_key (w, "c");
  claim = GLOSS_CLAIM (gloss_annotation_view_get_selected (view));
  g_assert_nonnull (claim);

  /* R: the toast, nothing over the text; R again: the popover of
   * targets (modal: the next step is a choice in it); Escape: both go. */
  gloss_annotation_view_set_selected (view, GLOSS_ANNOTATION (putin_mention));
  iterate ();
  ui_key (w, "r");
  g_assert_nonnull (find_toast (w, RELATION_TOAST));
  {
    GtkWidget *popover = find_widget (gloss_window_get_view (window), GTK_TYPE_POPOVER_MENU, NULL);

    g_assert_true (popover == NULL || !gtk_widget_get_visible (popover));
  }
  ui_key (w, "r");
  g_assert_true (wait_popover_visible (w, GTK_TYPE_POPOVER_MENU));
  ui_key (w, "Escape");
  g_assert_true (wait_toast (w, RELATION_TOAST, FALSE, UI_TEST_TIMEOUT_MS));
  g_assert_true (wait_toast (w, "Cancelled", TRUE, UI_TEST_TIMEOUT_MS));
  ui_key (w, "r");
  g_assert_true (wait_toast (w, RELATION_TOAST, TRUE, UI_TEST_TIMEOUT_MS));

  /* Shift+K on a claim starts another pick: its toast replaces R's. */
  gloss_annotation_view_set_selected (view, GLOSS_ANNOTATION (claim));
  iterate ();
  ui_key (w, "<Shift>k");
  g_assert_true (wait_toast (w, RELATION_TOAST, FALSE, UI_TEST_TIMEOUT_MS));
  g_assert_true (wait_toast (w, CLAIMANT_TOAST, TRUE, UI_TEST_TIMEOUT_MS));

  /* The click on the claimant ends it. */
  gloss_annotation_view_set_selected (view, GLOSS_ANNOTATION (kju_mention));
  iterate ();
  g_assert_true (gloss_claim_get_claimant (claim) == gloss_mention_get_entity (kju_mention));
  g_assert_true (wait_toast (w, CLAIMANT_TOAST, FALSE, UI_TEST_TIMEOUT_MS));

  /* R, the click (a real one: it does not scroll the text), the type:
   * made, and the toast goes. */
  gloss_annotation_view_set_selected (view, GLOSS_ANNOTATION (putin_mention));
  iterate ();
  ui_key (w, "r");
  g_assert_true (wait_toast (w, RELATION_TOAST, TRUE, UI_TEST_TIMEOUT_MS));
  ui_click_text (view, gloss_annotation_get_start (GLOSS_ANNOTATION (kju_mention)) + 1, 1);
  g_assert_true (gloss_annotation_view_get_selected (view) == GLOSS_ANNOTATION (kju_mention));
  g_assert_nonnull (find_toast (w, RELATION_TOAST));
  /* (test-relations clicks the type in its menu; here the toasts.) */
  g_assert_true (gtk_widget_activate_action (w, "doc.relation-type", "s", "meets_with"));
  iterate ();
  g_assert_cmpuint (gloss_store_get_n_items (store, GLOSS_KIND_RELATION), ==, 1);
  g_assert_true (wait_toast (w, RELATION_TOAST, FALSE, UI_TEST_TIMEOUT_MS));

  /* R, Escape: the toast goes and "Cancelled" shows at once. */
  gloss_annotation_view_set_selected (view, GLOSS_ANNOTATION (putin_mention));
  iterate ();
  ui_key (w, "r");
  g_assert_true (wait_toast (w, RELATION_TOAST, TRUE, UI_TEST_TIMEOUT_MS));
  gtk_widget_grab_focus (gloss_window_get_view (window));
  ui_key (w, "Escape");
  g_assert_true (wait_toast (w, RELATION_TOAST, FALSE, UI_TEST_TIMEOUT_MS));
  g_assert_true (wait_toast (w, "Cancelled", TRUE, UI_TEST_TIMEOUT_MS));

  ui_window_destroy (GTK_WINDOW (window));
}

/* The claims list under @root (not a drop-down's). */
static GtkWidget *
find_claim_list (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LIST_VIEW (child) && gtk_widget_has_css_class (child, "claim-list"))
        return child;
      if ((found = find_claim_list (child)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_rows (gpointer data)
{
  return gtk_widget_get_first_child (GTK_WIDGET (data)) != NULL;
}

/* The row of the list view @list_view that shows as selected, if any. */
static GtkWidget *
selected_row (GtkWidget *list_view)
{
  for (GtkWidget *row = gtk_widget_get_first_child (list_view); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if ((gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_SELECTED) != 0)
      return row;
  return NULL;
}

/* A claims page no one has shown makes no rows (GTK 4.8 makes and
 * measures up to 200 for a list view with a model, shown or not: most of
 * the frame that showed a document of 10,000 claims). Shown by a click on
 * its switcher button, it lists the claims, scrolled to the one selected
 * in the article meanwhile, past the first 200. */
static void
test_hidden_page_rows (void)
{
  g_autoptr(GlossStore) store = new_sample_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *words = NULL;
  GlossAnnotation *last = NULL;
  GlossWindow *window;
  GtkWidget *page, *list_view, *row;
  guint length;

  if (!ui_test_require_input ())
    return;

  /* 300 claims of five characters each, one at every code point. */
  length = gloss_document_get_length (gloss_store_get_document (store));
  g_assert_cmpuint (length, >, 305);
  for (guint i = 0; i < 300; i++)
    {
      last = GLOSS_ANNOTATION (gloss_edit_new_claim (store, "quote", i, i + 5, &error));
      g_assert_no_error (error);
    }
  words = gloss_edit_describe (store, last);

  window = gloss_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  present_and_wait (GTK_WINDOW (window));
  gloss_window_set_store (window, store, NULL);
  gloss_annotation_view_set_selected (GLOSS_ANNOTATION_VIEW (gloss_window_get_view (window)), last);
  wait_for_allocation (gloss_window_get_view (window));

  page = find_widget (GTK_WIDGET (window), GLOSS_TYPE_ANNOTATION_LIST_PAGE, NULL);
  g_assert_nonnull (page);
  g_assert_cmpint (gloss_annotation_list_page_get_kind (GLOSS_ANNOTATION_LIST_PAGE (page)), ==, GLOSS_LIST_CLAIMS);
  list_view = find_claim_list (page);
  g_assert_nonnull (list_view);
  g_assert_false (gtk_widget_get_mapped (page));
  g_assert_null (gtk_widget_get_first_child (list_view));

  ui_show_sidebar_page (window, "Claims");
  g_assert_true (ui_wait_until (has_rows, list_view, UI_TEST_TIMEOUT_MS));
  row = selected_row (list_view);
  g_assert_nonnull (row);
  g_assert_true (label_contains (row, words));

  ui_window_destroy (GTK_WINDOW (window));
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/claims/edits-undo", test_edits_undo);
  g_test_add_func ("/ui/claims/editor", test_editor);
  g_test_add_func ("/ui/claims/list-filter", test_list_filter);
  g_test_add_func ("/ui/claims/done-when", test_done_when);
  g_test_add_func ("/ui/claims/two-fragments-round-trip", test_two_fragments_round_trip);
  g_test_add_func ("/ui/claims/mention-attribute-rows", test_mention_attribute_rows);
  g_test_add_func ("/ui/claims/attribute-rows-kept", test_attribute_rows_kept);
  g_test_add_func ("/ui/claims/pick-toasts", test_pick_toasts);
  g_test_add_func ("/ui/claims/hidden-page-rows", test_hidden_page_rows);
}

int
main (int   argc,
      char *argv[])
{
  return ui_test_main (&argc, &argv, &app, add_tests);
}
