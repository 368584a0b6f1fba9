/* test-window-io.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's export of the corrective action plan, its import of findings through the import
 * dialog, and the Actions page, on a real register under a real display (Xvfb).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "rectify-actions-page.h"
#include "rectify-date.h"
#include "rectify-demo.h"
#include "rectify-import-dialog.h"
#include "rectify-nc-columns.h"
#include "rectify-register.h"
#include "rectify-window-private.h"
#include "test-ui-common.h"

static gboolean have_display;

typedef struct
{
  char *dir;
  char *path;
  guint n_ncs;
} Fixture;

/* Runs the main context until @cond holds or @timeout_ms pass; returns whether it holds. */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;

  fixture->dir = g_dir_make_tmp ("rectify-test-window-io-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "Demo.rectify", NULL);

  reg = rectify_register_create (fixture->path, &error);
  g_assert_no_error (error);
  rectify_demo_populate (reg, NULL, &error);
  g_assert_no_error (error);
  fixture->n_ncs = g_list_model_get_n_items (rectify_register_get_nonconformities (reg));
  g_assert_cmpuint (fixture->n_ncs, >=, 20);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);

  g_free (fixture->path);
  g_free (fixture->dir);
}

static RectifyWindow *
open_window (Fixture *fixture)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GError) error = NULL;
  RectifyWindow *window;

  window = rectify_window_new (NULL);
  g_assert_true (rectify_window_open_file (window, file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (_rectify_window_get_page (window), ==, "register");

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (test_ui_iterate_until (test_ui_is_mapped, window, 5000));
  test_ui_iterate_for (100);

  return window;
}

static void
close_window (RectifyWindow *window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (test_ui_iterate_until (test_ui_is_null, &weak, 5000));
}

static gboolean
not_exporting (gpointer data)
{
  return !_rectify_window_is_exporting (RECTIFY_WINDOW (data));
}

static void
test_export (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *path = NULL;
  g_autofree char *audit_path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) audit_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyAudit) audit = NULL;
  RectifyWindow *window;
  gsize length = 0;
  gsize audit_length = 0;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  window = open_window (fixture);
  /* What win.export calls once its file chooser answers. */
  path = g_build_filename (fixture->dir, "plan.xlsx", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (_rectify_window_export_to (window, file, NULL));
  /* One export at a time. */
  g_assert_false (_rectify_window_export_to (window, file, NULL));
  g_assert_true (test_ui_iterate_until (not_exporting, window, 30000));

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (contents[0] == 'P' && contents[1] == 'K');

  /* One audit only: a smaller workbook. */
  audit = g_list_model_get_item (rectify_register_get_audits (rectify_window_get_register (window)), 0);
  g_assert_nonnull (audit);
  audit_path = g_build_filename (fixture->dir, "audit.xlsx", NULL);
  audit_file = g_file_new_for_path (audit_path);
  g_assert_true (_rectify_window_export_to (window, audit_file, audit));
  g_assert_true (test_ui_iterate_until (not_exporting, window, 30000));
  g_free (contents);
  contents = NULL;
  g_assert_true (g_file_get_contents (audit_path, &contents, &audit_length, &error));
  g_assert_no_error (error);
  g_assert_true (contents[0] == 'P' && contents[1] == 'K');
  g_assert_cmpuint (audit_length, <, length);

  close_window (window);
}

static void
test_import (Fixture       *fixture,
             gconstpointer  user_data)
{
  const char *testdata = g_getenv ("RECTIFY_TESTDATA");
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  g_autoptr(GFile) good_file = NULL;
  g_autoptr(GFile) bad_file = NULL;
  RectifyImportDialog *dialog;
  RectifyWindow *window;
  RectifyRegister *reg;
  GListModel *model;
  gpointer weak;
  guint n_rows = 0;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  g_assert_nonnull (testdata);

  window = open_window (fixture);
  reg = rectify_window_get_register (window);
  model = G_LIST_MODEL (gtk_column_view_get_model (_rectify_window_get_column_view (window)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, fixture->n_ncs);

  /* A file with bad rows: its problems with line numbers, and no Import. */
  bad = g_build_filename (testdata, "import", "bad.csv", NULL);
  bad_file = g_file_new_for_path (bad);
  dialog = _rectify_window_import_file (window, bad_file);
  test_ui_iterate_for (100);
  g_assert_false (gtk_widget_get_sensitive (_rectify_import_dialog_get_import_button (dialog)));
  g_assert_nonnull (gtk_list_box_get_row_at_index (_rectify_import_dialog_get_problem_list (dialog), 0));
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (_rectify_import_dialog_get_problem_list (dialog), 0);

    g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Line ") ||
                   g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "The whole file"));
  }
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (test_ui_iterate_until (test_ui_is_null, &weak, 5000));

  /* The good file: a preview of its 3 findings. */
  good = g_build_filename (testdata, "import", "good.csv", NULL);
  good_file = g_file_new_for_path (good);
  dialog = _rectify_window_import_file (window, good_file);
  test_ui_iterate_for (100);
  n_rows = g_list_model_get_n_items (_rectify_import_dialog_get_preview (dialog));
  g_assert_cmpuint (n_rows, ==, 3);
  g_assert_true (gtk_widget_get_sensitive (_rectify_import_dialog_get_import_button (dialog)));
  g_assert_cmpstr (gtk_label_get_text (_rectify_import_dialog_get_summary_label (dialog)), ==,
                   "3 new findings");

  /* Into a new audit. */
  {
    AdwComboRow *audit_row = _rectify_import_dialog_get_audit_row (dialog);
    guint n_choices = g_list_model_get_n_items (adw_combo_row_get_model (audit_row));

    adw_combo_row_set_selected (audit_row, n_choices - 1);
    g_assert_false (gtk_widget_get_sensitive (_rectify_import_dialog_get_import_button (dialog)));
    gtk_editable_set_text (_rectify_import_dialog_get_audit_title (dialog), "Imported audit 2026");
    g_assert_true (gtk_widget_get_sensitive (_rectify_import_dialog_get_import_button (dialog)));
  }

  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_signal_emit_by_name (_rectify_import_dialog_get_import_button (dialog), "clicked");
  g_assert_true (test_ui_iterate_until (test_ui_is_null, &weak, 5000));

  /* The NCs are in the register view's model, attached to the new audit. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, fixture->n_ncs + 3);
  g_assert_nonnull (rectify_register_find_audit (reg, "Imported audit 2026"));

  /* The same file again: all already in the register, nothing to import. */
  dialog = _rectify_window_import_file (window, good_file);
  test_ui_iterate_for (50);
  {
    AdwComboRow *audit_row = _rectify_import_dialog_get_audit_row (dialog);
    GListModel *choices = adw_combo_row_get_model (audit_row);

    for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
      if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (choices), i),
                       "Imported audit 2026"))
        adw_combo_row_set_selected (audit_row, i);
  }
  g_assert_cmpstr (gtk_label_get_text (_rectify_import_dialog_get_summary_label (dialog)), ==,
                   "0 new findings, 3 already in the register");
  g_assert_false (gtk_widget_get_sensitive (_rectify_import_dialog_get_import_button (dialog)));
  gtk_window_destroy (GTK_WINDOW (dialog));

  close_window (window);
}

static gboolean
is_overdue_action (RectifyAction *action,
                   const char    *today)
{
  return rectify_action_is_overdue (action, today);
}

static void
test_actions_page (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *today = rectify_date_today ();
  RectifyWindow *window;
  RectifyRegister *reg;
  RectifyActionsPage *page;
  GtkColumnView *view;
  GListModel *model;
  GListModel *actions;
  guint n_actions, n_overdue = 0;
  GtkColumnViewColumn *target_column = NULL;
  GListModel *columns;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  window = open_window (fixture);
  reg = rectify_window_get_register (window);
  page = _rectify_window_get_actions_page (window);
  adw_view_stack_set_visible_child_name (_rectify_window_get_view_stack (window), "actions");
  test_ui_iterate_for (100);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));

  view = _rectify_actions_page_get_column_view (page);
  model = G_LIST_MODEL (gtk_column_view_get_model (view));
  actions = rectify_register_get_actions (reg);
  n_actions = g_list_model_get_n_items (actions);
  g_assert_cmpuint (n_actions, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_actions);

  for (guint i = 0; i < n_actions; i++)
    {
      g_autoptr(RectifyAction) action = g_list_model_get_item (actions, i);

      if (is_overdue_action (action, today))
        n_overdue++;
    }
  g_assert_cmpuint (n_overdue, >, 0);
  g_assert_cmpuint (n_overdue, <, n_actions);

  /* Overdue only. */
  gtk_toggle_button_set_active (_rectify_actions_page_get_overdue_toggle (page), TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_overdue);
  for (guint i = 0; i < n_overdue; i++)
    {
      g_autoptr(RectifyAction) action = g_list_model_get_item (model, i);
      g_assert_true (rectify_action_is_overdue (action, today));
    }
  gtk_toggle_button_set_active (_rectify_actions_page_get_overdue_toggle (page), FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_actions);

  /* Owner filter: the second entry is the first owner in order. */
  test_ui_iterate_for (50);
  {
    GtkDropDown *owners = _rectify_actions_page_get_owner_filter (page);
    const char *owner;
    guint n_owned = 0;

    g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (owners)), >, 1);
    owner = gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (owners)), 1);
    for (guint i = 0; i < n_actions; i++)
      {
        g_autoptr(RectifyAction) action = g_list_model_get_item (actions, i);
        n_owned += g_strcmp0 (rectify_action_get_owner (action), owner) == 0;
      }
    gtk_drop_down_set_selected (owners, 1);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_owned);
    gtk_drop_down_set_selected (owners, 0);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_actions);
  }

  /* Sort by target date, both ways. */
  columns = gtk_column_view_get_columns (view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_str_equal (gtk_column_view_column_get_title (column), "Target Date"))
        target_column = column;
    }
  g_assert_nonnull (target_column);
  gtk_column_view_sort_by_column (view, target_column, GTK_SORT_ASCENDING);
  for (guint i = 1; i < n_actions; i++)
    {
      g_autoptr(RectifyAction) a = g_list_model_get_item (model, i - 1);
      g_autoptr(RectifyAction) b = g_list_model_get_item (model, i);
      const char *ta = rectify_action_get_target_on (a);
      const char *tb = rectify_action_get_target_on (b);

      if (ta != NULL && tb != NULL)
        g_assert_cmpstr (ta, <=, tb);
      else
        g_assert_true (tb == NULL);
    }
  gtk_column_view_sort_by_column (view, target_column, GTK_SORT_DESCENDING);
  {
    g_autoptr(RectifyAction) first = g_list_model_get_item (model, 0);
    g_autoptr(RectifyAction) last = g_list_model_get_item (model, n_actions - 1);

    if (rectify_action_get_target_on (first) != NULL && rectify_action_get_target_on (last) != NULL)
      g_assert_cmpstr (rectify_action_get_target_on (first), >=, rectify_action_get_target_on (last));
  }

  /* Every column sorts. */
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      g_assert_nonnull (gtk_column_view_column_get_sorter (column));
      gtk_column_view_sort_by_column (view, column, GTK_SORT_ASCENDING);
      g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_actions);
    }

  /* The NCs column, and jumping from an action to its first NC. */
  for (guint i = 0; i < n_actions; i++)
    {
      g_autoptr(RectifyAction) action = g_list_model_get_item (model, i);
      g_autoptr(GListModel) ncs = rectify_register_list_nonconformities_for (reg, action);
      g_autoptr(RectifyNonconformity) nc = NULL;
      GtkListBoxRow *row;
      RectifyNonconformity *selected;

      if (g_list_model_get_n_items (ncs) == 0)
        continue;
      nc = g_list_model_get_item (ncs, 0);
      g_assert_nonnull (strstr (_rectify_actions_page_get_nc_refs (page, action),
                                rectify_nonconformity_get_ref (nc)));

      _rectify_actions_page_activate (page, i);
      test_ui_iterate_for (50);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (_rectify_actions_page_get_nc_popover (page))));
      row = gtk_list_box_get_row_at_index (_rectify_actions_page_get_nc_list (page), 0);
      g_assert_nonnull (row);
      g_signal_emit_by_name (_rectify_actions_page_get_nc_list (page), "row-activated", row);
      test_ui_iterate_for (50);

      g_assert_cmpstr (adw_view_stack_get_visible_child_name (_rectify_window_get_view_stack (window)),
                       ==, "nonconformities");
      selected = gtk_single_selection_get_selected_item (
        GTK_SINGLE_SELECTION (gtk_column_view_get_model (_rectify_window_get_column_view (window))));
      g_assert_true (selected == nc);
      break;
    }

  /* A new link shows in the NCs column. */
  {
    g_autoptr(RectifyAction) action = g_list_model_get_item (actions, 0);
    GListModel *ncs = rectify_register_get_nonconformities (reg);
    g_autoptr(GError) error = NULL;
    const char *before = _rectify_actions_page_get_nc_refs (page, action);

    for (guint i = g_list_model_get_n_items (ncs); i > 0; i--)
      {
        g_autoptr(RectifyNonconformity) nc = g_list_model_get_item (ncs, i - 1);
        g_autofree char *refs = g_strdup (before);

        if (strstr (refs, rectify_nonconformity_get_ref (nc)) != NULL)
          continue;
        rectify_register_link_action (reg, nc, action, &error);
        g_assert_no_error (error);
        test_ui_iterate_for (50);
        g_assert_nonnull (strstr (_rectify_actions_page_get_nc_refs (page, action),
                                  rectify_nonconformity_get_ref (nc)));
        break;
      }
  }

  close_window (window);
}

static void
test_format_due (void)
{
  g_autofree char *plain = _rectify_format_due_date ("2026-06-20", FALSE, "2026-06-15");
  g_autofree char *late = _rectify_format_due_date ("2026-06-12", FALSE, "2026-06-15");
  g_autofree char *done = _rectify_format_due_date ("2026-06-12", TRUE, "2026-06-15");
  g_autofree char *today = _rectify_format_due_date ("2026-06-15", FALSE, "2026-06-15");

  g_assert_null (_rectify_format_due_date (NULL, FALSE, "2026-06-15"));
  g_assert_null (g_strstr_len (plain, -1, "overdue"));
  g_assert_nonnull (g_strstr_len (late, -1, "3 days overdue"));
  g_assert_null (g_strstr_len (done, -1, "overdue"));
  g_assert_nonnull (g_strstr_len (today, -1, "due today"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add_func ("/Rectify/WindowIO/format-due", test_format_due);
  g_test_add ("/Rectify/WindowIO/export", Fixture, NULL,
              fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/Rectify/WindowIO/import", Fixture, NULL,
              fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/Rectify/WindowIO/actions-page", Fixture, NULL,
              fixture_set_up, test_actions_page, fixture_tear_down);

  return g_test_run ();
}
