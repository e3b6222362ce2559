/* test-span-levels.c: how deep nested mentions and claims draw
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-span-levels.h"

typedef struct
{
  guint  start;
  guint  end;
  guint8 kind;
  guint8 role;
  guint  level;   /* wanted */
} Case;

/* In the order gloss_span_levels_sort() gives. */
static const Case spans[] = {
  { 0, 30, GLOSS_KIND_CLAIM, GLOSS_ROLE_CONTENT, 3 },     /* around A: below its level 2 */
  { 0, 20, GLOSS_KIND_MENTION, GLOSS_ROLE_CONTENT, 2 },   /* A: B and C inside, D in C */
  { 0, 5, GLOSS_KIND_MENTION, GLOSS_ROLE_CONTENT, 0 },    /* B */
  { 0, 5, GLOSS_KIND_CLAIM, GLOSS_ROLE_CUE, 0 },          /* a cue keeps 0 */
  { 10, 15, GLOSS_KIND_MENTION, GLOSS_ROLE_CONTENT, 1 },  /* C */
  { 11, 13, GLOSS_KIND_MENTION, GLOSS_ROLE_CONTENT, 0 },  /* D */
  { 18, 25, GLOSS_KIND_MENTION, GLOSS_ROLE_CONTENT, 0 },  /* across A's end: not inside it */
  { 18, 25, GLOSS_KIND_RELATION, GLOSS_ROLE_EVIDENCE, 0 },
  { 26, 31, GLOSS_KIND_CLAIM, GLOSS_ROLE_CONTENT, 0 },    /* no mention inside */
  { 31, 50, GLOSS_KIND_CLAIM, GLOSS_ROLE_CONTENT, 1 },    /* one innermost mention inside */
  { 32, 34, GLOSS_KIND_MENTION, GLOSS_ROLE_CONTENT, 0 },
};

static void
check (const GlossSpanLevel *items)
{
  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      g_test_message ("item %u: [%u, %u)", i, items[i].start, items[i].end);
      g_assert_cmpuint (items[i].start, ==, spans[i].start);
      g_assert_cmpuint (items[i].end, ==, spans[i].end);
      g_assert_cmpuint (items[i].kind, ==, spans[i].kind);
      g_assert_cmpuint (items[i].role, ==, spans[i].role);
      g_assert_cmpuint (items[i].level, ==, spans[i].level);
    }
}

/* Any order in, sorted and levelled out. */
static void
test_levels (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint round = 0; round < 20; round++)
    {
      GlossSpanLevel items[G_N_ELEMENTS (spans)];

      for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
        items[i] = (GlossSpanLevel) {
          .start = spans[i].start, .end = spans[i].end, .kind = spans[i].kind, .role = spans[i].role,
        };
      for (guint i = G_N_ELEMENTS (spans) - 1; round > 0 && i > 0; i--)
        {
          guint j = g_rand_int_range (rand, 0, i + 1);
          GlossSpanLevel t = items[i];

          items[i] = items[j];
          items[j] = t;
        }
      gloss_span_levels_sort (items, G_N_ELEMENTS (items));
      gloss_span_levels_compute (items, G_N_ELEMENTS (items));
      check (items);
    }
}

/* Levels count nesting only: a chain of mentions one inside the next. */
static void
test_deep (void)
{
  GlossSpanLevel items[40];

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    items[i] = (GlossSpanLevel) { .start = i, .end = 200 - i, .kind = GLOSS_KIND_MENTION };
  gloss_span_levels_sort (items, G_N_ELEMENTS (items));
  gloss_span_levels_compute (items, G_N_ELEMENTS (items));
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    g_assert_cmpuint (items[i].level, ==, G_N_ELEMENTS (items) - 1 - i);

  gloss_span_levels_compute (NULL, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/span-levels/nesting", test_levels);
  g_test_add_func ("/core/span-levels/deep", test_deep);

  return g_test_run ();
}
