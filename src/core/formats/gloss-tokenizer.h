/* gloss-tokenizer.h: tokens and sentences for the token-based formats
 * (CoNLL, Prodigy), as docs/formats.md describes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-types.h"

G_BEGIN_DECLS

/**
 * GlossToken:
 * @start: first code point, inclusive
 * @end: code point after the last one
 * @sentence_start: the token begins a sentence
 */
typedef struct
{
  guint    start;
  guint    end;
  gboolean sentence_start;
} GlossToken;

/* A Han, Hiragana or Katakana character: a token of its own. */
gboolean gloss_char_is_cjk     (gunichar         c);

/* The tokens of @text (UTF-8), in code points. A token begins or ends at
 * every offset of @cuts (any order), so that spans line up with tokens. */
GArray *gloss_tokenize        (const char      *text,
                               const guint     *cuts,
                               guint            n_cuts);
/* Marks the first token of each sentence of @text in @tokens; no sentence
 * ends inside one of @keep (the spans a format must keep whole). */
void    gloss_split_sentences (const char      *text,
                               GArray          *tokens,
                               const GlossSpan *keep,
                               guint            n_keep);

G_END_DECLS
