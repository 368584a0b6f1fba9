/* rectify-audit.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-audit"

#include "config.h"

#include "rectify-audit.h"
#include "rectify-entity-private.h"

struct _RectifyAudit
{
  RectifyEntity     parent_instance;

  char             *title;
  char             *starts_on;
  char             *ends_on;
  char             *lead_auditor;
  char             *certification_body;
  char             *scope;

  RectifyAuditKind  kind;
};

G_DEFINE_FINAL_TYPE (RectifyAudit, rectify_audit, RECTIFY_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_KIND,
  PROP_STARTS_ON,
  PROP_ENDS_ON,
  PROP_LEAD_AUDITOR,
  PROP_CERTIFICATION_BODY,
  PROP_SCOPE,
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
rectify_audit_finalize (GObject *object)
{
  RectifyAudit *self = (RectifyAudit *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->starts_on, g_free);
  g_clear_pointer (&self->ends_on, g_free);
  g_clear_pointer (&self->lead_auditor, g_free);
  g_clear_pointer (&self->certification_body, g_free);
  g_clear_pointer (&self->scope, g_free);

  G_OBJECT_CLASS (rectify_audit_parent_class)->finalize (object);
}

static void
rectify_audit_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RectifyAudit *self = RECTIFY_AUDIT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_STARTS_ON:
      g_value_set_string (value, self->starts_on);
      break;

    case PROP_ENDS_ON:
      g_value_set_string (value, self->ends_on);
      break;

    case PROP_LEAD_AUDITOR:
      g_value_set_string (value, self->lead_auditor);
      break;

    case PROP_CERTIFICATION_BODY:
      g_value_set_string (value, self->certification_body);
      break;

    case PROP_SCOPE:
      g_value_set_string (value, self->scope);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_audit_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RectifyAudit *self = RECTIFY_AUDIT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      set_string (object, &self->title, value, pspec);
      break;

    case PROP_KIND:
      if (self->kind != (RectifyAuditKind)g_value_get_enum (value))
        {
          self->kind = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_STARTS_ON:
      set_string (object, &self->starts_on, value, pspec);
      break;

    case PROP_ENDS_ON:
      set_string (object, &self->ends_on, value, pspec);
      break;

    case PROP_LEAD_AUDITOR:
      set_string (object, &self->lead_auditor, value, pspec);
      break;

    case PROP_CERTIFICATION_BODY:
      set_string (object, &self->certification_body, value, pspec);
      break;

    case PROP_SCOPE:
      set_string (object, &self->scope, value, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_audit_class_init (RectifyAuditClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RectifyEntityClass *entity_class = RECTIFY_ENTITY_CLASS (klass);

  object_class->finalize = rectify_audit_finalize;
  object_class->get_property = rectify_audit_get_property;
  object_class->set_property = rectify_audit_set_property;

  entity_class->table_name = "audit";

  /**
   * RectifyAudit:title:
   *
   * The title, "Internal audit Q1 2026"; unique in the register.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyAudit:kind:
   *
   * The kind of audit.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       RECTIFY_TYPE_AUDIT_KIND, RECTIFY_AUDIT_KIND_INTERNAL,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyAudit:starts-on:
   *
   * The first day, an ISO date.
   */
  properties[PROP_STARTS_ON] =
    g_param_spec_string ("starts-on", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyAudit:ends-on:
   *
   * The last day, an ISO date.
   */
  properties[PROP_ENDS_ON] =
    g_param_spec_string ("ends-on", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyAudit:lead-auditor:
   *
   * The lead auditor.
   */
  properties[PROP_LEAD_AUDITOR] =
    g_param_spec_string ("lead-auditor", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyAudit:certification-body:
   *
   * The certification body.
   */
  properties[PROP_CERTIFICATION_BODY] =
    g_param_spec_string ("certification-body", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyAudit:scope:
   *
   * The audit scope.
   */
  properties[PROP_SCOPE] =
    g_param_spec_string ("scope", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rectify_audit_init (RectifyAudit *self)
{
  self->kind = RECTIFY_AUDIT_KIND_INTERNAL;
}

/**
 * rectify_audit_new:
 *
 * Creates a new, unsaved audit (its id is 0).
 *
 * Returns: (transfer full): a new #RectifyAudit
 */
RectifyAudit *
rectify_audit_new (void)
{
  return g_object_new (RECTIFY_TYPE_AUDIT, NULL);
}

/**
 * rectify_audit_get_title:
 * @self: a #RectifyAudit
 *
 * Returns: (nullable): the #RectifyAudit:title property
 */
const char *
rectify_audit_get_title (RectifyAudit *self)
{
  g_return_val_if_fail (RECTIFY_IS_AUDIT (self), NULL);

  return self->title;
}

/**
 * rectify_audit_get_kind:
 * @self: a #RectifyAudit
 *
 * Returns: the #RectifyAudit:kind property
 */
RectifyAuditKind
rectify_audit_get_kind (RectifyAudit *self)
{
  g_return_val_if_fail (RECTIFY_IS_AUDIT (self), RECTIFY_AUDIT_KIND_INTERNAL);

  return self->kind;
}

/**
 * rectify_audit_get_starts_on:
 * @self: a #RectifyAudit
 *
 * Returns: (nullable): the #RectifyAudit:starts-on property
 */
const char *
rectify_audit_get_starts_on (RectifyAudit *self)
{
  g_return_val_if_fail (RECTIFY_IS_AUDIT (self), NULL);

  return self->starts_on;
}

/**
 * rectify_audit_get_ends_on:
 * @self: a #RectifyAudit
 *
 * Returns: (nullable): the #RectifyAudit:ends-on property
 */
const char *
rectify_audit_get_ends_on (RectifyAudit *self)
{
  g_return_val_if_fail (RECTIFY_IS_AUDIT (self), NULL);

  return self->ends_on;
}

/**
 * rectify_audit_get_lead_auditor:
 * @self: a #RectifyAudit
 *
 * Returns: (nullable): the #RectifyAudit:lead-auditor property
 */
const char *
rectify_audit_get_lead_auditor (RectifyAudit *self)
{
  g_return_val_if_fail (RECTIFY_IS_AUDIT (self), NULL);

  return self->lead_auditor;
}

/**
 * rectify_audit_get_certification_body:
 * @self: a #RectifyAudit
 *
 * Returns: (nullable): the #RectifyAudit:certification-body property
 */
const char *
rectify_audit_get_certification_body (RectifyAudit *self)
{
  g_return_val_if_fail (RECTIFY_IS_AUDIT (self), NULL);

  return self->certification_body;
}

/**
 * rectify_audit_get_scope:
 * @self: a #RectifyAudit
 *
 * Returns: (nullable): the #RectifyAudit:scope property
 */
const char *
rectify_audit_get_scope (RectifyAudit *self)
{
  g_return_val_if_fail (RECTIFY_IS_AUDIT (self), NULL);

  return self->scope;
}

/* The register's fast load path (rectify-entity-private.h) */
G_STATIC_ASSERT (sizeof (RectifyAuditKind) == sizeof (int));

static const RectifyField audit_fields[] = {
  RECTIFY_FIELD (RectifyAudit, title, "title", STRING),
  RECTIFY_FIELD (RectifyAudit, kind, "kind", ENUM),
  RECTIFY_FIELD (RectifyAudit, starts_on, "starts-on", STRING),
  RECTIFY_FIELD (RectifyAudit, ends_on, "ends-on", STRING),
  RECTIFY_FIELD (RectifyAudit, lead_auditor, "lead-auditor", STRING),
  RECTIFY_FIELD (RectifyAudit, certification_body, "certification-body", STRING),
  RECTIFY_FIELD (RectifyAudit, scope, "scope", STRING),
};

const RectifyField *
_rectify_audit_get_fields (guint *n_fields)
{
  *n_fields = G_N_ELEMENTS (audit_fields);

  return audit_fields;
}
