/* rectify-date.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-date"

#include "config.h"

#include <string.h>

#include "rectify-date.h"

/* ISO dates are written with a four-digit year, so the range is 0001-01-01 to 9999-12-31. */
#define MIN_YEAR 1
#define MAX_YEAR 9999

/* Reads exactly @n_digits ASCII digits from @text; FALSE if any of them is not a digit. */
static gboolean
read_digits (const char *text,
             guint       n_digits,
             guint      *value)
{
  guint v = 0;

  g_assert (text != NULL);
  g_assert (value != NULL);

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      v = v * 10 + (guint)(text[i] - '0');
    }

  *value = v;

  return TRUE;
}

static gboolean
set_dmy (GDate *date,
         guint  day,
         guint  month,
         guint  year)
{
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > 31)
    return FALSE;

  if (!g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year))
    return FALSE;

  if (date != NULL)
    {
      g_date_clear (date, 1);
      g_date_set_dmy (date, (GDateDay)day, (GDateMonth)month, (GDateYear)year);
    }

  return TRUE;
}

static char *
format_iso (const GDate *date)
{
  g_assert (date != NULL);
  g_assert (g_date_valid (date));

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint)g_date_get_year (date),
                          (guint)g_date_get_month (date),
                          (guint)g_date_get_day (date));
}

/* Reads "D/M/YYYY" or "D.M.YYYY" (one or two digits for day and month), @sep being '/' or '.'. */
static gboolean
parse_day_first (const char *text,
                 char        sep,
                 GDate      *date)
{
  const char *p = text;
  guint day, month, year;
  guint len;

  for (len = 0; g_ascii_isdigit (p[len]); len++)
    ;
  if (len < 1 || len > 2 || p[len] != sep || !read_digits (p, len, &day))
    return FALSE;
  p += len + 1;

  for (len = 0; g_ascii_isdigit (p[len]); len++)
    ;
  if (len < 1 || len > 2 || p[len] != sep || !read_digits (p, len, &month))
    return FALSE;
  p += len + 1;

  if (strlen (p) != 4 || !read_digits (p, 4, &year))
    return FALSE;

  return set_dmy (date, day, month, year);
}

/**
 * rectify_date_parse:
 * @iso: (nullable): a date as "YYYY-MM-DD"
 * @date: (out caller-allocates) (optional): where to store the date
 *
 * Checks that @iso is a real calendar date written exactly as "YYYY-MM-DD".
 *
 * Returns: %TRUE if @iso is a valid date
 */
gboolean
rectify_date_parse (const char *iso,
                    GDate      *date)
{
  guint year, month, day;

  if (iso == NULL || strlen (iso) != 10)
    return FALSE;

  if (iso[4] != '-' || iso[7] != '-')
    return FALSE;

  if (!read_digits (iso, 4, &year) ||
      !read_digits (iso + 5, 2, &month) ||
      !read_digits (iso + 8, 2, &day))
    return FALSE;

  return set_dmy (date, day, month, year);
}

/**
 * rectify_date_today:
 *
 * Gets today's local date. When the environment variable `RECTIFY_TODAY` holds a valid
 * "YYYY-MM-DD" date, that date is returned instead, so that tests can fix the clock.
 *
 * Returns: (transfer full): today as "YYYY-MM-DD"
 */
char *
rectify_date_today (void)
{
  const char *fixed = g_getenv ("RECTIFY_TODAY");
  g_autoptr(GDateTime) now = NULL;

  if (fixed != NULL && *fixed != '\0')
    {
      if (rectify_date_parse (fixed, NULL))
        return g_strdup (fixed);

      g_debug ("Ignoring RECTIFY_TODAY=%s: not a YYYY-MM-DD date", fixed);
    }

  now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * rectify_date_add_days:
 * @iso: (nullable): a date as "YYYY-MM-DD"
 * @days: the number of days to add; may be negative
 *
 * Returns: (transfer full) (nullable): the date @days after @iso, or %NULL when @iso is not a
 *   date or the result falls outside the years 1 to 9999
 */
char *
rectify_date_add_days (const char *iso,
                       int         days)
{
  GDate date;
  GDate last;
  gint64 julian;

  if (!rectify_date_parse (iso, &date))
    return NULL;

  g_date_clear (&last, 1);
  g_date_set_dmy (&last, 31, G_DATE_DECEMBER, MAX_YEAR);

  julian = (gint64)g_date_get_julian (&date) + days;
  if (julian < 1 || julian > (gint64)g_date_get_julian (&last))
    return NULL;

  g_date_set_julian (&date, (guint32)julian);

  return format_iso (&date);
}

/**
 * rectify_date_days_between:
 * @from: (nullable): a date as "YYYY-MM-DD"
 * @to: (nullable): a date as "YYYY-MM-DD"
 * @days: (out) (optional): the number of days from @from to @to, positive when @to is later
 *
 * Returns: %TRUE if both @from and @to are dates
 */
gboolean
rectify_date_days_between (const char *from,
                           const char *to,
                           int        *days)
{
  GDate d1;
  GDate d2;

  if (!rectify_date_parse (from, &d1) || !rectify_date_parse (to, &d2))
    return FALSE;

  if (days != NULL)
    *days = g_date_days_between (&d1, &d2);

  return TRUE;
}

/**
 * rectify_date_format_locale:
 * @iso: (nullable): an ISO date, "YYYY-MM-DD"
 *
 * Writes @iso as the user's locale writes dates (LC_TIME, "%x"), for text people read: the
 * reminders, the editor, the board. Stored and exported dates stay ISO.
 *
 * Returns: (transfer full) (nullable): the date for display; @iso itself when it is not a date
 */
char *
rectify_date_format_locale (const char *iso)
{
  GDate date;
  g_autoptr(GDateTime) noon = NULL;

  if (iso == NULL)
    return NULL;

  if (!rectify_date_parse (iso, &date))
    return g_strdup (iso);

  /* A calendar day: in UTC, which no time zone rule moves, and without looking the local time
   * zone up (GLib reads /etc/localtime again for each g_date_time_new_local ()) */
  noon = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 12, 0, 0);
  if (noon == NULL)
    return g_strdup (iso);

  return g_date_time_format (noon, "%x");
}

/**
 * rectify_date_normalize:
 * @text: (nullable): a date typed by a person or read from a file
 *
 * Reads "2026-03-04", "04/03/2026" or "04.03.2026" (day first; one or two digits for the day
 * and month), ignoring surrounding white space.
 *
 * Returns: (transfer full) (nullable): the ISO form "YYYY-MM-DD", or %NULL when @text is not
 *   a real calendar date in one of those forms
 */
char *
rectify_date_normalize (const char *text)
{
  g_autofree char *copy = NULL;
  GDate date;

  if (text == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (text));

  g_date_clear (&date, 1);

  if (rectify_date_parse (copy, &date) ||
      parse_day_first (copy, '/', &date) ||
      parse_day_first (copy, '.', &date))
    return format_iso (&date);

  return NULL;
}

/**
 * rectify_timestamp_now:
 *
 * Returns: (transfer full): the current UTC time as "YYYY-MM-DDTHH:MM:SSZ"
 */
char *
rectify_timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}
