/* rectify-preferences-window.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rectify-register.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_PREFERENCES_WINDOW (rectify_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (RectifyPreferencesWindow, rectify_preferences_window, RECTIFY, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* The preferences: style, reminders and the deadline policy for new registers, all kept in
 * @settings; and, when @reg is given, the deadline policy of that register, saved into it. */
GtkWidget *rectify_preferences_window_new (GtkWindow       *parent,
                                           GSettings       *settings,
                                           RectifyRegister *reg);

/* For tests: the switch or spin button that edits a policy key ("policy.major-days") of the
 * defaults for new registers, or of the register (@for_register). (transfer none) (nullable) */
GtkWidget *_rectify_preferences_window_get_policy_widget (RectifyPreferencesWindow *self,
                                                          gboolean                  for_register,
                                                          const char               *policy_key);
/* The switch of the "remind-recent-registers" setting. (transfer none) */
GtkWidget *_rectify_preferences_window_get_recent_switch (RectifyPreferencesWindow *self);
/* Writes a pending change of the register's policy now. */
void       _rectify_preferences_window_flush             (RectifyPreferencesWindow *self);
/* The text view of the register's default fishbone categories (one a line), and what its Apply
 * button (or, with @builtin, its Built-in Set button) does, with the core's refusal in @error. */
GtkWidget *_rectify_preferences_window_get_categories_view (RectifyPreferencesWindow *self);
gboolean   _rectify_preferences_window_apply_categories    (RectifyPreferencesWindow  *self,
                                                            gboolean                   builtin,
                                                            GError                   **error);

G_END_DECLS
