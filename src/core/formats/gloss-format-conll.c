/* gloss-format-conll.c: CoNLL-2003-style token-per-line IOB2 tags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export: "-DOCSTART- -X- -X- O" and a blank line before each document,
 * then one "TOKEN -X- -X- TAG" line per token (gloss-tokenizer.c), a blank
 * line after each sentence. Tags are IOB2 (B-TYPE, I-TYPE, O). Where
 * mentions overlap the outermost (the first to start, the longest of
 * those) is kept and every other is reported with where it is.
 *
 * Import: any number of whitespace-separated columns, the token first and
 * the tag last; IOB2, IOB1 (I- opening a mention) and BIOES/BILOU tags.
 * The text is rebuilt from the tokens (one space between them, none
 * before closing or after opening punctuation, none between CJK
 * characters; a line break between sentences), so a mention's text is its
 * tokens.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "gloss-error.h"
#include "gloss-format-conll.h"
#include "gloss-format-private.h"
#include "gloss-store.h"
#include "gloss-tokenizer.h"

/* Import */

typedef struct
{
  guint  start;        /* code points of the rebuilt text */
  char  *type;
  guint  line;
} OpenMention;

typedef struct
{
  GlossImportContext *context;
  GString            *text;
  guint               length;       /* of text, in code points */
  GArray             *spans;        /* GlossSpan of the finished mentions */
  GPtrArray          *types;        /* their types */
  OpenMention         open;         /* type NULL: none */
  gboolean            sentence_has_tokens;
  gboolean            quote_open;   /* a straight " opened and not closed */
  gboolean            no_space_next;
  guint               doc_line;     /* where the document began */
} Reader;

static gboolean
attaches_left (const char *token)
{
  static const char *const closing[] = {
    ".", ",", ";", ":", "!", "?", ")", "]", "}", "”", "’", "%", "…", "»",
    "。", "，", "！", "？", "、", "）", "」", "』",
  };

  /* Most tokens are words, and none of these but "n't" begins with an
   * ASCII letter or digit. */
  if (g_ascii_isalnum (token[0]))
    return g_ascii_strcasecmp (token, "n't") == 0 || g_str_equal (token, "n’t");

  for (gsize i = 0; i < G_N_ELEMENTS (closing); i++)
    if (g_str_equal (token, closing[i]))
      return TRUE;

  /* Contractions and possessives: "’s", "'s". */
  return g_str_has_prefix (token, "’") || g_str_has_prefix (token, "'");
}

static gboolean
attaches_right (const char *token)
{
  static const char *const opening[] = {
    "(", "[", "{", "“", "‘", "$", "£", "€", "«", "（", "「", "『",
  };

  if (g_ascii_isalnum (token[0]))
    return FALSE;

  for (gsize i = 0; i < G_N_ELEMENTS (opening); i++)
    if (g_str_equal (token, opening[i]))
      return TRUE;
  return FALSE;
}

static void
close_mention (Reader *r)
{
  GlossSpan span;

  if (r->open.type == NULL)
    return;
  span.start = r->open.start;
  span.end = r->length;
  g_array_append_val (r->spans, span);
  g_ptr_array_add (r->types, g_steal_pointer (&r->open.type));
}

static void
append_token (Reader     *r,
              const char *token)
{
  gboolean space;
  gunichar first = g_utf8_get_char (token);

  if (r->text->len == 0 || !r->sentence_has_tokens)
    space = FALSE;
  else if (g_str_equal (token, "\""))
    space = !r->quote_open;  /* an opening quote has a space before it */
  else
    space = !r->no_space_next && !attaches_left (token) &&
            !(gloss_char_is_cjk (first) &&
              gloss_char_is_cjk (g_utf8_get_char (g_utf8_prev_char (r->text->str + r->text->len))));

  if (r->text->len > 0 && !r->sentence_has_tokens)
    {
      g_string_append_c (r->text, '\n');
      r->length++;
    }
  else if (space)
    {
      g_string_append_c (r->text, ' ');
      r->length++;
    }

  if (g_str_equal (token, "\""))
    {
      r->no_space_next = !r->quote_open;
      r->quote_open = !r->quote_open;
    }
  else
    r->no_space_next = attaches_right (token);

  g_string_append (r->text, token);
  r->length += g_utf8_strlen (token, -1);
  r->sentence_has_tokens = TRUE;
}

static void
reset (Reader *r)
{
  g_string_truncate (r->text, 0);
  r->length = 0;
  g_array_set_size (r->spans, 0);
  g_ptr_array_set_size (r->types, 0);
  r->sentence_has_tokens = FALSE;
  r->quote_open = FALSE;
  r->no_space_next = FALSE;
}

static gboolean
finish_document (Reader      *r,
                 const char  *where,
                 GError     **error)
{
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GPtrArray) mentions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonObject) empty = json_object_new ();
  g_autofree char *loc = g_strdup_printf ("%s:%u", where, r->doc_line);
  GPtrArray *lists[] = { mentions };

  close_mention (r);
  if (r->context->n_problems > 0)
    {
      /* Its problems are logged: the document is left out. */
      g_ptr_array_add (r->context->options->log->skipped, g_steal_pointer (&loc));
      r->context->n_problems = 0;
      reset (r);
      return TRUE;
    }
  if (r->text->len == 0 && r->spans->len == 0)
    return TRUE;  /* -DOCSTART- with nothing after it */

  document = _gloss_format_new_document (r->context, empty, r->text->str, loc, error);
  if (document == NULL)
    return FALSE;

  for (guint i = 0; i < r->spans->len; i++)
    {
      const char *type = g_ptr_array_index (r->types, i);
      g_autofree char *id = g_strdup_printf ("m%u", i + 1);
      GlossMention *mention;

      gloss_schema_ensure (r->context->schema, GLOSS_LABEL_ENTITY, type);
      mention = gloss_mention_new (type, &g_array_index (r->spans, GlossSpan, i), 1);
      gloss_annotation_set_id (GLOSS_ANNOTATION (mention), id);
      g_ptr_array_add (mentions, mention);
    }

  reset (r);

  return _gloss_format_add_store (r->context, document, lists, G_N_ELEMENTS (lists), loc, error);
}

/* Splits "B-PER" into 'B' and "PER"; FALSE when it is no tag. */
static gboolean
parse_tag (const char  *tag,
           char        *prefix,
           const char **type)
{
  if (g_str_equal (tag, "O"))
    {
      *prefix = 'O';
      *type = NULL;
      return TRUE;
    }
  if (strchr ("BIESLU", tag[0]) == NULL || tag[0] == '\0' ||
      (tag[1] != '-' && tag[1] != '_') || tag[2] == '\0')
    return FALSE;
  *prefix = tag[0];
  *type = tag + 2;
  return TRUE;
}

static gboolean
read_token_line (Reader      *r,
                 char       **columns,
                 const char  *where,
                 guint        line,
                 GError     **error)
{
  guint n = g_strv_length (columns);
  const char *token = columns[0];
  const char *tag = columns[n - 1];
  const char *type;
  char prefix;
  gboolean opens, closes_after;
  guint start;

  if (n < 2)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SYNTAX,
                   "%s:%u: “%s” is not a token and a tag (CoNLL has one token a line, "
                   "its tag in the last column)", where, line, token);
      return FALSE;
    }
  if (!parse_tag (tag, &prefix, &type))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s:%u: “%s” is not an IOB tag (O, B-TYPE, I-TYPE; E-, S-, L-, U- "
                   "of BIOES and BILOU)", where, line, tag);
      return FALSE;
    }

  /* I- and E-/L- go on a mention of the same type; anything else ends it. */
  opens = prefix == 'B' || prefix == 'S' || prefix == 'U' ||
          ((prefix == 'I' || prefix == 'E' || prefix == 'L') &&
           (r->open.type == NULL || !g_str_equal (r->open.type, type)));
  if (prefix == 'O' || opens)
    close_mention (r);

  append_token (r, token);
  start = r->length - g_utf8_strlen (token, -1);
  if (opens)
    r->open = (OpenMention) { start, g_strdup (type), line };

  closes_after = prefix == 'E' || prefix == 'L' || prefix == 'S' || prefix == 'U';
  if (closes_after)
    close_mention (r);

  return TRUE;
}

/**
 * gloss_conll_import:
 * @input: the file's bytes
 * @options: the starting schema and the progress callback
 * @error: return location for a #GLOSS_FORMAT_ERROR
 *
 * Returns: (transfer container) (element-type GlossStore): one store per
 *   document (-DOCSTART- starts one), or %NULL on error
 */
GPtrArray *
gloss_conll_import (GBytes                   *input,
                    const GlossFormatOptions *options,
                    GError                  **error)
{
  g_autoptr(GPtrArray) stores = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossSchema) schema = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *source = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (GlossSpan));
  g_autoptr(GPtrArray) types = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  GlossImportContext context = { 0 };
  const char *where;
  const char *start;
  gsize size = g_bytes_get_size (input), pos = 0, len;
  guint line = 0;
  Reader r;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  where = options->where ? options->where : "<input>";
  schema = options->schema ? gloss_schema_copy (options->schema) : gloss_schema_new_default ();
  stem = _gloss_format_stem (options->where);
  source = options->where ? g_path_get_basename (options->where) : NULL;
  context = (GlossImportContext) {
    .options = options, .unit = GLOSS_OFFSET_CODEPOINTS, .schema = schema,
    .stores = stores, .stem = stem, .source = source,
  };
  r = (Reader) { .context = &context, .text = text, .spans = spans, .types = types, .doc_line = 1 };

  while (_gloss_format_next_line (input, &pos, &line, &start, &len, where, &local_error))
    {
      g_autofree char *copy = NULL;
      g_auto(GStrv) columns = NULL;
      g_autoptr(GError) line_error = NULL;

      copy = g_strndup (start, len);
      columns = g_strsplit_set (g_strstrip (copy), " \t", -1);
      /* Runs of separators ("EU  B-ORG") leave empty columns: drop them. */
      {
        guint k = 0;

        for (guint i = 0; columns[i] != NULL; i++)
          if (*columns[i] != '\0')
            columns[k++] = columns[i];
          else
            g_free (columns[i]);
        columns[k] = NULL;
      }

      if (columns[0] == NULL)
        {
          close_mention (&r);
          r.sentence_has_tokens = FALSE;
          continue;
        }
      if (g_str_equal (columns[0], "-DOCSTART-"))
        {
          if (!finish_document (&r, where, error))
            goto fail;
          r.doc_line = line;
          continue;
        }
      if (!read_token_line (&r, columns, where, line, &line_error))
        {
          /* With an import log, every bad line is told. */
          if (!_gloss_format_log_problem (&context, &line_error))
            {
              g_propagate_error (error, g_steal_pointer (&line_error));
              goto fail;
            }
          continue;
        }

      if (options->progress != NULL)
        options->progress (pos, size, options->progress_data);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto fail;
    }
  if (!finish_document (&r, where, error))
    goto fail;
  if (options->progress != NULL)
    options->progress (size, size, options->progress_data);

  return g_steal_pointer (&stores);

fail:
  g_clear_pointer (&r.open.type, g_free);
  return NULL;
}

/* Export */

typedef struct
{
  GlossSpan        span;
  GlossAnnotation *mention;   /* borrowed */
} Chunk;

static int
compare_chunks (gconstpointer a,
                gconstpointer b)
{
  const Chunk *x = a, *y = b;

  if (x->span.start != y->span.start)
    return x->span.start < y->span.start ? -1 : 1;
  if (x->span.end != y->span.end)
    return x->span.end > y->span.end ? -1 : 1;  /* the longer first */
  return 0;
}

static void
describe (GString         *out,
          GlossDocument   *document,
          const Chunk     *chunk)
{
  g_autofree char *text = gloss_document_dup_slice (document, chunk->span.start, chunk->span.end);

  g_string_append_printf (out, "%s %s %u–%u “%s”",
                          gloss_annotation_get_id (chunk->mention),
                          gloss_annotation_get_type_id (chunk->mention),
                          chunk->span.start, chunk->span.end, text);
}

/* The mention fragments CoNLL can hold: no two overlap. */
static GArray *
kept_chunks (GlossStore        *store,
             GlossFormatReport *report)
{
  GListModel *list = gloss_store_get_list (store, GLOSS_KIND_MENTION);
  GlossDocument *document = gloss_store_get_document (store);
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (Chunk));
  GArray *kept = g_array_new (FALSE, FALSE, sizeof (Chunk));

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossAnnotation) mention = g_list_model_get_item (list, i);
      const GlossSpan *spans;
      guint n;

      spans = gloss_annotation_get_spans (mention, GLOSS_ROLE_CONTENT, &n);
      for (guint j = 0; j < n; j++)
        {
          Chunk chunk = { spans[j], mention };

          g_array_append_val (all, chunk);
        }
    }
  g_array_sort (all, compare_chunks);

  for (guint i = 0; i < all->len; i++)
    {
      Chunk *chunk = &g_array_index (all, Chunk, i);
      Chunk *last = kept->len > 0 ? &g_array_index (kept, Chunk, kept->len - 1) : NULL;

      if (last == NULL || chunk->span.start >= last->span.end)
        {
          g_array_append_val (kept, *chunk);
          continue;
        }

      if (report != NULL)
        {
          g_autoptr(GString) left_out = g_string_new (NULL);
          g_autoptr(GString) kept_one = g_string_new (NULL);
          const char *id = gloss_document_get_id (document);

          describe (left_out, document, chunk);
          describe (kept_one, document, last);
          gloss_format_report_add (report, GLOSS_LOSS_MENTIONS, 1);
          if (last->span.start <= chunk->span.start && last->span.end >= chunk->span.end)
            /* Translators: in the details of an export; a document, then
             * two mentions (id, type, offsets, text) */
            gloss_format_report_add_detail (report, _("%s: %s is inside %s; left out"),
                                            id != NULL ? id : _("document"), left_out->str, kept_one->str);
          else
            /* Translators: in the details of an export; a document, then
             * two mentions (id, type, offsets, text) */
            gloss_format_report_add_detail (report, _("%s: %s overlaps %s; left out"),
                                            id != NULL ? id : _("document"), left_out->str, kept_one->str);
        }
    }

  return kept;
}

static void
append_tag_type (GString    *out,
                 const char *type)
{
  /* A column holds no whitespace. */
  for (const char *p = type; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        g_string_append_c (out, '_');
      else
        g_string_append_unichar (out, c);
    }
}

/* Whether @s is all white space (or empty). */
static gboolean
only_space (const char *s)
{
  while (*s != '\0' && g_ascii_isspace (*s))
    s++;
  return *s == '\0';
}

static void
export_store (GString           *out,
              GlossStore        *store,
              GlossFormatReport *report)
{
  GlossDocument *document = gloss_store_get_document (store);
  const char *text = gloss_document_get_text (document);
  g_autoptr(GArray) chunks = kept_chunks (store, report);
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) keep = g_array_new (FALSE, FALSE, sizeof (GlossSpan));
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GString) token_text = g_string_new (NULL);
  g_autoptr(GString) rebuilt_text = g_string_new (NULL);
  Reader rebuilt = { .text = rebuilt_text };
  gsize text_len = strlen (text);
  gboolean differs = report == NULL;   /* no one to tell: no check */
  guint c = 0;

  for (guint i = 0; i < chunks->len; i++)
    {
      Chunk *chunk = &g_array_index (chunks, Chunk, i);

      g_array_append_val (cuts, chunk->span.start);
      g_array_append_val (cuts, chunk->span.end);
      g_array_append_val (keep, chunk->span);
    }
  tokens = gloss_tokenize (text, cuts->len > 0 ? &g_array_index (cuts, guint, 0) : NULL, cuts->len);
  gloss_split_sentences (text, tokens, keep->len > 0 ? &g_array_index (keep, GlossSpan, 0) : NULL,
                         keep->len);

  g_string_append (out, "-DOCSTART- -X- -X- O\n");
  for (guint i = 0; i < tokens->len; i++)
    {
      GlossToken *token = &g_array_index (tokens, GlossToken, i);
      gsize n_bytes;
      const char *slice = gloss_document_peek_slice (document, token->start, token->end, &n_bytes);
      Chunk *chunk;

      if (token->sentence_start)
        g_string_append_c (out, '\n');

      while (c < chunks->len && g_array_index (chunks, Chunk, c).span.end <= token->start)
        c++;
      chunk = c < chunks->len ? &g_array_index (chunks, Chunk, c) : NULL;

      /* The text an import rebuilds from the tokens, as far as it is
       * the same as this one: whether its spacing is lost. */
      if (!differs)
        {
          gsize before = rebuilt_text->len;

          if (token->sentence_start)
            rebuilt.sentence_has_tokens = FALSE;
          g_string_truncate (token_text, 0);
          g_string_append_len (token_text, slice, n_bytes);
          append_token (&rebuilt, token_text->str);
          differs = rebuilt_text->len > text_len ||
                    memcmp (rebuilt_text->str + before, text + before, rebuilt_text->len - before) != 0;
        }

      g_string_append_len (out, slice, n_bytes);
      g_string_append (out, " -X- -X- ");
      if (chunk != NULL && chunk->span.start <= token->start)
        {
          g_string_append (out, chunk->span.start == token->start ? "B-" : "I-");
          append_tag_type (out, gloss_annotation_get_type_id (chunk->mention));
        }
      else
        g_string_append_c (out, 'O');
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');

  if (report != NULL && (differs || !only_space (text + rebuilt_text->len)))
    {
      gloss_format_report_add (report, GLOSS_LOSS_SPACING, 1);
      /* Translators: in the details of an export; %s a document */
      gloss_format_report_add_detail (report, _("%s: its text is read back with the spaces CoNLL implies, "
                                                "not its own"), gloss_document_get_id (document));
    }
}

/**
 * gloss_conll_export:
 * @stores: (element-type GlossStore): the documents
 * @options: the report and the progress callback
 * @error: return location for a #GLOSS_FORMAT_ERROR
 *
 * Writes every document as "-DOCSTART-" and its sentences, one token a
 * line with its IOB2 tag; overlapping mentions but the outermost are left
 * out and reported.
 *
 * Returns: (transfer full): the file's bytes
 */
GBytes *
gloss_conll_export (GPtrArray                *stores,
                    const GlossFormatOptions *options,
                    GError                  **error)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (stores != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  for (guint i = 0; i < stores->len; i++)
    {
      export_store (out, g_ptr_array_index (stores, i), options->report);
      if (options->progress != NULL)
        options->progress (i + 1, stores->len, options->progress_data);
    }

  return g_string_free_to_bytes (out);
}
