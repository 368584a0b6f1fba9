/* bench-core.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Core figures for tests/bench-all.py, one result line each:
 *
 *   bench-core --search PATH          full-text search of the register at PATH: every query of a
 *                                     fixed set, run a number of times; prints the median and
 *                                     the slowest time of one search
 *   bench-core --fishbone N           a fishbone of N causes (a third of them sub-causes, over
 *                                     the six default bones and two of their own): the median
 *                                     time of laying it out and drawing it into an image
 */

#define G_LOG_DOMAIN "bench-core"

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "rectify-fishbone.h"
#include "rectify-register.h"

#define RUNS 25

/* Words of the synthetic demo data (rectify-demo.c): whole words, prefixes, several words, and
 * words that are in no NC */
static const char * const queries[] = {
  "access", "backup", "supplier contract", "acc", "firewall rule", "hamburg", "not approved",
  "penetration test finding", "privileged", "log retention overdue", "zebra", "quantum leap",
};

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_double);
  return g_array_index (times, double, times->len / 2);
}

static int
bench_search (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = rectify_register_open (path, &error);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  guint hits = 0;
  double mid;

  if (reg == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  for (guint run = 0; run < RUNS; run++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        gint64 start = g_get_monotonic_time ();
        g_autoptr(GArray) ids = rectify_register_search (reg, queries[q], &error);
        double ms = (g_get_monotonic_time () - start) / 1000.0;

        if (ids == NULL)
          {
            g_printerr ("%s\n", error->message);
            return 2;
          }
        if (run == 0)
          hits += ids->len;
        g_array_append_val (times, ms);
      }

  mid = median (times);
  g_print ("ncs=%u queries=%u hits=%u search_median_ms=%.2f search_max_ms=%.2f\n",
           g_list_model_get_n_items (rectify_register_get_nonconformities (reg)),
           (guint)G_N_ELEMENTS (queries), hits, mid,
           g_array_index (times, double, times->len - 1));

  return 0;
}

static int
bench_fishbone (guint n_causes)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rectify-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(RectifyNonconformity) nc = rectify_nonconformity_new ();
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) top = g_ptr_array_new_with_free_func (g_object_unref);
  const char * const *defaults = rectify_fishbone_default_categories ();
  guint n_defaults = g_strv_length ((char **)defaults);
  double width = 0, height = 0;
  double mid;

  g_assert_no_error (error);
  path = g_build_filename (dir, "fishbone.rectify", NULL);
  reg = rectify_register_create (path, &error);
  g_assert_no_error (error);

  g_object_set (nc, "title", "Access reviews of privileged accounts were not performed",
                NULL);
  rectify_register_add (reg, RECTIFY_ENTITY (nc), &error);
  g_assert_no_error (error);

  rectify_register_begin (reg, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_causes; i++)
    {
      g_autoptr(RectifyCause) cause = rectify_cause_new ();
      g_autofree char *text = g_strdup_printf ("Cause %u: the procedure does not cover case %u "
                                               "and nobody checks it", i, i * 7);
      const char *category = i % 8 < n_defaults ? defaults[i % 8] :
                             i % 8 == 6 ? "Auditors" : "Budget";
      gint64 parent = 0;

      /* every third cause is a why of an earlier top-level cause */
      if (i % 3 == 2 && top->len > 0)
        {
          RectifyCause *p = g_ptr_array_index (top, (i * 5) % top->len);

          parent = rectify_entity_get_id (RECTIFY_ENTITY (p));
          category = rectify_cause_get_category (p);
        }

      g_object_set (cause, "nc-id", rectify_entity_get_id (RECTIFY_ENTITY (nc)),
                    "parent-id", parent, "category", category, "text", text,
                    "position", (int)i, "is-root", i % 17 == 0, NULL);
      rectify_register_add (reg, RECTIFY_ENTITY (cause), &error);
      g_assert_no_error (error);
      if (parent == 0)
        g_ptr_array_add (top, g_object_ref (cause));
    }
  rectify_register_commit (reg, &error);
  g_assert_no_error (error);

  for (guint run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      RectifyFishboneLayout *layout = rectify_fishbone_layout_new_for_nc (reg, nc, NULL, 1);
      cairo_surface_t *surface;
      cairo_t *cr;
      double ms;

      rectify_fishbone_layout_get_size (layout, &width, &height);
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)width, (int)height);
      cr = cairo_create (surface);
      rectify_fishbone_draw (layout, cr, NULL, 0);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      ms = (g_get_monotonic_time () - start) / 1000.0;

      cairo_surface_destroy (surface);
      rectify_fishbone_layout_unref (layout);
      g_array_append_val (times, ms);
    }

  mid = median (times);
  g_print ("causes=%u size=%.0fx%.0f fishbone_median_ms=%.1f fishbone_max_ms=%.1f\n",
           n_causes, width, height, mid, g_array_index (times, double, times->len - 1));

  g_clear_object (&reg);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
    g_unlink (path);
    g_rmdir (dir);
  }

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--search"))
    return bench_search (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "--fishbone"))
    return bench_fishbone ((guint)atoi (argv[2]));

  g_printerr ("usage: %s --search PATH | %s --fishbone N\n", argv[0], argv[0]);
  return 1;
}
