/* rectify-window-private.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rectify-nc-editor.h"
#include "rectify-window.h"

G_BEGIN_DECLS

/* For tests: the widgets a person uses. */
GtkColumnView   *_rectify_window_get_column_view    (RectifyWindow *self);
RectifyNcEditor *_rectify_window_get_editor         (RectifyWindow *self);
GtkDropDown     *_rectify_window_get_grade_filter   (RectifyWindow *self);
GtkDropDown     *_rectify_window_get_status_filter  (RectifyWindow *self);
GtkToggleButton *_rectify_window_get_overdue_toggle (RectifyWindow *self);
GtkEditable     *_rectify_window_get_search_entry   (RectifyWindow *self);
GtkLabel        *_rectify_window_get_count_label    (RectifyWindow *self);
/* The name of the page shown: "welcome" or "register". */
const char      *_rectify_window_get_page           (RectifyWindow *self);

G_END_DECLS
