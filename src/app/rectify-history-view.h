/* rectify-history-view.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rectify-register.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_HISTORY_VIEW (rectify_history_view_get_type ())

G_DECLARE_FINAL_TYPE (RectifyHistoryView, rectify_history_view, RECTIFY, HISTORY_VIEW, AdwBin)

/* The history of one nonconformity as a timeline, oldest first: its own changes and those of
 * the actions linked to it, each with who, when (relative and absolute), the field and
 * old → new. Reopenings stand out. It reloads when the register changes. */

GtkWidget *rectify_history_view_new              (void);
void       rectify_history_view_set_register     (RectifyHistoryView   *self,
                                                  RectifyRegister      *reg);
void       rectify_history_view_set_nonconformity (RectifyHistoryView  *self,
                                                  RectifyNonconformity *nc);
void       rectify_history_view_reload           (RectifyHistoryView   *self);

/* for tests and its own rows: "2 hours ago" for @at (ISO 8601) seen from @now */
char      *_rectify_history_view_format_relative (const char           *at,
                                                  GDateTime            *now);
guint      _rectify_history_view_get_n_rows      (RectifyHistoryView   *self);
guint      _rectify_history_view_get_n_reopened  (RectifyHistoryView   *self);

G_END_DECLS
