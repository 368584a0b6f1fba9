/* rectify-workflow.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-workflow"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rectify-workflow.h"

G_DEFINE_ENUM_TYPE (RectifyWorkflowCondition, rectify_workflow_condition,
  G_DEFINE_ENUM_VALUE (RECTIFY_WORKFLOW_CONDITION_NONE, "none"),
  G_DEFINE_ENUM_VALUE (RECTIFY_WORKFLOW_CONDITION_INVALID_STATUS, "invalid-status"),
  G_DEFINE_ENUM_VALUE (RECTIFY_WORKFLOW_CONDITION_SAME_STATUS, "same-status"),
  G_DEFINE_ENUM_VALUE (RECTIFY_WORKFLOW_CONDITION_ONE_STEP, "one-step"),
  G_DEFINE_ENUM_VALUE (RECTIFY_WORKFLOW_CONDITION_CLOSED, "closed"),
  G_DEFINE_ENUM_VALUE (RECTIFY_WORKFLOW_CONDITION_REOPEN_NOT_EFFECTIVE, "reopen-not-effective"),
  G_DEFINE_ENUM_VALUE (RECTIFY_WORKFLOW_CONDITION_STATEMENT, "statement"),
  G_DEFINE_ENUM_VALUE (RECTIFY_WORKFLOW_CONDITION_REQUIREMENT, "requirement"),
  G_DEFINE_ENUM_VALUE (RECTIFY_WORKFLOW_CONDITION_EVIDENCE, "evidence"),
  G_DEFINE_ENUM_VALUE (RECTIFY_WORKFLOW_CONDITION_CORRECTION, "correction"),
  G_DEFINE_ENUM_VALUE (RECTIFY_WORKFLOW_CONDITION_CORRECTION_REASON, "correction-reason"),
  G_DEFINE_ENUM_VALUE (RECTIFY_WORKFLOW_CONDITION_ROOT_CAUSE, "root-cause"),
  G_DEFINE_ENUM_VALUE (RECTIFY_WORKFLOW_CONDITION_ACTIONS, "actions"),
  G_DEFINE_ENUM_VALUE (RECTIFY_WORKFLOW_CONDITION_ACTION_OWNER, "action-owner"),
  G_DEFINE_ENUM_VALUE (RECTIFY_WORKFLOW_CONDITION_ACTION_TARGET, "action-target"),
  G_DEFINE_ENUM_VALUE (RECTIFY_WORKFLOW_CONDITION_ACTION_CRITERION, "action-criterion"),
  G_DEFINE_ENUM_VALUE (RECTIFY_WORKFLOW_CONDITION_APPROVAL, "approval"),
  G_DEFINE_ENUM_VALUE (RECTIFY_WORKFLOW_CONDITION_CB_ACCEPTANCE, "cb-acceptance"),
  G_DEFINE_ENUM_VALUE (RECTIFY_WORKFLOW_CONDITION_ACTION_DONE, "action-done"),
  G_DEFINE_ENUM_VALUE (RECTIFY_WORKFLOW_CONDITION_ACTION_EVIDENCE, "action-evidence"),
  G_DEFINE_ENUM_VALUE (RECTIFY_WORKFLOW_CONDITION_VERIFICATION, "verification"),
  G_DEFINE_ENUM_VALUE (RECTIFY_WORKFLOW_CONDITION_VERIFICATION_NOT_EFFECTIVE,
                       "verification-not-effective"),
  G_DEFINE_ENUM_VALUE (RECTIFY_WORKFLOW_CONDITION_RESPONSE, "response"))

G_DEFINE_BOXED_TYPE (RectifyWorkflowMissing, rectify_workflow_missing,
                     rectify_workflow_missing_copy, rectify_workflow_missing_free)

/* Which actions an action gate looks at. */
typedef enum
{
  ACTION_CHECK_OWNER,
  ACTION_CHECK_TARGET,
  ACTION_CHECK_CRITERION,
  ACTION_CHECK_DONE,
  ACTION_CHECK_EVIDENCE,
} ActionCheck;

static gboolean
is_valid_status (int status)
{
  return status >= RECTIFY_STATUS_REPORTED && status <= RECTIFY_STATUS_CLOSED;
}

static const char *
status_label (RectifyStatus status)
{
  return rectify_enum_to_label (RECTIFY_TYPE_STATUS, status);
}

static void
add_missing (GPtrArray                *missing,
             RectifyWorkflowCondition  condition,
             int                       step,
             char                     *message,
             char                    **refs)
{
  RectifyWorkflowMissing *item;

  g_assert (missing != NULL);
  g_assert (message != NULL);

  item = g_new0 (RectifyWorkflowMissing, 1);
  item->condition = condition;
  item->step = step;
  item->message = message;
  item->refs = refs;

  g_ptr_array_add (missing, item);
}

static gboolean
action_fails (const RectifyActionFacts *action,
              ActionCheck               check)
{
  switch (check)
    {
    case ACTION_CHECK_OWNER:
      return !action->has_owner;
    case ACTION_CHECK_TARGET:
      return !action->has_target;
    case ACTION_CHECK_CRITERION:
      return !action->has_success_criterion;
    case ACTION_CHECK_DONE:
      return action->status != RECTIFY_ACTION_STATUS_DONE;
    case ACTION_CHECK_EVIDENCE:
      return action->n_evidence == 0;
    default:
      g_assert_not_reached ();
    }

  return FALSE;
}

static guint
count_open_actions (const RectifyWorkflowFacts *facts)
{
  guint n = 0;

  for (guint i = 0; i < facts->n_actions; i++)
    {
      if (facts->actions[i].status != RECTIFY_ACTION_STATUS_CANCELLED)
        n++;
    }

  return n;
}

/* Adds one item naming every non-cancelled action that fails @check. */
static void
check_actions (const RectifyWorkflowFacts *facts,
               ActionCheck                 check,
               RectifyWorkflowCondition    condition,
               int                         step,
               GPtrArray                  *missing)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) refs = NULL;
  g_autofree char *list = NULL;
  guint n = 0;
  char *message = NULL;

  for (guint i = 0; i < facts->n_actions; i++)
    {
      const RectifyActionFacts *action = &facts->actions[i];
      const char *name;

      if (action->status == RECTIFY_ACTION_STATUS_CANCELLED || !action_fails (action, check))
        continue;

      if (action->ref != NULL && action->ref[0] != '\0')
        name = action->ref;
      else if (action->title != NULL && action->title[0] != '\0')
        name = action->title;
      else
        name = _("untitled action");

      g_strv_builder_add (builder, name);
      n++;
    }

  if (n == 0)
    return;

  refs = g_strv_builder_end (builder);
  /* Translators: the separator between the references of a list of actions, "A-014, A-015" */
  list = g_strjoinv (_(", "), refs);

  switch (check)
    {
    case ACTION_CHECK_OWNER:
      /* Translators: %u is the number of actions, %s their references, "A-014, A-015" */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%'u action has no owner: %s",
                                              "%'u actions have no owner: %s", n),
                                 n, list);
      break;

    case ACTION_CHECK_TARGET:
      /* Translators: %u is the number of actions, %s their references, "A-014, A-015" */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%'u action has no target date: %s",
                                              "%'u actions have no target date: %s", n),
                                 n, list);
      break;

    case ACTION_CHECK_CRITERION:
      /* Translators: %u is the number of actions, %s their references, "A-014, A-015" */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%'u action has no success criterion: %s",
                                              "%'u actions have no success criterion: %s", n),
                                 n, list);
      break;

    case ACTION_CHECK_DONE:
      /* Translators: %u is the number of actions, %s their references, "A-014, A-015" */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%'u action is not done: %s",
                                              "%'u actions are not done: %s", n),
                                 n, list);
      break;

    case ACTION_CHECK_EVIDENCE:
      /* Translators: %u is the number of actions, %s their references, "A-014, A-015" */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%'u action has no evidence: %s",
                                              "%'u actions have no evidence: %s", n),
                                 n, list);
      break;

    default:
      g_assert_not_reached ();
    }

  add_missing (missing, condition, step, message, g_steal_pointer (&refs));
}

/* Appends what is missing to move on from @from to the next status; TRUE if nothing is. */
static gboolean
check_gate (const RectifyWorkflowFacts  *facts,
            const RectifyWorkflowPolicy *policy,
            RectifyStatus                from,
            GPtrArray                   *missing)
{
  guint before = missing->len;
  int step = (int)from;

  switch (from)
    {
    case RECTIFY_STATUS_REPORTED:
      if (!facts->has_statement)
        add_missing (missing, RECTIFY_WORKFLOW_CONDITION_STATEMENT, step,
                     g_strdup (_("The statement is empty")), NULL);
      if (!facts->has_requirement)
        add_missing (missing, RECTIFY_WORKFLOW_CONDITION_REQUIREMENT, step,
                     g_strdup (_("No requirement is named (a clause or an Annex A control)")),
                     NULL);
      if (!facts->has_evidence)
        add_missing (missing, RECTIFY_WORKFLOW_CONDITION_EVIDENCE, step,
                     g_strdup (_("The objective evidence is empty")), NULL);
      break;

    case RECTIFY_STATUS_ANALYSIS:
      if (!facts->has_correction && !facts->correction_not_needed)
        add_missing (missing, RECTIFY_WORKFLOW_CONDITION_CORRECTION, step,
                     g_strdup (_("No correction is recorded (or “none needed” with a reason)")),
                     NULL);
      else if (!facts->has_correction && !facts->has_correction_reason)
        add_missing (missing, RECTIFY_WORKFLOW_CONDITION_CORRECTION_REASON, step,
                     g_strdup (_("The correction is marked “none needed” without a reason")),
                     NULL);
      if (facts->n_root_causes == 0)
        add_missing (missing, RECTIFY_WORKFLOW_CONDITION_ROOT_CAUSE, step,
                     g_strdup (_("No root cause is marked")), NULL);
      break;

    case RECTIFY_STATUS_ACTION_PLANNED:
      if (count_open_actions (facts) == 0)
        add_missing (missing, RECTIFY_WORKFLOW_CONDITION_ACTIONS, step,
                     g_strdup (_("No corrective action is linked")), NULL);
      check_actions (facts, ACTION_CHECK_OWNER, RECTIFY_WORKFLOW_CONDITION_ACTION_OWNER,
                     step, missing);
      check_actions (facts, ACTION_CHECK_TARGET, RECTIFY_WORKFLOW_CONDITION_ACTION_TARGET,
                     step, missing);
      check_actions (facts, ACTION_CHECK_CRITERION, RECTIFY_WORKFLOW_CONDITION_ACTION_CRITERION,
                     step, missing);
      break;

    case RECTIFY_STATUS_AWAITING_APPROVAL:
      if (!facts->approved)
        add_missing (missing, RECTIFY_WORKFLOW_CONDITION_APPROVAL, step,
                     g_strdup (_("The plan is not approved by management or the process owner")),
                     NULL);
      if (facts->grade == RECTIFY_GRADE_MAJOR && policy->cb_acceptance_for_major &&
          !facts->cb_accepted)
        add_missing (missing, RECTIFY_WORKFLOW_CONDITION_CB_ACCEPTANCE, step,
                     g_strdup (_("The certification body has not accepted the plan (the policy "
                                 "asks for it for a major nonconformity)")),
                     NULL);
      break;

    case RECTIFY_STATUS_IMPLEMENTATION:
      if (count_open_actions (facts) == 0)
        add_missing (missing, RECTIFY_WORKFLOW_CONDITION_ACTIONS, step,
                     g_strdup (_("No corrective action is linked that is not cancelled")), NULL);
      check_actions (facts, ACTION_CHECK_DONE, RECTIFY_WORKFLOW_CONDITION_ACTION_DONE,
                     step, missing);
      check_actions (facts, ACTION_CHECK_EVIDENCE, RECTIFY_WORKFLOW_CONDITION_ACTION_EVIDENCE,
                     step, missing);
      break;

    case RECTIFY_STATUS_VERIFICATION:
      switch (facts->last_verification)
        {
        case RECTIFY_VERIFICATION_RESULT_EFFECTIVE:
          break;

        case RECTIFY_VERIFICATION_RESULT_NOT_EFFECTIVE:
          add_missing (missing, RECTIFY_WORKFLOW_CONDITION_VERIFICATION_NOT_EFFECTIVE, step,
                       g_strdup (_("The last effectiveness review found the actions not "
                                   "effective: reopen it to Analysis")),
                       NULL);
          break;

        case RECTIFY_VERIFICATION_RESULT_PENDING:
        default:
          add_missing (missing, RECTIFY_WORKFLOW_CONDITION_VERIFICATION, step,
                       g_strdup (_("No effectiveness review is recorded as effective")), NULL);
          break;
        }
      break;

    case RECTIFY_STATUS_CLOSED:
    default:
      g_assert_not_reached ();
    }

  return missing->len == before;
}

/**
 * rectify_workflow_missing_copy:
 * @missing: an item
 *
 * Returns: (transfer full): a deep copy
 */
RectifyWorkflowMissing *
rectify_workflow_missing_copy (const RectifyWorkflowMissing *missing)
{
  RectifyWorkflowMissing *copy;

  g_return_val_if_fail (missing != NULL, NULL);

  copy = g_new0 (RectifyWorkflowMissing, 1);
  copy->condition = missing->condition;
  copy->step = missing->step;
  copy->message = g_strdup (missing->message);
  copy->refs = g_strdupv (missing->refs);

  return copy;
}

void
rectify_workflow_missing_free (RectifyWorkflowMissing *missing)
{
  if (missing == NULL)
    return;

  g_free (missing->message);
  g_strfreev (missing->refs);
  g_free (missing);
}

void
rectify_workflow_facts_init (RectifyWorkflowFacts *facts)
{
  g_return_if_fail (facts != NULL);

  memset (facts, 0, sizeof *facts);
  facts->grade = RECTIFY_GRADE_MAJOR;
  facts->status = RECTIFY_STATUS_REPORTED;
  facts->last_verification = RECTIFY_VERIFICATION_RESULT_PENDING;
}

RectifyStatus
rectify_workflow_next (RectifyStatus status)
{
  g_return_val_if_fail (is_valid_status (status), RECTIFY_STATUS_REPORTED);

  return status == RECTIFY_STATUS_CLOSED ? status : status + 1;
}

RectifyStatus
rectify_workflow_previous (RectifyStatus status)
{
  g_return_val_if_fail (is_valid_status (status), RECTIFY_STATUS_REPORTED);

  return status == RECTIFY_STATUS_REPORTED ? status : status - 1;
}

RectifyTransition
rectify_workflow_classify (RectifyStatus from,
                           RectifyStatus to)
{
  if (!is_valid_status (from) || !is_valid_status (to))
    return RECTIFY_TRANSITION_SKIP;

  if (from == to)
    return RECTIFY_TRANSITION_NONE;

  if (to == RECTIFY_STATUS_ANALYSIS &&
      (from == RECTIFY_STATUS_VERIFICATION || from == RECTIFY_STATUS_CLOSED))
    return RECTIFY_TRANSITION_REOPEN;

  if (from == RECTIFY_STATUS_CLOSED)
    return RECTIFY_TRANSITION_SKIP;

  if ((int)to == (int)from + 1)
    return RECTIFY_TRANSITION_FORWARD;

  if ((int)to == (int)from - 1)
    return RECTIFY_TRANSITION_BACK;

  return RECTIFY_TRANSITION_SKIP;
}

gboolean
rectify_workflow_uses_light_path (RectifyGrade                 grade,
                                  const RectifyWorkflowPolicy *policy)
{
  gboolean light = TRUE;

  if (policy != NULL)
    light = policy->light_path_for_observations;

  return light && (grade == RECTIFY_GRADE_OBSERVATION || grade == RECTIFY_GRADE_OFI);
}

RectifyTransition
rectify_workflow_classify_move (const RectifyWorkflowFacts  *facts,
                                const RectifyWorkflowPolicy *policy,
                                RectifyStatus                to)
{
  g_return_val_if_fail (facts != NULL, RECTIFY_TRANSITION_SKIP);

  if (to == RECTIFY_STATUS_CLOSED && is_valid_status (facts->status) &&
      facts->status != RECTIFY_STATUS_CLOSED &&
      rectify_workflow_uses_light_path (facts->grade, policy))
    return RECTIFY_TRANSITION_LIGHT_CLOSE;

  return rectify_workflow_classify (facts->status, to);
}

/**
 * rectify_workflow_can_move:
 * @facts: the facts of one nonconformity
 * @policy: (nullable): the register's policy; %NULL for the defaults
 * @to: the status to move to
 * @missing: (out) (optional) (nullable) (transfer full) (element-type RectifyWorkflowMissing):
 *   what is missing, or %NULL when the move is allowed
 *
 * Returns: %TRUE if the move is allowed
 */
gboolean
rectify_workflow_can_move (const RectifyWorkflowFacts   *facts,
                           const RectifyWorkflowPolicy  *policy,
                           RectifyStatus                 to,
                           GPtrArray                   **missing)
{
  g_autoptr(GPtrArray) items = NULL;
  RectifyWorkflowPolicy defaults;
  RectifyStatus from;
  const char *ref;

  if (missing != NULL)
    *missing = NULL;

  g_return_val_if_fail (facts != NULL, FALSE);
  g_return_val_if_fail (is_valid_status (facts->status), FALSE);

  if (policy == NULL)
    {
      rectify_policy_init_defaults (&defaults);
      policy = &defaults;
    }

  from = facts->status;
  ref = facts->ref != NULL && facts->ref[0] != '\0' ? facts->ref : NULL;
  items = g_ptr_array_new_with_free_func ((GDestroyNotify)rectify_workflow_missing_free);

  if (!is_valid_status (to))
    {
      add_missing (items, RECTIFY_WORKFLOW_CONDITION_INVALID_STATUS, -1,
                   /* Translators: %d is a number that does not stand for a status */
                   g_strdup_printf (_("Status %d does not exist"), (int)to), NULL);
      goto refused;
    }

  switch (rectify_workflow_classify_move (facts, policy, to))
    {
    case RECTIFY_TRANSITION_NONE:
      if (ref != NULL)
        add_missing (items, RECTIFY_WORKFLOW_CONDITION_SAME_STATUS, -1,
                     /* Translators: the first %s is a reference such as “NC-007”, the second a
                      * status such as “Analysis” */
                     g_strdup_printf (_("%s is already in “%s”"), ref, status_label (from)),
                     NULL);
      else
        add_missing (items, RECTIFY_WORKFLOW_CONDITION_SAME_STATUS, -1,
                     /* Translators: %s is a status such as “Analysis” */
                     g_strdup_printf (_("The nonconformity is already in “%s”"),
                                      status_label (from)),
                     NULL);
      break;

    case RECTIFY_TRANSITION_FORWARD:
      check_gate (facts, policy, from, items);
      break;

    case RECTIFY_TRANSITION_BACK:
      break;

    case RECTIFY_TRANSITION_REOPEN:
      if (from == RECTIFY_STATUS_VERIFICATION &&
          facts->last_verification != RECTIFY_VERIFICATION_RESULT_NOT_EFFECTIVE)
        add_missing (items, RECTIFY_WORKFLOW_CONDITION_REOPEN_NOT_EFFECTIVE, -1,
                     g_strdup (_("Only an effectiveness review recorded as not effective sends "
                                 "it back to Analysis")),
                     NULL);
      break;

    case RECTIFY_TRANSITION_LIGHT_CLOSE:
      if (facts->has_response)
        break;
      if (from == RECTIFY_STATUS_VERIFICATION &&
          facts->last_verification == RECTIFY_VERIFICATION_RESULT_EFFECTIVE)
        break;
      add_missing (items, RECTIFY_WORKFLOW_CONDITION_RESPONSE, -1,
                   g_strdup (_("No response is recorded")), NULL);
      break;

    case RECTIFY_TRANSITION_SKIP:
    default:
      if (from == RECTIFY_STATUS_CLOSED)
        {
          add_missing (items, RECTIFY_WORKFLOW_CONDITION_CLOSED, -1,
                       g_strdup (_("A closed nonconformity can only be reopened to Analysis")),
                       NULL);
        }
      else if (to > from)
        {
          add_missing (items, RECTIFY_WORKFLOW_CONDITION_ONE_STEP, -1,
                       /* Translators: both %s are statuses, such as “Reported” and “Analysis” */
                       g_strdup_printf (_("Moves go one step at a time: from “%s” the next status "
                                          "is “%s”"),
                                        status_label (from),
                                        status_label (rectify_workflow_next (from))),
                       NULL);
          for (RectifyStatus s = from; s < to; s++)
            check_gate (facts, policy, s, items);
        }
      else
        {
          add_missing (items, RECTIFY_WORKFLOW_CONDITION_ONE_STEP, -1,
                       /* Translators: both %s are statuses, such as “Implementation” and
                        * “Awaiting approval” */
                       g_strdup_printf (_("Moves go one step at a time: from “%s” the previous "
                                          "status is “%s”"),
                                        status_label (from),
                                        status_label (rectify_workflow_previous (from))),
                       NULL);
        }
      break;
    }

refused:
  if (items->len == 0)
    return TRUE;

  if (missing != NULL)
    *missing = g_steal_pointer (&items);

  return FALSE;
}

RectifyWorkflowCondition
rectify_workflow_first_condition (GPtrArray *missing)
{
  const RectifyWorkflowMissing *first;

  if (missing == NULL || missing->len == 0)
    return RECTIFY_WORKFLOW_CONDITION_NONE;

  /* The move-level items (a skip) come first; the first thing to fix is the first gate item. */
  for (guint i = 0; i < missing->len; i++)
    {
      const RectifyWorkflowMissing *item = g_ptr_array_index (missing, i);

      if (item->step >= 0)
        return item->condition;
    }

  first = g_ptr_array_index (missing, 0);

  return first->condition;
}

/**
 * rectify_workflow_describe_missing:
 * @missing: (nullable) (element-type RectifyWorkflowMissing): from rectify_workflow_can_move()
 *
 * Returns: (transfer full): the text for people
 */
char *
rectify_workflow_describe_missing (GPtrArray *missing)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean grouped = FALSE;
  int first_step = -1;
  int current_step = -1;

  if (missing == NULL)
    return g_string_free (g_steal_pointer (&text), FALSE);

  for (guint i = 0; i < missing->len; i++)
    {
      const RectifyWorkflowMissing *item = g_ptr_array_index (missing, i);

      if (item->step < 0)
        continue;
      if (first_step < 0)
        first_step = item->step;
      else if (item->step != first_step)
        grouped = TRUE;
    }

  for (guint i = 0; i < missing->len; i++)
    {
      const RectifyWorkflowMissing *item = g_ptr_array_index (missing, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');

      if (grouped && item->step >= 0)
        {
          if (item->step != current_step)
            {
              current_step = item->step;
              /* Translators: %s is a status such as “Analysis”; a list of what is missing to move
               * on from it follows */
              g_string_append_printf (text, _("To leave “%s”:"),
                                      status_label ((RectifyStatus)item->step));
              g_string_append_c (text, '\n');
            }
          g_string_append (text, "  ");
        }

      g_string_append (text, item->message);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
