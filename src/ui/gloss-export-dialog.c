/* gloss-export-dialog.c: Export (Ctrl+E): format, options, documents, split
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every format gloss-cli export writes, with the options that apply to it
 * (offsets, doccano's shape); in a project, which documents and a
 * train/dev/test split by document. Before anything is written the
 * dialog counts what goes out and, by running the export without
 * writing, what the format's writer will leave out; Export…
 * asks where (a file, or a folder for formats and splits of several
 * files), writes everything all or nothing through the core
 * (gloss-format-dataset.c) and emits "exported" with the report, which
 * then also holds what the exporter itself left out (with where).
 *
 * Keyboard: the rows are reached with Tab and opened with Space or
 * Enter; Escape cancels; Ctrl+Return (or the Export… button) exports.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-combo-row-names.h"
#include "gloss-error.h"
#include "gloss-export-dialog.h"
#include "gloss-format-dataset.h"

typedef enum
{
  SCOPE_DOCUMENT,
  SCOPE_DONE,
  SCOPE_ALL,
  SCOPE_CURATED,
  N_SCOPES
} Scope;

struct _GlossExportDialog
{
  AdwWindow          parent_instance;

  AdwWindowTitle    *window_title;
  GtkButton         *cancel_button;
  GtkButton         *export_button;
  AdwComboRow       *format_row;
  AdwComboRow       *shape_row;
  AdwComboRow       *offsets_row;
  AdwPreferencesGroup *documents_group;
  AdwComboRow       *scope_row;
  AdwExpanderRow    *split_row;
  GtkSpinButton     *train_spin;
  GtkSpinButton     *dev_spin;
  GtkSpinButton     *test_spin;
  GtkSpinButton     *seed_spin;
  AdwActionRow      *counts_row;
  AdwActionRow      *losses_row;

  GlossStore        *store;
  GlossProject      *project;
  char              *name;
  GFile             *folder;
  GPtrArray         *formats;       /* const GlossFormat *, as listed */
  Scope              scopes[N_SCOPES];  /* the scope of each row of scope_row */
  GPtrArray         *stores[N_SCOPES];  /* read when first chosen */
  GtkNativeDialog   *chooser;
  char              *losses_key;    /* what preview_losses() counted for */
  char              *losses;        /* its summary; NULL: nothing */
};

G_DEFINE_FINAL_TYPE (GlossExportDialog, gloss_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A name people know each format by; the core's descriptions are for
 * gloss-cli --help. */
static const char *
format_title (const GlossFormat *format)
{
  static const struct { const char *name; const char *title; } titles[] = {
    { "native", N_("Gloss document (.gloss)") },
    { "jsonl", N_("Gloss dataset (JSON Lines)") },
    { "doccano", N_("doccano (JSONL)") },
    { "prodigy", N_("spaCy / Prodigy (JSONL)") },
    { "conll", N_("CoNLL-2003 (IOB2 tags)") },
    { "brat", N_("brat standoff (.txt and .ann)") },
    { "w3c", N_("W3C Web Annotation (JSON-LD)") },
    { "labelstudio", N_("Label Studio (JSON)") },
    { "csv", N_("Mentions as CSV (spreadsheets)") },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_str_equal (titles[i].name, format->name))
      return _(titles[i].title);
  return format->description;
}

const GlossFormat *
gloss_export_dialog_get_format (GlossExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (GLOSS_IS_EXPORT_DIALOG (self), NULL);

  selected = adw_combo_row_get_selected (self->format_row);
  if (selected >= self->formats->len)
    return NULL;
  return g_ptr_array_index (self->formats, selected);
}

gboolean
gloss_export_dialog_select_format (GlossExportDialog *self,
                                   const char        *name)
{
  g_return_val_if_fail (GLOSS_IS_EXPORT_DIALOG (self), FALSE);

  for (guint i = 0; i < self->formats->len; i++)
    if (g_str_equal (((const GlossFormat *) g_ptr_array_index (self->formats, i))->name, name))
      {
        adw_combo_row_set_selected (self->format_row, i);
        return TRUE;
      }
  return FALSE;
}

static Scope
current_scope (GlossExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->scope_row);

  if (self->project == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= N_SCOPES)
    return SCOPE_DOCUMENT;
  return self->scopes[selected];
}

/* The stores of @scope, read from the project the first time. */
static GPtrArray *
scope_stores (GlossExportDialog  *self,
              Scope               scope,
              GError            **error)
{
  GListModel *documents;
  g_autoptr(GPtrArray) stores = NULL;
  g_autoptr(GHashTable) taken = NULL;

  if (self->stores[scope] != NULL)
    return self->stores[scope];

  stores = g_ptr_array_new_with_free_func (g_object_unref);
  taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (scope == SCOPE_DOCUMENT)
    {
      g_ptr_array_add (stores, g_object_ref (self->store));
      gloss_format_name_documents (stores, taken, self->name);
      return self->stores[scope] = g_steal_pointer (&stores);
    }

  documents = gloss_project_get_documents (self->project);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(GlossProjectDocument) document = g_list_model_get_item (documents, i);
      GlossStore *store = NULL;

      if (scope == SCOPE_CURATED && !gloss_project_is_curated (self->project, document))
        continue;
      if (scope == SCOPE_ALL)
        store = gloss_project_open_document (self->project, document, error);
      else
        {
          g_autoptr(GError) local_error = NULL;

          store = gloss_project_open_final (self->project, document, &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          if (store == NULL)
            continue;
        }
      if (store == NULL)
        return NULL;
      if (gloss_document_get_id (gloss_store_get_document (store)) == NULL)
        gloss_document_set_id (gloss_store_get_document (store), gloss_project_document_get_id (document));
      g_ptr_array_add (stores, store);
    }
  gloss_format_name_documents (stores, taken, NULL);
  return self->stores[scope] = g_steal_pointer (&stores);
}

static gboolean
split_enabled (GlossExportDialog *self)
{
  return self->project != NULL && adw_expander_row_get_enable_expansion (self->split_row);
}

static void
split_percent (GlossExportDialog *self,
               guint              percent[GLOSS_SPLIT_N_PARTS])
{
  percent[0] = gtk_spin_button_get_value_as_int (self->train_spin);
  percent[1] = gtk_spin_button_get_value_as_int (self->dev_spin);
  percent[2] = gtk_spin_button_get_value_as_int (self->test_spin);
}

static char *
counts_text (GPtrArray *stores)
{
  guint n[4] = { 0 };
  const GlossAnnotationKind kinds[] = { GLOSS_KIND_MENTION, GLOSS_KIND_ENTITY, GLOSS_KIND_CLAIM, GLOSS_KIND_RELATION };
  g_autofree char *documents = NULL, *mentions = NULL, *entities = NULL, *claims = NULL, *relations = NULL;

  for (guint i = 0; i < stores->len; i++)
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      n[k] += gloss_store_get_n_items (g_ptr_array_index (stores, i), kinds[k]);

  documents = g_strdup_printf (ngettext ("%u document", "%u documents", stores->len), stores->len);
  mentions = g_strdup_printf (ngettext ("%u mention", "%u mentions", n[0]), n[0]);
  entities = g_strdup_printf (ngettext ("%u entity", "%u entities", n[1]), n[1]);
  claims = g_strdup_printf (ngettext ("%u claim", "%u claims", n[2]), n[2]);
  relations = g_strdup_printf (ngettext ("%u relation", "%u relations", n[3]), n[3]);
  /* Translators: "2 documents: 40 mentions, 12 entities, 3 claims, 1 relation" */
  return g_strdup_printf (_("%s: %s, %s, %s, %s"), documents, mentions, entities, claims, relations);
}

/* How many documents each part of the split gets, as Export will write
 * them (the same seeded split). */
static char *
parts_text (GlossExportDialog *self,
            GPtrArray         *stores,
            const guint        percent[GLOSS_SPLIT_N_PARTS])
{
  g_autoptr(GPtrArray) copy = g_ptr_array_copy (stores, (GCopyFunc) g_object_ref, NULL);
  GPtrArray **parts;
  char *text;

  g_ptr_array_set_free_func (copy, g_object_unref);
  parts = gloss_format_split (copy, percent, (guint32) gtk_spin_button_get_value_as_int (self->seed_spin));
  /* Translators: the documents in each part of a split dataset; train,
   * dev and test are the names of the files written */
  text = g_strdup_printf (_("train %u, dev %u, test %u"), parts[0]->len, parts[1]->len, parts[2]->len);
  gloss_format_split_free (parts);
  return text;
}

/* The options Export writes with. */
static void
export_options (GlossExportDialog  *self,
                const GlossFormat  *format,
                GlossFormatOptions *options)
{
  options->offsets = format->offsets_choice ? adw_combo_row_get_selected (self->offsets_row)
                                            : GLOSS_OFFSET_CODEPOINTS;
  options->offsets_set = format->offsets_choice;
  if (g_str_equal (format->name, "doccano"))
    options->variant = adw_combo_row_get_selected (self->shape_row) == 1 ? "entities" : "label";
}

/* What the export will leave out, as its writer counts it: the export run
 * without writing (gloss_format_count_losses()), once per format, shape,
 * offsets and documents; NULL when nothing. The split only divides the
 * documents, each of which loses the same. */
static const char *
preview_losses (GlossExportDialog  *self,
                const GlossFormat  *format,
                GPtrArray          *stores,
                GError            **error)
{
  g_autoptr(GlossFormatReport) report = NULL;
  GlossFormatOptions options = { 0 };
  g_autofree char *key = NULL;

  export_options (self, format, &options);
  key = g_strdup_printf ("%s %s %u %u", format->name, options.variant ? options.variant : "",
                         (guint) options.offsets, (guint) current_scope (self));
  if (g_strcmp0 (key, self->losses_key) == 0)
    return self->losses;

  report = gloss_format_report_new ();
  options.report = report;
  if (!gloss_format_count_losses (format, stores, &options, error))
    return NULL;
  g_free (self->losses_key);
  self->losses_key = g_steal_pointer (&key);
  g_free (self->losses);
  self->losses = gloss_format_report_summary (report);
  return self->losses;
}

/* Counts, losses, and whether Export can go ahead. */
static void
update (GlossExportDialog *self)
{
  const GlossFormat *format = gloss_export_dialog_get_format (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *counts = NULL;
  const char *losses = NULL;
  const char *problem = NULL;
  GPtrArray *stores;
  guint percent[GLOSS_SPLIT_N_PARTS];

  /* Models are set while the dialog is built. */
  if (format == NULL || self->store == NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->shape_row), g_str_equal (format->name, "doccano"));
  gtk_widget_set_visible (GTK_WIDGET (self->offsets_row), format->offsets_choice);
  gtk_widget_set_visible (GTK_WIDGET (self->split_row), self->project != NULL);

  stores = scope_stores (self, current_scope (self), &error);
  if (stores == NULL)
    {
      adw_action_row_set_subtitle (self->counts_row, error->message);
      adw_action_row_set_subtitle (self->losses_row, "");
      gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
      return;
    }

  losses = preview_losses (self, format, stores, &error);
  if (error != NULL)
    {
      adw_action_row_set_subtitle (self->counts_row, error->message);
      adw_action_row_set_subtitle (self->losses_row, "");
      gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
      return;
    }
  counts = counts_text (stores);

  split_percent (self, percent);
  if (stores->len == 0)
    problem = _("No documents to export: none is done or curated yet");
  else if (split_enabled (self) && percent[0] + percent[1] + percent[2] != 100)
    problem = _("The three parts must add up to 100 %");

  if (problem == NULL && split_enabled (self))
    {
      g_autofree char *parts = parts_text (self, stores, percent);
      g_autofree char *with_parts = NULL;

      /* Translators: "3 documents: 4 mentions, … — train 2, dev 1, test 0" */
      with_parts = g_strdup_printf (_("%s — %s"), counts, parts);
      g_free (counts);
      counts = g_steal_pointer (&with_parts);
    }
  adw_action_row_set_subtitle (self->counts_row, problem != NULL ? problem : counts);
  adw_action_row_set_subtitle (self->losses_row,
                               losses != NULL ? losses : _("Nothing: this format holds all of it"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), problem == NULL);
}

static void
format_changed_cb (GlossExportDialog *self)
{
  const GlossFormat *format = gloss_export_dialog_get_format (self);

  if (format != NULL)
    adw_combo_row_set_selected (self->offsets_row, format->default_offsets);
  update (self);
}

static void
option_changed_cb (GlossExportDialog *self)
{
  update (self);
}

static void
cancel_clicked_cb (GlossExportDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
writes_folder (GlossExportDialog *self,
               const GlossFormat *format,
               GPtrArray         *stores)
{
  return split_enabled (self) || gloss_format_writes_folder (format, stores->len);
}

static void
show_error (GlossExportDialog *self,
            GFile             *target,
            const GError      *error)
{
  g_autofree char *name = g_file_get_basename (target);
  /* Translators: %s is a file or folder name */
  g_autofree char *heading = g_strdup_printf (_("Could Not Export “%s”"), name);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, error->message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void write_to (GlossExportDialog *self,
                      GFile             *target,
                      gboolean           overwrite);

static void
replace_response_cb (AdwMessageDialog  *dialog,
                     const char        *response,
                     GlossExportDialog *self)
{
  GFile *target = g_object_get_data (G_OBJECT (dialog), "target");

  if (g_str_equal (response, "replace"))
    write_to (self, target, TRUE);
}

/* Files of a folder export exist: the folder chooser did not ask. */
static void
ask_replace (GlossExportDialog *self,
             GFile             *target,
             const GError      *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Replace the Files?"), error->message));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "replace", _("_Replace"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "target", g_object_ref (target), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (replace_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
write_to (GlossExportDialog *self,
          GFile             *target,
          gboolean           overwrite)
{
  const GlossFormat *format = gloss_export_dialog_get_format (self);
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GError) error = NULL;
  GlossFormatOptions options = { 0 };
  GPtrArray *stores = scope_stores (self, current_scope (self), &error);
  gboolean written;

  if (stores == NULL)
    {
      show_error (self, target, error);
      return;
    }

  export_options (self, format, &options);
  options.report = report;

  if (split_enabled (self))
    {
      g_autoptr(GPtrArray) copy = g_ptr_array_copy (stores, (GCopyFunc) g_object_ref, NULL);
      GPtrArray **parts;
      guint percent[GLOSS_SPLIT_N_PARTS];

      g_ptr_array_set_free_func (copy, g_object_unref);
      split_percent (self, percent);
      parts = gloss_format_split (copy, percent, (guint32) gtk_spin_button_get_value_as_int (self->seed_spin));
      written = gloss_format_write_split (format, parts, &options, target, overwrite, &error);
      gloss_format_split_free (parts);
    }
  else
    written = gloss_format_write_dataset (format, stores, &options, target, overwrite, &error);

  if (!written)
    {
      if (!overwrite && writes_folder (self, format, stores) &&
          g_error_matches (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_EXISTS))
        ask_replace (self, target, error);
      else
        show_error (self, target, error);
      return;
    }

  g_signal_emit (self, signals[EXPORTED], 0, target, format, report);
  gtk_window_close (GTK_WINDOW (self));
}

/* The chooser's file, with the format's extension when it has none. */
static GFile *
with_extension (GFile             *file,
                const GlossFormat *format)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *suffix = g_strdup_printf (".%s", format->extension);
  g_autofree char *name = NULL;
  g_autoptr(GFile) parent = NULL;

  if (strchr (basename, '.') != NULL)
    return g_object_ref (file);
  parent = g_file_get_parent (file);
  name = g_strconcat (basename, suffix, NULL);
  return g_file_get_child (parent, name);
}

/* The chooser's answer, @file NULL when it was cancelled. A successful
 * export closes the dialog, which nothing else may hold: @self stays
 * alive until this returns. */
static void
chosen (GlossExportDialog *self,
        GFile             *file,
        gboolean           folder)
{
  g_autoptr(GFile) target = NULL;

  if (file == NULL)
    return;
  g_object_ref (self);
  if (folder)
    write_to (self, file, FALSE);
  else
    {
      /* The chooser already asked before replacing the file it was given. */
      target = with_extension (file, gloss_export_dialog_get_format (self));
      write_to (self, target, g_file_equal (target, file));
    }
  g_object_unref (self);
}

static char *
initial_name (GlossExportDialog *self,
              const GlossFormat *format,
              gboolean           folder)
{
  g_autofree char *stem = g_strdup (self->name ? self->name : _("Untitled.gloss"));
  char *dot = strrchr (stem, '.');

  if (dot != NULL && dot != stem)
    *dot = '\0';
  if (folder)
    /* Translators: the folder an export of several files goes to: "article-brat" */
    return g_strdup_printf (_("%s-%s"), stem, format->name);
  return g_strdup_printf ("%s.%s", stem, format->extension);
}

#if GTK_CHECK_VERSION (4, 10, 0)
/* @user_data: a reference to the dialog, held through the chooser. */
static void
file_dialog_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GlossExportDialog) self = user_data;
  gboolean folder = g_object_get_data (object, "folder") != NULL;
  g_autoptr(GFile) file = folder ? gtk_file_dialog_select_folder_finish (GTK_FILE_DIALOG (object), result, NULL)
                                 : gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);

  chosen (self, file, folder);
}
#else
static void
chooser_response_cb (GtkNativeDialog   *dialog,
                     int                response,
                     GlossExportDialog *self)
{
  /* Taken out before the export, which may dispose of the dialog: the
   * chooser (@dialog) goes when its own response is over, not inside it. */
  g_autoptr(GtkNativeDialog) chooser = g_steal_pointer (&self->chooser);
  GtkFileChooser *files = GTK_FILE_CHOOSER (chooser);
  gboolean folder = gtk_file_chooser_get_action (files) == GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER;
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (files) : NULL;

  g_assert (chooser == dialog);
  chosen (self, file, folder);
}
#endif

static void
export_clicked_cb (GlossExportDialog *self)
{
  const GlossFormat *format = gloss_export_dialog_get_format (self);
  g_autoptr(GError) error = NULL;
  GPtrArray *stores = scope_stores (self, current_scope (self), &error);
  g_autofree char *name = NULL;
  gboolean folder;

  if (format == NULL || stores == NULL || !gtk_widget_get_sensitive (GTK_WIDGET (self->export_button)))
    return;
  folder = writes_folder (self, format, stores);
  name = initial_name (self, format, folder);

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, folder ? _("Export to a Folder") : _("Export to a File"));
    gtk_file_dialog_set_accept_label (dialog, _("_Export"));
    if (self->folder != NULL)
      gtk_file_dialog_set_initial_folder (dialog, self->folder);
    g_object_set_data (G_OBJECT (dialog), "folder", GINT_TO_POINTER (folder));
    if (folder)
      gtk_file_dialog_select_folder (dialog, GTK_WINDOW (self), NULL, file_dialog_done_cb, g_object_ref (self));
    else
      {
        gtk_file_dialog_set_initial_name (dialog, name);
        gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, file_dialog_done_cb, g_object_ref (self));
      }
  }
#else
  {
    GtkFileChooserNative *chooser;

    chooser = gtk_file_chooser_native_new (folder ? _("Export to a Folder") : _("Export to a File"),
                                           GTK_WINDOW (self),
                                           folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                                  : GTK_FILE_CHOOSER_ACTION_SAVE,
                                           _("_Export"), _("_Cancel"));
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
    if (self->folder != NULL)
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), self->folder, NULL);
    if (!folder)
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
    g_clear_object (&self->chooser);
    self->chooser = GTK_NATIVE_DIALOG (chooser);
    gtk_native_dialog_show (self->chooser);
  }
#endif
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  export_clicked_cb (GLOSS_EXPORT_DIALOG (widget));
}

static void
gloss_export_dialog_dispose (GObject *object)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  for (guint i = 0; i < N_SCOPES; i++)
    g_clear_pointer (&self->stores[i], g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->project);
  g_clear_object (&self->folder);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->losses_key, g_free);
  g_clear_pointer (&self->losses, g_free);
  g_clear_pointer (&self->formats, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_export_dialog_parent_class)->dispose (object);
}

static void
gloss_export_dialog_class_init (GlossExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_export_dialog_dispose;

  /**
   * GlossExportDialog::exported:
   * @target: the file or folder written
   * @format: (type gpointer): the GlossFormat
   * @report: (type gpointer): the GlossFormatReport: what the format could
   *   not carry, and where the exporter left something out
   */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                    G_TYPE_FILE, G_TYPE_POINTER, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossapp/Gloss/gloss-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, shape_row);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, offsets_row);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, documents_group);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, split_row);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, train_spin);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, dev_spin);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, test_spin);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, seed_spin);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, counts_row);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, losses_row);
  gtk_widget_class_bind_template_callback (widget_class, format_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, option_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);

  gtk_widget_class_install_action (widget_class, "export.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "export.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "export.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gloss_export_dialog_init (GlossExportDialog *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  const GlossFormat **formats = gloss_format_list ();

  gtk_widget_init_template (GTK_WIDGET (self));
  for (AdwComboRow **row = (AdwComboRow *[]) { self->format_row, self->shape_row, self->offsets_row,
                                               self->scope_row, NULL };
       *row != NULL; row++)
    gloss_combo_row_show_whole_names (*row);

  /* The dataset formats first, the native copy last. */
  self->formats = g_ptr_array_new ();
  for (guint i = 0; formats[i] != NULL; i++)
    if ((formats[i]->export != NULL || formats[i]->export_files != NULL) &&
        !g_str_equal (formats[i]->name, "native"))
      g_ptr_array_add (self->formats, (gpointer) formats[i]);
  g_ptr_array_add (self->formats, (gpointer) gloss_format_lookup ("native"));
  for (guint i = 0; i < self->formats->len; i++)
    gtk_string_list_append (titles, format_title (g_ptr_array_index (self->formats, i)));
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (titles));
}

GlossExportDialog *
gloss_export_dialog_new (GtkWindow    *parent,
                         GlossStore   *store,
                         GlossProject *project,
                         const char   *name,
                         GFile        *folder)
{
  GlossExportDialog *self;
  g_autoptr(GtkStringList) scopes = gtk_string_list_new (NULL);
  guint n = 0;

  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);
  g_return_val_if_fail (project == NULL || GLOSS_IS_PROJECT (project), NULL);

  self = g_object_new (GLOSS_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->project = project ? g_object_ref (project) : NULL;
  self->name = g_strdup (name);
  g_set_object (&self->folder, folder);

  gtk_widget_set_visible (GTK_WIDGET (self->documents_group), project != NULL);
  if (project != NULL)
    {
      GListModel *documents = gloss_project_get_documents (project);
      gboolean curated = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (documents) && !curated; i++)
        {
          g_autoptr(GlossProjectDocument) document = g_list_model_get_item (documents, i);

          curated = gloss_project_is_curated (project, document);
        }
      self->scopes[n++] = SCOPE_DOCUMENT;
      gtk_string_list_append (scopes, _("This document"));
      self->scopes[n++] = SCOPE_DONE;
      gtk_string_list_append (scopes, _("Done and curated documents"));
      self->scopes[n++] = SCOPE_ALL;
      gtk_string_list_append (scopes, _("All documents"));
      if (curated)
        {
          self->scopes[n++] = SCOPE_CURATED;
          gtk_string_list_append (scopes, _("Curated documents"));
        }
      adw_combo_row_set_model (self->scope_row, G_LIST_MODEL (scopes));
      adw_combo_row_set_selected (self->scope_row, 1);
    }

  format_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->format_row));
  return self;
}
