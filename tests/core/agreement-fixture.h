/* agreement-fixture.h: two annotators' versions of one short text, whose
 * agreement test-agreement.c and test-cli-agree.c work out by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *             0         1         2         3         4         5
 *             0123456789012345678901234567890123456789012345678901234567
 *   text:    "Kim Jong Un met Vladimir Putin at Vostochny on Wednesday.
 *            Kim said “we will launch soon”."   (“ at 67, ” at 87; 89 code points)
 *
 *   mentions            A (the reference)        B
 *   Kim Jong Un 0–11    PER                      PER             (same)
 *   Vladimir Putin      PER 16–30                PER "Putin" 25–30 (overlaps)
 *   Vostochny 34–43     LOC                      GPE             (type differs)
 *   Wednesday 47–56     DATE                     DATE            (same)
 *
 *   claims    A: quote 68–87 “we will launch soon” without its quotes,
 *                claimant Kim Jong Un
 *             B: quote 67–88 with its quotes, claimant Kim Jong Un
 *   relations A and B: meets_with Kim Jong Un → Putin (B's Putin is the
 *             entity of "Putin" 25–30, named "Putin")
 */
#pragma once

#include <string.h>

#include "gloss-edits.h"
#include "gloss-format-native.h"

#define AGREEMENT_TEXT \
  "Kim Jong Un met Vladimir Putin at Vostochny on Wednesday. Kim said “we will launch soon”."

static GlossMention *
fixture_tag (GlossStore *store,
             const char *type,
             guint       start,
             guint       end)
{
  g_autoptr(GError) error = NULL;
  GlossMention *mention = gloss_edit_tag (store, type, start, end, &error);

  g_assert_no_error (error);
  return mention;
}

/* @b: B's version rather than A's. */
static GlossStore *
fixture_store (gboolean b)
{
  g_autoptr(GlossDocument) document = gloss_document_new_from_text (AGREEMENT_TEXT, -1, "agreement", NULL);
  GlossStore *store = gloss_store_new (document, NULL);
  g_autoptr(GError) error = NULL;
  GlossMention *kim, *putin;
  GlossClaim *claim;
  GlossRelation *relation;

  gloss_document_set_id (document, "agreement");
  kim = fixture_tag (store, "PER", 0, 11);
  putin = b ? fixture_tag (store, "PER", 25, 30) : fixture_tag (store, "PER", 16, 30);
  fixture_tag (store, b ? "GPE" : "LOC", 34, 43);
  fixture_tag (store, "DATE", 47, 56);

  claim = b ? gloss_edit_new_claim (store, "quote", 67, 88, &error)
            : gloss_edit_new_claim (store, "quote", 68, 87, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_edit_set_claimant (store, claim, gloss_mention_get_entity (kim), &error));
  g_assert_no_error (error);

  relation = gloss_edit_new_relation (store, "meets_with", gloss_mention_get_entity (kim),
                                      gloss_mention_get_entity (putin), &error);
  g_assert_no_error (error);
  g_assert_nonnull (relation);

  return store;
}

/* Writes @store to @file as a .gloss. */
G_GNUC_UNUSED static void
fixture_write (GFile      *file,
               GlossStore *store)
{
  g_autoptr(GBytes) bytes = gloss_native_write_bytes (store);
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_format_write_file (file, bytes, TRUE, &error));
  g_assert_no_error (error);
}
