/* rectify-audit.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rectify-entity.h"
#include "rectify-enums.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_AUDIT (rectify_audit_get_type ())

G_DECLARE_FINAL_TYPE (RectifyAudit, rectify_audit, RECTIFY, AUDIT, RectifyEntity)

/* Properties (dates are ISO "YYYY-MM-DD" strings or NULL):
 *   "title"               string  "Internal audit Q1 2026"; unique in the register
 *   "kind"                RectifyAuditKind
 *   "starts-on"           date
 *   "ends-on"             date
 *   "lead-auditor"        string
 *   "certification-body"  string
 *   "scope"               string
 */

RectifyAudit     *rectify_audit_new                    (void);
const char       *rectify_audit_get_title              (RectifyAudit *self);
RectifyAuditKind  rectify_audit_get_kind               (RectifyAudit *self);
const char       *rectify_audit_get_starts_on          (RectifyAudit *self);
const char       *rectify_audit_get_ends_on            (RectifyAudit *self);
const char       *rectify_audit_get_lead_auditor       (RectifyAudit *self);
const char       *rectify_audit_get_certification_body (RectifyAudit *self);
const char       *rectify_audit_get_scope              (RectifyAudit *self);

G_END_DECLS
