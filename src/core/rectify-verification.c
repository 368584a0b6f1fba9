/* rectify-verification.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-verification"

#include "config.h"

#include "rectify-verification.h"
#include "rectify-entity-private.h"

struct _RectifyVerification
{
  RectifyEntity              parent_instance;

  char                      *due_on;
  char                      *verifier;
  char                      *verified_on;
  char                      *comment;

  gint64                     nc_id;
  RectifyVerificationMethod  method;
  RectifyVerificationResult  result;
};

G_DEFINE_FINAL_TYPE (RectifyVerification, rectify_verification, RECTIFY_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_NC_ID,
  PROP_DUE_ON,
  PROP_METHOD,
  PROP_VERIFIER,
  PROP_VERIFIED_ON,
  PROP_RESULT,
  PROP_COMMENT,
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
rectify_verification_finalize (GObject *object)
{
  RectifyVerification *self = (RectifyVerification *)object;

  g_clear_pointer (&self->due_on, g_free);
  g_clear_pointer (&self->verifier, g_free);
  g_clear_pointer (&self->verified_on, g_free);
  g_clear_pointer (&self->comment, g_free);

  G_OBJECT_CLASS (rectify_verification_parent_class)->finalize (object);
}

static void
rectify_verification_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RectifyVerification *self = RECTIFY_VERIFICATION (object);

  switch (prop_id)
    {
    case PROP_NC_ID:
      g_value_set_int64 (value, self->nc_id);
      break;

    case PROP_DUE_ON:
      g_value_set_string (value, self->due_on);
      break;

    case PROP_METHOD:
      g_value_set_enum (value, self->method);
      break;

    case PROP_VERIFIER:
      g_value_set_string (value, self->verifier);
      break;

    case PROP_VERIFIED_ON:
      g_value_set_string (value, self->verified_on);
      break;

    case PROP_RESULT:
      g_value_set_enum (value, self->result);
      break;

    case PROP_COMMENT:
      g_value_set_string (value, self->comment);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_verification_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RectifyVerification *self = RECTIFY_VERIFICATION (object);

  switch (prop_id)
    {
    case PROP_NC_ID:
      set_int64 (object, &self->nc_id, value, pspec);
      break;

    case PROP_DUE_ON:
      set_string (object, &self->due_on, value, pspec);
      break;

    case PROP_METHOD:
      if (self->method != (RectifyVerificationMethod)g_value_get_enum (value))
        {
          self->method = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_VERIFIER:
      set_string (object, &self->verifier, value, pspec);
      break;

    case PROP_VERIFIED_ON:
      set_string (object, &self->verified_on, value, pspec);
      break;

    case PROP_RESULT:
      if (self->result != (RectifyVerificationResult)g_value_get_enum (value))
        {
          self->result = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_COMMENT:
      set_string (object, &self->comment, value, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_verification_class_init (RectifyVerificationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RectifyEntityClass *entity_class = RECTIFY_ENTITY_CLASS (klass);

  object_class->finalize = rectify_verification_finalize;
  object_class->get_property = rectify_verification_get_property;
  object_class->set_property = rectify_verification_set_property;

  entity_class->table_name = "verification";

  /**
   * RectifyVerification:nc-id:
   *
   * The nonconformity verified.
   */
  properties[PROP_NC_ID] =
    g_param_spec_int64 ("nc-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyVerification:due-on:
   *
   * When the effectiveness review is due, an ISO date.
   */
  properties[PROP_DUE_ON] =
    g_param_spec_string ("due-on", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyVerification:method:
   *
   * How effectiveness is verified.
   */
  properties[PROP_METHOD] =
    g_param_spec_enum ("method", NULL, NULL,
                       RECTIFY_TYPE_VERIFICATION_METHOD, RECTIFY_VERIFICATION_METHOD_DOCUMENT_REVIEW,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyVerification:verifier:
   *
   * Who verified.
   */
  properties[PROP_VERIFIER] =
    g_param_spec_string ("verifier", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyVerification:verified-on:
   *
   * When it was verified, an ISO date.
   */
  properties[PROP_VERIFIED_ON] =
    g_param_spec_string ("verified-on", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyVerification:result:
   *
   * The result of the review.
   */
  properties[PROP_RESULT] =
    g_param_spec_enum ("result", NULL, NULL,
                       RECTIFY_TYPE_VERIFICATION_RESULT, RECTIFY_VERIFICATION_RESULT_PENDING,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyVerification:comment:
   *
   * A comment.
   */
  properties[PROP_COMMENT] =
    g_param_spec_string ("comment", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rectify_verification_init (RectifyVerification *self)
{
  self->method = RECTIFY_VERIFICATION_METHOD_DOCUMENT_REVIEW;
  self->result = RECTIFY_VERIFICATION_RESULT_PENDING;
}

/**
 * rectify_verification_new:
 *
 * Creates a new, unsaved verification (its id is 0).
 *
 * Returns: (transfer full): a new #RectifyVerification
 */
RectifyVerification *
rectify_verification_new (void)
{
  return g_object_new (RECTIFY_TYPE_VERIFICATION, NULL);
}

/**
 * rectify_verification_get_nc_id:
 * @self: a #RectifyVerification
 *
 * Returns: the #RectifyVerification:nc-id property
 */
gint64
rectify_verification_get_nc_id (RectifyVerification *self)
{
  g_return_val_if_fail (RECTIFY_IS_VERIFICATION (self), 0);

  return self->nc_id;
}

/**
 * rectify_verification_get_due_on:
 * @self: a #RectifyVerification
 *
 * Returns: (nullable): the #RectifyVerification:due-on property
 */
const char *
rectify_verification_get_due_on (RectifyVerification *self)
{
  g_return_val_if_fail (RECTIFY_IS_VERIFICATION (self), NULL);

  return self->due_on;
}

/**
 * rectify_verification_get_method:
 * @self: a #RectifyVerification
 *
 * Returns: the #RectifyVerification:method property
 */
RectifyVerificationMethod
rectify_verification_get_method (RectifyVerification *self)
{
  g_return_val_if_fail (RECTIFY_IS_VERIFICATION (self), RECTIFY_VERIFICATION_METHOD_DOCUMENT_REVIEW);

  return self->method;
}

/**
 * rectify_verification_get_verifier:
 * @self: a #RectifyVerification
 *
 * Returns: (nullable): the #RectifyVerification:verifier property
 */
const char *
rectify_verification_get_verifier (RectifyVerification *self)
{
  g_return_val_if_fail (RECTIFY_IS_VERIFICATION (self), NULL);

  return self->verifier;
}

/**
 * rectify_verification_get_verified_on:
 * @self: a #RectifyVerification
 *
 * Returns: (nullable): the #RectifyVerification:verified-on property
 */
const char *
rectify_verification_get_verified_on (RectifyVerification *self)
{
  g_return_val_if_fail (RECTIFY_IS_VERIFICATION (self), NULL);

  return self->verified_on;
}

/**
 * rectify_verification_get_result:
 * @self: a #RectifyVerification
 *
 * Returns: the #RectifyVerification:result property
 */
RectifyVerificationResult
rectify_verification_get_result (RectifyVerification *self)
{
  g_return_val_if_fail (RECTIFY_IS_VERIFICATION (self), RECTIFY_VERIFICATION_RESULT_PENDING);

  return self->result;
}

/**
 * rectify_verification_get_comment:
 * @self: a #RectifyVerification
 *
 * Returns: (nullable): the #RectifyVerification:comment property
 */
const char *
rectify_verification_get_comment (RectifyVerification *self)
{
  g_return_val_if_fail (RECTIFY_IS_VERIFICATION (self), NULL);

  return self->comment;
}

/* The register's fast load path (rectify-entity-private.h) */
G_STATIC_ASSERT (sizeof (RectifyVerificationMethod) == sizeof (int));
G_STATIC_ASSERT (sizeof (RectifyVerificationResult) == sizeof (int));

static const RectifyField verification_fields[] = {
  RECTIFY_FIELD (RectifyVerification, nc_id, "nc-id", INT64),
  RECTIFY_FIELD (RectifyVerification, due_on, "due-on", STRING),
  RECTIFY_FIELD (RectifyVerification, method, "method", ENUM),
  RECTIFY_FIELD (RectifyVerification, verifier, "verifier", STRING),
  RECTIFY_FIELD (RectifyVerification, verified_on, "verified-on", STRING),
  RECTIFY_FIELD (RectifyVerification, result, "result", ENUM),
  RECTIFY_FIELD (RectifyVerification, comment, "comment", STRING),
};

const RectifyField *
_rectify_verification_get_fields (guint *n_fields)
{
  *n_fields = G_N_ELEMENTS (verification_fields);

  return verification_fields;
}
