/* rectify-policy.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-policy"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rectify-date.h"
#include "rectify-policy.h"

typedef enum
{
  KEY_DAYS,
  KEY_BOOLEAN,
} KeyKind;

typedef struct
{
  const char *key;
  KeyKind     kind;
  gsize       offset;
} KeyInfo;

static const KeyInfo key_infos[] = {
  { RECTIFY_POLICY_KEY_CAP_DUE_DAYS, KEY_DAYS, G_STRUCT_OFFSET (RectifyPolicy, cap_due_days) },
  { RECTIFY_POLICY_KEY_MAJOR_DAYS, KEY_DAYS, G_STRUCT_OFFSET (RectifyPolicy, major_days) },
  { RECTIFY_POLICY_KEY_MINOR_DAYS, KEY_DAYS, G_STRUCT_OFFSET (RectifyPolicy, minor_days) },
  { RECTIFY_POLICY_KEY_OBSERVATION_DAYS, KEY_DAYS,
    G_STRUCT_OFFSET (RectifyPolicy, observation_days) },
  { RECTIFY_POLICY_KEY_EFFECTIVENESS_DAYS, KEY_DAYS,
    G_STRUCT_OFFSET (RectifyPolicy, effectiveness_days) },
  { RECTIFY_POLICY_KEY_CB_ACCEPTANCE, KEY_BOOLEAN,
    G_STRUCT_OFFSET (RectifyPolicy, cb_acceptance_for_major) },
  { RECTIFY_POLICY_KEY_LIGHT_PATH, KEY_BOOLEAN,
    G_STRUCT_OFFSET (RectifyPolicy, light_path_for_observations) },
};

static const char * const keys[] = {
  RECTIFY_POLICY_KEY_CAP_DUE_DAYS,
  RECTIFY_POLICY_KEY_MAJOR_DAYS,
  RECTIFY_POLICY_KEY_MINOR_DAYS,
  RECTIFY_POLICY_KEY_OBSERVATION_DAYS,
  RECTIFY_POLICY_KEY_EFFECTIVENESS_DAYS,
  RECTIFY_POLICY_KEY_CB_ACCEPTANCE,
  RECTIFY_POLICY_KEY_LIGHT_PATH,
  NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (keys) == G_N_ELEMENTS (key_infos) + 1);

G_DEFINE_QUARK (rectify-policy-error-quark, rectify_policy_error)

static const KeyInfo *
find_key (const char *key)
{
  if (key == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (key_infos); i++)
    {
      if (strcmp (key_infos[i].key, key) == 0)
        return &key_infos[i];
    }

  return NULL;
}

static gboolean
parse_days (const char *value,
            guint      *days)
{
  guint64 v = 0;
  gsize len;

  g_assert (days != NULL);

  if (value == NULL || value[0] == '\0')
    return FALSE;

  len = strlen (value);
  if (len > 9)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (value[i]))
        return FALSE;
      v = v * 10 + (guint64)(value[i] - '0');
    }

  if (v > RECTIFY_POLICY_MAX_DAYS)
    return FALSE;

  *days = (guint)v;

  return TRUE;
}

static gboolean
parse_boolean (const char *value,
               gboolean   *b)
{
  static const char *yes[] = { "true", "yes", "1" };
  static const char *no[] = { "false", "no", "0" };

  g_assert (b != NULL);

  if (value == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    {
      if (g_ascii_strcasecmp (value, yes[i]) == 0)
        {
          *b = TRUE;
          return TRUE;
        }
      if (g_ascii_strcasecmp (value, no[i]) == 0)
        {
          *b = FALSE;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * rectify_policy_init_defaults:
 * @policy: the policy to fill
 *
 * Sets the defaults of design.md: CAP due in 30 days, a major within 90 days, a minor within 365,
 * no due date for observations and OFIs, the effectiveness review 90 days after the last action
 * is done; CB acceptance for majors and the light path for observations are on.
 */
void
rectify_policy_init_defaults (RectifyPolicy *policy)
{
  g_return_if_fail (policy != NULL);

  memset (policy, 0, sizeof *policy);
  policy->cap_due_days = 30;
  policy->major_days = 90;
  policy->minor_days = 365;
  policy->observation_days = 0;
  policy->effectiveness_days = 90;
  policy->cb_acceptance_for_major = TRUE;
  policy->light_path_for_observations = TRUE;
}

gboolean
rectify_policy_equal (const RectifyPolicy *a,
                      const RectifyPolicy *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return a->cap_due_days == b->cap_due_days &&
         a->major_days == b->major_days &&
         a->minor_days == b->minor_days &&
         a->observation_days == b->observation_days &&
         a->effectiveness_days == b->effectiveness_days &&
         !a->cb_acceptance_for_major == !b->cb_acceptance_for_major &&
         !a->light_path_for_observations == !b->light_path_for_observations;
}

/**
 * rectify_policy_get_keys:
 *
 * Returns: (transfer none) (array zero-terminated=1): the policy keys
 */
const char * const *
rectify_policy_get_keys (void)
{
  return keys;
}

gboolean
rectify_policy_is_key (const char *key)
{
  return find_key (key) != NULL;
}

/**
 * rectify_policy_set_value:
 * @policy: the policy to change
 * @key: a policy key, such as "policy.major-days"
 * @value: (nullable): its value as stored
 * @error: return location for a #RECTIFY_POLICY_ERROR
 *
 * Returns: %TRUE if @value was valid and stored in @policy
 */
gboolean
rectify_policy_set_value (RectifyPolicy  *policy,
                          const char     *key,
                          const char     *value,
                          GError        **error)
{
  const KeyInfo *info;

  g_return_val_if_fail (policy != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  info = find_key (key);
  if (info == NULL)
    {
      g_set_error (error, RECTIFY_POLICY_ERROR, RECTIFY_POLICY_ERROR_UNKNOWN_KEY,
                   /* Translators: %s is a setting name such as “policy.major-days” */
                   _("“%s” is not a policy setting"), key);
      return FALSE;
    }

  switch (info->kind)
    {
    case KEY_DAYS:
      {
        guint days;

        if (!parse_days (value, &days))
          {
            g_set_error (error, RECTIFY_POLICY_ERROR, RECTIFY_POLICY_ERROR_INVALID_VALUE,
                         /* Translators: the first %s is a setting name such as
                          * “policy.major-days”, the second its value, %d the largest number */
                         _("The policy setting “%s” has the value “%s”: it must be a whole number "
                           "of days from 0 to %d"),
                         key, value != NULL ? value : "", RECTIFY_POLICY_MAX_DAYS);
            return FALSE;
          }
        G_STRUCT_MEMBER (guint, policy, info->offset) = days;
      }
      break;

    case KEY_BOOLEAN:
      {
        gboolean b;

        if (!parse_boolean (value, &b))
          {
            g_set_error (error, RECTIFY_POLICY_ERROR, RECTIFY_POLICY_ERROR_INVALID_VALUE,
                         /* Translators: the first %s is a setting name such as
                          * “policy.light-path-for-observations”, the second its value; keep
                          * “true” and “false” untranslated */
                         _("The policy setting “%s” has the value “%s”: it must be “true” or "
                           "“false”"),
                         key, value != NULL ? value : "");
            return FALSE;
          }
        G_STRUCT_MEMBER (gboolean, policy, info->offset) = b;
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

/**
 * rectify_policy_get_value:
 *
 * Returns: (transfer full) (nullable): the stored form of @key's value
 */
char *
rectify_policy_get_value (const RectifyPolicy *policy,
                          const char          *key)
{
  const KeyInfo *info;

  g_return_val_if_fail (policy != NULL, NULL);

  info = find_key (key);
  if (info == NULL)
    return NULL;

  switch (info->kind)
    {
    case KEY_DAYS:
      return g_strdup_printf ("%u", G_STRUCT_MEMBER (guint, policy, info->offset));

    case KEY_BOOLEAN:
      return g_strdup (G_STRUCT_MEMBER (gboolean, policy, info->offset) ? "true" : "false");

    default:
      g_assert_not_reached ();
    }

  return NULL;
}

/**
 * rectify_policy_load:
 * @policy: the policy to fill
 * @lookup: (scope call): returns the stored value of a key, or %NULL
 * @user_data: data for @lookup
 * @error: return location for a #RECTIFY_POLICY_ERROR
 *
 * Returns: %TRUE if every stored value was valid; on %FALSE, @policy is unchanged
 */
gboolean
rectify_policy_load (RectifyPolicy            *policy,
                     RectifyPolicyLookupFunc   lookup,
                     gpointer                  user_data,
                     GError                  **error)
{
  RectifyPolicy loaded;

  g_return_val_if_fail (policy != NULL, FALSE);
  g_return_val_if_fail (lookup != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  rectify_policy_init_defaults (&loaded);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *value = lookup (keys[i], user_data);

      if (value == NULL)
        continue;

      if (!rectify_policy_set_value (&loaded, keys[i], value, error))
        return FALSE;
    }

  *policy = loaded;

  return TRUE;
}

/**
 * rectify_policy_foreach_key:
 * @policy: a policy
 * @func: (scope call): called with each key and its stored value
 * @user_data: data for @func
 */
void
rectify_policy_foreach_key (const RectifyPolicy      *policy,
                            RectifyPolicyForeachFunc  func,
                            gpointer                  user_data)
{
  g_return_if_fail (policy != NULL);
  g_return_if_fail (func != NULL);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *value = rectify_policy_get_value (policy, keys[i]);

      func (keys[i], value, user_data);
    }
}

static char *
add_days_or_null (const char *start,
                  guint       days)
{
  if (days == 0 || start == NULL)
    return NULL;

  return rectify_date_add_days (start, (int)days);
}

/**
 * rectify_policy_compute_deadlines:
 * @policy: (nullable): the policy; %NULL for the defaults
 * @grade: the grade of the nonconformity
 * @reported_on: (nullable): when it was reported
 * @audit_ends_on: (nullable): the last day of the audit it came from
 * @last_action_done_on: (nullable): when its last linked action was done
 * @deadlines: (out caller-allocates): the deadlines
 *
 * Returns: %FALSE when there is no date to count from
 */
gboolean
rectify_policy_compute_deadlines (const RectifyPolicy *policy,
                                  RectifyGrade         grade,
                                  const char          *reported_on,
                                  const char          *audit_ends_on,
                                  const char          *last_action_done_on,
                                  RectifyDeadlines    *deadlines)
{
  RectifyPolicy defaults;
  const char *base = NULL;
  guint due_days = 0;
  gboolean needs_cap = FALSE;

  g_return_val_if_fail (deadlines != NULL, FALSE);

  memset (deadlines, 0, sizeof *deadlines);

  if (policy == NULL)
    {
      rectify_policy_init_defaults (&defaults);
      policy = &defaults;
    }

  if (rectify_date_parse (audit_ends_on, NULL))
    base = audit_ends_on;
  else if (rectify_date_parse (reported_on, NULL))
    base = reported_on;
  else
    return FALSE;

  switch (grade)
    {
    case RECTIFY_GRADE_MAJOR:
      due_days = policy->major_days;
      needs_cap = TRUE;
      break;

    case RECTIFY_GRADE_MINOR:
      due_days = policy->minor_days;
      needs_cap = TRUE;
      break;

    case RECTIFY_GRADE_OBSERVATION:
    case RECTIFY_GRADE_OFI:
      due_days = policy->observation_days;
      needs_cap = FALSE;
      break;

    default:
      g_return_val_if_reached (FALSE);
    }

  if (needs_cap)
    deadlines->cap_due_on = add_days_or_null (base, policy->cap_due_days);
  deadlines->due_on = add_days_or_null (base, due_days);

  if (rectify_date_parse (last_action_done_on, NULL))
    deadlines->effectiveness_due_on = add_days_or_null (last_action_done_on,
                                                        policy->effectiveness_days);

  return TRUE;
}

void
rectify_deadlines_clear (RectifyDeadlines *deadlines)
{
  g_return_if_fail (deadlines != NULL);

  g_clear_pointer (&deadlines->cap_due_on, g_free);
  g_clear_pointer (&deadlines->due_on, g_free);
  g_clear_pointer (&deadlines->effectiveness_due_on, g_free);
}

static gboolean
is_past (const char *due_on,
         const char *today)
{
  int days;

  if (due_on == NULL)
    return FALSE;

  return rectify_date_days_between (due_on, today, &days) && days > 0;
}

/**
 * rectify_deadlines_get_overdue:
 * @deadlines: the deadlines of a nonconformity
 * @status: its status
 * @today: today's date, "YYYY-MM-DD"
 *
 * A deadline is passed the day after its date.
 *
 * Returns: the deadlines that are overdue
 */
RectifyOverdue
rectify_deadlines_get_overdue (const RectifyDeadlines *deadlines,
                               RectifyStatus           status,
                               const char             *today)
{
  RectifyOverdue overdue = RECTIFY_OVERDUE_NONE;

  g_return_val_if_fail (deadlines != NULL, RECTIFY_OVERDUE_NONE);

  if (status == RECTIFY_STATUS_CLOSED || !rectify_date_parse (today, NULL))
    return RECTIFY_OVERDUE_NONE;

  if (status <= RECTIFY_STATUS_ACTION_PLANNED && is_past (deadlines->cap_due_on, today))
    overdue |= RECTIFY_OVERDUE_CAP;
  if (is_past (deadlines->due_on, today))
    overdue |= RECTIFY_OVERDUE_DUE;
  if (is_past (deadlines->effectiveness_due_on, today))
    overdue |= RECTIFY_OVERDUE_EFFECTIVENESS;

  return overdue;
}
