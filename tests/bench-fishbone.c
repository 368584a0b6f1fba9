/* bench-fishbone.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How long the fishbone diagram of an NC with 200 causes takes to lay out and to draw, with the
 * core code the analysis window, the CLI export and the workbook all use. A frame of the
 * analysis window draws the diagram into a surface the size of the window: the benchmark does
 * the same at 1280 × 800, once fitted to the window (the whole diagram, small) and once at
 * 100 % (a part of it, readable), and also the whole diagram at 100 % as an export does.
 *
 *   bench-fishbone [N_CAUSES] [ROUNDS]
 *
 * Prints one line per measurement: "name=... median_ms=... min_ms=..." (meson test --benchmark).
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "rectify-fishbone.h"

#define FRAME_WIDTH 1280
#define FRAME_HEIGHT 800

static GListStore *
build_causes (guint   n,
              guint32 seed)
{
  static const char * const categories[] = {
    "People", "Process", "Technology", "Policy & documentation", "Suppliers & third parties",
    "Environment", "Measurement", "Budget",
  };
  static const char * const texts[] = {
    "Staff were not trained on the new procedure",
    "No owner",
    "The backup job reports success even when the log volume is skipped",
    "Supplier contracts do not require notification of security incidents within a defined time",
    "Too short",
    "The access review is done once a year, so leavers stay enabled for months before anyone "
    "notices that their accounts still work",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GListStore *causes = g_list_store_new (RECTIFY_TYPE_CAUSE);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RectifyCause) cause = rectify_cause_new ();
      gint64 id = 100 + i;
      gint64 parent = 0;

      /* About a third at top level, the rest answering earlier causes */
      if (ids->len > 0 && g_rand_int_range (rand, 0, 3) > 0)
        parent = g_array_index (ids, gint64, g_rand_int_range (rand, 0, (int)ids->len));

      g_object_set (cause,
                    "nc-id", (gint64)1,
                    "parent-id", parent,
                    "category", categories[g_rand_int_range (rand, 0, G_N_ELEMENTS (categories))],
                    "text", texts[g_rand_int_range (rand, 0, G_N_ELEMENTS (texts))],
                    "position", (int)(i % 7),
                    "is-root", g_rand_int_range (rand, 0, 5) == 0,
                    NULL);
      rectify_entity_set_id (RECTIFY_ENTITY (cause), id);
      g_list_store_append (causes, cause);
      g_array_append_val (ids, id);
    }

  return causes;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static void
report (const char *name,
        GArray     *times)
{
  g_array_sort (times, compare_double);
  g_print ("name=%s median_ms=%.2f min_ms=%.2f max_ms=%.2f\n", name,
           g_array_index (times, double, times->len / 2),
           g_array_index (times, double, 0),
           g_array_index (times, double, times->len - 1));
}

/* One frame: the background and the diagram at @zoom, offset by (@x, @y), into @surface */
static double
draw_frame (RectifyFishboneLayout *layout,
            cairo_surface_t       *surface,
            double                 zoom,
            double                 x,
            double                 y)
{
  gint64 start = g_get_monotonic_time ();
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, zoom, zoom);
  rectify_fishbone_draw (layout, cr, NULL, 0);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint)atoi (argv[1]) : 200;
  guint rounds = argc > 2 ? (guint)atoi (argv[2]) : 20;
  g_autoptr(GListStore) causes = build_causes (n, 42);
  g_autoptr(GArray) layout_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) fit_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) full_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) export_ms = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_surface_t *frame;
  double width = 0, height = 0, fit;

  if (n == 0 || rounds == 0)
    {
      g_printerr ("usage: %s [N_CAUSES] [ROUNDS]\n", argv[0]);
      return 1;
    }

  frame = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, FRAME_WIDTH, FRAME_HEIGHT);

  for (guint r = 0; r < rounds; r++)
    {
      g_autoptr(RectifyFishboneLayout) layout = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      layout = rectify_fishbone_layout_new ("NC-200", "Two hundred causes of one problem", NULL,
                                            G_LIST_MODEL (causes), NULL, 1.0);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (layout_ms, ms);

      rectify_fishbone_layout_get_size (layout, &width, &height);
      fit = MIN (FRAME_WIDTH / width, FRAME_HEIGHT / height);

      ms = draw_frame (layout, frame, fit, (FRAME_WIDTH - width * fit) / 2,
                       (FRAME_HEIGHT - height * fit) / 2);
      g_array_append_val (fit_ms, ms);

      /* At 100 %, the window over the middle of the diagram */
      ms = draw_frame (layout, frame, 1.0, -(width - FRAME_WIDTH) / 2,
                       -(height - FRAME_HEIGHT) / 2);
      g_array_append_val (full_ms, ms);

      /* The whole diagram at 100 %, as a PNG export draws it (before encoding) */
      if (r < 5)
        {
          cairo_surface_t *whole = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                               (int)ceil (width),
                                                               (int)ceil (height));

          ms = draw_frame (layout, whole, 1.0, 0, 0);
          g_array_append_val (export_ms, ms);
          cairo_surface_destroy (whole);
        }
    }

  cairo_surface_destroy (frame);

  g_print ("causes=%u diagram=%.0fx%.0f frame=%dx%d rounds=%u\n", n, width, height,
           FRAME_WIDTH, FRAME_HEIGHT, rounds);
  report ("layout", layout_ms);
  report ("frame_fit", fit_ms);
  report ("frame_100", full_ms);
  report ("whole_100", export_ms);

  return 0;
}
