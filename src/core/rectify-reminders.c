/* rectify-reminders.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-reminders"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "rectify-date.h"
#include "rectify-register-private.h"
#include "rectify-reminders.h"

static const char *
kind_word (RectifyReminderItemKind kind)
{
  switch (kind)
    {
    case RECTIFY_REMINDER_ITEM_ACTION:
      return "action";
    case RECTIFY_REMINDER_ITEM_RESUBMISSION:
      return "resubmit";
    case RECTIFY_REMINDER_ITEM_NONCONFORMITY:
    default:
      return "nc";
    }
}

static const char *
threshold_word (RectifyReminderThreshold threshold)
{
  return threshold == RECTIFY_REMINDER_OVERDUE ? "overdue" : "due-soon";
}

static char *
make_title (const RectifyReminderItem *item,
            RectifyReminderThreshold   threshold,
            int                        days_left)
{
  const char *ref = item->ref != NULL ? item->ref : "";
  gboolean action = item->kind == RECTIFY_REMINDER_ITEM_ACTION;
  gboolean resubmission = item->kind == RECTIFY_REMINDER_ITEM_RESUBMISSION;

  if (threshold == RECTIFY_REMINDER_OVERDUE)
    {
      int late = -days_left;

      if (resubmission)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             /* Translators: %s is an NC ("NC-004"), %d days;
                                              * the certification body wants its plan again */
                                             "The plan of %s is overdue for resubmission by %d day",
                                             "The plan of %s is overdue for resubmission by %d days",
                                             late),
                                ref, late);
      if (action)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             /* Translators: %s is an action ("A-004"), %d days */
                                             "Action %s is overdue by %d day",
                                             "Action %s is overdue by %d days", late),
                                ref, late);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %s is an NC ("NC-004"), %d days */
                                           "Nonconformity %s is overdue by %d day",
                                           "Nonconformity %s is overdue by %d days", late),
                              ref, late);
    }

  if (days_left == 0)
    {
      if (resubmission)
        /* Translators: %s is a nonconformity's reference ("NC-004") */
        return g_strdup_printf (_("The plan of %s is to be resubmitted today"), ref);
      if (action)
        /* Translators: %s is an action's reference ("A-004") */
        return g_strdup_printf (_("Action %s is due today"), ref);
      /* Translators: %s is a nonconformity's reference ("NC-004") */
      return g_strdup_printf (_("Nonconformity %s is due today"), ref);
    }

  if (resubmission)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: %s is an NC ("NC-004"), %d days */
                                         "The plan of %s is to be resubmitted in %d day",
                                         "The plan of %s is to be resubmitted in %d days",
                                         days_left),
                            ref, days_left);
  if (action)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: %s is an action ("A-004"), %d days */
                                         "Action %s is due in %d day",
                                         "Action %s is due in %d days", days_left),
                            ref, days_left);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: %s is an NC ("NC-004"), %d days */
                                       "Nonconformity %s is due in %d day",
                                       "Nonconformity %s is due in %d days", days_left),
                          ref, days_left);
}

static char *
make_body (const RectifyReminderItem *item)
{
  const char *title = item->title != NULL && item->title[0] != '\0' ? item->title : NULL;
  g_autofree char *due = rectify_date_format_locale (item->due_on);

  if (title != NULL)
    /* Translators: the body of a reminder: the item's title, then its due date in the
     * locale's format */
    return g_strdup_printf (_("%s — due on %s"), title, due);

  /* Translators: the body of a reminder for an item without a title; %s is a date in the
   * locale's format */
  return g_strdup_printf (_("Due on %s"), due);
}

/* Public API */

void
rectify_reminder_settings_init_defaults (RectifyReminderSettings *settings)
{
  g_return_if_fail (settings != NULL);

  settings->action_lead_days = RECTIFY_REMINDERS_DEFAULT_ACTION_LEAD_DAYS;
  settings->nc_lead_days = RECTIFY_REMINDERS_DEFAULT_NC_LEAD_DAYS;
}

void
rectify_reminder_item_init_nonconformity (RectifyReminderItem  *item,
                                          RectifyNonconformity *nc)
{
  g_return_if_fail (item != NULL);
  g_return_if_fail (RECTIFY_IS_NONCONFORMITY (nc));

  item->kind = RECTIFY_REMINDER_ITEM_NONCONFORMITY;
  item->id = rectify_entity_get_id (RECTIFY_ENTITY (nc));
  item->ref = rectify_nonconformity_get_ref (nc);
  item->title = rectify_nonconformity_get_title (nc);
  item->due_on = rectify_nonconformity_get_due_on (nc);
  item->finished = rectify_nonconformity_get_status (nc) == RECTIFY_STATUS_CLOSED;
}

void
rectify_reminder_item_init_action (RectifyReminderItem *item,
                                   RectifyAction       *action)
{
  RectifyActionStatus status;

  g_return_if_fail (item != NULL);
  g_return_if_fail (RECTIFY_IS_ACTION (action));

  status = rectify_action_get_status (action);
  item->kind = RECTIFY_REMINDER_ITEM_ACTION;
  item->id = rectify_entity_get_id (RECTIFY_ENTITY (action));
  item->ref = rectify_action_get_ref (action);
  item->title = rectify_action_get_title (action);
  item->due_on = rectify_action_get_target_on (action);
  item->finished = status == RECTIFY_ACTION_STATUS_DONE ||
                   status == RECTIFY_ACTION_STATUS_CANCELLED;
}

void
rectify_reminder_item_init_resubmission (RectifyReminderItem  *item,
                                         RectifyNonconformity *nc,
                                         const char           *resubmit_by)
{
  g_return_if_fail (item != NULL);
  g_return_if_fail (RECTIFY_IS_NONCONFORMITY (nc));

  rectify_reminder_item_init_nonconformity (item, nc);
  item->kind = RECTIFY_REMINDER_ITEM_RESUBMISSION;
  item->due_on = resubmit_by;
}

static const char *
chunk_text (GStringChunk *strings,
            sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text != NULL ? g_string_chunk_insert (strings, text) : NULL;
}

static gboolean
collect_failed (sqlite3       *db,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_FAILED,
               /* Translators: %s is an SQLite error message */
               _("Could not read the due dates: %s"), sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return FALSE;
}

gboolean
rectify_reminders_collect (RectifyRegister  *reg,
                           GArray           *items,
                           GStringChunk     *strings,
                           GError          **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (reg), FALSE);
  g_return_val_if_fail (items != NULL, FALSE);
  g_return_val_if_fail (strings != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  db = _rectify_register_get_db (reg);

  /* Each NC with the resubmit-by date of the latest decision of the certification body when
   * that decision did not accept the plan (approval_nc_id makes it one look-up per NC). */
  rc = sqlite3_prepare_v2 (db,
                           "SELECT n.id, n.ref, n.title, n.due_on, n.status = 'closed',"
                           "  (SELECT CASE WHEN a.decision = 'approved' THEN NULL"
                           "               ELSE a.resubmit_by END"
                           "     FROM approval a"
                           "    WHERE a.nc_id = n.id AND a.role = 'certification-body'"
                           "    ORDER BY a.id DESC LIMIT 1)"
                           " FROM nonconformity n ORDER BY n.id",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return collect_failed (db, stmt, error);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RectifyReminderItem item = {
        .kind = RECTIFY_REMINDER_ITEM_NONCONFORMITY,
        .id = sqlite3_column_int64 (stmt, 0),
        .ref = chunk_text (strings, stmt, 1),
        .title = chunk_text (strings, stmt, 2),
        .due_on = chunk_text (strings, stmt, 3),
        .finished = sqlite3_column_int (stmt, 4) != 0,
      };
      const char *resubmit_by = chunk_text (strings, stmt, 5);

      g_array_append_val (items, item);
      if (!item.finished && resubmit_by != NULL)
        {
          item.kind = RECTIFY_REMINDER_ITEM_RESUBMISSION;
          item.due_on = resubmit_by;
          g_array_append_val (items, item);
        }
    }
  if (rc != SQLITE_DONE)
    return collect_failed (db, stmt, error);
  sqlite3_finalize (stmt);

  rc = sqlite3_prepare_v2 (db,
                           "SELECT id, ref, title, target_on, status IN ('done', 'cancelled')"
                           " FROM action ORDER BY id",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return collect_failed (db, stmt, error);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RectifyReminderItem item = {
        .kind = RECTIFY_REMINDER_ITEM_ACTION,
        .id = sqlite3_column_int64 (stmt, 0),
        .ref = chunk_text (strings, stmt, 1),
        .title = chunk_text (strings, stmt, 2),
        .due_on = chunk_text (strings, stmt, 3),
        .finished = sqlite3_column_int (stmt, 4) != 0,
      };

      g_array_append_val (items, item);
    }
  if (rc != SQLITE_DONE)
    return collect_failed (db, stmt, error);
  sqlite3_finalize (stmt);

  return TRUE;
}

char *
rectify_reminder_make_key (RectifyReminderItemKind  kind,
                           gint64                   id,
                           RectifyReminderThreshold threshold,
                           const char              *due_on)
{
  g_return_val_if_fail (due_on != NULL, NULL);

  return g_strdup_printf ("%s:%" G_GINT64_FORMAT ":%s:%s", kind_word (kind), id,
                          threshold_word (threshold), due_on);
}

GPtrArray *
rectify_reminders_compute (const RectifyReminderItem     *items,
                           guint                          n_items,
                           const RectifyReminderSettings *settings,
                           const char                    *today,
                           GHashTable                    *sent)
{
  g_autoptr(GPtrArray) reminders = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                   rectify_reminder_free);
  RectifyReminderSettings defaults;

  g_return_val_if_fail (items != NULL || n_items == 0, NULL);
  g_return_val_if_fail (rectify_date_parse (today, NULL), NULL);

  if (settings == NULL)
    {
      rectify_reminder_settings_init_defaults (&defaults);
      settings = &defaults;
    }

  for (guint i = 0; i < n_items; i++)
    {
      const RectifyReminderItem *item = &items[i];
      RectifyReminderThreshold threshold;
      RectifyReminder *reminder;
      g_autofree char *key = NULL;
      guint lead;
      int days_left;

      if (item->finished || item->due_on == NULL ||
          !rectify_date_days_between (today, item->due_on, &days_left))
        continue;

      lead = item->kind == RECTIFY_REMINDER_ITEM_ACTION ? settings->action_lead_days
                                                       : settings->nc_lead_days;
      if (days_left < 0)
        threshold = RECTIFY_REMINDER_OVERDUE;
      else if ((guint)days_left <= lead)
        threshold = RECTIFY_REMINDER_DUE_SOON;
      else
        continue;

      key = rectify_reminder_make_key (item->kind, item->id, threshold, item->due_on);
      if (sent != NULL && g_hash_table_contains (sent, key))
        continue;

      reminder = g_new0 (RectifyReminder, 1);
      reminder->kind = item->kind;
      reminder->threshold = threshold;
      reminder->id = item->id;
      reminder->key = g_steal_pointer (&key);
      reminder->ref = g_strdup (item->ref);
      reminder->due_on = g_strdup (item->due_on);
      reminder->days_left = days_left;
      reminder->title = make_title (item, threshold, days_left);
      reminder->body = make_body (item);
      g_ptr_array_add (reminders, reminder);
    }

  return g_steal_pointer (&reminders);
}

void
rectify_reminder_free (RectifyReminder *reminder)
{
  if (reminder == NULL)
    return;

  g_free (reminder->key);
  g_free (reminder->ref);
  g_free (reminder->due_on);
  g_free (reminder->title);
  g_free (reminder->body);
  g_free (reminder);
}
