/* gloss-attribute-def.c: an attribute that annotations of some types carry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-attribute-def.h"
#include "gloss-util-private.h"

struct _GlossAttributeDef
{
  GObject             parent_instance;

  char               *id;
  char               *name;
  GlossAttributeKind  kind;
  char              **applies_to;
  char              **values;
  JsonObject         *extra;
};

G_DEFINE_FINAL_TYPE (GlossAttributeDef, gloss_attribute_def, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const kind_names[] = { "enum", "bool", "text" };

static void
gloss_attribute_def_finalize (GObject *object)
{
  GlossAttributeDef *self = (GlossAttributeDef *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->applies_to, g_strfreev);
  g_clear_pointer (&self->values, g_strfreev);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (gloss_attribute_def_parent_class)->finalize (object);
}

static void
gloss_attribute_def_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GlossAttributeDef *self = GLOSS_ATTRIBUTE_DEF (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, gloss_attribute_def_get_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_attribute_def_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  GlossAttributeDef *self = GLOSS_ATTRIBUTE_DEF (object);

  switch (prop_id)
    {
    case PROP_ID:
      gloss_attribute_def_set_id (self, g_value_get_string (value));
      break;
    case PROP_NAME:
      gloss_attribute_def_set_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_attribute_def_class_init (GlossAttributeDefClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = gloss_attribute_def_finalize;
  object_class->get_property = gloss_attribute_def_get_property;
  object_class->set_property = gloss_attribute_def_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_attribute_def_init (GlossAttributeDef *self)
{
}

/**
 * gloss_attribute_def_new:
 *
 * Returns: (transfer full): a new attribute definition
 */
GlossAttributeDef *
gloss_attribute_def_new (const char         *id,
                         GlossAttributeKind  kind)
{
  GlossAttributeDef *self;

  g_return_val_if_fail (id != NULL && *id != '\0', NULL);
  g_return_val_if_fail (kind <= GLOSS_ATTRIBUTE_TEXT, NULL);

  self = g_object_new (GLOSS_TYPE_ATTRIBUTE_DEF, NULL);
  self->id = g_strdup (id);
  self->kind = kind;
  return self;
}

/**
 * gloss_attribute_def_copy:
 *
 * Returns: (transfer full): a copy
 */
GlossAttributeDef *
gloss_attribute_def_copy (GlossAttributeDef *self)
{
  GlossAttributeDef *copy;

  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), NULL);

  copy = gloss_attribute_def_new (self->id, self->kind);
  copy->name = g_strdup (self->name);
  copy->applies_to = g_strdupv (self->applies_to);
  copy->values = g_strdupv (self->values);
  copy->extra = _gloss_json_object_copy (self->extra);
  return copy;
}

const char *
gloss_attribute_def_get_id (GlossAttributeDef *self)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), NULL);
  return self->id;
}

void
gloss_attribute_def_set_id (GlossAttributeDef *self,
                            const char        *id)
{
  g_return_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self));
  g_return_if_fail (id != NULL && *id != '\0');

  if (g_strcmp0 (self->id, id) == 0)
    return;
  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/* The name shown; the id when none is set. */
const char *
gloss_attribute_def_get_name (GlossAttributeDef *self)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), NULL);
  return self->name ? self->name : self->id;
}

void
gloss_attribute_def_set_name (GlossAttributeDef *self,
                              const char        *name)
{
  g_return_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self));

  if (name != NULL && *name == '\0')
    name = NULL;
  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

GlossAttributeKind
gloss_attribute_def_get_kind (GlossAttributeDef *self)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), 0);
  return self->kind;
}

void
gloss_attribute_def_set_kind (GlossAttributeDef  *self,
                              GlossAttributeKind  kind)
{
  g_return_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self));
  g_return_if_fail (kind <= GLOSS_ATTRIBUTE_TEXT);
  self->kind = kind;
}

/**
 * gloss_attribute_def_get_applies_to:
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): type ids
 *   or kind names; %NULL for every annotation
 */
const char * const *
gloss_attribute_def_get_applies_to (GlossAttributeDef *self)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), NULL);
  return (const char * const *)self->applies_to;
}

void
gloss_attribute_def_set_applies_to (GlossAttributeDef  *self,
                                    const char * const *applies_to)
{
  g_return_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self));
  g_strfreev (self->applies_to);
  self->applies_to = applies_to && applies_to[0] ? g_strdupv ((char **)applies_to) : NULL;
}

/**
 * gloss_attribute_def_get_values:
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the values
 *   of an enum attribute
 */
const char * const *
gloss_attribute_def_get_values (GlossAttributeDef *self)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), NULL);
  return (const char * const *)self->values;
}

void
gloss_attribute_def_set_values (GlossAttributeDef  *self,
                                const char * const *values)
{
  g_return_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self));
  g_strfreev (self->values);
  self->values = values && values[0] ? g_strdupv ((char **)values) : NULL;
}

static const char *
kind_word (GlossAnnotationKind kind)
{
  switch (kind)
    {
    case GLOSS_KIND_MENTION: return "mention";
    case GLOSS_KIND_ENTITY: return "entity";
    case GLOSS_KIND_CLAIM: return "claim";
    case GLOSS_KIND_RELATION: return "relation";
    case GLOSS_N_KINDS:
    default: return "";
    }
}

/**
 * gloss_attribute_def_applies:
 *
 * Returns: %TRUE if annotations of @kind and type @type_id carry this attribute
 */
gboolean
gloss_attribute_def_applies (GlossAttributeDef   *self,
                             GlossAnnotationKind  kind,
                             const char          *type_id)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), FALSE);

  if (self->applies_to == NULL)
    return TRUE;

  for (guint i = 0; self->applies_to[i] != NULL; i++)
    {
      const char *a = self->applies_to[i];

      if (g_str_equal (a, kind_word (kind)) || (type_id != NULL && g_str_equal (a, type_id)))
        return TRUE;
    }

  return FALSE;
}

/**
 * gloss_attribute_def_accepts:
 *
 * Returns: %TRUE if @value is a valid value of this attribute
 */
gboolean
gloss_attribute_def_accepts (GlossAttributeDef *self,
                             JsonNode          *value)
{
  GType type;

  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), FALSE);

  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value))
    return FALSE;

  type = json_node_get_value_type (value);
  switch (self->kind)
    {
    case GLOSS_ATTRIBUTE_BOOL:
      return type == G_TYPE_BOOLEAN;
    case GLOSS_ATTRIBUTE_TEXT:
      return type == G_TYPE_STRING;
    case GLOSS_ATTRIBUTE_ENUM:
      return type == G_TYPE_STRING &&
             (self->values == NULL ||
              g_strv_contains ((const char * const *)self->values, json_node_get_string (value)));
    default:
      return FALSE;
    }
}

/**
 * gloss_attribute_def_get_extra:
 *
 * Returns: (transfer none) (nullable): members this version does not know
 */
JsonObject *
gloss_attribute_def_get_extra (GlossAttributeDef *self)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), NULL);
  return self->extra;
}

void
gloss_attribute_def_set_extra (GlossAttributeDef *self,
                               JsonObject        *extra)
{
  g_return_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}

const char *
gloss_attribute_kind_to_string (GlossAttributeKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

gboolean
gloss_attribute_kind_from_string (const char         *str,
                                  GlossAttributeKind *kind)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (kind_names); i++)
    if (g_str_equal (str, kind_names[i]))
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}
