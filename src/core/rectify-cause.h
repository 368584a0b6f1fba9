/* rectify-cause.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rectify-entity.h"
#include "rectify-enums.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_CAUSE (rectify_cause_get_type ())

G_DECLARE_FINAL_TYPE (RectifyCause, rectify_cause, RECTIFY, CAUSE, RectifyEntity)

/* Properties:
 *   "nc-id"      int64   the nonconformity it belongs to
 *   "parent-id"  int64   the cause it answers "why?" for, 0 for none
 *   "category"   string  the fishbone bone ("People", "Process", ...)
 *   "text"       string
 *   "position"   int     order among its siblings
 *   "is-root"    boolean marked as a root cause
 */

RectifyCause *rectify_cause_new           (void);
gint64        rectify_cause_get_nc_id     (RectifyCause *self);
gint64        rectify_cause_get_parent_id (RectifyCause *self);
const char   *rectify_cause_get_category  (RectifyCause *self);
const char   *rectify_cause_get_text      (RectifyCause *self);
int           rectify_cause_get_position  (RectifyCause *self);
gboolean      rectify_cause_get_is_root   (RectifyCause *self);

G_END_DECLS
