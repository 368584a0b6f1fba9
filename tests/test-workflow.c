/* test-workflow.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rectify-enums.h"
#include "rectify-workflow.h"

/* Actions that meet every gate. */
static const RectifyActionFacts good_actions[] = {
  { "A-001", "Update the procedure", TRUE, TRUE, TRUE, RECTIFY_ACTION_STATUS_DONE, 1 },
  { "A-002", "Train the team", TRUE, TRUE, TRUE, RECTIFY_ACTION_STATUS_DONE, 2 },
};

/* Facts that meet every gate, in @status. */
static void
complete_facts (RectifyWorkflowFacts *facts,
                RectifyGrade          grade,
                RectifyStatus         status)
{
  rectify_workflow_facts_init (facts);
  facts->ref = "NC-007";
  facts->grade = grade;
  facts->status = status;
  facts->has_statement = TRUE;
  facts->has_requirement = TRUE;
  facts->has_evidence = TRUE;
  facts->has_correction = TRUE;
  facts->n_root_causes = 1;
  facts->actions = good_actions;
  facts->n_actions = G_N_ELEMENTS (good_actions);
  facts->approved = TRUE;
  facts->cb_accepted = TRUE;
  facts->last_verification = RECTIFY_VERIFICATION_RESULT_EFFECTIVE;
}

static const RectifyStatus all_statuses[] = {
  RECTIFY_STATUS_REPORTED, RECTIFY_STATUS_ANALYSIS, RECTIFY_STATUS_ACTION_PLANNED,
  RECTIFY_STATUS_AWAITING_APPROVAL, RECTIFY_STATUS_IMPLEMENTATION, RECTIFY_STATUS_VERIFICATION,
  RECTIFY_STATUS_CLOSED,
};

static const RectifyWorkflowMissing *
missing_item (GPtrArray *missing,
              guint      i)
{
  g_assert_nonnull (missing);
  g_assert_cmpuint (i, <, missing->len);

  return g_ptr_array_index (missing, i);
}

/* TRUE if some item of @missing has @condition; its message is returned in @message. */
static gboolean
has_condition (GPtrArray                *missing,
               RectifyWorkflowCondition  condition,
               const char              **message)
{
  for (guint i = 0; missing != NULL && i < missing->len; i++)
    {
      const RectifyWorkflowMissing *item = g_ptr_array_index (missing, i);

      if (item->condition == condition)
        {
          if (message != NULL)
            *message = item->message;
          return TRUE;
        }
    }

  return FALSE;
}

static void
test_next_previous (void)
{
  g_assert_cmpint (rectify_workflow_next (RECTIFY_STATUS_REPORTED), ==, RECTIFY_STATUS_ANALYSIS);
  g_assert_cmpint (rectify_workflow_next (RECTIFY_STATUS_VERIFICATION), ==, RECTIFY_STATUS_CLOSED);
  g_assert_cmpint (rectify_workflow_next (RECTIFY_STATUS_CLOSED), ==, RECTIFY_STATUS_CLOSED);
  g_assert_cmpint (rectify_workflow_previous (RECTIFY_STATUS_REPORTED), ==,
                   RECTIFY_STATUS_REPORTED);
  g_assert_cmpint (rectify_workflow_previous (RECTIFY_STATUS_ANALYSIS), ==,
                   RECTIFY_STATUS_REPORTED);
  g_assert_cmpint (rectify_workflow_previous (RECTIFY_STATUS_CLOSED), ==,
                   RECTIFY_STATUS_VERIFICATION);

  for (guint i = 0; i + 1 < G_N_ELEMENTS (all_statuses); i++)
    {
      g_assert_cmpint (rectify_workflow_next (all_statuses[i]), ==, all_statuses[i + 1]);
      g_assert_cmpint (rectify_workflow_previous (all_statuses[i + 1]), ==, all_statuses[i]);
    }
}

static void
test_classify (void)
{
#define N RECTIFY_TRANSITION_NONE
#define F RECTIFY_TRANSITION_FORWARD
#define B RECTIFY_TRANSITION_BACK
#define R RECTIFY_TRANSITION_REOPEN
#define S RECTIFY_TRANSITION_SKIP
  /* rows: from, columns: to, in status order */
  static const RectifyTransition expected[RECTIFY_N_STATUSES][RECTIFY_N_STATUSES] = {
    /* Reported */          { N, F, S, S, S, S, S },
    /* Analysis */          { B, N, F, S, S, S, S },
    /* Action planned */    { S, B, N, F, S, S, S },
    /* Awaiting approval */ { S, S, B, N, F, S, S },
    /* Implementation */    { S, S, S, B, N, F, S },
    /* Verification */      { S, R, S, S, B, N, F },
    /* Closed */            { S, R, S, S, S, S, N },
  };
#undef N
#undef F
#undef B
#undef R
#undef S

  for (guint from = 0; from < RECTIFY_N_STATUSES; from++)
    for (guint to = 0; to < RECTIFY_N_STATUSES; to++)
      {
        RectifyTransition t = rectify_workflow_classify (from, to);

        if (t != expected[from][to])
          g_error ("classify %s -> %s: got %d, expected %d",
                   rectify_enum_to_nick (RECTIFY_TYPE_STATUS, from),
                   rectify_enum_to_nick (RECTIFY_TYPE_STATUS, to), t, expected[from][to]);
      }

  g_assert_cmpint (rectify_workflow_classify (RECTIFY_STATUS_REPORTED, 42), ==,
                   RECTIFY_TRANSITION_SKIP);
}

/* Fact changes for the gate table. */
typedef enum
{
  CHANGE_NONE,
  CHANGE_NO_STATEMENT,
  CHANGE_NO_REQUIREMENT,
  CHANGE_NO_EVIDENCE,
  CHANGE_NO_CORRECTION,
  CHANGE_NONE_NEEDED_WITH_REASON,
  CHANGE_NONE_NEEDED_NO_REASON,
  CHANGE_NO_ROOT_CAUSE,
  CHANGE_NO_ACTIONS,
  CHANGE_ALL_ACTIONS_CANCELLED,
  CHANGE_ACTION_NO_OWNER,
  CHANGE_ACTION_NO_TARGET,
  CHANGE_ACTION_NO_CRITERION,
  CHANGE_ACTION_NOT_DONE,
  CHANGE_ACTION_NO_EVIDENCE,
  CHANGE_CANCELLED_INCOMPLETE_ACTION,
  CHANGE_NOT_APPROVED,
  CHANGE_NOT_CB_ACCEPTED,
  CHANGE_REVIEW_PENDING,
  CHANGE_REVIEW_NOT_EFFECTIVE,
} Change;

static void
apply_change (RectifyWorkflowFacts *facts,
              Change                change,
              RectifyActionFacts   *actions)
{
  memcpy (actions, good_actions, sizeof good_actions);
  facts->actions = actions;

  switch (change)
    {
    case CHANGE_NONE:
      break;
    case CHANGE_NO_STATEMENT:
      facts->has_statement = FALSE;
      break;
    case CHANGE_NO_REQUIREMENT:
      facts->has_requirement = FALSE;
      break;
    case CHANGE_NO_EVIDENCE:
      facts->has_evidence = FALSE;
      break;
    case CHANGE_NO_CORRECTION:
      facts->has_correction = FALSE;
      break;
    case CHANGE_NONE_NEEDED_WITH_REASON:
      facts->has_correction = FALSE;
      facts->correction_not_needed = TRUE;
      facts->has_correction_reason = TRUE;
      break;
    case CHANGE_NONE_NEEDED_NO_REASON:
      facts->has_correction = FALSE;
      facts->correction_not_needed = TRUE;
      break;
    case CHANGE_NO_ROOT_CAUSE:
      facts->n_root_causes = 0;
      break;
    case CHANGE_NO_ACTIONS:
      facts->actions = NULL;
      facts->n_actions = 0;
      break;
    case CHANGE_ALL_ACTIONS_CANCELLED:
      actions[0].status = RECTIFY_ACTION_STATUS_CANCELLED;
      actions[1].status = RECTIFY_ACTION_STATUS_CANCELLED;
      break;
    case CHANGE_ACTION_NO_OWNER:
      actions[1].has_owner = FALSE;
      break;
    case CHANGE_ACTION_NO_TARGET:
      actions[0].has_target = FALSE;
      break;
    case CHANGE_ACTION_NO_CRITERION:
      actions[0].has_success_criterion = FALSE;
      break;
    case CHANGE_ACTION_NOT_DONE:
      actions[1].status = RECTIFY_ACTION_STATUS_IN_PROGRESS;
      break;
    case CHANGE_ACTION_NO_EVIDENCE:
      actions[0].n_evidence = 0;
      break;
    case CHANGE_CANCELLED_INCOMPLETE_ACTION:
      /* a cancelled action is left out of every gate, even with nothing filled in */
      actions[1].status = RECTIFY_ACTION_STATUS_CANCELLED;
      actions[1].has_owner = FALSE;
      actions[1].has_target = FALSE;
      actions[1].has_success_criterion = FALSE;
      actions[1].n_evidence = 0;
      break;
    case CHANGE_NOT_APPROVED:
      facts->approved = FALSE;
      break;
    case CHANGE_NOT_CB_ACCEPTED:
      facts->cb_accepted = FALSE;
      break;
    case CHANGE_REVIEW_PENDING:
      facts->last_verification = RECTIFY_VERIFICATION_RESULT_PENDING;
      break;
    case CHANGE_REVIEW_NOT_EFFECTIVE:
      facts->last_verification = RECTIFY_VERIFICATION_RESULT_NOT_EFFECTIVE;
      break;
    default:
      g_assert_not_reached ();
    }
}

typedef struct
{
  RectifyStatus             from;
  RectifyGrade              grade;
  Change                    change;
  gboolean                  allowed;
  RectifyWorkflowCondition  condition; /* the first missing one, when refused */
  const char               *message;   /* its message, when refused */
} GateCase;

static void
test_gates (void)
{
#define C(x) RECTIFY_WORKFLOW_CONDITION_##x
  static const GateCase cases[] = {
    /* Reported */
    { RECTIFY_STATUS_REPORTED, RECTIFY_GRADE_MINOR, CHANGE_NONE, TRUE, C (NONE), NULL },
    { RECTIFY_STATUS_REPORTED, RECTIFY_GRADE_MINOR, CHANGE_NO_STATEMENT, FALSE, C (STATEMENT),
      "The statement is empty" },
    { RECTIFY_STATUS_REPORTED, RECTIFY_GRADE_MINOR, CHANGE_NO_REQUIREMENT, FALSE,
      C (REQUIREMENT), "No requirement is named (a clause or an Annex A control)" },
    { RECTIFY_STATUS_REPORTED, RECTIFY_GRADE_MINOR, CHANGE_NO_EVIDENCE, FALSE, C (EVIDENCE),
      "The objective evidence is empty" },
    /* Analysis */
    { RECTIFY_STATUS_ANALYSIS, RECTIFY_GRADE_MINOR, CHANGE_NONE, TRUE, C (NONE), NULL },
    { RECTIFY_STATUS_ANALYSIS, RECTIFY_GRADE_MINOR, CHANGE_NONE_NEEDED_WITH_REASON, TRUE,
      C (NONE), NULL },
    { RECTIFY_STATUS_ANALYSIS, RECTIFY_GRADE_MINOR, CHANGE_NO_CORRECTION, FALSE, C (CORRECTION),
      "No correction is recorded (or “none needed” with a reason)" },
    { RECTIFY_STATUS_ANALYSIS, RECTIFY_GRADE_MINOR, CHANGE_NONE_NEEDED_NO_REASON, FALSE,
      C (CORRECTION_REASON), "The correction is marked “none needed” without a reason" },
    { RECTIFY_STATUS_ANALYSIS, RECTIFY_GRADE_MINOR, CHANGE_NO_ROOT_CAUSE, FALSE, C (ROOT_CAUSE),
      "No root cause is marked" },
    /* Action planned */
    { RECTIFY_STATUS_ACTION_PLANNED, RECTIFY_GRADE_MINOR, CHANGE_NONE, TRUE, C (NONE), NULL },
    { RECTIFY_STATUS_ACTION_PLANNED, RECTIFY_GRADE_MINOR, CHANGE_CANCELLED_INCOMPLETE_ACTION,
      TRUE, C (NONE), NULL },
    { RECTIFY_STATUS_ACTION_PLANNED, RECTIFY_GRADE_MINOR, CHANGE_NO_ACTIONS, FALSE, C (ACTIONS),
      "No corrective action is linked" },
    { RECTIFY_STATUS_ACTION_PLANNED, RECTIFY_GRADE_MINOR, CHANGE_ALL_ACTIONS_CANCELLED, FALSE,
      C (ACTIONS), "No corrective action is linked" },
    { RECTIFY_STATUS_ACTION_PLANNED, RECTIFY_GRADE_MINOR, CHANGE_ACTION_NO_OWNER, FALSE,
      C (ACTION_OWNER), "1 action has no owner: A-002" },
    { RECTIFY_STATUS_ACTION_PLANNED, RECTIFY_GRADE_MINOR, CHANGE_ACTION_NO_TARGET, FALSE,
      C (ACTION_TARGET), "1 action has no target date: A-001" },
    { RECTIFY_STATUS_ACTION_PLANNED, RECTIFY_GRADE_MINOR, CHANGE_ACTION_NO_CRITERION, FALSE,
      C (ACTION_CRITERION), "1 action has no success criterion: A-001" },
    /* not done and no evidence do not matter before Implementation */
    { RECTIFY_STATUS_ACTION_PLANNED, RECTIFY_GRADE_MINOR, CHANGE_ACTION_NOT_DONE, TRUE, C (NONE),
      NULL },
    { RECTIFY_STATUS_ACTION_PLANNED, RECTIFY_GRADE_MINOR, CHANGE_ACTION_NO_EVIDENCE, TRUE,
      C (NONE), NULL },
    /* Awaiting approval */
    { RECTIFY_STATUS_AWAITING_APPROVAL, RECTIFY_GRADE_MAJOR, CHANGE_NONE, TRUE, C (NONE), NULL },
    { RECTIFY_STATUS_AWAITING_APPROVAL, RECTIFY_GRADE_MAJOR, CHANGE_NOT_APPROVED, FALSE,
      C (APPROVAL), "The plan is not approved by management or the process owner" },
    { RECTIFY_STATUS_AWAITING_APPROVAL, RECTIFY_GRADE_MAJOR, CHANGE_NOT_CB_ACCEPTED, FALSE,
      C (CB_ACCEPTANCE), "The certification body has not accepted the plan (the policy asks "
      "for it for a major nonconformity)" },
    { RECTIFY_STATUS_AWAITING_APPROVAL, RECTIFY_GRADE_MINOR, CHANGE_NOT_CB_ACCEPTED, TRUE,
      C (NONE), NULL },
    { RECTIFY_STATUS_AWAITING_APPROVAL, RECTIFY_GRADE_MINOR, CHANGE_NOT_APPROVED, FALSE,
      C (APPROVAL), "The plan is not approved by management or the process owner" },
    /* Implementation */
    { RECTIFY_STATUS_IMPLEMENTATION, RECTIFY_GRADE_MINOR, CHANGE_NONE, TRUE, C (NONE), NULL },
    { RECTIFY_STATUS_IMPLEMENTATION, RECTIFY_GRADE_MINOR, CHANGE_CANCELLED_INCOMPLETE_ACTION,
      TRUE, C (NONE), NULL },
    { RECTIFY_STATUS_IMPLEMENTATION, RECTIFY_GRADE_MINOR, CHANGE_ACTION_NOT_DONE, FALSE,
      C (ACTION_DONE), "1 action is not done: A-002" },
    { RECTIFY_STATUS_IMPLEMENTATION, RECTIFY_GRADE_MINOR, CHANGE_ACTION_NO_EVIDENCE, FALSE,
      C (ACTION_EVIDENCE), "1 action has no evidence: A-001" },
    { RECTIFY_STATUS_IMPLEMENTATION, RECTIFY_GRADE_MINOR, CHANGE_ALL_ACTIONS_CANCELLED, FALSE,
      C (ACTIONS), "No corrective action is linked that is not cancelled" },
    { RECTIFY_STATUS_IMPLEMENTATION, RECTIFY_GRADE_MINOR, CHANGE_NO_ACTIONS, FALSE,
      C (ACTIONS), "No corrective action is linked that is not cancelled" },
    /* Verification */
    { RECTIFY_STATUS_VERIFICATION, RECTIFY_GRADE_MAJOR, CHANGE_NONE, TRUE, C (NONE), NULL },
    { RECTIFY_STATUS_VERIFICATION, RECTIFY_GRADE_MAJOR, CHANGE_REVIEW_PENDING, FALSE,
      C (VERIFICATION), "No effectiveness review is recorded as effective" },
    { RECTIFY_STATUS_VERIFICATION, RECTIFY_GRADE_MAJOR, CHANGE_REVIEW_NOT_EFFECTIVE, FALSE,
      C (VERIFICATION_NOT_EFFECTIVE),
      "The last effectiveness review found the actions not effective: reopen it to Analysis" },
  };
#undef C
  RectifyPolicy policy;

  rectify_policy_init_defaults (&policy);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const GateCase *c = &cases[i];
      RectifyActionFacts actions[G_N_ELEMENTS (good_actions)];
      RectifyWorkflowFacts facts;
      g_autoptr(GPtrArray) missing = NULL;
      RectifyStatus to = rectify_workflow_next (c->from);
      gboolean allowed;

      complete_facts (&facts, c->grade, c->from);
      apply_change (&facts, c->change, actions);

      g_test_message ("case %u: leaving %s", i, rectify_enum_to_nick (RECTIFY_TYPE_STATUS,
                                                                      c->from));
      allowed = rectify_workflow_can_move (&facts, &policy, to, &missing);
      g_assert_cmpint (allowed, ==, c->allowed);

      /* the same answer without the missing list, and with the default policy */
      g_assert_cmpint (rectify_workflow_can_move (&facts, &policy, to, NULL), ==, c->allowed);
      g_assert_cmpint (rectify_workflow_can_move (&facts, NULL, to, NULL), ==, c->allowed);

      if (c->allowed)
        {
          g_assert_null (missing);
          g_assert_cmpint (rectify_workflow_first_condition (missing), ==,
                           RECTIFY_WORKFLOW_CONDITION_NONE);
        }
      else
        {
          const RectifyWorkflowMissing *first = missing_item (missing, 0);

          g_assert_cmpuint (missing->len, ==, 1);
          g_assert_cmpint (first->condition, ==, c->condition);
          g_assert_cmpint (first->step, ==, c->from);
          g_assert_cmpstr (first->message, ==, c->message);
          g_assert_cmpint (rectify_workflow_first_condition (missing), ==, c->condition);
        }
    }
}

/* Everything missing at once: every item, in the order of the form. */
static void
test_gate_all_missing (void)
{
  RectifyWorkflowFacts facts;
  g_autoptr(GPtrArray) missing = NULL;
  g_autofree char *text = NULL;

  rectify_workflow_facts_init (&facts);
  g_assert_false (rectify_workflow_can_move (&facts, NULL, RECTIFY_STATUS_ANALYSIS, &missing));
  g_assert_cmpuint (missing->len, ==, 3);
  g_assert_cmpint (missing_item (missing, 0)->condition, ==, RECTIFY_WORKFLOW_CONDITION_STATEMENT);
  g_assert_cmpint (missing_item (missing, 1)->condition, ==,
                   RECTIFY_WORKFLOW_CONDITION_REQUIREMENT);
  g_assert_cmpint (missing_item (missing, 2)->condition, ==, RECTIFY_WORKFLOW_CONDITION_EVIDENCE);
  g_assert_cmpint (rectify_workflow_first_condition (missing), ==,
                   RECTIFY_WORKFLOW_CONDITION_STATEMENT);

  /* one step: plain lines, no heading */
  text = rectify_workflow_describe_missing (missing);
  g_assert_cmpstr (text, ==,
                   "The statement is empty\n"
                   "No requirement is named (a clause or an Annex A control)\n"
                   "The objective evidence is empty");
  g_clear_pointer (&missing, g_ptr_array_unref);

  facts.status = RECTIFY_STATUS_ANALYSIS;
  g_assert_false (rectify_workflow_can_move (&facts, NULL, RECTIFY_STATUS_ACTION_PLANNED,
                                             &missing));
  g_assert_cmpuint (missing->len, ==, 2);
  g_assert_cmpint (missing_item (missing, 0)->condition, ==,
                   RECTIFY_WORKFLOW_CONDITION_CORRECTION);
  g_assert_cmpint (missing_item (missing, 1)->condition, ==,
                   RECTIFY_WORKFLOW_CONDITION_ROOT_CAUSE);
}

static void
test_action_messages (void)
{
  static const RectifyActionFacts actions[] = {
    { "A-014", "Rewrite the checklist", FALSE, FALSE, TRUE, RECTIFY_ACTION_STATUS_PLANNED, 0 },
    { "A-015", "Train the auditors", FALSE, TRUE, FALSE, RECTIFY_ACTION_STATUS_IN_PROGRESS, 0 },
    { "A-016", "Cancelled idea", FALSE, FALSE, FALSE, RECTIFY_ACTION_STATUS_CANCELLED, 0 },
    { NULL, "Review the access list", TRUE, FALSE, TRUE, RECTIFY_ACTION_STATUS_DONE, 1 },
    { NULL, NULL, TRUE, TRUE, FALSE, RECTIFY_ACTION_STATUS_DONE, 0 },
  };
  RectifyWorkflowFacts facts;
  g_autoptr(GPtrArray) missing = NULL;
  const char *message = NULL;
  const RectifyWorkflowMissing *item;

  complete_facts (&facts, RECTIFY_GRADE_MAJOR, RECTIFY_STATUS_ACTION_PLANNED);
  facts.actions = actions;
  facts.n_actions = G_N_ELEMENTS (actions);

  g_assert_false (rectify_workflow_can_move (&facts, NULL, RECTIFY_STATUS_AWAITING_APPROVAL,
                                             &missing));
  g_assert_cmpuint (missing->len, ==, 3);

  g_assert_true (has_condition (missing, RECTIFY_WORKFLOW_CONDITION_ACTION_OWNER, &message));
  g_assert_cmpstr (message, ==, "2 actions have no owner: A-014, A-015");
  g_assert_true (has_condition (missing, RECTIFY_WORKFLOW_CONDITION_ACTION_TARGET, &message));
  g_assert_cmpstr (message, ==, "2 actions have no target date: A-014, Review the access list");
  g_assert_true (has_condition (missing, RECTIFY_WORKFLOW_CONDITION_ACTION_CRITERION, &message));
  g_assert_cmpstr (message, ==, "2 actions have no success criterion: A-015, untitled action");

  item = missing_item (missing, 0);
  g_assert_cmpint (item->condition, ==, RECTIFY_WORKFLOW_CONDITION_ACTION_OWNER);
  g_assert_nonnull (item->refs);
  g_assert_cmpuint (g_strv_length (item->refs), ==, 2);
  g_assert_cmpstr (item->refs[0], ==, "A-014");
  g_assert_cmpstr (item->refs[1], ==, "A-015");
  g_clear_pointer (&missing, g_ptr_array_unref);

  /* Implementation: not done and no evidence, plural and singular */
  facts.status = RECTIFY_STATUS_IMPLEMENTATION;
  g_assert_false (rectify_workflow_can_move (&facts, NULL, RECTIFY_STATUS_VERIFICATION,
                                             &missing));
  g_assert_cmpuint (missing->len, ==, 2);
  g_assert_cmpint (missing_item (missing, 0)->condition, ==,
                   RECTIFY_WORKFLOW_CONDITION_ACTION_DONE);
  g_assert_cmpstr (missing_item (missing, 0)->message, ==,
                   "2 actions are not done: A-014, A-015");
  g_assert_cmpint (missing_item (missing, 1)->condition, ==,
                   RECTIFY_WORKFLOW_CONDITION_ACTION_EVIDENCE);
  g_assert_cmpstr (missing_item (missing, 1)->message, ==,
                   "3 actions have no evidence: A-014, A-015, untitled action");
}

static void
test_same_status (void)
{
  RectifyWorkflowFacts facts;

  for (guint i = 0; i < G_N_ELEMENTS (all_statuses); i++)
    {
      g_autoptr(GPtrArray) missing = NULL;
      g_autofree char *expected = NULL;

      complete_facts (&facts, RECTIFY_GRADE_OBSERVATION, all_statuses[i]);
      facts.has_response = TRUE;
      g_assert_false (rectify_workflow_can_move (&facts, NULL, all_statuses[i], &missing));
      g_assert_cmpuint (missing->len, ==, 1);
      g_assert_cmpint (missing_item (missing, 0)->condition, ==,
                       RECTIFY_WORKFLOW_CONDITION_SAME_STATUS);
      g_assert_cmpint (missing_item (missing, 0)->step, ==, -1);
      expected = g_strdup_printf ("NC-007 is already in “%s”",
                                  rectify_enum_to_label (RECTIFY_TYPE_STATUS, all_statuses[i]));
      g_assert_cmpstr (missing_item (missing, 0)->message, ==, expected);
    }

  {
    g_autoptr(GPtrArray) missing = NULL;

    complete_facts (&facts, RECTIFY_GRADE_MINOR, RECTIFY_STATUS_ANALYSIS);
    facts.ref = NULL;
    g_assert_false (rectify_workflow_can_move (&facts, NULL, RECTIFY_STATUS_ANALYSIS, &missing));
    g_assert_cmpstr (missing_item (missing, 0)->message, ==,
                     "The nonconformity is already in “Analysis”");
  }
}

static void
test_back (void)
{
  RectifyWorkflowFacts facts;

  /* one step back needs nothing */
  for (guint i = 1; i + 1 < G_N_ELEMENTS (all_statuses); i++)
    {
      g_autoptr(GPtrArray) missing = NULL;

      rectify_workflow_facts_init (&facts);
      facts.status = all_statuses[i];
      g_assert_true (rectify_workflow_can_move (&facts, NULL, all_statuses[i - 1], &missing));
      g_assert_null (missing);
    }

  /* but not two */
  {
    g_autoptr(GPtrArray) missing = NULL;

    rectify_workflow_facts_init (&facts);
    facts.status = RECTIFY_STATUS_IMPLEMENTATION;
    g_assert_false (rectify_workflow_can_move (&facts, NULL, RECTIFY_STATUS_REPORTED, &missing));
    g_assert_cmpuint (missing->len, ==, 1);
    g_assert_cmpint (missing_item (missing, 0)->condition, ==,
                     RECTIFY_WORKFLOW_CONDITION_ONE_STEP);
    g_assert_cmpstr (missing_item (missing, 0)->message, ==,
                     "Moves go one step at a time: from “Implementation” the previous status is "
                     "“Awaiting approval”");
  }
}

static void
test_reopen (void)
{
  RectifyWorkflowFacts facts;
  g_autoptr(GPtrArray) missing = NULL;

  /* a not-effective review sends it back to Analysis */
  complete_facts (&facts, RECTIFY_GRADE_MAJOR, RECTIFY_STATUS_VERIFICATION);
  facts.last_verification = RECTIFY_VERIFICATION_RESULT_NOT_EFFECTIVE;
  g_assert_cmpint (rectify_workflow_classify_move (&facts, NULL, RECTIFY_STATUS_ANALYSIS), ==,
                   RECTIFY_TRANSITION_REOPEN);
  g_assert_true (rectify_workflow_can_move (&facts, NULL, RECTIFY_STATUS_ANALYSIS, &missing));
  g_assert_null (missing);
  /* and may not close */
  g_assert_false (rectify_workflow_can_move (&facts, NULL, RECTIFY_STATUS_CLOSED, &missing));
  g_assert_cmpint (rectify_workflow_first_condition (missing), ==,
                   RECTIFY_WORKFLOW_CONDITION_VERIFICATION_NOT_EFFECTIVE);
  g_clear_pointer (&missing, g_ptr_array_unref);

  /* an effective or pending review does not */
  facts.last_verification = RECTIFY_VERIFICATION_RESULT_EFFECTIVE;
  g_assert_false (rectify_workflow_can_move (&facts, NULL, RECTIFY_STATUS_ANALYSIS, &missing));
  g_assert_cmpuint (missing->len, ==, 1);
  g_assert_cmpint (missing_item (missing, 0)->condition, ==,
                   RECTIFY_WORKFLOW_CONDITION_REOPEN_NOT_EFFECTIVE);
  g_clear_pointer (&missing, g_ptr_array_unref);
  facts.last_verification = RECTIFY_VERIFICATION_RESULT_PENDING;
  g_assert_false (rectify_workflow_can_move (&facts, NULL, RECTIFY_STATUS_ANALYSIS, NULL));

  /* back to Implementation is one step back: always allowed */
  g_assert_true (rectify_workflow_can_move (&facts, NULL, RECTIFY_STATUS_IMPLEMENTATION, NULL));

  /* Closed -> Analysis: a reopening, always allowed, even with nothing recorded */
  rectify_workflow_facts_init (&facts);
  facts.status = RECTIFY_STATUS_CLOSED;
  g_assert_cmpint (rectify_workflow_classify_move (&facts, NULL, RECTIFY_STATUS_ANALYSIS), ==,
                   RECTIFY_TRANSITION_REOPEN);
  g_assert_true (rectify_workflow_can_move (&facts, NULL, RECTIFY_STATUS_ANALYSIS, &missing));
  g_assert_null (missing);

  /* any other move out of Closed is refused */
  for (guint i = 0; i < G_N_ELEMENTS (all_statuses); i++)
    {
      RectifyStatus to = all_statuses[i];

      if (to == RECTIFY_STATUS_ANALYSIS || to == RECTIFY_STATUS_CLOSED)
        continue;

      g_assert_false (rectify_workflow_can_move (&facts, NULL, to, &missing));
      g_assert_cmpuint (missing->len, ==, 1);
      g_assert_cmpint (missing_item (missing, 0)->condition, ==,
                       RECTIFY_WORKFLOW_CONDITION_CLOSED);
      g_assert_cmpstr (missing_item (missing, 0)->message, ==,
                       "A closed nonconformity can only be reopened to Analysis");
      g_clear_pointer (&missing, g_ptr_array_unref);
    }
}

static void
test_skip (void)
{
  RectifyWorkflowFacts facts;
  g_autoptr(GPtrArray) missing = NULL;
  g_autofree char *text = NULL;
  RectifyPolicy policy;

  rectify_policy_init_defaults (&policy);

  /* with every fact in place, a skip is still refused, with the one-step item only */
  complete_facts (&facts, RECTIFY_GRADE_MAJOR, RECTIFY_STATUS_REPORTED);
  g_assert_cmpint (rectify_workflow_classify_move (&facts, &policy,
                                                   RECTIFY_STATUS_IMPLEMENTATION), ==,
                   RECTIFY_TRANSITION_SKIP);
  g_assert_false (rectify_workflow_can_move (&facts, &policy, RECTIFY_STATUS_IMPLEMENTATION,
                                             &missing));
  g_assert_cmpuint (missing->len, ==, 1);
  g_assert_cmpint (missing_item (missing, 0)->condition, ==, RECTIFY_WORKFLOW_CONDITION_ONE_STEP);
  g_assert_cmpstr (missing_item (missing, 0)->message, ==,
                   "Moves go one step at a time: from “Reported” the next status is “Analysis”");
  g_assert_cmpint (rectify_workflow_first_condition (missing), ==,
                   RECTIFY_WORKFLOW_CONDITION_ONE_STEP);
  g_clear_pointer (&missing, g_ptr_array_unref);

  /* with gaps, the conditions of each step in between follow, grouped by step */
  facts.has_statement = FALSE;
  facts.n_root_causes = 0;
  facts.approved = FALSE;
  facts.cb_accepted = FALSE;
  g_assert_false (rectify_workflow_can_move (&facts, &policy, RECTIFY_STATUS_IMPLEMENTATION,
                                             &missing));
  g_assert_cmpuint (missing->len, ==, 5);
  g_assert_cmpint (missing_item (missing, 0)->condition, ==, RECTIFY_WORKFLOW_CONDITION_ONE_STEP);
  g_assert_cmpint (missing_item (missing, 1)->condition, ==, RECTIFY_WORKFLOW_CONDITION_STATEMENT);
  g_assert_cmpint (missing_item (missing, 1)->step, ==, RECTIFY_STATUS_REPORTED);
  g_assert_cmpint (missing_item (missing, 2)->condition, ==,
                   RECTIFY_WORKFLOW_CONDITION_ROOT_CAUSE);
  g_assert_cmpint (missing_item (missing, 2)->step, ==, RECTIFY_STATUS_ANALYSIS);
  g_assert_cmpint (missing_item (missing, 3)->condition, ==, RECTIFY_WORKFLOW_CONDITION_APPROVAL);
  g_assert_cmpint (missing_item (missing, 4)->condition, ==,
                   RECTIFY_WORKFLOW_CONDITION_CB_ACCEPTANCE);
  /* the first thing to fix is the first gate item */
  g_assert_cmpint (rectify_workflow_first_condition (missing), ==,
                   RECTIFY_WORKFLOW_CONDITION_STATEMENT);

  text = rectify_workflow_describe_missing (missing);
  g_assert_cmpstr (text, ==,
                   "Moves go one step at a time: from “Reported” the next status is “Analysis”\n"
                   "To leave “Reported”:\n"
                   "  The statement is empty\n"
                   "To leave “Analysis”:\n"
                   "  No root cause is marked\n"
                   "To leave “Awaiting approval”:\n"
                   "  The plan is not approved by management or the process owner\n"
                   "  The certification body has not accepted the plan (the policy asks for it "
                   "for a major nonconformity)");
  g_clear_pointer (&missing, g_ptr_array_unref);

  /* a major's skip to Closed is never a light path */
  g_assert_false (rectify_workflow_can_move (&facts, &policy, RECTIFY_STATUS_CLOSED, &missing));
  g_assert_cmpint (missing_item (missing, 0)->condition, ==, RECTIFY_WORKFLOW_CONDITION_ONE_STEP);
}

static void
test_light_path (void)
{
  static const RectifyGrade grades[] = {
    RECTIFY_GRADE_MAJOR, RECTIFY_GRADE_MINOR, RECTIFY_GRADE_OBSERVATION, RECTIFY_GRADE_OFI,
  };
  RectifyPolicy on;
  RectifyPolicy off;

  rectify_policy_init_defaults (&on);
  rectify_policy_init_defaults (&off);
  off.light_path_for_observations = FALSE;

  g_assert_true (rectify_workflow_uses_light_path (RECTIFY_GRADE_OBSERVATION, NULL));
  g_assert_true (rectify_workflow_uses_light_path (RECTIFY_GRADE_OFI, &on));
  g_assert_false (rectify_workflow_uses_light_path (RECTIFY_GRADE_OFI, &off));
  g_assert_false (rectify_workflow_uses_light_path (RECTIFY_GRADE_MAJOR, &on));
  g_assert_false (rectify_workflow_uses_light_path (RECTIFY_GRADE_MINOR, NULL));

  for (guint g = 0; g < G_N_ELEMENTS (grades); g++)
    for (guint i = 0; i + 1 < G_N_ELEMENTS (all_statuses); i++)
      {
        gboolean light = grades[g] == RECTIFY_GRADE_OBSERVATION || grades[g] == RECTIFY_GRADE_OFI;
        RectifyStatus from = all_statuses[i];
        RectifyWorkflowFacts facts;
        g_autoptr(GPtrArray) missing = NULL;
        gboolean allowed;

        /* nothing recorded at all but the response */
        rectify_workflow_facts_init (&facts);
        facts.grade = grades[g];
        facts.status = from;
        facts.has_response = TRUE;

        allowed = rectify_workflow_can_move (&facts, &on, RECTIFY_STATUS_CLOSED, &missing);
        g_assert_cmpint (allowed, ==, light);
        if (light)
          g_assert_cmpint (rectify_workflow_classify_move (&facts, &on, RECTIFY_STATUS_CLOSED), ==,
                           RECTIFY_TRANSITION_LIGHT_CLOSE);
        g_clear_pointer (&missing, g_ptr_array_unref);

        /* the light path off: the full path for everyone */
        g_assert_false (rectify_workflow_can_move (&facts, &off, RECTIFY_STATUS_CLOSED, &missing));
        g_assert_cmpint (rectify_workflow_classify_move (&facts, &off, RECTIFY_STATUS_CLOSED), ==,
                         rectify_workflow_classify (from, RECTIFY_STATUS_CLOSED));
        g_clear_pointer (&missing, g_ptr_array_unref);

        /* without a response, the light path is refused and says so */
        facts.has_response = FALSE;
        g_assert_false (rectify_workflow_can_move (&facts, &on, RECTIFY_STATUS_CLOSED, &missing));
        if (light)
          {
            g_assert_cmpuint (missing->len, ==, 1);
            g_assert_cmpint (missing_item (missing, 0)->condition, ==,
                             RECTIFY_WORKFLOW_CONDITION_RESPONSE);
            g_assert_cmpstr (missing_item (missing, 0)->message, ==, "No response is recorded");
          }
      }

  /* an observation at Verification with an effective review closes without a response */
  {
    RectifyWorkflowFacts facts;

    complete_facts (&facts, RECTIFY_GRADE_OBSERVATION, RECTIFY_STATUS_VERIFICATION);
    g_assert_true (rectify_workflow_can_move (&facts, &on, RECTIFY_STATUS_CLOSED, NULL));
    g_assert_true (rectify_workflow_can_move (&facts, &off, RECTIFY_STATUS_CLOSED, NULL));
  }

  /* the light path changes nothing for the other moves */
  {
    RectifyWorkflowFacts facts;
    g_autoptr(GPtrArray) missing = NULL;

    rectify_workflow_facts_init (&facts);
    facts.grade = RECTIFY_GRADE_OFI;
    facts.has_response = TRUE;
    g_assert_false (rectify_workflow_can_move (&facts, &on, RECTIFY_STATUS_ANALYSIS, &missing));
    g_assert_cmpint (rectify_workflow_first_condition (missing), ==,
                     RECTIFY_WORKFLOW_CONDITION_STATEMENT);
  }
}

static void
test_cb_acceptance (void)
{
  RectifyWorkflowFacts facts;
  RectifyPolicy policy;
  g_autoptr(GPtrArray) missing = NULL;

  rectify_policy_init_defaults (&policy);
  complete_facts (&facts, RECTIFY_GRADE_MAJOR, RECTIFY_STATUS_AWAITING_APPROVAL);
  facts.cb_accepted = FALSE;

  /* asked for by the policy (the default) */
  g_assert_true (policy.cb_acceptance_for_major);
  g_assert_false (rectify_workflow_can_move (&facts, &policy, RECTIFY_STATUS_IMPLEMENTATION,
                                             &missing));
  g_assert_cmpint (rectify_workflow_first_condition (missing), ==,
                   RECTIFY_WORKFLOW_CONDITION_CB_ACCEPTANCE);
  g_clear_pointer (&missing, g_ptr_array_unref);
  g_assert_false (rectify_workflow_can_move (&facts, NULL, RECTIFY_STATUS_IMPLEMENTATION, NULL));

  /* not asked for */
  policy.cb_acceptance_for_major = FALSE;
  g_assert_true (rectify_workflow_can_move (&facts, &policy, RECTIFY_STATUS_IMPLEMENTATION,
                                            &missing));
  g_assert_null (missing);

  /* approval is needed either way */
  facts.approved = FALSE;
  g_assert_false (rectify_workflow_can_move (&facts, &policy, RECTIFY_STATUS_IMPLEMENTATION,
                                             &missing));
  g_assert_cmpuint (missing->len, ==, 1);
  g_assert_cmpint (missing_item (missing, 0)->condition, ==, RECTIFY_WORKFLOW_CONDITION_APPROVAL);
}

static void
test_invalid_status (void)
{
  RectifyWorkflowFacts facts;
  g_autoptr(GPtrArray) missing = NULL;

  complete_facts (&facts, RECTIFY_GRADE_MINOR, RECTIFY_STATUS_REPORTED);
  g_assert_false (rectify_workflow_can_move (&facts, NULL, (RectifyStatus)42, &missing));
  g_assert_cmpint (rectify_workflow_first_condition (missing), ==,
                   RECTIFY_WORKFLOW_CONDITION_INVALID_STATUS);
}

static void
test_missing_boxed (void)
{
  RectifyWorkflowFacts facts;
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(RectifyWorkflowMissing) copy = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *empty2 = NULL;
  const RectifyWorkflowMissing *item;
  RectifyActionFacts actions[G_N_ELEMENTS (good_actions)];

  complete_facts (&facts, RECTIFY_GRADE_MINOR, RECTIFY_STATUS_ACTION_PLANNED);
  apply_change (&facts, CHANGE_ACTION_NO_OWNER, actions);
  g_assert_false (rectify_workflow_can_move (&facts, NULL, RECTIFY_STATUS_AWAITING_APPROVAL,
                                             &missing));
  item = missing_item (missing, 0);

  g_assert_true (G_TYPE_IS_BOXED (RECTIFY_TYPE_WORKFLOW_MISSING));
  copy = g_boxed_copy (RECTIFY_TYPE_WORKFLOW_MISSING, item);
  g_assert_true (copy != item);
  g_assert_cmpint (copy->condition, ==, item->condition);
  g_assert_cmpint (copy->step, ==, item->step);
  g_assert_cmpstr (copy->message, ==, item->message);
  g_assert_true (copy->message != item->message);
  g_assert_cmpstrv (copy->refs, item->refs);

  g_assert_cmpstr (rectify_enum_to_nick (RECTIFY_TYPE_WORKFLOW_CONDITION, copy->condition), ==,
                   "action-owner");
  g_assert_cmpstr (rectify_enum_to_nick (RECTIFY_TYPE_WORKFLOW_CONDITION,
                                         RECTIFY_WORKFLOW_CONDITION_ROOT_CAUSE), ==,
                   "root-cause");

  empty = rectify_workflow_describe_missing (NULL);
  g_assert_cmpstr (empty, ==, "");
  g_ptr_array_set_size (missing, 0);
  empty2 = rectify_workflow_describe_missing (missing);
  g_assert_cmpstr (empty2, ==, "");
  g_assert_cmpint (rectify_workflow_first_condition (missing), ==,
                   RECTIFY_WORKFLOW_CONDITION_NONE);
}

/* A whole journey, forward through every gate, with the facts filled in as it goes. */
static void
test_journey (void)
{
  RectifyActionFacts actions[1] = {
    { "A-100", "Fix it", FALSE, FALSE, FALSE, RECTIFY_ACTION_STATUS_PLANNED, 0 },
  };
  RectifyWorkflowFacts facts;

  rectify_workflow_facts_init (&facts);
  facts.ref = "NC-100";
  facts.grade = RECTIFY_GRADE_MAJOR;

  g_assert_false (rectify_workflow_can_move (&facts, NULL, RECTIFY_STATUS_ANALYSIS, NULL));
  facts.has_statement = facts.has_requirement = facts.has_evidence = TRUE;
  g_assert_true (rectify_workflow_can_move (&facts, NULL, RECTIFY_STATUS_ANALYSIS, NULL));
  facts.status = RECTIFY_STATUS_ANALYSIS;

  g_assert_false (rectify_workflow_can_move (&facts, NULL, RECTIFY_STATUS_ACTION_PLANNED, NULL));
  facts.has_correction = TRUE;
  facts.n_root_causes = 2;
  g_assert_true (rectify_workflow_can_move (&facts, NULL, RECTIFY_STATUS_ACTION_PLANNED, NULL));
  facts.status = RECTIFY_STATUS_ACTION_PLANNED;

  g_assert_false (rectify_workflow_can_move (&facts, NULL, RECTIFY_STATUS_AWAITING_APPROVAL,
                                             NULL));
  facts.actions = actions;
  facts.n_actions = 1;
  g_assert_false (rectify_workflow_can_move (&facts, NULL, RECTIFY_STATUS_AWAITING_APPROVAL,
                                             NULL));
  actions[0].has_owner = actions[0].has_target = actions[0].has_success_criterion = TRUE;
  g_assert_true (rectify_workflow_can_move (&facts, NULL, RECTIFY_STATUS_AWAITING_APPROVAL, NULL));
  facts.status = RECTIFY_STATUS_AWAITING_APPROVAL;

  facts.approved = TRUE;
  g_assert_false (rectify_workflow_can_move (&facts, NULL, RECTIFY_STATUS_IMPLEMENTATION, NULL));
  facts.cb_accepted = TRUE;
  g_assert_true (rectify_workflow_can_move (&facts, NULL, RECTIFY_STATUS_IMPLEMENTATION, NULL));
  facts.status = RECTIFY_STATUS_IMPLEMENTATION;

  actions[0].status = RECTIFY_ACTION_STATUS_DONE;
  g_assert_false (rectify_workflow_can_move (&facts, NULL, RECTIFY_STATUS_VERIFICATION, NULL));
  actions[0].n_evidence = 1;
  g_assert_true (rectify_workflow_can_move (&facts, NULL, RECTIFY_STATUS_VERIFICATION, NULL));
  facts.status = RECTIFY_STATUS_VERIFICATION;

  facts.last_verification = RECTIFY_VERIFICATION_RESULT_NOT_EFFECTIVE;
  g_assert_false (rectify_workflow_can_move (&facts, NULL, RECTIFY_STATUS_CLOSED, NULL));
  g_assert_true (rectify_workflow_can_move (&facts, NULL, RECTIFY_STATUS_ANALYSIS, NULL));
  facts.last_verification = RECTIFY_VERIFICATION_RESULT_EFFECTIVE;
  g_assert_true (rectify_workflow_can_move (&facts, NULL, RECTIFY_STATUS_CLOSED, NULL));
  facts.status = RECTIFY_STATUS_CLOSED;

  g_assert_true (rectify_workflow_can_move (&facts, NULL, RECTIFY_STATUS_ANALYSIS, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Rectify/Workflow/next-previous", test_next_previous);
  g_test_add_func ("/Rectify/Workflow/classify", test_classify);
  g_test_add_func ("/Rectify/Workflow/gates", test_gates);
  g_test_add_func ("/Rectify/Workflow/gate-all-missing", test_gate_all_missing);
  g_test_add_func ("/Rectify/Workflow/action-messages", test_action_messages);
  g_test_add_func ("/Rectify/Workflow/same-status", test_same_status);
  g_test_add_func ("/Rectify/Workflow/back", test_back);
  g_test_add_func ("/Rectify/Workflow/reopen", test_reopen);
  g_test_add_func ("/Rectify/Workflow/skip", test_skip);
  g_test_add_func ("/Rectify/Workflow/light-path", test_light_path);
  g_test_add_func ("/Rectify/Workflow/cb-acceptance", test_cb_acceptance);
  g_test_add_func ("/Rectify/Workflow/invalid-status", test_invalid_status);
  g_test_add_func ("/Rectify/Workflow/missing-boxed", test_missing_boxed);
  g_test_add_func ("/Rectify/Workflow/journey", test_journey);

  return g_test_run ();
}
