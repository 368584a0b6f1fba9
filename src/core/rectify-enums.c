/* rectify-enums.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-enums"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rectify-enums.h"

G_DEFINE_ENUM_TYPE (RectifyStatus, rectify_status,
  G_DEFINE_ENUM_VALUE (RECTIFY_STATUS_REPORTED, "reported"),
  G_DEFINE_ENUM_VALUE (RECTIFY_STATUS_ANALYSIS, "analysis"),
  G_DEFINE_ENUM_VALUE (RECTIFY_STATUS_ACTION_PLANNED, "action-planned"),
  G_DEFINE_ENUM_VALUE (RECTIFY_STATUS_AWAITING_APPROVAL, "awaiting-approval"),
  G_DEFINE_ENUM_VALUE (RECTIFY_STATUS_IMPLEMENTATION, "implementation"),
  G_DEFINE_ENUM_VALUE (RECTIFY_STATUS_VERIFICATION, "verification"),
  G_DEFINE_ENUM_VALUE (RECTIFY_STATUS_CLOSED, "closed"))

G_DEFINE_ENUM_TYPE (RectifyGrade, rectify_grade,
  G_DEFINE_ENUM_VALUE (RECTIFY_GRADE_MAJOR, "major"),
  G_DEFINE_ENUM_VALUE (RECTIFY_GRADE_MINOR, "minor"),
  G_DEFINE_ENUM_VALUE (RECTIFY_GRADE_OBSERVATION, "observation"),
  G_DEFINE_ENUM_VALUE (RECTIFY_GRADE_OFI, "ofi"))

G_DEFINE_ENUM_TYPE (RectifySource, rectify_source,
  G_DEFINE_ENUM_VALUE (RECTIFY_SOURCE_INTERNAL_AUDIT, "internal-audit"),
  G_DEFINE_ENUM_VALUE (RECTIFY_SOURCE_EXTERNAL_AUDIT, "external-audit"),
  G_DEFINE_ENUM_VALUE (RECTIFY_SOURCE_INCIDENT, "incident"),
  G_DEFINE_ENUM_VALUE (RECTIFY_SOURCE_MONITORING, "monitoring"),
  G_DEFINE_ENUM_VALUE (RECTIFY_SOURCE_MANAGEMENT_REVIEW, "management-review"),
  G_DEFINE_ENUM_VALUE (RECTIFY_SOURCE_COMPLAINT, "complaint"),
  G_DEFINE_ENUM_VALUE (RECTIFY_SOURCE_OTHER, "other"))

G_DEFINE_ENUM_TYPE (RectifyActionStatus, rectify_action_status,
  G_DEFINE_ENUM_VALUE (RECTIFY_ACTION_STATUS_PLANNED, "planned"),
  G_DEFINE_ENUM_VALUE (RECTIFY_ACTION_STATUS_IN_PROGRESS, "in-progress"),
  G_DEFINE_ENUM_VALUE (RECTIFY_ACTION_STATUS_DONE, "done"),
  G_DEFINE_ENUM_VALUE (RECTIFY_ACTION_STATUS_CANCELLED, "cancelled"))

G_DEFINE_ENUM_TYPE (RectifyAuditKind, rectify_audit_kind,
  G_DEFINE_ENUM_VALUE (RECTIFY_AUDIT_KIND_INTERNAL, "internal"),
  G_DEFINE_ENUM_VALUE (RECTIFY_AUDIT_KIND_STAGE1, "stage-1"),
  G_DEFINE_ENUM_VALUE (RECTIFY_AUDIT_KIND_STAGE2, "stage-2"),
  G_DEFINE_ENUM_VALUE (RECTIFY_AUDIT_KIND_SURVEILLANCE, "surveillance"),
  G_DEFINE_ENUM_VALUE (RECTIFY_AUDIT_KIND_RECERTIFICATION, "recertification"),
  G_DEFINE_ENUM_VALUE (RECTIFY_AUDIT_KIND_SUPPLIER, "supplier"))

G_DEFINE_ENUM_TYPE (RectifyVerificationMethod, rectify_verification_method,
  G_DEFINE_ENUM_VALUE (RECTIFY_VERIFICATION_METHOD_DOCUMENT_REVIEW, "document-review"),
  G_DEFINE_ENUM_VALUE (RECTIFY_VERIFICATION_METHOD_FOLLOW_UP_AUDIT, "follow-up-audit"),
  G_DEFINE_ENUM_VALUE (RECTIFY_VERIFICATION_METHOD_METRIC, "metric"),
  G_DEFINE_ENUM_VALUE (RECTIFY_VERIFICATION_METHOD_ON_SITE, "on-site"))

G_DEFINE_ENUM_TYPE (RectifyVerificationResult, rectify_verification_result,
  G_DEFINE_ENUM_VALUE (RECTIFY_VERIFICATION_RESULT_PENDING, "pending"),
  G_DEFINE_ENUM_VALUE (RECTIFY_VERIFICATION_RESULT_EFFECTIVE, "effective"),
  G_DEFINE_ENUM_VALUE (RECTIFY_VERIFICATION_RESULT_NOT_EFFECTIVE, "not-effective"))

typedef struct
{
  int         value;
  const char *label;
} Label;

static const Label status_labels[] = {
  { RECTIFY_STATUS_REPORTED, N_("Reported") },
  { RECTIFY_STATUS_ANALYSIS, N_("Analysis") },
  { RECTIFY_STATUS_ACTION_PLANNED, N_("Action planned") },
  { RECTIFY_STATUS_AWAITING_APPROVAL, N_("Awaiting approval") },
  { RECTIFY_STATUS_IMPLEMENTATION, N_("Implementation") },
  { RECTIFY_STATUS_VERIFICATION, N_("Verification") },
  { RECTIFY_STATUS_CLOSED, N_("Closed") },
  { -1, NULL }
};

static const Label grade_labels[] = {
  { RECTIFY_GRADE_MAJOR, N_("Major") },
  { RECTIFY_GRADE_MINOR, N_("Minor") },
  { RECTIFY_GRADE_OBSERVATION, N_("Observation") },
  /* Translators: OFI is "opportunity for improvement", an audit finding grade */
  { RECTIFY_GRADE_OFI, N_("OFI") },
  { -1, NULL }
};

static const Label source_labels[] = {
  { RECTIFY_SOURCE_INTERNAL_AUDIT, N_("Internal audit") },
  { RECTIFY_SOURCE_EXTERNAL_AUDIT, N_("Certification audit") },
  { RECTIFY_SOURCE_INCIDENT, N_("Incident review") },
  { RECTIFY_SOURCE_MONITORING, N_("Monitoring and measurement") },
  { RECTIFY_SOURCE_MANAGEMENT_REVIEW, N_("Management review") },
  { RECTIFY_SOURCE_COMPLAINT, N_("Complaint") },
  { RECTIFY_SOURCE_OTHER, N_("Other") },
  { -1, NULL }
};

static const Label action_status_labels[] = {
  { RECTIFY_ACTION_STATUS_PLANNED, N_("Planned") },
  { RECTIFY_ACTION_STATUS_IN_PROGRESS, N_("In progress") },
  { RECTIFY_ACTION_STATUS_DONE, N_("Done") },
  { RECTIFY_ACTION_STATUS_CANCELLED, N_("Cancelled") },
  { -1, NULL }
};

static const Label audit_kind_labels[] = {
  { RECTIFY_AUDIT_KIND_INTERNAL, N_("Internal audit") },
  { RECTIFY_AUDIT_KIND_STAGE1, N_("Stage 1 audit") },
  { RECTIFY_AUDIT_KIND_STAGE2, N_("Stage 2 audit") },
  { RECTIFY_AUDIT_KIND_SURVEILLANCE, N_("Surveillance audit") },
  { RECTIFY_AUDIT_KIND_RECERTIFICATION, N_("Recertification audit") },
  { RECTIFY_AUDIT_KIND_SUPPLIER, N_("Supplier audit") },
  { -1, NULL }
};

static const Label verification_method_labels[] = {
  { RECTIFY_VERIFICATION_METHOD_DOCUMENT_REVIEW, N_("Document review") },
  { RECTIFY_VERIFICATION_METHOD_FOLLOW_UP_AUDIT, N_("Follow-up audit") },
  { RECTIFY_VERIFICATION_METHOD_METRIC, N_("Metric") },
  { RECTIFY_VERIFICATION_METHOD_ON_SITE, N_("On-site visit") },
  { -1, NULL }
};

static const Label verification_result_labels[] = {
  { RECTIFY_VERIFICATION_RESULT_PENDING, N_("Pending") },
  { RECTIFY_VERIFICATION_RESULT_EFFECTIVE, N_("Effective") },
  { RECTIFY_VERIFICATION_RESULT_NOT_EFFECTIVE, N_("Not effective") },
  { -1, NULL }
};

static const Label *
labels_for_type (GType enum_type)
{
  if (enum_type == RECTIFY_TYPE_STATUS)
    return status_labels;
  if (enum_type == RECTIFY_TYPE_GRADE)
    return grade_labels;
  if (enum_type == RECTIFY_TYPE_SOURCE)
    return source_labels;
  if (enum_type == RECTIFY_TYPE_ACTION_STATUS)
    return action_status_labels;
  if (enum_type == RECTIFY_TYPE_AUDIT_KIND)
    return audit_kind_labels;
  if (enum_type == RECTIFY_TYPE_VERIFICATION_METHOD)
    return verification_method_labels;
  if (enum_type == RECTIFY_TYPE_VERIFICATION_RESULT)
    return verification_result_labels;
  return NULL;
}

const char *
rectify_enum_to_nick (GType enum_type,
                      int   value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);

  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

gboolean
rectify_enum_from_nick (GType       enum_type,
                        const char *nick,
                        int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *norm = NULL;
  GEnumValue *ev;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), FALSE);

  if (nick == NULL)
    return FALSE;

  copy = g_strdup (nick);
  norm = g_ascii_strdown (g_strstrip (copy), -1);
  g_strdelimit (norm, "_ ", '-');

  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value_by_nick (klass, norm);
  if (ev == NULL)
    return FALSE;

  if (value != NULL)
    *value = ev->value;

  return TRUE;
}

const char *
rectify_enum_to_label (GType enum_type,
                       int   value)
{
  const Label *labels = labels_for_type (enum_type);

  g_return_val_if_fail (labels != NULL, NULL);

  for (guint i = 0; labels[i].label != NULL; i++)
    {
      if (labels[i].value == value)
        return g_dgettext (GETTEXT_PACKAGE, labels[i].label);
    }

  return NULL;
}
