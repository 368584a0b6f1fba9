/* rectify-nonconformity.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-nonconformity"

#include "config.h"

#include "rectify-nonconformity.h"
#include "rectify-entity-private.h"
#include "rectify-date.h"

struct _RectifyNonconformity
{
  RectifyEntity  parent_instance;

  char          *ref;
  char          *title;
  char          *statement;
  char          *requirement;
  char          *evidence;
  char          *area;
  char          *occurred_on;
  char          *location;
  char          *reported_by;
  char          *reported_on;
  char          *owner;
  char          *correction;
  char          *correction_on;
  char          *cap_due_on;
  char          *due_on;
  char          *closed_on;
  char          *created_at;
  char          *updated_at;
  char          *correction_by;
  char          *correction_reason;
  char          *closed_by;

  RectifySource  source;
  gint64         audit_id;
  RectifyGrade   grade;
  RectifyStatus  status;
  gboolean       correction_not_needed;
};

G_DEFINE_FINAL_TYPE (RectifyNonconformity, rectify_nonconformity, RECTIFY_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_REF,
  PROP_TITLE,
  PROP_STATEMENT,
  PROP_REQUIREMENT,
  PROP_EVIDENCE,
  PROP_AREA,
  PROP_SOURCE,
  PROP_AUDIT_ID,
  PROP_OCCURRED_ON,
  PROP_LOCATION,
  PROP_REPORTED_BY,
  PROP_REPORTED_ON,
  PROP_OWNER,
  PROP_GRADE,
  PROP_CORRECTION,
  PROP_CORRECTION_ON,
  PROP_STATUS,
  PROP_CAP_DUE_ON,
  PROP_DUE_ON,
  PROP_CLOSED_ON,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_CORRECTION_BY,
  PROP_CORRECTION_NOT_NEEDED,
  PROP_CORRECTION_REASON,
  PROP_CLOSED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_string (GObject       *object,
            char         **field,
            const GValue  *value,
            GParamSpec    *pspec)
{
  const char *str = g_value_get_string (value);

  g_assert (field != NULL);

  if (g_strcmp0 (*field, str) == 0)
    return;

  g_free (*field);
  *field = g_strdup (str);
  g_object_notify_by_pspec (object, pspec);
}

static void
set_int64 (GObject      *object,
           gint64       *field,
           const GValue *value,
           GParamSpec   *pspec)
{
  gint64 v = g_value_get_int64 (value);

  g_assert (field != NULL);

  if (*field == v)
    return;

  *field = v;
  g_object_notify_by_pspec (object, pspec);
}

static void
rectify_nonconformity_finalize (GObject *object)
{
  RectifyNonconformity *self = (RectifyNonconformity *)object;

  g_clear_pointer (&self->ref, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->statement, g_free);
  g_clear_pointer (&self->requirement, g_free);
  g_clear_pointer (&self->evidence, g_free);
  g_clear_pointer (&self->area, g_free);
  g_clear_pointer (&self->occurred_on, g_free);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->reported_by, g_free);
  g_clear_pointer (&self->reported_on, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->correction, g_free);
  g_clear_pointer (&self->correction_on, g_free);
  g_clear_pointer (&self->cap_due_on, g_free);
  g_clear_pointer (&self->due_on, g_free);
  g_clear_pointer (&self->closed_on, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);
  g_clear_pointer (&self->correction_by, g_free);
  g_clear_pointer (&self->correction_reason, g_free);
  g_clear_pointer (&self->closed_by, g_free);

  G_OBJECT_CLASS (rectify_nonconformity_parent_class)->finalize (object);
}

static void
rectify_nonconformity_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RectifyNonconformity *self = RECTIFY_NONCONFORMITY (object);

  switch (prop_id)
    {
    case PROP_REF:
      g_value_set_string (value, self->ref);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_STATEMENT:
      g_value_set_string (value, self->statement);
      break;

    case PROP_REQUIREMENT:
      g_value_set_string (value, self->requirement);
      break;

    case PROP_EVIDENCE:
      g_value_set_string (value, self->evidence);
      break;

    case PROP_AREA:
      g_value_set_string (value, self->area);
      break;

    case PROP_SOURCE:
      g_value_set_enum (value, self->source);
      break;

    case PROP_AUDIT_ID:
      g_value_set_int64 (value, self->audit_id);
      break;

    case PROP_OCCURRED_ON:
      g_value_set_string (value, self->occurred_on);
      break;

    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;

    case PROP_REPORTED_BY:
      g_value_set_string (value, self->reported_by);
      break;

    case PROP_REPORTED_ON:
      g_value_set_string (value, self->reported_on);
      break;

    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;

    case PROP_GRADE:
      g_value_set_enum (value, self->grade);
      break;

    case PROP_CORRECTION:
      g_value_set_string (value, self->correction);
      break;

    case PROP_CORRECTION_ON:
      g_value_set_string (value, self->correction_on);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_CAP_DUE_ON:
      g_value_set_string (value, self->cap_due_on);
      break;

    case PROP_DUE_ON:
      g_value_set_string (value, self->due_on);
      break;

    case PROP_CLOSED_ON:
      g_value_set_string (value, self->closed_on);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_string (value, self->updated_at);
      break;

    case PROP_CORRECTION_BY:
      g_value_set_string (value, self->correction_by);
      break;

    case PROP_CORRECTION_NOT_NEEDED:
      g_value_set_boolean (value, self->correction_not_needed);
      break;

    case PROP_CORRECTION_REASON:
      g_value_set_string (value, self->correction_reason);
      break;

    case PROP_CLOSED_BY:
      g_value_set_string (value, self->closed_by);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_nonconformity_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RectifyNonconformity *self = RECTIFY_NONCONFORMITY (object);

  switch (prop_id)
    {
    case PROP_REF:
      set_string (object, &self->ref, value, pspec);
      break;

    case PROP_TITLE:
      set_string (object, &self->title, value, pspec);
      break;

    case PROP_STATEMENT:
      set_string (object, &self->statement, value, pspec);
      break;

    case PROP_REQUIREMENT:
      set_string (object, &self->requirement, value, pspec);
      break;

    case PROP_EVIDENCE:
      set_string (object, &self->evidence, value, pspec);
      break;

    case PROP_AREA:
      set_string (object, &self->area, value, pspec);
      break;

    case PROP_SOURCE:
      if (self->source != (RectifySource)g_value_get_enum (value))
        {
          self->source = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_AUDIT_ID:
      set_int64 (object, &self->audit_id, value, pspec);
      break;

    case PROP_OCCURRED_ON:
      set_string (object, &self->occurred_on, value, pspec);
      break;

    case PROP_LOCATION:
      set_string (object, &self->location, value, pspec);
      break;

    case PROP_REPORTED_BY:
      set_string (object, &self->reported_by, value, pspec);
      break;

    case PROP_REPORTED_ON:
      set_string (object, &self->reported_on, value, pspec);
      break;

    case PROP_OWNER:
      set_string (object, &self->owner, value, pspec);
      break;

    case PROP_GRADE:
      if (self->grade != (RectifyGrade)g_value_get_enum (value))
        {
          self->grade = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_CORRECTION:
      set_string (object, &self->correction, value, pspec);
      break;

    case PROP_CORRECTION_ON:
      set_string (object, &self->correction_on, value, pspec);
      break;

    case PROP_STATUS:
      if (self->status != (RectifyStatus)g_value_get_enum (value))
        {
          self->status = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_CAP_DUE_ON:
      set_string (object, &self->cap_due_on, value, pspec);
      break;

    case PROP_DUE_ON:
      set_string (object, &self->due_on, value, pspec);
      break;

    case PROP_CLOSED_ON:
      set_string (object, &self->closed_on, value, pspec);
      break;

    case PROP_CREATED_AT:
      set_string (object, &self->created_at, value, pspec);
      break;

    case PROP_UPDATED_AT:
      set_string (object, &self->updated_at, value, pspec);
      break;

    case PROP_CORRECTION_BY:
      set_string (object, &self->correction_by, value, pspec);
      break;

    case PROP_CORRECTION_NOT_NEEDED:
      if (self->correction_not_needed != g_value_get_boolean (value))
        {
          self->correction_not_needed = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_CORRECTION_REASON:
      set_string (object, &self->correction_reason, value, pspec);
      break;

    case PROP_CLOSED_BY:
      set_string (object, &self->closed_by, value, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_nonconformity_class_init (RectifyNonconformityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RectifyEntityClass *entity_class = RECTIFY_ENTITY_CLASS (klass);

  object_class->finalize = rectify_nonconformity_finalize;
  object_class->get_property = rectify_nonconformity_get_property;
  object_class->set_property = rectify_nonconformity_set_property;

  entity_class->table_name = "nonconformity";

  /**
   * RectifyNonconformity:ref:
   *
   * The reference, "NC-001"; unique in the register.
   */
  properties[PROP_REF] =
    g_param_spec_string ("ref", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyNonconformity:title:
   *
   * A short title.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyNonconformity:statement:
   *
   * The nonconformity statement.
   */
  properties[PROP_STATEMENT] =
    g_param_spec_string ("statement", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyNonconformity:requirement:
   *
   * The catalogue reference of the requirement breached ("A.5.15", "9.2").
   */
  properties[PROP_REQUIREMENT] =
    g_param_spec_string ("requirement", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyNonconformity:evidence:
   *
   * The objective evidence.
   */
  properties[PROP_EVIDENCE] =
    g_param_spec_string ("evidence", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyNonconformity:area:
   *
   * The affected process, department or area.
   */
  properties[PROP_AREA] =
    g_param_spec_string ("area", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyNonconformity:source:
   *
   * Where the nonconformity was found.
   */
  properties[PROP_SOURCE] =
    g_param_spec_enum ("source", NULL, NULL,
                       RECTIFY_TYPE_SOURCE, RECTIFY_SOURCE_INTERNAL_AUDIT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyNonconformity:audit-id:
   *
   * The audit it came from, 0 for none.
   */
  properties[PROP_AUDIT_ID] =
    g_param_spec_int64 ("audit-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyNonconformity:occurred-on:
   *
   * When it occurred, an ISO date.
   */
  properties[PROP_OCCURRED_ON] =
    g_param_spec_string ("occurred-on", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyNonconformity:location:
   *
   * Where it occurred (site).
   */
  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyNonconformity:reported-by:
   *
   * Who reported it.
   */
  properties[PROP_REPORTED_BY] =
    g_param_spec_string ("reported-by", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyNonconformity:reported-on:
   *
   * When it was reported, an ISO date.
   */
  properties[PROP_REPORTED_ON] =
    g_param_spec_string ("reported-on", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyNonconformity:owner:
   *
   * The process owner responsible.
   */
  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyNonconformity:grade:
   *
   * The grade of the finding.
   */
  properties[PROP_GRADE] =
    g_param_spec_enum ("grade", NULL, NULL,
                       RECTIFY_TYPE_GRADE, RECTIFY_GRADE_MINOR,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyNonconformity:correction:
   *
   * The immediate correction or containment.
   */
  properties[PROP_CORRECTION] =
    g_param_spec_string ("correction", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyNonconformity:correction-on:
   *
   * When the correction was made, an ISO date.
   */
  properties[PROP_CORRECTION_ON] =
    g_param_spec_string ("correction-on", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyNonconformity:status:
   *
   * The workflow status.
   */
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       RECTIFY_TYPE_STATUS, RECTIFY_STATUS_REPORTED,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyNonconformity:cap-due-on:
   *
   * When the corrective action plan is due, an ISO date.
   */
  properties[PROP_CAP_DUE_ON] =
    g_param_spec_string ("cap-due-on", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyNonconformity:due-on:
   *
   * When implementation and verification are due, an ISO date.
   */
  properties[PROP_DUE_ON] =
    g_param_spec_string ("due-on", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyNonconformity:closed-on:
   *
   * When it was closed, an ISO date.
   */
  properties[PROP_CLOSED_ON] =
    g_param_spec_string ("closed-on", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyNonconformity:created-at:
   *
   * When the record was created, an ISO 8601 UTC timestamp.
   */
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyNonconformity:updated-at:
   *
   * When the record was last changed, an ISO 8601 UTC timestamp.
   */
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyNonconformity:correction-by:
   *
   * Who made the immediate correction.
   */
  properties[PROP_CORRECTION_BY] =
    g_param_spec_string ("correction-by", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyNonconformity:correction-not-needed:
   *
   * %TRUE when no immediate correction is needed; #RectifyNonconformity:correction-reason
   * then says why.
   */
  properties[PROP_CORRECTION_NOT_NEEDED] =
    g_param_spec_boolean ("correction-not-needed", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyNonconformity:correction-reason:
   *
   * Why no immediate correction is needed.
   */
  properties[PROP_CORRECTION_REASON] =
    g_param_spec_string ("correction-reason", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyNonconformity:closed-by:
   *
   * Who closed it.
   */
  properties[PROP_CLOSED_BY] =
    g_param_spec_string ("closed-by", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rectify_nonconformity_init (RectifyNonconformity *self)
{
  self->source = RECTIFY_SOURCE_INTERNAL_AUDIT;
  self->grade = RECTIFY_GRADE_MINOR;
  self->status = RECTIFY_STATUS_REPORTED;
}

/**
 * rectify_nonconformity_new:
 *
 * Creates a new, unsaved nonconformity (its id is 0).
 *
 * Returns: (transfer full): a new #RectifyNonconformity
 */
RectifyNonconformity *
rectify_nonconformity_new (void)
{
  return g_object_new (RECTIFY_TYPE_NONCONFORMITY, NULL);
}

/**
 * rectify_nonconformity_get_ref:
 * @self: a #RectifyNonconformity
 *
 * Returns: (nullable): the #RectifyNonconformity:ref property
 */
const char *
rectify_nonconformity_get_ref (RectifyNonconformity *self)
{
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (self), NULL);

  return self->ref;
}

/**
 * rectify_nonconformity_get_title:
 * @self: a #RectifyNonconformity
 *
 * Returns: (nullable): the #RectifyNonconformity:title property
 */
const char *
rectify_nonconformity_get_title (RectifyNonconformity *self)
{
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (self), NULL);

  return self->title;
}

/**
 * rectify_nonconformity_get_statement:
 * @self: a #RectifyNonconformity
 *
 * Returns: (nullable): the #RectifyNonconformity:statement property
 */
const char *
rectify_nonconformity_get_statement (RectifyNonconformity *self)
{
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (self), NULL);

  return self->statement;
}

/**
 * rectify_nonconformity_get_requirement:
 * @self: a #RectifyNonconformity
 *
 * Returns: (nullable): the #RectifyNonconformity:requirement property
 */
const char *
rectify_nonconformity_get_requirement (RectifyNonconformity *self)
{
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (self), NULL);

  return self->requirement;
}

/**
 * rectify_nonconformity_get_evidence:
 * @self: a #RectifyNonconformity
 *
 * Returns: (nullable): the #RectifyNonconformity:evidence property
 */
const char *
rectify_nonconformity_get_evidence (RectifyNonconformity *self)
{
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (self), NULL);

  return self->evidence;
}

/**
 * rectify_nonconformity_get_area:
 * @self: a #RectifyNonconformity
 *
 * Returns: (nullable): the #RectifyNonconformity:area property
 */
const char *
rectify_nonconformity_get_area (RectifyNonconformity *self)
{
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (self), NULL);

  return self->area;
}

/**
 * rectify_nonconformity_get_source:
 * @self: a #RectifyNonconformity
 *
 * Returns: the #RectifyNonconformity:source property
 */
RectifySource
rectify_nonconformity_get_source (RectifyNonconformity *self)
{
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (self), RECTIFY_SOURCE_INTERNAL_AUDIT);

  return self->source;
}

/**
 * rectify_nonconformity_get_audit_id:
 * @self: a #RectifyNonconformity
 *
 * Returns: the #RectifyNonconformity:audit-id property
 */
gint64
rectify_nonconformity_get_audit_id (RectifyNonconformity *self)
{
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (self), 0);

  return self->audit_id;
}

/**
 * rectify_nonconformity_get_occurred_on:
 * @self: a #RectifyNonconformity
 *
 * Returns: (nullable): the #RectifyNonconformity:occurred-on property
 */
const char *
rectify_nonconformity_get_occurred_on (RectifyNonconformity *self)
{
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (self), NULL);

  return self->occurred_on;
}

/**
 * rectify_nonconformity_get_location:
 * @self: a #RectifyNonconformity
 *
 * Returns: (nullable): the #RectifyNonconformity:location property
 */
const char *
rectify_nonconformity_get_location (RectifyNonconformity *self)
{
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (self), NULL);

  return self->location;
}

/**
 * rectify_nonconformity_get_reported_by:
 * @self: a #RectifyNonconformity
 *
 * Returns: (nullable): the #RectifyNonconformity:reported-by property
 */
const char *
rectify_nonconformity_get_reported_by (RectifyNonconformity *self)
{
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (self), NULL);

  return self->reported_by;
}

/**
 * rectify_nonconformity_get_reported_on:
 * @self: a #RectifyNonconformity
 *
 * Returns: (nullable): the #RectifyNonconformity:reported-on property
 */
const char *
rectify_nonconformity_get_reported_on (RectifyNonconformity *self)
{
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (self), NULL);

  return self->reported_on;
}

/**
 * rectify_nonconformity_get_owner:
 * @self: a #RectifyNonconformity
 *
 * Returns: (nullable): the #RectifyNonconformity:owner property
 */
const char *
rectify_nonconformity_get_owner (RectifyNonconformity *self)
{
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (self), NULL);

  return self->owner;
}

/**
 * rectify_nonconformity_get_grade:
 * @self: a #RectifyNonconformity
 *
 * Returns: the #RectifyNonconformity:grade property
 */
RectifyGrade
rectify_nonconformity_get_grade (RectifyNonconformity *self)
{
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (self), RECTIFY_GRADE_MINOR);

  return self->grade;
}

/**
 * rectify_nonconformity_get_correction:
 * @self: a #RectifyNonconformity
 *
 * Returns: (nullable): the #RectifyNonconformity:correction property
 */
const char *
rectify_nonconformity_get_correction (RectifyNonconformity *self)
{
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (self), NULL);

  return self->correction;
}

/**
 * rectify_nonconformity_get_correction_on:
 * @self: a #RectifyNonconformity
 *
 * Returns: (nullable): the #RectifyNonconformity:correction-on property
 */
const char *
rectify_nonconformity_get_correction_on (RectifyNonconformity *self)
{
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (self), NULL);

  return self->correction_on;
}

/**
 * rectify_nonconformity_get_status:
 * @self: a #RectifyNonconformity
 *
 * Returns: the #RectifyNonconformity:status property
 */
RectifyStatus
rectify_nonconformity_get_status (RectifyNonconformity *self)
{
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (self), RECTIFY_STATUS_REPORTED);

  return self->status;
}

/**
 * rectify_nonconformity_get_cap_due_on:
 * @self: a #RectifyNonconformity
 *
 * Returns: (nullable): the #RectifyNonconformity:cap-due-on property
 */
const char *
rectify_nonconformity_get_cap_due_on (RectifyNonconformity *self)
{
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (self), NULL);

  return self->cap_due_on;
}

/**
 * rectify_nonconformity_get_due_on:
 * @self: a #RectifyNonconformity
 *
 * Returns: (nullable): the #RectifyNonconformity:due-on property
 */
const char *
rectify_nonconformity_get_due_on (RectifyNonconformity *self)
{
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (self), NULL);

  return self->due_on;
}

/**
 * rectify_nonconformity_get_closed_on:
 * @self: a #RectifyNonconformity
 *
 * Returns: (nullable): the #RectifyNonconformity:closed-on property
 */
const char *
rectify_nonconformity_get_closed_on (RectifyNonconformity *self)
{
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (self), NULL);

  return self->closed_on;
}

/**
 * rectify_nonconformity_get_created_at:
 * @self: a #RectifyNonconformity
 *
 * Returns: (nullable): the #RectifyNonconformity:created-at property
 */
const char *
rectify_nonconformity_get_created_at (RectifyNonconformity *self)
{
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (self), NULL);

  return self->created_at;
}

/**
 * rectify_nonconformity_get_updated_at:
 * @self: a #RectifyNonconformity
 *
 * Returns: (nullable): the #RectifyNonconformity:updated-at property
 */
const char *
rectify_nonconformity_get_updated_at (RectifyNonconformity *self)
{
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (self), NULL);

  return self->updated_at;
}

/**
 * rectify_nonconformity_get_correction_by:
 * @self: a #RectifyNonconformity
 *
 * Returns: (nullable): the #RectifyNonconformity:correction-by property
 */
const char *
rectify_nonconformity_get_correction_by (RectifyNonconformity *self)
{
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (self), NULL);

  return self->correction_by;
}

/**
 * rectify_nonconformity_get_correction_not_needed:
 * @self: a #RectifyNonconformity
 *
 * Returns: the #RectifyNonconformity:correction-not-needed property
 */
gboolean
rectify_nonconformity_get_correction_not_needed (RectifyNonconformity *self)
{
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (self), FALSE);

  return self->correction_not_needed;
}

/**
 * rectify_nonconformity_get_correction_reason:
 * @self: a #RectifyNonconformity
 *
 * Returns: (nullable): the #RectifyNonconformity:correction-reason property
 */
const char *
rectify_nonconformity_get_correction_reason (RectifyNonconformity *self)
{
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (self), NULL);

  return self->correction_reason;
}

/**
 * rectify_nonconformity_get_closed_by:
 * @self: a #RectifyNonconformity
 *
 * Returns: (nullable): the #RectifyNonconformity:closed-by property
 */
const char *
rectify_nonconformity_get_closed_by (RectifyNonconformity *self)
{
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (self), NULL);

  return self->closed_by;
}

/**
 * rectify_nonconformity_is_overdue:
 * @self: a #RectifyNonconformity
 * @today: (nullable): today as an ISO date, or %NULL for rectify_date_today()
 *
 * Returns: %TRUE when the nonconformity is not closed and @today is after its due date
 */
gboolean
rectify_nonconformity_is_overdue (RectifyNonconformity *self,
                                  const char           *today)
{
  int days_left;

  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (self), FALSE);

  if (self->status == RECTIFY_STATUS_CLOSED)
    return FALSE;

  if (!rectify_nonconformity_get_days_left (self, today, &days_left))
    return FALSE;

  return days_left < 0;
}

/**
 * rectify_nonconformity_get_days_left:
 * @self: a #RectifyNonconformity
 * @today: (nullable): today as an ISO date, or %NULL for rectify_date_today()
 * @days_left: (out) (optional): the days from @today to the due date, negative when overdue
 *
 * Returns: %TRUE when the nonconformity has a due date (and @today is a date)
 */
gboolean
rectify_nonconformity_get_days_left (RectifyNonconformity *self,
                                     const char           *today,
                                     int                  *days_left)
{
  g_autofree char *now = NULL;
  int days;

  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (self), FALSE);

  if (today == NULL)
    today = now = rectify_date_today ();

  if (!rectify_date_days_between (today, self->due_on, &days))
    return FALSE;

  if (days_left != NULL)
    *days_left = days;

  return TRUE;
}

/* The register's fast load path (rectify-entity-private.h) */
G_STATIC_ASSERT (sizeof (RectifySource) == sizeof (int));
G_STATIC_ASSERT (sizeof (RectifyGrade) == sizeof (int));
G_STATIC_ASSERT (sizeof (RectifyStatus) == sizeof (int));

static const RectifyField nonconformity_fields[] = {
  RECTIFY_FIELD (RectifyNonconformity, ref, "ref", STRING),
  RECTIFY_FIELD (RectifyNonconformity, title, "title", STRING),
  RECTIFY_FIELD (RectifyNonconformity, statement, "statement", STRING),
  RECTIFY_FIELD (RectifyNonconformity, requirement, "requirement", STRING),
  RECTIFY_FIELD (RectifyNonconformity, evidence, "evidence", STRING),
  RECTIFY_FIELD (RectifyNonconformity, area, "area", STRING),
  RECTIFY_FIELD (RectifyNonconformity, source, "source", ENUM),
  RECTIFY_FIELD (RectifyNonconformity, audit_id, "audit-id", INT64),
  RECTIFY_FIELD (RectifyNonconformity, occurred_on, "occurred-on", STRING),
  RECTIFY_FIELD (RectifyNonconformity, location, "location", STRING),
  RECTIFY_FIELD (RectifyNonconformity, reported_by, "reported-by", STRING),
  RECTIFY_FIELD (RectifyNonconformity, reported_on, "reported-on", STRING),
  RECTIFY_FIELD (RectifyNonconformity, owner, "owner", STRING),
  RECTIFY_FIELD (RectifyNonconformity, grade, "grade", ENUM),
  RECTIFY_FIELD (RectifyNonconformity, correction, "correction", STRING),
  RECTIFY_FIELD (RectifyNonconformity, correction_on, "correction-on", STRING),
  RECTIFY_FIELD (RectifyNonconformity, status, "status", ENUM),
  RECTIFY_FIELD (RectifyNonconformity, cap_due_on, "cap-due-on", STRING),
  RECTIFY_FIELD (RectifyNonconformity, due_on, "due-on", STRING),
  RECTIFY_FIELD (RectifyNonconformity, closed_on, "closed-on", STRING),
  RECTIFY_FIELD (RectifyNonconformity, created_at, "created-at", STRING),
  RECTIFY_FIELD (RectifyNonconformity, updated_at, "updated-at", STRING),
  RECTIFY_FIELD (RectifyNonconformity, correction_by, "correction-by", STRING),
  RECTIFY_FIELD (RectifyNonconformity, correction_not_needed, "correction-not-needed", BOOLEAN),
  RECTIFY_FIELD (RectifyNonconformity, correction_reason, "correction-reason", STRING),
  RECTIFY_FIELD (RectifyNonconformity, closed_by, "closed-by", STRING),
};

const RectifyField *
_rectify_nonconformity_get_fields (guint *n_fields)
{
  *n_fields = G_N_ELEMENTS (nonconformity_fields);

  return nonconformity_fields;
}
