/* rectify-import-dialog.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rectify-register.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_IMPORT_DIALOG (rectify_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RectifyImportDialog, rectify_import_dialog, RECTIFY, IMPORT_DIALOG, AdwWindow)

/* Signals:
 *   "imported" (guint n_created)
 *       the findings were written to the register; the dialog closes itself after it.
 */

/* A modal dialog over @parent that reads the findings file @file, shows what an import into
 * @reg would create (or the problems of the file, with their line numbers) and imports it. */
RectifyImportDialog *rectify_import_dialog_new (GtkWindow       *parent,
                                                RectifyRegister *reg,
                                                GFile           *file);

/* For tests */
/* The rows of the preview (one per finding of the file). (transfer none) */
GListModel          *_rectify_import_dialog_get_preview      (RectifyImportDialog *self);
/* The problems listed (one row each). */
GtkListBox          *_rectify_import_dialog_get_problem_list (RectifyImportDialog *self);
GtkWidget           *_rectify_import_dialog_get_import_button (RectifyImportDialog *self);
GtkLabel            *_rectify_import_dialog_get_summary_label (RectifyImportDialog *self);
AdwComboRow         *_rectify_import_dialog_get_audit_row     (RectifyImportDialog *self);
GtkEditable         *_rectify_import_dialog_get_audit_title   (RectifyImportDialog *self);

G_END_DECLS
