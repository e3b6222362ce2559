/* gloss-label.c: one type of a schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-label.h"
#include "gloss-util-private.h"

struct _GlossLabel
{
  GObject         parent_instance;

  GlossLabelKind  kind;
  char           *id;
  char           *name;
  char           *color;
  char           *key;
  char           *description;
  char          **from;
  char          **to;
  JsonObject     *extra;
  guint           unknown : 1;
};

G_DEFINE_FINAL_TYPE (GlossLabel, gloss_label, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_COLOR,
  PROP_KEY,
  PROP_DESCRIPTION,
  PROP_UNKNOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gloss_label_finalize (GObject *object)
{
  GlossLabel *self = (GlossLabel *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->from, g_strfreev);
  g_clear_pointer (&self->to, g_strfreev);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (gloss_label_parent_class)->finalize (object);
}

static void
gloss_label_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  GlossLabel *self = GLOSS_LABEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_UNKNOWN:
      g_value_set_boolean (value, self->unknown);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_label_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  GlossLabel *self = GLOSS_LABEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      gloss_label_set_id (self, g_value_get_string (value));
      break;
    case PROP_NAME:
      gloss_label_set_name (self, g_value_get_string (value));
      break;
    case PROP_COLOR:
      gloss_label_set_color (self, g_value_get_string (value));
      break;
    case PROP_KEY:
      gloss_label_set_key (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      gloss_label_set_description (self, g_value_get_string (value));
      break;
    case PROP_UNKNOWN:
      gloss_label_set_unknown (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_label_class_init (GlossLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = gloss_label_finalize;
  object_class->get_property = gloss_label_get_property;
  object_class->set_property = gloss_label_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, NULL, flags);
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_UNKNOWN] = g_param_spec_boolean ("unknown", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_label_init (GlossLabel *self)
{
}

/**
 * gloss_label_new:
 * @color: (nullable): a CSS colour such as "#3584e4"
 *
 * Returns: (transfer full): a new label
 */
GlossLabel *
gloss_label_new (GlossLabelKind  kind,
                 const char     *id,
                 const char     *name,
                 const char     *color)
{
  GlossLabel *self;

  g_return_val_if_fail (kind < GLOSS_N_LABEL_KINDS, NULL);
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);

  self = g_object_new (GLOSS_TYPE_LABEL, NULL);
  self->kind = kind;
  self->id = g_strdup (id);
  self->name = g_strdup (name ? name : id);
  self->color = g_strdup (color);
  return self;
}

/**
 * gloss_label_copy:
 *
 * Returns: (transfer full): a copy
 */
GlossLabel *
gloss_label_copy (GlossLabel *self)
{
  GlossLabel *copy;

  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);

  copy = gloss_label_new (self->kind, self->id, self->name, self->color);
  copy->key = g_strdup (self->key);
  copy->description = g_strdup (self->description);
  copy->from = g_strdupv (self->from);
  copy->to = g_strdupv (self->to);
  copy->unknown = self->unknown;
  copy->extra = _gloss_json_object_copy (self->extra);
  return copy;
}

GlossLabelKind
gloss_label_get_kind (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), 0);
  return self->kind;
}

static void
set_string (GlossLabel  *self,
            char       **field,
            const char  *value,
            guint        prop)
{
  if (value != NULL && *value == '\0' && prop != PROP_NAME)
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

const char *
gloss_label_get_id (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);
  return self->id;
}

void
gloss_label_set_id (GlossLabel *self,
                    const char *id)
{
  g_return_if_fail (GLOSS_IS_LABEL (self));
  g_return_if_fail (id != NULL && *id != '\0');
  set_string (self, &self->id, id, PROP_ID);
}

const char *
gloss_label_get_name (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);
  return self->name;
}

void
gloss_label_set_name (GlossLabel *self,
                      const char *name)
{
  g_return_if_fail (GLOSS_IS_LABEL (self));
  set_string (self, &self->name, name, PROP_NAME);
}

const char *
gloss_label_get_color (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);
  return self->color;
}

void
gloss_label_set_color (GlossLabel *self,
                       const char *color)
{
  g_return_if_fail (GLOSS_IS_LABEL (self));
  set_string (self, &self->color, color, PROP_COLOR);
}

const char *
gloss_label_get_key (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);
  return self->key;
}

void
gloss_label_set_key (GlossLabel *self,
                     const char *key)
{
  g_return_if_fail (GLOSS_IS_LABEL (self));
  set_string (self, &self->key, key, PROP_KEY);
}

const char *
gloss_label_get_description (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);
  return self->description;
}

void
gloss_label_set_description (GlossLabel *self,
                             const char *description)
{
  g_return_if_fail (GLOSS_IS_LABEL (self));
  set_string (self, &self->description, description, PROP_DESCRIPTION);
}

/**
 * gloss_label_get_from:
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): allowed
 *   entity types at the relation's start; %NULL for any
 */
const char * const *
gloss_label_get_from (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);
  return (const char * const *)self->from;
}

void
gloss_label_set_from (GlossLabel         *self,
                      const char * const *from)
{
  char **copy;

  g_return_if_fail (GLOSS_IS_LABEL (self));
  /* Copy first: @from may be (part of) self->from, as gloss_label_get_from() returns it */
  copy = from != NULL && from[0] != NULL ? g_strdupv ((char **)from) : NULL;
  g_strfreev (self->from);
  self->from = copy;
}

/**
 * gloss_label_get_to:
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): allowed
 *   entity types at the relation's end; %NULL for any
 */
const char * const *
gloss_label_get_to (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);
  return (const char * const *)self->to;
}

void
gloss_label_set_to (GlossLabel         *self,
                    const char * const *to)
{
  char **copy;

  g_return_if_fail (GLOSS_IS_LABEL (self));
  /* Copy first: @to may be (part of) self->to, as gloss_label_get_to() returns it */
  copy = to != NULL && to[0] != NULL ? g_strdupv ((char **)to) : NULL;
  g_strfreev (self->to);
  self->to = copy;
}

/**
 * gloss_label_allows:
 *
 * Returns: %TRUE if a relation of this type may go from an entity of type
 *   @from_type to one of type @to_type
 */
gboolean
gloss_label_allows (GlossLabel *self,
                    const char *from_type,
                    const char *to_type)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), FALSE);

  if (self->from != NULL && (from_type == NULL || !g_strv_contains ((const char * const *)self->from, from_type)))
    return FALSE;
  if (self->to != NULL && (to_type == NULL || !g_strv_contains ((const char * const *)self->to, to_type)))
    return FALSE;
  return TRUE;
}

gboolean
gloss_label_get_unknown (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), FALSE);
  return self->unknown;
}

void
gloss_label_set_unknown (GlossLabel *self,
                         gboolean    unknown)
{
  g_return_if_fail (GLOSS_IS_LABEL (self));

  unknown = !!unknown;
  if (self->unknown == (guint)unknown)
    return;
  self->unknown = unknown;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNKNOWN]);
}

/**
 * gloss_label_get_extra:
 *
 * Returns: (transfer none) (nullable): members this version does not know
 */
JsonObject *
gloss_label_get_extra (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);
  return self->extra;
}

void
gloss_label_set_extra (GlossLabel *self,
                       JsonObject *extra)
{
  g_return_if_fail (GLOSS_IS_LABEL (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}
