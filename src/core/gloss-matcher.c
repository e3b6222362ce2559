/* gloss-matcher.c: find known names in a text, for suggestions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Names are kept in a hash table, and for each first word the lengths of
 * the names that begin with it. The text is walked once: at each word
 * start, the word is looked up, then the text of each of those lengths
 * (longest first) that ends at a word boundary is looked up among the
 * names. Many names sharing a first word ("Kim …") cost one lookup per
 * distinct length, not one comparison per name.
 */
#include "config.h"

#include <string.h>

#include "gloss-error.h"
#include "gloss-matcher.h"
#include "gloss-words.h"
#include "gloss-util-private.h"

typedef struct
{
  char                  *text;
  gsize                  length;   /* bytes */
  guint                  n_chars;
  const char            *type;     /* interned */
  const char            *entity;   /* interned, or NULL */
  GlossSuggestionSource  source;
} Name;

typedef struct
{
  GRegex     *regex;
  const char *type;
} Rule;

struct _GlossMatcher
{
  GObject     parent_instance;

  GHashTable *texts;          /* text → Name */
  GHashTable *by_first_word;  /* first word → GArray of gsize, the names' lengths */
  gboolean    sorted;         /* each GArray longest first, no repeats */
  GArray     *rules;          /* of Rule */
  guint       size;
};

G_DEFINE_FINAL_TYPE (GlossMatcher, gloss_matcher, G_TYPE_OBJECT)

static void
name_free (gpointer data)
{
  Name *name = data;

  g_free (name->text);
  g_free (name);
}

static void
rule_clear (gpointer data)
{
  Rule *rule = data;

  g_regex_unref (rule->regex);
}

static void
gloss_matcher_finalize (GObject *object)
{
  GlossMatcher *self = (GlossMatcher *)object;

  g_clear_pointer (&self->texts, g_hash_table_unref);
  g_clear_pointer (&self->by_first_word, g_hash_table_unref);
  g_clear_pointer (&self->rules, g_array_unref);

  G_OBJECT_CLASS (gloss_matcher_parent_class)->finalize (object);
}

static void
gloss_matcher_class_init (GlossMatcherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_matcher_finalize;
}

static void
gloss_matcher_init (GlossMatcher *self)
{
  self->texts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, name_free);
  self->by_first_word = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  self->rules = g_array_new (FALSE, TRUE, sizeof (Rule));
  g_array_set_clear_func (self->rules, rule_clear);
}

/**
 * gloss_matcher_new:
 *
 * Returns: (transfer full): an empty matcher
 */
GlossMatcher *
gloss_matcher_new (void)
{
  return g_object_new (GLOSS_TYPE_MATCHER, NULL);
}

/* gloss_word_char() of the character at @p, without decoding ASCII. */
static inline gboolean
word_char_at (const char *p)
{
  guchar b = (guchar) *p;

  if (b < 0x80)
    return g_ascii_isalnum (b);
  return gloss_word_char (g_utf8_get_char (p));
}

/* The bytes of the word that starts at @p: up to the first character
 * that is not a word character. */
static gsize
word_length (const char *p,
             const char *end)
{
  const char *q = p;

  while (q < end && word_char_at (q))
    q = g_utf8_next_char (q);
  return q - p;
}

static int
compare_longest_first (gconstpointer a,
                       gconstpointer b)
{
  gsize la = *(const gsize *) a, lb = *(const gsize *) b;

  return la < lb ? 1 : la > lb ? -1 : 0;
}

static void
sort_lengths (GlossMatcher *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->by_first_word);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GArray *lengths = value;
      guint kept = 0;

      g_array_sort (lengths, compare_longest_first);
      for (guint i = 0; i < lengths->len; i++)
        if (kept == 0 || g_array_index (lengths, gsize, kept - 1) != g_array_index (lengths, gsize, i))
          g_array_index (lengths, gsize, kept++) = g_array_index (lengths, gsize, i);
      g_array_set_size (lengths, kept);
    }
  self->sorted = TRUE;
}

void
gloss_matcher_add (GlossMatcher          *self,
                   const char            *text,
                   const char            *type,
                   const char            *entity,
                   GlossSuggestionSource  source)
{
  gsize length, first;
  GArray *lengths;
  Name *name;
  g_autofree char *key = NULL;

  g_return_if_fail (GLOSS_IS_MATCHER (self));
  g_return_if_fail (text != NULL && type != NULL);

  length = strlen (text);
  if (!g_utf8_validate (text, length, NULL) || g_hash_table_contains (self->texts, text))
    return;
  first = word_length (text, text + length);
  /* A name must begin and end with a word character to be found at word
   * boundaries. */
  if (first == 0 || !word_char_at (g_utf8_find_prev_char (text, text + length)))
    return;

  name = g_new0 (Name, 1);
  name->text = g_strndup (text, length);
  name->length = length;
  name->n_chars = g_utf8_strlen (text, length);
  name->type = g_intern_string (type);
  name->entity = entity ? g_intern_string (entity) : NULL;
  name->source = source;
  g_hash_table_insert (self->texts, name->text, name);

  key = g_strndup (text, first);
  lengths = g_hash_table_lookup (self->by_first_word, key);
  if (lengths == NULL)
    {
      lengths = g_array_new (FALSE, FALSE, sizeof (gsize));
      g_hash_table_insert (self->by_first_word, g_steal_pointer (&key), lengths);
    }
  g_array_append_val (lengths, length);
  self->sorted = FALSE;
  self->size++;
}

gboolean
gloss_matcher_add_regex (GlossMatcher  *self,
                         const char    *pattern,
                         const char    *type,
                         GError       **error)
{
  Rule rule;

  g_return_val_if_fail (GLOSS_IS_MATCHER (self), FALSE);
  g_return_val_if_fail (pattern != NULL && type != NULL, FALSE);

  rule.regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, error);
  if (rule.regex == NULL)
    return FALSE;
  rule.type = g_intern_string (type);
  g_array_append_val (self->rules, rule);
  self->size++;
  return TRUE;
}

gboolean
gloss_matcher_add_patterns (GlossMatcher  *self,
                            JsonNode      *patterns,
                            GError       **error)
{
  JsonArray *array;

  g_return_val_if_fail (GLOSS_IS_MATCHER (self), FALSE);

  if (patterns == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (patterns))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "schema: patterns: expected an array of rules");
      return FALSE;
    }
  array = json_node_get_array (patterns);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *e = json_array_get_element (array, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (e) ? json_node_get_object (e) : NULL;
      const char *type = o ? _gloss_json_get_string (o, "type") : NULL;
      const char *regex = o ? _gloss_json_get_string (o, "regex") : NULL;
      JsonNode *gazetteer = o ? json_object_get_member (o, "gazetteer") : NULL;
      g_autoptr(GError) local_error = NULL;

      if (type == NULL || (regex == NULL) == (gazetteer == NULL))
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "schema: patterns[%u]: expected {\"type\": T, \"regex\": R} or "
                       "{\"type\": T, \"gazetteer\": [names]}", i);
          return FALSE;
        }
      if (regex != NULL && !gloss_matcher_add_regex (self, regex, type, &local_error))
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "schema: patterns[%u].regex: %s", i, local_error->message);
          return FALSE;
        }
      if (gazetteer != NULL)
        {
          JsonArray *names = JSON_NODE_HOLDS_ARRAY (gazetteer) ? json_node_get_array (gazetteer) : NULL;

          for (guint j = 0; names != NULL && j < json_array_get_length (names); j++)
            {
              JsonNode *n = json_array_get_element (names, j);

              if (JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
                gloss_matcher_add (self, json_node_get_string (n), type, NULL, GLOSS_SUGGESTION_PATTERN);
            }
          if (names == NULL)
            {
              g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                           "schema: patterns[%u].gazetteer: expected an array of names", i);
              return FALSE;
            }
        }
    }
  return TRUE;
}

guint
gloss_matcher_get_size (GlossMatcher *self)
{
  g_return_val_if_fail (GLOSS_IS_MATCHER (self), 0);
  return self->size;
}

/* Code points of byte offsets met in increasing order. */
typedef struct
{
  const char *text;
  gsize       byte;
  guint       chars;
} Cursor;

static guint
cursor_seek (Cursor *cursor,
             gsize   byte)
{
  if (byte < cursor->byte)
    {
      cursor->byte = 0;
      cursor->chars = 0;
    }
  cursor->chars += g_utf8_strlen (cursor->text + cursor->byte, byte - cursor->byte);
  cursor->byte = byte;
  return cursor->chars;
}

static int
compare_suggestions (gconstpointer a,
                     gconstpointer b)
{
  const GlossSuggestion *sa = a, *sb = b;

  if (sa->start != sb->start)
    return sa->start < sb->start ? -1 : 1;
  if (sa->end != sb->end)
    return sa->end > sb->end ? -1 : 1;
  return (int) sa->source - (int) sb->source;
}

static void
run_rules (GlossMatcher *self,
           const char   *text,
           gsize         length,
           GArray       *found)
{
  for (guint r = 0; r < self->rules->len; r++)
    {
      Rule *rule = &g_array_index (self->rules, Rule, r);
      g_autoptr(GMatchInfo) info = NULL;
      Cursor cursor = { text, 0, 0 };

      g_regex_match_full (rule->regex, text, length, 0, 0, &info, NULL);
      while (g_match_info_matches (info))
        {
          int start, end;

          if (g_match_info_fetch_pos (info, 0, &start, &end) && end > start)
            {
              GlossSuggestion s = { 0 };

              s.start = cursor_seek (&cursor, start);
              s.end = cursor_seek (&cursor, end);
              s.type = rule->type;
              s.source = GLOSS_SUGGESTION_PATTERN;
              g_array_append_val (found, s);
            }
          if (!g_match_info_next (info, NULL))
            break;
        }
    }
}

/**
 * gloss_matcher_run:
 *
 * Returns: (transfer full) (element-type GlossSuggestion): the matches
 */
GArray *
gloss_matcher_run (GlossMatcher *self,
                   const char   *text,
                   gsize         length)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (GlossSuggestion));
  const char *end = text + length;
  const char *p = text;
  gboolean in_word = FALSE;
  guint chars = 0;
  char key[256];

  g_return_val_if_fail (GLOSS_IS_MATCHER (self), found);

  if (!self->sorted)
    sort_lengths (self);

  while (p < end)
    {
      gboolean word = word_char_at (p);

      if (word && !in_word && g_hash_table_size (self->by_first_word) > 0)
        {
          gsize first = word_length (p, end);
          GArray *lengths = NULL;

          if (first < sizeof key)
            {
              memcpy (key, p, first);
              key[first] = '\0';
              lengths = g_hash_table_lookup (self->by_first_word, key);
            }
          for (guint i = 0; lengths != NULL && i < lengths->len; i++)
            {
              gsize n = g_array_index (lengths, gsize, i);
              const char *after = p + n;
              g_autofree char *heap = NULL;
              const char *candidate;
              const Name *name;

              if (n > (gsize) (end - p) || (after < end && word_char_at (after)))
                continue;
              if (n < sizeof key)
                {
                  memcpy (key, p, n);
                  key[n] = '\0';
                  candidate = key;
                }
              else
                candidate = heap = g_strndup (p, n);
              if ((name = g_hash_table_lookup (self->texts, candidate)) == NULL)
                continue;

              {
                GlossSuggestion s = { chars, chars + name->n_chars, name->type, name->entity, name->source };

                g_array_append_val (found, s);
              }
              /* Leftmost-longest: go on after the match. */
              chars += name->n_chars;
              p = after;
              in_word = TRUE;
              goto next;
            }
        }
      in_word = word;
      p = g_utf8_next_char (p);
      chars++;
    next:
      ;
    }

  if (self->rules->len > 0)
    {
      guint kept = 0;
      guint reach = 0;

      run_rules (self, text, length, found);
      g_array_sort (found, compare_suggestions);
      /* Names and rules may overlap: the first and longest wins. */
      for (guint i = 0; i < found->len; i++)
        {
          GlossSuggestion *s = &g_array_index (found, GlossSuggestion, i);

          if (kept > 0 && s->start < reach)
            continue;
          g_array_index (found, GlossSuggestion, kept++) = *s;
          reach = s->end;
        }
      g_array_set_size (found, kept);
    }
  return found;
}
