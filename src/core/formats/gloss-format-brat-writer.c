/* gloss-format-brat-writer.c: brat standoff export, a .txt and an .ann
 * per document (the format is described in gloss-format-brat.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "gloss-attribute-def.h"
#include "gloss-error.h"
#include "gloss-format-brat.h"
#include "gloss-format-brat-private.h"
#include "gloss-store.h"

/* Export */

/* What annotation.conf declares, in the order first met. */
typedef struct
{
  GPtrArray  *sections[4];   /* entities, relations, events, attributes: names */
  GHashTable *seen;          /* "SECTION:NAME" */
  GHashTable *values;        /* attribute name → GPtrArray of values (empty: binary) */
} Conf;

enum { CONF_ENTITIES, CONF_RELATIONS, CONF_EVENTS, CONF_ATTRIBUTES };

typedef struct
{
  GlossStore        *store;
  Conf              *conf;
  GlossDocument     *document;
  const char        *doc_id;
  GlossFormatReport *report;
  GString           *ann;
  GHashTable        *tb_of;   /* GlossAnnotation → "T3" */
  guint              n_t, n_r, n_e, n_a, n_n, n_notes;
} Writer;

static void conf_value (Conf       *conf,
                        const char *name,
                        const char *value);

/* brat's columns hold no whitespace in types, ids and values. */
static char *
no_spaces (const char *s)
{
  GString *out = g_string_new (NULL);

  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        g_string_append_c (out, '_');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Returns the new annotation's id (transfer full). */
static char *
write_text_bound (Writer          *w,
                  const char      *type,
                  const GlossSpan *spans,
                  guint            n)
{
  g_autofree char *clean = no_spaces (type);
  g_autoptr(GString) text = g_string_new (NULL);
  char *id = g_strdup_printf ("T%u", ++w->n_t);

  g_string_append_printf (w->ann, "%s\t%s ", id, clean);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *slice = gloss_document_dup_slice (w->document, spans[i].start, spans[i].end);
      g_autofree char *flat = _gloss_brat_flatten (slice);

      g_string_append_printf (w->ann, "%s%u %u", i > 0 ? ";" : "", spans[i].start, spans[i].end);
      g_string_append_printf (text, "%s%s", i > 0 ? " " : "", flat);
    }
  g_string_append_printf (w->ann, "\t%s\n", text->str);

  return id;
}

static void
write_attributes (Writer          *w,
                  GlossAnnotation *a,
                  const char      *target)
{
  JsonObject *attrs = gloss_annotation_get_attrs (a);
  g_autoptr(GList) names = attrs ? json_object_get_members (attrs) : NULL;

  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (attrs, l->data);
      g_autofree char *name = no_spaces (l->data);
      g_autofree char *value = NULL;
      GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

      if (type == G_TYPE_BOOLEAN)
        {
          if (json_node_get_boolean (node))
            {
              g_string_append_printf (w->ann, "A%u\t%s %s\n", ++w->n_a, name, target);
              conf_value (w->conf, name, NULL);
            }
          continue;
        }
      if (type == G_TYPE_STRING)
        value = no_spaces (json_node_get_string (node));
      else if (type == G_TYPE_INT64)
        value = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      else if (type == G_TYPE_DOUBLE)
        value = g_strdup_printf ("%g", json_node_get_double (node));

      if (value == NULL || (type == G_TYPE_STRING && !g_str_equal (value, json_node_get_string (node))))
        {
          gloss_format_report_add (w->report, GLOSS_LOSS_ATTRIBUTES, 1);
          gloss_format_report_add_detail (w->report,
                                          value == NULL
                                          /* Translators: in the details of an export; a document,
                                           * an annotation, an attribute's name */
                                          ? _("%s: %s %s: brat holds no spaces or lists in an attribute value")
                                          /* Translators: in the details of an export; a document,
                                           * an annotation, an attribute's name */
                                          : _("%s: %s %s: brat holds no spaces in an attribute value"),
                                          w->doc_id, gloss_annotation_get_id (a), (const char *) l->data);
          if (value == NULL)
            continue;
        }
      g_string_append_printf (w->ann, "A%u\t%s %s %s\n", ++w->n_a, name, target, value);
      conf_value (w->conf, name, value);
    }
}

static void
write_note (Writer          *w,
            GlossAnnotation *a,
            const char      *target)
{
  const char *note = gloss_annotation_get_note (a);
  g_autofree char *flat = NULL;

  if (note == NULL || *note == '\0')
    return;
  flat = _gloss_brat_flatten (note);
  g_string_append_printf (w->ann, "#%u\tAnnotatorNotes %s\t%s\n", ++w->n_notes, target, flat);
}

static const char *
tb_of (Writer      *w,
       GlossEntity *entity)
{
  GlossAnnotation *first = _gloss_format_first_mention (w->store, entity);

  return first != NULL ? g_hash_table_lookup (w->tb_of, first) : NULL;
}

/* One thing left out, counted, and said where and why in the details
 * (@format translated: a document, an annotation, …). */
static void G_GNUC_PRINTF (3, 4)
lost (Writer     *w,
      GlossLoss   loss,
      const char *format,
      ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);
  gloss_format_report_add (w->report, loss, 1);
  gloss_format_report_add_detail (w->report, "%s", detail);
}

static void
write_mentions (Writer *w)
{
  GListModel *list = gloss_store_get_list (w->store, GLOSS_KIND_MENTION);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossAnnotation) m = g_list_model_get_item (list, i);
      const GlossSpan *spans;
      guint n;
      char *id;

      spans = gloss_annotation_get_spans (m, GLOSS_ROLE_CONTENT, &n);
      id = write_text_bound (w, gloss_annotation_get_type_id (m), spans, n);
      g_hash_table_insert (w->tb_of, m, id);
    }
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossAnnotation) m = g_list_model_get_item (list, i);
      const char *id = g_hash_table_lookup (w->tb_of, m);

      write_attributes (w, m, id);
      write_note (w, m, id);
    }
}

/* N references for identified entities, Coreference relations to the
 * first mention for the others of a cluster. */
static void
write_entities (Writer *w)
{
  GListModel *list = gloss_store_get_list (w->store, GLOSS_KIND_ENTITY);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossAnnotation) e = g_list_model_get_item (list, i);
      g_autoptr(GPtrArray) mentions = gloss_store_get_mentions_of (w->store, GLOSS_ENTITY (e));
      const char *kb = gloss_entity_get_kb (GLOSS_ENTITY (e));
      const char *first = tb_of (w, GLOSS_ENTITY (e));
      const char *note = gloss_annotation_get_note (e);

      if (mentions == NULL || mentions->len == 0)
        {
          /* Translators: in the details of an export; %s a document, %s an entity */
          lost (w, GLOSS_LOSS_COREFERENCE, _("%s: entity %s: an entity without mentions has no place in brat"),
                w->doc_id, gloss_annotation_get_id (e));
          continue;
        }
      if (note != NULL && *note != '\0')
        /* Translators: in the details of an export; %s a document, %s an entity */
        lost (w, GLOSS_LOSS_NOTES, _("%s: entity %s: its note (brat notes annotations, not entities)"),
              w->doc_id, gloss_annotation_get_id (e));
      if (gloss_annotation_get_attrs (e) != NULL && json_object_get_size (gloss_annotation_get_attrs (e)) > 0)
        /* Translators: in the details of an export; %s a document, %s an entity */
        lost (w, GLOSS_LOSS_ATTRIBUTES, _("%s: entity %s: its attributes (brat's are on annotations, not entities)"),
              w->doc_id, gloss_annotation_get_id (e));

      if (kb != NULL && strpbrk (kb, " \t\n\r\f\v") != NULL)
        {
          g_autofree char *clean = no_spaces (kb);

          gloss_format_report_add (w->report, GLOSS_LOSS_KB, 1);
          /* Translators: in the details of an export; a document, an
           * entity, its knowledge-base id, the id as written */
          gloss_format_report_add_detail (w->report, _("%s: entity %s: the knowledge-base id “%s” is written “%s” "
                                                       "(brat's ids have no spaces)"),
                                          w->doc_id, gloss_annotation_get_id (e), kb, clean);
        }

      for (guint k = 0; k < mentions->len; k++)
        {
          const char *id = g_hash_table_lookup (w->tb_of, g_ptr_array_index (mentions, k));
          g_autofree char *clean_kb = kb ? no_spaces (kb) : NULL;
          g_autofree char *name = _gloss_brat_flatten (gloss_entity_get_name (GLOSS_ENTITY (e)));

          if (kb != NULL)
            g_string_append_printf (w->ann, "N%u\tReference %s %s\t%s\n", ++w->n_n, id, clean_kb, name);
          else if (g_str_equal (id, first))
            {
              /* An entity without a KB id is named on its first mention,
               * so one of a single mention (no Coreference) stays one. */
              g_autofree char *entity_id = no_spaces (gloss_annotation_get_id (e));

              g_string_append_printf (w->ann, "N%u\tReference %s " GLOSS_BRAT_ENTITY_DB ":%s\t%s\n",
                                      ++w->n_n, id, entity_id, name);
            }
          if (!g_str_equal (id, first))
            g_string_append_printf (w->ann, "R%u\tCoreference Arg1:%s Arg2:%s\n", ++w->n_r, id, first);
        }
    }
}

static void
write_relations (Writer *w)
{
  GListModel *list = gloss_store_get_list (w->store, GLOSS_KIND_RELATION);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossAnnotation) r = g_list_model_get_item (list, i);
      const char *from = tb_of (w, gloss_relation_get_from (GLOSS_RELATION (r)));
      const char *to = tb_of (w, gloss_relation_get_to (GLOSS_RELATION (r)));
      g_autofree char *type = no_spaces (gloss_annotation_get_type_id (r));
      g_autofree char *id = NULL;
      guint n_evidence;

      if (from == NULL || to == NULL)
        {
          /* Translators: in the details of an export; %s a document, %s a relation */
          lost (w, GLOSS_LOSS_RELATIONS, _("%s: relation %s: an entity it links has no mention"),
                w->doc_id, gloss_annotation_get_id (r));
          continue;
        }
      gloss_annotation_get_spans (r, GLOSS_ROLE_EVIDENCE, &n_evidence);
      if (n_evidence > 0)
        /* Translators: in the details of an export; %s a document, %s a relation */
        lost (w, GLOSS_LOSS_EVIDENCE, _("%s: relation %s: its evidence spans (a brat relation has none)"),
              w->doc_id, gloss_annotation_get_id (r));

      id = g_strdup_printf ("R%u", ++w->n_r);
      g_string_append_printf (w->ann, "%s\t%s Arg1:%s Arg2:%s\n", id, type, from, to);
      write_attributes (w, r, id);
      write_note (w, r, id);
    }
}

/* A claim is an event: its cue the trigger, its content a Content
 * argument, its claimant Source, what it is about About, About2…; a claim
 * without cue has its content as the trigger. */
static void
write_claims (Writer *w)
{
  GListModel *list = gloss_store_get_list (w->store, GLOSS_KIND_CLAIM);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlossAnnotation) c = g_list_model_get_item (list, i);
      GlossClaim *claim = GLOSS_CLAIM (c);
      const GlossSpan *content, *cue;
      guint n_content, n_cue;
      g_autofree char *trigger = NULL;
      g_autofree char *content_id = NULL;
      g_autofree char *type = no_spaces (gloss_annotation_get_type_id (c));
      g_autofree char *id = g_strdup_printf ("E%u", ++w->n_e);
      GlossEntity *claimant = gloss_claim_get_claimant (claim);
      guint n_about = 0;

      content = gloss_annotation_get_spans (c, GLOSS_ROLE_CONTENT, &n_content);
      cue = gloss_annotation_get_spans (c, GLOSS_ROLE_CUE, &n_cue);
      if (n_cue > 0)
        {
          trigger = write_text_bound (w, type, cue, n_cue);
          content_id = write_text_bound (w, "Content", content, n_content);
        }
      else
        trigger = write_text_bound (w, type, content, n_content);

      g_string_append_printf (w->ann, "%s\t%s:%s", id, type, trigger);
      if (content_id != NULL)
        g_string_append_printf (w->ann, " Content:%s", content_id);
      if (claimant != NULL)
        {
          if (tb_of (w, claimant) != NULL)
            g_string_append_printf (w->ann, " Source:%s", tb_of (w, claimant));
          else
            /* Translators: in the details of an export; %s a document, %s a claim */
            lost (w, GLOSS_LOSS_CLAIM_PARTS, _("%s: claim %s: its claimant has no mention"),
                  w->doc_id, gloss_annotation_get_id (c));
        }
      for (guint k = 0; k < gloss_claim_get_n_about (claim); k++)
        {
          const char *about = tb_of (w, gloss_claim_get_about (claim, k));

          if (about == NULL)
            {
              /* Translators: in the details of an export; %s a document, %s a claim */
              lost (w, GLOSS_LOSS_CLAIM_PARTS, _("%s: claim %s: an entity it is about has no mention"),
                    w->doc_id, gloss_annotation_get_id (c));
              continue;
            }
          n_about++;
          if (n_about == 1)
            g_string_append_printf (w->ann, " About:%s", about);
          else
            g_string_append_printf (w->ann, " About%u:%s", n_about, about);
        }
      g_string_append_c (w->ann, '\n');

      g_string_append_printf (w->ann, "A%u\tCertainty %s %s\n", ++w->n_a, id,
                              gloss_certainty_to_string (gloss_claim_get_certainty (claim)));
      write_attributes (w, c, id);
      write_note (w, c, id);
    }
}

/* annotation.conf */

static void
conf_add (Conf       *conf,
          guint       section,
          const char *name)
{
  g_autofree char *clean = no_spaces (name);
  g_autofree char *key = g_strdup_printf ("%u:%s", section, clean);

  if (g_hash_table_contains (conf->seen, key))
    return;
  g_hash_table_add (conf->seen, g_steal_pointer (&key));
  g_ptr_array_add (conf->sections[section], g_steal_pointer (&clean));
}

/* @value NULL: a binary attribute. */
static void
conf_value (Conf       *conf,
            const char *name,
            const char *value)
{
  GPtrArray *values;

  conf_add (conf, CONF_ATTRIBUTES, name);
  values = g_hash_table_lookup (conf->values, name);
  if (values == NULL)
    {
      values = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (conf->values, g_strdup (name), values);
    }
  if (value != NULL && !g_ptr_array_find_with_equal_func (values, value, g_str_equal, NULL))
    g_ptr_array_add (values, no_spaces (value));
}

static void
conf_add_schema (Conf        *conf,
                 GlossSchema *schema)
{
  static const struct { GlossLabelKind kind; guint section; } kinds[] = {
    { GLOSS_LABEL_ENTITY, CONF_ENTITIES },
    { GLOSS_LABEL_RELATION, CONF_RELATIONS },
    { GLOSS_LABEL_CLAIM, CONF_EVENTS },
  };
  GListModel *attributes = gloss_schema_get_attributes (schema);

  for (gsize k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GListModel *labels = gloss_schema_get_labels (schema, kinds[k].kind);

      for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
        {
          g_autoptr(GlossLabel) label = g_list_model_get_item (labels, i);

          conf_add (conf, kinds[k].section, gloss_label_get_id (label));
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (attributes); i++)
    {
      g_autoptr(GlossAttributeDef) def = g_list_model_get_item (attributes, i);
      const char * const *values = gloss_attribute_def_get_values (def);
      g_autofree char *name = no_spaces (gloss_attribute_def_get_id (def));

      if (gloss_attribute_def_get_kind (def) == GLOSS_ATTRIBUTE_BOOL)
        conf_value (conf, name, NULL);
      else if (gloss_attribute_def_get_kind (def) == GLOSS_ATTRIBUTE_ENUM)
        for (guint v = 0; values != NULL && values[v] != NULL; v++)
          conf_value (conf, name, values[v]);
    }
}

/* brat's configuration of the types the .ann files use: without it brat
 * shows every type as unconfigured. */
static GBytes *
conf_write (Conf *conf)
{
  static const char * const headers[] = { "[entities]", "[relations]", "[events]", "[attributes]" };
  GString *out = g_string_new ("# brat annotation.conf, written by Gloss with the documents' types\n");

  for (guint section = 0; section < G_N_ELEMENTS (headers); section++)
    {
      GPtrArray *names = conf->sections[section];

      g_string_append_printf (out, "\n%s\n", headers[section]);
      if (section == CONF_ENTITIES && conf->sections[CONF_EVENTS]->len > 0)
        g_string_append (out, "Content\n");
      if (section == CONF_RELATIONS)
        g_string_append (out, "Coreference\tArg1:<ENTITY>, Arg2:<ENTITY>, <REL-TYPE>:symmetric-transitive\n");
      if (section == CONF_ATTRIBUTES && conf->sections[CONF_EVENTS]->len > 0)
        g_string_append (out, "Certainty\tArg:<EVENT>, Value:asserted|hedged|denied\n");
      for (guint i = 0; i < names->len; i++)
        {
          const char *name = g_ptr_array_index (names, i);
          GPtrArray *values;

          switch (section)
            {
            case CONF_RELATIONS:
              if (!g_str_equal (name, "Coreference"))
                g_string_append_printf (out, "%s\tArg1:<ENTITY>, Arg2:<ENTITY>\n", name);
              break;
            case CONF_EVENTS:
              g_string_append_printf (out, "%s\tContent?:Content, Source?:<ENTITY>, About*:<ENTITY>\n", name);
              break;
            case CONF_ATTRIBUTES:
              if (g_str_equal (name, "Certainty"))
                break;
              values = g_hash_table_lookup (conf->values, name);
              g_string_append_printf (out, "%s\tArg:<ENTITY>|<EVENT>|<RELATION>", name);
              for (guint v = 0; values != NULL && v < values->len; v++)
                g_string_append_printf (out, "%s%s", v == 0 ? ", Value:" : "|", (const char *) g_ptr_array_index (values, v));
              g_string_append_c (out, '\n');
              break;
            default:
              if (!g_str_equal (name, "Content"))
                g_string_append_printf (out, "%s\n", name);
              break;
            }
        }
    }
  return g_string_free_to_bytes (out);
}

/* ID, or ID-2… when another document took it. */
static char *
file_stem (GlossDocument *document,
           guint          index,
           GHashTable    *taken)
{
  g_autofree char *base = gloss_format_file_stem (gloss_document_get_id (document), index);
  char *stem = g_strdup (base);

  for (guint n = 2; g_hash_table_contains (taken, stem); n++)
    {
      g_free (stem);
      stem = g_strdup_printf ("%s-%u", base, n);
    }
  g_hash_table_add (taken, g_strdup (stem));
  return stem;
}

/**
 * gloss_brat_export:
 * @stores: (element-type GlossStore): the documents
 * @options: the report and the progress callback
 * @error: return location for a #GLOSS_FORMAT_ERROR
 *
 * Returns: (transfer container) (element-type GlossFormatFile): ID.txt
 *   (the text, byte for byte) and ID.ann for each document
 */
GPtrArray *
gloss_brat_export (GPtrArray                *stores,
                   const GlossFormatOptions *options,
                   GError                  **error)
{
  g_autoptr(GlossFormatReport) own_report = gloss_format_report_new ();
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_format_file_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_ptr_array_unref);
  Conf conf = { { NULL }, seen, values };

  g_return_val_if_fail (stores != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (conf.sections); i++)
    conf.sections[i] = g_ptr_array_new_with_free_func (g_free);
  g_return_val_if_fail (options != NULL, NULL);

  for (guint i = 0; i < stores->len; i++)
    {
      GlossStore *store = g_ptr_array_index (stores, i);
      GlossDocument *document = gloss_store_get_document (store);
      g_autoptr(GHashTable) tb = g_hash_table_new_full (NULL, NULL, NULL, g_free);
      g_autofree char *stem = file_stem (document, i, taken);
      const char *text = gloss_document_get_text (document);
      Writer w = {
        .store = store, .conf = &conf, .document = document, .tb_of = tb, .ann = g_string_new (NULL),
        .doc_id = gloss_document_get_id (document) ? gloss_document_get_id (document) : stem,
        .report = options->report ? options->report : own_report,
      };

      conf_add_schema (&conf, gloss_store_get_schema (store));
      write_mentions (&w);
      write_entities (&w);
      write_relations (&w);
      write_claims (&w);

      g_ptr_array_add (files, gloss_format_file_new (g_strconcat (stem, ".txt", NULL),
                                                     g_bytes_new (text, gloss_document_get_n_bytes (document))));
      g_ptr_array_add (files, gloss_format_file_new (g_strconcat (stem, ".ann", NULL),
                                                     g_string_free_to_bytes (w.ann)));
      if (options->progress != NULL)
        options->progress (i + 1, stores->len, options->progress_data);
    }

  if (stores->len > 0)
    g_ptr_array_add (files, gloss_format_file_new (g_strdup (GLOSS_BRAT_CONF), conf_write (&conf)));
  for (guint i = 0; i < G_N_ELEMENTS (conf.sections); i++)
    g_ptr_array_unref (conf.sections[i]);
  return files;
}
