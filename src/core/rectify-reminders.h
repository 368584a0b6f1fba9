/* rectify-reminders.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rectify-action.h"
#include "rectify-nonconformity.h"
#include "rectify-register.h"

G_BEGIN_DECLS

/* Reminders of due dates, computed without a clock: given today, the lead times, the items with
 * their due dates and the keys of the reminders already sent, which reminders are due now.
 *
 * Thresholds. "due-soon": 0 <= days left <= the lead time (14 days for actions, 3 for NCs by
 * default); "overdue": today is after the due date. An item that is already overdue gets only
 * the overdue reminder (a late "due soon" would be wrong). Each item gets each threshold once
 * for a given due date: the key "action:42:due-soon:2026-07-01" (kind, id, threshold, due date)
 * says it was sent, so a changed due date reminds again. Nothing for an item without a due date,
 * a closed NC, or a done or cancelled action.
 *
 * The due date of an NC is its "due-on" (implemented and verified by); of an action, its
 * "target-on"; of a resubmission, the date by which the certification body wants the plan of an
 * NC it did not accept resubmitted (rectify_approvals_get_resubmit_by(); its lead time is the
 * NC's, its id the NC's, its key "resubmit:ID:THRESHOLD:DUE"). */

#define RECTIFY_REMINDERS_DEFAULT_ACTION_LEAD_DAYS 14
#define RECTIFY_REMINDERS_DEFAULT_NC_LEAD_DAYS     3

typedef enum
{
  RECTIFY_REMINDER_ITEM_NONCONFORMITY,
  RECTIFY_REMINDER_ITEM_ACTION,
  RECTIFY_REMINDER_ITEM_RESUBMISSION,
} RectifyReminderItemKind;

typedef enum
{
  RECTIFY_REMINDER_DUE_SOON,
  RECTIFY_REMINDER_OVERDUE,
} RectifyReminderThreshold;

/* What the reminders look at; the strings are borrowed. */
typedef struct
{
  RectifyReminderItemKind  kind;
  gint64                   id;
  const char              *ref;
  const char              *title;
  const char              *due_on;    /* "YYYY-MM-DD" or NULL */
  gboolean                 finished;  /* closed NC (also for its resubmission), done or cancelled
                                       * action */
} RectifyReminderItem;

typedef struct
{
  guint action_lead_days;
  guint nc_lead_days;
} RectifyReminderSettings;

typedef struct
{
  RectifyReminderItemKind   kind;
  RectifyReminderThreshold  threshold;
  gint64                    id;
  char                     *key;       /* "nc:7:overdue:2026-06-01" */
  char                     *ref;
  char                     *due_on;
  int                       days_left; /* negative when overdue */
  char                     *title;     /* translated, for the notification */
  char                     *body;      /* translated */
} RectifyReminder;

void             rectify_reminder_settings_init_defaults (RectifyReminderSettings   *settings);

/* Fill @item from a stored NC or action (borrowing its strings). */
void             rectify_reminder_item_init_nonconformity (RectifyReminderItem      *item,
                                                           RectifyNonconformity     *nc);
void             rectify_reminder_item_init_action       (RectifyReminderItem       *item,
                                                           RectifyAction            *action);
/* The resubmission of the plan of @nc by @resubmit_by (borrowed too). */
void             rectify_reminder_item_init_resubmission (RectifyReminderItem       *item,
                                                           RectifyNonconformity     *nc,
                                                           const char               *resubmit_by);

/* The items of every NC and action of @reg, as the init functions above make them from its
 * objects, in the order of the register's lists (by id): each NC followed by its resubmission
 * when it is not closed and the latest decision of the certification body did not accept its
 * plan and set a resubmit-by date (rectify_approvals_get_resubmit_by ()), then the actions. The
 * strings are copied into @strings, which the items borrow from. Read with two queries, without
 * making objects (a register's actions are otherwise only read when the Actions page shows). */
gboolean         rectify_reminders_collect               (RectifyRegister           *reg,
                                                           GArray                    *items,
                                                           GStringChunk              *strings,
                                                           GError                   **error);

/* The key of a reminder: "nc:ID:THRESHOLD:DUE", "action:ID:THRESHOLD:DUE" or
 * "resubmit:ID:THRESHOLD:DUE". (transfer full) */
char            *rectify_reminder_make_key               (RectifyReminderItemKind    kind,
                                                           gint64                     id,
                                                           RectifyReminderThreshold   threshold,
                                                           const char                *due_on);

/* The reminders due on @today for @items, in the order of @items. @sent (nullable) is a set of
 * the keys already sent (a GHashTable of strings, as made by g_hash_table_new (g_str_hash,
 * g_str_equal)); it is not changed. @settings NULL: the defaults.
 * (transfer full) (element-type RectifyReminder) */
GPtrArray       *rectify_reminders_compute               (const RectifyReminderItem *items,
                                                           guint                      n_items,
                                                           const RectifyReminderSettings *settings,
                                                           const char                *today,
                                                           GHashTable                *sent);

void             rectify_reminder_free                   (RectifyReminder           *reminder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectifyReminder, rectify_reminder_free)

G_END_DECLS
