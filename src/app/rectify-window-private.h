/* rectify-window-private.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rectify-actions-page.h"
#include "rectify-board.h"
#include "rectify-dashboard.h"
#include "rectify-import-dialog.h"
#include "rectify-nc-editor.h"
#include "rectify-window.h"

G_BEGIN_DECLS

/* For tests: the widgets a person uses. */
GtkColumnView   *_rectify_window_get_column_view    (RectifyWindow *self);
/* Whether the table is still getting its rows, a few more each frame (after a register shows,
 * or the filters change with no row selected). */
gboolean         _rectify_window_is_table_filling   (RectifyWindow *self);
/* The NCs the filters let through, in the table's order: the table's rows once filled. */
GListModel      *_rectify_window_get_filtered       (RectifyWindow *self);
RectifyNcEditor *_rectify_window_get_editor         (RectifyWindow *self);
GtkDropDown     *_rectify_window_get_grade_filter   (RectifyWindow *self);
GtkDropDown     *_rectify_window_get_status_filter  (RectifyWindow *self);
GtkDropDown     *_rectify_window_get_source_filter  (RectifyWindow *self);
/* Positions: "All Themes", then the RectifyCatalogueTheme groups in order. */
GtkDropDown     *_rectify_window_get_theme_filter   (RectifyWindow *self);
GtkDropDown     *_rectify_window_get_audit_filter   (RectifyWindow *self);
GtkToggleButton *_rectify_window_get_overdue_toggle (RectifyWindow *self);
GtkEditable     *_rectify_window_get_search_entry   (RectifyWindow *self);
GtkLabel        *_rectify_window_get_count_label    (RectifyWindow *self);
/* The name of the page shown: "welcome" or "register". */
const char      *_rectify_window_get_page           (RectifyWindow *self);
/* The register page's views: "nonconformities", "board", "actions" and "dashboard". */
AdwViewStack        *_rectify_window_get_view_stack   (RectifyWindow *self);
RectifyActionsPage  *_rectify_window_get_actions_page (RectifyWindow *self);
RectifyBoard        *_rectify_window_get_board        (RectifyWindow *self);
RectifyDashboard    *_rectify_window_get_dashboard    (RectifyWindow *self);
/* The pane of the NC editor (beside the table, or the board once a card is opened). */
GtkWidget           *_rectify_window_get_editor_pane  (RectifyWindow *self);
AdwToastOverlay     *_rectify_window_get_toast_overlay (RectifyWindow *self);

/* What win.export does after its file chooser: writes the plan of the whole register (@audit
 * NULL) or of one audit to @file in a thread; FALSE when an export is already under way. */
gboolean             _rectify_window_export_to       (RectifyWindow *self,
                                                      GFile         *file,
                                                      RectifyAudit  *audit);
gboolean             _rectify_window_is_exporting    (RectifyWindow *self);
/* What win.import does after its file chooser: opens the import dialog on @file.
 * (transfer none) */
RectifyImportDialog *_rectify_window_import_file     (RectifyWindow *self,
                                                      GFile         *file);

G_END_DECLS
