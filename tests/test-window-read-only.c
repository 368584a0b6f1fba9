/* test-window-read-only.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A register that cannot be written (issue #9) opens for reading only: the window says so (its
 * subtitle and title, a banner), and every action that would change the register is disabled,
 * its buttons insensitive, in the window, the editor, the board, the analysis window, the action
 * dialog and the preferences; what only reads (search, export, zoom) still works; and the file
 * is left as it was, with nothing written beside it.
 *
 * As a user that file modes apply to, the register's folder and file are made read-only
 * (chmod). As root, where chmod does not stop writes, the test takes a mount namespace of its own
 * (unshare, before any thread starts) and puts the register on a tmpfs remounted read-only, as
 * test-cli-faults does with the command line. Where neither is possible the tests are skipped.
 */

#define _GNU_SOURCE   /* unshare () */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include "rectify-action-dialog.h"
#include "rectify-analysis-window.h"
#include "rectify-board.h"
#include "rectify-demo.h"
#include "rectify-nc-editor.h"
#include "rectify-preferences-window.h"
#include "rectify-settings.h"
#include "rectify-window-private.h"
#include "test-ui-common.h"

static gboolean            have_display;
static RectifyApplication *app;
static char               *dir;          /* the read-only folder (or mount point) */
static char               *path;         /* dir/Demo.rectify */
static gboolean            mounted;      /* dir is a tmpfs of our own mount namespace */
static const char         *skip_reason;  /* set when no read-only register could be made */
static char               *snapshot_before;

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* The names, sizes and SHA-256 of the files in @folder. */
static char *
snapshot (const char *folder)
{
  g_autoptr(GDir) d = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (folder, names->pdata[i], NULL);
      g_autofree char *contents = NULL;
      g_autofree char *digest = NULL;
      gsize len = 0;

      g_assert_true (g_file_get_contents (file, &contents, &len, NULL));
      digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, len);
      g_string_append_printf (out, "%s %" G_GSIZE_FORMAT " %s\n",
                              (char *)names->pdata[i], len, digest);
    }

  return g_string_free (out, FALSE);
}

static void
make_demo_register (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = rectify_register_create (path, &error);

  g_assert_no_error (error);
  rectify_demo_populate (reg, NULL, &error);
  g_assert_no_error (error);
}

/* Before any thread starts (a mount namespace is a thread's own): the demo register in a folder
 * that cannot be written. */
static void
prepare_read_only_register (void)
{
  g_autoptr(GError) error = NULL;

  dir = g_dir_make_tmp ("rectify-read-only-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "Demo.rectify", NULL);

  if (geteuid () != 0)
    {
      make_demo_register ();
      g_assert_cmpint (g_chmod (path, 0444), ==, 0);
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
      if (access (dir, W_OK) == 0 || access (path, W_OK) == 0)
        skip_reason = "chmod does not stop this user from writing (capabilities?)";
      return;
    }

  /* Root: a tmpfs of a mount namespace of our own, remounted read-only */
  if (unshare (CLONE_NEWNS) != 0 ||
      mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
      mount ("tmpfs", dir, "tmpfs", 0, "size=16m") != 0)
    {
      skip_reason = "no mount namespace of our own here (unshare, mount)";
      return;
    }
  mounted = TRUE;
  make_demo_register ();
  if (mount ("tmpfs", dir, "tmpfs", MS_REMOUNT | MS_RDONLY, "size=16m") != 0)
    skip_reason = "cannot remount a tmpfs read-only here";
}

static void
remove_read_only_register (void)
{
  if (mounted)
    {
      umount2 (dir, MNT_DETACH);
    }
  else
    {
      g_chmod (dir, 0755);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static gboolean
skip_unless_ready (void)
{
  if (!have_display)
    {
      g_test_skip ("no display");
      return TRUE;
    }
  if (skip_reason != NULL)
    {
      g_test_skip (skip_reason);
      return TRUE;
    }
  return FALSE;
}

/* The first widget under @root (itself included) that is actionable with @action_name. */
static GtkWidget *
find_actionable (GtkWidget  *root,
                 const char *action_name)
{
  if (GTK_IS_ACTIONABLE (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
assert_action_button (GtkWidget  *root,
                      const char *action_name,
                      gboolean    sensitive)
{
  GtkWidget *button = find_actionable (root, action_name);

  if (button == NULL)
    g_error ("no button for %s", action_name);
  g_assert_cmpint (gtk_widget_is_sensitive (button), ==, sensitive);
}

static GtkWidget *
find_of_type (GtkWidget *root,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_of_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
label_contains (GtkWidget  *root,
                const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_drawable (root) &&
      strstr (gtk_label_get_label (GTK_LABEL (root)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (label_contains (child, text))
      return TRUE;

  return FALSE;
}

/* The window shows that the register is read-only, and offers no change. */
static void
test_window (void)
{
  RectifyWindow *window;
  RectifyRegister *reg;
  GtkWidget *title;
  guint n_ncs;

  if (skip_unless_ready ())
    return;

  window = test_ui_open_window (app, path);
  reg = rectify_window_get_register (window);
  g_assert_nonnull (reg);
  g_assert_true (rectify_register_is_read_only (reg));
  n_ncs = g_list_model_get_n_items (rectify_register_get_nonconformities (reg));
  g_assert_cmpuint (n_ncs, >, 0);

  /* It says so: the title, the subtitle and a banner */
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "(Read-Only)"));
  title = find_of_type (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE);
  g_assert_nonnull (title);
  g_assert_true (g_str_has_suffix (adw_view_switcher_title_get_subtitle (ADW_VIEW_SWITCHER_TITLE (title)),
                                   "Read-Only"));
  g_assert_true (label_contains (GTK_WIDGET (window), "This register is read-only"));

  /* No new NC, no import, no undo; export, search still there */
  assert_action_button (GTK_WIDGET (window), "win.new-nc", FALSE);
  assert_action_button (GTK_WIDGET (window), "win.export", TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-nc", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL));
  test_ui_iterate_for (200);
  g_assert_cmpuint (g_list_model_get_n_items (rectify_register_get_nonconformities (reg)), ==,
                    n_ncs);
  g_assert_true (rectify_window_get_register (window) == reg);

  /* Search reads */
  gtk_editable_set_text (_rectify_window_get_search_entry (window), "procedure");
  test_ui_iterate_for (600);
  g_assert_nonnull (strstr (gtk_label_get_text (_rectify_window_get_count_label (window)), " of "));
  gtk_editable_set_text (_rectify_window_get_search_entry (window), "");

  test_ui_destroy (GTK_WIDGET (window));
}

/* The editor shows an NC, and nothing in it can be changed. */
static void
test_editor (void)
{
  g_autoptr(RectifyNonconformity) nc = NULL;
  RectifyWindow *window;
  RectifyNcEditor *editor;
  RectifyRegister *reg;
  GtkWidget *title;

  if (skip_unless_ready ())
    return;

  window = test_ui_open_window (app, path);
  reg = rectify_window_get_register (window);
  nc = g_object_ref (test_ui_find_analysed_nc (reg));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-nc", "x",
                                             rectify_entity_get_id (RECTIFY_ENTITY (nc))));
  test_ui_iterate_for (300);
  editor = _rectify_window_get_editor (window);
  g_assert_true (rectify_nc_editor_get_nonconformity (editor) == nc);

  /* Text fields keep their text, readable but not editable */
  title = GTK_WIDGET (_rectify_nc_editor_get_title_editable (editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==,
                   rectify_nonconformity_get_title (nc));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (title)));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (_rectify_nc_editor_get_child (editor, "statement_view"))));
  g_assert_false (gtk_widget_is_sensitive (_rectify_nc_editor_get_child (editor, "grade_row")));
  g_assert_false (gtk_widget_is_sensitive (_rectify_nc_editor_get_child (editor, "reported_on_button")));
  g_assert_false (gtk_widget_is_sensitive (_rectify_nc_editor_get_child (editor, "not_needed_switch")));

  /* No move, no new cause or action, no link, no approval or verification, no audit */
  g_assert_false (gtk_widget_is_sensitive (_rectify_nc_editor_get_child (editor, "move_button")));
  g_assert_false (gtk_widget_is_sensitive (_rectify_nc_editor_get_child (editor, "add_cause_button")));
  g_assert_false (gtk_widget_is_sensitive (_rectify_nc_editor_get_child (editor, "add_action_button")));
  g_assert_false (gtk_widget_is_sensitive (_rectify_nc_editor_get_child (editor, "link_action_button")));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (_rectify_nc_editor_get_child (editor, "approval_by_row"))));
  g_assert_false (gtk_widget_is_sensitive (_rectify_nc_editor_get_child (editor, "approval_role_row")));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (_rectify_nc_editor_get_child (editor, "verifier_row"))));
  g_assert_false (gtk_widget_is_sensitive (_rectify_nc_editor_get_child (editor, "verification_result_row")));
  assert_action_button (GTK_WIDGET (editor), "editor.record-approval", FALSE);
  assert_action_button (GTK_WIDGET (editor), "editor.record-verification", FALSE);
  assert_action_button (GTK_WIDGET (editor), "editor.new-audit", FALSE);
  assert_action_button (GTK_WIDGET (editor), "evidence.attach", FALSE);
  /* ... but the analysis opens, to be read */
  assert_action_button (GTK_WIDGET (editor), "editor.root-cause-analysis", TRUE);

  /* Even a forced move is refused, quietly */
  {
    RectifyStatus before = rectify_nonconformity_get_status (nc);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.move-next", NULL));
    test_ui_iterate_for (100);
    g_assert_cmpint (rectify_nonconformity_get_status (nc), ==, before);
  }

  test_ui_destroy (GTK_WIDGET (window));
}

/* The board moves nothing: its moves are disabled, and a drop is refused. */
static void
test_board (void)
{
  RectifyWindow *window;
  RectifyBoard *board;
  RectifyRegister *reg;
  GListModel *reported;
  g_autoptr(RectifyNonconformity) nc = NULL;
  RectifyStatus before;

  if (skip_unless_ready ())
    return;

  window = test_ui_open_window (app, path);
  reg = rectify_window_get_register (window);
  adw_view_stack_set_visible_child_name (_rectify_window_get_view_stack (window), "board");
  test_ui_iterate_for (300);
  board = _rectify_window_get_board (window);
  g_assert_true (rectify_board_get_register (board) == reg);

  reported = rectify_board_get_column_model (board, RECTIFY_STATUS_ANALYSIS);
  g_assert_cmpuint (g_list_model_get_n_items (reported), >, 0);
  nc = g_list_model_get_item (reported, 0);
  before = rectify_nonconformity_get_status (nc);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (board), "board.move-previous", "x",
                                             rectify_entity_get_id (RECTIFY_ENTITY (nc))));
  g_assert_false (rectify_board_move (board, nc, RECTIFY_STATUS_REPORTED));
  test_ui_iterate_for (100);
  g_assert_cmpint (rectify_nonconformity_get_status (nc), ==, before);

  test_ui_destroy (GTK_WIDGET (window));
}

/* The analysis window shows the fishbone and the 5 Whys, zooms and exports, changes nothing. */
static void
test_analysis (void)
{
  RectifyWindow *window;
  RectifyRegister *reg;
  RectifyNonconformity *nc;
  GtkWidget *analysis;

  if (skip_unless_ready ())
    return;

  window = test_ui_open_window (app, path);
  reg = rectify_window_get_register (window);
  nc = test_ui_find_analysed_nc (reg);
  rectify_analysis_window_present (GTK_WINDOW (window), reg, nc);
  analysis = rectify_analysis_window_lookup (reg, nc);
  g_assert_nonnull (analysis);
  test_ui_iterate_for (300);

  assert_action_button (analysis, "analysis.add-cause", FALSE);
  assert_action_button (analysis, "analysis.zoom-in", TRUE);
  assert_action_button (analysis, "analysis.export", TRUE);
  g_assert_false (gtk_widget_is_sensitive (_rectify_analysis_window_get_categories_button (RECTIFY_ANALYSIS_WINDOW (analysis))));
  g_assert_true (gtk_widget_activate_action (analysis, "analysis.add-cause", NULL));
  test_ui_iterate_for (100);

  test_ui_destroy (analysis);
  test_ui_destroy (GTK_WIDGET (window));
}

/* An action's dialog and the register's preferences show their values, locked. */
static void
test_dialogs (void)
{
  g_autoptr(GSettings) settings = rectify_settings_new ();
  g_autoptr(RectifyAction) action = NULL;
  RectifyWindow *window;
  RectifyRegister *reg;
  GtkWidget *dialog;
  GtkWidget *prefs;

  if (skip_unless_ready ())
    return;

  window = test_ui_open_window (app, path);
  reg = rectify_window_get_register (window);
  action = g_list_model_get_item (rectify_register_get_actions (reg), 0);
  g_assert_nonnull (action);

  dialog = rectify_action_dialog_new (GTK_WINDOW (window), reg, NULL, action);
  gtk_window_present (GTK_WINDOW (dialog));
  test_ui_iterate_for (200);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_rectify_action_dialog_get_field (RECTIFY_ACTION_DIALOG (dialog), "title"))),
                   ==, rectify_action_get_title (action));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (_rectify_action_dialog_get_field (RECTIFY_ACTION_DIALOG (dialog), "owner"))));
  g_assert_false (gtk_widget_is_sensitive (_rectify_action_dialog_get_field (RECTIFY_ACTION_DIALOG (dialog), "status")));
  g_assert_false (gtk_widget_is_sensitive (_rectify_action_dialog_get_field (RECTIFY_ACTION_DIALOG (dialog), "target-on")));
  test_ui_destroy (dialog);

  prefs = rectify_preferences_window_new (GTK_WINDOW (window), settings, reg);
  gtk_window_present (GTK_WINDOW (prefs));
  test_ui_iterate_for (200);
  g_assert_false (gtk_widget_is_sensitive (_rectify_preferences_window_get_categories_view (RECTIFY_PREFERENCES_WINDOW (prefs))));
  g_assert_false (gtk_widget_is_sensitive (_rectify_preferences_window_get_policy_widget (RECTIFY_PREFERENCES_WINDOW (prefs), TRUE, "policy.major-days")));
  test_ui_destroy (prefs);

  test_ui_destroy (GTK_WIDGET (window));
}

/* After all that, the register and its folder are as they were. */
static void
test_untouched (void)
{
  g_autofree char *after = NULL;

  if (skip_unless_ready ())
    return;

  after = snapshot (dir);
  g_assert_cmpstr (after, ==, snapshot_before);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* First: a mount namespace must be taken before any thread starts */
  prepare_read_only_register ();

  g_test_init (&argc, &argv, NULL);

  have_display = gtk_init_check ();
  if (have_display)
    {
      adw_init ();
      app = test_ui_new_application ("ReadOnly");
    }
  if (skip_reason == NULL)
    snapshot_before = snapshot (dir);

  g_test_add_func ("/Rectify/WindowReadOnly/window", test_window);
  g_test_add_func ("/Rectify/WindowReadOnly/editor", test_editor);
  g_test_add_func ("/Rectify/WindowReadOnly/board", test_board);
  g_test_add_func ("/Rectify/WindowReadOnly/analysis", test_analysis);
  g_test_add_func ("/Rectify/WindowReadOnly/dialogs", test_dialogs);
  g_test_add_func ("/Rectify/WindowReadOnly/untouched", test_untouched);

  status = g_test_run ();

  g_clear_object (&app);
  remove_read_only_register ();
  g_clear_pointer (&snapshot_before, g_free);
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&dir, g_free);

  return status;
}
