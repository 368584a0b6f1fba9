/* test-analysis.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The root cause analysis window on a real register under a real display (Xvfb): the fishbone
 * widget (selection by click, adding, root marks, moving between bones, removal and its undo,
 * drawing in light and dark), its outline and the 5 Whys, with every change checked in the file.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "rectify-analysis-window.h"
#include "rectify-demo.h"
#include "rectify-fishbone-view.h"
#include "rectify-five-whys.h"
#include "rectify-nc-editor.h"
#include "rectify-register.h"
#include "test-log.h"
#include "test-ui-common.h"

static gboolean have_display;

typedef struct
{
  char                  *dir;
  char                  *path;
  RectifyRegister       *reg;
  RectifyNonconformity  *nc;      /* an NC with a why-chain */
  RectifyAnalysisWindow *window;
  RectifyFishboneView   *view;
} Fixture;

/* Mapped, and on a monitor: X has told GDK where the window is, so popovers can be placed
 * (before that GDK 4.8 asks for the geometry of no monitor). */
static gboolean
is_placed (gpointer data)
{
  GtkNative *native = GTK_NATIVE (data);
  GdkSurface *surface = gtk_native_get_surface (native);

  return gtk_widget_get_mapped (GTK_WIDGET (data)) && surface != NULL &&
         gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface) != NULL;
}

static guint
count_causes (RectifyRegister      *reg,
              RectifyNonconformity *nc)
{
  g_autoptr(GListModel) causes = rectify_register_list_causes (reg, nc);

  return g_list_model_get_n_items (causes);
}

static RectifyCause *
find_cause (RectifyRegister      *reg,
            RectifyNonconformity *nc,
            const char           *text)
{
  g_autoptr(GListModel) causes = rectify_register_list_causes (reg, nc);

  for (guint i = 0; i < g_list_model_get_n_items (causes); i++)
    {
      g_autoptr(RectifyCause) cause = g_list_model_get_item (causes, i);

      if (g_strcmp0 (rectify_cause_get_text (cause), text) == 0)
        return g_steal_pointer (&cause);
    }

  return NULL;
}

/* A top-level cause that has sub-causes, 0 if none. */
static gint64
find_chain_top (RectifyRegister      *reg,
                RectifyNonconformity *nc)
{
  g_autoptr(GListModel) causes = rectify_register_list_causes (reg, nc);
  guint n = g_list_model_get_n_items (causes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RectifyCause) child = g_list_model_get_item (causes, i);
      gint64 parent_id = rectify_cause_get_parent_id (child);

      for (guint j = 0; parent_id != 0 && j < n; j++)
        {
          g_autoptr(RectifyCause) parent = g_list_model_get_item (causes, j);

          if (rectify_entity_get_id (RECTIFY_ENTITY (parent)) == parent_id &&
              rectify_cause_get_parent_id (parent) == 0)
            return parent_id;
        }
    }

  return 0;
}

/* Tests run side by side on one display, with no window manager: a window of another test that
 * is presented takes the X focus, and an autohide popover closes when its window loses it. The
 * in-place editor here is closed by the tests themselves (Enter, Escape, popdown). */
static void
keep_editor_open (Fixture *fixture)
{
  GtkWidget *entry = _rectify_fishbone_view_get_editor_entry (fixture->view);

  gtk_popover_set_autohide (GTK_POPOVER (gtk_widget_get_ancestor (entry, GTK_TYPE_POPOVER)), FALSE);
}

static void
open_analysis (Fixture *fixture)
{
  rectify_analysis_window_present (NULL, fixture->reg, fixture->nc);
  fixture->window = RECTIFY_ANALYSIS_WINDOW (rectify_analysis_window_lookup (fixture->reg,
                                                                             fixture->nc));
  g_assert_nonnull (fixture->window);
  g_assert_true (test_ui_iterate_until (is_placed, fixture->window, 5000));
  test_ui_iterate_for (200);
  fixture->view = RECTIFY_FISHBONE_VIEW (_rectify_analysis_window_get_view (fixture->window));
  keep_editor_open (fixture);
}

static void
close_analysis (Fixture *fixture)
{
  gpointer weak = fixture->window;

  if (fixture->window == NULL)
    return;

  g_object_add_weak_pointer (G_OBJECT (fixture->window), &weak);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_true (test_ui_iterate_until (test_ui_is_null, &weak, 5000));
  fixture->window = NULL;
  fixture->view = NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  GListModel *ncs;

  if (!have_display)
    return;

  fixture->dir = g_dir_make_tmp ("rectify-test-analysis-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "Demo.rectify", NULL);

  fixture->reg = rectify_register_create (fixture->path, &error);
  g_assert_no_error (error);
  rectify_demo_populate (fixture->reg, "2026-06-15", &error);
  g_assert_no_error (error);

  /* The NC with the most causes that has a why-chain. */
  ncs = rectify_register_get_nonconformities (fixture->reg);
  for (guint i = 0, best = 0; i < g_list_model_get_n_items (ncs); i++)
    {
      g_autoptr(RectifyNonconformity) nc = g_list_model_get_item (ncs, i);
      guint n = count_causes (fixture->reg, nc);

      if (n > best && find_chain_top (fixture->reg, nc) != 0)
        {
          best = n;
          g_set_object (&fixture->nc, nc);
        }
    }
  g_assert_nonnull (fixture->nc);
  g_assert_cmpuint (count_causes (fixture->reg, fixture->nc), >=, 3);

  open_analysis (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!have_display)
    return;

  close_analysis (fixture);
  g_clear_object (&fixture->nc);
  g_clear_object (&fixture->reg);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);

  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Runs what a key press of @keyval with @mods on @widget runs: the shortcut bound to that key
 * in the widget's shortcut controllers (its class's key bindings, and its own). FALSE when no
 * shortcut of @widget has that key or its action did not run. */
static gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

/* The cause ids of the outline's rows, in order. */
static GArray *
outline_cause_ids (Fixture *fixture)
{
  GtkListBox *outline = GTK_LIST_BOX (_rectify_analysis_window_get_outline (fixture->window));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (outline, i)) != NULL; i++)
    {
      gint64 *id = g_object_get_data (G_OBJECT (row), "cause-id");

      if (id != NULL)
        g_array_append_val (ids, *id);
    }

  return ids;
}

static gint64
outline_selected_id (Fixture *fixture)
{
  GtkListBox *outline = GTK_LIST_BOX (_rectify_analysis_window_get_outline (fixture->window));
  GtkListBoxRow *row = gtk_list_box_get_selected_row (outline);
  gint64 *id = row != NULL ? g_object_get_data (G_OBJECT (row), "cause-id") : NULL;

  return id != NULL ? *id : 0;
}

static void
test_outline (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GListModel) causes = NULL;
  RectifyFishboneLayout *layout;
  guint n;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  /* One window per NC. */
  rectify_analysis_window_present (NULL, fixture->reg, fixture->nc);
  g_assert_true (rectify_analysis_window_lookup (fixture->reg, fixture->nc) ==
                 GTK_WIDGET (fixture->window));

  /* The outline lists every cause once, in the diagram's reading order. */
  causes = rectify_register_list_causes (fixture->reg, fixture->nc);
  n = g_list_model_get_n_items (causes);
  ids = outline_cause_ids (fixture);
  layout = rectify_fishbone_view_get_layout (fixture->view);
  g_assert_cmpuint (ids->len, ==, n);
  g_assert_cmpuint (rectify_fishbone_layout_get_n_causes (layout), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==,
                     rectify_fishbone_layout_get_cause_id (layout, i));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RectifyCause) cause = g_list_model_get_item (causes, i);
      gboolean found = FALSE;

      for (guint j = 0; j < ids->len; j++)
        found |= g_array_index (ids, gint64, j) == rectify_entity_get_id (RECTIFY_ENTITY (cause));
      g_assert_true (found);
    }

  /* Closing the register's windows closes this one. */
  {
    gpointer weak = fixture->window;

    g_object_add_weak_pointer (G_OBJECT (fixture->window), &weak);
    rectify_analysis_window_close_all (fixture->reg);
    g_assert_true (test_ui_iterate_until (test_ui_is_null, &weak, 5000));
    g_assert_null (rectify_analysis_window_lookup (fixture->reg, fixture->nc));
    fixture->window = NULL;
    fixture->view = NULL;
  }
}

static void
test_click_and_keys (Fixture       *fixture,
                     gconstpointer  user_data)
{
  RectifyFishboneLayout *layout;
  gint64 id, next;
  double x, y;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  layout = rectify_fishbone_view_get_layout (fixture->view);
  id = rectify_fishbone_layout_get_cause_id (layout, 1);

  /* A click at the centre of a cause selects it, in the outline too. */
  g_assert_true (_rectify_fishbone_view_get_cause_center (fixture->view, id, &x, &y));
  _rectify_fishbone_view_select_at (fixture->view, x, y);
  g_assert_cmpint (rectify_fishbone_view_get_selected_cause (fixture->view), ==, id);
  g_assert_cmpint (outline_selected_id (fixture), ==, id);

  /* A click on nothing clears it. */
  _rectify_fishbone_view_select_at (fixture->view, 1, 1);
  g_assert_cmpint (rectify_fishbone_view_get_selected_cause (fixture->view), ==, 0);

  /* Selecting in the outline selects in the diagram. */
  {
    GtkListBox *outline = GTK_LIST_BOX (_rectify_analysis_window_get_outline (fixture->window));
    GtkListBoxRow *row;

    for (int i = 0; (row = gtk_list_box_get_row_at_index (outline, i)) != NULL; i++)
      {
        gint64 *row_id = g_object_get_data (G_OBJECT (row), "cause-id");

        if (row_id != NULL && *row_id == id)
          break;
      }
    g_assert_nonnull (row);
    gtk_list_box_select_row (outline, row);
    g_assert_cmpint (rectify_fishbone_view_get_selected_cause (fixture->view), ==, id);
  }

  /* Down moves to the next stop in reading order; Right to the next bone. */
  rectify_fishbone_view_select_cause (fixture->view, id);
  _rectify_fishbone_view_move_focus (fixture->view, 1);
  next = rectify_fishbone_layout_get_n_causes (layout) > 2
           ? rectify_fishbone_layout_get_cause_id (layout, 2) : 0;
  if (next != 0 &&
      rectify_fishbone_layout_get_cause_category (layout, next) ==
        rectify_fishbone_layout_get_cause_category (layout, id))
    g_assert_cmpint (rectify_fishbone_view_get_selected_cause (fixture->view), ==, next);
  rectify_fishbone_view_select_cause (fixture->view, id);
  _rectify_fishbone_view_move_focus (fixture->view, 2);
  g_assert_cmpint (rectify_fishbone_view_get_selected_cause (fixture->view), ==, 0);
  g_assert_cmpint (rectify_fishbone_view_get_selected_category (fixture->view), ==,
                   rectify_fishbone_layout_get_cause_category (layout, id) + 1);
  _rectify_fishbone_view_move_focus (fixture->view, -1);
  g_assert_cmpint (rectify_fishbone_view_get_selected_category (fixture->view), ==,
                   rectify_fishbone_layout_get_cause_category (layout, id));

  /* Zoom keys. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "fishbone.zoom-reset", NULL));
  g_assert_cmpfloat (rectify_fishbone_view_get_zoom (fixture->view), ==, 1.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "fishbone.zoom-in", NULL));
  g_assert_cmpfloat (rectify_fishbone_view_get_zoom (fixture->view), >, 1.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "fishbone.zoom-out", NULL));
  g_assert_cmpfloat (fabs (rectify_fishbone_view_get_zoom (fixture->view) - 1.0), <, 1e-6);
}

static void
test_add_cause (Fixture       *fixture,
                gconstpointer  user_data)
{
  const char *text = "Handover checklist not used on night shift";
  g_autoptr(RectifyRegister) reopened = NULL;
  g_autoptr(RectifyCause) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  RectifyNonconformity *nc;
  RectifyFishboneLayout *layout;
  GtkWidget *entry;
  g_autofree char *bone = NULL;
  guint n_before;
  gint64 id;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  n_before = count_causes (fixture->reg, fixture->nc);
  layout = rectify_fishbone_view_get_layout (fixture->view);
  bone = g_strdup (rectify_fishbone_layout_get_category (layout, 1));

  /* A on a selected bone adds a cause there and edits it in place. */
  rectify_fishbone_view_select_category (fixture->view, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "fishbone.add-cause", NULL));
  id = rectify_fishbone_view_get_selected_cause (fixture->view);
  g_assert_cmpint (id, !=, 0);
  entry = _rectify_fishbone_view_get_editor_entry (fixture->view);
  /* Typed as soon as the editor shows. */
  g_assert_true (test_ui_iterate_until (test_ui_is_mapped, entry, 5000));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  test_ui_iterate_for (100);
  g_assert_false (gtk_widget_get_mapped (entry));
  g_assert_cmpuint (count_causes (fixture->reg, fixture->nc), ==, n_before + 1);

  /* The outline shows it. */
  ids = outline_cause_ids (fixture);
  g_assert_cmpuint (ids->len, ==, n_before + 1);

  /* A new cause whose edit is cancelled is dropped again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "fishbone.add-cause", NULL));
  g_assert_true (test_ui_iterate_until (test_ui_is_mapped, entry, 5000));
  g_assert_cmpuint (count_causes (fixture->reg, fixture->nc), ==, n_before + 2);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (entry, GTK_TYPE_POPOVER)));
  test_ui_iterate_for (100);
  g_assert_cmpuint (count_causes (fixture->reg, fixture->nc), ==, n_before + 1);

  /* It is in the file. */
  close_analysis (fixture);
  g_clear_object (&fixture->reg);
  reopened = rectify_register_open (fixture->path, &error);
  g_assert_no_error (error);
  nc = rectify_register_lookup_nonconformity (reopened, rectify_entity_get_id (RECTIFY_ENTITY (fixture->nc)));
  g_assert_nonnull (nc);
  stored = find_cause (reopened, nc, text);
  g_assert_nonnull (stored);
  g_assert_cmpstr (rectify_cause_get_category (stored), ==, bone);
  g_assert_cmpint (rectify_cause_get_parent_id (stored), ==, 0);
  g_assert_cmpuint (count_causes (reopened, nc), ==, n_before + 1);
  fixture->reg = g_steal_pointer (&reopened);
  g_set_object (&fixture->nc, nc);
}

static void
test_root_and_why (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(RectifyCause) cause = NULL;
  g_autoptr(RectifyCause) why = NULL;
  RectifyFishboneLayout *layout;
  GtkWidget *entry;
  gboolean was_root;
  gint64 id, why_id;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  layout = rectify_fishbone_view_get_layout (fixture->view);
  id = rectify_fishbone_layout_get_cause_id (layout, 0);
  rectify_fishbone_view_select_cause (fixture->view, id);
  cause = _rectify_cause_lookup (fixture->reg, fixture->nc, id);
  was_root = rectify_cause_get_is_root (cause);

  /* r toggles the root mark, in the register. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "fishbone.toggle-root", NULL));
  g_assert_cmpint (rectify_cause_get_is_root (cause), ==, !was_root);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "fishbone.toggle-root", NULL));
  g_assert_cmpint (rectify_cause_get_is_root (cause), ==, was_root);

  /* Ctrl+Z in the window undoes a change through the register. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "fishbone.toggle-root", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "analysis.undo", NULL));
  g_assert_cmpint (rectify_cause_get_is_root (cause), ==, was_root);

  /* w asks why: a sub-cause of the selection, edited in place. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "fishbone.add-why", NULL));
  why_id = rectify_fishbone_view_get_selected_cause (fixture->view);
  g_assert_cmpint (why_id, !=, id);
  entry = _rectify_fishbone_view_get_editor_entry (fixture->view);
  g_assert_true (test_ui_iterate_until (test_ui_is_mapped, entry, 5000));
  gtk_editable_set_text (GTK_EDITABLE (entry), "No owner for the checklist");
  g_signal_emit_by_name (entry, "activate");
  test_ui_iterate_for (100);
  why = _rectify_cause_lookup (fixture->reg, fixture->nc, why_id);
  g_assert_nonnull (why);
  g_assert_cmpint (rectify_cause_get_parent_id (why), ==, id);
  g_assert_cmpstr (rectify_cause_get_text (why), ==, "No owner for the checklist");
  g_assert_cmpint (rectify_fishbone_layout_get_cause_depth (rectify_fishbone_view_get_layout (fixture->view),
                                                            why_id), ==, 1);
}

static void
test_remove_undo (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(RectifyCause) top = NULL;
  g_autoptr(GListModel) before = NULL;
  g_autoptr(GListModel) after = NULL;
  g_autoptr(GArray) outline_ids = NULL;
  g_autofree char *top_text = NULL;
  gint64 top_id;
  guint n_before;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  top_id = find_chain_top (fixture->reg, fixture->nc);
  g_assert_cmpint (top_id, !=, 0);
  top = _rectify_cause_lookup (fixture->reg, fixture->nc, top_id);
  top_text = g_strdup (rectify_cause_get_text (top));
  before = rectify_register_list_causes (fixture->reg, fixture->nc);
  n_before = g_list_model_get_n_items (before);

  /* Delete removes the cause and its sub-causes. */
  rectify_fishbone_view_select_cause (fixture->view, top_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "fishbone.remove", NULL));
  g_assert_cmpuint (count_causes (fixture->reg, fixture->nc), <=, n_before - 2);
  g_assert_null (find_cause (fixture->reg, fixture->nc, top_text));
  outline_ids = outline_cause_ids (fixture);
  g_assert_cmpuint (outline_ids->len, ==, count_causes (fixture->reg, fixture->nc));

  /* Undo (the toast's button) puts back every cause with its fields and its tree. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "analysis.undo-removal", NULL));
  after = rectify_register_list_causes (fixture->reg, fixture->nc);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, n_before);
  for (guint i = 0; i < n_before; i++)
    {
      g_autoptr(RectifyCause) old = g_list_model_get_item (before, i);
      g_autoptr(RectifyCause) now = find_cause (fixture->reg, fixture->nc,
                                                rectify_cause_get_text (old));
      g_autoptr(RectifyCause) old_parent = NULL;
      g_autoptr(RectifyCause) now_parent = NULL;

      g_assert_nonnull (now);
      g_assert_cmpstr (rectify_cause_get_category (now), ==, rectify_cause_get_category (old));
      g_assert_cmpint (rectify_cause_get_position (now), ==, rectify_cause_get_position (old));
      g_assert_cmpint (rectify_cause_get_is_root (now), ==, rectify_cause_get_is_root (old));
      old_parent = _rectify_cause_lookup (fixture->reg, fixture->nc, rectify_cause_get_parent_id (old));
      now_parent = _rectify_cause_lookup (fixture->reg, fixture->nc, rectify_cause_get_parent_id (now));
      if (rectify_cause_get_parent_id (old) == 0)
        g_assert_cmpint (rectify_cause_get_parent_id (now), ==, 0);
      else if (old_parent != NULL)
        g_assert_cmpstr (rectify_cause_get_text (old_parent), ==,
                         rectify_cause_get_text (now_parent));
      else
        g_assert_nonnull (now_parent); /* its old parent was removed and re-added */
    }
  g_assert_cmpint (rectify_fishbone_view_get_selected_cause (fixture->view), !=, 0);
  g_assert_false (_rectify_analysis_window_undo_removal (fixture->window));
}

static void
test_drop (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(RectifyCause) cause = NULL;
  g_autoptr(GListModel) causes = NULL;
  RectifyFishboneLayout *layout;
  cairo_rectangle_t r;
  double zoom;
  gint64 id;
  int from, to;
  g_autofree char *to_name = NULL;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  layout = rectify_fishbone_view_get_layout (fixture->view);
  id = find_chain_top (fixture->reg, fixture->nc);
  from = rectify_fishbone_layout_get_cause_category (layout, id);
  to = from == 0 ? 1 : 0;
  to_name = g_strdup (rectify_fishbone_layout_get_category (layout, to));
  g_assert_true (rectify_fishbone_layout_get_category_rect (layout, to, &r));

  /* Dropped on another bone's label: the cause and its chain move there, at its end. */
  {
    double x0, y0;
    gint64 any = rectify_fishbone_layout_get_cause_id (layout, 0);
    cairo_rectangle_t cr;

    /* Widget coordinates of the label centre, from a cause's known centre. */
    g_assert_true (_rectify_fishbone_view_get_cause_center (fixture->view, any, &x0, &y0));
    g_assert_true (rectify_fishbone_layout_get_cause_rect (layout, any, &cr));
    zoom = rectify_fishbone_view_get_zoom (fixture->view);
    g_assert_true (_rectify_fishbone_view_drop_at (fixture->view, id,
                                                   x0 + (r.x + r.width / 2 - (cr.x + cr.width / 2)) * zoom,
                                                   y0 + (r.y + r.height / 2 - (cr.y + cr.height / 2)) * zoom));
  }

  cause = _rectify_cause_lookup (fixture->reg, fixture->nc, id);
  g_assert_cmpstr (rectify_cause_get_category (cause), ==, to_name);
  g_assert_cmpint (rectify_cause_get_parent_id (cause), ==, 0);
  layout = rectify_fishbone_view_get_layout (fixture->view);
  g_assert_cmpint (rectify_fishbone_layout_get_cause_category (layout, id), ==, to);

  /* Its sub-causes went with it. */
  causes = rectify_register_list_causes (fixture->reg, fixture->nc);
  for (guint i = 0; i < g_list_model_get_n_items (causes); i++)
    {
      g_autoptr(RectifyCause) c = g_list_model_get_item (causes, i);

      if (rectify_cause_get_parent_id (c) == id)
        g_assert_cmpstr (rectify_cause_get_category (c), ==, to_name);
    }
}

static void
test_five_whys (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(RectifyCause) why = NULL;
  g_autoptr(GError) error = NULL;
  RectifyFiveWhys *five_whys;
  guint n_chains, n_whys;
  gint64 id;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  five_whys = RECTIFY_FIVE_WHYS (_rectify_analysis_window_get_five_whys (fixture->window));
  n_chains = _rectify_five_whys_get_n_chains (five_whys);
  {
    g_autoptr(GListModel) causes = rectify_register_list_causes (fixture->reg, fixture->nc);
    guint n_top = 0;

    for (guint i = 0; i < g_list_model_get_n_items (causes); i++)
      {
        g_autoptr(RectifyCause) c = g_list_model_get_item (causes, i);

        n_top += rectify_cause_get_parent_id (c) == 0;
      }
    g_assert_cmpuint (n_chains, ==, n_top);
  }

  /* Find the chain with more than one why and add one more. */
  for (guint c = 0; c < n_chains; c++)
    if ((n_whys = _rectify_five_whys_get_n_whys (five_whys, c)) > 1)
      {
        id = _rectify_five_whys_add_why (five_whys, c, "The supplier contract has no clause", &error);
        g_assert_no_error (error);
        g_assert_cmpint (id, !=, 0);
        test_ui_iterate_for (100);
        g_assert_cmpuint (_rectify_five_whys_get_n_whys (five_whys, c), ==, n_whys + 1);
        why = _rectify_cause_lookup (fixture->reg, fixture->nc, id);
        g_assert_nonnull (why);
        g_assert_cmpint (rectify_cause_get_parent_id (why), !=, 0);
        /* ... and the fishbone shows it on its bone. */
        g_assert_cmpint (rectify_fishbone_layout_get_cause_depth (rectify_fishbone_view_get_layout (fixture->view), id),
                         >=, 1);
        /* Moving the new last why up swaps its answer with its parent's, in the register. */
        {
          g_autoptr(RectifyCause) parent = _rectify_cause_lookup (fixture->reg, fixture->nc,
                                                                  rectify_cause_get_parent_id (why));
          g_autofree char *parent_text = g_strdup (rectify_cause_get_text (parent));
          g_autofree char *why_text = g_strdup (rectify_cause_get_text (why));

          _rectify_five_whys_move_why (five_whys, c, n_whys, -1);
          g_assert_cmpstr (rectify_cause_get_text (parent), ==, why_text);
          g_assert_cmpstr (rectify_cause_get_text (why), ==, parent_text);
          g_assert_cmpuint (_rectify_five_whys_get_n_whys (five_whys, c), ==, n_whys + 1);
        }
        return;
      }

  g_assert_not_reached ();
}

static void
test_export (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *png = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *data = NULL;
  gsize len;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  png = g_build_filename (fixture->dir, "diagram.png", NULL);
  svg = g_build_filename (fixture->dir, "diagram.SVG", NULL);
  bad = g_build_filename (fixture->dir, "diagram.txt", NULL);

  g_assert_true (_rectify_analysis_window_export_to (fixture->window, png, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (png, &data, &len, NULL));
  g_assert_cmpuint (len, >, 1000);
  g_assert_cmpint (memcmp (data, "\x89PNG", 4), ==, 0);
  g_clear_pointer (&data, g_free);

  g_assert_true (_rectify_analysis_window_export_to (fixture->window, svg, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &data, &len, NULL));
  g_assert_nonnull (strstr (data, "<svg"));

  g_assert_false (_rectify_analysis_window_export_to (fixture->window, bad, &error));
  g_assert_error (error, RECTIFY_FISHBONE_ERROR, RECTIFY_FISHBONE_ERROR_UNSUPPORTED_FORMAT);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
}

/* Draws the view offscreen and counts the pixels that differ from the top left one. */
static guint
count_drawn_pixels (GtkWidget *widget,
                    guint32   *background)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guint32 *pixels = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int w = gtk_widget_get_width (widget);
  int h = gtk_widget_get_height (widget);
  guint n = 0;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  w = gdk_texture_get_width (texture);
  h = gdk_texture_get_height (texture);
  pixels = g_new (guint32, (gsize) w * h);
  gdk_texture_download (texture, (guchar *) pixels, (gsize) w * 4);

  *background = pixels[0];
  for (int i = 0; i < w * h; i++)
    if (pixels[i] != pixels[0])
      n++;

  return n;
}

static void
test_render (Fixture       *fixture,
             gconstpointer  user_data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  guint32 light_bg, dark_bg;
  guint n_light, n_dark, total;
  int w, h;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  w = gtk_widget_get_width (GTK_WIDGET (fixture->view));
  h = gtk_widget_get_height (GTK_WIDGET (fixture->view));
  total = (guint) (w * h);
  g_assert_cmpint (w, >, 100);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  test_ui_iterate_for (100);
  n_light = count_drawn_pixels (GTK_WIDGET (fixture->view), &light_bg);
  g_assert_cmpuint (n_light, >, total / 100);
  g_assert_cmpuint (n_light, <, total / 2);

  /* Dark follows live: a dark background, still a drawing on it. */
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  test_ui_iterate_for (100);
  n_dark = count_drawn_pixels (GTK_WIDGET (fixture->view), &dark_bg);
  g_assert_cmpuint (n_dark, >, total / 100);
  g_assert_cmpuint (light_bg, !=, dark_bg);
  /* Brightness of the background: light is bright, dark is dark (BGRA or RGBA, same sum). */
  g_assert_cmpuint (((light_bg >> 0) & 0xff) + ((light_bg >> 8) & 0xff) + ((light_bg >> 16) & 0xff),
                    >, 600);
  g_assert_cmpuint (((dark_bg >> 0) & 0xff) + ((dark_bg >> 8) & 0xff) + ((dark_bg >> 16) & 0xff),
                    <, 200);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static gboolean
is_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (data));
}

/* Types @text into the in-place editor once it shows, and presses Enter there. */
static void
type_in_place (Fixture    *fixture,
               const char *text)
{
  GtkWidget *entry = _rectify_fishbone_view_get_editor_entry (fixture->view);

  g_assert_true (test_ui_iterate_until (test_ui_is_mapped, entry, 5000));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (test_ui_iterate_until (is_unmapped, entry, 5000));
}

static RectifyCause *
lookup (Fixture *fixture,
        gint64   id)
{
  return _rectify_cause_lookup (fixture->reg, fixture->nc, id);
}

static const char *
bone_of (Fixture *fixture,
         gint64   id)
{
  RectifyFishboneLayout *layout = rectify_fishbone_view_get_layout (fixture->view);

  return rectify_fishbone_layout_get_category (layout, rectify_fishbone_layout_get_cause_category (layout, id));
}

/* Issue #4's UI test, by keyboard: add, edit, mark and move causes with the diagram's keys, and
 * with the outline's. */
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  user_data)
{
  GtkWidget *view, *outline;
  g_autoptr(RectifyCause) first = NULL;
  g_autoptr(RectifyCause) second = NULL;
  g_autofree char *bone0 = NULL;
  g_autofree char *bone1 = NULL;
  gint64 first_id, second_id;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  view = GTK_WIDGET (fixture->view);
  outline = _rectify_analysis_window_get_outline (fixture->window);
  bone0 = g_strdup (rectify_fishbone_layout_get_category (rectify_fishbone_view_get_layout (fixture->view), 0));
  bone1 = g_strdup (rectify_fishbone_layout_get_category (rectify_fishbone_view_get_layout (fixture->view), 1));

  /* Home: the first stop, the first bone. */
  g_assert_true (press_key (view, GDK_KEY_Home, 0));
  g_assert_cmpint (rectify_fishbone_view_get_selected_cause (fixture->view), ==, 0);
  g_assert_cmpint (rectify_fishbone_view_get_selected_category (fixture->view), ==, 0);

  /* A adds a cause to it, edited in place; Enter keeps the text. Twice. */
  g_assert_true (press_key (view, GDK_KEY_a, 0));
  first_id = rectify_fishbone_view_get_selected_cause (fixture->view);
  g_assert_cmpint (first_id, !=, 0);
  type_in_place (fixture, "Added by keyboard");
  first = lookup (fixture, first_id);
  g_assert_cmpstr (rectify_cause_get_text (first), ==, "Added by keyboard");
  g_assert_cmpstr (rectify_cause_get_category (first), ==, bone0);

  g_assert_true (press_key (view, GDK_KEY_a, 0));
  second_id = rectify_fishbone_view_get_selected_cause (fixture->view);
  g_assert_cmpint (second_id, !=, first_id);
  type_in_place (fixture, "Second by keyboard");
  second = lookup (fixture, second_id);
  g_assert_cmpstr (rectify_cause_get_category (second), ==, bone0);
  g_assert_cmpint (rectify_cause_get_position (second), >, rectify_cause_get_position (first));

  /* Enter edits the selected cause in place. */
  g_assert_true (press_key (view, GDK_KEY_Return, 0));
  g_assert_true (test_ui_iterate_until (test_ui_is_mapped, _rectify_fishbone_view_get_editor_entry (fixture->view), 5000));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_rectify_fishbone_view_get_editor_entry (fixture->view))),
                   ==, "Second by keyboard");
  type_in_place (fixture, "Second cause, edited");
  g_assert_cmpstr (rectify_cause_get_text (second), ==, "Second cause, edited");
  {
    g_autoptr(GArray) ids = outline_cause_ids (fixture);

    g_assert_cmpuint (count_causes (fixture->reg, fixture->nc), ==, ids->len);
  }

  /* R marks it as a root cause, and unmarks it. */
  g_assert_false (rectify_cause_get_is_root (second));
  g_assert_true (press_key (view, GDK_KEY_r, 0));
  g_assert_true (rectify_cause_get_is_root (second));
  g_assert_true (press_key (view, GDK_KEY_r, 0));
  g_assert_false (rectify_cause_get_is_root (second));
  g_assert_true (press_key (view, GDK_KEY_r, 0));

  /* Alt+Up: one place earlier on its bone, before the first; Alt+Down: back after it. */
  g_assert_true (press_key (view, GDK_KEY_Up, GDK_ALT_MASK));
  g_assert_cmpint (rectify_cause_get_position (second), <, rectify_cause_get_position (first));
  g_assert_cmpint (rectify_fishbone_view_get_selected_cause (fixture->view), ==, second_id);
  g_assert_true (press_key (view, GDK_KEY_Down, GDK_ALT_MASK));
  g_assert_cmpint (rectify_cause_get_position (second), >, rectify_cause_get_position (first));

  /* Alt+Right: onto the next bone, marked still; Alt+Left: back. */
  g_assert_true (press_key (view, GDK_KEY_Right, GDK_ALT_MASK));
  g_assert_cmpstr (rectify_cause_get_category (second), ==, bone1);
  g_assert_cmpstr (bone_of (fixture, second_id), ==, bone1);
  g_assert_true (rectify_cause_get_is_root (second));
  g_assert_cmpint (rectify_fishbone_view_get_selected_cause (fixture->view), ==, second_id);
  g_assert_true (press_key (view, GDK_KEY_Left, GDK_ALT_MASK));
  g_assert_cmpstr (rectify_cause_get_category (second), ==, bone0);

  /* The outline takes the same keys. */
  g_assert_true (press_key (outline, GDK_KEY_Right, GDK_ALT_MASK));
  g_assert_cmpstr (rectify_cause_get_category (second), ==, bone1);
  g_assert_true (press_key (outline, GDK_KEY_r, 0));
  g_assert_false (rectify_cause_get_is_root (second));

  /* Delete removes it. */
  g_assert_true (press_key (view, GDK_KEY_Delete, 0));
  g_clear_object (&second);
  second = lookup (fixture, second_id);
  g_assert_null (second);
  g_clear_object (&first);
  first = lookup (fixture, first_id);
  g_assert_nonnull (first);
}

/* The primary-button gesture of @type of the diagram. */
static GtkGesture *
find_gesture (GtkWidget *widget,
              GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_OBJECT_TYPE (controller) == type &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_PRIMARY)
        return GTK_GESTURE (controller);
    }

  g_assert_not_reached ();
}

/* What the click gesture reports for a click (@n_press 2: the second of a double click). */
static void
click_at (Fixture *fixture,
          int      n_press,
          double   x,
          double   y)
{
  GtkGesture *click = find_gesture (GTK_WIDGET (fixture->view), GTK_TYPE_GESTURE_CLICK);

  g_signal_emit_by_name (click, "pressed", n_press, x, y);
  g_signal_emit_by_name (click, "released", n_press, x, y);
}

/* What the drag gesture reports for a drag from (@x0, @y0) to (@x1, @y1). */
static void
drag_from_to (Fixture *fixture,
              double   x0,
              double   y0,
              double   x1,
              double   y1)
{
  GtkGesture *drag = find_gesture (GTK_WIDGET (fixture->view), GTK_TYPE_GESTURE_DRAG);

  g_signal_emit_by_name (drag, "drag-begin", x0, y0);
  g_signal_emit_by_name (drag, "drag-update", (x1 - x0) / 2, (y1 - y0) / 2);
  g_signal_emit_by_name (drag, "drag-update", x1 - x0, y1 - y0);
  g_signal_emit_by_name (drag, "drag-end", x1 - x0, y1 - y0);
}

/* Issue #4's UI test, by pointer: the "+" of a bone adds, a double click edits, a drag moves to
 * another bone, the header's toggle marks. */
static void
test_pointer (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(RectifyCause) cause = NULL;
  g_autofree char *bone0 = NULL;
  g_autofree char *bone1 = NULL;
  GtkWidget *root_button;
  double x, y, x1, y1;
  gint64 id;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  bone0 = g_strdup (rectify_fishbone_layout_get_category (rectify_fishbone_view_get_layout (fixture->view), 0));
  bone1 = g_strdup (rectify_fishbone_layout_get_category (rectify_fishbone_view_get_layout (fixture->view), 1));

  /* A click on the "+" of the second bone adds a cause there, edited in place. */
  g_assert_true (_rectify_fishbone_view_get_plus_center (fixture->view, 1, &x, &y));
  click_at (fixture, 1, x, y);
  id = rectify_fishbone_view_get_selected_cause (fixture->view);
  g_assert_cmpint (id, !=, 0);
  type_in_place (fixture, "Added by pointer");
  cause = lookup (fixture, id);
  g_assert_cmpstr (rectify_cause_get_text (cause), ==, "Added by pointer");
  g_assert_cmpstr (rectify_cause_get_category (cause), ==, bone1);

  /* A click elsewhere selects another cause; a double click on this one edits it. */
  g_assert_true (_rectify_fishbone_view_get_cause_center (fixture->view,
                                                          rectify_fishbone_layout_get_cause_id (rectify_fishbone_view_get_layout (fixture->view), 0),
                                                          &x, &y));
  click_at (fixture, 1, x, y);
  g_assert_cmpint (rectify_fishbone_view_get_selected_cause (fixture->view), !=, id);
  g_assert_true (_rectify_fishbone_view_get_cause_center (fixture->view, id, &x, &y));
  click_at (fixture, 1, x, y);
  g_assert_cmpint (rectify_fishbone_view_get_selected_cause (fixture->view), ==, id);
  click_at (fixture, 2, x, y);
  type_in_place (fixture, "Added by pointer, edited");
  g_assert_cmpstr (rectify_cause_get_text (cause), ==, "Added by pointer, edited");

  /* Dragged onto the "+" of the first bone: it moves there, at its end, and stays selected. */
  g_assert_true (_rectify_fishbone_view_get_cause_center (fixture->view, id, &x, &y));
  g_assert_true (_rectify_fishbone_view_get_plus_center (fixture->view, 0, &x1, &y1));
  drag_from_to (fixture, x, y, x1, y1);
  g_assert_cmpstr (rectify_cause_get_category (cause), ==, bone0);
  g_assert_cmpstr (bone_of (fixture, id), ==, bone0);
  g_assert_cmpint (rectify_fishbone_view_get_selected_cause (fixture->view), ==, id);

  /* The "Root Cause" toggle marks it, and unmarks it. */
  root_button = _rectify_analysis_window_get_root_button (fixture->window);
  g_assert_true (gtk_widget_is_sensitive (root_button));
  g_assert_false (rectify_cause_get_is_root (cause));
  g_signal_emit_by_name (root_button, "clicked");
  g_assert_true (rectify_cause_get_is_root (cause));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (root_button)));
  g_signal_emit_by_name (root_button, "clicked");
  g_assert_false (rectify_cause_get_is_root (cause));
}

/* The rows of the editor's causes list, and whether each shows its cause as a root cause. */
static guint
editor_cause_rows (RectifyNcEditor *editor,
                   gint64           cause_id,
                   gboolean        *is_root)
{
  GtkWidget *list = _rectify_nc_editor_get_child (editor, "causes_list");
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      RectifyCause *cause = g_object_get_data (G_OBJECT (row), "cause");

      if (cause == NULL)
        continue;
      n++;
      if (rectify_entity_get_id (RECTIFY_ENTITY (cause)) == cause_id && is_root != NULL)
        *is_root = gtk_check_button_get_active (g_object_get_data (G_OBJECT (row), "root-check"));
    }

  return n;
}

/* Issue #4 from the NC editor: its "Analyse Causes" button and Ctrl+Shift+A open this NC's
 * analysis window, and the editor's causes list follows what is changed there. */
static void
test_from_editor (Fixture       *fixture,
                  gconstpointer  user_data)
{
  RectifyNcEditor *editor;
  GtkWidget *window, *button;
  RectifyFishboneLayout *layout;
  gboolean is_root = FALSE;
  gint64 id, added;
  guint n;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  close_analysis (fixture);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 420, 700);
  editor = RECTIFY_NC_EDITOR (rectify_nc_editor_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (editor));
  rectify_nc_editor_set_register (editor, fixture->reg);
  rectify_nc_editor_set_nonconformity (editor, fixture->nc);
  /* Shown, not presented: presenting takes the X input focus (there is no window manager), and
   * tests run side by side on one display; some of them send real keys to their window. */
  gtk_widget_set_visible (GTK_WIDGET (window), TRUE);
  g_assert_true (test_ui_iterate_until (test_ui_is_mapped, editor, 5000));

  /* The button sits in the causes section, enabled. */
  button = _rectify_nc_editor_get_child (editor, "analysis_button");
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (button, ADW_TYPE_PREFERENCES_GROUP))),
                   ==, "Causes");
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));

  /* Ctrl+Shift+A opens the analysis of this NC. */
  g_assert_null (rectify_analysis_window_lookup (fixture->reg, fixture->nc));
  g_assert_true (press_key (GTK_WIDGET (editor), GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  fixture->window = RECTIFY_ANALYSIS_WINDOW (rectify_analysis_window_lookup (fixture->reg, fixture->nc));
  g_assert_nonnull (fixture->window);
  g_assert_true (test_ui_iterate_until (is_placed, fixture->window, 5000));
  fixture->view = RECTIFY_FISHBONE_VIEW (_rectify_analysis_window_get_view (fixture->window));
  keep_editor_open (fixture);

  /* The button presents the same window again. */
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (rectify_analysis_window_lookup (fixture->reg, fixture->nc) == GTK_WIDGET (fixture->window));

  /* r in the diagram marks a cause: the editor's list shows the mark. */
  layout = rectify_fishbone_view_get_layout (fixture->view);
  id = rectify_fishbone_layout_get_cause_id (layout, 0);
  rectify_fishbone_view_select_cause (fixture->view, id);
  _rectify_nc_editor_flush (editor);
  editor_cause_rows (editor, id, &is_root);
  {
    g_autoptr(RectifyCause) cause = _rectify_cause_lookup (fixture->reg, fixture->nc, id);
    gboolean was_root = rectify_cause_get_is_root (cause);

    g_assert_cmpint (is_root, ==, was_root);
    g_assert_true (press_key (GTK_WIDGET (fixture->view), GDK_KEY_r, 0));
    g_assert_cmpint (rectify_cause_get_is_root (cause), ==, !was_root);
    test_ui_iterate_for (200);
    editor_cause_rows (editor, id, &is_root);
    g_assert_cmpint (is_root, ==, !was_root);
  }

  /* A cause added there shows up in the editor too, and goes again when it is removed. */
  n = count_causes (fixture->reg, fixture->nc);
  g_assert_cmpuint (editor_cause_rows (editor, 0, NULL), ==, n);
  layout = rectify_fishbone_view_get_layout (fixture->view);
  added = rectify_fishbone_view_add_cause (fixture->view, rectify_fishbone_layout_get_category (layout, 0),
                                           0, FALSE, NULL);
  g_assert_cmpint (added, !=, 0);
  test_ui_iterate_for (200);
  g_assert_cmpuint (editor_cause_rows (editor, 0, NULL), ==, n + 1);
  rectify_fishbone_view_select_cause (fixture->view, added);
  g_assert_true (press_key (GTK_WIDGET (fixture->view), GDK_KEY_Delete, 0));
  test_ui_iterate_for (200);
  g_assert_cmpuint (editor_cause_rows (editor, 0, NULL), ==, n);

  /* While the editor is not shown, the key is not taken. */
  gtk_widget_set_visible (GTK_WIDGET (editor), FALSE);
  close_analysis (fixture);
  g_assert_false (press_key (GTK_WIDGET (editor), GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_null (rectify_analysis_window_lookup (fixture->reg, fixture->nc));

  gtk_window_destroy (GTK_WINDOW (window));
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

  g_test_add ("/Rectify/Analysis/outline", Fixture, NULL,
              fixture_set_up, test_outline, fixture_tear_down);
  g_test_add ("/Rectify/Analysis/click-and-keys", Fixture, NULL,
              fixture_set_up, test_click_and_keys, fixture_tear_down);
  g_test_add ("/Rectify/Analysis/add-cause", Fixture, NULL,
              fixture_set_up, test_add_cause, fixture_tear_down);
  g_test_add ("/Rectify/Analysis/root-and-why", Fixture, NULL,
              fixture_set_up, test_root_and_why, fixture_tear_down);
  g_test_add ("/Rectify/Analysis/remove-undo", Fixture, NULL,
              fixture_set_up, test_remove_undo, fixture_tear_down);
  g_test_add ("/Rectify/Analysis/drop", Fixture, NULL,
              fixture_set_up, test_drop, fixture_tear_down);
  g_test_add ("/Rectify/Analysis/five-whys", Fixture, NULL,
              fixture_set_up, test_five_whys, fixture_tear_down);
  g_test_add ("/Rectify/Analysis/export", Fixture, NULL,
              fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/Rectify/Analysis/render", Fixture, NULL,
              fixture_set_up, test_render, fixture_tear_down);
  g_test_add ("/Rectify/Analysis/keyboard", Fixture, NULL,
              fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/Rectify/Analysis/pointer", Fixture, NULL,
              fixture_set_up, test_pointer, fixture_tear_down);
  g_test_add ("/Rectify/Analysis/from-editor", Fixture, NULL,
              fixture_set_up, test_from_editor, fixture_tear_down);

  return g_test_run ();
}
