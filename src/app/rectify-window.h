/* rectify-window.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rectify-register.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_WINDOW (rectify_window_get_type ())

G_DECLARE_FINAL_TYPE (RectifyWindow, rectify_window, RECTIFY, WINDOW, AdwApplicationWindow)

RectifyWindow   *rectify_window_new               (GtkApplication *application);
/* A window that opens @file, or the last register of the previous session: as
 * rectify_window_new () then rectify_window_open_file_async () or
 * rectify_window_restore_session (), with the register read beside the window's building. */
RectifyWindow   *rectify_window_new_for_file      (GtkApplication *application,
                                                   GFile          *file);
RectifyWindow   *rectify_window_new_restoring_session (GtkApplication *application);
/* Opens the register at @file in this window; on failure the window is unchanged. */
gboolean         rectify_window_open_file         (RectifyWindow  *self,
                                                   GFile          *file,
                                                   GError        **error);
/* Reads the register at @file in a thread, then shows it; says why when it cannot be opened. */
void             rectify_window_open_file_async   (RectifyWindow  *self,
                                                   GFile          *file);
/* Whether a register is being read (rectify_window_open_file_async (), restore_session ()) */
gboolean         rectify_window_is_opening        (RectifyWindow  *self);
/* Reopens the last register of the previous session, or shows the welcome page (with a toast
 * that says why, when the last register could not be opened). */
void             rectify_window_restore_session   (RectifyWindow  *self);
/* (transfer none) (nullable) */
RectifyRegister *rectify_window_get_register      (RectifyWindow  *self);
/* Shows @nc, an NC of the open register, in the editor (clearing filters that hide it). */
void             rectify_window_show_nonconformity (RectifyWindow        *self,
                                                    RectifyNonconformity *nc);
void             rectify_window_show_open_dialog  (RectifyWindow  *self);
void             rectify_window_show_new_dialog   (RectifyWindow  *self);

G_END_DECLS
