/* bench-board.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The board on a large register, as the app shows it: a Rectify window whose page is the board
 * (as when the board was the page in use when the app last closed) opens the register the way the
 * app does at start (read in a thread while the window is drawn). Measured: the time from the
 * start of the program to the first frame that shows the board's columns filled, then every
 * column scrolled from top to bottom (the vadjustment moved a step
 * on each frame-clock tick), with the longest frame interval, the longest frame (from the start
 * of its update to the end of its paint, in wall-clock time and in CPU time of the thread, which
 * does not depend on what else the machine runs) and the peak resident memory.
 *
 *   bench-board --create PATH COUNT         write a synthetic register of COUNT NCs ("demo":
 *                                           the hand-written demo register)
 *   bench-board PATH [--width W] [--shot FILE.png] [--scroll end] [--hold MS]
 *                                           measure (or, with --shot, save a picture of the
 *                                           window after the first frames and exit; with
 *                                           --hold, keep the window open for MS, for AT-SPI)
 *
 * Run by tests/bench-board.py (meson test --benchmark board), one process per measurement.
 */

#define G_LOG_DOMAIN "bench-board"

#include "config.h"

#include <adwaita.h>
#include <sys/resource.h>
#include <time.h>

#include "rectify-board.h"
#include "rectify-demo.h"
#include "rectify-register.h"
#include "rectify-window.h"
#include "rectify-window-private.h"

/* Frames spent scrolling each column from top to bottom. */
#define FRAMES_PER_COLUMN 120

static gint64 start_us;
static char *register_path;
static char *shot_path;
static int width = 1280;
static gboolean scroll_end;
static int hold_ms;

static GtkWidget *window;
static RectifyBoard *board;

static gboolean first_frame_done;
static double first_frame_ms;
static double first_frame_cpu_ms;   /* CPU time of the main thread up to the first frame */
static gboolean scrolling;
static guint column;
static guint column_frames;
static gint64 frame_begin_us;
static gint64 frame_begin_cpu_us;
static GArray *cpu_times;
static gint64 last_paint_us;
static GArray *intervals;
static double max_work_ms;
static guint n_frames;

/* CPU time of this thread: the work of a frame, whatever else the machine is doing. */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static guint
n_shown (void)
{
  guint n = 0;

  for (RectifyStatus s = 0; s < RECTIFY_N_STATUSES; s++)
    n += g_list_model_get_n_items (rectify_board_get_column_model (board, s));

  return n;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

static void
report (void)
{
  struct rusage usage;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  double max_interval = 0;
  double p95 = 0;
  double max_cpu = 0;
  double p95_cpu = 0;

  if (intervals->len > 0)
    {
      g_array_sort (intervals, compare_double);
      max_interval = g_array_index (intervals, double, intervals->len - 1);
      p95 = g_array_index (intervals, double, (guint)(intervals->len * 0.95));
      g_array_sort (cpu_times, compare_double);
      max_cpu = g_array_index (cpu_times, double, cpu_times->len - 1);
      p95_cpu = g_array_index (cpu_times, double, (guint)(cpu_times->len * 0.95));
    }

  getrusage (RUSAGE_SELF, &usage);
  g_print ("ncs=%u first_frame_ms=%.1f frames=%u max_interval_ms=%.1f p95_interval_ms=%.1f "
           "max_frame_ms=%.1f max_frame_cpu_ms=%.1f p95_frame_cpu_ms=%.1f peak_rss_mb=%.1f "
           "renderer=%s first_frame_cpu_ms=%.1f\n",
           n_shown (), first_frame_ms, n_frames, max_interval, p95, max_work_ms, max_cpu, p95_cpu,
           usage.ru_maxrss / 1024.0,
           renderer != NULL ? G_OBJECT_TYPE_NAME (renderer) : "none", first_frame_cpu_ms);
}

static void
save_shot (void)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int w = gtk_widget_get_width (window);
  int h = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  if (!gdk_texture_save_to_png (texture, shot_path))
    g_error ("could not write %s", shot_path);
  g_print ("shot=%s %dx%d\n", shot_path, w, h);
}

static gboolean
quit_cb (gpointer data)
{
  if (shot_path != NULL)
    save_shot ();
  else
    report ();
  gtk_window_destroy (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  GtkAdjustment *adj;
  double upper, page, value, step;

  while (column < RECTIFY_N_STATUSES &&
         g_list_model_get_n_items (rectify_board_get_column_model (board, column)) == 0)
    column++;

  if (column >= RECTIFY_N_STATUSES)
    {
      scrolling = FALSE;
      g_idle_add (quit_cb, NULL);
      return G_SOURCE_REMOVE;
    }

  adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (rectify_board_get_column_view (board, column)));
  upper = gtk_adjustment_get_upper (adj);
  page = gtk_adjustment_get_page_size (adj);
  value = gtk_adjustment_get_value (adj);
  step = MAX (page, upper / FRAMES_PER_COLUMN);

  if (value + page >= upper - 1 || ++column_frames > 4 * FRAMES_PER_COLUMN)
    {
      column++;
      column_frames = 0;
      return G_SOURCE_CONTINUE;
    }

  gtk_adjustment_set_value (adj, MIN (value + step, upper - page));
  return G_SOURCE_CONTINUE;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 gpointer       data)
{
  frame_begin_us = g_get_monotonic_time ();
  frame_begin_cpu_us = thread_cpu_us ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  gint64 now = g_get_monotonic_time ();

  if (!first_frame_done)
    {
      /* The board on screen with the register read into its columns */
      if (!gtk_widget_get_mapped (GTK_WIDGET (board)) ||
          rectify_window_is_opening (RECTIFY_WINDOW (window)) ||
          rectify_board_get_register (board) == NULL)
        return;
      first_frame_done = TRUE;
      first_frame_ms = (now - start_us) / 1000.0;
      first_frame_cpu_ms = thread_cpu_us () / 1000.0;
      last_paint_us = now;

      if (hold_ms > 0)
        {
          g_timeout_add (hold_ms, quit_cb, NULL);
          return;
        }

      if (shot_path != NULL)
        {
          if (scroll_end)
            {
              /* The board's horizontal scroller is its only child. */
              GtkWidget *scroller = gtk_widget_get_first_child (GTK_WIDGET (board));
              GtkAdjustment *adj = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));

              gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
            }
          g_timeout_add (500, quit_cb, NULL);
          return;
        }

      scrolling = TRUE;
      gtk_widget_add_tick_callback (GTK_WIDGET (board), scroll_tick_cb, NULL, NULL);
      return;
    }

  if (scrolling)
    {
      double interval = (now - last_paint_us) / 1000.0;
      double work = (now - frame_begin_us) / 1000.0;

      double cpu = (thread_cpu_us () - frame_begin_cpu_us) / 1000.0;

      g_array_append_val (intervals, interval);
      g_array_append_val (cpu_times, cpu);
      if (cpu > 16.0)
        g_printerr ("slow frame: column %u, frame %u of it: %.1f ms CPU, %.1f ms wall\n",
                    column, column_frames, cpu, work);
      max_work_ms = MAX (max_work_ms, work);
      n_frames++;
    }
  last_paint_us = now;
}

static void
realize_cb (GtkWidget *widget,
            gpointer   data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
}

static void
activate_cb (GtkApplication *app)
{
  g_autoptr(GFile) file = g_file_new_for_path (register_path);

  /* As the app opens a register: read in a thread while the window is built and drawn */
  window = GTK_WIDGET (rectify_window_new_for_file (app, file));
  gtk_window_set_default_size (GTK_WINDOW (window), width, 800);
  board = _rectify_window_get_board (RECTIFY_WINDOW (window));
  /* The page the window restores when the board was in use at the last close */
  adw_view_stack_set_visible_child_name (_rectify_window_get_view_stack (RECTIFY_WINDOW (window)),
                                         "board");
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static int
create_register (const char *path,
                 const char *count)
{
  g_autoptr(RectifyRegister) new_reg = NULL;
  g_autoptr(GError) error = NULL;
  guint64 n = 0;

  if (g_str_equal (count, "demo"))
    {
      if (!(new_reg = rectify_register_create (path, &error)) ||
          !rectify_demo_populate (new_reg, "2026-06-15", &error))
        {
          g_printerr ("%s\n", error->message);
          return 2;
        }
      return 0;
    }

  if (!g_ascii_string_to_unsigned (count, 10, 0, 1000000, &n, &error) ||
      !(new_reg = rectify_register_create (path, &error)) ||
      (n > 0 && !rectify_demo_populate_synthetic (new_reg, n, 1, "2026-06-15", &error)))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;
  int status;

  start_us = g_get_monotonic_time ();

  if (argc == 4 && g_str_equal (argv[1], "--create"))
    return create_register (argv[2], argv[3]);

  if (argc < 2)
    {
      g_printerr ("usage: %s --create PATH COUNT | %s PATH [--width W] [--shot FILE]\n",
                  argv[0], argv[0]);
      return 1;
    }

  register_path = argv[1];
  for (int i = 2; i + 1 < argc; i += 2)
    {
      if (g_str_equal (argv[i], "--width"))
        width = atoi (argv[i + 1]);
      else if (g_str_equal (argv[i], "--shot"))
        shot_path = argv[i + 1];
      else if (g_str_equal (argv[i], "--hold"))
        hold_ms = atoi (argv[i + 1]);
      else if (g_str_equal (argv[i], "--scroll"))
        scroll_end = g_str_equal (argv[i + 1], "end");
    }

  intervals = g_array_new (FALSE, FALSE, sizeof (double));
  cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  app = adw_application_new ("io.github.rectify.Rectify.BenchBoard", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  status = g_application_run (G_APPLICATION (app), 1, argv);
  g_array_unref (intervals);
  g_array_unref (cpu_times);

  return status;
}
