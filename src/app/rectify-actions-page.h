/* rectify-actions-page.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rectify-register.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_ACTIONS_PAGE (rectify_actions_page_get_type ())

G_DECLARE_FINAL_TYPE (RectifyActionsPage, rectify_actions_page, RECTIFY, ACTIONS_PAGE, GtkWidget)

/* Signals:
 *   "show-nonconformity" (RectifyNonconformity *nc)
 *       the user asked to see one of the NCs an action addresses.
 */

GtkWidget       *rectify_actions_page_new              (void);
/* @reg (nullable): the register whose actions are listed. */
void             rectify_actions_page_set_register     (RectifyActionsPage *self,
                                                        RectifyRegister    *reg);
void             rectify_actions_page_clear_filters    (RectifyActionsPage *self);

/* For tests */
GtkColumnView   *_rectify_actions_page_get_column_view    (RectifyActionsPage *self);
GtkDropDown     *_rectify_actions_page_get_owner_filter   (RectifyActionsPage *self);
GtkDropDown     *_rectify_actions_page_get_status_filter  (RectifyActionsPage *self);
GtkToggleButton *_rectify_actions_page_get_overdue_toggle (RectifyActionsPage *self);
GtkLabel        *_rectify_actions_page_get_count_label    (RectifyActionsPage *self);
/* The NC refs shown for @action, "NC-001, NC-004" (cached; transfer none). */
const char      *_rectify_actions_page_get_nc_refs        (RectifyActionsPage *self,
                                                           RectifyAction      *action);
/* What activating the row at @position does: shows the popover of the action's NCs. */
void             _rectify_actions_page_activate           (RectifyActionsPage *self,
                                                           guint               position);
GtkPopover      *_rectify_actions_page_get_nc_popover     (RectifyActionsPage *self);
GtkListBox      *_rectify_actions_page_get_nc_list        (RectifyActionsPage *self);

G_END_DECLS
