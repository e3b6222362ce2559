/* gloss-project-document.c: one document of a project and its progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-enum-types.h"
#include "gloss-project-document.h"

struct _GlossProjectDocument
{
  GObject        parent_instance;

  char          *id;
  char          *title;
  char          *source;
  JsonObject    *extra;
  GlossProgress  status;
  guint          n_mentions;
  guint          n_claims;
};

G_DEFINE_FINAL_TYPE (GlossProjectDocument, gloss_project_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SOURCE,
  PROP_STATUS,
  PROP_N_MENTIONS,
  PROP_N_CLAIMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const progress_names[] = { "todo", "in-progress", "done" };

static void
gloss_project_document_finalize (GObject *object)
{
  GlossProjectDocument *self = (GlossProjectDocument *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (gloss_project_document_parent_class)->finalize (object);
}

static void
gloss_project_document_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  GlossProjectDocument *self = GLOSS_PROJECT_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_N_MENTIONS:
      g_value_set_uint (value, self->n_mentions);
      break;
    case PROP_N_CLAIMS:
      g_value_set_uint (value, self->n_claims);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_project_document_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  GlossProjectDocument *self = GLOSS_PROJECT_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      gloss_project_document_set_title (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      gloss_project_document_set_status (self, g_value_get_enum (value));
      break;
    case PROP_SOURCE:
      gloss_project_document_set_source (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_project_document_class_init (GlossProjectDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = gloss_project_document_finalize;
  object_class->get_property = gloss_project_document_get_property;
  object_class->set_property = gloss_project_document_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, GLOSS_TYPE_PROGRESS, GLOSS_PROGRESS_TODO, flags);
  properties[PROP_N_MENTIONS] =
    g_param_spec_uint ("n-mentions", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_CLAIMS] =
    g_param_spec_uint ("n-claims", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_project_document_init (GlossProjectDocument *self)
{
}

/**
 * gloss_project_document_new:
 * @id: the name of the document's folder in the project
 *
 * Returns: (transfer full): a new entry, status todo
 */
GlossProjectDocument *
gloss_project_document_new (const char *id)
{
  GlossProjectDocument *self;

  g_return_val_if_fail (id != NULL && *id != '\0', NULL);

  self = g_object_new (GLOSS_TYPE_PROJECT_DOCUMENT, NULL);
  self->id = g_strdup (id);
  return self;
}

const char *
gloss_project_document_get_id (GlossProjectDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT_DOCUMENT (self), NULL);
  return self->id;
}

static void
set_string (GlossProjectDocument  *self,
            char                 **field,
            const char            *value,
            guint                  prop)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

const char *
gloss_project_document_get_title (GlossProjectDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT_DOCUMENT (self), NULL);
  return self->title;
}

void
gloss_project_document_set_title (GlossProjectDocument *self,
                                  const char           *title)
{
  g_return_if_fail (GLOSS_IS_PROJECT_DOCUMENT (self));
  set_string (self, &self->title, title, PROP_TITLE);
}

GlossProgress
gloss_project_document_get_status (GlossProjectDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT_DOCUMENT (self), 0);
  return self->status;
}

void
gloss_project_document_set_status (GlossProjectDocument *self,
                                   GlossProgress         status)
{
  g_return_if_fail (GLOSS_IS_PROJECT_DOCUMENT (self));
  g_return_if_fail (status <= GLOSS_PROGRESS_DONE);

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
gloss_project_document_get_source (GlossProjectDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT_DOCUMENT (self), NULL);
  return self->source;
}

void
gloss_project_document_set_source (GlossProjectDocument *self,
                                   const char           *source)
{
  g_return_if_fail (GLOSS_IS_PROJECT_DOCUMENT (self));
  set_string (self, &self->source, source, PROP_SOURCE);
}

guint
gloss_project_document_get_n_mentions (GlossProjectDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT_DOCUMENT (self), 0);
  return self->n_mentions;
}

guint
gloss_project_document_get_n_claims (GlossProjectDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT_DOCUMENT (self), 0);
  return self->n_claims;
}

void
gloss_project_document_set_counts (GlossProjectDocument *self,
                                   guint                 n_mentions,
                                   guint                 n_claims)
{
  g_return_if_fail (GLOSS_IS_PROJECT_DOCUMENT (self));

  if (self->n_mentions != n_mentions)
    {
      self->n_mentions = n_mentions;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MENTIONS]);
    }
  if (self->n_claims != n_claims)
    {
      self->n_claims = n_claims;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CLAIMS]);
    }
}

/**
 * gloss_project_document_get_extra:
 *
 * Returns: (transfer none) (nullable): members this version does not know
 */
JsonObject *
gloss_project_document_get_extra (GlossProjectDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT_DOCUMENT (self), NULL);
  return self->extra;
}

void
gloss_project_document_set_extra (GlossProjectDocument *self,
                                  JsonObject           *extra)
{
  g_return_if_fail (GLOSS_IS_PROJECT_DOCUMENT (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}

const char *
gloss_progress_to_string (GlossProgress status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (progress_names), NULL);
  return progress_names[status];
}

gboolean
gloss_progress_from_string (const char    *str,
                            GlossProgress *status)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (progress_names); i++)
    if (g_str_equal (str, progress_names[i]))
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}
