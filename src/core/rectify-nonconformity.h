/* rectify-nonconformity.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rectify-entity.h"
#include "rectify-enums.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_NONCONFORMITY (rectify_nonconformity_get_type ())

G_DECLARE_FINAL_TYPE (RectifyNonconformity, rectify_nonconformity, RECTIFY, NONCONFORMITY, RectifyEntity)

/* Properties (all readable, writable and notifying; dates are ISO "YYYY-MM-DD" strings or NULL,
 * timestamps ISO 8601 UTC strings):
 *   "ref"            string  "NC-001"; unique in the register
 *   "title"          string  short title
 *   "statement"      string  the nonconformity statement
 *   "requirement"    string  catalogue ref of the requirement breached ("A.5.15", "9.2")
 *   "evidence"       string  objective evidence
 *   "area"           string  affected process, department or area
 *   "source"         RectifySource
 *   "audit-id"       int64   the audit it came from, 0 for none
 *   "occurred-on"    date    when it occurred
 *   "location"       string  where it occurred (site)
 *   "reported-by"    string
 *   "reported-on"    date
 *   "owner"          string  process owner responsible
 *   "grade"          RectifyGrade
 *   "correction"     string  immediate correction / containment
 *   "correction-on"  date
 *   "status"         RectifyStatus
 *   "cap-due-on"     date    corrective action plan due
 *   "due-on"         date    implementation and verification due
 *   "closed-on"      date
 *   "created-at"     timestamp
 *   "updated-at"     timestamp
 *   "correction-by"  string  who made the immediate correction
 *   "correction-not-needed" boolean  no immediate correction is needed ...
 *   "correction-reason"     string   ... and why
 *   "closed-by"      string  who closed it (set by rectify_register_move())
 */

RectifyNonconformity *rectify_nonconformity_new             (void);
const char           *rectify_nonconformity_get_ref         (RectifyNonconformity *self);
const char           *rectify_nonconformity_get_title       (RectifyNonconformity *self);
const char           *rectify_nonconformity_get_statement   (RectifyNonconformity *self);
const char           *rectify_nonconformity_get_requirement (RectifyNonconformity *self);
const char           *rectify_nonconformity_get_evidence    (RectifyNonconformity *self);
const char           *rectify_nonconformity_get_area        (RectifyNonconformity *self);
RectifySource         rectify_nonconformity_get_source      (RectifyNonconformity *self);
gint64                rectify_nonconformity_get_audit_id    (RectifyNonconformity *self);
const char           *rectify_nonconformity_get_occurred_on (RectifyNonconformity *self);
const char           *rectify_nonconformity_get_location    (RectifyNonconformity *self);
const char           *rectify_nonconformity_get_reported_by (RectifyNonconformity *self);
const char           *rectify_nonconformity_get_reported_on (RectifyNonconformity *self);
const char           *rectify_nonconformity_get_owner       (RectifyNonconformity *self);
RectifyGrade          rectify_nonconformity_get_grade       (RectifyNonconformity *self);
const char           *rectify_nonconformity_get_correction  (RectifyNonconformity *self);
const char           *rectify_nonconformity_get_correction_on (RectifyNonconformity *self);
RectifyStatus         rectify_nonconformity_get_status      (RectifyNonconformity *self);
const char           *rectify_nonconformity_get_cap_due_on  (RectifyNonconformity *self);
const char           *rectify_nonconformity_get_due_on      (RectifyNonconformity *self);
const char           *rectify_nonconformity_get_closed_on   (RectifyNonconformity *self);
const char           *rectify_nonconformity_get_created_at  (RectifyNonconformity *self);
const char           *rectify_nonconformity_get_updated_at  (RectifyNonconformity *self);
const char           *rectify_nonconformity_get_correction_by (RectifyNonconformity *self);
gboolean              rectify_nonconformity_get_correction_not_needed (RectifyNonconformity *self);
const char           *rectify_nonconformity_get_correction_reason (RectifyNonconformity *self);
const char           *rectify_nonconformity_get_closed_by   (RectifyNonconformity *self);
/* TRUE when the NC is not closed and @today (ISO date) is after its due date. */
gboolean              rectify_nonconformity_is_overdue      (RectifyNonconformity *self,
                                                             const char           *today);
/* Days from @today to the due date (negative when overdue); FALSE when there is no due date. */
gboolean              rectify_nonconformity_get_days_left   (RectifyNonconformity *self,
                                                             const char           *today,
                                                             int                  *days_left);

G_END_DECLS
