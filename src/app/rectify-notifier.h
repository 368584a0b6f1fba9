/* rectify-notifier.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rectify-register.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_NOTIFIER (rectify_notifier_get_type ())

G_DECLARE_FINAL_TYPE (RectifyNotifier, rectify_notifier, RECTIFY, NOTIFIER, GObject)

/* Reminders as desktop notifications (GNotification) for the registers open in the windows of
 * an application, and for the recent registers (the "recent-registers" setting) that no window
 * has open: the corrective actions and NCs due within the lead times of the settings, and the
 * overdue ones (rectify-reminders.h decides which). A register is checked when a window opens
 * it, and every register again each day while the application runs; a change of the reminder
 * settings checks them all again.
 *
 * The recent registers that are not open are checked in a worker thread, each opened read-only
 * (rectify_register_open_read_only ()), when the application asks (at its start) and with every
 * check of all registers, unless the "remind-recent-registers" setting is off. One that cannot
 * be read (missing, unreadable, locked, damaged, of an older version) is skipped with a debug
 * message only. Their notifications name the register file, as those of open registers do, and
 * their default action opens it.
 *
 * Each item is reminded once per threshold and due date. The keys of the reminders sent are kept
 * in the "reminders-sent" setting, per register file (by its path), so they are remembered
 * across starts; keys of items that are finished, removed or whose due date moved are dropped.
 * At most RECTIFY_NOTIFIER_MAX_PER_CHECK notifications go out for one register at a time; the
 * rest are summed up in one more notification.
 *
 * A notification's default action is "app.show-item" with a "(ssx)" target: the register's
 * path, "nc", "action" or "register", and the item's id (0 for "register").
 *
 * Signals:
 *   "notification-sent" (const char *id, GNotification *notification, const char *action,
 *       GVariant *target): after each g_application_send_notification(), with the notification's
 *       default action and its target.
 */

#define RECTIFY_NOTIFIER_MAX_PER_CHECK 5

/* @settings: (nullable): without it (no schema), reminders use the default lead times and are
 * not remembered across starts. */
RectifyNotifier *rectify_notifier_new                 (GtkApplication  *application,
                                                       GSettings       *settings);
/* Checks @reg now; returns the number of notifications sent. */
guint            rectify_notifier_check_register      (RectifyNotifier *self,
                                                       RectifyRegister *reg);
/* Checks every register open in the application's windows now, and starts a check of the
 * recent registers (rectify_notifier_check_recent ()); returns the number of notifications sent
 * for the open registers. */
guint            rectify_notifier_check_all           (RectifyNotifier *self);
/* Starts a check of the recent registers that no window has open, in a worker thread; returns
 * at once. While one is under way, another follows it. */
void             rectify_notifier_check_recent        (RectifyNotifier *self);
/* The same after @delay_ms (with a low priority): what the application does at its start. */
void             rectify_notifier_check_recent_later  (RectifyNotifier *self,
                                                       guint            delay_ms);

G_END_DECLS
