/* gloss-matcher.h: find known names in a text, for suggestions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * GlossSuggestionSource:
 * @GLOSS_SUGGESTION_REGISTRY: a name or alias of a project entity
 * @GLOSS_SUGGESTION_TAGGED: a text tagged before in the project
 * @GLOSS_SUGGESTION_PATTERN: a rule of the schema (regex or gazetteer)
 */
typedef enum
{
  GLOSS_SUGGESTION_REGISTRY,
  GLOSS_SUGGESTION_TAGGED,
  GLOSS_SUGGESTION_PATTERN,
} GlossSuggestionSource;

/**
 * GlossSuggestion:
 * @start: first code point
 * @end: code point after the last
 * @type: the entity type id (interned)
 * @entity: (nullable): the registry entity id (interned)
 * @source: where it comes from
 */
typedef struct
{
  guint                  start;
  guint                  end;
  const char            *type;
  const char            *entity;
  GlossSuggestionSource  source;
} GlossSuggestion;

#define GLOSS_TYPE_MATCHER (gloss_matcher_get_type ())

G_DECLARE_FINAL_TYPE (GlossMatcher, gloss_matcher, GLOSS, MATCHER, GObject)

GlossMatcher *gloss_matcher_new       (void);
/* An exact text, matched as whole words; a text added twice keeps its
 * first target. */
void          gloss_matcher_add       (GlossMatcher           *self,
                                       const char             *text,
                                       const char             *type,
                                       const char             *entity,
                                       GlossSuggestionSource   source);
gboolean      gloss_matcher_add_regex (GlossMatcher           *self,
                                       const char             *pattern,
                                       const char             *type,
                                       GError                **error);
/* Adds the schema's "patterns": [{"type": T, "regex": R} |
 * {"type": T, "gazetteer": [S, …]}]; FALSE with @error naming the rule
 * that is not valid (those before it are added). */
gboolean      gloss_matcher_add_patterns (GlossMatcher        *self,
                                          JsonNode            *patterns,
                                          GError             **error);
guint         gloss_matcher_get_size  (GlossMatcher           *self);
/* Matches in @text (UTF-8), leftmost-longest and never overlapping, in
 * text order: a GArray of GlossSuggestion. */
GArray       *gloss_matcher_run       (GlossMatcher           *self,
                                       const char             *text,
                                       gsize                   length);

G_END_DECLS
