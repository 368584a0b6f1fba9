/* rectify-action.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rectify-entity.h"
#include "rectify-enums.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_ACTION (rectify_action_get_type ())

G_DECLARE_FINAL_TYPE (RectifyAction, rectify_action, RECTIFY, ACTION, RectifyEntity)

/* Properties (dates are ISO "YYYY-MM-DD" strings or NULL):
 *   "ref"                string  "A-001"
 *   "title"              string
 *   "description"        string
 *   "owner"              string
 *   "target-on"          date
 *   "resources"          string
 *   "success-criterion"  string  measurable outcome
 *   "status"             RectifyActionStatus
 *   "done-on"            date
 */

RectifyAction       *rectify_action_new                   (void);
const char          *rectify_action_get_ref               (RectifyAction *self);
const char          *rectify_action_get_title             (RectifyAction *self);
const char          *rectify_action_get_description       (RectifyAction *self);
const char          *rectify_action_get_owner             (RectifyAction *self);
const char          *rectify_action_get_target_on         (RectifyAction *self);
const char          *rectify_action_get_resources         (RectifyAction *self);
const char          *rectify_action_get_success_criterion (RectifyAction *self);
RectifyActionStatus  rectify_action_get_status            (RectifyAction *self);
const char          *rectify_action_get_done_on           (RectifyAction *self);
/* TRUE when the action is neither done nor cancelled and @today is after its target date. */
gboolean             rectify_action_is_overdue            (RectifyAction *self,
                                                           const char    *today);

G_END_DECLS
