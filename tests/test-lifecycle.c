/* test-lifecycle.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The corrective action lifecycle through the register, on real files: every workflow gate
 * allowed and refused, reopening, the light path, shared actions, evidence and history
 * tamper-evidence, deadlines from the policy, undo of a move. RECTIFY_TODAY is 2026-06-15 (set by
 * tests/meson.build; set here too when the test runs alone). */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "rectify-demo.h"
#include "rectify-register.h"
#include "rectify-workflow.h"

#define TODAY "2026-06-15"

typedef struct
{
  char            *dir;
  char            *path;
  RectifyRegister *reg;
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

  f->dir = g_dir_make_tmp ("rectify-lifecycle-XXXXXX", &error);
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

static void
reopen_register (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->reg);
  f->reg = rectify_register_open (f->path, &error);
  g_assert_no_error (error);
  rectify_register_set_user (f->reg, "Lena Lead");
}

/* Runs SQL on the file with the plain sqlite3 API, as an outside program would. */
static void
outside_sql (const char *path,
             const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("SQL failed: %s", message);
  sqlite3_close (db);
}

static guint
history_count (RectifyRegister *reg)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = rectify_register_list_history (reg, NULL, &error);

  g_assert_no_error (error);

  return rows->len;
}

/* --- building blocks ------------------------------------------------------------------ */

static RectifyNonconformity *
add_nc (RectifyRegister *reg,
        RectifyGrade     grade,
        gboolean         documented)
{
  g_autoptr(GError) error = NULL;
  RectifyNonconformity *nc = rectify_nonconformity_new ();

  g_object_set (nc, "title", "Leavers keep access", "grade", grade,
                "reported-on", "2026-03-01", NULL);
  if (documented)
    g_object_set (nc,
                  "statement", "Leavers kept their VPN accounts",
                  "requirement", "A.5.18",
                  "evidence", "Three active leaver accounts on 2026-02-27",
                  NULL);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (nc), &error));
  g_assert_no_error (error);

  return nc;
}

static RectifyCause *
add_cause (RectifyRegister      *reg,
           RectifyNonconformity *nc,
           gboolean              is_root)
{
  g_autoptr(GError) error = NULL;
  RectifyCause *cause = rectify_cause_new ();

  g_object_set (cause, "nc-id", rectify_entity_get_id (RECTIFY_ENTITY (nc)),
                "category", "Process", "text", "Leaver process relies on e-mail",
                "is-root", is_root, NULL);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (cause), &error));
  g_assert_no_error (error);

  return cause;
}

/* An action linked to @nc; @complete gives it owner, target date and success criterion. */
static RectifyAction *
add_action (RectifyRegister      *reg,
            RectifyNonconformity *nc,
            const char           *ref,
            gboolean              complete)
{
  g_autoptr(GError) error = NULL;
  RectifyAction *action = rectify_action_new ();

  g_object_set (action, "ref", ref, "title", "Automate deprovisioning", NULL);
  if (complete)
    g_object_set (action, "owner", "Head of IT", "target-on", "2026-08-01",
                  "success-criterion", "No active leaver accounts in the monthly check", NULL);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (action), &error));
  g_assert_no_error (error);
  g_assert_true (rectify_register_link_action (reg, nc, action, &error));
  g_assert_no_error (error);

  return action;
}

static RectifyEvidence *
add_evidence (RectifyRegister *reg,
              RectifyEntity   *owner,
              const char      *name,
              GBytes          *bytes)
{
  g_autoptr(GError) error = NULL;
  RectifyEvidence *evidence = rectify_evidence_new ();

  g_object_set (evidence, "name", name, "mime-type", "text/plain", NULL);
  if (RECTIFY_IS_ACTION (owner))
    g_object_set (evidence, "action-id", rectify_entity_get_id (owner), NULL);
  else
    g_object_set (evidence, "nc-id", rectify_entity_get_id (owner), NULL);
  g_assert_true (rectify_register_add_evidence (reg, evidence, bytes, &error));
  g_assert_no_error (error);

  return evidence;
}

static RectifyVerification *
add_verification (RectifyRegister           *reg,
                  RectifyNonconformity      *nc,
                  RectifyVerificationResult  result)
{
  g_autoptr(GError) error = NULL;
  RectifyVerification *v = rectify_verification_new ();

  g_object_set (v, "nc-id", rectify_entity_get_id (RECTIFY_ENTITY (nc)),
                "verifier", "Ian Internal-Auditor", "verified-on", "2026-06-10",
                "result", result, NULL);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (v), &error));
  g_assert_no_error (error);

  return v;
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
set_bool (RectifyRegister *reg,
          gpointer         entity,
          const char      *property,
          gboolean         value)
{
  g_autoptr(GError) error = NULL;
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_BOOLEAN);
  g_value_set_boolean (&v, value);
  g_assert_true (rectify_register_update (reg, RECTIFY_ENTITY (entity), property, &v, &error));
  g_assert_no_error (error);
}

static void
set_enum (RectifyRegister *reg,
          gpointer         entity,
          const char      *property,
          int              value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rectify_register_update_enum (reg, RECTIFY_ENTITY (entity), property, value,
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
  g_assert_no_error (error);
  g_assert_null (missing);
  g_assert_cmpint (rectify_nonconformity_get_status (nc), ==, to);
}

/* Asserts the move is refused with @first as the first missing condition and @text in the
 * message, and that nothing was written. Returns the missing items. */
static GPtrArray *
move_refused (RectifyRegister          *reg,
              RectifyNonconformity     *nc,
              RectifyStatus             to,
              RectifyWorkflowCondition  first,
              const char               *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *missing = NULL;
  RectifyStatus before = rectify_nonconformity_get_status (nc);
  guint n_history = history_count (reg);

  g_assert_false (rectify_register_move (reg, nc, to, &missing, &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_REFUSED);
  g_test_message ("%s -> %s refused: %s", rectify_nonconformity_get_ref (nc),
                  rectify_enum_to_nick (RECTIFY_TYPE_STATUS, to), error->message);
  g_assert_nonnull (missing);
  g_assert_cmpuint (missing->len, >, 0);
  g_assert_cmpint (rectify_workflow_first_condition (missing), ==, first);
  if (text != NULL && strstr (error->message, text) == NULL)
    g_error ("“%s” not in “%s”", text, error->message);

  /* Register unchanged */
  g_assert_cmpint (rectify_nonconformity_get_status (nc), ==, before);
  g_assert_cmpuint (history_count (reg), ==, n_history);

  return missing;
}

static gboolean
has_condition (GPtrArray                *missing,
               RectifyWorkflowCondition  condition)
{
  for (guint i = 0; i < missing->len; i++)
    if (((RectifyWorkflowMissing *)g_ptr_array_index (missing, i))->condition == condition)
      return TRUE;

  return FALSE;
}

/* The history row of @nc with @field and @new_value, or NULL. */
static RectifyHistoryEntry *
find_history (GPtrArray  *rows,
              const char *field,
              const char *new_value)
{
  for (guint i = rows->len; i > 0; i--)
    {
      RectifyHistoryEntry *e = g_ptr_array_index (rows, i - 1);

      if (g_strcmp0 (e->field, field) == 0 && g_strcmp0 (e->new_value, new_value) == 0)
        return e;
    }

  return NULL;
}

/* Satisfies the gate of the current status and moves on, up to @to. */
static void
advance_to (RectifyRegister      *reg,
            RectifyNonconformity *nc,
            RectifyStatus         to)
{
  g_autoptr(GError) error = NULL;

  while (rectify_nonconformity_get_status (nc) < to)
    {
      switch (rectify_nonconformity_get_status (nc))
        {
        case RECTIFY_STATUS_REPORTED:
          set_string (reg, nc, "statement", "Leavers kept their VPN accounts");
          set_string (reg, nc, "requirement", "A.5.18");
          set_string (reg, nc, "evidence", "Three active leaver accounts");
          break;

        case RECTIFY_STATUS_ANALYSIS:
          set_string (reg, nc, "correction", "Disabled the accounts");
          set_string (reg, nc, "correction-on", "2026-03-02");
          g_object_unref (add_cause (reg, nc, TRUE));
          break;

        case RECTIFY_STATUS_ACTION_PLANNED:
          {
            g_autofree char *ref = g_strdup_printf ("A-%s", rectify_nonconformity_get_ref (nc));
            g_object_unref (add_action (reg, nc, ref, TRUE));
          }
          break;

        case RECTIFY_STATUS_AWAITING_APPROVAL:
          g_assert_true (rectify_register_record_approval (reg, nc, "management", "Max Manager",
                                                           TRUE, "2026-04-01", NULL, NULL, &error));
          g_assert_true (rectify_register_record_approval (reg, nc, "certification-body",
                                                           "CB auditor", TRUE, "2026-04-02", NULL,
                                                           NULL, &error));
          g_assert_no_error (error);
          break;

        case RECTIFY_STATUS_IMPLEMENTATION:
          {
            g_autoptr(GListModel) actions = rectify_register_list_actions_for (reg, nc);

            for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
              {
                g_autoptr(RectifyAction) action = g_list_model_get_item (actions, i);
                g_autoptr(GBytes) bytes = g_bytes_new_static ("minutes", 7);

                set_enum (reg, action, "status", RECTIFY_ACTION_STATUS_DONE);
                set_string (reg, action, "done-on", "2026-05-20");
                g_object_unref (add_evidence (reg, RECTIFY_ENTITY (action), "minutes.txt",
                                              bytes));
              }
          }
          break;

        case RECTIFY_STATUS_VERIFICATION:
          g_object_unref (add_verification (reg, nc, RECTIFY_VERIFICATION_RESULT_EFFECTIVE));
          break;

        case RECTIFY_STATUS_CLOSED:
        default:
          g_assert_not_reached ();
        }

      move_ok (reg, nc, rectify_workflow_next (rectify_nonconformity_get_status (nc)));
    }
}

/* --- tests ---------------------------------------------------------------------------- */

/* A major NC from Reported to Closed, each gate refused first, then met. */
static void
test_major_path (Fixture       *f,
                 gconstpointer  data)
{
  RectifyRegister *reg = f->reg;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyNonconformity) nc = add_nc (reg, RECTIFY_GRADE_MAJOR, FALSE);
  g_autoptr(RectifyCause) cause = NULL;
  g_autoptr(RectifyAction) a14 = NULL;
  g_autoptr(RectifyAction) a15 = NULL;
  g_autoptr(RectifyVerification) review = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  RectifyHistoryEntry *e;

  /* Reported: statement, requirement, evidence */
  missing = move_refused (reg, nc, RECTIFY_STATUS_ANALYSIS, RECTIFY_WORKFLOW_CONDITION_STATEMENT,
                          "statement");
  g_assert_cmpuint (missing->len, ==, 3);
  g_assert_true (has_condition (missing, RECTIFY_WORKFLOW_CONDITION_REQUIREMENT));
  g_assert_true (has_condition (missing, RECTIFY_WORKFLOW_CONDITION_EVIDENCE));
  g_clear_pointer (&missing, g_ptr_array_unref);
  set_string (reg, nc, "statement", "Leavers kept their VPN accounts");
  set_string (reg, nc, "requirement", "A.5.18");
  g_clear_pointer (&missing, g_ptr_array_unref);
  missing = move_refused (reg, nc, RECTIFY_STATUS_ANALYSIS, RECTIFY_WORKFLOW_CONDITION_EVIDENCE,
                          "evidence");
  g_clear_pointer (&missing, g_ptr_array_unref);
  set_string (reg, nc, "evidence", "Three active leaver accounts");
  /* Skips are refused, naming the gate of the step in between as the first thing to fix */
  missing = move_refused (reg, nc, RECTIFY_STATUS_ACTION_PLANNED,
                          RECTIFY_WORKFLOW_CONDITION_CORRECTION, "one step at a time");
  g_assert_true (has_condition (missing, RECTIFY_WORKFLOW_CONDITION_ONE_STEP));
  g_clear_pointer (&missing, g_ptr_array_unref);
  move_ok (reg, nc, RECTIFY_STATUS_ANALYSIS);

  /* Analysis: a correction, or none needed with a reason; a root cause */
  missing = move_refused (reg, nc, RECTIFY_STATUS_ACTION_PLANNED,
                          RECTIFY_WORKFLOW_CONDITION_CORRECTION, "correction");
  g_assert_true (has_condition (missing, RECTIFY_WORKFLOW_CONDITION_ROOT_CAUSE));
  g_clear_pointer (&missing, g_ptr_array_unref);
  set_bool (reg, nc, "correction-not-needed", TRUE);
  missing = move_refused (reg, nc, RECTIFY_STATUS_ACTION_PLANNED,
                          RECTIFY_WORKFLOW_CONDITION_CORRECTION_REASON, "without a reason");
  g_clear_pointer (&missing, g_ptr_array_unref);
  set_string (reg, nc, "correction-reason", "The accounts had expired passwords");
  cause = add_cause (reg, nc, FALSE);
  missing = move_refused (reg, nc, RECTIFY_STATUS_ACTION_PLANNED,
                          RECTIFY_WORKFLOW_CONDITION_ROOT_CAUSE, "root cause");
  g_assert_cmpuint (missing->len, ==, 1);
  g_clear_pointer (&missing, g_ptr_array_unref);
  set_bool (reg, cause, "is-root", TRUE);
  move_ok (reg, nc, RECTIFY_STATUS_ACTION_PLANNED);

  /* Action planned: actions, each with owner, target date, success criterion */
  missing = move_refused (reg, nc, RECTIFY_STATUS_AWAITING_APPROVAL,
                          RECTIFY_WORKFLOW_CONDITION_ACTIONS, "No corrective action");
  g_clear_pointer (&missing, g_ptr_array_unref);
  a14 = add_action (reg, nc, "A-014", FALSE);
  a15 = add_action (reg, nc, "A-015", FALSE);
  missing = move_refused (reg, nc, RECTIFY_STATUS_AWAITING_APPROVAL,
                          RECTIFY_WORKFLOW_CONDITION_ACTION_OWNER,
                          "2 actions have no owner: A-014, A-015");
  g_assert_true (has_condition (missing, RECTIFY_WORKFLOW_CONDITION_ACTION_TARGET));
  g_assert_true (has_condition (missing, RECTIFY_WORKFLOW_CONDITION_ACTION_CRITERION));
  {
    RectifyWorkflowMissing *m = g_ptr_array_index (missing, 0);

    g_assert_nonnull (m->refs);
    g_assert_cmpstr (m->refs[0], ==, "A-014");
    g_assert_cmpstr (m->refs[1], ==, "A-015");
    g_assert_null (m->refs[2]);
  }
  g_clear_pointer (&missing, g_ptr_array_unref);
  set_string (reg, a14, "owner", "Head of IT");
  set_string (reg, a15, "owner", "HR lead");
  set_string (reg, a14, "target-on", "2026-07-01");
  set_string (reg, a15, "target-on", "2026-07-15");
  set_string (reg, a14, "success-criterion", "No leaver accounts in the monthly check");
  missing = move_refused (reg, nc, RECTIFY_STATUS_AWAITING_APPROVAL,
                          RECTIFY_WORKFLOW_CONDITION_ACTION_CRITERION,
                          "1 action has no success criterion: A-015");
  g_clear_pointer (&missing, g_ptr_array_unref);
  set_string (reg, a15, "success-criterion", "HR feed sends every leaver");
  move_ok (reg, nc, RECTIFY_STATUS_AWAITING_APPROVAL);

  /* Awaiting approval: management, and the CB for a major (default policy) */
  missing = move_refused (reg, nc, RECTIFY_STATUS_IMPLEMENTATION,
                          RECTIFY_WORKFLOW_CONDITION_APPROVAL, "not approved");
  g_assert_true (has_condition (missing, RECTIFY_WORKFLOW_CONDITION_CB_ACCEPTANCE));
  g_clear_pointer (&missing, g_ptr_array_unref);
  g_assert_true (rectify_register_record_approval (reg, nc, "management", "Max Manager", FALSE,
                                                   "2026-04-01", NULL, "Too slow", &error));
  g_assert_no_error (error);
  missing = move_refused (reg, nc, RECTIFY_STATUS_IMPLEMENTATION,
                          RECTIFY_WORKFLOW_CONDITION_APPROVAL, NULL);
  g_clear_pointer (&missing, g_ptr_array_unref);
  g_assert_true (rectify_register_record_approval (reg, nc, "management", "Max Manager", TRUE,
                                                   "2026-04-03", NULL, NULL, &error));
  g_assert_no_error (error);
  missing = move_refused (reg, nc, RECTIFY_STATUS_IMPLEMENTATION,
                          RECTIFY_WORKFLOW_CONDITION_CB_ACCEPTANCE, "certification body");
  g_assert_cmpuint (missing->len, ==, 1);
  g_clear_pointer (&missing, g_ptr_array_unref);
  /* The CB does not accept the first plan and wants it back by a date: still refused */
  g_assert_true (rectify_register_record_approval (reg, nc, "certification-body", "CB auditor",
                                                   FALSE, "2026-04-04", "2026-04-18",
                                                   "Add a monthly check", &error));
  g_assert_no_error (error);
  missing = move_refused (reg, nc, RECTIFY_STATUS_IMPLEMENTATION,
                          RECTIFY_WORKFLOW_CONDITION_CB_ACCEPTANCE, "certification body");
  g_clear_pointer (&missing, g_ptr_array_unref);
  {
    g_autoptr(GPtrArray) approvals = rectify_register_list_approvals (reg, nc);

    g_assert_cmpstr (rectify_approvals_get_resubmit_by (approvals), ==, "2026-04-18");
  }
  g_assert_true (rectify_register_record_approval (reg, nc, "certification-body", "CB auditor",
                                                   TRUE, "2026-04-05", NULL, NULL, &error));
  g_assert_no_error (error);
  move_ok (reg, nc, RECTIFY_STATUS_IMPLEMENTATION);

  /* Implementation: every action done, each with evidence */
  missing = move_refused (reg, nc, RECTIFY_STATUS_VERIFICATION,
                          RECTIFY_WORKFLOW_CONDITION_ACTION_DONE,
                          "2 actions are not done: A-014, A-015");
  g_clear_pointer (&missing, g_ptr_array_unref);
  set_enum (reg, a14, "status", RECTIFY_ACTION_STATUS_DONE);
  set_enum (reg, a15, "status", RECTIFY_ACTION_STATUS_DONE);
  missing = move_refused (reg, nc, RECTIFY_STATUS_VERIFICATION,
                          RECTIFY_WORKFLOW_CONDITION_ACTION_EVIDENCE,
                          "2 actions have no evidence: A-014, A-015");
  g_clear_pointer (&missing, g_ptr_array_unref);
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static ("training record", 15);

    g_object_unref (add_evidence (reg, RECTIFY_ENTITY (a14), "training.txt", bytes));
    missing = move_refused (reg, nc, RECTIFY_STATUS_VERIFICATION,
                            RECTIFY_WORKFLOW_CONDITION_ACTION_EVIDENCE,
                            "1 action has no evidence: A-015");
    g_clear_pointer (&missing, g_ptr_array_unref);
    g_object_unref (add_evidence (reg, RECTIFY_ENTITY (a15), "feed.txt", bytes));
  }
  move_ok (reg, nc, RECTIFY_STATUS_VERIFICATION);

  /* Verification: a review recorded as effective closes */
  missing = move_refused (reg, nc, RECTIFY_STATUS_CLOSED,
                          RECTIFY_WORKFLOW_CONDITION_VERIFICATION, "effective");
  g_clear_pointer (&missing, g_ptr_array_unref);
  review = add_verification (reg, nc, RECTIFY_VERIFICATION_RESULT_PENDING);
  g_assert_cmpint (rectify_nonconformity_get_status (nc), ==, RECTIFY_STATUS_VERIFICATION);
  missing = move_refused (reg, nc, RECTIFY_STATUS_CLOSED,
                          RECTIFY_WORKFLOW_CONDITION_VERIFICATION, NULL);
  g_clear_pointer (&missing, g_ptr_array_unref);
  set_enum (reg, review, "result", RECTIFY_VERIFICATION_RESULT_EFFECTIVE);
  /* (an effective review does not reopen) */
  g_assert_cmpint (rectify_nonconformity_get_status (nc), ==, RECTIFY_STATUS_VERIFICATION);
  move_ok (reg, nc, RECTIFY_STATUS_CLOSED);
  g_assert_cmpstr (rectify_nonconformity_get_closed_on (nc), ==, TODAY);
  g_assert_cmpstr (rectify_nonconformity_get_closed_by (nc), ==, "Lena Lead");

  /* Closed is the end: only a reopening to Analysis */
  missing = move_refused (reg, nc, RECTIFY_STATUS_VERIFICATION,
                          RECTIFY_WORKFLOW_CONDITION_CLOSED, NULL);
  g_clear_pointer (&missing, g_ptr_array_unref);

  /* Stored: the file says the same after a reopen */
  reopen_register (f);
  reg = f->reg;
  {
    RectifyNonconformity *stored = rectify_register_find_nonconformity (reg, "NC-001");

    g_assert_cmpint (rectify_nonconformity_get_status (stored), ==, RECTIFY_STATUS_CLOSED);
    g_assert_cmpstr (rectify_nonconformity_get_closed_on (stored), ==, TODAY);
    g_assert_cmpstr (rectify_nonconformity_get_closed_by (stored), ==, "Lena Lead");
    g_assert_true (rectify_nonconformity_get_correction_not_needed (stored));

    /* Reopen from Closed: recorded, closed-on/by cleared */
    move_ok (reg, stored, RECTIFY_STATUS_ANALYSIS);
    g_assert_null (rectify_nonconformity_get_closed_on (stored));
    g_assert_null (rectify_nonconformity_get_closed_by (stored));

    rows = rectify_register_list_history (reg, RECTIFY_ENTITY (stored), &error);
    g_assert_no_error (error);
    e = find_history (rows, "reopened", "analysis");
    g_assert_nonnull (e);
    g_assert_cmpstr (e->old_value, ==, "closed");
    g_assert_cmpstr (e->who, ==, "Lena Lead");
    e = find_history (rows, "status", "closed");
    g_assert_nonnull (e);
    g_assert_cmpstr (e->old_value, ==, "verification");
    e = find_history (rows, "closed-by", "Lena Lead");
    g_assert_nonnull (e);
    e = find_history (rows, "status", "analysis");
    g_assert_cmpstr (e->old_value, ==, "closed");
  }

  g_assert_true (rectify_register_verify (reg, &error));
  g_assert_no_error (error);
}

/* The facts the register gathers for the gates. */
static void
test_facts (Fixture       *f,
            gconstpointer  data)
{
  RectifyRegister *reg = f->reg;
  g_autoptr(RectifyNonconformity) nc = add_nc (reg, RECTIFY_GRADE_MINOR, TRUE);
  g_autoptr(RectifyAction) a1 = NULL;
  g_autoptr(RectifyAction) a2 = NULL;
  g_autoptr(RectifyCause) c1 = add_cause (reg, nc, TRUE);
  g_autoptr(RectifyCause) c2 = add_cause (reg, nc, FALSE);
  g_autoptr(RectifyCause) c3 = add_cause (reg, nc, TRUE);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("x", 1);
  g_autoptr(RectifyWorkflowFacts) facts = NULL;

  a1 = add_action (reg, nc, "A-001", TRUE);
  a2 = add_action (reg, nc, "A-002", FALSE);
  g_object_unref (add_evidence (reg, RECTIFY_ENTITY (a1), "one.txt", bytes));
  g_object_unref (add_evidence (reg, RECTIFY_ENTITY (a1), "two.txt", bytes));
  set_string (reg, nc, "correction", "Accounts disabled");
  g_object_unref (add_verification (reg, nc, RECTIFY_VERIFICATION_RESULT_NOT_EFFECTIVE));
  g_object_unref (add_verification (reg, nc, RECTIFY_VERIFICATION_RESULT_PENDING));

  facts = rectify_register_get_workflow_facts (reg, nc);
  g_assert_cmpstr (facts->ref, ==, "NC-001");
  g_assert_cmpint (facts->grade, ==, RECTIFY_GRADE_MINOR);
  g_assert_cmpint (facts->status, ==, RECTIFY_STATUS_REPORTED);
  g_assert_true (facts->has_statement && facts->has_requirement && facts->has_evidence);
  /* A correction without its date is not recorded yet */
  g_assert_false (facts->has_correction);
  g_assert_false (facts->has_response);
  g_assert_cmpuint (facts->n_root_causes, ==, 2);
  g_assert_cmpuint (facts->n_actions, ==, 2);
  g_assert_cmpstr (facts->actions[0].ref, ==, "A-001");
  g_assert_true (facts->actions[0].has_owner);
  g_assert_true (facts->actions[0].has_target);
  g_assert_true (facts->actions[0].has_success_criterion);
  g_assert_cmpuint (facts->actions[0].n_evidence, ==, 2);
  g_assert_cmpstr (facts->actions[1].ref, ==, "A-002");
  g_assert_false (facts->actions[1].has_owner);
  g_assert_cmpuint (facts->actions[1].n_evidence, ==, 0);
  g_assert_false (facts->approved);
  /* The last review that is not pending */
  g_assert_cmpint (facts->last_verification, ==, RECTIFY_VERIFICATION_RESULT_NOT_EFFECTIVE);
  g_clear_pointer (&facts, rectify_register_free_workflow_facts);

  set_string (reg, nc, "correction-on", "2026-03-02");
  facts = rectify_register_get_workflow_facts (reg, nc);
  g_assert_true (facts->has_correction);
  g_assert_true (facts->has_response);
}

/* Not effective sends the NC back to Analysis, whether the review is added or updated. */
static void
test_not_effective_reopens (Fixture       *f,
                            gconstpointer  data)
{
  RectifyRegister *reg = f->reg;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyNonconformity) nc1 = add_nc (reg, RECTIFY_GRADE_MAJOR, TRUE);
  g_autoptr(RectifyNonconformity) nc2 = add_nc (reg, RECTIFY_GRADE_MINOR, TRUE);
  g_autoptr(RectifyVerification) review = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  RectifyHistoryEntry *e;

  advance_to (reg, nc1, RECTIFY_STATUS_VERIFICATION);
  advance_to (reg, nc2, RECTIFY_STATUS_VERIFICATION);

  /* Verification -> Analysis by hand needs a not-effective review */
  missing = move_refused (reg, nc1, RECTIFY_STATUS_ANALYSIS,
                          RECTIFY_WORKFLOW_CONDITION_REOPEN_NOT_EFFECTIVE, NULL);
  g_clear_pointer (&missing, g_ptr_array_unref);

  /* Added as not effective */
  g_object_unref (add_verification (reg, nc1, RECTIFY_VERIFICATION_RESULT_NOT_EFFECTIVE));
  g_assert_cmpint (rectify_nonconformity_get_status (nc1), ==, RECTIFY_STATUS_ANALYSIS);
  rows = rectify_register_list_history (reg, RECTIFY_ENTITY (nc1), &error);
  e = find_history (rows, "reopened", "analysis");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->old_value, ==, "verification");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* The cycle starts again from Analysis: its earlier facts still hold */
  move_ok (reg, nc1, RECTIFY_STATUS_ACTION_PLANNED);

  /* Updated to not effective; undo puts back both the result and the status */
  review = add_verification (reg, nc2, RECTIFY_VERIFICATION_RESULT_PENDING);
  g_assert_cmpint (rectify_nonconformity_get_status (nc2), ==, RECTIFY_STATUS_VERIFICATION);
  set_enum (reg, review, "result", RECTIFY_VERIFICATION_RESULT_NOT_EFFECTIVE);
  g_assert_cmpint (rectify_nonconformity_get_status (nc2), ==, RECTIFY_STATUS_ANALYSIS);
  rows = rectify_register_list_history (reg, RECTIFY_ENTITY (nc2), &error);
  g_assert_nonnull (find_history (rows, "reopened", "analysis"));
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_assert_true (rectify_register_undo (reg, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rectify_verification_get_result (review), ==,
                   RECTIFY_VERIFICATION_RESULT_PENDING);
  g_assert_cmpint (rectify_nonconformity_get_status (nc2), ==, RECTIFY_STATUS_VERIFICATION);

  /* Not effective on an NC that is not in Verification changes no status */
  set_enum (reg, review, "result", RECTIFY_VERIFICATION_RESULT_EFFECTIVE);
  move_ok (reg, nc2, RECTIFY_STATUS_CLOSED);
  set_enum (reg, review, "result", RECTIFY_VERIFICATION_RESULT_NOT_EFFECTIVE);
  g_assert_cmpint (rectify_nonconformity_get_status (nc2), ==, RECTIFY_STATUS_CLOSED);

  g_assert_true (rectify_register_verify (reg, &error));
  g_assert_no_error (error);
}

/* Observations and OFIs may close on a response when the policy says so. */
static void
test_light_path (Fixture       *f,
                 gconstpointer  data)
{
  RectifyRegister *reg = f->reg;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyNonconformity) obs = add_nc (reg, RECTIFY_GRADE_OBSERVATION, TRUE);
  g_autoptr(RectifyNonconformity) ofi = add_nc (reg, RECTIFY_GRADE_OFI, TRUE);
  g_autoptr(RectifyNonconformity) minor = add_nc (reg, RECTIFY_GRADE_MINOR, TRUE);
  g_autoptr(GPtrArray) missing = NULL;
  RectifyPolicy policy;

  missing = move_refused (reg, obs, RECTIFY_STATUS_CLOSED, RECTIFY_WORKFLOW_CONDITION_RESPONSE,
                          "No response");
  g_clear_pointer (&missing, g_ptr_array_unref);

  /* A correction with its date is a response */
  set_string (reg, obs, "correction", "Badges collected");
  set_string (reg, obs, "correction-on", "2026-03-03");
  set_string (reg, obs, "correction-by", "Front desk");
  move_ok (reg, obs, RECTIFY_STATUS_CLOSED);
  g_assert_cmpstr (rectify_nonconformity_get_closed_on (obs), ==, TODAY);
  g_assert_cmpstr (rectify_nonconformity_get_closed_by (obs), ==, "Lena Lead");

  /* "None needed" counts only with a reason */
  set_bool (reg, ofi, "correction-not-needed", TRUE);
  missing = move_refused (reg, ofi, RECTIFY_STATUS_CLOSED, RECTIFY_WORKFLOW_CONDITION_RESPONSE,
                          NULL);
  g_clear_pointer (&missing, g_ptr_array_unref);
  set_string (reg, ofi, "correction-reason", "An idea for next year, nothing broken");

  /* With the light path off, an OFI goes one step at a time */
  rectify_register_get_policy (reg, &policy);
  policy.light_path_for_observations = FALSE;
  g_assert_true (rectify_register_set_policy (reg, &policy, &error));
  g_assert_no_error (error);
  missing = move_refused (reg, ofi, RECTIFY_STATUS_CLOSED, RECTIFY_WORKFLOW_CONDITION_ROOT_CAUSE,
                          "one step at a time");
  g_assert_true (has_condition (missing, RECTIFY_WORKFLOW_CONDITION_ONE_STEP));
  g_clear_pointer (&missing, g_ptr_array_unref);
  policy.light_path_for_observations = TRUE;
  g_assert_true (rectify_register_set_policy (reg, &policy, &error));
  move_ok (reg, ofi, RECTIFY_STATUS_CLOSED);

  /* Never for a minor */
  set_string (reg, minor, "correction", "Fixed");
  set_string (reg, minor, "correction-on", "2026-03-03");
  missing = move_refused (reg, minor, RECTIFY_STATUS_CLOSED,
                          RECTIFY_WORKFLOW_CONDITION_ROOT_CAUSE, "one step at a time");
  g_assert_true (has_condition (missing, RECTIFY_WORKFLOW_CONDITION_ONE_STEP));
}

/* The CB acceptance of a major follows the policy. */
static void
test_cb_policy (Fixture       *f,
                gconstpointer  data)
{
  RectifyRegister *reg = f->reg;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyNonconformity) major = add_nc (reg, RECTIFY_GRADE_MAJOR, TRUE);
  g_autoptr(RectifyNonconformity) minor = add_nc (reg, RECTIFY_GRADE_MINOR, TRUE);
  g_autoptr(GPtrArray) missing = NULL;
  g_autofree char *stored = NULL;
  RectifyPolicy policy;

  advance_to (reg, major, RECTIFY_STATUS_AWAITING_APPROVAL);
  advance_to (reg, minor, RECTIFY_STATUS_AWAITING_APPROVAL);
  g_assert_true (rectify_register_record_approval (reg, major, "process-owner", "Olga Owner", TRUE,
                                                   "2026-04-01", NULL, NULL, &error));
  g_assert_true (rectify_register_record_approval (reg, minor, "process-owner", "Olga Owner", TRUE,
                                                   "2026-04-01", NULL, NULL, &error));
  g_assert_no_error (error);

  /* A minor needs no CB; a major does by default */
  g_assert_true (rectify_register_can_move (reg, minor, RECTIFY_STATUS_IMPLEMENTATION, NULL));
  missing = move_refused (reg, major, RECTIFY_STATUS_IMPLEMENTATION,
                          RECTIFY_WORKFLOW_CONDITION_CB_ACCEPTANCE, NULL);
  g_clear_pointer (&missing, g_ptr_array_unref);

  /* Through set_info with a policy key, validated */
  g_assert_false (rectify_register_set_info (reg, RECTIFY_POLICY_KEY_CB_ACCEPTANCE, "maybe",
                                             &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (rectify_register_set_info (reg, RECTIFY_POLICY_KEY_CB_ACCEPTANCE, "false",
                                            &error));
  g_assert_no_error (error);
  rectify_register_get_policy (reg, &policy);
  g_assert_false (policy.cb_acceptance_for_major);
  move_ok (reg, major, RECTIFY_STATUS_IMPLEMENTATION);

  /* Kept in the file */
  reopen_register (f);
  rectify_register_get_policy (f->reg, &policy);
  g_assert_false (policy.cb_acceptance_for_major);
  stored = rectify_register_get_info (f->reg, RECTIFY_POLICY_KEY_CB_ACCEPTANCE);
  g_assert_cmpstr (stored, ==, "false");
}

/* One action addressing two NCs: both gates see it. */
static void
test_many_to_many (Fixture       *f,
                   gconstpointer  data)
{
  RectifyRegister *reg = f->reg;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyNonconformity) nc1 = add_nc (reg, RECTIFY_GRADE_MINOR, TRUE);
  g_autoptr(RectifyNonconformity) nc2 = add_nc (reg, RECTIFY_GRADE_MINOR, TRUE);
  g_autoptr(RectifyAction) shared = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GListModel) ncs = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("procedure v2", 12);

  advance_to (reg, nc1, RECTIFY_STATUS_ACTION_PLANNED);
  advance_to (reg, nc2, RECTIFY_STATUS_ACTION_PLANNED);

  shared = add_action (reg, nc1, "A-100", FALSE);
  g_assert_true (rectify_register_link_action (reg, nc2, shared, &error));
  g_assert_no_error (error);
  ncs = rectify_register_list_nonconformities_for (reg, shared);
  g_assert_cmpuint (g_list_model_get_n_items (ncs), ==, 2);

  missing = move_refused (reg, nc1, RECTIFY_STATUS_AWAITING_APPROVAL,
                          RECTIFY_WORKFLOW_CONDITION_ACTION_OWNER, "A-100");
  g_clear_pointer (&missing, g_ptr_array_unref);
  missing = move_refused (reg, nc2, RECTIFY_STATUS_AWAITING_APPROVAL,
                          RECTIFY_WORKFLOW_CONDITION_ACTION_OWNER, "A-100");
  g_clear_pointer (&missing, g_ptr_array_unref);

  set_string (reg, shared, "owner", "Quality lead");
  set_string (reg, shared, "target-on", "2026-09-01");
  set_string (reg, shared, "success-criterion", "Zero repeat findings");
  move_ok (reg, nc1, RECTIFY_STATUS_AWAITING_APPROVAL);
  move_ok (reg, nc2, RECTIFY_STATUS_AWAITING_APPROVAL);
  advance_to (reg, nc1, RECTIFY_STATUS_IMPLEMENTATION);
  advance_to (reg, nc2, RECTIFY_STATUS_IMPLEMENTATION);

  /* Done once, with one piece of evidence: both NCs may move on */
  set_enum (reg, shared, "status", RECTIFY_ACTION_STATUS_DONE);
  missing = move_refused (reg, nc2, RECTIFY_STATUS_VERIFICATION,
                          RECTIFY_WORKFLOW_CONDITION_ACTION_EVIDENCE, "A-100");
  g_clear_pointer (&missing, g_ptr_array_unref);
  g_object_unref (add_evidence (reg, RECTIFY_ENTITY (shared), "procedure.txt", bytes));
  move_ok (reg, nc1, RECTIFY_STATUS_VERIFICATION);
  move_ok (reg, nc2, RECTIFY_STATUS_VERIFICATION);
}

/* Evidence bytes come back equal, the digest is right, and an outside change is detected. */
static void
test_evidence (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyNonconformity) nc = add_nc (f->reg, RECTIFY_GRADE_MINOR, TRUE);
  g_autoptr(RectifyEvidence) evidence = NULL;
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *sql = NULL;
  guint8 data_in[4096];
  gint64 id;

  for (guint i = 0; i < sizeof data_in; i++)
    data_in[i] = (guint8)(i * 7 + (i >> 8));
  data_in[10] = 0;
  bytes = g_bytes_new (data_in, sizeof data_in);
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  evidence = add_evidence (f->reg, RECTIFY_ENTITY (nc), "scan.bin", bytes);
  id = rectify_entity_get_id (RECTIFY_ENTITY (evidence));
  g_assert_cmpint (rectify_evidence_get_size (evidence), ==, sizeof data_in);
  g_assert_cmpstr (rectify_evidence_get_sha256 (evidence), ==, sha);
  g_assert_cmpstr (rectify_evidence_get_added_by (evidence), ==, "Lena Lead");

  back = rectify_register_load_evidence_data (f->reg, evidence, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, bytes));
  g_assert_true (rectify_register_verify (f->reg, &error));
  g_assert_no_error (error);

  /* Read back after a reopen */
  g_clear_object (&evidence);
  g_clear_pointer (&back, g_bytes_unref);
  reopen_register (f);
  {
    RectifyNonconformity *stored = rectify_register_find_nonconformity (f->reg, "NC-001");
    g_autoptr(GListModel) list = rectify_register_list_evidence (f->reg, RECTIFY_ENTITY (stored));

    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
    evidence = g_list_model_get_item (list, 0);
    g_assert_cmpstr (rectify_evidence_get_sha256 (evidence), ==, sha);
    back = rectify_register_load_evidence_data (f->reg, evidence, &error);
    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (back, bytes));
  }
  g_clear_object (&evidence);
  g_clear_object (&f->reg);

  /* One byte changed by another program */
  sql = g_strdup_printf ("UPDATE evidence SET data = zeroblob (length (data)) WHERE id = %"
                         G_GINT64_FORMAT, id);
  outside_sql (f->path, sql);

  reopen_register (f);
  g_assert_false (rectify_register_verify (f->reg, &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "scan.bin"));
}

/* The history chain detects an edit made around the append-only triggers. */
static void
test_history_tamper (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyNonconformity) nc = add_nc (f->reg, RECTIFY_GRADE_MINOR, TRUE);
  g_autoptr(GPtrArray) rows = NULL;
  RectifyHistoryEntry *target;
  g_autofree char *sql = NULL;
  g_autofree char *expected = NULL;
  sqlite3 *db = NULL;

  advance_to (f->reg, nc, RECTIFY_STATUS_ACTION_PLANNED);
  g_assert_true (rectify_register_verify (f->reg, &error));
  g_assert_no_error (error);

  rows = rectify_register_list_history (f->reg, RECTIFY_ENTITY (nc), &error);
  target = find_history (rows, "status", "analysis");
  g_assert_nonnull (target);
  g_clear_object (&f->reg);

  /* The trigger stops a plain update */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("UPDATE history SET new_value = 'closed' WHERE id = %" G_GINT64_FORMAT,
                         target->id);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), !=, SQLITE_OK);
  sqlite3_close (db);

  /* Around it: drop the trigger, change the row */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("DROP TRIGGER history_no_update;"
                         " UPDATE history SET new_value = 'closed' WHERE id = %" G_GINT64_FORMAT,
                         target->id);
  outside_sql (f->path, sql);

  reopen_register (f);
  g_assert_false (rectify_register_verify (f->reg, &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  expected = g_strdup_printf ("History row %" G_GINT64_FORMAT " ", target->id);
  g_assert_nonnull (strstr (error->message, expected));
}

/* Deadlines per grade from the policy; hand-set dates kept; a policy change recomputes. */
static void
test_deadlines (Fixture       *f,
                gconstpointer  data)
{
  RectifyRegister *reg = f->reg;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyAudit) audit = rectify_audit_new ();
  g_autoptr(RectifyNonconformity) major = NULL;
  g_autoptr(RectifyNonconformity) minor = add_nc (reg, RECTIFY_GRADE_MINOR, TRUE);
  g_autoptr(RectifyNonconformity) obs = add_nc (reg, RECTIFY_GRADE_OBSERVATION, TRUE);
  g_autoptr(RectifyNonconformity) hand = rectify_nonconformity_new ();
  g_autoptr(RectifyNonconformity) closed = add_nc (reg, RECTIFY_GRADE_MAJOR, TRUE);
  g_autoptr(RectifyAction) action = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  RectifyPolicy policy;

  g_object_set (audit, "title", "Surveillance 2026", "kind", RECTIFY_AUDIT_KIND_SURVEILLANCE,
                "starts-on", "2026-03-08", "ends-on", "2026-03-10", NULL);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (audit), &error));
  g_assert_no_error (error);

  /* Computed on add: from the audit end when there is an audit, else the reported date */
  major = rectify_nonconformity_new ();
  g_object_set (major, "grade", RECTIFY_GRADE_MAJOR, "reported-on", "2026-03-12",
                "audit-id", rectify_entity_get_id (RECTIFY_ENTITY (audit)), NULL);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (major), &error));
  g_assert_cmpstr (rectify_nonconformity_get_cap_due_on (major), ==, "2026-04-09");
  g_assert_cmpstr (rectify_nonconformity_get_due_on (major), ==, "2026-06-08");
  g_assert_cmpstr (rectify_nonconformity_get_cap_due_on (minor), ==, "2026-03-31");
  g_assert_cmpstr (rectify_nonconformity_get_due_on (minor), ==, "2027-03-01");
  g_assert_null (rectify_nonconformity_get_cap_due_on (obs));
  g_assert_null (rectify_nonconformity_get_due_on (obs));
  /* Overdue by the model's helper: the major was due on 2026-06-08 */
  g_assert_true (rectify_nonconformity_is_overdue (major, TODAY));
  g_assert_false (rectify_nonconformity_is_overdue (minor, TODAY));

  /* Given on add: kept */
  g_object_set (hand, "grade", RECTIFY_GRADE_MINOR, "reported-on", "2026-03-01",
                "due-on", "2026-12-31", NULL);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (hand), &error));
  g_assert_cmpstr (rectify_nonconformity_get_due_on (hand), ==, "2026-12-31");
  g_assert_cmpstr (rectify_nonconformity_get_cap_due_on (hand), ==, "2026-03-31");

  /* Grade change: recomputed; a date set by hand is kept */
  set_enum (reg, minor, "grade", RECTIFY_GRADE_MAJOR);
  g_assert_cmpstr (rectify_nonconformity_get_due_on (minor), ==, "2026-05-30");
  set_enum (reg, hand, "grade", RECTIFY_GRADE_MAJOR);
  g_assert_cmpstr (rectify_nonconformity_get_due_on (hand), ==, "2026-12-31");
  set_string (reg, minor, "due-on", "2026-07-01");
  set_enum (reg, minor, "grade", RECTIFY_GRADE_MINOR);
  g_assert_cmpstr (rectify_nonconformity_get_due_on (minor), ==, "2026-07-01");

  /* Observation -> minor: both deadlines appear */
  set_enum (reg, obs, "grade", RECTIFY_GRADE_MINOR);
  g_assert_cmpstr (rectify_nonconformity_get_cap_due_on (obs), ==, "2026-03-31");
  g_assert_cmpstr (rectify_nonconformity_get_due_on (obs), ==, "2027-03-01");
  /* Undo of the grade change takes the recomputed dates back too */
  g_assert_true (rectify_register_undo (reg, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rectify_nonconformity_get_grade (obs), ==, RECTIFY_GRADE_OBSERVATION);
  g_assert_null (rectify_nonconformity_get_cap_due_on (obs));
  g_assert_null (rectify_nonconformity_get_due_on (obs));

  /* Reported-on and audit changes */
  set_string (reg, obs, "reported-on", "2026-04-01");
  set_enum (reg, obs, "grade", RECTIFY_GRADE_MINOR);
  g_assert_cmpstr (rectify_nonconformity_get_cap_due_on (obs), ==, "2026-05-01");
  g_assert_true (rectify_register_update_int64 (reg, RECTIFY_ENTITY (obs), "audit-id",
                                                rectify_entity_get_id (RECTIFY_ENTITY (audit)),
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rectify_nonconformity_get_cap_due_on (obs), ==, "2026-04-09");
  set_string (reg, audit, "ends-on", "2026-03-20");
  g_assert_cmpstr (rectify_nonconformity_get_cap_due_on (obs), ==, "2026-04-19");
  g_assert_cmpstr (rectify_nonconformity_get_cap_due_on (major), ==, "2026-04-19");

  /* Actions keep their own target dates */
  action = add_action (reg, major, "A-001", TRUE);
  g_assert_cmpstr (rectify_action_get_target_on (action), ==, "2026-08-01");

  /* A closed NC is not recomputed */
  advance_to (reg, closed, RECTIFY_STATUS_CLOSED);
  g_assert_cmpstr (rectify_nonconformity_get_due_on (closed), ==, "2026-05-30");

  /* Policy change: open NCs recomputed in one go, hand-set dates kept */
  rectify_register_get_policy (reg, &policy);
  g_assert_cmpuint (policy.major_days, ==, 90);
  policy.major_days = 60;
  policy.cap_due_days = 20;
  g_assert_true (rectify_register_set_policy (reg, &policy, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rectify_nonconformity_get_due_on (major), ==, "2026-05-19");
  g_assert_cmpstr (rectify_nonconformity_get_cap_due_on (major), ==, "2026-04-09");
  g_assert_cmpstr (rectify_nonconformity_get_due_on (hand), ==, "2026-12-31");
  g_assert_cmpstr (rectify_nonconformity_get_cap_due_on (hand), ==, "2026-03-21");
  g_assert_cmpstr (rectify_nonconformity_get_due_on (closed), ==, "2026-05-30");
  g_assert_cmpstr (rectify_action_get_target_on (action), ==, "2026-08-01");

  /* Recorded in the history */
  rows = rectify_register_list_history (reg, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (find_history (rows, RECTIFY_POLICY_KEY_MAJOR_DAYS, "60"));
  g_assert_nonnull (find_history (rows, RECTIFY_POLICY_KEY_CAP_DUE_DAYS, "20"));
  g_assert_null (find_history (rows, RECTIFY_POLICY_KEY_MINOR_DAYS, "365"));

  /* Invalid values are refused and change nothing */
  policy.minor_days = RECTIFY_POLICY_MAX_DAYS + 1;
  g_assert_false (rectify_register_set_policy (reg, &policy, &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rectify_register_set_info (reg, RECTIFY_POLICY_KEY_MAJOR_DAYS, "-3", &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  rectify_register_get_policy (reg, &policy);
  g_assert_cmpuint (policy.minor_days, ==, 365);
  g_assert_cmpuint (policy.major_days, ==, 60);

  /* Loaded again from the file; removing a key goes back to its default */
  reopen_register (f);
  rectify_register_get_policy (f->reg, &policy);
  g_assert_cmpuint (policy.major_days, ==, 60);
  g_assert_cmpuint (policy.cap_due_days, ==, 20);
  g_assert_true (rectify_register_set_info (f->reg, RECTIFY_POLICY_KEY_MAJOR_DAYS, NULL, &error));
  g_assert_no_error (error);
  rectify_register_get_policy (f->reg, &policy);
  g_assert_cmpuint (policy.major_days, ==, 90);
  {
    RectifyNonconformity *stored = rectify_register_find_nonconformity (f->reg, "NC-004");

    g_assert_cmpstr (rectify_nonconformity_get_due_on (stored), ==, "2026-06-18");
  }

  g_assert_true (rectify_register_verify (f->reg, &error));
  g_assert_no_error (error);
}

/* One undo reverts a whole move. */
static void
test_undo_move (Fixture       *f,
                gconstpointer  data)
{
  RectifyRegister *reg = f->reg;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyNonconformity) nc = add_nc (reg, RECTIFY_GRADE_MINOR, TRUE);
  guint n_history;

  advance_to (reg, nc, RECTIFY_STATUS_CLOSED);
  g_assert_cmpstr (rectify_nonconformity_get_closed_by (nc), ==, "Lena Lead");
  n_history = history_count (reg);

  g_assert_true (rectify_register_can_undo (reg));
  g_assert_true (rectify_register_undo (reg, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rectify_nonconformity_get_status (nc), ==, RECTIFY_STATUS_VERIFICATION);
  g_assert_null (rectify_nonconformity_get_closed_on (nc));
  g_assert_null (rectify_nonconformity_get_closed_by (nc));
  /* Written with history rows: status, closed-on, closed-by */
  g_assert_cmpuint (history_count (reg), ==, n_history + 3);

  /* The next undo is the move before: Implementation -> Verification */
  g_assert_true (rectify_register_undo (reg, &error));
  g_assert_cmpint (rectify_nonconformity_get_status (nc), ==, RECTIFY_STATUS_IMPLEMENTATION);

  reopen_register (f);
  {
    RectifyNonconformity *stored = rectify_register_find_nonconformity (f->reg, "NC-001");

    g_assert_cmpint (rectify_nonconformity_get_status (stored), ==,
                     RECTIFY_STATUS_IMPLEMENTATION);
    g_assert_null (rectify_nonconformity_get_closed_on (stored));
  }
  g_assert_true (rectify_register_verify (f->reg, &error));
  g_assert_no_error (error);
}

/* Every NC of the hand-written demo meets the gates of the statuses it has passed, so the demo
 * shows a register that the rules could have produced. */
static void
test_demo_meets_gates (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *ncs = rectify_register_get_nonconformities (f->reg);
  RectifyPolicy policy;
  guint n_failed = 0;

  g_assert_true (rectify_demo_populate (f->reg, TODAY, &error));
  g_assert_no_error (error);
  rectify_register_get_policy (f->reg, &policy);

  for (guint i = 0; i < g_list_model_get_n_items (ncs); i++)
    {
      g_autoptr(RectifyNonconformity) nc = g_list_model_get_item (ncs, i);
      g_autoptr(RectifyWorkflowFacts) facts = rectify_register_get_workflow_facts (f->reg, nc);
      RectifyStatus status = facts->status;

      if (status == RECTIFY_STATUS_CLOSED)
        {
          g_assert_nonnull (rectify_nonconformity_get_closed_on (nc));
          g_assert_nonnull (rectify_nonconformity_get_closed_by (nc));
        }

      /* Closed on the light path: a response is enough */
      if (status == RECTIFY_STATUS_CLOSED &&
          rectify_workflow_uses_light_path (facts->grade, &policy) && facts->has_response)
        continue;

      for (RectifyStatus s = RECTIFY_STATUS_REPORTED; s < status; s++)
        {
          g_autoptr(GPtrArray) missing = NULL;
          RectifyWorkflowFacts at = *facts;

          at.status = s;
          if (!rectify_workflow_can_move (&at, &policy, rectify_workflow_next (s), &missing))
            {
              g_autofree char *text = rectify_workflow_describe_missing (missing);

              g_test_message ("%s (%s) at %s: %s", facts->ref,
                              rectify_enum_to_nick (RECTIFY_TYPE_STATUS, status),
                              rectify_enum_to_nick (RECTIFY_TYPE_STATUS, s), text);
              n_failed++;
            }
        }
    }

  g_assert_cmpuint (n_failed, ==, 0);
  g_assert_true (rectify_register_verify (f->reg, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("RECTIFY_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/Rectify/Lifecycle/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("major-path", test_major_path);
  ADD ("facts", test_facts);
  ADD ("not-effective-reopens", test_not_effective_reopens);
  ADD ("light-path", test_light_path);
  ADD ("cb-policy", test_cb_policy);
  ADD ("many-to-many", test_many_to_many);
  ADD ("evidence", test_evidence);
  ADD ("history-tamper", test_history_tamper);
  ADD ("deadlines", test_deadlines);
  ADD ("undo-move", test_undo_move);
  ADD ("demo-meets-gates", test_demo_meets_gates);

#undef ADD

  return g_test_run ();
}
