/* rectify-nc-columns.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rectify-nonconformity.h"

G_BEGIN_DECLS

/* Appends the columns of the NC table to @view (Reference, Title, Grade, Requirement, Source,
 * Status, Owner, Due, Overdue), each with its own sorter; @today ("YYYY-MM-DD") decides what is
 * overdue. Returns the Reference column (transfer none), the default sort column. */
GtkColumnViewColumn *_rectify_nc_columns_add        (GtkColumnView *view,
                                                     const char    *today);
/* strcmp() that compares runs of digits by value: "NC-9" < "NC-10", "A.5.9" < "A.5.15". NULL
 * sorts after everything. */
int                  _rectify_natural_compare       (const char    *a,
                                                     const char    *b);
/* The text of the Due cell: "12 Jun 2026", "12 Jun 2026 · 3 days overdue"; NULL when there is
 * no due date. */
char                *_rectify_nc_columns_format_due (RectifyNonconformity *nc,
                                                     const char           *today);
/* The same for any date: "12 Jun 2026", "12 Jun 2026 · due today", "12 Jun 2026 · 3 days
 * overdue"; only the date when @finished (closed, done) or @today is NULL; NULL without a date. */
char                *_rectify_format_due_date       (const char           *due,
                                                     gboolean              finished,
                                                     const char           *today);

G_END_DECLS
