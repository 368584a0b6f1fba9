/* rectify-date.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates are kept as ISO 8601 calendar dates, "YYYY-MM-DD", everywhere in the core. */

/* TRUE if @iso is a valid "YYYY-MM-DD" date; fills @date when non-NULL. */
gboolean  rectify_date_parse        (const char *iso,
                                     GDate      *date);
/* Today's local date as "YYYY-MM-DD" (newly allocated). Honours RECTIFY_TODAY=YYYY-MM-DD in the
 * environment, so tests and benchmarks can fix the clock. */
char     *rectify_date_today        (void);
/* @iso + @days, as a new ISO date; NULL when @iso is not a date. */
char     *rectify_date_add_days     (const char *iso,
                                     int         days);
/* Days from @from to @to (positive when @to is later); FALSE if either is not a date. */
gboolean  rectify_date_days_between (const char *from,
                                     const char *to,
                                     int        *days);
/* Accepts "2026-03-04", "04/03/2026", "04.03.2026" (day first) and returns the ISO form, or NULL. */
char     *rectify_date_normalize    (const char *text);
/* @iso in the locale's own date format (LC_TIME's "%x": "17.06.2026" in German, "06/17/2026" in
 * en_US), newly allocated; a copy of @iso when it is not a date, NULL when @iso is NULL. */
char     *rectify_date_format_locale (const char *iso);
/* The current UTC time as an ISO 8601 timestamp "YYYY-MM-DDTHH:MM:SSZ". */
char     *rectify_timestamp_now     (void);

G_END_DECLS
