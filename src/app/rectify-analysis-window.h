/* rectify-analysis-window.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rectify-register.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_ANALYSIS_WINDOW (rectify_analysis_window_get_type ())

G_DECLARE_FINAL_TYPE (RectifyAnalysisWindow, rectify_analysis_window, RECTIFY, ANALYSIS_WINDOW, AdwWindow)

/* Shows the root cause analysis (fishbone and 5 Whys) of @nc in a window of its own, in the
 * application of @parent (nullable). One window per NC: the one already open is presented
 * again. */
void       rectify_analysis_window_present       (GtkWindow             *parent,
                                                  RectifyRegister       *reg,
                                                  RectifyNonconformity  *nc);
/* Closes every analysis window open on @reg (when the register is closed or replaced). */
void       rectify_analysis_window_close_all     (RectifyRegister       *reg);
/* TRUE while an analysis window is open on @reg. */
gboolean   rectify_analysis_window_any           (RectifyRegister       *reg);
/* The open analysis window of @nc, or NULL. (transfer none) */
GtkWidget *rectify_analysis_window_lookup        (RectifyRegister       *reg,
                                                  RectifyNonconformity  *nc);

/* For tests. (transfer none) */
GtkWidget *_rectify_analysis_window_get_view      (RectifyAnalysisWindow *self);
GtkWidget *_rectify_analysis_window_get_outline   (RectifyAnalysisWindow *self);
GtkWidget *_rectify_analysis_window_get_five_whys (RectifyAnalysisWindow *self);
/* The categories popover: its menu button, its list (a row per category: a rename entry, then
 * a remove button), the entry of a new category (Enter adds it) and the refusal shown under the
 * list (NULL when none). The list, the entry and the message exist once the popover has opened
 * (NULL before). */
GtkWidget  *_rectify_analysis_window_get_categories_button   (RectifyAnalysisWindow *self);
GtkWidget  *_rectify_analysis_window_get_categories_list     (RectifyAnalysisWindow *self);
GtkWidget  *_rectify_analysis_window_get_new_category_entry  (RectifyAnalysisWindow *self);
const char *_rectify_analysis_window_get_categories_message  (RectifyAnalysisWindow *self);
/* The "Root Cause" toggle of the header bar. */
GtkWidget *_rectify_analysis_window_get_root_button (RectifyAnalysisWindow *self);
/* Undoes the last removal shown in a toast (as its Undo button does); FALSE when none. */
gboolean   _rectify_analysis_window_undo_removal  (RectifyAnalysisWindow *self);

/* Writes the diagram to @path (PNG, SVG or PDF by extension) as "Export Diagram…" does. */
gboolean   _rectify_analysis_window_export_to     (RectifyAnalysisWindow *self,
                                                   const char            *path,
                                                   GError               **error);

G_END_DECLS
