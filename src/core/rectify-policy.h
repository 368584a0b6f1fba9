/* rectify-policy.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rectify-enums.h"

G_BEGIN_DECLS

/* The per-register policy: deadlines and the choices of the workflow that a certification body
 * may set differently. A plain struct, pure code: no SQLite. The register keeps it in
 * register_info as string pairs ("policy.cap-due-days" = "30", ...), read with
 * rectify_policy_load() and written with rectify_policy_foreach_key().
 *
 * Every *_days field counts calendar days; 0 turns that deadline off. */
typedef struct
{
  /* Deadlines */
  guint    cap_due_days;                /* CAP due after the audit ends (or the NC is reported): 30 */
  guint    major_days;                  /* a major implemented and verified within: 90 */
  guint    minor_days;                  /* a minor, before the next surveillance audit: 365 */
  guint    observation_days;            /* an observation or OFI: 0 (no due date) */
  guint    effectiveness_days;          /* effectiveness review after the last action is done: 90 */

  /* Workflow */
  gboolean cb_acceptance_for_major;     /* a major also needs the CB to accept the CAP: TRUE */
  gboolean light_path_for_observations; /* observations and OFIs may close on a response: TRUE */
} RectifyPolicy;

/* The same struct under the names the workflow and the deadlines code use. */
typedef RectifyPolicy RectifyWorkflowPolicy;
typedef RectifyPolicy RectifyDeadlinePolicy;

#define RECTIFY_POLICY_MAX_DAYS 3650

#define RECTIFY_POLICY_KEY_CAP_DUE_DAYS          "policy.cap-due-days"
#define RECTIFY_POLICY_KEY_MAJOR_DAYS            "policy.major-days"
#define RECTIFY_POLICY_KEY_MINOR_DAYS            "policy.minor-days"
#define RECTIFY_POLICY_KEY_OBSERVATION_DAYS      "policy.observation-days"
#define RECTIFY_POLICY_KEY_EFFECTIVENESS_DAYS    "policy.effectiveness-days"
#define RECTIFY_POLICY_KEY_CB_ACCEPTANCE         "policy.cb-acceptance-for-major"
#define RECTIFY_POLICY_KEY_LIGHT_PATH            "policy.light-path-for-observations"

#define RECTIFY_POLICY_ERROR (rectify_policy_error_quark ())

typedef enum
{
  RECTIFY_POLICY_ERROR_INVALID_VALUE, /* not a number / boolean, negative, or too large */
  RECTIFY_POLICY_ERROR_UNKNOWN_KEY,   /* rectify_policy_set_value() with a key that is not ours */
} RectifyPolicyError;

/* Returns the stored string for @key (transfer full), or NULL when the key is not set. Fits a
 * thin wrapper around rectify_register_get_info(). */
typedef char *(*RectifyPolicyLookupFunc)  (const char *key,
                                           gpointer    user_data);
typedef void  (*RectifyPolicyForeachFunc) (const char *key,
                                           const char *value,
                                           gpointer    user_data);

GQuark       rectify_policy_error_quark    (void);

void         rectify_policy_init_defaults  (RectifyPolicy           *policy);
gboolean     rectify_policy_equal          (const RectifyPolicy     *a,
                                            const RectifyPolicy     *b);

/* The keys, in a stable order, NULL-terminated (transfer none). */
const char * const *rectify_policy_get_keys (void);
/* TRUE if @key is one of the policy keys. */
gboolean     rectify_policy_is_key         (const char              *key);

/* Parses @value for @key into @policy. Integers: decimal digits only, 0 to
 * RECTIFY_POLICY_MAX_DAYS. Booleans: true/false, yes/no, 1/0 (any case). On error @policy is
 * unchanged and the message names the key and the value. */
gboolean     rectify_policy_set_value      (RectifyPolicy           *policy,
                                            const char              *key,
                                            const char              *value,
                                            GError                 **error);
/* The value of @key as it is stored ("30", "true"); NULL for an unknown key. */
char        *rectify_policy_get_value      (const RectifyPolicy     *policy,
                                            const char              *key);

/* Fills @policy from the defaults, then from every key @lookup returns a value for. The first bad
 * value gives an error and leaves @policy unchanged. */
gboolean     rectify_policy_load           (RectifyPolicy           *policy,
                                            RectifyPolicyLookupFunc  lookup,
                                            gpointer                 user_data,
                                            GError                 **error);
/* Calls @func once for every key, in the order of rectify_policy_get_keys(). */
void         rectify_policy_foreach_key    (const RectifyPolicy     *policy,
                                            RectifyPolicyForeachFunc func,
                                            gpointer                 user_data);

/* Deadlines of one nonconformity, as ISO dates (NULL: no such deadline). */
typedef struct
{
  char *cap_due_on;           /* corrective action plan due */
  char *due_on;               /* implemented and verified by */
  char *effectiveness_due_on; /* effectiveness review due; only once the last action is done */
} RectifyDeadlines;

/* Computes the deadlines. The base date is @audit_ends_on when it is a date, else @reported_on.
 * - cap_due_on: base + cap_due_days, for majors and minors (observations and OFIs need no CAP);
 * - due_on: base + major_days / minor_days / observation_days by grade;
 * - effectiveness_due_on: @last_action_done_on + effectiveness_days, any grade.
 * A deadline whose days are 0, or whose start date is missing, is NULL. @deadlines is
 * overwritten (clear it first if it holds dates). Returns FALSE, with every field NULL, when
 * neither @reported_on nor @audit_ends_on is a date. */
gboolean     rectify_policy_compute_deadlines (const RectifyPolicy  *policy,
                                               RectifyGrade          grade,
                                               const char           *reported_on,
                                               const char           *audit_ends_on,
                                               const char           *last_action_done_on,
                                               RectifyDeadlines     *deadlines);
void         rectify_deadlines_clear          (RectifyDeadlines     *deadlines);

/* Which deadlines a nonconformity in @status has passed on @today ("YYYY-MM-DD"). The CAP counts
 * until the plan goes for approval (Reported to Action planned), the due date and the
 * effectiveness review until it is closed; nothing is overdue once closed. */
typedef enum
{
  RECTIFY_OVERDUE_NONE          = 0,
  RECTIFY_OVERDUE_CAP           = 1 << 0,
  RECTIFY_OVERDUE_DUE           = 1 << 1,
  RECTIFY_OVERDUE_EFFECTIVENESS = 1 << 2,
} RectifyOverdue;

RectifyOverdue rectify_deadlines_get_overdue  (const RectifyDeadlines *deadlines,
                                               RectifyStatus           status,
                                               const char             *today);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RectifyDeadlines, rectify_deadlines_clear)

G_END_DECLS
