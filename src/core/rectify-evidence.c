/* rectify-evidence.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-evidence"

#include "config.h"

#include "rectify-evidence.h"
#include "rectify-entity-private.h"

struct _RectifyEvidence
{
  RectifyEntity  parent_instance;

  char          *name;
  char          *mime_type;
  char          *sha256;
  char          *added_by;
  char          *added_at;

  gint64         nc_id;
  gint64         action_id;
  gint64         size;
};

G_DEFINE_FINAL_TYPE (RectifyEvidence, rectify_evidence, RECTIFY_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_NC_ID,
  PROP_ACTION_ID,
  PROP_NAME,
  PROP_MIME_TYPE,
  PROP_SIZE,
  PROP_SHA256,
  PROP_ADDED_BY,
  PROP_ADDED_AT,
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
rectify_evidence_finalize (GObject *object)
{
  RectifyEvidence *self = (RectifyEvidence *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->mime_type, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->added_by, g_free);
  g_clear_pointer (&self->added_at, g_free);

  G_OBJECT_CLASS (rectify_evidence_parent_class)->finalize (object);
}

static void
rectify_evidence_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RectifyEvidence *self = RECTIFY_EVIDENCE (object);

  switch (prop_id)
    {
    case PROP_NC_ID:
      g_value_set_int64 (value, self->nc_id);
      break;

    case PROP_ACTION_ID:
      g_value_set_int64 (value, self->action_id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_MIME_TYPE:
      g_value_set_string (value, self->mime_type);
      break;

    case PROP_SIZE:
      g_value_set_int64 (value, self->size);
      break;

    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;

    case PROP_ADDED_BY:
      g_value_set_string (value, self->added_by);
      break;

    case PROP_ADDED_AT:
      g_value_set_string (value, self->added_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_evidence_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RectifyEvidence *self = RECTIFY_EVIDENCE (object);

  switch (prop_id)
    {
    case PROP_NC_ID:
      set_int64 (object, &self->nc_id, value, pspec);
      break;

    case PROP_ACTION_ID:
      set_int64 (object, &self->action_id, value, pspec);
      break;

    case PROP_NAME:
      set_string (object, &self->name, value, pspec);
      break;

    case PROP_MIME_TYPE:
      set_string (object, &self->mime_type, value, pspec);
      break;

    case PROP_SIZE:
      set_int64 (object, &self->size, value, pspec);
      break;

    case PROP_SHA256:
      set_string (object, &self->sha256, value, pspec);
      break;

    case PROP_ADDED_BY:
      set_string (object, &self->added_by, value, pspec);
      break;

    case PROP_ADDED_AT:
      set_string (object, &self->added_at, value, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_evidence_class_init (RectifyEvidenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RectifyEntityClass *entity_class = RECTIFY_ENTITY_CLASS (klass);

  object_class->finalize = rectify_evidence_finalize;
  object_class->get_property = rectify_evidence_get_property;
  object_class->set_property = rectify_evidence_set_property;

  entity_class->table_name = "evidence";

  /**
   * RectifyEvidence:nc-id:
   *
   * The nonconformity it is attached to, 0 when attached to an action.
   */
  properties[PROP_NC_ID] =
    g_param_spec_int64 ("nc-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyEvidence:action-id:
   *
   * The action it is attached to, 0 when attached to a nonconformity.
   */
  properties[PROP_ACTION_ID] =
    g_param_spec_int64 ("action-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyEvidence:name:
   *
   * The file name.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyEvidence:mime-type:
   *
   * The MIME type of the file.
   */
  properties[PROP_MIME_TYPE] =
    g_param_spec_string ("mime-type", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyEvidence:size:
   *
   * The size of the file in bytes.
   */
  properties[PROP_SIZE] =
    g_param_spec_int64 ("size", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyEvidence:sha256:
   *
   * The hex SHA-256 digest of the bytes.
   */
  properties[PROP_SHA256] =
    g_param_spec_string ("sha256", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyEvidence:added-by:
   *
   * Who added it.
   */
  properties[PROP_ADDED_BY] =
    g_param_spec_string ("added-by", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RectifyEvidence:added-at:
   *
   * When it was added, an ISO 8601 UTC timestamp.
   */
  properties[PROP_ADDED_AT] =
    g_param_spec_string ("added-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rectify_evidence_init (RectifyEvidence *self)
{
}

/**
 * rectify_evidence_new:
 *
 * Creates a new, unsaved evidence (its id is 0).
 *
 * Returns: (transfer full): a new #RectifyEvidence
 */
RectifyEvidence *
rectify_evidence_new (void)
{
  return g_object_new (RECTIFY_TYPE_EVIDENCE, NULL);
}

/**
 * rectify_evidence_get_nc_id:
 * @self: a #RectifyEvidence
 *
 * Returns: the #RectifyEvidence:nc-id property
 */
gint64
rectify_evidence_get_nc_id (RectifyEvidence *self)
{
  g_return_val_if_fail (RECTIFY_IS_EVIDENCE (self), 0);

  return self->nc_id;
}

/**
 * rectify_evidence_get_action_id:
 * @self: a #RectifyEvidence
 *
 * Returns: the #RectifyEvidence:action-id property
 */
gint64
rectify_evidence_get_action_id (RectifyEvidence *self)
{
  g_return_val_if_fail (RECTIFY_IS_EVIDENCE (self), 0);

  return self->action_id;
}

/**
 * rectify_evidence_get_name:
 * @self: a #RectifyEvidence
 *
 * Returns: (nullable): the #RectifyEvidence:name property
 */
const char *
rectify_evidence_get_name (RectifyEvidence *self)
{
  g_return_val_if_fail (RECTIFY_IS_EVIDENCE (self), NULL);

  return self->name;
}

/**
 * rectify_evidence_get_mime_type:
 * @self: a #RectifyEvidence
 *
 * Returns: (nullable): the #RectifyEvidence:mime-type property
 */
const char *
rectify_evidence_get_mime_type (RectifyEvidence *self)
{
  g_return_val_if_fail (RECTIFY_IS_EVIDENCE (self), NULL);

  return self->mime_type;
}

/**
 * rectify_evidence_get_size:
 * @self: a #RectifyEvidence
 *
 * Returns: the #RectifyEvidence:size property
 */
gint64
rectify_evidence_get_size (RectifyEvidence *self)
{
  g_return_val_if_fail (RECTIFY_IS_EVIDENCE (self), 0);

  return self->size;
}

/**
 * rectify_evidence_get_sha256:
 * @self: a #RectifyEvidence
 *
 * Returns: (nullable): the #RectifyEvidence:sha256 property
 */
const char *
rectify_evidence_get_sha256 (RectifyEvidence *self)
{
  g_return_val_if_fail (RECTIFY_IS_EVIDENCE (self), NULL);

  return self->sha256;
}

/**
 * rectify_evidence_get_added_by:
 * @self: a #RectifyEvidence
 *
 * Returns: (nullable): the #RectifyEvidence:added-by property
 */
const char *
rectify_evidence_get_added_by (RectifyEvidence *self)
{
  g_return_val_if_fail (RECTIFY_IS_EVIDENCE (self), NULL);

  return self->added_by;
}

/**
 * rectify_evidence_get_added_at:
 * @self: a #RectifyEvidence
 *
 * Returns: (nullable): the #RectifyEvidence:added-at property
 */
const char *
rectify_evidence_get_added_at (RectifyEvidence *self)
{
  g_return_val_if_fail (RECTIFY_IS_EVIDENCE (self), NULL);

  return self->added_at;
}

/* The register's fast load path (rectify-entity-private.h) */

static const RectifyField evidence_fields[] = {
  RECTIFY_FIELD (RectifyEvidence, nc_id, "nc-id", INT64),
  RECTIFY_FIELD (RectifyEvidence, action_id, "action-id", INT64),
  RECTIFY_FIELD (RectifyEvidence, name, "name", STRING),
  RECTIFY_FIELD (RectifyEvidence, mime_type, "mime-type", STRING),
  RECTIFY_FIELD (RectifyEvidence, size, "size", INT64),
  RECTIFY_FIELD (RectifyEvidence, sha256, "sha256", STRING),
  RECTIFY_FIELD (RectifyEvidence, added_by, "added-by", STRING),
  RECTIFY_FIELD (RectifyEvidence, added_at, "added-at", STRING),
};

const RectifyField *
_rectify_evidence_get_fields (guint *n_fields)
{
  *n_fields = G_N_ELEMENTS (evidence_fields);

  return evidence_fields;
}
