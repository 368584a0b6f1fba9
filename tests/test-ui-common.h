/* test-ui-common.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers shared by the UI tests: running the main loop until a condition holds, and the
 * application, demo register and windows of the tests that go through every window of the app.
 */

#pragma once

#include <adwaita.h>

#include "rectify-application.h"
#include "rectify-register.h"
#include "rectify-window.h"

G_BEGIN_DECLS

/* Runs the main context until @cond holds or @timeout_ms pass; returns whether it holds. */
gboolean            test_ui_iterate_until       (gboolean  (*cond) (gpointer data),
                                                 gpointer    data,
                                                 guint       timeout_ms);
void                test_ui_iterate_for         (guint       ms);
/* Conditions for test_ui_iterate_until(): @data is a widget that is mapped; @data points to a
 * pointer that is NULL (a weak pointer once its object is gone). */
gboolean            test_ui_is_mapped           (gpointer    data);
gboolean            test_ui_is_null             (gpointer    data);
/* Destroys @window and waits until it is finalized. */
void                test_ui_destroy             (GtkWidget  *window);

/* A registered application (not unique: tests run side by side), with its startup done and
 * its reminders off. */
RectifyApplication *test_ui_new_application     (const char *name);
/* A temporary folder with the demo register "Demo.rectify" in it; free with
 * test_ui_remove_folder(). (transfer full) */
char               *test_ui_make_demo_folder    (void);
void                test_ui_remove_folder       (const char *dir);
/* A window of @app on the register at @path, shown and mapped. (transfer none) */
RectifyWindow      *test_ui_open_window         (RectifyApplication *app,
                                                 const char         *path);
/* Waits until @window's table has all its rows (it gets them a few more each frame after a
 * register shows or the filters change) and returns them: the table's selection model. */
GListModel         *test_ui_table_rows          (RectifyWindow      *window);
/* The NC with the most causes (the richest analysis), for the analysis window. (transfer none) */
RectifyNonconformity *test_ui_find_analysed_nc  (RectifyRegister    *reg);

G_END_DECLS
