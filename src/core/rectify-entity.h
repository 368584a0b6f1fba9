/* rectify-entity.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RECTIFY_TYPE_ENTITY (rectify_entity_get_type ())

G_DECLARE_DERIVABLE_TYPE (RectifyEntity, rectify_entity, RECTIFY, ENTITY, GObject)

/* The base of every record kept in a register. "id" is the SQLite rowid, 0 until stored. */
struct _RectifyEntityClass
{
  GObjectClass parent_class;

  /* The register's table for this kind of entity, and the word used in the history
   * ("nonconformity", "action", "cause", "audit", "evidence", "verification"). */
  const char *table_name;
};

gint64      rectify_entity_get_id         (RectifyEntity *self);
void        rectify_entity_set_id         (RectifyEntity *self,
                                           gint64         id);
const char *rectify_entity_get_table_name (RectifyEntity *self);

G_END_DECLS
