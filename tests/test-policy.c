/* test-policy.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rectify-policy.h"

static char *
lookup_in_table (const char *key,
                 gpointer    user_data)
{
  GHashTable *table = user_data;

  return g_strdup (g_hash_table_lookup (table, key));
}

static void
store_in_table (const char *key,
                const char *value,
                gpointer    user_data)
{
  GHashTable *table = user_data;

  g_hash_table_insert (table, g_strdup (key), g_strdup (value));
}

static GHashTable *
new_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
test_defaults (void)
{
  RectifyPolicy policy;

  memset (&policy, 0xaa, sizeof policy);
  rectify_policy_init_defaults (&policy);

  g_assert_cmpuint (policy.cap_due_days, ==, 30);
  g_assert_cmpuint (policy.major_days, ==, 90);
  g_assert_cmpuint (policy.minor_days, ==, 365);
  g_assert_cmpuint (policy.observation_days, ==, 0);
  g_assert_cmpuint (policy.effectiveness_days, ==, 90);
  g_assert_true (policy.cb_acceptance_for_major);
  g_assert_true (policy.light_path_for_observations);
}

static void
test_keys (void)
{
  const char * const *keys = rectify_policy_get_keys ();
  static const char *expected[] = {
    "policy.cap-due-days", "policy.major-days", "policy.minor-days", "policy.observation-days",
    "policy.effectiveness-days", "policy.cb-acceptance-for-major",
    "policy.light-path-for-observations", NULL,
  };

  g_assert_cmpstrv (keys, expected);

  for (guint i = 0; keys[i] != NULL; i++)
    g_assert_true (rectify_policy_is_key (keys[i]));
  g_assert_false (rectify_policy_is_key ("policy.unknown"));
  g_assert_false (rectify_policy_is_key ("organisation"));
  g_assert_false (rectify_policy_is_key (NULL));
}

static void
test_roundtrip (void)
{
  g_autoptr(GHashTable) table = new_table ();
  g_autoptr(GError) error = NULL;
  RectifyPolicy policy;
  RectifyPolicy loaded;

  rectify_policy_init_defaults (&policy);
  policy.cap_due_days = 14;
  policy.major_days = 60;
  policy.minor_days = 180;
  policy.observation_days = 120;
  policy.effectiveness_days = 0;
  policy.cb_acceptance_for_major = FALSE;
  policy.light_path_for_observations = FALSE;

  rectify_policy_foreach_key (&policy, store_in_table, table);
  g_assert_cmpuint (g_hash_table_size (table), ==, 7);
  g_assert_cmpstr (g_hash_table_lookup (table, "policy.cap-due-days"), ==, "14");
  g_assert_cmpstr (g_hash_table_lookup (table, "policy.effectiveness-days"), ==, "0");
  g_assert_cmpstr (g_hash_table_lookup (table, "policy.cb-acceptance-for-major"), ==, "false");

  rectify_policy_init_defaults (&loaded);
  g_assert_false (rectify_policy_equal (&policy, &loaded));
  g_assert_true (rectify_policy_load (&loaded, lookup_in_table, table, &error));
  g_assert_no_error (error);
  g_assert_true (rectify_policy_equal (&policy, &loaded));

  /* and the defaults survive the same trip */
  g_hash_table_remove_all (table);
  rectify_policy_init_defaults (&policy);
  rectify_policy_foreach_key (&policy, store_in_table, table);
  g_assert_cmpstr (g_hash_table_lookup (table, "policy.light-path-for-observations"), ==, "true");
  memset (&loaded, 0, sizeof loaded);
  g_assert_true (rectify_policy_load (&loaded, lookup_in_table, table, &error));
  g_assert_true (rectify_policy_equal (&policy, &loaded));
}

static void
test_load_missing_keys (void)
{
  g_autoptr(GHashTable) table = new_table ();
  g_autoptr(GError) error = NULL;
  RectifyPolicy policy;
  RectifyPolicy defaults;

  rectify_policy_init_defaults (&defaults);

  /* nothing stored: the defaults */
  memset (&policy, 0, sizeof policy);
  g_assert_true (rectify_policy_load (&policy, lookup_in_table, table, &error));
  g_assert_no_error (error);
  g_assert_true (rectify_policy_equal (&policy, &defaults));

  /* some stored: those, the defaults for the rest; other keys are ignored */
  g_hash_table_insert (table, g_strdup ("policy.major-days"), g_strdup ("45"));
  g_hash_table_insert (table, g_strdup ("policy.light-path-for-observations"), g_strdup ("No"));
  g_hash_table_insert (table, g_strdup ("organisation"), g_strdup ("Acme"));
  g_assert_true (rectify_policy_load (&policy, lookup_in_table, table, &error));
  g_assert_cmpuint (policy.major_days, ==, 45);
  g_assert_false (policy.light_path_for_observations);
  g_assert_cmpuint (policy.minor_days, ==, 365);
  g_assert_true (policy.cb_acceptance_for_major);
}

static void
test_good_values (void)
{
  static const struct {
    const char *key;
    const char *value;
    const char *stored;
  } cases[] = {
    { "policy.cap-due-days", "0", "0" },
    { "policy.cap-due-days", "3650", "3650" },
    { "policy.major-days", "007", "7" },
    { "policy.cb-acceptance-for-major", "TRUE", "true" },
    { "policy.cb-acceptance-for-major", "no", "false" },
    { "policy.light-path-for-observations", "1", "true" },
    { "policy.light-path-for-observations", "0", "false" },
    { "policy.light-path-for-observations", "Yes", "true" },
    { "policy.light-path-for-observations", "False", "false" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *stored = NULL;
      RectifyPolicy policy;

      rectify_policy_init_defaults (&policy);
      g_assert_true (rectify_policy_set_value (&policy, cases[i].key, cases[i].value, &error));
      g_assert_no_error (error);
      stored = rectify_policy_get_value (&policy, cases[i].key);
      g_assert_cmpstr (stored, ==, cases[i].stored);
    }

  {
    RectifyPolicy policy;

    rectify_policy_init_defaults (&policy);
    g_assert_null (rectify_policy_get_value (&policy, "policy.nothing"));
  }
}

static void
test_bad_values (void)
{
  static const struct {
    const char *key;
    const char *value;
  } cases[] = {
    { "policy.cap-due-days", "-1" },
    { "policy.cap-due-days", "" },
    { "policy.cap-due-days", "abc" },
    { "policy.major-days", " 30" },
    { "policy.major-days", "30 " },
    { "policy.major-days", "+30" },
    { "policy.minor-days", "3651" },
    { "policy.minor-days", "99999999999999999999" },
    { "policy.minor-days", "1.5" },
    { "policy.observation-days", "0x10" },
    { "policy.effectiveness-days", "90d" },
    { "policy.effectiveness-days", "١٢" },
    { "policy.cb-acceptance-for-major", "maybe" },
    { "policy.cb-acceptance-for-major", "" },
    { "policy.light-path-for-observations", "2" },
    { "policy.light-path-for-observations", "truee" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GHashTable) table = new_table ();
      g_autoptr(GError) error = NULL;
      RectifyPolicy policy;
      RectifyPolicy before;

      /* set_value: refused, the policy unchanged, the message names key and value */
      rectify_policy_init_defaults (&policy);
      policy.major_days = 77;
      before = policy;
      g_assert_false (rectify_policy_set_value (&policy, cases[i].key, cases[i].value, &error));
      g_assert_error (error, RECTIFY_POLICY_ERROR, RECTIFY_POLICY_ERROR_INVALID_VALUE);
      g_assert_true (rectify_policy_equal (&policy, &before));
      if (strstr (error->message, cases[i].key) == NULL ||
          strstr (error->message, cases[i].value) == NULL)
        g_error ("message does not name the key and the value: %s", error->message);
      g_clear_error (&error);

      /* load: refused, the policy unchanged even when good keys came before the bad one */
      g_hash_table_insert (table, g_strdup ("policy.cap-due-days"), g_strdup ("10"));
      g_hash_table_insert (table, g_strdup (cases[i].key), g_strdup (cases[i].value));
      g_assert_false (rectify_policy_load (&policy, lookup_in_table, table, &error));
      g_assert_error (error, RECTIFY_POLICY_ERROR, RECTIFY_POLICY_ERROR_INVALID_VALUE);
      g_assert_true (rectify_policy_equal (&policy, &before));
    }

  /* messages read well */
  {
    g_autoptr(GError) error = NULL;
    RectifyPolicy policy;

    rectify_policy_init_defaults (&policy);
    g_assert_false (rectify_policy_set_value (&policy, "policy.major-days", "-5", &error));
    g_assert_cmpstr (error->message, ==,
                     "The policy setting “policy.major-days” has the value “-5”: it must be a "
                     "whole number of days from 0 to 3650");
    g_clear_error (&error);

    g_assert_false (rectify_policy_set_value (&policy, "policy.light-path-for-observations",
                                              "sometimes", &error));
    g_assert_cmpstr (error->message, ==,
                     "The policy setting “policy.light-path-for-observations” has the value "
                     "“sometimes”: it must be “true” or “false”");
    g_clear_error (&error);

    g_assert_false (rectify_policy_set_value (&policy, "policy.colour", "red", &error));
    g_assert_error (error, RECTIFY_POLICY_ERROR, RECTIFY_POLICY_ERROR_UNKNOWN_KEY);
    g_assert_cmpstr (error->message, ==, "“policy.colour” is not a policy setting");
  }
}

typedef struct
{
  RectifyGrade  grade;
  const char   *reported_on;
  const char   *audit_ends_on;
  const char   *last_done_on;
  const char   *cap_due_on;
  const char   *due_on;
  const char   *effectiveness_due_on;
} DeadlineCase;

static void
test_deadlines (void)
{
  static const DeadlineCase cases[] = {
    /* without an audit: counted from the report */
    { RECTIFY_GRADE_MAJOR, "2026-03-10", NULL, NULL, "2026-04-09", "2026-06-08", NULL },
    { RECTIFY_GRADE_MINOR, "2026-03-10", NULL, NULL, "2026-04-09", "2027-03-10", NULL },
    { RECTIFY_GRADE_OBSERVATION, "2026-03-10", NULL, NULL, NULL, NULL, NULL },
    { RECTIFY_GRADE_OFI, "2026-03-10", NULL, NULL, NULL, NULL, NULL },
    /* with an audit: counted from its last day */
    { RECTIFY_GRADE_MAJOR, "2026-03-12", "2026-03-13", NULL, "2026-04-12", "2026-06-11", NULL },
    { RECTIFY_GRADE_MINOR, "2026-03-12", "2026-03-13", NULL, "2026-04-12", "2027-03-13", NULL },
    { RECTIFY_GRADE_OBSERVATION, "2026-03-12", "2026-03-13", NULL, NULL, NULL, NULL },
    { RECTIFY_GRADE_OFI, "2026-03-12", "2026-03-13", NULL, NULL, NULL, NULL },
    /* an audit end that is not a date: the report */
    { RECTIFY_GRADE_MAJOR, "2026-03-10", "soon", NULL, "2026-04-09", "2026-06-08", NULL },
    /* no report date, but an audit */
    { RECTIFY_GRADE_MAJOR, NULL, "2026-03-13", NULL, "2026-04-12", "2026-06-11", NULL },
    /* the effectiveness review: 90 days after the last action is done, any grade */
    { RECTIFY_GRADE_MAJOR, "2026-03-10", NULL, "2026-05-01", "2026-04-09", "2026-06-08",
      "2026-07-30" },
    { RECTIFY_GRADE_MINOR, "2026-03-10", "2026-03-01", "2026-12-01", "2026-03-31", "2027-03-01",
      "2027-03-01" },
    { RECTIFY_GRADE_OFI, "2026-03-10", NULL, "2026-05-01", NULL, NULL, "2026-07-30" },
    { RECTIFY_GRADE_MAJOR, "2026-03-10", NULL, "not a date", "2026-04-09", "2026-06-08", NULL },
    /* leap years: 2024-02-29 exists, 2028 too */
    { RECTIFY_GRADE_MAJOR, "2024-01-31", NULL, NULL, "2024-03-01", "2024-04-30", NULL },
    { RECTIFY_GRADE_MAJOR, "2023-12-01", NULL, NULL, "2023-12-31", "2024-02-29", NULL },
    { RECTIFY_GRADE_MAJOR, "2023-01-31", NULL, NULL, "2023-03-02", "2023-05-01", NULL },
    { RECTIFY_GRADE_MINOR, "2024-01-15", NULL, NULL, "2024-02-14", "2025-01-14", NULL },
    { RECTIFY_GRADE_MINOR, "2027-03-01", NULL, NULL, "2027-03-31", "2028-02-29", NULL },
    { RECTIFY_GRADE_MINOR, "2024-02-29", "2024-02-29", "2027-12-01", "2024-03-30", "2025-02-28",
      "2028-02-29" },
    /* year end */
    { RECTIFY_GRADE_MAJOR, "2026-12-15", NULL, NULL, "2027-01-14", "2027-03-15", NULL },
  };
  RectifyPolicy policy;

  rectify_policy_init_defaults (&policy);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const DeadlineCase *c = &cases[i];
      g_auto(RectifyDeadlines) d = { NULL, NULL, NULL };

      g_test_message ("case %u", i);
      g_assert_true (rectify_policy_compute_deadlines (&policy, c->grade, c->reported_on,
                                                       c->audit_ends_on, c->last_done_on, &d));
      g_assert_cmpstr (d.cap_due_on, ==, c->cap_due_on);
      g_assert_cmpstr (d.due_on, ==, c->due_on);
      g_assert_cmpstr (d.effectiveness_due_on, ==, c->effectiveness_due_on);
      rectify_deadlines_clear (&d);

      /* NULL policy: the defaults */
      g_assert_true (rectify_policy_compute_deadlines (NULL, c->grade, c->reported_on,
                                                       c->audit_ends_on, c->last_done_on, &d));
      g_assert_cmpstr (d.due_on, ==, c->due_on);
    }
}

static void
test_deadlines_policy (void)
{
  g_auto(RectifyDeadlines) d = { NULL, NULL, NULL };
  RectifyPolicy policy;

  rectify_policy_init_defaults (&policy);

  /* an observation due date when the policy sets one */
  policy.observation_days = 60;
  g_assert_true (rectify_policy_compute_deadlines (&policy, RECTIFY_GRADE_OBSERVATION,
                                                   "2026-03-10", NULL, NULL, &d));
  g_assert_null (d.cap_due_on);
  g_assert_cmpstr (d.due_on, ==, "2026-05-09");
  rectify_deadlines_clear (&d);

  /* a CB's own numbers; 0 turns a deadline off */
  policy.cap_due_days = 0;
  policy.major_days = 28;
  policy.effectiveness_days = 0;
  g_assert_true (rectify_policy_compute_deadlines (&policy, RECTIFY_GRADE_MAJOR, "2026-02-01",
                                                   NULL, "2026-02-10", &d));
  g_assert_null (d.cap_due_on);
  g_assert_cmpstr (d.due_on, ==, "2026-03-01");
  g_assert_null (d.effectiveness_due_on);
  rectify_deadlines_clear (&d);

  /* nothing to count from */
  g_assert_false (rectify_policy_compute_deadlines (&policy, RECTIFY_GRADE_MAJOR, NULL, NULL,
                                                    "2026-02-10", &d));
  g_assert_null (d.cap_due_on);
  g_assert_null (d.due_on);
  g_assert_null (d.effectiveness_due_on);
  g_assert_false (rectify_policy_compute_deadlines (&policy, RECTIFY_GRADE_MINOR, "2026-02-30",
                                                    "", NULL, &d));
}

static void
test_overdue (void)
{
  RectifyDeadlines d = {
    (char *)"2026-04-09", (char *)"2026-06-08", (char *)"2026-07-30",
  };
  RectifyDeadlines none = { NULL, NULL, NULL };

  /* the day itself is not overdue; the day after is */
  g_assert_cmpint (rectify_deadlines_get_overdue (&d, RECTIFY_STATUS_ANALYSIS, "2026-04-09"), ==,
                   RECTIFY_OVERDUE_NONE);
  g_assert_cmpint (rectify_deadlines_get_overdue (&d, RECTIFY_STATUS_ANALYSIS, "2026-04-10"), ==,
                   RECTIFY_OVERDUE_CAP);
  g_assert_cmpint (rectify_deadlines_get_overdue (&d, RECTIFY_STATUS_ACTION_PLANNED,
                                                  "2026-06-09"), ==,
                   RECTIFY_OVERDUE_CAP | RECTIFY_OVERDUE_DUE);
  /* once the plan has gone for approval, the CAP deadline is met */
  g_assert_cmpint (rectify_deadlines_get_overdue (&d, RECTIFY_STATUS_AWAITING_APPROVAL,
                                                  "2026-06-09"), ==, RECTIFY_OVERDUE_DUE);
  g_assert_cmpint (rectify_deadlines_get_overdue (&d, RECTIFY_STATUS_VERIFICATION,
                                                  "2026-08-01"), ==,
                   RECTIFY_OVERDUE_DUE | RECTIFY_OVERDUE_EFFECTIVENESS);
  /* closed: nothing is overdue */
  g_assert_cmpint (rectify_deadlines_get_overdue (&d, RECTIFY_STATUS_CLOSED, "2030-01-01"), ==,
                   RECTIFY_OVERDUE_NONE);
  /* no deadlines, or no valid today */
  g_assert_cmpint (rectify_deadlines_get_overdue (&none, RECTIFY_STATUS_REPORTED, "2030-01-01"),
                   ==, RECTIFY_OVERDUE_NONE);
  g_assert_cmpint (rectify_deadlines_get_overdue (&d, RECTIFY_STATUS_REPORTED, "today"), ==,
                   RECTIFY_OVERDUE_NONE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Rectify/Policy/defaults", test_defaults);
  g_test_add_func ("/Rectify/Policy/keys", test_keys);
  g_test_add_func ("/Rectify/Policy/roundtrip", test_roundtrip);
  g_test_add_func ("/Rectify/Policy/load-missing-keys", test_load_missing_keys);
  g_test_add_func ("/Rectify/Policy/good-values", test_good_values);
  g_test_add_func ("/Rectify/Policy/bad-values", test_bad_values);
  g_test_add_func ("/Rectify/Policy/deadlines", test_deadlines);
  g_test_add_func ("/Rectify/Policy/deadlines-policy", test_deadlines_policy);
  g_test_add_func ("/Rectify/Policy/overdue", test_overdue);

  return g_test_run ();
}
