/* gloss-format-brat-private.h: an .ann file read into its lines, shared
 * by the brat reader's parts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-format-private.h"
#include "gloss-store.h"

G_BEGIN_DECLS

/* The database of a normalization that names an entity without a KB id:
 * "N1 <TAB> Reference T1 gloss:ENTITY-ID <TAB> NAME". */
#define GLOSS_BRAT_ENTITY_DB "gloss"

typedef struct
{
  char         *id;
  char         *type;
  GArray       *spans;       /* GlossSpan */
  guint         line;
  gboolean      not_mention; /* a claim's trigger, cue or content */
  GlossMention *mention;     /* borrowed from the mentions list */
  guint         cluster;     /* union-find parent, an index into tbs */
  guint         index;
} TextBound;

typedef struct
{
  char      *id;
  char      *type;
  char      *trigger;
  GPtrArray *roles;   /* char* */
  GPtrArray *args;    /* char* ids */
  guint      line;
  gboolean   claim;
} Event;

typedef struct
{
  char  *id;
  char  *type;
  char  *arg1;
  char  *arg2;
  guint  line;
} Relation;

typedef struct
{
  char  *id;
  char  *name;
  char  *target;
  char  *value;   /* NULL: a binary attribute */
  guint  line;
} Attribute;

typedef struct
{
  char  *target;
  char  *kb;
  char  *name;
  guint  line;
} Reference;

typedef struct
{
  char  *target;
  char  *note;
  guint  line;
} Note;

typedef struct
{
  GlossImportContext *context;
  GlossDocument      *document;
  const char         *where;
  GPtrArray          *tbs;        /* TextBound */
  GPtrArray          *events;
  GPtrArray          *relations;  /* Relation, also from * lines */
  GPtrArray          *attributes;
  GPtrArray          *references;
  GPtrArray          *notes;
  GHashTable         *tb_by_id;
  GHashTable         *event_by_id;
  GHashTable         *relation_by_id;
  GHashTable         *entity_of;  /* cluster root index → GlossEntity */
  GPtrArray          *out_mentions;
  GPtrArray          *out_entities;
  GPtrArray          *out_claims;
  GPtrArray          *out_relations;
  GHashTable         *claim_by_id;
  GHashTable         *out_relation_by_id;
} Ann;

void       _gloss_brat_text_bound_free (TextBound         *tb);
void       _gloss_brat_event_free      (Event             *e);
void       _gloss_brat_relation_free   (Relation          *r);
void       _gloss_brat_attribute_free  (Attribute         *a);
void       _gloss_brat_reference_free  (Reference         *r);
void       _gloss_brat_note_free       (Note              *n);
/* Sets @error to "WHERE:LINE: message"; returns FALSE. */
gboolean   _gloss_brat_fail            (GError           **error,
                                        GlossFormatError   code,
                                        Ann               *a,
                                        guint              line,
                                        const char        *format,
                                        ...) G_GNUC_PRINTF (5, 6);
/* brat writes a span's text with its line breaks as spaces. */
char      *_gloss_brat_flatten         (const char        *text);
/* Reads every line of @ann into @a's lists and tables. */
gboolean   _gloss_brat_parse_ann       (Ann               *a,
                                        GBytes            *ann,
                                        GError           **error);
/* The text-bound annotation @id names (an event stands for its trigger). */
TextBound *_gloss_brat_lookup_tb       (Ann               *a,
                                        const char        *id,
                                        guint              line,
                                        GError           **error);
/* Coreference clusters: a union-find over @a's text-bound annotations. */
guint      _gloss_brat_find_root       (Ann               *a,
                                        guint              i);
void       _gloss_brat_join            (Ann               *a,
                                        TextBound         *x,
                                        TextBound         *y);

G_END_DECLS
