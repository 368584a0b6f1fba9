/* rectify-action-dialog.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rectify-register.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_ACTION_DIALOG (rectify_action_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RectifyActionDialog, rectify_action_dialog, RECTIFY, ACTION_DIALOG, AdwWindow)

/* A window to add a corrective action to an NC, or to edit one: title, description, owner,
 * target date, resources, success criterion, status, done on, and the action's evidence files.
 * A new action is stored and linked to the NC when the user presses "Add"; the dialog then stays
 * open on the stored action so evidence can be attached. An existing action is saved field by
 * field as the user works.
 *
 * Signals:
 *   "action-created" (RectifyAction *action): a new action was added and linked.
 *   "error" (const char *message): a write failed.
 */

/* @nc: (nullable): the NC a new action is linked to; @action: (nullable): NULL to create one. */
GtkWidget     *rectify_action_dialog_new        (GtkWindow            *parent,
                                                 RectifyRegister      *reg,
                                                 RectifyNonconformity *nc,
                                                 RectifyAction        *action);
RectifyAction *rectify_action_dialog_get_action (RectifyActionDialog  *self);

/* for tests: fields by name ("title", "owner", "target-on", "status", ...) and the evidence list */
GtkWidget     *_rectify_action_dialog_get_field (RectifyActionDialog  *self,
                                                 const char           *property);
GtkWidget     *_rectify_action_dialog_get_evidence_list (RectifyActionDialog *self);

G_END_DECLS
