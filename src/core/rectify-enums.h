/* rectify-enums.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Statuses of a nonconformity; also the columns of the board. Stored in the register and written
 * on the command line as their nicks ("reported", "action-planned", ...). */
typedef enum
{
  RECTIFY_STATUS_REPORTED,
  RECTIFY_STATUS_ANALYSIS,
  RECTIFY_STATUS_ACTION_PLANNED,
  RECTIFY_STATUS_AWAITING_APPROVAL,
  RECTIFY_STATUS_IMPLEMENTATION,
  RECTIFY_STATUS_VERIFICATION,
  RECTIFY_STATUS_CLOSED,
} RectifyStatus;
#define RECTIFY_N_STATUSES (RECTIFY_STATUS_CLOSED + 1)

typedef enum
{
  RECTIFY_GRADE_MAJOR,
  RECTIFY_GRADE_MINOR,
  RECTIFY_GRADE_OBSERVATION,
  RECTIFY_GRADE_OFI,
} RectifyGrade;
#define RECTIFY_N_GRADES (RECTIFY_GRADE_OFI + 1)

typedef enum
{
  RECTIFY_SOURCE_INTERNAL_AUDIT,
  RECTIFY_SOURCE_EXTERNAL_AUDIT,
  RECTIFY_SOURCE_INCIDENT,
  RECTIFY_SOURCE_MONITORING,
  RECTIFY_SOURCE_MANAGEMENT_REVIEW,
  RECTIFY_SOURCE_COMPLAINT,
  RECTIFY_SOURCE_OTHER,
} RectifySource;
#define RECTIFY_N_SOURCES (RECTIFY_SOURCE_OTHER + 1)

typedef enum
{
  RECTIFY_ACTION_STATUS_PLANNED,
  RECTIFY_ACTION_STATUS_IN_PROGRESS,
  RECTIFY_ACTION_STATUS_DONE,
  RECTIFY_ACTION_STATUS_CANCELLED,
} RectifyActionStatus;
#define RECTIFY_N_ACTION_STATUSES (RECTIFY_ACTION_STATUS_CANCELLED + 1)

typedef enum
{
  RECTIFY_AUDIT_KIND_INTERNAL,
  RECTIFY_AUDIT_KIND_STAGE1,
  RECTIFY_AUDIT_KIND_STAGE2,
  RECTIFY_AUDIT_KIND_SURVEILLANCE,
  RECTIFY_AUDIT_KIND_RECERTIFICATION,
  RECTIFY_AUDIT_KIND_SUPPLIER,
} RectifyAuditKind;
#define RECTIFY_N_AUDIT_KINDS (RECTIFY_AUDIT_KIND_SUPPLIER + 1)

typedef enum
{
  RECTIFY_VERIFICATION_METHOD_DOCUMENT_REVIEW,
  RECTIFY_VERIFICATION_METHOD_FOLLOW_UP_AUDIT,
  RECTIFY_VERIFICATION_METHOD_METRIC,
  RECTIFY_VERIFICATION_METHOD_ON_SITE,
} RectifyVerificationMethod;

typedef enum
{
  RECTIFY_VERIFICATION_RESULT_PENDING,
  RECTIFY_VERIFICATION_RESULT_EFFECTIVE,
  RECTIFY_VERIFICATION_RESULT_NOT_EFFECTIVE,
} RectifyVerificationResult;

#define RECTIFY_TYPE_STATUS               (rectify_status_get_type ())
#define RECTIFY_TYPE_GRADE                (rectify_grade_get_type ())
#define RECTIFY_TYPE_SOURCE               (rectify_source_get_type ())
#define RECTIFY_TYPE_ACTION_STATUS        (rectify_action_status_get_type ())
#define RECTIFY_TYPE_AUDIT_KIND           (rectify_audit_kind_get_type ())
#define RECTIFY_TYPE_VERIFICATION_METHOD  (rectify_verification_method_get_type ())
#define RECTIFY_TYPE_VERIFICATION_RESULT  (rectify_verification_result_get_type ())

GType        rectify_status_get_type              (void) G_GNUC_CONST;
GType        rectify_grade_get_type               (void) G_GNUC_CONST;
GType        rectify_source_get_type              (void) G_GNUC_CONST;
GType        rectify_action_status_get_type       (void) G_GNUC_CONST;
GType        rectify_audit_kind_get_type          (void) G_GNUC_CONST;
GType        rectify_verification_method_get_type (void) G_GNUC_CONST;
GType        rectify_verification_result_get_type (void) G_GNUC_CONST;

/* The lower-case English word of a value ("action-planned", "major"), as stored in the register
 * and used on the command line; NULL if @value is out of range. */
const char  *rectify_enum_to_nick                 (GType        enum_type,
                                                   int          value);
/* Parses a nick (case-insensitive; '_' and ' ' are taken as '-'); FALSE if unknown. */
gboolean     rectify_enum_from_nick               (GType        enum_type,
                                                   const char  *nick,
                                                   int         *value);
/* A translated label for people ("Action planned", "Major", "Internal audit"). */
const char  *rectify_enum_to_label                (GType        enum_type,
                                                   int          value);

G_END_DECLS
