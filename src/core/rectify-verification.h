/* rectify-verification.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rectify-entity.h"
#include "rectify-enums.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_VERIFICATION (rectify_verification_get_type ())

G_DECLARE_FINAL_TYPE (RectifyVerification, rectify_verification, RECTIFY, VERIFICATION, RectifyEntity)

/* Properties (dates are ISO "YYYY-MM-DD" strings or NULL):
 *   "nc-id"        int64
 *   "due-on"       date
 *   "method"       RectifyVerificationMethod
 *   "verifier"     string
 *   "verified-on"  date
 *   "result"       RectifyVerificationResult
 *   "comment"      string
 */

RectifyVerification       *rectify_verification_new             (void);
gint64                     rectify_verification_get_nc_id       (RectifyVerification *self);
const char                *rectify_verification_get_due_on      (RectifyVerification *self);
RectifyVerificationMethod  rectify_verification_get_method      (RectifyVerification *self);
const char                *rectify_verification_get_verifier    (RectifyVerification *self);
const char                *rectify_verification_get_verified_on (RectifyVerification *self);
RectifyVerificationResult  rectify_verification_get_result      (RectifyVerification *self);
const char                *rectify_verification_get_comment     (RectifyVerification *self);

G_END_DECLS
