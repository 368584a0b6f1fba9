/* test-board.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Kanban board on a real register under a real display (Xvfb): column counts, a keyboard
 * move that is written to the file, a refused move that leaves the card where it is, and a real
 * pointer drag with xdotool (skipped without xdotool).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "rectify-board.h"
#include "rectify-board-card.h"
#include "rectify-date.h"
#include "rectify-demo.h"
#include "rectify-register.h"
#include "test-ui-common.h"

static gboolean have_display;

typedef struct
{
  char            *dir;
  char            *path;
  RectifyRegister *reg;
  GtkWidget       *window;
  RectifyBoard    *board;

  /* signal records */
  guint            n_moved;
  int              moved_from;
  int              moved_to;
  guint            n_refused;
  char            *refused_message;
  int              refused_condition;
  guint            n_activated;
} Fixture;

static void
moved_cb (RectifyBoard         *board,
          RectifyNonconformity *nc,
          int                   from,
          int                   to,
          Fixture              *fixture)
{
  fixture->n_moved++;
  fixture->moved_from = from;
  fixture->moved_to = to;
}

static void
move_refused_cb (RectifyBoard         *board,
                 RectifyNonconformity *nc,
                 const char           *message,
                 int                   condition,
                 Fixture              *fixture)
{
  fixture->n_refused++;
  g_free (fixture->refused_message);
  fixture->refused_message = g_strdup (message);
  fixture->refused_condition = condition;
}

static void
activate_nc_cb (RectifyBoard         *board,
                RectifyNonconformity *nc,
                Fixture              *fixture)
{
  fixture->n_activated++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = rectify_date_today ();

  if (!have_display)
    return;

  fixture->dir = g_dir_make_tmp ("rectify-test-board-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "demo.rectify", NULL);
  fixture->reg = rectify_register_create (fixture->path, &error);
  g_assert_no_error (error);
  rectify_demo_populate (fixture->reg, today, &error);
  g_assert_no_error (error);

  fixture->window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (fixture->window), "Rectify board test");
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 760);
  fixture->board = RECTIFY_BOARD (rectify_board_new ());
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->board));
  rectify_board_set_register (fixture->board, fixture->reg);

  g_signal_connect (fixture->board, "moved", G_CALLBACK (moved_cb), fixture);
  g_signal_connect (fixture->board, "move-refused", G_CALLBACK (move_refused_cb), fixture);
  g_signal_connect (fixture->board, "activate-nc", G_CALLBACK (activate_nc_cb), fixture);

  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (test_ui_iterate_until (test_ui_is_mapped, fixture->board, 5000));
  test_ui_iterate_for (200);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  if (dir == NULL || !(d = g_dir_open (dir, 0, NULL)))
    return;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (!have_display)
    return;

  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&fixture->window)));
  test_ui_iterate_for (50);
  g_clear_object (&fixture->reg);
  remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->refused_message, g_free);
}

static guint
count_status (RectifyRegister *reg,
              RectifyStatus    status)
{
  GListModel *ncs = rectify_register_get_nonconformities (reg);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (ncs); i++)
    {
      g_autoptr(RectifyNonconformity) nc = g_list_model_get_item (ncs, i);

      if (rectify_nonconformity_get_status (nc) == status)
        count++;
    }

  return count;
}

static void
assert_counts (Fixture *fixture)
{
  for (RectifyStatus s = 0; s < RECTIFY_N_STATUSES; s++)
    g_assert_cmpuint (g_list_model_get_n_items (rectify_board_get_column_model (fixture->board, s)),
                      ==, count_status (fixture->reg, s));
}

static RectifyBoardCard *
find_card_in (GtkWidget            *widget,
              RectifyNonconformity *nc)
{
  if (RECTIFY_IS_BOARD_CARD (widget) &&
      rectify_board_card_get_nonconformity (RECTIFY_BOARD_CARD (widget)) == nc &&
      gtk_widget_get_mapped (widget))
    return RECTIFY_BOARD_CARD (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      RectifyBoardCard *card = find_card_in (child, nc);

      if (card != NULL)
        return card;
    }

  return NULL;
}

typedef struct
{
  Fixture              *fixture;
  RectifyNonconformity *nc;
  RectifyBoardCard     *card;
} FindCard;

static gboolean
card_found (gpointer data)
{
  FindCard *find = data;

  find->card = find_card_in (GTK_WIDGET (find->fixture->board), find->nc);
  return find->card != NULL;
}

/* Scrolls the column of @nc to it and returns its card on screen. */
static RectifyBoardCard *
show_card (Fixture              *fixture,
           RectifyNonconformity *nc)
{
  RectifyStatus status = rectify_nonconformity_get_status (nc);
  GListModel *model = rectify_board_get_column_model (fixture->board, status);
  FindCard find = { fixture, nc, NULL };

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RectifyNonconformity) item = g_list_model_get_item (model, i);

      if (item == nc)
        gtk_widget_activate_action (rectify_board_get_column_view (fixture->board, status),
                                    "list.scroll-to-item", "u", i);
    }

  g_assert_true (test_ui_iterate_until (card_found, &find, 5000));
  test_ui_iterate_for (100);
  return find_card_in (GTK_WIDGET (fixture->board), nc);
}

/* An open NC whose gates for the next status are met (@can_move) or not. */
static RectifyNonconformity *
find_nc (RectifyRegister *reg,
         gboolean         can_move)
{
  GListModel *ncs = rectify_register_get_nonconformities (reg);

  for (guint i = 0; i < g_list_model_get_n_items (ncs); i++)
    {
      g_autoptr(RectifyNonconformity) nc = g_list_model_get_item (ncs, i);
      RectifyStatus status = rectify_nonconformity_get_status (nc);

      if (status == RECTIFY_STATUS_CLOSED)
        continue;
      if (rectify_register_can_move (reg, nc, status + 1, NULL) == can_move)
        return nc;
    }

  return NULL;
}

static RectifyStatus
status_in_file (const char *path,
                const char *ref)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = rectify_register_open (path, &error);
  RectifyNonconformity *nc;

  g_assert_no_error (error);
  nc = rectify_register_find_nonconformity (reg, ref);
  g_assert_nonnull (nc);
  return rectify_nonconformity_get_status (nc);
}

static gboolean
is_major (gpointer item,
          gpointer data)
{
  return rectify_nonconformity_get_grade (item) == RECTIFY_GRADE_MAJOR;
}

static void
test_counts (Fixture       *fixture,
             gconstpointer  data)
{
  guint total = 0;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  assert_counts (fixture);
  for (RectifyStatus s = 0; s < RECTIFY_N_STATUSES; s++)
    {
      guint n = g_list_model_get_n_items (rectify_board_get_column_model (fixture->board, s));

      g_test_message ("%s: %u", rectify_enum_to_nick (RECTIFY_TYPE_STATUS, s), n);
      total += n;
    }
  g_assert_cmpuint (total, ==,
                    g_list_model_get_n_items (rectify_register_get_nonconformities (fixture->reg)));
  g_assert_cmpuint (total, >=, 20);

  /* A shared filter model: the board shows only what it lets through. */
  {
    GListModel *ncs = rectify_register_get_nonconformities (fixture->reg);
    g_autoptr(GtkFilterListModel) majors = NULL;
    guint n_majors = 0;
    guint shown = 0;

    for (guint i = 0; i < g_list_model_get_n_items (ncs); i++)
      {
        g_autoptr(RectifyNonconformity) nc = g_list_model_get_item (ncs, i);

        n_majors += rectify_nonconformity_get_grade (nc) == RECTIFY_GRADE_MAJOR;
      }
    g_assert_cmpuint (n_majors, >, 0);

    majors = gtk_filter_list_model_new (g_object_ref (ncs),
                                        GTK_FILTER (gtk_custom_filter_new (is_major, NULL, NULL)));
    rectify_board_set_filter_model (fixture->board, G_LIST_MODEL (majors));
    for (RectifyStatus s = 0; s < RECTIFY_N_STATUSES; s++)
      shown += g_list_model_get_n_items (rectify_board_get_column_model (fixture->board, s));
    g_assert_cmpuint (shown, ==, n_majors);

    rectify_board_set_filter_model (fixture->board, NULL);
    assert_counts (fixture);
  }
}

static void
test_keyboard_move (Fixture       *fixture,
                    gconstpointer  data)
{
  RectifyNonconformity *nc;
  RectifyBoardCard *card;
  g_autofree char *ref = NULL;
  RectifyStatus from;
  guint n_from;
  guint n_to;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  nc = find_nc (fixture->reg, TRUE);
  g_assert_nonnull (nc);
  ref = g_strdup (rectify_nonconformity_get_ref (nc));
  from = rectify_nonconformity_get_status (nc);
  n_from = g_list_model_get_n_items (rectify_board_get_column_model (fixture->board, from));
  n_to = g_list_model_get_n_items (rectify_board_get_column_model (fixture->board, from + 1));
  g_test_message ("moving %s from %s", ref, rectify_enum_to_nick (RECTIFY_TYPE_STATUS, from));

  card = show_card (fixture, nc);
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "card.move-next", NULL));

  g_assert_cmpuint (fixture->n_moved, ==, 1);
  g_assert_cmpuint (fixture->n_refused, ==, 0);
  g_assert_cmpint (fixture->moved_from, ==, from);
  g_assert_cmpint (fixture->moved_to, ==, from + 1);
  g_assert_cmpint (rectify_nonconformity_get_status (nc), ==, from + 1);
  g_assert_cmpuint (g_list_model_get_n_items (rectify_board_get_column_model (fixture->board, from)),
                    ==, n_from - 1);
  g_assert_cmpuint (g_list_model_get_n_items (rectify_board_get_column_model (fixture->board, from + 1)),
                    ==, n_to + 1);
  assert_counts (fixture);
  g_assert_nonnull (strstr (rectify_board_get_last_message (fixture->board), ref));

  /* The card is on screen in its new column, and the file has the new status. */
  card = show_card (fixture, nc);
  g_assert_nonnull (card);
  g_assert_cmpint (status_in_file (fixture->path, ref), ==, from + 1);

  /* Back with the focus on the card and Alt+Left's action. */
  gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (card)));
  test_ui_iterate_for (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->board),
                                             "board.focused-move-previous", NULL));
  g_assert_cmpuint (fixture->n_moved, ==, 2);
  g_assert_cmpint (fixture->moved_to, ==, from);
  g_assert_cmpint (rectify_nonconformity_get_status (nc), ==, from);
  assert_counts (fixture);
  g_assert_cmpint (status_in_file (fixture->path, ref), ==, from);

  /* "Open" asks the window to open the editor. */
  card = show_card (fixture, nc);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "card.open", NULL));
  g_assert_cmpuint (fixture->n_activated, ==, 1);
}

static void
test_refused_move (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(RectifyNonconformity) fresh = rectify_nonconformity_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *today = rectify_date_today ();
  RectifyNonconformity *nc;
  RectifyBoardCard *card;
  RectifyStatus from;
  guint n_from;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  /* A new NC with a title only: the statement is the first thing missing. */
  g_object_set (fresh, "title", "Board refusal check", "reported-on", today, NULL);
  g_assert_true (rectify_register_add (fixture->reg, RECTIFY_ENTITY (fresh), &error));
  g_assert_no_error (error);
  test_ui_iterate_for (50);
  assert_counts (fixture);

  nc = fresh;
  from = rectify_nonconformity_get_status (nc);
  g_assert_cmpint (from, ==, RECTIFY_STATUS_REPORTED);
  n_from = g_list_model_get_n_items (rectify_board_get_column_model (fixture->board, from));

  card = show_card (fixture, nc);
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "card.move-next", NULL));

  g_assert_cmpuint (fixture->n_moved, ==, 0);
  g_assert_cmpuint (fixture->n_refused, ==, 1);
  g_assert_cmpint (fixture->refused_condition, ==, RECTIFY_WORKFLOW_CONDITION_STATEMENT);
  g_test_message ("refused: %s", fixture->refused_message);
  g_assert_nonnull (strstr (fixture->refused_message, "statement"));
  g_assert_nonnull (strstr (fixture->refused_message, rectify_nonconformity_get_ref (nc)));
  g_assert_cmpstr (rectify_board_get_last_message (fixture->board), ==, fixture->refused_message);
  g_assert_cmpint (rectify_nonconformity_get_status (nc), ==, from);
  g_assert_cmpuint (g_list_model_get_n_items (rectify_board_get_column_model (fixture->board, from)),
                    ==, n_from);
  g_assert_nonnull (show_card (fixture, nc));
  g_assert_cmpint (status_in_file (fixture->path, rectify_nonconformity_get_ref (nc)), ==, from);

  /* A skip over a column is refused as well. */
  g_assert_false (rectify_board_move (fixture->board, nc, RECTIFY_STATUS_IMPLEMENTATION));
  g_assert_cmpuint (fixture->n_refused, ==, 2);
  g_assert_cmpint (rectify_nonconformity_get_status (nc), ==, from);
}

static void
collect_label_text (GtkWidget *widget,
                    GString   *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (text, "%s|", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_label_text (child, text);
}

static char *
card_text (RectifyBoardCard *card)
{
  GString *text = g_string_new (NULL);

  collect_label_text (GTK_WIDGET (card), text);
  return g_string_free (text, FALSE);
}

typedef struct
{
  RectifyBoardCard *card;
  const char       *needle;
} CardShows;

static gboolean
card_shows (gpointer data)
{
  CardShows *shows = data;
  g_autofree char *text = card_text (shows->card);

  return strstr (text, shows->needle) != NULL;
}

/* The action progress on a card follows a change to one of its actions. */
static void
test_progress (Fixture       *fixture,
               gconstpointer  data)
{
  GListModel *ncs;
  g_autoptr(RectifyNonconformity) nc = NULL;
  g_autoptr(RectifyAction) open_action = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RectifyBoardCard *card;
  guint total = 0;
  guint done = 0;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  ncs = rectify_register_get_nonconformities (fixture->reg);
  for (guint i = 0; i < g_list_model_get_n_items (ncs) && open_action == NULL; i++)
    {
      g_autoptr(RectifyNonconformity) item = g_list_model_get_item (ncs, i);
      g_autoptr(GListModel) actions = rectify_register_list_actions_for (fixture->reg, item);

      total = done = 0;
      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(RectifyAction) action = g_list_model_get_item (actions, j);
          RectifyActionStatus status = rectify_action_get_status (action);

          if (status == RECTIFY_ACTION_STATUS_CANCELLED)
            continue;
          total++;
          if (status == RECTIFY_ACTION_STATUS_DONE)
            done++;
          else if (open_action == NULL)
            open_action = g_object_ref (action);
        }
      if (open_action != NULL)
        nc = g_object_ref (item);
    }
  g_assert_nonnull (open_action);

  card = show_card (fixture, nc);
  g_assert_nonnull (card);
  before = g_strdup_printf ("%u/%u action", done, total);
  g_assert_true (test_ui_iterate_until (card_shows, &(CardShows) { card, before }, 2000));

  g_assert_true (rectify_register_update_enum (fixture->reg, RECTIFY_ENTITY (open_action), "status",
                                               RECTIFY_ACTION_STATUS_DONE, &error));
  g_assert_no_error (error);
  after = g_strdup_printf ("%u/%u action", done + 1, total);
  card = show_card (fixture, nc);
  g_assert_true (test_ui_iterate_until (card_shows, &(CardShows) { card, after }, 2000));
}

static void
test_card_text (void)
{
  g_autoptr(RectifyNonconformity) nc = rectify_nonconformity_new ();
  g_autofree char *due = NULL;
  g_autofree char *late = NULL;
  g_autofree char *age = NULL;
  g_autofree char *label = NULL;

  g_object_set (nc, "ref", "NC-012", "title", "Mailbox compromise", "grade", RECTIFY_GRADE_MAJOR,
                "reported-on", "2026-05-06", "due-on", "2026-06-20", NULL);
  due = rectify_board_format_due (nc, "2026-06-15");
  g_assert_cmpstr (due, ==, "5 days left");
  age = rectify_board_format_age (nc, "2026-06-15");
  g_assert_cmpstr (age, ==, "reported 40 days ago");

  g_object_set (nc, "due-on", "2026-06-12", NULL);
  late = rectify_board_format_due (nc, "2026-06-15");
  g_assert_cmpstr (late, ==, "3 days overdue");
  label = rectify_board_card_describe (nc, "2026-06-15");
  g_assert_cmpstr (label, ==, "NC-012, Major, Mailbox compromise, 3 days overdue");
}

#ifdef GDK_WINDOWING_X11
static gboolean
subprocess_done (gpointer data)
{
  return *(gboolean *)data;
}

static void
wait_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *(gboolean *)data = TRUE;
}

static gboolean
nc_moved (gpointer data)
{
  Fixture *fixture = data;

  return fixture->n_moved > 0 || fixture->n_refused > 0;
}
#endif

#ifdef GDK_WINDOWING_X11
static gboolean
card_has_focus (gpointer data)
{
  GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (data));

  return row != NULL && gtk_widget_has_focus (row);
}

static gboolean
window_active (gpointer data)
{
  return gtk_window_is_active (GTK_WINDOW (data));
}

static void
send_keys (Fixture    *fixture,
           const char *xdotool,
           const char *keys)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (fixture->window));
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  const char *focus_argv[] = { xdotool, "windowfocus", "--sync", xid, NULL };
  const char *argv[] = { xdotool, "key", "--clearmodifiers", keys, NULL };
  g_autoptr(GSubprocess) focus_proc = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  gboolean focused = FALSE;
  gboolean done = FALSE;

  /* Without a window manager nothing gives the window the X input focus: take it first, and
   * wait until GTK knows; then the keys go through XTEST like a real keyboard's, to the window
   * with the focus (a synthetic event sent to the window is not always taken). */
  focus_proc = g_subprocess_newv (focus_argv, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_async (focus_proc, NULL, wait_cb, &focused);
  g_assert_true (test_ui_iterate_until (subprocess_done, &focused, 10000));
  g_assert_true (test_ui_iterate_until (window_active, fixture->window, 3000));

  proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_async (proc, NULL, wait_cb, &done);
  g_assert_true (test_ui_iterate_until (subprocess_done, &done, 10000));
}
#endif
/* The view of the first non-empty column after @status in @direction. */
static GtkWidget *
column_after (RectifyBoard  *board,
              RectifyStatus  status,
              int            direction)
{
  for (int i = (int)status + direction; i >= 0 && i < RECTIFY_N_STATUSES; i += direction)
    if (g_list_model_get_n_items (rectify_board_get_column_model (board, i)) > 0)
      return rectify_board_get_column_view (board, i);

  return NULL;
}

static gboolean
popover_shown (gpointer data)
{
  RectifyBoardCard *card = data;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (card));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child) && gtk_widget_get_visible (child))
      return TRUE;

  return FALSE;
}

/* Real key presses through the X server: Alt+Right on a focused card moves it, and Menu opens
 * its menu. */
static void
test_real_keys (Fixture       *fixture,
                gconstpointer  data)
{
#ifdef GDK_WINDOWING_X11
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autofree char *ref = NULL;
  RectifyNonconformity *nc;
  RectifyBoardCard *card;
  GdkSurface *surface;
  RectifyStatus from;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  if (xdotool == NULL)
    {
      g_test_skip ("xdotool is not installed");
      return;
    }
  surface = gtk_native_get_surface (GTK_NATIVE (fixture->window));
  if (!GDK_IS_X11_SURFACE (surface))
    {
      g_test_skip ("not an X11 display");
      return;
    }

  nc = find_nc (fixture->reg, TRUE);
  g_assert_nonnull (nc);
  ref = g_strdup (rectify_nonconformity_get_ref (nc));
  from = rectify_nonconformity_get_status (nc);
  card = show_card (fixture, nc);
  g_assert_nonnull (card);
  gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (card)));
  test_ui_iterate_for (100);

  send_keys (fixture, xdotool, "alt+Right");
  g_assert_true (test_ui_iterate_until (nc_moved, fixture, 3000));
  g_assert_cmpuint (fixture->n_moved, ==, 1);
  g_assert_cmpint (rectify_nonconformity_get_status (nc), ==, from + 1);
  assert_counts (fixture);
  g_assert_cmpint (status_in_file (fixture->path, ref), ==, from + 1);

  /* The focus followed the card into its new column: Menu opens its menu there. */
  card = show_card (fixture, nc);
  g_assert_nonnull (card);
  g_assert_true (test_ui_iterate_until (card_has_focus, card, 3000));
  send_keys (fixture, xdotool, "Menu");
  g_assert_true (test_ui_iterate_until (popover_shown, card, 3000));
  send_keys (fixture, xdotool, "Escape");
  test_ui_iterate_for (200);

  /* Right and Left go from column to column. */
  {
    GtkWidget *here = rectify_board_get_column_view (fixture->board, from + 1);
    GtkWidget *focus;

    gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (card)));
    test_ui_iterate_for (100);
    send_keys (fixture, xdotool, "Right");
    test_ui_iterate_for (300);
    focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
    g_assert_nonnull (focus);
    g_assert_false (gtk_widget_is_ancestor (focus, here));
    g_assert_true (gtk_widget_is_ancestor (focus, column_after (fixture->board, from + 1, 1)));
    send_keys (fixture, xdotool, "Left");
    test_ui_iterate_for (300);
    focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
    g_assert_true (gtk_widget_is_ancestor (focus, here));
  }
#else
  g_test_skip ("not built with X11");
#endif
}

static void
test_pointer_drag (Fixture       *fixture,
                   gconstpointer  data)
{
#ifdef GDK_WINDOWING_X11
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autoptr(GPtrArray) argv = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ref = NULL;
  RectifyNonconformity *nc;
  RectifyBoardCard *card;
  GtkWidget *target;
  GdkSurface *surface;
  RectifyStatus from;
  graphene_point_t start, end;
  double sx, sy;
  gboolean done = FALSE;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  if (xdotool == NULL)
    {
      g_test_skip ("xdotool is not installed");
      return;
    }
  surface = gtk_native_get_surface (GTK_NATIVE (fixture->window));
  if (!GDK_IS_X11_SURFACE (surface))
    {
      g_test_skip ("not an X11 display");
      return;
    }

  nc = find_nc (fixture->reg, TRUE);
  g_assert_nonnull (nc);
  ref = g_strdup (rectify_nonconformity_get_ref (nc));
  from = rectify_nonconformity_get_status (nc);
  card = show_card (fixture, nc);
  g_assert_nonnull (card);

  /* The next column: make sure it is on screen (the window is wide enough for a few columns). */
  target = rectify_board_get_column_view (fixture->board, from + 1);
  target = gtk_widget_get_ancestor (gtk_widget_get_parent (target), GTK_TYPE_BOX);
  gtk_widget_grab_focus (rectify_board_get_column_view (fixture->board, from + 1));
  test_ui_iterate_for (200);
  card = show_card (fixture, nc);
  g_assert_nonnull (card);

  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (card), fixture->window,
                                           &GRAPHENE_POINT_INIT (40, 20), &start));
  g_assert_true (gtk_widget_compute_point (target, fixture->window,
                                           &GRAPHENE_POINT_INIT (140, 60), &end));
  gtk_native_get_surface_transform (GTK_NATIVE (fixture->window), &sx, &sy);
  start.x += sx; start.y += sy; end.x += sx; end.y += sy;
  g_assert_cmpfloat (end.x, <, gtk_widget_get_width (fixture->window));

  argv = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (argv, g_strdup (xdotool));
#define ADD(...) g_ptr_array_add (argv, g_strdup_printf (__VA_ARGS__))
  ADD ("mousemove"); ADD ("--window"); ADD ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  ADD ("%d", (int)start.x); ADD ("%d", (int)start.y);
  ADD ("sleep"); ADD ("0.2");
  ADD ("mousedown"); ADD ("1");
  ADD ("sleep"); ADD ("0.2");
  for (int i = 1; i <= 20; i++)
    {
      double t = i / 20.0;

      ADD ("mousemove"); ADD ("--window"); ADD ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
      ADD ("%d", (int)(start.x + (end.x - start.x) * t));
      ADD ("%d", (int)(start.y + (end.y - start.y) * t));
      ADD ("sleep"); ADD ("0.05");
    }
  ADD ("sleep"); ADD ("0.2");
  ADD ("mouseup"); ADD ("1");
#undef ADD
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char * const *)argv->pdata, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_async (proc, NULL, wait_cb, &done);
  g_assert_true (test_ui_iterate_until (subprocess_done, &done, 20000));
  g_assert_true (test_ui_iterate_until (nc_moved, fixture, 3000));

  g_assert_cmpuint (fixture->n_moved, ==, 1);
  g_assert_cmpint (fixture->moved_from, ==, from);
  g_assert_cmpint (fixture->moved_to, ==, from + 1);
  assert_counts (fixture);
  g_assert_cmpint (status_in_file (fixture->path, ref), ==, from + 1);
#else
  g_test_skip ("not built with X11");
#endif
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "none", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add_func ("/Rectify/Board/card-text", test_card_text);
  g_test_add ("/Rectify/Board/counts", Fixture, NULL, fixture_set_up, test_counts, fixture_tear_down);
  g_test_add ("/Rectify/Board/keyboard-move", Fixture, NULL, fixture_set_up, test_keyboard_move,
              fixture_tear_down);
  g_test_add ("/Rectify/Board/refused-move", Fixture, NULL, fixture_set_up, test_refused_move,
              fixture_tear_down);
  g_test_add ("/Rectify/Board/progress", Fixture, NULL, fixture_set_up, test_progress,
              fixture_tear_down);
  g_test_add ("/Rectify/Board/real-keys", Fixture, NULL, fixture_set_up, test_real_keys,
              fixture_tear_down);
  g_test_add ("/Rectify/Board/pointer-drag", Fixture, NULL, fixture_set_up, test_pointer_drag,
              fixture_tear_down);

  return g_test_run ();
}
