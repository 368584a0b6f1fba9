/* rectify-notifier-private.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rectify-notifier.h"

G_BEGIN_DECLS

/* For tests. What the day timer does when it fires: checks every register when the day
 * (rectify_date_today()) differs from the day of the last check, then arms the timer again.
 * Returns the number of notifications sent. */
guint _rectify_notifier_day_tick          (RectifyNotifier *self);
/* The seconds the day timer was last armed for. */
guint _rectify_notifier_get_timer_seconds (RectifyNotifier *self);
/* The checks of the recent registers finished so far (one with nothing to read included), and
 * the notifications the last one sent. */
guint _rectify_notifier_get_n_recent_checks (RectifyNotifier *self);
guint _rectify_notifier_get_n_recent_sent   (RectifyNotifier *self);

G_END_DECLS
