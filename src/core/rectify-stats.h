/* rectify-stats.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rectify-register.h"

G_BEGIN_DECLS

/* Figures for continual improvement (clause 10.1/10.2): counts, trends, overdue items, time to
 * close, actions done on time, recurrence and repeated findings, computed over the whole register,
 * one audit, or the NCs reported within a date range.
 *
 * Definitions (the JSON keys in brackets):
 *
 * Scope. An NC is in scope when it belongs to the audit (if one is given) and its reported-on date
 *   lies within [from, to] (if a range is given; either end may be open; an NC without a
 *   reported-on date is then out of scope). Actions are in scope when they are linked to an NC in
 *   scope; for the whole register (no audit, no range) every action counts, linked or not.
 * Open. An NC is open when its status is not Closed.
 * [by-status] All NCs in scope by status, every status listed (closed included).
 * [open-by-grade], [open-by-source] Open NCs, every value listed.
 * [open-by-area], [open-by-requirement], [open-by-theme] Open NCs, only non-zero entries, most
 *   first (ties by key). The requirement key is the catalogue ref when the catalogue knows it
 *   ("A 8.8" counts as "A.8.8"), else the text as written; "" for none.
 *   Themes: the groups of rectify_catalogue_classify () (the register's theme filter uses the
 *   same): Annex A controls go to their theme ("organizational", "people", "physical",
 *   "technological", labelled with the catalogue's theme); every clause 4-10 goes to one group
 *   "clauses" ("Clauses 4-10": the clause headings are already visible in the requirement
 *   breakdown, and one group keeps the Annex A themes comparable); "none" for an NC without a
 *   requirement, "other" for one the catalogue does not know.
 * [months] NCs in scope opened (reported-on) and closed (closed-on) per calendar month, "YYYY-MM",
 *   contiguous and zero-filled. The months run from the month of @from (else the earliest
 *   reported-on/closed-on in scope) to the month of @to (else the later of @today's month and the
 *   latest date in scope). Empty when there is no date at all.
 * [overdue-ncs] NCs in scope with rectify_nonconformity_is_overdue (@today).
 * [overdue-actions] Actions in scope with rectify_action_is_overdue (@today).
 * [days-to-close] Closed NCs with both a reported-on and a closed-on date: days from reported-on
 *   to closed-on. Median and 90th percentile by LINEAR INTERPOLATION between closest ranks
 *   (h = (n - 1) p; x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]); the "type 7" of
 *   Hyndman and Fan, numpy's default), overall and by grade. NaN (JSON null) with no closed NC.
 * [actions-done] Actions in scope whose status is Done. [actions-done-on-time] those of them
 *   with a done-on and a target-on date and done-on <= target-on; [actions-on-time-share] that
 *   count over the done actions that have both dates (NaN when there is none).
 * [reopened-ncs] Recurrence: NCs in scope with at least one history row "reopened" (written by
 *   rectify_register_move() when a failed effectiveness check, or a manual reopening of a closed
 *   NC, sends it back to Analysis); [reopenings] the number of such rows.
 * [repeated-requirements] Requirements with 2 or more NCs in scope (open or closed), most first
 *   (ties by key).
 */

typedef struct _RectifyStats RectifyStats;

/* One entry of a breakdown. @key is stable (a nick, a catalogue ref, an area as written), @label
 * is for people (translated). */
typedef struct
{
  char  *key;
  char  *label;
  guint  count;
} RectifyStatsCount;

typedef struct
{
  char  *month;   /* "YYYY-MM" */
  guint  opened;
  guint  closed;
} RectifyStatsMonth;

typedef struct
{
  guint  count;   /* closed NCs with both dates */
  double median;  /* NaN when count is 0 */
  double p90;     /* NaN when count is 0 */
} RectifyStatsDuration;

/* Computes the figures. @audit_id: 0 for every audit; @from, @to: "YYYY-MM-DD" or NULL;
 * @today: "YYYY-MM-DD". Fails with RECTIFY_REGISTER_ERROR_INVALID on a date that is not a date or
 * @from after @to, and with a register error when the history cannot be read. */
RectifyStats               *rectify_stats_compute                (RectifyRegister  *reg,
                                                                  gint64            audit_id,
                                                                  const char       *from,
                                                                  const char       *to,
                                                                  const char       *today,
                                                                  GError          **error);
void                        rectify_stats_free                   (RectifyStats     *self);

const char                 *rectify_stats_get_today              (RectifyStats     *self);
/* Title of the audit in scope, or NULL. */
const char                 *rectify_stats_get_audit_title        (RectifyStats     *self);
const char                 *rectify_stats_get_from               (RectifyStats     *self);
const char                 *rectify_stats_get_to                 (RectifyStats     *self);

guint                       rectify_stats_get_n_total            (RectifyStats     *self);
guint                       rectify_stats_get_n_open             (RectifyStats     *self);
guint                       rectify_stats_get_n_closed           (RectifyStats     *self);

/* All NCs in scope with @status. */
guint                       rectify_stats_get_by_status          (RectifyStats     *self,
                                                                  RectifyStatus     status);
/* Open NCs of @grade / from @source. */
guint                       rectify_stats_get_open_by_grade      (RectifyStats     *self,
                                                                  RectifyGrade      grade);
guint                       rectify_stats_get_open_by_source     (RectifyStats     *self,
                                                                  RectifySource     source);
/* (element-type RectifyStatsCount) (transfer none), most first. */
GPtrArray                  *rectify_stats_get_open_by_area       (RectifyStats     *self);
GPtrArray                  *rectify_stats_get_open_by_requirement (RectifyStats    *self);
GPtrArray                  *rectify_stats_get_open_by_theme      (RectifyStats     *self);
GPtrArray                  *rectify_stats_get_repeated_requirements (RectifyStats  *self);
/* The count of @key in a breakdown above; 0 when absent. */
guint                       rectify_stats_count_lookup           (GPtrArray        *counts,
                                                                  const char       *key);

/* (element-type RectifyStatsMonth) (transfer none), oldest first. */
GPtrArray                  *rectify_stats_get_months             (RectifyStats     *self);

/* Refs of the overdue NCs and actions, in ref order (transfer none). */
GPtrArray                  *rectify_stats_get_overdue_ncs        (RectifyStats     *self);
GPtrArray                  *rectify_stats_get_overdue_actions    (RectifyStats     *self);

/* Days to close, overall and by grade (transfer none). */
const RectifyStatsDuration *rectify_stats_get_days_to_close      (RectifyStats     *self);
const RectifyStatsDuration *rectify_stats_get_days_to_close_by_grade (RectifyStats *self,
                                                                  RectifyGrade      grade);

guint                       rectify_stats_get_n_actions          (RectifyStats     *self);
guint                       rectify_stats_get_n_actions_done     (RectifyStats     *self);
guint                       rectify_stats_get_n_actions_on_time  (RectifyStats     *self);
/* Done on time over done actions with both dates; NaN when there is none. */
double                      rectify_stats_get_on_time_share      (RectifyStats     *self);

/* Refs of the NCs reopened at least once, in ref order (transfer none), and the number of
 * reopenings. */
GPtrArray                  *rectify_stats_get_reopened_ncs       (RectifyStats     *self);
guint                       rectify_stats_get_n_reopenings       (RectifyStats     *self);

/* The figures as a JSON object (UTF-8, keys in a fixed order, numbers with a '.' whatever the
 * locale; days and shares rounded to 4 decimals and written with at least one ("50.0"); NaN as
 * null). (transfer full) */
char                       *rectify_stats_to_json                (RectifyStats     *self);

/* Percentile of sorted @values (ascending) by linear interpolation, @p in [0, 1]; NaN when
 * @n_values is 0. Exposed for tests. */
double                      rectify_stats_percentile             (const double     *values,
                                                                  guint             n_values,
                                                                  double            p);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectifyStats, rectify_stats_free)

G_END_DECLS
