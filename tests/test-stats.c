/* test-stats.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The figures of rectify-stats.h against values computed by hand, on real register files: a small
 * register (closed NCs across months, an overdue NC and action, one NC reopened by a
 * not-effective review), an empty register and a register with one NC. */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "rectify-register.h"
#include "rectify-stats.h"

#define TODAY "2026-06-15"

typedef struct
{
  char            *dir;
  char            *path;
  RectifyRegister *reg;
  gint64           audit_id;
} Fixture;

static void
rm_rf (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          rm_rf (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("rectify-stats-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "register.rectify", NULL);
  f->reg = rectify_register_create (f->path, &error);
  g_assert_no_error (error);
  rectify_register_set_user (f->reg, "Lena Lead");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->reg);
  rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* --- building blocks ------------------------------------------------------------------ */

static RectifyNonconformity *
add_nc (RectifyRegister *reg,
        const char      *ref,
        RectifyGrade     grade,
        RectifySource    source,
        const char      *area,
        const char      *requirement,
        const char      *reported_on,
        RectifyStatus    status,
        const char      *closed_on,
        gint64           audit_id)
{
  g_autoptr(GError) error = NULL;
  RectifyNonconformity *nc = rectify_nonconformity_new ();

  g_object_set (nc, "ref", ref, "title", ref, "grade", grade, "source", source,
                "area", area, "requirement", requirement, "reported-on", reported_on,
                "status", status, "closed-on", closed_on, "audit-id", audit_id,
                "statement", "A statement", "evidence", "Some evidence", NULL);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (nc), &error));
  g_assert_no_error (error);

  return nc;
}

static RectifyAction *
add_action (RectifyRegister      *reg,
            RectifyNonconformity *nc,
            const char           *ref,
            RectifyActionStatus   status,
            const char           *target_on,
            const char           *done_on)
{
  g_autoptr(GError) error = NULL;
  RectifyAction *action = rectify_action_new ();

  g_object_set (action, "ref", ref, "title", "An action", "owner", "Head of IT",
                "success-criterion", "Measured", "status", status, "target-on", target_on,
                "done-on", done_on, NULL);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (action), &error));
  g_assert_no_error (error);
  if (nc != NULL)
    {
      g_assert_true (rectify_register_link_action (reg, nc, action, &error));
      g_assert_no_error (error);
    }

  return action;
}

static void
set_string (RectifyRegister *reg,
            gpointer         entity,
            const char      *property,
            const char      *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rectify_register_update_string (reg, RECTIFY_ENTITY (entity), property, value,
                                                 &error));
  g_assert_no_error (error);
}

static void
move_ok (RectifyRegister      *reg,
         RectifyNonconformity *nc,
         RectifyStatus         to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) missing = NULL;

  if (!rectify_register_move (reg, nc, to, &missing, &error))
    g_error ("%s -> %s refused: %s", rectify_nonconformity_get_ref (nc),
             rectify_enum_to_nick (RECTIFY_TYPE_STATUS, to), error->message);
  g_assert_cmpint (rectify_nonconformity_get_status (nc), ==, to);
}

/* Drives @nc (documented, in Reported) through the lifecycle to Verification, with @action as
 * its one corrective action, then records a not-effective review: the NC is reopened. */
static void
reopen_through_lifecycle (RectifyRegister      *reg,
                          RectifyNonconformity *nc,
                          RectifyAction        *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyCause) cause = rectify_cause_new ();
  g_autoptr(RectifyEvidence) evidence = rectify_evidence_new ();
  g_autoptr(RectifyVerification) review = rectify_verification_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static ("minutes", 7);

  move_ok (reg, nc, RECTIFY_STATUS_ANALYSIS);

  set_string (reg, nc, "correction", "Disabled the accounts");
  set_string (reg, nc, "correction-on", "2026-03-16");
  g_object_set (cause, "nc-id", rectify_entity_get_id (RECTIFY_ENTITY (nc)),
                "category", "Process", "text", "Manual process", "is-root", TRUE, NULL);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (cause), &error));
  g_assert_no_error (error);
  move_ok (reg, nc, RECTIFY_STATUS_ACTION_PLANNED);

  g_assert_true (rectify_register_link_action (reg, nc, action, &error));
  g_assert_no_error (error);
  move_ok (reg, nc, RECTIFY_STATUS_AWAITING_APPROVAL);

  g_assert_true (rectify_register_record_approval (reg, nc, "management", "Max Manager", TRUE,
                                                   "2026-03-20", NULL, NULL, &error));
  g_assert_no_error (error);
  move_ok (reg, nc, RECTIFY_STATUS_IMPLEMENTATION);

  g_assert_true (rectify_register_update_enum (reg, RECTIFY_ENTITY (action), "status",
                                               RECTIFY_ACTION_STATUS_DONE, &error));
  g_assert_no_error (error);
  set_string (reg, action, "done-on", "2026-04-20");
  g_object_set (evidence, "name", "minutes.txt", "mime-type", "text/plain",
                "action-id", rectify_entity_get_id (RECTIFY_ENTITY (action)), NULL);
  g_assert_true (rectify_register_add_evidence (reg, evidence, bytes, &error));
  g_assert_no_error (error);
  move_ok (reg, nc, RECTIFY_STATUS_VERIFICATION);

  g_object_set (review, "nc-id", rectify_entity_get_id (RECTIFY_ENTITY (nc)),
                "verifier", "Ian Internal-Auditor", "verified-on", "2026-05-30",
                "result", RECTIFY_VERIFICATION_RESULT_NOT_EFFECTIVE, NULL);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (review), &error));
  g_assert_no_error (error);
  g_assert_cmpint (rectify_nonconformity_get_status (nc), ==, RECTIFY_STATUS_ANALYSIS);
}

/* The small register:
 *
 *   ref  grade  source      area   req     reported    status          closed      audit
 *   NC1  major  internal    IT     A.8.8   2026-01-10  closed          2026-03-01  yes   50 days
 *   NC2  minor  internal    IT     A 8.8   2026-02-05  closed          2026-02-25  yes   20 days
 *   NC3  minor  external    HR     7.2     2026-02-20  closed          2026-05-01  no    70 days
 *   NC4  minor  incident    IT     A.8.8   2026-04-02  implementation  due 2026-06-01 (overdue)
 *   NC5  obs.   monitoring  HR     9.2     2026-05-10  reported        (no due date)
 *   NC6  minor  complaint   Sales  A.5.18  2026-03-15  analysis, reopened by a failed review
 *
 *   A1 -> NC1 done 2026-02-25, target 2026-02-20 (late)
 *   A2 -> NC4 planned, target 2026-05-31 (overdue)
 *   A3 -> NC4 in progress, target 2026-07-01
 *   A6 -> NC6 done 2026-04-20, target 2026-04-30 (on time)
 *   A7 (no NC) cancelled, target 2026-01-01 (not overdue: cancelled)
 */
static void
build_small_register (Fixture *f)
{
  RectifyRegister *reg = f->reg;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyAudit) audit = rectify_audit_new ();
  g_autoptr(RectifyNonconformity) nc1 = NULL;
  g_autoptr(RectifyNonconformity) nc2 = NULL;
  g_autoptr(RectifyNonconformity) nc3 = NULL;
  g_autoptr(RectifyNonconformity) nc4 = NULL;
  g_autoptr(RectifyNonconformity) nc5 = NULL;
  g_autoptr(RectifyNonconformity) nc6 = NULL;
  g_autoptr(RectifyAction) a6 = NULL;

  g_object_set (audit, "title", "Internal audit 2026", "starts-on", "2026-01-08",
                "ends-on", "2026-01-09", NULL);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (audit), &error));
  g_assert_no_error (error);
  f->audit_id = rectify_entity_get_id (RECTIFY_ENTITY (audit));

  nc1 = add_nc (reg, "NC-001", RECTIFY_GRADE_MAJOR, RECTIFY_SOURCE_INTERNAL_AUDIT, "IT", "A.8.8",
                "2026-01-10", RECTIFY_STATUS_CLOSED, "2026-03-01", f->audit_id);
  nc2 = add_nc (reg, "NC-002", RECTIFY_GRADE_MINOR, RECTIFY_SOURCE_INTERNAL_AUDIT, "IT", "A 8.8",
                "2026-02-05", RECTIFY_STATUS_CLOSED, "2026-02-25", f->audit_id);
  nc3 = add_nc (reg, "NC-003", RECTIFY_GRADE_MINOR, RECTIFY_SOURCE_EXTERNAL_AUDIT, "HR", "7.2",
                "2026-02-20", RECTIFY_STATUS_CLOSED, "2026-05-01", 0);
  nc4 = add_nc (reg, "NC-004", RECTIFY_GRADE_MINOR, RECTIFY_SOURCE_INCIDENT, "IT", "A.8.8",
                "2026-04-02", RECTIFY_STATUS_IMPLEMENTATION, NULL, f->audit_id);
  set_string (reg, nc4, "due-on", "2026-06-01");
  nc5 = add_nc (reg, "NC-005", RECTIFY_GRADE_OBSERVATION, RECTIFY_SOURCE_MONITORING, "HR", "9.2",
                "2026-05-10", RECTIFY_STATUS_REPORTED, NULL, 0);
  nc6 = add_nc (reg, "NC-006", RECTIFY_GRADE_MINOR, RECTIFY_SOURCE_COMPLAINT, "Sales", "A.5.18",
                "2026-03-15", RECTIFY_STATUS_REPORTED, NULL, 0);

  g_object_unref (add_action (reg, nc1, "A-001", RECTIFY_ACTION_STATUS_DONE, "2026-02-20",
                              "2026-02-25"));
  g_object_unref (add_action (reg, nc4, "A-002", RECTIFY_ACTION_STATUS_PLANNED, "2026-05-31",
                              NULL));
  g_object_unref (add_action (reg, nc4, "A-003", RECTIFY_ACTION_STATUS_IN_PROGRESS,
                              "2026-07-01", NULL));
  a6 = add_action (reg, NULL, "A-006", RECTIFY_ACTION_STATUS_PLANNED, "2026-04-30", NULL);
  g_object_unref (add_action (reg, NULL, "A-007", RECTIFY_ACTION_STATUS_CANCELLED, "2026-01-01",
                              NULL));

  reopen_through_lifecycle (reg, nc6, a6);

  /* The facts the hand computation relies on */
  g_assert_cmpstr (rectify_nonconformity_get_due_on (nc4), ==, "2026-06-01");
  g_assert_null (rectify_nonconformity_get_due_on (nc5));
  g_assert_false (rectify_nonconformity_is_overdue (nc6, TODAY));
}

static void
assert_month (GPtrArray  *months,
              guint       index,
              const char *month,
              guint       opened,
              guint       closed)
{
  RectifyStatsMonth *m;

  g_assert_cmpuint (index, <, months->len);
  m = g_ptr_array_index (months, index);
  g_assert_cmpstr (m->month, ==, month);
  g_assert_cmpuint (m->opened, ==, opened);
  g_assert_cmpuint (m->closed, ==, closed);
}

static void
assert_refs (GPtrArray  *refs,
             const char *joined)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < refs->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, ',');
      g_string_append (text, g_ptr_array_index (refs, i));
    }
  g_assert_cmpstr (text->str, ==, joined);
}

static void
assert_duration (const RectifyStatsDuration *d,
                 guint                       count,
                 double                      median,
                 double                      p90)
{
  g_assert_cmpuint (d->count, ==, count);
  if (isnan (median))
    {
      g_assert_true (isnan (d->median));
      g_assert_true (isnan (d->p90));
      return;
    }
  g_assert_cmpfloat_with_epsilon (d->median, median, 1e-9);
  g_assert_cmpfloat_with_epsilon (d->p90, p90, 1e-9);
}

/* --- tests ---------------------------------------------------------------------------- */

static void
test_percentile (void)
{
  const double four[] = { 1, 2, 3, 4 };
  const double one[] = { 7 };

  g_assert_cmpfloat_with_epsilon (rectify_stats_percentile (four, 4, 0.5), 2.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (rectify_stats_percentile (four, 4, 0.9), 3.7, 1e-12);
  g_assert_cmpfloat_with_epsilon (rectify_stats_percentile (four, 4, 0.0), 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (rectify_stats_percentile (four, 4, 1.0), 4.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (rectify_stats_percentile (one, 1, 0.9), 7.0, 1e-12);
  g_assert_true (isnan (rectify_stats_percentile (NULL, 0, 0.5)));
}

static void
test_whole_register (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyStats) stats = NULL;
  g_autofree char *json = NULL;
  GPtrArray *months;

  build_small_register (f);
  stats = rectify_stats_compute (f->reg, 0, NULL, NULL, TODAY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stats);

  g_assert_cmpuint (rectify_stats_get_n_total (stats), ==, 6);
  g_assert_cmpuint (rectify_stats_get_n_open (stats), ==, 3);
  g_assert_cmpuint (rectify_stats_get_n_closed (stats), ==, 3);

  g_assert_cmpuint (rectify_stats_get_by_status (stats, RECTIFY_STATUS_CLOSED), ==, 3);
  g_assert_cmpuint (rectify_stats_get_by_status (stats, RECTIFY_STATUS_IMPLEMENTATION), ==, 1);
  g_assert_cmpuint (rectify_stats_get_by_status (stats, RECTIFY_STATUS_REPORTED), ==, 1);
  g_assert_cmpuint (rectify_stats_get_by_status (stats, RECTIFY_STATUS_ANALYSIS), ==, 1);
  g_assert_cmpuint (rectify_stats_get_by_status (stats, RECTIFY_STATUS_VERIFICATION), ==, 0);

  g_assert_cmpuint (rectify_stats_get_open_by_grade (stats, RECTIFY_GRADE_MAJOR), ==, 0);
  g_assert_cmpuint (rectify_stats_get_open_by_grade (stats, RECTIFY_GRADE_MINOR), ==, 2);
  g_assert_cmpuint (rectify_stats_get_open_by_grade (stats, RECTIFY_GRADE_OBSERVATION), ==, 1);
  g_assert_cmpuint (rectify_stats_get_open_by_source (stats, RECTIFY_SOURCE_INCIDENT), ==, 1);
  g_assert_cmpuint (rectify_stats_get_open_by_source (stats, RECTIFY_SOURCE_MONITORING), ==, 1);
  g_assert_cmpuint (rectify_stats_get_open_by_source (stats, RECTIFY_SOURCE_COMPLAINT), ==, 1);
  g_assert_cmpuint (rectify_stats_get_open_by_source (stats, RECTIFY_SOURCE_INTERNAL_AUDIT), ==,
                    0);

  g_assert_cmpuint (rectify_stats_get_open_by_area (stats)->len, ==, 3);
  g_assert_cmpuint (rectify_stats_count_lookup (rectify_stats_get_open_by_area (stats), "IT"), ==,
                    1);
  g_assert_cmpuint (rectify_stats_count_lookup (rectify_stats_get_open_by_area (stats), "Sales"),
                    ==, 1);
  g_assert_cmpuint (rectify_stats_count_lookup (rectify_stats_get_open_by_requirement (stats),
                                                "A.8.8"), ==, 1);
  g_assert_cmpuint (rectify_stats_count_lookup (rectify_stats_get_open_by_requirement (stats),
                                                "9.2"), ==, 1);
  g_assert_cmpuint (rectify_stats_count_lookup (rectify_stats_get_open_by_requirement (stats),
                                                "A.5.18"), ==, 1);
  g_assert_cmpuint (rectify_stats_get_open_by_theme (stats)->len, ==, 3);
  g_assert_cmpuint (rectify_stats_count_lookup (rectify_stats_get_open_by_theme (stats),
                                                "technological"), ==, 1);
  g_assert_cmpuint (rectify_stats_count_lookup (rectify_stats_get_open_by_theme (stats),
                                                "organizational"), ==, 1);
  g_assert_cmpuint (rectify_stats_count_lookup (rectify_stats_get_open_by_theme (stats),
                                                "clauses"), ==, 1);

  /* "A 8.8" is the same requirement as "A.8.8": three findings */
  g_assert_cmpuint (rectify_stats_get_repeated_requirements (stats)->len, ==, 1);
  g_assert_cmpuint (rectify_stats_count_lookup (rectify_stats_get_repeated_requirements (stats),
                                                "A.8.8"), ==, 3);

  months = rectify_stats_get_months (stats);
  g_assert_cmpuint (months->len, ==, 6);
  assert_month (months, 0, "2026-01", 1, 0);
  assert_month (months, 1, "2026-02", 2, 1);
  assert_month (months, 2, "2026-03", 1, 1);
  assert_month (months, 3, "2026-04", 1, 0);
  assert_month (months, 4, "2026-05", 1, 1);
  assert_month (months, 5, "2026-06", 0, 0);

  assert_refs (rectify_stats_get_overdue_ncs (stats), "NC-004");
  assert_refs (rectify_stats_get_overdue_actions (stats), "A-002");

  /* 20, 50, 70 days; major 50; minor 20, 70 */
  assert_duration (rectify_stats_get_days_to_close (stats), 3, 50.0, 66.0);
  assert_duration (rectify_stats_get_days_to_close_by_grade (stats, RECTIFY_GRADE_MAJOR), 1,
                   50.0, 50.0);
  assert_duration (rectify_stats_get_days_to_close_by_grade (stats, RECTIFY_GRADE_MINOR), 2,
                   45.0, 65.0);
  assert_duration (rectify_stats_get_days_to_close_by_grade (stats, RECTIFY_GRADE_OFI), 0,
                   NAN, NAN);

  g_assert_cmpuint (rectify_stats_get_n_actions (stats), ==, 5);
  g_assert_cmpuint (rectify_stats_get_n_actions_done (stats), ==, 2);
  g_assert_cmpuint (rectify_stats_get_n_actions_on_time (stats), ==, 1);
  g_assert_cmpfloat_with_epsilon (rectify_stats_get_on_time_share (stats), 0.5, 1e-12);

  assert_refs (rectify_stats_get_reopened_ncs (stats), "NC-006");
  g_assert_cmpuint (rectify_stats_get_n_reopenings (stats), ==, 1);

  json = rectify_stats_to_json (stats);
  g_assert_nonnull (strstr (json, "\"total\": 6,"));
  g_assert_nonnull (strstr (json, "\"days-to-close\": {\"count\": 3, \"median\": 50.0, "
                                  "\"p90\": 66.0}"));
  g_assert_nonnull (strstr (json, "\"ofi\": {\"count\": 0, \"median\": null, \"p90\": null}"));
  g_assert_nonnull (strstr (json, "\"actions-on-time-share\": 0.5,"));
  g_assert_nonnull (strstr (json, "\"reopened-ncs\": [\"NC-006\"],"));
  /* Stable key order */
  g_assert_true (strstr (json, "\"today\"") < strstr (json, "\"total\""));
  g_assert_true (strstr (json, "\"months\"") < strstr (json, "\"overdue-ncs\""));
  g_assert_true (strstr (json, "\"reopenings\"") < strstr (json, "\"repeated-requirements\""));
}

static void
test_audit_scope (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyStats) stats = NULL;
  GPtrArray *months;

  build_small_register (f);
  stats = rectify_stats_compute (f->reg, f->audit_id, NULL, NULL, TODAY, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (rectify_stats_get_audit_title (stats), ==, "Internal audit 2026");
  g_assert_cmpuint (rectify_stats_get_n_total (stats), ==, 3);
  g_assert_cmpuint (rectify_stats_get_n_closed (stats), ==, 2);
  g_assert_cmpuint (rectify_stats_get_n_open (stats), ==, 1);
  g_assert_cmpuint (rectify_stats_get_open_by_grade (stats, RECTIFY_GRADE_MINOR), ==, 1);

  months = rectify_stats_get_months (stats);
  g_assert_cmpuint (months->len, ==, 6);
  assert_month (months, 0, "2026-01", 1, 0);
  assert_month (months, 1, "2026-02", 1, 1);
  assert_month (months, 2, "2026-03", 0, 1);
  assert_month (months, 3, "2026-04", 1, 0);
  assert_month (months, 4, "2026-05", 0, 0);

  /* Linked actions only: A1 (late), A2 (overdue), A3 */
  g_assert_cmpuint (rectify_stats_get_n_actions (stats), ==, 3);
  g_assert_cmpuint (rectify_stats_get_n_actions_done (stats), ==, 1);
  g_assert_cmpuint (rectify_stats_get_n_actions_on_time (stats), ==, 0);
  g_assert_cmpfloat_with_epsilon (rectify_stats_get_on_time_share (stats), 0.0, 1e-12);
  assert_refs (rectify_stats_get_overdue_actions (stats), "A-002");
  assert_refs (rectify_stats_get_overdue_ncs (stats), "NC-004");

  assert_duration (rectify_stats_get_days_to_close (stats), 2, 35.0, 47.0);
  assert_refs (rectify_stats_get_reopened_ncs (stats), "");
  g_assert_cmpuint (rectify_stats_count_lookup (rectify_stats_get_repeated_requirements (stats),
                                                "A.8.8"), ==, 3);
}

static void
test_date_scope (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyStats) stats = NULL;
  g_autoptr(RectifyStats) later = NULL;
  GPtrArray *months;

  build_small_register (f);
  stats = rectify_stats_compute (f->reg, 0, "2026-02-01", "2026-03-31", TODAY, &error);
  g_assert_no_error (error);

  /* NC2, NC3, NC6 */
  g_assert_cmpuint (rectify_stats_get_n_total (stats), ==, 3);
  g_assert_cmpuint (rectify_stats_get_n_closed (stats), ==, 2);
  g_assert_cmpuint (rectify_stats_get_n_open (stats), ==, 1);

  /* Only the months of the range; NC3's closing in May lies outside it */
  months = rectify_stats_get_months (stats);
  g_assert_cmpuint (months->len, ==, 2);
  assert_month (months, 0, "2026-02", 2, 1);
  assert_month (months, 1, "2026-03", 1, 0);

  assert_duration (rectify_stats_get_days_to_close (stats), 2, 45.0, 65.0);
  g_assert_cmpuint (rectify_stats_get_n_actions (stats), ==, 1);
  g_assert_cmpuint (rectify_stats_get_n_actions_on_time (stats), ==, 1);
  g_assert_cmpfloat_with_epsilon (rectify_stats_get_on_time_share (stats), 1.0, 1e-12);
  assert_refs (rectify_stats_get_reopened_ncs (stats), "NC-006");
  assert_refs (rectify_stats_get_overdue_ncs (stats), "");
  g_assert_cmpuint (rectify_stats_get_repeated_requirements (stats)->len, ==, 0);

  /* Open-ended: from April on, months up to today */
  later = rectify_stats_compute (f->reg, 0, "2026-04-01", NULL, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rectify_stats_get_n_total (later), ==, 2);
  months = rectify_stats_get_months (later);
  g_assert_cmpuint (months->len, ==, 3);
  assert_month (months, 0, "2026-04", 1, 0);
  assert_month (months, 2, "2026-06", 0, 0);

  /* Bad input */
  g_assert_null (rectify_stats_compute (f->reg, 0, "2026-05-01", "2026-04-01", TODAY, &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (rectify_stats_compute (f->reg, 0, "2026-13-01", NULL, TODAY, &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (rectify_stats_compute (f->reg, 999, NULL, NULL, TODAY, &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
}

static void
test_empty_register (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyStats) stats = NULL;
  g_autofree char *json = NULL;

  stats = rectify_stats_compute (f->reg, 0, NULL, NULL, TODAY, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (rectify_stats_get_n_total (stats), ==, 0);
  g_assert_cmpuint (rectify_stats_get_n_open (stats), ==, 0);
  for (guint s = 0; s < RECTIFY_N_STATUSES; s++)
    g_assert_cmpuint (rectify_stats_get_by_status (stats, (RectifyStatus)s), ==, 0);
  g_assert_cmpuint (rectify_stats_get_open_by_area (stats)->len, ==, 0);
  g_assert_cmpuint (rectify_stats_get_open_by_theme (stats)->len, ==, 0);
  g_assert_cmpuint (rectify_stats_get_months (stats)->len, ==, 0);
  g_assert_cmpuint (rectify_stats_get_overdue_ncs (stats)->len, ==, 0);
  g_assert_cmpuint (rectify_stats_get_overdue_actions (stats)->len, ==, 0);
  assert_duration (rectify_stats_get_days_to_close (stats), 0, NAN, NAN);
  g_assert_cmpuint (rectify_stats_get_n_actions (stats), ==, 0);
  g_assert_true (isnan (rectify_stats_get_on_time_share (stats)));
  g_assert_cmpuint (rectify_stats_get_n_reopenings (stats), ==, 0);

  json = rectify_stats_to_json (stats);
  g_assert_nonnull (strstr (json, "\"months\": [],"));
  g_assert_nonnull (strstr (json, "\"actions-on-time-share\": null,"));
  g_assert_nonnull (strstr (json, "\"repeated-requirements\": []\n}"));
  g_assert_null (strstr (json, "nan"));
}

static void
test_one_nc (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyStats) stats = NULL;
  g_autoptr(RectifyNonconformity) nc = NULL;
  GPtrArray *months;

  nc = add_nc (f->reg, "NC-001", RECTIFY_GRADE_MINOR, RECTIFY_SOURCE_INTERNAL_AUDIT, "IT",
               "A.8.8", "2026-04-10", RECTIFY_STATUS_CLOSED, "2026-04-30", 0);
  stats = rectify_stats_compute (f->reg, 0, NULL, NULL, TODAY, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (rectify_stats_get_n_total (stats), ==, 1);
  g_assert_cmpuint (rectify_stats_get_n_closed (stats), ==, 1);
  g_assert_cmpuint (rectify_stats_get_n_open (stats), ==, 0);
  g_assert_cmpuint (rectify_stats_get_open_by_requirement (stats)->len, ==, 0);
  g_assert_cmpuint (rectify_stats_get_repeated_requirements (stats)->len, ==, 0);
  assert_duration (rectify_stats_get_days_to_close (stats), 1, 20.0, 20.0);
  assert_duration (rectify_stats_get_days_to_close_by_grade (stats, RECTIFY_GRADE_MINOR), 1,
                   20.0, 20.0);
  assert_duration (rectify_stats_get_days_to_close_by_grade (stats, RECTIFY_GRADE_MAJOR), 0,
                   NAN, NAN);

  months = rectify_stats_get_months (stats);
  g_assert_cmpuint (months->len, ==, 3);
  assert_month (months, 0, "2026-04", 1, 1);
  assert_month (months, 1, "2026-05", 0, 0);
  assert_month (months, 2, "2026-06", 0, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("RECTIFY_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/Rectify/Stats/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/Rectify/Stats/percentile", test_percentile);
  ADD ("whole-register", test_whole_register);
  ADD ("audit-scope", test_audit_scope);
  ADD ("date-scope", test_date_scope);
  ADD ("empty-register", test_empty_register);
  ADD ("one-nc", test_one_nc);

#undef ADD

  return g_test_run ();
}
