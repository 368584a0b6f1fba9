/* test-window.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window on a real register under a real display (Xvfb): the table, its filters and
 * search, and an edit made through the editor's widgets that must be in the file afterwards.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "rectify-analysis-window.h"
#include "rectify-date.h"
#include "rectify-demo.h"
#include "rectify-nc-columns.h"
#include "rectify-nc-editor.h"
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
static gboolean
not_opening (gpointer data)
{
  return !rectify_window_is_opening (data);
}

typedef struct
{
  GListModel *model;
  guint       n;
} CountWait;

static gboolean
has_count (gpointer data)
{
  CountWait *w = data;

  return g_list_model_get_n_items (w->model) == w->n;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;

  fixture->dir = g_dir_make_tmp ("rectify-test-window-XXXXXX", &error);
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

static guint
count_where (RectifyRegister *reg,
             gboolean       (*pred) (RectifyNonconformity *nc, gpointer data),
             gpointer         data)
{
  GListModel *ncs = rectify_register_get_nonconformities (reg);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (ncs); i++)
    {
      g_autoptr(RectifyNonconformity) nc = g_list_model_get_item (ncs, i);

      if (pred (nc, data))
        n++;
    }

  return n;
}

static gboolean
is_grade (RectifyNonconformity *nc,
          gpointer              data)
{
  return (int)rectify_nonconformity_get_grade (nc) == GPOINTER_TO_INT (data);
}

static gboolean
has_status (RectifyNonconformity *nc,
            gpointer              data)
{
  return rectify_nonconformity_get_status (nc) == (RectifyStatus)GPOINTER_TO_INT (data);
}

static gboolean
is_overdue (RectifyNonconformity *nc,
            gpointer              data)
{
  return rectify_nonconformity_is_overdue (nc, data);
}

static void
set_title_through_editor (RectifyWindow        *window,
                          RectifyNonconformity *nc,
                          const char           *title)
{
  RectifyNcEditor *editor = _rectify_window_get_editor (window);
  GtkEditable *editable = _rectify_nc_editor_get_title_editable (editor);

  g_assert_nonnull (editable);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (editable)));

  gtk_editable_set_text (editable, title);
  _rectify_nc_editor_flush (editor);
  test_ui_iterate_for (50);

  g_assert_cmpstr (rectify_nonconformity_get_title (nc), ==, title);
}

static void
test_window_register (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reopened = NULL;
  g_autoptr(RectifyNonconformity) selected = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *today = rectify_date_today ();
  g_autofree char *ref = NULL;
  g_autofree char *original_title = NULL;
  g_autofree char *word = NULL;
  RectifyWindow *window;
  RectifyRegister *reg;
  GtkColumnView *view;
  GListModel *model;
  GtkDropDown *grade_filter;
  CountWait wait;
  guint n_major, n_overdue;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  window = open_window (fixture);
  reg = rectify_window_get_register (window);
  view = _rectify_window_get_column_view (window);
  model = test_ui_table_rows (window);

  /* Every NC is a row, sorted by reference. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, fixture->n_ncs);
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RectifyNonconformity) a = g_list_model_get_item (model, i - 1);
      g_autoptr(RectifyNonconformity) b = g_list_model_get_item (model, i);

      g_assert_cmpint (_rectify_natural_compare (rectify_nonconformity_get_ref (a),
                                                 rectify_nonconformity_get_ref (b)), <, 0);
    }

  /* Filter by grade. */
  n_major = count_where (reg, is_grade, GINT_TO_POINTER (RECTIFY_GRADE_MAJOR));
  g_assert_cmpuint (n_major, >, 0);
  g_assert_cmpuint (n_major, <, fixture->n_ncs);
  grade_filter = _rectify_window_get_grade_filter (window);
  gtk_drop_down_set_selected (grade_filter, RECTIFY_GRADE_MAJOR + 1);
  g_assert_cmpuint (g_list_model_get_n_items (test_ui_table_rows (window)), ==, n_major);
  for (guint i = 0; i < n_major; i++)
    {
      g_autoptr(RectifyNonconformity) nc = g_list_model_get_item (model, i);
      g_assert_cmpint (rectify_nonconformity_get_grade (nc), ==, RECTIFY_GRADE_MAJOR);
    }
  {
    g_autofree char *expected = g_strdup_printf ("%u of %u nonconformities", n_major, fixture->n_ncs);
    g_assert_cmpstr (gtk_label_get_text (_rectify_window_get_count_label (window)), ==, expected);
  }
  gtk_drop_down_set_selected (grade_filter, 0);
  g_assert_cmpuint (g_list_model_get_n_items (test_ui_table_rows (window)), ==, fixture->n_ncs);

  /* Overdue only. */
  n_overdue = count_where (reg, is_overdue, today);
  gtk_toggle_button_set_active (_rectify_window_get_overdue_toggle (window), TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (test_ui_table_rows (window)), ==, n_overdue);
  gtk_toggle_button_set_active (_rectify_window_get_overdue_toggle (window), FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (test_ui_table_rows (window)), ==, fixture->n_ncs);

  /* Search for a word of the last NC's title (the entry is debounced, so wait). */
  {
    g_autoptr(RectifyNonconformity) last = g_list_model_get_item (model, fixture->n_ncs - 1);
    g_auto(GStrv) words = g_strsplit (rectify_nonconformity_get_title (last), " ", -1);

    for (guint i = 0; words[i] != NULL && word == NULL; i++)
      if (g_utf8_strlen (words[i], -1) >= 5 && g_str_is_ascii (words[i]))
        word = g_strdup (words[i]);
    g_assert_nonnull (word);
  }
  ids = rectify_register_search (reg, word, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >, 0);
  g_assert_cmpuint (ids->len, <, fixture->n_ncs);
  gtk_editable_set_text (_rectify_window_get_search_entry (window), word);
  wait.model = model;
  wait.n = ids->len;
  g_assert_true (test_ui_iterate_until (has_count, &wait, 3000));
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(RectifyNonconformity) nc = g_list_model_get_item (model, i);
      gboolean found = FALSE;

      for (guint j = 0; j < ids->len; j++)
        found |= g_array_index (ids, gint64, j) == rectify_entity_get_id (RECTIFY_ENTITY (nc));
      g_assert_true (found);
    }
  gtk_editable_set_text (_rectify_window_get_search_entry (window), "");
  wait.n = fixture->n_ncs;
  g_assert_true (test_ui_iterate_until (has_count, &wait, 3000));

  /* Sort by grade: the majors come first. */
  {
    GListModel *columns = gtk_column_view_get_columns (view);
    g_autoptr(GtkColumnViewColumn) grade_column = g_list_model_get_item (columns, 2);
    g_autoptr(GtkColumnViewColumn) ref_column = g_list_model_get_item (columns, 0);
    g_autoptr(RectifyNonconformity) first = NULL;

    g_assert_cmpstr (gtk_column_view_column_get_title (grade_column), ==, "Grade");
    gtk_column_view_sort_by_column (view, grade_column, GTK_SORT_ASCENDING);
    first = g_list_model_get_item (model, 0);
    g_assert_cmpint (rectify_nonconformity_get_grade (first), ==, RECTIFY_GRADE_MAJOR);
    gtk_column_view_sort_by_column (view, ref_column, GTK_SORT_ASCENDING);
  }

  /* Select a row: it shows in the editor. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), 2);
  selected = g_list_model_get_item (model, 2);
  test_ui_iterate_for (100);
  g_assert_true (rectify_nc_editor_get_nonconformity (_rectify_window_get_editor (window)) == selected);
  ref = g_strdup (rectify_nonconformity_get_ref (selected));
  original_title = g_strdup (rectify_nonconformity_get_title (selected));

  /* Two quick edits of the title share one toast; Undo takes both back. */
  set_title_through_editor (window, selected, "First draft of the title");
  set_title_through_editor (window, selected, "Second draft of the title");
  g_assert_true (rectify_register_can_undo (reg));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  test_ui_iterate_for (50);
  g_assert_cmpstr (rectify_nonconformity_get_title (selected), ==, original_title);

  /* The edit that must last. */
  set_title_through_editor (window, selected, "Edited through the editor");

  close_window (window);

  reopened = rectify_register_open (fixture->path, &error);
  g_assert_no_error (error);
  {
    RectifyNonconformity *nc = rectify_register_find_nonconformity (reopened, ref);

    g_assert_nonnull (nc);
    g_assert_cmpstr (rectify_nonconformity_get_title (nc), ==, "Edited through the editor");
  }
}

static void
test_window_new_nc (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *today = rectify_date_today ();
  RectifyWindow *window;
  GListModel *model;
  RectifyNonconformity *nc;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  window = open_window (fixture);
  model = G_LIST_MODEL (gtk_column_view_get_model (_rectify_window_get_column_view (window)));

  /* A filter that the new NC would not pass is cleared, so it is in view. */
  gtk_drop_down_set_selected (_rectify_window_get_grade_filter (window), RECTIFY_GRADE_OFI + 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-nc", NULL);
  test_ui_iterate_for (50);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, fixture->n_ncs + 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (_rectify_window_get_grade_filter (window)), ==, 0);
  nc = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model));
  g_assert_nonnull (nc);
  g_assert_true (rectify_nc_editor_get_nonconformity (_rectify_window_get_editor (window)) == nc);
  g_assert_cmpstr (rectify_nonconformity_get_reported_on (nc), ==, today);
  g_assert_nonnull (rectify_nonconformity_get_reported_by (nc));
  g_assert_nonnull (rectify_nonconformity_get_ref (nc));

  close_window (window);
}

static void
test_window_session (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GFile) missing = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *missing_path = g_build_filename (fixture->dir, "Gone.rectify", NULL);
  g_autofree char *missing_uri = NULL;
  g_auto(GStrv) recent = NULL;
  RectifyWindow *window;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  settings = g_settings_new ("io.github.rectify.Rectify");
  missing = g_file_new_for_path (missing_path);
  missing_uri = g_file_get_uri (missing);

  /* The last register is gone: the welcome page. */
  g_settings_set_string (settings, "last-register", missing_uri);
  window = rectify_window_new_restoring_session (NULL);
  g_assert_true (test_ui_iterate_until (not_opening, window, 10000));
  g_assert_cmpstr (_rectify_window_get_page (window), ==, "welcome");
  g_assert_null (rectify_window_get_register (window));
  close_window (window);

  /* Opening a register makes it the last one and the first recent one. */
  window = open_window (fixture);
  close_window (window);
  {
    g_autofree char *last = g_settings_get_string (settings, "last-register");
    g_assert_cmpstr (last, ==, uri);
  }
  recent = g_settings_get_strv (settings, "recent-registers");
  g_assert_cmpstr (recent[0], ==, uri);

  /* And the next start reopens it. */
  window = rectify_window_new (NULL);
  rectify_window_restore_session (window);
  /* Read in a thread: the window says it is opening, then shows the register */
  g_assert_true (rectify_window_is_opening (window));
  g_assert_cmpstr (_rectify_window_get_page (window), ==, "register");
  g_assert_null (rectify_window_get_register (window));
  g_assert_true (test_ui_iterate_until (not_opening, window, 10000));
  g_assert_cmpstr (_rectify_window_get_page (window), ==, "register");
  g_assert_nonnull (rectify_window_get_register (window));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (_rectify_window_get_view_stack (window)),
                   ==, "nonconformities");
  g_assert_nonnull (gtk_column_view_get_model (_rectify_window_get_column_view (window)));

  /* The page in use at the close comes back at the next start: the board, with its columns
   * filled; the table gets its rows only when its page shows. */
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (test_ui_iterate_until (test_ui_is_mapped, window, 5000));
  adw_view_stack_set_visible_child_name (_rectify_window_get_view_stack (window), "board");
  close_window (window);
  {
    g_autofree char *page = g_settings_get_string (settings, "last-page");
    g_assert_cmpstr (page, ==, "board");
  }

  /* (as the app does: the register read while the window is built) */
  window = rectify_window_new_restoring_session (NULL);
  g_assert_true (rectify_window_is_opening (window));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (test_ui_iterate_until (not_opening, window, 10000));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (_rectify_window_get_view_stack (window)),
                   ==, "board");
  g_assert_null (gtk_column_view_get_model (_rectify_window_get_column_view (window)));
  {
    RectifyBoard *board = _rectify_window_get_board (window);
    guint n_board = 0;

    g_assert_true (test_ui_iterate_until (test_ui_is_mapped, board, 5000));
    for (RectifyStatus st = 0; st < RECTIFY_N_STATUSES; st++)
      n_board += g_list_model_get_n_items (rectify_board_get_column_model (board, st));
    g_assert_cmpuint (n_board, ==, fixture->n_ncs);
  }
  adw_view_stack_set_visible_child_name (_rectify_window_get_view_stack (window),
                                         "nonconformities");
  {
    GtkSelectionModel *rows = gtk_column_view_get_model (_rectify_window_get_column_view (window));

    g_assert_nonnull (rows);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, fixture->n_ncs);
  }
  close_window (window);
  g_settings_reset (settings, "last-page");
}

static gboolean
register_replaced (gpointer data)
{
  gpointer *pair = data;

  return rectify_window_get_register (pair[0]) != pair[1] &&
         !rectify_window_is_opening (pair[0]);
}

/* Another program changes the open register: the window reads it again, keeping the page, the
 * filters and the NC in the editor; its own edits never count; an open analysis window holds the
 * reading back until it closes. */
static void
test_window_outside (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) other = NULL;
  g_autoptr(RectifyNonconformity) added = rectify_nonconformity_new ();
  RectifyWindow *window;
  RectifyRegister *before;
  RectifyNonconformity *shown;
  RectifyNonconformity *theirs;
  GListModel *model;
  GtkDropDown *grade_filter;
  gpointer pair[2];
  g_autofree char *ref = NULL;
  guint n_minor;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  window = open_window (fixture);
  before = rectify_window_get_register (window);
  model = G_LIST_MODEL (gtk_column_view_get_model (_rectify_window_get_column_view (window)));
  grade_filter = _rectify_window_get_grade_filter (window);
  gtk_drop_down_set_selected (grade_filter, RECTIFY_GRADE_MINOR + 1);
  n_minor = count_where (before, is_grade, GINT_TO_POINTER (RECTIFY_GRADE_MINOR));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_minor);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), 1);
  test_ui_iterate_for (100);
  shown = rectify_nc_editor_get_nonconformity (_rectify_window_get_editor (window));
  g_assert_nonnull (shown);
  ref = g_strdup (rectify_nonconformity_get_ref (shown));

  /* Its own edit: the window keeps its register */
  set_title_through_editor (window, shown, "Edited in the window");
  test_ui_iterate_for (2 * 2500);
  g_assert_true (rectify_window_get_register (window) == before);

  /* Another program edits that NC and adds a minor one */
  other = rectify_register_open (fixture->path, &error);
  g_assert_no_error (error);
  theirs = rectify_register_find_nonconformity (other, ref);
  g_assert_cmpstr (rectify_nonconformity_get_title (theirs), ==, "Edited in the window");
  g_assert_true (rectify_register_update_string (other, RECTIFY_ENTITY (theirs), "title",
                                                 "Edited by another program", &error));
  g_object_set (added, "title", "Added by another program", "statement", "Seen outside",
                "requirement", "A.5.15", "grade", RECTIFY_GRADE_MINOR,
                "reported-on", "2026-06-01", NULL);
  g_assert_true (rectify_register_add (other, RECTIFY_ENTITY (added), &error));
  g_assert_no_error (error);

  pair[0] = window;
  pair[1] = before;
  g_assert_true (test_ui_iterate_until (register_replaced, pair, 10000));
  test_ui_iterate_for (100);

  /* Read again: the changes are there, the filter and the NC in the editor stay */
  g_assert_cmpuint (gtk_drop_down_get_selected (grade_filter), ==, RECTIFY_GRADE_MINOR + 1);
  model = G_LIST_MODEL (gtk_column_view_get_model (_rectify_window_get_column_view (window)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_minor + 1);
  shown = rectify_nc_editor_get_nonconformity (_rectify_window_get_editor (window));
  g_assert_nonnull (shown);
  g_assert_cmpstr (rectify_nonconformity_get_ref (shown), ==, ref);
  g_assert_cmpstr (rectify_nonconformity_get_title (shown), ==, "Edited by another program");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (_rectify_window_get_view_stack (window)),
                   ==, "nonconformities");

  /* With an analysis window open, the reading waits for it to close */
  before = rectify_window_get_register (window);
  rectify_analysis_window_present (GTK_WINDOW (window), before, shown);
  test_ui_iterate_for (200);
  g_assert_true (rectify_analysis_window_any (before));
  g_assert_true (rectify_register_update_string (other, RECTIFY_ENTITY (theirs), "owner",
                                                 "Someone else", &error));
  g_assert_no_error (error);
  test_ui_iterate_for (2 * 2500);
  g_assert_true (rectify_window_get_register (window) == before);
  rectify_analysis_window_close_all (before);
  pair[1] = before;
  g_assert_true (test_ui_iterate_until (register_replaced, pair, 10000));
  shown = rectify_nc_editor_get_nonconformity (_rectify_window_get_editor (window));
  g_assert_cmpstr (rectify_nonconformity_get_owner (shown), ==, "Someone else");

  close_window (window);
}

static void
test_natural_compare (void)
{
  g_assert_cmpint (_rectify_natural_compare ("NC-9", "NC-10"), <, 0);
  g_assert_cmpint (_rectify_natural_compare ("NC-010", "NC-9"), >, 0);
  g_assert_cmpint (_rectify_natural_compare ("A.5.9", "A.5.15"), <, 0);
  g_assert_cmpint (_rectify_natural_compare ("9.2", "A.5.1"), <, 0);
  g_assert_cmpint (_rectify_natural_compare ("nc-1", "NC-1"), ==, 0);
  g_assert_cmpint (_rectify_natural_compare ("NC-1", NULL), <, 0);
  g_assert_cmpint (_rectify_natural_compare (NULL, "NC-1"), >, 0);
  g_assert_cmpint (_rectify_natural_compare ("NC-1", "NC-1a"), <, 0);
}

/* A large register: the table's first frames have the rows that fit, not the 200 rows GTK 4.8
 * would build at once; then all of them. A filter change with no row selected fills again;
 * an NC shown far down makes the table whole at once and selects its row, which then keeps its
 * place through a filter change. */
static void
test_window_table_fill (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "Large.rectify", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyNonconformity) last = NULL;
  const guint n_ncs = 600;
  RectifyWindow *window;
  RectifyRegister *reg;
  GtkSingleSelection *selection;
  GListModel *rows;
  guint n_open;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  {
    g_autoptr(RectifyRegister) large = rectify_register_create (path, &error);

    g_assert_no_error (error);
    g_assert_true (rectify_demo_populate_synthetic (large, n_ncs, 1, "2026-06-15", &error));
    g_assert_no_error (error);
  }

  /* (as the app opens a file: read while the window is built) */
  window = rectify_window_new_for_file (NULL, file);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  g_assert_true (rectify_window_is_opening (window));
  g_assert_true (test_ui_iterate_until (not_opening, window, 10000));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (test_ui_iterate_until (test_ui_is_mapped, window, 5000));
  reg = rectify_window_get_register (window);
  rows = G_LIST_MODEL (gtk_column_view_get_model (_rectify_window_get_column_view (window)));
  selection = GTK_SINGLE_SELECTION (rows);

  g_assert_true (_rectify_window_is_table_filling (window));
  g_assert_cmpuint (g_list_model_get_n_items (rows), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), <, 200);
  g_assert_true (test_ui_table_rows (window) == rows);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_ncs);
  g_assert_cmpuint (g_list_model_get_n_items (_rectify_window_get_filtered (window)), ==, n_ncs);

  /* Another filter, nothing selected: filled again, to the NCs the filter lets through (the
   * status filter's second choice: every NC but the closed ones) */
  n_open = n_ncs - count_where (reg, has_status, GINT_TO_POINTER (RECTIFY_STATUS_CLOSED));
  g_assert_cmpuint (n_open, >, 200);
  g_assert_cmpuint (n_open, <, n_ncs);
  gtk_drop_down_set_selected (_rectify_window_get_status_filter (window), 1);
  g_assert_true (_rectify_window_is_table_filling (window));
  g_assert_cmpuint (g_list_model_get_n_items (rows), <, 200);
  g_assert_cmpuint (g_list_model_get_n_items (test_ui_table_rows (window)), ==, n_open);
  gtk_drop_down_set_selected (_rectify_window_get_status_filter (window), 0);
  g_assert_true (_rectify_window_is_table_filling (window));

  /* Another order, nothing selected: filled again */
  g_assert_cmpuint (g_list_model_get_n_items (test_ui_table_rows (window)), ==, n_ncs);
  {
    GtkColumnView *view = _rectify_window_get_column_view (window);
    GListModel *columns = gtk_column_view_get_columns (view);
    g_autoptr(GtkColumnViewColumn) grade_column = g_list_model_get_item (columns, 2);
    g_autoptr(GtkColumnViewColumn) ref_column = g_list_model_get_item (columns, 0);

    gtk_column_view_sort_by_column (view, grade_column, GTK_SORT_ASCENDING);
    g_assert_true (_rectify_window_is_table_filling (window));
    g_assert_cmpuint (g_list_model_get_n_items (rows), <, 200);
    g_assert_cmpuint (g_list_model_get_n_items (test_ui_table_rows (window)), ==, n_ncs);
    gtk_column_view_sort_by_column (view, ref_column, GTK_SORT_ASCENDING);
    g_assert_true (_rectify_window_is_table_filling (window));
  }

  /* The last row, shown while the table fills: whole at once, the row selected */
  last = g_list_model_get_item (_rectify_window_get_filtered (window), n_ncs - 1);
  rectify_window_show_nonconformity (window, last);
  g_assert_false (_rectify_window_is_table_filling (window));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_ncs);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, n_ncs - 1);
  g_assert_true (rectify_nc_editor_get_nonconformity (_rectify_window_get_editor (window)) == last);

  /* A filter that keeps the selected NC: no fill, the row stays selected */
  gtk_drop_down_set_selected (_rectify_window_get_grade_filter (window),
                              rectify_nonconformity_get_grade (last) + 1);
  g_assert_false (_rectify_window_is_table_filling (window));
  g_assert_true (gtk_single_selection_get_selected_item (selection) == (gpointer)last);
  test_ui_iterate_for (100);
  g_assert_true (gtk_single_selection_get_selected_item (selection) == (gpointer)last);

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add_func ("/Rectify/Window/natural-compare", test_natural_compare);
  g_test_add ("/Rectify/Window/register", Fixture, NULL,
              fixture_set_up, test_window_register, fixture_tear_down);
  g_test_add ("/Rectify/Window/new-nc", Fixture, NULL,
              fixture_set_up, test_window_new_nc, fixture_tear_down);
  g_test_add ("/Rectify/Window/outside", Fixture, NULL,
              fixture_set_up, test_window_outside, fixture_tear_down);
  g_test_add ("/Rectify/Window/session", Fixture, NULL,
              fixture_set_up, test_window_session, fixture_tear_down);
  g_test_add ("/Rectify/Window/table-fill", Fixture, NULL,
              fixture_set_up, test_window_table_fill, fixture_tear_down);

  return g_test_run ();
}
