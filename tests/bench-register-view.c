/* bench-register-view.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measures what a person waits for when a register opens: from the start of the program to the
 * first frame of the register view that shows rows, and the peak resident memory of the process.
 *
 *   bench-register-view --create PATH COUNT   write a synthetic register of COUNT NCs
 *   bench-register-view PATH                  open PATH in the window, print one result line
 *   bench-register-view --open PATH           open PATH without a window (the register alone:
 *                                             file checks, NCs and audits read), print the time
 *
 * It is run by tests/bench-register-view.py (meson test --benchmark), which starts one process
 * per measurement so that the peak memory of each is its own.
 */

#define G_LOG_DOMAIN "bench-register-view"

#include "config.h"

#include <adwaita.h>
#include <sys/resource.h>
#include <time.h>

#include "rectify-demo.h"
#include "rectify-register.h"
#include "rectify-window.h"
#include "rectify-window-private.h"

static gint64 start_us;
static gint64 opened_us;   /* the register's reading started (the window is built beside it) */
static char *register_path;
static gboolean done;
static gboolean filling;
static gint64 first_frame_us;
static double frame_begin_cpu_ms;
static double max_fill_frame_cpu_ms;
static guint n_fill_frames;

/* CPU time of this thread (the main thread): what the window's work cost, whatever else the
 * machine is doing. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1.0e6;
}

static void
report (RectifyWindow *window)
{
  struct rusage usage;
  /* The NCs the table shows: it may still be getting its rows (a few more each frame) */
  GListModel *model = _rectify_window_get_filtered (window);
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  double first_frame_ms = (g_get_monotonic_time () - start_us) / 1000.0;
  double cpu_ms = thread_cpu_ms ();

  getrusage (RUSAGE_SELF, &usage);
  g_print ("rows=%u open_ms=%.1f first_frame_ms=%.1f peak_rss_mb=%.1f renderer=%s "
           "first_frame_cpu_ms=%.1f\n",
           g_list_model_get_n_items (model),
           (opened_us - start_us) / 1000.0,
           first_frame_ms,
           usage.ru_maxrss / 1024.0,
           renderer != NULL ? G_OBJECT_TYPE_NAME (renderer) : "none",
           cpu_ms);
}

static void
after_paint_cb (GdkFrameClock *clock,
                RectifyWindow *window)
{
  GtkColumnView *view;

  if (done)
    return;

  /* The register page is on screen: rows in the column view, or the empty state of a register
   * without nonconformities. */
  view = _rectify_window_get_column_view (window);
  if (g_strcmp0 (_rectify_window_get_page (window), "register") != 0 ||
      rectify_window_is_opening (window))
    return;

  if (!gtk_widget_get_mapped (GTK_WIDGET (view)) &&
      g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))) > 0)
    return;

  done = TRUE;
  first_frame_us = g_get_monotonic_time ();
  report (window);
  filling = _rectify_window_is_table_filling (window);
  if (!filling)
    gtk_window_destroy (GTK_WINDOW (window));
}

/* The frames after the first while the table gets the rest of its rows: their count, the
 * slowest (CPU of the main thread), and the time until the table has them all. */
static void
fill_after_paint_cb (GdkFrameClock *clock,
                     RectifyWindow *window)
{
  if (!filling)
    return;

  n_fill_frames++;
  max_fill_frame_cpu_ms = MAX (max_fill_frame_cpu_ms, thread_cpu_ms () - frame_begin_cpu_ms);
  if (_rectify_window_is_table_filling (window))
    return;

  filling = FALSE;
  g_print ("fill_frames=%u fill_ms=%.1f max_fill_frame_cpu_ms=%.1f\n",
           n_fill_frames, (g_get_monotonic_time () - first_frame_us) / 1000.0,
           max_fill_frame_cpu_ms);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
before_paint_cb (GdkFrameClock *clock,
                 RectifyWindow *window)
{
  frame_begin_cpu_ms = thread_cpu_ms ();
}

static void
realize_cb (GtkWidget *widget,
            gpointer   user_data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_connect_object (clock, "before-paint", G_CALLBACK (before_paint_cb), widget, 0);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (fill_after_paint_cb), widget, 0);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (after_paint_cb), widget, 0);
}

static void
activate_cb (GtkApplication *app)
{
  g_autoptr(GFile) file = g_file_new_for_path (register_path);
  RectifyWindow *window;

  /* As the app opens a register at start (a file given on the command line, or the last one):
   * read in a thread while the window is built and drawn. */
  opened_us = g_get_monotonic_time ();
  window = rectify_window_new_for_file (app, file);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static int
create_register (const char *path,
                 const char *count)
{
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(GError) error = NULL;
  guint64 n = 0;

  if (!g_ascii_string_to_unsigned (count, 10, 0, 1000000, &n, &error) ||
      !(reg = rectify_register_create (path, &error)) ||
      (n > 0 && !rectify_demo_populate_synthetic (reg, n, 1, "2026-06-15", &error)))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  return 0;
}

static int
open_register (const char *path)
{
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();
  gint64 t1;

  if (!(reg = rectify_register_open (path, &error)))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  t1 = g_get_monotonic_time ();

  g_print ("rows=%u register_open_ms=%.1f\n",
           g_list_model_get_n_items (rectify_register_get_nonconformities (reg)),
           (t1 - t0) / 1000.0);

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  start_us = g_get_monotonic_time ();

  if (argc == 4 && g_str_equal (argv[1], "--create"))
    return create_register (argv[2], argv[3]);

  if (argc == 3 && g_str_equal (argv[1], "--open"))
    return open_register (argv[2]);

  if (argc != 2)
    {
      g_printerr ("usage: %s --create PATH COUNT | %s --open PATH | %s PATH\n",
                  argv[0], argv[0], argv[0]);
      return 1;
    }

  register_path = argv[1];
  app = adw_application_new ("io.github.rectify.Rectify.Bench", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), 1, argv);
}
