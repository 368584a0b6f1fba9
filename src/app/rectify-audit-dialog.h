/* rectify-audit-dialog.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rectify-audit.h"
#include "rectify-register.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_AUDIT_DIALOG (rectify_audit_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RectifyAuditDialog, rectify_audit_dialog, RECTIFY, AUDIT_DIALOG, AdwWindow)

/* A modal window to create an audit or edit one.
 *
 * Signals:
 *   "audit-created" (RectifyAudit *audit): a new audit was added to the register.
 *   "error" (const char *message): a write failed (the dialog stays open).
 */

/* @audit: (nullable): NULL to create a new audit (added when the user presses "Create"); an
 * existing audit is edited field by field as the user works. */
GtkWidget    *rectify_audit_dialog_new       (GtkWindow       *parent,
                                              RectifyRegister *reg,
                                              RectifyAudit    *audit);
RectifyAudit *rectify_audit_dialog_get_audit (RectifyAuditDialog *self);

G_END_DECLS
