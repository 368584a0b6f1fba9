/* rectify-settings.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rectify-policy.h"
#include "rectify-register.h"
#include "rectify-reminders.h"

G_BEGIN_DECLS

/* The application's settings (the io.github.rectify.Rectify schema), or NULL when the schema is
 * not installed (running uninstalled without GSETTINGS_SCHEMA_DIR). (transfer full) (nullable) */
GSettings *rectify_settings_new                    (void);

/* The settings key that holds the default for new registers of a policy key:
 * "policy.major-days" -> "default-policy-major-days". (transfer full) */
char      *rectify_settings_policy_key             (const char              *policy_key);

/* The deadline policy for new registers. With @settings NULL, or for a policy key the schema
 * does not have, the core's defaults. */
void       rectify_settings_get_default_policy     (GSettings               *settings,
                                                    RectifyPolicy           *policy);
/* Gives @reg, a register just created, the default policy of @settings (nothing to do when
 * @settings is NULL). */
gboolean   rectify_settings_apply_default_policy   (GSettings               *settings,
                                                    RectifyRegister         *reg,
                                                    GError                 **error);

/* Reminder lead times; the core's defaults when @settings is NULL. */
void       rectify_settings_get_reminder_settings  (GSettings               *settings,
                                                    RectifyReminderSettings *reminder_settings);

G_END_DECLS
