/* test-dashboard.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Dashboard page of the main window on a demo register under Xvfb: its figures and the
 * accessible descriptions of its charts say what rectify_stats_compute() says; a bar (clicked, or
 * reached with the arrow keys and activated with Enter) filters the register, a bar by Annex A
 * theme too, each to as many NCs as the bar says; a chart saves as PNG and SVG in the colours of
 * the style; it follows the audit filter; and many changes make one computation, none while it
 * is hidden.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>
#include <math.h>
#include <stdio.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "rectify-catalogue.h"
#include "rectify-chart.h"
#include "rectify-dashboard.h"
#include "rectify-date.h"
#include "rectify-demo.h"
#include "rectify-enums.h"
#include "rectify-register.h"
#include "rectify-stats.h"
#include "rectify-window-private.h"
#include "test-ui-common.h"

static gboolean have_display;

typedef struct
{
  char            *dir;
  char            *path;
  RectifyWindow   *window;
  RectifyRegister *reg;
  RectifyDashboard *dashboard;
} Fixture;

typedef struct
{
  RectifyDashboard *dashboard;
  guint             n;
} UpdateWait;

static gboolean
has_updates (gpointer data)
{
  UpdateWait *w = data;

  return _rectify_dashboard_get_n_updates (w->dashboard) >= w->n;
}

static void
create_register (Fixture  *fixture,
                 gboolean  demo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;

  fixture->dir = g_dir_make_tmp ("rectify-test-dashboard-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "Demo.rectify", NULL);

  reg = rectify_register_create (fixture->path, &error);
  g_assert_no_error (error);
  if (demo)
    {
      rectify_demo_populate (reg, NULL, &error);
      g_assert_no_error (error);
    }
}

static gboolean
has_height (gpointer data)
{
  return gtk_widget_get_height (GTK_WIDGET (data)) > 0;
}

static void
open_window (Fixture *fixture)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GError) error = NULL;

  fixture->window = rectify_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  g_assert_true (rectify_window_open_file (fixture->window, file, &error));
  g_assert_no_error (error);
  fixture->reg = rectify_window_get_register (fixture->window);
  fixture->dashboard = _rectify_window_get_dashboard (fixture->window);

  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (test_ui_iterate_until (test_ui_is_mapped, fixture->window, 5000));
  test_ui_iterate_for (100);
}

static void
show_dashboard (Fixture *fixture)
{
  UpdateWait wait = { fixture->dashboard, 1 };

  adw_view_stack_set_visible_child_name (_rectify_window_get_view_stack (fixture->window),
                                         "dashboard");
  g_assert_true (test_ui_iterate_until (test_ui_is_mapped, fixture->dashboard, 3000));
  g_assert_true (test_ui_iterate_until (has_updates, &wait, 3000));
  test_ui_iterate_for (50);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  if (!have_display)
    return;

  create_register (fixture, TRUE);
  open_window (fixture);
}

static void
fixture_set_up_empty (Fixture       *fixture,
                      gconstpointer  user_data)
{
  if (!have_display)
    return;

  create_register (fixture, FALSE);
  open_window (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (fixture->window != NULL)
    {
      gpointer weak = fixture->window;

      g_object_add_weak_pointer (G_OBJECT (fixture->window), &weak);
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      g_assert_true (test_ui_iterate_until (test_ui_is_null, &weak, 5000));
    }

  if (fixture->dir == NULL)
    return;

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

static RectifyStats *
compute_stats (RectifyRegister *reg,
               gint64           audit_id)
{
  g_autofree char *today = rectify_date_today ();
  g_autoptr(GError) error = NULL;
  RectifyStats *stats = rectify_stats_compute (reg, audit_id, NULL, NULL, today, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stats);

  return stats;
}

static char *
format_count (double value)
{
  return g_strdup_printf ("%.0f", value);
}

/* "12", or "12.5": as the dashboard shows days. */
static char *
format_days (double days)
{
  if (fabs (days - round (days)) < 0.05)
    return g_strdup_printf ("%.0f", round (days));

  return g_strdup_printf ("%.1f", days);
}

/* The descriptions of the charts say what the core computes. */
static void
assert_descriptions (RectifyDashboard *dashboard,
                     RectifyStats     *stats)
{
  RectifyChart *chart;
  g_autoptr(GString) expected = NULL;
  GPtrArray *themes = rectify_stats_get_open_by_theme (stats);
  GPtrArray *months = rectify_stats_get_months (stats);
  const char *description;

  /* By grade, exactly: "Open by Grade: Major 2, Minor 13, Observation 3, OFI 2" */
  chart = _rectify_dashboard_get_chart (dashboard, "grade");
  expected = g_string_new ("Open by Grade: ");
  for (guint g = 0; g < RECTIFY_N_GRADES; g++)
    g_string_append_printf (expected, "%s%s %u", g > 0 ? ", " : "",
                            rectify_enum_to_label (RECTIFY_TYPE_GRADE, g),
                            rectify_stats_get_open_by_grade (stats, g));
  g_assert_cmpstr (rectify_chart_get_description (chart), ==, expected->str);
  g_assert_cmpuint (rectify_chart_get_n_bars (chart), ==, RECTIFY_N_GRADES);

  /* By status: the open ones */
  description = rectify_chart_get_description (_rectify_dashboard_get_chart (dashboard, "status"));
  g_assert_true (g_str_has_prefix (description, "Open by Status: "));
  for (guint s = 0; s < RECTIFY_N_STATUSES; s++)
    {
      g_autofree char *item = g_strdup_printf ("%s %u", rectify_enum_to_label (RECTIFY_TYPE_STATUS, s),
                                               rectify_stats_get_by_status (stats, s));

      if (s == RECTIFY_STATUS_CLOSED)
        g_assert_null (strstr (description, rectify_enum_to_label (RECTIFY_TYPE_STATUS, s)));
      else
        g_assert_nonnull (strstr (description, item));
    }

  /* By source */
  description = rectify_chart_get_description (_rectify_dashboard_get_chart (dashboard, "source"));
  for (guint s = 0; s < RECTIFY_N_SOURCES; s++)
    {
      g_autofree char *item = g_strdup_printf ("%s %u", rectify_enum_to_label (RECTIFY_TYPE_SOURCE, s),
                                               rectify_stats_get_open_by_source (stats, s));

      g_assert_nonnull (strstr (description, item));
    }

  /* By theme, most first */
  chart = _rectify_dashboard_get_chart (dashboard, "theme");
  g_assert_cmpuint (rectify_chart_get_n_bars (chart), ==, themes->len);
  g_string_assign (expected, "Open by Annex A Theme: ");
  for (guint i = 0; i < themes->len; i++)
    {
      RectifyStatsCount *count = g_ptr_array_index (themes, i);

      g_string_append_printf (expected, "%s%s %u", i > 0 ? ", " : "", count->label, count->count);
    }
  g_assert_cmpstr (rectify_chart_get_description (chart), ==, expected->str);
  /* The register filters by theme: its bars are buttons like the others. */
  for (guint i = 0; i < themes->len; i++)
    {
      GtkWidget *bar = rectify_chart_get_bar_widget (chart, i);

      g_assert_nonnull (bar);
      g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (bar)), ==,
                       GTK_ACCESSIBLE_ROLE_BUTTON);
    }

  /* Per month: every month's opened and closed */
  description = rectify_chart_get_description (_rectify_dashboard_get_chart (dashboard, "trend"));
  g_assert_true (g_str_has_prefix (description, "Opened and Closed per Month: "));
  for (guint i = 0; i < months->len; i++)
    {
      RectifyStatsMonth *month = g_ptr_array_index (months, i);
      int year, number;
      g_autoptr(GDateTime) start = NULL;
      g_autofree char *name = NULL;
      g_autofree char *item = NULL;

      g_assert_cmpint (sscanf (month->month, "%d-%d", &year, &number), ==, 2);
      start = g_date_time_new_local (year, number, 1, 0, 0, 0);
      name = g_date_time_format (start, "%B %Y");
      item = g_strdup_printf ("%s: Opened %u, Closed %u", name, month->opened, month->closed);
      g_assert_nonnull (strstr (description, item));
    }
}

static void
assert_figures (RectifyDashboard *dashboard,
                RectifyStats     *stats)
{
  const RectifyStatsDuration *days = rectify_stats_get_days_to_close (stats);
  g_autofree char *open = format_count (rectify_stats_get_n_open (stats));
  g_autofree char *overdue = format_count (rectify_stats_get_overdue_ncs (stats)->len);
  g_autofree char *overdue_actions = format_count (rectify_stats_get_overdue_actions (stats)->len);
  g_autofree char *reopened = format_count (rectify_stats_get_reopened_ncs (stats)->len);
  g_autofree char *median = days->count > 0 ? format_days (days->median) : g_strdup ("—");
  g_autofree char *on_time = NULL;

  if (isnan (rectify_stats_get_on_time_share (stats)))
    on_time = g_strdup ("—");
  else
    on_time = g_strdup_printf ("%.0f %%", rectify_stats_get_on_time_share (stats) * 100);

  g_assert_cmpstr (gtk_label_get_text (_rectify_dashboard_get_figure (dashboard, "open")), ==, open);
  g_assert_cmpstr (gtk_label_get_text (_rectify_dashboard_get_figure (dashboard, "overdue")), ==, overdue);
  g_assert_cmpstr (gtk_label_get_text (_rectify_dashboard_get_figure (dashboard, "overdue-actions")), ==,
                   overdue_actions);
  g_assert_cmpstr (gtk_label_get_text (_rectify_dashboard_get_figure (dashboard, "days")), ==, median);
  g_assert_cmpstr (gtk_label_get_text (_rectify_dashboard_get_figure (dashboard, "on-time")), ==, on_time);
  g_assert_cmpstr (gtk_label_get_text (_rectify_dashboard_get_figure (dashboard, "reopened")), ==, reopened);
}

static void
test_figures (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(RectifyStats) stats = NULL;
  RectifyChart *grade;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  show_dashboard (fixture);
  stats = compute_stats (fixture->reg, 0);

  /* The demo has something in every chart. */
  g_assert_cmpuint (rectify_stats_get_n_open (stats), >, 0);
  g_assert_cmpuint (rectify_stats_get_n_closed (stats), >, 0);
  g_assert_cmpuint (rectify_stats_get_open_by_theme (stats)->len, >, 1);
  g_assert_cmpuint (rectify_stats_get_months (stats)->len, >, 1);

  assert_figures (fixture->dashboard, stats);
  assert_descriptions (fixture->dashboard, stats);

  /* A saved chart says what it is about. */
  g_assert_true (g_str_has_prefix (rectify_chart_get_caption (_rectify_dashboard_get_chart (fixture->dashboard, "trend")),
                                   "Whole Register · Figures as of "));

  /* Each chart is a labelled group; the bars of the grade chart are buttons named by value. */
  grade = _rectify_dashboard_get_chart (fixture->dashboard, "grade");
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (grade)), ==,
                   GTK_ACCESSIBLE_ROLE_GROUP);
  for (guint g = 0; g < RECTIFY_N_GRADES; g++)
    {
      GtkWidget *bar = rectify_chart_get_bar_widget (grade, g);
      g_autofree char *tooltip = g_strdup_printf ("%s: %u",
                                                  rectify_enum_to_label (RECTIFY_TYPE_GRADE, g),
                                                  rectify_stats_get_open_by_grade (stats, g));

      g_assert_nonnull (bar);
      g_assert_true (gtk_widget_get_mapped (bar));
      g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (bar)), ==,
                       GTK_ACCESSIBLE_ROLE_BUTTON);
      g_assert_cmpstr (gtk_widget_get_tooltip_text (bar), ==, tooltip);
      /* (laid out by the next frame, however slow the machine: e.g. under the sanitizers) */
      g_assert_true (test_ui_iterate_until (has_height, bar, 3000));
    }
}

static guint
n_shown (Fixture *fixture)
{
  GtkColumnView *view = _rectify_window_get_column_view (fixture->window);

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
}

static const char *
visible_page (Fixture *fixture)
{
  return adw_view_stack_get_visible_child_name (_rectify_window_get_view_stack (fixture->window));
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
window_active (gpointer data)
{
  return gtk_window_is_active (GTK_WINDOW (data));
}

/* Real key presses through the X server. */
static void
send_keys (Fixture    *fixture,
           const char *xdotool,
           const char *keys)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (fixture->window));
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  const char *focus_argv[] = { xdotool, "windowfocus", "--sync", xid, NULL };
  const char *argv[] = { xdotool, "key", "--window", xid, "--clearmodifiers", keys, NULL };
  g_autoptr(GSubprocess) focus_proc = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  gboolean focused = FALSE;
  gboolean done = FALSE;

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

typedef struct
{
  Fixture    *fixture;
  const char *page;
} PageWait;

static gboolean
page_shown (gpointer data)
{
  PageWait *w = data;

  return g_strcmp0 (visible_page (w->fixture), w->page) == 0;
}

/* Activates @widget (a bar or a figure: as Enter does, the click comes after a short press) and
 * waits for the register page it leads to. */
static void
activate_and_wait (Fixture   *fixture,
                   GtkWidget *widget)
{
  PageWait wait = { fixture, "nonconformities" };

  g_assert_nonnull (widget);
  g_assert_cmpstr (visible_page (fixture), ==, "dashboard");
  gtk_widget_activate (widget);
  g_assert_true (test_ui_iterate_until (page_shown, &wait, 3000));
  test_ui_iterate_for (50);
}

static void
test_activate (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(RectifyStats) stats = NULL;
  RectifyChart *grade, *status, *source;
  GtkWidget *bar;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  show_dashboard (fixture);
  stats = compute_stats (fixture->reg, 0);
  grade = _rectify_dashboard_get_chart (fixture->dashboard, "grade");
  status = _rectify_dashboard_get_chart (fixture->dashboard, "status");
  source = _rectify_dashboard_get_chart (fixture->dashboard, "source");

  /* A search and the overdue toggle are dropped: the register shows exactly the bar's NCs. */
  gtk_toggle_button_set_active (_rectify_window_get_overdue_toggle (fixture->window), TRUE);

  /* The Minor bar of "Open by Grade": the open minors. */
  activate_and_wait (fixture, rectify_chart_get_bar_widget (grade, RECTIFY_GRADE_MINOR));
  g_assert_cmpstr (visible_page (fixture), ==, "nonconformities");
  g_assert_cmpuint (gtk_drop_down_get_selected (_rectify_window_get_grade_filter (fixture->window)), ==,
                    RECTIFY_GRADE_MINOR + 1);
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (_rectify_window_get_status_filter (fixture->window))),
                   ==, "All Open");
  g_assert_false (gtk_toggle_button_get_active (_rectify_window_get_overdue_toggle (fixture->window)));
  g_assert_cmpuint (n_shown (fixture), ==, rectify_stats_get_open_by_grade (stats, RECTIFY_GRADE_MINOR));
  g_assert_cmpuint (n_shown (fixture), >, 0);

  /* The Analysis bar of "Open by Status": that status, whatever the grade. */
  show_dashboard (fixture);
  activate_and_wait (fixture, rectify_chart_get_bar_widget (status, RECTIFY_STATUS_ANALYSIS));
  g_assert_cmpstr (visible_page (fixture), ==, "nonconformities");
  g_assert_cmpuint (gtk_drop_down_get_selected (_rectify_window_get_grade_filter (fixture->window)), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (_rectify_window_get_status_filter (fixture->window)), ==,
                    RECTIFY_STATUS_ANALYSIS + 2);
  g_assert_cmpuint (n_shown (fixture), ==, rectify_stats_get_by_status (stats, RECTIFY_STATUS_ANALYSIS));

  /* A source */
  show_dashboard (fixture);
  activate_and_wait (fixture, rectify_chart_get_bar_widget (source, RECTIFY_SOURCE_INTERNAL_AUDIT));
  g_assert_cmpuint (gtk_drop_down_get_selected (_rectify_window_get_source_filter (fixture->window)), ==,
                    RECTIFY_SOURCE_INTERNAL_AUDIT + 1);
  g_assert_cmpuint (n_shown (fixture),
                    ==, rectify_stats_get_open_by_source (stats, RECTIFY_SOURCE_INTERNAL_AUDIT));

  /* Every bar of "Open by Annex A Theme": the open NCs of that group, as many as the bar says,
   * and each of them in the group by the catalogue. */
  {
    RectifyChart *theme = _rectify_dashboard_get_chart (fixture->dashboard, "theme");
    GPtrArray *themes = rectify_stats_get_open_by_theme (stats);
    GtkDropDown *theme_filter = _rectify_window_get_theme_filter (fixture->window);
    gboolean seen_technological = FALSE;

    g_assert_cmpuint (themes->len, >, 1);
    for (guint i = 0; i < themes->len; i++)
      {
        RectifyStatsCount *count = g_ptr_array_index (themes, i);
        RectifyCatalogueTheme group;
        GListModel *shown;

        g_assert_true (rectify_catalogue_theme_from_key (count->key, &group));
        seen_technological |= group == RECTIFY_CATALOGUE_THEME_TECHNOLOGICAL;

        show_dashboard (fixture);
        activate_and_wait (fixture, rectify_chart_get_bar_widget (theme, i));
        g_test_message ("%s: %u", count->label, count->count);
        g_assert_cmpuint (gtk_drop_down_get_selected (theme_filter), ==, group + 1);
        g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (theme_filter)),
                         ==, count->label);
        g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (_rectify_window_get_status_filter (fixture->window))),
                         ==, "All Open");
        g_assert_cmpuint (gtk_drop_down_get_selected (_rectify_window_get_grade_filter (fixture->window)), ==, 0);
        g_assert_cmpuint (n_shown (fixture), ==, count->count);
        g_assert_cmpuint (n_shown (fixture), >, 0);

        shown = G_LIST_MODEL (gtk_column_view_get_model (_rectify_window_get_column_view (fixture->window)));
        for (guint n = 0; n < g_list_model_get_n_items (shown); n++)
          {
            g_autoptr(RectifyNonconformity) nc = g_list_model_get_item (shown, n);

            g_assert_cmpint (rectify_catalogue_classify (rectify_nonconformity_get_requirement (nc), NULL),
                             ==, group);
            g_assert_cmpint (rectify_nonconformity_get_status (nc), !=, RECTIFY_STATUS_CLOSED);
          }
      }
    g_assert_true (seen_technological);

    /* The filter is one of the filter bar's: another bar of another chart drops it. */
    show_dashboard (fixture);
    activate_and_wait (fixture, rectify_chart_get_bar_widget (grade, RECTIFY_GRADE_MINOR));
    g_assert_cmpuint (gtk_drop_down_get_selected (theme_filter), ==, 0);
    g_assert_cmpuint (n_shown (fixture), ==, rectify_stats_get_open_by_grade (stats, RECTIFY_GRADE_MINOR));

    /* Keyboard: the theme bars are one Tab stop, the arrows move between them. */
    show_dashboard (fixture);
    g_assert_true (gtk_widget_grab_focus (rectify_chart_get_bar_widget (theme, 0)));
    g_assert_true (gtk_widget_child_focus (GTK_WIDGET (theme), GTK_DIR_DOWN));
    g_assert_true (gtk_widget_has_focus (rectify_chart_get_bar_widget (theme, 1)));
  }

  /* The headline figures: open, and overdue */
  show_dashboard (fixture);
  activate_and_wait (fixture, _rectify_dashboard_get_figure_button (fixture->dashboard, "overdue"));
  g_assert_true (gtk_toggle_button_get_active (_rectify_window_get_overdue_toggle (fixture->window)));
  g_assert_cmpuint (gtk_drop_down_get_selected (_rectify_window_get_source_filter (fixture->window)), ==, 0);
  g_assert_cmpuint (n_shown (fixture), ==, rectify_stats_get_overdue_ncs (stats)->len);
  show_dashboard (fixture);
  activate_and_wait (fixture, _rectify_dashboard_get_figure_button (fixture->dashboard, "open"));
  g_assert_cmpuint (n_shown (fixture), ==, rectify_stats_get_n_open (stats));

  /* The keyboard: one Tab stop for the bars, arrows move between them. */
  show_dashboard (fixture);
  bar = rectify_chart_get_bar_widget (grade, 0);
  g_assert_true (gtk_widget_grab_focus (bar));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (grade), GTK_DIR_DOWN));
  g_assert_true (gtk_widget_has_focus (rectify_chart_get_bar_widget (grade, 1)));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (grade), GTK_DIR_UP));
  g_assert_true (gtk_widget_has_focus (bar));
  g_assert_false (gtk_widget_child_focus (GTK_WIDGET (grade), GTK_DIR_TAB_FORWARD));

#ifdef GDK_WINDOWING_X11
  {
    g_autofree char *xdotool = g_find_program_in_path ("xdotool");
    GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (fixture->window));

    if (xdotool != NULL && GDK_IS_X11_SURFACE (surface))
      {
        PageWait wait = { fixture, "nonconformities" };

        /* Real keys: Down twice to Observation, then Enter. The charts sit in a flow box that
         * binds the arrows to its own moves: the chart's bars must still get them. The UI tests
         * share one X display and may run side by side: when another test's window took the
         * input focus meanwhile, the keys went there, and the step is tried again. */
        GtkWidget *observation = rectify_chart_get_bar_widget (grade, RECTIFY_GRADE_OBSERVATION);
        gboolean shown = FALSE;

        for (guint attempt = 0; attempt < 5 && !shown; attempt++)
          {
            gtk_widget_grab_focus (bar);
            send_keys (fixture, xdotool, "Down");
            send_keys (fixture, xdotool, "Down");
            test_ui_iterate_for (100);
            if (!gtk_window_is_active (GTK_WINDOW (fixture->window)))
              continue;
            g_assert_true (gtk_widget_has_focus (observation));

            send_keys (fixture, xdotool, "Return");
            shown = test_ui_iterate_until (page_shown, &wait, 3000);
            if (!shown)
              g_assert_false (gtk_window_is_active (GTK_WINDOW (fixture->window)));
          }
        g_assert_true (shown);
        g_assert_cmpuint (gtk_drop_down_get_selected (_rectify_window_get_grade_filter (fixture->window)), ==,
                          RECTIFY_GRADE_OBSERVATION + 1);
        g_assert_cmpuint (n_shown (fixture), ==,
                          rectify_stats_get_open_by_grade (stats, RECTIFY_GRADE_OBSERVATION));
      }
    else
      g_test_message ("xdotool or X11 missing: real keys not tried");
  }
#endif
}

typedef struct
{
  guint n_elements;
  guint n_drawn;
  char *root;
  char *width;
} SvgCount;

static void
svg_start_element (GMarkupParseContext  *context,
                   const char           *element,
                   const char          **names,
                   const char          **values,
                   gpointer              user_data,
                   GError              **error)
{
  SvgCount *count = user_data;

  if (count->n_elements++ == 0)
    {
      count->root = g_strdup (element);
      for (guint i = 0; names[i] != NULL; i++)
        if (g_str_equal (names[i], "width"))
          count->width = g_strdup (values[i]);
    }
  if (g_str_equal (element, "path") || g_str_equal (element, "use") ||
      g_str_equal (element, "rect"))
    count->n_drawn++;
}

/* The share of pixels of @surface that differ from its top left one (the background). */
static double
drawn_share (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 background = *(const guint32 *)data;
  guint n = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (*(const guint32 *)(data + y * stride + x * 4) != background)
        n++;

  return (double)n / (width * height);
}

static double
background_luminance (cairo_surface_t *surface)
{
  guint32 pixel = *(const guint32 *)cairo_image_surface_get_data (surface);

  return (0.2126 * ((pixel >> 16) & 0xff) + 0.7152 * ((pixel >> 8) & 0xff) +
          0.0722 * (pixel & 0xff)) / 255.0;
}

static cairo_surface_t *
save_png (RectifyChart *chart,
          const char   *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  cairo_surface_t *surface;

  g_assert_true (rectify_chart_save (chart, file, RECTIFY_CHART_FORMAT_PNG, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);

  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);

  return surface;
}

static void
test_save (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autofree char *png = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *dark_png = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GFile) svg_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GMarkupParser parser = { svg_start_element, NULL, NULL, NULL, NULL };
  SvgCount count = { 0 };
  RectifyChart *grade, *trend;
  cairo_surface_t *light, *dark, *lines;
  gsize length = 0;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  show_dashboard (fixture);
  grade = _rectify_dashboard_get_chart (fixture->dashboard, "grade");
  trend = _rectify_dashboard_get_chart (fixture->dashboard, "trend");
  g_assert_cmpstr (rectify_chart_get_file_name (grade), ==, "open-by-grade");

  /* PNG: twice the size, drawn on the style's background. */
  png = g_build_filename (fixture->dir, "grade.png", NULL);
  light = save_png (grade, png);
  g_assert_cmpint (cairo_image_surface_get_width (light), ==, 1600);
  g_assert_cmpint (cairo_image_surface_get_height (light), >, 200);
  g_assert_cmpfloat (drawn_share (light), >, 0.01);
  g_assert_cmpfloat (background_luminance (light), >, 0.8);

  /* The line chart too */
  lines = save_png (trend, png);
  g_assert_cmpfloat (drawn_share (lines), >, 0.01);
  cairo_surface_destroy (lines);

  /* SVG: parses, an <svg> root with its size, and shapes in it */
  svg = g_build_filename (fixture->dir, "grade.svg", NULL);
  svg_file = g_file_new_for_path (svg);
  g_assert_true (rectify_chart_save (grade, svg_file, RECTIFY_CHART_FORMAT_SVG, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &data, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 0);
  context = g_markup_parse_context_new (&parser, 0, &count, NULL);
  g_assert_true (g_markup_parse_context_parse (context, data, length, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (count.root, ==, "svg");
  g_assert_nonnull (count.width);
  g_assert_cmpfloat (g_ascii_strtod (count.width, NULL), ==, 800);
  g_assert_cmpuint (count.n_drawn, >, RECTIFY_N_GRADES);
  g_free (count.root);
  g_free (count.width);

  /* In the dark style the chart is drawn light on dark: nothing is fixed black on white. */
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  test_ui_iterate_for (200);
  dark_png = g_build_filename (fixture->dir, "grade-dark.png", NULL);
  dark = save_png (grade, dark_png);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  test_ui_iterate_for (100);
  g_assert_cmpfloat (background_luminance (dark), <, 0.3);
  g_assert_cmpfloat (drawn_share (dark), >, 0.01);

  cairo_surface_destroy (light);
  cairo_surface_destroy (dark);
}

static void
test_audit (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(RectifyStats) stats = NULL;
  GListModel *audits;
  GtkDropDown *audit_filter;
  gint64 audit_id = 0;
  guint position = 0;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  show_dashboard (fixture);
  audit_filter = _rectify_window_get_audit_filter (fixture->window);

  /* The audit with the most NCs, but not all of them */
  audits = rectify_register_get_audits (fixture->reg);
  {
    guint best = 0;

    for (guint i = 0; i < g_list_model_get_n_items (audits); i++)
      {
        g_autoptr(RectifyAudit) audit = g_list_model_get_item (audits, i);
        gint64 id = rectify_entity_get_id (RECTIFY_ENTITY (audit));
        g_autoptr(RectifyStats) audit_stats = compute_stats (fixture->reg, id);

        if (rectify_stats_get_n_total (audit_stats) > best)
          {
            best = rectify_stats_get_n_total (audit_stats);
            audit_id = id;
            position = i + 1;
          }
      }
    g_assert_cmpuint (best, >, 0);
  }

  /* The register's audit filter scopes the dashboard. */
  gtk_drop_down_set_selected (audit_filter, position);
  test_ui_iterate_for (50);
  g_assert_cmpint (rectify_dashboard_get_audit_id (fixture->dashboard), ==, audit_id);
  stats = compute_stats (fixture->reg, audit_id);
  g_assert_cmpuint (rectify_stats_get_n_total (stats), <,
                    g_list_model_get_n_items (rectify_register_get_nonconformities (fixture->reg)));
  g_assert_cmpuint (rectify_stats_get_n_total (_rectify_dashboard_get_stats (fixture->dashboard)), ==,
                    rectify_stats_get_n_total (stats));
  assert_figures (fixture->dashboard, stats);
  assert_descriptions (fixture->dashboard, stats);
  g_assert_true (g_str_has_prefix (rectify_chart_get_caption (_rectify_dashboard_get_chart (fixture->dashboard, "grade")),
                                   rectify_stats_get_audit_title (stats)));

  /* A bar keeps the audit: the counts still match. */
  activate_and_wait (fixture, rectify_chart_get_bar_widget (_rectify_dashboard_get_chart (fixture->dashboard, "grade"),
                                                     RECTIFY_GRADE_MINOR));
  g_assert_cmpuint (gtk_drop_down_get_selected (audit_filter), ==, position);
  g_assert_cmpuint (n_shown (fixture), ==, rectify_stats_get_open_by_grade (stats, RECTIFY_GRADE_MINOR));

  /* And back: the whole register, from the dashboard's own choice. */
  show_dashboard (fixture);
  rectify_dashboard_set_audit_id (fixture->dashboard, 0);
  test_ui_iterate_for (50);
  g_assert_cmpuint (gtk_drop_down_get_selected (audit_filter), ==, 0);
  g_clear_pointer (&stats, rectify_stats_free);
  stats = compute_stats (fixture->reg, 0);
  assert_figures (fixture->dashboard, stats);
}

static void
test_debounce (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(RectifyStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *ncs = rectify_register_get_nonconformities (fixture->reg);
  RectifyNonconformity *minor = NULL;
  UpdateWait wait;
  guint n_before, n_major;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  show_dashboard (fixture);
  n_major = rectify_stats_get_open_by_grade (_rectify_dashboard_get_stats (fixture->dashboard),
                                             RECTIFY_GRADE_MAJOR);

  for (guint i = 0; i < g_list_model_get_n_items (ncs) && minor == NULL; i++)
    {
      g_autoptr(RectifyNonconformity) nc = g_list_model_get_item (ncs, i);

      if (rectify_nonconformity_get_grade (nc) == RECTIFY_GRADE_MINOR &&
          rectify_nonconformity_get_status (nc) != RECTIFY_STATUS_CLOSED)
        minor = nc;
    }
  g_assert_nonnull (minor);

  /* 300 changes in a row: one computation, after them, with the last state. */
  n_before = _rectify_dashboard_get_n_updates (fixture->dashboard);
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *area = g_strdup_printf ("Area %u", i);

      g_assert_true (rectify_register_update_string (fixture->reg, RECTIFY_ENTITY (minor), "area",
                                                     area, &error));
      g_assert_no_error (error);
    }
  g_assert_true (rectify_register_update_enum (fixture->reg, RECTIFY_ENTITY (minor), "grade",
                                               RECTIFY_GRADE_MAJOR, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (_rectify_dashboard_get_n_updates (fixture->dashboard), ==, n_before);

  wait.dashboard = fixture->dashboard;
  wait.n = n_before + 1;
  g_assert_true (test_ui_iterate_until (has_updates, &wait, 5000));
  test_ui_iterate_for (800);
  g_assert_cmpuint (_rectify_dashboard_get_n_updates (fixture->dashboard), ==, n_before + 1);
  g_assert_cmpuint (rectify_stats_get_open_by_grade (_rectify_dashboard_get_stats (fixture->dashboard),
                                                     RECTIFY_GRADE_MAJOR), ==, n_major + 1);
  stats = compute_stats (fixture->reg, 0);
  assert_descriptions (fixture->dashboard, stats);

  /* Hidden, it does not compute; shown again, it catches up at once. */
  adw_view_stack_set_visible_child_name (_rectify_window_get_view_stack (fixture->window),
                                         "nonconformities");
  test_ui_iterate_for (100);
  n_before = _rectify_dashboard_get_n_updates (fixture->dashboard);
  g_assert_true (rectify_register_update_enum (fixture->reg, RECTIFY_ENTITY (minor), "grade",
                                               RECTIFY_GRADE_MINOR, &error));
  g_assert_no_error (error);
  test_ui_iterate_for (800);
  g_assert_cmpuint (_rectify_dashboard_get_n_updates (fixture->dashboard), ==, n_before);

  adw_view_stack_set_visible_child_name (_rectify_window_get_view_stack (fixture->window),
                                         "dashboard");
  g_assert_true (test_ui_iterate_until (test_ui_is_mapped, fixture->dashboard, 3000));
  g_assert_cmpuint (_rectify_dashboard_get_n_updates (fixture->dashboard), ==, n_before + 1);
  g_assert_cmpuint (rectify_stats_get_open_by_grade (_rectify_dashboard_get_stats (fixture->dashboard),
                                                     RECTIFY_GRADE_MAJOR), ==, n_major);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(RectifyNonconformity) nc = NULL;
  g_autoptr(GError) error = NULL;
  UpdateWait wait;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  adw_view_stack_set_visible_child_name (_rectify_window_get_view_stack (fixture->window),
                                         "dashboard");
  g_assert_true (test_ui_iterate_until (test_ui_is_mapped, fixture->dashboard, 3000));
  test_ui_iterate_for (50);
  g_assert_null (_rectify_dashboard_get_stats (fixture->dashboard));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (_rectify_dashboard_get_chart (fixture->dashboard,
                                                                                  "grade"))));

  /* The first NC brings the figures. */
  nc = rectify_nonconformity_new ();
  g_object_set (nc, "grade", RECTIFY_GRADE_MAJOR, NULL);
  g_assert_true (rectify_register_add (fixture->reg, RECTIFY_ENTITY (nc), &error));
  g_assert_no_error (error);

  wait.dashboard = fixture->dashboard;
  wait.n = _rectify_dashboard_get_n_updates (fixture->dashboard) + 1;
  g_assert_true (test_ui_iterate_until (has_updates, &wait, 5000));
  g_assert_nonnull (_rectify_dashboard_get_stats (fixture->dashboard));
  test_ui_iterate_for (50);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (_rectify_dashboard_get_chart (fixture->dashboard,
                                                                                 "grade"))));
  g_assert_cmpstr (rectify_chart_get_description (_rectify_dashboard_get_chart (fixture->dashboard, "grade")),
                   ==, "Open by Grade: Major 1, Minor 0, Observation 0, OFI 0");
  /* No closed NC, no actions: no figure to make up. */
  g_assert_cmpstr (gtk_label_get_text (_rectify_dashboard_get_figure (fixture->dashboard, "days")), ==, "—");
  g_assert_cmpstr (gtk_label_get_text (_rectify_dashboard_get_figure (fixture->dashboard, "on-time")), ==, "—");
}

static void
test_geometry (void)
{
  /* Axis steps: 1, 2 or 5 times a power of ten, about four ticks */
  g_assert_cmpfloat (_rectify_chart_nice_step (10, 4), ==, 5);
  g_assert_cmpfloat (_rectify_chart_nice_step (4, 4), ==, 1);
  g_assert_cmpfloat (_rectify_chart_nice_step (13, 4), ==, 5);
  g_assert_cmpfloat (_rectify_chart_nice_step (120, 4), ==, 50);
  g_assert_cmpfloat (_rectify_chart_nice_step (1, 4), ==, 1);
  g_assert_cmpfloat (_rectify_chart_nice_step (0, 4), ==, 1);
  g_assert_cmpfloat (_rectify_chart_nice_step (7000, 4), ==, 2000);

  /* The nearest point */
  g_assert_cmpint (_rectify_chart_point_at (0, 10, 100, 50), ==, -1);
  g_assert_cmpint (_rectify_chart_point_at (1, 10, 100, 90), ==, 0);
  g_assert_cmpint (_rectify_chart_point_at (5, 10, 100, 10), ==, 0);
  g_assert_cmpint (_rectify_chart_point_at (5, 10, 100, 34), ==, 1);
  g_assert_cmpint (_rectify_chart_point_at (5, 10, 100, 36), ==, 1);
  g_assert_cmpint (_rectify_chart_point_at (5, 10, 100, 48), ==, 2);
  g_assert_cmpint (_rectify_chart_point_at (5, 10, 100, 500), ==, 4);
  g_assert_cmpint (_rectify_chart_point_at (5, 10, 100, -500), ==, 0);

  /* The bar under the pointer */
  g_assert_cmpint (_rectify_chart_bar_at (4, 10, 32, 9), ==, -1);
  g_assert_cmpint (_rectify_chart_bar_at (4, 10, 32, 10), ==, 0);
  g_assert_cmpint (_rectify_chart_bar_at (4, 10, 32, 41.9), ==, 0);
  g_assert_cmpint (_rectify_chart_bar_at (4, 10, 32, 42), ==, 1);
  g_assert_cmpint (_rectify_chart_bar_at (4, 10, 32, 137), ==, 3);
  g_assert_cmpint (_rectify_chart_bar_at (4, 10, 32, 138), ==, -1);
  g_assert_cmpint (_rectify_chart_bar_at (0, 10, 32, 20), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add_func ("/Rectify/Dashboard/geometry", test_geometry);
  g_test_add ("/Rectify/Dashboard/figures", Fixture, NULL,
              fixture_set_up, test_figures, fixture_tear_down);
  g_test_add ("/Rectify/Dashboard/activate", Fixture, NULL,
              fixture_set_up, test_activate, fixture_tear_down);
  g_test_add ("/Rectify/Dashboard/save", Fixture, NULL,
              fixture_set_up, test_save, fixture_tear_down);
  g_test_add ("/Rectify/Dashboard/audit", Fixture, NULL,
              fixture_set_up, test_audit, fixture_tear_down);
  g_test_add ("/Rectify/Dashboard/debounce", Fixture, NULL,
              fixture_set_up, test_debounce, fixture_tear_down);
  g_test_add ("/Rectify/Dashboard/empty", Fixture, NULL,
              fixture_set_up_empty, test_empty, fixture_tear_down);

  return g_test_run ();
}
