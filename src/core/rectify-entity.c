/* rectify-entity.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-entity"

#include "config.h"

#include "rectify-entity.h"
#include "rectify-entity-private.h"

typedef struct
{
  gint64 id;
} RectifyEntityPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (RectifyEntity, rectify_entity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rectify_entity_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RectifyEntity *self = RECTIFY_ENTITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, rectify_entity_get_id (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_entity_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RectifyEntity *self = RECTIFY_ENTITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      rectify_entity_set_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_entity_class_init (RectifyEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = rectify_entity_get_property;
  object_class->set_property = rectify_entity_set_property;

  klass->table_name = NULL;

  /**
   * RectifyEntity:id:
   *
   * The SQLite rowid of the record, 0 until it is stored.
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rectify_entity_init (RectifyEntity *self)
{
}

/**
 * rectify_entity_get_id:
 * @self: a #RectifyEntity
 *
 * Returns: the rowid of the record in its register, or 0 when it is not stored yet
 */
gint64
rectify_entity_get_id (RectifyEntity *self)
{
  RectifyEntityPrivate *priv;

  g_return_val_if_fail (RECTIFY_IS_ENTITY (self), 0);

  priv = rectify_entity_get_instance_private (self);

  return priv->id;
}

/**
 * rectify_entity_set_id:
 * @self: a #RectifyEntity
 * @id: the rowid, 0 or more
 *
 * Sets the rowid of the record; notifies #RectifyEntity:id when it changes.
 */
void
rectify_entity_set_id (RectifyEntity *self,
                       gint64         id)
{
  RectifyEntityPrivate *priv;

  g_return_if_fail (RECTIFY_IS_ENTITY (self));
  g_return_if_fail (id >= 0);

  priv = rectify_entity_get_instance_private (self);

  if (priv->id == id)
    return;

  priv->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * rectify_entity_get_table_name:
 * @self: a #RectifyEntity
 *
 * Returns: (nullable): the register table of this kind of entity ("nonconformity", "action", ...)
 */
const char *
rectify_entity_get_table_name (RectifyEntity *self)
{
  g_return_val_if_fail (RECTIFY_IS_ENTITY (self), NULL);

  return RECTIFY_ENTITY_GET_CLASS (self)->table_name;
}

void
_rectify_entity_load_id (RectifyEntity *self,
                         gint64         id)
{
  RectifyEntityPrivate *priv = rectify_entity_get_instance_private (self);

  priv->id = id;
}
