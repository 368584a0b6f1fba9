/* rectify-action.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-action"

#include "config.h"

#include "rectify-action.h"
#include "rectify-entity-private.h"
#include "rectify-date.h"

struct _RectifyAction
{
  RectifyEntity        parent_instance;

  char                *ref;
  char                *title;
  char                *description;
  char                *owner;
  char                *target_on;
  char                *resources;
  char                *success_criterion;
  char                *done_on;

  RectifyActionStatus  status;
};

G_DEFINE_FINAL_TYPE (RectifyAction, rectify_action, RECTIFY_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_REF,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_OWNER,
  PROP_TARGET_ON,
  PROP_RESOURCES,
  PROP_SUCCESS_CRITERION,
  PROP_STATUS,
  PROP_DONE_ON,
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
rectify_action_finalize (GObject *object)
{
  RectifyAction *self = (RectifyAction *)object;

  g_clear_pointer (&self->ref, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->target_on, g_free);
  g_clear_pointer (&self->resources, g_free);
  g_clear_pointer (&self->success_criterion, g_free);
  g_clear_pointer (&self->done_on, g_free);

  G_OBJECT_CLASS (rectify_action_parent_class)->finalize (object);
}

static void
rectify_action_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RectifyAction *self = RECTIFY_ACTION (object);

  switch (prop_id)
    {
    case PROP_REF:
      g_value_set_string (value, self->ref);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;

    case PROP_TARGET_ON:
      g_value_set_string (value, self->target_on);
      break;

    case PROP_RESOURCES:
      g_value_set_string (value, self->resources);
      break;

    case PROP_SUCCESS_CRITERION:
      g_value_set_string (value, self->success_criterion);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_DONE_ON:
      g_value_set_string (value, self->done_on);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_action_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RectifyAction *self = RECTIFY_ACTION (object);

  switch (prop_id)
    {
    case PROP_REF:
      set_string (object, &self->ref, value, pspec);
      break;

    case PROP_TITLE:
      set_string (object, &self->title, value, pspec);
      break;

    case PROP_DESCRIPTION:
      set_string (object, &self->description, value, pspec);
      break;

    case PROP_OWNER:
      set_string (object, &self->owner, value, pspec);
      break;

    case PROP_TARGET_ON:
      set_string (object, &self->target_on, value, pspec);
      break;

    case PROP_RESOURCES:
      set_string (object, &self->resources, value, pspec);
      break;

    case PROP_SUCCESS_CRITERION:
      set_string (object, &self->success_criterion, value, pspec);
      break;

    case PROP_STATUS:
      if (self->status != (RectifyActionStatus)g_value_get_enum (value))
        {
          self->status = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_DONE_ON:
      set_string (object, &self->done_on, value, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_action_class_init (RectifyActionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RectifyEntityClass *entity_class = RECTIFY_ENTITY_CLASS (klass);

  object_class->finalize = rectify_action_finalize;
  object_class->get_property = rectify_action_get_property;
  object_class->set_property = rectify_action_set_property;

  entity_class->table_name = "action";

  /**
   * RectifyAction:ref:
   *
   * The reference, "A-001".
   */
  properties[PROP_REF] =
    g_param_spec_string ("ref", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyAction:title:
   *
   * A short title.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyAction:description:
   *
   * What is to be done.
   */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyAction:owner:
   *
   * Who is responsible.
   */
  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyAction:target-on:
   *
   * The target date, an ISO date.
   */
  properties[PROP_TARGET_ON] =
    g_param_spec_string ("target-on", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyAction:resources:
   *
   * The resources it needs.
   */
  properties[PROP_RESOURCES] =
    g_param_spec_string ("resources", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyAction:success-criterion:
   *
   * The measurable outcome.
   */
  properties[PROP_SUCCESS_CRITERION] =
    g_param_spec_string ("success-criterion", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyAction:status:
   *
   * The progress of the action.
   */
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       RECTIFY_TYPE_ACTION_STATUS, RECTIFY_ACTION_STATUS_PLANNED,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyAction:done-on:
   *
   * When it was done, an ISO date.
   */
  properties[PROP_DONE_ON] =
    g_param_spec_string ("done-on", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rectify_action_init (RectifyAction *self)
{
  self->status = RECTIFY_ACTION_STATUS_PLANNED;
}

/**
 * rectify_action_new:
 *
 * Creates a new, unsaved action (its id is 0).
 *
 * Returns: (transfer full): a new #RectifyAction
 */
RectifyAction *
rectify_action_new (void)
{
  return g_object_new (RECTIFY_TYPE_ACTION, NULL);
}

/**
 * rectify_action_get_ref:
 * @self: a #RectifyAction
 *
 * Returns: (nullable): the #RectifyAction:ref property
 */
const char *
rectify_action_get_ref (RectifyAction *self)
{
  g_return_val_if_fail (RECTIFY_IS_ACTION (self), NULL);

  return self->ref;
}

/**
 * rectify_action_get_title:
 * @self: a #RectifyAction
 *
 * Returns: (nullable): the #RectifyAction:title property
 */
const char *
rectify_action_get_title (RectifyAction *self)
{
  g_return_val_if_fail (RECTIFY_IS_ACTION (self), NULL);

  return self->title;
}

/**
 * rectify_action_get_description:
 * @self: a #RectifyAction
 *
 * Returns: (nullable): the #RectifyAction:description property
 */
const char *
rectify_action_get_description (RectifyAction *self)
{
  g_return_val_if_fail (RECTIFY_IS_ACTION (self), NULL);

  return self->description;
}

/**
 * rectify_action_get_owner:
 * @self: a #RectifyAction
 *
 * Returns: (nullable): the #RectifyAction:owner property
 */
const char *
rectify_action_get_owner (RectifyAction *self)
{
  g_return_val_if_fail (RECTIFY_IS_ACTION (self), NULL);

  return self->owner;
}

/**
 * rectify_action_get_target_on:
 * @self: a #RectifyAction
 *
 * Returns: (nullable): the #RectifyAction:target-on property
 */
const char *
rectify_action_get_target_on (RectifyAction *self)
{
  g_return_val_if_fail (RECTIFY_IS_ACTION (self), NULL);

  return self->target_on;
}

/**
 * rectify_action_get_resources:
 * @self: a #RectifyAction
 *
 * Returns: (nullable): the #RectifyAction:resources property
 */
const char *
rectify_action_get_resources (RectifyAction *self)
{
  g_return_val_if_fail (RECTIFY_IS_ACTION (self), NULL);

  return self->resources;
}

/**
 * rectify_action_get_success_criterion:
 * @self: a #RectifyAction
 *
 * Returns: (nullable): the #RectifyAction:success-criterion property
 */
const char *
rectify_action_get_success_criterion (RectifyAction *self)
{
  g_return_val_if_fail (RECTIFY_IS_ACTION (self), NULL);

  return self->success_criterion;
}

/**
 * rectify_action_get_status:
 * @self: a #RectifyAction
 *
 * Returns: the #RectifyAction:status property
 */
RectifyActionStatus
rectify_action_get_status (RectifyAction *self)
{
  g_return_val_if_fail (RECTIFY_IS_ACTION (self), RECTIFY_ACTION_STATUS_PLANNED);

  return self->status;
}

/**
 * rectify_action_get_done_on:
 * @self: a #RectifyAction
 *
 * Returns: (nullable): the #RectifyAction:done-on property
 */
const char *
rectify_action_get_done_on (RectifyAction *self)
{
  g_return_val_if_fail (RECTIFY_IS_ACTION (self), NULL);

  return self->done_on;
}

/**
 * rectify_action_is_overdue:
 * @self: a #RectifyAction
 * @today: (nullable): today as an ISO date, or %NULL for rectify_date_today()
 *
 * Returns: %TRUE when the action is neither done nor cancelled and @today is after its
 *   target date
 */
gboolean
rectify_action_is_overdue (RectifyAction *self,
                           const char    *today)
{
  g_autofree char *now = NULL;
  int days;

  g_return_val_if_fail (RECTIFY_IS_ACTION (self), FALSE);

  if (self->status == RECTIFY_ACTION_STATUS_DONE ||
      self->status == RECTIFY_ACTION_STATUS_CANCELLED)
    return FALSE;

  if (today == NULL)
    today = now = rectify_date_today ();

  if (!rectify_date_days_between (today, self->target_on, &days))
    return FALSE;

  return days < 0;
}

/* The register's fast load path (rectify-entity-private.h) */
G_STATIC_ASSERT (sizeof (RectifyActionStatus) == sizeof (int));

static const RectifyField action_fields[] = {
  RECTIFY_FIELD (RectifyAction, ref, "ref", STRING),
  RECTIFY_FIELD (RectifyAction, title, "title", STRING),
  RECTIFY_FIELD (RectifyAction, description, "description", STRING),
  RECTIFY_FIELD (RectifyAction, owner, "owner", STRING),
  RECTIFY_FIELD (RectifyAction, target_on, "target-on", STRING),
  RECTIFY_FIELD (RectifyAction, resources, "resources", STRING),
  RECTIFY_FIELD (RectifyAction, success_criterion, "success-criterion", STRING),
  RECTIFY_FIELD (RectifyAction, status, "status", ENUM),
  RECTIFY_FIELD (RectifyAction, done_on, "done-on", STRING),
};

const RectifyField *
_rectify_action_get_fields (guint *n_fields)
{
  *n_fields = G_N_ELEMENTS (action_fields);

  return action_fields;
}
