/* rectify-workflow.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rectify-enums.h"
#include "rectify-policy.h"

G_BEGIN_DECLS

/* The workflow rules of design.md ("Workflow"), in one place. They are a pure function over a
 * snapshot of facts: the register (or a test) gathers the facts of one nonconformity into a
 * RectifyWorkflowFacts and asks rectify_workflow_can_move(). The board, the editor and
 * `rectify-cli move` all ask the same function.
 *
 * Moves:
 * - FORWARD: to the next status; allowed when the gate of the status being left is met.
 * - BACK: one step back (Analysis -> Reported, ..., Verification -> Implementation); always
 *   allowed, it loosens nothing and the register records it in the history. A closed
 *   nonconformity is not moved back one step: it is reopened.
 * - REOPEN: Closed -> Analysis (always allowed), and Verification -> Analysis, allowed when the
 *   last effectiveness review is recorded as not effective.
 * - SKIP: anything else; refused, moves go one step at a time. For a forward skip the conditions
 *   of every step in between are listed too.
 * - LIGHT_CLOSE: an observation or OFI goes straight to Closed from any open status once a
 *   response is recorded, when the policy's light path is on. Only
 *   rectify_workflow_classify_move() returns it, since it depends on the grade and the policy.
 * - NONE: the same status; refused with a clear message. */
typedef enum
{
  RECTIFY_TRANSITION_NONE,
  RECTIFY_TRANSITION_FORWARD,
  RECTIFY_TRANSITION_BACK,
  RECTIFY_TRANSITION_REOPEN,
  RECTIFY_TRANSITION_SKIP,
  RECTIFY_TRANSITION_LIGHT_CLOSE,
} RectifyTransition;

/* One code per condition a move can miss, so the UI can open the nonconformity at the first
 * missing item. Registered as a GEnum: rectify_enum_to_nick (RECTIFY_TYPE_WORKFLOW_CONDITION, c)
 * gives "statement", "action-owner", ... */
typedef enum
{
  RECTIFY_WORKFLOW_CONDITION_NONE,
  /* About the move itself */
  RECTIFY_WORKFLOW_CONDITION_INVALID_STATUS,       /* not a status */
  RECTIFY_WORKFLOW_CONDITION_SAME_STATUS,          /* already there */
  RECTIFY_WORKFLOW_CONDITION_ONE_STEP,             /* a skip */
  RECTIFY_WORKFLOW_CONDITION_CLOSED,               /* Closed only reopens to Analysis */
  RECTIFY_WORKFLOW_CONDITION_REOPEN_NOT_EFFECTIVE, /* Verification -> Analysis needs "not effective" */
  /* Leaving Reported */
  RECTIFY_WORKFLOW_CONDITION_STATEMENT,
  RECTIFY_WORKFLOW_CONDITION_REQUIREMENT,
  RECTIFY_WORKFLOW_CONDITION_EVIDENCE,
  /* Leaving Analysis */
  RECTIFY_WORKFLOW_CONDITION_CORRECTION,
  RECTIFY_WORKFLOW_CONDITION_CORRECTION_REASON,
  RECTIFY_WORKFLOW_CONDITION_ROOT_CAUSE,
  /* Leaving Action planned (ACTIONS also when leaving Implementation: none left to do) */
  RECTIFY_WORKFLOW_CONDITION_ACTIONS,
  RECTIFY_WORKFLOW_CONDITION_ACTION_OWNER,
  RECTIFY_WORKFLOW_CONDITION_ACTION_TARGET,
  RECTIFY_WORKFLOW_CONDITION_ACTION_CRITERION,
  /* Leaving Awaiting approval */
  RECTIFY_WORKFLOW_CONDITION_APPROVAL,
  RECTIFY_WORKFLOW_CONDITION_CB_ACCEPTANCE,
  /* Leaving Implementation */
  RECTIFY_WORKFLOW_CONDITION_ACTION_DONE,
  RECTIFY_WORKFLOW_CONDITION_ACTION_EVIDENCE,
  /* Leaving Verification */
  RECTIFY_WORKFLOW_CONDITION_VERIFICATION,               /* no review recorded as effective */
  RECTIFY_WORKFLOW_CONDITION_VERIFICATION_NOT_EFFECTIVE, /* the last review: not effective */
  /* The light path */
  RECTIFY_WORKFLOW_CONDITION_RESPONSE,
} RectifyWorkflowCondition;

#define RECTIFY_TYPE_WORKFLOW_CONDITION (rectify_workflow_condition_get_type ())
#define RECTIFY_TYPE_WORKFLOW_MISSING   (rectify_workflow_missing_get_type ())

/* The facts of one linked corrective action. */
typedef struct
{
  const char          *ref;     /* "A-014"; named in messages (the title when NULL) */
  const char          *title;
  gboolean             has_owner;
  gboolean             has_target;
  gboolean             has_success_criterion;
  RectifyActionStatus  status;  /* cancelled actions are left out of every gate */
  guint                n_evidence;
} RectifyActionFacts;

/* A snapshot of the facts of one nonconformity. Strings and the actions array are borrowed. */
typedef struct
{
  const char                *ref;
  RectifyGrade               grade;
  RectifyStatus              status;

  gboolean                   has_statement;
  gboolean                   has_requirement;
  gboolean                   has_evidence;

  gboolean                   has_correction;        /* correction text and date recorded */
  gboolean                   correction_not_needed; /* "none needed" ... */
  gboolean                   has_correction_reason; /* ... with a reason */
  guint                      n_root_causes;         /* causes marked as root causes */

  const RectifyActionFacts  *actions;
  guint                      n_actions;

  gboolean                   approved;              /* by management or the process owner */
  gboolean                   cb_accepted;           /* the CB accepted the CAP */

  gboolean                   has_response;          /* the light path: a response is recorded */

  RectifyVerificationResult  last_verification;     /* PENDING if none */
} RectifyWorkflowFacts;

/* One missing condition. @step is the status whose gate it belongs to (the status being left), or
 * -1 for a condition about the move itself (same status, a skip, ...). @refs names the actions
 * concerned (NULL-terminated, NULL when none). */
typedef struct
{
  RectifyWorkflowCondition  condition;
  int                       step;
  char                     *message;
  char                    **refs;
} RectifyWorkflowMissing;

GType                    rectify_workflow_condition_get_type   (void) G_GNUC_CONST;
GType                    rectify_workflow_missing_get_type     (void) G_GNUC_CONST;

RectifyWorkflowMissing  *rectify_workflow_missing_copy         (const RectifyWorkflowMissing *missing);
void                     rectify_workflow_missing_free         (RectifyWorkflowMissing       *missing);

/* Zeroes @facts: grade major, status reported, nothing recorded, last_verification PENDING. */
void                     rectify_workflow_facts_init           (RectifyWorkflowFacts         *facts);

/* The next status (Closed for Closed) and the previous one (Reported for Reported). */
RectifyStatus            rectify_workflow_next                 (RectifyStatus                 status);
RectifyStatus            rectify_workflow_previous             (RectifyStatus                 status);

/* The kind of a move from @from to @to, by the statuses only (never LIGHT_CLOSE). */
RectifyTransition        rectify_workflow_classify             (RectifyStatus                 from,
                                                                RectifyStatus                 to);
/* The same, for this nonconformity under @policy (nullable: defaults); may give LIGHT_CLOSE. */
RectifyTransition        rectify_workflow_classify_move        (const RectifyWorkflowFacts   *facts,
                                                                const RectifyWorkflowPolicy  *policy,
                                                                RectifyStatus                 to);
/* TRUE if the grade takes the light path under @policy (nullable: defaults). */
gboolean                 rectify_workflow_uses_light_path      (RectifyGrade                  grade,
                                                                const RectifyWorkflowPolicy  *policy);

/* TRUE if the nonconformity described by @facts may move to @to under @policy (nullable:
 * defaults). When it may not, and @missing is not NULL, *@missing is set to a new array
 * (transfer full) of RectifyWorkflowMissing, in the order of the form: the first item is the
 * first thing to fix. When it may, *@missing is set to NULL. */
gboolean                 rectify_workflow_can_move             (const RectifyWorkflowFacts   *facts,
                                                                const RectifyWorkflowPolicy  *policy,
                                                                RectifyStatus                 to,
                                                                GPtrArray                   **missing);

/* The condition of the first missing item, NONE for NULL or an empty array. */
RectifyWorkflowCondition rectify_workflow_first_condition      (GPtrArray                    *missing);

/* The missing items as text for people, one per line; when they belong to more than one step,
 * grouped under "To leave <status>:" lines. Newly allocated; "" for NULL or an empty array. */
char                    *rectify_workflow_describe_missing     (GPtrArray                    *missing);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectifyWorkflowMissing, rectify_workflow_missing_free)

G_END_DECLS
