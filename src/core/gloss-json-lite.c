/* gloss-json-lite.c: a JSON value read into one arena
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-json-lite.h"
#include "gloss-json-writer.h"

#define BLOCK_SIZE (64 * 1024)

struct _GlossJsonLite
{
  GPtrArray *blocks;
  char      *next;
  gsize      left;
  GPtrArray *items;   /* the open containers' members or elements so far, */
  GPtrArray *names;   /* and names, innermost last: one allocation for all */
};

GlossJsonLite *
gloss_json_lite_new (void)
{
  GlossJsonLite *self = g_new0 (GlossJsonLite, 1);

  self->blocks = g_ptr_array_new_with_free_func (g_free);
  self->items = g_ptr_array_new ();
  self->names = g_ptr_array_new ();
  return self;
}

void
gloss_json_lite_free (GlossJsonLite *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->blocks);
  g_ptr_array_unref (self->items);
  g_ptr_array_unref (self->names);
  g_free (self);
}

void
gloss_json_lite_reset (GlossJsonLite *self)
{
  g_return_if_fail (self != NULL);

  g_ptr_array_set_size (self->blocks, 0);
  self->next = NULL;
  self->left = 0;
}

static gpointer
arena_alloc (GlossJsonLite *self,
             gsize          size)
{
  gpointer p;

  size = (size + 7) & ~(gsize) 7;
  if (size > BLOCK_SIZE / 4)
    {
      p = g_malloc (size);
      g_ptr_array_add (self->blocks, p);
      return p;
    }
  if (size > self->left)
    {
      self->next = g_malloc (BLOCK_SIZE);
      self->left = BLOCK_SIZE;
      g_ptr_array_add (self->blocks, self->next);
    }
  p = self->next;
  self->next += size;
  self->left -= size;
  return p;
}

static const char *
arena_strndup (GlossJsonLite *self,
               const char    *str,
               gsize          length)
{
  char *copy = arena_alloc (self, length + 1);

  memcpy (copy, str, length);
  copy[length] = '\0';
  return copy;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Whether a name appears twice: pairwise for the usual few members,
 * sorted for many. */
static gboolean
has_duplicate (const char **names,
               guint        n)
{
  g_autofree const char **sorted = NULL;

  if (n <= 16)
    {
      for (guint i = 1; i < n; i++)
        for (guint j = 0; j < i; j++)
          if (strcmp (names[i], names[j]) == 0)
            return TRUE;
      return FALSE;
    }
  sorted = g_memdup2 (names, n * sizeof (char *));
  qsort (sorted, n, sizeof (char *), compare_names);
  for (guint i = 1; i < n; i++)
    if (strcmp (sorted[i], sorted[i - 1]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
read_scalar (GlossJsonLite      *self,
             GlossJsonReader    *reader,
             GlossJsonLiteValue *value)
{
  const char *str;
  gsize length;

  switch (value->kind)
    {
    case GLOSS_JSON_STRING:
      str = gloss_json_reader_get_string (reader, &length);
      if (memchr (str, '\0', length) != NULL)
        {
          gloss_json_reader_set_error (reader, GLOSS_FORMAT_ERROR_INVALID,
                                       "a string holds a NUL character (\\u0000), which Gloss cannot keep");
          return FALSE;
        }
      value->string = arena_strndup (self, str, length);
      return TRUE;

    case GLOSS_JSON_NUMBER:
      value->is_int = gloss_json_reader_get_int64 (reader, &value->integer);
      if (!value->is_int && !gloss_json_reader_get_double (reader, &value->number))
        {
          str = gloss_json_reader_get_number_text (reader, &length);
          gloss_json_reader_set_error (reader, GLOSS_FORMAT_ERROR_INVALID, "the number %.*s is out of range",
                                       (int) MIN (length, 40), str);
          return FALSE;
        }
      return TRUE;

    case GLOSS_JSON_TRUE:
    case GLOSS_JSON_FALSE:
    case GLOSS_JSON_NULL:
      return TRUE;

    case GLOSS_JSON_BEGIN_OBJECT:
    case GLOSS_JSON_BEGIN_ARRAY:
    case GLOSS_JSON_END:
    case GLOSS_JSON_ERROR:
    case GLOSS_JSON_END_OBJECT:
    case GLOSS_JSON_END_ARRAY:
    case GLOSS_JSON_MEMBER:
    default:
      return FALSE;
    }
}

/* The reader's depth limit bounds the recursion. A container's members
 * go on the shared stacks, then into the arena when it ends. */
static GlossJsonLiteValue *
read_value (GlossJsonLite   *self,
            GlossJsonReader *reader)
{
  GlossJsonLiteValue *value = arena_alloc (self, sizeof (GlossJsonLiteValue));
  gboolean object = gloss_json_reader_get_token (reader) == GLOSS_JSON_BEGIN_OBJECT;
  guint base = self->items->len;
  guint n;

  memset (value, 0, sizeof *value);
  value->kind = gloss_json_reader_get_token (reader);
  if (value->kind != GLOSS_JSON_BEGIN_OBJECT && value->kind != GLOSS_JSON_BEGIN_ARRAY)
    return read_scalar (self, reader, value) ? value : NULL;

  for (;;)
    {
      GlossJsonToken t = gloss_json_reader_next (reader);
      GlossJsonLiteValue *item;

      if (t == GLOSS_JSON_END_OBJECT || t == GLOSS_JSON_END_ARRAY)
        break;
      if (object)
        {
          const char *name;
          gsize length;

          if (t != GLOSS_JSON_MEMBER)
            goto fail;
          name = gloss_json_reader_get_string (reader, &length);
          if (memchr (name, '\0', length) != NULL)
            {
              gloss_json_reader_set_error (reader, GLOSS_FORMAT_ERROR_INVALID,
                                           "a member name holds a NUL character (\\u0000)");
              goto fail;
            }
          g_ptr_array_add (self->names, (gpointer) arena_strndup (self, name, length));
          t = gloss_json_reader_next (reader);
        }
      if (t < GLOSS_JSON_BEGIN_OBJECT || t == GLOSS_JSON_END_OBJECT || t == GLOSS_JSON_END_ARRAY ||
          t == GLOSS_JSON_MEMBER || (item = read_value (self, reader)) == NULL)
        goto fail;
      g_ptr_array_add (self->items, item);
    }

  n = self->items->len - base;
  if (object && has_duplicate ((const char **) self->names->pdata + self->names->len - n, n))
    {
      gloss_json_reader_set_error (reader, GLOSS_FORMAT_ERROR_INVALID, "a member appears twice in the object");
      goto fail;
    }
  value->n = n;
  value->items = arena_alloc (self, MAX (1, n) * sizeof (gpointer));
  /* An empty list may come before the arrays hold anything (pdata NULL). */
  if (n > 0)
    memcpy (value->items, self->items->pdata + base, n * sizeof (gpointer));
  g_ptr_array_set_size (self->items, base);
  if (object)
    {
      value->names = arena_alloc (self, MAX (1, n) * sizeof (gpointer));
      if (n > 0)
        memcpy (value->names, self->names->pdata + self->names->len - n, n * sizeof (gpointer));
      g_ptr_array_set_size (self->names, self->names->len - n);
    }
  return value;

fail:
  g_ptr_array_set_size (self->items, 0);
  g_ptr_array_set_size (self->names, 0);
  return NULL;
}

GlossJsonLiteValue *
gloss_json_lite_read (GlossJsonLite   *self,
                      GlossJsonReader *reader)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (reader != NULL, NULL);

  if (gloss_json_reader_get_token (reader) < GLOSS_JSON_BEGIN_OBJECT)
    return NULL;
  return read_value (self, reader);
}

GlossJsonLiteValue *
gloss_json_lite_read_text (GlossJsonLite  *self,
                           const char     *json,
                           gsize           length,
                           const char     *where,
                           GError        **error)
{
  g_autoptr(GlossJsonReader) reader = gloss_json_reader_new_at (json, length, 0, where, NULL);
  GlossJsonLiteValue *value = NULL;

  if (gloss_json_reader_next (reader) != GLOSS_JSON_ERROR)
    value = gloss_json_lite_read (self, reader);
  if (value == NULL)
    g_propagate_error (error, gloss_json_reader_take_error (reader));
  return value;
}

GlossJsonLiteValue *
gloss_json_lite_read_node (GlossJsonLite  *self,
                           JsonNode       *node,
                           const char     *where,
                           GError        **error)
{
  /* Gloss's own writer, not json_to_string(): json-glib 1.6 writes 1e20
   * as "1e+20.0", which no reader takes back. */
  g_autofree char *json = gloss_json_node_to_string (node, FALSE);

  return gloss_json_lite_read_text (self, json, strlen (json), where, error);
}

JsonNode *
gloss_json_lite_to_node (const GlossJsonLiteValue *value)
{
  JsonNode *node;

  if (value->kind == GLOSS_JSON_BEGIN_OBJECT)
    {
      JsonObject *object = json_object_new ();

      for (guint i = 0; i < value->n; i++)
        json_object_set_member (object, value->names[i], gloss_json_lite_to_node (value->items[i]));
      node = json_node_init_object (json_node_alloc (), object);
      json_object_unref (object);
      return node;
    }
  if (value->kind == GLOSS_JSON_BEGIN_ARRAY)
    {
      JsonArray *array = json_array_sized_new (value->n);

      for (guint i = 0; i < value->n; i++)
        json_array_add_element (array, gloss_json_lite_to_node (value->items[i]));
      node = json_node_init_array (json_node_alloc (), array);
      json_array_unref (array);
      return node;
    }
  if (value->kind == GLOSS_JSON_STRING)
    return json_node_init_string (json_node_alloc (), value->string);
  if (value->kind == GLOSS_JSON_NUMBER && value->is_int)
    return json_node_init_int (json_node_alloc (), value->integer);
  if (value->kind == GLOSS_JSON_NUMBER)
    return json_node_init_double (json_node_alloc (), value->number);
  if (value->kind == GLOSS_JSON_TRUE || value->kind == GLOSS_JSON_FALSE)
    return json_node_init_boolean (json_node_alloc (), value->kind == GLOSS_JSON_TRUE);
  return json_node_init_null (json_node_alloc ());
}

const GlossJsonLiteValue *
gloss_json_lite_get_member (const GlossJsonLiteValue *object,
                            const char               *name)
{
  if (object == NULL || object->kind != GLOSS_JSON_BEGIN_OBJECT)
    return NULL;
  for (guint i = 0; i < object->n; i++)
    if (strcmp (object->names[i], name) == 0)
      return object->items[i];
  return NULL;
}

const char *
gloss_json_lite_get_string (const GlossJsonLiteValue *object,
                            const char               *name)
{
  const GlossJsonLiteValue *member = gloss_json_lite_get_member (object, name);

  return member != NULL && member->kind == GLOSS_JSON_STRING ? member->string : NULL;
}
