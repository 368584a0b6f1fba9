/* rectify-date-button.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RECTIFY_TYPE_DATE_BUTTON (rectify_date_button_get_type ())

G_DECLARE_FINAL_TYPE (RectifyDateButton, rectify_date_button, RECTIFY, DATE_BUTTON, GtkButton)

/* A button showing a date in the locale's format (or "Not set"); it opens a popover with a
 * calendar and a "Clear" button.
 *
 * Properties:
 *   "date"   string  ISO "YYYY-MM-DD" or NULL; notify::date is emitted when the user picks or
 *                    clears a date (and when it is set from code to a different value).
 *
 * Put it in an AdwActionRow as the row's activatable widget: the row's title then names it for
 * assistive technologies; otherwise give it an accessible label.
 */

GtkWidget  *rectify_date_button_new      (void);
const char *rectify_date_button_get_date (RectifyDateButton *self);
/* @date: (nullable): an ISO date, or NULL for "Not set"; anything else is taken as NULL. */
void        rectify_date_button_set_date (RectifyDateButton *self,
                                          const char        *date);
/* The text shown on the button: the date in the locale's format, or "Not set" (newly allocated).
 * Exposed for tests. */
char       *_rectify_date_button_format  (const char        *date);

G_END_DECLS
