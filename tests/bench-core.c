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
 *
 * (The fishbone has its own benchmark, tests/bench-fishbone.c.)
 */

#define G_LOG_DOMAIN "bench-core"

#include "config.h"

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

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--search"))
    return bench_search (argv[2]);
  g_printerr ("usage: %s --search PATH\n", argv[0]);
  return 1;
}
