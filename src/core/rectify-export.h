/* rectify-export.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rectify-register.h"

G_BEGIN_DECLS

/* The corrective action plan (CAP) workbook: Summary, Corrective Action Plan, Actions and Root
 * causes sheets, written with libxlsxwriter (design.md, "The CAP workbook"). The certification
 * body's follow-up columns of the Corrective Action Plan are left for the CB to fill in, but for
 * its latest decision on the plan when one is recorded in the register: "CAP accepted" (the words
 * of the column's drop-down) and "Resubmit by" (a date, when the CB gave one). */

#define RECTIFY_EXPORT_ERROR (rectify_export_error_quark ())

typedef enum
{
  RECTIFY_EXPORT_ERROR_FAILED,      /* the workbook could not be written (folder, disk, ...) */
  RECTIFY_EXPORT_ERROR_INVALID,     /* a bad argument (no "today" date) */
} RectifyExportError;

/* Called from the writing thread with the share of the work done, 0.0 to 1.0. */
typedef void (*RectifyExportProgress) (double   fraction,
                                       gpointer user_data);

/* A plain copy of everything the workbook shows, so the writing can run in a worker thread while
 * the register and its models stay on the main thread. */
typedef struct _RectifyExportSnapshot RectifyExportSnapshot;

GQuark                 rectify_export_error_quark      (void);

/* Copies the register's data for the workbook: the whole register, or only the NCs of @audit and
 * the actions linked to them. @today ("YYYY-MM-DD") is the date of the plan, used for overdue
 * marks and the document's creation date. Must run on the thread that owns @reg (the main
 * thread in the app). (transfer full) */
RectifyExportSnapshot *rectify_export_snapshot_new     (RectifyRegister        *reg,
                                                        RectifyAudit           *audit,
                                                        const char             *today);
void                   rectify_export_snapshot_free    (RectifyExportSnapshot  *snapshot);
guint                  rectify_export_snapshot_get_n_nonconformities
                                                       (RectifyExportSnapshot  *snapshot);

/* Writes @snapshot as an .xlsx workbook at @path. Touches no GObject of the register, so it may
 * run in a GTask thread. The workbook is written to a temporary file beside @path and renamed over
 * it at the end: on failure or cancellation @path is left as it was. */
gboolean               rectify_export_snapshot_write   (RectifyExportSnapshot  *snapshot,
                                                        const char             *path,
                                                        RectifyExportProgress   progress_cb,
                                                        gpointer                user_data,
                                                        GCancellable           *cancellable,
                                                        GError                **error);

/* rectify_export_snapshot_new() and rectify_export_snapshot_write() in one call; must run on the
 * thread that owns @reg. @audit (nullable): only that audit's NCs; NULL for the whole register. */
gboolean               rectify_export_workbook         (RectifyRegister        *reg,
                                                        const char             *path,
                                                        RectifyAudit           *audit,
                                                        const char             *today,
                                                        RectifyExportProgress   progress_cb,
                                                        gpointer                user_data,
                                                        GCancellable           *cancellable,
                                                        GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectifyExportSnapshot, rectify_export_snapshot_free)

G_END_DECLS
