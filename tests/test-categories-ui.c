/* test-categories-ui.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The categories popover of the analysis window under a real display (Xvfb): renaming a
 * category in place, a removal refused while causes are on it, a removal, adding one and a
 * duplicate refused; each checked in the register, in the diagram and in the outline, and in the
 * file once it is opened again.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "rectify-analysis-window.h"
#include "rectify-categories.h"
#include "rectify-fishbone-view.h"
#include "rectify-register.h"
#include "test-log.h"
#include "test-ui-common.h"

static gboolean have_display;

static gboolean
is_on_monitor (gpointer data)
{
  GtkNative *native = GTK_NATIVE (data);
  GdkSurface *surface = gtk_native_get_surface (native);

  return gtk_widget_get_mapped (GTK_WIDGET (data)) && surface != NULL &&
         gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface) != NULL;
}

static void
add_cause (RectifyRegister      *reg,
           RectifyNonconformity *nc,
           const char           *category,
           const char           *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyCause) cause = rectify_cause_new ();

  g_object_set (cause, "nc-id", rectify_entity_get_id (RECTIFY_ENTITY (nc)),
                "category", category, "text", text, NULL);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (cause), &error));
  g_assert_no_error (error);
}

static char *
joined_categories (RectifyRegister      *reg,
                   RectifyNonconformity *nc)
{
  g_auto(GStrv) categories = rectify_categories_get_for_nc (reg, nc);

  return g_strjoinv ("|", categories);
}

/* The categories the diagram shows, in order. */
static char *
joined_layout (RectifyAnalysisWindow *window)
{
  RectifyFishboneView *view = RECTIFY_FISHBONE_VIEW (_rectify_analysis_window_get_view (window));
  RectifyFishboneLayout *layout = rectify_fishbone_view_get_layout (view);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < rectify_fishbone_layout_get_n_categories (layout); i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "|" : "",
                            rectify_fishbone_layout_get_category (layout, i));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The bone rows of the outline, by their accessible-free label text. */
static gboolean
outline_has_bone (RectifyAnalysisWindow *window,
                  const char            *label)
{
  GtkListBox *outline = GTK_LIST_BOX (_rectify_analysis_window_get_outline (window));

  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (outline, i);
      GtkWidget *box, *title;

      if (row == NULL)
        return FALSE;
      if (g_object_get_data (G_OBJECT (row), "cause-id") != NULL)
        continue;

      box = gtk_list_box_row_get_child (row);
      title = gtk_widget_get_first_child (box);
      if (GTK_IS_LABEL (title) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (title)), label) == 0)
        return TRUE;
    }
}

static GtkListBoxRow *
find_row (RectifyAnalysisWindow *window,
          const char            *name)
{
  GtkListBox *list = GTK_LIST_BOX (_rectify_analysis_window_get_categories_list (window));

  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      if (row == NULL)
        return NULL;
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "category"), name) == 0)
        return row;
    }
}

static guint
count_rows (RectifyAnalysisWindow *window)
{
  GtkListBox *list = GTK_LIST_BOX (_rectify_analysis_window_get_categories_list (window));
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int)n) != NULL)
    n++;

  return n;
}

static GtkWidget *
row_entry (GtkListBoxRow *row)
{
  GtkWidget *entry = gtk_widget_get_first_child (gtk_list_box_row_get_child (row));

  g_assert_true (GTK_IS_ENTRY (entry));
  return entry;
}

static GtkWidget *
row_remove_button (GtkListBoxRow *row)
{
  GtkWidget *button = gtk_widget_get_last_child (gtk_list_box_row_get_child (row));

  g_assert_true (GTK_IS_BUTTON (button));
  return button;
}

static void
test_edit_categories (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(RectifyNonconformity) nc = rectify_nonconformity_new ();
  RectifyAnalysisWindow *window;
  GtkWidget *button, *popover, *entry;
  GtkListBoxRow *row;
  gpointer weak;
  gint64 nc_id;
  char *text;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  dir = g_dir_make_tmp ("rectify-test-categories-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "Categories.rectify", NULL);
  reg = rectify_register_create (path, &error);
  g_assert_no_error (error);

  g_object_set (nc, "title", "Supplier access not reviewed", "reported-on", "2026-03-01", NULL);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (nc), &error));
  g_assert_no_error (error);
  nc_id = rectify_entity_get_id (RECTIFY_ENTITY (nc));
  add_cause (reg, nc, "Suppliers & third parties", "Contract has no access review clause");
  add_cause (reg, nc, "Suppliers & third parties", "Supplier portal lists no users");
  add_cause (reg, nc, "Process", "No review step");

  rectify_analysis_window_present (NULL, reg, nc);
  window = RECTIFY_ANALYSIS_WINDOW (rectify_analysis_window_lookup (reg, nc));
  g_assert_nonnull (window);
  g_assert_true (test_ui_iterate_until (is_on_monitor, window, 5000));
  test_ui_iterate_for (200);

  button = _rectify_analysis_window_get_categories_button (window);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_true (test_ui_iterate_until (test_ui_is_mapped, popover, 5000));
  g_assert_cmpuint (count_rows (window), ==, 6);
  g_assert_null (_rectify_analysis_window_get_categories_message (window));

  /* Rename in place: the list, the causes, the diagram and the outline follow */
  row = find_row (window, "Suppliers & third parties");
  g_assert_nonnull (row);
  entry = row_entry (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Suppliers & third parties");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Vendors");
  g_signal_emit_by_name (entry, "activate");
  test_ui_iterate_for (100);

  text = joined_categories (reg, nc);
  g_assert_cmpstr (text, ==,
                   "People|Process|Technology|Policy & documentation|Vendors|Environment");
  g_free (text);
  g_assert_true (rectify_categories_nc_has_own (reg, nc));
  g_assert_cmpuint (rectify_categories_count_causes (reg, nc, "Vendors"), ==, 2);
  g_assert_cmpuint (rectify_categories_count_causes (reg, nc, "Suppliers & third parties"), ==, 0);
  text = joined_layout (window);
  g_assert_cmpstr (text, ==,
                   "People|Process|Technology|Policy & documentation|Vendors|Environment");
  g_free (text);
  g_assert_true (outline_has_bone (window, "Vendors"));
  g_assert_false (outline_has_bone (window, "Suppliers & third parties"));
  g_assert_nonnull (find_row (window, "Vendors"));
  g_assert_null (find_row (window, "Suppliers & third parties"));

  /* A rename to a name another category has is refused, and shown */
  entry = row_entry (find_row (window, "Vendors"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "process");
  g_signal_emit_by_name (entry, "activate");
  test_ui_iterate_for (50);
  g_assert_nonnull (_rectify_analysis_window_get_categories_message (window));
  g_assert_cmpuint (rectify_categories_count_causes (reg, nc, "Vendors"), ==, 2);

  /* Removal refused while causes are on it */
  g_signal_emit_by_name (row_remove_button (find_row (window, "Vendors")), "clicked");
  test_ui_iterate_for (50);
  g_assert_cmpstr (_rectify_analysis_window_get_categories_message (window), ==,
                   "2 causes are on “Vendors”: move or delete them first");
  g_assert_nonnull (find_row (window, "Vendors"));
  g_assert_cmpuint (count_rows (window), ==, 6);

  /* Removal of an empty category */
  g_signal_emit_by_name (row_remove_button (find_row (window, "Environment")), "clicked");
  test_ui_iterate_for (100);
  g_assert_null (_rectify_analysis_window_get_categories_message (window));
  text = joined_categories (reg, nc);
  g_assert_cmpstr (text, ==, "People|Process|Technology|Policy & documentation|Vendors");
  g_free (text);
  text = joined_layout (window);
  g_assert_cmpstr (text, ==, "People|Process|Technology|Policy & documentation|Vendors");
  g_free (text);
  g_assert_false (outline_has_bone (window, "Environment"));
  g_assert_cmpuint (count_rows (window), ==, 5);

  /* Add, then a duplicate refused */
  entry = _rectify_analysis_window_get_new_category_entry (window);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Cloud");
  g_signal_emit_by_name (entry, "activate");
  test_ui_iterate_for (100);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  text = joined_layout (window);
  g_assert_cmpstr (text, ==, "People|Process|Technology|Policy & documentation|Vendors|Cloud");
  g_free (text);
  g_assert_true (outline_has_bone (window, "Cloud"));
  g_assert_nonnull (find_row (window, "Cloud"));

  gtk_editable_set_text (GTK_EDITABLE (entry), "CLOUD");
  g_signal_emit_by_name (entry, "activate");
  test_ui_iterate_for (50);
  g_assert_nonnull (_rectify_analysis_window_get_categories_message (window));
  g_assert_cmpuint (count_rows (window), ==, 6);

  /* The register's undo reverts the addition, and the window follows */
  g_assert_true (rectify_register_undo (reg, &error));
  g_assert_no_error (error);
  test_ui_iterate_for (100);
  g_assert_null (find_row (window, "Cloud"));
  g_assert_false (outline_has_bone (window, "Cloud"));

  weak = window;
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (test_ui_iterate_until (test_ui_is_null, &weak, 5000));

  /* In the file */
  g_clear_object (&nc);
  g_clear_object (&reg);
  reg = rectify_register_open (path, &error);
  g_assert_no_error (error);
  nc = g_object_ref (rectify_register_lookup_nonconformity (reg, nc_id));
  text = joined_categories (reg, nc);
  g_assert_cmpstr (text, ==, "People|Process|Technology|Policy & documentation|Vendors");
  g_free (text);
  g_assert_cmpuint (rectify_categories_count_causes (reg, nc, "Vendors"), ==, 2);

  g_clear_object (&nc);
  g_clear_object (&reg);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_unlink (file);
      }
  }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  test_log_tolerate_gdk_monitor ();

  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add_func ("/Rectify/CategoriesUI/edit", test_edit_categories);

  return g_test_run ();
}
