/* test-reminders.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reminder thresholds (rectify-reminders.h) with the date injected: due soon and overdue, once
 * per item and threshold, again when the due date moves, nothing after closure. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "rectify-date.h"
#include "rectify-demo.h"
#include "rectify-reminders.h"

/* The date a reminder's body shows: @german when the test runs with LC_TIME=de_DE.UTF-8 (set by
 * main when that locale is generated), else the locale's own format of @iso. */
static gboolean in_german;

static char *
shown_date (const char *iso,
            const char *german)
{
  return in_german ? g_strdup (german) : rectify_date_format_locale (iso);
}

/* Sends what is due on @today: returns the reminders and adds their keys to @sent. */
static GPtrArray *
send_due (const RectifyReminderItem *items,
          guint                      n_items,
          const char                *today,
          GHashTable                *sent)
{
  GPtrArray *reminders = rectify_reminders_compute (items, n_items, NULL, today, sent);

  g_assert_nonnull (reminders);
  for (guint i = 0; i < reminders->len; i++)
    {
      RectifyReminder *r = g_ptr_array_index (reminders, i);

      g_test_message ("%s: %s | %s | %s", today, r->key, r->title, r->body);
      g_assert_false (g_hash_table_contains (sent, r->key));
      g_hash_table_add (sent, g_strdup (r->key));
    }

  return reminders;
}

static RectifyReminder *
reminder (GPtrArray *reminders,
          guint      index)
{
  g_assert_cmpuint (index, <, reminders->len);
  return g_ptr_array_index (reminders, index);
}

static void
test_keys (void)
{
  g_autofree char *k1 = rectify_reminder_make_key (RECTIFY_REMINDER_ITEM_ACTION, 42,
                                                   RECTIFY_REMINDER_DUE_SOON, "2026-07-01");
  g_autofree char *k2 = rectify_reminder_make_key (RECTIFY_REMINDER_ITEM_NONCONFORMITY, 7,
                                                   RECTIFY_REMINDER_OVERDUE, "2026-06-01");
  RectifyReminderSettings settings;

  g_assert_cmpstr (k1, ==, "action:42:due-soon:2026-07-01");
  g_assert_cmpstr (k2, ==, "nc:7:overdue:2026-06-01");

  rectify_reminder_settings_init_defaults (&settings);
  g_assert_cmpuint (settings.action_lead_days, ==, 14);
  g_assert_cmpuint (settings.nc_lead_days, ==, 3);
}

/* An action due on 2026-07-01 (lead 14 days) and an NC due on 2026-06-20 (lead 3 days), walked
 * through the days. */
static void
test_thresholds (void)
{
  g_autoptr(GHashTable) sent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  RectifyReminderItem items[] = {
    { RECTIFY_REMINDER_ITEM_ACTION, 42, "A-042", "Automate deprovisioning", "2026-07-01", FALSE },
    { RECTIFY_REMINDER_ITEM_NONCONFORMITY, 7, "NC-007", "Leavers keep access", "2026-06-20",
      FALSE },
  };
  GPtrArray *r;

  /* 2026-06-15: the action is 16 days away (outside 14), the NC 5 days (outside 3) */
  r = send_due (items, G_N_ELEMENTS (items), "2026-06-15", sent);
  g_assert_cmpuint (r->len, ==, 0);
  g_ptr_array_unref (r);

  /* 2026-06-17: action 14 days away: due soon; NC 3 days away: due soon */
  r = send_due (items, G_N_ELEMENTS (items), "2026-06-17", sent);
  g_assert_cmpuint (r->len, ==, 2);
  g_assert_cmpstr (reminder (r, 0)->key, ==, "action:42:due-soon:2026-07-01");
  g_assert_cmpint (reminder (r, 0)->threshold, ==, RECTIFY_REMINDER_DUE_SOON);
  g_assert_cmpint (reminder (r, 0)->days_left, ==, 14);
  g_assert_cmpstr (reminder (r, 0)->title, ==, "Action A-042 is due in 14 days");
  g_assert_nonnull (strstr (reminder (r, 0)->body, "Automate deprovisioning"));
  {
    g_autofree char *due = shown_date ("2026-07-01", "01.07.2026");

    g_assert_nonnull (strstr (reminder (r, 0)->body, due));
  }
  g_assert_cmpstr (reminder (r, 1)->key, ==, "nc:7:due-soon:2026-06-20");
  g_assert_cmpstr (reminder (r, 1)->title, ==, "Nonconformity NC-007 is due in 3 days");
  g_ptr_array_unref (r);

  /* Once per threshold: the next days bring nothing new until a deadline passes */
  for (int day = 18; day <= 20; day++)
    {
      g_autofree char *today = g_strdup_printf ("2026-06-%02d", day);

      r = send_due (items, G_N_ELEMENTS (items), today, sent);
      g_assert_cmpuint (r->len, ==, 0);
      g_ptr_array_unref (r);
    }

  /* 2026-06-21: the NC is overdue by one day (singular) */
  r = send_due (items, G_N_ELEMENTS (items), "2026-06-21", sent);
  g_assert_cmpuint (r->len, ==, 1);
  g_assert_cmpstr (reminder (r, 0)->key, ==, "nc:7:overdue:2026-06-20");
  g_assert_cmpint (reminder (r, 0)->threshold, ==, RECTIFY_REMINDER_OVERDUE);
  g_assert_cmpint (reminder (r, 0)->days_left, ==, -1);
  g_assert_cmpstr (reminder (r, 0)->title, ==, "Nonconformity NC-007 is overdue by 1 day");
  g_ptr_array_unref (r);

  /* Overdue is said once, not every day */
  r = send_due (items, G_N_ELEMENTS (items), "2026-06-25", sent);
  g_assert_cmpuint (r->len, ==, 0);
  g_ptr_array_unref (r);

  /* The NC's due date moves to 2026-07-10: it reminds again, on the new date */
  items[1].due_on = "2026-07-10";
  r = send_due (items, G_N_ELEMENTS (items), "2026-07-01", sent);
  /* (and the action is due today: its due-soon was already sent) */
  g_assert_cmpuint (r->len, ==, 0);
  g_ptr_array_unref (r);
  /* The action passes its target date: overdue */
  r = send_due (items, G_N_ELEMENTS (items), "2026-07-02", sent);
  g_assert_cmpuint (r->len, ==, 1);
  g_assert_cmpstr (reminder (r, 0)->key, ==, "action:42:overdue:2026-07-01");
  g_assert_cmpstr (reminder (r, 0)->title, ==, "Action A-042 is overdue by 1 day");
  g_ptr_array_unref (r);

  r = send_due (items, G_N_ELEMENTS (items), "2026-07-07", sent);
  g_assert_cmpuint (r->len, ==, 1);
  g_assert_cmpstr (reminder (r, 0)->key, ==, "nc:7:due-soon:2026-07-10");
  g_assert_cmpstr (reminder (r, 0)->title, ==, "Nonconformity NC-007 is due in 3 days");
  g_ptr_array_unref (r);

  /* Closed and done: nothing more, even on a new date */
  items[0].finished = TRUE;
  items[1].finished = TRUE;
  r = send_due (items, G_N_ELEMENTS (items), "2026-08-01", sent);
  g_assert_cmpuint (r->len, ==, 0);
  g_ptr_array_unref (r);
  items[1].due_on = "2026-08-02";
  r = send_due (items, G_N_ELEMENTS (items), "2026-08-01", sent);
  g_assert_cmpuint (r->len, ==, 0);
  g_ptr_array_unref (r);
}

/* Already overdue when first seen: only the overdue reminder; due today; no due date. */
static void
test_edges (void)
{
  g_autoptr(GHashTable) sent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  RectifyReminderItem items[] = {
    { RECTIFY_REMINDER_ITEM_ACTION, 1, "A-001", "Late", "2026-06-01", FALSE },
    { RECTIFY_REMINDER_ITEM_ACTION, 2, "A-002", NULL, "2026-06-15", FALSE },
    { RECTIFY_REMINDER_ITEM_NONCONFORMITY, 3, "NC-003", "No date", NULL, FALSE },
    { RECTIFY_REMINDER_ITEM_NONCONFORMITY, 4, "NC-004", "Day after", "2026-06-16", FALSE },
  };
  RectifyReminderSettings settings = { .action_lead_days = 0, .nc_lead_days = 0 };
  g_autoptr(GPtrArray) r = NULL;
  g_autoptr(GPtrArray) none = NULL;

  r = send_due (items, G_N_ELEMENTS (items), "2026-06-15", sent);
  g_assert_cmpuint (r->len, ==, 3);
  g_assert_cmpstr (reminder (r, 0)->key, ==, "action:1:overdue:2026-06-01");
  g_assert_cmpstr (reminder (r, 0)->title, ==, "Action A-001 is overdue by 14 days");
  g_assert_cmpstr (reminder (r, 1)->key, ==, "action:2:due-soon:2026-06-15");
  g_assert_cmpstr (reminder (r, 1)->title, ==, "Action A-002 is due today");
  {
    g_autofree char *due = shown_date ("2026-06-15", "15.06.2026");
    g_autofree char *body = g_strdup_printf ("Due on %s", due);

    g_assert_cmpstr (reminder (r, 1)->body, ==, body);
  }
  g_assert_cmpstr (reminder (r, 2)->key, ==, "nc:4:due-soon:2026-06-16");
  g_assert_cmpstr (reminder (r, 2)->title, ==, "Nonconformity NC-004 is due in 1 day");

  /* Lead times of zero: only on the day itself; the sent set is not changed by compute */
  g_hash_table_remove_all (sent);
  none = rectify_reminders_compute (items, G_N_ELEMENTS (items), &settings, "2026-06-14", sent);
  g_assert_cmpuint (none->len, ==, 1);
  g_assert_cmpstr (reminder (none, 0)->key, ==, "action:1:overdue:2026-06-01");
  g_assert_cmpuint (g_hash_table_size (sent), ==, 0);
  g_clear_pointer (&none, g_ptr_array_unref);
  none = rectify_reminders_compute (items, G_N_ELEMENTS (items), &settings, "2026-06-15", NULL);
  g_assert_cmpuint (none->len, ==, 2);
}

/* The items built from real objects: closed NCs and done or cancelled actions are finished. */
static void
test_from_objects (void)
{
  g_autoptr(RectifyNonconformity) nc = rectify_nonconformity_new ();
  g_autoptr(RectifyAction) action = rectify_action_new ();
  RectifyReminderItem items[2];
  g_autoptr(GPtrArray) r = NULL;
  g_autoptr(GPtrArray) after = NULL;

  g_object_set (nc, "ref", "NC-009", "title", "Open", "due-on", "2026-06-10", NULL);
  g_object_set (action, "ref", "A-009", "title", "Patch", "target-on", "2026-06-20",
                "status", RECTIFY_ACTION_STATUS_IN_PROGRESS, NULL);
  rectify_reminder_item_init_nonconformity (&items[0], nc);
  rectify_reminder_item_init_action (&items[1], action);
  g_assert_cmpint (items[0].kind, ==, RECTIFY_REMINDER_ITEM_NONCONFORMITY);
  g_assert_cmpstr (items[0].due_on, ==, "2026-06-10");
  g_assert_cmpstr (items[1].due_on, ==, "2026-06-20");

  r = rectify_reminders_compute (items, 2, NULL, "2026-06-15", NULL);
  g_assert_cmpuint (r->len, ==, 2);
  g_assert_cmpint (reminder (r, 0)->threshold, ==, RECTIFY_REMINDER_OVERDUE);
  g_assert_cmpint (reminder (r, 1)->threshold, ==, RECTIFY_REMINDER_DUE_SOON);

  g_object_set (nc, "status", RECTIFY_STATUS_CLOSED, NULL);
  g_object_set (action, "status", RECTIFY_ACTION_STATUS_CANCELLED, NULL);
  rectify_reminder_item_init_nonconformity (&items[0], nc);
  rectify_reminder_item_init_action (&items[1], action);
  after = rectify_reminders_compute (items, 2, NULL, "2026-06-15", NULL);
  g_assert_cmpuint (after->len, ==, 0);
}

/* The certification body wants the plan of NC-016 back by 2026-06-20: its own reminders, with
 * the NC's lead time (3 days), beside those of the NC's own due date, and none once closed. */
static void
test_resubmission (void)
{
  g_autoptr(GHashTable) sent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(RectifyNonconformity) nc = rectify_nonconformity_new ();
  g_autofree char *key = rectify_reminder_make_key (RECTIFY_REMINDER_ITEM_RESUBMISSION, 16,
                                                    RECTIFY_REMINDER_OVERDUE, "2026-06-20");
  RectifyReminderItem items[2];
  GPtrArray *r;

  g_assert_cmpstr (key, ==, "resubmit:16:overdue:2026-06-20");

  g_object_set (nc, "ref", "NC-016", "title", "Backups untested", "due-on", "2026-09-30", NULL);
  rectify_entity_set_id (RECTIFY_ENTITY (nc), 16);
  rectify_reminder_item_init_nonconformity (&items[0], nc);
  rectify_reminder_item_init_resubmission (&items[1], nc, "2026-06-20");
  g_assert_cmpint (items[1].kind, ==, RECTIFY_REMINDER_ITEM_RESUBMISSION);
  g_assert_cmpint (items[1].id, ==, 16);
  g_assert_cmpstr (items[1].ref, ==, "NC-016");
  g_assert_cmpstr (items[1].due_on, ==, "2026-06-20");

  r = send_due (items, G_N_ELEMENTS (items), "2026-06-16", sent);
  g_assert_cmpuint (r->len, ==, 0);
  g_ptr_array_unref (r);

  r = send_due (items, G_N_ELEMENTS (items), "2026-06-17", sent);
  g_assert_cmpuint (r->len, ==, 1);
  g_assert_cmpstr (reminder (r, 0)->key, ==, "resubmit:16:due-soon:2026-06-20");
  g_assert_cmpint (reminder (r, 0)->kind, ==, RECTIFY_REMINDER_ITEM_RESUBMISSION);
  g_assert_cmpint (reminder (r, 0)->id, ==, 16);
  g_assert_cmpstr (reminder (r, 0)->title, ==, "The plan of NC-016 is to be resubmitted in 3 days");
  /* (the date itself in whichever form the body writes dates) */
  g_assert_true (g_str_has_prefix (reminder (r, 0)->body, "Backups untested — due on "));
  g_ptr_array_unref (r);

  g_hash_table_remove_all (sent);
  r = send_due (items, G_N_ELEMENTS (items), "2026-06-20", sent);
  g_assert_cmpuint (r->len, ==, 1);
  g_assert_cmpstr (reminder (r, 0)->title, ==, "The plan of NC-016 is to be resubmitted today");
  g_ptr_array_unref (r);

  r = send_due (items, G_N_ELEMENTS (items), "2026-06-22", sent);
  g_assert_cmpuint (r->len, ==, 1);
  g_assert_cmpstr (reminder (r, 0)->key, ==, "resubmit:16:overdue:2026-06-20");
  g_assert_cmpstr (reminder (r, 0)->title, ==,
                   "The plan of NC-016 is overdue for resubmission by 2 days");
  g_ptr_array_unref (r);

  /* Closed: nothing more about it */
  g_hash_table_remove_all (sent);
  g_object_set (nc, "status", RECTIFY_STATUS_CLOSED, NULL);
  rectify_reminder_item_init_resubmission (&items[1], nc, "2026-06-20");
  r = send_due (&items[1], 1, "2026-06-22", sent);
  g_assert_cmpuint (r->len, ==, 0);
  g_ptr_array_unref (r);
}

static RectifyNonconformity *
find_nc (RectifyRegister *reg,
         gboolean         closed,
         guint            skip)
{
  GListModel *ncs = rectify_register_get_nonconformities (reg);

  for (guint i = 0; i < g_list_model_get_n_items (ncs); i++)
    {
      g_autoptr(RectifyNonconformity) nc = g_list_model_get_item (ncs, i);

      if ((rectify_nonconformity_get_status (nc) == RECTIFY_STATUS_CLOSED) == closed &&
          skip-- == 0)
        return nc;
    }
  g_assert_not_reached ();
}

static void
record (RectifyRegister      *reg,
        RectifyNonconformity *nc,
        const char           *role,
        gboolean              approved,
        const char           *decided_on,
        const char           *resubmit_by)
{
  g_autoptr(GError) error = NULL;

  rectify_register_record_approval (reg, nc, role, "A. Auditor", approved, decided_on,
                                    resubmit_by, NULL, &error);
  g_assert_no_error (error);
}

/* The items read from a register file are those made from its objects: every NC, the
 * resubmissions the certification body still waits for, every action, in the same order. */
static void
test_collect (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rectify-test-reminders-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "R.rectify", NULL);
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(GArray) expected = g_array_new (FALSE, TRUE, sizeof (RectifyReminderItem));
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (RectifyReminderItem));
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  GStringChunk *strings = g_string_chunk_new (1024);
  GListModel *ncs, *actions;
  guint n_resubmissions = 0;

  g_assert_no_error (error);
  reg = rectify_register_create (path, &error);
  g_assert_no_error (error);
  g_assert_true (rectify_demo_populate (reg, "2026-06-15", &error));
  g_assert_no_error (error);

  /* Waited for: not accepted, resubmit by a date */
  record (reg, find_nc (reg, FALSE, 0), "certification-body", FALSE, "2026-06-01", "2026-07-01");
  /* Not accepted, then accepted: nothing to wait for */
  record (reg, find_nc (reg, FALSE, 1), "certification-body", FALSE, "2026-06-01", "2026-06-20");
  record (reg, find_nc (reg, FALSE, 1), "certification-body", TRUE, "2026-06-10", NULL);
  /* Accepted, then not accepted: waited for (the latest decision counts) */
  record (reg, find_nc (reg, FALSE, 2), "certification-body", TRUE, "2026-06-01", NULL);
  record (reg, find_nc (reg, FALSE, 2), "certification-body", FALSE, "2026-06-11", "2026-06-30");
  /* Not accepted without a date; management's rejection (not the certification body's) */
  record (reg, find_nc (reg, FALSE, 3), "certification-body", FALSE, "2026-06-01", NULL);
  record (reg, find_nc (reg, FALSE, 4), "management", FALSE, "2026-06-01", NULL);
  /* Closed: nothing more about it */
  record (reg, find_nc (reg, TRUE, 0), "certification-body", FALSE, "2026-06-01", "2026-07-01");

  /* What the app made from the objects before */
  ncs = rectify_register_get_nonconformities (reg);
  for (guint i = 0; i < g_list_model_get_n_items (ncs); i++)
    {
      g_autoptr(RectifyNonconformity) nc = g_list_model_get_item (ncs, i);
      RectifyReminderItem item;

      rectify_reminder_item_init_nonconformity (&item, nc);
      g_array_append_val (expected, item);
      if (!item.finished)
        {
          GPtrArray *approvals = rectify_register_list_approvals (reg, nc);
          const char *resubmit_by = rectify_approvals_get_resubmit_by (approvals);

          g_ptr_array_add (keep, approvals);
          if (resubmit_by != NULL)
            {
              rectify_reminder_item_init_resubmission (&item, nc, resubmit_by);
              g_array_append_val (expected, item);
              n_resubmissions++;
            }
        }
    }
  actions = rectify_register_get_actions (reg);
  g_assert_cmpuint (g_list_model_get_n_items (actions), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(RectifyAction) action = g_list_model_get_item (actions, i);
      RectifyReminderItem item;

      rectify_reminder_item_init_action (&item, action);
      g_array_append_val (expected, item);
    }
  g_assert_cmpuint (n_resubmissions, ==, 2);

  g_assert_true (rectify_reminders_collect (reg, items, strings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, expected->len);
  for (guint i = 0; i < items->len; i++)
    {
      const RectifyReminderItem *a = &g_array_index (items, RectifyReminderItem, i);
      const RectifyReminderItem *b = &g_array_index (expected, RectifyReminderItem, i);

      g_assert_cmpint (a->kind, ==, b->kind);
      g_assert_cmpint (a->id, ==, b->id);
      g_assert_cmpstr (a->ref, ==, b->ref);
      g_assert_cmpstr (a->title, ==, b->title);
      g_assert_cmpstr (a->due_on, ==, b->due_on);
      g_assert_cmpint (a->finished, ==, b->finished);
    }

  g_string_chunk_free (strings);
  g_clear_object (&reg);
  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* Only the dates in German: the messages stay in English (LC_MESSAGES is untouched) */
  in_german = setlocale (LC_TIME, "de_DE.UTF-8") != NULL;

  g_test_add_func ("/Rectify/Reminders/keys", test_keys);
  g_test_add_func ("/Rectify/Reminders/thresholds", test_thresholds);
  g_test_add_func ("/Rectify/Reminders/edges", test_edges);
  g_test_add_func ("/Rectify/Reminders/from-objects", test_from_objects);
  g_test_add_func ("/Rectify/Reminders/resubmission", test_resubmission);
  g_test_add_func ("/Rectify/Reminders/collect", test_collect);

  return g_test_run ();
}
