/* rectify-cause.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-cause"

#include "config.h"

#include "rectify-cause.h"
#include "rectify-entity-private.h"

struct _RectifyCause
{
  RectifyEntity  parent_instance;

  char          *category;
  char          *text;

  gint64         nc_id;
  gint64         parent_id;
  int            position;
  gboolean       is_root;
};

G_DEFINE_FINAL_TYPE (RectifyCause, rectify_cause, RECTIFY_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_NC_ID,
  PROP_PARENT_ID,
  PROP_CATEGORY,
  PROP_TEXT,
  PROP_POSITION,
  PROP_IS_ROOT,
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
rectify_cause_finalize (GObject *object)
{
  RectifyCause *self = (RectifyCause *)object;

  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (rectify_cause_parent_class)->finalize (object);
}

static void
rectify_cause_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RectifyCause *self = RECTIFY_CAUSE (object);

  switch (prop_id)
    {
    case PROP_NC_ID:
      g_value_set_int64 (value, self->nc_id);
      break;

    case PROP_PARENT_ID:
      g_value_set_int64 (value, self->parent_id);
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;

    case PROP_IS_ROOT:
      g_value_set_boolean (value, self->is_root);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_cause_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RectifyCause *self = RECTIFY_CAUSE (object);

  switch (prop_id)
    {
    case PROP_NC_ID:
      set_int64 (object, &self->nc_id, value, pspec);
      break;

    case PROP_PARENT_ID:
      set_int64 (object, &self->parent_id, value, pspec);
      break;

    case PROP_CATEGORY:
      set_string (object, &self->category, value, pspec);
      break;

    case PROP_TEXT:
      set_string (object, &self->text, value, pspec);
      break;

    case PROP_POSITION:
      if (self->position != g_value_get_int (value))
        {
          self->position = g_value_get_int (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_IS_ROOT:
      if (self->is_root != !!g_value_get_boolean (value))
        {
          self->is_root = !!g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_cause_class_init (RectifyCauseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RectifyEntityClass *entity_class = RECTIFY_ENTITY_CLASS (klass);

  object_class->finalize = rectify_cause_finalize;
  object_class->get_property = rectify_cause_get_property;
  object_class->set_property = rectify_cause_set_property;

  entity_class->table_name = "cause";

  /**
   * RectifyCause:nc-id:
   *
   * The nonconformity it belongs to.
   */
  properties[PROP_NC_ID] =
    g_param_spec_int64 ("nc-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyCause:parent-id:
   *
   * The cause it answers "why?" for, 0 for none.
   */
  properties[PROP_PARENT_ID] =
    g_param_spec_int64 ("parent-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyCause:category:
   *
   * The fishbone bone ("People", "Process", ...).
   */
  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyCause:text:
   *
   * The cause.
   */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyCause:position:
   *
   * The order among its siblings.
   */
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyCause:is-root:
   *
   * Whether it is marked as a root cause.
   */
  properties[PROP_IS_ROOT] =
    g_param_spec_boolean ("is-root", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rectify_cause_init (RectifyCause *self)
{
}

/**
 * rectify_cause_new:
 *
 * Creates a new, unsaved cause (its id is 0).
 *
 * Returns: (transfer full): a new #RectifyCause
 */
RectifyCause *
rectify_cause_new (void)
{
  return g_object_new (RECTIFY_TYPE_CAUSE, NULL);
}

/**
 * rectify_cause_get_nc_id:
 * @self: a #RectifyCause
 *
 * Returns: the #RectifyCause:nc-id property
 */
gint64
rectify_cause_get_nc_id (RectifyCause *self)
{
  g_return_val_if_fail (RECTIFY_IS_CAUSE (self), 0);

  return self->nc_id;
}

/**
 * rectify_cause_get_parent_id:
 * @self: a #RectifyCause
 *
 * Returns: the #RectifyCause:parent-id property
 */
gint64
rectify_cause_get_parent_id (RectifyCause *self)
{
  g_return_val_if_fail (RECTIFY_IS_CAUSE (self), 0);

  return self->parent_id;
}

/**
 * rectify_cause_get_category:
 * @self: a #RectifyCause
 *
 * Returns: (nullable): the #RectifyCause:category property
 */
const char *
rectify_cause_get_category (RectifyCause *self)
{
  g_return_val_if_fail (RECTIFY_IS_CAUSE (self), NULL);

  return self->category;
}

/**
 * rectify_cause_get_text:
 * @self: a #RectifyCause
 *
 * Returns: (nullable): the #RectifyCause:text property
 */
const char *
rectify_cause_get_text (RectifyCause *self)
{
  g_return_val_if_fail (RECTIFY_IS_CAUSE (self), NULL);

  return self->text;
}

/**
 * rectify_cause_get_position:
 * @self: a #RectifyCause
 *
 * Returns: the #RectifyCause:position property
 */
int
rectify_cause_get_position (RectifyCause *self)
{
  g_return_val_if_fail (RECTIFY_IS_CAUSE (self), 0);

  return self->position;
}

/**
 * rectify_cause_get_is_root:
 * @self: a #RectifyCause
 *
 * Returns: the #RectifyCause:is-root property
 */
gboolean
rectify_cause_get_is_root (RectifyCause *self)
{
  g_return_val_if_fail (RECTIFY_IS_CAUSE (self), FALSE);

  return self->is_root;
}

/* The register's fast load path (rectify-entity-private.h) */

static const RectifyField cause_fields[] = {
  RECTIFY_FIELD (RectifyCause, nc_id, "nc-id", INT64),
  RECTIFY_FIELD (RectifyCause, parent_id, "parent-id", INT64),
  RECTIFY_FIELD (RectifyCause, category, "category", STRING),
  RECTIFY_FIELD (RectifyCause, text, "text", STRING),
  RECTIFY_FIELD (RectifyCause, position, "position", INT),
  RECTIFY_FIELD (RectifyCause, is_root, "is-root", BOOLEAN),
};

const RectifyField *
_rectify_cause_get_fields (guint *n_fields)
{
  *n_fields = G_N_ELEMENTS (cause_fields);

  return cause_fields;
}
