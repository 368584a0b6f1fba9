/* test-date.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "rectify-date.h"

static void
test_parse (void)
{
  static const char *good[] = {
    "2026-03-04", "2026-01-01", "2026-12-31", "0001-01-01", "9999-12-31", "2026-04-30",
  };
  static const char *bad[] = {
    "", "2026", "2026-3-4", "2026-03-4", "20260304", "2026/03/04", "04/03/2026", "04.03.2026",
    "2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32", "2026-04-31", "2026-02-30",
    "2026-02-29", "0000-01-01", " 2026-03-04", "2026-03-04 ", "2026-03-04x", "2026-03-04T10:00:00Z",
    "abcd-ef-gh", "2026-0a-04", "+026-03-04", "-026-03-04", "2026--3-04", "２０２６-03-04",
  };
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_assert_true (rectify_date_parse (good[i], NULL));
      g_assert_true (rectify_date_parse (good[i], &date));
      g_assert_true (g_date_valid (&date));
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      if (rectify_date_parse (bad[i], &date))
        g_error ("\"%s\" was taken as a date", bad[i]);
    }

  g_assert_false (rectify_date_parse (NULL, &date));
  g_assert_false (rectify_date_parse (NULL, NULL));

  g_assert_true (rectify_date_parse ("2026-03-04", &date));
  g_assert_cmpint (g_date_get_year (&date), ==, 2026);
  g_assert_cmpint (g_date_get_month (&date), ==, G_DATE_MARCH);
  g_assert_cmpint (g_date_get_day (&date), ==, 4);
  g_assert_cmpint (g_date_get_weekday (&date), ==, G_DATE_WEDNESDAY);
}

static void
test_leap_years (void)
{
  g_autofree char *a = rectify_date_add_days ("2024-02-28", 1);
  g_autofree char *b = rectify_date_add_days ("2025-02-28", 1);
  g_autofree char *c = rectify_date_add_days ("2024-02-29", 365);
  g_autofree char *n1 = rectify_date_normalize ("29/02/2024");
  g_autofree char *n2 = rectify_date_normalize ("29.02.2023");
  int days;

  /* Divisible by 4, but not by 100 unless also by 400. */
  g_assert_true (rectify_date_parse ("2024-02-29", NULL));
  g_assert_true (rectify_date_parse ("2000-02-29", NULL));
  g_assert_true (rectify_date_parse ("2400-02-29", NULL));
  g_assert_false (rectify_date_parse ("1900-02-29", NULL));
  g_assert_false (rectify_date_parse ("2100-02-29", NULL));
  g_assert_false (rectify_date_parse ("2025-02-29", NULL));
  g_assert_false (rectify_date_parse ("2024-02-30", NULL));

  g_assert_cmpstr (a, ==, "2024-02-29");
  g_assert_cmpstr (b, ==, "2025-03-01");
  g_assert_cmpstr (c, ==, "2025-02-28");
  g_assert_cmpstr (n1, ==, "2024-02-29");
  g_assert_null (n2);

  g_assert_true (rectify_date_days_between ("2024-01-01", "2025-01-01", &days));
  g_assert_cmpint (days, ==, 366);
  g_assert_true (rectify_date_days_between ("2025-01-01", "2026-01-01", &days));
  g_assert_cmpint (days, ==, 365);
  g_assert_true (rectify_date_days_between ("2024-02-28", "2024-03-01", &days));
  g_assert_cmpint (days, ==, 2);
  g_assert_true (rectify_date_days_between ("2100-02-28", "2100-03-01", &days));
  g_assert_cmpint (days, ==, 1);
}

static void
test_normalize (void)
{
  static const struct {
    const char *in;
    const char *out;
  } cases[] = {
    { "2026-03-04", "2026-03-04" },
    { "04/03/2026", "2026-03-04" },
    { "04.03.2026", "2026-03-04" },
    { "4/3/2026", "2026-03-04" },
    { "4.3.2026", "2026-03-04" },
    { "31/12/2026", "2026-12-31" },
    { "1/01/2026", "2026-01-01" },
    { "  2026-03-04\t", "2026-03-04" },
    { " 15.06.2026 \n", "2026-06-15" },
    /* Impossible dates, wrong orders and garbage. */
    { "2026-02-30", NULL },
    { "30/02/2026", NULL },
    { "31.04.2026", NULL },
    { "00/01/2026", NULL },
    { "01/13/2026", NULL },
    { "12/31/2026", NULL },
    { "04/03/26", NULL },
    { "04-03-2026", NULL },
    { "04/03.2026", NULL },
    { "2026/03/04", NULL },
    { "2026.03.04", NULL },
    { "004/03/2026", NULL },
    { "04/003/2026", NULL },
    { "04/03/20266", NULL },
    { "/03/2026", NULL },
    { "04//2026", NULL },
    { "04/03/", NULL },
    { "4 March 2026", NULL },
    { "yesterday", NULL },
    { "2026-03-04 extra", NULL },
    { "", NULL },
    { "   ", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = rectify_date_normalize (cases[i].in);

      if (g_strcmp0 (out, cases[i].out) != 0)
        g_error ("normalize (\"%s\") gave %s, expected %s",
                 cases[i].in, out ? out : "NULL", cases[i].out ? cases[i].out : "NULL");
    }

  g_assert_null (rectify_date_normalize (NULL));
}

static void
test_add_days (void)
{
  static const struct {
    const char *in;
    int         days;
    const char *out;
  } cases[] = {
    { "2026-03-04", 0, "2026-03-04" },
    { "2026-03-04", 1, "2026-03-05" },
    { "2026-03-31", 1, "2026-04-01" },
    { "2026-12-31", 1, "2027-01-01" },
    { "2027-01-01", -1, "2026-12-31" },
    { "2026-03-01", -1, "2026-02-28" },
    { "2026-01-15", 30, "2026-02-14" },
    { "2026-01-15", 90, "2026-04-15" },
    { "2026-01-15", 365, "2027-01-15" },
    { "2026-06-15", -3650, "2016-06-17" },
    { "9999-12-30", 1, "9999-12-31" },
    { "0001-01-02", -1, "0001-01-01" },
    /* Out of the four-digit years, or not a date. */
    { "9999-12-31", 1, NULL },
    { "0001-01-01", -1, NULL },
    { "2026-01-01", G_MAXINT, NULL },
    { "2026-01-01", G_MININT, NULL },
    { "2026-02-30", 1, NULL },
    { "tomorrow", 1, NULL },
    { "", 1, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = rectify_date_add_days (cases[i].in, cases[i].days);

      if (g_strcmp0 (out, cases[i].out) != 0)
        g_error ("add_days (\"%s\", %d) gave %s, expected %s", cases[i].in, cases[i].days,
                 out ? out : "NULL", cases[i].out ? cases[i].out : "NULL");
    }

  g_assert_null (rectify_date_add_days (NULL, 1));
}

static void
test_days_between (void)
{
  int days = 777;

  g_assert_true (rectify_date_days_between ("2026-06-10", "2026-06-15", &days));
  g_assert_cmpint (days, ==, 5);
  g_assert_true (rectify_date_days_between ("2026-06-15", "2026-06-10", &days));
  g_assert_cmpint (days, ==, -5);
  g_assert_true (rectify_date_days_between ("2026-06-15", "2026-06-15", &days));
  g_assert_cmpint (days, ==, 0);
  g_assert_true (rectify_date_days_between ("2025-12-31", "2026-01-01", &days));
  g_assert_cmpint (days, ==, 1);
  g_assert_true (rectify_date_days_between ("0001-01-01", "9999-12-31", &days));
  g_assert_cmpint (days, ==, 3652058);
  g_assert_true (rectify_date_days_between ("2026-01-01", "2026-12-31", NULL));

  days = 777;
  g_assert_false (rectify_date_days_between ("2026-02-30", "2026-06-15", &days));
  g_assert_false (rectify_date_days_between ("2026-06-15", "garbage", &days));
  g_assert_false (rectify_date_days_between (NULL, "2026-06-15", &days));
  g_assert_false (rectify_date_days_between ("2026-06-15", NULL, &days));
  g_assert_false (rectify_date_days_between ("15/06/2026", "2026-06-15", &days));
  g_assert_cmpint (days, ==, 777);

  /* add_days and days_between agree. */
  for (int n = -1000; n <= 1000; n += 37)
    {
      g_autofree char *later = rectify_date_add_days ("2024-02-29", n);

      g_assert_nonnull (later);
      g_assert_true (rectify_date_days_between ("2024-02-29", later, &days));
      g_assert_cmpint (days, ==, n);
    }
}

static void
test_today (void)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *fixed = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *real = NULL;
  g_autofree char *expected = NULL;

  g_setenv ("RECTIFY_TODAY", "2026-06-15", TRUE);
  fixed = rectify_date_today ();
  g_assert_cmpstr (fixed, ==, "2026-06-15");

  g_unsetenv ("RECTIFY_TODAY");
  now = g_date_time_new_now_local ();
  real = rectify_date_today ();
  expected = g_date_time_format (now, "%Y-%m-%d");
  g_assert_true (rectify_date_parse (real, NULL));
  /* Unless the test runs across midnight. */
  if (g_strcmp0 (real, expected) != 0)
    {
      int days;

      g_assert_true (rectify_date_days_between (expected, real, &days));
      g_assert_cmpint (days, ==, 1);
    }

  /* A value that is not a date is ignored. */
  g_setenv ("RECTIFY_TODAY", "2026-02-30", TRUE);
  bad = rectify_date_today ();
  g_assert_true (rectify_date_parse (bad, NULL));
  g_assert_cmpstr (bad, !=, "2026-02-30");
  g_unsetenv ("RECTIFY_TODAY");
}

static void
test_timestamp (void)
{
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autofree char *stamp = rectify_timestamp_now ();
  g_autoptr(GDateTime) after = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *day = NULL;
  GTimeSpan from_before, to_after;

  g_assert_nonnull (stamp);
  g_assert_cmpuint (strlen (stamp), ==, 20);
  g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$",
                                       stamp, 0, 0));
  day = g_strndup (stamp, 10);
  g_assert_true (rectify_date_parse (day, NULL));

  parsed = g_date_time_new_from_iso8601 (stamp, NULL);
  g_assert_nonnull (parsed);
  g_assert_cmpint (g_date_time_get_utc_offset (parsed), ==, 0);

  /* Seconds are truncated, so allow one second either side. */
  from_before = g_date_time_difference (parsed, before);
  to_after = g_date_time_difference (after, parsed);
  g_assert_cmpint (from_before, >=, -G_TIME_SPAN_SECOND);
  g_assert_cmpint (to_after, >=, -G_TIME_SPAN_SECOND);
  g_assert_cmpint (from_before, <=, 2 * G_TIME_SPAN_SECOND);
}

/* Dates for people follow LC_TIME; checked in German when de_DE.UTF-8 is generated
 * (build-aux/test does that as root). */
static void
test_format_locale (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_TIME, NULL));
  g_autofree char *not_a_date = rectify_date_format_locale ("2026-02-30");

  g_assert_null (rectify_date_format_locale (NULL));
  g_assert_cmpstr (not_a_date, ==, "2026-02-30");

  g_assert_nonnull (setlocale (LC_TIME, "C"));
    {
      g_autofree char *c = rectify_date_format_locale ("2026-06-17");

      g_assert_cmpstr (c, ==, "06/17/26");
    }

  if (setlocale (LC_TIME, "de_DE.UTF-8") != NULL)
    {
      g_autofree char *de = rectify_date_format_locale ("2026-06-17");
      g_autofree char *first = rectify_date_format_locale ("2024-01-01");

      g_assert_cmpstr (de, ==, "17.06.2026");
      g_assert_cmpstr (first, ==, "01.01.2024");
    }
  else
    g_test_message ("de_DE.UTF-8 is not available: checked under C only");

  setlocale (LC_TIME, saved);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Rectify/Date/parse", test_parse);
  g_test_add_func ("/Rectify/Date/leap-years", test_leap_years);
  g_test_add_func ("/Rectify/Date/normalize", test_normalize);
  g_test_add_func ("/Rectify/Date/add-days", test_add_days);
  g_test_add_func ("/Rectify/Date/days-between", test_days_between);
  g_test_add_func ("/Rectify/Date/today", test_today);
  g_test_add_func ("/Rectify/Date/timestamp", test_timestamp);
  g_test_add_func ("/Rectify/Date/format-locale", test_format_locale);

  return g_test_run ();
}
