/* gloss-annotation.c: what mentions, entities, claims and relations share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Annotations are many (100,000 in a long document), so the fields are
 * kept small: type ids and authors are interned, rarely used fields live
 * in a side structure allocated on first use.
 */
#include "config.h"

#include <string.h>

#include "gloss-annotation-private.h"
#include "gloss-util-private.h"

typedef struct
{
  char       *note;
  JsonObject *attrs;
  JsonObject *extra;
  gint64      created;    /* stamps before 1970 or after 2106 (0: none) */
  gint64      modified;
} Rare;

#define ID_INLINE 12

typedef struct
{
  char          *id;        /* id_inline or the heap */
  const char    *type_id;   /* interned */
  const char    *author;    /* interned */
  GlossStore    *store;
  Rare          *rare;
  GlossSpanList  spans;
  guint32        created;   /* Unix seconds, 1970–2106; others in rare */
  guint32        modified;
  char           id_inline[ID_INLINE];
  guint          status : 2;
} GlossAnnotationPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (GlossAnnotation, gloss_annotation, G_TYPE_OBJECT)

#define PRIV(self) ((GlossAnnotationPrivate *)gloss_annotation_get_instance_private (self))

#define RETURN_IF_FROZEN(self)                                             \
  G_STMT_START {                                                           \
    if (PRIV (self)->store != NULL)                                        \
      {                                                                    \
        g_critical ("%s: the annotation is in a store; change a copy and " \
                    "use gloss_store_replace()", G_STRFUNC);               \
        return;                                                            \
      }                                                                    \
  } G_STMT_END

static void
rare_free (Rare *rare)
{
  if (rare == NULL)
    return;
  g_free (rare->note);
  g_clear_pointer (&rare->attrs, json_object_unref);
  g_clear_pointer (&rare->extra, json_object_unref);
  g_free (rare);
}

static Rare *
ensure_rare (GlossAnnotation *self)
{
  GlossAnnotationPrivate *priv = PRIV (self);

  if (priv->rare == NULL)
    priv->rare = g_new0 (Rare, 1);
  return priv->rare;
}

static void
set_id (GlossAnnotationPrivate *priv,
        const char             *id)
{
  gsize len;

  if (priv->id != priv->id_inline)
    g_free (priv->id);
  priv->id = NULL;
  if (id == NULL)
    return;

  len = strlen (id);
  if (len < ID_INLINE)
    {
      memcpy (priv->id_inline, id, len + 1);
      priv->id = priv->id_inline;
    }
  else
    priv->id = g_strdup (id);
}

/* Stamps that fit 32 bits live in the annotation; others (0001-01-01 or
 * 9999-12-31 are as valid in a file as today) in the rare fields. */
static void
set_stamp (GlossAnnotation *self,
           guint32         *compact,
           gsize            rare_offset,
           gint64           t)
{
  GlossAnnotationPrivate *priv = PRIV (self);
  gboolean fits = t >= 0 && t <= (gint64)G_MAXUINT32;

  *compact = fits ? (guint32)t : 0;
  if (!fits)
    G_STRUCT_MEMBER (gint64, ensure_rare (self), rare_offset) = t;
  else if (priv->rare != NULL)
    G_STRUCT_MEMBER (gint64, priv->rare, rare_offset) = 0;
}

static gint64
get_stamp (GlossAnnotationPrivate *priv,
           guint32                 compact,
           gsize                   rare_offset)
{
  if (compact != 0 || priv->rare == NULL)
    return compact;
  return G_STRUCT_MEMBER (gint64, priv->rare, rare_offset);
}

static void
gloss_annotation_finalize (GObject *object)
{
  GlossAnnotationPrivate *priv = PRIV (GLOSS_ANNOTATION (object));

  set_id (priv, NULL);
  _gloss_span_list_clear (&priv->spans);
  g_clear_pointer (&priv->rare, rare_free);

  G_OBJECT_CLASS (gloss_annotation_parent_class)->finalize (object);
}

static void
gloss_annotation_real_assign (GlossAnnotation *self,
                              GlossAnnotation *src)
{
}

static gboolean
gloss_annotation_real_equal (GlossAnnotation *self,
                             GlossAnnotation *other)
{
  return TRUE;
}

static void
gloss_annotation_class_init (GlossAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_annotation_finalize;
  klass->assign = gloss_annotation_real_assign;
  klass->equal = gloss_annotation_real_equal;
}

static void
gloss_annotation_init (GlossAnnotation *self)
{
}

/* Span lists */

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const GlossSpan *x = a;
  const GlossSpan *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return 0;
}

void
_gloss_span_list_set (GlossSpanList   *list,
                      const GlossSpan *spans,
                      guint            n)
{
  guint kept = 0;
  GlossSpan *v;

  if (n == 1)
    {
      /* One span, the common case, is kept inline; @spans may be ours. */
      GlossSpan one = spans[0];

      _gloss_span_list_clear (list);
      list->one = one;
      list->v = &list->one;
      list->n = 1;
      return;
    }

  v = n > 0 ? g_memdup2 (spans, n * sizeof (GlossSpan)) : NULL;
  _gloss_span_list_clear (list);
  if (n == 0)
    return;

  list->v = v;
  if (n > 1)
    qsort (list->v, n, sizeof (GlossSpan), compare_spans);
  for (guint i = 0; i < n; i++)
    if (kept == 0 || compare_spans (&list->v[kept - 1], &list->v[i]) != 0)
      list->v[kept++] = list->v[i];
  list->n = kept;
}

void
_gloss_span_list_clear (GlossSpanList *list)
{
  if (list->v != &list->one)
    g_free (list->v);
  list->v = NULL;
  list->n = 0;
}

gboolean
_gloss_span_list_equal (const GlossSpanList *a,
                        const GlossSpanList *b)
{
  return a->n == b->n && (a->n == 0 || memcmp (a->v, b->v, a->n * sizeof (GlossSpan)) == 0);
}

GlossSpanList *
_gloss_annotation_get_span_list (GlossAnnotation *self,
                                 GlossSpanRole    role)
{
  /* Without the type checks of gloss_annotation_get_kind(): loading a
   * file asks for every annotation's spans several times. */
  GlossAnnotationKind kind = ((GlossAnnotationClass *) G_OBJECT_GET_CLASS (self))->kind;

  switch (role)
    {
    case GLOSS_ROLE_CONTENT:
      if (kind == GLOSS_KIND_MENTION || kind == GLOSS_KIND_CLAIM)
        return &PRIV (self)->spans;
      return NULL;
    case GLOSS_ROLE_CUE:
      return kind == GLOSS_KIND_CLAIM ? _gloss_claim_get_cue_list (GLOSS_CLAIM (self)) : NULL;
    case GLOSS_ROLE_EVIDENCE:
      return kind == GLOSS_KIND_RELATION ? _gloss_relation_get_evidence_list (GLOSS_RELATION (self)) : NULL;
    default:
      return NULL;
    }
}

/* Private API for the store */

void
_gloss_annotation_set_store (GlossAnnotation *self,
                             GlossStore      *store)
{
  PRIV (self)->store = store;
}

void
_gloss_annotation_assign (GlossAnnotation *self,
                          GlossAnnotation *src)
{
  GlossAnnotationPrivate *priv = PRIV (self);
  GlossAnnotationPrivate *spriv = PRIV (src);

  g_return_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (src));

  priv->type_id = spriv->type_id;
  priv->author = spriv->author;
  priv->created = spriv->created;
  priv->modified = spriv->modified;
  priv->status = spriv->status;
  _gloss_span_list_set (&priv->spans, spriv->spans.v, spriv->spans.n);

  g_clear_pointer (&priv->rare, rare_free);
  if (spriv->rare != NULL)
    {
      Rare *rare = ensure_rare (self);

      rare->note = g_strdup (spriv->rare->note);
      rare->attrs = _gloss_json_object_copy (spriv->rare->attrs);
      rare->extra = _gloss_json_object_copy (spriv->rare->extra);
      rare->created = spriv->rare->created;
      rare->modified = spriv->rare->modified;
    }

  GLOSS_ANNOTATION_GET_CLASS (self)->assign (self, src);
}

/* Public API */

GlossAnnotationKind
gloss_annotation_get_kind (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), 0);
  return GLOSS_ANNOTATION_GET_CLASS (self)->kind;
}

/**
 * gloss_annotation_copy:
 *
 * Returns: (transfer full): a detached copy (a draft), with the same id
 */
GlossAnnotation *
gloss_annotation_copy (GlossAnnotation *self)
{
  GlossAnnotation *copy;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);

  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  set_id (PRIV (copy), PRIV (self)->id);
  _gloss_annotation_assign (copy, self);
  return copy;
}

/**
 * gloss_annotation_equal:
 *
 * Compares every field; references to entities are compared by id.
 */
gboolean
gloss_annotation_equal (GlossAnnotation *a,
                        GlossAnnotation *b)
{
  GlossAnnotationPrivate *pa, *pb;
  Rare empty = { NULL, NULL, NULL, 0, 0 };
  Rare *ra, *rb;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION (a), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (b), FALSE);

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;

  pa = PRIV (a);
  pb = PRIV (b);
  ra = pa->rare ? pa->rare : &empty;
  rb = pb->rare ? pb->rare : &empty;

  return g_strcmp0 (pa->id, pb->id) == 0 &&
         pa->type_id == pb->type_id &&
         pa->author == pb->author &&
         pa->created == pb->created &&
         pa->modified == pb->modified &&
         ra->created == rb->created &&
         ra->modified == rb->modified &&
         pa->status == pb->status &&
         _gloss_span_list_equal (&pa->spans, &pb->spans) &&
         g_strcmp0 (ra->note, rb->note) == 0 &&
         _gloss_json_object_equal (ra->attrs, rb->attrs) &&
         _gloss_json_object_equal (ra->extra, rb->extra) &&
         GLOSS_ANNOTATION_GET_CLASS (a)->equal (a, b);
}

gboolean
gloss_annotation_is_frozen (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), FALSE);
  return PRIV (self)->store != NULL;
}

/**
 * gloss_annotation_get_store:
 *
 * Returns: (transfer none) (nullable): the store holding the annotation
 */
GlossStore *
gloss_annotation_get_store (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  return PRIV (self)->store;
}

const char *
gloss_annotation_get_id (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  return PRIV (self)->id;
}

/* Setting the id of a frozen annotation is refused: ids are stable. */
void
gloss_annotation_set_id (GlossAnnotation *self,
                         const char      *id)
{
  GlossAnnotationPrivate *priv;

  g_return_if_fail (GLOSS_IS_ANNOTATION (self));
  RETURN_IF_FROZEN (self);

  priv = PRIV (self);
  if (id != NULL && *id == '\0')
    id = NULL;
  if (id != NULL && priv->id != NULL && strcmp (id, priv->id) == 0)
    return;
  set_id (priv, id);
}

const char *
gloss_annotation_get_type_id (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  return PRIV (self)->type_id;
}

void
gloss_annotation_set_type_id (GlossAnnotation *self,
                              const char      *type_id)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));
  RETURN_IF_FROZEN (self);
  PRIV (self)->type_id = type_id && *type_id ? g_intern_string (type_id) : NULL;
}

const char *
gloss_annotation_get_note (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  return PRIV (self)->rare ? PRIV (self)->rare->note : NULL;
}

void
gloss_annotation_set_note (GlossAnnotation *self,
                           const char      *note)
{
  Rare *rare;

  g_return_if_fail (GLOSS_IS_ANNOTATION (self));
  RETURN_IF_FROZEN (self);

  if (note != NULL && *note == '\0')
    note = NULL;
  if (note == NULL && PRIV (self)->rare == NULL)
    return;
  rare = ensure_rare (self);
  g_free (rare->note);
  rare->note = g_strdup (note);
}

GlossStatus
gloss_annotation_get_status (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), 0);
  return PRIV (self)->status;
}

void
gloss_annotation_set_status (GlossAnnotation *self,
                             GlossStatus      status)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));
  g_return_if_fail (status <= GLOSS_STATUS_SUGGESTED);
  RETURN_IF_FROZEN (self);
  PRIV (self)->status = status;
}

const char *
gloss_annotation_get_author (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  return PRIV (self)->author;
}

void
gloss_annotation_set_author (GlossAnnotation *self,
                             const char      *author)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));
  RETURN_IF_FROZEN (self);
  PRIV (self)->author = author && *author ? g_intern_string (author) : NULL;
}

gint64
gloss_annotation_get_created (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), 0);
  return get_stamp (PRIV (self), PRIV (self)->created, G_STRUCT_OFFSET (Rare, created));
}

void
gloss_annotation_set_created (GlossAnnotation *self,
                              gint64           created)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));
  RETURN_IF_FROZEN (self);
  set_stamp (self, &PRIV (self)->created, G_STRUCT_OFFSET (Rare, created), created);
}

gint64
gloss_annotation_get_modified (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), 0);
  return get_stamp (PRIV (self), PRIV (self)->modified, G_STRUCT_OFFSET (Rare, modified));
}

void
gloss_annotation_set_modified (GlossAnnotation *self,
                               gint64           modified)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));
  RETURN_IF_FROZEN (self);
  set_stamp (self, &PRIV (self)->modified, G_STRUCT_OFFSET (Rare, modified), modified);
}

/**
 * gloss_annotation_get_attrs:
 *
 * Returns: (transfer none) (nullable): attribute values by attribute id
 */
JsonObject *
gloss_annotation_get_attrs (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  return PRIV (self)->rare ? PRIV (self)->rare->attrs : NULL;
}

/**
 * gloss_annotation_get_attr:
 *
 * Returns: (transfer none) (nullable): the value of attribute @attr_id
 */
JsonNode *
gloss_annotation_get_attr (GlossAnnotation *self,
                           const char      *attr_id)
{
  JsonObject *attrs;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  g_return_val_if_fail (attr_id != NULL, NULL);

  attrs = gloss_annotation_get_attrs (self);
  return attrs ? json_object_get_member (attrs, attr_id) : NULL;
}

/**
 * gloss_annotation_set_attr:
 * @value: (nullable) (transfer none): the value, or %NULL to unset
 */
void
gloss_annotation_set_attr (GlossAnnotation *self,
                           const char      *attr_id,
                           JsonNode        *value)
{
  Rare *rare;

  g_return_if_fail (GLOSS_IS_ANNOTATION (self));
  g_return_if_fail (attr_id != NULL);
  RETURN_IF_FROZEN (self);

  if (value == NULL)
    {
      rare = PRIV (self)->rare;
      if (rare != NULL && rare->attrs != NULL)
        {
          json_object_remove_member (rare->attrs, attr_id);
          if (json_object_get_size (rare->attrs) == 0)
            g_clear_pointer (&rare->attrs, json_object_unref);
        }
      return;
    }

  rare = ensure_rare (self);
  if (rare->attrs == NULL)
    rare->attrs = json_object_new ();
  json_object_set_member (rare->attrs, attr_id, _gloss_json_node_copy (value));
}

/**
 * gloss_annotation_get_extra:
 *
 * Returns: (transfer none) (nullable): members this version does not know
 */
JsonObject *
gloss_annotation_get_extra (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  return PRIV (self)->rare ? PRIV (self)->rare->extra : NULL;
}

void
gloss_annotation_set_extra (GlossAnnotation *self,
                            JsonObject      *extra)
{
  Rare *rare;

  g_return_if_fail (GLOSS_IS_ANNOTATION (self));
  RETURN_IF_FROZEN (self);

  if (extra != NULL && json_object_get_size (extra) == 0)
    extra = NULL;
  if (extra == NULL && PRIV (self)->rare == NULL)
    return;
  rare = ensure_rare (self);
  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&rare->extra, json_object_unref);
  rare->extra = extra;
}

/**
 * gloss_annotation_get_spans:
 * @n_spans: (out): the number of spans
 *
 * Returns: (transfer none) (array length=n_spans) (nullable): the spans
 */
const GlossSpan *
gloss_annotation_get_spans (GlossAnnotation *self,
                            GlossSpanRole    role,
                            guint           *n_spans)
{
  GlossSpanList *list;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  g_return_val_if_fail (n_spans != NULL, NULL);

  list = _gloss_annotation_get_span_list (self, role);
  *n_spans = list ? list->n : 0;
  return list ? list->v : NULL;
}

/**
 * gloss_annotation_set_spans:
 * @spans: (array length=n_spans) (nullable): the spans, in any order
 *
 * Sets the spans of @role, sorted and without duplicates.
 */
void
gloss_annotation_set_spans (GlossAnnotation *self,
                            GlossSpanRole    role,
                            const GlossSpan *spans,
                            guint            n_spans)
{
  GlossSpanList *list;

  g_return_if_fail (GLOSS_IS_ANNOTATION (self));
  g_return_if_fail (spans != NULL || n_spans == 0);
  RETURN_IF_FROZEN (self);

  list = _gloss_annotation_get_span_list (self, role);
  g_return_if_fail (list != NULL);
  _gloss_span_list_set (list, spans, n_spans);
}

guint
gloss_annotation_get_start (GlossAnnotation *self)
{
  GlossSpanList *list;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), G_MAXUINT);

  list = &PRIV (self)->spans;
  return list->n > 0 ? list->v[0].start : G_MAXUINT;
}

guint
gloss_annotation_get_end (GlossAnnotation *self)
{
  GlossSpanList *list;
  guint end = 0;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), G_MAXUINT);

  list = &PRIV (self)->spans;
  if (list->n == 0)
    return G_MAXUINT;
  for (guint i = 0; i < list->n; i++)
    end = MAX (end, list->v[i].end);
  return end;
}

/* Natural order of ids: "m2" before "m10". */
int
_gloss_compare_ids (const char *a,
             const char *b)
{
  if (a == NULL || b == NULL)
    return a == b ? 0 : a == NULL ? -1 : 1;

  while (*a != '\0' && *b != '\0')
    {
      if (g_ascii_isdigit (*a) && g_ascii_isdigit (*b))
        {
          const char *ea = a, *eb = b;

          while (*a == '0') a++;
          while (*b == '0') b++;
          ea = a;
          eb = b;
          while (g_ascii_isdigit (*ea)) ea++;
          while (g_ascii_isdigit (*eb)) eb++;
          if (ea - a != eb - b)
            return (ea - a) < (eb - b) ? -1 : 1;
          for (; a < ea; a++, b++)
            if (*a != *b)
              return *a < *b ? -1 : 1;
          continue;
        }
      if (*a != *b)
        return (guchar)*a < (guchar)*b ? -1 : 1;
      a++;
      b++;
    }

  return *a == *b ? 0 : *a == '\0' ? -1 : 1;
}

/**
 * gloss_annotation_compare:
 *
 * The order of files and lists: start of the first fragment, then its
 * end, then id (in natural order); annotations without spans by id.
 */
int
gloss_annotation_compare (GlossAnnotation *a,
                          GlossAnnotation *b)
{
  GlossAnnotationPrivate *pa = PRIV (a);
  GlossAnnotationPrivate *pb = PRIV (b);
  guint sa = gloss_annotation_get_start (a);
  guint sb = gloss_annotation_get_start (b);
  int c;

  if (sa != sb)
    return sa < sb ? -1 : 1;
  if (pa->spans.n > 0 && pb->spans.n > 0 && pa->spans.v[0].end != pb->spans.v[0].end)
    return pa->spans.v[0].end < pb->spans.v[0].end ? -1 : 1;
  c = _gloss_compare_ids (pa->id, pb->id);
  if (c != 0 || a == b)
    return c;
  return a < b ? -1 : 1;
}

const char *
gloss_annotation_kind_to_string (GlossAnnotationKind kind)
{
  static const char * const names[] = { "mention", "entity", "claim", "relation" };

  g_return_val_if_fail (kind < GLOSS_N_KINDS, NULL);
  return names[kind];
}

gboolean
_gloss_entity_ref_equal (GlossEntity *a,
                         GlossEntity *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strcmp0 (gloss_annotation_get_id (GLOSS_ANNOTATION (a)),
                    gloss_annotation_get_id (GLOSS_ANNOTATION (b))) == 0;
}

gboolean
_gloss_annotation_refers_to (GlossAnnotation *self,
                             GlossEntity     *entity)
{
  switch (gloss_annotation_get_kind (self))
    {
    case GLOSS_KIND_MENTION:
      return gloss_mention_get_entity (GLOSS_MENTION (self)) == entity;
    case GLOSS_KIND_CLAIM:
      return gloss_claim_get_claimant (GLOSS_CLAIM (self)) == entity ||
             gloss_claim_is_about (GLOSS_CLAIM (self), entity);
    case GLOSS_KIND_RELATION:
      return gloss_relation_get_from (GLOSS_RELATION (self)) == entity ||
             gloss_relation_get_to (GLOSS_RELATION (self)) == entity;
    case GLOSS_KIND_ENTITY:
    case GLOSS_N_KINDS:
    default:
      return FALSE;
    }
}

/* On a draft: point references to @from at @to (NULL drops them). */
gboolean
_gloss_annotation_retarget (GlossAnnotation *self,
                            GlossEntity     *from,
                            GlossEntity     *to)
{
  gboolean changed = FALSE;

  switch (gloss_annotation_get_kind (self))
    {
    case GLOSS_KIND_MENTION:
      if (gloss_mention_get_entity (GLOSS_MENTION (self)) == from)
        {
          gloss_mention_set_entity (GLOSS_MENTION (self), to);
          changed = TRUE;
        }
      break;

    case GLOSS_KIND_CLAIM:
      if (gloss_claim_get_claimant (GLOSS_CLAIM (self)) == from)
        {
          gloss_claim_set_claimant (GLOSS_CLAIM (self), to);
          changed = TRUE;
        }
      if (gloss_claim_is_about (GLOSS_CLAIM (self), from))
        {
          gloss_claim_remove_about (GLOSS_CLAIM (self), from);
          if (to != NULL)
            gloss_claim_add_about (GLOSS_CLAIM (self), to);
          changed = TRUE;
        }
      break;

    case GLOSS_KIND_RELATION:
      if (gloss_relation_get_from (GLOSS_RELATION (self)) == from)
        {
          gloss_relation_set_from (GLOSS_RELATION (self), to);
          changed = TRUE;
        }
      if (gloss_relation_get_to (GLOSS_RELATION (self)) == from)
        {
          gloss_relation_set_to (GLOSS_RELATION (self), to);
          changed = TRUE;
        }
      break;

    case GLOSS_KIND_ENTITY:
    case GLOSS_N_KINDS:
    default:
      break;
    }

  return changed;
}
