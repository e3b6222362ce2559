/* gloss-curation.c: two annotators' versions of a document merged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What both made alike (exact matches, as agreement counts them) is taken
 * as it is. Everything else is a disagreement with two sides: the left's
 * and the right's annotations of a kind that were not matched are paired
 * by overlap whatever their types (claims whatever their claimants,
 * relations with the same ends whatever their types), one to one, the
 * largest overlap first; what finds no partner has one empty side. The
 * result holds the agreements and the side chosen of each disagreement;
 * undecided ones are left out. docs/decisions.md, "Curation".
 */
#include "config.h"

#include "gloss-agreement-private.h"
#include "gloss-agreement-project.h"
#include "gloss-curation.h"
#include "gloss-error.h"
#include "gloss-format-native.h"

#include <glib/gi18n-lib.h>

typedef struct
{
  GlossAnnotationKind  kind;
  GlossAnnotation     *left;
  GlossAnnotation     *right;
  guint                start;
  guint                end;
  guint                seq;
  GlossCurationChoice  choice;
} Disagreement;

struct _GlossCuration
{
  GObject           parent_instance;

  GlossStore       *left;
  GlossStore       *right;
  GPtrArray        *agreed;    /* the left's GlossAnnotations */
  GArray           *items;     /* Disagreement */
  GlossEntityPairs *entities;  /* from the exact matches of mentions */
};

G_DEFINE_FINAL_TYPE (GlossCuration, gloss_curation, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_N_UNDECIDED,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
disagreement_clear (gpointer data)
{
  Disagreement *item = data;

  g_clear_object (&item->left);
  g_clear_object (&item->right);
}

static void
gloss_curation_finalize (GObject *object)
{
  GlossCuration *self = GLOSS_CURATION (object);

  g_clear_object (&self->left);
  g_clear_object (&self->right);
  g_clear_pointer (&self->agreed, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->entities, _gloss_entity_pairs_free);

  G_OBJECT_CLASS (gloss_curation_parent_class)->finalize (object);
}

static void
gloss_curation_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GlossCuration *self = GLOSS_CURATION (object);

  switch (prop_id)
    {
    case PROP_N_UNDECIDED:
      g_value_set_uint (value, gloss_curation_get_n_undecided (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_curation_class_init (GlossCurationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_curation_finalize;
  object_class->get_property = gloss_curation_get_property;

  properties[PROP_N_UNDECIDED] =
    g_param_spec_uint ("n-undecided", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossCuration::changed:
   * @index: the disagreement whose choice changed
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
gloss_curation_init (GlossCuration *self)
{
  self->agreed = g_ptr_array_new_with_free_func (g_object_unref);
  self->items = g_array_new (FALSE, TRUE, sizeof (Disagreement));
  g_array_set_clear_func (self->items, disagreement_clear);
}

static void
add_disagreement (GlossCuration       *self,
                  GlossAnnotationKind  kind,
                  GlossAnnotation     *left,
                  GlossAnnotation     *right)
{
  Disagreement item = { kind, NULL, NULL, G_MAXUINT, G_MAXUINT, self->items->len, GLOSS_CURATION_UNDECIDED };

  item.left = left ? g_object_ref (left) : NULL;
  item.right = right ? g_object_ref (right) : NULL;
  if (kind != GLOSS_KIND_RELATION)
    {
      item.start = MIN (left ? gloss_annotation_get_start (left) : G_MAXUINT,
                        right ? gloss_annotation_get_start (right) : G_MAXUINT);
      item.end = MAX (left ? gloss_annotation_get_end (left) : 0,
                      right ? gloss_annotation_get_end (right) : 0);
    }
  g_array_append_val (self->items, item);
}

static void
collect (GlossCuration       *self,
         GlossAnnotationKind  kind,
         GlossAlignment      *exact)
{
  g_autoptr(GlossAlignment) pairs = NULL;

  for (guint i = 0; i < exact->a->len; i++)
    if (g_array_index (exact->a_to_b, int, i) >= 0)
      g_ptr_array_add (self->agreed, g_object_ref (g_ptr_array_index (exact->a, i)));

  pairs = _gloss_align (self->left, self->right, kind, GLOSS_MATCH_OVERLAP,
                        kind == GLOSS_KIND_RELATION ? self->entities : NULL, TRUE, exact);
  for (guint i = 0; i < exact->a->len; i++)
    {
      int j = g_array_index (pairs->a_to_b, int, i);

      if (g_array_index (exact->a_to_b, int, i) < 0)
        add_disagreement (self, kind, g_ptr_array_index (exact->a, i),
                          j >= 0 ? g_ptr_array_index (exact->b, j) : NULL);
    }
  for (guint j = 0; j < exact->b->len; j++)
    if (g_array_index (exact->b_to_a, int, j) < 0 && g_array_index (pairs->b_to_a, int, j) < 0)
      add_disagreement (self, kind, NULL, g_ptr_array_index (exact->b, j));
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Disagreement *x = a;
  const Disagreement *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/**
 * gloss_curation_new:
 * @left: one annotator's version
 * @right: the other's, of the same text
 *
 * Returns: (transfer full) (nullable): the curation
 */
GlossCuration *
gloss_curation_new (GlossStore  *left,
                    GlossStore  *right,
                    GError     **error)
{
  g_autoptr(GlossCuration) self = NULL;
  g_autoptr(GlossAlignment) mentions = NULL;
  static const GlossAnnotationKind others[] = { GLOSS_KIND_CLAIM, GLOSS_KIND_RELATION };

  g_return_val_if_fail (GLOSS_IS_STORE (left) && GLOSS_IS_STORE (right), NULL);

  if (g_strcmp0 (gloss_document_get_sha256 (gloss_store_get_document (left)),
                 gloss_document_get_sha256 (gloss_store_get_document (right))) != 0)
    {
      g_set_error_literal (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID,
                           _("The two versions annotate different texts"));
      return NULL;
    }

  self = g_object_new (GLOSS_TYPE_CURATION, NULL);
  self->left = g_object_ref (left);
  self->right = g_object_ref (right);

  mentions = _gloss_align (left, right, GLOSS_KIND_MENTION, GLOSS_MATCH_EXACT, NULL, FALSE, NULL);
  self->entities = _gloss_entity_pairs_new (left, right, mentions);
  collect (self, GLOSS_KIND_MENTION, mentions);
  for (guint k = 0; k < G_N_ELEMENTS (others); k++)
    {
      g_autoptr(GlossAlignment) exact = _gloss_align (left, right, others[k], GLOSS_MATCH_EXACT,
                                                      self->entities, FALSE, NULL);

      collect (self, others[k], exact);
    }
  g_array_sort (self->items, compare_items);

  return g_steal_pointer (&self);
}

/**
 * gloss_curation_new_for_project:
 * @left: an annotator's name
 * @right: another's
 *
 * Returns: (transfer full) (nullable): the curation
 */
GlossCuration *
gloss_curation_new_for_project (GlossProject          *project,
                                GlossProjectDocument  *document,
                                const char            *left,
                                const char            *right,
                                GError               **error)
{
  const char *names[2] = { left, right };
  GlossStore *stores[2] = { NULL, NULL };
  GlossCuration *curation = NULL;

  g_return_val_if_fail (GLOSS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (GLOSS_IS_PROJECT_DOCUMENT (document), NULL);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) local = NULL;

      stores[i] = gloss_agreement_open_version (project, document, names[i], &local);
      if (stores[i] == NULL)
        {
          if (local != NULL)
            g_propagate_error (error, g_steal_pointer (&local));
          else
            /* Translators: the first %s is an annotator's name, the second a document's */
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("%s has not annotated “%s”"),
                         names[i], gloss_project_document_get_id (document));
          goto out;
        }
    }
  curation = gloss_curation_new (stores[0], stores[1], error);

out:
  g_clear_object (&stores[0]);
  g_clear_object (&stores[1]);
  return curation;
}

/**
 * gloss_curation_get_left:
 *
 * Returns: (transfer none): the left version
 */
GlossStore *
gloss_curation_get_left (GlossCuration *self)
{
  g_return_val_if_fail (GLOSS_IS_CURATION (self), NULL);
  return self->left;
}

/**
 * gloss_curation_get_right:
 *
 * Returns: (transfer none): the right version
 */
GlossStore *
gloss_curation_get_right (GlossCuration *self)
{
  g_return_val_if_fail (GLOSS_IS_CURATION (self), NULL);
  return self->right;
}

guint
gloss_curation_get_n_agreed (GlossCuration *self)
{
  g_return_val_if_fail (GLOSS_IS_CURATION (self), 0);
  return self->agreed->len;
}

guint
gloss_curation_get_n_disagreements (GlossCuration *self)
{
  g_return_val_if_fail (GLOSS_IS_CURATION (self), 0);
  return self->items->len;
}

static Disagreement *
get_item (GlossCuration *self,
          guint          index)
{
  g_return_val_if_fail (GLOSS_IS_CURATION (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);
  return &g_array_index (self->items, Disagreement, index);
}

/**
 * gloss_curation_get_side:
 * @side: %GLOSS_CURATION_LEFT or %GLOSS_CURATION_RIGHT
 *
 * Returns: (transfer none) (nullable): that side's annotation
 */
GlossAnnotation *
gloss_curation_get_side (GlossCuration       *self,
                         guint                index,
                         GlossCurationChoice  side)
{
  Disagreement *item = get_item (self, index);

  g_return_val_if_fail (side == GLOSS_CURATION_LEFT || side == GLOSS_CURATION_RIGHT, NULL);
  if (item == NULL)
    return NULL;
  return side == GLOSS_CURATION_LEFT ? item->left : item->right;
}

guint
gloss_curation_get_start (GlossCuration *self,
                          guint          index)
{
  Disagreement *item = get_item (self, index);

  return item != NULL ? item->start : G_MAXUINT;
}

guint
gloss_curation_get_end (GlossCuration *self,
                        guint          index)
{
  Disagreement *item = get_item (self, index);

  return item != NULL ? item->end : G_MAXUINT;
}

GlossCurationChoice
gloss_curation_get_choice (GlossCuration *self,
                           guint          index)
{
  Disagreement *item = get_item (self, index);

  return item != NULL ? item->choice : GLOSS_CURATION_UNDECIDED;
}

void
gloss_curation_choose (GlossCuration       *self,
                       guint                index,
                       GlossCurationChoice  choice)
{
  Disagreement *item = get_item (self, index);
  gboolean was_undecided;

  g_return_if_fail (choice <= GLOSS_CURATION_NEITHER);
  if (item == NULL || item->choice == choice)
    return;

  was_undecided = item->choice == GLOSS_CURATION_UNDECIDED;
  item->choice = choice;
  g_signal_emit (self, signals[CHANGED], 0, index);
  if (was_undecided != (choice == GLOSS_CURATION_UNDECIDED))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UNDECIDED]);
}

guint
gloss_curation_get_n_undecided (GlossCuration *self)
{
  guint n = 0;

  g_return_val_if_fail (GLOSS_IS_CURATION (self), 0);
  for (guint i = 0; i < self->items->len; i++)
    n += g_array_index (self->items, Disagreement, i).choice == GLOSS_CURATION_UNDECIDED;
  return n;
}

int
gloss_curation_next_undecided (GlossCuration *self,
                               int            index)
{
  guint n;

  g_return_val_if_fail (GLOSS_IS_CURATION (self), -1);

  n = self->items->len;
  for (guint step = 1; step <= n; step++)
    {
      guint i = (guint) (index + (int) step + (int) n) % n;

      if (g_array_index (self->items, Disagreement, i).choice == GLOSS_CURATION_UNDECIDED)
        return (int) i;
    }
  return -1;
}

/* Building the merged store */

typedef struct
{
  GlossCuration *self;
  GlossStore    *store;
  GHashTable    *from_left;   /* left entity → merged entity */
  GHashTable    *from_right;  /* right entity → merged entity */
} Builder;

/* A right annotation keeps its id unless the merged store has it, or for
 * an entity the left has it (left entities may still be added, when a
 * right annotation refers to one): then it gets a new one. */
static void
give_free_id (Builder             *b,
              GlossAnnotation     *copy,
              GlossAnnotationKind  kind)
{
  const char *id = gloss_annotation_get_id (copy);

  if (gloss_store_lookup (b->store, id) != NULL ||
      (kind == GLOSS_KIND_ENTITY && gloss_store_lookup (b->self->left, id) != NULL))
    {
      g_autofree char *fresh = gloss_store_next_id (b->store, kind);

      gloss_annotation_set_id (copy, fresh);
    }
}

static GlossEntity *
entity_for (Builder      *b,
            GlossEntity  *source,
            gboolean      from_right,
            GError      **error)
{
  GHashTable *map = from_right ? b->from_right : b->from_left;
  g_autoptr(GlossAnnotation) copy = NULL;
  GlossEntity *merged;

  if (source == NULL)
    return NULL;
  if ((merged = g_hash_table_lookup (map, source)) != NULL)
    return merged;

  if (from_right)
    {
      const char *left_id = _gloss_entity_pairs_find_a (b->self->entities, source);
      GlossAnnotation *left = left_id ? gloss_store_lookup (b->self->left, left_id) : NULL;

      if (GLOSS_IS_ENTITY (left))
        {
          merged = entity_for (b, GLOSS_ENTITY (left), FALSE, error);
          if (merged != NULL)
            g_hash_table_insert (map, source, merged);
          return merged;
        }
    }

  copy = gloss_annotation_copy (GLOSS_ANNOTATION (source));
  if (from_right)
    give_free_id (b, copy, GLOSS_KIND_ENTITY);
  if (!gloss_store_load_add (b->store, copy, error))
    return NULL;
  g_hash_table_insert (map, source, copy);
  return GLOSS_ENTITY (copy);
}

static gboolean
add_copy (Builder          *b,
          GlossAnnotation  *source,
          gboolean          from_right,
          GError          **error)
{
  g_autoptr(GlossAnnotation) copy = gloss_annotation_copy (source);
  GError *local = NULL;

  if (GLOSS_IS_MENTION (source))
    gloss_mention_set_entity (GLOSS_MENTION (copy),
                              entity_for (b, gloss_mention_get_entity (GLOSS_MENTION (source)), from_right, &local));
  else if (GLOSS_IS_CLAIM (source))
    {
      GlossClaim *claim = GLOSS_CLAIM (source);

      gloss_claim_set_claimant (GLOSS_CLAIM (copy),
                                entity_for (b, gloss_claim_get_claimant (claim), from_right, &local));
      for (guint i = 0; i < gloss_claim_get_n_about (claim) && local == NULL; i++)
        {
          GlossEntity *about = gloss_claim_get_about (claim, i);
          GlossEntity *merged = entity_for (b, about, from_right, &local);

          gloss_claim_remove_about (GLOSS_CLAIM (copy), about);
          if (merged != NULL)
            gloss_claim_add_about (GLOSS_CLAIM (copy), merged);
        }
    }
  else if (GLOSS_IS_RELATION (source))
    {
      GlossRelation *relation = GLOSS_RELATION (source);

      gloss_relation_set_from (GLOSS_RELATION (copy),
                               entity_for (b, gloss_relation_get_from (relation), from_right, &local));
      if (local == NULL)
        gloss_relation_set_to (GLOSS_RELATION (copy),
                               entity_for (b, gloss_relation_get_to (relation), from_right, &local));
    }
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }

  if (from_right)
    give_free_id (b, copy, gloss_annotation_get_kind (source));
  return gloss_store_load_add (b->store, copy, error);
}

/**
 * gloss_curation_build:
 *
 * Returns: (transfer full) (nullable): the merged document
 */
GlossStore *
gloss_curation_build (GlossCuration  *self,
                      GError        **error)
{
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GHashTable) from_left = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) from_right = g_hash_table_new (NULL, NULL);
  Builder b;

  g_return_val_if_fail (GLOSS_IS_CURATION (self), NULL);

  store = gloss_store_new (gloss_store_get_document (self->left), gloss_store_get_schema (self->left));
  b = (Builder) { self, store, from_left, from_right };

  /* The left's first, so they keep their ids. */
  for (guint i = 0; i < self->agreed->len; i++)
    if (!add_copy (&b, g_ptr_array_index (self->agreed, i), FALSE, error))
      return NULL;
  for (guint i = 0; i < self->items->len; i++)
    {
      Disagreement *item = &g_array_index (self->items, Disagreement, i);

      if (item->choice == GLOSS_CURATION_LEFT && item->left != NULL &&
          !add_copy (&b, item->left, FALSE, error))
        return NULL;
    }
  for (guint i = 0; i < self->items->len; i++)
    {
      Disagreement *item = &g_array_index (self->items, Disagreement, i);

      if (item->choice == GLOSS_CURATION_RIGHT && item->right != NULL &&
          !add_copy (&b, item->right, TRUE, error))
        return NULL;
    }

  gloss_store_set_extra (store, gloss_store_get_extra (self->left));
  return g_steal_pointer (&store);
}

gboolean
gloss_curation_save (GlossCuration  *self,
                     GFile          *file,
                     GError        **error)
{
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (GLOSS_IS_CURATION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((store = gloss_curation_build (self, error)) == NULL)
    return FALSE;
  bytes = gloss_native_write_bytes (store);
  return gloss_format_write_file (file, bytes, TRUE, error);
}
