/* test-ui-common.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "rectify-demo.h"
#include "rectify-settings.h"
#include "rectify-window-private.h"
#include "test-ui-common.h"

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
test_ui_iterate_until (gboolean (*cond) (gpointer data),
                       gpointer   data,
                       guint      timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);

  while (!cond (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return cond (data);
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

void
test_ui_iterate_for (guint ms)
{
  test_ui_iterate_until (never, NULL, ms);
}

gboolean
test_ui_is_null (gpointer data)
{
  return *(gpointer *)data == NULL;
}

void
test_ui_destroy (GtkWidget *window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (test_ui_iterate_until (test_ui_is_null, &weak, 5000));
}

RectifyApplication *
test_ui_new_application (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strconcat ("io.github.rectify.Rectify.Test", name, NULL);
  g_autoptr(GSettings) settings = rectify_settings_new ();
  RectifyApplication *app;

  /* No notification server runs under the tests (test-reminder-notifications plays one). */
  g_assert_nonnull (settings);
  g_settings_set_boolean (settings, "reminders-enabled", FALSE);

  app = g_object_new (RECTIFY_TYPE_APPLICATION,
                      "application-id", id,
                      "flags", G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN,
                      "resource-base-path", "/io/github/rectify/Rectify",
                      NULL);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  return app;
}

char *
test_ui_make_demo_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autofree char *path = NULL;
  char *dir;

  dir = g_dir_make_tmp ("rectify-test-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "Demo.rectify", NULL);
  reg = rectify_register_create (path, &error);
  g_assert_no_error (error);
  rectify_demo_populate (reg, NULL, &error);
  g_assert_no_error (error);

  return dir;
}

void
test_ui_remove_folder (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

gboolean
test_ui_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

RectifyWindow *
test_ui_open_window (RectifyApplication *app,
                     const char         *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RectifyWindow *window = rectify_window_new (GTK_APPLICATION (app));

  g_assert_true (rectify_window_open_file (window, file, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (test_ui_iterate_until (test_ui_is_mapped, window, 5000));
  test_ui_iterate_for (100);

  return window;
}

static gboolean
table_filled (gpointer data)
{
  return !_rectify_window_is_table_filling (data);
}

GListModel *
test_ui_table_rows (RectifyWindow *window)
{
  g_assert_true (test_ui_iterate_until (table_filled, window, 5000));
  return G_LIST_MODEL (gtk_column_view_get_model (_rectify_window_get_column_view (window)));
}

RectifyNonconformity *
test_ui_find_analysed_nc (RectifyRegister *reg)
{
  GListModel *ncs = rectify_register_get_nonconformities (reg);
  RectifyNonconformity *best = NULL;
  guint best_causes = 0;

  for (guint i = 0; i < g_list_model_get_n_items (ncs); i++)
    {
      g_autoptr(RectifyNonconformity) nc = g_list_model_get_item (ncs, i);
      g_autoptr(GListModel) causes = rectify_register_list_causes (reg, nc);
      guint n = g_list_model_get_n_items (causes);

      if (best == NULL || n > best_causes)
        {
          best = nc;
          best_causes = n;
        }
    }

  g_assert_nonnull (best);
  g_assert_cmpuint (best_causes, >, 0);

  return best;
}
