/* rectify-dashboard.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rectify-chart.h"
#include "rectify-register.h"
#include "rectify-stats.h"

G_BEGIN_DECLS

/* The status of "show-nonconformities" that stands for every status but Closed. */
#define RECTIFY_DASHBOARD_STATUS_OPEN (-2)

#define RECTIFY_TYPE_DASHBOARD (rectify_dashboard_get_type ())

G_DECLARE_FINAL_TYPE (RectifyDashboard, rectify_dashboard, RECTIFY, DASHBOARD, GtkWidget)

/* The Dashboard page: the figures of rectify_stats_compute() for the whole register or one audit,
 * as headline figures and charts (open NCs by status, grade, source and Annex A theme; opened and
 * closed per month). It follows the register, recomputing at most once per pause in the changes,
 * and only while it is on screen.
 *
 * Properties:
 *   "audit-id"  int64   the audit in scope, 0 for the whole register (its own drop-down sets it
 *                       too, so the window can keep its audit filter in step)
 *
 * Signals:
 *   "show-nonconformities" (int status, int grade, int source, int theme, gboolean overdue)
 *       a bar or a figure was activated: show these NCs in the register (-1: any;
 *       status RECTIFY_DASHBOARD_STATUS_OPEN: any but Closed; theme a RectifyCatalogueTheme,
 *       the group of the requirement), within the audit in scope.
 */

GtkWidget    *rectify_dashboard_new                (void);
void          rectify_dashboard_set_register       (RectifyDashboard *self,
                                                    RectifyRegister  *reg);
void          rectify_dashboard_set_audit_id       (RectifyDashboard *self,
                                                    gint64            audit_id);
gint64        rectify_dashboard_get_audit_id       (RectifyDashboard *self);

/* For tests */
/* The figures shown, or NULL before the first computation (transfer none). */
RectifyStats *_rectify_dashboard_get_stats         (RectifyDashboard *self);
/* How many times the figures were computed. */
guint         _rectify_dashboard_get_n_updates     (RectifyDashboard *self);
/* A chart by name: "status", "grade", "source", "theme" or "trend" (transfer none). */
RectifyChart *_rectify_dashboard_get_chart         (RectifyDashboard *self,
                                                    const char       *name);
/* A headline figure's value label by name: "open", "overdue", "overdue-actions", "days",
 * "on-time", "reopened" (transfer none). */
GtkLabel     *_rectify_dashboard_get_figure        (RectifyDashboard *self,
                                                    const char       *name);
/* The button of a figure that shows its NCs: "open", "overdue" (transfer none). */
GtkWidget    *_rectify_dashboard_get_figure_button (RectifyDashboard *self,
                                                    const char       *name);

G_END_DECLS
