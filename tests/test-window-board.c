/* test-window-board.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Kanban board as a page of the main window, on a demo register under Xvfb: its columns count
 * what the register holds and follow the register view's filters; a card opens in the editor; a
 * move offers an Undo that moves it back (and shows in the history); a refused move names what is
 * missing and opens the NC; and at 360 pixels the board scrolls sideways.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "rectify-board.h"
#include "rectify-demo.h"
#include "rectify-enums.h"
#include "rectify-nc-editor.h"
#include "rectify-register.h"
#include "rectify-verification.h"
#include "rectify-window-private.h"
#include "test-ui-common.h"

static gboolean have_display;

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static gboolean
is_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;

  fixture->dir = g_dir_make_tmp ("rectify-test-window-board-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "Demo.rectify", NULL);

  reg = rectify_register_create (fixture->path, &error);
  g_assert_no_error (error);
  rectify_demo_populate (reg, NULL, &error);
  g_assert_no_error (error);
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
open_window (Fixture *fixture,
             int      width,
             int      height)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GError) error = NULL;
  RectifyWindow *window;

  window = rectify_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  g_assert_true (rectify_window_open_file (window, file, &error));
  g_assert_no_error (error);

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

static RectifyBoard *
show_board (RectifyWindow *window)
{
  RectifyBoard *board = _rectify_window_get_board (window);

  adw_view_stack_set_visible_child_name (_rectify_window_get_view_stack (window), "board");
  g_assert_true (test_ui_iterate_until (test_ui_is_mapped, board, 3000));
  test_ui_iterate_for (50);

  return board;
}

/* The count badges of the board's column headers, in column order, as shown. */
static void
collect_count_labels (GtkWidget *widget,
                      GPtrArray *labels)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "board-count"))
        g_ptr_array_add (labels, child);
      else
        collect_count_labels (child, labels);
    }
}

/* The register's NCs by status, of @grade (-1: every grade). */
static void
count_by_status (RectifyRegister *reg,
                 RectifyGrade     grade,
                 guint            counts[RECTIFY_N_STATUSES])
{
  GListModel *ncs = rectify_register_get_nonconformities (reg);

  memset (counts, 0, sizeof (guint) * RECTIFY_N_STATUSES);
  for (guint i = 0; i < g_list_model_get_n_items (ncs); i++)
    {
      g_autoptr(RectifyNonconformity) nc = g_list_model_get_item (ncs, i);

      if ((int)grade >= 0 && rectify_nonconformity_get_grade (nc) != grade)
        continue;
      counts[rectify_nonconformity_get_status (nc)]++;
    }
}

static void
assert_board_counts (RectifyBoard *board,
                     const guint   expected[RECTIFY_N_STATUSES])
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_count_labels (GTK_WIDGET (board), labels);
  g_assert_cmpuint (labels->len, ==, RECTIFY_N_STATUSES);

  for (guint s = 0; s < RECTIFY_N_STATUSES; s++)
    {
      g_autofree char *text = g_strdup_printf ("%u", expected[s]);

      g_assert_cmpuint (g_list_model_get_n_items (rectify_board_get_column_model (board, s)), ==,
                        expected[s]);
      g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (labels, s)), ==, text);
    }
}

/* The button of the toast on show whose label is @label, or NULL. */
static GtkWidget *
find_toast_button (GtkWidget  *widget,
                   const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_toast_button (child, label)) != NULL)
        return found;
    }

  return NULL;
}

/* Whether a label under @widget says @text. */
static gboolean
has_label_text (GtkWidget  *widget,
                const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return TRUE;
      if (has_label_text (child, text))
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  RectifyWindow *window;
  const char    *label;
} ToastWait;

static gboolean
focus_in_editor (gpointer data)
{
  RectifyWindow *window = data;
  GtkWidget *editor = GTK_WIDGET (_rectify_window_get_editor (window));
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && focus != editor && gtk_widget_is_ancestor (focus, editor);
}

static gboolean
toast_button_shown (gpointer data)
{
  ToastWait *w = data;
  AdwToastOverlay *overlay = _rectify_window_get_toast_overlay (w->window);

  return find_toast_button (GTK_WIDGET (overlay), w->label) != NULL;
}

static gboolean
toast_button_gone (gpointer data)
{
  return !toast_button_shown (data);
}

typedef struct
{
  RectifyWindow *window;
  const char    *text;
} TextWait;

static gboolean
toast_text_shown (gpointer data)
{
  TextWait *w = data;

  return has_label_text (GTK_WIDGET (_rectify_window_get_toast_overlay (w->window)), w->text);
}

/* Waits for the toast with a button @label, presses it, and waits until it has gone (so the
 * next toast's button is not mistaken for it). */
static void
press_toast_button (RectifyWindow *window,
                    const char    *label)
{
  ToastWait wait = { window, label };
  AdwToastOverlay *overlay = _rectify_window_get_toast_overlay (window);
  GtkWidget *button;

  g_assert_true (test_ui_iterate_until (toast_button_shown, &wait, 10000));
  button = find_toast_button (GTK_WIDGET (overlay), label);
  g_assert_nonnull (button);
  gtk_widget_activate (button);
  g_assert_true (test_ui_iterate_until (toast_button_gone, &wait, 10000));
}

/* An NC of @status that the rules let move to @to (or, with @allowed FALSE, that they do not). */
static RectifyNonconformity *
find_nc (RectifyRegister *reg,
         RectifyStatus    status,
         RectifyStatus    to,
         gboolean         allowed)
{
  GListModel *ncs = rectify_register_get_nonconformities (reg);

  for (guint i = 0; i < g_list_model_get_n_items (ncs); i++)
    {
      g_autoptr(RectifyNonconformity) nc = g_list_model_get_item (ncs, i);

      if (rectify_nonconformity_get_status (nc) == status &&
          rectify_register_can_move (reg, nc, to, NULL) == allowed)
        return nc;
    }

  return NULL;
}

static guint
count_status_rows (RectifyRegister      *reg,
                   RectifyNonconformity *nc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = rectify_register_list_history (reg, RECTIFY_ENTITY (nc), &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      RectifyHistoryEntry *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (row->field, "status") == 0)
        n++;
    }

  return n;
}

static void
test_counts_and_filters (Fixture       *fixture,
                         gconstpointer  user_data)
{
  RectifyWindow *window;
  RectifyRegister *reg;
  RectifyBoard *board;
  guint expected[RECTIFY_N_STATUSES];
  guint total = 0;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  window = open_window (fixture, 1280, 800);
  reg = rectify_window_get_register (window);

  /* Until the board shows, its columns do no work. */
  for (guint s = 0; s < RECTIFY_N_STATUSES; s++)
    g_assert_cmpuint (g_list_model_get_n_items (rectify_board_get_column_model (_rectify_window_get_board (window), s)),
                      ==, 0);

  board = show_board (window);

  /* The page is in the view switcher, with its title. */
  {
    AdwViewStackPage *page = adw_view_stack_get_page (_rectify_window_get_view_stack (window),
                                                      GTK_WIDGET (board));

    g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, "Board");
    g_assert_nonnull (adw_view_stack_page_get_icon_name (page));
  }

  /* Every NC of the register, in the column of its status. */
  count_by_status (reg, -1, expected);
  for (guint s = 0; s < RECTIFY_N_STATUSES; s++)
    {
      g_assert_cmpuint (expected[s], >, 0);
      total += expected[s];
    }
  g_assert_cmpuint (total, ==, g_list_model_get_n_items (rectify_register_get_nonconformities (reg)));
  assert_board_counts (board, expected);

  /* The grade filter of the register view filters the board. */
  gtk_drop_down_set_selected (_rectify_window_get_grade_filter (window), RECTIFY_GRADE_MAJOR + 1);
  test_ui_iterate_for (50);
  count_by_status (reg, RECTIFY_GRADE_MAJOR, expected);
  {
    guint n_major = 0;

    for (guint s = 0; s < RECTIFY_N_STATUSES; s++)
      n_major += expected[s];
    g_assert_cmpuint (n_major, >, 0);
    g_assert_cmpuint (n_major, <, total);
  }
  assert_board_counts (board, expected);

  /* "All Open" leaves the Closed column empty. */
  gtk_drop_down_set_selected (_rectify_window_get_grade_filter (window), 0);
  gtk_drop_down_set_selected (_rectify_window_get_status_filter (window), 1);
  test_ui_iterate_for (50);
  count_by_status (reg, -1, expected);
  expected[RECTIFY_STATUS_CLOSED] = 0;
  assert_board_counts (board, expected);

  /* Clearing the filters brings every NC back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);
  test_ui_iterate_for (50);
  count_by_status (reg, -1, expected);
  assert_board_counts (board, expected);

  /* A change in the register moves its card. */
  {
    RectifyNonconformity *nc = find_nc (reg, RECTIFY_STATUS_REPORTED, RECTIFY_STATUS_ANALYSIS, TRUE);
    g_autoptr(GError) error = NULL;

    g_assert_nonnull (nc);
    g_assert_true (rectify_register_move (reg, nc, RECTIFY_STATUS_ANALYSIS, NULL, &error));
    g_assert_no_error (error);
    test_ui_iterate_for (50);
    expected[RECTIFY_STATUS_REPORTED]--;
    expected[RECTIFY_STATUS_ANALYSIS]++;
    assert_board_counts (board, expected);
  }

  close_window (window);
}

static void
test_open_and_moves (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(RectifyNonconformity) forward = NULL;
  g_autoptr(RectifyNonconformity) closing = NULL;
  g_autoptr(RectifyNonconformity) refused = NULL;
  RectifyWindow *window;
  RectifyRegister *reg;
  RectifyBoard *board;
  RectifyNcEditor *editor;
  GtkWidget *view;
  guint n_rows;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  window = open_window (fixture, 1280, 800);
  reg = rectify_window_get_register (window);
  editor = _rectify_window_get_editor (window);
  board = show_board (window);

  /* The board takes the whole width until a card is opened. */
  g_assert_false (gtk_widget_get_visible (_rectify_window_get_editor_pane (window)));

  /* Enter (or a double click) on a card opens it in the editor beside the board. */
  view = rectify_board_get_column_view (board, RECTIFY_STATUS_ANALYSIS);
  {
    g_autoptr(RectifyNonconformity) first =
      g_list_model_get_item (rectify_board_get_column_model (board, RECTIFY_STATUS_ANALYSIS), 0);

    g_signal_emit_by_name (view, "activate", 0);
    test_ui_iterate_for (50);
    g_assert_true (rectify_nc_editor_get_nonconformity (editor) == first);
    g_assert_true (gtk_widget_get_visible (_rectify_window_get_editor_pane (window)));
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (_rectify_window_get_view_stack (window)),
                     ==, "board");

    gtk_widget_activate_action (GTK_WIDGET (window), "win.close-editor", NULL);
    g_assert_false (gtk_widget_get_visible (_rectify_window_get_editor_pane (window)));
  }

  /* A refused move names what is missing; its toast opens the NC. */
  refused = g_object_ref (find_nc (reg, RECTIFY_STATUS_ANALYSIS, RECTIFY_STATUS_ACTION_PLANNED, FALSE));
  g_assert_false (rectify_board_move (board, refused, RECTIFY_STATUS_ACTION_PLANNED));
  {
    ToastWait wait = { window, "_Open" };

    g_assert_true (test_ui_iterate_until (toast_button_shown, &wait, 10000));
    g_assert_true (has_label_text (GTK_WIDGET (_rectify_window_get_toast_overlay (window)),
                                   rectify_board_get_last_message (board)));
  }
  g_assert_cmpint (rectify_nonconformity_get_status (refused), ==, RECTIFY_STATUS_ANALYSIS);
  g_assert_true (g_str_has_prefix (rectify_board_get_last_message (board),
                                   rectify_nonconformity_get_ref (refused)));
  press_toast_button (window, "_Open");
  g_assert_true (rectify_nc_editor_get_nonconformity (editor) == refused);
  g_assert_true (gtk_widget_get_visible (_rectify_window_get_editor_pane (window)));
  /* ... at the first missing item: the focus goes into the editor, where it is fixed */
  g_assert_true (test_ui_iterate_until (focus_in_editor, window, 5000));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-editor", NULL);

  /* A move offers Undo, which moves it back through the workflow: the history has both. */
  forward = g_object_ref (find_nc (reg, RECTIFY_STATUS_REPORTED, RECTIFY_STATUS_ANALYSIS, TRUE));
  n_rows = count_status_rows (reg, forward);
  g_assert_true (rectify_board_move (board, forward, RECTIFY_STATUS_ANALYSIS));
  g_assert_cmpint (rectify_nonconformity_get_status (forward), ==, RECTIFY_STATUS_ANALYSIS);
  g_assert_cmpuint (count_status_rows (reg, forward), ==, n_rows + 1);
  press_toast_button (window, "_Undo");
  g_assert_cmpint (rectify_nonconformity_get_status (forward), ==, RECTIFY_STATUS_REPORTED);
  g_assert_cmpuint (count_status_rows (reg, forward), ==, n_rows + 2);
  /* It was a move (itself a step of undo), not an undo of the first one. */
  {
    g_autoptr(GError) error = NULL;

    gboolean ok = rectify_register_undo (reg, &error);

    g_assert_no_error (error);
    g_assert_true (ok);
    g_assert_cmpint (rectify_nonconformity_get_status (forward), ==, RECTIFY_STATUS_ANALYSIS);
  }

  /* A move to Closed cannot be moved back by the rules (Closed only reopens): its Undo takes
   * the step back instead, closing date and all. The NC in Verification is shown effective. */
  closing = g_object_ref (find_nc (reg, RECTIFY_STATUS_VERIFICATION, RECTIFY_STATUS_CLOSED, FALSE));
  {
    g_autoptr(RectifyVerification) review = rectify_verification_new ();
    g_autoptr(GError) error = NULL;

    g_object_set (review,
                  "nc-id", rectify_entity_get_id (RECTIFY_ENTITY (closing)),
                  "verifier", "Ines Auditor",
                  "verified-on", "2026-06-10",
                  "result", RECTIFY_VERIFICATION_RESULT_EFFECTIVE,
                  NULL);
    g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (review), &error));
    g_assert_no_error (error);
    g_assert_true (rectify_register_can_move (reg, closing, RECTIFY_STATUS_CLOSED, NULL));
  }
  g_assert_true (rectify_board_move (board, closing, RECTIFY_STATUS_CLOSED));
  g_assert_nonnull (rectify_nonconformity_get_closed_on (closing));
  press_toast_button (window, "_Undo");
  g_assert_cmpint (rectify_nonconformity_get_status (closing), ==, RECTIFY_STATUS_VERIFICATION);
  g_assert_null (rectify_nonconformity_get_closed_on (closing));

  /* Moved once more, then another record is added: the move is no longer the last step of undo,
   * and its Undo says why it cannot move it back rather than undoing something else. */
  g_assert_true (rectify_board_move (board, closing, RECTIFY_STATUS_CLOSED));
  {
    g_autoptr(RectifyVerification) review = rectify_verification_new ();
    g_autoptr(GError) error = NULL;

    g_object_set (review, "nc-id", rectify_entity_get_id (RECTIFY_ENTITY (forward)), NULL);
    g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (review), &error));
    g_assert_no_error (error);
  }
  press_toast_button (window, "_Undo");
  g_assert_cmpint (rectify_nonconformity_get_status (closing), ==, RECTIFY_STATUS_CLOSED);
  g_assert_nonnull (rectify_nonconformity_get_closed_on (closing));
  {
    g_autofree char *message = g_strdup_printf ("%s could not be moved back: %s",
                                                rectify_nonconformity_get_ref (closing),
                                                "A closed nonconformity can only be reopened to Analysis");
    TextWait wait = { window, message };

    g_assert_true (test_ui_iterate_until (toast_text_shown, &wait, 10000));
  }

  close_window (window);
}

/* Changes of different fields in quick succession update the one undo toast in place (a toast
 * dismissed while it still slid in could crash libadwaita 1.2), and Ctrl+Z says it undid. */
static void
test_rapid_changes (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  RectifyWindow *window;
  RectifyRegister *reg;
  GtkWidget *overlay;
  RectifyNonconformity *nc;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  window = open_window (fixture, 1280, 800);
  reg = rectify_window_get_register (window);
  overlay = GTK_WIDGET (_rectify_window_get_toast_overlay (window));
  nc = find_nc (reg, RECTIFY_STATUS_REPORTED, RECTIFY_STATUS_ANALYSIS, TRUE);
  g_assert_nonnull (nc);

  for (guint round = 0; round < 3; round++)
    {
      g_autofree char *area = g_strdup_printf ("Area %u", round);
      g_autofree char *title = g_strdup_printf ("Rapid %u", round);

      g_assert_true (rectify_register_update_string (reg, RECTIFY_ENTITY (nc), "area", area, &error));
      g_assert_true (rectify_register_update_enum (reg, RECTIFY_ENTITY (nc), "grade",
                                                   round % 2 ? RECTIFY_GRADE_MINOR : RECTIFY_GRADE_MAJOR,
                                                   &error));
      g_assert_true (rectify_register_update_string (reg, RECTIFY_ENTITY (nc), "title", title, &error));
      g_assert_no_error (error);
      test_ui_iterate_for (120);
    }
  test_ui_iterate_for (800);

  {
    TextWait wait = { window, "Title changed" };

    g_assert_true (test_ui_iterate_until (toast_text_shown, &wait, 5000));
    g_assert_nonnull (find_toast_button (overlay, "_Undo"));
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  {
    TextWait wait = { window, "Change undone" };

    g_assert_true (test_ui_iterate_until (toast_text_shown, &wait, 5000));
  }
  g_assert_cmpstr (rectify_nonconformity_get_title (nc), ==, "Rapid 1");
  test_ui_iterate_for (600);

  close_window (window);
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  user_data)
{
  RectifyWindow *window;
  RectifyBoard *board;
  GtkWidget *scroller;
  GtkAdjustment *hadj;
  GtkWidget *closed_view;
  graphene_point_t point;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  window = open_window (fixture, 360, 640);
  board = show_board (window);
  test_ui_iterate_for (200);

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (board)), <=, 360);

  /* The columns do not squeeze: the board scrolls sideways to the last one. */
  scroller = gtk_widget_get_first_child (GTK_WIDGET (board));
  g_assert_true (GTK_IS_SCROLLED_WINDOW (scroller));
  hadj = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadj), >, gtk_adjustment_get_page_size (hadj) * 3);

  closed_view = rectify_board_get_column_view (board, RECTIFY_STATUS_CLOSED);
  g_assert_true (gtk_widget_compute_point (closed_view, GTK_WIDGET (board),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  g_assert_cmpfloat (point.x, >, gtk_widget_get_width (GTK_WIDGET (board)));

  gtk_adjustment_set_value (hadj, gtk_adjustment_get_upper (hadj) - gtk_adjustment_get_page_size (hadj));
  test_ui_iterate_for (100);
  g_assert_true (gtk_widget_compute_point (closed_view, GTK_WIDGET (board),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  g_assert_cmpfloat (point.x, >=, 0);
  g_assert_cmpfloat (point.x + gtk_widget_get_width (closed_view), <=,
                     gtk_widget_get_width (GTK_WIDGET (board)));

  /* A card opened at this width takes the whole window, with a way back to the board. */
  g_signal_emit_by_name (rectify_board_get_column_view (board, RECTIFY_STATUS_REPORTED), "activate", 0);
  g_assert_nonnull (rectify_nc_editor_get_nonconformity (_rectify_window_get_editor (window)));
  g_assert_true (test_ui_iterate_until (is_unmapped, board, 10000));
  g_assert_true (gtk_widget_get_mapped (_rectify_window_get_editor_pane (window)));

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

  g_test_add ("/Rectify/WindowBoard/counts-and-filters", Fixture, NULL,
              fixture_set_up, test_counts_and_filters, fixture_tear_down);
  g_test_add ("/Rectify/WindowBoard/open-and-moves", Fixture, NULL,
              fixture_set_up, test_open_and_moves, fixture_tear_down);
  g_test_add ("/Rectify/WindowBoard/rapid-changes", Fixture, NULL,
              fixture_set_up, test_rapid_changes, fixture_tear_down);
  g_test_add ("/Rectify/WindowBoard/narrow", Fixture, NULL,
              fixture_set_up, test_narrow, fixture_tear_down);

  return g_test_run ();
}
