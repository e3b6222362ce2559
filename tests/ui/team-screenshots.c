/* team-screenshots.c: the statistics, agreement and curation windows of a
 * project, as PNGs (build-aux/team-screenshots.sh runs it light, dark and
 * in German)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: team-screenshots OUTDIR SUFFIX   (under Xvfb; writes
 * OUTDIR/team-{statistics,agreement,curation}-SUFFIX.png; SUFFIX "dark"
 * draws them dark)
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "gloss-agreement-window.h"
#include "gloss-annotator.h"
#include "gloss-application.h"
#include "gloss-curation-window.h"
#include "gloss-statistics-window.h"
#include "gloss-window.h"
#include "team-project.h"

static const char *const more[] = {
  "Putin met Kim in Vladivostok on Tuesday, the Kremlin said.\n",
  "Kim Jong Un left Vostochny by armoured train for Khabarovsk.\n",
};

static void
tag (GlossStore *store,
     const char *type,
     const char *text)
{
  guint start = team_find (store, text);

  g_assert_nonnull (gloss_edit_tag (store, type, start, start + g_utf8_strlen (text, -1), NULL));
}

/* Two more articles: Ana is through one, Ben through the other. */
static void
add_more (GFile *folder)
{
  g_autoptr(GlossProject) ana = gloss_project_load (folder, "Ana Lima", NULL);
  g_autoptr(GlossProject) ben = NULL;
  g_autoptr(GError) error = NULL;
  GlossProjectDocument *docs[G_N_ELEMENTS (more)];

  for (guint i = 0; i < G_N_ELEMENTS (more); i++)
    {
      g_autoptr(GlossDocument) document = gloss_document_new_from_text (more[i], -1, "more", NULL);
      g_autoptr(GlossStore) store = gloss_store_new (document, gloss_project_get_schema (ana));
      g_autofree char *name = g_strdup_printf ("brief-%u.txt", i + 1);

      docs[i] = gloss_project_add_store (ana, store, name, &error);
      g_assert_no_error (error);
      tag (store, "PER", i == 0 ? "Putin" : "Kim Jong Un");
      tag (store, "GPE", i == 0 ? "Vladivostok" : "Khabarovsk");
      if (i == 0)
        tag (store, "ORG", "the Kremlin");
      g_assert_true (gloss_project_save_document (ana, docs[i], store, &error));
    }
  /* The window opens the first document not done: the sample. */
  gloss_project_document_set_status (docs[0], GLOSS_PROGRESS_DONE);
  gloss_project_document_set_status (docs[1], GLOSS_PROGRESS_DONE);
  gloss_project_document_set_status (gloss_project_lookup (ana, "kim-putin-vostochny"), GLOSS_PROGRESS_IN_PROGRESS);
  g_assert_true (gloss_project_save (ana, &error));

  ben = gloss_project_load (folder, "Ben", &error);
  g_assert_no_error (error);
  {
    GlossProjectDocument *doc = gloss_project_lookup (ben, gloss_project_document_get_id (docs[0]));
    g_autoptr(GlossStore) store = gloss_project_open_document (ben, doc, &error);

    tag (store, "PER", "Putin");
    tag (store, "PER", "Kim");
    g_assert_true (gloss_project_save_document (ben, doc, store, &error));
    gloss_project_document_set_status (doc, GLOSS_PROGRESS_DONE);
    g_assert_true (gloss_project_save (ben, &error));
  }
  g_assert_no_error (error);
}

/* The project was for the pictures only. */
static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;
  GFile *child;

  while (children != NULL && g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
    remove_tree (child);
  g_file_delete (file, NULL, NULL);
}

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;
  return NULL;
}

/* The window as GTK draws it (no window manager frame under Xvfb). */
static void
save_png (GtkWindow  *window,
          const char *path)
{
  GtkWidget *widget = GTK_WIDGET (window);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  gdk_texture_save_to_png (texture, path);
  g_print ("wrote %s (%dx%d)\n", path, w, h);
}

static void
shoot (GlossWindow *window,
       const char  *action,
       GType        type,
       const char  *path)
{
  GtkWindow *view;

  gtk_widget_activate_action (GTK_WIDGET (window), action, NULL);
  wait_ms (300);
  view = find_toplevel (type);
  g_assert_nonnull (view);
  if (type == GLOSS_TYPE_CURATION_WINDOW)
    {
      /* The first disagreement decided for the left. */
      GlossCuration *curation = gloss_curation_window_get_curation (GLOSS_CURATION_WINDOW (view));

      g_assert_nonnull (curation);
      gloss_curation_choose (curation, 0, GLOSS_CURATION_LEFT);
    }
  wait_ms (900);
  save_png (view, path);
  gtk_window_destroy (view);
  wait_ms (200);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GlossApplication) app = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GlossProjectDocument) document = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  const char *outdir = argc > 1 ? argv[1] : ".";
  const char *suffix = argc > 2 ? argv[2] : "light";
  GlossWindow *window;
  static const struct {
    const char *action;
    const char *name;
  } views[] = {
    { "win.statistics", "statistics" },
    { "win.agreement", "agreement" },
    { "win.curate", "curation" },
  };

  g_setenv ("GDK_BACKEND", "x11", FALSE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  setlocale (LC_ALL, "");
  if (g_getenv ("GLOSS_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GLOSS_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (!gtk_init_check ())
    return 77;
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-recent-files-enabled", FALSE, NULL);

  settings = g_settings_new (BASE_APP_ID);
  g_settings_set_string (settings, "author", "Ana Lima");

  dir = g_dir_make_tmp ("gloss-team-shots-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "summit", NULL);
  folder = g_file_new_for_path (path);
  document = team_make_project (folder, "Ana Lima");
  add_more (folder);

  app = gloss_application_new ();
  g_application_set_application_id (G_APPLICATION (app), NULL);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  window = gloss_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  g_assert_true (gloss_window_open_project (window, folder, &error));
  g_assert_no_error (error);
  /* After the application applied the appearance setting. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      g_str_equal (suffix, "dark") ? ADW_COLOR_SCHEME_FORCE_DARK
                                                                   : ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_window_present (GTK_WINDOW (window));
  wait_ms (800);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *name = g_strdup_printf ("team-%s-%s.png", views[i].name, suffix);
      g_autofree char *out = g_build_filename (outdir, name, NULL);

      shoot (window, views[i].action, i == 0 ? GLOSS_TYPE_STATISTICS_WINDOW
                                      : i == 1 ? GLOSS_TYPE_AGREEMENT_WINDOW : GLOSS_TYPE_CURATION_WINDOW, out);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  wait_ms (200);
  {
    g_autoptr(GFile) tmp = g_file_new_for_path (dir);

    remove_tree (tmp);
  }
  return 0;
}
