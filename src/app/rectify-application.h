/* rectify-application.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rectify-notifier.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_APPLICATION (rectify_application_get_type ())

G_DECLARE_FINAL_TYPE (RectifyApplication, rectify_application, RECTIFY, APPLICATION, AdwApplication)

RectifyApplication *rectify_application_new           (void);

/* For tests (transfer none) (nullable) */
RectifyNotifier    *_rectify_application_get_notifier (RectifyApplication *self);

G_END_DECLS
