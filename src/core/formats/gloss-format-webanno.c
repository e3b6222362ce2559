/* gloss-format-webanno.c: INCEpTION/WebAnno TSV 3.3, import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One document a file: a header naming the layers (#T_SP span layers,
 * #T_CH coreference chains, #T_RL relations, each with its features),
 * then sentences: #Text= lines and one row per token (and sub-token):
 * "SENT-TOK <TAB> BEGIN-END <TAB> TOKEN <TAB> one column per feature…".
 * Offsets are UTF-16 units of the whole document. The text is rebuilt from
 * the sentences at their first token's offset; a gap before a sentence
 * becomes a line break (then spaces), as INCEpTION writes sentences on
 * lines of their own. Every token's text is checked against the rebuilt
 * text, so a unit mismatch cannot pass unseen.
 *
 * A cell holds "_" (nothing), or annotations separated by "|" (stacked),
 * each "VALUE" or "VALUE[ID]" (ID ties the rows of one multi-token or
 * stacked annotation together); "*" is an annotation without a value.
 * Span layers become mentions (their "value" feature, else the first, is
 * the type; without one, the layer's name); layers of linguistic
 * preprocessing (DKPro segmentation, lexmorph, syntax: tokens, lemmas,
 * parts of speech…) are left out. Chains become entities of their links'
 * mentions (a link on the span of a named entity joins that mention).
 * Relations between two imported span annotations become relations
 * between their mentions' entities.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-format-private.h"
#include "gloss-format-webanno.h"

typedef enum
{
  LAYER_SPAN,
  LAYER_CHAIN,
  LAYER_RELATION,
} LayerKind;

typedef struct
{
  LayerKind  kind;
  char      *type;          /* the UIMA type */
  const char *name;         /* its last component, in @type */
  GStrv      features;
  guint      column;        /* the first of its columns after the token */
  guint      n_columns;
  int        label;         /* the column (of its own) naming the type, or -1 */
  int        identifier;    /* span: the column of a KB identifier, or -1 */
  int        link;          /* chain: the referenceRelation column */
  int        base;          /* relation: the layer it links, or -1 */
  guint64    roles;         /* slot features' role columns (bit per column) */
  guint64    slots;         /* their target columns, not read */
  gboolean   skip;
} Layer;

typedef struct
{
  guint  layer;
  guint  id;                /* the cell's [ID]; for chains the chain */
  guint  start, end;        /* UTF-16 */
  char  *label;
  char  *identifier;
  char  *loc;
  GlossMention *mention;
} Span;

typedef struct
{
  char      *loc;
  char      *name;          /* "1-2", "1-2.1" */
  guint      start, end;    /* UTF-16 */
  char      *token;
  GStrv      cells;
  GPtrArray *spans;         /* Span, borrowed */
} Row;

typedef struct
{
  GlossImportContext *context;
  const char         *where;
  GPtrArray          *layers;
  GPtrArray          *rows;
  GHashTable         *row_by_name;
  GString            *text;
  guint64             text_utf16;
  guint64             padding;       /* spaces still allowed between sentences */
  char               *sentence;      /* #Text of the sentence whose rows are next */
  GHashTable         *span_by_key;
  GPtrArray          *spans;
  GlossDocument      *document;
  GPtrArray          *mentions;
  GPtrArray          *entities;
  GPtrArray          *relations;
  GHashTable         *mention_at;    /* "START:END" in code points → GlossMention */
  GHashTable         *chain_entity;  /* "LAYER:CHAIN" → GlossEntity */
  GHashTable         *chained;       /* the entities of chains */
} Reader;

static void
layer_free (Layer *layer)
{
  g_free (layer->type);
  g_strfreev (layer->features);
  g_free (layer);
}

static void
span_free (Span *span)
{
  g_free (span->label);
  g_free (span->identifier);
  g_free (span->loc);
  g_free (span);
}

static void
row_free (Row *row)
{
  g_free (row->loc);
  g_free (row->name);
  g_free (row->token);
  g_strfreev (row->cells);
  g_ptr_array_unref (row->spans);
  g_free (row);
}

/* With an import log, @error's problem is logged and the reading goes on. */
static gboolean
problem (Reader  *r,
         GError **error)
{
  return _gloss_format_log_problem (r->context, error);
}

static guint
utf16_length (const char *s,
              gssize      n)
{
  guint units = 0;

  for (const char *p = s; n < 0 ? *p != '\0' : p < s + n; p = g_utf8_next_char (p))
    units += g_utf8_get_char (p) > 0xffff ? 2 : 1;
  return units;
}

/* Backslash escapes of TSV 3: \t \n \r are control characters, any other
 * escaped character stands for itself. */
static char *
unescape (const char *s,
          gssize      n)
{
  GString *out = g_string_new (NULL);
  const char *end = n < 0 ? s + strlen (s) : s + n;

  for (const char *p = s; p < end; p++)
    {
      if (*p == '\\' && p + 1 < end)
        {
          p++;
          switch (*p)
            {
            case 't': g_string_append_c (out, '\t'); break;
            case 'n': g_string_append_c (out, '\n'); break;
            case 'r': g_string_append_c (out, '\r'); break;
            default: g_string_append_c (out, *p); break;
            }
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Splits @cell at unescaped @separator characters (raw, still escaped). */
static GPtrArray *
split_unescaped (const char *cell,
                 char        separator)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  const char *start = cell;

  for (const char *p = cell; ; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          continue;
        }
      if (*p == separator || *p == '\0')
        {
          g_ptr_array_add (parts, g_strndup (start, p - start));
          if (*p == '\0')
            break;
          start = p + 1;
        }
    }
  return parts;
}

/* "VALUE[ID]" → VALUE (unescaped) and ID; "VALUE" → ID 0. For relation
 * targets "S-T[A_B]" the bracket is returned whole in @bracket. */
static char *
split_id (const char  *item,
          guint       *id,
          char       **bracket)
{
  gsize n = strlen (item);
  const char *open = NULL;

  *id = 0;
  if (bracket != NULL)
    *bracket = NULL;
  if (n >= 3 && item[n - 1] == ']' && (n < 2 || item[n - 2] != '\\'))
    {
      for (const char *p = item + n - 2; p >= item; p--)
        if (*p == '[' && (p == item || p[-1] != '\\'))
          {
            open = p;
            break;
          }
    }
  if (open == NULL)
    return unescape (item, -1);
  if (bracket != NULL)
    *bracket = g_strndup (open + 1, item + n - 1 - (open + 1));
  else
    *id = (guint) g_ascii_strtoull (open + 1, NULL, 10);
  return unescape (item, open - item);
}

static gboolean
is_empty_value (const char *value)
{
  return value == NULL || *value == '\0' || g_str_equal (value, "*");
}

/* Layers of linguistic preprocessing: not annotations an analyst made. */
static gboolean
is_preprocessing (const char *type)
{
  return g_str_has_prefix (type, "de.tudarmstadt.ukp.dkpro.core.api.segmentation.") ||
         g_str_has_prefix (type, "de.tudarmstadt.ukp.dkpro.core.api.lexmorph.") ||
         g_str_has_prefix (type, "de.tudarmstadt.ukp.dkpro.core.api.syntax.");
}

static gboolean
read_layer (Reader      *r,
            const char  *line,
            const char  *loc,
            GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (line + strlen ("#T_SP="), "|", -1);
  Layer *layer = g_new0 (Layer, 1);
  Layer *last = r->layers->len > 0 ? g_ptr_array_index (r->layers, r->layers->len - 1) : NULL;
  guint n = g_strv_length (parts);
  const char *dot;

  layer->kind = g_str_has_prefix (line, "#T_SP=") ? LAYER_SPAN
              : g_str_has_prefix (line, "#T_CH=") ? LAYER_CHAIN : LAYER_RELATION;
  layer->type = g_strdup (parts[0]);
  dot = strrchr (layer->type, '.');
  layer->name = dot != NULL ? dot + 1 : layer->type;
  layer->column = last != NULL ? last->column + last->n_columns : 0;
  layer->label = layer->identifier = layer->link = layer->base = -1;
  layer->skip = is_preprocessing (layer->type);
  g_ptr_array_add (r->layers, layer);

  if (layer->kind == LAYER_RELATION)
    {
      if (n < 2 || !g_str_has_prefix (parts[n - 1], "BT_"))
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: a relation layer ends with its base type, “BT_TYPE”", loc);
          return FALSE;
        }
      for (guint i = 0; i < r->layers->len - 1; i++)
        {
          Layer *other = g_ptr_array_index (r->layers, i);

          if (other->kind == LAYER_SPAN && g_str_equal (other->type, parts[n - 1] + 3) && !other->skip)
            layer->base = i;
        }
      layer->features = g_strdupv (parts + 1);
      g_free (layer->features[n - 2]);
      layer->features[n - 2] = NULL;
      layer->n_columns = n - 1;
    }
  else
    {
      layer->features = g_strdupv (parts + 1);
      layer->n_columns = MAX (n - 1, 1);
    }

  for (guint i = 0; layer->features[i] != NULL; i++)
    {
      const char *feature = layer->features[i];

      /* A slot feature (links to other annotations) has two columns: the
       * roles and the targets. Neither is a type. */
      if (g_str_has_prefix (feature, "ROLE_") && i < 63)
        {
          layer->roles |= G_GUINT64_CONSTANT (1) << i;
          layer->slots |= G_GUINT64_CONSTANT (2) << i;
          i++;
          if (layer->features[i] == NULL)
            break;
          continue;
        }

      if (layer->kind == LAYER_CHAIN)
        {
          if (g_str_equal (feature, "referenceType"))
            layer->label = i;
          else if (g_str_equal (feature, "referenceRelation"))
            layer->link = i;
        }
      else if (g_str_equal (feature, "value") || (layer->label < 0 && !g_str_equal (feature, "identifier")))
        layer->label = i;
      if (g_str_equal (feature, "identifier"))
        layer->identifier = i;
    }
  if (layer->kind == LAYER_CHAIN && (layer->label < 0 || layer->link < 0))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                   "%s: a chain layer has the features referenceType and referenceRelation", loc);
      return FALSE;
    }
  return TRUE;
}

/* The text between sentences is not in the file: it is padded with
 * spaces up to the sentence's BEGIN. read_row() keeps the padding of
 * all gaps together within r->padding (the input's size, at least
 * 4 KiB), so a forged BEGIN cannot make a text of gigabytes. */
static void
place_sentence (Reader  *r,
                guint64  begin)
{
  if (begin > r->text_utf16)
    {
      guint64 gap = begin - r->text_utf16;

      r->padding -= gap;

      if (r->text->len > 0)
        {
          g_string_append_c (r->text, '\n');
          gap--;
        }
      for (guint64 i = 0; i < gap; i++)
        g_string_append_c (r->text, ' ');
      r->text_utf16 = begin;
    }
  g_string_append (r->text, r->sentence);
  r->text_utf16 += utf16_length (r->sentence, -1);
  g_clear_pointer (&r->sentence, g_free);
}

static gboolean
read_row (Reader      *r,
          const char  *line,
          const char  *loc,
          GError     **error)
{
  g_auto(GStrv) fields = g_strsplit (line, "\t", -1);
  guint n = g_strv_length (fields);
  guint64 start, end;
  Row *row;
  char *dash = NULL;

  /* Every column ends with a tab: the last field is empty. */
  if (n > 3 && fields[n - 1][0] == '\0')
    {
      g_free (fields[n - 1]);
      fields[--n] = NULL;
    }
  if (n < 3 || (dash = strchr (fields[1], '-')) == NULL)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SYNTAX,
                   "%s: a token row is “SENTENCE-TOKEN <TAB> BEGIN-END <TAB> TOKEN <TAB> …”", loc);
      return FALSE;
    }
  *dash = '\0';
  if (!g_ascii_string_to_unsigned (fields[1], 10, 0, G_MAXUINT, &start, NULL) ||
      !g_ascii_string_to_unsigned (dash + 1, 10, 0, G_MAXUINT, &end, NULL) || end < start)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SYNTAX,
                   "%s: “%s-%s” is not BEGIN-END", loc, fields[1], dash + 1);
      return FALSE;
    }

  if (r->sentence != NULL)
    {
      if (start < r->text_utf16)
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: the sentence begins at %" G_GUINT64_FORMAT ", inside the one before (it ends at %" G_GUINT64_FORMAT ")",
                       loc, start, r->text_utf16);
          g_clear_pointer (&r->sentence, g_free);
          return FALSE;
        }
      if (start - r->text_utf16 > r->padding)
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: the sentence begins at %" G_GUINT64_FORMAT ", far past the text (it ends at %" G_GUINT64_FORMAT ")",
                       loc, start, r->text_utf16);
          g_clear_pointer (&r->sentence, g_free);
          return FALSE;
        }
      place_sentence (r, start);
    }

  row = g_new0 (Row, 1);
  row->loc = g_strdup (loc);
  row->name = g_strdup (fields[0]);
  row->start = start;
  row->end = end;
  row->token = unescape (fields[2], -1);
  row->cells = g_strdupv (fields + 3);
  row->spans = g_ptr_array_new ();
  g_ptr_array_add (r->rows, row);
  g_hash_table_insert (r->row_by_name, row->name, row);
  return TRUE;
}

static gboolean
read_lines (Reader  *r,
            GBytes  *input,
            GError **error)
{
  gsize size;
  const char *data = g_bytes_get_data (input, &size);
  const char *p = data, *end = data + size;
  guint number = 0;

  if (memchr (data, '\0', size) != NULL || !g_utf8_validate (data, size, NULL))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SYNTAX,
                   "%s: not UTF-8 text", r->where);
      return FALSE;
    }

  r->padding = MAX (size, 4096);
  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      gsize len = (nl ? nl : end) - p;
      g_autofree char *line = g_strndup (p, len > 0 && p[len - 1] == '\r' ? len - 1 : len);
      g_autofree char *loc = g_strdup_printf ("%s:%u", r->where, ++number);
      g_autoptr(GError) local_error = NULL;

      p = nl ? nl + 1 : end;
      if (number == 1 && !g_str_has_prefix (line, "#FORMAT=WebAnno TSV 3"))
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SYNTAX,
                       "%s: not WebAnno TSV 3 (it begins with “#FORMAT=WebAnno TSV 3.3”)", loc);
          return FALSE;
        }
      if (number == 1 || line[0] == '\0')
        continue;
      if (g_str_has_prefix (line, "#T_SP=") || g_str_has_prefix (line, "#T_CH=") ||
          g_str_has_prefix (line, "#T_RL="))
        {
          if (!read_layer (r, line, loc, error))
            return FALSE;
        }
      else if (g_str_has_prefix (line, "#Text="))
        {
          g_autofree char *text = unescape (line + strlen ("#Text="), -1);

          if (r->sentence != NULL)
            {
              char *joined = g_strconcat (r->sentence, "\n", text, NULL);

              g_free (r->sentence);
              r->sentence = joined;
            }
          else
            r->sentence = g_steal_pointer (&text);
        }
      else if (line[0] == '#')
        continue;
      else if (!read_row (r, line, loc, &local_error) && !problem (r, &local_error))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  if (r->sentence != NULL)
    place_sentence (r, r->text_utf16);
  return TRUE;
}

static Span *
span_for (Reader     *r,
          Row        *row,
          guint       layer,
          const char *key,
          guint       id)
{
  Span *span = g_hash_table_lookup (r->span_by_key, key);

  if (span == NULL)
    {
      span = g_new0 (Span, 1);
      span->layer = layer;
      span->id = id;
      span->start = row->start;
      span->end = row->end;
      span->loc = g_strdup (row->loc);
      g_ptr_array_add (r->spans, span);
      g_hash_table_insert (r->span_by_key, g_strdup (key), span);
    }
  span->start = MIN (span->start, row->start);
  span->end = MAX (span->end, row->end);
  if (!g_ptr_array_find (row->spans, span, NULL))
    g_ptr_array_add (row->spans, span);
  return span;
}

static const char *
cell (Row   *row,
      Layer *layer,
      int    column)
{
  guint i = layer->column + (column < 0 ? 0 : (guint) column);

  return i < g_strv_length (row->cells) ? row->cells[i] : "_";
}

static void
read_span_cells (Reader *r,
                 Row    *row,
                 guint   index)
{
  Layer *layer = g_ptr_array_index (r->layers, index);

  for (guint f = 0; f < layer->n_columns; f++)
    {
      const char *raw = cell (row, layer, f);
      g_autoptr(GPtrArray) items = NULL;

      if (g_str_equal (raw, "_") || (f < 64 && (layer->slots & (G_GUINT64_CONSTANT (1) << f)) != 0))
        continue;
      items = split_unescaped (raw, '|');
      for (guint k = 0; k < items->len; k++)
        {
          guint id;
          g_autofree char *value = split_id (g_ptr_array_index (items, k), &id, NULL);
          g_autofree char *key = id > 0 ? g_strdup_printf ("%u:%u", index, id)
                                        : g_strdup_printf ("%u:%s:%u", index, row->name, k);
          Span *span = span_for (r, row, index, key, id);

          if (f < 64 && (layer->roles & (G_GUINT64_CONSTANT (1) << f)) != 0)
            continue;  /* the host of slots: an annotation, its roles no type */
          if ((int) f == layer->label && !is_empty_value (value) && span->label == NULL)
            span->label = g_strdup (value);
          if ((int) f == layer->identifier && !is_empty_value (value) && span->identifier == NULL)
            span->identifier = g_strdup (value);
        }
    }
}

static gboolean
read_chain_cells (Reader  *r,
                  Row     *row,
                  guint    index,
                  GError **error)
{
  Layer *layer = g_ptr_array_index (r->layers, index);
  const char *types = cell (row, layer, layer->label);
  const char *links = cell (row, layer, layer->link);
  g_autoptr(GPtrArray) type_items = NULL;
  g_autoptr(GPtrArray) link_items = NULL;

  if (g_str_equal (links, "_"))
    return TRUE;
  type_items = split_unescaped (types, '|');
  link_items = split_unescaped (links, '|');
  for (guint k = 0; k < link_items->len; k++)
    {
      const char *link = g_ptr_array_index (link_items, k);
      const char *arrow = g_strrstr (link, "->");
      guint chain = 0, element = 0, ignored;
      g_autofree char *key = NULL;
      g_autofree char *type = NULL;
      Span *span;

      if (arrow == NULL || sscanf (arrow + 2, "%u-%u", &chain, &element) != 2 || chain == 0)
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SYNTAX,
                       "%s: %s: “%s” is not a chain link “RELATION->CHAIN-LINK”", row->loc, layer->name, link);
          return FALSE;
        }
      key = g_strdup_printf ("%u:%u-%u", index, chain, element);
      span = span_for (r, row, index, key, chain);
      if (k < type_items->len && span->label == NULL)
        {
          type = split_id (g_ptr_array_index (type_items, k), &ignored, NULL);
          if (!is_empty_value (type) && !g_str_equal (type, "_"))
            span->label = g_steal_pointer (&type);
        }
    }
  return TRUE;
}

static void retype_chains (Reader *r);

static gboolean
make_mentions (Reader  *r,
               GError **error)
{
  for (guint i = 0; i < r->spans->len; i++)
    {
      Span *span = g_ptr_array_index (r->spans, i);
      Layer *layer = g_ptr_array_index (r->layers, span->layer);
      const char *type = span->label != NULL ? span->label : layer->name;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *at = NULL;
      GlossSpan cp;

      if (span->start == span->end)
        {
          _gloss_format_log_note (r->context, "%s: %s: the annotation at %u is empty (zero width); left out",
                                  span->loc, layer->name, span->start);
          continue;
        }
      if (!_gloss_format_make_span (r->document, GLOSS_OFFSET_UTF16, span->start, span->end, NULL,
                                    span->loc, layer->name, &cp, &local_error))
        {
          if (!problem (r, &local_error))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          continue;
        }
      at = g_strdup_printf ("%u:%u", cp.start, cp.end);

      if (layer->kind == LAYER_CHAIN)
        {
          g_autofree char *chain = g_strdup_printf ("%u:%u", span->layer, span->id);
          GlossEntity *entity = g_hash_table_lookup (r->chain_entity, chain);

          span->mention = g_hash_table_lookup (r->mention_at, at);
          if (span->mention != NULL && gloss_mention_get_entity (span->mention) != NULL &&
              gloss_mention_get_entity (span->mention) != entity &&
              (entity != NULL || g_hash_table_contains (r->chained, gloss_mention_get_entity (span->mention))))
            span->mention = NULL;  /* in another chain, or its entity differs: a mention of its own */
          if (span->mention == NULL)
            {
              g_autofree char *id = g_strdup_printf ("m%u", r->mentions->len + 1);

              gloss_schema_ensure (r->context->schema, GLOSS_LABEL_ENTITY, type);
              span->mention = gloss_mention_new (type, &cp, 1);
              gloss_annotation_set_id (GLOSS_ANNOTATION (span->mention), id);
              g_ptr_array_add (r->mentions, span->mention);
            }
          if (entity == NULL)
            {
              /* A named entity's own (with its KB id) becomes the chain's. */
              entity = _gloss_format_entity_for_mention (r->document, span->mention, r->entities);
              g_hash_table_insert (r->chain_entity, g_steal_pointer (&chain), entity);
              g_hash_table_add (r->chained, entity);
            }
          else
            gloss_mention_set_entity (span->mention, entity);
          continue;
        }

      {
        g_autofree char *id = g_strdup_printf ("m%u", r->mentions->len + 1);

        gloss_schema_ensure (r->context->schema, GLOSS_LABEL_ENTITY, type);
        span->mention = gloss_mention_new (type, &cp, 1);
        gloss_annotation_set_id (GLOSS_ANNOTATION (span->mention), id);
        g_ptr_array_add (r->mentions, span->mention);
        if (!g_hash_table_contains (r->mention_at, at))
          g_hash_table_insert (r->mention_at, g_steal_pointer (&at), span->mention);
        if (span->identifier != NULL)
          gloss_entity_set_kb (_gloss_format_entity_for_mention (r->document, span->mention, r->entities),
                               span->identifier);
      }
    }
  retype_chains (r);
  return TRUE;
}

/* A chain with a named entity among its links is of that entity's type,
 * and so are its other links (coreference types such as "CM" say how a
 * link refers, not what to). */
static void
retype_chains (Reader *r)
{
  g_autoptr(GHashTable) type_of = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < r->spans->len; i++)
    {
      Span *span = g_ptr_array_index (r->spans, i);
      Layer *layer = g_ptr_array_index (r->layers, span->layer);
      GlossEntity *entity = span->mention ? gloss_mention_get_entity (span->mention) : NULL;

      if (layer->kind == LAYER_SPAN && entity != NULL && !g_hash_table_contains (type_of, entity))
        g_hash_table_insert (type_of, entity,
                             (gpointer) gloss_annotation_get_type_id (GLOSS_ANNOTATION (span->mention)));
    }
  for (guint i = 0; i < r->mentions->len; i++)
    {
      GlossMention *mention = g_ptr_array_index (r->mentions, i);
      GlossEntity *entity = gloss_mention_get_entity (mention);
      const char *type = entity ? g_hash_table_lookup (type_of, entity) : NULL;

      if (type != NULL)
        gloss_annotation_set_type_id (GLOSS_ANNOTATION (mention), type);
    }
  for (guint i = 0; i < r->entities->len; i++)
    {
      GlossEntity *entity = g_ptr_array_index (r->entities, i);
      const char *type = g_hash_table_lookup (type_of, entity);

      if (type != NULL)
        gloss_annotation_set_type_id (GLOSS_ANNOTATION (entity), type);
    }
}

/* The annotation of layer @base on @row: the one of @id, or the first. */
static Span *
span_on (Row   *row,
         guint  base,
         guint  id)
{
  for (guint i = 0; i < row->spans->len; i++)
    {
      Span *span = g_ptr_array_index (row->spans, i);

      if (span->layer == base && (id == 0 || span->id == id))
        return span;
    }
  return NULL;
}

static gboolean
read_relation_cells (Reader  *r,
                     Row     *row,
                     guint    index,
                     GError **error)
{
  Layer *layer = g_ptr_array_index (r->layers, index);
  const char *sources = cell (row, layer, layer->n_columns - 1);
  g_autoptr(GPtrArray) source_items = NULL;
  g_autoptr(GPtrArray) labels = NULL;

  if (g_str_equal (sources, "_"))
    return TRUE;
  source_items = split_unescaped (sources, '|');
  if (layer->label >= 0)
    labels = split_unescaped (cell (row, layer, layer->label), '|');

  for (guint k = 0; k < source_items->len; k++)
    {
      g_autofree char *bracket = NULL;
      g_autofree char *label = NULL;
      g_autofree char *source_name = NULL;
      g_autofree char *relation_id = NULL;
      guint ignored, from_id = 0, to_id = 0;
      const char *type;
      Row *source_row;
      Span *from, *to;
      GlossRelation *relation;
      GlossEntity *from_entity, *to_entity;

      source_name = split_id (g_ptr_array_index (source_items, k), &ignored, &bracket);
      if (bracket != NULL && sscanf (bracket, "%u_%u", &from_id, &to_id) != 2)
        from_id = to_id = 0;
      source_row = g_hash_table_lookup (r->row_by_name, source_name);
      if (source_row == NULL)
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: %s: the relation comes from “%s”, a token that is not in the file",
                       row->loc, layer->name, source_name);
          return FALSE;
        }
      from = span_on (source_row, layer->base, from_id);
      to = span_on (row, layer->base, to_id);
      if (from == NULL || to == NULL || from->mention == NULL || to->mention == NULL)
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                       "%s: %s: no annotation of %s at %s for the relation to link",
                       row->loc, layer->name, ((Layer *) g_ptr_array_index (r->layers, layer->base))->name,
                       from == NULL || from->mention == NULL ? source_name : row->name);
          return FALSE;
        }
      if (labels != NULL && k < labels->len)
        label = unescape (g_ptr_array_index (labels, k), -1);
      type = !is_empty_value (label) && !g_str_equal (label, "_") ? label : layer->name;
      gloss_schema_ensure (r->context->schema, GLOSS_LABEL_RELATION, type);
      from_entity = _gloss_format_entity_for_mention (r->document, from->mention, r->entities);
      to_entity = _gloss_format_entity_for_mention (r->document, to->mention, r->entities);
      relation = gloss_relation_new (type, from_entity, to_entity);
      relation_id = g_strdup_printf ("r%u", r->relations->len + 1);
      gloss_annotation_set_id (GLOSS_ANNOTATION (relation), relation_id);
      g_ptr_array_add (r->relations, relation);
    }
  return TRUE;
}

static gboolean
build (Reader  *r,
       GError **error)
{
  /* Every token where the rebuilt text has it. */
  for (guint i = 0; i < r->rows->len; i++)
    {
      Row *row = g_ptr_array_index (r->rows, i);
      g_autoptr(GError) local_error = NULL;
      GlossSpan span;

      if (row->start < row->end &&
          !_gloss_format_make_span (r->document, GLOSS_OFFSET_UTF16, row->start, row->end, row->token,
                                    row->loc, "token", &span, &local_error) &&
          !problem (r, &local_error))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  for (guint i = 0; i < r->rows->len; i++)
    {
      Row *row = g_ptr_array_index (r->rows, i);

      for (guint l = 0; l < r->layers->len; l++)
        {
          Layer *layer = g_ptr_array_index (r->layers, l);
          g_autoptr(GError) local_error = NULL;

          if (layer->skip)
            continue;
          if (layer->kind == LAYER_SPAN)
            read_span_cells (r, row, l);
          else if (layer->kind == LAYER_CHAIN &&
                   !read_chain_cells (r, row, l, &local_error) && !problem (r, &local_error))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
        }
    }

  if (!make_mentions (r, error))
    return FALSE;

  for (guint i = 0; i < r->rows->len; i++)
    {
      Row *row = g_ptr_array_index (r->rows, i);

      for (guint l = 0; l < r->layers->len; l++)
        {
          Layer *layer = g_ptr_array_index (r->layers, l);
          g_autoptr(GError) local_error = NULL;

          if (layer->kind == LAYER_RELATION && layer->base >= 0 &&
              !read_relation_cells (r, row, l, &local_error) && !problem (r, &local_error))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
        }
    }
  return TRUE;
}

/**
 * gloss_webanno_import:
 * @input: a WebAnno TSV 3 file's bytes
 * @options: the starting schema, @where naming the file, the import log
 * @error: return location for a #GLOSS_FORMAT_ERROR
 *
 * Returns: (transfer container) (element-type GlossStore): one store (none
 *   when the log left the document out), or %NULL on error
 */
GPtrArray *
gloss_webanno_import (GBytes                   *input,
                      const GlossFormatOptions *options,
                      GError                  **error)
{
  g_autoptr(GPtrArray) stores = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossSchema) schema = NULL;
  g_autoptr(GPtrArray) layers = g_ptr_array_new_with_free_func ((GDestroyNotify) layer_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  g_autoptr(GHashTable) row_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) span_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func ((GDestroyNotify) span_free);
  g_autoptr(GPtrArray) mentions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) mention_at = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) chain_entity = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) chained = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GlossDocument) document = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *source = NULL;
  GPtrArray *lists[] = { entities, mentions, relations };
  const char *where;
  GlossImportContext context = { 0 };
  Reader r = { 0 };

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  where = options->where ? options->where : "input";
  schema = options->schema ? gloss_schema_copy (options->schema) : gloss_schema_new_default ();
  stem = _gloss_format_stem (options->where);
  source = options->where ? g_path_get_basename (options->where) : NULL;
  context = (GlossImportContext) {
    .options = options, .unit = GLOSS_OFFSET_UTF16, .schema = schema,
    .stores = stores, .stem = stem, .source = source,
  };
  r = (Reader) {
    .context = &context, .where = where, .layers = layers, .rows = rows,
    .row_by_name = row_by_name, .text = text, .span_by_key = span_by_key, .spans = spans,
    .mentions = mentions, .entities = entities, .relations = relations,
    .mention_at = mention_at, .chain_entity = chain_entity, .chained = chained,
  };

  if (!read_lines (&r, input, error))
    {
      g_free (r.sentence);
      return NULL;
    }

  document = gloss_document_new_from_text (text->str, text->len, where, error);
  if (document == NULL)
    return NULL;
  gloss_document_set_id (document, stem);
  if (source != NULL)
    gloss_document_set_source (document, source);
  r.document = document;

  if (!build (&r, error))
    return NULL;

  if (!_gloss_format_finish_file (&context, document, lists, G_N_ELEMENTS (lists), where, error))
    return NULL;
  return g_steal_pointer (&stores);
}
